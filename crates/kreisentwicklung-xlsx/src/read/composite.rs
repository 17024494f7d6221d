//! The composite columns: cells that show a list of entries with
//! references by name — Zielgruppe, Teilnehmende, Dokumente and Teil von of
//! Beteiligung, Mitglieder of Akteure, Gegenstand and Aufträge of
//! Beschlüsse. Each column is printed by one function of its sheet module
//! (`crate::sheets`), which the reader also uses: a cell as written leaves
//! the value as it is; an edited cell is read entry by entry, and an entry
//! shown as written keeps what the sheet does not show of it (a role
//! `Teilnahme`, the code behind a role as written). The rules for each
//! column are in the [module docs](super).

use kreisentwicklung_core::{
    Actor, Adoption, AdoptionSubject, Audience, CodeList, Concept, Event, Id, Language, Mandate,
    MemberRole, Membership, Participant, ParticipantRole, Resolution, Text,
};

use super::cells::{self, tr, Named, Value};
use super::edit::{self, At};
use super::items::Edit;
use super::refs::{self, list};
use super::table::Row;
use super::Report;
use crate::ctx::{Ctx, SEPARATOR};
use crate::sheets::{actors as actor_sheet, participation as events, resolutions as res_sheet};

/// The text of the cell of `key` and its column, when it was edited: `None`
/// when the table has no such column or the cell shows `written`, what the
/// writer wrote.
fn changed(r: &Row, key: &str, written: &str) -> Option<(String, u32)> {
    edit::column_text(r, key).filter(|(text, _)| text != written.trim())
}

/// The cell in column `col` of the row of `e`, and its item, to apply an
/// edit.
fn cell<'e, T>(e: &'e mut Edit<'_, '_, T>, col: u32) -> (Cell<'e>, &'e mut T) {
    let cell = Cell {
        report: &mut *e.report,
        at: e.at,
        col,
    };
    (cell, &mut e.items[e.i])
}

/// [`changed`] with the [`cell`].
fn edited<'e, T>(
    e: &'e mut Edit<'_, '_, T>,
    key: &str,
    written: &str,
) -> Option<(String, Cell<'e>, &'e mut T)> {
    let (text, col) = changed(e.r, key, written)?;
    let (cell, t) = cell(e, col);
    Some((text, cell, t))
}

/// Where the edits read from one cell go.
struct Cell<'e> {
    report: &'e mut Report,
    at: &'e At<'e>,
    col: u32,
}

impl Cell<'_> {
    /// Takes `new` unless it is what the workbook was written with or what
    /// `target` holds; lists the change with both as the sheet shows them.
    fn put<T: PartialEq>(
        &mut self,
        field: &str,
        written: &T,
        new: T,
        target: &mut T,
        shown: impl Fn(&T) -> String,
    ) {
        if new == *written || new == *target {
            return;
        }
        let dash = |s: String| if s.is_empty() { "—".to_owned() } else { s };
        let (old, now) = (dash(shown(target)), dash(shown(&new)));
        let at = self.at;
        let path = at.path(field);
        self.report.note(at.sheet, at.row, self.col, path, old, now);
        *target = new;
    }

    /// [`Cell::put`] for a text as written.
    fn put_text(
        &mut self,
        field: &str,
        written: Option<&Text>,
        new: Option<String>,
        target: &mut Option<Text>,
    ) {
        let text = |t: Option<&Text>| t.map(|t| t.text.clone());
        let mut current = text(target.as_ref());
        let shown = |d: &Option<String>| d.clone().unwrap_or_default();
        self.put(field, &text(written), new, &mut current, shown);
        if current != text(target.as_ref()) {
            *target = current.map(Text::new);
        }
    }

    /// An error in the cell: what is wrong, then what is allowed.
    fn refuse(&mut self, problem: String, (de, en): (&str, &str)) {
        let lang = self.report.lang;
        let allowed = tr(lang, "; erlaubt: ", "; allowed: ") + &tr(lang, de, en);
        self.error(problem + &allowed);
    }

    /// An error in the cell.
    fn error(&mut self, message: String) {
        self.report
            .error(self.at.sheet, self.at.row, self.col, message);
    }
}

/// The entry of `written` shown as `text` (it keeps what the sheet does not
/// show of it), else `text` read by `read`.
fn written_or<T: Clone>(
    written: &[T],
    text: &str,
    show: impl Fn(&T) -> String,
    read: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, String> {
    match written.iter().find(|x| show(x).trim() == text) {
        Some(x) => Ok(x.clone()),
        None => read(text),
    }
}

/// A column that shows a list (its key, which is also the field, the
/// separator of its entries and what is allowed): a cell as written leaves
/// the list; an edited cell is read by `read` and taken, the change shown
/// with the entries separated by `; `, or refused with what is allowed.
#[allow(clippy::ptr_arg)] // compared with the new list
fn list_column<T, E: PartialEq>(
    e: &mut Edit<'_, '_, T>,
    (key, sep, allowed): (&str, &str, (&str, &str)),
    written: &Vec<E>,
    target: impl FnOnce(&mut T) -> &mut Vec<E>,
    show: impl Fn(&E) -> String,
    read: impl FnOnce(&str) -> Result<Vec<E>, String>,
) {
    // As the writer joins them (crate::ctx::join or lines).
    let cell = |l: &Vec<E>, sep: &str| {
        let shown: Vec<String> = l.iter().map(&show).filter(|s| !s.is_empty()).collect();
        shown.join(sep)
    };
    let Some((text, mut at, t)) = edited(e, key, &cell(written, sep)) else {
        return;
    };
    match read(&text) {
        Ok(new) => at.put(key, written, new, target(t), |l| cell(l, SEPARATOR)),
        Err(problem) => at.refuse(problem, allowed),
    }
}

/// The entries of a cell split at `sep`: a part that `starts` does not
/// accept continues the entry before it (joined again by `sep`).
fn continued(text: &str, sep: &str, starts: impl Fn(&str) -> bool) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for part in refs::split(text, sep) {
        match entries.last_mut() {
            Some(last) if !starts(part) => {
                last.push_str(sep);
                last.push_str(part);
            }
            _ => entries.push(part.to_owned()),
        }
    }
    entries
}

/// A coded value by label or code, `None` when the text is none.
fn code<T: Named>(text: &str, lang: Language) -> Option<T> {
    cells::code::<T>(&Value::Text(text.to_owned()), lang)
        .ok()
        .flatten()
}

/// "name (role)": the name and the text in the last brackets.
fn bracketed(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind(" (")?;
    Some((inner[..open].trim(), inner[open + 2..].trim()))
}

/// An actor the text names, else the error naming it.
fn actor(c: &Concept, text: &str, lang: Language) -> Result<Id, String> {
    refs::require(refs::actor(c, text, lang), text, &refs::ACTOR, lang)
}

/// Zielgruppe: the leading parts that are audiences (by label or code) are
/// the audiences; from the first other part (or an audience repeated) on,
/// the parts are the audience as written.
pub(crate) fn audience(e: &mut Edit<'_, '_, Event>) {
    let (ctx, w) = (e.ctx, e.w);
    let Some((text, mut at, t)) = edited(e, "audience", &events::audience_text(ctx, w)) else {
        return;
    };
    let parts = refs::split(&text, SEPARATOR);
    let mut codes: Vec<Audience> = Vec::new();
    for part in &parts {
        match code::<Audience>(part, ctx.lang) {
            Some(a) if !codes.contains(&a) => codes.push(a),
            _ => break,
        }
    }
    let rest = parts[codes.len()..].join(SEPARATOR);
    let labels = |list: &Vec<Audience>| crate::ctx::join(list.iter().map(|a| ctx.label(*a)));
    at.put("audience", &w.audience, codes, &mut t.audience, labels);
    let description = (!rest.is_empty()).then_some(rest);
    let written = w.audience_description.as_ref();
    at.put_text(
        "audienceDescription",
        written,
        description,
        &mut t.audience_description,
    );
}

const PARTICIPANTS: (&str, &str) = (
    "Akteure mit Namen (wie im Blatt Akteure) oder Kennung, eine Rolle in Klammern (z. B. „Landrat (Vortrag)“), mehrere mit „;“ getrennt; vorn die Anzahl in Worten, wenn „Anzahl“ gefüllt ist",
    "actors by name (as in the sheet Actors) or id, a role in brackets (e.g. \"Landrat (speaker)\"), several separated by \";\"; first the count in words when \"Count\" is filled",
);

/// Teilnehmende: actors, "name (role)" for a role; when the event has a
/// count, a first part that names no actor is the count in words.
pub(crate) fn participants(e: &mut Edit<'_, '_, Event>) {
    let (ctx, w) = (e.ctx, e.w);
    let written = events::participants_text(ctx, w);
    let Some((text, mut at, t)) = edited(e, "participants", &written) else {
        return;
    };
    let entry = |s: &str| participant(ctx, &w.participants, s);
    let read = match list(&text, SEPARATOR, entry) {
        Ok(people) => Ok((None, people)),
        Err(e) if t.participant_count.is_none() => Err(e),
        Err(_) => {
            let (first, rest) = text.split_once(';').unwrap_or((text.as_str(), ""));
            list(rest, SEPARATOR, entry).map(|l| (Some(first.trim().to_owned()), l))
        }
    };
    let (words, people) = match read {
        Ok(read) => read,
        Err(problem) => return at.refuse(problem, PARTICIPANTS),
    };
    let shown =
        |l: &Vec<Participant>| crate::ctx::join(l.iter().map(|p| events::participant_text(ctx, p)));
    at.put(
        "participants",
        &w.participants,
        people,
        &mut t.participants,
        shown,
    );
    if let Some(count) = t.participant_count.as_mut() {
        let written = w.participant_count.as_ref().and_then(|n| n.text.as_ref());
        at.put_text("participantCount.text", written, words, &mut count.text);
    }
}

/// One participant: as written, an actor, or "actor (role)".
fn participant(ctx: &Ctx<'_>, written: &[Participant], text: &str) -> Result<Participant, String> {
    written_or(
        written,
        text,
        |p| events::participant_text(ctx, p),
        |text| new_participant(ctx, text),
    )
}

/// A participant not as written: an actor, or "actor (role)".
fn new_participant(ctx: &Ctx<'_>, text: &str) -> Result<Participant, String> {
    let lang = ctx.lang;
    let whole = match actor(ctx.c, text, lang) {
        Ok(who) => {
            return Ok(Participant {
                actor: who,
                role: None,
            })
        }
        Err(e) => e,
    };
    match bracketed(text)
        .and_then(|(name, role)| Some((name, code::<ParticipantRole>(role, lang)?)))
    {
        Some((name, role)) => Ok(Participant {
            actor: actor(ctx.c, name, lang)?,
            role: Some(role),
        }),
        None => Err(whole),
    }
}

const DOCUMENTS: (&str, &str) = (
    "Titel von Dokumenten (wie im Blatt Dokumente) oder Kennungen, Presseartikel mit „Presse: “ davor, mehrere mit „;“ getrennt",
    "titles of documents (as in the sheet Documents) or ids, press articles after \"Press: \", several separated by \";\"",
);

/// Dokumente: documents by title, press articles after "Presse: ".
pub(crate) fn documents(e: &mut Edit<'_, '_, Event>) {
    let (ctx, w) = (e.ctx, e.w);
    let Some((text, mut at, t)) = edited(e, "documents", &events::documents_text(ctx, w)) else {
        return;
    };
    let lang = ctx.lang;
    // The prefix in either language.
    let prefixes = [Language::De, Language::En].map(events::press_prefix);
    let entry = |s: &str| -> Result<(bool, Id), String> {
        let press = prefixes.iter().find_map(|p| s.strip_prefix(p.trim_end()));
        let title = press.map_or(s, str::trim);
        let found = refs::document(ctx.c, title, lang);
        let id = refs::require(found, title, &refs::DOCUMENT, lang)?;
        Ok((press.is_some(), id))
    };
    let read = match list(&text, SEPARATOR, entry) {
        Ok(read) => read,
        Err(problem) => return at.refuse(problem, DOCUMENTS),
    };
    let (press, docs): (Vec<_>, Vec<_>) = read.into_iter().partition(|(p, _)| *p);
    let docs: Vec<Id> = docs.into_iter().map(|(_, id)| id).collect();
    let press: Vec<Id> = press.into_iter().map(|(_, id)| id).collect();
    let titles = |l: &Vec<Id>| crate::ctx::join(l.iter().map(|d| ctx.document_title(d)));
    at.put("documents", &w.documents, docs, &mut t.documents, titles);
    at.put("press", &w.press, press, &mut t.press, titles);
}

/// Teil von: an event by its title (as in Titel or as named in Teil von) or
/// id; empty for none. An event cannot be part of itself or of an event
/// below it.
pub(crate) fn parent(e: &mut Edit<'_, '_, Event>) {
    let (ctx, w, lang) = (e.ctx, e.w, e.ctx.lang);
    let shown = |p: &Option<Id>| {
        p.as_ref()
            .map(|p| events::parent_text(ctx, p))
            .unwrap_or_default()
    };
    let Some((text, col)) = changed(e.r, "parent", &shown(&w.parent)) else {
        return;
    };
    let new = if text.is_empty() {
        None
    } else {
        let shows = |e: &Event, s: &str| {
            events::title_text(e).trim() == s || events::event_name(e, lang).trim() == s
        };
        let found = refs::find(&ctx.c.events, &text, shows, |e| &e.id, &refs::EVENT, lang);
        match refs::require(found, &text, &refs::EVENT, lang) {
            Ok(id) => Some(id),
            Err(problem) => return cell(e, col).0.refuse(problem, PARENT),
        }
    };
    // Below itself, by the parents the target's events have now.
    let items = &*e.items;
    let parent_of = |p: &Id| {
        items
            .iter()
            .find(|x| &x.id == p)
            .and_then(|x| x.parent.clone())
    };
    if refs::below_itself(&items[e.i].id, new.as_ref(), items.len(), parent_of) {
        let problem = tr(
            lang,
            &format!("„{text}“ ist diese Veranstaltung selbst oder Teil von ihr: eine Veranstaltung kann nicht Teil von sich selbst sein"),
            &format!("\"{text}\" is this event or part of it: an event cannot be part of itself"),
        );
        return cell(e, col).0.error(problem);
    }
    let (mut at, t) = cell(e, col);
    at.put("parent", &w.parent, new, &mut t.parent, shown);
}

const PARENT: (&str, &str) = (
    "der Titel einer Veranstaltung oder ihre Kennung, leer für keine",
    "an event's title or id, empty for none",
);

const MEMBERS: (&str, &str) = (
    "je Zeile ein Akteur mit Namen (wie im Blatt Akteure) oder Kennung, eine Rolle in Klammern (z. B. „Landrat (Vorsitz)“)",
    "one actor a line by name (as in the sheet Actors) or id, a role in brackets (e.g. \"Landrat (chair)\")",
);

/// Mitglieder: one a line, "name", or "name (role)" where a role that is
/// not one of Vorsitz, Mitglied, … is kept as written.
pub(crate) fn members(e: &mut Edit<'_, '_, Actor>) {
    let (ctx, w) = (e.ctx, e.w);
    let show = |m: &Membership| actor_sheet::member_text(ctx, m);
    let read = |text: &str| {
        list(text, "\n", |s| {
            written_or(&w.members, s, show, |s| member(ctx, s))
        })
    };
    let column = ("members", "\n", MEMBERS);
    list_column(e, column, &w.members, |t| &mut t.members, show, read);
}

/// One member: an actor, or "actor (role)".
fn member(ctx: &Ctx<'_>, text: &str) -> Result<Membership, String> {
    let lang = ctx.lang;
    let whole = match actor(ctx.c, text, lang) {
        Ok(who) => {
            return Ok(Membership {
                actor: who,
                role: None,
                role_label: None,
            })
        }
        Err(e) => e,
    };
    let (name, role) = bracketed(text).ok_or(whole)?;
    let who = actor(ctx.c, name, lang)?;
    Ok(match code::<MemberRole>(role, lang) {
        Some(r) => Membership {
            actor: who,
            role: Some(r),
            role_label: None,
        },
        None => Membership {
            actor: who,
            role: None,
            role_label: Some(Text::new(role)),
        },
    })
}

const ADOPTS: (&str, &str) = (
    "ein Gegenstand (Konzept, Leitbild, Ziele, Handlungsfelder, Projekt- / Maßnahmenkatalog, Maßnahmen, Dokument, Verfahren / Prozessbegleitung), dahinter in Klammern die beschlossenen Ziele, Handlungsfelder, Dokumente oder Maßnahmen mit „, “ getrennt und nach „:“ eine Anmerkung, z. B. „Ziele (1, 1.2): mit Änderungen“; mehrere mit „;“ getrennt",
    "a subject (the concept, the vision, goals, fields of action, project catalogue, measures, a document, the process), then in brackets the goals, fields of action, documents or measures adopted separated by \", \" and after \":\" a remark, e.g. \"goals (1, 1.2): amended\"; several separated by \";\"",
);

/// Gegenstand: entries "subject (items): remark"; a part that does not
/// begin with a subject continues the remark of the entry before it.
pub(crate) fn adopts(e: &mut Edit<'_, '_, Resolution>) {
    let (ctx, w) = (e.ctx, e.w);
    let show = |a: &Adoption| res_sheet::adoption_text(ctx, a);
    let read = |text: &str| -> Result<Vec<Adoption>, String> {
        let entries = continued(text, SEPARATOR, |part| subject(part).is_some());
        let read = |e: &String| written_or(&w.adopts, e, show, |e| adoption(ctx, e));
        entries.iter().map(read).collect()
    };
    let column = ("adopts", SEPARATOR, ADOPTS);
    list_column(e, column, &w.adopts, |t| &mut t.adopts, show, read);
}

/// The subject a part begins with (its German or English label or code,
/// the longest that fits), and the rest: nothing, brackets or a remark.
fn subject(part: &str) -> Option<(AdoptionSubject, &str)> {
    let mut best: Option<(AdoptionSubject, &str, usize)> = None;
    for s in AdoptionSubject::ALL {
        for name in [s.label(Language::De), s.label(Language::En), s.code()] {
            let Some(head) = part.get(..name.len()) else {
                continue;
            };
            let rest = &part[name.len()..];
            let fits = head.to_lowercase() == name.to_lowercase()
                && (rest.is_empty() || rest.starts_with(" (") || rest.starts_with(':'));
            if fits && best.is_none_or(|b| b.2 < name.len()) {
                best = Some((*s, rest, name.len()));
            }
        }
    }
    best.map(|(s, rest, _)| (s, rest))
}

/// One entry of Gegenstand.
fn adoption(ctx: &Ctx<'_>, text: &str) -> Result<Adoption, String> {
    let lang = ctx.lang;
    let Some((subject, rest)) = subject(text) else {
        return Err(tr(
            lang,
            &format!("„{text}“ beginnt mit keinem Gegenstand eines Beschlusses"),
            &format!("\"{text}\" does not begin with a subject of a resolution"),
        ));
    };
    let rest = rest.trim_start();
    let (items, rest) = match rest.strip_prefix('(') {
        None => ("", rest),
        // The bracket that closes the items is followed by the remark or
        // nothing (an item may have brackets of its own).
        Some(inner) => inner
            .match_indices(')')
            .map(|(k, _)| (&inner[..k], inner[k + 1..].trim_start()))
            .find(|(_, after)| after.is_empty() || after.starts_with(':'))
            .ok_or_else(|| {
                tr(
                    lang,
                    &format!("in „{text}“ fehlt die schließende Klammer"),
                    &format!("\"{text}\" lacks the closing bracket"),
                )
            })?,
    };
    let note = rest
        .strip_prefix(':')
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let items = if items.trim().is_empty() {
        Vec::new()
    } else {
        list(items, res_sheet::ITEM_SEPARATOR, |s| {
            adopted(ctx.c, s, lang)
        })?
    };
    Ok(Adoption {
        subject,
        items,
        note: note.map(Text::new),
    })
}

/// A lookup of [`refs`]: the item a text names, if any.
type Lookup = fn(&Concept, &str, Language) -> Result<Option<Id>, String>;

/// An item adopted: a goal, a field of action, a document or a measure, as
/// the sheets show it, or its id.
fn adopted(c: &Concept, text: &str, lang: Language) -> Result<Id, String> {
    let kinds: [Lookup; 4] = [refs::goal, refs::field, refs::document, refs::measure];
    for find in kinds {
        if let Some(id) = find(c, text, lang)? {
            return Ok(id);
        }
    }
    Err(tr(
        lang,
        &format!("„{text}“ ist weder Ziel noch Handlungsfeld, Dokument oder Maßnahme dieses Konzepts"),
        &format!("\"{text}\" is neither a goal nor a field of action, document or measure of this concept"),
    ))
}

const MANDATES: (&str, &str) = (
    "je Zeile „Akteur: Aufgabe“ mit dem Namen eines Akteurs (wie im Blatt Akteure), dahinter „(Frist: Zeitraum)“, wenn der Auftrag befristet ist",
    "one a line \"actor: task\" with an actor's name (as in the sheet Actors), then \"(due: period)\" when it is due",
);

/// Aufträge: one a line "actor: task (Frist: period)"; a line that does not
/// begin with an actor's name and ": " continues the task before it.
pub(crate) fn mandates(e: &mut Edit<'_, '_, Resolution>) {
    let (ctx, w) = (e.ctx, e.w);
    let show = |m: &Mandate| res_sheet::mandate_text(ctx, m);
    let read = |text: &str| -> Result<Vec<Mandate>, String> {
        let entries = continued(text, "\n", |line| assignee(ctx.c, line, ctx.lang).is_some());
        let read = |e: &String| written_or(&w.mandates, e, show, |e| mandate(ctx, e));
        entries.iter().map(read).collect()
    };
    let column = ("mandates", "\n", MANDATES);
    list_column(e, column, &w.mandates, |t| &mut t.mandates, show, read);
}

/// The actor a line begins with ("Landrat: …") and the rest.
fn assignee<'t>(c: &Concept, line: &'t str, lang: Language) -> Option<(Id, &'t str)> {
    line.match_indices(": ").find_map(|(k, _)| {
        let id = refs::actor(c, line[..k].trim(), lang).ok().flatten()?;
        Some((id, line[k + 2..].trim()))
    })
}

/// One mandate.
fn mandate(ctx: &Ctx<'_>, text: &str) -> Result<Mandate, String> {
    let lang = ctx.lang;
    let Some((actor, rest)) = assignee(ctx.c, text, lang) else {
        let name = text.split_once(':').map_or(text, |(n, _)| n).trim();
        return Err(match refs::actor(ctx.c, name, lang) {
            Err(ambiguous) => ambiguous,
            Ok(_) => refs::unknown(name, &refs::ACTOR, lang),
        });
    };
    let due_open = format!(" ({} ", res_sheet::due_word(ctx));
    let (task, due) = match rest
        .strip_suffix(')')
        .and_then(|r| r.rfind(&due_open).map(|k| (r, k)))
    {
        Some((r, k)) => match edit::parse_period(lang, r[k + due_open.len()..].trim()) {
            Ok(Some(due)) => (r[..k].trim(), Some(due)),
            _ => (rest, None),
        },
        None => (rest, None),
    };
    if task.is_empty() {
        return Err(tr(
            lang,
            &format!("„{text}“: der Auftrag hat keine Aufgabe"),
            &format!("\"{text}\": the mandate has no task"),
        ));
    }
    Ok(Mandate {
        actor,
        task: Text::new(task),
        due,
    })
}
