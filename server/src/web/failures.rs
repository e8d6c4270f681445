//! `POST /api/browser-failures`: a page whose wasm panicked or trapped says so (`/page.js` sends
//! it before it reloads the page or tells the resident). Each report is one structured line of
//! the log (target `browser_failure`) and one more in the count `/healthz` shows; at most
//! [`PER_MINUTE`] are taken each minute (an atomic step in the database, so the limit holds
//! across requests and servers), the rest answer 429.
//!
//! What a report may carry is cut down here: the page's path without its query (answers and
//! codes stay out of the log), dossier ids replaced by `{id}`, and short texts.

use crate::db::Database;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use std::sync::Arc;

/// Reports taken per minute, from all browsers together.
pub const PER_MINUTE: i64 = 60;

/// The largest report read, in bytes.
pub const MAX_BYTES: usize = 4 * 1024;

/// What a browser sends: `{"message": "…", "route": "/dossiers/…/review", "build": "…"}`.
#[derive(Debug, Deserialize)]
struct Sent {
    message: String,
    route: String,
    #[serde(default)]
    build: String,
}

/// A report as it is logged.
#[derive(Debug, PartialEq, Eq)]
pub struct Report {
    pub message: String,
    pub route: String,
    pub build: String,
}

impl Report {
    /// Reads a report's JSON body; `None` when it is not one.
    pub fn read(body: &[u8]) -> Option<Report> {
        if body.len() > MAX_BYTES {
            return None;
        }
        let sent: Sent = serde_json::from_slice(body).ok()?;
        let route = route(&sent.route)?;
        Some(Report {
            message: short(&sent.message, 500),
            route,
            build: short(&sent.build, 80),
        })
    }
}

/// `text` on one line, at most `max` characters.
fn short(text: &str, max: usize) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max)
        .collect::<String>()
        .trim()
        .to_string()
}

/// The page's path without query or fragment, dossier ids and codes replaced by `{id}`; `None`
/// when it is not a path of this site.
fn route(sent: &str) -> Option<String> {
    let path = sent.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') || path.starts_with("//") || path.len() > 300 {
        return None;
    }
    let segments: Vec<String> = path
        .split('/')
        .skip(1)
        .map(|segment| {
            let id_like = segment.len() >= 16 || segment.chars().any(|c| c.is_ascii_digit());
            if app::dossier::model::is_uuid(segment) || (id_like && !segment.contains('.')) {
                "{id}".to_string()
            } else {
                short(segment, 40)
            }
        })
        .collect();
    Some(format!("/{}", segments.join("/")))
}

/// `POST /api/browser-failures`: a JSON report (at most [`MAX_BYTES`], see [`Report::read`]) from
/// a page of this site (the origin is checked with the desk's, `desk::same_origin`). 204 when
/// counted, 400 for a report that is not one, 415 when it is not sent as JSON (a form or a
/// `text/plain` post from another site needs no preflight), 413 when too long, 429 past
/// [`PER_MINUTE`].
pub async fn report(
    State(db): State<Arc<dyn Database>>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> StatusCode {
    let json = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim() == "application/json")
        });
    if !json {
        return StatusCode::UNSUPPORTED_MEDIA_TYPE;
    }
    let Some(report) = Report::read(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    let minute = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| (d.as_secs() / 60) as i64)
        .unwrap_or(0);
    match db.count_browser_failure(minute, PER_MINUTE).await {
        Ok(true) => {
            tracing::warn!(
                target: "browser_failure",
                route = %report.route,
                build = %report.build,
                message = %report.message,
                "a page failed in a browser"
            );
            StatusCode::NO_CONTENT
        }
        Ok(false) => StatusCode::TOO_MANY_REQUESTS,
        Err(error) => {
            tracing::error!(%error, "cannot count a browser failure");
            StatusCode::SERVICE_UNAVAILABLE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_keeps_the_path_only_with_ids_hidden() {
        let body = br#"{"message":"panicked at tachys: reactive value already disposed\nline 2",
            "route":"/dossiers/3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b/review?office=1#x",
            "build":"review.abc123"}"#;
        let report = Report::read(body).expect("a report");
        assert_eq!(report.route, "/dossiers/{id}/review");
        assert_eq!(
            report.message,
            "panicked at tachys: reactive value already disposed line 2"
        );
        assert_eq!(report.build, "review.abc123");
        let check = br#"{"message":"x","route":"/procedures/1.000894/check?asked=who&who=self"}"#;
        assert_eq!(
            Report::read(check).expect("a report").route,
            "/procedures/1.000894/check"
        );
        let code = br#"{"message":"x","route":"/track/ABCD-EFGH-2345-K"}"#;
        assert_eq!(Report::read(code).expect("a report").route, "/track/{id}");
    }

    #[test]
    fn anything_else_is_refused() {
        for body in [
            &b"not json"[..],
            br#"{"message":"x"}"#,
            br#"{"message":"x","route":"https://elsewhere.example/x"}"#,
            br#"{"message":"x","route":"//elsewhere.example/x"}"#,
        ] {
            assert_eq!(
                Report::read(body),
                None,
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        let long = format!(r#"{{"message":"{}","route":"/"}}"#, "x".repeat(MAX_BYTES));
        assert_eq!(Report::read(long.as_bytes()), None);
    }
}
