//! Streaming the finished workbook into a `&mut dyn Write`.
//!
//! `rust_xlsxwriter` saves to any `Write + Send`; the exporter gets a
//! `&mut dyn Write`, which is not `Send`. Instead of saving into a buffer
//! and copying it (which would hold the whole zip file in memory once more),
//! the workbook is saved on a scoped thread into a bounded channel of
//! 64 KiB chunks, and the calling thread writes the chunks to the output as
//! they come. At most [`CHANNEL_CHUNKS`] + 2 chunks are in flight, so memory
//! stays bounded however large the file is.

use std::io::{self, Write};
use std::sync::mpsc::{sync_channel, SyncSender};

use kreisentwicklung_core::export::ExportError;
use rust_xlsxwriter::{Workbook, XlsxError};

use crate::FORMAT_ID;

/// Size of the chunks handed from the saving thread to the output.
const CHUNK_BYTES: usize = 64 * 1024;
/// Chunks that may wait in the channel.
const CHANNEL_CHUNKS: usize = 4;

/// A `Write + Send` that forwards full chunks through a channel.
struct ChunkWriter {
    tx: SyncSender<Vec<u8>>,
    buf: Vec<u8>,
}

impl ChunkWriter {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK_BYTES));
        self.tx.send(chunk).map_err(|_| {
            io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the output stopped accepting data",
            )
        })
    }
}

impl Write for ChunkWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK_BYTES {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// Saves the workbook into `out`, streaming.
pub(crate) fn save(workbook: &mut Workbook, out: &mut dyn Write) -> Result<(), ExportError> {
    let (tx, rx) = sync_channel::<Vec<u8>>(CHANNEL_CHUNKS);
    std::thread::scope(|scope| {
        let saver = std::thread::Builder::new()
            .name("kreisentwicklung-xlsx-save".to_owned())
            .spawn_scoped(scope, move || -> Result<(), XlsxError> {
                let mut writer = ChunkWriter {
                    tx,
                    buf: Vec::with_capacity(CHUNK_BYTES),
                };
                workbook.save_to_writer(&mut writer)?;
                writer.send()?;
                Ok(())
            })?;

        let mut write_error = None;
        for chunk in rx {
            if let Err(e) = out.write_all(&chunk) {
                write_error = Some(e);
                // Dropping the receiver makes the saving thread stop.
                break;
            }
        }
        let saved = saver.join();
        if let Some(e) = write_error {
            return Err(ExportError::Io(e));
        }
        match saved {
            Ok(Ok(())) => {}
            Ok(Err(XlsxError::IoError(e))) => return Err(ExportError::Io(e)),
            Ok(Err(e)) => return Err(ExportError::format(FORMAT_ID, e)),
            Err(_) => {
                return Err(ExportError::Format {
                    format: FORMAT_ID.to_owned(),
                    message: "the thread saving the workbook panicked".to_owned(),
                    source: None,
                })
            }
        }
        out.flush()?;
        Ok(())
    })
}
