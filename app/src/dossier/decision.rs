//! An officer's decisions on a dossier (plain Rust): which status may follow which, and what each
//! decision must carry — a reason for "more documents needed" and for a refusal, and for more
//! documents the papers that are missing, picked from the dossier's own checklist. Residents
//! complain of dossiers returned "with no reason, or a different reason each time": a decision
//! without its reason is refused here, before anything is stored.

use super::submission::Status;
use crate::eligibility::model::Text;

/// The longest reason kept (characters).
pub const MAX_REASON_CHARS: usize = 1000;

/// What an officer decides: the next status, the reason, the missing papers (checklist ids).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decision {
    pub to: Option<Status>,
    pub reason: String,
    pub missing: Vec<String>,
}

/// Why a decision cannot be stored.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DecisionProblem {
    /// The dossier is collected or refused: nothing follows.
    Closed,
    /// This status cannot follow the current one.
    NotAllowed {
        from: Status,
        to: Status,
    },
    NoStatus,
    ReasonRequired,
    ReasonTooLong,
    /// "More documents needed" names no paper.
    MissingRequired,
    /// A paper that is not on this dossier's checklist.
    UnknownDocument(String),
    /// Papers named for a decision that is not "more documents needed".
    MissingNotExpected,
}

/// The statuses an officer may move a dossier to from `from`.
pub fn next_statuses(from: Status) -> &'static [Status] {
    use Status::*;
    match from {
        Received => &[Processing, MoreDocumentsNeeded, Refused],
        Processing => &[MoreDocumentsNeeded, ResultReady, Refused],
        MoreDocumentsNeeded => &[Processing, Refused],
        ResultReady => &[Collected],
        Collected | Refused => &[],
    }
}

/// Whether `to` needs a written reason.
pub fn needs_reason(to: Status) -> bool {
    matches!(to, Status::MoreDocumentsNeeded | Status::Refused)
}

/// Checks a decision on a dossier now at `from` whose checklist has the papers `checklist`;
/// returns it tidied (reason trimmed, papers without repeats, in the checklist's order).
pub fn check(
    from: Status,
    decision: &Decision,
    checklist: &[String],
) -> Result<Decision, DecisionProblem> {
    if from.is_final() {
        return Err(DecisionProblem::Closed);
    }
    let to = decision.to.ok_or(DecisionProblem::NoStatus)?;
    if !next_statuses(from).contains(&to) {
        return Err(DecisionProblem::NotAllowed { from, to });
    }
    let reason = crate::input::clean(&decision.reason).trim().to_string();
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(DecisionProblem::ReasonTooLong);
    }
    if needs_reason(to) && reason.is_empty() {
        return Err(DecisionProblem::ReasonRequired);
    }
    if let Some(unknown) = decision.missing.iter().find(|m| !checklist.contains(m)) {
        return Err(DecisionProblem::UnknownDocument(unknown.clone()));
    }
    let missing: Vec<String> = checklist
        .iter()
        .filter(|paper| decision.missing.contains(paper))
        .cloned()
        .collect();
    match (to, missing.is_empty()) {
        (Status::MoreDocumentsNeeded, true) => return Err(DecisionProblem::MissingRequired),
        (Status::MoreDocumentsNeeded, false) | (_, true) => {}
        (_, false) => return Err(DecisionProblem::MissingNotExpected),
    }
    Ok(Decision {
        to: Some(to),
        reason,
        missing,
    })
}

/// Where a dossier goes when the resident sends the papers asked for: back to the office's queue.
/// `None` when nothing was asked.
pub fn after_supplement(from: Status) -> Option<Status> {
    (from == Status::MoreDocumentsNeeded).then_some(Status::Received)
}

impl DecisionProblem {
    /// What the officer reads, in their language.
    pub fn text(&self) -> Text {
        let t = Text::new;
        match self {
            DecisionProblem::Closed => t(
                "Hồ sơ đã kết thúc (đã trả kết quả hoặc đã từ chối), không thể đổi trạng thái.",
                "The dossier is closed (collected or refused); its status cannot change.",
            ),
            DecisionProblem::NotAllowed { from, to } => Text {
                vi: format!(
                    "Không thể chuyển từ “{}” sang “{}”.",
                    from.text().vi,
                    to.text().vi
                ),
                en: Some(format!(
                    "A dossier cannot go from “{}” to “{}”.",
                    from.text().get(true),
                    to.text().get(true)
                )),
            },
            DecisionProblem::NoStatus => t("Chọn trạng thái mới.", "Choose the new status."),
            DecisionProblem::ReasonRequired => t(
                "Ghi rõ lý do để người dân biết phải làm gì.",
                "Write the reason, so the resident knows what to do.",
            ),
            DecisionProblem::ReasonTooLong => t(
                "Lý do dài quá 1000 ký tự.",
                "The reason is longer than 1000 characters.",
            ),
            DecisionProblem::MissingRequired => t(
                "Chọn ít nhất một giấy tờ cần bổ sung.",
                "Choose at least one document that is missing.",
            ),
            DecisionProblem::UnknownDocument(_) => t(
                "Giấy tờ này không có trong danh sách của hồ sơ.",
                "That document is not on this dossier's checklist.",
            ),
            DecisionProblem::MissingNotExpected => t(
                "Chỉ chọn giấy tờ cần bổ sung khi yêu cầu bổ sung hồ sơ.",
                "Documents are only chosen when asking for more documents.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    fn papers() -> Vec<String> {
        ["birth_certificate", "applicant_id", "marriage_certificate"]
            .map(String::from)
            .to_vec()
    }

    fn decide(to: Status, reason: &str, missing: &[&str]) -> Decision {
        Decision {
            to: Some(to),
            reason: reason.into(),
            missing: missing.iter().map(|m| m.to_string()).collect(),
        }
    }

    #[test]
    fn the_journey_of_a_dossier() {
        let list = papers();
        let steps = [
            (Received, decide(Processing, "", &[])),
            (
                Processing,
                decide(
                    MoreDocumentsNeeded,
                    "Ảnh giấy chứng sinh bị mờ",
                    &["birth_certificate"],
                ),
            ),
            // The resident sent the paper: back in the queue.
            (Received, decide(Processing, "", &[])),
            (Processing, decide(ResultReady, "", &[])),
            (ResultReady, decide(Collected, "", &[])),
        ];
        for (from, decision) in &steps {
            assert!(
                check(*from, decision, &list).is_ok(),
                "{from:?} → {decision:?}"
            );
        }
        assert_eq!(after_supplement(MoreDocumentsNeeded), Some(Received));
        assert_eq!(after_supplement(Processing), None);
        assert!(next_statuses(Collected).is_empty() && next_statuses(Refused).is_empty());
    }

    #[test]
    fn no_step_is_skipped_or_undone() {
        let list = papers();
        assert_eq!(
            check(Received, &decide(ResultReady, "", &[]), &list),
            Err(DecisionProblem::NotAllowed {
                from: Received,
                to: ResultReady
            })
        );
        assert!(check(ResultReady, &decide(Processing, "", &[]), &list).is_err());
        assert_eq!(
            check(Collected, &decide(Refused, "x", &[]), &list),
            Err(DecisionProblem::Closed)
        );
        assert_eq!(
            check(Received, &Decision::default(), &list),
            Err(DecisionProblem::NoStatus)
        );
    }

    #[test]
    fn refusals_and_requests_for_papers_say_why() {
        let list = papers();
        assert_eq!(
            check(Processing, &decide(Refused, "   ", &[]), &list),
            Err(DecisionProblem::ReasonRequired)
        );
        assert_eq!(
            check(Processing, &decide(Refused, &"x".repeat(1001), &[]), &list),
            Err(DecisionProblem::ReasonTooLong)
        );
        assert_eq!(
            check(
                Received,
                &decide(MoreDocumentsNeeded, "Thiếu giấy tờ", &[]),
                &list
            ),
            Err(DecisionProblem::MissingRequired)
        );
        assert_eq!(
            check(
                Received,
                &decide(MoreDocumentsNeeded, "", &["applicant_id"]),
                &list
            ),
            Err(DecisionProblem::ReasonRequired)
        );
        assert_eq!(
            check(
                Received,
                &decide(MoreDocumentsNeeded, "Bản sao", &["passport"]),
                &list
            ),
            Err(DecisionProblem::UnknownDocument("passport".into()))
        );
        assert_eq!(
            check(Received, &decide(Processing, "", &["applicant_id"]), &list),
            Err(DecisionProblem::MissingNotExpected)
        );
        // Tidied: reason trimmed, papers once each, in the checklist's order.
        let tidy = check(
            Received,
            &decide(
                MoreDocumentsNeeded,
                "  Ảnh bị mờ  ",
                &[
                    "marriage_certificate",
                    "birth_certificate",
                    "marriage_certificate",
                ],
            ),
            &list,
        )
        .unwrap();
        assert_eq!(tidy.reason, "Ảnh bị mờ");
        assert_eq!(tidy.missing, ["birth_certificate", "marriage_certificate"]);
        // Every problem has a sentence in both languages.
        for problem in [
            DecisionProblem::Closed,
            DecisionProblem::NotAllowed {
                from: Received,
                to: Collected,
            },
            DecisionProblem::NoStatus,
            DecisionProblem::ReasonRequired,
            DecisionProblem::ReasonTooLong,
            DecisionProblem::MissingRequired,
            DecisionProblem::UnknownDocument("x".into()),
            DecisionProblem::MissingNotExpected,
        ] {
            let text = problem.text();
            assert!(!text.vi.is_empty() && text.en.is_some(), "{problem:?}");
        }
    }
}
