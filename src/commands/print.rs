//! `--json`, `--outline` and `--dump`: every article of the library printed in library order,
//! streaming. With PATHs, the files under them, parsed; with none, the library the reader
//! shows: the files of the configured folders (each read from the catalog when it holds the
//! file's current parse, else parsed) then the feed items, newest first, from the catalog;
//! with neither folders nor feeds, the sample article. Articles are read and laid out on
//! every core and printed in order as they come, so memory holds a few at a time whatever
//! the library's size.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::furniture::folder;
use crate::article::Article;
use crate::catalog::Catalog;
use crate::config::Config;
use crate::layout::{self, LayoutOptions};
use crate::library::decoded::{BUDGET, DecodedTexts};
use crate::library::scan::absolute_roots;
use crate::library::stream::{Job, each_in_order, is_current};
use crate::library::{EMBEDDED, LoadError, LoadOptions, expand};
use crate::model::Order;
use crate::output;
use crate::session::Places;
use crate::strings as s;

/// What to print of each article.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// One JSON object per line.
    Json,
    /// The title, then each heading indented by level.
    Outline,
    /// The article laid out at a width, as plain text.
    Dump {
        /// The width in columns.
        width: u16,
        /// How text is set.
        layout: LayoutOptions,
    },
}

/// What one article gives: text for standard output, or an error for standard error.
enum Printed {
    Text(String),
    Failed(String),
}

/// Prints every article of `paths` (or, with none, of the library in `config`) as `shape`
/// says, to `out`, problems to `err`; returns the exit status (1 when a file failed).
pub fn print(
    paths: &[PathBuf],
    config: &Config,
    places: &Places,
    shape: Shape,
    options: &LoadOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let mut failed = false;
    let mut catalog = None;
    let jobs = if paths.is_empty() {
        let (mut c, warnings) = Catalog::open(places.data.as_deref());
        for w in warnings {
            writeln!(err, "{}{}", s::ERR_PREFIX, output::line(&w))?;
        }
        // With sync on, the library's items are the sync server's.
        c.set_synced(config.sync.is_some());
        let jobs = library_jobs(&mut c, config, err, &mut failed)?;
        catalog = Some(c);
        jobs
    } else {
        let mut jobs = Vec::new();
        for path in paths {
            let (files, errors) = expand(path);
            for e in errors {
                failed = true;
                writeln!(err, "{}{}", s::ERR_PREFIX, output::line(&e.to_string()))?;
            }
            jobs.extend(files.into_iter().map(|f| Job::File(f, None)));
        }
        jobs
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    // Files parsed here (every file named on the line; with no PATH, those the catalog holds
    // no current parse of) learn the furniture of their folders, counted over all of each
    // folder's files first; articles read from the catalog come with their source's.
    let parsed: HashSet<&Path> = jobs
        .iter()
        .filter_map(|j| match j {
            Job::File(f, None) => Some(folder(f)),
            _ => None,
        })
        .collect();
    // Each file marked to be parsed here; the counting pass keeps their decoded texts.
    let files: Vec<(&Path, bool)> = jobs
        .iter()
        .filter_map(|j| match j {
            Job::File(f, known) if parsed.contains(folder(f)) => {
                Some((f.as_path(), known.is_none()))
            }
            _ => None,
        })
        .collect();
    let decoded = DecodedTexts::new(BUDGET);
    let found = super::furniture::folder_furniture(&files, options, &decoded, threads);
    let mut first = true;
    each_in_order(
        &jobs,
        catalog.as_ref(),
        options,
        Some(&decoded),
        threads,
        |job, mut article| {
            if let (Job::File(f, None), Ok(a)) = (job, &mut article) {
                super::furniture::strip(&found, f, a);
            }
            render(article, shape)
        },
        |printed| -> std::io::Result<()> {
            match printed {
                Printed::Text(text) => {
                    // Outlines and dumps are set apart by a blank line.
                    if !first && !matches!(shape, Shape::Json) {
                        writeln!(out)?;
                    }
                    first = false;
                    out.write_all(text.as_bytes())
                }
                Printed::Failed(why) => {
                    failed = true;
                    writeln!(err, "{}{}", s::ERR_PREFIX, output::line(&why))
                }
            }
        },
    )?;
    out.flush()?;
    Ok(u8::from(failed))
}

/// The jobs for the library the reader shows: the configured folders' files, then the feed
/// items newest first; with neither, the sample.
fn library_jobs(
    catalog: &mut Catalog,
    config: &Config,
    err: &mut dyn Write,
    failed: &mut bool,
) -> std::io::Result<Vec<Job>> {
    let items = super::library::feed_items(catalog, config, err)?;
    if config.library.is_empty() && items.is_none() {
        return Ok(EMBEDDED
            .iter()
            .map(|(name, bytes)| Job::Embedded(name, bytes))
            .collect());
    }
    let known = match catalog.file_states_under(&absolute_roots(&config.library)) {
        Ok(known) => known,
        Err(e) => {
            writeln!(
                err,
                "{}{}",
                s::ERR_PREFIX,
                output::line(&format!("{}{e}", s::CATALOG_READ_FAILED))
            )?;
            Default::default()
        }
    };
    let mut jobs = Vec::new();
    for root in &config.library {
        let (files, errors) = expand(root);
        for e in errors {
            *failed = true;
            writeln!(err, "{}{}", s::ERR_PREFIX, output::line(&e.to_string()))?;
        }
        jobs.extend(files.into_iter().map(|f| {
            // Only a current parse is kept: the others are parsed here.
            let state = std::path::absolute(&f)
                .ok()
                .and_then(|abs| known.get(&abs).copied())
                .filter(|k| is_current(&f, k));
            Job::File(f, state)
        }));
    }
    let mut items = items.unwrap_or_default();
    crate::app::sort_entries(&mut items, Order::NewestFirst);
    jobs.extend(items.into_iter().map(|e| Job::Stored(e.id)));
    Ok(jobs)
}

/// One article as `shape` prints it, on a worker thread.
fn render(article: Result<Article, LoadError>, shape: Shape) -> Printed {
    let a = match article {
        Ok(a) => a,
        Err(e) => return Printed::Failed(e.to_string()),
    };
    match shape {
        Shape::Json => {
            let mut line = output::json(&a);
            line.push('\n');
            Printed::Text(line)
        }
        Shape::Outline => {
            let mut text = format!("{}\n", output::line(&a.title));
            for (heading, level) in a.headings() {
                text.push_str(&"  ".repeat(usize::from(level)));
                text.push_str(&output::line(heading));
                text.push('\n');
            }
            Printed::Text(text)
        }
        Shape::Dump { width, layout } => {
            match crate::guard::catch(|| layout::dump(&a, width, &layout)) {
                Ok(text) => Printed::Text(text),
                Err(why) => Printed::Failed(format!(
                    "{}: {}{why})",
                    a.path.as_deref().unwrap_or(&a.title),
                    s::ERR_LAYOUT,
                )),
            }
        }
    }
}
