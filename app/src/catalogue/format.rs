//! Numbers as residents read them: "20.000 ₫" in Vietnamese, "20,000 ₫" in English.
//! The words around them ("working days", "in person") come from the translations.

use super::model::{Channel, Currency, Fee};

/// Groups the digits of `amount` by thousands: `.` in Vietnamese, `,` in English.
pub fn thousands(amount: u64, english: bool) -> String {
    let digits = amount.to_string();
    let separator = if english { ',' } else { '.' };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A number of days or hours: "3", "3,5" (Vietnamese) or "3.5" (English), to three
/// decimals at most (the catalogue's amounts are whole or halves), in whole-number arithmetic
/// like [`crate::dossier::model::readable_size`].
pub fn quantity(amount: f64, english: bool) -> String {
    let thousandths = (amount.max(0.0) * 1000.0).round() as u64;
    let (whole, fraction) = (thousandths / 1000, thousandths % 1000);
    if fraction == 0 {
        return whole.to_string();
    }
    let decimals = format!("{fraction:03}");
    let point = if english { '.' } else { ',' };
    format!("{whole}{point}{}", decimals.trim_end_matches('0'))
}

/// An amount of money: "20.000 ₫", "10 USD".
pub fn money(amount: u64, currency: Currency, english: bool) -> String {
    match currency {
        Currency::Vnd => format!("{} ₫", thousands(amount, english)),
        Currency::Usd => format!("{} USD", thousands(amount, english)),
    }
}

/// What a channel costs, as a range of its amounts: `None` when free or when no amount is given.
pub fn fee_range(channel: &Channel, english: bool) -> Option<String> {
    let paid: Vec<&Fee> = channel
        .fees
        .iter()
        .filter(|f| f.amount.is_some_and(|a| a > 0))
        .collect();
    let currency = paid.first()?.currency;
    let same_currency: Vec<u64> = paid
        .iter()
        .filter(|f| f.currency == currency)
        .filter_map(|f| f.amount)
        .collect();
    let low = *same_currency.iter().min()?;
    let high = *same_currency.iter().max()?;
    let unit = per_unit(&paid[0].note);
    let range = if low == high {
        money(low, currency, english)
    } else {
        format!(
            "{}–{}",
            money(low, currency, english).trim_end_matches(" ₫"),
            money(high, currency, english)
        )
    };
    Some(match unit {
        Some(unit) => format!("{range}/{unit}"),
        None => range,
    })
}

/// "/trang" (per page) style notes: the unit, when the note is only that.
fn per_unit(note: &str) -> Option<&str> {
    let unit = note.strip_prefix('/')?.trim();
    (!unit.is_empty() && unit.chars().count() <= 16).then_some(unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::{ChannelKind, FeeKind, ProcessingTime, TimeUnit};

    fn channel(amounts: &[u64], note: &str) -> Channel {
        Channel {
            kind: ChannelKind::InPerson,
            time: ProcessingTime {
                amount: Some(1.0),
                unit: TimeUnit::WorkingDays,
                text: String::new(),
            },
            fees: amounts
                .iter()
                .map(|&a| Fee {
                    kind: FeeKind::Fee,
                    amount: Some(a),
                    currency: Currency::Vnd,
                    note: note.into(),
                })
                .collect(),
            note: String::new(),
        }
    }

    #[test]
    fn groups_thousands_by_language() {
        assert_eq!(thousands(20000, true), "20,000");
        assert_eq!(thousands(20000, false), "20.000");
        assert_eq!(thousands(1_234_567, true), "1,234,567");
        assert_eq!(thousands(0, true), "0");
        assert_eq!(thousands(999, false), "999");
    }

    #[test]
    fn quantities_and_money() {
        assert_eq!(quantity(3.0, true), "3");
        assert_eq!(quantity(3.5, false), "3,5");
        assert_eq!(quantity(17.5, true), "17.5");
        assert_eq!(quantity(0.25, false), "0,25");
        assert_eq!(quantity(1.125, true), "1.125");
        assert_eq!(quantity(40.0, false), "40");
        assert_eq!(money(10, Currency::Usd, true), "10 USD");
        assert_eq!(money(15000, Currency::Vnd, false), "15.000 ₫");
    }

    #[test]
    fn fee_ranges() {
        assert_eq!(fee_range(&channel(&[0], ""), true), None);
        assert_eq!(
            fee_range(&channel(&[10000, 15000], ""), true).as_deref(),
            Some("10,000–15,000 ₫")
        );
        assert_eq!(
            fee_range(&channel(&[2000], "/trang"), false).as_deref(),
            Some("2.000 ₫/trang")
        );
        assert_eq!(
            fee_range(&channel(&[20000, 20000], "long explanation"), true).as_deref(),
            Some("20,000 ₫")
        );
    }
}
