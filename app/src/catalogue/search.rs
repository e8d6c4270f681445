//! Finding procedures from what residents type: without diacritics, in any word order, with
//! common short forms ("cccd", "dk") and everyday words ("lay vo" for marriage).
//!
//! The same index runs on the server (first render) and in the browser (as you type, offline).

use super::model::{LifeEvent, Procedure};
use super::text::{fold, words};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the browser downloads to search the whole catalogue: one small entry per procedure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub code: String,
    pub name_vi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    pub life_event: LifeEvent,
    pub category: String,
    /// What the resident receives ("Giấy khai sinh"): residents often search by the paper.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<String>,
    /// Other names of what the resident receives ("giấy chứng tử"), from the catalogue's
    /// documents ([`Procedure::also_called`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_called: Vec<String>,
    /// Can be filed online.
    #[serde(default)]
    pub online: bool,
    /// Vietnamese citizens may file it (not only organisations, businesses or foreigners).
    #[serde(default)]
    pub for_residents: bool,
}

impl Entry {
    pub fn from_procedure(procedure: &Procedure) -> Entry {
        Entry {
            code: procedure.code.clone(),
            name_vi: procedure.name_vi.clone(),
            name_en: procedure.name_en.clone(),
            life_event: procedure.life_event,
            category: procedure.category.clone(),
            // What the resident receives is searched by its name ("Giấy khai sinh"); the
            // portal's long sentences about notifications only weigh the download down.
            results: procedure
                .results
                .iter()
                .filter(|result| result.split_whitespace().count() <= 12)
                .cloned()
                .collect(),
            also_called: procedure.also_called.clone(),
            online: procedure.can_file_online(),
            for_residents: procedure.who_may_file.is_empty()
                || procedure.who_may_file.iter().any(|who| {
                    let who = fold(who);
                    who.starts_with("cong dan viet nam") || who.starts_with("nguoi viet nam")
                }),
        }
    }
}

/// Short forms residents type, and what they stand for (folded).
const SHORT_FORMS: &[(&str, &str)] = &[
    ("dk", "dang ky"),
    ("dky", "dang ky"),
    ("ks", "khai sinh"),
    ("gks", "giay khai sinh"),
    ("dkks", "dang ky khai sinh"),
    ("dkkh", "dang ky ket hon"),
    ("kh", "ket hon"),
    ("cccd", "can cuoc"),
    ("cmnd", "chung minh nhan dan"),
    ("cmt", "chung minh nhan dan"),
    ("bhxh", "bao hiem xa hoi"),
    ("bhyt", "bao hiem y te"),
    ("bhtn", "bao hiem that nghiep"),
    ("ubnd", "uy ban nhan dan"),
    ("tthn", "tinh trang hon nhan"),
    ("xntthn", "xac nhan tinh trang hon nhan"),
    ("gcn", "giay chung nhan"),
    ("qsdd", "quyen su dung dat"),
    ("sdd", "su dung dat"),
    ("nct", "nguoi cao tuoi"),
    ("hk", "ho khau"),
    ("xn", "xac nhan"),
    ("vneid", "dinh danh dien tu"),
    ("gplx", "giay phep lai xe"),
];

/// Everyday words and the official terms they stand for: the query's words are replaced.
const EVERYDAY_WORDS: &[(&str, &str)] = &[
    ("can cuoc cong dan", "can cuoc"),
    ("ho khau", "thuong tru"),
    ("lay vo", "ket hon"),
    ("lay chong", "ket hon"),
    ("cuoi vo", "ket hon"),
    ("cuoi", "ket hon"),
    ("doc than", "tinh trang hon nhan"),
    ("sinh con", "khai sinh"),
    ("de con", "khai sinh"),
    ("moi sinh", "khai sinh"),
    ("qua doi", "khai tu"),
    ("chet", "khai tu"),
    ("bao tu", "khai tu"),
    ("sao y", "chung thuc ban sao"),
    // Everyday names of papers that the catalogue's texts never give (the importer finds the
    // others: `server/src/import/papers.rs`): the land-use certificate is "sổ đỏ", the house
    // ownership certificate "sổ hồng", the old identity card "chứng minh thư".
    ("so do", "giay chung nhan quyen su dung dat"),
    ("so hong", "giay chung nhan quyen so huu nha o"),
    ("chung minh thu", "can cuoc"),
    ("cong chung", "chung thuc"),
];

/// Who the resident files for ("cho con", "người nhà"): says nothing about the procedure.
const FOR_WHOM: &[&str] = &[
    "cho con",
    "cho be",
    "cho chau",
    "cho me",
    "cho bo",
    "cho cha",
    "cho ong",
    "cho ba",
    "cho vo",
    "cho chong",
    "cho em",
    "nguoi nha",
    "nguoi than",
    "bo me",
    "ong ba",
];

/// Words that carry no meaning in a query ("thủ tục làm … cho tôi").
const STOP_WORDS: &[&str] = &[
    "thu", "tuc", "lam", "xin", "toi", "muon", "can", "o", "dau", "the", "nao", "gi", "nhu", "la",
    "cua", "va", "minh", "ve", "a", "an", "of", "for", "to", "my", "how", "i", "get", "in", "and",
];

/// English words that name the Vietnamese ones, so an English query finds Vietnamese-only names.
const ENGLISH_WORDS: &[(&str, &str)] = &[
    ("birth", "khai sinh"),
    ("marriage", "ket hon"),
    ("married", "ket hon"),
    ("death", "khai tu"),
    ("residence", "cu tru"),
    ("temporary", "tam tru"),
    ("permanent", "thuong tru"),
    ("certified", "chung thuc"),
    ("copy", "ban sao"),
    ("signature", "chung thuc chu ky"),
];

/// One word of a query, with the weight it carries.
#[derive(Clone, Debug)]
struct Term {
    word: String,
    /// Typed, not added by a short form or an everyday word.
    typed: bool,
    /// The last word, still being typed: may be the start of a longer word.
    prefix: bool,
}

/// A procedure ready to be matched: its folded words.
struct Document {
    name: Vec<String>,
    /// How much each word of `name` says about the procedure: 1 for the main words, less for
    /// who it is for ("… cho người dưới 14 tuổi"), 0 for asides in brackets ("(cấp xã)").
    emphasis: Vec<f32>,
    english: Vec<String>,
    english_emphasis: Vec<f32>,
    /// What each word of `name` / `english` costs when the query does not ask for it.
    name_penalty: Vec<f32>,
    english_penalty: Vec<f32>,
    /// What the resident receives.
    results: Vec<String>,
    /// The other names of what the resident receives ([`Entry::also_called`]), each folded and
    /// padded with spaces (" giay chung tu "): a query that says one of them whole names the
    /// paper, which the procedure's own words do not ("trích lục khai tử").
    papers: Vec<String>,
    category: Vec<String>,
    /// Neighbouring words run together ("khaisinh"), for queries typed without spaces.
    joined: Vec<String>,
    folded_name: String,
}

/// The catalogue's search index.
pub struct Index {
    entries: Vec<Entry>,
    documents: Vec<Document>,
    /// Inverse document frequency of each word of the names.
    idf: HashMap<String, f32>,
    /// Every word, sorted, with the procedures that have it: only those are scored, and a word
    /// still being typed finds its completions by a range of this list.
    vocabulary: Vec<(String, Vec<u32>)>,
}

/// One result: the entry's position in the index and its score (higher is better).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub position: usize,
    pub score: f32,
}

/// Actions that change something already issued or registered ("đổi", "lại", "xóa", "khóa"…):
/// when the query does not ask for them, the resident most likely wants the plain procedure.
const SECONDARY_ACTIONS: &[&str] = &[
    "doi",
    "lai",
    "xoa",
    "khoa",
    "mo",
    "gia",
    "han",
    "cham",
    "dut",
    "huy",
    "bo",
    "chinh",
    "renewing",
    "replacing",
    "ending",
    "removing",
    "extending",
    "correcting",
    "locking",
    "unlocking",
    "re",
];

/// The emphasis that marks a secondary action.
const SECONDARY: f32 = 2.0;

/// The words of a name, with the short forms it uses ("BHXH") also spelt out, and the emphasis
/// of each word.
fn name_words(name: &str) -> (Vec<String>, Vec<f32>) {
    let mut all = Vec::new();
    let mut emphasis = Vec::new();
    let mut qualifier = false;
    // Segments alternate outside / inside brackets.
    for (i, segment) in name.split(['(', ')']).enumerate() {
        let inside = i % 2 == 1;
        let segment_words = words(segment);
        for (j, word) in segment_words.iter().enumerate() {
            let doi_voi = word == "doi" && segment_words.get(j + 1).is_some_and(|w| w == "voi");
            if !inside && (word == "cho" || word == "for" || doi_voi) {
                qualifier = true;
            }
            emphasis.push(if inside {
                0.0
            } else if qualifier {
                0.4
            } else if SECONDARY_ACTIONS.contains(&word.as_str()) {
                SECONDARY
            } else {
                1.0
            });
        }
        all.extend(segment_words);
    }
    let expanded = expand_short_forms(&all);
    if expanded.len() != all.len() {
        for word in expanded
            .into_iter()
            .filter(|w| !SHORT_FORMS.iter().any(|(s, _)| s == w))
        {
            all.push(word);
            emphasis.push(0.0);
        }
    }
    (all, emphasis)
}

impl Index {
    pub fn new(entries: Vec<Entry>) -> Index {
        let documents: Vec<Document> = entries
            .iter()
            .map(|entry| {
                let (name, emphasis) = name_words(&entry.name_vi);
                let (english, english_emphasis) =
                    entry.name_en.as_deref().map(name_words).unwrap_or_default();
                let joined = name
                    .windows(2)
                    .map(|pair| format!("{}{}", pair[0], pair[1]))
                    .collect();
                Document {
                    folded_name: name.join(" "),
                    english,
                    english_emphasis,
                    name_penalty: Vec::new(),
                    english_penalty: Vec::new(),
                    name,
                    emphasis,
                    results: entry
                        .results
                        .iter()
                        .chain(&entry.also_called)
                        .flat_map(|r| words(r))
                        .collect(),
                    papers: entry
                        .also_called
                        .iter()
                        .map(|r| format!(" {} ", words(r).join(" ")))
                        .collect(),
                    category: words(&entry.category),
                    joined,
                }
            })
            .collect();
        let mut frequency: HashMap<String, u32> = HashMap::new();
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        for (position, document) in documents.iter().enumerate() {
            let mut seen: Vec<&String> = document
                .name
                .iter()
                .chain(&document.english)
                .chain(&document.joined)
                .chain(&document.results)
                .chain(&document.category)
                .collect();
            seen.sort();
            seen.dedup();
            for word in seen {
                *frequency.entry(word.clone()).or_default() += 1;
                postings
                    .entry(word.clone())
                    .or_default()
                    .push(position as u32);
            }
        }
        let mut vocabulary: Vec<(String, Vec<u32>)> = postings.into_iter().collect();
        vocabulary.sort_by(|a, b| a.0.cmp(&b.0));
        let total = documents.len().max(1) as f32;
        let idf = frequency
            .into_iter()
            .map(|(word, count)| (word, (total / count as f32).ln() + 1.0))
            .collect();
        let mut index = Index {
            entries,
            documents,
            idf,
            vocabulary,
        };
        let penalties: Vec<(Vec<f32>, Vec<f32>)> = index
            .documents
            .iter()
            .map(|d| {
                let cost = |words: &[String], emphasis: &[f32]| -> Vec<f32> {
                    words
                        .iter()
                        .zip(emphasis)
                        .map(|(w, e)| index.penalty(w, *e))
                        .collect()
                };
                (
                    cost(&d.name, &d.emphasis),
                    cost(&d.english, &d.english_emphasis),
                )
            })
            .collect();
        for (document, (name, english)) in index.documents.iter_mut().zip(penalties) {
            document.name_penalty = name;
            document.english_penalty = english;
        }
        index
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, position: usize) -> &Entry {
        &self.entries[position]
    }

    /// Weight of a word: rare words say more than "đăng ký".
    fn weight(&self, word: &str) -> f32 {
        self.idf.get(word).copied().unwrap_or(1.0)
    }

    /// The procedures that have at least one of the terms (or the code asked for).
    fn candidates(&self, terms: &[Term], code_query: &str) -> Vec<bool> {
        let mut candidates = vec![false; self.documents.len()];
        let mut mark = |postings: &[u32]| {
            for &position in postings {
                candidates[position as usize] = true;
            }
        };
        for term in terms {
            let word = term.word.as_str();
            if term.prefix && word.len() >= 2 {
                let start = self.vocabulary.partition_point(|(w, _)| w.as_str() < word);
                for (w, postings) in &self.vocabulary[start..] {
                    if !w.starts_with(word) {
                        break;
                    }
                    mark(postings);
                }
            } else if let Ok(at) = self
                .vocabulary
                .binary_search_by(|(w, _)| w.as_str().cmp(word))
            {
                mark(&self.vocabulary[at].1);
            }
        }
        if let Some(position) = self.entries.iter().position(|e| e.code == code_query) {
            candidates[position] = true;
        }
        candidates
    }

    /// What a word of the name that the query did not ask for costs.
    fn penalty(&self, word: &str, emphasis: f32) -> f32 {
        if emphasis == SECONDARY {
            0.5
        } else {
            self.weight(word) * emphasis * 0.03
        }
    }

    /// The procedures matching `query`, best first, at most `limit`; only those of `event` when
    /// given. An empty query gives nothing (browse by life event instead).
    pub fn search(&self, query: &str, event: Option<LifeEvent>, limit: usize) -> Vec<Hit> {
        let terms = terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let code_query = fold(query.trim());
        let weights: Vec<f32> = terms
            .iter()
            .map(|t| self.weight(&t.word) * if t.typed { 1.0 } else { 0.7 })
            .collect();
        let total: f32 = weights.iter().sum();
        let phrase = terms
            .iter()
            .map(|t| t.word.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let query = Query {
            terms: &terms,
            weights: &weights,
            total,
            phrase: &phrase,
        };
        let candidates = self.candidates(&terms, &code_query);
        let mut hits: Vec<Hit> = self
            .documents
            .iter()
            .enumerate()
            .filter(|(position, _)| candidates[*position])
            .filter(|(position, _)| event.is_none_or(|e| self.entries[*position].life_event == e))
            .filter_map(|(position, document)| {
                let entry = &self.entries[position];
                if entry.code == code_query {
                    return Some(Hit {
                        position,
                        score: 1000.0,
                    });
                }
                score(document, &query).map(|score| {
                    // The portal is for residents: their procedures first when the words match
                    // equally well.
                    let everyday = if entry.life_event.is_everyday() {
                        0.4
                    } else {
                        0.0
                    };
                    let residents = if entry.for_residents { 0.4 } else { 0.0 };
                    Hit {
                        position,
                        score: score + everyday + residents,
                    }
                })
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score.total_cmp(&a.score).then_with(|| {
                self.entries[a.position]
                    .code
                    .cmp(&self.entries[b.position].code)
            })
        });
        hits.truncate(limit);
        hits
    }
}

/// A query ready to be matched: its terms, their weights and their sum, and the terms joined.
struct Query<'a> {
    terms: &'a [Term],
    weights: &'a [f32],
    total: f32,
    phrase: &'a str,
}

/// Where a term was found: at a position of the name (`joined`: two words run together), or
/// elsewhere with some strength.
#[derive(Clone, Copy)]
enum Found {
    Name(usize),
    Joined(usize),
    English(usize),
    Other(f32),
    Nowhere,
}

impl Found {
    fn strength(self) -> f32 {
        match self {
            Found::Name(_) | Found::Joined(_) | Found::English(_) => 1.0,
            Found::Other(strength) => strength,
            Found::Nowhere => 0.0,
        }
    }
}

fn find(document: &Document, term: &Term) -> Found {
    let matches = |w: &String| {
        *w == term.word
            || (term.prefix && term.word.len() >= 2 && w.starts_with(term.word.as_str()))
    };
    if let Some(at) = document.name.iter().position(matches) {
        Found::Name(at)
    } else if let Some(at) = document.joined.iter().position(matches) {
        Found::Joined(at)
    } else if let Some(at) = document.english.iter().position(matches) {
        Found::English(at)
    } else if document.results.iter().any(matches) {
        Found::Other(0.8)
    } else if document.category.iter().any(matches) {
        Found::Other(0.5)
    } else {
        Found::Nowhere
    }
}

/// How well `document` answers `query`, or `None` when it does not.
fn score(document: &Document, query: &Query) -> Option<f32> {
    // Most procedures share no word with the query: find that out before anything else.
    let mut found = [Found::Nowhere; 16];
    let terms = &query.terms[..query.terms.len().min(found.len())];
    let mut matched = 0.0;
    for (i, term) in terms.iter().enumerate() {
        found[i] = find(document, term);
        matched += query.weights[i] * found[i].strength();
    }
    let coverage = matched / query.total;
    if matched <= 0.0 || coverage < 0.5 {
        return None;
    }
    let found = &found[..terms.len()];
    let mut used = vec![false; document.name.len()];
    let mut used_english = vec![false; document.english.len()];
    let mut adjacent = 0usize;
    let mut previous: Option<usize> = None;
    for f in found {
        let position = match *f {
            Found::Name(at) => {
                used[at] = true;
                Some(at)
            }
            Found::Joined(at) => {
                used[at] = true;
                used[at + 1] = true;
                Some(at)
            }
            Found::English(at) => {
                used_english[at] = true;
                None
            }
            _ => None,
        };
        // Words found next to each other, in the order typed or not ("khai sinh", "sinh khai").
        if let (Some(a), Some(b)) = (previous, position)
            && a.abs_diff(b) == 1
        {
            adjacent += 1;
        }
        previous = position;
    }
    let phrase = if terms.len() > 1 {
        adjacent as f32 / (terms.len() - 1) as f32
    } else {
        0.0
    };
    // Among names that match equally, the shortest is the plain procedure; longer names are its
    // special cases ("… có yếu tố nước ngoài", "… lưu động"). Rare extra words weigh more than
    // common ones ("gia hạn" more than "đăng ký").
    let unused = |penalties: &[f32], used: &[bool]| -> f32 {
        penalties
            .iter()
            .zip(used)
            .filter(|(_, used)| !**used)
            .map(|(p, _)| p)
            .sum()
    };
    let extra_vietnamese = unused(&document.name_penalty, &used);
    let extra_english = if used_english.iter().any(|u| *u) {
        unused(&document.english_penalty, &used_english)
    } else {
        f32::INFINITY
    };
    let extra = extra_vietnamese.min(extra_english);
    let exact = query.phrase == document.folded_name;
    // The query says, word for word, another name of a paper the procedure issues ("xin giay
    // chung tu", or its distinctive end "chung tu"; not its start "giay chung", which many
    // papers share), not already in its name: the resident searches by the paper they want.
    let padded = format!(" {} ", query.phrase);
    let paper = terms.len() > 1
        && !format!(" {} ", document.folded_name).contains(&padded)
        && document
            .papers
            .iter()
            .any(|p| padded.contains(p.as_str()) || p.ends_with(&padded));
    Some(
        coverage * 10.0 + phrase * 2.0 - extra.min(4.0)
            + if exact { 3.0 } else { 0.0 }
            + if paper { PAPER_BONUS } else { 0.0 },
    )
}

/// What naming a paper the procedure issues adds to its score: as much as the name's own words
/// would (a paper's words are found at 0.8 of a name's), and a little more.
const PAPER_BONUS: f32 = 4.0;

/// Replaces the phrase `from` by `to` in a list of words; true when it was there.
fn replace_phrase(words: &mut Vec<String>, from: &str, to: &str) -> bool {
    let from: Vec<&str> = from.split(' ').collect();
    let Some(at) = words
        .windows(from.len())
        .position(|w| w.iter().zip(&from).all(|(a, b)| a == b))
    else {
        return false;
    };
    let to: Vec<String> = to
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    words.splice(at..at + from.len(), to);
    true
}

/// Short forms spelt out: "cccd" → "can cuoc".
fn expand_short_forms(words: &[String]) -> Vec<String> {
    let mut expanded = Vec::with_capacity(words.len());
    for word in words {
        match SHORT_FORMS.iter().find(|(short, _)| short == word) {
            Some((_, long)) => expanded.extend(long.split(' ').map(String::from)),
            None => expanded.push(word.clone()),
        }
    }
    expanded
}

/// The words of a query, short forms expanded, everyday words replaced by official ones,
/// empty words dropped.
fn terms(query: &str) -> Vec<Term> {
    let typed = words(query);
    let still_typing = !query.ends_with(char::is_whitespace);
    let last_typed = typed.last().cloned();
    let mut words = expand_short_forms(&typed);
    for phrase in FOR_WHOM {
        while replace_phrase(&mut words, phrase, "") {}
    }
    for (everyday, official) in EVERYDAY_WORDS {
        replace_phrase(&mut words, everyday, official);
    }
    let mut added = Vec::new();
    let padded = format!(" {} ", words.join(" "));
    for (english, vietnamese) in ENGLISH_WORDS {
        if padded.contains(&format!(" {english} ")) {
            added.extend(vietnamese.split(' ').map(String::from));
        }
    }
    let meaningful = words.iter().any(|w| !STOP_WORDS.contains(&w.as_str()));
    let mut terms: Vec<Term> = Vec::new();
    let count = words.len();
    for (i, word) in words.into_iter().enumerate() {
        if (meaningful && STOP_WORDS.contains(&word.as_str()))
            || terms.iter().any(|t| t.word == word)
        {
            continue;
        }
        // Only the last word can be incomplete, and only while typing goes on.
        let prefix = still_typing && i + 1 == count && last_typed.as_deref() == Some(word.as_str());
        terms.push(Term {
            word,
            typed: true,
            prefix,
        });
    }
    for word in added {
        if !terms.iter().any(|t| t.word == word) {
            terms.push(Term {
                word,
                typed: false,
                prefix: false,
            });
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(code: &str, name: &str, event: LifeEvent) -> Entry {
        Entry {
            code: code.into(),
            name_vi: name.into(),
            name_en: None,
            life_event: event,
            category: "Hộ tịch".into(),
            results: vec![],
            also_called: vec![],
            online: true,
            for_residents: true,
        }
    }

    fn index() -> Index {
        Index::new(vec![
            entry("1", "Đăng ký khai sinh", LifeEvent::HavingAChild),
            entry(
                "2",
                "Đăng ký khai sinh có yếu tố nước ngoài",
                LifeEvent::HavingAChild,
            ),
            entry("3", "Đăng ký kết hôn", LifeEvent::MarriageAndFamily),
            entry("4", "Đăng ký tạm trú", LifeEvent::ResidenceAndId),
        ])
    }

    fn codes(index: &Index, query: &str) -> Vec<String> {
        index
            .search(query, None, 10)
            .iter()
            .map(|h| index.entry(h.position).code.clone())
            .collect()
    }

    #[test]
    fn plain_procedure_before_its_special_cases() {
        assert_eq!(codes(&index(), "dang ky khai sinh"), ["1", "2"]);
    }

    #[test]
    fn empty_and_meaningless_queries_find_nothing() {
        assert!(codes(&index(), "").is_empty());
        assert!(codes(&index(), "   ").is_empty());
        assert!(codes(&index(), "xyz").is_empty());
    }

    #[test]
    fn last_word_may_be_incomplete() {
        assert_eq!(codes(&index(), "ket h")[0], "3");
        assert!(codes(&index(), "ket h ").is_empty() || codes(&index(), "ket h ")[0] == "3");
    }

    #[test]
    fn filters_by_life_event() {
        let index = index();
        let hits = index.search("dang ky", Some(LifeEvent::ResidenceAndId), 10);
        assert_eq!(hits.len(), 1);
        assert_eq!(index.entry(hits[0].position).code, "4");
    }

    #[test]
    fn finds_by_code() {
        assert_eq!(codes(&index(), "3")[0], "3");
    }

    #[test]
    fn short_forms_and_run_together_words() {
        assert_eq!(codes(&index(), "dk ks")[0], "1");
        assert_eq!(codes(&index(), "khaisinh")[0], "1");
        assert_eq!(codes(&index(), "lay vo")[0], "3");
    }
}
