//! The officer's decision on a dossier: the next status (only those the rules allow from where it
//! stands), the reason — required for "more documents needed" and refusals, and shown to the
//! resident word for word — and, for more documents, the papers missing, ticked from the
//! dossier's own checklist.

use crate::desk::api::decide_dossier::{Decided, decide_dossier};
use crate::desk::ui::use_desk;
use crate::dossier::decision::{MAX_REASON_CHARS, needs_reason, next_statuses};
use crate::dossier::submission::{Paper, Status};
use crate::tr;
use crate::ui::check::focus_element;
use crate::ui::dossier::text_signal;
use leptos::prelude::*;

#[component]
pub fn DecisionForm(
    tracking_code: String,
    from: Status,
    checklist: Vec<Paper>,
    on_decided: Callback<()>,
    /// What was wrong with a decision the form posted before the desk ran.
    problem_at_first: Option<crate::eligibility::model::Text>,
) -> impl IntoView {
    let session = use_desk();
    let csrf = StoredValue::new(session.csrf);
    // Without the desk running, the form is posted to the page, which stores the decision.
    let action = format!("/desk/dossiers/{tracking_code}");
    let code = StoredValue::new(tracking_code);
    let to = RwSignal::new(None::<Status>);
    let reason = RwSignal::new(String::new());
    let missing = RwSignal::new(Vec::<String>::new());
    let problem = RwSignal::new(problem_at_first.map(text_signal));
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let answer = decide_dossier(
                csrf.get_value(),
                code.get_value(),
                from,
                to.get_untracked(),
                reason.get_untracked(),
                missing.get_untracked(),
            )
            .await;
            busy.set(false);
            match answer {
                Ok(Decided::Stored) => {
                    problem.set(None);
                    on_decided.run(());
                }
                Ok(Decided::Refused(refused)) => {
                    problem.set(Some(text_signal(refused.text())));
                    request_animation_frame(|| focus_element("decision-problem"));
                }
                Err(error) => {
                    problem.set(Some(text_signal(error.text())));
                    request_animation_frame(|| focus_element("decision-problem"));
                }
            }
        });
    };
    let choices = next_statuses(from)
        .iter()
        .map(|status| {
            let status = *status;
            let id = format!("decision-{}", status.as_str());
            view! {
                <div class="radio">
                    <input type="radio" name="to" id=id.clone() value=status.as_str()
                        prop:checked=move || to.get() == Some(status)
                        on:change=move |_| to.set(Some(status)) />
                    <label for=id>{text_signal(status.text())}</label>
                </div>
            }
        })
        .collect_view();
    let papers = checklist
        .into_iter()
        .map(|paper| {
            let id = format!("missing-{}", paper.id);
            let paper_id = paper.id.clone();
            let ticked = {
                let paper_id = paper_id.clone();
                move || missing.with(|m| m.contains(&paper_id))
            };
            view! {
                <div class="checkbox">
                    <input type="checkbox" id=id.clone() name="missing" value=paper.id.clone()
                        prop:checked=ticked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let paper_id = paper_id.clone();
                            missing.update(|m| {
                                m.retain(|p| *p != paper_id);
                                if on {
                                    m.push(paper_id);
                                }
                            });
                        } />
                    <label for=id>{text_signal(paper.name)}</label>
                </div>
            }
        })
        .collect_view();
    // (Shown by the server whatever is chosen: without the desk running nothing hides it.)
    let asks_papers = move || to.get() == Some(Status::MoreDocumentsNeeded);
    let reason_required = move || to.get().is_some_and(needs_reason);
    view! {
        <form class="decision" method="post" action=action on:submit=submit novalidate data-testid="decision-form">
            <h2 id="decision-title">{tr!(desk_decision_title)}</h2>
            <input type="hidden" name="csrf" value=csrf.get_value() />
            <input type="hidden" name="from" value=from.as_str() />
            {move || problem.get().map(|text| view! {
                <div class="error-summary" id="decision-problem" role="alert" tabindex="-1">
                    <p>{text}</p>
                </div>
            })}
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{tr!(desk_decision_next)}</legend>
                {choices}
            </fieldset>
            <fieldset class="fieldset" hidden=move || cfg!(feature = "csr") && !asks_papers()>
                <legend class="fieldset__legend">{tr!(desk_decision_missing)}</legend>
                <p class="hint">{tr!(desk_decision_missing_hint)}</p>
                {papers}
            </fieldset>
            <div class="form-group">
                <label class="field__label" for="decision-reason">
                    {tr!(desk_decision_reason)}" "
                    {move || if reason_required() { tr!(desk_decision_required).get() } else { tr!(desk_decision_optional).get() }}
                </label>
                <p class="hint" id="decision-reason-hint">{tr!(desk_decision_reason_hint)}</p>
                <textarea id="decision-reason" name="reason" class="textarea" rows="4"
                    maxlength=MAX_REASON_CHARS.to_string() aria-describedby="decision-reason-hint"
                    prop:value=reason on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            </div>
            <button type="submit" class="button button--primary" disabled=busy>{tr!(desk_decision_save)}</button>
        </form>
    }
}
