//! The complete default config with every key commented, as `--print-config` prints it.

use std::fmt::Write as _;

use super::{Config, default_path};
use crate::keymap::Action;
use crate::theme::{Theme, style_string};

/// The complete default config with every key commented, as `--print-config` prints it. It
/// parses back to the defaults.
pub fn default_text() -> String {
    let d = Config::default();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# newsreader configuration. Every key is optional: what you leave out keeps the\n\
         # default shown here. Put this file at {}\n\
         # or name another with --config FILE.\n",
        default_path().map_or("config.toml".into(), |p| p.display().to_string())
    );
    let _ = writeln!(
        out,
        "# Folders (or files) to read when newsreader is started without a PATH. `~` is\n\
         # your home folder. Empty: the sample article built into the program.\n\
         # library = [\"~/news\"]\n\
         library = []\n"
    );
    let _ = writeln!(
        out,
        "# Capture the mouse: the wheel scrolls the pane under the pointer, a click selects.\n\
         mouse = {}\n",
        d.mouse
    );
    let _ = writeln!(
        out,
        "# Article files larger than this many megabytes are skipped with a message.\n\
         max-file-mb = {}\n",
        d.max_file_bytes >> 20
    );
    let _ = writeln!(
        out,
        "# The order of the Articles list: \"newest-first\" (articles with a date first, newest\n\
         # at the top, then the rest by path) or \"path\" (as the folders are walked).\n\
         sort = \"{}\"\n",
        d.order.name()
    );
    let _ = writeln!(
        out,
        "# What the reader opens on: \"articles\" (the Articles list) or \"feeds\" (the Feeds\n\
         # overlay, each feed with its unread count, as newsboat starts).\n\
         start = \"{}\"\n",
        if d.feeds_home { "feeds" } else { "articles" }
    );
    let _ = writeln!(
        out,
        "# How often the reader refreshes the feeds on its own, in minutes (0: only when you\n\
         # ask).\n\
         refresh-minutes = {}\n\
         # The time zone for feed dates that carry none: \"local\", an IANA name such as\n\
         # \"Asia/Shanghai\", or an offset such as \"+08:00\".\n\
         timezone = \"{}\"\n\n\
         # Feeds to follow: one [[feeds]] table each, after the keys above. `name` (shown\n\
         # instead of the feed's title) and `full-text` (read each item's web page for the\n\
         # whole article) are optional.\n\
         # [[feeds]]\n\
         # url = \"https://news.example/rss.xml\"\n\
         # name = \"Example News\"\n\
         # full-text = true\n\n\
         # Sync with your own feed server (FreshRSS, Miniflux, Inoreader and others): its\n\
         # subscriptions, read marks and stars become the reader's, and `newsreader sync` or R\n\
         # brings them. The password is never written here: password-command prints it (its\n\
         # first line is used), or set the NEWSREADER_SYNC_PASSWORD environment variable.\n\
         # [sync]\n\
         # provider = \"greader\"    # the Google Reader API; \"miniflux\": Miniflux's own API\n\
         # url = \"https://rss.example/api/greader.php\"    # Miniflux: its root address\n\
         # user = \"me\"             # not needed with provider = \"miniflux\" (an API key)\n\
         # password-command = \"pass show freshrss\"\n",
        d.refresh_minutes.unwrap_or(0),
        d.timezone.name()
    );
    let l = d.layout;
    let _ = writeln!(
        out,
        "[layout]\n\
         # The measure: the widest the text column gets, in cells (0: the whole pane). 72\n\
         # cells hold 36 Chinese characters, a comfortable line.\n\
         measure = {}\n\
         # Where the column sits in a wider pane: \"left\" or \"center\".\n\
         align = \"{}\"\n\
         # Paragraphs: \"blank\" (a blank row between them) or \"indent\" (book style: each\n\
         # indented by two Chinese characters, no blank row).\n\
         paragraph = \"{}\"\n\
         # Paragraph indent with blank rows: \"as-source\", \"none\" or \"full-width\".\n\
         indent = \"{}\"\n\
         # One cell between Chinese and Latin letters or digits: 使用 Rust 语言开发了 3 个版本.\n\
         # Drawn only; search finds the text with or without the space.\n\
         cjk-spacing = {}\n\
         # Keep Chinese characters on one column parity so they line up down the page (a\n\
         # Latin word and its spaces take an even number of cells).\n\
         grid-align = {}\n\
         # Draw full-width letters and digits (ＡＢＣ１２３) half-width.\n\
         normalize-width = {}\n\
         # Count East Asian ambiguous characters (… — “) as two columns.\n\
         ambiguous-wide = {}\n\
         # Pictures in articles: \"auto\" (the terminal's graphics protocol, kitty, iTerm2 or\n\
         # sixel, when it answers the query at start; half blocks otherwise), \"halfblocks\"\n\
         # or \"off\" (only the placeholder [图片：alt]). Fetched when they come near the\n\
         # screen, at most 10 MB each, kept in the cache folder (at most 200 MB).\n\
         images = \"{}\"\n",
        l.measure,
        l.align.name(),
        l.paragraph.name(),
        l.indent.name(),
        l.cjk_spacing,
        l.grid_align,
        l.normalize_width,
        l.ambiguous_wide,
        l.images.name()
    );
    let _ = writeln!(
        out,
        "[theme]\n\
         # Styles: colour names, #rrggbb or 0-255, \"on COLOR\" for the background, and\n\
         # bold, dim, italic, underlined, reversed, crossed-out. NO_COLOR removes colours."
    );
    let mut theme = d.theme.clone();
    for name in Theme::NAMES {
        if let Some(s) = theme.style_mut(name) {
            let _ = writeln!(out, "{name} = \"{}\"", style_string(*s));
        }
    }
    let _ = writeln!(
        out,
        "\n[keys]\n\
         # \"KEY\" = \"action\". Keys: a character, or Up, Down, Left, Right, PageUp, PageDown,\n\
         # Home, End, Enter, Esc, Tab, Space, Backspace, F1-F12, with C- (Ctrl), M- (Alt) or\n\
         # S- (Shift) before them. Your bindings are added to these; a key you bind here\n\
         # loses its default meaning. Actions: {}",
        Action::ALL.map(Action::name).join(", ")
    );
    for (key, action) in d.keymap.bindings() {
        let _ = writeln!(out, "\"{}\" = \"{}\"", key.name(), action.name());
    }
    out
}
