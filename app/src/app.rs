//! The HTML document the server renders for every page, and the route table (server only).
//!
//! Every page is complete HTML, readable and usable before any script runs: links are links,
//! forms are plain GET or POST forms. What must run in the browser sits in islands
//! ([`crate::island`]): each names the bundle of wasm that makes it interactive, and a page with
//! no island downloads no wasm at all. `/page.js` (public/page.js), on every page, does what
//! every page needs: the display modes, the network badge and the number of dossiers waiting,
//! the new-version notice, the service worker, and loading the islands' bundles.

use crate::assets::SiteAssets;
use crate::desk::DeskApp;
use crate::display::Display;
use crate::i18n::Locale;
use crate::language;
use crate::pages::{
    dossier::DossierPage, dossier_section::DossierSectionPage, dossiers::DossiersPage,
    handoff::HandoffPage, help::HelpPage, home::HomePage, not_found::NotFoundPage,
    offline::OfflinePage, people::PeoplePage, procedure::ProcedurePage,
    procedure_check::ProcedureCheckPage, procedure_check_result::ProcedureCheckResultPage,
    procedures::ProceduresPage, settings::SettingsPage, track::TrackPage,
};
use crate::ui::display::provide_display;
use crate::ui::layout::{Footer, Header};
use crate::ui::text::provide_locale;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The language and display modes of the request being rendered, from its cookies.
fn requested() -> (Locale, Display) {
    let cookies = use_context::<http::request::Parts>()
        .map(|parts| {
            parts
                .headers
                .get_all(http::header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default();
    (
        language::from_cookies(&cookies),
        Display::from_cookies(&cookies),
    )
}

/// The HTML document around the app: the language and the display modes are attributes of
/// `<html>` from the first byte, so the first paint is right; `/page.js` runs after parsing.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    set_page_security_policy();
    // Nothing on the page is hydrated (islands render afresh in the browser): resources need not
    // travel with the HTML.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let (locale, display) = requested();
    provide_locale(locale);
    provide_display(display);
    let assets = use_context::<SiteAssets>().unwrap_or_default();
    let kit = assets.bundle("kit");
    let outbox = assets.bundle("outbox");
    let flag = |on: bool| on.then_some("");
    view! {
        <!DOCTYPE html>
        <html
            lang=leptos_i18n::Locale::as_str(locale)
            data-text=display.text_attribute()
            data-contrast=flag(display.contrast)
            data-simple=flag(display.simple)
            data-speak=flag(display.read_aloud)
            data-calm=flag(display.reduce_motion)
            data-assist=flag(display.assist)
        >
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0a4a8c" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
                <HashedStylesheet options id="leptos" />
                <script type="module" src=assets.page_script.clone()></script>
                // The offline kit, which `/page.js` uses for any island once the device keeps it.
                <meta name="motcua-kit" data-js=kit.js data-wasm=kit.wasm />
                // What sends the dossiers waiting on the device, on a page without it.
                <meta name="motcua-outbox" data-js=outbox.js data-wasm=outbox.wasm />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Sends this page's Content-Security-Policy, which allows the renderer's inline scripts by their
/// nonce (a fresh one for every response); every other script is a file of this site.
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

/// The pages whose whole answer follows from their address (path and query), the language and
/// display-mode cookies and the day: the catalogue, a procedure, its eligibility check, help,
/// settings and the offline frame. The server may keep these rendered and serve them again (its
/// `web::page_cache`), rendering each from a request that holds nothing else. Route templates in
/// axum's syntax. A page not listed here — a resident's dossiers, people, tracking, hand-off, the
/// help desk, anything added later — is rendered for every request.
pub const PUBLIC_PAGES: [&str; 8] = [
    "/",
    "/help",
    "/settings",
    "/procedures",
    "/procedures/{code}",
    "/procedures/{code}/check",
    "/procedures/{code}/check/result",
    "/offline",
];

/// The application: page title, header, routes and footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|page: String| format!("{page} – Một Cửa") />
        <Router>
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
                    // Dossiers live on the device: the server renders the frame, an island fills
                    // it from IndexedDB.
                    <Route path=path!("/dossiers") view=DossiersPage />
                    <Route path=path!("/dossiers/:id") view=DossierPage />
                    <Route path=path!("/dossiers/:id/:section") view=DossierSectionPage />
                    <Route path=path!("/people") view=PeoplePage />
                    <Route path=path!("/track") view=TrackPage ssr=SsrMode::Async />
                    <Route path=path!("/handoff") view=HandoffPage />
                    // Kept by the service worker: where the offline kit renders a procedure's
                    // pages the device never kept.
                    <Route path=path!("/offline") view=OfflinePage />
                    <DeskApp />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
