//! Reading an encoded field value back as tokens, on tantivy's indexing thread: the grams
//! straight from the value's bytes, then the marks (see [`super::encode`]).

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

#[cfg(test)]
use super::Analysis;
#[cfg(test)]
use super::UNIT_NUL;
use super::{BLOCK_GAP, CASE, EDGE_END, EDGE_START, mark};

/// The units and marks of an [`encode`]d value (what it cannot read, it leaves out): what
/// [`Tokens`] reads as it goes, all at once.
#[cfg(test)]
pub(super) fn decode(value: &str) -> Analysis {
    let mut out = Analysis::default();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\0' {
            out.units.push(Some(c));
            continue;
        }
        match chars.next() {
            Some('\0') => out.units.extend([None; BLOCK_GAP]),
            Some(UNIT_NUL) => out.units.push(Some('\0')),
            _ => break,
        }
    }
    let (case, edge): (Vec<Token>, Vec<Token>) =
        Marks(chars.as_str()).partition(|t| t.text.starts_with(CASE));
    out.case = case;
    out.edge = edge;
    out
}

/// One unit of an encoded value, read by its first bytes (its characters are not decoded).
#[derive(Clone, Copy)]
enum Unit {
    /// A unit written as itself, of this many bytes.
    Text(usize),
    /// A NUL unit (written as two bytes).
    Nul,
    /// A free position between blocks (two bytes).
    Gap,
    /// The units are over (the marks, if any, follow the two characters that say so).
    End,
}

/// The unit at byte `at` of `bytes` (a character boundary of the value).
fn unit_at(bytes: &[u8], at: usize) -> Unit {
    match bytes.get(at) {
        None => Unit::End,
        Some(0) => match bytes.get(at + 1) {
            Some(0) => Unit::Gap,
            Some(1) => Unit::Nul,
            _ => Unit::End,
        },
        Some(&b) if b < 0x80 => Unit::Text(1),
        Some(&b) if b < 0xE0 => Unit::Text(2),
        Some(&b) if b < 0xF0 => Unit::Text(3),
        Some(_) => Unit::Text(4),
    }
}

/// The marks of an encoded value, in the order written, up to the first it cannot read.
struct Marks<'a>(&'a str);

impl Iterator for Marks<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let rest = self.0;
        let kind = rest.chars().next()?;
        let rest = &rest[kind.len_utf8()..];
        let (prefix, kept, rest) = match kind {
            'c' => {
                let Some(kept) = rest.chars().next() else {
                    self.0 = "";
                    return None;
                };
                (CASE, Some(kept), &rest[kept.len_utf8()..])
            }
            's' => (EDGE_START, None, rest),
            _ => (EDGE_END, None, rest),
        };
        let parsed = rest
            .split_once(';')
            .and_then(|(digits, after)| Some((digits.parse().ok()?, after)));
        let Some((position, after)) = parsed else {
            self.0 = "";
            return None;
        };
        self.0 = after;
        Some(mark(position, prefix, kept))
    }
}

/// The index's tokenizer: reads the units and marks [`encode`] wrote and emits the grams,
/// then the marks. Registered with the index under [`TOKENIZER`].
#[derive(Debug, Clone, Copy)]
pub struct GramTokenizer;

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = Tokens<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Tokens<'a> {
        Tokens {
            value: text,
            at: 0,
            position: 0,
            marks: None,
            current: Token::default(),
        }
    }
}

/// The tokens of one field value, read from it as they are given: the grams in position
/// order (each copied from the value into one reused token), then the marks. Nothing is
/// decoded ahead: this runs on tantivy's indexing thread, once per character of the library.
#[derive(Debug)]
pub struct Tokens<'a> {
    value: &'a str,
    /// Where in it the next unit starts.
    at: usize,
    /// The position of that unit.
    position: usize,
    /// Once the units are over, the marks.
    marks: Option<&'a str>,
    current: Token,
}

impl Tokens<'_> {
    fn next_gram(&mut self) -> bool {
        let bytes = self.value.as_bytes();
        loop {
            let (first, len) = match unit_at(bytes, self.at) {
                Unit::Gap => {
                    self.at += 2;
                    self.position += BLOCK_GAP;
                    continue;
                }
                Unit::End => {
                    // The marks follow the two characters that end the units.
                    let mut rest = self.value.get(self.at..).unwrap_or("").chars();
                    rest.next();
                    rest.next();
                    self.marks = Some(rest.as_str());
                    return false;
                }
                Unit::Text(len) => (Unit::Text(len), len),
                Unit::Nul => (Unit::Nul, 2),
            };
            let next = self.at + len;
            let text = &mut self.current.text;
            text.clear();
            let piece = |from: usize, len: usize| self.value.get(from..from + len).unwrap_or("");
            match (first, unit_at(bytes, next)) {
                // Both written as themselves: one copy of their bytes.
                (Unit::Text(a), Unit::Text(b)) => text.push_str(piece(self.at, a + b)),
                (Unit::Text(a), second) => {
                    text.push_str(piece(self.at, a));
                    if let Unit::Nul = second {
                        text.push('\0');
                    }
                }
                (_, second) => {
                    text.push('\0');
                    match second {
                        Unit::Text(b) => text.push_str(piece(next, b)),
                        Unit::Nul => text.push('\0'),
                        _ => {}
                    }
                }
            }
            self.current.position = self.position;
            self.current.position_length = 1;
            self.at = next;
            self.position += 1;
            return true;
        }
    }
}

impl TokenStream for Tokens<'_> {
    fn advance(&mut self) -> bool {
        if self.marks.is_none() && self.next_gram() {
            return true;
        }
        let mut marks = Marks(self.marks.unwrap_or(""));
        let next = marks.next();
        self.marks = Some(marks.0);
        match next {
            Some(t) => {
                self.current = t;
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
