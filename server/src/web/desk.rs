//! The help desk's HTTP pieces that are not pages or server functions: the session layer (the
//! cookie's settings), the same-origin check on every desk request that changes something, and
//! the download of a dossier's files for the officers of its ward.

use super::AppState;
use app::api::store::DeskStore;
use axum::body::Body;
use axum::extract::{Path, Request, State};
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
/// A session ends after this long without use (a desk computer left alone signs out).
pub const IDLE_MINUTES: i64 = app::staff::SESSION_IDLE_MINUTES;

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

/// The desk's plain forms that carry no CSRF token: refused unless they name their source.
const TOKENLESS_FORMS: [&str; 2] = [
    <app::desk::api::sign_in_form::SignInForm as leptos::server_fn::ServerFn>::PATH,
    <app::desk::api::change_password::ChangePassword as leptos::server_fn::ServerFn>::PATH,
];

/// Refuses a desk request that changes something (`POST`) when the browser says it comes from
/// another site: its `Origin` (or, without one, its `Referer`) must name this server's host.
/// Together with SameSite=Strict and the session's CSRF token this stops cross-site requests.
pub async fn same_origin(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    // The desk's calls, every form posted to its page (the desk's, and /track and /handoff,
    // whose lookups spend the address's tries), and the browser-failure reports: another site
    // must not act with the officer's session, spend an address's budget or inflate a count.
    let guarded = (path.starts_with("/api/desk/")
        || !path.starts_with("/api/")
        || path == "/api/browser-failures")
        && request.method() == Method::POST;
    // The forms sent without the app carry no CSRF token (the sign-in has no session yet; the
    // password change re-authenticates): the browser's `Origin` is their guard, and every
    // browser sends one with a form POST.
    let named = TOKENLESS_FORMS.contains(&path);
    if guarded && (!from_this_site(&request) || (named && !names_a_source(&request))) {
        // The route, never the path: a desk page's path holds a tracking code.
        let route = request
            .extensions()
            .get::<axum::extract::MatchedPath>()
            .map_or("(unmatched)", |matched| matched.as_str());
        tracing::warn!(route, "request from another site refused");
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

/// `GET /desk/files/{code}/{attachment}`: a file of a dossier, for a signed-in officer of its
/// ward, as a download ([`resident_file`]); anyone else gets 404.
pub async fn file(
    State(state): State<AppState>,
    session: Session,
    Path((code, attachment)): Path<(String, String)>,
) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "not found").into_response();
    let unavailable = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "desk file");
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable").into_response()
    };
    let account = match signed_in(&state, &session).await {
        Ok(account) => account,
        Err(response) => return response,
    };
    let store: &dyn DeskStore = &*state.db;
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
    resident_file(bytes, &file.mime, &code, &file.document, &attachment)
}

/// `GET /desk/handoff-files/{code}/{attachment}`: a photo a resident shared with a hand-off
/// code, for the officer who opened that code, while the code is valid; 404 for anyone else.
pub async fn handoff_file(
    State(state): State<AppState>,
    session: Session,
    Path((code, attachment)): Path<(String, String)>,
) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "not found").into_response();
    let username = match signed_in(&state, &session).await {
        Ok(account) => account.staff.username,
        Err(response) => return response,
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
        Ok(Some(bytes)) => resident_file(bytes, &file.mime, &code, "handoff", &attachment),
        _ => not_found(),
    }
}

/// The officer signed in on `session`, as their account is now
/// ([`app::desk::api::session::account_of`]: the same rule as the desk's server functions); 404
/// for anyone else, as for a file that is not there.
async fn signed_in(
    state: &AppState,
    session: &Session,
) -> Result<app::api::store::StaffAccount, Response> {
    match app::desk::api::session::account_of(session, &*state.db).await {
        Ok(Some(account)) => Ok(account),
        Ok(None) => Err((StatusCode::NOT_FOUND, "not found").into_response()),
        Err(error) => {
            tracing::error!(%error, "desk file");
            Err((StatusCode::SERVICE_UNAVAILABLE, "unavailable").into_response())
        }
    }
}

/// A file a resident sent, as the desk downloads it: it can never run in the portal. Always a
/// download (`Content-Disposition: attachment`) under a name the server builds
/// ([`app::dossier::attachment::served_name`], the extension from the checked type), of the type
/// checked at upload (else `application/octet-stream`), never sniffed (`nosniff`), and under a
/// policy that sandboxes it with nothing allowed (`sandbox; default-src 'none'`) should a browser
/// show it anyway. Never cached: a shared desk computer keeps nothing.
fn resident_file(
    bytes: Vec<u8>,
    mime: &str,
    reference: &str,
    document: &str,
    attachment: &str,
) -> Response {
    use app::dossier::attachment::{Sent, served_name};
    let (content_type, extension) = match Sent::from_mime(mime) {
        Some(kind) => (kind.mime(), kind.extension()),
        None => ("application/octet-stream", "bin"),
    };
    let name = served_name(reference, document, attachment, extension);
    let mut response = Response::new(Body::from(bytes));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
