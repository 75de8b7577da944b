//! Readability-style choice of the article container: each paragraph scores its nearest
//! ancestors by its non-link text, the scores are weighed by `class`/`id` and link density, and
//! the best candidate is taken with the siblings that continue it. Tuning these heuristics is a
//! different job from turning the chosen nodes into blocks, so the scorer stands alone.

use super::kind::{Kind, class_and_id, kind, skipped};
use super::text::visible_chars;
use super::{Doc, MAX_DEPTH};
use crate::article::lexicon::{CONTENT_CLASSES, FURNITURE_CLASSES, MAYBE_FURNITURE};

/// Fewest visible characters for a run of text to count as a paragraph when scoring.
const MIN_UNIT_CHARS: u32 = 10;

/// Score factor from `class`/`id`: content-like names up, furniture-like names down.
fn class_factor(ci: &str) -> f32 {
    if ci.is_empty() {
        return 1.0;
    }
    let mut f = 1.0;
    if CONTENT_CLASSES.iter().any(|w| ci.contains(w)) || ci.contains("正文") {
        f *= 1.3;
    }
    if FURNITURE_CLASSES
        .iter()
        .chain(MAYBE_FURNITURE)
        .any(|w| ci.contains(w))
        || ["meta", "media", "share", "list", "hidden"]
            .iter()
            .any(|w| ci.contains(w))
    {
        f *= 0.6;
    }
    f
}

/// Text statistics of a subtree.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Stats {
    /// Visible characters.
    chars: u32,
    /// Visible characters inside links.
    links: u32,
    /// Whether the subtree holds a block-level element.
    block: bool,
}

impl Stats {
    fn add(&mut self, o: Stats) {
        self.chars = self.chars.saturating_add(o.chars);
        self.links = self.links.saturating_add(o.links);
        self.block |= o.block;
    }

    fn link_density(self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            (self.links as f32 / self.chars as f32).min(1.0)
        }
    }

    /// The score of a run of text as one paragraph: its non-link text, penalised again by the
    /// link density.
    fn unit_score(self) -> f32 {
        // A run of text that is mostly links (a list of other threads or stories) is no prose.
        if self.chars < MIN_UNIT_CHARS || self.links * 2 > self.chars {
            return 0.0;
        }
        let plain = self.chars.saturating_sub(self.links) as f32;
        plain * plain / self.chars as f32
    }
}

/// Readability-style scoring of candidate containers.
pub(super) struct Scorer<'d, 'p, 'a> {
    doc: &'d Doc<'p, 'a>,
    /// Skip elements whose class/id looks like page furniture.
    filter: bool,
    /// Paragraph score gathered by each node (indexed by node id).
    score: Vec<f32>,
    /// Subtree statistics of each node.
    stats: Vec<Stats>,
    /// Parent of each node (`u32::MAX` for roots and skipped nodes).
    parent: Vec<u32>,
    /// Ids of the elements on the path to the current node.
    path: Vec<u32>,
    /// Nodes that received a score, in document order of their first score.
    candidates: Vec<u32>,
}

impl<'d, 'p, 'a> Scorer<'d, 'p, 'a> {
    pub(super) fn new(doc: &'d Doc<'p, 'a>, filter: bool) -> Self {
        let n = doc.nodes.len();
        Scorer {
            doc,
            filter,
            score: vec![0.0; n],
            stats: vec![Stats::default(); n],
            parent: vec![u32::MAX; n],
            path: Vec::new(),
            candidates: Vec::new(),
        }
    }

    /// Whether a tag is left out entirely (scoring and output).
    fn skipped(&self, t: &tl::HTMLTag<'_>, k: Kind) -> bool {
        skipped(t, k, self.filter)
    }

    fn add_score(&mut self, id: u32, s: f32) {
        if let Some(v) = self.score.get_mut(id as usize) {
            if *v == 0.0 {
                self.candidates.push(id);
            }
            *v += s;
        }
    }

    /// Score the subtree at `h`; returns its text statistics.
    pub(super) fn analyze(&mut self, h: tl::NodeHandle, in_link: bool, depth: usize) -> Stats {
        let Some(node) = h.get(self.doc.parser) else {
            return Stats::default();
        };
        let t = match node {
            tl::Node::Raw(b) => {
                let n = visible_chars(&b.as_utf8_str());
                return Stats {
                    chars: n,
                    links: if in_link { n } else { 0 },
                    block: false,
                };
            }
            tl::Node::Comment(_) => return Stats::default(),
            tl::Node::Tag(t) => t,
        };
        let k = kind(t.name().as_bytes());
        if depth > MAX_DEPTH + 4 || self.skipped(t, k) {
            return Stats::default();
        }
        let id = h.get_inner();
        let link = in_link || k == Kind::Link;
        let mut total = Stats::default();
        let mut run = Stats::default();
        self.path.push(id);
        for &c in t.children().top().as_slice() {
            let s = self.analyze(c, link, depth + 1);
            if let Some(p) = self.parent.get_mut(c.get_inner() as usize) {
                *p = id;
            }
            total.add(s);
            if !s.block {
                run.add(s);
            }
        }
        self.path.pop();
        if let Some(st) = self.stats.get_mut(id as usize) {
            *st = total;
        }
        match k {
            Kind::Para => {
                let s = total.unit_score();
                if s > 0.0 {
                    let n = self.path.len();
                    for level in 0..n.min(3) {
                        let anc = self.path[n - 1 - level];
                        self.add_score(anc, s / (level + 1) as f32);
                    }
                }
            }
            Kind::Block => {
                let s = run.unit_score();
                if s > 0.0 {
                    self.add_score(id, s);
                    let n = self.path.len();
                    for level in 0..n.min(2) {
                        let anc = self.path[n - 1 - level];
                        self.add_score(anc, s / (level + 2) as f32);
                    }
                }
            }
            _ => {}
        }
        total.block |= matches!(k, Kind::Para | Kind::Block | Kind::Heading(_));
        total
    }

    fn final_score(&self, id: u32) -> f32 {
        let i = id as usize;
        let (Some(&s), Some(&st)) = (self.score.get(i), self.stats.get(i)) else {
            return 0.0;
        };
        let Some(t) = self.doc.nodes.get(i).and_then(|n| n.as_tag()) else {
            return 0.0;
        };
        let mut f = class_factor(&class_and_id(t));
        if matches!(t.name().as_bytes(), b"ul" | b"ol" | b"li" | b"form" | b"dl") {
            f *= 0.8;
        }
        s * f * (1.0 - st.link_density())
    }

    /// The nodes to emit: the best candidate, with the siblings that continue the article.
    pub(super) fn choose(&self) -> Option<Vec<tl::NodeHandle>> {
        let (best, best_score) = self
            .candidates
            .iter()
            .map(|&id| (id, self.final_score(id)))
            .fold(None, |acc: Option<(u32, f32)>, (id, s)| match acc {
                Some((_, bs)) if bs >= s => acc,
                _ => Some((id, s)),
            })?;
        if best_score <= 0.0 {
            return None;
        }
        let best_handle = tl::NodeHandle::new(best);
        let parent = *self.parent.get(best as usize)?;
        let Some(parent_tag) = self.doc.tag(tl::NodeHandle::new(parent)) else {
            return Some(vec![best_handle]);
        };
        let children = parent_tag.children();
        let siblings = children.top().as_slice();
        let threshold = (best_score * 0.2).max(20.0);
        let keep: Vec<bool> = siblings
            .iter()
            .map(|&h| {
                let id = h.get_inner();
                if id == best {
                    return true;
                }
                let Some(t) = self.doc.tag(h) else {
                    return false;
                };
                let st = self.stats.get(id as usize).copied().unwrap_or_default();
                match kind(t.name().as_bytes()) {
                    Kind::Para => {
                        (st.chars >= 40 && st.link_density() < 0.25)
                            || (st.chars >= MIN_UNIT_CHARS && st.links == 0)
                    }
                    Kind::Block => self.final_score(id) >= threshold,
                    _ => false,
                }
            })
            .collect();
        let first = keep.iter().position(|&k| k)?;
        let last = keep.iter().rposition(|&k| k)?;
        let roots = siblings
            .iter()
            .enumerate()
            .filter(|&(i, &h)| {
                keep[i]
                    || (i > first
                        && i < last
                        && self
                            .doc
                            .tag(h)
                            .is_some_and(|t| matches!(kind(t.name().as_bytes()), Kind::Heading(_))))
            })
            .map(|(_, &h)| h)
            .collect();
        Some(roots)
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::tests::{STORY, headings, page, paras};

    #[test]
    fn container_with_paragraphs_wins_over_link_lists() {
        let links: String = (1..=12)
            .map(|i| {
                format!(
                    "<li><a href=\"/s/{i}\">Another headline about the harbour number {i}</a></li>"
                )
            })
            .collect();
        let html = page(
            "<title>Ferry service returns</title>",
            &format!(
                "<div class=\"menu\"><ul>{links}</ul></div>\
                 <div id=\"main\"><h1>Ferry service returns</h1>{STORY}\
                 <div class=\"related\"><h3>More stories</h3><ul>{links}</ul></div></div>\
                 <div class=\"sidebar\"><p>Sign up for the morning letter and never miss a story.</p></div>"
            ),
        );
        let p = parse(&html);
        let ps = paras(&p);
        assert_eq!(ps.len(), 3, "{ps:?}");
        assert!(ps[0].starts_with("The ferry across the bay"));
        // The headline equal to the title is not repeated.
        assert!(headings(&p).is_empty(), "{:?}", p.blocks);
    }
}
