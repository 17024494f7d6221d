//! Beteiligung read back: format, title, period, location, count, fields
//! of action, topics, purpose, outcome and description of the events;
//! rows added below the table become new events; audience, participants,
//! documents and the event an event is part of are composite columns
//! ([`composite`]).

use kreisentwicklung_core::{CodeList, Event, EventKind, Id, ParticipantCount, Text};

use super::cells::tr;
use super::composite;
use super::edit::{self, At};
use super::items::{collection, text, titled_rows, Edit, Sheet, Written};
use super::table::{Row, Spec};
use super::Report;
use crate::ctx::{join, Ctx};
use crate::sheets::participation::title_text;

/// One row per event, in chronological order, matched by title.
pub(crate) struct Events;

impl Sheet for Events {
    collection!(Event, events);
    const SPEC: Spec = Spec {
        read: &[
            "kind",
            "title",
            "period",
            "location",
            "audience",
            "participants",
            "count",
            "fields",
            "topics",
            "purpose",
            "outcome",
            "documents",
            "parent",
            "description",
        ],
        columns: crate::sheets::participation::COLUMNS,
        path: "events",
        key: "title",
        title: "title",
        numbered: false,
        what: ("Veranstaltung", "event"),
    };

    fn rows(ctx: &Ctx<'_>) -> Vec<Written> {
        let order = crate::sheets::participation::chronological(ctx.c);
        let mut rows = titled_rows(order.iter().map(|&i| title_text(&ctx.c.events[i])));
        for (row, i) in rows.iter_mut().zip(order) {
            row.item = i;
        }
        rows
    }
    fn blank(id: Id, _key: &str) -> Event {
        Event::new(id, EventKind::ALL[0])
    }
    fn edit(mut e: Edit<'_, '_, Event>) {
        let (report, at, r, ctx, w) = (&mut *e.report, e.at, e.r, e.ctx, e.w);
        let t = &mut e.items[e.i];
        edit::required_code::<EventKind>(report, at, r, "kind", w.kind, &mut t.kind);
        edit_title(report, at, r, w, t);
        period(report, at, r, ctx, w, t);
        text!(report, at, r, w, t, location);
        let mut count = t.participant_count.as_ref().map(|n| n.value);
        let written = w.participant_count.as_ref().map(|n| n.value);
        edit::count(
            report,
            at,
            r,
            ("count", "participantCount"),
            written,
            &mut count,
        );
        match count {
            None => t.participant_count = None,
            Some(value) => {
                t.participant_count
                    .get_or_insert(ParticipantCount {
                        value,
                        approximate: false,
                        text: None,
                    })
                    .value = value
            }
        }
        let fields = join(w.fields.iter().map(|f| ctx.field_name(f)));
        edit::refs(
            report,
            at,
            r,
            "fields",
            ';',
            &fields,
            ("Handlungsfeld", "field of action"),
            |s| {
                ctx.c
                    .fields
                    .iter()
                    .find(|f| f.name.text.trim() == s || f.id.as_str() == s)
                    .map(|f| f.id.clone())
            },
            &mut t.fields,
        );
        if let Some((text, col)) = edit::column_text(r, "topics") {
            let shown = join(w.topics.iter().map(|t| t.text.as_str()));
            if text != shown.trim() {
                let topics: Vec<Text> = text
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(Text::new)
                    .collect();
                let path = at.path("topics");
                report.set(
                    at.sheet,
                    at.row,
                    col,
                    path,
                    &w.topics,
                    topics,
                    &mut t.topics,
                );
            }
        }
        text!(report, at, r, w, t, purpose);
        text!(report, at, r, w, t, outcome);
        text!(report, at, r, w, t, description);
        composite::audience(&mut e);
        composite::participants(&mut e);
        composite::documents(&mut e);
        composite::parent(&mut e);
    }
}

/// Titel: the format's name as written stays in front when it is kept.
fn edit_title(report: &mut Report, at: &At<'_>, r: &Row, w: &Event, t: &mut Event) {
    let Some((text, col)) = edit::column_text(r, "title") else {
        return;
    };
    if text == title_text(w).trim() {
        return;
    }
    let kind_label = w.kind_label.as_ref().filter(|k| !k.is_blank());
    let new = match kind_label {
        Some(k) if text == k.text.trim() => None,
        Some(k) => Some(
            text.strip_prefix(&format!("{}:", k.text.trim()))
                .map_or(text.as_str(), str::trim)
                .to_owned(),
        ),
        None => (!text.is_empty()).then(|| text.clone()),
    };
    let old = t.title.as_ref().map(|x| x.text.clone());
    let written = w.title.as_ref().map(|x| x.text.clone());
    let mut current = old.clone();
    report.set(
        at.sheet,
        at.row,
        col,
        at.path("title"),
        &written,
        new,
        &mut current,
    );
    if current != old {
        t.title = current.map(Text::new);
    }
}

/// Zeitraum, with " und nach Bedarf" for formats repeated as needed.
fn period(report: &mut Report, at: &At<'_>, r: &Row, ctx: &Ctx<'_>, w: &Event, t: &mut Event) {
    let Some((text, col)) = edit::column_text(r, "period") else {
        return;
    };
    let as_needed = ctx.tr("nach Bedarf", "as needed");
    let suffix = ctx.tr(" und nach Bedarf", " and as needed");
    let shown = match &w.period {
        Some(p) if w.as_needed => format!("{}{suffix}", ctx.period(p)),
        Some(p) => ctx.period(p),
        None if w.as_needed => as_needed.to_owned(),
        None => String::new(),
    };
    if text == shown.trim() {
        return;
    }
    let (rest, needed) = if text == as_needed {
        ("", true)
    } else {
        match text.strip_suffix(suffix) {
            Some(rest) => (rest.trim(), true),
            None => (text.as_str(), false),
        }
    };
    match edit::parse_period(report.lang, rest) {
        Ok(p) => {
            report.set(
                at.sheet,
                at.row,
                col,
                at.path("period"),
                &w.period,
                p,
                &mut t.period,
            );
            let path = at.path("asNeeded");
            report.set(
                at.sheet,
                at.row,
                col,
                path,
                &w.as_needed,
                needed,
                &mut t.as_needed,
            );
        }
        Err(e) => {
            let msg = edit::period_error(report.lang, rest, &e);
            let hint = tr(report.lang, " (oder „nach Bedarf“)", " (or \"as needed\")");
            report.error(at.sheet, at.row, col, msg + &hint);
        }
    }
}
