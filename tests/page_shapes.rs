//! Web pages as other publishing systems and news sites write them, generated here: a
//! WordPress theme with a Yoast JSON-LD graph, a Chinese portal with pinyin class names and a
//! `<br>`-split story, a site whose class names are hashes (CSS-in-JS), a React page that sets
//! each paragraph in a `div`, a microdata page, a story split around an advertisement, an old
//! layout table, and pages carrying cookie banners, comment sections, related-link lists,
//! lazy images in `<figure>`, data tables and `<pre>`, an article split in `<section>`s with a
//! list, a government CMS (TRS) page, a live blog whose updates are each dated (and so must
//! not be read as a comment list). Each shape says which lines are its
//! story, which lines are furniture and who wrote it; the test measures, per shape, the share
//! of the story kept, the story lines lost, the furniture lines left in the body and the
//! author, prints them, and holds the goals: no story line lost, no furniture line in the
//! body, the author found.

#[path = "support/article_text.rs"]
mod article_text;

use article_text::{dump, squeeze};
use newsreader::article::{Format, parse};

/// One generated page: its HTML, the lines of its story, lines of page furniture that must
/// not be in the body, and the author it names.
struct Shape {
    name: &'static str,
    html: String,
    story: Vec<String>,
    furniture: Vec<&'static str>,
    author: Option<&'static str>,
    /// Picture addresses the page loads late, which must be listed.
    images: Vec<&'static str>,
}

const ZH: [&str; 5] = [
    "城市轨道交通第三期建设规划日前获批，新线路将连接东部新区与老城中心，全长约四十二公里。",
    "工程建设单位表示，沿线站点将在年内陆续开工，预计三年后全线通车，届时通勤时间可缩短一半。",
    "市民对新线路的走向十分关心，不少人在听证会上提出了增设换乘站和延长运营时间的建议。",
    "规划部门回应称，换乘站的位置将结合客流预测再作论证，运营时间也会参考其他城市的做法。",
    "据介绍，新线路采用全自动运行系统，列车最高时速可达一百公里，车厢内将提供无线网络。",
];
const EN: [&str; 5] = [
    "The city council approved the third phase of the light rail plan on Tuesday, linking the eastern district with the old town.",
    "Construction of the first stations begins this autumn, and the whole line should open to passengers within three years.",
    "Residents who spoke at the hearing asked for later trains on weekends and a second interchange near the market square.",
    "Planners answered that the interchange would be studied against forecasts of passenger numbers before the final design.",
    "The new trains run without drivers, reach a hundred kilometres an hour and carry free wireless internet in every car.",
];

fn lines(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_string()).collect()
}

fn paras(v: &[&str]) -> String {
    v.iter().map(|s| format!("<p>{s}</p>")).collect()
}

fn related_zh() -> String {
    (1..=6)
        .map(|i| {
            format!("<li><a href=\"/news/{i}.html\">第{i}条：另一条关于城市交通的新闻标题</a></li>")
        })
        .collect()
}

fn related_en() -> String {
    (1..=6)
        .map(|i| {
            format!(
                "<li><a href=\"/story/{i}\">Another headline about the city number {i}</a></li>"
            )
        })
        .collect()
}

const COOKIE: &str = "We use cookies and similar technologies to improve your experience, measure traffic and show you personalised content and advertising; by continuing to browse you agree to our use of cookies.";
const COMMENT_EN: &str = "I have been waiting for this line for ten years and I still do not believe it will open on time, but we shall see what happens.";
const LIVE_INTRO: &str = "Follow the opening day of the new light rail line as it happens, with updates from our reporters along the route.";
const BIO: &str = "Mara Olsen covers transport and planning for the paper. She joined in 2015 after ten years at regional newspapers in the north.";
const TEASER: &str = "A short summary of another story that the site wants you to read next, set under its headline as a teaser.";
const COMMENT_ZH: &str =
    "终于等到这条线路了，希望这次真的能按时通车，不要再拖了，我们小区的人都盼着呢。";

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "wordpress+yoast",
            html: format!(
                "<html><head><title>Light rail approved - City Desk</title>\
                 <script type=\"application/ld+json\" class=\"yoast-schema-graph\">{{\"@context\":\"https://schema.org\",\"@graph\":[\
                 {{\"@type\":\"Article\",\"@id\":\"https://city.example/rail/#article\",\"author\":{{\"name\":\"\",\"@id\":\"https://city.example/#/schema/person/9f2\"}},\"headline\":\"Light rail approved\"}},\
                 {{\"@type\":\"WebPage\",\"@id\":\"https://city.example/rail/\"}},\
                 {{\"@type\":\"Person\",\"@id\":\"https://city.example/#/schema/person/9f2\",\"name\":\"Mara Olsen\",\"url\":\"https://city.example/author/mara/\"}}]}}</script>\
                 </head><body class=\"post-template-default single single-post\">\
                 <div id=\"cookie-notice\" class=\"cn-position-bottom\"><div class=\"cookie-notice-container\"><span id=\"cn-notice-text\">{COOKIE}</span><a href=\"#\" id=\"cn-accept-cookie\">Ok</a></div></div>\
                 <div id=\"page\" class=\"site\"><header id=\"masthead\" class=\"site-header\"><nav id=\"site-navigation\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/city\">City</a></li></ul></nav></header>\
                 <div id=\"content\" class=\"site-content\"><div id=\"primary\" class=\"content-area\"><main id=\"main\" class=\"site-main\">\
                 <article id=\"post-12\" class=\"post-12 post type-post status-publish\"><header class=\"entry-header\"><h1 class=\"entry-title\">Light rail approved</h1>\
                 <div class=\"entry-meta\"><span class=\"posted-on\"><time class=\"entry-date published\" datetime=\"2024-05-07T09:00:00+00:00\">May 7, 2024</time></span></div></header>\
                 <div class=\"entry-content\">{}<figure class=\"wp-block-image\"><img loading=\"lazy\" src=\"/up/rail.jpg\" alt=\"A tram\"><figcaption>The tram depot in the east.</figcaption></figure>{}</div>\
                 <footer class=\"entry-footer\"><span class=\"cat-links\">Posted in <a href=\"/c/city\">City</a></span></footer></article>\
                 <nav class=\"navigation post-navigation\"><a href=\"/older\">Older post about the harbour ferry</a></nav>\
                 <div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">One thought on this</h2><ol class=\"comment-list\"><li><article class=\"comment-body\"><p>{COMMENT_EN}</p></article></li></ol></div>\
                 </main></div><aside id=\"secondary\" class=\"widget-area\"><section class=\"widget\"><h2>Recent Posts</h2><ul>{}</ul></section></aside></div>\
                 <footer id=\"colophon\" class=\"site-footer\"><p>Proudly powered by a blog engine, and run by volunteers of the city desk.</p></footer></div></body></html>",
                paras(&EN[..3]),
                paras(&EN[3..]),
                related_en()
            ),
            story: lines(&EN),
            furniture: vec![COOKIE, COMMENT_EN, "Another headline about the city number 3"],
            author: Some("Mara Olsen"),
            images: vec![],
        },
        Shape {
            name: "portal-br",
            html: format!(
                "<html><head><meta charset=\"utf-8\"><title>轨道交通三期规划获批_新闻中心_某某网</title></head><body>\
                 <div class=\"top_nav\"><a href=\"/\">首页</a> <a href=\"/news\">新闻</a> <a href=\"/sports\">体育</a></div>\
                 <div class=\"w1000 clearfix\"><div class=\"zw_left fl\"><h1 class=\"bt\">轨道交通三期规划获批</h1>\
                 <div class=\"xx\"><span>2024-05-07 09:30</span> <span>来源：某某日报</span></div>\
                 <div class=\"zw\" id=\"zw\">{}<br><br>{}<br><br><center><img data-original=\"/pic/1.jpg\" src=\"/img/grey.gif\"></center><br>{}<br><br>{}<br><br>{}<br><br><p class=\"bj\">（作者：周明）</p></div>\
                 <div class=\"xgxw\"><h3>相关新闻</h3><ul>{}</ul></div>\
                 <div class=\"pinglun\"><div class=\"pl_item\"><p>{COMMENT_ZH}</p></div></div></div>\
                 <div class=\"zw_right fr\"><div class=\"rdph\"><h3>热点排行</h3><ul>{}</ul></div></div></div>\
                 <div class=\"bottom\"><p>版权所有 某某网 未经授权禁止转载 京ICP备12345678号</p></div></body></html>",
                ZH[0],
                ZH[1],
                ZH[2],
                ZH[3],
                ZH[4],
                related_zh(),
                related_zh()
            ),
            story: lines(&ZH),
            furniture: vec![COMMENT_ZH, "第3条：另一条关于城市交通的新闻标题"],
            author: Some("周明"),
            images: vec!["/pic/1.jpg"],
        },
        Shape {
            name: "hashed-classes",
            html: format!(
                "<html><head><title>Light rail approved - The Daily</title>\
                 </head><body><div id=\"app\">\
                 <div class=\"css-1q2w3e\"><div class=\"css-9k8j7h\"><a href=\"/\">The Daily</a> <a href=\"/world\">World</a> <a href=\"/city\">City</a></div></div>\
                 <main id=\"site-content\"><article id=\"story\" class=\"css-4r5t6y\"><header class=\"css-x1y2z3\"><h1 class=\"css-h1h1h1 e1h9rw200\">Light rail approved</h1>\
                 <div class=\"css-b7b7b7\"><p class=\"css-aaa111 e1jsehar1\">By <span class=\"css-1baulvz\"><a href=\"/by/mara-olsen\">Mara Olsen</a></span></p></div></header>\
                 <section name=\"articleBody\" class=\"meteredContent css-1r7ky0e\">\
                 <div class=\"css-53u6y8\">{}</div><div class=\"css-1b2c3d\"><div class=\"ad css-0\" id=\"ad-mid1\"><p>Advertisement</p></div></div>\
                 <div class=\"css-53u6y8\">{}</div></section>\
                 <div class=\"css-more\"><h2>More on the city</h2><ul>{}</ul></div></article></main>\
                 <div class=\"css-f0f0f0\"><p>© 2024 The Daily Company. All rights reserved.</p></div></div></body></html>",
                EN[..3]
                    .iter()
                    .map(|s| format!("<p class=\"css-at9mc1 evys1bk0\">{s}</p>"))
                    .collect::<String>(),
                EN[3..]
                    .iter()
                    .map(|s| format!("<p class=\"css-at9mc1 evys1bk0\">{s}</p>"))
                    .collect::<String>(),
                related_en()
            ),
            story: lines(&EN),
            furniture: vec!["Another headline about the city number 3"],
            author: Some("Mara Olsen"),
            images: vec![],
        },
        Shape {
            name: "react-divs",
            html: format!(
                "<html><head><title>轨道交通三期规划获批 - 新闻客户端</title>\
                 <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"轨道交通三期规划获批\",\"author\":[{{\"@type\":\"Person\",\"name\":\"周明\"}},{{\"@type\":\"Person\",\"name\":\"李华\"}}],\"publisher\":{{\"@type\":\"Organization\",\"name\":\"新闻客户端\"}}}}</script></head>\
                 <body><div id=\"__next\"><div class=\"Header_wrap__3xYz1\"><a href=\"/\">首页</a><a href=\"/app\">下载客户端</a></div>\
                 <div class=\"Layout_main__Ab12C\"><h1 class=\"Article_title__9x8Yz\">轨道交通三期规划获批</h1>\
                 <div class=\"Article_body__k2J4m\">{}</div>\
                 <div class=\"Recommend_list__7Yh2k\"><div class=\"Recommend_item__1\"><a href=\"/a/1\">第1条：另一条关于城市交通的新闻标题</a></div><div class=\"Recommend_item__1\"><a href=\"/a/2\">第2条：另一条关于城市交通的新闻标题</a></div><div class=\"Recommend_item__1\"><a href=\"/a/3\">第3条：另一条关于城市交通的新闻标题</a></div></div>\
                 </div></div></body></html>",
                ZH.iter()
                    .map(|s| format!("<div class=\"Article_para__Qw3e4\">{s}</div>"))
                    .collect::<String>()
            ),
            story: lines(&ZH),
            furniture: vec!["第3条：另一条关于城市交通的新闻标题"],
            author: Some("周明, 李华"),
            images: vec![],
        },
        Shape {
            name: "microdata",
            html: format!(
                "<html><head><title>Light rail approved</title></head><body>\
                 <div class=\"gdpr-consent-banner\"><p>{COOKIE}</p><button>Accept all</button></div>\
                 <div itemscope itemtype=\"https://schema.org/NewsArticle\"><h1 itemprop=\"headline\">Light rail approved</h1>\
                 <div class=\"meta\"><span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">Mara Olsen</span></span>\
                 <time itemprop=\"datePublished\" datetime=\"2024-05-07\">7 May 2024</time></div>\
                 <div itemprop=\"articleBody\">{}<table><tr><th>Phase</th><th>Length</th><th>Opens</th></tr><tr><td>One</td><td>12 km</td><td>2019</td></tr><tr><td>Three</td><td>42 km</td><td>2027</td></tr></table>{}\
                 <pre>route  stations  km\nEast   14        22\nWest   11        20</pre></div></div>\
                 <div class=\"discussion\"><h3>Join the conversation</h3><div class=\"reply\"><p>{COMMENT_EN}</p></div></div>\
                 </body></html>",
                paras(&EN[..3]),
                paras(&EN[3..])
            ),
            story: [lines(&EN), vec!["One | 12 km | 2019".into(), "Three | 42 km | 2027".into()]].concat(),
            furniture: vec![COOKIE, COMMENT_EN],
            author: Some("Mara Olsen"),
            images: vec![],
        },
        Shape {
            name: "split-by-ads",
            html: format!(
                "<html><head><title>轨道交通三期规划获批</title><meta property=\"og:title\" content=\"轨道交通三期规划获批\"></head><body>\
                 <div class=\"wrapper\"><h1>轨道交通三期规划获批</h1><div class=\"info\">2024年05月07日 09:30 来源：某某日报 作者：周明</div>\
                 <div class=\"article-content\">{}</div>\
                 <div class=\"adsbygoogle\"><p>广告 赞助内容 点击了解更多优惠信息</p></div>\
                 <div class=\"article-content\">{}</div>\
                 <div class=\"editor\">责任编辑：王芳</div>\
                 <div class=\"share-bar\"><a href=\"#\">微信</a><a href=\"#\">微博</a></div>\
                 <div class=\"more-news\"><h3>推荐阅读</h3><ul>{}</ul></div></div></body></html>",
                paras(&ZH[..2]),
                paras(&ZH[2..]),
                related_zh()
            ),
            story: lines(&ZH),
            furniture: vec!["广告 赞助内容 点击了解更多优惠信息", "第3条：另一条关于城市交通的新闻标题"],
            author: Some("周明"),
            images: vec![],
        },
        Shape {
            name: "layout-table",
            html: format!(
                "<html><head><title>轨道交通三期规划获批--某某网</title><meta name=\"author\" content=\"周明\"></head><body>\
                 <table width=\"980\"><tr><td colspan=\"2\"><a href=\"/\">首页</a> | <a href=\"/news\">新闻</a> | <a href=\"/bbs\">论坛</a></td></tr>\
                 <tr><td width=\"700\" valign=\"top\"><table><tr><td class=\"title\">轨道交通三期规划获批</td></tr>\
                 <tr><td class=\"time\">2024-05-07 来源：某某日报</td></tr>\
                 <tr><td class=\"content\">{}</td></tr></table></td>\
                 <td width=\"280\" valign=\"top\"><table><tr><td><b>热门文章</b></td></tr>{}</table></td></tr>\
                 <tr><td colspan=\"2\">版权所有 某某网 未经授权禁止转载</td></tr></table></body></html>",
                paras(&ZH),
                (1..=6)
                    .map(|i| format!("<tr><td><a href=\"/n/{i}\">第{i}条：另一条关于城市交通的新闻标题</a></td></tr>"))
                    .collect::<String>()
            ),
            story: lines(&ZH),
            furniture: vec!["第3条：另一条关于城市交通的新闻标题"],
            author: Some("周明"),
            images: vec![],
        },
        Shape {
            name: "opengraph-main",
            html: format!(
                "<html><head><title>Light rail approved | Metro</title>\
                 <meta property=\"og:title\" content=\"Light rail approved\"><meta property=\"article:author\" content=\"https://www.facebook.com/metro\">\
                 <meta property=\"article:published_time\" content=\"2024-05-07T09:00:00Z\"></head><body>\
                 <div class=\"consent-overlay\"><div class=\"consent-text\"><p>{COOKIE}</p></div></div>\
                 <header><a href=\"/\">Metro</a></header><main><div class=\"l-container\"><div class=\"c-article\">\
                 <h1 class=\"c-article__title\">Light rail approved</h1><div class=\"c-article__author\"><a href=\"/people/mara-olsen\">Mara Olsen</a>, City reporter</div>\
                 <div class=\"c-article__body\">{}<blockquote><p>We will build the line the city needs, on time and within the budget.</p></blockquote>{}</div>\
                 <div class=\"c-newsletter-signup\"><p>Sign up to our free morning briefing and get the news of the day in your inbox.</p></div>\
                 <section class=\"c-read-more\"><h2>Read more</h2><ul>{}</ul></section></div></div></main>\
                 <footer><p>© 2024 Metro Media Ltd. All rights reserved.</p></footer></body></html>",
                paras(&EN[..3]),
                paras(&EN[3..]),
                related_en()
            ),
            story: [
                lines(&EN),
                vec!["We will build the line the city needs, on time and within the budget.".into()],
            ]
            .concat(),
            furniture: vec![
                COOKIE,
                "Sign up to our free morning briefing and get the news of the day in your inbox.",
                "Another headline about the city number 3",
            ],
            author: Some("Mara Olsen"),
            images: vec![],
        },
        Shape {
            name: "teaser-cards",
            html: format!(
                "<html><head><title>Light rail approved</title></head><body><div class=\"container\">\
                 <article class=\"story\"><h1>Light rail approved</h1><p class=\"byline\">By <a href=\"/staff/mara\">Mara Olsen</a> | Transport correspondent</p>\
                 <div class=\"story-body\">{}</div>\
                 <div class=\"author-bio\"><p>{BIO}</p></div></article>\
                 <div class=\"cards\">{}</div></div></body></html>",
                paras(&EN),
                (1..=6)
                    .map(|i| format!("<div class=\"card\"><a href=\"/s/{i}\"><h3>Another headline about the city number {i}</h3></a><p>{TEASER} Number {i}.</p></div>"))
                    .collect::<String>()
            ),
            story: lines(&EN),
            furniture: vec![BIO, TEASER],
            author: Some("Mara Olsen"),
            images: vec![],
        },
        Shape {
            name: "lazy-figures",
            html: format!(
                "<html><head><title>轨道交通三期规划获批</title><meta name=\"author\" content=\"周明\"></head><body>\
                 <div class=\"post\"><h1>轨道交通三期规划获批</h1><div class=\"post-content\">{}\
                 <figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-lazy-src=\"/up/route.jpg\" alt=\"新线路走向示意图\"><noscript><img src=\"/up/route.jpg\"></noscript><figcaption>新线路走向示意图</figcaption></figure>\
                 <p><img src=\"/static/loading.gif\" data-actualsrc=\"/up/train.jpg\" alt=\"新型列车\"></p>\
                 <p><img data-srcset=\"/up/depot-480.jpg 480w, /up/depot-960.jpg 960w\" alt=\"车辆段\"></p>{}</div></div></body></html>",
                paras(&ZH[..2]),
                paras(&ZH[2..])
            ),
            story: lines(&ZH),
            furniture: vec![],
            author: Some("周明"),
            images: vec!["/up/route.jpg", "/up/train.jpg", "/up/depot-960.jpg"],
        },
        Shape {
            name: "live-blog",
            html: format!(
                "<html><head><title>Live: light rail opens</title></head><body><div class=\"wrap\">\
                 <h1>Live: light rail opens</h1><div class=\"intro\"><p>{LIVE_INTRO}</p></div>\
                 <div class=\"updates\">{}</div></div></body></html>",
                EN.iter()
                    .enumerate()
                    .map(|(i, s)| format!("<div class=\"update\"><time datetime=\"2024-05-07T0{i}:00\">0{i}:00</time><p>{s}</p></div>"))
                    .collect::<String>()
            ),
            story: [vec![LIVE_INTRO.to_string()], lines(&EN)].concat(),
            furniture: vec![],
            author: None,
            images: vec![],
        },
        Shape {
            name: "sections-and-list",
            html: format!(
                "<html><head><title>Light rail approved</title><meta name=\"author\" content=\"Mara Olsen\"></head><body>\
                 <main><h1>Light rail approved</h1><div class=\"article\">\
                 <section class=\"block\"><p>{}</p></section><section class=\"block\"><p>{}</p></section>\
                 <section class=\"block\"><div class=\"ad-slot\"><span>Advertisement</span></div></section>\
                 <section class=\"block\"><h2>What changes</h2><ul><li>{}</li><li>{}</li></ul></section>\
                 <section class=\"block\"><p>{}</p></section></div></main></body></html>",
                EN[0], EN[1], EN[2], EN[3], EN[4]
            ),
            story: [lines(&EN), vec!["What changes".into()]].concat(),
            furniture: vec!["Advertisement"],
            author: Some("Mara Olsen"),
            images: vec![],
        },
        Shape {
            name: "government-trs",
            html: format!(
                "<html><head><title>轨道交通三期规划获批</title><meta name=\"ArticleTitle\" content=\"轨道交通三期规划获批\">\
                 <meta name=\"PubDate\" content=\"2024-05-07 09:30\"><meta name=\"ContentSource\" content=\"市交通局\"></head><body>\
                 <div class=\"header\"><div class=\"nav\"><a href=\"/\">首页</a><a href=\"/zwgk\">政务公开</a><a href=\"/hdjl\">互动交流</a></div></div>\
                 <div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/xw\">新闻动态</a></div>\
                 <div class=\"article-box\"><div class=\"title\">轨道交通三期规划获批</div>\
                 <div class=\"pages-date\">发布时间：2024-05-07 09:30 来源：市交通局 作者：周明</div>\
                 <div class=\"pages_content\" id=\"UCAP-CONTENT\"><div class=\"TRS_Editor\"><div class=\"Custom_UnionStyle\">{}</div></div></div>\
                 <div class=\"pages-tools\"><a href=\"javascript:window.print()\">打印本页</a> <a href=\"javascript:window.close()\">关闭窗口</a></div></div>\
                 <div class=\"bottom\"><p>主办单位：某某市人民政府办公厅 网站标识码：1234000001 某ICP备05000000号</p></div></body></html>",
                ZH.iter()
                    .map(|s| format!("<p style=\"text-indent: 2em;\">{s}</p>"))
                    .collect::<String>()
            ),
            story: lines(&ZH),
            furniture: vec!["主办单位：某某市人民政府办公厅 网站标识码：1234000001 某ICP备05000000号"],
            author: Some("周明"),
            images: vec![],
        },
    ]
}

#[test]
fn pages_of_other_systems_keep_the_story_and_leave_the_furniture() {
    let mut failures = Vec::new();
    let (mut lost_all, mut furniture_all, mut authors) = (0, 0, 0);
    let shapes = shapes();
    for shape in &shapes {
        let a = parse(&shape.html, Format::Html, shape.name);
        let body: Vec<String> = a
            .sections
            .iter()
            .flat_map(|s| s.heading.iter().chain(&s.paragraphs))
            .map(|p| squeeze(p))
            .collect();
        let lost: Vec<&String> = shape
            .story
            .iter()
            .filter(|l| !body.iter().any(|p| p.contains(&squeeze(l))))
            .collect();
        let total: usize = shape.story.iter().map(|l| l.chars().count()).sum();
        let kept = total - lost.iter().map(|l| l.chars().count()).sum::<usize>();
        let furniture: Vec<&&str> = shape
            .furniture
            .iter()
            .filter(|l| body.iter().any(|p| p.contains(&squeeze(l))))
            .collect();
        let author_right = a.byline.as_deref() == shape.author;
        let images_missing: Vec<&&str> = shape
            .images
            .iter()
            .filter(|src| !a.images.iter().any(|p| p.src == **src))
            .collect();
        println!(
            "{:16} story kept {:.0}% ({} of {} lines lost), furniture in the body {}/{}, author {:?}{}",
            shape.name,
            100.0 * kept as f64 / total.max(1) as f64,
            lost.len(),
            shape.story.len(),
            furniture.len(),
            shape.furniture.len(),
            a.byline,
            if author_right { "" } else { " (wrong)" }
        );
        lost_all += lost.len();
        furniture_all += furniture.len();
        authors += usize::from(author_right);
        if !images_missing.is_empty() {
            println!("{:16} pictures not listed {images_missing:?}", shape.name);
        }
        if !lost.is_empty() || !furniture.is_empty() || !author_right || !images_missing.is_empty()
        {
            failures.push(format!(
                "{}: lost {lost:?}, furniture {furniture:?}, author {:?}, pictures {images_missing:?} of {:?}\n{}",
                shape.name,
                a.byline,
                a.images.iter().map(|p| &p.src).collect::<Vec<_>>(),
                dump(&a)
            ));
        }
    }
    println!(
        "{} shapes: story lines lost {lost_all}, furniture lines in the body {furniture_all}, authors {authors}/{}",
        shapes.len(),
        shapes.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
