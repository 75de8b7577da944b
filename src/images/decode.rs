//! Decoding a picture with limits. A few kilobytes of PNG or GIF can claim a picture of
//! 100,000 × 100,000 pixels and take tens of gigabytes to decode (a decompression bomb); the
//! header is read first and a picture over [`MAX_SIDE`] pixels on a side or [`MAX_PIXELS`]
//! in all is refused with a message that says so, before anything is allocated. What is
//! decoded is scaled down to 1600 pixels a side at most, since no terminal shows more.

use std::io::Cursor;

use image::{DynamicImage, ImageError, ImageReader, Limits};

/// The most pixels on either side of a picture decoded.
pub const MAX_SIDE: u32 = 10_000;
/// The most pixels of a picture decoded (24 megapixels: a camera's photo).
pub const MAX_PIXELS: u64 = 24_000_000;
/// The most bytes the decoder may allocate.
const MAX_ALLOC: u64 = 256 * 1024 * 1024;
/// The longest side kept after decoding.
const KEEP_SIDE: u32 = 1600;

/// A picture that could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Larger than the limits allow.
    #[error(
        "picture too large to show ({width} × {height} pixels; at most {MAX_SIDE} on a side and {MAX_PIXELS} in all)"
    )]
    TooLarge {
        /// Width the picture claims.
        width: u32,
        /// Height the picture claims.
        height: u32,
    },
    /// Not a picture in a format this program reads (PNG, JPEG, GIF, WebP).
    #[error("not a picture this program reads")]
    Unsupported,
    /// A picture whose data is damaged; the decoder's reason.
    #[error("damaged picture: {0}")]
    Damaged(String),
}

/// Decodes `bytes` into a picture no larger than 1600 pixels on a side.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, DecodeError> {
    let reader = |limited: bool| {
        let mut r = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| DecodeError::Damaged(e.to_string()))?;
        if limited {
            let mut limits = Limits::default();
            limits.max_image_width = Some(MAX_SIDE);
            limits.max_image_height = Some(MAX_SIDE);
            limits.max_alloc = Some(MAX_ALLOC);
            r.limits(limits);
        } else {
            // Only the header is read, to say how large the picture claims to be.
            r.no_limits();
        }
        Ok::<_, DecodeError>(r)
    };
    let (width, height) = reader(false)?
        .into_dimensions()
        .map_err(|e| classify(e, (0, 0)))?;
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(DecodeError::TooLarge { width, height });
    }
    let picture = reader(true)?
        .decode()
        .map_err(|e| classify(e, (width, height)))?;
    Ok(if width > KEEP_SIDE || height > KEEP_SIDE {
        picture.thumbnail(KEEP_SIDE, KEEP_SIDE)
    } else {
        picture
    })
}

/// The error for a decoder's failure on a picture of `size` (when known).
fn classify(e: ImageError, (width, height): (u32, u32)) -> DecodeError {
    match e {
        ImageError::Limits(_) => DecodeError::TooLarge { width, height },
        ImageError::Unsupported(_) => DecodeError::Unsupported,
        other => DecodeError::Damaged(crate::decode::sanitize_line(&other.to_string())),
    }
}
