//! Import of bad input: every kind of broken document gets a clear error
//! with a path and a position, and nothing panics.

use std::error::Error as _;

use kreisentwicklung_core::{ProblemKind, MAX_TEXT_CHARS};
use kreisentwicklung_json::{
    from_reader, from_slice, from_slice_with_warnings, from_str, from_str_with_warnings,
    ImportError, Warning, MAX_STRING_BYTES,
};

/// A minimal valid document with `extra` spliced into the concept object
/// on line 6.
fn doc(extra: &str) -> String {
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!(",\n{extra}")
    };
    format!(
        r#"{{
  "$schema": "urn:kreisentwicklung:schema:json:1",
  "schemaVersion": "1.0",
  "concept": {{
    "id": "kek", "title": "KEK 2030", "kind": "kek", "status": "adopted",
    "territory": {{"name": "Beispiel", "kind": "landkreis"}}{extra}
  }}
}}"#
    )
}

/// The item path of an error, as printed.
fn at(e: &ImportError) -> Option<String> {
    e.item_path().map(ToString::to_string)
}

fn err(input: &str) -> ImportError {
    match from_str(input) {
        Ok(c) => panic!("accepted: {c:?}"),
        Err(e) => e,
    }
}

#[test]
fn a_minimal_document_reads_without_warnings() {
    let imported = from_str_with_warnings(&doc("")).unwrap();
    assert!(imported.warnings.is_empty());
    assert_eq!(imported.concept.id, "kek");
}

#[test]
fn truncated_json_at_every_length_is_an_error() {
    let full = doc(r#""measures": [{"id": "m1", "title": "Radwege", "goals": []}]"#);
    from_str(&full).unwrap();
    for cut in 0..full.len() - 1 {
        if !full.is_char_boundary(cut) {
            continue;
        }
        let e = err(&full[..cut]);
        assert!(
            matches!(e, ImportError::Syntax { .. } | ImportError::Empty),
            "cut at {cut}: {e}"
        );
    }
    let e = err(&full[..full.len() / 2]);
    assert!(e
        .to_string()
        .starts_with("incomplete JSON (truncated?): EOF while parsing"));
    assert!(e.position().is_some());
    assert!(e.source().is_some(), "serde_json error as source");
}

#[test]
fn syntax_errors_name_line_and_column() {
    let e = err("{\n  \"schemaVersion\": \"1.0\",\n  \"concept\": {,}\n}");
    assert_eq!(e.position(), Some((3, 15)));
    assert_eq!(
        e.to_string(),
        "invalid JSON: key must be a string at line 3 column 15"
    );
    let e = err(r#"{"schemaVersion": "1.0"} {}"#);
    assert_eq!(
        e.to_string(),
        "invalid JSON: trailing characters at line 1 column 26"
    );
}

#[test]
fn empty_input_and_a_non_object_are_errors() {
    assert!(matches!(err(""), ImportError::Empty));
    assert!(matches!(err(" \n\t"), ImportError::Empty));
    for input in ["[]", "1", "\"1.0\"", "null", "true"] {
        let e = err(input);
        assert!(
            e.to_string()
                .contains("expected a concept document (a JSON object)"),
            "{input}: {e}"
        );
    }
}

#[test]
fn wrong_types_name_the_path() {
    let e = err(&doc(r#""measures": [{"id": "m1", "title": 5}]"#));
    assert_eq!(at(&e).as_deref(), Some("measures[m1].title"));
    assert_eq!(
        e.to_string(),
        "measures[m1].title: invalid type: integer `5`, expected a string or an object \
         with \"text\" and \"translations\" at line 7 column 36"
    );
    let e = err(&doc(
        r#""goals": [{"id": "z1", "level": "eins", "title": "Ziel"}]"#,
    ));
    assert_eq!(at(&e).as_deref(), Some("goals[z1].level"));
    assert!(e
        .to_string()
        .contains("invalid type: string \"eins\", expected u8"));
    let e = err(&doc(
        r#""goals": [{"id": "z1", "level": 300, "title": "Ziel"}]"#,
    ));
    assert_eq!(at(&e).as_deref(), Some("goals[z1].level"));
    let e = err(&doc(r#""measures": {"id": "m1"}"#));
    assert_eq!(at(&e).as_deref(), Some("measures"));
    assert!(e.to_string().contains("expected a sequence"));
    let e = err(&doc(r#""measures": [{"id": "m1"}]"#));
    assert_eq!(
        e.to_string(),
        "measures[m1]: missing field `title` at line 7 column 25"
    );
    let e = err(r#"{"schemaVersion": "1.0"}"#);
    assert_eq!(e.to_string(), "missing field `concept` at line 1 column 24");
    assert_eq!(at(&e).as_deref(), Some(""));
    // A measure without a well-formed id is named by its position.
    let e = err(&doc(r#""measures": [{"id": "m 1"}]"#));
    assert_eq!(at(&e).as_deref(), Some("measures[0]"));
    // A member of the document beside the concept keeps its name.
    let e = err(&doc("").replace(
        r#""$schema": "urn:kreisentwicklung:schema:json:1""#,
        r#""$schema": 1"#,
    ));
    assert_eq!(at(&e).as_deref(), Some("$schema"));
    assert!(
        e.to_string()
            .starts_with("$schema: invalid type: integer `1`"),
        "{e}"
    );
    let e = err(&doc(
        r#""measures": [{"id": "m1", "title": "x", "costs": {"amount": 1.234}}]"#,
    ));
    assert_eq!(at(&e).as_deref(), Some("measures[m1].costs.amount"));
    assert!(e
        .to_string()
        .contains("amount 1.234 has more than two decimals"));
}

#[test]
fn unknown_codes_name_the_path_and_the_codes_expected() {
    let e = err(&doc(
        r#""measures": [{"id": "m1", "title": "Radwege", "priority": "urgent"}]"#,
    ));
    assert_eq!(
        e.to_string(),
        "measures[m1].priority: unknown variant `urgent`, expected one of `high`, \
         `medium`, `low` at line 7 column 66"
    );
    let e = err(&doc(
        r#""measures": [{"id": "m1", "title": "Radwege", "period": {"kind": "halbjahr", "year": 2019, "half": 2}}]"#,
    ));
    assert_eq!(at(&e).as_deref(), Some("measures[m1].period.kind"));
    let msg = e.to_string();
    assert!(
        msg.starts_with(
            "measures[m1].period.kind: unknown variant `halbjahr`, expected one of `day`, `days`"
        ),
        "{msg}"
    );
    assert!(
        msg.contains("`halfYear`") && msg.ends_with("at line 7 column 75"),
        "{msg}"
    );
    let e = err(&doc(r#""kind": "masterplan""#));
    // The duplicate "kind" is found first: it is a duplicate key.
    assert!(matches!(e, ImportError::DuplicateKey { .. }), "{e}");
    let e = err(&doc("").replace(r#""kind": "kek""#, r#""kind": "masterplan""#));
    assert_eq!(at(&e).as_deref(), Some("kind"));
    assert!(e.to_string().contains("unknown variant `masterplan`"));
}

#[test]
fn dates_that_do_not_exist_name_the_path() {
    let e = err(&doc(
        r#""measures": [{"id": "m1", "title": "R", "statusHistory": [{"date": "2019-02-30", "status": "planned"}]}]"#,
    ));
    assert_eq!(
        e.to_string(),
        "measures[m1].statusHistory[0].date: invalid date \"2019-02-30\": day does not \
         exist in that month at line 7 column 79"
    );
    // Inside a period the path goes down to the field.
    let e = err(&doc(
        r#""measures": [{"id": "m1", "title": "R", "period": {"kind": "day", "date": "2019-02-30"}}]"#,
    ));
    assert_eq!(at(&e).as_deref(), Some("measures[m1].period.date"));
    assert!(e
        .to_string()
        .contains("invalid date \"2019-02-30\": day does not exist in that month"));
    for bad in ["2019-2-3", "03.02.2019", "2019-13-01", "0000-01-01", ""] {
        let e = err(&doc(&format!(
            r#""measures": [{{"id": "m1", "title": "R", "statusHistory": [{{"date": "{bad}", "status": "planned"}}]}}]"#
        )));
        assert_eq!(
            at(&e).as_deref(),
            Some("measures[m1].statusHistory[0].date"),
            "{bad}"
        );
        assert!(e.to_string().contains("invalid date"), "{bad}: {e}");
    }
}

#[test]
fn duplicate_keys_are_errors_everywhere() {
    // In a struct.
    let e = err(&doc(
        r#""measures": [{"id": "m1", "title": "Radwege", "title": "x"}]"#,
    ));
    assert_eq!(
        e.to_string(),
        "measures[m1]: duplicate key \"title\" at line 7 column 53"
    );
    // In the translations of a text, which serde_json would silently merge.
    let e = err(&doc(
        r#""measures": [{"id": "m1", "title": {"text": "Radwege", "translations": {"en": "Cycle paths", "en": "Bike lanes"}}}]"#,
    ));
    match &e {
        ImportError::DuplicateKey {
            path, key, line, ..
        } => {
            assert_eq!(path, "measures[m1].title.translations");
            assert_eq!(key, "en");
            assert_eq!(*line, 7);
        }
        other => panic!("{other}"),
    }
    // In a part the model ignores, at the top level, and in the version.
    let e = err(&doc(r#""x-vendor": {"a": 1, "a": 2}"#));
    assert_eq!(at(&e).as_deref(), Some("x-vendor"));
    let e = err(r#"{"schemaVersion": "1.0", "schemaVersion": "2.0", "concept": {}}"#);
    assert_eq!(
        e.to_string(),
        "duplicate key \"schemaVersion\" at line 1 column 40"
    );
    // In a period, read as a whole.
    let e = err(&doc(
        r#""measures": [{"id": "m1", "title": "R", "period": {"kind": "year", "year": 2019, "year": 2020}}]"#,
    ));
    assert_eq!(at(&e).as_deref(), Some("measures[m1].period"));
    // Equal keys written differently are equal keys.
    let e = err(&doc(
        r#""measures": [{"id": "m1", "title": "R", "tit\u006ce": "x"}]"#,
    ));
    assert!(matches!(e, ImportError::DuplicateKey { .. }), "{e}");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = "[".repeat(100_000);
    let e = err(&deep);
    assert!(e.to_string().contains("expected a concept document"), "{e}");

    let deep = doc(&format!(r#""x": {}"#, "[".repeat(100_000)));
    let e = err(&deep);
    assert!(matches!(e, ImportError::TooDeep { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "the JSON is nested more than 128 levels deep at line 7 column 131"
    );
    let deep = doc(&format!(r#""x": {}"#, "{\"a\":".repeat(100_000)));
    assert!(matches!(err(&deep), ImportError::TooDeep { .. }));
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(from_slice(deep.as_bytes()).is_err());
}

#[test]
fn periods_nested_as_deep_as_allowed_do_not_overflow_the_stack() {
    // Up to the nesting limit, "ab (bis (ab …))" is read into the model and
    // then refused by validation, on a test thread's small stack.
    for n in [10, 60, 122] {
        let mut p = r#"{"kind": "year", "year": 2019}"#.to_owned();
        for i in 0..n {
            p = if i % 2 == 0 {
                format!(r#"{{"kind": "since", "start": {p}}}"#)
            } else {
                format!(r#"{{"kind": "until", "end": {p}}}"#)
            };
        }
        let input = doc(&format!(
            r#""measures": [{{"id": "m1", "title": "R", "period": {p}}}]"#
        ));
        match from_str(&input) {
            Err(ImportError::Invalid(errors)) => assert!(errors.problems.len() >= n - 1, "{n}"),
            other => panic!("{n}: {other:?}"),
        }
    }
}

#[test]
fn a_100_mb_string_is_refused_with_a_clear_error() {
    let huge = "x".repeat(100 * 1024 * 1024);
    let input = doc("").replace(r#""title": "KEK 2030""#, &format!(r#""title": "{huge}""#));
    drop(huge);
    let e = from_slice(input.as_bytes()).unwrap_err();
    match &e {
        ImportError::StringTooLong {
            path, bytes, line, ..
        } => {
            assert_eq!(path, "title");
            assert_eq!(*bytes, 100 * 1024 * 1024);
            assert_eq!(*line, 5);
        }
        other => panic!("{other}"),
    }
    assert!(e
        .to_string()
        .starts_with("title: string of 104857600 bytes is longer than the limit of 131068 bytes at line 5 column"));

    // Escaped strings and keys count too.
    let input = doc(&format!(r#""{}": 1"#, "\\n".repeat(MAX_STRING_BYTES + 1)));
    let e = err(&input);
    assert_eq!(at(&e).as_deref(), Some(""), "{e}");
    assert!(
        e.to_string().starts_with(&format!(
            "key of {} bytes is longer than the limit",
            MAX_STRING_BYTES + 1
        )),
        "{e}"
    );
}

#[test]
fn text_just_too_long_is_reported_by_validation_with_other_problems() {
    let long = "ä".repeat(MAX_TEXT_CHARS + 1);
    let input = doc(&format!(
        r#""measures": [{{"id": "m1", "title": "{long}", "goals": ["nope"]}}]"#
    ));
    match err(&input) {
        ImportError::Invalid(errors) => {
            assert_eq!(errors.problems.len(), 2);
            assert_eq!(errors.problems[0].path, "measures[m1].title");
            assert_eq!(
                errors.problems[0].kind,
                ProblemKind::TextTooLong {
                    chars: MAX_TEXT_CHARS + 1
                }
            );
        }
        other => panic!("{other}"),
    }
}

#[test]
fn invalid_utf8_is_an_error_with_its_position() {
    let mut bytes = doc("").into_bytes();
    let at = bytes.windows(3).position(|w| w == b"KEK").unwrap();
    bytes[at + 1] = 0xFF;
    let e = from_slice(&bytes).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "the input is not valid UTF-8: invalid byte 0xFF at line 5 column 29 (byte offset {})",
            at + 1
        )
    );
    assert_eq!(e.position(), Some((5, 29)));
    // Cut inside a character.
    let input = doc("").replace("Beispiel", "Beispiel ä");
    let cut = input.find('ä').unwrap() + 1;
    let e = from_slice(&input.as_bytes()[..cut]).unwrap_err();
    assert!(
        e.to_string().contains("incomplete character at the end"),
        "{e}"
    );
    // An overlong encoding and a lone surrogate escape.
    assert!(matches!(
        from_slice(b"{\"a\": \"\xC0\xAF\"}"),
        Err(ImportError::Encoding { .. })
    ));
    let e = err(&doc(r#""description": "\ud800""#));
    assert!(matches!(e, ImportError::Syntax { .. }), "{e}");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let mut bytes = "\u{FEFF}".as_bytes().to_vec();
    bytes.extend_from_slice(doc("").as_bytes());
    from_slice(&bytes).unwrap();
}

#[test]
fn schema_versions() {
    let with = |v: &str| doc("").replace(r#""schemaVersion": "1.0""#, v);
    let e = err(&with(r#""schemaVersion": "2.0""#));
    assert_eq!(
        e.to_string(),
        "document has schema version 2.0, this library reads 1.x"
    );
    assert!(matches!(e, ImportError::UnsupportedVersion { .. }));
    assert!(matches!(
        err(&with(r#""schemaVersion": "0.9""#)),
        ImportError::UnsupportedVersion { .. }
    ));

    let e = err(&with(r#""schemaVersionX": "1.0""#));
    assert_eq!(
        e.to_string(),
        "the document has no schemaVersion; this library reads 1.x"
    );
    assert_eq!(e.item_path(), None);

    let e = err(&with(r#""schemaVersion": "1""#));
    assert_eq!(
        e.to_string(),
        "schemaVersion must be a string written major.minor such as \"1.1\", found \"1\""
    );
    for bad in [
        r#""1.0.0""#,
        r#""v1.0""#,
        r#""""#,
        "1.0",
        "1",
        "null",
        "[]",
        "{}",
    ] {
        let e = err(&with(&format!(r#""schemaVersion": {bad}"#)));
        assert!(
            matches!(e, ImportError::MalformedVersion { .. }),
            "{bad}: {e}"
        );
    }

    let imported = from_str_with_warnings(&with(r#""schemaVersion": "1.7""#)).unwrap();
    assert_eq!(
        imported.warnings,
        [Warning::NewerMinorVersion {
            found: "1.7".into()
        }]
    );
}

#[test]
fn the_version_is_checked_before_the_concept() {
    // A version 2 document whose concept this library cannot read.
    let input = r#"{"schemaVersion": "2.0", "concept": {"id": 1, "territory": "elsewhere"}}"#;
    assert!(matches!(err(input), ImportError::UnsupportedVersion { .. }));
    // The version may come after the concept.
    let input = r#"{"concept": {"id": 1}, "schemaVersion": "2.1"}"#;
    assert!(matches!(err(input), ImportError::UnsupportedVersion { .. }));
}

#[test]
fn unknown_fields_are_ignored_and_reported_as_warnings() {
    let input = doc(r#""x-colour": "blue",
    "measures": [{"id": "m1", "title": "R", "rating": {"stars": 5}}],
    "goals": [{"id": "z1", "level": 1, "title": "Ziel", "weight": [1, 2]}]"#)
    .replace(r#""$schema""#, r#""$comment": "hand-written", "$schema""#);
    let imported = from_str_with_warnings(&input).unwrap();
    let paths: Vec<_> = imported.warnings.iter().filter_map(Warning::path).collect();
    assert_eq!(
        paths,
        [
            "$comment",
            "concept.x-colour",
            "concept.measures[0].rating",
            "concept.goals[0].weight"
        ]
    );
    assert_eq!(
        imported.warnings[2].to_string(),
        "concept.measures[0].rating: unknown field, ignored"
    );
    // from_str drops them and reads the same concept.
    assert_eq!(from_str(&input).unwrap(), imported.concept);

    // In a text and in a period (a member of another kind too), not in a
    // horizon.
    let input = doc(r#""horizon": {"kind": "year", "year": 2030, "x": 1},
    "measures": [{"id": "m1", "title": {"text": "R", "translations": {"en": "R"}, "note": "n"},
      "period": {"kind": "year", "year": 2019, "month": 5, "colour": "red"}}]"#);
    let imported = from_str_with_warnings(&input).unwrap();
    let paths: Vec<_> = imported.warnings.iter().filter_map(Warning::path).collect();
    assert_eq!(
        paths,
        [
            "concept.measures[0].title.note",
            "concept.measures[0].period.month",
            "concept.measures[0].period.colour"
        ]
    );
}

#[test]
fn validation_reports_every_problem() {
    let input = doc(
        r#""goals": [{"id": "z1", "level": 2, "title": " "}, {"id": "z1", "level": 1, "title": "Ziel", "parent": "z9"}],
    "measures": [{"id": "bad id", "title": "R", "goals": ["z1", "z7"]}]"#,
    );
    match err(&input) {
        ImportError::Invalid(errors) => {
            assert!(errors.problems.len() >= 5, "{errors}");
            let text = ImportError::Invalid(errors.clone()).to_string();
            assert!(text.starts_with("the concept is not valid: "), "{text}");
            assert_eq!(text.lines().count(), errors.problems.len() + 1, "{text}");
            assert!(text.contains("duplicate id \"z1\""), "{text}");
            assert!(
                text.contains("refers to goal \"z7\", which does not exist"),
                "{text}"
            );
        }
        other => panic!("{other}"),
    }
}

#[test]
fn from_reader_reads_and_reports_io_errors() {
    let input = doc("");
    from_reader(input.as_bytes()).unwrap();

    struct Failing;
    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    let e = from_reader(Failing).unwrap_err();
    assert_eq!(e.to_string(), "cannot read the input: disk on fire");
    assert!(e.source().is_some());

    // A limit on the input cuts the document: incomplete JSON.
    use std::io::Read as _;
    let e = from_reader(input.as_bytes().take(40)).unwrap_err();
    assert!(matches!(e, ImportError::Syntax { .. }), "{e}");
}

#[test]
fn garbage_never_panics() {
    let inputs: &[&[u8]] = &[
        b"\0",
        b"\xEF\xBB\xBF",
        b"{\"schemaVersion\": \"1.0\", \"concept\": {\"id\": \"\\u0000\"}}",
        b"{\"schemaVersion\": \"1.0\", \"concept\": 1e999}",
        b"{\"schemaVersion\": \"1.0\", \"concept\": -}",
        b"{\"schemaVersion\": \"1.0\", \"concept\": {\"revisionCycleYears\": -1}}",
        b"{\"schemaVersion\": \"1.0\", \"concept\": null}",
        b"{\"schemaVersion\": \"99999999999999999999999999.0\"}",
    ];
    for input in inputs {
        let r = from_slice_with_warnings(input);
        assert!(r.is_err(), "{input:?}");
    }
}

#[test]
fn errors_and_results_can_cross_threads() {
    fn check<T: Send + Sync + 'static>() {}
    check::<ImportError>();
    check::<kreisentwicklung_json::Imported>();
    check::<Warning>();
}

/// A file is read in pieces; it must give what its bytes give, result and
/// warnings or error message alike, also where the pieces are cut oddly.
#[test]
fn a_file_read_in_pieces_gives_what_its_bytes_give() {
    use kreisentwicklung_json::from_seekable_reader_with_warnings;
    let nested = |n: usize, inner: &str| {
        let mut v = inner.to_owned();
        for _ in 0..n {
            v = format!("[{v}]");
        }
        v
    };
    let mut inputs = vec![
        doc(
            r#""measures": [{"id": "m1", "title": "Radwege"}, {"id": "m2", "title": "Wege [\"]\\"}]"#,
        ),
        doc(r#""measures": [{"id": "m1", "title": "R", "colour": [1, {"a": "}"}]}]"#),
        doc(r#""colour": 1, "goals": [{"id": "z1", "level": 1, "title": "Z", "weight": 2}]"#),
        doc(r#""measures": [{"id": "m1", "title": "R"}], "m\u0065asures": []"#),
        doc(r#""m\u0065asures": [{"id": "m1", "title": "R"}], "goals": []"#),
        doc(r#""measures": [{"id": "m1", "title": "R"}], "measures": []"#),
        doc(r#""measures": [{"id": "m1", "title": "R"},]"#),
        doc(r#""measures": [{"id": "m1", "title": "R", "title": "S"}]"#),
        doc(r#""measures": [{"id": "m1", "title": "R", "goals": ["z9"]}]"#),
        doc(r#""measures": [7]"#),
        doc(r#""measures": {"id": "m1"}"#),
    ];
    // Around the nesting limit, inside an element and outside the lists.
    for n in 118..126 {
        inputs.push(doc(&format!(
            r#""measures": [{{"id": "m1", "title": "R", "x": {}}}]"#,
            nested(n, "1")
        )));
        inputs.push(doc(&format!(r#""x": {}"#, nested(n + 3, "{}"))));
    }
    let generated = kreisentwicklung_json::to_vec(
        &kreisentwicklung_core::generate::generate(
            &kreisentwicklung_core::generate::GeneratorOptions::new(40).seed(3),
        ),
        true,
    )
    .unwrap();
    inputs.push(String::from_utf8(generated).unwrap());
    for input in &inputs {
        let whole = from_slice_with_warnings(input.as_bytes());
        let file = from_seekable_reader_with_warnings(std::io::Cursor::new(input.as_bytes()));
        match (&whole, &file) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{input}"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{input}"),
            _ => panic!("{input}: {whole:?} against {file:?}"),
        }
    }
}
