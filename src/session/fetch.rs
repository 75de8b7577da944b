//! The fetch worker: refreshes every feed on a connection of its own. Items appear in the
//! list as they are stored ([`Msg::FetchItem`]), the status bar shows how far it has come
//! ([`Msg::FetchProgress`]), and at the end the feeds' errors and the counts arrive
//! ([`Msg::Feeds`], [`Msg::Fetched`]).

use super::Session;
use super::start::feed_infos;
use super::worker;
use crate::app::{Msg, Worker};
use crate::strings;

impl Session {
    /// Starts a refresh of the library's feeds ([`crate::app::Effect::Refresh`]).
    pub(super) fn start_fetch(&mut self) {
        let Some(setup) = self.sources.feeds.clone() else {
            return self.answer(Msg::FetchFailed(strings::NO_FEEDS_HERE.to_string()));
        };
        let Some(Ok(mut catalog)) = self.catalog.connect() else {
            return self.answer(Msg::FetchFailed(strings::FETCH_NEEDS_DATA.to_string()));
        };
        let index = self.index.clone();
        let started = worker::spawn(Worker::Fetch, self.tell.clone(), move |tell| {
            let result = crate::library::refresh::refresh(
                &mut catalog,
                index.as_deref(),
                &setup.configured,
                &setup.options,
                |p| tell.send(Msg::FetchProgress(p.done, p.total)),
                |entry| tell.send(Msg::FetchItem(entry)),
            );
            match result {
                Ok(report) => {
                    if let Ok(infos) = feed_infos(&catalog) {
                        tell.send(Msg::Feeds(infos));
                    }
                    tell.send(Msg::Fetched {
                        new: report.new,
                        updated: report.updated,
                        failed: report.failed.iter().map(ToString::to_string).collect(),
                    });
                }
                Err(e) => tell.send(Msg::FetchFailed(format!(
                    "{}{e}",
                    strings::CATALOG_WRITE_FAILED
                ))),
            }
        });
        match started {
            Some(handle) => self.keep(handle),
            None => self.answer(Msg::FetchFailed(strings::NO_THREAD.to_string())),
        }
    }
}
