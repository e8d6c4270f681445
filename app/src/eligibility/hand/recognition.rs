//! 1.001022 Đăng ký nhận cha, mẹ, con — recognition of a parent or child (procedure-facts §11;
//! Law on Civil Status Arts. 24–25).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "1.001022";

pub fn rules() -> Rules {
    let mut r = rules_for_filers(CODE, &["self", "child", "relative", "authorised"]);
    r.questions.extend([
        Question::new(
            "foreign",
            t(
                "Có bên nào có quốc tịch nước ngoài không?",
                "Does anyone involved hold a foreign nationality?",
            ),
            t("Có người nước ngoài", "Foreign national"),
            Kind::YesNo,
        ),
        Question::new(
            "with_birth",
            t(
                "Trẻ có đang được đăng ký khai sinh cùng lúc không?",
                "Is the child's birth being registered at the same time?",
            ),
            t("Khai sinh cùng lúc", "With birth registration"),
            Kind::YesNo,
        ),
        Question::new(
            "dispute",
            t(
                "Có ai tranh chấp về quan hệ cha, mẹ, con này không?",
                "Does anyone dispute this parent–child relationship?",
            ),
            t("Có tranh chấp", "Disputed"),
            Kind::YesNo,
        ),
        Question::new(
            "evidence",
            t(
                "Bạn có văn bản của cơ quan y tế, giám định (ví dụ kết quả xét nghiệm ADN) xác nhận quan hệ cha, mẹ, con không?",
                "Do you have a medical or forensic document (for example a DNA test) confirming the relationship?",
            ),
            t("Có văn bản xác nhận quan hệ", "Proof of relationship"),
            Kind::YesNo,
        ),
    ]);
    r.outcomes = vec![
        Outcome::route(yes("foreign"), "2.000779", t(
            "Nhận cha, mẹ, con có yếu tố nước ngoài là thủ tục riêng.",
            "Recognition with a foreign element has its own procedure.",
        )),
        Outcome::route(yes("with_birth"), "1.000689", t(
            "Khai sinh cùng lúc với nhận cha, mẹ, con thì làm thủ tục kết hợp.",
            "Birth and recognition together are registered under the combined procedure.",
        )),
        Outcome::refuse(
            yes("dispute"),
            t(
                "Chỉ đăng ký nhận cha, mẹ, con khi không có tranh chấp (Điều 25 Luật Hộ tịch).",
                "Recognition is registered only when no one disputes it (Law on Civil Status, Art. 25).",
            ),
            t(
                "Tranh chấp về quan hệ cha, mẹ, con do Tòa án giải quyết.",
                "A dispute about parentage is settled by a court.",
            ),
        )
        .uncertain(),
        Outcome::eligible(Cond::Always, t(
            "Bạn đăng ký nhận cha, mẹ, con được tại xã, phường nơi cư trú của người nhận hoặc người được nhận (Điều 24 Luật Hộ tịch).",
            "You can register the recognition where the person recognising or being recognised lives (Law on Civil Status, Art. 24).",
        )),
    ];
    r.documents = vec![
        form(
            "form",
            "Tờ khai đăng ký nhận cha, mẹ, con",
            "Recognition registration form",
        ),
        DocumentRule::submit(
            "relationship_evidence",
            yes("evidence"),
            t(
                "Văn bản của cơ quan y tế, giám định hoặc cơ quan có thẩm quyền xác nhận quan hệ cha, mẹ, con",
                "A medical, forensic or other official document confirming the relationship",
            ),
            t(
                "Chứng cứ chứng minh quan hệ cha, mẹ, con (Điều 25 Luật Hộ tịch).",
                "Evidence of the relationship (Law on Civil Status, Art. 25).",
            ),
        ),
        DocumentRule::submit(
            "sworn_statement",
            no("evidence"),
            t(
                "Văn bản cam đoan của các bên về quan hệ cha, mẹ, con, có ít nhất hai người làm chứng",
                "A sworn statement by the parties about the relationship, with at least two witnesses",
            ),
            t(
                "Không có văn bản xác nhận thì thay bằng cam đoan có hai người làm chứng.",
                "Without an official document, a sworn statement with two witnesses replaces it.",
            ),
        ),
    ];
    r.documents.extend(authorisation(for_someone_else()));
    r.documents.push(DocumentRule::show(
        "identity_parties",
        Cond::Always,
        t(
            "Giấy tờ tùy thân của các bên",
            "Identity papers of everyone involved",
        ),
        t(
            "Các bên phải có mặt khi đăng ký (Điều 25 Luật Hộ tịch).",
            "All parties must be present (Law on Civil Status, Art. 25).",
        ),
    ));
    r.fees = vec![council_fee(Cond::Always)];
    r.times = vec![working_days(
        Cond::Always,
        3,
        "thêm tối đa 5 ngày làm việc nếu cần xác minh",
        "up to 5 more working days if verification is needed",
    )];
    r.places = civil_status_places(true);
    r.notes = vec![LineRule::always(t(
        "Người nhận và người được nhận phải cùng có mặt khi đăng ký.",
        "The person recognising and the person recognised must both be present.",
    ))];
    r
}

/// The dossier's form besides the applicant's part (the same for every answer): recognition of a parent or a child.
pub fn sections() -> Vec<crate::dossier::form::Section> {
    form::sections()
}

mod form {
    use crate::dossier::form::*;

    pub fn sections() -> Vec<Section> {
        vec![
            subject(t("Người nhận cha, mẹ hoặc con", "The person recognising")),
            person_section(
                "child",
                t("Người được nhận là con", "The child"),
                None,
                FULL,
                false,
            ),
            section(
                "relation",
                t("Quan hệ", "The relationship"),
                vec![Field::new(
                    "relation",
                    t("Người nhận là", "The person recognising is the"),
                    Kind::Choice(vec![
                        Choice {
                            value: "father".into(),
                            label: t("Cha", "Father"),
                        },
                        Choice {
                            value: "mother".into(),
                            label: t("Mẹ", "Mother"),
                        },
                    ]),
                )],
            ),
        ]
    }
}
