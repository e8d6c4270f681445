//! 1.004837 Đăng ký giám hộ — guardianship registration (procedure-facts §10; Law on Civil
//! Status Arts. 19–21).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "1.004837";

pub fn rules() -> Rules {
    let mut r = rules_for_filers(CODE, &["self", "relative", "authorised"]);
    r.questions.extend([
        Question::new(
            "foreign",
            t(
                "Người giám hộ hoặc người được giám hộ có quốc tịch nước ngoài không?",
                "Does the guardian or the person in their care hold a foreign nationality?",
            ),
            t("Có người nước ngoài", "Foreign national"),
            Kind::YesNo,
        ),
        Question::new(
            "kind",
            t(
                "Người giám hộ được cử, hay là người giám hộ đương nhiên theo luật?",
                "Was the guardian appointed, or are they the guardian by law?",
            ),
            t("Loại giám hộ", "Kind of guardianship"),
            Kind::Choice(vec![
                Choice::new(
                    "appointed",
                    t(
                        "Được cử (bởi UBND xã, phường hoặc Tòa án)",
                        "Appointed (by the commune or ward, or a court)",
                    ),
                ),
                Choice::new(
                    "statutory",
                    t(
                        "Đương nhiên theo Bộ luật Dân sự (ví dụ anh, chị cả hoặc ông bà của trẻ)",
                        "By law under the Civil Code (for example the eldest sibling or a grandparent)",
                    ),
                ),
            ]),
        ),
        Question::new(
            "several",
            t(
                "Có người khác cũng đủ điều kiện làm người giám hộ đương nhiên như bạn không?",
                "Does anyone else qualify as guardian by law, as you do?",
            ),
            t("Nhiều người đủ điều kiện", "Several qualify"),
            Kind::YesNo,
        )
        .when(is("kind", "statutory")),
    ]);
    r.outcomes = vec![
        Outcome::route(
            yes("foreign"),
            "1.001669",
            t(
                "Giám hộ có yếu tố nước ngoài là thủ tục riêng.",
                "Guardianship with a foreign element has its own procedure.",
            ),
        ),
        Outcome::eligible(
            Cond::Always,
            t(
                "Bạn đăng ký giám hộ được tại xã, phường nơi cư trú của người được giám hộ hoặc của người giám hộ (Điều 19 Luật Hộ tịch).",
                "You can register the guardianship where the person in care or the guardian lives (Law on Civil Status, Art. 19).",
            ),
        ),
    ];
    r.documents = vec![
        form(
            "form",
            "Tờ khai đăng ký giám hộ",
            "Guardianship registration form",
        ),
        DocumentRule::submit(
            "appointment",
            is("kind", "appointed"),
            t(
                "Văn bản cử người giám hộ theo Bộ luật Dân sự",
                "The document appointing the guardian under the Civil Code",
            ),
            t(
                "Giám hộ cử phải có văn bản cử (Điều 20 Luật Hộ tịch).",
                "An appointed guardian needs the appointment document (Law on Civil Status, Art. 20).",
            ),
        ),
        DocumentRule::submit(
            "statutory_proof",
            is("kind", "statutory"),
            t(
                "Giấy tờ chứng minh điều kiện làm người giám hộ đương nhiên",
                "Proof that you meet the conditions of a guardian by law",
            ),
            t(
                "Giám hộ đương nhiên phải chứng minh điều kiện theo Bộ luật Dân sự (Điều 21 Luật Hộ tịch).",
                "A guardian by law must prove the Civil Code's conditions (Law on Civil Status, Art. 21).",
            ),
        ),
        DocumentRule::submit(
            "agreement",
            yes("several"),
            t(
                "Văn bản thỏa thuận cử một người làm giám hộ",
                "A written agreement naming one of you as guardian",
            ),
            t(
                "Nhiều người cùng đủ điều kiện giám hộ đương nhiên thì phải thỏa thuận cử một người.",
                "When several people qualify, they agree in writing on one.",
            ),
        ),
    ];
    r.documents.extend(authorisation(for_someone_else()));
    r.documents.push(identity());
    r.fees = vec![LineRule::always(t(
        "Miễn lệ phí (Điều 11 Luật Hộ tịch).",
        "Free (Law on Civil Status, Art. 11).",
    ))];
    r.times = vec![
        working_days(
            Cond::Always,
            3,
            "Điều 20 Luật Hộ tịch",
            "Law on Civil Status, Art. 20",
        ),
        LineRule::always(t(
            "Cổng dịch vụ công ghi 5 ngày làm việc cho một trường hợp.",
            "The portal lists 5 working days for one case.",
        ))
        .uncertain(),
    ];
    r.places = civil_status_places(true);
    r.notes = vec![
        LineRule::always(t(
            "Khi nhận kết quả, xuất trình giấy tờ tùy thân và nộp bản chính các giấy tờ trong hồ sơ.",
            "When collecting the result, show your ID and hand in the originals of the dossier's papers.",
        )),
        LineRule::always(t(
            "Người được giám hộ: người chưa thành niên không còn cha mẹ hoặc cha mẹ không đủ năng lực, người mất năng lực hành vi dân sự. Người giám hộ phải có đủ năng lực hành vi dân sự và tư cách đạo đức tốt (Bộ luật Dân sự 2015).",
            "Guardianship is for minors without parents able to care for them, and people without civil-act capacity; the guardian must have full capacity and good character (Civil Code 2015).",
        ))
        .uncertain(),
    ];
    r
}

/// The dossier's form besides the applicant's part (the same for every answer): guardianship.
pub fn sections() -> Vec<crate::dossier::form::Section> {
    form::sections()
}

mod form {
    use crate::dossier::form::*;

    pub fn sections() -> Vec<Section> {
        vec![
            person_section(
                "ward",
                t("Người được giám hộ", "The person to be in guardianship"),
                None,
                FULL,
                false,
            ),
            section(
                "reason",
                t("Lý do giám hộ", "Why guardianship is needed"),
                vec![
                    Field::new("reason", t("Lý do", "Reason"), Kind::LongText { max: 500 }).hint(
                        t(
                            "Ví dụ: cha mẹ đều đã mất",
                            "For example, both parents have died",
                        ),
                    ),
                ],
            ),
        ]
    }
}
