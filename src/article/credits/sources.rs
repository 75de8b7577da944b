//! Credits that name where an article or a picture came from rather than who wrote it: photo
//! credits (`新华社发（张春雷　摄）`), the provenance notes of clippings (`原文来自微信公众号「捎话」`)
//! and the shape of a news organisation's name (`新华社`, `中新网`, `本报`).

use super::{collapse, is_name_list, parse, unwrap};
use crate::article::lexicon::{self, ORGANISATION_ENDS};
use crate::script::{at_most, is_cjk};

/// A photo credit standing as a line (`新华社记者裴鑫摄`, `新华社发（张春雷　摄）`,
/// `（新华社记者 王小明 摄）`): the photographer (as printed) and the agency, when one is named.
pub(in crate::article) fn photo_credit(line: &str) -> Option<(String, Option<String>)> {
    let t = unwrap(line.trim());
    // `新华社发（张春雷　摄）`
    if let Some(at) = lexicon::find(t, "发")
        && let (Some(agency), Some(rest)) = (t.get(..at), t.get(at + '发'.len_utf8()..))
        && is_agency(agency)
    {
        let inner = unwrap(rest.trim());
        let who = match lexicon::ends(inner, "摄") {
            Some(at) => inner.get(..at)?.trim(),
            None => return None,
        };
        return is_name_list(who).then(|| (collapse(who), Some(agency.to_string())));
    }
    // `新华社记者裴鑫摄`
    let who = t.get(..lexicon::ends(t, "摄")?)?.trim();
    let credits = parse(who)?;
    if !credits.reporter {
        return None;
    }
    let byline = credits.byline?;
    let agency = lexicon::find(who, "记者")
        .and_then(|at| who.get(..at))
        .filter(|a| is_agency(a))
        .map(str::to_string);
    Some((byline, agency))
}

/// Where a clipping says it came from: the account or site, and the author when named.
/// `原文来自微信公众号「捎话」，作者夏显虎：…` → (`捎话`, `夏显虎`); `原文来自智谷趋势：…` →
/// `智谷趋势`; `原文：端传媒 「…」` → `端传媒`; `转载自…`. The note says `原文` (the original) or
/// `转载` (reprinted), then where from.
pub(in crate::article) fn provenance(line: &str) -> Option<(String, Option<String>)> {
    let rest = provenance_at(line.trim())?;
    let named_before = |before: &str| {
        let b = before.trim();
        !b.is_empty() && lexicon::ends_any(b, ACCOUNT_WORDS).is_none()
    };
    let source = match rest.split_once('「') {
        Some((before, _)) if named_before(before) => before.trim(),
        Some((_, inner)) => inner.split('」').next().unwrap_or_default().trim(),
        None => rest
            .split(['：', ':', '「', ' ', '，', '[', '（'])
            .next()
            .unwrap_or_default()
            .trim(),
    };
    let mut source = source;
    while let Some((_, len)) = lexicon::starts_any(source, ACCOUNT_WORDS) {
        source = source.get(len..).unwrap_or_default().trim();
    }
    if source.is_empty() || !at_most(source, 24) {
        return None;
    }
    let author = lexicon::find(rest, "作者")
        .and_then(|at| rest.get(at + "作者".len()..))
        .map(|a| a.trim_start_matches(['：', ':', ' ']))
        .and_then(|a| a.split(['：', ':', '，', ' ']).next())
        .filter(|a| is_name_list(a))
        .map(str::to_string);
    Some((source.to_string(), author))
}

/// What a provenance note says after its words for "the original … from": the source and
/// anything after it. The note says `原文` (the original) or `转载` (reprinted), maybe after a
/// clause about the copy (`本文由…转码，原文地址来自…`), then `来自`, `自`, `于` or a colon.
pub(in crate::article) fn provenance_at(t: &str) -> Option<&str> {
    // The words stand within the first 30 characters: only those and the words are read.
    let head = t.char_indices().nth(32).map_or(t, |(i, _)| &t[..i]);
    let (at, word) = lexicon::find_first(head, &["原文", "转载"])?;
    if !at_most(t.get(..at)?, 30) {
        return None;
    }
    let rest = t.get(at + word.len()..)?.trim_start();
    // `原文地址来自`: the original's address, then where from.
    let rest = lexicon::starts(rest, "地址")
        .and_then(|l| rest.get(l..))
        .unwrap_or(rest);
    ["来自", "自", "于", "：", ":"]
        .iter()
        .find_map(|w| lexicon::starts(rest, w).and_then(|l| rest.get(l..)))
        .map(str::trim)
}

/// Words naming the kind of account a clipping came from (`微信公众号「…」`), not the account.
const ACCOUNT_WORDS: &[&str] = &["微信公众号", "微信号", "公众号", "微信"];

/// The name of a news organisation: a few characters ending like one (`新华社`, `中央社`,
/// `中新网`, `央视网`, `本报`).
pub(in crate::article) fn is_agency(s: &str) -> bool {
    let n = s.chars().count();
    (2..=10).contains(&n)
        && s.chars().all(|c| is_cjk(c) || c.is_ascii_alphanumeric())
        && lexicon::ends_any(s, ORGANISATION_ENDS).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_credits() {
        assert_eq!(
            photo_credit("新华社记者裴鑫摄"),
            Some(("新华社记者裴鑫".into(), Some("新华社".into())))
        );
        assert_eq!(
            photo_credit("新华社发（张春雷　摄）"),
            Some(("张春雷".into(), Some("新华社".into())))
        );
        assert_eq!(photo_credit("他在现场拍摄"), None);
        assert_eq!(photo_credit("发展是硬道理"), None);
    }

    #[test]
    fn provenance_notes() {
        for (line, source, author) in [
            (
                "原文来自微信公众号「捎话」，作者夏显虎：潘福仁受审记",
                "捎话",
                Some("夏显虎"),
            ),
            (
                "原文来自微信新京报微信公众号「重案组37号 」：广州17岁男生触电身亡调查",
                "重案组37号",
                None,
            ),
            (
                "原文来自「纽约华人资讯网2」：哈佛科学家预测新冠肺炎将全球大流行",
                "纽约华人资讯网2",
                None,
            ),
            ("原文来自微信号「黄章晋」：袁隆平神话", "黄章晋", None),
            ("原文来自智谷趋势：重磅！2019中国经济研判", "智谷趋势", None),
            (
                "本文由 简悦 SimpRead 转码，原文地址来自端传媒",
                "端传媒",
                None,
            ),
            (
                "原文：端传媒 「一家書店的葬禮，和它告別的時代」",
                "端传媒",
                None,
            ),
        ] {
            let (s, a) = provenance(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(s, source, "{line}");
            assert_eq!(a.as_deref(), author, "{line}");
        }
        assert_eq!(provenance("原文作者提出了他的规划。"), None);
    }

    #[test]
    fn organisations() {
        for s in [
            "新华社",
            "中央社",
            "中新网",
            "央视网",
            "本报",
            "信报",
            "北京日报客户端",
        ] {
            assert!(is_agency(s), "{s}");
        }
        for s in ["张三", "北京", "发展是"] {
            assert!(!is_agency(s), "{s}");
        }
    }
}
