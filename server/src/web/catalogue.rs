//! `GET /catalogue/{version}/index.json`: the search index the browser downloads to search the
//! whole catalogue itself (as you type, and offline).
//!
//! The URL carries the catalogue's version (`app::catalogue::store::VERSION`), so the response
//! never changes: browsers and the service worker keep it for a year and fetch a new one only
//! when the catalogue changes. It is compressed once, at the highest levels, on first request.

use super::encoding::{Effort, Encoding, compress};
use app::catalogue::search::Entry;
use app::catalogue::store::{Catalogue, VERSION};
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::sync::LazyLock;

/// The index in its three encodings.
pub struct IndexFile {
    pub json: Vec<u8>,
    pub brotli: Vec<u8>,
    pub gzip: Vec<u8>,
}

pub static INDEX: LazyLock<IndexFile> = LazyLock::new(|| {
    let entries: Vec<Entry> = Catalogue::embedded()
        .procedures()
        .iter()
        .map(Entry::from_procedure)
        .collect();
    let json = serde_json::to_vec(&entries).expect("entries always serialise");
    let (brotli, gzip) = compress(&json, Effort::Best);
    IndexFile { json, brotli, gzip }
});

pub async fn index(Path(version): Path<String>, headers: HeaderMap) -> Response {
    if version != VERSION {
        // An old page asking for an old index: it reloads and gets the new version.
        return StatusCode::NOT_FOUND.into_response();
    }
    let encoding = Encoding::accepted(&headers);
    let body = match encoding {
        Encoding::Brotli => INDEX.brotli.clone(),
        Encoding::Gzip => INDEX.gzip.clone(),
        Encoding::Identity => INDEX.json.clone(),
    };
    let mut response = body.into_response();
    let response_headers = response.headers_mut();
    response_headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response_headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    response_headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    if let Some(encoding) = encoding.header() {
        response_headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}
