//! The metadata half of the assembler: the title, then datelines, credits and provenance notes
//! at the head of the article, the agency dateline that opens the lead, the credits at the foot
//! (also when glued to the last paragraph), and a date at the start of the first paragraph.
//! Each step marks the units it consumes so that only the text is left for
//! [`structure`](super::structure). Where two places name the same field, the more explicit
//! one wins ([`Rank`]): a reporter credit in the text over a `作者：` label over a `<meta>` tag.

use crate::script::at_most;

mod dates;
mod host;
mod title;

pub(super) use dates::{
    broadcast_stamps, date_code, date_in_url, dateline_date, lead_date, title_date,
};
pub(super) use title::{decoration as decoration_line, take_title, title_source};

use super::block::FrontMatter;
use super::credits::{self, Credits};
use super::dateline;
use super::meta::{self, is_cjk};
use super::why::Why;
use super::{Role, Unit, boilerplate};
use host::after_host;

/// How explicitly a value was stated; a value is replaced only by a higher-ranked one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(super) enum Rank {
    /// Nothing found yet.
    #[default]
    None,
    /// Stated by page markup (`<meta name=author>`, front matter `author:`).
    Markup,
    /// Implied: a photo credit, the agency of a dateline, a clipping's provenance note.
    Implied,
    /// A label in the text (`作者：`, `来源：`, `编辑:`).
    Label,
    /// A reporter credit in the text (`记者 唐霁`, `本报记者 苏雁`).
    Reporter,
}

impl Rank {
    /// The reason a value found this way is given.
    fn why(self) -> Option<Why> {
        match self {
            Rank::None => None,
            Rank::Markup => Some(Why::markup("page metadata")),
            Rank::Implied => Some(Why::lexicon("agency or photo credit")),
            Rank::Label => Some(Why::lexicon("credit label")),
            Rank::Reporter => Some(Why::lexicon("reporter credit")),
        }
    }
}

/// One metadata field and how it was found.
#[derive(Debug, Clone, Default)]
pub(super) struct Slot {
    pub(super) value: Option<String>,
    rank: Rank,
    /// Why the value is what it is.
    pub(super) why: Option<Why>,
}

impl Slot {
    /// Takes `value` when it outranks what the slot holds.
    /// Whether it was taken (or there was nothing to take): a value not taken is kept in
    /// `dropped` with the line it came from.
    pub(super) fn offer(&mut self, value: Option<String>, rank: Rank) -> bool {
        self.offer_because(value, rank, rank.why())
    }

    /// [`Slot::offer`] with a reason other than the rank's own.
    pub(super) fn offer_because(
        &mut self,
        value: Option<String>,
        rank: Rank,
        why: Option<Why>,
    ) -> bool {
        match value.filter(|v| !v.trim().is_empty()) {
            Some(v) if rank > self.rank => {
                self.value = Some(v);
                self.rank = rank;
                self.why = why;
                true
            }
            Some(_) => false,
            None => true,
        }
    }
}

/// The title and metadata found so far, filled in by the steps below in turn.
#[derive(Default)]
pub(super) struct Fields {
    pub(super) title: Option<String>,
    pub(super) date: Option<meta::DateTime>,
    pub(super) place: Option<String>,
    pub(super) byline: Slot,
    pub(super) editor: Slot,
    pub(super) source: Slot,
    pub(super) url: Option<String>,
    /// The day an agency dateline gave, waiting for a year.
    pub(super) dateline_day: Option<(Option<u8>, u8)>,
}

impl Fields {
    /// Takes what an info line says: its credits, and its date when none is known. Whether
    /// every credit was taken.
    pub(super) fn info(&mut self, info: credits::Info) -> bool {
        if self.date.is_none() {
            self.date = info
                .date
                .as_deref()
                .and_then(meta::find_date)
                .map(|d| d.when);
        }
        self.credit(info.credits)
    }

    /// Takes a credit line (`记者 张三 责任编辑：李四`) or an info line (`2019-12-10 来源：新华网`):
    /// whether all of it was taken; `None` when the line is neither.
    pub(super) fn credit_line(&mut self, text: &str) -> Option<bool> {
        match credits::parse(text) {
            Some(c) => Some(self.credit(c)),
            None => credits::info_line(text).map(|info| self.info(info)),
        }
    }

    /// Takes what a credit line says; whether all of it was taken.
    pub(super) fn credit(&mut self, c: Credits) -> bool {
        let rank = if c.reporter {
            Rank::Reporter
        } else {
            Rank::Label
        };
        let byline = self.byline.offer(c.byline, rank);
        let editor = self.editor.offer(c.editor, Rank::Label);
        let source = self.source.offer(c.source, Rank::Label);
        if self.place.is_none() {
            self.place = c.place;
        }
        byline && editor && source
    }
}

pub(super) fn apply_front(front: &FrontMatter, f: &mut Fields) {
    f.title = front
        .title
        .as_deref()
        .map(|t| meta::collapse_spaces(&super::markdown::inline(t)))
        .filter(|t| !title::decoration(t));
    f.date = front
        .date
        .as_deref()
        .and_then(meta::find_date)
        .map(|d| d.when);
    // A machine timestamp at midnight says the day, not the hour.
    if let Some(d) = f.date.as_mut()
        && d.time == Some((0, 0))
    {
        d.time = None;
    }
    // The time a page shows beside the stated day is the one readers see.
    let shown = front
        .shown_date
        .as_deref()
        .and_then(meta::find_date)
        .map(|d| d.when);
    if let (Some(d), Some(s)) = (f.date.as_mut(), shown)
        && s.time.is_some()
        && (s.year, s.month, s.day) == (d.year, d.month, d.day)
    {
        d.time = s.time;
    }
    // A stated date that does not read as one (a broken `<time datetime>`) gives way to the
    // date the page shows.
    if f.date.is_none() {
        f.date = shown.filter(|s| s.year.is_some());
    }
    let _ = f.byline.offer(
        front.author.as_deref().map(meta::collapse_spaces),
        Rank::Markup,
    );
    let _ = f.source.offer(
        front.source.as_deref().map(meta::collapse_spaces),
        Rank::Markup,
    );
    // What an HTML page prints under its headline is as good as a label in the text.
    let _ = f.byline.offer(front.shown_author.clone(), Rank::Label);
    let _ = f.source.offer(front.shown_source.clone(), Rank::Label);
    let _ = f.editor.offer(front.shown_editor.clone(), Rank::Label);
    f.url = front.url.clone();
}

/// Reads datelines, credits and provenance notes just after the title.
pub(super) fn read_head(units: &mut [Unit], start: usize, f: &mut Fields) {
    let mut i = start;
    let mut seen = 0;
    while i < units.len() && seen < 6 {
        let u = &units[i];
        if let Role::Heading(_) = u.role {
            // Bold credit lines come as headings (`**作者：…**`).
            if let Some(c) = credits::parse(&u.text) {
                let taken = f.credit(c);
                consume(&mut units[i], taken);
            }
            i += 1;
            continue;
        }
        if u.role != Role::Body {
            i += 1;
            continue;
        }
        let text = u.text.trim().to_string();
        if !at_most(&text, 80) {
            break;
        }
        seen += 1;
        // A page saved as text prints the site's host run into its info line
        // (`www.EXAMPLE.com2006年02月01日 20:00:35来源：…`): the line is read without it.
        let text = match after_host(&text) {
            Some(rest) if !rest.is_empty() => rest.to_string(),
            _ => text,
        };
        // The headline printed again as the first line.
        let same = |other: &str| squeezed(other) == squeezed(&text);
        let repeated = f.title.as_deref().is_some_and(same)
            || i.checked_sub(1)
                .is_some_and(|p| matches!(units[p].role, Role::Heading(_)) && same(&units[p].text));
        if repeated {
            units[i].role = Role::Meta;
            i += 1;
            continue;
        }
        // Right under the headline, a line that is only names is the byline (`胡平`,
        // `赵延东、风笑天`).
        // A name by its shape alone only right under the headline and over the story.
        let under_headline = (i == start
            || i.checked_sub(1)
                .is_some_and(|p| matches!(units[p].role, Role::Heading(_) | Role::Meta)))
            && units
                .get(i + 1)
                .is_some_and(|n| !crate::script::at_most(&n.text, 39));
        if f.byline.value.is_none() && names_only(&text, under_headline) {
            let taken = f.byline.offer(Some(text), Rank::Label);
            consume(&mut units[i], taken);
            i += 1;
            continue;
        }
        if f.date.is_none()
            && let Some((when, place)) = meta::dateline(&text)
        {
            f.date = Some(when);
            if f.place.is_none() {
                f.place = place;
            }
            units[i].role = Role::Meta;
            // A name alone on the next line is the author (`习近平` under the date); a word
            // of two characters that starts with no family name is the place (`北京`).
            if let Some(next) = units.get(i + 1)
                && (2..=4).contains(&next.text.chars().count())
                && next.text.chars().all(is_cjk)
            {
                let word = next.text.clone();
                let n = word.chars().count();
                if n == 2 && !crate::script::looks_like_name(&word) {
                    if f.place.is_none() {
                        f.place = Some(word);
                        units[i + 1].role = Role::Meta;
                        i += 1;
                    }
                } else if f.byline.value.is_none() {
                    f.byline.offer(Some(word), Rank::Label);
                    units[i + 1].role = Role::Meta;
                    i += 1;
                }
            }
        } else if let Some(taken) = f.credit_line(&text) {
            consume(&mut units[i], taken);
        } else if let Some((source, author)) = credits::provenance(&text) {
            f.source.offer(Some(source), Rank::Implied);
            f.byline.offer(author, Rank::Label);
            units[i].drop_for(Why::lexicon("provenance"));
        } else if text.starts_with(['■', '◎', '□'])
            && let Some(b) = credits::bare_byline(&text)
        {
            let taken = f.byline.offer(Some(b), Rank::Label);
            consume(&mut units[i], taken);
        } else if i == start && text.starts_with("——") && at_most(&text, 60) {
            // A deck under the headline: `——在…上的报告`.
            units[i].drop_for(Why::features("deck"));
        }
        i += 1;
    }
}

/// `s` without whitespace, for comparing texts that a page spaced differently.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What a line read as metadata becomes: consumed when the fields took what it said, kept in
/// `dropped` otherwise (a second editor line, a byline already known), so nothing is lost.
fn consume(unit: &mut Unit, taken: bool) {
    if taken {
        unit.role = Role::Meta;
    } else {
        unit.drop_for(Why::lexicon("credit already known"));
    }
}

/// A line that is only people's names: each a name by its family name, or, right under the
/// headline, by its shape alone.
fn names_only(text: &str, under_headline: bool) -> bool {
    let names: Vec<&str> = text
        .split(['、', '，', ',', ' ', '\u{3000}'])
        .filter(|n| !n.is_empty())
        .collect();
    !names.is_empty()
        && names.len() <= 4
        && names.iter().all(|n| {
            crate::script::looks_like_name(n) || under_headline && crate::script::is_person_name(n)
        })
}

/// The agency dateline that opens the lead (`新华社北京12月9日电（记者 唐霁）`): its words leave
/// the paragraph for `dropped`; what it says goes to the fields.
pub(super) fn lead_dateline(units: &mut [Unit], f: &mut Fields) {
    let candidates: Vec<usize> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.role == Role::Body)
        .map(|(i, _)| i)
        .take(3)
        .collect();
    for i in candidates {
        let Some(d) = dateline::read(&units[i].text) else {
            // A reporter's credit run into the lead (`本报记者黄涛报道 经过…`).
            if let Some((c, end)) = credits::run_in(&units[i].text) {
                let u = &mut units[i];
                let (words, story) = u.text.split_at(end.min(u.text.len()));
                let (words, story) = (words.trim().to_string(), story.trim().to_string());
                u.cuts.push((words, Why::lexicon("reporter credit")));
                u.text = story;
                f.credit(c);
                return;
            }
            continue;
        };
        let u = &mut units[i];
        let (words, story) = u.text.split_at(d.end.min(u.text.len()));
        let (words, story) = (words.trim().to_string(), story.trim().to_string());
        if f.title.is_none()
            && let Some(t) = d.title.clone()
        {
            f.title = Some(t);
        }
        u.cuts.push((words, Why::lexicon("dateline")));
        if story.is_empty() {
            u.role = Role::Meta;
        }
        u.text = story;
        f.source.offer(d.source, Rank::Implied);
        f.byline.offer(d.byline, Rank::Reporter);
        if f.place.is_none() {
            f.place = d.place;
        }
        f.dateline_day = d.day;
        return;
    }
}

/// The outlet of a Chinese agency dateline that opens a paragraph further down (a digest of
/// several stories, each opening with `央视网消息（新闻联播）：`), when nothing else named a
/// source.
pub(super) fn later_dateline_source(units: &[Unit], f: &mut Fields) {
    if f.source.value.is_some() {
        return;
    }
    // A Chinese dateline ends in `电`, `讯` or `消息` within its first words: most
    // paragraphs are passed over without being read.
    let ends_soon = |t: &str| {
        t.chars()
            .take(24)
            .any(|c| matches!(c, '电' | '電' | '讯' | '訊' | '息'))
    };
    let source = units
        .iter()
        .filter(|u| u.role == Role::Body && ends_soon(&u.text))
        .find_map(|u| dateline::read(&u.text).and_then(|d| d.source));
    f.source.offer_because(
        source,
        Rank::Implied,
        Some(Why::lexicon("dateline of a later story")),
    );
}

/// Reads the footer: credits, bylines and boilerplate, from the end back to the last paragraph
/// of the article, and a credit glued to the end of that paragraph.
pub(super) fn read_tail(units: &mut [Unit], f: &mut Fields) {
    // A short last line that is none of these (a site's one-line footer) is read past once,
    // to a credit line above it; nothing else is read after that.
    let mut passed: Option<usize> = None;
    for i in (0..units.len()).rev() {
        let u = &units[i];
        // Bold credit lines come as headings (`**作者︱春春**`).
        let heading = matches!(u.role, Role::Heading(_));
        if !heading && u.role != Role::Body || super::image::only_images(&u.text) {
            continue;
        }
        let text = u.text.trim().to_string();
        if let Some(footer) = passed {
            if let Some(taken) = f.credit_line(&text) {
                consume(&mut units[i], taken);
                // The story ends with its credit: the short line under it is the page's.
                units[footer].drop_for(Why::features("after the closing credit"));
            }
            break;
        }
        if heading && credits::parse(&text).is_none() && !boilerplate::is_boilerplate(&text) {
            break;
        }
        if let Some(class) = boilerplate::class_of(&text) {
            units[i].drop_for(Why::lexicon(class));
        } else if !heading && boilerplate::notices_paragraph(&text) {
            units[i].drop_for(Why::lexicon("notices"));
        } else if let Some((who, agency)) = credits::photo_credit(&text) {
            let who = f.byline.offer(Some(who), Rank::Implied);
            let agency = f.source.offer(agency, Rank::Implied);
            consume(&mut units[i], who && agency);
        } else if let Some(taken) = f.credit_line(&text) {
            consume(&mut units[i], taken);
        } else if let Some(b) = credits::bare_byline(&text) {
            let taken = f.byline.offer(Some(b), Rank::Label);
            consume(&mut units[i], taken);
        } else if english_contributors(&text) || date_code(&text).is_some() {
            units[i].role = Role::Meta;
        } else {
            // A picture after the credit stays where it is.
            let (words, pictures) = super::image::split_trailing(&text);
            if let Some((at, c)) = credits::glued(words)
                && let (Some(story), Some(credit)) = (words.get(..at), words.get(at..))
            {
                let u = &mut units[i];
                u.cuts
                    .push((credit.trim().to_string(), Why::lexicon("credit")));
                u.text = format!("{}{pictures}", story.trim_end());
                f.credit(c);
            } else if !heading && passed.is_none() && at_most(&text, 100) {
                passed = Some(i);
                continue;
            }
            break;
        }
    }
}

/// `CNN's Jason Carroll … contributed to this report.`: the desk's closing credit.
fn english_contributors(t: &str) -> bool {
    at_most(t, 300)
        && t.trim_end_matches('.')
            .ends_with("contributed to this report")
}
