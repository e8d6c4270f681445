//! `/desk/password`: a signed-in officer changes their password. The form is a plain `POST` to
//! [`change_password`](crate::desk::api::change_password), with the app or without it, answered
//! by a redirect back here: `?changed=1`, or what went wrong (`?problem=`, never what was typed).

use crate::desk::api::change_password::ChangePassword;
use crate::desk::ui::DeskGate;
use crate::dossier::desk::PasswordChangeProblem;
use crate::i18n::*;
use crate::tr;
use crate::ui::dossier::text_signal;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DeskPasswordPage() -> impl IntoView {
    view! { <DeskGate><PasswordPage /></DeskGate> }
}

#[component]
fn PasswordPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let changed = query.with_untracked(|q| q.get("changed").is_some());
    let problem = query.with_untracked(|q| {
        PasswordChangeProblem::from_query(q.get("problem").as_deref(), q.get("until").as_deref())
    });
    let title = move || {
        let title = td_string!(locale, desk_password_title).to_string();
        match problem {
            Some(_) => format!("{}: {title}", td_string!(locale, error_prefix)),
            None => title,
        }
    };
    let action = <ChangePassword as ServerFn>::url();
    view! {
        <PageTitle text=title />
        <div class="page page--desk-password">
            <h1>{tr!(desk_password_title)}</h1>
            {changed.then(|| view! {
                <p class="notice notice--good" role="status" data-testid="desk-password-changed">
                    {tr!(desk_password_changed)}
                </p>
            })}
            {problem.map(|problem| view! {
                <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                    <h2 class="error-summary__title" id="error-summary-title">{tr!(desk_password_failed)}</h2>
                    <p data-testid="desk-password-problem">{text_signal(problem.text())}</p>
                </div>
            })}
            <p class="lead">{tr!(desk_password_lead)}</p>
            <form class="desk-password" method="post" action=action novalidate>
                <div class="form-group">
                    <label class="field__label" for="desk-password-current">{tr!(desk_password_current)}</label>
                    <input id="desk-password-current" name="current" class="input input--width-20" type="password"
                        autocomplete="current-password" required />
                </div>
                <div class="form-group">
                    <label class="field__label" for="desk-password-new">{tr!(desk_password_new)}</label>
                    <p class="hint" id="desk-password-new-hint">{tr!(desk_password_new_hint)}</p>
                    <input id="desk-password-new" name="new" class="input input--width-20" type="password"
                        autocomplete="new-password" aria-describedby="desk-password-new-hint" required />
                </div>
                <div class="form-group">
                    <label class="field__label" for="desk-password-repeat">{tr!(desk_password_repeat)}</label>
                    <input id="desk-password-repeat" name="repeat" class="input input--width-20" type="password"
                        autocomplete="new-password" required />
                </div>
                <button type="submit" class="button button--primary">{tr!(desk_password_button)}</button>
            </form>
        </div>
    }
}
