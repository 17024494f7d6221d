//! Projektsteckbriefe: one block per measure, label and value one under
//! the other, the form real concepts print their projects in. The
//! Maßnahmen sheet stays the table for filtering and editing on screen;
//! this sheet is the one for paper (A4 portrait).

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::monitoring::TrafficLight;

use crate::book::Slot;
use crate::ctx::{join, lines, Ctx};
use crate::formats::Style;
use crate::sheet::Item;

/// Above this many measures the sheet is left out: nobody prints a
/// thousand pages, and the table has them all.
pub(crate) const MAX_PROFILES: usize = 1_000;

/// The rows a measure takes at most: a heading, 15 fields, a gap.
const ROWS_PER_MEASURE: usize = 17;

/// Writes the sheet; nothing without measures or with too many.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.measures.is_empty() || c.measures.len() > MAX_PROFILES {
        return Ok(());
    }
    let mut w = ctx.sheet(slot, name, c.measures.len() * ROWS_PER_MEASURE)?;
    // Label and value side by side fit a portrait page (24 + 70 units).
    w.cap(0, 24.0);
    w.cap(1, 70.0);
    let t = |de, en| ctx.tr(de, en);
    for (i, m) in c.measures.iter().enumerate() {
        let item = Item::new("measures", &m.id, i);
        let number = m.number.as_deref().unwrap_or(m.id.as_str());
        w.text_with(0, number, &ctx.fmt.section, 0.0, || item.field("number"))?;
        w.text_as(1, &m.title.text, Style::Wrap, || item.field("title"))?;
        w.min_height(18.0);
        w.next_row();

        let mut rows: Vec<(&str, String, &str)> = Vec::new();
        rows.push((
            t("Handlungsfeld", "Field of action"),
            join(ctx.measure_fields(m)),
            "fields",
        ));
        let goals: Vec<String> = m.goals.iter().map(|g| ctx.goal_ref(g)).collect();
        rows.push((t("Ziele", "Goals"), goals.join(", "), "goals"));
        if let Some(d) = &m.description {
            rows.push((
                t("Beschreibung", "Description"),
                d.text.clone(),
                "description",
            ));
        }
        if let Some(lead) = &m.lead {
            rows.push((t("Federführung", "Lead"), ctx.actor_name(lead), "lead"));
        }
        rows.push((
            t("Partner", "Partners"),
            join(m.partners.iter().map(|p| ctx.actor_name(p))),
            "partners",
        ));
        if let Some(role) = m.county_role {
            rows.push((
                t("Rolle des Kreises", "County's role"),
                ctx.label(role).to_owned(),
                "countyRole",
            ));
        }
        if let Some(p) = &m.period {
            rows.push((t("Zeitraum", "Period"), ctx.period(p), "period"));
        }
        if let Some(p) = m.priority {
            rows.push((
                t("Priorität", "Priority"),
                ctx.label(p).to_owned(),
                "priority",
            ));
        }
        if let Some(s) = m.status {
            let mut status = ctx.label(s).to_owned();
            if let Some(d) = m.last_status_update() {
                status.push_str(&format!(" ({} {})", t("Stand", "as of"), d.german()));
            }
            rows.push((t("Status", "Status"), status, "status"));
        }
        if let Some(costs) = &m.costs {
            let mut parts = Vec::new();
            if let Some(amount) = costs.amount {
                parts.push(ctx.euro_text(amount));
            }
            if costs.estimated {
                parts.push(t("geschätzt", "estimate").to_owned());
            }
            if let Some(n) = &costs.note {
                parts.push(n.text.clone());
            }
            rows.push((t("Kosten", "Costs"), join(parts), "costs"));
        }
        rows.push((
            t("Förderung", "Funding"),
            join(m.funding.iter().map(|f| ctx.funding_text(f))),
            "funding",
        ));
        rows.push((
            t("Indikatoren", "Indicators"),
            join(m.indicators.iter().map(|x| ctx.indicator_ref(x))),
            "indicators",
        ));
        rows.push((
            t("Meilensteine", "Milestones"),
            lines(m.milestones.iter().map(|x| ctx.milestone_text(x))),
            "milestones",
        ));
        for (label, value, field) in rows {
            if value.is_empty() {
                continue;
            }
            w.text_with(0, label, &ctx.fmt.label, 0.0, String::new)?;
            w.text_as(1, &value, Style::Wrap, || item.field(field))?;
            w.next_row();
        }
        if let Some(light) = ctx.eval.measure_light(i) {
            let format = match light {
                TrafficLight::Green => &ctx.fmt.green,
                TrafficLight::Yellow => &ctx.fmt.yellow,
                TrafficLight::Red => &ctx.fmt.red,
                TrafficLight::Grey => &ctx.fmt.grey,
            };
            w.text_with(
                0,
                t("Ampel", "Traffic light"),
                &ctx.fmt.label,
                0.0,
                String::new,
            )?;
            w.text_with(1, light.label(ctx.lang), format, 0.0, String::new)?;
            w.next_row();
        }
        w.next_row();
    }
    w.page(ctx.page(false));
    w.finish(slot)
}
