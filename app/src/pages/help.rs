//! `/help`: where to get help in person (the chosen commune's or ward's service centre, its hours),
//! how to use the portal, the display modes; linked from the same place on every page.

use crate::catalogue::wards;
use crate::i18n::*;
use crate::tr;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HelpPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let chosen = move || {
        query
            .with(|q| q.get("ward"))
            .and_then(|c| c.trim().parse::<u32>().ok())
            .and_then(wards::ward)
    };
    let options = move || {
        let code = chosen().map(|w| w.code);
        wards::hanoi()
            .iter()
            .map(|w| {
                view! {
                    <option value=w.code.to_string() selected=code == Some(w.code)>{w.name.clone()}</option>
                }
            })
            .collect_view()
    };
    let office = move || {
        chosen().map(|ward| {
            let name = ward.name.clone();
            let title = {
                let name = name.clone();
                move || td_string!(locale, help_office_name, office = name.clone()).to_string()
            };
            let place =
                move || td_string!(locale, help_office_where, office = name.clone()).to_string();
            view! {
                <div class="panel office" data-testid="office">
                    <h3 class="office__name">{title}</h3>
                    <p>{place}</p>
                    <h4>{tr!(help_office_hours_heading)}</h4>
                    <p>{tr!(help_office_hours)}</p>
                </div>
            }
        })
    };
    view! {
        <PageTitle text=move || td_string!(locale, help_title).to_string() />
        <div class="page page--help">
            <h1>{tr!(help_title)}</h1>
            <p class="lead">{tr!(help_lead)}</p>

            <h2 id="office-heading">{tr!(help_in_person_heading)}</h2>
            <p>{tr!(help_in_person_text)}</p>
            <form class="office-form" method="get" action="/help#office-heading">
                <div class="form-group">
                    <label class="field__label" for="help-ward">{tr!(help_office_choose)}</label>
                    <select class="input" id="help-ward" name="ward">
                        <option value="" selected=move || chosen().is_none()>{tr!(detail_ward_choose)}</option>
                        {options}
                    </select>
                </div>
                <button type="submit" class="button button--secondary">{tr!(help_office_show)}</button>
            </form>
            {office}
            <p>{tr!(help_office_bring)}</p>

            <h2>{tr!(help_display_heading)}</h2>
            <p>{tr!(help_display_text)}</p>
            <p><a href="/settings">{tr!(help_display_link)}</a></p>

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
