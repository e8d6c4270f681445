//! Requests of the client's making answer 4xx with a clear error, never 500 and never an empty
//! reply: a body no server function can read, arguments that do not parse, a session that ended,
//! a limit reached.

use app::catalogue::CatalogueError;
use app::dossier::desk::DeskError;
use app::dossier::submission::SubmitError;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;

mod support;

fn post(path: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path)
        .header(header::HOST, "motcua.test")
        .header(header::ORIGIN, "https://motcua.test")
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .unwrap()
}

fn error<E: serde::de::DeserializeOwned>(body: &[u8]) -> E {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(body)))
}

#[tokio::test]
async fn an_upload_that_is_not_multipart_is_a_bad_request_not_a_panic() {
    let (_dir, router) = support::router().await;
    for (content_type, body) in [
        (
            "application/json",
            json!({ "key": support::key() }).to_string(),
        ),
        ("multipart/form-data", "no boundary named".to_string()),
        ("text/plain", String::new()),
    ] {
        let request = post("/api/dossiers/attachment", content_type, body);
        let (status, _, body) = support::send(&router, request).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{content_type}");
        assert_eq!(error::<SubmitError>(&body), SubmitError::BadRequest);
    }
}

#[tokio::test]
async fn server_function_errors_of_the_clients_making_are_4xx() {
    let (_dir, router) = support::router().await;
    let cases: Vec<(Request<Body>, StatusCode)> = vec![
        // Arguments that do not parse.
        (
            post("/api/dossiers/submit", "application/json", "{not json"),
            StatusCode::BAD_REQUEST,
        ),
        (
            post(
                "/api/dossiers/track",
                "application/json",
                json!({ "code": "MC-0000", "phone_last4": "56" }).to_string(),
            ),
            StatusCode::BAD_REQUEST,
        ),
        // No session.
        (
            post(
                "/api/desk/queue",
                "application/json",
                json!({ "filter": {} }).to_string(),
            ),
            StatusCode::UNAUTHORIZED,
        ),
    ];
    for (request, expected) in cases {
        let path = request.uri().path().to_string();
        let (status, _, body) = support::send(&router, request).await;
        assert_eq!(
            status,
            expected,
            "{path}: {}",
            String::from_utf8_lossy(&body)
        );
        if path.starts_with("/api/desk/") {
            assert_eq!(error::<DeskError>(&body).status(), expected.as_u16());
        } else {
            assert_eq!(error::<SubmitError>(&body).status(), expected.as_u16());
        }
    }
    let request = Request::get("/api/catalogue/procedure?code=9.999999")
        .header(header::ACCEPT, "application/json")
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = support::send(&router, request).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error::<CatalogueError>(&body), CatalogueError::NotFound);
    let request = Request::get("/api/catalogue/procedure")
        .header(header::ACCEPT, "application/json")
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = support::send(&router, request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error::<CatalogueError>(&body), CatalogueError::BadRequest);
}

#[test]
fn every_error_maps_to_a_client_or_a_server_status_as_its_cause() {
    use app::dossier::attachment::Refusal;
    // The portal's own failures are the only 5xx.
    for e in [SubmitError::Unavailable, SubmitError::Offline] {
        assert_eq!(e.status(), 503);
    }
    for e in [
        SubmitError::BadRequest,
        SubmitError::NotFound,
        SubmitError::NotAsked,
        SubmitError::UnknownProcedure,
        SubmitError::AttachmentsMissing(vec![]),
        SubmitError::Attachment(Refusal::Type),
        SubmitError::Attachment(Refusal::TooLarge { limit_mb: 8 }),
        SubmitError::TooManyAttempts { retry_at: 0 },
    ] {
        assert!((400..500).contains(&e.status()), "{e:?}");
    }
    assert_eq!(SubmitError::TooManyAttempts { retry_at: 0 }.status(), 429);
    for e in [
        DeskError::BadRequest,
        DeskError::NotSignedIn,
        DeskError::StaleForm,
        DeskError::Forbidden,
        DeskError::NotFound,
        DeskError::Changed,
    ] {
        assert!((400..500).contains(&e.status()), "{e:?}");
    }
}
