//! Pieces of the eligibility check's pages: the question form, the answers summary and the
//! personal checklist, with the addresses that carry the answers.

pub mod checklist;
pub mod question;
pub mod summary;

use crate::eligibility::answers::{Answers, encode};
use crate::eligibility::model::{Text, split_codes};
use crate::i18n::*;
use crate::ui::text::use_locale;
use leptos::either::Either;
use leptos::prelude::*;

pub use checklist::Checklist;
pub use question::QuestionForm;
pub use summary::AnswerSummary;

fn query(answers: &Answers, show: Option<&str>) -> String {
    let mut parts: Vec<String> = answers
        .pairs()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    if let Some(show) = show {
        parts.push(format!("show={}", encode(show)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The question pages with these answers; `show` names a question to show again (Back, Change).
pub fn check_href(code: &str, answers: &Answers, show: Option<&str>) -> String {
    format!("/procedures/{code}/check{}", query(answers, show))
}

/// The result page for these answers.
pub fn result_href(code: &str, answers: &Answers) -> String {
    format!("/procedures/{code}/check/result{}", query(answers, None))
}

/// True while the page is in English.
pub fn english() -> Signal<bool> {
    let locale = use_locale();
    Signal::derive(move || locale == Locale::en)
}

/// A rule's text in the page's language; marked `lang="vi"` when an English page shows an
/// official text that exists only in Vietnamese.
#[component]
pub fn RuleText(text: Text) -> impl IntoView {
    let english = english();
    let lang = {
        let text = text.clone();
        move || text.is_vietnamese_on(english.get()).then_some("vi")
    };
    // Procedure codes become links to those procedures.
    let pieces = move || {
        split_codes(text.get(english.get()))
            .into_iter()
            .map(|(piece, is_code)| {
                if is_code {
                    Either::Left(
                        view! { <a href=format!("/procedures/{piece}")>{piece.to_string()}</a> },
                    )
                } else {
                    Either::Right(piece.to_string())
                }
            })
            .collect_view()
    };
    view! { <span lang=lang>{pieces}</span> }
}

/// A Listen button for rule texts read one after another (after `lead`, a text of the page), in
/// the language they are shown in: Vietnamese when an English page shows Vietnamese-only texts.
#[component]
pub fn ListenRule(
    texts: Vec<Text>,
    #[prop(optional, into)] lead: Option<Signal<String>>,
) -> impl IntoView {
    let english = english();
    let texts = StoredValue::new(texts);
    let text = Signal::derive(move || {
        let e = english.get();
        let lead = lead.map(|l| l.get());
        texts.with_value(|texts| {
            crate::display::voice::read_together(
                lead.as_deref()
                    .into_iter()
                    .chain(texts.iter().map(|t| t.get(e))),
            )
        })
    });
    let lang = Signal::derive(move || {
        let e = english.get();
        let vietnamese_only = texts.with_value(|t| t.iter().all(|t| t.is_vietnamese_on(e)));
        if !e || (lead.is_none() && vietnamese_only) {
            "vi"
        } else {
            "en"
        }
    });
    view! { <crate::ui::display::Listen text lang /> }
}

/// "Please confirm at the counter", for facts no official source confirms.
#[component]
pub fn Unconfirmed() -> impl IntoView {
    view! { <strong class="badge badge--warning">{crate::tr!(result_uncertain)}</strong> }
}

/// Moves the focus to the element `id` once the page runs in the browser: after each step of
/// the check, screen readers start at the new heading (or at the error summary) instead of at a
/// button that is gone.
/// Moves the keyboard focus to the element `id` (in the browser; nothing on the server).
pub fn focus_element(id: &str) {
    #[cfg(feature = "csr")]
    {
        use wasm_bindgen::JsCast;
        if let Some(element) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    }
    #[cfg(not(feature = "csr"))]
    let _ = id;
}

pub fn focus_when_shown(id: String) {
    Effect::new(move |_| {
        #[cfg(feature = "csr")]
        {
            use wasm_bindgen::JsCast;
            if let Some(element) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        }
        #[cfg(not(feature = "csr"))]
        let _ = &id;
    });
}
