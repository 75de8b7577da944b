//! How the index sees text: the reader's blocks folded exactly as the matcher folds them
//! (case, full/half width, traditional → simplified, see [`crate::search::fold_each`]), then cut
//! into overlapping character bigrams plus unigrams, the approach of Lucene's CJK bigram
//! analyzer.
//!
//! The matcher finds any substring of the folded text: `rard` inside `gerrard`, `3.5%`, `d, t`
//! across a word boundary, a lone space. Word tokens could not answer that exactly, so every
//! script is cut the same way: each character of the folded text (a *unit*) is a unigram, and
//! each pair of neighbouring units inside one block is a bigram. A query of k units then
//! occurs at unit `p` exactly when its bigrams occur at `p`, `p + 1`, …, `p + k - 2`; a query of
//! one unit is its unigram. Positions count units across the article, with one free position
//! between blocks, so no phrase spans two blocks.
//!
//! Exact case needs two more kinds of tokens, because the index folds case away: a *case*
//! token (the case-kept character, such as `G`) at the unit of every character that lower
//! casing changed, and *edge* tokens where a character's simplified form depends on a
//! neighbour outside a match (the matcher re-folds a case-exact match on its own, and `乾` at
//! the end of a match reads `干` while `乾隆` keeps it). A character whose lower case is more
//! than one unit (only `İ` today) marks the article as *expanding*: there unit and character
//! positions part, so such articles are verified with the matcher instead.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::layout::Block;
use crate::search::{context_sensitive, fold, fold_each};

/// The free positions between two blocks.
const BLOCK_GAP: usize = 1;

/// Edge token: folding a match that starts here on its own changes this character.
pub const EDGE_START: &str = "s";
/// Edge token: folding a match that ends here on its own changes this character.
pub const EDGE_END: &str = "e";

/// The tokens of one article, one list per index field.
#[derive(Debug, Default)]
pub struct Analysis {
    /// One unigram per unit.
    pub uni: Vec<Token>,
    /// One bigram per pair of neighbouring units in a block, at the first unit's position.
    pub bi: Vec<Token>,
    /// The case-kept character, at the first unit of each character that lower case changed.
    pub case: Vec<Token>,
    /// [`EDGE_START`] and [`EDGE_END`] marks.
    pub edge: Vec<Token>,
    /// Whether some character folded to more than one unit.
    pub expanding: bool,
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
    analyze_texts(blocks.iter().map(|b| b.text.as_str()), None)
}

/// Cuts block texts into tokens: all kinds, or `only` one (the others stay empty).
fn analyze_texts<'a>(
    texts: impl Iterator<Item = &'a str>,
    only: Option<Kind>,
) -> Result<Analysis, TooLong> {
    let wants = |kind| only.is_none_or(|k| k == kind);
    let mut out = Analysis::default();
    let mut units: Vec<char> = Vec::new();
    let mut chars: Vec<Char> = Vec::new();
    let mut next = 0usize;
    for text in texts {
        units.clear();
        chars.clear();
        let start = next;
        let mut case_tokens = Vec::new();
        fold_each(text, |original, kept, full| {
            let unit = start + units.len();
            let mut lowered = full.chars();
            if full.chars().count() > 1 {
                out.expanding = true;
            }
            if lowered.next() != Some(kept) || lowered.next().is_some() {
                case_tokens.push((unit, kept.to_string()));
            }
            units.extend(full.chars());
            chars.push(Char {
                original,
                kept,
                unit,
            });
        });
        if wants(Kind::Case) {
            for (unit, text) in case_tokens {
                out.case.push(token(unit, text)?);
            }
        }
        for (i, &u) in units.iter().enumerate() {
            if wants(Kind::Uni) {
                out.uni.push(token(start + i, u.to_string())?);
            }
            if wants(Kind::Bi)
                && let Some(&v) = units.get(i + 1)
            {
                out.bi.push(token(start + i, [u, v].iter().collect())?);
            }
        }
        if wants(Kind::Edge) {
            edges(&chars, &mut out.edge)?;
        }
        next = start + units.len() + BLOCK_GAP;
    }
    Ok(out)
}

/// Whether some character of `blocks` folds to more than one unit (see
/// [`Analysis::expanding`]).
pub fn expanding(blocks: &[Block]) -> bool {
    let mut found = false;
    for b in blocks {
        fold_each(&b.text, |_, _, full| {
            found |= full.chars().nth(1).is_some();
        });
    }
    found
}

/// Marks the characters whose simplified form changes when a match starts or ends at them.
fn edges(chars: &[Char], out: &mut Vec<Token>) -> Result<(), TooLong> {
    for (i, c) in chars.iter().enumerate() {
        if !context_sensitive(c.original) {
            continue;
        }
        if let Some(n) = chars.get(i + 1) {
            let alone = fold(&[c.original, n.original].iter().collect::<String>(), false);
            if !alone.starts_with(c.kept) {
                out.push(token(c.unit, EDGE_START.to_owned())?);
            }
        }
        if let Some(p) = i.checked_sub(1).and_then(|p| chars.get(p)) {
            let alone = fold(&[p.original, c.original].iter().collect::<String>(), false);
            if !alone.ends_with(c.kept) {
                out.push(token(c.unit, EDGE_END.to_owned())?);
            }
        }
    }
    Ok(())
}

fn token(position: usize, text: String) -> Result<Token, TooLong> {
    // Tantivy adds `position_length` to the position, so leave room for it.
    if u32::try_from(position + 1).is_err() {
        return Err(TooLong);
    }
    Ok(Token {
        offset_from: 0,
        offset_to: 0,
        position,
        text,
        position_length: 1,
    })
}

/// The index field a [`FieldTokenizer`] makes tokens for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Unigrams.
    Uni,
    /// Bigrams.
    Bi,
    /// Case tokens.
    Case,
    /// Edge tokens.
    Edge,
}

impl Kind {
    /// Every kind with the name its tokenizer is registered under.
    pub const ALL: [(Kind, &'static str); 4] = [
        (Kind::Uni, "newsreader-uni"),
        (Kind::Bi, "newsreader-bi"),
        (Kind::Case, "newsreader-case"),
        (Kind::Edge, "newsreader-edge"),
    ];
}

/// One article's blocks as one field value: NUL doubled between blocks, a NUL inside a
/// block written as NUL, U+0001. A document then holds a few kilobytes per field while it
/// waits to be indexed, and its tokens are made only when tantivy indexes it.
pub fn encode(blocks: &[Block]) -> String {
    let mut out = String::new();
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str("\0\0");
        }
        out.push_str(&b.text.replace('\0', "\0\u{1}"));
    }
    out
}

/// The block texts of an [`encode`]d value.
fn decode(value: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\0' {
            push_char(&mut out, c);
            continue;
        }
        match chars.next() {
            Some('\0') => out.push(String::new()),
            _ => push_char(&mut out, '\0'),
        }
    }
    out
}

fn push_char(out: &mut [String], c: char) {
    if let Some(last) = out.last_mut() {
        last.push(c);
    }
}

/// The tokenizer of one index field: decodes the article's blocks from the field value and
/// emits that field's tokens. Registered with the index under the names in [`Kind::ALL`].
#[derive(Debug, Clone, Copy)]
pub struct FieldTokenizer(pub Kind);

impl Tokenizer for FieldTokenizer {
    type TokenStream<'a> = Tokens;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Tokens {
        let texts = decode(text);
        // An article too long for 32-bit positions is refused before it gets here.
        let a = analyze_texts(texts.iter().map(String::as_str), Some(self.0)).unwrap_or_default();
        let tokens = match self.0 {
            Kind::Uni => a.uni,
            Kind::Bi => a.bi,
            Kind::Case => a.case,
            Kind::Edge => a.edge,
        };
        Tokens {
            tokens,
            next: 0,
            current: Token::default(),
        }
    }
}

/// The tokens of one field value.
#[derive(Debug)]
pub struct Tokens {
    tokens: Vec<Token>,
    next: usize,
    current: Token,
}

impl TokenStream for Tokens {
    fn advance(&mut self) -> bool {
        match self.tokens.get_mut(self.next) {
            Some(t) => {
                self.current = std::mem::take(t);
                self.next += 1;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[&str]) -> Vec<Block> {
        texts.iter().map(|t| Block::body(*t)).collect()
    }

    fn show(tokens: &[Token]) -> Vec<String> {
        tokens
            .iter()
            .map(|t| format!("{}@{}", t.text, t.position))
            .collect()
    }

    #[test]
    fn tokenizer_table() {
        // (blocks, unigrams, bigrams, case tokens)
        let table: &[(&[&str], &str, &str, &str)] = &[
            (&["党建"], "党@0 建@1", "党建@0", ""),
            (&["黨建"], "党@0 建@1", "党建@0", ""),
            (&["哈哈哈"], "哈@0 哈@1 哈@2", "哈哈@0 哈哈@1", ""),
            (&["5G网络"], "5@0 g@1 网@2 络@3", "5g@0 g网@1 网络@2", "G@1"),
            (&["ＡＢ１"], "a@0 b@1 1@2", "ab@0 b1@1", "A@0 B@1"),
            (&["3.5%"], "3@0 .@1 5@2 %@3", "3.@0 .5@1 5%@2", ""),
            (
                &["かな한글"],
                "か@0 な@1 한@2 글@3",
                "かな@0 な한@1 한글@2",
                "",
            ),
            // One free position between blocks, and no bigram across them.
            (&["党", "建"], "党@0 建@2", "", ""),
            (&["ab", "", "c"], "a@0 b@1 c@4", "ab@0", ""),
        ];
        for (texts, uni, bi, case) in table {
            let a = analyze(&blocks(texts)).unwrap();
            let words =
                |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_owned).collect() };
            assert_eq!(show(&a.uni), words(uni), "{texts:?}");
            assert_eq!(show(&a.bi), words(bi), "{texts:?}");
            assert_eq!(show(&a.case), words(case), "{texts:?}");
            assert!(a.edge.is_empty() && !a.expanding, "{texts:?}");
        }
    }

    #[test]
    fn spaces_are_units_too() {
        let a = analyze(&blocks(&["a b"])).unwrap();
        assert_eq!(show(&a.uni), ["a@0", " @1", "b@2"]);
        assert_eq!(show(&a.bi), ["a @0", " b@1"]);
    }

    #[test]
    fn expanding_lower_case_marks_the_article() {
        let a = analyze(&blocks(&["xİy"])).unwrap();
        assert!(a.expanding);
        assert_eq!(show(&a.case), ["İ@1"]);
        assert_eq!(a.uni.len(), 4);
    }

    #[test]
    fn edges_where_a_neighbour_decides_the_simplified_form() {
        // In 乾隆 the next character keeps 乾; a match that ends at 乾 (so starts before it)
        // folds it to 干 on its own.
        let a = analyze(&blocks(&["党乾隆"])).unwrap();
        assert_eq!(show(&a.edge), ["e@1"]);
        // After 看, 著 reads 着; a match that starts at 著 folds it on its own, to 著.
        let a = analyze(&blocks(&["看著G"])).unwrap();
        assert_eq!(show(&a.edge), ["s@1"]);
        // Where the neighbours change nothing, no marks.
        for text in ["乾隆", "乾燥", "著作", "党建"] {
            assert!(analyze(&blocks(&[text])).unwrap().edge.is_empty(), "{text}");
        }
    }

    #[test]
    fn blocks_survive_encoding_into_one_value() {
        for texts in [&["党建", "", "a\0b", "\0"][..], &["x"], &[""]] {
            let b = blocks(texts);
            assert_eq!(decode(&encode(&b)), *texts, "{texts:?}");
            let mut stream = FieldTokenizer(Kind::Bi).token_stream(&encode(&b));
            let mut got = Vec::new();
            while stream.advance() {
                got.push(stream.token().clone());
            }
            assert_eq!(got, analyze(&b).unwrap().bi);
        }
    }
}
