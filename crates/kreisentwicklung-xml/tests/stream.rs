//! A file read through a buffer ([`from_seekable_reader`]) gives what the
//! whole bytes give ([`from_slice`]): the same concept, or the same error
//! with the same line and column.

use std::fs::File;
use std::io::{Cursor, Seek, SeekFrom};

use kreisentwicklung_core::export::ExportOptions;
use kreisentwicklung_xml::{from_seekable_reader, from_slice, to_string};

fn alike(bytes: &[u8]) -> Result<kreisentwicklung_core::Concept, String> {
    let whole = from_slice(bytes).map_err(|e| e.to_string());
    let streamed = from_seekable_reader(Cursor::new(bytes)).map_err(|e| e.to_string());
    assert_eq!(streamed, whole);
    whole
}

#[test]
fn the_examples_read_alike_from_a_file() {
    for (name, concept) in kreisentwicklung_core::examples::all() {
        let xml = to_string(&concept, &ExportOptions::default()).unwrap();
        assert_eq!(alike(xml.as_bytes()).as_ref(), Ok(&concept), "{name}");
        let path =
            std::env::temp_dir().join(format!("kek-stream-{}-{name}.xml", std::process::id()));
        std::fs::write(&path, &xml).unwrap();
        let read = from_seekable_reader(File::open(&path).unwrap());
        std::fs::remove_file(&path).unwrap();
        assert_eq!(read.unwrap(), concept, "{name}");
    }
}

/// Every hostile XML document of the repository's corpus gives the same
/// message read from its file as read whole.
#[test]
fn the_hostile_corpus_fails_alike_from_a_file() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/hostile");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped: the hostile corpus is not here (a packaged crate)");
        return;
    };
    let mut n = 0;
    for path in entries.map(|e| e.unwrap().path()) {
        if path.extension().is_none_or(|e| e != "xml") {
            continue;
        }
        let whole = from_slice(&std::fs::read(&path).unwrap()).map_err(|e| e.to_string());
        let streamed = from_seekable_reader(File::open(&path).unwrap()).map_err(|e| e.to_string());
        assert_eq!(streamed, whole, "{}", path.display());
        assert!(whole.is_err(), "{}", path.display());
        n += 1;
    }
    assert!(n >= 20, "{n} hostile XML documents");
}

/// The form of namespace 1.0 is read through a buffer too.
#[test]
fn namespace_1_0_is_read_from_a_file() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/nordsachsen-xml-1.xml"
    );
    let concept = from_seekable_reader(File::open(path).unwrap()).unwrap();
    assert_eq!(Ok(&concept), alike(&std::fs::read(path).unwrap()).as_ref());
    assert_eq!(
        concept.title.text,
        "Kreisentwicklungskonzept Nordsachsen 2030"
    );
}

/// The reader is read from where it stands, and read again from there
/// when the document has a problem.
#[test]
fn a_reader_is_read_from_where_it_stands() {
    let concept = kreisentwicklung_core::examples::load("helmstedt").unwrap();
    let xml = to_string(&concept, &ExportOptions::default()).unwrap();
    let mut bytes = b"not part of the document".to_vec();
    let skip = bytes.len() as u64;
    bytes.extend_from_slice(xml.as_bytes());
    let mut reader = Cursor::new(&bytes);
    reader.seek(SeekFrom::Start(skip)).unwrap();
    assert_eq!(from_seekable_reader(reader).unwrap(), concept);

    let broken = xml.replacen("</title>", "</title><bogus/>", 1);
    assert_ne!(broken, xml);
    let mut bytes = b"not part of the document".to_vec();
    bytes.extend_from_slice(broken.as_bytes());
    let mut reader = Cursor::new(&bytes);
    reader.seek(SeekFrom::Start(skip)).unwrap();
    let err = from_seekable_reader(reader).unwrap_err().to_string();
    assert_eq!(err, from_slice(broken.as_bytes()).unwrap_err().to_string());
    assert!(err.starts_with("line "), "{err}");
}
