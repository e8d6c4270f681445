//! Checks of what residents type into a dossier: the 12-digit personal ID number (and that it
//! agrees with the date of birth and sex), phone numbers, e-mail addresses, names and dates.
//! Each check returns the value as it will be stored, or what is wrong, in both languages.

use crate::eligibility::date::Date;
use crate::eligibility::model::Text;

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
    Email,
    DateIncomplete,
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
            Problem::Email => t(
                "Địa chỉ thư điện tử có dạng ten@vidu.vn",
                "Enter an email address like name@example.com",
            ),
            Problem::DateIncomplete => t(
                "Điền đủ ngày, tháng và năm",
                "Enter the day, the month and the year",
            ),
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
    let number: String = input
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
    birth: Option<Date>,
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

/// A Vietnamese phone number, stored as digits from 0: mobile (10 digits: 03, 05, 07, 08, 09)
/// or landline (11 digits: 02…). `+84` and `84` in front are read as 0.
pub fn phone(input: &str) -> Result<String, Problem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(Problem::Required);
    }
    let mut digits: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    if let Some(rest) = digits.strip_prefix('+') {
        digits = rest.to_string();
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Problem::Phone);
    }
    if digits.starts_with("84") && (digits.len() == 11 || digits.len() == 12) {
        digits = format!("0{}", &digits[2..]);
    }
    let mobile = digits.len() == 10 && matches!(&digits[..2], "03" | "05" | "07" | "08" | "09");
    let landline = digits.len() == 11 && digits.starts_with("02");
    if mobile || landline {
        Ok(digits)
    } else {
        Err(Problem::Phone)
    }
}

/// An e-mail address: something@domain.tld, no spaces.
pub fn email(input: &str) -> Result<String, Problem> {
    let value = input.trim();
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
    let value = input.split_whitespace().collect::<Vec<_>>().join(" ");
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
    let value = input.trim();
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
    let value = input.trim();
    if value.is_empty() {
        return Err(Problem::Required);
    }
    match value.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(Problem::Number { min, max }),
    }
}

/// A date typed as day, month and year boxes. `past`: it must not be after `today` (dates of
/// birth, of death, of a document).
pub fn date(day: &str, month: &str, year: &str, past: bool, today: Date) -> Result<Date, Problem> {
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return Err(Problem::Required);
    }
    if day.is_empty() || month.is_empty() || year.is_empty() {
        return Err(Problem::DateIncomplete);
    }
    let (Ok(d), Ok(m), Ok(y)) = (
        day.parse::<u32>(),
        month.parse::<u32>(),
        year.parse::<i32>(),
    ) else {
        return Err(Problem::DateInvalid);
    };
    if year.len() != 4 {
        return Err(Problem::DateInvalid);
    }
    let date = Date::new(y, m, d).ok_or(Problem::DateInvalid)?;
    if y < 1900 {
        return Err(Problem::DateTooOld);
    }
    if past && date > today {
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
        let born = Date::new(1985, 3, 2);
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
            date("2", "3", "85", true, today()),
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
            Problem::Email,
            Problem::DateIncomplete,
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
