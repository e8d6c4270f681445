//! The `desk` bundle: the help desk, every `/desk` page, with its own router. No resident's page
//! ever loads it.

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlElement;

/// Renders the island `name` into `element`; false when this bundle has no such island.
#[wasm_bindgen]
pub fn mount(name: &str, element: HtmlElement) -> bool {
    app::island::browser::start();
    match name {
        "desk" => app::desk::mount_desk(element),
        _ => false,
    }
}
