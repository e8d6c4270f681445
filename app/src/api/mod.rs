//! Server functions: the portal's API, one per file. Each has a fixed endpoint under `/api/`, so
//! pages cached by the service worker keep working after an app update.

pub mod check_eligibility;
pub mod get_procedure;
pub mod list_wards;
