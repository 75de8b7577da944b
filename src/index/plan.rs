//! A query as the index reads it: its units folded as the matcher folds them and, for a
//! case-exact query (one with a capital), what must hold at each of its characters; and which
//! of its bigrams to look up.

use crate::search::{fold_each, has_capital};

/// What a query asks the index: its units and, for a case-exact query, what must hold at
/// each of its characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The folded query, one unit per entry.
    pub units: Vec<char>,
    /// `Some` when the query has a capital (the matcher's smart case): one check per query
    /// character.
    pub case: Option<Vec<CaseCheck>>,
}

/// What a case-exact query needs of the text character at one unit of a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseCheck {
    /// Lower case changed the query's character: the text must carry the same case token.
    Cased {
        /// Unit offset in the query.
        offset: usize,
        /// The case-kept character.
        kept: char,
    },
    /// Lower case left the query's character alone: the text's character must be one that
    /// lower case leaves alone too (no case token there).
    Plain {
        /// Unit offset in the query.
        offset: usize,
        /// The character, which is also its unit.
        unit: char,
    },
}

/// Analyses a query as the matcher reads it.
pub fn plan(query: &str) -> Plan {
    let mut units = Vec::new();
    let mut checks = Vec::new();
    fold_each(query, |_, kept, full| {
        let offset = units.len();
        let mut lowered = full.chars();
        if lowered.next() == Some(kept) && lowered.next().is_none() {
            checks.push(CaseCheck::Plain { offset, unit: kept });
        } else {
            checks.push(CaseCheck::Cased { offset, kept });
        }
        units.extend(full.chars());
    });
    Plan {
        units,
        case: has_capital(query).then_some(checks),
    }
}

/// The folded form of a case token's character (what a `Plain` check compares with).
pub fn lowered(kept: char) -> String {
    crate::search::lowered(kept).map_or_else(|| kept.to_string(), Iterator::collect)
}

/// Which bigrams of a `k`-unit query (k ≥ 2) to look up: offsets that cover every unit, so
/// finding them all at the right distances finds the query.
pub fn cover(k: usize) -> Vec<usize> {
    let last = k.saturating_sub(2);
    let mut out: Vec<usize> = (0..=last).step_by(2).collect();
    if out.last() != Some(&last) {
        out.push(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_plans() {
        let p = plan("党建");
        assert_eq!(p.units, ['党', '建']);
        assert_eq!(p.case, None);
        let p = plan("5G");
        assert_eq!(p.units, ['5', 'g']);
        assert_eq!(
            p.case,
            Some(vec![
                CaseCheck::Plain {
                    offset: 0,
                    unit: '5'
                },
                CaseCheck::Cased {
                    offset: 1,
                    kept: 'G'
                },
            ])
        );
        assert_eq!(plan("ＡＢＣ１２３：").units.len(), 7);
        assert_eq!(plan("İ").units.len(), 2);
        assert_eq!(plan("").units, Vec::<char>::new());
    }

    #[test]
    fn covering_bigrams() {
        assert_eq!(cover(2), [0]);
        assert_eq!(cover(3), [0, 1]);
        assert_eq!(cover(4), [0, 2]);
        assert_eq!(cover(5), [0, 2, 3]);
        assert_eq!(cover(6), [0, 2, 4]);
    }

    #[test]
    fn lowered_case_tokens() {
        assert_eq!(lowered('G'), "g");
        assert_eq!(lowered('\u{212A}'), "k");
    }
}
