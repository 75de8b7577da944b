//! Moving what is not the article out of the body: every line that a boilerplate class or a
//! caption classifier recognises, the headlines under a "related links" label, everything
//! after a promotion separator, captions repeated in the text, and stock-ticker quotes inside
//! sentences. What leaves goes to `dropped`, so nothing disappears silently.

use std::collections::HashMap;

use super::boilerplate::{self, RelatedBlock};
use super::why::Why;
use super::{Role, Unit, caption, image};

/// Whether a unit still counts as text of the article (a paragraph or a heading).
fn text_role(role: Role) -> bool {
    matches!(role, Role::Body | Role::Heading(_))
}

/// Runs every sweep over the units.
pub(super) fn sweep(units: &mut [Unit]) {
    lines(units);
    related_blocks(units);
    promotion(units);
    repeated_captions(units);
    picture_sources(units);
    tickers(units);
    trailing_photo_credits(units);
}

/// A photo credit printed at the end of a paragraph (`…也能長出花。 攝：林振東 / 端傳媒`) leaves it.
fn trailing_photo_credits(units: &mut [Unit]) {
    for u in units.iter_mut().filter(|u| u.role == Role::Body) {
        let Some((text, credit)) = caption::trailing_credit(&u.text) else {
            continue;
        };
        let (text, credit) = (text.to_string(), credit.to_string());
        u.text = text;
        u.cuts.push((credit, Why::lexicon("photo credit")));
    }
}

/// Lines that a class recognises on their own.
fn lines(units: &mut [Unit]) {
    for u in units.iter_mut() {
        if !text_role(u.role) || u.verbatim {
            continue;
        }
        if let Some(class) = boilerplate::class_of(&u.text) {
            u.drop_for(Why::lexicon(class));
        } else if caption::is_caption(&u.text) {
            u.drop_for(Why::lexicon("caption"));
        }
    }
}

/// A "related links" label and the headlines under it, up to the next heading or paragraph.
fn related_blocks(units: &mut [Unit]) {
    let mut i = 0;
    while i < units.len() {
        if !boilerplate::related_label(&units[i].text)
            || !matches!(units[i].role, Role::Dropped | Role::Body | Role::Heading(_))
        {
            i += 1;
            continue;
        }
        units[i].drop_for(Why::lexicon("related links"));
        let mut j = i + 1;
        while j < units.len() {
            let u = &mut units[j];
            match u.role {
                Role::Body if RelatedBlock::continues(&u.text) => {
                    u.drop_for(Why::lexicon("related links"))
                }
                Role::Dropped | Role::Meta => {}
                _ => break,
            }
            j += 1;
        }
        i = j;
    }
}

/// Everything after a promotion separator (`以下为推广`) is advertising.
fn promotion(units: &mut [Unit]) {
    if let Some(at) = units
        .iter()
        .position(|u| boilerplate::promo_separator(&u.text))
    {
        for u in &mut units[at..] {
            if u.role != Role::Meta {
                u.drop_for(Why::lexicon("after a promotion separator"));
            }
        }
    }
}

/// A caption-shaped line printed more than once is the caption of pictures the scraper left
/// out (`运营商某次活动上展示的5G芯片` under two pictures), not text.
fn repeated_captions(units: &mut [Unit]) {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for u in units.iter() {
        if u.role == Role::Body && caption::caption_shaped(&u.text) {
            *count.entry(u.text.trim()).or_default() += 1;
        }
    }
    let repeated: Vec<String> = count
        .into_iter()
        .filter(|&(_, n)| n > 1)
        .map(|(t, _)| t.to_string())
        .collect();
    if repeated.is_empty() {
        return;
    }
    for u in units.iter_mut() {
        if u.role == Role::Body && repeated.iter().any(|r| r == u.text.trim()) {
            u.drop_for(Why::features("repeated caption"));
        }
    }
}

/// A short line right under a picture naming where its figures come from with a label
/// ending in `出处` (`统计出处：某某《…研究》`, `数据出处：…`) is the picture's source note, not
/// text.
fn picture_sources(units: &mut [Unit]) {
    let mut under_picture = false;
    for u in units.iter_mut() {
        match u.role {
            Role::Meta | Role::Dropped => continue,
            Role::Body if under_picture && picture_source(&u.text) => {
                u.drop_for(Why::lexicon("picture source"));
            }
            _ => {}
        }
        under_picture = u.role == Role::Body && image::only_images(&u.text);
    }
}

/// A source note's shape: a short label ending in `出处`, a colon, then the source, with no
/// sentence in it.
fn picture_source(text: &str) -> bool {
    let t = text.trim();
    crate::script::at_most(t, 60)
        && !t.contains('。')
        && t.split_once(['：', ':']).is_some_and(|(label, rest)| {
            label.ends_with("出处") && crate::script::at_most(label, 6) && !rest.trim().is_empty()
        })
}

/// Stock quotes inside sentences (`摩根大通(115.395,2.79,2.47%)等`) leave the text.
fn tickers(units: &mut [Unit]) {
    for u in units.iter_mut() {
        if !text_role(u.role) {
            continue;
        }
        if let Some((text, removed)) = boilerplate::strip_tickers(&u.text) {
            u.text = text;
            u.cuts.extend(
                removed
                    .into_iter()
                    .map(|r| (r, Why::features("stock quote"))),
            );
        }
    }
}
