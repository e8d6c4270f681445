//! After the router shows another page, the keyboard focus moves to the new page's heading (and
//! screen readers start reading there), unless the page itself already placed it — on an error
//! summary, say. The first page load is left alone: the browser starts at the top.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<(String, String)>| {
        let path = location.pathname.get();
        let here = (path.clone(), location.search.get());
        #[cfg(feature = "hydrate")]
        if let Some(previous) = previous
            && previous != here
        {
            focus_heading_soon(previous.0 == path);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = previous;
        here
    });
}

/// Moves the focus to the new page's `main h1`, unless the page placed it itself (on its heading
/// or its error summary) or the resident is typing in a field that changes the address as they
/// type (the search box). Pages that read the device draw their heading a moment later, and the
/// router may swap the heading after the first try: look again a few times, until the resident
/// moves the focus elsewhere in the page.
#[cfg(feature = "hydrate")]
fn focus_heading_soon(same_path: bool) {
    use wasm_bindgen::JsCast;
    leptos::task::spawn_local(async move {
        let mut focused: Option<web_sys::HtmlElement> = None;
        for wait in [0, 50, 150, 300, 600, 1000] {
            gloo_timers::future::TimeoutFuture::new(wait).await;
            let document = document();
            let Some(main) = document.get_element_by_id("main") else {
                continue;
            };
            let active = document.active_element();
            let in_main = active
                .as_ref()
                .is_some_and(|a| *a != main && main.contains(Some(a)));
            match &focused {
                None => {
                    if let Some(active) = &active {
                        let tag = active.tag_name().to_ascii_lowercase();
                        let typing = matches!(tag.as_str(), "input" | "textarea" | "select");
                        let placed = active.id() == "error-summary"
                            || (tag == "h1" && main.contains(Some(active)));
                        if placed || (typing && same_path) {
                            return;
                        }
                    }
                }
                Some(heading) => {
                    let still = active
                        .as_ref()
                        .is_some_and(|a| a.dyn_ref::<web_sys::HtmlElement>() == Some(heading));
                    if still && heading.is_connected() {
                        continue;
                    }
                    if in_main {
                        // The resident moved on.
                        return;
                    }
                }
            }
            if let Some(heading) = main
                .query_selector("h1")
                .ok()
                .flatten()
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
            {
                if !heading.has_attribute("tabindex") {
                    let _ = heading.set_attribute("tabindex", "-1");
                }
                let _ = heading.focus();
                focused = Some(heading);
            }
        }
    });
}
