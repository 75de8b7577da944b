//! An `App` driven by messages, with the session's part played by tables in memory: an
//! article asked for is answered at once, positions and bookmarks are kept as the catalog
//! would keep them, and every other effect is recorded for the test to look at. No
//! terminal, no catalog, no thread: a scenario is a sequence of messages, checked in
//! milliseconds.

#![allow(dead_code)]

use std::collections::HashMap;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use newsreader::app::{App, Effect, Msg, Start};
use newsreader::article::Article;
use newsreader::catalog::text_key;
use newsreader::layout::LayoutOptions;
use newsreader::library::Library;
use newsreader::model::{ArticleId, Bookmark, Entry, Origin, StoredPlace};

/// The app and what stands in for the session.
pub struct Scenario {
    pub app: App,
    articles: HashMap<ArticleId, Arc<Article>>,
    /// Positions as remembered, by article key.
    pub places: HashMap<String, StoredPlace>,
    /// Bookmarks as stored.
    pub bookmarks: Vec<Bookmark>,
    /// The effects not answered here, in order.
    pub effects: Vec<Effect>,
}

impl Deref for Scenario {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

/// The list entry of `article`, numbered `id`.
pub fn entry(id: i64, article: &Article) -> Entry {
    Entry {
        id: ArticleId(id),
        origin: match &article.path {
            Some(p) => Origin::File(p.into()),
            None => Origin::Embedded(format!("{id:06}")),
        },
        key: text_key(article),
        title: article.title.clone(),
        date: article.date.clone(),
        time: article.time.clone(),
        source: article.source.clone(),
        sections: u32::try_from(article.sections.len()).unwrap_or(0),
        read: false,
        feeds: Vec::new(),
    }
}

impl Scenario {
    /// An app over `library` (numbered from 1, as a fresh catalog numbers them), at
    /// `width`×`height`, started as a first run.
    pub fn new(library: Library, width: u16, height: u16) -> Scenario {
        Scenario::with(App::new(LayoutOptions::default()), library, width, height)
    }

    /// The same with an app made by the test.
    pub fn with(app: App, library: Library, width: u16, height: u16) -> Scenario {
        let mut s = Scenario {
            app,
            articles: HashMap::new(),
            places: HashMap::new(),
            bookmarks: Vec::new(),
            effects: Vec::new(),
        };
        let Library { articles, errors } = library;
        let mut start = Start {
            collection: articles.len() > 1,
            first_run: true,
            errors,
            ..Start::default()
        };
        for (i, a) in articles.into_iter().enumerate() {
            let id = i as i64 + 1;
            start.entries.push(entry(id, &a));
            s.articles.insert(ArticleId(id), Arc::new(a));
        }
        s.send(Msg::Start(Box::new(start)));
        s.send(Msg::Resize(width, height));
        s
    }

    /// The sample article.
    pub fn sample(width: u16, height: u16) -> Scenario {
        Scenario::new(Library::embedded(), width, height)
    }

    /// Gives the app one message and answers what it asks of the catalog.
    pub fn send(&mut self, msg: impl Into<Msg>) {
        let mut queue = vec![msg.into()];
        while let Some(msg) = queue.pop() {
            for effect in self.app.update(msg) {
                if let Some(answer) = self.answer(effect) {
                    queue.insert(0, answer);
                }
            }
        }
    }

    /// The effects recorded so far, taken.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    fn answer(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::Open(id) => {
                let article = Arc::clone(self.articles.get(&id)?);
                let key = self.app.entry(id).map(|e| e.key.clone());
                let remembered = key.and_then(|k| self.places.get(&k).copied());
                Some(Msg::Opened {
                    id,
                    article,
                    remembered,
                })
            }
            Effect::Remember { key, place } => {
                self.places.insert(key, place);
                None
            }
            Effect::ToggleBookmark(b) => {
                let at = self
                    .bookmarks
                    .iter()
                    .position(|m| m.key == b.key && m.place == b.place);
                let added = match at {
                    Some(i) => {
                        self.bookmarks.remove(i);
                        false
                    }
                    None => {
                        self.bookmarks.push(b);
                        true
                    }
                };
                Some(Msg::Bookmarked(Ok((self.bookmarks.clone(), added))))
            }
            other => {
                self.effects.push(other);
                None
            }
        }
    }
}

/// A library of `n` short articles, each with `sections` headed sections, at 100×30.
pub fn generated(n: usize, sections: usize) -> Scenario {
    use newsreader::article::{Article, Section};
    let articles = (0..n)
        .map(|i| {
            let mut a = Article::new(
                format!("第{i}篇文章"),
                std::iter::once(Section {
                    heading: None,
                    level: 0,
                    paragraphs: vec![format!("第{i}篇的导语。")],
                })
                .chain((0..sections).map(|s| Section {
                    heading: Some(format!("小标题{s}")),
                    level: 1,
                    paragraphs: vec!["正文。".repeat(40)],
                }))
                .collect(),
            );
            a.path = Some(format!("/news/{i:03}.txt"));
            a
        })
        .collect();
    let library = Library {
        articles,
        errors: Vec::new(),
    };
    Scenario::new(library, 100, 30)
}

/// The fixtures named, from `tests/fixtures`, at 100×30.
pub fn fixtures(names: &[&str]) -> Scenario {
    let paths: Vec<PathBuf> = names
        .iter()
        .map(|n| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(n)
        })
        .collect();
    Scenario::new(Library::load(&paths, None), 100, 30)
}
