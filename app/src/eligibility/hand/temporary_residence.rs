//! 1.004194 Đăng ký tạm trú — temporary residence registration (procedure-facts §6;
//! Law on Residence Arts. 27–28).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "1.004194";

pub fn rules() -> Rules {
    let mut r = rules_for_filers(CODE, &["self", "child", "relative", "authorised"]);
    r.questions.extend([
        Question::new(
            "stay",
            t("Người đó sẽ ở chỗ này, ngoài xã, phường nơi thường trú, từ 30 ngày trở lên không?", "Will the person live here, outside the commune or ward of their permanent residence, for 30 days or more?"),
            t("Ở từ 30 ngày, ngoài nơi thường trú", "30 days or more, away from home"),
            Kind::YesNo,
        )
        .hint(t("Để làm việc, học tập hoặc lý do khác.", "For work, study or any other reason.")),
        Question::new(
            "banned",
            t("Chỗ ở có thuộc nơi cấm đăng ký cư trú mới không (đang tranh chấp, lấn chiếm, đã có quyết định phá dỡ, khu vực cấm)?", "Is the home in a place where new registration is banned (in dispute, encroaching, under a demolition order, a prohibited area)?"),
            t("Chỗ ở bị cấm đăng ký", "Registration banned there"),
            Kind::Choice(vec![
                Choice::new("no", t("Không", "No")),
                Choice::new("yes", t("Có", "Yes")),
                Choice::new("unknown", t("Tôi không biết", "I don't know")),
            ]),
        )
        .when(yes("stay")),
        Question::new(
            "basis",
            t("Người đó ở chỗ này theo hình thức nào?", "On what basis will the person live here?"),
            t("Chỗ ở", "Home"),
            Kind::Choice(vec![
                Choice::new("own", t("Nhà của chính mình", "Their own home")),
                Choice::new("family", t("Ở cùng người thân (vợ, chồng, cha mẹ, con…), được chủ nhà đồng ý", "With family (spouse, parents, children…), with the owner's consent")),
                Choice::new("rented", t("Thuê, mượn hoặc ở nhờ", "Rented, borrowed or lodging")),
                Choice::new("military", t("Đơn vị quân đội, công an", "A military or police unit")),
            ]),
        )
        .when(yes("stay")),
        Question::new(
            "list",
            t("Đây có phải đăng ký theo danh sách cho nhiều người (ví dụ công ty đăng ký cho công nhân) không?", "Is this a registration by list for several people (for example a company for its workers)?"),
            t("Đăng ký theo danh sách", "Registration by list"),
            Kind::YesNo,
        )
        .when(yes("stay")),
    ]);
    r.outcomes = vec![
        Outcome::refuse(
            no("stay"),
            t(
                "Đăng ký tạm trú là cho người đến ở ngoài xã, phường nơi thường trú từ 30 ngày trở lên (Điều 27 Luật Cư trú).",
                "Temporary residence is for living outside the commune or ward of permanent residence for 30 days or more (Law on Residence, Art. 27).",
            ),
            t(
                "Ở dưới 30 ngày: chủ nhà thông báo lưu trú với Công an xã, phường (2.001159). Chuyển hẳn chỗ ở: đăng ký thường trú (1.004222).",
                "For a stay under 30 days the host notifies the police (notice of stay, 2.001159). To move for good, register permanent residence (1.004222).",
            ),
        ),
        Outcome::refuse(
            is("banned", "yes"),
            t(
                "Không được đăng ký cư trú mới tại chỗ ở thuộc các trường hợp của Điều 23 Luật Cư trú.",
                "No new residence can be registered at a home covered by Art. 23 of the Law on Residence.",
            ),
            t(
                "Tìm chỗ ở hợp pháp khác; cần giải thích, hỏi Công an xã, phường.",
                "Find another legal home; for an explanation, ask the commune or ward police.",
            ),
        ),
        Outcome::eligible(
            Cond::Always,
            t(
                "Người đó phải và được đăng ký tạm trú tại Công an xã, phường nơi sẽ ở.",
                "The person must, and can, register temporary residence with the commune or ward police where they will live.",
            ),
        ),
    ];
    r.documents = vec![
        DocumentRule::submit(
            "ct01",
            Cond::Always,
            t(
                "Tờ khai thay đổi thông tin cư trú (mẫu CT01, Thông tư 53/2025/TT-BCA), mỗi người một tờ",
                "Residence information form (CT01, Circular 53/2025/TT-BCA), one per person",
            ),
            t(
                "Tờ khai bắt buộc cho mọi trường hợp.",
                "The form every registration needs.",
            ),
        ),
        DocumentRule::submit(
            "parent_consent",
            is("who", "child"),
            t(
                "Ý kiến đồng ý của cha, mẹ hoặc người giám hộ (ghi vào tờ khai CT01 hoặc bằng văn bản)",
                "Consent of a parent or guardian, on the CT01 form or in writing",
            ),
            t(
                "Người chưa thành niên đăng ký tạm trú cần cha, mẹ hoặc người giám hộ đồng ý (Điều 28 Luật Cư trú).",
                "A minor needs a parent's or guardian's consent (Law on Residence, Art. 28).",
            ),
        ),
        DocumentRule::show(
            "dwelling_proof",
            is_any("basis", &["own", "rented"]),
            t(
                "Giấy tờ chứng minh chỗ ở hợp pháp (hợp đồng thuê, mượn, ở nhờ không cần công chứng) — chỉ khi không tra cứu được",
                "Proof of a legal home (a rental or loan agreement need not be notarised) — only if it cannot be looked up",
            ),
            t(
                "Chỗ ở được tra cứu trước; tạm trú không đòi hỏi hợp đồng công chứng (khoản 3 Điều 5 Nghị định 154/2024).",
                "The home is looked up first; temporary residence needs no notarised contract (Decree 154/2024, Art. 5(3)).",
            ),
        ),
        DocumentRule::submit(
            "list_letter",
            yes("list"),
            t(
                "Văn bản đề nghị kèm danh sách (họ tên, ngày sinh, giới tính, số định danh, thời hạn tạm trú)",
                "A request letter with the list (name, date of birth, sex, ID number, length of stay)",
            ),
            t(
                "Đăng ký theo danh sách cho nhiều người.",
                "Needed for a registration by list.",
            ),
        ),
        DocumentRule::submit(
            "unit_letter",
            is("basis", "military"),
            t(
                "Giấy giới thiệu của Thủ trưởng đơn vị",
                "Introduction letter from the unit commander",
            ),
            t(
                "Người trong lực lượng vũ trang đăng ký tạm trú tại đơn vị.",
                "Members of the armed forces register at their unit.",
            ),
        ),
    ];
    r.documents.extend(authorisation(for_someone_else()));
    r.documents.push(identity());
    r.fees = vec![
        LineRule::new(
            not(yes("list")),
            t(
                "15.000 đồng nếu nộp trực tiếp; 7.000 đồng nếu nộp trực tuyến.",
                "15,000 ₫ in person; 7,000 ₫ online.",
            ),
        ),
        LineRule::new(
            yes("list"),
            t(
                "Mỗi người 10.000 đồng nếu nộp trực tiếp; 5.000 đồng nếu nộp trực tuyến.",
                "10,000 ₫ per person in person; 5,000 ₫ per person online.",
            ),
        ),
        residence_fee_exemption(),
    ];
    r.times = vec![working_days(Cond::Always, 3, "", "")];
    r.places = vec![
        LineRule::always(t(
            "Công an xã, phường nơi sẽ tạm trú (tiếp nhận tại Trung tâm Phục vụ hành chính công).",
            "The commune or ward police where the person will stay (dossiers received at the public administration service centre).",
        )),
        LineRule::always(t(
            "Trực tuyến toàn trình: Cổng Dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an hoặc VNeID.",
            "Fully online: the national portal, the Ministry of Public Security portal or VNeID.",
        )),
    ];
    r.notes = vec![
        LineRule::always(t(
            "Tạm trú có thời hạn tối đa 2 năm và gia hạn được nhiều lần; gia hạn trong 15 ngày trước khi hết hạn (1.002755).",
            "Temporary residence lasts up to 2 years and can be extended any number of times, within the 15 days before it ends (1.002755).",
        )),
        LineRule::new(
            is("banned", "unknown"),
            t(
                "Công an xã, phường sẽ kiểm tra chỗ ở có thuộc nơi cấm đăng ký cư trú mới không.",
                "The police will check whether new registration is banned at this home.",
            ),
        ),
    ];
    r
}

/// The dossier's form besides the applicant's part (shared with the related procedure).
pub fn sections() -> Vec<crate::dossier::form::Section> {
    crate::dossier::form::residence_sections(true)
}
