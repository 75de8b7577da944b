//! Furniture learned from the library: a line that recurs in many articles of one source (a
//! feed, a site, a folder) is that source's furniture (share bars, footers, subscription
//! appeals, related-link boxes), whatever words it uses. No phrase list is involved, so it
//! works on sites nobody has seen.
//!
//! Lines are compared by a [`key`]: a stable hash of the line with case, spacing and
//! punctuation folded away. A source's [`Counts`] say, for each key, in how many of its
//! articles the line occurs; a line seen in at least [`MIN_ARTICLES`] of them and in at least
//! one in [`SHARE`] of them is furniture, and [`strip`] moves it to `dropped` with the reason
//! `furniture`. The article being read is one of the articles counted, so a line it alone
//! prints is seen once and is never furniture.
//!
//! The catalog keeps the counts per source over the articles it holds; `--json` over files
//! counts each folder's lines in a cheap pass over the raw text first ([`text_keys`]).

mod raw;

use std::collections::HashMap;
use std::path::Path;

pub use raw::text_keys;

use super::Article;
use super::why::Why;

/// A line is furniture only when at least this many articles of its source print it.
pub const MIN_ARTICLES: u32 = 3;

/// ... and at least one article in this many.
pub const SHARE: u32 = 5;

/// Lines whose folded form is shorter than this many characters are not judged: a lone
/// number or a dash says nothing about its source.
const MIN_CHARS: usize = 2;

/// The key of a line: an FNV-1a hash of its letters and digits, lowercased (spaces, marks
/// and punctuation left out, so `**Share:**` and `Share` are one line). Stable across
/// versions and platforms, as the catalog keeps it. `None` for a line too short to judge.
///
/// ASCII and the common CJK ideographs (letters with no case) are hashed without asking the
/// Unicode tables; every other character is tested and lowercased as `char` does, so the
/// key is the same as hashing `c.to_lowercase()` of every alphanumeric `c`.
pub fn key(line: &str) -> Option<u64> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    let bytes = line.as_bytes();
    let mut chars = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                eat(&[b.to_ascii_lowercase()]);
                chars += 1;
            }
            i += 1;
            continue;
        }
        // A lead byte E5–E9 starts a character of U+5000–U+9FFF, all ideographs: its three
        // bytes are hashed as they are.
        if (0xE5..=0xE9).contains(&b)
            && let Some(three) = bytes.get(i..i + 3)
        {
            eat(three);
            chars += 1;
            i += 3;
            continue;
        }
        let Some(c) = line.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        let mut buf = [0u8; 4];
        if is_ideograph(c) {
            eat(c.encode_utf8(&mut buf).as_bytes());
            chars += 1;
            continue;
        }
        if is_punctuation(c) || !c.is_alphanumeric() {
            continue;
        }
        for lower in c.to_lowercase() {
            eat(lower.encode_utf8(&mut buf).as_bytes());
        }
        chars += 1;
    }
    (chars >= MIN_CHARS).then_some(hash)
}

/// The CJK Unified Ideographs and Extension A: every one a letter, none with a lower case (a
/// test checks both against the Unicode tables).
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// General punctuation and the CJK and full-width punctuation that Chinese text is full of:
/// none of them a letter or digit (a test checks this against the Unicode tables), so they
/// are passed over without asking the tables.
fn is_punctuation(c: char) -> bool {
    matches!(c,
        '\u{2000}'..='\u{206F}'
        | '\u{3000}'..='\u{3004}'
        | '\u{3008}'..='\u{3020}'
        | '\u{3030}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}')
}

/// The keys of an article's body lines (headings and paragraphs), each once, sorted: what
/// its source's counts learn from it.
pub fn keys(article: &Article) -> Vec<u64> {
    let mut keys: Vec<u64> = article
        .sections
        .iter()
        .flat_map(|s| s.heading.iter().chain(&s.paragraphs))
        .filter_map(|line| key(line))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Whether a line seen in `count` of a source's `articles` articles is furniture.
pub fn is_furniture(count: u32, articles: u32) -> bool {
    count >= MIN_ARTICLES && u64::from(count) * u64::from(SHARE) >= u64::from(articles)
}

/// The source an article's furniture is learned from, as the catalog names it: the feed
/// (given by the caller), else the host of the article's address, else its folder.
pub fn source_of(feed: Option<&str>, url: Option<&str>, path: Option<&Path>) -> Option<String> {
    if let Some(feed) = feed {
        return Some(format!("feed:{feed}"));
    }
    if let Some(host) = url.and_then(host_of) {
        return Some(format!("host:{host}"));
    }
    path.and_then(Path::parent)
        .map(|dir| format!("dir:{}", dir.to_string_lossy()))
}

/// The host of an `http(s)` address, lowercased, without a `www.` in front.
fn host_of(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// How often each line occurs across the articles of one source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// How many articles were counted.
    pub articles: u32,
    /// For each line's key, in how many of them it occurs.
    pub lines: HashMap<u64, u32>,
}

impl Counts {
    /// Counts one more article, given its line keys (each once).
    pub fn add(&mut self, keys: &[u64]) {
        self.articles += 1;
        for &k in keys {
            *self.lines.entry(k).or_default() += 1;
        }
    }

    /// Whether the line with this key is the source's furniture.
    pub fn is_furniture(&self, key: u64) -> bool {
        self.lines
            .get(&key)
            .is_some_and(|&n| is_furniture(n, self.articles))
    }
}

/// Moves the body lines `furniture` says are the source's furniture (given their keys) to
/// `dropped`, each with the reason `furniture`; a heading that is furniture leaves its
/// paragraphs to the section before it, and pictures follow their paragraphs (a picture
/// whose paragraph left goes with it). An article that would keep no text at all is left as
/// it is (a source whose every article is the same text has nothing to learn from).
/// Returns how many lines moved.
pub fn strip(article: &mut Article, furniture: impl Fn(u64) -> bool) -> usize {
    let is = |line: &str| key(line).is_some_and(&furniture);
    let lines = || {
        article
            .sections
            .iter()
            .flat_map(|s| s.heading.iter().chain(&s.paragraphs))
    };
    let gone = lines().filter(|l| is(l)).count();
    if gone == 0 || gone == lines().count() {
        return 0;
    }
    let reason = Why::FURNITURE.to_string();
    let why = &mut article.why;
    // Reasons line up with `dropped` from here on.
    why.dropped.resize(article.dropped.len(), String::new());
    let mut to_dropped = |line: String| {
        article.dropped.push(line);
        why.dropped.push(reason.clone());
    };
    // Where each kept paragraph went, by its old place, for the pictures.
    let mut moved_to: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    let mut sections: Vec<super::Section> = Vec::with_capacity(article.sections.len());
    let mut headings_why = std::mem::take(&mut why.headings).into_iter();
    let mut kept_why = Vec::new();
    for (si, mut section) in std::mem::take(&mut article.sections)
        .into_iter()
        .enumerate()
    {
        let heading_why = section.heading.as_ref().and_then(|_| headings_why.next());
        let heading_goes = section.heading.as_deref().is_some_and(is);
        let (target, base) = match sections.last() {
            Some(before) if heading_goes => (sections.len() - 1, before.paragraphs.len()),
            _ => (sections.len(), 0),
        };
        if heading_goes {
            to_dropped(section.heading.take().unwrap_or_default());
        }
        let mut kept = Vec::with_capacity(section.paragraphs.len());
        for (pi, p) in std::mem::take(&mut section.paragraphs)
            .into_iter()
            .enumerate()
        {
            if is(&p) {
                to_dropped(p);
            } else {
                moved_to.insert((si, pi), (target, base + kept.len()));
                kept.push(p);
            }
        }
        match sections.last_mut() {
            Some(before) if heading_goes => before.paragraphs.append(&mut kept),
            _ => {
                if heading_goes {
                    section.level = 0;
                } else {
                    kept_why.extend(heading_why);
                }
                section.paragraphs = kept;
                sections.push(section);
            }
        }
    }
    kept_why.extend(headings_why);
    article.why.headings = kept_why;
    article
        .images
        .retain_mut(|p| match moved_to.get(&(p.section, p.paragraph)) {
            Some(&(s, q)) => {
                (p.section, p.paragraph) = (s, q);
                true
            }
            None => false,
        });
    super::structure::relative_levels(&mut sections);
    article.sections = sections;
    gone
}

#[cfg(test)]
mod tests;
