//! Parsing text into an [`Article`]: front ends for plain text, Markdown and HTML turn their
//! input into blocks, and one assembler finds the title, metadata, headings and
//! boilerplate the same way for all of them, through small named classifiers (one per class
//! of text that news sites print).

mod block;
mod boilerplate;
mod caption;
mod credits;
mod dateline;
pub(crate) mod entities;
pub mod features;
mod fields;
pub mod furniture;
mod heading;
mod html;
mod image;
mod lexicon;
mod links;
mod markdown;
pub mod meta;
mod model;
mod plain;
mod structure;
mod sweep;
mod units;
pub mod why;

pub use model::{Article, Link, Picture, Reasons, Section};

use block::Parsed;
use fields::{Fields, Rank, apply_front, take_title};
use heading::Style;
use structure::{detect_headings, sections};
use units::units;
use why::Why;

// `PARSER_VERSION`, written by the build script from the parser's sources.
include!(concat!(env!("OUT_DIR"), "/parser_version.rs"));

/// The shape of a source text, which picks the front end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One paragraph per line, as scraped news text comes.
    Plain,
    /// Markdown, with or without front matter.
    Markdown,
    /// A saved web page.
    Html,
    /// A feed item's HTML content set in a small page (its `<title>` the item's title): all
    /// of its body is the article, read as its markup says.
    FeedItem,
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
    assemble(front_end(text, format), fallback_title)
}

/// The blocks the front end for `format` makes of `text`.
fn front_end(text: &str, format: Format) -> Parsed {
    match format {
        Format::Plain => plain::parse(text),
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text),
        Format::FeedItem => html::parse_item(text),
    }
}

/// A block on its way to becoming part of the article.
#[derive(Debug, Clone)]
struct Unit {
    text: String,
    role: Role,
    /// It came from a plain line (so plain heading rules may apply).
    line: bool,
    /// Preformatted text: kept verbatim, never classified.
    verbatim: bool,
    /// Why it has its role (a heading, a dropped line), once something decided it.
    why: Option<Why>,
    /// Pieces cut out of it (a dateline, a glued credit, a stock quote), for `dropped`, each
    /// with why it was cut.
    cuts: Vec<(String, Why)>,
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

impl Unit {
    fn new(text: String, role: Role, line: bool) -> Unit {
        Unit {
            text,
            role,
            line,
            verbatim: false,
            why: None,
            cuts: Vec::new(),
        }
    }

    /// Gives the unit a role and the reason for it.
    fn set(&mut self, role: Role, why: Why) {
        self.role = role;
        self.why = Some(why);
    }

    /// Moves the unit to `dropped`, saying why.
    fn drop_for(&mut self, why: Why) {
        self.set(Role::Dropped, why);
    }
}

/// The first steps of assembling, which every front end's blocks go through: the units, and
/// the title and the metadata read from around the text.
fn prepare(parsed: Parsed) -> (Vec<Unit>, Fields, bool, Vec<Link>, Vec<String>) {
    let Parsed {
        front,
        blocks,
        links,
    } = parsed;
    let (mut units, indented, addresses) = units(blocks);
    let mut f = Fields::default();
    apply_front(&front, &mut f);
    let start = take_title(&mut units, &mut f);
    fields::read_head(&mut units, start, &mut f);
    fields::lead_dateline(&mut units, &mut f);
    fields::read_tail(&mut units, &mut f);
    fields::broadcast_stamps(&mut units, &mut f);
    (units, f, indented, links, addresses)
}

/// The blocks of a text's body once its metadata is read, each with the features the
/// boilerplate model judges: what the model's weights are fitted on (by a script outside the
/// program, on labelled articles).
pub fn feature_rows(text: &str, format: Format) -> Vec<(String, features::Features)> {
    let (units, ..) = prepare(front_end(text, format));
    features::rows(&units)
}

fn assemble(parsed: Parsed, fallback_title: &str) -> Article {
    let (mut units, mut f, indented, found_links, addresses) = prepare(parsed);
    sweep::sweep(&mut units);
    features::drop_boilerplate(&mut units);
    if f.date.is_none() {
        fields::dateline_date(&units, &mut f);
    }
    if f.date.is_none() {
        fields::lead_date(&units, &mut f);
    }
    if f.date.is_none() {
        f.date = f.title.as_deref().and_then(fields::title_date);
    }
    if f.date.is_none() {
        // `/2024-12/12/`, `/20250701/`: the day a CMS filed the article under.
        f.date = f.url.as_deref().and_then(fields::date_in_url);
    }
    if f.source.value.is_none()
        && let Some(source) = f.title.as_deref().and_then(fields::title_source)
    {
        f.source.offer_because(
            Some(source),
            Rank::Implied,
            Some(Why::features("title prefix")),
        );
    }
    fields::later_dateline_source(&units, &mut f);
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
    let script = crate::script::script_of(&script_sample(&title, &units));
    let structure::Assembled {
        sections,
        dropped,
        headings_why,
        dropped_why,
        pictures,
    } = sections(units, &title, script, &addresses);
    let why = Reasons {
        headings: headings_why,
        dropped: dropped_why,
        byline: f.byline.why.map(|w| w.to_string()),
        editor: f.editor.why.map(|w| w.to_string()),
        source: f.source.why.map(|w| w.to_string()),
    };
    let body: Vec<&str> = sections
        .iter()
        .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter()))
        .map(String::as_str)
        .collect();
    // Only an http(s) address is the article's own (nor a base for its links).
    let url = f.url.filter(|u| links::web_address(u));
    let links = links::body_links(found_links, &body, url.as_deref());
    let year = f.date.and_then(|d| d.year);
    let mut article = Article {
        path: None,
        title,
        date: f.date.and_then(|d| d.iso_date(year)),
        time: f.date.and_then(|d| d.hhmm()),
        place: f.place,
        byline: f.byline.value,
        editor: f.editor.value,
        source: f.source.value,
        encoding: String::new(),
        url,
        links,
        sections,
        dropped,
        indented,
        why,
        images: pictures,
    };
    sanitize(&mut article);
    if article.title.trim().is_empty() {
        article.title = fallback.to_string();
    }
    article
}

/// The title and the first few thousand characters of the body: enough to tell the script.
fn script_sample(title: &str, units: &[Unit]) -> String {
    let mut s = title.to_string();
    for u in units.iter().filter(|u| u.role != Role::Dropped) {
        if s.len() > 3_000 {
            break;
        }
        s.push('\n');
        s.push_str(&u.text);
    }
    s
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
    for field in article.url.iter_mut() {
        line(field);
    }
    for picture in &mut article.images {
        line(&mut picture.src);
        picture
            .alt
            .iter_mut()
            .chain(&mut picture.caption)
            .for_each(line);
    }
    for link in &mut article.links {
        line(&mut link.text);
        line(&mut link.url);
    }
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
    // A credit that is not there has no reason.
    let why = &mut article.why;
    for (field, reason) in [
        (&article.byline, &mut why.byline),
        (&article.editor, &mut why.editor),
        (&article.source, &mut why.source),
    ] {
        if field.is_none() {
            *reason = None;
        }
    }
}
