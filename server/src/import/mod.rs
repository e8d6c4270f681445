//! The catalogue importer: turns the national portal's records (`../shared/data`) into the
//! project's own committed data (`app/data`). Run with `make import`.
//!
//! The import is deterministic: the same input gives byte-identical output, procedures sorted
//! by code.

pub mod clean;
pub mod papers;

use app::catalogue::model::*;
use app::catalogue::text::fold;
use clean::{capitalize, items, procedure_name, squash, strip_marker};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("line {line}: {message}")]
    Record { line: usize, message: String },
    #[error("English names: {0}")]
    Names(String),
    #[error("wards: {0}")]
    Wards(String),
}

/// Reads the English names file: `code<TAB>name` lines; `#` starts a comment.
pub fn parse_names(text: &str) -> Result<BTreeMap<String, String>, ImportError> {
    let mut names = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((code, name)) = line.split_once('\t') else {
            return Err(ImportError::Names(format!(
                "line {}: expected code<TAB>name",
                number + 1
            )));
        };
        let name = squash(name);
        if name.is_empty() {
            return Err(ImportError::Names(format!(
                "line {}: empty name",
                number + 1
            )));
        }
        if names.insert(code.trim().to_string(), name).is_some() {
            return Err(ImportError::Names(format!(
                "line {}: {code} listed twice",
                number + 1
            )));
        }
    }
    Ok(names)
}

/// Imports every record of the portal's JSON Lines file, with the English names, sorted by code.
/// Every procedure of the everyday life events must have an English name, and every English
/// name must belong to an imported procedure.
pub fn import_procedures(
    jsonl: &str,
    names_en: &BTreeMap<String, String>,
) -> Result<Vec<Procedure>, ImportError> {
    let mut procedures = Vec::new();
    for (index, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_number = index + 1;
        let error = |message: String| ImportError::Record {
            line: line_number,
            message,
        };
        let record: Value = serde_json::from_str(line).map_err(|e| error(e.to_string()))?;
        let mut procedure = procedure(&record).map_err(error)?;
        procedure.name_en = names_en.get(&procedure.code).cloned();
        if procedure.life_event.is_everyday() && procedure.name_en.is_none() {
            return Err(ImportError::Names(format!(
                "{} ({}) is in an everyday life event but has no English name",
                procedure.code, procedure.name_vi
            )));
        }
        procedures.push(procedure);
    }
    procedures.sort_by(|a, b| a.code.cmp(&b.code));
    papers::add_other_names(&mut procedures);
    for pair in procedures.windows(2) {
        if pair[0].code == pair[1].code {
            return Err(ImportError::Names(format!(
                "{} appears twice",
                pair[0].code
            )));
        }
    }
    for code in names_en.keys() {
        if procedures
            .binary_search_by(|p| p.code.as_str().cmp(code))
            .is_err()
        {
            return Err(ImportError::Names(format!(
                "{code} is not in the catalogue"
            )));
        }
    }
    Ok(procedures)
}

/// One procedure per line, in code order: the committed catalogue format.
pub fn to_jsonl<T: serde::Serialize>(rows: &[T]) -> String {
    let mut out = String::new();
    for row in rows {
        out.push_str(&serde_json::to_string(row).expect("catalogue types always serialise"));
        out.push('\n');
    }
    out
}

/// Hanoi's communes and wards (province code 1) from `vn-wards-2025.csv`, sorted by code.
pub fn import_wards(csv: &str) -> Result<Vec<Ward>, ImportError> {
    let mut lines = csv.lines();
    let header = lines.next().unwrap_or_default();
    if header.trim() != "province_code,province_name,ward_code,ward_name,ward_type" {
        return Err(ImportError::Wards(format!("unexpected header {header:?}")));
    }
    let mut wards = Vec::new();
    for (index, line) in lines.enumerate() {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() != 5 {
            return Err(ImportError::Wards(format!(
                "line {}: expected 5 fields",
                index + 2
            )));
        }
        if fields[0] != "1" {
            continue;
        }
        let code = fields[2]
            .parse()
            .map_err(|_| ImportError::Wards(format!("line {}: bad ward code", index + 2)))?;
        let kind = match fields[4] {
            "phường" => WardKind::Ward,
            "xã" => WardKind::Commune,
            other => {
                return Err(ImportError::Wards(format!(
                    "line {}: unknown type {other}",
                    index + 2
                )));
            }
        };
        wards.push(Ward {
            code,
            name: squash(fields[3]),
            kind,
        });
    }
    wards.sort_by_key(|ward| ward.code);
    Ok(wards)
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

fn names_of(value: &Value, key: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for item in array(value, key) {
        let name = squash(text(item, "name"));
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn procedure(record: &Value) -> Result<Procedure, String> {
    let detail = record.get("detail").ok_or("no detail")?;
    let code = squash(text(detail, "code"));
    if code.is_empty() {
        return Err("no code".into());
    }
    let life_event = LifeEvent::from_slug(text(record, "_life_event")).ok_or_else(|| {
        format!(
            "{code}: unknown life event {:?}",
            text(record, "_life_event")
        )
    })?;
    let name_vi = procedure_name(text(detail, "name"));
    if name_vi.is_empty() {
        return Err(format!("{code}: no name"));
    }
    let category = detail
        .get("category")
        .filter(|c| !c.is_null())
        .or_else(|| array(detail, "categoriesDetails").first())
        .map(|c| squash(text(c, "name")))
        .unwrap_or_default();

    let variants: Vec<Variant> = array(detail, "cases")
        .iter()
        .map(|case| Variant {
            code: squash(text(case, "code")),
            name: procedure_name(text(case, "name")),
            time: case
                .get("processingDay")
                .map(|day| processing_time(day.get("qty"), text(day, "type"), "", None))
                .unwrap_or_else(unspecified),
        })
        .collect();
    let variant_time = common_time(&variants);

    let mut channels = Vec::new();
    for method in array(detail, "executionMethods") {
        let kind = match text(method, "submissionMethod") {
            "DIRECT" => ChannelKind::InPerson,
            "ONLINE" => ChannelKind::Online,
            "POSTAL" => ChannelKind::Post,
            other => return Err(format!("{code}: unknown submission method {other:?}")),
        };
        let note = items(text(method, "description")).join(" ");
        let time = processing_time(
            method.get("processingTime"),
            text(method, "processingTimeUnit"),
            &note,
            variant_time.as_ref(),
        );
        let fees = array(method, "fees")
            .iter()
            .map(fee)
            .collect::<Result<_, _>>()?;
        channels.push(Channel {
            kind,
            time,
            fees,
            note,
        });
    }
    channels.sort_by_key(|channel| channel.kind);

    let (documents, mut notes) = document_groups(detail);
    notes.dedup();

    let steps = array(detail, "executionSteps")
        .iter()
        .flat_map(|step| items(text(step, "description")))
        .collect();
    let conditions = items(text(detail, "requirementsAndConditions"));
    let mut legal_bases: Vec<LegalBasis> = Vec::new();
    for basis in array(detail, "legalBasisesDetails") {
        let basis = LegalBasis {
            code: squash(text(basis, "code")),
            title: squash(text(basis, "name")),
        };
        if !basis.title.is_empty() && !legal_bases.contains(&basis) {
            legal_bases.push(basis);
        }
    }
    legal_bases.sort_by(|a, b| a.code.cmp(&b.code).then_with(|| a.title.cmp(&b.title)));

    Ok(Procedure {
        code,
        name_vi,
        name_en: None,
        life_event,
        category,
        who_may_file: names_of(detail, "subjectTypesDetails"),
        channels,
        variants,
        documents,
        notes,
        steps,
        conditions,
        legal_bases,
        results: names_of(detail, "resultsDetails"),
        also_called: Vec::new(),
        handled_by: names_of(detail, "unitGroupsExecuting"),
        fully_online: detail
            .get("isFullProcess")
            .and_then(Value::as_bool)
            .unwrap_or(false),
    })
}

fn unspecified() -> ProcessingTime {
    ProcessingTime {
        amount: None,
        unit: TimeUnit::Unspecified,
        text: String::new(),
    }
}

/// The time all variants share, when they share one with a known unit.
fn common_time(variants: &[Variant]) -> Option<ProcessingTime> {
    let first = variants.first()?;
    let known = first.time.amount.is_some() && first.time.unit != TimeUnit::Unspecified;
    (known && variants.iter().all(|v| v.time == first.time)).then(|| first.time.clone())
}

/// Reads a time as the portal gives it: a number and a unit, or a sentence. `OTHER` usually means
/// "on the day"; when the variants agree on a time, that time is the better reading.
fn processing_time(
    amount: Option<&Value>,
    unit: &str,
    note: &str,
    variant_time: Option<&ProcessingTime>,
) -> ProcessingTime {
    let (amount, text) = match amount {
        Some(Value::Number(n)) => (n.as_f64(), String::new()),
        Some(Value::String(s)) => match s.trim().parse::<f64>() {
            Ok(n) => (Some(n), String::new()),
            Err(_) => (None, squash(s)),
        },
        _ => (None, String::new()),
    };
    let unit = match unit {
        "WORKING_DAY" => TimeUnit::WorkingDays,
        "DAY" => TimeUnit::Days,
        "HOUR" => TimeUnit::Hours,
        "MONTH" => TimeUnit::Months,
        "YEAR" => TimeUnit::Years,
        _ => {
            let words = fold(&format!("{note} {text}"));
            if words.contains("trong ngay") || words.contains("ngay khi") {
                return ProcessingTime {
                    amount: None,
                    unit: TimeUnit::SameDay,
                    text,
                };
            }
            if let Some(time) = variant_time {
                return ProcessingTime {
                    text,
                    ..time.clone()
                };
            }
            return match amount {
                Some(0.0) => ProcessingTime {
                    amount: None,
                    unit: TimeUnit::SameDay,
                    text,
                },
                _ => ProcessingTime {
                    amount: None,
                    unit: TimeUnit::Unspecified,
                    text,
                },
            };
        }
    };
    match amount {
        Some(n) if n > 0.0 => ProcessingTime {
            amount: Some(n),
            unit,
            text,
        },
        _ => ProcessingTime {
            amount: None,
            unit: TimeUnit::Unspecified,
            text,
        },
    }
}

fn fee(value: &Value) -> Result<Fee, String> {
    let kind = match text(value, "type") {
        "FEE" => FeeKind::Fee,
        "SERVICE_FEE" => FeeKind::Charge,
        "PRICE_LEVEL" => FeeKind::Price,
        other => return Err(format!("unknown fee type {other:?}")),
    };
    let currency = match text(value, "currencyName") {
        "USD" => Currency::Usd,
        _ => Currency::Vnd,
    };
    let amount = value.get("value").and_then(Value::as_u64);
    Ok(Fee {
        kind,
        amount,
        currency,
        note: items(text(value, "description")).join(" "),
    })
}

/// Document groups and the procedure-wide notes: "Lưu ý" groups and items that are not papers
/// (no original and no copy asked for) become notes.
fn document_groups(detail: &Value) -> (Vec<DocumentGroup>, Vec<String>) {
    let mut groups: Vec<DocumentGroup> = Vec::new();
    let mut procedure_notes = Vec::new();
    for case in array(detail, "executionCases") {
        let heading = strip_marker(text(case, "name"));
        let folded = fold(&heading);
        let is_notes =
            folded.trim_end_matches([':', ' ']).trim() == "luu y" || folded.starts_with("luu y");
        let kind = if folded.contains("xuat trinh") {
            DocumentUse::Show
        } else {
            DocumentUse::Submit
        };
        let mut documents = Vec::new();
        let mut notes = Vec::new();
        for component in array(case, "profileComponents") {
            let originals = count(component, "originalQty");
            let copies = count(component, "copyQty");
            let lines = items(text(component, "name"));
            if lines.is_empty() {
                continue;
            }
            if is_notes || (originals == 0 && copies == 0) {
                notes.extend(lines.into_iter().filter(|line| !is_bare_heading(line)));
            } else {
                documents.push(Document {
                    name: capitalize(&lines.join(" ")),
                    originals,
                    copies,
                    has_form: component
                        .get("hasElectronicForm")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                });
            }
        }
        if documents.is_empty() {
            if !is_notes && !heading.is_empty() && !notes.is_empty() && !is_generic(&folded) {
                procedure_notes.push(heading);
            }
            procedure_notes.extend(notes);
            continue;
        }
        let heading = if is_generic(&folded) {
            String::new()
        } else {
            heading
        };
        match groups
            .iter_mut()
            .find(|g| g.kind == kind && g.heading == heading)
        {
            Some(group) => {
                group.documents.extend(documents);
                group.notes.extend(notes);
            }
            None => groups.push(DocumentGroup {
                kind,
                heading,
                documents,
                notes,
            }),
        }
    }
    (groups, procedure_notes)
}

fn count(value: &Value, key: &str) -> u32 {
    value
        .get(key)
        .and_then(Value::as_u64)
        .map(|n| n.min(100) as u32)
        .unwrap_or(0)
}

/// Headings that only say "the papers": the group's kind already says it.
fn is_generic(folded: &str) -> bool {
    let trimmed = folded.trim_end_matches([':', ' ', '.']).trim();
    trimmed.is_empty()
        || (trimmed.len() <= 40
            && [
                "giay to phai nop",
                "giay to phai xuat trinh",
                "thanh phan ho so",
                "ho so gom",
            ]
            .iter()
            .any(|generic| trimmed.starts_with(generic)))
}

/// "Lưu ý:" alone says nothing once it is filed under notes.
fn is_bare_heading(line: &str) -> bool {
    let folded = fold(line);
    let trimmed = folded.trim_end_matches([':', ' ']);
    trimmed == "luu y" || trimmed.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(detail: serde_json::Value) -> Value {
        serde_json::json!({ "code": "9.999999", "_life_event": "huu-tri", "detail": detail })
    }

    #[test]
    fn splits_notes_from_documents_and_groups_by_use() {
        let detail = serde_json::json!({
            "code": "9.999999",
            "name": "Thủ tục thử",
            "executionCases": [
                { "name": "* Giấy tờ phải nộp:", "profileComponents": [
                    { "name": "- Tờ khai theo mẫu;", "originalQty": 1, "copyQty": 0 },
                    { "name": "Trường hợp đã nộp bản điện tử thì không phải nộp bản giấy.", "originalQty": 0, "copyQty": 0 }
                ]},
                { "name": "* Giấy tờ phải xuất trình:", "profileComponents": [
                    { "name": "- Hộ chiếu/Thẻ căn cước", "originalQty": 1, "copyQty": 0 }
                ]},
                { "name": "* Lưu ý:", "profileComponents": [
                    { "name": "- Giấy tờ nước ngoài phải hợp pháp hóa lãnh sự.", "originalQty": 1, "copyQty": 0 }
                ]}
            ]
        });
        let p = procedure(&record(detail)).unwrap();
        assert_eq!(p.name_vi, "Thử");
        assert_eq!(p.documents.len(), 2);
        assert_eq!(p.documents[0].kind, DocumentUse::Submit);
        assert_eq!(p.documents[0].heading, "");
        assert_eq!(p.documents[0].documents[0].name, "Tờ khai theo mẫu;");
        assert_eq!(
            p.documents[0].notes,
            ["Trường hợp đã nộp bản điện tử thì không phải nộp bản giấy."]
        );
        assert_eq!(p.documents[1].kind, DocumentUse::Show);
        assert_eq!(p.notes, ["Giấy tờ nước ngoài phải hợp pháp hóa lãnh sự."]);
    }

    #[test]
    fn reads_times_and_fees() {
        let detail = serde_json::json!({
            "code": "9.999999",
            "name": "Thử",
            "cases": [{ "code": "9.999999.01", "name": "Thử", "processingDay": { "qty": 1, "type": "WORKING_DAY" } }],
            "executionMethods": [
                { "submissionMethod": "DIRECT", "processingTime": 1, "processingTimeUnit": "OTHER",
                  "fees": [{ "type": "FEE", "value": 20000, "description": "- Nộp trực tiếp" }] },
                { "submissionMethod": "ONLINE", "processingTime": "Không quy định", "processingTimeUnit": "OTHER",
                  "fees": [{ "type": "SERVICE_FEE", "value": 0 }] },
                { "submissionMethod": "POSTAL", "processingTime": 3.5, "processingTimeUnit": "WORKING_DAY", "fees": [] }
            ]
        });
        let p = procedure(&record(detail)).unwrap();
        let kinds: Vec<_> = p.channels.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                ChannelKind::InPerson,
                ChannelKind::Online,
                ChannelKind::Post
            ]
        );
        assert_eq!(
            p.channels[0].time.unit,
            TimeUnit::WorkingDays,
            "OTHER takes the variants' time"
        );
        assert_eq!(p.channels[0].fees[0].amount, Some(20000));
        assert_eq!(p.channels[0].fees[0].note, "Nộp trực tiếp");
        assert_eq!(p.channels[1].time.text, "Không quy định");
        assert!(p.channels[1].is_free());
        assert_eq!(p.channels[2].time.amount, Some(3.5));
    }

    #[test]
    fn rejects_unknown_values_with_the_line() {
        let names = BTreeMap::new();
        let bad = r#"{"code":"1","_life_event":"nowhere","detail":{"code":"1","name":"x"}}"#;
        let err = import_procedures(bad, &names).unwrap_err().to_string();
        assert!(err.starts_with("line 1:"), "{err}");
        assert!(import_procedures("{not json", &names).is_err());
    }

    #[test]
    fn requires_english_names_for_everyday_events() {
        let line =
            r#"{"code":"1","_life_event":"huu-tri","detail":{"code":"1","name":"Thủ tục x"}}"#;
        assert!(import_procedures(line, &BTreeMap::new()).is_err());
        let names = parse_names("# comment\n1\tRetirement thing\n").unwrap();
        let procedures = import_procedures(line, &names).unwrap();
        assert_eq!(procedures[0].name_en.as_deref(), Some("Retirement thing"));
        let unknown = parse_names("2\tNothing\n").unwrap();
        let line_work = r#"{"code":"1","_life_event":"viec-lam","detail":{"code":"1","name":"x"}}"#;
        assert!(
            import_procedures(line_work, &unknown).is_err(),
            "names must match codes"
        );
    }

    #[test]
    fn imports_hanoi_wards_only() {
        let csv = "province_code,province_name,ward_code,ward_name,ward_type\n\
                   1,Thành phố Hà Nội,73,Phường Cửa Nam,phường\n\
                   1,Thành phố Hà Nội,4,Xã Thử,xã\n\
                   2,Tỉnh Khác,9,Phường Khác,phường\n";
        let wards = import_wards(csv).unwrap();
        assert_eq!(wards.len(), 2);
        assert_eq!(
            wards[0],
            Ward {
                code: 4,
                name: "Xã Thử".into(),
                kind: WardKind::Commune
            }
        );
        assert!(import_wards("bad header\n").is_err());
    }
}
