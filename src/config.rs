//! The configuration file: where the library lives, how text is set, the colours and the key
//! bindings. Defaults live in code; a user's `config.toml` overrides only what it names. A bad
//! file stops the program before the screen changes, with the file, line and column, the
//! offending value and what was expected; the file is never written.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
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
use crate::theme::{parse_style, style_string};

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

/// The longest value quoted in an error message, in characters; a longer one is cut with
/// `…` (a 900 KB value once made a 1.8 MB message).
const MAX_QUOTED_CHARS: usize = 80;

/// `message` with every quoted value (`"…"` or `` `…` ``) longer than [`MAX_QUOTED_CHARS`]
/// cut short.
fn shorten_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(4096));
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = &rest[open..=open];
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find(quote) else {
            rest = after;
            break;
        };
        let value = &after[..close];
        if value.chars().count() > MAX_QUOTED_CHARS {
            out.extend(value.chars().take(MAX_QUOTED_CHARS - 1));
            out.push('…');
        } else {
            out.push_str(value);
        }
        out.push_str(quote);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A number error from the TOML reader in the user's words: every number in the config is a
/// whole number from 0 to 18446744073709551615 (the largest meaning "no limit" where a
/// number is a limit).
fn plain_numbers(message: &str) -> String {
    let range = format!("expected a whole number from 0 to {}", u64::MAX);
    message
        .replace(" as i128", "")
        .replace("invalid type: integer", "invalid value: integer")
        .replace("expected u64", &range)
        .replace("expected u32", &range)
        .replace("expected u16", &range)
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

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Where a table key is written, given the span of its value: the key (with its opening
/// quote) on the value's line.
fn key_offset(text: &str, value_at: usize, key: &str) -> usize {
    let value_at = value_at.min(text.len());
    let line_start = text[..value_at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..value_at];
    match line.find(key) {
        Some(i) if i > 0 && line[..i].ends_with(['"', '\'']) => line_start + i - 1,
        Some(i) => line_start + i,
        None => line_start,
    }
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

/// The complete default config with every key commented, as `--print-config` prints it. It
/// parses back to the defaults.
pub fn default_text() -> String {
    let d = Config::default();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# newsreader configuration. Every key is optional: what you leave out keeps the\n\
         # default shown here. Put this file at {}\n\
         # or name another with --config FILE.\n",
        default_path().map_or("config.toml".into(), |p| p.display().to_string())
    );
    let _ = writeln!(
        out,
        "# Folders (or files) to read when newsreader is started without a PATH. `~` is\n\
         # your home folder. Empty: the sample article built into the program.\n\
         # library = [\"~/news\"]\n\
         library = []\n"
    );
    let _ = writeln!(
        out,
        "# Capture the mouse: the wheel scrolls the pane under the pointer, a click selects.\n\
         mouse = {}\n",
        d.mouse
    );
    let _ = writeln!(
        out,
        "# Article files larger than this many megabytes are skipped with a message.\n\
         max-file-mb = {}\n",
        d.max_file_bytes >> 20
    );
    let _ = writeln!(
        out,
        "# The order of the Articles list: \"newest-first\" (articles with a date first, newest\n\
         # at the top, then the rest by path) or \"path\" (as the folders are walked).\n\
         sort = \"{}\"\n",
        d.order.name()
    );
    let _ = writeln!(
        out,
        "# What the reader opens on: \"articles\" (the Articles list) or \"feeds\" (the Feeds\n\
         # overlay, each feed with its unread count, as newsboat starts).\n\
         start = \"{}\"\n",
        if d.feeds_home { "feeds" } else { "articles" }
    );
    let _ = writeln!(
        out,
        "# How often the reader refreshes the feeds on its own, in minutes (0: only when you\n\
         # ask).\n\
         refresh-minutes = {}\n\
         # The time zone for feed dates that carry none: \"local\", an IANA name such as\n\
         # \"Asia/Shanghai\", or an offset such as \"+08:00\".\n\
         timezone = \"{}\"\n\n\
         # Feeds to follow: one [[feeds]] table each, after the keys above. `name` (shown\n\
         # instead of the feed's title) and `full-text` (read each item's web page for the\n\
         # whole article) are optional.\n\
         # [[feeds]]\n\
         # url = \"https://news.example/rss.xml\"\n\
         # name = \"Example News\"\n\
         # full-text = true\n\n\
         # Sync with your own feed server (FreshRSS, Miniflux, Inoreader and others): its\n\
         # subscriptions, read marks and stars become the reader's, and `newsreader sync` or R\n\
         # brings them. The password is never written here: password-command prints it (its\n\
         # first line is used), or set the NEWSREADER_SYNC_PASSWORD environment variable.\n\
         # [sync]\n\
         # provider = \"greader\"    # the Google Reader API; \"miniflux\": Miniflux's own API\n\
         # url = \"https://rss.example/api/greader.php\"    # Miniflux: its root address\n\
         # user = \"me\"             # not needed with provider = \"miniflux\" (an API key)\n\
         # password-command = \"pass show freshrss\"\n",
        d.refresh_minutes.unwrap_or(0),
        d.timezone.name()
    );
    let l = d.layout;
    let _ = writeln!(
        out,
        "[layout]\n\
         # The measure: the widest the text column gets, in cells (0: the whole pane). 72\n\
         # cells hold 36 Chinese characters, a comfortable line.\n\
         measure = {}\n\
         # Where the column sits in a wider pane: \"left\" or \"center\".\n\
         align = \"{}\"\n\
         # Paragraphs: \"blank\" (a blank row between them) or \"indent\" (book style: each\n\
         # indented by two Chinese characters, no blank row).\n\
         paragraph = \"{}\"\n\
         # Paragraph indent with blank rows: \"as-source\", \"none\" or \"full-width\".\n\
         indent = \"{}\"\n\
         # One cell between Chinese and Latin letters or digits: 使用 Rust 语言开发了 3 个版本.\n\
         # Drawn only; search finds the text with or without the space.\n\
         cjk-spacing = {}\n\
         # Keep Chinese characters on one column parity so they line up down the page (a\n\
         # Latin word and its spaces take an even number of cells).\n\
         grid-align = {}\n\
         # Draw full-width letters and digits (ＡＢＣ１２３) half-width.\n\
         normalize-width = {}\n\
         # Count East Asian ambiguous characters (… — “) as two columns.\n\
         ambiguous-wide = {}\n\
         # Pictures in articles: \"auto\" (the terminal's graphics protocol, kitty, iTerm2 or\n\
         # sixel, when it answers the query at start; half blocks otherwise), \"halfblocks\"\n\
         # or \"off\" (only the placeholder [图片：alt]). Fetched when they come near the\n\
         # screen, at most 10 MB each, kept in the cache folder (at most 200 MB).\n\
         images = \"{}\"\n",
        l.measure,
        l.align.name(),
        l.paragraph.name(),
        l.indent.name(),
        l.cjk_spacing,
        l.grid_align,
        l.normalize_width,
        l.ambiguous_wide,
        l.images.name()
    );
    let _ = writeln!(
        out,
        "[theme]\n\
         # Styles: colour names, #rrggbb or 0-255, \"on COLOR\" for the background, and\n\
         # bold, dim, italic, underlined, reversed, crossed-out. NO_COLOR removes colours."
    );
    let mut theme = d.theme.clone();
    for name in Theme::NAMES {
        if let Some(s) = theme.style_mut(name) {
            let _ = writeln!(out, "{name} = \"{}\"", style_string(*s));
        }
    }
    let _ = writeln!(
        out,
        "\n[keys]\n\
         # \"KEY\" = \"action\". Keys: a character, or Up, Down, Left, Right, PageUp, PageDown,\n\
         # Home, End, Enter, Esc, Tab, Space, Backspace, F1-F12, with C- (Ctrl), M- (Alt) or\n\
         # S- (Shift) before them. Your bindings are added to these; a key you bind here\n\
         # loses its default meaning. Actions: {}",
        Action::ALL.map(Action::name).join(", ")
    );
    for (key, action) in d.keymap.bindings() {
        let _ = writeln!(out, "\"{}\" = \"{}\"", key.name(), action.name());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        match parse(text, Path::new("c.toml")) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("accepted: {text}"),
        }
    }

    #[test]
    fn default_text_parses_back_to_the_defaults() {
        let c = parse(&default_text(), Path::new("default")).unwrap();
        assert_eq!(c, Config::default());
    }

    #[test]
    fn feeds_refresh_and_timezone_are_read() {
        let c = parse(
            "refresh-minutes = 30\ntimezone = \"+08:00\"\n\n[[feeds]]\nurl = \"https://a.example/rss\"\n\
             name = \"甲\"\nfull-text = true\n\n[[feeds]]\nurl = \"http://b.example/atom\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(c.refresh_minutes, Some(30));
        assert_eq!(c.timezone, Zone::Offset(8 * 3600));
        assert_eq!(
            c.feeds,
            [
                Subscription {
                    url: "https://a.example/rss".into(),
                    name: Some("甲".into()),
                    full_text: true,
                },
                Subscription::new("http://b.example/atom"),
            ]
        );
        let named = parse("timezone = \"Asia/Shanghai\"\n", Path::new("c.toml")).unwrap();
        assert_eq!(named.timezone, Zone::Named("Asia/Shanghai".into()));
        assert_eq!(
            parse("refresh-minutes = 0\n", Path::new("c.toml"))
                .unwrap()
                .refresh_minutes,
            None
        );
    }

    #[test]
    fn feed_mistakes_point_at_line_and_column() {
        assert_eq!(
            err("timezone = \"Mars/Olympus\"\n"),
            format!(
                "c.toml, line 1, column 12: bad timezone; {} \"Mars/Olympus\"",
                crate::strings::ERR_TIMEZONE
            )
        );
        assert_eq!(
            err("[[feeds]]\nurl = \"file:///etc/passwd\"\n"),
            "c.toml, line 2, column 7: bad feed address \"file:///etc/passwd\"; expected an \
             http:// or https:// address"
        );
        assert!(
            err("[[feeds]]\nurl = \"https://a.example/\"\nfulltext = true\n")
                .starts_with("c.toml, line 3, column 1: unknown field `fulltext`"),
        );
        assert!(err("[[feeds]]\nname = \"x\"\n").contains("missing field `url`"));
    }

    #[test]
    fn the_sync_table_is_read() {
        let c = parse(
            "[sync]\nprovider = \"greader\"\nurl = \"https://rss.example/api/greader.php\"\n\
             user = \"me\"\npassword-command = \"pass show freshrss\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(
            c.sync,
            Some(SyncSettings {
                provider: Provider::GReader,
                url: "https://rss.example/api/greader.php".into(),
                user: "me".into(),
                password_command: Some("pass show freshrss".into()),
            })
        );
        let m = parse(
            "[sync]\nprovider = \"miniflux\"\nurl = \"https://flux.example\"\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert_eq!(m.sync.map(|s| s.provider), Some(Provider::Miniflux));
    }

    #[test]
    fn sync_mistakes_point_at_line_and_column_and_never_quote_a_password() {
        let e = err(
            "[sync]\nprovider = \"greader\"\nurl = \"https://r.example/\"\nuser = \"me\"\n\
             password = \"hunter2\"\n",
        );
        assert!(
            e.starts_with("c.toml, line 5, column 12: a password is never kept"),
            "{e}"
        );
        assert!(!e.contains("hunter2"), "{e}");
        assert!(
            err("[sync]\nprovider = \"fever\"\nurl = \"https://r.example/\"\n")
                .starts_with("c.toml, line 2, column 12: unknown sync provider \"fever\"")
        );
        assert!(
            err("[sync]\nprovider = \"greader\"\nurl = \"ftp://r.example/\"\nuser = \"u\"\n")
                .starts_with("c.toml, line 3, column 7: bad sync address")
        );
        assert!(
            err("[sync]\nprovider = \"greader\"\nurl = \"https://r.example/\"\n")
                .contains("needs a user")
        );
        assert!(err("[sync]\nurl = \"https://r.example/\"\n").contains("missing field `provider`"));
    }

    #[test]
    fn errors_point_at_line_and_column() {
        assert_eq!(
            err("mouse = true\n[keys]\n\"j\" = \"scroll_dwn\"\n"),
            format!(
                "c.toml, line 3, column 7: unknown action \"scroll_dwn\"; expected one of: {}",
                Action::ALL.map(Action::name).join(", ")
            )
        );
        assert!(
            err("[keys]\n\"Hyper-x\" = \"quit\"\n")
                .starts_with("c.toml, line 2, column 1: bad key \"Hyper-x\"")
        );
        assert!(
            err("[theme]\ntitle = \"blinky\"\n")
                .starts_with("c.toml, line 2, column 9: bad style \"blinky\"")
        );
        assert!(
            err("[theme]\ntitel = \"red\"\n")
                .starts_with("c.toml, line 2, column 1: unknown style `titel`")
        );
    }
}
