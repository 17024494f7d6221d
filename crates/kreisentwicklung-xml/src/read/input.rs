//! Where the reader's events come from: the whole document in memory
//! ([`Slice`]: events borrow from it, nothing is copied) or a buffered
//! reader ([`Buffered`]: each event is copied once into a reused string).
//!
//! Both give the same [`Ev`]s, whose text is a [`Span`] of
//! [`Input::text`], so that the one parser in [`super::pull`] applies the
//! same rules of well-formedness, namespaces and values to both.

use std::io::BufRead;

use quick_xml::events::Event;
use quick_xml::name::NamespaceResolver;
use quick_xml::NsReader;

use super::split::{Rest, Rewind, Unread};

/// A piece of [`Input::text`], by byte offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) start: usize,
    pub(super) end: usize,
}

/// An event as the parser needs it: what it is and where its text lies.
#[derive(Clone, Copy, Debug)]
pub(super) enum Ev {
    /// A start tag (`false`) or an empty element (`true`): the span holds
    /// the inside of the tag; `name_len` bytes of it are the name.
    Start {
        tag: Span,
        name_len: usize,
        empty: bool,
    },
    End,
    /// Text as written, or the content of a CDATA section (`cdata`).
    Text {
        span: Span,
        cdata: bool,
    },
    /// The name of an entity or character reference (between `&` and `;`).
    Ref(Span),
    Comment(Span),
    PI(Span),
    Decl(Span),
    DocType,
    Eof,
}

impl Ev {
    /// The event `ev`, whose text starts at byte `at` of the input's text.
    fn of(ev: &Event<'_>, at: usize) -> Ev {
        let span = Span {
            start: at,
            end: at + ev.len(),
        };
        match ev {
            Event::Start(t) => Ev::Start {
                tag: span,
                name_len: t.name().into_inner().len(),
                empty: false,
            },
            Event::Empty(t) => Ev::Start {
                tag: span,
                name_len: t.name().into_inner().len(),
                empty: true,
            },
            Event::End(_) => Ev::End,
            Event::Text(_) => Ev::Text { span, cdata: false },
            Event::CData(_) => Ev::Text { span, cdata: true },
            Event::GeneralRef(_) => Ev::Ref(span),
            Event::Comment(_) => Ev::Comment(span),
            Event::PI(_) => Ev::PI(span),
            Event::Decl(_) => Ev::Decl(span),
            Event::DocType(_) => Ev::DocType,
            Event::Eof => Ev::Eof,
        }
    }
}

/// A source of events for the parser.
pub(super) trait Input {
    /// Reads the next event.
    fn read(&mut self) -> quick_xml::Result<Ev>;
    /// The text the spans of the events read point into. A span stays
    /// valid until the next [`Input::read`], or longer while held.
    fn text(&self) -> &str;
    /// Keeps the text of every event read from now on until `hold(false)`,
    /// so that the spans of several events stay valid together.
    fn hold(&mut self, hold: bool);
    /// What `quick-xml` reads from.
    type Source;
    /// The reader.
    fn reader(&self) -> &NsReader<Self::Source>;
    /// The byte offset after the last event read.
    fn position(&self) -> usize {
        self.reader().buffer_position() as usize
    }
    /// Where the last error of the reader is, as a byte offset.
    fn error_position(&self) -> usize {
        self.reader().error_position() as usize
    }
    /// The namespaces in scope.
    fn resolver(&self) -> &NamespaceResolver {
        self.reader().resolver()
    }
    /// The line and column of a byte offset, where the input knows them.
    fn line_column(&self, offset: usize) -> (usize, usize);
    /// The bytes after the last event read, for reading the rest of a list
    /// on several threads ([`super::split`]); `None` when the list is read
    /// event by event.
    fn unread_source(&mut self) -> Option<Box<dyn Unread + '_>> {
        None
    }
}

/// The whole document in memory: events borrow from it.
pub(super) struct Slice<'a> {
    r: NsReader<&'a [u8]>,
    src: &'a str,
    /// Whether long lists may be read on several threads.
    split: bool,
}

impl<'a> Slice<'a> {
    /// The document `src`; `split`: its long lists may be read on several
    /// threads ([`super::split`]).
    pub(super) fn new(src: &'a str, split: bool) -> Self {
        let mut r = NsReader::from_str(src);
        r.config_mut().enable_all_checks(true);
        Slice { r, src, split }
    }
}

impl<'a> Input for Slice<'a> {
    fn read(&mut self) -> quick_xml::Result<Ev> {
        let ev = self.r.read_event()?;
        // Every event but `Eof` (and an `End` the reader makes up, which it
        // does not with this configuration) borrows from the document.
        let at = (ev.as_ptr() as usize).wrapping_sub(self.src.as_ptr() as usize);
        let at = if at.saturating_add(ev.len()) <= self.src.len() {
            at
        } else {
            0
        };
        Ok(Ev::of(&ev, at))
    }

    fn text(&self) -> &str {
        self.src
    }

    fn hold(&mut self, _: bool) {}

    type Source = &'a [u8];

    fn reader(&self) -> &NsReader<&'a [u8]> {
        &self.r
    }

    fn unread_source(&mut self) -> Option<Box<dyn Unread + '_>> {
        let whole = self.src.as_bytes();
        self.split
            .then(|| Box::new(Rest::new(self.r.get_mut(), whole)) as Box<dyn Unread + '_>)
    }

    fn line_column(&self, offset: usize) -> (usize, usize) {
        line_column(self.src, offset)
    }
}

/// The line and column of a byte offset.
pub(crate) fn line_column(src: &str, offset: usize) -> (usize, usize) {
    let bytes = &src.as_bytes()[..offset.min(src.len())];
    let line_start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + bytes.iter().filter(|&&b| b == b'\n').count();
    // Count characters: every byte that does not continue a UTF-8 sequence.
    let column = 1 + bytes[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count();
    (line, column)
}

/// The size from which [`Buffered`] gives its buffers back after an event
/// (a huge text), so that they do not stay that large for the rest.
const KEEP_AT_MOST: usize = 1 << 20;

/// A buffered reader: each event is read into a buffer and its text copied
/// into a string, which holds the events of one element's text together
/// while [held](Input::hold).
pub(super) struct Buffered<R> {
    r: NsReader<Rewind<R>>,
    buf: Vec<u8>,
    text: String,
    hold: bool,
}

impl<R: BufRead> Buffered<R> {
    pub(super) fn new(reader: R) -> Self {
        let mut r = NsReader::from_reader(Rewind::new(reader));
        r.config_mut().enable_all_checks(true);
        Buffered {
            r,
            buf: Vec::with_capacity(4096),
            text: String::with_capacity(4096),
            hold: false,
        }
    }
}

impl<R: BufRead> Input for Buffered<R> {
    fn read(&mut self) -> quick_xml::Result<Ev> {
        if self.buf.capacity() > KEEP_AT_MOST {
            self.buf = Vec::with_capacity(4096);
        }
        self.buf.clear();
        if !self.hold {
            if self.text.capacity() > KEEP_AT_MOST {
                self.text = String::with_capacity(4096);
            }
            self.text.clear();
        }
        let ev = self.r.read_event_into(&mut self.buf)?;
        let at = self.text.len();
        // The parser needs nothing of an end tag (the reader checks its name).
        if !matches!(ev, Event::End(_)) {
            self.text.push_str(&ev);
        }
        Ok(Ev::of(&ev, at))
    }

    fn text(&self) -> &str {
        &self.text
    }

    fn hold(&mut self, hold: bool) {
        self.hold = hold;
    }

    type Source = Rewind<R>;

    fn reader(&self) -> &NsReader<Rewind<R>> {
        &self.r
    }

    fn unread_source(&mut self) -> Option<Box<dyn Unread + '_>> {
        Some(Box::new(self.r.get_mut()))
    }

    /// Unknown: the document is not kept. [`crate::from_seekable_reader`]
    /// reads a document that fails again, whole, to say where.
    fn line_column(&self, _: usize) -> (usize, usize) {
        (0, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let s = "ab\ncä\nxyz";
        assert_eq!(line_column(s, 0), (1, 1));
        assert_eq!(line_column(s, 3), (2, 1));
        assert_eq!(line_column(s, 6), (2, 3)); // after "cä"
        assert_eq!(line_column(s, 7), (3, 1));
    }
}
