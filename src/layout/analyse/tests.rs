//! The drawn text of a paragraph: spacing, narrowing, addresses, idempotence.

use super::*;

fn spaced(text: &str) -> String {
    drawn(
        text,
        Style {
            spacing: true,
            narrow: true,
            ..Style::default()
        },
    )
}

#[test]
fn spacing_between_chinese_and_latin() {
    assert_eq!(
        spaced("使用Rust语言开发了3个版本"),
        "使用 Rust 语言开发了 3 个版本"
    );
    assert_eq!(
        spaced("增长50%以上，气温30°C左右"),
        "增长 50% 以上，气温 30°C 左右"
    );
    assert_eq!(spaced("使用Ｒｕｓｔ开发"), "使用 Rust 开发");
    assert_eq!(spaced("（Rust）和“Go”"), "（Rust）和“Go”");
    assert_eq!(spaced("Rust 语言"), "Rust 语言");
    assert_eq!(spaced("华为Mate20X 5G版"), "华为 Mate20X 5G 版");
}

#[test]
fn no_space_inside_an_address() {
    assert_eq!(
        spaced("见https://zh.wikipedia.org/wiki/中文页面了解b"),
        "见 https://zh.wikipedia.org/wiki/中文页面了解b"
    );
    assert_eq!(spaced("访问www.gov.cn了解"), "访问 www.gov.cn 了解");
    assert_eq!(spaced("邮箱abc@163.com联系"), "邮箱 abc@163.com 联系");
}

#[test]
fn spacing_is_idempotent() {
    for text in [
        "使用Rust语言开发了3个版本",
        "见https://a.cn/中文页面b和c",
        "ＡＢＣ公司，１２．５％的用户",
        "２０２２年１１月",
    ] {
        let once = spaced(text);
        assert_eq!(spaced(&once), once, "{text}");
    }
}
