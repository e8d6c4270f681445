//! Checks of what residents type into a dossier: the 12-digit personal ID number (and that it
//! agrees with the date of birth and sex), phone numbers, e-mail addresses, names and dates.
//! Each check returns the value as it will be stored, or what is wrong, in both languages.
//! Every check reads the value as [`clean`] makes it, so text typed in any Unicode form, wrapped
//! in invisible marks or with full-width digits is read as what it shows.

use crate::eligibility::date::{Date, RecordedDate};
use crate::eligibility::model::Text;
use crate::input::clean;

/// What is wrong with a value. `text()` says it to the resident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    NameCharacters,
    IdLength,
    IdDigits,
    IdProvince {
        code: String,
    },
    /// The century-and-sex digit says another birth year or sex than the form.
    IdYear {
        id_year: i32,
        birth_year: i32,
    },
    IdSex {
        id_says_female: bool,
    },
    Phone,
    /// An 11-digit mobile number of before 2018, and the 10-digit number it became.
    PhoneOld {
        new: String,
    },
    Email,
    DateIncomplete,
    /// A date of birth that may be a year alone: the year is missing, or a day without a month.
    DateYearFirst,
    /// The year was not typed with four digits ("85"): `example` is the year it likely is.
    DateYearDigits {
        example: i32,
    },
    /// Younger on `today` than the rules of the procedure allow.
    TooYoung {
        min_age: u32,
    },
    DateInvalid,
    DateInFuture,
    DateTooOld,
    Number {
        min: u32,
        max: u32,
    },
    Choice,
}

impl Problem {
    pub fn text(&self) -> Text {
        let t = Text::new;
        match self {
            Problem::Required => t("Chưa điền thông tin này", "Enter this information"),
            Problem::TooLong { max } => Text {
                vi: format!("Tối đa {max} ký tự"),
                en: Some(format!("Use {max} characters or fewer")),
            },
            Problem::NameCharacters => t(
                "Họ tên chỉ gồm chữ cái, dấu cách và dấu gạch nối",
                "A name can only contain letters, spaces and hyphens",
            ),
            Problem::IdLength => t(
                "Số định danh cá nhân gồm đúng 12 chữ số, ví dụ 001190012345",
                "A personal ID number has exactly 12 digits, like 001190012345",
            ),
            Problem::IdDigits => t(
                "Số định danh cá nhân chỉ gồm chữ số",
                "A personal ID number can only contain digits",
            ),
            Problem::IdProvince { code } => Text {
                vi: format!(
                    "3 chữ số đầu ({code}) không phải mã tỉnh, thành phố nơi đăng ký khai sinh. Hãy kiểm tra lại trên thẻ căn cước"
                ),
                en: Some(format!(
                    "The first 3 digits ({code}) are not the code of a province where births are registered. Check the number on the ID card"
                )),
            },
            Problem::IdYear {
                id_year,
                birth_year,
            } => Text {
                vi: format!(
                    "Số định danh này là của người sinh năm {id_year}, nhưng ngày sinh đã điền là năm {birth_year}. Hãy kiểm tra lại số hoặc ngày sinh"
                ),
                en: Some(format!(
                    "This ID number belongs to someone born in {id_year}, but the date of birth given is in {birth_year}. Check the number or the date of birth"
                )),
            },
            Problem::IdSex { id_says_female } => {
                if *id_says_female {
                    t(
                        "Số định danh này là của một người nữ, nhưng giới tính đã chọn là nam. Hãy kiểm tra lại",
                        "This ID number belongs to a woman, but the sex chosen is male. Check the number or the sex",
                    )
                } else {
                    t(
                        "Số định danh này là của một người nam, nhưng giới tính đã chọn là nữ. Hãy kiểm tra lại",
                        "This ID number belongs to a man, but the sex chosen is female. Check the number or the sex",
                    )
                }
            }
            Problem::Phone => t(
                "Số điện thoại gồm 10 chữ số bắt đầu bằng 0 (di động) hoặc 11 chữ số bắt đầu bằng 02 (cố định), ví dụ 0912 345 678",
                "Enter a phone number of 10 digits starting with 0 (mobile) or 11 digits starting with 02 (landline), like 0912 345 678",
            ),
            Problem::PhoneOld { new } => Text {
                vi: format!(
                    "Đây là số di động 11 chữ số cũ: từ năm 2018 số này đã đổi thành {new}. Hãy điền số mới"
                ),
                en: Some(format!(
                    "This is an old 11-digit mobile number: since 2018 it is {new}. Enter the new number"
                )),
            },
            Problem::Email => t(
                "Địa chỉ thư điện tử có dạng ten@vidu.vn",
                "Enter an email address like name@example.com",
            ),
            Problem::DateIncomplete => t(
                "Điền đủ ngày, tháng và năm",
                "Enter the day, the month and the year",
            ),
            Problem::DateYearFirst => t(
                "Điền năm; thêm tháng nếu giấy tờ có ghi, và ngày nếu giấy tờ ghi cả ngày",
                "Enter the year; add the month if the papers give it, and the day if they give that too",
            ),
            Problem::DateYearDigits { example } => Text {
                vi: format!("Năm cần đủ 4 chữ số, ví dụ {example}"),
                en: Some(format!("The year needs 4 digits, like {example}")),
            },
            Problem::TooYoung { min_age } => Text {
                vi: format!(
                    "Theo ngày sinh này, người đó chưa đủ {min_age} tuổi: hãy kiểm tra lại ngày sinh trên giấy tờ"
                ),
                en: Some(format!(
                    "By this date of birth the person is not yet {min_age}: check the date of birth on the papers"
                )),
            },
            Problem::DateInvalid => t(
                "Ngày này không có thật, ví dụ đúng: 27 3 2024",
                "This date does not exist; a real date looks like 27 3 2024",
            ),
            Problem::DateInFuture => t(
                "Ngày này chưa đến: hãy điền một ngày đã qua hoặc hôm nay",
                "This date is in the future: enter today or a date in the past",
            ),
            Problem::DateTooOld => t("Năm phải từ 1900 trở đi", "The year must be 1900 or later"),
            Problem::Number { min, max } => Text {
                vi: format!("Điền một số từ {min} đến {max}"),
                en: Some(format!("Enter a number from {min} to {max}")),
            },
            Problem::Choice => t("Chọn một trong các lựa chọn", "Choose one of the options"),
        }
    }
}

/// The birth-registration province codes that begin a personal ID number (Circular
/// 07/2016/TT-BCA, then 59/2021/TT-BCA: the 63 provinces before the 2025 mergers; the merged
/// provinces kept codes from this list, and people keep their numbers).
pub const PROVINCE_CODES: [&str; 63] = [
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
    "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
    "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
    "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
    "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
];

/// What a valid personal ID number says about its holder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonalId {
    pub number: String,
    pub province: String,
    pub birth_year: i32,
    pub female: bool,
}

/// A 12-digit personal ID number (số định danh cá nhân, on the chip ID card): spaces and dots
/// people type between groups are ignored. Digits 1–3: province of birth registration; digit 4:
/// century and sex (0/1 born 1900–1999 male/female, 2/3 2000–2099, 4/5 2100–2199…); digits 5–6:
/// the last two digits of the birth year.
pub fn personal_id(input: &str) -> Result<PersonalId, Problem> {
    let number: String = clean(input)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect();
    if number.is_empty() {
        return Err(Problem::Required);
    }
    if !number.chars().all(|c| c.is_ascii_digit()) {
        return Err(Problem::IdDigits);
    }
    if number.len() != 12 {
        return Err(Problem::IdLength);
    }
    let province = &number[..3];
    if !PROVINCE_CODES.contains(&province) {
        return Err(Problem::IdProvince {
            code: province.to_string(),
        });
    }
    let digit = i32::from(number.as_bytes()[3] - b'0');
    let yy: i32 = number[4..6].parse().unwrap_or(0);
    let birth_year = 1900 + (digit / 2) * 100 + yy;
    Ok(PersonalId {
        province: province.to_string(),
        birth_year,
        female: digit % 2 == 1,
        number,
    })
}

/// The ID number checked against the date of birth and sex given on the same form (either may
/// still be missing: only what is there is compared).
pub fn personal_id_for(
    input: &str,
    birth: Option<RecordedDate>,
    female: Option<bool>,
) -> Result<String, Problem> {
    let id = personal_id(input)?;
    if let Some(birth) = birth
        && birth.year != id.birth_year
    {
        return Err(Problem::IdYear {
            id_year: id.birth_year,
            birth_year: birth.year,
        });
    }
    if let Some(female) = female
        && female != id.female
    {
        return Err(Problem::IdSex {
            id_says_female: id.female,
        });
    }
    Ok(id.number)
}

/// The 11-digit mobile prefixes of before 2018 and the 10-digit ones they became (Ministry of
/// Information and Communications, Decision 798/QĐ-BTTTT of 25 May 2018: the subscriber digits
/// stay, `0162 345 6789` is `032 345 6789`).
pub const OLD_MOBILE_PREFIXES: [(&str, &str); 21] = [
    ("0162", "032"),
    ("0163", "033"),
    ("0164", "034"),
    ("0165", "035"),
    ("0166", "036"),
    ("0167", "037"),
    ("0168", "038"),
    ("0169", "039"),
    ("0120", "070"),
    ("0121", "079"),
    ("0122", "077"),
    ("0126", "076"),
    ("0128", "078"),
    ("0123", "083"),
    ("0124", "084"),
    ("0125", "085"),
    ("0127", "081"),
    ("0129", "082"),
    ("0186", "056"),
    ("0188", "058"),
    ("0199", "059"),
];

/// A Vietnamese phone number, stored as its national digits from 0: mobile (10 digits: 03, 05,
/// 07, 08, 09) or landline (11 digits: 02 and the area code). Read in every form people write:
/// - the country code as `+84`, `84` or `0084`, with or without the trunk 0 after it, `(0)`
///   included: `+84 (0) 912 345 678`, `840912345678`;
/// - spaces, dots, dashes, slashes and brackets between groups: `(024) 3825.1234`.
///
/// # Errors
/// [`Problem::Required`]; [`Problem::PhoneOld`] with the new number for an 11-digit mobile
/// number of before 2018 ([`OLD_MOBILE_PREFIXES`]); [`Problem::Phone`] otherwise.
pub fn phone(input: &str) -> Result<String, Problem> {
    let cleaned = clean(input);
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        return Err(Problem::Required);
    }
    // Brackets only group: "(+84)", "(024)"; the trunk 0 of "+84 (0) 912 …" goes below.
    let grouped: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '/' | '(' | ')'))
        .collect();
    let (plus, digits) = match grouped.strip_prefix('+') {
        Some(rest) => (true, rest.to_string()),
        None => (false, grouped),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Problem::Phone);
    }
    let international = digits
        .strip_prefix("0084")
        .or_else(|| digits.strip_prefix("84"));
    let national = match international {
        Some(after) => format!("0{}", after.strip_prefix('0').unwrap_or(after)),
        // Another country's code.
        None if plus => return Err(Problem::Phone),
        None => digits,
    };
    let mobile = national.len() == 10 && matches!(&national[..2], "03" | "05" | "07" | "08" | "09");
    let landline = national.len() == 11 && national.starts_with("02");
    if mobile || landline {
        return Ok(national);
    }
    if national.len() == 11
        && let Some((_, new)) = OLD_MOBILE_PREFIXES
            .iter()
            .find(|(old, _)| national.starts_with(old))
    {
        return Err(Problem::PhoneOld {
            new: format!("{new}{}", &national[4..]),
        });
    }
    Err(Problem::Phone)
}

/// An e-mail address: something@domain.tld, no spaces.
pub fn email(input: &str) -> Result<String, Problem> {
    let cleaned = clean(input);
    let value = cleaned.trim();
    if value.is_empty() {
        return Err(Problem::Required);
    }
    if value.chars().count() > 254 {
        return Err(Problem::TooLong { max: 254 });
    }
    let valid = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if valid {
        Ok(value.to_string())
    } else {
        Err(Problem::Email)
    }
}

/// A person's full name: letters (with Vietnamese marks), spaces, hyphens and apostrophes, at
/// most 100 characters; spaces are tidied.
pub fn name(input: &str) -> Result<String, Problem> {
    let value = clean(input)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if value.is_empty() {
        return Err(Problem::Required);
    }
    if value.chars().count() > 100 {
        return Err(Problem::TooLong { max: 100 });
    }
    if !value
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.'))
    {
        return Err(Problem::NameCharacters);
    }
    Ok(value)
}

/// Free text of at most `max` characters, trimmed.
pub fn text(input: &str, max: usize) -> Result<String, Problem> {
    let cleaned = clean(input);
    let value = cleaned.trim();
    if value.is_empty() {
        return Err(Problem::Required);
    }
    if value.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    Ok(value.to_string())
}

/// A whole number between `min` and `max`.
pub fn number(input: &str, min: u32, max: u32) -> Result<u32, Problem> {
    let cleaned = clean(input);
    let value = cleaned.trim();
    if value.is_empty() {
        return Err(Problem::Required);
    }
    match value.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(Problem::Number { min, max }),
    }
}

/// One box of a date, read: `None` when blank, `Some(Err)` when not a number.
fn date_part(typed: &str) -> Option<Result<u32, Problem>> {
    let cleaned = clean(typed);
    let value = cleaned.trim();
    (!value.is_empty()).then(|| value.parse::<u32>().map_err(|_| Problem::DateInvalid))
}

/// The year box: four digits, `None` when blank. "85" is most likely 1985 (a year of this
/// century only when it is not after `today`): [`Problem::DateYearDigits`] offers it. Also the
/// reading of the check's date questions (`eligibility::answers`).
pub fn year_of(typed: &str, today: Date) -> Option<Result<i32, Problem>> {
    let cleaned = clean(typed);
    let value = cleaned.trim();
    if value.is_empty() {
        return None;
    }
    if !value.bytes().all(|b| b.is_ascii_digit()) || value.len() > 8 {
        return Some(Err(Problem::DateInvalid));
    }
    let year: u32 = value.parse().unwrap_or(0);
    if value.len() == 4 {
        return Some(Ok(year as i32));
    }
    // Two digits: the year they most likely stand for; otherwise an example of the form.
    let example = match (value.len(), year) {
        (1..=2, _) if 2000 + year as i32 <= today.year => 2000 + year as i32,
        (1..=2, _) => 1900 + year as i32,
        _ => 1985,
    };
    Some(Err(Problem::DateYearDigits { example }))
}

/// A date typed as day, month and year boxes. `past`: it must not be after `today` (dates of
/// birth, of death, of a document).
pub fn date(day: &str, month: &str, year: &str, past: bool, today: Date) -> Result<Date, Problem> {
    let (day, month, year) = (date_part(day), date_part(month), year_of(year, today));
    let (Some(d), Some(m), Some(y)) = (day.clone(), month.clone(), year.clone()) else {
        return Err(if day.is_none() && month.is_none() && year.is_none() {
            Problem::Required
        } else {
            Problem::DateIncomplete
        });
    };
    let y = y?;
    let date = Date::new(y, m?, d?).ok_or(Problem::DateInvalid)?;
    if y < 1900 {
        return Err(Problem::DateTooOld);
    }
    if past && date > today {
        return Err(Problem::DateInFuture);
    }
    Ok(date)
}

/// A date of birth as the person's records give it ([`RecordedDate`]): the year alone, the
/// month and year, or the whole date; never after `today`, from 1900.
pub fn recorded_date(
    day: &str,
    month: &str,
    year: &str,
    today: Date,
) -> Result<RecordedDate, Problem> {
    let (day, month, year) = (date_part(day), date_part(month), year_of(year, today));
    let Some(y) = year else {
        return Err(if day.is_none() && month.is_none() {
            Problem::Required
        } else {
            Problem::DateYearFirst
        });
    };
    let y = y?;
    let (month, day) = (month.transpose()?, day.transpose()?);
    if day.is_some() && month.is_none() {
        return Err(Problem::DateYearFirst);
    }
    let date = RecordedDate::new(y, month, day).ok_or(Problem::DateInvalid)?;
    if y < 1900 {
        return Err(Problem::DateTooOld);
    }
    if date.is_after(today) {
        return Err(Problem::DateInFuture);
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 24).unwrap()
    }

    #[test]
    fn a_personal_id_number_tells_province_birth_year_and_sex() {
        let id = personal_id("001 085 012345").unwrap();
        assert_eq!(id.number, "001085012345");
        assert_eq!(id.province, "001");
        assert_eq!(id.birth_year, 1985);
        assert!(!id.female);
        let id = personal_id("079.301.000123").unwrap();
        assert_eq!((id.birth_year, id.female), (2001, true));
        assert_eq!(personal_id("036100000001").unwrap().birth_year, 1900);
        assert_eq!(personal_id("036499000001").unwrap().birth_year, 2199);
    }

    #[test]
    fn a_personal_id_number_of_the_wrong_shape_is_refused() {
        assert_eq!(personal_id(""), Err(Problem::Required));
        assert_eq!(personal_id("00108501234"), Err(Problem::IdLength));
        assert_eq!(personal_id("0010850123456"), Err(Problem::IdLength));
        assert_eq!(personal_id("00108501234A"), Err(Problem::IdDigits));
        // Old 9-digit identity card numbers are not personal ID numbers.
        assert_eq!(personal_id("012345678"), Err(Problem::IdLength));
        assert_eq!(
            personal_id("003085012345"),
            Err(Problem::IdProvince { code: "003".into() })
        );
        assert_eq!(
            personal_id("099085012345"),
            Err(Problem::IdProvince { code: "099".into() })
        );
    }

    #[test]
    fn every_province_code_is_distinct_and_three_digits() {
        let mut codes = PROVINCE_CODES.to_vec();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 63);
        assert!(codes.iter().all(|c| c.len() == 3));
        assert!(codes.contains(&"001"), "Hà Nội");
        assert!(codes.contains(&"079"), "Hồ Chí Minh City");
    }

    #[test]
    fn the_id_number_must_agree_with_date_of_birth_and_sex() {
        let born = Date::new(1985, 3, 2).map(RecordedDate::from);
        assert_eq!(
            personal_id_for("001085012345", born, Some(false)),
            Ok("001085012345".into())
        );
        assert_eq!(
            personal_id_for("001086012345", born, Some(false)),
            Err(Problem::IdYear {
                id_year: 1986,
                birth_year: 1985
            })
        );
        // Right last digits, wrong century: a 2085 birth.
        assert_eq!(
            personal_id_for("001285012345", born, None),
            Err(Problem::IdYear {
                id_year: 2085,
                birth_year: 1985
            })
        );
        assert_eq!(
            personal_id_for("001185012345", born, Some(false)),
            Err(Problem::IdSex {
                id_says_female: true
            })
        );
        assert_eq!(
            personal_id_for("001085012345", born, Some(true)),
            Err(Problem::IdSex {
                id_says_female: false
            })
        );
        // Nothing to compare yet: the number alone is checked.
        assert!(personal_id_for("001185012345", None, None).is_ok());
    }

    #[test]
    fn phone_numbers_are_stored_as_digits_from_zero() {
        assert_eq!(phone("0912 345 678"), Ok("0912345678".into()));
        assert_eq!(phone("+84 912.345.678"), Ok("0912345678".into()));
        assert_eq!(phone("84912345678"), Ok("0912345678".into()));
        assert_eq!(phone("(024) 3825 1234"), Ok("02438251234".into()));
        assert_eq!(phone("0312345678"), Ok("0312345678".into()));
        assert_eq!(phone(""), Err(Problem::Required));
        assert_eq!(phone("091234567"), Err(Problem::Phone), "9 digits");
        assert_eq!(phone("0112345678"), Err(Problem::Phone), "no such prefix");
        assert_eq!(phone("0912-abc-678"), Err(Problem::Phone));
        assert_eq!(phone("02438251234567"), Err(Problem::Phone));
    }

    #[test]
    fn a_phone_number_in_every_written_form_is_one_number() {
        for written in [
            "0912345678",
            "0912 345 678",
            "0912.345.678",
            "0912-345-678",
            "091 234 5678",
            "+84912345678",
            "+84 912 345 678",
            "+84 (0) 912 345 678",
            "+84(0)912345678",
            "+840912345678",
            "84912345678",
            "84 912 345 678",
            "840912345678",
            "0084912345678",
            "0084 912 345 678",
            "00840912345678",
            "(+84) 912 345 678",
            "(0912) 345 678",
        ] {
            assert_eq!(phone(written), Ok("0912345678".into()), "{written}");
        }
        for written in [
            "024 3825 1234",
            "(024) 3825.1234",
            "+84 24 3825 1234",
            "+84 (0)24 38251234",
        ] {
            assert_eq!(phone(written), Ok("02438251234".into()), "{written}");
        }
        // A trunk 0 in brackets without a country code is still the trunk 0.
        assert_eq!(phone("(0) 912 345 678"), Ok("0912345678".into()));
        assert_eq!(phone("(0)24 3825 1234"), Ok("02438251234".into()));
        // Another country's number is not a Vietnamese one.
        assert_eq!(phone("+1 912 345 6789"), Err(Problem::Phone));
        assert_eq!(phone("+"), Err(Problem::Phone));
    }

    #[test]
    fn an_old_eleven_digit_mobile_number_is_refused_with_the_new_one() {
        assert_eq!(
            phone("0168 123 4567"),
            Err(Problem::PhoneOld {
                new: "0381234567".into()
            })
        );
        assert_eq!(
            phone("+84 168 123 4567"),
            Err(Problem::PhoneOld {
                new: "0381234567".into()
            })
        );
        assert_eq!(
            phone("01291234567"),
            Err(Problem::PhoneOld {
                new: "0821234567".into()
            })
        );
        assert_eq!(
            phone("0199 123 4567"),
            Err(Problem::PhoneOld {
                new: "0591234567".into()
            })
        );
        // Every new prefix is one a mobile number may start with today.
        for (old, new) in OLD_MOBILE_PREFIXES {
            let typed = format!("{old}1234567");
            let Err(Problem::PhoneOld { new: converted }) = phone(&typed) else {
                panic!("{typed}");
            };
            assert!(converted.starts_with(new));
            assert_eq!(phone(&converted), Ok(converted.clone()));
        }
        // An 11-digit number from 01 that never was a mobile prefix.
        assert_eq!(phone("01001234567"), Err(Problem::Phone));
    }

    #[test]
    fn typed_values_in_any_unicode_disguise_are_read_as_they_show() {
        use crate::input::disguises;
        // Unikey's composing setting or macOS: the name arrives decomposed.
        assert_eq!(
            name("Nguye\u{0302}\u{0303}n Va\u{0306}n An"),
            Ok("Nguyễn Văn An".into())
        );
        // iOS copies a phone number with bidi marks around it.
        assert_eq!(
            phone("\u{202D}0912 345 678\u{202C}"),
            Ok("0912345678".into())
        );
        // A chat app puts a zero-width space inside an ID number.
        assert_eq!(
            personal_id("001085\u{200B}012345").map(|id| id.number),
            Ok("001085012345".into())
        );
        for disguised in disguises("Đặng Thị Ngọc Ánh") {
            assert_eq!(
                name(&disguised),
                Ok("Đặng Thị Ngọc Ánh".into()),
                "{disguised:?}"
            );
        }
        for disguised in disguises("0912 345 678") {
            assert_eq!(phone(&disguised), Ok("0912345678".into()), "{disguised:?}");
        }
        for disguised in disguises("001085012345") {
            assert_eq!(
                personal_id(&disguised).map(|id| id.number),
                Ok("001085012345".into()),
                "{disguised:?}"
            );
        }
        for disguised in disguises("lan@example.vn") {
            assert_eq!(
                email(&disguised),
                Ok("lan@example.vn".into()),
                "{disguised:?}"
            );
        }
        for disguised in disguises("1985") {
            assert_eq!(
                date("2", "3", &disguised, true, today()),
                Ok(Date::new(1985, 3, 2).unwrap()),
                "{disguised:?}"
            );
        }
    }

    #[test]
    fn a_date_of_birth_may_be_a_year_alone_or_a_month_and_year() {
        let year_only = recorded_date("", "", "1944", today()).unwrap();
        assert_eq!(year_only, RecordedDate::new(1944, None, None).unwrap());
        assert_eq!(year_only.display(false), "năm 1944");
        assert_eq!(
            recorded_date("", "3", "1944", today()),
            Ok(RecordedDate::new(1944, Some(3), None).unwrap())
        );
        assert_eq!(
            recorded_date("27", "3", "1944", today()),
            Ok(RecordedDate::new(1944, Some(3), Some(27)).unwrap())
        );
        assert_eq!(recorded_date("", "", "", today()), Err(Problem::Required));
        assert_eq!(
            recorded_date("27", "3", "", today()),
            Err(Problem::DateYearFirst)
        );
        assert_eq!(
            recorded_date("27", "", "1944", today()),
            Err(Problem::DateYearFirst)
        );
        assert_eq!(
            recorded_date("", "13", "1944", today()),
            Err(Problem::DateInvalid)
        );
        assert_eq!(
            recorded_date("", "", "2027", today()),
            Err(Problem::DateInFuture)
        );
        assert_eq!(
            recorded_date("", "12", "2026", today()),
            Err(Problem::DateInFuture)
        );
        assert_eq!(
            recorded_date("", "", "1899", today()),
            Err(Problem::DateTooOld)
        );
        assert_eq!(
            recorded_date("", "", "44", today()),
            Err(Problem::DateYearDigits { example: 1944 })
        );
    }

    #[test]
    fn a_year_of_two_digits_is_said_to_need_four() {
        assert_eq!(
            date("2", "3", "85", true, today()),
            Err(Problem::DateYearDigits { example: 1985 })
        );
        assert_eq!(
            date("2", "3", "19", true, today()),
            Err(Problem::DateYearDigits { example: 2019 })
        );
        assert_eq!(
            Problem::DateYearDigits { example: 1985 }.text().vi,
            "Năm cần đủ 4 chữ số, ví dụ 1985"
        );
        assert_eq!(
            date("2", "3", "x", true, today()),
            Err(Problem::DateInvalid)
        );
        // Three digits: no guess, an example of the form; a sign is no digit.
        assert_eq!(
            date("2", "3", "198", true, today()),
            Err(Problem::DateYearDigits { example: 1985 })
        );
        assert_eq!(
            date("2", "3", "+985", true, today()),
            Err(Problem::DateInvalid)
        );
    }

    #[test]
    fn email_addresses_need_a_domain() {
        assert_eq!(email(" lan@example.vn "), Ok("lan@example.vn".into()));
        assert_eq!(email("lan@example"), Err(Problem::Email));
        assert_eq!(email("lan example.vn"), Err(Problem::Email));
        assert_eq!(email("lan@@example.vn"), Err(Problem::Email));
        assert_eq!(email("@example.vn"), Err(Problem::Email));
    }

    #[test]
    fn names_take_vietnamese_letters_and_tidy_spaces() {
        assert_eq!(name("  Nguyễn   Thị  Lan "), Ok("Nguyễn Thị Lan".into()));
        assert_eq!(name("H'Hen Niê"), Ok("H'Hen Niê".into()));
        assert_eq!(name("Lan 2"), Err(Problem::NameCharacters));
        assert_eq!(name("<script>"), Err(Problem::NameCharacters));
        assert_eq!(name(" "), Err(Problem::Required));
        assert_eq!(name(&"a".repeat(101)), Err(Problem::TooLong { max: 100 }));
    }

    #[test]
    fn dates_must_exist_and_not_be_in_the_future() {
        let d = date("2", "3", "1985", true, today()).unwrap();
        assert_eq!((d.year, d.month, d.day), (1985, 3, 2));
        assert_eq!(date("", "", "", true, today()), Err(Problem::Required));
        assert_eq!(
            date("2", "", "1985", true, today()),
            Err(Problem::DateIncomplete)
        );
        assert_eq!(
            date("30", "2", "2024", true, today()),
            Err(Problem::DateInvalid)
        );
        assert_eq!(
            date("25", "11", "2026", true, today()),
            Err(Problem::DateInFuture)
        );
        assert!(date("24", "11", "2026", true, today()).is_ok(), "today");
        assert!(
            date("25", "11", "2026", false, today()).is_ok(),
            "a future date where allowed"
        );
        assert_eq!(
            date("1", "1", "1899", true, today()),
            Err(Problem::DateTooOld)
        );
    }

    #[test]
    fn numbers_and_texts_have_bounds() {
        assert_eq!(number("3", 1, 10), Ok(3));
        assert_eq!(number("0", 1, 10), Err(Problem::Number { min: 1, max: 10 }));
        assert_eq!(number("x", 1, 10), Err(Problem::Number { min: 1, max: 10 }));
        assert_eq!(text("  a  ", 5), Ok("a".into()));
        assert_eq!(text("abcdef", 5), Err(Problem::TooLong { max: 5 }));
    }

    #[test]
    fn every_problem_is_said_in_both_languages() {
        let all = [
            Problem::Required,
            Problem::TooLong { max: 3 },
            Problem::NameCharacters,
            Problem::IdLength,
            Problem::IdDigits,
            Problem::IdProvince { code: "003".into() },
            Problem::IdYear {
                id_year: 1986,
                birth_year: 1985,
            },
            Problem::IdSex {
                id_says_female: true,
            },
            Problem::IdSex {
                id_says_female: false,
            },
            Problem::Phone,
            Problem::PhoneOld {
                new: "0381234567".into(),
            },
            Problem::Email,
            Problem::DateIncomplete,
            Problem::DateYearFirst,
            Problem::DateYearDigits { example: 1985 },
            Problem::TooYoung { min_age: 70 },
            Problem::DateInvalid,
            Problem::DateInFuture,
            Problem::DateTooOld,
            Problem::Number { min: 1, max: 2 },
            Problem::Choice,
        ];
        for problem in all {
            let text = problem.text();
            assert!(!text.vi.is_empty() && text.en.as_deref().is_some_and(|e| !e.is_empty()));
            assert_ne!(Some(text.vi.as_str()), text.en.as_deref(), "{problem:?}");
        }
    }
}
