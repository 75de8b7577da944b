//! The source worker: reads an article's file again as text (decoded, not parsed; up to the
//! size cap, tens of megabytes) and splits it into the source view's lines, marking those
//! the parser dropped, on a thread of its own. Its news is [`Msg::Source`].

use super::Session;
use super::worker;
use crate::app::{Msg, Worker, source_lines};
use crate::library::LoadOptions;
use crate::model::{ArticleId, Origin};
use crate::strings;

impl Session {
    /// Starts reading article `id`'s source ([`crate::app::Effect::ReadSource`]).
    pub(super) fn start_source(
        &mut self,
        id: ArticleId,
        origin: Origin,
        dropped: Vec<(String, String)>,
    ) {
        let load = self.load;
        let started = worker::spawn(Worker::Source, self.tell.clone(), move |tell| {
            let lines = read(&origin, &load).map(|text| source_lines(&text, &dropped));
            tell.send(Msg::Source { id, lines });
        });
        match started {
            Some(handle) => self.keep(handle),
            None => self.answer(Msg::Source {
                id,
                lines: Err(strings::NO_THREAD.to_string()),
            }),
        }
    }
}

/// The text of the article from `origin`, as it was read before parsing.
fn read(origin: &Origin, load: &LoadOptions) -> Result<String, String> {
    match origin {
        Origin::File(path) => crate::library::read_source(path, load).map_err(|e| e.to_string()),
        Origin::Embedded(name) => {
            crate::library::embedded_source(name).ok_or_else(|| strings::ARTICLE_GONE.to_string())
        }
        Origin::Item(_) => Err(strings::NO_ITEM_SOURCE.to_string()),
    }
}
