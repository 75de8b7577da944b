//! The layers over the panes, driven by messages: overlays take every key, click and wheel
//! for themselves; a prompt takes keys as text; Ctrl-C quits and Ctrl-Z suspends from any
//! layer; the source view (read by a worker) and the links overlay; a worker's failure is a
//! message, not the end of the reader.

#[path = "support/scenario.rs"]
mod scenario;

use std::path::Path;

use newsreader::app::{Effect, Msg, Worker};
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::library::Library;
use newsreader::session::Session;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use scenario::{Scenario, fixtures, generated};

fn sample() -> Scenario {
    Scenario::sample(100, 30)
}

#[test]
fn help_overlay_opens_closes_and_swallows_other_keys() {
    let mut app = sample();
    app.send(Action::Help);
    assert!(app.help().is_some());
    app.send(Action::NextSection);
    assert_eq!(app.top_row(), 0);
    app.send(Action::Cancel);
    assert!(app.help().is_none());
    app.send(Action::Help);
    app.send(Action::Help);
    assert!(app.help().is_none());
    app.send(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn test_overlays_take_every_key_click_and_wheel() {
    let mut app = fixtures(&["decorated.txt", "cn_numbered.txt"]);
    let (top, cursor, open) = (app.top_row(), app.article_cursor(), app.open_index());
    // The wheel under the help overlay scrolls the help, not the reader.
    app.send(Action::Help);
    let a = app.areas();
    app.send(Msg::Wheel {
        column: a.reader.x + 2,
        row: a.reader.y + 2,
        delta: 3,
    });
    assert_eq!(app.top_row(), top);
    assert_eq!(app.help(), Some(3));
    // `q` closes the overlay; it does not quit.
    app.send(Action::Quit);
    assert_eq!(app.help(), None);
    assert!(!app.should_quit());
    // A click on the Articles list behind the bookmarks overlay opens nothing.
    app.send(Action::Bookmarks);
    let list = app.areas().articles.unwrap();
    app.send(Msg::Click {
        column: list.x + 2,
        row: list.y + 2,
    });
    assert_eq!((app.article_cursor(), app.open_index()), (cursor, open));
    assert_eq!(app.bookmarks_open(), None, "a click outside closes it");
    // Help over bookmarks: Esc closes the top one only.
    app.send(Action::Bookmarks);
    app.send(Action::Help);
    app.send(Action::Cancel);
    assert_eq!((app.help(), app.bookmarks_open()), (None, Some(0)));
    app.send(Action::Quit);
    assert_eq!(app.bookmarks_open(), None);
    assert!(!app.should_quit());
    app.send(Action::Quit);
    assert!(app.should_quit(), "with no overlay, q quits");
}

/// The source is read by a worker: pressing `v` asks for it and the reader goes on; the
/// view opens when the lines arrive.
#[test]
fn the_source_view_shows_the_text_as_read_with_the_dropped_lines_marked() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/000_cbc56e87487c11ac.txt");
    let mut session = Session::memory(Library::load(&[seed], None), LayoutOptions::default());
    session.send(Msg::Resize(100, 30));
    let top = session.app().top_row();
    session.send(Action::Source);
    session.settle();
    let app = session.app();
    assert!(matches!(
        app.overlays().last(),
        Some(newsreader::app::Overlay::Source { scroll: 0 })
    ));
    let lines = &app.source().lines;
    let dropped: Vec<&str> = lines
        .iter()
        .filter(|l| l.dropped)
        .map(|l| l.text.trim())
        .collect();
    assert!(dropped.contains(&"返回上页 回到首页"), "{dropped:?}");
    // Each dropped line says why it was dropped.
    assert!(
        lines
            .iter()
            .filter(|l| l.dropped)
            .all(|l| l.why.as_deref().is_some_and(|w| w.contains(": "))),
        "{lines:?}"
    );
    assert!(dropped.iter().any(|l| l.contains("青年报社 版权所有")));
    assert!(
        lines
            .iter()
            .any(|l| !l.dropped && l.text.contains("党的二十大胜利召开以来")),
        "the body is there, unmarked"
    );
    // It scrolls on its own; the reader behind it does not move; Esc closes it.
    session.send(Action::PageDown);
    assert!(matches!(
        session.app().overlays().last(),
        Some(newsreader::app::Overlay::Source { scroll }) if *scroll > 0
    ));
    assert_eq!(session.app().top_row(), top);
    session.send(Action::Cancel);
    assert!(session.app().overlays().is_empty());
    // The sample built into the program has its source too.
    let mut session = Session::start(
        newsreader::session::Setup::default(),
        std::sync::Arc::new(|| {}),
    );
    session.send(Action::Source);
    session.settle();
    assert!(session.app().source().lines.iter().any(|l| l.dropped));
}

#[test]
fn the_links_overlay_lists_the_links_and_enter_asks_for_the_browser() {
    use newsreader::article::{Article, Link, Section};
    let mut a = Article::new(
        "链接的文章",
        vec![Section {
            heading: None,
            level: 0,
            paragraphs: vec!["详见新华网和人民网的报道。".into()],
        }],
    );
    a.url = Some("https://news.example/self".into());
    a.links = vec![
        Link {
            text: "新华网".into(),
            url: "https://xinhua.example/".into(),
        },
        Link {
            text: "人民网".into(),
            url: "https://people.example/".into(),
        },
    ];
    let library = Library {
        articles: vec![a],
        errors: Vec::new(),
    };
    let mut app = Scenario::new(library, 100, 30);
    // The link texts are found in the reader, for styling.
    let spans = app.link_spans().to_vec();
    assert_eq!(spans.len(), 2);
    let (block, range) = &spans[0];
    assert_eq!(&app.layout().blocks()[*block].text[range.clone()], "新华网");
    app.send(Action::Links);
    let entries = app.link_entries();
    assert_eq!(entries.len(), 3, "its own address, then the two links");
    assert_eq!(entries[0].url, "https://news.example/self");
    app.send(Action::ScrollDown);
    app.send(Action::ScrollDown);
    app.take_effects();
    app.send(Action::FocusRight);
    assert_eq!(
        app.take_effects(),
        [Effect::OpenUrl("https://people.example/".into())],
        "asked once"
    );
    app.send(Msg::UrlOpened {
        url: "https://people.example/".into(),
        result: Ok(()),
    });
    assert!(app.message().unwrap().contains("https://people.example/"));
    app.send(Action::Quit);
    assert!(app.overlays().is_empty() && !app.should_quit());
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Msg {
    Msg::Key(KeyEvent::new(code, modifiers))
}

fn ch(c: char) -> Msg {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Ctrl-C once closed only the top overlay (three presses with help over the bookmarks) and
/// acted as Esc in the search prompt. It quits from anywhere.
#[test]
fn regression_ctrl_c_quits_from_any_layer() {
    let ctrl_c = || key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let mut app = sample();
    app.send(ch('B'));
    app.send(ch('?'));
    assert_eq!(app.overlays().len(), 2, "help over the bookmarks");
    app.send(ctrl_c());
    assert!(app.should_quit());
    let mut app = sample();
    app.send(ch('/'));
    app.send(ch('q'));
    assert_eq!(app.search().query(), "q", "q is text in the prompt");
    assert!(!app.should_quit());
    app.send(ctrl_c());
    assert!(app.should_quit());
    // With the lists folded over the reader, and a library search typed into them.
    let mut app = generated(3, 1);
    app.send(Msg::Resize(60, 20));
    app.send(ch('o'));
    assert!(app.lists_open());
    app.send(Action::FocusLeft);
    app.send(ch('/'));
    assert_eq!(app.typing(), Some(newsreader::app::Prompt::Library));
    app.send(ctrl_c());
    assert!(app.should_quit());
}

/// Keys go to the top layer only: a prompt takes them as text, an overlay for itself; Ctrl-Z
/// asks for the terminal to be handed back from anywhere.
#[test]
fn a_key_goes_to_the_top_layer_and_ctrl_z_suspends_from_anywhere() {
    let mut app = sample();
    app.send(ch('B'));
    app.send(ch('j'));
    app.send(ch('/'));
    assert_eq!(app.typing(), None, "the bookmarks overlay took `/`");
    app.send(ch('q'));
    assert!(app.overlays().is_empty() && !app.should_quit());
    app.send(ch('/'));
    app.take_effects();
    app.send(key(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert_eq!(app.take_effects(), [Effect::Suspend]);
    assert_eq!(app.typing(), Some(newsreader::app::Prompt::Article));
    app.send(key(KeyCode::Char('g'), KeyModifiers::CONTROL));
    assert_eq!(app.typing(), None, "Ctrl-G leaves the prompt");
}

/// A worker that ends in a bug is a message in the status bar, and the app stops waiting
/// for it; the reader goes on.
#[test]
fn a_failed_worker_is_a_message_and_its_busy_flag_is_cleared() {
    let mut app = generated(2, 1);
    app.send(Msg::Start(Box::new(newsreader::app::Start {
        scan: true,
        ..Default::default()
    })));
    assert!(app.take_effects().contains(&Effect::Scan));
    assert!(app.work().scanning && app.busy());
    app.send(Msg::WorkerFailed {
        worker: Worker::Scan,
        why: "index out of bounds (at src/library/scan.rs:1)".into(),
    });
    assert!(!app.busy());
    let message = app.message().unwrap();
    assert!(message.contains("library scan"), "{message}");
    assert!(message.contains("index out of bounds"), "{message}");
    app.send(Action::ScrollDown);
    assert_eq!(app.message(), None, "the reader goes on");
}
