//! Times, fees and who may file, in plain words in the resident's language.

use crate::catalogue::format::{fee_range, quantity};
use crate::catalogue::model::{Channel, ChannelKind, Procedure, ProcessingTime, TimeUnit};
use crate::catalogue::text::fold;
use crate::i18n::*;
use leptos_i18n::I18nContext;

fn english(i18n: I18nContext<Locale>) -> bool {
    i18n.get_locale() == Locale::en
}

/// "1 working day", "3,5 ngày", "The same day", "Not stated: ask where you file".
pub fn time_text(i18n: I18nContext<Locale>, time: &ProcessingTime) -> String {
    let Some(amount) = time.amount else {
        return match time.unit {
            TimeUnit::SameDay => t_string!(i18n, time_same_day).to_string(),
            _ => t_string!(i18n, time_unspecified).to_string(),
        };
    };
    let n = quantity(amount, english(i18n));
    let one = amount == 1.0;
    let text = match (time.unit, one) {
        (TimeUnit::WorkingDays, true) => t_string!(i18n, time_working_day, n = n),
        (TimeUnit::WorkingDays, false) => t_string!(i18n, time_working_days, n = n),
        (TimeUnit::Days, true) => t_string!(i18n, time_day, n = n),
        (TimeUnit::Days, false) => t_string!(i18n, time_days, n = n),
        (TimeUnit::Hours, true) => t_string!(i18n, time_hour, n = n),
        (TimeUnit::Hours, false) => t_string!(i18n, time_hours, n = n),
        (TimeUnit::Months, true) => t_string!(i18n, time_month, n = n),
        (TimeUnit::Months, false) => t_string!(i18n, time_months, n = n),
        (TimeUnit::Years, true) => t_string!(i18n, time_year, n = n),
        (TimeUnit::Years, false) => t_string!(i18n, time_years, n = n),
        (TimeUnit::SameDay, _) => return t_string!(i18n, time_same_day).to_string(),
        (TimeUnit::Unspecified, _) => return t_string!(i18n, time_unspecified).to_string(),
    };
    text.to_string()
}

/// "In person", "Online", "By post".
pub fn channel_name(i18n: I18nContext<Locale>, kind: ChannelKind) -> String {
    match kind {
        ChannelKind::InPerson => t_string!(i18n, channel_in_person),
        ChannelKind::Online => t_string!(i18n, channel_online),
        ChannelKind::Post => t_string!(i18n, channel_post),
    }
    .to_string()
}

fn channel_phrase(i18n: I18nContext<Locale>, kind: ChannelKind) -> String {
    match kind {
        ChannelKind::InPerson => t_string!(i18n, fee_in_person),
        ChannelKind::Online => t_string!(i18n, fee_online),
        ChannelKind::Post => t_string!(i18n, fee_post),
    }
    .to_string()
}

/// One channel's fee: "Free", "20,000 ₫", "2.000 ₫/trang", or "not stated".
pub fn fee_text(i18n: I18nContext<Locale>, channel: &Channel) -> String {
    if channel.fees.is_empty() || channel.fees.iter().all(|f| f.amount.is_none()) {
        return t_string!(i18n, fee_not_stated).to_string();
    }
    fee_range(channel, english(i18n)).unwrap_or_else(|| t_string!(i18n, fee_free).to_string())
}

/// The whole procedure's fee in one line: "Free", or "20,000 ₫ in person, 10,000 ₫ online".
pub fn fee_summary(i18n: I18nContext<Locale>, procedure: &Procedure) -> String {
    if procedure.channels.is_empty() {
        return t_string!(i18n, fee_not_stated).to_string();
    }
    let texts: Vec<(ChannelKind, String)> = procedure
        .channels
        .iter()
        .map(|c| (c.kind, fee_text(i18n, c)))
        .collect();
    if texts.iter().all(|(_, text)| *text == texts[0].1) {
        return texts[0].1.clone();
    }
    let mut parts: Vec<String> = Vec::new();
    for (kind, text) in &texts {
        let part = format!("{text} {}", channel_phrase(i18n, *kind));
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join(", ")
}

/// Who may file, in the current language when the portal's category is a common one.
pub fn who_text(i18n: I18nContext<Locale>, who: &str) -> (String, bool) {
    if !english(i18n) {
        return (who.to_string(), true);
    }
    let folded = fold(who);
    let known = if folded == "cong dan viet nam" {
        Some(t_string!(i18n, who_citizen))
    } else if folded.starts_with("nguoi viet nam dinh cu") {
        Some(t_string!(i18n, who_overseas))
    } else if folded.starts_with("nguoi nuoc ngoai") {
        Some(t_string!(i18n, who_foreigner))
    } else if folded.starts_with("to chuc") {
        Some(t_string!(i18n, who_organisation))
    } else if folded.starts_with("doanh nghiep") {
        Some(t_string!(i18n, who_business))
    } else if folded == "hop tac xa" {
        Some(t_string!(i18n, who_cooperative))
    } else if folded.starts_with("can bo") {
        Some(t_string!(i18n, who_official))
    } else {
        None
    };
    match known {
        Some(text) => (text.to_string(), true),
        None => (who.to_string(), false),
    }
}
