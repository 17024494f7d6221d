//! The importer: a pull parser over `quick-xml` events that checks the
//! element structure against the tables in [`crate::schema`].
//!
//! One parser, two sources of events ([`input`]): the document in memory,
//! whose text values are read where they lie (most values, ids, codes,
//! numbers and dates, without allocating), or a buffered reader, through
//! which a file is read without holding it in memory.
//!
//! Layers: [`pull`] is the generic machinery (events, well-formedness,
//! namespaces, attributes, text, scalar values, element lists driven by the
//! schema tables, errors with line, column and path); [`model`] reads the
//! concept's types with it; [`text`] reads texts in either form of the document
//! (namespace 1.1, or 1.0 with mixed-content texts); [`wf`] has the rules of well-formedness that
//! `quick-xml` leaves to its user; [`scalar`] reads numbers and amounts as
//! the XSD types write them; [`split`] reads the long lists on several
//! threads.

use std::io::{BufRead, Read};

use kreisentwicklung_core::Concept;

use crate::error::ImportError;

mod input;
mod model;
mod pull;
mod scalar;
mod split;
mod text;
mod wf;

pub(crate) use input::line_column;
use input::{Buffered, Input, Slice};
use pull::{Parser, Res};

/// Reads a concept document held in memory and validates the concept.
///
/// The long lists are read on several threads ([`split`]); a document with
/// a problem that was read so is read again on one thread, so that the
/// problem is reported with its line and column as one thread finds it.
pub(crate) fn read(src: &str) -> Res<Concept> {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    let mut parser = Parser::new(Slice::new(src, true));
    match parser.document() {
        Ok(concept) => {
            drop(parser);
            validated(concept)
        }
        Err(_) if parser.split_lists => finish(Parser::new(Slice::new(src, false))),
        Err(e) => Err(e),
    }
}

/// Reads a concept document through `reader` and validates the concept.
/// The errors of the document carry no line and column (line 0): the
/// document is not kept to count them in (see
/// [`crate::from_seekable_reader`]).
pub(crate) fn stream<R: BufRead>(reader: R) -> Res<Concept> {
    stream_split(reader).0
}

/// [`stream`], and whether a long list was read on several threads (an
/// error is then placed in its chunk, with the chunk's path).
fn stream_split<R: BufRead>(mut reader: R) -> (Res<Concept>, bool) {
    // A byte order mark is skipped here: `quick-xml` looks for one only in
    // the reader's first buffer, which may be shorter.
    let mut head = Vec::with_capacity(3);
    if let Err(e) = reader.by_ref().take(3).read_to_end(&mut head) {
        return (Err(e.into()), false);
    }
    let keep = if head == b"\xEF\xBB\xBF" {
        0
    } else {
        head.len()
    };
    let reader = std::io::Cursor::new(&head[..keep]).chain(reader);
    let mut parser = Parser::new(Buffered::new(reader));
    match parser.document() {
        Ok(concept) => {
            let split = parser.split_lists;
            // The reader's buffers go before the concept is validated.
            drop(parser);
            (validated(concept), split)
        }
        Err(e) => (Err(e), parser.split_lists),
    }
}

fn finish<I: Input>(mut parser: Parser<I>) -> Res<Concept> {
    let concept = parser.document()?;
    // The reader's buffers go before the concept is validated.
    drop(parser);
    validated(concept)
}

fn validated(concept: Concept) -> Res<Concept> {
    concept.validate().map_err(ImportError::Invalid)?;
    Ok(concept)
}

#[cfg(test)]
mod tests {
    use std::io::BufReader;

    use kreisentwicklung_core::export::ExportOptions;

    use super::*;

    /// An error as the streaming parser tells it: all but line and column,
    /// which it does not count.
    fn told(e: ImportError) -> String {
        match e {
            ImportError::Xml { location, source } => {
                format!("{}: not well-formed: {source}", location.path)
            }
            ImportError::Content { location, message } => format!("{}: {message}", location.path),
            ImportError::Version {
                location,
                found,
                expected,
            } => format!("{}: {found}; {expected}", location.path),
            e => e.to_string(),
        }
    }

    /// The document read whole, after checking that reading it on one
    /// thread, and through a buffer of `capacity` bytes, gives the same.
    fn alike(xml: &str, capacity: usize) -> Result<Concept, String> {
        // In memory, the long lists on several threads or on one: the
        // same, errors to the line and column.
        let body = xml.strip_prefix('\u{FEFF}').unwrap_or(xml);
        let one = finish(Parser::new(Slice::new(body, false))).map_err(|e| e.to_string());
        assert_eq!(read(xml).map_err(|e| e.to_string()), one, "in memory");
        let whole = read(xml).map_err(told);
        let (streamed, split) = stream_split(BufReader::with_capacity(capacity, xml.as_bytes()));
        let streamed = streamed.map_err(told);
        match (&streamed, &whole) {
            // An error in a chunk read on another thread is placed in the
            // chunk: `from_seekable_reader` reads such a document again.
            (Err(_), Err(_)) if split => {
                let again = crate::from_seekable_reader(std::io::Cursor::new(xml.as_bytes()));
                assert_eq!(again.map_err(|e| e.to_string()), one, "read again");
            }
            _ => assert_eq!(streamed, whole, "through a buffer of {capacity} bytes"),
        }
        whole
    }

    #[test]
    fn the_examples_read_alike_through_any_buffer() {
        for (name, concept) in kreisentwicklung_core::examples::all() {
            for pretty in [true, false] {
                let options = ExportOptions::default().pretty(pretty);
                let xml = crate::to_string(&concept, &options).unwrap();
                for capacity in [1, 5, 64, 8192] {
                    assert_eq!(alike(&xml, capacity).as_ref(), Ok(&concept), "{name}");
                }
            }
        }
    }

    /// Names, attribute values, texts, references, CDATA, comments and
    /// multi-byte characters split at every place by buffer refills.
    #[test]
    fn events_split_across_buffer_refills() {
        let xml = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n\
            <!-- Kommentar über die Grenze -->\
            <k:concept xmlns:k=\"urn:kreisentwicklung:xml:1.1\" schemaVersion=\"1.1\" \
            id=\"  kek-grenze  \" xml:lang=\"de\">\
            <k:title><k:narrative>Kreisentwicklungs&amp;konzept <![CDATA[<Grenze>]]> \
            € 😀 Zeile\r\nzwei &#x20AC;</k:narrative>\
            <k:narrative xml:lang=\"en\">County development</k:narrative></k:title>\
            <?pi über?><k:kind>  kek  </k:kind>\
            <k:territory><k:name><k:narrative>Landkreis Görlitz</k:narrative></k:name>\
            <k:kind>landkreis</k:kind></k:territory>\
            <k:status>draft</k:status></k:concept>\r\n<!-- Ende -->";
        for capacity in 1..=64 {
            let c = alike(xml, capacity).unwrap();
            assert_eq!(c.id.as_str(), "kek-grenze");
            assert_eq!(
                c.title.text,
                "Kreisentwicklungs&konzept <Grenze> € 😀 Zeile\nzwei €"
            );
            assert_eq!(c.title.translations["en"], "County development");
            assert_eq!(c.territory.name.text, "Landkreis Görlitz");
        }
    }

    /// Where the `n`th measure starts (from 0).
    fn nth_measure(xml: &str, n: usize) -> usize {
        xml.match_indices("<measure id=").nth(n).unwrap().0
    }

    /// Long lists read on several threads ([`split`]) give what one thread
    /// gives: compact and pretty, through buffers of any size (1 byte: the
    /// `<` of the list's end tag comes in a buffer of its own), with
    /// comments, processing instructions and CDATA sections holding tags
    /// between and in the items.
    #[test]
    fn long_lists_read_alike_on_several_threads() {
        use kreisentwicklung_core::generate::{generate, GeneratorOptions};
        use std::sync::atomic::Ordering;
        let concept = generate(&GeneratorOptions::new(1_500).seed(7));
        let compact = crate::to_string(&concept, &ExportOptions::default().pretty(false)).unwrap();
        let pretty = crate::to_string(&concept, &ExportOptions::default().pretty(true)).unwrap();
        // Past the items read before a list is split.
        let (head, tail) = compact.split_at(nth_measure(&compact, 200));
        let tail = tail
            .replacen(
                "</measure><measure ",
                "</measure>\n<!-- </measure> <measure> </measures> --><?pi </measures> ?>\r\n<measure ",
                40,
            )
            .replacen(
                "<narrative>",
                "<narrative><![CDATA[</measure></measures>]]>",
                400,
            );
        let tricky = format!("{head}{tail}");
        assert!(compact.len() > 3 * split::CHUNK, "{}", compact.len());
        for (xml, capacities) in [
            (&compact, &[1, 4096, crate::READ_BUFFER][..]),
            (&pretty, &[7, crate::READ_BUFFER][..]),
            (&tricky, &[1, 3, 8192][..]),
        ] {
            for &capacity in capacities {
                let before = split::SPLIT_LISTS.load(Ordering::Relaxed);
                let read = alike(xml, capacity).unwrap();
                if std::ptr::eq(xml, &tricky) {
                    assert_eq!(read.measures.len(), concept.measures.len());
                    assert!(read
                        .measures
                        .iter()
                        .any(|m| m.title.text.starts_with("</measure>")));
                } else {
                    assert_eq!(read, concept, "through a buffer of {capacity}");
                }
                if split::threads() > 0 {
                    // Measures and indicators.
                    let split = split::SPLIT_LISTS.load(Ordering::Relaxed) - before;
                    assert!(split >= 2, "{split} lists split");
                }
            }
        }
    }

    /// A long list that is broken in one of its chunks fails as the whole
    /// document read in one go does (the streamed document is read again).
    #[test]
    fn broken_long_lists_fail_alike() {
        use kreisentwicklung_core::generate::{generate, GeneratorOptions};
        use std::io::Cursor;
        let concept = generate(&GeneratorOptions::new(1_000).seed(3));
        let xml = crate::to_string(&concept, &ExportOptions::default().pretty(false)).unwrap();
        let (head, tail) = xml.split_at(nth_measure(&xml, 300));
        let last = xml.rfind("</measure>").unwrap();
        let mut broken = vec![
            // Cut inside the last measure, and at the list's end tag.
            xml[..last].to_owned(),
            xml[..xml.find("</measures>").unwrap() + 1].to_owned(),
        ];
        // Past the items read before the list is split: text between
        // items, an unknown element in an item, an unclosed comment, a
        // DOCTYPE, a measure without an id.
        for (from, to) in [
            ("</measure><measure ", "</measure>x<measure "),
            ("</title><description>", "</title><bogus/><description>"),
            ("</measure><measure ", "</measure><!-- <measure "),
            ("</measure><measure ", "</measure><!DOCTYPE x><measure "),
            ("<measure id=", "<measure x="),
        ] {
            broken.push(format!("{head}{}", tail.replacen(from, to, 1)));
        }
        for (i, doc) in broken.iter().enumerate() {
            let one = finish(Parser::new(Slice::new(doc, false))).unwrap_err();
            let whole = crate::from_slice(doc.as_bytes()).unwrap_err().to_string();
            assert_eq!(whole, one.to_string(), "document {i} on one thread");
            let streamed = crate::from_seekable_reader(Cursor::new(doc.as_bytes()))
                .unwrap_err()
                .to_string();
            assert_eq!(streamed, whole, "document {i}");
        }
    }

    /// Markup characters put anywhere in a document with long lists: read
    /// on several threads or on one, in memory or through a buffer, it
    /// reads the same or fails with the same message.
    #[test]
    fn damaged_long_lists_read_alike() {
        use kreisentwicklung_core::generate::{generate, GeneratorOptions};
        let concept = generate(&GeneratorOptions::new(300).seed(11));
        let xml = crate::to_string(&concept, &ExportOptions::default().pretty(false)).unwrap();
        let from = nth_measure(&xml, 100);
        let snippets = [
            "<",
            ">",
            "\"",
            "'",
            "/>",
            "</measure>",
            "<!--",
            "-->",
            "]]>",
            "<?x ",
            "&",
        ];
        // A fixed pseudo-random walk over the places past the split.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut failed = 0;
        for _ in 0..60 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut at = from + (x % (xml.len() - from) as u64) as usize;
            while !xml.is_char_boundary(at) {
                at -= 1;
            }
            let snippet = snippets[(x >> 32) as usize % snippets.len()];
            let doc = format!("{}{snippet}{}", &xml[..at], &xml[at..]);
            failed += usize::from(alike(&doc, 4096).is_err());
        }
        assert!(failed > 30, "{failed} of 60 failed");
    }

    /// The form of namespace 1.0 (texts as mixed content) streams too.
    #[test]
    fn namespace_1_0_reads_alike_through_a_buffer() {
        let xml = include_str!("../../tests/data/nordsachsen-xml-1.xml");
        for capacity in [1, 3, 4096] {
            let c = alike(xml, capacity).unwrap();
            assert_eq!(c.title.text, "Kreisentwicklungskonzept Nordsachsen 2030");
        }
    }

    /// Broken documents (cut off, an unknown element, an unknown entity or
    /// a control character put after a tag) fail alike, with the same
    /// message and path, through a buffer as whole.
    #[test]
    fn broken_documents_fail_alike() {
        let xml = include_str!("../../tests/data/nordsachsen-xml-1.xml");
        let mut failed = 0;
        for end in (0..xml.len()).step_by(37) {
            if xml.is_char_boundary(end) {
                assert!(alike(&xml[..end], 7).is_err(), "cut at {end}");
                failed += 1;
            }
        }
        for (at, _) in xml.match_indices('>').step_by(3) {
            for insert in ["<bogus/>", "&bogus;", "\u{1}", "<!DOCTYPE x>"] {
                let broken = format!("{}{insert}{}", &xml[..=at], &xml[at + 1..]);
                if alike(&broken, 16).is_err() {
                    failed += 1;
                }
            }
        }
        assert!(failed > 500, "{failed}");
    }
}
