//! Parsing text into an [`Article`]: front ends for plain text, Markdown and HTML turn their
//! input into blocks, and one assembler finds the title, metadata, headings and
//! boilerplate the same way for all of them.

mod block;
mod boilerplate;
mod entities;
mod fields;
mod heading;
mod html;
mod markdown;
pub mod meta;
mod model;
mod plain;
mod structure;

pub use model::{Article, Section};

use block::{Block, Parsed};
use fields::{Fields, apply_front, lead_date, read_head, read_tail, take_title};
use heading::Style;
use structure::{detect_headings, sections};

/// The version of the parse: articles read by an older version are read again. Raise it with
/// any change that alters what some text parses to; the test `parser_version_is_raised`
/// pins the parse of the fixtures to this number and fails until it is.
pub const PARSER_VERSION: u32 = 1;

/// The shape of a source text, which picks the front end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One paragraph per line, as scraped news text comes.
    Plain,
    /// Markdown, with or without front matter.
    Markdown,
    /// A saved web page.
    Html,
}

impl Format {
    /// Picks the format from the file extension and, for `.txt`, from the text's shape:
    /// clipped articles are often Markdown inside a `.txt`, and some are HTML.
    pub fn detect(extension: Option<&str>, text: &str) -> Format {
        let head = text.trim_start().get(..200).unwrap_or(text.trim_start());
        let head = head.to_ascii_lowercase();
        let html_shaped = head.starts_with("<!doctype html") || head.starts_with("<html");
        match extension.map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm") => Format::Html,
            Some("md" | "markdown") => Format::Markdown,
            _ if html_shaped => Format::Html,
            _ if markdown::looks_like_markdown(text) => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

/// Parses decoded, sanitised text into an article. `fallback_title` is used when the text
/// has no recognisable title (usually the file name). `path` and `encoding` are left for the
/// caller to fill in.
pub fn parse(text: &str, format: Format, fallback_title: &str) -> Article {
    let parsed = match format {
        Format::Plain => plain::parse(text),
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text),
    };
    assemble(parsed, fallback_title)
}

/// A block on its way to becoming part of the article.
#[derive(Debug, Clone)]
struct Unit {
    text: String,
    role: Role,
    /// A blank line came before it (plain text).
    blank_before: bool,
    /// It came from a plain line (so plain heading rules may apply).
    line: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    /// A heading whose level is final (from markup).
    Heading(u8),
    /// A heading recognised from plain text; its level comes from its style.
    Detected(Style),
    Dropped,
    /// Consumed as metadata.
    Meta,
}

fn units(blocks: Vec<Block>) -> (Vec<Unit>, bool) {
    let mut out = Vec::with_capacity(blocks.len());
    let mut blank = true;
    let (mut lines, mut indented) = (0usize, 0usize);
    for b in blocks {
        let (text, role, line) = match b {
            Block::Blank => {
                blank = true;
                continue;
            }
            Block::Line(mut s) => {
                lines += 1;
                let indent = s.len() - s.trim_start_matches(['\u{3000}', ' ']).len();
                if indent > 0 {
                    indented += 1;
                    s.drain(..indent);
                }
                (s, Role::Body, true)
            }
            Block::Para(s) => (s, Role::Body, false),
            Block::Heading { level, text } => (text, Role::Heading(level.max(1)), false),
        };
        out.push(Unit {
            text,
            role,
            blank_before: blank,
            line,
        });
        blank = false;
    }
    (out, lines > 0 && indented * 2 > lines)
}

fn assemble(parsed: Parsed, fallback_title: &str) -> Article {
    let Parsed { front, blocks } = parsed;
    let (mut units, indented) = units(blocks);
    let mut f = Fields {
        title: None,
        date: None,
        place: None,
        byline: None,
        editor: None,
        source: None,
    };
    apply_front(&front, &mut f);
    let start = take_title(&mut units, &mut f);
    read_head(&mut units, start, &mut f);
    read_tail(&mut units, &mut f);
    for u in units.iter_mut() {
        if matches!(u.role, Role::Body | Role::Heading(_)) && boilerplate::is_boilerplate(&u.text) {
            u.role = Role::Dropped;
        }
    }
    if f.date.is_none() {
        lead_date(&units, &mut f);
    }
    detect_headings(&mut units);
    let fallback = if fallback_title.is_empty() {
        crate::strings::UNTITLED
    } else {
        fallback_title
    };
    let title = f
        .title
        .clone()
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| fallback.to_string());
    let (sections, dropped) = sections(units, &title);
    let year = f.date.and_then(|d| d.year);
    let mut article = Article {
        path: None,
        title,
        date: f.date.and_then(|d| d.iso_date(year)),
        time: f.date.and_then(|d| d.hhmm()),
        place: f.place,
        byline: f.byline,
        editor: f.editor,
        source: f.source,
        encoding: String::new(),
        sections,
        dropped,
        indented,
    };
    sanitize(&mut article);
    if article.title.trim().is_empty() {
        article.title = fallback.to_string();
    }
    article
}

/// The last step of building every article, whatever its front end: each string is
/// sanitised again after markup and character references were resolved, so a `&#x1b;` or
/// `&#x202e;` in a page cannot reach the terminal, a title or the JSON.
fn sanitize(article: &mut Article) {
    use crate::decode::sanitize_field_in_place as clean;
    let line = |s: &mut String| clean(s, false);
    line(&mut article.title);
    for field in [
        &mut article.date,
        &mut article.time,
        &mut article.place,
        &mut article.byline,
        &mut article.editor,
        &mut article.source,
    ]
    .into_iter()
    .flatten()
    {
        line(field);
    }
    for section in &mut article.sections {
        if let Some(h) = &mut section.heading {
            line(h);
        }
        for p in &mut section.paragraphs {
            clean(p, true);
        }
    }
    article.dropped.iter_mut().for_each(line);
    // A field that held only invisible characters is not a field.
    for field in [
        &mut article.place,
        &mut article.byline,
        &mut article.editor,
        &mut article.source,
    ] {
        if field.as_deref().is_some_and(|s| s.trim().is_empty()) {
            *field = None;
        }
    }
}
