//! Credit roles, dateline endings and the endings of news organisations' names: what the
//! credit lines, bylines and agency datelines of every paper and site are made of.

/// What a credit's role word says about its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::article) enum Role {
    /// The writer, named by a label (`作者：`, `文/`, `撰文：`): the value is the byline.
    Author,
    /// A reporter credit (`记者`, `通讯员`, `实习生`): the whole credit, role words and all, is
    /// the byline as printed (`新京报记者 庞礡 实习生 郑洁`).
    Reporter,
    /// The editor (`编辑`, `责编`, `责任编辑`).
    Editor,
    /// The publisher or the source the article was taken from (`来源`, `本文来源`, `出品`).
    Source,
    /// A WeChat original-content line (`原创：作者 公众号`): an author, then the account.
    Account,
    /// A credit that is neither (`校对`, `摄影`, `策划`): read so the line is recognised, then
    /// left out of the metadata.
    Other,
}

/// Chinese role words, each with what its value is. Longer words come before the words they
/// contain.
pub(in crate::article) const ROLES: &[(&str, Role)] = &[
    ("责任编辑", Role::Editor),
    ("值班编辑", Role::Editor),
    ("本文来源", Role::Source),
    ("文章来源", Role::Source),
    ("新闻来源", Role::Source),
    ("来源于", Role::Source),
    ("本报记者", Role::Reporter),
    ("本报通讯员", Role::Reporter),
    ("特约记者", Role::Reporter),
    ("撰稿人", Role::Reporter),
    ("见习记者", Role::Reporter),
    ("参与报道", Role::Other),
    ("出品人", Role::Other),
    ("制片人", Role::Other),
    ("责编", Role::Editor),
    ("编辑", Role::Editor),
    ("来源", Role::Source),
    ("稿源", Role::Source),
    ("出品", Role::Source),
    ("作者", Role::Author),
    ("撰文", Role::Author),
    ("撰稿", Role::Author),
    ("文字", Role::Author),
    ("记者", Role::Reporter),
    ("通讯员", Role::Reporter),
    ("实习生", Role::Reporter),
    ("原创", Role::Account),
    ("校对", Role::Other),
    ("摄影", Role::Other),
    ("摄像", Role::Other),
    ("图片", Role::Other),
    ("视频", Role::Other),
    ("策划", Role::Other),
    ("统筹", Role::Other),
    ("监制", Role::Other),
    ("审核", Role::Other),
    ("审校", Role::Other),
    ("设计", Role::Other),
    ("制图", Role::Other),
    ("美编", Role::Other),
    ("海报", Role::Other),
    ("翻译", Role::Other),
    ("编译", Role::Other),
    ("主编", Role::Other),
    ("文", Role::Author),
    ("摄", Role::Other),
    ("图", Role::Other),
];

/// English credit words, each with what follows it: a label before a colon (`Editor:`) or
/// words that run into the names (`Reporting by`). Longer phrases first.
pub(in crate::article) const ENGLISH_ROLES: &[(&str, Role)] = &[
    ("Additional reporting by", Role::Reporter),
    ("Reporting by", Role::Reporter),
    ("Writing by", Role::Author),
    ("Written by", Role::Author),
    ("Editing by", Role::Editor),
    ("Edited by", Role::Editor),
    ("Compiled by", Role::Author),
    ("By", Role::Author),
    ("Author", Role::Author),
    ("Editor", Role::Editor),
    ("Source", Role::Source),
    ("Photo", Role::Other),
];

/// Words that end a Chinese dateline: `电` (wire), `专电` (special wire), `讯` (news), `消息`.
pub(in crate::article) const DATELINE_ENDS: &[&str] = &["专电", "电", "讯", "消息"];

/// Endings of the names of news organisations: agencies (`新华社`), sites (`中新网`), papers
/// (`信报`), broadcasters (`电视台`), their apps and magazines.
pub(in crate::article) const ORGANISATION_ENDS: &[&str] = &[
    "社",
    "网",
    "报",
    "台",
    "新闻",
    "日报",
    "客户端",
    "周刊",
    "杂志",
];
