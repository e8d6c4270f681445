//! One draft, one dossier, whatever tabs do: how a change made in one tab is written over the
//! record the device keeps.
//!
//! Several tabs (windows, a page left open, an old copy after a reload) may hold the same
//! dossier. Every stored record carries a revision ([`Draft::revision`]), one more at each write.
//! A tab writes its copy together with the stored record its copy started from (its *base*),
//! inside one read-write transaction that reads the record as it is stored now
//! ([`write`]):
//! - nothing was written since the base: the tab's copy is stored;
//! - another tab wrote meanwhile: this tab's own changes (what differs from its base) are
//!   applied to the stored record field by field: no typed word is lost, and an older copy
//!   never overwrites a newer one;
//! - the stored record was queued, sent or refused elsewhere: it stands, and the tab shows it
//!   (a tab showing an old state cannot send a second dossier);
//! - the record was deleted elsewhere: nothing is written back.
//!
//! The idempotency key is taken from the stored record whenever it has one, so every tab sends
//! a dossier under the same key and the server stores it once.

use super::model::{Attachment, Draft, SubmissionState};
use super::submission::{Receipt, StatusEvent, SubmitError};
use super::supplement::{Supplement, SupplementState};
use std::collections::BTreeSet;

/// What one write does to the stored record.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    /// Store this record (its revision one past the stored one).
    Store(Draft),
    /// Store nothing: the record as stored stands, and the tab shows it from now on.
    Keep(Draft),
    /// The dossier is no longer on the device (deleted in another tab): nothing is stored.
    Gone,
}

impl Write {
    /// The record the tab shows after the write, if the dossier is still on the device.
    pub fn record(&self) -> Option<&Draft> {
        match self {
            Write::Store(draft) | Write::Keep(draft) => Some(draft),
            Write::Gone => None,
        }
    }
}

/// Writes `mine`, a tab's copy that started from `base` (`None` for a dossier never stored), over
/// `stored`, the record as the device keeps it now.
pub fn write(base: Option<&Draft>, mine: &Draft, stored: Option<&Draft>) -> Write {
    match (base, stored) {
        // A new dossier.
        (None, None) => Write::Store(Draft {
            revision: 1,
            ..mine.clone()
        }),
        // Written by a tab that never read it (the same id twice): the stored one stands.
        (None, Some(stored)) => Write::Keep(stored.clone()),
        // Deleted meanwhile: not brought back.
        (Some(_), None) => Write::Gone,
        (Some(base), Some(stored)) => {
            // Nobody wrote since this copy was read: the copy as it is (revisions alone are not
            // trusted for this: an older version of the app writing the record drops them).
            let next = if base == stored {
                Draft {
                    submission_key: stored
                        .submission_key
                        .clone()
                        .or_else(|| mine.submission_key.clone()),
                    ..mine.clone()
                }
            } else {
                rebase(base, mine, stored)
            };
            if same_content(&next, stored) {
                Write::Keep(stored.clone())
            } else {
                Write::Store(Draft {
                    revision: stored.revision + 1,
                    ..next
                })
            }
        }
    }
}

/// Whether a tab that started from `base` may delete the dossier stored as `stored`: only when
/// nobody wrote it since (a dossier queued or sent in another tab is never deleted by a tab that
/// still shows it as a draft).
pub fn may_delete(base: &Draft, stored: Option<&Draft>) -> bool {
    stored.is_none_or(|stored| stored == base)
}

/// The stored record once the office's server gave its receipt for the dossier `sent` (the copy
/// the outbox sent): sent, whatever happened to it meanwhile on the device. A receipt is never
/// dropped: a record deleted while it was being sent comes back with it.
pub fn received(stored: Option<&Draft>, sent: &Draft, receipt: Receipt, now: i64) -> Draft {
    let mut record = stored.cloned().unwrap_or_else(|| sent.clone());
    record.submission_key = sent.submission_key.clone();
    record.state = SubmissionState::Sent {
        tracking_code: receipt.tracking_code.clone(),
        at: receipt.received_at,
        receipt: Some(Box::new(receipt)),
    };
    record.updated = now;
    bump(record, stored)
}

/// The stored record once the server refused the dossier for a reason the resident must fix:
/// back to editable with the reason, if it is still the queued dossier that was sent.
pub fn refused(stored: &Draft, error: SubmitError, now: i64) -> Option<Draft> {
    if !matches!(stored.state, SubmissionState::Queued { .. }) {
        return None;
    }
    let mut record = stored.clone();
    record.state = SubmissionState::Failed {
        reason: error.text().vi,
        at: now,
        error: Some(error),
    };
    record.updated = now;
    Some(bump(record, Some(stored)))
}

/// The stored record with the office's latest step, if it is sent and the step is news.
pub fn office_step(stored: &Draft, step: StatusEvent) -> Option<Draft> {
    if !matches!(stored.state, SubmissionState::Sent { .. })
        || stored.office_status.as_ref() == Some(&step)
    {
        return None;
    }
    let mut record = stored.clone();
    record.office_status = Some(step);
    Some(bump(record, Some(stored)))
}

/// The stored record once the added papers under `key` were stored by the office (`Ok`, the
/// dossier back in its queue with `step`) or refused (`Err`); `None` when the record no longer
/// waits on that sending.
pub fn supplement_outcome(
    stored: &Draft,
    key: &str,
    outcome: Result<StatusEvent, SubmitError>,
    now: i64,
) -> Option<Draft> {
    let mut record = stored.clone();
    let supplement = record
        .supplement
        .as_mut()
        .filter(|s| s.key == key && matches!(s.state, SupplementState::Queued { .. }))?;
    match outcome {
        Ok(step) => {
            supplement.state = SupplementState::Sent { at: now };
            record.office_status = Some(step);
        }
        Err(error) => supplement.state = SupplementState::Failed { at: now, error },
    }
    record.updated = now;
    Some(bump(record, Some(stored)))
}

fn bump(mut record: Draft, stored: Option<&Draft>) -> Draft {
    record.revision = stored.map_or(record.revision, |s| s.revision) + 1;
    record
}

/// Equal but for the revision.
fn same_content(a: &Draft, b: &Draft) -> bool {
    Draft {
        revision: b.revision,
        ..a.clone()
    } == *b
}

/// The copy a tab shows once it learns that the device now keeps `stored`: `stored` with the
/// changes `mine` made to `base` that still apply (the same rules as [`write`]; nothing is
/// written).
pub fn rebase_copy(base: &Draft, mine: &Draft, stored: &Draft) -> Draft {
    if base == mine {
        stored.clone()
    } else {
        rebase(base, mine, stored)
    }
}

/// `stored` with the changes `mine` made to `base` (another tab wrote since `base` was read).
fn rebase(base: &Draft, mine: &Draft, stored: &Draft) -> Draft {
    let mut next = stored.clone();
    // What is typed only changes a dossier that is still a draft everywhere.
    if base.is_editable() && stored.is_editable() {
        for key in base.form.keys().chain(mine.form.keys()) {
            let (was, now) = (base.form.get(key), mine.form.get(key));
            if was != now {
                match now {
                    Some(value) => next.form.insert(key.clone(), value.clone()),
                    None => next.form.remove(key),
                };
            }
        }
        apply_set(&base.completed, &mine.completed, &mut next.completed);
        apply_set(&base.ticks, &mine.ticks, &mut next.ticks);
        apply_attachments(&base.attachments, &mine.attachments, &mut next.attachments);
        if base.office != mine.office {
            next.office = mine.office;
        }
        if base.declared != mine.declared {
            next.declared = mine.declared;
        }
        if base.progress != mine.progress {
            next.progress = mine.progress;
        }
        if base.answers != mine.answers {
            next.answers = mine.answers.clone();
        }
        if base.variant != mine.variant {
            next.variant = mine.variant.clone();
        }
        if base.who_for != mine.who_for {
            next.who_for = mine.who_for;
        }
    }
    // A step (submit, reopen) taken from the state this tab saw, only if it is still the state.
    if base.state != mine.state && stored.state == base.state {
        next.state = mine.state.clone();
    }
    next.submission_key = stored
        .submission_key
        .clone()
        .or_else(|| mine.submission_key.clone());
    next.supplement = rebase_supplement(
        base.supplement.as_ref(),
        mine.supplement.as_ref(),
        stored.supplement.as_ref(),
    );
    if base.office_status != mine.office_status && stored.office_status == base.office_status {
        next.office_status = mine.office_status.clone();
    }
    // Changed by this tab's changes: changed when this tab changed it.
    if next != *stored {
        next.updated = stored.updated.max(mine.updated);
    }
    next
}

/// The papers being added: this tab's start of them, its photos and its sending, over what
/// another tab did, as long as both work on the same request.
fn rebase_supplement(
    base: Option<&Supplement>,
    mine: Option<&Supplement>,
    stored: Option<&Supplement>,
) -> Option<Supplement> {
    if base == mine {
        return stored.cloned();
    }
    match (base, mine, stored) {
        // Started here; not elsewhere, or elsewhere with its own key (the stored one stands).
        (None, Some(mine), None) => Some(mine.clone()),
        (Some(base), Some(mine), Some(stored))
            if base.key == stored.key && mine.key == base.key =>
        {
            let mut next = stored.clone();
            if stored.is_editable() {
                apply_attachments(&base.attachments, &mine.attachments, &mut next.attachments);
                if base.state != mine.state && stored.state == base.state {
                    next.state = mine.state.clone();
                }
            }
            Some(next)
        }
        _ => stored.cloned(),
    }
}

fn apply_set(base: &BTreeSet<String>, mine: &BTreeSet<String>, next: &mut BTreeSet<String>) {
    for added in mine.difference(base) {
        next.insert(added.clone());
    }
    for removed in base.difference(mine) {
        next.remove(removed);
    }
}

fn apply_attachments(base: &[Attachment], mine: &[Attachment], next: &mut Vec<Attachment>) {
    let has = |list: &[Attachment], id: &str| list.iter().any(|a| a.id == id);
    // Kept unless this tab removed it.
    next.retain(|a| !has(base, &a.id) || has(mine, &a.id));
    for added in mine.iter().filter(|a| !has(base, &a.id)) {
        if !has(next, &added.id) {
            next.push(added.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::submission::Status;
    use std::collections::BTreeMap;

    fn draft() -> Draft {
        let mut draft = Draft::new("d".into(), "1.001193", BTreeMap::new(), 1);
        draft.revision = 3;
        draft
    }

    fn typed(draft: &Draft, key: &str, value: &str, at: i64) -> Draft {
        let mut next = draft.clone();
        next.form.insert(key.into(), value.into());
        next.updated = at;
        next
    }

    fn queued(draft: &Draft, key: &str) -> Draft {
        let mut next = draft.clone();
        next.state = SubmissionState::Queued { since: 9 };
        next.submission_key = Some(key.into());
        next
    }

    fn stored(write: Write) -> Draft {
        match write {
            Write::Store(draft) => draft,
            other => panic!("expected a write, got {other:?}"),
        }
    }

    fn receipt(code: &str) -> Receipt {
        use crate::dossier::submission::QrPath;
        use crate::eligibility::model::Text;
        Receipt {
            tracking_code: code.into(),
            received_at: 5,
            due: None,
            procedure: "1.001193".into(),
            procedure_name: Text {
                vi: "x".into(),
                en: None,
            },
            office: 1,
            office_name: "x".into(),
            qr: QrPath {
                size: 1,
                path: "/x".into(),
            },
        }
    }

    #[test]
    fn a_new_dossier_is_stored_at_revision_one() {
        let written = stored(write(None, &draft(), None));
        assert_eq!(written.revision, 1);
    }

    #[test]
    fn a_copy_that_nobody_overtook_is_stored_with_the_next_revision() {
        let base = draft();
        let mine = typed(&base, "applicant_name", "Lan", 5);
        let written = stored(write(Some(&base), &mine, Some(&base)));
        assert_eq!(written.revision, 4);
        assert_eq!(written.form["applicant_name"], "Lan");
    }

    #[test]
    fn an_unchanged_copy_writes_nothing() {
        let base = draft();
        assert_eq!(
            write(Some(&base), &base, Some(&base)),
            Write::Keep(base.clone())
        );
    }

    #[test]
    fn two_tabs_typing_in_different_fields_keep_both() {
        let base = draft();
        // Tab B wrote its field first; tab A's older copy then arrives.
        let theirs = stored(write(
            Some(&base),
            &typed(&base, "applicant_phone", "0912345678", 6),
            Some(&base),
        ));
        let mine = typed(&base, "applicant_name", "Lan", 5);
        let written = stored(write(Some(&base), &mine, Some(&theirs)));
        assert_eq!(written.form["applicant_name"], "Lan");
        assert_eq!(written.form["applicant_phone"], "0912345678");
        assert_eq!(written.revision, theirs.revision + 1);
        assert_eq!(written.updated, 6);
    }

    #[test]
    fn a_stale_copy_never_undoes_what_another_tab_wrote() {
        let base = typed(&draft(), "applicant_name", "Lan", 2);
        let theirs = stored(write(
            Some(&base),
            &typed(&base, "applicant_name", "Lan Anh", 6),
            Some(&base),
        ));
        // The stale tab only changed the ticks; its old name must not come back.
        let mut mine = base.clone();
        mine.ticks.insert("cccd".into());
        let written = stored(write(Some(&base), &mine, Some(&theirs)));
        assert_eq!(written.form["applicant_name"], "Lan Anh");
        assert!(written.ticks.contains("cccd"));
        // Saving the stale copy again, unchanged, writes nothing.
        assert_eq!(
            write(Some(&written), &written, Some(&written)),
            Write::Keep(written.clone())
        );
    }

    #[test]
    fn a_dossier_queued_in_another_tab_cannot_be_queued_again_under_a_new_key() {
        let base = draft();
        let first = stored(write(Some(&base), &queued(&base, "key-1"), Some(&base)));
        // The second tab still showed the draft and pressed Submit with a key of its own.
        let second = write(Some(&base), &queued(&base, "key-2"), Some(&first));
        assert_eq!(second, Write::Keep(first.clone()));
        assert_eq!(first.submission_key.as_deref(), Some("key-1"));
    }

    #[test]
    fn a_key_once_stored_is_the_key_of_every_later_write() {
        let mut base = draft();
        base.submission_key = Some("key-1".into());
        let mut mine = queued(&base, "key-2");
        mine.submission_key = Some("key-2".into());
        let written = stored(write(Some(&base), &mine, Some(&base)));
        assert_eq!(written.submission_key.as_deref(), Some("key-1"));
    }

    #[test]
    fn a_sent_dossier_stands_against_a_stale_tab_typing_or_sending() {
        let base = draft();
        let queued_first = stored(write(Some(&base), &queued(&base, "key-1"), Some(&base)));
        let sent = received(Some(&queued_first), &queued_first, receipt("HN-1"), 7);
        for mine in [
            typed(&base, "applicant_name", "X", 8),
            queued(&base, "key-2"),
        ] {
            assert_eq!(
                write(Some(&base), &mine, Some(&sent)),
                Write::Keep(sent.clone())
            );
        }
        assert!(!may_delete(&base, Some(&sent)));
        assert!(may_delete(&sent, Some(&sent)));
    }

    #[test]
    fn a_record_changed_under_the_same_revision_is_never_overwritten() {
        // Queued by an older version of the app (which drops the revision), or brought back
        // with its receipt: another record under the revision this tab read.
        let base = draft();
        let elsewhere = queued(&base, "key-1");
        assert_eq!(elsewhere.revision, base.revision);
        for mine in [
            typed(&base, "applicant_name", "X", 8),
            queued(&base, "key-2"),
        ] {
            assert_eq!(
                write(Some(&base), &mine, Some(&elsewhere)),
                Write::Keep(elsewhere.clone())
            );
        }
        assert!(!may_delete(&base, Some(&elsewhere)));
    }

    #[test]
    fn a_dossier_deleted_in_another_tab_is_not_brought_back() {
        let base = draft();
        let mine = typed(&base, "applicant_name", "Lan", 5);
        assert_eq!(write(Some(&base), &mine, None), Write::Gone);
    }

    #[test]
    fn a_receipt_is_kept_even_when_the_record_went_meanwhile() {
        let sent = queued(&draft(), "key-1");
        let record = received(None, &sent, receipt("HN-1"), 7);
        // Past every revision a tab may have read.
        assert_eq!(record.revision, sent.revision + 1);
        assert!(
            matches!(record.state, SubmissionState::Sent { ref tracking_code, .. } if tracking_code == "HN-1")
        );
        let again = received(Some(&record), &sent, receipt("HN-1"), 8);
        assert_eq!(again.revision, record.revision + 1);
    }

    #[test]
    fn a_refusal_only_reopens_the_queued_dossier_that_was_sent() {
        let queued = queued(&draft(), "key-1");
        let Some(failed) = refused(&queued, SubmitError::BadRequest, 7) else {
            panic!("a queued dossier is reopened");
        };
        assert!(matches!(failed.state, SubmissionState::Failed { .. }));
        assert_eq!(failed.revision, queued.revision + 1);
        let sent = received(Some(&queued), &queued, receipt("HN-1"), 7);
        assert_eq!(refused(&sent, SubmitError::BadRequest, 8), None);
    }

    #[test]
    fn photos_added_in_two_tabs_are_both_kept_and_a_removal_holds() {
        let attachment = |id: &str| Attachment {
            id: id.into(),
            document: "cccd".into(),
            name: format!("{id}.jpg"),
            mime: "image/jpeg".into(),
            size: 1,
            width: None,
            height: None,
            added: 1,
        };
        let mut base = draft();
        base.attachments.push(attachment("old"));
        let mut theirs = base.clone();
        theirs.attachments.push(attachment("b"));
        let theirs = stored(write(Some(&base), &theirs, Some(&base)));
        let mut mine = base.clone();
        mine.attachments.retain(|a| a.id != "old");
        mine.attachments.push(attachment("a"));
        let written = stored(write(Some(&base), &mine, Some(&theirs)));
        let ids: Vec<&str> = written.attachments.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
    }

    #[test]
    fn the_office_step_is_news_only_once() {
        let sent = received(None, &queued(&draft(), "k"), receipt("HN-1"), 7);
        let step = StatusEvent {
            status: Status::Received,
            at: 9,
            reason: None,
            missing: Vec::new(),
        };
        let Some(stepped) = office_step(&sent, step.clone()) else {
            panic!("the first step is news");
        };
        assert_eq!(office_step(&stepped, step.clone()), None);
        // A draft has no office step.
        assert_eq!(office_step(&draft(), step), None);
    }
}
