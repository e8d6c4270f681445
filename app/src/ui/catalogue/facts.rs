//! Times, fees and who may file, in plain words in the resident's language.

use crate::catalogue::format::{fee_range, quantity};
use crate::catalogue::model::{Channel, ChannelKind, Procedure, ProcessingTime, TimeUnit};
use crate::catalogue::text::fold;
use crate::i18n::*;

fn english(locale: Locale) -> bool {
    locale == Locale::en
}

/// "1 working day", "3,5 ngày", "The same day", "Not stated: ask where you file".
pub fn time_text(locale: Locale, time: &ProcessingTime) -> String {
    let Some(amount) = time.amount else {
        return match time.unit {
            TimeUnit::SameDay => td_string!(locale, time_same_day).to_string(),
            _ => td_string!(locale, time_unspecified).to_string(),
        };
    };
    let n = quantity(amount, english(locale));
    let one = amount == 1.0;
    let text = match (time.unit, one) {
        (TimeUnit::WorkingDays, true) => td_string!(locale, time_working_day, n = n),
        (TimeUnit::WorkingDays, false) => td_string!(locale, time_working_days, n = n),
        (TimeUnit::Days, true) => td_string!(locale, time_day, n = n),
        (TimeUnit::Days, false) => td_string!(locale, time_days, n = n),
        (TimeUnit::Hours, true) => td_string!(locale, time_hour, n = n),
        (TimeUnit::Hours, false) => td_string!(locale, time_hours, n = n),
        (TimeUnit::Months, true) => td_string!(locale, time_month, n = n),
        (TimeUnit::Months, false) => td_string!(locale, time_months, n = n),
        (TimeUnit::Years, true) => td_string!(locale, time_year, n = n),
        (TimeUnit::Years, false) => td_string!(locale, time_years, n = n),
        (TimeUnit::SameDay, _) => return td_string!(locale, time_same_day).to_string(),
        (TimeUnit::Unspecified, _) => return td_string!(locale, time_unspecified).to_string(),
    };
    text.to_string()
}

/// "In person", "Online", "By post".
pub fn channel_name(locale: Locale, kind: ChannelKind) -> String {
    match kind {
        ChannelKind::InPerson => td_string!(locale, channel_in_person),
        ChannelKind::Online => td_string!(locale, channel_online),
        ChannelKind::Post => td_string!(locale, channel_post),
    }
    .to_string()
}

fn channel_phrase(locale: Locale, kind: ChannelKind) -> String {
    match kind {
        ChannelKind::InPerson => td_string!(locale, fee_in_person),
        ChannelKind::Online => td_string!(locale, fee_online),
        ChannelKind::Post => td_string!(locale, fee_post),
    }
    .to_string()
}

/// One channel's fee: "Free", "20,000 ₫", "2.000 ₫/trang", or "not stated".
pub fn fee_text(locale: Locale, channel: &Channel) -> String {
    if channel.fees.is_empty() || channel.fees.iter().all(|f| f.amount.is_none()) {
        return td_string!(locale, fee_not_stated).to_string();
    }
    fee_range(channel, english(locale)).unwrap_or_else(|| td_string!(locale, fee_free).to_string())
}

/// The whole procedure's fee in one line: "Free", or "20,000 ₫ in person, 10,000 ₫ online".
pub fn fee_summary(locale: Locale, procedure: &Procedure) -> String {
    if procedure.channels.is_empty() {
        return td_string!(locale, fee_not_stated).to_string();
    }
    let texts: Vec<(ChannelKind, String)> = procedure
        .channels
        .iter()
        .map(|c| (c.kind, fee_text(locale, c)))
        .collect();
    if texts.iter().all(|(_, text)| *text == texts[0].1) {
        return texts[0].1.clone();
    }
    let mut parts: Vec<String> = Vec::new();
    for (kind, text) in &texts {
        let part = format!("{text} {}", channel_phrase(locale, *kind));
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join(", ")
}

/// Who may file, in the current language when the portal's category is a common one.
pub fn who_text(locale: Locale, who: &str) -> (String, bool) {
    if !english(locale) {
        return (who.to_string(), true);
    }
    let folded = fold(who);
    let known = if folded == "cong dan viet nam" {
        Some(td_string!(locale, who_citizen))
    } else if folded.starts_with("nguoi viet nam dinh cu") {
        Some(td_string!(locale, who_overseas))
    } else if folded.starts_with("nguoi nuoc ngoai") {
        Some(td_string!(locale, who_foreigner))
    } else if folded.starts_with("to chuc") {
        Some(td_string!(locale, who_organisation))
    } else if folded.starts_with("doanh nghiep") {
        Some(td_string!(locale, who_business))
    } else if folded == "hop tac xa" {
        Some(td_string!(locale, who_cooperative))
    } else if folded.starts_with("can bo") {
        Some(td_string!(locale, who_official))
    } else {
        None
    };
    match known {
        Some(text) => (text.to_string(), true),
        None => (who.to_string(), false),
    }
}
