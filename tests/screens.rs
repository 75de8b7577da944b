//! Screen snapshots: the whole interface drawn into ratatui's `TestBackend` at several sizes,
//! with CJK text, after a section jump, with the help overlay and with a multi-article
//! library. The snapshots live in `tests/snapshots/`.

use std::path::{Path, PathBuf};

#[path = "support/scenario.rs"]
mod scenario;

use newsreader::app::{App, Msg};
use newsreader::keymap::{Action, Keymap};
use newsreader::layout::LayoutOptions;
use newsreader::library::Library;
use newsreader::session::Session;
use newsreader::theme::Theme;
use newsreader::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use scenario::Scenario;
use unicode_width::UnicodeWidthStr;

/// The buffer as text, one line per row; a wide character's second cell is not repeated.
fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = sym.width().saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// The screen at `w`×`h`, after the app is told of that size.
fn render(app: &mut Scenario, w: u16, h: u16) -> String {
    app.send(Msg::Resize(w, h));
    draw(app, w, h)
}

/// The screen of `app` drawn at `w`×`h`.
fn draw(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(f, app, &Theme::default())).unwrap();
    text(term.backend().buffer())
}

/// The sample at 80×24, as a session starts it before the terminal's size is known.
fn sample() -> Scenario {
    Scenario::sample(80, 24)
}

fn library(paths: &[PathBuf]) -> Scenario {
    Scenario::new(Library::load(paths, None), 80, 24)
}

const SIZES: [(u16, u16); 4] = [(100, 30), (60, 20), (20, 5), (1, 1)];

#[test]
fn first_screen() {
    for (w, h) in SIZES {
        let screen = render(&mut sample(), w, h);
        insta::assert_snapshot!(format!("first_screen_{w}x{h}"), screen);
    }
}

#[test]
fn after_jumping_to_the_last_section() {
    for (w, h) in SIZES {
        let mut app = sample();
        app.send(Action::NextSection);
        app.send(Action::NextSection);
        app.send(Action::NextSection);
        let screen = render(&mut app, w, h);
        if w >= 20 {
            assert!(screen.contains("奋斗有目标"), "{screen}");
        }
        insta::assert_snapshot!(format!("last_section_{w}x{h}"), screen);
    }
}

#[test]
fn help_overlay_lists_every_key() {
    for (w, h) in SIZES {
        let mut app = sample();
        app.send(Action::Help);
        let screen = render(&mut app, w, h);
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen);
    }
    // Every key fits at 100×45 (smaller screens scroll the help).
    let mut app = sample();
    app.send(Action::Help);
    let screen = render(&mut app, 100, 45);
    for (keys, desc) in ui::help_lines(&Keymap::default()) {
        assert!(screen.contains(&keys), "help lacks {keys}");
        assert!(screen.contains(desc), "help lacks {desc}");
    }
}

/// The paths of these files of `tests/fixtures`.
fn fixtures(names: &[&str]) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    names.iter().map(|n| dir.join(n)).collect()
}

#[test]
fn multi_article_library() {
    let paths = fixtures(&["decorated.txt", "cn_numbered.txt", "frontmatter_md.txt"]);
    for (w, h) in SIZES {
        let mut app = library(&paths);
        app.send(Action::ScrollDown);
        let screen = render(&mut app, w, h);
        insta::assert_snapshot!(format!("library_{w}x{h}"), screen);
    }
}

#[test]
fn narrow_lists_overlay() {
    let mut app = sample();
    app.send(Msg::Resize(60, 20));
    app.send(Action::ToggleLists);
    let screen = render(&mut app, 60, 20);
    assert!(screen.contains("Sections"));
    insta::assert_snapshot!("lists_overlay_60x20", screen);
}

#[test]
fn articles_list_newest_first_with_dates_and_unread_marks() {
    let paths = fixtures(&["cn_numbered.txt", "decorated.txt", "frontmatter_md.txt"]);
    let mut app = library(&paths);
    let screen = render(&mut app, 100, 30);
    let rows: Vec<&str> = screen.lines().skip(1).take(3).collect();
    // The newest, shown at start with no key pressed, is not read yet.
    assert!(
        rows[0].contains("* 2023-04-02 小城图书馆迎来新读者"),
        "{screen}"
    );
    assert!(
        rows[1].contains("* 2021-06-08 关于改进社区服务"),
        "{screen}"
    );
    assert!(rows[2].contains("* 2020-09-01 山里的小学"), "{screen}");
    // Below the date column's width, titles keep the room.
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("* 关于改进社区服务的几点意见"), "{screen}");
    // The order can be by path instead (`sort` in the config).
    let by_path = App::new(LayoutOptions::default()).with_order(newsreader::model::Order::Path);
    let mut app = Scenario::with(by_path, Library::load(&paths, None), 80, 24);
    let screen = render(&mut app, 100, 30);
    assert!(
        screen.lines().nth(2).unwrap().contains("小城图书馆"),
        "{screen}"
    );
}

#[test]
fn status_bar_says_how_to_get_help_and_the_lists() {
    let mut app = sample();
    let screen = render(&mut app, 60, 20);
    let status = screen.lines().last().unwrap().to_string();
    assert!(
        status.contains("? help") && status.contains("o lists"),
        "{status}"
    );
    assert!(status.contains("临港浦江国际科技城"), "{status}");
    app.send(Action::Help);
    app.send(Action::Cancel);
    app.send(Action::FocusRight);
    app.send(Action::NextSection);
    let status = render(&mut app, 60, 20).lines().last().unwrap().to_string();
    assert!(
        !status.contains("? help"),
        "shown until help is opened: {status}"
    );
    assert!(
        status.contains("学习有高潮") && status.contains("%"),
        "{status}"
    );
    // At 100 columns the lists are beside the reader: no hint for them.
    let status = render(&mut app, 100, 30)
        .lines()
        .last()
        .unwrap()
        .to_string();
    assert!(!status.contains("o lists"), "{status}");
}

#[test]
fn source_view() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/000_cbc56e87487c11ac.txt");
    let mut app = Session::memory(Library::load(&[seed], None), LayoutOptions::default());
    app.send(Msg::Resize(60, 20));
    app.send(Action::Source);
    app.settle();
    app.send(Action::Bottom);
    let screen = draw(app.app(), 60, 20);
    assert!(screen.contains("- 返回上页"), "{screen}");
    insta::assert_snapshot!("source_60x20", screen);
}
