//! `/help`: how to use the portal and where to get help in person; linked from every page.

use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, help_title).to_string() />
        <div class="page page--help">
            <h1>{t!(i18n, help_title)}</h1>
            <p class="lead">{t!(i18n, help_lead)}</p>

            <h2>{t!(i18n, help_in_person_heading)}</h2>
            <p>{t!(i18n, help_in_person_text)}</p>

            <h2>{t!(i18n, help_use_heading)}</h2>
            <ul>
                <li>{t!(i18n, help_use_language)}</li>
                <li>{t!(i18n, help_use_search)}</li>
                <li>{t!(i18n, help_use_device)}</li>
            </ul>

            <h2>{t!(i18n, help_on_behalf_heading)}</h2>
            <p>{t!(i18n, help_on_behalf_text)}</p>

            <h2>{t!(i18n, help_papers_heading)}</h2>
            <p>{t!(i18n, help_papers_text)}</p>
        </div>
    }
}
