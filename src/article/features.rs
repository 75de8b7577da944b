//! Shallow text features, after Kohlschütter, Fankhauser and Nejdl, "Boilerplate detection
//! using shallow text features" (2010): for each block left in the body once markup, the
//! metadata steps and the lexicon have spoken, a few numbers (its length, how much of it is
//! punctuation, digits or Latin letters, whether it ends a sentence, where it stands, the
//! lexicon's notice and page-tool words it holds, the same for its neighbours), weighed by a
//! logistic model whose weights were fitted on the labelled articles and pages and checked by
//! leaving one site out at a time ([`WEIGHTS`]). A block the model is sure of goes to
//! `dropped` with its score as the reason. No phrase is involved: the model knows shapes.

mod weights;

use super::lexicon::{Firsts, NAVIGATION, fold_nocase, notices, starts_nocase};
use super::why::Why;
use super::{Role, Unit};
use crate::script::{alphanumeric, at_most, ends_sentence, is_clause_punct, is_han};

pub use weights::{NAMES, THRESHOLD, WEIGHTS};

/// How many numbers describe a block.
pub const COUNT: usize = 21;

/// Blocks longer than this are prose whatever their shape; the model looks at shorter ones.
const LONGEST: usize = 200;

/// What one block looks like to the model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features(pub [f32; COUNT]);

/// The shape of one block on its own.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    /// Characters, as log₂(1 + n).
    size: f32,
    /// It ends a sentence.
    sentence: bool,
    /// Clause punctuation per character.
    punctuation: f32,
    /// Share of digits.
    digits: f32,
    /// Share of Latin letters.
    latin: f32,
    /// Kinds of notice word of the lexicon it holds.
    notices: f32,
    /// Share of its letters in page-tool words.
    navigation: f32,
    /// Share of its characters inside `【】` or `[]`.
    brackets: f32,
    /// It holds an address (`http`, `www.`, `@`).
    address: bool,
}

/// The outline of a block: its size and whether it ends a sentence, all the model reads of
/// a neighbour (the rest of [`shape`] is read only for the blocks it judges).
fn outline(text: &str) -> Shape {
    let t = text.trim();
    let size = if at_most(t, LONGEST * 2) {
        ((1 + t.chars().count()) as f32).log2()
    } else {
        9.0
    };
    Shape {
        size,
        sentence: ends_sentence(t),
        ..Shape::default()
    }
}

fn shape(text: &str) -> Shape {
    let t = text.trim();
    if !at_most(t, LONGEST * 2) {
        return Shape {
            size: 9.0,
            sentence: ends_sentence(t),
            ..Shape::default()
        };
    }
    let (mut n, mut punct, mut digits, mut latin, mut bracketed, mut depth) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0i32);
    for c in t.chars() {
        n += 1;
        match c {
            '【' | '[' => depth += 1,
            '】' | ']' => depth -= 1,
            _ => {}
        }
        if depth > 0 {
            bracketed += 1;
        }
        if is_clause_punct(c) || matches!(c, ',' | '.') {
            punct += 1;
        } else if c.is_ascii_digit() {
            digits += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    let share = |k: usize| if n == 0 { 0.0 } else { k as f32 / n as f32 };
    Shape {
        size: ((1 + n) as f32).log2(),
        sentence: ends_sentence(t),
        punctuation: share(punct),
        digits: share(digits),
        latin: share(latin),
        notices: notices(t).count_ones() as f32,
        navigation: navigation_share(t),
        brackets: share(bracketed),
        address: t.contains("http") || t.contains("www.") || t.contains('@'),
    }
}

/// The page-tool words ([`NAVIGATION`]) by their first character (in list order among the
/// words that share it), each with its count of letters, and the characters that fold to a
/// first character, which rules most characters out before they are folded.
struct Starts {
    words: Vec<(char, &'static str, usize)>,
    raw: Firsts,
}

impl Starts {
    /// The first page-tool word (in list order) that `rest`, starting with `c`, starts with:
    /// its letters and its byte length in `rest`, ASCII case ignored; only the words that
    /// start with `c` folded are tried.
    fn word_at(&self, rest: &str, c: char) -> Option<(usize, usize)> {
        if !self.raw.may_start(c) {
            return None;
        }
        let first = fold_nocase(c);
        let from = self.words.partition_point(|&(f, _, _)| f < first);
        self.words[from..]
            .iter()
            .take_while(|&&(f, _, _)| f == first)
            .find_map(|&(_, word, letters)| starts_nocase(rest, word).map(|len| (letters, len)))
    }
}

fn navigation_starts() -> &'static Starts {
    static FIRST: std::sync::OnceLock<Starts> = std::sync::OnceLock::new();
    FIRST.get_or_init(|| {
        let mut words: Vec<(char, &'static str, usize)> = NAVIGATION
            .iter()
            .filter_map(|&w| {
                let letters = w.chars().filter(|&c| alphanumeric(c)).count();
                Some((w.chars().next()?, w, letters))
            })
            .collect();
        // Stable: words that share a first character keep their order.
        words.sort_by_key(|&(f, _, _)| f);
        let firsts: Vec<char> = words.iter().map(|&(f, _, _)| f).collect();
        let raw = Firsts::new(&firsts);
        Starts { words, raw }
    })
}

/// The share of a text's letters (ideographs and Latin letters) inside the lexicon's
/// page-tool words ([`NAVIGATION`]).
pub(super) fn navigation_share(t: &str) -> f32 {
    let (mut covered, mut letters, mut i) = (0usize, 0usize, 0);
    let starts = navigation_starts();
    while let Some(rest) = t.get(i..) {
        let Some(c) = rest.chars().next() else { break };
        // Most characters start no page-tool word: one lookup rules them out.
        if let Some((n, len)) = starts.word_at(rest, c) {
            covered += n;
            letters += n;
            i += len;
            continue;
        }
        if alphanumeric(c) || is_han(c) {
            letters += 1;
        }
        i += c.len_utf8();
    }
    if letters == 0 {
        0.0
    } else {
        covered as f32 / letters as f32
    }
}

/// The features of body block `k` of `body` (the indices, in `units`, of the blocks still in
/// the body), whose shape is `s`, with its neighbours' (of which only the [`outline`] is read).
fn features(
    units: &[Unit],
    body: &[usize],
    s: Shape,
    shapes: &[Shape],
    cjk: bool,
    k: usize,
) -> Features {
    let n = body.len();
    let prev = k.checked_sub(1).map(|p| shapes[p]);
    let next = shapes.get(k + 1).copied();
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    let position = if n > 1 {
        k as f32 / (n - 1) as f32
    } else {
        0.0
    };
    let short_bare = at_most(&units[body[k]].text, 20) && s.punctuation == 0.0;
    Features([
        1.0,
        s.size,
        b(s.sentence),
        (s.punctuation * 10.0).min(3.0),
        s.digits,
        s.latin,
        position,
        b(k < 2),
        b(k + 3 >= n),
        s.notices,
        s.navigation,
        prev.map_or(0.0, |p| p.size),
        next.map_or(0.0, |p| p.size),
        prev.map_or(1.0, |p| b(p.sentence)),
        next.map_or(1.0, |p| b(p.sentence)),
        s.brackets,
        b(s.address),
        b(short_bare),
        b(k + 1 == n),
        if cjk { s.latin } else { 0.0 },
        b(numbered(&units[body[k]].text)),
    ])
}

/// A block that opens with a number and a list mark (`1、`, `2. `, `(3)`): an item of a list.
fn numbered(t: &str) -> bool {
    let t = t.trim_start().trim_start_matches(['(', '（']);
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && t.get(digits..)
            .is_some_and(|r| r.starts_with(['、', '.', '．', ')', '）', ' ']))
}

/// Which blocks of the body stand at its edges: before its first paragraph of prose (a
/// sentence of forty characters or more) or after its last. Boilerplate sits there; the
/// model judges nothing in between, where lists and subheads are, nor a body without prose.
fn edges(units: &[Unit], body: &[usize]) -> Vec<bool> {
    let prose = |i: usize| {
        let t = &units[i].text;
        ends_sentence(t) && !at_most(t, 40)
    };
    let first = body.iter().position(|&i| prose(i));
    let last = body.iter().rposition(|&i| prose(i));
    (0..body.len())
        .map(|k| match (first, last) {
            (Some(f), Some(l)) => k < f || k > l,
            // A body without prose (a table, a list of links) is not judged at all.
            _ => false,
        })
        .collect()
}

/// A `【x】` rubric right over a paragraph of prose (`【串謀刑毀案】` over the story): a
/// heading, whatever its score.
fn rubric_over_prose(units: &[Unit], body: &[usize], k: usize) -> bool {
    let t = units[body[k]].text.trim();
    t.starts_with('【')
        && super::heading::marked(t).is_some()
        && body.get(k + 1).is_some_and(|&n| {
            let next = &units[n].text;
            ends_sentence(next) && !at_most(next, 40)
        })
}

/// The model's probability that a block with these features is not article text.
pub fn score(f: &Features) -> f32 {
    let z: f32 = f.0.iter().zip(WEIGHTS.iter()).map(|(x, w)| x * w).sum();
    1.0 / (1.0 + (-z).exp())
}

/// The indices of the blocks the model judges: paragraphs and plain lines still in the body,
/// not preformatted.
fn body(units: &[Unit]) -> Vec<usize> {
    (0..units.len())
        .filter(|&i| units[i].role == Role::Body && !units[i].verbatim)
        .collect()
}

/// The features of every block at the body's edges, with its text: what the weights are
/// fitted on.
pub(super) fn rows(units: &[Unit]) -> Vec<(String, Features)> {
    let body = body(units);
    let shapes: Vec<Shape> = body.iter().map(|&i| shape(&units[i].text)).collect();
    let cjk = chinese(units, &body);
    let edge = edges(units, &body);
    (0..body.len())
        .filter(|&k| edge[k])
        .map(|k| {
            (
                units[body[k]].text.clone(),
                features(units, &body, shapes[k], &shapes, cjk, k),
            )
        })
        .collect()
}

/// Whether the body is Chinese: Han characters in most of its first blocks.
fn chinese(units: &[Unit], body: &[usize]) -> bool {
    let han = body
        .iter()
        .take(12)
        .filter(|&&i| {
            units[i]
                .text
                .chars()
                .take(40)
                .filter(|&c| is_han(c))
                .count()
                >= 4
        })
        .count();
    han * 2 > body.len().min(12)
}

/// Moves to `dropped` the short blocks at the body's edges the model is sure are not article
/// text.
pub(super) fn drop_boilerplate(units: &mut [Unit]) {
    let body = body(units);
    // Neighbours are read by their outline only; the whole shape of a block (its notice and
    // page-tool words) is found only for the blocks the model judges.
    let shapes: Vec<Shape> = body.iter().map(|&i| outline(&units[i].text)).collect();
    let cjk = chinese(units, &body);
    let edge = edges(units, &body);
    let sure: Vec<bool> = (0..body.len())
        .map(|k| {
            let text = &units[body[k]].text;
            edge[k]
                && at_most(text, LONGEST)
                && !rubric_over_prose(units, &body, k)
                && score(&features(units, &body, shape(text), &shapes, cjk, k)) >= THRESHOLD
        })
        .collect();
    let drop: Vec<usize> = (0..body.len())
        .filter(|&k| {
            sure[k]
                && !subhead_over_text(units, &body, &shapes, &sure, k)
                && !heads_list(units, &body, &shapes, k)
        })
        .map(|k| body[k])
        .collect();
    for i in drop {
        units[i].drop_for(Why::features("boilerplate score"));
    }
}

/// A short line of letters only over a numbered list (`1.…` then `2.…`): the list's heading,
/// not page furniture.
fn heads_list(units: &[Unit], body: &[usize], shapes: &[Shape], k: usize) -> bool {
    let t = units[body[k]].text.trim();
    at_most(t, 20)
        && !shapes[k].sentence
        && t.chars().all(|c| is_han(c) || alphanumeric(c) || c == ' ')
        && super::heading::opens_list(body[k + 1..].iter().map(|&i| units[i].text.as_str()))
}

/// A short line of letters only (no punctuation, brackets or marks) over two blocks that end sentences and that the model
/// keeps (`下一步怎么走` over `步道还要再延长。` `照明也要更亮。`): a subhead over the last
/// short paragraphs, not page furniture, whatever its own score. Furniture at the foot is
/// followed by more furniture (notices, links, nothing), which the model drops itself.
fn subhead_over_text(
    units: &[Unit],
    body: &[usize],
    shapes: &[Shape],
    sure: &[bool],
    k: usize,
) -> bool {
    let t = units[body[k]].text.trim();
    let kept_sentence = |j: usize| shapes.get(j).is_some_and(|s| s.sentence) && !sure[j];
    at_most(t, 20)
        && !shapes[k].sentence
        && t.chars().all(|c| is_han(c) || alphanumeric(c) || c == ' ')
        && kept_sentence(k + 1)
        && kept_sentence(k + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_weights_describe_every_feature() {
        assert_eq!(NAMES.len(), COUNT);
        assert_eq!(WEIGHTS.len(), COUNT);
        assert!((0.5..1.0).contains(&THRESHOLD));
    }

    #[test]
    fn an_outline_is_the_shape_s_size_and_sentence_end() {
        let long = "长".repeat(450);
        for t in [
            "",
            " 返回首页 ",
            "他回到首都后，继续工作了很多年。",
            "Short line.",
            &long,
        ] {
            let (o, s) = (outline(t), shape(t));
            assert_eq!(o.size, s.size, "{t}");
            assert_eq!(o.sentence, s.sentence, "{t}");
        }
    }

    #[test]
    fn page_tools_are_most_of_a_navigation_line() {
        assert!(navigation_share("返回上页 回到首页") > 0.99);
        assert!(navigation_share("【打印本页】【关闭窗口】") > 0.99);
        assert!(navigation_share("他回到首都后，继续工作了很多年。") < 0.3);
        assert_eq!(navigation_share("……"), 0.0);
    }
}
