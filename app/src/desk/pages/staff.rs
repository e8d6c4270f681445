//! `/desk/staff`: the administrator's page — every account with its role, wards and state, a
//! Disable/Enable button for each officer, and the form to add an officer (username, first
//! password to hand over in person, the communes and wards they handle).

use crate::catalogue::wards;
use crate::desk::api::manage_staff::{Account, add_officer, set_staff_disabled, staff_accounts};
use crate::desk::ui::{DeskGate, use_desk};
use crate::dossier::desk::DeskError;
use crate::i18n::*;
use crate::staff::NewStaffProblem;
use crate::staff::Role;
use crate::tr;
use crate::ui::check::focus_element;
use crate::ui::dossier::text_signal;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[component]
pub fn DeskStaffPage() -> impl IntoView {
    view! { <DeskGate><StaffPage /></DeskGate> }
}

#[component]
fn StaffPage() -> impl IntoView {
    let locale = use_locale();
    let version = RwSignal::new(0u32);
    let accounts = Resource::new(move || version.get(), |_| staff_accounts());
    let changed = Callback::new(move |_| version.update(|v| *v += 1));
    let admin = use_desk().staff.role == Role::Admin;
    view! {
        <PageTitle text=move || td_string!(locale, staff_title).to_string() />
        <div class="page page--desk-staff">
            <h1>{tr!(staff_title)}</h1>
            <Transition fallback=move || view! { <p class="loading">{tr!(loading)}</p> }>
                {move || Suspend::new(async move {
                    match accounts.await {
                        Ok(accounts) => view! { <AccountList accounts changed /> }.into_any(),
                        Err(error) => view! {
                            <p class="notice notice--error" role="alert" data-testid="staff-error">{text_signal(error.text())}</p>
                        }.into_any(),
                    }
                })}
            </Transition>
            {admin.then(|| view! { <AddOfficer changed /> })}
        </div>
    }
}

/// The server function behind the form posted to `/desk/staff` before the desk ran (fields
/// `csrf`, `username`, `password`, each of `wards`): [`add_officer`] and its JSON arguments.
#[cfg(feature = "ssr")]
pub fn form_call(fields: &[(String, String)]) -> Option<(&'static str, String)> {
    use crate::island::values;
    use leptos::server_fn::ServerFn;
    let field = |name: &str| values(fields, name).into_iter().next();
    let wards: Vec<u32> = values(fields, "wards")
        .iter()
        .filter_map(|w| w.parse().ok())
        .collect();
    let arguments = serde_json::json!({
        "csrf": field("csrf")?,
        "username": field("username")?,
        "password": field("password").unwrap_or_default(),
        "wards": wards,
    });
    Some((
        <crate::desk::api::manage_staff::AddOfficer as ServerFn>::PATH,
        arguments.to_string(),
    ))
}

fn ward_names(codes: &[u32]) -> String {
    codes
        .iter()
        .map(|c| {
            wards::ward(*c)
                .map(|w| w.name.clone())
                .unwrap_or_else(|| c.to_string())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
fn AccountList(accounts: Vec<Account>, changed: Callback<()>) -> impl IntoView {
    let me = use_desk();
    let csrf = StoredValue::new(me.csrf.clone());
    let problem = RwSignal::new(None::<DeskError>);
    let rows = accounts
        .into_iter()
        .map(|account| {
            let name = account.staff.username.clone();
            let is_me = name == me.staff.username;
            let disabled = account.disabled;
            let toggle = {
                let name = name.clone();
                move |_| {
                    let name = name.clone();
                    leptos::task::spawn_local(async move {
                        match set_staff_disabled(csrf.get_value(), name, !disabled).await {
                            Ok(()) => changed.run(()),
                            Err(error) => problem.set(Some(error)),
                        }
                    });
                }
            };
            let role = match account.staff.role {
                Role::Admin => tr!(desk_role_admin),
                Role::Officer => tr!(desk_role_officer),
            };
            view! {
                <tr data-user=name.clone()>
                    <th scope="row">{name.clone()}</th>
                    <td>{role}</td>
                    <td>{ward_names(&account.staff.wards)}</td>
                    <td data-testid="account-state">{if disabled { tr!(staff_disabled) } else { tr!(staff_active) }}</td>
                    <td>
                        {(!is_me).then(|| view! {
                            <button type="button" class="button button--secondary button--small" on:click=toggle>
                                {if disabled { tr!(staff_enable) } else { tr!(staff_disable) }}
                                <span class="visually-hidden">" "{name.clone()}</span>
                            </button>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {move || problem.get().map(|e| view! { <p class="notice notice--error" role="alert">{text_signal(e.text())}</p> })}
        <table class="desk-table" data-testid="accounts">
            <caption class="visually-hidden">{tr!(staff_title)}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr!(desk_login_username)}</th>
                    <th scope="col">{tr!(staff_role)}</th>
                    <th scope="col">{tr!(desk_filter_ward)}</th>
                    <th scope="col">{tr!(desk_col_status)}</th>
                    <th scope="col"><span class="visually-hidden">{tr!(staff_actions)}</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn AddOfficer(changed: Callback<()>) -> impl IntoView {
    let csrf = StoredValue::new(use_desk().csrf);
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<u32>::new());
    // An officer the form posted before the desk ran, added by the server before this page.
    let posted_name = crate::island::posted_field("username").unwrap_or_default();
    let (first_problem, first_added) =
        match crate::island::posted_answer::<Result<(), NewStaffProblem>, DeskError>() {
            Some(Ok(Ok(()))) => (None, Some(posted_name.trim().to_lowercase())),
            Some(Ok(Err(problem))) => (Some(text_signal(problem.text())), None),
            Some(Err(error)) => (Some(text_signal(error.text())), None),
            None => (None, None),
        };
    let problem = RwSignal::new(first_problem);
    let added = RwSignal::new(first_added);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let name = username.get_untracked();
            let answer = add_officer(
                csrf.get_value(),
                name.clone(),
                password.get_untracked(),
                chosen.get_untracked(),
            )
            .await;
            busy.set(false);
            match answer {
                Ok(Ok(())) => {
                    problem.set(None);
                    username.set(String::new());
                    password.set(String::new());
                    chosen.set(Vec::new());
                    added.set(Some(name.trim().to_lowercase()));
                    changed.run(());
                }
                Ok(Err(p)) => {
                    problem.set(Some(text_signal(p.text())));
                    request_animation_frame(|| focus_element("add-officer-problem"));
                }
                Err(e) => {
                    problem.set(Some(text_signal(e.text())));
                    request_animation_frame(|| focus_element("add-officer-problem"));
                }
            }
        });
    };
    let options = wards::hanoi()
        .iter()
        .map(|w| {
            let code = w.code;
            view! { <option value=code.to_string() selected=move || chosen.with(|c| c.contains(&code))>{w.name.clone()}</option> }
        })
        .collect_view();
    let on_wards = move |ev: leptos::ev::Event| {
        #[cfg(feature = "csr")]
        {
            use wasm_bindgen::JsCast;
            if let Some(select) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                let options = select.selected_options();
                let codes = (0..options.length())
                    .filter_map(|i| options.item(i))
                    .filter_map(|o| o.get_attribute("value"))
                    .filter_map(|v| v.parse().ok())
                    .collect();
                chosen.set(codes);
            }
        }
        #[cfg(not(feature = "csr"))]
        let _ = ev;
    };
    view! {
        <form class="add-officer" method="post" action="/desk/staff" on:submit=submit novalidate>
            <h2>{tr!(staff_add_title)}</h2>
            <input type="hidden" name="csrf" value=csrf.get_value() />
            {move || added.get().map(|name| view! { <p class="notice notice--good" role="status" data-testid="officer-added">{name}</p> })}
            {move || problem.get().map(|text| view! {
                <div class="error-summary" id="add-officer-problem" role="alert" tabindex="-1"><p>{text}</p></div>
            })}
            <div class="form-group">
                <label class="field__label" for="new-username">{tr!(desk_login_username)}</label>
                <input id="new-username" name="username" class="input input--width-20" type="text" autocomplete="off"
                    autocapitalize="none" spellcheck="false"
                    prop:value=username on:input=move |ev| username.set(event_target_value(&ev)) />
            </div>
            <div class="form-group">
                <label class="field__label" for="new-password">{tr!(staff_first_password)}</label>
                <p class="hint" id="new-password-hint">{tr!(staff_first_password_hint)}</p>
                <input id="new-password" name="password" class="input input--width-20" type="password" autocomplete="new-password"
                    aria-describedby="new-password-hint"
                    prop:value=password on:input=move |ev| password.set(event_target_value(&ev)) />
            </div>
            <div class="form-group">
                <label class="field__label" for="new-wards">{tr!(staff_wards)}</label>
                <p class="hint" id="new-wards-hint">{tr!(staff_wards_hint)}</p>
                <select id="new-wards" name="wards" class="select select--multiple" multiple=true size="8"
                    aria-describedby="new-wards-hint" on:change=on_wards>
                    {options}
                </select>
            </div>
            <button type="submit" class="button button--primary" disabled=busy>{tr!(staff_add)}</button>
        </form>
    }
}
