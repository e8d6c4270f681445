//! `GET /language/{code}?next=/path`: remembers the language in a cookie and goes back to the page.
//! This is what the language switch does before the wasm has loaded (or without JavaScript).

use app::language;
use axum::extract::{Path, Query};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Params {
    next: Option<String>,
}

pub async fn switch_language(
    Path(code): Path<String>,
    params: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let next = params.ok().and_then(|Query(p)| p.next).unwrap_or_default();
    let location = location_value(language::safe_return_path(&next));
    let mut response = (StatusCode::SEE_OTHER, [(LOCATION, location)]).into_response();
    // An unknown language changes nothing: the resident is simply sent back.
    if let Some(locale) = language::parse(&code)
        && let Ok(cookie) = HeaderValue::from_str(&language::set_cookie_header(locale))
    {
        response.headers_mut().insert(SET_COOKIE, cookie);
    }
    response
}

/// A `Location` header for a local path, percent-encoding what a header cannot carry.
pub(super) fn location_value(path: &str) -> HeaderValue {
    let mut encoded = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_graphic() {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    HeaderValue::from_str(&encoded).unwrap_or_else(|_| HeaderValue::from_static("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_carry_vietnamese_and_spaces_encoded() {
        assert_eq!(location_value("/help"), "/help");
        assert_eq!(
            location_value("/procedures?q=tạm trú"),
            "/procedures?q=t%E1%BA%A1m%20tr%C3%BA"
        );
    }
}
