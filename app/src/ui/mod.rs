//! Components shared by the screens.

pub mod catalogue;
pub mod check;
pub mod layout;
pub mod text;
