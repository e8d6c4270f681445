//! Papers a resident adds to a dossier already sent, after the office asked for them ("more
//! documents needed"), plain Rust. They are drafted on the device like the dossier (photos kept
//! in IndexedDB), then sent by the outbox under their own idempotency key, so the office stores
//! them once however often the sending is retried; the dossier then goes back to the queue.

use super::model::{Attachment, Draft, SubmissionState};
use super::submission::{Status, StatusEvent, SubmitError};
use serde::{Deserialize, Serialize};

/// The part of a sent dossier's pages where the asked papers are added.
pub const SUPPLEMENT: &str = "supplement";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supplement {
    /// The sending's idempotency key, fixed when the supplement is started.
    pub key: String,
    /// The time of the office's request it answers.
    pub asked_at: i64,
    pub attachments: Vec<Attachment>,
    pub state: SupplementState,
}

/// Kept as one flat object tagged by `state`, and read back through [`SupplementRecord`] (see
/// [`super::model::SubmissionState`] for why).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "state",
    rename_all = "snake_case",
    try_from = "SupplementRecord"
)]
pub enum SupplementState {
    #[default]
    Drafting,
    /// Waiting on the device to be sent.
    Queued { since: i64 },
    /// Stored by the office: the dossier is back in its queue.
    Sent { at: i64 },
    /// Refused for a reason the resident must read (the office no longer waits, …).
    Failed { at: i64, error: SubmitError },
}

/// A [`SupplementState`] as stored: the tag and every variant's fields, flat.
#[derive(Deserialize)]
struct SupplementRecord {
    state: SupplementTag,
    #[serde(default)]
    since: Option<i64>,
    #[serde(default)]
    at: Option<i64>,
    #[serde(default)]
    error: Option<SubmitError>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum SupplementTag {
    Drafting,
    Queued,
    Sent,
    Failed,
}

impl TryFrom<SupplementRecord> for SupplementState {
    type Error = String;

    fn try_from(record: SupplementRecord) -> Result<Self, String> {
        use super::model::missing;
        let at = || record.at.ok_or_else(|| missing("at"));
        Ok(match record.state {
            SupplementTag::Drafting => SupplementState::Drafting,
            SupplementTag::Queued => SupplementState::Queued {
                since: record.since.ok_or_else(|| missing("since"))?,
            },
            SupplementTag::Sent => SupplementState::Sent { at: at()? },
            SupplementTag::Failed => SupplementState::Failed {
                at: at()?,
                error: record.error.ok_or_else(|| missing("error"))?,
            },
        })
    }
}

impl Supplement {
    pub fn new(key: String, asked_at: i64) -> Supplement {
        Supplement {
            key,
            asked_at,
            attachments: Vec::new(),
            state: SupplementState::Drafting,
        }
    }

    /// Photos may still be added or removed.
    pub fn is_editable(&self) -> bool {
        matches!(
            self.state,
            SupplementState::Drafting | SupplementState::Failed { .. }
        )
    }

    pub fn files_for<'a>(&'a self, document: &'a str) -> impl Iterator<Item = &'a Attachment> {
        self.attachments
            .iter()
            .filter(move |a| a.document == document)
    }
}

/// The office's request this sent dossier has to answer: its latest status is "more documents
/// needed" with the papers named.
pub fn asked(draft: &Draft) -> Option<&StatusEvent> {
    if !matches!(draft.state, SubmissionState::Sent { .. }) || draft.submission_key.is_none() {
        return None;
    }
    draft
        .office_status
        .as_ref()
        .filter(|e| e.status == Status::MoreDocumentsNeeded && !e.missing.is_empty())
}

/// The supplement answering the office's current request, if one was started.
pub fn current(draft: &Draft) -> Option<&Supplement> {
    let asked = asked(draft)?;
    draft.supplement.as_ref().filter(|s| s.asked_at == asked.at)
}

/// The papers asked for that have no file yet (checklist ids, in the office's order).
pub fn unmet(draft: &Draft) -> Vec<String> {
    let Some(asked) = asked(draft) else {
        return Vec::new();
    };
    asked
        .missing
        .iter()
        .filter(|paper| current(draft).is_none_or(|s| s.files_for(&paper.id).next().is_none()))
        .map(|paper| paper.id.clone())
        .collect()
}

/// Starts (or keeps) the supplement for the office's current request; false when nothing is
/// asked.
pub fn start(draft: &mut Draft, key: impl FnOnce() -> String) -> bool {
    let Some(asked_at) = asked(draft).map(|e| e.at) else {
        return false;
    };
    if draft
        .supplement
        .as_ref()
        .is_none_or(|s| s.asked_at != asked_at)
    {
        draft.supplement = Some(Supplement::new(key(), asked_at));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::example::{birth_draft, photo};
    use crate::dossier::submission::Paper;
    use crate::eligibility::date::Date;
    use crate::eligibility::model::Text;

    fn sent_and_asked(at: i64) -> Draft {
        let mut draft = birth_draft("d1".into(), Date::parse("2026-11-01").unwrap());
        draft.submission_key = Some("k".into());
        draft.state = SubmissionState::Sent {
            tracking_code: "X".into(),
            at: 1,
            receipt: None,
        };
        draft.office_status = Some(StatusEvent {
            status: Status::MoreDocumentsNeeded,
            at,
            reason: Some("Ảnh mờ".into()),
            missing: vec![
                Paper {
                    id: "birth_certificate".into(),
                    name: Text::new("Giấy chứng sinh", "Birth certificate"),
                },
                Paper {
                    id: "identity".into(),
                    name: Text::new("Căn cước", "ID card"),
                },
            ],
        });
        draft
    }

    #[test]
    fn only_a_sent_dossier_the_office_asked_papers_for_takes_a_supplement() {
        let mut draft = sent_and_asked(10);
        assert!(asked(&draft).is_some());
        assert_eq!(unmet(&draft), ["birth_certificate", "identity"]);
        draft.office_status.as_mut().unwrap().status = Status::Processing;
        assert!(asked(&draft).is_none());
        assert!(!start(&mut draft, || "s".into()));
        let mut unsent = birth_draft("d2".into(), Date::parse("2026-11-01").unwrap());
        assert!(!start(&mut unsent, || "s".into()));
    }

    #[test]
    fn a_supplement_answers_one_request_and_a_new_request_starts_a_new_one() {
        let mut draft = sent_and_asked(10);
        assert!(start(&mut draft, || "first".into()));
        assert!(start(&mut draft, || "second".into()));
        assert_eq!(draft.supplement.as_ref().unwrap().key, "first", "kept");
        let supplement = draft.supplement.as_mut().unwrap();
        supplement.attachments.push(photo("a1", "identity", 100));
        assert_eq!(unmet(&draft), ["birth_certificate"]);
        draft
            .supplement
            .as_mut()
            .unwrap()
            .attachments
            .push(photo("a2", "birth_certificate", 100));
        assert!(unmet(&draft).is_empty());
        // The office asks again later: the old sending does not answer it.
        draft.office_status.as_mut().unwrap().at = 20;
        assert!(current(&draft).is_none());
        assert_eq!(unmet(&draft).len(), 2);
        assert!(start(&mut draft, || "third".into()));
        assert_eq!(draft.supplement.as_ref().unwrap().key, "third");
        assert!(draft.supplement.as_ref().unwrap().attachments.is_empty());
    }

    #[test]
    fn photos_can_change_until_the_supplement_is_queued() {
        let mut supplement = Supplement::new("k".into(), 1);
        assert!(supplement.is_editable());
        supplement.state = SupplementState::Queued { since: 2 };
        assert!(!supplement.is_editable());
        supplement.state = SupplementState::Failed {
            at: 3,
            error: SubmitError::NotAsked,
        };
        assert!(supplement.is_editable());
        supplement.state = SupplementState::Sent { at: 4 };
        assert!(!supplement.is_editable());
    }
}
