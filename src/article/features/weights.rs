//! The fitted weights of the boilerplate model (see the parent module): one per feature, in
//! the order of [`NAMES`], and the score from which a block leaves the body.

/// What each feature is, in order.
pub const NAMES: [&str; super::COUNT] = [
    "bias",
    "log2 characters",
    "ends a sentence",
    "clause punctuation per character",
    "digit share",
    "Latin letter share",
    "position in the body",
    "among the first two blocks",
    "among the last three blocks",
    "kinds of notice word",
    "page-tool word share",
    "previous block: log2 characters",
    "next block: log2 characters",
    "previous block ends a sentence",
    "next block ends a sentence",
    "share inside brackets",
    "holds an address",
    "short and unpunctuated",
    "the last block",
    "Latin letter share in a Chinese body",
    "opens with a list number",
];

/// The weight of each feature.
pub const WEIGHTS: [f32; super::COUNT] = [
    6.075, -1.239, 1.094, -1.967, 1.361, 0.950, 0.053, -0.482, 0.124, 1.431, 0.616, -0.047, -0.117,
    0.381, -0.514, 0.202, 0.000, 0.954, -0.725, 0.376, -1.341,
];

/// The probability of boilerplate from which a block is dropped.
pub const THRESHOLD: f32 = 0.9;
