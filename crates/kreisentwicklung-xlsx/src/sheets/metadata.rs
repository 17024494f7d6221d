//! The very hidden metadata sheet: what the visible sheets do not show, so
//! that the reader ([`crate::read`]) gives back the concept exactly.
//!
//! Rows (column A a key, column B its value):
//!
//! | A | B |
//! | --- | --- |
//! | `kreisentwicklung` | layout version of this sheet (`1`) |
//! | `schemaVersion` | the JSON schema version of the concept |
//! | `conceptId` | the concept's id |
//! | `language` | `de` or `en`: the labels of the visible sheets |
//! | `today` | the evaluation date of the traffic lights |
//! | `charts` | how many indicator charts were asked for |
//! | `concept` | the first piece of the concept's JSON document |
//! | (empty) | further pieces, in order |
//! | `end` | the length of the JSON document in bytes |
//!
//! The JSON document (compact, as `kreisentwicklung-json` writes it) keeps
//! every id and every field no sheet shows; the reader applies the edits of
//! the visible tables on top of it. It is cut into pieces of at most
//! [`PIECE_BYTES`] bytes (on character boundaries), below Excel's cell
//! limit, and written as it is serialised, so that constant-memory mode
//! does not hold it.

use std::io::{self, Write};

use kreisentwicklung_core::export::ExportError;
use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::book::Slot;
use crate::ctx::Ctx;
use crate::sheet::xlsx_err;

/// The name of the metadata sheet.
pub(crate) const NAME: &str = "_kreisentwicklung";
/// The layout version of the metadata sheet.
pub(crate) const LAYOUT: &str = "1";
/// The largest piece of the JSON document in one cell, in bytes (so at most
/// as many UTF-16 code units, below Excel's 32,767).
pub(crate) const PIECE_BYTES: usize = 30_000;
/// The row of the first JSON piece.
pub(crate) const FIRST_PIECE_ROW: u32 = 6;

/// Writes the metadata sheet, very hidden, as the last sheet.
pub(crate) fn write(ctx: &Ctx, slot: &Slot) -> Result<(), ExportError> {
    let c = ctx.c;
    let items = c.measures.len()
        + c.goals.len()
        + c.indicators.len()
        + c.events.len()
        + c.actors.len()
        + c.documents.len()
        + c.resolutions.len();
    let mut ws = if ctx.stream(items) {
        slot.streamed_worksheet().map_err(xlsx_err)?
    } else {
        Worksheet::new()
    };
    ws.set_name(NAME).map_err(xlsx_err)?;
    ws.set_very_hidden(true);
    let today = ctx.eval.today.to_string();
    let charts = ctx.max_charts.to_string();
    let head: [(&str, &str); 6] = [
        ("kreisentwicklung", LAYOUT),
        ("schemaVersion", kreisentwicklung_core::SCHEMA_VERSION),
        ("conceptId", c.id.as_str()),
        ("language", ctx.lang.tag()),
        ("today", &today),
        ("charts", &charts),
    ];
    for (row, (key, value)) in head.iter().enumerate() {
        ws.write_string(row as u32, 0, *key).map_err(xlsx_err)?;
        ws.write_string(row as u32, 1, *value).map_err(xlsx_err)?;
    }
    let mut pieces = Pieces {
        ws: &mut ws,
        row: FIRST_PIECE_ROW,
        buf: Vec::with_capacity(PIECE_BYTES + 8),
        total: 0,
        error: None,
    };
    let written = kreisentwicklung_json::to_writer(c, &mut pieces, false);
    if let Some(e) = pieces.error.take() {
        return Err(xlsx_err(e));
    }
    written?;
    pieces.flush_all().map_err(xlsx_err)?;
    let (row, total) = (pieces.row, pieces.total);
    ws.write_string(row, 0, "end").map_err(xlsx_err)?;
    ws.write_string(row, 1, total.to_string())
        .map_err(xlsx_err)?;
    slot.put(ws);
    Ok(())
}

/// Cuts the JSON document into cells as it is written.
struct Pieces<'w> {
    ws: &'w mut Worksheet,
    row: u32,
    buf: Vec<u8>,
    total: usize,
    error: Option<XlsxError>,
}

impl Pieces<'_> {
    /// Writes the first `len` bytes of the buffer (whole characters) as a
    /// cell.
    fn emit(&mut self, len: usize) -> Result<(), XlsxError> {
        let text = match std::str::from_utf8(&self.buf[..len]) {
            Ok(t) => t,
            Err(e) => std::str::from_utf8(&self.buf[..e.valid_up_to()]).unwrap_or_default(),
        };
        let len = text.len();
        if self.row == FIRST_PIECE_ROW {
            self.ws.write_string(self.row, 0, "concept")?;
        }
        self.ws.write_string(self.row, 1, text)?;
        self.row += 1;
        self.total += len;
        self.buf.drain(..len);
        Ok(())
    }

    fn flush_all(&mut self) -> Result<(), XlsxError> {
        while !self.buf.is_empty() {
            let before = self.buf.len();
            self.emit(self.buf.len().min(PIECE_BYTES))?;
            if self.buf.len() == before {
                // Not UTF-8 (serde_json writes only UTF-8): never loop.
                return Err(XlsxError::ParameterError(
                    "the concept's JSON is not UTF-8".to_owned(),
                ));
            }
        }
        Ok(())
    }
}

impl Write for Pieces<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        while self.buf.len() >= PIECE_BYTES {
            if let Err(e) = self.emit(PIECE_BYTES) {
                let message = e.to_string();
                self.error = Some(e);
                return Err(io::Error::other(message));
            }
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
