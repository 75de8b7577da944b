//! One 120×40 frame of an article scrolled to its middle, drawn into a `TestBackend`, for
//! articles of 100 KB, 1 MB and 10 MB (the sample repeated): the reader draws only the visible
//! rows of a cached layout, so the time must not grow with the article. For scale, the same
//! frame with ratatui's `Paragraph` + `Wrap` + `scroll`, which wraps from the top every frame.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use newsreader::app::Msg;
use newsreader::article::Article;
use newsreader::keymap::Action;
use newsreader::layout::LayoutOptions;
use newsreader::library::Library;
use newsreader::session::Session;
use newsreader::theme::Theme;
use newsreader::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::{Paragraph, Wrap};

/// The sample article with its sections repeated until the text is about `bytes` long.
fn article_of(bytes: usize) -> Article {
    let mut a = Library::embedded().articles.remove(0);
    let sections = a.sections.clone();
    let mut size: usize = sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(String::len)
        .sum();
    let per_copy = size;
    while size < bytes {
        a.sections.extend(sections.iter().skip(1).cloned());
        size += per_copy;
    }
    a
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_120x40");
    let theme = Theme::default();
    for (label, bytes) in [("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)] {
        let article = article_of(bytes);
        let text: String = article
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter())
            .map(|p| format!("{p}\n\n"))
            .collect();
        let lib = Library {
            articles: vec![article],
            errors: Vec::new(),
        };
        let mut session = Session::memory(lib, LayoutOptions::default());
        session.send(Msg::Resize(120, 40));
        session.send(Action::FocusRight);
        // The wheel over the reader scrolls three rows a step.
        let half = session.app().layout().len() / 2;
        let reader = session.app().areas().reader;
        session.send(Msg::Wheel {
            column: reader.x,
            row: reader.y,
            delta: (half / 3) as isize,
        });
        let app = session.app();
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        group.bench_function(BenchmarkId::new("newsreader", label), |b| {
            b.iter(|| {
                term.draw(|f| ui::draw(f, black_box(app), &theme)).unwrap();
            })
        });
        if bytes <= 1_000_000 {
            let lines = app.layout().len() as u16 / 2;
            let para = Paragraph::new(text.as_str()).wrap(Wrap { trim: false });
            group.bench_function(BenchmarkId::new("ratatui_paragraph_scroll", label), |b| {
                b.iter(|| {
                    term.draw(|f| {
                        f.render_widget(black_box(para.clone()).scroll((lines, 0)), f.area())
                    })
                    .unwrap();
                })
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = frame
}
criterion_main!(benches);
