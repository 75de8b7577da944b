//! How the reader wants text set: the measure (the width of the text column) and where the
//! column sits in a wider pane, paragraph style and indentation, the width of ambiguous
//! characters, and the reading-comfort rules of Chinese typesetting (W3C clreq) that change
//! only what is drawn: spacing between Chinese and Latin text, Han characters kept on one
//! column parity, full-width letters shown half-width. The options are plain data so that the
//! config file can deserialize them and the layout cache can use them as part of its key.

use crate::images::Images;
use serde::{Deserialize, Serialize};

/// Where the text column sits when the pane is wider than the measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    /// Against the pane's left edge, the same place at every pane width.
    #[default]
    Left,
    /// In the middle of the pane, with equal margins (the left one rounded down).
    Center,
}

impl Align {
    /// The name a config file uses.
    pub fn name(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
        }
    }
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

impl Indent {
    /// The name a config file uses.
    pub fn name(self) -> &'static str {
        match self {
            Indent::AsSource => "as-source",
            Indent::None => "none",
            Indent::FullWidth => "full-width",
        }
    }
}

/// How body paragraphs are told apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Paragraph {
    /// A blank row between paragraphs (indented or not as [`Indent`] says).
    #[default]
    Blank,
    /// Book style: every body paragraph's first row indented by two full-width spaces and no
    /// blank row between paragraphs. Headings keep the blank rows around them.
    Indent,
}

impl Paragraph {
    /// The name a config file uses.
    pub fn name(self) -> &'static str {
        match self {
            Paragraph::Blank => "blank",
            Paragraph::Indent => "indent",
        }
    }
}

/// How text is set in the reader pane.
///
/// The default is what a reader of Chinese news expects: a column of at most 72 cells (36
/// Chinese characters, the comfortable screen line of clreq), left in wider panes; a blank
/// row between paragraphs, indented as the source indents them; one cell between Chinese and
/// Latin letters or digits; Han characters of a paragraph kept on one column parity so they
/// line up down the page; full-width letters and digits shown half-width; and East Asian
/// ambiguous characters (`…`, `—`, `“`) one column wide as most terminals draw them.
///
/// None of this changes the text itself: search, `--json` and the stored article see the
/// text as written; only the rows drawn differ.
///
/// In a config file the keys are kebab-case (`measure`, `align`, `indent`, `paragraph`,
/// `cjk-spacing`, `grid-align`, `normalize-width`, `ambiguous-wide`, `images`); every key is optional,
/// and `max-width` is still read as the old name of `measure`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct LayoutOptions {
    /// The widest the text column gets, in cells; 0 uses the whole pane. A config value
    /// above 65535 is taken as 65535, which is no cap either.
    #[serde(alias = "max-width", deserialize_with = "capped_width")]
    pub measure: u16,
    /// Where the column sits when the pane is wider than the measure.
    pub align: Align,
    /// Paragraph indentation (in the [`Paragraph::Blank`] style).
    pub indent: Indent,
    /// Blank rows between paragraphs, or book-style indents.
    pub paragraph: Paragraph,
    /// One cell between Han or kana and Latin letters or digits (`使用Rust语言` is drawn
    /// `使用 Rust 语言`), never next to full-width punctuation, never inside an address.
    pub cjk_spacing: bool,
    /// Pad runs of narrow characters between Han characters of a paragraph to an even number
    /// of cells, so every Han character stays on the same column parity (clreq's grid).
    pub grid_align: bool,
    /// Draw full-width letters and digits (`ＡＢＣ１２３`) half-width.
    pub normalize_width: bool,
    /// Count East Asian ambiguous characters as two columns, for terminals set up that way.
    pub ambiguous_wide: bool,
    /// How pictures are shown: with the terminal's graphics protocol, in half blocks, or not
    /// at all (the placeholder `[图片：alt]` stands alone).
    pub images: Images,
    /// The rows kept for each picture under its paragraph; 0 keeps none (as `--dump` and
    /// every layout of text only). The reader sets it from its pane's height; a config file
    /// never does.
    #[serde(skip)]
    pub picture_rows: u16,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            measure: 72,
            align: Align::Left,
            indent: Indent::AsSource,
            paragraph: Paragraph::Blank,
            cjk_spacing: true,
            grid_align: true,
            normalize_width: true,
            ambiguous_wide: false,
            images: Images::Auto,
            picture_rows: 0,
        }
    }
}

/// `measure` as written: any whole number, the ones past the widest terminal capped.
fn capped_width<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    Ok(u16::try_from(u64::deserialize(d)?).unwrap_or(u16::MAX))
}

impl LayoutOptions {
    /// The options that draw the text exactly as written: no spacing, no grid padding, no
    /// narrowing (the measure and paragraph style as the defaults).
    pub fn verbatim() -> Self {
        Self {
            cjk_spacing: false,
            grid_align: false,
            normalize_width: false,
            ..Self::default()
        }
    }

    /// The width of the text column in a pane `pane_width` columns wide: the pane, capped
    /// at the measure, and never less than 1 (a zero-width pane is laid out as one column so
    /// that positions keep their meaning).
    pub fn column_width(&self, pane_width: u16) -> u16 {
        let cap = if self.measure == 0 {
            u16::MAX
        } else {
            self.measure
        };
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
    fn the_column_is_capped_and_placed() {
        let o = LayoutOptions::default();
        assert_eq!((o.column_width(120), o.margin(120)), (72, 0));
        assert_eq!((o.column_width(40), o.margin(40)), (40, 0));
        assert_eq!((o.column_width(0), o.margin(0)), (1, 0));
        let centred = LayoutOptions {
            align: Align::Center,
            ..o
        };
        assert_eq!((centred.column_width(120), centred.margin(120)), (72, 24));
        assert_eq!(centred.margin(73), 0);
        let uncapped = LayoutOptions { measure: 0, ..o };
        assert_eq!(uncapped.column_width(200), 200);
    }

    #[test]
    fn config_names_are_kebab_case() {
        let o: LayoutOptions = serde_json::from_str(
            r#"{"measure": 60, "align": "center", "indent": "full-width", "paragraph": "indent",
                "cjk-spacing": false, "grid-align": false, "normalize-width": false,
                "ambiguous-wide": true}"#,
        )
        .unwrap();
        assert_eq!(o.measure, 60);
        assert_eq!(o.align, Align::Center);
        assert_eq!(o.indent, Indent::FullWidth);
        assert_eq!(o.paragraph, Paragraph::Indent);
        assert!(!o.cjk_spacing && !o.grid_align && !o.normalize_width);
        assert!(o.ambiguous_wide);
        let partial: LayoutOptions = serde_json::from_str(r#"{"indent": "as-source"}"#).unwrap();
        assert_eq!(partial, LayoutOptions::default());
        assert!(serde_json::from_str::<LayoutOptions>(r#"{"width": 3}"#).is_err());
    }

    #[test]
    fn the_old_name_of_the_measure_is_still_read() {
        let o: LayoutOptions = serde_json::from_str(r#"{"max-width": 80}"#).unwrap();
        assert_eq!(o.measure, 80);
    }
}
