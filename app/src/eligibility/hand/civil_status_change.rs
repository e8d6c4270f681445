//! 1.004859 Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc — changing,
//! correcting or adding civil-status information (procedure-facts §12; Law on Civil Status
//! Arts. 26–29).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "1.004859";

pub fn rules() -> Rules {
    let mut r = rules_for_filers(CODE, &["self", "child", "relative", "authorised"]);
    r.questions.extend([
        Question::new(
            "foreign",
            t(
                "Việc hộ tịch này có yếu tố nước ngoài không (đăng ký ở nước ngoài, hoặc có người quốc tịch nước ngoài)?",
                "Does the record involve a foreign element (registered abroad, or a foreign national)?",
            ),
            t("Có yếu tố nước ngoài", "Foreign element"),
            Kind::YesNo,
        ),
        Question::new(
            "kind",
            t(
                "Bạn cần làm gì với thông tin hộ tịch?",
                "What do you need to do to the record?",
            ),
            t("Yêu cầu", "Request"),
            Kind::Choice(vec![
                Choice::new(
                    "change",
                    t(
                        "Thay đổi (ví dụ đổi tên, đổi thông tin cha mẹ sau khi nhận con nuôi)",
                        "Change it (for example a new name, or parents' details after adoption)",
                    ),
                ),
                Choice::new(
                    "correct",
                    t(
                        "Cải chính thông tin bị ghi sai khi đăng ký",
                        "Correct an error made at registration",
                    ),
                ),
                Choice::new(
                    "supplement",
                    t("Bổ sung thông tin còn thiếu", "Add missing information"),
                ),
                Choice::new(
                    "ethnicity",
                    t("Xác định lại dân tộc", "Re-determine ethnicity"),
                ),
            ]),
        ),
        Question::new(
            "own_name",
            t(
                "Có phải đổi tên riêng của người từ đủ 9 tuổi trở lên không?",
                "Is it the given name of someone aged 9 or over that changes?",
            ),
            t("Đổi tên người từ 9 tuổi", "Name change, aged 9+"),
            Kind::YesNo,
        )
        .when(is("kind", "change")),
        Question::new(
            "elsewhere",
            t(
                "Việc hộ tịch đó trước đây được đăng ký ở cơ quan khác không?",
                "Was the record first registered at another office?",
            ),
            t("Đăng ký ở nơi khác", "Registered elsewhere"),
            Kind::YesNo,
        ),
    ]);
    r.outcomes = vec![
        Outcome::route(
            yes("foreign"),
            "2.000748",
            t(
                "Thay đổi, cải chính hộ tịch có yếu tố nước ngoài là thủ tục riêng.",
                "Changes to a record with a foreign element have their own procedure.",
            ),
        ),
        Outcome::eligible(
            Cond::Always,
            t(
                "Bạn yêu cầu được tại UBND xã, phường nơi đã đăng ký hộ tịch trước đây hoặc nơi cư trú.",
                "You can ask at the commune or ward where the record was registered, or where you live.",
            ),
        ),
    ];
    r.documents = vec![
        form("form", "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "Form to change, correct or add civil-status information"),
        DocumentRule::submit("justification", Cond::Always,
            t("Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung (ví dụ giấy tờ cho thấy thông tin đúng)", "Papers that justify the change, correction or addition (for example papers showing the right information)"),
            t("Mọi yêu cầu thay đổi, cải chính, bổ sung phải có căn cứ (Điều 28, 29 Luật Hộ tịch).", "Every change, correction or addition needs grounds (Law on Civil Status, Arts. 28–29).")),
        DocumentRule::submit("consent_name", yes("own_name"),
            t("Sự đồng ý của người được đổi tên (từ đủ 9 tuổi trở lên)", "Consent of the person whose name changes (aged 9 or over)"),
            t("Đổi tên người từ đủ 9 tuổi phải được người đó đồng ý (khoản 2 Điều 27 Bộ luật Dân sự).", "Changing the name of someone aged 9 or over needs their consent (Civil Code, Art. 27(2)).")).uncertain(),
    ];
    r.documents.extend(authorisation(for_someone_else()));
    r.documents.extend([identity(), residence_proof()]);
    r.fees = vec![council_fee(Cond::Always)];
    r.times = vec![
        working_days(
            is_any("kind", &["change", "correct"]),
            3,
            "thêm tối đa 3 ngày làm việc nếu cần xác minh",
            "up to 3 more working days if verification is needed",
        ),
        LineRule::new(
            is("kind", "supplement"),
            t(
                "Làm ngay (Cổng dịch vụ công ghi 1 ngày làm việc).",
                "At once (the portal shows 1 working day).",
            ),
        ),
        working_days(is("kind", "ethnicity"), 3, "", "").uncertain(),
    ];
    r.places = civil_status_places(true);
    r.notes = vec![
        LineRule::new(
            yes("elsewhere"),
            t(
                "Xã, phường sẽ thông báo cho nơi đã đăng ký trước đây để ghi vào sổ (khoản 3 Điều 28 Luật Hộ tịch).",
                "The office informs the office of first registration, which updates its register (Law on Civil Status, Art. 28(3)).",
            ),
        ),
        LineRule::always(t(
            "Sau cải cách 2025, người từ 14 tuổi trở lên cũng làm tại xã, phường.",
            "Since the 2025 reform, people aged 14 and over also apply at the commune or ward.",
        ))
        .uncertain(),
    ];
    r
}

/// The dossier's form besides the applicant's part (the same for every answer): change or correction of civil-status information.
pub fn sections() -> Vec<crate::dossier::form::Section> {
    form::sections()
}

mod form {
    use crate::dossier::form::*;

    pub fn sections() -> Vec<Section> {
        vec![
            subject(t(
                "Người có thông tin cần thay đổi",
                "The person whose record changes",
            )),
            section(
                "change",
                t("Nội dung thay đổi, cải chính", "What to change"),
                vec![
                    Field::new(
                        "change_what",
                        t("Thông tin cần thay đổi", "Which information"),
                        Kind::Text { max: 100 },
                    )
                    .hint(t(
                        "Ví dụ: họ tên, ngày sinh, dân tộc",
                        "For example, the name, the date of birth, the ethnicity",
                    )),
                    Field::new(
                        "change_from",
                        t("Thông tin hiện ghi", "What the record says now"),
                        Kind::Text { max: 200 },
                    ),
                    Field::new(
                        "change_to",
                        t("Thông tin đề nghị ghi", "What it should say"),
                        Kind::Text { max: 200 },
                    ),
                    Field::new(
                        "change_reason",
                        t("Lý do", "Why"),
                        Kind::LongText { max: 500 },
                    ),
                ],
            ),
        ]
    }
}
