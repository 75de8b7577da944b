use super::super::parse;
use super::super::tests::{STORY, headings, page, paras};
use crate::article::block::Block;
use crate::article::image;

#[test]
fn br_splits_paragraphs_and_whitespace_collapses() {
    let html = page(
        "<title>Notes</title>",
        "<div class=\"content\"><p>  First   line of the notice,\n  still the first.<br>Second line of the notice here.<br/><br>\
         Third line after a double break.</p>\
         <p>　　全文缩进的段落，\n换行不应变成空格。</p></div>",
    );
    let p = parse(&html);
    assert_eq!(
        paras(&p),
        vec![
            "First line of the notice, still the first.",
            "Second line of the notice here.",
            "Third line after a double break.",
            "全文缩进的段落，换行不应变成空格。",
        ]
    );
}

#[test]
fn images_become_placeholders() {
    let zh = page(
        "<title>河畔公园新添步道</title>",
        "<div><p>市园林部门表示，新步道沿湖修建，全长约三公里，设有多处休息平台。</p>\
         <p><img src=\"/p/1.jpg\"></p>\
         <p>附近居民说，清晨散步的人明显多了起来<img src=\"/p/2.jpg\" alt=\"湖边步道\">孩子们也喜欢在湖边骑车。</p>\
         <p><img src=\"/p/3.jpg\" width=\"1\" height=\"1\"><img src=\"/img/logo.png\"></p></div>",
    );
    let p = parse(&zh);
    let img = image::mark("", "/p/1.jpg");
    let lake = format!(
        "附近居民说，清晨散步的人明显多了起来 {} 孩子们也喜欢在湖边骑车。",
        image::mark("湖边步道", "/p/2.jpg")
    );
    assert_eq!(
        paras(&p),
        vec![
            "市园林部门表示，新步道沿湖修建，全长约三公里，设有多处休息平台。",
            img.as_str(),
            lake.as_str(),
        ]
    );
    let en = page(
        "<title>Ferry</title>",
        "<div><p><img src=\"a.jpg\" alt=\"The ferry at the pier\"></p><p><img src=\"b.jpg\"></p>\
         <p>The ferry across the bay restarted its morning service on Monday after repairs.</p></div>",
    );
    let p = parse(&en);
    let ferry = image::mark("The ferry at the pier", "a.jpg");
    let img = image::mark("", "b.jpg");
    assert_eq!(
        paras(&p),
        vec![
            ferry.as_str(),
            img.as_str(),
            "The ferry across the bay restarted its morning service on Monday after repairs.",
        ]
    );
}

#[test]
fn link_lists_and_wordless_lines_are_dropped() {
    let html = page(
        "<title>Ferry</title>",
        &format!(
            "<div>{}<p><a href=\"/more\">Read more harbour stories</a></p><p>| + |</p>\
             <p>Tickets cost two pounds, see <a href=\"/t\">the fares page</a> for details.</p></div>",
            &STORY[19..STORY.len() - 6]
        ),
    );
    let p = parse(&html);
    let ps = paras(&p);
    assert_eq!(ps.len(), 4, "{ps:?}");
    assert_eq!(
        ps[3],
        "Tickets cost two pounds, see the fares page for details."
    );
}

#[test]
fn lists_and_blockquotes_are_paragraphs() {
    let html = page(
        "<title>Packing list</title>",
        "<div class=\"post\"><p>Here is what we packed for the long river trip last summer.</p>\
         <ul><li>Two dry bags<li>A small stove</ul>\
         <blockquote>Pack light, paddle far, and always check the forecast twice.</blockquote></div>",
    );
    let p = parse(&html);
    assert_eq!(
        paras(&p),
        vec![
            "Here is what we packed for the long river trip last summer.",
            "• Two dry bags",
            "• A small stove",
            "Pack light, paddle far, and always check the forecast twice.",
        ]
    );
}

#[test]
fn numbered_items_keep_their_numbers_and_rows_stay_rows() {
    let html = page(
        "<title>Fares</title>",
        "<div class=\"post\"><p>The new fares start on the first of the month for every line.</p>\
         <ol start=\"3\"><li>Buy a card<li>Top it up</ol>\
         <table><tr><th>Zone</th><th>Fare</th></tr><tr><td>1</td><td>2.10</td></tr></table></div>",
    );
    let p = parse(&html);
    assert_eq!(
        paras(&p)[1..],
        ["3. Buy a card", "4. Top it up", "Zone | Fare", "1 | 2.10"]
    );
}

#[test]
fn preformatted_text_keeps_its_lines_and_indentation() {
    let html = page(
        "<title>Loops</title>",
        "<div class=\"post\"><p>A loop that counts down, as the manual prints it for beginners.</p>\
         <pre><code>fn main() {\n    for i in (1..4).rev() {\n        println!(\"{i}\");\n    }\n}</code></pre></div>",
    );
    let p = parse(&html);
    let code: Vec<&str> = p
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Code(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        code,
        ["fn main() {\n    for i in (1..4).rev() {\n        println!(\"{i}\");\n    }\n}"]
    );
}

#[test]
fn ruby_keeps_its_base_text_and_br_in_a_heading_is_a_space() {
    let html = page(
        "<title>Words</title>",
        "<div class=\"post\"><h2>First part<br>of the story</h2>\
         <p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字は、中国から伝わった文字で、今も毎日使われている。</p></div>",
    );
    let p = parse(&html);
    assert_eq!(headings(&p), [(1, "First part of the story")]);
    assert_eq!(
        paras(&p),
        ["漢字は、中国から伝わった文字で、今も毎日使われている。"]
    );
}

#[test]
fn a_paragraph_all_in_small_is_small_print() {
    let html = page(
        "<title>Ferry</title>",
        &format!(
            "{STORY}<div class=\"story\"><p>The pier reopens <small>(weather permitting)</small> on Friday for the evening crossing.</p>\
             <p><small>Feed enhanced by <a href=\"/plugin\">a plugin</a> from its maker</small></p></div>"
        ),
    );
    let p = parse(&html);
    assert!(
        paras(&p)
            .contains(&"The pier reopens (weather permitting) on Friday for the evening crossing.")
    );
    let dropped: Vec<&str> = p
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Dropped(t, why) if why.basis == crate::article::why::Basis::Markup => {
                Some(t.as_str())
            }
            _ => None,
        })
        .collect();
    assert_eq!(dropped, ["Feed enhanced by a plugin from its maker"]);
}

#[test]
fn headings_holding_links_stay_headings_and_figure_captions_stand_apart() {
    let html = page(
        "<title>Ferry</title>",
        &format!(
            "{STORY}<div class=\"story\"><h3><a href=\"/timetable\">The new timetable</a></h3>\
             <p>Boats leave every forty minutes from six in the morning until late evening.</p>\
             <figure><img src=\"/p/pier.jpg\" alt=\"The pier at dawn\"><figcaption>The pier at dawn on Monday</figcaption></figure>\
             <p>Tickets cost the same as before the repairs, the harbour office said.</p></div>"
        ),
    );
    let p = parse(&html);
    // The only heading under the title is level 1, whatever its tag.
    assert_eq!(headings(&p), [(1, "The new timetable")]);
    let captions: Vec<&str> = p
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Caption(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(captions, ["The pier at dawn on Monday"]);
    assert!(
        !paras(&p)
            .iter()
            .any(|t| t.contains("The pier at dawn on Monday"))
    );
}

/// Each caption class word is needed: captions set in an element whose class names them,
/// under a picture or apart from one, leave the story.
#[test]
fn caption_classes_leave_the_story() {
    for class in ["picTxt", "pic_txt", "img-desc", "caption"] {
        let html = page(
            "<title>小镇图书馆重新开放</title>",
            &format!(
                "<div class=\"content\"><p>经过半年的改造，小镇图书馆今天重新向读者开放，新增了儿童阅读区。</p>\
                 <div class=\"{class}\">馆内新建的儿童阅读区</div>\
                 <p>馆长介绍，馆内藏书增加到三万册，周末开放时间也延长到晚上八点。</p></div>"
            ),
        );
        let p = parse(&html);
        assert_eq!(paras(&p).len(), 2, "{class}: {:?}", p.blocks);
        assert!(
            p.blocks
                .iter()
                .any(|b| matches!(b, Block::Caption(t) if t == "馆内新建的儿童阅读区")),
            "{class}: {:?}",
            p.blocks
        );
    }
}
