//! The config file: every key of a full fixture read, each kind of mistake reported with the
//! file, line, column and what was expected (exact text), `--print-config` round-tripping, the
//! README's example parsing, and a remapped key showing in the help overlay.

use std::path::{Path, PathBuf};
use std::process::Command;

use newsreader::config::{self, Config};
use newsreader::feed::{Subscription, Zone};
use newsreader::keymap::{Action, Key};
use newsreader::layout::{Align, Indent, Paragraph};
use newsreader::theme::Theme;
use newsreader::ui;
use ratatui::style::{Color, Modifier};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

fn load(name: &str) -> Result<Config, String> {
    let p = fixture(name);
    let text = std::fs::read_to_string(&p).unwrap();
    config::parse(&text, Path::new(name)).map_err(|e| e.to_string())
}

#[test]
fn a_full_config_sets_every_key() {
    let c = load("valid_full.toml").unwrap();
    assert_eq!(c.library.len(), 2);
    assert!(c.library[0].ends_with("news") && !c.library[0].starts_with("~"));
    assert_eq!(c.library[1], PathBuf::from("/srv/articles"));
    assert!(!c.mouse);
    assert_eq!(c.layout.measure, 60);
    assert_eq!(c.layout.align, Align::Center);
    assert_eq!(c.layout.paragraph, Paragraph::Indent);
    assert_eq!(c.layout.indent, Indent::FullWidth);
    assert!(!c.layout.cjk_spacing && !c.layout.grid_align && !c.layout.normalize_width);
    assert!(c.layout.ambiguous_wide);
    assert_eq!(c.theme.title.fg, Some(Color::Rgb(0xff, 0xd7, 0)));
    assert_eq!(c.theme.border.fg, Some(Color::Indexed(8)));
    assert_eq!(c.theme.status.bg, Some(Color::Blue));
    assert!(c.theme.heading.add_modifier.contains(Modifier::UNDERLINED));
    let ev = |k: &str| {
        let key = Key::parse(k).unwrap();
        ratatui::crossterm::event::KeyEvent::new(key.code, key.mods)
    };
    assert_eq!(c.keymap.action(&ev("e")), Some(Action::ScrollDown));
    assert_eq!(c.keymap.action(&ev("C-f")), Some(Action::PageDown));
    assert_eq!(c.keymap.action(&ev("PageDown")), Some(Action::NextSection));
    assert_eq!(c.keymap.action(&ev("F1")), Some(Action::Help));
    // Defaults not named stay.
    assert_eq!(c.keymap.action(&ev("j")), Some(Action::ScrollDown));
    assert_eq!(c.refresh_minutes, Some(15));
    assert_eq!(c.timezone, Zone::Named("Asia/Shanghai".into()));
    assert_eq!(
        c.feeds,
        [
            Subscription {
                url: "https://news.example/rss.xml".into(),
                name: Some("示例新闻".into()),
                full_text: true,
            },
            Subscription::new("http://blog.example/atom.xml"),
        ]
    );
}

#[test]
fn mistakes_are_reported_with_line_column_value_and_expectation() {
    let unknown_action = format!(
        "unknown_action.toml, line 2, column 7: unknown action \"scroll_dwon\"; expected one \
         of: {}",
        Action::ALL.map(Action::name).join(", ")
    );
    assert!(unknown_action.contains("scroll_up, scroll_down, focus_left"));
    let cases = [
        (
            "syntax.toml",
            "syntax.toml, line 1, column 9: invalid boolean, expected `true`",
        ),
        (
            "wrong_type.toml",
            "wrong_type.toml, line 2, column 13: invalid type: string \"wide\", expected a \
             whole number from 0 to 18446744073709551615",
        ),
        (
            "unknown_key.toml",
            "unknown_key.toml, line 2, column 1: unknown field `colour`, expected one of \
             `library`, `mouse`, `max-file-mb`, `layout`, `theme`, `keys`, `feeds`, \
             `refresh-minutes`, `timezone`, `sort`, `start`, `sync`",
        ),
        (
            "bad_enum.toml",
            "bad_enum.toml, line 2, column 10: unknown variant `deep`, expected one of \
             `as-source`, `none`, `full-width`",
        ),
        ("unknown_action.toml", unknown_action.as_str()),
        (
            "bad_key.toml",
            "bad_key.toml, line 2, column 1: bad key \"Ctrl+e\"; expected a character or a \
             key name such as \"j\", \"C-d\", \"PageDown\", \"S-Tab\", \"Space\", \"F5\"",
        ),
        (
            "bad_style.toml",
            "bad_style.toml, line 2, column 9: bad style \"bold blinking\"; expected a colour \
             name (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, light-red, \
             …, white), #rrggbb, a number 0–255, or a modifier (bold, dim, italic, underlined, \
             reversed, crossed-out) instead of `blinking`",
        ),
        (
            "conflict.toml",
            "conflict.toml, line 3, column 1: \"c-D\" is the same key as \"C-d\", bound above",
        ),
    ];
    for (file, expected) in cases {
        assert_eq!(load(file).unwrap_err(), expected, "{file}");
    }
}

#[test]
fn a_bad_config_stops_the_binary_before_anything_else_and_is_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    // A TOML escape puts an ESC into the action name; the message must not carry it.
    let text = "mouse = true\n[keys]\n\"e\" = \"scroll\\u001b[31mdown\"\n";
    std::fs::write(&path, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsreader"))
        .args(["--config", &path.to_string_lossy()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing drawn");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("newsreader: config error in "), "{err}");
    assert!(
        err.contains("line 3, column 7: unknown action \"scroll[31mdown\""),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "the offending text is sanitised");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn print_config_round_trips_to_the_defaults() {
    let out = Command::new(env!("CARGO_BIN_EXE_newsreader"))
        .arg("--print-config")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let c = config::parse(&text, Path::new("printed")).unwrap();
    assert_eq!(c, Config::default());
    for name in Theme::NAMES {
        assert!(text.contains(&format!("\n{name} = ")), "{name} missing");
    }
    for a in Action::ALL {
        assert!(text.contains(&format!("\"{}\"", a.name())), "{a:?} missing");
    }
    let comments = text.lines().filter(|l| l.starts_with('#')).count();
    assert!(comments >= 15);
}

#[test]
fn the_readme_example_configs_parse() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let blocks: Vec<&str> = readme
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert_eq!(
        blocks.len(),
        3,
        "the config example, the feeds example and the sync example"
    );
    let c = config::parse(blocks[0], Path::new("README.md")).unwrap();
    assert!(!c.library.is_empty());
    let feeds = config::parse(blocks[1], Path::new("README.md")).unwrap();
    assert_eq!(feeds.feeds.len(), 1);
    assert!(feeds.feeds[0].full_text);
    assert_eq!(feeds.refresh_minutes, Some(30));
    let sync = config::parse(blocks[2], Path::new("README.md")).unwrap();
    let settings = sync.sync.expect("the sync example has a [sync] table");
    assert_eq!(settings.provider, newsreader::sync::Provider::GReader);
    assert_eq!(
        settings.password_command.as_deref(),
        Some("pass show freshrss")
    );
}

#[test]
fn a_remapped_key_works_and_the_help_shows_it() {
    let c = config::parse("[keys]\n\"e\" = \"scroll_down\"\n", Path::new("k.toml")).unwrap();
    let e = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('e'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    assert_eq!(c.keymap.action(&e), Some(Action::ScrollDown));
    let lines = ui::help_lines(&c.keymap);
    let down = lines
        .iter()
        .find(|(_, d)| *d == Action::ScrollDown.describe())
        .unwrap();
    assert_eq!(down.0, "Down j e");
}
