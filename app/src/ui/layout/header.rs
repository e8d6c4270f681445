use super::{FailureNotice, LanguageSwitch, NetworkBadge, UpdateNotice};
use crate::tr;
use crate::ui::display::DisplayPanel;
use leptos::prelude::*;
use leptos_router::components::A;

/// The top of every page: a link past the header, the portal's name, the sections, the network
/// state, the language switch, help (the same place on every page) and the display panel; below
/// it, the notice of a new version.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{tr!(skip_to_content)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__mark" aria-hidden="true">"1"</span>
                    <span class="site-header__text">
                        <span class="site-header__name">{tr!(portal_name)}</span>
                        <span class="site-header__tagline">{tr!(portal_tagline)}</span>
                    </span>
                </A>
                <nav class="site-nav" aria-label=tr!(portal_name)>
                    <A href="/procedures" attr:class="site-nav__link">{tr!(nav_procedures)}</A>
                    <A href="/dossiers" attr:class="site-nav__link">{tr!(nav_dossiers)}</A>
                    <A href="/track" attr:class="site-nav__link">{tr!(nav_track)}</A>
                </nav>
                <A href="/help" attr:class="site-header__help">{tr!(nav_help)}</A>
                <NetworkBadge />
                <LanguageSwitch />
                <DisplayPanel />
            </div>
        </header>
        <UpdateNotice />
        <FailureNotice />
    }
}
