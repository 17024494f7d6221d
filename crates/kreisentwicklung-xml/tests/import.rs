//! Reading hand-written documents: what any XML writer may do is accepted,
//! what is not a concept document is refused with line, column and path.

mod common;

use std::error::Error as _;

use kreisentwicklung_core::*;
use kreisentwicklung_xml::{from_slice, from_str, ImportError};

/// A concept as written by hand: prefixes, comments, PIs, CDATA, character
/// references, single quotes, attribute order, CRLF line ends, a BOM,
/// codes without list attributes, xsi:schemaLocation.
const HAND_WRITTEN: &str = "\u{FEFF}<?xml version='1.0' encoding='utf-8' standalone='yes'?>\r\n\
<!-- written by hand -->\r\n\
<?xml-stylesheet type=\"text/xsl\" href=\"kek.xsl\"?>\r\n\
<k:concept id='kek-test' xml:lang='de' producer='Notepad'\r\n\
    xmlns:k=\"urn:kreisentwicklung:xml:1\"\r\n\
    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\r\n\
    xsi:schemaLocation=\"urn:kreisentwicklung:xml:1 kreisentwicklung.xsd\"\r\n\
    schemaVersion='1.0'>\r\n\
  <k:title>Kreisentwicklung<!-- Kommentar -->skonzept <![CDATA[<A & B>]]> &#x20AC;&#8364; &apos;x&quot;</k:title>\r\n\
  <k:kind>  kek  </k:kind>\r\n\
  <k:territory>\r\n\
    <?pi inside?>\r\n\
    <k:name>Test<k:translation xml:lang='en'>Test county</k:translation>\r\n\
      <k:translation xml:lang='hsb'>Testowy</k:translation>\r\n\
    </k:name>\r\n\
    <k:kind listVersionID='1' listURI='urn:kreisentwicklung:codelist:territory-kind'>landkreis</k:kind>\r\n\
  </k:territory>\r\n\
  <k:horizon><k:range to=' 2020 ' from='2014'/></k:horizon>\r\n\
  <k:status>draft</k:status>\r\n\
  <k:description>Zeile 1\r\nZeile 2&#13;\r\nEnde</k:description>\r\n\
  <k:goals>\r\n\
    <k:goal id='z1'><k:level>+1</k:level><k:title>Ziel</k:title></k:goal>\r\n\
    <goal xmlns='urn:kreisentwicklung:xml:1' id='z2'>\r\n\
      <level>2</level><parent>z1</parent><title>Unterziel</title>\r\n\
    </goal>\r\n\
  </k:goals>\r\n\
  <k:measures>\r\n\
    <k:measure id='m1'>\r\n\
      <k:title>Ma&#xDF;nahme</k:title>\r\n\
      <k:goals><k:goal>z2</k:goal></k:goals>\r\n\
      <k:period><k:since><k:month month='6' year='2019'></k:month></k:since></k:period>\r\n\
      <k:costs><k:amount>1.50</k:amount><k:estimated>1</k:estimated></k:costs>\r\n\
    </k:measure>\r\n\
  </k:measures>\r\n\
</k:concept>\r\n\
<!-- trailing comment -->\r\n";

#[test]
fn hand_written_document_is_read() {
    let c = from_str(HAND_WRITTEN).unwrap_or_else(|e| panic!("{e}"));
    let mut expected = Concept::new(
        "kek-test",
        "Kreisentwicklungskonzept <A & B> €€ 'x\"",
        ConceptKind::Kek,
        Territory::landkreis(
            Text::new("Test")
                .with_translation("en", "Test county")
                .with_translation("hsb", "Testowy"),
        ),
    )
    .with_status(ConceptStatus::Draft)
    .with_horizon(Horizon::Range {
        from: 2014,
        to: 2020,
    })
    .with_goal(Goal::new("z1", 1, "Ziel"))
    .with_goal(Goal::new("z2", 2, "Unterziel").with_parent("z1"))
    .with_measure(
        Measure::new("m1", "Maßnahme")
            .with_goal("z2")
            .with_period(Period::since(Period::month(2019, 6))),
    );
    // CRLF becomes LF; a character reference keeps its CR.
    expected.description = Some(Text::new("Zeile 1\nZeile 2\r\nEnde"));
    expected.measures[0].costs = Some(Costs {
        amount: Some(Euro::from_cents(150)),
        estimated: true,
        note: None,
    });
    assert_eq!(c, expected);
    // The same document as bytes and through a reader.
    assert_eq!(from_slice(HAND_WRITTEN.as_bytes()).unwrap(), expected);
    assert_eq!(
        kreisentwicklung_xml::from_reader(HAND_WRITTEN.as_bytes()).unwrap(),
        expected
    );
    assert_eq!(
        kreisentwicklung_xml::from_seekable_reader(std::io::Cursor::new(HAND_WRITTEN)).unwrap(),
        expected
    );
}

fn doc(body: &str) -> String {
    format!(
        "<concept xmlns=\"urn:kreisentwicklung:xml:1\" schemaVersion=\"1.0\" id=\"c\">\n\
         <title>KEK</title>\n<kind>kek</kind>\n\
         <territory><name>Beispiel</name><kind>landkreis</kind></territory>\n\
         <status>draft</status>\n{body}</concept>\n"
    )
}

/// The error of `xml`, which a reader through a buffer gives as well.
fn err(xml: &str) -> ImportError {
    match from_str(xml) {
        Ok(c) => panic!("accepted: {c:?}"),
        Err(e) => {
            let streamed = kreisentwicklung_xml::from_seekable_reader(std::io::Cursor::new(xml));
            assert_eq!(
                streamed.map_err(|e| e.to_string()).unwrap_err(),
                e.to_string()
            );
            e
        }
    }
}

fn message(xml: &str) -> String {
    err(xml).to_string()
}

#[test]
fn minimal_document_is_read() {
    let c = from_str(&doc("")).unwrap();
    assert_eq!(c.title.as_str(), "KEK");
    assert_eq!(c.status, ConceptStatus::Draft);
}

#[test]
fn errors_name_line_column_and_path() {
    let xml = doc("<measures>\n<measure id=\"a\"><title>A</title></measure>\n\
         <measure id=\"b\"><title>B</title></measure>\n\
         <measure id=\"c\">\n  <title>C</title>\n  <period><halbjahr year=\"2019\"/></period>\n\
         </measure>\n</measures>\n");
    let e = err(&xml);
    assert_eq!(
        e.to_string(),
        "line 11, column 11, at /concept/measures/measure[3]/period: unknown period kind \
         \"halbjahr\": expected one of day, days, dateRange, month, months, monthRange, quarter, \
         quarters, halfYear, year, yearRange, partOfYear, turnOfYear, since, until, partOf, deadline, between"
    );
    let loc = e.location().unwrap();
    assert_eq!((loc.line, loc.column), (11, 11));
    assert_eq!(loc.path, "/concept/measures/measure[3]/period");
}

#[test]
fn structure_errors() {
    let cases = [
        (
            doc("<goals><goal id=\"z\"><level>1</level></goal></goals>"),
            "line 6, column 8, at /concept/goals/goal[1]: missing <title>",
        ),
        (
            doc("<measures><measure id=\"m\"><title>T</title><number>1</number></measure></measures>"),
            "line 6, column 43, at /concept/measures/measure[1]: <number> is out of order: it must come before <title>",
        ),
        (
            doc("<description>a</description><description>b</description>"),
            "line 6, column 29, at /concept: <description> appears more than once",
        ),
        (
            doc("<colour>red</colour>"),
            "line 6, column 1, at /concept: unexpected element <colour>: expected <edition>, <predecessor>",
        ),
        (
            doc("<goals><ziel id=\"z\"/></goals>"),
            "line 6, column 8, at /concept/goals: unexpected element <ziel>: <goals> holds <goal> elements only",
        ),
        (
            doc("<languages>de</languages>"),
            "line 6, column 12, at /concept/languages: unexpected text \"de\": this element holds elements only",
        ),
        (
            doc("<revisionCycleYears>0x5</revisionCycleYears>"),
            "line 6, column 1, at /concept/revisionCycleYears: \"0x5\" is not a number of years from 1 to 255",
        ),
        (
            doc("<measures><measure><title>T</title></measure></measures>"),
            "line 6, column 11, at /concept/measures/measure[1]: <measure> needs the attribute id",
        ),
        (
            doc("<measures><measure id=\"m\" colour=\"red\"><title>T</title></measure></measures>"),
            "unknown attribute \"colour\" on <measure>; allowed: id",
        ),
        (
            doc("<measures><measure id=\"m\"><title>T</title><period><year year=\"2019\"/><year year=\"2020\"/></period></measure></measures>"),
            "a second period kind <year>: <period> holds exactly one",
        ),
        (
            doc("<measures><measure id=\"m\"><title>T</title><period/></measure></measures>"),
            "<period> is empty: expected a period kind",
        ),
        (
            doc("<measures><measure id=\"m\"><title>T</title><period><since><until><year year=\"1\"/></until></since></period></measure></measures>"),
            "<until> cannot stand inside another open period",
        ),
        (
            doc("<measures><measure id=\"m\"><title>T</title><period><month year=\"2019\"/></period></measure></measures>"),
            "<month> needs the attribute month",
        ),
        (
            doc("<measures><measure id=\"m\"><title>T</title><period><day date=\"2019-02-30\"/></period></measure></measures>"),
            "attribute date: invalid date \"2019-02-30\": day does not exist in that month",
        ),
        (
            doc("<measures><measure id=\"m\"><title>T</title><costs><amount>1.005</amount></costs></measure></measures>"),
            "\"1.005\" has more than two decimals",
        ),
        (
            doc("<indicators><indicator id=\"i\"><name>N</name><unit>%</unit><direction>up</direction></indicator></indicators>"),
            "unknown code \"up\" in code list urn:kreisentwicklung:codelist:direction: expected one of higherIsBetter, lowerIsBetter",
        ),
        (
            doc("<indicators><indicator id=\"i\"><name>N</name><unit>%</unit><direction listURI=\"urn:kreisentwicklung:codelist:direction\" listVersionID=\"2\">up</direction></indicator></indicators>"),
            "(the document uses version \"2\" of the list; this library knows version \"1\")",
        ),
        (
            doc("<horizon><year year=\"2030\"/></horizon>")
                .replace("<kind>kek</kind>", "<kind listURI=\"urn:kreisentwicklung:codelist:state\">kek</kind>"),
            "listURI \"urn:kreisentwicklung:codelist:state\" is not the code list of <kind>, which is urn:kreisentwicklung:codelist:concept-kind",
        ),
        (
            doc("<description>a<translation xml:lang=\"en\">b</translation>c</description>"),
            "text after a <translation>: the main text comes first, then the translations",
        ),
        (
            doc("<description>a<translation xml:lang=\"en\">b</translation><translation xml:lang=\"en\">c</translation></description>"),
            "a second translation into \"en\"",
        ),
        (
            doc("<description>a<translation>b</translation></description>"),
            "<translation> needs the attribute xml:lang",
        ),
        (
            doc("<description xml:lang=\"en\">a</description>"),
            "xml:lang is not allowed on <description>",
        ),
        (
            doc("<description>a<b>bold</b></description>"),
            "element <b> is not allowed in text",
        ),
        (
            doc("<edition><number>1</number><year>2020<b/></year></edition>"),
            "element <b> is not allowed here: <year> holds text only",
        ),
        (
            doc("").replace("id=\"c\"", "id=\"c\" xml:lang=\"en\""),
            "xml:lang=\"en\" on <concept> does not match the main language \"de\"",
        ),
        (
            doc("<other:x xmlns:other=\"urn:other\"/>"),
            "element <other:x> is in namespace \"urn:other\"; expected \"urn:kreisentwicklung:xml:1\"",
        ),
        (
            doc("<description>x</description>").replace("<description>", "<description xmlns=\"\">"),
            "element <description> is in no namespace",
        ),
    ];
    for (xml, expected) in cases {
        let m = message(&xml);
        assert!(
            m.contains(expected),
            "expected {expected:?} in\n{m}\nfor\n{xml}"
        );
        assert!(m.starts_with("line "), "{m}");
    }
}

#[test]
fn doctype_and_entities_are_refused() {
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n \
                  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n\
                  <concept xmlns=\"urn:kreisentwicklung:xml:1\" schemaVersion=\"1.0\" id=\"c\"><title>&lol2;</title></concept>";
    let m = message(laughs);
    assert!(
        m.starts_with("line 2, column 1: DOCTYPE declarations are not allowed"),
        "{m}"
    );

    let external = "<!DOCTYPE concept SYSTEM \"file:///etc/passwd\">\n<concept/>";
    assert!(message(external).contains("DOCTYPE declarations are not allowed"));

    let m = message(&doc("<description>&nbsp;</description>"));
    assert!(
        m.contains("unknown entity &nbsp;: only &lt; &gt; &amp; &apos; &quot; and character references are allowed"),
        "{m}"
    );
    let m = message(&doc("<description>&#1;</description>"));
    assert!(
        m.contains("the character reference &#1; stands for U+0001"),
        "{m}"
    );
    let m = message(&doc("<description>a\u{1}b</description>"));
    assert!(
        m.contains("the character U+0001 is not allowed in XML 1.0"),
        "{m}"
    );
    let m = message(&doc(
        "<measures><measure id=\"m&#xB;\"><title>T</title></measure></measures>",
    ));
    assert!(
        m.contains("attribute id: the character U+000B is not allowed"),
        "{m}"
    );
    let m = message(&doc(
        "<measures><measure id=\"&foo;\"><title>T</title></measure></measures>",
    ));
    assert!(m.contains("attribute id:"), "{m}");
}

#[test]
fn versions_and_namespaces() {
    let e = err(&doc("").replace("urn:kreisentwicklung:xml:1", "urn:kreisentwicklung:xml:2"));
    assert!(matches!(e, ImportError::Version { .. }));
    assert_eq!(
        e.to_string(),
        "line 1, column 1: unsupported schema version: the document has namespace \
         \"urn:kreisentwicklung:xml:2\" (version 2 of the XML form), this library reads namespace \
         \"urn:kreisentwicklung:xml:1.1\" or \"urn:kreisentwicklung:xml:1\" (schema major version 1)"
    );
    // Values are quoted, so that whitespace shows (issue 19, point 13).
    let m = message(&doc("").replace("urn:kreisentwicklung:xml:1", "urn:kreisentwicklung:xml:1 "));
    assert!(
        m.contains("in namespace \"urn:kreisentwicklung:xml:1 \"; expected <concept xmlns=\"urn:kreisentwicklung:xml:1.1\">"),
        "{m}"
    );
    let m = message(&doc("<horizon><year year=\"2030\"/></horizon>").replace(
        "<kind>kek</kind>",
        "<kind listVersionID=\"1 draft\">kk</kind>",
    ));
    assert!(m.contains("version \"1 draft\" of the list"), "{m}");
    let e = err(&doc("").replace("schemaVersion=\"1.0\"", "schemaVersion=\"2.0\""));
    assert!(matches!(e, ImportError::Version { .. }));
    assert!(e.to_string().contains("the document has schemaVersion \"2.0\" (major version 2), this library reads schema version 1.x"));
    // A later minor version of the same major version is read.
    assert!(from_str(&doc("").replace("schemaVersion=\"1.0\"", "schemaVersion=\"1.7\"")).is_ok());
    assert!(
        message(&doc("").replace("schemaVersion=\"1.0\"", "schemaVersion=\"eins\""))
            .contains("schemaVersion \"eins\" is not written major.minor")
    );
    assert!(message(&doc("").replace(" schemaVersion=\"1.0\"", ""))
        .contains("<concept> needs the attribute schemaVersion"));
    let m = message(&doc("").replace(" xmlns=\"urn:kreisentwicklung:xml:1\"", ""));
    assert!(
        m.contains("the root element <concept> is in no namespace"),
        "{m}"
    );
    let m = message("<kek xmlns=\"urn:kreisentwicklung:xml:1\"/>");
    assert!(
        m.contains("the root element is <kek>; expected <concept>"),
        "{m}"
    );
    let m = message("<x:concept xmlns:x=\"urn:other\"/>");
    assert!(
        m.contains("the root element is <concept> in namespace \"urn:other\""),
        "{m}"
    );
}

#[test]
fn documents_that_are_not_xml_or_not_utf8() {
    let e = err(&doc("<description>x</descr>"));
    assert!(matches!(e, ImportError::Xml { .. }), "{e:?}");
    assert!(e.source().is_some(), "the quick-xml error is the source");
    assert!(
        e.to_string()
            .starts_with("line 6, column 15, at /concept/description: not well-formed XML"),
        "{e}"
    );

    assert!(message("").contains("the document is empty"));
    assert!(message("   \n  ").contains("the document is empty"));
    assert!(message("hello").contains("unexpected text before the root element"));
    assert!(message(&format!("{}<concept/>", doc("")))
        .contains("unexpected content after the root element"));
    assert!(message(&doc("").replace("</concept>", "")).contains("line "));
    assert!(message(&format!(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>{}",
        doc("")
    ))
    .contains("encoding \"ISO-8859-1\" is not supported"));
    assert!(message(&format!("<?xml version=\"1.1\"?>{}", doc("")))
        .contains("XML version \"1.1\" is not supported"));

    let mut bytes = doc("<description>ok</description>").into_bytes();
    let at = bytes.windows(2).position(|w| w == b"ok").unwrap();
    bytes[at + 1] = 0xFF;
    let e = from_slice(&bytes).unwrap_err().to_string();
    assert!(
        e.contains("invalid UTF-8 at byte") && e.starts_with("line 6,"),
        "{e}"
    );
    let e = from_slice(&[0xFF, 0xFE, b'<', 0]).unwrap_err().to_string();
    assert!(e.contains("UTF-16"), "{e}");
}

#[test]
fn every_validation_problem_is_reported() {
    let xml = doc(
        "<goals><goal id=\"z1\"><level>2</level><title>Z</title></goal></goals>\
         <measures><measure id=\"m1\"><title> </title><goals><goal>z9</goal></goals></measure></measures>",
    );
    let ImportError::Invalid(errors) = err(&xml) else {
        panic!("expected Invalid");
    };
    let text: Vec<String> = errors.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        text,
        [
            "goals[z1].level: level 2 does not fit: expected 1",
            "measures[m1].title: must not be empty",
            "measures[m1].goals[0]: refers to goal \"z9\", which does not exist",
        ],
        "{text:#?}"
    );
}

#[test]
fn hostile_text_written_by_hand_reads_back() {
    for s in common::HOSTILE {
        // Escape as a careful writer would, and also with CDATA where possible.
        let escaped = s
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('\r', "&#13;")
            .replace("]]>", "]]&gt;");
        let c = from_str(&doc(&format!("<description>{escaped}</description>"))).unwrap();
        assert_eq!(c.description.unwrap().as_str(), *s);
        if !s.contains("]]>") && !s.contains('\r') {
            let c = from_str(&doc(&format!("<description><![CDATA[{s}]]></description>"))).unwrap();
            assert_eq!(c.description.unwrap().as_str(), *s);
        }
    }
}
