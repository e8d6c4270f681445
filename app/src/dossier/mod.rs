//! Dossiers drafted on the resident's device: the data kept for each (`model`), the form each
//! procedure asks for (`form`), the checks of what is typed (`validate`) and of attached files
//! (`attachment`). Plain Rust: the pages run it in the browser, the server will check
//! submissions with the same rules.

pub mod attachment;
pub mod calendar;
pub mod decision;
pub mod desk;
#[cfg(any(test, feature = "examples"))]
pub mod example;
pub mod form;
pub mod handoff;
pub mod model;
pub mod numbers;
pub mod received;
pub mod revision;
pub mod submission;
pub mod supplement;
pub mod tracking;
pub mod validate;
