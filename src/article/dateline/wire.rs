//! The Central News Agency's dateline, which puts everything in brackets with the reporter
//! first: `（中央社記者楊啟芳台北31日電）`, `（中央社台北31日電）`.

use super::super::credits::is_agency;
use super::super::lexicon::{self, DATELINE_ENDS};
use super::super::meta::half_width;
use super::{AFTER, Dateline, agency_and_place, bracket_end, day_at_end};
use crate::script::is_han;

/// `（中央社記者楊啟芳台北31日電）`: the Central News Agency puts the whole dateline in brackets,
/// reporter first.
pub(super) fn chinese_bracketed(t: &str) -> Option<Dateline> {
    let close = bracket_end(t)?;
    let inner = t
        .get(..close)?
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?;
    let (_, at) = lexicon::ends_any(inner, DATELINE_ENDS)?;
    let head = half_width(inner.get(..at)?);
    let (day, rest) = day_at_end(&head);
    let mut d = Dateline {
        day,
        ..Dateline::default()
    };
    // `中央社記者楊啟芳台北` or `中央社台北`.
    let role = lexicon::find(rest, "记者").and_then(|at| {
        let (agency, after) = rest.split_at(at);
        let len = "记者".len();
        Some((after.get(..len)?, agency, after.get(len..)?))
    });
    match role {
        Some((role, agency, names_place)) => {
            if !is_agency(agency) {
                return None;
            }
            let chars: Vec<char> = names_place.chars().collect();
            // Reporters' names are mostly three characters, places two or three.
            let name_len = if chars.len() >= 5 { 3 } else { 2 };
            if chars.len() < 3 || !chars.iter().all(|&c| is_han(c) || c == '、') {
                return None;
            }
            let (name, place): (String, String) = match names_place.rsplit_once('、') {
                Some((first, last)) => {
                    let last: Vec<char> = last.chars().collect();
                    let n = if last.len() >= 5 { 3 } else { 2 };
                    (
                        format!("{first}、{}", last.iter().take(n).collect::<String>()),
                        last.iter().skip(n).collect(),
                    )
                }
                None => (
                    chars.iter().take(name_len).collect(),
                    chars.iter().skip(name_len).collect(),
                ),
            };
            d.source = Some(agency.to_string());
            d.byline = Some(format!("{agency}{role}{name}"));
            d.place = (!place.is_empty()).then_some(place);
        }
        None => {
            let (agency, place) = agency_and_place(rest)?;
            d.source = Some(agency);
            d.place = place;
        }
    }
    let story = t.get(close..)?.trim_start_matches(AFTER);
    d.end = t.len() - story.len();
    Some(d)
}
