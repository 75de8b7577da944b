//! Line breaking for one paragraph: the greedy fill that chooses where each line ends, from
//! the clusters and break opportunities [`super::analyse`] finds. A line that has no legal
//! break at all (a long URL, an e-mail address, a word wider than the pane) is cut at a
//! grapheme boundary instead, outside a word when it can be. The fill also places the cells
//! the layout draws that are not text: a spacing cell between Chinese and Latin text (never
//! at the start of a line), and with the grid on, a pad before a wide character that would
//! otherwise fall on the other column parity. Each line costs time in proportion to its
//! length.

use super::analyse::{
    Analyser, BREAK, CJK, CLOSE, Cluster, LEAD, LINE_END, NARROWED, NO_END, NO_START, PAD_BEFORE,
    SPACE, Style, WORD, analyser,
};
use super::row::{Insert, InsertKind};

/// One line chosen by [`Breaker::fill`]: the byte range it shows and its width in columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// Byte offset of the first shown byte.
    pub start: usize,
    /// Byte offset after the last shown byte (trailing spaces at a soft break excluded).
    pub end: usize,
    /// Display width of `start..end`, or 1 for a placeholder.
    pub width: usize,
    /// The line is one grapheme too wide for any line; it is drawn as a placeholder.
    pub placeholder: bool,
    /// Some character of the line is drawn narrowed.
    pub narrowed: bool,
}

/// How many clusters are analysed at a time. The breaker keeps only the clusters of the line
/// being filled plus one such chunk, so a paragraph of millions of characters (a whole
/// article on one line) costs memory for a chunk, not for every character.
const CHUNK: usize = 4096;

/// Breaks paragraphs into lines, reusing its buffer from one paragraph to the next.
#[derive(Debug, Default)]
pub(crate) struct Breaker {
    clusters: Vec<Cluster>,
    /// The cells not from the text on the line being filled.
    inserts: Vec<Insert>,
    /// For each of `inserts`, the index of the cluster it is drawn before.
    owners: Vec<usize>,
}

/// Appends up to [`CHUNK`] more clusters to `clusters`; false when none were left.
fn more<B: Iterator<Item = usize>>(
    source: &mut Analyser<'_, B>,
    clusters: &mut Vec<Cluster>,
) -> bool {
    let before = clusters.len();
    while clusters.len() - before < CHUNK {
        match source.next_cluster() {
            Some(c) => clusters.push(c),
            None => break,
        }
    }
    clusters.len() > before
}

impl Breaker {
    /// Breaks `text` into lines: the first line has `first_width` columns, later lines
    /// `width` (both at least 1). Calls `emit` for each line, in order, with the cells drawn
    /// on it that are not text (sorted by position); an empty text gives one empty line.
    pub fn fill(
        &mut self,
        text: &str,
        first_width: usize,
        width: usize,
        style: Style,
        mut emit: impl FnMut(Line, &[Insert]),
    ) {
        let mut source = analyser(text, style);
        let Breaker {
            clusters,
            inserts,
            owners,
        } = self;
        clusters.clear();
        if !more(&mut source, clusters) {
            emit(Line::empty(0), &[]);
            return;
        }
        let mut s = 0;
        let mut leading = true;
        let mut avail = first_width.max(1);
        loop {
            // What earlier lines used is not needed again.
            if s >= CHUNK {
                clusters.drain(..s);
                s = 0;
            }
            if s >= clusters.len() && !more(&mut source, clusters) {
                break;
            }
            inserts.clear();
            owners.clear();
            let line_start = clusters[s].start;
            let mut i = s;
            let mut used = 0usize;
            let mut content_width = 0usize;
            let mut content_end = line_start;
            // Last legal break seen: (cluster index, content end, content width).
            let mut best: Option<(usize, usize, usize)> = None;
            let mut hard_end = false;
            let mut at_end = false;
            // The line's first cluster drawn narrowed.
            let mut narrowed = usize::MAX;
            // The run of narrow clusters since the last wide one on the line (where a grid
            // pad may go).
            let mut run_start = s;
            loop {
                if i >= clusters.len() && !more(&mut source, clusters) {
                    at_end = true;
                    break;
                }
                let c = clusters[i];
                if c.flags & !(CJK | BREAK) == 0 && c.width == 2 && i > s {
                    // Most of Chinese text: a wide character with nothing drawn before it
                    // but a grid pad, which is the last cell of the line so far.
                    if c.has(BREAK) && content_end > line_start {
                        best = Some((i, content_end, content_width));
                    }
                    let pad = usize::from(style.grid && used % 2 == 1);
                    let need = used.saturating_add(pad + 2);
                    if need > avail {
                        break;
                    }
                    if pad > 0 {
                        inserts.push(Insert {
                            at: c.start,
                            kind: InsertKind::Pad,
                        });
                        owners.push(i);
                    }
                    run_start = i + 1;
                    used = need;
                    content_width = need;
                    content_end = c.end;
                    leading = false;
                    i += 1;
                    continue;
                }
                if i > s && c.has(BREAK) && content_end > line_start {
                    best = Some((i, content_end, content_width));
                }
                if c.has(LINE_END) {
                    hard_end = true;
                    break;
                }
                if c.has(SPACE) && !leading {
                    // Spaces hang: they never push a line over its width.
                    used = used.saturating_add(c.width);
                    i += 1;
                    continue;
                }
                // A spacing cell is never drawn at the start of a line.
                let lead = usize::from(i > s && c.has(LEAD));
                let mut pad = 0;
                if style.grid && !c.has(SPACE) {
                    let odd = used.saturating_add(lead) % 2 == 1;
                    if (c.width == 2 && odd) || (c.has(PAD_BEFORE) && !odd) {
                        pad = 1;
                    }
                }
                let mut need = used.saturating_add(lead + pad + c.width);
                if need > avail && i == s && pad > 0 {
                    // The pad alone must not make a grapheme a placeholder.
                    pad = 0;
                    need -= 1;
                }
                if need > avail {
                    break;
                }
                if lead > 0 {
                    inserts.push(Insert {
                        at: c.start,
                        kind: InsertKind::Spacing,
                    });
                    owners.push(i);
                }
                if pad > 0 {
                    // Before a run that full-width punctuation ends, so the pad is not
                    // drawn against the punctuation: `向  AI？`, ` 1、`, not `向 AI ？`,
                    // `1 、`; but a closing quote keeps its pad after it (as a full-width
                    // `”` sits at the left of its cell).
                    let early = (c.width == 2 && !c.has(CJK) && !clusters[i - 1].has(CLOSE))
                        .then(|| (run_start..i).find(|&k| !clusters[k].has(SPACE)))
                        .flatten();
                    let owner = early.unwrap_or(i);
                    let slot = owners.partition_point(|&o| o <= owner);
                    let at = clusters[owner].start;
                    inserts.insert(
                        slot,
                        Insert {
                            at,
                            kind: InsertKind::Pad,
                        },
                    );
                    owners.insert(slot, owner);
                    if let (Some(first), Some((p, _, w))) = (early, best.as_mut())
                        && *p > first
                    {
                        *w = w.saturating_add(1);
                    }
                }
                if c.width == 2 && !c.has(SPACE) {
                    run_start = i + 1;
                }
                if c.has(NARROWED) {
                    narrowed = narrowed.min(i);
                }
                used = need;
                content_width = used;
                content_end = c.end;
                leading = leading && c.has(SPACE);
                i += 1;
            }
            // The cells that belong to the line ending before cluster `q`.
            let before = |q: usize| owners.partition_point(|&o| o < q);
            if hard_end || at_end {
                emit(
                    Line {
                        start: line_start,
                        end: content_end,
                        width: content_width,
                        placeholder: false,
                        narrowed: narrowed < usize::MAX,
                    },
                    inserts,
                );
                s = i.saturating_add(1);
                leading = true;
                if !hard_end {
                    break;
                }
                if s >= clusters.len() && !more(&mut source, clusters) {
                    // A line end as the last cluster still leaves an empty last line.
                    let at = clusters.last().map_or(0, |c| c.end);
                    emit(Line::empty(at), &[]);
                }
            } else if let Some((p, end, w)) = best {
                let line = Line {
                    start: line_start,
                    end,
                    width: w,
                    placeholder: false,
                    narrowed: narrowed < p,
                };
                emit(line, &inserts[..before(p)]);
                s = p;
                leading = false;
            } else if i == s {
                // Not even one grapheme fits: show it as a one-column placeholder.
                let line = Line {
                    start: line_start,
                    end: clusters[s].end,
                    width: 1,
                    placeholder: true,
                    narrowed: false,
                };
                emit(line, &[]);
                s += 1;
                leading = false;
            } else {
                let q = emergency_break(clusters, s, i);
                let kept = before(q);
                let (end, w) = content_before(clusters, s, q);
                let line = Line {
                    start: line_start,
                    end,
                    width: w.saturating_add(kept),
                    placeholder: false,
                    narrowed: narrowed < q,
                };
                emit(line, &inserts[..kept]);
                s = q;
                leading = false;
            }
            while !leading
                && (s < clusters.len() || more(&mut source, clusters))
                && clusters[s].has(SPACE)
            {
                s += 1;
            }
            avail = width.max(1);
        }
    }
}

impl Line {
    /// An empty line at byte `at`.
    fn empty(at: usize) -> Line {
        Line {
            start: at,
            end: at,
            width: 0,
            placeholder: false,
            narrowed: false,
        }
    }
}

/// Where to cut a line that has no legal break: the last grapheme boundary in `(s, i]` that
/// keeps the clreq rules (no forbidden start or end, no space at the start) and does not
/// split a Latin word or number; else the last that keeps the rules; else `i` (the first
/// grapheme that does not fit).
fn emergency_break(clusters: &[Cluster], s: usize, i: usize) -> usize {
    let keeps_rules = |q: usize| {
        let next = &clusters[q];
        let prev = &clusters[q - 1];
        !next.has(SPACE | NO_START) && !prev.has(SPACE | NO_END)
    };
    let in_word = |q: usize| clusters[q].has(WORD) && clusters[q - 1].has(WORD);
    (s + 1..=i)
        .rev()
        .find(|&q| keeps_rules(q) && !in_word(q))
        .or_else(|| (s + 1..=i).rev().find(|&q| keeps_rules(q)))
        .unwrap_or(i)
}

/// The end byte and width of clusters `s..q` without trailing spaces (cells drawn between
/// them not counted).
fn content_before(clusters: &[Cluster], s: usize, q: usize) -> (usize, usize) {
    let shown = &clusters[s..q];
    let keep = shown
        .iter()
        .rposition(|c| !c.has(SPACE))
        .map_or(0, |k| k + 1);
    let end = shown
        .get(keep.wrapping_sub(1))
        .map_or(clusters[s].start, |c| c.end);
    let width = shown[..keep]
        .iter()
        .fold(0usize, |w, c| w.saturating_add(c.width));
    (end, width)
}

#[cfg(test)]
mod tests;
