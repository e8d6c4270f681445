//! `/track`: where a dossier stands, for anyone with its tracking code and the last four digits
//! of the applicant's phone (both asked, so a code read over someone's shoulder is not enough).
//! The code is checked on the device first (its check symbol catches a mistyped symbol); the
//! server limits wrong pairs per address and never says whether a code exists.

use crate::api::track_dossier::track_dossier;
use crate::dossier::submission::{SubmitError, TrackAnswer, typed_last4};
use crate::dossier::tracking::{CodeProblem, TrackingCode};
use crate::i18n::*;
use crate::tr;
use crate::ui::check::focus_element;
use crate::ui::dossier::text_signal;
use crate::ui::dossier::timeline::Timeline;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

/// What the form posted to `/track` asked (the island's props): the code as typed, whether the
/// phone digits were four digits, and the answer when both could be asked. The digits themselves
/// are not written back into the page.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Asked {
    pub code: String,
    pub phone_ok: bool,
    pub answer: Option<Result<TrackAnswer, SubmitError>>,
}

/// The page. A form posted before the island runs, or without JavaScript, is answered here by
/// the server, with the same lookup and the same limit ([`crate::island::posted_field`]).
#[cfg(feature = "ssr")]
#[component]
pub fn TrackPage() -> impl IntoView {
    use crate::island::{Bundle, Island, posted_field};
    let posted = posted_field("code").map(|code| (code, posted_field("phone").unwrap_or_default()));
    let asked = OnceResource::new(async move {
        let (code, phone) = posted?;
        let digits = typed_last4(&phone);
        let answer = match (TrackingCode::parse(&code), &digits) {
            (Ok(parsed), Some(digits)) => Some(
                crate::api::track_dossier::ssr::track(parsed.as_str().to_string(), digits.clone())
                    .await,
            ),
            _ => None,
        };
        Some(Asked {
            code,
            phone_ok: digits.is_some(),
            answer,
        })
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let asked = asked.await;
                view! {
                    <Island bundle=Bundle::Track name="track" props=asked.clone()>
                        <Track asked />
                    </Island>
                }
            })}
        </Suspense>
    }
}

/// Mounts the page's island (bundle `track`).
#[cfg(feature = "csr")]
pub fn mount_track(element: web_sys::HtmlElement) -> bool {
    crate::island::browser::mount(element, |asked: Option<Asked>| view! { <Track asked /> })
}

/// What is wrong with a typed tracking code, if anything.
fn code_problem(typed: &str) -> Option<Signal<String>> {
    match TrackingCode::parse(typed) {
        Ok(_) => None,
        Err(CodeProblem::Empty) => Some(tr!(track_code_missing)),
        Err(CodeProblem::Length) => Some(tr!(track_code_length)),
        Err(CodeProblem::Symbol(_)) => Some(tr!(track_code_symbol)),
        Err(CodeProblem::Check) => Some(tr!(track_code_typo)),
    }
}

/// The island: the form and where the dossier stands (`asked`: what a posted form asked).
#[component]
pub fn Track(asked: Option<Asked>) -> impl IntoView {
    let locale = use_locale();
    let typed_code = match &asked {
        Some(asked) => asked.code.clone(),
        None => crate::island::page_query()
            .into_iter()
            .find(|(k, _)| k == "code")
            .map(|(_, v)| v)
            .unwrap_or_default(),
    };
    // (As an attribute too: a page the server answered shows the code typed.)
    let first_code = typed_code.clone();
    let code = RwSignal::new(typed_code);
    let phone = RwSignal::new(String::new());
    let (posted_code_problem, posted_phone_problem, posted_answer) = match asked {
        Some(asked) => (
            code_problem(&asked.code),
            (!asked.phone_ok).then(|| tr!(track_phone_problem)),
            asked.answer,
        ),
        None => (None, None, None),
    };
    let code_problem_shown = RwSignal::new(posted_code_problem);
    let phone_problem = RwSignal::new(posted_phone_problem);
    let result = RwSignal::new(posted_answer);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked();
        let parsed = TrackingCode::parse(&typed);
        code_problem_shown.set(code_problem(&typed));
        let digits = typed_last4(&phone.get_untracked());
        phone_problem.set(digits.is_none().then(|| tr!(track_phone_problem)));
        let Ok(parsed) = parsed else {
            request_animation_frame(|| focus_element("track-code"));
            return;
        };
        let Some(digits) = digits else {
            request_animation_frame(|| focus_element("track-phone"));
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let answer = track_dossier(parsed.as_str().to_string(), digits).await;
            busy.set(false);
            result.set(Some(answer));
            request_animation_frame(|| focus_element("track-result"));
        });
    };
    let shown = move || {
        result.get().map(|answer| match answer {
            Ok(TrackAnswer::Found(tracked)) => {
                let status = tracked.status();
                let receipt = tracked.receipt.clone();
                let grouped = TrackingCode::parse(&receipt.tracking_code)
                    .map(|c| c.grouped())
                    .unwrap_or_default();
                view! {
                    <section class="track-result" id="track-result" tabindex="-1" aria-labelledby="track-result-title">
                        <h2 id="track-result-title">{text_signal(receipt.procedure_name.clone())}</h2>
                        <p class="track-result__code">{tr!(receipt_code_label)}" "<strong>{grouped}</strong></p>
                        <p class="track-result__status" data-testid="track-status" data-status=status.as_str()>
                            {tr!(track_status_now)}" "<strong>{text_signal(status.text())}</strong>
                        </p>
                        <p>{move || td_string!(locale, receipt_collect_where, office = receipt.office_name.clone()).to_string()}</p>
                        {receipt.due.map(|due| view! {
                            <p>{move || td_string!(locale, receipt_due, date = due.date.display()).to_string()}</p>
                        })}
                        <Timeline events=tracked.events.clone() />
                    </section>
                }
                .into_any()
            }
            other => {
                let error = match other {
                    Ok(TrackAnswer::Wait { retry_at }) => SubmitError::TooManyAttempts { retry_at },
                    Err(error) => error,
                    _ => SubmitError::NotFound,
                };
                view! {
                <div class="notice notice--error" id="track-result" tabindex="-1" role="alert" data-testid="track-error">
                    <p>{text_signal(error.text())}</p>
                </div>
                }
                .into_any()
            }
        })
    };
    let field_error = |problem: RwSignal<Option<Signal<String>>>, id: &'static str| {
        move || {
            problem
                .get()
                .map(|p| view! { <p class="error-message" id=id>{p}</p> })
        }
    };
    view! {
        <PageTitle text=move || td_string!(locale, track_title).to_string() />
        <div class="page page--track">
            <h1>{tr!(track_title)}</h1>
            <p class="lead">{tr!(track_lead)}</p>
            <form class="track-form" method="post" action="/track" on:submit=submit novalidate>
                <div class="form-group" class:form-group--error=move || code_problem_shown.with(Option::is_some)>
                    <label class="field__label" for="track-code">{tr!(track_code_label)}</label>
                    <p class="hint" id="track-code-hint">{tr!(track_code_hint)}</p>
                    {field_error(code_problem_shown, "track-code-error")}
                    <input id="track-code" name="code" class="input input--width-20 input--code" type="text"
                        autocomplete="off" autocapitalize="characters" spellcheck="false"
                        aria-describedby="track-code-hint"
                        aria-invalid=move || code_problem_shown.with(Option::is_some).to_string()
                        value=first_code prop:value=code on:input=move |ev| code.set(event_target_value(&ev)) />
                </div>
                <div class="form-group" class:form-group--error=move || phone_problem.with(Option::is_some)>
                    <label class="field__label" for="track-phone">{tr!(track_phone_label)}</label>
                    <p class="hint" id="track-phone-hint">{tr!(track_phone_hint)}</p>
                    {field_error(phone_problem, "track-phone-error")}
                    <input id="track-phone" name="phone" class="input input--width-10" type="text"
                        inputmode="numeric" autocomplete="off"
                        aria-describedby="track-phone-hint"
                        aria-invalid=move || phone_problem.with(Option::is_some).to_string()
                        prop:value=phone on:input=move |ev| phone.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button button--primary" disabled=busy>{tr!(track_button)}</button>
            </form>
            <div aria-live="polite">{shown}</div>
        </div>
    }
}
