//! The real binary: `--json`, `--outline`, and what happens with missing, binary, empty and
//! mixed inputs (exit status, one clear line per failure, the rest still printed).

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    // With no PATH the library comes from the config and the catalog: neither the user's.
    let home = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_newsreader"))
        .args(args)
        .env_remove("NO_COLOR")
        .env("NEWSREADER_DATA_DIR", home.path())
        .env("NEWSREADER_CACHE_DIR", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn json_with_no_path_prints_the_embedded_sample() {
    let o = run(&["--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["title"], "临港浦江国际科技城:以高质量党建引领高质量发展");
    assert_eq!(v["date"], "2022-11-23");
    assert_eq!(v["sections"][3]["heading"], "奋斗有目标");
    assert!(v["path"].is_null());
}

#[test]
fn json_lines_in_path_order_with_paths() {
    let a = fixture("decorated.txt");
    let b = fixture("cn_numbered.txt");
    let o = run(&["--json", &a, &b]);
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], a.as_str());
    assert_eq!(lines[1]["title"], "关于改进社区服务的几点意见");
}

#[test]
fn outline_indents_headings_by_level() {
    let o = run(&["--outline"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "临港浦江国际科技城:以高质量党建引领高质量发展\n  学习有高潮\n  工作有干劲\n  奋斗有目标\n"
    );
    let o = run(&["--outline", &fixture("cn_numbered.txt")]);
    assert_eq!(
        stdout(&o),
        "关于改进社区服务的几点意见\n  一、总体思路\n    （一）服务内容\n    （二）服务时间\n  二、保障措施\n"
    );
}

#[test]
fn missing_file_is_named_with_the_reason_and_exit_status_is_non_zero() {
    let o = run(&["--json", "/no/such/article.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("newsreader: /no/such/article.txt: no such file"),
        "{err}"
    );
    assert!(!err.contains("panicked") && !err.contains("backtrace"));
}

#[test]
fn binary_and_empty_files_are_refused_and_a_folder_still_loads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a_good.txt");
    std::fs::copy(fixture("decorated.txt"), &good).unwrap();
    std::fs::write(
        dir.path().join("b_binary.txt"),
        b"\x00\x01\x02PNG\x00\x00data",
    )
    .unwrap();
    std::fs::write(dir.path().join("c_empty.txt"), b"").unwrap();
    std::fs::write(dir.path().join("d_ignored.pdf"), b"not read").unwrap();
    std::fs::create_dir(dir.path().join(".hidden")).unwrap();
    std::fs::copy(fixture("decorated.txt"), dir.path().join(".hidden/x.txt")).unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::copy(fixture("frontmatter_md.txt"), sub.join("e.md")).unwrap();

    let o = run(&["--json", &dir.path().to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    let titles: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["title"].to_string())
        .collect();
    assert_eq!(titles, vec!["\"小城图书馆迎来新读者\"", "\"山里的小学\""]);
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].contains("b_binary.txt: binary file"), "{err}");
    assert!(lines[1].contains("c_empty.txt: empty file"), "{err}");
}

#[test]
fn unknown_encoding_is_an_error_and_a_forced_one_is_used() {
    let o = run(&["--json", "--encoding", "klingon", &fixture("decorated.txt")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--encoding klingon: unknown encoding"));

    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("gbk.txt");
    let (bytes, _, _) = encoding_rs::GBK.encode("标题\n\n正文。\n");
    std::fs::write(&p, &bytes).unwrap();
    let o = run(&["--json", "--encoding", "gbk", &p.to_string_lossy()]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["title"], "标题");
    assert_eq!(v["encoding"], "GBK");
}

#[test]
fn help_and_version() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    let out = stdout(&o);
    for flag in ["--json", "--outline", "--dump", "--encoding"] {
        assert!(out.contains(flag), "--help lacks {flag}");
    }
    let o = run(&["--version"]);
    assert!(stdout(&o).starts_with("newsreader "));
}
