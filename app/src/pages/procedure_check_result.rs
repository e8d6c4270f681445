//! `/procedures/{code}/check/result`: the outcome of the check — can the resident apply here,
//! and if not why and what to do instead — then the fee, the time, where to file and the
//! personal document checklist, printable on one A4 page.

use crate::catalogue::model::Procedure;
use crate::catalogue::source::remember;
use crate::clock::today;
use crate::eligibility::evaluate::{Evaluation, evaluate};
use crate::eligibility::model::{LineRule, Rules, Verdict};
use crate::eligibility::rules_for;
use crate::i18n::*;
use crate::pages::procedure_check::{
    WithProcedure, procedure_name, procedure_name_lang, read_query,
};
use crate::tr;
use crate::ui::catalogue::{fee_summary, time_text};
use crate::ui::check::{
    AnswerSummary, Checklist, ListenRule, RuleText, Unconfirmed, check_href, focus_when_shown,
};
use crate::ui::dossier::start::StartDossier;
use crate::ui::layout::PageTitle;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn ProcedureCheckResultPage() -> impl IntoView {
    view! { <WithProcedure render=|procedure| view! { <Result procedure /> } /> }
}

#[component]
fn Result(procedure: Procedure) -> impl IntoView {
    remember(&procedure);
    let i18n = use_i18n();
    let name = procedure_name(&procedure);
    let name_lang = procedure_name_lang(&procedure);
    let rules = StoredValue::new(rules_for(&procedure));
    let procedure = StoredValue::new(procedure);
    let query = read_query();
    move || {
        let (answers, _, _) = query.get();
        let evaluation = rules.with_value(|r| evaluate(r, &answers, today()));
        let code = procedure.with_value(|p| p.code.clone());
        if !evaluation.is_done() {
            return Either::Left(view! {
                <PageTitle text=move || t_string!(i18n, result_title).to_string() />
                <div class="page page--check">
                    <span class="caption" lang=name_lang>{name}</span>
                    <h1>{tr!(result_title)}</h1>
                    <p class="lead">{tr!(result_not_done)}</p>
                    <p><a class="button" href=check_href(&code, &answers, None)>{tr!(result_continue)}</a></p>
                </div>
            });
        }
        Either::Right(view! { <Outcome procedure rules evaluation name name_lang /> })
    }
}

/// Lines of the result that hold, as a list (or a single paragraph).
fn lines(rules: &[LineRule], which: &[usize]) -> impl IntoView + use<> {
    let items = which
        .iter()
        .map(|&i| {
            let line = rules[i].clone();
            view! {
                <li><RuleText text=line.text />{line.uncertain.then(|| view! { " "<Unconfirmed /> })}</li>
            }
        })
        .collect_view();
    view! { <ul class="result-lines">{items}</ul> }
}

#[component]
fn Outcome(
    procedure: StoredValue<Procedure>,
    rules: StoredValue<Rules>,
    evaluation: Evaluation,
    name: Signal<String>,
    name_lang: Signal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = procedure.with_value(|p| p.code.clone());
    let outcome = rules.with_value(|r| r.outcomes[evaluation.outcome.unwrap_or_default()].clone());
    let hand_modelled = rules.with_value(|r| r.hand_modelled);
    let verdict = outcome.verdict;
    let heading = match verdict {
        Verdict::Eligible => tr!(result_eligible),
        Verdict::NotEligible => tr!(result_not_eligible),
        Verdict::Routed => tr!(result_routed),
        Verdict::Unchecked => tr!(result_unchecked),
    };
    let panel = match verdict {
        Verdict::Eligible => "result-panel result-panel--good",
        Verdict::Unchecked => "result-panel",
        _ => "result-panel result-panel--stop",
    };
    let title = heading;
    let next = outcome.next.clone().map(|next| {
        view! {
            <section aria-labelledby="next-heading">
                <h2 id="next-heading">{tr!(result_next)}</h2>
                <p><RuleText text=next /></p>
            </section>
        }
    });
    let route = outcome.route.clone().map(|route| {
        view! {
            <ul class="actions">
                <li><a class="button" href=format!("/procedures/{route}/check")>{tr!(result_go_route)}" ("{route.clone()}")"</a></li>
                <li><a href=format!("/procedures/{route}")>{tr!(result_read_route)}</a></li>
            </ul>
        }
    });
    let can_file = matches!(verdict, Verdict::Eligible | Verdict::Unchecked);
    let details = can_file.then(|| {
        let documents = rules.with_value(|r| {
            evaluation
                .documents
                .iter()
                .map(|&i| r.documents[i].clone())
                .collect::<Vec<_>>()
        });
        let fee = if evaluation.fees.is_empty() {
            let text = move || procedure.with_value(|p| fee_summary(i18n, p));
            Either::Left(view! { <p>{text}</p> })
        } else {
            Either::Right(rules.with_value(|r| lines(&r.fees, &evaluation.fees)))
        };
        let time = if evaluation.times.is_empty() {
            let text = move || {
                procedure.with_value(|p| {
                    p.channels
                        .first()
                        .map(|c| time_text(i18n, &c.time))
                        .unwrap_or_default()
                })
            };
            Either::Left(view! { <p>{text}</p> })
        } else {
            Either::Right(rules.with_value(|r| lines(&r.times, &evaluation.times)))
        };
        let places = rules.with_value(|r| lines(&r.places, &evaluation.places));
        let notes = (!evaluation.notes.is_empty())
            .then(|| rules.with_value(|r| lines(&r.notes, &evaluation.notes)));
        let empty = documents.is_empty();
        view! {
            <section class="result-checklist" aria-labelledby="checklist-heading">
                <h2 id="checklist-heading">{tr!(result_checklist)}</h2>
                {(!hand_modelled).then(|| view! { <p class="notice">{tr!(result_generic_note)}</p> })}
                {if empty {
                    Either::Left(view! { <p>{tr!(result_checklist_none)}</p> })
                } else {
                    Either::Right(view! {
                        <p class="no-print">{tr!(result_checklist_lead)}</p>
                        <Checklist code=code.clone() documents />
                    })
                }}
                <PrintButton />
            </section>
            <StartDossier procedure answers=rules.with_value(|r| evaluation.answers(r)) />
            <div class="result-facts">
                <section aria-labelledby="fee-heading">
                    <h2 id="fee-heading">{tr!(result_fee)}</h2>
                    {fee}
                </section>
                <section aria-labelledby="time-heading">
                    <h2 id="time-heading">{tr!(result_time)}</h2>
                    {time}
                </section>
                <section aria-labelledby="where-heading">
                    <h2 id="where-heading">{tr!(result_where)}</h2>
                    {places}
                    <p class="no-print"><a href=format!("/procedures/{code}#where")>{tr!(result_find_ward)}</a></p>
                </section>
            </div>
            {notes.map(|notes| view! {
                <section aria-labelledby="notes-heading">
                    <h2 id="notes-heading">{tr!(result_notes)}</h2>
                    {notes}
                </section>
            })}
            <p class="hint">{tr!(result_uncertain_note)}</p>
        }
    });
    focus_when_shown("page-heading".to_string());
    let answers_href = rules.with_value(|r| check_href(&code, &evaluation.answers(r), None));
    let printed = move || t_string!(i18n, result_printed_on, date = today().display()).to_string();
    view! {
        <PageTitle text=move || format!("{} – {}", title.get(), name.get()) />
        <div class="page page--check page--result" data-verdict=format!("{verdict:?}").to_lowercase()>
            <span class="caption"><span lang=name_lang>{name}</span>" · "{code.clone()}</span>
            <div class=panel>
                <h1 id="page-heading" tabindex="-1">{heading}</h1>
                <p class="result-panel__reason"><RuleText text=outcome.reason.clone() /></p>
                <ListenRule texts=vec![outcome.reason.clone()] lead=heading />
                {outcome.uncertain.then(|| view! { <p><Unconfirmed /></p> })}
            </div>
            {next}
            {route}
            {details}
            <section class="no-print" aria-labelledby="answers-heading">
                <h2 id="answers-heading">{tr!(result_answers)}</h2>
                <AnswerSummary code=code.clone() rules evaluation=evaluation.clone() />
                <p><a href=answers_href>{tr!(result_change_answers)}</a></p>
            </section>
            <p class="print-only">{printed}</p>
        </div>
    }
}

/// "Print the checklist": only once the page runs scripts (printing needs them).
#[component]
fn PrintButton() -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    view! {
        <Show when=move || ready.get()>
            <p class="no-print">
                <button type="button" class="button button--secondary" on:click=move |_| {
                    let _ = window().print();
                }>{tr!(result_print)}</button>
            </p>
        </Show>
    }
}
