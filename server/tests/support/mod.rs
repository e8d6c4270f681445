//! What the HTTP tests share: the whole router over a scratch SQLite file, and one request.

#![allow(dead_code)]

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use server::db::SqliteDatabase;
use server::web::{self, AppState};
use std::sync::Arc;
use tokio::sync::RwLock;
use tower::ServiceExt;

/// Generating a router's route list sets a process-wide flag in leptos that leaves any resource
/// first polled meanwhile pending for ever (leptos issue #4773): a page being rendered by one test
/// while another test builds its router would never finish. The server builds its one router
/// before serving; the tests take turns through this gate.
static GATE: RwLock<()> = RwLock::const_new(());

/// The whole router for `state`, built while no page renders.
pub async fn build(state: AppState) -> Router {
    let _building = GATE.write().await;
    web::router(state)
}

/// A scratch directory with a migrated SQLite file, an empty site and a file store, and the
/// state over them.
pub async fn scratch() -> (tempfile::TempDir, Arc<SqliteDatabase>, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/data/motcua.sqlite3", dir.path().display());
    let db = Arc::new(SqliteDatabase::connect(&url).await.unwrap());
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    let state = AppState {
        leptos_options: web::leptos_options(&site, "127.0.0.1:0".parse().unwrap()),
        db: db.clone(),
        blobs: Arc::new(server::blobs::DiskBlobs::open(&dir.path().join("files")).unwrap()),
    };
    (dir, db, state)
}

pub async fn router() -> (tempfile::TempDir, Router) {
    let (dir, _, state) = scratch().await;
    (dir, build(state).await)
}

/// One request, answered in full (the page rendered to its last byte) while no router is built.
pub async fn send(router: &Router, request: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
    let _rendering = GATE.read().await;
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), 8 << 20)
        .await
        .unwrap()
        .to_vec();
    (status, headers, body)
}
