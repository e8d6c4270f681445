//! `/settings`: text size and display, the same settings as the header's panel, on a page of
//! their own (to bookmark, or for a helper to open).

use crate::i18n::*;
use crate::tr;
use crate::ui::display::DisplayForm;
use crate::ui::layout::PageTitle;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle text=move || t_string!(i18n, display_title).to_string() />
        <div class="page page--settings">
            <h1>{tr!(display_title)}</h1>
            <p class="lead">{tr!(display_lead)}</p>
            <DisplayForm prefix="settings" />
            <p class="hint">{tr!(display_applied)}</p>
        </div>
    }
}
