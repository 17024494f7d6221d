//! Web addresses: which URLs a concept may hold and a workbook may link.
//!
//! One rule for validation (the `url` of a document) and for the hyperlinks
//! of the council workbook, so that what passes validation is what becomes
//! a link. The address is parsed with the `url` crate (the WHATWG URL
//! standard browsers follow) and must
//!
//! * use one of the [`SCHEMES`]: `http`, `https` or `mailto` — no
//!   `javascript:`, `file:`, `data:` or made-up schemes such as `x:y`;
//! * be written out in full: `https://` with its two slashes and a host,
//!   `mailto:` with an address containing `@`;
//! * contain no whitespace or control character anywhere. A parser would
//!   silently drop a tab or percent-encode a space, so that the link would
//!   differ from the text the council sees; write a space as `%20`.
//!
//! International domain names (`https://www.müritz.de/`) are fine.
//!
//! ```
//! use kreisentwicklung_core::url::{check_url, is_web_address};
//!
//! assert!(is_web_address("https://www.kreis-goerlitz.de/kek.pdf"));
//! assert!(is_web_address("mailto:kreisentwicklung@example.org"));
//! assert!(!is_web_address("x:y"));
//! assert!(!is_web_address("=HYPERLINK(\"http://x\")"));
//! assert_eq!(check_url("https://a b"), Err("contains whitespace; write a space as %20"));
//! ```

/// The schemes a concept's web addresses may use, lower case.
pub const SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// True when `s` is a web address a concept may hold (see the module docs).
pub fn is_web_address(s: &str) -> bool {
    check_url(s).is_ok()
}

/// Checks a web address; the error says in a few words what is wrong.
pub fn check_url(s: &str) -> Result<(), &'static str> {
    if s.chars().any(char::is_whitespace) {
        return Err("contains whitespace; write a space as %20");
    }
    if s.chars().any(char::is_control) {
        return Err("contains a control character");
    }
    let parsed = url::Url::parse(s).map_err(|_| "not an absolute URL")?;
    let scheme = parsed.scheme();
    if !SCHEMES.contains(&scheme) {
        return Err("the scheme is not http, https or mailto");
    }
    // The parser forgives `https:host` and `https:\\host`; a link must say
    // what it means.
    let rest = &s[scheme.len() + 1..];
    if scheme == "mailto" {
        if !parsed.path().contains('@') {
            return Err("a mailto address needs an @");
        }
    } else if !rest.starts_with("//") || parsed.host_str().is_none_or(str::is_empty) {
        return Err("an http or https address starts with // and a host");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_pass() {
        for ok in [
            "https://example.org/x.pdf",
            "HTTP://EXAMPLE.ORG",
            "http://x",
            "https://www.müritz.de/",
            "https://example.org/a%20b?x=1#top",
            "mailto:info@example.org",
            "MAILTO:info@example.org",
        ] {
            assert_eq!(check_url(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn other_text_is_refused() {
        for (bad, why) in [
            ("x:y", "the scheme is not http, https or mailto"),
            ("=HYPERLINK(\"http://x\")", "not an absolute URL"),
            (
                "javascript:alert(1)",
                "the scheme is not http, https or mailto",
            ),
            (
                "file:///etc/passwd",
                "the scheme is not http, https or mailto",
            ),
            (
                "data:text/html,x",
                "the scheme is not http, https or mailto",
            ),
            ("https://", "not an absolute URL"),
            (
                "https:example.org",
                "an http or https address starts with // and a host",
            ),
            (
                "https:\\\\example.org",
                "an http or https address starts with // and a host",
            ),
            ("https://a b", "contains whitespace; write a space as %20"),
            (
                " https://example.org",
                "contains whitespace; write a space as %20",
            ),
            ("https://exa\u{1b}mple.org", "contains a control character"),
            ("mailto:", "a mailto address needs an @"),
            ("www.example.org", "not an absolute URL"),
            ("", "not an absolute URL"),
        ] {
            assert_eq!(check_url(bad), Err(why), "{bad:?}");
        }
    }
}
