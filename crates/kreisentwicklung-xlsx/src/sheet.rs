//! Writing one worksheet row by row: typed cells, text safety, limits,
//! column widths, tables, print setup.
//!
//! Every sheet is written strictly top to bottom, so the same code serves
//! the normal mode and the constant-memory mode (where rows already written
//! are flushed to a temporary file and cannot be touched again).

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::validate::is_xml_illegal;
use kreisentwicklung_core::{Date, Euro, Id, ItemPath, Language};
use rust_xlsxwriter::{
    ColNum, ConditionalFormatCell, ConditionalFormatCellRule, DataValidation, ExcelDateTime,
    Format, RowNum, Table, TableColumn, TableStyle, Url, Worksheet, XlsxError,
};

use crate::book::Slot;
use crate::formats::{looks_like_formula, Formats, Style, DEFAULT_COL_PX, DEFAULT_ROW_PX};
use crate::metrics::{
    digits, display_chars, number_len, text_width, wrapped_lines, BOLD, DEFAULT_ROW_PT, LINE_PT,
};
use crate::names::SheetId;
use crate::print::Page;
use crate::{
    FORMAT_ID, MAX_CELL_CHARS, MAX_COLUMNS, MAX_HYPERLINKS_PER_SHEET, MAX_ROWS, MAX_URL_CHARS,
};

/// Wraps an error of the spreadsheet library.
pub(crate) fn xlsx_err(e: XlsxError) -> ExportError {
    match e {
        XlsxError::IoError(e) => ExportError::Io(e),
        e => ExportError::format(FORMAT_ID, e),
    }
}

/// The path of an item of a collection, written by the core's one rule
/// ([`ItemPath`]): `measures[W3]` by id when the id is well-formed, else
/// `measures[4]` by position.
#[derive(Clone, Copy)]
pub(crate) struct Item<'a> {
    coll: &'a str,
    id: &'a Id,
    index: usize,
}

impl<'a> Item<'a> {
    pub(crate) fn new(coll: &'a str, id: &'a Id, index: usize) -> Self {
        Item { coll, id, index }
    }

    /// `measures[W3].description`.
    pub(crate) fn field(&self, field: &str) -> String {
        ItemPath::item(self.coll, self.id, self.index)
            .field(field)
            .into()
    }

    /// An element of one of the item's lists: `resolutions[b1].consultations[2]`.
    pub(crate) fn at(&self, list: &str, position: usize) -> ItemPath {
        ItemPath::item(self.coll, self.id, self.index)
            .field(list)
            .index(position)
    }
}

/// A column of a table that is read back, defined once for the writer and
/// the reader: the key the reader knows it by, its German and English
/// header, how its cells look and how wide it may grow.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ColumnDef {
    pub key: &'static str,
    pub de: &'static str,
    pub en: &'static str,
    pub style: Style,
    pub max_width: f64,
}

impl ColumnDef {
    /// The header in a language.
    pub(crate) fn header(&self, lang: Language) -> &'static str {
        crate::names::tr(lang, self.de, self.en)
    }
}

/// A [`ColumnDef`]; `max_width` in Excel's character units.
pub(crate) const fn def(
    key: &'static str,
    de: &'static str,
    en: &'static str,
    style: Style,
    max_width: f64,
) -> ColumnDef {
    ColumnDef {
        key,
        de,
        en,
        style,
        max_width,
    }
}

/// The item a cell that cannot be written belongs to. The sheets keep
/// paths as text, printed by [`ItemPath`]'s rule (or a field name); they
/// read back as they were printed.
pub(crate) fn limit_path(text: String) -> ItemPath {
    text.parse()
        .unwrap_or_else(|_| ItemPath::field_of_concept(&text))
}

/// Checks a text against what a cell can hold.
pub(crate) fn check_text(text: &str, path: impl FnOnce() -> String) -> Result<(), ExportError> {
    let bytes = text.as_bytes();
    if bytes
        .iter()
        .any(|&b| (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') || b == 0xEF)
    {
        if let Some((pos, ch)) = text.chars().enumerate().find(|(_, c)| is_xml_illegal(*c)) {
            return Err(ExportError::Limit {
                path: limit_path(path()),
                message: format!(
                    "contains the control character U+{:04X} at character {}, which a workbook (XML) cannot carry",
                    ch as u32,
                    pos + 1
                ),
            });
        }
    }
    // UTF-16 code units never outnumber bytes, so short texts need no count.
    if bytes.len() > MAX_CELL_CHARS {
        let units = text.encode_utf16().count();
        if units > MAX_CELL_CHARS {
            let chars = text.chars().count();
            let message = if chars == units {
                format!(
                    "text has {chars} characters, more than the {MAX_CELL_CHARS} a spreadsheet cell holds"
                )
            } else {
                format!(
                    "text has {chars} characters ({units} UTF-16 code units), more than the {MAX_CELL_CHARS} a spreadsheet cell holds"
                )
            };
            return Err(ExportError::Limit {
                path: limit_path(path()),
                message,
            });
        }
    }
    Ok(())
}

/// Fails when a sheet would need more rows than a worksheet has.
pub(crate) fn check_rows(
    rows: usize,
    sheet: &str,
    path: &str,
    what: &str,
) -> Result<(), ExportError> {
    if rows > MAX_ROWS as usize {
        return Err(ExportError::Limit {
            path: limit_path(path.to_owned()),
            message: format!(
                "{what} need {rows} rows on sheet {sheet:?}, more than the {MAX_ROWS} rows a worksheet holds"
            ),
        });
    }
    Ok(())
}

/// Adjacent cells of the current row, written without a format, that are
/// to get the format of one column style ([`Formats::for_style`]) in one
/// `set_range_format` call when the row is done.
///
/// Why: `rust_xlsxwriter` hashes the whole [`Format`] for every cell written
/// with one (some 3,000 instructions a cell), which made the values block
/// of the Indikatoren sheet (dates and numbers in columns of other styles)
/// the library's largest cost. A range pays the hash once. Only formats
/// that a column of the sheet already has are deferred, so that formats
/// are registered in the same order as before and the file stays
/// byte-identical.
///
/// In the normal mode, runs of the same columns and format in consecutive
/// rows are joined into one rectangle (a [`Rect`]) before the format is
/// applied: the labels of the values block form one column for the whole
/// block. In constant-memory mode a row cannot be touched once left, so
/// each run is applied when its row ends.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Run {
    first: ColNum,
    last: ColNum,
    format: Deferred,
}

/// The format a [`Run`] gets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Deferred {
    /// The format of a column style ([`Formats::for_style`]).
    Style(Style),
    /// The bold label format ([`Formats::label`]).
    Label,
}

/// A run repeated in consecutive rows (normal mode only).
struct Rect {
    first_row: RowNum,
    last_row: RowNum,
    run: Run,
}

/// The table a sheet is building.
struct TableSpec {
    first_row: RowNum,
    columns: &'static [ColumnDef],
    name: &'static str,
}

/// One worksheet being written.
pub(crate) struct SheetWriter<'f> {
    ws: Worksheet,
    pub name: String,
    pub fmt: &'f Formats,
    pub lang: Language,
    constant_memory: bool,
    row: RowNum,
    widths: Vec<f64>,
    caps: Vec<f64>,
    links: usize,
    link_cap: usize,
    /// The style of each column whose cells inherit the column format.
    col_styles: Vec<Option<Style>>,
    table: Option<TableSpec>,
    /// The number of columns of the table being written, until it ends.
    open_columns: Option<usize>,
    freeze_cols: ColNum,
    /// Styles whose format a column of this sheet has (by `Style as usize`):
    /// the formats a [`Run`] may apply.
    column_formats: [bool; STYLES],
    /// Cells waiting for their format (see [`Run`]): the run being
    /// extended, the finished runs of the current row, and the rectangles
    /// they may still join (normal mode).
    run: Option<Run>,
    row_runs: Vec<Run>,
    rects: Vec<Rect>,
    /// True once a cell of this sheet was written with the label format,
    /// which registers it: later label cells may be deferred.
    label_registered: bool,
    /// An error applying a run's format, reported by [`SheetWriter::finish`]
    /// (it cannot happen: the run's cells were written without error).
    run_error: Option<XlsxError>,
    /// The height the current row needs for its wrapped text, in points.
    row_pt: f64,
    /// How the sheet is printed (see [`SheetWriter::page`]).
    page: Option<Page>,
}

/// The number of [`Style`]s.
const STYLES: usize = Style::ALL.len();

impl<'f> SheetWriter<'f> {
    /// A new worksheet of the workbook (not yet added to it).
    pub(crate) fn new(
        slot: &Slot,
        name: &str,
        fmt: &'f Formats,
        lang: Language,
        constant_memory: bool,
    ) -> Result<Self, ExportError> {
        let mut ws = if constant_memory {
            slot.streamed_worksheet().map_err(xlsx_err)?
        } else {
            // A worksheet of its own (added to the workbook when done) gets
            // the workbook's default format here; see `Formats::base`.
            let mut ws = Worksheet::new();
            ws.set_default_format(&fmt.base, DEFAULT_ROW_PX, DEFAULT_COL_PX)
                .map_err(xlsx_err)?;
            ws
        };
        ws.set_name(name).map_err(xlsx_err)?;
        Ok(SheetWriter {
            ws,
            name: name.to_owned(),
            fmt,
            lang,
            constant_memory,
            row: 0,
            widths: Vec::new(),
            caps: Vec::new(),
            links: 0,
            link_cap: MAX_HYPERLINKS_PER_SHEET,
            col_styles: Vec::new(),
            table: None,
            open_columns: None,
            freeze_cols: 0,
            column_formats: [false; STYLES],
            run: None,
            row_runs: Vec::new(),
            rects: Vec::new(),
            label_registered: false,
            run_error: None,
            row_pt: 0.0,
            page: None,
        })
    }

    /// The row being written.
    pub(crate) fn row(&self) -> RowNum {
        self.row
    }

    /// Moves on to the next row.
    pub(crate) fn next_row(&mut self) {
        self.end_row();
        // Not when streamed: rust_xlsxwriter 0.102 writes the last row of a
        // constant-memory sheet twice when it has a height.
        if !self.constant_memory {
            self.set_height();
        }
        self.row_pt = 0.0;
        self.row += 1;
    }

    /// Writes the current row's height when its text needs more than one
    /// line: LibreOffice, unlike Excel, does not fit rows when it opens a
    /// file. At most Excel's 409 points.
    fn set_height(&mut self) {
        let pt = std::mem::take(&mut self.row_pt).min(409.0);
        if pt > DEFAULT_ROW_PT {
            if let Err(e) = self.ws.set_row_height(self.row, pt) {
                self.run_error.get_or_insert(e);
            }
        }
    }

    /// Makes the current row at least this high (points): titles in a
    /// larger font.
    pub(crate) fn min_height(&mut self, pt: f64) {
        self.row_pt = self.row_pt.max(pt);
    }

    /// How many lines a text in a wrapping cell of `col` takes, for the row
    /// height. The column ends at least as wide as this text needs, up to
    /// its cap (see [`SheetWriter::finish`]), so the lines are known now.
    fn fit(&mut self, col: ColNum, text: &str, scale: f64, indent: f64) {
        let cap = self.caps.get(col as usize).copied().unwrap_or(60.0);
        let width = (text_width(text) * scale + 1.0 + indent).min(cap).max(6.0) - indent;
        let lines = wrapped_lines(text, width, scale) as f64;
        self.row_pt = self.row_pt.max(lines * LINE_PT * scale.max(1.0));
    }

    /// Sets how the sheet is printed.
    pub(crate) fn page(&mut self, page: Page) {
        self.page = Some(page);
    }

    /// The worksheet, for charts and other extras.
    pub(crate) fn worksheet(&mut self) -> &mut Worksheet {
        self.apply_all();
        &mut self.ws
    }

    /// Gives a rectangle of cells the format of a run.
    fn apply(&mut self, first_row: RowNum, last_row: RowNum, r: Run) {
        let format = match r.format {
            Deferred::Style(style) => self.explicit(style),
            Deferred::Label => &self.fmt.label,
        };
        if let Err(e) = self
            .ws
            .set_range_format(first_row, r.first, last_row, r.last, format)
        {
            self.run_error.get_or_insert(e);
        }
    }

    /// Ends the run being extended: applied at once in constant-memory mode
    /// (the row is flushed with the next row's first cell), else kept for
    /// joining with the next row's.
    fn close_run(&mut self) {
        if let Some(r) = self.run.take() {
            if self.constant_memory {
                self.apply(self.row, self.row, r);
            } else {
                self.row_runs.push(r);
            }
        }
    }

    /// At the end of a row: joins its runs to the rectangles of the row
    /// above and applies the rectangles that end here.
    fn end_row(&mut self) {
        self.close_run();
        let row = self.row;
        let mut runs = std::mem::take(&mut self.row_runs);
        for r in runs.drain(..) {
            match self
                .rects
                .iter_mut()
                .find(|x| x.run == r && x.last_row.checked_add(1) == Some(row))
            {
                Some(rect) => rect.last_row = row,
                None => self.rects.push(Rect {
                    first_row: row,
                    last_row: row,
                    run: r,
                }),
            }
        }
        self.row_runs = runs;
        let mut i = 0;
        while i < self.rects.len() {
            if self.rects[i].last_row < row {
                let x = self.rects.swap_remove(i);
                self.apply(x.first_row, x.last_row, x.run);
            } else {
                i += 1;
            }
        }
    }

    /// Applies every deferred format (before the sheet is handed on).
    fn apply_all(&mut self) {
        self.end_row();
        for x in std::mem::take(&mut self.rects) {
            self.apply(x.first_row, x.last_row, x.run);
        }
    }

    /// True when a cell needing the format of `style` can be written without
    /// a format and join a [`Run`]: a column of the sheet has that format.
    fn can_defer(&self, style: Style) -> bool {
        self.column_formats[self.fmt.canonical(style) as usize]
    }

    /// The format to give a cell of `style` that does not inherit it: for
    /// the workbook's default format one that looks the same but is not
    /// the default (see [`Formats::plain`]).
    fn explicit(&self, style: Style) -> &'f Format {
        if self.fmt.is_base(style) {
            &self.fmt.plain
        } else {
            self.fmt.for_style(style)
        }
    }

    /// A cell that inherits its column's format joins the run being
    /// extended when the run gives the same format: applying it again
    /// changes nothing, and the run stays one range (one format lookup)
    /// instead of two. Not for the default format: its runs give
    /// [`Formats::plain`], which such a cell does not need.
    fn join_run(&mut self, col: ColNum, style: Style) {
        if self.fmt.is_base(style) {
            return;
        }
        let format = Deferred::Style(self.fmt.canonical(style));
        if let Some(r) = &mut self.run {
            if r.format == format && col.checked_sub(1) == Some(r.last) {
                r.last = col;
            }
        }
    }

    /// Adds the cell just written without a format at `col` to the run of
    /// cells that get the format of `style` (see [`Run`]).
    fn defer(&mut self, col: ColNum, style: Style) {
        self.defer_as(col, Deferred::Style(self.fmt.canonical(style)));
    }

    fn defer_as(&mut self, col: ColNum, format: Deferred) {
        match &mut self.run {
            Some(r) if r.format == format && col.checked_sub(1) == Some(r.last) => r.last = col,
            _ => {
                self.close_run();
                self.run = Some(Run {
                    first: col,
                    last: col,
                    format,
                });
            }
        }
    }

    /// Freezes this many columns besides the header row.
    pub(crate) fn freeze_columns(&mut self, cols: ColNum) {
        self.freeze_cols = cols;
    }

    fn grow(&mut self, col: ColNum, width: f64) {
        let i = col as usize;
        if self.widths.len() <= i {
            self.widths.resize(i + 1, 0.0);
            self.caps.resize(i + 1, 60.0);
        }
        if width > self.widths[i] {
            self.widths[i] = width;
        }
    }

    /// Sets the widest a column may become.
    pub(crate) fn cap(&mut self, col: ColNum, max_width: f64) {
        self.grow(col, 0.0);
        self.caps[col as usize] = max_width;
    }

    fn is_full(&self, col: ColNum) -> bool {
        let i = col as usize;
        i < self.widths.len() && self.widths[i] >= self.caps[i]
    }

    // ----- tables -----------------------------------------------------------

    /// Writes the header row of the sheet's table, `columns` headed in the
    /// sheet's language, with `data_rows` rows below it; checks that they
    /// fit on the sheet.
    pub(crate) fn begin_table(
        &mut self,
        sheet: SheetId,
        columns: &'static [ColumnDef],
        data_rows: usize,
    ) -> Result<(), ExportError> {
        let rows = self.row as usize + 1 + data_rows;
        let (path, what) = sheet.items(self.lang);
        check_rows(rows, &self.name, path, what)?;
        if columns.len() > MAX_COLUMNS as usize {
            return Err(ExportError::Limit {
                path: limit_path(path.to_owned()),
                message: format!("more than {MAX_COLUMNS} columns"),
            });
        }
        let first_row = self.row;
        for (i, c) in columns.iter().enumerate() {
            let title = c.header(self.lang);
            let col = i as ColNum;
            let quoted;
            let header = if looks_like_formula(title) {
                quoted = self.fmt.header.clone().set_quote_prefix();
                &quoted
            } else {
                &self.fmt.header
            };
            self.ws
                .write_string_with_format(first_row, col, title, self.known(header))
                .map_err(xlsx_err)?;
            // Cells of the column's own style inherit the column format, so
            // they need no format of their own (which saves hashing the
            // format for every cell), and cells typed in later look alike.
            self.ws
                .set_column_format(col, self.fmt.for_style(c.style))
                .map_err(xlsx_err)?;
            let inherited = self.fmt.canonical(match c.style {
                Style::Link => Style::Text,
                s => s,
            });
            self.column_formats[inherited as usize] = true;
            if self.col_styles.len() <= i {
                self.col_styles.resize(i + 1, None);
            }
            self.col_styles[i] = Some(inherited);
            // Bold text and the filter button need room; a header that
            // does not fit wraps, at spaces only: the column holds its
            // longest word ("Enthaltungen", not "Enthaltunge/n"). Its
            // lines are counted as printed, without the button.
            let bold = text_width(title) * BOLD;
            let word = title.split(' ').map(text_width).fold(0.0, f64::max) * BOLD + 1.0;
            self.cap(col, c.max_width.max(word));
            let width = (bold + 3.0).min(c.max_width.max(8.0)).max(word);
            self.grow(col, width);
            let lines = wrapped_lines(title, width, BOLD) as f64;
            self.row_pt = self.row_pt.max(lines * LINE_PT);
        }
        self.set_height();
        self.open_columns = Some(columns.len());
        self.table = Some(TableSpec {
            first_row,
            columns,
            name: sheet.table_name(),
        });
        self.row += 1;
        Ok(())
    }

    /// The style of a table column.
    fn style(&self, col: ColNum) -> Style {
        self.table
            .as_ref()
            .and_then(|t| t.columns.get(col as usize))
            .map_or(Style::Text, |c| c.style)
    }

    /// The first and last data row of the table (None while it has none).
    fn data_rows(&self) -> Option<(RowNum, RowNum)> {
        let t = self.table.as_ref()?;
        (self.row > t.first_row + 1).then(|| (t.first_row + 1, self.row - 1))
    }

    /// Closes the table: an Excel table with filter buttons (in
    /// constant-memory mode a plain autofilter, see the crate docs), frozen
    /// header, header repeated on every printed page.
    pub(crate) fn end_table(&mut self) -> Result<(), ExportError> {
        self.apply_all();
        let Some(t) = self.table.as_ref() else {
            return Ok(());
        };
        self.open_columns = None;
        let first_row = t.first_row;
        let last_col = (t.columns.len().max(1) - 1) as ColNum;
        let last_row = (self.row.max(first_row + 2)) - 1;
        if self.constant_memory {
            self.ws
                .autofilter(first_row, 0, last_row, last_col)
                .map_err(xlsx_err)?;
        } else {
            let columns: Vec<TableColumn> = t
                .columns
                .iter()
                .map(|c| {
                    TableColumn::new()
                        .set_header(c.header(self.lang))
                        .set_header_format(&self.fmt.header)
                })
                .collect();
            let table = Table::new()
                .set_name(t.name)
                .set_style(TableStyle::Light9)
                .set_columns(&columns);
            self.ws
                .add_table(first_row, 0, last_row, last_col, &table)
                .map_err(xlsx_err)?;
        }
        self.ws
            .set_freeze_panes(first_row + 1, self.freeze_cols)
            .map_err(xlsx_err)?;
        self.ws
            .set_repeat_rows(first_row, first_row)
            .map_err(xlsx_err)?;
        Ok(())
    }

    /// A drop-down list of the given labels on a table column.
    pub(crate) fn list_validation(
        &mut self,
        col: ColNum,
        labels: &[&str],
    ) -> Result<(), ExportError> {
        let Some((first, last)) = self.data_rows() else {
            return Ok(());
        };
        let (title, message) = match self.lang {
            Language::De => ("Ungültiger Wert", "Bitte einen Wert aus der Liste wählen."),
            Language::En => ("Invalid value", "Please choose a value from the list."),
        };
        let dv = DataValidation::new()
            .allow_list_strings(labels)
            .map_err(xlsx_err)?
            .set_error_title(title)
            .map_err(xlsx_err)?
            .set_error_message(message)
            .map_err(xlsx_err)?;
        self.ws
            .add_data_validation(first, col, last, col, &dv)
            .map_err(xlsx_err)?;
        Ok(())
    }

    /// Colours cells of a table column whose text equals a label.
    pub(crate) fn highlight(
        &mut self,
        col: ColNum,
        label: &str,
        format: &Format,
    ) -> Result<(), ExportError> {
        let Some((first, last)) = self.data_rows() else {
            return Ok(());
        };
        let cf = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(label))
            .set_format(format);
        self.ws
            .add_conditional_format(first, col, last, col, &cf)
            .map_err(xlsx_err)?;
        Ok(())
    }

    // ----- cells ------------------------------------------------------------

    /// True when cells of this style in this column need no format: their
    /// format is their column's (or, in a column without a format, the
    /// workbook's default format). A link has a format of its own.
    fn inherits(&self, col: ColNum, style: Style) -> bool {
        self.col_checked(col);
        if style == Style::Link {
            return false;
        }
        match self.col_styles.get(col as usize) {
            Some(Some(column)) => *column == self.fmt.canonical(style),
            _ => self.fmt.is_base(style),
        }
    }

    /// Catches cells written beside an open table (a column missing from
    /// the sheet's `columns()`).
    fn col_checked(&self, col: ColNum) {
        debug_assert!(
            self.open_columns.is_none_or(|n| (col as usize) < n),
            "sheet {:?}: column {col} is not one of the table's columns",
            self.name
        );
    }

    fn put_number(&mut self, col: ColNum, value: f64, style: Style) -> Result<(), ExportError> {
        if self.inherits(col, style) {
            self.ws
                .write_number(self.row, col, value)
                .map_err(xlsx_err)?;
            self.join_run(col, style);
        } else if self.can_defer(style) {
            self.ws
                .write_number(self.row, col, value)
                .map_err(xlsx_err)?;
            self.defer(col, style);
        } else {
            self.ws
                .write_number_with_format(self.row, col, value, self.explicit(style))
                .map_err(xlsx_err)?;
        }
        Ok(())
    }

    /// Writes text in the column's style. Empty text leaves the cell empty.
    pub(crate) fn text(
        &mut self,
        col: ColNum,
        text: &str,
        path: impl FnOnce() -> String,
    ) -> Result<(), ExportError> {
        let style = match self.style(col) {
            Style::Wrap => Style::Wrap,
            _ => Style::Text,
        };
        self.text_as(col, text, style, path)
    }

    /// Writes text in a given style.
    pub(crate) fn text_as(
        &mut self,
        col: ColNum,
        text: &str,
        style: Style,
        path: impl FnOnce() -> String,
    ) -> Result<(), ExportError> {
        if text.is_empty() {
            return Ok(());
        }
        check_text(text, path)?;
        let quoted = looks_like_formula(text);
        let width = text_width(text);
        // Text too wide for its column wraps instead of running under the
        // next cell.
        let style = match style {
            Style::Text if width + 1.0 > self.caps.get(col as usize).map_or(60.0, |c| *c) => {
                Style::Wrap
            }
            s => s,
        };
        // The unquoted format of Text and Wrap is their column format.
        let column_style = match style {
            Style::Wrap => Style::Wrap,
            Style::Link => Style::Link, // its own format, not the column's
            _ => Style::Text,
        };
        if !quoted && self.inherits(col, style) {
            self.ws
                .write_string(self.row, col, text)
                .map_err(xlsx_err)?;
            self.join_run(col, style);
        } else if !quoted && column_style != Style::Link && self.can_defer(column_style) {
            self.ws
                .write_string(self.row, col, text)
                .map_err(xlsx_err)?;
            self.defer(col, column_style);
        } else {
            let format = if quoted || column_style == Style::Link {
                self.fmt.for_text(style, quoted)
            } else {
                self.explicit(column_style)
            };
            self.ws
                .write_string_with_format(self.row, col, text, format)
                .map_err(xlsx_err)?;
        }
        // A column at its widest needs no measuring (long texts fill theirs).
        if !self.is_full(col) {
            self.grow(col, width + 1.0);
        }
        if style == Style::Wrap {
            self.fit(col, text, 1.0, 0.0);
        }
        Ok(())
    }

    /// Writes text with an explicit format (titles, labels, indented goals),
    /// with the quote prefix when the text needs it. In a wrapping column
    /// the text wraps (the format must wrap), `extra_width` being its
    /// indentation.
    pub(crate) fn text_with(
        &mut self,
        col: ColNum,
        text: &str,
        format: &Format,
        extra_width: f64,
        path: impl FnOnce() -> String,
    ) -> Result<(), ExportError> {
        if text.is_empty() {
            return Ok(());
        }
        self.col_checked(col);
        check_text(text, path)?;
        let quoted;
        let format = if looks_like_formula(text) {
            quoted = format.clone().set_quote_prefix();
            &quoted
        } else {
            format
        };
        // Labels (one a row in the values block) are deferred like column
        // formats once the label format is registered by a first cell; only
        // in the normal mode, where they join into one rectangle (alone in
        // its row, a run saves nothing).
        let is_label = std::ptr::eq(format, &self.fmt.label);
        if is_label && self.label_registered && !self.constant_memory {
            self.ws
                .write_string(self.row, col, text)
                .map_err(xlsx_err)?;
            self.defer_as(col, Deferred::Label);
        } else {
            let format = self.known(format);
            self.ws
                .write_string_with_format(self.row, col, text, format)
                .map_err(xlsx_err)?;
            self.label_registered |= is_label;
        }
        if !self.is_full(col) {
            self.grow(col, text_width(text) + 1.0 + extra_width);
        }
        if self.table.is_some() && self.style(col) == Style::Wrap {
            self.fit(col, text, BOLD, extra_width);
        }
        Ok(())
    }

    /// Writes a fixed label (a code list label, a heading): no checks.
    pub(crate) fn label(&mut self, col: ColNum, text: &str) -> Result<(), ExportError> {
        self.text(col, text, String::new)
    }

    /// Writes a date as a real date cell (`dd.mm.yyyy`); dates before 1900,
    /// which Excel cannot hold, as text.
    pub(crate) fn date(&mut self, col: ColNum, date: Date) -> Result<(), ExportError> {
        self.col_checked(col);
        let excel = u16::try_from(date.year())
            .ok()
            .filter(|y| *y >= 1900)
            .and_then(|y| ExcelDateTime::from_ymd(y, date.month(), date.day()).ok());
        match excel {
            Some(d) if self.inherits(col, Style::Date) => {
                self.ws.write_datetime(self.row, col, d).map_err(xlsx_err)?;
                self.join_run(col, Style::Date);
            }
            Some(d) if self.can_defer(Style::Date) => {
                self.ws.write_datetime(self.row, col, d).map_err(xlsx_err)?;
                self.defer(col, Style::Date);
            }
            Some(d) => {
                self.ws
                    .write_datetime_with_format(self.row, col, d, &self.fmt.date)
                    .map_err(xlsx_err)?;
            }
            None => {
                let format = self.explicit(Style::Text);
                self.ws
                    .write_string_with_format(self.row, col, date.german(), format)
                    .map_err(xlsx_err)?;
            }
        }
        self.grow(col, 11.0);
        Ok(())
    }

    /// Writes an optional date.
    pub(crate) fn opt_date(&mut self, col: ColNum, date: Option<Date>) -> Result<(), ExportError> {
        match date {
            Some(d) => self.date(col, d),
            None => Ok(()),
        }
    }

    fn finite(value: f64, path: impl FnOnce() -> String) -> Result<(), ExportError> {
        if value.is_finite() {
            Ok(())
        } else {
            Err(ExportError::Limit {
                path: limit_path(path()),
                message: format!(
                    "{value} is not a finite number; a spreadsheet cell cannot hold it"
                ),
            })
        }
    }

    /// Writes a number.
    pub(crate) fn number(
        &mut self,
        col: ColNum,
        value: f64,
        path: impl FnOnce() -> String,
    ) -> Result<(), ExportError> {
        Self::finite(value, path)?;
        self.put_number(col, value, Style::Number)?;
        self.grow(col, number_len(value) as f64 + 1.0);
        Ok(())
    }

    /// Writes a whole number.
    pub(crate) fn integer(&mut self, col: ColNum, value: u64) -> Result<(), ExportError> {
        self.put_number(col, value as f64, Style::Integer)?;
        self.grow(col, digits(value) as f64 + 1.0);
        Ok(())
    }

    /// Writes a whole number that is an estimate (shows as "ca. 50").
    pub(crate) fn approx_integer(&mut self, col: ColNum, value: u64) -> Result<(), ExportError> {
        self.col_checked(col);
        self.ws
            .write_number_with_format(self.row, col, value as f64, &self.fmt.approx)
            .map_err(xlsx_err)?;
        self.grow(col, digits(value) as f64 + 9.0);
        Ok(())
    }

    /// Writes an amount in euros.
    pub(crate) fn euro(&mut self, col: ColNum, amount: Euro) -> Result<(), ExportError> {
        self.put_number(col, amount.as_f64(), Style::Euro)?;
        self.grow(col, display_chars(amount) as f64 + 1.0);
        Ok(())
    }

    /// Writes a share (0.5 shows as 50 %).
    pub(crate) fn percent(
        &mut self,
        col: ColNum,
        share: f64,
        path: impl FnOnce() -> String,
    ) -> Result<(), ExportError> {
        Self::finite(share, path)?;
        self.put_number(col, share, Style::Percent)?;
        let percent = share * 100.0;
        self.grow(
            col,
            display_chars(format_args!("{percent:.0}")) as f64 + 3.0,
        );
        Ok(())
    }

    /// Writes a web address: a hyperlink when it is an `http`, `https` or
    /// `mailto` address Excel can hold and the sheet has hyperlinks to
    /// spare, otherwise plain text. `text` is what the cell shows.
    pub(crate) fn url(
        &mut self,
        col: ColNum,
        url: &str,
        text: &str,
        path: impl Fn() -> String,
    ) -> Result<(), ExportError> {
        self.col_checked(col);
        check_text(url, &path)?;
        check_text(text, &path)?;
        let linkable = is_linkable(url) && self.links < self.link_cap;
        if linkable {
            let quoted = looks_like_formula(text);
            let link = Url::new(url).set_text(text);
            let format = self.fmt.for_text(Style::Link, quoted);
            if self
                .ws
                .write_url_with_format(self.row, col, link, format)
                .is_ok()
            {
                self.links += 1;
                if !self.is_full(col) {
                    self.grow(col, text_width(text) + 1.0);
                }
                return Ok(());
            }
        }
        self.text_as(col, text, Style::Text, path)
    }

    // ----- finishing ----------------------------------------------------------

    /// Sets column widths and print setup and leaves the sheet at its place
    /// in the workbook.
    pub(crate) fn finish(mut self, slot: &Slot) -> Result<(), ExportError> {
        self.apply_all();
        if !self.constant_memory {
            self.set_height();
        }
        if let Some(e) = self.run_error.take() {
            return Err(xlsx_err(e));
        }
        let widths: Vec<f64> = (self.widths.iter().zip(&self.caps))
            .map(|(w, cap)| w.min(*cap).max(6.0))
            .collect();
        for (i, &width) in widths.iter().enumerate() {
            self.ws
                .set_column_width(i as ColNum, width)
                .map_err(xlsx_err)?;
        }
        crate::print::apply(&mut self.ws, self.lang, self.page.as_ref(), &widths)
            .map_err(xlsx_err)?;
        slot.put(self.ws);
        Ok(())
    }

    /// A format given to a cell: on a streamed sheet it must be one of
    /// [`Formats::all`], registered before any sheet was written (see
    /// `book.rs`).
    fn known<'x>(&self, format: &'x Format) -> &'x Format {
        debug_assert!(
            !self.constant_memory || self.fmt.knows(format),
            "a format outside Formats::all on the streamed sheet {:?}",
            self.name
        );
        format
    }
}

/// True for a web address the workbook may turn into a hyperlink (the rule
/// of [`kreisentwicklung_core::url`], as in validation): `http`,
/// `https` or `mailto`, no spaces or control characters, and no longer than
/// Excel allows. Anything else (`file:`, `javascript:`, relative paths) is
/// shown as text.
pub(crate) fn is_linkable(url: &str) -> bool {
    kreisentwicklung_core::url::is_web_address(url) && url.encode_utf16().count() <= MAX_URL_CHARS
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::Workbook;

    #[test]
    fn rows_beyond_the_sheet_are_an_error() {
        assert!(check_rows(MAX_ROWS as usize, "Maßnahmen", "measures", "measures").is_ok());
        let err =
            check_rows(MAX_ROWS as usize + 1, "Maßnahmen", "measures", "measures").unwrap_err();
        assert_eq!(
            err.to_string(),
            "measures: measures need 1048577 rows on sheet \"Maßnahmen\", more than the 1048576 rows a worksheet holds"
        );
    }

    #[test]
    fn hyperlinks_stop_at_the_cap_and_the_rest_is_text() {
        let mut workbook = Workbook::new();
        let fmt = Formats::new(Language::De);
        crate::book::Book::new(&mut workbook, &fmt, 1)
            .write_all(1, |slot| {
                let w = SheetWriter::new(slot, "Dokumente", &fmt, Language::De, false)?;
                three_links(w, slot)
            })
            .unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut xml,
        )
        .unwrap();
        assert_eq!(xml.matches("<hyperlink ref=").count(), 2);
        assert!(
            xml.contains("<c r=\"A4\""),
            "the third address is still there, as text"
        );
    }

    /// A links table of three addresses on a sheet that may link two.
    fn three_links(mut w: SheetWriter, slot: &crate::book::Slot) -> Result<(), ExportError> {
        w.link_cap = 2;
        const LINK: &[ColumnDef] = &[def("url", "Link", "Link", Style::Link, 40.0)];
        w.begin_table(SheetId::Documents, LINK, 3).unwrap();
        for i in 0..3 {
            let url = format!("https://example.org/{i}");
            w.url(0, &url, &url, String::new).unwrap();
            w.next_row();
        }
        assert_eq!(w.links, 2);
        w.end_table()?;
        w.finish(slot)
    }

    #[test]
    fn linkable_addresses() {
        assert!(is_linkable("https://example.org/x.pdf"));
        assert!(is_linkable("HTTP://EXAMPLE.ORG"));
        assert!(is_linkable("mailto:info@example.org"));
        assert!(!is_linkable("javascript:alert(1)"));
        assert!(!is_linkable("file:///etc/passwd"));
        assert!(!is_linkable("https://"));
        assert!(!is_linkable("https://example.org/a b"));
        assert!(!is_linkable("x:y") && !is_linkable("=HYPERLINK(\"http://x\")"));
        assert!(!is_linkable(&format!(
            "https://example.org/{}",
            "a".repeat(MAX_URL_CHARS)
        )));
        assert!(is_linkable(&format!(
            "https://{}",
            "a".repeat(MAX_URL_CHARS - 8)
        )));
    }
}
