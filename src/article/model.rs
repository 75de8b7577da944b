//! The parsed article: what every front end (plain text, Markdown, HTML) produces and what
//! layout, search and the JSON output consume. Plain data, no behaviour beyond small queries.

use serde::Serialize;

/// One news article as the reader shows it.
///
/// Field order is the JSON order of `newsreader --json` (PRODUCT §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// The file path as given on the command line; `None` for an embedded article.
    pub path: Option<String>,
    /// The headline, never empty.
    pub title: String,
    /// Publication date as ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Publication time as `HH:MM`.
    pub time: Option<String>,
    /// Dateline place, e.g. `上海`.
    pub place: Option<String>,
    /// Reporter line, e.g. `青年报 杨颖`.
    pub byline: Option<String>,
    /// Editor named by an `编辑:` / `责编：` line.
    pub editor: Option<String>,
    /// Publisher named by a `来源:` line or front matter.
    pub source: Option<String>,
    /// Name of the encoding the bytes were decoded from (`UTF-8`, `GBK`, `Big5`, …).
    pub encoding: String,
    /// The article's own address, when the text names it (front matter `url`, a canonical
    /// link); `None` in the JSON when unknown.
    pub url: Option<String>,
    /// The links in the body, in reading order, each once.
    pub links: Vec<Link>,
    /// The lead (heading `None`) followed by each headed section, in order.
    pub sections: Vec<Section>,
    /// Lines removed from the body as boilerplate (navigation, copyright, hotlines).
    pub dropped: Vec<String>,
    /// Whether the source indents its paragraphs (with `　　` or spaces); the layout
    /// reproduces the indent when configured "as source".
    #[serde(skip)]
    pub indented: bool,
    /// Why each heading, credit and dropped line is what it is.
    pub why: Reasons,
    /// The pictures of the body, in reading order. Each stands in its paragraph's text as a
    /// placeholder (`[图片：alt]`); this says where it is and what it shows.
    pub images: Vec<Picture>,
}

/// A picture of the article (HTML `img`/`figure`, Markdown `![]()`, a feed item's images).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Picture {
    /// Its address as the source writes it (relative ones are read against the article's
    /// `url`, or beside its file for a saved page).
    pub src: String,
    /// Its alt text, when that describes the picture.
    pub alt: Option<String>,
    /// The caption the source sets under it (`figcaption`), which is also in `dropped`.
    pub caption: Option<String>,
    /// The section it is in (an index into `sections`).
    pub section: usize,
    /// The paragraph of that section whose placeholder stands for it.
    pub paragraph: usize,
}

/// The reasons for the parser's decisions, each as `basis: detail` (`markup: h2`,
/// `lexicon: copyright`, `furniture: repeated across the source`, `features: …`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
pub struct Reasons {
    /// One per heading, in the order of the headings.
    pub headings: Vec<String>,
    /// One per line of `dropped`, in its order.
    pub dropped: Vec<String>,
    /// Why the byline is the byline.
    pub byline: Option<String>,
    /// Why the editor is the editor.
    pub editor: Option<String>,
    /// Why the source is the source.
    pub source: Option<String>,
}

/// A link in the body of an article: the words that carry it and where it points (resolved
/// against the article's own address when that is known).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Link {
    /// The link's text as the reader shows it.
    pub text: String,
    /// The address it points to.
    pub url: String,
}

/// A run of paragraphs under one heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Section {
    /// Clean heading text; `None` for the lead section.
    pub heading: Option<String>,
    /// 0 for the lead, 1 for top-level headings, deeper for nested ones.
    pub level: u8,
    /// Paragraph texts as displayed, without a leading indent.
    pub paragraphs: Vec<String>,
}

impl Article {
    /// An article with a title and sections and nothing else known (no path, no metadata,
    /// encoding UTF-8): for text made in code, such as tests, benchmarks and placeholders.
    pub fn new(title: impl Into<String>, sections: Vec<Section>) -> Article {
        Article {
            path: None,
            title: title.into(),
            date: None,
            time: None,
            place: None,
            byline: None,
            editor: None,
            source: None,
            encoding: "UTF-8".to_string(),
            url: None,
            links: Vec::new(),
            sections,
            dropped: Vec::new(),
            indented: false,
            why: Reasons::default(),
            images: Vec::new(),
        }
    }

    /// The pictures standing in paragraph `paragraph` of section `section`.
    pub fn pictures_at(&self, section: usize, paragraph: usize) -> impl Iterator<Item = &Picture> {
        self.images
            .iter()
            .filter(move |p| p.section == section && p.paragraph == paragraph)
    }

    /// The dropped lines, each with why it left the body (empty when no reason was kept).
    pub fn dropped_with_reasons(&self) -> impl Iterator<Item = (&str, &str)> {
        self.dropped.iter().enumerate().map(|(i, d)| {
            let why = self.why.dropped.get(i).map_or("", String::as_str);
            (d.as_str(), why)
        })
    }

    /// The headings of the article with their levels, skipping the lead.
    pub fn headings(&self) -> impl Iterator<Item = (&str, u8)> {
        self.sections
            .iter()
            .filter_map(|s| s.heading.as_deref().map(|h| (h, s.level)))
    }

    /// Every string of the article a reader could see: title, metadata, headings,
    /// paragraphs, dropped lines, its address and its links (not the path or the encoding's
    /// name).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        let fields = [
            &self.date,
            &self.time,
            &self.place,
            &self.byline,
            &self.editor,
            &self.source,
        ];
        std::iter::once(self.title.as_str())
            .chain(fields.into_iter().flatten().map(String::as_str))
            .chain(self.sections.iter().flat_map(|s| {
                s.heading
                    .iter()
                    .chain(s.paragraphs.iter())
                    .map(String::as_str)
            }))
            .chain(self.dropped.iter().map(String::as_str))
            .chain(self.url.iter().map(String::as_str))
            .chain(
                self.links
                    .iter()
                    .flat_map(|l| [l.text.as_str(), l.url.as_str()]),
            )
    }

    /// Total number of paragraphs over all sections.
    pub fn paragraph_count(&self) -> usize {
        self.sections.iter().map(|s| s.paragraphs.len()).sum()
    }

    /// The article as one JSON object (one line of `--json` output).
    pub fn to_json(&self) -> String {
        // Serialising plain strings and vectors cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}
