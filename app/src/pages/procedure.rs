//! `/procedures/{code}`: one procedure in full: what it is, who may file, where, how long, what
//! it costs, which papers, the steps and the law. `?ward=` names the resident's commune or ward.
//!
//! A server page; its "not found" and "not kept for offline use" notices also serve the offline
//! kit, which renders the procedure's pages the device never kept.
#![cfg_attr(not(feature = "ssr"), allow(dead_code, unused_imports))]

use crate::catalogue::model::{DocumentGroup, DocumentUse, Procedure, Ward};
use crate::i18n::*;
use crate::tr;
use crate::ui::catalogue::{
    channel_name, event_name, fee_summary, fee_text, procedures_href, time_text, who_text,
};
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::either::Either;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
#[component]
pub fn ProcedurePage() -> impl IntoView {
    use crate::catalogue::store::Catalogue;
    use leptos_router::hooks::{use_params_map, use_query_map};
    let code = use_params_map().with_untracked(|p| p.get("code").unwrap_or_default());
    let ward = use_query_map()
        .with_untracked(|q| q.get("ward").and_then(|w| w.trim().parse::<u32>().ok()));
    let catalogue = Catalogue::embedded();
    match catalogue.procedure(code.trim()) {
        Some(procedure) => Either::Left(view! {
            <ProcedureView procedure=procedure.clone() wards=catalogue.wards().to_vec() ward />
        }),
        None => Either::Right(view! { <ProcedureNotFound /> }),
    }
}

#[component]
pub fn ProcedureNotFound() -> impl IntoView {
    let locale = use_locale();
    #[cfg(feature = "ssr")]
    crate::pages::not_found::set_not_found_status();
    view! {
        <PageTitle text=move || td_string!(locale, detail_not_found_title).to_string() />
        <div class="page">
            <h1>{tr!(detail_not_found_title)}</h1>
            <p class="lead">{tr!(detail_not_found_text)}</p>
            <p><a href="/procedures" class="button">{tr!(procedures_title)}</a></p>
        </div>
    }
}

#[component]
pub fn ProcedureOffline() -> impl IntoView {
    let locale = use_locale();
    view! {
        <PageTitle text=move || td_string!(locale, detail_offline_title).to_string() />
        <div class="page">
            <h1>{tr!(detail_offline_title)}</h1>
            <p class="lead">{tr!(detail_offline_text)}</p>
            <p><a href="/procedures" class="button">{tr!(procedures_title)}</a></p>
        </div>
    }
}

/// Marks Vietnamese-only official text as such on English pages, for screen readers and
/// translation tools.
fn vietnamese_on_english(locale: Locale) -> impl Fn() -> Option<&'static str> + Copy {
    move || (locale == Locale::en).then_some("vi")
}

#[component]
fn ProcedureView(procedure: Procedure, wards: Vec<Ward>, ward: Option<u32>) -> impl IntoView {
    let locale = use_locale();
    let official = vietnamese_on_english(locale);
    let english = move || locale == Locale::en;
    let has_english = procedure.name_en.is_some();
    let name = {
        let (vi, en) = (procedure.name_vi.clone(), procedure.name_en.clone());
        move || match (&en, english()) {
            (Some(en), true) => en.clone(),
            _ => vi.clone(),
        }
    };
    let name_lang = move || (english() && !has_english).then_some("vi");
    let title = name.clone();
    let event = procedure.life_event;
    let code = procedure.code.clone();
    let p = StoredValue::new(procedure);

    view! {
        <PageTitle text=title />
        <article class="page page--procedure" data-code=code.clone()>
            <nav class="breadcrumbs" aria-label=tr!(breadcrumb_label)>
                <ol>
                    <li><a href="/">{tr!(breadcrumb_home)}</a></li>
                    <li><a href="/procedures">{tr!(breadcrumb_procedures)}</a></li>
                    <li>
                        <a href=procedures_href("", Some(event), 1)>{Signal::derive(move || event_name(locale, event))}</a>
                    </li>
                </ol>
            </nav>
            <p class="caption">{
                let code = code.clone();
                move || td_string!(locale, detail_code, code = code.clone()).to_string()
            }</p>
            <h1 lang=name_lang>{name}</h1>
            <Show when=move || english()>
                <p class="official-name" lang="vi">{p.with_value(|p| p.name_vi.clone())}</p>
            </Show>
            <Show when=move || english() && !has_english>
                <p class="notice">{tr!(detail_official_vietnamese)}</p>
            </Show>
            {p.with_value(|p| p.fully_online).then(|| view! {
                <p class="notice notice--good">{tr!(detail_fully_online)}</p>
            })}

            <Glance procedure=p />

            <p class="start">
                <a class="button button--start" href=format!("/procedures/{code}/check")>{tr!(detail_start)}</a>
            </p>

            <Where wards ward code=code.clone() online=p.with_value(Procedure::can_file_online) />

            <Channels procedure=p />

            <Show when=move || english()>
                <p class="notice">{tr!(detail_texts_vietnamese)}</p>
            </Show>

            <section id="documents" class="documents" aria-labelledby="documents-heading" tabindex="-1">
                <h2 id="documents-heading">{tr!(detail_documents_heading)}</h2>
                {p.with_value(|p| {
                    if p.documents.is_empty() {
                        Either::Left(view! { <p>{tr!(docs_none)}</p> })
                    } else {
                        Either::Right(
                            p.documents
                                .iter()
                                .cloned()
                                .map(|group| view! { <Documents group /> })
                                .collect_view(),
                        )
                    }
                })}
            </section>

            {p.with_value(|p| (!p.conditions.is_empty()).then(|| {
                let conditions = p.conditions.clone();
                view! {
                    <section aria-labelledby="conditions-heading">
                        <h2 id="conditions-heading">{tr!(detail_conditions_heading)}</h2>
                        <ul class="official" lang=official>
                            {conditions.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                        </ul>
                    </section>
                }
            }))}

            <FoldedList heading=tr!(detail_steps_heading) items=p.with_value(|p| p.steps.clone()) ordered=true />
            <FoldedList heading=tr!(detail_notes_heading) items=p.with_value(|p| p.notes.clone()) ordered=false />

            {p.with_value(|p| (!p.legal_bases.is_empty()).then(|| {
                let bases = p.legal_bases.clone();
                view! {
                    <details class="section-details">
                        <summary><h2>{tr!(detail_legal_heading)}</h2></summary>
                        <ul class="official legal" lang=official>
                            {bases.into_iter().map(|b| view! {
                                <li><strong>{b.code}</strong>" – "{b.title}</li>
                            }).collect_view()}
                        </ul>
                    </details>
                }
            }))}

            <p class="source">{
                let code = code.clone();
                move || td_string!(locale, detail_source, code = code.clone()).to_string()
            }</p>
        </article>
    }
}

/// Official texts folded away under a heading: the steps (numbered) or the notes. Nothing when
/// the record has none.
#[component]
fn FoldedList(heading: Signal<String>, items: Vec<String>, ordered: bool) -> impl IntoView {
    let official = vietnamese_on_english(use_locale());
    (!items.is_empty()).then(|| {
        let items = items
            .into_iter()
            .map(|item| view! { <li>{item}</li> })
            .collect_view();
        let list = if ordered {
            Either::Left(view! { <ol class="official steps-list" lang=official>{items}</ol> })
        } else {
            Either::Right(view! { <ul class="official" lang=official>{items}</ul> })
        };
        view! {
            <details class="section-details">
                <summary><h2>{heading}</h2></summary>
                {list}
            </details>
        }
    })
}

/// The summary list: who, how long, how much, how, what you get, who handles it.
#[component]
fn Glance(procedure: StoredValue<Procedure>) -> impl IntoView {
    let locale = use_locale();
    let official = vietnamese_on_english(locale);
    let p = procedure;
    let who = move || {
        p.with_value(|p| {
            p.who_may_file
                .iter()
                .map(|who| {
                    let (text, translated) = who_text(locale, who);
                    let lang = (!translated).then_some("vi");
                    view! { <li lang=lang>{text}</li> }
                })
                .collect_view()
        })
    };
    let time = move || {
        p.with_value(|p| {
            let mut texts: Vec<String> = p
                .channels
                .iter()
                .map(|c| time_text(locale, &c.time))
                .collect();
            texts.dedup();
            if texts.is_empty() {
                texts.push(td_string!(locale, time_unspecified).to_string());
            }
            texts.join(" / ")
        })
    };
    let fee = move || p.with_value(|p| fee_summary(locale, p));
    let ways = move || {
        p.with_value(|p| {
            let mut kinds: Vec<_> = p.channels.iter().map(|c| c.kind).collect();
            kinds.dedup();
            kinds
                .into_iter()
                .map(|k| channel_name(locale, k))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    view! {
        <section class="glance" aria-labelledby="glance-heading">
            <h2 id="glance-heading" class="visually-hidden">{tr!(detail_glance)}</h2>
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt>{tr!(detail_who)}</dt>
                    <dd><ul class="plain">{who}</ul></dd>
                </div>
                <div class="summary-list__row" data-fact="time">
                    <dt>{tr!(detail_time)}</dt>
                    <dd>{time}</dd>
                </div>
                <div class="summary-list__row" data-fact="fee">
                    <dt>{tr!(detail_fee)}</dt>
                    <dd>{fee}</dd>
                </div>
                <div class="summary-list__row">
                    <dt>{tr!(detail_ways)}</dt>
                    <dd>{ways}</dd>
                </div>
                {p.with_value(|p| (!p.results.is_empty()).then(|| {
                    let results = p.results.join("; ");
                    view! {
                        <div class="summary-list__row">
                            <dt>{tr!(detail_result)}</dt>
                            <dd lang=official>{results}</dd>
                        </div>
                    }
                }))}
                {p.with_value(|p| (!p.handled_by.is_empty()).then(|| {
                    let handled_by = p.handled_by.join("; ");
                    view! {
                        <div class="summary-list__row">
                            <dt>{tr!(detail_handled_by)}</dt>
                            <dd lang=official>{handled_by}</dd>
                        </div>
                    }
                }))}
                <div class="summary-list__row">
                    <dt>{tr!(detail_category)}</dt>
                    <dd lang=official>{p.with_value(|p| p.category.clone())}</dd>
                </div>
            </dl>
        </section>
    }
}

/// Where to file: the resident's commune or ward (a plain GET form, so it works before the wasm
/// loads), and online.
#[component]
fn Where(wards: Vec<Ward>, ward: Option<u32>, code: String, online: bool) -> impl IntoView {
    let locale = use_locale();
    let names: Vec<(u32, String)> = wards.iter().map(|w| (w.code, w.name.clone())).collect();
    let chosen = move || {
        let code = ward?;
        names
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, name)| name.clone())
    };
    view! {
        <section id="where" class="where" aria-labelledby="where-heading">
            <h2 id="where-heading">{tr!(detail_where_heading)}</h2>
            <p>{tr!(detail_where_text)}</p>
            <form method="GET" action=format!("/procedures/{code}") class="ward-form">
                <label for="ward">{tr!(detail_ward_label)}</label>
                <div class="ward-form__row">
                    <select id="ward" name="ward">
                        <option value="">{tr!(detail_ward_choose)}</option>
                        {wards
                            .into_iter()
                            .map(|w| {
                                let selected = Some(w.code) == ward;
                                view! { <option value=w.code.to_string() selected=selected>{w.name}</option> }
                            })
                            .collect_view()}
                    </select>
                    <button class="button button--secondary" type="submit">{tr!(detail_ward_button)}</button>
                </div>
            </form>
            {move || chosen().map(|name| {
                view! {
                    <p class="notice notice--good" role="status">
                        {td_string!(locale, detail_ward_result, ward = name).to_string()}
                    </p>
                }
            })}
            {online.then(|| view! { <p>{tr!(detail_online_where)}</p> })}
        </section>
    }
}

/// Each way to file with its time and fee, and the portal's own words about it.
#[component]
fn Channels(procedure: StoredValue<Procedure>) -> impl IntoView {
    let locale = use_locale();
    let official = vietnamese_on_english(locale);
    let rows = move || {
        procedure.with_value(|p| {
            p.channels
                .iter()
                .map(|c| {
                    let details: Vec<String> = c
                        .fees
                        .iter()
                        .filter(|f| f.note.chars().count() > 16)
                        .map(|f| f.note.clone())
                        .chain((!c.note.is_empty()).then(|| c.note.clone()))
                        .chain((!c.time.text.is_empty()).then(|| c.time.text.clone()))
                        .collect();
                    view! {
                        <tr data-channel=format!("{:?}", c.kind).to_lowercase()>
                            <th scope="row">{channel_name(locale, c.kind)}</th>
                            <td>{time_text(locale, &c.time)}</td>
                            <td>
                                {fee_text(locale, c)}
                                {(!details.is_empty()).then(|| view! {
                                    <details class="official-details">
                                        <summary>{tr!(detail_channel_details)}</summary>
                                        <ul lang=official>
                                            {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                                        </ul>
                                    </details>
                                })}
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let variants = procedure.with_value(|p| {
        let mut names: Vec<_> = p
            .variants
            .iter()
            .map(|v| (v.name.clone(), v.time.clone()))
            .collect();
        names.dedup_by(|a, b| a.0 == b.0);
        (names.len() > 1).then_some(names)
    });
    view! {
        <section class="channels" aria-labelledby="channels-heading">
            <h2 id="channels-heading">{tr!(detail_channels_heading)}</h2>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{tr!(th_channel)}</th>
                        <th scope="col">{tr!(th_time)}</th>
                        <th scope="col">{tr!(th_fee)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {variants.map(|variants| view! {
                <h3>{tr!(detail_variants_heading)}</h3>
                <ul class="variants">
                    {variants.into_iter().map(|(name, time)| view! {
                        <li><span lang=official>{name}</span>": "{move || time_text(locale, &time)}</li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// One group of papers: to hand in or to show, each with how many originals and copies.
#[component]
fn Documents(group: DocumentGroup) -> impl IntoView {
    let locale = use_locale();
    let official = vietnamese_on_english(locale);
    let kind = group.kind;
    let heading = move || match kind {
        DocumentUse::Submit => td_string!(locale, docs_submit).to_string(),
        DocumentUse::Show => td_string!(locale, docs_show).to_string(),
    };
    view! {
        <div class="document-group" data-use=format!("{kind:?}").to_lowercase()>
            <h3>{heading}</h3>
            {(!group.heading.is_empty()).then(|| view! { <p class="document-group__case" lang=official>{group.heading.clone()}</p> })}
            <ul class="document-list">
                {group
                    .documents
                    .into_iter()
                    .map(|d| {
                        let counts = move || {
                            let mut parts = Vec::new();
                            if d.originals > 0 {
                                let n = d.originals;
                                parts.push(if n == 1 { td_string!(locale, doc_original, n = n).to_string() } else { td_string!(locale, doc_originals, n = n).to_string() });
                            }
                            if d.copies > 0 {
                                let n = d.copies;
                                parts.push(if n == 1 { td_string!(locale, doc_copy, n = n).to_string() } else { td_string!(locale, doc_copies, n = n).to_string() });
                            }
                            parts.join(", ")
                        };
                        view! {
                            <li class="document">
                                <span class="document__name" lang=official>{d.name.clone()}</span>
                                <span class="document__count">{counts}</span>
                                {d.has_form.then(|| view! { <span class="badge">{tr!(doc_form)}</span> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(!group.notes.is_empty()).then(|| view! {
                <details class="official-details">
                    <summary>{tr!(docs_notes)}</summary>
                    <ul lang=official>
                        {group.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                </details>
            })}
        </div>
    }
}
