//! What the help desk's pages share: the gate that lets only a signed-in officer in (others go
//! to `/desk/login`), the bar with their name, the desk's links and Sign out, and small helpers.

pub mod decision_form;
pub mod history;
pub mod view;

use crate::desk::api::DeskSession;
use crate::desk::api::sign_out::sign_out;
use crate::desk::api::who_am_i::who_am_i;
use crate::dossier::desk::DeskError;
use crate::dossier::submission::Status;
use crate::staff::Role;
use crate::tr;
use crate::ui::dossier::text_signal;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// Where to go after signing in: a desk page named by `next`, else the queue (never another
/// site: `//evil.example` and `https://…` are refused; nor anything but visible ASCII, so the
/// answer is always a valid `Location` header: a browser sends other characters percent-encoded).
pub fn desk_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if (path == "/desk" || path.starts_with("/desk/") || path.starts_with("/desk?"))
                && !path.contains("//")
                && !path.contains('\\')
                && path.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            path.to_string()
        }
        _ => "/desk".to_string(),
    }
}

/// `/desk/login?next=…` for the page at `address`.
pub fn login_href(address: &str) -> String {
    let mut query = String::new();
    for b in address.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            query.push(b as char);
        } else {
            query.push_str(&format!("%{b:02X}"));
        }
    }
    format!("/desk/login?next={query}")
}

/// The signed-in officer (inside [`DeskGate`]).
pub fn use_desk() -> DeskSession {
    use_context::<DeskSession>().expect("inside DeskGate")
}

/// Renders `children` for a signed-in officer, with the desk's bar above; sends anyone else to
/// the sign-in page (a redirect already in the server's answer).
#[component]
pub fn DeskGate(children: ChildrenFn) -> impl IntoView {
    let me = Resource::new(|| (), |_| who_am_i());
    let address = StoredValue::new(crate::ui::layout::current_address());
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{tr!(loading)}</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(session)) => {
                        provide_context(session.clone());
                        EitherOf3::A(view! {
                            <DeskBar session />
                            {children.read_value()()}
                        })
                    }
                    Ok(None) | Err(DeskError::NotSignedIn) => {
                        EitherOf3::B(view! { <Redirect path=login_href(&address.get_value()) /> })
                    }
                    Err(error) => EitherOf3::C(view! {
                        <div class="page"><p class="notice notice--error" role="alert">{text_signal(error.text())}</p></div>
                    }),
                }
            })}
        </Suspense>
    }
}

/// The officer's name and role, the desk's pages, and Sign out.
#[component]
fn DeskBar(session: DeskSession) -> impl IntoView {
    let csrf = StoredValue::new(session.csrf.clone());
    let busy = RwSignal::new(false);
    let out = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let _ = sign_out(csrf.get_value()).await;
            // A full load: nothing of the session stays in this tab's memory.
            #[cfg(feature = "csr")]
            if let Some(window) = web_sys::window() {
                let _ = window.location().assign("/desk/login");
            }
        });
    };
    let role = match session.staff.role {
        Role::Admin => tr!(desk_role_admin),
        Role::Officer => tr!(desk_role_officer),
    };
    view! {
        <nav class="desk-bar" aria-label=move || tr!(desk_bar_label).get()>
            <ul class="desk-bar__links">
                <li><a href="/desk">{tr!(desk_queue_title)}</a></li>
                <li><a href="/desk/handoff">{tr!(handoff_desk_title)}</a></li>
                <li><a href="/desk/assist">{tr!(assist_title)}</a></li>
                <li><a href="/desk/numbers">{tr!(numbers_title)}</a></li>
                {(session.staff.role == Role::Admin).then(|| view! { <li><a href="/desk/staff">{tr!(staff_title)}</a></li> })}
            </ul>
            <p class="desk-bar__who">
                <span data-testid="desk-user">{session.staff.username.clone()}</span>" · "{role}" · "
                <a href="/desk/password">{tr!(desk_password_title)}</a>" "
                <button type="button" class="button button--secondary button--small" on:click=out disabled=busy>
                    {tr!(desk_sign_out)}
                </button>
            </p>
        </nav>
    }
}

/// A status as a tag.
#[component]
pub fn StatusTag(status: Status) -> impl IntoView {
    view! {
        <span class=format!("tag tag--status tag--{}", status.as_str()) data-status=status.as_str()>
            {text_signal(status.text())}
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_signing_in_only_desk_pages_are_followed() {
        assert_eq!(desk_next(Some("/desk/dossiers/ABC")), "/desk/dossiers/ABC");
        assert_eq!(
            desk_next(Some("/desk?status=received")),
            "/desk?status=received"
        );
        assert_eq!(desk_next(Some("//evil.example/desk")), "/desk");
        assert_eq!(desk_next(Some("/desk//evil.example")), "/desk");
        assert_eq!(desk_next(Some("https://evil.example/desk")), "/desk");
        assert_eq!(desk_next(Some("/deskevil")), "/desk");
        assert_eq!(desk_next(None), "/desk");
        assert_eq!(desk_next(Some("/desk/\r\nSet-Cookie: x=1")), "/desk");
        assert_eq!(desk_next(Some("/desk/hồ-sơ")), "/desk");
        assert_eq!(desk_next(Some("/desk/h%E1%BB%93")), "/desk/h%E1%BB%93");
        assert_eq!(
            login_href("/desk?status=received&ward=70"),
            "/desk/login?next=/desk%3Fstatus%3Dreceived%26ward%3D70"
        );
    }
}
