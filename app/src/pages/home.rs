//! `/`: what the portal does, for whom, and where to get help.

use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, portal_tagline).to_string() />
        <div class="page page--home">
            <h1>{t!(i18n, home_title)}</h1>
            <p class="lead">{t!(i18n, home_lead)}</p>

            <section aria-labelledby="home-steps">
                <h2 id="home-steps">{t!(i18n, home_steps_heading)}</h2>
                <ol class="steps">
                    <li>
                        <h3>{t!(i18n, home_step_find_title)}</h3>
                        <p>{t!(i18n, home_step_find_text)}</p>
                    </li>
                    <li>
                        <h3>{t!(i18n, home_step_check_title)}</h3>
                        <p>{t!(i18n, home_step_check_text)}</p>
                    </li>
                    <li>
                        <h3>{t!(i18n, home_step_papers_title)}</h3>
                        <p>{t!(i18n, home_step_papers_text)}</p>
                    </li>
                    <li>
                        <h3>{t!(i18n, home_step_draft_title)}</h3>
                        <p>{t!(i18n, home_step_draft_text)}</p>
                    </li>
                    <li>
                        <h3>{t!(i18n, home_step_submit_title)}</h3>
                        <p>{t!(i18n, home_step_submit_text)}</p>
                    </li>
                </ol>
            </section>

            <section aria-labelledby="home-who">
                <h2 id="home-who">{t!(i18n, home_who_heading)}</h2>
                <ul>
                    <li>{t!(i18n, home_who_self)}</li>
                    <li>{t!(i18n, home_who_family)}</li>
                    <li>{t!(i18n, home_who_desk)}</li>
                </ul>
            </section>

            <section class="callout" aria-labelledby="home-help">
                <h2 id="home-help">{t!(i18n, home_help_heading)}</h2>
                <p>{t!(i18n, home_help_text)}</p>
                <p>
                    <A href="/help" attr:class="button button--secondary">{t!(i18n, footer_help)}</A>
                </p>
            </section>
        </div>
    }
}
