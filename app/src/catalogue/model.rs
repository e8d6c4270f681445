//! The procedure catalogue's data model: plain Rust, shared by the server and the browser.

use serde::{Deserialize, Serialize};

/// The life events residents browse by, in the order the portal shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LifeEvent {
    #[serde(rename = "co-con-nho")]
    HavingAChild,
    #[serde(rename = "hon-nhan-va-gia-dinh")]
    MarriageAndFamily,
    #[serde(rename = "cu-tru-va-giay-to-tuy-than")]
    ResidenceAndId,
    #[serde(rename = "nguoi-than-qua-doi")]
    Bereavement,
    #[serde(rename = "huu-tri")]
    Retirement,
    #[serde(rename = "viec-lam")]
    Work,
    #[serde(rename = "hoc-tap")]
    Study,
    #[serde(rename = "suc-khoe-va-y-te")]
    Health,
    #[serde(rename = "dien-luc-nha-o-dat-dai")]
    HousingAndLand,
    #[serde(rename = "phuong-tien-va-nguoi-lai")]
    Vehicles,
    #[serde(rename = "giai-quyet-khieu-kien")]
    Complaints,
}

impl LifeEvent {
    pub const ALL: [LifeEvent; 11] = [
        LifeEvent::HavingAChild,
        LifeEvent::MarriageAndFamily,
        LifeEvent::ResidenceAndId,
        LifeEvent::Bereavement,
        LifeEvent::Retirement,
        LifeEvent::Work,
        LifeEvent::Study,
        LifeEvent::Health,
        LifeEvent::HousingAndLand,
        LifeEvent::Vehicles,
        LifeEvent::Complaints,
    ];

    /// The life events most residents come for: every procedure in them has an English name.
    pub const EVERYDAY: [LifeEvent; 5] = [
        LifeEvent::HavingAChild,
        LifeEvent::MarriageAndFamily,
        LifeEvent::ResidenceAndId,
        LifeEvent::Bereavement,
        LifeEvent::Retirement,
    ];

    /// The national portal's identifier, used in URLs (`?event=co-con-nho`).
    pub fn slug(self) -> &'static str {
        match self {
            LifeEvent::HavingAChild => "co-con-nho",
            LifeEvent::MarriageAndFamily => "hon-nhan-va-gia-dinh",
            LifeEvent::ResidenceAndId => "cu-tru-va-giay-to-tuy-than",
            LifeEvent::Bereavement => "nguoi-than-qua-doi",
            LifeEvent::Retirement => "huu-tri",
            LifeEvent::Work => "viec-lam",
            LifeEvent::Study => "hoc-tap",
            LifeEvent::Health => "suc-khoe-va-y-te",
            LifeEvent::HousingAndLand => "dien-luc-nha-o-dat-dai",
            LifeEvent::Vehicles => "phuong-tien-va-nguoi-lai",
            LifeEvent::Complaints => "giai-quyet-khieu-kien",
        }
    }

    pub fn from_slug(slug: &str) -> Option<LifeEvent> {
        LifeEvent::ALL
            .into_iter()
            .find(|event| event.slug() == slug)
    }

    pub fn is_everyday(self) -> bool {
        LifeEvent::EVERYDAY.contains(&self)
    }
}

/// One administrative procedure as the portal shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    /// The national code, e.g. `1.001193`: the key everywhere.
    pub code: String,
    /// Vietnamese name, without the leading "Thủ tục".
    pub name_vi: String,
    /// Short English name; `None` where only the Vietnamese name exists (shown as such).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    pub life_event: LifeEvent,
    /// The portal's field, e.g. "Hộ tịch" (civil status).
    pub category: String,
    /// Who may file (Vietnamese, as published).
    pub who_may_file: Vec<String>,
    /// Ways to file: in person, online, by post, each with its time and fees.
    pub channels: Vec<Channel>,
    /// Named variants (the portal's `cases`) and their processing time.
    pub variants: Vec<Variant>,
    /// Papers, grouped as "to submit" / "to show", with the notes that go with them.
    pub documents: Vec<DocumentGroup>,
    /// Notes on the dossier that are not documents ("Lưu ý").
    pub notes: Vec<String>,
    pub steps: Vec<String>,
    pub conditions: Vec<String>,
    pub legal_bases: Vec<LegalBasis>,
    /// What the resident receives at the end.
    pub results: Vec<String>,
    /// Other names of what it issues, as the catalogue's own documents give them ("giấy chứng
    /// tử" for "trích lục khai tử"): searched, never shown as the paper's name. Set by the
    /// importer (`server/src/import/papers.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_called: Vec<String>,
    /// Who handles the dossier, e.g. "Ủy ban nhân dân cấp xã".
    pub handled_by: Vec<String>,
    /// The whole procedure can be done online, end to end.
    pub fully_online: bool,
}

impl Procedure {
    pub fn channel(&self, kind: ChannelKind) -> impl Iterator<Item = &Channel> {
        self.channels
            .iter()
            .filter(move |channel| channel.kind == kind)
    }

    pub fn can_file_online(&self) -> bool {
        self.channel(ChannelKind::Online).next().is_some()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChannelKind {
    InPerson,
    Online,
    Post,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    pub kind: ChannelKind,
    pub time: ProcessingTime,
    pub fees: Vec<Fee>,
    /// Where or how, in the portal's words (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Channel {
    /// True when nothing is to pay on this channel.
    pub fn is_free(&self) -> bool {
        self.fees.iter().all(|fee| fee.amount == Some(0))
    }
}

/// How long the office has to give the result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessingTime {
    /// How many `unit`s; `None` when the portal gives only a text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    pub unit: TimeUnit,
    /// The portal's own words, when they say more than a number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeUnit {
    WorkingDays,
    Days,
    Hours,
    Months,
    Years,
    /// Done on the day the dossier is received.
    SameDay,
    /// The portal gives no usable time: ask at the counter.
    Unspecified,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fee {
    pub kind: FeeKind,
    /// Amount in `currency`; `None` when the portal gives none.
    pub amount: Option<u64>,
    pub currency: Currency,
    /// What the amount is for, or per what ("/trang" = per page).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FeeKind {
    /// Lệ phí: a state fee.
    Fee,
    /// Phí: a charge for a service (e.g. a copy).
    Charge,
    /// Mức giá: a price.
    Price,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Currency {
    Vnd,
    Usd,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variant {
    pub code: String,
    pub name: String,
    pub time: ProcessingTime,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentGroup {
    pub kind: DocumentUse,
    /// The situation this group is for ("Trường hợp ủy quyền…"), when it is not the general list.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub heading: String,
    pub documents: Vec<Document>,
    /// Explanations that came with the group but are not papers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Whether a paper is handed in or only shown to the officer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentUse {
    Submit,
    Show,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub name: String,
    pub originals: u32,
    pub copies: u32,
    /// The portal offers an electronic form for it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub has_form: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LegalBasis {
    pub code: String,
    pub title: String,
}

/// A commune (xã) or ward (phường) of Hanoi.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ward {
    /// The statistics office code, e.g. `70`.
    pub code: u32,
    /// The full name, e.g. "Phường Hoàn Kiếm".
    pub name: String,
    pub kind: WardKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WardKind {
    Ward,
    Commune,
}
