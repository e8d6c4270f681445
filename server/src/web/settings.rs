//! `GET /settings/apply?text=150&contrast=on&next=/path`: remembers the display modes in a cookie
//! and goes back to the page. This is what the display settings do before the wasm has loaded
//! (or without JavaScript); once the page runs, they change in place.

use super::language::location_value;
use app::display::Display;
use app::language;
use axum::extract::Query;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

pub async fn apply_settings(
    query: Result<Query<Vec<(String, String)>>, axum::extract::rejection::QueryRejection>,
) -> Response {
    // A damaged query applies the defaults and goes home, never an error page.
    let pairs = query.map(|Query(pairs)| pairs).unwrap_or_default();
    let next = pairs
        .iter()
        .find(|(k, _)| k == "next")
        .map(|(_, v)| v.as_str())
        .unwrap_or("/");
    let display = Display::from_form(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let mut response = (
        StatusCode::SEE_OTHER,
        [(LOCATION, location_value(language::safe_return_path(next)))],
    )
        .into_response();
    if let Ok(cookie) = HeaderValue::from_str(&display.cookie()) {
        response.headers_mut().insert(SET_COOKIE, cookie);
    }
    response
}
