use super::*;
use crate::article::{Format, parse};

/// A small deterministic generator, so families differ from test to test but never from
/// run to run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "经济", "增长", "市场", "政府", "公司", "技术", "城市", "居民", "计划", "报告", "river",
    "council", "budget", "school", "energy", "market", "village", "harbour", "study", "vote",
];

/// A sentence no other article prints: words drawn at random and the article's number.
fn sentence(rng: &mut Rng, n: usize) -> String {
    let len = 4 + rng.below(8);
    let mut s: String = (0..len)
        .map(|_| WORDS[usize::try_from(rng.below(WORDS.len() as u64)).unwrap()])
        .collect::<Vec<_>>()
        .join(" ");
    s.push_str(&format!(" {n}-{}。", rng.next() % 100_000));
    s
}

/// A family of articles made from one template: a share bar and a subscription appeal
/// before the text, a related-links heading and a footer after it, and body text of their
/// own in between (with, in one of them, a line that no other prints).
fn family(seed: u64, size: usize) -> (Vec<String>, Vec<&'static str>) {
    let template = vec![
        "分享到：微信 微博 QQ空间",
        "点击上方蓝字关注我们，每天早上七点准时推送",
        "Sign up for the morning briefing",
        "© The Example Gazette. All rights reserved.",
    ];
    let mut rng = Rng(seed);
    let texts = (0..size)
        .map(|n| {
            let mut md = format!("# 文章标题 {n} {}\n\n", rng.next());
            md.push_str(&format!("{}\n\n{}\n\n", template[0], template[1]));
            for _ in 0..3 + rng.below(5) {
                md.push_str(&sentence(&mut rng, n));
                md.push_str("\n\n");
            }
            md.push_str(&format!(
                "## {}\n\n{}\n\n",
                template[2],
                sentence(&mut rng, n)
            ));
            md.push_str(&format!("{}\n", template[3]));
            md
        })
        .collect();
    (texts, template)
}

fn counted(articles: &[Article]) -> Counts {
    let mut counts = Counts::default();
    for a in articles {
        counts.add(&keys(a));
    }
    counts
}

fn body(a: &Article) -> Vec<&str> {
    a.sections
        .iter()
        .flat_map(|s| s.heading.iter().chain(&s.paragraphs))
        .map(String::as_str)
        .collect()
}

#[test]
fn a_family_loses_its_template_and_keeps_its_text() {
    for (seed, size) in [(1, 3), (7, 5), (42, 12), (99, 40)] {
        let (texts, template) = family(seed, size);
        let mut articles: Vec<Article> = texts
            .iter()
            .map(|t| parse(t, Format::Markdown, "x"))
            .collect();
        let before: Vec<Vec<String>> = articles
            .iter()
            .map(|a| body(a).into_iter().map(str::to_string).collect())
            .collect();
        let counts = counted(&articles);
        for (a, before) in articles.iter_mut().zip(before) {
            let moved = strip(a, |k| counts.is_furniture(k));
            assert!(moved >= 1, "seed {seed}: {moved} moved of {:?}", a.dropped);
            for line in &template {
                assert!(!body(a).contains(line), "seed {seed}: {line} kept");
            }
            // What the parse left of the template is dropped now, as furniture.
            let left: Vec<&String> = before
                .iter()
                .filter(|l| template.contains(&l.as_str()))
                .collect();
            assert!(
                !left.is_empty(),
                "seed {seed}: the parse dropped the whole template"
            );
            for line in left {
                assert!(
                    a.dropped_with_reasons()
                        .any(|(d, why)| d == line && why == Why::FURNITURE.to_string()),
                    "seed {seed}: {line}"
                );
            }
            // Everything else stays, in order.
            let rest: Vec<&String> = before
                .iter()
                .filter(|l| !template.contains(&l.as_str()))
                .collect();
            assert_eq!(body(a), rest, "seed {seed}");
            assert_eq!(a.why.headings.len(), a.headings().count());
            assert_eq!(a.why.dropped.len(), a.dropped.len());
        }
    }
}

#[test]
fn a_one_off_line_is_never_furniture() {
    let mut rng = Rng(5);
    for round in 0..200 {
        let size = 1 + usize::try_from(rng.below(30)).unwrap();
        // Lines shared by everything, a third, two, or one of the articles.
        let mut counts = Counts::default();
        let mut one_offs = Vec::new();
        for n in 0..size {
            let own = sentence(&mut rng, n + round * 100);
            let mut lines = vec![key("页脚 footer").unwrap(), key(&own).unwrap()];
            if n % 3 == 0 {
                lines.push(key("every third").unwrap());
            }
            if n < 2 {
                lines.push(key("only twice").unwrap());
            }
            lines.sort_unstable();
            lines.dedup();
            counts.add(&lines);
            one_offs.push(own);
        }
        for own in &one_offs {
            assert!(!counts.is_furniture(key(own).unwrap()), "{own} in {size}");
        }
        assert!(!counts.is_furniture(key("only twice").unwrap()));
        assert_eq!(counts.is_furniture(key("页脚 footer").unwrap()), size >= 3);
        let third = size.div_ceil(3);
        assert_eq!(
            counts.is_furniture(key("every third").unwrap()),
            third >= 3 && third * 5 >= size
        );
    }
}

#[test]
fn the_threshold_is_three_articles_and_a_fifth() {
    assert!(!is_furniture(2, 2));
    assert!(is_furniture(3, 3));
    assert!(is_furniture(3, 15));
    assert!(!is_furniture(3, 16));
    assert!(is_furniture(4, 20));
    assert!(!is_furniture(1, 1));
}

#[test]
fn an_article_that_is_all_furniture_is_left_alone() {
    let mut a = parse("# T\n\nSame text.\n\nAnd again.\n", Format::Markdown, "x");
    let before = a.clone();
    assert_eq!(strip(&mut a, |_| true), 0);
    assert_eq!(a, before);
}

#[test]
fn keys_fold_case_spacing_and_marks() {
    assert_eq!(key("**Share:**"), key("share"));
    assert_eq!(key("分享到： 微信"), key("分享到微信"));
    assert_ne!(key("2023 report"), key("2024 report"));
    assert_eq!(key("—"), None);
    assert_eq!(key("7"), None);
}

/// The key as first defined: every alphanumeric character lowercased by `char`, hashed.
fn reference_key(line: &str) -> Option<u64> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chars = 0usize;
    for c in line.chars().filter(|c| c.is_alphanumeric()) {
        for lower in c.to_lowercase() {
            let mut buf = [0u8; 4];
            for &b in lower.encode_utf8(&mut buf).as_bytes() {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        chars += 1;
    }
    (chars >= MIN_CHARS).then_some(hash)
}

#[test]
fn the_fast_key_is_the_reference_key() {
    for c in ('\u{3400}'..='\u{4DBF}').chain('\u{4E00}'..='\u{9FFF}') {
        assert!(c.is_alphanumeric(), "{c:?}");
        assert!(c.to_lowercase().eq([c]), "{c:?}");
    }
    for line in [
        "**Share:** 分享到微信",
        "İSTANBUL Ωmega ＡＢＣ１２３ 〇々 ⅫⅪ",
        "記者 楊啟芳／台北報導 Straße ǅ",
        "𠀀𠀁 emoji 😀 x",
        "a",
        "",
    ] {
        assert_eq!(key(line), reference_key(line), "{line}");
    }
    // Every character below U+10000, alone and next to a letter.
    for c in (0..0x1_0000).filter_map(char::from_u32) {
        let line = format!("{c}a{c}");
        assert_eq!(key(&line), reference_key(&line), "{c:?}");
    }
}

#[test]
fn sources_are_the_feed_the_host_or_the_folder() {
    let path = Path::new("/news/site/a.md");
    assert_eq!(
        source_of(Some("https://f/rss"), Some("https://x"), Some(path)).as_deref(),
        Some("feed:https://f/rss")
    );
    assert_eq!(
        source_of(None, Some("https://www.Example.com:443/a?b"), Some(path)).as_deref(),
        Some("host:example.com")
    );
    assert_eq!(
        source_of(None, Some("file:///x"), Some(path)).as_deref(),
        Some("dir:/news/site")
    );
    assert_eq!(source_of(None, None, None), None);
}

#[test]
fn headings_and_pictures_follow_what_moves() {
    use crate::article::{Picture, Section};
    let section = |heading: Option<&str>, level, paragraphs: &[&str]| Section {
        heading: heading.map(str::to_string),
        level,
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
    };
    let picture = |section, paragraph| Picture {
        src: format!("{section}-{paragraph}.jpg"),
        alt: None,
        caption: None,
        section,
        paragraph,
    };
    let mut a = Article::new(
        "t",
        vec![
            section(None, 0, &["lead text", "share this story"]),
            section(Some("Related stories"), 1, &["one story", "[image]"]),
            section(Some("Own heading"), 2, &["[image]"]),
        ],
    );
    a.why.headings = vec!["markup: h2".into(), "markup: h3".into()];
    a.images = vec![picture(0, 1), picture(1, 1), picture(2, 0)];
    let furniture = [key("share this story"), key("Related stories")];
    let moved = strip(&mut a, |k| furniture.contains(&Some(k)));
    assert_eq!(moved, 2);
    assert_eq!(a.dropped, vec!["share this story", "Related stories"]);
    assert_eq!(
        a.sections,
        vec![
            section(None, 0, &["lead text", "one story", "[image]"]),
            section(Some("Own heading"), 1, &["[image]"]),
        ]
    );
    assert_eq!(a.why.headings, vec!["markup: h3"]);
    let at: Vec<(usize, usize, &str)> = a
        .images
        .iter()
        .map(|p| (p.section, p.paragraph, p.src.as_str()))
        .collect();
    assert_eq!(at, vec![(0, 2, "1-1.jpg"), (1, 0, "2-0.jpg")]);
}
