//! The library: the articles named on the command line or in the config (files, and folders
//! read recursively), or the embedded sample when nothing is named. A file that cannot be
//! read or parsed becomes a [`LoadError`] beside the articles that did load: one bad file
//! never stops the rest.

pub mod decoded;
mod error;
pub mod refresh;
pub mod scan;
pub mod stream;

pub use error::{LoadError, Problem, display_path};

use std::path::{Path, PathBuf};

use crate::article::{self, Article, Format};
use crate::decode::{self, DecodeError};

/// The sample article that ships inside the binary.
pub const EMBEDDED: &[(&str, &[u8])] = &[(
    "000_cbc56e87487c11ac.txt",
    include_bytes!("../assets/000_cbc56e87487c11ac.txt"),
)];

/// File extensions read from folders.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// The default for the largest article file read: 64 MB.
pub const DEFAULT_MAX_BYTES: u64 = 64 << 20;

/// How files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Read every file in this encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Files larger than this are refused with [`Problem::TooLarge`] before they are read.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            encoding: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Articles in library order, and the files that failed.
#[derive(Debug, Default)]
pub struct Library {
    /// The articles that loaded, in the order their paths were given (folders sorted by name).
    pub articles: Vec<Article>,
    /// One entry per file that could not be loaded.
    pub errors: Vec<LoadError>,
}

/// The title to use when the text has none: the file name without its extension.
fn fallback_title(path: &Path) -> String {
    path.file_stem()
        .map(|s| decode::sanitize_line(&s.to_string_lossy()))
        .unwrap_or_default()
}

/// Decodes and parses one article from bytes. `name` gives the extension and the fallback
/// title. A bug met on the way (a panic) is caught and becomes [`Problem::Internal`], so one
/// strange file never takes the rest of the library down with it.
pub fn parse_bytes(
    bytes: &[u8],
    name: &Path,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<Article, Problem> {
    guarded(|| parse_decoded(decode_bytes(bytes, encoding)?, name))
}

/// [`parse_bytes`] for bytes it may free once they are decoded, so that a large file is not
/// held twice while it is parsed.
fn parse_owned(
    bytes: Vec<u8>,
    name: &Path,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<Article, Problem> {
    guarded(move || {
        let decoded = decode_bytes(&bytes, encoding)?;
        drop(bytes);
        parse_decoded(decoded, name)
    })
}

/// Runs parsing work under [`crate::guard::catch`]: a panic becomes [`Problem::Internal`].
fn guarded(work: impl FnOnce() -> Result<Article, Problem>) -> Result<Article, Problem> {
    crate::guard::catch(work)
        .unwrap_or_else(|why| Err(Problem::Internal(decode::sanitize_line(&why))))
}

fn decode_bytes(
    bytes: &[u8],
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<decode::Decoded, Problem> {
    decode::decode(bytes, encoding).map_err(|e| match e {
        DecodeError::Binary => Problem::Binary,
        DecodeError::NotInEncoding(name) => Problem::NotInEncoding(name),
    })
}

fn parse_decoded(decoded: decode::Decoded, name: &Path) -> Result<Article, Problem> {
    if decoded.text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    let ext = name.extension().and_then(|e| e.to_str());
    let format = Format::detect(ext, &decoded.text);
    let mut article = article::parse(&decoded.text, format, &fallback_title(name));
    article.encoding = decoded.encoding.to_string();
    Ok(article)
}

/// Loads one article file, detecting its encoding unless `encoding` is given.
pub fn load_file(
    path: &Path,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<Article, LoadError> {
    load_file_with(
        path,
        &LoadOptions {
            encoding,
            ..LoadOptions::default()
        },
    )
}

/// An article file's bytes: opened without blocking, checked to be a regular file on the
/// open handle, read through the size limit.
fn read_bytes(path: &Path, options: &LoadOptions) -> Result<Vec<u8>, LoadError> {
    crate::files::read_capped(path, options.max_bytes).map_err(|e| {
        let problem = match e {
            crate::files::ReadError::NotFound => Problem::NotFound,
            crate::files::ReadError::NotRegular => Problem::NotRegular,
            crate::files::ReadError::TooLarge { size, cap } => {
                Problem::TooLarge { size, limit: cap }
            }
            crate::files::ReadError::Io(e) => io_problem(&e),
        };
        LoadError::new(path, problem)
    })
}

/// Loads one article file as `options` say: opened without blocking, checked to be a
/// regular file on the open handle, read through the size limit, parsed under a guard.
pub fn load_file_with(path: &Path, options: &LoadOptions) -> Result<Article, LoadError> {
    let bytes = read_bytes(path, options)?;
    let mut article =
        parse_owned(bytes, path, options.encoding).map_err(|p| LoadError::new(path, p))?;
    article.path = Some(path.to_string_lossy().into_owned());
    Ok(article)
}

/// The keys of the lines of a file's text, read without parsing it: what the counting pass
/// of a folder's furniture learns from it. `None` when it cannot be read. The decoded text
/// is handed to `keep` (when given), so that the parse need not decode the file again.
pub fn line_keys(
    path: &Path,
    options: &LoadOptions,
    keep: Option<&decoded::DecodedTexts>,
) -> Option<Vec<u64>> {
    let bytes = read_bytes(path, options).ok()?;
    let decoded = decode_bytes(&bytes, options.encoding).ok()?;
    drop(bytes);
    let format = Format::detect(path.extension().and_then(|e| e.to_str()), &decoded.text);
    let keys = article::furniture::text_keys(&decoded.text, format);
    if let Some(keep) = keep {
        keep.keep(path, decoded);
    }
    Some(keys)
}

/// Parses the text already decoded from the file at `path`, as [`load_file_with`] would
/// after reading and decoding it.
pub fn load_decoded(path: &Path, decoded: decode::Decoded) -> Result<Article, LoadError> {
    let mut article =
        guarded(move || parse_decoded(decoded, path)).map_err(|p| LoadError::new(path, p))?;
    article.path = Some(path.to_string_lossy().into_owned());
    Ok(article)
}

/// The text of an article's file as it was read, decoded and sanitised but not parsed: what
/// the reader's source view shows, so that a reader can see what the parser removed.
pub fn read_source(path: &Path, options: &LoadOptions) -> Result<String, LoadError> {
    let bytes = read_bytes(path, options)?;
    decode_bytes(&bytes, options.encoding)
        .map(|d| d.text)
        .map_err(|p| LoadError::new(path, p))
}

/// The text of the embedded article called `name`, decoded and sanitised.
pub fn embedded_source(name: &str) -> Option<String> {
    let (_, bytes) = EMBEDDED.iter().find(|(n, _)| *n == name)?;
    decode_bytes(bytes, None).ok().map(|d| d.text)
}

fn io_problem(e: &std::io::Error) -> Problem {
    match e.kind() {
        std::io::ErrorKind::NotFound => Problem::NotFound,
        _ => Problem::Unreadable(decode::sanitize_line(&e.to_string())),
    }
}

/// Whether a file found in a folder is one we read: a known extension, not hidden.
fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
}

/// The files a path stands for: itself, or the wanted files under a folder in name order.
/// Problems found while walking are returned beside the files.
pub fn expand(path: &Path) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    match std::fs::metadata(path) {
        Err(e) => errors.push(LoadError::new(path, io_problem(&e))),
        Ok(m) if m.is_dir() => {
            let walker = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| !hidden(e));
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() && wanted(e.path()) => {
                        files.push(e.into_path());
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let at = e.path().unwrap_or(path).to_path_buf();
                        let problem = if e.loop_ancestor().is_some() {
                            Problem::SymlinkLoop
                        } else if let Some(io) = e.io_error() {
                            io_problem(io)
                        } else {
                            Problem::Unreadable(decode::sanitize_line(&e.to_string()))
                        };
                        errors.push(LoadError::new(&at, problem));
                    }
                }
            }
        }
        Ok(_) => files.push(path.to_path_buf()),
    }
    (files, errors)
}

impl Library {
    /// Loads every article under `paths`, in order, keeping going past failures.
    pub fn load(paths: &[PathBuf], encoding: Option<&'static encoding_rs::Encoding>) -> Library {
        Library::load_with(
            paths,
            &LoadOptions {
                encoding,
                ..LoadOptions::default()
            },
        )
    }

    /// Loads every article under `paths` as `options` say, in order, keeping going past
    /// failures.
    pub fn load_with(paths: &[PathBuf], options: &LoadOptions) -> Library {
        Library::load_each(paths, |file| load_file_with(file, options))
    }

    /// The walk shared by the loaders: each file found is loaded by `load`, in order.
    fn load_each(paths: &[PathBuf], load: impl Fn(&Path) -> Result<Article, LoadError>) -> Library {
        let mut lib = Library::default();
        for path in paths {
            let (files, errors) = expand(path);
            lib.errors.extend(errors);
            for file in files {
                match load(&file) {
                    Ok(a) => lib.articles.push(a),
                    Err(e) => lib.errors.push(e),
                }
            }
        }
        lib
    }

    /// The library built into the binary: the sample article.
    pub fn embedded() -> Library {
        let mut lib = Library::default();
        for (name, bytes) in EMBEDDED {
            match parse_bytes(bytes, Path::new(name), None) {
                Ok(a) => lib.articles.push(a),
                Err(p) => lib.errors.push(LoadError::new(Path::new(name), p)),
            }
        }
        lib
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_library_has_the_sample() {
        let lib = Library::embedded();
        assert!(lib.errors.is_empty());
        assert_eq!(lib.articles.len(), 1);
        assert_eq!(lib.articles[0].path, None);
        assert_eq!(lib.articles[0].encoding, "UTF-8");
    }

    #[test]
    fn test_a_panic_in_one_file_spares_the_others() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.txt", "c.txt"] {
            std::fs::write(dir.path().join(name), "标题\n\n正文。").unwrap();
        }
        let lib = Library::load_each(&[dir.path().to_path_buf()], |p| {
            crate::guard::catch(|| {
                assert!(!p.ends_with("b.txt"), "parser bug");
                load_file(p, None)
            })
            .unwrap_or_else(|why| Err(LoadError::new(p, Problem::Internal(why))))
        });
        assert_eq!(lib.articles.len(), 2);
        assert_eq!(lib.errors.len(), 1);
        let e = lib.errors[0].to_string();
        assert!(
            e.contains("b.txt: could not be parsed (internal error: parser bug"),
            "{e}"
        );
    }

    #[test]
    fn test_large_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, "新闻".repeat(1000)).unwrap();
        let options = LoadOptions {
            max_bytes: 1024,
            ..LoadOptions::default()
        };
        let e = load_file_with(&p, &options).unwrap_err();
        assert_eq!(
            e.problem,
            Problem::TooLarge {
                size: 6000,
                limit: 1024
            }
        );
        assert!(
            e.to_string()
                .contains("too large (5.9 KB; the limit is 1 KB"),
            "{e}"
        );
        assert!(load_file(&p, None).is_ok());
    }

    #[test]
    fn problems_read_clearly() {
        let e = LoadError::new(Path::new("a\u{1b}[31m.txt"), Problem::Binary);
        assert_eq!(
            e.to_string(),
            format!("a\\u{{1b}}[31m.txt: {}", crate::strings::ERR_BINARY)
        );
    }
}
