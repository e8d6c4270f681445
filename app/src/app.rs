//! The root component, the HTML shell the server renders around it, and the route table.

use crate::device::provide_device;
use crate::i18n::*;
use crate::language;
use crate::offline::OfflineKeeper;
use crate::pages::{
    desk::DeskPage, desk_assist::DeskAssistPage, desk_dossier::DeskDossierPage,
    desk_handoff::DeskHandoffPage, desk_login::DeskLoginPage, desk_numbers::DeskNumbersPage,
    desk_staff::DeskStaffPage, dossier::DossierPage, dossier_section::DossierSectionPage,
    dossiers::DossiersPage, handoff::HandoffPage, help::HelpPage, home::HomePage,
    not_found::NotFoundPage, people::PeoplePage, procedure::ProcedurePage,
    procedure_check::ProcedureCheckPage, procedure_check_result::ProcedureCheckResultPage,
    procedures::ProceduresPage, settings::SettingsPage, track::TrackPage,
};
use crate::ui::display::DisplayRoot;
use crate::ui::layout::{FocusOnNavigation, Footer, Header};
use leptos::prelude::*;
use leptos_i18n::context::CookieOptions;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};
use leptos_use::SameSite;
use leptos_use::UseLocalesOptions;

/// The HTML document around the app, rendered on the server for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_page_security_policy();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0a4a8c" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Sends this page's Content-Security-Policy, which allows the inline hydration script by its
/// nonce (a fresh one for every response).
#[cfg(feature = "ssr")]
fn set_page_security_policy() {
    use leptos::nonce::use_nonce;
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        let nonce = use_nonce();
        let policy = crate::security::content_security_policy(nonce.as_deref());
        if let Ok(value) = http::HeaderValue::from_str(&policy) {
            response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
}

/// The application: language context, page title, header, routes and footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_device();

    // Remember the language for 400 days, on every path of the site.
    let cookie_options: CookieOptions<Locale> = CookieOptions::default()
        .path("/")
        .max_age(language::COOKIE_MAX_AGE_SECONDS * 1000)
        .same_site(SameSite::Lax);
    // Vietnamese unless the resident chose English on this device: the browser's Accept-Language
    // is not consulted, so everyone first sees the portal in the country's language.
    let no_accept_language = UseLocalesOptions::default().ssr_lang_header_getter(|| None);

    view! {
        <I18nContextProvider cookie_options ssr_lang_header_getter=no_accept_language>
            <Title formatter=|page: String| format!("{page} – Một Cửa") />
            <HydrationMarker />
            <DisplayRoot>
            <Router>
                <OfflineKeeper />
                <FocusOnNavigation />
                <Header />
                <main id="main" tabindex="-1">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("/help") view=HelpPage />
                        <Route path=path!("/settings") view=SettingsPage />
                        // Whole pages at once: the catalogue answers from memory, so waiting costs
                        // nothing, and the page is complete without any script.
                        <Route path=path!("/procedures") view=ProceduresPage ssr=SsrMode::Async />
                        <Route path=path!("/procedures/:code") view=ProcedurePage ssr=SsrMode::Async />
                        <Route path=path!("/procedures/:code/check") view=ProcedureCheckPage ssr=SsrMode::Async />
                        <Route path=path!("/procedures/:code/check/result") view=ProcedureCheckResultPage ssr=SsrMode::Async />
                        // Dossiers live on the device: the server renders the frame, the
                        // browser fills it from IndexedDB.
                        <Route path=path!("/dossiers") view=DossiersPage />
                        <Route path=path!("/dossiers/:id") view=DossierPage />
                        <Route path=path!("/dossiers/:id/:section") view=DossierSectionPage />
                        <Route path=path!("/people") view=PeoplePage />
                        <Route path=path!("/track") view=TrackPage />
                        <Route path=path!("/handoff") view=HandoffPage />
                        <Route path=path!("/desk/login") view=DeskLoginPage />
                        <Route path=path!("/desk/handoff") view=DeskHandoffPage ssr=SsrMode::Async />
                        <Route path=path!("/desk/assist") view=DeskAssistPage ssr=SsrMode::Async />
                        <Route path=path!("/desk/numbers") view=DeskNumbersPage ssr=SsrMode::Async />
                        <Route path=path!("/desk/staff") view=DeskStaffPage ssr=SsrMode::Async />
                        <Route path=path!("/desk") view=DeskPage ssr=SsrMode::Async />
                        <Route path=path!("/desk/dossiers/:code") view=DeskDossierPage ssr=SsrMode::Async />
                    </Routes>
                </main>
                <Footer />
            </Router>
            </DisplayRoot>
        </I18nContextProvider>
    }
}

/// Marks the document as hydrated (`<html data-hydrated>`), for tests and measurements that must
/// wait until the page is interactive.
#[component]
fn HydrationMarker() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
