//! Running a query over one segment of the index, with counts that equal the matcher's.
//!
//! The matcher counts non-overlapping occurrences of the folded query in each block's folded
//! text, leftmost first (`哈哈` occurs once in `哈哈哈`). Here:
//!
//! - a one-unit query: the sum of the frequencies of the grams that start with the unit
//!   (every unit starts one gram, and occurrences of one unit never overlap);
//! - a two-unit query of two different units: the bigram's frequency (such occurrences never
//!   overlap either);
//! - anything longer, or `哈哈`: the start positions where all covering bigrams line up
//!   ([`super::plan::cover`]), then the leftmost non-overlapping ones among them.
//!
//! A case-exact query (one with a capital) keeps, like the matcher, only those of the
//! non-overlapping matches whose characters have the query's case, which the case tokens
//! tell (and the edge tokens, where re-folding a match on its own changes it).
//!
//! Articles flagged at indexing ([`super::schema::VERIFY`], a character whose lower case is two
//! units) are counted by the matcher itself, over the block texts stored for them: the only
//! place where the index re-reads text.

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::store::StoreReader;
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, TantivyDocument, Term};

mod marks;

use marks::{Mark, Marks};

use super::plan::{CaseCheck, Plan, cover, lowered};
use super::schema::{Fields, VERIFY};
use super::tokens::{CASE, EDGE_END, EDGE_START, is_gram};
use crate::layout::{Block, BlockKind};
use crate::search::Index;

/// Why a segment could not be searched: its data does not read as an index.
pub type Broken = String;

/// Searches one segment; pushes `(id, count)` for every live article with a match.
pub fn search_segment(
    seg: &SegmentReader,
    fields: &Fields,
    plan: &Plan,
    query: &str,
    out: &mut Vec<(u64, usize)>,
) -> Result<(), Broken> {
    let k = plan.units.len();
    if k == 0 {
        return Ok(());
    }
    let ctx = Context::new(seg, fields, query)?;
    let mut s = Segment { ctx, out };
    match (k, &plan.case) {
        (1, case) => {
            let units = s.ctx.unit_counts(plan.units[0])?;
            let mut marks = s.ctx.marks(case.as_deref())?;
            for (doc, freq) in units {
                if let Some(count) = s.ctx.alive(doc)? {
                    let count = count.unwrap_or_else(|| marks.single(doc, freq));
                    s.push(doc, count)?;
                }
            }
        }
        (2, None) if plan.units[0] != plan.units[1] => {
            let Some(mut bi) = s.ctx.postings(&plan.units, false)? else {
                return Ok(());
            };
            while bi.doc() != TERMINATED {
                let doc = bi.doc();
                if let Some(count) = s.ctx.alive(doc)? {
                    s.push(doc, count.unwrap_or(bi.term_freq() as usize))?;
                }
                bi.advance();
            }
        }
        (_, case) => {
            let mut terms = Vec::new();
            for offset in cover(k) {
                let pair = &plan.units[offset..offset + 2];
                match s.ctx.postings(pair, true)? {
                    Some(p) => terms.push((offset, p)),
                    None => return Ok(()),
                }
            }
            terms.sort_by_key(|(_, p)| p.doc_freq());
            let mut marks = s.ctx.marks(case.as_deref())?;
            let mut starts = Vec::new();
            let mut scratch = Vec::new();
            phrase(&mut terms, |doc, terms| {
                let Some(count) = s.ctx.alive(doc)? else {
                    return Ok(());
                };
                let count = match count {
                    Some(n) => n,
                    None => {
                        line_up(terms, &mut starts, &mut scratch);
                        let kept = non_overlapping(&starts, k);
                        kept.into_iter()
                            .filter(|&at| marks.keep(doc, at, k))
                            .count()
                    }
                };
                s.push(doc, count)
            })?;
        }
    }
    Ok(())
}

/// What a segment search needs besides the postings it walks.
struct Context<'a> {
    seg: &'a SegmentReader,
    fields: &'a Fields,
    query: &'a str,
    ids: tantivy::columnar::Column<u64>,
    flagged: Vec<DocId>,
    store: Option<StoreReader>,
}

impl<'a> Context<'a> {
    fn new(seg: &'a SegmentReader, fields: &'a Fields, query: &'a str) -> Result<Self, Broken> {
        let ids = seg.fast_fields().u64("id").map_err(|e| e.to_string())?;
        let mut flagged = Vec::new();
        let flag = Term::from_field_text(fields.flags, VERIFY);
        let index = seg
            .inverted_index(fields.flags)
            .map_err(|e| e.to_string())?;
        if let Some(mut p) = index
            .read_postings(&flag, IndexRecordOption::Basic)
            .map_err(|e| e.to_string())?
        {
            while p.doc() != TERMINATED {
                flagged.push(p.doc());
                p.advance();
            }
        }
        Ok(Context {
            seg,
            fields,
            query,
            ids,
            flagged,
            store: None,
        })
    }

    /// The postings of the gram made of `units`, if the segment has it.
    fn postings(&self, units: &[char], positions: bool) -> Result<Option<SegmentPostings>, Broken> {
        let text: String = units.iter().collect();
        self.term_postings(&text, positions)
    }

    fn term_postings(
        &self,
        text: &str,
        positions: bool,
    ) -> Result<Option<SegmentPostings>, Broken> {
        let option = if positions {
            IndexRecordOption::WithFreqsAndPositions
        } else {
            IndexRecordOption::WithFreqs
        };
        let field = self.fields.grams;
        self.seg
            .inverted_index(field)
            .map_err(|e| e.to_string())?
            .read_postings(&Term::from_field_text(field, text), option)
            .map_err(|e| e.to_string())
    }

    /// How often `unit` occurs in each document that has it, in document order: the sum of
    /// the frequencies of the grams that start with it.
    fn unit_counts(&self, unit: char) -> Result<Vec<(DocId, u32)>, Broken> {
        let index = self
            .seg
            .inverted_index(self.fields.grams)
            .map_err(|e| e.to_string())?;
        let low = unit.to_string().into_bytes();
        let mut high = low.clone();
        // The terms that start with the unit's bytes; the last byte of a character in UTF-8
        // is below 0xC0, so this does not overflow.
        if let Some(last) = high.last_mut() {
            *last += 1;
        }
        let mut stream = index
            .terms()
            .range()
            .ge(&low)
            .lt(&high)
            .into_stream()
            .map_err(|e| e.to_string())?;
        let mut counts = vec![0u32; self.seg.max_doc() as usize];
        while stream.advance() {
            if !std::str::from_utf8(stream.key()).is_ok_and(is_gram) {
                continue;
            }
            let mut p = index
                .read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)
                .map_err(|e| e.to_string())?;
            while p.doc() != TERMINATED {
                if let Some(n) = counts.get_mut(p.doc() as usize) {
                    *n = n.saturating_add(p.term_freq());
                }
                p.advance();
            }
        }
        Ok(counts
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .filter_map(|(doc, n)| Some((DocId::try_from(doc).ok()?, n)))
            .collect())
    }

    /// `None` for a deleted document; `Some(Some(count))` when the matcher counted it (a
    /// flagged article); `Some(None)` when the index counts it.
    fn alive(&mut self, doc: DocId) -> Result<Option<Option<usize>>, Broken> {
        if self.seg.is_deleted(doc) {
            return Ok(None);
        }
        if self.flagged.binary_search(&doc).is_err() {
            return Ok(Some(None));
        }
        if self.store.is_none() {
            self.store = Some(self.seg.get_store_reader(1).map_err(|e| e.to_string())?);
        }
        let Some(store) = &self.store else {
            return Ok(None);
        };
        let stored: TantivyDocument = store.get(doc).map_err(|e| e.to_string())?;
        let bytes = stored
            .get_first(self.fields.blocks)
            .and_then(|v| v.as_bytes())
            .ok_or_else(|| format!("document {doc} has no stored blocks"))?;
        let texts: Vec<String> = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        let blocks: Vec<Block> = texts
            .into_iter()
            .map(|text| Block {
                kind: BlockKind::Body,
                section: 0,
                paragraph: None,
                text,
            })
            .collect();
        let count = Index::new(&blocks)
            .count_and_first(&blocks, self.query)
            .map_or(0, |(n, _)| n);
        Ok(Some(Some(count)))
    }

    /// The case and edge marks a case-exact query checks, opened for this segment.
    fn marks(&self, checks: Option<&[CaseCheck]>) -> Result<Marks, Broken> {
        let mut marks = Marks::default();
        let Some(checks) = checks else {
            return Ok(marks);
        };
        marks.exact = true;
        // Case tokens whose character lower-cases to a given unit, found in the dictionary.
        let mut by_unit: Vec<(String, Vec<String>)> = Vec::new();
        for check in checks {
            if let CaseCheck::Plain { unit, .. } = check
                && !by_unit.iter().any(|(u, _)| u.chars().eq([*unit]))
            {
                by_unit.push((unit.to_string(), Vec::new()));
            }
        }
        if !by_unit.is_empty() {
            let index = self
                .seg
                .inverted_index(self.fields.grams)
                .map_err(|e| e.to_string())?;
            // Case tokens: the prefix, then one character.
            let low = CASE.as_bytes();
            let mut high = low.to_vec();
            if let Some(last) = high.last_mut() {
                *last += 1;
            }
            let mut stream = index
                .terms()
                .range()
                .ge(low)
                .lt(&high)
                .into_stream()
                .map_err(|e| e.to_string())?;
            while stream.advance() {
                let Some(term) = std::str::from_utf8(stream.key())
                    .ok()
                    .and_then(|t| t.strip_prefix(CASE))
                else {
                    continue;
                };
                let mut chars = term.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    let low = lowered(c);
                    for (unit, terms) in &mut by_unit {
                        if *unit == low {
                            terms.push(format!("{CASE}{c}"));
                        }
                    }
                }
            }
        }
        for check in checks {
            match *check {
                CaseCheck::Cased { offset, kept } => {
                    let p = self.term_postings(&format!("{CASE}{kept}"), true)?;
                    marks.cased.push((offset, p.map(Mark::new)));
                }
                CaseCheck::Plain { offset, unit } => {
                    let mut list = Vec::new();
                    for (u, terms) in &by_unit {
                        if u.chars().eq([unit]) {
                            for t in terms {
                                if let Some(p) = self.term_postings(t, true)? {
                                    list.push(Mark::new(p));
                                }
                            }
                        }
                    }
                    marks.plain.push((offset, list));
                }
            }
        }
        marks.start = self.term_postings(EDGE_START, true)?.map(Mark::new);
        marks.end = self.term_postings(EDGE_END, true)?.map(Mark::new);
        Ok(marks)
    }
}

/// A segment search in progress: where hits go.
struct Segment<'a, 'o> {
    ctx: Context<'a>,
    out: &'o mut Vec<(u64, usize)>,
}

impl Segment<'_, '_> {
    fn push(&mut self, doc: DocId, count: usize) -> Result<(), Broken> {
        if count == 0 {
            return Ok(());
        }
        let id = self
            .ctx
            .ids
            .first(doc)
            .ok_or_else(|| format!("document {doc} has no id"))?;
        self.out.push((id, count));
        Ok(())
    }
}

/// Calls `each` for every document where all `terms` occur (`terms[0]` leads: the rarest).
fn phrase(
    terms: &mut [(usize, SegmentPostings)],
    mut each: impl FnMut(DocId, &mut [(usize, SegmentPostings)]) -> Result<(), Broken>,
) -> Result<(), Broken> {
    let Some(((_, lead), _)) = terms.split_first_mut() else {
        return Ok(());
    };
    let mut doc = lead.doc();
    'docs: while doc != TERMINATED {
        let Some(((_, lead), rest)) = terms.split_first_mut() else {
            return Ok(());
        };
        for (_, p) in rest.iter_mut() {
            let d = if p.doc() < doc { p.seek(doc) } else { p.doc() };
            if d > doc {
                doc = lead.seek(d);
                continue 'docs;
            }
        }
        each(doc, terms)?;
        let Some(((_, lead), _)) = terms.split_first_mut() else {
            return Ok(());
        };
        doc = lead.advance();
    }
    Ok(())
}

/// The positions where the query starts in the current document: where every covering
/// bigram is at its offset.
fn line_up(terms: &mut [(usize, SegmentPostings)], starts: &mut Vec<u32>, scratch: &mut Vec<u32>) {
    starts.clear();
    for (i, (offset, p)) in terms.iter_mut().enumerate() {
        scratch.clear();
        p.positions(scratch);
        let offset = u32::try_from(*offset).unwrap_or(u32::MAX);
        let shifted = scratch.iter().filter_map(|&x| x.checked_sub(offset));
        if i == 0 {
            starts.extend(shifted);
        } else {
            let mut other = shifted.peekable();
            starts.retain(|&s| {
                while other.next_if(|&o| o < s).is_some() {}
                other.peek() == Some(&s)
            });
        }
        if starts.is_empty() {
            return;
        }
    }
}

/// The leftmost non-overlapping matches of length `k` among sorted `starts`.
fn non_overlapping(starts: &[u32], k: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(starts.len());
    let mut free = 0u64;
    for &s in starts {
        if u64::from(s) >= free {
            out.push(s);
            free = u64::from(s) + k as u64;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftmost_non_overlapping() {
        assert_eq!(non_overlapping(&[0, 1], 2), [0]);
        assert_eq!(non_overlapping(&[0, 1, 2], 2), [0, 2]);
        assert_eq!(non_overlapping(&[0, 2, 3, 7], 3), [0, 3, 7]);
        assert_eq!(non_overlapping(&[], 3), Vec::<u32>::new());
    }
}
