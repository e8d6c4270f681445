//! Everything the portal knows about filing one procedure: its eligibility rules, its dossier
//! form and the answers of the check that fill the form in. The same Rust code builds it for
//! every page — each of the 14 hand-modelled procedures from its own file
//! (`eligibility/hand/<procedure>.rs`: rules, form, carried answers), every other one from its
//! catalogue record — on the server; the browser receives it as data
//! (`GET /api/catalogue/definition?code=…`, kept by the service worker for offline use) and runs
//! the same evaluation, validation and readiness code on it. So no bundle of wasm carries the
//! rules and forms of all procedures, and both sides apply the same ones.

use crate::catalogue::model::Procedure;
use crate::dossier::form::{Data, Section, applicant, generic_sections};
use crate::eligibility::answers::Answers;
use crate::eligibility::date::Date;
use crate::eligibility::model::Rules;
use crate::eligibility::{CheckReport, check_rules, generic, hand};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Definition {
    pub rules: Rules,
    pub form: Form,
}

/// A procedure's dossier form: what the form's pages need (they are served it alone,
/// `GET /api/catalogue/form?code=…`, without the rules).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Form {
    /// The procedure's code (`1.001193`).
    pub code: String,
    /// The form's parts, the applicant's first (the documents follow the checklist).
    pub sections: Vec<Section>,
    /// Answers of the check that are also fields of the dossier: (answer, date field).
    pub carried: Vec<(String, String)>,
}

/// The definition of `procedure`.
pub fn definition(procedure: &Procedure) -> Definition {
    let code = procedure.code.as_str();
    let mut sections = vec![applicant()];
    sections.extend(hand::sections(code).unwrap_or_else(generic_sections));
    Definition {
        rules: hand::rules(code).unwrap_or_else(|| generic::rules(procedure)),
        form: Form {
            code: procedure.code.clone(),
            sections,
            carried: hand::carried(code)
                .iter()
                .map(|(answer, field)| (answer.to_string(), field.to_string()))
                .collect(),
        },
    }
}

/// The dossier's fields that `carried` (answer, date field) fills from the check's `answers`.
pub fn carried_fields(carried: &[(String, String)], answers: &BTreeMap<String, String>) -> Data {
    let mut data = Data::new();
    for (answer, field) in carried {
        if let Some(date) = answers.get(answer).and_then(|a| Date::parse(a)) {
            data.insert(format!("{field}_day"), date.day.to_string());
            data.insert(format!("{field}_month"), date.month.to_string());
            data.insert(format!("{field}_year"), date.year.to_string());
        }
    }
    data
}

impl Form {
    /// The parts shown for a dossier: without those about "someone else" when it is the
    /// applicant's own.
    pub fn sections_shown(&self, for_someone_else: bool) -> Vec<&Section> {
        self.sections
            .iter()
            .filter(|s| for_someone_else || !s.only_for_someone_else)
            .collect()
    }

    /// The part `id`.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The dossier's fields filled from the check's answers, for a new draft.
    pub fn carried_from_check(&self, answers: &BTreeMap<String, String>) -> Data {
        carried_fields(&self.carried, answers)
    }
}

impl Definition {
    /// The procedure's code.
    pub fn code(&self) -> &str {
        &self.form.code
    }

    /// What the check concludes from `answers` as of `today` (see [`check_rules`]).
    pub fn check(&self, answers: &Answers, today: Date) -> CheckReport {
        check_rules(&self.rules, answers, today)
    }
}

/// The definition of the procedure `code` in the committed catalogue (for tests).
#[cfg(test)]
pub fn of(code: &str) -> Definition {
    use crate::catalogue::store::Catalogue;
    definition(Catalogue::embedded().procedure(code).expect(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::store::Catalogue;

    #[test]
    fn a_definition_travels_as_json_unchanged() {
        for code in hand::CODES.iter().copied().chain(["1.000000", "2.001001"]) {
            let Some(procedure) = Catalogue::embedded().procedure(code) else {
                continue;
            };
            let definition = definition(procedure);
            let json = serde_json::to_string(&definition).unwrap();
            let back: Definition = serde_json::from_str(&json).unwrap();
            assert_eq!(back, definition, "{code}");
        }
    }

    #[test]
    fn dates_given_in_the_check_are_not_asked_again() {
        let answers: BTreeMap<String, String> = [
            ("born".to_string(), "2026-11-14".to_string()),
            ("who".to_string(), "child".to_string()),
        ]
        .into();
        let birth = of("1.001193");
        let carried = birth.form.carried_from_check(&answers);
        assert_eq!(carried["child_birth_day"], "14");
        assert_eq!(carried["child_birth_month"], "11");
        assert_eq!(carried["child_birth_year"], "2026");
        // The field exists in the birth dossier and the date is valid there.
        let today = Date::new(2026, 11, 24).unwrap();
        let child = birth.form.section("child").expect("child part");
        assert!(
            child
                .problems(&carried, today)
                .iter()
                .all(|(field, _)| field != "child_birth")
        );
        let died: BTreeMap<String, String> =
            [("died".to_string(), "2026-11-03".to_string())].into();
        assert_eq!(
            of("1.000656").form.carried_from_check(&died)["death_date_day"],
            "3"
        );
        // Other procedures, damaged answers: nothing carried.
        assert!(of("1.000894").form.carried_from_check(&answers).is_empty());
        let bad: BTreeMap<String, String> = [("born".to_string(), "2026-13-40".to_string())].into();
        assert!(birth.form.carried_from_check(&bad).is_empty());
    }

    #[test]
    fn the_subject_is_asked_only_when_filing_for_someone_else() {
        let pension = of("1.014027");
        let ids = |other| -> Vec<String> {
            pension
                .form
                .sections_shown(other)
                .iter()
                .map(|s| s.id.clone())
                .collect()
        };
        assert_eq!(ids(false), ["applicant", "payment"]);
        assert_eq!(ids(true), ["applicant", "subject", "payment"]);
    }
}
