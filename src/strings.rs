//! Every user-visible string in one place, so wording stays consistent and can be reviewed
//! (and one day translated) without hunting through the code.

/// Label before the publisher in the article's metadata rows (Chinese articles).
pub const SOURCE_LABEL_ZH: &str = "来源：";
/// Label before the editor in the article's metadata rows (Chinese articles).
pub const EDITOR_LABEL_ZH: &str = "编辑：";
/// Label before the publisher in the article's metadata rows (articles in traditional
/// Chinese).
pub const SOURCE_LABEL_ZH_HANT: &str = "來源：";
/// Label before the editor in the article's metadata rows (articles in traditional Chinese).
pub const EDITOR_LABEL_ZH_HANT: &str = "編輯：";
/// Label before the publisher in the article's metadata rows (other articles).
pub const SOURCE_LABEL: &str = "Source: ";
/// Label before the editor in the article's metadata rows (other articles).
pub const EDITOR_LABEL: &str = "Editor: ";
/// Separator between metadata items on one row.
pub const META_SEPARATOR: &str = " · ";
/// Title used when an article has none and no file name to fall back on.
pub const UNTITLED: &str = "(untitled)";

/// Problem: the path does not exist.
pub const ERR_NOT_FOUND: &str = "no such file or folder (check the path)";
/// Problem: reading failed; the system's reason follows.
pub const ERR_UNREADABLE: &str = "cannot read the file";
/// Problem: a device, pipe or socket was named.
pub const ERR_NOT_REGULAR: &str =
    "not a regular file or folder; name a text, Markdown or HTML file";
/// A FIFO, device or folder where the program's own file should be.
pub const ERR_NOT_REGULAR_SHORT: &str = "not a regular file";
/// Problem: binary data.
pub const ERR_BINARY: &str = "binary file, not text (skipped)";
/// Problem: the forced encoding does not fit; its name follows, then the hint.
pub const ERR_NOT_IN_ENCODING: &str = "most of the text does not decode as ";
/// How to read a file whose forced encoding does not fit.
pub const ERR_NOT_IN_ENCODING_HINT: &str =
    " (try another --encoding, or leave it out to detect the encoding)";
/// Problem: nothing to read.
pub const ERR_EMPTY: &str = "empty file (skipped)";
/// Problem: parsing or decoding met a bug; the panic's message follows, then `)`.
pub const ERR_INTERNAL: &str = "could not be parsed (internal error: ";
/// Printed for a bug outside any guarded work; the panic's message follows.
pub const ERR_INTERNAL_UNGUARDED: &str = "internal error (please report it): ";
/// A panic that carried no message.
pub const ERR_INTERNAL_UNKNOWN: &str = "unknown panic";
/// An article could not be laid out (a bug, caught); the panic's message follows, then `)`.
pub const ERR_LAYOUT: &str = "could not be laid out (internal error: ";
/// Shown in the reader pane instead of an article that could not be laid out; the panic's
/// message follows, then `)`.
pub const ERR_LAYOUT_PANE: &str = "This article could not be laid out (internal error: ";
/// Problem: the file is over the size limit; the size and the limit follow.
pub const ERR_TOO_LARGE: &str = "too large";
/// How to raise the size limit.
pub const ERR_TOO_LARGE_HINT: &str = "raise max-file-mb in the config to read it";
/// Problem: symbolic links loop.
pub const ERR_LOOP: &str = "symbolic link loop (skipped)";
/// Prefix of every error line the program prints.
pub const ERR_PREFIX: &str = "newsreader: ";
/// `--encoding` named something unknown; the label follows.
pub const ERR_UNKNOWN_ENCODING: &str =
    "unknown encoding (try utf-8, gbk, gb18030, big5, utf-16le or utf-16be)";
/// Drawn in place of a wide character (a CJK character, an emoji) in a pane too narrow to
/// show it; one column wide whatever the terminal's ambiguous-width setting.
pub const WIDE_PLACEHOLDER: &str = "?";

/// Help: ↑/k.
pub const HELP_UP: &str = "previous item, or scroll up one row";
/// Help: ↓/j.
pub const HELP_DOWN: &str = "next item, or scroll down one row";
/// Help: ←/h.
pub const HELP_LEFT: &str = "focus the pane to the left";
/// Help: →/l/Enter.
pub const HELP_RIGHT: &str = "open the selection, focus right";
/// Help: PgUp/b.
pub const HELP_PAGE_UP: &str = "page up (the focused list, or the reader)";
/// Help: PgDn/Space.
pub const HELP_PAGE_DOWN: &str = "page down (the focused list, or the reader)";
/// Help: Ctrl-U.
pub const HELP_HALF_PAGE_UP: &str = "half a page up";
/// Help: Ctrl-D.
pub const HELP_HALF_PAGE_DOWN: &str = "half a page down";
/// Help: Home/g.
pub const HELP_TOP: &str = "start of the article, or first entry of the list";
/// Help: End/G.
pub const HELP_BOTTOM: &str = "end of the article, or last entry of the list";
/// Help: K.
pub const HELP_PREV_ARTICLE: &str = "previous article, staying in the reader";
/// Help: J.
pub const HELP_NEXT_ARTICLE: &str = "next article, staying in the reader";
/// Status bar: `J` on the last article of the list.
pub const LAST_ARTICLE: &str = "this is the last article";
/// Status bar: `K` on the first article of the list.
pub const FIRST_ARTICLE: &str = "this is the first article";
/// Help: `[`.
pub const HELP_PREV_SECTION: &str = "previous section";
/// Help: `]`.
pub const HELP_NEXT_SECTION: &str = "next section";
/// Help: Tab.
pub const HELP_FOCUS_NEXT: &str = "next pane";
/// Help: Shift-Tab.
pub const HELP_FOCUS_PREV: &str = "previous pane";
/// Help: `/`.
pub const HELP_SEARCH: &str = "search (from Articles: every article listed)";
/// Help: `n`.
pub const HELP_NEXT_MATCH: &str = "next match";
/// Help: `N`.
pub const HELP_PREV_MATCH: &str = "previous match";
/// Help: `?`.
pub const HELP_HELP: &str = "this help";
/// Help: `o`.
pub const HELP_LISTS: &str = "hide/show the lists (read full width)";
/// Help: Esc.
pub const HELP_CANCEL: &str = "close an overlay; cancel a search";
/// Help: q.
pub const HELP_QUIT: &str = "quit";
/// Help overlay title.
pub const HELP_TITLE: &str = " Keys ";
/// On the help overlay's bottom border when more keys are below.
pub const HELP_MORE: &str = " ↓ more: j, Space ";
/// Help overlay footer line.
pub const HELP_FOOTER: &str = "Mouse: the wheel scrolls, a click selects.";
/// Title of the Articles list.
pub const ARTICLES_TITLE: &str = " Articles ";
/// Title of the Sections list.
pub const SECTIONS_TITLE: &str = " Sections ";
/// Status bar: the library failed to load two or more files; the count comes first.
pub const STATUS_LOAD_ERRORS: &str =
    "files could not be read (listed on the terminal when you quit)";
/// Status bar: one file failed to load; `path: problem` follows.
pub const STATUS_LOAD_ERROR: &str = "could not read ";
/// Shown instead of a reader when the library is empty.
pub const EMPTY_LIBRARY: &str = "No article could be loaded.";
/// The reader while feeds are subscribed and no item is stored yet.
pub const NO_ITEMS_YET: &str = "No news yet: press R to fetch the feeds (F lists them).";
/// Printed when the interactive reader is asked for but stdout is not a terminal.
pub const NOT_A_TERMINAL: &str =
    "standard output is not a terminal; use --dump, --json or --outline to print articles";
/// Status bar: the reader went past the end and wrapped.
pub const AT_END: &str = "end of article";

/// Status bar: the open article's place in the list; "N/M" follows.
pub const ARTICLE_COUNT: &str = "article ";
/// Status bar: after the number of unread articles.
pub const UNREAD: &str = "unread";
/// Status bar, after the help key (on a first run).
pub const HINT_HELP: &str = "help";
/// Status bar, after the lists key (while the lists are folded away).
pub const HINT_LISTS: &str = "lists";
/// Status bar: the library is being read; "done/total" follows.
pub const READING: &str = "reading ";
/// Status bar: the current match; "N/M" follows.
pub const MATCH: &str = "match";
/// Status bar: nothing matched; the query follows.
pub const NO_MATCH: &str = "no match for ";
/// Status bar: `n` with no search.
pub const NO_SEARCH: &str = "no search yet: press / to search";
/// Status bar: `n` went past an article's last match to the next article of the results.
pub const NEXT_ARTICLE_MATCHES: &str = "next article of the results";
/// Status bar: `N` went before an article's first match to the previous article.
pub const PREVIOUS_ARTICLE_MATCHES: &str = "previous article of the results";
/// Status bar: the search index was damaged or outdated and is built again; why follows.
pub const INDEX_REBUILT: &str = "search index built again: ";
/// Status bar: the search index cannot be used; why follows.
pub const INDEX_UNUSABLE: &str = "search index not used: ";
/// Status bar: the search index was found damaged while the reader ran and is being built
/// again; searches read every article meanwhile. The reason follows.
pub const INDEX_DAMAGED: &str =
    "search index damaged, being built again (searching every article meanwhile): ";
/// Status bar: library search runs without the index while it is built.
pub const SEARCH_WITHOUT_INDEX: &str = "search index being built: searching every article";
/// Status bar: `n` went past the last match.
pub const WRAPPED_TO_TOP: &str = "search wrapped to the top";
/// Status bar: `N` went before the first match.
pub const WRAPPED_TO_BOTTOM: &str = "search wrapped to the bottom";
/// The search prompt's first character.
pub const SEARCH_PROMPT: &str = "/";
/// Title of the Articles list while it shows library search results.
pub const RESULTS_TITLE: &str = " Found ";
/// The config file named by --config could not be read; the system's reason follows.
pub const ERR_CONFIG_READ: &str = "cannot read the config file";
/// The config file is over the size limit; the limit follows.
pub const ERR_CONFIG_TOO_LARGE: &str = "too large for a config file";
/// The config file named by --config does not exist.
pub const ERR_CONFIG_NOT_FOUND: &str = "no such file (check the path given to --config)";
/// The config file is not UTF-8 text.
pub const ERR_CONFIG_NOT_UTF8: &str = "not UTF-8 text (save the config as UTF-8)";
/// Prefix of a config error.
pub const ERR_CONFIG: &str = "config error in ";
/// Status bar: no data folder could be found for the state.
pub const STATE_NO_DIR: &str = "no data folder: reading positions will not be remembered";
/// Status bar: the state folder cannot be used; the folder and reason follow.
pub const STATE_UNWRITABLE: &str = "cannot use the data folder ";
/// Status bar: the state file did not parse and was moved aside; the new name follows.
pub const STATE_CORRUPT: &str = "state file was damaged and moved aside to ";
/// Status bar: the catalog was damaged and moved aside; the new name and the reason follow.
pub const CATALOG_DAMAGED: &str = "library database was damaged and moved aside to ";
/// Status bar: the catalog was made by a newer program; the schema version and `)` follow.
pub const CATALOG_NEWER: &str =
    "library database is from a newer newsreader; nothing is remembered this time (schema ";
/// Status bar: the catalog cannot be used, so the reader reads without it; why follows.
pub const REMEMBERING_OFF: &str = "nothing is remembered this time: ";
/// The catalog stayed locked by another process; the seconds waited follow, then the hint.
pub const CATALOG_BUSY: &str = "the library database is locked by another program; waited ";
/// After [`CATALOG_BUSY`].
pub const CATALOG_BUSY_HINT: &str = ", nothing was changed (a second newsreader, a backup or the \
    sqlite3 shell may hold it: try again when it is done)";
/// The disk is full.
pub const CATALOG_FULL: &str =
    "the disk is full: nothing was saved, and the library database is kept as it was";
/// Reading or writing the catalog failed; SQLite's reason and `)` follow.
pub const CATALOG_IO: &str =
    "the library database could not be read or written, and is kept as it was (";
/// Status bar: the catalog could not be written; the reason follows.
pub const CATALOG_WRITE_FAILED: &str = "could not save to the library database: ";
/// Status bar: the catalog could not be read; the reason follows.
pub const CATALOG_READ_FAILED: &str = "could not read the library database: ";
/// Status bar: a worker ended in a bug (its name and the bug's message follow).
pub const WORKER_FAILED: &str = "internal error (please report it) in the ";
/// Status bar: a worker's thread could not be started.
pub const NO_THREAD: &str = "the system would not start another thread";
/// The search index cannot be built again: it has no folder, or the catalog is in memory.
pub const NO_INDEX_FOLDER: &str = "it cannot be built again without a cache and a data folder";
/// Status bar: the article asked for is no longer in the catalog.
pub const ARTICLE_GONE: &str = "that article is no longer in the library";
/// Status bar: importing state.toml failed; the reason follows.
pub const STATE_IMPORT_FAILED: &str = "could not import state.toml: ";
/// Status bar: the search prompt takes no more characters.
pub const QUERY_TOO_LONG: &str =
    "search text is limited to 1,000 characters; the rest was left out";
/// Status bar: a bookmark was added.
pub const BOOKMARK_ADDED: &str = "bookmark added";
/// Status bar: a bookmark was removed.
pub const BOOKMARK_REMOVED: &str = "bookmark removed";
/// Title of the bookmarks overlay.
pub const BOOKMARKS_TITLE: &str = " Bookmarks ";
/// Shown in the bookmarks overlay when there are none.
pub const NO_BOOKMARKS: &str = "No bookmarks yet: press m to bookmark the top of the reader.";
/// Help: m.
pub const HELP_BOOKMARK: &str = "bookmark the top of the reader (again: remove)";
/// Help: u.
pub const HELP_LINKS: &str = "the article's links; Enter opens one in the browser";
/// Title of the links overlay.
pub const LINKS_TITLE: &str = " Links (Enter opens in the browser) ";
/// Shown in the links overlay when the article has none.
pub const NO_LINKS: &str = "This article has no links.";
/// Before the article's title, for its own address in the links overlay.
pub const LINK_SELF: &str = "This article: ";
/// Status bar: a link is not a web address; it follows.
pub const NOT_WEB_ADDRESS: &str = "only http and https addresses are opened: ";
/// Status bar: the browser could not be started; why follows.
pub const BROWSER_FAILED: &str = "could not open the browser: ";
/// Status bar: the browser was asked to open this address.
pub const OPENED_IN_BROWSER: &str = "opened in the browser: ";
/// Help: O.
pub const HELP_OPEN_IN_BROWSER: &str = "open the article's own address in the browser";
/// Status bar: `O` on an article with no address.
pub const NO_ADDRESS: &str = "this article has no web address";
/// Help: F.
pub const HELP_FEEDS: &str = "the feeds with unread counts; Enter lists one feed";
/// Help: U.
pub const HELP_UNREAD_ONLY: &str = "list only unread articles, or all again";
/// Help: r.
pub const HELP_TOGGLE_READ: &str = "mark the article read, or unread again";
/// Help: A.
pub const HELP_MARK_ALL_READ: &str = "press twice: mark the whole list (or feed) read";
/// Help: x.
pub const HELP_NEXT_UNREAD: &str = "next unread article, on to the next feed";
/// Status bar: the first `A`, before the number of articles it would mark read.
pub const MARK_CONFIRM_BEFORE: &str = "mark ";
/// Status bar: the first `A`, after the number, before the key.
pub const MARK_CONFIRM_MIDDLE: &str = " read? press ";
/// Status bar: the first `A`, after the key.
pub const MARK_CONFIRM_AFTER: &str = " again (any other key: no)";
/// Status bar: `A` where every article is read already.
pub const NOTHING_UNREAD_HERE: &str = "nothing unread here";
/// Status bar: `x` with no unread article anywhere in reach.
pub const NO_UNREAD: &str = "no unread articles";
/// Status bar: `x` went on to another feed, before its name.
pub const NOW_IN: &str = "next feed: ";
/// Status bar: a feed chosen while only unread articles are listed.
pub const STILL_UNREAD_ONLY: &str = "still listing only unread articles (U: all)";
/// The library search prompt from a narrowed list, before what it is narrowed to.
pub const SEARCH_IN: &str = "in ";
/// The library search prompt from a narrowed list, after what it is narrowed to.
pub const SEARCH_IN_END: &str = " only ";
/// The Feeds overlay: the highlighted feed's whole failure, before it.
pub const FEED_ERROR_DETAIL: &str = "last fetch failed: ";
/// Title of the Feeds overlay.
pub const FEEDS_TITLE: &str = " Feeds (Enter lists one, A twice marks it read) ";
/// Title of the Feeds overlay when the long one does not fit.
pub const FEEDS_TITLE_SHORT: &str = " Feeds ";
/// The Feeds overlay's bottom border: the list's keys that work in it too.
pub const FEEDS_KEYS: &str = " x: next unread · U: unread only ";
/// The same while only unread articles are listed.
pub const FEEDS_KEYS_UNREAD: &str = " x: next unread · U: read ones too ";
/// The first row of the Feeds overlay.
pub const ALL_ARTICLES: &str = "All articles";
/// In the Feeds overlay, after the unread count.
pub const FEED_UNREAD: &str = "unread of";
/// In the Articles list's title when only unread articles are listed.
pub const FILTER_UNREAD: &str = "unread";
/// Status bar: `U` turned unread-only on.
pub const SHOWING_UNREAD: &str = "listing only unread articles (U: all)";
/// Status bar: `U` turned unread-only off.
pub const SHOWING_ALL: &str = "listing read and unread articles";
/// Status bar: an article outside the narrowed list was asked for.
pub const FILTER_CLEARED: &str = "listing all articles again, to show this one";
/// In an Articles list narrowed to nothing.
pub const NARROWED_EMPTY: &str = "nothing here (F: feeds, U: read too)";
/// Status bar: `r` marked an article read.
pub const MARKED_READ: &str = "marked read";
/// Status bar: `r` marked an article unread.
pub const MARKED_UNREAD: &str = "marked unread";
/// Status bar: after the number of articles `A` marked read.
pub const MARKED_N_READ: &str = "marked read";
/// Help: v.
pub const HELP_SOURCE: &str = "the article's source text, dropped lines marked";
/// Title of the source view.
pub const SOURCE_TITLE: &str = " Source (lines marked - were dropped, why after <-) ";
/// The mark before a dropped line in the source view.
pub const SOURCE_DROPPED_MARK: &str = "- ";
/// Between a dropped line and why the parser dropped it, in the source view.
pub const SOURCE_WHY: &str = "  <- ";
/// Status bar: the source view was asked for with no article open.
pub const NO_SOURCE: &str = "no article is open";
/// Why a feed item has no source view.
pub const NO_ITEM_SOURCE: &str = "a feed item's source is not kept (only its parsed text)";
/// Status bar: the source could not be read again; why follows.
pub const SOURCE_FAILED: &str = "could not read the source: ";
/// Status bar: the source of the open article is being read (the view opens when it is).
pub const READING_SOURCE: &str = "reading the source…";
/// Help: B.
pub const HELP_BOOKMARKS: &str = "list bookmarks across the library";
/// Status bar: a bookmark's article is not in the library opened now.
pub const BOOKMARK_ELSEWHERE: &str = "that bookmark's article is not in this library";

/// Feed problem: the address does not parse; the address follows.
pub const FEED_ERR_BAD_URL: &str = "not a valid web address";
/// Feed problem: the address is not http or https; the scheme follows.
pub const FEED_ERR_SCHEME: &str = "only http:// and https:// addresses can be fetched, not";
/// Feed problem: a redirect pointed at a scheme that is not fetched; the target follows.
pub const FEED_ERR_REDIRECT_SCHEME: &str =
    "the server redirected to an address that cannot be fetched (only http and https):";
/// Feed problem: the host name does not resolve; the host follows.
pub const FEED_ERR_DNS: &str = "cannot find the server (DNS lookup failed), check the address:";
/// Feed problem: the connection was refused; the host follows.
pub const FEED_ERR_REFUSED: &str = "the server refused the connection:";
/// Feed problem: no connection could be made; the system's reason follows.
pub const FEED_ERR_CONNECT: &str = "cannot connect to the server:";
/// Feed problem: the server took too long.
pub const FEED_ERR_TIMEOUT: &str = "the server did not answer in time (timeout)";
/// Feed problem: an HTTP error status; the status and its meaning follow.
pub const FEED_ERR_STATUS: &str = "the server answered HTTP";
/// Feed problem: the response is over the size cap; the cap follows.
pub const FEED_ERR_TOO_LARGE: &str = "the response is larger than the limit of";
/// Feed problem: redirects lead back to an address already visited; that address follows.
pub const FEED_ERR_REDIRECT_LOOP: &str = "redirect loop: the server sends the request back to";
/// Feed problem: too many redirects; the limit follows.
pub const FEED_ERR_TOO_MANY_REDIRECTS: &str = "too many redirects, more than";
/// Feed problem: a redirect without a usable `Location`.
pub const FEED_ERR_BAD_REDIRECT: &str = "the server sent a redirect without a usable address";
/// Feed problem: TLS failed; the reason follows.
pub const FEED_ERR_TLS: &str = "secure connection (TLS) failed:";
/// Feed problem: another network or protocol error; the reason follows.
pub const FEED_ERR_NETWORK: &str = "network error:";
/// Feed problem: the body is binary data.
pub const FEED_ERR_BINARY: &str = "the server sent binary data, not a feed";
/// Feed problem: the body is empty.
pub const FEED_ERR_EMPTY: &str = "the server sent an empty response, not a feed";
/// Feed problem: the document is not RSS, Atom or JSON Feed; the parser's reason follows.
pub const FEED_ERR_NOT_A_FEED: &str = "not a feed (RSS, Atom or JSON Feed expected):";
/// Feed problem: the XML is broken; the parser's reason follows.
pub const FEED_ERR_BAD_XML: &str = "the feed is not well-formed XML:";
/// Feed problem: the JSON is broken; the parser's reason follows.
pub const FEED_ERR_BAD_JSON: &str = "the feed is not valid JSON Feed:";
/// Why a document is not a feed: it is a web page.
pub const FEED_WHY_WEB_PAGE: &str = "a web page (HTML)";
/// Why a document is not a feed: no feed root element or object.
pub const FEED_WHY_NO_ROOT: &str = "no <rss>, <feed> or <rdf:RDF> element and no JSON Feed object";
/// Why a document is not a feed: a JSON Feed version that is not known; the version follows.
pub const FEED_WHY_JSON_VERSION: &str = "unsupported JSON Feed version";
/// Why a feed failed: a worker stopped on a bug (never expected).
pub const FEED_WHY_INTERNAL: &str = "internal error while reading this feed";
/// Feed problem, said of no feed in particular: the reason follows.
pub const FEED_UNNAMED: &str = "(feed)";
/// Why a summary was kept: the item has no link to fetch.
pub const FULL_TEXT_NO_LINK: &str = "no link to fetch the full text from";
/// Why a summary was kept: the page could not be fetched; the reason follows.
pub const FULL_TEXT_PAGE_FAILED: &str = "the item's page could not be fetched:";
/// Why a summary was kept: the page held less text than the summary.
pub const FULL_TEXT_SHORTER: &str = "the item's page holds less text than the summary";
/// Why a summary was kept: the per-feed limit of page fetches was reached.
pub const FULL_TEXT_LIMIT: &str =
    "too many pages to fetch in one refresh; later refreshes fetch the rest";
/// OPML problem: the file has no feed addresses.
pub const OPML_NO_FEEDS: &str = "no feed addresses (outline elements with xmlUrl) in the OPML file";
/// OPML problem: the file is binary.
pub const OPML_BINARY: &str = "the OPML file holds binary data, not text";
/// Title of an exported OPML file.
pub const OPML_TITLE: &str = "newsreader subscriptions";
/// Config: after "bad start;", before the value given.
pub const ERR_START: &str = "use \"articles\" or \"feeds\", not";
/// Config problem: a timezone that is neither an IANA name nor an offset; the value follows.
pub const ERR_TIMEZONE: &str = "expected \"local\", an IANA time zone name such as \"Asia/Shanghai\" or an offset such as \"+08:00\", not";
/// Search index error: its folder cannot be created or read; the system's reason follows.
pub const ERR_INDEX_FOLDER: &str = "cannot use the search index folder";
/// Search index error: its files cannot be read; it has to be rebuilt.
pub const ERR_INDEX_DAMAGED: &str = "the search index is damaged and has to be rebuilt";
/// Search index error: written by another version of the program; it has to be rebuilt.
pub const ERR_INDEX_OUTDATED: &str =
    "the search index was written by another version of newsreader and has to be rebuilt";
/// Search index error: another process is writing it.
pub const ERR_INDEX_BUSY: &str = "another newsreader is updating the search index";
/// Search index error: writing failed; the engine's reason follows.
pub const ERR_INDEX_WRITE: &str = "cannot write the search index";
/// Search index error: an article is too long to index.
pub const ERR_INDEX_TOO_LONG: &str = "too long to index (over four billion characters)";

/// `feeds add` with an address that is not http or https.
pub const FEEDS_NOT_WEB: &str =
    "not an http:// or https:// address; a feed is subscribed by its web address";
/// `feeds add` did subscribe; the feed's name follows.
pub const FEEDS_ADDED: &str = "subscribed: ";
/// `feeds add` for a feed already subscribed; the feed's name follows.
pub const FEEDS_ALREADY: &str = "already subscribed (name and full text updated): ";
/// After subscribing: how to get the items.
pub const FEEDS_FETCH_HINT: &str =
    "run `newsreader fetch` (or press R in the reader) to fetch the news";
/// `feeds import`: the number of feeds comes first.
pub const FEEDS_IMPORTED: &str = "feeds in the file";
/// `feeds import`: the number of feeds (one) comes first.
pub const FEEDS_IMPORTED_ONE: &str = "feed in the file";
/// `feeds import`: the number of new ones comes first.
pub const FEEDS_NEW: &str = "new";
/// `feeds list` and `fetch` with no subscriptions.
pub const FEEDS_NONE: &str = "no feeds yet: subscribe with `newsreader feeds add URL` or `newsreader feeds import FILE.opml`";
/// `feeds list`: after the name of a feed named in the config.
pub const FEEDS_FROM_CONFIG: &str = " (from the config)";
/// `feeds list`: after the number of items.
pub const FEEDS_ITEMS: &str = "items";
/// `feeds list`: after the number of items, when it is one.
pub const FEEDS_ITEM: &str = "item";
/// `feeds list`: after the number of unread items.
pub const FEEDS_UNREAD: &str = "unread";
/// `feeds list`: before the last error of a feed.
pub const FEEDS_LAST_ERROR: &str = "last fetch failed: ";
/// `feeds remove` for a feed named in the config.
pub const FEEDS_IN_CONFIG: &str = "named in the config file; remove it there";
/// `feeds remove` did unsubscribe; the address follows.
pub const FEEDS_REMOVED: &str = "unsubscribed: ";
/// `feeds remove` for an address not subscribed.
pub const FEEDS_NOT_SUBSCRIBED: &str = "not subscribed (see `newsreader feeds list`)";
/// `fetch` summary: after the number of feeds.
pub const FETCH_FEEDS: &str = "feeds";
/// `fetch` summary: after the number of feeds, when it is one.
pub const FETCH_FEED: &str = "feed";
/// `fetch` summary: after the number of new items.
pub const FETCH_NEW: &str = "new items";
/// `fetch` summary: after the number of new items, when it is one.
pub const FETCH_NEW_ONE: &str = "new item";
/// `fetch` summary: after the number of changed items.
pub const FETCH_UPDATED: &str = "updated";
/// `fetch` summary: after the number of feeds that had not changed.
pub const FETCH_UNCHANGED: &str = "unchanged";
/// `fetch` summary: after the number of feeds that failed.
pub const FETCH_FAILED: &str = "failed";
/// The progress bar of `fetch`, and the status bar while the reader refreshes.
pub const FETCHING: &str = "fetching ";
/// Help: R.
pub const HELP_REFRESH: &str = "refresh the news feeds";
/// Status bar: `R` with files named on the command line.
pub const NO_FEEDS_HERE: &str =
    "no feeds in this library (start newsreader without a file to read feeds)";
/// Status bar: `R` without a data folder to store items in.
pub const FETCH_NEEDS_DATA: &str = "feeds cannot be refreshed without a data folder";
/// Status bar after a refresh: before the one feed that failed.
pub const FEED_FAILED: &str = "failed: ";
/// Status bar after a refresh: after the number of feeds that failed.
pub const FEEDS_FAILED: &str = "feeds failed";

// Repairs made to feed documents that are not well-formed (the debug log only).

/// Repair log: before the line number of a repair's first occurrence.
pub const REPAIR_LINE: &str = "line";
/// Repair: `&` that starts no reference.
pub const REPAIR_BARE_AMPERSAND: &str = "`&` that starts no reference, read as text";
/// Repair: a character reference to no character.
pub const REPAIR_BAD_CHAR_REF: &str = "character reference to no character, read as U+FFFD";
/// Repair: `<` that starts no markup.
pub const REPAIR_STRAY_LT: &str = "`<` that starts no tag, read as text";
/// Repair: markup inside an RSS text element.
pub const REPAIR_MARKUP_IN_TEXT: &str =
    "markup inside a title or description (unescaped HTML, `<name>`), read as text";
/// Repair: a start tag never closed.
pub const REPAIR_UNCLOSED_AS_TEXT: &str = "start tag never closed, read as text";
/// Repair: a feed element left open.
pub const REPAIR_CLOSED_IMPLICITLY: &str = "feed element left open, closed where its parent ends";
/// Repair: an end tag closing nothing.
pub const REPAIR_STRAY_END_TAG: &str = "end tag that closes nothing, read as text";
/// Repair: an element name in another case than the format's or its start tag's.
pub const REPAIR_NAME_CASE: &str =
    "element name in another case than the format's or its start tag's, respelled";
/// Repair: an attribute that is not well-formed.
pub const REPAIR_BAD_ATTRIBUTE: &str =
    "attribute unquoted, without a value, repeated, unusable or holding a bare `&`";
/// Repair: an XML declaration after the start.
pub const REPAIR_EXTRA_DECLARATION: &str = "XML declaration after the start, removed";
/// Repair: text or tags outside the root element.
pub const REPAIR_OUTSIDE_ROOT: &str = "text or tags outside the feed's root element, removed";
/// Repair: RSS 0.90's namespace.
pub const REPAIR_OLD_NAMESPACE: &str = "RSS 0.90 namespace, read as RSS 1.0";
/// Repair: a JSON Feed value of the wrong type.
pub const REPAIR_JSON_TYPE: &str =
    "JSON Feed value of the wrong type (a number for an id, a string for a list), made to fit";
/// Repair log: between the feed's address and its repairs.
pub const REPAIR_LOG_HEAD: &str = "repaired:";

// The library on the command line (`list`, `search`, `--json` with no PATH).

/// `list`/`search` with no folders and no feeds.
pub const LIBRARY_EMPTY: &str = "the library is empty: name folders with `library` in the config, or subscribe to feeds (`newsreader feeds add URL`)";
/// `list --feed NAME` naming no subscribed feed.
pub const LIST_NO_SUCH_FEED: &str =
    "no subscribed feed has this name, title or address (see `newsreader feeds list`)";
/// `search` with an empty query.
pub const SEARCH_EMPTY_QUERY: &str = "nothing to search for: give a word or phrase";
/// `search` that found nothing (on standard error); the query follows.
pub const SEARCH_NOTHING: &str = "no match for ";
/// A command given with PATHs or `--json`/`--outline`/`--dump`.
pub const ERR_COMMAND_AND_FILES: &str = "a command (fetch, sync, feeds, list, search) does not take PATHs, --json, --outline, --dump, --width or --encoding; name a file like a command as ./fetch";

/// `one` when `n` is 1, else `many`: the words after a count.
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

// Sync with a feed server (`[sync]`, `newsreader sync`).

/// Sync error: the server could not be reached; the network problem follows in brackets.
pub const SYNC_ERR_OFFLINE: &str = "the sync server could not be reached";
/// Sync error: the login was refused.
pub const SYNC_ERR_LOGIN: &str = "the sync server refused the user name or password (check `user` in [sync], and the password from password-command or NEWSREADER_SYNC_PASSWORD)";
/// Sync error: the server's answer could not be read; what was wrong follows.
pub const SYNC_ERR_PROTOCOL: &str = "the sync server's answer could not be read";
/// Sync error: the server refused a request; its reason follows.
pub const SYNC_ERR_REFUSED: &str = "the sync server refused:";
/// Sync error: no password; why follows.
pub const SYNC_ERR_PASSWORD: &str = "no sync password:";
/// Sync error: the address in `[sync]` cannot be used; why follows.
pub const SYNC_ERR_URL: &str = "the sync address in [sync] cannot be used:";
/// Sync error: the server redirects; where to follows.
pub const SYNC_ERR_REDIRECT: &str =
    "the server redirects (put the address it redirects to in [sync] url):";
/// Password problem: not UTF-8.
pub const SYNC_PASSWORD_NOT_UTF8: &str = "the password is not valid UTF-8 text";
/// Password problem: neither source is set.
pub const SYNC_PASSWORD_NONE: &str =
    "set password-command in [sync], or the NEWSREADER_SYNC_PASSWORD environment variable";
/// Password problem: the command failed; why follows.
pub const SYNC_PASSWORD_COMMAND: &str = "password-command failed";
/// Password problem: the command's exit status follows.
pub const SYNC_PASSWORD_EXIT: &str = "it ended with";
/// Password problem: the command printed nothing.
pub const SYNC_PASSWORD_EMPTY: &str = "its first line of output is empty";
/// Protocol problem: no `Auth=` line after ClientLogin.
pub const SYNC_WHY_NO_AUTH: &str = "no Auth= line in the answer";
/// Protocol problem: an empty answer.
pub const SYNC_WHY_EMPTY: &str = "the answer is empty";
/// Protocol problem: an id listing without ids.
pub const SYNC_WHY_NO_IDS: &str = "no itemRefs in the answer (the server may not offer this call)";
/// Protocol problem: a listing without items.
pub const SYNC_WHY_NO_ITEMS: &str = "no items in the answer (the server may not offer this call)";
/// Protocol problem: no subscriptions list.
pub const SYNC_WHY_NO_SUBS: &str = "no subscriptions in the answer";
/// Protocol problem: a write not answered `OK`; the answer follows.
pub const SYNC_WHY_NOT_OK: &str = "expected OK, got";
/// Protocol problem: Miniflux has no category to file a feed in.
pub const SYNC_WHY_NO_CATEGORY: &str = "the account has no category to file the feed in";
/// Protocol problem: a Miniflux feed id that is not a number.
pub const SYNC_WHY_BAD_FEED_ID: &str = "a feed id that is not a number";
/// `feeds add` with sync on: the server found no feed at the address.
pub const SYNC_NO_FEED_THERE: &str = "no feed found at this address";
/// Config error: a password written in `[sync]`.
pub const CONFIG_SYNC_PASSWORD: &str = "a password is never kept in the config: remove it, and set password-command (a command that prints it) or the NEWSREADER_SYNC_PASSWORD environment variable";
/// `newsreader sync` without `[sync]` in the config.
pub const SYNC_NOT_CONFIGURED: &str = "no [sync] table in the config: add one naming your feed server (see `newsreader --print-config`)";
/// The progress bar of `sync`.
pub const SYNCING: &str = "syncing ";
/// `sync` summary: after the number of read or star changes that came from the server.
pub const SYNC_CHANGED_HERE: &str = "changed on the server";
/// `sync` summary: after the number of changes sent.
pub const SYNC_SENT: &str = "sent";
/// `sync` summary: after the number of requests.
pub const SYNC_REQUESTS: &str = "requests";
/// `feeds add` with sync on: subscribed; the feed follows.
pub const SYNC_SUBSCRIBED: &str = "subscribed on the sync server: ";
/// `feeds remove` with sync on: unsubscribed; the address follows.
pub const SYNC_UNSUBSCRIBED: &str = "unsubscribed on the sync server: ";
/// `feeds add | import` with sync on: what to do next.
pub const SYNC_HINT: &str = "run `newsreader sync` (or press R in the reader) to bring its items";
/// `feeds remove` with sync on: the address is not a subscription on the server.
pub const SYNC_NOT_ON_SERVER: &str =
    "not subscribed on the sync server (see `newsreader feeds list`)";
/// `feeds import` with sync on: after the number of feeds newly subscribed on the server.
pub const SYNC_NEW_ON_SERVER: &str = "new on the server";
/// `feeds list` with sync on and no subscription known.
pub const SYNC_NO_FEEDS: &str = "no feeds from the sync server yet: run `newsreader sync`, or subscribe with `newsreader feeds add URL`";
/// When the last sync succeeded; the time follows.
pub const SYNC_LAST: &str = "last sync: ";
/// No sync has succeeded yet.
pub const SYNC_NEVER: &str = "never";
/// The last sync failed; why follows.
pub const SYNC_LAST_FAILED: &str = "the last try failed: ";
/// After the number of changes made here that wait to be sent.
pub const SYNC_WAITING: &str = "changes waiting to be sent";
/// Help: s.
pub const HELP_STAR: &str = "star the article, or unstar it (listed under B)";
/// Status bar after `s`.
pub const STARRED: &str = "starred";
/// Status bar after `s` on a starred article.
pub const UNSTARRED: &str = "star removed";
/// The bookmarks list: the line under a starred article's title.
pub const STAR_SNIPPET: &str = "★ starred";
/// Status bar after a sync: before what it brought.
pub const SYNCED: &str = "synced: ";
/// Status bar while the sync server cannot be reached; when the last sync succeeded follows.
pub const SYNC_OFFLINE: &str = "offline: the sync server could not be reached; last sync ";
/// Reader: the note in a picture's rows while it is fetched.
pub const PICTURE_LOADING: &str = "⋯ loading the picture";
/// Reader: the note in a picture's rows when it cannot be shown; why follows.
pub const PICTURE_FAILED: &str = "✗ picture not shown: ";
/// Reader: the note for a picture whose address is not fetched (`data:`, `file:`, outside a
/// saved page's folder, or relative with no address to read it against).
pub const PICTURE_NOT_FETCHED: &str = "✗ picture not shown: its address is not fetched";
