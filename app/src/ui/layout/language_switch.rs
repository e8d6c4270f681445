use crate::language;
use crate::tr;
use crate::ui::text::use_locale;
use leptos::prelude::*;
use leptos_i18n::Locale as _;

/// A link to the other language, written in that language. The server remembers the choice (a
/// cookie) and sends the resident back to the same address, now in the other language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let target = language::other(use_locale());
    let here = super::current_address();
    let href = language::switch_href(target, &here);
    view! {
        <nav class="language-switch" aria-label=tr!(language_switch_label)>
            <a
                class="language-switch__link"
                href=href
                hreflang=target.as_str()
                lang=target.as_str()
                rel="alternate"
            >
                {tr!(language_other)}
            </a>
        </nav>
    }
}
