//! Cleaning decoded text in one pass: line ends, tabs, control, bidi and zero-width
//! characters, the C1 stand-ins for windows-1252 punctuation and the no-break space rules,
//! for article text and, through [`sanitize_line`], for single-line strings such as file names.
//! It lives apart from `decode.rs` because what is safe to draw on a terminal changes for
//! reasons of its own, whatever encoding the text came in.

/// What a tab becomes in article text: four spaces. Tabs are not expanded to tab stops
/// because column positions depend on display widths (CJK characters take two columns), which
/// only the layout stage knows; in running text a tab is an indent or a gap, and a fixed gap
/// shows that faithfully.
const TAB_EXPANSION: &str = "    ";

/// Makes a single-line string safe to show on screen or in an error message, such as a file
/// name or a title taken from a file.
///
/// Removes the same characters as [`decode`](super::decode) (controls including NUL, DEL,
/// bidi controls, zero-width characters, U+FEFF), maps the same C1 stand-ins to punctuation and
/// applies the same NBSP rules, and turns every line break (LF, CRLF, CR, U+2028, U+2029) and
/// tab into a single space.
pub fn sanitize_line(s: &str) -> String {
    sanitize(s, Mode::Line).0
}

/// Makes one string of a parsed article safe to draw, after markup and character references
/// were resolved (`&#x1b;` in a page becomes ESC only then): the same removals and mappings
/// as [`decode`](super::decode). `multiline` keeps line feeds (paragraphs); otherwise every
/// line break becomes a space (titles, headings, metadata). A NUL is removed, not an end.
pub fn sanitize_field(s: &str, multiline: bool) -> String {
    let mode = if multiline { Mode::Field } else { Mode::Line };
    sanitize(s, mode).0
}

/// [`sanitize_field`] in place, without copying a string that needs nothing (almost every
/// one): what a large article costs in memory stays one copy of its text.
pub fn sanitize_field_in_place(s: &mut String, multiline: bool) {
    if any_needs_care(s, !multiline) {
        *s = sanitize_field(s, multiline);
    }
}

/// Whether any character of `s` [`needs_care`]. As in [`sanitize`], characters are decoded
/// only where their first byte may start one that does, and printable ASCII is skipped eight
/// bytes at a time.
fn any_needs_care(s: &str, line: bool) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        match b {
            b' '..=b'~' => i = past_printable_ascii(bytes, i + 1),
            b'\n' if !line => i += 1,
            0xC2 | 0xD8 | 0xE2 | 0xEF | 0..=0x7F => {
                let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
                    return false;
                };
                if needs_care(c, line) {
                    return true;
                }
                i += c.len_utf8();
            }
            _ => i += utf8_len(b),
        }
    }
    false
}

/// The length in bytes of the character that lead byte `b` (not ASCII) starts.
fn utf8_len(b: u8) -> usize {
    if b < 0xE0 {
        2
    } else if b < 0xF0 {
        3
    } else {
        4
    }
}

/// The first character of `s` that must never reach a terminal: a control character other
/// than a line feed, DEL, a C1 control, a bidi control or isolate, a zero-width character or
/// U+FEFF. `None` for text that is safe to draw; every string of a parsed article is.
pub fn first_unsafe(s: &str) -> Option<char> {
    s.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c,
                '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}')
    })
}

/// Whether [`sanitize`] changes or removes `c` (in `line` mode, line feeds too). Kept in step
/// with the match in [`sanitize`] by a test over every character it names.
fn needs_care(c: char, line: bool) -> bool {
    match c {
        ' '..='~' => false,
        '\n' => line,
        '\0'..='\u{1F}' | '\u{7F}'..='\u{A0}' => true,
        '\u{061C}'
        | '\u{2000}'..='\u{200F}'
        | '\u{2028}'..='\u{202F}'
        | '\u{205F}'..='\u{2060}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => true,
        _ => false,
    }
}

/// Whether line breaks are kept (article text) or flattened (single-line strings).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Decoded file text: line feeds kept, a NUL ends the text (it is binary).
    Text,
    /// One string of a parsed article: line feeds kept, a NUL removed.
    Field,
    /// A single-line string: every line break becomes a space.
    Line,
}

/// Counts gathered while sanitising, for the binary-file decision.
#[derive(Default)]
pub(super) struct Stats {
    /// Characters seen in the input.
    pub(super) chars: usize,
    /// U+FFFD and removed control characters (tab and line breaks not included).
    pub(super) suspicious: usize,
    /// A U+0000 was met (in text mode sanitising stops there).
    pub(super) nul: bool,
}

/// One pass over `s`: runs of characters that need nothing are copied as slices, the others
/// are replaced by a static string (possibly empty). Bytes are skipped without decoding a
/// character unless they start one that may need care: printable ASCII never does, and
/// among the longer characters only those that start with the bytes `C2` (U+0080–U+00BF),
/// `D8` (U+0600–U+063F), `E2` (U+2000–U+2FFF) or `EF` (U+F000–U+FFFF) can.
pub(super) fn sanitize(s: &str, mode: Mode) -> (String, Stats) {
    let mut out = String::with_capacity(s.len());
    let mut stats = Stats::default();
    let line = mode == Mode::Line;
    let newline = if line { " " } else { "\n" };
    let bytes = s.as_bytes();
    let mut run_start = 0usize;
    let mut i = 0usize;

    while let Some(&b) = bytes.get(i) {
        match b {
            b' '..=b'~' => {
                i = past_printable_ascii(bytes, i + 1);
                continue;
            }
            b'\n' if !line => {
                i += 1;
                continue;
            }
            0xC2 | 0xD8 | 0xE2 | 0xEF | 0..=0x7F => {}
            // Lead bytes of the characters that need nothing.
            _ => {
                i += utf8_len(b);
                continue;
            }
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let mut end = i + c.len_utf8();
        let replacement: &'static str = match c {
            '\n' | '\u{2028}' | '\u{2029}' => newline,
            '\r' => {
                if bytes.get(end) == Some(&b'\n') {
                    end += 1;
                }
                newline
            }
            '\t' => {
                if line {
                    " "
                } else {
                    TAB_EXPANSION
                }
            }
            '\0' => {
                stats.nul = true;
                if mode == Mode::Text {
                    stats.chars = s[..end].chars().count();
                    return (out, stats);
                }
                stats.suspicious += 1;
                ""
            }
            '\u{85}' => "…",
            '\u{91}' => "‘",
            '\u{92}' => "’",
            '\u{93}' => "“",
            '\u{94}' => "”",
            '\u{96}' => "–",
            '\u{97}' => "—",
            '\u{1}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => {
                stats.suspicious += 1;
                ""
            }
            '\u{FFFD}' => {
                stats.suspicious += 1;
                i = end;
                continue;
            }
            '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => "",
            '\u{A0}' | '\u{2007}' | '\u{202F}' => {
                // Flush first so the previous character is the last one written.
                out.push_str(&s[run_start..i]);
                run_start = i;
                let prev = out.chars().next_back();
                let next = s[end..].chars().next();
                if prev.is_some_and(is_word_char) && next.is_some_and(is_word_char) {
                    "\u{A0}"
                } else {
                    " "
                }
            }
            '\u{2000}'..='\u{200A}' | '\u{205F}' => " ",
            _ => {
                i = end;
                continue;
            }
        };
        out.push_str(&s[run_start..i]);
        out.push_str(replacement);
        run_start = end;
        i = end;
    }
    out.push_str(&s[run_start..]);
    stats.chars = s.chars().count();
    (out, stats)
}

/// `i` moved past the run of printable ASCII (markup, English) that starts there, eight
/// bytes at a time: it may stop up to seven bytes short, where the byte-wise pass goes on.
fn past_printable_ascii(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&eight) = bytes.get(i..).and_then(|r| r.first_chunk::<8>()) {
        if !printable_ascii(u64::from_le_bytes(eight)) {
            break;
        }
        i += 8;
    }
    i
}

/// Whether all eight bytes of `x` are printable ASCII (`b' '..=b'~'`).
fn printable_ascii(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // No high bit set; then no byte below 0x20 and none equal to 0x7F (a byte is below `n`
    // when subtracting `n` borrows into its high bit).
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    let del = x ^ (ONES * 0x7F);
    let has_del = del.wrapping_sub(ONES) & !del & HIGH;
    x & HIGH == 0 && below_space == 0 && has_del == 0
}

/// A letter or digit of a non-CJK script: a no-break space between two of these means
/// "keep together" (`10 km`, `Mr. Smith`), so it is kept.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// Characters of East Asian scripts, for the NBSP rule: a no-break space next to them is
/// layout, not meaning.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::tests::detect;

    #[test]
    fn any_needs_care_reads_every_character() {
        let cases: Vec<char> = ('\0'..='\u{3000}')
            .chain(['\u{FEFF}', '中', '😀'])
            .collect();
        for line in [false, true] {
            for &c in &cases {
                for text in [
                    format!("{c}"),
                    format!("中文abcdefghijklmnop{c}"),
                    format!("abcdefghijklmnopq{c}rs“中”"),
                ] {
                    let want = text.chars().any(|c| needs_care(c, line));
                    assert_eq!(any_needs_care(&text, line), want, "{text:?} {line}");
                }
            }
        }
        assert!(!any_needs_care("", false));
    }

    #[test]
    fn eight_printable_bytes_are_told_apart_from_any_other() {
        let printable = |b: &[u8; 8]| b.iter().all(|c| (b' '..=b'~').contains(c));
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for n in 0..200_000u32 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut b = seed.to_le_bytes();
            if n % 2 == 0 {
                // Mostly printable, with one byte anywhere of any value.
                for c in &mut b {
                    *c = b' ' + *c % 95;
                }
                b[(n as usize / 2) % 8] = (n >> 4) as u8;
            }
            assert_eq!(
                printable_ascii(u64::from_le_bytes(b)),
                printable(&b),
                "{b:?}"
            );
        }
        for c in 0..=255u8 {
            let mut b = *b"abcdefgh";
            b[3] = c;
            assert_eq!(printable_ascii(u64::from_le_bytes(b)), printable(&b), "{c}");
        }
    }

    #[test]
    fn the_pass_gives_what_the_reference_pass_gives() {
        // Every character below U+10000 and a few above: alone, between letters, between
        // ideographs before a line end, and before a NUL.
        let above = ['😀', '\u{20000}', '\u{10FFFF}'];
        for c in (0u32..0x1_0000).filter_map(char::from_u32).chain(above) {
            for s in [
                c.to_string(),
                format!("a{c}b"),
                format!("中{c}\r\n{c}\r"),
                format!("{c}\0{c}"),
            ] {
                for mode in [Mode::Text, Mode::Field, Mode::Line] {
                    let (text, stats) = sanitize(&s, mode);
                    let (want, expected) = reference::sanitize(&s, mode);
                    assert_eq!(text, want, "{s:?}");
                    assert_eq!(
                        (stats.chars, stats.suspicious, stats.nul),
                        (expected.chars, expected.suspicious, expected.nul),
                        "{s:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn needs_care_agrees_with_sanitize() {
        // Every character below U+3000 and the specials above it: a character that
        // `sanitize` would change is one `needs_care` flags (between two letters, so the
        // no-break space rule keeps it unchanged where it may).
        let specials = ['\u{FEFF}', '\u{FFFD}', '中', '　'];
        for c in (0u32..0x3000).filter_map(char::from_u32).chain(specials) {
            for line in [false, true] {
                let mode = if line { Mode::Line } else { Mode::Field };
                let alone = c.to_string();
                let changed = sanitize(&alone, mode).0 != alone;
                if changed {
                    assert!(needs_care(c, line), "U+{:04X} line={line}", c as u32);
                }
            }
        }
    }

    #[test]
    fn line_ends_are_normalised() {
        let d = detect(b"one\r\ntwo\rthree\nfour\r\r\nfive\r");
        assert_eq!(d.text, "one\ntwo\nthree\nfour\n\nfive\n");
        let d = detect("甲\u{2028}乙\u{2029}丙".as_bytes());
        assert_eq!(d.text, "甲\n乙\n丙");
    }

    #[test]
    fn tabs_become_four_spaces() {
        let d = detect(b"\tindented\tand gap");
        assert_eq!(d.text, "    indented    and gap");
    }

    #[test]
    fn c0_controls_and_del_are_removed() {
        let d = detect("a\u{1}b\u{7}c\u{1b}[31md\u{7f}e\u{c}f".as_bytes());
        assert_eq!(d.text, "abc[31mdef");
    }

    #[test]
    fn other_c1_controls_are_removed() {
        let d = detect("新\u{80}闻\u{81}报\u{9b}道\u{9f}".as_bytes());
        assert_eq!(d.text, "新闻报道");
    }

    #[test]
    fn bidi_controls_are_removed() {
        let d = detect("abc\u{202e}def\u{202a}\u{202b}\u{202c}\u{202d}g\u{2066}h\u{2067}i\u{2068}j\u{2069}k\u{61c}l\u{200e}m\u{200f}n".as_bytes());
        assert_eq!(d.text, "abcdefghijklmn");
    }

    #[test]
    fn zero_width_characters_and_feff_are_removed() {
        let d = detect("中\u{200b}文\u{200c}字\u{200d}符\u{2060}串\u{feff}尾".as_bytes());
        assert_eq!(d.text, "中文字符串尾");
    }

    #[test]
    fn c1_stand_ins_become_punctuation() {
        let d = detect("梁振英\u{93}撒谎\u{94}".as_bytes());
        assert_eq!(d.text, "梁振英“撒谎”");
        let d = detect("\u{91}a\u{92} b\u{85} 1\u{96}2 x\u{97}y".as_bytes());
        assert_eq!(d.text, "‘a’ b… 1–2 x—y");
    }

    #[test]
    fn nbsp_rules() {
        let cases = [
            ("10\u{a0}km", "10\u{a0}km"),
            ("Mr.\u{a0}Smith", "Mr. Smith"),
            ("Mr\u{a0}Smith", "Mr\u{a0}Smith"),
            ("中\u{a0}文", "中 文"),
            ("5\u{a0}公里", "5 公里"),
            ("\u{a0}\u{a0}开头", "  开头"),
            ("end\u{a0}", "end "),
            ("a \u{a0}b", "a  b"),
            ("10\u{202f}000", "10\u{a0}000"),
            ("1\u{2007}2", "1\u{a0}2"),
            ("a\u{2003}b\u{2009}c\u{205f}d", "a b c d"),
            ("\u{3000}\u{3000}段落缩进", "\u{3000}\u{3000}段落缩进"),
        ];
        for (input, expected) in cases {
            assert_eq!(detect(input.as_bytes()).text, expected, "{input:?}");
        }
    }

    #[test]
    fn sanitize_line_flattens_and_cleans() {
        assert_eq!(
            sanitize_line("file\tname\r\nnext\rline\nend"),
            "file name next line end"
        );
        assert_eq!(sanitize_line("evil\u{202e}txt.exe"), "eviltxt.exe");
        assert_eq!(sanitize_line("a\0b\u{1b}c\u{7f}d\u{9b}e"), "abcde");
        assert_eq!(sanitize_line("\u{feff}标题\u{200b}"), "标题");
        assert_eq!(sanitize_line("\u{93}引号\u{94}"), "“引号”");
        assert_eq!(sanitize_line("10\u{a0}km\u{a0}路"), "10\u{a0}km 路");
        assert_eq!(sanitize_line("\u{3000}缩进"), "\u{3000}缩进");
        assert_eq!(sanitize_line(""), "");
    }
}
