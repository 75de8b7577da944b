//! Pictures in the reader without a terminal: the layout keeps rows under each picture's
//! paragraph (at most half the pane high), the app asks for the pictures near the screen
//! only, each once, as the reader scrolls, and draws what came back into ratatui's
//! `TestBackend`: half blocks for a picture, a note for one loading or refused. With
//! `images = "off"` nothing is kept or asked for.

#[path = "support/scenario.rs"]
mod scenario;

use std::sync::Arc;

use image::{DynamicImage, Rgba, RgbaImage};
use newsreader::app::{App, Effect, Msg, Picture};
use newsreader::article::{Article, Picture as Pic, Section};
use newsreader::images::{Encoder, Fit, Images};
use newsreader::keymap::Action;
use newsreader::layout::{LayoutOptions, RowKind};
use newsreader::library::Library;
use newsreader::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use scenario::Scenario;

/// An article of `n` pictures, each in a paragraph of its own between two of text.
fn pictured(n: usize) -> Article {
    let mut paragraphs = Vec::new();
    let mut images = Vec::new();
    for i in 0..n {
        paragraphs.push(format!(
            "第{i}段：新步道沿湖修建，全长约三公里，设有多处休息平台。"
        ));
        images.push(Pic {
            src: format!("http://127.0.0.1:9/p{i}.png"),
            alt: Some(format!("照片{i}")),
            caption: None,
            section: 0,
            paragraph: paragraphs.len(),
        });
        paragraphs.push(format!("[图片：照片{i}]"));
    }
    paragraphs.push("完。".into());
    let mut a = Article::new(
        "湖边新步道",
        vec![Section {
            heading: None,
            level: 0,
            paragraphs,
        }],
    );
    a.images = images;
    a
}

fn reader(n: usize, images: Images, (w, h): (u16, u16)) -> Scenario {
    let options = LayoutOptions {
        images,
        ..LayoutOptions::default()
    };
    let library = Library {
        articles: vec![pictured(n)],
        errors: Vec::new(),
    };
    let mut s = Scenario::with(App::new(options), library, w, h);
    s.send(Action::FocusRight);
    s
}

/// The pictures asked for, by key, in order.
fn asked(s: &mut Scenario) -> Vec<String> {
    s.take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::FetchPicture { key, .. } => Some(key),
            _ => None,
        })
        .collect()
}

#[test]
fn rows_are_kept_and_only_pictures_near_the_screen_are_asked_for_once() {
    let mut s = reader(20, Images::Halfblocks, (100, 30));
    let boxes = s.layout().pictures().to_vec();
    assert_eq!(boxes.len(), 20);
    let height = s.reader_height() as u16;
    for b in &boxes {
        assert!(
            b.rows >= 1 && b.rows <= height / 2,
            "{b:?} in {height} rows"
        );
        for r in b.row..b.row + usize::from(b.rows) {
            assert_eq!(s.layout().rows()[r].kind(), RowKind::Picture);
        }
    }
    let first = asked(&mut s);
    assert!(!first.is_empty() && first.len() < 20, "{first:?}");
    assert_eq!(first[0], "http://127.0.0.1:9/p0.png");
    // Scrolling on asks for the next ones, never one twice.
    let mut all = first.clone();
    for _ in 0..200 {
        s.send(Action::PageDown);
        all.extend(asked(&mut s));
    }
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "asked twice: {all:?}");
    assert_eq!(all.len(), 20);
}

fn red() -> Picture {
    Picture::new(Arc::new(DynamicImage::ImageRgba8(RgbaImage::from_pixel(
        320,
        180,
        Rgba([220, 20, 20, 255]),
    ))))
}

/// Does what the picture worker does for the pictures the app asked to be encoded; returns
/// the cells they were asked for.
fn encode_asked(s: &mut Scenario) -> Vec<Fit> {
    let mut fits = Vec::new();
    for effect in s.take_effects() {
        if let Effect::ShowPicture { key, picture, fit } = effect {
            fits.push(fit);
            let shown = Encoder::default().encode(&picture.image, fit);
            s.send(Msg::Picture {
                key,
                picture: Ok(Picture {
                    shown: Some(Arc::new(shown)),
                    ..picture
                }),
            });
        }
    }
    fits
}

/// The screen drawn, and how many cells show the red picture.
fn draw(s: &Scenario, (w, h): (u16, u16)) -> (String, usize) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| newsreader::ui::draw(f, s, &Theme::default()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let red = buffer
        .content()
        .iter()
        .filter(|c| c.bg == Color::Rgb(220, 20, 20))
        .count();
    let text = (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    (text, red)
}

#[test]
fn pictures_are_drawn_in_half_blocks_at_three_sizes_and_notes_stand_for_the_rest() {
    for size in [(60u16, 20u16), (100, 30), (160, 50)] {
        let mut s = reader(2, Images::Halfblocks, size);
        let keys = asked(&mut s);
        assert_eq!(keys.len(), 2, "{size:?}");
        let (text, red_cells) = draw(&s, size);
        assert!(text.contains("loading the picture"), "{size:?}\n{text}");
        assert_eq!(red_cells, 0);
        s.send(Msg::Picture {
            key: keys[0].clone(),
            picture: Ok(red()),
        });
        s.send(Msg::Picture {
            key: keys[1].clone(),
            picture: Err("picture too large to show (100000 × 100000 pixels)".into()),
        });
        // Not encoded yet: still a note, and the worker is asked to encode it.
        assert!(draw(&s, size).0.contains("loading the picture"));
        assert_eq!(encode_asked(&mut s).len(), 1, "{size:?}");
        let b = s.layout().pictures()[0];
        let (text, red_cells) = draw(&s, size);
        // The picture fills the width of the text column or the rows kept for it.
        let column = usize::from(s.layout().column_width());
        let rows = usize::from(b.rows);
        let visible = rows.min(usize::from(size.1).saturating_sub(b.row));
        assert!(
            red_cells >= (column.min(rows * 32 / 9) - 2) * visible.saturating_sub(1),
            "{size:?}: {red_cells} red cells for {column}×{rows}\n{text}"
        );
        if s.layout().pictures()[1].row < usize::from(size.1) - 2 {
            assert!(
                text.contains("picture too large to show"),
                "{size:?}\n{text}"
            );
        }
        assert!(!text.contains("loading the picture"), "{size:?}\n{text}");
    }
}

#[test]
fn with_images_off_nothing_is_kept_or_fetched() {
    let mut s = reader(3, Images::Off, (100, 30));
    assert!(s.layout().pictures().is_empty());
    assert!(
        s.layout()
            .rows()
            .iter()
            .all(|r| r.kind() != RowKind::Picture)
    );
    assert!(asked(&mut s).is_empty());
    let (text, _) = draw(&s, (100, 30));
    // (A wide character's second cell holds a space in the buffer.)
    assert!(text.replace(' ', "").contains("[图片：照片0]"), "{text}");
}

#[test]
fn a_resize_has_the_worker_encode_a_picture_again_and_drawing_never_does() {
    let mut s = reader(2, Images::Halfblocks, (100, 30));
    let keys = asked(&mut s);
    s.send(Msg::Picture {
        key: keys[0].clone(),
        picture: Ok(red()),
    });
    let first = encode_asked(&mut s);
    assert_eq!(first.len(), 1);
    assert_eq!(
        first[0],
        Fit {
            width: s.layout().column_width(),
            rows: s.layout().pictures()[0].rows
        }
    );
    let (_, before) = draw(&s, (100, 30));
    assert!(before > 0);
    // Narrower: drawn from the cells it has (cut to its box) until the worker encodes it
    // again for the new ones, asked once.
    s.send(Msg::Resize(50, 30));
    let (_, meanwhile) = draw(&s, (50, 30));
    assert!(
        meanwhile > 0 && meanwhile <= before,
        "{meanwhile} of {before}"
    );
    let again = encode_asked(&mut s);
    assert_eq!(again.len(), 1, "{again:?}");
    assert!(again[0].width < first[0].width, "{again:?}");
    s.send(Action::ScrollDown);
    assert!(encode_asked(&mut s).is_empty(), "asked once");
    let (_, after) = draw(&s, (50, 30));
    assert!(after > 0);
    // One encoded for the old cells, arriving late, does not replace it.
    s.send(Msg::Picture {
        key: keys[0].clone(),
        picture: Ok(Picture {
            shown: Some(Arc::new(Encoder::default().encode(&red().image, first[0]))),
            ..red()
        }),
    });
    assert_eq!(draw(&s, (50, 30)).1, after);
}
