//! The vocabulary of web pages' `class` and `id` names: words that mark page furniture
//! (comments, related links, share bars, ads), words that mark the story's own container, and
//! words that mark a photo caption. These are the conventions of page templates in general
//! (most come from Readability's lists), not any one site's names.

/// Words whose presence in a `class`/`id` marks page furniture outright.
pub(in crate::article) const FURNITURE_CLASSES: &[&str] = &[
    "comment",
    "related",
    "recommend",
    "breadcrumb",
    "copyright",
    "disqus",
    "outbrain",
    "taboola",
    "share-",
    "social",
    "sponsor",
    "advert",
    "newsletter",
    "subscribe",
    "popup",
    "modal",
    "sidebar",
    "byline",
    "pagination",
    "pager",
    "shoutbox",
    "skyscraper",
];

/// Words that mark furniture unless a [`CONTENT_CLASSES`] word is there too.
pub(in crate::article) const MAYBE_FURNITURE: &[&str] = &[
    "footer",
    "header",
    "menu",
    "navbar",
    "banner",
    "masthead",
    "toolbar",
    "widget",
    "combx",
    "community",
    "remark",
    "replies",
    "supplemental",
    "agegate",
    "login",
    "promo",
    "ranking",
];

/// Words that mark the story's own container.
pub(in crate::article) const CONTENT_CLASSES: &[&str] = &[
    "article", "content", "main", "body", "column", "text", "story", "entry", "post", "detail",
];

/// Words that mark a photo caption's element: `caption`, `pic_txt`, `img-desc`.
pub(in crate::article) const CAPTION_CLASSES: &[&str] = &[
    "caption",
    "pic_txt",
    "pictxt",
    "pic-txt",
    "img_desc",
    "imgdesc",
    "img-desc",
    "pic_desc",
    "pic-desc",
    "phototext",
    "photo-text",
];
