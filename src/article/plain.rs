//! The plain-text front end. A news text file holds one paragraph per line; scrapers also
//! break sentences apart (a name, a number or a stock quote on its own line, a line starting
//! with `，` or `”`, a phrase cut in two: `…长` / `沙龙` / `湖水晶郦城…`). This turns lines into
//! [`Block::Line`]s and [`Block::Blank`]s and mends those broken sentences.

use super::block::{Block, Parsed};
use super::boilerplate::ends_with_quote;
use crate::script::{CLOSING, CONTINUING, is_cjk, is_han};

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
            let joined = join(prev, line.trim_start());
            open =
                (prev.trim_end().ends_with(CONTINUING) || mid_sentence(prev)) && is_fragment(line);
            blocks.truncate(i + 1);
            blocks[i] = Block::Line(joined);
            // A short fragment joined by a following comma may itself continue the line
            // before it: `…女首富的` / `吴亚军` / `，在前不久…`.
            if prev_is_fragment
                && line
                    .trim_start()
                    .starts_with(|c: char| CLOSING.contains(&c) && !c.is_ascii())
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
    crate::script::ends_sentence(s)
}

/// A line of prose cut off in the middle of a phrase: long, with clause punctuation in it, and
/// ending on a Chinese character rather than on punctuation (`…虽然负责该项目的只是分包商，但公司
/// 作为精装交付项目的`).
fn mid_sentence(s: &str) -> bool {
    let t = s.trim_end();
    t.chars().count() >= 20
        && t.contains(['，', '。', '、'])
        && t.chars().last().is_some_and(is_han)
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
    if is_number_or_punct(next) && !ends_sentence(prev) || ends_with_quote(prev) {
        return true;
    }
    // A phrase cut in two: `…了解到，长` / `沙龙`; a label cut from its name: `…副主管：` /
    // `StefanIsaacs`.
    let label = prev.ends_with(['：', ':'])
        && prev.chars().count() <= 40
        && !prev.contains(['，', '。', '；'])
        && next.chars().count() <= 30
        && next.chars().all(char::is_alphanumeric);
    if label || mid_sentence(prev) && is_fragment(next) && !next.starts_with(['“', '"', '「']) {
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

    /// Sentences a scraper cut at a link or a stock quote, from real pages, and lines that
    /// must stay apart.
    #[test]
    fn phrases_cut_in_two_are_joined() {
        for (text, want) in [
            (
                "龙湖方面也承认，虽然负责该项目的只是分包商，但公司作为精装交付项目的\n\n开发商\n\n具有不可推卸的责任。",
                vec![
                    "龙湖方面也承认，虽然负责该项目的只是分包商，但公司作为精装交付项目的开发商具有不可推卸的责任。",
                ],
            ),
            (
                "此外，记者还从该项目业主提供的一份举报信中了解到，长\n\n沙龙\n\n湖水晶郦城项目还存在问题。",
                vec![
                    "此外，记者还从该项目业主提供的一份举报信中了解到，长沙龙湖水晶郦城项目还存在问题。",
                ],
            ),
            (
                "2\n\n贝莱德\n\n(\n\n431.2\n\n,\n\n7.37\n\n,\n\n1.74%\n\n)\n\n固定收益业务全球首席投资官：RickRieder",
                vec![
                    "2",
                    "贝莱德(431.2, 7.37, 1.74%)固定收益业务全球首席投资官：RickRieder",
                ],
            ),
            (
                "英国M&G固定收益副主管：\n\nStefanIsaacs",
                vec!["英国M&G固定收益副主管：StefanIsaacs"],
            ),
            (
                "陈立群的眉头就皱了起来：\n\n这哪像学校的样子啊？",
                vec!["陈立群的眉头就皱了起来：", "这哪像学校的样子啊？"],
            ),
            ("他说：\n\n“好的。”", vec!["他说：", "“好的。”"]),
        ] {
            assert_eq!(lines(text), want, "{text}");
        }
    }

    #[test]
    fn separate_paragraphs_stay_apart() {
        assert_eq!(lines("学习有高潮\n\n党的会议召开了。").len(), 2);
        assert_eq!(lines("1\n\n全国名校长在小地方遇难题").len(), 2);
        assert_eq!(lines("He left.\n\nShe stayed.").len(), 2);
    }
}
