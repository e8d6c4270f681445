//! Components shared by the screens.

pub mod catalogue;
pub mod layout;
pub mod text;
