//! Feed items as real publishing systems write them (WordPress, Hexo, Ghost, RSSHub,
//! Substack, a newspaper CMS), generated here with the shapes met in real feeds: headings
//! holding anchors and links, bold and bold-link subheads, numbered linked digests, lists of
//! links, inline and block code, tables, figures, quotes, ruby, line breaks in headings, and
//! the share, related and "appeared first on" furniture around them. Each shape says which
//! headings it has and which lines are the story; the test measures, per shape, the headings
//! found, the share of the story kept and the story lines lost, and holds the markup goals:
//! every heading element and whole-paragraph bold line a heading, no story line dropped, and
//! the heading levels in the order the markup gives.

#[path = "support/article_text.rs"]
mod article_text;

use article_text::{dump, squeeze};
use chrono::{DateTime, Utc};
use newsreader::article::Article;
use newsreader::feed::{ParseContext, Zone, parse_feed};

/// One generated item: its HTML, the headings it states (level as the reader should show
/// it, text), the lines of its story, and code that must keep its indentation.
struct Shape {
    name: &'static str,
    html: String,
    headings: Vec<(u8, &'static str)>,
    story: Vec<&'static str>,
    code: Vec<&'static str>,
}

impl Shape {
    /// The shape as part of a web page, where a bulleted list that is only links reads as a
    /// related-links box, and a lone bold link as a promotion: both may leave the body (to
    /// `dropped`, never silently).
    fn as_page(&self) -> Shape {
        let bold_links: Vec<&str> = self
            .html
            .split("<strong><a ")
            .skip(1)
            .filter_map(|s| s.split_once('>')?.1.split_once("</a></strong>"))
            .map(|(text, _)| text)
            .collect();
        Shape {
            name: self.name,
            html: self.html.clone(),
            headings: self
                .headings
                .iter()
                .filter(|(_, h)| bold_links.len() != 1 || bold_links[0] != *h)
                .copied()
                .collect(),
            story: self
                .story
                .iter()
                .filter(|l| {
                    !self.html.contains(&format!("\">{l}</a></li>")) || self.html.contains("<ol>")
                })
                .copied()
                .collect(),
            code: self.code.clone(),
        }
    }
}

const LEAD_ZH: &str =
    "城市轨道交通第三期建设规划日前获批，新线路将连接东部新区与老城中心，全长约四十二公里。";
const BODY_ZH: &str =
    "工程建设单位表示，沿线站点将在年内陆续开工，预计三年后全线通车，届时通勤时间可缩短一半。";
const MORE_ZH: &str =
    "市民对新线路的走向十分关心，不少人在听证会上提出了增设换乘站和延长运营时间的建议。";
const LEAD_EN: &str = "The city council approved the third phase of the light rail plan on Tuesday, linking the eastern district with the old town.";
const BODY_EN: &str = "Construction of the first stations begins this autumn, and the whole line should open to passengers within three years.";
const MORE_EN: &str = "Residents who spoke at the hearing asked for later trains on weekends and a second interchange near the market square.";

fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "wordpress",
            html: format!(
                "<p>{LEAD_EN}</p>\
                 <h2 id=\"the-route\"><a class=\"anchor\" href=\"#the-route\" aria-hidden=\"true\">#</a>The route</h2>\
                 <p>{BODY_EN}</p>\
                 <h3 class=\"wp-block-heading\"><a href=\"https://blog.example/stations/\">Where the stations go</a></h3>\
                 <p>To try it yourself, run <code>cargo build --release</code> and then <code>./target/release/demo</code>.</p>\
                 <p><strong>What residents asked for</strong></p>\
                 <p>{MORE_EN}</p>\
                 <p><strong><a href=\"https://blog.example/hearing/\">The hearing in full</a></strong></p>\
                 <p>The transcript of the hearing runs to two hundred pages and is published on the council site.</p>\
                 <figure class=\"wp-block-image\"><img src=\"https://blog.example/rail.jpg\" alt=\"A tram\"><figcaption>A tram at the depot.</figcaption></figure>\
                 <blockquote class=\"wp-block-quote\"><p>We have waited twenty years for this line, and we will ride it on the first day.</p></blockquote>\
                 <div class=\"sharedaddy sd-sharing-enabled\"><h3 class=\"sd-title\">Share this:</h3><ul><li><a href=\"https://x.example/share\">Twitter</a></li><li><a href=\"https://f.example/share\">Facebook</a></li></ul></div>\
                 <p>The post <a href=\"https://blog.example/rail/\">Light rail approved</a> appeared first on <a href=\"https://blog.example\">City Notes</a>.</p>"
            ),
            headings: vec![
                (1, "The route"),
                (2, "Where the stations go"),
                (3, "What residents asked for"),
                (3, "The hearing in full"),
            ],
            story: vec![
                LEAD_EN,
                BODY_EN,
                MORE_EN,
                "To try it yourself, run cargo build --release and then ./target/release/demo.",
                "The transcript of the hearing runs to two hundred pages and is published on the council site.",
                "We have waited twenty years for this line, and we will ride it on the first day.",
            ],
            code: vec![],
        },
        Shape {
            name: "hexo",
            html: format!(
                "<p>{LEAD_ZH}</p>\
                 <h2 id=\"安装\"><a href=\"#安装\" class=\"headerlink\" title=\"安装\"></a>安装</h2>\
                 <p>{BODY_ZH}</p>\
                 <pre><code class=\"language-rust\">fn main() {{\n    let line = 3;\n    if line &gt; 2 {{\n        println!(\"{{line}}\");\n    }}\n}}\n</code></pre>\
                 <h3 id=\"配置\"><a href=\"#配置\" class=\"headerlink\" title=\"配置\"></a>配置</h3>\
                 <figure class=\"highlight yaml\"><table><tr><td class=\"gutter\"><pre><span class=\"line\">1</span><br><span class=\"line\">2</span><br></pre></td>\
                 <td class=\"code\"><pre><span class=\"line\"><span class=\"attr\">server:</span></span><br><span class=\"line\">  <span class=\"attr\">port:</span> <span class=\"number\">8080</span></span><br></pre></td></tr></table></figure>\
                 <p>在配置文件中写好端口后，重新启动服务即可，无需修改其他设置，也不用清空缓存。</p>\
                 <h2 id=\"参考\"><a href=\"#参考\" class=\"headerlink\" title=\"参考\"></a>参考</h2>\
                 <ul><li><a href=\"https://docs.example/a\">官方文档：安装与配置指南</a></li><li><a href=\"https://docs.example/b\">社区问答：常见的启动错误</a></li></ul>"
            ),
            headings: vec![(1, "安装"), (2, "配置"), (1, "参考")],
            story: vec![
                LEAD_ZH,
                BODY_ZH,
                "在配置文件中写好端口后，重新启动服务即可，无需修改其他设置，也不用清空缓存。",
                "官方文档：安装与配置指南",
                "社区问答：常见的启动错误",
            ],
            code: vec!["    let line = 3;", "        println!(\"{line}\");", "  port: 8080"],
        },
        Shape {
            name: "ghost",
            html: format!(
                "<p>{LEAD_EN}</p>\
                 <h2 id=\"the-plan\">The plan</h2>\
                 <p>{BODY_EN}</p>\
                 <figure class=\"kg-card kg-image-card kg-card-hascaption\"><img src=\"https://ghost.example/c/rail.jpg\" class=\"kg-image\" alt loading=\"lazy\"><figcaption><span>The depot in March</span></figcaption></figure>\
                 <ul><li>Six new stations in the eastern district</li><li>Trains every eight minutes at peak times</li></ul>\
                 <ol><li>Survey work this summer</li><li>Station building from next year</li></ol>\
                 <h3 id=\"costs\">Costs <em>and</em> funding</h3>\
                 <p>{MORE_EN}</p>\
                 <hr>\
                 <div class=\"kg-card kg-callout-card kg-callout-card-grey\"><div class=\"kg-callout-emoji\">💡</div><div class=\"kg-callout-text\">The council will publish the full budget with the spring accounts.</div></div>"
            ),
            headings: vec![(1, "The plan"), (2, "Costs and funding")],
            story: vec![
                LEAD_EN,
                BODY_EN,
                MORE_EN,
                "Six new stations in the eastern district",
                "Trains every eight minutes at peak times",
                "Survey work this summer",
                "Station building from next year",
                "The council will publish the full budget with the spring accounts.",
            ],
            code: vec![],
        },
        Shape {
            name: "rsshub-digest",
            html: "<p>本周科技要闻汇总如下，点击标题可阅读全文。</p>\
                 <p>1、<a href=\"https://news.example/1\">国产大飞机完成首次跨洋商业飞行</a></p>\
                 <p>2、<a href=\"https://news.example/2\">新型储能电站在西北并网发电</a></p>\
                 <p>3、<a href=\"https://news.example/3\">多地出台措施支持新能源汽车下乡</a></p>\
                 <p>4、<a href=\"https://news.example/4\">高校毕业生就业服务季正式启动</a></p>\
                 <p>5、<a href=\"https://news.example/5\">首个海上风电制氢项目投产</a><br>\
                 6、<a href=\"https://news.example/6\">全国铁路暑运发送旅客创新高</a><br>\
                 7、<a href=\"https://news.example/7\">科研团队发布新一代气象预报模型</a></p>\
                 <ol><li><a href=\"https://news.example/8\">城市更新行动推进老旧小区改造</a></li>\
                 <li><a href=\"https://news.example/9\">跨境电商进口额同比增长两成</a></li></ol>"
                .to_string(),
            headings: vec![],
            story: vec![
                "本周科技要闻汇总如下，点击标题可阅读全文。",
                "1、国产大飞机完成首次跨洋商业飞行",
                "2、新型储能电站在西北并网发电",
                "3、多地出台措施支持新能源汽车下乡",
                "4、高校毕业生就业服务季正式启动",
                "5、首个海上风电制氢项目投产",
                "6、全国铁路暑运发送旅客创新高",
                "7、科研团队发布新一代气象预报模型",
                "城市更新行动推进老旧小区改造",
                "跨境电商进口额同比增长两成",
            ],
            code: vec![],
        },
        Shape {
            name: "rsshub-post",
            html: format!(
                "{LEAD_ZH}<br><br><img src=\"https://wx.example/mmbiz/1.jpg\"><br>{BODY_ZH}<br><br>\
                 <strong><a href=\"https://wx.example/s/abc\">▶ 延伸阅读：线路规划听证会实录</a></strong><br>{MORE_ZH}"
            ),
            headings: vec![(1, "▶ 延伸阅读：线路规划听证会实录")],
            story: vec![LEAD_ZH, BODY_ZH, MORE_ZH],
            code: vec![],
        },
        Shape {
            name: "substack",
            html: format!(
                "<p>{LEAD_EN}</p>\
                 <div class=\"subscription-widget-wrap\"><div class=\"subscription-widget show-subscribe\"><div class=\"preamble\"><p class=\"cta-caption\">Thanks for reading City Notes! Subscribe for free to receive new posts and support my work.</p></div><form class=\"subscription-widget-subscribe\"><input type=\"email\" name=\"email\"><input type=\"submit\" value=\"Subscribe\"></form></div></div>\
                 <h3 class=\"header-anchor-post\">Why it took so long<div class=\"pencraft pc-display-flex\"><div class=\"header-anchor-widget\"><button aria-label=\"Link\">🔗</button></div></div></h3>\
                 <p>{BODY_EN}<a class=\"footnote-anchor\" href=\"#footnote-1\" id=\"footnote-anchor-1\">1</a></p>\
                 <div class=\"captioned-image-container\"><figure><a class=\"image-link\" href=\"https://sub.example/i.jpg\"><img src=\"https://sub.example/i.jpg\" alt=\"\"></a><figcaption class=\"image-caption\">The old depot, 1998.</figcaption></figure></div>\
                 <h4 class=\"header-anchor-post\">A note on the <a href=\"https://sub.example/budget\">budget</a></h4>\
                 <p>{MORE_EN}</p>\
                 <p class=\"button-wrapper\"><a class=\"button primary\" href=\"https://sub.example/share\"><span>Share</span></a></p>\
                 <div class=\"footnote\"><a class=\"footnote-number\" href=\"#footnote-anchor-1\">1</a><div class=\"footnote-content\"><p>The first plan, from 2004, was dropped after the election that year.</p></div></div>"
            ),
            headings: vec![(1, "Why it took so long"), (2, "A note on the budget")],
            story: vec![
                LEAD_EN,
                MORE_EN,
                "The first plan, from 2004, was dropped after the election that year.",
            ],
            code: vec![],
        },
        Shape {
            name: "newspaper",
            html: format!(
                "<p style=\"text-indent:2em\">本报北京3月5日电（记者 王小明）{LEAD_ZH}</p>\
                 <p style=\"text-indent:2em\"><strong>一、总体要求</strong></p>\
                 <p style=\"text-indent:2em\">{BODY_ZH}</p>\
                 <h4>（一）建设目标</h4>\
                 <p style=\"text-indent:2em\">{MORE_ZH}</p>\
                 <table border=\"1\"><tr><th>线路</th><th>长度</th><th>站点</th></tr><tr><td>三号线</td><td>42公里</td><td>28座</td></tr><tr><td>五号线</td><td>36公里</td><td>22座</td></tr></table>\
                 <h4>（二）保障措施</h4>\
                 <p style=\"text-indent:2em\">沿线各区要做好征地拆迁工作，保障<ruby>亳<rp>(</rp><rt>bó</rt><rp>)</rp></ruby>州路段按期开工。</p>\
                 <p style=\"text-indent:2em\"><strong>二、实施步骤</strong></p>\
                 <p style=\"text-indent:2em\">第一阶段完成可行性研究，第二阶段启动主体工程，第三阶段进行联调联试。</p>\
                 <h2>专家解读<br>新线路如何改变城市格局</h2>\
                 <p style=\"text-indent:2em\">专家认为，新线路将带动沿线土地开发，促进东部新区产业集聚和人口导入。</p>\
                 <p>（责任编辑：李华）</p>"
            ),
            headings: vec![
                (1, "一、总体要求"),
                (2, "（一）建设目标"),
                (2, "（二）保障措施"),
                (1, "二、实施步骤"),
                (1, "专家解读 新线路如何改变城市格局"),
            ],
            story: vec![
                LEAD_ZH,
                BODY_ZH,
                MORE_ZH,
                "三号线 | 42公里 | 28座",
                "沿线各区要做好征地拆迁工作，保障亳州路段按期开工。",
                "第一阶段完成可行性研究，第二阶段启动主体工程，第三阶段进行联调联试。",
                "专家认为，新线路将带动沿线土地开发，促进东部新区产业集聚和人口导入。",
            ],
            code: vec![],
        },
        Shape {
            name: "weekly",
            html: "<h2 id=\"封面图\">封面图</h2>\
                 <p><img src=\"https://weekly.example/cover.jpg\" alt=\"\"></p>\
                 <p>湖边的新栈道，由设计师用回收木材建成。（<a href=\"https://weekly.example/via\">via</a>）</p>\
                 <h2 id=\"科技动态\">科技动态</h2>\
                 <p>1、<a href=\"https://news.example/a\">飞行汽车拿到适航证</a></p>\
                 <p>一家公司的飞行汽车获得了适航证，可以载客试飞。</p>\
                 <p>2、<a href=\"https://news.example/b\">手机卫星通话</a></p>\
                 <p>3、<a href=\"https://news.example/c\">新的开源字体</a></p>\
                 <h2 id=\"文章\">文章</h2>\
                 <p><strong><a href=\"https://blog.example/x\">如何写好错误信息</a></strong></p>\
                 <p>好的错误信息说清楚哪里错了、为什么错、怎么改。</p>\
                 <p><strong><a href=\"https://blog.example/y\">终端里的排版</a></strong></p>\
                 <p>作者介绍了终端中文排版的几个难点。</p>\
                 <h2 id=\"工具\"><a href=\"https://tools.example/\">工具</a></h2>\
                 <p>运行 <code>npx serve</code>。</p>\
                 <p><code>git clone https://git.example/fonts.git</code></p>\
                 <h2><a href=\"https://blog.example/linked-post\">A post that the heading links to</a></h2>\
                 <p>Short note.</p>"
                .to_string(),
            headings: vec![
                (1, "封面图"),
                (1, "科技动态"),
                (1, "文章"),
                (2, "如何写好错误信息"),
                (2, "终端里的排版"),
                (1, "工具"),
                (1, "A post that the heading links to"),
            ],
            story: vec![
                "湖边的新栈道，由设计师用回收木材建成。（via）",
                "1、飞行汽车拿到适航证",
                "一家公司的飞行汽车获得了适航证，可以载客试飞。",
                "2、手机卫星通话",
                "3、新的开源字体",
                "好的错误信息说清楚哪里错了、为什么错、怎么改。",
                "作者介绍了终端中文排版的几个难点。",
                "运行 npx serve。",
                "git clone https://git.example/fonts.git",
                "Short note.",
            ],
            code: vec![],
        },
        Shape {
            name: "wechat-export",
            html: format!(
                "<section style=\"margin: 0 8px;\"><p style=\"text-align: center;\"><strong><span style=\"color: #c00;\">规划要点</span></strong><br></p>\
                 <p><span style=\"font-size: 15px;\">{LEAD_ZH}</span></p><p><br></p>\
                 <p>&nbsp;<b>市民关心什么</b>&nbsp;</p>\
                 <p><span>{BODY_ZH}</span></p>\
                 <div><strong>换乘怎么走</strong></div>\
                 <p>{MORE_ZH}</p></section>"
            ),
            headings: vec![(1, "规划要点"), (1, "市民关心什么"), (1, "换乘怎么走")],
            story: vec![LEAD_ZH, BODY_ZH, MORE_ZH],
            code: vec![],
        },
        Shape {
            name: "br-lines",
            html: format!(
                "{LEAD_EN}<br><br><strong>What comes next</strong><br>{BODY_EN}<br><br>{MORE_EN}"
            ),
            headings: vec![(1, "What comes next")],
            story: vec![LEAD_EN, BODY_EN, MORE_EN],
            code: vec![],
        },
        Shape {
            name: "medium",
            html: format!(
                "<h3 class=\"graf--h3\">The plan</h3><p class=\"graf--p\">{LEAD_EN}</p>\
                 <figure><img src=\"https://cdn.example/max/800/1.jpeg\" data-image-id=\"1.jpeg\"><figcaption>The depot</figcaption></figure>\
                 <h4 class=\"graf--h4\">The stations</h4><p>{BODY_EN} <em>Really.</em></p>\
                 <blockquote><p>{MORE_EN}</p></blockquote>"
            ),
            headings: vec![(1, "The plan"), (2, "The stations")],
            story: vec![LEAD_EN, BODY_EN, MORE_EN],
            code: vec![],
        },
        Shape {
            name: "digest-bare",
            html: "<p>1. <a href=\"https://n.example/1\">Rail plan approved</a></p>\
                 <p>2. <a href=\"https://n.example/2\">Library opens late</a></p>\
                 <p>3. <a href=\"https://n.example/3\">New bus routes</a></p>\
                 <p>4. <a href=\"https://n.example/4\">Market reopens</a></p>"
                .to_string(),
            headings: vec![],
            story: vec![
                "1. Rail plan approved",
                "2. Library opens late",
                "3. New bus routes",
                "4. Market reopens",
            ],
            code: vec![],
        },
    ]
}

fn rss(items: &[(String, String)]) -> Vec<u8> {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Shapes</title><link>https://shapes.example/</link>",
    );
    for (i, (title, html)) in items.iter().enumerate() {
        s.push_str(&format!(
            "<item><title>{title}</title><link>https://shapes.example/{i}</link><guid>shape-{i}</guid>\
             <pubDate>Tue, 05 Mar 2024 08:00:00 +0800</pubDate><content:encoded><![CDATA[{html}]]></content:encoded></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s.into_bytes()
}

fn parse_items(items: &[(String, String)]) -> Vec<Article> {
    let cx = ParseContext {
        url: "https://shapes.example/feed".to_string(),
        zone: Zone::Offset(8 * 3600),
        now: DateTime::parse_from_rfc3339("2024-03-06T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc),
    };
    let feed = parse_feed(&rss(items), None, &cx).expect("generated feed parses");
    feed.items.into_iter().map(|i| i.article).collect()
}

#[test]
fn feed_item_markup_is_the_truth() {
    let shapes = shapes();
    let items: Vec<(String, String)> = shapes
        .iter()
        .map(|s| (format!("A {} item", s.name), s.html.clone()))
        .collect();
    check(&shapes, &parse_items(&items), "feed item");
}

/// The same items saved as Markdown, as feed tools save them: front matter and the item's
/// HTML on one line.
#[test]
fn feed_items_saved_as_markdown_read_the_same() {
    let shapes = shapes();
    let articles: Vec<Article> = shapes
        .iter()
        .map(|s| {
            let title = format!("A {} item", s.name);
            let text = format!("---\ntitle: {title}\n---\n\n{}\n", s.html);
            newsreader::article::parse(&text, newsreader::article::Format::Markdown, &title)
        })
        .collect();
    check(&shapes, &articles, "Markdown");
}

/// The same items as web pages: the item's HTML in the page's article element, between a
/// site's navigation, sidebar and footer.
#[test]
fn feed_items_as_web_pages_read_the_same() {
    let shapes = shapes();
    let articles: Vec<Article> = shapes
        .iter()
        .map(|s| {
            let title = format!("A {} item", s.name);
            let text = format!(
                "<!DOCTYPE html><html><head><title>{title} - Shapes</title></head><body>\
                 <header><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav></header>\
                 <main><article class=\"post\"><h1 class=\"entry-title\">{title}</h1>\
                 <div class=\"entry-content\">{}</div></article></main>\
                 <aside class=\"sidebar\"><h2>Recent posts</h2><ul><li><a href=\"/a\">Older post one</a></li>\
                 <li><a href=\"/b\">Older post two</a></li></ul></aside>\
                 <footer><p>© 2024 Shapes. All rights reserved.</p></footer></body></html>",
                s.html
            );
            newsreader::article::parse(&text, newsreader::article::Format::Html, &title)
        })
        .collect();
    let pages: Vec<Shape> = shapes.iter().map(Shape::as_page).collect();
    check(&pages, &articles, "web page");
}

/// Measures each shape's article against what the shape states, prints the figures and
/// fails on any heading missed or misplaced, story line lost or code line reflowed.
fn check(shapes: &[Shape], articles: &[Article], path: &str) {
    let mut failures = Vec::new();
    let (mut found_all, mut expected_all) = (0, 0);
    for (shape, a) in shapes.iter().zip(articles) {
        let headings: Vec<(u8, String)> = a
            .sections
            .iter()
            .filter_map(|s| s.heading.as_ref().map(|h| (s.level, squeeze(h))))
            .collect();
        let body: Vec<String> = a
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(|p| squeeze(p)))
            .collect();
        let found = shape
            .headings
            .iter()
            .filter(|(_, h)| headings.iter().any(|(_, got)| *got == squeeze(h)))
            .count();
        let levels_right = shape
            .headings
            .iter()
            .filter(|(l, h)| headings.contains(&(*l, squeeze(h))))
            .count();
        let lost: Vec<&&str> = shape
            .story
            .iter()
            .filter(|line| !body.iter().any(|p| p.contains(&squeeze(line))))
            .collect();
        let total: usize = shape.story.iter().map(|l| l.chars().count()).sum();
        let kept: usize = total - lost.iter().map(|l| l.chars().count()).sum::<usize>();
        let code_lost: Vec<&&str> = shape
            .code
            .iter()
            .filter(|line| {
                !a.sections
                    .iter()
                    .flat_map(|s| &s.paragraphs)
                    .any(|p| p.lines().any(|l| l == **line))
            })
            .collect();
        println!(
            "{:14} headings {}/{} (levels right {}), story kept {:.0}% ({} of {} lines lost), code lines without their indent {}",
            shape.name,
            found,
            shape.headings.len(),
            levels_right,
            100.0 * kept as f64 / total.max(1) as f64,
            lost.len(),
            shape.story.len(),
            code_lost.len()
        );
        found_all += found;
        expected_all += shape.headings.len();
        if found != shape.headings.len()
            || levels_right != shape.headings.len()
            || !lost.is_empty()
            || !code_lost.is_empty()
        {
            failures.push(format!(
                "{}: headings {:?}, lost {lost:?}, code {code_lost:?}\n{}",
                shape.name,
                headings,
                dump(a)
            ));
        }
    }
    println!("{path}: headings found {found_all}/{expected_all}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The visible lines of an HTML fragment: its text split at paragraph, line-break, heading
/// and list ends, character references for `&`, `<`, `>` and quotes decoded.
fn visible_lines(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        line.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let tag = rest[open..close].to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if matches!(
            name.as_str(),
            "p" | "br"
                | "li"
                | "div"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "tr"
                | "blockquote"
        ) {
            out.push(std::mem::take(&mut line));
        }
        rest = &rest[close.min(rest.len())..];
    }
    line.push_str(rest);
    out.push(line);
    out.into_iter()
        .map(|l| {
            l.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
        })
        .map(|l| squeeze(&l))
        .filter(|l| l.chars().any(char::is_alphanumeric))
        .collect()
}

/// The lines of `content` that `a` left out of its body (headings and paragraphs).
fn lost_lines(content: &str, a: &Article) -> Vec<String> {
    let body: String = a
        .sections
        .iter()
        .flat_map(|s| s.heading.iter().chain(&s.paragraphs))
        .map(|t| squeeze(t))
        .collect::<Vec<_>>()
        .join("\n");
    visible_lines(content)
        .into_iter()
        .filter(|l| !body.contains(l.as_str()))
        .collect()
}

/// Every item of the shared sync fixtures (feed documents and a feed server's recorded
/// answers) keeps every line of its content.
#[test]
fn shared_feed_items_keep_every_line() {
    let root = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/sync-servers"
    ));
    if !root.is_dir() {
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "{} absent: shared feed items not checked",
            root.display()
        );
        return;
    }
    let mut checked = 0;
    let mut failures = Vec::new();
    for name in ["en.xml", "zh.xml"] {
        let bytes = std::fs::read(root.join("fixtures").join(name)).expect("fixture reads");
        let text = String::from_utf8_lossy(&bytes).to_string();
        let contents: Vec<&str> = text
            .split("<![CDATA[")
            .skip(1)
            .filter_map(|c| c.split("]]>").next())
            .collect();
        let cx = ParseContext {
            url: "https://fixtures.example/feed.xml".to_string(),
            zone: Zone::Offset(8 * 3600),
            now: Utc::now(),
        };
        let feed = parse_feed(&bytes, None, &cx).expect("fixture parses");
        assert_eq!(
            feed.items.len(),
            contents.len(),
            "{name}: one content per item"
        );
        for (item, content) in feed.items.iter().zip(contents) {
            let lost = lost_lines(content, &item.article);
            if !lost.is_empty() {
                failures.push(format!("{name} {}: lost {lost:?}", item.title));
            }
            checked += 1;
        }
    }
    let recorded = root.join("freshrss/recorded");
    let mut files: Vec<_> = std::fs::read_dir(&recorded)
        .expect("recorded folder reads")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("recording reads");
        let Some(response) = text.split("### response").nth(1) else {
            continue;
        };
        let Some(json) = response.find('{').map(|i| &response[i..]) else {
            continue;
        };
        let Ok(value) = serde_json::from_str::<serde_json::Value>(json.trim()) else {
            continue;
        };
        let Some(items) = value.get("items").and_then(|i| i.as_array()) else {
            continue;
        };
        for item in items {
            let content = ["content", "summary"]
                .iter()
                .find_map(|k| item.get(k)?.get("content")?.as_str())
                .unwrap_or_default();
            let title = item
                .get("title")
                .and_then(|t| t.as_str())
                .unwrap_or_default();
            let parts = newsreader::feed::RemoteParts {
                guid: "recorded",
                link: None,
                title,
                title_is_html: true,
                content,
                published: None,
                author: None,
            };
            let parsed = newsreader::feed::item_from_parts(&parts, &Zone::Offset(0));
            let lost = lost_lines(content, &parsed.article);
            if !lost.is_empty() {
                failures.push(format!("{} {title}: lost {lost:?}", path.display()));
            }
            checked += 1;
        }
    }
    println!(
        "{checked} shared feed items checked, {} lost lines",
        failures.len()
    );
    assert!(checked > 10, "only {checked} items found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
