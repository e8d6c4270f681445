//! One module per screen, named after its route. A screen the server renders whole is compiled
//! for the server only; a screen with islands keeps its islands' components beside its page.

pub mod dossier;
pub mod dossier_receipt;
pub mod dossier_review;
pub mod dossier_section;
pub mod dossier_supplement;
pub mod dossiers;
pub mod handoff;
#[cfg(feature = "ssr")]
pub mod help;
#[cfg(feature = "ssr")]
pub mod home;
#[cfg(feature = "ssr")]
pub mod not_found;
pub mod offline;
pub mod people;
pub mod procedure;
pub mod procedure_check;
pub mod procedure_check_result;
pub mod procedures;
#[cfg(feature = "ssr")]
pub mod settings;
pub mod track;
