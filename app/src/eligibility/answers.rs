//! A resident's answers, as they travel in the page's address (`?who=self&born=2026-08-26`) and
//! in form posts, and their validation against the questions.

use super::date::Date;
use super::model::{Kind, Question};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Raw answers by question id, as typed: nothing here is trusted until `Answers::value` checks it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers(pub BTreeMap<String, String>);

/// Why an answer cannot be used; the page says it in the resident's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerError {
    /// Nothing chosen or typed.
    Missing,
    /// A value that is not one of the choices.
    NotAChoice,
    /// Day, month or year missing.
    DateIncomplete,
    /// Not a real day (31 April, letters…).
    DateInvalid,
    /// A day after today.
    DateInFuture,
    /// The year was not typed with four digits ("85"): `example` is the year it likely is
    /// (the same reading as the dossier's dates, `validate::year_of`).
    DateYearDigits {
        example: i32,
    },
    NotANumber,
    TooSmall,
    TooLarge,
}

/// Query keys the pages use for themselves, never question ids: `show` (the question to show
/// again, from Back and Change links) and `asked` (the question a form answered).
pub const RESERVED: [&str; 2] = ["show", "asked"];

/// Longest answer kept: anything longer is not an answer to any of our questions.
const MAX_ANSWER: usize = 40;

impl Answers {
    /// From query or form pairs. A date may come as `{id}` or as `{id}_day`, `{id}_month` and
    /// `{id}_year` (the three boxes of the date question), which are joined as typed.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Answers {
        let mut answers = BTreeMap::new();
        let mut parts: BTreeMap<String, [String; 3]> = BTreeMap::new();
        for (key, value) in pairs {
            let value: String = crate::input::clean(value)
                .trim()
                .chars()
                .take(MAX_ANSWER)
                .collect();
            if !is_key(key) || RESERVED.contains(&key) {
                continue;
            }
            let part = [("_day", 0), ("_month", 1), ("_year", 2)]
                .into_iter()
                .find_map(|(suffix, i)| key.strip_suffix(suffix).map(|id| (id, i)));
            match part {
                Some((id, i)) => parts.entry(id.to_string()).or_default()[i] = value,
                None => {
                    answers.insert(key.to_string(), value);
                }
            }
        }
        for (id, [day, month, year]) in parts {
            if day.is_empty() && month.is_empty() && year.is_empty() {
                continue;
            }
            answers.insert(id, format!("{year}-{month}-{day}"));
        }
        Answers(answers)
    }

    pub fn raw(&self, id: &str) -> Option<&str> {
        self.0.get(id).map(String::as_str)
    }

    pub fn set(&mut self, id: &str, value: &str) {
        self.0.insert(id.to_string(), value.to_string());
    }

    pub fn remove(&mut self, id: &str) {
        self.0.remove(id);
    }

    /// The answer to `question`, checked and in its canonical form.
    pub fn value(&self, question: &Question, today: Date) -> Result<String, AnswerError> {
        let raw = self.raw(&question.id).unwrap_or("");
        if raw.is_empty() {
            return Err(AnswerError::Missing);
        }
        match &question.kind {
            Kind::YesNo => match raw {
                "yes" | "no" => Ok(raw.to_string()),
                _ => Err(AnswerError::NotAChoice),
            },
            Kind::Choice(choices) => choices
                .iter()
                .find(|c| c.id == raw)
                .map(|c| c.id.clone())
                .ok_or(AnswerError::NotAChoice),
            Kind::Date => {
                if raw.split('-').any(str::is_empty) {
                    return Err(AnswerError::DateIncomplete);
                }
                let year = raw.split('-').next().unwrap_or("");
                if let Some(Err(crate::dossier::validate::Problem::DateYearDigits { example })) =
                    crate::dossier::validate::year_of(year, today)
                {
                    return Err(AnswerError::DateYearDigits { example });
                }
                let date = Date::parse(raw).ok_or(AnswerError::DateInvalid)?;
                if date > today {
                    return Err(AnswerError::DateInFuture);
                }
                Ok(date.to_string())
            }
            Kind::Number { min, max, .. } => {
                let number: i64 = raw.parse().map_err(|_| AnswerError::NotANumber)?;
                if number < *min {
                    Err(AnswerError::TooSmall)
                } else if number > *max {
                    Err(AnswerError::TooLarge)
                } else {
                    Ok(number.to_string())
                }
            }
        }
    }

    /// Keeps only the answers to these questions: whatever else an address carries is dropped.
    pub fn keep_only<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        let ids: Vec<&str> = ids.into_iter().collect();
        self.0.retain(|k, _| ids.contains(&k.as_str()));
    }

    /// The answers as query pairs, in a stable order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// Question ids and their date parts: lowercase ASCII letters, digits and `_`.
fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 32
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Percent-encodes a query value (answers are short and mostly ASCII).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::model::{Choice, Question, t};

    fn today() -> Date {
        Date::new(2026, 11, 24).unwrap()
    }

    fn question(kind: Kind) -> Question {
        Question::new("q", t("?", "?"), t("?", "?"), kind)
    }

    #[test]
    fn joins_the_three_date_boxes_and_checks_the_day() {
        let date = question(Kind::Date);
        let a = Answers::from_pairs([("q_day", "26"), ("q_month", "8"), ("q_year", "2026")]);
        assert_eq!(a.value(&date, today()), Ok("2026-08-26".into()));
        let a = Answers::from_pairs([("q_day", "31"), ("q_month", "4"), ("q_year", "2026")]);
        assert_eq!(a.value(&date, today()), Err(AnswerError::DateInvalid));
        // "2 3 85": the year needs four digits, and says which year it likely is.
        let a = Answers::from_pairs([("q_day", "2"), ("q_month", "3"), ("q_year", "85")]);
        assert_eq!(
            a.value(&date, today()),
            Err(AnswerError::DateYearDigits { example: 1985 })
        );
        // Typed on a full-width keyboard, or pasted with invisible marks.
        let a = Answers::from_pairs([
            ("q_day", "２６"),
            ("q_month", "\u{200B}8"),
            ("q_year", "2026"),
        ]);
        assert_eq!(a.value(&date, today()), Ok("2026-08-26".into()));
        let a = Answers::from_pairs([("q_day", "1"), ("q_month", ""), ("q_year", "2026")]);
        assert_eq!(a.value(&date, today()), Err(AnswerError::DateIncomplete));
        let a = Answers::from_pairs([("q", "2027-01-01")]);
        assert_eq!(a.value(&date, today()), Err(AnswerError::DateInFuture));
        let a = Answers::from_pairs([("q_day", ""), ("q_month", ""), ("q_year", "")]);
        assert_eq!(a.value(&date, today()), Err(AnswerError::Missing));
    }

    #[test]
    fn refuses_what_is_not_an_answer() {
        let number = question(Kind::Number {
            min: 0,
            max: 130,
            unit: t("tuổi", "years"),
        });
        let yes_no = question(Kind::YesNo);
        let choice = question(Kind::Choice(vec![Choice::new("a", t("A", "A"))]));
        let value = |pairs: &[(&str, &str)], q: &Question| {
            Answers::from_pairs(pairs.iter().copied()).value(q, today())
        };
        assert_eq!(value(&[("q", " 19 ")], &number), Ok("19".into()));
        assert_eq!(
            value(&[("q", "mười chín")], &number),
            Err(AnswerError::NotANumber)
        );
        assert_eq!(value(&[("q", "-1")], &number), Err(AnswerError::TooSmall));
        assert_eq!(value(&[("q", "999")], &number), Err(AnswerError::TooLarge));
        assert_eq!(
            value(&[("q", "maybe")], &yes_no),
            Err(AnswerError::NotAChoice)
        );
        assert_eq!(value(&[("q", "b")], &choice), Err(AnswerError::NotAChoice));
        assert_eq!(value(&[("q", "a")], &choice), Ok("a".into()));
        assert_eq!(value(&[], &choice), Err(AnswerError::Missing));
        // Keys that are not question ids are dropped; long values are cut.
        let a = Answers::from_pairs([("Q<script>", "x"), ("q", &"9".repeat(500))]);
        assert_eq!(a.0.len(), 1);
        assert_eq!(a.raw("q").unwrap().len(), MAX_ANSWER);
        let mut a = Answers::from_pairs([("q", "1"), ("other", "2"), ("show", "q")]);
        a.keep_only(["q"]);
        assert_eq!(a.pairs().collect::<Vec<_>>(), vec![("q", "1")]);
    }

    #[test]
    fn encodes_query_values() {
        assert_eq!(encode("2026-08-26"), "2026-08-26");
        assert_eq!(encode("a b&c"), "a%20b%26c");
    }
}
