//! `POST` to a page whose form carries a secret ([`app::island::FORM_PAGES`]: the tracking
//! form, the help-code forms, the desk's decision and new-officer forms). Sent before the page's
//! island runs, or without JavaScript, the form travels in the body — never in the address, the
//! history or the request log. A form that changes something stands for a server function
//! ([`app::island::form_call`]): it is called once, through the same handler as the app's own
//! calls (the same session, CSRF token and limits), before the page is rendered as for `GET`
//! with the form and the answer at hand ([`app::island::Posted`]). The answer is never cached
//! (`Cache-Control: no-store`): it can show where a dossier stands.

use app::island::Posted;
use axum::body::Body;
use axum::http::{HeaderValue, Method, Request, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use std::future::Future;
use std::pin::Pin;

/// The largest form accepted: a few fields and a decision's reason.
pub const MAX_FORM_BYTES: usize = 32 * 1024;
/// The largest answer of a server function kept for the page.
const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// Answers the form posted in `request`: calls the server function it stands for with
/// `context` (the app's), then renders its page with `render` (the app's renderer).
pub async fn page<R, C>(render: R, context: C, request: Request<Body>) -> Response
where
    R: Fn(Request<Body>) -> Pin<Box<dyn Future<Output = Response<Body>> + Send>>,
    C: Fn() + Clone + Send + 'static,
{
    let (mut parts, body) = request.into_parts();
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| {
            v.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        });
    if !is_form {
        return (StatusCode::UNSUPPORTED_MEDIA_TYPE, "a form is expected").into_response();
    }
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM_BYTES).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "the form is too large").into_response();
    };
    let fields: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();
    parts.headers.remove(header::CONTENT_LENGTH);
    let answer = match app::island::form_call(parts.uri.path(), &fields) {
        Some((path, arguments)) => {
            let mut call = Request::from_parts(parts.clone(), Body::from(arguments));
            *call.uri_mut() = Uri::from_static(path);
            let headers = call.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
            let response = leptos_axum::handle_server_fns_with_context(context, call)
                .await
                .into_response();
            let status = response.status().as_u16();
            let body = axum::body::to_bytes(response.into_body(), MAX_ANSWER_BYTES)
                .await
                .unwrap_or_default();
            Some((status, String::from_utf8_lossy(&body).into_owned()))
        }
        None => None,
    };
    parts.method = Method::GET;
    parts.headers.remove(header::CONTENT_TYPE);
    parts.extensions.insert(Posted { fields, answer });
    let mut response = render(Request::from_parts(parts, Body::empty())).await;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
