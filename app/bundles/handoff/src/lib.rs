//! The `handoff` bundle: a draft handed over by the help desk (`/handoff`).

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlElement;

/// Renders the island `name` into `element`; false when this bundle has no such island.
#[wasm_bindgen]
pub fn mount(name: &str, element: HtmlElement) -> bool {
    app::island::browser::start();
    match name {
        "handoff" => app::pages::handoff::mount_handoff(element),
        _ => false,
    }
}
