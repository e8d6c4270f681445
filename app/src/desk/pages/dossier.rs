//! `/desk/dossiers/{code}`: one dossier as the officer handles it — where it stands and by when,
//! the decision form, the checklist with what the resident attached or will bring (files open in
//! a new tab or download), the eligibility answers, everything the form holds, and the history.

use crate::catalogue::wards;
use crate::clock::today;
use crate::desk::api::decide_dossier::Decided;
use crate::desk::api::open_dossier::open_dossier;
use crate::dossier::decision::next_statuses;
use crate::dossier::desk::{DeskDossier, DeskError, DeskFile, overdue};
use crate::dossier::model::hanoi_date_time;
use crate::dossier::tracking::TrackingCode;

use crate::desk::ui::decision_form::DecisionForm;
use crate::desk::ui::history::DeskHistory;
use crate::desk::ui::view::{DossierSections, FileLink};
use crate::desk::ui::{DeskGate, StatusTag};
use crate::tr;
use crate::ui::dossier::text_signal;
use crate::ui::layout::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DeskDossierPage() -> impl IntoView {
    view! { <DeskGate><DeskDossierView /></DeskGate> }
}

#[component]
fn DeskDossierView() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|p| p.get("code").unwrap_or_default()));
    let version = RwSignal::new(0u32);
    let dossier = Resource::new(
        move || (code.get(), version.get()),
        |(code, _)| open_dossier(code),
    );
    let decided = Callback::new(move |_| {
        version.update(|v| *v += 1);
        request_animation_frame(|| crate::ui::check::focus_element("dossier-status"));
    });
    let locale = crate::ui::text::use_locale();
    let title = move || {
        let code = code.get();
        let grouped = TrackingCode::parse(&code)
            .map(|c| c.grouped())
            .unwrap_or(code);
        format!(
            "{grouped} – {}",
            crate::i18n::td_string!(locale, desk_queue_title)
        )
    };
    view! {
        <PageTitle text=title />
        <div class="page page--desk-dossier">
            <p class="check-nav"><a class="back-link" href="/desk">{tr!(desk_back_to_queue)}</a></p>
            <Transition fallback=move || view! { <p class="loading">{tr!(loading)}</p> }>
                {move || Suspend::new(async move {
                    // A decision the form posted before the desk ran, stored by the server
                    // before this page: what was wrong with it, if anything.
                    let posted = crate::island::posted_answer::<Decided, DeskError>().and_then(
                        |answer| match answer {
                            Ok(Decided::Stored) => None,
                            Ok(Decided::Refused(problem)) => Some(problem.text()),
                            Err(error) => Some(error.text()),
                        },
                    );
                    match dossier.await {
                        Ok(dossier) => view! { <DossierView dossier decided posted /> }.into_any(),
                        Err(error) => view! {
                            <h1>{tr!(desk_dossier_missing)}</h1>
                            <p class="notice notice--error" role="alert">{text_signal(error.text())}</p>
                        }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// The server function behind the form posted to `/desk/dossiers/{code}` before the desk ran
/// (fields `csrf`, `from`, `to`, `reason`, each `missing` paper): [`crate::desk::api::decide_dossier::decide_dossier`] and its
/// JSON arguments.
#[cfg(feature = "ssr")]
pub fn form_call(code: &str, fields: &[(String, String)]) -> Option<(&'static str, String)> {
    use crate::island::values;
    use leptos::server_fn::ServerFn;
    let field = |name: &str| values(fields, name).into_iter().next();
    let arguments = serde_json::json!({
        "csrf": field("csrf")?,
        "tracking_code": code,
        "from": crate::dossier::submission::Status::parse(&field("from")?)?,
        "to": field("to").and_then(|to| crate::dossier::submission::Status::parse(&to)),
        "reason": field("reason").unwrap_or_default(),
        "missing": values(fields, "missing"),
    });
    Some((
        <crate::desk::api::decide_dossier::DecideDossier as ServerFn>::PATH,
        arguments.to_string(),
    ))
}

fn file_href(code: &str, file: &DeskFile) -> String {
    format!("/desk/files/{code}/{}", file.attachment)
}

#[component]
fn DossierView(
    dossier: DeskDossier,
    decided: Callback<()>,
    posted: Option<crate::eligibility::model::Text>,
) -> impl IntoView {
    let code = dossier.tracking_code.clone();
    let grouped = TrackingCode::parse(&code)
        .map(|c| c.grouped())
        .unwrap_or_else(|_| code.clone());
    let view = dossier.view.clone();
    let title = text_signal(view.procedure_name.clone());
    let late = overdue(dossier.due_date, dossier.status, today());
    let office = wards::ward(dossier.office)
        .map(|w| w.name.clone())
        .unwrap_or_default();
    let decision = (!next_statuses(dossier.status).is_empty()).then(|| {
        let checklist = view.checklist.iter().map(|c| c.paper.clone()).collect();
        view! { <DecisionForm tracking_code=code.clone() from=dossier.status checklist on_decided=decided problem_at_first=posted /> }
    });
    let files: Vec<FileLink> = dossier
        .files
        .iter()
        .map(|f| FileLink {
            document: f.document.clone(),
            name: f.name.clone(),
            size: f.size,
            href: file_href(&code, f),
        })
        .collect();
    view! {
        <span class="caption">{grouped}</span>
        <h1>{title}</h1>
        <dl class="summary-list desk-facts">
            <div class="summary-list__row">
                <dt class="summary-list__key">{tr!(desk_col_status)}</dt>
                <dd class="summary-list__value" id="dossier-status" tabindex="-1" data-testid="desk-status" data-status=dossier.status.as_str()>
                    <StatusTag status=dossier.status />
                </dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{tr!(desk_col_applicant)}</dt>
                <dd class="summary-list__value">{dossier.applicant.clone()}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{tr!(desk_col_received)}</dt>
                <dd class="summary-list__value">{hanoi_date_time(dossier.received_at)}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{tr!(desk_col_due)}</dt>
                <dd class="summary-list__value">
                    {dossier.due_date.map(|d| d.display()).unwrap_or_else(|| "—".into())}
                    {late.then(|| view! { " "<strong class="tag tag--overdue">{tr!(desk_overdue)}</strong> })}
                </dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{tr!(desk_office)}</dt>
                <dd class="summary-list__value">{office}</dd>
            </div>
        </dl>
        {decision}
        <DossierSections view=view.clone() files />
        <section aria-labelledby="desk-history-title">
            <h2 id="desk-history-title">{tr!(desk_history)}</h2>
            <DeskHistory entries=dossier.history.clone() />
        </section>
    }
}
