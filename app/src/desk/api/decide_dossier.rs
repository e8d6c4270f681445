//! `POST /api/desk/decide`: an officer moves a dossier to its next status, with the reason and
//! the missing papers the rules require ([`crate::dossier::decision::check`]). Stored with who
//! and when in the dossier's append-only history, only if the dossier is still where the officer
//! saw it.

use crate::dossier::decision::DecisionProblem;
use crate::dossier::desk::DeskError;
use crate::dossier::submission::Status;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// The answer: stored, or what is wrong with the decision (the officer fixes it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decided {
    Stored,
    Refused(DecisionProblem),
}

#[server(endpoint = "desk/decide", input = Json)]
pub async fn decide_dossier(
    csrf: String,
    tracking_code: String,
    from: Status,
    to: Option<Status>,
    reason: String,
    missing: Vec<String>,
) -> Result<Decided, DeskError> {
    ssr::decide(csrf, tracking_code, from, to, reason, missing).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::Decided;
    use crate::api::store::{Transition, now_millis, storage_desk};
    use crate::catalogue::store::Catalogue;
    use crate::desk::api::session::{officer_with, unavailable};
    use crate::dossier::decision::{Decision, check};
    use crate::dossier::desk::DeskError;
    use crate::dossier::submission::Status;
    use crate::eligibility::answers::Answers;

    pub async fn decide(
        csrf: String,
        tracking_code: String,
        from: Status,
        to: Option<Status>,
        reason: String,
        missing: Vec<String>,
    ) -> Result<Decided, DeskError> {
        let staff = officer_with(&csrf).await?;
        if reason.len() > 16 * 1024 || missing.len() > 100 {
            return Err(DeskError::BadRequest);
        }
        let store = storage_desk()?;
        let dossier = store
            .desk_dossier(&tracking_code)
            .await
            .map_err(unavailable)?
            .ok_or(DeskError::NotFound)?;
        if !staff.may_handle(dossier.office) {
            return Err(DeskError::NotFound);
        }
        if dossier.status != from {
            return Err(DeskError::Changed);
        }
        // The checklist as the rules give it for the answers the resident sent.
        let checklist = Catalogue::embedded()
            .procedure(&dossier.draft.procedure)
            .map(|procedure| {
                crate::eligibility::check(
                    procedure,
                    &Answers(dossier.draft.answers.clone()),
                    crate::eligibility::date::Date::in_hanoi(dossier.received_at),
                )
                .documents
            })
            .unwrap_or_default();
        let decision = Decision {
            to,
            reason,
            missing,
        };
        let decision = match check(from, &decision, &checklist) {
            Ok(decision) => decision,
            Err(problem) => return Ok(Decided::Refused(problem)),
        };
        let stored = store
            .transition(Transition {
                tracking_code: dossier.tracking_code,
                from,
                to: decision.to.ok_or(DeskError::BadRequest)?,
                reason: (!decision.reason.is_empty()).then_some(decision.reason),
                missing: decision.missing,
                actor: staff.username,
                at: now_millis(),
            })
            .await
            .map_err(unavailable)?;
        if stored {
            Ok(Decided::Stored)
        } else {
            Err(DeskError::Changed)
        }
    }
}
