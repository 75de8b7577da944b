//! Pictures in the reader pane, drawn with `ratatui-image` into the rows the layout keeps for
//! them: with the terminal's graphics protocol when the whole picture is on screen, in half
//! blocks when only part of it is (a protocol's picture cannot be cut) or when the terminal
//! has no protocol. A picture not here yet is a one-line note; scrolling never waits for one.
//! Encoding a picture for the screen is done once per picture and size and kept.

use std::collections::HashMap;
use std::sync::Arc;

use image::DynamicImage;
use image::imageops::FilterType;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::protocol::Protocol;
use ratatui_image::{FontSize, Image, Resize};

use crate::app::{App, Picture, PictureState, picture_note};
use crate::images::Kind;

/// The most encoded pictures kept: a few screens' worth.
const KEEP: usize = 48;

/// How pictures are drawn, and the pictures encoded for the screen so far.
pub struct PictureCache {
    /// The protocol chosen at start, and the cell size.
    picker: Picker,
    /// Half blocks, for pictures only partly on screen.
    halfblocks: Picker,
    /// Encoded pictures by (picture, width, height, in half blocks).
    drawn: HashMap<(usize, u16, u16, bool), Protocol>,
}

impl std::fmt::Debug for PictureCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PictureCache")
            .field("protocol", &self.picker.protocol_type())
            .field("drawn", &self.drawn.len())
            .finish()
    }
}

impl Default for PictureCache {
    fn default() -> Self {
        PictureCache::new(Kind::Halfblocks, None)
    }
}

impl PictureCache {
    /// Draws pictures as `kind` in cells of `cell` pixels (when the terminal said).
    pub fn new(kind: Kind, cell: Option<(u16, u16)>) -> PictureCache {
        let mut picker = match cell {
            // The cell size the terminal answered, the one thing a protocol needs.
            #[allow(deprecated)]
            Some((w, h)) => Picker::from_fontsize(FontSize::new(w, h)),
            None => Picker::halfblocks(),
        };
        picker.set_protocol_type(kind.protocol_type());
        PictureCache {
            picker,
            halfblocks: Picker::halfblocks(),
            drawn: HashMap::new(),
        }
    }

    /// `picture` encoded for `size` cells (in half blocks when `halves`).
    fn encoded(
        &mut self,
        picture: &Arc<DynamicImage>,
        size: Size,
        halves: bool,
    ) -> Option<&Protocol> {
        let key = (
            Arc::as_ptr(picture) as usize,
            size.width,
            size.height,
            halves,
        );
        if !self.drawn.contains_key(&key) {
            if self.drawn.len() >= KEEP {
                self.drawn.clear();
            }
            let halves = halves || self.picker.protocol_type() == ProtocolType::Halfblocks;
            // Half blocks fill the rows kept (a cell shows only two pixels); a protocol
            // shows the picture at most at its own size.
            let (picker, resize) = if halves {
                (&self.halfblocks, Resize::Scale(Some(FilterType::Triangle)))
            } else {
                (&self.picker, Resize::Fit(Some(FilterType::Triangle)))
            };
            let protocol = picker
                .new_protocol(DynamicImage::clone(picture), size, resize)
                .ok()?;
            self.drawn.insert(key, protocol);
        }
        self.drawn.get(&key)
    }
}

/// Draws the pictures whose rows are among those the reader shows in `area`, the row at the
/// top being row `top` of the layout.
pub fn draw(
    buf: &mut Buffer,
    app: &App,
    area: Rect,
    top: usize,
    cache: &mut PictureCache,
    note: Style,
) {
    let layout = app.layout();
    let boxes = layout.pictures();
    let bottom = top.saturating_add(usize::from(area.height));
    let first = boxes.partition_point(|b| b.row + usize::from(b.rows) <= top);
    let width = layout
        .column_width()
        .min(area.width.saturating_sub(layout.margin()));
    for b in boxes[first..].iter().take_while(|b| b.row < bottom) {
        let x = area.x + layout.margin();
        let state = app.picture(b.image);
        if let Some(text) = picture_note(state, app.picture_refused(b.image)) {
            if b.row >= top {
                let y = area.y + (b.row - top) as u16;
                buf.set_stringn(x, y, text, usize::from(width), note);
            }
            continue;
        }
        let Some(PictureState::Ready(Picture(picture))) = state else {
            continue;
        };
        let size = Size::new(width, b.rows);
        let whole = b.row >= top && b.row + usize::from(b.rows) <= bottom;
        if whole {
            let y = area.y + (b.row - top) as u16;
            if let Some(p) = cache.encoded(picture, size, false) {
                Image::new(p).render(Rect::new(x, y, width, b.rows), buf);
            }
            continue;
        }
        // Only part of it shows: drawn in half blocks apart, and the rows on screen copied.
        let Some(p) = cache.encoded(picture, size, true) else {
            continue;
        };
        let full = Rect::new(0, 0, width, b.rows);
        let mut apart = Buffer::empty(full);
        Image::new(p).render(full, &mut apart);
        for dy in 0..b.rows {
            let row = b.row + usize::from(dy);
            if row < top || row >= bottom {
                continue;
            }
            let y = area.y + (row - top) as u16;
            for dx in 0..width {
                buf[(x + dx, y)] = apart[(dx, dy)].clone();
            }
        }
    }
}
