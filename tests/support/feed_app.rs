//! Two feeds in the reader, driven through the app with entries as the catalog gives them
//! and drawn with ratatui's test backend: the helpers of the feed TUI tests.

#![allow(dead_code)]

use std::ops::Deref;
use std::sync::Arc;

use newsreader::app::{App, Effect, FeedInfo, Msg, Start};
use newsreader::article::{Article, Section};
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::model::{ArticleId, Entry, Origin};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

pub const XINHUA: &str = "https://xinhua.example/rss";
pub const PEOPLE: &str = "https://people.example/rss";
pub const LONG_NAME: &str = "一个名字非常非常长的新闻网站的中文频道与英文频道合并在一起的订阅源";
pub const FAILURE: &str = "could not read the feed at https://people.example/rss: the server answered \
    HTTP 503 Service Unavailable three times in a row; the last answer said the site is \
    being moved to a new host and asked to come back after the move, END-OF-REASON";

pub fn item(id: i64, title: &str, date: Option<&str>, feed: &str, read: bool) -> Entry {
    Entry {
        id: ArticleId(id),
        origin: Origin::Item(format!("guid-{id}")),
        key: format!("item:{id}"),
        title: title.to_string(),
        date: date.map(str::to_string),
        time: None,
        source: None,
        sections: 1,
        read,
        feeds: vec![feed.to_string()],
    }
}

/// The app and the effects it asked for, not yet answered.
pub struct Reader {
    pub app: App,
    pub effects: Vec<Effect>,
}

impl Deref for Reader {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl Reader {
    pub fn with(app: App, width: u16, height: u16) -> Reader {
        let mut r = Reader {
            app,
            effects: Vec::new(),
        };
        r.update(Msg::Resize(width, height));
        r
    }

    pub fn update(&mut self, msg: impl Into<Msg>) {
        let effects = self.app.update(msg.into());
        self.effects.extend(effects);
    }

    /// Carries out the opening of articles as the session would; returns the other effects.
    pub fn answer(&mut self) -> Vec<Effect> {
        let mut rest = Vec::new();
        while !self.effects.is_empty() {
            for effect in std::mem::take(&mut self.effects) {
                match effect {
                    Effect::Open(id) => {
                        let title = self.entry(id).map(|e| e.title.clone()).unwrap_or_default();
                        let text = format!("{title}的正文。").repeat(200);
                        let mut a = Article::new(
                            &title,
                            vec![Section {
                                heading: None,
                                level: 0,
                                paragraphs: vec![text],
                            }],
                        );
                        a.url = Some(format!("https://news.example/{}", id.0));
                        self.update(Msg::Opened {
                            id,
                            article: Arc::new(a),
                            remembered: None,
                        });
                    }
                    other => rest.push(other),
                }
            }
        }
        rest
    }

    pub fn choose_feed(&mut self, row: usize) {
        self.update(Action::Feeds);
        self.update(Action::Top);
        for _ in 0..row {
            self.update(Action::ScrollDown);
        }
        self.update(Action::FocusRight);
    }
}

/// Two feeds, five items (two read), the second feed failed with a long reason; started as
/// a first run, nothing pressed yet.
pub fn reader(width: u16, height: u16, people: &str) -> Reader {
    let mut r = Reader::with(App::new(LayoutOptions::default()), width, height);
    start(&mut r, people);
    r
}

pub fn start(r: &mut Reader, people: &str) {
    r.update(Msg::Start(Box::new(Start {
        entries: vec![
            item(1, "新华一", Some("2026-11-05"), XINHUA, false),
            item(2, "新华二", Some("2026-11-04"), XINHUA, true),
            item(3, "新华三", Some("2026-11-03"), XINHUA, false),
            item(4, "人民一", Some("2026-11-02"), PEOPLE, true),
            item(5, "人民二", Some("2026-11-01"), PEOPLE, false),
        ],
        collection: true,
        first_run: true,
        ..Start::default()
    })));
    r.update(Msg::Feeds(vec![
        FeedInfo {
            url: XINHUA.into(),
            name: "新华网".into(),
            error: None,
        },
        FeedInfo {
            url: PEOPLE.into(),
            name: people.into(),
            error: Some(FAILURE.into()),
        },
    ]));
    r.answer();
}

pub fn marked(effects: &[Effect]) -> Vec<(Vec<String>, bool)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::MarkRead { keys, read } => Some((keys.clone(), *read)),
            _ => None,
        })
        .collect()
}

pub fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(width, height)).unwrap();
    let theme = newsreader::theme::Theme::default();
    term.draw(|f| newsreader::ui::draw(f, app, &theme)).unwrap();
    term.backend().buffer().clone()
}

pub fn row(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let symbol = buf[(x, y)].symbol();
        out.push_str(symbol);
        x += if symbol.chars().any(|c| c > '\u{2e80}') {
            2
        } else {
            1
        };
    }
    out
}

pub fn screen(app: &App, width: u16, height: u16) -> String {
    let buf = draw(app, width, height);
    (0..height).map(|y| row(&buf, y) + "\n").collect()
}
