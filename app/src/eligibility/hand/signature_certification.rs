//! 2.000884 Chứng thực chữ ký — signature certification (procedure-facts §8; Decree 23/2015
//! Arts. 24–25).

use crate::eligibility::model::*;

pub const CODE: &str = "2.000884";

pub fn rules() -> Rules {
    let mut r = Rules::new(CODE);
    r.questions = vec![
        crate::eligibility::common::who(&["self", "relative", "authorised"]),
        Question::new(
            "contract",
            t("Giấy tờ cần ký có phải là hợp đồng, giao dịch không?", "Is the paper to be signed a contract or other transaction?"),
            t("Hợp đồng, giao dịch", "Contract or transaction"),
            Kind::YesNo,
        ),
        Question::new(
            "exception",
            t("Đó có phải giấy ủy quyền nộp, nhận hồ sơ; nhận lương hưu, bưu phẩm, trợ cấp; trông nom nhà cửa; hoặc cho thành viên hộ gia đình vay vốn Ngân hàng Chính sách xã hội không?", "Is it an authorisation to submit or collect dossiers; collect a pension, post or an allowance; look after a house; or for a household member to borrow from the Social Policy Bank?"),
            t("Giấy ủy quyền được chứng thực chữ ký", "Authorisation allowed"),
            Kind::YesNo,
        )
        .when(yes("contract")),
        Question::new(
            "id_valid",
            t("Giấy tờ tùy thân của bạn (căn cước, hộ chiếu) còn hạn sử dụng không?", "Is your ID card or passport still valid?"),
            t("Giấy tờ tùy thân còn hạn", "Valid ID"),
            Kind::YesNo,
        ),
        Question::new(
            "foreign_language",
            t("Giấy tờ có viết bằng tiếng nước ngoài không?", "Is the paper in a foreign language?"),
            t("Tiếng nước ngoài", "Foreign language"),
            Kind::YesNo,
        ),
    ];
    r.outcomes = vec![
        Outcome::refuse(
            is_any("who", &["relative", "authorised"]),
            t(
                "Chỉ người ký mới yêu cầu chứng thực chữ ký được: người đó phải ký hoặc điểm chỉ trước mặt người chứng thực.",
                "Only the signer can have a signature certified: they must sign or fingerprint in front of the officer.",
            ),
            t(
                "Người ký tự đến bất kỳ UBND xã, phường nào; người cao tuổi không đi được thì hỏi UBND xã, phường về chứng thực ngoài trụ sở.",
                "The signer comes in person to any commune or ward office; if they cannot travel, ask the office about certification outside its premises.",
            ),
        )
        .uncertain(),
        Outcome::refuse(
            no("exception"),
            t(
                "Chữ ký trong hợp đồng, giao dịch không được chứng thực theo thủ tục này (khoản 4 Điều 24 Nghị định 23/2015).",
                "Signatures on a contract or transaction are not certified under this procedure (Decree 23/2015, Art. 24(4)).",
            ),
            t(
                "Chứng thực hợp đồng, giao dịch tại UBND xã, phường, hoặc công chứng tại văn phòng công chứng.",
                "Have the contract itself certified at the commune or ward office, or notarised at a notary office.",
            ),
        ),
        Outcome::refuse(
            no("id_valid"),
            t(
                "Không chứng thực chữ ký khi giấy tờ tùy thân đã hết hạn (Điều 25 Nghị định 23/2015).",
                "A signature cannot be certified with an expired identity paper (Decree 23/2015, Art. 25).",
            ),
            t(
                "Làm lại căn cước (hoặc dùng căn cước điện tử VNeID còn hiệu lực) rồi quay lại.",
                "Renew your ID card (or use a valid electronic ID in VNeID), then come back.",
            ),
        ),
        Outcome::eligible(Cond::Always, t(
            "Chữ ký của bạn chứng thực được tại bất kỳ UBND xã, phường nào. Bạn ký trước mặt người chứng thực.",
            "Your signature can be certified at any commune or ward office. You sign in front of the officer.",
        )),
    ];
    r.documents = vec![
        DocumentRule::show(
            "identity_valid",
            Cond::Always,
            t(
                "Căn cước điện tử, hoặc bản chính hay bản sao căn cước, CCCD, hộ chiếu còn hạn",
                "Electronic ID, or the original or a copy of a valid ID card or passport",
            ),
            t(
                "Người chứng thực đối chiếu người ký với giấy tờ tùy thân còn hạn.",
                "The officer matches the signer to a valid identity paper.",
            ),
        ),
        DocumentRule::submit(
            "paper",
            Cond::Always,
            t(
                "Giấy tờ, văn bản cần chứng thực chữ ký (chưa ký)",
                "The paper to be signed (not yet signed)",
            ),
            t(
                "Bạn ký hoặc điểm chỉ trước mặt người chứng thực.",
                "You sign or fingerprint it in front of the officer.",
            ),
        ),
        DocumentRule::submit(
            "translation",
            yes("foreign_language"),
            t(
                "Bản dịch tiếng Việt (không cần công chứng)",
                "A Vietnamese translation (need not be notarised)",
            ),
            t(
                "Người chứng thực không hiểu tiếng nước ngoài thì có thể yêu cầu bản dịch.",
                "The officer may ask for one if they do not read the language.",
            ),
        ),
    ];
    r.fees = vec![LineRule::always(t(
        "10.000 đồng mỗi trường hợp (một hay nhiều chữ ký trong một giấy tờ).",
        "10,000 ₫ per case (one or more signatures on one paper).",
    ))];
    r.times = vec![LineRule::always(t(
        "Trong ngày; nộp sau 15 giờ thì trả ngày làm việc tiếp theo.",
        "The same day; after 15:00, the next working day.",
    ))];
    r.places = vec![LineRule::always(t(
        "Bất kỳ UBND xã, phường nào hoặc văn phòng công chứng; chỉ làm trực tiếp.",
        "Any commune or ward office, or a notary; in person only.",
    ))];
    r.notes = vec![LineRule::always(t(
        "Người không thông thạo tiếng Việt phải có người phiên dịch đủ năng lực hành vi dân sự, do người yêu cầu tự trả chi phí.",
        "Someone not fluent in Vietnamese must bring an interpreter with full legal capacity, at their own cost.",
    ))];
    r
}

/// The dossier's form besides the applicant's part (shared with the related procedure).
pub fn sections() -> Vec<crate::dossier::form::Section> {
    crate::dossier::form::certification_sections()
}
