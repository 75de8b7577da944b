//! Pictures in articles, the parts that need no screen: where a picture comes from (a web
//! address, or a file next to a saved page), fetching it with limits (http and https only,
//! at most [`MAX_BYTES`]), decoding it with limits against decompression bombs, a cache in
//! the cache folder that never grows past its cap, and how the terminal can show it (its
//! graphics protocol, read from the answers to a capability query, or half blocks), and
//! encoding a picture for the cells it is drawn in. The reader's picture worker calls these;
//! drawing only copies what they made.

mod cache;
mod decode;
mod encode;
mod fetch;
mod protocol;
mod source;

pub use cache::{Cache, DEFAULT_CAP};
pub use decode::{DecodeError, MAX_PIXELS, MAX_SIDE, decode};
pub use encode::{Encoder, Fit, Shown};
pub use fetch::{FetchError, MAX_BYTES, fetch};
pub use protocol::{Kind, Support, choose, parse_replies, query, rows_for};
pub use source::{Source, resolve};

use serde::{Deserialize, Serialize};

/// How pictures are shown (`images` in the config).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Images {
    /// With the terminal's graphics protocol when it answers the capability query (kitty,
    /// iTerm2, sixel), in half blocks otherwise.
    #[default]
    Auto,
    /// Always in half blocks (`▀` with two colours per cell), which every colour terminal
    /// draws.
    Halfblocks,
    /// Not drawn: the placeholder `[图片：alt]` stands in the text.
    Off,
}

impl Images {
    /// The name a config file uses.
    pub fn name(self) -> &'static str {
        match self {
            Images::Auto => "auto",
            Images::Halfblocks => "halfblocks",
            Images::Off => "off",
        }
    }
}
