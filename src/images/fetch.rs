//! Reading a picture's bytes: from the web with the feeds' HTTP client (http and https only,
//! redirects checked hop by hop, timeouts, proxies from the environment), or from a file
//! beside a saved page; never more than [`MAX_BYTES`].

use crate::feed::{FetchOptions, Problem, fetch_resource};
use crate::files::{ReadError, read_capped};

use super::Source;

/// The largest picture read, in bytes.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// What the image requests accept.
const ACCEPT_IMAGE: &str = "image/avif, image/webp, image/png, image/jpeg, image/gif, \
    image/*;q=0.8, */*;q=0.5";

/// A picture that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The web request failed.
    #[error("{0}")]
    Web(Problem),
    /// The file could not be read.
    #[error("{path}: {reason}")]
    File {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
}

/// The bytes of the picture at `source`, at most [`MAX_BYTES`] of them.
pub fn fetch(source: &Source) -> Result<Vec<u8>, FetchError> {
    match source {
        Source::Web(url) => {
            let options = FetchOptions {
                max_bytes: MAX_BYTES,
                ..FetchOptions::default()
            };
            fetch_resource(url.as_str(), ACCEPT_IMAGE, &options).map_err(FetchError::Web)
        }
        Source::File(path) => read_capped(path, MAX_BYTES).map_err(|e| FetchError::File {
            path: crate::decode::sanitize_line(&path.to_string_lossy()),
            reason: match e {
                ReadError::TooLarge { .. } => Problem::TooLarge(MAX_BYTES).to_string(),
                other => other.to_string(),
            },
        }),
    }
}
