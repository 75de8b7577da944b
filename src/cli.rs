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
    long_about = None,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Feed commands; without one, files are read (a file named like a command is
    /// `./fetch`).
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

    /// Use this config file instead of the usual one.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Print the complete default config, every key commented, and exit.
    #[arg(long, exclusive = true)]
    pub print_config: bool,
}

/// The commands about news feeds.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Refresh every subscribed feed, then exit (status 1 if any feed failed).
    Fetch,
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
