//! The `newsreader` binary: parse the command line, build the library, then print what was
//! asked for. Everything of substance lives in the library crate.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use newsreader::app::App;
use newsreader::cli::Cli;
use newsreader::library::Library;
use newsreader::state::{self, State};
use newsreader::{config, decode, layout, strings, terminal};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`newsreader --json | head`) is not an error worth reporting.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!(
                "{}{}",
                strings::ERR_PREFIX,
                decode::sanitize_line(&format!("{e:#}"))
            );
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
    let encoding = match cli.encoding.as_deref() {
        None => None,
        Some(label) => match decode::encoding_for_label(label) {
            Some(e) => Some(e),
            None => {
                eprintln!(
                    "{}--encoding {}: {}",
                    strings::ERR_PREFIX,
                    decode::sanitize_line(label),
                    strings::ERR_UNKNOWN_ENCODING
                );
                return Ok(ExitCode::from(2));
            }
        },
    };
    let library = if !cli.paths.is_empty() {
        Library::load(&cli.paths, encoding)
    } else if !config.library.is_empty() {
        Library::load(&config.library, encoding)
    } else {
        Library::embedded()
    };
    for e in &library.errors {
        eprintln!("{}{e}", strings::ERR_PREFIX);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if cli.json {
        for a in &library.articles {
            writeln!(out, "{}", a.to_json())?;
        }
    } else if cli.outline {
        for (i, a) in library.articles.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            writeln!(out, "{}", a.title)?;
            for (heading, level) in a.headings() {
                let indent = "  ".repeat(usize::from(level));
                writeln!(out, "{indent}{heading}")?;
            }
        }
    } else if !cli.dump {
        drop(out);
        if !std::io::stdout().is_terminal() {
            eprintln!("{}{}", strings::ERR_PREFIX, strings::NOT_A_TERMINAL);
            return Ok(ExitCode::from(2));
        }
        let app = App::new(library, config.layout).with_state(State::open(state::default_dir()));
        terminal::run(app, &config.keymap, &config.theme, config.mouse)?;
        return Ok(ExitCode::SUCCESS);
    } else {
        let width = cli.width.unwrap_or_else(|| {
            if std::io::stdout().is_terminal() {
                ratatui::crossterm::terminal::size().map_or(80, |(w, _)| w)
            } else {
                80
            }
        });
        let opts = config.layout;
        for (i, a) in library.articles.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            write!(out, "{}", layout::dump(a, width, &opts))?;
        }
    }
    out.flush()?;
    Ok(if library.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
