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
