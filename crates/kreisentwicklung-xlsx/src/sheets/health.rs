//! Prüfbericht: the health report's findings — gaps software can see in a
//! concept (goals without measures, measures without indicators, no
//! priorities, no public participation, an overdue review …), most serious
//! first, each with what to do about it.

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::health::Severity;
use kreisentwicklung_core::{ItemPath, Language};

use crate::book::Slot;
use crate::ctx::Ctx;
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::def;

column_table! {
    // The printed columns fit a landscape page (at most 134 units).
    SEVERITY: def("severity", "Schwere", "Severity", Style::Text, 12.0),
    MESSAGE: def("message", "Befund", "Finding", Style::Wrap, 50.0),
    LOCATION: def("location", "Fundstelle", "Location", Style::Wrap, 28.0),
    FIX: def("fix", "Empfehlung", "Recommendation", Style::Wrap, 44.0),
    PATH: def("path", "Pfad", "Path", Style::Text, 30.0),
    CODE: def("code", "Prüfregel", "Check", Style::Text, 30.0),
}

/// Writes the sheet; nothing when the report has no findings.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let rows = ctx.eval.finding_total();
    if rows == 0 {
        return Ok(());
    }
    let mut w = ctx.sheet(slot, name, 1 + rows)?;
    w.begin_table(SheetId::Health, COLUMNS, rows)?;
    w.freeze_columns(1);
    let places = Places::new(ctx);
    let mut k = 0;
    ctx.eval.try_for_each_finding(|f| {
        let path = || {
            ItemPath::field_of_concept("health")
                .field("findings")
                .index(k)
                .into()
        };
        w.label(SEVERITY, f.severity.label(ctx.lang))?;
        w.text(MESSAGE, f.message(ctx.lang), path)?;
        w.text(LOCATION, &places.describe(f.path.as_str()), path)?;
        w.label(FIX, f.code.fix(ctx.lang))?;
        w.text(PATH, f.path.as_str(), path)?;
        w.label(CODE, f.code.as_str())?;
        w.next_row();
        k += 1;
        Ok::<(), ExportError>(())
    })?;
    for (severity, format) in [
        (Severity::Error, &ctx.fmt.red),
        (Severity::Warning, &ctx.fmt.yellow),
        (Severity::Info, &ctx.fmt.grey),
    ] {
        w.highlight(SEVERITY, severity.label(ctx.lang), format)?;
    }
    w.end_table()?;
    // The path and the machine code are for software and support, not for
    // the council: they stay on screen and off paper.
    let last_row = w.row().saturating_sub(1);
    w.page(
        ctx.page(true)
            .repeat_columns(0, 0)
            .area(0, 0, last_row, FIX),
    );
    w.finish(slot)
}

/// Says in words where a finding is: `measures[L2]` is
/// Maßnahme L2 „Dorfentwicklung“.
struct Places<'a, 'c> {
    ctx: &'a Ctx<'c>,
}

impl<'a, 'c> Places<'a, 'c> {
    fn new(ctx: &'a Ctx<'c>) -> Self {
        Places { ctx }
    }

    /// The item a path names, in words; the path itself when it names
    /// something this does not know.
    fn describe(&self, path: &str) -> String {
        let ctx = self.ctx;
        let c = ctx.c;
        let t = |de, en| ctx.tr(de, en);
        let Some((coll, rest)) = path.split_once('[') else {
            let whole = match path {
                "" => t("das Konzept als Ganzes", "the concept as a whole"),
                "measures" => t("alle Maßnahmen", "all measures"),
                "goals" => t("alle Ziele", "all goals"),
                "indicators" => t("alle Indikatoren", "all indicators"),
                "fields" => t("alle Handlungsfelder", "all fields of action"),
                "events" => t("die Beteiligung insgesamt", "participation as a whole"),
                "resolutions" => t("alle Beschlüsse", "all resolutions"),
                "horizon" => t("Zeithorizont des Konzepts", "the concept's horizon"),
                "revisionCycleYears" => t("Fortschreibung des Konzepts", "the concept's revision"),
                _ => return path.to_owned(),
            };
            return whole.to_owned();
        };
        let Some((key, _)) = rest.split_once(']') else {
            return path.to_owned();
        };
        // By id, else by position (paths of items without a usable id).
        fn find<'x, T>(by_id: Option<&'x T>, all: &'x [T], key: &str) -> Option<&'x T> {
            by_id.or_else(|| key.parse::<usize>().ok().and_then(|i| all.get(i)))
        }
        let idx = ctx.idx();
        let named = |word: &str, number: Option<&str>, title: &str| {
            let mut s = word.to_owned();
            if let Some(n) = number.filter(|n| !n.trim().is_empty()) {
                s.push(' ');
                s.push_str(n);
            }
            match ctx.lang {
                Language::De => format!("{s} „{title}“"),
                Language::En => format!("{s} \u{201c}{title}\u{201d}"),
            }
        };
        let found = match coll {
            "measures" => find(idx.measure(key), &c.measures, key).map(|m| {
                let number = m.number.as_deref().or(Some(m.id.as_str()));
                named(t("Maßnahme", "Measure"), number, &m.title.text)
            }),
            "goals" => find(idx.goal(key), &c.goals, key)
                .map(|g| named(t("Ziel", "Goal"), g.number.as_deref(), &g.title.text)),
            "indicators" => find(idx.indicator(key), &c.indicators, key).map(|i| {
                named(
                    t("Indikator", "Indicator"),
                    i.number.as_deref(),
                    &i.name.text,
                )
            }),
            "fields" => find(idx.field(key), &c.fields, key).map(|f| {
                named(
                    t("Handlungsfeld", "Field of action"),
                    f.number.as_deref(),
                    &f.name.text,
                )
            }),
            "resolutions" => find(
                c.resolutions.iter().find(|r| r.id == key),
                &c.resolutions,
                key,
            )
            .map(|r| named(t("Beschluss", "Resolution"), None, &r.title.text)),
            "events" => find(idx.event(key), &c.events, key).map(|e| {
                let title = e.title.as_ref().map_or(ctx.label(e.kind), |t| &t.text);
                named(t("Veranstaltung", "Event"), None, title)
            }),
            "actors" => find(idx.actor(key), &c.actors, key)
                .map(|a| named(t("Akteur", "Actor"), None, &a.name.text)),
            "documents" => find(idx.document(key), &c.documents, key)
                .map(|d| named(t("Dokument", "Document"), None, &d.title.text)),
            _ => None,
        };
        found.unwrap_or_else(|| path.to_owned())
    }
}
