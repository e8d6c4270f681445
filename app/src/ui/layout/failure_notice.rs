//! "This page stopped working": `/page.js` shows it when a page's wasm panicked (or trapped)
//! again right after the reload that was to bring the resident back to a working page. The
//! resident reads a plain sentence and can reload or go to their dossiers; what the device keeps
//! is untouched.

use crate::tr;
use leptos::prelude::*;

#[component]
pub fn FailureNotice() -> impl IntoView {
    view! {
        <div class="failure-notice" role="alert" data-testid="failure-notice" hidden>
            <p class="failure-notice__inner">
                <span>{tr!(failure_text)}</span>" "
                <a class="button button--small" href="" data-failure-reload="">{tr!(store_reload)}</a>" "
                <a class="button button--small" href="/dossiers">{tr!(dossiers_title)}</a>
            </p>
        </div>
    }
}
