//! Public pages kept rendered and compressed: a procedure page asked for a thousand times is
//! rendered and compressed once, then served from memory like a static file.
//!
//! **What is kept.** Only the pages of [`app::app::PUBLIC_PAGES`] (the catalogue, a procedure, its
//! eligibility check, help, settings, the offline frame), only for `GET` and `HEAD`, only a
//! `200 text/html` answer without `Set-Cookie`. A page is kept under its key: the path with its
//! query, the language, the display modes and the day in Hanoi (the check pages count ages from
//! today). The build and the catalogue are not in the key: both are compiled into the binary, so a
//! new build or a new catalogue is a new process with an empty cache. An answer that cannot be
//! kept (a page not found) is remembered as such, and rendered for every request.
//!
//! **Why nothing personal can be kept.** A page not listed is never looked at. A listed page is
//! never rendered from the resident's request: it is rendered from a request made of the key alone
//! ([`Key::request`]: the path and query, the language and display cookies rebuilt from their
//! parsed values, nothing else — no session cookie, no other header, no client address). So even a
//! listed page that one day read a session would render the anonymous page into the cache, and
//! every resident with the same key gets exactly what the key alone gives.
//!
//! **The nonce.** A page's CSP allows its inline scripts by a nonce that must differ in every
//! response, so a kept page cannot carry one: it is rendered with a nonce known only to this
//! process (`FILL_NONCE`), which is then removed, and its policy allows the scripts that carried
//! it — the renderer's, and only those — by their SHA-256 hashes instead
//! ([`app::security::content_security_policy_hashed`]). Everything else in the HTML is byte for
//! byte what the page rendered without the cache gives.
//!
//! **Revalidation.** A kept page has a strong `ETag` from the SHA-256 of its HTML (one tag per
//! encoding: `"<hash>"`, `"<hash>-br"`, `"<hash>-gz"`), the same on every server of one build;
//! `If-None-Match` with any of them answers `304 Not Modified`. Browsers revalidate every time
//! (`Cache-Control: private, no-cache`, set by the headers layer).
//!
//! **Memory and CPU.** The cache holds brotli and gzip bodies only (a client accepting neither
//! gets the gzip body unpacked) and is bounded by weight in bytes ([`quick_cache`]'s S3-FIFO: a
//! burst of pages asked once does not push out the pages asked all the time). Concurrent requests
//! for a page not yet kept wait for one render. A page is first compressed quickly (the levels of
//! dynamic compression, a few milliseconds for both codings, on at most one blocking thread per
//! core); asked for again, it is compressed at the highest levels in the background, one page at
//! a time ([`PageCache::compress_best`]). Hits and misses are counted for `/healthz`.

use super::encoding::{Effort, Encoding, compress, compressed, gunzip};
use app::display::Display;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The nonce a page to be kept is rendered with: drawn once per process (128 random bits), so no
/// text a resident types can hold it; every `nonce="…"` attribute carrying it is removed before
/// the page is kept or sent, so it never reaches a browser.
static FILL_NONCE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the system's random numbers");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
});

/// The largest rendered page the cache reads (4 MiB; the biggest procedure page is ~50 KB).
const MAX_PAGE_BYTES: usize = 4 << 20;

/// Marks the request a kept page is rendered from ([`Key::request`]); [`provide_fill_nonce`]
/// looks for it.
#[derive(Clone, Copy, Debug)]
pub struct Fill;

/// In the app's context of every render: when the request is a [`Fill`], the page's nonce is
/// this process's fill nonce, which is removed before the page is kept.
pub fn provide_fill_nonce() {
    use leptos::prelude::{provide_context, use_context};
    let fill = use_context::<axum::http::request::Parts>()
        .is_some_and(|parts| parts.extensions.get::<Fill>().is_some());
    if fill {
        provide_context(leptos::nonce::Nonce::from_value(FILL_NONCE.as_str()));
    }
}

/// The route template of [`app::app::PUBLIC_PAGES`] that `path` matches (a `{name}` segment
/// matches any non-empty segment), if any.
pub fn public_route(path: &str) -> Option<&'static str> {
    app::app::PUBLIC_PAGES
        .iter()
        .copied()
        .find(|template| matches_template(template, path))
}

fn matches_template(template: &str, path: &str) -> bool {
    let (mut template, mut path) = (template.split('/'), path.split('/'));
    loop {
        match (template.next(), path.next()) {
            (None, None) => return true,
            (Some(expected), Some(segment)) => {
                let fits = if expected.starts_with('{') {
                    !segment.is_empty()
                } else {
                    expected == segment
                };
                if !fits {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// Everything a public page's answer depends on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    /// Path and query, as requested.
    target: axum::http::uri::PathAndQuery,
    language: app::i18n::Locale,
    /// The display modes, as their cookie value (`normal`, `text-150.contrast`…).
    display: String,
    /// Today in Hanoi.
    day: app::eligibility::date::Date,
}

impl Key {
    /// `None` for a request without a path (no page).
    fn of(request: &Request) -> Option<Key> {
        let mut cookies = String::new();
        for value in request.headers().get_all(header::COOKIE) {
            if let Ok(value) = value.to_str() {
                if !cookies.is_empty() {
                    cookies.push_str("; ");
                }
                cookies.push_str(value);
            }
        }
        Some(Key {
            // A copy: the request's own points into its connection's whole read buffer.
            target: axum::http::uri::PathAndQuery::try_from(
                request.uri().path_and_query()?.as_str(),
            )
            .ok()?,
            language: app::language::from_cookies(&cookies),
            display: Display::from_cookies(&cookies).encode(),
            day: app::clock::today(),
        })
    }

    /// The request the page is rendered from: the key and nothing else.
    fn request(&self) -> Request {
        let mut request = Request::new(Body::empty());
        *request.uri_mut() = axum::http::Uri::from(self.target.clone());
        let cookie = format!(
            "{}={}; {}={}",
            app::language::COOKIE_NAME,
            app::language::code(self.language),
            app::display::COOKIE_NAME,
            self.display
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            request.headers_mut().insert(header::COOKIE, value);
        }
        request.extensions_mut().insert(Fill);
        request
    }

    fn bytes(&self) -> u64 {
        (self.target.as_str().len() + self.display.len() + std::mem::size_of::<Key>()) as u64
    }
}

/// A kept page: its headers as rendered (with the hashed policy), its tags and its two bodies.
#[derive(Debug)]
pub struct Page {
    /// The answer's headers in each encoding ([`slot`]), its `ETag` and `Content-Encoding` set.
    headers: [HeaderMap; 3],
    /// The `ETag` in each encoding: `"<tag>-br"`, `"<tag>-gz"`, `"<tag>"`, where `<tag>` is the
    /// URL-safe base64 of the first 16 bytes of the HTML's SHA-256.
    etags: [String; 3],
    brotli: Bytes,
    gzip: Bytes,
    /// Compressed at the highest levels (else quickly, until it is asked for again).
    best: bool,
    bytes: u64,
}

/// Where an encoding's headers and tag are in a [`Page`].
fn slot(encoding: Encoding) -> usize {
    match encoding {
        Encoding::Brotli => 0,
        Encoding::Gzip => 1,
        Encoding::Identity => 2,
    }
}

impl Page {
    /// The page `html` with its `headers` (a `200 text/html` answer), compressed with `effort`.
    /// CPU-heavy (milliseconds; tens of them at [`Effort::Best`]): call on a blocking thread.
    fn new(mut headers: HeaderMap, html: &str, effort: Effort) -> Page {
        for name in [
            header::CONTENT_LENGTH,
            header::TRANSFER_ENCODING,
            header::DATE,
            header::ETAG,
            header::CONTENT_ENCODING,
        ] {
            headers.remove(name);
        }
        varies_by_encoding(&mut headers);
        let digest = Sha256::digest(html.as_bytes());
        let tag = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16]);
        let etags = [
            format!("\"{tag}-br\""),
            format!("\"{tag}-gz\""),
            format!("\"{tag}\""),
        ];
        let headers = [Encoding::Brotli, Encoding::Gzip, Encoding::Identity].map(|encoding| {
            let mut headers = headers.clone();
            if let Ok(etag) = HeaderValue::from_str(&etags[slot(encoding)]) {
                headers.insert(header::ETAG, etag);
            }
            if let Some(coding) = encoding.header() {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
            }
            headers
        });
        let (brotli, gzip) = compress(html.as_bytes(), effort);
        let header_bytes: usize = headers
            .iter()
            .flat_map(|map| map.iter())
            .map(|(name, value)| name.as_str().len() + value.len() + 32)
            .sum();
        let bytes = (brotli.len()
            + gzip.len()
            + header_bytes
            + etags.iter().map(String::len).sum::<usize>()
            + std::mem::size_of::<Page>()) as u64;
        Page {
            headers,
            etags,
            brotli: brotli.into(),
            gzip: gzip.into(),
            best: effort == Effort::Best,
            bytes,
        }
    }

    /// The same page compressed with `effort` (its HTML unpacked from the gzip body).
    fn recompressed(&self, effort: Effort) -> std::io::Result<Page> {
        let html = String::from_utf8(gunzip(&self.gzip)?).map_err(std::io::Error::other)?;
        Ok(Page::new(
            self.headers[slot(Encoding::Identity)].clone(),
            &html,
            effort,
        ))
    }

    /// Whether `If-None-Match` names this page in any encoding (weak comparison, as RFC 9110
    /// § 13.1.2 asks for this header; all three encodings are the same HTML).
    fn not_modified(&self, request: &HeaderMap) -> bool {
        request
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|tag| tag.trim().trim_start_matches("W/"))
            .any(|tag| tag == "*" || self.etags.iter().any(|etag| etag == tag))
    }

    /// The answer to a request with `request`'s headers: `304` when it holds this page already,
    /// else the body in the best encoding it accepts.
    fn respond(&self, request: &HeaderMap) -> Response {
        let encoding = Encoding::accepted(request);
        let headers = &self.headers[slot(encoding)];
        if self.not_modified(request) {
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            let mut headers = headers.clone();
            headers.remove(header::CONTENT_TYPE);
            headers.remove(header::CONTENT_ENCODING);
            *response.headers_mut() = headers;
            return response;
        }
        let body = match encoding {
            Encoding::Brotli => self.brotli.clone(),
            Encoding::Gzip => self.gzip.clone(),
            Encoding::Identity => match gunzip(&self.gzip) {
                Ok(html) => Bytes::from(html),
                Err(error) => {
                    tracing::error!(%error, "a kept page cannot be unpacked");
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
            },
        };
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = headers.clone();
        response
    }
}

/// Allows the inline scripts the renderer wrote into a page rendered for the cache (those carrying
/// the fill nonce, and only those) by their hashes in its `Content-Security-Policy`, then removes
/// the nonce. A script that reached the page any other way gets no hash, so the browser refuses
/// it, as it would refuse it without a nonce on a page rendered for its request.
fn without_fill_nonce(headers: &mut HeaderMap, html: &str) -> String {
    let attribute = format!(" nonce=\"{}\"", *FILL_NONCE);
    let policy =
        app::security::content_security_policy_hashed(&nonced_script_hashes(html, &attribute));
    if let Ok(value) = HeaderValue::from_str(&policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    html.replace(&attribute, "")
}

/// The SHA-256 (standard base64) of the text of each inline `<script>` of `html` whose attributes
/// hold `attribute` (the fill nonce) and no `src`, each once, in order.
fn nonced_script_hashes(html: &str, attribute: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let tag_and_after = &rest[start + "<script".len()..];
        let Some(tag_end) = tag_and_after.find('>') else {
            break;
        };
        let attributes = &tag_and_after[..tag_end];
        let text_and_after = &tag_and_after[tag_end + 1..];
        let Some(text_end) = text_and_after.find("</script>") else {
            break;
        };
        if attributes.contains(attribute) && !attributes.contains("src=") {
            let digest = Sha256::digest(&text_and_after.as_bytes()[..text_end]);
            let hash = base64::engine::general_purpose::STANDARD.encode(digest);
            if !hashes.contains(&hash) {
                hashes.push(hash);
            }
        }
        rest = &text_and_after[text_end + "</script>".len()..];
    }
    hashes
}

/// The answer to a `HEAD`: `response`'s headers, with the length its body would have.
fn without_body(response: Response) -> Response {
    use axum::body::HttpBody;
    let (mut parts, body) = response.into_parts();
    if let Some(length) = body.size_hint().exact() {
        parts
            .headers
            .insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    }
    Response::from_parts(parts, Body::empty())
}

/// `Vary: Accept-Encoding` on `headers`, once.
fn varies_by_encoding(headers: &mut HeaderMap) {
    let varies = headers
        .get_all(header::VARY)
        .iter()
        .any(|v| v.as_bytes().eq_ignore_ascii_case(b"accept-encoding"));
    if !varies {
        headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
}

/// What became of a page rendered for the cache.
enum Finished {
    /// A page to keep (quickly compressed; see [`PageCache::compress_best`]).
    Kept(Arc<Page>),
    /// An answer that cannot be kept, ready to send.
    Answer(axum::http::response::Parts, Bytes),
}

/// A page rendered from a [`Key::request`], read whole: finished on a blocking thread (at most one
/// per core at a time) by [`finish`].
async fn rendered(
    cache: &PageCache,
    response: Response,
    accepted: Encoding,
) -> Result<Arc<Page>, Response> {
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "a public page was not rendered whole");
            return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
        }
    };
    let Ok(_permit) = cache.compressing.acquire().await else {
        return Err(StatusCode::SERVICE_UNAVAILABLE.into_response());
    };
    match tokio::task::spawn_blocking(move || finish(parts, body, accepted)).await {
        Ok(Finished::Kept(page)) => Ok(page),
        Ok(Finished::Answer(parts, body)) => Err(Response::from_parts(parts, Body::from(body))),
        Err(error) => {
            tracing::error!(%error, "a public page could not be finished");
            Err(StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
    }
}

/// The page without its fill nonce, kept when it may be; when not, the answer itself, in
/// `accepted` (the encoding the resident's request accepts: the page was rendered from a request
/// that accepted none).
fn finish(mut parts: axum::http::response::Parts, body: Bytes, accepted: Encoding) -> Finished {
    let is_html = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let encoded = parts.headers.contains_key(header::CONTENT_ENCODING);
    let html = match std::str::from_utf8(&body) {
        Ok(html) if is_html && !encoded => without_fill_nonce(&mut parts.headers, html),
        _ => return Finished::Answer(parts, body),
    };
    let stored = parts
        .headers
        .get_all(header::CACHE_CONTROL)
        .iter()
        .all(|v| !v.to_str().unwrap_or("no-store").contains("no-store"));
    let keep =
        parts.status == StatusCode::OK && stored && !parts.headers.contains_key(header::SET_COOKIE);
    if keep {
        return Finished::Kept(Arc::new(Page::new(parts.headers, &html, Effort::Quick)));
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = match accepted.header() {
        None => Bytes::from(html),
        Some(coding) => {
            parts
                .headers
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
            varies_by_encoding(&mut parts.headers);
            Bytes::from(compressed(html.as_bytes(), accepted, Effort::Quick))
        }
    };
    Finished::Answer(parts, body)
}

/// What the cache holds for a key.
#[derive(Clone)]
enum Kept {
    /// The page, ready to serve.
    Page(Arc<Page>),
    /// The key's answer cannot be kept (not found, a cookie set…): it is rendered for every
    /// request; once this is known, requests no longer wait for one another's render.
    Rendered,
}

#[derive(Clone)]
struct Weight;

impl quick_cache::Weighter<Key, Kept> for Weight {
    fn weight(&self, key: &Key, kept: &Kept) -> u64 {
        key.bytes()
            + match kept {
                Kept::Page(page) => page.bytes,
                Kept::Rendered => 16,
            }
    }
}

/// The kept pages, bounded in bytes, with their hit and miss counts.
pub struct PageCache {
    pages: quick_cache::sync::Cache<Key, Kept, Weight>,
    capacity_bytes: u64,
    /// One page at a time is compressed at the highest levels, on a blocking thread.
    best_compression: Arc<tokio::sync::Semaphore>,
    /// Pages rendered for the cache are finished (nonce, hashes, quick compression) on at most
    /// one blocking thread per core.
    compressing: tokio::sync::Semaphore,
    hits: AtomicU64,
    misses: AtomicU64,
}

/// What `/healthz` shows of the cache.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub struct Stats {
    /// Pages kept, and addresses known to be rendered for every request (a page not found…).
    pub entries: usize,
    /// Bytes the kept pages take (bodies, headers, keys), against `capacity_bytes`.
    pub bytes: u64,
    pub capacity_bytes: u64,
    /// Answers served from a kept page (including `304`s and requests that waited for a render).
    pub hits: u64,
    /// Answers rendered (the first request for a page, or one not kept).
    pub misses: u64,
}

impl PageCache {
    /// A cache holding at most `capacity_bytes` of pages.
    pub fn new(capacity_bytes: u64) -> PageCache {
        let items = (capacity_bytes / 20_000).clamp(16, 1 << 20) as usize;
        PageCache {
            pages: quick_cache::sync::Cache::with_weighter(items, capacity_bytes, Weight),
            capacity_bytes,
            best_compression: Arc::new(tokio::sync::Semaphore::new(1)),
            compressing: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    pub fn stats(&self) -> Stats {
        Stats {
            entries: self.pages.len(),
            bytes: self.pages.weight(),
            capacity_bytes: self.capacity_bytes,
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
        }
    }

    /// A page is first kept quickly compressed, so that its first request pays no more than a
    /// page rendered for its request; asked for again, it is compressed at the highest levels in
    /// the background, one page at a time (while one is, the others wait for their next request).
    /// So the CPU spent on the best compression is bounded, and goes to pages asked for more than
    /// once.
    fn compress_best(self: &Arc<Self>, key: Key, page: &Arc<Page>) {
        if page.best {
            return;
        }
        let Ok(permit) = self.best_compression.clone().try_acquire_owned() else {
            return;
        };
        let (cache, page) = (self.clone(), page.clone());
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            // Not again for a page another request has had recompressed meanwhile.
            match cache.pages.peek(&key) {
                Some(Kept::Page(current)) if Arc::ptr_eq(&current, &page) => {}
                _ => return,
            }
            match page.recompressed(Effort::Best) {
                // Only if the key is still there: an evicted page stays evicted.
                Ok(best) => {
                    let _ = cache.pages.replace(key, Kept::Page(Arc::new(best)), true);
                }
                Err(error) => tracing::error!(%error, "a kept page cannot be recompressed"),
            }
        });
    }
}

/// The middleware in front of the router: a `GET` or `HEAD` for a public page is answered from
/// the cache, rendering and keeping the page first when it is not kept yet; every other request
/// goes on unchanged. A page served from the cache is logged like any request (its route
/// template, never its query), at `info`.
pub async fn serve(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    let route = public_route(request.uri().path())
        .filter(|_| matches!(*request.method(), Method::GET | Method::HEAD));
    let (Some(route), Some(key)) = (route, Key::of(&request)) else {
        return next.run(request).await;
    };
    match cache.pages.get_value_or_guard_async(&key).await {
        Ok(Kept::Page(page)) => {
            cache.hits.fetch_add(1, Ordering::Relaxed);
            let response = if Encoding::accepted(request.headers()) == Encoding::Identity {
                // The gzip body unpacked for a client that accepts no compression (rare).
                let (page, headers) = (page.clone(), request.headers().clone());
                tokio::task::spawn_blocking(move || page.respond(&headers))
                    .await
                    .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
            } else {
                page.respond(request.headers())
            };
            let response = if request.method() == Method::HEAD {
                without_body(response)
            } else {
                response
            };
            let span = tracing::info_span!("request", method = %request.method(), route);
            span.in_scope(|| {
                tracing::info!(status = response.status().as_u16(), "served a kept page");
            });
            cache.compress_best(key, &page);
            response
        }
        Ok(Kept::Rendered) => {
            cache.misses.fetch_add(1, Ordering::Relaxed);
            match rendered(
                &cache,
                next.run(key.request()).await,
                Encoding::accepted(request.headers()),
            )
            .await
            {
                // Keepable now: kept from now on.
                Ok(page) => {
                    cache.pages.insert(key, Kept::Page(page.clone()));
                    page.respond(request.headers())
                }
                Err(response) => response,
            }
        }
        Err(guard) => {
            cache.misses.fetch_add(1, Ordering::Relaxed);
            match rendered(
                &cache,
                next.run(key.request()).await,
                Encoding::accepted(request.headers()),
            )
            .await
            {
                Ok(page) => {
                    // Refused only when one page outweighs the whole cache: then it is not kept.
                    let _ = guard.insert(Kept::Page(page.clone()));
                    page.respond(request.headers())
                }
                Err(response) => {
                    // A server error may pass: the next request renders the page again, and
                    // keeps it if it can.
                    if !response.status().is_server_error() {
                        let _ = guard.insert(Kept::Rendered);
                    }
                    response
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_listed_public_routes_are_kept() {
        for path in [
            "/",
            "/help",
            "/settings",
            "/procedures",
            "/procedures/1.001193",
            "/procedures/1.001193/check",
            "/procedures/1.001193/check/result",
            "/offline",
        ] {
            assert!(public_route(path).is_some(), "{path}");
        }
        for path in [
            "/dossiers",
            "/dossiers/abc",
            "/dossiers/abc/review",
            "/people",
            "/track",
            "/handoff",
            "/desk",
            "/desk/dossiers/K7QM3XPAR9TV2",
            "/procedures/",
            "/procedures//check",
            "/procedures/1.001193/check/result/x",
            "/api/dossiers/submit",
            "/healthz",
            "/sw.js",
            "/helpx",
            "",
        ] {
            assert_eq!(public_route(path), None, "{path}");
        }
    }

    #[test]
    fn no_personal_page_is_listed_as_public() {
        for template in app::app::PUBLIC_PAGES {
            for personal in [
                "/desk",
                "/dossiers",
                "/people",
                "/track",
                "/handoff",
                "/api",
            ] {
                assert!(
                    !(template == personal || template.starts_with(&format!("{personal}/"))),
                    "{template} is personal"
                );
            }
        }
    }

    #[test]
    fn the_fill_nonce_is_removed_and_only_the_renderers_scripts_are_allowed_by_hash() {
        let mut headers = HeaderMap::new();
        let fill = &*FILL_NONCE;
        // A script without the nonce stands for one that got into the page some other way.
        let html = format!(
            "<html><head><script type=\"module\" src=\"/page.js\"></script></head><body>\
             <script nonce=\"{fill}\">a=1;</script><p>x</p><script>evil();</script>\
             <script nonce=\"{fill}\">b=2;</script><script nonce=\"{fill}\">a=1;</script>\
             </body></html>"
        );
        let kept = without_fill_nonce(&mut headers, &html);
        assert!(!kept.contains("nonce"), "{kept}");
        assert!(kept.contains(
            "<script>a=1;</script><p>x</p><script>evil();</script><script>b=2;</script>"
        ));
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        let hash =
            |text: &str| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text));
        assert_eq!(
            csp,
            app::security::content_security_policy_hashed(&[hash("a=1;"), hash("b=2;")])
        );
        assert!(!csp.contains(&hash("evil();")), "{csp}");
    }

    #[test]
    fn a_page_is_rendered_from_a_request_holding_its_key_and_nothing_else() {
        let mut request = Request::new(Body::empty());
        *request.uri_mut() = "http://portal.example/procedures?q=khai+sinh"
            .parse()
            .unwrap();
        let headers = request.headers_mut();
        for (name, value) in [
            (
                header::COOKIE,
                "motcua_desk=secret-session; i18n_pref_locale=en",
            ),
            (
                header::COOKIE,
                "motcua_display=contrast.text-150; theme=dark",
            ),
            (header::USER_AGENT, "Mozilla/5.0 (Linux; Android 9)"),
            (header::AUTHORIZATION, "Bearer secret"),
            (header::REFERER, "https://example.com/?secret=1"),
        ] {
            headers.append(name, HeaderValue::from_static(value));
        }
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                [203, 0, 113, 9],
                4000,
            ))));
        let key = Key::of(&request).unwrap();
        assert_eq!(key.day, app::clock::today(), "the day is part of the key");
        let rendered = key.request();
        assert_eq!(rendered.method(), Method::GET);
        assert_eq!(rendered.uri(), "/procedures?q=khai+sinh");
        assert_eq!(rendered.headers().len(), 1, "{:?}", rendered.headers());
        assert_eq!(
            rendered.headers()[header::COOKIE],
            "i18n_pref_locale=en; motcua_display=text-150.contrast"
        );
        assert!(rendered.extensions().get::<Fill>().is_some());
        assert!(
            rendered
                .extensions()
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .is_none()
        );
        // The same key from the cookies in another order, and the default from none.
        let mut again = Request::new(Body::empty());
        *again.uri_mut() = "/procedures?q=khai+sinh".parse().unwrap();
        again.headers_mut().insert(
            header::COOKIE,
            HeaderValue::from_static("motcua_display=text-150.contrast; i18n_pref_locale=en"),
        );
        assert_eq!(Key::of(&again), Some(key.clone()));
        again.headers_mut().remove(header::COOKIE);
        let plain = Key::of(&again).unwrap();
        assert_ne!(plain, key);
        assert_eq!(
            plain.request().headers()[header::COOKIE],
            "i18n_pref_locale=vi; motcua_display=normal"
        );
    }

    #[test]
    fn a_kept_page_is_tagged_by_its_html_and_revalidates_in_any_encoding() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
        let page = Page::new(headers.clone(), "<p>Đăng ký khai sinh</p>", Effort::Quick);
        let same = Page::new(headers.clone(), "<p>Đăng ký khai sinh</p>", Effort::Best);
        let other = Page::new(headers, "<p>Đăng ký kết hôn</p>", Effort::Quick);
        assert_eq!(
            page.etags, same.etags,
            "the same HTML, the same tags, however compressed"
        );
        assert_eq!(page.headers, same.headers);
        let again = page.recompressed(Effort::Best).unwrap();
        assert!(again.best && !page.best);
        assert_eq!((&again.etags, &again.headers), (&page.etags, &page.headers));
        assert_ne!(page.etags, other.etags);
        let tag = page.etags[2].trim_matches('"').to_string();
        let asking = |pairs: &[(header::HeaderName, String)]| {
            let mut request = HeaderMap::new();
            for (name, value) in pairs {
                request.append(name, HeaderValue::from_str(value).unwrap());
            }
            page.respond(&request)
        };
        let full = asking(&[(header::ACCEPT_ENCODING, "gzip, br".into())]);
        assert_eq!(full.status(), StatusCode::OK);
        assert_eq!(full.headers()[header::CONTENT_ENCODING], "br");
        let etag = full.headers()[header::ETAG].to_str().unwrap().to_string();
        assert_eq!(etag, format!("\"{tag}-br\""));
        for held in [
            etag.clone(),
            format!("W/{etag}"),
            format!("\"x\", \"{tag}-gz\""),
            format!("\"{tag}\""),
            "*".to_string(),
        ] {
            let answer = asking(&[
                (header::ACCEPT_ENCODING, "gzip".into()),
                (header::IF_NONE_MATCH, held.clone()),
            ]);
            assert_eq!(answer.status(), StatusCode::NOT_MODIFIED, "{held}");
            assert_eq!(
                answer.headers()[header::ETAG],
                format!("\"{tag}-gz\"").as_str()
            );
        }
        let changed = asking(&[(header::IF_NONE_MATCH, other.etags[2].clone())]);
        assert_eq!(changed.status(), StatusCode::OK);
        assert!(!changed.headers().contains_key(header::CONTENT_ENCODING));
    }
}
