//! The library index answers exactly as the linear scan does: on random small libraries and
//! random queries of one to six characters in mixed scripts (simplified and traditional Han,
//! the characters `fast2s` simplifies by context, kana, hangul, Latin in both cases, digits,
//! full-width forms, punctuation, spaces (one between Han and Latin is ignored), and the odd
//! case folds `İ`, Kelvin sign, `ϒ`), the same articles match with the same counts, and the
//! first match of a sample of them is the scan's.

use newsreader::index::{LibraryIndex, first_match};
use newsreader::layout::Block;
use newsreader::search::Index;
use proptest::prelude::*;

/// Characters drawn from: a small alphabet so that random queries often occur.
const ALPHABET: &[char] = &[
    '党', '建', '黨', '国', '國', '中', '哈', '干', '乾', '隆', '燥', '著', '看', '着', '画', '畫',
    '計', '计', '於', '樊', 'か', 'な', 'カ', '한', '글', 'a', 'b', 'g', 'A', 'B', 'G', 'ａ', 'Ａ',
    'Ｇ', '5', '５', '3', '.', '%', '，', ',', '。', ' ', '　', '-', 'İ', 'i', '\u{307}',
    '\u{212A}', 'k', 'K', 'ϒ', 'ß', 'ẞ', '看', '計', '兒', '寬', '划',
];

/// Words that matter to the matcher: context-dependent simplification, a match that can
/// overlap itself, mixed scripts, a lower case of two characters.
const WORDS: &[&str] = &[
    "看著", "乾隆", "乾燥", "計畫", "樊於", "党建", "黨建", "5G", "3.5%", "İx", "Gerrard", "ẞ",
    "看著G", "計畫A", "a 中", "中 5", "5% 國",
];

/// A piece of text: a character, a word, or a run that repeats (so that matches overlap).
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(ALPHABET).prop_map(String::from),
        1 => prop::sample::select(WORDS).prop_map(String::from),
        1 => (prop::sample::select(ALPHABET), 2..6usize).prop_map(|(c, n)| c.to_string().repeat(n)),
        1 => (prop::sample::select(ALPHABET), prop::sample::select(ALPHABET), 2..4usize)
            .prop_map(|(a, b, n)| format!("{a}{b}").repeat(n)),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max).prop_map(|pieces| pieces.concat())
}

fn article() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(10), 1..4)
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 1..=6)
        .prop_map(|chars| chars.into_iter().collect())
}

/// Forms the matcher treats as equal (or nearly: case), to turn a piece of an article into
/// a query that finds it in another spelling.
const VARIANTS: &[&[char]] = &[
    &['a', 'A', 'ａ', 'Ａ'],
    &['b', 'B'],
    &['g', 'G', 'Ｇ'],
    &['k', 'K', '\u{212A}'],
    &['i', 'İ', '\u{307}'],
    &['5', '５'],
    &['党', '黨'],
    &['国', '國'],
    &['干', '乾'],
    &['着', '著'],
    &['画', '畫', '划'],
    &['计', '計'],
    &[',', '，'],
    &[' ', '　'],
    &['か', 'カ'],
];

/// A query cut from the library: article, block, start, length (1–6), and one variant
/// choice per character.
type Cut = (usize, usize, usize, usize, Vec<usize>);

fn cut() -> impl Strategy<Value = Cut> {
    (
        any::<usize>(),
        any::<usize>(),
        any::<usize>(),
        1..=6usize,
        prop::collection::vec(any::<usize>(), 6),
    )
}

fn cut_from(library: &[Vec<Block>], (a, b, start, len, variants): &Cut) -> Option<String> {
    let article = library.get(a % library.len())?;
    let block = article.get(b % article.len())?;
    let chars: Vec<char> = block.text.chars().collect();
    if chars.is_empty() {
        return None;
    }
    let start = start % chars.len();
    let piece = chars[start..(start + len).min(chars.len())].iter();
    Some(
        piece
            .zip(variants)
            .map(|(&c, &v)| {
                VARIANTS
                    .iter()
                    .find(|group| group.contains(&c))
                    .map_or(c, |group| group[v % group.len()])
            })
            .collect(),
    )
}

fn blocks(texts: &[String]) -> Vec<Block> {
    texts.iter().map(|t| Block::body(t.as_str())).collect()
}

/// What today's library search finds: every article's count and first match, by id.
fn scan(library: &[Vec<Block>], query: &str) -> Vec<(u64, usize)> {
    library
        .iter()
        .enumerate()
        .filter_map(|(id, b)| {
            Index::new(b)
                .count_and_first(b, query)
                .map(|(n, _)| (id as u64, n))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn index_agrees_with_the_scan(
        library in prop::collection::vec(article(), 1..12),
        random in prop::collection::vec(query(), 8),
        cuts in prop::collection::vec(cut(), 24),
        removed in prop::collection::vec(any::<bool>(), 12),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let index = LibraryIndex::open(dir.path()).unwrap();
        let mut library: Vec<Vec<Block>> = library.iter().map(|a| blocks(a)).collect();
        for (id, b) in library.iter().enumerate() {
            index.add(id as u64, b).unwrap();
        }
        index.commit().unwrap();
        // Some articles replaced or emptied in a second commit, so that deletes and several
        // segments are exercised.
        for (id, r) in removed.iter().enumerate().take(library.len()) {
            if *r {
                let last = library.len() - 1;
                let swapped = library[last - id.min(last)].clone();
                index.add(id as u64, &swapped).unwrap();
                library[id] = swapped;
            }
        }
        index.commit().unwrap();
        let queries = random
            .into_iter()
            .chain(cuts.iter().filter_map(|c| cut_from(&library, c)));
        for q in &queries.collect::<Vec<_>>() {
            let expected = scan(&library, q);
            eprintln!("STAT {} {} {}", q.chars().count(), expected.len(), newsreader::search::has_capital(q));
            let got: Vec<(u64, usize)> =
                index.search(q).unwrap().iter().map(|h| (h.id, h.count)).collect();
            prop_assert_eq!(&got, &expected, "query {:?} in {:?}", q, library
                .iter()
                .map(|b| b.iter().map(|b| b.text.as_str()).collect::<Vec<_>>())
                .collect::<Vec<_>>());
            for &(id, _) in expected.iter().take(2) {
                let b = &library[id as usize];
                let (_, first) = Index::new(b).count_and_first(b, q).unwrap();
                let got = first_match(q, b).unwrap();
                prop_assert_eq!(&got.at, &first);
            }
        }
    }
}
