//! "Can I do this here, and what must I bring?": the eligibility check and the personal document
//! checklist. Plain Rust, the same in the browser (the pages run it offline) and on the server
//! (the pages without script, and the check a submission must pass).
//!
//! - `model`: questions, conditions, outcomes, document, fee, time and place rules.
//! - `answers`, `date`: the answers as they travel in addresses and forms, checked.
//! - `evaluate`: runs the rules: the next question, or the outcome and the checklist.
//! - `common`: rules every procedure shares (who it is for, the authorisation, identity).
//! - `hand/`: the 14 procedures modelled from the fact sheet; `generic`: every other one.

pub mod answers;
pub mod common;
pub mod date;
pub mod evaluate;
pub mod generic;
pub mod hand;
pub mod model;

#[cfg(test)]
mod catalogue_test;
#[cfg(test)]
mod hand_test;
#[cfg(test)]
mod paths;

use crate::catalogue::model::Procedure;
use answers::Answers;
use date::Date;
use evaluate::evaluate;
use model::{Rules, Verdict};
use serde::{Deserialize, Serialize};

/// The rules for a procedure: hand-made for the 14 of the fact sheet, generic for the others.
pub fn rules_for(procedure: &Procedure) -> Rules {
    hand::rules(&procedure.code).unwrap_or_else(|| generic::rules(procedure))
}

/// What the server concludes from a procedure and a set of answers: what a submission is
/// checked against.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckReport {
    /// Every question needed was answered.
    pub done: bool,
    pub verdict: Option<Verdict>,
    /// The procedure to file instead, when routed.
    pub route: Option<String>,
    /// Ids of the documents the checklist requires.
    pub documents: Vec<String>,
    /// The answers that count, canonical.
    pub answers: Answers,
}

impl CheckReport {
    /// A submission may go ahead: the check is done and says the resident can file here (or
    /// leaves the conditions to the office).
    pub fn allows_submission(&self) -> bool {
        self.done && matches!(self.verdict, Some(Verdict::Eligible | Verdict::Unchecked))
    }

    /// Required documents missing from `provided`.
    pub fn missing<'a>(&'a self, provided: &[String]) -> Vec<&'a str> {
        self.documents
            .iter()
            .filter(|d| !provided.contains(d))
            .map(String::as_str)
            .collect()
    }
}

/// Checks `answers` for `procedure` as of `today`: one function for the pages and the server.
pub fn check(procedure: &Procedure, answers: &Answers, today: Date) -> CheckReport {
    check_rules(&rules_for(procedure), answers, today)
}

/// Checks `answers` against a procedure's `rules` as of `today`.
pub fn check_rules(rules: &Rules, answers: &Answers, today: Date) -> CheckReport {
    let evaluation = evaluate(rules, answers, today);
    let outcome = evaluation.outcome.map(|i| &rules.outcomes[i]);
    CheckReport {
        done: evaluation.is_done(),
        verdict: outcome.map(|o| o.verdict),
        route: outcome.and_then(|o| o.route.clone()),
        documents: evaluation
            .documents
            .iter()
            .map(|&i| rules.documents[i].id.clone())
            .collect(),
        answers: evaluation.answers(rules),
    }
}
