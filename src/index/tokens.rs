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

use tantivy::tokenizer::Token;

use crate::layout::Block;
use crate::search::{context_sensitive, fold, fold_each};

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
    let mut units = Vec::new();
    analyze_texts(blocks.iter().map(|b| b.text.as_str()), &mut units, &mut out)?;
    out.units = units;
    Ok(out)
}

/// Where [`analyze_texts`] puts the units: a list (to look at), or the field value itself
/// (to index, see [`encode`]).
trait Units {
    /// A unit at the next position.
    fn unit(&mut self, c: char);
    /// A free position.
    fn gap(&mut self);
    /// How many positions so far.
    fn len(&self) -> usize;
}

impl Units for Vec<Option<char>> {
    fn unit(&mut self, c: char) {
        self.push(Some(c));
    }

    fn gap(&mut self) {
        self.push(None);
    }

    fn len(&self) -> usize {
        Vec::len(self)
    }
}

/// The units as [`encode`] writes them, and how many positions they take.
struct Written<'a> {
    value: &'a mut String,
    positions: usize,
}

impl Units for Written<'_> {
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
}

/// Cuts block texts into tokens, folding each once: the units into `units`, the marks and
/// whether the text expands into `out` (its `units` left alone).
fn analyze_texts<'a>(
    texts: impl Iterator<Item = &'a str>,
    units: &mut impl Units,
    out: &mut Analysis,
) -> Result<(), TooLong> {
    let mut chars: Vec<Char> = Vec::new();
    for (i, text) in texts.enumerate() {
        if i > 0 {
            (0..BLOCK_GAP).for_each(|_| units.gap());
        }
        chars.clear();
        fold_each(text, |original, kept, full| {
            let unit = units.len();
            let mut lowered = full.chars();
            let first = lowered.next();
            let more = lowered.next().is_some();
            out.expanding |= more;
            if first != Some(kept) || more {
                out.case.push(mark(unit, CASE, Some(kept)));
            }
            if let (Some(first), false) = (first, more) {
                units.unit(first);
            } else {
                full.chars().for_each(|c| units.unit(c));
            }
            chars.push(Char {
                original,
                kept,
                unit,
            });
        });
        edges(&chars, &mut out.edge);
        // Tantivy adds `position_length` to a position, so leave room for it.
        if u32::try_from(units.len() + 1).is_err() {
            return Err(TooLong);
        }
    }
    Ok(())
}

/// Marks the characters whose simplified form changes when a match starts or ends at them.
fn edges(chars: &[Char], out: &mut Vec<Token>) {
    for (i, c) in chars.iter().enumerate() {
        if !context_sensitive(c.original) {
            continue;
        }
        if let Some(n) = chars.get(i + 1) {
            let alone = fold(&[c.original, n.original].iter().collect::<String>(), false);
            if !alone.starts_with(c.kept) {
                out.push(mark(c.unit, EDGE_START, None));
            }
        }
        if let Some(p) = i.checked_sub(1).and_then(|p| chars.get(p)) {
            let alone = fold(&[p.original, c.original].iter().collect::<String>(), false);
            if !alone.ends_with(c.kept) {
                out.push(mark(c.unit, EDGE_END, None));
            }
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
    let mut value = String::with_capacity(bytes + 16);
    let mut a = Analysis::default();
    let mut units = Written {
        value: &mut value,
        positions: 0,
    };
    analyze_texts(blocks.iter().map(|b| b.text.as_str()), &mut units, &mut a)?;
    value.extend(['\0', THEN_MARKS]);
    for t in a.case.iter().chain(&a.edge) {
        match t.text.strip_prefix(CASE) {
            Some(kept) if t.text.len() > CASE.len() => {
                value.push('c');
                value.push_str(kept);
            }
            _ if t.text == EDGE_START => value.push('s'),
            _ => value.push('e'),
        }
        value.push_str(&t.position.to_string());
        value.push(';');
    }
    Ok(Encoded {
        value,
        expanding: a.expanding,
    })
}

mod stream;
#[cfg(test)]
mod tests;
