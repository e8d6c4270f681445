//! 1.014027 Trợ cấp hưu trí xã hội — the social pension (procedure-facts §13a; Law on Social
//! Insurance 2024, Decree 176/2025).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "1.014027";

/// Everyone from this age (group 1) …
pub const AGE: i64 = 75;
/// … and from this age in a poor or near-poor household (group 2).
pub const POOR_AGE: i64 = 70;

pub fn rules() -> Rules {
    let mut r = rules_for_filers(CODE, &["self", "relative", "authorised"]);
    let group_2 = all(vec![below("age", AGE), not(below("age", POOR_AGE))]);
    r.questions.extend([
        Question::new(
            "age",
            t(
                "Người hưởng trợ cấp bao nhiêu tuổi?",
                "How old is the person who would receive the pension?",
            ),
            t("Tuổi", "Age"),
            Kind::Number {
                min: 0,
                max: 130,
                unit: t("tuổi", "years old"),
            },
        )
        .hint(t("Số tuổi tròn.", "In full years.")),
        Question::new(
            "citizen",
            t(
                "Người đó có phải công dân Việt Nam không?",
                "Is the person a Vietnamese citizen?",
            ),
            t("Công dân Việt Nam", "Vietnamese citizen"),
            Kind::YesNo,
        ),
        Question::new(
            "poor",
            t(
                "Người đó có thuộc hộ nghèo hoặc hộ cận nghèo không?",
                "Is the person in a poor or near-poor household?",
            ),
            t("Hộ nghèo, cận nghèo", "Poor or near-poor household"),
            Kind::YesNo,
        )
        .hint(t(
            "Hộ đã được UBND xã, phường công nhận là hộ nghèo, hộ cận nghèo.",
            "A household recognised as poor or near-poor by the commune or ward.",
        ))
        .when(group_2.clone()),
        Question::new(
            "pension",
            t(
                "Người đó có đang nhận lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng không?",
                "Does the person receive a pension or a monthly social-insurance allowance?",
            ),
            t("Lương hưu, trợ cấp BHXH", "Pension or allowance"),
            Kind::Choice(vec![
                Choice::new("none", t("Không", "No")),
                Choice::new(
                    "lower",
                    t(
                        "Có, nhưng thấp hơn mức trợ cấp hưu trí xã hội",
                        "Yes, but less than the social pension",
                    ),
                ),
                Choice::new(
                    "higher",
                    t(
                        "Có, bằng hoặc cao hơn mức trợ cấp hưu trí xã hội",
                        "Yes, the same or more than the social pension",
                    ),
                ),
            ]),
        ),
    ]);
    let next = t(
        "Người cao tuổi thuộc hộ nghèo không có người phụng dưỡng có thể được trợ cấp xã hội hằng tháng (1.001776).",
        "An elderly person in a poor household with no one to support them may get the monthly social allowance (1.001776).",
    );
    r.outcomes = vec![
        Outcome::refuse(
            below("age", POOR_AGE),
            t(
                "Trợ cấp hưu trí xã hội dành cho người từ đủ 75 tuổi, hoặc từ đủ 70 đến dưới 75 tuổi thuộc hộ nghèo, hộ cận nghèo.",
                "The social pension is for people aged 75 or over, or 70 to 74 in a poor or near-poor household.",
            ),
            next.clone(),
        ),
        Outcome::refuse(
            no("citizen"),
            t(
                "Trợ cấp hưu trí xã hội chỉ dành cho công dân Việt Nam.",
                "The social pension is for Vietnamese citizens only.",
            ),
            t(
                "Hỏi UBND xã, phường về các hình thức trợ giúp khác.",
                "Ask the commune or ward about other support.",
            ),
        ),
        Outcome::refuse(
            no("poor"),
            t(
                "Từ 70 đến dưới 75 tuổi chỉ được hưởng khi thuộc hộ nghèo, hộ cận nghèo; từ đủ 75 tuổi thì không cần điều kiện này.",
                "From 70 to 74 the pension is only for poor or near-poor households; from 75 this condition falls away.",
            ),
            t(
                "Nộp hồ sơ khi người đó đủ 75 tuổi, hoặc khi hộ được công nhận hộ nghèo, cận nghèo (1.011607).",
                "Apply when the person turns 75, or once the household is recognised as poor or near-poor (1.011607).",
            ),
        ),
        Outcome::refuse(
            is("pension", "higher"),
            t(
                "Người đang nhận lương hưu, trợ cấp BHXH hằng tháng bằng hoặc cao hơn mức trợ cấp hưu trí xã hội thì không được hưởng.",
                "Someone whose pension or monthly social-insurance allowance is the same as or more than the social pension does not receive it.",
            ),
            t("Không cần làm thủ tục này.", "There is no need to apply."),
        ),
        Outcome::eligible(
            not(below("age", AGE)),
            t(
                "Người đó đủ điều kiện nhóm 1: công dân Việt Nam từ đủ 75 tuổi, không có lương hưu hoặc có mức thấp hơn trợ cấp hưu trí xã hội.",
                "The person qualifies in group 1: a Vietnamese citizen aged 75 or over with no pension, or one below the social pension.",
            ),
        ),
        Outcome::eligible(
            Cond::Always,
            t(
                "Người đó đủ điều kiện nhóm 2: từ đủ 70 đến dưới 75 tuổi, thuộc hộ nghèo hoặc cận nghèo, không có lương hưu hoặc có mức thấp hơn.",
                "The person qualifies in group 2: aged 70 to 74, in a poor or near-poor household, with no pension or one below the social pension.",
            ),
        ),
    ];
    r.documents = vec![DocumentRule::submit(
        "request",
        Cond::Always,
        t(
            "Văn bản đề nghị hưởng trợ cấp hưu trí xã hội (Mẫu số 01, Nghị định 176/2025/NĐ-CP)",
            "Written request for the social pension (Form 01, Decree 176/2025/NĐ-CP)",
        ),
        t(
            "Văn bản đề nghị là điều kiện để được hưởng; cũng dùng mẫu này khi chuyển nơi ở hoặc đổi thông tin.",
            "The written request is itself a condition; the same form moves the pension to a new address or changes details.",
        ),
    )];
    r.documents.extend(authorisation(for_someone_else()));
    r.documents.push(identity());
    social_support_fee_and_time(&mut r);
    r.places = civil_status_places(true);
    r.places[0] = LineRule::always(t(
        "Trung tâm Phục vụ hành chính công của xã, phường nơi người đó cư trú; cũng nộp được qua bưu chính.",
        "The public administration service centre of the commune or ward where the person lives; post is accepted too.",
    ));
    r.notes = vec![
        LineRule::always(t(
            "Mức trợ cấp: 500.000 đồng/tháng từ 01/07/2025; Hà Nội có thể hỗ trợ thêm.",
            "The amount: 500,000 ₫ a month from 1 July 2025; Hà Nội may add a top-up.",
        ))
        .uncertain(),
    ];
    r
}

/// The dossier's form besides the applicant's part (shared with the related procedure): the
/// person to receive the pension must be at least [`POOR_AGE`] by their date of birth, counted
/// as the law counts a record that gives only the year ([`RecordedDate::age_on`]: from
/// 1 January), so "1944" is enough and no day is invented.
///
/// [`RecordedDate::age_on`]: crate::eligibility::date::RecordedDate::age_on
pub fn sections() -> Vec<crate::dossier::form::Section> {
    use crate::dossier::form::Kind as FieldKind;
    let mut sections = crate::dossier::form::benefit_sections();
    for field in sections
        .iter_mut()
        .flat_map(|s| s.fields.iter_mut())
        .filter(|f| f.id == "subject_birth")
    {
        if let FieldKind::Date { min_age, .. } = &mut field.kind {
            *min_age = Some(POOR_AGE as u32);
        }
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::form::{Data, shown_value};
    use crate::dossier::validate::Problem;
    use crate::eligibility::date::Date;

    fn birth_field() -> crate::dossier::form::Field {
        sections()
            .into_iter()
            .flat_map(|s| s.fields)
            .find(|f| f.id == "subject_birth")
            .unwrap()
    }

    fn born(day: &str, month: &str, year: &str) -> Data {
        [("day", day), ("month", month), ("year", year)]
            .into_iter()
            .map(|(part, v)| (format!("subject_birth_{part}"), v.to_string()))
            .collect()
    }

    #[test]
    fn a_father_whose_papers_give_only_the_year_1944_is_filed_for_as_born_in_1944() {
        let today = Date::new(2026, 12, 1).unwrap();
        let field = birth_field();
        let data = born("", "", "1944");
        assert_eq!(field.check(&data, today), Ok(()));
        // Kept as exactly what was given: no invented 1 January.
        assert_eq!(
            field.stored(&data),
            vec![("subject_birth_year".to_string(), "1944".to_string())]
        );
        assert_eq!(shown_value(&field, &data).unwrap().vi, "năm 1944");
        assert_eq!(
            field.check(&born("", "6", "1951"), today),
            Ok(()),
            "75 since June 2026"
        );
        // Too young by the rules, whichever way the date is recorded.
        assert_eq!(
            field.check(&born("", "", "1957"), today),
            Err(Problem::TooYoung { min_age: 70 })
        );
        assert_eq!(
            field.check(&born("2", "12", "1956"), today),
            Err(Problem::TooYoung { min_age: 70 })
        );
        assert_eq!(field.check(&born("", "", "1956"), today), Ok(()));
    }
}
