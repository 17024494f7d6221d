//! Übersicht: the concept at a glance — county, title, kind, horizon,
//! status, edition, Leitbild, key dates and resolutions, and how many
//! fields, goals, measures, indicators and events it has.

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::health::Severity;
use kreisentwicklung_core::monitoring::{LightCounts, TrafficLight};
use kreisentwicklung_core::{CodeList, Date, ItemPath, Language, TerritoryKind};
use rust_xlsxwriter::Workbook;

use crate::ctx::{join, Ctx};
use crate::formats::Style;
use crate::print::Page;
use crate::sheet::{check_rows, SheetWriter};

/// One line of the key dates.
struct KeyDate {
    date: Date,
    text: String,
    path: String,
}

fn key_dates(ctx: &Ctx) -> Vec<KeyDate> {
    let c = ctx.c;
    let mut out = Vec::new();
    for (i, r) in c.resolutions.iter().enumerate() {
        let item = crate::sheet::Item::new("resolutions", &r.id, i);
        for (k, step) in r.consultations.iter().enumerate() {
            let (date, planned) = match (step.date, step.planned_date) {
                (Some(d), _) => (d, false),
                (None, Some(d)) => (d, true),
                (None, None) => continue,
            };
            let mut text = format!("{}: {}", ctx.actor_name(&step.body), r.title);
            if let Some(o) = step.outcome {
                text.push_str(&format!(" – {}", o.label(ctx.lang)));
            } else {
                text.push_str(&format!(" – {}", step.role.label(ctx.lang)));
            }
            if planned {
                text.push_str(ctx.tr(" (geplant)", " (planned)"));
            }
            if let Some(p) = &r.paper {
                text.push_str(&format!(
                    " ({} {})",
                    ctx.tr("Drucksache", "paper"),
                    p.display()
                ));
            }
            out.push(KeyDate {
                date,
                text,
                path: format!("{}.consultations[{k}]", item.path()),
            });
        }
    }
    // The participation process: its first and its last event.
    let dated: Vec<(usize, Date, Date)> = c
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let p = e.period.as_ref()?;
            let start = p.earliest().or_else(|| p.latest())?;
            let end = p.latest().unwrap_or(start);
            Some((i, start, end))
        })
        .collect();
    let event_name = |i: usize| {
        let e = &c.events[i];
        e.title
            .as_ref()
            .or(e.kind_label.as_ref())
            .map_or_else(|| e.kind.label(ctx.lang).to_owned(), |t| t.text.clone())
    };
    if let Some(&(i, start, _)) = dated.iter().min_by_key(|(i, s, _)| (*s, *i)) {
        out.push(KeyDate {
            date: start,
            text: format!(
                "{}: {}",
                ctx.tr("Beginn der Beteiligung", "Participation begins"),
                event_name(i)
            ),
            path: ItemPath::item("events", &c.events[i].id, i).into(),
        });
    }
    if dated.len() > 1 {
        if let Some(&(i, _, end)) = dated.iter().max_by_key(|(i, _, e)| (*e, usize::MAX - *i)) {
            out.push(KeyDate {
                date: end,
                text: format!(
                    "{}: {}",
                    ctx.tr("Letzte Beteiligung", "Last participation event"),
                    event_name(i)
                ),
                path: ItemPath::item("events", &c.events[i].id, i).into(),
            });
        }
    }
    out.sort_by_key(|k| k.date);
    out
}

/// Writes the sheet (always present).
pub(crate) fn write(ctx: &Ctx, workbook: &mut Workbook, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    let dates = key_dates(ctx);
    let rows = 80 + dates.len();
    check_rows(rows, name, "resolutions", ctx.tr("Termine", "key dates"))?;

    let mut w = ctx.sheet(workbook, name, rows)?;
    w.cap(0, 30.0);
    w.cap(1, 100.0);
    let title = ctx.fmt.title.clone();
    let label = ctx.fmt.label.clone();
    let section = ctx.fmt.section.clone();
    w.text_with(0, &c.title.text, &title, 0.0, || "title".to_owned())?;
    w.min_height(21.0);
    w.next_row();
    w.next_row();

    let mut pairs: Vec<(&str, String, &str)> = Vec::new();
    let mut add = |k: &'static str, v: String, path: &'static str| {
        if !v.is_empty() {
            pairs.push((k, v, path));
        }
    };
    let county = match c.territory.kind {
        TerritoryKind::Landkreis | TerritoryKind::Kreis => ctx.tr("Landkreis", "County"),
        _ => ctx.tr("Gebiet", "Territory"),
    };
    add(county, c.territory.display_name(), "territory.name");
    add(
        ctx.tr("Kreisschlüssel", "Official key"),
        c.territory.key.clone().unwrap_or_default(),
        "territory.key",
    );
    add(
        ctx.tr("Bundesland", "State"),
        c.territory
            .state
            .map(|s| s.label(ctx.lang).to_owned())
            .unwrap_or_default(),
        "territory.state",
    );
    add(ctx.tr("Titel", "Title"), c.title.text.clone(), "title");
    add(
        ctx.tr("Kurztitel", "Short title"),
        c.short_title
            .as_ref()
            .map(|t| t.text.clone())
            .unwrap_or_default(),
        "shortTitle",
    );
    let kind = match &c.kind_label {
        Some(l) if !l.is_blank() => format!("{l} ({})", c.kind.label(ctx.lang)),
        _ => c.kind.label(ctx.lang).to_owned(),
    };
    add(ctx.tr("Art", "Kind"), kind, "kindLabel");
    add(
        ctx.tr("Zeithorizont", "Horizon"),
        c.horizon.map(|h| h.to_string()).unwrap_or_default(),
        "horizon",
    );
    add(
        ctx.tr("Status", "Status"),
        c.status.label(ctx.lang).to_owned(),
        "status",
    );
    if let Some(e) = &c.edition {
        let mut parts = Vec::new();
        if let Some(l) = &e.label {
            parts.push(l.text.clone());
        }
        if let Some(n) = e.number {
            parts.push(match ctx.lang {
                kreisentwicklung_core::Language::De => format!("{n}. Ausgabe"),
                kreisentwicklung_core::Language::En => format!("edition {n}"),
            });
        }
        if let Some(y) = e.year {
            parts.push(y.to_string());
        }
        add(ctx.tr("Ausgabe", "Edition"), parts.join(", "), "edition");
    }
    if let Some(p) = &c.predecessor {
        let mut s = p.title.text.clone();
        if let Some(y) = p.year {
            s.push_str(&format!(" ({y})"));
        }
        if p.goals_remain_valid {
            s.push_str(ctx.tr(
                "; Leitbild und Ziele gelten fort",
                "; its vision and goals remain valid",
            ));
        }
        if let Some(n) = &p.note {
            s.push_str(&format!("; {n}"));
        }
        add(ctx.tr("Vorgänger", "Predecessor"), s, "predecessor");
    }
    if let Some(y) = c.revision_cycle_years {
        add(
            ctx.tr("Fortschreibung", "Revision"),
            match ctx.lang {
                kreisentwicklung_core::Language::De => format!("spätestens alle {y} Jahre"),
                kreisentwicklung_core::Language::En => format!("at least every {y} years"),
            },
            "revisionCycleYears",
        );
    }
    // Funding of the planning process itself (not of a measure).
    add(
        ctx.tr("Förderung des Prozesses", "Funding of the process"),
        join(c.process_funding.iter().map(|f| ctx.funding_text(f))),
        "processFunding",
    );
    for (k, v, path) in pairs {
        w.text_with(0, k, &label, 0.0, String::new)?;
        w.text_as(1, &v, Style::Wrap, || path.to_owned())?;
        w.next_row();
    }
    if let Some(d) = c.adopted_on() {
        w.text_with(
            0,
            ctx.tr("Beschlossen am", "Adopted on"),
            &label,
            0.0,
            String::new,
        )?;
        w.date(1, d)?;
        w.next_row();
    }
    if let Some(d) = &c.description {
        w.text_with(
            0,
            ctx.tr("Beschreibung", "Description"),
            &label,
            0.0,
            String::new,
        )?;
        w.text_as(1, &d.text, Style::Wrap, || "description".to_owned())?;
        w.next_row();
    }
    if let Some(v) = &c.vision {
        let key = match v.year {
            Some(y) => format!("{} {y}", ctx.tr("Leitbild", "Vision")),
            None => ctx.tr("Leitbild", "Vision").to_owned(),
        };
        w.text_with(0, &key, &label, 0.0, String::new)?;
        w.text_as(1, &v.text.text, Style::Wrap, || "vision.text".to_owned())?;
        w.next_row();
    }
    let themes = join(c.cross_cutting_themes.iter().map(|t| t.name.text.as_str()));
    if !themes.is_empty() {
        w.text_with(
            0,
            ctx.tr("Querschnittsthemen", "Cross-cutting themes"),
            &label,
            0.0,
            String::new,
        )?;
        w.text_as(1, &themes, Style::Wrap, || "crossCuttingThemes".to_owned())?;
        w.next_row();
    }

    if !dates.is_empty() {
        w.next_row();
        w.text_with(
            0,
            ctx.tr("Termine und Beschlüsse", "Key dates and resolutions"),
            &section,
            0.0,
            String::new,
        )?;
        w.min_height(18.0);
        w.next_row();
        for d in &dates {
            w.date(0, d.date)?;
            w.text_as(1, &d.text, Style::Wrap, || d.path.clone())?;
            w.next_row();
        }
    }

    w.next_row();
    let eval = &ctx.eval;
    w.text_with(
        0,
        ctx.tr("Ampeln", "Traffic lights"),
        &section,
        0.0,
        String::new,
    )?;
    w.min_height(18.0);
    w.next_row();
    w.text_with(
        0,
        ctx.tr("Stand der Auswertung", "Evaluated as of"),
        &label,
        0.0,
        String::new,
    )?;
    w.date(1, eval.today)?;
    w.next_row();
    let overall = eval.monitoring.overall.light;
    let light_format = match overall {
        TrafficLight::Green => &ctx.fmt.green,
        TrafficLight::Yellow => &ctx.fmt.yellow,
        TrafficLight::Red => &ctx.fmt.red,
        TrafficLight::Grey => &ctx.fmt.grey,
    }
    .clone();
    w.text_with(0, ctx.tr("Gesamt", "Overall"), &label, 0.0, String::new)?;
    w.text_with(1, overall.label(ctx.lang), &light_format, 0.0, String::new)?;
    w.next_row();
    let m = &eval.monitoring;
    for (k, counts, n) in [
        (
            ctx.tr("Handlungsfelder", "Fields of action"),
            m.field_lights(),
            c.fields.len(),
        ),
        (ctx.tr("Ziele", "Goals"), m.goal_lights(), c.goals.len()),
        (
            ctx.tr("Maßnahmen", "Measures"),
            eval.measure_lights,
            c.measures.len(),
        ),
        (
            ctx.tr("Indikatoren", "Indicators"),
            eval.indicator_lights,
            c.indicators.len(),
        ),
    ] {
        if n == 0 {
            continue;
        }
        w.text_with(0, k, &label, 0.0, String::new)?;
        w.text_as(
            1,
            &light_counts(ctx.lang, &counts),
            Style::Wrap,
            String::new,
        )?;
        w.next_row();
    }
    w.text_with(
        0,
        ctx.tr("Prüfbericht", "Health report"),
        &label,
        0.0,
        String::new,
    )?;
    w.text_as(
        1,
        &finding_counts(ctx.lang, &eval.finding_counts),
        Style::Wrap,
        String::new,
    )?;
    w.next_row();
    legend(ctx, &mut w)?;

    w.next_row();
    w.text_with(0, ctx.tr("Umfang", "Contents"), &section, 0.0, String::new)?;
    w.min_height(18.0);
    w.next_row();
    let counts = [
        (
            ctx.tr("Handlungsfelder", "Fields of action"),
            c.fields.len(),
        ),
        (ctx.tr("Ziele", "Goals"), c.goals.len()),
        (ctx.tr("Maßnahmen", "Measures"), c.measures.len()),
        (ctx.tr("Indikatoren", "Indicators"), c.indicators.len()),
        (
            ctx.tr("Beteiligungsveranstaltungen", "Participation events"),
            c.events.len(),
        ),
        (ctx.tr("Akteure", "Actors"), c.actors.len()),
        (ctx.tr("Beschlüsse", "Resolutions"), c.resolutions.len()),
        (ctx.tr("Dokumente", "Documents"), c.documents.len()),
    ];
    for (k, n) in counts {
        w.text_with(0, k, &label, 0.0, String::new)?;
        w.integer(1, n as u64)?;
        w.next_row();
    }
    w.page(Page::new(ctx, true));
    w.finish(workbook)
}

/// "2 grün, 1 gelb, 0 rot, 1 grau".
fn light_counts(lang: Language, counts: &LightCounts) -> String {
    TrafficLight::ALL
        .iter()
        .map(|l| format!("{} {}", counts.get(*l), l.label(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 Fehler, 5 Warnungen, 2 Hinweise" or "keine Befunde".
fn finding_counts(lang: Language, counts: &[(Severity, usize)]) -> String {
    if counts.iter().all(|&(_, n)| n == 0) {
        return crate::ctx::tr(lang, "keine Befunde", "no findings").to_owned();
    }
    counts
        .iter()
        .filter_map(|(s, n)| {
            let n = *n;
            let word = match (s, lang, n == 1) {
                (Severity::Error, Language::De, _) => "Fehler",
                (Severity::Warning, Language::De, true) => "Warnung",
                (Severity::Warning, Language::De, false) => "Warnungen",
                (Severity::Info, Language::De, true) => "Hinweis",
                (Severity::Info, Language::De, false) => "Hinweise",
                (Severity::Error, Language::En, true) => "error",
                (Severity::Error, Language::En, false) => "errors",
                (Severity::Warning, Language::En, true) => "warning",
                (Severity::Warning, Language::En, false) => "warnings",
                (Severity::Info, Language::En, true) => "note",
                (Severity::Info, Language::En, false) => "notes",
            };
            (n > 0).then(|| format!("{n} {word}"))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the traffic lights mean, and how they differ from the status a
/// measure is given: a measure not yet due is "noch nicht begonnen" and
/// still on schedule (grün).
fn legend(ctx: &Ctx, w: &mut SheetWriter) -> Result<(), ExportError> {
    let label = &ctx.fmt.label;
    w.text_with(
        0,
        ctx.tr("Was die Ampel misst", "What the light measures"),
        label,
        0.0,
        String::new,
    )?;
    w.text_as(
        1,
        ctx.tr(
            "Die Ampel vergleicht den erreichten Fortschritt mit dem Fortschritt, der am Stand der \
             Auswertung nach dem Zeitplan zu erwarten war. Sie wird aus den Indikatoren berechnet, \
             bei Maßnahmen ohne messbaren Indikator aus ihrem Status; Ziele und Handlungsfelder \
             fassen ihre Maßnahmen, Unterziele und Indikatoren zusammen.",
            "The light compares the progress achieved with the progress expected by the \
             evaluation date from the schedule. It is computed from the indicators, for measures \
             without a measurable indicator from their status; goals and fields of action sum up \
             their measures, sub-goals and indicators.",
        ),
        Style::Wrap,
        String::new,
    )?;
    w.next_row();
    for (light, format, de, en) in [
        (
            TrafficLight::Green,
            &ctx.fmt.green,
            "im Plan: mindestens 90 % des erwarteten Fortschritts erreicht",
            "on track: at least 90 % of the expected progress achieved",
        ),
        (
            TrafficLight::Yellow,
            &ctx.fmt.yellow,
            "im Verzug: 50 bis 90 % des erwarteten Fortschritts erreicht",
            "behind: 50 to 90 % of the expected progress achieved",
        ),
        (
            TrafficLight::Red,
            &ctx.fmt.red,
            "deutlich im Verzug: weniger als 50 % des erwarteten Fortschritts erreicht",
            "well behind: less than 50 % of the expected progress achieved",
        ),
        (
            TrafficLight::Grey,
            &ctx.fmt.grey,
            "nicht messbar: weder ein Indikator mit Werten und Zielwert noch ein Status",
            "cannot be measured: no indicator with values and a target, and no status",
        ),
    ] {
        w.text_with(0, light.label(ctx.lang), format, 0.0, String::new)?;
        w.text_as(1, ctx.tr(de, en), Style::Wrap, String::new)?;
        w.next_row();
    }
    w.text_with(
        0,
        ctx.tr("Status einer Maßnahme", "Status of a measure"),
        label,
        0.0,
        String::new,
    )?;
    w.text_as(
        1,
        ctx.tr(
            "Der Status (umgesetzt, in Bearbeitung, noch nicht begonnen …) ist der Stand der \
             Umsetzung, wie ihn die Verwaltung meldet, und wird nicht berechnet; seine Farbe in \
             den Tabellen ist keine Ampel. Eine Maßnahme, deren Zeitraum noch nicht begonnen hat, \
             ist „noch nicht begonnen“ und zugleich im Plan (grün).",
            "The status (completed, in progress, not started …) is the state of implementation \
             as reported by the administration, not computed; its colour in the tables is not a \
             traffic light. A measure whose period has not begun yet is \u{201c}not started\u{201d} \
             and on track (green) at the same time.",
        ),
        Style::Wrap,
        String::new,
    )?;
    w.next_row();
    Ok(())
}
