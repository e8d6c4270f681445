//! Where pages get catalogue data. On the server: the catalogue in memory. In the browser: the
//! search index, fetched once when first needed (compressed, at a URL that changes with the
//! catalogue, kept by the service worker for offline use); procedure details come from the
//! `get_procedure` server function.

use super::search::Index;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CatalogueError {
    /// The browser has no copy yet and cannot reach the server.
    #[error("the catalogue cannot be reached")]
    Offline,
    #[error("no such procedure")]
    NotFound,
}

/// Runs `f` over the search index.
pub async fn with_index<R>(f: impl FnOnce(&Index) -> R) -> Result<R, CatalogueError> {
    #[cfg(feature = "ssr")]
    {
        Ok(f(super::store::Catalogue::embedded().index()))
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        // The browser's fetch is not `Send`; the wasm runs on one thread, which `SendWrapper`
        // checks.
        let index = send_wrapper::SendWrapper::new(browser::index()).await?;
        Ok(f(&index))
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        let _ = f;
        Err(CatalogueError::Offline)
    }
}

/// One procedure's full record. In the browser, records already seen are answered from memory,
/// so moving between a procedure's pages needs no network.
pub async fn procedure(code: String) -> Result<super::model::Procedure, CatalogueError> {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    if let Some(procedure) = browser::remembered(&code) {
        return Ok(procedure);
    }
    let result = crate::api::get_procedure::get_procedure(code).await;
    if let Ok(procedure) = &result {
        remember(procedure);
    }
    result
}

/// Keeps a record the page received (rendered by the server, then hydrated) for the next pages.
pub fn remember(procedure: &super::model::Procedure) {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    browser::remember(procedure);
    #[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
    let _ = procedure;
}

/// Starts downloading the index in the background, so that typing finds it ready.
pub fn preload() {
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    leptos::task::spawn_local(async {
        let _ = browser::index().await;
    });
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
mod browser {
    use super::CatalogueError;
    use crate::catalogue::model::Procedure;
    use crate::catalogue::search::{Entry, Index};
    use crate::catalogue::store::index_path;
    use std::cell::RefCell;
    use std::rc::Rc;

    thread_local! {
        static INDEX: RefCell<Option<Rc<Index>>> = const { RefCell::new(None) };
        static PROCEDURES: RefCell<Vec<Procedure>> = const { RefCell::new(Vec::new()) };
    }

    /// How many records stay in memory (the most recent).
    const REMEMBERED: usize = 16;

    pub fn remembered(code: &str) -> Option<Procedure> {
        PROCEDURES.with(|cell| cell.borrow().iter().find(|p| p.code == code).cloned())
    }

    pub fn remember(procedure: &Procedure) {
        PROCEDURES.with(|cell| {
            let mut list = cell.borrow_mut();
            list.retain(|p| p.code != procedure.code);
            list.push(procedure.clone());
            if list.len() > REMEMBERED {
                list.remove(0);
            }
        });
    }

    pub async fn index() -> Result<Rc<Index>, CatalogueError> {
        if let Some(index) = INDEX.with(|cell| cell.borrow().clone()) {
            return Ok(index);
        }
        let response = gloo_net::http::Request::get(&index_path())
            .send()
            .await
            .map_err(|_| CatalogueError::Offline)?;
        if !response.ok() {
            return Err(CatalogueError::Offline);
        }
        let entries: Vec<Entry> = response.json().await.map_err(|_| CatalogueError::Offline)?;
        let index = Rc::new(Index::new(entries));
        INDEX.with(|cell| *cell.borrow_mut() = Some(index.clone()));
        Ok(index)
    }
}
