//! The picture worker: brings one picture of the open article (from the disk cache, the web
//! over http or https, or a file beside a saved page), decodes it with the limits against
//! decompression bombs, scales it to what a terminal can show and encodes it for the cells
//! it is drawn in, on a thread of its own, so the reader never waits and drawing only copies
//! cells. A picture's cells that change (a resize) are encoded again there too. Its news is
//! [`Msg::Picture`].

use std::sync::Arc;

use image::DynamicImage;

use super::Session;
use super::worker;
use crate::app::{Msg, Picture, Worker};
use crate::images::{Cache, Encoder, Fit, Source, decode, fetch};
use crate::strings;

/// What the picture worker needs: the disk cache (once the cache folder is known) and how
/// the terminal shows pictures.
#[derive(Debug, Default)]
pub(super) struct Pictures {
    /// Pictures read from the web, kept in `images` beside the search index's folder.
    pub cache: Option<Cache>,
    /// The terminal's way of drawing pictures (half blocks until told).
    pub encoder: Encoder,
}

/// The longest side of a picture handed to the reader: more than any terminal pane shows in
/// half blocks, and enough for a graphics protocol at the usual cell sizes.
pub const SHOW_SIDE: u32 = 800;

impl Session {
    /// Pictures are drawn with `encoder` from now on (the terminal's protocol, found at
    /// start).
    pub fn set_picture_encoder(&mut self, encoder: Encoder) {
        self.pictures.encoder = encoder;
    }

    /// Starts bringing the picture at `source`, known to the app as `key`, encoded for `fit`
    /// ([`crate::app::Effect::FetchPicture`]).
    pub(super) fn start_picture(&mut self, key: String, source: Source, fit: Fit) {
        let cache = self.pictures.cache.clone();
        let encoder = self.pictures.encoder.clone();
        self.picture_work(key, move || {
            let image = Arc::new(bring(&source, cache.as_ref())?);
            let shown = Some(Arc::new(encoder.encode(&image, fit)));
            Ok(Picture { image, shown })
        });
    }

    /// Starts encoding `picture`, known to the app as `key`, for `fit`
    /// ([`crate::app::Effect::ShowPicture`]).
    pub(super) fn show_picture(&mut self, key: String, picture: Picture, fit: Fit) {
        let encoder = self.pictures.encoder.clone();
        self.picture_work(key, move || {
            let shown = Some(Arc::new(encoder.encode(&picture.image, fit)));
            Ok(Picture { shown, ..picture })
        });
    }

    /// Runs `work` on a picture worker, its outcome sent as the picture known as `key`.
    fn picture_work(
        &mut self,
        key: String,
        work: impl FnOnce() -> Result<Picture, String> + Send + 'static,
    ) {
        let answer_key = key.clone();
        let started = worker::spawn(Worker::Pictures, self.tell.clone(), move |tell| {
            tell.send(Msg::Picture {
                key,
                picture: work(),
            });
        });
        match started {
            Some(handle) => self.keep(handle),
            None => self.answer(Msg::Picture {
                key: answer_key,
                picture: Err(strings::NO_THREAD.to_string()),
            }),
        }
    }
}

/// The picture at `source`, decoded and scaled to [`SHOW_SIDE`]: from `cache` when it holds
/// it (a web picture read is kept there), else read.
pub fn bring(source: &Source, cache: Option<&Cache>) -> Result<DynamicImage, String> {
    let key = source.key();
    let web = matches!(source, Source::Web(_));
    let cached = cache.filter(|_| web).and_then(|c| c.get(&key));
    let bytes = match cached {
        Some(bytes) => bytes,
        None => {
            let bytes = fetch(source).map_err(|e| e.to_string())?;
            if let Some(c) = cache.filter(|_| web) {
                // A cache that cannot be written only costs a download next time.
                let _ = c.put(&key, &bytes);
            }
            bytes
        }
    };
    let picture = decode(&bytes).map_err(|e| e.to_string())?;
    Ok(
        if picture.width() > SHOW_SIDE || picture.height() > SHOW_SIDE {
            picture.thumbnail(SHOW_SIDE, SHOW_SIDE)
        } else {
            picture
        },
    )
}
