//! The feeds in the reader: the Feeds overlay with unread counts and errors, the Articles
//! list narrowed to one feed or to unread articles, marking read, and opening an item's
//! address in the browser. Driven through the app with entries as the catalog gives them.

use std::ops::Deref;
use std::sync::Arc;

use newsreader::app::{App, Effect, FeedInfo, Filter, Focus, Msg, Overlay, Start};
use newsreader::article::{Article, Section};
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::library::scan::ScanEvent;
use newsreader::model::{ArticleId, Entry, Origin};

const XINHUA: &str = "https://xinhua.example/rss";
const PEOPLE: &str = "https://people.example/rss";

fn item(id: i64, title: &str, date: &str, feed: &str, read: bool) -> Entry {
    Entry {
        id: ArticleId(id),
        origin: Origin::Item(format!("guid-{id}")),
        key: format!("item:{id}"),
        title: title.to_string(),
        date: Some(date.to_string()),
        time: None,
        source: None,
        sections: 1,
        read,
        feeds: vec![feed.to_string()],
    }
}

/// The app and the effects it asked for, not yet answered.
struct Reader {
    app: App,
    effects: Vec<Effect>,
}

impl Deref for Reader {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl Reader {
    fn new(width: u16, height: u16) -> Reader {
        let mut app = Reader {
            app: App::new(LayoutOptions::default()),
            effects: Vec::new(),
        };
        app.update(Msg::Resize(width, height));
        app
    }

    fn update(&mut self, msg: impl Into<Msg>) {
        let effects = self.app.update(msg.into());
        self.effects.extend(effects);
    }

    fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Lists `entries` as the catalog gives them at start, with `feeds`.
    fn start(&mut self, entries: Vec<Entry>, feeds: Vec<FeedInfo>) {
        self.update(Msg::Start(Box::new(Start {
            entries,
            collection: true,
            ..Start::default()
        })));
        self.update(Msg::Feeds(feeds));
    }

    /// Narrows the list to one feed (row `row` of the Feeds overlay; 0 lists all).
    fn choose_feed(&mut self, row: usize) {
        self.update(Action::Feeds);
        self.update(Action::Top);
        for _ in 0..row {
            self.update(Action::ScrollDown);
        }
        self.update(Action::FocusRight);
    }
}

/// Two feeds, five items (two read), and a failed fetch for the second feed.
fn app() -> Reader {
    let mut app = Reader::new(100, 30);
    let feeds = vec![
        FeedInfo {
            url: XINHUA.into(),
            name: "新华网".into(),
            error: None,
        },
        FeedInfo {
            url: PEOPLE.into(),
            name: "人民网".into(),
            error: Some("HTTP 503".into()),
        },
    ];
    app.start(
        vec![
            item(1, "新华一", "2026-11-05", XINHUA, false),
            item(2, "新华二", "2026-11-04", XINHUA, true),
            item(3, "新华三", "2026-11-03", XINHUA, false),
            item(4, "人民一", "2026-11-02", PEOPLE, true),
            item(5, "人民二", "2026-11-01", PEOPLE, false),
        ],
        feeds,
    );
    answer(&mut app);
    app
}

/// Carries out the app's effects as the session would for opening articles; returns the
/// others.
fn answer(app: &mut Reader) -> Vec<Effect> {
    let mut rest = Vec::new();
    for effect in app.take_effects() {
        match effect {
            Effect::Open(id) => {
                let title = app.entry(id).map(|e| e.title.clone()).unwrap_or_default();
                let mut a = Article::new(
                    &title,
                    vec![Section {
                        heading: None,
                        level: 0,
                        paragraphs: vec![format!("{title}的正文。")],
                    }],
                );
                a.url = Some(format!("https://news.example/{}", id.0));
                app.update(Msg::Opened {
                    id,
                    article: Arc::new(a),
                    remembered: None,
                });
                rest.extend(answer(app));
            }
            other => rest.push(other),
        }
    }
    rest
}

fn titles(app: &App) -> Vec<&str> {
    app.entries().iter().map(|e| e.title.as_str()).collect()
}

fn marked(effects: &[Effect]) -> Vec<(Vec<String>, bool)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::MarkRead { keys, read } => Some((keys.clone(), *read)),
            _ => None,
        })
        .collect()
}

#[test]
fn the_feeds_overlay_counts_unread_items_and_names_a_failed_feed() {
    let mut app = app();
    // The first item, shown at start with no key pressed, is not read yet.
    let counts = app.feed_counts();
    let row = |i: usize| (counts[i].name.as_str(), counts[i].unread, counts[i].total);
    assert_eq!(row(0), ("All articles", 3, 5));
    assert_eq!(row(1), ("新华网", 2, 3));
    assert_eq!(row(2), ("人民网", 1, 2));
    assert_eq!(counts[2].error.as_deref(), Some("HTTP 503"));
    app.update(Action::Feeds);
    assert_eq!(app.overlays(), [Overlay::Feeds { cursor: 0 }]);
    let screen = render(&app, 100, 30);
    assert!(screen.contains("新华网"), "{screen}");
    assert!(screen.contains("2 unread of 3"), "{screen}");
    assert!(screen.contains("! HTTP 503"), "{screen}");
}

#[test]
fn choosing_a_feed_lists_its_items_only_and_esc_in_the_overlay_changes_nothing() {
    let mut app = app();
    app.update(Action::Feeds);
    app.update(Action::Cancel);
    assert!(app.overlays().is_empty());
    assert_eq!(titles(&app).len(), 5);
    app.update(Action::Feeds);
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    app.update(Action::FocusRight);
    assert!(app.overlays().is_empty());
    assert_eq!(titles(&app), ["人民一", "人民二"]);
    assert_eq!(app.focus(), Focus::Articles);
    assert_eq!(app.filter_label().as_deref(), Some("人民网"));
    assert!(render(&app, 100, 30).contains("Articles (人民网)"));
    // The overlay opens on the feed listed; the first row lists everything again.
    app.update(Action::Feeds);
    assert_eq!(app.overlays(), [Overlay::Feeds { cursor: 2 }]);
    app.update(Action::Top);
    app.update(Action::FocusRight);
    assert_eq!(titles(&app).len(), 5);
    assert_eq!(app.filter(), &Filter::default());
    // A list narrowed to nothing says how to widen it.
    app.update(Action::Feeds);
    app.update(Action::Bottom);
    app.update(Action::FocusRight);
    app.update(Action::UnreadOnly);
    assert_eq!(titles(&app), ["人民二"]);
    app.update(Action::MarkAllRead);
    app.update(Action::MarkAllRead);
    app.update(Action::UnreadOnly);
    app.update(Action::UnreadOnly);
    assert!(titles(&app).is_empty());
    assert!(render(&app, 100, 30).contains("nothing here"));
}

#[test]
fn unread_only_keeps_an_item_read_meanwhile_until_the_filter_changes() {
    let mut app = app();
    answer(&mut app);
    app.update(Action::UnreadOnly);
    assert_eq!(titles(&app), ["新华一", "新华三", "人民二"]);
    assert!(app.message().unwrap().contains("only unread"));
    // Opening one marks it read; it stays listed so the list does not jump.
    app.update(Action::ScrollDown);
    app.update(Action::FocusRight);
    let effects = answer(&mut app);
    assert_eq!(marked(&effects), [(vec!["item:3".to_string()], true)]);
    assert_eq!(titles(&app), ["新华一", "新华三", "人民二"]);
    // Toggling the filter twice leaves it out.
    app.update(Action::UnreadOnly);
    app.update(Action::UnreadOnly);
    assert_eq!(titles(&app), ["新华一", "人民二"]);
    app.update(Action::UnreadOnly);
    assert_eq!(titles(&app).len(), 5);
}

#[test]
fn r_toggles_read_and_a_twice_marks_the_listed_feed_read_in_one_write() {
    let mut app = app();
    answer(&mut app);
    app.update(Action::ScrollDown); // 新华二, read
    app.update(Action::ToggleRead);
    assert!(!app.entries()[1].read);
    assert_eq!(
        marked(&app.take_effects()),
        [(vec!["item:2".to_string()], false)]
    );
    app.update(Action::ToggleRead);
    assert!(app.entries()[1].read);
    app.take_effects();
    // A in a list narrowed to one feed marks that feed's unread items only.
    app.update(Action::Feeds);
    app.update(Action::ScrollDown);
    app.update(Action::FocusRight);
    app.update(Action::MarkAllRead);
    assert!(marked(&app.take_effects()).is_empty(), "asked first");
    app.update(Action::MarkAllRead);
    assert_eq!(
        marked(&app.take_effects()),
        [(vec!["item:1".to_string(), "item:3".to_string()], true)]
    );
    assert_eq!(app.feed_counts()[1].unread, 0);
    assert_eq!(
        app.feed_counts()[2].unread,
        1,
        "the other feed is untouched"
    );
    // A on a row of the Feeds overlay marks that feed read, listed or not.
    app.update(Action::Feeds);
    app.update(Action::Bottom);
    app.update(Action::MarkAllRead);
    app.update(Action::MarkAllRead);
    assert_eq!(
        marked(&app.take_effects()),
        [(vec!["item:5".to_string()], true)]
    );
    assert_eq!(app.feed_counts()[0].unread, 0);
}

#[test]
fn new_items_of_another_feed_wait_outside_a_narrowed_list() {
    let mut app = app();
    app.choose_feed(1);
    app.update(Msg::FetchItem(item(
        6,
        "人民三",
        "2026-11-06",
        PEOPLE,
        false,
    )));
    app.update(Msg::FetchItem(item(
        7,
        "新华四",
        "2026-11-06",
        XINHUA,
        false,
    )));
    assert_eq!(titles(&app), ["新华四", "新华一", "新华二", "新华三"]);
    assert_eq!(app.feed_counts()[2].total, 3, "counted while not listed");
    app.update(Msg::Scan(ScanEvent::Removed(ArticleId(6))));
    assert_eq!(app.feed_counts()[2].total, 2);
    app.choose_feed(0);
    assert_eq!(titles(&app).len(), 6);
}

#[test]
fn a_bookmark_in_an_article_left_out_of_the_list_widens_it() {
    use newsreader::model::{Bookmark, StoredPlace};
    let mut app = app();
    app.choose_feed(1);
    let bookmarks = vec![Bookmark {
        key: "item:5".into(),
        place: StoredPlace::Legacy {
            block: 0,
            offset: 0,
        },
        title: "人民二".into(),
        snippet: "人民二的正文。".into(),
    }];
    app.update(Msg::Bookmarked(Ok((bookmarks, true))));
    app.update(Action::Bookmarks);
    app.update(Action::FocusRight);
    answer(&mut app);
    assert_eq!(app.article().title, "人民二");
    assert_eq!(titles(&app).len(), 5, "the list shows all articles again");
    assert_eq!(app.filter(), &Filter::default());
    assert_eq!(app.entries()[app.article_cursor()].title, "人民二");
}

#[test]
fn o_asks_for_the_articles_own_address_in_the_browser() {
    let mut app = app();
    app.update(Action::OpenInBrowser);
    let effects = answer(&mut app);
    assert!(
        effects.contains(&Effect::OpenUrl("https://news.example/1".into())),
        "{effects:?}"
    );
}

fn render(app: &App, width: u16, height: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut term = Terminal::new(TestBackend::new(width, height)).unwrap();
    let theme = newsreader::theme::Theme::default();
    term.draw(|f| newsreader::ui::draw(f, app, &theme)).unwrap();
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let mut x = 0;
        while x < width {
            let symbol = buf[(x, y)].symbol();
            out.push_str(symbol);
            // A wide character covers the cell after it.
            x += if symbol.chars().any(|c| c > '\u{2e80}') {
                2
            } else {
                1
            };
        }
        out.push('\n');
    }
    out
}

#[test]
fn subscribed_with_nothing_fetched_yet_the_reader_says_how_to_get_the_news() {
    let mut app = Reader::new(60, 20);
    let feeds = vec![FeedInfo {
        url: XINHUA.into(),
        name: "新华网".into(),
        error: None,
    }];
    app.start(Vec::new(), feeds);
    assert!(
        app.article().title.contains("press R"),
        "{}",
        app.article().title
    );
    assert!(render(&app, 60, 20).contains("press R to fetch"));
    // The first item stored replaces it.
    app.update(Msg::FetchItem(item(
        1,
        "新华一",
        "2026-11-05",
        XINHUA,
        false,
    )));
    answer(&mut app);
    assert_eq!(app.article().title, "新华一");
}
