//! The zip container, checked before any cell is read: a bounded number of
//! parts, each inflating to a bounded size, no DOCTYPE or entity
//! declarations, and the parts of an XLSX workbook.

use std::io::{Cursor, Read};

use super::{Limits, ReadError};

/// The zip magic every XLSX file starts with.
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Checks the container; streams every part through a counter once, so
/// that a part cannot inflate beyond the limit (whatever its header
/// claims) and no XML part declares a DOCTYPE or entities.
pub(crate) fn check(bytes: &[u8], limits: &Limits) -> Result<(), ReadError> {
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(ReadError::Workbook(
            "not an XLSX workbook: the file is not a zip archive".to_owned(),
        ));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ReadError::Workbook(format!("not an XLSX workbook: broken zip archive ({e})"))
    })?;
    if zip.len() > limits.max_parts {
        return Err(ReadError::Workbook(format!(
            "the workbook has {} parts, more than the {} a workbook of this library has room for",
            zip.len(),
            limits.max_parts
        )));
    }
    let mut total: u64 = 0;
    let mut has_workbook = false;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| {
            ReadError::Workbook(format!("not an XLSX workbook: broken zip entry ({e})"))
        })?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        if name == "xl/workbook.xml" {
            has_workbook = true;
        }
        let is_xml = name.ends_with(".xml") || name.ends_with(".rels");
        let mut size: u64 = 0;
        // The tail of the previous chunk, so that a declaration split
        // between two chunks is still found.
        let mut tail: Vec<u8> = Vec::new();
        loop {
            let n = match part.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    return Err(ReadError::Workbook(format!(
                        "part {name} of the workbook cannot be unpacked: {e}"
                    )))
                }
            };
            size += n as u64;
            total += n as u64;
            if size > limits.max_part_bytes {
                return Err(ReadError::Workbook(format!(
                    "part {name} of the workbook unpacks to more than {} bytes (a zip bomb?); refused",
                    limits.max_part_bytes
                )));
            }
            if total > limits.max_total_bytes {
                return Err(ReadError::Workbook(format!(
                    "the workbook unpacks to more than {} bytes (a zip bomb?); refused",
                    limits.max_total_bytes
                )));
            }
            if is_xml {
                tail.extend_from_slice(&buf[..n]);
                if contains_declaration(&tail) {
                    return Err(ReadError::Workbook(format!(
                        "part {name} of the workbook declares a DOCTYPE or entities, which workbooks never need; refused"
                    )));
                }
                let keep = tail.len().min(16);
                tail.drain(..tail.len() - keep);
            }
        }
    }
    if !has_workbook {
        return Err(ReadError::Workbook(
            "not an XLSX workbook: the zip archive has no xl/workbook.xml".to_owned(),
        ));
    }
    Ok(())
}

fn contains_declaration(chunk: &[u8]) -> bool {
    chunk
        .windows(9)
        .any(|w| w.eq_ignore_ascii_case(b"<!DOCTYPE") || w[..8].eq_ignore_ascii_case(b"<!ENTITY"))
}
