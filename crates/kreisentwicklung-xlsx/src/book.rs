//! The workbook while its sheets are written, shared by the threads that
//! write them.
//!
//! Each sheet is written by one thread, several sheets at once (see
//! [`Writer::threads`](crate::Writer::threads)), and the finished sheets
//! are added to the workbook in their order once all are done. The file is
//! the same byte for byte whichever thread wrote which sheet, and the same
//! as with one thread:
//!
//! - A sheet kept in memory registers its formats and strings in tables of
//!   its own, which `rust_xlsxwriter` joins in sheet order when the file is
//!   saved.
//! - A streamed sheet writes each cell's format index as it goes, from the
//!   workbook's one table, so the order in which formats first reach that
//!   table would depend on the threads. Before the first streamed sheet is
//!   made, every format a sheet can use ([`Formats::all`]) is registered in
//!   a fixed order, and no sheet ever adds one (checked in debug builds by
//!   the sheet writer).
//! - Errors: the one of the first sheet in sheet order is returned, as if
//!   the sheets had been written one after the other.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use kreisentwicklung_core::export::ExportError;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use crate::formats::Formats;

/// The workbook being written, and the finished sheets waiting for their
/// turn to be added to it.
pub(crate) struct Book<'w> {
    state: Mutex<State<'w>>,
    fmt: &'w Formats,
    /// Positions taken last to first (tests: the file must not depend on
    /// the order the sheets are written in).
    reversed: bool,
}

struct State<'w> {
    workbook: &'w mut Workbook,
    /// True once [`Formats::all`] is registered in the workbook's table.
    registered: bool,
    /// The finished sheets by position; `None` for a sheet left out.
    sheets: Vec<Option<Worksheet>>,
}

/// The place of one sheet in the [`Book`]: where a sheet writer gets a
/// streamed worksheet from and leaves the finished one.
pub(crate) struct Slot<'b, 'w> {
    book: &'b Book<'w>,
    position: usize,
}

impl<'w> Book<'w> {
    /// A book for `sheets` sheets, written into `workbook` in the formats
    /// `fmt`.
    pub(crate) fn new(workbook: &'w mut Workbook, fmt: &'w Formats, sheets: usize) -> Self {
        Book {
            state: Mutex::new(State {
                workbook,
                registered: false,
                sheets: (0..sheets).map(|_| None).collect(),
            }),
            fmt,
            reversed: false,
        }
    }

    /// The same book, its sheets written last to first.
    #[cfg(test)]
    pub(crate) fn reversed(mut self) -> Self {
        self.reversed = true;
        self
    }

    /// Runs `write` for every position on up to `threads` threads (the
    /// calling one included), positions taken in order, and then adds the
    /// finished sheets to the workbook in order. Returns the error of the
    /// first failing position; positions after a failure may be skipped.
    pub(crate) fn write_all<F>(self, threads: usize, write: F) -> Result<(), ExportError>
    where
        F: Fn(&Slot<'_, 'w>) -> Result<(), ExportError> + Sync,
    {
        let count = self.lock().sheets.len();
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let errors: Mutex<Vec<(usize, ExportError)>> = Mutex::new(Vec::new());
        let work = || {
            // A position taken here is below every position taken later, so
            // once one fails, the positions before it are all under way and
            // the first error in sheet order is among those reported.
            while !failed.load(Ordering::Relaxed) {
                let taken = next.fetch_add(1, Ordering::Relaxed);
                if taken >= count {
                    break;
                }
                let position = if self.reversed {
                    count - 1 - taken
                } else {
                    taken
                };
                let slot = Slot {
                    book: &self,
                    position,
                };
                if let Err(e) = write(&slot) {
                    failed.store(true, Ordering::Relaxed);
                    errors
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push((position, e));
                }
            }
        };
        let threads = threads.clamp(1, count.max(1));
        std::thread::scope(|scope| {
            for _ in 1..threads {
                scope.spawn(work);
            }
            work();
        });
        let errors = errors.into_inner().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, e)) = errors.into_iter().min_by_key(|(position, _)| *position) {
            return Err(e);
        }
        let state = self
            .state
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        for sheet in state.sheets.into_iter().flatten() {
            state.workbook.push_worksheet(sheet);
        }
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State<'w>> {
        // A thread that panicked while holding the lock leaves nothing half
        // done here (each use is one call), and its panic ends the export.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Slot<'_, '_> {
    /// The position of the sheet, counted from 0.
    pub(crate) fn position(&self) -> usize {
        self.position
    }

    /// A new streamed (constant-memory) worksheet of the workbook; the
    /// first one registers every format (see the module documentation).
    pub(crate) fn streamed_worksheet(&self) -> Result<Worksheet, XlsxError> {
        let mut state = self.book.lock();
        if !state.registered {
            for format in self.book.fmt.all() {
                state.workbook.register_format(format);
            }
            state.registered = true;
        }
        state.workbook.new_worksheet_with_constant_memory()
    }

    /// Leaves the finished sheet at its place.
    pub(crate) fn put(&self, sheet: Worksheet) {
        self.book.lock().sheets[self.position] = Some(sheet);
    }
}

#[cfg(test)]
mod tests {
    use kreisentwicklung_core::export::Timestamp;
    use kreisentwicklung_core::generate::{generate, GeneratorOptions};
    use kreisentwicklung_core::Language;
    use rust_xlsxwriter::Workbook;

    use super::Book;
    use crate::{ctx::Ctx, sheets, Mode, STREAMED_FROM_ROWS};

    /// The workbook of a concept whose Maßnahmen and Indikatoren sheets
    /// are streamed, its sheets written first to last or last to first
    /// on one thread: the order in which formats first reach the
    /// workbook's table differs, the file must not.
    fn streamed(reversed: bool) -> Vec<u8> {
        let concept = generate(&GeneratorOptions::new(STREAMED_FROM_ROWS + 100).seed(2));
        let mut ctx = Ctx::new(&concept, Language::De, true, concept.evaluation_date());
        ctx.mode = Mode::Streaming;
        let mut workbook = Workbook::new();
        // A fixed creation date, as the writer sets it.
        workbook
            .set_properties(&crate::properties(&concept, Language::De, Timestamp::Fixed).unwrap());
        let mut book = Book::new(&mut workbook, &ctx.fmt, sheets::COUNT);
        if reversed {
            book = book.reversed();
        }
        sheets::write_all(&ctx, book, 1).unwrap();
        workbook.save_to_buffer().unwrap()
    }

    #[test]
    fn streamed_sheets_give_the_same_file_in_any_order() {
        assert!(streamed(false) == streamed(true));
    }
}
