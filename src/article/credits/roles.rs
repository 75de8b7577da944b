//! Finding the role word that opens a credit, with the lexicon's table of role words
//! ([`crate::article::lexicon::ROLES`]) and what each says about its value.

pub(super) use crate::article::lexicon::Role as Kind;
use crate::article::lexicon::{self, ROLES};

/// Roles that may run straight into the name without a separator (`记者唐霁`).
pub(super) fn runs_into_name(kind: Kind) -> bool {
    kind == Kind::Reporter
}

/// The first characters of the role words, sorted: most text starts with none of them and is
/// ruled out before the table is read.
fn firsts() -> &'static [char] {
    static FIRSTS: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    FIRSTS.get_or_init(|| {
        let mut v: Vec<char> = ROLES.iter().filter_map(|(w, _)| w.chars().next()).collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// The role word at the start of `s` (as `s` prints it: `記者` stays `記者`) and its kind.
pub(super) fn role_at(s: &str) -> Option<(&str, Kind)> {
    let first = crate::search::simplified_char(s.chars().next()?);
    if firsts().binary_search(&first).is_err() {
        return None;
    }
    ROLES
        .iter()
        .find_map(|&(w, k)| lexicon::starts(s, w).and_then(|len| Some((s.get(..len)?, k))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_in_either_script() {
        assert_eq!(
            role_at("責任編輯：肖春芳"),
            Some(("責任編輯", Kind::Editor))
        );
        assert_eq!(role_at("记者 唐霁"), Some(("记者", Kind::Reporter)));
        assert_eq!(role_at("他说"), None);
        assert_eq!(role_at(""), None);
    }
}
