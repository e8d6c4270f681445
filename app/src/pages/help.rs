//! `/help`: how to use the portal and where to get help in person; linked from every page.

use crate::i18n::*;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, help_title).to_string() />
        <div class="page page--help">
            <h1>{tr!(help_title)}</h1>
            <p class="lead">{tr!(help_lead)}</p>

            <h2>{tr!(help_in_person_heading)}</h2>
            <p>{tr!(help_in_person_text)}</p>

            <h2>{tr!(help_use_heading)}</h2>
            <ul>
                <li>{tr!(help_use_language)}</li>
                <li>{tr!(help_use_search)}</li>
                <li>{tr!(help_use_device)}</li>
            </ul>

            <h2>{tr!(help_on_behalf_heading)}</h2>
            <p>{tr!(help_on_behalf_text)}</p>

            <h2>{tr!(help_papers_heading)}</h2>
            <p>{tr!(help_papers_text)}</p>
        </div>
    }
}
