//! The dossier form as data: sections of fields, each field with its kind (which check applies),
//! whether it is required, and when it is asked. The same definitions draw the pages and check
//! what was typed, in the browser and on the server. Each procedure's own sections are with its
//! rules (`eligibility::hand::<procedure>::sections`); the browser receives them with the rules
//! ([`crate::definition`]).

use super::validate::{self, Problem};
use crate::eligibility::date::{Date, RecordedDate};
use crate::eligibility::model::Text;
use crate::input::clean;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What a resident typed, by field id. Dates are three entries: `{id}_day`, `{id}_month`,
/// `{id}_year`.
pub type Data = BTreeMap<String, String>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Kind {
    Name,
    Text {
        max: usize,
    },
    LongText {
        max: usize,
    },
    /// A personal ID number, checked against the date of birth field and the sex field (or a
    /// fixed sex: a mother, a bride) of the same person.
    PersonalId {
        birth: Option<String>,
        sex: Option<String>,
        female: Option<bool>,
    },
    Phone,
    Email,
    Date {
        past: bool,
        /// A date of birth that records may give as a year alone, or a month and year
        /// ([`validate::recorded_date`]).
        #[serde(default)]
        partial: bool,
        /// The least age on the day of filing that the procedure allows
        /// ([`RecordedDate::age_on`]).
        #[serde(default)]
        min_age: Option<u32>,
    },
    Choice(Vec<Choice>),
    Number {
        min: u32,
        max: u32,
    },
}

impl Kind {
    /// A whole date; `past`: not after the day of filing.
    pub(crate) fn date(past: bool) -> Kind {
        Kind::Date {
            past,
            partial: false,
            min_age: None,
        }
    }

    /// A person's date of birth, as their records give it: a year alone or a month and year
    /// is accepted and kept as given.
    pub(crate) fn birth_date() -> Kind {
        Kind::Date {
            past: true,
            partial: true,
            min_age: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub id: String,
    pub label: Text,
    pub hint: Option<Text>,
    pub kind: Kind,
    pub required: bool,
    /// Asked only when another field has this value (`("father_known", "yes")`).
    pub when: Option<(String, String)>,
    /// The browser's autofill name, for the resident's own details.
    pub autocomplete: Option<String>,
}

impl Field {
    pub(crate) fn new(id: impl Into<String>, label: Text, kind: Kind) -> Field {
        Field {
            id: id.into(),
            label,
            hint: None,
            kind,
            required: true,
            when: None,
            autocomplete: None,
        }
    }

    pub(crate) fn optional(mut self) -> Field {
        self.required = false;
        self
    }

    pub(crate) fn hint(mut self, hint: Text) -> Field {
        self.hint = Some(hint);
        self
    }

    pub(crate) fn when(mut self, field: &str, value: &str) -> Field {
        self.when = Some((field.to_string(), value.to_string()));
        self
    }

    pub(crate) fn autocomplete(mut self, name: &str) -> Field {
        self.autocomplete = Some(name.to_string());
        self
    }

    /// The field is asked, given the other answers.
    pub fn is_asked(&self, data: &Data) -> bool {
        match &self.when {
            Some((field, value)) => data.get(field) == Some(value),
            None => true,
        }
    }

    /// The keys this field stores its value under.
    pub fn keys(&self) -> Vec<String> {
        match self.kind {
            Kind::Date { .. } => ["day", "month", "year"]
                .iter()
                .map(|part| format!("{}_{part}", self.id))
                .collect(),
            _ => vec![self.id.clone()],
        }
    }

    /// The most characters one of this field's values may have (trimmed): a text's own
    /// maximum, 100 for a name ([`validate::name`]), 254 for an e-mail address (RFC 5321),
    /// 24 for a phone or ID number as typed (with spaces, dots, `+84`), 4 for each part of a
    /// date, 64 for a choice (an id), 10 for a number. The server keeps no longer value.
    pub fn max_chars(&self) -> usize {
        match &self.kind {
            Kind::Name => 100,
            Kind::Text { max } | Kind::LongText { max } => *max,
            Kind::PersonalId { .. } | Kind::Phone => 24,
            Kind::Email => 254,
            Kind::Date { .. } => 4,
            Kind::Choice(_) => 64,
            Kind::Number { .. } => 10,
        }
    }

    /// [`Problem::TooLong`] when one of the field's values passes [`Field::max_chars`],
    /// whether or not the field is asked or required.
    pub fn too_long(&self, data: &Data) -> Option<Problem> {
        let max = self.max_chars();
        self.keys()
            .iter()
            .filter_map(|k| data.get(k))
            .any(|v| clean(v).trim().chars().count() > max)
            .then_some(Problem::TooLong { max })
    }

    /// This field's values as the server keeps them: cleaned ([`clean`]) and trimmed, blank ones
    /// left out; a valid phone or ID number in its one stored form ([`validate::phone`],
    /// [`validate::personal_id`]), a valid name with its spaces tidied, a number without
    /// leading zeros. An invalid value is kept cleaned as typed, for its part's check to name.
    pub fn stored(&self, data: &Data) -> Vec<(String, String)> {
        self.keys()
            .into_iter()
            .filter_map(|key| {
                let cleaned = clean(data.get(&key)?);
                let value = cleaned.trim();
                if value.is_empty() {
                    return None;
                }
                let canonical = match &self.kind {
                    Kind::Phone => validate::phone(value).ok(),
                    Kind::PersonalId { .. } => {
                        validate::personal_id(value).ok().map(|id| id.number)
                    }
                    Kind::Name => validate::name(value).ok(),
                    Kind::Number { .. } => value.parse::<u32>().ok().map(|n| n.to_string()),
                    _ => None,
                };
                Some((key, canonical.unwrap_or_else(|| value.to_string())))
            })
            .collect()
    }

    /// Nothing typed, or only what [`clean`] removes (a stray zero-width space is no value).
    fn is_empty(&self, data: &Data) -> bool {
        self.keys()
            .iter()
            .all(|k| data.get(k).is_none_or(|v| clean(v).trim().is_empty()))
    }

    /// Checks this field's value (`Ok` when it is not asked, or optional and empty).
    pub fn check(&self, data: &Data, today: Date) -> Result<(), Problem> {
        // (A choice too long is no choice: said by the choice's own check.)
        let choice = matches!(self.kind, Kind::Choice(_));
        if let Some(problem) = self
            .too_long(data)
            .filter(|_| !choice && self.is_asked(data))
        {
            return Err(problem);
        }
        if !self.is_asked(data) || (!self.required && self.is_empty(data)) {
            return Ok(());
        }
        let value = data.get(&self.id).map(String::as_str).unwrap_or("");
        match &self.kind {
            Kind::Name => validate::name(value).map(drop),
            Kind::Text { max } | Kind::LongText { max } => validate::text(value, *max).map(drop),
            Kind::Phone => validate::phone(value).map(drop),
            Kind::Email => validate::email(value).map(drop),
            Kind::Number { min, max } => validate::number(value, *min, *max).map(drop),
            Kind::Date {
                past,
                partial,
                min_age,
            } => {
                let date = date_of(data, &self.id, *past, *partial, today)?;
                match min_age {
                    Some(min_age) if date.age_on(today) < *min_age as i32 => {
                        Err(Problem::TooYoung { min_age: *min_age })
                    }
                    _ => Ok(()),
                }
            }
            Kind::Choice(choices) => {
                if value.is_empty() {
                    Err(Problem::Required)
                } else if choices.iter().any(|c| c.value == value) {
                    Ok(())
                } else {
                    Err(Problem::Choice)
                }
            }
            Kind::PersonalId { birth, sex, female } => {
                // Compare only with a date and a sex that are themselves valid.
                let birth = birth
                    .as_deref()
                    .and_then(|b| date_of(data, b, true, true, today).ok());
                let female = female.or_else(|| {
                    sex.as_deref()
                        .and_then(|s| data.get(s))
                        .and_then(|v| match v.as_str() {
                            "female" => Some(true),
                            "male" => Some(false),
                            _ => None,
                        })
                });
                validate::personal_id_for(value, birth, female).map(drop)
            }
        }
    }
}

/// The date field `id` of `data`; `partial`: a year alone, or a month and year, is a date.
fn date_of(
    data: &Data,
    id: &str,
    past: bool,
    partial: bool,
    today: Date,
) -> Result<RecordedDate, Problem> {
    let part = |p: &str| {
        data.get(&format!("{id}_{p}"))
            .map(String::as_str)
            .unwrap_or("")
    };
    let (day, month, year) = (part("day"), part("month"), part("year"));
    if partial {
        validate::recorded_date(day, month, year, today)
    } else {
        validate::date(day, month, year, past, today).map(RecordedDate::from)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub intro: Option<Text>,
    pub fields: Vec<Field>,
    /// The section describes a person (its fields are `{person}_{key}` of [`PERSON_KEYS`]): a
    /// saved person can fill it in, and it can be saved as one.
    pub person: Option<String>,
    /// Left out when the dossier is for the applicant (the applicant's section says it all).
    pub only_for_someone_else: bool,
}

/// The state of a section on the task list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
}

impl Section {
    /// Every problem in the section, field by field, in the order of the page.
    pub fn problems(&self, data: &Data, today: Date) -> Vec<(String, Problem)> {
        self.fields
            .iter()
            .filter_map(|f| f.check(data, today).err().map(|p| (f.id.clone(), p)))
            .collect()
    }

    /// Puts this section's values into their stored form in `data` ([`Field::stored`]): clean,
    /// and gone when only invisible characters were typed.
    pub fn keep_stored(&self, data: &mut Data) {
        let stored: Vec<(String, String)> =
            self.fields.iter().flat_map(|f| f.stored(data)).collect();
        for key in self.fields.iter().flat_map(Field::keys) {
            data.remove(&key);
        }
        data.extend(stored);
    }

    /// Completed once the resident saved it with nothing wrong (and nothing has gone wrong
    /// since); in progress once anything is typed.
    pub fn status(&self, data: &Data, completed: &BTreeSet<String>, today: Date) -> Status {
        if completed.contains(&self.id) && self.problems(data, today).is_empty() {
            Status::Completed
        } else if self.fields.iter().any(|f| !f.is_empty(data)) {
            Status::InProgress
        } else {
            Status::NotStarted
        }
    }
}

/// The keys of a person's details, shared by every person section and by saved people.
pub const PERSON_KEYS: [&str; 12] = [
    "name",
    "birth_day",
    "birth_month",
    "birth_year",
    "sex",
    "id",
    "ethnicity",
    "nationality",
    "residence",
    "phone",
    "email",
    "hometown",
];

pub(crate) fn t(vi: &str, en: &str) -> Text {
    Text::new(vi, en)
}

/// Male or female, as the civil-status forms ask.
pub fn sexes() -> Vec<Choice> {
    vec![
        Choice {
            value: "male".into(),
            label: t("Nam", "Male"),
        },
        Choice {
            value: "female".into(),
            label: t("Nữ", "Female"),
        },
    ]
}

pub(crate) fn yes_no() -> Vec<Choice> {
    vec![
        Choice {
            value: "yes".into(),
            label: t("Có", "Yes"),
        },
        Choice {
            value: "no".into(),
            label: t("Không", "No"),
        },
    ]
}

/// What a person section asks.
#[derive(Clone, Copy)]
pub(crate) struct PersonAsks {
    /// `Some(true)`: a woman (no sex question), `Some(false)`: a man.
    pub(crate) fixed_female: Option<bool>,
    pub(crate) contact: bool,
    pub(crate) id_required: bool,
    pub(crate) residence: bool,
    pub(crate) origin: bool,
}

pub(crate) const FULL: PersonAsks = PersonAsks {
    fixed_female: None,
    contact: false,
    id_required: true,
    residence: true,
    origin: true,
};

pub(crate) fn person_fields(p: &str, asks: PersonAsks) -> Vec<Field> {
    let key = |k: &str| format!("{p}_{k}");
    let mut fields = vec![
        Field::new(
            key("name"),
            t("Họ, chữ đệm và tên", "Full name"),
            Kind::Name,
        )
        .hint(t(
            "Như trên giấy tờ tùy thân, có dấu",
            "As on the identity papers, with Vietnamese marks",
        )),
        Field::new(
            key("birth"),
            t("Ngày sinh", "Date of birth"),
            Kind::birth_date(),
        )
        .hint(t(
            "Ví dụ: 27 3 1950. Giấy tờ chỉ ghi năm sinh thì chỉ điền năm",
            "For example, 27 3 1950. If the papers give only the year, enter only the year",
        )),
    ];
    if asks.fixed_female.is_none() {
        fields.push(Field::new(
            key("sex"),
            t("Giới tính", "Sex"),
            Kind::Choice(sexes()),
        ));
    }
    let id = Field::new(
        key("id"),
        t("Số định danh cá nhân", "Personal ID number"),
        Kind::PersonalId {
            birth: Some(key("birth")),
            sex: asks.fixed_female.is_none().then(|| key("sex")),
            female: asks.fixed_female,
        },
    )
    .hint(t(
        "12 chữ số trên thẻ căn cước hoặc trong VNeID. Cơ quan tra cứu thông tin từ số này, không cần nộp bản sao thẻ",
        "The 12 digits on the chip ID card or in VNeID. The office looks the person up by this number: no copy of the card is needed",
    ));
    fields.push(if asks.id_required { id } else { id.optional() });
    if asks.origin {
        fields.push(
            Field::new(
                key("ethnicity"),
                t("Dân tộc", "Ethnicity"),
                Kind::Text { max: 40 },
            )
            .hint(t("Ví dụ: Kinh", "For example, Kinh")),
        );
        fields.push(
            Field::new(
                key("nationality"),
                t("Quốc tịch", "Nationality"),
                Kind::Text { max: 40 },
            )
            .hint(t("Ví dụ: Việt Nam", "For example, Việt Nam")),
        );
    }
    if asks.residence {
        fields.push(
            Field::new(
                key("residence"),
                t("Nơi cư trú", "Place of residence"),
                Kind::Text { max: 200 },
            )
            .hint(t(
                "Số nhà, đường, tổ dân phố hoặc thôn, xã hoặc phường",
                "House number, street, residential group or village, commune or ward",
            )),
        );
    }
    if asks.contact {
        fields.push(
            Field::new(
                key("phone"),
                t("Số điện thoại", "Phone number"),
                Kind::Phone,
            )
            .hint(t(
                "Cơ quan gọi số này nếu cần hỏi thêm về hồ sơ",
                "The office calls this number if it has a question about the dossier",
            ))
            .autocomplete("tel"),
        );
        fields.push(
            Field::new(
                key("email"),
                t("Thư điện tử (không bắt buộc)", "Email (optional)"),
                Kind::Email,
            )
            .optional()
            .autocomplete("email"),
        );
    }
    fields
}

pub(crate) fn person_section(
    id: &str,
    title: Text,
    intro: Option<Text>,
    asks: PersonAsks,
    only_for_someone_else: bool,
) -> Section {
    Section {
        id: id.to_string(),
        title,
        intro,
        fields: person_fields(id, asks),
        person: Some(id.to_string()),
        only_for_someone_else,
    }
}

/// The details kept for a saved person (edited on the people page): every person field, under
/// the prefix `person`.
pub fn saved_person_section() -> Section {
    let mut section = person_section(
        "person",
        t("Thông tin người được lưu", "Saved person's details"),
        None,
        PersonAsks {
            contact: true,
            ..FULL
        },
        false,
    );
    // Keep what is known: only the name is needed; what is filled in must still be right.
    for field in &mut section.fields {
        field.required = field.id == "person_name";
    }
    section
}

/// "Your details": the person filing, first in every dossier.
pub fn applicant() -> Section {
    let mut section = person_section(
        "applicant",
        t("Thông tin người nộp hồ sơ", "Your details"),
        Some(t(
            "Người đứng tên nộp hồ sơ và nhận kết quả.",
            "The person who files the dossier and receives the result.",
        )),
        PersonAsks {
            contact: true,
            origin: false,
            ..FULL
        },
        false,
    );
    for field in &mut section.fields {
        field.autocomplete = field.autocomplete.take().or(match field.id.as_str() {
            "applicant_name" => Some("name".to_string()),
            "applicant_residence" => Some("street-address".to_string()),
            _ => None,
        });
    }
    section
}

/// The person the dossier is about, when the applicant files for someone else.
pub(crate) fn subject(title: Text) -> Section {
    person_section(
        "subject",
        title,
        Some(t(
            "Người mà hồ sơ này làm thủ tục cho.",
            "The person this dossier is for.",
        )),
        FULL,
        true,
    )
}

pub(crate) fn section(id: &str, title: Text, fields: Vec<Field>) -> Section {
    Section {
        id: id.to_string(),
        title,
        intro: None,
        fields,
        person: None,
        only_for_someone_else: false,
    }
}

pub(crate) fn copies(id: &str) -> Field {
    Field::new(
        id,
        t("Số bản cần cấp", "Number of copies you need"),
        Kind::Number { min: 1, max: 50 },
    )
}

/// Permanent and temporary residence. (The form's parts besides the applicant's; the procedures that share them call this.)
pub(crate) fn residence_sections(temporary: bool) -> Vec<Section> {
    {
        let mut fields = vec![
            Field::new(
                "address",
                t("Địa chỉ đăng ký cư trú", "Address to register"),
                Kind::Text { max: 200 },
            )
            .hint(t(
                "Số nhà, đường, tổ dân phố hoặc thôn, xã hoặc phường, Hà Nội",
                "House number, street, residential group or village, commune or ward, Hà Nội",
            )),
            Field::new(
                "owner",
                t(
                    "Họ tên chủ hộ hoặc chủ nhà (không bắt buộc)",
                    "Name of the head of household or owner (optional)",
                ),
                Kind::Name,
            )
            .optional(),
            Field::new(
                "owner_relation",
                t(
                    "Quan hệ với chủ hộ (không bắt buộc)",
                    "Relationship to the head of household (optional)",
                ),
                Kind::Text { max: 60 },
            )
            .optional(),
        ];
        if temporary {
            fields.push(Field::new(
                "stay_from",
                t("Ở từ ngày", "Staying from"),
                Kind::date(false),
            ));
            fields.push(
                Field::new(
                    "stay_months",
                    t(
                        "Thời gian tạm trú (số tháng)",
                        "How long you will stay (months)",
                    ),
                    Kind::Number { min: 1, max: 24 },
                )
                .hint(t(
                    "Tối đa 2 năm mỗi lần đăng ký",
                    "At most 2 years each time",
                )),
            );
        }
        vec![
            subject(t("Người đăng ký cư trú", "The person to register")),
            section("residence", t("Nơi cư trú", "The address"), fields),
        ]
    }
}

/// Certification of copies, of a signature. (The form's parts besides the applicant's; the procedures that share them call this.)
pub(crate) fn certification_sections() -> Vec<Section> {
    vec![section(
        "request",
        t("Giấy tờ cần chứng thực", "The papers to certify"),
        vec![
            Field::new(
                "documents",
                t("Tên giấy tờ", "Which papers"),
                Kind::LongText { max: 500 },
            )
            .hint(t(
                "Ví dụ: Bằng tốt nghiệp đại học, sổ đỏ",
                "For example, a university degree, a land-use certificate",
            )),
            copies("copies"),
        ],
    )]
}

/// Social pension and monthly social allowance for elderly people. (The form's parts besides the applicant's; the procedures that share them call this.)
pub(crate) fn benefit_sections() -> Vec<Section> {
    vec![
        subject(t(
            "Người hưởng trợ cấp",
            "The person to receive the benefit",
        )),
        section(
            "payment",
            t("Cách nhận tiền", "How the money is paid"),
            vec![
                Field::new(
                    "payment_method",
                    t("Nhận tiền bằng cách nào?", "How should the money be paid?"),
                    Kind::Choice(vec![
                        Choice {
                            value: "cash".into(),
                            label: t(
                                "Nhận tiền mặt tại xã, phường hoặc bưu điện",
                                "In cash at the commune, ward or post office",
                            ),
                        },
                        Choice {
                            value: "bank".into(),
                            label: t("Chuyển vào tài khoản ngân hàng", "Into a bank account"),
                        },
                    ]),
                ),
                Field::new(
                    "bank_name",
                    t("Tên ngân hàng", "Bank"),
                    Kind::Text { max: 100 },
                )
                .when("payment_method", "bank"),
                Field::new(
                    "bank_account",
                    t("Số tài khoản", "Account number"),
                    Kind::Text { max: 30 },
                )
                .when("payment_method", "bank")
                .hint(t(
                    "Tài khoản đứng tên người hưởng trợ cấp",
                    "An account in the name of the person receiving the benefit",
                )),
            ],
        ),
    ]
}

/// Every other procedure: what the resident asks for. (The form's parts besides the applicant's; the procedures that share them call this.)
pub(crate) fn generic_sections() -> Vec<Section> {
    vec![section(
        "request",
        t("Nội dung đề nghị", "Your request"),
        vec![
            Field::new(
                "request",
                t(
                    "Bạn đề nghị cơ quan giải quyết việc gì?",
                    "What are you asking the office to do?",
                ),
                Kind::LongText { max: 1000 },
            )
            .hint(t(
                "Nói ngắn gọn bằng lời của bạn; cán bộ sẽ hướng dẫn thêm nếu cần",
                "In a few words of your own; an officer will guide you if more is needed",
            )),
        ],
    )]
}

/// The date field `id` of `data` as the resident would read it: as the papers give it
/// ([`RecordedDate::display`]: "27/03/1950", "năm 1944"), or as typed when it is no date.
pub fn shown_date(data: &Data, id: &str) -> Option<Text> {
    let part = |p: &str| {
        data.get(&format!("{id}_{p}"))
            .map(|v| clean(v).trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let number = |v: &Option<String>| v.as_deref().and_then(|v| v.parse::<u32>().ok());
    let (d, m, y) = (part("day"), part("month"), part("year"));
    let year = y
        .as_deref()
        .filter(|y| y.len() == 4)
        .and_then(|y| y.parse().ok());
    match year.and_then(|year| RecordedDate::new(year, number(&m), number(&d))) {
        Some(date) => Some(Text {
            vi: date.display(false),
            en: Some(date.display(true)),
        }),
        None => match (d, m, y) {
            (Some(d), Some(m), Some(y)) => Some(Text {
                vi: format!("{d}/{m}/{y}"),
                en: None,
            }),
            _ => None,
        },
    }
}

/// A field's value as the resident would read it: the choice's words, a date as d/m/y.
pub fn shown_value(field: &Field, data: &Data) -> Option<Text> {
    let plain = |v: &str| Text {
        vi: v.to_string(),
        en: None,
    };
    match &field.kind {
        Kind::Date { .. } => shown_date(data, &field.id),
        Kind::Choice(choices) => {
            let value = data.get(&field.id)?;
            choices
                .iter()
                .find(|c| &c.value == value)
                .map(|c| c.label.clone())
                .or_else(|| Some(plain(value)))
        }
        _ => data
            .get(&field.id)
            .filter(|v| !v.trim().is_empty())
            .map(|v| plain(v.trim())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::hand::CODES;

    fn today() -> Date {
        Date::new(2026, 11, 24).unwrap()
    }

    fn data(pairs: &[(&str, &str)]) -> Data {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_value_longer_than_its_field_allows_is_too_long_even_blank_inside() {
        let phone = Field::new("phone", t("", ""), Kind::Phone).optional();
        // Spaces are allowed in a phone number, not a megabyte of them.
        let spaced = format!("0912{}345678", " ".repeat(30));
        assert_eq!(
            phone.check(&data(&[("phone", &spaced)]), today()),
            Err(Problem::TooLong { max: 24 })
        );
        assert_eq!(
            phone.check(&data(&[("phone", "(+84) 912-345-678")]), today()),
            Ok(())
        );
        // A value of only invisible characters is no value: an optional field stays optional.
        let email = Field::new("email", t("", ""), Kind::Email).optional();
        assert_eq!(
            email.check(&data(&[("email", "\u{200B}\u{FEFF}")]), today()),
            Ok(())
        );
        assert!(email.stored(&data(&[("email", "\u{200B}")])).is_empty());
        let born = Field::new("born", t("", ""), Kind::date(true));
        let date = data(&[
            ("born_day", "0000027"),
            ("born_month", "3"),
            ("born_year", "2020"),
        ]);
        assert_eq!(born.check(&date, today()), Err(Problem::TooLong { max: 4 }));
        // Not asked: nothing to say (the server does not keep it).
        let asked_when = phone.when("other", "yes");
        assert_eq!(
            asked_when.check(&data(&[("phone", &spaced)]), today()),
            Ok(())
        );
        // A choice too long is no choice.
        let sex = Field::new("sex", t("", ""), Kind::Choice(sexes()));
        assert_eq!(
            sex.check(&data(&[("sex", &"m".repeat(50))]), today()),
            Err(Problem::Choice)
        );
    }

    #[test]
    fn every_procedure_starts_with_the_applicant_and_has_unique_field_ids() {
        let generic = crate::catalogue::store::Catalogue::embedded()
            .procedures()
            .iter()
            .find(|p| !CODES.contains(&p.code.as_str()))
            .map(|p| p.code.as_str())
            .unwrap();
        for code in CODES.iter().copied().chain([generic]) {
            let sections = crate::definition::of(code).form.sections;
            assert_eq!(sections[0].id, "applicant", "{code}");
            assert!(
                sections.len() >= 2,
                "{code}: something to fill in besides the applicant"
            );
            let mut ids: Vec<String> = sections
                .iter()
                .flat_map(|s| s.fields.iter().flat_map(Field::keys))
                .collect();
            let count = ids.len();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), count, "{code}: duplicate field ids");
            let mut section_ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
            section_ids.sort();
            section_ids.dedup();
            assert_eq!(section_ids.len(), sections.len(), "{code}");
            assert!(
                !section_ids.contains(&"documents"),
                "{code}: reserved for the checklist"
            );
            for section in &sections {
                for field in &section.fields {
                    if let Some((other, _)) = &field.when {
                        assert!(
                            section.fields.iter().any(|f| &f.id == other),
                            "{code}: {} depends on {other}",
                            field.id
                        );
                    }
                    if let Kind::PersonalId { birth, sex, .. } = &field.kind {
                        for id in birth.iter().chain(sex.iter()) {
                            assert!(section.fields.iter().any(|f| &f.id == id), "{code}: {id}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_birth_dossier_asks_for_the_child_and_the_parents() {
        let ids: Vec<String> = crate::definition::of("1.001193")
            .form
            .sections
            .iter()
            .map(|s| s.id.clone())
            .collect();
        assert_eq!(ids, ["applicant", "child", "mother", "father"]);
    }

    #[test]
    fn the_fathers_details_are_asked_only_when_he_is_known() {
        let father = crate::definition::of("1.001193").form.sections.remove(3);
        let unknown = data(&[("father_known", "no")]);
        assert!(father.problems(&unknown, today()).is_empty());
        let known = data(&[("father_known", "yes")]);
        let problems = father.problems(&known, today());
        assert!(
            problems
                .iter()
                .any(|(f, p)| f == "father_name" && *p == Problem::Required)
        );
        assert_eq!(
            father.problems(&data(&[]), today()),
            vec![("father_known".to_string(), Problem::Required)]
        );
    }

    #[test]
    fn the_id_number_is_checked_against_the_same_persons_birth_and_sex() {
        let applicant = applicant();
        let mut d = data(&[
            ("applicant_name", "Nguyễn Văn An"),
            ("applicant_birth_day", "2"),
            ("applicant_birth_month", "3"),
            ("applicant_birth_year", "1985"),
            ("applicant_sex", "male"),
            ("applicant_id", "001085012345"),
            ("applicant_residence", "12 Hàng Bạc, Hoàn Kiếm"),
            ("applicant_phone", "0912345678"),
        ]);
        assert_eq!(applicant.problems(&d, today()), vec![]);
        d.insert("applicant_sex".into(), "female".into());
        assert_eq!(
            applicant.problems(&d, today()),
            vec![(
                "applicant_id".to_string(),
                Problem::IdSex {
                    id_says_female: false
                }
            )]
        );
        // A mother's number must be a woman's, with no sex question on the page.
        let mother = crate::definition::of("1.001193").form.sections.remove(2);
        let m = data(&[("mother_id", "001085012345")]);
        assert!(mother.problems(&m, today()).contains(&(
            "mother_id".to_string(),
            Problem::IdSex {
                id_says_female: false
            }
        )));
    }

    #[test]
    fn a_section_is_completed_only_when_saved_without_problems() {
        let sections = crate::definition::of("2.000815").form.sections;
        let request = &sections[1];
        let mut completed = BTreeSet::new();
        let empty = data(&[]);
        assert_eq!(
            request.status(&empty, &completed, today()),
            Status::NotStarted
        );
        let typed = data(&[("documents", "Bằng đại học")]);
        assert_eq!(
            request.status(&typed, &completed, today()),
            Status::InProgress
        );
        completed.insert("request".to_string());
        assert_eq!(
            request.status(&typed, &completed, today()),
            Status::InProgress,
            "copies missing"
        );
        let done = data(&[("documents", "Bằng đại học"), ("copies", "2")]);
        assert_eq!(
            request.status(&done, &completed, today()),
            Status::Completed
        );
    }

    #[test]
    fn optional_fields_may_stay_empty_but_must_be_right_when_filled() {
        let applicant = applicant();
        let email = applicant
            .fields
            .iter()
            .find(|f| f.id == "applicant_email")
            .unwrap();
        assert_eq!(email.check(&data(&[]), today()), Ok(()));
        assert_eq!(
            email.check(&data(&[("applicant_email", "lan@")]), today()),
            Err(Problem::Email)
        );
    }

    #[test]
    fn a_choice_outside_the_options_is_refused() {
        let applicant = applicant();
        let sex = applicant
            .fields
            .iter()
            .find(|f| f.id == "applicant_sex")
            .unwrap();
        assert_eq!(
            sex.check(&data(&[("applicant_sex", "x")]), today()),
            Err(Problem::Choice)
        );
    }
}
