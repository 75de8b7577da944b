//! The first match in one article and its line of context, for the result rows on screen:
//! the index gives counts only, and this reads as few of the article's blocks as it takes.

use crate::layout::Block;
use crate::search::{self, Match};

/// An article's first match and the line of context the results list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstMatch {
    /// Where the first match is.
    pub at: Match,
    /// The line of context ([`search::snippet`]).
    pub snippet: String,
}

/// The first match of `query` in an article's `blocks` and its line of context, exactly as
/// [`search::Index::count_and_first`] finds it, folding only as many blocks as it takes.
/// For the result rows on screen.
pub fn first_match(query: &str, blocks: &[Block]) -> Option<FirstMatch> {
    blocks.iter().enumerate().find_map(|(i, block)| {
        let one = std::slice::from_ref(block);
        let (_, m) = search::Index::new(one).count_and_first(one, query)?;
        Some(FirstMatch {
            snippet: search::snippet(&block.text, m.range.clone()),
            at: Match {
                block: i,
                range: m.range,
            },
        })
    })
}
