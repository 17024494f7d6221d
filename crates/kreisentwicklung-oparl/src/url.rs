//! The base URL and the URL of every object under it.
//!
//! Every object lives at `BASE/KIND/SEGMENT.json`. Identifiers of the model
//! may hold `:`, which is not safe in every file system; it and any other
//! byte outside `A–Z a–z 0–9 . _ -` is written `~XX` (hex), which needs no
//! percent-encoding in a URL, so that the URL path and the file name are the
//! same text.

use std::fmt;

/// A validated base URL: `http://` or `https://`, a host, no query or
/// fragment, no trailing slash.
///
/// ```
/// use kreisentwicklung_oparl::BaseUrl;
///
/// let base = BaseUrl::parse("https://ratsinfo.example.de/oparl/")?;
/// assert_eq!(base.as_str(), "https://ratsinfo.example.de/oparl");
/// assert!(BaseUrl::parse("ratsinfo.example.de").is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Checks and normalises a base URL; the error says what is wrong.
    pub fn parse(text: &str) -> Result<BaseUrl, String> {
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(|| format!("{text:?} is not an absolute http:// or https:// URL"))?;
        if let Some(c) = text.chars().find(|c| {
            !c.is_ascii_graphic()
                || matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
        }) {
            return Err(format!(
                "{text:?} contains {c:?}; write the URL percent-encoded"
            ));
        }
        if text.contains(['?', '#']) {
            return Err(format!(
                "{text:?} has a query or fragment; the base URL is a path under which the objects lie"
            ));
        }
        let host = rest.split('/').next().unwrap_or("");
        if host.is_empty() || host.starts_with(':') || host.contains('@') {
            return Err(format!("{text:?} has no host name"));
        }
        Ok(BaseUrl(text.trim_end_matches('/').to_owned()))
    }

    /// The URL without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The URL of a path under the base (`paper/x.json`).
    pub fn join(&self, path: &str) -> String {
        format!("{}/{path}", self.0)
    }

    /// The path under the base of a URL, if it lies under it.
    pub fn path_of<'a>(&self, url: &'a str) -> Option<&'a str> {
        url.strip_prefix(self.0.as_str())?.strip_prefix('/')
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An identifier as a path segment: bytes outside `A–Z a–z 0–9 . _ -` as
/// `~XX`.
pub fn segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
            out.push(b as char);
        } else {
            out.push_str(&format!("~{b:02X}"));
        }
    }
    out
}

/// The identifier of a path segment written by [`segment`]; other text
/// comes back unchanged where it has no `~XX`.
pub fn unsegment(seg: &str) -> Option<String> {
    let bytes = seg.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'~' {
            let hex = seg.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The last path segment of a URL, without a `.json` suffix, decoded: the
/// identifier an object's URL stands for (`…/paper/749` is `749`).
pub fn last_segment(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let last = path.trim_end_matches('/').rsplit('/').next()?;
    let last = last.strip_suffix(".json").unwrap_or(last);
    if last.is_empty() {
        return None;
    }
    unsegment(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_round_trip_and_are_safe() {
        for id in ["leitbild-2018", "urn:x:1", "a.b_c-d", "ü"] {
            let seg = segment(id);
            assert!(seg
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-~".contains(&b)));
            assert_eq!(unsegment(&seg).as_deref(), Some(id));
        }
        assert_eq!(segment("urn:x"), "urn~3Ax");
        assert_eq!(
            last_segment("https://x.de/a/paper/urn~3Ax.json").as_deref(),
            Some("urn:x")
        );
        assert_eq!(
            last_segment("https://oparl.example.org/paper/749").as_deref(),
            Some("749")
        );
        assert_eq!(last_segment("https://x.de/"), Some("x.de".to_owned()));
    }

    #[test]
    fn base_urls_are_checked() {
        assert!(BaseUrl::parse("https://a.de").is_ok());
        assert_eq!(
            BaseUrl::parse("http://127.0.0.1:8080/x//")
                .unwrap()
                .as_str(),
            "http://127.0.0.1:8080/x"
        );
        for bad in [
            "",
            "ftp://a.de",
            "https://",
            "https:///x",
            "https://a.de/?x=1",
            "https://a de",
            "https://a.de/#f",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
