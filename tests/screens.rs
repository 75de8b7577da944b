//! Screen snapshots: the whole interface drawn into ratatui's `TestBackend` at several sizes,
//! with CJK text, after a section jump, with the help overlay and with a multi-article
//! library. The snapshots live in `tests/snapshots/`.

use std::path::{Path, PathBuf};

use newsreader::keymap::{Action, Keymap};
use newsreader::layout::LayoutOptions;
use newsreader::library::Library;
use newsreader::session::Session;
use newsreader::theme::Theme;
use newsreader::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
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

fn render(app: &mut Session, w: u16, h: u16) -> String {
    app.resize(w, h);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let keymap = Keymap::default();
    term.draw(|f| ui::draw(f, app, &keymap, &Theme::default()))
        .unwrap();
    text(term.backend().buffer())
}

fn sample() -> Session {
    Session::memory(Library::embedded(), LayoutOptions::default())
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
        app.update(Action::NextSection);
        app.update(Action::NextSection);
        app.update(Action::NextSection);
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
        app.update(Action::Help);
        let screen = render(&mut app, w, h);
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen);
    }
    let mut app = sample();
    app.update(Action::Help);
    let screen = render(&mut app, 100, 30);
    for (keys, desc) in ui::help_lines(&Keymap::default()) {
        assert!(screen.contains(&keys), "help lacks {keys}");
        assert!(screen.contains(desc), "help lacks {desc}");
    }
}

#[test]
fn multi_article_library() {
    let paths: Vec<PathBuf> = ["decorated.txt", "cn_numbered.txt", "frontmatter_md.txt"]
        .iter()
        .map(|n| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(n)
        })
        .collect();
    for (w, h) in SIZES {
        let mut app = Session::memory(Library::load(&paths, None), LayoutOptions::default());
        app.update(Action::ScrollDown);
        let screen = render(&mut app, w, h);
        insta::assert_snapshot!(format!("library_{w}x{h}"), screen);
    }
}

#[test]
fn narrow_lists_overlay() {
    let mut app = sample();
    app.resize(60, 20);
    app.update(Action::ToggleLists);
    let screen = render(&mut app, 60, 20);
    assert!(screen.contains("Sections"));
    insta::assert_snapshot!("lists_overlay_60x20", screen);
}
