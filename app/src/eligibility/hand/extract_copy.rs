//! 2.000635 Cấp bản sao trích lục hộ tịch, bản sao giấy khai sinh — copies of civil-status
//! extracts and birth certificates (procedure-facts §9; Law on Civil Status Arts. 63–64).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "2.000635";

pub fn rules() -> Rules {
    let mut r = rules_for_filers(CODE, &["self", "child", "relative", "authorised"]);
    r.questions.extend([
        Question::new(
            "record",
            t(
                "Bạn cần bản sao giấy tờ nào?",
                "Which record do you need a copy of?",
            ),
            t("Giấy tờ cần sao", "Record"),
            Kind::Choice(vec![
                Choice::new("birth", t("Giấy khai sinh", "Birth certificate")),
                Choice::new("marriage", t("Trích lục kết hôn", "Marriage extract")),
                Choice::new("death", t("Trích lục khai tử", "Death extract")),
                Choice::new(
                    "other",
                    t("Trích lục hộ tịch khác", "Another civil-status extract"),
                ),
            ]),
        ),
        Question::new(
            "details",
            t(
                "Bạn có biết việc hộ tịch đó được đăng ký ở đâu và khoảng năm nào không?",
                "Do you know where, and roughly in which year, it was registered?",
            ),
            t("Biết nơi, năm đăng ký", "Place and year known"),
            Kind::YesNo,
        ),
    ]);
    r.outcomes = vec![Outcome::eligible(
        Cond::Always,
        t(
            "Bạn xin bản sao được tại bất kỳ nơi nào đang lưu sổ hộ tịch hoặc quản lý Cơ sở dữ liệu hộ tịch điện tử, không phụ thuộc nơi cư trú.",
            "You can ask for the copy from any office holding the register or the electronic civil-status database, wherever you live.",
        ),
    )];
    r.documents = vec![form(
        "form",
        "Tờ khai cấp bản sao trích lục hộ tịch",
        "Request form for a copy",
    )];
    r.documents.extend(authorisation(for_someone_else()));
    r.documents.extend([identity(), residence_proof()]);
    r.fees = vec![
        LineRule::always(t(
            "8.000 đồng mỗi bản sao (Thông tư 281/2016/TT-BTC).",
            "8,000 ₫ a copy (Circular 281/2016/TT-BTC).",
        ))
        .uncertain(),
    ];
    r.times = vec![
        LineRule::always(t("Làm ngay trong ngày (Điều 64 Luật Hộ tịch).", "At once, the same day (Law on Civil Status, Art. 64).")),
        LineRule::always(t(
            "Cổng dịch vụ công ghi một trường hợp 15 ngày làm việc, có lẽ khi phải tra tìm, xác minh.",
            "The portal lists one case of 15 working days, probably when the record must be searched or verified.",
        ))
        .uncertain(),
    ];
    r.places = vec![
        LineRule::always(t(
            "UBND xã, phường nơi đã đăng ký, hoặc Sở Tư pháp (Cơ sở dữ liệu hộ tịch điện tử); tiếp nhận tại Trung tâm Phục vụ hành chính công.",
            "The commune or ward office where it was registered, or the Department of Justice (electronic civil-status database); received at the public administration service centre.",
        )),
        online_place(),
    ];
    r.notes = vec![
        LineRule::new(
            no("details"),
            t(
                "Yêu cầu bị từ chối nếu thông tin không đủ để tìm được sổ hộ tịch: hãy tìm lại giấy tờ cũ hoặc hỏi người thân về nơi và năm đăng ký.",
                "The request is refused if the record cannot be found from what you give: look for old papers or ask relatives where and when it was registered.",
            ),
        ),
        LineRule::new(
            is("who", "relative"),
            t(
                "Cá nhân được cấp bản sao về việc hộ tịch của chính mình; xin cho người khác thì cần giấy ủy quyền.",
                "People may ask for copies of their own records; for someone else's you need their authorisation.",
            ),
        ),
        LineRule::always(t(
            "Nộp qua bưu chính thì gửi kèm bản sao có chứng thực của giấy tờ phải xuất trình.",
            "By post, enclose certified copies of the papers you would otherwise show.",
        )),
    ];
    r
}

/// The dossier's form besides the applicant's part (the same for every answer): copy of a civil-status extract.
pub fn sections() -> Vec<crate::dossier::form::Section> {
    form::sections()
}

mod form {
    use crate::dossier::form::*;

    pub fn sections() -> Vec<Section> {
        vec![section(
            "record",
            t("Việc hộ tịch cần cấp bản sao", "The record to copy"),
            vec![
                Field::new(
                    "record_person",
                    t("Họ tên người được đăng ký", "Name of the person registered"),
                    Kind::Name,
                ),
                Field::new(
                    "record_birth",
                    t("Ngày sinh của người đó", "Their date of birth"),
                    Kind::birth_date(),
                ),
                Field::new(
                    "record_kind",
                    t("Loại việc hộ tịch", "Kind of record"),
                    Kind::Choice(vec![
                        Choice {
                            value: "birth".into(),
                            label: t("Khai sinh", "Birth"),
                        },
                        Choice {
                            value: "marriage".into(),
                            label: t("Kết hôn", "Marriage"),
                        },
                        Choice {
                            value: "death".into(),
                            label: t("Khai tử", "Death"),
                        },
                        Choice {
                            value: "other".into(),
                            label: t("Việc khác", "Another record"),
                        },
                    ]),
                ),
                Field::new(
                    "record_place",
                    t("Nơi đã đăng ký", "Where it was registered"),
                    Kind::Text { max: 200 },
                )
                .hint(t(
                    "Tên xã, phường (hoặc quận, huyện cũ) đã đăng ký",
                    "The commune or ward (or former district) that registered it",
                )),
                copies("copies"),
            ],
        )]
    }
}
