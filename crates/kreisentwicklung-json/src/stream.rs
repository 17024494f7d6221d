//! Reading a document from a reader in pieces, at the speed of a slice
//! and without holding the document.
//!
//! `serde_json` reads from a slice much faster than from a reader (which
//! it reads byte by byte, copying every string), but a slice of the whole
//! document doubles the memory of the import. So the document is read
//! through a window of [`READ_BUFFER`](crate::READ_BUFFER) bytes and cut
//! into pieces, each parsed from the window as a slice:
//!
//! - every element of the concept's lists (`measures`, `indicators`,
//!   `goals` …: the table `streamed!`) is one piece, read into the model through
//!   [`Checked`](checked::Checked), the acceptance rules of every import;
//! - everything else (the members of the document and of the concept, with
//!   those lists left empty) is copied into a small document, the *rest*,
//!   which the caller reads as a whole, through the same rules.
//!
//! Only the joints between the pieces (`{`, `"key":`, `,`, `[`, `]`, `}`
//! and white space) are read here; each piece and the rest are parsed by
//! `serde_json`, so only well-formed JSON gets through, and a piece may not
//! nest deeper than the document would allow it ([`MAX_DEPTH`]). Anything
//! else (an error, an element longer than [`PIECE_LIMIT`], an I/O error)
//! ends the reading with `None`, and the caller reads the document the
//! careful way.

use std::io::{ErrorKind, Read};

use kreisentwicklung_core::{Concept, ConceptKind, Territory};
use serde::de::{Deserialize, DeserializeOwned, Deserializer, IgnoredAny};

use crate::checked;
use crate::MAX_DEPTH;

/// The longest piece (an element of a list, or a member the rest gets) the
/// window grows to hold: 16 MiB, hundreds of times a measure with long
/// texts. A document with a longer one is read the careful way (whole).
pub(crate) const PIECE_LIMIT: usize = 16 << 20;

/// How many arrays and objects enclose an element of a concept's list:
/// the document, the concept, the list.
const ELEMENT_DEPTH: usize = 3;

/// A document cut into pieces: the rest, and the elements of the lists.
pub(crate) struct Framed {
    /// The document with the lists emptied, as text.
    pub(crate) rest: String,
    /// The lists, in a concept that holds nothing else.
    lists: Concept,
    /// How many unknown fields the elements have.
    pub(crate) unknown: usize,
}

impl Framed {
    /// Moves the lists into `concept` (read from [`Framed::rest`], where
    /// they are empty).
    pub(crate) fn fill(mut self, concept: &mut Concept) {
        move_lists(&mut self.lists, concept);
    }
}

/// What reading one element gives besides the element.
struct Meta {
    /// Its length in bytes.
    len: usize,
    /// Its unknown fields.
    unknown: usize,
}

/// Reads an element of a list, pushed onto the list of `lists`.
type ReadElement = fn(&mut Concept, &[u8]) -> Result<Meta, serde_json::Error>;

/// The lists of the concept read element by element, by their JSON key
/// and field. Lists not named here are read with the rest: correct, only
/// held twice for a moment.
macro_rules! streamed {
    ($($key:literal => $field:ident,)*) => {
        /// How to read the elements of the list with the (raw, quoted) key.
        fn list(key: &[u8]) -> Option<ReadElement> {
            $(
                if key == concat!("\"", $key, "\"").as_bytes() {
                    return Some(|lists: &mut Concept, bytes: &[u8]| {
                        element(bytes).map(|(value, meta)| {
                            lists.$field.push(value);
                            meta
                        })
                    });
                }
            )*
            None
        }

        /// Moves the lists read here; a list the rest holds (under a key
        /// written with escapes) is left as the rest gave it.
        fn move_lists(from: &mut Concept, to: &mut Concept) {
            $(
                if !from.$field.is_empty() {
                    to.$field = std::mem::take(&mut from.$field);
                }
            )*
        }
    };
}

streamed! {
    "fields" => fields,
    "crossCuttingThemes" => cross_cutting_themes,
    "goals" => goals,
    "measures" => measures,
    "indicators" => indicators,
    "actors" => actors,
    "events" => events,
    "resolutions" => resolutions,
    "documents" => documents,
    "swot" => swot,
    "processFunding" => process_funding,
    "challenges" => challenges,
    "reporting" => reporting,
    "coverage" => coverage,
}

/// A value read through [`Checked`](checked::Checked), with what the
/// checks noted.
struct Piece<T> {
    value: T,
    unknown: usize,
    deepest: usize,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Piece<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut st = checked::State::new(false);
        let value = T::deserialize(checked::Checked { de: d, st: &mut st })?;
        Ok(Piece {
            value,
            unknown: st.unknown_count,
            deepest: st.deepest,
        })
    }
}

/// The first value of `bytes` (which start with one), and its length.
fn first<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<(T, usize), serde_json::Error> {
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<T>();
    match values.next() {
        Some(Ok(value)) => Ok((value, values.byte_offset())),
        Some(Err(e)) => Err(e),
        None => Err(serde::de::Error::custom("no value")),
    }
}

/// Reads the first value of `bytes` through the checks: the value, and its
/// length and unknown fields. An element nested too deep for its place in
/// the document is refused with an error that is not at the end of input.
fn element<T: DeserializeOwned>(bytes: &[u8]) -> Result<(T, Meta), serde_json::Error> {
    let (piece, len) = first::<Piece<T>>(bytes)?;
    // `deepest` counts the levels inside the element; the element itself
    // and the arrays and objects around it come on top, and `serde_json`
    // refuses the level `MAX_DEPTH`.
    if ELEMENT_DEPTH + 1 + piece.deepest >= MAX_DEPTH {
        return Err(serde::de::Error::custom("nested too deep"));
    }
    let meta = Meta {
        len,
        unknown: piece.unknown,
    };
    Ok((piece.value, meta))
}

/// The length of the first value of `bytes`, which is parsed (not kept).
fn value_len(bytes: &[u8]) -> Result<((), Meta), serde_json::Error> {
    first::<IgnoredAny>(bytes).map(|(_, len)| ((), Meta { len, unknown: 0 }))
}

/// The unread part of the input: `buf[pos..end]`, read on in chunks.
struct Window<R> {
    reader: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    chunk: usize,
    /// The reader is at its end.
    eof: bool,
    /// Reading failed.
    failed: bool,
}

impl<R: Read> Window<R> {
    fn new(reader: R, chunk: usize) -> Self {
        Window {
            reader,
            buf: Vec::new(),
            pos: 0,
            end: 0,
            chunk: chunk.max(1),
            eof: false,
            failed: false,
        }
    }

    fn data(&self) -> &[u8] {
        &self.buf[self.pos..self.end]
    }

    /// Reads on, keeping the unread bytes: at least a chunk, and at least
    /// as much as is unread (up to [`PIECE_LIMIT`]), so that a long piece
    /// takes a few rounds. False when nothing more came (the end, an
    /// error, or [`PIECE_LIMIT`] bytes unread already).
    fn more(&mut self) -> bool {
        let kept = self.end - self.pos;
        if self.eof || self.failed || kept >= PIECE_LIMIT {
            return false;
        }
        self.buf.copy_within(self.pos..self.end, 0);
        self.pos = 0;
        self.end = kept;
        let want = (kept + self.chunk.max(kept)).min(PIECE_LIMIT.max(self.chunk));
        if self.buf.len() < want {
            self.buf.resize(want, 0);
        }
        while self.end < self.buf.len() {
            match self.reader.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => self.end += n,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => {
                    self.failed = true;
                    return false;
                }
            }
        }
        self.end > kept
    }

    /// The next byte that is not white space (which is consumed).
    fn peek(&mut self) -> Option<u8> {
        loop {
            let ws = self
                .data()
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                .count();
            self.pos += ws;
            if self.pos < self.end {
                return Some(self.buf[self.pos]);
            }
            if !self.more() {
                return None;
            }
        }
    }

    /// Consumes `byte` (after white space), copied to `rest` if given.
    fn expect(&mut self, byte: u8, rest: Option<&mut Vec<u8>>) -> Option<()> {
        if self.peek()? != byte {
            return None;
        }
        self.pos += 1;
        if let Some(rest) = rest {
            rest.push(byte);
        }
        Some(())
    }

    /// Runs `read` on the unread bytes until it reads a whole value, reading
    /// on while the value goes past them; the value is not consumed.
    fn whole<T>(
        &mut self,
        mut read: impl FnMut(&[u8]) -> Result<(T, Meta), serde_json::Error>,
    ) -> Option<(T, Meta)> {
        self.peek()?;
        loop {
            let delimited = matches!(self.buf[self.pos], b'{' | b'[' | b'"');
            match read(self.data()) {
                // A value that ends where the bytes end may be a number
                // that goes on: read on unless at the end.
                Ok((v, meta)) if delimited || self.eof || self.pos + meta.len < self.end => {
                    return Some((v, meta))
                }
                Err(e) if !e.is_eof() => return None,
                _ if self.eof => return None,
                _ => {}
            }
            if !self.more() && !self.eof {
                return None;
            }
        }
    }
}

/// Cuts the document `reader` gives into the rest and the elements of the
/// lists (see the [module](self)); `None` on anything unexpected. A
/// leading byte order mark and white space are skipped; the document must
/// start with `{`.
pub(crate) fn read<R: Read>(reader: R, chunk: usize) -> Option<Framed> {
    let mut w = Window::new(reader, chunk);
    while w.data().len() < 3 && w.more() {}
    if w.data().starts_with(b"\xEF\xBB\xBF") {
        w.pos += 3;
    }
    let mut framed = Framed {
        rest: String::new(),
        lists: Concept::new("", "", ConceptKind::Kek, Territory::landkreis("")),
        unknown: 0,
    };
    let mut rest = Vec::with_capacity(4096);
    w.expect(b'{', Some(&mut rest))?;
    object(&mut w, &mut rest, &mut framed, true)?;
    if w.peek().is_some() || w.failed {
        return None;
    }
    framed.rest = String::from_utf8(rest).ok()?;
    Some(framed)
}

/// The members of an object whose `{` is read: of the document (`top`),
/// whose `concept` is read here too, or of the concept, whose lists are
/// read element by element.
fn object<R: Read>(
    w: &mut Window<R>,
    rest: &mut Vec<u8>,
    framed: &mut Framed,
    top: bool,
) -> Option<()> {
    if w.peek()? == b'}' {
        return w.expect(b'}', Some(rest));
    }
    loop {
        if w.peek()? != b'"' {
            return None;
        }
        let ((), key) = w.whole(value_len)?;
        let key = &w.buf[w.pos..w.pos + key.len];
        rest.extend_from_slice(key);
        let list = if top { None } else { list(key) };
        let concept = top && key == b"\"concept\"";
        w.pos += key.len();
        w.expect(b':', Some(rest))?;
        match (w.peek()?, list) {
            (b'{', _) if concept => {
                w.expect(b'{', Some(rest))?;
                object(w, rest, framed, false)?;
            }
            (b'[', Some(read)) => {
                rest.extend_from_slice(b"[]");
                elements(w, framed, read)?;
            }
            _ => {
                let ((), value) = w.whole(value_len)?;
                rest.extend_from_slice(&w.buf[w.pos..w.pos + value.len]);
                w.pos += value.len;
            }
        }
        match w.peek()? {
            b',' => w.expect(b',', Some(rest))?,
            _ => return w.expect(b'}', Some(rest)),
        }
    }
}

/// The elements of a list, from its `[` to its `]`.
fn elements<R: Read>(w: &mut Window<R>, framed: &mut Framed, read: ReadElement) -> Option<()> {
    w.expect(b'[', None)?;
    if w.peek()? == b']' {
        return w.expect(b']', None);
    }
    loop {
        // An element is an object: read once, it is not read again.
        if w.peek()? != b'{' {
            return None;
        }
        let lists = &mut framed.lists;
        let ((), meta) = w.whole(|bytes| read(lists, bytes).map(|meta| ((), meta)))?;
        w.pos += meta.len;
        framed.unknown += meta.unknown;
        match w.peek()? {
            b',' => w.expect(b',', None)?,
            _ => return w.expect(b']', None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives at most `n` bytes at a time.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(self.1);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn rest(input: &str, chunk: usize) -> Option<(String, usize)> {
        let framed = read(Trickle(input.as_bytes(), 7), chunk)?;
        let n = framed.lists.measures.len() + framed.lists.goals.len();
        Some((framed.rest, n))
    }

    const CONCEPT: &str = r#""id": "k", "title": "T [\"}{", "kind": "kek", "status": "adopted",
        "territory": {"name": "B", "kind": "landkreis"}"#;

    #[test]
    fn cuts_the_lists_out_of_the_rest() {
        let doc = format!(
            r#"{{"schemaVersion": "1.0", "concept": {{{CONCEPT},
            "goals": [ {{"id": "z1", "level": 1, "title": "a \"]\\\\"}} ,{{"id": "z2", "level": 1, "title": "b"}}],
            "measures": [], "x": [1, {{"measures": [2]}}]}}}}"#
        );
        for chunk in [1, 2, 5, 64, 1 << 16] {
            let (rest, n) = rest(&doc, chunk).unwrap();
            assert_eq!(n, 2, "{chunk}");
            assert!(
                rest.contains(r#""goals":[],"measures":[],"x":[1, {"measures": [2]}]}}"#),
                "{rest}"
            );
            assert!(
                rest.starts_with(r#"{"schemaVersion":"1.0","concept":{"id":"k","title":"T [\"}{""#),
                "{rest}"
            );
            let back: serde_json::Value = serde_json::from_str(&rest).unwrap();
            assert_eq!(back["concept"]["title"], "T [\"}{");
        }
    }

    #[test]
    fn keys_written_otherwise_stay_in_the_rest() {
        // An escaped key is not recognised here; the rest holds the list
        // (and reading the rest finds the duplicate).
        let doc = format!(
            r#"{{"schemaVersion": "1.0", "concept": {{{CONCEPT}, "go\u0061ls": [{{"id": "z1"}}], "goals": []}}}}"#
        );
        let (rest, n) = rest(&doc, 16).unwrap();
        assert_eq!(n, 0);
        assert!(
            rest.contains(r#""go\u0061ls":[{"id": "z1"}],"goals":[]"#),
            "{rest}"
        );
        // A concept under an escaped key is read as a whole with the rest.
        let doc = doc.replace("\"concept\"", "\"c\\u006fncept\"");
        assert!(rest_of(&doc).contains("\"c\\u006fncept\":{"));
    }

    fn rest_of(doc: &str) -> String {
        rest(doc, 16).unwrap().0
    }

    #[test]
    fn truncated_or_broken_joints_are_refused() {
        let doc = format!(
            r#"{{"schemaVersion": "1.0", "concept": {{{CONCEPT}, "goals": [{{"id": "z1", "level": 1, "title": "a"}}, {{"id": "z2", "level": 1, "title": "b"}}]}}}}"#
        );
        assert!(rest(&doc, 3).is_some());
        for cut in 0..doc.len() - 1 {
            assert!(rest(&doc[..cut], 3).is_none(), "{}", &doc[..cut]);
        }
        for broken in [
            doc.replace("}, {", "} {"),
            doc.replace("}, {", "},, {"),
            doc.replace("}]", "},]"),
            doc.replace("\"goals\": [", "\"goals\" [") + " ",
            doc.clone() + " x",
            doc.clone() + "{}",
            format!("[{doc}]"),
            doc.replace(
                "\"level\": 1, \"title\": \"b\"",
                "\"level\": 1, \"title\": \"b\", \"title\": \"c\"",
            ),
            doc.replace(
                "\"level\": 1, \"title\": \"b\"",
                "\"level\": \"x\", \"title\": \"b\"",
            ),
        ] {
            assert!(rest(&broken, 5).is_none(), "{broken}");
        }
        // A byte order mark and white space before the document are skipped.
        assert!(rest(&format!("\u{FEFF} \n{doc}\n"), 5).is_some());
    }

    #[test]
    fn elements_may_not_nest_deeper_than_the_document_may() {
        let nested = |n: usize| {
            format!(
                r#"{{"schemaVersion": "1.0", "concept": {{{CONCEPT}, "goals": [{{"id": "z1", "level": 1, "title": "a", "x": {}{}}}]}}}}"#,
                "[".repeat(n),
                "]".repeat(n)
            )
        };
        // The document, the concept, the list, the goal, `x` and its arrays.
        let levels = |n: usize| 4 + n;
        let deepest_read = (1..200)
            .filter(|&n| rest(&nested(n), 64).is_some())
            .max()
            .unwrap();
        assert!(levels(deepest_read) < MAX_DEPTH);
        // As deep as the document may nest (`Value`, unlike `IgnoredAny`,
        // keeps serde_json's limit).
        assert!(serde_json::from_str::<serde_json::Value>(&nested(deepest_read)).is_ok());
        assert!(serde_json::from_str::<serde_json::Value>(&nested(deepest_read + 1)).is_err());
    }

    #[test]
    fn a_piece_longer_than_the_limit_is_refused() {
        let long = "a".repeat(crate::MAX_STRING_BYTES);
        let doc = |members: usize| {
            let many: String = (0..members)
                .map(|i| format!(r#", "t{i}": "{long}""#))
                .collect();
            format!(
                r#"{{"schemaVersion": "1.0", "concept": {{{CONCEPT}, "goals": [{{"id": "z1", "level": 1, "title": "a"{many}}}]}}}}"#
            )
        };
        let over = PIECE_LIMIT / long.len() + 2;
        assert!(read(doc(over).as_bytes(), 1 << 16).is_none());
        let framed = read(doc(over / 4).as_bytes(), 1 << 16).unwrap();
        assert_eq!(framed.unknown, over / 4);
    }
}
