//! `/desk/login`: officers sign in with their username and password. Wrong pairs get one answer
//! (which of the two is never said); after too many, the page says until when sign-in is locked.
//! `?next=` names the desk page to go back to. Before the app has loaded (or without
//! JavaScript) the form is a plain `POST` to [`sign_in_form`], which answers with a redirect:
//! the password never travels in an address; what went wrong comes back as `?problem=`.

use crate::desk::api::sign_in::sign_in;
use crate::desk::api::sign_in_form::SignInForm;
use crate::desk::ui::desk_next;
use crate::dossier::desk::{DeskError, SignInProblem};
use crate::dossier::model::hanoi_time;
use crate::i18n::*;
use crate::tr;
use crate::ui::check::focus_element;
use crate::ui::dossier::text_signal;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn DeskLoginPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let next = Memo::new(move |_| query.with(|q| desk_next(q.get("next").as_deref())));
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    // A plain form's answer names the problem in the address; the app's own answer sets it.
    let problem = RwSignal::new(query.with_untracked(|q| {
        SignInProblem::from_query(q.get("problem").as_deref(), q.get("until").as_deref())
    }));
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let missing =
            username.with_untracked(|u| password.with_untracked(|p| SignInProblem::missing(u, p)));
        if missing.is_some() {
            problem.set(missing);
            request_animation_frame(|| focus_element("error-summary"));
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let answer = sign_in(username.get_untracked(), password.get_untracked()).await;
            busy.set(false);
            password.set(String::new());
            let Some(shown) = SignInProblem::of(answer) else {
                navigate(&next.get_untracked(), Default::default());
                return;
            };
            problem.set(Some(shown));
            request_animation_frame(|| focus_element("error-summary"));
        });
    };
    // Without the app: a plain form POST, answered by a redirect.
    let form_url = <SignInForm as ServerFn>::url();
    let problem_text = move |shown: SignInProblem| -> Signal<String> {
        match shown {
            SignInProblem::Missing => tr!(desk_login_missing),
            SignInProblem::Wrong => tr!(desk_login_wrong),
            SignInProblem::Locked { retry_at } => {
                let at = hanoi_time(retry_at);
                Signal::derive(move || {
                    td_string!(locale, desk_login_locked, time = at.clone()).to_string()
                })
            }
            SignInProblem::Unavailable => text_signal(DeskError::Unavailable.text()),
            SignInProblem::Offline => text_signal(DeskError::Offline.text()),
        }
    };
    view! {
        <PageTitle text=move || td_string!(locale, desk_login_title).to_string() />
        <div class="page page--desk-login">
            <h1>{tr!(desk_login_title)}</h1>
            <p class="lead">{tr!(desk_login_lead)}</p>
            {move || problem.get().map(problem_text).map(|text| view! {
                <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                    <h2 class="error-summary__title" id="error-summary-title">{tr!(desk_login_failed)}</h2>
                    <p data-testid="desk-login-problem">{text}</p>
                </div>
            })}
            <form class="desk-login" method="post" action=form_url on:submit=submit novalidate>
                <input type="hidden" name="next" value=move || next.get() />
                <div class="form-group">
                    <label class="field__label" for="desk-username">{tr!(desk_login_username)}</label>
                    <input id="desk-username" name="username" class="input input--width-20" type="text"
                        autocomplete="username" autocapitalize="none" spellcheck="false" required
                        prop:value=username on:input=move |ev| username.set(event_target_value(&ev)) />
                </div>
                <div class="form-group">
                    <label class="field__label" for="desk-password">{tr!(desk_login_password)}</label>
                    <input id="desk-password" name="password" class="input input--width-20" type="password"
                        autocomplete="current-password" required
                        prop:value=password on:input=move |ev| password.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button button--primary" disabled=busy>{tr!(desk_login_button)}</button>
            </form>
            <p class="hint">{tr!(desk_login_shared)}</p>
        </div>
    }
}
