//! Furniture learned from a folder by `--json` over it: a paragraph most of the folder's
//! articles print goes to `dropped` with the reason `furniture`, a line only one prints
//! never does, and a file read alone has no folder to learn from.

use std::path::Path;
use std::process::{Command, Output};

const APPEAL: &str = "Our newsroom depends on readers like you: a small monthly gift keeps the \
                      valley's reporting free for everyone who needs it.";

fn run(args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_newsreader"))
        .args(args)
        .env("NEWSREADER_DATA_DIR", home.path())
        .env("NEWSREADER_CACHE_DIR", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .output()
        .expect("the binary runs")
}

/// A page of one site: its own story between the site's appeal and its own closing line.
fn page(n: usize) -> String {
    format!(
        "<!doctype html><html><head><title>Story {n} of the valley</title></head><body>\
         <article><h1>Story {n} of the valley</h1>\
         <p>The council of town number {n} met on a wet Tuesday to settle the matter of the \
         bridge, which has been closed since the floods of the spring.</p>\
         <p>{APPEAL}</p>\
         <p>Residents of town {n} said they would wait and see what the engineers found when \
         they came to look at the <b>old</b> piers next month.</p>\
         <p>Only story {n} ends with this line about the mayor, who spoke for {n} minutes.</p>\
         </article></body></html>"
    )
}

fn articles(out: &Output) -> Vec<serde_json::Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn body(a: &serde_json::Value) -> Vec<String> {
    a["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["paragraphs"].as_array().unwrap().clone())
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

fn write(dir: &Path, n: usize) {
    std::fs::write(dir.join(format!("{n:02}.html")), page(n)).unwrap();
}

#[test]
fn a_folder_learns_what_its_articles_repeat() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..6 {
        write(dir.path(), n);
    }
    let all = articles(&run(&["--json", &dir.path().to_string_lossy()]));
    assert_eq!(all.len(), 6);
    for (n, a) in all.iter().enumerate() {
        let body = body(a);
        assert!(!body.iter().any(|p| p == APPEAL), "{n}: {body:?}");
        let dropped = a["dropped"].as_array().unwrap();
        let at = dropped.iter().position(|d| d == APPEAL).expect("dropped");
        assert_eq!(
            a["why"]["dropped"][at],
            "furniture: repeated across the source"
        );
        // Each article's own lines stay, the one-off last line among them.
        assert_eq!(body.len(), 3, "{n}: {body:?}");
        assert!(body[2].starts_with(&format!("Only story {n} ends")));
    }
}

#[test]
fn too_few_articles_teach_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..2 {
        write(dir.path(), n);
    }
    let two = articles(&run(&["--json", &dir.path().to_string_lossy()]));
    let one = articles(&run(&[
        "--json",
        &dir.path().join("00.html").to_string_lossy(),
    ]));
    for a in two.iter().chain(&one) {
        assert!(body(a).iter().any(|p| p == APPEAL));
    }
}

/// The library with no PATH: a config naming `lib` as its folder, the data kept in `data`.
fn library(root: &Path, args: &[&str]) -> Output {
    let config = root.join("config.toml");
    let lib = root.join("lib");
    std::fs::write(
        &config,
        format!("library = [{:?}]\n", lib.display().to_string()),
    )
    .unwrap();
    Command::new(env!("CARGO_BIN_EXE_newsreader"))
        .arg("--config")
        .arg(&config)
        .args(args)
        .env("NEWSREADER_DATA_DIR", root.join("data"))
        .env("NEWSREADER_CACHE_DIR", root.join("cache"))
        .output()
        .expect("the binary runs")
}

#[test]
fn regression_the_library_parsed_on_the_line_learns_its_furniture_too() {
    let root = tempfile::tempdir().unwrap();
    let lib = root.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    for n in 0..6 {
        write(&lib, n);
    }
    let no_appeal = |out: &Output| {
        let all = articles(out);
        assert_eq!(all.len(), 6);
        for a in &all {
            assert!(!body(a).iter().any(|p| p == APPEAL), "{:?}", body(a));
            assert!(a["dropped"].as_array().unwrap().iter().any(|d| d == APPEAL));
        }
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // Nothing in the catalog yet: every file is parsed here.
    let cold = no_appeal(&library(root.path(), &["--json"]));
    // Stored by `list`, then read back from the catalog: the same articles.
    assert!(library(root.path(), &["list"]).status.success());
    let warm = no_appeal(&library(root.path(), &["--json"]));
    assert_eq!(cold, warm);
    // One file changed since: parsed again, it still loses its folder's furniture.
    std::fs::write(lib.join("03.html"), page(33)).unwrap();
    let changed = no_appeal(&library(root.path(), &["--json"]));
    assert!(changed.contains("Story 33 of the valley"));
}
