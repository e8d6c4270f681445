//! Components shared by the screens.

pub mod catalogue;
pub mod check;
pub mod display;
pub mod dossier;
pub mod layout;
pub mod text;
