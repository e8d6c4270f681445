//! The frame around every page: header (portal name, network state, language switch, display
//! panel), the new-version notice, and footer (help, and the texts `/page.js` shows).

mod failure_notice;
mod footer;
mod header;
mod language_switch;
mod network_badge;
mod page_title;
mod update_notice;

pub use failure_notice::FailureNotice;
pub use footer::Footer;
pub use header::Header;
pub use language_switch::LanguageSwitch;
pub use network_badge::NetworkBadge;
pub use page_title::PageTitle;
pub use update_notice::UpdateNotice;

/// The address of the page being rendered, path and query (`/procedures?q=…`): where the
/// language switch and the display settings come back to.
pub fn current_address() -> String {
    // The query as the address has it (`q=khai%20sinh` stays so), not decoded and encoded again.
    #[cfg(any(feature = "csr", feature = "ssr"))]
    use leptos::prelude::*;
    #[cfg(feature = "csr")]
    let query = window()
        .location()
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_string();
    #[cfg(feature = "ssr")]
    let query = use_context::<http::request::Parts>()
        .and_then(|parts| parts.uri.query().map(str::to_string))
        .unwrap_or_default();
    #[cfg(not(any(feature = "csr", feature = "ssr")))]
    let query = String::new();
    let path = crate::island::page_path();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}
