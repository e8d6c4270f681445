//! The answers given so far, each with a Change link (GOV.UK "check answers").

use super::{RuleText, check_href, english};
use crate::eligibility::answers::Answers;
use crate::eligibility::evaluate::{Evaluation, answer_text};
use crate::eligibility::model::Rules;
use crate::tr;
use leptos::prelude::*;

#[component]
pub fn AnswerSummary(
    code: String,
    rules: StoredValue<Rules>,
    evaluation: Evaluation,
) -> impl IntoView {
    let english = english();
    let answers: Answers = rules.with_value(|r| evaluation.answers(r));
    let rows = evaluation
        .steps
        .iter()
        .map(|step| {
            let (short, id) = rules.with_value(|r| {
                let q = &r.questions[step.question];
                (q.short.clone(), q.id.clone())
            });
            let (index, answer) = (step.question, step.answer.clone());
            let text = move || rules.with_value(|r| answer_text(r, index, &answer, english.get()));
            let change = check_href(&code, &answers, Some(&id));
            let hidden = short.clone();
            view! {
                <div class="summary-list__row">
                    <dt><RuleText text=short /></dt>
                    <dd>{text}</dd>
                    <dd class="summary-list__actions">
                        <a href=change>
                            {tr!(check_change)}
                            <span class="visually-hidden">" – "<RuleText text=hidden /></span>
                        </a>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list summary-list--answers">{rows}</dl> }
}
