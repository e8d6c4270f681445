//! The frame around every page: header (portal name, network state, language switch), the
//! new-version notice, and footer (help).

mod focus;
mod footer;
mod header;
mod language_switch;
mod network_badge;
mod update_notice;

pub use focus::FocusOnNavigation;
pub use footer::Footer;
pub use header::Header;
pub use language_switch::LanguageSwitch;
pub use network_badge::NetworkBadge;
pub use update_notice::UpdateNotice;
