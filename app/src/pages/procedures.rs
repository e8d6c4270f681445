//! `/procedures`: search the catalogue (`?q=`), browse it by life event (`?event=`, `&page=`).
//!
//! The server renders the results (a plain GET form, so it works before any script); the search
//! is an island (bundle `search`): results follow the search box as the resident types, computed
//! in the browser over the whole catalogue (offline too, from the kept index), and the address
//! follows them so Back, reload and bookmarks keep the search.

use crate::catalogue::listing::{Listing, SEARCH_RESULTS};
use crate::catalogue::model::LifeEvent;
use crate::i18n::*;
use crate::tr;
use crate::ui::catalogue::{LifeEventList, ResultList, SearchForm, event_name, procedures_href};
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
#[component]
pub fn ProceduresPage() -> impl IntoView {
    use crate::catalogue::listing::list;
    use crate::catalogue::store::Catalogue;
    use crate::island::{Bundle, Island};
    use leptos_router::hooks::use_query_map;
    let params = use_query_map();
    let listing = params.with_untracked(|p| {
        let query = p.get("q").unwrap_or_default();
        let event = p.get("event").and_then(|slug| LifeEvent::from_slug(&slug));
        let page = p
            .get("page")
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(1);
        list(Catalogue::embedded().index(), &query, event, page)
    });
    view! {
        <div class="page page--procedures">
            <nav class="breadcrumbs" aria-label=tr!(breadcrumb_label)>
                <ol>
                    <li><a href="/">{tr!(breadcrumb_home)}</a></li>
                    <li>{tr!(breadcrumb_procedures)}</li>
                </ol>
            </nav>
            <h1>{tr!(procedures_title)}</h1>
            <p class="lead">{tr!(procedures_lead)}</p>
            <Island bundle=Bundle::Search name="search" props=listing.clone()>
                <Search listing=listing.clone() />
            </Island>
        </div>
    }
}

/// The search box and what it finds (an island): on every keystroke the browser searches the
/// index (downloaded when the box first gets the focus) and shows the results, and the address
/// follows (replaced, not pushed: one Back leaves the search).
#[component]
pub fn Search(listing: Listing) -> impl IntoView {
    let locale = use_locale();
    let event = listing.event;
    let query = RwSignal::new(listing.query.clone());
    let shown = RwSignal::new(listing);
    let on_input = Callback::new(move |typed: String| {
        query.set(typed.clone());
        #[cfg(feature = "csr")]
        {
            let href = procedures_href(&typed, event, 1);
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
            }
            leptos::task::spawn_local(async move {
                let Ok(index) = crate::device::catalogue::index().await else {
                    return;
                };
                // A later keystroke may have been answered first.
                if query.get_untracked() == typed {
                    shown.set(crate::catalogue::listing::list(&index, &typed, event, 1));
                }
            });
        }
    });
    let title = move || {
        let typed = query.get();
        match (typed.trim().is_empty(), event) {
            (true, Some(event)) => event_name(locale, event),
            (true, None) => td_string!(locale, procedures_title).to_string(),
            (false, _) => format!(
                "“{}” – {}",
                typed.trim(),
                td_string!(locale, procedures_title)
            ),
        }
    };
    view! {
        <PageTitle text=title />
        <SearchForm query=query event on_input />
        {move || view! { <ListingView listing=shown.get() /> }}
    }
}

/// Mounts the search island (bundle `search`) into `element`.
#[cfg(feature = "csr")]
pub fn mount_search(element: web_sys::HtmlElement) -> bool {
    crate::island::browser::mount(element, |listing: Listing| view! { <Search listing /> })
}

/// Search results, or one life event's procedures, or the list of life events.
#[component]
fn ListingView(listing: Listing) -> impl IntoView {
    let locale = use_locale();
    let Listing {
        query,
        event,
        page,
        pages,
        entries,
        total,
        counts,
    } = listing;
    let query = query.trim().to_string();
    if !query.is_empty() {
        let shown = entries.len();
        let found = total > 0;
        let summary_query = query.clone();
        let summary = move || {
            if found {
                td_string!(
                    locale,
                    results_count,
                    count = total,
                    query = summary_query.clone()
                )
                .to_string()
            } else {
                td_string!(locale, results_none, query = summary_query.clone()).to_string()
            }
        };
        return EitherOf3::A(view! {
            <section class="results" aria-labelledby="results-heading">
                <h2 id="results-heading" class="visually-hidden">{tr!(results_heading)}</h2>
                <p class="results__summary" role="status">{summary}</p>
                {event.map(|event| {
                    view! { <p class="results__scope">{Signal::derive(move || td_string!(locale, results_in_event, event = event_name(locale, event)).to_string())}</p> }
                })}
                {(total > shown).then(|| {
                    view! { <p class="results__more">{Signal::derive(move || td_string!(locale, results_top, shown = SEARCH_RESULTS).to_string())}</p> }
                })}
                {(!found).then(|| view! { <p>{tr!(results_none_hint)}</p> })}
                <ResultList entries />
            </section>
            <EventFilter counts query event found />
        });
    }
    match event {
        Some(event) => EitherOf3::B(view! {
            <section class="results" aria-labelledby="event-heading">
                <h2 id="event-heading">{Signal::derive(move || event_name(locale, event))}</h2>
                <p>{Signal::derive(move || td_string!(locale, browse_event_lead, count = total).to_string())}</p>
                <ResultList entries />
                <Pagination event page pages />
                <h2>{tr!(browse_heading)}</h2>
                <LifeEventList counts current=Some(event) />
            </section>
        }),
        None => EitherOf3::C(view! {
            <section aria-labelledby="browse-heading">
                <h2 id="browse-heading">{tr!(browse_heading)}</h2>
                <LifeEventList counts />
            </section>
        }),
    }
}

/// Narrowing a search by life event, with the number of matches in each.
#[component]
fn EventFilter(
    counts: Vec<(LifeEvent, usize)>,
    query: String,
    event: Option<LifeEvent>,
    /// False when nothing matched: then `counts` are the life events' sizes, to browse instead.
    found: bool,
) -> impl IntoView {
    if !found {
        return Either::Left(view! {
            <section aria-labelledby="browse-heading">
                <h2 id="browse-heading">{tr!(browse_heading)}</h2>
                <LifeEventList counts />
            </section>
        });
    }
    let all_href = procedures_href(&query, None, 1);
    let all_current = event.is_none().then_some("page");
    Either::Right(view! {
        <nav class="filter" aria-labelledby="filter-heading">
            <h2 class="filter__heading" id="filter-heading">{tr!(filter_heading)}</h2>
            <p class="filter__all">
                <a href=all_href aria-current=all_current>{tr!(filter_all)}</a>
            </p>
            <LifeEventList counts query current=event />
        </nav>
    })
}

#[component]
fn Pagination(event: LifeEvent, page: usize, pages: usize) -> impl IntoView {
    let locale = use_locale();
    (pages > 1).then(|| {
        let previous = (page > 1).then(|| procedures_href("", Some(event), page - 1));
        let next = (page < pages).then(|| procedures_href("", Some(event), page + 1));
        view! {
            <nav class="pagination" aria-label=tr!(pagination_label)>
                {previous.map(|href| view! { <a href=href rel="prev">{tr!(page_previous)}</a> })}
                <span class="pagination__status">
                    {Signal::derive(move || td_string!(locale, page_of, page = page, pages = pages).to_string())}
                </span>
                {next.map(|href| view! { <a href=href rel="next">{tr!(page_next)}</a> })}
            </nav>
        }
    })
}
