//! 1.001193 Đăng ký khai sinh — birth registration (procedure-facts §1).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "1.001193";

/// Registration within 60 days of the birth is on time, and free (Law on Civil Status Arts. 11, 15).
pub const ON_TIME_DAYS: i64 = 60;

pub fn rules() -> Rules {
    let late = days_since_over("born", ON_TIME_DAYS);
    let mut r = Rules::new(CODE);
    r.questions = vec![
        who(&["child", "relative", "authorised", "self"]),
        relation(is("who", "authorised")),
        Question::new(
            "registered",
            t("Người này đã từng được đăng ký khai sinh chưa?", "Has this person's birth ever been registered?"),
            t("Đã đăng ký khai sinh trước đây", "Birth registered before"),
            Kind::Choice(vec![
                Choice::new("never", t("Chưa bao giờ", "Never")),
                Choice::new("exists", t("Rồi, giấy khai sinh hoặc sổ hộ tịch vẫn còn", "Yes, and the birth certificate or the register still exists")),
                Choice::new("lost", t("Rồi, nhưng cả sổ hộ tịch và bản chính giấy khai sinh đều bị mất", "Yes, but both the register and the original certificate are lost")),
            ]),
        ),
        Question::new(
            "has_papers",
            t("Người này đã lớn và đã có giấy tờ cá nhân (như căn cước, học bạ) chưa?", "Is this person grown up, with personal papers already (such as an ID card or school records)?"),
            t("Đã có giấy tờ cá nhân", "Has personal papers"),
            Kind::YesNo,
        )
        .when(is("registered", "never")),
        Question::new(
            "foreign",
            t("Cha hoặc mẹ có quốc tịch nước ngoài, hoặc đang sống ở nước ngoài không?", "Does either parent hold a foreign nationality or live abroad?"),
            t("Cha hoặc mẹ là người nước ngoài, ở nước ngoài", "A parent foreign or abroad"),
            Kind::YesNo,
        ),
        Question::new(
            "born",
            t("Trẻ sinh ngày nào?", "When was the child born?"),
            t("Ngày sinh", "Date of birth"),
            Kind::Date,
        )
        .hint(t("Ví dụ: 26 8 2026", "For example: 26 8 2026")),
        Question::new(
            "married",
            t("Cha mẹ của trẻ có đăng ký kết hôn với nhau không?", "Are the child's parents married to each other?"),
            t("Cha mẹ đã kết hôn", "Parents married"),
            Kind::YesNo,
        ),
        Question::new(
            "recognise",
            t("Người cha có muốn được ghi tên là cha của trẻ ngay bây giờ không?", "Does the father want to be named as the child's father now?"),
            t("Cha nhận con khi khai sinh", "Father recognises the child"),
            Kind::YesNo,
        )
        .when(no("married")),
        Question::new(
            "proof",
            t("Bạn có Giấy chứng sinh của bệnh viện hoặc cơ sở y tế không?", "Do you have the birth certificate from the hospital or clinic (giấy chứng sinh)?"),
            t("Giấy chứng sinh", "Hospital birth certificate"),
            Kind::Choice(vec![
                Choice::new("certificate", t("Có", "Yes")),
                Choice::new("witness", t("Không, nhưng có người làm chứng việc sinh", "No, but someone who saw the birth can confirm it")),
                Choice::new("none", t("Không, và không có người làm chứng", "No, and there is no witness")),
            ]),
        ),
        Question::new(
            "special",
            t("Có trường hợp nào dưới đây đúng với trẻ không?", "Does either of these apply to the child?"),
            t("Trường hợp đặc biệt", "Special case"),
            Kind::Choice(vec![
                Choice::new("none", t("Không có", "Neither")),
                Choice::new("surrogacy", t("Trẻ sinh ra do mang thai hộ", "The child was born through surrogacy")),
                Choice::new("abandoned", t("Trẻ bị bỏ rơi", "The child was abandoned")),
            ]),
        ),
    ];
    r.outcomes = vec![
        Outcome::route(
            is("registered", "lost"),
            "1.004884",
            t(
                "Khai sinh đã đăng ký nhưng sổ hộ tịch và bản chính đều mất thì làm thủ tục đăng ký lại khai sinh.",
                "A birth registered before whose register and original are both lost is registered again under its own procedure.",
            ),
        ),
        Outcome::route(
            is("registered", "exists"),
            "2.000635",
            t(
                "Mỗi người chỉ đăng ký khai sinh một lần. Cần thêm giấy khai sinh thì xin cấp bản sao.",
                "A birth is registered only once. For another birth certificate, ask for a copy.",
            ),
        ),
        Outcome::route(
            yes("has_papers"),
            "1.004772",
            t(
                "Người chưa đăng ký khai sinh nhưng đã có hồ sơ, giấy tờ cá nhân làm thủ tục khai sinh riêng cho trường hợp này.",
                "Someone never registered who already has personal papers uses the procedure made for that case.",
            ),
        ),
        Outcome::route(
            yes("foreign"),
            "2.000528",
            t(
                "Khai sinh có yếu tố nước ngoài là thủ tục riêng (vẫn làm tại xã, phường).",
                "A birth with a foreign element has its own procedure (still at the commune or ward).",
            ),
        ),
        Outcome::route(
            yes("recognise"),
            "1.000689",
            t(
                "Cha mẹ chưa kết hôn mà cha muốn nhận con khi khai sinh thì làm thủ tục khai sinh kết hợp nhận cha, mẹ, con.",
                "When unmarried parents want the father named at registration, birth and recognition are registered together.",
            ),
        ),
        Outcome::eligible(
            late.clone(),
            t(
                "Bạn đăng ký khai sinh được tại đây. Trẻ sinh đã quá 60 ngày nên đây là đăng ký khai sinh quá hạn: vẫn làm theo thủ tục này, nhưng phải nộp lệ phí.",
                "You can register this birth here. More than 60 days have passed since the birth, so it is a late registration: same procedure, but a fee is due.",
            ),
        ),
        Outcome::eligible(
            Cond::Always,
            t(
                "Bạn đăng ký khai sinh được tại đây, đúng hạn (trong 60 ngày kể từ ngày sinh) và miễn lệ phí.",
                "You can register this birth here, on time (within 60 days of the birth) and free of charge.",
            ),
        ),
    ];
    r.documents = vec![
        form(
            "form",
            "Tờ khai đăng ký khai sinh",
            "Birth registration form",
        ),
        DocumentRule::submit(
            "birth_certificate",
            is("proof", "certificate"),
            t(
                "Giấy chứng sinh do bệnh viện, cơ sở y tế cấp",
                "Birth certificate from the hospital or clinic (giấy chứng sinh)",
            ),
            t(
                "Chứng minh việc sinh. Không cần bản giấy nếu bệnh viện đã gửi bản điện tử có ký số lên Cổng dịch vụ công.",
                "Proves the birth. No paper needed if the hospital has already sent the signed electronic version to the portal.",
            ),
        ),
        DocumentRule::submit(
            "witness_statement",
            is("proof", "witness"),
            t(
                "Văn bản của người làm chứng xác nhận về việc sinh",
                "Written statement by a witness to the birth",
            ),
            t(
                "Không có Giấy chứng sinh thì cần văn bản của người làm chứng.",
                "Without a hospital birth certificate, a witness must confirm the birth in writing.",
            ),
        ),
        DocumentRule::submit(
            "birth_pledge",
            is("proof", "none"),
            t(
                "Giấy cam đoan về việc sinh",
                "Written declaration about the birth (giấy cam đoan)",
            ),
            t(
                "Không có Giấy chứng sinh và người làm chứng thì phải có giấy cam đoan; cam đoan sai sự thật sẽ bị từ chối hoặc hủy kết quả.",
                "With neither a hospital certificate nor a witness, you declare the birth in writing; a false declaration means refusal or cancellation.",
            ),
        ),
        DocumentRule::submit(
            "abandonment_record",
            is("special", "abandoned"),
            t(
                "Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập",
                "Record of the child's abandonment, made by the authorities",
            ),
            t(
                "Trẻ bị bỏ rơi: xã, phường lập biên bản và niêm yết 7 ngày liên tục trước khi khai sinh.",
                "For an abandoned child the commune makes this record and posts it for 7 consecutive days before registration.",
            ),
        ),
        DocumentRule::submit(
            "surrogacy_confirmation",
            is("special", "surrogacy"),
            t(
                "Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản",
                "Confirmation from the medical facility that carried out the assisted reproduction",
            ),
            t(
                "Trẻ sinh ra do mang thai hộ phải có xác nhận của cơ sở y tế.",
                "A child born through surrogacy needs the medical facility's confirmation.",
            ),
        ),
    ];
    r.documents.extend(authorisation(is("who", "authorised")));
    r.documents.extend([identity(), residence_proof()]);
    r.fees = vec![
        LineRule::new(not(late.clone()), t(
            "Miễn lệ phí: khai sinh đúng hạn (Điều 11 Luật Hộ tịch).",
            "Free: on-time birth registration (Law on Civil Status, Art. 11).",
        )),
        LineRule::new(late, t(
            "Lệ phí đăng ký khai sinh quá hạn, do Hội đồng nhân dân Thành phố Hà Nội quy định (Điều 11 Luật Hộ tịch). Miễn cho gia đình người có công, hộ nghèo, người khuyết tật.",
            "Late-registration fee, set by the Hà Nội People's Council (Law on Civil Status, Art. 11). Families of people with revolutionary merit, poor households and people with disabilities do not pay.",
        )).uncertain(),
    ];
    r.times = vec![
        working_days(
            Cond::Always,
            1,
            "làm ngay khi nhận đủ hồ sơ (Điều 16 Luật Hộ tịch)",
            "done at once when the papers are complete (Law on Civil Status, Art. 16)",
        ),
        LineRule::new(
            yes("married"),
            t(
                "Nếu không tìm thấy thông tin kết hôn của cha mẹ trong Cơ sở dữ liệu, xã, phường xác minh thêm tối đa 3 ngày làm việc.",
                "If the parents' marriage cannot be found in the database, the commune verifies it within up to 3 more working days.",
            ),
        ),
    ];
    r.places = vec![
        LineRule::always(t(
            "Trung tâm Phục vụ hành chính công của xã, phường nơi cư trú của cha hoặc mẹ (Điều 13 Luật Hộ tịch). Xã, phường khác sẽ giúp bạn nộp trực tuyến.",
            "The public administration service centre of the commune or ward where the father or mother lives (Law on Civil Status, Art. 13). Any other will help you file online.",
        )),
        online_place(),
    ];
    r.notes = vec![
        LineRule::new(
            is("who", "relative"),
            t(
                "Ông, bà hoặc người thân khác được đi khai sinh cho trẻ mà không cần giấy ủy quyền của cha mẹ, nhưng phải thống nhất nội dung khai sinh với cha mẹ.",
                "A grandparent or other relative may register the birth without the parents' authorisation, but must agree the details with the parents.",
            ),
        ),
        LineRule::new(
            no("recognise"),
            t(
                "Chưa xác định được cha thì phần khai về cha để trống; họ, dân tộc, quê quán, quốc tịch của trẻ theo mẹ.",
                "If the father is not named, his part stays blank and the child's surname, ethnicity, home town and nationality follow the mother's.",
            ),
        ),
        LineRule::always(t(
            "Tên của trẻ phải phù hợp phong tục, không quá dài, khó sử dụng. Họ, dân tộc, quê quán theo cha hoặc mẹ.",
            "The child's name must follow Vietnamese custom and not be overly long or hard to use; surname, ethnicity and home town follow the father or the mother.",
        )),
        LineRule::always(t(
            "Sau khi khai sinh, đăng ký thường trú cho trẻ trong 60 ngày (thủ tục 1.004222). Có thể làm chung trong gói liên thông khai sinh – thường trú – thẻ BHYT cho trẻ dưới 6 tuổi trên VNeID.",
            "After the birth is registered, register the child's permanent residence within 60 days (procedure 1.004222). The VNeID bundle does birth, residence and the under-6 health-insurance card together.",
        )),
        lookup_note(),
    ];
    r
}

/// The check's answers that fill the dossier: (answer, date field).
pub const CARRIED: &[(&str, &str)] = &[("born", "child_birth")];

/// The dossier's form besides the applicant's part (the same for every answer): birth registration: the child, the mother, the father (who may be unknown).
pub fn sections() -> Vec<crate::dossier::form::Section> {
    form::sections()
}

mod form {
    use crate::dossier::form::*;

    pub fn sections() -> Vec<Section> {
        {
            let mut child = section(
                "child",
                t("Thông tin của trẻ", "The child"),
                vec![
                    Field::new(
                        "child_name",
                        t(
                            "Họ, chữ đệm và tên dự kiến của trẻ",
                            "The child's full name",
                        ),
                        Kind::Name,
                    )
                    .hint(t(
                        "Theo phong tục; họ theo họ của cha hoặc của mẹ",
                        "Following custom; the surname is the father's or the mother's",
                    )),
                    Field::new("child_sex", t("Giới tính", "Sex"), Kind::Choice(sexes())),
                    Field::new(
                        "child_birth",
                        t("Ngày sinh", "Date of birth"),
                        Kind::date(true),
                    ),
                    Field::new(
                        "child_birthplace",
                        t("Nơi sinh", "Place of birth"),
                        Kind::Text { max: 200 },
                    )
                    .hint(t(
                        "Tên bệnh viện hoặc cơ sở y tế, hoặc địa chỉ nếu sinh ngoài cơ sở y tế",
                        "The hospital or clinic, or the address if the child was born elsewhere",
                    )),
                    Field::new(
                        "child_ethnicity",
                        t("Dân tộc", "Ethnicity"),
                        Kind::Text { max: 40 },
                    ),
                    Field::new(
                        "child_nationality",
                        t("Quốc tịch", "Nationality"),
                        Kind::Text { max: 40 },
                    ),
                    Field::new(
                        "child_hometown",
                        t("Quê quán (không bắt buộc)", "Home town (optional)"),
                        Kind::Text { max: 200 },
                    )
                    .optional()
                    .hint(t(
                        "Theo quê quán của cha hoặc của mẹ",
                        "The father's or the mother's home town",
                    )),
                ],
            );
            child.intro = Some(t(
                "Điền như trên giấy chứng sinh.",
                "As on the hospital's birth certificate (giấy chứng sinh).",
            ));
            let mother = person_section(
                "mother",
                t("Thông tin người mẹ", "The mother"),
                None,
                PersonAsks {
                    fixed_female: Some(true),
                    ..FULL
                },
                false,
            );
            let mut father_fields = vec![Field::new(
                "father_known",
                t("Đã xác định được người cha chưa?", "Is the father known?"),
                Kind::Choice(yes_no()),
            )
            .hint(t(
                "Nếu chưa, phần thông tin người cha để trống; họ, dân tộc, quê quán và quốc tịch của trẻ theo người mẹ",
                "If not, the father's part stays blank and the child's surname, ethnicity, home town and nationality follow the mother's",
            ))];
            father_fields.extend(
                person_fields(
                    "father",
                    PersonAsks {
                        fixed_female: Some(false),
                        ..FULL
                    },
                )
                .into_iter()
                .map(|f| f.when("father_known", "yes")),
            );
            let father = Section {
                id: "father".into(),
                title: t("Thông tin người cha", "The father"),
                intro: None,
                fields: father_fields,
                person: Some("father".into()),
                only_for_someone_else: false,
            };
            vec![child, mother, father]
        }
    }
}
