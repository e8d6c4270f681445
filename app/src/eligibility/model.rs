//! The rules model: questions, the order they are asked in, outcomes, the document checklist, the
//! fee and the time, each as a function of the answers. Plain data, no web types.

use crate::catalogue::model::DocumentUse;
use serde::{Deserialize, Serialize};

/// A text in both languages. `en` is `None` for official Vietnamese texts taken from the
/// catalogue as published (shown in Vietnamese, marked as such, on English pages).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub vi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    pub fn new(vi: &str, en: &str) -> Text {
        Text {
            vi: vi.to_string(),
            en: Some(en.to_string()),
        }
    }

    /// An official Vietnamese text with no translation.
    pub fn vietnamese(vi: &str) -> Text {
        Text {
            vi: vi.to_string(),
            en: None,
        }
    }

    pub fn get(&self, english: bool) -> &str {
        match (&self.en, english) {
            (Some(en), true) => en,
            _ => &self.vi,
        }
    }

    /// True when an English page shows this text in Vietnamese.
    pub fn is_vietnamese_on(&self, english: bool) -> bool {
        english && self.en.is_none()
    }
}

/// Splits a text around the procedure codes it mentions (`1.004222`, `2.000554`): each piece
/// with `true` when it is a code, so pages can link them.
pub fn split_codes(text: &str) -> Vec<(&str, bool)> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let candidate = &bytes[i..i + 8];
        let is_code = candidate[0].is_ascii_digit()
            && candidate[1] == b'.'
            && candidate[2..].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_digit() && bytes[i - 1] != b'.')
            && bytes.get(i + 8).is_none_or(|b| !b.is_ascii_digit());
        if is_code {
            if start < i {
                pieces.push((&text[start..i], false));
            }
            pieces.push((&text[i..i + 8], true));
            i += 8;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < text.len() {
        pieces.push((&text[start..], false));
    }
    pieces
}

/// Shorthand for a text written in both languages.
pub fn t(vi: &str, en: &str) -> Text {
    Text::new(vi, en)
}

/// What kind of answer a question takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Kind {
    /// Answers `yes` or `no`.
    YesNo,
    /// One of the choices, by id.
    Choice(Vec<Choice>),
    /// A day in the past (`YYYY-MM-DD`), entered as day, month and year.
    Date,
    /// A whole number between `min` and `max`; `unit` follows it in answers ("years").
    Number { min: i64, max: i64, unit: Text },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
}

impl Choice {
    pub fn new(id: &str, label: Text) -> Choice {
        Choice {
            id: id.to_string(),
            label,
            hint: None,
        }
    }

    pub fn hint(mut self, hint: Text) -> Choice {
        self.hint = Some(hint);
        self
    }
}

/// One question, asked when `when` holds for the answers given before it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The key in URLs and stored answers (`who`, `born`…): lowercase letters and `_`.
    pub id: String,
    /// The page's heading: the question itself.
    pub text: Text,
    /// A line under the heading that helps to answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// The question in a few words, for "check your answers".
    pub short: Text,
    pub kind: Kind,
    pub when: Cond,
}

impl Question {
    pub fn new(id: &str, text: Text, short: Text, kind: Kind) -> Question {
        Question {
            id: id.to_string(),
            text,
            hint: None,
            short,
            kind,
            when: Cond::Always,
        }
    }

    pub fn hint(mut self, hint: Text) -> Question {
        self.hint = Some(hint);
        self
    }

    pub fn when(mut self, when: Cond) -> Question {
        self.when = when;
        self
    }

    pub fn choice(&self, id: &str) -> Option<&Choice> {
        match &self.kind {
            Kind::Choice(choices) => choices.iter().find(|c| c.id == id),
            _ => None,
        }
    }
}

/// A condition on the answers. A question that was not asked, or not yet answered, makes `Is`,
/// `DaysSinceOver` and `Below` false.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cond {
    Always,
    /// The answer to the question is this value (a choice id, `yes` or `no`).
    Is(String, String),
    /// The date answered lies more than this many days before today.
    DaysSinceOver(String, i64),
    /// The number answered is below this one.
    Below(String, i64),
    Not(Box<Cond>),
    All(Vec<Cond>),
    Any(Vec<Cond>),
}

/// `Cond::Is`: the answer to `question` is `value`.
pub fn is(question: &str, value: &str) -> Cond {
    Cond::Is(question.to_string(), value.to_string())
}

/// The answer to `question` is one of `values`.
pub fn is_any(question: &str, values: &[&str]) -> Cond {
    Cond::Any(values.iter().map(|v| is(question, v)).collect())
}

pub fn yes(question: &str) -> Cond {
    is(question, "yes")
}

pub fn no(question: &str) -> Cond {
    is(question, "no")
}

pub fn not(cond: Cond) -> Cond {
    Cond::Not(Box::new(cond))
}

pub fn all(conds: Vec<Cond>) -> Cond {
    Cond::All(conds)
}

pub fn any(conds: Vec<Cond>) -> Cond {
    Cond::Any(conds)
}

pub fn below(question: &str, number: i64) -> Cond {
    Cond::Below(question.to_string(), number)
}

pub fn days_since_over(question: &str, days: i64) -> Cond {
    Cond::DaysSinceOver(question.to_string(), days)
}

/// What the check concludes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// The resident can file this procedure here.
    Eligible,
    /// They cannot: the reason says why, the next step what to do instead.
    NotEligible,
    /// Another procedure fits their case: `Outcome::route` names it.
    Routed,
    /// The portal publishes no conditions this site can check: the office checks them.
    Unchecked,
}

/// One possible conclusion, reached when `when` holds. Rules that `stop` end the questions as
/// soon as they hold; the others are read once every question is answered, first match wins.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub when: Cond,
    pub stop: bool,
    pub verdict: Verdict,
    /// The procedure code to go to, for `Verdict::Routed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// Why, in plain words, citing the rule.
    pub reason: Text,
    /// What to do next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Text>,
    /// The fact behind it is not confirmed by a source: "please confirm at the counter".
    pub uncertain: bool,
}

impl Outcome {
    pub fn eligible(when: Cond, reason: Text) -> Outcome {
        Outcome {
            when,
            stop: false,
            verdict: Verdict::Eligible,
            route: None,
            reason,
            next: None,
            uncertain: false,
        }
    }

    /// Not eligible, as soon as `when` holds.
    pub fn refuse(when: Cond, reason: Text, next: Text) -> Outcome {
        Outcome {
            when,
            stop: true,
            verdict: Verdict::NotEligible,
            route: None,
            reason,
            next: Some(next),
            uncertain: false,
        }
    }

    /// Another procedure, as soon as `when` holds.
    pub fn route(when: Cond, code: &str, reason: Text) -> Outcome {
        Outcome {
            when,
            stop: true,
            verdict: Verdict::Routed,
            route: Some(code.to_string()),
            reason,
            next: None,
            uncertain: false,
        }
    }

    pub fn unchecked(reason: Text) -> Outcome {
        Outcome {
            when: Cond::Always,
            stop: false,
            verdict: Verdict::Unchecked,
            route: None,
            reason,
            next: None,
            uncertain: false,
        }
    }

    pub fn next(mut self, next: Text) -> Outcome {
        self.next = Some(next);
        self
    }

    pub fn uncertain(mut self) -> Outcome {
        self.uncertain = true;
        self
    }

    pub fn when(mut self, when: Cond) -> Outcome {
        self.when = when;
        self
    }

    /// Read only once every question is answered, instead of stopping the questions.
    pub fn at_end(mut self) -> Outcome {
        self.stop = false;
        self
    }
}

/// One paper of the checklist, required when `when` holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentRule {
    /// Stable key: the tick box "I have it" is remembered under it.
    pub id: String,
    pub when: Cond,
    pub name: Text,
    pub usage: DocumentUse,
    pub originals: u32,
    pub copies: u32,
    /// One line: why this paper, citing the rule.
    pub why: Text,
    /// A remark that stands out ("No certification needed").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<Text>,
    pub uncertain: bool,
}

impl DocumentRule {
    pub fn submit(id: &str, when: Cond, name: Text, why: Text) -> DocumentRule {
        DocumentRule {
            id: id.to_string(),
            when,
            name,
            usage: DocumentUse::Submit,
            originals: 1,
            copies: 0,
            why,
            remark: None,
            uncertain: false,
        }
    }

    pub fn show(id: &str, when: Cond, name: Text, why: Text) -> DocumentRule {
        DocumentRule {
            usage: DocumentUse::Show,
            ..DocumentRule::submit(id, when, name, why)
        }
    }

    pub fn count(mut self, originals: u32, copies: u32) -> DocumentRule {
        self.originals = originals;
        self.copies = copies;
        self
    }

    pub fn remark(mut self, remark: Text) -> DocumentRule {
        self.remark = Some(remark);
        self
    }

    pub fn uncertain(mut self) -> DocumentRule {
        self.uncertain = true;
        self
    }
}

/// A line of the result (the fee, the time, a note), shown when `when` holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineRule {
    pub when: Cond,
    pub text: Text,
    pub uncertain: bool,
}

impl LineRule {
    pub fn new(when: Cond, text: Text) -> LineRule {
        LineRule {
            when,
            text,
            uncertain: false,
        }
    }

    pub fn always(text: Text) -> LineRule {
        LineRule::new(Cond::Always, text)
    }

    pub fn uncertain(mut self) -> LineRule {
        self.uncertain = true;
        self
    }
}

/// Everything the check knows about one procedure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    pub code: String,
    /// Hand-modelled from the fact sheet (true) or the generic journey built from the record.
    pub hand_modelled: bool,
    /// In the order they are asked.
    pub questions: Vec<Question>,
    pub outcomes: Vec<Outcome>,
    pub documents: Vec<DocumentRule>,
    /// What it costs: every line that holds is shown.
    pub fees: Vec<LineRule>,
    /// How long it takes: every line that holds is shown.
    pub times: Vec<LineRule>,
    /// Where to file.
    pub places: Vec<LineRule>,
    /// Anything else the resident should know.
    pub notes: Vec<LineRule>,
}

impl Rules {
    pub fn new(code: &str) -> Rules {
        Rules {
            code: code.to_string(),
            hand_modelled: true,
            questions: Vec::new(),
            outcomes: Vec::new(),
            documents: Vec::new(),
            fees: Vec::new(),
            times: Vec::new(),
            places: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::split_codes;

    #[test]
    fn finds_procedure_codes_in_texts() {
        assert_eq!(
            split_codes("thông báo lưu trú (2.001159), hoặc 1.004222."),
            vec![
                ("thông báo lưu trú (", false),
                ("2.001159", true),
                ("), hoặc ", false),
                ("1.004222", true),
                (".", false)
            ]
        );
        assert_eq!(split_codes("1.004222"), vec![("1.004222", true)]);
        // Not codes: amounts, decrees, dates.
        for text in [
            "500.000 đồng",
            "Nghị định 154/2024",
            "12.0042221",
            "01.07.2025",
            "3.5",
        ] {
            assert!(split_codes(text).iter().all(|(_, code)| !code), "{text}");
        }
        assert!(split_codes("").is_empty());
    }
}
