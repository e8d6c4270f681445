//! Headers on every response: security baseline and caching.

use axum::extract::Request;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, VARY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// Files under `/pkg/` carry a content hash in their names: a new build has new names, so
/// browsers may keep these for a year without asking again.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Pages depend on the resident's language cookie and change with every release: always revalidate.
const PAGE: &str = "private, no-cache";
/// Other public files (icons) keep their names across builds.
const PUBLIC_FILE: &str = "public, max-age=3600";
const NEVER: &str = "no-store";
/// The service worker's script: browsers check it for updates on every visit anyway; this makes
/// sure no intermediate cache keeps an old one.
const REVALIDATE: &str = "no-cache";

pub async fn baseline_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let versioned = request
        .uri()
        .query()
        .is_some_and(|q| q.split('&').any(|p| p.starts_with("v=")));
    let mut response = next.run(request).await;
    let status = response.status();
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = response.headers_mut();

    // Pages set their own policy (with the nonce of their hydration script); everything else
    // gets the same policy without one.
    if !headers.contains_key(CONTENT_SECURITY_POLICY)
        && let Ok(value) = HeaderValue::from_str(&app::security::content_security_policy(None))
    {
        headers.insert(CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(
            "geolocation=(), microphone=(), payment=(), usb=(), interest-cohort=()",
        ),
    );

    if !headers.contains_key(CACHE_CONTROL) {
        let policy = cache_policy(&path, versioned, status, is_html);
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    if is_html {
        headers.append(VARY, HeaderValue::from_static("Cookie"));
    }
    response
}

/// `versioned`: the address carries the file's version (`/page.js?v=…`).
fn cache_policy(path: &str, versioned: bool, status: StatusCode, is_html: bool) -> &'static str {
    let stored = status.is_success() || status == StatusCode::NOT_MODIFIED;
    // The help desk: officers' pages and dossiers' files stay on no (shared) computer.
    if path == "/desk" || path.starts_with("/desk/") {
        return NEVER;
    }
    if is_html {
        PAGE
    } else if !stored || path == "/healthz" || path.starts_with("/api/") {
        NEVER
    } else if path.starts_with("/pkg/") || (path == "/page.js" && versioned) {
        IMMUTABLE
    } else if path == "/sw.js" {
        REVALIDATE
    } else {
        PUBLIC_FILE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets_are_cached_for_a_year_and_pages_revalidated() {
        assert_eq!(
            cache_policy("/pkg/motcua.abc.wasm", false, StatusCode::OK, false),
            IMMUTABLE
        );
        assert_eq!(
            cache_policy("/pkg/motcua.abc.js", false, StatusCode::NOT_MODIFIED, false),
            IMMUTABLE
        );
        assert_eq!(cache_policy("/", false, StatusCode::OK, true), PAGE);
        assert_eq!(
            cache_policy("/page.js", true, StatusCode::OK, false),
            IMMUTABLE
        );
        assert_eq!(
            cache_policy("/page.js", false, StatusCode::OK, false),
            PUBLIC_FILE
        );
        assert_eq!(
            cache_policy("/nowhere", false, StatusCode::NOT_FOUND, true),
            PAGE
        );
        assert_eq!(
            cache_policy("/favicon.svg", false, StatusCode::OK, false),
            PUBLIC_FILE
        );
    }

    #[test]
    fn errors_health_and_api_answers_are_never_stored() {
        assert_eq!(
            cache_policy("/pkg/missing.wasm", false, StatusCode::NOT_FOUND, false),
            NEVER
        );
        assert_eq!(
            cache_policy("/healthz", false, StatusCode::OK, false),
            NEVER
        );
        assert_eq!(
            cache_policy("/api/submit_dossier", false, StatusCode::OK, false),
            NEVER
        );
    }

    #[test]
    fn desk_pages_and_files_are_never_stored() {
        assert_eq!(cache_policy("/desk", false, StatusCode::OK, true), NEVER);
        assert_eq!(
            cache_policy("/desk/dossiers/X", false, StatusCode::OK, true),
            NEVER
        );
        assert_eq!(
            cache_policy("/desk/files/X/Y", false, StatusCode::OK, false),
            NEVER
        );
    }
}
