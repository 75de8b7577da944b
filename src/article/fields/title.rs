//! Choosing the headline of a text that does not state one in markup: the first line that
//! reads like a headline, never a rule or decoration line (`=====`, `<center>====</center>`),
//! a dateline, a credit or boilerplate; a headline set on two lines before a `——` deck is
//! joined.

use super::super::credits;
use super::super::dateline;
use super::super::meta::{self, is_cjk};
use super::super::why::Why;
use super::super::{Role, Unit, boilerplate, heading, lexicon};
use super::Fields;

/// A rule or decoration line: once tags are removed, no letter, digit or ideograph is left
/// (`=====`, `-----`, `***`, `<center>====</center>`, `◆◆◆`).
pub(in crate::article) fn decoration(line: &str) -> bool {
    let mut inside_tag = false;
    for c in line.chars() {
        match c {
            '<' => inside_tag = true,
            '>' if inside_tag => inside_tag = false,
            c if !inside_tag && c.is_alphanumeric() => return false,
            _ => {}
        }
    }
    true
}

/// Whether a line reads like a headline: short, not a sentence, not a dateline, credit,
/// decoration, boilerplate or a person's name alone.
fn title_like(s: &str) -> bool {
    let t = s.trim();
    let n = t.chars().count();
    let cjk = t.chars().any(is_cjk);
    let limit = if cjk { 60 } else { 120 };
    n > 0
        && n <= limit
        && !t.ends_with(['。', '.', ':', '：', ',', '，'])
        && !t.ends_with("——")
        && !decoration(t)
        && meta::dateline(t).is_none()
        && dateline::read(t).is_none()
        && !boilerplate::is_boilerplate(t)
        && credits::parse(t).is_none()
        // A person's name alone is a byline, not a headline.
        && !crate::script::looks_like_name(t)
}

/// Finds the title among the first units (unless markup gave one) and returns the index of
/// the first unit after it.
pub(in crate::article) fn take_title(units: &mut [Unit], f: &mut Fields) -> usize {
    let open = |u: &Unit| u.role != Role::Dropped && u.role != Role::Meta;
    let Some(mut first) = units.iter().position(open) else {
        return 0;
    };
    // Page furniture over the headline (a breadcrumb, a row of page tools) is no headline:
    // it leaves, and the headline is looked for under it.
    for _ in 0..3 {
        if f.title.is_some() {
            break;
        }
        let Some(class) = boilerplate::class_of(&units[first].text) else {
            break;
        };
        units[first].drop_for(Why::lexicon(class));
        match units.iter().skip(first + 1).position(open) {
            Some(d) => first += 1 + d,
            None => return units.len(),
        }
    }
    if let Some(title) = &f.title {
        // Markup often repeats the title as the first heading or line.
        if units[first].text.trim() == title.trim() {
            units[first].role = Role::Meta;
            return first + 1;
        }
        return first;
    }
    let text = units[first].text.trim().to_string();
    // A marked heading on its own line, or a rubric in `【】` (`【串謀刑毀案】`), is no headline.
    let marked = heading::marked(&text).is_some() && (units[first].line || text.starts_with('【'));
    if !title_like(&text) || marked {
        return first;
    }
    units[first].role = Role::Meta;
    let mut title = text.trim_end_matches('—').trim().to_string();
    let mut next = first + 1;
    // A headline set on two lines, followed by a `——` subtitle.
    if let (Some(second), Some(third)) = (units.get(next), units.get(next + 1))
        && second.line
        && third.text.starts_with("——")
        && title_like(&second.text)
        && !second.text.contains(['，', '。'])
    {
        title = format!("{title} {}", second.text.trim());
        units[next].role = Role::Meta;
        next += 1;
    }
    // A headline set on two lines over the lead: the story opens right under the second line
    // with a dateline or a reporter's credit (`…遗憾落选` / `十大考古新发现揭晓` / `本报记者…`).
    if next == first + 1
        && units[first].line
        && let (Some(second), Some(third)) = (units.get(next), units.get(next + 1))
        && second.line
        && second.role == Role::Body
        && title_like(&second.text)
        && crate::script::at_most(second.text.trim(), 24)
        && !second.text.contains(['，', '。', '“', '"'])
        && heading::marked(&second.text).is_none()
        && opens_story(&third.text)
    {
        title = format!("{title} {}", second.text.trim());
        units[next].role = Role::Meta;
        next += 1;
    }
    f.title = Some(title);
    next
}

/// Whether a paragraph is the lead of a story: long, and opening with a dateline or a
/// reporter's credit.
fn opens_story(text: &str) -> bool {
    !crate::script::at_most(text, 60)
        && (dateline::read(text).is_some() || credits::run_in(text).is_some())
}

/// The outlet a reposted headline names before a bar (`凤凰网 | 山东女子…`, `學人側影丨…`): a
/// short Chinese name before the only bar of a longer Chinese headline, unless it is a column label
/// (`独家丨…`) or a person's name (an author's).
pub(in crate::article) fn title_source(title: &str) -> Option<String> {
    let bars = |c: char| matches!(c, '|' | '丨' | '｜');
    let mut parts = title.split(bars);
    let (name, rest) = (parts.next()?.trim(), parts.next()?.trim());
    let n = name.chars().count();
    let ok = parts.next().is_none()
        && (2..=10).contains(&n)
        && rest.chars().count() > n
        && name.chars().any(is_cjk)
        && rest.chars().any(is_cjk)
        && name.chars().all(char::is_alphanumeric)
        && !crate::script::looks_like_name(name)
        && !lexicon::COLUMNS
            .iter()
            .any(|w| lexicon::starts(name, w) == Some(name.len()));
    ok.then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_and_decorations_are_never_titles() {
        for line in [
            "=====================",
            "-----",
            "***",
            "<center>====</center>",
            "◆◆◆",
            "……",
            "<p></p>",
        ] {
            assert!(decoration(line), "{line}");
            assert!(!title_like(line), "{line}");
        }
        for line in [
            "小镇图书馆重新开放",
            "Ad sales boost Time Warner profit",
            "2024",
        ] {
            assert!(!decoration(line), "{line}");
        }
    }

    #[test]
    fn outlets_before_a_bar() {
        for (title, source) in [
            (
                "凤凰网 | 山东女子两次高考被顶替：当地联系我删帖",
                Some("凤凰网"),
            ),
            ("學人側影丨资中筠:妄议美国", Some("學人側影")),
            ("獨家丨新发地突然休市，部分商家损失惨重", None),
            ("深度 | 新发地突然休市，部分商家损失惨重", None),
            ("张三 | 新发地突然休市，部分商家损失惨重", None),
            ("新发地突然休市 | 凤凰网 | 资讯", None),
            ("Fed holds rates steady | Reuters", None),
            ("海姑娘 | blog.wenxuecity.com", None),
            ("凤凰网 | 短题", None),
        ] {
            assert_eq!(title_source(title).as_deref(), source, "{title}");
        }
    }

    #[test]
    fn headline_shapes() {
        for line in [
            "小镇图书馆重新开放",
            "债券市场是否存在泡沫？世界知名首席投资官们这么说",
        ] {
            assert!(title_like(line), "{line}");
        }
        for line in [
            "如何在美国把贪官送进监狱——",
            "新华社北京12月9日电（记者 唐霁）法国再次爆发罢工",
            "2022-11-23 上海",
            "编辑:陆天逸",
            "返回上页 回到首页",
            "他说，这是一个很长的句子。",
            "李安",
        ] {
            assert!(!title_like(line), "{line}");
        }
    }
}
