//! YAML front matter of clipped Markdown (`title:`, `date:`, `author:`, `source:`,
//! `url:`/`网址:`): the metadata a clipping states outright. Only the keys the article uses are
//! read; a full YAML parser would add nothing but a dependency.

use crate::article::block::FrontMatter;

/// Whether a line can be part of YAML front matter: a `key: value` pair, a list item, a
/// comment, a continuation or nothing. Text that is none of these means the `---` lines were
/// rules around a paragraph, not front matter.
fn yaml_shaped(line: &str) -> bool {
    let l = line.trim();
    l.is_empty()
        || l.starts_with("- ")
        || l.starts_with('#')
        || line.starts_with([' ', '\t'])
        || l.split_once(':').is_some_and(|(k, _)| {
            let k = k.trim();
            !k.is_empty() && k.chars().count() <= 30 && !k.contains(char::is_whitespace)
        })
}

/// Front matter at the start of the text: the fields we use, and the byte offset where the
/// body starts.
pub(super) fn front_matter(text: &str) -> Option<(FrontMatter, usize)> {
    let rest = text.strip_prefix("---\n")?;
    let mut front = FrontMatter::default();
    let mut offset = 4;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let l = line.trim();
        if l == "---" {
            return Some((front, offset));
        }
        if !yaml_shaped(line) {
            return None;
        }
        let Some((key, value)) = l.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim().to_string();
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" | "标题" | "標題" => &mut front.title,
            "date" | "日期" => &mut front.date,
            "author" | "作者" => &mut front.author,
            "source" | "来源" | "來源" => &mut front.source,
            "url" | "网址" | "網址" | "link" => &mut front.url,
            _ => continue,
        };
        *slot = Some(value);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields() {
        let text = "---\nlayout: post\n\ntitle:  我的一天\ndate: 2018-02-06 15:00 +0800\nauthor: \"小王\"\n网址: https://example.cn/a.html\n---\n\n正文。\n";
        let (front, at) = front_matter(text).expect("front matter");
        assert_eq!(front.title.as_deref(), Some("我的一天"));
        assert_eq!(front.date.as_deref(), Some("2018-02-06 15:00 +0800"));
        assert_eq!(front.author.as_deref(), Some("小王"));
        assert_eq!(front.url.as_deref(), Some("https://example.cn/a.html"));
        assert_eq!(text.get(at..), Some("\n正文。\n"));
        assert!(front_matter("title: x\n").is_none());
        assert!(front_matter("---\ntitle: never closed\n").is_none());
        // Rules around a paragraph are not front matter.
        assert!(front_matter("---\n经济\n---\n").is_none());
        assert!(front_matter("---\ntags:\n  - 经济\n---\n").is_some());
    }
}
