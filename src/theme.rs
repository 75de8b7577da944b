//! Every style the interface draws with, by name, in one place. The config's `[theme]` table
//! overrides these by the same names, with values such as `"yellow bold"`,
//! `"black on #ffd700"` or `"reversed"`.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

/// The styles of the interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// The article's headline in the reader.
    pub title: Style,
    /// Date, place, byline and source rows.
    pub meta: Style,
    /// Top-level headings.
    pub heading: Style,
    /// Nested headings.
    pub subheading: Style,
    /// Body text.
    pub body: Style,
    /// A list's border and title when the list has focus.
    pub border_focused: Style,
    /// A list's border and title otherwise.
    pub border: Style,
    /// The selected entry of the focused list.
    pub selected_focused: Style,
    /// The selected entry of a list without focus.
    pub selected: Style,
    /// Ordinary list entries.
    pub list: Style,
    /// Articles not read yet, in the Articles list.
    pub unread: Style,
    /// Link text in the reader.
    pub link: Style,
    /// Lines the parser dropped, in the source view.
    pub dropped: Style,
    /// The status bar.
    pub status: Style,
    /// Messages in the status bar.
    pub message: Style,
    /// Every search match in the reader.
    pub search_match: Style,
    /// The current search match.
    pub search_current: Style,
    /// The help overlay.
    pub help: Style,
    /// Key names in the help overlay.
    pub help_key: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            title: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            meta: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            subheading: Style::new().fg(Color::Cyan),
            body: Style::new(),
            border_focused: Style::new().fg(Color::Cyan),
            border: Style::new().fg(Color::DarkGray),
            selected_focused: Style::new().add_modifier(Modifier::REVERSED),
            selected: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            list: Style::new(),
            unread: Style::new().add_modifier(Modifier::BOLD),
            link: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            dropped: Style::new().fg(Color::Red).add_modifier(Modifier::DIM),
            status: Style::new().add_modifier(Modifier::REVERSED),
            message: Style::new()
                .add_modifier(Modifier::REVERSED)
                .add_modifier(Modifier::BOLD),
            search_match: Style::new().add_modifier(Modifier::REVERSED),
            search_current: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            help: Style::new(),
            help_key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }
}

/// The attributes that keep a style apart when `NO_COLOR` takes its colour away: the title
/// bold and underlined, top-level headings bold, nested ones underlined, metadata dim.
pub const NO_COLOR_ATTRIBUTES: &[(&str, Modifier)] = &[
    ("title", Modifier::BOLD.union(Modifier::UNDERLINED)),
    ("heading", Modifier::BOLD),
    ("subheading", Modifier::UNDERLINED),
    ("meta", Modifier::DIM),
    ("link", Modifier::UNDERLINED),
    ("border-focused", Modifier::BOLD),
];

/// The modifiers a style string may name.
const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed-out", Modifier::CROSSED_OUT),
];

impl Theme {
    /// The names of the styles, as the config's `[theme]` table uses them.
    pub const NAMES: [&'static str; 19] = [
        "title",
        "meta",
        "heading",
        "subheading",
        "body",
        "border-focused",
        "border",
        "selected-focused",
        "selected",
        "list",
        "unread",
        "link",
        "dropped",
        "status",
        "message",
        "search-match",
        "search-current",
        "help",
        "help-key",
    ];

    /// The style called `name`.
    pub fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "title" => &mut self.title,
            "meta" => &mut self.meta,
            "heading" => &mut self.heading,
            "subheading" => &mut self.subheading,
            "body" => &mut self.body,
            "border-focused" => &mut self.border_focused,
            "border" => &mut self.border,
            "selected-focused" => &mut self.selected_focused,
            "selected" => &mut self.selected,
            "list" => &mut self.list,
            "unread" => &mut self.unread,
            "link" => &mut self.link,
            "dropped" => &mut self.dropped,
            "status" => &mut self.status,
            "message" => &mut self.message,
            "search-match" => &mut self.search_match,
            "search-current" => &mut self.search_current,
            "help" => &mut self.help,
            "help-key" => &mut self.help_key,
            _ => return None,
        })
    }

    /// The same theme without colours, for `NO_COLOR`: bold, reverse and the other
    /// modifiers stay, so highlights stay visible, and the styles that stood apart by their
    /// colour alone get an attribute instead ([`NO_COLOR_ATTRIBUTES`]): the title, the
    /// headings of each level, the metadata and links stay distinct from body text.
    pub fn without_colors(&self) -> Theme {
        let mut t = self.clone();
        for name in Theme::NAMES {
            if let Some(s) = t.style_mut(name) {
                // A style that stood out by its background stands out by reverse video.
                if s.bg.is_some() {
                    s.add_modifier |= Modifier::REVERSED;
                }
                if (s.fg.is_some() || s.bg.is_some())
                    && let Some(&(_, m)) = NO_COLOR_ATTRIBUTES.iter().find(|(n, _)| *n == name)
                {
                    s.add_modifier |= m;
                }
                s.fg = None;
                s.bg = None;
                s.underline_color = None;
            }
        }
        t
    }
}

/// Reads a style string: colour names (`yellow`, `dark-gray`, `#ffd700`, `208`), `on COLOR`
/// for the background, and modifiers (`bold`, `dim`, `italic`, `underlined`, `reversed`,
/// `crossed-out`), in any order; `default` is the plain style.
pub fn parse_style(text: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = text.split_whitespace();
    while let Some(w) = words.next() {
        let lower = w.to_ascii_lowercase();
        if lower == "default" {
            continue;
        }
        if lower == "on" {
            let Some(c) = words.next() else {
                return Err("a colour after `on`".to_string());
            };
            style = style.bg(color(c)?);
        } else if let Some(&(_, m)) = MODIFIERS.iter().find(|(n, _)| *n == lower) {
            style = style.add_modifier(m);
        } else {
            style = style.fg(color(w)?);
        }
    }
    Ok(style)
}

fn color(word: &str) -> Result<Color, String> {
    Color::from_str(word).map_err(|_| {
        format!(
            "a colour name (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, \
             light-red, …, white), #rrggbb, a number 0–255, or a modifier ({}) instead of `{word}`",
            MODIFIERS.iter().map(|m| m.0).collect::<Vec<_>>().join(", ")
        )
    })
}

/// Writes a style the way [`parse_style`] reads it.
pub fn style_string(style: Style) -> String {
    let mut words = Vec::new();
    if let Some(fg) = style.fg {
        words.push(color_name(fg));
    }
    if let Some(bg) = style.bg {
        words.push(format!("on {}", color_name(bg)));
    }
    for (name, m) in MODIFIERS {
        if style.add_modifier.contains(*m) {
            words.push((*name).to_string());
        }
    }
    if words.is_empty() {
        "default".to_string()
    } else {
        words.join(" ")
    }
}

/// `DarkGray` → `dark-gray`; `#ffd700` and numbers as they are.
fn color_name(c: Color) -> String {
    let s = c.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 && !s.starts_with('#') {
            out.push('-');
        }
        out.push(ch.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_strings_round_trip() {
        let t = Theme::default();
        let mut t2 = Theme::default();
        for name in Theme::NAMES {
            let s = *t2.style_mut(name).unwrap();
            let text = style_string(s);
            assert_eq!(parse_style(&text), Ok(s), "{name}: {text}");
        }
        assert_eq!(t, t2);
    }

    #[test]
    fn style_strings_read_colours_backgrounds_and_modifiers() {
        assert_eq!(
            parse_style("black on #ffd700 bold"),
            Ok(Style::new()
                .fg(Color::Black)
                .bg(Color::Rgb(255, 215, 0))
                .add_modifier(Modifier::BOLD))
        );
        assert_eq!(
            parse_style("dark-gray"),
            Ok(Style::new().fg(Color::DarkGray))
        );
        assert_eq!(parse_style("default"), Ok(Style::new()));
        assert!(parse_style("blinky").is_err());
        assert!(parse_style("on").is_err());
    }

    #[test]
    fn no_color_keeps_modifiers() {
        let t = Theme::default().without_colors();
        assert_eq!(t.search_current.bg, None);
        assert!(t.search_match.add_modifier.contains(Modifier::REVERSED));
        assert!(
            t.search_current
                .add_modifier
                .contains(Modifier::BOLD | Modifier::REVERSED)
        );
        assert_ne!(
            t.search_current, t.search_match,
            "the current match still stands apart"
        );
        // The styles that were apart by colour alone stay apart by an attribute.
        let styles = [t.title, t.heading, t.subheading, t.meta, t.body];
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!(a, b, "{styles:?}");
            }
        }
        assert!(t.meta.add_modifier.contains(Modifier::DIM));
        assert!(t.subheading.add_modifier.contains(Modifier::UNDERLINED));
    }
}
