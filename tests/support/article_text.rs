//! How the tests that measure a parse read its result: lines compared without spacing, and
//! an article written out (headings with their levels, paragraphs, dropped lines with their
//! reasons) for a failure's message.

use newsreader::article::Article;

/// Text with every space left out, so that lines compare whatever spacing the parser set.
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The article as a failure shows it: its byline, headings with their levels, paragraphs,
/// and every dropped line with its reason.
pub fn dump(a: &Article) -> String {
    let mut out = format!("  author {:?}\n", a.byline);
    for s in &a.sections {
        if let Some(h) = &s.heading {
            out.push_str(&format!("  [h{}] {h}\n", s.level));
        }
        for p in &s.paragraphs {
            out.push_str(&format!("    {p}\n"));
        }
    }
    for (d, why) in a.dropped_with_reasons() {
        out.push_str(&format!("  dropped ({why}): {d}\n"));
    }
    out
}
