//! A dossier or a handed-over draft as the officer reads it: the checklist with what the resident
//! did for each paper (ticked, files), the eligibility answers, and everything the form holds —
//! with the part the resident was on marked, for a hand-off.

use crate::dossier::desk::DossierView;
use crate::dossier::model::readable_size;
use crate::tr;
use crate::ui::check::english;
use crate::ui::dossier::text_signal;
use leptos::prelude::*;

/// A file the officer can open (and download, for a stored dossier).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileLink {
    pub document: String,
    pub name: String,
    pub size: u64,
    /// Served as a download ([`crate::dossier::attachment::served_name`]): a resident's file
    /// never opens in the portal.
    pub href: String,
}

#[component]
pub fn DossierSections(
    view: DossierView,
    files: Vec<FileLink>,
    /// The id of the part the resident was on (a hand-off).
    #[prop(optional)]
    step: Option<String>,
) -> impl IntoView {
    let english = english();
    let files = StoredValue::new(files);
    let file_links = move |document: &str| {
        files.with_value(|all| {
            all.iter()
                .filter(|f| f.document == document)
                .map(|f| {
                    let size = readable_size(f.size, english.get_untracked());
                    view! {
                        <li class="desk-file">
                            <a href=f.href.clone() download="">{f.name.clone()}</a>
                            " ("{size}")"
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let checklist = view
        .checklist
        .iter()
        .map(|paper| {
            let brought = paper
                .ticked
                .then(|| view! { <p class="hint">{tr!(desk_paper_ticked)}</p> });
            let none = (!paper.ticked && paper.files == 0)
                .then(|| view! { <p class="hint">{tr!(desk_paper_nothing)}</p> });
            view! {
                <li class="desk-paper" data-paper=paper.paper.id.clone()>
                    <h3 class="desk-paper__name">{text_signal(paper.paper.name.clone())}</h3>
                    <p class="desk-paper__why">{text_signal(paper.why.clone())}</p>
                    {brought}
                    {none}
                    <ul class="desk-files">{file_links(&paper.paper.id)}</ul>
                </li>
            }
        })
        .collect_view();
    let answers = view
        .answers
        .iter()
        .map(|(question, answer)| {
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{text_signal(question.clone())}</dt>
                    <dd class="summary-list__value">{text_signal(answer.clone())}</dd>
                </div>
            }
        })
        .collect_view();
    let parts = view
        .parts
        .iter()
        .map(|part| {
            let here = step.as_deref() == Some(part.id.as_str());
            let rows = part
                .rows
                .iter()
                .map(|(label, value)| {
                    let value = value.clone().map(text_signal);
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{text_signal(label.clone())}</dt>
                            <dd class="summary-list__value">{move || value.map(|v| v.get()).unwrap_or_else(|| "—".to_string())}</dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section class="review-part" class:review-part--here=here data-section=part.id.clone()>
                    <h3>
                        {text_signal(part.title.clone())}
                        {here.then(|| view! { " "<strong class="tag tag--more_documents_needed" data-testid="resident-step">{tr!(handoff_resident_here)}</strong> })}
                    </h3>
                    <dl class="summary-list">{rows}</dl>
                </section>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="desk-papers">
            <h2 id="desk-papers">{tr!(desk_papers)}</h2>
            <ul class="desk-papers">{checklist}</ul>
        </section>
        <section aria-labelledby="desk-answers">
            <h2 id="desk-answers">{tr!(desk_answers)}</h2>
            <dl class="summary-list summary-list--answers">{answers}</dl>
        </section>
        <section aria-labelledby="desk-form">
            <h2 id="desk-form">{tr!(desk_form)}</h2>
            {parts}
        </section>
    }
}
