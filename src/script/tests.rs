use super::*;

#[test]
fn alphanumeric_agrees_with_the_standard_library() {
    for c in ('\0'..='\u{FFFF}').chain('\u{20000}'..='\u{20FFF}') {
        assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
    }
}

#[test]
fn clause_punctuation_is_the_list() {
    for c in '\0'..='\u{FFFF}' {
        assert_eq!(is_clause_punct(c), CLAUSE_PUNCT.contains(&c), "{c:?}");
    }
}

#[test]
fn the_table_holds_the_two_character_lists() {
    for c in ('\u{3000}'..='\u{FFFF}').chain('\u{20000}'..='\u{20FFF}') {
        let want = traditional_only(c) as u8 | (simplified_only(c) as u8) << 1;
        assert_eq!(forms(c), want, "{c}");
    }
}

#[test]
fn scripts() {
    for c in ['党', '黨', '㐀', '𠀀', '丽'] {
        assert!(is_han(c), "{c}");
    }
    for c in ['あ', 'カ', '한'] {
        assert!(is_cjk(c) && !is_han(c), "{c}");
    }
    for c in ['a', '1', '，', '。', '　', 'Ａ'] {
        assert!(!is_cjk(c), "{c}");
    }
}

#[test]
fn the_two_character_tables_pair_up() {
    let traditional = "來個們傳價億則劃動務區員問啟國報場學實寫將專對導師廣後從愛態應戰據時書會東條業標樣機檢權歲歷氣沒準灣為無熱爭現環產當療發確種絡統經網線縣總續聯聽臺與舉華萬藝處號術見視親覺觀計訊記設話認語說請證識議讀變讓買費資賣車軍較辦農這進過選還邊鄉醫錄錢鎮長門開間關雖離難雲電響頁頭題顯風飛馬體魚鳥點黨龍";
    for c in traditional.chars() {
        assert!(traditional_only(c) && !simplified_only(c), "{c}");
        // Its simplified form is in the other table.
        let s = fast2s::convert(&c.to_string());
        assert!(s.chars().all(simplified_only), "{c} → {s}");
    }
    assert!(!traditional_only('的') && !simplified_only('的'));
}

#[test]
fn simplified_traditional_or_other() {
    for (text, want) in [
        (
            "桃園市平鎮區一家輪胎行今天清晨發生大火，7人從火場中疏散。",
            Script::Traditional,
        ),
        (
            "這是嚴搏非留給他親手創辦的季風書園的話。",
            Script::Traditional,
        ),
        (
            "桃园市平镇区一家轮胎行今天清晨发生大火，7人从火场中疏散。",
            Script::Simplified,
        ),
        (
            "高圆圆和赵又廷在京举行答谢宴，诸多明星现身捧场。",
            Script::Simplified,
        ),
        (
            "The ferry across the bay restarted its morning service.",
            Script::Other,
        ),
        (
            "An English story that quotes one word, 党建, in passing.",
            Script::Other,
        ),
        ("", Script::Other),
    ] {
        assert_eq!(script_of(text), want, "{text}");
    }
}

#[test]
fn sentence_ends_and_names() {
    assert!(ends_sentence("他说：“好。”"));
    assert!(ends_sentence("Done. "));
    assert!(!ends_sentence("龙湖方面也承认，虽然负责该项目的"));
    for name in ["张曦", "欧阳修文", "莱斯特·布朗"] {
        assert!(is_person_name(name), "{name}");
    }
    for not in ["张", "新华社记者", "Tom", "记者 张曦"] {
        assert!(!is_person_name(not), "{not}");
    }
    for name in ["张曦", "欧阳修文", "莱斯特·布朗", "邱俊欽"] {
        assert!(looks_like_name(name), "{name}");
    }
    for word in ["结语", "总结", "点评", "前言"] {
        assert!(!looks_like_name(word), "{word}");
    }
}
