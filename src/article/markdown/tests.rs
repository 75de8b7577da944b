use super::*;

#[test]
fn headings_are_renumbered_and_title_taken() {
    let p = parse("# 周报\n\n## 封面\n\n文字。\n\n### 细节\n\n**小结**\n");
    assert_eq!(p.front.title.as_deref(), Some("周报"));
    let levels: Vec<(u8, String)> = p
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text, .. } => Some((*level, text.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        levels,
        vec![(1, "封面".into()), (2, "细节".into()), (3, "小结".into())]
    );
}

#[test]
fn images_and_lists() {
    let p = parse("# T\n\n![00.gif](http://x/00.gif)\n\n- 第一点\n- 第二点\n\n> 作者：某某\n");
    assert_eq!(
        p.blocks,
        vec![
            Block::Line(image::mark("00.gif", "http://x/00.gif")),
            Block::Blank,
            Block::Para("• 第一点".into()),
            Block::Para("• 第二点".into()),
            Block::Blank,
            Block::Line("作者：某某".into()),
        ]
    );
}

#[test]
fn soft_wrapped_paragraphs_join() {
    let p = parse("# T\n\nOne line\nand the next.\n\n中文第一行\n第二行。\n");
    assert_eq!(
        p.blocks,
        vec![
            Block::Para("One line and the next.".into()),
            Block::Blank,
            Block::Para("中文第一行第二行。".into()),
        ]
    );
}

#[test]
fn table_rows_are_lines_of_their_own() {
    let p = parse("# T\n\n| a | b |\n|---|---|\n| 1 | **2** |\n");
    assert_eq!(
        p.blocks,
        vec![Block::Para("a | b".into()), Block::Para("1 | 2".into())]
    );
}

#[test]
fn shape_detection() {
    assert!(looks_like_markdown("---\ntitle: x\n---\nbody"));
    assert!(looks_like_markdown("# Title\n\ntext"));
    assert!(!looks_like_markdown("标题\n\n正文。\n"));
    assert!(!looks_like_markdown("#hashtag is not a heading\n"));
}

#[test]
fn setext_headings_and_rules() {
    let p = parse("# T\n\n引言一段。\n\n800万\n----\n\n正文。\n\n=====\n\n结尾。\n");
    assert_eq!(
        p.blocks,
        vec![
            Block::Line("引言一段。".into()),
            Block::Blank,
            Block::Heading {
                level: 1,
                text: "800万".into(),
                mark: "setext",
            },
            Block::Blank,
            Block::Line("正文。".into()),
            Block::Blank,
            Block::Line("结尾。".into()),
        ]
    );
}

#[test]
fn inline_html_blocks_are_paragraphs_subheads_and_captions() {
    let p = parse(
        "# T\n\n### 要闻\n\n<p><strong>央视网消息</strong>：今天。</p><p><strong>李克强同总理互致贺电</strong></p><p>同日，总理致电。</p>\n\n<figcaption>▲医生进行抢救。视频截图</figcaption>\n",
    );
    assert_eq!(
        p.blocks,
        vec![
            Block::Heading {
                level: 1,
                text: "要闻".into(),
                mark: "#",
            },
            Block::Blank,
            Block::Para("央视网消息：今天。".into()),
            Block::Heading {
                level: 2,
                text: "李克强同总理互致贺电".into(),
                mark: "bold",
            },
            Block::Para("同日，总理致电。".into()),
            Block::Blank,
            Block::Caption("▲医生进行抢救。视频截图".into()),
        ]
    );
}

#[test]
fn links_are_collected() {
    let p = parse("# T\n\n点击[官网链接](https://conf.example.cn/)报名。\n");
    assert_eq!(p.links.len(), 1);
    assert_eq!(p.links[0].text, "官网链接");
    assert_eq!(p.links[0].url, "https://conf.example.cn/");
}
