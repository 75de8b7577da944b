//! The library index as the catalog will use it: what a search finds and counts (the
//! matcher's answers, in the cases that are easy to get wrong), adding, replacing and
//! removing articles, what survives reopening, and what happens to a damaged, outdated or
//! busy index.

use std::path::Path;

use newsreader::index::{FORMAT, IndexError, IndexHit, LibraryIndex, first_match};
use newsreader::layout::{Block, blocks};
use newsreader::library::Library;
use newsreader::search::Index;

fn block(text: &str) -> Block {
    Block::body(text)
}

fn article(texts: &[&str]) -> Vec<Block> {
    texts.iter().map(|t| block(t)).collect()
}

/// An index in `dir` holding one article per entry of `library`, ids from 1.
fn filled(dir: &Path, library: &[&[&str]]) -> LibraryIndex {
    let index = LibraryIndex::open(dir).unwrap();
    for (i, texts) in library.iter().enumerate() {
        index.add(i as u64 + 1, &article(texts)).unwrap();
    }
    index.commit().unwrap();
    index
}

fn counts(index: &LibraryIndex, query: &str) -> Vec<(u64, usize)> {
    index
        .search(query)
        .unwrap()
        .into_iter()
        .map(|IndexHit { id, count }| (id, count))
        .collect()
}

#[test]
fn searches_count_like_the_matcher() {
    let dir = tempfile::tempdir().unwrap();
    let library: &[&[&str]] = &[
        &["哈哈哈", "哈哈哈哈"],
        &["以高質量黨建引領", "党建"],
        &["5G网络与5g手机", "ＡＢＣ１２３：完成"],
        &["Steven Gerrard scored", "3.5%的增长"],
        &["党", "建"],
    ];
    let index = filled(dir.path(), library);
    let table: &[(&str, &[(u64, usize)])] = &[
        // Non-overlapping, per block: 1 in 哈哈哈, 2 in 哈哈哈哈.
        ("哈哈", &[(1, 3)]),
        ("哈", &[(1, 7)]),
        ("哈哈哈", &[(1, 2)]),
        // Traditional and simplified are equal; a match never spans two blocks.
        ("党建", &[(2, 2)]),
        ("黨建", &[(2, 2)]),
        // Smart case: a capital asks for exact case.
        ("5g", &[(3, 2)]),
        ("5G", &[(3, 1)]),
        ("abc123:", &[(3, 1)]),
        ("ABC", &[(3, 1)]),
        ("Abc", &[]),
        // Substrings of words, numbers and punctuation.
        ("gerr", &[(4, 1)]),
        ("rard", &[(4, 1)]),
        ("Gerr", &[(4, 1)]),
        ("gERR", &[]),
        ("d s", &[(4, 1)]),
        ("3.5%", &[(4, 1)]),
        (" ", &[(4, 2)]),
        ("", &[]),
        ("无", &[]),
    ];
    for (query, expected) in table {
        assert_eq!(counts(&index, query), *expected, "{query}");
        // And the scan agrees with the table.
        let scanned: Vec<(u64, usize)> = library
            .iter()
            .enumerate()
            .filter_map(|(i, texts)| {
                let b = article(texts);
                let (n, _) = Index::new(&b).count_and_first(&b, query)?;
                Some((i as u64 + 1, n))
            })
            .collect();
        assert_eq!(scanned, *expected, "scan: {query}");
    }
}

#[test]
fn case_exact_matches_are_refolded_on_their_own_like_the_matcher_does() {
    // In 看著 the neighbour makes 著 read 着; the matcher re-folds a case-exact match on its
    // own, where 著 stays 著, so `着G` finds the lower-case match but keeps none.
    let dir = tempfile::tempdir().unwrap();
    let index = filled(dir.path(), &[&["看著G"], &["着G"]]);
    assert_eq!(counts(&index, "着g"), [(1, 1), (2, 1)]);
    assert_eq!(counts(&index, "着G"), [(2, 1)]);
}

#[test]
fn articles_with_a_two_character_lower_case_are_counted_by_the_matcher() {
    // `İ` lower-cases to `i` and a combining dot: a match may start inside it, where the
    // matcher maps back to the next character.
    let dir = tempfile::tempdir().unwrap();
    let library: &[&[&str]] = &[&["İx", "aİ"], &["ix"]];
    let index = filled(dir.path(), library);
    for query in [
        "i", "İ", "I", "ix", "Ix", "\u{307}x", "\u{307}X", "\u{307}", "x",
    ] {
        let scanned: Vec<(u64, usize)> = library
            .iter()
            .enumerate()
            .filter_map(|(i, texts)| {
                let b = article(texts);
                let (n, _) = Index::new(&b).count_and_first(&b, query)?;
                Some((i as u64 + 1, n))
            })
            .collect();
        assert_eq!(counts(&index, query), scanned, "{query:?}");
    }
}

#[test]
fn first_match_and_snippet_for_a_row_on_screen() {
    let sample = blocks(&Library::embedded().articles[0]);
    let (_, first) = Index::new(&sample)
        .count_and_first(&sample, "党建")
        .unwrap();
    let got = first_match("党建", &sample).unwrap();
    assert_eq!(got.at, first);
    assert!(got.snippet.contains("党建"), "{}", got.snippet);
    assert_eq!(first_match("没有这个词语", &sample), None);
}

#[test]
fn adding_replaces_removing_removes_and_searches_see_commits() {
    let dir = tempfile::tempdir().unwrap();
    let index = filled(dir.path(), &[&["党建"], &["党建党建"], &["没有"]]);
    assert_eq!(index.len(), 3);
    assert_eq!(index.ids().unwrap(), [1, 2, 3]);
    index.add(2, &article(&["改写后没有"])).unwrap();
    index.remove(3).unwrap();
    index.remove(42).unwrap();
    // Not committed yet: searches still see the last commit.
    assert_eq!(counts(&index, "党建"), [(1, 1), (2, 2)]);
    assert!(index.contains(3).unwrap());
    index.commit().unwrap();
    assert_eq!(counts(&index, "党建"), [(1, 1)]);
    assert_eq!(counts(&index, "没有"), [(2, 1)]);
    assert!(!index.contains(3).unwrap());
    assert!(index.contains(2).unwrap());
    assert_eq!(index.ids().unwrap(), [1, 2]);
    assert_eq!(index.len(), 2);
    // The same id twice in one batch: the last one counts.
    index.add(7, &article(&["一"])).unwrap();
    index.add(7, &article(&["二"])).unwrap();
    index.commit().unwrap();
    assert_eq!(counts(&index, "一"), []);
    assert_eq!(counts(&index, "二"), [(7, 1)]);
}

#[test]
fn reopening_keeps_articles_and_the_source_label() {
    let dir = tempfile::tempdir().unwrap();
    {
        let index = filled(dir.path(), &[&["党建"]]);
        index.set_source("parser 3").unwrap();
        index.add(9, &article(&["党建"])).unwrap();
        index.commit().unwrap();
        // Uncommitted work is lost with the process, as after a crash.
        index.add(10, &article(&["党建"])).unwrap();
    }
    let index = LibraryIndex::open(dir.path()).unwrap();
    assert_eq!(index.ids().unwrap(), [1, 9]);
    let info = index.info().unwrap();
    assert_eq!(info.format, FORMAT);
    assert_eq!(info.source.as_deref(), Some("parser 3"));
    assert_eq!(info.articles, 2);
    assert_eq!(counts(&index, "党建"), [(1, 1), (9, 1)]);
}

/// Every file of the index folder but the lock files, largest first.
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".tantivy")
        })
        .collect();
    out.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).unwrap().len()));
    out
}

/// Opens the damaged index and, when that works, searches it: one of them must report
/// damage (never panic), and rebuilding must give a working, empty index.
fn assert_damage_reported(dir: &Path) {
    let err = match LibraryIndex::open(dir) {
        Err(e) => e,
        Ok(index) => index
            .search("党建")
            .expect_err("a damaged index searched fine"),
    };
    assert!(err.needs_rebuild(), "{err}");
    assert!(matches!(err, IndexError::Damaged { .. }), "{err:?}");
    let index = LibraryIndex::rebuild(dir).unwrap();
    assert!(index.is_empty());
    index.add(1, &article(&["党建"])).unwrap();
    index.commit().unwrap();
    assert_eq!(counts(&index, "党建"), [(1, 1)]);
    let mut aside = dir.as_os_str().to_owned();
    aside.push(".damaged");
    assert!(Path::new(&aside).is_dir());
}

fn damaged_index(damage: impl FnOnce(&Path)) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("index");
    drop(filled(&dir, &[&["党建引领"], &["党建"]]));
    damage(&dir);
    assert_damage_reported(&dir);
}

#[test]
fn garbled_meta_json_is_reported_as_damage() {
    damaged_index(|dir| std::fs::write(dir.join("meta.json"), "{ not json").unwrap());
}

#[test]
fn a_missing_segment_file_is_reported_as_damage() {
    damaged_index(|dir| {
        let victim = files(dir)
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e == "idx"))
            .unwrap();
        std::fs::remove_file(victim).unwrap();
    });
}

#[test]
fn a_truncated_segment_file_is_reported_as_damage() {
    damaged_index(|dir| {
        for victim in files(dir)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e != "json"))
        {
            let len = std::fs::metadata(&victim).unwrap().len();
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(&victim)
                .unwrap();
            f.set_len(len / 2).unwrap();
        }
    });
}

#[test]
fn an_index_of_another_format_must_be_rebuilt() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("index");
    drop(filled(&dir, &[&["党建"]]));
    let meta = std::fs::read_to_string(dir.join("meta.json")).unwrap();
    let old = format!("\\\"format\\\":{FORMAT}");
    assert!(meta.contains(&old), "{meta}");
    std::fs::write(
        dir.join("meta.json"),
        meta.replace(&old, "\\\"format\\\":999"),
    )
    .unwrap();
    let err = LibraryIndex::open(&dir).unwrap_err();
    assert!(
        matches!(
            err,
            IndexError::Outdated {
                found: Some(999),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.needs_rebuild());
    let index = LibraryIndex::rebuild(&dir).unwrap();
    assert!(index.is_empty());
}

#[test]
fn a_second_writer_is_told_the_index_is_busy_and_can_still_search() {
    let dir = tempfile::tempdir().unwrap();
    let first = filled(dir.path(), &[&["党建"]]);
    first.add(2, &article(&["党建"])).unwrap();
    let second = LibraryIndex::open(dir.path()).unwrap();
    let err = second.add(3, &article(&["党建"])).unwrap_err();
    assert!(matches!(err, IndexError::Busy { .. }), "{err:?}");
    assert!(!err.needs_rebuild());
    assert_eq!(counts(&second, "党建"), [(1, 1)]);
}

#[test]
fn a_garbled_byte_is_reported_as_damage_never_as_a_panic() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("index");
    {
        let index = LibraryIndex::open(&dir).unwrap();
        for i in 0..200u64 {
            let text = format!(
                "党建引领{i}哈哈哈 Gerrard 5G{}",
                "中国共产党".repeat(i as usize % 7)
            );
            index.add(i, &article(&[&text, "İx"])).unwrap();
        }
        index.commit().unwrap();
    }
    for victim in files(&dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e != "json"))
    {
        let original = std::fs::read(&victim).unwrap();
        for at in [
            original.len() / 3,
            original.len() / 2,
            original.len() * 3 / 4,
        ] {
            let mut garbled = original.clone();
            for b in garbled.iter_mut().skip(at).take(16) {
                *b ^= 0x5a;
            }
            std::fs::write(&victim, &garbled).unwrap();
            let outcome = LibraryIndex::open(&dir).and_then(|index| {
                for q in ["党建", "哈哈", "Gerrard", "5G", "中国共产党", "党", "ix"] {
                    index.search(q)?;
                }
                index.verify()
            });
            let err = outcome.expect_err("garbled file went unnoticed");
            assert!(err.needs_rebuild(), "{}: {err}", victim.display());
        }
        std::fs::write(&victim, &original).unwrap();
    }
}
