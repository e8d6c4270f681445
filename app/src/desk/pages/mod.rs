//! The help desk's screens, one file per route under `/desk`.

pub mod assist;
pub mod dossier;
pub mod handoff;
pub mod login;
pub mod numbers;
pub mod password;
pub mod queue;
pub mod staff;
