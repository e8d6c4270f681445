//! The `outbox` bundle: sends the dossiers (and added papers) waiting on this device. `/page.js`
//! loads it on a page that has no outbox of its own, when dossiers wait and the portal answers,
//! and the device does not keep the offline kit (which has it too).

use wasm_bindgen::prelude::wasm_bindgen;

/// Sends the dossiers waiting on this device, if this page is not already doing so.
#[wasm_bindgen]
pub fn send_outbox() {
    app::island::browser::start();
    app::device::outbox::send_now();
}
