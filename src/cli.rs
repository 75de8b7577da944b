//! The command line: what a user can ask for, parsed by `clap`, kept apart from `main` so that
//! tests and documentation can see it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// A terminal reader for news articles, made for Chinese text first.
///
/// With no PATH, opens the folders named by `library` in the config, or the sample article
/// built into the program.
#[derive(Debug, Parser)]
#[command(
    name = "newsreader",
    version,
    about,
    long_about = None
)]
pub struct Cli {
    /// Commands; without one, files are read (a file named like a command is `./fetch`).
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Article files (.txt, .md, .html) or folders to read recursively.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Print each article as one JSON object per line (JSON Lines) and exit.
    #[arg(long, conflicts_with_all = ["outline", "dump"])]
    pub json: bool,

    /// Print each article's title and headings, indented by level, and exit.
    #[arg(long, conflicts_with = "dump")]
    pub outline: bool,

    /// Print each article laid out as the reader shows it, as plain text, and exit.
    #[arg(long)]
    pub dump: bool,

    /// Width for --dump (default: the terminal's width, or 80 when not a terminal).
    #[arg(long, value_name = "N", requires = "dump",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,

    /// Read files in this encoding instead of detecting it (utf-8, gbk, gb18030, big5, …).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Use this config file instead of the usual one (also after a command).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    /// Print the complete default config, every key commented, and exit.
    #[arg(long, exclusive = true)]
    pub print_config: bool,
}

impl Cli {
    /// Whether the command line asks for files to be read or printed (PATHs, `--json`,
    /// `--outline`, `--dump`, `--width`, `--encoding`): none of which goes with a command.
    pub fn reads_files(&self) -> bool {
        !self.paths.is_empty()
            || self.json
            || self.outline
            || self.dump
            || self.width.is_some()
            || self.encoding.is_some()
    }
}

/// The commands: news feeds, and the library on the command line.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Refresh every subscribed feed, then exit (status 1 if any feed failed). With `[sync]`
    /// in the config, the same as sync.
    Fetch,
    /// Print the Articles list of the library (the configured folders and the feeds' items),
    /// one article a line: unread mark, date, title, source, and path or address.
    List {
        /// One JSON object per article instead (JSON Lines).
        #[arg(long)]
        json: bool,
        /// Only the articles not read yet.
        #[arg(long)]
        unread: bool,
        /// Only the items of this feed (its name, title or address).
        #[arg(long, value_name = "NAME")]
        feed: Option<String>,
    },
    /// Search every article of the library as `/` in the Articles list does (same folding,
    /// same counts): each match count, the article and a line of context, in list order.
    /// Exits 1 when nothing matches.
    Search {
        /// What to look for.
        query: String,
        /// One JSON object per matching article instead (JSON Lines).
        #[arg(long)]
        json: bool,
    },
    /// Sync with the feed server of `[sync]` in the config (subscriptions, new items, read
    /// marks and stars, both ways), then exit (status 1 if it failed).
    Sync,
    /// Manage feed subscriptions.
    Feeds {
        /// What to do.
        #[command(subcommand)]
        action: FeedsAction,
    },
}

/// What `newsreader feeds` does.
#[derive(Debug, Subcommand)]
pub enum FeedsAction {
    /// Subscribe to a feed (RSS, Atom or JSON Feed) at an http or https address.
    Add {
        /// The feed's address.
        url: String,
        /// A name to show instead of the feed's own title.
        #[arg(long)]
        name: Option<String>,
        /// Read every item's web page for its full text.
        #[arg(long)]
        full_text: bool,
    },
    /// Subscribe to every feed of an OPML file.
    Import {
        /// The OPML file.
        file: PathBuf,
    },
    /// Print every subscription as OPML.
    Export,
    /// List the subscriptions with their state.
    List,
    /// Unsubscribe from a feed (its items stay in the library).
    Remove {
        /// The feed's address.
        url: String,
    },
}
