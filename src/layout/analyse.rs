//! A paragraph walked one grapheme cluster at a time, with everything the line filler needs
//! to know of each cluster: its width as drawn (narrowed when full-width letters are shown
//! half-width), whether a line may break before it (UAX #14 from `unicode-linebreak`,
//! restricted to cluster boundaries and tailored by the clreq rules in [`super::rules`] and
//! the number rules here), whether it is a space that vanishes at a break, and whether a
//! spacing cell (CJK–Latin) or a grid pad may be drawn before it. The walk is lazy, so a
//! paragraph of millions of characters costs memory for the clusters of one line.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_width::UnicodeWidthChar;

use super::clusters::Graphemes;
use super::narrow::{may_narrow, narrow};
use super::rules::{is_break_space, is_line_end, is_no_end, is_no_start, quote_break};
use super::spacing::{
    is_cjk_letter, is_latin, is_narrow_opening, is_unit_sign, may_start_url, url_len, wants_space,
};

/// The cluster is a single breaking space (dropped at a soft break).
pub(super) const SPACE: u16 = 1;
/// The cluster is a mandatory line end (never drawn).
pub(super) const LINE_END: u16 = 1 << 1;
/// A line may legally start with this cluster (UAX #14 and clreq agree).
pub(super) const BREAK: u16 = 1 << 2;
/// The cluster's first character may not start a line.
pub(super) const NO_START: u16 = 1 << 3;
/// The cluster's last character may not end a line.
pub(super) const NO_END: u16 = 1 << 4;
/// A spacing cell is drawn before the cluster, unless it starts a line.
pub(super) const LEAD: u16 = 1 << 5;
/// Narrow opening punctuation before a wide cluster, after a wide cluster or a space or at
/// the start: its grid pad goes before it.
pub(super) const PAD_BEFORE: u16 = 1 << 6;
/// The cluster is drawn narrowed (a full-width form shown half-width).
pub(super) const NARROWED: u16 = 1 << 7;
/// The cluster is part of a Latin word or number (a letter, digit or unit sign).
pub(super) const WORD: u16 = 1 << 8;
/// The cluster starts with a CJK letter (Han, kana, bopomofo).
pub(super) const CJK: u16 = 1 << 9;
/// The cluster is narrow closing punctuation (`”` `’` `)` `]` `}`).
pub(super) const CLOSE: u16 = 1 << 10;

/// One grapheme cluster of the paragraph being broken.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cluster {
    /// Byte offset of the cluster in the paragraph.
    pub start: usize,
    /// Byte offset after it.
    pub end: usize,
    /// Cells it takes as drawn.
    pub width: usize,
    /// The flags above.
    pub flags: u16,
}

impl Cluster {
    /// Whether any of `flag` is set.
    #[inline]
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// What the layout draws differently from the text, for one paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Style {
    /// Count East Asian ambiguous characters as wide.
    pub ambiguous_wide: bool,
    /// Draw a cell between CJK and Latin text.
    pub spacing: bool,
    /// Draw full-width letters and digits half-width.
    pub narrow: bool,
    /// Keep wide characters on one column parity (marks opening punctuation to pad before).
    pub grid: bool,
}

/// Analyses a paragraph as it is walked.
pub(super) struct Analyser<'t, B> {
    text: &'t str,
    /// The break opportunities UAX #14 allows, as byte offsets, from [`allowed_breaks`].
    breaks: B,
    /// Makes `breaks` again from a later place (see `resume_at`).
    restart: fn(&'t str, usize) -> B,
    /// When not `usize::MAX`: `breaks` was left behind while common ideographs followed
    /// each other, and must start again at this byte, the last of them.
    resume_at: usize,
    graphemes: Graphemes<'t>,
    style: Style,
    next_break: usize,
    /// Last character of the previous cluster, as written.
    previous: char,
    /// Last character of the previous cluster, as drawn.
    previous_drawn: char,
    /// Last character of the cluster before that, as drawn.
    before_previous_drawn: char,
    /// The previous cluster was a sign that starts a number.
    sign_before: bool,
    /// The previous cluster ended a Latin run (a letter, digit or a unit sign after one).
    latin_end: bool,
    /// The previous cluster was wide and not a space.
    wide_before: bool,
    /// Whether the last non-space cluster may not end a line.
    open_before: bool,
    /// The address being walked: its start and end bytes (empty when none).
    url: (usize, usize),
    /// The previous cluster was one common ideograph (see [`is_common_han`]).
    han_before: bool,
}

/// The breaks UAX #14 allows in `text`, as byte offsets plus `base`. Mandatory breaks are
/// found from the line-end clusters themselves.
fn allowed_breaks(text: &str, base: usize) -> impl Iterator<Item = usize> + '_ {
    linebreaks(text).filter_map(move |(at, kind)| {
        (kind == BreakOpportunity::Allowed).then_some(at.saturating_add(base))
    })
}

/// An analyser for `text`.
pub(super) fn analyser<'t>(
    text: &'t str,
    style: Style,
) -> Analyser<'t, impl Iterator<Item = usize> + 't> {
    let restart: fn(&'t str, usize) -> _ = allowed_breaks;
    let mut breaks = restart(text, 0);
    let next_break = breaks.next().unwrap_or(usize::MAX);
    Analyser {
        text,
        breaks,
        restart,
        resume_at: usize::MAX,
        graphemes: Graphemes::new(text, style.ambiguous_wide),
        style,
        next_break,
        previous: '\0',
        previous_drawn: '\0',
        before_previous_drawn: '\0',
        sign_before: false,
        latin_end: false,
        wide_before: false,
        open_before: false,
        url: (0, 0),
        han_before: false,
    }
}

impl<'t, B: Iterator<Item = usize>> Analyser<'t, B> {
    /// Whether a line may not break before a cluster starting with `c` (as drawn; `cjk` if
    /// it is a CJK letter) because it continues a number: its digits, decimals, unit or
    /// measure word (`15.5%`, `1,200`, `2日`, `5G`), or the digit after its sign (`-3`).
    #[inline]
    fn keeps_number(&self, c: char, cjk: bool) -> bool {
        let p = self.previous_drawn;
        (any_digit(p)
            && (cjk
                || any_digit(c)
                || is_latin(c)
                || is_unit_sign(c)
                || matches!(c, '.' | ',' | ':' | '/')))
            || (matches!(p, '.' | ',' | ':' | '/')
                && any_digit(self.before_previous_drawn)
                && any_digit(c))
            || (self.sign_before && any_digit(c))
    }

    /// The next cluster of the paragraph.
    #[inline]
    pub fn next_cluster(&mut self) -> Option<Cluster> {
        let g = self.graphemes.next()?;
        let (start, first, last) = (g.start, g.first, g.last);
        if self.han_before && first == last && is_common_han(first) {
            return Some(self.han_after_han(first, start, g.end, g.width));
        }
        let single = g.end == start.saturating_add(first.len_utf8());
        let mut flags = if first == last && is_plain(first) {
            0
        } else {
            classify(first, last, single)
        };
        let mut width = g.width;
        let (mut drawn_first, mut drawn_last) = (first, last);
        if self.style.narrow && single && may_narrow(first) {
            let after = self.text.get(g.end..).and_then(|t| t.chars().next());
            if let Some(n) = narrow(Some(self.previous), first, after) {
                (drawn_first, drawn_last, width) = (n, n, 1);
                flags |= NARROWED;
            }
        }
        self.catch_up(start);
        let cjk = is_cjk_letter(drawn_first);
        // A sign or currency sign that starts a number (`-3.2`, `$5`) belongs to it.
        // A hyphen between a quantity and a number is a range (`2003年-2012年`), not a sign.
        let range = drawn_first == '-'
            && is_cjk_letter(self.previous_drawn)
            && any_digit(self.before_previous_drawn);
        let number_sign = matches!(drawn_first, '+' | '-' | '−' | '±' | '$' | '€' | '£' | '¥')
            && !range
            && single
            && self
                .text
                .get(g.end..)
                .and_then(|t| t.chars().next())
                .is_some_and(any_digit);
        let latin_first = is_latin(drawn_first);
        let latin_start = latin_first || number_sign;
        if start > 0 {
            let previous = self.previous;
            let quote = (matches!(first, '“' | '‘') || matches!(previous, '”' | '’'))
                && !is_break_space(previous)
                && quote_break(previous, first);
            // A number starting after Chinese text may start a line with its sign, which
            // UAX #14 keeps with the text before it as if it were a hyphen.
            let sign_break = number_sign && is_cjk_letter(self.previous_drawn);
            // A line never starts with a space (it would be dropped), so no break before
            // one: UAX #14 breaks after spaces.
            if (self.next_break == start || quote || sign_break)
                && !self.open_before
                && !self.keeps_number(drawn_first, cjk)
                && flags & (NO_START | SPACE) == 0
            {
                flags |= BREAK;
            }
            if self.style.spacing
                && flags & SPACE == 0
                && !(self.url.0 < start && start < self.url.1)
                && wants_space(
                    self.previous_drawn,
                    self.latin_end,
                    drawn_first,
                    latin_start,
                )
            {
                flags |= LEAD;
            }
        }
        if self.style.spacing && start >= self.url.1 && may_start_url(self.previous, first) {
            let len = url_len(self.text.get(start..).unwrap_or_default());
            if len > 0 {
                self.url = (start, start.saturating_add(len));
                // No space inside an address; at its start the usual rule applies.
            }
        }
        let latin_last = if drawn_last == drawn_first {
            latin_first
        } else {
            is_latin(drawn_last)
        };
        if latin_last || number_sign || (self.latin_end && is_unit_sign(drawn_last)) {
            flags |= WORD;
        }
        self.sign_before = number_sign;
        let wide = width == 2 && flags & SPACE == 0;
        if cjk {
            flags |= CJK;
        }
        if width == 1 && matches!(last, '”' | '’' | ')' | ']' | '}') {
            flags |= CLOSE;
        }
        let after_wide = self.wide_before || start == 0 || is_break_space(self.previous);
        if self.style.grid && width == 1 && after_wide && is_narrow_opening(first) {
            let after = self.text.get(g.end..).and_then(|t| t.chars().next());
            if after.is_some_and(|a| a.width() == Some(2) && !is_break_space(a)) {
                flags |= PAD_BEFORE;
            }
        }
        self.latin_end = flags & WORD != 0;
        self.wide_before = wide;
        self.previous = last;
        self.before_previous_drawn = self.previous_drawn;
        self.previous_drawn = drawn_last;
        if flags & SPACE == 0 {
            self.open_before = flags & NO_END != 0;
        }
        if flags & LINE_END != 0 {
            width = 0;
        }
        self.han_before = single && first == last && flags & NARROWED == 0 && is_common_han(first);
        Some(Cluster {
            start,
            end: g.end,
            width,
            flags,
        })
    }

    /// Moves `next_break` to the first break at or after `start`.
    #[inline]
    fn catch_up(&mut self, start: usize) {
        if self.resume_at != usize::MAX {
            self.resume();
        }
        while self.next_break < start {
            self.next_break = self.breaks.next().unwrap_or(usize::MAX);
        }
    }

    /// Starts the break opportunities again at `resume_at`, a common ideograph after which
    /// the walk left them. UAX #14 looks back past a character only through spaces,
    /// combining marks and the parts of numbers, so after an ideograph (class ID) its
    /// answers do not depend on the text before it: starting at the ideograph gives the
    /// same breaks after it as walking the whole paragraph.
    fn resume(&mut self) {
        let at = self.resume_at;
        self.resume_at = usize::MAX;
        self.breaks = (self.restart)(self.text.get(at..).unwrap_or_default(), at);
        self.next_break = self.breaks.next().unwrap_or(usize::MAX);
    }

    /// [`Analyser::next_cluster`] for a common ideograph right after another, most of
    /// Chinese text, with what the rules come to there: a break before it (UAX #14 always
    /// allows one between two ideographs, and no number, sign, quotation mark or opening
    /// bracket holds it to the one before), and no spacing cell, grid pad, word or address
    /// around it. The break opportunities are not walked here: they start again after the
    /// run of ideographs ([`Analyser::resume`]).
    #[inline]
    fn han_after_han(&mut self, c: char, start: usize, end: usize, width: usize) -> Cluster {
        self.resume_at = start;
        let flags = CJK | BREAK;
        self.latin_end = false;
        self.sign_before = false;
        self.open_before = false;
        self.wide_before = width == 2;
        self.previous = c;
        self.before_previous_drawn = self.previous_drawn;
        self.previous_drawn = c;
        Cluster {
            start,
            end,
            width,
            flags,
        }
    }
}

/// A common ideograph (CJK Unified Ideographs and Extension A): never narrowed, spaced,
/// padded or part of a number, so after another one the rules have a short answer.
#[inline]
fn is_common_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Whether `c` is a digit, ASCII or full-width.
#[inline]
fn any_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '０'..='９')
}

/// Whether `c` is a letter, digit or ideograph that no rule singles out (the common case,
/// classified without looking at the rule tables).
#[inline]
fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// The rule flags of a cluster from its first and last characters; `single` says whether
/// the cluster is one character.
fn classify(first: char, last: char, single: bool) -> u16 {
    let mut flags = 0;
    if single && is_break_space(first) {
        flags |= SPACE;
    }
    if is_line_end(first) {
        flags |= LINE_END;
    }
    if is_no_start(first) {
        flags |= NO_START;
    }
    if is_no_end(last) {
        flags |= NO_END;
    }
    flags
}

/// The text of `text` as the layout draws it before breaking into lines: a space where
/// spacing puts a cell, narrowed characters half-width; no grid padding (that depends on
/// where lines break).
pub(super) fn drawn(text: &str, style: Style) -> String {
    let mut out = String::with_capacity(text.len().saturating_add(text.len() / 8));
    let mut walk = analyser(text, style);
    while let Some(c) = walk.next_cluster() {
        if c.has(LEAD) {
            out.push(' ');
        }
        let source = text.get(c.start..c.end).unwrap_or_default();
        if c.has(NARROWED) {
            let before = text.get(..c.start).and_then(|t| t.chars().next_back());
            let mut chars = source.chars();
            let after = text.get(c.end..).and_then(|t| t.chars().next());
            match chars.next().and_then(|first| narrow(before, first, after)) {
                Some(n) => out.push(n),
                None => out.push_str(source),
            }
        } else {
            out.push_str(source);
        }
    }
    out
}

#[cfg(test)]
mod tests;
