//! The help desk's HTTP pieces that are not pages or server functions: the session layer (the
//! cookie's settings), the same-origin check on every desk request that changes something, and
//! the download of a dossier's files for the officers of its ward.

use super::AppState;
use app::api::store::DeskStore;
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use tower_sessions::cookie::SameSite;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::Result as StoreResult;
use tower_sessions::{Expiry, Session, SessionManagerLayer, SessionStore};

/// The session cookie's name.
pub const COOKIE: &str = "motcua_desk";
/// A session ends after this long without a request (a desk computer left alone signs out).
pub const IDLE_MINUTES: i64 = 60;

/// Any backend's session store behind one type (the layer wants one concrete, cloneable store).
#[derive(Clone, Debug)]
pub struct SharedStore(pub Arc<dyn SessionStore>);

#[async_trait::async_trait]
impl SessionStore for SharedStore {
    async fn create(&self, record: &mut Record) -> StoreResult<()> {
        self.0.create(record).await
    }
    async fn save(&self, record: &Record) -> StoreResult<()> {
        self.0.save(record).await
    }
    async fn load(&self, id: &Id) -> StoreResult<Option<Record>> {
        self.0.load(id).await
    }
    async fn delete(&self, id: &Id) -> StoreResult<()> {
        self.0.delete(id).await
    }
}

/// Sessions: HttpOnly, SameSite=Strict, Secure unless the server is only reachable on this
/// machine (plain `http://127.0.0.1` during development and tests), ended after
/// [`IDLE_MINUTES`] idle.
pub fn session_layer(store: SharedStore, secure: bool) -> SessionManagerLayer<SharedStore> {
    SessionManagerLayer::new(store)
        .with_name(COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(
            tower_sessions::cookie::time::Duration::minutes(IDLE_MINUTES),
        ))
}

/// Refuses a desk request that changes something (`POST`) when the browser says it comes from
/// another site: its `Origin` (or, without one, its `Referer`) must name this server's host.
/// Together with SameSite=Strict and the session's CSRF token this stops cross-site requests.
pub async fn same_origin(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    // The desk's calls, and the browser-failure reports (another site must not spend their
    // budget or inflate their count).
    let guarded = (path.starts_with("/api/desk/") || path == "/api/browser-failures")
        && request.method() == Method::POST;
    // The sign-in form sent without the app carries no CSRF token (there is no session yet):
    // the browser's `Origin` is its only guard, and every browser sends one with a form POST.
    let named = path == "/api/desk/sign-in-form";
    if guarded && (!from_this_site(&request) || (named && !names_a_source(&request))) {
        tracing::warn!(path, "request from another site refused");
        return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
    }
    next.run(request).await
}

fn names_a_source(request: &Request) -> bool {
    let headers = request.headers();
    headers.contains_key(header::ORIGIN) || headers.contains_key(header::REFERER)
}

fn from_this_site(request: &Request) -> bool {
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    match source {
        // Requests without either (scripts and tests on the server itself, old browsers) rely
        // on the CSRF token and SameSite alone.
        None => true,
        Some(source) => source
            .split_once("://")
            .is_some_and(|(_, rest)| Some(rest.split('/').next().unwrap_or("")) == host),
    }
}

#[derive(serde::Deserialize)]
pub struct FileQuery {
    download: Option<String>,
}

/// `GET /desk/files/{code}/{attachment}`: a file of a dossier, for a signed-in officer of its
/// ward; anyone else gets 404. Never cached (a shared desk computer keeps nothing).
pub async fn file(
    State(state): State<AppState>,
    session: Session,
    Path((code, attachment)): Path<(String, String)>,
    Query(query): Query<FileQuery>,
) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "not found").into_response();
    let unavailable = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "desk file");
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable").into_response()
    };
    let username: Option<String> = match session.get(app::desk::api::session::STAFF_KEY).await {
        Ok(name) => name,
        Err(error) => return unavailable(&error),
    };
    let Some(username) = username else {
        return not_found();
    };
    let store: &dyn DeskStore = &*state.db;
    let account = match store.account(&username).await {
        Ok(Some(account)) if !account.disabled => account,
        Ok(_) => return not_found(),
        Err(error) => return unavailable(&error),
    };
    let (office, file, sha256) = match store.desk_file(&code, &attachment).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(),
        Err(error) => return unavailable(&error),
    };
    if !account.staff.may_handle(office) {
        return not_found();
    }
    let bytes = match state.blobs.get(&sha256).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return not_found(),
        Err(error) => return unavailable(&error),
    };
    let disposition = if query.download.is_some() {
        "attachment"
    } else {
        "inline"
    };
    // The file's own name, made safe for the header (RFC 6266's ASCII fallback).
    let ascii: String = file
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    if let Ok(mime) = HeaderValue::from_str(&file.mime) {
        headers.insert(header::CONTENT_TYPE, mime);
    }
    if let Ok(value) = HeaderValue::from_str(&format!("{disposition}; filename=\"{ascii}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `GET /desk/handoff-files/{code}/{attachment}`: a photo a resident shared with a hand-off
/// code, for the officer who opened that code, while the code is valid; 404 for anyone else.
pub async fn handoff_file(
    State(state): State<AppState>,
    session: Session,
    Path((code, attachment)): Path<(String, String)>,
) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "not found").into_response();
    let username: Option<String> = session
        .get(app::desk::api::session::STAFF_KEY)
        .await
        .unwrap_or(None);
    let Some(username) = username else {
        return not_found();
    };
    let store: &dyn DeskStore = &*state.db;
    let file = match store.handoff_file(&code, &attachment).await {
        Ok(Some(file)) => file,
        Ok(None) => return not_found(),
        Err(error) => {
            tracing::error!(%error, "hand-off file");
            return (StatusCode::SERVICE_UNAVAILABLE, "unavailable").into_response();
        }
    };
    let now = app::api::store::now_millis();
    if file.used_by.as_deref() != Some(username.as_str())
        || !app::dossier::handoff::is_valid(file.created_at, now)
    {
        return not_found();
    }
    match state.blobs.get(&file.sha256).await {
        Ok(Some(bytes)) => {
            let mut response = Response::new(Body::from(bytes));
            let headers = response.headers_mut();
            if let Ok(mime) = HeaderValue::from_str(&file.mime) {
                headers.insert(header::CONTENT_TYPE, mime);
            }
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        _ => not_found(),
    }
}
