//! The long lists of a document read on several threads.
//!
//! A concept's bytes lie almost all in two lists, `<measures>` and
//! `<indicators>`, of items that do not depend on each other. While the
//! parser reads such a list (in memory or through a buffer), the rest of it
//! is cut at item boundaries into chunks of about
//! [`CHUNK`] bytes, which other threads read, each with a parser of its own,
//! into items; the items join in document order. Finding the boundaries
//! ([`Scanner`]) only follows tags, comments, CDATA sections and quotes,
//! which is far cheaper than reading the events.
//!
//! Why the result is the same as reading the list in one go: each chunk is
//! read as the content of the list element (inside copies of the root and
//! list start tags, so the same namespaces are in scope) and must be a
//! sequence of whole items there; a sequence of whole items followed by
//! another is one, and its items are those of the parts. A chunk that does
//! not read is an error, and a document with an error that was read so is
//! read again on one thread to report it (`super::read`,
//! `crate::from_seekable_reader`), so a mistake in finding boundaries can cost time but never change what
//! is read. The scanner stops before the list's end tag, which the
//! parser then reads as usual.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Mutex};

use memchr::{memchr, memchr3};

use crate::error::{ImportError, Location};

/// The size of a chunk, in bytes: large beside the cost of handing it to a
/// thread, small beside the memory of the concept. (Small in the unit
/// tests, so that their documents are cut into many chunks.)
pub(super) const CHUNK: usize = if cfg!(test) { 16 << 10 } else { 1 << 20 };

/// The number of items read before a list is split: short lists are not
/// worth a thread.
pub(super) const SEQUENTIAL_ITEMS: usize = 64;

/// At most this many threads read chunks (besides the one cutting them).
const MAX_THREADS: usize = 4;

/// How many lists were split, for the tests to see that they were.
#[cfg(test)]
pub(super) static SPLIT_LISTS: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(0);

/// How many threads read chunks: one per core, at most [`MAX_THREADS`];
/// none on one core.
pub(super) fn threads() -> usize {
    match std::thread::available_parallelism().map_or(1, usize::from) {
        1 => 0,
        n => n.min(MAX_THREADS),
    }
}

/// A buffered reader that can take back a byte it gave: the scanner has
/// consumed the `<` of the list's end tag when it sees the `/` in the
/// next buffer, and the parser must read the end tag whole.
pub(super) struct Rewind<R> {
    inner: R,
    /// A byte given back, read before `inner`.
    back: Option<u8>,
}

impl<R> Rewind<R> {
    pub(super) fn new(inner: R) -> Self {
        Rewind { inner, back: None }
    }
}

/// A buffered reader that can take back one byte ([`Rewind`]).
pub(super) trait Unread: BufRead {
    /// Gives back `b`: the next read starts with it.
    fn unread(&mut self, b: u8);
}

impl<T: Unread + ?Sized> Unread for &mut T {
    fn unread(&mut self, b: u8) {
        (**self).unread(b);
    }
}

/// The rest of a document in memory, as [`super::input::Slice`]'s reader
/// holds it: a suffix of the whole, so a byte can be given back by taking
/// the suffix one byte longer.
pub(super) struct Rest<'s, 'a> {
    rest: &'s mut &'a [u8],
    whole: &'a [u8],
}

impl<'s, 'a> Rest<'s, 'a> {
    pub(super) fn new(rest: &'s mut &'a [u8], whole: &'a [u8]) -> Self {
        Rest { rest, whole }
    }
}

impl Read for Rest<'_, '_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.rest.len().min(out.len());
        out[..n].copy_from_slice(&self.rest[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Rest<'_, '_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        Ok(self.rest)
    }

    fn consume(&mut self, n: usize) {
        *self.rest = &self.rest[n.min(self.rest.len())..];
    }
}

impl Unread for Rest<'_, '_> {
    fn unread(&mut self, b: u8) {
        // The whole document is one buffer, so the scanner never needs
        // this; kept correct all the same.
        let at = self.whole.len() - self.rest.len();
        if at > 0 && self.whole[at - 1] == b {
            *self.rest = &self.whole[at - 1..];
        }
    }
}

impl<R: BufRead> Unread for Rewind<R> {
    fn unread(&mut self, b: u8) {
        debug_assert!(self.back.is_none());
        self.back = Some(b);
    }
}

impl<R: BufRead> Read for Rewind<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Rewind<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match &self.back {
            Some(b) => Ok(std::slice::from_ref(b)),
            None => self.inner.fill_buf(),
        }
    }

    fn consume(&mut self, n: usize) {
        match self.back {
            Some(_) if n > 0 => {
                self.back = None;
                self.inner.consume(n - 1);
            }
            Some(_) => {}
            None => self.inner.consume(n),
        }
    }
}

/// Where the scanner is in the markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Text,
    /// After `<`.
    Lt,
    /// After `<!` and this many bytes of `--` or `[CDATA[`.
    Bang(u8),
    /// In a comment, after this many `-`.
    Comment(u8),
    /// In a CDATA section, after this many `]`.
    CData(u8),
    /// In a processing instruction, after a `?` or not.
    Pi(bool),
    /// In a start tag: in quotes (the quote) or not (0), after a `/` or not.
    Start {
        quote: u8,
        slash: bool,
    },
    /// In an end tag.
    End,
    /// In a declaration other than a comment or CDATA (`<!DOCTYPE`): not
    /// allowed, left to the parser of the chunk to report.
    Decl,
}

/// What [`Scanner::feed`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Found {
    /// Nothing yet: all of the bytes belong to the items.
    More,
    /// An item ends after the first this many bytes.
    Item(usize),
    /// The list's end tag starts after the first `at` bytes, or its `<`
    /// was the last byte of the previous feed (`lt_before`, and `at` is 0).
    ListEnd { at: usize, lt_before: bool },
}

/// Follows the markup of a list's content to find where its items end.
#[derive(Debug)]
pub(super) struct Scanner {
    state: State,
    /// Open elements below the list element.
    depth: usize,
}

impl Scanner {
    pub(super) fn new() -> Self {
        Scanner {
            state: State::Text,
            depth: 0,
        }
    }

    /// Reads `buf` up to the first item end or the list's end tag. Text,
    /// tags, comments and the like are skipped with `memchr`: this runs on
    /// the thread that hands out the chunks, ahead of all the others.
    pub(super) fn feed(&mut self, buf: &[u8]) -> Found {
        let mut i = 0;
        while i < buf.len() {
            let rest = &buf[i..];
            // Each arm sets the state after `buf[..i]`.
            match self.state {
                State::Text => match memchr(b'<', rest) {
                    Some(at) => {
                        i += at + 1;
                        self.state = State::Lt;
                    }
                    None => return Found::More,
                },
                State::Lt => {
                    let b = rest[0];
                    if b == b'/' && self.depth == 0 {
                        // In this state `i` is 0 only when the `<` was the
                        // last byte of the previous feed.
                        self.state = State::Text;
                        return Found::ListEnd {
                            at: i.saturating_sub(1),
                            lt_before: i == 0,
                        };
                    }
                    self.state = match b {
                        b'/' => State::End,
                        b'!' => State::Bang(0),
                        b'?' => State::Pi(false),
                        _ => State::Start {
                            quote: 0,
                            slash: false,
                        },
                    };
                    i += 1;
                }
                State::Bang(n) => {
                    const CDATA: &[u8] = b"[CDATA[";
                    self.state = match (n, rest[0]) {
                        (0, b'-') => State::Bang(1),
                        (1, b'-') => State::Comment(0),
                        (0, b'[') => State::Bang(11),
                        (k @ 11..=16, b) if b == CDATA[usize::from(k) - 10] => {
                            if k == 16 {
                                State::CData(0)
                            } else {
                                State::Bang(k + 1)
                            }
                        }
                        _ => State::Decl,
                    };
                    i += 1;
                }
                State::Comment(n) => {
                    let (closed, used, n) = close_after(rest, b'-', n);
                    i += used;
                    self.state = if closed {
                        State::Text
                    } else {
                        State::Comment(n)
                    };
                }
                State::CData(n) => {
                    let (closed, used, n) = close_after(rest, b']', n);
                    i += used;
                    self.state = if closed { State::Text } else { State::CData(n) };
                }
                State::Pi(q) => {
                    let (closed, used, n) = close_after(rest, b'?', u8::from(q));
                    i += used;
                    self.state = if closed {
                        State::Text
                    } else {
                        State::Pi(n > 0)
                    };
                }
                State::Start { quote: 0, slash } => match memchr3(b'>', b'"', b'\'', rest) {
                    Some(at) if rest[at] == b'>' => {
                        i += at + 1;
                        self.state = State::Text;
                        let empty = if at == 0 { slash } else { rest[at - 1] == b'/' };
                        if !empty {
                            self.depth += 1;
                        } else if self.depth == 0 {
                            return Found::Item(i);
                        }
                    }
                    Some(at) => {
                        i += at + 1;
                        self.state = State::Start {
                            quote: rest[at],
                            slash: false,
                        };
                    }
                    None => {
                        self.state = State::Start {
                            quote: 0,
                            slash: rest.last() == Some(&b'/'),
                        };
                        return Found::More;
                    }
                },
                State::Start { quote, .. } => match memchr(quote, rest) {
                    Some(at) => {
                        i += at + 1;
                        self.state = State::Start {
                            quote: 0,
                            slash: false,
                        };
                    }
                    None => return Found::More,
                },
                State::End | State::Decl => match memchr(b'>', rest) {
                    Some(at) => {
                        i += at + 1;
                        let end = self.state == State::End;
                        self.state = State::Text;
                        if end {
                            self.depth = self.depth.saturating_sub(1);
                            if self.depth == 0 {
                                return Found::Item(i);
                            }
                        }
                    }
                    None => return Found::More,
                },
            }
        }
        Found::More
    }
}

/// Looks in `rest` for the `>` that closes a construct ending in two
/// `mark`s (`-->`, `]]>`) or one (`?>`, with `mark` `?` and `n` counting
/// to 1), after `n` marks at the end of the bytes before. Returns whether
/// it closed, the bytes used, and the marks at the end of them.
fn close_after(rest: &[u8], mark: u8, n: u8) -> (bool, usize, u8) {
    let need = if mark == b'?' { 1 } else { 2 };
    let mut from = 0;
    let mut carried = n;
    loop {
        let Some(at) = memchr(b'>', &rest[from..]).map(|at| from + at) else {
            return (false, rest.len(), trailing(&rest[from..], mark, carried));
        };
        if trailing(&rest[from..at], mark, carried) >= need {
            return (true, at + 1, 0);
        }
        from = at + 1;
        carried = 0;
    }
}

/// The number of `mark`s at the end of `bytes`, counting `carried` more
/// when `bytes` is all marks (at most 2 matter).
fn trailing(bytes: &[u8], mark: u8, carried: u8) -> u8 {
    let k = bytes
        .iter()
        .rev()
        .take(2)
        .take_while(|&&b| b == mark)
        .count() as u8;
    if usize::from(k) == bytes.len() {
        k.saturating_add(carried).min(2)
    } else {
        k
    }
}

/// Reads the rest of a list's items from `src` on [`threads`] threads:
/// `read` turns a document of `open`, a chunk of whole items and `close`
/// into the items. Appends the items to `out`, in document order, and
/// leaves `src` before the list's end tag. An error of any chunk is
/// returned (and has the document read again on one thread).
pub(super) fn read_items<T, F>(
    src: &mut dyn Unread,
    threads: usize,
    open: &str,
    close: &str,
    out: &mut Vec<T>,
    read: F,
) -> Result<(), ImportError>
where
    T: Send,
    F: Fn(&str) -> Result<Vec<T>, ImportError> + Sync,
{
    #[cfg(test)]
    SPLIT_LISTS.fetch_add(1, Ordering::Relaxed);
    let failed = AtomicBool::new(false);
    let (jobs, queue) = mpsc::sync_channel::<(usize, Vec<u8>)>(2 * threads);
    let queue = Mutex::new(queue);
    let (done, results) = mpsc::channel::<(usize, Result<Vec<T>, ImportError>)>();
    std::thread::scope(|s| {
        for _ in 0..threads {
            let done = done.clone();
            let (queue, failed, read) = (&queue, &failed, &read);
            s.spawn(move || loop {
                // The lock is held only to take a job.
                let job = queue
                    .lock()
                    .map_err(|_| ())
                    .and_then(|q| q.recv().map_err(|_| ()));
                let Ok((n, chunk)) = job else { break };
                if failed.load(Ordering::Relaxed) {
                    continue;
                }
                let mut chunk = chunk;
                chunk.extend_from_slice(close.as_bytes());
                let items = match String::from_utf8(chunk) {
                    Ok(text) => read(&text),
                    Err(e) => Err(ImportError::Content {
                        location: Location {
                            line: 0,
                            column: 0,
                            path: String::new(),
                        },
                        message: format!(
                            "invalid UTF-8 at byte {} of a chunk",
                            e.utf8_error().valid_up_to()
                        ),
                    }),
                };
                if items.is_err() {
                    failed.store(true, Ordering::Relaxed);
                }
                if done.send((n, items)).is_err() {
                    break;
                }
            });
        }
        drop(done);
        let cut = cut_chunks(src, open.as_bytes(), &failed, |n, chunk| {
            jobs.send((n, chunk)).is_ok()
        });
        drop(jobs);
        // Items join in chunk order as they come: a chunk's own vector goes
        // as soon as its items are moved, so that they are not held twice.
        let mut waiting: BTreeMap<usize, Vec<T>> = BTreeMap::new();
        let mut next = 0;
        let mut first_error: Option<(usize, ImportError)> = None;
        for (n, items) in results {
            match items {
                Ok(items) => {
                    waiting.insert(n, items);
                    while let Some(items) = waiting.remove(&next) {
                        out.extend(items);
                        next += 1;
                    }
                }
                Err(e) if first_error.as_ref().is_none_or(|(m, _)| n < *m) => {
                    first_error = Some((n, e));
                }
                Err(_) => {}
            }
        }
        cut?;
        if let Some((_, e)) = first_error {
            return Err(e);
        }
        // Every chunk sent was read, or an error returned above.
        debug_assert!(waiting.is_empty());
        Ok(())
    })
}

/// Cuts the list's content in `src` into chunks of whole items, each after
/// `open`, numbered from 0, and gives each to `send` (false: stop); stops
/// before the list's end tag, at the end of the input, or when `failed`.
fn cut_chunks(
    src: &mut dyn Unread,
    open: &[u8],
    failed: &AtomicBool,
    mut send: impl FnMut(usize, Vec<u8>) -> bool,
) -> Result<(), ImportError> {
    let mut scanner = Scanner::new();
    // Room for an item that ends past `CHUNK`, and the end tags.
    let new_chunk = || {
        let mut chunk = Vec::with_capacity(open.len() + CHUNK + (CHUNK >> 2));
        chunk.extend_from_slice(open);
        chunk
    };
    let mut chunk = new_chunk();
    let mut n = 0;
    // Sends the chunk, if it holds any of the list (it ends at an item's
    // end, or the list's).
    let mut flush = |chunk: &mut Vec<u8>| -> bool {
        if chunk.len() == open.len() {
            return true;
        }
        let full = std::mem::replace(chunk, new_chunk());
        n += 1;
        send(n - 1, full)
    };
    loop {
        if failed.load(Ordering::Relaxed) {
            return Ok(());
        }
        let buf = src.fill_buf()?;
        if buf.is_empty() {
            // Cut off: what is left goes to a thread, which reports it.
            flush(&mut chunk);
            return Ok(());
        }
        match scanner.feed(buf) {
            Found::More => {
                let len = buf.len();
                chunk.extend_from_slice(buf);
                src.consume(len);
            }
            Found::Item(at) => {
                chunk.extend_from_slice(&buf[..at]);
                src.consume(at);
                if chunk.len() - open.len() >= CHUNK && !flush(&mut chunk) {
                    return Ok(());
                }
            }
            Found::ListEnd { at, lt_before } => {
                chunk.extend_from_slice(&buf[..at]);
                src.consume(at);
                if lt_before {
                    // The `<` came in the last buffer: give it back.
                    chunk.pop();
                    src.unread(b'<');
                }
                flush(&mut chunk);
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The item ends and the list end the scanner finds in `content`, fed
    /// in pieces of `step` bytes (the list end at its offset in `content`).
    fn scan(content: &[u8], step: usize) -> (Vec<usize>, Option<usize>) {
        let mut s = Scanner::new();
        let mut ends = Vec::new();
        let mut at = 0;
        while at < content.len() {
            let piece = &content[at..(at + step).min(content.len())];
            match s.feed(piece) {
                Found::More => at += piece.len(),
                Found::Item(i) => {
                    at += i;
                    ends.push(at);
                }
                Found::ListEnd { at: i, lt_before } => {
                    let end = if lt_before { at - 1 } else { at + i };
                    return (ends, Some(end));
                }
            }
        }
        (ends, None)
    }

    #[test]
    fn items_end_where_their_elements_close() {
        let content = br#"
            <measure id="a"><title>x &amp; <![CDATA[</measure> ]] >]]></title></measure>
            <!-- </measure> -- > --><?pi </measure> ?>
            <measure id='b>"' /><measure id="c"><n a="/>"/></measure>
        </measures>"#;
        for step in [1, 2, 3, 7, 64, content.len()] {
            let (ends, list_end) = scan(content, step);
            let texts: Vec<&str> = {
                let mut from = 0;
                ends.iter()
                    .map(|&e| {
                        let t = std::str::from_utf8(&content[from..e]).unwrap().trim();
                        from = e;
                        t
                    })
                    .collect()
            };
            assert_eq!(texts.len(), 3, "step {step}: {texts:?}");
            assert!(texts[0].starts_with("<measure id=\"a\">"));
            assert!(texts[0].ends_with("]]></title></measure>"), "{step}");
            assert!(texts[1].ends_with("<measure id='b>\"' />"), "{step}");
            assert!(texts[2].ends_with("<n a=\"/>\"/></measure>"), "{step}");
            let end = list_end.expect("the list end");
            assert!(content[end..].starts_with(b"</measures>"), "step {step}");
        }
    }

    #[test]
    fn rewind_gives_back_one_byte() {
        let mut r = Rewind::new(&b"/measures>"[..]);
        r.unread(b'<');
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        assert_eq!(s, "</measures>");
    }
}
