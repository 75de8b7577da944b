//! An article with 20 pictures scrolled while they load: each frame is one wheel step over
//! the reader (the app asks for the pictures coming near the screen) and one 120×40 frame
//! drawn into a `TestBackend`, as the terminal loop does. Half the pictures are here (drawn
//! in half blocks), half still loading (drawn as a note). The goal: frames under 1 ms while
//! they load. Apart: the frame on which a picture arrives (taken in as the picture worker
//! hands it over, encoded for its cells, and drawn for the first time), and the worker's
//! encoding itself, which the drawing thread no longer does.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use image::{DynamicImage, Rgba, RgbaImage};
use newsreader::app::{Msg, Picture};
use newsreader::article::{Article, Picture as Pic, Section};
use newsreader::images::{Encoder, Fit, Images};
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::library::Library;
use newsreader::session::Session;
use newsreader::theme::Theme;
use newsreader::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const PICTURES: usize = 20;

/// Twenty pictures, each between paragraphs of text; their addresses lead nowhere (a closed
/// port on this machine), so those not handed over stay loading.
fn article() -> Article {
    let mut paragraphs = Vec::new();
    let mut images = Vec::new();
    for i in 0..PICTURES {
        for k in 0..4 {
            paragraphs.push(format!(
                "第{i}节第{k}段：市园林部门表示，新步道沿湖修建，全长约三公里，设有多处休息平台\
                 和饮水点。附近居民说，清晨散步的人明显多了起来，孩子们也喜欢在湖边骑车。"
            ));
        }
        images.push(Pic {
            src: format!("http://127.0.0.1:9/p{i}.png"),
            alt: Some(format!("照片{i}")),
            caption: None,
            section: 0,
            paragraph: paragraphs.len(),
        });
        paragraphs.push(format!("[图片：照片{i}]"));
    }
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

/// A 640×360 picture with a gradient (so half blocks have two colours a cell).
fn image(seed: u8) -> DynamicImage {
    let img = RgbaImage::from_fn(640, 360, |x, y| {
        Rgba([(x / 3) as u8, (y / 2) as u8, seed.wrapping_mul(37), 255])
    });
    DynamicImage::ImageRgba8(img)
}

/// The picture as the worker hands it over: encoded in half blocks for `fit`.
fn picture(seed: u8, fit: Fit) -> Picture {
    let image = image(seed);
    let shown = Encoder::default().encode(&image, fit);
    Picture {
        image: Arc::new(image),
        shown: Some(Arc::new(shown)),
    }
}

/// The cells each picture of the session's open article is drawn in.
fn fit(session: &Session) -> Fit {
    let layout = session.app().layout();
    Fit {
        width: layout.column_width(),
        rows: layout.pictures()[0].rows,
    }
}

fn session() -> Session {
    let lib = Library {
        articles: vec![article()],
        errors: Vec::new(),
    };
    let options = LayoutOptions {
        images: Images::Halfblocks,
        ..LayoutOptions::default()
    };
    let mut session = Session::memory(lib, options);
    session.send(Msg::Resize(120, 40));
    session.send(Action::FocusRight);
    session
}

fn scrolling(c: &mut Criterion) {
    let theme = Theme::default();
    let mut session = session();
    let fit = fit(&session);
    // Every other picture is here; the rest are loading.
    for i in (0..PICTURES).step_by(2) {
        session.send(Msg::Picture {
            key: format!("http://127.0.0.1:9/p{i}.png"),
            picture: Ok(picture(i as u8, fit)),
        });
    }
    let reader = session.app().areas().reader;
    let wheel = |delta| Msg::Wheel {
        column: reader.x,
        row: reader.y,
        delta,
    };
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let max = session.app().layout().len().saturating_sub(40);
    let mut group = c.benchmark_group("pictures_120x40");
    group.bench_function("scroll_frame_20_pictures_loading", |b| {
        b.iter(|| {
            if session.app().top_row() >= max {
                session.send(Action::Top);
            } else {
                session.send(wheel(1));
            }
            let app = session.app();
            term.draw(|f| ui::draw(f, black_box(app), &theme)).unwrap();
        })
    });
    // A picture arriving on screen: taken in as the worker hands it over, drawn.
    let mut session = self::session();
    let arriving = picture(7, fit);
    group.bench_function("frame_a_picture_arrives", |b| {
        b.iter(|| {
            session.send(Msg::Picture {
                key: "http://127.0.0.1:9/p0.png".into(),
                picture: Ok(arriving.clone()),
            });
            let app = session.app();
            term.draw(|f| ui::draw(f, black_box(app), &theme)).unwrap();
        })
    });
    // What the picture worker does for it, off the drawing thread.
    let decoded = image(7);
    let encoder = Encoder::default();
    group.bench_function("worker_encodes_a_picture", |b| {
        b.iter(|| encoder.encode(black_box(&decoded), fit))
    });
    group.finish();
}

criterion_group!(benches, scrolling);
criterion_main!(benches);
