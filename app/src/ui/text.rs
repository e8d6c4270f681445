//! The page's language, and translated texts.
//!
//! A page is shown in one language from the first byte to the last: the server renders it in the
//! language of the resident's cookie, the islands that run in the browser take the language of
//! the page they sit in (`<html lang>`), and switching language loads the page again. So the
//! language is a plain value in the reactive context, never a signal: texts are looked up once.
//!
//! `tr!(key)` gives every text the same type, `Signal<String>`, so that the rendering code for a
//! text exists once in the wasm however many texts a component shows.

use crate::i18n::Locale;
use leptos::prelude::*;

/// The language of the page being rendered, as provided by [`provide_locale`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PageLocale(Locale);

/// Makes `locale` the language of everything rendered below the current owner: at the root of
/// a page on the server, at the root of an island in the browser.
pub fn provide_locale(locale: Locale) {
    provide_context(PageLocale(locale));
}

/// The page's language (Vietnamese where none was provided).
pub fn use_locale() -> Locale {
    use_context::<PageLocale>()
        .map(|page| page.0)
        .unwrap_or_default()
}

/// The text `key` gives in the page's language.
pub fn text<T: std::fmt::Display>(key: fn(Locale) -> T) -> Signal<String> {
    Signal::stored(key(use_locale()).to_string())
}

/// `tr!(key)`: the translation of `key` in the page's language (see the module's documentation).
#[macro_export]
macro_rules! tr {
    ($key:ident) => {
        $crate::ui::text::text(|locale| $crate::i18n::td_string!(locale, $key))
    };
}
