//! Server functions: the portal's API, one per file. Each has a fixed endpoint under `/api/`, so
//! pages cached by the service worker, and dossiers queued on a device, keep working after an
//! app update.

pub mod check_eligibility;
pub mod claim_handoff;
pub mod create_handoff;
pub mod dossier_statuses;
pub mod get_definition;
pub mod get_form;
pub mod get_procedure;
#[cfg(feature = "ssr")]
pub(crate) mod handoff_redeem;
pub mod list_wards;
pub mod rate_dossier;
#[cfg(feature = "ssr")]
pub mod store;
pub mod submit_dossier;
mod submit_error;
pub mod supplement_dossier;
pub mod track_dossier;
pub mod upload_attachment;

/// A server function's error as its answer's body (JSON), giving the answer the error's own HTTP
/// `status` (server-function errors are otherwise all 500: a client's mistake must read as one).
pub(crate) fn error_body<E: serde::Serialize>(error: &E, status: u16) -> leptos::server_fn::Bytes {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(status),
    ) {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
    serde_json::to_vec(error)
        .map(leptos::server_fn::Bytes::from)
        .unwrap_or_default()
}
