//! Rules shared by every procedure: who the application is for, the written authorisation and
//! its certification, identity and residence papers, where to file (procedure-facts §0).

use super::model::*;

/// The first question everywhere: who is this application for? `options` picks which of
/// `self`, `child`, `relative` and `authorised` make sense for the procedure, in that order.
pub fn who(options: &[&str]) -> Question {
    let all = [
        Choice::new("self", t("Cho chính tôi", "Myself")),
        Choice::new(
            "child",
            t("Cho con tôi (dưới 18 tuổi)", "My child (under 18)"),
        )
        .hint(t(
            "Cha, mẹ là người đại diện theo pháp luật của con chưa thành niên.",
            "Parents act for their children under 18 by law.",
        )),
        Choice::new(
            "relative",
            t(
                "Cho người thân tôi đang giúp, ví dụ cha mẹ già",
                "A relative I am helping, for example an elderly parent",
            ),
        ),
        Choice::new(
            "authorised",
            t(
                "Cho người đã ủy quyền cho tôi",
                "Someone who has authorised me",
            ),
        )
        .hint(t(
            "Người đó đã hoặc sẽ viết giấy ủy quyền cho bạn.",
            "They have given, or will give, you a written authorisation.",
        )),
    ];
    let choices = all
        .into_iter()
        .filter(|c| options.contains(&c.id.as_str()))
        .collect();
    Question::new(
        "who",
        t("Hồ sơ này làm cho ai?", "Who is this application for?"),
        t("Làm cho", "Application for"),
        Kind::Choice(choices),
    )
    .hint(t(
        "Nếu bạn nộp thay người khác, danh sách giấy tờ sẽ có thêm giấy ủy quyền theo quy định.",
        "If you file for someone else, the checklist adds the authorisation the law asks for.",
    ))
}

/// Filing for someone else: a relative being helped, or someone who gave an authorisation.
pub fn for_someone_else() -> Cond {
    is_any("who", &["relative", "authorised"])
}

/// "What is that person to you?": decides whether the authorisation needs certification. Asked
/// when `when` holds (usually `for_someone_else()`).
pub fn relation(when: Cond) -> Question {
    Question::new(
        "relation",
        t(
            "Người mà hồ sơ làm cho là gì của bạn?",
            "What is the person the application is for to you?",
        ),
        t("Quan hệ", "Relationship"),
        Kind::Choice(vec![
            Choice::new("parent", t("Cha hoặc mẹ tôi", "My father or mother")),
            Choice::new("spouse", t("Vợ hoặc chồng tôi", "My wife or husband")),
            Choice::new("child", t("Con tôi (đã thành niên)", "My adult child")),
            Choice::new(
                "sibling",
                t("Anh, chị, em ruột của tôi", "My full brother or sister"),
            ),
            Choice::new("grandchild", t("Cháu nội, cháu ngoại của tôi", "My grandchild")),
            Choice::new("grandparent", t("Ông hoặc bà tôi", "My grandparent")),
            Choice::new(
                "other",
                t(
                    "Họ hàng khác, hoặc không có quan hệ họ hàng",
                    "Another relative, or not related",
                ),
            ),
        ]),
    )
    .hint(t(
        "Giấy ủy quyền không phải chứng thực nếu bạn là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.",
        "The authorisation needs no certification if you are the grandparent, parent, child, spouse or full sibling of the person who gives it.",
    ))
    .when(when)
}

/// Rules whose first questions are who the application is for (`options`, see `who`) and, when
/// filing for someone else, the relationship.
pub fn rules_for_filers(code: &str, options: &[&str]) -> Rules {
    let mut rules = Rules::new(code);
    rules.questions = vec![who(options), relation(for_someone_else())];
    rules
}

/// The filer is the grandparent, parent, child, spouse or full sibling of the person the
/// application is for.
pub fn close_relative() -> Cond {
    is_any(
        "relation",
        &["parent", "spouse", "child", "sibling", "grandchild"],
    )
}

/// The written authorisation, required when `needed` holds: without certification for close
/// relatives, certified otherwise (§0, ✅ S1).
pub fn authorisation(needed: Cond) -> Vec<DocumentRule> {
    let name = t(
        "Văn bản ủy quyền của người mà hồ sơ làm cho",
        "Written authorisation from the person the application is for",
    );
    vec![
        DocumentRule::submit(
            "authorisation",
            all(vec![needed.clone(), close_relative()]),
            name.clone(),
            t(
                "Nộp hồ sơ thay người khác cần văn bản ủy quyền; là người thân (ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột) thì không phải chứng thực.",
                "Filing for someone else needs their written authorisation; as their grandparent, parent, child, spouse or full sibling you need no certification.",
            ),
        )
        .remark(t("Không cần chứng thực", "No certification needed")),
        DocumentRule::submit(
            "authorisation_certified",
            all(vec![needed, not(close_relative())]),
            name,
            t(
                "Nộp hồ sơ thay người khác cần văn bản ủy quyền; người được ủy quyền không phải ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột thì văn bản phải được chứng thực.",
                "Filing for someone else needs their written authorisation; unless you are their grandparent, parent, child, spouse or full sibling it must be certified.",
            ),
        )
        .remark(t(
            "Phải chứng thực (tại UBND xã/phường hoặc văn phòng công chứng)",
            "Must be certified (at a commune or ward office, or a notary)",
        )),
    ]
}

/// The filer's identity paper, shown at the counter (§0).
pub fn identity() -> DocumentRule {
    DocumentRule::show(
        "identity",
        Cond::Always,
        t(
            "Giấy tờ tùy thân của người nộp: thẻ căn cước (CCCD), hộ chiếu hoặc căn cước điện tử trên VNeID",
            "The filer's identity paper: ID card (căn cước), passport or the electronic ID in VNeID",
        ),
        t(
            "Để cán bộ biết ai nộp hồ sơ. Chỉ cần số định danh: cán bộ tự tra cứu Cơ sở dữ liệu quốc gia về dân cư.",
            "So the officer knows who is filing. The ID number is enough: the officer looks you up in the national population database.",
        ),
    )
}

/// Proof of residence, only when the office cannot read it from the database (§0, Art. 14(2)
/// Decree 104/2022).
pub fn residence_proof() -> DocumentRule {
    DocumentRule::show(
        "residence_proof",
        Cond::Always,
        t(
            "Giấy tờ chứng minh nơi cư trú — chỉ khi cán bộ không tra cứu được trên Cơ sở dữ liệu",
            "Proof of residence — only if the officer cannot find it in the database",
        ),
        t(
            "Nơi cư trú được tra cứu từ Cơ sở dữ liệu quốc gia về dân cư; chỉ xuất trình giấy tờ khi không tra cứu được (khoản 2 Điều 14 Nghị định 104/2022).",
            "Residence is read from the national population database; papers are shown only when it cannot be (Decree 104/2022, Art. 14(2)).",
        ),
    )
}

/// The declaration form: on paper at the counter or by post, or the portal's interactive form.
pub fn form(id: &str, vi: &str, en: &str) -> DocumentRule {
    DocumentRule::submit(
        id,
        Cond::Always,
        t(
            &format!("{vi} (theo mẫu; nộp trực tuyến thì điền biểu mẫu điện tử)"),
            &format!("{en} (the official form; online, the portal's interactive form)"),
        ),
        t(
            "Tờ khai là phần bắt buộc của hồ sơ; mẫu có sẵn tại quầy và trên Cổng dịch vụ công.",
            "The form is a required part of every dossier; it is available at the counter and on the national portal.",
        ),
    )
}

/// Civil-status procedures: at the commune or ward where the resident lives; any other will
/// help file online (§0 ✅ S1).
pub fn civil_status_places(online: bool) -> Vec<LineRule> {
    let mut places = vec![LineRule::always(t(
        "Trung tâm Phục vụ hành chính công của xã, phường nơi cư trú (thường trú hoặc tạm trú). Nếu đến xã, phường khác, cán bộ ở đó giúp bạn nộp trực tuyến.",
        "The public administration service centre of the commune or ward where you live (permanent or temporary residence). Any other commune or ward will help you file online.",
    ))];
    if online {
        places.push(online_place());
    }
    places
}

pub fn online_place() -> LineRule {
    LineRule::always(t(
        "Trực tuyến: Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) hoặc ứng dụng VNeID.",
        "Online: the national public service portal (dichvucong.gov.vn) or the VNeID app.",
    ))
}

/// The Hanoi People's Council fee, whose amount our sources do not give (§0 ❓).
pub fn council_fee(when: Cond) -> LineRule {
    LineRule::new(
        when,
        t(
            "Lệ phí do Hội đồng nhân dân Thành phố Hà Nội quy định. Miễn cho gia đình người có công với cách mạng, hộ nghèo, người khuyết tật.",
            "A fee set by the Hà Nội People's Council. Families of people with revolutionary merit, poor households and people with disabilities do not pay.",
        ),
    )
    .uncertain()
}

/// A number of working days.
pub fn working_days(when: Cond, days: u32, extra_vi: &str, extra_en: &str) -> LineRule {
    let (vi, en) = if days == 1 {
        ("1 ngày làm việc".to_string(), "1 working day".to_string())
    } else {
        (
            format!("{days} ngày làm việc"),
            format!("{days} working days"),
        )
    };
    let join = |a: String, b: &str| if b.is_empty() { a } else { format!("{a}; {b}") };
    LineRule::new(when, t(&join(vi, extra_vi), &join(en, extra_en)))
}

/// Papers the office reads from the databases need not be brought (§0 ✅ S1).
pub fn lookup_note() -> LineRule {
    LineRule::always(t(
        "Cán bộ không được yêu cầu giấy tờ mà pháp luật không quy định. Giấy tờ đã có trên VNeID hoặc tra cứu được trong Cơ sở dữ liệu thì không phải mang bản giấy.",
        "Officers may not ask for papers the law does not require. Papers in VNeID, or found in the databases, need not be brought on paper.",
    ))
}

/// Residence fees are waived for the groups of Art. 4 of Circular 75/2022, whose list our sources
/// do not give (§5 ❓).
pub fn residence_fee_exemption() -> LineRule {
    LineRule::always(t(
        "Được miễn nếu thuộc diện miễn tại Điều 4 Thông tư 75/2022 (ví dụ người có công, trẻ em, hộ nghèo).",
        "Exempt if you are in the exemption list of Art. 4 of Circular 75/2022 (for example people with revolutionary merit, children, poor households).",
    ))
    .uncertain()
}

/// Social support (§13): no fee is listed, 10 working days, paid from the month of the decision.
pub fn social_support_fee_and_time(rules: &mut Rules) {
    rules.fees = vec![LineRule::always(t("Không mất phí.", "No fee.")).uncertain()];
    rules.times = vec![working_days(
        Cond::Always,
        10,
        "hưởng từ tháng Chủ tịch UBND xã, phường ký quyết định",
        "paid from the month the commune chairperson signs the decision",
    )];
}
