//! Requests no server function can read, answered 4xx before they reach one, and the last guard:
//! a handler that panics answers 500 with one log line, never an empty reply.

use app::api::upload_attachment::UploadAttachment;
use app::dossier::submission::SubmitError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::ServerFn;

/// The server functions whose body is `multipart/form-data`: server_fn reads the boundary with
/// `expect`, so a body of another type panicked the task (an empty reply and a backtrace).
fn takes_multipart(path: &str) -> bool {
    path == <UploadAttachment as ServerFn>::PATH
}

/// Refuses, with 400 and the server functions' own "bad request" answer, a body sent to a
/// multipart server function without a multipart boundary.
pub async fn multipart_boundary(request: Request, next: Next) -> Response {
    if takes_multipart(request.uri().path()) {
        let boundary = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|ct| multer::parse_boundary(ct).ok());
        if boundary.is_none() {
            return bad_request();
        }
    }
    next.run(request).await
}

fn bad_request() -> Response {
    answer(&SubmitError::BadRequest)
}

/// `error` as the server functions answer it: its own status, its JSON.
fn answer(error: &SubmitError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_string(error).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// What a panicking handler answers (`tower_http::catch_panic`): 500 with the server functions'
/// "unavailable" answer; the panic itself is logged once, in one line, by the server's panic hook.
pub fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response<Body> {
    let mut response = answer(&SubmitError::Unavailable);
    // Not the portal being busy (503, try again): a fault of the portal's own.
    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    response
}
