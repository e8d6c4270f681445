//! 2.000815 Chứng thực bản sao từ bản chính — certifying copies of originals
//! (procedure-facts §7; Decree 23/2015 Arts. 5, 7, 21, 22).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "2.000815";

fn refuse(when: Cond, vi: &str, en: &str) -> Outcome {
    Outcome::refuse(
        when,
        t(vi, en),
        t(
            "Xin cơ quan đã cấp giấy cấp lại bản chính hoặc cấp bản sao từ sổ gốc (2.000908).",
            "Ask the office that issued the paper for a new original, or for a copy from its original register (2.000908).",
        ),
    )
}

pub fn rules() -> Rules {
    let mut r = Rules::new(CODE);
    r.questions = vec![
        who(&["self", "child", "relative", "authorised"]),
        Question::new(
            "damaged",
            t("Bản chính có bị tẩy xóa, sửa chữa, thêm bớt nội dung, hoặc hư hỏng, cũ nát đến mức không đọc được không?", "Has the original been erased, altered, added to, or damaged so it cannot be read?"),
            t("Bản chính hư hỏng, sửa chữa", "Original damaged or altered"),
            Kind::YesNo,
        ),
        Question::new(
            "secret",
            t("Bản chính có đóng dấu mật, hoặc ghi không được sao chụp không?", "Is the original stamped secret, or marked that it must not be copied?"),
            t("Đóng dấu mật, cấm sao", "Secret or do-not-copy"),
            Kind::YesNo,
        ),
        Question::new(
            "private",
            t("Đó có phải giấy tờ do cá nhân tự lập, không có xác nhận và đóng dấu của cơ quan có thẩm quyền không?", "Is it a paper someone drew up themselves, with no confirmation or stamp from an authority?"),
            t("Giấy tờ cá nhân tự lập", "Self-made paper"),
            Kind::YesNo,
        ),
        Question::new(
            "abroad",
            t("Bản chính có do cơ quan nước ngoài cấp không?", "Was the original issued by a foreign authority?"),
            t("Giấy tờ nước ngoài", "Issued abroad"),
            Kind::YesNo,
        ),
        Question::new(
            "legalised",
            t("Giấy tờ đó đã được hợp pháp hóa lãnh sự, hoặc là hộ chiếu, thẻ căn cước, thẻ thường trú, bằng lái xe, văn bằng, chứng chỉ, bảng điểm?", "Has it been consularly legalised, or is it a passport, ID card, residence card, driving licence, diploma, certificate or transcript?"),
            t("Đã hợp pháp hóa lãnh sự hoặc được miễn", "Legalised or exempt"),
            Kind::YesNo,
        )
        .when(yes("abroad")),
    ];
    r.outcomes = vec![
        refuse(
            yes("damaged"),
            "Không chứng thực bản sao từ bản chính bị tẩy xóa, sửa chữa, thêm bớt nội dung không hợp lệ, hoặc hư hỏng không đọc được (Điều 22 Nghị định 23/2015).",
            "A copy cannot be certified from an original that was erased, altered or added to, or is too damaged to read (Decree 23/2015, Art. 22).",
        ),
        refuse(
            yes("secret"),
            "Không chứng thực bản sao từ bản chính đóng dấu mật hoặc ghi không được sao chụp (Điều 22 Nghị định 23/2015).",
            "A copy cannot be certified from an original stamped secret or marked do-not-copy (Decree 23/2015, Art. 22).",
        ),
        refuse(
            yes("private"),
            "Không chứng thực bản sao từ giấy tờ do cá nhân tự lập mà không có xác nhận, đóng dấu của cơ quan có thẩm quyền (Điều 22 Nghị định 23/2015).",
            "A paper someone drew up themselves, without an authority's confirmation and stamp, cannot be copied with certification (Decree 23/2015, Art. 22).",
        ),
        Outcome::refuse(
            no("legalised"),
            t(
                "Giấy tờ nước ngoài phải được hợp pháp hóa lãnh sự trước khi chứng thực bản sao, trừ hộ chiếu, thẻ căn cước, thẻ thường trú, bằng lái xe, văn bằng, chứng chỉ, bảng điểm (Điều 22 Nghị định 23/2015).",
                "Papers issued abroad must be consularly legalised first, except passports, ID and residence cards, driving licences, diplomas, certificates and transcripts (Decree 23/2015, Art. 22).",
            ),
            t(
                "Hợp pháp hóa lãnh sự giấy tờ tại cơ quan đại diện Việt Nam ở nước cấp hoặc Cục Lãnh sự, rồi quay lại.",
                "Have it legalised at a Vietnamese embassy in the issuing country or the Consular Department, then come back.",
            ),
        ),
        Outcome::eligible(
            Cond::Always,
            t(
                "Bản chính này chứng thực bản sao được, tại bất kỳ UBND xã, phường nào (không phụ thuộc nơi cư trú).",
                "This original can be copied with certification at any commune or ward office, wherever you live.",
            ),
        ),
    ];
    r.documents = vec![
        DocumentRule::show(
            "original",
            Cond::Always,
            t("Bản chính giấy tờ cần sao", "The original paper"),
            t(
                "Cán bộ đối chiếu bản sao với bản chính; giấy tờ đã tích hợp trên VNeID thì không cần xuất trình.",
                "The officer compares the copy with the original; papers held in VNeID need not be shown.",
            ),
        ),
        DocumentRule::submit(
            "copies",
            Cond::Always,
            t(
                "Bản chụp bản chính, đủ các trang có nội dung",
                "Photocopies of the original, every page with content",
            ),
            t(
                "Bản sao phải có đủ các trang có thông tin của bản chính; chỉ mang bản chính thì cán bộ chụp giúp nếu có điều kiện.",
                "The copy must include every page of the original with content; if you bring only the original, the office copies it when it can.",
            ),
        ),
    ];
    r.fees = vec![LineRule::always(t(
        "2.000 đồng/trang cho trang 1 và 2; từ trang 3 là 1.000 đồng/trang; tối đa 200.000 đồng một bản. Số trang tính theo bản chính.",
        "2,000 ₫ a page for pages 1 and 2, 1,000 ₫ a page from page 3, at most 200,000 ₫ a copy; pages are counted on the original.",
    ))];
    r.times = vec![
        LineRule::always(t(
            "Trong ngày; nộp sau 15 giờ thì trả ngày làm việc tiếp theo (Điều 7 Nghị định 23/2015).",
            "The same day; after 15:00, the next working day (Decree 23/2015, Art. 7).",
        )),
        LineRule::always(t(
            "Nhiều giấy tờ, nhiều trang hoặc nội dung phức tạp: có thể thêm tối đa 2 ngày làm việc (Điều 21).",
            "Many papers or pages, or complex content: up to 2 more working days (Art. 21).",
        )),
    ];
    r.places = vec![LineRule::always(t(
        "Bất kỳ UBND xã, phường nào (tại Trung tâm Phục vụ hành chính công) hoặc văn phòng công chứng; chỉ làm trực tiếp.",
        "Any commune or ward office (at the public administration service centre), or a notary; in person only.",
    ))];
    r.notes = vec![
        LineRule::always(t(
            "Ai giữ bản chính cũng yêu cầu chứng thực được, không cần giấy ủy quyền.",
            "Whoever holds the original may ask for certification; no authorisation is needed.",
        ))
        .uncertain(),
    ];
    r
}

/// The dossier's form besides the applicant's part (shared with the related procedure).
pub fn sections() -> Vec<crate::dossier::form::Section> {
    crate::dossier::form::certification_sections()
}
