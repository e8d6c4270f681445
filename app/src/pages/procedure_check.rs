//! `/procedures/{code}/check`: the eligibility questions, one a page, then "check your
//! answers". The answers travel in the address (`?who=self&born=2026-08-26`), so Back, Forward
//! and reload keep them; `show=` names a question to show again (Back and Change links).
//!
//! The server renders each step from the address (the form is a plain GET, so it works before
//! any script); once hydrated, the browser runs the same rules without the network.

use crate::catalogue::model::Procedure;
use crate::catalogue::source::{self, CatalogueError, remember};
use crate::clock::today;
use crate::eligibility::answers::{AnswerError, Answers};
use crate::eligibility::evaluate::evaluate;
use crate::eligibility::model::Rules;
use crate::eligibility::rules_for;
use crate::i18n::*;
use crate::pages::procedure::{ProcedureNotFound, ProcedureOffline};
use crate::tr;
use crate::ui::check::{
    AnswerSummary, QuestionForm, check_href, english, focus_when_shown, result_href,
};
use crate::ui::layout::PageTitle;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ProcedureCheckPage() -> impl IntoView {
    view! { <WithProcedure render=|procedure| view! { <CheckSteps procedure /> } /> }
}

/// Loads the procedure named in the address (`:code`) and shows `render` of it, or the
/// not-found or offline page.
#[component]
pub fn WithProcedure<V>(render: fn(Procedure) -> V) -> impl IntoView
where
    V: IntoView + Send + 'static,
{
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|p| p.get("code").unwrap_or_default()));
    let procedure = Resource::new(move || code.get(), source::procedure);
    view! {
        <Transition fallback=move || view! { <p class="loading">{tr!(loading)}</p> }>
            {move || Suspend::new(async move {
                match procedure.await {
                    Ok(procedure) => EitherOf3::A(render(procedure)),
                    Err(CatalogueError::NotFound) => EitherOf3::B(view! { <ProcedureNotFound /> }),
                    Err(CatalogueError::Offline) => EitherOf3::C(view! { <ProcedureOffline /> }),
                }
            })}
        </Transition>
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
pub fn read_query() -> Memo<(Answers, Option<String>, Option<String>)> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| {
            let answers = Answers::from_pairs(q.into_iter().map(|(k, v)| (k.as_ref(), v)));
            (answers, q.get("show"), q.get("asked"))
        })
    })
}

#[component]
fn CheckSteps(procedure: Procedure) -> impl IntoView {
    remember(&procedure);
    let i18n = use_i18n();
    let code = procedure.code.clone();
    let name = procedure_name(&procedure);
    let name_lang = procedure_name_lang(&procedure);
    let rules = StoredValue::new(rules_for(&procedure));
    let query = read_query();
    move || {
        let (mut answers, show, asked) = query.get();
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
                            format!("{}: ", t_string!(i18n, check_error_title))
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
                focus_when_shown("page-heading".to_string());
                Either::Right(view! {
                    <PageTitle text=move || t_string!(i18n, check_answers_title).to_string() />
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
