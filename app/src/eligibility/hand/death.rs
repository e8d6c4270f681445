//! 1.000656 Đăng ký khai tử — death registration (procedure-facts §2).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "1.000656";

/// Registration within 15 days of the death is on time, and free (Law on Civil Status Arts. 11, 33).
pub const ON_TIME_DAYS: i64 = 15;

pub fn rules() -> Rules {
    let late = days_since_over("died", ON_TIME_DAYS);
    let mut r = Rules::new(CODE);
    r.questions = vec![
        who(&["relative", "child", "authorised"]),
        relation(is("who", "authorised")),
        Question::new(
            "foreign",
            t(
                "Người mất có quốc tịch nước ngoài không?",
                "Did the person who died hold a foreign nationality?",
            ),
            t("Người mất là người nước ngoài", "Foreign national"),
            Kind::YesNo,
        ),
        Question::new(
            "died",
            t("Người đó mất ngày nào?", "When did the person die?"),
            t("Ngày mất", "Date of death"),
            Kind::Date,
        )
        .hint(t("Ví dụ: 3 11 2026", "For example: 3 11 2026")),
        Question::new(
            "notice",
            t(
                "Bạn có Giấy báo tử, hoặc giấy tờ thay Giấy báo tử, không?",
                "Do you have the death notice (giấy báo tử), or a paper that replaces it?",
            ),
            t("Giấy báo tử", "Death notice"),
            Kind::YesNo,
        )
        .hint(t(
            "Giấy báo tử do bệnh viện, cơ sở y tế hoặc cơ quan có thẩm quyền cấp.",
            "Issued by the hospital, clinic or another competent authority.",
        )),
        Question::new(
            "residence_known",
            t(
                "Bạn có biết nơi cư trú cuối cùng của người mất không?",
                "Do you know where the person last lived?",
            ),
            t("Biết nơi cư trú cuối cùng", "Last residence known"),
            Kind::YesNo,
        ),
    ];
    r.outcomes = vec![
        Outcome::route(
            yes("foreign"),
            "1.001766",
            t(
                "Khai tử cho người có quốc tịch nước ngoài là thủ tục riêng (vẫn làm tại xã, phường).",
                "The death of a foreign national is registered under its own procedure (still at the commune or ward).",
            ),
        ),
        Outcome::eligible(
            late.clone(),
            t(
                "Bạn đăng ký khai tử được. Đã quá 15 ngày kể từ ngày mất nên phải nộp lệ phí.",
                "You can register this death. More than 15 days have passed since the death, so a fee is due.",
            ),
        ),
        Outcome::eligible(
            Cond::Always,
            t(
                "Bạn đăng ký khai tử được, đúng hạn (trong 15 ngày kể từ ngày mất) và miễn lệ phí.",
                "You can register this death, on time (within 15 days of the death) and free of charge.",
            ),
        ),
    ];
    r.documents = vec![
        form("form", "Tờ khai đăng ký khai tử", "Death registration form"),
        DocumentRule::submit(
            "death_notice",
            yes("notice"),
            t(
                "Giấy báo tử hoặc giấy tờ thay Giấy báo tử",
                "Death notice, or the paper that replaces it",
            ),
            t(
                "Chứng minh việc mất; không cần bản giấy nếu bản điện tử có ký số đã có trên Cổng dịch vụ công.",
                "Proves the death; no paper needed if the signed electronic version is already on the portal.",
            ),
        ),
        DocumentRule::submit(
            "death_evidence",
            no("notice"),
            t(
                "Giấy tờ, chứng cứ do cơ quan có thẩm quyền cấp hoặc xác nhận, chứng minh sự kiện chết",
                "Papers or evidence, issued or confirmed by an authority, proving the death",
            ),
            t(
                "Không có Giấy báo tử hoặc giấy thay thế thì cần chứng cứ khác về việc chết.",
                "Without a death notice or a paper replacing it, other evidence of the death is needed.",
            ),
        ),
        DocumentRule::submit(
            "place_of_death",
            no("residence_known"),
            t(
                "Giấy tờ chứng minh nơi người đó mất hoặc nơi phát hiện thi thể",
                "Proof of where the person died or where the body was found",
            ),
            t(
                "Không xác định được nơi cư trú cuối cùng thì khai tử tại nơi người đó mất hoặc nơi phát hiện thi thể (Điều 32 Luật Hộ tịch).",
                "When the last residence is unknown, the death is registered where the person died or the body was found (Law on Civil Status, Art. 32).",
            ),
        ),
    ];
    r.documents.extend(authorisation(is("who", "authorised")));
    r.documents.push(identity());
    r.documents.push(DocumentRule::show("deceased_residence_proof", yes("residence_known"),
        t("Giấy tờ chứng minh nơi cư trú cuối cùng của người mất — chỉ khi cán bộ không tra cứu được",
          "Proof of the person's last residence — only if the officer cannot find it in the database"),
        t("Khai tử làm tại nơi cư trú cuối cùng của người mất; thông tin này được tra cứu từ Cơ sở dữ liệu trước.",
          "The death is registered at the person's last residence, which is looked up in the database first.")));
    r.fees = vec![
        LineRule::new(
            not(late.clone()),
            t(
                "Miễn lệ phí: khai tử đúng hạn (Điều 11 Luật Hộ tịch).",
                "Free: death registered on time (Law on Civil Status, Art. 11).",
            ),
        ),
        council_fee(late),
    ];
    r.times = vec![
        working_days(Cond::Always, 1, "làm ngay khi nhận đủ hồ sơ (Điều 34 Luật Hộ tịch)", "done at once when the papers are complete (Law on Civil Status, Art. 34)"),
        LineRule::always(t(
            "Cổng dịch vụ công còn ghi các trường hợp 2 ngày và 5 ngày làm việc, có lẽ khi phải xác minh.",
            "The portal also lists cases of 2 and 5 working days, probably when something must be verified.",
        )).uncertain(),
    ];
    r.places = vec![
        LineRule::always(t(
            "Trung tâm Phục vụ hành chính công của xã, phường nơi cư trú cuối cùng của người mất; nếu không rõ, nơi người đó mất hoặc nơi phát hiện thi thể (Điều 32 Luật Hộ tịch).",
            "The public administration service centre of the commune or ward where the person last lived; if unknown, where they died or the body was found (Law on Civil Status, Art. 32).",
        )),
        online_place(),
    ];
    r.notes = vec![
        LineRule::always(t(
            "Vợ, chồng, con, cha, mẹ hoặc người thân khác có trách nhiệm đi khai tử trong 15 ngày kể từ ngày mất (Điều 33 Luật Hộ tịch).",
            "The spouse, a child, a parent or another relative must register the death within 15 days (Law on Civil Status, Art. 33).",
        )),
        LineRule::always(t(
            "Có thể làm cùng lúc trên VNeID: khai tử, xóa đăng ký thường trú và trợ cấp mai táng (liên thông theo Nghị định 63/2024).",
            "VNeID bundles death registration with deleting the permanent residence and funeral support (Decree 63/2024).",
        )),
        lookup_note(),
    ];
    r
}

/// The check's answers that fill the dossier: (answer, date field).
pub const CARRIED: &[(&str, &str)] = &[("died", "death_date")];

/// The dossier's form besides the applicant's part (the same for every answer): death registration: the person who died.
pub fn sections() -> Vec<crate::dossier::form::Section> {
    form::sections()
}

mod form {
    use crate::dossier::form::*;

    pub fn sections() -> Vec<Section> {
        {
            let mut deceased = person_section(
                "deceased",
                t("Thông tin người đã mất", "The person who died"),
                None,
                PersonAsks {
                    id_required: false,
                    ..FULL
                },
                false,
            );
            deceased.person = None;
            deceased.fields.extend([
                Field::new(
                    "death_date",
                    t("Ngày mất", "Date of death"),
                    Kind::date(true),
                ),
                Field::new(
                    "death_place",
                    t("Nơi mất", "Place of death"),
                    Kind::Text { max: 200 },
                ),
                Field::new(
                    "death_cause",
                    t(
                        "Nguyên nhân mất (không bắt buộc)",
                        "Cause of death (optional)",
                    ),
                    Kind::Text { max: 200 },
                )
                .optional(),
            ]);
            vec![deceased]
        }
    }
}
