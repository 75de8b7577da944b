//! What the reader shows, as a flat list of text blocks: the title, the metadata rows, and
//! each section's heading and paragraphs. Layout breaks these blocks into rows and search
//! runs over exactly these strings, so a [`super::TextPos`] (block, byte offset) addresses
//! the same text for both.

use crate::article::Article;
use crate::script::is_han;
use crate::strings;

/// The role of a block, which decides its style and spacing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The article's headline.
    Title,
    /// A row of metadata: date, time, place and byline, or source and editor.
    Meta,
    /// A section heading with its level (1 for top-level headings, deeper for nested ones).
    Heading(u8),
    /// A body paragraph.
    Body,
}

/// One unit of displayed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// What the text is.
    pub kind: BlockKind,
    /// Index of the section it belongs to (title and metadata belong to section 0).
    pub section: usize,
    /// Index of the paragraph within its section; `None` for titles, metadata and headings.
    pub paragraph: Option<usize>,
    /// The text exactly as shown (without any indentation the layout adds).
    pub text: String,
}

impl Block {
    /// A paragraph of body text standing alone (section 0, paragraph 0): text to search, index
    /// or lay out that comes from no article.
    pub fn body(text: impl Into<String>) -> Block {
        Block {
            kind: BlockKind::Body,
            section: 0,
            paragraph: Some(0),
            text: text.into(),
        }
    }
}

/// Whether the article is written in traditional characters, told from its title and the
/// start of its text: its labels are then printed in the same script.
fn traditional(article: &Article) -> bool {
    let mut sample = article.title.clone();
    for p in article.sections.iter().flat_map(|s| s.paragraphs.iter()) {
        if sample.len() > 600 {
            break;
        }
        sample.push_str(p);
    }
    crate::script::script_of(&sample) == crate::script::Script::Traditional
}

/// Everything the reader shows for `article`, in reading order: the title, up to two
/// metadata rows (date, time, place and byline; then source and editor with their labels,
/// Chinese labels when the title contains Chinese characters), then each section's heading
/// (if any) and its non-blank paragraphs.
pub fn blocks(article: &Article) -> Vec<Block> {
    let mut out = Vec::with_capacity(article.paragraph_count().saturating_add(3));
    let title = if article.title.trim().is_empty() {
        strings::UNTITLED.to_owned()
    } else {
        article.title.clone()
    };
    let chinese = title.chars().any(is_han);
    out.push(Block {
        kind: BlockKind::Title,
        section: 0,
        paragraph: None,
        text: title,
    });
    let when = match (present(&article.date), present(&article.time)) {
        (Some(date), Some(time)) => Some(format!("{date} {time}")),
        (date, time) => date.or(time).map(str::to_owned),
    };
    let first: Vec<String> = [when, present(&article.place).map(str::to_owned)]
        .into_iter()
        .chain([present(&article.byline).map(str::to_owned)])
        .flatten()
        .collect();
    let (source_label, editor_label) = if chinese && traditional(article) {
        (strings::SOURCE_LABEL_ZH_HANT, strings::EDITOR_LABEL_ZH_HANT)
    } else if chinese {
        (strings::SOURCE_LABEL_ZH, strings::EDITOR_LABEL_ZH)
    } else {
        (strings::SOURCE_LABEL, strings::EDITOR_LABEL)
    };
    let second: Vec<String> = [
        present(&article.source).map(|s| format!("{source_label}{s}")),
        present(&article.editor).map(|e| format!("{editor_label}{e}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    for items in [first, second] {
        if !items.is_empty() {
            out.push(Block {
                kind: BlockKind::Meta,
                section: 0,
                paragraph: None,
                text: items.join(strings::META_SEPARATOR),
            });
        }
    }
    for (s, section) in article.sections.iter().enumerate() {
        if let Some(heading) = present(&section.heading) {
            out.push(Block {
                kind: BlockKind::Heading(section.level.max(1)),
                section: s,
                paragraph: None,
                text: heading.to_owned(),
            });
        }
        for (p, text) in section.paragraphs.iter().enumerate() {
            if !text.trim().is_empty() {
                out.push(Block {
                    kind: BlockKind::Body,
                    section: s,
                    paragraph: Some(p),
                    text: text.clone(),
                });
            }
        }
    }
    out
}

/// The field's text when it has any.
fn present(field: &Option<String>) -> Option<&str> {
    field.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Section;

    fn article(title: &str) -> Article {
        let mut a = Article::new(
            title,
            vec![
                Section {
                    heading: None,
                    level: 0,
                    paragraphs: vec!["导语。".into(), "  ".into()],
                },
                Section {
                    heading: Some("学习有高潮".into()),
                    level: 1,
                    paragraphs: vec!["正文。".into()],
                },
            ],
        );
        a.date = Some("2022-11-23".into());
        a.place = Some("上海".into());
        a.byline = Some("青年报 杨颖".into());
        a.editor = Some("陆天逸".into());
        a.source = Some("青春上海News—24小时青年报".into());
        a.indented = true;
        a
    }

    #[test]
    fn title_metadata_headings_and_paragraphs_in_order() {
        let b = blocks(&article("临港浦江国际科技城"));
        let texts: Vec<_> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "临港浦江国际科技城",
                "2022-11-23 · 上海 · 青年报 杨颖",
                "来源：青春上海News—24小时青年报 · 编辑：陆天逸",
                "导语。",
                "学习有高潮",
                "正文。",
            ]
        );
        assert_eq!(b[4].kind, BlockKind::Heading(1));
        assert_eq!((b[4].section, b[4].paragraph), (1, None));
        assert_eq!((b[5].section, b[5].paragraph), (1, Some(0)));
    }

    #[test]
    fn traditional_articles_get_traditional_labels() {
        let b = blocks(&article("颱風過境，這個週末將帶來豪雨"));
        assert_eq!(b[2].text, "來源：青春上海News—24小时青年报 · 編輯：陆天逸");
    }

    #[test]
    fn latin_titles_get_latin_labels() {
        let b = blocks(&article("Storm hits the coast"));
        assert_eq!(
            b[2].text,
            "Source: 青春上海News—24小时青年报 · Editor: 陆天逸"
        );
    }

    #[test]
    fn date_and_time_share_one_item() {
        let mut a = article("t");
        a.time = Some("08:30".into());
        a.place = None;
        a.byline = None;
        assert_eq!(blocks(&a)[1].text, "2022-11-23 08:30");
    }
}
