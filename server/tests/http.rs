//! The server's router against a real SQLite file in a scratch directory.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use server::db::{Database, SqliteDatabase};

mod support;

struct Fixture {
    _dir: tempfile::TempDir,
    db: support::TestDb,
    router: Router,
}

async fn fixture() -> Fixture {
    let (dir, db, state) = support::scratch().await;
    support::built_site(&dir.path().join("site"));
    Fixture {
        _dir: dir,
        db,
        router: support::build(state).await,
    }
}

async fn get(router: &Router, uri: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    send(router, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn send(
    router: &Router,
    request: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let (status, headers, body) = support::send(router, request).await;
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn healthz_reads_the_migrated_database() {
    let f = fixture().await;
    let (status, headers, body) = get(&f.router, "/healthz").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["status"], "ok");
    let backend = if f.db.postgres() {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(json["database"]["backend"], backend);
    assert!(json["database"]["schema_version"].as_i64().unwrap() >= 20261124000001);
    assert_eq!(json["catalogue"]["procedures"], 1120);
    assert_eq!(json["catalogue"]["version"], app::catalogue::store::VERSION);
}

#[tokio::test]
async fn healthz_says_unavailable_without_leaking_the_reason() {
    let f = fixture().await;
    f.db.close().await;
    let (status, _, body) = get(&f.router, "/healthz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["status"], "unavailable");
    assert!(!body.to_lowercase().contains("pool"), "{body}");
}

#[tokio::test]
async fn a_second_server_on_the_same_database_migrates_nothing_twice_and_sees_its_data() {
    let f = fixture().await;
    let before = f.db.health().await.unwrap();
    let second = f.db.another_server().await;
    let after = second.health().await.unwrap();
    assert_eq!(after, before);
    assert_eq!(
        second.count("_sqlx_migrations").await,
        f.db.count("_sqlx_migrations").await
    );
}

/// Servers started at the same moment on a new PostgreSQL database (as an orchestrator starts
/// them) apply each migration once and all start. (One server per SQLite file: nothing to race.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn servers_started_at_once_on_postgresql_migrate_once() {
    let dir = tempfile::tempdir().unwrap();
    let url = support::TestDb::fresh_url(dir.path()).await;
    if url.starts_with("sqlite") {
        return;
    }
    let started =
        futures::future::join_all((0..4).map(|_| server::db::PostgresDatabase::connect(&url)))
            .await;
    let servers: Vec<_> = started.into_iter().map(Result::unwrap).collect();
    let health: Vec<_> = futures::future::join_all(servers.iter().map(|s| s.health())).await;
    assert!(
        health
            .iter()
            .all(|h| h.as_ref().unwrap() == health[0].as_ref().unwrap())
    );
    let migrations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(servers[0].pool())
        .await
        .unwrap();
    let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/postgres"))
        .unwrap()
        .count();
    assert_eq!(migrations, files as i64);
}

/// SQLite's own settings (PostgreSQL's durability is its `synchronous_commit`, set on connect).
#[tokio::test]
async fn the_database_is_created_in_wal_mode_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}/nested/dir/motcua.sqlite3",
        dir.path().display()
    );
    let first = SqliteDatabase::connect(&url).await.unwrap();
    let created = first.health().await.unwrap().created_at;
    let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode")
        .fetch_one(first.pool())
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let (sync,): (i64,) = sqlx::query_as("PRAGMA synchronous")
        .fetch_one(first.pool())
        .await
        .unwrap();
    assert_eq!(sync, 2, "synchronous=FULL");
    first.close().await;

    // Starting again on the same file migrates nothing twice and keeps the data.
    let second = SqliteDatabase::connect(&url).await.unwrap();
    assert_eq!(second.health().await.unwrap().created_at, created);
}

#[tokio::test]
async fn a_database_that_cannot_be_opened_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a directory").unwrap();
    let url = format!("sqlite://{}/db.sqlite3", blocker.display());
    let error = SqliteDatabase::connect(&url)
        .await
        .err()
        .expect("must fail");
    assert!(
        error.to_string().starts_with("cannot open the database"),
        "{error}"
    );
}

#[tokio::test]
async fn pages_render_on_the_server_in_vietnamese_with_their_policy() {
    let f = fixture().await;
    let (status, headers, body) = get(&f.router, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html_tag(&body).contains(" lang=\"vi\""), "{body}");
    assert!(body.contains("Làm thủ tục ở xã, phường"), "{body}");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    // The home page is kept (tests/page_cache.rs: allowed by hashes); a page rendered for each
    // request allows its inline scripts by a nonce of its own.
    let (status, headers, body) = get(&f.router, "/dossiers").await;
    assert_eq!(status, StatusCode::OK);
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert!(body.contains(&format!("nonce=\"{nonce}\"")));
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(headers[header::CACHE_CONTROL], "private, no-cache");
}

/// Every page renders, again and again: state a page keeps for its whole life in the browser
/// (the device's) must not outlive a request on the server, where each request's signals live in
/// an arena of their own. (Several worker threads, as in the server, each serving requests in turn.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_renders_on_every_request() {
    let f = fixture().await;
    let pages = [
        "/",
        "/procedures",
        "/procedures?q=khai+sinh",
        "/procedures/1.001193",
        "/procedures/1.001193/check",
        "/dossiers",
        "/dossiers/draft",
        "/dossiers/draft/applicant",
        "/dossiers/draft/review",
        "/dossiers/draft/receipt",
        "/people",
        "/track",
        "/handoff",
        "/help",
        "/settings",
        "/offline",
        "/desk/login",
    ];
    for round in 0..3 {
        for page in pages {
            let (status, _, body) = get(&f.router, page).await;
            assert_eq!(status, StatusCode::OK, "{page}, round {round}: {body}");
        }
    }
}

#[tokio::test]
async fn the_language_cookie_chooses_english() {
    let f = fixture().await;
    let request = Request::get("/help")
        .header(header::COOKIE, "i18n_pref_locale=en")
        .body(Body::empty())
        .unwrap();
    let (_, _, body) = send(&f.router, request).await;
    assert!(html_tag(&body).contains(" lang=\"en\""), "{body}");
    assert!(body.contains("<h1>Help</h1>"), "{body}");
}

#[tokio::test]
async fn unknown_addresses_get_the_404_page() {
    let f = fixture().await;
    let (status, _, body) = get(&f.router, "/khong/co/trang/nay").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Không tìm thấy trang"), "{body}");
    let (status, headers, _) = get(&f.router, "/pkg/missing.wasm").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A missing asset must not be remembered as if it were a year-long immutable file.
    assert!(
        !headers[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
}

#[tokio::test]
async fn public_files_are_served_with_a_short_cache() {
    let f = fixture().await;
    let (status, headers, body) = get(&f.router, "/favicon.svg").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.starts_with("<svg"));
    assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=3600");
    assert!(headers.contains_key(header::CONTENT_SECURITY_POLICY));
}

#[tokio::test]
async fn the_service_worker_is_served_with_its_version_and_precache_list() {
    let f = fixture().await;
    let (status, headers, body) = get(&f.router, "/sw.js").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    // Browsers check the worker on every visit; nothing in between may keep an old one.
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    assert!(!body.contains("__MOTCUA"), "every placeholder is filled in");
    let version = body
        .split("const VERSION = \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    assert_eq!(version.len(), 16, "{version}");
    assert!(
        body.contains("\"/pkg/motcua.abc123.wasm\"") && body.contains("\"/pkg/motcua.def456.js\""),
        "the offline kit is precached"
    );
    assert!(
        body.contains("\"/dossiers/draft\""),
        "the dossier shell is precached"
    );
    assert!(
        body.contains("motcua-shell-${VERSION}"),
        "caches are named after the version"
    );
    // The page shells it precaches render.
    for page in [
        "/dossiers",
        "/dossiers/draft",
        "/dossiers/draft/section",
        "/dossiers/draft/receipt",
        "/people",
        "/offline",
    ] {
        let (status, _, body) = get(&f.router, page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(body.contains("<main"), "{page}");
    }
}

#[tokio::test]
async fn switching_language_sets_the_cookie_and_returns_to_the_page() {
    let f = fixture().await;
    let (status, headers, _) = get(&f.router, "/language/en?next=/help%3Fx%3D1").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], "/help?x=1");
    let cookie = headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("i18n_pref_locale=en;"), "{cookie}");

    // Bad or hostile input never errors and never leaves the site.
    for uri in [
        "/language/en?next=https://evil.example",
        "/language/en?next=%2F%2Fevil.example",
        "/language/en?next=%ZZ",
        "/language/en",
    ] {
        let (status, headers, _) = get(&f.router, uri).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{uri}");
        assert_eq!(headers[header::LOCATION], "/", "{uri}");
    }
}

#[tokio::test]
async fn display_settings_set_the_cookie_and_return_to_the_page() {
    let f = fixture().await;
    let (status, headers, _) = get(
        &f.router,
        "/settings/apply?text=200&contrast=on&simple=on&next=%2Fprocedures%3Fq%3Dkhai+sinh",
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], "/procedures?q=khai%20sinh");
    let cookie = headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with("motcua_display=text-200.contrast.simple;"),
        "{cookie}"
    );

    // Nothing ticked: back to the defaults. Hostile or damaged input goes home, never errors.
    let (_, headers, _) = get(&f.router, "/settings/apply?text=100&next=/help").await;
    assert!(
        headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .starts_with("motcua_display=normal;")
    );
    for uri in [
        "/settings/apply?next=https://evil.example",
        "/settings/apply?text=%ZZ&next=//evil.example",
        "/settings/apply",
    ] {
        let (status, headers, _) = get(&f.router, uri).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{uri}");
        assert_eq!(headers[header::LOCATION], "/", "{uri}");
    }
}

#[tokio::test]
async fn the_display_cookie_is_on_the_first_html() {
    let f = fixture().await;
    let request = Request::get("/procedures")
        .header(
            header::COOKIE,
            "i18n_pref_locale=vi; motcua_display=text-150.contrast.speak.assist",
        )
        .body(Body::empty())
        .unwrap();
    let (_, _, body) = send(&f.router, request).await;
    let tag = html_tag(&body);
    for attribute in [
        "data-text=\"150\"",
        "data-contrast",
        "data-speak",
        "data-assist",
    ] {
        assert!(tag.contains(attribute), "{attribute} missing in {tag}");
    }
    assert!(!tag.contains("data-simple"), "{tag}");
    // Without the cookie, normal text and no modes.
    let (_, _, body) = get(&f.router, "/procedures").await;
    let tag = html_tag(&body);
    assert!(tag.contains("data-text=\"100\""), "{tag}");
    assert!(!tag.contains("data-contrast"), "{tag}");
}

/// The opening `<html …>` tag of a page.
fn html_tag(body: &str) -> &str {
    let html = &body[body.find("<html").expect("an html element")..];
    &html[..html.find('>').expect("a whole tag")]
}

fn failure_report(route: &str) -> Request<Body> {
    let body = serde_json::json!({
        "message": "panicked at reactive_graph: value already disposed",
        "route": route,
        "build": "/pkg/review.abc.js",
    });
    Request::post("/api/browser-failures")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

#[tokio::test]
async fn a_page_that_failed_in_a_browser_is_counted_and_bad_reports_are_400() {
    let f = fixture().await;
    let (status, _, body) = send(
        &f.router,
        failure_report("/dossiers/3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b/review?x=1"),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (_, _, health) = get(&f.router, "/healthz").await;
    let json: serde_json::Value = serde_json::from_str(&health).unwrap();
    assert_eq!(json["browser_failures"], 1);
    for bad in [
        "not json",
        r#"{"message":"x","route":"https://elsewhere.example/"}"#,
    ] {
        let request = Request::post("/api/browser-failures")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(bad))
            .unwrap();
        let (status, _, _) = send(&f.router, request).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[tokio::test]
async fn failure_reports_come_from_this_site_as_json_and_short() {
    let f = fixture().await;
    let report = |content_type: &str, origin: Option<&str>, body: String| {
        let mut request = Request::post("/api/browser-failures")
            .header(header::CONTENT_TYPE, content_type)
            .header(header::HOST, "127.0.0.1:3000");
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        request.body(Body::from(body)).unwrap()
    };
    let good = r#"{"message":"x","route":"/dossiers","build":"b"}"#.to_string();
    let long = format!(
        r#"{{"message":"{}","route":"/","build":"b"}}"#,
        "x".repeat(100_000)
    );
    for (request, expected) in [
        (
            report("text/plain", None, good.clone()),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            report(
                "application/json",
                Some("https://elsewhere.example"),
                good.clone(),
            ),
            StatusCode::FORBIDDEN,
        ),
        (
            report("application/json", None, long),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            report("application/json", Some("http://127.0.0.1:3000"), good),
            StatusCode::NO_CONTENT,
        ),
    ] {
        let (status, _, body) = send(&f.router, request).await;
        assert_eq!(status, expected, "{body}");
    }
    assert_eq!(f.db.browser_failures().await.unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_limit_on_failure_reports_holds_under_concurrent_reports() {
    let f = fixture().await;
    let reports = (0..150).map(|_| {
        let router = f.router.clone();
        tokio::spawn(async move { send(&router, failure_report("/dossiers")).await.0 })
    });
    let mut taken = 0;
    let mut refused = 0;
    for report in reports.collect::<Vec<_>>() {
        match report.await.unwrap() {
            StatusCode::NO_CONTENT => taken += 1,
            StatusCode::TOO_MANY_REQUESTS => refused += 1,
            other => panic!("unexpected answer {other}"),
        }
    }
    // All 150 within the same minute or across two: never more than the limit per minute.
    assert!((60..=2 * 60).contains(&taken), "taken {taken}");
    assert_eq!(taken + refused, 150);
    assert_eq!(f.db.browser_failures().await.unwrap(), taken);
}
