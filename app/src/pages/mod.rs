//! One module per screen, named after its route.

pub mod help;
pub mod home;
pub mod not_found;
pub mod procedure;
pub mod procedure_check;
pub mod procedure_check_result;
pub mod procedures;
