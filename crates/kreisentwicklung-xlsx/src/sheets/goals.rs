//! Zielsystem: the goal tree, indented by level and grouped with Excel's
//! row outline so that sub-goals can be folded away.

use std::collections::HashMap;

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::{CodeList, Concept, Priority};

use crate::book::Slot;
use crate::ctx::{join, lines, Ctx};
use crate::formats::{looks_like_formula, Style, MAX_INDENT};
use crate::names::SheetId;
use crate::sheet::{def, Item, SheetWriter};

column_table! {
    /// The columns, defined once for the writer and the reader (`crate::read`).
    NUMBER: def("number", "Nr.", "No.", Style::Text, 12.0),
    GOAL: def("title", "Ziel", "Goal", Style::Wrap, 70.0),
    LEVEL: def("level", "Ebene", "Level", Style::Text, 18.0),
    // Read back: a changed parent moves the goal in the tree.
    PARENT: def("parent", "Übergeordnetes Ziel", "Parent goal", Style::Text, 14.0),
    FIELD: def("field", "Handlungsfeld", "Field of action", Style::Wrap, 30.0),
    PRIORITY: def("priority", "Priorität", "Priority", Style::Text, 12.0),
    FOCUS: def("focus", "Schwerpunkte", "Focus areas", Style::Wrap, 45.0),
    DESCRIPTION: def("description", "Beschreibung", "Description", Style::Wrap, 50.0),
    INDICATORS: def("indicators", "Indikatoren", "Indicators", Style::Wrap, 35.0),
    MEASURES: def("measureCount", "Anzahl Maßnahmen", "Number of measures", Style::Integer, 12.0),
    LIGHT: def("light", "Ampel", "Traffic light", Style::Text, 10.0),
}

/// The goals in tree order (depth first, children in list order) with their
/// depth (0 for top-level goals). Goals whose parent does not exist count
/// as top-level; goals caught in a cycle follow at the end, at depth 0.
pub(crate) fn tree_order(c: &Concept) -> Vec<(usize, usize)> {
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(c.goals.len());
    for (i, g) in c.goals.iter().enumerate() {
        by_id.entry(g.id.as_str()).or_insert(i);
    }
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut roots = Vec::new();
    for (i, g) in c.goals.iter().enumerate() {
        match g.parent.as_ref().and_then(|p| by_id.get(p.as_str())) {
            Some(&parent) if parent != i => children.entry(parent).or_default().push(i),
            _ => roots.push(i),
        }
    }
    let mut order = Vec::with_capacity(c.goals.len());
    let mut seen = vec![false; c.goals.len()];
    let mut stack: Vec<(usize, usize)> = roots.iter().rev().map(|&i| (i, 0)).collect();
    let mut visit = |stack: &mut Vec<(usize, usize)>, order: &mut Vec<(usize, usize)>| {
        while let Some((i, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            order.push((i, depth));
            if let Some(kids) = children.get(&i) {
                for &k in kids.iter().rev() {
                    stack.push((k, depth + 1));
                }
            }
        }
    };
    visit(&mut stack, &mut order);
    // Goals in a cycle of parent links are not reachable from a root.
    for i in 0..c.goals.len() {
        if order.len() == c.goals.len() {
            break;
        }
        let mut stack = vec![(i, 0)];
        visit(&mut stack, &mut order);
    }
    order
}

/// Writes the sheet; nothing when there are no goals.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.goals.is_empty() {
        return Ok(());
    }
    let mut measures_per_goal: HashMap<&str, u64> = HashMap::new();
    for m in &c.measures {
        for g in &m.goals {
            *measures_per_goal.entry(g.as_str()).or_default() += 1;
        }
    }

    // A streamed goal system gets no row outline: rust_xlsxwriter 0.102
    // writes no outline levels in constant-memory mode (and repeats the last
    // row's element when it has row options). Goal systems are small — tens
    // to hundreds of goals — so they are practically always in the normal
    // mode.
    let streamed = ctx.stream(1 + c.goals.len());
    let mut w = SheetWriter::new(slot, name, &ctx.fmt, ctx.lang, streamed)?;
    w.begin_table(SheetId::Goals, COLUMNS, c.goals.len())?;
    w.freeze_columns(2);
    if !streamed {
        w.worksheet().group_symbols_above(true);
    }

    for (i, depth) in tree_order(c) {
        let g = &c.goals[i];
        let item = Item::new("goals", &g.id, i);
        let outline = depth.min(MAX_INDENT);
        let row = w.row();
        for _ in 0..if streamed { 0 } else { outline } {
            w.worksheet()
                .group_rows(row, row)
                .map_err(crate::sheet::xlsx_err)?;
        }
        w.text(NUMBER, g.number.as_deref().unwrap_or(""), || {
            item.field("number")
        })?;
        let format = ctx
            .fmt
            .indented(depth, looks_like_formula(&g.title.text))
            .clone();
        w.text_with(GOAL, &g.title.text, &format, 3.0 * outline as f64, || {
            item.field("title")
        })?;
        let level = c
            .goal_levels
            .get(usize::from(g.level).wrapping_sub(1))
            .map(|t| t.text.clone())
            .unwrap_or_else(|| format!("{} {}", ctx.tr("Ebene", "Level"), g.level));
        w.text(LEVEL, &level, || "goalLevels".to_owned())?;
        if let Some(parent) = &g.parent {
            w.text(PARENT, &ctx.goal_ref(parent), || item.field("parent"))?;
        }
        w.text(
            FIELD,
            &join(g.fields.iter().map(|f| ctx.field_name(f))),
            || item.field("fields"),
        )?;
        if let Some(p) = g.priority {
            w.label(PRIORITY, ctx.label(p))?;
        }
        w.text(
            FOCUS,
            &lines(g.focus_areas.iter().map(|a| format!("• {a}"))),
            || item.field("focusAreas"),
        )?;
        if let Some(d) = &g.description {
            w.text(DESCRIPTION, &d.text, || item.field("description"))?;
        }
        w.text(
            INDICATORS,
            &join(g.indicators.iter().map(|x| ctx.indicator_ref(x))),
            || item.field("indicators"),
        )?;
        w.integer(
            MEASURES,
            measures_per_goal.get(g.id.as_str()).copied().unwrap_or(0),
        )?;
        if let Some(p) = ctx.eval.monitoring.goals.get(i) {
            w.label(LIGHT, p.light.label(ctx.lang))?;
        }
        w.next_row();
    }

    let priorities: Vec<&str> = Priority::ALL.iter().map(|p| p.label(ctx.lang)).collect();
    w.list_validation(PRIORITY, &priorities)?;
    super::light_colors(ctx, &mut w, LIGHT)?;
    w.end_table()?;
    w.page(ctx.page(true).repeat_columns(0, 1));
    w.finish(slot)
}
