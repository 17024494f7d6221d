//! XLSX export, in-memory, constant-memory (streaming) and the default mode,
//! against a raw `rust_xlsxwriter`
//! baseline that writes the same cell values of the same sheets without the
//! library's layers (per-cell checks, column widths, tables, data
//! validation, conditional formats, charts, outline).
//!
//! `cargo bench --bench xlsx`; see BENCHMARKS.md. Both write to
//! `io::sink()`, so the figures leave out the disk.

mod common;

use std::collections::HashMap;

use common::{concept, SIZES};
use divan::Bencher;
use kreisentwicklung::export::{ExportOptions, Exporter};
use kreisentwicklung::monitoring::MonitoringOptions;
use kreisentwicklung::xlsx::XlsxExporter;
use kreisentwicklung::{CodeList, Concept, Date, HealthOptions, Language, Period};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

fn main() {
    divan::main();
}

/// The export in a mode: `None` is the default (auto), `Some(true)`
/// constant-memory (streaming), `Some(false)` in-memory.
fn library(c: &Concept, constant_memory: impl Into<Option<bool>>) {
    let mut options = ExportOptions::default();
    if let Some(on) = constant_memory.into() {
        options = options.option("constant-memory", on.to_string());
    }
    XlsxExporter
        .export(c, &mut std::io::sink(), &options)
        .expect("export");
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn export(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    bencher.bench(|| library(c, false));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn export_constant_memory(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    bencher.bench(|| library(c, true));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn export_default(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    bencher.bench(|| library(c, None));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn raw_baseline(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    bencher.bench(|| raw::write(c, false).expect("raw export"));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn raw_baseline_constant_memory(bencher: Bencher, measures: usize) {
    let c = concept(measures);
    bencher.bench(|| raw::write(c, true).expect("raw export"));
}

/// The baseline: the cells of the council workbook, written directly.
mod raw {
    use super::*;

    const DE: Language = Language::De;

    /// A sheet being written row by row.
    struct Sheet<'w> {
        ws: &'w mut Worksheet,
        row: u32,
        date: &'w Format,
    }

    impl Sheet<'_> {
        fn text(&mut self, col: u16, s: &str) -> Result<(), XlsxError> {
            if !s.is_empty() {
                self.ws.write_string(self.row, col, s)?;
            }
            Ok(())
        }
        fn number(&mut self, col: u16, v: f64) -> Result<(), XlsxError> {
            self.ws.write_number(self.row, col, v)?;
            Ok(())
        }
        fn date(&mut self, col: u16, d: Option<Date>) -> Result<(), XlsxError> {
            if let Some(d) = d {
                let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month(), d.day())?;
                self.ws
                    .write_datetime_with_format(self.row, col, &dt, self.date)?;
            }
            Ok(())
        }
        fn headers(&mut self, headers: &[&str]) -> Result<(), XlsxError> {
            for (i, h) in headers.iter().enumerate() {
                self.text(i as u16, h)?;
            }
            self.row += 1;
            Ok(())
        }
    }

    fn sheet<'w>(
        wb: &'w mut Workbook,
        name: &str,
        constant_memory: bool,
        date: &'w Format,
    ) -> Result<Sheet<'w>, XlsxError> {
        let ws = if constant_memory {
            wb.add_worksheet_with_constant_memory()?
        } else {
            wb.add_worksheet()
        };
        ws.set_name(name)?;
        Ok(Sheet { ws, row: 0, date })
    }

    fn day_of(p: &Period) -> Option<Date> {
        p.latest().or_else(|| p.earliest())
    }

    pub fn write(c: &Concept, constant_memory: bool) -> Result<(), XlsxError> {
        let today = Date::from_ymd(2026, 6, 1).expect("date");
        let monitoring = c.monitor(&MonitoringOptions::new(today));
        let health = c.health_report(&HealthOptions::new(today));
        let goals: HashMap<&str, _> = c.goals.iter().map(|g| (g.id.as_str(), g)).collect();
        let fields: HashMap<&str, _> = c.fields.iter().map(|f| (f.id.as_str(), f)).collect();
        let actors: HashMap<&str, _> = c.actors.iter().map(|a| (a.id.as_str(), a)).collect();
        let indicators: HashMap<&str, _> =
            c.indicators.iter().map(|i| (i.id.as_str(), i)).collect();
        let goal_ref = |id: &str| {
            goals
                .get(id)
                .map(|g| g.number.clone().unwrap_or_else(|| g.title.text.clone()))
                .unwrap_or_default()
        };
        let actor = |id: &str| {
            actors
                .get(id)
                .map(|a| a.name.text.clone())
                .unwrap_or_default()
        };

        let mut wb = Workbook::new();
        let date = Format::new().set_num_format("dd.mm.yyyy");

        // Übersicht.
        {
            let mut s = sheet(&mut wb, "Übersicht", constant_memory, &date)?;
            for (k, v) in [
                ("Titel", c.title.text.clone()),
                ("Gebiet", c.territory.display_name()),
                ("Art", c.kind.label(DE).to_owned()),
                ("Status", c.status.label(DE).to_owned()),
                (
                    "Horizont",
                    c.horizon.map(|h| h.to_string()).unwrap_or_default(),
                ),
                (
                    "Leitbild",
                    c.vision
                        .as_ref()
                        .map(|v| v.text.text.clone())
                        .unwrap_or_default(),
                ),
            ] {
                s.text(0, k)?;
                s.text(1, &v)?;
                s.row += 1;
            }
        }

        // Handlungsfelder.
        {
            let mut s = sheet(&mut wb, "Handlungsfelder", constant_memory, &date)?;
            s.headers(&["Nr.", "Handlungsfeld", "Leitbild"])?;
            for f in &c.fields {
                s.text(0, f.number.as_deref().unwrap_or(""))?;
                s.text(1, &f.name.text)?;
                if let Some(v) = &f.vision {
                    s.text(2, &v.text.text)?;
                }
                s.row += 1;
            }
        }

        // Zielsystem (list order rather than tree order; same cells).
        {
            let mut per_goal: HashMap<&str, u64> = HashMap::new();
            for m in &c.measures {
                for g in &m.goals {
                    *per_goal.entry(g.as_str()).or_default() += 1;
                }
            }
            let mut s = sheet(&mut wb, "Zielsystem", constant_memory, &date)?;
            s.headers(&[
                "Nr.",
                "Ziel",
                "Ebene",
                "Handlungsfeld",
                "Priorität",
                "Schwerpunkte",
                "Beschreibung",
                "Indikatoren",
                "Anzahl Maßnahmen",
                "Ampel",
            ])?;
            for (i, g) in c.goals.iter().enumerate() {
                s.text(0, g.number.as_deref().unwrap_or(""))?;
                s.text(1, &g.title.text)?;
                let level = c
                    .goal_levels
                    .get(usize::from(g.level).wrapping_sub(1))
                    .map(|t| t.text.clone())
                    .unwrap_or_default();
                s.text(2, &level)?;
                let f: Vec<String> = g
                    .fields
                    .iter()
                    .filter_map(|f| fields.get(f.as_str()).map(|f| f.name.text.clone()))
                    .collect();
                s.text(3, &f.join("; "))?;
                if let Some(p) = g.priority {
                    s.text(4, p.label(DE))?;
                }
                let focus: Vec<String> = g.focus_areas.iter().map(|a| format!("• {a}")).collect();
                s.text(5, &focus.join("\n"))?;
                if let Some(d) = &g.description {
                    s.text(6, &d.text)?;
                }
                s.number(8, *per_goal.get(g.id.as_str()).unwrap_or(&0) as f64)?;
                if let Some(p) = monitoring.goals.get(i) {
                    s.text(9, p.light.label(DE))?;
                }
                s.row += 1;
            }
        }

        // Maßnahmen.
        {
            let mut s = sheet(&mut wb, "Maßnahmen", constant_memory, &date)?;
            s.headers(&[
                "Nr.",
                "Maßnahme",
                "Beschreibung",
                "Handlungsfeld",
                "Ziele",
                "Federführung",
                "Partner",
                "Rolle des Kreises",
                "Zeitraum",
                "Beginn",
                "Ende",
                "Zeithorizont",
                "Priorität",
                "Status",
                "Ampel",
                "Letzte Aktualisierung",
                "Kosten (EUR)",
                "Hinweis zu den Kosten",
                "Förderung",
                "Haushalt",
                "Indikatoren",
            ])?;
            for (i, m) in c.measures.iter().enumerate() {
                s.text(0, m.number.as_deref().unwrap_or(""))?;
                s.text(1, &m.title.text)?;
                if let Some(d) = &m.description {
                    s.text(2, &d.text)?;
                }
                let f: Vec<String> = m
                    .fields
                    .iter()
                    .filter_map(|f| fields.get(f.as_str()).map(|f| f.name.text.clone()))
                    .collect();
                s.text(3, &f.join("; "))?;
                let g: Vec<String> = m.goals.iter().map(|g| goal_ref(g.as_str())).collect();
                s.text(4, &g.join(", "))?;
                if let Some(lead) = &m.lead {
                    s.text(5, &actor(lead.as_str()))?;
                }
                let p: Vec<String> = m.partners.iter().map(|p| actor(p.as_str())).collect();
                s.text(6, &p.join("; "))?;
                if let Some(r) = m.county_role {
                    s.text(7, r.label(DE))?;
                }
                if let Some(p) = &m.period {
                    s.text(8, &p.to_string())?;
                    s.date(9, p.earliest())?;
                    s.date(10, p.latest())?;
                }
                if let Some(h) = m.time_horizon {
                    s.text(11, h.label(DE))?;
                }
                if let Some(p) = m.priority {
                    s.text(12, p.label(DE))?;
                }
                if let Some(st) = m.status {
                    s.text(13, st.label(DE))?;
                }
                if let Some(p) = monitoring.measures.get(i) {
                    s.text(14, p.light.label(DE))?;
                }
                s.date(15, m.last_status_update())?;
                if let Some(costs) = &m.costs {
                    if let Some(a) = costs.amount {
                        s.number(16, a.as_f64())?;
                    }
                    if costs.estimated {
                        s.text(17, "geschätzt")?;
                    }
                }
                let funding: Vec<String> = m
                    .funding
                    .iter()
                    .map(|f| {
                        let name = f.programme.map(|p| p.label(DE)).unwrap_or("Förderung");
                        match f.share_percent {
                            Some(v) => format!("{name} ({} %)", v),
                            None => name.to_owned(),
                        }
                    })
                    .collect();
                s.text(18, &funding.join("; "))?;
                let budget: Vec<String> = m
                    .budget
                    .iter()
                    .map(|b| format!("{}: {}", b.year, b.amount))
                    .collect();
                s.text(19, &budget.join("; "))?;
                let ind: Vec<String> = m
                    .indicators
                    .iter()
                    .filter_map(|x| indicators.get(x.as_str()).map(|i| i.name.text.clone()))
                    .collect();
                s.text(20, &ind.join("; "))?;
                s.row += 1;
            }
        }

        // Indikatoren: the table, then four rows of values per indicator.
        {
            let mut linked: HashMap<&str, Vec<String>> = HashMap::new();
            for m in &c.measures {
                for i in &m.indicators {
                    let r = m.number.clone().unwrap_or_else(|| m.title.text.clone());
                    linked
                        .entry(i.as_str())
                        .or_default()
                        .push(format!("Maßnahme {r}"));
                }
            }
            let mut s = sheet(&mut wb, "Indikatoren", constant_memory, &date)?;
            s.headers(&[
                "Nr.",
                "Indikator",
                "Einheit",
                "Richtung",
                "Ausgangswert",
                "Stand Ausgangswert",
                "Zielwert",
                "Zieltermin",
                "Letzter Wert",
                "Stand",
                "Datum",
                "Fortschritt",
                "Soll-Fortschritt",
                "Ampel",
                "Hinweis zur Ampel",
                "Quelle",
                "Ziele und Maßnahmen",
                "Beschreibung",
            ])?;
            for (i, ind) in c.indicators.iter().enumerate() {
                s.text(0, ind.number.as_deref().unwrap_or(""))?;
                s.text(1, &ind.name.text)?;
                s.text(2, &ind.unit)?;
                s.text(3, ind.direction.label(DE))?;
                if let Some(b) = &ind.baseline {
                    s.number(4, b.value)?;
                    if let Some(p) = &b.period {
                        s.text(5, &p.to_string())?;
                    }
                }
                if let Some(t) = ind.final_target() {
                    s.number(6, t.value)?;
                    if let Some(p) = &t.due {
                        s.text(7, &p.to_string())?;
                    }
                }
                if let Some(o) = ind.latest() {
                    s.number(8, o.value)?;
                    s.text(9, &o.period.to_string())?;
                    s.date(10, day_of(&o.period))?;
                }
                if let Some(st) = monitoring.indicators.get(i) {
                    if let Some(p) = st.raw_progress.filter(|p| p.is_finite()) {
                        s.number(11, p)?;
                    }
                    if let Some(p) = st.progress {
                        s.number(12, p.expected)?;
                    }
                    s.text(13, st.light.label(DE))?;
                }
                if let Some(src) = &ind.source {
                    s.text(15, &src.text)?;
                }
                if let Some(l) = linked.get(ind.id.as_str()) {
                    s.text(16, &l.join("; "))?;
                }
                s.row += 1;
            }
            s.row += 1;
            s.text(0, "Werteverlauf (Datenbasis der Diagramme)")?;
            s.row += 1;
            for ind in &c.indicators {
                // Baseline, observations, targets, in time order.
                let mut points: Vec<(Date, Option<&Period>, Option<f64>)> = Vec::new();
                if let Some(b) = &ind.baseline {
                    if let Some(d) = b.period.as_ref().and_then(day_of) {
                        points.push((d, b.period.as_ref(), Some(b.value)));
                    }
                }
                for o in &ind.observations {
                    if let Some(d) = day_of(&o.period) {
                        points.push((d, Some(&o.period), Some(o.value)));
                    }
                }
                for t in &ind.targets {
                    if let Some(d) = t.due.as_ref().and_then(day_of) {
                        points.push((d, t.due.as_ref(), None));
                    }
                }
                if points.is_empty() {
                    continue;
                }
                points.sort_by_key(|p| p.0);
                let target = ind.final_target().map(|t| t.value);
                s.text(0, ind.number.as_deref().unwrap_or(""))?;
                s.text(1, &ind.name.text)?;
                s.text(2, "Zeitraum")?;
                for (k, p) in points.iter().enumerate() {
                    if let Some(period) = p.1 {
                        s.text(3 + k as u16, &period.to_string())?;
                    }
                }
                s.row += 1;
                s.text(2, "Datum")?;
                for (k, p) in points.iter().enumerate() {
                    s.date(3 + k as u16, Some(p.0))?;
                }
                s.row += 1;
                s.text(2, &format!("Ist-Wert ({})", ind.unit))?;
                for (k, p) in points.iter().enumerate() {
                    if let Some(v) = p.2 {
                        s.number(3 + k as u16, v)?;
                    }
                }
                s.row += 1;
                s.text(2, "Zielwert")?;
                for k in 0..points.len() {
                    if let Some(t) = target {
                        s.number(3 + k as u16, t)?;
                    }
                }
                s.row += 1;
            }
        }

        // Beteiligung.
        {
            let mut s = sheet(&mut wb, "Beteiligung", constant_memory, &date)?;
            s.headers(&["Veranstaltung", "Art", "Zeitraum", "Datum", "Teilnehmende"])?;
            for e in &c.events {
                s.text(0, e.title.as_ref().map(|t| t.text.as_str()).unwrap_or(""))?;
                s.text(1, e.kind.label(DE))?;
                if let Some(p) = &e.period {
                    s.text(2, &p.to_string())?;
                    s.date(3, p.earliest())?;
                }
                if let Some(n) = &e.participant_count {
                    s.number(4, f64::from(n.value))?;
                }
                s.row += 1;
            }
        }

        // Akteure.
        {
            let mut s = sheet(&mut wb, "Akteure", constant_memory, &date)?;
            s.headers(&["Akteur", "Art", "Funktion"])?;
            for a in &c.actors {
                s.text(0, &a.name.text)?;
                s.text(1, a.kind.label(DE))?;
                if let Some(f) = &a.function {
                    s.text(2, &f.text)?;
                }
                s.row += 1;
            }
        }

        // Beschlüsse and Dokumente: a handful of rows.
        {
            let mut s = sheet(&mut wb, "Beschlüsse", constant_memory, &date)?;
            s.headers(&["Beschluss", "Art", "Vorlage"])?;
            for r in &c.resolutions {
                s.text(0, &r.title.text)?;
                s.text(1, r.kind.label(DE))?;
                s.row += 1;
            }
        }
        {
            let mut s = sheet(&mut wb, "Dokumente", constant_memory, &date)?;
            s.headers(&["Dokument", "Art", "Datum"])?;
            for d in &c.documents {
                s.text(0, &d.title.text)?;
                s.text(1, d.kind.label(DE))?;
                if let Some(p) = &d.date {
                    s.text(2, &p.to_string())?;
                }
                s.row += 1;
            }
        }

        // Prüfbericht: one row per finding.
        {
            let mut s = sheet(&mut wb, "Prüfbericht", constant_memory, &date)?;
            s.headers(&["Schwere", "Code", "Stelle", "Befund", "Abhilfe"])?;
            for f in &health.findings {
                s.text(0, f.severity.label(DE))?;
                s.text(1, f.code.as_str())?;
                s.text(2, f.path.as_str())?;
                s.text(3, f.message(DE))?;
                s.text(4, f.code.fix(DE))?;
                s.row += 1;
            }
        }

        wb.save_to_writer(std::io::sink())
    }
}
