//! English wire datelines: the agency in brackets (`(CNN) --`), a place in capitals
//! (`LONDON —`), or both (`WASHINGTON (Reuters) -`).

use super::Dateline;

/// `(CNN) --`, `LONDON —`, `WASHINGTON (Reuters) -`: English wire datelines.
pub(super) fn english(t: &str) -> Option<Dateline> {
    let mut d = Dateline::default();
    let mut rest = t;
    // A place in capitals, optionally with a state or country: `LONDON`, `SAN JUAN, P.R.`.
    // A double hyphen ends it (`SANTA CRUZ, CA--A quartet…`).
    let caps_end = t
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_uppercase() || " .,'-".contains(c)) || t[i..].starts_with("--")
        })
        .map_or(t.len(), |(i, _)| i);
    let caps = t.get(..caps_end)?.trim_end_matches([' ', '-', ',']).trim();
    if caps.chars().filter(char::is_ascii_uppercase).count() >= 3 {
        d.place = Some(caps.trim_end_matches(',').to_string());
        rest = t.get(caps.len()..)?.trim_start();
    }
    if let Some(inner) = rest.strip_prefix('(') {
        let close = inner.find(')')?;
        let agency = inner.get(..close)?;
        let ok = (2..=24).contains(&agency.len())
            && agency.starts_with(|c: char| c.is_ascii_uppercase())
            && agency
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || " .&".contains(c));
        if !ok {
            return None;
        }
        d.source = Some(agency.to_string());
        rest = inner.get(close + 1..)?.trim_start();
    }
    if d.place.is_none() && d.source.is_none() {
        return None;
    }
    let dash = ["--", "—", "–", "-"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?;
    let story = dash.trim_start();
    if !story.starts_with(|c: char| c.is_alphanumeric() || c == '"' || c == '“') {
        return None;
    }
    d.end = t.len() - story.len();
    Some(d)
}
