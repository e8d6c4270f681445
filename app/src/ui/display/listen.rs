//! "Listen": reads one question, hint, result or checklist item aloud, in the text's language,
//! with the same button turning into a visible "Stop" while it reads. Shown only in the read
//! aloud mode (`html[data-speak]`, so a page kept before the mode was chosen shows it too).
//! Reading is `/page.js`'s work (the browser's speech synthesis, in a voice of the text's
//! language; when the device has none it says so instead of reading Vietnamese with an English
//! voice).

use crate::i18n::Locale;
use crate::tr;
use crate::ui::text::use_locale;
use leptos::prelude::*;

/// A Listen button for `text`. `lang` is the text's language (`vi` or `en`); by default the
/// page's.
#[component]
pub fn Listen(
    #[prop(into)] text: Signal<String>,
    #[prop(optional, into)] lang: Option<Signal<&'static str>>,
) -> impl IntoView {
    let page = match use_locale() {
        Locale::en => "en",
        Locale::vi => "vi",
    };
    let lang = move || lang.map(|l| l.get()).unwrap_or(page);
    view! {
        <span class="listen no-print">
            <button type="button" class="listen__button" data-listen=text data-listen-lang=lang>
                <span class="listen__icon" aria-hidden="true"></span>
                " "
                <span class="listen__start">{tr!(listen)}</span>
                <span class="listen__stop">{tr!(listen_stop)}</span>
            </button>
            <span class="listen__problem" role="status"></span>
        </span>
    }
}
