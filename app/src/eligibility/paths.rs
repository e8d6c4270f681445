//! Test support: walks every answer path of a set of rules, and checks the rules are sound.

use super::answers::Answers;
use super::date::Date;
use super::evaluate::{Evaluation, evaluate};
use super::model::{Cond, Kind, Question, Rules};
use std::collections::BTreeSet;

pub fn today() -> Date {
    Date::new(2026, 11, 24).unwrap()
}

/// Every condition of the rules, with where it comes from.
fn conditions(rules: &Rules) -> Vec<(String, &Cond)> {
    let mut all = Vec::new();
    for q in &rules.questions {
        all.push((format!("question {}", q.id), &q.when));
    }
    for (i, o) in rules.outcomes.iter().enumerate() {
        all.push((format!("outcome {i}"), &o.when));
    }
    for d in &rules.documents {
        all.push((format!("document {}", d.id), &d.when));
    }
    for (kind, lines) in [
        ("fee", &rules.fees),
        ("time", &rules.times),
        ("place", &rules.places),
        ("note", &rules.notes),
    ] {
        for (i, l) in lines.iter().enumerate() {
            all.push((format!("{kind} {i}"), &l.when));
        }
    }
    all
}

fn walk<'a>(cond: &'a Cond, out: &mut Vec<&'a Cond>) {
    out.push(cond);
    match cond {
        Cond::Not(c) => walk(c, out),
        Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| walk(c, out)),
        _ => {}
    }
}

fn leaves(rules: &Rules) -> Vec<&Cond> {
    let mut out = Vec::new();
    for (_, c) in conditions(rules) {
        walk(c, &mut out);
    }
    out
}

/// The answers worth trying for a question: every choice, and each side of every threshold the
/// rules compare it with.
pub fn samples(rules: &Rules, question: &Question, today: Date) -> Vec<String> {
    let mut values = BTreeSet::new();
    match &question.kind {
        Kind::YesNo => {
            values.insert("yes".to_string());
            values.insert("no".to_string());
        }
        Kind::Choice(choices) => values.extend(choices.iter().map(|c| c.id.clone())),
        Kind::Date => {
            values.insert(today.to_string());
            for cond in leaves(rules) {
                if let Cond::DaysSinceOver(q, days) = cond
                    && *q == question.id
                {
                    values.insert(today.add_days(-days).to_string());
                    values.insert(today.add_days(-days - 1).to_string());
                }
            }
        }
        Kind::Number { min, max, .. } => {
            values.insert(min.to_string());
            values.insert(max.to_string());
            for cond in leaves(rules) {
                if let Cond::Below(q, n) = cond
                    && *q == question.id
                {
                    for v in [n - 1, *n] {
                        if (*min..=*max).contains(&v) {
                            values.insert(v.to_string());
                        }
                    }
                }
            }
        }
    }
    values.into_iter().collect()
}

/// Every path through the questions, each with its final evaluation.
pub fn all_paths(rules: &Rules, today: Date) -> Vec<(Answers, Evaluation)> {
    let mut done = Vec::new();
    let mut stack = vec![Answers::default()];
    while let Some(answers) = stack.pop() {
        let evaluation = evaluate(rules, &answers, today);
        match evaluation.next {
            Some(q) => {
                assert!(
                    evaluation.steps.len() < rules.questions.len(),
                    "{}: a question asked twice",
                    rules.code
                );
                let question = &rules.questions[q];
                for value in samples(rules, question, today) {
                    let mut next = answers.clone();
                    next.set(&question.id, &value);
                    stack.push(next);
                }
            }
            None => done.push((answers, evaluation)),
        }
    }
    done
}

/// Checks that the rules are sound: ids unique, conditions name known questions and real
/// answers, every path ends in an outcome, every question is asked and every outcome, document
/// and line is reached on some path. Returns the number of paths.
pub fn validate(rules: &Rules) -> usize {
    let code = &rules.code;
    let mut ids = BTreeSet::new();
    for (i, q) in rules.questions.iter().enumerate() {
        assert!(ids.insert(q.id.as_str()), "{code}: question {} twice", q.id);
        if let Kind::Choice(choices) = &q.kind {
            let unique: BTreeSet<_> = choices.iter().map(|c| &c.id).collect();
            assert_eq!(
                unique.len(),
                choices.len(),
                "{code}: {} repeats a choice",
                q.id
            );
            assert!(choices.len() >= 2, "{code}: {} offers no choice", q.id);
        }
        // A question depends only on questions asked before it.
        let mut used = Vec::new();
        walk(&q.when, &mut used);
        for cond in used {
            if let Cond::Is(id, _) | Cond::Below(id, _) | Cond::DaysSinceOver(id, _) = cond {
                let before = rules.questions[..i].iter().any(|p| &p.id == id);
                assert!(
                    before,
                    "{code}: {} depends on {id}, not asked before it",
                    q.id
                );
            }
        }
    }
    let mut doc_ids = BTreeSet::new();
    for d in &rules.documents {
        assert!(
            doc_ids.insert(d.id.as_str()),
            "{code}: document {} twice",
            d.id
        );
    }
    for (place, cond) in conditions(rules) {
        let mut used = Vec::new();
        walk(cond, &mut used);
        for c in used {
            match c {
                Cond::Is(id, value) => {
                    let q = rules
                        .question(id)
                        .unwrap_or_else(|| panic!("{code}: {place} names unknown question {id}"));
                    let valid = match &q.kind {
                        Kind::YesNo => value == "yes" || value == "no",
                        Kind::Choice(_) => q.choice(value).is_some(),
                        _ => false,
                    };
                    assert!(
                        valid,
                        "{code}: {place} tests {id} = {value}, not a possible answer"
                    );
                }
                Cond::Below(id, _) => assert!(
                    matches!(
                        rules.question(id).map(|q| &q.kind),
                        Some(Kind::Number { .. })
                    ),
                    "{code}: {place} compares {id}, not a number question"
                ),
                Cond::DaysSinceOver(id, _) => assert!(
                    matches!(rules.question(id).map(|q| &q.kind), Some(Kind::Date)),
                    "{code}: {place} counts days from {id}, not a date question"
                ),
                _ => {}
            }
        }
    }

    let paths = all_paths(rules, today());
    let mut asked = BTreeSet::new();
    let mut reached = BTreeSet::new();
    let mut documents = BTreeSet::new();
    let mut lines = BTreeSet::new();
    for (answers, evaluation) in &paths {
        let outcome = evaluation
            .outcome
            .unwrap_or_else(|| panic!("{code}: dead end after {answers:?}"));
        reached.insert(outcome);
        asked.extend(evaluation.steps.iter().map(|s| s.question));
        documents.extend(evaluation.documents.iter().copied());
        for (kind, found) in [
            ("fee", &evaluation.fees),
            ("time", &evaluation.times),
            ("place", &evaluation.places),
            ("note", &evaluation.notes),
        ] {
            lines.extend(found.iter().map(|i| (kind, *i)));
        }
    }
    for (i, q) in rules.questions.iter().enumerate() {
        assert!(
            asked.contains(&i),
            "{code}: question {} is never asked",
            q.id
        );
    }
    for i in 0..rules.outcomes.len() {
        assert!(reached.contains(&i), "{code}: outcome {i} is never reached");
    }
    for (i, d) in rules.documents.iter().enumerate() {
        assert!(
            documents.contains(&i),
            "{code}: document {} is never required",
            d.id
        );
    }
    for (kind, list) in [
        ("fee", &rules.fees),
        ("time", &rules.times),
        ("place", &rules.places),
        ("note", &rules.notes),
    ] {
        for i in 0..list.len() {
            assert!(
                lines.contains(&(kind, i)),
                "{code}: {kind} line {i} never shows"
            );
        }
    }
    paths.len()
}
