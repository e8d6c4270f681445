//! The frame around every page: header (portal name, network state, language switch), the
//! new-version notice, and footer (help).

mod focus;
mod footer;
mod header;
mod language_switch;
mod network_badge;
mod page_title;
mod update_notice;

pub use focus::FocusOnNavigation;
pub use footer::Footer;
pub use header::Header;
pub use language_switch::LanguageSwitch;
pub use network_badge::NetworkBadge;
pub use page_title::PageTitle;
pub use update_notice::UpdateNotice;

/// The address of the page shown, path and query (`/procedures?q=…`), following navigation: where
/// the language switch and the display settings come back to.
pub fn current_address() -> leptos::prelude::Signal<String> {
    use leptos::prelude::*;
    let location = leptos_router::hooks::use_location();
    Signal::derive(move || {
        let search = location.search.get();
        let query = if search.is_empty() || search.starts_with('?') {
            search
        } else {
            format!("?{search}")
        };
        format!("{}{query}", location.pathname.get())
    })
}
