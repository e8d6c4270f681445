//! The journey for every procedure not modelled by hand: who it is for, which of the record's
//! variants applies, then the record's documents as a checklist. The conditions stay the
//! office's to check, and the page says so.

use super::common::*;
use super::model::*;
use crate::catalogue::model::{Procedure, ProcessingTime, TimeUnit};

pub fn rules(procedure: &Procedure) -> Rules {
    let mut r = Rules::new(&procedure.code);
    r.hand_modelled = false;
    r.questions = vec![
        who(&["self", "child", "relative", "authorised"]),
        relation(for_someone_else()),
    ];

    let mut variants: Vec<(&str, &ProcessingTime)> = Vec::new();
    for variant in &procedure.variants {
        let name = variant.name.trim();
        if !name.is_empty() && !variants.iter().any(|(n, _)| *n == name) {
            variants.push((name, &variant.time));
        }
    }
    if variants.len() > 1 {
        let choices = variants
            .iter()
            .enumerate()
            .map(|(i, (name, _))| Choice::new(&format!("v{}", i + 1), Text::vietnamese(name)))
            .collect();
        r.questions.push(
            Question::new(
                "variant",
                t("Trường hợp nào đúng với bạn?", "Which case is yours?"),
                t("Trường hợp", "Case"),
                Kind::Choice(choices),
            )
            .hint(t(
                "Các trường hợp như Cổng Dịch vụ công quốc gia công bố.",
                "The cases as the national portal publishes them.",
            )),
        );
        for (i, (_, time)) in variants.iter().enumerate() {
            if let Some(text) = time_text(time) {
                r.times
                    .push(LineRule::new(is("variant", &format!("v{}", i + 1)), text));
            }
        }
    }

    r.outcomes = vec![Outcome::unchecked(t(
        "Điều kiện của thủ tục này do cán bộ tiếp nhận kiểm tra; chúng tôi chưa thể kiểm tra thay bạn. Dưới đây là giấy tờ cần chuẩn bị theo hồ sơ đã công bố.",
        "The officer checks this procedure's conditions; we cannot check them for you yet. Below are the papers its published dossier asks for.",
    ))];

    for (g, group) in procedure.documents.iter().enumerate() {
        let why = if group.heading.is_empty() {
            t(
                "Có trong thành phần hồ sơ đã công bố của thủ tục.",
                "Listed in the procedure's published dossier.",
            )
        } else {
            t(
                &format!("Chỉ cần trong trường hợp: {}", group.heading),
                &format!("Only in this case (in Vietnamese): {}", group.heading),
            )
        };
        for (d, document) in group.documents.iter().enumerate() {
            r.documents.push(DocumentRule {
                id: format!("d{}_{}", g + 1, d + 1),
                when: Cond::Always,
                name: Text::vietnamese(&document.name),
                usage: group.kind,
                originals: document.originals,
                copies: document.copies,
                why: why.clone(),
                remark: None,
                uncertain: false,
            });
        }
    }
    r.documents.extend(authorisation(for_someone_else()));

    for body in &procedure.handled_by {
        r.places.push(LineRule::always(Text::vietnamese(body)));
    }
    if procedure.can_file_online() {
        r.places.push(online_place());
    }
    for condition in &procedure.conditions {
        r.notes.push(LineRule::always(Text::vietnamese(condition)));
    }
    r
}

fn time_text(time: &ProcessingTime) -> Option<Text> {
    let amount = time.amount?;
    let n = if amount.fract() == 0.0 {
        format!("{amount:.0}")
    } else {
        format!("{amount}")
    };
    let (vi, en) = match time.unit {
        TimeUnit::WorkingDays => ("ngày làm việc", "working days"),
        TimeUnit::Days => ("ngày", "days"),
        TimeUnit::Hours => ("giờ", "hours"),
        TimeUnit::Months => ("tháng", "months"),
        TimeUnit::Years => ("năm", "years"),
        TimeUnit::SameDay | TimeUnit::Unspecified => return None,
    };
    Some(t(&format!("{n} {vi}"), &format!("{n} {en}")))
}
