//! `/offline`: the page the service worker answers, without a network, for a procedure's pages
//! the device never kept (its details, a step of the check, the result). The server renders it
//! once, when the service worker keeps it, with a notice that the page was not kept; the offline
//! kit (the `kit` bundle, kept beside it) then renders in its place the page the address names,
//! from the procedure record kept on the device and with the same rules as the server.

use crate::catalogue::CatalogueError;
use crate::pages::procedure::{ProcedureNotFound, ProcedureOffline};
use crate::pages::procedure_check::CheckSteps;
use crate::pages::procedure_check_result::CheckResult;
use crate::tr;
use leptos::either::EitherOf4;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
#[component]
pub fn OfflinePage() -> impl IntoView {
    use crate::island::{Bundle, Island};
    view! {
        <Island bundle=Bundle::Kit name="offline" props=()>
            <ProcedureOffline />
        </Island>
    }
}

/// Mounts the page the address names (the offline kit only).
#[cfg(feature = "csr")]
pub fn mount_offline(element: web_sys::HtmlElement) -> bool {
    crate::island::browser::mount(element, |()| view! { <Offline /> })
}

/// The island: `/procedures/{code}/check…` from the kept record, or why it cannot be shown.
#[component]
fn Offline() -> impl IntoView {
    let code = crate::island::path_segment(1);
    let step = (
        crate::island::path_segment(2),
        crate::island::path_segment(3),
    );
    let query = crate::island::page_query();
    // The procedure's record and its definition, both kept on the device when it was opened.
    let procedure = LocalResource::new(move || {
        let code = code.clone();
        async move {
            let procedure = crate::ui::catalogue::procedure(code.clone()).await?;
            let definition = crate::ui::catalogue::definition(code).await?;
            Ok::<_, CatalogueError>((procedure, definition))
        }
    });
    move || {
        let query = query.clone();
        match procedure.get() {
            None => EitherOf4::A(view! { <p class="loading">{tr!(loading)}</p> }),
            Some(Ok((procedure, definition))) => match (step.0.as_str(), step.1.as_str()) {
                ("check", "result") => {
                    EitherOf4::B(view! { <CheckResult procedure definition query /> })
                }
                ("check", "") => EitherOf4::C(view! { <CheckSteps procedure definition query /> }),
                _ => EitherOf4::D(view! { <ProcedureOffline /> }.into_any()),
            },
            Some(Err(CatalogueError::NotFound | CatalogueError::BadRequest)) => {
                EitherOf4::D(view! { <ProcedureNotFound /> }.into_any())
            }
            Some(Err(CatalogueError::Offline)) => {
                EitherOf4::D(view! { <ProcedureOffline /> }.into_any())
            }
        }
    }
}
