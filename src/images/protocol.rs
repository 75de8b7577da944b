//! How the terminal can show a picture. At start the reader writes a capability query (the
//! kitty graphics query, primary device attributes for sixel, the cell size in pixels and a
//! status report that every terminal answers, from `ratatui-image`) and reads the answers;
//! this module reads those answers and picks the protocol: kitty, then sixel, then iTerm2
//! when the environment names a terminal that speaks it, and half blocks when nothing else
//! is known (a graphics protocol needs the cell size to place pixels).

use ratatui_image::picker::ProtocolType;
use ratatui_image::picker::cap_parser::{Parser, QueryStdioOptions, Response};

use super::Images;

/// The way a picture is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `▀` cells with a foreground and background colour: two pixels per cell.
    Halfblocks,
    /// The kitty graphics protocol.
    Kitty,
    /// Sixel graphics.
    Sixel,
    /// iTerm2's inline images.
    Iterm2,
}

impl Kind {
    /// The protocol type of `ratatui-image`.
    pub fn protocol_type(self) -> ProtocolType {
        match self {
            Kind::Halfblocks => ProtocolType::Halfblocks,
            Kind::Kitty => ProtocolType::Kitty,
            Kind::Sixel => ProtocolType::Sixel,
            Kind::Iterm2 => ProtocolType::Iterm2,
        }
    }
}

/// What a terminal said about itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Support {
    /// It answered at all (the status report came back).
    pub answered: bool,
    /// It speaks the kitty graphics protocol.
    pub kitty: bool,
    /// It draws sixels.
    pub sixel: bool,
    /// A cell's size in pixels (width, height), when it said.
    pub cell: Option<(u16, u16)>,
}

/// The capability query to write to the terminal (`tmux`: wrapped for tmux's passthrough).
pub fn query(tmux: bool) -> String {
    Parser::query(tmux, QueryStdioOptions::default())
}

/// Reads a terminal's answers to [`query`], as bytes in the order they came.
pub fn parse_replies(bytes: &[u8]) -> Support {
    let mut parser = Parser::new();
    let mut support = Support::default();
    for &b in bytes {
        for response in parser.push(char::from(b)) {
            match response {
                Response::Kitty => support.kitty = true,
                Response::Sixel => support.sixel = true,
                Response::CellSize(Some((w, h))) if w > 0 && h > 0 => {
                    support.cell = Some((w, h));
                }
                Response::Status => support.answered = true,
                _ => {}
            }
        }
    }
    support
}

/// How to draw pictures in `mode`, for a terminal that said `support`; `iterm2` says the
/// environment names a terminal known to speak iTerm2's protocol. `None`: not at all.
pub fn choose(mode: Images, support: &Support, iterm2: bool) -> Option<Kind> {
    match mode {
        Images::Off => None,
        Images::Halfblocks => Some(Kind::Halfblocks),
        Images::Auto if support.cell.is_none() => Some(Kind::Halfblocks),
        Images::Auto if support.kitty => Some(Kind::Kitty),
        Images::Auto if support.sixel => Some(Kind::Sixel),
        Images::Auto if iterm2 => Some(Kind::Iterm2),
        Images::Auto => Some(Kind::Halfblocks),
    }
}

/// The rows a picture of `pixels` (width, height) takes when drawn at most `columns` wide
/// with cells of `cell` pixels, keeping its shape, never more than `max_rows` (and at least
/// one row).
pub fn rows_for(pixels: (u32, u32), columns: u16, cell: (u16, u16), max_rows: u16) -> u16 {
    let (w, h) = (u64::from(pixels.0.max(1)), u64::from(pixels.1.max(1)));
    let (cw, ch) = (u64::from(cell.0.max(1)), u64::from(cell.1.max(1)));
    // Not wider than the column, and never scaled up.
    let width_px = (u64::from(columns) * cw).min(w);
    let height_px = h * width_px / w;
    let rows = height_px.div_ceil(ch);
    u16::try_from(rows)
        .unwrap_or(u16::MAX)
        .clamp(1, max_rows.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_asks_for_everything_it_reads() {
        let q = query(false);
        assert!(q.contains("\x1b_G"), "kitty");
        assert!(q.contains("\x1b[c"), "device attributes");
        assert!(q.contains("\x1b[16t"), "cell size");
        assert!(q.contains("\x1b[5n"), "status");
    }

    #[test]
    fn rows_keep_the_picture_shape_within_the_limit() {
        // 800×400 pixels in 40 columns of 10×20 pixels: 400 pixels wide, 200 high, 10 rows.
        assert_eq!(rows_for((800, 400), 40, (10, 20), 30), 10);
        assert_eq!(rows_for((800, 4000), 40, (10, 20), 12), 12);
        // Small pictures are not scaled up.
        assert_eq!(rows_for((100, 100), 40, (10, 20), 30), 5);
        assert_eq!(rows_for((0, 0), 0, (0, 0), 0), 1);
    }
}
