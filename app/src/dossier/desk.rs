//! What the help desk shows (plain Rust, the same in the browser and on the server): the queue of
//! an officer's dossiers with its filters, order and counts, a dossier as the officer sees it,
//! and every way a desk request can fail, each with a sentence for the officer.

use super::model::Draft;
use super::submission::{Paper, Status};
use crate::eligibility::date::Date;
use crate::eligibility::model::Text;
use serde::{Deserialize, Serialize};

/// Rows on one queue page.
pub const QUEUE_LIMIT: usize = 200;

/// The queue's filters, as the address carries them (`?status=received&procedure=1.001193&
/// from=2026-11-01&to=2026-11-30&ward=70`). Dates are days of receipt in Hà Nội, both included.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilter {
    pub status: Option<Status>,
    pub procedure: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// One of the officer's wards, or all of them.
    pub ward: Option<u32>,
}

impl QueueFilter {
    /// Reads the address' values; anything unreadable is left out (never an error page).
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> QueueFilter {
        let text = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        QueueFilter {
            status: text("status").and_then(|s| Status::parse(&s)),
            procedure: text("procedure").filter(|p| {
                p.len() <= 32 && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
            }),
            from: text("from").and_then(|d| Date::parse(&d)),
            to: text("to").and_then(|d| Date::parse(&d)),
            ward: text("ward").and_then(|w| w.parse().ok()),
        }
    }

    /// The same filters as an address' query (without `?`), in a fixed order.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(status) = self.status {
            parts.push(format!("status={}", status.as_str()));
        }
        if let Some(procedure) = &self.procedure {
            parts.push(format!("procedure={procedure}"));
        }
        if let Some(from) = self.from {
            parts.push(format!("from={from}"));
        }
        if let Some(to) = self.to {
            parts.push(format!("to={to}"));
        }
        if let Some(ward) = self.ward {
            parts.push(format!("ward={ward}"));
        }
        parts.join("&")
    }

    /// The first and last millisecond of receipt the dates cover (Hà Nội is UTC+7, no summer
    /// time).
    pub fn received_between(&self) -> (Option<i64>, Option<i64>) {
        const DAY: i64 = 86_400_000;
        const HANOI: i64 = 7 * 3_600_000;
        let start = |d: Date| d.days_since_epoch() * DAY - HANOI;
        (self.from.map(start), self.to.map(|d| start(d) + DAY - 1))
    }
}

/// One dossier in the queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRow {
    pub tracking_code: String,
    pub procedure: String,
    pub procedure_name: Text,
    pub office: u32,
    pub applicant: String,
    pub received_at: i64,
    pub due_date: Option<Date>,
    pub status: Status,
}

impl QueueRow {
    pub fn overdue(&self, today: Date) -> bool {
        overdue(self.due_date, self.status, today)
    }
}

/// Past its due date and still with the office (a result ready to collect is no longer late).
pub fn overdue(due: Option<Date>, status: Status, today: Date) -> bool {
    let waiting_on_office = matches!(status, Status::Received | Status::Processing);
    waiting_on_office && due.is_some_and(|due| due < today)
}

/// The queue's order: the earliest due date first, dossiers without one last, then the oldest.
pub fn sort_queue(rows: &mut [QueueRow]) {
    rows.sort_by_key(|row| (row.due_date.is_none(), row.due_date, row.received_at));
}

/// What the queue page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    pub rows: Vec<QueueRow>,
    /// More dossiers matched than [`QUEUE_LIMIT`].
    pub more: bool,
    /// Dossiers per status in the officer's wards (the other filters applied).
    pub counts: Vec<(Status, u32)>,
    /// The wards the officer handles (statistics codes), for the ward filter.
    pub wards: Vec<u32>,
    /// The procedures of the dossiers in these wards, for the procedure filter.
    pub procedures: Vec<(String, Text)>,
}

/// One step of a dossier's history as the desk sees it: who made it, too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub status: Status,
    pub at: i64,
    pub reason: Option<String>,
    pub missing: Vec<Paper>,
    /// `resident`, or the officer's username.
    pub actor: String,
}

/// A file of the dossier (bytes fetched from `/desk/files/{code}/{attachment}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskFile {
    pub attachment: String,
    pub document: String,
    pub name: String,
    pub mime: String,
    pub size: u64,
}

/// A dossier as the officer sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskDossier {
    pub tracking_code: String,
    pub office: u32,
    pub applicant: String,
    pub received_at: i64,
    pub due_date: Option<Date>,
    pub status: Status,
    /// The dossier as the resident sent it.
    pub draft: Draft,
    pub files: Vec<DeskFile>,
    pub history: Vec<HistoryEntry>,
    /// The dossier as the officer reads it (filled from the procedure's rules).
    #[serde(default)]
    pub view: DossierView,
}

/// What the officer reads: the form's parts, the eligibility answers, the checklist.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierView {
    pub procedure_name: Text,
    pub parts: Vec<ViewPart>,
    /// (question, answer).
    pub answers: Vec<(Text, Text)>,
    pub checklist: Vec<ChecklistPaper>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewPart {
    /// The section's id (where a hand-off says the resident was).
    #[serde(default)]
    pub id: String,
    pub title: Text,
    /// (label, value; `None` when left empty).
    pub rows: Vec<(Text, Option<Text>)>,
}

/// A paper of the dossier's checklist and what the resident did about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistPaper {
    pub paper: Paper,
    pub why: Text,
    /// "I have it" ticked (brought to the office).
    pub ticked: bool,
    /// Files attached for it.
    pub files: usize,
}

/// The officer's reading of `draft` under its `procedure`'s `definition`, the check as of `day`
/// (the day the dossier was received).
pub fn view_of(
    draft: &Draft,
    procedure: &crate::catalogue::model::Procedure,
    definition: &crate::definition::Definition,
    day: Date,
) -> DossierView {
    use crate::eligibility::answers::Answers;
    use crate::eligibility::evaluate::{answer_text, evaluate};
    let rules = &definition.rules;
    let evaluation = evaluate(rules, &Answers(draft.answers.clone()), day);
    let answers = evaluation
        .steps
        .iter()
        .map(|step| {
            let question = rules.questions[step.question].short.clone();
            let answer = Text {
                vi: answer_text(rules, step.question, &step.answer, false),
                en: Some(answer_text(rules, step.question, &step.answer, true)),
            };
            (question, answer)
        })
        .collect();
    let checklist = evaluation
        .documents
        .iter()
        .map(|&i| {
            let rule = &rules.documents[i];
            ChecklistPaper {
                paper: Paper {
                    id: rule.id.clone(),
                    name: rule.name.clone(),
                },
                why: rule.why.clone(),
                ticked: draft.ticks.contains(&rule.id),
                files: draft.attachments_for(&rule.id).count(),
            }
        })
        .collect();
    let parts = definition
        .form
        .sections_shown(draft.who_for.is_someone_else())
        .into_iter()
        .map(|section| ViewPart {
            id: section.id.to_string(),
            title: section.title.clone(),
            rows: section
                .fields
                .iter()
                .filter(|f| f.is_asked(&draft.form))
                .map(|f| (f.label.clone(), super::form::shown_value(f, &draft.form)))
                .collect(),
        })
        .collect();
    DossierView {
        procedure_name: Text {
            vi: procedure.name_vi.clone(),
            en: procedure.name_en.clone(),
        },
        parts,
        answers,
        checklist,
    }
}

impl DeskDossier {
    pub fn href(&self) -> String {
        dossier_href(&self.tracking_code)
    }
}

pub fn dossier_href(tracking_code: &str) -> String {
    format!("/desk/dossiers/{tracking_code}")
}

/// Why a desk request did not go through.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DeskError {
    /// No session, or it ended: sign in again.
    #[error("not signed in")]
    NotSignedIn,
    /// The page's form is stale or did not come from the portal (CSRF token mismatch).
    #[error("stale form")]
    StaleForm,
    /// Not a dossier of this officer's wards — or no such dossier: the answer is the same.
    #[error("not found")]
    NotFound,
    /// Only an admin may do this.
    #[error("forbidden")]
    Forbidden,
    /// The dossier changed since the page was loaded (another officer decided): reload.
    #[error("changed meanwhile")]
    Changed,
    #[error("bad request")]
    BadRequest,
    #[error("unavailable")]
    Unavailable,
    #[error("offline")]
    Offline,
}

impl DeskError {
    /// The HTTP status the server answers with (RFC 9110): 4xx for what the client must change,
    /// 5xx only when the portal itself failed.
    pub fn status(&self) -> u16 {
        match self {
            DeskError::BadRequest => 400,
            DeskError::NotSignedIn => 401,
            DeskError::StaleForm | DeskError::Forbidden => 403,
            DeskError::NotFound => 404,
            DeskError::Changed => 409,
            DeskError::Unavailable | DeskError::Offline => 503,
        }
    }

    pub fn text(&self) -> Text {
        let t = Text::new;
        match self {
            DeskError::NotSignedIn => t(
                "Phiên làm việc đã hết. Vui lòng đăng nhập lại.",
                "Your session has ended. Please sign in again.",
            ),
            DeskError::StaleForm => t(
                "Trang này đã cũ. Tải lại trang rồi thử lại.",
                "This page is out of date. Reload it and try again.",
            ),
            DeskError::NotFound => t(
                "Không tìm thấy hồ sơ này trong các xã, phường bạn phụ trách.",
                "There is no such dossier in the communes and wards you handle.",
            ),
            DeskError::Forbidden => t(
                "Chỉ quản trị viên mới làm được việc này.",
                "Only an administrator can do this.",
            ),
            DeskError::Changed => t(
                "Hồ sơ vừa được cán bộ khác cập nhật. Tải lại trang để xem trạng thái mới.",
                "Another officer has just updated this dossier. Reload the page to see its new status.",
            ),
            DeskError::BadRequest => t(
                "Yêu cầu không hợp lệ. Tải lại trang rồi thử lại.",
                "The request was not valid. Reload the page and try again.",
            ),
            DeskError::Unavailable => t(
                "Hệ thống đang bận. Vui lòng thử lại sau ít phút.",
                "The system is busy. Please try again in a few minutes.",
            ),
            DeskError::Offline => t(
                "Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.",
                "The server cannot be reached. Check the network and try again.",
            ),
        }
    }
}

/// The answer to a sign-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignInAnswer {
    SignedIn,
    /// Wrong username or password (which one is never said).
    Wrong,
    /// Too many wrong passwords: sign-in opens again at this time (milliseconds since 1970).
    Locked {
        retry_at: i64,
    },
}

/// Why a sign-in did not sign the officer in, as the sign-in page shows it. A form sent without
/// the app (a plain HTML `POST`) comes back to the page with it in the address
/// ([`SignInProblem::to_query`]): what went wrong, never what was typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInProblem {
    /// The username or the password was left empty.
    Missing,
    /// Wrong username or password (which one is never said).
    Wrong,
    /// Too many wrong passwords: sign-in opens again at `retry_at` (milliseconds since 1970).
    Locked { retry_at: i64 },
    /// The portal could not check the pair just now.
    Unavailable,
    /// The app could not reach the portal (the network is down).
    Offline,
}

impl SignInProblem {
    /// The problem of a form with an empty field: the username (blank once trimmed) or the
    /// password (empty; spaces may be part of one).
    pub fn missing(username: &str, password: &str) -> Option<Self> {
        (username.trim().is_empty() || password.is_empty()).then_some(SignInProblem::Missing)
    }

    /// The problem a sign-in's answer means (`None`: signed in). A pair too long to be an
    /// account's is just a wrong one; the server unreachable reads "offline", any other failure
    /// "unavailable" — the same with the app and without it.
    pub fn of(answer: Result<SignInAnswer, DeskError>) -> Option<Self> {
        match answer {
            Ok(SignInAnswer::SignedIn) => None,
            Ok(SignInAnswer::Wrong) | Err(DeskError::BadRequest) => Some(SignInProblem::Wrong),
            Ok(SignInAnswer::Locked { retry_at }) => Some(SignInProblem::Locked { retry_at }),
            Err(DeskError::Offline) => Some(SignInProblem::Offline),
            Err(_) => Some(SignInProblem::Unavailable),
        }
    }

    /// `problem=…` (and `&until=…` for a lock), for the sign-in page's address.
    pub fn to_query(&self) -> String {
        match self {
            SignInProblem::Missing => "problem=missing".into(),
            SignInProblem::Wrong => "problem=wrong".into(),
            SignInProblem::Locked { retry_at } => format!("problem=locked&until={retry_at}"),
            SignInProblem::Unavailable => "problem=unavailable".into(),
            SignInProblem::Offline => "problem=offline".into(),
        }
    }

    /// Reads [`SignInProblem::to_query`] back from the address's `problem` and `until`; `None`
    /// for anything else (a lock without a time is not shown).
    pub fn from_query(problem: Option<&str>, until: Option<&str>) -> Option<SignInProblem> {
        match problem? {
            "missing" => Some(SignInProblem::Missing),
            "wrong" => Some(SignInProblem::Wrong),
            "locked" => Some(SignInProblem::Locked {
                retry_at: until?.parse().ok()?,
            }),
            "unavailable" => Some(SignInProblem::Unavailable),
            "offline" => Some(SignInProblem::Offline),
            _ => None,
        }
    }
}

/// Why an officer's password was not changed, as `/desk/password` shows it; the form's answer
/// (a redirect) carries it in the address ([`PasswordChangeProblem::to_query`]), never what was
/// typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordChangeProblem {
    /// A field was left empty.
    Missing,
    /// The new password and its repetition differ.
    Mismatch,
    /// The new password is the current one.
    Same,
    /// The current password is not right.
    Wrong,
    /// Too many wrong passwords (the sign-in's lock): allowed again at `retry_at`.
    Locked { retry_at: i64 },
    /// The new password cannot be a staff account's.
    New(crate::staff::PasswordProblem),
    /// The portal could not change it just now.
    Unavailable,
}

impl PasswordChangeProblem {
    /// The checks made before any password is verified: fields filled, the new one typed twice
    /// alike, not the current one, and [`crate::staff::password_problem`].
    pub fn typed(current: &str, new: &str, repeat: &str, username: &str) -> Option<Self> {
        if current.is_empty() || new.is_empty() || repeat.is_empty() {
            return Some(PasswordChangeProblem::Missing);
        }
        if new != repeat {
            return Some(PasswordChangeProblem::Mismatch);
        }
        if new == current {
            return Some(PasswordChangeProblem::Same);
        }
        crate::staff::password_problem(new, username).map(PasswordChangeProblem::New)
    }

    /// `problem=…` (and `&until=…` for a lock), for the page's address.
    pub fn to_query(&self) -> String {
        use crate::staff::PasswordProblem as P;
        match self {
            PasswordChangeProblem::Missing => "problem=missing".into(),
            PasswordChangeProblem::Mismatch => "problem=mismatch".into(),
            PasswordChangeProblem::Same => "problem=same".into(),
            PasswordChangeProblem::Wrong => "problem=wrong".into(),
            PasswordChangeProblem::Locked { retry_at } => {
                format!("problem=locked&until={retry_at}")
            }
            PasswordChangeProblem::New(P::TooShort) => "problem=too_short".into(),
            PasswordChangeProblem::New(P::Trivial) => "problem=trivial".into(),
            PasswordChangeProblem::New(P::HasUsername) => "problem=has_username".into(),
            PasswordChangeProblem::New(P::Common) => "problem=common".into(),
            PasswordChangeProblem::Unavailable => "problem=unavailable".into(),
        }
    }

    /// Reads [`PasswordChangeProblem::to_query`] back; `None` for anything else.
    pub fn from_query(problem: Option<&str>, until: Option<&str>) -> Option<Self> {
        use crate::staff::PasswordProblem as P;
        Some(match problem? {
            "missing" => PasswordChangeProblem::Missing,
            "mismatch" => PasswordChangeProblem::Mismatch,
            "same" => PasswordChangeProblem::Same,
            "wrong" => PasswordChangeProblem::Wrong,
            "locked" => PasswordChangeProblem::Locked {
                retry_at: until?.parse().ok()?,
            },
            "too_short" => PasswordChangeProblem::New(P::TooShort),
            "trivial" => PasswordChangeProblem::New(P::Trivial),
            "has_username" => PasswordChangeProblem::New(P::HasUsername),
            "common" => PasswordChangeProblem::New(P::Common),
            "unavailable" => PasswordChangeProblem::Unavailable,
            _ => return None,
        })
    }

    pub fn text(&self) -> Text {
        let t = Text::new;
        match self {
            PasswordChangeProblem::Missing => t(
                "Nhập mật khẩu hiện tại và mật khẩu mới hai lần.",
                "Enter your current password, and the new one twice.",
            ),
            PasswordChangeProblem::Mismatch => t(
                "Hai lần nhập mật khẩu mới không giống nhau.",
                "The new password is not the same both times.",
            ),
            PasswordChangeProblem::Same => t(
                "Mật khẩu mới phải khác mật khẩu hiện tại.",
                "The new password must differ from the current one.",
            ),
            PasswordChangeProblem::Wrong => t(
                "Mật khẩu hiện tại không đúng.",
                "The current password is not right.",
            ),
            PasswordChangeProblem::Locked { retry_at } => Text {
                vi: format!(
                    "Đã nhập sai mật khẩu quá nhiều lần. Hãy thử lại sau {}.",
                    super::model::hanoi_time(*retry_at)
                ),
                en: Some(format!(
                    "Too many wrong passwords. Try again after {}.",
                    super::model::hanoi_time(*retry_at)
                )),
            },
            PasswordChangeProblem::New(problem) => problem.text(),
            PasswordChangeProblem::Unavailable => DeskError::Unavailable.text(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_password_change_problem_goes_through_the_address_and_back() {
        use super::PasswordChangeProblem as P;
        use crate::staff::PasswordProblem;
        for problem in [
            P::Missing,
            P::Mismatch,
            P::Same,
            P::Wrong,
            P::Locked {
                retry_at: 1_796_000_000_000,
            },
            P::New(PasswordProblem::TooShort),
            P::New(PasswordProblem::Trivial),
            P::New(PasswordProblem::HasUsername),
            P::New(PasswordProblem::Common),
            P::Unavailable,
        ] {
            let query = problem.to_query();
            let pairs: std::collections::HashMap<&str, &str> = query
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .collect();
            assert_eq!(
                P::from_query(pairs.get("problem").copied(), pairs.get("until").copied()),
                Some(problem),
                "{query}"
            );
            assert!(!problem.text().vi.is_empty());
        }
        assert_eq!(P::from_query(Some("locked"), None), None);
        assert_eq!(P::from_query(Some("<script>"), None), None);
        assert_eq!(P::typed("", "a", "a", "lan"), Some(P::Missing));
        assert_eq!(
            P::typed(
                "cũ cũ cũ cũ",
                "mật khẩu mới 2026",
                "mật khẩu mới 2027",
                "lan"
            ),
            Some(P::Mismatch)
        );
        assert_eq!(
            P::typed(
                "mật khẩu mới 2026",
                "mật khẩu mới 2026",
                "mật khẩu mới 2026",
                "lan"
            ),
            Some(P::Same)
        );
        assert_eq!(
            P::typed("cũ cũ cũ cũ", "ngắn", "ngắn", "lan"),
            Some(P::New(PasswordProblem::TooShort))
        );
        assert_eq!(
            P::typed(
                "cũ cũ cũ cũ",
                "mật khẩu mới 2026",
                "mật khẩu mới 2026",
                "lan"
            ),
            None
        );
    }

    #[test]
    fn a_sign_in_reads_the_same_problem_with_the_app_and_without_it() {
        use super::{DeskError, SignInAnswer, SignInProblem};
        assert_eq!(
            SignInProblem::missing(" ", "x"),
            Some(SignInProblem::Missing)
        );
        assert_eq!(
            SignInProblem::missing("lan", ""),
            Some(SignInProblem::Missing)
        );
        assert_eq!(
            SignInProblem::missing("lan", "   "),
            None,
            "spaces may be a password"
        );
        assert_eq!(SignInProblem::of(Ok(SignInAnswer::SignedIn)), None);
        assert_eq!(
            SignInProblem::of(Ok(SignInAnswer::Wrong)),
            Some(SignInProblem::Wrong)
        );
        assert_eq!(
            SignInProblem::of(Err(DeskError::BadRequest)),
            Some(SignInProblem::Wrong)
        );
        assert_eq!(
            SignInProblem::of(Ok(SignInAnswer::Locked { retry_at: 5 })),
            Some(SignInProblem::Locked { retry_at: 5 })
        );
        assert_eq!(
            SignInProblem::of(Err(DeskError::Offline)),
            Some(SignInProblem::Offline)
        );
        assert_eq!(
            SignInProblem::of(Err(DeskError::Unavailable)),
            Some(SignInProblem::Unavailable)
        );
    }

    use super::*;

    #[test]
    fn a_sign_in_problem_goes_through_the_address_and_back() {
        for problem in [
            SignInProblem::Missing,
            SignInProblem::Wrong,
            SignInProblem::Locked {
                retry_at: 1_795_000_000_000,
            },
            SignInProblem::Unavailable,
            SignInProblem::Offline,
        ] {
            let query = problem.to_query();
            let get = |name: &str| {
                query
                    .split('&')
                    .find_map(|pair| pair.strip_prefix(&format!("{name}=")).map(str::to_owned))
            };
            assert_eq!(
                SignInProblem::from_query(get("problem").as_deref(), get("until").as_deref()),
                Some(problem)
            );
        }
        assert_eq!(SignInProblem::from_query(Some("locked"), None), None);
        assert_eq!(
            SignInProblem::from_query(Some("locked"), Some("soon")),
            None
        );
        assert_eq!(SignInProblem::from_query(Some("<script>"), None), None);
        assert_eq!(SignInProblem::from_query(None, Some("1")), None);
    }

    fn row(code: &str, due: Option<&str>, received_at: i64, status: Status) -> QueueRow {
        QueueRow {
            tracking_code: code.into(),
            procedure: "1.001193".into(),
            procedure_name: Text::new("Đăng ký khai sinh", "Birth registration"),
            office: 70,
            applicant: "Nguyễn Văn An".into(),
            received_at,
            due_date: due.and_then(Date::parse),
            status,
        }
    }

    #[test]
    fn the_queue_starts_with_the_earliest_due_date_and_ends_with_dossiers_without_one() {
        let mut rows = vec![
            row("A", None, 1, Status::Received),
            row("B", Some("2026-11-30"), 5, Status::Received),
            row("C", Some("2026-11-26"), 9, Status::Processing),
            row("D", Some("2026-11-30"), 2, Status::Received),
        ];
        sort_queue(&mut rows);
        let order: Vec<&str> = rows.iter().map(|r| r.tracking_code.as_str()).collect();
        assert_eq!(order, ["C", "D", "B", "A"]);
    }

    #[test]
    fn only_dossiers_waiting_on_the_office_are_overdue() {
        let today = Date::parse("2026-11-24").unwrap();
        let late = Date::parse("2026-11-23");
        assert!(overdue(late, Status::Received, today));
        assert!(overdue(late, Status::Processing, today));
        assert!(!overdue(
            Date::parse("2026-11-24"),
            Status::Processing,
            today
        ));
        assert!(!overdue(late, Status::MoreDocumentsNeeded, today));
        assert!(!overdue(late, Status::ResultReady, today));
        assert!(!overdue(late, Status::Refused, today));
        assert!(!overdue(None, Status::Received, today));
    }

    #[test]
    fn filters_read_from_the_address_ignore_what_they_cannot_read() {
        let query = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let filter = QueueFilter::from_query(query(&[
            ("status", "more_documents_needed"),
            ("procedure", "1.001193"),
            ("from", "2026-11-01"),
            ("to", "2026-11-31"),
            ("ward", "70"),
        ]));
        assert_eq!(filter.status, Some(Status::MoreDocumentsNeeded));
        assert_eq!(filter.procedure.as_deref(), Some("1.001193"));
        assert_eq!(filter.from, Date::parse("2026-11-01"));
        assert_eq!(filter.to, None, "30 days in November");
        assert_eq!(filter.ward, Some(70));
        assert_eq!(
            filter.to_query(),
            "status=more_documents_needed&procedure=1.001193&from=2026-11-01&ward=70"
        );
        let odd = QueueFilter::from_query(query(&[
            ("status", "lost"),
            ("procedure", "1'; DROP TABLE dossiers"),
            ("ward", "x"),
        ]));
        assert_eq!(odd, QueueFilter::default());
    }

    #[test]
    fn the_officer_reads_the_form_the_answers_and_the_checklist_with_what_was_done() {
        use crate::catalogue::store::Catalogue;
        let today = Date::parse("2026-11-24").unwrap();
        let mut draft = crate::dossier::example::birth_draft("d".into(), today.add_days(-10));
        draft.ticks.remove("birth_certificate");
        draft
            .attachments
            .push(crate::dossier::example::photo("a", "birth_certificate", 10));
        let procedure = Catalogue::embedded().procedure("1.001193").unwrap();
        let view = view_of(
            &draft,
            procedure,
            &crate::definition::definition(procedure),
            today,
        );
        assert!(view.procedure_name.vi.contains("khai sinh"));
        let ids: Vec<&str> = view.checklist.iter().map(|p| p.paper.id.as_str()).collect();
        assert_eq!(ids, crate::dossier::example::BIRTH_PAPERS);
        let certificate = &view.checklist[1];
        assert_eq!((certificate.ticked, certificate.files), (false, 1));
        assert!(view.checklist[0].ticked);
        assert!(view.answers.len() >= 5);
        assert!(view.answers.iter().any(|(_, a)| a.vi == "Có"));
        let rows: Vec<&(Text, Option<Text>)> = view.parts.iter().flat_map(|p| &p.rows).collect();
        assert!(
            rows.iter()
                .any(|(_, v)| v.as_ref().is_some_and(|v| v.vi == "Nguyễn Văn Bình"))
        );
    }

    #[test]
    fn dates_cover_whole_days_in_hanoi() {
        let filter = QueueFilter {
            from: Date::parse("2026-11-24"),
            to: Date::parse("2026-11-24"),
            ..QueueFilter::default()
        };
        let (from, to) = filter.received_between();
        // 2026-11-24 00:00 in Hà Nội is 2026-11-23 17:00 UTC.
        assert_eq!(from, Some(1_795_453_200_000));
        assert_eq!(to, Some(1_795_453_200_000 + 86_400_000 - 1));
        assert_eq!(
            Date::in_hanoi(from.unwrap()),
            Date::parse("2026-11-24").unwrap()
        );
        assert_eq!(
            Date::in_hanoi(to.unwrap()),
            Date::parse("2026-11-24").unwrap()
        );
    }
}
