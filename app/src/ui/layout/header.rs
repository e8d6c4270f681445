use super::LanguageSwitch;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;

/// The top of every page: a link past the header, the portal's name, and the language switch.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__mark" aria-hidden="true">"1"</span>
                    <span class="site-header__text">
                        <span class="site-header__name">{t!(i18n, portal_name)}</span>
                        <span class="site-header__tagline">{t!(i18n, portal_tagline)}</span>
                    </span>
                </A>
                <nav class="site-nav" aria-label=move || t_string!(i18n, portal_name).to_string()>
                    <A href="/procedures" attr:class="site-nav__link">{t!(i18n, nav_procedures)}</A>
                </nav>
                <LanguageSwitch />
            </div>
        </header>
    }
}
