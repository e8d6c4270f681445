//! The documents of a dossier: the personal checklist (from the eligibility answers the dossier
//! was started with), each paper with "I have it" and its photos or files. A photo is checked
//! and made small on the device, then kept with the draft in one transaction; a refused file
//! gets a message by its paper and nothing is stored.

use super::{DraftHandle, text_signal};
use crate::catalogue::model::DocumentUse;
use crate::dossier::model::{Attachment, Draft, readable_size};
use crate::eligibility::model::{DocumentRule, Text};
use crate::tr;
use crate::ui::check::checklist::counts_text;
use crate::ui::check::{RuleText, Unconfirmed, english};
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[component]
pub fn DossierDocuments(
    handle: DraftHandle,
    documents: Vec<DocumentRule>,
    read_only: bool,
) -> impl IntoView {
    if documents.is_empty() {
        return view! { <p>{tr!(result_checklist_none)}</p> }.into_any();
    }
    documents
        .into_iter()
        .map(|document| view! { <DocumentItem handle document read_only /> })
        .collect_view()
        .into_any()
}

#[component]
fn DocumentItem(handle: DraftHandle, document: DocumentRule, read_only: bool) -> impl IntoView {
    let locale = use_locale();
    let id = document.id.clone();
    let box_id = format!("have-{id}");
    let have = {
        let id = id.clone();
        move || {
            handle
                .draft
                .with(|d| d.as_ref().is_some_and(|d| d.ticks.contains(&id)))
        }
    };
    let toggle = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            handle.update(|d| {
                if on {
                    d.ticks.insert(id.clone());
                } else {
                    d.ticks.remove(&id);
                }
            });
        }
    };
    let usage = match document.usage {
        DocumentUse::Submit => tr!(result_hand_in),
        DocumentUse::Show => tr!(result_show),
    };
    let (originals, copies) = (document.originals, document.copies);
    let counts = move || counts_text(locale, originals, copies);
    view! {
        <li class="checklist__item dossier-document" data-document=id.clone()>
            <div class="checklist__check">
                <input class="checklist__box" type="checkbox" id=box_id.clone() prop:checked=have
                    on:change=toggle disabled=read_only />
                <label class="checklist__have" for=box_id>{tr!(result_have)}</label>
            </div>
            <div class="checklist__body">
                <p class="checklist__name"><RuleText text=document.name.clone() /></p>
                <p class="checklist__meta">
                    <span class="badge">{usage}</span>" "<span>{counts}</span>
                    {document.remark.clone().map(|remark| view! { " "<strong class="badge badge--remark"><RuleText text=remark /></strong> })}
                    {document.uncertain.then(|| view! { " "<Unconfirmed /> })}
                </p>
                <p class="checklist__why"><strong>{tr!(result_why)}": "</strong><RuleText text=document.why.clone() /></p>
                <PaperFiles handle document=id.clone() target=Target::Dossier read_only />
            </div>
        </li>
    }
}

/// Where a paper's files go: the dossier being drafted, or the papers added after the office
/// asked for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Dossier,
    Supplement,
}

fn files_of(draft: &Draft, target: Target, document: &str) -> Vec<Attachment> {
    match target {
        Target::Dossier => draft.attachments_for(document).cloned().collect(),
        Target::Supplement => draft
            .supplement
            .as_ref()
            .map(|s| s.files_for(document).cloned().collect())
            .unwrap_or_default(),
    }
}

/// A paper's photos and files, the refusal of the last one chosen, and the buttons to add more.
#[component]
pub fn PaperFiles(
    handle: DraftHandle,
    document: String,
    target: Target,
    read_only: bool,
) -> impl IntoView {
    let refusal = RwSignal::new(None::<Text>);
    let busy = RwSignal::new(false);
    let list = {
        let document = document.clone();
        move || {
            handle
                .draft
                .with(|d| {
                    d.as_ref()
                        .map(|d| files_of(d, target, &document))
                        .unwrap_or_default()
                })
                .into_iter()
                .map(|attachment| view! { <AttachmentView handle attachment target read_only /> })
                .collect_view()
        }
    };
    let on_files = {
        let document = document.clone();
        move |ev: leptos::ev::Event| {
            #[cfg(feature = "csr")]
            {
                use wasm_bindgen::JsCast;
                let Some(input) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                else {
                    return;
                };
                let files: Vec<web_sys::File> = input
                    .files()
                    .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                    .unwrap_or_default();
                // The same file can be chosen again after a refusal.
                input.set_value("");
                refusal.set(None);
                busy.set(true);
                let document = document.clone();
                leptos::task::spawn_local(async move {
                    for file in files {
                        if let Err(text) = attach(handle, target, &document, file).await {
                            refusal.try_set(Some(text));
                            break;
                        }
                    }
                    busy.try_set(false);
                });
            }
            #[cfg(not(feature = "csr"))]
            let _ = (ev, &document, target);
        }
    };
    let refusal_id = format!("refusal-{document}");
    let photo_id = format!("photo-{document}");
    let file_id = format!("file-{document}");
    view! {
        <ul class="attachments">{list}</ul>
        {move || refusal.get().map(|text| view! {
            <p class="error-message" id=refusal_id.clone() role="alert">{text_signal(text)}</p>
        })}
        {(!read_only).then(|| {
            view! {
                <div class="attach">
                    <input class="attach__input" type="file" id=photo_id.clone() accept="image/*"
                        capture="environment" on:change=on_files.clone() aria-describedby="attach-hint" />
                    <label class="button button--secondary attach__button" for=photo_id>
                        {tr!(attach_photo)}
                    </label>
                    <input class="attach__input" type="file" id=file_id.clone() multiple=true
                        accept="image/*,application/pdf" on:change=on_files aria-describedby="attach-hint" />
                    <label class="button button--secondary attach__button" for=file_id.clone()>
                        {tr!(attach_file)}
                    </label>
                    <span class="attach__busy" aria-live="polite">{move || busy.get().then(|| tr!(attach_busy))}</span>
                </div>
            }
        })}
    }
}

/// Checks, prepares and keeps one file for `document`; the refusal's text otherwise.
#[cfg(feature = "csr")]
async fn attach(
    handle: DraftHandle,
    target: Target,
    document: &str,
    file: web_sys::File,
) -> Result<(), Text> {
    use crate::device::{new_id, now, photo, store};
    use crate::dossier::attachment::Refusal;
    let name = file.name();
    let already = handle
        .draft
        .with_untracked(|d| d.as_ref().map(|d| files_of(d, target, document).len()))
        .unwrap_or(0);
    let prepared = photo::prepare(file, already)
        .await
        .map_err(|refusal| refusal.text(&name))?;
    let attachment = Attachment {
        id: new_id(),
        document: document.to_string(),
        name: prepared.name,
        mime: prepared.mime,
        size: prepared.blob.size() as u64,
        width: prepared.width,
        height: prepared.height,
        added: now(),
    };
    // The draft with the file, written with the file's bytes in one transaction.
    let added = attachment.id.clone();
    let change = move |next: &mut Draft| match target {
        Target::Dossier => {
            next.attachments.push(attachment.clone());
            next.ticks.insert(document.to_string());
            next.is_editable()
        }
        Target::Supplement => match next.supplement.as_mut() {
            Some(supplement) if supplement.is_editable() => {
                supplement.attachments.push(attachment.clone());
                true
            }
            _ => false,
        },
    };
    match handle.keep_file(change, &added, &prepared.blob).await {
        Ok(true) => Ok(()),
        Ok(false) => Err(Refusal::NotKept.text(&name)),
        Err(store::StoreError::Full) => Err(Refusal::DeviceFull.text(&name)),
        Err(_) => Err(Refusal::NotKept.text(&name)),
    }
}

/// One attached photo or file: thumbnail, name, size and a remove button.
#[component]
fn AttachmentView(
    handle: DraftHandle,
    attachment: Attachment,
    target: Target,
    read_only: bool,
) -> impl IntoView {
    let english = english();
    let url = RwSignal::new(None::<String>);
    #[cfg(feature = "csr")]
    {
        let id = attachment.id.clone();
        let is_image = attachment.mime.starts_with("image/");
        Effect::new(move |_| {
            if !is_image {
                return;
            }
            let id = id.clone();
            leptos::task::spawn_local(async move {
                if let Ok(Some(blob)) = crate::device::store::get_file(&id).await
                    && let Ok(object_url) = web_sys::Url::create_object_url_with_blob(&blob)
                {
                    url.try_set(Some(object_url));
                }
            });
        });
        on_cleanup(move || {
            if let Some(Some(object_url)) = url.try_get_untracked() {
                let _ = web_sys::Url::revoke_object_url(&object_url);
            }
        });
    }
    let size = attachment.size;
    let size_text = move || readable_size(size, english.get());
    let dimensions = attachment
        .width
        .zip(attachment.height)
        .map(|(w, h)| format!(" · {w}×{h}"));
    let name = attachment.name.clone();
    let alt = name.clone();
    let remove = {
        let id = attachment.id.clone();
        move |_| {
            let id = id.clone();
            match target {
                Target::Dossier => handle.update(|d| d.attachments.retain(|a| a.id != id)),
                Target::Supplement => {
                    handle.update_supplement(|s| s.attachments.retain(|a| a.id != id));
                }
            }
            // A removal is written at once (the photo's bytes go with it, in the same
            // transaction), not after the typing pause.
            handle.save_now();
        }
    };
    let is_pdf = attachment.mime == "application/pdf";
    view! {
        <li class="attachment" data-attachment=attachment.id.clone()>
            {move || match url.get() {
                Some(src) => view! { <img class="attachment__thumb" src=src alt=alt.clone() width="96" height="96" /> }.into_any(),
                None => view! { <span class="attachment__thumb attachment__thumb--file" aria-hidden="true">{if is_pdf { "PDF" } else { "…" }}</span> }.into_any(),
            }}
            <span class="attachment__text">
                <span class="attachment__name">{name.clone()}</span>
                <span class="attachment__size">{size_text}{dimensions}</span>
            </span>
            {(!read_only).then(|| view! {
                <button type="button" class="button button--secondary button--small" on:click=remove>
                    {tr!(attach_remove)}<span class="visually-hidden">" "{name.clone()}</span>
                </button>
            })}
        </li>
    }
}
