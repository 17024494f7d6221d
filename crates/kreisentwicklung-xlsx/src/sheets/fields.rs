//! Handlungsfelder: the fields of action with their Leitbild and the
//! cross-cutting themes that concern them.

use std::collections::HashMap;

use kreisentwicklung_core::export::ExportError;

use crate::book::Slot;
use crate::ctx::{join, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::print::Page;
use crate::sheet::{col, Column, Item};

const NUMBER: u16 = 0;
const NAME: u16 = 1;
const VISION: u16 = 2;
const VISION_YEAR: u16 = 3;
const PRINCIPLES: u16 = 4;
const DESCRIPTION: u16 = 5;
const THEMES: u16 = 6;
const GOALS: u16 = 7;
const MEASURES: u16 = 8;
const LIGHT: u16 = 9;

fn columns(ctx: &Ctx) -> Vec<Column> {
    let t = |de, en| ctx.tr(de, en);
    vec![
        col(t("Nr.", "No."), Style::Text, 8.0),
        col(t("Handlungsfeld", "Field of action"), Style::Wrap, 35.0),
        col(t("Leitbild", "Vision"), Style::Wrap, 70.0),
        col(t("Leitbild für", "Vision for"), Style::Integer, 10.0),
        col(t("Leitlinien", "Guiding principles"), Style::Wrap, 60.0),
        col(t("Beschreibung", "Description"), Style::Wrap, 50.0),
        col(
            t("Querschnittsthemen", "Cross-cutting themes"),
            Style::Wrap,
            40.0,
        ),
        col(t("Anzahl Ziele", "Number of goals"), Style::Integer, 10.0),
        col(
            t("Anzahl Maßnahmen", "Number of measures"),
            Style::Integer,
            12.0,
        ),
        col(t("Ampel", "Traffic light"), Style::Text, 10.0),
    ]
}

/// Writes the sheet; nothing when there are no fields of action.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.fields.is_empty() {
        return Ok(());
    }
    let mut goals: HashMap<&str, u64> = HashMap::new();
    for g in &c.goals {
        for f in &g.fields {
            *goals.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut measures: HashMap<&str, u64> = HashMap::new();
    for m in &c.measures {
        for f in ctx.measure_field_ids(m) {
            *measures.entry(f.as_str()).or_default() += 1;
        }
    }

    let mut w = ctx.sheet(slot, name, 1 + c.fields.len())?;
    w.begin_table(
        SheetId::Fields.table_name(),
        columns(ctx),
        c.fields.len(),
        "fields",
        ctx.tr("Handlungsfelder", "fields of action"),
    )?;
    w.freeze_columns(2);
    for (i, f) in c.fields.iter().enumerate() {
        let item = Item::new("fields", &f.id, i);
        w.text(NUMBER, f.number.as_deref().unwrap_or(""), || {
            item.field("number")
        })?;
        w.text(NAME, &f.name.text, || item.field("name"))?;
        if let Some(v) = &f.vision {
            w.text(VISION, &v.text.text, || item.field("vision.text"))?;
            if let Some(y) = v.year {
                if let Ok(y) = u64::try_from(y) {
                    w.integer(VISION_YEAR, y)?;
                }
            }
        }
        w.text(
            PRINCIPLES,
            &crate::ctx::numbered_lines(&f.guiding_principles),
            || item.field("guidingPrinciples"),
        )?;
        if let Some(d) = &f.description {
            w.text(DESCRIPTION, &d.text, || item.field("description"))?;
        }
        let themes = c
            .cross_cutting_themes
            .iter()
            .filter(|t| t.concerns(f.id.as_str()))
            .map(|t| t.name.text.as_str());
        w.text(THEMES, &join(themes), || "crossCuttingThemes".to_owned())?;
        w.integer(GOALS, goals.get(f.id.as_str()).copied().unwrap_or(0))?;
        w.integer(MEASURES, measures.get(f.id.as_str()).copied().unwrap_or(0))?;
        if let Some(p) = ctx.eval.monitoring.fields.get(i) {
            w.label(LIGHT, p.light.label(ctx.lang))?;
        }
        w.next_row();
    }
    super::light_colors(ctx, &mut w, LIGHT)?;
    w.end_table()?;
    w.page(Page::new(ctx, true).repeat_columns(0, 1));
    w.finish(slot)
}
