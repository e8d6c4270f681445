//! The help desk: the pages officers of the public-administration centres work in (`/desk/…`),
//! their components and server functions. It is one island of its own (the `desk` bundle): the
//! server renders each desk page whole, then the bundle runs the desk in the browser with its own
//! router, so moving between desk pages needs no new page. No resident's page ever loads it.

pub mod api;
pub mod pages;
pub mod ui;

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route};
use leptos_router::{SsrMode, path};
use pages::{
    assist::DeskAssistPage, dossier::DeskDossierPage, handoff::DeskHandoffPage,
    login::DeskLoginPage, numbers::DeskNumbersPage, password::DeskPasswordPage, queue::DeskPage,
    staff::DeskStaffPage,
};

/// The desk's routes: in the server's route table (where each page is rendered inside the desk's
/// island) and in the desk bundle's router alike.
#[component(transparent)]
pub fn DeskApp() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/desk") view=DeskFrame>
            <Route path=path!("") view=DeskPage ssr=SsrMode::Async />
            <Route path=path!("login") view=DeskLoginPage />
            <Route path=path!("handoff") view=DeskHandoffPage ssr=SsrMode::Async />
            <Route path=path!("assist") view=DeskAssistPage ssr=SsrMode::Async />
            <Route path=path!("numbers") view=DeskNumbersPage ssr=SsrMode::Async />
            <Route path=path!("staff") view=DeskStaffPage ssr=SsrMode::Async />
            <Route path=path!("password") view=DeskPasswordPage ssr=SsrMode::Async />
            <Route path=path!("dossiers/:code") view=DeskDossierPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}

/// Around every desk page: on the server, the island the desk bundle takes over; in the bundle,
/// nothing but the page.
#[component]
fn DeskFrame() -> impl IntoView {
    #[cfg(not(feature = "csr"))]
    {
        use crate::island::{Bundle, Island, posted_field};
        // A help code posted to `/desk/handoff` before the desk ran: the bundle opens it.
        let posted = posted_field("code");
        view! {
            <Island bundle=Bundle::Desk name="desk" props=posted>
                <Outlet />
            </Island>
        }
    }
    #[cfg(feature = "csr")]
    {
        view! { <Outlet /> }
    }
}

/// Mounts the desk (bundle `desk`) into its island: its router over the desk's routes.
#[cfg(feature = "csr")]
pub fn mount_desk(element: web_sys::HtmlElement) -> bool {
    use leptos_router::components::{Router, Routes};
    crate::island::browser::mount(element, |posted: Option<String>| {
        provide_context(PostedCode(StoredValue::new(posted)));
        view! {
            <Router>
                <Routes fallback=|| ()>
                    <DeskApp />
                </Routes>
            </Router>
        }
    })
}

/// A help code posted to `/desk/handoff` before the desk ran (the desk island's props): opened
/// once, by the first hand-off form that runs.
#[derive(Clone, Copy)]
pub struct PostedCode(pub StoredValue<Option<String>>);

/// Takes the posted help code: on the server, the form's own field; in the bundle, once.
pub fn take_posted_code() -> Option<String> {
    #[cfg(feature = "csr")]
    {
        use_context::<PostedCode>()
            .and_then(|posted| posted.0.try_update_value(Option::take).flatten())
    }
    #[cfg(not(feature = "csr"))]
    {
        crate::island::posted_field("code")
    }
}
