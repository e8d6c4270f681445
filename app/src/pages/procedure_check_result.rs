//! `/procedures/{code}/check/result`: the outcome of the check — can the resident apply here,
//! and if not why and what to do instead — then the fee, the time, where to file and the
//! personal document checklist, printable on one A4 page. The checklist's ticks ("I have it",
//! kept on the device) and "Start the dossier" are an island (bundle `start`).

use crate::catalogue::model::Procedure;
use crate::clock::today;
use crate::definition::Definition;
use crate::eligibility::evaluate::{Evaluation, evaluate};
use crate::eligibility::model::{LineRule, Rules, Verdict};
use crate::i18n::*;
use crate::pages::procedure_check::{procedure_name, procedure_name_lang, read_query};
use crate::tr;
use crate::ui::catalogue::{fee_summary, time_text};
use crate::ui::check::checklist::{StartIsland, StartProps};
use crate::ui::check::{AnswerSummary, ListenRule, RuleText, Unconfirmed, check_href};
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::either::Either;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
#[component]
pub fn ProcedureCheckResultPage() -> impl IntoView {
    crate::pages::procedure_check::with_procedure(|procedure, definition, query| {
        view! { <CheckResult procedure definition query /> }
    })
}

/// The result of the check for the answers in the address (or, when they do not yet lead to a
/// result, a link back to the questions).
#[component]
pub fn CheckResult(
    procedure: Procedure,
    definition: Definition,
    query: Vec<(String, String)>,
) -> impl IntoView {
    let locale = use_locale();
    let name = procedure_name(&procedure);
    let name_lang = procedure_name_lang(&procedure);
    let carried = definition.form.carried.clone();
    let applicant = definition.form.section("applicant").cloned();
    let form = definition.form.clone();
    let rules = StoredValue::new(definition.rules);
    let procedure = StoredValue::new(procedure);
    let (answers, _, _) = read_query(&query);
    {
        let evaluation = rules.with_value(|r| evaluate(r, &answers, today()));
        let code = procedure.with_value(|p| p.code.clone());
        if !evaluation.is_done() {
            return Either::Left(view! {
                <PageTitle text=move || td_string!(locale, result_title).to_string() />
                <div class="page page--check">
                    <span class="caption" lang=name_lang>{name}</span>
                    <h1>{tr!(result_title)}</h1>
                    <p class="lead">{tr!(result_not_done)}</p>
                    <p><a class="button" href=check_href(&code, &answers, None)>{tr!(result_continue)}</a></p>
                </div>
            });
        }
        // The dossier's parts for whom these answers say it is for.
        let who_for = crate::dossier::model::WhoFor::from_answer(answers.raw("who"));
        let parts = form.sections_shown(who_for.is_someone_else()).len() + 1;
        Either::Right(
            view! { <Outcome procedure rules evaluation name name_lang carried applicant parts /> },
        )
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
    /// The check's answers that fill the dossier (see [`Definition::carried`]).
    carried: Vec<(String, String)>,
    /// The dossier's first part, which a saved person fills.
    applicant: Option<crate::dossier::form::Section>,
    /// The dossier's parts in all.
    parts: usize,
) -> impl IntoView {
    let locale = use_locale();
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
    let answers = rules.with_value(|r| evaluation.answers(r));
    let details = can_file.then(|| {
        let documents = rules.with_value(|r| {
            evaluation
                .documents
                .iter()
                .map(|&i| r.documents[i].clone())
                .collect::<Vec<_>>()
        });
        let fee = if evaluation.fees.is_empty() {
            let text = move || procedure.with_value(|p| fee_summary(locale, p));
            Either::Left(view! { <p>{text}</p> })
        } else {
            Either::Right(rules.with_value(|r| lines(&r.fees, &evaluation.fees)))
        };
        let time = if evaluation.times.is_empty() {
            let text = move || {
                procedure.with_value(|p| {
                    p.channels
                        .first()
                        .map(|c| time_text(locale, &c.time))
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
                    Either::Right(view! { <p class="no-print">{tr!(result_checklist_lead)}</p> })
                }}
                <StartIsland props=StartProps {
                    code: code.clone(),
                    name: procedure.with_value(|p| crate::eligibility::model::Text {
                        vi: p.name_vi.clone(),
                        en: p.name_en.clone(),
                    }),
                    documents,
                    form: crate::definition::carried_fields(&carried, &answers.0),
                    applicant,
                    parts,
                    answers: answers.0,
                } />
                <p class="no-print print-button">
                    <button type="button" class="button button--secondary" data-print="">{tr!(result_print)}</button>
                </p>
            </section>
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
    let answers_href = rules.with_value(|r| check_href(&code, &evaluation.answers(r), None));
    let printed =
        move || td_string!(locale, result_printed_on, date = today().display()).to_string();
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
