//! The plain-text front end. A news text file holds one paragraph per line; scrapers also
//! break sentences apart (a name or a number on its own line). This turns lines into
//! [`Block::Line`]s and [`Block::Blank`]s and mends those broken sentences.

use super::block::{Block, Parsed};
use super::meta::is_cjk;

/// Characters that cannot start a paragraph: the line is the tail of the previous sentence.
const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '】', ',', ';', ')', ']',
];

/// Characters after which a paragraph cannot end: the next line continues it.
const CONTINUING: &[char] = &['，', '、', '（', '《', '「', '『', '“', ',', '(', '['];

/// Splits plain text into lines and blanks, joining lines that are fragments of one sentence.
pub fn parse(text: &str) -> Parsed {
    let mut blocks: Vec<Block> = Vec::new();
    // Index into `blocks` of the last Line, and whether blanks followed it.
    let mut last_line: Option<usize> = None;
    // The last join appended a short fragment after a comma (`2019年，` + `龙湖集团`): the
    // sentence is still open, so the next line continues it too.
    let mut open = false;
    for raw in text.split('\n') {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            if !matches!(blocks.last(), Some(Block::Blank) | None) {
                blocks.push(Block::Blank);
            }
            continue;
        }
        if let Some(i) = last_line
            && let Block::Line(prev) = &blocks[i]
            && (continues(prev, line.trim_start()) || open && !ends_sentence(prev))
        {
            let prev_is_fragment = is_fragment(prev);
            open = prev.trim_end().ends_with(CONTINUING) && is_fragment(line);
            let joined = join(prev, line.trim_start());
            blocks.truncate(i + 1);
            blocks[i] = Block::Line(joined);
            // A short fragment joined by a following comma may itself continue the line
            // before it: `…女首富的` / `吴亚军` / `，在前不久…`.
            if prev_is_fragment
                && starts_closing(line.trim_start())
                && let Some(j) = blocks[..i]
                    .iter()
                    .rposition(|b| matches!(b, Block::Line(_)))
                && let (Block::Line(before), Block::Line(frag)) = (&blocks[j], &blocks[i])
                && !ends_sentence(before)
                && !before.trim_end().ends_with([':', '：'])
            {
                let merged = join(before, frag);
                blocks.truncate(j + 1);
                blocks[j] = Block::Line(merged);
                last_line = Some(j);
                continue;
            }
            last_line = Some(i);
            continue;
        }
        open = false;
        blocks.push(Block::Line(line.to_string()));
        last_line = Some(blocks.len() - 1);
    }
    while matches!(blocks.last(), Some(Block::Blank)) {
        blocks.pop();
    }
    Parsed {
        front: Default::default(),
        blocks,
        links: Vec::new(),
    }
}

fn starts_closing(s: &str) -> bool {
    s.starts_with(CLOSING)
}

/// Whether a line ends a sentence (so the next line is a new paragraph).
pub fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with([
        '。', '！', '？', '”', '’', '」', '』', '…', '.', '!', '?', '"', '）', ')', '】',
    ])
}

/// A short piece of text without punctuation: a name or a number split off a sentence.
fn is_fragment(s: &str) -> bool {
    let t = s.trim();
    t.chars().count() <= 10 && !t.contains(['。', '，', '、', '：', ':', ' '])
}

/// Only digits, punctuation and spaces: `(`, `115.395`, `,`, `2.47%`.
fn is_number_or_punct(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.chars().count() <= 12
        && t.chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c == ' ')
        && !t.chars().all(|c| c.is_ascii_digit())
}

/// Whether `next` continues the paragraph `prev` rather than starting a new one.
fn continues(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    if prev.is_empty() {
        return false;
    }
    if starts_closing(next) || prev.ends_with(CONTINUING) {
        return true;
    }
    if is_number_or_punct(next) && !ends_sentence(prev) {
        return true;
    }
    // A Latin sentence broken before a lower-case word: `… Real Madrid` / `did` / `ask …`.
    let last = prev.chars().last().unwrap_or(' ');
    let first = next.chars().next().unwrap_or(' ');
    last.is_alphanumeric() && !is_cjk(last) && first.is_lowercase()
}

/// Joins two pieces of one paragraph: no space between CJK text, one space between words.
pub fn join(a: &str, b: &str) -> String {
    let a = a.trim_end();
    let b = b.trim_start();
    let last = a.chars().last().unwrap_or(' ');
    let first = b.chars().next().unwrap_or(' ');
    let space = last.is_ascii() && !"([{".contains(last) && first.is_ascii_alphanumeric()
        || last.is_ascii_alphanumeric() && first.is_ascii() && !",.;:!?)]}%".contains(first);
    let mut out = String::with_capacity(a.len() + b.len() + 1);
    out.push_str(a);
    if space {
        out.push(' ');
    }
    out.push_str(b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        parse(text)
            .blocks
            .into_iter()
            .filter_map(|b| match b {
                Block::Line(s) => Some(s),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        let p = parse("标题\n\n第一段。\n第二段。\n\n\n第三段。\n");
        assert_eq!(
            p.blocks,
            vec![
                Block::Line("标题".into()),
                Block::Blank,
                Block::Line("第一段。".into()),
                Block::Line("第二段。".into()),
                Block::Blank,
                Block::Line("第三段。".into()),
            ]
        );
    }

    #[test]
    fn broken_sentences_are_mended() {
        assert_eq!(
            lines("2019年，\n\n小明公司\n\n即将上市。它的创始人\n\n张三\n\n，在会上说。"),
            vec!["2019年，小明公司即将上市。它的创始人张三，在会上说。".to_string()]
        );
        assert_eq!(
            lines("the club of\n\nwas\n\nasked again."),
            vec!["the club of was asked again.".to_string()]
        );
        assert_eq!(
            lines("某公司\n\n(\n\n115.395\n\n,\n\n2.79\n\n)\n\n等等。"),
            vec!["某公司(115.395, 2.79)".to_string(), "等等。".into()]
        );
    }

    #[test]
    fn separate_paragraphs_stay_apart() {
        assert_eq!(lines("学习有高潮\n\n党的会议召开了。").len(), 2);
        assert_eq!(lines("1\n\n全国名校长在小地方遇难题").len(), 2);
        assert_eq!(lines("He left.\n\nShe stayed.").len(), 2);
    }
}
