//! 1.001776 Trợ cấp xã hội hằng tháng — the monthly social allowance, modelled for elderly people
//! (procedure-facts §13b; Decree 20/2021 Arts. 5(5) and 6).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "1.001776";

pub const ELDERLY_AGE: i64 = 60;

pub fn rules() -> Rules {
    let mut r = rules_for_filers(CODE, &["self", "child", "relative", "authorised"]);
    let elderly = is("group", "elderly");
    let poor_or_near = is_any("household", &["poor", "near_poor"]);
    let from_75_to_80 = all(vec![not(below("age", 75)), below("age", 81)]);
    let from_80 = not(below("age", 80));
    r.questions.extend([
        Question::new(
            "group",
            t("Trợ cấp này xin cho ai?", "Who is the allowance for?"),
            t("Nhóm đối tượng", "Group"),
            Kind::Choice(vec![
                Choice::new("elderly", t("Người cao tuổi", "An elderly person")),
                Choice::new("other", t("Nhóm khác: trẻ em không nơi nương tựa, người khuyết tật, người đơn thân nghèo nuôi con…", "Another group: children without support, people with disabilities, poor single parents…")),
            ]),
        ),
        Question::new(
            "age",
            t("Người cao tuổi đó bao nhiêu tuổi?", "How old is the elderly person?"),
            t("Tuổi", "Age"),
            Kind::Number { min: 0, max: 130, unit: t("tuổi", "years old") },
        )
        .when(elderly.clone()),
        Question::new(
            "household",
            t("Người đó thuộc hộ nào?", "Which kind of household is the person in?"),
            t("Hộ gia đình", "Household"),
            Kind::Choice(vec![
                Choice::new("poor", t("Hộ nghèo", "A poor household")),
                Choice::new("near_poor", t("Hộ cận nghèo", "A near-poor household")),
                Choice::new("neither", t("Không phải hộ nghèo, cận nghèo", "Neither")),
            ]),
        )
        .when(all(vec![elderly.clone(), not(below("age", ELDERLY_AGE))])),
        Question::new(
            "supporter",
            t("Người đó có người có nghĩa vụ phụng dưỡng (vợ, chồng, con, cháu…) mà người này không hưởng trợ cấp xã hội hằng tháng không?", "Does the person have someone obliged to support them (a spouse, child, grandchild…) who is not on monthly social allowance themselves?"),
            t("Có người phụng dưỡng", "Has a supporter"),
            Kind::YesNo,
        )
        .when(is("household", "poor")),
        Question::new(
            "remote",
            t("Người đó có sống ở xã, thôn vùng đồng bào dân tộc thiểu số và miền núi đặc biệt khó khăn không?", "Does the person live in an extremely disadvantaged ethnic-minority or mountain commune or village?"),
            t("Vùng đặc biệt khó khăn", "Extremely disadvantaged area"),
            Kind::YesNo,
        )
        .when(all(vec![from_75_to_80, poor_or_near])),
        Question::new(
            "pension",
            t("Người đó có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng hoặc trợ cấp xã hội hằng tháng không?", "Does the person receive a pension, a monthly social-insurance allowance or a monthly social allowance?"),
            t("Có lương hưu, trợ cấp", "Has a pension or allowance"),
            Kind::YesNo,
        )
        .when(all(vec![elderly.clone(), from_80.clone()])),
    ]);
    let later = t(
        "Từ đủ 75 tuổi, hoặc 70–74 tuổi thuộc hộ nghèo, cận nghèo: xem trợ cấp hưu trí xã hội (1.014027).",
        "From 75, or 70–74 in a poor or near-poor household: see the social pension (1.014027).",
    );
    r.outcomes = vec![
        Outcome::refuse(
            all(vec![elderly.clone(), below("age", ELDERLY_AGE)]),
            t("Người cao tuổi theo Nghị định 20/2021 là người từ đủ 60 tuổi.", "Under Decree 20/2021 an elderly person is 60 or over."),
            t("Nếu người đó thuộc nhóm khác (ví dụ người khuyết tật), bắt đầu lại và chọn nhóm khác.", "If the person belongs to another group (for example disability), start again and choose that group."),
        ),
        Outcome::unchecked(t(
            "Điều kiện của các nhóm khác (Điều 5 Nghị định 20/2021) do cán bộ lao động – xã hội xã, phường kiểm tra.",
            "The conditions of the other groups (Decree 20/2021, Art. 5) are checked by the commune's social-affairs officer.",
        ))
        .when(is("group", "other")),
        Outcome::eligible(no("supporter"), t(
            "Người đó thuộc điểm a khoản 5 Điều 5 Nghị định 20/2021: người cao tuổi thuộc hộ nghèo không có người phụng dưỡng. Hệ số 1,5 (từ đủ 80 tuổi: 2,0) nhân mức chuẩn trợ giúp xã hội.",
            "The person is in group (a) of Decree 20/2021, Art. 5(5): elderly, in a poor household, with no one to support them. Coefficient 1.5 (from 80: 2.0) times the standard level.",
        )),
        Outcome::eligible(yes("remote"), t(
            "Người đó thuộc điểm b khoản 5 Điều 5 Nghị định 20/2021: từ 75 đến 80 tuổi, hộ nghèo hoặc cận nghèo, sống ở vùng đặc biệt khó khăn. Hệ số 1,0.",
            "The person is in group (b): aged 75 to 80, poor or near-poor household, in an extremely disadvantaged area. Coefficient 1.0.",
        )),
        Outcome::eligible(no("pension"), t(
            "Người đó thuộc điểm c khoản 5 Điều 5 Nghị định 20/2021: từ đủ 80 tuổi, không có lương hưu hay trợ cấp hằng tháng. Hệ số 1,0. Từ 01/07/2025 nhóm này có thể đã chuyển sang trợ cấp hưu trí xã hội (1.014027).",
            "The person is in group (c): aged 80 or over with no pension or monthly allowance. Coefficient 1.0. Since 1 July 2025 this group may have moved to the social pension (1.014027).",
        ))
        .uncertain(),
        Outcome::refuse(
            Cond::Always,
            t(
                "Với các câu trả lời này, người đó không thuộc nhóm người cao tuổi nào của khoản 5 Điều 5 Nghị định 20/2021.",
                "With these answers the person is in none of the elderly groups of Decree 20/2021, Art. 5(5).",
            ),
            later,
        )
        .at_end(),
    ];
    r.documents = vec![
        DocumentRule::submit(
            "declaration",
            Cond::Always,
            t(
                "Tờ khai đề nghị trợ giúp xã hội (mẫu 1a–1đ, Nghị định 20/2021, theo nhóm đối tượng)",
                "Social assistance declaration (Forms 1a–1đ, Decree 20/2021, by group)",
            ),
            t(
                "Tờ khai là căn cứ để xét duyệt (Điều 7 Nghị định 20/2021).",
                "The declaration is what the decision is based on (Decree 20/2021, Art. 7).",
            ),
        ),
        DocumentRule::show(
            "residence_or_id",
            Cond::Always,
            t(
                "Thông tin cư trú hoặc giấy tờ tùy thân của người được trợ cấp",
                "Residence details or the identity paper of the person who will receive it",
            ),
            t(
                "Xuất trình khi nộp trực tiếp.",
                "Shown when filing in person.",
            ),
        ),
    ];
    r.documents.extend(authorisation(for_someone_else()));
    r.documents.push(identity());
    social_support_fee_and_time(&mut r);
    r.places = civil_status_places(true);
    r.notes = vec![LineRule::always(t(
        "Mức chuẩn trợ giúp xã hội là 360.000 đồng/tháng theo Nghị định 20/2021, đã được nâng lên 500.000 đồng từ 01/07/2024.",
        "The standard level is 360,000 ₫ a month in Decree 20/2021, raised to 500,000 ₫ from 1 July 2024.",
    ))
    .uncertain()];
    r
}

/// The dossier's form besides the applicant's part (shared with the related procedure).
pub fn sections() -> Vec<crate::dossier::form::Section> {
    crate::dossier::form::benefit_sections()
}
