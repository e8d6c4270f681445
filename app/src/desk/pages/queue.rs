//! `/desk`: the queue of the officer's communes and wards — dossiers waiting, earliest due date
//! first, overdue ones marked — with filters by status, procedure, ward and day of receipt (all in
//! the address, so a filtered queue can be bookmarked) and the count per status.

use crate::catalogue::wards;
use crate::clock::today;
use crate::desk::api::desk_queue::desk_queue;
use crate::desk::ui::{DeskGate, StatusTag, use_desk};
use crate::dossier::desk::{Queue, QueueFilter, QueueRow, dossier_href};
use crate::dossier::model::hanoi_date_time;
use crate::dossier::submission::Status;
use crate::dossier::tracking::TrackingCode;
use crate::i18n::*;
use crate::staff::Role;
use crate::tr;
use crate::ui::dossier::text_signal;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DeskPage() -> impl IntoView {
    view! { <DeskGate><DeskQueue /></DeskGate> }
}

#[component]
fn DeskQueue() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| QueueFilter::from_query(|k| q.get(k))));
    let queue = Resource::new(move || filter.get(), desk_queue);
    view! {
        <PageTitle text=move || td_string!(locale, desk_queue_title).to_string() />
        <div class="page page--desk">
            <h1>{tr!(desk_queue_title)}</h1>
            <Transition fallback=move || view! { <p class="loading">{tr!(loading)}</p> }>
                {move || Suspend::new(async move {
                    match queue.await {
                        Ok(queue) => view! { <QueueView queue filter=filter.get_untracked() /> }.into_any(),
                        Err(error) => view! {
                            <p class="notice notice--error" role="alert">{text_signal(error.text())}</p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn QueueView(queue: Queue, filter: QueueFilter) -> impl IntoView {
    let locale = use_locale();
    let session = use_desk();
    let total: u32 = queue.counts.iter().map(|(_, n)| n).sum();
    let counts = queue
        .counts
        .iter()
        .map(|(status, n)| {
            let href = format!(
                "/desk?{}",
                QueueFilter {
                    status: Some(*status),
                    ..filter.clone()
                }
                .to_query()
            );
            let current = filter.status == Some(*status);
            view! {
                <li class="desk-counts__item" class:desk-counts__item--current=current data-status=status.as_str()>
                    <a href=href aria-current=current.then_some("page")>
                        <span class="desk-counts__n">{*n}</span>" "{text_signal(status.text())}
                    </a>
                </li>
            }
        })
        .collect_view();
    let all_href = format!(
        "/desk?{}",
        QueueFilter {
            status: None,
            ..filter.clone()
        }
        .to_query()
    );
    let status_options = Status::ALL
        .iter()
        .map(|status| {
            let selected = filter.status == Some(*status);
            view! { <option value=status.as_str() selected=selected>{text_signal(status.text())}</option> }
        })
        .collect_view();
    let procedure_options = queue
        .procedures
        .iter()
        .map(|(code, name)| {
            let selected = filter.procedure.as_deref() == Some(code.as_str());
            view! { <option value=code.clone() selected=selected>{text_signal(name.clone())}</option> }
        })
        .collect_view();
    let ward_codes: Vec<u32> = match session.staff.role {
        Role::Admin => wards::hanoi().iter().map(|w| w.code).collect(),
        Role::Officer => queue.wards.clone(),
    };
    let ward_filter = (ward_codes.len() > 1).then(|| {
        let options = ward_codes
            .iter()
            .filter_map(|code| wards::ward(*code))
            .map(|w| {
                let selected = filter.ward == Some(w.code);
                view! { <option value=w.code.to_string() selected=selected>{w.name.clone()}</option> }
            })
            .collect_view();
        view! {
            <div class="form-group">
                <label class="field__label" for="filter-ward">{tr!(desk_filter_ward)}</label>
                <select id="filter-ward" name="ward" class="select">
                    <option value="">{tr!(desk_filter_all)}</option>
                    {options}
                </select>
            </div>
        }
    });
    let day =
        |d: Option<crate::eligibility::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let more = queue
        .more
        .then(|| view! { <p class="notice">{tr!(desk_queue_more)}</p> });
    let rows = queue.rows;
    let shown = rows.len();
    let table = if rows.is_empty() {
        view! { <p data-testid="desk-empty">{tr!(desk_queue_empty)}</p> }.into_any()
    } else {
        let today = today();
        let body = rows
            .into_iter()
            .map(|row| view! { <QueueLine row today /> })
            .collect_view();
        view! {
            <table class="desk-table" data-testid="desk-queue">
                <caption class="visually-hidden">{move || td_string!(locale, desk_queue_caption, shown = shown).to_string()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr!(desk_col_code)}</th>
                        <th scope="col">{tr!(desk_col_procedure)}</th>
                        <th scope="col">{tr!(desk_col_applicant)}</th>
                        <th scope="col">{tr!(desk_col_received)}</th>
                        <th scope="col">{tr!(desk_col_due)}</th>
                        <th scope="col">{tr!(desk_col_status)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <nav class="desk-counts" aria-label=move || tr!(desk_counts_label).get()>
            <ul>
                <li class="desk-counts__item" class:desk-counts__item--current=filter.status.is_none()>
                    <a href=all_href aria-current=filter.status.is_none().then_some("page")>
                        <span class="desk-counts__n">{total}</span>" "{tr!(desk_counts_all)}
                    </a>
                </li>
                {counts}
            </ul>
        </nav>
        <details class="desk-filters" open=filter != QueueFilter::default()>
            <summary>{tr!(desk_filters)}</summary>
            <Form method="GET" action="/desk">
                <div class="desk-filters__grid">
                    <div class="form-group">
                        <label class="field__label" for="filter-status">{tr!(desk_col_status)}</label>
                        <select id="filter-status" name="status" class="select">
                            <option value="">{tr!(desk_filter_all)}</option>
                            {status_options}
                        </select>
                    </div>
                    <div class="form-group">
                        <label class="field__label" for="filter-procedure">{tr!(desk_col_procedure)}</label>
                        <select id="filter-procedure" name="procedure" class="select">
                            <option value="">{tr!(desk_filter_all)}</option>
                            {procedure_options}
                        </select>
                    </div>
                    {ward_filter}
                    <div class="form-group">
                        <label class="field__label" for="filter-from">{tr!(desk_filter_from)}</label>
                        <input id="filter-from" name="from" type="date" class="input" value=day(filter.from) />
                    </div>
                    <div class="form-group">
                        <label class="field__label" for="filter-to">{tr!(desk_filter_to)}</label>
                        <input id="filter-to" name="to" type="date" class="input" value=day(filter.to) />
                    </div>
                </div>
                <p class="actions">
                    <button type="submit" class="button">{tr!(desk_filter_apply)}</button>
                    <a class="button button--secondary" href="/desk">{tr!(desk_filter_clear)}</a>
                </p>
            </Form>
        </details>
        {more}
        {table}
    }
}

#[component]
fn QueueLine(row: QueueRow, today: crate::eligibility::date::Date) -> impl IntoView {
    let overdue = row.overdue(today);
    let code = TrackingCode::parse(&row.tracking_code)
        .map(|c| c.grouped())
        .unwrap_or_else(|_| row.tracking_code.clone());
    let office = wards::ward(row.office)
        .map(|w| w.name.clone())
        .unwrap_or_default();
    view! {
        <tr class:desk-table__row--overdue=overdue data-code=row.tracking_code.clone()>
            <td><a href=dossier_href(&row.tracking_code) class="desk-table__code">{code}</a></td>
            <td>{text_signal(row.procedure_name.clone())}<br /><span class="hint">{office}</span></td>
            <td>{row.applicant.clone()}</td>
            <td>{hanoi_date_time(row.received_at)}</td>
            <td>
                {row.due_date.map(|d| d.display())}
                {overdue.then(|| view! { " "<strong class="tag tag--overdue" data-testid="overdue">{tr!(desk_overdue)}</strong> })}
            </td>
            <td><StatusTag status=row.status /></td>
        </tr>
    }
}
