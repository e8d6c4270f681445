//! The everyday names of the papers a procedure issues, read from the catalogue's own texts.
//!
//! Residents search by the paper they hold or want: "giấy chứng tử" (the death certificate's
//! name until 2016) rather than "trích lục khai tử", what death registration issues now. The
//! catalogue itself says which names mean the same paper: the papers other procedures ask for
//! list them as alternatives ("Bản sao Giấy chứng tử hoặc Trích lục khai tử",
//! "…/Giấy chứng tử/Trích lục khai tử"). So the importer reads every document of every
//! procedure, and where a paper name stands as the alternative of a result some procedure
//! issues, often enough to be no accident, the procedures that issue that result are also found
//! by the other name ([`app::catalogue::model::Procedure::also_called`]).

use app::catalogue::model::Procedure;
use app::catalogue::text::words;
use std::collections::{BTreeMap, BTreeSet};

/// The first words of a paper's name (folded): giấy…, sổ…, thẻ…, trích lục….
const PAPER_WORDS: [&str; 4] = ["giay", "so", "the", "trich luc"];
/// Words that say which copy of a paper, not which paper: dropped from the front.
const COPY_WORDS: [&str; 5] = ["ban sao", "ban chinh", "ban chup", "ban dien tu", "ban"];
/// "Giấy tờ …" (papers in general) names no paper.
const GENERAL: &str = "giay to ";
/// The longest paper name kept, in words.
const MAX_WORDS: usize = 5;
/// A result's name is specific from 3 words ("trích lục khai tử"; "giấy chứng nhận" is not),
/// and a sentence rather than a name past 6.
const RESULT_WORDS: std::ops::RangeInclusive<usize> = 3..=6;
/// How often two names must stand as alternatives to be taken as one paper.
pub const MIN_SEEN: usize = 2;

/// One alternative of a document's sentence: its folded words and its words as written.
struct Alternative {
    folded: String,
    written: String,
}

/// A phrase's folded words, and the same phrase as written (lower case), without the copy
/// words in front and without whose paper it is ("… của con") behind.
fn alternative(text: &str) -> Alternative {
    // Words that fold to nothing (a dash) are dropped from both lists, which stay in step.
    let (mut written, mut folded): (Vec<&str>, Vec<String>) = text
        .split_whitespace()
        .map(|w| (w, words(w).join("")))
        .filter(|(_, f)| !f.is_empty())
        .unzip();
    // Dropped words leave both lists in step: one written word folds to one word.
    if let Some(copy) = COPY_WORDS.iter().find(|copy| {
        let n = copy.split(' ').count();
        folded.len() > n && folded[..n].join(" ") == **copy
    }) {
        let n = copy.split(' ').count();
        written.drain(..n);
        folded.drain(..n);
    }
    if let Some(whose) = folded.iter().position(|w| w == "cua") {
        written.truncate(whose);
        folded.truncate(whose);
    }
    Alternative {
        folded: folded.join(" "),
        written: written.join(" ").to_lowercase(),
    }
}

/// The results procedures issue that a paper name may stand for: 3 to 6 words, and not the
/// start of a longer result ("giấy chứng nhận …" names many papers).
fn specific_results(procedures: &[Procedure]) -> BTreeSet<String> {
    let all: BTreeSet<String> = procedures
        .iter()
        .flat_map(|p| &p.results)
        .map(|r| words(r).join(" "))
        .filter(|r| RESULT_WORDS.contains(&r.split(' ').count()))
        .collect();
    all.iter()
        .filter(|r| !all.iter().any(|o| o.starts_with(&format!("{r} "))))
        .cloned()
        .collect()
}

/// The result a folded phrase names (the longest one it starts with), if any.
fn result_named<'a>(phrase: &str, results: &'a BTreeSet<String>) -> Option<&'a String> {
    results
        .iter()
        .filter(|r| phrase == r.as_str() || phrase.starts_with(&format!("{r} ")))
        .max_by_key(|r| r.len())
}

/// Other names of results, as the catalogue's documents give them: result (folded) → the
/// names (as written, lower case) seen as its alternative at least [`MIN_SEEN`] times.
pub fn other_names(procedures: &[Procedure]) -> BTreeMap<String, BTreeSet<String>> {
    let results = specific_results(procedures);
    let mut seen: BTreeMap<(String, String), (usize, String)> = BTreeMap::new();
    let documents = procedures
        .iter()
        .flat_map(|p| &p.documents)
        .flat_map(|g| &g.documents);
    for document in documents {
        for sentence in document.name.split(['.', ';', ':', ',', '(', ')']) {
            let alternatives: Vec<Alternative> = sentence
                .split(" hoặc ")
                .flat_map(|part| part.split('/'))
                .map(alternative)
                .collect();
            for paper in &alternatives {
                let name = &paper.folded;
                let words = name.split(' ').count();
                let is_paper = PAPER_WORDS
                    .iter()
                    .any(|w| name.starts_with(&format!("{w} ")));
                if !is_paper
                    || format!("{name} ").starts_with(GENERAL)
                    || words > MAX_WORDS
                    || result_named(name, &results).is_some()
                {
                    continue;
                }
                let named: BTreeSet<&String> = alternatives
                    .iter()
                    .filter_map(|other| result_named(&other.folded, &results))
                    .collect();
                for result in named {
                    let entry = seen
                        .entry((result.clone(), name.clone()))
                        .or_insert((0, paper.written.clone()));
                    entry.0 += 1;
                }
            }
        }
    }
    let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for ((result, _), (count, written)) in seen {
        if count >= MIN_SEEN {
            names.entry(result).or_default().insert(written);
        }
    }
    names
}

/// Sets each procedure's `also_called`: the other names of the results it issues.
pub fn add_other_names(procedures: &mut [Procedure]) {
    let names = other_names(procedures);
    for procedure in procedures.iter_mut() {
        let mut also: BTreeSet<String> = BTreeSet::new();
        for result in &procedure.results {
            if let Some(other) = names.get(&words(result).join(" ")) {
                also.extend(other.iter().cloned());
            }
        }
        procedure.also_called = also.into_iter().collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::catalogue::model::{Document, DocumentGroup, Procedure};

    fn procedure(code: &str, results: &[&str], documents: &[&str]) -> Procedure {
        let any = include_str!("../../../app/data/procedures.jsonl")
            .lines()
            .next()
            .unwrap();
        let mut p: Procedure = serde_json::from_str(any).unwrap();
        let mut group: DocumentGroup = p.documents[0].clone();
        group.documents = documents
            .iter()
            .map(|name| Document {
                name: name.to_string(),
                originals: 1,
                copies: 0,
                has_form: false,
            })
            .collect();
        p.code = code.into();
        p.results = results.iter().map(|r| r.to_string()).collect();
        p.documents = vec![group];
        p
    }

    #[test]
    fn a_paper_named_as_the_alternative_of_a_result_is_another_name_of_it() {
        let mut procedures = vec![
            procedure("death", &["Trích lục khai tử"], &[]),
            procedure(
                "pension",
                &["Quyết định trợ cấp"],
                &["Bản sao Giấy chứng tử của người đó hoặc Trích lục khai tử"],
            ),
            procedure(
                "marriage",
                &["Giấy chứng nhận kết hôn"],
                &[
                    "Bản án ly hôn/Giấy chứng tử/Trích lục khai tử; Giấy tờ khác hoặc Trích lục khai tử",
                ],
            ),
            // Seen once only: no accident is taken for a name.
            procedure("other", &["Giấy phép"], &["Sổ tay hoặc Trích lục khai tử"]),
        ];
        add_other_names(&mut procedures);
        assert_eq!(procedures[0].also_called, ["giấy chứng tử"]);
        assert!(procedures[1].also_called.is_empty());
        assert!(procedures[2].also_called.is_empty());
    }
}
