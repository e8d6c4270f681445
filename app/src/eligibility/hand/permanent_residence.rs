//! 1.004222 Đăng ký thường trú — permanent residence registration (procedure-facts §5;
//! Law on Residence Art. 20, Decree 154/2024).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "1.004222";

pub fn rules() -> Rules {
    let mut r = rules_for_filers(CODE, &["self", "child", "relative", "authorised"]);
    r.questions.extend([
        Question::new(
            "basis",
            t("Người đăng ký sẽ ở chỗ ở này theo hình thức nào?", "On what basis will the person live at this home?"),
            t("Chỗ ở", "Home"),
            Kind::Choice(vec![
                Choice::new("own", t("Nhà của chính mình", "Their own home")),
                Choice::new("family", t("Về ở với người thân (vợ, chồng, cha mẹ, con…) ở nhà không phải của mình", "Joining family (spouse, parents, children…) in a home they do not own")),
                Choice::new("rented", t("Thuê, mượn hoặc ở nhờ", "Rented, borrowed or lodging")),
                Choice::new("religious", t("Cơ sở tín ngưỡng, tôn giáo có công trình phụ trợ là nhà ở", "A religious or belief establishment with housing")),
                Choice::new("care", t("Cơ sở trợ giúp xã hội, hoặc hộ gia đình nhận chăm sóc, nuôi dưỡng", "A social-assistance facility, or a household caring for the person")),
                Choice::new("vehicle", t("Phương tiện (thuyền, xe…) dùng để ở", "A boat or vehicle used as a home")),
                Choice::new("military", t("Đơn vị quân đội, công an", "A military or police unit")),
            ]),
        ),
        Question::new(
            "area",
            t("Diện tích nhà có đủ tối thiểu cho mỗi người đăng ký ở đó không?", "Does the home have the minimum floor area for each person registered there?"),
            t("Đủ diện tích tối thiểu", "Minimum floor area"),
            Kind::Choice(vec![
                Choice::new("yes", t("Có", "Yes")),
                Choice::new("no", t("Không", "No")),
                Choice::new("unknown", t("Tôi không biết", "I don't know")),
            ]),
        )
        .hint(t(
            "Luật: không dưới 8 m² sàn mỗi người. Hà Nội được cho là 15 m² ở nội thành, 8 m² ở ngoại thành (Nghị quyết 10/2023/NQ-HĐND) — vui lòng xác nhận tại quầy. Tính cả những người đã đăng ký ở đó.",
            "The law: never below 8 m² of floor per person. Hà Nội is reported to ask 15 m² in the inner city and 8 m² outside it (Resolution 10/2023/NQ-HĐND) — please confirm at the counter. Count everyone already registered there.",
        ))
        .when(is("basis", "rented")),
    ]);
    r.outcomes = vec![
        Outcome::refuse(
            is("area", "no"),
            t(
                "Đăng ký thường trú ở nhà thuê, mượn, ở nhờ cần diện tích tối thiểu mỗi người theo quy định của HĐND Thành phố, không dưới 8 m² sàn (khoản 3 Điều 20 Luật Cư trú).",
                "Permanent residence in rented, borrowed or lodging housing needs the minimum floor area per person set by the city council, never below 8 m² (Law on Residence, Art. 20(3)).",
            ),
            t(
                "Bạn vẫn đăng ký tạm trú được (1.004194), vì tạm trú không đòi hỏi diện tích tối thiểu.",
                "You can still register temporary residence (1.004194), which has no minimum area.",
            ),
        )
        .uncertain(),
        Outcome::eligible(Cond::Always, t(
            "Bạn đăng ký thường trú được tại Công an xã, phường nơi có chỗ ở, với giấy tờ dưới đây.",
            "You can register permanent residence with the commune or ward police where the home is, with the papers below.",
        )),
    ];
    let consent = is_any("basis", &["family", "rented"]);
    r.documents = vec![
        DocumentRule::submit("ct01", Cond::Always,
            t("Tờ khai thay đổi thông tin cư trú (mẫu CT01, Thông tư 53/2025/TT-BCA); người Việt Nam định cư ở nước ngoài không có hộ chiếu còn hạn dùng mẫu CT02",
              "Residence information form (CT01, Circular 53/2025/TT-BCA); Vietnamese living abroad without a valid passport use CT02"),
            t("Tờ khai bắt buộc cho mọi trường hợp.", "The form every registration needs.")),
        DocumentRule::submit("owner_consent", consent.clone(),
            t("Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở (ghi vào tờ khai CT01)", "Consent of the owner or household head, written on the CT01 form"),
            t("Đăng ký vào chỗ ở không phải của mình cần chủ sở hữu đồng ý; nhà đồng sở hữu thì một chủ sở hữu đồng ý là đủ khi về ở với người thân.",
              "Registering in a home you do not own needs the owner's consent; with co-owners, one owner's consent is enough when joining family.")),
        DocumentRule::show("home_proof", is("basis", "own"),
            t("Giấy tờ chứng minh chỗ ở hợp pháp — chỉ khi không tra cứu được trên VNeID, Cơ sở dữ liệu dân cư hoặc đất đai", "Proof that the home is legally yours — only if it cannot be found in VNeID or the population or land databases"),
            t("Chỗ ở hợp pháp được tra cứu trước (khoản 2 Điều 5 Nghị định 154/2024).", "Legal ownership is looked up first (Decree 154/2024, Art. 5(2)).")),
        DocumentRule::show("relationship_proof", is("basis", "family"),
            t("Giấy tờ chứng minh quan hệ gia đình với chủ hộ — chỉ khi không tra cứu được", "Proof of the family relationship with the household head — only if it cannot be looked up"),
            t("Về ở với người thân theo khoản 2 Điều 20 Luật Cư trú cần chứng minh quan hệ (Điều 6 Nghị định 154/2024).",
              "Joining family under Art. 20(2) of the Law on Residence needs the relationship proved (Decree 154/2024, Art. 6).")),
        DocumentRule::submit("rental_contract", is("basis", "rented"),
            t("Hợp đồng, văn bản cho thuê, cho mượn, cho ở nhờ đã được công chứng hoặc chứng thực", "Rental, loan or lodging contract, notarised or certified"),
            t("Thường trú ở nhà thuê, mượn, ở nhờ cần hợp đồng có công chứng hoặc chứng thực (khoản 3 Điều 20 Luật Cư trú).",
              "Permanent residence in rented or borrowed housing needs a notarised or certified contract (Law on Residence, Art. 20(3)).")),
        DocumentRule::submit("area_confirmation", is("area", "unknown"),
            t("Văn bản xác nhận của UBND xã, phường về diện tích nhà ở (mẫu 02, Nghị định 154/2024) — thủ tục 1.013314", "The commune's confirmation of the floor area (Form 02, Decree 154/2024) — procedure 1.013314"),
            t("Khi không tra cứu được diện tích, UBND xã, phường xác nhận diện tích bình quân mỗi người.", "When the area cannot be looked up, the commune confirms the floor area per person.")),
        DocumentRule::submit("religious_confirmation", is("basis", "religious"),
            t("Xác nhận của UBND xã, phường về công trình phụ trợ là nhà ở, và giấy tờ chứng minh là chức sắc, chức việc, nhà tu hành hoặc người đại diện cơ sở", "The commune's confirmation of the housing, and proof of being a dignitary, monk or the establishment's representative"),
            t("Đăng ký thường trú tại cơ sở tín ngưỡng, tôn giáo (khoản 4 Điều 20 Luật Cư trú).", "Residence at a religious establishment (Law on Residence, Art. 20(4)).")),
        DocumentRule::submit("care_confirmation", is("basis", "care"),
            t("Giấy tờ xác nhận việc chăm sóc, nuôi dưỡng, trợ giúp, và văn bản đề nghị của người đứng đầu cơ sở", "Confirmation of the care, and a request from the head of the facility"),
            t("Người được chăm sóc, nuôi dưỡng đăng ký thường trú tại nơi chăm sóc (khoản 5 Điều 20 Luật Cư trú).", "A person in care registers where they are cared for (Law on Residence, Art. 20(5)).")),
        DocumentRule::submit("vehicle_papers", is("basis", "vehicle"),
            t("Giấy đăng ký và giấy chứng nhận an toàn kỹ thuật của phương tiện, hoặc xác nhận của UBND xã, phường về nơi đậu, đỗ thường xuyên (mẫu 01, Nghị định 154/2024)", "The vehicle's registration and safety certificates, or the commune's confirmation of its usual mooring place (Form 01, Decree 154/2024)"),
            t("Đăng ký thường trú trên phương tiện dùng để ở (khoản 6 Điều 20 Luật Cư trú).", "Residence on a boat or vehicle used as a home (Law on Residence, Art. 20(6)).")),
        DocumentRule::submit("unit_letter", is("basis", "military"),
            t("Giấy giới thiệu của Thủ trưởng đơn vị (quân đội: cấp trung đoàn trở lên)", "Introduction letter from the unit commander (army: regiment level or above)"),
            t("Người trong lực lượng vũ trang đăng ký thường trú tại đơn vị.", "Members of the armed forces register at their unit.")),
        DocumentRule::submit("parent_consent", is("who", "child"),
            t("Ý kiến đồng ý của cha, mẹ hoặc người giám hộ (ghi vào tờ khai CT01), nếu trẻ không ở cùng cha mẹ", "Consent of a parent or guardian (on the CT01 form), if the child will not live with the parents"),
            t("Người chưa thành niên đăng ký nơi khác nơi cư trú của cha mẹ cần cha, mẹ hoặc người giám hộ đồng ý.", "A minor registering somewhere other than with the parents needs a parent's or guardian's consent."))
            .uncertain(),
    ];
    r.documents.extend(authorisation(for_someone_else()));
    r.documents.push(identity());
    r.fees = vec![
        LineRule::always(t(
            "20.000 đồng nếu nộp trực tiếp; 10.000 đồng nếu nộp trực tuyến (Thông tư 75/2022/TT-BTC, sửa đổi bởi Thông tư 71/2025/TT-BTC).",
            "20,000 ₫ in person; 10,000 ₫ online (Circular 75/2022/TT-BTC as amended by Circular 71/2025/TT-BTC).",
        )),
        residence_fee_exemption(),
    ];
    r.times = vec![working_days(Cond::Always, 7, "", "")];
    r.places = vec![
        LineRule::always(t(
            "Công an xã, phường nơi có chỗ ở (tiếp nhận tại Trung tâm Phục vụ hành chính công).",
            "The commune or ward police where the home is (dossiers received at the public administration service centre).",
        )),
        LineRule::always(t(
            "Trực tuyến: Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an hoặc VNeID.",
            "Online: the national portal, the Ministry of Public Security portal or VNeID.",
        )),
    ];
    r.notes = vec![
        LineRule::new(
            is("who", "child"),
            t(
                "Trẻ mới sinh phải được đăng ký thường trú trong 60 ngày kể từ ngày đăng ký khai sinh; lần đầu không cần giấy khai sinh.",
                "A newborn must be registered within 60 days of the birth registration; the first registration needs no birth certificate.",
            ),
        ),
        LineRule::always(t(
            "Sổ hộ khẩu, sổ tạm trú giấy không còn giá trị từ 01/01/2023: kết quả là thông báo và dữ liệu cư trú được cập nhật.",
            "Paper household books stopped being valid on 1 January 2023: the result is a notice, and the residence database is updated.",
        )),
        LineRule::always(t(
            "Thông tin của người đăng ký phải có sẵn trong Cơ sở dữ liệu quốc gia về dân cư.",
            "The person's data must already be in the national population database.",
        )),
    ];
    r
}

/// The dossier's form besides the applicant's part (shared with the related procedure).
pub fn sections() -> Vec<crate::dossier::form::Section> {
    crate::dossier::form::residence_sections(false)
}
