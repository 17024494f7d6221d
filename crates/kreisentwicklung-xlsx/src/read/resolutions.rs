//! Beschlüsse read back: title, kind, paper and text of the resolutions,
//! and their steps through the bodies (body, role, dates, agenda item,
//! outcome, votes, note), one row per step. A row added below the table is
//! a new step of the resolution with its title, or else a new resolution.
//! What a resolution adopts (Gegenstand) and its mandates (Aufträge) are
//! composite columns ([`composite`]), repeated on each row of a resolution.

use kreisentwicklung_core::{
    CodeList, Consultation, ConsultationRole, Id, ItemPath, Outcome, Paper, Resolution,
    ResolutionKind, Votes,
};

use super::cells::tr;
use super::composite;
use super::edit::{self, At};
use super::items::{self, collection, text, Edit, Sheet, Tracked, Written};
use super::table::{Row, Spec};
use super::Report;
use crate::ctx::Ctx;

/// One row per step (one for a resolution without steps), matched by title.
pub(crate) struct Resolutions;

/// The columns of a step.
const STEP: [&str; 11] = [
    "body", "role", "date", "planned", "agenda", "outcome", "yes", "no", "abstain", "biased",
    "note",
];

impl Sheet for Resolutions {
    collection!(Resolution, resolutions);
    const SPEC: Spec = Spec {
        read: &[
            "kind", "title", "paper", "body", "role", "date", "planned", "agenda", "outcome",
            "yes", "no", "abstain", "biased", "adopts", "text", "mandates", "note",
        ],
        columns: crate::sheets::resolutions::COLUMNS,
        path: "resolutions",
        key: "title",
        title: "title",
        numbered: false,
        what: ("Beschluss", "resolution"),
    };

    fn rows(ctx: &Ctx<'_>) -> Vec<Written> {
        let mut rows = Vec::new();
        for (item, r) in ctx.c.resolutions.iter().enumerate() {
            let key = r.title.text.trim().to_owned();
            if r.consultations.is_empty() {
                rows.push(Written {
                    key: key.clone(),
                    item,
                    part: None,
                });
            }
            for k in 0..r.consultations.len() {
                rows.push(Written {
                    key: key.clone(),
                    item,
                    part: Some(k),
                });
            }
        }
        rows
    }
    fn blank(id: Id, _key: &str) -> Resolution {
        Resolution::new(id, ResolutionKind::ALL[0], "")
    }
    fn edit(mut e: Edit<'_, '_, Resolution>) {
        let (report, at, r, ctx, part, w) = (&mut *e.report, e.at, e.r, e.ctx, e.part, e.w);
        let t = &mut e.items[e.i];
        edit::title(report, at, r, "title", &w.title.text, &mut t.title);
        edit::required_code::<ResolutionKind>(report, at, r, "kind", w.kind, &mut t.kind);
        paper(report, at, r, w, t);
        text!(report, at, r, w, t, text);
        match part {
            Some(k) if k < t.consultations.len() => {
                let path = at.path("consultations").index(k);
                let at = At {
                    sheet: at.sheet,
                    row: at.row,
                    path: &path,
                };
                step(
                    report,
                    &at,
                    r,
                    ctx,
                    &w.consultations[k],
                    &mut t.consultations[k],
                );
            }
            Some(_) => {}
            None => new_step(report, at, r, ctx, t, false),
        }
        composite::adopts(&mut e);
        composite::mandates(&mut e);
    }

    fn added(
        report: &mut Report,
        sheet: &str,
        r: &Row,
        ctx: &Ctx<'_>,
        key: &str,
        t: &mut Tracked<Resolution>,
    ) {
        match t
            .items
            .iter_mut()
            .enumerate()
            .find(|(_, x)| x.title.text.trim() == key)
        {
            Some((position, res)) => {
                let path = ItemPath::item("resolutions", &res.id, position);
                let at = At {
                    sheet,
                    row: r.index,
                    path: &path,
                };
                new_step(report, &at, r, ctx, res, true);
            }
            None => {
                items::add_new::<Self>(report, sheet, r, ctx, key, t);
            }
        }
    }
}

/// Drucksache: the prefix as written stays when the text starts with it.
fn paper(report: &mut Report, at: &At<'_>, r: &Row, w: &Resolution, t: &mut Resolution) {
    let Some((text, col)) = edit::column_text(r, "paper") else {
        return;
    };
    let shown = w.paper.as_ref().map(Paper::display).unwrap_or_default();
    if text == shown.trim() {
        return;
    }
    let new = (!text.is_empty()).then(|| {
        let prefix = w.paper.as_ref().and_then(|p| p.prefix.clone());
        let reference = match &prefix {
            Some(p) => text
                .strip_prefix(p.as_str())
                .map_or(text.as_str(), str::trim),
            None => text.as_str(),
        };
        Paper {
            prefix: prefix.filter(|p| text.starts_with(p.as_str())),
            reference: reference.to_owned(),
            title: w.paper.as_ref().and_then(|p| p.title.clone()),
        }
    });
    report.set(
        at.sheet,
        at.row,
        col,
        at.path("paper"),
        &w.paper,
        new,
        &mut t.paper,
    );
}

/// A step from a row's step cells (a row of a resolution without steps, or
/// a row added below the table): body and role are needed.
fn new_step(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    ctx: &Ctx<'_>,
    t: &mut Resolution,
    required: bool,
) {
    let filled = STEP.iter().any(|k| r.get(k).is_some());
    if !filled && !required {
        return;
    }
    let k = t.consultations.len();
    let path = at.path("consultations").index(k);
    let step_at = At {
        sheet: at.sheet,
        row: at.row,
        path: &path,
    };
    let blank = Consultation::new(Id::new(""), ConsultationRole::ALL[0]);
    let mut c = blank.clone();
    let changes = report.changes.len();
    step(report, &step_at, r, ctx, &blank, &mut c);
    report.changes.truncate(changes);
    let lang = report.lang;
    if c.body.as_str().is_empty() {
        let msg = tr(
            lang,
            "ein neuer Verfahrensschritt braucht ein Gremium (einen Akteur dieses Konzepts)",
            "a new step needs a body (an actor of this concept)",
        );
        report.error(at.sheet, at.row, r.column("body").unwrap_or(0), msg);
        return;
    }
    if r.get("role").is_none() {
        let allowed: Vec<&str> = ConsultationRole::ALL
            .iter()
            .map(|x| x.label(lang))
            .collect();
        let msg = tr(
            lang,
            &format!(
                "ein neuer Verfahrensschritt braucht eine Rolle; erlaubt: {}",
                allowed.join(", ")
            ),
            &format!("a new step needs a role; allowed: {}", allowed.join(", ")),
        );
        report.error(at.sheet, at.row, r.column("role").unwrap_or(0), msg);
        return;
    }
    let what = format!("{} ({})", ctx.actor_name(&c.body), c.role.label(lang));
    report.note(
        at.sheet,
        at.row,
        r.column("body").unwrap_or(0),
        path,
        "—".to_owned(),
        tr(lang, &format!("neu: {what}"), &format!("new: {what}")),
    );
    t.consultations.push(c);
}

/// The cells of one step.
fn step(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    ctx: &Ctx<'_>,
    w: &Consultation,
    t: &mut Consultation,
) {
    let written_body = if w.body.as_str().is_empty() {
        String::new()
    } else {
        ctx.actor_name(&w.body)
    };
    let mut body = Some(t.body.clone());
    edit::one_ref(
        report,
        at,
        r,
        "body",
        &written_body,
        ("Gremium", "body"),
        |s| edit::actor(ctx.c, s),
        &mut body,
    );
    match body {
        Some(b) => t.body = b,
        None => {
            let msg = tr(report.lang, "darf nicht leer sein", "must not be empty");
            report.error(at.sheet, at.row, r.column("body").unwrap_or(0), msg);
        }
    }
    edit::required_code::<ConsultationRole>(report, at, r, "role", w.role, &mut t.role);
    edit::when(
        report,
        at,
        r,
        ctx,
        "date",
        ("date", "period"),
        (w.date, w.period.as_ref()),
        (&mut t.date, &mut t.period),
    );
    edit::when(
        report,
        at,
        r,
        ctx,
        "planned",
        ("plannedDate", "plannedPeriod"),
        (w.planned_date, w.planned_period.as_ref()),
        (&mut t.planned_date, &mut t.planned_period),
    );
    let agenda = w.agenda_item.as_deref();
    edit::opt_string(
        report,
        at,
        r,
        ("agenda", "agendaItem"),
        agenda,
        &mut t.agenda_item,
    );
    edit::code::<Outcome>(report, at, r, "outcome", w.outcome, &mut t.outcome);
    let wv = w.votes.unwrap_or_default();
    let mut v = t.votes.unwrap_or_default();
    edit::count(report, at, r, ("yes", "votes.yes"), wv.yes, &mut v.yes);
    edit::count(report, at, r, ("no", "votes.no"), wv.no, &mut v.no);
    edit::count(
        report,
        at,
        r,
        ("abstain", "votes.abstain"),
        wv.abstain,
        &mut v.abstain,
    );
    edit::count(
        report,
        at,
        r,
        ("biased", "votes.biased"),
        wv.biased,
        &mut v.biased,
    );
    if v != t.votes.unwrap_or_default() {
        t.votes = (v != Votes::default()).then_some(v);
    }
    text!(report, at, r, w, t, note);
}
