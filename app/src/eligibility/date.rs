//! Calendar days, enough for "how many days ago": no time zones, no clock. Today is passed in by
//! the caller (the browser's or the server's date), so the rules stay testable.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A real calendar day (leap years included), or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || !(1000..=9999).contains(&year) {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The calendar day in Hà Nội (UTC+7, no daylight saving) at a moment given in
    /// milliseconds since 1970-01-01 UTC.
    pub fn in_hanoi(unix_millis: i64) -> Date {
        const OFFSET_MILLIS: i64 = 7 * 3600 * 1000;
        Date::from_days_since_epoch((unix_millis + OFFSET_MILLIS).div_euclid(86_400_000))
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// `DD/MM/YYYY`, as Vietnamese papers write dates.
    pub fn display(self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date of birth as Vietnamese records may hold it: people born before birth registration
/// was general often have papers that give only the year, or the month and year
/// (Circular 04/2020/TT-BTP, art. 18, lets them add the day and month later; until then the
/// record is what it is). Kept as exactly what was given, never padded with an invented day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RecordedDate {
    pub year: i32,
    /// 1–12, when the record gives it.
    pub month: Option<u32>,
    /// When the record gives it (then the month is given too).
    pub day: Option<u32>,
}

impl RecordedDate {
    /// A year, a month and year, or a real calendar day; `None` for a day without a month, a
    /// month outside 1–12 or a day that does not exist.
    pub fn new(year: i32, month: Option<u32>, day: Option<u32>) -> Option<RecordedDate> {
        match (month, day) {
            (None, Some(_)) => None,
            (Some(m), None) if !(1..=12).contains(&m) => None,
            (Some(m), Some(d)) => Date::new(year, m, d).map(RecordedDate::from),
            _ => (1000..=9999)
                .contains(&year)
                .then_some(RecordedDate { year, month, day }),
        }
    }

    /// The day the rules count from, by the convention of Vietnamese social-insurance law for
    /// records without a day or month of birth (Decree 115/2015/NĐ-CP on compulsory social
    /// insurance, art. 6; the same in the decrees under the Law on Social Insurance 2024): a year
    /// alone counts from 1 January of that year, a month and year from the first of the month.
    pub fn counted_from(self) -> Date {
        Date {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The full years of age on `today`, counted from [`RecordedDate::counted_from`]: someone
    /// recorded as born "1944" is 81 from 1 January 2025.
    pub fn age_on(self, today: Date) -> i32 {
        let born = self.counted_from();
        let had_birthday = (today.month, today.day) >= (born.month, born.day);
        today.year - born.year - i32::from(!had_birthday)
    }

    /// Later than `today`: a year after this one, a month after this month, a day after today.
    pub fn is_after(self, today: Date) -> bool {
        match (self.month, self.day) {
            (None, _) => self.year > today.year,
            (Some(m), None) => (self.year, m) > (today.year, today.month),
            (Some(_), Some(_)) => self.counted_from() > today,
        }
    }

    /// As Vietnamese papers write it: `năm 1944`, `tháng 03/1944`, `27/03/1944` (English:
    /// `1944`, `03/1944`, `27/03/1944`).
    pub fn display(self, english: bool) -> String {
        match (self.month, self.day, english) {
            (None, _, false) => format!("năm {}", self.year),
            (None, _, true) => self.year.to_string(),
            (Some(m), None, false) => format!("tháng {m:02}/{}", self.year),
            (Some(m), None, true) => format!("{m:02}/{}", self.year),
            (Some(_), Some(_), _) => self.counted_from().display(),
        }
    }
}

impl From<Date> for RecordedDate {
    fn from(date: Date) -> RecordedDate {
        RecordedDate {
            year: date.year,
            month: Some(date.month),
            day: Some(date.day),
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_days() {
        assert_eq!(Date::parse("2024-02-29"), Date::new(2024, 2, 29));
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-04-31").is_none());
        assert!(Date::parse("26-04-01").is_none());
        assert!(Date::parse("hôm qua").is_none());
        assert_eq!(Date::parse("2026-11-24").unwrap().to_string(), "2026-11-24");
    }

    #[test]
    fn a_recorded_date_keeps_what_the_record_gives_and_counts_age_from_its_start() {
        let today = Date::new(2026, 11, 24).unwrap();
        let year_only = RecordedDate::new(1944, None, None).unwrap();
        assert_eq!((year_only.month, year_only.day), (None, None));
        assert_eq!(year_only.counted_from(), Date::new(1944, 1, 1).unwrap());
        assert_eq!(year_only.age_on(today), 82);
        assert_eq!(year_only.age_on(Date::new(2025, 1, 1).unwrap()), 81);
        assert_eq!(year_only.age_on(Date::new(2024, 12, 31).unwrap()), 80);
        assert_eq!(year_only.display(false), "năm 1944");
        assert_eq!(year_only.display(true), "1944");
        let month_year = RecordedDate::new(1951, Some(12), None).unwrap();
        assert_eq!(month_year.age_on(today), 74);
        assert_eq!(month_year.age_on(Date::new(2026, 12, 1).unwrap()), 75);
        assert_eq!(month_year.display(false), "tháng 12/1951");
        let full = RecordedDate::new(1951, Some(12), Some(25)).unwrap();
        assert_eq!(full.age_on(Date::new(2026, 12, 24).unwrap()), 74);
        assert_eq!(full.display(false), "25/12/1951");
        assert!(
            RecordedDate::new(1951, None, Some(3)).is_none(),
            "a day alone"
        );
        assert!(RecordedDate::new(1951, Some(13), None).is_none());
        assert!(RecordedDate::new(1951, Some(2), Some(30)).is_none());
        assert!(RecordedDate::new(2027, None, None).unwrap().is_after(today));
        assert!(!RecordedDate::new(2026, None, None).unwrap().is_after(today));
        assert!(
            RecordedDate::new(2026, Some(12), None)
                .unwrap()
                .is_after(today)
        );
        assert!(
            !RecordedDate::new(2026, Some(11), None)
                .unwrap()
                .is_after(today)
        );
    }

    #[test]
    fn counts_days_across_months_and_leap_years() {
        let epoch = Date::new(1970, 1, 1).unwrap();
        assert_eq!(epoch.days_since_epoch(), 0);
        let d = Date::new(2026, 11, 24).unwrap();
        assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
        assert_eq!(d.add_days(-90), Date::new(2026, 8, 26).unwrap());
        assert_eq!(
            Date::new(2024, 2, 28).unwrap().add_days(1),
            Date::new(2024, 2, 29).unwrap()
        );
        assert_eq!(
            Date::new(2023, 12, 31)
                .unwrap()
                .days_until(Date::new(2024, 12, 31).unwrap()),
            366
        );
        assert_eq!(d.display(), "24/11/2026");
        // 2026-11-23 17:30 UTC is already the 24th in Hà Nội.
        assert_eq!(Date::in_hanoi(1_795_455_000_000), d);
        assert_eq!(Date::in_hanoi(1_795_453_000_000), d.add_days(-1));
    }
}
