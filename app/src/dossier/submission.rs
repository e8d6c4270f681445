//! Submitting a dossier: whether a draft may be sent (the same rule in the browser and on the
//! server), the receipt the server gives back, the statuses a dossier goes through, and every
//! way a submission can fail, each with a sentence for the resident.

use super::attachment::{MAX_PER_DOCUMENT, Refusal};
use super::calendar::DueDate;
use super::model::Draft;
use crate::catalogue::model::{ChannelKind, Procedure, ProcessingTime};
use crate::definition::Definition;
use crate::eligibility::answers::Answers;
use crate::eligibility::date::Date;
use crate::eligibility::model::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Longest comment with a satisfaction rating.
pub const MAX_COMMENT: usize = 1000;

/// One reason a draft cannot be sent yet: `{"unmet": "section", "id": "applicant"}`, read back
/// through [`UnmetRecord`] (see [`super::model::SubmissionState`] for why).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "unmet",
    content = "id",
    rename_all = "snake_case",
    try_from = "UnmetRecord"
)]
pub enum Unmet {
    /// The eligibility check is not finished, or says the dossier cannot be filed here.
    Check,
    /// A part of the form is not filled in correctly (its id).
    Section(String),
    /// A paper the checklist requires is neither ticked nor attached (its id).
    Document(String),
    /// Too many files for one paper, or a file for a paper not on the checklist (its id).
    Attachments(String),
    /// No commune or ward office chosen.
    Office,
    /// The declaration is not ticked.
    Declaration,
}

/// An [`Unmet`] as sent and stored: its kind and, for some kinds, an id.
#[derive(Deserialize)]
struct UnmetRecord {
    unmet: UnmetTag,
    #[serde(default)]
    id: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum UnmetTag {
    Check,
    Section,
    Document,
    Attachments,
    Office,
    Declaration,
}

impl TryFrom<UnmetRecord> for Unmet {
    type Error = String;

    fn try_from(record: UnmetRecord) -> Result<Self, String> {
        let id = || record.id.ok_or_else(|| super::model::missing("id"));
        Ok(match record.unmet {
            UnmetTag::Check => Unmet::Check,
            UnmetTag::Section => Unmet::Section(id()?),
            UnmetTag::Document => Unmet::Document(id()?),
            UnmetTag::Attachments => Unmet::Attachments(id()?),
            UnmetTag::Office => Unmet::Office,
            UnmetTag::Declaration => Unmet::Declaration,
        })
    }
}

impl Unmet {
    /// Where the resident fixes it: the part of the dossier, or the review page.
    pub fn part(&self) -> Option<&str> {
        match self {
            Unmet::Section(id) => Some(id),
            Unmet::Document(_) | Unmet::Attachments(_) => Some(super::model::DOCUMENTS),
            Unmet::Check | Unmet::Office | Unmet::Declaration => None,
        }
    }
}

/// Everything that keeps `draft` from being sent, in the order of the dossier; empty when it may
/// be sent. `definition` is its procedure's; `today` is the day in Hà Nội.
pub fn readiness(draft: &Draft, definition: &Definition, today: Date) -> Vec<Unmet> {
    let mut unmet = Vec::new();
    let report = definition.check(&Answers(draft.answers.clone()), today);
    if draft.procedure != definition.code() || !report.allows_submission() {
        unmet.push(Unmet::Check);
    }
    for section in definition
        .form
        .sections_shown(draft.who_for.is_someone_else())
    {
        if !section.problems(&draft.form, today).is_empty() {
            unmet.push(Unmet::Section(section.id.to_string()));
        }
    }
    let attached: BTreeSet<&str> = draft
        .attachments
        .iter()
        .map(|a| a.document.as_str())
        .collect();
    for document in &report.documents {
        if !draft.ticks.contains(document) && !attached.contains(document.as_str()) {
            unmet.push(Unmet::Document(document.clone()));
        }
    }
    for document in attached {
        let count = draft.attachments_for(document).count();
        if count > MAX_PER_DOCUMENT || !report.documents.iter().any(|d| d == document) {
            unmet.push(Unmet::Attachments(document.to_string()));
        }
    }
    if draft
        .office
        .is_none_or(|code| crate::catalogue::wards::ward(code).is_none())
    {
        unmet.push(Unmet::Office);
    }
    if !draft.declared {
        unmet.push(Unmet::Declaration);
    }
    unmet
}

/// The processing time that applies: the case the check settled on, else the online channel's,
/// else the first channel's.
pub fn processing_time<'a>(
    procedure: &'a Procedure,
    variant: Option<&str>,
) -> Option<&'a ProcessingTime> {
    variant
        .and_then(|code| procedure.variants.iter().find(|v| v.code == code))
        .map(|v| &v.time)
        .or_else(|| {
            procedure
                .channel(ChannelKind::Online)
                .next()
                .map(|c| &c.time)
        })
        .or_else(|| procedure.channels.first().map(|c| &c.time))
}

/// The last four digits of a phone number, which `/track` asks for with the tracking code.
pub fn phone_last4(phone: &str) -> Option<String> {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 4).then(|| digits[digits.len() - 4..].iter().collect())
}

/// The last four digits of the phone as typed on `/track` (spaces allowed), or `None`.
pub fn typed_last4(typed: &str) -> Option<String> {
    let digits: String = crate::input::clean(typed)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// A QR code as one SVG path over a square of `size` modules (quiet zone not included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrPath {
    pub size: u32,
    pub path: String,
}

/// What the server gives back once the dossier is stored for good.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// 13 symbols without separators (see [`super::tracking::TrackingCode`]).
    pub tracking_code: String,
    /// Milliseconds since 1970 (UTC).
    pub received_at: i64,
    pub due: Option<DueDate>,
    pub procedure: String,
    pub procedure_name: Text,
    /// The commune or ward office (statistics code and name) that handles it and hands the
    /// result over.
    pub office: u32,
    pub office_name: String,
    pub qr: QrPath,
}

/// Where a dossier stands at the office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Received,
    Processing,
    MoreDocumentsNeeded,
    ResultReady,
    Collected,
    Refused,
}

impl Status {
    pub fn parse(text: &str) -> Option<Status> {
        serde_json::from_value(serde_json::Value::String(text.to_string())).ok()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Processing => "processing",
            Status::MoreDocumentsNeeded => "more_documents_needed",
            Status::ResultReady => "result_ready",
            Status::Collected => "collected",
            Status::Refused => "refused",
        }
    }

    pub fn text(self) -> Text {
        let t = Text::new;
        match self {
            Status::Received => t("Đã tiếp nhận", "Received"),
            Status::Processing => t("Đang giải quyết", "Being processed"),
            Status::MoreDocumentsNeeded => t("Cần bổ sung giấy tờ", "More documents needed"),
            Status::ResultReady => t("Đã có kết quả", "Result ready"),
            Status::Collected => t("Đã trả kết quả", "Collected"),
            Status::Refused => t("Từ chối giải quyết", "Refused"),
        }
    }

    /// No more steps follow.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Collected | Status::Refused)
    }

    /// The usual steps, for the timeline: those not reached yet are shown greyed.
    pub const PATH: [Status; 4] = [
        Status::Received,
        Status::Processing,
        Status::ResultReady,
        Status::Collected,
    ];

    /// Every status, in the order of the desk's counts.
    pub const ALL: [Status; 6] = [
        Status::Received,
        Status::Processing,
        Status::MoreDocumentsNeeded,
        Status::ResultReady,
        Status::Collected,
        Status::Refused,
    ];
}

/// One step of a dossier's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusEvent {
    pub status: Status,
    pub at: i64,
    /// The officer's reason (more documents, refusal).
    pub reason: Option<String>,
    /// The papers the officer asked for (more documents needed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<Paper>,
}

/// A paper of a dossier's checklist, named for the resident.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paper {
    pub id: String,
    pub name: Text,
}

/// The papers with these checklist ids of a procedure (its rules' names), in the order given;
/// an id the rules no longer know keeps its id as its name.
pub fn papers(definition: &Definition, ids: &[String]) -> Vec<Paper> {
    let rules = &definition.rules;
    ids.iter()
        .map(|id| Paper {
            id: id.clone(),
            name: rules
                .documents
                .iter()
                .find(|d| &d.id == id)
                .map(|d| d.name.clone())
                .unwrap_or_else(|| Text::new(id, id)),
        })
        .collect()
}

/// What `/track` shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracked {
    pub receipt: Receipt,
    pub events: Vec<StatusEvent>,
}

impl Tracked {
    pub fn status(&self) -> Status {
        self.events
            .last()
            .map(|e| e.status)
            .unwrap_or(Status::Received)
    }
}

/// What `/track` answers. A wrong pair is an ordinary answer, not an error: it says neither
/// whether the code exists nor whose it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrackAnswer {
    Found(Box<Tracked>),
    /// No dossier with this code and phone.
    NoMatch,
    /// Too many wrong pairs from this address: allowed again at this time.
    Wait {
        retry_at: i64,
    },
}

/// Why a submission, an upload, a rating or a tracking request did not go through.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SubmitError {
    /// The server could not be reached: the outbox tries again.
    #[error("offline")]
    Offline,
    /// The dossier is not complete (the reasons, in order).
    #[error("not ready: {0:?}")]
    NotReady(Vec<Unmet>),
    #[error("unknown procedure")]
    UnknownProcedure,
    /// These attachments (ids) have not reached the server yet: the outbox sends them again.
    #[error("attachments missing: {0:?}")]
    AttachmentsMissing(Vec<String>),
    /// The server refused a file (it does not know the file's name).
    #[error("attachment refused: {0:?}")]
    Attachment(Refusal),
    /// [`SubmitError::Attachment`] as the device says it: with the name the resident gave the
    /// file.
    #[error("file {name} refused: {refusal:?}")]
    File { name: String, refusal: Refusal },
    /// The request was malformed (an old or tampered app).
    #[error("bad request")]
    BadRequest,
    /// The server is overloaded or its storage failed: try again later.
    #[error("unavailable")]
    Unavailable,
    /// Too many failed tracking attempts from this address; allowed again at this time.
    #[error("too many attempts")]
    TooManyAttempts { retry_at: i64 },
    /// Too many dossiers or files from this address just now (its limit per minute): the outbox
    /// sends it again by itself, not before this time (milliseconds since 1970).
    #[error("busy until {retry_at}")]
    Busy { retry_at: i64 },
    /// No dossier with this tracking code and phone number.
    #[error("not found")]
    NotFound,
    /// Papers added to a dossier the office is no longer waiting on.
    #[error("not asked")]
    NotAsked,
}

impl SubmitError {
    /// The HTTP status the server answers with (RFC 9110): 4xx for what the client must change,
    /// 429 to wait, 5xx only when the portal itself failed.
    pub fn status(&self) -> u16 {
        match self {
            SubmitError::BadRequest => 400,
            SubmitError::NotFound => 404,
            SubmitError::AttachmentsMissing(_) | SubmitError::NotAsked => 409,
            SubmitError::Attachment(Refusal::TooLarge { .. } | Refusal::TooMuch)
            | SubmitError::File {
                refusal: Refusal::TooLarge { .. } | Refusal::TooMuch,
                ..
            } => 413,
            SubmitError::NotReady(_)
            | SubmitError::UnknownProcedure
            | SubmitError::Attachment(_)
            | SubmitError::File { .. } => 422,
            SubmitError::TooManyAttempts { .. } | SubmitError::Busy { .. } => 429,
            SubmitError::Unavailable | SubmitError::Offline => 503,
        }
    }

    /// Worth sending again later without any change by the resident.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            SubmitError::Offline
                | SubmitError::Unavailable
                | SubmitError::AttachmentsMissing(_)
                | SubmitError::Busy { .. }
        )
    }

    pub fn text(&self) -> Text {
        let t = Text::new;
        match self {
            SubmitError::Offline => t(
                "Chưa kết nối được với cổng dịch vụ. Hồ sơ sẽ tự gửi khi có mạng.",
                "The portal cannot be reached. The dossier will be sent by itself when there is a network.",
            ),
            SubmitError::NotReady(unmet) => Text {
                vi: format!("Hồ sơ chưa đủ để gửi ({} mục cần hoàn thành).", unmet.len()),
                en: Some(format!(
                    "The dossier is not complete yet ({} things to finish).",
                    unmet.len()
                )),
            },
            SubmitError::UnknownProcedure => t(
                "Thủ tục này không còn nhận hồ sơ trực tuyến.",
                "This procedure no longer takes dossiers online.",
            ),
            SubmitError::AttachmentsMissing(_) => t(
                "Một số ảnh giấy tờ chưa tải lên xong. Hồ sơ sẽ tự gửi lại.",
                "Some photos of documents have not finished uploading. The dossier will be sent again by itself.",
            ),
            SubmitError::Attachment(refusal) => refusal.text("…"),
            SubmitError::File { name, refusal } => refusal.text(name),
            SubmitError::BadRequest => t(
                "Hồ sơ không đọc được. Hãy tải lại trang và thử lại.",
                "The dossier could not be read. Reload the page and try again.",
            ),
            SubmitError::Unavailable => t(
                "Cổng dịch vụ đang bận. Hồ sơ sẽ tự gửi lại sau ít phút.",
                "The portal is busy. The dossier will be sent again in a few minutes.",
            ),
            SubmitError::TooManyAttempts { retry_at } => Text {
                vi: format!(
                    "Nhập sai quá nhiều lần. Hãy thử lại sau {}.",
                    super::model::hanoi_time(*retry_at)
                ),
                en: Some(format!(
                    "Too many wrong attempts. Try again after {}.",
                    super::model::hanoi_time(*retry_at)
                )),
            },
            SubmitError::Busy { retry_at } => Text {
                vi: format!(
                    "Mạng của bạn đang gửi nhiều hồ sơ cùng lúc. Hồ sơ sẽ tự gửi lại sau {}.",
                    super::model::hanoi_time(*retry_at)
                ),
                en: Some(format!(
                    "Many dossiers are being sent from your network just now. This one will be sent again by itself after {}.",
                    super::model::hanoi_time(*retry_at)
                )),
            },
            SubmitError::NotFound => t(
                "Không tìm thấy hồ sơ với mã và số điện thoại này. Hãy kiểm tra lại mã trên giấy biên nhận.",
                "No dossier matches this code and phone number. Check the code on your receipt.",
            ),
            SubmitError::NotAsked => t(
                "Cơ quan không còn chờ bổ sung giấy tờ cho hồ sơ này. Xem trạng thái mới nhất của hồ sơ.",
                "The office is no longer waiting for documents for this dossier. See its latest status.",
            ),
        }
    }
}

/// A satisfaction rating: 1 to 5, with an optional comment.
pub fn check_rating(score: u8, comment: &str) -> Result<(u8, String), SubmitError> {
    if !(1..=5).contains(&score) {
        return Err(SubmitError::BadRequest);
    }
    let comment: String = crate::input::clean(comment)
        .trim()
        .chars()
        .take(MAX_COMMENT)
        .collect();
    Ok((score, comment))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::store::Catalogue;
    use crate::dossier::example::{self, photo};
    use crate::dossier::model::DOCUMENTS;

    fn birth() -> Definition {
        crate::definition::of("1.001193")
    }

    fn today() -> Date {
        Date::new(2026, 11, 24).unwrap()
    }

    /// The example birth dossier, its papers checked against the real checklist.
    fn finished_birth_draft() -> Draft {
        let draft = example::birth_draft("d1".into(), Date::new(2026, 11, 1).unwrap());
        let report = birth().check(&Answers(draft.answers.clone()), today());
        assert!(report.allows_submission(), "{report:?}");
        let papers: BTreeSet<String> = report.documents.iter().cloned().collect();
        assert_eq!(papers, draft.ticks);
        draft
    }

    #[test]
    fn a_finished_draft_may_be_sent() {
        assert_eq!(
            readiness(&finished_birth_draft(), &birth(), today()),
            vec![]
        );
    }

    #[test]
    fn every_missing_thing_is_listed_in_the_order_of_the_dossier() {
        let mut draft = finished_birth_draft();
        draft.form.remove("applicant_phone");
        let first_doc = draft.ticks.iter().next().unwrap().clone();
        draft.ticks.remove(&first_doc);
        draft.office = Some(9999);
        draft.declared = false;
        assert_eq!(
            readiness(&draft, &birth(), today()),
            vec![
                Unmet::Section("applicant".into()),
                Unmet::Document(first_doc.clone()),
                Unmet::Office,
                Unmet::Declaration
            ]
        );
        // A photo counts as having the paper.
        draft.attachments.push(photo("a1", &first_doc, 10));
        assert!(
            !readiness(&draft, &birth(), today()).contains(&Unmet::Document(first_doc.clone()))
        );
        assert_eq!(Unmet::Document(first_doc).part(), Some(DOCUMENTS));
    }

    #[test]
    fn an_unfinished_or_negative_check_refuses() {
        let mut draft = finished_birth_draft();
        draft.answers.clear();
        assert!(readiness(&draft, &birth(), today()).contains(&Unmet::Check));
        let draft = finished_birth_draft();
        let other = crate::definition::of("1.000656");
        assert!(readiness(&draft, &other, today()).contains(&Unmet::Check));
    }

    #[test]
    fn files_for_papers_not_on_the_checklist_are_refused() {
        let mut draft = finished_birth_draft();
        draft.attachments.push(photo("a1", "not-a-paper", 10));
        assert_eq!(
            readiness(&draft, &birth(), today()),
            vec![Unmet::Attachments("not-a-paper".into())]
        );
    }

    #[test]
    fn phone_last_four_and_ratings() {
        assert_eq!(phone_last4("+84 912 345 678").as_deref(), Some("5678"));
        assert_eq!(phone_last4("12"), None);
        assert_eq!(typed_last4(" 56 78 ").as_deref(), Some("5678"));
        assert_eq!(typed_last4("567"), None);
        assert_eq!(typed_last4("56a8"), None);
        assert_eq!(typed_last4("56789"), None);
        assert_eq!(check_rating(5, "  Tốt  "), Ok((5, "Tốt".into())));
        assert_eq!(check_rating(0, ""), Err(SubmitError::BadRequest));
        assert_eq!(check_rating(6, ""), Err(SubmitError::BadRequest));
        assert_eq!(
            check_rating(3, &"x".repeat(5000)).unwrap().1.len(),
            MAX_COMMENT
        );
    }

    #[test]
    fn statuses_read_and_write_the_same_names() {
        for status in [
            Status::Received,
            Status::Processing,
            Status::MoreDocumentsNeeded,
            Status::ResultReady,
            Status::Collected,
            Status::Refused,
        ] {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert_eq!(Status::parse("lost"), None);
    }

    #[test]
    fn the_processing_time_of_the_case_wins() {
        let p = Catalogue::embedded().procedure("1.001193").unwrap();
        assert!(processing_time(p, None).is_some());
        if let Some(v) = p.variants.first() {
            assert_eq!(processing_time(p, Some(&v.code)), Some(&v.time));
        }
    }
}
