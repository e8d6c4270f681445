//! The `kit` bundle, the offline kit: every island of the residents' pages in one bundle. The
//! service worker keeps it after a first visit (unless the browser asks to save data), and
//! `/page.js` then uses it for any island, so a resident who has visited once downloads no other
//! bundle; without a network it also renders the procedure's pages the device never kept
//! (`/offline`), and it sends the dossiers that wait (`send_outbox`).

use app::pages;
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::HtmlElement;

/// Renders the island `name` into `element`; false when this bundle has no such island.
#[wasm_bindgen]
pub fn mount(name: &str, element: HtmlElement) -> bool {
    app::island::browser::start();
    match name {
        "search" => pages::procedures::mount_search(element),
        "start" => app::ui::check::checklist::mount_start(element),
        "offline" => pages::offline::mount_offline(element),
        "dossiers" => pages::dossiers::mount_dossiers(element),
        "people" => pages::people::mount_people(element),
        "handoff" => pages::handoff::mount_handoff(element),
        "track" => pages::track::mount_track(element),
        "tasks" => pages::dossier::mount_tasks(element),
        "section" => pages::dossier_section::mount_any_part(element),
        _ => false,
    }
}

/// Sends the dossiers waiting on this device (the outbox), if this page is not already doing so.
#[wasm_bindgen]
pub fn send_outbox() {
    app::device::outbox::send_now();
}
