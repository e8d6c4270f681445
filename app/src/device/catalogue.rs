//! The catalogue in the browser: the search index, fetched once when first needed (compressed,
//! at an address that changes with the catalogue, kept by the service worker for offline use),
//! and procedures' records from the `get_procedure` server function (kept by the service worker
//! too), the most recent ones also in memory.

use crate::catalogue::CatalogueError;
use crate::catalogue::model::Procedure;
use crate::catalogue::search::{Entry, Index};
use crate::catalogue::store::index_path;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use std::cell::RefCell;
use std::rc::Rc;

type Loading = Shared<LocalBoxFuture<'static, Result<Rc<Index>, CatalogueError>>>;

thread_local! {
    /// The index, or its download under way (every keystroke while it downloads waits for the
    /// same one).
    static INDEX: RefCell<Option<Loading>> = const { RefCell::new(None) };
    static PROCEDURES: RefCell<Vec<Procedure>> = const { RefCell::new(Vec::new()) };
}

/// How many records stay in memory (the most recent).
const REMEMBERED: usize = 16;

/// The search index (downloaded on first use, then kept in memory; a failed download is tried
/// again next time).
pub async fn index() -> Result<Rc<Index>, CatalogueError> {
    let loading = INDEX.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| download().boxed_local().shared())
            .clone()
    });
    let result = loading.await;
    if result.is_err() {
        INDEX.with(|cell| *cell.borrow_mut() = None);
    }
    result
}

async fn download() -> Result<Rc<Index>, CatalogueError> {
    let response = gloo_net::http::Request::get(&index_path())
        .send()
        .await
        .map_err(|_| CatalogueError::Offline)?;
    if !response.ok() {
        return Err(CatalogueError::Offline);
    }
    let entries: Vec<Entry> = response.json().await.map_err(|_| CatalogueError::Offline)?;
    Ok(Rc::new(Index::new(entries)))
}

/// Starts downloading the index in the background, so that typing finds it ready.
pub fn preload() {
    leptos::task::spawn_local(async {
        let _ = index().await;
    });
}

/// A procedure's definition (rules, form). (Pages ask for it once: no copy in memory.)
pub async fn definition(code: String) -> Result<crate::definition::Definition, CatalogueError> {
    crate::api::get_definition::get_definition(code).await
}

/// A procedure's dossier form alone (without the rules, which the form's pages do not need).
pub async fn form(code: String) -> Result<crate::definition::Form, CatalogueError> {
    crate::api::get_form::get_form(code).await
}

/// One procedure's full record.
pub async fn procedure(code: String) -> Result<Procedure, CatalogueError> {
    if let Some(procedure) =
        PROCEDURES.with(|cell| cell.borrow().iter().find(|p| p.code == code).cloned())
    {
        return Ok(procedure);
    }
    let procedure = crate::api::get_procedure::get_procedure(code).await?;
    PROCEDURES.with(|cell| {
        let mut list = cell.borrow_mut();
        list.retain(|p| p.code != procedure.code);
        list.push(procedure.clone());
        if list.len() > REMEMBERED {
            list.remove(0);
        }
    });
    Ok(procedure)
}
