//! How the reader wants text set: the width of the text column, where the column sits in a
//! wider pane, paragraph indentation and the width of ambiguous characters. The options are
//! plain data so that the config file can deserialize them and the layout cache can use them
//! as part of its key.

use serde::{Deserialize, Serialize};

/// Where the text column sits when the pane is wider than [`LayoutOptions::max_width`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    /// Against the pane's left edge.
    Left,
    /// In the middle of the pane, with equal margins (the left one rounded down).
    #[default]
    Center,
}

/// How the first line of a body paragraph is indented.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Indent {
    /// As the source does: two full-width spaces when the article's source indented its
    /// paragraphs, and any indent left in the paragraph text itself kept as it is.
    #[default]
    AsSource,
    /// No indentation; leading spaces of a paragraph are not shown.
    None,
    /// Two full-width spaces (`　　`) before every paragraph, as Chinese print does.
    FullWidth,
}

/// How text is set in the reader pane.
///
/// The default is what a reader of Chinese news expects: a column of at most 80 columns (40
/// Chinese characters, a comfortable measure for Chinese and still fine for Latin text),
/// centred in wider panes, paragraphs indented as the source indents them, and East Asian
/// ambiguous characters (`…`, `—`, `“`) one column wide as most terminals draw them.
///
/// In a config file the keys are kebab-case: `max-width`, `align` (`left` / `center`),
/// `indent` (`as-source` / `none` / `full-width`) and `ambiguous-wide`; every key is
/// optional.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct LayoutOptions {
    /// The widest the text column gets, in columns; `None` (or 0) uses the whole pane. A
    /// config value above 65535 is taken as 65535, which is no cap either.
    #[serde(deserialize_with = "capped_width")]
    pub max_width: Option<u16>,
    /// Where the column sits when the pane is wider than `max_width`.
    pub align: Align,
    /// Paragraph indentation.
    pub indent: Indent,
    /// Count East Asian ambiguous characters as two columns, for terminals set up that way.
    pub ambiguous_wide: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            max_width: Some(80),
            align: Align::Center,
            indent: Indent::AsSource,
            ambiguous_wide: false,
        }
    }
}

/// `max-width` as written: any whole number, the ones past the widest terminal capped.
fn capped_width<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
    Ok(Option::<u64>::deserialize(d)?.map(|w| u16::try_from(w).unwrap_or(u16::MAX)))
}

impl LayoutOptions {
    /// The width of the text column in a pane `pane_width` columns wide: the pane, capped
    /// at `max_width`, and never less than 1 (a zero-width pane is laid out as one column so
    /// that positions keep their meaning).
    pub fn column_width(&self, pane_width: u16) -> u16 {
        let cap = self.max_width.filter(|&w| w > 0).unwrap_or(u16::MAX);
        pane_width.min(cap).max(1)
    }

    /// The column offset of the text column in a pane `pane_width` columns wide.
    pub fn margin(&self, pane_width: u16) -> u16 {
        match self.align {
            Align::Left => 0,
            Align::Center => pane_width.saturating_sub(self.column_width(pane_width)) / 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_is_capped_and_centred() {
        let o = LayoutOptions::default();
        assert_eq!((o.column_width(120), o.margin(120)), (80, 20));
        assert_eq!((o.column_width(81), o.margin(81)), (80, 0));
        assert_eq!((o.column_width(40), o.margin(40)), (40, 0));
        assert_eq!((o.column_width(0), o.margin(0)), (1, 0));
        let left = LayoutOptions {
            align: Align::Left,
            ..o
        };
        assert_eq!(left.margin(120), 0);
        let uncapped = LayoutOptions {
            max_width: Some(0),
            ..o
        };
        assert_eq!(uncapped.column_width(200), 200);
    }

    #[test]
    fn config_names_are_kebab_case() {
        let o: LayoutOptions = serde_json::from_str(
            r#"{"max-width": 60, "align": "left", "indent": "full-width", "ambiguous-wide": true}"#,
        )
        .unwrap();
        assert_eq!(o.max_width, Some(60));
        assert_eq!(o.align, Align::Left);
        assert_eq!(o.indent, Indent::FullWidth);
        assert!(o.ambiguous_wide);
        let partial: LayoutOptions = serde_json::from_str(r#"{"indent": "as-source"}"#).unwrap();
        assert_eq!(partial, LayoutOptions::default());
        assert!(serde_json::from_str::<LayoutOptions>(r#"{"width": 3}"#).is_err());
    }
}
