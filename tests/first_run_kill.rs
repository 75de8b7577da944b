//! A first run killed with SIGKILL at ten seeded moments: the next run reads again only the
//! files the killed one had not stored, and after it the catalog and the search index hold
//! the same articles. The killed run is the real binary's (`newsreader list` brings the
//! catalog and the index up to date as the reader does when it starts); the next run is the
//! library's scan and index upkeep, which the reader's scan worker runs.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use newsreader::catalog::Catalog;
use newsreader::index::LibraryIndex;
use newsreader::library::LoadOptions;
use newsreader::library::scan::{absolute_roots, reconcile_index, scan};

const FILES: usize = 100;
const MOMENTS: u64 = 10;
const CHARS: &str =
    "新闻报道记者今日表示市场经济发展政府部门城市交通教育医疗科技公司企业增长合作国际会议";

/// Article `i`: a title, a date line and paragraphs, a few KB, each text its own.
fn article(i: usize) -> String {
    let chars: Vec<char> = CHARS.chars().collect();
    let mut text = format!(
        "第{i}篇：{}\n\n2024-03-{:02} 北京\n\n",
        chars[i % 40],
        1 + i % 28
    );
    for p in 0..4 + i % 5 {
        let para: String = (0..120 + (i * 7 + p * 13) % 200)
            .map(|k| chars[(i * 31 + p * 17 + k * k) % chars.len()])
            .collect();
        text.push_str(&format!("　　{para}。\n\n"));
    }
    text
}

/// A library folder and a config naming it, in `dir`.
fn library(dir: &Path) -> (PathBuf, PathBuf) {
    let lib = dir.join("news");
    for i in 0..FILES {
        let sub = lib.join(format!("{:02}", i / 25));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("{i:04}.txt")), article(i)).unwrap();
    }
    let config = dir.join("config.toml");
    std::fs::write(&config, format!("library = [\"{}\"]\n", lib.display())).unwrap();
    (lib, config)
}

/// Starts a first run (`newsreader list`) keeping its catalog and index under `state`.
fn first_run(config: &Path, state: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_newsreader"))
        .arg("--config")
        .arg(config)
        .arg("list")
        .env("NEWSREADER_DATA_DIR", state.join("data"))
        .env("NEWSREADER_CACHE_DIR", state.join("cache"))
        .env_remove("NEWSREADER_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs")
}

/// A deterministic stream of numbers.
fn next(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    *seed >> 33
}

#[test]
fn a_first_run_killed_at_any_moment_is_completed_without_reading_stored_files_again() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, config) = library(dir.path());
    let roots = absolute_roots(&[lib]);
    // How long a whole first run takes here, so that the moments fall within one.
    let started = Instant::now();
    let whole = first_run(&config, &dir.path().join("whole"))
        .wait()
        .unwrap();
    assert!(whole.success());
    let span = started.elapsed().as_micros().max(1) as u64;
    let mut seed = 22;
    for moment in 0..MOMENTS {
        let state = dir.path().join(format!("killed-{moment}"));
        let wait = Duration::from_micros(next(&mut seed) % span);
        let mut child = first_run(&config, &state);
        std::thread::sleep(wait);
        // SIGKILL: nothing of the program runs after it.
        child.kill().unwrap();
        child.wait().unwrap();

        let (mut catalog, warnings) = Catalog::open(Some(&state.join("data")));
        assert!(
            warnings.is_empty(),
            "moment {moment} ({wait:?}): {warnings:?}"
        );
        assert!(catalog.path().is_some());
        let stored = catalog.file_states_under(&roots).unwrap().len();
        let index = LibraryIndex::open(&state.join("cache/index"))
            .unwrap_or_else(|e| panic!("moment {moment} ({wait:?}): {e}"));
        let report = scan(
            &mut catalog,
            Some(&index),
            &roots,
            &LoadOptions::default(),
            2,
            &AtomicBool::new(false),
            |_| {},
        )
        .unwrap();
        assert_eq!(
            (report.unchanged, report.parsed, report.failed),
            (stored, FILES - stored, 0),
            "moment {moment} ({wait:?}): only the files not stored are read again"
        );
        reconcile_index(&catalog, &index, &AtomicBool::new(false)).unwrap();
        let in_catalog: Vec<u64> = catalog
            .parsed_ids()
            .unwrap()
            .into_iter()
            .map(|id| id.0.unsigned_abs())
            .collect();
        assert_eq!(in_catalog.len(), FILES);
        assert_eq!(
            index.ids().unwrap(),
            in_catalog,
            "moment {moment} ({wait:?}): the index holds what the catalog holds"
        );
    }
}
