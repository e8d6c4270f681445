//! The working-day calendar of Vietnam's public offices, and the due date of a dossier.
//!
//! Offices work Monday to Friday. Public holidays (Labour Code 2019, Art. 112): New Year's Day
//! (1/1), Tết (five days around the lunar new year, set each year by the Government, usually
//! stretched to nine with weekends and swapped days), the Hùng Kings' day (10th day of the
//! third lunar month), 30/4, 1/5 and National Day (2/9 and the day before or after). A holiday
//! on a weekend is given back on the next working day, and the Government may swap a weekday
//! off against a Saturday at work. Lunar dates and those decisions differ every year, so each
//! year is a table below: a year without one is computed from the fixed-date holidays only and
//! its due dates are marked as estimates.
//!
//! A dossier received after 15:00, or on a day off, counts from the next working day (procedure
//! facts §0); "N working days" ends at the close of the N-th working day from there.

use crate::catalogue::model::{ProcessingTime, TimeUnit};
use crate::eligibility::date::Date;

/// The days off and the Saturdays at work of one year, as decided.
pub struct Year {
    pub year: i32,
    /// Weekdays the offices are closed: holidays, Tết, days given back for holidays on weekends.
    pub days_off: &'static [(u32, u32)],
    /// Saturdays or Sundays worked in exchange for a bridged weekday.
    pub days_worked: &'static [(u32, u32)],
    /// Where the dates come from.
    pub source: &'static str,
}

/// The years the portal knows. Add the next one when the Government announces it (usually in
/// the autumn before).
pub const YEARS: &[Year] = &[
    Year {
        year: 2025,
        days_off: &[
            (1, 1),
            // Tết Ất Tỵ: Saturday 25/1 to Sunday 2/2.
            (1, 27),
            (1, 28),
            (1, 29),
            (1, 30),
            (1, 31),
            // Hùng Kings (10/3 Ất Tỵ).
            (4, 7),
            (4, 30),
            (5, 1),
            // 2/5 bridged, worked on Saturday 26/4.
            (5, 2),
            (9, 1),
            (9, 2),
        ],
        days_worked: &[(4, 26)],
        source: "Thông báo 6150/TB-BNV (2024) and 1186/TB-BNV (2025) of the Ministry of Home Affairs",
    },
    Year {
        year: 2026,
        days_off: &[
            (1, 1),
            // Tết Bính Ngọ: Saturday 14/2 to Sunday 22/2 (lunar new year: Tuesday 17/2).
            (2, 16),
            (2, 17),
            (2, 18),
            (2, 19),
            (2, 20),
            // Hùng Kings (10/3 Bính Ngọ) falls on Sunday 26/4: given back on Monday 27/4.
            (4, 27),
            (4, 30),
            (5, 1),
            // National Day, Wednesday 2/9, with the day before.
            (9, 1),
            (9, 2),
        ],
        days_worked: &[],
        source: "Labour Code 2019 Art. 112 with the Tết dates announced by the Ministry of Home Affairs",
    },
    Year {
        year: 2027,
        days_off: &[
            (1, 1),
            // Tết Đinh Mùi (lunar new year: Saturday 6/2): five days from Friday 5/2, the two
            // falling on the weekend given back on 10/2 and 11/2.
            (2, 5),
            (2, 8),
            (2, 9),
            (2, 10),
            (2, 11),
            // Hùng Kings (10/3 Đinh Mùi): Friday 16/4.
            (4, 16),
            (4, 30),
            // 1/5 is a Saturday: given back on Monday 3/5.
            (5, 3),
            // National Day, Thursday 2/9, with the day after.
            (9, 2),
            (9, 3),
        ],
        days_worked: &[],
        source: "Labour Code 2019 Art. 112 applied to the lunar calendar; to be checked against the Government's notice",
    },
];

/// The hour (Hà Nội time) after which a dossier counts from the next working day.
pub const CUT_OFF_HOUR: u32 = 15;

fn year_of(date: Date) -> Option<&'static Year> {
    YEARS.iter().find(|y| y.year == date.year)
}

/// Monday = 0 … Sunday = 6.
pub fn weekday(date: Date) -> u32 {
    // 1970-01-01 was a Thursday.
    (date.days_since_epoch() + 3).rem_euclid(7) as u32
}

/// The offices are open on `date`.
pub fn is_working_day(date: Date) -> bool {
    let key = (date.month, date.day);
    match year_of(date) {
        Some(year) => {
            if year.days_worked.contains(&key) {
                return true;
            }
            weekday(date) < 5 && !year.days_off.contains(&key)
        }
        None => weekday(date) < 5 && !fixed_holiday(date),
    }
}

/// Holidays on a fixed solar date, for years without a table (no Tết, no Hùng Kings).
fn fixed_holiday(date: Date) -> bool {
    matches!((date.month, date.day), (1, 1) | (4, 30) | (5, 1) | (9, 2))
}

/// The calendar of `date`'s year is known, not estimated.
pub fn is_known_year(year: i32) -> bool {
    YEARS.iter().any(|y| y.year == year)
}

/// The first working day on or after `date`.
pub fn next_working_day(date: Date) -> Date {
    let mut day = date;
    while !is_working_day(day) {
        day = day.add_days(1);
    }
    day
}

/// The working day `n` working days after `date` (`n` = 0: `date` itself if it is one).
pub fn add_working_days(date: Date, n: u32) -> Date {
    let mut day = next_working_day(date);
    for _ in 0..n {
        day = next_working_day(day.add_days(1));
    }
    day
}

/// When a dossier received at `unix_millis` starts to count: that day if it is a working day
/// and before 15:00 in Hà Nội, otherwise the next working day.
pub fn counting_from(unix_millis: i64) -> Date {
    let date = Date::in_hanoi(unix_millis);
    let minutes = (unix_millis.div_euclid(60_000) + 7 * 60).rem_euclid(24 * 60);
    if is_working_day(date) && minutes < (CUT_OFF_HOUR * 60) as i64 {
        date
    } else {
        next_working_day(date.add_days(1))
    }
}

/// When the result is due, by the procedure's processing time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DueDate {
    pub date: Date,
    /// The year's holidays were not in the table: the date may move.
    pub estimate: bool,
}

/// The due date for a dossier received at `unix_millis` with processing time `time`; `None`
/// when the procedure gives no usable time (the office says at the counter).
pub fn due_date(time: &ProcessingTime, unix_millis: i64) -> Option<DueDate> {
    let start = counting_from(unix_millis);
    let amount = time.amount.filter(|a| a.is_finite() && *a > 0.0);
    let date = match time.unit {
        TimeUnit::SameDay => start,
        TimeUnit::WorkingDays => add_working_days(start, whole(amount?).saturating_sub(1)),
        // Calendar days count on from the start; the result is handed out on a working day.
        TimeUnit::Days => next_working_day(start.add_days(i64::from(whole(amount?)) - 1)),
        // An office day is eight hours.
        TimeUnit::Hours => add_working_days(start, whole(amount? / 8.0).saturating_sub(1)),
        TimeUnit::Months => next_working_day(start.add_days((amount? * 30.0).ceil() as i64 - 1)),
        TimeUnit::Years | TimeUnit::Unspecified => return None,
    };
    Some(DueDate {
        date,
        estimate: !is_known_year(start.year) || !is_known_year(date.year),
    })
}

fn whole(amount: f64) -> u32 {
    amount.ceil().clamp(1.0, 3650.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    /// Unix milliseconds of a Hà Nội wall-clock time.
    fn at(y: i32, m: u32, day: u32, hour: i64, minute: i64) -> i64 {
        (d(y, m, day).days_since_epoch() * 86_400 + (hour - 7) * 3600 + minute * 60) * 1000
    }

    fn working(n: f64) -> ProcessingTime {
        ProcessingTime {
            amount: Some(n),
            unit: TimeUnit::WorkingDays,
            text: String::new(),
        }
    }

    #[test]
    fn weekdays_are_right() {
        assert_eq!(weekday(d(2026, 11, 24)), 1); // a Tuesday
        assert_eq!(weekday(d(2026, 2, 14)), 5); // a Saturday
        assert_eq!(weekday(d(2025, 1, 1)), 2); // a Wednesday
    }

    #[test]
    fn every_table_lists_weekdays_only_as_days_off_and_weekends_as_days_worked() {
        for year in YEARS {
            for &(m, day) in year.days_off {
                let date = d(year.year, m, day);
                assert!(weekday(date) < 5, "{date} in {} is a weekend", year.year);
            }
            for &(m, day) in year.days_worked {
                assert!(weekday(d(year.year, m, day)) >= 5);
            }
            // Five Tết days at least, and the fixed holidays.
            assert!(year.days_off.len() >= 9, "{}", year.year);
        }
    }

    #[test]
    fn tet_2026_closes_the_offices_from_14_to_22_february() {
        for day in 14..=22 {
            assert!(!is_working_day(d(2026, 2, day)), "{day}/2");
        }
        assert!(is_working_day(d(2026, 2, 13)));
        assert!(is_working_day(d(2026, 2, 23)));
    }

    #[test]
    fn a_dossier_before_tet_is_due_after_it() {
        // Received Thursday 12/2/2026 at 9:00, 3 working days: 12, 13, then 23/2.
        let due = due_date(&working(3.0), at(2026, 2, 12, 9, 0)).unwrap();
        assert_eq!(due.date, d(2026, 2, 23));
        assert!(!due.estimate);
    }

    #[test]
    fn after_three_in_the_afternoon_counting_starts_the_next_working_day() {
        // Friday 13/2/2026 at 14:59 counts that day; at 15:00 it counts from Monday 23/2.
        assert_eq!(counting_from(at(2026, 2, 13, 14, 59)), d(2026, 2, 13));
        assert_eq!(counting_from(at(2026, 2, 13, 15, 0)), d(2026, 2, 23));
        let same_day = TimeUnit::SameDay;
        let time = ProcessingTime {
            amount: None,
            unit: same_day,
            text: String::new(),
        };
        assert_eq!(
            due_date(&time, at(2026, 2, 13, 16, 30)).unwrap().date,
            d(2026, 2, 23)
        );
        // An ordinary Tuesday afternoon: one working day is Wednesday.
        assert_eq!(
            due_date(&working(1.0), at(2026, 11, 24, 15, 30))
                .unwrap()
                .date,
            d(2026, 11, 25)
        );
        assert_eq!(
            due_date(&working(1.0), at(2026, 11, 24, 10, 0))
                .unwrap()
                .date,
            d(2026, 11, 24)
        );
    }

    #[test]
    fn weekends_and_swapped_days_count_as_the_offices_do() {
        // Friday 24/4/2026 + 3 working days: 24, 28 (27 is Hùng Kings given back), 29.
        assert_eq!(
            due_date(&working(3.0), at(2026, 4, 24, 8, 0)).unwrap().date,
            d(2026, 4, 29)
        );
        // 2025: Saturday 26/4 was worked, 30/4–2/5 were off.
        assert!(is_working_day(d(2025, 4, 26)));
        assert_eq!(
            due_date(&working(3.0), at(2025, 4, 28, 8, 0)).unwrap().date,
            d(2025, 5, 5)
        );
        // Received on a Sunday: counts from Monday.
        assert_eq!(counting_from(at(2026, 11, 29, 9, 0)), d(2026, 11, 30));
    }

    #[test]
    fn tet_2025_and_national_day_are_skipped() {
        // Friday 24/1/2025, 10 working days: 24/1, then 3/2 … 13/2.
        assert_eq!(
            due_date(&working(10.0), at(2025, 1, 24, 10, 0))
                .unwrap()
                .date,
            d(2025, 2, 13)
        );
        // Friday 29/8/2025 + 2 working days: 29/8, then 3/9 (1 and 2/9 off).
        assert_eq!(
            due_date(&working(2.0), at(2025, 8, 29, 10, 0))
                .unwrap()
                .date,
            d(2025, 9, 3)
        );
    }

    #[test]
    fn years_without_a_table_are_estimates_without_lunar_holidays() {
        let due = due_date(&working(5.0), at(2031, 3, 3, 9, 0)).unwrap();
        assert!(due.estimate);
        assert_eq!(due.date, d(2031, 3, 7));
        assert!(!is_working_day(d(2031, 9, 2)));
    }

    #[test]
    fn calendar_days_hours_and_no_time() {
        let days = ProcessingTime {
            amount: Some(15.0),
            unit: TimeUnit::Days,
            text: String::new(),
        };
        // From Monday 2/11/2026: the 15th calendar day is Monday 16/11.
        assert_eq!(
            due_date(&days, at(2026, 11, 2, 9, 0)).unwrap().date,
            d(2026, 11, 16)
        );
        let hours = ProcessingTime {
            amount: Some(16.0),
            unit: TimeUnit::Hours,
            text: String::new(),
        };
        assert_eq!(
            due_date(&hours, at(2026, 11, 2, 9, 0)).unwrap().date,
            d(2026, 11, 3)
        );
        let none = ProcessingTime {
            amount: None,
            unit: TimeUnit::Unspecified,
            text: String::new(),
        };
        assert_eq!(due_date(&none, at(2026, 11, 2, 9, 0)), None);
        assert_eq!(due_date(&working(f64::NAN), at(2026, 11, 2, 9, 0)), None);
    }
}
