//! Text that is not the article: what news sites print around it (navigation, copyright and
//! reprint notices, hotlines, app-download and share prompts, disclaimers, reading-time lines,
//! paywall notices, stock-ticker widgets, provenance notes of clippings) and scraper artefacts.
//! Each class is a named row in [`CLASSES`] with a test for one line, so a new site's quirk is
//! a new word or a new row. Blocks of it (a "related links" label and the headlines under it,
//! everything after a promotion separator) are in [`blocks`].

mod blocks;
mod lines;
mod ticker;

use lines::{
    Line, acknowledgement, app_prompt, artefact, copyright, disclaimer, hotline, label, navigation,
    original_title, paywall, provenance, reading_time, share_prompt,
};

pub(super) use blocks::{RelatedBlock, promo_separator, related_label};
pub(super) use ticker::{ends_with_quote, strip_tickers, ticker_line};

/// One class of boilerplate: its name (for tests and reading) and the test for one line.
pub(super) struct Class {
    /// What the class is, in a word or two.
    pub(super) name: &'static str,
    /// Whether a line belongs to the class.
    pub(super) test: fn(&Line<'_>) -> bool,
}

/// Every class of boilerplate line, tried in order.
pub(super) const CLASSES: &[Class] = &[
    Class {
        name: "navigation",
        test: navigation,
    },
    Class {
        name: "copyright",
        test: copyright,
    },
    Class {
        name: "hotline",
        test: hotline,
    },
    Class {
        name: "app prompt",
        test: app_prompt,
    },
    Class {
        name: "share prompt",
        test: share_prompt,
    },
    Class {
        name: "disclaimer",
        test: disclaimer,
    },
    Class {
        name: "reading time",
        test: reading_time,
    },
    Class {
        name: "paywall",
        test: paywall,
    },
    Class {
        name: "original title",
        test: original_title,
    },
    Class {
        name: "provenance",
        test: provenance,
    },
    Class {
        name: "acknowledgement",
        test: acknowledgement,
    },
    Class {
        name: "label",
        test: label,
    },
    Class {
        name: "stock ticker",
        test: |l| ticker_line(l.text),
    },
    Class {
        name: "scraper artefact",
        test: artefact,
    },
    Class {
        name: "related label",
        test: |l| related_label(l.text),
    },
    Class {
        name: "promotion separator",
        test: |l| promo_separator(l.text),
    },
];

/// The class of a line that is boilerplate.
pub(super) fn class_of(line: &str) -> Option<&'static str> {
    let line = Line::new(line.trim());
    CLASSES.iter().find(|c| (c.test)(&line)).map(|c| c.name)
}

/// Whether a line is boilerplate rather than article text.
pub(super) fn is_boilerplate(line: &str) -> bool {
    class_of(line).is_some()
}

/// A footer paragraph that runs several notices together (`更多精彩资讯请下载…客户端。…报料热线
/// 400-…。版权声明：…。`): more than half of its sentences, and at least two, are boilerplate
/// each on its own. The classes read one sentence at a time, so a paragraph of them is missed
/// as a whole.
pub(super) fn notices_paragraph(text: &str) -> bool {
    if !crate::script::at_most(text, 400) {
        return false;
    }
    let sentences: Vec<&str> = text
        .split_inclusive(['。', '！', '？'])
        .map(str::trim)
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .collect();
    let notices = sentences.iter().filter(|s| is_boilerplate(s)).count();
    notices >= 2 && notices * 2 > sentences.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real and made-up lines of each class, and lines that must stay article text.
    #[test]
    fn classes_of_boilerplate() {
        let cases: &[(&str, Option<&str>)] = &[
            ("返回上页 回到首页", Some("navigation")),
            ("【打印本页】【关闭窗口】", Some("navigation")),
            ("【1】【2】【3】【4】", Some("navigation")),
            ("微思客网站原文", Some("navigation")),
            ("首页 > 新闻 > 正文", Some("navigation")),
            ("当前位置：首页 » 国际 » 亚洲", Some("navigation")),
            ("气温从 10 > 5 > 0 度一路下降，人们都穿上了厚衣服。", None),
            ("导读", Some("label")),
            ("【編者按】", Some("label")),
            ("内容提要：", Some("label")),
            ("新闻摘要", None),
            ("导读：这是一段正文。", None),
            ("青年报社 版权所有", Some("copyright")),
            ("人 民 网 版 权 所 有", Some("copyright")),
            (
                "Copyright © 1997-2019 by www.people.com.cn",
                Some("copyright"),
            ),
            (
                "版权声明：转载须经版权人书面授权并注明来源",
                Some("copyright"),
            ),
            ("未经新京报书面授权，不得转载和使用", Some("copyright")),
            ("澎湃新闻，未经授权不得转载", Some("copyright")),
            ("广告热线:021-0000 | 举报电话:021-0000", Some("hotline")),
            ("澎湃新闻报料：4009-20-4009", Some("hotline")),
            ("更多原创资讯请下载“澎湃新闻”APP", Some("app prompt")),
            ("還想看更多新聞嗎？歡迎下載自由時報APP", Some("app prompt")),
            ("人民日报客户端下载", Some("app prompt")),
            (
                "免责声明：自媒体综合提供的内容均源自自媒体，版权归原作者所有，转载请联系原作者并获许可。文章观点仅代表作者本人，不代表新浪立场。若内容涉及投资建议，仅供参考勿作为投资依据。投资有风险，入市需谨慎。",
                Some("disclaimer"),
            ),
            (
                "特别声明：以上内容仅代表作者本人观点，不代表本站观点或立场。",
                Some("disclaimer"),
            ),
            ("文章观点仅代表作者本人，不代表新浪立场", Some("disclaimer")),
            ("全文3331字，阅读约需6分钟", Some("reading time")),
            (
                "（原标题：5G手机芯片江湖：玩家减少、五强争霸）",
                Some("original title"),
            ),
            (
                "原标题：他晚于阿姆斯特朗登月 却是首个敢在月球喝酒的人",
                Some("original title"),
            ),
            (
                "（原题为《新年伊始，习近平的重要文章谈了啥？》）",
                Some("original title"),
            ),
            (
                "原文来自微信公众号「捎话」，作者夏显虎：广州17岁男生",
                Some("provenance"),
            ),
            (
                "本文由 简悦 SimpRead 转码，原文地址来自端传媒",
                Some("provenance"),
            ),
            (
                "（特別感謝 Alex、HAO、Jack 對本文的貢獻）",
                Some("acknowledgement"),
            ),
            ("实习生周明对本文亦有贡献", Some("acknowledgement")),
            ("（記者李安對本文也有貢獻）", Some("acknowledgement")),
            ("这项研究对本行业贡献很大。", None),
            ("如家快捷 -- --%", Some("stock ticker")),
            ("(115.395, 2.79, 2.47%)", Some("stock ticker")),
            ("undefined", Some("scraper artefact")),
            ("(更新时间戳: 1669036786119)", Some("scraper artefact")),
            ("相关阅读", Some("related label")),
            ("【字号：大 中 小】【打印】【关闭】", Some("navigation")),
            ("5 min read", Some("reading time")),
            ("seal.rio.97-08-18.gif", Some("scraper artefact")),
            ("购买会员阅读更多深度报道", Some("paywall")),
            (
                "本則新聞已超過免費瀏覽期限。請加入付費會員查詢。",
                Some("paywall"),
            ),
            ("他在朋友圈分享了这张照片，说这是他最喜欢的一张。", None),
            ("已向省教育厅实名举报", None),
            ("往期回顾", Some("related label")),
            (
                "----------以下为推广----------",
                Some("promotion separator"),
            ),
            // Article text.
            ("他回到首都后，继续工作了很多年。", None),
            (
                "下载量突破一亿次后，这款应用的开发者说，他们没有想到会这样。他们打算继续改进，让更多人用上。这是团队第一次面对如此大的用户群体，压力不小。",
                None,
            ),
            ("记者了解到，出席答谢宴的宾客近百人。", None),
            ("原文作者提出了他的规划。", None),
            ("声音低而清晰。", None),
            (
                "其次，提供音频和视频内容的播客，使版权问题更加复杂。美国唱片工会表示：“一定要获得版权所有者的许可。”",
                None,
            ),
            (
                "The ferry across the bay restarted its morning service.",
                None,
            ),
        ];
        assert!(notices_paragraph(
            "更多精彩资讯请下载“小城新闻”客户端。欢迎提供线索，报料热线400-000-0000。版权声明：本文版权归属小城新闻所有，未经授权不得转载。转载请联系我们。"
        ));
        assert!(!notices_paragraph(
            "这款应用的客户端已可下载。记者了解到，下载量在一周内突破一万。开发者说，他们没有想到会这样。"
        ));
        let wrong: Vec<_> = cases
            .iter()
            .filter(|(line, want)| class_of(line) != *want)
            .map(|(line, want)| (line, want, class_of(line)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
