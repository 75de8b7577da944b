use super::*;

#[test]
fn only_the_feeds_own_name_is_cut_from_a_title() {
    let cases = [
        (
            "打造高效的工作环境 – Shell 篇",
            Some("少数派"),
            "打造高效的工作环境 – Shell 篇",
        ),
        (
            "打造高效的工作环境 - 少数派",
            Some("少数派"),
            "打造高效的工作环境",
        ),
        ("央行降准_财经频道", Some("新浪财经_财经频道"), "央行降准"),
        ("一周回顾 | Example Blog", Some("example blog"), "一周回顾"),
        ("一周回顾 | Example Blog", None, "一周回顾 | Example Blog"),
        ("少数派", Some("少数派"), "少数派"),
    ];
    for (title, site, want) in cases {
        assert_eq!(without_site_name(title, site), want, "{title}");
    }
}

#[test]
fn an_rss_root_with_an_odd_version_is_read_as_rss_2() {
    assert_eq!(
        rss_as_v2("<?xml?><rss xmlns:a=\"x\"><channel/></rss>").as_deref(),
        Some("<?xml?><rss version=\"2.0\" xmlns:a=\"x\"><channel/></rss>")
    );
    assert_eq!(
        rss_as_v2("<rss version='2.00'><channel/></rss>").as_deref(),
        Some("<rss version=\"2.0\"><channel/></rss>")
    );
    assert_eq!(rss_as_v2("<rssfeed/>"), None);
}
