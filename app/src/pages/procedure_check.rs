//! `/procedures/{code}/check`: the eligibility questions, one a page, then "check your
//! answers". The answers travel in the address (`?who=self&born=2026-08-26`), so Back, Forward
//! and reload keep them; `show=` names a question to show again (Back and Change links).
//!
//! The server renders each step from the address (the form is a plain GET, so every step is a
//! new page and needs no script). Without a network, a step the device never kept is rendered by
//! the offline kit from the kept procedure record, with the same rules (see `pages::offline`).

use crate::catalogue::model::Procedure;
use crate::clock::today;
use crate::definition::Definition;
use crate::eligibility::answers::{AnswerError, Answers};
use crate::eligibility::evaluate::evaluate;
use crate::eligibility::model::Rules;
use crate::i18n::*;
use crate::tr;
use crate::ui::check::{AnswerSummary, QuestionForm, check_href, english, result_href};
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::either::Either;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
#[component]
pub fn ProcedureCheckPage() -> impl IntoView {
    with_procedure(
        |procedure, definition, query| view! { <CheckSteps procedure definition query /> },
    )
}

/// The procedure named in the address (`:code`), its definition and the address's query,
/// rendered by `render`;
/// the not-found page when there is no such procedure (server only).
#[cfg(feature = "ssr")]
pub fn with_procedure<V>(
    render: impl FnOnce(Procedure, Definition, Vec<(String, String)>) -> V,
) -> impl IntoView
where
    V: IntoView,
{
    use crate::catalogue::store::Catalogue;
    use crate::pages::procedure::ProcedureNotFound;
    use leptos_router::hooks::use_params_map;
    let code = use_params_map().with_untracked(|p| p.get("code").unwrap_or_default());
    match Catalogue::embedded().procedure(code.trim()) {
        Some(procedure) => Either::Left(render(
            procedure.clone(),
            crate::definition::definition(procedure),
            crate::island::page_query(),
        )),
        None => Either::Right(view! { <ProcedureNotFound /> }),
    }
}

/// The procedure's name in the page's language (Vietnamese when it has no English one).
pub fn procedure_name(procedure: &Procedure) -> Signal<String> {
    let english = english();
    let (vi, en) = (procedure.name_vi.clone(), procedure.name_en.clone());
    Signal::derive(move || match (&en, english.get()) {
        (Some(en), true) => en.clone(),
        _ => vi.clone(),
    })
}

/// `lang="vi"` for the name on English pages when the procedure has no English name.
pub fn procedure_name_lang(procedure: &Procedure) -> Signal<Option<&'static str>> {
    let english = english();
    let vietnamese_only = procedure.name_en.is_none();
    Signal::derive(move || (english.get() && vietnamese_only).then_some("vi"))
}

/// The answers in the address, and the page's own `show` and `asked`.
pub fn read_query(query: &[(String, String)]) -> (Answers, Option<String>, Option<String>) {
    let answers = Answers::from_pairs(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let find = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    (answers, find("show"), find("asked"))
}

/// The step the address names: the next question (or the one to show again), or "check your
/// answers" once every question is answered.
#[component]
pub fn CheckSteps(
    procedure: Procedure,
    definition: Definition,
    query: Vec<(String, String)>,
) -> impl IntoView {
    let locale = use_locale();
    let code = procedure.code.clone();
    let name = procedure_name(&procedure);
    let name_lang = procedure_name_lang(&procedure);
    let rules = StoredValue::new(definition.rules);
    let (mut answers, show, asked) = read_query(&query);
    {
        rules.with_value(|r| answers.keep_only(r.questions.iter().map(|q| q.id.as_str())));
        let evaluation = rules.with_value(|r| evaluate(r, &answers, today()));
        let shown = show
            .and_then(|id| rules.with_value(|r| r.questions.iter().position(|q| q.id == id)))
            .filter(|i| {
                evaluation.next == Some(*i) || evaluation.steps.iter().any(|s| s.question == *i)
            });
        match shown.or(evaluation.next) {
            Some(index) => {
                let question = rules.with_value(|r: &Rules| r.questions[index].clone());
                let error = if shown.is_some() {
                    None
                } else {
                    evaluation.error.or_else(|| {
                        (asked.as_deref() == Some(question.id.as_str()))
                            .then_some(AnswerError::Missing)
                    })
                };
                let n = evaluation
                    .steps
                    .iter()
                    .position(|s| s.question == index)
                    .unwrap_or(evaluation.steps.len())
                    + 1;
                let ahead = if evaluation.next.is_some() {
                    1 + evaluation.remaining
                } else {
                    0
                };
                let total = (evaluation.steps.len() + ahead).max(n);
                let back = match evaluation.previous(index) {
                    Some(previous) => rules.with_value(|r| {
                        check_href(&code, &answers, Some(&r.questions[previous].id))
                    }),
                    None => format!("/procedures/{code}"),
                };
                let title = {
                    let text = question.text.clone();
                    let english = english();
                    move || {
                        let prefix = if error.is_some() {
                            format!("{}: ", td_string!(locale, check_error_title))
                        } else {
                            String::new()
                        };
                        format!("{prefix}{}", text.get(english.get()))
                    }
                };
                Either::Left(view! {
                    <PageTitle text=title />
                    <div class="page page--check">
                        <QuestionForm code=code.clone() caption=name caption_lang=name_lang question answers error position=(n, total) back />
                    </div>
                })
            }
            None => {
                let back = evaluation
                    .steps
                    .last()
                    .map(|s| {
                        rules.with_value(|r| {
                            check_href(&code, &answers, Some(&r.questions[s.question].id))
                        })
                    })
                    .unwrap_or_else(|| format!("/procedures/{code}"));
                let result = rules.with_value(|r| result_href(&code, &evaluation.answers(r)));
                Either::Right(view! {
                    <PageTitle text=move || td_string!(locale, check_answers_title).to_string() />
                    <div class="page page--check">
                        <p class="check-nav"><a class="back-link" href=back>{tr!(check_back)}</a></p>
                        <span class="caption" lang=name_lang>{name}</span>
                        <h1 id="page-heading" tabindex="-1">{tr!(check_answers_title)}</h1>
                        <p class="lead">{tr!(check_answers_lead)}</p>
                        <AnswerSummary code=code.clone() rules evaluation />
                        <p><a class="button" href=result>{tr!(check_see_result)}</a></p>
                        <p><a href=format!("/procedures/{code}/check")>{tr!(check_start_again)}</a></p>
                        <p class="hint">{tr!(check_offline_saved)}</p>
                    </div>
                })
            }
        }
    }
}
