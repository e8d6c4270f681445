//! `/procedures`: search the catalogue (`?q=`), browse it by life event (`?event=`, `&page=`).
//!
//! The server renders the results; once hydrated, results follow the search box as you type,
//! computed in the browser over the whole catalogue (which also works offline).

use crate::catalogue::listing::{Listing, SEARCH_RESULTS, list};
use crate::catalogue::model::LifeEvent;
use crate::catalogue::source::with_index;
use crate::i18n::*;
use crate::tr;
use crate::ui::catalogue::{LifeEventList, ResultList, SearchForm, event_name, procedures_href};
use crate::ui::layout::PageTitle;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ProceduresPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| p.get("q").unwrap_or_default()));
    let event = Memo::new(move |_| {
        params.with(|p| p.get("event").and_then(|slug| LifeEvent::from_slug(&slug)))
    });
    let page = Memo::new(move |_| {
        params.with(|p| {
            p.get("page")
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(1)
        })
    });
    let listing = Resource::new(
        move || (query.get(), event.get(), page.get()),
        |(query, event, page)| async move {
            with_index(move |index| list(index, &query, event, page)).await
        },
    );
    let title = move || match (query.with(|q| q.trim().is_empty()), event.get()) {
        (true, Some(event)) => event_name(i18n, event),
        (true, None) => t_string!(i18n, procedures_title).to_string(),
        (false, _) => format!(
            "“{}” – {}",
            query.get().trim(),
            t_string!(i18n, procedures_title)
        ),
    };
    view! {
        <PageTitle text=title />
        <div class="page page--procedures">
            <nav class="breadcrumbs" aria-label=tr!(breadcrumb_label)>
                <ol>
                    <li><a href="/">{tr!(breadcrumb_home)}</a></li>
                    <li>{tr!(breadcrumb_procedures)}</li>
                </ol>
            </nav>
            <h1>{tr!(procedures_title)}</h1>
            <p class="lead">{tr!(procedures_lead)}</p>
            <SearchForm query=query event=event live=true />
            <Transition fallback=move || view! { <p class="loading">{tr!(loading)}</p> }>
                {move || Suspend::new(async move {
                    match listing.await {
                        Ok(listing) => Either::Left(view! { <ListingView listing /> }),
                        Err(_) => Either::Right(view! {
                            <p class="notice notice--warning" role="status">{tr!(results_offline)}</p>
                        }),
                    }
                })}
            </Transition>
        </div>
    }
}

/// Search results, or one life event's procedures, or the list of life events.
#[component]
fn ListingView(listing: Listing) -> impl IntoView {
    let i18n = use_i18n();
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
                t_string!(
                    i18n,
                    results_count,
                    count = total,
                    query = summary_query.clone()
                )
                .to_string()
            } else {
                t_string!(i18n, results_none, query = summary_query.clone()).to_string()
            }
        };
        return EitherOf3::A(view! {
            <section class="results" aria-labelledby="results-heading">
                <h2 id="results-heading" class="visually-hidden">{tr!(results_heading)}</h2>
                <p class="results__summary" role="status">{summary}</p>
                {event.map(|event| {
                    view! { <p class="results__scope">{Signal::derive(move || t_string!(i18n, results_in_event, event = event_name(i18n, event)).to_string())}</p> }
                })}
                {(total > shown).then(|| {
                    view! { <p class="results__more">{Signal::derive(move || t_string!(i18n, results_top, shown = SEARCH_RESULTS).to_string())}</p> }
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
                <h2 id="event-heading">{Signal::derive(move || event_name(i18n, event))}</h2>
                <p>{Signal::derive(move || t_string!(i18n, browse_event_lead, count = total).to_string())}</p>
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
    let i18n = use_i18n();
    (pages > 1).then(|| {
        let previous = (page > 1).then(|| procedures_href("", Some(event), page - 1));
        let next = (page < pages).then(|| procedures_href("", Some(event), page + 1));
        view! {
            <nav class="pagination" aria-label=tr!(pagination_label)>
                {previous.map(|href| view! { <a href=href rel="prev">{tr!(page_previous)}</a> })}
                <span class="pagination__status">
                    {Signal::derive(move || t_string!(i18n, page_of, page = page, pages = pages).to_string())}
                </span>
                {next.map(|href| view! { <a href=href rel="next">{tr!(page_next)}</a> })}
            </nav>
        }
    })
}
