//! The `newsreader` binary: parse the command line, build the library, then print what was
//! asked for. Everything of substance lives in the library crate.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use newsreader::cli::Cli;
use newsreader::commands::print::{Shape, print};
use newsreader::feed::FetchOptions;
use newsreader::library::LoadOptions;
use newsreader::session::{FeedSetup, Places, Session, Setup, Sources, SyncSetup};
use newsreader::{config, decode, output, strings, terminal};

fn main() -> ExitCode {
    newsreader::guard::install();
    let cli = Cli::parse();
    if cli.command.is_some() && cli.reads_files() {
        // `--config` may come before a command; what reads files may not.
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                strings::ERR_COMMAND_AND_FILES,
            )
            .exit();
    }
    if let Err(e) = newsreader::debug_log::install_from_env() {
        eprintln!("{}{}", strings::ERR_PREFIX, output::line(&e));
    }
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`newsreader --json | head`) is not an error worth reporting.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("{}{}", strings::ERR_PREFIX, output::line(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    if cli.print_config {
        print!("{}", config::default_text());
        return Ok(ExitCode::SUCCESS);
    }
    // A bad config stops everything before the screen changes.
    let config = match config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}{}{e}", strings::ERR_PREFIX, strings::ERR_CONFIG);
            return Ok(ExitCode::from(2));
        }
    };
    if let Some(command) = &cli.command {
        let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
        let code = newsreader::commands::run(
            command,
            &config,
            &Places::usual(),
            &mut stdout.lock(),
            &mut stderr.lock(),
        )?;
        return Ok(ExitCode::from(code));
    }
    let encoding = match cli.encoding.as_deref() {
        None => None,
        Some(label) => match decode::encoding_for_label(label) {
            Some(e) => Some(e),
            None => {
                eprintln!(
                    "{}--encoding {}: {}",
                    strings::ERR_PREFIX,
                    output::line(label),
                    strings::ERR_UNKNOWN_ENCODING
                );
                return Ok(ExitCode::from(2));
            }
        },
    };
    let options = LoadOptions {
        encoding,
        max_bytes: config.max_file_bytes,
    };
    let paths = if !cli.paths.is_empty() {
        cli.paths.clone()
    } else {
        config.library.clone()
    };
    if !(cli.json || cli.outline || cli.dump) {
        if !std::io::stdout().is_terminal() {
            eprintln!("{}{}", strings::ERR_PREFIX, strings::NOT_A_TERMINAL);
            return Ok(ExitCode::from(2));
        }
        // Feed items join the library read from the config, not files named on the line.
        let with_feeds = cli.paths.is_empty();
        let sources = Sources {
            paths,
            feeds: with_feeds.then(|| FeedSetup {
                configured: config.feeds.clone(),
                options: FetchOptions {
                    zone: config.timezone.clone(),
                    ..FetchOptions::default()
                },
                // A century is as good as never, and stays a time the clock can add.
                every: config.refresh_minutes.map(|m| {
                    std::time::Duration::from_secs(m.saturating_mul(60))
                        .min(std::time::Duration::from_secs(100 * 365 * 24 * 3600))
                }),
                sync: config.sync.clone().map(|settings| SyncSetup {
                    settings,
                    options: newsreader::commands::sync_options(&config, false),
                }),
            }),
        };
        let setup = Setup {
            sources,
            places: Places::usual(),
            layout: config.layout,
            load: options,
            order: config.order,
            keymap: config.keymap.clone(),
            feeds_home: config.feeds_home,
        };
        let mut errors = Vec::new();
        terminal::run(
            |nudge| Session::start_behind_first_frame(setup, nudge),
            &config.theme,
            (config.mouse, config.layout.images),
            |session| errors = session.app().load_errors().to_vec(),
        )?;
        // The files that failed, where the user sees them after the reader closes.
        for e in &errors {
            eprintln!("{}{}", strings::ERR_PREFIX, output::line(&e.to_string()));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let shape = if cli.json {
        Shape::Json
    } else if cli.outline {
        Shape::Outline
    } else {
        let width = cli.width.unwrap_or_else(|| {
            if std::io::stdout().is_terminal() {
                ratatui::crossterm::terminal::size().map_or(80, |(w, _)| w)
            } else {
                80
            }
        });
        Shape::Dump {
            width,
            layout: config.layout,
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let code = print(
        &cli.paths,
        &config,
        &Places::usual(),
        shape,
        &options,
        &mut out,
        &mut std::io::stderr(),
    )?;
    Ok(ExitCode::from(code))
}
