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
        secure_cookies: false,
        client_ip_source: axum_client_ip::ClientIpSource::ConnectInfo,
        rates: app::limits::Rates::default(),
    };
    (dir, db, state)
}

/// What a build puts in `site` that pages name: the icon, the repository's own worker, a bundle.
pub fn built_site(site: &std::path::Path) {
    std::fs::write(
        site.join("favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/../public/sw.js"),
        site.join("sw.js"),
    )
    .unwrap();
    std::fs::write(site.join("pkg/motcua.abc123.wasm"), b"\0asm").unwrap();
    std::fs::write(site.join("pkg/motcua.def456.js"), b"export default 1;").unwrap();
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

/// A fresh idempotency key.
pub fn key() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).unwrap();
    app::dossier::model::uuid_from(bytes)
}

/// Today in Hà Nội.
pub fn today() -> app::eligibility::date::Date {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    app::eligibility::date::Date::in_hanoi(now)
}

/// A complete birth registration for a baby born ten days ago, every paper ticked.
pub fn birth_draft() -> app::dossier::model::Draft {
    app::dossier::example::birth_draft(key(), today().add_days(-10))
}

/// A JPEG as far as its first bytes tell.
pub fn jpeg(size: usize) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    bytes.resize(size, 7);
    bytes
}

/// The upload server function's request: one file for `attachment` under `key`.
pub fn upload_request(key: &str, attachment: &str, mime: &str, bytes: &[u8]) -> Request<Body> {
    let boundary = "XyZmotcuaBoundary";
    let mut body = Vec::new();
    for (name, value) in [("key", key), ("attachment", attachment), ("mime", mime)] {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\nContent-Type: {mime}\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    Request::post("/api/dossiers/attachment")
        .header(
            axum::http::header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(axum::http::header::ACCEPT, "application/json")
        .body(Body::from(body))
        .unwrap()
}

/// A server function's JSON answer: its value, or its error.
pub fn answer<T: serde::de::DeserializeOwned, E: serde::de::DeserializeOwned>(
    status: StatusCode,
    body: &[u8],
) -> Result<T, E> {
    if status.is_success() {
        Ok(serde_json::from_slice(body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(body))))
    } else {
        Err(serde_json::from_slice(body)
            .unwrap_or_else(|e| panic!("{status} {e}: {}", String::from_utf8_lossy(body))))
    }
}

/// A `<form>` of a rendered page: its method (lower case, `get` when unsaid), its action (the
/// page itself when unsaid) and the names of its fields.
#[derive(Debug)]
pub struct HtmlForm {
    pub method: String,
    pub action: Option<String>,
    pub names: Vec<String>,
}

/// The forms of `html`, read with plain string search (the server writes them one way).
pub fn forms(html: &str) -> Vec<HtmlForm> {
    fn attribute(tag: &str, name: &str) -> Option<String> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = tag[start..].find('"')? + start;
        Some(tag[start..end].to_string())
    }
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<form") {
        let after = &rest[start..];
        let end = after.find("</form>").unwrap_or(after.len());
        let form = &after[..end];
        let tag = &form[..form.find('>').unwrap_or(form.len())];
        let mut names = Vec::new();
        for field in ["<input", "<select", "<textarea", "<button"] {
            let mut inner = form;
            while let Some(at) = inner.find(field) {
                let element = &inner[at..];
                let close = element.find('>').unwrap_or(element.len());
                if let Some(name) = attribute(&element[..close], "name") {
                    names.push(name);
                }
                inner = &element[close..];
            }
        }
        found.push(HtmlForm {
            method: attribute(tag, "method")
                .unwrap_or_else(|| "get".into())
                .to_lowercase(),
            action: attribute(tag, "action"),
            names,
        });
        rest = &after[end..];
    }
    found
}

/// A plain HTML form's `POST` of `fields` to `path`, as a browser sends it without JavaScript.
pub fn form_post(path: &str, fields: &[(&str, &str)]) -> Request<Body> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    Request::post(path)
        .header(
            axum::http::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(Body::from(body))
        .unwrap()
}
