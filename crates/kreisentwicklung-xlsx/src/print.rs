//! The print layout of a sheet, as a council office would set it up by
//! hand: A4 in the orientation the sheet needs, margins, the header row
//! (and the number and name columns of wide tables) repeated on every page,
//! a header with the concept's title and the sheet's name and a footer with
//! the evaluation date and "Seite X von Y".
//!
//! A table wider than the page is printed one page wide when that takes
//! no less than [`MIN_SCALE`] (6 pt type): a row is as high as its tallest
//! cell, and when that cell printed on a later page the row stood mostly
//! empty on the first (a goal of one line in a row eight lines high, 61
//! pages for Helmstedt). A table wider still prints at [`MIN_SCALE`] over
//! as few pages across as that takes; the pages of one row follow each
//! other ("over, then down"), with the first columns repeated.

use kreisentwicklung_core::{Date, Language};
use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

/// A4 in Excel's paper codes.
const A4: u8 = 9;

/// The printable width of A4 between the margins, in pixels (96 per
/// inch): 29.7 or 21 cm less 2 × 1.5 cm.
const PRINTABLE_PX: [f64; 2] = [(11.69 - 1.2) * 96.0, (8.27 - 1.2) * 96.0];

/// The smallest scale (percent) a table is printed at to fit the page's
/// width: 11 pt type at 55 % is 6 pt, the smallest print a council's
/// tables are set in.
const MIN_SCALE: u16 = 55;

/// The longest title printed in the page header (Excel allows 255
/// characters for the whole header).
const MAX_TITLE_CHARS: usize = 100;

/// How a sheet is printed.
#[derive(Clone, Debug)]
pub(crate) struct Page {
    landscape: bool,
    header: String,
    footer: String,
    repeat_columns: Option<(ColNum, ColNum)>,
    area: Option<(RowNum, ColNum, RowNum, ColNum)>,
}

impl Page {
    /// A4 with the workbook's header (the concept's `title`) and footer
    /// (the evaluation date `today`); landscape for tables, portrait for
    /// forms. Sheets ask [`crate::ctx::Ctx::page`].
    pub(crate) fn new(title: &str, today: Date, lang: Language, landscape: bool) -> Self {
        let full = title;
        let mut title: String = full.chars().take(MAX_TITLE_CHARS).collect();
        if title.chars().count() < full.chars().count() {
            title.push('…');
        }
        // "&" starts a control code in headers; "&&" prints one.
        let title = title.replace(['\n', '\r', '\t'], " ").replace('&', "&&");
        let date = today.german();
        let (evaluated, page) = match lang {
            Language::De => ("Stand der Auswertung", "Seite &P von &N"),
            Language::En => ("Evaluated as of", "Page &P of &N"),
        };
        Page {
            landscape,
            header: format!("&L{title}&R&A"),
            footer: format!("&L{evaluated}: {date}&R{page}"),
            repeat_columns: None,
            area: None,
        }
    }

    /// Repeats these columns on every page (the number and name of a row
    /// on the pages that continue a wide table).
    pub(crate) fn repeat_columns(mut self, first: ColNum, last: ColNum) -> Self {
        self.repeat_columns = Some((first, last));
        self
    }

    /// Prints only this range (columns for the screen stay unprinted).
    pub(crate) fn area(
        mut self,
        first_row: RowNum,
        first_col: ColNum,
        last_row: RowNum,
        last_col: ColNum,
    ) -> Self {
        self.area = Some((first_row, first_col, last_row, last_col));
        self
    }
}

/// The width of a column in pixels as LibreOffice prints it: a width of
/// `width` characters is that many `0`s of Carlito 11 (7.4 pixels each;
/// Excel counts 7), plus 5 pixels of padding.
fn column_px(width: f64) -> f64 {
    width * 7.5 + 5.0
}

/// How a table wider than the page is printed.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Shrink {
    /// One page wide, at the scale that takes (no less than [`MIN_SCALE`]).
    FitWidth,
    /// At [`MIN_SCALE`], over as many pages across as that takes.
    Min,
}

/// How the printed columns (`widths` in characters) are shrunk; `None`
/// when they fit the page at 100 %.
fn shrink(widths: &[f64], columns: Option<(ColNum, ColNum)>, landscape: bool) -> Option<Shrink> {
    let (first, last) = columns.map_or((0, widths.len()), |(a, b)| {
        (usize::from(a), usize::from(b) + 1)
    });
    let px: f64 = widths
        .get(first..last.min(widths.len()))
        .unwrap_or_default()
        .iter()
        .map(|&w| column_px(w))
        .sum();
    let page = PRINTABLE_PX[usize::from(!landscape)];
    if px <= page {
        None
    } else if px * f64::from(MIN_SCALE) / 100.0 <= page {
        Some(Shrink::FitWidth)
    } else {
        Some(Shrink::Min)
    }
}

/// Sets up a worksheet's printing; without a [`Page`] (a sheet that is not
/// meant for paper) landscape A4 with page numbers. `widths` are the
/// column widths in characters.
pub(crate) fn apply(
    ws: &mut Worksheet,
    lang: Language,
    page: Option<&Page>,
    widths: &[f64],
) -> Result<(), XlsxError> {
    // Margins in inches: 1.5 cm at the sides, 2 cm at top and bottom with
    // header and footer 0.8 cm from the edge.
    ws.set_paper_size(A4)
        .set_margins(0.6, 0.6, 0.8, 0.8, 0.3, 0.3)
        .set_page_order(false);
    let Some(page) = page else {
        let footer = match lang {
            Language::De => "&L&A&RSeite &P von &N",
            Language::En => "&L&A&RPage &P of &N",
        };
        ws.set_landscape().set_footer(footer);
        return Ok(());
    };
    if page.landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_header(&page.header).set_footer(&page.footer);
    let columns = page.area.map(|(_, c1, _, c2)| (c1, c2));
    match shrink(widths, columns, page.landscape) {
        // As many pages down as it takes.
        Some(Shrink::FitWidth) => {
            ws.set_print_fit_to_pages(1, 0);
        }
        Some(Shrink::Min) => {
            ws.set_print_scale(MIN_SCALE);
        }
        None => {}
    }
    if let Some((first, last)) = page.repeat_columns {
        ws.set_repeat_columns(first, last)?;
    }
    if let Some((r1, c1, r2, c2)) = page.area {
        ws.set_print_area(r1, c1, r2, c2)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::{text_width, BOLD};
    use crate::sheet::ColumnDef;
    use crate::sheets::resolutions::COLUMNS;

    /// Beschlüsse prints over, then down at [`MIN_SCALE`]: its columns up
    /// to Aufträge must fit the first page at their widest (the cap, or
    /// the longest header word in bold, as `SheetWriter::begin_table`
    /// widens it), so that Beschlusstext, a row's tallest cell, prints
    /// beside the row's title and date.
    #[test]
    fn resolution_text_columns_fit_the_first_page() {
        let end = 1 + COLUMNS.iter().position(|c| c.key == "mandates").unwrap();
        assert!(COLUMNS[..end].iter().any(|c| c.key == "text"));
        let page = PRINTABLE_PX[0] * 100.0 / f64::from(MIN_SCALE);
        let headers: [fn(&ColumnDef) -> &'static str; 2] = [|c| c.de, |c| c.en];
        for header in headers {
            let px: f64 = COLUMNS[..end]
                .iter()
                .map(|c| {
                    let word = header(c).split(' ').map(text_width).fold(0.0, f64::max);
                    column_px(c.max_width.max(word * BOLD + 1.0))
                })
                .sum();
            assert!(px <= page, "{px} px on a page of {page}");
        }
    }
}
