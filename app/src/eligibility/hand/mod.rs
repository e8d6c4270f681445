//! The 14 procedures modelled by hand from `procedure-facts.md`, one file each.

use super::model::Rules;

pub mod birth;
pub mod civil_status_change;
pub mod copy_certification;
pub mod death;
pub mod extract_copy;
pub mod guardianship;
pub mod marital_status;
pub mod marriage;
pub mod permanent_residence;
pub mod recognition;
pub mod signature_certification;
pub mod social_allowance;
pub mod social_pension;
pub mod temporary_residence;

/// The codes modelled by hand.
pub const CODES: [&str; 14] = [
    birth::CODE,
    death::CODE,
    marriage::CODE,
    marital_status::CODE,
    permanent_residence::CODE,
    temporary_residence::CODE,
    copy_certification::CODE,
    signature_certification::CODE,
    extract_copy::CODE,
    guardianship::CODE,
    recognition::CODE,
    civil_status_change::CODE,
    social_pension::CODE,
    social_allowance::CODE,
];

/// Each procedure's file holds its rules, its dossier form (`sections`: besides the applicant's
/// part) and the answers of the check that fill the form (`CARRIED`).
/// The dossier form's own parts for `code`, if it is one of the 14.
pub fn sections(code: &str) -> Option<Vec<crate::dossier::form::Section>> {
    Some(match code {
        birth::CODE => birth::sections(),
        death::CODE => death::sections(),
        marriage::CODE => marriage::sections(),
        marital_status::CODE => marital_status::sections(),
        permanent_residence::CODE => permanent_residence::sections(),
        temporary_residence::CODE => temporary_residence::sections(),
        copy_certification::CODE => copy_certification::sections(),
        signature_certification::CODE => signature_certification::sections(),
        extract_copy::CODE => extract_copy::sections(),
        guardianship::CODE => guardianship::sections(),
        recognition::CODE => recognition::sections(),
        civil_status_change::CODE => civil_status_change::sections(),
        social_pension::CODE => social_pension::sections(),
        social_allowance::CODE => social_allowance::sections(),
        _ => return None,
    })
}

/// Answers of the check that are also fields of `code`'s dossier: (answer, date field). Nothing
/// the resident gave once is asked again (WCAG 3.3.7).
pub fn carried(code: &str) -> &'static [(&'static str, &'static str)] {
    match code {
        birth::CODE => birth::CARRIED,
        death::CODE => death::CARRIED,
        _ => &[],
    }
}

/// The hand-made rules for `code`, if it is one of the 14.
pub fn rules(code: &str) -> Option<Rules> {
    Some(match code {
        birth::CODE => birth::rules(),
        death::CODE => death::rules(),
        marriage::CODE => marriage::rules(),
        marital_status::CODE => marital_status::rules(),
        permanent_residence::CODE => permanent_residence::rules(),
        temporary_residence::CODE => temporary_residence::rules(),
        copy_certification::CODE => copy_certification::rules(),
        signature_certification::CODE => signature_certification::rules(),
        extract_copy::CODE => extract_copy::rules(),
        guardianship::CODE => guardianship::rules(),
        recognition::CODE => recognition::rules(),
        civil_status_change::CODE => civil_status_change::rules(),
        social_pension::CODE => social_pension::rules(),
        social_allowance::CODE => social_allowance::rules(),
        _ => return None,
    })
}
