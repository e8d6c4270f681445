//! The procedure catalogue: data model, text folding and search. Plain Rust, compiled into the
//! server and the wasm alike so both find the same procedures. Where a page gets the data: on the
//! server from [`store::Catalogue::embedded`], in the browser through `device::catalogue`.

use serde::{Deserialize, Serialize};

pub mod format;
pub mod listing;
pub mod model;
pub mod sample_queries;
pub mod search;
pub mod store;
pub mod text;
pub mod wards;

/// Why a procedure's record or the search index could not be had.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CatalogueError {
    /// The browser has no copy yet and cannot reach the server.
    #[error("the catalogue cannot be reached")]
    Offline,
    #[error("no such procedure")]
    NotFound,
    /// The request named no procedure, or could not be read (a tampered address).
    #[error("bad request")]
    BadRequest,
}

impl CatalogueError {
    /// The HTTP status the server answers with.
    pub fn status(&self) -> u16 {
        match self {
            CatalogueError::BadRequest => 400,
            CatalogueError::NotFound => 404,
            CatalogueError::Offline => 503,
        }
    }
}

#[cfg(test)]
mod data_test;
#[cfg(test)]
mod queries_test;
