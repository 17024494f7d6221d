//! What can go wrong when reading a workbook back, with the sheet, cell and
//! row it was found in.

use std::fmt;

use kreisentwicklung_core::ValidationErrors;

/// One problem (or warning) found in a workbook, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The sheet's name (`"Maßnahmen"`); empty for the workbook as a whole.
    pub sheet: String,
    /// The cell in A1 notation (`"K14"`), when the problem is in one cell.
    pub cell: Option<String>,
    /// The row (1-based, as Excel shows it), when the problem is in one row.
    pub row: Option<u32>,
    /// What is wrong and what is allowed, in the workbook's language.
    pub message: String,
}

impl Problem {
    /// A problem of a whole sheet.
    pub(crate) fn sheet(sheet: &str, message: impl Into<String>) -> Self {
        Problem {
            sheet: sheet.to_owned(),
            cell: None,
            row: None,
            message: message.into(),
        }
    }

    /// A problem in one cell (`row` and `col` 0-based).
    pub(crate) fn cell(sheet: &str, row: u32, col: u32, message: impl Into<String>) -> Self {
        Problem {
            sheet: sheet.to_owned(),
            cell: Some(cell_ref(row, col)),
            row: Some(row + 1),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.cell, self.sheet.is_empty()) {
            (Some(cell), _) => write!(f, "{}!{cell}: {}", self.sheet, self.message),
            (None, false) => write!(f, "{}: {}", self.sheet, self.message),
            (None, true) => f.write_str(&self.message),
        }
    }
}

/// A cell in A1 notation, from 0-based row and column.
pub fn cell_ref(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(b'A' + rem as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// Why a workbook could not be read back.
#[derive(Debug)]
#[non_exhaustive]
pub enum ReadError {
    /// The file is not an XLSX workbook written by this library, or its
    /// container is broken or hostile (a zip bomb, a DOCTYPE, a part or a
    /// sheet over the limits); nothing was read.
    Workbook(String),
    /// Cells that could not be read, all of them, in sheet and row order.
    Cells(Vec<Problem>),
    /// The cells were read, but the concept they give is invalid.
    Invalid(ValidationErrors),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Workbook(message) => f.write_str(message),
            ReadError::Cells(problems) => {
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        f.write_str("\n")?;
                    }
                    write!(f, "{p}")?;
                }
                Ok(())
            }
            ReadError::Invalid(errors) => write!(f, "{errors}"),
        }
    }
}

impl std::error::Error for ReadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_refs() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(13, 10), "K14");
        assert_eq!(cell_ref(0, 25), "Z1");
        assert_eq!(cell_ref(0, 26), "AA1");
        assert_eq!(cell_ref(9, 16_383), "XFD10");
    }
}
