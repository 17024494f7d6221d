//! Well-formedness: what XML 1.0 forbids is refused, with the line and
//! column of the offending character — also where the reader skips content
//! (comments, processing instructions, attributes of other namespaces).
//!
//! Each document is also given to a real parser (`xmllint --noout`), which
//! must refuse it too, so that the cases are ill-formed XML and not a rule of
//! this crate. Without xmllint that half prints a notice, unless `CI` is set:
//! then it fails.

use std::io::Write as _;
use std::process::Command;

use kreisentwicklung_xml::from_str;

/// A valid concept document with `head` inside the root start tag, `body`
/// as its last children, `before` before and `after` after the root.
fn doc(before: &str, head: &str, body: &str, after: &str) -> String {
    format!(
        "{before}<concept xmlns=\"urn:kreisentwicklung:xml:1\" schemaVersion=\"1.0\" id=\"c\"{head}>\n\
         <title>KEK</title>\n<kind>kek</kind>\n\
         <territory><name>Beispiel</name><kind>landkreis</kind></territory>\n\
         <status>draft</status>\n{body}</concept>\n{after}"
    )
}

/// The prefix of error messages, `line L, column C`.
fn at(line: usize, column: usize) -> String {
    format!("line {line}, column {column}")
}

/// `message` is `expected` (`line L, column C: what`) with the element
/// path, if any, after the column.
fn matches(message: &str, expected: &str) -> bool {
    let (place, what) = expected.split_once(": ").unwrap_or((expected, ""));
    message.starts_with(place)
        && message[place.len()..]
            .split_once(": ")
            .is_some_and(|(path, rest)| {
                (path.is_empty() || path.starts_with(", at /")) && rest.starts_with(what)
            })
}

/// Whether xmllint is there to ask; panics without it when `CI` is set.
fn xmllint() -> bool {
    if Command::new("xmllint").arg("--version").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "xmllint is missing but CI is set: install libxml2-utils"
    );
    eprintln!("notice: xmllint not found; the cases are not cross-checked (install libxml2-utils)");
    false
}

/// True if xmllint finds `xml` well-formed.
fn xmllint_accepts(xml: &str, name: &str) -> bool {
    let dir = std::env::temp_dir().join(format!("kreisentwicklung-wf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::File::create(&file)
        .and_then(|mut f| f.write_all(xml.as_bytes()))
        .unwrap();
    let ok = Command::new("xmllint")
        .args(["--noout", "--nonet"])
        .arg(&file)
        .output()
        .expect("run xmllint")
        .status
        .success();
    let _ = std::fs::remove_file(&file);
    ok
}

#[test]
fn the_documents_around_the_cases_are_accepted() {
    let ok = [
        doc("", "", "", ""),
        doc(
            "<?xml version='1.0' encoding='UTF-8' standalone='no'?>\n<!-- a - b -->\n<?pi data?>\n",
            " xml:space=\"preserve\" xmlns:x=\"urn:x\" x:y=\"a &amp; b &#x41; &lt;\"",
            "<!-- comment --><?xml-stylesheet href=\"s.xsl\"?><description>a ]] > b ]]&gt; c</description>\n",
            "<!-- end --><?end?>\n",
        ),
    ];
    for xml in ok {
        from_str(&xml).unwrap_or_else(|e| panic!("refused: {e}\n{xml}"));
    }
}

#[test]
fn everything_xml_1_0_forbids_is_refused_with_line_and_column() {
    // (what, document, expected start of the message)
    let cases: Vec<(&str, String, String)> = vec![
        (
            "< in an attribute value",
            doc("", " xml:space=\"a<b\"", "", ""),
            format!(
                "{}: attribute xml:space: \"<\" is not allowed in an attribute value",
                at(1, 84)
            ),
        ),
        (
            "< in a value the reader uses",
            doc(
                "",
                "",
                "<measures><measure id=\"m<1\"><title>T</title></measure></measures>\n",
                "",
            ),
            format!("{}: attribute id: \"<\" is not allowed", at(6, 25)),
        ),
        (
            "U+0001 in a comment",
            doc("", "", "<!-- a\u{1}b -->\n", ""),
            format!(
                "{}: the character U+0001 is not allowed in XML 1.0 in a comment",
                at(6, 7)
            ),
        ),
        (
            "U+0001 in a comment before the root",
            doc("<!--\u{1}-->", "", "", ""),
            format!("{}: the character U+0001 is not allowed", at(1, 5)),
        ),
        (
            "U+0001 in a processing instruction",
            doc("", "", "<?pi a\u{1}?>\n", ""),
            format!(
                "{}: the character U+0001 is not allowed in XML 1.0 in a processing instruction",
                at(6, 7)
            ),
        ),
        (
            "U+FFFF in a processing instruction after the root",
            doc("", "", "", "<?pi \u{FFFF}?>"),
            format!("{}: the character U+FFFF is not allowed", at(7, 6)),
        ),
        (
            "U+0001 in an attribute of another namespace",
            doc("", " xmlns:x=\"urn:x\" x:y=\"\u{1}\"", "", ""),
            format!(
                "{}: attribute x:y: the character U+0001 is not allowed",
                at(1, 93)
            ),
        ),
        (
            "an undeclared entity in an attribute the reader skips",
            doc("", " xml:space=\"&nbsp;\"", "", ""),
            format!(
                "{}: attribute xml:space: unknown entity \"&nbsp;\"",
                at(1, 83)
            ),
        ),
        (
            "a bare & in an attribute the reader skips",
            doc("", " xmlns:x=\"urn:a&b\"", "", ""),
            format!(
                "{}: attribute xmlns:x: a bare & must be written &amp;",
                at(1, 86)
            ),
        ),
        (
            "-- in a comment",
            doc("", "", "<!-- a -- b -->\n", ""),
            format!(
                "{}: not well-formed XML: ill-formed document: forbidden string `--`",
                at(6, 8)
            ),
        ),
        (
            "a comment ending in --->",
            doc("", "", "<!-- a --->\n", ""),
            at(6, 8),
        ),
        (
            "the reserved target XML",
            doc("", "", "<?XML x?>\n", ""),
            format!(
                "{}: the processing instruction target \"XML\" is reserved",
                at(6, 3)
            ),
        ),
        (
            "a processing instruction without a target",
            doc("", "", "<? x?>\n", ""),
            format!("{}: a processing instruction needs a target name", at(6, 3)),
        ),
        (
            "]]> in text",
            doc("", "", "<description>a ]]> b</description>\n", ""),
            format!("{}: \"]]>\" is not allowed in text", at(6, 16)),
        ),
        (
            "no whitespace between attributes",
            doc("", " xml:space=\"preserve\"xml:lang=\"de\"", "", ""),
            format!(
                "{}: expected whitespace or the end of the tag, found 'x'",
                at(1, 92)
            ),
        ),
        (
            "an element name that is not a name",
            doc("", "", "<1measures/>\n", ""),
            format!("{}: expected an element name", at(6, 2)),
        ),
        (
            "standalone other than yes or no",
            doc("<?xml version=\"1.0\" standalone=\"maybe\"?>", "", "", ""),
            format!(
                "{}: standalone must be \"yes\" or \"no\", not \"maybe\"",
                at(1, 21)
            ),
        ),
        (
            "the declaration's parts out of order",
            doc(
                "<?xml version=\"1.0\" standalone=\"no\" encoding=\"UTF-8\"?>",
                "",
                "",
                "",
            ),
            format!(
                "{}: the XML declaration may have version, encoding and standalone, in this order",
                at(1, 37)
            ),
        ),
    ];
    let lint = xmllint();
    let mut failures = Vec::new();
    for (what, xml, expected) in &cases {
        match from_str(xml) {
            Ok(_) => failures.push(format!("{what}: accepted")),
            Err(e) if matches(&e.to_string(), expected) => {}
            Err(e) => failures.push(format!("{what}: expected {expected:?}, got\n    {e}")),
        }
        if lint && xmllint_accepts(xml, "case.xml") {
            failures.push(format!(
                "{what}: xmllint accepts it, so it is not ill-formed"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
