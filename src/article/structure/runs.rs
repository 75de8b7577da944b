//! Numbered subheads: `1、x` / `1. x` lines that count 1, 2, 3 … through a section, each followed
//! by text of its own (consecutive numbered lines are a list, and a list quoted inside the
//! run does not break it: `16、` still follows `15、` after a quoted `1、2、3、`); and bare
//! section numbers (`1`, `**01**`) that belong to the heading after them.

use super::super::heading::{self, Style};
use super::super::why::Why;
use super::super::{Role, Unit};

/// Finds the numbered runs of each stretch between markup headings. Numbering either goes
/// on from the stretch before (`6、` under the second bold heading after `5、` under the
/// first) or starts again at 1 under every heading (a newsletter's sections).
pub(super) fn numbered_runs(units: &mut [Unit]) {
    let mut start = 0;
    let mut next = 1;
    let mut established = false;
    while start < units.len() {
        let end = units[start + 1..]
            .iter()
            .position(|u| matches!(u.role, Role::Heading(_)))
            .map_or(units.len(), |p| start + 1 + p);
        let stretch = &mut units[start..end];
        // Numbering that starts again is taken when it runs longer than numbering that goes on.
        let again = if next == 1 {
            None
        } else {
            run_of(stretch, 1, established)
        };
        let on = run_of(stretch, next, established);
        let first = match (again, on) {
            (Some(a), Some(o)) if a.len() > o.len() => Some(1),
            (_, Some(_)) => Some(next),
            (Some(_), None) => Some(1),
            (None, None) => None,
        };
        let found = first.and_then(|f| mark_run(stretch, f, established));
        if let Some(last) = found {
            next = last + 1;
            established = true;
        }
        start = end;
    }
}

/// Marks the run starting at `first` and returns its last number.
fn mark_run(units: &mut [Unit], first: u32, established: bool) -> Option<u32> {
    let run = run_of(units, first, established)?;
    for &i in &run {
        units[i].set(Role::Detected(Style::Arabic), Why::markup("numbered run"));
    }
    Some(first + u32::try_from(run.len()).unwrap_or(0) - 1)
}

/// The run `first`, `first + 1` … among the numbered lines of one stretch (the indices of its
/// lines). A run of one counts once the article has shown its numbering.
fn run_of(units: &[Unit], first: u32, established: bool) -> Option<Vec<usize>> {
    let mut expected = first;
    let mut run: Vec<usize> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if u.role != Role::Body || !u.line {
            continue;
        }
        if let Some((n, _)) = heading::numbered(&u.text)
            && n == expected
        {
            run.push(i);
            expected += 1;
        }
    }
    let enough = run.len() >= 2 || run.len() == 1 && (established || first > 1);
    if !enough {
        return None;
    }
    let adjacent = run
        .windows(2)
        .any(|w| units[w[0] + 1..w[1]].iter().all(|u| u.role != Role::Body));
    let last_alone = run
        .last()
        .is_some_and(|&i| units[i + 1..].iter().all(|u| u.role != Role::Body));
    (!adjacent && !last_alone).then_some(run)
}

/// A bare section number (`1`, or `**01**` in Markdown) belongs to the heading after it.
pub(super) fn bare_numbers(units: &mut [Unit]) {
    for i in 0..units.len().saturating_sub(1) {
        if heading::bare_number(&units[i].text).is_none()
            || !matches!(units[i].role, Role::Body | Role::Heading(_))
        {
            continue;
        }
        let next = &units[i + 1];
        let next_is_heading = matches!(next.role, Role::Heading(_) | Role::Detected(_))
            || next.role == Role::Body && next.line && heading::subhead(&next.text).is_some();
        if !next_is_heading {
            continue;
        }
        let role = match next.role {
            Role::Body => Role::Detected(Style::Plain),
            r => r,
        };
        let number = units[i].text.trim().to_string();
        units[i + 1].text = format!("{number} {}", units[i + 1].text);
        if units[i + 1].role == Role::Body {
            units[i + 1].set(role, Why::markup("section number"));
        }
        units[i].role = Role::Meta;
    }
}
