//! `/desk/numbers`: the office's numbers for a chosen period (this month so far unless chosen):
//! received, processed on time, overdue and average satisfaction, per commune/ward and per
//! procedure — each as a table and as a bar chart drawn on the server.

use crate::desk::api::desk_numbers::desk_numbers;
use crate::desk::ui::DeskGate;
use crate::dossier::numbers::{Line, Numbers};
use crate::eligibility::date::Date;
use crate::i18n::*;
use crate::tr;
use crate::ui::check::english;
use crate::ui::dossier::text_signal;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DeskNumbersPage() -> impl IntoView {
    view! { <DeskGate><NumbersPage /></DeskGate> }
}

#[component]
fn NumbersPage() -> impl IntoView {
    let locale = use_locale();
    let english = english();
    let query = use_query_map();
    let period = Memo::new(move |_| {
        query.with(|q| {
            let day = |name: &str| q.get(name).and_then(|d| Date::parse(&d));
            (day("from"), day("to"))
        })
    });
    let numbers = Resource::new(
        move || (period.get(), english.get()),
        |((from, to), english)| desk_numbers(from, to, english),
    );
    view! {
        <PageTitle text=move || td_string!(locale, numbers_title).to_string() />
        <div class="page page--desk-numbers">
            <h1>{tr!(numbers_title)}</h1>
            <Transition fallback=move || view! { <p class="loading">{tr!(loading)}</p> }>
                {move || Suspend::new(async move {
                    match numbers.await {
                        Ok(numbers) => view! { <NumbersView numbers /> }.into_any(),
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
fn NumbersView(numbers: Numbers) -> impl IntoView {
    let locale = use_locale();
    let day = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let (from, to) = (numbers.from, numbers.to);
    let period = move || {
        td_string!(
            locale,
            numbers_period,
            from = from.map(|d| d.display()).unwrap_or_default(),
            to = to.map(|d| d.display()).unwrap_or_default()
        )
        .to_string()
    };
    let total = numbers.total.clone();
    view! {
        <Form method="GET" action="/desk/numbers">
            <div class="desk-filters__grid">
                <div class="form-group">
                    <label class="field__label" for="numbers-from">{tr!(desk_filter_from)}</label>
                    <input id="numbers-from" name="from" type="date" class="input" value=day(numbers.from) />
                </div>
                <div class="form-group">
                    <label class="field__label" for="numbers-to">{tr!(desk_filter_to)}</label>
                    <input id="numbers-to" name="to" type="date" class="input" value=day(numbers.to) />
                </div>
            </div>
            <p><button type="submit" class="button">{tr!(numbers_show)}</button></p>
        </Form>
        <p class="lead" data-testid="numbers-period">{period}</p>
        <dl class="numbers-total" data-testid="numbers-total">
            <div><dt>{tr!(numbers_received)}</dt><dd data-testid="total-received">{total.received}</dd></div>
            <div><dt>{tr!(numbers_on_time)}</dt><dd>{total.on_time}</dd></div>
            <div><dt>{tr!(numbers_overdue)}</dt><dd>{total.overdue}</dd></div>
            <div><dt>{tr!(numbers_satisfaction)}</dt><dd>{satisfaction(&total)}</dd></div>
        </dl>
        <section aria-labelledby="numbers-wards">
            <h2 id="numbers-wards">{tr!(numbers_by_ward)}</h2>
            <div class="chart-box" inner_html=numbers.ward_chart.clone()></div>
            <NumbersTable lines=numbers.by_ward.clone() first=tr!(desk_filter_ward) />
        </section>
        <section aria-labelledby="numbers-procedures">
            <h2 id="numbers-procedures">{tr!(numbers_by_procedure)}</h2>
            <div class="chart-box" inner_html=numbers.procedure_chart.clone()></div>
            <NumbersTable lines=numbers.by_procedure.clone() first=tr!(desk_col_procedure) />
        </section>
    }
}

fn satisfaction(line: &Line) -> String {
    match line.satisfaction {
        Some(avg) => format!("{avg:.1} / 5 ({})", line.ratings),
        None => "—".to_string(),
    }
}

#[component]
fn NumbersTable(lines: Vec<Line>, first: Signal<String>) -> impl IntoView {
    if lines.is_empty() {
        return view! { <p>{tr!(numbers_none)}</p> }.into_any();
    }
    let rows = lines
        .into_iter()
        .map(|line| {
            let rating = satisfaction(&line);
            view! {
                <tr data-key=line.key.clone()>
                    <th scope="row">{text_signal(line.name.clone())}</th>
                    <td>{line.received}</td>
                    <td>{line.on_time}</td>
                    <td>{line.overdue}</td>
                    <td>{rating}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="desk-table numbers-table">
            <thead>
                <tr>
                    <th scope="col">{first}</th>
                    <th scope="col">{tr!(numbers_received)}</th>
                    <th scope="col">{tr!(numbers_on_time)}</th>
                    <th scope="col">{tr!(numbers_overdue)}</th>
                    <th scope="col">{tr!(numbers_satisfaction)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
