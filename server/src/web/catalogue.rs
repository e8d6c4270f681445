//! `GET /catalogue/{version}/index.json`: the search index the browser downloads to search the
//! whole catalogue itself (as you type, and offline).
//!
//! The URL carries the catalogue's version (`app::catalogue::store::VERSION`), so the response
//! never changes: browsers and the service worker keep it for a year and fetch a new one only
//! when the catalogue changes. It is compressed once, at the highest levels, on first request.

use app::catalogue::search::Entry;
use app::catalogue::store::{Catalogue, VERSION};
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::io::Write;
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
    let mut brotli = Vec::new();
    {
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut json.as_slice(), &mut brotli, &params)
            .expect("compressing in memory cannot fail");
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(&json)
        .expect("compressing in memory cannot fail");
    let gzip = encoder.finish().expect("compressing in memory cannot fail");
    IndexFile { json, brotli, gzip }
});

pub async fn index(Path(version): Path<String>, headers: HeaderMap) -> Response {
    if version != VERSION {
        // An old page asking for an old index: it reloads and gets the new version.
        return StatusCode::NOT_FOUND.into_response();
    }
    let accepts = |coding: &str| {
        headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|part| {
                let mut pieces = part.trim().split(';');
                pieces.next() == Some(coding) && !pieces.any(|p| p.trim().replace(' ', "") == "q=0")
            })
    };
    let (body, encoding) = if accepts("br") {
        (INDEX.brotli.clone(), Some("br"))
    } else if accepts("gzip") {
        (INDEX.gzip.clone(), Some("gzip"))
    } else {
        (INDEX.json.clone(), None)
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
    if let Some(encoding) = encoding {
        response_headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}
