//! Every branch the fact sheet describes, for each of the 14 hand-modelled procedures.

use super::answers::Answers;
use super::evaluate::{Evaluation, evaluate};
use super::hand;
use super::model::{Rules, Verdict};
use super::paths::{today, validate};

struct Run {
    rules: Rules,
    evaluation: Evaluation,
}

fn run(code: &str, pairs: &[(&str, &str)]) -> Run {
    let rules = hand::rules(code).expect(code);
    let evaluation = evaluate(&rules, &Answers::from_pairs(pairs.iter().copied()), today());
    Run { rules, evaluation }
}

impl Run {
    fn verdict(&self) -> Verdict {
        let outcome = self.evaluation.outcome.unwrap_or_else(|| {
            panic!(
                "{}: not done, next {:?}",
                self.rules.code,
                self.evaluation.next.map(|q| &self.rules.questions[q].id)
            )
        });
        self.rules.outcomes[outcome].verdict
    }

    fn outcome(&self) -> &super::model::Outcome {
        self.verdict();
        &self.rules.outcomes[self.evaluation.outcome.unwrap()]
    }

    fn routed_to(&self) -> Option<&str> {
        self.outcome().route.as_deref()
    }

    fn reason(&self) -> &str {
        self.outcome().reason.get(true)
    }

    fn next_question(&self) -> Option<&str> {
        self.evaluation
            .next
            .map(|q| self.rules.questions[q].id.as_str())
    }

    fn documents(&self) -> Vec<&str> {
        self.evaluation
            .documents
            .iter()
            .map(|&i| self.rules.documents[i].id.as_str())
            .collect()
    }

    fn has(&self, id: &str) -> bool {
        self.documents().contains(&id)
    }

    fn remark(&self, id: &str) -> Option<&str> {
        let rule = self.rules.documents.iter().find(|d| d.id == id)?;
        rule.remark.as_ref().map(|r| r.get(true))
    }

    fn fees(&self) -> String {
        self.evaluation
            .fees
            .iter()
            .map(|&i| self.rules.fees[i].text.get(true))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn fee_uncertain(&self) -> bool {
        self.evaluation
            .fees
            .iter()
            .any(|&i| self.rules.fees[i].uncertain)
    }

    fn notes(&self) -> String {
        self.evaluation
            .notes
            .iter()
            .map(|&i| self.rules.notes[i].text.get(true))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn times(&self) -> String {
        self.evaluation
            .times
            .iter()
            .map(|&i| self.rules.times[i].text.get(true))
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

/// `defaults`, with the answers in `changes` replacing or adding to them.
fn run_with<'a>(
    code: &str,
    defaults: &[(&'a str, &'a str)],
    changes: &[(&'a str, &'a str)],
) -> Run {
    let mut pairs = defaults.to_vec();
    for (key, value) in changes {
        pairs.retain(|(k, _)| k != key);
        pairs.push((key, value));
    }
    run(code, &pairs)
}

fn days_ago(days: i64) -> String {
    today().add_days(-days).to_string()
}

#[test]
fn all_fourteen_are_sound() {
    for code in hand::CODES {
        let rules = hand::rules(code).unwrap();
        assert_eq!(rules.questions[0].id, "who", "{code} starts with who");
        validate(&rules);
    }
}

// §0: who the application is for, and the authorisation.

#[test]
fn filing_for_a_close_relative_needs_an_authorisation_without_certification() {
    let r = run(
        hand::social_pension::CODE,
        &[
            ("who", "relative"),
            ("relation", "parent"),
            ("age", "80"),
            ("citizen", "yes"),
            ("pension", "none"),
        ],
    );
    assert_eq!(r.verdict(), Verdict::Eligible);
    assert!(r.has("authorisation"));
    assert!(!r.has("authorisation_certified"));
    assert_eq!(r.remark("authorisation"), Some("No certification needed"));
}

#[test]
fn filing_for_someone_not_close_needs_a_certified_authorisation() {
    for relation in ["grandparent", "other"] {
        let r = run(
            hand::marital_status::CODE,
            &[
                ("who", "authorised"),
                ("relation", relation),
                ("purpose", "other"),
                ("previous", "never"),
                ("moved", "no"),
                ("reissue", "no"),
            ],
        );
        assert!(r.has("authorisation_certified"), "{relation}");
        assert!(!r.has("authorisation"));
    }
    for relation in ["parent", "spouse", "child", "sibling", "grandchild"] {
        let r = run(
            hand::marital_status::CODE,
            &[
                ("who", "authorised"),
                ("relation", relation),
                ("purpose", "other"),
                ("previous", "never"),
                ("moved", "no"),
                ("reissue", "no"),
            ],
        );
        assert!(r.has("authorisation"), "{relation}");
    }
}

#[test]
fn filing_for_oneself_needs_no_authorisation() {
    let r = run(
        hand::marital_status::CODE,
        &[
            ("who", "self"),
            ("purpose", "other"),
            ("previous", "never"),
            ("moved", "no"),
            ("reissue", "no"),
        ],
    );
    assert!(!r.has("authorisation") && !r.has("authorisation_certified"));
    assert!(r.has("identity"));
}

// §1 Birth registration.

fn birth(extra: &[(&str, &str)]) -> Run {
    run_with(
        hand::birth::CODE,
        &[
            ("who", "child"),
            ("registered", "never"),
            ("has_papers", "no"),
            ("foreign", "no"),
            ("married", "yes"),
            ("proof", "certificate"),
            ("special", "none"),
        ],
        extra,
    )
}

#[test]
fn birth_within_60_days_is_on_time_and_free() {
    let born = days_ago(60);
    let r = birth(&[("born", &born)]);
    assert_eq!(r.verdict(), Verdict::Eligible);
    assert!(r.fees().starts_with("Free"), "{}", r.fees());
    assert!(!r.fee_uncertain());
    assert!(r.has("birth_certificate") && r.has("form") && r.has("identity"));
}

#[test]
fn birth_after_more_than_60_days_is_late_and_pays_the_fee() {
    let born = days_ago(90);
    let r = birth(&[("born", &born)]);
    assert_eq!(r.verdict(), Verdict::Eligible);
    assert!(r.reason().contains("late registration"));
    assert!(r.fees().contains("Late-registration fee"), "{}", r.fees());
    // The Hà Nội amount is not known: "please confirm at the counter".
    assert!(r.fee_uncertain());
    let born = days_ago(61);
    assert!(
        birth(&[("born", &born)])
            .fees()
            .contains("Late-registration fee")
    );
}

#[test]
fn birth_routes_to_the_right_procedure() {
    let born = days_ago(10);
    assert_eq!(
        birth(&[("registered", "lost")]).routed_to(),
        Some("1.004884")
    );
    assert_eq!(
        birth(&[("registered", "exists")]).routed_to(),
        Some("2.000635")
    );
    assert_eq!(
        birth(&[("has_papers", "yes")]).routed_to(),
        Some("1.004772")
    );
    assert_eq!(birth(&[("foreign", "yes")]).routed_to(), Some("2.000528"));
    let r = birth(&[("born", &born), ("married", "no"), ("recognise", "yes")]);
    assert_eq!(r.routed_to(), Some("1.000689"));
    // A route ends the questions at once.
    let r = birth(&[("foreign", "yes")]);
    assert_eq!(r.evaluation.steps.len(), 4);
}

#[test]
fn birth_without_a_hospital_certificate_needs_a_witness_or_a_declaration() {
    let born = days_ago(5);
    let r = birth(&[("born", &born), ("proof", "witness")]);
    assert!(r.has("witness_statement") && !r.has("birth_certificate") && !r.has("birth_pledge"));
    let r = birth(&[("born", &born), ("proof", "none")]);
    assert!(r.has("birth_pledge") && !r.has("witness_statement"));
}

#[test]
fn birth_special_cases_add_their_papers() {
    let born = days_ago(5);
    assert!(birth(&[("born", &born), ("special", "abandoned")]).has("abandonment_record"));
    assert!(birth(&[("born", &born), ("special", "surrogacy")]).has("surrogacy_confirmation"));
    let r = birth(&[("born", &born), ("married", "no"), ("recognise", "no")]);
    assert_eq!(r.verdict(), Verdict::Eligible);
    assert!(r.notes().contains("father is not named"));
    assert!(
        birth(&[("born", &born)])
            .times()
            .contains("3 more working days")
    );
}

#[test]
fn a_relative_registers_a_birth_without_the_parents_authorisation() {
    let born = days_ago(5);
    let r = birth(&[("born", &born), ("who", "relative")]);
    assert!(!r.has("authorisation") && !r.has("authorisation_certified"));
    assert!(r.notes().contains("without the parents' authorisation"));
    let r = birth(&[
        ("born", &born),
        ("who", "authorised"),
        ("relation", "other"),
    ]);
    assert!(r.has("authorisation_certified"));
}

#[test]
fn birth_date_in_the_future_is_refused_with_a_reason() {
    let r = birth(&[("born", "2099-01-01")]);
    assert_eq!(r.next_question(), Some("born"));
    assert_eq!(
        r.evaluation.error,
        Some(super::answers::AnswerError::DateInFuture)
    );
}

// §2 Death registration.

#[test]
fn death_within_15_days_is_free_and_later_pays() {
    let base = [
        ("who", "relative"),
        ("foreign", "no"),
        ("notice", "yes"),
        ("residence_known", "yes"),
    ];
    let died = days_ago(15);
    let mut pairs = base.to_vec();
    pairs.push(("died", &died));
    let r = run(hand::death::CODE, &pairs);
    assert!(r.fees().starts_with("Free"));
    assert!(r.has("death_notice") && r.has("deceased_residence_proof"));
    let died = days_ago(16);
    let mut pairs = base.to_vec();
    pairs.push(("died", &died));
    let r = run(hand::death::CODE, &pairs);
    assert!(r.fees().contains("People's Council") && r.fee_uncertain());
}

#[test]
fn death_without_notice_or_known_residence_needs_other_proof() {
    let died = days_ago(400);
    let r = run(
        hand::death::CODE,
        &[
            ("who", "relative"),
            ("foreign", "no"),
            ("died", &died),
            ("notice", "no"),
            ("residence_known", "no"),
        ],
    );
    assert!(r.has("death_evidence") && r.has("place_of_death"));
    assert!(!r.has("death_notice") && !r.has("deceased_residence_proof"));
    let r = run(
        hand::death::CODE,
        &[("who", "relative"), ("foreign", "yes")],
    );
    assert_eq!(r.routed_to(), Some("1.001766"));
}

// §3 Marriage registration.

fn marriage(extra: &[(&str, &str)]) -> Run {
    run_with(
        hand::marriage::CODE,
        &[
            ("who", "self"),
            ("foreign", "no"),
            ("man_age", "25"),
            ("woman_age", "23"),
            ("married", "no"),
            ("voluntary", "yes"),
            ("capacity", "no"),
            ("related", "no"),
            ("divorced_abroad", "no"),
        ],
        extra,
    )
}

#[test]
fn marriage_of_two_adults_free_to_marry_is_eligible_and_free() {
    let r = marriage(&[]);
    assert_eq!(r.verdict(), Verdict::Eligible);
    assert!(r.fees().starts_with("Free"));
    assert!(r.has("identity_both"));
    assert!(!r.has("authorisation"));
}

#[test]
fn marriage_age_limits() {
    let r = marriage(&[("man_age", "19")]);
    assert_eq!(r.verdict(), Verdict::NotEligible);
    assert!(r.reason().contains("at least 20"));
    assert_eq!(r.next_question(), None, "stops at once");
    assert_eq!(marriage(&[("man_age", "20")]).verdict(), Verdict::Eligible);
    let r = marriage(&[("woman_age", "17")]);
    assert_eq!(r.verdict(), Verdict::NotEligible);
    assert!(r.reason().contains("at least 18"));
    assert_eq!(
        marriage(&[("woman_age", "18")]).verdict(),
        Verdict::Eligible
    );
}

#[test]
fn marriage_prohibitions() {
    for (answer, words) in [
        (("married", "yes"), "married"),
        (("voluntary", "no"), "freely"),
        (("capacity", "yes"), "capacity"),
        (("related", "yes"), "blood relatives"),
    ] {
        let r = marriage(&[answer]);
        assert_eq!(r.verdict(), Verdict::NotEligible, "{answer:?}");
        assert!(r.reason().contains(words), "{}", r.reason());
    }
    assert_eq!(
        marriage(&[("foreign", "yes")]).routed_to(),
        Some("2.000806")
    );
    assert!(
        marriage(&[("divorced_abroad", "yes")])
            .notes()
            .contains("2.000554")
    );
}

#[test]
fn marriage_cannot_be_filed_by_someone_else() {
    let r = run(hand::marriage::CODE, &[("who", "relative")]);
    assert_eq!(r.verdict(), Verdict::NotEligible);
    // Not in a confirmed source: shown with "please confirm at the counter".
    assert!(r.outcome().uncertain);
}

// §4 Marital status.

#[test]
fn marital_status_cases() {
    let base = |extra: &[(&str, &str)]| {
        run_with(
            hand::marital_status::CODE,
            &[
                ("who", "self"),
                ("purpose", "marry"),
                ("refused_case", "no"),
                ("previous", "never"),
                ("moved", "no"),
                ("reissue", "no"),
            ],
            extra,
        )
    };
    assert_eq!(base(&[]).verdict(), Verdict::Eligible);
    assert!(base(&[]).notes().contains("only one copy"));
    assert_eq!(
        base(&[("refused_case", "yes")]).verdict(),
        Verdict::NotEligible
    );
    assert!(base(&[("previous", "divorced")]).has("divorce_details"));
    assert!(base(&[("previous", "widowed")]).has("death_extract_details"));
    assert!(base(&[("moved", "yes")]).has("earlier_status"));
    assert!(base(&[("reissue", "yes")]).has("previous_certificate"));
    let other = run(
        hand::marital_status::CODE,
        &[
            ("who", "self"),
            ("purpose", "other"),
            ("previous", "never"),
            ("moved", "no"),
            ("reissue", "no"),
        ],
    );
    assert!(other.notes().contains("states its purpose"));
    assert!(base(&[]).fee_uncertain());
}

// §5 Permanent residence.

#[test]
fn permanent_residence_depends_on_the_home() {
    let with = |basis: &str, extra: &[(&str, &str)]| {
        let mut pairs = vec![("who", "self"), ("basis", basis)];
        pairs.extend_from_slice(extra);
        run(hand::permanent_residence::CODE, &pairs)
    };
    let own = with("own", &[]);
    assert_eq!(own.verdict(), Verdict::Eligible);
    assert!(own.has("ct01") && own.has("home_proof") && !own.has("owner_consent"));
    assert!(own.fees().contains("20,000") && own.fees().contains("10,000"));
    assert!(own.times().contains("7 working days"));
    let family = with("family", &[]);
    assert!(family.has("owner_consent") && family.has("relationship_proof"));
    // Rented housing needs the floor-area condition.
    let rented = with("rented", &[("area", "yes")]);
    assert!(
        rented.has("rental_contract")
            && rented.has("owner_consent")
            && !rented.has("area_confirmation")
    );
    assert!(with("rented", &[("area", "unknown")]).has("area_confirmation"));
    let small = with("rented", &[("area", "no")]);
    assert_eq!(small.verdict(), Verdict::NotEligible);
    assert!(small.reason().contains("8 m²"));
    assert!(with("religious", &[]).has("religious_confirmation"));
    assert!(with("care", &[]).has("care_confirmation"));
    assert!(with("vehicle", &[]).has("vehicle_papers"));
    assert!(with("military", &[]).has("unit_letter"));
    // The area question is asked only for rented housing.
    assert_eq!(with("own", &[]).evaluation.steps.len(), 2);
    let child = run(
        hand::permanent_residence::CODE,
        &[("who", "child"), ("basis", "own")],
    );
    assert!(child.has("parent_consent") && child.notes().contains("60 days"));
}

// §6 Temporary residence.

#[test]
fn temporary_residence_cases() {
    let base = |extra: &[(&str, &str)]| {
        run_with(
            hand::temporary_residence::CODE,
            &[
                ("who", "self"),
                ("stay", "yes"),
                ("banned", "no"),
                ("basis", "rented"),
                ("list", "no"),
            ],
            extra,
        )
    };
    let r = base(&[]);
    assert_eq!(r.verdict(), Verdict::Eligible);
    assert!(r.has("dwelling_proof") && r.fees().contains("15,000") && r.fees().contains("7,000"));
    assert!(r.times().contains("3 working days"));
    let short = base(&[("stay", "no")]);
    assert_eq!(short.verdict(), Verdict::NotEligible);
    assert!(
        short
            .outcome()
            .next
            .as_ref()
            .unwrap()
            .get(true)
            .contains("2.001159")
    );
    assert_eq!(base(&[("banned", "yes")]).verdict(), Verdict::NotEligible);
    assert!(
        base(&[("banned", "unknown")])
            .notes()
            .contains("police will check")
    );
    let list = base(&[("list", "yes")]);
    assert!(list.has("list_letter") && list.fees().contains("per person"));
    assert!(base(&[("who", "child")]).has("parent_consent"));
    assert!(base(&[("basis", "military")]).has("unit_letter"));
}

// §7 Copy certification.

#[test]
fn copy_certification_refusals() {
    let base = |extra: &[(&str, &str)]| {
        run_with(
            hand::copy_certification::CODE,
            &[
                ("who", "self"),
                ("damaged", "no"),
                ("secret", "no"),
                ("private", "no"),
                ("abroad", "no"),
            ],
            extra,
        )
    };
    assert_eq!(base(&[]).verdict(), Verdict::Eligible);
    assert!(base(&[]).has("original") && base(&[]).has("copies"));
    assert!(base(&[]).fees().contains("2,000"));
    for answer in [("damaged", "yes"), ("secret", "yes"), ("private", "yes")] {
        assert_eq!(
            base(&[answer]).verdict(),
            Verdict::NotEligible,
            "{answer:?}"
        );
    }
    assert_eq!(
        base(&[("abroad", "yes"), ("legalised", "no")]).verdict(),
        Verdict::NotEligible
    );
    assert_eq!(
        base(&[("abroad", "yes"), ("legalised", "yes")]).verdict(),
        Verdict::Eligible
    );
    // Anyone holding the original: no authorisation, flagged as unconfirmed.
    let relative = base(&[("who", "relative")]);
    assert!(!relative.has("authorisation") && !relative.has("authorisation_certified"));
}

// §8 Signature certification.

#[test]
fn signature_certification_cases() {
    let base = |extra: &[(&str, &str)]| {
        run_with(
            hand::signature_certification::CODE,
            &[
                ("who", "self"),
                ("contract", "no"),
                ("id_valid", "yes"),
                ("foreign_language", "no"),
            ],
            extra,
        )
    };
    assert_eq!(base(&[]).verdict(), Verdict::Eligible);
    assert!(base(&[]).fees().contains("10,000"));
    let proxy = base(&[("who", "authorised")]);
    assert_eq!(proxy.verdict(), Verdict::NotEligible);
    assert!(proxy.outcome().uncertain);
    assert_eq!(
        base(&[("contract", "yes"), ("exception", "no")]).verdict(),
        Verdict::NotEligible
    );
    assert_eq!(
        base(&[("contract", "yes"), ("exception", "yes")]).verdict(),
        Verdict::Eligible
    );
    assert_eq!(base(&[("id_valid", "no")]).verdict(), Verdict::NotEligible);
    assert!(base(&[("foreign_language", "yes")]).has("translation"));
}

// §9 Copies of extracts.

#[test]
fn extract_copy_cases() {
    let r = run(
        hand::extract_copy::CODE,
        &[("who", "self"), ("record", "birth"), ("details", "yes")],
    );
    assert_eq!(r.verdict(), Verdict::Eligible);
    assert!(r.fees().contains("8,000"));
    let r = run(
        hand::extract_copy::CODE,
        &[
            ("who", "relative"),
            ("relation", "spouse"),
            ("record", "marriage"),
            ("details", "no"),
        ],
    );
    assert!(r.has("authorisation") && r.notes().contains("refused if the record cannot be found"));
}

// §10 Guardianship.

#[test]
fn guardianship_cases() {
    let r = run(
        hand::guardianship::CODE,
        &[("who", "self"), ("foreign", "no"), ("kind", "appointed")],
    );
    assert_eq!(r.verdict(), Verdict::Eligible);
    assert!(r.has("appointment") && !r.has("statutory_proof"));
    assert!(r.fees().starts_with("Free"));
    let r = run(
        hand::guardianship::CODE,
        &[
            ("who", "self"),
            ("foreign", "no"),
            ("kind", "statutory"),
            ("several", "yes"),
        ],
    );
    assert!(r.has("statutory_proof") && r.has("agreement"));
    let r = run(
        hand::guardianship::CODE,
        &[("who", "self"), ("foreign", "yes")],
    );
    assert_eq!(r.routed_to(), Some("1.001669"));
}

// §11 Recognition.

#[test]
fn recognition_cases() {
    let base = |extra: &[(&str, &str)]| {
        run_with(
            hand::recognition::CODE,
            &[
                ("who", "self"),
                ("foreign", "no"),
                ("with_birth", "no"),
                ("dispute", "no"),
                ("evidence", "yes"),
            ],
            extra,
        )
    };
    assert_eq!(base(&[]).verdict(), Verdict::Eligible);
    assert!(base(&[]).has("relationship_evidence"));
    assert!(base(&[("evidence", "no")]).has("sworn_statement"));
    assert_eq!(base(&[("foreign", "yes")]).routed_to(), Some("2.000779"));
    assert_eq!(base(&[("with_birth", "yes")]).routed_to(), Some("1.000689"));
    assert_eq!(base(&[("dispute", "yes")]).verdict(), Verdict::NotEligible);
}

// §12 Change, correction, supplement.

#[test]
fn civil_status_change_times_follow_the_kind() {
    let with = |kind: &str, extra: &[(&str, &str)]| {
        let mut pairs = vec![
            ("who", "self"),
            ("foreign", "no"),
            ("kind", kind),
            ("elsewhere", "no"),
        ];
        pairs.extend_from_slice(extra);
        run(hand::civil_status_change::CODE, &pairs)
    };
    assert!(with("correct", &[]).times().contains("3 working days"));
    assert!(with("supplement", &[]).times().contains("At once"));
    assert!(with("change", &[("own_name", "yes")]).has("consent_name"));
    assert!(!with("change", &[("own_name", "no")]).has("consent_name"));
    let r = run(
        hand::civil_status_change::CODE,
        &[("who", "self"), ("foreign", "yes")],
    );
    assert_eq!(r.routed_to(), Some("2.000748"));
    let r = run(
        hand::civil_status_change::CODE,
        &[
            ("who", "self"),
            ("foreign", "no"),
            ("kind", "correct"),
            ("elsewhere", "yes"),
        ],
    );
    assert!(r.notes().contains("office of first registration"));
}

// §13a Social pension.

#[test]
fn social_pension_by_age_household_and_pension() {
    let with = |age: &str, extra: &[(&str, &str)]| {
        let mut pairs = vec![
            ("who", "self"),
            ("age", age),
            ("citizen", "yes"),
            ("pension", "none"),
        ];
        pairs.extend_from_slice(extra);
        run(hand::social_pension::CODE, &pairs)
    };
    assert_eq!(with("75", &[]).verdict(), Verdict::Eligible);
    assert!(with("75", &[]).reason().contains("group 1"));
    // 75 and over: the household is not asked.
    assert!(
        !with("75", &[])
            .evaluation
            .steps
            .iter()
            .any(|s| with("75", &[]).rules.questions[s.question].id == "poor")
    );
    assert_eq!(with("72", &[("poor", "yes")]).verdict(), Verdict::Eligible);
    assert!(with("72", &[("poor", "yes")]).reason().contains("group 2"));
    assert_eq!(
        with("72", &[("poor", "no")]).verdict(),
        Verdict::NotEligible
    );
    assert_eq!(with("69", &[]).verdict(), Verdict::NotEligible);
    assert_eq!(
        with("80", &[("pension", "lower")]).verdict(),
        Verdict::Eligible
    );
    assert_eq!(
        with("80", &[("pension", "higher")]).verdict(),
        Verdict::NotEligible
    );
    assert_eq!(
        with("80", &[("citizen", "no")]).verdict(),
        Verdict::NotEligible
    );
    assert!(with("80", &[]).times().contains("10 working days"));
}

// §13b Monthly social allowance.

#[test]
fn social_allowance_elderly_groups() {
    let with = |pairs: &[(&str, &str)]| {
        let mut all = vec![("who", "self"), ("group", "elderly")];
        all.extend_from_slice(pairs);
        run(hand::social_allowance::CODE, &all)
    };
    // (a) poor household, no supporter.
    let a = with(&[("age", "65"), ("household", "poor"), ("supporter", "no")]);
    assert_eq!(a.verdict(), Verdict::Eligible);
    assert!(a.reason().contains("group (a)"));
    // (b) 75–80, near-poor, extremely disadvantaged area.
    let b = with(&[("age", "77"), ("household", "near_poor"), ("remote", "yes")]);
    assert!(b.reason().contains("group (b)"));
    // (c) 80+, no pension: unconfirmed since the social pension.
    let c = with(&[("age", "85"), ("household", "neither"), ("pension", "no")]);
    assert!(c.reason().contains("group (c)") && c.outcome().uncertain);
    // None of the groups.
    let none = with(&[("age", "70"), ("household", "neither")]);
    assert_eq!(none.verdict(), Verdict::NotEligible);
    assert_eq!(with(&[("age", "55")]).verdict(), Verdict::NotEligible);
    let other = run(
        hand::social_allowance::CODE,
        &[("who", "self"), ("group", "other")],
    );
    assert_eq!(other.verdict(), Verdict::Unchecked);
}
