//! The cache of rendered public pages (server/src/web/page_cache.rs): a kept page is the page the
//! server renders without the cache (nonce aside), in every encoding, revalidated by its ETag,
//! the same on every server; personal pages are never kept; memory stays within its bound.

use app::catalogue::store::Catalogue;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use base64::Engine;
use server::web::page_cache::{PageCache, Stats};
use sha2::{Digest, Sha256};
use std::sync::Arc;

mod support;

struct Servers {
    _dir: tempfile::TempDir,
    cached: Router,
    cache: Arc<PageCache>,
    uncached: Router,
}

/// Two servers of one build on one database: one keeping pages in `capacity` bytes, one without.
async fn servers(capacity: u64) -> Servers {
    let (dir, db, mut state) = support::scratch().await;
    let site = dir.path().join("site");
    support::built_site(&site);
    let cache = Arc::new(PageCache::new(capacity));
    state.page_cache = Some(cache.clone());
    let cached = support::build(state).await;
    let mut plain = support::state(&db, &site);
    plain.page_cache = None;
    let uncached = support::build(plain).await;
    Servers {
        _dir: dir,
        cached,
        cache,
        uncached,
    }
}

async fn get(
    router: &Router,
    uri: &str,
    headers: &[(header::HeaderName, &str)],
) -> (StatusCode, HeaderMap, Vec<u8>) {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    support::send(router, request.body(Body::empty()).unwrap()).await
}

/// The body as HTML, unpacked from its `Content-Encoding`.
fn html(headers: &HeaderMap, body: &[u8]) -> String {
    let mut plain = Vec::new();
    match headers
        .get(header::CONTENT_ENCODING)
        .map(|v| v.to_str().unwrap())
    {
        Some("br") => brotli::BrotliDecompress(&mut &body[..], &mut plain).unwrap(),
        Some("gzip") => {
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(body), &mut plain)
                .unwrap();
        }
        None => plain = body.to_vec(),
        Some(other) => panic!("unexpected encoding {other}"),
    };
    String::from_utf8(plain).unwrap()
}

/// `html` without its `nonce="…"` attributes, and the nonce they carried.
fn without_nonce(html: &str) -> (String, Option<String>) {
    let mut out = String::new();
    let mut nonce = None;
    let mut rest = html;
    while let Some(at) = rest.find(" nonce=\"") {
        out.push_str(&rest[..at]);
        let value_start = at + " nonce=\"".len();
        let value_end = value_start + rest[value_start..].find('"').unwrap();
        let value = &rest[value_start..value_end];
        assert!(
            nonce.get_or_insert_with(|| value.to_string()) == value,
            "one nonce per page"
        );
        rest = &rest[value_end + 1..];
    }
    out.push_str(rest);
    (out, nonce)
}

/// The hash sources of each inline script of `html`, as the policy must list them.
fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes: Vec<String> = Vec::new();
    for piece in html.split("<script").skip(1) {
        let (attributes, after) = piece.split_once('>').unwrap();
        if attributes.contains("src=") {
            continue;
        }
        let text = after.split("</script>").next().unwrap();
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text));
        if !hashes.contains(&hash) {
            hashes.push(hash);
        }
    }
    hashes
}

/// A sample of every kept route: each kind of page, 12 procedures spread over the catalogue,
/// searches, the check's questions and results with answers.
fn sample() -> Vec<String> {
    let mut pages: Vec<String> = [
        "/",
        "/help",
        "/settings",
        "/offline",
        "/procedures",
        "/procedures?q=khai+sinh",
        "/procedures?q=so+do",
        "/procedures?q=x%C3%A1c+nh%E1%BA%ADn+c%C6%B0+tr%C3%BA",
        "/procedures/1.001193/check",
        "/procedures/1.001193/check?who=child",
        "/procedures/1.001193/check/result?who=child&registered=lost",
        "/procedures/1.000894/check/result?who=self&foreign=no&man_age=19",
        "/procedures/1.014027/check/result?who=relative&relation=child&age=82&citizen=yes&pension=none",
    ]
    .map(String::from)
    .to_vec();
    let procedures = Catalogue::embedded().procedures();
    let step = (procedures.len() / 12).max(1);
    for procedure in procedures.iter().step_by(step) {
        pages.push(format!("/procedures/{}", procedure.code));
        pages.push(format!("/procedures/{}/check", procedure.code));
    }
    pages
}

const VARIANTS: [&str; 4] = [
    "",
    "i18n_pref_locale=en",
    "motcua_display=text-150.contrast",
    "i18n_pref_locale=en; motcua_display=simple.speak",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kept_page_is_the_page_rendered_without_the_cache_nonce_aside() {
    let s = servers(64 << 20).await;
    let mut compared = 0;
    for page in sample() {
        for cookie in VARIANTS {
            let cookie_header = [(header::COOKIE, cookie)];
            let cookies: &[(header::HeaderName, &str)] = if cookie.is_empty() {
                &[]
            } else {
                &cookie_header
            };
            let (status, plain_headers, plain) = get(&s.uncached, &page, cookies).await;
            assert_eq!(status, StatusCode::OK, "{page} {cookie}");
            let (expected, nonce) = without_nonce(&html(&plain_headers, &plain));
            let nonce = nonce.unwrap_or_else(|| panic!("{page}: rendered with a nonce"));
            for encoding in ["br", "gzip", "identity", "br"] {
                let mut headers = cookies.to_vec();
                headers.push((header::ACCEPT_ENCODING, encoding));
                let (status, kept_headers, kept) = get(&s.cached, &page, &headers).await;
                assert_eq!(status, StatusCode::OK, "{page} {cookie} {encoding}");
                let kept = html(&kept_headers, &kept);
                assert_eq!(kept, expected, "{page} {cookie} {encoding}");
                for name in [header::CONTENT_TYPE, header::CACHE_CONTROL] {
                    assert_eq!(kept_headers.get(&name), plain_headers.get(&name), "{name}");
                }
                let vary: Vec<_> = kept_headers
                    .get_all(header::VARY)
                    .iter()
                    .map(|v| v.to_str().unwrap().to_ascii_lowercase())
                    .collect();
                assert!(vary.contains(&"cookie".into()), "{vary:?}");
                assert!(vary.contains(&"accept-encoding".into()), "{vary:?}");
                // The same policy, its inline scripts allowed by hash instead of by nonce.
                let policy = kept_headers[header::CONTENT_SECURITY_POLICY]
                    .to_str()
                    .unwrap();
                let hashes = inline_script_hashes(&kept);
                assert!(!hashes.is_empty(), "{page}: the renderer's inline scripts");
                assert_eq!(
                    policy,
                    app::security::content_security_policy_hashed(&hashes),
                    "{page}"
                );
                assert_eq!(
                    plain_headers[header::CONTENT_SECURITY_POLICY],
                    app::security::content_security_policy(Some(&nonce)).as_str()
                );
                assert!(kept_headers.contains_key(header::ETAG), "{page}");
            }
            compared += 1;
        }
    }
    let stats = s.cache.stats();
    assert_eq!(stats.entries, compared, "{stats:?}");
    assert_eq!(
        stats.misses as usize, compared,
        "each page rendered once: {stats:?}"
    );
    assert_eq!(stats.hits as usize, compared * 3, "{stats:?}");
}

#[tokio::test]
async fn a_kept_page_answers_304_to_its_etag_and_every_server_of_a_build_tags_it_alike() {
    let s = servers(64 << 20).await;
    let page = "/procedures/1.001193";
    let br = [(header::ACCEPT_ENCODING, "gzip, deflate, br, zstd")];
    let (_, first, _) = get(&s.cached, page, &br).await;
    let etag = first[header::ETAG].to_str().unwrap().to_string();
    assert!(etag.starts_with('"') && etag.ends_with("-br\""), "{etag}");

    let (status, headers, body) = get(
        &s.cached,
        page,
        &[
            (header::ACCEPT_ENCODING, "gzip, deflate, br, zstd"),
            (header::IF_NONE_MATCH, &etag),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_eq!(headers[header::ETAG], etag.as_str());
    assert_eq!(headers[header::CACHE_CONTROL], "private, no-cache");

    // Another language is another page: no 304 for the Vietnamese one's tag.
    let (status, english, _) = get(
        &s.cached,
        page,
        &[
            (header::COOKIE, "i18n_pref_locale=en"),
            (header::IF_NONE_MATCH, &etag),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(english[header::ETAG], etag.as_str());

    // A second server of the same build (its own cache, its own nonces) gives the same tag.
    let other = servers(64 << 20).await;
    let (_, again, _) = get(&other.cached, page, &br).await;
    assert_eq!(again[header::ETAG], etag.as_str());
}

#[tokio::test]
async fn personal_pages_and_other_requests_are_never_kept() {
    let s = servers(64 << 20).await;
    for page in [
        "/dossiers",
        "/dossiers/draft",
        "/dossiers/draft/review",
        "/people",
        "/track",
        "/track?code=K7QM3XPAR9TV2&last4=5678",
        "/handoff",
        "/desk/login",
        "/healthz",
    ] {
        for _ in 0..2 {
            let (status, headers, _) = get(&s.cached, page, &[]).await;
            assert!(!status.is_server_error(), "{page}: {status}");
            assert!(!headers.contains_key(header::ETAG), "{page}");
        }
    }
    // A page the catalogue does not have: rendered each time, never kept, and its policy still
    // allows no fixed nonce.
    for encoding in ["br", "identity"] {
        let (status, headers, body) = get(
            &s.cached,
            "/procedures/9.999999",
            &[(header::ACCEPT_ENCODING, encoding)],
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(
            headers.get(header::CONTENT_ENCODING).is_some(),
            encoding == "br",
            "compressed as the request accepts"
        );
        let vary: Vec<_> = headers
            .get_all(header::VARY)
            .iter()
            .map(|v| v.to_str().unwrap().to_ascii_lowercase())
            .filter(|v| v == "accept-encoding")
            .collect();
        assert_eq!(vary.len(), 1, "{headers:?}");
        let body = html(&headers, &body);
        assert!(body.contains("<html"), "{body}");
        assert!(!body.contains("nonce="), "{body}");
        let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(!policy.contains("nonce"), "{policy}");
    }
    // A posted form is not a request for a kept page.
    let posted = Request::post("/procedures/1.001193")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("a=b"))
        .unwrap();
    support::send(&s.cached, posted).await;
    let stats = s.cache.stats();
    assert_eq!(stats.hits, 0, "{stats:?}");
    assert_eq!(
        stats.misses, 2,
        "the missing page, rendered twice: {stats:?}"
    );
    assert_eq!(
        stats.entries, 1,
        "the missing page, known as not kept: {stats:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_that_cannot_be_kept_is_remembered_and_rendered_for_every_request() {
    let s = servers(64 << 20).await;
    let (status, _, _) = get(&s.cached, "/procedures/9.999999", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let requests = (0..8).map(|_| get(&s.cached, "/procedures/9.999999", &[]));
    for (status, headers, _) in futures::future::join_all(requests).await {
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!headers.contains_key(header::ETAG));
    }
    let stats = s.cache.stats();
    assert_eq!(
        (stats.hits, stats.misses, stats.entries),
        (0, 9, 1),
        "{stats:?}"
    );
}

#[tokio::test]
async fn head_is_answered_from_the_kept_page() {
    let s = servers(64 << 20).await;
    let br = [(header::ACCEPT_ENCODING, "br")];
    let (_, got, got_body) = get(&s.cached, "/help", &br).await;
    let head = Request::head("/help")
        .header(header::ACCEPT_ENCODING, "br")
        .body(Body::empty())
        .unwrap();
    let (status, headers, body) = support::send(&s.cached, head).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.is_empty());
    assert_eq!(headers[header::ETAG], got[header::ETAG]);
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    // The same kept page (the HEAD is its first hit, which only then has it recompressed).
    assert_eq!(
        headers[header::CONTENT_LENGTH],
        got_body.len().to_string().as_str()
    );
    assert_eq!(
        headers[header::CONTENT_SECURITY_POLICY],
        got[header::CONTENT_SECURITY_POLICY]
    );
    let stats = s.cache.stats();
    assert_eq!((stats.misses, stats.hits), (1, 1), "{stats:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_asked_for_again_is_recompressed_smaller_under_the_same_tag() {
    let s = servers(64 << 20).await;
    let page = "/procedures/1.001193";
    let br = [(header::ACCEPT_ENCODING, "br")];
    let (_, first_headers, first) = get(&s.cached, page, &br).await;
    // The second request is a hit, which has the page compressed at the highest levels.
    let mut smaller = None;
    for _ in 0..600 {
        let (_, headers, body) = get(&s.cached, page, &br).await;
        assert_eq!(headers[header::ETAG], first_headers[header::ETAG]);
        assert_eq!(html(&headers, &body), html(&first_headers, &first));
        if body.len() < first.len() {
            smaller = Some(body.len());
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let smaller = smaller.expect("recompressed within 30 s");
    assert!(smaller < first.len(), "{smaller} < {}", first.len());
}

/// (That the render sees nothing but the key is `Key::request`'s unit test in page_cache.rs.)
#[tokio::test]
async fn a_kept_page_is_shared_by_everyone_with_the_same_key() {
    let s = servers(64 << 20).await;
    let (_, anonymous, _) = get(&s.cached, "/help", &[]).await;
    let (_, personal, _) = get(
        &s.cached,
        "/help",
        &[
            (header::COOKIE, "motcua_desk=abc; theme=dark"),
            (header::USER_AGENT, "Mozilla/5.0 (Linux; Android 9)"),
            (header::REFERER, "https://example.com/?secret=1"),
        ],
    )
    .await;
    assert_eq!(anonymous[header::ETAG], personal[header::ETAG]);
    let stats = s.cache.stats();
    assert_eq!((stats.misses, stats.hits), (1, 1), "{stats:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_requests_for_a_page_not_yet_kept_wait_for_one_render() {
    let s = servers(64 << 20).await;
    let requests = (0..20).map(|_| get(&s.cached, "/procedures/1.001193", &[]));
    let answers = futures::future::join_all(requests).await;
    let tags: std::collections::HashSet<_> = answers
        .iter()
        .map(|(status, headers, _)| {
            assert_eq!(*status, StatusCode::OK);
            headers[header::ETAG].clone()
        })
        .collect();
    assert_eq!(tags.len(), 1);
    let stats = s.cache.stats();
    assert_eq!((stats.misses, stats.hits), (1, 19), "{stats:?}");
}

#[tokio::test]
async fn the_cache_stays_within_its_memory_and_healthz_shows_it() {
    let capacity = 300_000;
    let s = servers(capacity).await;
    let procedures = Catalogue::embedded().procedures();
    for procedure in procedures.iter().take(60) {
        let page = format!("/procedures/{}", procedure.code);
        let (status, _, _) = get(&s.cached, &page, &[]).await;
        assert_eq!(status, StatusCode::OK);
        let stats = s.cache.stats();
        assert!(stats.bytes <= capacity, "{stats:?}");
    }
    let stats = s.cache.stats();
    assert!(stats.entries > 5 && stats.entries < 60, "{stats:?}");
    assert_eq!(stats.misses, 60);

    let (status, _, body) = get(&s.cached, "/healthz", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let health: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let shown: Stats = Stats {
        entries: health["page_cache"]["entries"].as_u64().unwrap() as usize,
        bytes: health["page_cache"]["bytes"].as_u64().unwrap(),
        capacity_bytes: health["page_cache"]["capacity_bytes"].as_u64().unwrap(),
        hits: health["page_cache"]["hits"].as_u64().unwrap(),
        misses: health["page_cache"]["misses"].as_u64().unwrap(),
    };
    assert_eq!(shown, s.cache.stats());
    assert_eq!(shown.capacity_bytes, capacity);
}
