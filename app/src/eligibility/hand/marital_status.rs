//! 1.004873 Cấp Giấy xác nhận tình trạng hôn nhân — marital-status certificate
//! (procedure-facts §4).

use crate::eligibility::common::*;
use crate::eligibility::model::*;

pub const CODE: &str = "1.004873";

pub fn rules() -> Rules {
    let mut r = rules_for_filers(CODE, &["self", "relative", "authorised"]);
    r.questions.extend([
        Question::new(
            "purpose",
            t("Giấy xác nhận dùng để làm gì?", "What is the certificate for?"),
            t("Mục đích", "Purpose"),
            Kind::Choice(vec![
                Choice::new("marry", t("Để đăng ký kết hôn", "To marry")),
                Choice::new("other", t("Việc khác (vay vốn, mua bán nhà đất…)", "Something else (a loan, a property sale…)")),
            ]),
        ),
        Question::new(
            "refused_case",
            t("Có phải để kết hôn với người cùng giới tính, hoặc kết hôn với người nước ngoài tại cơ quan đại diện nước ngoài ở Việt Nam không?", "Is it to marry someone of the same sex, or to marry a foreigner at a foreign embassy in Vietnam?"),
            t("Kết hôn cùng giới hoặc tại cơ quan nước ngoài", "Same-sex marriage, or at a foreign embassy"),
            Kind::YesNo,
        )
        .when(is("purpose", "marry")),
        Question::new(
            "previous",
            t("Người được xác nhận đã từng kết hôn chưa?", "Has the person been married before?"),
            t("Đã từng kết hôn", "Married before"),
            Kind::Choice(vec![
                Choice::new("never", t("Chưa từng kết hôn", "Never married")),
                Choice::new("divorced", t("Đã ly hôn", "Divorced")),
                Choice::new("widowed", t("Vợ hoặc chồng đã mất", "Widowed")),
            ]),
        ),
        Question::new(
            "moved",
            t("Người đó đã từng thường trú ở nhiều nơi khác nhau chưa?", "Has the person had permanent residence in several places?"),
            t("Thường trú nhiều nơi", "Lived in several places"),
            Kind::YesNo,
        ),
        Question::new(
            "reissue",
            t("Người đó đã từng được cấp Giấy xác nhận tình trạng hôn nhân, nay hết hạn hoặc cần cho việc khác, không?", "Was the person issued a marital-status certificate before that has expired or was for another purpose?"),
            t("Xin cấp lại", "Re-issue"),
            Kind::YesNo,
        ),
    ]);
    r.outcomes = vec![
        Outcome::refuse(
            yes("refused_case"),
            t(
                "Giấy xác nhận tình trạng hôn nhân không được cấp để kết hôn với người cùng giới tính, hoặc với người nước ngoài tại cơ quan đại diện nước ngoài ở Việt Nam.",
                "The certificate is not issued to marry someone of the same sex, or to marry a foreigner at a foreign embassy in Vietnam.",
            ),
            t(
                "Để kết hôn với người nước ngoài, đăng ký tại xã, phường theo thủ tục kết hôn có yếu tố nước ngoài (2.000806).",
                "To marry a foreign national, register at the commune or ward under the foreign-element marriage procedure (2.000806).",
            ),
        ),
        Outcome::eligible(
            Cond::Always,
            t(
                "Bạn xin cấp Giấy xác nhận tình trạng hôn nhân được tại xã, phường nơi cư trú.",
                "You can ask for a marital-status certificate at the commune or ward where the person lives.",
            ),
        ),
    ];
    r.documents = vec![form(
        "form",
        "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
        "Marital-status certificate request form",
    )];
    r.documents.push(DocumentRule::show("divorce_details", is("previous", "divorced"),
        t("Thông tin bản án, quyết định ly hôn (cơ quan cấp, số, ngày); ly hôn ở nước ngoài thì trích lục ghi chú ly hôn",
          "Details of the divorce judgment or decision (court, number, date); for a divorce abroad, the extract recording it"),
        t("Người đã ly hôn phải cho biết căn cứ chấm dứt hôn nhân trước.", "A divorced person must show how the earlier marriage ended.")));
    r.documents.push(DocumentRule::show(
        "death_extract_details",
        is("previous", "widowed"),
        t(
            "Thông tin trích lục khai tử của vợ hoặc chồng (cơ quan cấp, số, ngày)",
            "Details of the spouse's death extract (office, number, date)",
        ),
        t(
            "Người có vợ hoặc chồng đã mất phải cho biết căn cứ chấm dứt hôn nhân trước.",
            "A widowed person must show how the earlier marriage ended.",
        ),
    ));
    r.documents.push(DocumentRule::show("earlier_status", yes("moved"),
        t("Giấy tờ chứng minh tình trạng hôn nhân ở những nơi thường trú trước (nếu có)", "Proof of marital status from earlier places of permanent residence, if you have it"),
        t("Nếu Cơ sở dữ liệu không có thông tin, xã, phường nơi thường trú trước xác minh trong 3 ngày làm việc.",
          "If the databases have no record, the earlier communes verify within 3 working days.")));
    r.documents.push(DocumentRule::submit("previous_certificate", yes("reissue"),
        t("Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây", "The marital-status certificate issued before"),
        t("Xin cấp lại thì phải nộp lại giấy cũ; không nộp lại được khi xin để kết hôn thì cán bộ liên hệ nơi dự định kết hôn trước, hoặc bạn làm giấy cam đoan.",
          "A re-issue needs the old certificate back; if you cannot return it when marrying, the office checks with the earlier place of marriage, or you sign a declaration.")));
    r.documents.extend(authorisation(for_someone_else()));
    r.documents.extend([identity(), residence_proof()]);
    r.fees = vec![council_fee(Cond::Always)];
    r.times = vec![working_days(Cond::Always, 3, "", "")];
    r.places = civil_status_places(true);
    r.notes = vec![
        LineRule::new(
            is("purpose", "marry"),
            t(
                "Giấy xác nhận để kết hôn chỉ được cấp 1 bản.",
                "For marriage only one copy is issued.",
            ),
        ),
        LineRule::new(
            is("purpose", "other"),
            t(
                "Giấy xác nhận ghi rõ mục đích sử dụng và số bản được cấp.",
                "The certificate states its purpose and the number of copies issued.",
            ),
        ),
        LineRule::always(t(
            "Giấy xác nhận có giá trị 6 tháng kể từ ngày cấp.",
            "The certificate is valid for 6 months from issue.",
        ))
        .uncertain(),
        lookup_note(),
    ];
    r
}

/// The dossier's form besides the applicant's part (the same for every answer): confirmation of marital status.
pub fn sections() -> Vec<crate::dossier::form::Section> {
    form::sections()
}

mod form {
    use crate::dossier::form::*;

    pub fn sections() -> Vec<Section> {
        vec![
            subject(t("Người cần xác nhận", "The person to certify")),
            section(
                "request",
                t("Nội dung đề nghị", "What the certificate is for"),
                vec![
                    Field::new(
                        "marital_status",
                        t("Tình trạng hôn nhân hiện nay", "Current marital status"),
                        Kind::Choice(vec![
                            Choice {
                                value: "never".into(),
                                label: t("Chưa đăng ký kết hôn với ai", "Never married"),
                            },
                            Choice {
                                value: "married".into(),
                                label: t("Đang có vợ hoặc chồng", "Married"),
                            },
                            Choice {
                                value: "divorced".into(),
                                label: t("Đã ly hôn", "Divorced"),
                            },
                            Choice {
                                value: "widowed".into(),
                                label: t("Vợ hoặc chồng đã mất", "Widowed"),
                            },
                        ]),
                    ),
                    Field::new(
                        "purpose",
                        t("Mục đích sử dụng", "What it will be used for"),
                        Kind::Text { max: 200 },
                    )
                    .hint(t(
                        "Ví dụ: để đăng ký kết hôn, để mua nhà",
                        "For example, to marry, to buy a house",
                    )),
                    copies("copies"),
                ],
            ),
        ]
    }
}
