//! The reader's behaviour without a terminal: build an `App`, apply actions, look at focus,
//! selection, scroll position and the text at the top of the reader.

use std::path::{Path, PathBuf};

#[path = "support/scenario.rs"]
mod scenario;

use newsreader::app::{App, Effect, Focus, Msg, Worker};
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::library::Library;
use newsreader::session::Session;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use scenario::Scenario;

fn sample() -> Scenario {
    Scenario::sample(100, 30)
}

fn fixtures(names: &[&str]) -> Scenario {
    let paths: Vec<PathBuf> = names
        .iter()
        .map(|n| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(n)
        })
        .collect();
    Scenario::new(Library::load(&paths, None), 100, 30)
}

/// The text of the reader's first non-blank row.
fn top_text(app: &App) -> String {
    let l = app.layout();
    (app.top_row()..l.len())
        .map(|i| l.row_text(i).into_owned())
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

#[test]
fn a_single_article_opens_with_sections_focused_at_the_title() {
    let app = sample();
    assert_eq!(app.focus(), Focus::Sections);
    assert_eq!(app.section_cursor(), 0);
    assert_eq!(app.top_row(), 0);
    assert!(top_text(&app).starts_with("临港浦江国际科技城"));
    let entries: Vec<&str> = (0..4).map(|i| app.section_entry(i).0).collect();
    assert_eq!(entries[1..], ["学习有高潮", "工作有干劲", "奋斗有目标"]);
}

#[test]
fn down_in_sections_jumps_the_reader_to_the_heading() {
    let mut app = sample();
    app.send(Action::ScrollDown);
    assert_eq!(app.section_cursor(), 1);
    assert_eq!(top_text(&app), "学习有高潮");
    app.send(Action::ScrollDown);
    app.send(Action::ScrollDown);
    assert_eq!(top_text(&app), "奋斗有目标");
    app.send(Action::ScrollDown);
    assert_eq!(app.section_cursor(), 3, "stays on the last section");
    app.send(Action::ScrollUp);
    assert_eq!(top_text(&app), "工作有干劲");
}

#[test]
fn brackets_walk_sections_and_go_back_to_a_section_start() {
    let mut app = sample();
    app.send(Action::NextSection);
    app.send(Action::NextSection);
    assert_eq!(top_text(&app), "工作有干劲");
    app.send(Action::PrevSection);
    assert_eq!(top_text(&app), "学习有高潮");
    // Scrolled into a section, `[` goes back to its heading first.
    app.send(Action::FocusRight);
    assert_eq!(app.focus(), Focus::Reader);
    app.send(Action::ScrollDown);
    app.send(Action::ScrollDown);
    app.send(Action::PrevSection);
    assert_eq!(top_text(&app), "学习有高潮");
}

#[test]
fn scrolling_the_reader_moves_the_section_highlight() {
    let mut app = sample();
    app.send(Action::FocusRight);
    let mut seen = vec![app.section_cursor()];
    for _ in 0..40 {
        app.send(Action::ScrollDown);
        assert_eq!(app.section_cursor(), app.section_at_top());
        if seen.last() != Some(&app.section_cursor()) {
            seen.push(app.section_cursor());
        }
    }
    assert_eq!(seen, vec![0, 1]);
    app.send(Action::Bottom);
    assert_eq!(app.percent(), 100);
    assert_eq!(app.section_cursor(), app.section_at_top());
    assert!(app.section_cursor() >= 2);
    let bottom = app.top_row();
    app.send(Action::PageDown);
    assert_eq!(app.top_row(), bottom, "no scrolling past the last page");
    app.send(Action::Top);
    assert_eq!(
        (app.top_row(), app.section_cursor(), app.percent()),
        (0, 0, 0)
    );
}

#[test]
fn page_keys_move_by_a_screen() {
    let mut app = sample();
    app.send(Action::FocusRight);
    app.send(Action::PageDown);
    assert_eq!(app.top_row(), app.reader_height() - 1);
    app.send(Action::PageUp);
    assert_eq!(app.top_row(), 0);
}

#[test]
fn resizing_to_40_columns_and_back_keeps_the_text_at_the_top() {
    let mut app = sample();
    app.send(Action::FocusRight);
    for _ in 0..23 {
        app.send(Action::ScrollDown);
    }
    let anchor = app.anchor();
    let text = top_text(&app);
    app.send(Msg::Resize(40, 30));
    assert_eq!(app.anchor(), anchor);
    // At 40 columns the top row is the one holding that text position.
    let row = app.layout().row(app.top_row()).unwrap();
    assert_eq!(row.block(), anchor.block);
    assert!(
        row.range().contains(&anchor.offset),
        "{:?} {anchor:?}",
        row.range()
    );
    app.send(Msg::Resize(100, 30));
    assert_eq!(app.anchor(), anchor);
    assert_eq!(top_text(&app), text);
}

#[test]
fn focus_moves_like_miller_columns() {
    let mut app = fixtures(&["decorated.txt", "cn_numbered.txt", "numbered_run.txt"]);
    assert_eq!(app.focus(), Focus::Articles);
    app.send(Action::ScrollDown);
    assert_eq!(app.article_cursor(), 1);
    assert_eq!(app.open_index(), Some(0), "selecting does not open");
    app.send(Action::FocusRight);
    assert_eq!(app.open_index(), Some(1));
    assert_eq!(app.focus(), Focus::Sections);
    assert_eq!(app.article().title, "关于改进社区服务的几点意见");
    app.send(Action::FocusRight);
    assert_eq!(app.focus(), Focus::Reader);
    app.send(Action::FocusLeft);
    assert_eq!(app.focus(), Focus::Sections);
    app.send(Action::FocusLeft);
    assert_eq!(app.focus(), Focus::Articles);
    app.send(Action::FocusLeft);
    assert_eq!(app.focus(), Focus::Articles);
    app.send(Action::FocusNext);
    app.send(Action::FocusNext);
    assert_eq!(app.focus(), Focus::Reader);
    app.send(Action::FocusNext);
    assert_eq!(app.focus(), Focus::Articles);
    app.send(Action::FocusPrev);
    assert_eq!(app.focus(), Focus::Reader);
}

#[test]
fn regression_keys_on_a_narrow_screen_go_to_the_reader_not_a_hidden_list() {
    let mut app = sample();
    app.send(Msg::Resize(60, 20));
    assert_eq!(app.focus(), Focus::Reader);
    app.send(Action::ScrollDown);
    assert_eq!(
        app.top_row(),
        1,
        "one row, not a jump to a section nobody can see"
    );
    app.send(Action::ToggleLists);
    assert_eq!(app.focus(), Focus::Sections);
    app.send(Msg::Resize(50, 20));
    assert_eq!(
        app.focus(),
        Focus::Sections,
        "an open overlay keeps its focus"
    );
}

#[test]
fn narrow_screens_fold_the_lists_into_an_overlay() {
    let mut app = sample();
    app.send(Msg::Resize(60, 20));
    assert!(app.areas().sections.is_none());
    app.send(Action::FocusRight);
    app.send(Action::FocusLeft);
    assert!(app.areas().overlay && app.areas().sections.is_some());
    assert_eq!(app.focus(), Focus::Sections);
    app.send(Action::Cancel);
    assert!(app.areas().sections.is_none());
    assert_eq!(app.focus(), Focus::Reader);
    app.send(Action::ToggleLists);
    assert!(app.areas().sections.is_some());
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
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_clicks_select() {
    let mut app = sample();
    let reader = app.areas().reader;
    app.send(Msg::Wheel {
        column: reader.x + 5,
        row: reader.y + 5,
        delta: 1,
    });
    assert_eq!(app.top_row(), 3);
    app.send(Msg::Wheel {
        column: reader.x + 5,
        row: reader.y + 5,
        delta: -1,
    });
    assert_eq!(app.top_row(), 0);
    let sections = app.areas().sections.unwrap();
    // Entry 3 (奋斗有目标) is drawn on the fourth row inside the border.
    app.send(Msg::Click {
        column: sections.x + 2,
        row: sections.y + 4,
    });
    assert_eq!(app.section_cursor(), 3);
    assert_eq!(top_text(&app), "奋斗有目标");
    app.send(Msg::Click {
        column: reader.x + 2,
        row: reader.y + 2,
    });
    assert_eq!(app.focus(), Focus::Reader);
}

#[test]
fn any_size_down_to_nothing_never_panics() {
    let mut app = fixtures(&["decorated.txt", "frontmatter_md.txt"]);
    for (w, h) in [
        (1, 1),
        (0, 0),
        (2, 1),
        (1, 3),
        (20, 5),
        (300, 2),
        (79, 24),
        (80, 24),
    ] {
        app.send(Msg::Resize(w, h));
        for a in [
            Action::ScrollDown,
            Action::PageDown,
            Action::Bottom,
            Action::NextSection,
            Action::FocusLeft,
            Action::FocusNext,
            Action::ToggleLists,
            Action::PrevSection,
            Action::Top,
        ] {
            app.send(a);
            app.send(Msg::Wheel {
                column: 0,
                row: 0,
                delta: 1,
            });
            app.send(Msg::Click { column: 0, row: 0 });
        }
    }
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

/// A library of `n` short articles, each with `sections` headed sections, at 100×30.
fn generated(n: usize, sections: usize) -> Scenario {
    use newsreader::article::{Article, Section};
    let articles = (0..n)
        .map(|i| {
            let mut a = Article::new(
                format!("第{i}篇文章"),
                std::iter::once(Section {
                    heading: None,
                    level: 0,
                    paragraphs: vec![format!("第{i}篇的导语。")],
                })
                .chain((0..sections).map(|s| Section {
                    heading: Some(format!("小标题{s}")),
                    level: 1,
                    paragraphs: vec!["正文。".repeat(40)],
                }))
                .collect(),
            );
            a.path = Some(format!("/news/{i:03}.txt"));
            a
        })
        .collect();
    let library = Library {
        articles,
        errors: Vec::new(),
    };
    Scenario::new(library, 100, 30)
}

#[test]
fn page_keys_move_the_focused_list_not_the_reader() {
    let mut app = generated(60, 30);
    assert_eq!(app.focus(), Focus::Articles);
    let visible = usize::from(app.areas().articles.unwrap().height - 2);
    app.send(Action::PageDown);
    assert_eq!(app.article_cursor(), visible - 1, "a page of entries");
    assert_eq!(app.top_row(), 0, "the reader stays put");
    app.send(Action::HalfPageDown);
    assert_eq!(
        app.article_cursor(),
        visible - 1 + (visible - 1).div_ceil(2)
    );
    app.send(Action::Bottom);
    assert_eq!(app.article_cursor(), 59);
    app.send(Action::PageUp);
    assert_eq!(app.article_cursor(), 59 - (visible - 1));
    app.send(Action::Top);
    assert_eq!(app.article_cursor(), 0);
    assert_eq!(app.top_row(), 0);
    // Sections: a page of sections, the reader following the selected one.
    app.send(Action::FocusRight);
    assert_eq!(app.focus(), Focus::Sections);
    let visible = usize::from(app.areas().sections.unwrap().height - 2);
    app.send(Action::PageDown);
    assert_eq!(app.section_cursor(), visible - 1);
    assert_eq!(
        top_text(&app),
        format!("小标题 {}", visible - 2),
        "drawn with a space"
    );
    app.send(Action::Bottom);
    assert_eq!(app.section_cursor(), 30);
    app.send(Action::Top);
    assert_eq!((app.section_cursor(), app.top_row()), (0, 0));
}

#[test]
fn next_and_previous_article_from_the_reader_and_half_pages() {
    let mut app = generated(3, 20);
    app.send(Action::FocusRight);
    app.send(Action::FocusRight);
    assert_eq!(app.focus(), Focus::Reader);
    app.send(Action::HalfPageDown);
    assert_eq!(app.top_row(), (app.reader_height() - 1).div_ceil(2));
    app.send(Action::HalfPageUp);
    assert_eq!(app.top_row(), 0);
    app.send(Action::NextArticle);
    assert_eq!(app.open_index(), Some(1));
    assert_eq!(app.article().title, "第1篇文章");
    assert_eq!(app.focus(), Focus::Reader, "still reading");
    app.send(Action::NextArticle);
    app.send(Action::NextArticle);
    assert_eq!(app.open_index(), Some(2));
    assert_eq!(app.message(), Some(newsreader::strings::LAST_ARTICLE));
    app.send(Action::PrevArticle);
    app.send(Action::PrevArticle);
    assert_eq!(app.open_index(), Some(0));
    app.send(Action::PrevArticle);
    assert_eq!(app.message(), Some(newsreader::strings::FIRST_ARTICLE));
    assert_eq!(app.article_cursor(), 0, "the list cursor follows");
}

#[test]
fn full_width_reading_at_any_width() {
    let mut app = generated(3, 5);
    let beside = app.areas().reader;
    app.send(Action::ToggleLists);
    let a = app.areas();
    assert_eq!((a.articles, a.sections), (None, None));
    assert!(a.reader.width > beside.width && a.reader.x < beside.x);
    assert_eq!(app.focus(), Focus::Reader);
    // Left brings the lists back over the reader, as on a narrow screen; Esc folds them.
    app.send(Action::FocusLeft);
    assert!(app.areas().overlay && app.areas().sections.is_some());
    app.send(Action::Cancel);
    assert!(app.areas().sections.is_none());
    app.send(Action::ToggleLists);
    assert_eq!(
        app.areas().reader,
        beside,
        "the lists are back beside the reader"
    );
    // On a narrow screen the same key shows the folded lists.
    app.send(Msg::Resize(60, 20));
    app.send(Action::ToggleLists);
    assert!(app.areas().overlay);
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

/// A first run shows the first file read while the others are read; when reading is over
/// and nothing was pressed, it moves to the top of the list (the newest article), and it
/// leaves the reader alone once a key came in.
#[test]
fn a_first_run_ends_on_the_newest_article_unless_a_key_came_in() {
    let library = tempfile::tempdir().unwrap();
    for (name, title, date) in [
        ("a_old.md", "旧的文章", "2020-01-02"),
        ("m_mid.md", "中间的文章", "2022-03-04"),
        ("z_new.md", "新的文章", "2024-05-06"),
    ] {
        std::fs::write(
            library.path().join(name),
            format!("---\ntitle: {title}\ndate: {date}\n---\n\n{title}的正文，足够长的一段话。\n"),
        )
        .unwrap();
    }
    let start = |data: &Path| {
        let setup = newsreader::session::Setup {
            sources: newsreader::session::Sources::paths(vec![library.path().to_path_buf()]),
            places: newsreader::session::Places {
                data: Some(data.to_path_buf()),
                index: None,
            },
            ..Default::default()
        };
        let mut s = Session::start(setup, std::sync::Arc::new(|| {}));
        s.send(Msg::Resize(100, 30));
        s
    };
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path());
    s.settle();
    assert_eq!(s.app().article().title, "新的文章");
    assert_eq!(s.app().article_cursor(), 0);
    // Pressed while reading: the reader stays on what it shows.
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path());
    s.send(Action::ScrollDown);
    s.settle();
    assert_eq!(s.app().article().title, "旧的文章");
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
