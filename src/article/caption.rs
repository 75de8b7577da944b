//! Photo captions that scrapers leave among the paragraphs. A caption describes a picture the
//! reader cannot see; it is not the story, and it must never become a heading. Each shape news
//! sites print is a classifier here: a caption ending with a photo credit (`…(EPA)`,
//! `…新华社记者裴鑫摄`, `…（消防局提供）`), a caption with a marker (`图：`, `图注：`, `▲`), and the
//! alt text and caption glued together (`XX`), each read with the lexicon's caption words. The
//! classifiers that need the neighbours (a line repeated, a line right after an image) are
//! applied by the assembler.

use super::lexicon::{self, CAPTION_ENDS, CAPTION_MARKS};
use crate::script::{at_most, is_clause_punct, is_han};

/// A credit in brackets at the end of an English caption: one to three capitalised names,
/// apart by `/` (`(EPA)`, `(AFP/Getty)`, `(Getty Images)`, `(Jane Doe/Reuters)`).
fn bracketed_credit(t: &str) -> bool {
    let Some(inner) = t
        .strip_suffix(')')
        .and_then(|r| r.rfind('(').and_then(|open| r.get(open + 1..)))
    else {
        return false;
    };
    let words_before = t.len() > inner.len() + 2 && t.split_whitespace().count() >= 4;
    words_before && credit_names(inner)
}

/// One to three capitalised names (or addresses), apart by `/`: what a photo credit says.
fn credit_names(inner: &str) -> bool {
    !inner.is_empty()
        && inner.split('/').count() <= 3
        && inner.split('/').all(|name| {
            let words: Vec<&str> = name.split_whitespace().collect();
            (1..=3).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w.contains('@'))
        })
}

/// A photo credit in brackets standing as a line under its caption: a photographer and the
/// agency or address apart by `/` (`(Mike Doe/mdoe@example.com)`, `(AP Photo/Jane Roe)`).
fn credit_alone(t: &str) -> bool {
    t.strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .is_some_and(|inner| {
            inner.contains('/') && !inner.contains(['(', ')']) && credit_names(inner)
        })
}

/// Whether a caption ends with a photo credit.
fn credited(t: &str) -> bool {
    let inner = t.trim_end_matches(['）', ')', '。', ' ', '\u{3000}']);
    // A credit word after a few words of caption (`…网站图片`, `…视频截图`), not alone.
    let ends_credit = lexicon::ends_any(inner, CAPTION_ENDS).is_some_and(|(_, at)| {
        inner
            .get(..at)
            .is_some_and(|before| before.chars().count() >= 2)
    });
    if bracketed_credit(t) || ends_credit {
        return true;
    }
    // `…与读者。攝影：牟芝穎`: a credit as the last words.
    let last = t.rsplit(['。', ' ', '\u{3000}']).next().unwrap_or(t);
    last.len() < t.len() && lexicon::starts_any(last, CAPTION_MARKS).is_some()
}

/// A caption marked as one: `图：Henry Beachell`, `图注：…`, `▲6月8日，…`, `图为…`.
fn marked(t: &str) -> bool {
    lexicon::starts_any(t, CAPTION_MARKS).is_some()
        || CAPTION_MARKS
            .iter()
            .any(|m| m.is_ascii() && lexicon::starts_nocase(t, m).is_some())
}

/// The alt text and the caption of one picture scraped into one line: the same words twice
/// (`在美国坐牢的贪官许超凡和许国俊…在美国坐牢的贪官许超凡和许国俊…`).
fn doubled(t: &str) -> bool {
    let half = t.len() / 2;
    t.len() >= 16
        && t.len().is_multiple_of(2)
        && t.get(..half).is_some_and(|a| Some(a) == t.get(half..))
}

/// Whether a line is a photo caption, judged from the line alone. Captions are short; a long
/// paragraph ending with `提供` is a sentence.
pub(super) fn is_caption(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || !at_most(t, 250) {
        return false;
    }
    // English captions run longer in characters than Chinese ones.
    let limit = if t.chars().any(is_han) { 120 } else { 250 };
    at_most(t, limit) && (marked(t) || doubled(t) || credited(t) || credit_alone(t))
}

/// A photo credit at the end of a paragraph, after its last sentence: the text before it and
/// the credit (`…長出花。 攝：林振東 / 端傳媒`).
pub(super) fn trailing_credit(text: &str) -> Option<(&str, &str)> {
    // A credit is short and ends a label with a colon: look only at the end of the paragraph.
    if !text.contains('：') {
        return None;
    }
    let from = text.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let tail = text.get(from..)?;
    let at = from
        + tail
            .char_indices()
            .filter(|&(i, _)| {
                tail.get(i..).is_some_and(|r| {
                    lexicon::starts_any(r, CAPTION_MARKS).is_some_and(|(m, _)| m.ends_with('：'))
                })
            })
            .map(|(i, _)| i)
            .max()?;
    let (before, credit) = (text.get(..at)?.trim_end(), text.get(at..)?.trim());
    (!before.is_empty()
        && crate::script::ends_sentence(before)
        && at_most(credit, 30)
        && !credit.contains(['。', '，']))
    .then_some((before, credit))
}

/// A short line that could be a caption when the context says so (repeated, or under an
/// image): no sentence punctuation, a few words of text.
pub(super) fn caption_shaped(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 40 * 4 {
        return false;
    }
    // One pass: at most 40 characters, none of them clause punctuation, one of them Han.
    let (mut n, mut han) = (0, false);
    for c in t.chars() {
        n += 1;
        if n > 40 || is_clause_punct(c) {
            return false;
        }
        han |= is_han(c);
    }
    n >= 4 && han
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Captions as sites print them, and lines that are story text.
    #[test]
    fn captions() {
        for line in [
            "Relatives of the missing passengers pray at Juanda Airport, in Surabaya, Indonesia (EPA)",
            "Members of a search and rescue team carry a body on a stretcher (AFP/Getty)",
            "Relatives of passengers on AirAsia flight QZ 8501 console each other (Getty)",
            "新华社记者裴鑫摄",
            "▲6月8日，常某疑触电倒地，一名黑色衣服男子搭救。",
            "▲6月8日，医生为常某进行抢救。视频截图",
            "▲死亡证明提到，死亡原因为“电击伤”。图片来源于网络",
            "图：Henry Beachell",
            "图注：测试表明，有关人在高空中喝酒更容易醉的传言是不正确的",
            "桃園市平鎮區一家輪胎行19日清晨發生大火，7人從火場中疏散。（消防局提供）",
            "在美国坐牢的贪官许超凡和许国俊曾经通过拉斯维加斯的赌场洗钱在美国坐牢的贪官许超凡和许国俊曾经通过拉斯维加斯的赌场洗钱",
            "季風書園創始人嚴搏非與讀者。攝影：牟芝穎",
            "图片来源：摄图网",
            "攝：林振東 / 端傳媒",
            "(Mike Doe/mdoe@example.com)",
            "(AP Photo/Jane Roe)",
            "视频：警察冲入商场抓人",
            "视频【国安法第一天】【港警重点截查持反共标语人士】",
            "Indonesian police collect AirAsia passenger records from relatives to help identification of the victims at Juanda Airport, in Surabaya, Indonesia (EPA)",
        ] {
            assert!(is_caption(line), "{line}");
        }
        for line in [
            "The forecast has left up in the air the fate of the balloons (and the parade).",
            "他说，这些资料由村委会提供。但是我们发现，很多数据并不准确，有的甚至是几年前的，根本不能反映现在的真实情况，这让调查工作变得困难了许多。",
            "图书馆今天重新开放。",
            "哈哈哈哈",
            "(Reuters)",
            "(See Chart 1/Table 2 below for the details of the survey)",
            "法律用美国的：被用来修理黑帮的美国联邦法律也能“顺便”对付中国贪官",
        ] {
            assert!(!is_caption(line), "{line}");
        }
    }

    #[test]
    fn credits_trailing_a_paragraph() {
        assert_eq!(
            trailing_credit("說不定某時某刻，水泥地上也能長出花。 攝：林振東 / 端傳媒"),
            Some((
                "說不定某時某刻，水泥地上也能長出花。",
                "攝：林振東 / 端傳媒"
            ))
        );
        assert_eq!(trailing_credit("攝影：牟芝穎"), None);
        assert_eq!(trailing_credit("他说摄影：是一门艺术，需要耐心。"), None);
    }

    #[test]
    fn caption_shapes() {
        assert!(caption_shaped("运营商某次活动上展示的5G芯片"));
        assert!(caption_shaped("华坚鞋业生产车间"));
        assert!(!caption_shaped("债券市场存在泡沫吗？"));
        assert!(!caption_shaped("好"));
    }
}
