//! Code in Markdown is kept as written: fenced blocks with or without a language tag, with
//! backticks or tildes, indented blocks, never reflowed, never read as headings or credits.

use newsreader::article::{Article, Format, parse};

fn paragraphs(a: &Article) -> Vec<&str> {
    a.sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(String::as_str))
        .collect()
}

fn headings(a: &Article) -> Vec<&str> {
    a.sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect()
}

const ARTICLE: &str = "# 在终端里读新闻

第一段正文，介绍这篇文章要讲的内容，句子足够长，才像一段正文。

## 准备工作

下面是一段代码：

```rust
fn main() {
    // 注释：记者 张三
    println!(\"hi\");
}
```

~~~~text
# 这不是标题
    缩进保留
```
仍在围栏里
~~~~

缩进的代码块：

    let x = 1;
        let y = 2;
    ## 也不是标题

## 下一步

最后一段正文，说明下一步怎么做，句子同样足够长，才像一段正文。
";

#[test]
fn fenced_code_with_a_language_tag_is_verbatim() {
    let a = parse(ARTICLE, Format::Markdown, "f");
    let body = paragraphs(&a);
    assert!(
        body.contains(&"fn main() {\n    // 注释：记者 张三\n    println!(\"hi\");\n}"),
        "{body:?}"
    );
    // A credit-like line inside code is code, not a byline.
    assert_eq!(a.byline, None);
}

#[test]
fn a_tilde_fence_ends_only_at_its_own_run() {
    let a = parse(ARTICLE, Format::Markdown, "f");
    let body = paragraphs(&a);
    assert!(
        body.contains(&"# 这不是标题\n    缩进保留\n```\n仍在围栏里"),
        "{body:?}"
    );
}

#[test]
fn an_indented_block_is_code_with_its_inner_indentation() {
    let a = parse(ARTICLE, Format::Markdown, "f");
    let body = paragraphs(&a);
    assert!(
        body.contains(&"let x = 1;\n    let y = 2;\n## 也不是标题"),
        "{body:?}"
    );
}

#[test]
fn heading_like_lines_inside_code_are_never_headings() {
    let a = parse(ARTICLE, Format::Markdown, "f");
    assert_eq!(a.title, "在终端里读新闻");
    assert_eq!(headings(&a), ["准备工作", "下一步"]);
}

#[test]
fn indented_prose_and_list_continuations_are_not_code() {
    let text = "# 标题\n\n    第一段正文缩进了四个空格，但它是一段话，不是代码。\n\n\
                - 列表的第一项\n\n    列表项的续行\n\n最后一段正文，句子足够长，才像一段正文。\n";
    let a = parse(text, Format::Markdown, "f");
    let body = paragraphs(&a);
    assert!(
        body.iter()
            .any(|p| p.trim() == "第一段正文缩进了四个空格，但它是一段话，不是代码。"),
        "{body:?}"
    );
    assert!(body.iter().any(|p| p.contains("列表项的续行")), "{body:?}");
}
