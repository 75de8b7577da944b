//! Boilerplate that runs over several lines: a "related links" label with the headlines listed
//! under it, and a promotion separator with everything after it. The label or separator is
//! recognised here; the assembler drops the lines it governs.

use crate::article::lexicon::{self, Notice, RELATED};
use crate::script::at_most;

/// Whether a line is a "related links" label (`相关阅读`, `【相关链接】`, `往期回顾：`,
/// `Related Coverage`): a few words that open with a related-links word of the lexicon.
pub(in crate::article) fn related_label(line: &str) -> bool {
    let t = line.trim().trim_matches([
        '【', '】', '[', ']', '■', '◆', '▶', '>', '#', ' ', '：', ':', '|',
    ]);
    let short = if t.is_ascii() {
        t.split_whitespace().count() <= 4
    } else {
        at_most(t, 8)
    };
    short
        && !t.contains(['，', '。', ',', '.'])
        && RELATED
            .iter()
            .any(|w| lexicon::starts_nocase(t, w).is_some())
}

/// Separators after which a page shows advertising: `----------以下为推广----------`: a
/// promotion word set apart by rules.
pub(in crate::article) fn promo_separator(line: &str) -> bool {
    let trimmed = line.trim();
    let t = trimmed.trim_matches(['-', '—', '=', '*', ' ', '　']);
    let ruled = t.len() < trimmed.len();
    at_most(t, 12)
        && (ruled || at_most(t, 6))
        && lexicon::notices(t) & (1 << Notice::Promotion as u32) != 0
}

/// The lines under a "related links" label: headlines, each short and not a paragraph.
pub(in crate::article) struct RelatedBlock;

impl RelatedBlock {
    /// Whether a line under the label is still one of its headlines.
    pub(in crate::article) fn continues(line: &str) -> bool {
        let t = line.trim();
        let n = t.chars().count();
        let inner_stop = t
            .trim_end_matches(['。', '？', '?', '！', '!', '）', ')'])
            .contains(['。', '；']);
        n > 0 && n <= 60 && !inner_stop
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_labels_and_their_headlines() {
        for label in [
            "相关阅读",
            "【相关链接】",
            "往期回顾：",
            "往年回顾",
            "Related Coverage",
        ] {
            assert!(related_label(label), "{label}");
        }
        for not in ["相关部门表示，调查仍在进行。", "阅读", "新闻摘要"] {
            assert!(!related_label(not), "{not}");
        }
        for headline in [
            "训练材料用完之日（2023 #253）",
            "机器翻译是对译者的侮辱吗？（2021 #153）",
        ] {
            assert!(RelatedBlock::continues(headline), "{headline}");
        }
        assert!(!RelatedBlock::continues(
            "我曾经遇到过一个超过11,000行的源码文件。它是 VBScript 代码的电子表格应用程序，公司所有员工都要用。"
        ));
    }

    #[test]
    fn promotion_separators() {
        assert!(promo_separator("----------以下为推广----------"));
        assert!(promo_separator("以下为广告"));
        assert!(!promo_separator("以下为推广活动的具体安排，请大家留意。"));
    }
}
