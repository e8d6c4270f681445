//! What the server keeps of a draft a device sends — a dossier to store
//! (`POST /api/dossiers/submit`) or a draft handed over (`POST /api/handoff/create`): only what
//! the procedure defines, each value within the length its field defines. A key no form has, a
//! value longer than its field allows, a paper the checklist never asks for, a file name of a
//! megabyte: none is stored, and so none reaches an officer's screen.

use super::attachment::MAX_STAGED_FILES;
use super::form::Data;
use super::model::{DOCUMENTS, Draft, SubmissionState, is_uuid};
use super::submission::{SubmitError, Unmet};
use crate::catalogue::model::Procedure;
use crate::definition::Definition;
use crate::eligibility::model::Text;
use std::collections::BTreeSet;

/// The longest draft id kept (devices make UUIDs: 36).
pub const MAX_DRAFT_ID_CHARS: usize = 64;
/// The longest answer to a check's question kept: answers are `yes`/`no`, a choice's id, a date
/// (`YYYY-MM-DD`) or a number.
pub const MAX_ANSWER_CHARS: usize = 40;
/// The longest file name kept for an attachment (the limit of common file systems).
pub const MAX_FILE_NAME_CHARS: usize = 255;
/// The longest media type kept for an attachment.
pub const MAX_MIME_CHARS: usize = 100;

/// `draft` as the server keeps it, for `procedure` and its `definition` (the caller has looked
/// the procedure up by the draft's code):
/// - the procedure's code and name are the catalogue's; a variant only if the procedure has it;
/// - answers only to the check's questions, each at most [`MAX_ANSWER_CHARS`];
/// - the form only for the fields of the parts shown for this dossier
///   ([`crate::definition::Form::sections_shown`]) that are asked given the other answers
///   ([`super::form::Field::is_asked`]) and not blank, each in its clean stored form
///   ([`super::form::Field::stored`]: a phone number as `0912345678` however it was typed);
/// - parts marked completed, papers ticked and files only of this form and checklist;
/// - nothing of the device's sending state (state, office status, supplement, revision).
///
/// # Errors
/// - [`SubmitError::NotReady`] with the part, when an asked field's value passes its
///   [`super::form::Field::max_chars`] (the device's own check says which field), or with the
///   papers the checklist does not ask for that have files;
/// - [`SubmitError::BadRequest`] for what no device of ours sends: another procedure's code, a
///   draft id of more than [`MAX_DRAFT_ID_CHARS`], more than [`MAX_STAGED_FILES`] files, a file
///   whose id is not a UUID, or whose name or type passes [`MAX_FILE_NAME_CHARS`] /
///   [`MAX_MIME_CHARS`].
pub fn keep_defined(
    mut draft: Draft,
    procedure: &Procedure,
    definition: &Definition,
) -> Result<Draft, SubmitError> {
    if draft.procedure.trim() != procedure.code
        || draft.id.is_empty()
        || draft.id.chars().count() > MAX_DRAFT_ID_CHARS
    {
        return Err(SubmitError::BadRequest);
    }
    draft.procedure = procedure.code.clone();
    draft.procedure_name = Text {
        vi: procedure.name_vi.clone(),
        en: procedure.name_en.clone(),
    };
    draft.variant = draft
        .variant
        .filter(|v| procedure.variants.iter().any(|known| &known.code == v));

    let questions: BTreeSet<&str> = definition
        .rules
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    draft
        .answers
        .retain(|k, v| questions.contains(k.as_str()) && v.chars().count() <= MAX_ANSWER_CHARS);

    let sections = definition
        .form
        .sections_shown(draft.who_for.is_someone_else());
    let mut form = Data::new();
    for section in &sections {
        for field in section.fields.iter().filter(|f| f.is_asked(&draft.form)) {
            if field.too_long(&draft.form).is_some() {
                return Err(SubmitError::NotReady(vec![Unmet::Section(
                    section.id.clone(),
                )]));
            }
            // Kept clean and trimmed: never longer than the length measured.
            form.extend(field.stored(&draft.form));
        }
    }
    draft.form = form;
    draft
        .completed
        .retain(|id| id == DOCUMENTS || sections.iter().any(|s| &s.id == id));

    let papers: BTreeSet<&str> = definition
        .rules
        .documents
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    draft.ticks.retain(|id| papers.contains(id.as_str()));
    let files_ok = draft.attachments.len() <= MAX_STAGED_FILES as usize
        && draft.attachments.iter().all(|a| {
            is_uuid(&a.id)
                && a.document.chars().count() <= MAX_DRAFT_ID_CHARS
                && a.name.chars().count() <= MAX_FILE_NAME_CHARS
                && a.mime.chars().count() <= MAX_MIME_CHARS
        });
    if !files_ok {
        return Err(SubmitError::BadRequest);
    }
    // A file's name is shown to officers as typed text is: clean.
    for attachment in &mut draft.attachments {
        attachment.name = crate::input::clean(&attachment.name);
    }
    // A paper the checklist no longer asks for (the rules changed since): the resident removes
    // its photos, as the device's own check says.
    let mut unasked: Vec<Unmet> = Vec::new();
    for attachment in &draft.attachments {
        let unmet = Unmet::Attachments(attachment.document.clone());
        if !papers.contains(attachment.document.as_str()) && !unasked.contains(&unmet) {
            unasked.push(unmet);
        }
    }
    if !unasked.is_empty() {
        return Err(SubmitError::NotReady(unasked));
    }

    draft.state = SubmissionState::Draft;
    draft.office_status = None;
    draft.supplement = None;
    draft.submission_key = draft.submission_key.filter(|k| is_uuid(k));
    draft.revision = 0;
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::store::Catalogue;
    use crate::dossier::example::{self, photo};
    use crate::dossier::submission::readiness;
    use crate::eligibility::date::Date;

    fn birth() -> (&'static Procedure, Definition) {
        let procedure = Catalogue::embedded().procedure("1.001193").unwrap();
        (procedure, crate::definition::definition(procedure))
    }

    fn draft() -> Draft {
        example::birth_draft("d1".into(), Date::new(2026, 11, 1).unwrap())
    }

    fn kept(draft: Draft) -> Result<Draft, SubmitError> {
        let (procedure, definition) = birth();
        keep_defined(draft, procedure, &definition)
    }

    #[test]
    fn a_dossier_typed_in_any_unicode_disguise_is_kept_in_its_clean_form() {
        let sent = draft();
        let clean = kept(sent.clone()).unwrap();
        for (i, _) in crate::input::disguises("x").iter().enumerate() {
            let mut disguised = sent.clone();
            for value in disguised.form.values_mut() {
                *value = crate::input::disguises(value).swap_remove(i);
            }
            let kept = kept(disguised).unwrap();
            assert_eq!(kept.form, clean.form, "disguise {i}");
            let (_, definition) = birth();
            assert!(
                readiness(&kept, &definition, Date::new(2026, 11, 24).unwrap()).is_empty(),
                "disguise {i}"
            );
        }
    }

    #[test]
    fn a_finished_dossier_is_kept_as_it_was_sent() {
        let sent = draft();
        let kept = kept(sent.clone()).unwrap();
        let mut stored = sent.form.clone();
        // The phone number as it is stored, however it was typed.
        stored.insert("applicant_phone".into(), "0912345678".into());
        assert_eq!(kept.form, stored);
        assert_eq!(kept.answers, sent.answers);
        assert_eq!(kept.ticks, sent.ticks);
        let (_, definition) = birth();
        assert!(readiness(&kept, &definition, Date::new(2026, 11, 24).unwrap()).is_empty());
    }

    #[test]
    fn keys_no_form_or_check_defines_are_not_kept_however_large() {
        let mut sent = draft();
        let huge = "x".repeat(900 * 1024);
        sent.form.insert("notes_for_officer".into(), huge.clone());
        sent.answers.insert("extra".into(), huge.clone());
        sent.completed.insert("made_up_part".into());
        sent.ticks.insert("made_up_paper".into());
        sent.procedure_name = Text::new(&huge, &huge);
        sent.variant = Some(huge.clone());
        let kept = kept(sent).unwrap();
        let json = serde_json::to_string(&kept).unwrap();
        assert!(json.len() < 8 * 1024, "{} bytes kept", json.len());
        assert!(!kept.form.contains_key("notes_for_officer"));
        assert!(!kept.answers.contains_key("extra"));
        assert!(!kept.completed.contains("made_up_part"));
        assert!(!kept.ticks.contains("made_up_paper"));
        assert_eq!(kept.variant, None);
        assert!(kept.procedure_name.vi.contains("khai sinh"));
    }

    #[test]
    fn fields_not_asked_or_not_shown_are_not_kept() {
        let mut sent = draft();
        // The father's details are asked only when the father is known (he is not here).
        sent.form.insert("father_name".into(), "y".repeat(100_000));
        // The applicant's own dossier has no part about "someone else".
        let (_, definition) = birth();
        let other: Vec<String> = definition
            .form
            .sections
            .iter()
            .filter(|s| s.only_for_someone_else)
            .flat_map(|s| s.fields.iter().flat_map(|f| f.keys()))
            .collect();
        for key in &other {
            sent.form.insert(key.clone(), "z".repeat(1000));
        }
        let kept = kept(sent).unwrap();
        assert!(!kept.form.contains_key("father_name"));
        assert!(other.iter().all(|k| !kept.form.contains_key(k)));
    }

    #[test]
    fn an_asked_value_longer_than_its_field_allows_is_refused_with_its_part() {
        for (key, value) in [
            ("child_birthplace", "x".repeat(900 * 1024)),
            // Spaces inside are kept as typed: never a megabyte of them.
            ("applicant_phone", format!("0912{}345678", " ".repeat(30))),
            ("child_birth_day", "0000001".into()),
        ] {
            let mut sent = draft();
            sent.form.insert(key.into(), value);
            match kept(sent) {
                Err(SubmitError::NotReady(unmet)) => {
                    assert_eq!(unmet.len(), 1, "{key}");
                    assert!(matches!(&unmet[0], Unmet::Section(_)), "{key}");
                }
                other => panic!("{key}: {other:?}"),
            }
        }
        // Padded with a megabyte of spaces, a value is kept without them.
        let mut sent = draft();
        let padded = format!(
            "{}Trần Thị Hoa{}",
            " ".repeat(500_000),
            "\n".repeat(500_000)
        );
        sent.form.insert("mother_name".into(), padded);
        let kept_padded = kept(sent).unwrap();
        assert_eq!(kept_padded.form["mother_name"], "Trần Thị Hoa");
        // An optional field left blank with a megabyte of spaces is not kept.
        let (_, definition) = birth();
        let optional = definition
            .form
            .sections_shown(false)
            .into_iter()
            .flat_map(|s| s.fields.iter())
            .find(|f| !f.required && f.when.is_none())
            .expect("an optional field")
            .id
            .clone();
        let mut sent = draft();
        sent.form.insert(optional.clone(), " ".repeat(900 * 1024));
        assert!(!kept(sent).unwrap().form.contains_key(&optional));
    }

    #[test]
    fn files_must_be_of_the_checklist_with_names_of_a_file_system() {
        let id = crate::dossier::model::uuid_from([7; 16]);
        let good = photo(&id, "birth_certificate", 1000);
        let mut sent = draft();
        sent.attachments = vec![good.clone()];
        assert_eq!(kept(sent).unwrap().attachments, vec![good.clone()]);
        let mut sent = draft();
        sent.attachments = vec![photo(&id, "made_up_paper", 1000)];
        assert_eq!(
            kept(sent).err(),
            Some(SubmitError::NotReady(vec![Unmet::Attachments(
                "made_up_paper".into()
            )]))
        );
        for bad in [
            photo("a1", "birth_certificate", 1000),
            crate::dossier::model::Attachment {
                name: "n".repeat(MAX_FILE_NAME_CHARS + 1),
                ..good.clone()
            },
            crate::dossier::model::Attachment {
                mime: "m".repeat(MAX_MIME_CHARS + 1),
                ..good.clone()
            },
        ] {
            let mut sent = draft();
            sent.attachments = vec![bad];
            assert_eq!(kept(sent).err(), Some(SubmitError::BadRequest));
        }
        let mut sent = draft();
        sent.attachments = vec![good; MAX_STAGED_FILES as usize + 1];
        assert_eq!(kept(sent).err(), Some(SubmitError::BadRequest));
    }

    #[test]
    fn another_procedure_or_an_oversized_id_is_refused() {
        let mut sent = draft();
        sent.procedure = "1.000000".into();
        assert_eq!(kept(sent).err(), Some(SubmitError::BadRequest));
        let mut sent = draft();
        sent.id = "d".repeat(MAX_DRAFT_ID_CHARS + 1);
        assert_eq!(kept(sent).err(), Some(SubmitError::BadRequest));
    }

    #[test]
    fn nothing_of_the_devices_sending_state_is_kept() {
        let mut sent = draft();
        sent.state = SubmissionState::Failed {
            reason: "r".repeat(100_000),
            at: 1,
            error: None,
        };
        sent.revision = 9;
        sent.submission_key = Some("k".repeat(10_000));
        let kept = kept(sent).unwrap();
        assert_eq!(kept.state, SubmissionState::Draft);
        assert_eq!((kept.revision, kept.submission_key), (0, None));
    }
}
