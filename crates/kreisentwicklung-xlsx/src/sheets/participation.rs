//! Beteiligung: participation events in chronological order.

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::{CodeList, Concept, ParticipantRole};
use rust_xlsxwriter::Workbook;

use crate::ctx::{join, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::print::Page;
use crate::sheet::{col, Column, Item};

const KIND: u16 = 0;
const TITLE: u16 = 1;
const PERIOD: u16 = 2;
const START: u16 = 3;
const END: u16 = 4;
const OCCURRENCES: u16 = 5;
const DURATION: u16 = 6;
const LOCATION: u16 = 7;
const OCCASION: u16 = 8;
const AUDIENCE: u16 = 9;
const PARTICIPANTS: u16 = 10;
const COUNT: u16 = 11;
const FIELDS: u16 = 12;
const TOPICS: u16 = 13;
const PURPOSE: u16 = 14;
const OUTCOME: u16 = 15;
const DOCUMENTS: u16 = 16;
const PARENT: u16 = 17;
const DESCRIPTION: u16 = 18;

/// The columns, also the reader's list of known headers.
pub(crate) fn columns(ctx: &Ctx) -> Vec<Column> {
    let t = |de, en| ctx.tr(de, en);
    vec![
        col(t("Format", "Format"), Style::Text, 28.0),
        col(t("Titel", "Title"), Style::Wrap, 45.0),
        col(t("Zeitraum", "Period"), Style::Text, 28.0),
        col(t("Beginn", "Start"), Style::Date, 12.0),
        col(t("Ende", "End"), Style::Date, 12.0),
        col(t("Anzahl Termine", "Occurrences"), Style::Integer, 10.0),
        col(t("Dauer", "Duration"), Style::Text, 14.0),
        col(t("Ort", "Location"), Style::Wrap, 25.0),
        col(t("Anlass", "Occasion"), Style::Wrap, 30.0),
        col(t("Zielgruppe", "Audience"), Style::Wrap, 35.0),
        col(t("Teilnehmende", "Participants"), Style::Wrap, 45.0),
        col(t("Anzahl", "Count"), Style::Integer, 12.0),
        col(t("Handlungsfelder", "Fields of action"), Style::Wrap, 30.0),
        col(t("Themen", "Topics"), Style::Wrap, 35.0),
        col(t("Inhalte", "Purpose"), Style::Wrap, 45.0),
        col(t("Ergebnis", "Outcome"), Style::Wrap, 45.0),
        col(t("Dokumente", "Documents"), Style::Wrap, 45.0),
        col(t("Teil von", "Part of"), Style::Wrap, 30.0),
        col(t("Beschreibung", "Description"), Style::Wrap, 50.0),
    ]
}

/// The events in chronological order ([`kreisentwicklung_core::Period`]'s
/// order); events without a period follow in list order.
pub(crate) fn chronological(c: &Concept) -> Vec<usize> {
    let mut order: Vec<usize> = (0..c.events.len()).collect();
    order.sort_by(|&a, &b| {
        match (&c.events[a].period, &c.events[b].period) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then(a.cmp(&b))
    });
    order
}

/// Writes the sheet; nothing when there are no events.
pub(crate) fn write(ctx: &Ctx, workbook: &mut Workbook, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.events.is_empty() {
        return Ok(());
    }
    let mut w = ctx.sheet(workbook, name, 1 + c.events.len())?;
    w.begin_table(
        SheetId::Participation.table_name(),
        columns(ctx),
        c.events.len(),
        "events",
        ctx.tr("Veranstaltungen", "events"),
    )?;
    w.freeze_columns(2);
    let press_word = ctx.tr("Presse", "Press");

    for i in chronological(c) {
        let e = &c.events[i];
        let item = Item::new("events", &e.id, i);
        w.label(KIND, ctx.label(e.kind))?;
        let title = match (&e.kind_label, &e.title) {
            (Some(k), Some(t)) if !k.is_blank() => format!("{k}: {t}"),
            (_, Some(t)) => t.text.clone(),
            (Some(k), None) => k.text.clone(),
            (None, None) => String::new(),
        };
        w.text(TITLE, &title, || item.field("title"))?;
        if let Some(p) = &e.period {
            let mut text = ctx.period(p);
            if e.as_needed {
                text.push_str(ctx.tr(" und nach Bedarf", " and as needed"));
            }
            w.text(PERIOD, &text, || item.field("period"))?;
            w.opt_date(START, p.earliest())?;
            w.opt_date(END, p.latest())?;
        } else if e.as_needed {
            w.label(PERIOD, ctx.tr("nach Bedarf", "as needed"))?;
        }
        // "zwei Besprechungen": one row for an event held several times.
        if let Some(n) = e.occurrences {
            w.integer(OCCURRENCES, u64::from(n))?;
        }
        if let Some(d) = e.duration {
            w.text(DURATION, &d.label(ctx.lang), || item.field("duration"))?;
        }
        if let Some(l) = &e.location {
            w.text(LOCATION, &l.text, || item.field("location"))?;
        }
        if let Some(o) = &e.occasion {
            w.text(OCCASION, &o.text, || item.field("occasion"))?;
        }
        let mut audience: Vec<String> = e
            .audience
            .iter()
            .map(|a| ctx.label(*a).to_owned())
            .collect();
        if let Some(d) = &e.audience_description {
            audience.push(d.text.clone());
        }
        w.text(AUDIENCE, &join(audience), || {
            item.field("audienceDescription")
        })?;
        let mut participants: Vec<String> = e
            .participants
            .iter()
            .map(|p| {
                let name = ctx.actor_name(&p.actor);
                match p.role {
                    Some(r) if r != ParticipantRole::Participant => {
                        format!("{name} ({})", r.label(ctx.lang))
                    }
                    _ => name,
                }
            })
            .collect();
        if let Some(n) = &e.participant_count {
            if let Some(t) = &n.text {
                participants.insert(0, t.text.clone());
            }
            if n.approximate {
                w.approx_integer(COUNT, u64::from(n.value))?;
            } else {
                w.integer(COUNT, u64::from(n.value))?;
            }
        }
        w.text(PARTICIPANTS, &join(participants), || {
            item.field("participants")
        })?;
        w.text(
            FIELDS,
            &join(e.fields.iter().map(|f| ctx.field_name(f))),
            || item.field("fields"),
        )?;
        w.text(TOPICS, &join(e.topics.iter().map(|t| t.as_str())), || {
            item.field("topics")
        })?;
        if let Some(p) = &e.purpose {
            w.text(PURPOSE, &p.text, || item.field("purpose"))?;
        }
        if let Some(o) = &e.outcome {
            w.text(OUTCOME, &o.text, || item.field("outcome"))?;
        }
        let docs = e.documents.iter().map(|d| ctx.document_title(d)).chain(
            e.press
                .iter()
                .map(|d| format!("{press_word}: {}", ctx.document_title(d))),
        );
        w.text(DOCUMENTS, &join(docs), || item.field("documents"))?;
        if let Some(parent) = &e.parent {
            let title = match ctx.idx().event(parent.as_str()) {
                Some(p) => p
                    .title
                    .as_ref()
                    .or(p.kind_label.as_ref())
                    .map_or_else(|| p.kind.label(ctx.lang).to_owned(), |t| t.text.clone()),
                None => parent.to_string(),
            };
            w.text(PARENT, &title, || item.field("parent"))?;
        }
        if let Some(d) = &e.description {
            w.text(DESCRIPTION, &d.text, || item.field("description"))?;
        }
        w.next_row();
    }
    w.end_table()?;
    w.page(Page::new(ctx, true).repeat_columns(0, 1));
    w.finish(workbook)
}
