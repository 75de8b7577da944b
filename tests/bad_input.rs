//! Hostile and careless input against the real binary: each test is named after a defect that
//! was found and pins its fix. What the user sees for each case is the README's bad-input table.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsreader"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("fixture written");
    p
}

/// No byte that could start a terminal control sequence or reorder text.
fn assert_clean(s: &str, what: &str) {
    for c in s.chars() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}');
        assert!(!bad, "{what}: U+{:04X} in {s:?}", c as u32);
    }
}

fn walk_strings(v: &serde_json::Value, f: &mut impl FnMut(&str)) {
    match v {
        serde_json::Value::String(s) => f(s),
        serde_json::Value::Array(a) => a.iter().for_each(|x| walk_strings(x, f)),
        serde_json::Value::Object(o) => o.values().for_each(|x| walk_strings(x, f)),
        _ => {}
    }
}

#[test]
fn test_ampersand_before_multibyte_text_does_not_crash() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        "# 标题\n\nH&M今天宣布。\n",
        "# 标题\n\nR&D部门扩编。\n",
        "# 标题\n\n&amp;中国新闻报道\n",
        "# 标题\n\n中美&中欧关系\n",
    ];
    let mut paths = Vec::new();
    for (i, text) in cases.iter().enumerate() {
        paths.push(write(dir.path(), &format!("a{i}.md"), text.as_bytes()));
    }
    let html = write(
        dir.path(),
        "t.html",
        "<html><head><title>H&M中国&amp;新闻</title></head><body><p>正文内容在这里。</p></body></html>"
            .as_bytes(),
    );
    paths.push(html);
    let args: Vec<&str> = std::iter::once("--outline")
        .chain(paths.iter().map(|p| p.to_str().unwrap()))
        .collect();
    let o = run(&args);
    assert!(o.status.success(), "exit {:?}: {}", o.status, stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.matches("标题").count(), 4, "{out}");
    assert!(out.contains("H&M中国&新闻"), "{out}");
    let o = run(&["--json", paths[0].to_str().unwrap()]);
    assert!(stdout(&o).contains("H&M今天宣布。"), "{}", stdout(&o));
}

#[test]
fn test_character_references_cannot_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let refs = "&#x1b;]0;PWNED&#x7;&#7;&#x9d;&#x7f;&#x202e;&lrm;&rlm;&zwj;&#x1b;[2J";
    let html = write(
        dir.path(),
        "evil.html",
        format!(
            "<html><head><title>T{refs}</title></head><body><h2>小标题{refs}</h2>\
             <p>第一段文字{refs}，说明情况。这是一段足够长的正文，用来当作文章的主体内容。</p>\
             <p>第二段文字，同样足够长，让正文的判断没有疑问。{refs}</p></body></html>"
        )
        .as_bytes(),
    );
    let md = write(
        dir.path(),
        "evil.md",
        format!("---\ntitle: M{refs}\n---\n\n## 小节{refs}\n\n正文{refs}。\n").as_bytes(),
    );
    for path in [&html, &md] {
        let p = path.to_str().unwrap();
        for mode in [
            &["--outline"][..],
            &["--dump", "--width", "40"],
            &["--json"],
        ] {
            let mut args = mode.to_vec();
            args.push(p);
            let o = run(&args);
            assert!(o.status.success(), "{p} {mode:?}: {}", stderr(&o));
            let out = stdout(&o);
            assert_clean(&out, &format!("{p} {mode:?}"));
            if mode == ["--json"] {
                let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
                walk_strings(&v, &mut |s| assert_clean(s, "a JSON string"));
            }
            assert!(
                out.contains("PWNED"),
                "text around the references stays: {out}"
            );
        }
    }
}

#[test]
fn test_config_that_leaves_no_way_to_quit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "config.toml",
        b"[keys]\n\"q\" = \"scroll_down\"\n\"C-c\" = \"scroll_down\"\n",
    );
    let o = run(&["--config", path.to_str().unwrap(), "--outline"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("line 3, column 1: \"C-c\" always quits"),
        "{err}"
    );
}

#[test]
fn test_config_errors_without_a_place_name_none() {
    let o = run(&["--config", "/nonexistent/config.toml", "--outline"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(!err.contains("line 0"), "{err}");
    assert!(
        err.contains("/nonexistent/config.toml: cannot read the config file: no such file"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn test_config_from_a_device_is_refused_at_once() {
    // `/dev/zero` once was read until memory ran out.
    let o = run(&["--config", "/dev/zero", "--outline"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/dev/zero: cannot read the config file: not a regular file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn test_dump_width_zero_is_a_usage_error() {
    let o = run(&["--dump", "--width", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty(), "nothing laid out at width 0");
    let o = run(&["--dump", "--width", "70000"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn test_forced_encoding_that_does_not_fit_is_not_called_binary() {
    let dir = tempfile::tempdir().unwrap();
    let text = "记者今天从有关部门获悉，今年全国夏粮收购工作进展顺利，小麦价格总体平稳。".repeat(4);
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let p = write(dir.path(), "gbk.txt", &gbk);
    let o = run(&["--encoding", "utf-8", "--outline", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("most of the text does not decode as UTF-8"),
        "{err}"
    );
    assert!(!err.contains("binary"), "{err}");
}

#[test]
fn test_one_failed_file_is_named_in_good_grammar() {
    use newsreader::layout::LayoutOptions;
    use newsreader::library::Library;
    use newsreader::session::Session;
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", "标题\n\n正文。\n".as_bytes());
    let bad = write(dir.path(), "bad.txt", b"a\0b");
    let library = Library::load(&[good, bad.clone()], None);
    let s = Session::memory(library, LayoutOptions::default());
    let message = s.app().message().unwrap_or_default().to_string();
    assert!(message.starts_with("could not read "), "{message}");
    assert!(message.contains("bad.txt: binary file"), "{message}");
    assert!(!message.contains("1 files"), "{message}");
}
