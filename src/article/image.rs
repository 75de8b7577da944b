//! Images in the text. A front end meets an image before it knows what language the article is
//! in, so it leaves a mark (with the alt text when that describes the picture, and the address
//! as written); once the whole article is known the assembler turns each mark into a
//! placeholder in the article's own script (`[图片]`, `[圖片]`, `[image]`, `[图片：湖边步道]`)
//! and keeps the picture as a block of the article ([`Picture`]).
//!
//! A front end's mark carries the address as private-use characters (one per byte), so no
//! classifier mistakes it for words; before classifying, the assembler numbers the marks
//! ([`number`]) and keeps the addresses in a table, so a mark is again exactly as long as one
//! without an address.

use std::borrow::Cow;

use crate::article::model::Picture;
use crate::script::Script;

/// Stands for an image without a description.
const BARE: char = '\u{E000}';
/// Opens the description of an image.
const ALT_OPEN: char = '\u{E001}';
/// Closes the description of an image.
const ALT_CLOSE: char = '\u{E002}';
/// A byte of an image's address in a front end's mark: `ADDRESS + byte`.
const ADDRESS: u32 = 0x10_0000;
/// A numbered [`BARE`]: `BARE_N + number`.
const BARE_N: u32 = 0xF_0000;
/// A numbered [`ALT_OPEN`]: `ALT_N + number`.
const ALT_N: u32 = 0xF_8000;
/// How many marks can be numbered (the rest stay unnumbered: placeholders only).
const NUMBERS: u32 = 0x7FFE;

/// What a character of a mark is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// An image without a description, with its number once numbered.
    Bare(Option<usize>),
    /// The start of an image with a description, with its number once numbered.
    AltOpen(Option<usize>),
    /// The end of a description.
    AltClose,
    /// A byte of the address.
    Address(u8),
}

fn part(c: char) -> Option<Part> {
    let n = u32::from(c);
    match c {
        BARE => Some(Part::Bare(None)),
        ALT_OPEN => Some(Part::AltOpen(None)),
        ALT_CLOSE => Some(Part::AltClose),
        _ if (BARE_N..BARE_N + NUMBERS).contains(&n) => {
            Some(Part::Bare(Some((n - BARE_N) as usize)))
        }
        _ if (ALT_N..ALT_N + NUMBERS).contains(&n) => {
            Some(Part::AltOpen(Some((n - ALT_N) as usize)))
        }
        _ if (ADDRESS..ADDRESS + 256).contains(&n) => {
            u8::try_from(n - ADDRESS).ok().map(Part::Address)
        }
        _ => None,
    }
}

/// Whether `text` may hold an image mark: every part of one is a character whose UTF-8 form
/// starts with the byte `EE` (U+E000–U+EFFF) or `F3`/`F4` (planes 15 and 16), so a text
/// without those bytes, which is almost every text, is ruled out by one fast byte search.
fn may_have_marks(text: &str) -> bool {
    memchr::memchr3(0xEE, 0xF3, 0xF4, text.as_bytes()).is_some()
        && text.chars().any(|c| part(c).is_some())
}

fn is_address(c: char) -> bool {
    matches!(part(c), Some(Part::Address(_)))
}

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

/// The longest address a mark carries (longer ones are kept as placeholders only).
const MAX_ADDRESS: usize = 4096;

/// The mark a front end leaves for an image with alt text `alt` at address `src` (as
/// written in the source; empty when unknown).
pub(super) fn mark(alt: &str, src: &str) -> String {
    let alt: String = alt.trim().chars().filter(|&c| part(c).is_none()).collect();
    let src = src.trim();
    let src = if src.len() > MAX_ADDRESS { "" } else { src };
    let address = src
        .bytes()
        .filter_map(|b| char::from_u32(ADDRESS + u32::from(b)));
    if describes(&alt) {
        let mut out = String::from(ALT_OPEN);
        out.extend(address);
        out.push_str(&alt);
        out.push(ALT_CLOSE);
        out
    } else {
        std::iter::once(BARE).chain(address).collect()
    }
}

/// Whether `text` holds nothing but images.
pub(super) fn only_images(text: &str) -> bool {
    let mut inside = false;
    let mut any = false;
    for c in text.chars() {
        match part(c) {
            Some(Part::Bare(_)) => any = true,
            Some(Part::AltOpen(_)) => inside = true,
            Some(Part::AltClose) => {
                inside = false;
                any = true;
            }
            Some(Part::Address(_)) => {}
            None if inside || c.is_whitespace() => {}
            None => return false,
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
        match part(c) {
            Some(Part::AltClose) => inside = true,
            Some(Part::AltOpen(_)) => {
                inside = false;
                cut = i;
            }
            Some(Part::Bare(_)) => cut = i,
            Some(Part::Address(_)) => {}
            None if inside || c.is_whitespace() => {}
            None => break,
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
    let mut chars = text.trim().chars();
    if !matches!(chars.next().and_then(part), Some(Part::AltOpen(_))) {
        return None;
    }
    let inner = chars
        .as_str()
        .trim_start_matches(is_address)
        .strip_suffix(ALT_CLOSE)?;
    (!inner.chars().any(|c| part(c).is_some())).then_some(inner)
}

/// The mark of the image that is `text`, shown without its description (when the caption
/// beside it already says what the alt text says): its address and number kept.
pub(super) fn bare_mark(text: &str) -> String {
    let mut chars = text.trim().chars();
    let head = match chars.next().and_then(part) {
        Some(Part::AltOpen(Some(n)) | Part::Bare(Some(n))) => {
            char::from_u32(BARE_N + n as u32).unwrap_or(BARE)
        }
        _ => BARE,
    };
    std::iter::once(head)
        .chain(chars.take_while(|&c| is_address(c)))
        .collect()
}

/// Numbers the images in `text`: each address moves to `table` and the mark keeps its
/// index there, so the mark is as long as one without an address.
pub(super) fn number(text: &mut String, table: &mut Vec<String>) {
    if !may_have_marks(text) {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match part(c) {
            Some(p @ (Part::Bare(None) | Part::AltOpen(None))) => {
                let mut bytes = Vec::new();
                while let Some(Part::Address(b)) = chars.peek().copied().and_then(part) {
                    bytes.push(b);
                    chars.next();
                }
                let n = u32::try_from(table.len()).unwrap_or(NUMBERS);
                let base = if matches!(p, Part::Bare(_)) {
                    BARE_N
                } else {
                    ALT_N
                };
                match char::from_u32(base + n).filter(|_| n < NUMBERS) {
                    Some(numbered) => {
                        table.push(String::from_utf8_lossy(&bytes).into_owned());
                        out.push(numbered);
                    }
                    None => out.push(c),
                }
            }
            Some(Part::Address(_)) => {}
            _ => out.push(c),
        }
    }
    *text = out;
}

/// Turns every image mark in `text` into a placeholder in `script`.
pub(super) fn resolve(text: &str, script: Script) -> Cow<'_, str> {
    resolve_with(text, script, |_, _| {})
}

/// [`resolve`], telling `found` each numbered image met, in order: its number and its
/// description (when it has one).
pub(super) fn resolve_with<'a>(
    text: &'a str,
    script: Script,
    mut found: impl FnMut(usize, Option<&str>),
) -> Cow<'a, str> {
    if !may_have_marks(text) {
        return Cow::Borrowed(text);
    }
    let (word, sep) = match script {
        Script::Simplified => ("图片", "："),
        Script::Traditional => ("圖片", "："),
        Script::Other => ("image", ": "),
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut open: Option<(Option<usize>, usize)> = None;
    for c in text.chars() {
        match part(c) {
            Some(Part::Bare(n)) => {
                out.push('[');
                out.push_str(word);
                out.push(']');
                if let Some(n) = n {
                    found(n, None);
                }
            }
            Some(Part::AltOpen(n)) => {
                out.push('[');
                out.push_str(word);
                out.push_str(sep);
                open = Some((n, out.len()));
            }
            Some(Part::AltClose) => {
                let open = open.take();
                if let Some((Some(n), start)) = open {
                    found(n, out.get(start..));
                }
                // An alt text set in brackets (`[Photo of …]`) is the stand-in pages written
                // for text browsers print in the picture's place, as the placeholder itself
                // does: the picture keeps it as its alt, the text shows the bare placeholder.
                if let Some((_, start)) = open
                    && out.get(start..).is_some_and(|alt| alt.starts_with('['))
                {
                    out.truncate(start - sep.len());
                }
                out.push(']');
            }
            Some(Part::Address(_)) => {}
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The pictures of a paragraph: each numbered image in `text`, with its address from
/// `table`, at paragraph `paragraph` of section `section` (those without an address are
/// placeholders only).
pub(super) fn pictures(
    found: Vec<(usize, Option<String>)>,
    table: &[String],
    (section, paragraph): (usize, usize),
) -> impl Iterator<Item = Picture> + '_ {
    found.into_iter().filter_map(move |(n, alt)| {
        let src = table.get(n).filter(|s| !s.is_empty())?;
        Some(Picture {
            src: src.clone(),
            alt,
            caption: None,
            section,
            paragraph,
        })
    })
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
            ("[Photo of a sea lion]", Script::Other, "[image]"),
            ("[Photo of a sea lion", Script::Other, "[image]"),
        ];
        for (alt, script, want) in cases {
            assert_eq!(resolve(&mark(alt, "a.png"), script), want, "{alt:?}");
        }
    }

    #[test]
    fn images_at_the_end_of_a_paragraph() {
        let text = format!(
            "过程吗？”（姚峰 上海报道） {}",
            mark("赵慧", "https://x.example/z.jpg")
        );
        let (words, pictures) = split_trailing(&text);
        assert_eq!(words, "过程吗？”（姚峰 上海报道）");
        assert_eq!(format!("{words}{pictures}"), text);
        assert_eq!(split_trailing("没有图片。"), ("没有图片。", ""));
    }

    #[test]
    fn every_mark_character_starts_with_a_byte_the_quick_search_knows() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let lead = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            if part(c).is_some() {
                assert!(matches!(lead, 0xEE | 0xF3 | 0xF4), "{c:?}");
            }
        }
        assert!(!may_have_marks("图片 \u{E003} \u{F7FFF} \u{100100}"));
        assert!(may_have_marks("图片 \u{E000}"));
    }

    #[test]
    fn image_only_text() {
        assert!(only_images(&mark("", "x.png")));
        assert!(only_images(&format!(
            "{} {}",
            mark("猫", "c.png"),
            mark("", "")
        )));
        assert!(!only_images(&format!("看{}吧", mark("猫", "c.png"))));
        assert!(!only_images("文字"));
        assert_eq!(alt_of(&mark("湖边步道", "h.png")), Some("湖边步道"));
        assert_eq!(alt_of(&mark("", "h.png")), None);
    }

    #[test]
    fn addresses_are_numbered_and_come_back_with_their_descriptions() {
        let mut text = format!(
            "看{}吧{}",
            mark("湖边步道", "https://a.example/p.jpg"),
            mark("", "b.png")
        );
        let before = resolve(&text, Script::Simplified).into_owned();
        let mut table = Vec::new();
        number(&mut text, &mut table);
        assert_eq!(table, ["https://a.example/p.jpg", "b.png"]);
        // Numbered, a mark is as long as one without an address.
        let plain = format!("看{}吧{}", mark("湖边步道", ""), mark("", ""));
        assert_eq!(text.chars().count(), plain.chars().count());
        let mut found = Vec::new();
        let after = resolve_with(&text, Script::Simplified, |n, alt| {
            found.push((n, alt.map(str::to_string)))
        });
        assert_eq!(after, before);
        assert_eq!(after, "看[图片：湖边步道]吧[图片]");
        assert_eq!(found, [(0, Some("湖边步道".to_string())), (1, None)]);
        // Left without its description, a numbered picture keeps its number.
        let mut one = mark("湖边步道", "c.png");
        number(&mut one, &mut table);
        let mut found = Vec::new();
        let bare = bare_mark(&one);
        assert_eq!(
            resolve_with(&bare, Script::Simplified, |n, _| found.push(n)),
            "[图片]"
        );
        assert_eq!(found, [2]);
        assert!(only_images(&one) && only_images(&bare));
    }
}
