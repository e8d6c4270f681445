//! One module per screen, named after its route.

pub mod desk;
pub mod desk_assist;
pub mod desk_dossier;
pub mod desk_handoff;
pub mod desk_login;
pub mod desk_numbers;
pub mod desk_staff;
pub mod dossier;
pub mod dossier_receipt;
pub mod dossier_review;
pub mod dossier_section;
pub mod dossier_supplement;
pub mod dossiers;
pub mod handoff;
pub mod help;
pub mod home;
pub mod not_found;
pub mod people;
pub mod procedure;
pub mod procedure_check;
pub mod procedure_check_result;
pub mod procedures;
pub mod settings;
pub mod track;
