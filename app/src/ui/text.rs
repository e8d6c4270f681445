//! Translated texts as one kind of reactive value.
//!
//! `t!(i18n, key)` makes a new closure type at every use, and the wasm carries the rendering code
//! for each of them (build, update, hydrate…): a few hundred of them weigh hundreds of kilobytes.
//! `tr!(key)` gives every text the same type, `Signal<String>`, so that code exists once. The
//! text still follows the language when it changes in place.

use crate::i18n::{Locale, use_i18n};
use leptos::prelude::*;

/// The text `key` gives in the current language, following it.
pub fn text<T: std::fmt::Display + 'static>(key: fn(Locale) -> T) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || key(i18n.get_locale()).to_string())
}

/// `tr!(key)`: the translation of `key` as a `Signal<String>` (see the module's documentation).
#[macro_export]
macro_rules! tr {
    ($key:ident) => {
        $crate::ui::text::text(|locale| $crate::i18n::td_string!(locale, $key))
    };
}
