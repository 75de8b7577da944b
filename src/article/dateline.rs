//! Agency datelines: the words a wire story opens its first paragraph with, naming the agency,
//! the place, the day and often the reporter (`新华社北京12月9日电（记者 唐霁）`,
//! `中新网北京12月1日电(记者 张曦)`, `央广网北京4月7日消息（记者王逸群）`,
//! `（中央社記者楊啟芳台北31日電）`, `本报讯（记者 …）`, `南都讯 记者…`, `(CNN) --`,
//! `LONDON —`). They are metadata, not the story: the assembler moves them to `dropped` and
//! keeps the sentence that follows.

mod english;
mod wire;

use super::credits::{self, Credits, is_agency};
use super::lexicon::{self, DATELINE_ENDS};
use super::meta::half_width;
use crate::script::{is_cjk, is_han};
use english::english;
use wire::chinese_bracketed;

/// What a dateline says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Dateline {
    /// Byte index in the paragraph where the story proper starts.
    pub(super) end: usize,
    /// The agency or paper (`新华社`, `中央社`, `CNN`).
    pub(super) source: Option<String>,
    /// Where the story was filed (`北京`, `台北`, `LONDON`).
    pub(super) place: Option<String>,
    /// The reporter credit (`记者 唐霁`, `中央社記者楊啟芳`).
    pub(super) byline: Option<String>,
    /// The day (`12月9日` → `(Some(12), 9)`, `31日` → `(None, 31)`).
    pub(super) day: Option<(Option<u8>, u8)>,
    /// A headline printed after the dateline (`新华网北京4月9日电 **题：…**`).
    pub(super) title: Option<String>,
}

/// Separators between a dateline and the story.
const AFTER: &[char] = &['：', ':', ' ', '\u{3000}', '\u{a0}', '—', '-', '–'];

/// Reads a dateline at the start of `text`.
pub(super) fn read(text: &str) -> Option<Dateline> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let mut d = chinese_bracketed(t)
        .or_else(|| chinese(t))
        .or_else(|| english(t))?;
    d.end += lead;
    Some(d)
}

/// Splits trailing ASCII digits (at most two) off `s`: the text before them and their value.
fn trailing_number(s: &str) -> Option<(&str, u8)> {
    let digits = s.chars().rev().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let split = s.len() - digits;
    Some((s.get(..split)?, s.get(split..)?.parse().ok()?))
}

/// `12月9日` or `9日` at the end of `head` (digits already half-width): the day, and the
/// text before it.
fn day_at_end(head: &str) -> (Option<(Option<u8>, u8)>, &str) {
    let Some((rest, day)) = head.strip_suffix('日').and_then(trailing_number) else {
        return (None, head);
    };
    if !(1..=31).contains(&day) {
        return (None, head);
    }
    if let Some(before_month) = rest.strip_suffix('月') {
        return match trailing_number(before_month) {
            Some((before, month)) if (1..=12).contains(&month) => {
                (Some((Some(month), day)), before)
            }
            _ => (None, head),
        };
    }
    (Some((None, day)), rest)
}

/// Splits `新华社北京` into the agency and the place.
fn agency_and_place(s: &str) -> Option<(String, Option<String>)> {
    let s = s.strip_prefix('据').unwrap_or(s);
    for (i, _) in s.char_indices().skip(2) {
        let (agency, place) = (s.get(..i)?, s.get(i..)?);
        if is_agency(agency) {
            let n = place.chars().count();
            return (n <= 8 && place.chars().all(is_han)).then(|| {
                (
                    agency.to_string(),
                    (!place.is_empty()).then(|| place.to_string()),
                )
            });
        }
    }
    is_agency(s).then(|| (s.to_string(), None))
}

/// `新华社北京12月9日电（记者 唐霁）`, `本报讯（记者 …）`, `南都讯 记者…`, `央视网消息（新闻联播）：`.
fn chinese(t: &str) -> Option<Dateline> {
    // The ending word within the first 30 characters.
    let window: usize = t.char_indices().nth(30).map_or(t.len(), |(i, _)| i);
    let (at, ending) = t
        .char_indices()
        .take_while(|&(i, _)| i < window)
        .find_map(|(i, _)| {
            let rest = t.get(i..)?;
            let (_, len) = lexicon::starts_any(rest, DATELINE_ENDS)?;
            Some((i, rest.get(..len)?))
        })?;
    let head = half_width(t.get(..at)?);
    if head.is_empty() || !head.chars().all(|c| is_cjk(c) || c.is_ascii_digit()) {
        return None;
    }
    let (day, who_where) = day_at_end(&head);
    let mut d = Dateline::default();
    match agency_and_place(who_where) {
        Some((agency, place)) => {
            d.source = Some(agency);
            d.place = place;
        }
        // `南都讯 记者…`: a short paper name with no place and no day, then a reporter.
        None if day.is_none()
            && (2..=4).contains(&who_where.chars().count())
            && who_where.chars().all(is_han)
            && lexicon::ends(ending, "讯").is_some() =>
        {
            d.source = Some(who_where.to_string());
        }
        None => return None,
    }
    d.day = day;
    let mut pos = at + ending.len();
    // A credit or a programme name in brackets: `（记者 唐霁）`, `（新闻联播）`.
    let rest = t.get(pos..)?;
    let spaced = rest.trim_start_matches([' ', '\u{3000}']);
    if let Some(close) = bracket_end(spaced) {
        let inner = spaced.get(..close)?;
        match credits::parse(inner) {
            Some(c) => take_credit(&mut d, c),
            None if inner.chars().count() <= 12 && !inner.contains(['，', '。']) => {}
            None => return None,
        }
        pos = t.len() - spaced.len() + close;
    } else if let Some((used, c)) = loose_reporter(spaced) {
        take_credit(&mut d, c);
        pos = t.len() - spaced.len() + used;
    } else if d.day.is_none() && d.place.is_none() && !rest.starts_with(AFTER) {
        // `新华社电` needs nothing after it, but a bare name must be set off (`本报讯 …`).
        if !is_agency(who_where) {
            return None;
        }
    }
    let rest = t.get(pos..)?;
    let story = rest.trim_start_matches(AFTER);
    d.end = t.len() - story.len();
    // `新华网北京4月9日电 **题：…**`: Xinhua prints the headline after the dateline.
    if let Some(after) = story
        .strip_prefix("**题：")
        .or_else(|| story.strip_prefix("**题:"))
    {
        let (title, rest) = after.split_once("**").unwrap_or((after, ""));
        d.title = Some(title.trim().to_string());
        d.end = t.len() - rest.trim_start_matches(AFTER).len();
    } else if let Some(after) = story.strip_prefix("题：") {
        d.title = Some(after.trim().to_string());
        d.end = t.len();
    }
    Some(d)
}

/// The byte length of a bracketed group at the start of `s` (through the closing bracket).
fn bracket_end(s: &str) -> Option<usize> {
    let close = match s.chars().next()? {
        '（' => '）',
        '(' => ')',
        _ => return None,
    };
    let end = s.find(close)?;
    (end <= 90).then_some(end + close.len_utf8())
}

/// A reporter credit without brackets after `南都讯`: `记者 冯群星 实习生 刘一 ` — role words and
/// short names up to the first word that is neither.
fn loose_reporter(s: &str) -> Option<(usize, Credits)> {
    let mut end = 0;
    let mut words = 0;
    for (i, word) in s.split_inclusive([' ', '\u{3000}']).scan(0, |at, w| {
        let start = *at;
        *at += w.len();
        Some((start, w))
    }) {
        let w = word.trim();
        if w.is_empty() {
            continue;
        }
        let is_role = credits::parse(&format!("{w} 某某")).is_some_and(|c| c.reporter);
        let is_name = w.chars().count() <= 4 && w.chars().all(is_han);
        let joined = credits::parse(w).is_some_and(|c| c.reporter);
        if !(is_role || is_name || joined) {
            break;
        }
        end = i + word.len();
        words += 1;
    }
    if words == 0 {
        return None;
    }
    let c = credits::parse(s.get(..end)?.trim())?;
    c.reporter.then_some((end, c))
}

fn take_credit(d: &mut Dateline, c: Credits) {
    if c.byline.is_some() {
        d.byline = c.byline;
    }
    if d.source.is_none() {
        d.source = c.source;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        text: &str,
        source: Option<&str>,
        place: Option<&str>,
        byline: Option<&str>,
        day: Option<(Option<u8>, u8)>,
        story: &str,
    ) {
        let d = read(text).unwrap_or_else(|| panic!("no dateline in {text}"));
        assert_eq!(d.source.as_deref(), source, "{text}");
        assert_eq!(d.place.as_deref(), place, "{text}");
        assert_eq!(d.byline.as_deref(), byline, "{text}");
        assert_eq!(d.day, day, "{text}");
        assert_eq!(text.get(d.end..), Some(story), "{text}");
    }

    /// Datelines as agencies print them, real and made up.
    #[test]
    fn agency_datelines() {
        check(
            "新华社北京12月9日电（记者 唐霁）法国9日再次爆发全国大罢工。",
            Some("新华社"),
            Some("北京"),
            Some("记者 唐霁"),
            Some((Some(12), 9)),
            "法国9日再次爆发全国大罢工。",
        );
        check(
            "中新网北京12月1日电(记者 张曦) 30日晚，高圆圆和赵又廷在京举行答谢宴。",
            Some("中新网"),
            Some("北京"),
            Some("记者 张曦"),
            Some((Some(12), 1)),
            "30日晚，高圆圆和赵又廷在京举行答谢宴。",
        );
        check(
            "央广网北京4月7日消息（记者王逸群）据中国之声报道，今天起全面实施。",
            Some("央广网"),
            Some("北京"),
            Some("记者王逸群"),
            Some((Some(4), 7)),
            "据中国之声报道，今天起全面实施。",
        );
        check(
            "（中央社記者楊啟芳台北31日電）行政院今天通過草案。",
            Some("中央社"),
            Some("台北"),
            Some("中央社記者楊啟芳"),
            Some((None, 31)),
            "行政院今天通過草案。",
        );
        check(
            "（中央社記者邱俊欽桃園19日電）桃園市平鎮區一家輪胎行今天清晨發生大火。",
            Some("中央社"),
            Some("桃園"),
            Some("中央社記者邱俊欽"),
            Some((None, 19)),
            "桃園市平鎮區一家輪胎行今天清晨發生大火。",
        );
        check(
            "本报讯（记者 李明 通讯员 王芳）昨日，全市首家社区食堂开业。",
            Some("本报"),
            None,
            Some("记者 李明 通讯员 王芳"),
            None,
            "昨日，全市首家社区食堂开业。",
        );
        check(
            "南都讯 记者冯群星 昨日，广州地铁新线开通。",
            Some("南都"),
            None,
            Some("记者冯群星"),
            None,
            "昨日，广州地铁新线开通。",
        );
        check(
            "中国网６月１１日讯　２０１２年全国食品安全宣传周启动仪式今天在京举行。",
            Some("中国网"),
            None,
            None,
            Some((Some(6), 11)),
            "２０１２年全国食品安全宣传周启动仪式今天在京举行。",
        );
        check(
            "央视网消息（新闻联播）：11月21日，国家主席同牙买加总督互致贺电。",
            Some("央视网"),
            None,
            None,
            None,
            "11月21日，国家主席同牙买加总督互致贺电。",
        );
        check(
            "据新华社拉萨电（记者 格桑边觉）记者近日从西藏自治区农业农村厅了解到。",
            Some("新华社"),
            Some("拉萨"),
            Some("记者 格桑边觉"),
            None,
            "记者近日从西藏自治区农业农村厅了解到。",
        );
        check(
            "(CNN) -- The Pennsylvania official was just talking about one area.",
            Some("CNN"),
            None,
            None,
            None,
            "The Pennsylvania official was just talking about one area.",
        );
        check(
            "LONDON — The United States will lift some sanctions.",
            None,
            Some("LONDON"),
            None,
            None,
            "The United States will lift some sanctions.",
        );
        check(
            "SANTA CRUZ, CA--A remarkable quartet of trained marine mammals is helping.",
            None,
            Some("SANTA CRUZ, CA"),
            None,
            None,
            "A remarkable quartet of trained marine mammals is helping.",
        );
    }

    #[test]
    fn a_xinhua_headline_after_the_dateline() {
        let d = read("新华网北京4月9日电 **题：春耕时节看农忙**").expect("dateline");
        assert_eq!(d.source.as_deref(), Some("新华网"));
        assert_eq!(d.title.as_deref(), Some("春耕时节看农忙"));
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        for text in [
            "国家电网公司今天宣布，今年将投资五千亿元。",
            "电话打来的时候，他正在吃饭。",
            "记者了解到，出席答谢宴的宾客近百人。",
            "30日中午，有媒体曝光了照片。",
            "他说，这件事情的消息传得很快。",
            "The ferry restarted its service on Monday.",
            "BBC One will show the match live.",
            "I think so - but not today.",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
