//! The well-formedness rules of XML 1.0 that `quick-xml` leaves to its
//! user: the syntax of start tags and attribute values, names, comments,
//! processing instructions, `]]>` in text and the XML declaration.
//!
//! Every check takes the raw text of one piece of markup and returns the
//! byte offset (in that text) and a message for the first problem, which the
//! parser turns into a line and column.

use kreisentwicklung_core::validate::is_xml_illegal;

/// A problem: byte offset in the checked text and what is wrong.
pub(super) type Found = (usize, String);

fn illegal(c: char) -> String {
    format!("the character U+{:04X} is not allowed in XML 1.0", c as u32)
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// `NameStartChar` of XML 1.0 (fifth edition).
fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// `NameChar` of XML 1.0 (fifth edition).
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// The end of the `Name` that starts at `at`, or `None` if none starts there.
fn name_end(s: &str, at: usize) -> Option<usize> {
    let rest = s.get(at..)?;
    // ASCII names (all of the format's) byte by byte; the rest by character.
    let b = rest.as_bytes();
    let ascii = b
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'-' | b'.')))
        .unwrap_or(b.len());
    if ascii > 0 && (ascii == b.len() || b[ascii] < 0x80) {
        return (b[0].is_ascii_alphabetic() || matches!(b[0], b'_' | b':')).then_some(at + ascii);
    }
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, c)) if is_name_start(c) => {}
        _ => return None,
    }
    let len = chars
        .find(|&(_, c)| !is_name_char(c))
        .map_or(rest.len(), |(i, _)| i);
    Some(at + len)
}

/// The character at `at`, quoted, or "the end" for messages.
fn shown(s: &str, at: usize) -> String {
    match s.get(at..).and_then(|r| r.chars().next()) {
        Some(c) => format!("{c:?}"),
        None => "the end of the tag".to_owned(),
    }
}

/// A reference at the start of `s` (which starts with `&`): its length, or
/// what is wrong with it.
fn reference(s: &str) -> Result<usize, String> {
    let end = s.find(';').filter(|&e| e <= 40);
    let Some(end) = end else {
        return Err(
            "a bare & must be written &amp; (a reference ends with \";\", as in &amp;)".to_owned(),
        );
    };
    let body = &s[1..end];
    let code = if let Some(hex) = body.strip_prefix("#x") {
        (!hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(hex, 16).ok())
            .flatten()
    } else if let Some(dec) = body.strip_prefix('#') {
        (!dec.is_empty() && dec.bytes().all(|b| b.is_ascii_digit()))
            .then(|| dec.parse::<u32>().ok())
            .flatten()
    } else {
        return match body {
            "lt" | "gt" | "amp" | "apos" | "quot" => Ok(end + 1),
            other => Err(format!(
                "unknown entity {:?}: only &lt; &gt; &amp; &apos; &quot; and character references are allowed",
                format!("&{other};")
            )),
        };
    };
    match code.map(char::from_u32) {
        Some(Some(c)) if !is_xml_illegal(c) => Ok(end + 1),
        Some(Some(c)) => Err(illegal(c)),
        _ => Err(format!(
            "the character reference {:?} names no character",
            &s[..=end]
        )),
    }
}

/// Checks an attribute value (between its quotes, starting at `at` in the
/// tag): no `<`, no character XML 1.0 forbids, every `&` a reference.
fn value(name: &str, v: &str, at: usize) -> Result<(), Found> {
    // Most values hold no byte that needs a closer look: no markup, no
    // control character, no first byte of U+FFFE or U+FFFF.
    if v.bytes().all(|b| {
        !matches!(b, b'<' | b'&' | 0xEF) && (b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r'))
    }) {
        return Ok(());
    }
    let mut i = 0;
    while let Some(off) = v[i..].find(|c: char| c == '<' || c == '&' || is_xml_illegal(c)) {
        i += off;
        let c = v[i..].chars().next().unwrap_or('&');
        let problem = match c {
            '<' => "\"<\" is not allowed in an attribute value; write &lt;".to_owned(),
            '&' => match reference(&v[i..]) {
                Ok(len) => {
                    i += len;
                    continue;
                }
                Err(m) => m,
            },
            c => illegal(c),
        };
        return Err((at + i, format!("attribute {name}: {problem}")));
    }
    Ok(())
}

/// Checks the inside of a start tag (`name attr="v" …`, without `<`, `/`
/// and `>`): the names, whitespace between attributes, the quotes and the
/// values. `attr` gets each attribute's name, raw value and offset.
pub(super) fn tag(
    raw: &str,
    mut attr: impl FnMut(&str, &str, usize) -> Result<(), Found>,
) -> Result<(), Found> {
    let b = raw.as_bytes();
    let Some(mut i) = name_end(raw, 0) else {
        return Err((
            0,
            format!(
                "expected an element name after \"<\", found {}",
                shown(raw, 0)
            ),
        ));
    };
    loop {
        let spaced = i;
        while i < b.len() && is_ws(b[i]) {
            i += 1;
        }
        if i == b.len() {
            return Ok(());
        }
        if i == spaced {
            return Err((
                i,
                format!(
                    "expected whitespace or the end of the tag, found {}",
                    shown(raw, i)
                ),
            ));
        }
        let start = i;
        let Some(end) = name_end(raw, i) else {
            return Err((
                i,
                format!("expected an attribute name, found {}", shown(raw, i)),
            ));
        };
        let name = &raw[start..end];
        i = end;
        while i < b.len() && is_ws(b[i]) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            return Err((
                i,
                format!("attribute {name}: expected \"=\", found {}", shown(raw, i)),
            ));
        }
        i += 1;
        while i < b.len() && is_ws(b[i]) {
            i += 1;
        }
        let quote = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => {
                return Err((
                    i,
                    format!(
                        "attribute {name}: expected a value in quotes, found {}",
                        shown(raw, i)
                    ),
                ))
            }
        };
        let from = i + 1;
        let Some(len) = b[from..].iter().position(|&x| x == quote) else {
            return Err((i, format!("attribute {name}: the value is not closed")));
        };
        let v = &raw[from..from + len];
        value(name, v, from)?;
        attr(name, v, start)?;
        i = from + len + 1;
    }
}

/// Checks the inside of an XML declaration (`xml version="1.0" …`):
/// `version`, then optionally `encoding` and `standalone` ("yes" or "no"),
/// in this order and nothing else.
pub(super) fn decl(raw: &str) -> Result<(), Found> {
    const ORDER: [&str; 3] = ["version", "encoding", "standalone"];
    let mut next = 0;
    tag(raw, |name, v, at| {
        let Some(k) = ORDER[next..].iter().position(|n| *n == name) else {
            return Err((
                at,
                format!(
                    "the XML declaration may have version, encoding and standalone, in this order; found {name:?}"
                ),
            ));
        };
        if next == 0 && k != 0 {
            return Err((at, "the XML declaration must start with version".to_owned()));
        }
        next += k + 1;
        if name == "standalone" && v != "yes" && v != "no" {
            return Err((
                at,
                format!("standalone must be \"yes\" or \"no\", not {v:?}"),
            ));
        }
        Ok(())
    })
}

/// Checks the inside of a comment (between `<!--` and `-->`).
pub(super) fn comment(raw: &str) -> Result<(), Found> {
    if let Some(i) = raw.find("--") {
        return Err((i, "\"--\" is not allowed inside a comment".to_owned()));
    }
    if raw.ends_with('-') {
        return Err((
            raw.len() - 1,
            "a comment must not end with \"--->\"".to_owned(),
        ));
    }
    chars(raw, "in a comment")
}

/// Checks the inside of a processing instruction (between `<?` and `?>`):
/// a target name other than `xml`, whitespace before any data.
pub(super) fn pi(raw: &str) -> Result<(), Found> {
    let Some(end) = name_end(raw, 0) else {
        return Err((
            0,
            format!(
                "a processing instruction needs a target name, found {}",
                shown(raw, 0)
            ),
        ));
    };
    let target = &raw[..end];
    if target.eq_ignore_ascii_case("xml") {
        return Err((
            0,
            format!("the processing instruction target {target:?} is reserved"),
        ));
    }
    if end < raw.len() && !is_ws(raw.as_bytes()[end]) {
        return Err((
            end,
            format!("expected whitespace after the target {target:?}"),
        ));
    }
    chars(raw, "in a processing instruction")
}

/// Checks text between markup: no `]]>`.
pub(super) fn text(raw: &str) -> Result<(), Found> {
    // A byte search first: most texts have no "]" at all.
    if !raw.as_bytes().contains(&b']') {
        return Ok(());
    }
    match raw.find("]]>") {
        Some(i) => Err((i, "\"]]>\" is not allowed in text; write ]]&gt;".to_owned())),
        None => Ok(()),
    }
}

/// No character XML 1.0 forbids.
fn chars(raw: &str, where_: &str) -> Result<(), Found> {
    match raw.char_indices().find(|&(_, c)| is_xml_illegal(c)) {
        Some((i, c)) => Err((i, format!("{} {where_}", illegal(c)))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(r: Result<(), Found>) -> usize {
        r.expect_err("refused").0
    }

    #[test]
    fn start_tags() {
        let none = |_: &str, _: &str, _: usize| Ok(());
        assert!(tag("concept id=\"c\" xmlns='urn:x'", none).is_ok());
        assert!(tag("a  b = \"&lt;&#x20;&#9;\" ", none).is_ok());
        assert!(tag("ß·x", none).is_ok());
        assert_eq!(at(tag("a b=\"x<y\"", none)), 6);
        assert_eq!(at(tag("a b=\"1\"c=\"2\"", none)), 7);
        assert_eq!(at(tag("a b=1", none)), 4);
        assert_eq!(at(tag("a b=\"1", none)), 4);
        assert_eq!(at(tag("a 1b=\"1\"", none)), 2);
        assert_eq!(at(tag("1a", none)), 0);
        assert_eq!(at(tag("a b=\"\u{1}\"", none)), 5);
        assert_eq!(at(tag("a b=\"&#1;\"", none)), 5);
        assert_eq!(at(tag("a b=\"a & b\"", none)), 7);
        assert_eq!(at(tag("a b=\"&foo;\"", none)), 5);
        assert_eq!(at(tag("a b=\"&#xFFFFFFFFF;\"", none)), 5);
    }

    #[test]
    fn declarations() {
        assert!(decl("xml version=\"1.0\"").is_ok());
        assert!(decl("xml version='1.0' encoding='utf-8' standalone='yes' ").is_ok());
        assert!(decl("xml version='1.0' standalone='no'").is_ok());
        assert!(decl("xml encoding='utf-8'").is_err());
        assert!(decl("xml version='1.0' standalone='yes' encoding='utf-8'").is_err());
        assert!(decl("xml version='1.0' standalone='maybe'").is_err());
        assert!(decl("xml version='1.0' version='1.0'").is_err());
        assert!(decl("xml version='1.0' foo='bar'").is_err());
    }

    #[test]
    fn comments_pis_and_text() {
        assert!(comment(" a - b ").is_ok());
        assert_eq!(at(comment(" a \u{1} ")), 3);
        assert_eq!(at(comment(" a -- b ")), 3);
        assert_eq!(at(comment(" a -")), 3);
        assert!(pi("xml-stylesheet href=\"a\"").is_ok());
        assert!(pi("target").is_ok());
        assert_eq!(at(pi("t \u{1}")), 2);
        assert_eq!(at(pi("XML x")), 0);
        assert_eq!(at(pi(" t")), 0);
        assert!(text("a ]] > b").is_ok());
        assert_eq!(at(text("a ]]> b")), 2);
    }
}
