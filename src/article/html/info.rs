//! What a page prints around the story as text rather than in `<meta>` tags: the info line
//! under the headline (`2019-12-10 07:57:40 来源：新华网`, a bare `新华社`), and the credits
//! under the story (`责任编辑：柴敏懿`). The page is read as short lines of visible text in
//! document order; a line counts when it stands between the headline and the story or just
//! after the story, so the dates and credits of the page's other lists are left alone.

use super::Doc;
use super::kind::{Kind, kind};
use super::meta::date_in;
use super::text::collapse_ws;
use crate::article::credits::{info_line, is_agency, parse};
use crate::article::entities::decode_entities;
use crate::article::lexicon;

/// A line of visible text and the node it starts at.
pub(super) struct Line {
    node: usize,
    text: String,
}

/// Lines longer than this are story text, not an info line.
const MAX_LINE: usize = 200;

/// How many lines after the story its credits may stand.
const AFTER_STORY: usize = 40;

/// How many lines before the story an info line may stand when the headline is not known.
const BEFORE_STORY: usize = 30;

/// What the page prints about the story.
#[derive(Debug, Default)]
pub(super) struct Shown {
    pub(super) date: Option<String>,
    pub(super) byline: Option<String>,
    pub(super) editor: Option<String>,
    pub(super) source: Option<String>,
}

/// Elements whose text never shows (beyond what normalisation already dropped).
fn invisible(name: &[u8]) -> bool {
    matches!(
        name,
        b"head" | b"title" | b"select" | b"option" | b"textarea" | b"button" | b"script" | b"style"
    )
}

/// Where the lines that [`shown`] reads lie: lines before the headline are left out when the
/// headline is known and above the story, and the page is read no further than
/// [`AFTER_STORY`] lines past the story. The lines kept are the same either way.
fn window(headline: Option<usize>, story: (usize, usize)) -> (usize, usize) {
    let from = match headline {
        Some(h) if h <= story.0 => h + 1,
        _ => 0,
    };
    (from, story.1)
}

impl Doc<'_, '_> {
    /// The page's short lines of visible text, in document order, as far as [`shown`] reads
    /// them for the story `story` under the headline at node `headline`.
    pub(super) fn lines(&self, headline: Option<usize>, story: (usize, usize)) -> Vec<Line> {
        let (from, end) = window(headline, story);
        let mut w = Walk {
            out: Vec::new(),
            buf: String::new(),
            start: 0,
            from,
            end,
            after: 0,
        };
        for &r in self.roots {
            self.walk(r, 0, &mut w);
        }
        w.flush();
        w.out
    }

    fn walk(&self, h: tl::NodeHandle, depth: usize, w: &mut Walk) {
        if w.done() {
            return;
        }
        let Some(node) = h.get(self.parser) else {
            return;
        };
        match node {
            tl::Node::Raw(b) => {
                if w.buf.is_empty() {
                    w.start = h.get_inner() as usize;
                }
                w.buf.push_str(&decode_entities(&b.as_utf8_str()));
                if w.buf.len() > MAX_LINE * 8 {
                    w.flush();
                }
            }
            tl::Node::Comment(_) => {}
            tl::Node::Tag(t) => {
                let name = t.name().as_bytes();
                if invisible(name)
                    || depth > super::MAX_DEPTH + 4
                    || t.attributes().contains("hidden")
                {
                    return;
                }
                let block = !matches!(kind(name), Kind::Inline | Kind::Link | Kind::Img);
                if block {
                    w.flush();
                }
                for &c in t.children().top().as_slice() {
                    self.walk(c, depth + 1, w);
                }
                if block {
                    w.flush();
                }
            }
        }
    }

    /// The node range the story was taken from: its first root through the last node of its
    /// last root.
    pub(super) fn range_of(&self, roots: &[tl::NodeHandle]) -> (usize, usize) {
        let first = roots.first().map_or(0, |h| h.get_inner() as usize);
        let last = roots.last().map_or(self.nodes.len(), |h| {
            self.tag(*h)
                .and_then(|t| t.children().end(self.parser))
                .unwrap_or(h.get_inner()) as usize
        });
        (first, last)
    }
}

struct Walk {
    out: Vec<Line>,
    buf: String,
    start: usize,
    /// Lines starting before this node are not kept (they are still read, so that the lines
    /// after them are cut where they always are).
    from: usize,
    /// The story's last node.
    end: usize,
    /// How many lines after the story are kept.
    after: usize,
}

impl Walk {
    fn flush(&mut self) {
        if self.buf.trim().is_empty() || self.start < self.from || self.done() {
            self.buf.clear();
            return;
        }
        let text = collapse_ws(&self.buf);
        self.buf.clear();
        if text.chars().count() <= MAX_LINE {
            self.out.push(Line {
                node: self.start,
                text,
            });
            if self.start > self.end {
                self.after += 1;
            }
        }
    }

    /// Whether every line [`shown`] may read has been kept.
    fn done(&self) -> bool {
        self.after >= AFTER_STORY
    }
}

/// Dates that say when a site or an account was made, not when the story was published:
/// `建立于`, `注册`, `创建于`, `成立于`, `加入于` (the words for founding and joining).
fn not_publication(t: &str) -> bool {
    lexicon::contains_any(t, &["建立", "注册", "创建", "成立", "加入于"])
}

/// Reads the page's info lines around the story `(start, end)` (node indices), below the
/// headline at node `headline` when it is known.
pub(super) fn shown(lines: &[Line], headline: Option<usize>, story: (usize, usize)) -> Shown {
    let (start, end) = story;
    let first_after = |node: usize| lines.partition_point(|l| l.node < node);
    let story_first = first_after(start);
    let story_end = first_after(end + 1);
    // Where the head of the story may be: after the headline, or a little before the story.
    let head_from = match headline {
        Some(h) if h <= start => first_after(h + 1),
        _ => story_first.saturating_sub(BEFORE_STORY),
    };
    let tail_to = (story_end + AFTER_STORY).min(lines.len());
    let head = lines.get(head_from..story_first).unwrap_or_default();
    let story = lines.get(story_first..story_end).unwrap_or_default();
    let tail = lines.get(story_end..tail_to).unwrap_or_default();
    let mut out = Shown::default();
    // The story's own info line (a forum post's, a table-laid page's) comes before what follows
    // the story, which may be replies or other stories.
    for l in head.iter().chain(story).chain(tail) {
        let t = l.text.as_str();
        if !crate::script::at_most(t, 100) {
            continue;
        }
        if out.date.is_none()
            && let Some(d) = date_in(t)
            && !not_publication(t)
        {
            out.date = Some(d);
        }
        let credits = info_line(t).map(|i| i.credits).or_else(|| parse(t));
        if let Some(c) = credits {
            out.byline = out.byline.or(c.byline);
            out.editor = out.editor.or(c.editor);
            out.source = out.source.or(c.source);
        }
    }
    // A bare organisation name right under the headline is the source (`新华社`).
    if out.source.is_none()
        && headline.is_some()
        && let Some(l) = head.iter().take(3).find(|l| is_agency(l.text.trim()))
    {
        out.source = Some(l.text.trim().to_string());
    }
    out
}
