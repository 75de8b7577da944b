//! The configuration file: where the library lives, how text is set, the colours and the key
//! bindings. Defaults live in code; a user's `config.toml` overrides only what it names. A bad
//! file stops the program before the screen changes, with the file, line and column, the
//! offending value and what was expected; the file is never written.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::decode::sanitize_line;
use crate::feed::{Subscription, Zone};
use crate::keymap::{Action, Key, Keymap};
use crate::layout::LayoutOptions;
use crate::model::Order;
use crate::sync::{Provider, SyncSettings};
use crate::theme::Theme;
use crate::theme::parse_style;

mod messages;
mod text;

use messages::{key_offset, line_column, plain_numbers, shorten_quoted};
pub use text::default_text;

/// Everything the config decides.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Folders (and files) read when no PATH is given, `~` expanded.
    pub library: Vec<PathBuf>,
    /// How the reader sets text.
    pub layout: LayoutOptions,
    /// The styles of the interface.
    pub theme: Theme,
    /// Key bindings: the defaults with the user's `[keys]` merged over them.
    pub keymap: Keymap,
    /// Whether the mouse is captured (wheel and clicks).
    pub mouse: bool,
    /// Article files larger than this many bytes are refused (`max-file-mb`).
    pub max_file_bytes: u64,
    /// The feeds subscribed to in the config (`[[feeds]]`), in file order.
    pub feeds: Vec<Subscription>,
    /// Minutes between refreshes the reader makes on its own; `None` (written `0`): only on
    /// request.
    pub refresh_minutes: Option<u64>,
    /// The zone in which feed dates that carry none are read.
    pub timezone: Zone,
    /// How the Articles list is ordered (`sort`).
    pub order: Order,
    /// Open on the Feeds overlay (`start = "feeds"`) rather than the Articles list.
    pub feeds_home: bool,
    /// The feed server synced with (`[sync]`), if any.
    pub sync: Option<SyncSettings>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            library: Vec::new(),
            layout: LayoutOptions::default(),
            theme: Theme::default(),
            keymap: Keymap::default(),
            mouse: true,
            max_file_bytes: crate::library::DEFAULT_MAX_BYTES,
            feeds: Vec::new(),
            refresh_minutes: None,
            timezone: Zone::Local,
            order: Order::default(),
            feeds_home: false,
            sync: None,
        }
    }
}

/// A config file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, as a path to show.
    pub file: String,
    /// 1-based line and column (in characters) of the problem, when it is inside the text.
    pub position: Option<(usize, usize)>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some((line, column)) => write!(
                f,
                "{}, line {line}, column {column}: {}",
                self.file, self.message
            ),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The largest config file read: a config is a few kilobytes, and a device named by
/// `--config` must not fill memory.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The file as written, before names are checked.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Raw {
    library: Vec<String>,
    mouse: Option<bool>,
    #[serde(rename = "max-file-mb")]
    max_file_mb: Option<Spanned<u64>>,
    layout: LayoutOptions,
    theme: BTreeMap<String, Spanned<String>>,
    keys: BTreeMap<String, Spanned<String>>,
    feeds: Vec<RawFeed>,
    #[serde(rename = "refresh-minutes")]
    refresh_minutes: Option<u64>,
    timezone: Option<Spanned<String>>,
    sort: Option<Order>,
    start: Option<Spanned<String>>,
    sync: Option<Spanned<RawSync>>,
}

/// The `[sync]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSync {
    provider: Spanned<String>,
    url: Spanned<String>,
    #[serde(default)]
    user: String,
    #[serde(default)]
    password_command: Option<String>,
    /// Refused with a message (its value is never quoted back).
    #[serde(default)]
    password: Option<Spanned<toml::Value>>,
}

/// One `[[feeds]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFeed {
    url: Spanned<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    full_text: bool,
}

/// The config file's usual place: `config.toml` in the project config directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "newsreader").map(|d| d.config_dir().join("config.toml"))
}

/// Loads the config: `explicit` (from `--config`, which must exist), else the usual file if
/// it exists, else the defaults. `NO_COLOR` removes colours from the theme.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => default_path().filter(|p| p.is_file()),
    };
    let mut config = match path {
        Some(p) => {
            let failed = |why: String| ConfigError {
                file: sanitize_line(&p.to_string_lossy()),
                position: None,
                message: sanitize_line(&format!("{}: {why}", crate::strings::ERR_CONFIG_READ)),
            };
            let bytes = crate::files::read_capped(&p, MAX_CONFIG_BYTES).map_err(|e| {
                failed(match e {
                    crate::files::ReadError::TooLarge { .. } => format!(
                        "{} ({})",
                        crate::strings::ERR_CONFIG_TOO_LARGE,
                        crate::files::human_size(MAX_CONFIG_BYTES)
                    ),
                    crate::files::ReadError::NotFound => {
                        crate::strings::ERR_CONFIG_NOT_FOUND.to_string()
                    }
                    other => other.to_string(),
                })
            })?;
            let text = String::from_utf8(bytes)
                .map_err(|_| failed(crate::strings::ERR_CONFIG_NOT_UTF8.to_string()))?;
            parse(&text, &p)?
        }
        None => Config::default(),
    };
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        config.theme = config.theme.without_colors();
    }
    Ok(config)
}

/// Parses config text; `file` names it in errors.
pub fn parse(text: &str, file: &Path) -> Result<Config, ConfigError> {
    let error = |offset: usize, message: String| ConfigError {
        file: sanitize_line(&file.to_string_lossy()),
        position: Some(line_column(text, offset)),
        message: sanitize_line(&shorten_quoted(&message)),
    };
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        error(at, plain_numbers(e.message().trim()))
    })?;
    let mut config = Config {
        library: raw.library.iter().map(|s| expand_home(s)).collect(),
        layout: raw.layout,
        mouse: raw.mouse.unwrap_or(true),
        refresh_minutes: raw.refresh_minutes.filter(|m| *m > 0),
        order: raw.sort.unwrap_or_default(),
        ..Config::default()
    };
    if let Some(mb) = &raw.max_file_mb {
        if *mb.get_ref() == 0 {
            return Err(error(
                mb.span().start,
                "max-file-mb must be at least 1".to_string(),
            ));
        }
        config.max_file_bytes = mb.get_ref().saturating_mul(1 << 20);
    }
    if let Some(zone) = &raw.timezone {
        config.timezone = Zone::parse(zone.get_ref()).ok_or_else(|| {
            error(
                zone.span().start,
                format!(
                    "bad timezone; {} \"{}\"",
                    crate::strings::ERR_TIMEZONE,
                    zone.get_ref()
                ),
            )
        })?;
    }
    if let Some(start) = &raw.start {
        config.feeds_home = match start.get_ref().as_str() {
            "articles" => false,
            "feeds" => true,
            other => {
                return Err(error(
                    start.span().start,
                    format!("bad start; {} \"{other}\"", crate::strings::ERR_START),
                ));
            }
        };
    }
    for feed in &raw.feeds {
        let url = feed.url.get_ref().trim();
        let fetchable = url::Url::parse(url)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
        if !fetchable {
            return Err(error(
                feed.url.span().start,
                format!("bad feed address \"{url}\"; expected an http:// or https:// address"),
            ));
        }
        config.feeds.push(Subscription {
            url: url.to_string(),
            name: feed.name.clone().filter(|n| !n.trim().is_empty()),
            full_text: feed.full_text,
        });
    }
    if let Some(table) = &raw.sync {
        config.sync = Some(sync_settings(table, &error)?);
    }
    for (name, value) in &raw.theme {
        let Some(slot) = config.theme.style_mut(name) else {
            return Err(error(
                key_offset(text, value.span().start, name),
                format!(
                    "unknown style `{name}` in [theme]; expected one of: {}",
                    Theme::NAMES.join(", ")
                ),
            ));
        };
        *slot = parse_style(value.get_ref()).map_err(|want| {
            error(
                value.span().start,
                format!("bad style \"{}\"; expected {want}", value.get_ref()),
            )
        })?;
    }
    let mut seen: HashMap<Key, &str> = HashMap::new();
    for (key_text, action) in &raw.keys {
        let at_key = key_offset(text, action.span().start, key_text);
        let Some(key) = Key::parse(key_text) else {
            return Err(error(
                at_key,
                format!(
                    "bad key \"{key_text}\"; expected a character or a key name such as \
                     \"j\", \"C-d\", \"PageDown\", \"S-Tab\", \"Space\", \"F5\""
                ),
            ));
        };
        let Some(a) = Action::from_name(action.get_ref()) else {
            return Err(error(
                action.span().start,
                format!(
                    "unknown action \"{}\"; expected one of: {}",
                    action.get_ref(),
                    Action::ALL.map(Action::name).join(", ")
                ),
            ));
        };
        if key == Key::ctrl('c') && a != Action::Quit {
            return Err(error(
                at_key,
                format!(
                    "\"{key_text}\" always quits (so that there is always a way out); bind \
                     \"{}\" to another key",
                    action.get_ref()
                ),
            ));
        }
        if let Some(other) = seen.insert(key, key_text) {
            return Err(error(
                at_key,
                format!("\"{key_text}\" is the same key as \"{other}\", bound above"),
            ));
        }
        config.keymap.bind(key, a);
    }
    Ok(config)
}

/// The `[sync]` table checked: a known provider, an http or https address, a user for the
/// Google Reader API; a `password` key is refused without quoting it.
fn sync_settings(
    table: &Spanned<RawSync>,
    error: &dyn Fn(usize, String) -> ConfigError,
) -> Result<SyncSettings, ConfigError> {
    let raw = table.get_ref();
    if let Some(p) = &raw.password {
        return Err(error(
            p.span().start,
            crate::strings::CONFIG_SYNC_PASSWORD.to_string(),
        ));
    }
    let provider = Provider::parse(raw.provider.get_ref()).ok_or_else(|| {
        error(
            raw.provider.span().start,
            format!(
                "unknown sync provider \"{}\"; expected \"greader\" or \"miniflux\"",
                raw.provider.get_ref()
            ),
        )
    })?;
    let url = raw.url.get_ref().trim();
    let usable = url::Url::parse(url)
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some());
    if !usable {
        return Err(error(
            raw.url.span().start,
            format!("bad sync address \"{url}\"; expected an http:// or https:// address"),
        ));
    }
    let user = raw.user.trim().to_string();
    if provider == Provider::GReader && user.is_empty() {
        return Err(error(
            table.span().start,
            "[sync] with provider = \"greader\" needs a user".to_string(),
        ));
    }
    Ok(SyncSettings {
        provider,
        url: url.to_string(),
        user,
        password_command: raw
            .password_command
            .clone()
            .filter(|c| !c.trim().is_empty()),
    })
}

/// `~/news` → `$HOME/news`.
fn expand_home(s: &str) -> PathBuf {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match (s.strip_prefix("~/"), s == "~", home) {
        (Some(rest), _, Some(h)) => h.join(rest),
        (_, true, Some(h)) => h,
        _ => PathBuf::from(s),
    }
}

#[cfg(test)]
mod tests;
