//! The reader's behaviour without a terminal: build an `App`, apply actions, look at focus,
//! selection, scroll position and the text at the top of the reader.

use std::path::{Path, PathBuf};

use newsreader::app::Focus;
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::library::Library;
use newsreader::session::Session;

fn sample() -> Session {
    let mut app = Session::memory(Library::embedded(), LayoutOptions::default());
    app.resize(100, 30);
    app
}

fn fixtures(names: &[&str]) -> Session {
    let paths: Vec<PathBuf> = names
        .iter()
        .map(|n| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(n)
        })
        .collect();
    let mut app = Session::memory(Library::load(&paths, None), LayoutOptions::default());
    app.resize(100, 30);
    app
}

/// The text of the reader's first non-blank row.
fn top_text(app: &Session) -> String {
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
    app.update(Action::ScrollDown);
    assert_eq!(app.section_cursor(), 1);
    assert_eq!(top_text(&app), "学习有高潮");
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    assert_eq!(top_text(&app), "奋斗有目标");
    app.update(Action::ScrollDown);
    assert_eq!(app.section_cursor(), 3, "stays on the last section");
    app.update(Action::ScrollUp);
    assert_eq!(top_text(&app), "工作有干劲");
}

#[test]
fn brackets_walk_sections_and_go_back_to_a_section_start() {
    let mut app = sample();
    app.update(Action::NextSection);
    app.update(Action::NextSection);
    assert_eq!(top_text(&app), "工作有干劲");
    app.update(Action::PrevSection);
    assert_eq!(top_text(&app), "学习有高潮");
    // Scrolled into a section, `[` goes back to its heading first.
    app.update(Action::FocusRight);
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    app.update(Action::PrevSection);
    assert_eq!(top_text(&app), "学习有高潮");
}

#[test]
fn scrolling_the_reader_moves_the_section_highlight() {
    let mut app = sample();
    app.update(Action::FocusRight);
    let mut seen = vec![app.section_cursor()];
    for _ in 0..40 {
        app.update(Action::ScrollDown);
        assert_eq!(app.section_cursor(), app.section_at_top());
        if seen.last() != Some(&app.section_cursor()) {
            seen.push(app.section_cursor());
        }
    }
    assert_eq!(seen, vec![0, 1]);
    app.update(Action::Bottom);
    assert_eq!(app.percent(), 100);
    assert_eq!(app.section_cursor(), app.section_at_top());
    assert!(app.section_cursor() >= 2);
    let bottom = app.top_row();
    app.update(Action::PageDown);
    assert_eq!(app.top_row(), bottom, "no scrolling past the last page");
    app.update(Action::Top);
    assert_eq!(
        (app.top_row(), app.section_cursor(), app.percent()),
        (0, 0, 0)
    );
}

#[test]
fn page_keys_move_by_a_screen() {
    let mut app = sample();
    app.update(Action::FocusRight);
    app.update(Action::PageDown);
    assert_eq!(app.top_row(), app.reader_height() - 1);
    app.update(Action::PageUp);
    assert_eq!(app.top_row(), 0);
}

#[test]
fn resizing_to_40_columns_and_back_keeps_the_text_at_the_top() {
    let mut app = sample();
    app.update(Action::FocusRight);
    for _ in 0..23 {
        app.update(Action::ScrollDown);
    }
    let anchor = app.anchor();
    let text = top_text(&app);
    app.resize(40, 30);
    assert_eq!(app.anchor(), anchor);
    // At 40 columns the top row is the one holding that text position.
    let row = app.layout().row(app.top_row()).unwrap();
    assert_eq!(row.block(), anchor.block);
    assert!(
        row.range().contains(&anchor.offset),
        "{:?} {anchor:?}",
        row.range()
    );
    app.resize(100, 30);
    assert_eq!(app.anchor(), anchor);
    assert_eq!(top_text(&app), text);
}

#[test]
fn focus_moves_like_miller_columns() {
    let mut app = fixtures(&["decorated.txt", "cn_numbered.txt", "numbered_run.txt"]);
    assert_eq!(app.focus(), Focus::Articles);
    app.update(Action::ScrollDown);
    assert_eq!(app.article_cursor(), 1);
    assert_eq!(app.open_index(), Some(0), "selecting does not open");
    app.update(Action::FocusRight);
    assert_eq!(app.open_index(), Some(1));
    assert_eq!(app.focus(), Focus::Sections);
    assert_eq!(app.article().title, "关于改进社区服务的几点意见");
    app.update(Action::FocusRight);
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::FocusLeft);
    assert_eq!(app.focus(), Focus::Sections);
    app.update(Action::FocusLeft);
    assert_eq!(app.focus(), Focus::Articles);
    app.update(Action::FocusLeft);
    assert_eq!(app.focus(), Focus::Articles);
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::FocusNext);
    assert_eq!(app.focus(), Focus::Articles);
    app.update(Action::FocusPrev);
    assert_eq!(app.focus(), Focus::Reader);
}

#[test]
fn regression_keys_on_a_narrow_screen_go_to_the_reader_not_a_hidden_list() {
    let mut app = sample();
    app.resize(60, 20);
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::ScrollDown);
    assert_eq!(
        app.top_row(),
        1,
        "one row, not a jump to a section nobody can see"
    );
    app.update(Action::ToggleLists);
    assert_eq!(app.focus(), Focus::Sections);
    app.resize(50, 20);
    assert_eq!(
        app.focus(),
        Focus::Sections,
        "an open overlay keeps its focus"
    );
}

#[test]
fn narrow_screens_fold_the_lists_into_an_overlay() {
    let mut app = sample();
    app.resize(60, 20);
    assert!(app.areas().sections.is_none());
    app.update(Action::FocusRight);
    app.update(Action::FocusLeft);
    assert!(app.areas().overlay && app.areas().sections.is_some());
    assert_eq!(app.focus(), Focus::Sections);
    app.update(Action::Cancel);
    assert!(app.areas().sections.is_none());
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::ToggleLists);
    assert!(app.areas().sections.is_some());
}

#[test]
fn help_overlay_opens_closes_and_swallows_other_keys() {
    let mut app = sample();
    app.update(Action::Help);
    assert!(app.help().is_some());
    app.update(Action::NextSection);
    assert_eq!(app.top_row(), 0);
    app.update(Action::Cancel);
    assert!(app.help().is_none());
    app.update(Action::Help);
    app.update(Action::Help);
    assert!(app.help().is_none());
    app.update(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_clicks_select() {
    let mut app = sample();
    let reader = app.areas().reader;
    app.wheel(reader.x + 5, reader.y + 5, 1);
    assert_eq!(app.top_row(), 3);
    app.wheel(reader.x + 5, reader.y + 5, -1);
    assert_eq!(app.top_row(), 0);
    let sections = app.areas().sections.unwrap();
    // Entry 3 (奋斗有目标) is drawn on the fourth row inside the border.
    app.click(sections.x + 2, sections.y + 4);
    assert_eq!(app.section_cursor(), 3);
    assert_eq!(top_text(&app), "奋斗有目标");
    app.click(reader.x + 2, reader.y + 2);
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
        app.resize(w, h);
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
            app.update(a);
            app.wheel(0, 0, 1);
            app.click(0, 0);
        }
    }
}

#[test]
fn test_overlays_take_every_key_click_and_wheel() {
    let mut app = fixtures(&["decorated.txt", "cn_numbered.txt"]);
    let (top, cursor, open) = (app.top_row(), app.article_cursor(), app.open_index());
    // The wheel under the help overlay scrolls the help, not the reader.
    app.update(Action::Help);
    let a = app.areas();
    app.wheel(a.reader.x + 2, a.reader.y + 2, 3);
    assert_eq!(app.top_row(), top);
    assert_eq!(app.help(), Some(3));
    // `q` closes the overlay; it does not quit.
    app.update(Action::Quit);
    assert_eq!(app.help(), None);
    assert!(!app.should_quit());
    // A click on the Articles list behind the bookmarks overlay opens nothing.
    app.update(Action::Bookmarks);
    let list = app.areas().articles.unwrap();
    app.click(list.x + 2, list.y + 2);
    assert_eq!((app.article_cursor(), app.open_index()), (cursor, open));
    assert_eq!(app.bookmarks_open(), None, "a click outside closes it");
    // Help over bookmarks: Esc closes the top one only.
    app.update(Action::Bookmarks);
    app.update(Action::Help);
    app.update(Action::Cancel);
    assert_eq!((app.help(), app.bookmarks_open()), (None, Some(0)));
    app.update(Action::Quit);
    assert_eq!(app.bookmarks_open(), None);
    assert!(!app.should_quit());
    app.update(Action::Quit);
    assert!(app.should_quit(), "with no overlay, q quits");
}

/// A library of `n` short articles, each with `sections` headed sections, at 100×30.
fn generated(n: usize, sections: usize) -> Session {
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
    let mut app = Session::memory(library, LayoutOptions::default());
    app.resize(100, 30);
    app
}

#[test]
fn page_keys_move_the_focused_list_not_the_reader() {
    let mut app = generated(60, 30);
    assert_eq!(app.focus(), Focus::Articles);
    let visible = usize::from(app.areas().articles.unwrap().height - 2);
    app.update(Action::PageDown);
    assert_eq!(app.article_cursor(), visible - 1, "a page of entries");
    assert_eq!(app.top_row(), 0, "the reader stays put");
    app.update(Action::HalfPageDown);
    assert_eq!(
        app.article_cursor(),
        visible - 1 + (visible - 1).div_ceil(2)
    );
    app.update(Action::Bottom);
    assert_eq!(app.article_cursor(), 59);
    app.update(Action::PageUp);
    assert_eq!(app.article_cursor(), 59 - (visible - 1));
    app.update(Action::Top);
    assert_eq!(app.article_cursor(), 0);
    assert_eq!(app.top_row(), 0);
    // Sections: a page of sections, the reader following the selected one.
    app.update(Action::FocusRight);
    assert_eq!(app.focus(), Focus::Sections);
    let visible = usize::from(app.areas().sections.unwrap().height - 2);
    app.update(Action::PageDown);
    assert_eq!(app.section_cursor(), visible - 1);
    assert_eq!(top_text(&app), format!("小标题{}", visible - 2));
    app.update(Action::Bottom);
    assert_eq!(app.section_cursor(), 30);
    app.update(Action::Top);
    assert_eq!((app.section_cursor(), app.top_row()), (0, 0));
}

#[test]
fn next_and_previous_article_from_the_reader_and_half_pages() {
    let mut app = generated(3, 20);
    app.update(Action::FocusRight);
    app.update(Action::FocusRight);
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::HalfPageDown);
    assert_eq!(app.top_row(), (app.reader_height() - 1).div_ceil(2));
    app.update(Action::HalfPageUp);
    assert_eq!(app.top_row(), 0);
    app.update(Action::NextArticle);
    assert_eq!(app.open_index(), Some(1));
    assert_eq!(app.article().title, "第1篇文章");
    assert_eq!(app.focus(), Focus::Reader, "still reading");
    app.update(Action::NextArticle);
    app.update(Action::NextArticle);
    assert_eq!(app.open_index(), Some(2));
    assert_eq!(app.message(), Some(newsreader::strings::LAST_ARTICLE));
    app.update(Action::PrevArticle);
    app.update(Action::PrevArticle);
    assert_eq!(app.open_index(), Some(0));
    app.update(Action::PrevArticle);
    assert_eq!(app.message(), Some(newsreader::strings::FIRST_ARTICLE));
    assert_eq!(app.article_cursor(), 0, "the list cursor follows");
}

#[test]
fn full_width_reading_at_any_width() {
    let mut app = generated(3, 5);
    let beside = app.areas().reader;
    app.update(Action::ToggleLists);
    let a = app.areas();
    assert_eq!((a.articles, a.sections), (None, None));
    assert!(a.reader.width > beside.width && a.reader.x < beside.x);
    assert_eq!(app.focus(), Focus::Reader);
    // Left brings the lists back over the reader, as on a narrow screen; Esc folds them.
    app.update(Action::FocusLeft);
    assert!(app.areas().overlay && app.areas().sections.is_some());
    app.update(Action::Cancel);
    assert!(app.areas().sections.is_none());
    app.update(Action::ToggleLists);
    assert_eq!(
        app.areas().reader,
        beside,
        "the lists are back beside the reader"
    );
    // On a narrow screen the same key shows the folded lists.
    app.resize(60, 20);
    app.update(Action::ToggleLists);
    assert!(app.areas().overlay);
}

#[test]
fn the_source_view_shows_the_text_as_read_with_the_dropped_lines_marked() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/000_cbc56e87487c11ac.txt");
    let mut app = Session::memory(Library::load(&[seed], None), LayoutOptions::default());
    app.resize(100, 30);
    let top = app.top_row();
    app.update(Action::Source);
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
    app.update(Action::PageDown);
    assert!(matches!(
        app.overlays().last(),
        Some(newsreader::app::Overlay::Source { scroll }) if *scroll > 0
    ));
    assert_eq!(app.top_row(), top);
    app.update(Action::Cancel);
    assert!(app.overlays().is_empty());
    // The sample built into the program has its source too.
    let mut app = Session::start(
        newsreader::session::Sources::embedded(),
        LayoutOptions::default(),
        newsreader::library::LoadOptions::default(),
        newsreader::model::Order::default(),
        newsreader::session::Places::default(),
        std::sync::Arc::new(|| {}),
    );
    app.update(Action::Source);
    assert!(app.source().lines.iter().any(|l| l.dropped));
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
    let mut app = Session::memory(library, LayoutOptions::default());
    app.resize(100, 30);
    // The link texts are found in the reader, for styling.
    let spans = app.link_spans().to_vec();
    assert_eq!(spans.len(), 2);
    let (block, range) = &spans[0];
    assert_eq!(&app.layout().blocks()[*block].text[range.clone()], "新华网");
    app.update(Action::Links);
    let entries = app.link_entries();
    assert_eq!(entries.len(), 3, "its own address, then the two links");
    assert_eq!(entries[0].url, "https://news.example/self");
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    app.update(Action::FocusRight);
    assert_eq!(app.take_url().as_deref(), Some("https://people.example/"));
    assert!(app.take_url().is_none(), "asked once");
    app.url_opened("https://people.example/", Ok(()));
    assert!(app.message().unwrap().contains("https://people.example/"));
    app.update(Action::Quit);
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
        let mut s = Session::start(
            newsreader::session::Sources::paths(vec![library.path().to_path_buf()]),
            LayoutOptions::default(),
            newsreader::library::LoadOptions::default(),
            newsreader::model::Order::default(),
            newsreader::session::Places {
                data: Some(data.to_path_buf()),
                index: None,
            },
            std::sync::Arc::new(|| {}),
        );
        s.resize(100, 30);
        s
    };
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path());
    s.settle();
    assert_eq!(s.article().title, "新的文章");
    assert_eq!(s.article_cursor(), 0);
    // Pressed while reading: the reader stays on what it shows.
    let data = tempfile::tempdir().unwrap();
    let mut s = start(data.path());
    s.update(Action::ScrollDown);
    s.settle();
    assert_eq!(s.article().title, "旧的文章");
}
