//! The office's numbers for a period (plain Rust): dossiers received, processed on time, overdue,
//! and the average satisfaction rating, per commune/ward and per procedure — and the bar chart
//! that shows them, drawn as SVG text on the server.

use super::desk::overdue;
use super::submission::Status;
use crate::eligibility::date::Date;
use crate::eligibility::model::Text;
use serde::{Deserialize, Serialize};

/// What the numbers need to know of one dossier received in the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub office: u32,
    pub procedure: String,
    pub procedure_name: Text,
    pub status: Status,
    pub due: Option<Date>,
    /// The day (Hà Nội) the office finished it: result ready, or refused.
    pub finished: Option<Date>,
    pub rating: Option<u8>,
}

/// One line of the table: a ward, a procedure, or everything.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub key: String,
    pub name: Text,
    pub received: u32,
    /// Finished on or before the due date (or finished, when the procedure gives none).
    pub on_time: u32,
    /// Finished after the due date, or still with the office past it.
    pub overdue: u32,
    /// Ratings given, and their average (1–5).
    pub ratings: u32,
    pub satisfaction: Option<f32>,
}

impl Line {
    fn add(&mut self, facts: &Facts, today: Date) {
        self.received += 1;
        match (facts.finished, facts.due) {
            (Some(done), Some(due)) if done <= due => self.on_time += 1,
            (Some(_), None) => self.on_time += 1,
            (Some(_), Some(_)) => self.overdue += 1,
            (None, due) if overdue(due, facts.status, today) => self.overdue += 1,
            (None, _) => {}
        }
        if let Some(score) = facts.rating {
            let total = self.satisfaction.unwrap_or(0.0) * self.ratings as f32 + f32::from(score);
            self.ratings += 1;
            self.satisfaction = Some(total / self.ratings as f32);
        }
    }
}

/// The numbers of a period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Numbers {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub total: Line,
    pub by_ward: Vec<Line>,
    pub by_procedure: Vec<Line>,
    /// Bar charts of received / on time / overdue, SVG markup made by [`bar_chart`].
    pub ward_chart: String,
    pub procedure_chart: String,
}

/// Adds up `facts`: every line, per ward (named by `ward_name`) and per procedure, most received
/// first.
pub fn tally(
    facts: &[Facts],
    today: Date,
    ward_name: impl Fn(u32) -> String,
) -> (Line, Vec<Line>, Vec<Line>) {
    let mut total = Line {
        key: "all".into(),
        name: Text::new("Tất cả", "All"),
        ..Line::default()
    };
    let mut wards: Vec<Line> = Vec::new();
    let mut procedures: Vec<Line> = Vec::new();
    for f in facts {
        total.add(f, today);
        let key = f.office.to_string();
        match wards.iter_mut().find(|l| l.key == key) {
            Some(line) => line.add(f, today),
            None => {
                let name = ward_name(f.office);
                let mut line = Line {
                    key,
                    name: Text::new(&name, &name),
                    ..Line::default()
                };
                line.add(f, today);
                wards.push(line);
            }
        }
        match procedures.iter_mut().find(|l| l.key == f.procedure) {
            Some(line) => line.add(f, today),
            None => {
                let mut line = Line {
                    key: f.procedure.clone(),
                    name: f.procedure_name.clone(),
                    ..Line::default()
                };
                line.add(f, today);
                procedures.push(line);
            }
        }
    }
    let order = |a: &Line, b: &Line| b.received.cmp(&a.received).then(a.key.cmp(&b.key));
    wards.sort_by(order);
    procedures.sort_by(order);
    (total, wards, procedures)
}

/// A chart's series: colour, Vietnamese and English names, the number it shows.
type Series = (&'static str, &'static str, &'static str, fn(&Line) -> u32);

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Horizontal grouped bars — received, on time, overdue — one group per line, at most `limit`
/// lines, labelled in `english` or Vietnamese. Self-contained SVG (no styles, no scripts), for the
/// page to place as is; the table beside it carries the same numbers for screen readers.
pub fn bar_chart(lines: &[Line], limit: usize, english: bool, title: &str) -> String {
    const LABEL: u32 = 230;
    const BAR: u32 = 12;
    const GROUP: u32 = 3 * BAR + 14;
    const WIDTH: u32 = 720;
    let lines = &lines[..lines.len().min(limit)];
    let max = lines.iter().map(|l| l.received).max().unwrap_or(0).max(1);
    let plot = WIDTH - LABEL - 50;
    let height = 40 + GROUP * lines.len() as u32;
    let series: [Series; 3] = [
        ("#0a4a8c", "Đã nhận", "Received", |l| l.received),
        ("#00703c", "Đúng hạn", "On time", |l| l.on_time),
        ("#b10e1e", "Quá hạn", "Overdue", |l| l.overdue),
    ];
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\" class=\"chart\"><title>{}</title>",
        escape(title),
        escape(title)
    );
    // Legend.
    for (i, (colour, vi, en, _)) in series.iter().enumerate() {
        let x = LABEL + i as u32 * 150;
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"6\" width=\"14\" height=\"14\" fill=\"{colour}\"/><text x=\"{}\" y=\"18\" font-size=\"14\" fill=\"#1b1f24\">{}</text>",
            x + 20,
            if english { en } else { vi }
        ));
    }
    for (row, line) in lines.iter().enumerate() {
        let top = 34 + row as u32 * GROUP;
        let name: String = line.name.get(english).chars().take(34).collect();
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"14\" text-anchor=\"end\" fill=\"#1b1f24\">{}</text>",
            LABEL - 8,
            top + BAR * 2 - 2,
            escape(&name)
        ));
        for (i, (colour, _, _, value)) in series.iter().enumerate() {
            let n = value(line);
            let width = (u64::from(n) * u64::from(plot) / u64::from(max)) as u32;
            let y = top + i as u32 * BAR;
            svg.push_str(&format!(
                "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{colour}\"/><text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#1b1f24\">{n}</text>",
                width.max(1),
                BAR - 2,
                LABEL + width + 4,
                y + BAR - 3
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<Date> {
        Date::parse(text)
    }

    fn facts(
        office: u32,
        procedure: &str,
        due: &str,
        finished: Option<&str>,
        status: Status,
        rating: Option<u8>,
    ) -> Facts {
        Facts {
            office,
            procedure: procedure.into(),
            procedure_name: Text::new(procedure, procedure),
            status,
            due: day(due),
            finished: finished.and_then(day),
            rating,
        }
    }

    #[test]
    fn dossiers_count_as_on_time_or_overdue_by_when_they_were_finished() {
        let today = day("2026-11-24").unwrap();
        let all = [
            facts(
                70,
                "1.001193",
                "2026-11-20",
                Some("2026-11-19"),
                Status::ResultReady,
                Some(5),
            ),
            facts(
                70,
                "1.001193",
                "2026-11-20",
                Some("2026-11-20"),
                Status::Collected,
                Some(4),
            ),
            facts(
                70,
                "1.001193",
                "2026-11-20",
                Some("2026-11-21"),
                Status::Refused,
                None,
            ),
            facts(
                70,
                "2.000815",
                "2026-11-23",
                None,
                Status::Processing,
                Some(1),
            ),
            facts(
                4,
                "2.000815",
                "2026-11-23",
                None,
                Status::MoreDocumentsNeeded,
                None,
            ),
            facts(4, "2.000815", "2026-11-30", None, Status::Received, None),
        ];
        let (total, wards, procedures) = tally(&all, today, |code| format!("Ward {code}"));
        assert_eq!((total.received, total.on_time, total.overdue), (6, 2, 2));
        assert_eq!(total.ratings, 3);
        assert!((total.satisfaction.unwrap() - 10.0 / 3.0).abs() < 1e-4);
        assert_eq!(wards[0].key, "70");
        assert_eq!(
            (wards[0].received, wards[0].on_time, wards[0].overdue),
            (4, 2, 2)
        );
        assert_eq!(wards[1].name.vi, "Ward 4");
        assert_eq!(
            (wards[1].received, wards[1].on_time, wards[1].overdue),
            (2, 0, 0)
        );
        assert_eq!(wards[1].satisfaction, None);
        assert_eq!(procedures.len(), 2);
        assert_eq!(procedures.iter().map(|p| p.received).sum::<u32>(), 6);
    }

    #[test]
    fn the_chart_is_plain_svg_with_every_name_escaped() {
        let line = Line {
            key: "70".into(),
            name: Text::new("Phường <Hoàn> Kiếm & \"Co\"", "x"),
            received: 4,
            on_time: 2,
            overdue: 1,
            ..Line::default()
        };
        let svg = bar_chart(
            &[
                line.clone(),
                Line {
                    received: 2,
                    ..line
                },
            ],
            10,
            false,
            "Hồ sơ <theo> phường",
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("Phường &lt;Hoàn&gt; Kiếm &amp; &quot;Co&quot;"));
        assert!(svg.contains("aria-label=\"Hồ sơ &lt;theo&gt; phường\""));
        assert!(!svg.contains("<script") && !svg.contains("style="));
        // The longest bar is the most received; 3 bars per line plus the legend's 3 squares.
        assert_eq!(svg.matches("<rect").count(), 3 + 3 * 2);
        assert!(svg.contains("width=\"440\""));
        assert!(svg.contains(">Đúng hạn<"));
    }
}
