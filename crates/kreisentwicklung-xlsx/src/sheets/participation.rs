//! Beteiligung: participation events in chronological order.
//!
//! The composite columns are printed by one function each, which the reader
//! uses too (rules in `crate::read`): Zielgruppe ([`audience_text`]: labels,
//! then the audience as written, `; `-separated), Teilnehmende
//! ([`participants_text`]: the count in words, then `name (role)`),
//! Dokumente ([`documents_text`]: titles, press after `Presse: `) and Teil
//! von ([`parent_text`]).

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::{CodeList, Concept, Event, Id, Language, Participant, ParticipantRole};

use crate::book::Slot;
use crate::ctx::{join, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::{def, Item};

column_table! {
    /// The columns, defined once for the writer and the reader (`crate::read`).
    KIND: def("kind", "Format", "Format", Style::Text, 28.0),
    TITLE: def("title", "Titel", "Title", Style::Wrap, 45.0),
    PERIOD: def("period", "Zeitraum", "Period", Style::Text, 28.0),
    START: def("start", "Beginn", "Start", Style::Date, 12.0),
    END: def("end", "Ende", "End", Style::Date, 12.0),
    OCCURRENCES: def("occurrences", "Anzahl Termine", "Occurrences", Style::Integer, 10.0),
    DURATION: def("duration", "Dauer", "Duration", Style::Text, 14.0),
    LOCATION: def("location", "Ort", "Location", Style::Wrap, 25.0),
    OCCASION: def("occasion", "Anlass", "Occasion", Style::Wrap, 30.0),
    AUDIENCE: def("audience", "Zielgruppe", "Audience", Style::Wrap, 35.0),
    PARTICIPANTS: def("participants", "Teilnehmende", "Participants", Style::Wrap, 45.0),
    COUNT: def("count", "Anzahl", "Count", Style::Integer, 12.0),
    FIELDS: def("fields", "Handlungsfelder", "Fields of action", Style::Wrap, 30.0),
    TOPICS: def("topics", "Themen", "Topics", Style::Wrap, 35.0),
    PURPOSE: def("purpose", "Inhalte", "Purpose", Style::Wrap, 45.0),
    OUTCOME: def("outcome", "Ergebnis", "Outcome", Style::Wrap, 45.0),
    DOCUMENTS: def("documents", "Dokumente", "Documents", Style::Wrap, 45.0),
    PARENT: def("parent", "Teil von", "Part of", Style::Wrap, 30.0),
    DESCRIPTION: def("description", "Beschreibung", "Description", Style::Wrap, 50.0),
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

/// Titel as shown: "format name: title", or either alone.
pub(crate) fn title_text(e: &Event) -> String {
    match (&e.kind_label, &e.title) {
        (Some(k), Some(t)) if !k.is_blank() => format!("{k}: {t}"),
        (_, Some(t)) => t.text.clone(),
        (Some(k), None) => k.text.clone(),
        (None, None) => String::new(),
    }
}

/// Zielgruppe as shown: the audiences' labels, then the audience as
/// written, joined by [`SEPARATOR`](crate::ctx::SEPARATOR).
pub(crate) fn audience_text(ctx: &Ctx, e: &Event) -> String {
    let labels = e.audience.iter().map(|a| ctx.label(*a));
    let written = e.audience_description.as_ref().map(|d| d.text.as_str());
    join(labels.chain(written))
}

/// One participant as shown: "name", or "name (role)" for a role other
/// than Teilnahme.
pub(crate) fn participant_text(ctx: &Ctx, p: &Participant) -> String {
    let name = ctx.actor_name(&p.actor);
    match p.role {
        Some(r) if r != ParticipantRole::Participant => format!("{name} ({})", r.label(ctx.lang)),
        _ => name,
    }
}

/// Teilnehmende as shown: the count as written ("rund fünfzig") first,
/// then the participants.
pub(crate) fn participants_text(ctx: &Ctx, e: &Event) -> String {
    let count = e.participant_count.as_ref().and_then(|n| n.text.as_ref());
    let count = count.map(|t| t.text.clone());
    join(
        count
            .into_iter()
            .chain(e.participants.iter().map(|p| participant_text(ctx, p))),
    )
}

/// What stands before a press article in Dokumente ("Presse: title").
pub(crate) fn press_prefix(lang: Language) -> &'static str {
    crate::names::tr(lang, "Presse: ", "Press: ")
}

/// Dokumente as shown: the documents' titles, then the press articles
/// after [`press_prefix`].
pub(crate) fn documents_text(ctx: &Ctx, e: &Event) -> String {
    let press = press_prefix(ctx.lang);
    let docs = e.documents.iter().map(|d| ctx.document_title(d));
    let articles = e
        .press
        .iter()
        .map(|d| format!("{press}{}", ctx.document_title(d)));
    join(docs.chain(articles))
}

/// Teil von as shown: the parent's [`event_name`] (its id when it does not
/// exist).
pub(crate) fn parent_text(ctx: &Ctx, parent: &Id) -> String {
    ctx.idx()
        .event(parent.as_str())
        .map_or_else(|| parent.to_string(), |p| event_name(p, ctx.lang))
}

/// An event as named in Teil von: its title, else its format's name as
/// written, else its format.
pub(crate) fn event_name(e: &Event, lang: Language) -> String {
    e.title
        .as_ref()
        .or(e.kind_label.as_ref())
        .map_or_else(|| e.kind.label(lang).to_owned(), |t| t.text.clone())
}

/// Writes the sheet; nothing when there are no events.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.events.is_empty() {
        return Ok(());
    }
    let mut w = ctx.sheet(slot, name, 1 + c.events.len())?;
    w.begin_table(SheetId::Participation, COLUMNS, c.events.len())?;
    w.freeze_columns(2);

    for i in chronological(c) {
        let e = &c.events[i];
        let item = Item::new("events", &e.id, i);
        w.label(KIND, ctx.label(e.kind))?;
        w.text(TITLE, &title_text(e), || item.field("title"))?;
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
        w.text(AUDIENCE, &audience_text(ctx, e), || {
            item.field("audienceDescription")
        })?;
        if let Some(n) = &e.participant_count {
            if n.approximate {
                w.approx_integer(COUNT, u64::from(n.value))?;
            } else {
                w.integer(COUNT, u64::from(n.value))?;
            }
        }
        w.text(PARTICIPANTS, &participants_text(ctx, e), || {
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
        w.text(DOCUMENTS, &documents_text(ctx, e), || {
            item.field("documents")
        })?;
        if let Some(parent) = &e.parent {
            w.text(PARENT, &parent_text(ctx, parent), || item.field("parent"))?;
        }
        if let Some(d) = &e.description {
            w.text(DESCRIPTION, &d.text, || item.field("description"))?;
        }
        w.next_row();
    }
    w.end_table()?;
    w.page(ctx.page(true).repeat_columns(0, 1));
    w.finish(slot)
}
