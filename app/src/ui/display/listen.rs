//! "Listen": reads one question, hint, result or checklist item aloud, in the text's language,
//! with the same button turning into a visible "Stop" while it reads. Shown only in the read
//! aloud mode. When the device has no voice for the language it says so instead of staying
//! silent.

use super::use_display;
use crate::display::voice::SpeechProblem;
use crate::i18n::*;
use leptos::prelude::*;

/// Which Listen button is reading now: one at a time in the whole app ([`super::DisplayRoot`]
/// provides it).
#[derive(Clone, Copy)]
pub(super) struct Reading(pub(super) RwSignal<Option<u32>>);

fn reading() -> Reading {
    use_context::<Reading>().unwrap_or_else(|| Reading(RwSignal::new(None)))
}

fn next_id() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A Listen button for `text`. `lang` is the text's language (`vi` or `en`); by default the
/// page's.
#[component]
pub fn Listen(
    #[prop(into)] text: Signal<String>,
    #[prop(optional, into)] lang: Option<Signal<&'static str>>,
) -> impl IntoView {
    let modes = use_display();
    let i18n = use_i18n();
    let reading = reading().0;
    let me = next_id();
    let problem = RwSignal::new(None::<SpeechProblem>);
    let lang = lang.unwrap_or_else(|| {
        Signal::derive(move || match i18n.get_locale() {
            Locale::en => "en",
            Locale::vi => "vi",
        })
    });
    let active = move || reading.get() == Some(me);
    let press = move |_| {
        if reading.get_untracked() == Some(me) {
            #[cfg(feature = "hydrate")]
            crate::device::speech::stop();
            reading.set(None);
            return;
        }
        problem.set(None);
        #[cfg(feature = "hydrate")]
        {
            let text = text.get_untracked();
            let lang = lang.get_untracked();
            leptos::task::spawn_local(async move {
                let ended = move || {
                    if reading.try_get_untracked() == Some(Some(me)) {
                        reading.try_set(None);
                    }
                };
                match crate::device::speech::speak(&text, lang, ended).await {
                    Ok(()) => {
                        reading.try_set(Some(me));
                    }
                    Err(p) => {
                        problem.try_set(Some(p));
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (text, lang);
    };
    let message = move || {
        problem.get().map(|p| match p {
            SpeechProblem::Unsupported => t_string!(i18n, listen_unsupported).to_string(),
            SpeechProblem::NoVoice("en") => t_string!(i18n, listen_no_voice_en).to_string(),
            SpeechProblem::NoVoice(_) => t_string!(i18n, listen_no_voice_vi).to_string(),
        })
    };
    let label = move || {
        if active() {
            t_string!(i18n, listen_stop).to_string()
        } else {
            t_string!(i18n, listen).to_string()
        }
    };
    view! {
        <Show when=move || modes.get().read_aloud>
            <span class="listen no-print">
                <button type="button" class="listen__button" class:listen__button--active=active on:click=press>
                    <span class="listen__icon" aria-hidden="true">{move || if active() { "■" } else { "▶" }}</span>
                    " "{label}
                </button>
                <span class="listen__problem" role="status">{message}</span>
            </span>
        </Show>
    }
}
