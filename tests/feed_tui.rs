//! The feeds in the reader, as a person met them against real feeds: the scope of `/` in a
//! narrowed list, the filter always said, a chosen feed's item in the reader, `A`
//! confirmed first, nothing read before a key, and `x` for the next unread article across
//! feeds.

#[path = "support/feed_app.rs"]
mod feed_app;

use feed_app::*;
use newsreader::app::{Effect, Filter, Focus, Msg, PromptKey};
use newsreader::keymap::Action;
use newsreader::model::ArticleId;

#[test]
fn the_first_launch_marks_nothing_read_before_a_key() {
    let mut r = reader(100, 30, "人民网");
    assert_eq!(r.article().title, "新华一", "the newest item is shown");
    assert!(marked(&r.effects).is_empty(), "{:?}", r.effects);
    assert!(!r.entries()[0].read);
    assert_eq!(r.feed_counts()[0].unread, 3);
    // Moving in the list marks nothing; reading it (a scroll in the reader) does.
    r.update(Action::ScrollDown);
    assert!(marked(&r.answer()).is_empty());
    r.update(Action::FocusNext);
    r.update(Action::FocusNext);
    assert_eq!(r.focus(), Focus::Reader);
    r.update(Action::PageDown);
    assert_eq!(marked(&r.answer()), [(vec!["item:1".to_string()], true)]);
}

#[test]
fn opening_the_article_shown_at_start_marks_it_read() {
    let mut r = reader(100, 30, "人民网");
    r.update(Action::FocusRight);
    assert_eq!(marked(&r.answer()), [(vec!["item:1".to_string()], true)]);
    // An article opened by a key is read at once.
    r.update(Action::FocusLeft);
    r.update(Action::ScrollDown);
    r.update(Action::ScrollDown);
    r.update(Action::FocusRight);
    assert_eq!(marked(&r.answer()), [(vec!["item:3".to_string()], true)]);
}

#[test]
fn choosing_a_feed_shows_its_first_item_with_its_place_in_the_list() {
    let mut r = reader(100, 30, "人民网");
    r.update(Action::FocusRight);
    r.answer();
    assert_eq!(r.article().title, "新华一");
    r.choose_feed(2);
    r.answer();
    assert_eq!(r.article().title, "人民一", "not the other feed's article");
    assert_eq!(r.open_index(), Some(0));
    assert!(screen(&r, 100, 30).contains("article 1/2"));
    // Shown, not asked for: the unread one stays unread until read.
    r.update(Action::ScrollDown);
    r.update(Action::FocusRight);
    assert_eq!(marked(&r.answer()), [(vec!["item:5".to_string()], true)]);
    assert!(screen(&r, 100, 30).contains("article 2/2"));
    // A list narrowed to nothing shows nothing of another list.
    r.update(Action::UnreadOnly);
    r.update(Action::UnreadOnly);
    r.update(Action::UnreadOnly);
    assert!(r.entries().is_empty());
    r.choose_feed(2);
    r.answer();
    assert_ne!(r.article().title, "人民二");
    assert!(screen(&r, 100, 30).contains("nothing here"));
}

#[test]
fn the_unread_filter_is_said_and_never_cut_silently() {
    let mut r = reader(100, 30, LONG_NAME);
    r.update(Action::UnreadOnly);
    r.choose_feed(2);
    assert_eq!(
        r.filter(),
        &Filter {
            feed: Some(PEOPLE.into()),
            unread_only: true
        }
    );
    // Kept on for the new feed, and the status bar says so.
    assert!(
        r.message().unwrap().contains("only unread"),
        "{:?}",
        r.message()
    );
    let top = row(&draw(&r, 100, 30), 0);
    assert!(top.contains(" (unread, 一个名字"), "{top}");
    assert!(top.contains("…) "), "a cut name says so: {top}");
    // On a narrow screen, the lists folded over the reader say it too.
    r.update(Msg::Resize(60, 20));
    r.update(Action::ToggleLists);
    let top = row(&draw(&r, 60, 20), 0);
    assert!(top.contains(" (unread, 一个名字"), "{top}");
    assert!(top.contains("…) "), "{top}");
}

#[test]
fn search_from_a_narrowed_list_says_what_it_searches() {
    let mut r = reader(100, 30, "人民网");
    r.choose_feed(1);
    r.answer();
    assert_eq!(r.focus(), Focus::Articles);
    r.update(Action::Search);
    r.update(PromptKey::Char('新'));
    let bottom = row(&draw(&r, 100, 30), 29);
    assert!(bottom.starts_with("in 新华网 only /新"), "{bottom}");
    // The results' title says it too, cut with `…` when the column is narrow.
    let top = row(&draw(&r, 100, 30), 0);
    assert!(top.contains("Found in 新华网"), "{top}");
    assert!(top.contains("…┐"), "{top}");
    let asked = r.answer().into_iter().find_map(|e| match e {
        Effect::SearchLibrary { query, .. } => Some(query),
        _ => None,
    });
    assert_eq!(asked.as_deref(), Some("新"));
    // Everything listed: the prompt is the plain one, and help says what `/` searches.
    r.update(PromptKey::Esc);
    r.choose_feed(0);
    r.update(Action::Search);
    assert!(row(&draw(&r, 100, 30), 29).starts_with("/"));
    r.update(PromptKey::Esc);
    r.update(Action::Help);
    let help = screen(&r, 100, 40);
    assert!(help.contains("every article listed"), "{help}");
}

#[test]
fn a_marks_a_feed_read_only_when_pressed_twice() {
    let mut r = reader(100, 30, "人民网");
    r.update(Action::Feeds);
    r.update(Action::ScrollDown);
    r.update(Action::MarkAllRead);
    assert!(marked(&r.effects).is_empty());
    let asked = r.message().unwrap().to_string();
    assert!(
        asked.contains("mark 2 read?") && asked.contains("A again"),
        "{asked}"
    );
    assert!(screen(&r, 100, 30).contains("mark 2 read?"));
    // Any other key keeps them unread.
    r.update(Action::ScrollUp);
    r.update(Action::ScrollDown);
    r.update(Action::MarkAllRead);
    assert!(marked(&r.effects).is_empty());
    r.update(Action::MarkAllRead);
    assert_eq!(
        marked(&r.effects),
        [(vec!["item:1".to_string(), "item:3".to_string()], true)]
    );
    assert_eq!(r.feed_counts()[1].unread, 0);
    r.effects.clear();
    // In the list too; with nothing unread, nothing is asked.
    r.update(Action::Cancel);
    r.update(Action::MarkAllRead);
    r.update(Action::MarkAllRead);
    assert_eq!(marked(&r.effects), [(vec!["item:5".to_string()], true)]);
    r.update(Action::MarkAllRead);
    assert_eq!(r.message(), Some("nothing unread here"));
}

#[test]
fn x_opens_the_next_unread_article_and_goes_on_to_the_next_feed() {
    let mut r = reader(100, 30, "人民网");
    r.update(Action::FocusRight);
    r.answer();
    r.effects.clear();
    r.update(Action::NextUnread);
    r.answer();
    assert_eq!(r.article().title, "新华三", "新华二 is read");
    r.update(Action::NextUnread);
    r.answer();
    assert_eq!(r.article().title, "人民二");
    r.update(Action::NextUnread);
    assert_eq!(r.message(), Some("no unread articles"));
    // From a list of one feed, past its last unread item, on to the next feed's.
    let mut r = reader(100, 30, "人民网");
    r.choose_feed(1);
    r.answer();
    r.update(Action::FocusRight);
    r.answer();
    r.update(Action::NextUnread);
    r.answer();
    assert_eq!(r.article().title, "新华三");
    r.update(Action::NextUnread);
    r.answer();
    assert_eq!(r.article().title, "人民二");
    assert_eq!(r.filter().feed.as_deref(), Some(PEOPLE));
    assert_eq!(r.message(), Some("next feed: 人民网"));
    assert!(r.entry(ArticleId(5)).unwrap().read);
    // Its key is in help.
    r.update(Action::Help);
    let help = screen(&r, 100, 40);
    assert!(help.contains("next unread article"), "{help}");
}

/// Regression: a search asked again (the index found damaged, Enter on the same query) could
/// meet the last results of the one before it, and the results listed every article twice
/// (`Found /城市 (12)` for six articles).
#[test]
fn regression_results_of_a_search_asked_again_list_each_article_once() {
    let mut r = reader(100, 30, "人民网");
    r.update(Action::Search);
    r.update(PromptKey::Char('新'));
    r.answer();
    let ids: Vec<ArticleId> = r.entries().iter().map(|e| e.id).collect();
    let hits = || {
        ids.iter()
            .map(|&id| newsreader::app::LibraryHit {
                id,
                count: 1,
                excerpt: None,
            })
            .collect::<Vec<_>>()
    };
    for done in [false, true] {
        r.update(Msg::LibraryHits {
            query: "新".to_string(),
            hits: hits(),
            done,
        });
    }
    let found: Vec<ArticleId> = r.library_search().hits().iter().map(|h| h.id).collect();
    let mut once = found.clone();
    once.sort_unstable();
    once.dedup();
    assert_eq!(found.len(), ids.len(), "{found:?}");
    assert_eq!(once.len(), found.len(), "{found:?}");
}
