//! Prüfbericht: the health report's findings — gaps software can see in a
//! concept (goals without measures, measures without indicators, no
//! priorities, no public participation, an overdue review …), most serious
//! first, each with what to do about it.

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::health::Severity;
use rust_xlsxwriter::Workbook;

use crate::ctx::Ctx;
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::{col, Column};

const SEVERITY: u16 = 0;
const MESSAGE: u16 = 1;
const FIX: u16 = 2;
const PATH: u16 = 3;
const CODE: u16 = 4;

fn columns(ctx: &Ctx) -> Vec<Column> {
    let t = |de, en| ctx.tr(de, en);
    vec![
        col(t("Schwere", "Severity"), Style::Text, 12.0),
        col(t("Befund", "Finding"), Style::Wrap, 70.0),
        col(t("Empfehlung", "Recommendation"), Style::Wrap, 60.0),
        col(t("Fundstelle", "Location"), Style::Text, 30.0),
        col(t("Prüfregel", "Check"), Style::Text, 30.0),
    ]
}

/// Writes the sheet; nothing when the report has no findings.
pub(crate) fn write(ctx: &Ctx, workbook: &mut Workbook, name: &str) -> Result<(), ExportError> {
    let rows = ctx.eval.finding_total();
    if rows == 0 {
        return Ok(());
    }
    let mut w = ctx.sheet(workbook, name, 1 + rows)?;
    w.begin_table(
        SheetId::Health.table_name(),
        columns(ctx),
        rows,
        "health",
        ctx.tr("Befunde", "findings"),
    )?;
    w.freeze_columns(1);
    let mut k = 0;
    ctx.eval.try_for_each_finding(|f| {
        let path = || format!("health.findings[{k}]");
        w.label(SEVERITY, f.severity.label(ctx.lang))?;
        w.text(MESSAGE, f.message(ctx.lang), path)?;
        w.label(FIX, f.code.fix(ctx.lang))?;
        w.text(PATH, f.path.as_str(), path)?;
        w.label(CODE, f.code.as_str())?;
        w.next_row();
        k += 1;
        Ok::<(), ExportError>(())
    })?;
    for (severity, format) in [
        (Severity::Error, &ctx.fmt.red),
        (Severity::Warning, &ctx.fmt.yellow),
        (Severity::Info, &ctx.fmt.grey),
    ] {
        w.highlight(SEVERITY, severity.label(ctx.lang), format)?;
    }
    w.end_table()?;
    w.finish(workbook)
}
