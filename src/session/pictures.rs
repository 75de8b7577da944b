//! The picture worker: brings one picture of the open article (from the disk cache, the web
//! over http or https, or a file beside a saved page), decodes it with the limits against
//! decompression bombs and scales it to what a terminal can show, on a thread of its own, so
//! the reader never waits. Its news is [`Msg::Picture`].

use std::sync::Arc;

use image::DynamicImage;

use super::Session;
use super::worker;
use crate::app::{Msg, Picture, Worker};
use crate::images::{Cache, Source, decode, fetch};
use crate::strings;

/// The longest side of a picture handed to the reader: more than any terminal pane shows in
/// half blocks, and enough for a graphics protocol at the usual cell sizes.
pub const SHOW_SIDE: u32 = 800;

impl Session {
    /// Starts bringing the picture at `source`, known to the app as `key`
    /// ([`crate::app::Effect::FetchPicture`]).
    pub(super) fn start_picture(&mut self, key: String, source: Source) {
        let cache = self.pictures.clone();
        let answer_key = key.clone();
        let started = worker::spawn(Worker::Pictures, self.tell.clone(), move |tell| {
            let picture = bring(&source, cache.as_ref()).map(|p| Picture(Arc::new(p)));
            tell.send(Msg::Picture { key, picture });
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
