//! Search as a reader uses it on the sample: `/党建`, `n`/`N` with wrap-around, `黨建` finding
//! the same six, Esc restoring the position, a miss that says so, and a match split across
//! two wrapped rows highlighted on both.

#[path = "support/scenario.rs"]
mod scenario;

use newsreader::app::{App, Prompt, PromptKey};
use newsreader::keymap::Action;
use newsreader::layout::RowKind;
use newsreader::strings;
use newsreader::theme::Theme;
use newsreader::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use scenario::Scenario;

fn sample(w: u16, h: u16) -> Scenario {
    let mut app = Scenario::sample(w, h);
    app.send(Action::FocusRight);
    app
}

fn type_query(app: &mut Scenario, q: &str) {
    app.send(Action::Search);
    for c in q.chars() {
        app.send(PromptKey::Char(c));
    }
}

/// Whether the current match's first row is on screen.
fn current_visible(app: &App) -> bool {
    let s = app.search();
    let m = &s.matches()[s.current().unwrap()];
    let row = app.layout().row_of(m.start());
    row >= app.top_row() && row < app.top_row() + app.reader_height()
}

#[test]
fn slash_query_enter_then_n_and_shift_n_walk_all_six() {
    let mut app = sample(100, 30);
    type_query(&mut app, "党建");
    app.send(PromptKey::Enter);
    assert_eq!(app.typing(), None);
    assert_eq!(app.search().status().as_deref(), Some("match 1/6"));
    assert!(current_visible(&app));
    for k in 2..=6 {
        app.send(Action::NextMatch);
        assert_eq!(app.search().status(), Some(format!("match {k}/6")));
        assert!(current_visible(&app));
        assert_eq!(app.message(), None);
    }
    app.send(Action::NextMatch);
    assert_eq!(app.search().status().as_deref(), Some("match 1/6"));
    assert_eq!(app.message(), Some(strings::WRAPPED_TO_TOP));
    app.send(Action::PrevMatch);
    assert_eq!(app.search().status().as_deref(), Some("match 6/6"));
    assert_eq!(app.message(), Some(strings::WRAPPED_TO_BOTTOM));
    app.send(Action::PrevMatch);
    assert_eq!(app.search().status().as_deref(), Some("match 5/6"));
}

#[test]
fn traditional_query_finds_the_same_six() {
    let mut a = sample(100, 30);
    type_query(&mut a, "党建");
    a.send(PromptKey::Enter);
    let mut b = sample(100, 30);
    type_query(&mut b, "黨建");
    b.send(PromptKey::Enter);
    assert_eq!(b.search().matches(), a.search().matches());
    assert_eq!(b.search().matches().len(), 6);
}

#[test]
fn enter_starts_from_the_top_of_the_reader() {
    let mut app = sample(100, 30);
    app.send(Action::NextSection);
    app.send(Action::NextSection);
    let top = app.anchor();
    type_query(&mut app, "党建");
    app.send(PromptKey::Enter);
    let s = app.search();
    let cur = &s.matches()[s.current().unwrap()];
    assert!(cur.start() >= top);
    assert!(s.current().unwrap() > 0);
}

#[test]
fn esc_while_typing_restores_the_position() {
    let mut app = sample(100, 30);
    app.send(Action::NextSection);
    let (top, anchor) = (app.top_row(), app.anchor());
    type_query(&mut app, "宣泰医药");
    assert_ne!(app.top_row(), top, "incremental search follows the match");
    app.send(PromptKey::Esc);
    assert_eq!((app.top_row(), app.anchor()), (top, anchor));
    assert!(app.search().matches().is_empty());
    assert_eq!(app.typing(), None);
}

#[test]
fn a_query_with_no_match_says_so_and_does_not_move() {
    let mut app = sample(100, 30);
    app.send(Action::NextSection);
    let top = app.top_row();
    type_query(&mut app, "不存在的词");
    app.send(PromptKey::Enter);
    assert_eq!(app.top_row(), top);
    assert_eq!(
        app.search().status().as_deref(),
        Some("no match for 不存在的词")
    );
    // Said once: by the search's status, not again as a message.
    assert_eq!(app.message(), None);
    let screen = render(&app, 100, 30);
    assert_eq!(screen.matches("no match for").count(), 1, "{screen}");
    app.send(Action::NextMatch);
    let screen = render(&app, 100, 30);
    assert_eq!(screen.matches("no match for").count(), 1, "{screen}");
}

/// The screen as text.
fn render(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| ui::draw(f, app, &Theme::default())).unwrap();
    let buf = term.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn esc_puts_the_search_away_and_n_or_an_empty_enter_brings_it_back() {
    let mut app = sample(100, 30);
    type_query(&mut app, "党建");
    app.send(PromptKey::Enter);
    app.send(Action::NextMatch);
    assert_eq!(app.search().status().as_deref(), Some("match 2/6"));
    app.send(Action::Cancel);
    assert!(app.search().matches().is_empty(), "no highlights");
    assert_eq!(app.search().status(), None);
    assert_eq!(app.search().last(), Some("党建"));
    app.send(Action::Top);
    app.send(Action::NextMatch);
    assert_ne!(app.message(), Some(strings::NO_SEARCH));
    assert_eq!(app.search().status().as_deref(), Some("match 1/6"));
    assert!(current_visible(&app));
    // `N` after Esc: the last match before the top of the reader (wrapping to the end).
    app.send(Action::Cancel);
    app.send(Action::Top);
    app.send(Action::PrevMatch);
    assert_eq!(app.search().status().as_deref(), Some("match 6/6"));
    // `/` then Enter on an empty prompt repeats the last search.
    app.send(Action::Cancel);
    app.send(Action::Top);
    app.send(Action::Search);
    app.send(PromptKey::Enter);
    assert_eq!(app.search().query(), "党建");
    assert_eq!(app.search().status().as_deref(), Some("match 1/6"));
}

#[test]
fn with_no_search_at_all_n_says_how_to_search() {
    let mut app = sample(100, 30);
    app.send(Action::NextMatch);
    assert_eq!(app.message(), Some(strings::NO_SEARCH));
}

#[test]
fn a_match_found_off_screen_comes_a_third_of_the_way_down() {
    let mut app = sample(100, 30);
    type_query(&mut app, "陆晨昱");
    app.send(PromptKey::Enter);
    let s = app.search();
    let row = app
        .layout()
        .row_of(s.matches()[s.current().unwrap()].start());
    let h = app.reader_height();
    assert!(row > h, "the match is further down than the first screen");
    assert_eq!(row - app.top_row(), h / 3, "context above it");
    // A match on screen does not move the reader.
    let top = app.top_row();
    app.send(Action::NextMatch);
    app.send(Action::PrevMatch);
    assert_eq!(app.top_row(), top);
}

#[test]
fn the_prompt_edits_like_a_shell_line() {
    let mut app = sample(100, 30);
    type_query(&mut app, "党x建");
    app.send(PromptKey::Left);
    app.send(PromptKey::Backspace);
    assert_eq!(app.search().query(), "党建");
    assert_eq!(app.search().matches().len(), 6, "matches follow the edit");
    app.send(PromptKey::End);
    app.send(PromptKey::Char(' '));
    app.send(PromptKey::Char('a'));
    app.send(PromptKey::DeleteWord);
    assert_eq!(app.search().query(), "党建 ");
    app.send(PromptKey::ClearToStart);
    assert_eq!(app.search().query(), "");
    assert_eq!(
        app.typing(),
        Some(Prompt::Article),
        "Ctrl-U clears, the prompt stays"
    );
    // The cursor is drawn where the edit happens.
    type_query_chars(&mut app, "临港");
    app.send(PromptKey::Left);
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    term.draw(|f| ui::draw(f, &app, &Theme::default())).unwrap();
    // `/` and 临 (two columns) before the cursor.
    term.backend_mut().assert_cursor_position((3, 29));
}

fn type_query_chars(app: &mut Scenario, q: &str) {
    for c in q.chars() {
        app.send(PromptKey::Char(c));
    }
}

#[test]
fn backspace_on_empty_prompt_closes_it_and_history_recalls() {
    let mut app = sample(100, 30);
    type_query(&mut app, "党建");
    app.send(PromptKey::Enter);
    type_query(&mut app, "x");
    app.send(PromptKey::Backspace);
    assert_eq!(app.typing(), Some(Prompt::Article));
    app.send(PromptKey::Up);
    assert_eq!(app.search().query(), "党建");
    app.send(PromptKey::Esc);
    app.send(Action::Search);
    app.send(PromptKey::Backspace);
    assert_eq!(app.typing(), None);
}

#[test]
fn a_match_split_across_wrapped_rows_is_highlighted_on_both() {
    let (w, h) = (30, 40);
    let mut app = sample(w, h);
    // Find a body row break inside a paragraph: the last character of one row and the first
    // of the next make a two-character query that wraps.
    let layout = app.layout();
    let r = (0..layout.len() - 1)
        .find(|&i| {
            let (a, b) = (layout.row(i).unwrap(), layout.row(i + 1).unwrap());
            a.kind() == RowKind::Body
                && b.kind() == RowKind::Body
                && a.block() == b.block()
                && a.end() == b.start()
                && i > 5
        })
        .expect("a wrapped paragraph");
    let last = layout.row_text(r).chars().last().unwrap();
    let first = layout.row_text(r + 1).chars().next().unwrap();
    let query = format!("{last}{first}");
    let block = layout.row(r).unwrap().block();
    let offset = layout.row(r).unwrap().end() - last.len_utf8();
    type_query(&mut app, &query);
    app.send(PromptKey::Enter);
    let m = app
        .search()
        .matches()
        .iter()
        .position(|m| m.block == block && m.range.start == offset)
        .expect("the split match is found");
    while app.search().current() != Some(m) {
        app.send(Action::NextMatch);
    }
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::default();
    // The frame's own buffer: the backend's copy skips the second cell of a wide character.
    let buf = term
        .draw(|f| ui::draw(f, &app, &theme))
        .unwrap()
        .buffer
        .clone();
    let reader = app.areas().reader;
    let y1 =
        reader.y + (app.layout().row_of(app.search().matches()[m].start()) - app.top_row()) as u16;
    let styled = |y: u16| {
        (reader.x..reader.right())
            .filter(|&x| buf[(x, y)].bg == theme.search_current.bg.unwrap())
            .count()
    };
    assert!(styled(y1) >= 2, "first half highlighted on its row");
    assert!(
        styled(y1 + 1) >= 2,
        "second half highlighted on the next row"
    );
    assert!(buf[(reader.x, y1 + 1)].bg == theme.search_current.bg.unwrap());
}
