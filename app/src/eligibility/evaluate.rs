//! Runs the rules over a resident's answers: which question comes next, and once they are all
//! answered, the outcome, the checklist, the fee, the time and the notes. The pages (in the
//! browser and on the server) and the server-side check call this one function.

use super::answers::{AnswerError, Answers};
use super::date::Date;
use super::model::{Cond, Kind, LineRule, Rules, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A question asked and answered, in the order asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Index into `Rules::questions`.
    pub question: usize,
    /// The answer, checked and canonical.
    pub answer: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub steps: Vec<Step>,
    /// The question to ask now (index into `Rules::questions`), while the check is not done.
    pub next: Option<usize>,
    /// What is wrong with the answer given to `next`, if one was given.
    pub error: Option<AnswerError>,
    /// About how many questions follow `next`, for "question 2 of about 5".
    pub remaining: usize,
    /// The conclusion (index into `Rules::outcomes`), once no question is left or a stopping
    /// rule holds.
    pub outcome: Option<usize>,
    /// Indices into `Rules::documents`, `fees`, `times`, `places` and `notes` that hold.
    pub documents: Vec<usize>,
    pub fees: Vec<usize>,
    pub times: Vec<usize>,
    pub places: Vec<usize>,
    pub notes: Vec<usize>,
}

impl Evaluation {
    pub fn is_done(&self) -> bool {
        self.outcome.is_some()
    }

    /// The answers that count (those to questions asked), for links and stored dossiers.
    pub fn answers(&self, rules: &Rules) -> Answers {
        let mut answers = Answers::default();
        for step in &self.steps {
            answers.set(&rules.questions[step.question].id, &step.answer);
        }
        answers
    }

    /// The verdict, once done.
    pub fn verdict(&self, rules: &Rules) -> Option<Verdict> {
        self.outcome.map(|i| rules.outcomes[i].verdict)
    }

    /// The step before question `question`, for the Back link.
    pub fn previous(&self, question: usize) -> Option<usize> {
        match self.steps.iter().position(|s| s.question == question) {
            Some(0) => None,
            Some(i) => Some(self.steps[i - 1].question),
            None => self.steps.last().map(|s| s.question),
        }
    }
}

/// Answers checked so far, by question id.
struct Given<'a> {
    values: BTreeMap<&'a str, String>,
    today: Date,
}

impl Given<'_> {
    fn holds(&self, cond: &Cond) -> bool {
        match cond {
            Cond::Always => true,
            Cond::Is(q, v) => self.values.get(q.as_str()) == Some(v),
            Cond::DaysSinceOver(q, days) => self
                .values
                .get(q.as_str())
                .and_then(|v| Date::parse(v))
                .is_some_and(|d| d.days_until(self.today) > *days),
            Cond::Below(q, n) => self
                .values
                .get(q.as_str())
                .and_then(|v| v.parse::<i64>().ok())
                .is_some_and(|v| v < *n),
            Cond::Not(c) => !self.holds(c),
            Cond::All(cs) => cs.iter().all(|c| self.holds(c)),
            Cond::Any(cs) => cs.iter().any(|c| self.holds(c)),
        }
    }

    fn lines(&self, lines: &[LineRule]) -> Vec<usize> {
        (0..lines.len())
            .filter(|&i| self.holds(&lines[i].when))
            .collect()
    }
}

/// Evaluates `rules` over `answers` as of `today`.
pub fn evaluate(rules: &Rules, answers: &Answers, today: Date) -> Evaluation {
    let mut given = Given {
        values: BTreeMap::new(),
        today,
    };
    let mut steps = Vec::new();
    let mut next = None;
    let mut error = None;
    let mut outcome = None;
    for (i, question) in rules.questions.iter().enumerate() {
        if !given.holds(&question.when) {
            continue;
        }
        match answers.value(question, today) {
            Ok(answer) => {
                given.values.insert(&question.id, answer.clone());
                steps.push(Step {
                    question: i,
                    answer,
                });
                outcome = rules
                    .outcomes
                    .iter()
                    .position(|o| o.stop && given.holds(&o.when));
                if outcome.is_some() {
                    break;
                }
            }
            Err(e) => {
                next = Some(i);
                error = (e != AnswerError::Missing).then_some(e);
                break;
            }
        }
    }
    let remaining = match next {
        Some(n) => rules.questions[n + 1..]
            .iter()
            .filter(|q| given.holds(&q.when))
            .count(),
        None => 0,
    };
    if next.is_none() && outcome.is_none() {
        outcome = rules
            .outcomes
            .iter()
            .position(|o| !o.stop && given.holds(&o.when));
    }
    let documents = (0..rules.documents.len())
        .filter(|&i| given.holds(&rules.documents[i].when))
        .collect();
    Evaluation {
        fees: given.lines(&rules.fees),
        times: given.lines(&rules.times),
        places: given.lines(&rules.places),
        notes: given.lines(&rules.notes),
        steps,
        next,
        error,
        remaining,
        outcome,
        documents,
    }
}

/// An answer as the resident gave it, in words: the choice's label, "Yes", the date, the number
/// with its unit.
pub fn answer_text(rules: &Rules, question: usize, answer: &str, english: bool) -> String {
    let question = &rules.questions[question];
    match &question.kind {
        Kind::YesNo => match (answer, english) {
            ("yes", false) => "Có".into(),
            ("yes", true) => "Yes".into(),
            (_, false) => "Không".into(),
            (_, true) => "No".into(),
        },
        Kind::Choice(_) => question
            .choice(answer)
            .map(|c| c.label.get(english).to_string())
            .unwrap_or_else(|| answer.to_string()),
        Kind::Date => Date::parse(answer)
            .map(Date::display)
            .unwrap_or_else(|| answer.to_string()),
        Kind::Number { unit, .. } => format!("{answer} {}", unit.get(english)),
    }
}
