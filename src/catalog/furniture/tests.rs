use std::path::PathBuf;

use super::*;
use crate::article::{Format, parse};
use crate::catalog::{Outcome, text_key};
use crate::model::{ArticleId, Origin};

const FOOTER: &str =
    "Our newsroom has reported on the valley and its towns since the spring of 1921.";

/// Article `n` of a site whose every page ends with the same footer.
fn page(n: usize) -> Article {
    let text = format!(
        "# Story number {n}\n\nThe council met on day {n} to talk about item {n}.\n\n\
         A second paragraph that only story {n} prints, with {n} in it.\n\n{FOOTER}\n"
    );
    parse(&text, Format::Markdown, "x")
}

fn put(c: &mut Catalog, origin: &Origin, a: &Article) -> ArticleId {
    c.put(origin, 1, 1, 1, Outcome::Article(a, &text_key(a)))
        .unwrap()
}

fn file(dir: &str, n: usize) -> Origin {
    Origin::File(PathBuf::from(format!("/news/{dir}/{n}.md")))
}

fn kept(c: &Catalog, id: ArticleId) -> Vec<String> {
    let a = c.article(id).unwrap().unwrap();
    a.sections.into_iter().flat_map(|s| s.paragraphs).collect()
}

#[test]
fn a_folder_learns_its_footer_and_forgets_it_with_its_articles() {
    let mut c = Catalog::memory();
    let ids: Vec<ArticleId> = (0..4)
        .map(|n| put(&mut c, &file("site", n), &page(n)))
        .collect();
    // Another folder prints the footer twice: not enough there.
    let other: Vec<ArticleId> = (0..2)
        .map(|n| put(&mut c, &file("other", n), &page(n)))
        .collect();
    for &id in &ids {
        let a = c.article(id).unwrap().unwrap();
        assert!(!kept(&c, id).iter().any(|p| p == FOOTER));
        let why: Vec<(&str, &str)> = a.dropped_with_reasons().collect();
        assert!(
            why.contains(&(FOOTER, "furniture: repeated across the source")),
            "{a:#?}"
        );
        assert!(why.contains(&(FOOTER, "furniture: repeated across the source")));
        // The article's own lines stay.
        assert_eq!(kept(&c, id).len(), 2);
    }
    for &id in &other {
        assert!(kept(&c, id).iter().any(|p| p == FOOTER));
    }
    // Storing an article again counts it once.
    put(&mut c, &file("site", 0), &page(0));
    put(&mut c, &file("site", 0), &page(0));
    assert!(!kept(&c, ids[0]).iter().any(|p| p == FOOTER));
    // With two of the four gone, the footer is in two articles: no longer furniture.
    c.remove(ids[1]).unwrap();
    c.put(&file("site", 2), 1, 1, 1, Outcome::Failed("unreadable"))
        .unwrap();
    assert!(kept(&c, ids[0]).iter().any(|p| p == FOOTER));
}

#[test]
fn a_feed_counts_its_items_under_the_feed() {
    let mut c = Catalog::memory();
    // Items link to several hosts; they share the feed.
    let ids: Vec<ArticleId> = (0..3)
        .map(|n| {
            let mut a = page(n);
            a.url = Some(format!("https://host{n}.example/{n}"));
            let id = put(&mut c, &Origin::Item(format!("guid-{n}")), &a);
            c.count_lines(
                id.0,
                furniture::source_of(Some("https://feed.example/rss"), a.url.as_deref(), None),
                &a,
            )
            .unwrap();
            id
        })
        .collect();
    for id in ids {
        assert!(!kept(&c, id).iter().any(|p| p == FOOTER));
    }
}

#[test]
fn keys_go_in_chunks_of_powers_of_two() {
    for n in 0..300 {
        let sizes: Vec<usize> = chunks(n).collect();
        assert_eq!(sizes.iter().sum::<usize>(), n, "{n}");
        assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{n}: {sizes:?}");
        assert!(sizes.iter().all(|s| s.is_power_of_two() && *s <= CHUNK));
        // At most one chunk of each size below the largest.
        assert!(sizes.iter().filter(|&&s| s < CHUNK).count() <= 7, "{n}");
    }
}

/// An article of many lines (more than one chunk of keys) counts and loses each of them.
#[test]
fn an_article_of_many_lines_is_counted_line_by_line() {
    let mut c = Catalog::memory();
    let many = |n: usize| {
        let mut text = format!("# Story {n}\n\n");
        for line in 0..150 {
            text.push_str(&format!("Repeated line number {line} of every page.\n\n"));
        }
        text.push_str(&format!("Only story {n} prints this line.\n"));
        parse(&text, Format::Markdown, "x")
    };
    let ids: Vec<ArticleId> = (0..3)
        .map(|n| put(&mut c, &file("long", n), &many(n)))
        .collect();
    for (n, &id) in ids.iter().enumerate() {
        let kept = kept(&c, id);
        assert_eq!(kept, vec![format!("Only story {n} prints this line.")]);
    }
}
