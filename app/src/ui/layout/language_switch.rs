use crate::i18n::*;
use crate::language;
use crate::tr;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// A link to the other language, written in that language. Before the wasm has loaded it goes
/// through the server (which remembers the choice and comes back); once hydrated it switches in
/// place, keeping everything on the page.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let here = super::current_address();
    let target = move || language::other(i18n.get_locale());
    let href = move || language::switch_href(target(), &here.get());
    let switch = move |ev: MouseEvent| {
        // Let the browser handle "open in new tab" and similar gestures.
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        i18n.set_locale(language::other(i18n.get_locale_untracked()));
    };
    view! {
        <nav class="language-switch" aria-label=tr!(language_switch_label)>
            <a
                class="language-switch__link"
                href=href
                hreflang=move || target().as_str()
                lang=move || target().as_str()
                rel="alternate"
                on:click=switch
            >
                {tr!(language_other)}
            </a>
        </nav>
    }
}
