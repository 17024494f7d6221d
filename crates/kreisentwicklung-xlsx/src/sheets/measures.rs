//! Maßnahmen: the catalogue of measures, one row each.

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::{CodeList, MeasureStatus, Priority};

use crate::book::Slot;
use crate::ctx::{join, lines, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::{def, Item, SheetWriter};

column_table! {
    /// The columns, defined once for the writer and the reader (`crate::read`).
    NUMBER: def("number", "Nr.", "No.", Style::Text, 10.0),
    TITLE: def("title", "Maßnahme", "Measure", Style::Wrap, 45.0),
    DESCRIPTION: def("description", "Beschreibung", "Description", Style::Wrap, 60.0),
    FIELD: def("field", "Handlungsfeld", "Field of action", Style::Wrap, 30.0),
    GOALS: def("goals", "Ziele", "Goals", Style::Wrap, 20.0),
    LEAD: def("lead", "Federführung", "Lead", Style::Wrap, 30.0),
    PARTNERS: def("partners", "Partner", "Partners", Style::Wrap, 40.0),
    ROLE: def("role", "Rolle des Kreises", "County's role", Style::Text, 22.0),
    PERIOD: def("period", "Zeitraum", "Period", Style::Text, 26.0),
    START: def("start", "Beginn", "Start", Style::Date, 12.0),
    END: def("end", "Ende", "End", Style::Date, 12.0),
    HORIZON: def("horizon", "Zeithorizont", "Time horizon", Style::Text, 16.0),
    PRIORITY: def("priority", "Priorität", "Priority", Style::Text, 12.0),
    STATUS: def("status", "Status", "Status", Style::Text, 22.0),
    LIGHT: def("light", "Ampel", "Traffic light", Style::Text, 10.0),
    UPDATED: def("updated", "Letzte Aktualisierung", "Last status update", Style::Date, 14.0),
    COSTS: def("costs", "Kosten (EUR)", "Costs (EUR)", Style::Euro, 18.0),
    COST_NOTE: def("costNote", "Hinweis zu den Kosten", "Note on costs", Style::Wrap, 30.0),
    FUNDING: def("funding", "Förderung", "Funding", Style::Wrap, 40.0),
    BUDGET: def("budget", "Haushalt", "Budget", Style::Wrap, 30.0),
    INDICATORS: def("indicators", "Indikatoren", "Indicators", Style::Wrap, 40.0),
    MILESTONES: def("milestones", "Meilensteine", "Milestones", Style::Wrap, 50.0),
}

/// Writes the sheet; nothing when there are no measures.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.measures.is_empty() {
        return Ok(());
    }
    let mut w = ctx.sheet(slot, name, 1 + c.measures.len())?;
    w.begin_table(SheetId::Measures, COLUMNS, c.measures.len())?;
    w.freeze_columns(2);

    for (i, m) in c.measures.iter().enumerate() {
        let item = Item::new("measures", &m.id, i);
        w.text(NUMBER, m.number.as_deref().unwrap_or(""), || {
            item.field("number")
        })?;
        w.text(TITLE, &m.title.text, || item.field("title"))?;
        if let Some(d) = &m.description {
            w.text(DESCRIPTION, &d.text, || item.field("description"))?;
        }
        w.text(FIELD, &join(ctx.measure_fields(m)), || item.field("fields"))?;
        w.text(
            GOALS,
            &m.goals
                .iter()
                .map(|g| ctx.goal_ref(g))
                .collect::<Vec<_>>()
                .join(", "),
            || item.field("goals"),
        )?;
        if let Some(lead) = &m.lead {
            w.text(LEAD, &ctx.actor_name(lead), || item.field("lead"))?;
        }
        w.text(
            PARTNERS,
            &join(m.partners.iter().map(|p| ctx.actor_name(p))),
            || item.field("partners"),
        )?;
        if let Some(role) = m.county_role {
            w.label(ROLE, ctx.label(role))?;
        }
        if let Some(p) = &m.period {
            w.text(PERIOD, &ctx.period(p), || item.field("period"))?;
            w.opt_date(START, p.earliest())?;
            w.opt_date(END, p.latest())?;
        }
        if let Some(h) = m.time_horizon {
            w.label(HORIZON, ctx.label(h))?;
        }
        if let Some(p) = m.priority {
            w.label(PRIORITY, ctx.label(p))?;
        }
        if let Some(s) = m.status {
            w.label(STATUS, ctx.label(s))?;
        }
        if let Some(light) = ctx.eval.measure_light(i) {
            w.label(LIGHT, light.label(ctx.lang))?;
        }
        w.opt_date(UPDATED, m.last_status_update())?;
        if let Some(costs) = &m.costs {
            if let Some(amount) = costs.amount {
                w.euro(COSTS, amount)?;
            }
            let mut note = Vec::new();
            if costs.estimated {
                note.push(ctx.tr("geschätzt", "estimate").to_owned());
            }
            if let Some(n) = &costs.note {
                note.push(n.text.clone());
            }
            w.text(COST_NOTE, &join(note), || item.field("costs.note"))?;
        }
        w.text(
            FUNDING,
            &join(m.funding.iter().map(|f| ctx.funding_text(f))),
            || item.field("funding"),
        )?;
        w.text(
            BUDGET,
            &join(m.budget.iter().map(|b| {
                let mut s = format!("{}: {}", b.year, ctx.euro_text(b.amount));
                if let Some(account) = &b.account {
                    s.push_str(&format!(" ({account})"));
                }
                s
            })),
            || item.field("budget"),
        )?;
        w.text(
            INDICATORS,
            &join(m.indicators.iter().map(|x| ctx.indicator_ref(x))),
            || item.field("indicators"),
        )?;
        w.text(
            MILESTONES,
            &lines(m.milestones.iter().map(|x| ctx.milestone_text(x))),
            || item.field("milestones"),
        )?;
        w.next_row();
    }

    let priorities: Vec<&str> = Priority::ALL.iter().map(|p| ctx.label(*p)).collect();
    let statuses: Vec<&str> = MeasureStatus::ALL.iter().map(|s| ctx.label(*s)).collect();
    w.list_validation(PRIORITY, &priorities)?;
    w.list_validation(STATUS, &statuses)?;
    status_lights(ctx, &mut w, STATUS)?;
    super::light_colors(ctx, &mut w, LIGHT)?;
    w.end_table()?;
    w.page(ctx.page(true).repeat_columns(0, 1));
    w.finish(slot)
}

/// The traffic light on a status column: umgesetzt green, in Bearbeitung
/// yellow, noch nicht begonnen red.
pub(crate) fn status_lights(ctx: &Ctx, w: &mut SheetWriter, col: u16) -> Result<(), ExportError> {
    w.highlight(col, ctx.label(MeasureStatus::Completed), &ctx.fmt.green)?;
    w.highlight(col, ctx.label(MeasureStatus::InProgress), &ctx.fmt.yellow)?;
    w.highlight(col, ctx.label(MeasureStatus::NotStarted), &ctx.fmt.red)?;
    Ok(())
}
