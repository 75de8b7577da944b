//! The open article's pictures: which are wanted (those within a screen of what the reader
//! shows, asked for with [`Effect::FetchPicture`] once each), and what came back
//! ([`Msg::Picture`]): the picture, encoded by the worker for the cells it is drawn in, or why
//! it cannot be shown. When those cells change (a resize), the worker encodes it again
//! ([`Effect::ShowPicture`]). The reader never waits: a picture not yet here is drawn as its
//! placeholder, and drawing only copies cells.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use image::DynamicImage;

use super::{App, Effect};
use crate::images::{Fit, Images, Shown, Source, resolve};
use crate::strings;

/// The most pictures kept in memory (those of the last articles read; 24 of at most 800
/// pixels a side are at most 60 MB); past it, the ones
/// not on screen are dropped and fetched again from the disk cache when wanted.
const KEEP: usize = 24;

/// A decoded picture and, once the worker encoded it, the same ready to draw in its cells
/// (shown in debug output by its sizes only; equal when it is the same picture, encoded
/// the same).
#[derive(Clone)]
pub struct Picture {
    /// The picture, decoded and scaled to what a terminal can show.
    pub image: Arc<DynamicImage>,
    /// It encoded for the screen.
    pub shown: Option<Arc<Shown>>,
}

impl Picture {
    /// A picture not encoded yet.
    pub fn new(image: Arc<DynamicImage>) -> Picture {
        Picture { image, shown: None }
    }

    /// The cells it is encoded for, if it is.
    pub fn fit(&self) -> Option<Fit> {
        self.shown.as_ref().map(|s| s.fit)
    }
}

impl std::fmt::Debug for Picture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (w, h) = (self.image.width(), self.image.height());
        write!(f, "Picture({w}×{h}, {:?})", self.fit())
    }
}

impl PartialEq for Picture {
    fn eq(&self, other: &Picture) -> bool {
        Arc::ptr_eq(&self.image, &other.image)
            && match (&self.shown, &other.shown) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

impl Eq for Picture {}

/// Where a picture is.
#[derive(Debug, Clone)]
pub enum PictureState {
    /// Asked for, not here yet.
    Loading,
    /// Decoded, ready to draw.
    Ready(Picture),
    /// It cannot be shown; why.
    Failed(String),
}

/// The pictures of the open article and those fetched.
#[derive(Debug, Default)]
pub(super) struct Pictures {
    /// The article the sources are for (its address in memory).
    article: usize,
    /// Each picture's source, by its index in the article's `images`.
    sources: Vec<Option<Source>>,
    /// What each source has become, by its key.
    states: HashMap<String, PictureState>,
    /// The cells each picture was last asked to be encoded for, by its key.
    asked: HashMap<String, Fit>,
}

/// The rows the reader keeps for each picture in a pane `height` rows high whose text column
/// is `column` cells wide: a 16:9 picture as wide as the column (a cell is twice as high as
/// wide, two pixels per row in half blocks), never more than half the pane.
pub fn picture_rows(height: u16, column: u16) -> u16 {
    (u32::from(column) * 9 / 32)
        .min(u32::from(height / 2))
        .max(1) as u16
}

impl App {
    /// The rows each picture takes at the reader's current size (0 with `images = "off"`).
    pub(super) fn picture_rows(&self, width: u16) -> u16 {
        if self.options.images == Images::Off {
            return 0;
        }
        let height = self.areas().reader.height;
        picture_rows(height, self.options.column_width(width))
    }

    /// What picture `image` of the open article is, if it was asked for.
    pub fn picture(&self, image: usize) -> Option<&PictureState> {
        let p = &self.pictures;
        if p.article != Arc::as_ptr(&self.open.article) as usize {
            return None;
        }
        let key = p.sources.get(image)?.as_ref()?.key();
        p.states.get(&key)
    }

    /// The cells each picture of the open article is drawn in.
    pub(super) fn picture_fit(&self) -> Fit {
        Fit {
            width: self.layout.column_width(),
            rows: self.layout.options().picture_rows,
        }
    }

    /// Takes a picture the worker brought (or encoded again). One encoded for cells the
    /// reader no longer has does not replace one encoded for the cells it has.
    pub(super) fn picture_arrived(&mut self, key: String, picture: Result<Picture, String>) {
        let fit = self.picture_fit();
        let state = match picture {
            Ok(p) => {
                if p.shown.is_none() {
                    // Nothing encodes it now: asked for when wanted.
                    self.pictures.asked.remove(&key);
                }
                if let Some(PictureState::Ready(old)) = self.pictures.states.get(&key)
                    && old.fit() == Some(fit)
                    && p.fit() != Some(fit)
                {
                    return;
                }
                PictureState::Ready(p)
            }
            Err(why) => PictureState::Failed(why),
        };
        self.pictures.states.insert(key, state);
    }

    /// Asks for the pictures within a screen of what the reader shows that were not asked
    /// for yet.
    pub(super) fn want_pictures(&mut self) {
        let boxes = self.layout.pictures();
        if boxes.is_empty() {
            return;
        }
        let article = Arc::as_ptr(&self.open.article) as usize;
        if self.pictures.article != article {
            let a = &self.open.article;
            let page = a.path.as_deref().map(Path::new);
            self.pictures.article = article;
            self.pictures.sources = a
                .images
                .iter()
                .map(|p| resolve(&p.src, a.url.as_deref(), page))
                .collect();
        }
        let height = self.reader_height();
        let (from, to) = (
            self.top.saturating_sub(height),
            self.top.saturating_add(height.saturating_mul(2)),
        );
        let first = boxes.partition_point(|b| b.row + usize::from(b.rows) <= from);
        let wanted: Vec<usize> = boxes[first..]
            .iter()
            .take_while(|b| b.row < to)
            .map(|b| b.image)
            .collect();
        let fit = self.picture_fit();
        for image in wanted {
            let Some(source) = self.pictures.sources.get(image) else {
                continue;
            };
            let Some(source) = source.clone() else {
                continue;
            };
            let key = source.key();
            match self.pictures.states.get(&key) {
                None => {
                    self.forget_pictures();
                    self.pictures
                        .states
                        .insert(key.clone(), PictureState::Loading);
                    self.pictures.asked.insert(key.clone(), fit);
                    self.effects.push(Effect::FetchPicture { key, source, fit });
                }
                // Here, but encoded for other cells (or not at all): encoded again, once.
                Some(PictureState::Ready(p))
                    if p.fit() != Some(fit) && self.pictures.asked.get(&key) != Some(&fit) =>
                {
                    let picture = Picture::new(Arc::clone(&p.image));
                    self.pictures.asked.insert(key.clone(), fit);
                    self.effects.push(Effect::ShowPicture { key, picture, fit });
                }
                Some(_) => {}
            }
        }
    }

    /// Keeps at most [`KEEP`] pictures: past it, the ready ones go (they come back from the
    /// disk cache when wanted again).
    fn forget_pictures(&mut self) {
        let states = &mut self.pictures.states;
        if states.len() >= KEEP {
            states.retain(|_, s| !matches!(s, PictureState::Ready(_)));
            let asked = &mut self.pictures.asked;
            asked.retain(|k, _| states.contains_key(k));
        }
    }

    /// Why picture `image` of the open article is not fetched, when its address may not be
    /// read (`data:`, `file:`, outside a saved page's folder, relative with no base).
    pub fn picture_refused(&self, image: usize) -> bool {
        self.pictures.article == Arc::as_ptr(&self.open.article) as usize
            && matches!(self.pictures.sources.get(image), Some(None))
    }
}

/// The note drawn for a picture that is not shown.
pub fn picture_note(state: Option<&PictureState>, refused: bool) -> Option<String> {
    match state {
        Some(PictureState::Ready(_)) => None,
        Some(PictureState::Failed(why)) => Some(format!("{}{why}", strings::PICTURE_FAILED)),
        Some(PictureState::Loading) | None if refused => {
            Some(strings::PICTURE_NOT_FETCHED.to_string())
        }
        Some(PictureState::Loading) | None => Some(strings::PICTURE_LOADING.to_string()),
    }
}
