use super::*;
use crate::decode::decode;
use crate::decode::tests::{detect, utf16};
use crate::script::is_han as is_ideograph;
use encoding_rs::UTF_16BE;

fn enc(encoding: &'static Encoding, s: &str) -> Vec<u8> {
    let (bytes, _, had_unmappable) = encoding.encode(s);
    assert!(
        !had_unmappable,
        "test text not representable in {}",
        encoding.name()
    );
    bytes.into_owned()
}

const GB_PARAGRAPH: &str = "新华社北京六月八日电　记者今天从有关部门获悉，今年全国夏粮\
    收购工作进展顺利，小麦价格总体平稳。专家表示，市场供应充足，农民增收有保障。\n\
    “我们对今年的收成很有信心。”一位农民说。";

#[test]
fn gbk_paragraph_is_detected_as_gbk() {
    let d = detect(&enc(GB18030, GB_PARAGRAPH));
    assert_eq!(d.encoding, "GBK");
    assert_eq!(d.text, GB_PARAGRAPH);
}

#[test]
fn gb18030_four_byte_sequence_is_reported_as_gb18030() {
    let text = format!("{GB_PARAGRAPH}他姓𠮷，住在吉林。");
    let bytes = enc(GB18030, &text);
    let d = detect(&bytes);
    assert_eq!(d.encoding, "GB18030");
    assert_eq!(d.text, text);
}

#[test]
fn big5_traditional_text() {
    let text = "這是一篇新聞報導，記者今天在臺北採訪了當地居民。\n颱風過後，\
                市區交通逐漸恢復正常，學校也將於明天復課。";
    let d = detect(&enc(BIG5, text));
    assert_eq!(d.encoding, "Big5");
    assert_eq!(d.text, text);
}

#[test]
fn utf16le_with_bom() {
    let text = "中文新闻 English news\n第二行";
    let d = detect(&utf16(text, false));
    assert_eq!(d.encoding, "UTF-16LE");
    assert_eq!(d.text, text);
}

#[test]
fn utf16be_with_bom() {
    let text = "中文新闻 English news\n第二行";
    let d = detect(&utf16(text, true));
    assert_eq!(d.encoding, "UTF-16BE");
    assert_eq!(d.text, text);
}

#[test]
fn utf8_with_bom_drops_the_bom() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice("标题\n正文".as_bytes());
    let d = detect(&bytes);
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.text, "标题\n正文");
}

#[test]
fn utf8_with_one_bad_byte_stays_utf8() {
    let before = "香港特区政府今天发表声明，";
    let after = "表示将继续推动经济发展和改善民生。";
    let mut bytes = before.as_bytes().to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(after.as_bytes());
    let d = detect(&bytes);
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.text, format!("{before}\u{FFFD}{after}"));
    assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
}

#[test]
fn utf8_truncated_mid_character_stays_utf8() {
    let text = "记者从北京市气象局获悉，明天将有大雨";
    let bytes = text.as_bytes();
    let cut = &bytes[..bytes.len() - 1];
    let d = detect(cut);
    assert_eq!(d.encoding, "UTF-8");
    let kept: String = text.chars().take(text.chars().count() - 1).collect();
    assert_eq!(d.text, format!("{kept}\u{FFFD}"));

    // A very short cut text is not mistaken for binary either.
    let mut short = "中国".as_bytes().to_vec();
    short.extend_from_slice(&[0xE6, 0x96]);
    let d = detect(&short);
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.text, "中国\u{FFFD}");
}

#[test]
fn two_word_gbk_texts_are_gbk() {
    // Several of these get a non-Chinese guess from chardetng on their own (KOI8-U,
    // ISO-8859-5, EUC-KR).
    for text in [
        "中国新闻",
        "新闻 报道",
        "中国",
        "新闻",
        "报道",
        "你好",
        "经济",
    ] {
        let d = detect(&enc(GBK, text));
        assert_eq!(d.encoding, "GBK", "{text}");
        assert_eq!(d.text, text);
    }
}

#[test]
fn latin_windows_1252_is_not_turned_into_gbk() {
    for text in ["café au lait, crème brûlée", "Größe", "élève"] {
        let d = detect(&enc(encoding_rs::WINDOWS_1252, text));
        assert_eq!(d.encoding, "windows-1252", "{text}");
        assert_eq!(d.text, text);
    }
}

#[test]
fn forced_encoding_is_used_without_detection() {
    let gbk = enc(GBK, "中国新闻");
    let d = decode(&gbk, Some(GBK)).expect("decodes");
    assert_eq!((d.text.as_str(), d.encoding), ("中国新闻", "GBK"));

    let d = decode(&gbk, Some(GB18030)).expect("decodes");
    assert_eq!((d.text.as_str(), d.encoding), ("中国新闻", "GB18030"));

    // Each forced encoding is reported under its own name.
    let big5 = enc(BIG5, "臺灣新聞");
    let d = decode(&big5, Some(BIG5)).expect("decodes");
    assert_eq!((d.text.as_str(), d.encoding), ("臺灣新聞", "Big5"));

    let d = decode("é".as_bytes(), Some(encoding_rs::WINDOWS_1252)).expect("decodes");
    assert_eq!((d.text.as_str(), d.encoding), ("Ã©", "windows-1252"));

    // The forced encoding's own BOM is stripped; a foreign BOM is not treated as one.
    let d = decode(&utf16("双字节", true), Some(UTF_16BE)).expect("decodes");
    assert_eq!((d.text.as_str(), d.encoding), ("双字节", "UTF-16BE"));
    let mut bom_utf8 = vec![0xEF, 0xBB, 0xBF];
    bom_utf8.extend_from_slice("正文".as_bytes());
    let d = decode(&bom_utf8, Some(UTF_8)).expect("decodes");
    assert_eq!(d.text, "正文");
    let d = decode(&bom_utf8, Some(encoding_rs::WINDOWS_1252)).expect("decodes");
    assert!(d.text.starts_with("ï»¿"), "{:?}", d.text);
}

#[test]
fn test_stray_byte_in_short_utf8_text_stays_utf8() {
    // One 0xFF anywhere in a text of 2 to 40 Chinese characters once turned the whole
    // text into windows-1252 mojibake at about half the positions.
    let source = "香港特区政府今天发表声明表示将继续推动经济发展和改善民生记者从北京市气象局获悉";
    for n in [2usize, 3, 5, 8, 13, 21, 27, 40] {
        let text: String = source.chars().cycle().take(n).collect();
        for at in 0..=text.len() {
            let mut bytes = text.as_bytes().to_vec();
            bytes.insert(at, 0xFF);
            let d = detect(&bytes);
            assert_eq!(d.encoding, "UTF-8", "{n} characters, stray byte at {at}");
            let kept = d.text.chars().filter(|&c| is_ideograph(c)).count();
            assert!(kept + 1 >= n, "{n} characters, at {at}: {:?}", d.text);
        }
    }
}

#[test]
fn test_stray_byte_in_short_gbk_or_big5_text_prefers_the_chinese_reading() {
    // One 0xFF in 4 to 40 characters of GBK or Big5 made chardetng guess windows-1252:
    // the whole text became Latin mojibake.
    let gb = "香港特区政府今天发表声明表示将继续推动经济发展和改善民生记者从北京市气象局获悉";
    let big5 = "這是一篇新聞報導記者今天在臺北採訪了當地居民颱風過後市區交通逐漸恢復正常學校";
    for (encoding, source, name) in [(GBK, gb, "GBK"), (BIG5, big5, "Big5")] {
        for n in [4usize, 5, 8, 13, 21, 27, 40] {
            let text: String = source.chars().cycle().take(n).collect();
            let bytes = enc(encoding, &text);
            for at in 0..=bytes.len() {
                let mut with_stray = bytes.clone();
                with_stray.insert(at, 0xFF);
                let d = detect(&with_stray);
                assert_eq!(d.encoding, name, "{n} characters, stray byte at {at}");
                let kept = d.text.chars().filter(|&c| is_ideograph(c)).count();
                assert!(kept + 1 >= n, "{n} characters, at {at}: {:?}", d.text);
            }
        }
    }
    // Latin text with a stray byte stays Latin.
    for text in ["café au lait", "Größe und Gewicht", "naïve résumé"] {
        let mut bytes = enc(encoding_rs::WINDOWS_1252, text);
        bytes.push(0xFF);
        assert_eq!(detect(&bytes).encoding, "windows-1252", "{text}");
    }
}

#[test]
fn test_gbk_text_cut_short_stays_gbk() {
    let text = GB_PARAGRAPH.repeat(3);
    let bytes = enc(GBK, &text);
    for cut in 1..=3 {
        let d = detect(&bytes[..bytes.len() - cut]);
        assert!(d.encoding == "GBK", "cut {cut}: {}", d.encoding);
        assert!(d.text.starts_with("新华社北京六月八日电"), "cut {cut}");
    }
    // A short one too: every length of a two-sentence text.
    let short = enc(
        GBK,
        "记者今天从有关部门获悉，今年全国夏粮收购工作进展顺利。",
    );
    for len in 6..short.len() {
        let d = detect(&short[..len]);
        assert_eq!(d.encoding, "GBK", "{len} bytes: {:?}", d.text);
    }
}

#[test]
fn declared_charset_is_used_when_the_bytes_fit() {
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \
                charset=gb2312\"><title>艺术史研究</title></head><body><p>正文</p></body></html>";
    let d = detect(&enc(GBK, page));
    assert_eq!((d.encoding, d.text.as_str()), ("GBK", page));
    // A single-byte declaration on a GBK page is not believed.
    let lying = page.replace("gb2312", "iso-8859-1");
    let d = detect(&enc(GBK, &lying));
    assert_eq!(d.encoding, "GBK");
    // A UTF-8 page declaring GBK is still UTF-8.
    let d = detect(page.as_bytes());
    assert_eq!(d.encoding, "UTF-8");
}

#[test]
fn test_forced_encoding_that_does_not_fit_says_so() {
    let bytes = enc(GBK, &GB_PARAGRAPH.repeat(2));
    assert_eq!(
        decode(&bytes, Some(UTF_8)),
        Err(DecodeError::NotInEncoding("UTF-8"))
    );
}

#[test]
fn shared_corpus_gbk_files_decode_cleanly() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    if !dir.is_dir() {
        {
            use std::io::Write as _;
            // Straight to stderr: test output capture would hide a println.
            let _ = writeln!(
                std::io::stderr(),
                "corpus absent at {}: GBK detection of zh_gbk_sogou_*.txt NOT checked",
                dir.display()
            );
        }
        return;
    }
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus directory readable")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("zh_gbk_sogou_") && n.ends_with(".txt"))
        })
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        3,
        "expected three GBK corpus files in {}",
        dir.display()
    );
    for path in files {
        let bytes = std::fs::read(&path).expect("corpus file readable");
        let d = decode(&bytes, None).expect("corpus file decodes");
        assert!(
            d.encoding == "GBK" || d.encoding == "GB18030",
            "{}: {}",
            path.display(),
            d.encoding
        );
        assert!(!d.text.contains('\u{FFFD}'), "{}", path.display());
        assert!(d.text.chars().filter(|&c| is_ideograph(c)).count() > 100);
    }
}
