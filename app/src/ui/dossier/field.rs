//! One field of a dossier form, drawn from its definition: a text box, a text area, day/month/
//! year boxes or radio buttons, with its hint and, when something is wrong, the message by it.
//! Typing changes the draft (saved by the draft's own timer); a field with a message is checked
//! again as it is corrected.

use super::text_signal;
use crate::dossier::form::{Data, Field, Kind};
use crate::dossier::validate::Problem;
use crate::eligibility::date::Date;
use crate::tr;
use crate::ui::check::focus_element;
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// Problems on a page, by field id, in the order of the page.
pub type Problems = RwSignal<Vec<(String, Problem)>>;

/// The id of the element a field's error links to (its first box).
pub fn input_id(field: &Field) -> String {
    match &field.kind {
        Kind::Date { .. } => format!("f-{}-day", field.id),
        Kind::Choice(choices) => format!(
            "f-{}-{}",
            field.id,
            choices.first().map(|c| c.value.clone()).unwrap_or_default()
        ),
        _ => format!("f-{}", field.id),
    }
}

/// Re-checks a flagged field as it is corrected, keeping the page's other problems: its message
/// follows the typing and goes once the value is right. New problems are reported by "Save and
/// continue" (GOV.UK): a message appearing or going when a field loses the focus moves the page
/// under the pointer, and the click on the next box or on the button is lost.
fn recheck(field: &Field, data: Memo<Data>, problems: Problems, today: Date) {
    let flagged = problems.with_untracked(|list| list.iter().any(|(id, _)| id == &field.id));
    if !flagged {
        return;
    }
    let result = data.with_untracked(|d| field.check(d, today));
    problems.update(|list| {
        let position = list.iter().position(|(id, _)| id == &field.id);
        match (result, position) {
            (Ok(()), Some(i)) => {
                list.remove(i);
            }
            (Err(problem), Some(i)) => list[i].1 = problem,
            (Err(problem), None) => list.push((field.id.clone(), problem)),
            (Ok(()), None) => {}
        }
    });
}

#[component]
pub fn FieldInput(
    field: Field,
    /// What is typed so far, in the whole form.
    data: Memo<Data>,
    /// A value typed: (key, value).
    on_input: Callback<(String, String)>,
    problems: Problems,
    today: Date,
    /// The dossier can no longer be changed (queued or sent).
    read_only: bool,
) -> impl IntoView {
    let field = StoredValue::new(field);
    let id = field.with_value(|f| f.id.clone());
    let label = text_signal(field.with_value(|f| f.label.clone()));
    let hint = field.with_value(|f| f.hint.clone()).map(text_signal);
    let hint_id = format!("f-{id}-hint");
    let error_id = format!("f-{id}-error");
    let error = {
        let id = id.clone();
        move || {
            problems.with(|list| {
                list.iter()
                    .find(|(field, _)| field == &id)
                    .map(|(_, p)| p.text())
            })
        }
    };
    let has_error = {
        let error = error.clone();
        move || error().is_some()
    };
    let asked = move || data.with(|d| field.with_value(|f| f.is_asked(d)));
    let value_of =
        move |key: &str| data.with_untracked(|d| d.get(key).cloned().unwrap_or_default());
    // What the box shows follows the draft: a change written in another tab appears here (the
    // same text as typed here changes nothing, so the caret stays where it is).
    let shown = move |key: String| move || data.with(|d| d.get(&key).cloned().unwrap_or_default());
    let checked = move || field.with_value(|f| recheck(f, data, problems, today));
    let set = move |key: String, value: String| {
        on_input.run((key, value));
        checked();
    };
    let described = {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(hint_id.clone());
        }
        let error_id = error_id.clone();
        let error = error.clone();
        move || {
            let mut ids = ids.clone();
            if error().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let hint_view = hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> });
    let error_view = {
        let error_id = error_id.clone();
        move || {
            error().map(|text| {
                view! {
                    <p class="error-message" id=error_id.clone()>
                        <span class="visually-hidden">{tr!(check_error_title)}": "</span>
                        {text_signal(text)}
                    </p>
                }
            })
        }
    };
    let kind = field.with_value(|f| f.kind.clone());
    let required = field.with_value(|f| f.required);
    let control = match kind {
        Kind::Date { .. } => {
            let parts = [
                ("day", tr!(check_day), 2, "bday-day"),
                ("month", tr!(check_month), 2, "bday-month"),
                ("year", tr!(check_year), 4, "bday-year"),
            ];
            let autocomplete = field.with_value(|f| f.autocomplete.is_some());
            let boxes = parts
                .into_iter()
                .map(|(part, part_label, width, auto)| {
                    let key = format!("{id}_{part}");
                    let input = format!("f-{id}-{part}");
                    let initial = value_of(&key);
                    view! {
                        <div class="date-input__item">
                            <label class="date-input__label" for=input.clone()>{part_label}</label>
                            <input class=format!("input input--width-{width}") id=input name=key.clone()
                                type="text" inputmode="numeric"
                                autocomplete=autocomplete.then_some(auto)
                                value=initial prop:value=shown(key.clone()) disabled=read_only
                                on:input=move |ev| set(key.clone(), event_target_value(&ev)) />
                        </div>
                    }
                })
                .collect_view();
            EitherOf4::A(view! {
                <fieldset class="fieldset" role="group" aria-describedby=described>
                    <legend class="field__label">{label}</legend>
                    {hint_view}
                    {error_view}
                    <div class="date-input">{boxes}</div>
                </fieldset>
            })
        }
        Kind::Choice(choices) => {
            let current = value_of(&id);
            let radios = choices
                .into_iter()
                .map(|choice| {
                    let input = format!("f-{id}-{}", choice.value);
                    let key = id.clone();
                    let value = choice.value;
                    let checked = current == value;
                    let now_checked = {
                        let (shown, value) = (shown(key.clone()), value.clone());
                        move || shown() == value
                    };
                    view! {
                        <div class="radios__item">
                            <input class="radios__input" type="radio" id=input.clone() name=id.clone()
                                value=value.clone() checked=checked prop:checked=now_checked disabled=read_only
                                on:change=move |_| set(key.clone(), value.clone()) />
                            <label class="radios__label" for=input>{text_signal(choice.label)}</label>
                        </div>
                    }
                })
                .collect_view();
            EitherOf4::B(view! {
                <fieldset class="fieldset" aria-describedby=described>
                    <legend class="field__label">{label}</legend>
                    {hint_view}
                    {error_view}
                    <div class="radios radios--inline">{radios}</div>
                </fieldset>
            })
        }
        Kind::LongText { .. } => {
            let input = format!("f-{id}");
            let initial = value_of(&id);
            let key = id.clone();
            EitherOf4::C(view! {
                <label class="field__label" for=input.clone()>{label}</label>
                {hint_view}
                {error_view}
                <textarea class="input textarea" id=input name=id.clone() rows="4"
                    aria-describedby=described aria-required=required.then_some("true") disabled=read_only
                    prop:value=shown(key.clone())
                    on:input=move |ev| set(key.clone(), event_target_value(&ev))>{initial}</textarea>
            })
        }
        other => {
            let input = format!("f-{id}");
            let initial = value_of(&id);
            let key = id.clone();
            let (kind, mode, width) = match other {
                Kind::Phone => ("tel", Some("tel"), "input--width-10"),
                Kind::Email => ("email", Some("email"), "input--width-20"),
                Kind::PersonalId { .. } => ("text", Some("numeric"), "input--width-10"),
                Kind::Number { .. } => ("text", Some("numeric"), "input--width-3"),
                _ => ("text", None, "input--full"),
            };
            let is_code = matches!(other, Kind::PersonalId { .. } | Kind::Phone | Kind::Email);
            let autocomplete = field.with_value(|f| f.autocomplete.clone());
            EitherOf4::D(view! {
                <label class="field__label" for=input.clone()>{label}</label>
                {hint_view}
                {error_view}
                <input class=format!("input {width}") id=input name=id.clone() type=kind inputmode=mode
                    autocomplete=autocomplete.unwrap_or_else(|| "off".to_string()) spellcheck=(!is_code).to_string()
                    value=initial prop:value=shown(key.clone()) aria-describedby=described
                    aria-required=required.then_some("true") disabled=read_only
                    on:input=move |ev| set(key.clone(), event_target_value(&ev)) />
            })
        }
    };
    view! {
        <div class="form-group" class:form-group--error=has_error hidden=move || !asked() data-field=id.clone()>
            {control}
        </div>
    }
}

/// GOV.UK's error summary: what is wrong on the page, each linking to its field.
#[component]
pub fn ErrorSummary(problems: Problems, fields: StoredValue<Vec<Field>>) -> impl IntoView {
    let items = move || {
        problems
            .get()
            .into_iter()
            .map(|(id, problem)| {
                let target = fields.with_value(|all| {
                    all.iter()
                        .find(|f| f.id == id)
                        .map(input_id)
                        .unwrap_or_default()
                });
                let label = fields.with_value(|all| {
                    all.iter().find(|f| f.id == id).map(|f| f.label.clone())
                });
                let href = format!("#{target}");
                view! {
                    <li>
                        <a href=href on:click=move |ev| {
                            // Move to the box itself, not just scroll to it.
                            ev.prevent_default();
                            focus_element(&target);
                        }>
                            {label.map(|l| view! { <span class="error-summary__field">{text_signal(l)}": "</span> })}
                            {text_signal(problem.text())}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || problems.with(|p| !p.is_empty())>
            <div class="error-summary" id="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 class="error-summary__title" id="error-summary-title">{tr!(check_error_title)}</h2>
                <ul class="error-summary__list">{items}</ul>
            </div>
        </Show>
    }
}
