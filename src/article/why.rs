//! Why the parser decided what it did about a line: each heading, credit and dropped line
//! carries the evidence it rests on, in the order the assembler trusts it: the source's
//! markup, the source's furniture (lines its other articles repeat), shallow text features,
//! and the lexicon of words every news site prints. `--json` and the source view show it, so a
//! reader can tell a decision the markup made from one a score made.

use std::fmt;

/// The kind of evidence a decision rests on, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Basis {
    /// The source said so: a tag (`<h2>`, `<figcaption>`), Markdown (`##`, `**…**`) or the
    /// typographic marks of plain text (`◆ x ◆`, `一、`, `【x】`).
    Markup,
    /// The line recurs across many articles of the same source.
    Furniture,
    /// Shallow text features: length, punctuation, link density, position, neighbours.
    Features,
    /// A word of the lexicon every news site uses (`记者`, `版权所有`, `Reporting by`).
    Lexicon,
}

impl Basis {
    /// The word `--json` and the source view print for it.
    pub fn name(self) -> &'static str {
        match self {
            Basis::Markup => "markup",
            Basis::Furniture => "furniture",
            Basis::Features => "features",
            Basis::Lexicon => "lexicon",
        }
    }
}

/// One decision's reason: its basis and, in a word or two, what exactly was seen (`h2`,
/// `copyright`, `link density`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Why {
    /// The kind of evidence.
    pub basis: Basis,
    /// What was seen.
    pub what: &'static str,
}

impl Why {
    /// A decision the markup made.
    pub const fn markup(what: &'static str) -> Why {
        Why {
            basis: Basis::Markup,
            what,
        }
    }

    /// A decision shallow features made.
    pub const fn features(what: &'static str) -> Why {
        Why {
            basis: Basis::Features,
            what,
        }
    }

    /// A decision a lexicon word made.
    pub const fn lexicon(what: &'static str) -> Why {
        Why {
            basis: Basis::Lexicon,
            what,
        }
    }

    /// A line the source repeats across its articles.
    pub const FURNITURE: Why = Why {
        basis: Basis::Furniture,
        what: "repeated across the source",
    };
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.basis.name(), self.what)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_basis_and_detail() {
        assert_eq!(Why::markup("h2").to_string(), "markup: h2");
        assert_eq!(
            Why::FURNITURE.to_string(),
            "furniture: repeated across the source"
        );
        assert!(Basis::Markup < Basis::Lexicon);
    }
}
