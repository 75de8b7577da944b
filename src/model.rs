//! The vocabulary every layer shares: what an article is called ([`ArticleId`]), where it
//! comes from ([`Origin`]), what the Articles list shows of it ([`Entry`]) and in which order
//! ([`Order`]), and the places the reader remembers in it ([`StoredPlace`], [`Bookmark`]).
//! The catalog stores these, the library and the feeds make them, the app holds them and the
//! view shows them; this module depends on none of those, only on the layout's [`Place`].

use std::path::PathBuf;

use crate::layout::Place;

/// A stable number for an article in the catalog: everything about an article (its place in
/// the lists, the cached layout, search results) is keyed by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub i64);

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A file, by its absolute path.
    File(PathBuf),
    /// An article built into the program, by name.
    Embedded(String),
    /// A news feed item, by its guid (one article however many feeds carry it).
    Item(String),
}

/// What the Articles list needs of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The article's number.
    pub id: ArticleId,
    /// Where it comes from.
    pub origin: Origin,
    /// What its reading position and bookmarks are kept under.
    pub key: String,
    /// Its title.
    pub title: String,
    /// Its date (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// Its time of day (`HH:MM`, in the zone of `date`), when known.
    pub time: Option<String>,
    /// Its source (publisher), when known.
    pub source: Option<String>,
    /// How many sections it has, the lead included.
    pub sections: u32,
    /// Whether it has been read (opened, or marked read).
    pub read: bool,
    /// The feeds that carry it, by address (none for files).
    pub feeds: Vec<String>,
}

impl Entry {
    /// When it was published, as text that sorts in time order: `YYYY-MM-DD HH:MM`, or the
    /// date alone when the time is not known (before every time of that day); `None`
    /// without a date.
    pub fn when(&self) -> Option<String> {
        let date = self.date.as_deref()?;
        Some(match self.time.as_deref() {
            Some(time) => format!("{date} {time}"),
            None => date.to_string(),
        })
    }
}

/// How the Articles list is ordered (`sort` in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Order {
    /// Newest first where dates are known, then the undated articles by path.
    #[default]
    NewestFirst,
    /// By path, as the folders were walked.
    Path,
}

impl Order {
    /// The name the config uses.
    pub fn name(self) -> &'static str {
        match self {
            Order::NewestFirst => "newest-first",
            Order::Path => "path",
        }
    }
}

/// A remembered place: in the current form, or as an older `state.toml` stored it (a block
/// index and a byte offset), which is turned into a [`Place`] when its article is next open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoredPlace {
    /// Section, paragraph, character offset.
    Place(Place),
    /// Block index and byte offset, from `state.toml`.
    Legacy {
        /// Index of the block in the reader's text.
        block: u32,
        /// Byte offset in that block.
        offset: u32,
    },
}

/// A bookmark: an article (by key), a place in it, and enough to list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    /// The article's key.
    pub key: String,
    /// Where in the article.
    pub place: StoredPlace,
    /// The article's title when the bookmark was made.
    pub title: String,
    /// A line of the text at the bookmark.
    pub snippet: String,
}
