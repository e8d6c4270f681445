//! The display and reading modes in the app: read from the cookie while the server renders (so
//! the first HTML already carries them on `<html>`), changed in place by the panel once the
//! page runs, and written back to the cookie.

mod form;
mod listen;

pub use form::{DisplayForm, DisplayPanel};
pub use listen::Listen;

use crate::display::Display;
use leptos::prelude::*;
use leptos_meta::Html;

/// The modes of this device, shared by every component.
#[derive(Clone, Copy)]
pub struct DisplayModes(RwSignal<Display>);

impl DisplayModes {
    pub fn get(&self) -> Display {
        self.0.get()
    }

    /// Changes the modes and remembers them on the device.
    pub fn update(&self, change: impl FnOnce(&mut Display)) {
        self.0.update(change);
        remember(self.0.get_untracked());
    }

    pub fn signal(&self) -> Signal<Display> {
        self.0.into()
    }
}

/// The modes, as provided by [`DisplayRoot`] (defaults outside it).
pub fn use_display() -> DisplayModes {
    use_context::<DisplayModes>().unwrap_or_else(|| DisplayModes(RwSignal::new(Display::default())))
}

/// Provides the modes and sets them on `<html>`: on the server from the request's cookie; in the
/// browser first as the HTML has them (so hydration sees what was rendered), then from the cookie.
#[component]
pub fn DisplayRoot(children: Children) -> impl IntoView {
    let modes = DisplayModes(RwSignal::new(initial()));
    provide_context(modes);
    provide_context(listen::Reading(RwSignal::new(None)));
    // Once hydrated: the device's choice wins over a saved page's.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let remembered = remembered();
        if modes.0.get_untracked() != remembered {
            modes.0.set(remembered);
        }
    });
    let d = modes.signal();
    let flag = move |on: fn(&Display) -> bool| move || on(&d.get()).then_some("");
    view! {
        <Html
            {..}
            data-text=move || d.get().text_attribute()
            data-contrast=flag(|d| d.contrast)
            data-simple=flag(|d| d.simple)
            data-speak=flag(|d| d.read_aloud)
            data-calm=flag(|d| d.reduce_motion)
            data-assist=flag(|d| d.assist)
        />
        {children()}
    }
}

#[cfg(feature = "ssr")]
fn initial() -> Display {
    let Some(parts) = use_context::<http::request::Parts>() else {
        return Display::default();
    };
    let cookies: Vec<&str> = parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    Display::from_cookies(&cookies.join("; "))
}

#[cfg(feature = "hydrate")]
fn html_document() -> Option<web_sys::HtmlDocument> {
    use wasm_bindgen::JsCast;
    document().dyn_into::<web_sys::HtmlDocument>().ok()
}

/// In the browser, hydration starts from the modes the HTML was rendered with (the attributes on
/// `<html>`): a page the service worker kept may predate the resident's last choice. The cookie is
/// applied right after (see [`DisplayRoot`]).
#[cfg(feature = "hydrate")]
fn initial() -> Display {
    use crate::display::{ASSIST, CONTRAST, READ_ALOUD, REDUCE_MOTION, SIMPLE, TEXT, TextSize};
    let Some(root) = document().document_element() else {
        return Display::default();
    };
    let on = |name: &str| root.has_attribute(&format!("data-{name}"));
    Display {
        text: root
            .get_attribute(&format!("data-{TEXT}"))
            .and_then(|t| TextSize::parse(&t))
            .unwrap_or_default(),
        contrast: on(CONTRAST),
        simple: on(SIMPLE),
        read_aloud: on(READ_ALOUD),
        reduce_motion: on(REDUCE_MOTION),
        assist: on(ASSIST),
    }
}

/// The modes remembered on the device.
#[cfg(feature = "hydrate")]
fn remembered() -> Display {
    html_document()
        .and_then(|d| d.cookie().ok())
        .map(|c| Display::from_cookies(&c))
        .unwrap_or_default()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn initial() -> Display {
    Display::default()
}

#[cfg(feature = "hydrate")]
fn remember(display: Display) {
    if let Some(document) = html_document() {
        let _ = document.set_cookie(&display.cookie());
    }
}

#[cfg(not(feature = "hydrate"))]
fn remember(_display: Display) {}
