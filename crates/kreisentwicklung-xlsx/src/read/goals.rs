//! Zielsystem read back: goal titles, priorities and, when the sheet has
//! the column, the parent goal (a changed parent moves the goal and its
//! sub-goals in the tree); rows added below the table become new goals.

use kreisentwicklung_core::{Goal, Id, Priority};

use super::cells::tr;
use super::edit::{self, At};
use super::items::{collection, numbered_rows, Edit, Sheet, Written};
use super::table::{Row, Spec};
use super::Report;
use crate::ctx::Ctx;

/// The goals in tree order, one row each, matched by number.
pub(crate) struct Goals;

impl Sheet for Goals {
    collection!(Goal, goals);
    const SPEC: Spec = Spec {
        read: &["number", "title", "priority", "parent"],
        columns: crate::sheets::goals::COLUMNS,
        path: "goals",
        key: "number",
        title: "title",
        numbered: true,
        what: ("Ziel", "goal"),
    };

    fn rows(ctx: &Ctx<'_>) -> Vec<Written> {
        let goals = &ctx.c.goals;
        let order = crate::sheets::goals::tree_order(ctx.c);
        let mut rows = numbered_rows(order.iter().map(|&(i, _)| goals[i].number.as_deref()));
        for (row, (i, _)) in rows.iter_mut().zip(order) {
            row.item = i;
        }
        rows
    }
    fn blank(id: Id, key: &str) -> Goal {
        Goal::new(id, 1, "").with_number(key)
    }
    fn edit(e: Edit<'_, '_, Goal>) {
        let (report, at, r, ctx, w, items, i) = (e.report, e.at, e.r, e.ctx, e.w, e.items, e.i);
        let t = &mut items[i];
        edit::title(report, at, r, "title", &w.title.text, &mut t.title);
        edit::code::<Priority>(report, at, r, "priority", w.priority, &mut t.priority);
        parent(report, at, r, ctx, w, items, i);
    }
}

/// Übergeordnetes Ziel: by number, id or title; a parent that does not
/// exist or that would put the goal below itself is an error.
fn parent(
    report: &mut Report,
    at: &At<'_>,
    r: &Row,
    ctx: &Ctx<'_>,
    w: &Goal,
    items: &mut [Goal],
    i: usize,
) {
    let Some((text, col)) = edit::column_text(r, "parent") else {
        return;
    };
    let shown = w
        .parent
        .as_ref()
        .map(|p| ctx.goal_ref(p))
        .unwrap_or_default();
    if text == shown.trim() {
        return;
    }
    let lang = report.lang;
    let new = if text.is_empty() {
        None
    } else {
        let found = items
            .iter()
            .find(|g| g.number.as_deref().map(str::trim) == Some(&text) || g.id.as_str() == text)
            .or_else(|| items.iter().find(|g| g.title.text.trim() == text));
        match found {
            Some(g) => Some(g.id.clone()),
            None => {
                let msg = tr(
                    lang,
                    &format!("„{text}“ ist kein Ziel dieses Konzepts; erlaubt: die Nr. oder der Titel eines Ziels, leer für ein oberstes Ziel"),
                    &format!("\"{text}\" is not a goal of this concept; allowed: a goal's number or title, empty for a top-level goal"),
                );
                report.error(at.sheet, at.row, col, msg);
                return;
            }
        }
    };
    let id = items[i].id.clone();
    let parent_of = |p: &Id| {
        items
            .iter()
            .find(|g| &g.id == p)
            .and_then(|g| g.parent.clone())
    };
    if super::refs::below_itself(&id, new.as_ref(), items.len(), parent_of) {
        let msg = tr(
            lang,
            &format!("„{text}“ liegt unter diesem Ziel (oder ist es selbst): ein Ziel kann nicht sich selbst untergeordnet werden"),
            &format!("\"{text}\" is below this goal (or is the goal itself): a goal cannot be placed below itself"),
        );
        report.error(at.sheet, at.row, col, msg);
        return;
    }
    let old = items[i].parent.clone();
    report.set(
        at.sheet,
        at.row,
        col,
        at.path("parent"),
        &w.parent,
        new,
        &mut items[i].parent,
    );
    if items[i].parent != old {
        relevel(items, i);
    }
}

/// Gives a moved goal the level below its parent, and its sub-goals the
/// levels below it.
fn relevel(items: &mut [Goal], i: usize) {
    let level = match &items[i].parent {
        Some(p) => items.iter().find(|g| &g.id == p).map_or(1, |g| g.level + 1),
        None => 1,
    };
    items[i].level = level;
    let mut stack = vec![(items[i].id.clone(), level)];
    let mut guard = 0;
    while let Some((id, level)) = stack.pop() {
        guard += 1;
        if guard > items.len() {
            break;
        }
        for g in items.iter_mut().filter(|g| g.parent.as_ref() == Some(&id)) {
            g.level = level + 1;
            stack.push((g.id.clone(), level + 1));
        }
    }
}
