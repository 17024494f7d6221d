//! Übersicht: the concept at a glance — county, title, kind, horizon,
//! status, edition, Leitbild, key dates and resolutions, and how many
//! fields, goals, measures, indicators and events it has.

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::health::Severity;
use kreisentwicklung_core::monitoring::{LightCounts, TrafficLight};
use kreisentwicklung_core::{
    AdoptionSubject, CodeList, Collection, Concept, Consultation, ConsultationRole, Coverage, Date,
    ItemPath, Language, Outcome, Period, Reporting, Resolution, TerritoryKind, Votes,
};

use rust_xlsxwriter::Format;

use crate::book::Slot;
use crate::ctx::{join, lines, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::{check_rows, SheetWriter};

/// One line of the key dates: when, as exactly as known (a day, or "Mai
/// 2024"), and the day it sorts by.
struct KeyDate {
    when: Period,
    sort: Date,
    text: String,
    path: String,
}

fn key_dates(ctx: &Ctx) -> Vec<KeyDate> {
    let c = ctx.c;
    let mut out = Vec::new();
    for (i, r) in c.resolutions.iter().enumerate() {
        let item = crate::sheet::Item::new("resolutions", &r.id, i);
        for (k, step) in r.consultations.iter().enumerate() {
            let (when, planned) = match (step.when(), planned_when(step)) {
                (Some(p), _) => (p, false),
                (None, Some(p)) => (p, true),
                (None, None) => continue,
            };
            let Some(sort) = when.earliest().or_else(|| when.latest()) else {
                continue;
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
                when,
                sort,
                text,
                path: item.at("consultations", k).into(),
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
    // An event's day, named by what it marks and by the event.
    let event_date = |i: usize, day: Date, marks: &str| {
        let e = &c.events[i];
        let name = e
            .title
            .as_ref()
            .or(e.kind_label.as_ref())
            .map_or_else(|| e.kind.label(ctx.lang).to_owned(), |t| t.text.clone());
        KeyDate {
            when: Period::day(day),
            sort: day,
            text: format!("{marks}: {name}"),
            path: ItemPath::item("events", &e.id, i).into(),
        }
    };
    if let Some(&(i, start, _)) = dated.iter().min_by_key(|(i, s, _)| (*s, *i)) {
        let marks = ctx.tr("Beginn der Beteiligung", "Participation begins");
        out.push(event_date(i, start, marks));
    }
    if dated.len() > 1 {
        if let Some(&(i, _, end)) = dated.iter().max_by_key(|(i, _, e)| (*e, usize::MAX - *i)) {
            let marks = ctx.tr("Letzte Beteiligung", "Last participation event");
            out.push(event_date(i, end, marks));
        }
    }
    out.sort_by_key(|k| k.sort);
    out
}

/// When a step was planned for: its day, or the period ("im Jahr 2017").
fn planned_when(step: &Consultation) -> Option<Period> {
    step.planned_date
        .map(Period::day)
        .or_else(|| step.planned_period.clone())
}

/// The decisive step of adopting the concept: the deciding step (the
/// Kreistag's decision) of a resolution that adopts the concept, as
/// exactly as its date is known. The earliest positive decision; without
/// one, the latest decision taken or planned, whatever its outcome
/// (abgelehnt, vertagt, vorgelegt).
fn adoption_step(c: &Concept) -> Option<(&Resolution, &Consultation, Period, bool)> {
    let steps = c
        .resolutions
        .iter()
        .filter(|r| {
            r.adopts
                .iter()
                .any(|a| a.subject == AdoptionSubject::Concept)
        })
        .flat_map(|r| r.consultations.iter().map(move |s| (r, s)))
        .filter(|(_, s)| s.role == ConsultationRole::Decide);
    let mut positive: Option<(&Resolution, &Consultation, Period)> = None;
    let mut last: Option<(&Resolution, &Consultation, Period, bool)> = None;
    for (r, s) in steps {
        let (when, planned) = match (s.when(), planned_when(s)) {
            (Some(p), _) => (p, false),
            (None, Some(p)) => (p, true),
            (None, None) => continue,
        };
        if !planned
            && s.outcome.is_some_and(Outcome::is_positive)
            && positive.as_ref().is_none_or(|(_, _, p)| when < *p)
        {
            positive = Some((r, s, when.clone()));
        }
        if last.as_ref().is_none_or(|(_, _, p, _)| when >= *p) {
            last = Some((r, s, when, planned));
        }
    }
    positive.map(|(r, s, p)| (r, s, p, false)).or(last)
}

/// "Kreistag, 24.03.2021: beschlossen (Ja 38, Nein 5)", "Kreistag, geplant
/// für 2017".
fn adoption_text(ctx: &Ctx, step: &Consultation, when: &Period, planned: bool) -> String {
    let mut s = ctx.actor_name(&step.body);
    if planned {
        s.push_str(&format!(
            ", {} {}",
            ctx.tr("geplant für", "planned for"),
            ctx.period(when)
        ));
    } else {
        s.push_str(&format!(", {}", ctx.period(when)));
    }
    if let Some(o) = step.outcome {
        s.push_str(&format!(": {}", o.label(ctx.lang)));
    }
    if let Some(v) = step.votes.filter(|v| !v.is_empty()) {
        s.push_str(&format!(" ({})", votes_text(ctx.lang, &v)));
    }
    s
}

/// The known vote counts: "Ja 10, Nein 2" / "yes 10, no 2".
pub(crate) fn votes_text(lang: Language, v: &Votes) -> String {
    match lang {
        Language::De => v.to_string(),
        Language::En => [
            ("yes", v.yes),
            ("no", v.no),
            ("abstentions", v.abstain),
            ("excluded (bias)", v.biased),
        ]
        .into_iter()
        .filter_map(|(l, n)| n.map(|n| format!("{l} {n}")))
        .collect::<Vec<_>>()
        .join(", "),
    }
}

/// Writes the sheet (always present).
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    let dates = key_dates(ctx);
    let rows = 80 + dates.len();
    let (path, what) = SheetId::Overview.items(ctx.lang);
    check_rows(rows, name, path, what)?;

    let mut w = ctx.sheet(slot, name, rows)?;
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
    // A Kreis is a Kreis, never a Landkreis.
    let county = match c.territory.kind {
        TerritoryKind::Landkreis => ctx.tr("Landkreis", "County"),
        TerritoryKind::Kreis => ctx.tr("Kreis", "County"),
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
    add(
        ctx.tr("Kreissitz", "Seat of the administration"),
        c.territory
            .seat
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default(),
        "territory.seat",
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
        text_row(&mut w, &label, k, &v, || path.to_owned())?;
    }
    if let Some((r, step, when, planned)) = adoption_step(c) {
        let key = if planned || !step.outcome.is_some_and(Outcome::is_positive) {
            ctx.tr("Beschluss über das Konzept", "Decision on the concept")
        } else {
            ctx.tr("Beschlossen", "Adopted")
        };
        let k = r.consultations.iter().position(|s| std::ptr::eq(s, step));
        let i = c.resolutions.iter().position(|x| std::ptr::eq(x, r));
        let text = adoption_text(ctx, step, &when, planned);
        text_row(&mut w, &label, key, &text, || {
            let item = crate::sheet::Item::new("resolutions", &r.id, i.unwrap_or(0));
            item.at("consultations", k.unwrap_or(0)).into()
        })?;
    }
    if let Some(d) = &c.description {
        let key = ctx.tr("Beschreibung", "Description");
        text_row(&mut w, &label, key, &d.text, || "description".to_owned())?;
    }
    if let Some(v) = &c.vision {
        let key = match v.year {
            Some(y) => format!("{} {y}", ctx.tr("Leitbild", "Vision")),
            None => ctx.tr("Leitbild", "Vision").to_owned(),
        };
        text_row(&mut w, &label, &key, &v.text.text, || {
            "vision.text".to_owned()
        })?;
    }
    let principles = crate::ctx::numbered_lines(&c.guiding_principles);
    if !principles.is_empty() {
        let key = ctx.tr("Leitgedanken", "Guiding principles");
        text_row(&mut w, &label, key, &principles, || {
            "guidingPrinciples".to_owned()
        })?;
    }
    let themes = join(c.cross_cutting_themes.iter().map(|t| t.name.text.as_str()));
    if !themes.is_empty() {
        let key = ctx.tr("Querschnittsthemen", "Cross-cutting themes");
        text_row(&mut w, &label, key, &themes, || {
            "crossCuttingThemes".to_owned()
        })?;
    }

    // How the concept is monitored, and which lists are incomplete.
    for (key, value, path) in [
        (
            ctx.tr("Berichterstattung", "Reporting"),
            lines(c.reporting.iter().map(|r| reporting_text(ctx, r))),
            "reporting",
        ),
        (
            ctx.tr("Vollständigkeit der Listen", "Completeness of lists"),
            lines(c.coverage.iter().map(|k| coverage_text(ctx, k))),
            "coverage",
        ),
    ] {
        if value.is_empty() {
            continue;
        }
        text_row(&mut w, &label, key, &value, || path.to_owned())?;
    }

    if !dates.is_empty() {
        w.next_row();
        let title = ctx.tr("Termine und Beschlüsse", "Key dates and resolutions");
        section_row(&mut w, &section, title)?;
        for d in &dates {
            match &d.when {
                Period::Day { date } => w.date(0, *date)?,
                p => w.text_as(0, &ctx.period(p), Style::Text, || d.path.clone())?,
            }
            w.text_as(1, &d.text, Style::Wrap, || d.path.clone())?;
            w.next_row();
        }
    }

    w.next_row();
    let eval = &ctx.eval;
    section_row(&mut w, &section, ctx.tr("Ampeln", "Traffic lights"))?;
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
        text_row(
            &mut w,
            &label,
            k,
            &light_counts(ctx.lang, &counts),
            String::new,
        )?;
    }
    let findings = finding_counts(ctx.lang, &eval.finding_counts);
    let key = ctx.tr("Prüfbericht", "Health report");
    text_row(&mut w, &label, key, &findings, String::new)?;
    legend(ctx, &mut w)?;

    w.next_row();
    section_row(&mut w, &section, ctx.tr("Umfang", "Contents"))?;
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
    w.page(ctx.page(true));
    w.finish(slot)
}

/// A row of a label (column A) and its text (column B, wrapped); `path`
/// names the text's place in the concept for errors.
fn text_row(
    w: &mut SheetWriter,
    label: &Format,
    key: &str,
    text: &str,
    path: impl FnOnce() -> String,
) -> Result<(), ExportError> {
    w.text_with(0, key, label, 0.0, String::new)?;
    w.text_as(1, text, Style::Wrap, path)?;
    w.next_row();
    Ok(())
}

/// A section heading in column A, on a row of its own.
fn section_row(w: &mut SheetWriter, section: &Format, title: &str) -> Result<(), ExportError> {
    w.text_with(0, title, section, 0.0, String::new)?;
    w.min_height(18.0);
    w.next_row();
    Ok(())
}

/// "im Haushaltsplan (jährlich, seit 2019)": where and how often progress
/// is reported.
fn reporting_text(ctx: &Ctx, r: &Reporting) -> String {
    let mut details = Vec::new();
    if let Some(f) = r.frequency {
        details.push(f.label(ctx.lang).to_owned());
    }
    if let Some(b) = &r.body {
        details.push(format!("{} {}", ctx.tr("an", "to"), ctx.actor_name(b)));
    }
    if let Some(y) = r.since_year {
        details.push(format!("{} {y}", ctx.tr("seit", "since")));
    }
    if let Some(d) = r.last_updated {
        details.push(format!(
            "{} {}",
            ctx.tr("letzte Aktualisierung", "last updated"),
            ctx.day(d)
        ));
    }
    if let Some(d) = &r.document {
        details.push(ctx.document_title(d));
    }
    if let Some(u) = r.url.as_deref().filter(|u| !u.trim().is_empty()) {
        details.push(u.to_owned());
    }
    let mut s = r.kind.label(ctx.lang).to_owned();
    if !details.is_empty() {
        s.push_str(&format!(" ({})", details.join(", ")));
    }
    if let Some(n) = r.note.as_ref().filter(|n| !n.is_blank()) {
        s.push_str(&format!(": {n}"));
    }
    s
}

/// A list the concept gives only in part: "Maßnahmen / Projekte: 12 von 35
/// aufgeführt; übrige: im Haushaltsplan", or when it lists none of them
/// "… nicht einzeln aufgeführt; enthalten in: Projektkatalog".
fn coverage_text(ctx: &Ctx, k: &Coverage) -> String {
    let c = ctx.c;
    let listed = match k.collection {
        Collection::Fields => c.fields.len(),
        Collection::Goals => c.goals.len(),
        Collection::Measures => c.measures.len(),
        Collection::Indicators => c.indicators.len(),
        Collection::Actors => c.actors.len(),
        Collection::Events => c.events.len(),
        Collection::Resolutions => c.resolutions.len(),
        Collection::Documents => c.documents.len(),
        Collection::CrossCuttingThemes => c.cross_cutting_themes.len(),
    };
    let name = k.collection.label(ctx.lang);
    let de = ctx.lang == Language::De;
    let mut s = match (listed, k.total) {
        (0, None) => format!(
            "{name}: {}",
            ctx.tr("nicht einzeln aufgeführt", "not listed one by one")
        ),
        (0, Some(t)) if de => format!("{name}: nicht einzeln aufgeführt, insgesamt {t}"),
        (0, Some(t)) => format!("{name}: not listed one by one, {t} in total"),
        (n, Some(t)) if de => format!("{name}: {n} von {t} aufgeführt"),
        (n, Some(t)) => format!("{name}: {n} of {t} listed"),
        (n, None) if de => format!("{name}: nur eine Auswahl aufgeführt ({n})"),
        (n, None) => format!("{name}: only some listed ({n})"),
    };
    let place = k
        .kept_in
        .as_ref()
        .filter(|t| !t.is_blank())
        .map(|t| t.text.clone());
    let doc = k.document.as_ref().map(|d| ctx.document_title(d));
    let kept = match (place, doc) {
        (Some(p), Some(d)) if p != d => format!("{p} ({d})"),
        (Some(p), _) => p,
        (None, Some(d)) => d,
        (None, None) => String::new(),
    };
    if !kept.is_empty() {
        let word = match (listed, de) {
            (0, true) => "enthalten in",
            (0, false) => "kept in",
            (_, true) => "übrige",
            (_, false) => "the rest",
        };
        s.push_str(&format!("; {word}: {kept}"));
    }
    s
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
        return crate::names::tr(lang, "keine Befunde", "no findings").to_owned();
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
    let what = ctx.tr("Was die Ampel misst", "What the light measures");
    let text = ctx.tr(
        "Die Ampel vergleicht den erreichten Fortschritt mit dem Fortschritt, der am Stand der \
             Auswertung nach dem Zeitplan zu erwarten war. Sie wird aus den Indikatoren berechnet, \
             bei Maßnahmen ohne messbaren Indikator aus ihrem Status; Ziele und Handlungsfelder \
             fassen ihre Maßnahmen, Unterziele und Indikatoren zusammen.",
        "The light compares the progress achieved with the progress expected by the \
             evaluation date from the schedule. It is computed from the indicators, for measures \
             without a measurable indicator from their status; goals and fields of action sum up \
             their measures, sub-goals and indicators.",
    );
    text_row(w, label, what, text, String::new)?;
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
        text_row(
            w,
            format,
            light.label(ctx.lang),
            ctx.tr(de, en),
            String::new,
        )?;
    }
    let status = ctx.tr("Status einer Maßnahme", "Status of a measure");
    let text = ctx.tr(
            "Der Status (umgesetzt, in Bearbeitung, noch nicht begonnen …) ist der Stand der \
             Umsetzung, wie ihn die Verwaltung meldet, und wird nicht berechnet; seine Farbe in \
             den Tabellen ist keine Ampel. Eine Maßnahme, deren Zeitraum noch nicht begonnen hat, \
             ist „noch nicht begonnen“ und zugleich im Plan (grün).",
            "The status (completed, in progress, not started …) is the state of implementation \
             as reported by the administration, not computed; its colour in the tables is not a \
             traffic light. A measure whose period has not begun yet is \u{201c}not started\u{201d} \
             and on track (green) at the same time.",
    );
    text_row(w, label, status, text, String::new)
}
