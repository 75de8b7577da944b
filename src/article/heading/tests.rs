use super::*;

#[test]
fn decorated_lines() {
    assert_eq!(
        marked("\u{a0}◆ 学习有高潮 ◆\u{a0}\u{a0}"),
        Some((Style::Plain, "学习有高潮".into()))
    );
    assert_eq!(
        marked("■ 今日要闻"),
        Some((Style::Plain, "今日要闻".into()))
    );
    assert_eq!(
        marked("★★ 春天来了 ★★"),
        Some((Style::Plain, "春天来了".into()))
    );
    assert_eq!(marked("● 他说，今天下雨了。"), None);
}

#[test]
fn bracketed_lines() {
    assert_eq!(marked("【记者手记】"), None);
    assert_eq!(
        marked("【新的开始】"),
        Some((Style::Plain, "新的开始".into()))
    );
    assert_eq!(marked("【视频略】"), None);
}

/// Numbering stays as printed.
#[test]
fn numbered_chinese() {
    assert_eq!(
        marked("一、过去五年的工作"),
        Some((Style::CnNumber, "一、过去五年的工作".into()))
    );
    assert_eq!(
        marked("十二、结语"),
        Some((Style::CnNumber, "十二、结语".into()))
    );
    assert_eq!(
        marked("（三）基本原则"),
        Some((Style::CnParen, "（三）基本原则".into()))
    );
    assert_eq!(marked("（一）所有的人都来了，大家很高兴；"), None);
    assert_eq!(marked("一、我们去了公园。然后回家吃饭，一直到晚上。"), None);
    assert_eq!(
        marked("第一章 总则"),
        Some((Style::Chapter, "第一章 总则".into()))
    );
    assert_eq!(marked("第一次来到这里"), None);
}

#[test]
fn numbered_lines() {
    assert_eq!(numbered("1. 准备工作"), Some((1, "1. 准备工作".into())));
    assert_eq!(numbered("2、动手"), Some((2, "2、动手".into())));
    assert_eq!(
        numbered("16、失业问题将加剧，同时企业用工难"),
        Some((16, "16、失业问题将加剧，同时企业用工难".into()))
    );
    assert_eq!(
        numbered("1、一个不知名的开源项目可以带来多少收入？（中文）"),
        Some((
            1,
            "1、一个不知名的开源项目可以带来多少收入？（中文）".into()
        ))
    );
    assert_eq!(
        numbered("1弯弯怎么录下视频？"),
        Some((1, "1弯弯怎么录下视频？".into()))
    );
    assert_eq!(numbered("1、Veo"), Some((1, "1、Veo".into())));
    assert_eq!(
        numbered("2、5个改善用户体验的 HTML 属性（英文）"),
        Some((2, "2、5个改善用户体验的 HTML 属性（英文）".into()))
    );
    assert_eq!(numbered("17.00 We are going to leave"), None);
    assert_eq!(numbered("1.5倍的增长"), None);
    assert_eq!(numbered("30日晚，高圆圆举行答谢宴。"), None);
    assert_eq!(numbered("3家高科技企业"), None);
    assert_eq!(numbered("1、"), None);
    assert_eq!(bare_number("3"), Some(3));
    assert_eq!(bare_number("115.395"), None);
}

/// Unmarked subhead shapes, real and made up.
#[test]
fn subhead_shapes() {
    for (line, want) in [
        ("群星捧场 谢娜张杰亮相", Some(Shape::Plain)),
        ("宾客近百人，获赠礼物", Some(Shape::Plain)),
        (
            "一般也在美国蹲监狱：美国法律对付中国贪官并不手软，他们可能被判得很重",
            Some(Shape::Plain),
        ),
        ("狂奔之下的“暗伤”曝露？", Some(Shape::Question)),
        ("Will winds whip parade balloons?", Some(Shape::Question)),
        ("Will winds whip parade balloons", Some(Shape::Plain)),
        ("Planes, trains ...", Some(Shape::Plain)),
        ("... and automobiles", Some(Shape::Plain)),
        ("如何在美国把贪官送进监狱——", Some(Shape::Part)),
        ("结语", Some(Shape::Part)),
        ("周泽：这是一个冤案", Some(Shape::Plain)),
        ("他的表情很复杂。", None),
        ("did", None),
        ("17.00", None),
        ("青年报 杨颖，", None),
        ("图/pixabay", None),
        ("原创：某某编译", None),
        ("——某某", None),
        ("I said, no.", None),
        ("你好吗？我很好。", None),
        ("几十个人挤在一间宿舍，公共厕所气味扑鼻……", None),
        ("Ｆ殉こ乔康鳎", None),
    ] {
        assert_eq!(subhead(line), want, "{line}");
    }
}

#[test]
fn numbered_lists() {
    for (lines, want) in [
        (
            &["1.儿童绘本专架", "镇中心图书馆", "2.老年人大字书"][..],
            true,
        ),
        (&["1、第一项", "2、第二项"][..], true),
        (&["1) one", "2) two"][..], true),
        (
            &["1.5万册新书已经上架。", "2.3万册旧书完成修补。"][..],
            false,
        ),
        (&["2.第二项", "3.第三项"][..], false),
        (&["1.第一项", "a", "b", "c", "2.第二项"][..], false),
        (&["1.", "2."][..], false),
    ] {
        assert_eq!(opens_list(lines.iter().copied()), want, "{lines:?}");
    }
}
