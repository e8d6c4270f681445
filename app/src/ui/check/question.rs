//! One question on its own page (GOV.UK "question page"): the question as the heading, a hint,
//! big radio buttons or date boxes, an error summary when the answer cannot be used, Continue.
//!
//! A plain GET form: without script the server evaluates it; with script the router does it in
//! the browser. Earlier (and later) answers ride along as hidden fields.

use super::{ListenRule, RuleText};
use crate::eligibility::answers::{AnswerError, Answers};
use crate::eligibility::date::Date;
use crate::eligibility::model::{Choice, Kind, Question, t};
use crate::i18n::*;
use crate::tr;
use crate::ui::text::use_locale;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::Form;

/// The message for an answer that cannot be used.
fn error_text(locale: Locale, kind: &Kind, error: AnswerError) -> String {
    match (kind, error) {
        (Kind::Date, AnswerError::Missing) => {
            td_string!(locale, check_error_date_missing).to_string()
        }
        (_, AnswerError::DateIncomplete) => {
            td_string!(locale, check_error_date_incomplete).to_string()
        }
        (_, AnswerError::DateInvalid) => td_string!(locale, check_error_date_invalid).to_string(),
        (_, AnswerError::DateInFuture) => td_string!(locale, check_error_date_future).to_string(),
        (_, AnswerError::DateYearDigits { example }) => {
            td_string!(locale, check_error_date_year, example = example).to_string()
        }
        (Kind::Number { .. }, AnswerError::Missing) => {
            td_string!(locale, check_error_number_missing).to_string()
        }
        (_, AnswerError::NotANumber) => td_string!(locale, check_error_number).to_string(),
        (Kind::Number { min, max, .. }, AnswerError::TooSmall | AnswerError::TooLarge) => {
            td_string!(locale, check_error_number_range, min = *min, max = *max).to_string()
        }
        _ => td_string!(locale, check_error_choice).to_string(),
    }
}

/// The id of the first field, where the error summary's link leads.
fn first_field(question: &Question) -> String {
    match &question.kind {
        Kind::Choice(choices) => format!("{}-{}", question.id, choices[0].id),
        Kind::YesNo => format!("{}-yes", question.id),
        Kind::Date => format!("{}-day", question.id),
        Kind::Number { .. } => format!("{}-input", question.id),
    }
}

/// Shows exactly the saved answer as chosen. Moving from one question to the next, the router
/// reuses the radio buttons in place, and a button the resident ticked on the previous question
/// would otherwise stay ticked on this one (its `checked` state is no longer the attribute's).
/// The same holds for typed text: `texts` are the boxes' ids and the values they must show.
fn sync_choices(name: String, current: String, texts: Vec<(String, String)>) {
    Effect::new(move |_| {
        #[cfg(feature = "csr")]
        {
            use wasm_bindgen::JsCast;
            let selector = format!("main input[type=radio][name=\"{name}\"]");
            if let Ok(radios) = document().query_selector_all(&selector) {
                for i in 0..radios.length() {
                    if let Some(radio) = radios
                        .get(i)
                        .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        radio.set_checked(radio.value() == current);
                    }
                }
            }
            for (id, value) in &texts {
                if let Some(input) = document()
                    .get_element_by_id(id)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    input.set_value(value);
                }
            }
        }
        #[cfg(not(feature = "csr"))]
        let _ = (&name, &current, &texts);
    });
}

#[component]
pub fn QuestionForm(
    code: String,
    /// The procedure's name, shown above the question.
    caption: Signal<String>,
    /// `lang` of the caption (Vietnamese-only names on English pages).
    caption_lang: Signal<Option<&'static str>>,
    question: Question,
    answers: Answers,
    error: Option<AnswerError>,
    /// "Question n of about total".
    position: (usize, usize),
    back: String,
) -> impl IntoView {
    let locale = use_locale();
    let id = question.id.clone();
    let current = answers.raw(&id).unwrap_or("").to_string();
    // Everything but this question's own fields goes back with the form.
    let hidden = answers
        .pairs()
        .filter(|(k, _)| *k != id)
        .map(|(k, v)| view! { <input type="hidden" name=k.to_string() value=v.to_string() /> })
        .collect_view();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let mut ids = Vec::new();
        if question.hint.is_some() {
            ids.push(hint_id.clone());
        }
        if error.is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let message = {
        let kind = question.kind.clone();
        move || error.map(|e| error_text(locale, &kind, e))
    };
    let (n, total) = position;
    let progress = move || td_string!(locale, check_progress, n = n, total = total).to_string();
    let field = first_field(&question);
    let typed: Vec<(String, String)> = match &question.kind {
        Kind::Date => {
            let date = Date::parse(&current);
            let parts: Vec<&str> = current.split('-').collect();
            ["day", "month", "year"]
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let value = match date {
                        Some(d) => {
                            [d.day.to_string(), d.month.to_string(), d.year.to_string()][i].clone()
                        }
                        None => parts.get(2 - i).map(|p| p.to_string()).unwrap_or_default(),
                    };
                    (format!("{id}-{name}"), value)
                })
                .collect()
        }
        Kind::Number { .. } => vec![(format!("{id}-input"), current.clone())],
        _ => Vec::new(),
    };
    // Yes/no is a choice of two, side by side.
    let inline = question.kind == Kind::YesNo;
    let fields = match question.kind.clone() {
        kind @ (Kind::YesNo | Kind::Choice(_)) => {
            let choices = match kind {
                Kind::Choice(choices) => choices,
                _ => vec![
                    Choice::new("yes", t("Có", "Yes")),
                    Choice::new("no", t("Không", "No")),
                ],
            };
            EitherOf3::A(view! {
            <div class="radios" class:radios--inline=inline>
                {choices.into_iter().map(|choice| {
                    let input_id = format!("{id}-{}", choice.id);
                    let hint_id = format!("{input_id}-hint");
                    let has_hint = choice.hint.is_some();
                    view! {
                        <div class="radios__item">
                            <input class="radios__input" type="radio" id=input_id.clone() name=id.clone()
                                value=choice.id.clone() checked=current == choice.id
                                aria-describedby=has_hint.then(|| hint_id.clone()) />
                            <label class="radios__label" for=input_id><RuleText text=choice.label /></label>
                            {choice.hint.map(|hint| view! {
                                <p class="hint radios__hint" id=hint_id><RuleText text=hint /></p>
                            })}
                        </div>
                    }
                }).collect_view()}
            </div>
            })
        }
        Kind::Date => {
            let part = |i: usize| typed.get(i).map(|(_, v)| v.clone()).unwrap_or_default();
            let boxes = [
                ("day", tr!(check_day), 2, part(0)),
                ("month", tr!(check_month), 2, part(1)),
                ("year", tr!(check_year), 4, part(2)),
            ];
            EitherOf3::B(view! {
                <div class="date-input">
                    {boxes.into_iter().map(|(name, label, width, value)| {
                        let input_id = format!("{id}-{name}");
                        view! {
                            <div class="date-input__item">
                                <label class="date-input__label" for=input_id.clone()>{label}</label>
                                <input class=format!("input input--width-{width}") id=input_id name=format!("{id}_{name}")
                                    type="text" inputmode="numeric" autocomplete="off" value=value
                                    aria-describedby=described.clone() />
                            </div>
                        }
                    }).collect_view()}
                </div>
            })
        }
        Kind::Number { unit, .. } => EitherOf3::C(view! {
            <div class="number-input">
                <input class="input input--width-3" id=format!("{id}-input") name=id.clone() type="text"
                    inputmode="numeric" autocomplete="off" value=current.clone()
                    aria-labelledby=format!("{id}-heading") aria-describedby=described.clone() />
                " "<span class="number-input__unit"><RuleText text=unit /></span>
            </div>
        }),
    };
    let heading_id = format!("{}-heading", question.id);
    sync_choices(question.id.clone(), current.clone(), typed.clone());
    // Read aloud: the question with its choices, and the hint on its own.
    let spoken = {
        let mut texts = vec![question.text.clone()];
        if let Kind::Choice(choices) = &question.kind {
            texts.extend(choices.iter().map(|c| c.label.clone()));
        }
        texts
    };
    let spoken_hint = question.hint.clone();
    super::focus_when_shown(if error.is_some() {
        "error-summary".to_string()
    } else {
        heading_id.clone()
    });
    view! {
        <p class="check-nav"><a class="back-link" href=back>{tr!(check_back)}</a></p>
        {error.is_some().then(|| view! {
            <div class="error-summary" id="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 class="error-summary__title" id="error-summary-title">{tr!(check_error_title)}</h2>
                <ul class="error-summary__list">
                    <li><a href=format!("#{field}")>{message.clone()}</a></li>
                </ul>
            </div>
        })}
        <Form method="GET" action=format!("/procedures/{code}/check") attr:class="question" attr:novalidate=true>
            {hidden}
            <input type="hidden" name="asked" value=question.id.clone() />
            <div class="form-group" class:form-group--error=error.is_some()>
                <fieldset class="fieldset" aria-describedby=described.clone()>
                    <legend class="fieldset__legend">
                        <span class="caption" lang=caption_lang>{caption}</span>
                        <h1 class="fieldset__heading" id=heading_id tabindex="-1"><RuleText text=question.text /></h1>
                    </legend>
                    <ListenRule texts=spoken />
                    <p class="caption check-progress">{progress}</p>
                    {question.hint.map(|hint| view! { <p class="hint" id=hint_id><RuleText text=hint /></p> })}
                    {spoken_hint.map(|hint| view! { <ListenRule texts=vec![hint] /> })}
                    {error.is_some().then(|| view! {
                        <p class="error-message" id=error_id>
                            <span class="visually-hidden">{tr!(check_error_title)}": "</span>{message}
                        </p>
                    })}
                    {fields}
                </fieldset>
            </div>
            <button type="submit" class="button">{tr!(check_continue)}</button>
        </Form>
    }
}
