//! Images in the text. A front end meets an image before it knows what language the article is
//! in, so it leaves a mark (with the alt text when that describes the picture); once the whole
//! article is known the assembler turns each mark into a placeholder in the article's own
//! script: `[图片]`, `[圖片]`, `[image]`, `[图片：湖边步道]`.

use std::borrow::Cow;

use crate::script::Script;

/// Stands for an image without a description.
const BARE: char = '\u{E000}';
/// Opens the description of an image.
const ALT_OPEN: char = '\u{E001}';
/// Closes the description of an image.
const ALT_CLOSE: char = '\u{E002}';

/// Alt texts that name the thing rather than describe it: an image whose alt says only
/// "picture" shows the bare placeholder (`[图片]`, not `[图片：图片]`).
const GENERIC_ALT: &[&str] = &[
    "图片", "圖片", "图", "圖", "配图", "配圖", "image", "img", "photo", "picture", "pic",
];

/// Whether an alt text describes the picture: not empty, not a file name or a hash, not a
/// number, not a word that only says "image", not a photo credit.
fn describes(alt: &str) -> bool {
    let lower = alt.to_lowercase();
    // A file name: no space, an image's extension (`00.gif`, `IMG_2024.JPG`).
    let file_name = !alt.contains(' ')
        && alt.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && [
                    "jpg", "jpeg", "png", "gif", "webp", "bmp", "svg", "tif", "tiff",
                ]
                .contains(&ext.to_ascii_lowercase().as_str())
        });
    !(alt.chars().count() < 2
        || file_name
        || alt.len() >= 16 && alt.chars().all(|c| c.is_ascii_hexdigit())
        || !alt.chars().any(char::is_alphanumeric)
        || GENERIC_ALT.contains(&lower.as_str())
        || lower.starts_with("(credit")
        || lower.starts_with("credit:"))
}

/// The mark a front end leaves for an image with alt text `alt`.
pub(super) fn mark(alt: &str) -> String {
    let alt = alt.trim();
    if describes(alt) {
        format!("{ALT_OPEN}{alt}{ALT_CLOSE}")
    } else {
        BARE.to_string()
    }
}

/// Whether `text` holds nothing but images.
pub(super) fn only_images(text: &str) -> bool {
    let mut inside = false;
    let mut any = false;
    for c in text.chars() {
        match c {
            BARE => any = true,
            ALT_OPEN => inside = true,
            ALT_CLOSE => {
                inside = false;
                any = true;
            }
            c if inside || c.is_whitespace() => {}
            _ => return false,
        }
    }
    any
}

/// `text` split before the images at its end: the words, and the images (with the space
/// before them).
pub(super) fn split_trailing(text: &str) -> (&str, &str) {
    let mut cut = text.len();
    let mut inside = false;
    for (i, c) in text.char_indices().rev() {
        match c {
            ALT_CLOSE => inside = true,
            ALT_OPEN => {
                inside = false;
                cut = i;
            }
            BARE => cut = i,
            c if inside || c.is_whitespace() => {}
            _ => break,
        }
    }
    let words = text.get(..cut).unwrap_or(text);
    let words_end = words.trim_end().len();
    (
        text.get(..words_end).unwrap_or(text),
        text.get(words_end..).unwrap_or_default(),
    )
}

/// The description of an image when `text` is one image with alt text, nothing else.
pub(super) fn alt_of(text: &str) -> Option<&str> {
    let inner = text
        .trim()
        .strip_prefix(ALT_OPEN)?
        .strip_suffix(ALT_CLOSE)?;
    (!inner.contains([ALT_OPEN, ALT_CLOSE, BARE])).then_some(inner)
}

/// The mark of an image shown without its description (when the caption beside it already
/// says what the alt text says).
pub(super) fn bare_mark() -> String {
    BARE.to_string()
}

/// Turns every image mark in `text` into a placeholder in `script`.
pub(super) fn resolve(text: &str, script: Script) -> Cow<'_, str> {
    if !text.contains(BARE) && !text.contains(ALT_OPEN) {
        return Cow::Borrowed(text);
    }
    let (word, sep) = match script {
        Script::Simplified => ("图片", "："),
        Script::Traditional => ("圖片", "："),
        Script::Other => ("image", ": "),
    };
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            BARE => {
                out.push('[');
                out.push_str(word);
                out.push(']');
            }
            ALT_OPEN => {
                out.push('[');
                out.push_str(word);
                out.push_str(sep);
            }
            ALT_CLOSE => out.push(']'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_follow_the_script_and_skip_meaningless_alt_text() {
        let cases = [
            ("", Script::Simplified, "[图片]"),
            ("湖边步道", Script::Simplified, "[图片：湖边步道]"),
            ("湖邊步道", Script::Traditional, "[圖片：湖邊步道]"),
            ("", Script::Traditional, "[圖片]"),
            (
                "The ferry at the pier",
                Script::Other,
                "[image: The ferry at the pier]",
            ),
            ("图片", Script::Simplified, "[图片]"),
            ("圖片", Script::Traditional, "[圖片]"),
            ("image", Script::Other, "[image]"),
            ("Image", Script::Other, "[image]"),
            ("00.gif", Script::Simplified, "[图片]"),
            (
                "dafb8fc893c007a90f9abc485ad501be6b079186",
                Script::Simplified,
                "[图片]",
            ),
            ("(Credit: Nasa)", Script::Simplified, "[图片]"),
            ("1", Script::Simplified, "[图片]"),
            ("...", Script::Simplified, "[图片]"),
        ];
        for (alt, script, want) in cases {
            assert_eq!(resolve(&mark(alt), script), want, "{alt:?}");
        }
    }

    #[test]
    fn images_at_the_end_of_a_paragraph() {
        let text = format!("过程吗？”（姚峰 上海报道） {}", mark("赵慧"));
        let (words, pictures) = split_trailing(&text);
        assert_eq!(words, "过程吗？”（姚峰 上海报道）");
        assert_eq!(format!("{words}{pictures}"), text);
        assert_eq!(split_trailing("没有图片。"), ("没有图片。", ""));
    }

    #[test]
    fn image_only_text() {
        assert!(only_images(&mark("")));
        assert!(only_images(&format!("{} {}", mark("猫"), mark(""))));
        assert!(!only_images(&format!("看{}吧", mark("猫"))));
        assert!(!only_images("文字"));
        assert_eq!(alt_of(&mark("湖边步道")), Some("湖边步道"));
        assert_eq!(alt_of(&mark("")), None);
    }
}
