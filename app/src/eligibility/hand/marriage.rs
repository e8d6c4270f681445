//! 1.000894 Đăng ký kết hôn — marriage registration (procedure-facts §3; Law on Marriage and
//! Family Arts. 5, 8).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "1.000894";

/// Minimum ages, in full years (Law on Marriage and Family Art. 8(1)(a)).
pub const MAN_MIN_AGE: i64 = 20;
pub const WOMAN_MIN_AGE: i64 = 18;

fn age(id: &str, vi: &str, en: &str, short_vi: &str, short_en: &str) -> Question {
    Question::new(
        id,
        t(vi, en),
        t(short_vi, short_en),
        Kind::Number {
            min: 0,
            max: 130,
            unit: t("tuổi", "years old"),
        },
    )
    .hint(t(
        "Số tuổi tròn, tính đến hôm nay.",
        "Full years, as of today.",
    ))
}

fn refuse(when: Cond, vi: &str, en: &str) -> Outcome {
    Outcome::refuse(
        when,
        t(vi, en),
        t(
            "Việc kết hôn chỉ đăng ký được khi đủ mọi điều kiện của Điều 8 Luật Hôn nhân và gia đình. Cần tư vấn, hãy hỏi cán bộ tư pháp – hộ tịch xã, phường.",
            "A marriage can be registered only when every condition of Art. 8 of the Law on Marriage and Family is met. For advice, ask the justice and civil-status officer of your commune or ward.",
        ),
    )
}

pub fn rules() -> Rules {
    let mut r = Rules::new(CODE);
    r.questions = vec![
        who(&["self", "relative", "authorised"]),
        Question::new(
            "foreign",
            t("Một trong hai người có quốc tịch nước ngoài không?", "Does either of you hold a foreign nationality?"),
            t("Có người nước ngoài", "Foreign national"),
            Kind::YesNo,
        ),
        age("man_age", "Người nam bao nhiêu tuổi?", "How old is the man?", "Tuổi của người nam", "The man's age"),
        age("woman_age", "Người nữ bao nhiêu tuổi?", "How old is the woman?", "Tuổi của người nữ", "The woman's age"),
        Question::new(
            "married",
            t("Một trong hai người có đang có vợ hoặc có chồng, hoặc đang chung sống như vợ chồng với người khác không?", "Is either of you married, or living as husband and wife with someone else, now?"),
            t("Đang có vợ, có chồng", "Already married"),
            Kind::YesNo,
        )
        .hint(t("Người đã ly hôn hoặc góa thì trả lời Không.", "If you are divorced or widowed, answer No.")),
        Question::new(
            "voluntary",
            t("Cả hai người có hoàn toàn tự nguyện kết hôn, không bị ai ép buộc hay lừa dối không?", "Do both of you want this marriage freely, with no one forcing or deceiving either of you?"),
            t("Tự nguyện", "Freely wanted"),
            Kind::YesNo,
        ),
        Question::new(
            "capacity",
            t("Có ai trong hai người bị Tòa án tuyên bố mất năng lực hành vi dân sự không?", "Has a court declared either of you to have lost civil-act capacity?"),
            t("Mất năng lực hành vi dân sự", "Lost civil-act capacity"),
            Kind::YesNo,
        ),
        Question::new(
            "related",
            t("Hai người có cùng dòng máu trực hệ, có họ trong phạm vi ba đời, hoặc đang hay đã từng là cha mẹ nuôi – con nuôi, cha chồng – con dâu, mẹ vợ – con rể, cha dượng hay mẹ kế – con riêng không?", "Are you blood relatives in direct line or within three generations, or are or were you adoptive parent and child, parent-in-law and child-in-law, or step-parent and stepchild?"),
            t("Quan hệ họ hàng bị cấm", "Prohibited relationship"),
            Kind::YesNo,
        ),
        Question::new(
            "divorced_abroad",
            t("Có ai trong hai người đã ly hôn hoặc hủy kết hôn ở nước ngoài không?", "Was either of you divorced, or a marriage annulled, abroad?"),
            t("Ly hôn ở nước ngoài", "Divorced abroad"),
            Kind::YesNo,
        ),
    ];
    r.outcomes = vec![
        Outcome::refuse(
            is_any("who", &["relative", "authorised"]),
            t(
                "Việc kết hôn phải do chính hai người yêu cầu: cả hai phải có mặt để ký sổ và Giấy chứng nhận kết hôn, nên không nộp thay được.",
                "A marriage is asked for by the two people themselves: both must be present to sign the register and certificate, so no one can file for them.",
            ),
            t(
                "Hai người cùng nộp hồ sơ (có thể nộp trực tuyến) rồi cùng đến nhận Giấy chứng nhận kết hôn.",
                "File together (online is possible), then come together to sign and receive the certificate.",
            ),
        )
        .uncertain(),
        Outcome::route(yes("foreign"), "2.000806", t(
            "Kết hôn có yếu tố nước ngoài là thủ tục riêng (vẫn làm tại xã, phường).",
            "A marriage with a foreign national has its own procedure (still at the commune or ward).",
        )),
        refuse(below("man_age", MAN_MIN_AGE),
            "Người nam phải từ đủ 20 tuổi trở lên mới được kết hôn (điểm a khoản 1 Điều 8 Luật Hôn nhân và gia đình).",
            "The man must be at least 20 years old to marry (Law on Marriage and Family, Art. 8(1)(a))."),
        refuse(below("woman_age", WOMAN_MIN_AGE),
            "Người nữ phải từ đủ 18 tuổi trở lên mới được kết hôn (điểm a khoản 1 Điều 8 Luật Hôn nhân và gia đình).",
            "The woman must be at least 18 years old to marry (Law on Marriage and Family, Art. 8(1)(a))."),
        refuse(yes("married"),
            "Người đang có vợ, có chồng không được kết hôn hoặc chung sống như vợ chồng với người khác (khoản 2 Điều 5 Luật Hôn nhân và gia đình).",
            "Someone who is married may not marry or live as spouse with anyone else (Law on Marriage and Family, Art. 5(2))."),
        refuse(no("voluntary"),
            "Việc kết hôn phải do hai người tự nguyện quyết định; cưỡng ép, lừa dối kết hôn bị cấm (Điều 5, 8 Luật Hôn nhân và gia đình).",
            "Both must decide freely to marry; forced or deceptive marriage is prohibited (Law on Marriage and Family, Arts. 5 and 8)."),
        refuse(yes("capacity"),
            "Người mất năng lực hành vi dân sự không được kết hôn (điểm c khoản 1 Điều 8 Luật Hôn nhân và gia đình).",
            "Someone who has lost civil-act capacity may not marry (Law on Marriage and Family, Art. 8(1)(c))."),
        refuse(yes("related"),
            "Pháp luật cấm kết hôn giữa những người cùng dòng máu trực hệ, có họ trong phạm vi ba đời, và giữa cha mẹ nuôi – con nuôi, cha chồng – con dâu, mẹ vợ – con rể, cha dượng, mẹ kế – con riêng (khoản 2 Điều 5 Luật Hôn nhân và gia đình).",
            "The law forbids marriage between direct-line blood relatives, relatives within three generations, and adoptive, in-law and step relations (Law on Marriage and Family, Art. 5(2))."),
        Outcome::eligible(Cond::Always, t(
            "Hai bạn đủ điều kiện đăng ký kết hôn tại xã, phường nơi cư trú của một trong hai người.",
            "You meet the conditions to register your marriage at the commune or ward where either of you lives.",
        )),
    ];
    r.documents = vec![
        form("form", "Tờ khai đăng ký kết hôn (hai người có thể khai chung một tờ)", "Marriage registration form (one joint form for both is allowed)"),
        DocumentRule::show("identity_both", Cond::Always,
            t("Giấy tờ tùy thân của cả hai người: thẻ căn cước (CCCD), hộ chiếu hoặc căn cước điện tử", "Identity papers of both of you: ID card, passport or the electronic ID"),
            t("Cả hai phải có mặt khi ký; cán bộ tra cứu tình trạng hôn nhân của hai người trong Cơ sở dữ liệu, nên không cần giấy xác nhận tình trạng hôn nhân riêng.",
              "Both must be present to sign; the officer checks both marital statuses in the databases, so no separate marital-status certificate is listed."))
            .count(2, 0),
        residence_proof(),
    ];
    r.fees = vec![LineRule::always(t(
        "Miễn lệ phí (Điều 11 Luật Hộ tịch). Bản sao trích lục kết hôn, nếu cần, tính phí bản sao.",
        "Free (Law on Civil Status, Art. 11). Copies of the marriage extract, if you want them, cost the copy fee.",
    ))];
    r.times = vec![LineRule::always(t(
        "Làm ngay khi nhận đủ hồ sơ; tối đa 5 ngày làm việc nếu cần xác minh điều kiện kết hôn (Điều 18 Luật Hộ tịch).",
        "Done at once when the papers are complete; at most 5 working days if the conditions must be verified (Law on Civil Status, Art. 18).",
    ))];
    r.places = vec![
        LineRule::always(t(
            "Trung tâm Phục vụ hành chính công của xã, phường nơi cư trú của một trong hai người (Điều 17 Luật Hộ tịch).",
            "The public administration service centre of the commune or ward where either of you lives (Law on Civil Status, Art. 17).",
        )),
        online_place(),
    ];
    r.notes = vec![
        LineRule::always(t(
            "Cả hai người phải cùng có mặt để ký sổ hộ tịch và Giấy chứng nhận kết hôn, kể cả khi nộp hồ sơ trực tuyến.",
            "Both of you must come in person to sign the register and the certificate, even when filing online.",
        )),
        LineRule::new(
            yes("divorced_abroad"),
            t(
                "Nếu việc ly hôn ở nước ngoài chưa có trong Cơ sở dữ liệu hộ tịch, trước hết làm thủ tục ghi vào sổ hộ tịch việc ly hôn (2.000554).",
                "If the divorce abroad is not yet in Vietnam's civil-status database, first have it recorded (procedure 2.000554).",
            ),
        ),
        LineRule::always(t(
            "Nếu Cơ sở dữ liệu không có thông tin về tình trạng hôn nhân, xã, phường nơi thường trú trước đây xác minh trong 3 ngày làm việc.",
            "If the databases hold no marital status for one of you, the commune of earlier residence verifies it within 3 working days.",
        )),
        LineRule::always(t(
            "Nhà nước không thừa nhận hôn nhân giữa những người cùng giới tính (khoản 2 Điều 8 Luật Hôn nhân và gia đình).",
            "The State does not recognise marriage between people of the same sex (Law on Marriage and Family, Art. 8(2)).",
        )),
    ];
    r
}

/// The dossier's form besides the applicant's part (the same for every answer): marriage registration: both parties.
pub fn sections() -> Vec<crate::dossier::form::Section> {
    form::sections()
}

mod form {
    use crate::dossier::form::*;

    pub fn sections() -> Vec<Section> {
        vec![
            person_section(
                "groom",
                t("Thông tin bên nam", "The man"),
                None,
                PersonAsks {
                    fixed_female: Some(false),
                    ..FULL
                },
                false,
            ),
            person_section(
                "bride",
                t("Thông tin bên nữ", "The woman"),
                None,
                PersonAsks {
                    fixed_female: Some(true),
                    ..FULL
                },
                false,
            ),
        ]
    }
}
