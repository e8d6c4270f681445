//! `GET /healthz`: 200 when the server can read its database, 503 otherwise.

use crate::db::Database;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::sync::Arc;

#[derive(Serialize)]
struct Health {
    status: &'static str,
    database: DatabaseStatus,
    catalogue: CatalogueStatus,
    /// Pages that failed in a browser (a panic or a trap in the wasm), as reported by them.
    #[serde(skip_serializing_if = "Option::is_none")]
    browser_failures: Option<i64>,
    /// The public pages kept rendered: count, bytes, hits and misses since start.
    #[serde(skip_serializing_if = "Option::is_none")]
    page_cache: Option<super::page_cache::Stats>,
}

/// Which catalogue this server holds: the version names the search index's URL.
#[derive(Serialize)]
struct CatalogueStatus {
    version: &'static str,
    procedures: usize,
    index: String,
}

fn catalogue() -> CatalogueStatus {
    use app::catalogue::store::{Catalogue, VERSION, index_path};
    CatalogueStatus {
        version: VERSION,
        procedures: Catalogue::embedded().procedures().len(),
        index: index_path(),
    }
}

#[derive(Serialize)]
struct DatabaseStatus {
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    backend: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    schema_version: Option<i64>,
    /// Dossiers stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    dossiers: Option<i64>,
}

pub async fn healthz(State(state): State<super::AppState>) -> Response {
    let db: &Arc<dyn Database> = &state.db;
    let page_cache = state.page_cache.as_ref().map(|cache| cache.stats());
    match db.health().await {
        Ok(health) => Json(Health {
            status: "ok",
            database: DatabaseStatus {
                status: "ok",
                backend: Some(health.backend),
                schema_version: Some(health.schema_version),
                dossiers: db.dossier_count().await.ok(),
            },
            catalogue: catalogue(),
            browser_failures: db.browser_failures().await.ok(),
            page_cache,
        })
        .into_response(),
        Err(error) => {
            // The reason goes to the log; the answer says only that the database is down.
            tracing::error!(%error, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Health {
                    status: "unavailable",
                    database: DatabaseStatus {
                        status: "unavailable",
                        backend: None,
                        schema_version: None,
                        dossiers: None,
                    },
                    catalogue: catalogue(),
                    browser_failures: None,
                    page_cache,
                }),
            )
                .into_response()
        }
    }
}
