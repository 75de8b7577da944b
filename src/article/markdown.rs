//! The Markdown front end, for `.md` files and the many clipped articles saved as `.txt` that
//! are Markdown inside: YAML front matter, `#` and setext headings, `**bold**` heading lines,
//! `![](…)` images, links, block quotes and inline HTML (a line of `<p>` blocks is cut into
//! paragraphs). Inline markup is resolved to the text a reader sees. A paragraph that was a
//! single source line stays a [`Block::Line`] so that the assembler's plain-text rules
//! (numbered headings, bylines, boilerplate) still apply to it.

mod builder;
mod front;
mod html_blocks;
mod inline;
mod refs;

pub(super) use inline::inline;

use super::block::{self, Block, Parsed};
use super::image;
use builder::Builder;
use front::front_matter;
use html_blocks::has_block_tag;

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

/// `## text` → (2, text).
fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = line.get(hashes..)?;
    if !rest.starts_with(' ') {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim();
    (!text.is_empty()).then_some((hashes, text))
}

/// A thematic break: `---`, `***`, `___`, `===` (three or more, spaces allowed).
fn is_rule(line: &str) -> bool {
    if !line.trim_start().starts_with(['-', '*', '_', '=']) {
        return false;
    }
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && ['-', '*', '_', '=']
            .iter()
            .any(|&r| t.chars().all(|c| c == r))
}

/// A setext underline (`===` or `---` right under a line of text): the heading level it gives.
fn setext(line: &str) -> Option<u8> {
    let t = line.trim();
    if t.is_empty() || line.starts_with("    ") {
        return None;
    }
    if t.chars().all(|c| c == '=') {
        Some(1)
    } else if t.chars().all(|c| c == '-') {
        Some(2)
    } else {
        None
    }
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
        && let Some(rest) = t.get(digits..).and_then(|r| r.strip_prefix(". "))
    {
        return Some((format!("{}. ", t.get(..digits)?), rest));
    }
    None
}

/// Parses Markdown text into blocks.
pub fn parse(text: &str) -> Parsed {
    let (front, body_start) = front_matter(text).unwrap_or_default();
    let body = text.get(body_start.min(text.len())..).unwrap_or_default();
    let body = refs::resolve(body);
    let mut out = Builder::default();
    let mut fence: Option<Vec<&str>> = None;
    // The fence's character and length: only a run of the same, as long or longer, closes it.
    let mut fence_mark = ('`', 3);
    let mut indented: Option<Vec<&str>> = None;
    let mut in_list = false;
    let mut html: Option<Vec<&str>> = None;
    for line in body.split('\n') {
        let trimmed = line.trim();
        if let Some(lines) = html.as_mut() {
            if !trimmed.is_empty() {
                lines.push(line);
                continue;
            }
            out.html(&html.take().unwrap_or_default().join("\n"));
        }
        if let Some(lines) = indented.as_mut() {
            if trimmed.is_empty() || code_indent(line).is_some() {
                lines.push(line);
                continue;
            }
            let lines = indented.take().unwrap_or_default();
            let lines: Vec<&str> = lines.iter().map(|l| code_indent(l).unwrap_or("")).collect();
            out.code(&lines);
            out.blank();
        }
        if let Some(mark) = fence_open(trimmed) {
            match fence.take() {
                Some(lines) if fence_closes(fence_mark, mark) => {
                    out.code(&lines);
                }
                Some(mut lines) => {
                    lines.push(line);
                    fence = Some(lines);
                }
                None => {
                    out.flush();
                    fence_mark = mark;
                    fence = Some(Vec::new());
                }
            }
            continue;
        }
        if let Some(lines) = fence.as_mut() {
            lines.push(line);
            continue;
        }
        // An indented code block: four spaces or a tab in, where no paragraph or list item
        // goes on; a line of prose that a page indented is not code.
        if out.para.is_empty()
            && !in_list
            && let Some(code) = code_indent(line)
            && !code.trim().is_empty()
            && !indented_prose(code)
        {
            indented = Some(vec![line]);
            continue;
        }
        if !trimmed.is_empty() && !line.starts_with([' ', '\t']) {
            in_list = list_item(line).is_some();
        }
        // Block quotes are read as ordinary text: clipped articles use them for provenance
        // notes and bylines, which the assembler recognises.
        let line = strip_quote(line);
        let trimmed = line.trim();
        if let Some(level) = setext(trimmed)
            && out.para.len() == 1
        {
            let raw = out.para.remove(0);
            let text = out.inline(&raw);
            if !text.is_empty() {
                out.push(Block::Heading {
                    level,
                    text,
                    mark: "setext",
                });
            }
            continue;
        }
        if trimmed.is_empty() || is_rule(trimmed) {
            out.flush();
            out.blank();
            continue;
        }
        if let Some((level, text)) = atx_heading(trimmed) {
            out.flush();
            let text = out.inline(text);
            if !text.is_empty() {
                out.push(Block::Heading {
                    level: level as u8,
                    text,
                    mark: "#",
                });
            }
            continue;
        }
        if has_block_tag(trimmed) {
            out.flush();
            html = Some(vec![line]);
            continue;
        }
        // A table row is a line of its own; the `|---|` rule under the header is dropped.
        if trimmed.starts_with('|') {
            out.flush();
            if !trimmed.chars().all(|c| "|-: ".contains(c)) {
                let cells: Vec<String> = trimmed
                    .trim_matches('|')
                    .split('|')
                    .map(|c| out.inline(c.trim()))
                    .collect();
                out.push(Block::Para(cells.join(" | ")));
            }
            continue;
        }
        if let Some((marker, rest)) = list_item(line) {
            out.flush();
            let text = out.inline(rest);
            if !text.is_empty() {
                out.push(Block::Para(format!("{marker}{text}")));
            }
            continue;
        }
        if let Some((alt, target)) = image_line(trimmed) {
            out.flush();
            let alt = inline::inline(alt);
            out.push(Block::Line(image::mark(&alt, inline::image_target(target))));
            continue;
        }
        if let Some(inner) = bold_line(trimmed) {
            out.flush();
            out.bold(inner);
            continue;
        }
        out.para.push(line.to_string());
    }
    if let Some(lines) = html {
        out.html(&lines.join("\n"));
    }
    if let Some(lines) = fence {
        out.code(&lines);
    }
    if let Some(lines) = indented {
        let lines: Vec<&str> = lines.iter().map(|l| code_indent(l).unwrap_or("")).collect();
        out.code(&lines);
    }
    out.flush();
    let Builder {
        mut blocks, links, ..
    } = out;
    while matches!(blocks.last(), Some(Block::Blank)) {
        blocks.pop();
    }
    let mut front = front;
    // A first `# Title` is the article's title, not a section.
    let first = blocks.iter().position(|b| !matches!(b, Block::Blank));
    if let Some(i) = first
        && let Block::Heading { level: 1, text, .. } = &blocks[i]
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
    block::markup_levels(&mut blocks);
    Parsed {
        front,
        blocks,
        links,
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

/// The opening of a fence (three or more backticks or tildes): its character and length.
fn fence_open(trimmed: &str) -> Option<(char, usize)> {
    let c = trimmed.chars().next().filter(|&c| c == '`' || c == '~')?;
    let n = trimmed.chars().take_while(|&x| x == c).count();
    (n >= 3).then_some((c, n))
}

/// Whether a fence line `mark` closes the fence `open`: only a run of the same character, as
/// long or longer, does.
fn fence_closes(open: (char, usize), mark: (char, usize)) -> bool {
    mark.0 == open.0 && mark.1 >= open.1
}

/// The fence a walk through the lines is in, for passes other than the block parser that
/// must leave fenced code alone as it does.
#[derive(Default)]
struct Fences(Option<(char, usize)>);

impl Fences {
    /// Takes the next line: whether it is fenced code or a fence's own line.
    fn code(&mut self, line: &str) -> bool {
        match (self.0, fence_open(line.trim())) {
            (None, Some(mark)) => self.0 = Some(mark),
            (Some(open), Some(mark)) if fence_closes(open, mark) => self.0 = None,
            (None, None) => return false,
            (Some(_), _) => {}
        }
        true
    }
}

/// A line indented for code (four spaces or a tab): the line without that indentation.
fn code_indent(line: &str) -> Option<&str> {
    line.strip_prefix("    ")
        .or_else(|| line.strip_prefix('\t'))
}

/// A line of prose set in by four spaces (`    第一段……。`): Chinese text with sentence
/// punctuation, which pages indent as paragraphs and which is no code.
fn indented_prose(line: &str) -> bool {
    line.chars().any(crate::script::is_cjk) && line.contains(['。', '，', '！', '？', '；'])
}

/// A line that is only an image: its alt text and its target.
fn image_line(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix("![")?;
    let close = rest.find("](")?;
    let after = rest.get(close + 2..)?;
    let end = after.find(')')?;
    if !after.get(end + 1..)?.trim().is_empty() {
        return None;
    }
    Some((rest.get(..close)?, after.get(..end)?))
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
mod tests;
