//! The committed catalogue (`app/data`, written by the importer) holds what the issue asks for.

use super::model::*;
use super::store::Catalogue;

fn procedure(code: &str) -> &'static Procedure {
    Catalogue::embedded()
        .procedure(code)
        .unwrap_or_else(|| panic!("{code} missing"))
}

fn fees(p: &Procedure, kind: ChannelKind) -> Vec<u64> {
    p.channel(kind)
        .flat_map(|c| c.fees.iter().filter_map(|f| f.amount))
        .collect()
}

#[test]
fn holds_every_commune_level_procedure_once_in_code_order() {
    let procedures = Catalogue::embedded().procedures();
    assert_eq!(procedures.len(), 1120);
    assert!(
        procedures
            .windows(2)
            .all(|pair| pair[0].code < pair[1].code)
    );
}

#[test]
fn everyday_procedures_have_english_names() {
    let procedures = Catalogue::embedded().procedures();
    let everyday: Vec<_> = procedures
        .iter()
        .filter(|p| p.life_event.is_everyday())
        .collect();
    assert_eq!(everyday.len(), 134);
    assert!(
        everyday
            .iter()
            .all(|p| p.name_en.as_deref().is_some_and(|n| !n.is_empty()))
    );
    assert_eq!(
        procedures.iter().filter(|p| p.name_en.is_some()).count(),
        134
    );
}

#[test]
fn names_and_texts_are_clean() {
    for p in Catalogue::embedded().procedures() {
        assert!(
            !p.name_vi.starts_with("Thủ tục"),
            "{}: {}",
            p.code,
            p.name_vi
        );
        let texts = p.steps.iter().chain(&p.notes).chain(&p.conditions).chain(
            p.documents
                .iter()
                .flat_map(|g| g.documents.iter().map(|d| &d.name)),
        );
        for text in texts {
            assert!(!text.is_empty(), "{}: empty text", p.code);
            assert!(
                !text.starts_with(['-', '+', '*', '•']),
                "{}: list marker in {text:?}",
                p.code
            );
            assert_eq!(text.trim(), text, "{}: untrimmed {text:?}", p.code);
            assert!(!text.contains("  "), "{}: double space in {text:?}", p.code);
        }
        for group in &p.documents {
            assert!(!group.documents.is_empty(), "{}: empty group", p.code);
            assert!(
                group.documents.iter().all(|d| d.originals + d.copies > 0),
                "{}: a note was filed as a document",
                p.code
            );
        }
    }
}

#[test]
fn birth_registration() {
    let p = procedure("1.001193");
    assert_eq!(p.name_vi, "Đăng ký khai sinh");
    assert_eq!(p.name_en.as_deref(), Some("Birth registration"));
    assert_eq!(p.life_event, LifeEvent::HavingAChild);
    let kinds: Vec<_> = p.channels.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ChannelKind::InPerson,
            ChannelKind::Online,
            ChannelKind::Post
        ]
    );
    for channel in &p.channels {
        assert!(channel.is_free());
        assert_eq!(channel.time.amount, Some(1.0));
        assert_eq!(channel.time.unit, TimeUnit::WorkingDays);
    }
    let submit = p
        .documents
        .iter()
        .find(|g| g.kind == DocumentUse::Submit)
        .unwrap();
    assert!(
        submit
            .documents
            .iter()
            .any(|d| d.name.starts_with("Giấy chứng sinh") && d.originals == 1)
    );
    let show = p
        .documents
        .iter()
        .find(|g| g.kind == DocumentUse::Show)
        .unwrap();
    assert!(
        show.documents
            .iter()
            .any(|d| d.name.starts_with("Hộ chiếu/Thẻ căn cước"))
    );
    assert!(
        p.notes
            .iter()
            .any(|n| n.contains("ông, bà, người thân thích khác"))
    );
    assert_eq!(p.results, ["Giấy khai sinh"]);
    assert_eq!(p.handled_by, ["Ủy ban nhân dân cấp xã"]);
}

#[test]
fn temporary_residence_fees_differ_by_channel() {
    let p = procedure("1.004194");
    assert_eq!(
        p.name_en.as_deref(),
        Some("Temporary residence registration")
    );
    let in_person = fees(p, ChannelKind::InPerson);
    let online = fees(p, ChannelKind::Online);
    assert!(in_person.contains(&15_000), "{in_person:?}");
    assert!(online.contains(&7_000), "{online:?}");
    assert!(
        p.channel(ChannelKind::Online)
            .all(|c| c.time.amount == Some(3.0) && c.time.unit == TimeUnit::WorkingDays)
    );
    assert!(
        p.documents
            .iter()
            .flat_map(|g| &g.documents)
            .any(|d| d.name.starts_with("Tờ khai thay đổi thông tin cư trú"))
    );
}

#[test]
fn certified_copies_are_charged_per_page() {
    let p = procedure("2.000815");
    let channels: Vec<_> = p.channel(ChannelKind::InPerson).collect();
    assert_eq!(channels.len(), 2, "at the commune, and at embassies");
    let commune = &channels[0].fees[0];
    assert_eq!(
        (commune.amount, commune.currency),
        (Some(2_000), Currency::Vnd)
    );
    assert_eq!(commune.note, "/trang");
    let embassy = &channels[1].fees[0];
    assert_eq!(
        (embassy.amount, embassy.currency),
        (Some(10), Currency::Usd)
    );
}

#[test]
fn marriage_and_marital_status() {
    let marriage = procedure("1.000894");
    assert_eq!(marriage.name_vi, "Đăng ký kết hôn");
    assert!(marriage.channels.iter().all(Channel::is_free));
    let status = procedure("1.004873");
    assert_eq!(status.name_vi, "Cấp Giấy xác nhận tình trạng hôn nhân");
    assert!(status.can_file_online());
}

#[test]
fn hanoi_has_126_communes_and_wards() {
    let wards = Catalogue::embedded().wards();
    assert_eq!(wards.len(), 126);
    assert_eq!(
        wards.iter().filter(|w| w.kind == WardKind::Ward).count(),
        51
    );
    assert_eq!(
        wards.iter().filter(|w| w.kind == WardKind::Commune).count(),
        75
    );
    assert_eq!(
        Catalogue::embedded().ward(70).map(|w| w.name.as_str()),
        Some("Phường Hoàn Kiếm")
    );
}

#[test]
fn every_text_is_in_the_one_clean_form() {
    // The portal's records carry decomposed letters ("Thư\u{323}c hiê\u{323}n") and invisible
    // characters; the importer cleans them as typed text is cleaned (`input::clean`).
    let raw = include_str!("../../data/procedures.jsonl");
    assert_eq!(crate::input::clean(raw), raw);
    assert!(
        Catalogue::embedded()
            .procedures()
            .iter()
            .all(|p| !p.name_vi.starts_with("Thủ tục ")),
        "the leading \"Thủ tục\" is removed however it was encoded"
    );
}

#[test]
fn papers_are_also_called_by_the_names_the_catalogue_gives_them() {
    let death = procedure("1.000656");
    assert_eq!(death.results, ["Trích lục khai tử"]);
    assert!(death.also_called.iter().any(|n| n == "giấy chứng tử"));
    assert!(death.also_called.iter().any(|n| n == "giấy báo tử"));
    assert!(
        procedure("1.001193")
            .also_called
            .iter()
            .any(|n| n == "giấy chứng sinh")
    );
    // Only papers the catalogue names as alternatives: few, and none general.
    let named: usize = Catalogue::embedded()
        .procedures()
        .iter()
        .filter(|p| !p.also_called.is_empty())
        .count();
    assert!((1..=60).contains(&named), "{named}");
}
