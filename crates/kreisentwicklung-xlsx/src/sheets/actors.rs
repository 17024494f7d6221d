//! Akteure: everyone taking part.
//!
//! Mitglieder shows one member a line, `name (role)` ([`member_text`]); the
//! reader reads it back with the same function (rules in `crate::read`).

use std::collections::HashMap;

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::{CodeList, Commission, Id, Membership};

use crate::book::Slot;
use crate::ctx::{lines, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::{def, Item};

column_table! {
    /// The columns, defined once for the writer and the reader (`crate::read`).
    NAME: def("name", "Name", "Name", Style::Wrap, 40.0),
    KIND: def("kind", "Art", "Kind", Style::Text, 28.0),
    FUNCTION: def("function", "Funktion", "Function", Style::Wrap, 35.0),
    ORGANIZATION: def("organization", "Organisation", "Organisation", Style::Wrap, 35.0),
    MEMBERS: def("members", "Mitglieder", "Members", Style::Wrap, 50.0),
    CONTRACTORS: def("contractors", "Auftragnehmer", "Contractors", Style::Wrap, 40.0),
    CLIENTS: def("clients", "beauftragt von", "Commissioned by", Style::Wrap, 40.0),
    DESCRIPTION: def("description", "Beschreibung", "Description", Style::Wrap, 50.0),
    COUNT: def("count", "Anzahl", "Count", Style::Integer, 10.0),
    URL: def("url", "Internetadresse", "Web address", Style::Link, 45.0),
}

/// Writes the sheet; nothing when there are no actors.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.actors.is_empty() {
        return Ok(());
    }
    let mut w = ctx.sheet(slot, name, 1 + c.actors.len())?;
    w.begin_table(SheetId::Actors, COLUMNS, c.actors.len())?;
    w.freeze_columns(1);
    // Who commissioned each actor, in list order.
    let mut clients_of: HashMap<&str, Vec<(&Id, &Commission)>> = HashMap::new();
    for client in &c.actors {
        for k in &client.commissioned {
            clients_of
                .entry(k.contractor.as_str())
                .or_default()
                .push((&client.id, k));
        }
    }
    for (i, a) in c.actors.iter().enumerate() {
        let item = Item::new("actors", &a.id, i);
        w.text(NAME, &a.name.text, || item.field("name"))?;
        w.label(KIND, ctx.label(a.kind))?;
        if let Some(f) = &a.function {
            w.text(FUNCTION, &f.text, || item.field("function"))?;
        }
        if let Some(o) = &a.organization {
            w.text(ORGANIZATION, &ctx.actor_name(o), || {
                item.field("organization")
            })?;
        }
        let members = a.members.iter().map(|m| member_text(ctx, m));
        w.text(MEMBERS, &lines(members), || item.field("members"))?;
        // Auftraggeber → Auftragnehmer, shown on both sides.
        let contractors = a
            .commissioned
            .iter()
            .map(|k| with_task(ctx, &k.contractor, k));
        w.text(CONTRACTORS, &lines(contractors), || {
            item.field("commissioned")
        })?;
        let clients = clients_of
            .get(a.id.as_str())
            .into_iter()
            .flatten()
            .map(|&(client, k)| with_task(ctx, client, k));
        w.text(CLIENTS, &lines(clients), String::new)?;
        if let Some(d) = &a.description {
            w.text(DESCRIPTION, &d.text, || item.field("description"))?;
        }
        if let Some(n) = a.count {
            w.integer(COUNT, u64::from(n))?;
        }
        if let Some(u) = &a.url {
            w.url(URL, u, u, || item.field("url"))?;
        }
        w.next_row();
    }
    w.end_table()?;
    w.page(ctx.page(true).repeat_columns(0, 0));
    w.finish(slot)
}

/// One member as shown in Mitglieder (one a line): "name", "name (role)"
/// or "name (role as written)".
pub(crate) fn member_text(ctx: &Ctx, m: &Membership) -> String {
    let name = ctx.actor_name(&m.actor);
    match (&m.role_label, m.role) {
        (Some(l), _) if !l.is_blank() => format!("{name} ({l})"),
        (_, Some(r)) => format!("{name} ({})", r.label(ctx.lang)),
        _ => name,
    }
}

/// "KoRiS (externe Prozessbegleitung)": an actor with the task of the
/// commission.
fn with_task(ctx: &Ctx, actor: &Id, k: &Commission) -> String {
    let name = ctx.actor_name(actor);
    match k.task.as_ref().filter(|t| !t.is_blank()) {
        Some(task) => format!("{name} ({task})"),
        None => name,
    }
}
