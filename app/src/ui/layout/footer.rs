use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;

/// The bottom of every page, with the help link in the same place everywhere (WCAG 3.2.6).
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p class="site-footer__help">
                    <A href="/help" attr:class="site-footer__help-link">{t!(i18n, footer_help)}</A>
                    <span class="site-footer__hint">{t!(i18n, footer_help_hint)}</span>
                </p>
                <p>{t!(i18n, footer_about)}</p>
                <p>{t!(i18n, footer_offline)}</p>
            </div>
        </footer>
    }
}
