//! Any address the portal does not have: a real 404 page (and status) with a way back.

use crate::i18n::*;
use crate::tr;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;
use leptos_router::components::A;

/// Answers the page being rendered with status 404 (on the server; nothing to do in the browser).
pub fn set_not_found_status() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_not_found_status();
    let locale = use_locale();
    view! {
        <PageTitle text=move || td_string!(locale, not_found_title).to_string() />
        <div class="page page--not-found">
            <h1>{tr!(not_found_title)}</h1>
            <p class="lead">{tr!(not_found_text)}</p>
            <ul class="actions">
                <li><A href="/" attr:class="button">{tr!(not_found_home)}</A></li>
                <li><A href="/help">{tr!(not_found_help)}</A></li>
            </ul>
        </div>
    }
}
