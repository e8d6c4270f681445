//! Hand-off codes (plain Rust): a resident stuck on a draft gives a help-desk officer a short code
//! over the phone or at the counter, and the officer opens the same draft — or the other way
//! round. Six symbols from the tracking codes' alphabet (no 0/O, 1/I), 30 random bits, valid for
//! 30 minutes and once. Guessing is made hopeless by the server's limit on wrong tries, not by
//! the length: a code is read aloud by elderly residents, so it stays short.

use super::tracking::{ALPHABET, clean, value};

/// Symbols in a code.
pub const SYMBOLS: usize = 6;
/// How long a code can be used, in milliseconds.
pub const VALID_FOR_MILLIS: i64 = 30 * 60 * 1000;
/// Wrong codes one address may try in [`TRY_WINDOW_MILLIS`] before it must wait.
pub const MAX_WRONG_TRIES: u32 = 10;
pub const TRY_WINDOW_MILLIS: i64 = 15 * 60 * 1000;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HandoffCode(String);

/// Why typed text is not a hand-off code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandoffProblem {
    Empty,
    Length,
    Symbol(char),
}

impl HandoffCode {
    /// A code from 30 random bits (the low 30 of `random`).
    pub fn from_random(random: u32) -> HandoffCode {
        HandoffCode(
            (0..SYMBOLS)
                .map(|i| ALPHABET[((random >> (5 * i)) & 31) as usize] as char)
                .collect(),
        )
    }

    /// Reads a typed code: case, spaces and dashes do not matter.
    pub fn parse(typed: &str) -> Result<HandoffCode, HandoffProblem> {
        let cleaned = clean(typed);
        if cleaned.is_empty() {
            return Err(HandoffProblem::Empty);
        }
        if let Some(bad) = cleaned.chars().find(|c| value(*c).is_none()) {
            return Err(HandoffProblem::Symbol(bad));
        }
        if cleaned.chars().count() != SYMBOLS {
            return Err(HandoffProblem::Length);
        }
        Ok(HandoffCode(cleaned))
    }

    /// The six symbols, as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For reading out: `K7Q M3X`.
    pub fn spaced(&self) -> String {
        format!("{} {}", &self.0[..3], &self.0[3..])
    }
}

/// Which way a draft goes: from a resident to the desk (read there by a signed-in officer), or
/// from the desk to a resident (continued on their phone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    ToDesk,
    ToResident,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::ToDesk => "to_desk",
            Direction::ToResident => "to_resident",
        }
    }
}

/// A code just made.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Issued {
    pub code: String,
    pub direction: Direction,
    pub expires_at: i64,
}

/// The answer to a typed code: what it opens, no match (wrong, used or expired — never which),
/// or the wait after too many wrong codes from this address.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Redeemed<T> {
    Found(T),
    NoMatch,
    Wait { retry_at: i64 },
}

/// A draft handed over: as it was, and the part the giver was on.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HandedDraft {
    pub draft: super::model::Draft,
    /// The part of the dossier (a section id, `documents` or `review`) the giver was on.
    pub step: String,
    /// The photos were shared too (desk only).
    pub with_files: bool,
}

/// The copy of a draft that is handed over (kept by the server under a code, opened by an
/// officer or a resident): without its idempotency key, which stays the device's secret (it
/// answers for the dossier's status and its added papers, and whoever sent under it first would
/// decide what is stored), and without the device's revision.
pub fn shared(mut draft: super::model::Draft) -> super::model::Draft {
    draft.submission_key = None;
    draft.revision = 0;
    draft
}

/// The draft a resident continues from a code: a new draft of theirs, with its own id, nothing
/// of the giver's sending state, and no photos (they stay with whoever took them).
pub fn continued(mut draft: super::model::Draft, id: String, now: i64) -> super::model::Draft {
    draft.id = id;
    draft.state = super::model::SubmissionState::Draft;
    draft.submission_key = None;
    draft.office_status = None;
    draft.supplement = None;
    draft.attachments.clear();
    draft.created = now;
    draft.updated = now;
    draft.revision = 0;
    draft
}

/// Whether a code made at `created` (milliseconds) can still be used at `now`.
pub fn is_valid(created: i64, now: i64) -> bool {
    now >= created && now - created < VALID_FOR_MILLIS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_readable_symbols() {
        for random in [0, 1, 0x3fff_ffff, 0x1234_5678, u32::MAX] {
            let code = HandoffCode::from_random(random);
            assert_eq!(code.as_str().len(), SYMBOLS);
            assert!(code.as_str().bytes().all(|b| ALPHABET.contains(&b)));
            assert_eq!(HandoffCode::parse(code.as_str()), Ok(code.clone()));
            assert_eq!(HandoffCode::parse(&code.spaced().to_lowercase()), Ok(code));
        }
        assert_ne!(HandoffCode::from_random(1), HandoffCode::from_random(2));
    }

    #[test]
    fn a_code_typed_or_pasted_in_any_unicode_disguise_is_read() {
        for disguised in crate::input::disguises("K7Q M3X") {
            assert_eq!(
                HandoffCode::parse(&disguised).map(|c| c.spaced()),
                Ok("K7Q M3X".to_string()),
                "{disguised:?}"
            );
        }
    }

    #[test]
    fn typed_codes_are_read_or_refused_with_the_reason() {
        assert_eq!(
            HandoffCode::parse(" k7q-m3x ").map(|c| c.spaced()),
            Ok("K7Q M3X".into())
        );
        assert_eq!(HandoffCode::parse(""), Err(HandoffProblem::Empty));
        assert_eq!(HandoffCode::parse("K7QM3"), Err(HandoffProblem::Length));
        assert_eq!(HandoffCode::parse("K7QM3XA"), Err(HandoffProblem::Length));
        assert_eq!(
            HandoffCode::parse("K7QM0X"),
            Err(HandoffProblem::Symbol('0'))
        );
        assert_eq!(
            HandoffCode::parse("K7QMIX"),
            Err(HandoffProblem::Symbol('I'))
        );
    }

    #[test]
    fn a_continued_draft_is_the_residents_own_without_the_givers_photos_or_sending() {
        let mut draft = crate::dossier::example::birth_draft(
            "desk-1".into(),
            crate::eligibility::date::Date::parse("2026-11-14").unwrap(),
        );
        draft
            .attachments
            .push(crate::dossier::example::photo("a", "birth_certificate", 9));
        draft.submission_key = Some("k".into());
        draft.state = crate::dossier::model::SubmissionState::Queued { since: 1 };
        let mine = continued(draft.clone(), "phone-1".into(), 50);
        assert_eq!(mine.id, "phone-1");
        assert!(mine.attachments.is_empty() && mine.submission_key.is_none());
        assert!(mine.is_editable());
        assert_eq!((mine.created, mine.updated), (50, 50));
        assert_eq!(mine.form, draft.form);
        assert_eq!(mine.answers, draft.answers);
        assert_eq!(mine.ticks, draft.ticks);
    }

    #[test]
    fn a_handed_copy_never_carries_the_devices_sending_key() {
        let mut draft = crate::dossier::example::birth_draft(
            "phone-1".into(),
            crate::eligibility::date::Date::parse("2026-11-14").unwrap(),
        );
        draft.submission_key = Some("the device's key".into());
        draft.revision = 7;
        let handed = shared(draft.clone());
        assert_eq!(handed.submission_key, None);
        assert_eq!(handed.revision, 0);
        assert_eq!(handed.form, draft.form);
        assert_eq!(handed.answers, draft.answers);
        assert!(
            !serde_json::to_string(&handed)
                .unwrap()
                .contains("the device's key")
        );
    }

    #[test]
    fn codes_last_thirty_minutes() {
        let made = 1_000_000;
        assert!(is_valid(made, made));
        assert!(is_valid(made, made + VALID_FOR_MILLIS - 1));
        assert!(!is_valid(made, made + VALID_FOR_MILLIS));
        // A clock that went backwards does not make a code valid.
        assert!(!is_valid(made, made - 1));
    }
}
