//! Handlungsfelder: the fields of action with their Leitbild and the
//! cross-cutting themes that concern them.

use std::collections::HashMap;

use kreisentwicklung_core::export::ExportError;

use crate::book::Slot;
use crate::ctx::{join, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::{def, Item};

column_table! {
    NUMBER: def("number", "Nr.", "No.", Style::Text, 8.0),
    NAME: def("name", "Handlungsfeld", "Field of action", Style::Wrap, 35.0),
    VISION: def("vision", "Leitbild", "Vision", Style::Wrap, 70.0),
    VISION_YEAR: def("visionYear", "Leitbild für", "Vision for", Style::Integer, 10.0),
    PRINCIPLES: def("principles", "Leitlinien", "Guiding principles", Style::Wrap, 60.0),
    DESCRIPTION: def("description", "Beschreibung", "Description", Style::Wrap, 50.0),
    THEMES: def("themes", "Querschnittsthemen", "Cross-cutting themes", Style::Wrap, 40.0),
    GOALS: def("goals", "Anzahl Ziele", "Number of goals", Style::Integer, 10.0),
    MEASURES: def("measures", "Anzahl Maßnahmen", "Number of measures", Style::Integer, 12.0),
    LIGHT: def("light", "Ampel", "Traffic light", Style::Text, 10.0),
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
    w.begin_table(SheetId::Fields, COLUMNS, c.fields.len())?;
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
    w.page(ctx.page(true).repeat_columns(0, 1));
    w.finish(slot)
}
