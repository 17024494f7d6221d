//! Indikatoren: one row per indicator with baseline, target, latest value
//! and progress; below the table the values over time ("Werteverlauf"), four
//! rows per indicator, from which a line chart per indicator plots the
//! observed values against the target.

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::{Date, Indicator, ItemPath, Period};
use rust_xlsxwriter::{
    Chart, ChartEmptyCells, ChartFormat, ChartLegendPosition, ChartLine, ChartLineDashType,
    ChartMarker, ChartMarkerType, ColNum, RowNum,
};

use crate::book::Slot;
use crate::ctx::{join, Ctx};
use crate::formats::Style;
use crate::names::SheetId;
use crate::sheet::{check_rows, def, xlsx_err, Item, SheetWriter};
use crate::MAX_COLUMNS;

/// Rows per indicator in the values block.
const BLOCK_ROWS: usize = 4;
/// First column of the values in the block.
const FIRST_VALUE_COL: ColNum = 3;
/// Rows between two charts.
const CHART_ROWS: RowNum = 18;

column_table! {
    /// The columns, defined once for the writer and the reader (`crate::read`).
    NUMBER: def("number", "Nr.", "No.", Style::Text, 10.0),
    NAME: def("name", "Indikator", "Indicator", Style::Wrap, 45.0),
    UNIT: def("unit", "Einheit", "Unit", Style::Text, 18.0),
    DIRECTION: def("direction", "Richtung", "Direction", Style::Text, 22.0),
    BASELINE: def("baseline", "Ausgangswert", "Baseline", Style::Number, 14.0),
    BASELINE_PERIOD: def(
        "baselinePeriod",
        "Stand Ausgangswert",
        "Baseline period",
        Style::Text,
        20.0,
    ),
    TARGET: def("target", "Zielwert", "Target", Style::Number, 14.0),
    TARGET_PERIOD: def("targetDue", "Zieltermin", "Target due", Style::Text, 20.0),
    // "möglichst", "anzustreben": an aim, not a commitment.
    TARGET_KIND: def("targetKind", "Zielart", "Kind of target", Style::Text, 12.0),
    LATEST: def("latest", "Letzter Wert", "Latest value", Style::Number, 14.0),
    LATEST_PERIOD: def("latestPeriod", "Stand", "Latest period", Style::Text, 20.0),
    LATEST_DATE: def("latestDate", "Datum", "Latest date", Style::Date, 12.0),
    PROGRESS: def("progress", "Fortschritt", "Progress", Style::Percent, 12.0),
    EXPECTED: def(
        "expectedProgress",
        "Soll-Fortschritt",
        "Expected progress",
        Style::Percent,
        12.0,
    ),
    LIGHT: def("light", "Ampel", "Traffic light", Style::Text, 10.0),
    LIGHT_NOTE: def("lightNote", "Hinweis zur Ampel", "Note on the light", Style::Wrap, 30.0),
    SOURCE: def("source", "Quelle", "Source", Style::Wrap, 30.0),
    LINKED: def("links", "Ziele und Maßnahmen", "Goals and measures", Style::Wrap, 35.0),
    DESCRIPTION: def("description", "Beschreibung", "Description", Style::Wrap, 50.0),
}

const COLUMN_COUNT: u16 = COLUMNS.len() as u16;

/// The day a period stands for on a time axis: its last day, or its first
/// when it is open at the end.
fn day_of(p: &Period) -> Option<Date> {
    p.latest().or_else(|| p.earliest())
}

/// Where a point of an indicator's history comes from.
#[derive(Clone, Copy)]
enum Source {
    Baseline,
    Observation(usize),
    Target(usize),
}

/// One point of an indicator's history.
struct Point<'a> {
    date: Date,
    period: Option<&'a Period>,
    value: Option<f64>,
    source: Source,
}

impl Point<'_> {
    /// The path of the point's value, for errors.
    fn path(&self, item: &Item) -> String {
        match self.source {
            Source::Baseline => item.field("baseline.value"),
            Source::Observation(k) => item.at("observations", k).field("value").into(),
            Source::Target(k) => item.at("targets", k).field("value").into(),
        }
    }
}

/// Baseline, observations and targets with a date, in time order.
fn points(ind: &Indicator) -> Vec<Point<'_>> {
    let mut points = Vec::new();
    if let Some(b) = &ind.baseline {
        if let Some(date) = b.period.as_ref().and_then(day_of) {
            points.push(Point {
                date,
                period: b.period.as_ref(),
                value: Some(b.value),
                source: Source::Baseline,
            });
        }
    }
    for (k, o) in ind.observations.iter().enumerate() {
        if let Some(date) = day_of(&o.period) {
            points.push(Point {
                date,
                period: Some(&o.period),
                value: Some(o.value),
                source: Source::Observation(k),
            });
        }
    }
    for (k, t) in ind.targets.iter().enumerate() {
        if let Some(date) = t.due.as_ref().and_then(day_of) {
            points.push(Point {
                date,
                period: t.due.as_ref(),
                value: None,
                source: Source::Target(k),
            });
        }
    }
    points.sort_by_key(|p| p.date);
    points
}

/// The targets by due date; targets without a due date come last.
fn targets_by_date(ind: &Indicator) -> Vec<(Option<Date>, f64)> {
    let mut dated: Vec<(Option<Date>, f64)> = ind
        .targets
        .iter()
        .map(|t| (t.due.as_ref().and_then(day_of), t.value))
        .collect();
    dated.sort_by_key(|(d, _)| (d.is_none(), *d));
    dated
}

/// The target that applies on a date: the first one due on or after it,
/// else the last one due.
fn target_on(targets: &[(Option<Date>, f64)], date: Date) -> Option<f64> {
    targets
        .iter()
        .find(|(d, _)| d.is_none_or(|d| d >= date))
        .or(targets.last())
        .map(|(_, v)| *v)
}

/// Text Excel would take for a cell reference or formula in a chart title.
fn unsafe_chart_text(text: &str) -> bool {
    text.starts_with('=') || text.contains('!') || text.encode_utf16().count() > 255
}

/// What an indicator measures: a goal or a measure, by index. A 32-bit
/// index halves what the sheet holds per link (8 bytes instead of 16) in
/// constant-memory mode; no list of 4 billion goals or measures fits in
/// memory.
#[derive(Clone, Copy)]
enum Link {
    Goal(u32),
    Measure(u32),
}

/// The links of every indicator, grouped by the indicator's position: the
/// links of the indicator at `i` are `links[start[i]..start[i + 1]]`, goals
/// first, each in list order. The offsets are 32-bit too (4 bytes an
/// indicator); more than `u32::MAX` links are refused with an error.
struct Linked {
    start: Vec<u32>,
    links: Vec<Link>,
}

impl Linked {
    fn new(ctx: &Ctx) -> Result<Self, ExportError> {
        let c = ctx.c;
        let index = ctx.idx();
        let all = || {
            let goals = (0..=u32::MAX)
                .zip(&c.goals)
                .flat_map(|(k, g)| g.indicators.iter().map(move |i| (i, Link::Goal(k))));
            let measures = (0..=u32::MAX)
                .zip(&c.measures)
                .flat_map(|(k, m)| m.indicators.iter().map(move |i| (i, Link::Measure(k))));
            goals
                .chain(measures)
                .filter_map(|(i, l)| Some((index.indicator_position(i.as_str())?, l)))
        };
        // A counting sort: count, sum up, place.
        let too_many = || ExportError::Limit {
            path: ItemPath::field_of_concept("indicators"),
            message: format!(
                "goals and measures refer to indicators more than {} times, more than the \
                 Indikatoren sheet can list",
                u32::MAX
            ),
        };
        let mut start = vec![0u32; c.indicators.len() + 1];
        for (i, _) in all() {
            start[i + 1] = start[i + 1].checked_add(1).ok_or_else(too_many)?;
        }
        for i in 1..start.len() {
            start[i] = start[i].checked_add(start[i - 1]).ok_or_else(too_many)?;
        }
        let total = start[start.len() - 1] as usize;
        let mut next = start.clone();
        let mut links = vec![Link::Goal(0); total];
        for (i, l) in all() {
            links[next[i] as usize] = l;
            next[i] += 1;
        }
        Ok(Linked { start, links })
    }

    /// The links of the indicator with the id.
    fn of(&self, ctx: &Ctx, id: &kreisentwicklung_core::Id) -> &[Link] {
        match ctx.idx().indicator_position(id.as_str()) {
            Some(i) => &self.links[self.start[i] as usize..self.start[i + 1] as usize],
            None => &[],
        }
    }
}

/// Writes the sheet; nothing when there are no indicators.
pub(crate) fn write(ctx: &Ctx, slot: &Slot, name: &str) -> Result<(), ExportError> {
    let c = ctx.c;
    if c.indicators.is_empty() {
        return Ok(());
    }
    // Who each indicator measures: goals and measures by position, grouped
    // by the indicator's position (its first, when ids repeat) in one list
    // with offsets, so that no list is held per indicator; worded when the
    // row is written.
    let linked = Linked::new(ctx)?;
    let goal_word = ctx.tr("Ziel", "Goal");
    let measure_word = ctx.tr("Maßnahme", "Measure");
    let link_text = |l: &Link| match *l {
        Link::Goal(k) => format!("{goal_word} {}", ctx.goal_ref(&c.goals[k as usize].id)),
        Link::Measure(k) => {
            let m = &c.measures[k as usize];
            let r = m.number.as_deref().unwrap_or(&m.title.text);
            format!("{measure_word} {r}")
        }
    };

    // The values block follows the table; count its rows first.
    let with_points = c
        .indicators
        .iter()
        .filter(|i| {
            i.baseline
                .as_ref()
                .and_then(|b| b.period.as_ref())
                .and_then(day_of)
                .is_some()
                || i.observations.iter().any(|o| day_of(&o.period).is_some())
                || i.targets
                    .iter()
                    .any(|t| t.due.as_ref().and_then(day_of).is_some())
        })
        .count();
    let block_rows = if with_points > 0 {
        2 + BLOCK_ROWS * with_points
    } else {
        0
    };
    let rows = 1 + c.indicators.len() + block_rows;
    check_rows(
        rows,
        name,
        "indicators",
        ctx.tr(
            "Indikatoren und ihr Werteverlauf",
            "indicators and their values",
        ),
    )?;
    let mut w = ctx.sheet(slot, name, rows)?;

    w.begin_table(SheetId::Indicators, COLUMNS, c.indicators.len())?;
    w.freeze_columns(2);
    for (i, ind) in c.indicators.iter().enumerate() {
        let item = Item::new("indicators", &ind.id, i);
        w.text(NUMBER, ind.number.as_deref().unwrap_or(""), || {
            item.field("number")
        })?;
        w.text(NAME, &ind.name.text, || item.field("name"))?;
        w.text(UNIT, &ind.unit, || item.field("unit"))?;
        w.label(DIRECTION, ctx.label(ind.direction))?;
        if let Some(b) = &ind.baseline {
            w.number(BASELINE, b.value, || item.field("baseline.value"))?;
            if let Some(p) = &b.period {
                w.text(BASELINE_PERIOD, &ctx.period(p), || {
                    item.field("baseline.period")
                })?;
            }
        }
        if let Some(t) = ind.final_target() {
            w.number(TARGET, t.value, || item.field("targets"))?;
            if let Some(p) = &t.due {
                w.text(TARGET_PERIOD, &ctx.period(p), || item.field("targets"))?;
            }
            if t.aspirational {
                w.label(TARGET_KIND, ctx.tr("angestrebt", "aim"))?;
            }
        }
        if let Some(o) = ind.latest() {
            w.number(LATEST, o.value, || item.field("observations"))?;
            w.text(LATEST_PERIOD, &ctx.period(&o.period), || {
                item.field("observations")
            })?;
            w.opt_date(LATEST_DATE, day_of(&o.period))?;
        }
        if let Some(status) = ctx.eval.indicator(i) {
            if let Some(p) = status.raw_progress.filter(|p| p.is_finite()) {
                w.percent(PROGRESS, p, || item.field("observations"))?;
            }
            if let Some(p) = status.progress {
                w.percent(EXPECTED, p.expected, || item.field("targets"))?;
            }
            w.label(LIGHT, status.light.label(ctx.lang))?;
            let mut note = Vec::new();
            if let Some(reason) = status.grey_reason {
                note.push(reason.label(ctx.lang));
            }
            if status.baseline_from_observation {
                note.push(ctx.tr(
                    "erster Ist-Wert dient als Ausgangswert",
                    "earliest value serves as baseline",
                ));
            }
            w.text(LIGHT_NOTE, &join(note), String::new)?;
        }
        if let Some(s) = &ind.source {
            w.text(SOURCE, &s.text, || item.field("source"))?;
        }
        let links = linked.of(ctx, &ind.id);
        if !links.is_empty() {
            w.text(LINKED, &join(links.iter().map(link_text)), || {
                item.field("id")
            })?;
        }
        if let Some(d) = &ind.description {
            w.text(DESCRIPTION, &d.text, || item.field("description"))?;
        }
        w.next_row();
    }
    super::light_colors(ctx, &mut w, LIGHT)?;
    w.end_table()?;
    // Only the table is printed: the values over time below it are the
    // charts' data (their columns do not match the table's header), and
    // the charts stand beside it.
    let last_row = w.row().saturating_sub(1);
    w.page(
        ctx.page(true)
            .repeat_columns(0, 1)
            .area(0, 0, last_row, COLUMN_COUNT - 1),
    );

    if with_points > 0 {
        values_block(ctx, &mut w)?;
    }
    w.finish(slot)
}

/// The values over time and the charts.
fn values_block(ctx: &Ctx, w: &mut SheetWriter) -> Result<(), ExportError> {
    let c = ctx.c;
    w.next_row();
    let heading = ctx.tr(
        "Werteverlauf (Datenbasis der Diagramme)",
        "Values over time (data of the charts)",
    );
    let section = ctx.fmt.section.clone();
    w.text_with(0, heading, &section, 0.0, String::new)?;
    // The heading is long; it must not widen the number column.
    w.next_row();

    let (period_word, date_word, actual_word, target_word) = (
        ctx.tr("Zeitraum", "Period"),
        ctx.tr("Datum", "Date"),
        ctx.tr("Ist-Wert", "Actual"),
        ctx.tr("Zielwert", "Target"),
    );
    // The workbook's own label format (not a copy): the sheet writer defers
    // it by identity.
    let label = &ctx.fmt.label;
    let mut charts = 0usize;
    let sheet = w.name.clone();
    for (i, ind) in c.indicators.iter().enumerate() {
        let item = Item::new("indicators", &ind.id, i);
        let points = points(ind);
        if points.is_empty() {
            continue;
        }
        if FIRST_VALUE_COL as usize + points.len() > MAX_COLUMNS as usize {
            return Err(ExportError::Limit {
                path: crate::sheet::limit_path(item.field("observations")),
                message: format!(
                    "{} values over time do not fit in the {MAX_COLUMNS} columns of a worksheet",
                    points.len()
                ),
            });
        }
        let first = w.row();
        // Row 1: number, name and the periods as written.
        w.text(NUMBER, ind.number.as_deref().unwrap_or(""), || {
            item.field("number")
        })?;
        w.text_as(NAME, &ind.name.text, Style::Wrap, || item.field("name"))?;
        w.text_with(2, period_word, label, 0.0, String::new)?;
        for (k, p) in points.iter().enumerate() {
            if let Some(period) = p.period {
                w.text_as(
                    FIRST_VALUE_COL + k as ColNum,
                    &ctx.period(period),
                    Style::Text,
                    || p.path(&item),
                )?;
            }
        }
        w.next_row();
        // Row 2: the dates (the chart's time axis).
        w.text_with(2, date_word, label, 0.0, String::new)?;
        for (k, p) in points.iter().enumerate() {
            w.date(FIRST_VALUE_COL + k as ColNum, p.date)?;
        }
        w.next_row();
        // Row 3: the observed values (and the baseline).
        w.text_with(
            2,
            &format!("{actual_word} ({})", ind.unit),
            label,
            0.0,
            || item.field("unit"),
        )?;
        let mut has_actual = false;
        for (k, p) in points.iter().enumerate() {
            if let Some(v) = p.value {
                w.number(FIRST_VALUE_COL + k as ColNum, v, || p.path(&item))?;
                has_actual = true;
            }
        }
        w.next_row();
        // Row 4: the target that applies at each date.
        w.text_with(2, target_word, label, 0.0, String::new)?;
        let targets = targets_by_date(ind);
        for (k, p) in points.iter().enumerate() {
            if let Some(t) = target_on(&targets, p.date) {
                w.number(FIRST_VALUE_COL + k as ColNum, t, || item.field("targets"))?;
            }
        }
        w.next_row();

        if has_actual && charts < ctx.max_charts {
            let last_col = FIRST_VALUE_COL + points.len() as ColNum - 1;
            let title = crate::ctx::numbered(ind.number.as_deref(), &ind.name.text);
            // Table row of this indicator, for a title Excel would misread.
            let table_row = 1 + i as RowNum;
            let chart = chart(
                ctx,
                &sheet,
                &title,
                table_row,
                &ind.unit,
                first,
                FIRST_VALUE_COL,
                last_col,
                ind.targets.is_empty(),
            );
            let at = 1 + charts as RowNum * CHART_ROWS;
            w.worksheet()
                .insert_chart(at, COLUMN_COUNT + 1, &chart)
                .map_err(xlsx_err)?;
            charts += 1;
        }
    }
    Ok(())
}

/// A line chart of an indicator's values (row `first + 2`) against its
/// target (row `first + 3`) over the dates (row `first + 1`).
#[allow(clippy::too_many_arguments)]
fn chart(
    ctx: &Ctx,
    sheet: &str,
    title: &str,
    table_row: RowNum,
    unit: &str,
    first: RowNum,
    first_col: ColNum,
    last_col: ColNum,
    no_target: bool,
) -> Chart {
    let mut chart = Chart::new_line();
    if unsafe_chart_text(title) {
        chart.title().set_name((sheet, table_row, NAME));
    } else {
        chart.title().set_name(title);
    }
    let dates = (sheet, first + 1, first_col, first + 1, last_col);
    chart
        .add_series()
        .set_name(ctx.tr("Ist-Wert", "Actual"))
        .set_categories(dates)
        .set_values((sheet, first + 2, first_col, first + 2, last_col))
        .set_marker(ChartMarker::new().set_type(ChartMarkerType::Circle))
        .set_format(
            ChartFormat::new().set_line(ChartLine::new().set_color("#1F4E79").set_width(2.25)),
        );
    if !no_target {
        chart
            .add_series()
            .set_name(ctx.tr("Zielwert", "Target"))
            .set_categories(dates)
            .set_values((sheet, first + 3, first_col, first + 3, last_col))
            .set_format(
                ChartFormat::new().set_line(
                    ChartLine::new()
                        .set_color("#C00000")
                        .set_dash_type(ChartLineDashType::Dash),
                ),
            );
    }
    chart.x_axis().set_date_axis(true).set_num_format("mm.yyyy");
    if !unit.is_empty() && !unsafe_chart_text(unit) {
        chart.y_axis().set_name(unit);
    }
    chart.show_empty_cells_as(ChartEmptyCells::Connected);
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(520).set_height(300);
    chart
}
