//! Which writing system a character belongs to, and what Chinese text looks like. Decoding,
//! parsing, layout and the HTML front end all ask "is this Chinese?", "does this end a
//! sentence?", "is this a Chinese numeral?"; they ask here, so they agree on the answer.

/// A Han ideograph: the CJK Unified Ideographs, Extension A, the compatibility ideographs, and
/// the supplementary ideographic planes.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// A Han ideograph, or Japanese kana, or a Hangul syllable: the letters of CJK text.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3040}'..='\u{30FF}' | '\u{AC00}'..='\u{D7AF}')
}

/// [`char::is_alphanumeric`], answered at once for ASCII and the common ideographs (the CJK
/// Unified Ideographs and Extension A, all letters), which make up most of Chinese text; the
/// standard library looks those up in a table.
pub fn alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}') || c.is_alphanumeric()
    }
}

/// A Chinese numeral as section numbers and counts use them (`一`…`十`, `百`, `零`, `两`).
pub fn is_cn_numeral(c: char) -> bool {
    "一二三四五六七八九十百零〇两".contains(c)
}

/// A character that follows a number in Chinese prose as its unit or measure word (`3家`,
/// `30日`, `5个`, `2万`): a number run into one is a quantity, not a section number.
pub fn is_measure_word(c: char) -> bool {
    "年月日号號个個位家名条條项項点點时時分秒岁歲元万萬亿億千百次天周週种種只隻件人张張台臺辆輛块塊米里公斤倍成层層届屆期集场場份首部本所座篇章节節款股度句套"
        .contains(c)
}

/// Punctuation that ends a sentence, Chinese and Latin, with the closing quotes and brackets
/// that may follow it: a line ending in one of these is a finished sentence.
pub const SENTENCE_END: &[char] = &[
    '。', '！', '？', '”', '’', '」', '』', '…', '.', '!', '?', '"', '）', ')', '】',
];

/// Punctuation that cannot start a line of text: a line starting with one is the tail of the
/// sentence before it.
pub const CLOSING: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '）', '》', '」', '』', '】', ',', ';', ')', ']', '”',
];

/// Punctuation after which a sentence cannot have ended: the next line continues it.
pub const CONTINUING: &[char] = &['，', '、', '（', '《', '「', '『', '“', ',', '(', '['];

/// Punctuation inside a sentence or at its end (not quotes or brackets): text holding one is
/// prose, not a name or a headline fragment.
pub const CLAUSE_PUNCT: &[char] = &['。', '；', '！', '？', '，', ';', '!', '?'];

/// Whether `c` is one of [`CLAUSE_PUNCT`], told without searching the list.
pub fn is_clause_punct(c: char) -> bool {
    matches!(c, '。' | '；' | '！' | '？' | '，' | ';' | '!' | '?')
}

/// Whether `s` has at most `n` characters, without counting the characters of a long text (a
/// character is at most four bytes).
pub fn at_most(s: &str, n: usize) -> bool {
    s.len() <= n || s.len() <= 4 * n && s.chars().count() <= n
}

/// Whether `s` ends a sentence (so the next line starts a new paragraph).
pub fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(SENTENCE_END)
}

/// The shape of a Chinese personal name: two to four Han characters, or two names joined by
/// `·` (transliterated foreign names such as `莱斯特·布朗`).
pub fn is_person_name(s: &str) -> bool {
    // More than twelve characters, whatever their width.
    if s.len() > 12 * 4 {
        return false;
    }
    let n = s.chars().count();
    (2..=4).contains(&n) && s.chars().all(is_han)
        || (3..=12).contains(&n)
            && s.contains('·')
            && s.split('·').all(|p| !p.is_empty() && p.chars().all(is_han))
}

/// Common Chinese family names, simplified and traditional: the first character of most
/// personal names in news text.
const SURNAMES: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范範金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺";

/// Whether a short text is a person's name rather than a word: two or three Han characters
/// starting with a common family name (`张曦`, `欧阳修文`), or a transliterated name
/// (`莱斯特·布朗`).
pub fn looks_like_name(s: &str) -> bool {
    if !is_person_name(s) {
        return false;
    }
    let n = s.chars().count();
    let compound = || {
        [
            "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "慕容", "令狐",
            "皇甫", "公孙", "公孫",
        ]
        .iter()
        .any(|c| s.starts_with(c))
    };
    s.contains('·')
        || (2..=3).contains(&n) && s.chars().next().is_some_and(|c| SURNAMES.contains(c))
        || n == 4 && compound()
}

/// The writing an article is set in, which decides the words the reader adds to it (an image
/// placeholder in the article's own script).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Mostly not Chinese.
    Other,
    /// Chinese in simplified characters.
    Simplified,
    /// Chinese in traditional characters.
    Traditional,
}

/// Frequent characters that only traditional Chinese writes (`這`, `們`, `說`, `國`…).
const fn traditional_only(c: char) -> bool {
    matches!(
        c,
        '來' | '個'
            | '們'
            | '傳'
            | '價'
            | '億'
            | '則'
            | '劃'
            | '動'
            | '務'
            | '區'
            | '員'
            | '問'
            | '啟'
            | '國'
            | '報'
            | '場'
            | '學'
            | '實'
            | '寫'
            | '將'
            | '專'
            | '對'
            | '導'
            | '師'
            | '廣'
            | '後'
            | '從'
            | '愛'
            | '態'
            | '應'
            | '戰'
            | '據'
            | '時'
            | '書'
            | '會'
            | '東'
            | '條'
            | '業'
            | '標'
            | '樣'
            | '機'
            | '檢'
            | '權'
            | '歲'
            | '歷'
            | '氣'
            | '沒'
            | '準'
            | '灣'
            | '為'
            | '無'
            | '熱'
            | '爭'
            | '現'
            | '環'
            | '產'
            | '當'
            | '療'
            | '發'
            | '確'
            | '種'
            | '絡'
            | '統'
            | '經'
            | '網'
            | '線'
            | '縣'
            | '總'
            | '續'
            | '聯'
            | '聽'
            | '臺'
            | '與'
            | '舉'
            | '華'
            | '萬'
            | '藝'
            | '處'
            | '號'
            | '術'
            | '見'
            | '視'
            | '親'
            | '覺'
            | '觀'
            | '計'
            | '訊'
            | '記'
            | '設'
            | '話'
            | '認'
            | '語'
            | '說'
            | '請'
            | '證'
            | '識'
            | '議'
            | '讀'
            | '變'
            | '讓'
            | '買'
            | '費'
            | '資'
            | '賣'
            | '車'
            | '軍'
            | '較'
            | '辦'
            | '農'
            | '這'
            | '進'
            | '過'
            | '選'
            | '還'
            | '邊'
            | '鄉'
            | '醫'
            | '錄'
            | '錢'
            | '鎮'
            | '長'
            | '門'
            | '開'
            | '間'
            | '關'
            | '雖'
            | '離'
            | '難'
            | '雲'
            | '電'
            | '響'
            | '頁'
            | '頭'
            | '題'
            | '顯'
            | '風'
            | '飛'
            | '馬'
            | '體'
            | '魚'
            | '鳥'
            | '點'
            | '黨'
            | '龍'
    )
}

/// The simplified forms of the characters of [`traditional_only`]: characters only simplified
/// Chinese writes.
const fn simplified_only(c: char) -> bool {
    matches!(
        c,
        '万' | '与'
            | '专'
            | '业'
            | '东'
            | '个'
            | '为'
            | '举'
            | '乡'
            | '书'
            | '买'
            | '争'
            | '云'
            | '产'
            | '亲'
            | '亿'
            | '从'
            | '们'
            | '价'
            | '会'
            | '传'
            | '体'
            | '党'
            | '关'
            | '写'
            | '军'
            | '农'
            | '准'
            | '划'
            | '则'
            | '办'
            | '务'
            | '动'
            | '区'
            | '医'
            | '华'
            | '卖'
            | '历'
            | '县'
            | '发'
            | '变'
            | '台'
            | '号'
            | '后'
            | '听'
            | '启'
            | '员'
            | '响'
            | '国'
            | '场'
            | '处'
            | '头'
            | '学'
            | '实'
            | '对'
            | '导'
            | '将'
            | '岁'
            | '师'
            | '广'
            | '应'
            | '开'
            | '当'
            | '录'
            | '态'
            | '总'
            | '战'
            | '报'
            | '据'
            | '无'
            | '时'
            | '显'
            | '术'
            | '机'
            | '权'
            | '条'
            | '来'
            | '标'
            | '样'
            | '检'
            | '气'
            | '没'
            | '湾'
            | '点'
            | '热'
            | '爱'
            | '环'
            | '现'
            | '电'
            | '疗'
            | '确'
            | '离'
            | '种'
            | '线'
            | '经'
            | '络'
            | '统'
            | '续'
            | '网'
            | '联'
            | '艺'
            | '虽'
            | '见'
            | '观'
            | '视'
            | '觉'
            | '计'
            | '认'
            | '让'
            | '议'
            | '讯'
            | '记'
            | '设'
            | '证'
            | '识'
            | '话'
            | '语'
            | '说'
            | '请'
            | '读'
            | '费'
            | '资'
            | '车'
            | '较'
            | '边'
            | '过'
            | '还'
            | '这'
            | '进'
            | '选'
            | '钱'
            | '镇'
            | '长'
            | '门'
            | '问'
            | '间'
            | '难'
            | '页'
            | '题'
            | '风'
            | '飞'
            | '马'
            | '鱼'
            | '鸟'
            | '龙'
    )
}

/// How many characters of a text are read to tell its script.
const SAMPLE: usize = 1500;

/// The first character of the block [`FORMS`] covers: the CJK Unified Ideographs.
const FORMS_FROM: u32 = 0x4E00;

/// How many characters [`FORMS`] covers, through `U+9FFF`.
const FORMS_LEN: usize = 0xA000 - FORMS_FROM as usize;

/// For each character of the CJK Unified Ideographs, whether [`traditional_only`] (bit 0) or
/// [`simplified_only`] (bit 1) holds it, worked out when the program is compiled: telling the
/// script reads every character of the sample, and a table is read at once where the two
/// lists would be searched.
static FORMS: [u8; FORMS_LEN] = {
    let mut forms = [0u8; FORMS_LEN];
    let mut i = 0;
    while i < FORMS_LEN {
        if let Some(c) = char::from_u32(FORMS_FROM + i as u32) {
            forms[i] = traditional_only(c) as u8 | (simplified_only(c) as u8) << 1;
        }
        i += 1;
    }
    forms
};

/// [`traditional_only`] (bit 0) and [`simplified_only`] (bit 1) of a Han character.
fn forms(c: char) -> u8 {
    match (c as u32).checked_sub(FORMS_FROM) {
        Some(i) if (i as usize) < FORMS_LEN => FORMS[i as usize],
        _ => traditional_only(c) as u8 | (simplified_only(c) as u8) << 1,
    }
}

/// The script of a text: Chinese when ideographs make up a quarter of its visible characters
/// or more; traditional when its frequent characters are in their traditional forms more often
/// than in their simplified ones.
pub fn script_of(text: &str) -> Script {
    let (mut visible, mut han, mut traditional, mut simplified) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars() {
        if let Some(i) = (c as u32).checked_sub(FORMS_FROM)
            && (i as usize) < FORMS_LEN
        {
            // A common ideograph: visible and Han (the usual case, told first).
            if visible == SAMPLE {
                break;
            }
            visible += 1;
            han += 1;
            match FORMS[i as usize] {
                1 | 3 => traditional += 1,
                2 => simplified += 1,
                _ => {}
            }
            continue;
        }
        if c.is_ascii() {
            // Never Han; visible unless a space.
            if !c.is_whitespace() {
                if visible == SAMPLE {
                    break;
                }
                visible += 1;
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if visible == SAMPLE {
            break;
        }
        visible += 1;
        if is_han(c) {
            han += 1;
            match forms(c) {
                1 | 3 => traditional += 1,
                2 => simplified += 1,
                _ => {}
            }
        }
    }
    if han == 0 || han * 4 < visible {
        Script::Other
    } else if traditional >= 3 && traditional > simplified {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

#[cfg(test)]
mod tests;
