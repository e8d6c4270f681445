//! The `search` bundle: the live search of the catalogue (`/procedures`).

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlElement;

/// Renders the island `name` into `element`; false when this bundle has no such island.
#[wasm_bindgen]
pub fn mount(name: &str, element: HtmlElement) -> bool {
    app::island::browser::start();
    match name {
        "search" => app::pages::procedures::mount_search(element),
        _ => false,
    }
}
