//! The Markdown front end, for `.md` files and the many clipped articles saved as `.txt` that
//! are Markdown inside: YAML front matter, `#` headings, `**bold**` heading lines, `![](…)`
//! images, links, block quotes and inline HTML. Inline markup is resolved to the text a
//! reader sees. A paragraph that was a single source line stays a [`Block::Line`] so that the
//! assembler's plain-text rules (numbered headings, bylines, boilerplate) still apply to it.

mod inline;

pub(super) use inline::inline;

use super::block::{Block, FrontMatter, Parsed};
use super::heading::numbered_like;
use super::meta::is_cjk;
use super::plain::join;
use inline::placeholder;

/// Whether a text is Markdown in shape: front matter, `#` headings, or image lines.
pub fn looks_like_markdown(text: &str) -> bool {
    if front_matter(text).is_some() {
        return true;
    }
    let mut atx = 0;
    let mut images = 0;
    for (i, line) in text.lines().take(2000).enumerate() {
        if atx_heading(line).is_some() {
            if i == 0 {
                return true;
            }
            atx += 1;
        }
        if line.trim_start().starts_with("![") && line.contains("](") {
            images += 1;
        }
    }
    atx >= 2 || images >= 2 || (atx >= 1 && images >= 1)
}

/// YAML front matter at the start of the text: the fields we use, and the byte offset where
/// the body starts.
fn front_matter(text: &str) -> Option<(FrontMatter, usize)> {
    let rest = text.strip_prefix("---\n")?;
    let mut front = FrontMatter::default();
    let mut offset = 4;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let l = line.trim();
        if l == "---" {
            return Some((front, offset));
        }
        let Some((key, value)) = l.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim().to_string();
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" => &mut front.title,
            "date" => &mut front.date,
            "author" | "作者" => &mut front.author,
            "source" | "来源" => &mut front.source,
            "url" | "网址" | "link" => &mut front.url,
            _ => continue,
        };
        *slot = Some(value);
    }
    None
}

/// `## text` → (2, text).
fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with(' ') {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim();
    (!text.is_empty()).then_some((hashes, text))
}

fn is_rule(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3 && (t.chars().all(|c| c == '-') || t.chars().all(|c| c == '*'))
        || t.len() >= 3 && t.chars().all(|c| c == '_')
}

/// A list item marker (`- `, `* `, `+ `, `1. `): the text after it and the marker to show.
fn list_item(line: &str) -> Option<(String, &str)> {
    let t = line.trim_start();
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            return Some(("• ".to_string(), rest));
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && let Some(rest) = t[digits..].strip_prefix(". ")
    {
        return Some((format!("{}. ", &t[..digits]), rest));
    }
    None
}

/// Parses Markdown text into blocks.
pub fn parse(text: &str) -> Parsed {
    let (front, body_start) = front_matter(text).unwrap_or_default();
    let body = &text[body_start.min(text.len())..];
    let cjk = body.chars().take(4000).filter(|&c| is_cjk(c)).count() >= 3;
    let mut out = Builder {
        blocks: Vec::new(),
        para: Vec::new(),
        cjk,
    };
    let mut in_fence = false;
    for line in body.split('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            out.flush();
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            if !trimmed.is_empty() {
                out.push(Block::Para(trimmed.to_string()));
            }
            continue;
        }
        // Block quotes are read as ordinary text: clipped articles use them for provenance
        // notes and bylines, which the assembler recognises.
        let line = strip_quote(line);
        let trimmed = line.trim();
        if trimmed.is_empty() || is_rule(trimmed) {
            out.flush();
            out.blank();
            continue;
        }
        if let Some((level, text)) = atx_heading(trimmed) {
            out.flush();
            let text = inline(text, cjk);
            if !text.is_empty() {
                out.push(Block::Heading {
                    level: level as u8,
                    text,
                });
            }
            continue;
        }
        // A table row is a line of its own; the `|---|` rule under the header is dropped.
        if trimmed.starts_with('|') {
            out.flush();
            if !trimmed.chars().all(|c| "|-: ".contains(c)) {
                let cells: Vec<String> = trimmed
                    .trim_matches('|')
                    .split('|')
                    .map(|c| inline(c.trim(), cjk))
                    .collect();
                out.push(Block::Para(cells.join(" | ")));
            }
            continue;
        }
        if let Some((marker, rest)) = list_item(line) {
            out.flush();
            let text = inline(rest, cjk);
            if !text.is_empty() {
                out.push(Block::Para(format!("{marker}{text}")));
            }
            continue;
        }
        if let Some(alt) = image_line(trimmed) {
            out.flush();
            out.push(Block::Line(placeholder(alt, cjk)));
            continue;
        }
        if let Some(inner) = bold_line(trimmed) {
            // A short bold line is a heading; a bold sentence is an emphasised paragraph.
            let text = inline(inner, cjk);
            if numbered_like(text.trim_end_matches([':', '：'])) {
                out.flush();
                out.push(Block::Heading { level: 0, text });
                continue;
            }
        }
        out.para.push(line.to_string());
    }
    out.flush();
    let mut blocks = out.blocks;
    while matches!(blocks.last(), Some(Block::Blank)) {
        blocks.pop();
    }
    let mut front = front;
    // A first `# Title` is the article's title, not a section.
    let first = blocks.iter().position(|b| !matches!(b, Block::Blank));
    if let Some(i) = first
        && let Block::Heading { level: 1, text } = &blocks[i]
        && blocks
            .iter()
            .filter(|b| matches!(b, Block::Heading { level: 1, .. }))
            .count()
            == 1
    {
        if front.title.is_none() {
            front.title = Some(text.clone());
        }
        blocks.remove(i);
    }
    let lead = blocks
        .iter()
        .take_while(|b| matches!(b, Block::Blank))
        .count();
    blocks.drain(..lead);
    renumber(&mut blocks);
    Parsed { front, blocks }
}

/// Makes heading levels start at 1 and puts bold-line headings (level 0 here) one level
/// below the deepest `#` heading.
fn renumber(blocks: &mut [Block]) {
    let levels = blocks.iter().filter_map(|b| match b {
        Block::Heading { level, .. } if *level > 0 => Some(*level),
        _ => None,
    });
    let (min, max) = levels.fold((u8::MAX, 0), |(lo, hi), l| (lo.min(l), hi.max(l)));
    for b in blocks {
        if let Block::Heading { level, .. } = b {
            *level = if *level == 0 {
                if max == 0 { 1 } else { max - min + 2 }
            } else {
                *level - min + 1
            };
        }
    }
}

struct Builder {
    blocks: Vec<Block>,
    para: Vec<String>,
    cjk: bool,
}

impl Builder {
    fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    fn blank(&mut self) {
        if !matches!(self.blocks.last(), Some(Block::Blank) | None) {
            self.blocks.push(Block::Blank);
        }
    }

    /// Ends the paragraph being collected. A one-line paragraph stays a `Line` so the plain
    /// rules apply; a longer one is joined into a `Para`.
    fn flush(&mut self) {
        match self.para.len() {
            0 => {}
            1 => {
                let raw = self.para.remove(0);
                let indent: String = raw
                    .chars()
                    .take_while(|&c| c == '\u{3000}' || c == ' ')
                    .collect();
                let text = inline(&raw, self.cjk);
                if !text.is_empty() {
                    self.blocks.push(Block::Line(format!("{indent}{text}")));
                }
            }
            _ => {
                let mut joined = String::new();
                for l in self.para.drain(..) {
                    joined = join(&joined, l.trim());
                }
                let text = inline(&joined, self.cjk);
                if !text.is_empty() {
                    self.blocks.push(Block::Para(text));
                }
            }
        }
    }
}

fn strip_quote(line: &str) -> &str {
    let mut l = line.trim_start();
    while let Some(rest) = l.strip_prefix('>') {
        l = rest.trim_start();
    }
    if l.len() == line.trim_start().len() {
        line
    } else {
        l
    }
}

/// A line that is only an image: its alt text.
fn image_line(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("![")?;
    let close = rest.find("](")?;
    let after = &rest[close + 2..];
    let end = after.find(')')?;
    after[end + 1..].trim().is_empty().then_some(&rest[..close])
}

/// A line that is only bold text: `**01**`, `**总结：**`.
fn bold_line(line: &str) -> Option<&str> {
    let inner = line
        .strip_prefix("**")
        .and_then(|l| l.strip_suffix("**"))
        .or_else(|| line.strip_prefix("__").and_then(|l| l.strip_suffix("__")))?;
    (!inner.contains("**") && !inner.trim().is_empty()).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields() {
        let text = "---\nlayout: post\n\ntitle:  我的一天\ndate: 2018-02-06 15:00 +0800\nauthor: \"小王\"\n---\n\n正文。\n";
        let p = parse(text);
        assert_eq!(p.front.title.as_deref(), Some("我的一天"));
        assert_eq!(p.front.date.as_deref(), Some("2018-02-06 15:00 +0800"));
        assert_eq!(p.front.author.as_deref(), Some("小王"));
        assert_eq!(p.blocks, vec![Block::Line("正文。".into())]);
    }

    #[test]
    fn headings_are_renumbered_and_title_taken() {
        let p = parse("# 周报\n\n## 封面\n\n文字。\n\n### 细节\n\n**小结**\n");
        assert_eq!(p.front.title.as_deref(), Some("周报"));
        let levels: Vec<(u8, String)> = p
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } => Some((*level, text.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            levels,
            vec![(1, "封面".into()), (2, "细节".into()), (3, "小结".into())]
        );
    }

    #[test]
    fn images_and_lists() {
        let p = parse("# T\n\n![00.gif](http://x/00.gif)\n\n- 第一点\n- 第二点\n\n> 作者：某某\n");
        assert_eq!(
            p.blocks,
            vec![
                Block::Line("[图片]".into()),
                Block::Blank,
                Block::Para("• 第一点".into()),
                Block::Para("• 第二点".into()),
                Block::Blank,
                Block::Line("作者：某某".into()),
            ]
        );
    }

    #[test]
    fn soft_wrapped_paragraphs_join() {
        let p = parse("# T\n\nOne line\nand the next.\n\n中文第一行\n第二行。\n");
        assert_eq!(
            p.blocks,
            vec![
                Block::Para("One line and the next.".into()),
                Block::Blank,
                Block::Para("中文第一行第二行。".into()),
            ]
        );
    }

    #[test]
    fn table_rows_are_lines_of_their_own() {
        let p = parse("# T\n\n| a | b |\n|---|---|\n| 1 | **2** |\n");
        assert_eq!(
            p.blocks,
            vec![Block::Para("a | b".into()), Block::Para("1 | 2".into())]
        );
    }

    #[test]
    fn shape_detection() {
        assert!(looks_like_markdown("---\ntitle: x\n---\nbody"));
        assert!(looks_like_markdown("# Title\n\ntext"));
        assert!(!looks_like_markdown("标题\n\n正文。\n"));
        assert!(!looks_like_markdown("#hashtag is not a heading\n"));
    }
}
