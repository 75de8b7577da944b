//! The marks a case-exact query checks at each match: case tokens (the query's capitals must
//! be there, and no capital where the query has none) and edge tokens (where re-folding the
//! match on its own changes a character), read one document at a time.

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::{DocId, DocSet, TERMINATED};

/// One case or edge term's postings, read one document at a time in increasing order.
pub struct Mark {
    postings: SegmentPostings,
    doc: DocId,
    positions: Vec<u32>,
}

impl Mark {
    pub fn new(postings: SegmentPostings) -> Mark {
        Mark {
            postings,
            doc: TERMINATED,
            positions: Vec::new(),
        }
    }

    /// Moves to `doc`; whether the term occurs there.
    fn seek(&mut self, doc: DocId) -> bool {
        if self.postings.doc() < doc {
            self.postings.seek(doc);
        }
        self.postings.doc() == doc
    }

    /// How often the term occurs in `doc`.
    fn freq(&mut self, doc: DocId) -> usize {
        if self.seek(doc) {
            self.postings.term_freq() as usize
        } else {
            0
        }
    }

    /// Whether the term occurs at `position` of `doc`.
    fn at(&mut self, doc: DocId, position: u32) -> bool {
        if self.doc != doc {
            self.doc = doc;
            self.positions.clear();
            if self.seek(doc) {
                self.postings.positions(&mut self.positions);
            }
        }
        self.positions.binary_search(&position).is_ok()
    }
}

/// Everything a case-exact query checks at a match.
#[derive(Default)]
pub struct Marks {
    /// Whether the query is case-exact (else every match is kept).
    pub exact: bool,
    /// Per query character that lower case changes: its unit offset and its case token.
    pub cased: Vec<(usize, Option<Mark>)>,
    /// Per other query character: its unit offset and the case tokens that lower-case to it.
    pub plain: Vec<(usize, Vec<Mark>)>,
    /// Edge tokens: a match may not start here.
    pub start: Option<Mark>,
    /// Edge tokens: a match may not end here.
    pub end: Option<Mark>,
}

impl Marks {
    /// The count of a one-unit query in `doc`, which has `freq` occurrences of the unit.
    pub fn single(&mut self, doc: DocId, freq: u32) -> usize {
        if !self.exact {
            return freq as usize;
        }
        // One query character: either the text's character carries its case token, or it
        // is the unit itself and carries none of the case tokens that lower-case to it.
        if let Some((_, mark)) = self.cased.first_mut() {
            return mark.as_mut().map_or(0, |m| m.freq(doc));
        }
        let mut n = freq as usize;
        for (_, marks) in &mut self.plain {
            for m in marks {
                n = n.saturating_sub(m.freq(doc));
            }
        }
        n
    }

    /// Whether the match of `k` units at `start` of `doc` has the query's case.
    pub fn keep(&mut self, doc: DocId, start: u32, k: usize) -> bool {
        if !self.exact {
            return true;
        }
        let at = |offset: usize| start.saturating_add(u32::try_from(offset).unwrap_or(u32::MAX));
        for (offset, mark) in &mut self.cased {
            if !mark.as_mut().is_some_and(|m| m.at(doc, at(*offset))) {
                return false;
            }
        }
        for (offset, marks) in &mut self.plain {
            if marks.iter_mut().any(|m| m.at(doc, at(*offset))) {
                return false;
            }
        }
        if self.start.as_mut().is_some_and(|m| m.at(doc, start)) {
            return false;
        }
        let last = at(k.saturating_sub(1));
        !self.end.as_mut().is_some_and(|m| m.at(doc, last))
    }
}
