//! The reading-comfort promises, measured from the outside on a finished layout: rows within
//! the measure, one cell between Chinese and Latin text and none beside full-width
//! punctuation, Han characters of a paragraph on one column parity, and no row break inside
//! `——`, `……`, a number with its sign, decimals or unit, or a Latin word. The character
//! classes are spelled out here on their own, from the issue and clreq, so that a wrong table
//! in `src/layout` cannot hide itself. Shared by the comfort tests and the comfort figures
//! (included with `#[path]`).
#![allow(dead_code)]

use std::fmt::Write as _;

use newsreader::layout::{BlockKind, InsertKind, Layout, Piece, rules};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A Han character (the CJK ideograph blocks).
pub fn han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// A Chinese or Japanese letter: Han, `々` `〇`, kana, bopomofo.
pub fn cjk(c: char) -> bool {
    han(c)
        || matches!(c, '\u{3005}' | '\u{3007}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}'
            | '\u{30FC}'..='\u{30FF}' | '\u{3105}'..='\u{312F}' | '\u{31F0}'..='\u{31FF}')
}

/// A Latin letter or digit as drawn: alphanumeric and one cell wide.
pub fn latin(c: char) -> bool {
    !cjk(c) && c.is_alphanumeric() && c.to_string().width() == 1
}

/// A digit, ASCII or full-width.
pub fn digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '０'..='９')
}

/// Full-width punctuation: a two-cell character that is neither a letter nor a space.
pub fn fullwidth_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && c.to_string().width() == 2
}

/// Byte ranges of the web addresses in `text` (starting `http://`, `https://`, `www.`, up to
/// a space, full-width punctuation or a Chinese letter not right after a path delimiter).
pub fn urls(text: &str) -> Vec<std::ops::Range<usize>> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let next = ["http://", "https://", "www.", "ftp://"]
            .iter()
            .filter_map(|p| lower.get(from..)?.find(p).map(|i| from + i))
            .min();
        let Some(start) = next else { break };
        let mut end = start;
        let mut prev = ' ';
        let mut in_word = false;
        for (i, c) in text[start..].char_indices() {
            let ok = if c.is_ascii_graphic() && !"\"<>`{}|\\^".contains(c) {
                in_word = false;
                true
            } else if cjk(c) {
                in_word = in_word || "/=?#&-_%".contains(prev);
                in_word
            } else {
                false
            };
            if !ok {
                break;
            }
            end = start + i + c.len_utf8();
            prev = c;
        }
        out.push(start..end.max(start + 1));
        from = end.max(start + 1);
    }
    out
}

/// One cell group drawn on a row: a grapheme of the text (its source byte range and what
/// is drawn) or an inserted blank.
#[derive(Debug, Clone)]
struct Drawn {
    column: u16,
    width: u16,
    text: String,
    source: Option<std::ops::Range<usize>>,
    inserted: Option<InsertKind>,
}

fn drawn(layout: &Layout, i: usize) -> Vec<Drawn> {
    let mut out = Vec::new();
    for s in layout.segments(i) {
        match s.piece {
            Piece::Indent | Piece::Placeholder => {}
            Piece::Inserted(kind) => out.push(Drawn {
                column: s.column,
                width: s.width,
                text: s.text.into(),
                source: None,
                inserted: Some(kind),
            }),
            Piece::Narrowed => out.push(Drawn {
                column: s.column,
                width: s.width,
                text: s.text.into(),
                source: Some(s.source.clone()),
                inserted: None,
            }),
            Piece::Text => {
                let mut column = s.column;
                for (at, g) in s.text.grapheme_indices(true) {
                    let w = u16::try_from(g.width()).unwrap_or(0);
                    let start = s.source.start + at;
                    out.push(Drawn {
                        column,
                        width: w,
                        text: g.into(),
                        source: Some(start..start + g.len()),
                        inserted: None,
                    });
                    column += w;
                }
            }
        }
    }
    out
}

/// What the measurements counted, over any number of layouts.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Layouts measured.
    pub layouts: usize,
    /// Rows of text measured.
    pub rows: usize,
    /// Rows wider than the measure (the text column).
    pub over_measure: usize,
    /// CJK↔Latin/digit boundaries inside a row (outside addresses).
    pub boundaries: usize,
    /// Of those, drawn with exactly one spacing cell (and no other blank when the grid is off,
    /// at most one pad when it is on).
    pub spaced: usize,
    /// Spacing cells drawn where there is no such boundary.
    pub stray_spacing: usize,
    /// Spacing cells beside full-width punctuation.
    pub spacing_by_punct: usize,
    /// Grid pads drawn.
    pub pads: usize,
    /// Grid pads beside full-width punctuation.
    pub pads_by_punct: usize,
    /// Han characters of body paragraphs.
    pub han: usize,
    /// Of those, on their paragraph's first Han character's column parity.
    pub han_on_parity: usize,
    /// Row breaks inside `——` or `……`.
    pub dash_splits: usize,
    /// Row breaks inside a number (digits, sign, decimals, unit).
    pub number_splits: usize,
    /// Row breaks inside a Latin word narrower than the column (outside addresses).
    pub word_splits: usize,
    /// A few examples of what went wrong, for the report.
    pub examples: Vec<String>,
}

impl Tally {
    fn example(&mut self, what: &str, text: &str) {
        if self.examples.len() < 12 {
            self.examples.push(format!("{what}: {text}"));
        }
    }

    /// Adds another tally.
    pub fn add(&mut self, o: &Tally) {
        self.layouts += o.layouts;
        self.rows += o.rows;
        self.over_measure += o.over_measure;
        self.boundaries += o.boundaries;
        self.spaced += o.spaced;
        self.stray_spacing += o.stray_spacing;
        self.spacing_by_punct += o.spacing_by_punct;
        self.pads += o.pads;
        self.pads_by_punct += o.pads_by_punct;
        self.han += o.han;
        self.han_on_parity += o.han_on_parity;
        self.dash_splits += o.dash_splits;
        self.number_splits += o.number_splits;
        self.word_splits += o.word_splits;
        for e in &o.examples {
            if self.examples.len() < 12 {
                self.examples.push(e.clone());
            }
        }
    }

    /// The share of Han characters on their paragraph's parity, in percent.
    pub fn parity_percent(&self) -> f64 {
        100.0 * self.han_on_parity as f64 / self.han.max(1) as f64
    }

    /// The share of boundaries with exactly one space, in percent.
    pub fn spaced_percent(&self) -> f64 {
        100.0 * self.spaced as f64 / self.boundaries.max(1) as f64
    }

    /// One paragraph of figures.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = write!(
            s,
            "{} layouts, {} rows: {} over the measure; {} CJK-Latin boundaries, {:.2}% with \
             exactly one space, {} stray spacing cells, {} spacing cells beside full-width \
             punctuation; {} grid pads ({} beside full-width punctuation); {} Han characters, \
             {:.2}% on their paragraph's parity; splits inside ——/……: {}, inside a number: {}, \
             inside a Latin word: {}",
            self.layouts,
            self.rows,
            self.over_measure,
            self.boundaries,
            self.spaced_percent(),
            self.stray_spacing,
            self.spacing_by_punct,
            self.pads,
            self.pads_by_punct,
            self.han,
            self.parity_percent(),
            self.dash_splits,
            self.number_splits,
            self.word_splits,
        );
        s
    }
}

/// The first and last character of a drawn piece.
fn ends(d: &Drawn) -> (char, char) {
    let first = d.text.chars().next().unwrap_or(' ');
    let last = d.text.chars().next_back().unwrap_or(' ');
    (first, last)
}

/// Measures `layout` into `t`.
pub fn tally(layout: &Layout, t: &mut Tally) {
    t.layouts += 1;
    let column = layout.column_width();
    let grid = layout.options().grid_align;
    let blocks = layout.blocks();
    let url_spans: Vec<_> = blocks.iter().map(|b| urls(&b.text)).collect();
    let in_url = |b: usize, at: usize| url_spans[b].iter().any(|r| r.start < at && at < r.end);
    let mut parity: Vec<Option<u16>> = vec![None; blocks.len()];
    for (i, row) in layout.rows().iter().enumerate() {
        if row.is_blank() || row.is_placeholder() {
            continue;
        }
        t.rows += 1;
        let b = row.block();
        let cells = drawn(layout, i);
        if row.width() > column {
            t.over_measure += 1;
            t.example("over the measure", &layout.row_text(i));
        }
        // Boundaries between neighbouring graphemes of the text on this row.
        let text_cells: Vec<usize> = (0..cells.len())
            .filter(|&k| cells[k].source.is_some())
            .collect();
        for pair in text_cells.windows(2) {
            let (a, z) = (&cells[pair[0]], &cells[pair[1]]);
            let (ra, rz) = (
                a.source.clone().unwrap_or(0..0),
                z.source.clone().unwrap_or(0..0),
            );
            if ra.end != rz.start {
                continue;
            }
            let (_, last) = ends(a);
            let (first, _) = ends(z);
            let before_latin = pair[0]
                .checked_sub(1)
                .and_then(|k| cells.get(k))
                .is_some_and(|p| p.source.is_some() && latin(ends(p).1));
            // A sign or currency sign before a number may or may not be spaced (`气温 -3`,
            // but `2003 年-2012 年`): not counted either way.
            let sign = "+-−±$€£¥".contains(first);
            if sign {
                continue;
            }
            let boundary = (cjk(last) && latin(first))
                || (cjk(first) && (latin(last) || ("%‰‱°℃℉′″".contains(last) && before_latin)));
            let between = &cells[pair[0] + 1..pair[1]];
            let spacing = between
                .iter()
                .filter(|c| c.inserted == Some(InsertKind::Spacing))
                .count();
            if boundary && !in_url(b, rz.start) {
                t.boundaries += 1;
                let blanks = between.len();
                if spacing == 1 && (blanks == 1 || grid && blanks == 2) {
                    t.spaced += 1;
                } else {
                    t.example("boundary", &layout.row_text(i));
                }
            } else if spacing > 0 {
                t.stray_spacing += 1;
                t.example("stray spacing", &layout.row_text(i));
            }
        }
        // Inserted cells beside full-width punctuation.
        for (k, c) in cells.iter().enumerate() {
            let Some(kind) = c.inserted else { continue };
            let by_punct = [k.checked_sub(1), Some(k + 1)]
                .into_iter()
                .flatten()
                .filter_map(|n| cells.get(n))
                .any(|n| n.source.is_some() && n.text.chars().any(fullwidth_punct));
            match kind {
                InsertKind::Spacing => {
                    if by_punct {
                        t.spacing_by_punct += 1;
                        t.example("spacing by punctuation", &layout.row_text(i));
                    }
                }
                InsertKind::Pad => {
                    t.pads += 1;
                    t.pads_by_punct += usize::from(by_punct);
                }
            }
        }
        // Han characters of body paragraphs and their column parity.
        if blocks[b].kind == BlockKind::Body {
            for c in &cells {
                if c.source.is_some() && c.text.chars().next().is_some_and(han) {
                    t.han += 1;
                    let first = *parity[b].get_or_insert(c.column % 2);
                    if c.column % 2 == first {
                        t.han_on_parity += 1;
                    }
                }
            }
        }
    }
    // Breaks between rows of one block.
    let rows = layout.rows();
    for pair in rows.windows(2) {
        let (r, n) = (pair[0], pair[1]);
        if r.block() != n.block() || r.is_blank() || n.is_blank() || r.end() != n.start() {
            continue;
        }
        let text = &blocks[r.block()].text;
        if text[r.end()..n.start()].chars().any(rules::is_line_end) {
            continue;
        }
        let before = &text[..r.end()];
        let after = &text[n.start()..];
        let mut back = before.chars().rev();
        let (Some(a), Some(z)) = (back.next(), after.chars().next()) else {
            continue;
        };
        let a2 = back.next();
        let z2 = after.chars().nth(1);
        let shown = format!(
            "{} | {}",
            layout.row_text(rows.iter().position(|x| *x == r).unwrap_or(0)),
            after.chars().take(8).collect::<String>()
        );
        if (a == '—' && z == '—') || (a == '…' && z == '…') {
            t.dash_splits += 1;
            t.example("dash split", &shown);
        }
        let number = (digit(a) && (digit(z) || "%％‰°℃.,:．，".contains(z) || cjk(z) || latin(z)))
            || (".,．，".contains(a) && digit(z) && a2.is_some_and(digit))
            || ("+-−±＋－".contains(a) && digit(z) && !a2.is_some_and(|c| c.is_alphanumeric()))
            || ("$¥€£￥".contains(a) && digit(z));
        if number
            && !url_spans[r.block()]
                .iter()
                .any(|u| u.start < r.end() && r.end() < u.end)
        {
            t.number_splits += 1;
            t.example("number split", &shown);
        }
        if latin(a) && latin(z) && !digit(a) && !in_url(r.block(), r.end()) {
            // The word around the break.
            let start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| latin(c))
                .last()
                .map_or(r.end(), |(i, _)| i);
            let end = r.end()
                + after
                    .char_indices()
                    .take_while(|&(_, c)| latin(c))
                    .last()
                    .map_or(0, |(i, c)| i + c.len_utf8());
            let word = &text[start..end];
            if word.width() < usize::from(column) {
                t.word_splits += 1;
                t.example("word split", &format!("{word} in {shown}"));
            }
        }
        let _ = z2;
    }
}
