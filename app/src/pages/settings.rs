//! `/settings`: text size and display, the same settings as the header's panel, on a page of
//! their own (to bookmark, or for a helper to open).

use crate::i18n::*;
use crate::tr;
use crate::ui::display::DisplayForm;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <PageTitle text=move || td_string!(locale, display_title).to_string() />
        <div class="page page--settings">
            <h1>{tr!(display_title)}</h1>
            <p class="lead">{tr!(display_lead)}</p>
            <DisplayForm prefix="settings" />
            <p class="hint">{tr!(display_applied)}</p>
        </div>
    }
}
