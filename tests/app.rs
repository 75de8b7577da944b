//! The reader's behaviour without a terminal: build an `App`, apply actions, look at focus,
//! selection, scroll position and the text at the top of the reader.

use std::path::Path;

#[path = "support/scenario.rs"]
mod scenario;

use newsreader::app::{App, Focus, Msg};
use newsreader::keymap::Action;
use newsreader::session::Session;
use scenario::{Scenario, fixtures, generated};

fn sample() -> Scenario {
    Scenario::sample(100, 30)
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
