//! Reading positions as they are remembered: a section, a paragraph in it (or its heading)
//! and a character offset, rather than a block index and a byte offset. Block indices shift
//! when the rows above the text change (a metadata row found or lost by a newer parser);
//! sections and paragraphs do not, so a remembered place keeps pointing at the same sentence.

use super::{BlockKind, Layout, TextPos};

/// A place in an article's text that survives a change of width and of metadata rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Place {
    /// The section (0: the lead, with the title and metadata).
    pub section: u32,
    /// The paragraph in the section; `None` for its heading (the title, for the lead).
    pub paragraph: Option<u32>,
    /// Characters from the start of that text.
    pub offset: u32,
}

impl Layout {
    /// The place of a text position.
    pub fn place_of(&self, pos: TextPos) -> Place {
        let Some(block) = self.blocks().get(pos.block) else {
            return Place::default();
        };
        let offset = block
            .text
            .get(..pos.offset)
            .map_or(0, |before| before.chars().count());
        let in_title = matches!(block.kind, BlockKind::Title | BlockKind::Meta);
        Place {
            section: u32::try_from(block.section).unwrap_or(u32::MAX),
            paragraph: block.paragraph.and_then(|p| u32::try_from(p).ok()),
            // A position in a metadata row is remembered as the title's start.
            offset: if block.kind == BlockKind::Meta || (in_title && offset == 0) {
                0
            } else {
                u32::try_from(offset).unwrap_or(u32::MAX)
            },
        }
    }

    /// The text position of a remembered place, or `None` when the article has no such
    /// section or paragraph (it changed). An offset past the end of its text is clamped.
    pub fn pos_of_place(&self, place: Place) -> Option<TextPos> {
        let section = usize::try_from(place.section).ok()?;
        let paragraph = place.paragraph.and_then(|p| usize::try_from(p).ok());
        let block = if section == 0 && paragraph.is_none() {
            0
        } else {
            self.blocks().iter().position(|b| {
                b.section == section
                    && b.paragraph == paragraph
                    && (paragraph.is_some() || matches!(b.kind, BlockKind::Heading(_)))
            })?
        };
        let text = &self.blocks().get(block)?.text;
        let chars = usize::try_from(place.offset).unwrap_or(usize::MAX);
        let offset = text
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i);
        Some(TextPos { block, offset })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{LayoutOptions, layout};

    #[test]
    fn every_position_of_the_sample_round_trips() {
        let a = crate::library::Library::embedded().articles.remove(0);
        let l = layout(&a, 40, &LayoutOptions::default());
        for (b, block) in l.blocks().iter().enumerate() {
            for (offset, _) in block.text.char_indices().step_by(7) {
                let pos = TextPos { block: b, offset };
                let place = l.place_of(pos);
                let back = l.pos_of_place(place).unwrap();
                if block.kind == BlockKind::Meta {
                    assert_eq!(back, TextPos::default(), "metadata rows map to the title");
                } else {
                    assert_eq!(back, pos, "{place:?}");
                }
            }
        }
        // Another width, the same place.
        let wide = layout(&a, 100, &LayoutOptions::default());
        let pos = TextPos {
            block: 9,
            offset: 12,
        };
        assert_eq!(wide.pos_of_place(l.place_of(pos)), Some(pos));
    }

    #[test]
    fn a_place_survives_a_metadata_row_lost() {
        let a = crate::library::Library::embedded().articles.remove(0);
        let l = layout(&a, 60, &LayoutOptions::default());
        let place = l.place_of(TextPos {
            block: 8,
            offset: 6,
        });
        let mut b = a.clone();
        b.editor = None;
        b.source = None;
        let l2 = layout(&b, 60, &LayoutOptions::default());
        let pos = l2.pos_of_place(place).unwrap();
        assert_eq!(pos.block, 7, "one metadata row fewer above it");
        assert_eq!(l2.blocks()[7].text, l.blocks()[8].text);
        assert!(
            l2.pos_of_place(Place {
                section: 99,
                paragraph: None,
                offset: 0
            })
            .is_none()
        );
    }
}
