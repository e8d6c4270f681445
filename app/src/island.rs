//! Islands: the parts of a server-rendered page that run in the browser.
//!
//! The server renders a page whole, islands included, so it reads and works before any script
//! arrives. An island's HTML sits in
//! `<div class="island" data-island="search" data-js="/pkg/search.<hash>.js" data-wasm="…" data-props="{…}">`;
//! `/page.js` loads the bundle the island names, and the bundle's `mount(name, element)` renders
//! the island's component into the element in place of the server's HTML: the same component,
//! from the same props, now running (Leptos client-side rendering).
//!
//! Why render again rather than hydrate: hydration compiles a second rendering path for every
//! view into the wasm (about a fifth of its size), fails when the browser or an extension has
//! changed the page (Chrome's translation wraps every text), and Leptos' own `#[island]` exports
//! every island from every bundle. A fresh render replaces the subtree whatever happened to it;
//! what the resident was typing and where the focus was are carried over (see `mount`).
//!
//! Each bundle (`app/bundles/<name>`) is a small crate that exports the islands of one kind of
//! page, so a page downloads only the code it needs; [`Bundle`] names them.

use leptos::prelude::*;
use serde::Serialize;

/// The bundles of islands, one per kind of page (see `app/bundles/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// The live search of the catalogue (`/procedures`).
    Search,
    /// The check's result: the checklist's ticks and "Start the dossier".
    Start,
    /// The dossiers on the device (`/dossiers`).
    Dossiers,
    /// Saved people (`/people`).
    People,
    /// A draft handed over by the help desk (`/handoff`).
    Handoff,
    /// Where a dossier stands (`/track`).
    Track,
    /// A dossier's task list (`/dossiers/{id}`).
    Tasks,
    /// A part of a dossier's form (`/dossiers/{id}/{part}`).
    Part,
    /// A dossier's documents and photos (`/dossiers/{id}/documents`).
    Documents,
    /// Check and send (`/dossiers/{id}/review`).
    Review,
    /// The receipt (`/dossiers/{id}/receipt`).
    Receipt,
    /// Papers the office asked for (`/dossiers/{id}/supplement`).
    Supplement,
    /// The outbox alone: `/page.js` runs it when dossiers wait and the device keeps no kit.
    Outbox,
    /// The offline kit: every island above in one bundle, kept by the service worker.
    Kit,
    /// The help desk (every `/desk` page): never loaded by a resident's page.
    Desk,
}

impl Bundle {
    /// The bundle's name: its crate's (`app/bundles/<name>`) and its files' (`/pkg/<name>.<hash>.js`).
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Search => "search",
            Bundle::Start => "start",
            Bundle::Dossiers => "dossiers",
            Bundle::People => "people",
            Bundle::Handoff => "handoff",
            Bundle::Track => "track",
            Bundle::Tasks => "tasks",
            Bundle::Part => "part",
            Bundle::Documents => "documents",
            Bundle::Review => "review",
            Bundle::Receipt => "receipt",
            Bundle::Supplement => "supplement",
            Bundle::Outbox => "outbox",
            Bundle::Kit => "kit",
            Bundle::Desk => "desk",
        }
    }
}

/// Renders `children` (the island's component, rendered on the server) inside the element that
/// tells `/page.js` which bundle mounts it, with its props; asks the browser to fetch that
/// bundle early (`modulepreload`, `preload`). In the browser an island is already running: the
/// children alone (an island the offline kit renders within a page of its own).
#[cfg(feature = "csr")]
#[component]
pub fn Island<P>(bundle: Bundle, name: &'static str, props: P, children: Children) -> impl IntoView
where
    P: Serialize,
{
    let _ = (bundle, name, props);
    children()
}

/// See the browser's version above.
#[cfg(not(feature = "csr"))]
#[component]
pub fn Island<P>(bundle: Bundle, name: &'static str, props: P, children: Children) -> impl IntoView
where
    P: Serialize,
{
    let files = use_context::<crate::assets::SiteAssets>()
        .unwrap_or_default()
        .bundle(bundle.name());
    let props = serde_json::to_string(&props).unwrap_or_else(|_| "null".to_string());
    // The answer to a form posted to the page ([`Posted`]): `/page.js` (mountIslands) makes
    // the history entry a plain one, so that a reload or Back asks for the page again and never
    // sends the form (its code, its decision) a second time.
    let posted = posted().is_some().then_some("1");
    view! {
        <leptos_meta::Link rel="modulepreload" href=files.js.clone() />
        <leptos_meta::Link rel="preload" as_="fetch" type_="application/wasm" crossorigin="" href=files.wasm.clone() />
        <div
            class="island"
            data-island=name
            data-bundle=bundle.name()
            data-js=files.js
            data-wasm=files.wasm
            data-props=props
            data-posted=posted
        >
            {children()}
        </div>
    }
}

/// The path of the page the island runs in (`/dossiers/3f2…/applicant`). In the browser it is
/// the address bar's, not the server's: a page kept for offline use stands in for others (every
/// dossier's pages share one), so islands read where they are from here.
pub fn page_path() -> String {
    #[cfg(feature = "csr")]
    {
        window().location().pathname().unwrap_or_default()
    }
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| parts.uri.path().to_string())
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "csr", feature = "ssr")))]
    String::new()
}

/// The `n`-th part of the page's path (`/dossiers/3f2…/applicant`: 0 is `dossiers`, 1 the id).
pub fn path_segment(n: usize) -> String {
    page_path()
        .split('/')
        .filter(|s| !s.is_empty())
        .nth(n)
        .unwrap_or_default()
        .to_string()
}

/// The query of the page's address, as pairs, decoded (`?q=tam+tru` → `[("q", "tam tru")]`).
pub fn page_query() -> Vec<(String, String)> {
    #[cfg(feature = "csr")]
    {
        let search = window().location().search().unwrap_or_default();
        web_sys::UrlSearchParams::new_with_str(&search)
            .ok()
            .map(|params| {
                let mut pairs = Vec::new();
                let entries = web_sys::js_sys::try_iter(&params).ok().flatten();
                for entry in entries.into_iter().flatten().flatten() {
                    let pair = web_sys::js_sys::Array::from(&entry);
                    if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                        pairs.push((k, v));
                    }
                }
                pairs
            })
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "csr", feature = "ssr")))]
    {
        Vec::new()
    }
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.uri.query().map(str::to_string))
            .map(|query| {
                form_urlencoded::parse(query.as_bytes())
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A page's own form sent by `POST` (`application/x-www-form-urlencoded`), kept by the server in
/// the request's extensions while it renders the page as for `GET`. A form that carries a secret
/// (a tracking code and phone digits, a help code, a password, a reason) is posted to its page's
/// own address before its island runs or without JavaScript — never put in the address by `GET`
/// — and the page answers it as its island would ([`posted_field`], [`posted_answer`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Posted {
    pub fields: Vec<(String, String)>,
    /// The answer of the server function the form stands for ([`form_call`]), called once by
    /// the server before the page is rendered: its HTTP status and body.
    pub answer: Option<(u16, String)>,
}

/// The pages whose form is posted to their own address (the server accepts `POST` for these;
/// `{code}` is any one path segment).
pub const FORM_PAGES: [&str; 5] = [
    "/track",
    "/handoff",
    "/desk/handoff",
    "/desk/staff",
    "/desk/dossiers/{code}",
];

/// The server function a form posted to the page `path` stands for, when it changes something
/// (a desk decision, a new officer): its address and its JSON arguments, from the form's
/// `fields`. `None` when the page answers the form itself, or the form lacks a field.
#[cfg(feature = "ssr")]
pub fn form_call(path: &str, fields: &[(String, String)]) -> Option<(&'static str, String)> {
    if path == "/desk/staff" {
        crate::desk::pages::staff::form_call(fields)
    } else if let Some(code) = path.strip_prefix("/desk/dossiers/") {
        crate::desk::pages::dossier::form_call(code, fields)
    } else {
        None
    }
}

/// Every value of the field `name` in `fields`, in order (a multiple choice sends one per
/// choice).
pub fn values(fields: &[(String, String)], name: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// The form posted to this page: `None` for a `GET`, and always in the browser (an island that
/// runs sends its form itself).
fn posted() -> Option<Posted> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()?
            .extensions
            .get::<Posted>()
            .cloned()
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// The (first) value of the field `name` of the form posted to this page.
pub fn posted_field(name: &str) -> Option<String> {
    values(&posted()?.fields, name).into_iter().next()
}

/// What the server function behind the form posted to this page answered ([`form_call`]).
pub fn posted_answer<T, E>() -> Option<Result<T, E>>
where
    T: serde::de::DeserializeOwned,
    E: leptos::server_fn::error::FromServerFnError,
{
    let (status, body) = posted()?.answer?;
    Some(if (200..300).contains(&status) {
        serde_json::from_str(&body).map_err(|_| {
            E::from_server_fn_error(leptos::server_fn::error::ServerFnErrorErr::Deserialization(
                "answer".into(),
            ))
        })
    } else {
        Err(E::de(body.into()))
    })
}

/// Sends the browser to `href` (a new page: islands do not route in place).
pub fn go_to(href: &str) {
    #[cfg(feature = "csr")]
    {
        let _ = window().location().assign(href);
    }
    #[cfg(not(feature = "csr"))]
    let _ = href;
}

/// In the browser: renders an island of the page into `element`, in place of the server's HTML.
#[cfg(feature = "csr")]
pub mod browser {
    use crate::display::Display;
    use crate::ui::display::provide_display;
    use crate::ui::text::provide_locale;
    use leptos::prelude::*;
    use serde::de::DeserializeOwned;
    use wasm_bindgen::JsCast;
    use web_sys::HtmlElement;

    /// The language and display modes of the page (`<html lang data-text …>`).
    fn page_settings() -> (crate::i18n::Locale, Display) {
        let root = document().document_element();
        let locale = root
            .as_ref()
            .and_then(|r| r.get_attribute("lang"))
            .and_then(|l| crate::language::parse(&l))
            .unwrap_or_default();
        let display = root
            .map(|root| {
                Display::from_attributes(|name| root.get_attribute(&format!("data-{name}")))
            })
            .unwrap_or_default();
        (locale, display)
    }

    /// What the resident was doing in the island before it was rendered again: the field with
    /// the focus, its text and the caret.
    struct Focus {
        id: String,
        value: Option<String>,
        selection: Option<(u32, u32)>,
    }

    fn remember_focus(element: &HtmlElement) -> Option<Focus> {
        let active = document().active_element()?;
        if !element.contains(Some(&active)) || active.id().is_empty() {
            return None;
        }
        let input = active.dyn_ref::<web_sys::HtmlInputElement>();
        Some(Focus {
            id: active.id(),
            value: input.map(|i| i.value()),
            selection: input
                .and_then(|i| Some((i.selection_start().ok()??, i.selection_end().ok()??))),
        })
    }

    fn restore_focus(focus: Focus) {
        let Some(element) = document().get_element_by_id(&focus.id) else {
            return;
        };
        if let (Some(input), Some(value)) =
            (element.dyn_ref::<web_sys::HtmlInputElement>(), &focus.value)
        {
            if input.value() != *value {
                input.set_value(value);
                // The component follows what is typed: let it know.
                if let Ok(event) = web_sys::Event::new("input") {
                    let _ = input.dispatch_event(&event);
                }
            }
            if let Some((start, end)) = focus.selection {
                let _ = input.set_selection_range(start, end);
            }
        }
        if let Some(element) = element.dyn_ref::<HtmlElement>() {
            let _ = element.focus();
        }
    }

    /// Renders `island` (of the props the server wrote in `data-props`) into `element`, in place
    /// of the server's HTML. False when the props cannot be read (a page of another build).
    pub fn mount<P, V>(element: HtmlElement, island: impl FnOnce(P) -> V + 'static) -> bool
    where
        P: DeserializeOwned + 'static,
        V: IntoView + 'static,
    {
        let Some(props) = element
            .dataset()
            .get("props")
            .and_then(|json| serde_json::from_str::<P>(&json).ok())
        else {
            return false;
        };
        let (locale, display) = page_settings();
        let focus = remember_focus(&element);
        element.set_inner_html("");
        leptos::mount::mount_to(element, move || {
            provide_locale(locale);
            provide_display(display);
            island(props)
        })
        .forget();
        if let Some(focus) = focus {
            restore_focus(focus);
        }
        true
    }

    /// The event by which a bundle that panicked tells `/page.js` (its detail: the message).
    /// The bundle is dead from there (a panic aborts); `/page.js` reports it and brings the
    /// resident back to a working page.
    pub const PANIC_EVENT: &str = "motcua:panic";

    /// Once per bundle: panics are written to the console (with the message, not just
    /// "unreachable") and handed to `/page.js` ([`PANIC_EVENT`]), and Leptos' tasks run on the
    /// browser's event loop (mounting an island starts it too, but a bundle may run without one:
    /// the outbox).
    pub fn start() {
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(|| {
            std::panic::set_hook(Box::new(|info| {
                console_error_panic_hook::hook(info);
                let init = web_sys::CustomEventInit::new();
                init.set_detail(&wasm_bindgen::JsValue::from_str(&info.to_string()));
                if let Ok(event) =
                    web_sys::CustomEvent::new_with_event_init_dict(PANIC_EVENT, &init)
                {
                    let _ = window().dispatch_event(&event);
                }
            }));
        });
        let _ = any_spawner::Executor::init_wasm_bindgen();
    }
}
