//! The print layout of a sheet, as a council office would set it up by
//! hand: A4 in the orientation the sheet needs, margins, the header row
//! (and the number and name columns of wide tables) repeated on every page,
//! a header with the concept's title and the sheet's name and a footer with
//! the evaluation date and "Seite X von Y".
//!
//! Nothing is ever scaled down: the sheets print at 100 % (11 pt type), a
//! table wider than the page continues on the next page ("over, then
//! down", so that the pages of one row follow each other) with its first
//! columns repeated.

use kreisentwicklung_core::Language;
use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use crate::ctx::Ctx;

/// A4 in Excel's paper codes.
const A4: u8 = 9;

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
    /// A4 with the workbook's header and footer; landscape for tables,
    /// portrait for forms.
    pub(crate) fn new(ctx: &Ctx, landscape: bool) -> Self {
        let mut title: String = ctx.c.title.text.chars().take(MAX_TITLE_CHARS).collect();
        if title.chars().count() < ctx.c.title.text.chars().count() {
            title.push('…');
        }
        // "&" starts a control code in headers; "&&" prints one.
        let title = title.replace(['\n', '\r', '\t'], " ").replace('&', "&&");
        let date = ctx.eval.today.german();
        let (evaluated, page) = match ctx.lang {
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

/// Sets up a worksheet's printing; without a [`Page`] (a sheet that is not
/// meant for paper) landscape A4 with page numbers.
pub(crate) fn apply(
    ws: &mut Worksheet,
    lang: Language,
    page: Option<&Page>,
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
    if let Some((first, last)) = page.repeat_columns {
        ws.set_repeat_columns(first, last)?;
    }
    if let Some((r1, c1, r2, c2)) = page.area {
        ws.set_print_area(r1, c1, r2, c2)?;
    }
    Ok(())
}
