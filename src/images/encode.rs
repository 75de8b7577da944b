//! A picture made ready for the screen at one size, on the picture worker: in half blocks
//! (`▀` cells with two colours, which every colour terminal draws, and in which a picture
//! only partly on screen is always drawn) and, when the terminal has a graphics protocol, in
//! the protocol's form. Scaling a photo to the cells' pixels takes tens of milliseconds;
//! drawing what is made here only copies cells.

use std::sync::{Arc, OnceLock};

use image::DynamicImage;
use image::imageops::FilterType;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::widgets::Widget;
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::protocol::Protocol;
use ratatui_image::{FontSize, Image, Resize};

use super::Kind;

/// The cells a picture is drawn in: as wide as the text column, as high as the rows the
/// layout keeps for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Fit {
    /// Columns.
    pub width: u16,
    /// Rows.
    pub rows: u16,
}

/// A picture encoded for a [`Fit`].
pub struct Shown {
    /// The cells it was encoded for.
    pub fit: Fit,
    /// The picture in half blocks, from the top left of the fit; cells outside `covered`
    /// are not the picture's.
    pub cells: Buffer,
    /// The part of `cells` the picture covers (its shape kept).
    pub covered: Size,
    /// The terminal protocol's form, drawn when the whole picture is on screen; `None` in a
    /// terminal with no protocol.
    pub protocol: Option<Protocol>,
}

impl std::fmt::Debug for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shown")
            .field("fit", &self.fit)
            .field("covered", &self.covered)
            .field("protocol", &self.protocol.is_some())
            .finish()
    }
}

/// How pictures are encoded: with the terminal's protocol and cell size when it has one,
/// always in half blocks too.
///
/// ratatui-image's pickers are made the first time a picture is encoded, on the picture
/// worker, not when the encoder is: inside tmux, making one runs `tmux set -p
/// allow-passthrough on` and waits for it, which the reader's start must not wait for.
/// Clones share the pickers once made.
#[derive(Clone)]
pub struct Encoder {
    /// The protocol chosen at start.
    kind: Kind,
    /// The terminal's cell size in pixels, when it said.
    cell: Option<(u16, u16)>,
    pickers: Arc<OnceLock<Pickers>>,
}

/// ratatui-image's pickers for an [`Encoder`].
struct Pickers {
    /// The protocol chosen at start, and the cell size.
    picker: Picker,
    /// Half blocks.
    halfblocks: Picker,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("protocol", &self.kind.protocol_type())
            .finish()
    }
}

impl Default for Encoder {
    fn default() -> Self {
        Encoder::new(Kind::Halfblocks, None)
    }
}

impl Encoder {
    /// Encodes as `kind` for cells of `cell` pixels (when the terminal said).
    pub fn new(kind: Kind, cell: Option<(u16, u16)>) -> Encoder {
        Encoder {
            kind,
            cell,
            pickers: Arc::new(OnceLock::new()),
        }
    }

    /// The pickers, made on first use.
    fn pickers(&self) -> &Pickers {
        self.pickers.get_or_init(|| {
            let halfblocks = Picker::halfblocks();
            let mut picker = match self.cell {
                // The cell size the terminal answered, the one thing a protocol needs.
                #[allow(deprecated)]
                Some((w, h)) => Picker::from_fontsize(FontSize::new(w, h)),
                None => halfblocks.clone(),
            };
            picker.set_protocol_type(self.kind.protocol_type());
            Pickers { picker, halfblocks }
        })
    }

    /// `picture` encoded for `fit`. Half blocks fill the fit (a cell shows only two pixels,
    /// so the picture is scaled up when smaller); a protocol shows the picture at most at its
    /// own size.
    pub fn encode(&self, picture: &DynamicImage, fit: Fit) -> Shown {
        let size = Size::new(fit.width, fit.rows);
        let area = Rect::new(0, 0, fit.width, fit.rows);
        let mut cells = Buffer::empty(area);
        let scale = Resize::Scale(Some(FilterType::Triangle));
        let Pickers { picker, halfblocks } = self.pickers();
        let covered = match halfblocks.new_protocol(picture.clone(), size, scale) {
            Ok(p) => {
                Image::new(&p).render(area, &mut cells);
                let s = p.size();
                Size::new(s.width.min(fit.width), s.height.min(fit.rows))
            }
            Err(_) => Size::default(),
        };
        let protocol = if picker.protocol_type() == ProtocolType::Halfblocks {
            None
        } else {
            let resize = Resize::Fit(Some(FilterType::Triangle));
            picker.new_protocol(picture.clone(), size, resize).ok()
        };
        Shown {
            fit,
            cells,
            covered,
            protocol,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgba, RgbaImage};
    use ratatui::style::Color;

    #[test]
    fn half_blocks_fill_the_fit_keeping_the_shape() {
        let red = DynamicImage::ImageRgba8(RgbaImage::from_pixel(320, 180, Rgba([200, 0, 0, 255])));
        let fit = Fit {
            width: 40,
            rows: 30,
        };
        let shown = Encoder::default().encode(&red, fit);
        assert!(shown.protocol.is_none());
        // 16:9 in cells of 1×2 pixels: as wide as the fit, 40 × 9 / 32 rows high, rounded up.
        assert_eq!(shown.covered, Size::new(40, 12));
        assert_eq!(shown.cells[(0, 0)].bg, Color::Rgb(200, 0, 0));
        assert_eq!(shown.cells[(39, 10)].bg, Color::Rgb(200, 0, 0));
        assert_eq!(shown.cells[(0, 12)].bg, Color::Reset);
    }
}
