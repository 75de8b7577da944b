use super::*;

fn c(byline: Option<&str>, editor: Option<&str>, source: Option<&str>) -> Credits {
    Credits {
        byline: byline.map(str::to_string),
        editor: editor.map(str::to_string),
        source: source.map(str::to_string),
        place: None,
        reporter: false,
    }
}

/// Credit lines as sites print them, and what they say.
#[test]
fn credit_lines() {
    let cases: &[(&str, Credits)] = &[
        ("编辑:陆天逸", c(None, Some("陆天逸"), None)),
        ("周明 李安|撰稿", c(Some("周明 李安"), None, None)),
        ("赵平｜责编", c(None, Some("赵平"), None)),
        ("责编：王小明", c(None, Some("王小明"), None)),
        ("（编辑：张铭坤）", c(None, Some("张铭坤"), None)),
        ("(责编：汤诗瑶、丁涛)", c(None, Some("汤诗瑶、丁涛"), None)),
        ("[责任编辑:肖春芳]", c(None, Some("肖春芳"), None)),
        ("【编辑:刘欢】", c(None, Some("刘欢"), None)),
        ("责任编辑：史建磊_NBJ11331", c(None, Some("史建磊"), None)),
        ("责任编辑： 尹世杰", c(None, Some("尹世杰"), None)),
        (
            "编辑 陈薇 李骁晋 校对 郭利琴",
            c(None, Some("陈薇 李骁晋"), None),
        ),
        (
            "来源:青春上海News—24小时青年报",
            c(None, None, Some("青春上海News—24小时青年报")),
        ),
        ("（来源：人民网）", c(None, None, Some("人民网"))),
        (
            "本文来源：每日经济新闻",
            c(None, None, Some("每日经济新闻")),
        ),
        ("来源于：东区办事处", c(None, None, Some("东区办事处"))),
        (
            "来源：巴彦淖尔日报 编辑：苏亮",
            c(None, Some("苏亮"), Some("巴彦淖尔日报")),
        ),
        (
            "出品︱网易科学人栏目组",
            c(None, None, Some("网易科学人栏目组")),
        ),
        ("作者︱春春", c(Some("春春"), None, None)),
        (
            "◎作者 \\| 管清友 孙允广",
            c(Some("管清友 孙允广"), None, None),
        ),
        (
            "【文/观察者网专栏作者王文】",
            c(Some("观察者网专栏作者王文"), None, None),
        ),
        ("> 作者：庞礡、郑洁", c(Some("庞礡、郑洁"), None, None)),
        ("作者：郭励弘", c(Some("郭励弘"), None, None)),
        (
            "原创：路闻卓立编译人民币交易与研究",
            c(Some("路闻卓立"), None, Some("人民币交易与研究")),
        ),
        (
            "文字：张三 图片：李四 编辑：王五 责编：赵六",
            c(Some("张三"), Some("王五"), None),
        ),
        ("（策划：张三 参与报道：李四 王五）", c(None, None, None)),
        ("（策划：张三参与报道：李四）", c(None, None, None)),
        ("By Jane Doe", c(Some("Jane Doe"), None, None)),
        ("Editor: Sam Lee", c(None, Some("Sam Lee"), None)),
    ];
    for (line, want) in cases {
        let got = parse(line).map(|mut g| {
            g.reporter = false;
            g.place = None;
            g
        });
        assert_eq!(got.as_ref(), Some(want), "{line}");
    }
}

#[test]
fn reporter_lines_keep_their_roles() {
    for (line, byline, place) in [
        (
            "本报记者 苏雁 本报通讯员 姬尊雨",
            "本报记者 苏雁 本报通讯员 姬尊雨",
            None,
        ),
        (
            "新京报记者 庞礡 实习生 郑洁",
            "新京报记者 庞礡 实习生 郑洁",
            None,
        ),
        ("（记者 胡晓蓉）", "记者 胡晓蓉", None),
        ("(信报记者 蔡雪婧)", "信报记者 蔡雪婧", None),
        ("□ 本报记者 葛灵丹", "本报记者 葛灵丹", None),
        ("记者 刘涛", "记者 刘涛", None),
        ("中央社記者邱俊欽", "中央社記者邱俊欽", None),
        (
            "新京报记者 彭冲 山东冠县报道",
            "新京报记者 彭冲",
            Some("山东冠县"),
        ),
        (
            "特約撰稿人 秦寬 海舟 發自北京 上海",
            "特約撰稿人 秦寬 海舟",
            Some("北京 上海"),
        ),
    ] {
        let got = parse(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(got.byline.as_deref(), Some(byline), "{line}");
        assert!(got.reporter, "{line}");
        assert_eq!(got.place.as_deref(), place, "{line}");
    }
}

#[test]
fn sentences_and_headings_are_not_credits() {
    for line in [
        "编辑部认为这件事情很重要。",
        "周泽：这是一个无中生有的冤案",
        "记者了解到，出席答谢宴的宾客近百人。",
        "来源：据了解，这项工作已经开始了很久，参与的人很多，大家都很认真地在做这件事。",
        "（应受访者要求，文中张严为化名。）",
        "文章观点仅代表作者本人，不代表新浪立场",
        "作者简介",
        "文化",
        "By the end of the day, nothing changed.",
        "Note: this was said. Then more.",
        "我们决定写下这篇文章|撰稿",
        "周明|记者们",
    ] {
        assert_eq!(parse(line), None, "{line}");
    }
}

/// More shapes from real pages: an empty label, a padded name with its affiliation, a
/// report with no role word, an organisation before the reporter, and lines that are not
/// credits.
#[test]
fn more_credit_shapes() {
    assert_eq!(parse("责任编辑："), Some(Credits::default()));
    assert_eq!(
        parse("作者: 赵 培：北京物资学院，北京").and_then(|c| c.byline),
        Some("赵培".into())
    );
    let c = parse("（姚峰 上海报道）").expect("report credit");
    assert_eq!(
        (c.byline.as_deref(), c.place.as_deref()),
        (Some("姚峰"), Some("上海"))
    );
    assert_eq!(
        parse("新华网黑龙江频道 记者 伊琳 李清芬").and_then(|c| c.byline),
        Some("新华网黑龙江频道记者 伊琳 李清芬".into())
    );
    for line in [
        "在线荐稿 记者博客联系记者",
        "编辑",
        "他在上海报道了这件事。",
    ] {
        assert_eq!(parse(line), None, "{line}");
    }
}

/// A reporter's credit run into the lead leaves it; a lead that opens with a role word in a
/// sentence does not.
#[test]
fn credits_run_into_the_lead() {
    let lead = "本报记者黄涛报道 经过两天的专家评审，由中国文物报社和中国考古学会主办的评选昨天晚上正式揭晓。";
    let (c, at) = run_in(lead).expect("run-in credit");
    assert!(c.byline.as_deref().is_some_and(|b| b.contains("黄涛")));
    assert!(lead[at..].starts_with("经过两天"));
    for text in [
        "记者了解到 出席答谢宴的宾客近百人，其中不少是从外地专程赶来的老朋友和老同事。",
        "本报记者黄涛报道 短句。",
        "经过两天的专家评审，由中国文物报社和中国考古学会主办的评选昨天晚上正式揭晓。",
    ] {
        assert!(run_in(text).is_none(), "{text}");
    }
}
