//! `/`: what the portal does, for whom, and where to get help.

use crate::catalogue::listing::list;
use crate::catalogue::model::LifeEvent;
use crate::catalogue::store::Catalogue;
use crate::i18n::*;
use crate::tr;
use crate::ui::catalogue::{LifeEventList, SearchForm};
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let everyday: Vec<(LifeEvent, usize)> = list(Catalogue::embedded().index(), "", None, 1)
        .counts
        .into_iter()
        .filter(|(event, _)| event.is_everyday())
        .collect();
    view! {
        <PageTitle text=move || td_string!(locale, portal_tagline).to_string() />
        <div class="page page--home">
            <h1>{tr!(home_title)}</h1>
            <p class="lead">{tr!(home_lead)}</p>

            <SearchForm query=String::new() />

            <section aria-labelledby="home-events">
                <h2 id="home-events">{tr!(home_events_heading)}</h2>
                <LifeEventList counts=everyday />
                <p><a href="/procedures">{tr!(home_events_all)}</a></p>
            </section>

            <section class="secondary" aria-labelledby="home-steps">
                <h2 id="home-steps">{tr!(home_steps_heading)}</h2>
                <ol class="steps">
                    <li>
                        <h3>{tr!(home_step_find_title)}</h3>
                        <p>{tr!(home_step_find_text)}</p>
                    </li>
                    <li>
                        <h3>{tr!(home_step_check_title)}</h3>
                        <p>{tr!(home_step_check_text)}</p>
                    </li>
                    <li>
                        <h3>{tr!(home_step_papers_title)}</h3>
                        <p>{tr!(home_step_papers_text)}</p>
                    </li>
                    <li>
                        <h3>{tr!(home_step_draft_title)}</h3>
                        <p>{tr!(home_step_draft_text)}</p>
                    </li>
                    <li>
                        <h3>{tr!(home_step_submit_title)}</h3>
                        <p>{tr!(home_step_submit_text)}</p>
                    </li>
                </ol>
            </section>

            <section class="secondary" aria-labelledby="home-who">
                <h2 id="home-who">{tr!(home_who_heading)}</h2>
                <ul>
                    <li>{tr!(home_who_self)}</li>
                    <li>{tr!(home_who_family)}</li>
                    <li>{tr!(home_who_desk)}</li>
                </ul>
            </section>

            <section class="callout" aria-labelledby="home-help">
                <h2 id="home-help">{tr!(home_help_heading)}</h2>
                <p>{tr!(home_help_text)}</p>
                <p>
                    <a href="/help" class="button button--secondary">{tr!(footer_help)}</a>
                </p>
            </section>
        </div>
    }
}
