//! `POST /api/eligibility/check`: the server's own reading of a procedure's rules for a set of
//! answers (the same function the pages run), so that a submission can be refused when its
//! check is not done, says "not here", or lacks a required paper.

use crate::catalogue::CatalogueError;
use crate::eligibility::CheckReport;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use std::collections::BTreeMap;

#[server(endpoint = "eligibility/check", input = Json)]
pub async fn check_eligibility(
    code: String,
    answers: BTreeMap<String, String>,
) -> Result<CheckReport, CatalogueError> {
    ssr::check(&code, answers)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::catalogue::CatalogueError;
    use crate::catalogue::store::Catalogue;
    use crate::eligibility::{self, CheckReport, answers::Answers};
    use std::collections::BTreeMap;

    pub fn check(
        code: &str,
        answers: BTreeMap<String, String>,
    ) -> Result<CheckReport, CatalogueError> {
        let procedure = Catalogue::embedded()
            .procedure(code.trim())
            .ok_or(CatalogueError::NotFound)?;
        let answers = Answers::from_pairs(answers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        Ok(eligibility::check(
            procedure,
            &answers,
            crate::clock::today(),
        ))
    }
}
