//! The Feeds overlay and the overlays' borders, as a person met them against real feeds: a
//! failure readable whole, borders kept whole (a Chinese character at the left edge, a
//! short screen), and the Feeds overlay as the home view (`start = "feeds"`).

use std::path::Path;

#[path = "support/feed_app.rs"]
mod feed_app;

use feed_app::*;
use newsreader::app::{App, Msg, Overlay, Start};
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;

#[test]
fn a_feeds_failure_is_written_out_whole() {
    let mut r = reader(100, 30, "人民网");
    r.update(Action::Feeds);
    r.update(Action::Bottom);
    let text = screen(&r, 100, 30);
    let joined: String = text.lines().map(|l| l.trim_matches(['│', ' '])).collect();
    assert!(joined.contains("END-OF-REASON"), "{text}");
    assert!(joined.contains("HTTP 503 Service Unavailable"), "{text}");
    // On a feed that did not fail, nothing more is said.
    r.update(Action::Top);
    assert!(!screen(&r, 100, 30).contains("END-OF-REASON"));
}

#[test]
fn a_chinese_character_at_the_links_overlays_left_edge_leaves_its_border() {
    let mut r = Reader::with(App::new(LayoutOptions::default()), 100, 30);
    // Titles without dates start at column 3, so a character sits on columns 13 and 14,
    // where the overlay's left border goes.
    let title = "边框左边的汉字不能盖住边框的竖线";
    r.update(Msg::Start(Box::new(Start {
        entries: (1..=20)
            .map(|i| item(i, title, None, XINHUA, false))
            .collect(),
        collection: true,
        ..Start::default()
    })));
    r.answer();
    let area = newsreader::app::panes::overlay_area(100, 30);
    let popup = newsreader::app::panes::popup(area, newsreader::app::panes::BOOKMARKS_SIZE);
    assert_eq!(popup.x, 14);
    let before = draw(&r, 100, 30);
    assert!(before[(13, 2)].symbol() == "汉" || before[(13, 2)].symbol() == "字");
    r.update(Action::Links);
    let buf = draw(&r, 100, 30);
    for y in popup.y + 1..popup.bottom() - 1 {
        assert_eq!(buf[(popup.x, y)].symbol(), "│", "row {y}: {}", row(&buf, y));
    }
}

#[test]
fn at_100_by_20_the_feeds_overlay_leaves_the_status_bar_alone() {
    let mut r = reader(100, 20, "人民网");
    r.update(Action::Feeds);
    let buf = draw(&r, 100, 20);
    let status = row(&buf, 19);
    assert!(!status.contains('─') && !status.contains('└'), "{status}");
    assert!(status.contains("新华一"), "{status}");
    assert!(row(&buf, 18).contains('└'), "{}", row(&buf, 18));
    // A click on the last row of the box still lands in it.
    r.update(Msg::Click {
        column: 50,
        row: 17,
    });
    assert!(matches!(r.overlays(), [Overlay::Feeds { .. }] | []));
}

#[test]
fn start_feeds_opens_on_the_feeds_overlay() {
    let app = App::new(LayoutOptions::default()).with_feeds_home(true);
    let mut r = Reader::with(app, 100, 30);
    start(&mut r, "人民网");
    assert_eq!(r.overlays(), [Overlay::Feeds { cursor: 0 }]);
    assert!(screen(&r, 100, 30).contains("1 unread of 2"));
    // Only at start: a refresh's feed list leaves the screen as it is.
    r.update(Action::Cancel);
    r.update(Msg::Feeds(r.feeds().to_vec()));
    assert!(r.overlays().is_empty());
    // The config says so.
    let c = newsreader::config::parse("start = \"feeds\"\n", Path::new("c.toml")).unwrap();
    assert!(c.feeds_home);
    let bad = newsreader::config::parse("start = \"home\"\n", Path::new("c.toml")).unwrap_err();
    assert!(bad.to_string().contains("bad start"), "{bad}");
    assert!(!newsreader::config::Config::default().feeds_home);
}

#[test]
fn the_feeds_overlay_says_its_keys_truly_and_u_and_x_work_in_it() {
    let mut r = reader(100, 30, "人民网");
    r.update(Action::Feeds);
    let text = screen(&r, 100, 30);
    assert!(text.contains("A twice marks it read"), "{text}");
    assert!(text.contains("x: next unread · U: unread only"), "{text}");
    // At 60 columns both still fit whole.
    r.update(Msg::Resize(60, 20));
    let text = screen(&r, 60, 20);
    assert!(text.contains("A twice marks it read"), "{text}");
    assert!(text.contains("x: next unread · U: unread only"), "{text}");
    r.update(Msg::Resize(100, 30));
    // `U` narrows the list as it does there, the overlay staying open, and says so.
    r.update(Action::UnreadOnly);
    assert!(r.filter().unread_only);
    assert!(matches!(r.overlays(), [Overlay::Feeds { .. }]));
    assert!(
        r.message().unwrap().contains("only unread"),
        "{:?}",
        r.message()
    );
    assert!(screen(&r, 100, 30).contains("U: read ones too"));
    r.update(Action::UnreadOnly);
    assert!(!r.filter().unread_only);
    // `x` on a feed: its first unread article, in the reader, the list showing that feed.
    r.update(Action::Bottom);
    r.update(Action::NextUnread);
    r.answer();
    assert!(r.overlays().is_empty());
    assert_eq!(r.article().title, "人民二");
    assert_eq!(r.filter().feed.as_deref(), Some(PEOPLE));
    assert_eq!(r.focus(), newsreader::app::Focus::Reader);
    // On a feed with nothing unread left: on to the next feed that has some.
    r.update(Action::Feeds);
    assert_eq!(r.overlays(), [Overlay::Feeds { cursor: 2 }]);
    r.update(Action::NextUnread);
    r.answer();
    assert_eq!(r.article().title, "新华一");
    assert_eq!(r.filter().feed.as_deref(), Some(XINHUA));
    assert_eq!(r.message(), Some("next feed: 新华网"));
    // On the first row: every article, the first unread.
    r.update(Action::Feeds);
    r.update(Action::Top);
    r.update(Action::NextUnread);
    r.answer();
    assert_eq!(r.filter().feed, None);
    assert_eq!(r.article().title, "新华三");
    // Nothing unread anywhere: said, the overlay stays.
    r.update(Action::Feeds);
    r.update(Action::MarkAllRead);
    r.update(Action::MarkAllRead);
    r.update(Action::NextUnread);
    assert_eq!(r.message(), Some("no unread articles"));
    assert!(matches!(r.overlays(), [Overlay::Feeds { .. }]));
}
