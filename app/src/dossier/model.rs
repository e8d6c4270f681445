//! A dossier as it is kept on the resident's device, and the people whose details they chose to
//! keep. Records carry a format number; older formats are upgraded when read, so an app update
//! never loses a draft.

use super::form::{Data, PERSON_KEYS, Section};
use crate::eligibility::model::Text;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The format drafts are written in. Format 1 (the first schema) had no attachments, no
/// submission state, no completed sections and kept the "who" only among the answers.
pub const DRAFT_FORMAT: u32 = 2;

/// Who the dossier is for, from the eligibility check's first question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum WhoFor {
    #[default]
    Myself,
    Child,
    Relative,
    Authorised,
}

impl WhoFor {
    pub fn from_answer(answer: Option<&str>) -> WhoFor {
        match answer {
            Some("child") => WhoFor::Child,
            Some("relative") => WhoFor::Relative,
            Some("authorised") => WhoFor::Authorised,
            _ => WhoFor::Myself,
        }
    }

    /// The dossier is about another person than the applicant.
    pub fn is_someone_else(self) -> bool {
        self != WhoFor::Myself
    }
}

/// Where a dossier stands. Only `Draft` can be edited.
///
/// Kept as one flat object tagged by `state` (`{"state": "queued", "since": 1764…}`), and read
/// back through [`StateRecord`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "state", rename_all = "snake_case", try_from = "StateRecord")]
pub enum SubmissionState {
    #[default]
    Draft,
    /// Waiting on the device to be sent (no network yet, or being sent).
    Queued { since: i64 },
    /// Stored by the office's server: the receipt it gave back.
    Sent {
        tracking_code: String,
        at: i64,
        #[serde(default)]
        receipt: Option<Box<super::submission::Receipt>>,
    },
    /// Refused by the server for a reason the resident must fix; editable again from here.
    Failed {
        reason: String,
        at: i64,
        #[serde(default)]
        error: Option<super::submission::SubmitError>,
    },
}

/// A [`SubmissionState`] as stored: the tag and every variant's fields, flat. Read this way,
/// not as serde's internally tagged enum, which buffers the whole object first and so compiles
/// the reader of every field (the receipt, the error) a second time into each bundle; the
/// format is the same.
#[derive(Deserialize)]
struct StateRecord {
    state: StateTag,
    #[serde(default)]
    since: Option<i64>,
    #[serde(default)]
    tracking_code: Option<String>,
    #[serde(default)]
    at: Option<i64>,
    #[serde(default)]
    receipt: Option<Box<super::submission::Receipt>>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    error: Option<super::submission::SubmitError>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum StateTag {
    Draft,
    Queued,
    Sent,
    Failed,
}

/// The message of a record that lacks a field its state requires.
pub(crate) fn missing(field: &'static str) -> String {
    format!("missing field `{field}`")
}

impl TryFrom<StateRecord> for SubmissionState {
    type Error = String;

    fn try_from(record: StateRecord) -> Result<Self, String> {
        let at = || record.at.ok_or_else(|| missing("at"));
        Ok(match record.state {
            StateTag::Draft => SubmissionState::Draft,
            StateTag::Queued => SubmissionState::Queued {
                since: record.since.ok_or_else(|| missing("since"))?,
            },
            StateTag::Sent => SubmissionState::Sent {
                at: at()?,
                tracking_code: record
                    .tracking_code
                    .ok_or_else(|| missing("tracking_code"))?,
                receipt: record.receipt,
            },
            StateTag::Failed => SubmissionState::Failed {
                at: at()?,
                reason: record.reason.ok_or_else(|| missing("reason"))?,
                error: record.error,
            },
        })
    }
}

/// A photo or file attached to one document of the checklist. The bytes are kept apart, under
/// the same id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: String,
    /// The checklist document it stands for.
    pub document: String,
    pub name: String,
    pub mime: String,
    pub size: u64,
    #[serde(default)]
    pub width: Option<u32>,
    #[serde(default)]
    pub height: Option<u32>,
    pub added: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub format: u32,
    pub id: String,
    pub procedure: String,
    /// The procedure's name when the dossier was started, to list it without the catalogue.
    #[serde(default = "no_name")]
    pub procedure_name: Text,
    /// The case of the procedure the check settled on, when it has several.
    #[serde(default)]
    pub variant: Option<String>,
    /// The eligibility answers the dossier was started from.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    #[serde(default)]
    pub who_for: WhoFor,
    #[serde(default)]
    pub form: Data,
    /// Sections saved with nothing wrong.
    #[serde(default)]
    pub completed: BTreeSet<String>,
    /// Checklist documents the resident has ready.
    #[serde(default)]
    pub ticks: BTreeSet<String>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    pub created: i64,
    pub updated: i64,
    #[serde(default)]
    pub state: SubmissionState,
    /// The idempotency key, fixed for this dossier the first time Submit is pressed: however
    /// often it is sent, the server stores it once.
    #[serde(default)]
    pub submission_key: Option<String>,
    /// The commune or ward office chosen on the review page (statistics code).
    #[serde(default)]
    pub office: Option<u32>,
    /// The declaration on the review page is ticked.
    #[serde(default)]
    pub declared: bool,
    /// Once sent: the office's latest step, as last heard from the server.
    #[serde(default)]
    pub office_status: Option<super::submission::StatusEvent>,
    /// Papers added after the office asked for more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplement: Option<super::supplement::Supplement>,
    /// How far along, as the dossier's pages last counted it ([`Draft::progress`]): parts
    /// completed, parts in all. Kept with the draft so that the list of dossiers needs no form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<(usize, usize)>,
    /// How many times the record was written on this device (0: never stored). A tab writes
    /// its copy against the revision it read, so an older copy never overwrites a newer one
    /// ([`super::revision`]).
    #[serde(default)]
    pub revision: u64,
}

/// The part of a dossier after its form's sections: the checklist's papers and their photos.
pub const DOCUMENTS: &str = "documents";

/// A stored record that cannot be read as a draft.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("the record is not a draft: {0}")]
    Shape(String),
    #[error("the record's format {0} is newer than this app knows")]
    Newer(u32),
}

impl Draft {
    pub fn new(id: String, procedure: &str, answers: BTreeMap<String, String>, now: i64) -> Draft {
        Draft::named(id, procedure, no_name(), answers, Data::new(), now)
    }

    /// A new draft for `procedure` with the check's `answers`; `form`: the fields the answers
    /// already give ([`crate::definition::Definition::carried_from_check`]).
    pub fn named(
        id: String,
        procedure: &str,
        procedure_name: Text,
        answers: BTreeMap<String, String>,
        form: Data,
        now: i64,
    ) -> Draft {
        let who_for = WhoFor::from_answer(answers.get("who").map(String::as_str));
        let variant = answers.get("case").cloned();
        Draft {
            format: DRAFT_FORMAT,
            id,
            procedure: procedure.to_string(),
            procedure_name,
            variant,
            form,
            answers,
            who_for,
            completed: BTreeSet::new(),
            ticks: BTreeSet::new(),
            attachments: Vec::new(),
            created: now,
            updated: now,
            state: SubmissionState::Draft,
            submission_key: None,
            office: None,
            declared: false,
            office_status: None,
            supplement: None,
            progress: None,
            revision: 0,
        }
    }

    /// Reads a stored record of any known format, as JSON text. (Read straight from the text:
    /// one way of reading a draft keeps the browser's code small.)
    pub fn from_record(record: &str) -> Result<Draft, RecordError> {
        #[derive(Deserialize)]
        struct Format {
            format: Option<u32>,
        }
        let shape = |e: serde_json::Error| RecordError::Shape(e.to_string());
        let format = serde_json::from_str::<Format>(record)
            .map_err(shape)?
            .format
            .unwrap_or(1);
        if format > DRAFT_FORMAT {
            return Err(RecordError::Newer(format));
        }
        if format == 1 {
            let upgraded = upgrade_from_1(serde_json::from_str(record).map_err(shape)?)?;
            return serde_json::from_str(&upgraded.to_string()).map_err(shape);
        }
        serde_json::from_str(record).map_err(shape)
    }

    pub fn is_editable(&self) -> bool {
        self.state == SubmissionState::Draft
    }

    /// Fills empty fields of a person section from a saved person.
    pub fn fill_from(&mut self, section: &Section, person: &Person) {
        let Some(prefix) = section.person.as_deref() else {
            return;
        };
        for key in PERSON_KEYS {
            let field = format!("{prefix}_{key}");
            let known = section.fields.iter().any(|f| f.keys().contains(&field));
            if !known {
                continue;
            }
            if let Some(value) = person.details.get(key).filter(|v| !v.is_empty())
                && self.form.get(&field).is_none_or(|v| v.trim().is_empty())
            {
                self.form.insert(field, value.clone());
            }
        }
    }

    /// Parts completed and parts in all: the form's sections shown for this dossier (of its
    /// procedure's `form`), then the documents.
    pub fn progress(
        &self,
        form: &crate::definition::Form,
        today: crate::eligibility::date::Date,
    ) -> (usize, usize) {
        use super::form::Status;
        let sections = form.sections_shown(self.who_for.is_someone_else());
        let done = sections
            .iter()
            .filter(|s| s.status(&self.form, &self.completed, today) == Status::Completed)
            .count()
            + usize::from(self.documents_status() == Status::Completed);
        (done, sections.len() + 1)
    }

    /// Where the documents part stands: completed once saved, in progress once a paper is
    /// ticked or a file attached.
    pub fn documents_status(&self) -> super::form::Status {
        use super::form::Status;
        if self.completed.contains(DOCUMENTS) {
            Status::Completed
        } else if self.ticks.is_empty() && self.attachments.is_empty() {
            Status::NotStarted
        } else {
            Status::InProgress
        }
    }

    /// The attachments for one checklist document.
    pub fn attachments_for<'a>(
        &'a self,
        document: &'a str,
    ) -> impl Iterator<Item = &'a Attachment> {
        self.attachments
            .iter()
            .filter(move |a| a.document == document)
    }
}

fn no_name() -> Text {
    Text {
        vi: String::new(),
        en: None,
    }
}

/// Format 1: `{id, procedure, answers, form, ticks: [..], created, updated, sent_code?}`.
fn upgrade_from_1(record: Value) -> Result<Value, RecordError> {
    let Value::Object(mut map) = record else {
        return Err(RecordError::Shape("not an object".into()));
    };
    let who = map
        .get("answers")
        .and_then(|a| a.get("who"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let who_for = WhoFor::from_answer(who.as_deref());
    map.insert(
        "who_for".into(),
        serde_json::to_value(who_for).unwrap_or(Value::Null),
    );
    let updated = map.get("updated").and_then(Value::as_i64).unwrap_or(0);
    let state = match map.remove("sent_code") {
        Some(Value::String(code)) => SubmissionState::Sent {
            tracking_code: code,
            at: updated,
            receipt: None,
        },
        _ => SubmissionState::Draft,
    };
    map.insert(
        "state".into(),
        serde_json::to_value(state).unwrap_or(Value::Null),
    );
    map.insert("format".into(), Value::from(DRAFT_FORMAT));
    Ok(Value::Object(map))
}

/// A person whose details the resident chose to keep on this device (themselves, or someone
/// they file for), to fill in later dossiers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    /// The resident themselves.
    #[serde(default)]
    pub me: bool,
    /// Details by [`PERSON_KEYS`] key.
    pub details: BTreeMap<String, String>,
    /// When the resident agreed to keep these details on the device.
    pub consent_at: i64,
    pub updated: i64,
}

impl Person {
    pub fn name(&self) -> &str {
        self.details.get("name").map(String::as_str).unwrap_or("")
    }

    /// The saved person that `details` (typed in `section`) stand for: the resident themselves
    /// for the applicant's part; otherwise the one with the same ID number, or, without ID
    /// numbers to compare, the same name.
    pub fn matching<'a>(
        people: &'a [Person],
        section: &Section,
        details: &BTreeMap<String, String>,
    ) -> Option<&'a Person> {
        let me = section.id == "applicant";
        people.iter().find(|p| {
            (me && p.me)
                || match (p.details.get("id"), details.get("id")) {
                    (Some(a), Some(b)) => a == b,
                    _ => details.get("name").is_some_and(|n| n == p.name()),
                }
        })
    }

    /// What to keep for the person typed in `section` of `form`, with consent given `now`: the
    /// matching saved person brought up to date, or a new one with `new_id`. Nothing without a
    /// name.
    pub fn kept(
        people: &[Person],
        section: &Section,
        form: &Data,
        now: i64,
        new_id: impl FnOnce() -> String,
    ) -> Option<Person> {
        let details = Person::details_from(section, form);
        details.get("name")?;
        let me = section.id == "applicant";
        Some(match Person::matching(people, section, &details) {
            Some(saved) => {
                let mut person = saved.clone();
                person.details.extend(details);
                person.me |= me;
                person.updated = now;
                person
            }
            None => Person {
                id: new_id(),
                me,
                details,
                consent_at: now,
                updated: now,
            },
        })
    }

    /// A person's details taken from a section of a dossier (only what was filled in).
    pub fn details_from(section: &Section, form: &Data) -> BTreeMap<String, String> {
        let Some(prefix) = section.person.as_deref() else {
            return BTreeMap::new();
        };
        PERSON_KEYS
            .iter()
            .filter_map(|key| {
                let value = form.get(&format!("{prefix}_{key}"))?.trim();
                (!value.is_empty()).then(|| (key.to_string(), value.to_string()))
            })
            .collect()
    }
}

/// A random (version 4) UUID from 16 random bytes, as `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`.
pub fn uuid_from(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// True for the ids `uuid_from` makes (an address with anything else is not a dossier).
pub fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit() && !c.is_ascii_uppercase(),
        })
}

/// `14:32` in Hà Nội (UTC+7) for a Unix time in milliseconds.
pub fn hanoi_time(unix_millis: i64) -> String {
    let minutes = (unix_millis.div_euclid(60_000) + 7 * 60).rem_euclid(24 * 60);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `24/11/2026 14:32` in Hà Nội.
pub fn hanoi_date_time(unix_millis: i64) -> String {
    let date = crate::eligibility::date::Date::in_hanoi(unix_millis);
    format!("{} {}", date.display(), hanoi_time(unix_millis))
}

/// A size for people: `850 KB`, `1,4 MB` (Vietnamese decimal comma when `english` is false).
pub fn readable_size(bytes: u64, english: bool) -> String {
    const MB: u64 = 1024 * 1024;
    // One decimal, rounded, in whole-number arithmetic (formatting floats would add kilobytes of
    // code to the wasm for this one line).
    let tenths = |unit: u64| (bytes.saturating_mul(10) + unit / 2) / unit;
    let (tenths, unit) = if bytes < MB {
        return format!("{} KB", bytes.div_ceil(1024));
    } else if bytes < 1024 * MB {
        (tenths(MB), "MB")
    } else {
        (tenths(1024 * MB), "GB")
    };
    let point = if english { '.' } else { ',' };
    format!("{}{point}{} {unit}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Each state as the device stores it (the format every earlier version wrote), read back.
    #[test]
    fn submission_states_keep_their_stored_format() {
        use crate::dossier::submission::{QrPath, Receipt, SubmitError, Unmet};
        let receipt = Receipt {
            tracking_code: "H26ABCDEFGHJK".into(),
            received_at: 5,
            due: None,
            procedure: "1.001193".into(),
            procedure_name: Text {
                vi: "Đăng ký khai sinh".into(),
                en: None,
            },
            office: 1,
            office_name: "Phường Ba Đình".into(),
            qr: QrPath {
                size: 29,
                path: "/x".into(),
            },
        };
        let cases = [
            (SubmissionState::Draft, json!({"state": "draft"})),
            (
                SubmissionState::Queued { since: 7 },
                json!({"state": "queued", "since": 7}),
            ),
            (
                SubmissionState::Sent {
                    tracking_code: "H26ABCDEFGHJK".into(),
                    at: 8,
                    receipt: Some(Box::new(receipt.clone())),
                },
                json!({"state": "sent", "tracking_code": "H26ABCDEFGHJK", "at": 8,
                       "receipt": serde_json::to_value(&receipt).unwrap()}),
            ),
            (
                SubmissionState::Failed {
                    reason: "not ready".into(),
                    at: 9,
                    error: Some(SubmitError::NotReady(vec![
                        Unmet::Check,
                        Unmet::Section("applicant".into()),
                    ])),
                },
                json!({"state": "failed", "reason": "not ready", "at": 9,
                       "error": {"NotReady": [{"unmet": "check"},
                                              {"unmet": "section", "id": "applicant"}]}}),
            ),
        ];
        for (state, stored) in cases {
            assert_eq!(serde_json::to_value(&state).unwrap(), stored);
            let read: SubmissionState = serde_json::from_value(stored.clone()).unwrap();
            assert_eq!(read, state, "{stored}");
            let text = serde_json::to_string(&stored).unwrap();
            assert_eq!(
                serde_json::from_str::<SubmissionState>(&text).unwrap(),
                state
            );
        }
    }

    /// Optional fields may be absent or null, fields this version does not know are ignored
    /// (a newer version's), and a record without a field its state needs is refused.
    #[test]
    fn submission_states_read_tolerantly_but_not_blindly() {
        let sent: SubmissionState = serde_json::from_value(
            json!({"at": 8, "receipt": null, "state": "sent", "tracking_code": "X", "extra": [1]}),
        )
        .unwrap();
        assert_eq!(
            sent,
            SubmissionState::Sent {
                tracking_code: "X".into(),
                at: 8,
                receipt: None
            }
        );
        for bad in [
            json!({"state": "queued"}),
            json!({"state": "sent", "at": 8}),
            json!({"state": "failed", "at": 8}),
            json!({"state": "lost"}),
            json!({"since": 7}),
            json!({"state": "queued", "since": "soon"}),
        ] {
            assert!(
                serde_json::from_value::<SubmissionState>(bad.clone()).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn supplement_states_keep_their_stored_format() {
        use crate::dossier::submission::SubmitError;
        use crate::dossier::supplement::SupplementState;
        let cases = [
            (SupplementState::Drafting, json!({"state": "drafting"})),
            (
                SupplementState::Queued { since: 3 },
                json!({"state": "queued", "since": 3}),
            ),
            (
                SupplementState::Sent { at: 4 },
                json!({"state": "sent", "at": 4}),
            ),
            (
                SupplementState::Failed {
                    at: 5,
                    error: SubmitError::NotAsked,
                },
                json!({"state": "failed", "at": 5, "error": "NotAsked"}),
            ),
        ];
        for (state, stored) in cases {
            assert_eq!(serde_json::to_value(&state).unwrap(), stored);
            assert_eq!(
                serde_json::from_value::<SupplementState>(stored.clone()).unwrap(),
                state
            );
        }
        for bad in [
            json!({"state": "failed", "at": 5}),
            json!({"state": "sent"}),
        ] {
            assert!(
                serde_json::from_value::<SupplementState>(bad.clone()).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn unmet_reasons_keep_their_format() {
        use crate::dossier::submission::Unmet;
        let cases = [
            (Unmet::Check, json!({"unmet": "check"})),
            (Unmet::Office, json!({"unmet": "office"})),
            (Unmet::Declaration, json!({"unmet": "declaration"})),
            (
                Unmet::Section("a".into()),
                json!({"unmet": "section", "id": "a"}),
            ),
            (
                Unmet::Document("b".into()),
                json!({"unmet": "document", "id": "b"}),
            ),
            (
                Unmet::Attachments("c".into()),
                json!({"unmet": "attachments", "id": "c"}),
            ),
        ];
        for (unmet, sent) in cases {
            assert_eq!(serde_json::to_value(&unmet).unwrap(), sent);
            assert_eq!(
                serde_json::from_value::<Unmet>(sent.clone()).unwrap(),
                unmet
            );
        }
        assert!(serde_json::from_value::<Unmet>(json!({"unmet": "section"})).is_err());
    }

    #[test]
    fn a_new_draft_knows_who_it_is_for_from_the_answers() {
        let answers: BTreeMap<String, String> =
            [("who".to_string(), "relative".to_string())].into();
        let draft = Draft::new("id".into(), "1.014027", answers, 1000);
        assert_eq!(draft.who_for, WhoFor::Relative);
        assert!(draft.who_for.is_someone_else());
        assert_eq!(draft.state, SubmissionState::Draft);
        assert!(draft.is_editable());
        assert_eq!((draft.created, draft.updated), (1000, 1000));
    }

    #[test]
    fn a_draft_round_trips_through_its_record() {
        let mut draft = Draft::new("a".into(), "1.001193", BTreeMap::new(), 5);
        draft.form.insert("child_name".into(), "Lan".into());
        draft.attachments.push(Attachment {
            id: "f".into(),
            document: "birth_certificate".into(),
            name: "giay.jpg".into(),
            mime: "image/jpeg".into(),
            size: 1200,
            width: Some(2000),
            height: Some(1500),
            added: 6,
        });
        draft.state = SubmissionState::Failed {
            reason: "x".into(),
            at: 7,
            error: Some(crate::dossier::submission::SubmitError::NotReady(vec![
                crate::dossier::submission::Unmet::Declaration,
            ])),
        };
        let record = serde_json::to_value(&draft).unwrap();
        assert_eq!(record["state"]["state"], "failed");
        assert_eq!(Draft::from_record(&record.to_string()), Ok(draft));
    }

    #[test]
    fn a_format_1_record_is_upgraded_without_losing_a_word() {
        let v1 = json!({
            "id": "7d0f1f0e-5b1c-4c84-9f55-0c7a2b8e5d11",
            "procedure": "1.001193",
            "answers": {"who": "child", "on_time": "yes"},
            "form": {"child_name": "Nguyễn Thị Lan", "applicant_phone": "0912345678"},
            "ticks": ["birth_certificate"],
            "created": 100,
            "updated": 200
        });
        let draft = Draft::from_record(&v1.to_string()).unwrap();
        assert_eq!(draft.format, DRAFT_FORMAT);
        assert_eq!(draft.who_for, WhoFor::Child);
        assert_eq!(draft.form["child_name"], "Nguyễn Thị Lan");
        assert_eq!(draft.form["applicant_phone"], "0912345678");
        assert!(draft.ticks.contains("birth_certificate"));
        assert_eq!(draft.state, SubmissionState::Draft);
        assert!(draft.attachments.is_empty());
        assert_eq!((draft.created, draft.updated), (100, 200));

        let sent = json!({"id": "x", "procedure": "2.000815", "created": 1, "updated": 2, "sent_code": "HN-123"});
        assert_eq!(
            Draft::from_record(&sent.to_string()).unwrap().state,
            SubmissionState::Sent {
                tracking_code: "HN-123".into(),
                at: 2,
                receipt: None,
            }
        );
    }

    #[test]
    fn records_that_are_not_drafts_or_too_new_are_refused() {
        assert!(matches!(
            Draft::from_record(&json!("x").to_string()),
            Err(RecordError::Shape(_))
        ));
        assert!(matches!(
            Draft::from_record(&json!({"id": 1}).to_string()),
            Err(RecordError::Shape(_))
        ));
        assert_eq!(
            Draft::from_record(&json!({"format": 99}).to_string()),
            Err(RecordError::Newer(99))
        );
    }

    #[test]
    fn a_saved_person_fills_only_empty_fields_of_a_person_section() {
        let sections = crate::definition::of("1.001193").form.sections;
        let mother = &sections[2];
        let person = Person {
            id: "p".into(),
            me: false,
            details: [
                ("name".to_string(), "Trần Thị Mai".to_string()),
                ("sex".to_string(), "female".to_string()),
                ("phone".to_string(), "0912345678".to_string()),
                ("birth_year".to_string(), "1990".to_string()),
            ]
            .into(),
            consent_at: 1,
            updated: 1,
        };
        let mut draft = Draft::new("d".into(), "1.001193", BTreeMap::new(), 0);
        draft.form.insert("mother_birth_year".into(), "1991".into());
        draft.fill_from(mother, &person);
        assert_eq!(draft.form["mother_name"], "Trần Thị Mai");
        assert_eq!(draft.form["mother_birth_year"], "1991", "typed values stay");
        assert!(
            !draft.form.contains_key("mother_sex"),
            "the mother's page asks no sex"
        );
        assert!(!draft.form.contains_key("mother_phone"), "nor a phone");
        assert_eq!(
            Person::details_from(mother, &draft.form)["name"],
            "Trần Thị Mai"
        );
    }

    #[test]
    fn progress_counts_the_parts_shown_and_the_documents() {
        let today = crate::eligibility::date::Date::new(2026, 11, 24).unwrap();
        let answers: BTreeMap<String, String> = [("who".to_string(), "self".to_string())].into();
        let mut draft = Draft::new("d".into(), "2.000815", answers, 0);
        let certification = crate::definition::of("2.000815").form;
        assert_eq!(draft.progress(&certification, today), (0, 3));
        assert_eq!(
            draft.documents_status(),
            super::super::form::Status::NotStarted
        );
        draft.ticks.insert("original".into());
        assert_eq!(
            draft.documents_status(),
            super::super::form::Status::InProgress
        );
        draft.form.insert("documents".into(), "Bằng đại học".into());
        draft.form.insert("copies".into(), "2".into());
        draft.completed.insert("request".into());
        assert_eq!(draft.progress(&certification, today), (1, 3));
        draft.completed.insert(DOCUMENTS.into());
        assert_eq!(draft.progress(&certification, today), (2, 3));
        // For someone else, the social pension asks about that person too.
        let other: BTreeMap<String, String> = [("who".to_string(), "relative".to_string())].into();
        assert_eq!(
            Draft::new("e".into(), "1.014027", other, 0)
                .progress(&crate::definition::of("1.014027").form, today),
            (0, 4)
        );
    }

    #[test]
    fn a_person_kept_again_updates_the_saved_one() {
        let sections = crate::definition::of("1.001193").form.sections;
        let (applicant, mother) = (&sections[0], &sections[2]);
        let form = |pairs: &[(&str, &str)]| -> Data {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        // No name: nothing to keep.
        assert_eq!(
            Person::kept(
                &[],
                mother,
                &form(&[("mother_id", "001190000001")]),
                1,
                || "x".into()
            ),
            None
        );
        let mai = Person::kept(
            &[],
            mother,
            &form(&[("mother_name", "Trần Thị Mai")]),
            1,
            || "p1".into(),
        )
        .unwrap();
        assert_eq!((mai.id.as_str(), mai.me, mai.consent_at), ("p1", false, 1));
        // Same name, no ID numbers to compare: the same person, details added.
        let again = Person::kept(
            std::slice::from_ref(&mai),
            mother,
            &form(&[
                ("mother_name", "Trần Thị Mai"),
                ("mother_id", "001190000001"),
            ]),
            5,
            || "p2".into(),
        )
        .unwrap();
        assert_eq!(
            (again.id.as_str(), again.consent_at, again.updated),
            ("p1", 1, 5)
        );
        assert_eq!(again.details["id"], "001190000001");
        // Different ID numbers: another person, even with the same name.
        let other = Person::kept(
            std::slice::from_ref(&again),
            mother,
            &form(&[
                ("mother_name", "Trần Thị Mai"),
                ("mother_id", "001190000002"),
            ]),
            6,
            || "p3".into(),
        )
        .unwrap();
        assert_eq!(other.id, "p3");
        // The applicant's part is always the resident themselves.
        let me = Person::kept(
            &[],
            applicant,
            &form(&[("applicant_name", "Lê An")]),
            7,
            || "me".into(),
        )
        .unwrap();
        assert!(me.me);
        let renamed = Person::kept(
            &[me],
            applicant,
            &form(&[("applicant_name", "Lê Văn An")]),
            8,
            || "x".into(),
        )
        .unwrap();
        assert_eq!((renamed.id.as_str(), renamed.name()), ("me", "Lê Văn An"));
    }

    #[test]
    fn ids_are_version_4_uuids() {
        let id = uuid_from([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert!(is_uuid(&id));
        assert!(is_uuid(&uuid_from([0; 16])));
        assert!(!is_uuid("draft"));
        assert!(!is_uuid("FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF"));
        assert!(!is_uuid("ffffffff-ffff-4fff-bfff-fffffffffff<"));
    }

    #[test]
    fn times_are_shown_in_hanoi() {
        // 2026-11-24 07:32 UTC is 14:32 in Hà Nội.
        let millis = 1_795_505_520_000;
        assert_eq!(hanoi_time(millis), "14:32");
        assert_eq!(hanoi_date_time(millis), "24/11/2026 14:32");
        assert_eq!(hanoi_time(0), "07:00");
    }

    #[test]
    fn sizes_read_like_people_say_them() {
        assert_eq!(readable_size(850 * 1024, true), "850 KB");
        assert_eq!(readable_size(1, true), "1 KB");
        assert_eq!(readable_size(1_468_006, true), "1.4 MB");
        assert_eq!(readable_size(1_468_006, false), "1,4 MB");
        assert_eq!(readable_size(3 * 1024 * 1024 * 1024, true), "3.0 GB");
    }
}
