//! The display and reading modes on a page: the server reads them from the cookie and writes them
//! on `<html>` (so the first paint is already right); an island takes them from there. Changing
//! them, and applying a newer choice to a page kept for offline use, is `/page.js`'s work (the
//! panel's form also works without script: `GET /settings/apply`).

mod form;
mod listen;

pub use form::{DisplayForm, DisplayPanel};
pub use listen::Listen;

use crate::display::Display;
use leptos::prelude::*;

/// The modes of the page being rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PageDisplay(Display);

/// Makes `display` the modes of everything rendered below the current owner.
pub fn provide_display(display: Display) {
    provide_context(PageDisplay(display));
}

/// The page's modes (the defaults where none were provided).
pub fn use_display() -> Display {
    use_context::<PageDisplay>()
        .map(|page| page.0)
        .unwrap_or_default()
}
