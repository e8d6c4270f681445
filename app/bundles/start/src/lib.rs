//! The `start` bundle: the check's result (the checklist's ticks and "Start the dossier").

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlElement;

/// Renders the island `name` into `element`; false when this bundle has no such island.
#[wasm_bindgen]
pub fn mount(name: &str, element: HtmlElement) -> bool {
    app::island::browser::start();
    match name {
        "start" => app::ui::check::checklist::mount_start(element),
        _ => false,
    }
}
