//! Lines that are not the article: site navigation, copyright, ad and report hotlines, share
//! prompts, "related links" and scraper artefacts. They leave the body for `dropped`, so
//! nothing disappears silently. The word lists grow as new sites are met, which is why they
//! live apart from the metadata rules.

/// Words that mark a line as boilerplate: site navigation, copyright, ad and report
/// hotlines, share prompts, "related links". Checked on short lines only.
const BOILERPLATE: &[&str] = &[
    "返回上页",
    "回到首页",
    "返回首页",
    "返回顶部",
    "版权所有",
    "版權所有",
    "Copyright",
    "copyright",
    "All rights reserved",
    "©",
    "广告热线",
    "举报电话",
    "举报邮箱",
    "违法和不良信息",
    "相关链接",
    "相关阅读",
    "相关新闻",
    "相關新聞",
    "延伸阅读",
    "分享到",
    "分享至",
    "扫一扫",
    "扫描二维码",
    "点击关注",
    "关注我们",
    "Share this",
    "Related Articles",
    "Related links",
];

/// Lines that are whole-line navigation prompts or scraper artefacts.
const BOILERPLATE_EXACT: &[&str] = &[
    "查看原文",
    "阅读原文",
    "原文链接",
    "点击查看原文",
    "undefined",
    "null",
    "NaN",
    "打印",
    "关闭",
    "关闭窗口",
    "Advertisement",
];

/// Whether a line is boilerplate rather than article text.
pub fn is_boilerplate(line: &str) -> bool {
    let t = line.trim();
    if BOILERPLATE_EXACT.contains(&t) {
        return true;
    }
    t.chars().count() <= 160 && BOILERPLATE.iter().any(|w| t.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate() {
        assert!(is_boilerplate("返回上页 回到首页"));
        assert!(is_boilerplate("青年报社 版权所有"));
        assert!(is_boilerplate("广告热线:021-0000 | 举报电话:021-0000"));
        assert!(is_boilerplate("undefined"));
        assert!(!is_boilerplate("他回到首都后，继续工作了很多年。"));
    }
}
