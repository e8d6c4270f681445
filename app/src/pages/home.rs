//! `/`: what the portal does, for whom, and where to get help.

use crate::catalogue::listing::list;
use crate::catalogue::model::LifeEvent;
use crate::catalogue::source::with_index;
use crate::i18n::*;
use crate::ui::catalogue::{LifeEventList, SearchForm};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let everyday = Resource::new(
        || (),
        |_| async {
            with_index(|index| {
                let counts = list(index, "", None, 1).counts;
                counts
                    .into_iter()
                    .filter(|(event, _)| event.is_everyday())
                    .collect::<Vec<(LifeEvent, usize)>>()
            })
            .await
        },
    );
    view! {
        <Title text=move || t_string!(i18n, portal_tagline).to_string() />
        <div class="page page--home">
            <h1>{t!(i18n, home_title)}</h1>
            <p class="lead">{t!(i18n, home_lead)}</p>

            <SearchForm query=String::new() />

            <section aria-labelledby="home-events">
                <h2 id="home-events">{t!(i18n, home_events_heading)}</h2>
                <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
                    {move || Suspend::new(async move {
                        everyday.await.ok().map(|counts| view! { <LifeEventList counts /> })
                    })}
                </Suspense>
                <p><A href="/procedures">{t!(i18n, home_events_all)}</A></p>
            </section>

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
