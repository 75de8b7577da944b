//! The stored form of a parsed article: compact binary (`postcard`) compressed with LZ4, a
//! format byte in front. News text compresses to about half, and an article of megabytes
//! decodes in milliseconds, so opening one from the catalog is as quick as reading a file.

use serde::{Deserialize, Serialize};

use super::CatalogError;
use crate::article::{Article, Link, Picture, Reasons, Section};

/// The first byte of every stored article; a new layout gets a new number.
const FORMAT: u8 = 4;

/// What is stored of an article, borrowed for writing. Every field of [`Article`] is named in
/// the conversions below, so a field added there cannot be forgotten here.
#[derive(Serialize)]
struct Out<'a> {
    path: &'a Option<String>,
    title: &'a str,
    date: &'a Option<String>,
    time: &'a Option<String>,
    place: &'a Option<String>,
    byline: &'a Option<String>,
    editor: &'a Option<String>,
    source: &'a Option<String>,
    encoding: &'a str,
    url: &'a Option<String>,
    links: &'a [Link],
    sections: &'a [Section],
    dropped: &'a [String],
    indented: bool,
    why: &'a Reasons,
    images: &'a [Picture],
}

/// What is stored of an article, owned for reading.
#[derive(Deserialize)]
struct In {
    path: Option<String>,
    title: String,
    date: Option<String>,
    time: Option<String>,
    place: Option<String>,
    byline: Option<String>,
    editor: Option<String>,
    source: Option<String>,
    encoding: String,
    url: Option<String>,
    links: Vec<Link>,
    sections: Vec<Section>,
    dropped: Vec<String>,
    indented: bool,
    why: Reasons,
    images: Vec<Picture>,
}

/// An article in its stored form (compressed), made with [`Packed::of`] on any thread, so
/// that the thread writing to the catalog does not spend its time compressing, nor keying the
/// article's lines for its source's furniture counts.
#[derive(Debug, Clone)]
pub struct Packed {
    pub(super) bytes: Vec<u8>,
    /// The keys of its body lines ([`crate::article::furniture::keys`]).
    pub(super) lines: Vec<u64>,
}

impl Packed {
    /// The stored form of `article`.
    pub fn of(article: &Article) -> Result<Packed, CatalogError> {
        Ok(Packed {
            bytes: encode(article)?,
            lines: crate::article::furniture::keys(article),
        })
    }

    /// Its size in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether it is empty (never, for a packed article).
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// The stored bytes of `article`.
pub(super) fn encode(article: &Article) -> Result<Vec<u8>, CatalogError> {
    let Article {
        path,
        title,
        date,
        time,
        place,
        byline,
        editor,
        source,
        encoding,
        url,
        links,
        sections,
        dropped,
        indented,
        why,
        images,
    } = article;
    let out = Out {
        path,
        title,
        date,
        time,
        place,
        byline,
        editor,
        source,
        encoding,
        url,
        links,
        sections,
        dropped,
        indented: *indented,
        why,
        images,
    };
    let raw = postcard::to_allocvec(&out).map_err(|e| CatalogError::Blob(e.to_string()))?;
    let mut bytes = vec![FORMAT];
    bytes.extend(lz4_flex::compress_prepend_size(&raw));
    Ok(bytes)
}

/// The article stored as `bytes`.
pub(super) fn decode(bytes: &[u8]) -> Result<Article, CatalogError> {
    let Some((&FORMAT, packed)) = bytes.split_first() else {
        return Err(CatalogError::Blob("unknown format".into()));
    };
    let raw = lz4_flex::decompress_size_prepended(packed)
        .map_err(|e| CatalogError::Blob(e.to_string()))?;
    let In {
        path,
        title,
        date,
        time,
        place,
        byline,
        editor,
        source,
        encoding,
        url,
        links,
        sections,
        dropped,
        indented,
        why,
        images,
    } = postcard::from_bytes(&raw).map_err(|e| CatalogError::Blob(e.to_string()))?;
    Ok(Article {
        path,
        title,
        date,
        time,
        place,
        byline,
        editor,
        source,
        encoding,
        url,
        links,
        sections,
        dropped,
        indented,
        why,
        images,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_round_trip_and_shrink() {
        let mut a = crate::library::Library::embedded().articles.remove(0);
        a.indented = true;
        a.path = Some("/news/a.txt".into());
        let bytes = encode(&a).unwrap();
        assert_eq!(decode(&bytes).unwrap(), a);
        let text: usize = a.texts().map(str::len).sum();
        assert!(
            bytes.len() < text,
            "{} stored for {text} of text",
            bytes.len()
        );
    }

    #[test]
    fn damage_is_an_error_not_a_panic() {
        let a = crate::library::Library::embedded().articles.remove(0);
        let bytes = encode(&a).unwrap();
        for cut in [0, 1, 5, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        flipped[0] = 9;
        assert!(decode(&flipped).is_err());
    }
}
