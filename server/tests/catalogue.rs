//! The catalogue over HTTP: the pages render results on the server, the search index and the
//! server functions answer as the browser and the service worker expect.

use app::catalogue::search::Entry;
use app::catalogue::store::VERSION;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use support::{router, send};

mod support;

async fn get(router: &Router, uri: &str, encoding: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    send(
        router,
        Request::get(uri)
            .header(header::ACCEPT_ENCODING, encoding)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn the_search_index_is_versioned_compressed_and_kept_for_a_year() {
    let (_dir, router) = router().await;
    let path = format!("/catalogue/{VERSION}/index.json");
    let (status, headers, body) = get(&router, &path, "gzip, br").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    assert_eq!(
        headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let mut json = Vec::new();
    brotli::BrotliDecompress(&mut body.as_slice(), &mut json).unwrap();
    let entries: Vec<Entry> = serde_json::from_slice(&json).unwrap();
    assert_eq!(entries.len(), 1120);
    assert!(
        body.len() * 4 < json.len(),
        "compressed {} of {}",
        body.len(),
        json.len()
    );

    let (_, headers, gzip) = get(&router, &path, "gzip").await;
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
    let (_, headers, plain) = get(&router, &path, "identity").await;
    assert!(!headers.contains_key(header::CONTENT_ENCODING));
    assert_eq!(plain, json);
    assert!(gzip.len() < plain.len());
}

#[tokio::test]
async fn an_old_index_version_is_gone() {
    let (_dir, router) = router().await;
    let (status, headers, _) = get(&router, "/catalogue/000000000000/index.json", "br").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
}

#[tokio::test]
async fn the_procedure_server_function_answers_a_get() {
    let (_dir, router) = router().await;
    let (status, _, body) = get(
        &router,
        "/api/catalogue/procedure?code=1.001193",
        "identity",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["name_vi"], "Đăng ký khai sinh");
    assert_eq!(json["name_en"], "Birth registration");

    let (status, _, body) = get(
        &router,
        "/api/catalogue/procedure?code=9.999999",
        "identity",
    )
    .await;
    assert!(status.is_server_error() || status.is_client_error());
    assert!(
        String::from_utf8_lossy(&body).contains("NotFound"),
        "{}",
        String::from_utf8_lossy(&body)
    );

    let (status, _, body) = get(&router, "/api/catalogue/wards", "identity").await;
    assert_eq!(status, StatusCode::OK);
    let wards: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(wards.as_array().unwrap().len(), 126);
}

#[tokio::test]
async fn the_first_render_already_holds_the_results() {
    let (_dir, router) = router().await;
    let (status, _, body) = get(&router, "/procedures?q=dang%20ky%20khai%20sinh", "identity").await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).unwrap();
    let first = html.find("data-code=\"").map(|i| &html[i + 11..i + 19]);
    assert_eq!(first, Some("1.001193"), "the obvious procedure comes first");
    assert!(
        html.contains("value=\"dang ky khai sinh\""),
        "the box keeps the query"
    );
}

#[tokio::test]
async fn a_procedure_page_and_an_unknown_code() {
    let (_dir, router) = router().await;
    let (status, _, body) = get(&router, "/procedures/1.004194?ward=70", "identity").await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("Đăng ký tạm trú"));
    assert!(html.contains("Phường Hoàn Kiếm"));
    assert!(html.contains("3 ngày làm việc"), "time in plain words");
    let (status, _, _) = get(&router, "/procedures/9.999999", "identity").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn browsing_a_life_event_pages_through_it() {
    let (_dir, router) = router().await;
    let (status, _, body) = get(&router, "/procedures?event=viec-lam&page=2", "identity").await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).unwrap();
    assert_eq!(html.matches("class=\"result\"").count(), 50);
    assert!(html.contains("Trang 2 / 11"));
}
