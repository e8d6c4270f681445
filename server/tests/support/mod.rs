//! What the HTTP tests share: the whole router over a scratch database (SQLite, or PostgreSQL when
//! `MOTCUA_TEST_POSTGRES` is set), and one request.

#![allow(dead_code)]

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use server::blobs::FileStore;
use server::db::Database;
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

/// The database a test runs against, as the server sees it (it derefs to [`Database`]), with what
/// a test needs to look inside: SQLite in the scratch directory by default; PostgreSQL when
/// `MOTCUA_TEST_POSTGRES` holds the URL of a server (`make test` starts one and runs the suite
/// again), each test in a schema of its own.
#[derive(Clone)]
pub struct TestDb {
    pub db: Arc<dyn Database>,
    pub files: Arc<dyn FileStore>,
    raw: Raw,
    url: String,
    dir: std::path::PathBuf,
}

#[derive(Clone)]
enum Raw {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

impl std::ops::Deref for TestDb {
    type Target = dyn Database;
    fn deref(&self) -> &Self::Target {
        &*self.db
    }
}

/// A value both backends decode.
pub trait Value:
    for<'r> sqlx::Decode<'r, sqlx::Sqlite>
    + sqlx::Type<sqlx::Sqlite>
    + for<'r> sqlx::Decode<'r, sqlx::Postgres>
    + sqlx::Type<sqlx::Postgres>
    + Send
    + Unpin
{
}
impl<T> Value for T where
    T: for<'r> sqlx::Decode<'r, sqlx::Sqlite>
        + sqlx::Type<sqlx::Sqlite>
        + for<'r> sqlx::Decode<'r, sqlx::Postgres>
        + sqlx::Type<sqlx::Postgres>
        + Send
        + Unpin
{
}

impl TestDb {
    /// Opens a fresh database under `dir` (SQLite), or in a new schema (PostgreSQL).
    pub async fn fresh(dir: &std::path::Path) -> TestDb {
        TestDb::open(&TestDb::fresh_url(dir).await, dir).await
    }

    /// The URL of a database no server opened yet: a file under `dir` (SQLite), or a new empty
    /// schema (PostgreSQL).
    pub async fn fresh_url(dir: &std::path::Path) -> String {
        match std::env::var("MOTCUA_TEST_POSTGRES") {
            Ok(server) if !server.is_empty() => {
                let schema = format!("test_{}", key().replace('-', ""));
                let admin = sqlx::PgPool::connect(&server).await.unwrap();
                sqlx::query(&format!("CREATE SCHEMA {schema}"))
                    .execute(&admin)
                    .await
                    .unwrap();
                admin.close().await;
                format!("{server}?options=-c%20search_path%3D{schema}")
            }
            _ => format!("sqlite://{}/data/motcua.sqlite3", dir.display()),
        }
    }

    /// Opens the database at `url` again, as another server would.
    pub async fn open(url: &str, dir: &std::path::Path) -> TestDb {
        let backend = server::db::open(url, dir).await.unwrap();
        let raw = if url.starts_with("sqlite") {
            Raw::Sqlite(sqlx::SqlitePool::connect(url).await.unwrap())
        } else {
            Raw::Postgres(sqlx::PgPool::connect(url).await.unwrap())
        };
        TestDb {
            db: backend.db,
            files: backend.files,
            raw,
            url: url.to_string(),
            dir: dir.to_path_buf(),
        }
    }

    /// This database, opened by one more server (another pool).
    pub async fn another_server(&self) -> TestDb {
        TestDb::open(&self.url, &self.dir).await
    }

    pub fn postgres(&self) -> bool {
        matches!(self.raw, Raw::Postgres(_))
    }

    /// The one value `sql` selects, with `binds` as `$1`, `$2`…
    pub async fn one<T: Value>(&self, sql: &str, binds: &[&str]) -> T {
        match &self.raw {
            Raw::Sqlite(pool) => {
                let mut query = sqlx::query_scalar(sql);
                for bind in binds {
                    query = query.bind(*bind);
                }
                query.fetch_one(pool).await.unwrap()
            }
            Raw::Postgres(pool) => {
                let mut query = sqlx::query_scalar(sql);
                for bind in binds {
                    query = query.bind(*bind);
                }
                query.fetch_one(pool).await.unwrap()
            }
        }
    }

    /// Runs `sql` with `binds` as `$1`, `$2`…; the rows it changed.
    pub async fn execute(&self, sql: &str, binds: &[&str]) -> u64 {
        match &self.raw {
            Raw::Sqlite(pool) => {
                let mut query = sqlx::query(sql);
                for bind in binds {
                    query = query.bind(*bind);
                }
                query.execute(pool).await.unwrap().rows_affected()
            }
            Raw::Postgres(pool) => {
                let mut query = sqlx::query(sql);
                for bind in binds {
                    query = query.bind(*bind);
                }
                query.execute(pool).await.unwrap().rows_affected()
            }
        }
    }

    /// Rows in `table`.
    pub async fn count(&self, table: &str) -> i64 {
        self.one(&format!("SELECT COUNT(*) FROM {table}"), &[])
            .await
    }

    /// The attachment bytes kept: their SHA-256 and size (files on disk, or rows in PostgreSQL).
    pub async fn kept(&self) -> Vec<(String, u64)> {
        if let Raw::Postgres(pool) = &self.raw {
            let rows: Vec<(String, i64)> =
                sqlx::query_as("SELECT sha256, length(bytes)::BIGINT FROM blobs")
                    .fetch_all(pool)
                    .await
                    .unwrap();
            return rows.into_iter().map(|(s, n)| (s, n as u64)).collect();
        }
        let mut out = Vec::new();
        let mut dirs = vec![self.dir.join("files")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    // Bytes being written (or left half-written by a crash) are not kept.
                    if !path.ends_with("tmp") {
                        dirs.push(path);
                    }
                } else {
                    let name = path.file_name().unwrap().to_string_lossy().into_owned();
                    out.push((name, std::fs::metadata(&path).unwrap().len()));
                }
            }
        }
        out
    }

    /// Makes the kept bytes `sha256` look last sent at `at`.
    pub async fn kept_since(&self, sha256: &str, at: std::time::SystemTime) {
        match &self.raw {
            Raw::Postgres(pool) => {
                let millis = at
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_millis() as i64;
                sqlx::query("UPDATE blobs SET kept_at = $1 WHERE sha256 = $2")
                    .bind(millis)
                    .bind(sha256)
                    .execute(pool)
                    .await
                    .unwrap();
            }
            Raw::Sqlite(_) => {
                let path = server::blobs::DiskBlobs::open(&self.dir.join("files"))
                    .unwrap()
                    .path_of(sha256)
                    .unwrap();
                std::fs::File::options()
                    .write(true)
                    .open(&path)
                    .unwrap()
                    .set_modified(at)
                    .unwrap();
            }
        }
    }

    /// Moves the desk's sessions' expiry by `minutes` (negative: sooner).
    pub async fn move_sessions(&self, minutes: i64) {
        let sql = if self.postgres() {
            format!(
                "UPDATE staff_sessions SET expiry_date = expiry_date + interval '{minutes} minutes'"
            )
        } else {
            format!(
                "UPDATE staff_sessions SET expiry_date = \
                 strftime('%Y-%m-%dT%H:%M:%fZ', expiry_date, '{minutes} minutes')"
            )
        };
        self.execute(&sql, &[]).await;
    }

    /// When the latest desk session expires (seconds since 1970).
    pub async fn sessions_end(&self) -> i64 {
        let sql = if self.postgres() {
            "SELECT CAST(EXTRACT(EPOCH FROM MAX(expiry_date)) AS BIGINT) FROM staff_sessions"
        } else {
            "SELECT CAST(MAX(unixepoch(expiry_date)) AS INTEGER) FROM staff_sessions"
        };
        self.one(sql, &[]).await
    }
}

/// A scratch directory with a fresh migrated database ([`TestDb`]), an empty site and a file
/// store, and the state over them.
pub async fn scratch() -> (tempfile::TempDir, TestDb, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::fresh(dir.path()).await;
    let site = dir.path().join("site");
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    let state = state(&db, &site);
    (dir, db, state)
}

/// The state of a server over `db`, serving `site`.
pub fn state(db: &TestDb, site: &std::path::Path) -> AppState {
    AppState {
        leptos_options: web::leptos_options(site, "127.0.0.1:0".parse().unwrap()),
        db: db.db.clone(),
        blobs: db.files.clone(),
        secure_cookies: false,
        client_ip_source: axum_client_ip::ClientIpSource::ConnectInfo,
        rates: app::limits::Rates::default(),
        // As in service (`MOTCUA_PAGE_CACHE_MB` unset).
        page_cache: Some(std::sync::Arc::new(web::page_cache::PageCache::new(
            server::config::PAGE_CACHE_MB << 20,
        ))),
    }
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
