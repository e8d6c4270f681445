//! A complete dossier for tests and load runs (compiled with `cfg(test)` or the `examples`
//! feature only): a birth registration, filed by a parent for a baby born on `born`, every part
//! filled in correctly, every paper of its checklist ticked, the office and the declaration done.

use super::model::{Attachment, Draft};
use crate::eligibility::date::Date;
use std::collections::BTreeMap;

/// The papers the birth checklist asks for with these answers.
pub const BIRTH_PAPERS: [&str; 4] = ["form", "birth_certificate", "identity", "residence_proof"];

pub fn birth_draft(id: String, born: Date) -> Draft {
    let born_text = format!("{:04}-{:02}-{:02}", born.year, born.month, born.day);
    let answers: BTreeMap<String, String> = [
        ("who", "child"),
        ("registered", "never"),
        ("has_papers", "no"),
        ("foreign", "no"),
        ("born", born_text.as_str()),
        ("married", "yes"),
        ("proof", "certificate"),
        ("special", "none"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let mut draft = Draft::new(id, "1.001193", answers, 0);
    let (day, month, year) = (
        born.day.to_string(),
        born.month.to_string(),
        born.year.to_string(),
    );
    for (k, v) in [
        ("applicant_name", "Nguyễn Văn An"),
        ("applicant_birth_day", "2"),
        ("applicant_birth_month", "3"),
        ("applicant_birth_year", "1985"),
        ("applicant_sex", "male"),
        ("applicant_id", "001085012345"),
        ("applicant_residence", "12 Hàng Bạc, Hoàn Kiếm"),
        ("applicant_phone", "0912 345 678"),
        ("child_name", "Nguyễn Văn Bình"),
        ("child_sex", "male"),
        ("child_birth_day", &day),
        ("child_birth_month", &month),
        ("child_birth_year", &year),
        ("child_birthplace", "Bệnh viện Phụ sản Hà Nội"),
        ("child_ethnicity", "Kinh"),
        ("child_nationality", "Việt Nam"),
        ("mother_name", "Trần Thị Hoa"),
        ("mother_birth_day", "5"),
        ("mother_birth_month", "6"),
        ("mother_birth_year", "1990"),
        ("mother_id", "001190012345"),
        ("mother_ethnicity", "Kinh"),
        ("mother_nationality", "Việt Nam"),
        ("mother_residence", "12 Hàng Bạc, Hoàn Kiếm"),
        ("father_known", "no"),
    ] {
        draft.form.insert(k.to_string(), v.to_string());
    }
    draft.ticks = BIRTH_PAPERS.iter().map(|s| s.to_string()).collect();
    // Phường Hoàn Kiếm.
    draft.office = Some(70);
    draft.declared = true;
    draft
}

/// A photo of `document`, as the device lists it.
pub fn photo(id: &str, document: &str, size: u64) -> Attachment {
    Attachment {
        id: id.to_string(),
        document: document.to_string(),
        name: format!("{document}.jpg"),
        mime: "image/jpeg".into(),
        size,
        width: Some(1500),
        height: Some(2000),
        added: 1,
    }
}
