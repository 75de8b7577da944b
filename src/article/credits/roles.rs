//! The role words of credit lines and what each says about its value: the one table that
//! [`super::parse`] reads every credit shape with. A new site's role word is a new row.

/// What a credit says about its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// The writer, named by a label (`作者：`, `文/`, `撰文：`): the value is the byline.
    Author,
    /// A reporter credit (`记者`, `通讯员`, `实习生`): the whole credit, role words and all, is
    /// the byline as printed (`新京报记者 庞礡 实习生 郑洁`).
    Reporter,
    /// The editor (`编辑`, `责编`, `责任编辑`).
    Editor,
    /// The publisher or the source the article was taken from (`来源`, `本文来源`, `出品`).
    Source,
    /// A WeChat account line (`原创：作者 公众号`): an author, then the account.
    Account,
    /// A credit that is neither (`校对`, `摄影`, `策划`): read so the line is recognised, then
    /// left out of the metadata.
    Other,
}

/// Role words, each with what its value is. Longer words come before the words they contain.
pub(super) const ROLES: &[(&str, Kind)] = &[
    ("责任编辑", Kind::Editor),
    ("責任編輯", Kind::Editor),
    ("值班编辑", Kind::Editor),
    ("本文来源", Kind::Source),
    ("文章来源", Kind::Source),
    ("新闻来源", Kind::Source),
    ("来源于", Kind::Source),
    ("本报记者", Kind::Reporter),
    ("本報記者", Kind::Reporter),
    ("本报通讯员", Kind::Reporter),
    ("本報通訊員", Kind::Reporter),
    ("特约记者", Kind::Reporter),
    ("特約記者", Kind::Reporter),
    ("特约撰稿人", Kind::Reporter),
    ("特約撰稿人", Kind::Reporter),
    ("见习记者", Kind::Reporter),
    ("参与报道", Kind::Other),
    ("參與報導", Kind::Other),
    ("出品人", Kind::Other),
    ("制片人", Kind::Other),
    ("责编", Kind::Editor),
    ("責編", Kind::Editor),
    ("编辑", Kind::Editor),
    ("編輯", Kind::Editor),
    ("来源", Kind::Source),
    ("來源", Kind::Source),
    ("稿源", Kind::Source),
    ("出品", Kind::Source),
    ("作者", Kind::Author),
    ("撰文", Kind::Author),
    ("撰稿", Kind::Author),
    ("文字", Kind::Author),
    ("记者", Kind::Reporter),
    ("記者", Kind::Reporter),
    ("通讯员", Kind::Reporter),
    ("通訊員", Kind::Reporter),
    ("实习生", Kind::Reporter),
    ("實習生", Kind::Reporter),
    ("原创", Kind::Account),
    ("校对", Kind::Other),
    ("校對", Kind::Other),
    ("摄影", Kind::Other),
    ("攝影", Kind::Other),
    ("摄像", Kind::Other),
    ("图片", Kind::Other),
    ("圖片", Kind::Other),
    ("视频", Kind::Other),
    ("策划", Kind::Other),
    ("策劃", Kind::Other),
    ("统筹", Kind::Other),
    ("統籌", Kind::Other),
    ("监制", Kind::Other),
    ("監製", Kind::Other),
    ("审核", Kind::Other),
    ("審核", Kind::Other),
    ("审校", Kind::Other),
    ("设计", Kind::Other),
    ("設計", Kind::Other),
    ("制图", Kind::Other),
    ("美编", Kind::Other),
    ("海报", Kind::Other),
    ("翻译", Kind::Other),
    ("编译", Kind::Other),
    ("主编", Kind::Other),
    ("文", Kind::Author),
    ("攝", Kind::Other),
    ("图", Kind::Other),
];

/// Roles that may run straight into the name without a separator (`记者唐霁`).
pub(super) fn runs_into_name(kind: Kind) -> bool {
    kind == Kind::Reporter
}

/// Whether a role word of [`ROLES`] starts with `c` (a test keeps the two in step).
fn starts_a_role(c: char) -> bool {
    matches!(
        c,
        '主' | '作'
            | '來'
            | '值'
            | '出'
            | '制'
            | '原'
            | '参'
            | '參'
            | '图'
            | '圖'
            | '实'
            | '审'
            | '實'
            | '審'
            | '摄'
            | '撰'
            | '攝'
            | '文'
            | '新'
            | '本'
            | '来'
            | '校'
            | '海'
            | '特'
            | '监'
            | '監'
            | '稿'
            | '策'
            | '統'
            | '編'
            | '统'
            | '编'
            | '美'
            | '翻'
            | '见'
            | '视'
            | '記'
            | '設'
            | '记'
            | '设'
            | '責'
            | '责'
            | '通'
    )
}

/// The role word at the start of `s` and its kind.
pub(super) fn role_at(s: &str) -> Option<(&'static str, Kind)> {
    // Most text starts with no role word's first character: rule it out before the table.
    if !starts_a_role(s.chars().next()?) {
        return None;
    }
    ROLES
        .iter()
        .find(|(w, _)| s.starts_with(w))
        .map(|&(w, k)| (w, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_word_starts_with_a_listed_character() {
        for (w, _) in ROLES {
            assert!(w.chars().next().is_some_and(starts_a_role), "{w}");
        }
    }
}
