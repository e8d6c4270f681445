//! The frame around every page: header (portal name, language switch) and footer (help).

mod footer;
mod header;
mod language_switch;

pub use footer::Footer;
pub use header::Header;
pub use language_switch::LanguageSwitch;
