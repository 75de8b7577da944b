//! Reference-style links and images (`![alt][1]`, `[text][id]`) and the definitions they point
//! to (`[1]: http://example.com/a.gif "title"`). A definition is markup, never text: its line
//! leaves the body, and every reference to it is rewritten as an inline link or image, so the
//! inline parser reads both forms the same way. Fenced code is left as it is.

use std::borrow::Cow;
use std::collections::HashMap;

use super::Fences;

/// A link reference definition on one line: its label (lower case) and its address.
fn definition(line: &str) -> Option<(String, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = line.trim().strip_prefix('[')?;
    let close = rest.find("]:")?;
    let label = rest.get(..close)?;
    if label.trim().is_empty() || label.contains(['[', ']']) {
        return None;
    }
    let after = rest.get(close + 2..)?.trim();
    let mut parts = after.splitn(2, char::is_whitespace);
    let url = parts.next()?.trim_start_matches('<').trim_end_matches('>');
    let title = parts.next().unwrap_or("").trim();
    let titled = title.is_empty()
        || ['"', '\'', '('].iter().any(|&q| title.starts_with(q))
            && title.ends_with(['"', '\'', ')']);
    let address =
        url.contains([':', '/', '.', '#']) && !url.contains(['，', '。', '；', '！', '？']);
    (address && titled).then(|| (label.trim().to_lowercase(), url))
}

/// `text` with its reference definitions removed and the references to them made inline.
/// Borrowed when it has none.
pub(super) fn resolve(text: &str) -> Cow<'_, str> {
    if !text.contains("]:") {
        return Cow::Borrowed(text);
    }
    let mut defs: HashMap<String, &str> = HashMap::new();
    let mut fences = Fences::default();
    for line in text.split('\n') {
        if !fences.code(line)
            && let Some((label, url)) = definition(line)
        {
            defs.entry(label).or_insert(url);
        }
    }
    if defs.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut fences = Fences::default();
    let mut first = true;
    for line in text.split('\n') {
        let code = fences.code(line);
        if !code && definition(line).is_some() {
            continue;
        }
        if !first {
            out.push('\n');
        }
        first = false;
        if code {
            out.push_str(line);
        } else {
            inline_references(line, &defs, &mut out);
        }
    }
    Cow::Owned(out)
}

/// Writes `line` with each `][label]` whose label is defined made `](address)`.
fn inline_references(line: &str, defs: &HashMap<String, &str>, out: &mut String) {
    let mut rest = line;
    while let Some(at) = rest.find("][") {
        let after = &rest[at + 2..];
        let resolved = after.find(']').and_then(|close| {
            let label = after[..close].trim().to_lowercase();
            defs.get(&label).map(|url| (close, *url))
        });
        match resolved {
            Some((close, url)) => {
                out.push_str(&rest[..at]);
                out.push_str("](");
                out.push_str(url);
                out.push(')');
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[..at + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_leave_and_references_become_inline() {
        let text = "See [the report][r] and ![\\[Photo\\]][1].\n\n[1]: http://x/seal.gif\n[R]: <http://x/a> \"A\"";
        assert_eq!(
            resolve(text),
            "See [the report](http://x/a) and ![\\[Photo\\]](http://x/seal.gif).\n"
        );
    }

    #[test]
    fn text_without_definitions_and_fenced_code_stay() {
        let plain = "a [b][c] d: [e]: f";
        assert!(matches!(resolve(plain), Cow::Borrowed(_)));
        let fenced = "```\n[1]: http://x\n```\n[x][1]\n\n[1]: http://y";
        assert_eq!(resolve(fenced), "```\n[1]: http://x\n```\n[x](http://y)\n");
        // A fence ends only on its own character, as the block parser reads it.
        let tilde = "~~~\n```\n[1]: http://x\n~~~\n[x][1]\n\n[1]: http://y";
        assert_eq!(
            resolve(tilde),
            "~~~\n```\n[1]: http://x\n~~~\n[x](http://y)\n"
        );
        // An undefined label is left as written.
        assert_eq!(resolve("[x][2]\n[1]: http://y"), "[x][2]");
        // A colon line that is prose is no definition.
        assert_eq!(definition("[注]: 这是一个说明，不是地址"), None);
    }
}
