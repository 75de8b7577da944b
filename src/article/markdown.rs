//! The Markdown front end, for `.md` files and the many clipped articles saved as `.txt` that
//! are Markdown inside: YAML front matter, `#` headings, `**bold**` heading lines, `![](…)`
//! images, links, block quotes and inline HTML. Inline markup is resolved to the text a
//! reader sees. A paragraph that was a single source line stays a [`Block::Line`] so that the
//! assembler's plain-text rules (numbered headings, bylines, boilerplate) still apply to it.

use super::block::{Block, FrontMatter, Parsed};
use super::heading::numbered_like;
use super::meta::is_cjk;
use super::plain::join;

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

/// The short text shown for an image: `[图片]`, `[image: alt]`. File names and hashes given
/// as alt text are not descriptions and are left out.
pub fn placeholder(alt: &str, cjk: bool) -> String {
    let alt = alt.trim();
    let meaningless = alt.is_empty()
        || alt.contains('.') && !alt.contains(' ')
        || alt.len() >= 16 && alt.chars().all(|c| c.is_ascii_hexdigit());
    match (meaningless, cjk) {
        (true, true) => "[图片]".to_string(),
        (true, false) => "[image]".to_string(),
        (false, true) => format!("[图片：{alt}]"),
        (false, false) => format!("[image: {alt}]"),
    }
}

/// Resolves inline Markdown and HTML: emphasis and strike markers removed, links show their
/// text, images become placeholders, tags dropped, escapes and common entities resolved.
pub fn inline(s: &str, cjk: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let len = c.len_utf8();
        match c {
            '\\' => {
                if let Some(n) = rest[1..].chars().next()
                    && n.is_ascii_punctuation()
                {
                    out.push(n);
                    rest = &rest[1 + n.len_utf8()..];
                    continue;
                }
                out.push(c);
            }
            '*' | '~' => {
                // Emphasis and strike markers vanish; a lone `*` between spaces stays.
                let run = rest.bytes().take_while(|&b| b == c as u8).count();
                let lone = run == 1
                    && (out.ends_with(' ') || out.is_empty())
                    && rest[1..].starts_with(' ');
                if lone || c == '~' && run == 1 {
                    out.push(c);
                }
                rest = &rest[run..];
                continue;
            }
            '`' => {}
            '!' if rest.starts_with("![") => {
                if let Some((alt, _, used)) = link(&rest[1..]) {
                    out.push_str(&placeholder(alt, cjk));
                    rest = &rest[1 + used..];
                    continue;
                }
                out.push(c);
            }
            '[' => {
                if let Some((text, _, used)) = link(rest) {
                    out.push_str(&inline(text, cjk));
                    rest = &rest[used..];
                    continue;
                }
                out.push(c);
            }
            '<' => {
                if let Some(end) = tag_end(rest) {
                    let tag = &rest[..end];
                    if tag.starts_with("<br") || tag.starts_with("</p") {
                        out.push(' ');
                    }
                    rest = &rest[end..];
                    continue;
                }
                out.push(c);
            }
            '&' => {
                if let Some((ch, used)) = entity(rest) {
                    out.push(ch);
                    rest = &rest[used..];
                    continue;
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        rest = &rest[len..];
    }
    collapse(&out)
}

/// `[text](url)` at the start of `s`: text, url and bytes used.
fn link(s: &str) -> Option<(&str, &str, usize)> {
    let inner = s.strip_prefix('[')?;
    let mut depth = 1;
    let mut close = None;
    for (i, c) in inner.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let after = inner[close + 1..].strip_prefix('(')?;
    let end = after.find(')')?;
    Some((&inner[..close], &after[..end], 1 + close + 2 + end + 1))
}

/// The length of an HTML tag at the start of `s`, if it is one.
fn tag_end(s: &str) -> Option<usize> {
    let second = s[1..].chars().next()?;
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!') {
        return None;
    }
    let end = s.find('>')?;
    (!s[1..end].contains('<')).then_some(end + 1)
}

/// An HTML character reference at the start of `s`: the character and bytes used.
pub fn entity(s: &str) -> Option<(char, usize)> {
    let end = s[..s.len().min(12)].find(';')?;
    let name = &s[1..end];
    let ch = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control())?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
            "ldquo" => '“',
            "rdquo" => '”',
            "lsquo" => '‘',
            "rsquo" => '’',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "middot" => '·',
            "copy" => '©',
            "reg" => '®',
            "times" => '×',
            "laquo" => '«',
            "raquo" => '»',
            _ => return None,
        }
    };
    Some((ch, end + 1))
}

/// Collapses runs of spaces into one and trims the ends, keeping a leading `　` indent.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim_matches(' ').chars() {
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
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
    fn inline_markup_resolved() {
        assert_eq!(
            inline("这是**重要**的[链接](http://x.y/z)和~~删除~~。", true),
            "这是重要的链接和删除。"
        );
        assert_eq!(
            inline("<p><strong>新闻</strong>（联播）：今天&nbsp;晴。</p>", true),
            "新闻（联播）：今天 晴。"
        );
        assert_eq!(inline("a \\| b and 2 * 3", false), "a | b and 2 * 3");
        assert_eq!(inline("看![猫](a.png)吧", true), "看[图片：猫]吧");
        assert_eq!(inline("snake_case stays", false), "snake_case stays");
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
