//! How the index sees text: the reader's blocks folded exactly as the matcher folds them
//! (case, full/half width, traditional → simplified, see [`crate::search::fold_each`]), then cut
//! into overlapping character bigrams, the approach of Lucene's CJK bigram analyzer, all in
//! one token stream of one field.
//!
//! The matcher finds any substring of the folded text: `rard` inside `gerrard`, `3.5%`, `d, t`
//! across a word boundary, a lone space. Word tokens could not answer that exactly, so every
//! script is cut the same way: each pair of neighbouring characters of the folded text
//! (*units*) inside one block is a bigram, at the first unit's position, and the last unit of
//! a block, which starts no bigram, is a token of its own (a *gram* is either). A query of k ≥ 2
//! units then occurs at unit `p` exactly when its bigrams occur at `p`, `p + 1`, …, `p + k - 2`;
//! a query of one unit occurs as often as the grams that start with it (every unit starts
//! exactly one). Positions count units across the article, with one free position between
//! blocks, so no phrase spans two blocks.
//!
//! Exact case needs two more kinds of tokens, because the index folds case away: a *case*
//! token (the case-kept character, such as `G`) at the unit of every character that lower
//! casing changed, and *edge* tokens where a character's simplified form depends on a
//! neighbour outside a match (the matcher re-folds a case-exact match on its own, and `乾` at
//! the end of a match reads `干` while `乾隆` keeps it). Both are *marks*: three characters
//! long (a prefix, then the character or the edge's letter), so never a gram. A character
//! whose lower case is more than one unit (only `İ` today) marks the article as *expanding*:
//! there unit and character positions part, so such articles are verified with the matcher
//! instead.
//!
//! One field of one stream costs one fold of the text per article and one token per unit; the
//! earlier format (2) had four fields (unigrams, bigrams, case, edges), each folding the text
//! again, and two tokens per unit.

use std::fmt::Write;

use tantivy::tokenizer::Token;

use crate::layout::Block;
use crate::search::{context_sensitive, each_simplified, fold, lowered};

/// The free positions between two blocks.
pub(super) const BLOCK_GAP: usize = 1;

/// The prefix of a case token: then the case-kept character.
pub const CASE: &str = "\0c";
/// Edge token: folding a match that starts here on its own changes this character.
pub const EDGE_START: &str = "\0\0s";
/// Edge token: folding a match that ends here on its own changes this character.
pub const EDGE_END: &str = "\0\0e";

/// Whether a term of the index is a gram (one or two units), not a mark.
pub fn is_gram(term: &str) -> bool {
    term.chars().nth(2).is_none()
}

/// The tokens of one article.
#[cfg(test)]
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// The folded units by position, `None` at the free positions between blocks.
    units: Vec<Option<char>>,
    /// Case tokens: [`CASE`] and the case-kept character, at the first unit of each character
    /// that lower case changed.
    pub case: Vec<Token>,
    /// [`EDGE_START`] and [`EDGE_END`] marks.
    pub edge: Vec<Token>,
    /// Whether some character folded to more than one unit.
    pub expanding: bool,
}

#[cfg(test)]
impl Analysis {
    /// The gram at `position`, if a unit is there: the unit and the next one in its block.
    fn gram(&self, position: usize) -> Option<(char, Option<char>)> {
        let first = (*self.units.get(position)?)?;
        Some((first, self.units.get(position + 1).copied().flatten()))
    }
}

/// The article is too long for 32-bit token positions (over four billion characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong;

/// One character of a block: the original, its case-kept fold, its first unit.
struct Char {
    original: char,
    kept: char,
    unit: usize,
}

/// Cuts `blocks` into tokens.
#[cfg(test)]
pub fn analyze(blocks: &[Block]) -> Result<Analysis, TooLong> {
    let mut out = Analysis::default();
    analyze_texts(blocks.iter().map(|b| b.text.as_str()), &mut out)?;
    Ok(out)
}

/// Where [`analyze_texts`] puts the tokens: an [`Analysis`] (to look at), or the field
/// value itself (to index, see [`encode`]).
trait Sink {
    /// A unit at the next position.
    fn unit(&mut self, c: char);
    /// A free position.
    fn gap(&mut self);
    /// How many positions so far.
    fn len(&self) -> usize;
    /// A case token at `position`: [`CASE`] and `kept`.
    fn case(&mut self, position: usize, kept: char);
    /// An edge mark at `position`: [`EDGE_START`] or [`EDGE_END`].
    fn edge(&mut self, position: usize, prefix: &'static str);
    /// Some character folded to more than one unit.
    fn expanding(&mut self);
}

#[cfg(test)]
impl Sink for Analysis {
    fn unit(&mut self, c: char) {
        self.units.push(Some(c));
    }

    fn gap(&mut self) {
        self.units.push(None);
    }

    fn len(&self) -> usize {
        self.units.len()
    }

    fn case(&mut self, position: usize, kept: char) {
        self.case.push(mark(position, CASE, Some(kept)));
    }

    fn edge(&mut self, position: usize, prefix: &'static str) {
        self.edge.push(mark(position, prefix, None));
    }

    fn expanding(&mut self) {
        self.expanding = true;
    }
}

/// The tokens as [`encode`] writes them: the units straight into the value, the marks
/// (case, then edges) as they will follow it, and how many positions the units take.
#[derive(Default)]
struct Written {
    value: String,
    case: String,
    edge: String,
    positions: usize,
    expanding: bool,
}

impl Sink for Written {
    fn unit(&mut self, c: char) {
        if c == '\0' {
            self.value.extend(['\0', UNIT_NUL]);
        } else {
            self.value.push(c);
        }
        self.positions += 1;
    }

    fn gap(&mut self) {
        self.value.push_str("\0\0");
        self.positions += 1;
    }

    fn len(&self) -> usize {
        self.positions
    }

    fn case(&mut self, position: usize, kept: char) {
        // Writing to a String cannot fail.
        let _ = write!(self.case, "c{kept}{position};");
    }

    fn edge(&mut self, position: usize, prefix: &'static str) {
        let kind = if prefix == EDGE_START { 's' } else { 'e' };
        let _ = write!(self.edge, "{kind}{position};");
    }

    fn expanding(&mut self) {
        self.expanding = true;
    }
}

/// Cuts block texts into tokens, folding each once, into `out`.
fn analyze_texts<'a>(
    texts: impl Iterator<Item = &'a str>,
    out: &mut impl Sink,
) -> Result<(), TooLong> {
    for (i, text) in texts.enumerate() {
        if i > 0 {
            (0..BLOCK_GAP).for_each(|_| out.gap());
        }
        let mut edges = Edges::default();
        each_simplified(text, |original, _, kept| {
            let c = Char {
                original,
                kept,
                unit: out.len(),
            };
            unit(kept, out);
            edges.next(c, out);
        });
        edges.end(out);
        // Tantivy adds `position_length` to a position, so leave room for it.
        if u32::try_from(out.len() + 1).is_err() {
            return Err(TooLong);
        }
    }
    Ok(())
}

/// The units of one character `kept` (simplified and half-width, as matching keeps it),
/// lower cased as [`crate::search::fold_each`] lowers it, and its case token if lowering
/// changed it.
fn unit(kept: char, out: &mut impl Sink) {
    let Some(mut lower) = lowered(kept) else {
        out.unit(kept);
        return;
    };
    let position = out.len();
    let first = lower.next();
    let second = lower.next();
    if first != Some(kept) || second.is_some() {
        out.case(position, kept);
    }
    if second.is_some() {
        out.expanding();
    }
    first
        .into_iter()
        .chain(second)
        .chain(lower)
        .for_each(|c| out.unit(c));
}

/// The edge marks of one block, found as its characters go by: a [`context_sensitive`]
/// character is marked once the next character kept is known, or the block ends.
#[derive(Default)]
struct Edges {
    /// The original of the character kept before.
    before: Option<char>,
    /// A context-sensitive character waiting for the next one, and the original before it.
    waiting: Option<(Char, Option<char>)>,
}

impl Edges {
    /// The next character kept.
    fn next(&mut self, c: Char, out: &mut impl Sink) {
        if let Some((w, before)) = self.waiting.take() {
            edges(&w, before, Some(c.original), out);
        }
        let original = c.original;
        if context_sensitive(original) {
            self.waiting = Some((c, self.before));
        }
        self.before = Some(original);
    }

    /// The block is over.
    fn end(self, out: &mut impl Sink) {
        if let Some((w, before)) = self.waiting {
            edges(&w, before, None, out);
        }
    }
}

/// Marks `c` (context-sensitive) where its simplified form changes when a match starts or
/// ends at it: when folding it with the character after it (`after`, original) alone, or
/// with the one before it (`before`), gives it another form.
fn edges(c: &Char, before: Option<char>, after: Option<char>, out: &mut impl Sink) {
    if let Some(n) = after {
        let alone = fold(&[c.original, n].iter().collect::<String>(), false);
        if !alone.starts_with(c.kept) {
            out.edge(c.unit, EDGE_START);
        }
    }
    if let Some(p) = before {
        let alone = fold(&[p, c.original].iter().collect::<String>(), false);
        if !alone.ends_with(c.kept) {
            out.edge(c.unit, EDGE_END);
        }
    }
}

pub(super) fn mark(position: usize, prefix: &str, c: Option<char>) -> Token {
    let mut text = prefix.to_owned();
    text.extend(c);
    Token {
        offset_from: 0,
        offset_to: 0,
        position,
        text,
        position_length: 1,
    }
}

pub use stream::GramTokenizer;
#[cfg(test)]
use stream::decode;

/// The name the index's tokenizer is registered under.
pub const TOKENIZER: &str = "newsreader-grams";

/// One article's tokens as one field value, folded and cut by [`encode`] on the caller's
/// thread (the parse workers of a scan), so that tantivy's indexing thread, the slowest
/// stage of a first run, only reads them back. The units in position order (a NUL unit
/// written as NUL, U+0001; a free position between blocks as two NULs), then NUL, U+0002,
/// then the marks: each its kind (`c` and the case-kept character, `s` or `e` for an edge),
/// its position in decimal digits and `;`. The tokens are the same whichever thread makes
/// them, so this is no part of [`super::FORMAT`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    /// The field value.
    pub value: String,
    /// Whether some character folded to more than one unit (see [`Analysis::expanding`]).
    pub expanding: bool,
}

pub(super) const UNIT_NUL: char = '\u{1}';
pub(super) const THEN_MARKS: char = '\u{2}';

/// Folds and cuts `blocks` into one field value.
pub fn encode(blocks: &[Block]) -> Result<Encoded, TooLong> {
    let bytes: usize = blocks.iter().map(|b| b.text.len()).sum();
    let mut out = Written {
        value: String::with_capacity(bytes + 16),
        ..Written::default()
    };
    analyze_texts(blocks.iter().map(|b| b.text.as_str()), &mut out)?;
    let Written {
        mut value,
        case,
        edge,
        expanding,
        ..
    } = out;
    value.reserve(2 + case.len() + edge.len());
    value.extend(['\0', THEN_MARKS]);
    value.push_str(&case);
    value.push_str(&edge);
    Ok(Encoded { value, expanding })
}

#[cfg(test)]
mod same;
mod stream;
#[cfg(test)]
mod tests;
