//! Every procedure of the catalogue reaches an outcome from every answer path, and the rules of
//! each are sound (see `paths::validate`).

use super::paths::{all_paths, today, validate};
use super::{hand, rules_for};
use crate::catalogue::store::Catalogue;

#[test]
fn every_procedure_reaches_an_outcome_on_every_path() {
    let catalogue = Catalogue::embedded();
    let mut total = 0;
    for procedure in catalogue.procedures() {
        let rules = rules_for(procedure);
        total += validate(&rules);
    }
    assert!(
        total > catalogue.procedures().len() * 4,
        "only {total} paths walked"
    );
}

#[test]
fn the_fourteen_are_hand_modelled_and_in_the_catalogue() {
    let catalogue = Catalogue::embedded();
    for code in hand::CODES {
        let procedure = catalogue.procedure(code).expect(code);
        assert!(rules_for(procedure).hand_modelled, "{code}");
    }
    let generic = catalogue.procedure("1.004884").unwrap();
    assert!(!rules_for(generic).hand_modelled);
}

#[test]
fn generic_journeys_ask_the_variant_and_list_the_published_papers() {
    let catalogue = Catalogue::embedded();
    // 1.001613 publishes several distinct cases.
    let procedure = catalogue.procedure("1.001613").unwrap();
    let rules = rules_for(procedure);
    let variant = rules.question("variant").expect("variant question");
    match &variant.kind {
        super::model::Kind::Choice(choices) => assert!(choices.len() >= 3),
        other => panic!("{other:?}"),
    }
    let documents: usize = procedure.documents.iter().map(|g| g.documents.len()).sum();
    // The published papers, plus the two forms of the authorisation.
    assert_eq!(rules.documents.len(), documents + 2);
    // Every path of it ends with the papers to bring.
    for (_, evaluation) in all_paths(&rules, today()) {
        assert!(evaluation.documents.len() >= documents);
    }
}

/// The validator itself catches broken rules.
mod validator {
    use crate::eligibility::common::who;
    use crate::eligibility::model::*;
    use crate::eligibility::paths::validate;

    fn small() -> Rules {
        let mut r = Rules::new("test");
        r.questions = vec![
            who(&["self", "relative"]),
            Question::new("adult", t("?", "?"), t("?", "?"), Kind::YesNo),
        ];
        r.outcomes = vec![
            Outcome::refuse(no("adult"), t("-", "-"), t("-", "-")),
            Outcome::eligible(Cond::Always, t("+", "+")),
        ];
        r
    }

    #[test]
    fn accepts_sound_rules() {
        assert_eq!(validate(&small()), 4);
    }

    #[test]
    #[should_panic(expected = "dead end")]
    fn finds_a_dead_end() {
        let mut r = small();
        r.outcomes[1].when = yes("adult");
        r.outcomes
            .push(Outcome::eligible(is("who", "relative"), t("", "")));
        r.outcomes[0].when = all(vec![no("adult"), is("who", "relative")]);
        validate(&r);
    }

    #[test]
    #[should_panic(expected = "never reached")]
    fn finds_an_unreachable_outcome() {
        let mut r = small();
        r.outcomes
            .insert(1, Outcome::eligible(Cond::Always, t("", "")));
        validate(&r);
    }

    #[test]
    #[should_panic(expected = "never asked")]
    fn finds_a_question_never_asked() {
        let mut r = small();
        r.questions
            .push(Question::new("x", t("?", "?"), t("?", "?"), Kind::YesNo).when(no("adult")));
        validate(&r);
    }

    #[test]
    #[should_panic(expected = "not a possible answer")]
    fn finds_a_misspelt_answer() {
        let mut r = small();
        r.outcomes[0].when = is("adult", "yess");
        validate(&r);
    }
}

#[test]
fn every_route_leads_to_a_procedure_of_the_catalogue() {
    let catalogue = Catalogue::embedded();
    for code in hand::CODES {
        for outcome in hand::rules(code).unwrap().outcomes {
            if let Some(route) = &outcome.route {
                assert!(
                    catalogue.procedure(route).is_some(),
                    "{code} routes to unknown {route}"
                );
                assert_ne!(route, code, "{code} routes to itself");
            }
        }
    }
}

#[test]
fn every_code_a_rule_mentions_is_in_the_catalogue() {
    use super::model::{Text, split_codes};
    let catalogue = Catalogue::embedded();
    for code in hand::CODES {
        let rules = hand::rules(code).unwrap();
        let mut texts: Vec<&Text> = Vec::new();
        for o in &rules.outcomes {
            texts.push(&o.reason);
            texts.extend(o.next.as_ref());
        }
        for d in &rules.documents {
            texts.extend([&d.name, &d.why]);
        }
        for line in rules
            .fees
            .iter()
            .chain(&rules.times)
            .chain(&rules.places)
            .chain(&rules.notes)
        {
            texts.push(&line.text);
        }
        for q in &rules.questions {
            texts.push(&q.text);
            texts.extend(q.hint.as_ref());
        }
        for text in texts {
            for language in [&text.vi, text.en.as_ref().unwrap_or(&text.vi)] {
                for (piece, is_code) in split_codes(language) {
                    if is_code {
                        assert!(
                            catalogue.procedure(piece).is_some(),
                            "{code} mentions unknown {piece}"
                        );
                    }
                }
            }
        }
    }
}
