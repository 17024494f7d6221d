//! Reproducible output, timestamps, options and the output stream.

mod common;

use std::io::{self, Write};

use common::*;
use kreisentwicklung_core::export::{ExportError, ExportOptions, Exporter, Registry, Timestamp};
use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_core::*;
use kreisentwicklung_xlsx::XlsxExporter;

#[test]
fn same_input_same_bytes() {
    let c = sample();
    for options in [
        ExportOptions::default(),
        ExportOptions::default().language(Language::En),
        ExportOptions::default().option("constant-memory", "true"),
        ExportOptions::default().timestamp(Timestamp::At(Date::from_ymd(2024, 2, 29).unwrap())),
    ] {
        assert_eq!(export(&c, &options), export(&c, &options), "{options:?}");
    }
    let big = generate(&GeneratorOptions::new(300).seed(3));
    assert_eq!(
        export(&big, &ExportOptions::default()),
        export(&big, &ExportOptions::default())
    );
}

#[test]
fn creation_date() {
    let c = sample();
    let created = |bytes: &[u8]| {
        let core = zip_text(bytes, "docProps/core.xml").unwrap();
        core.split("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        created(&export(&c, &ExportOptions::default())),
        "2000-01-01T00:00:00Z"
    );
    let at =
        ExportOptions::default().timestamp(Timestamp::At(Date::from_ymd(2023, 1, 31).unwrap()));
    assert_eq!(created(&export(&c, &at)), "2023-01-31T00:00:00Z");
    let now = created(&export(
        &c,
        &ExportOptions::default().timestamp(Timestamp::Now),
    ));
    assert_ne!(now, "2000-01-01T00:00:00Z");
    assert!(now.len() == 20 && now.ends_with('Z'), "{now}");
}

#[test]
fn options() {
    let x = XlsxExporter;
    assert_eq!(x.id(), "xlsx");
    assert_eq!(x.extension(), "xlsx");
    assert!(x.is_binary());
    let names: Vec<(&str, bool)> = x.options().iter().map(|o| (o.name, o.is_flag)).collect();
    assert_eq!(
        names,
        [
            ("constant-memory", true),
            ("mode", false),
            ("today", false),
            ("charts", false),
            ("threads", false)
        ]
    );

    let c = sample();
    for (name, value) in [
        ("constant-memory", "maybe"),
        ("today", "31.12.2024"),
        ("charts", "-1"),
        ("threads", "0"),
        ("pretty", "true"),
    ] {
        let err = try_export(&c, &ExportOptions::default().option(name, value)).unwrap_err();
        assert!(
            matches!(&err, ExportError::Option { name: n, .. } if n == name),
            "{name}: {err}"
        );
    }
    for value in ["", "true", "yes", "1", "false", "no", "0"] {
        try_export(
            &c,
            &ExportOptions::default().option("constant-memory", value),
        )
        .unwrap();
    }

    // Through a registry, as the facade and the CLI use it.
    let mut registry = Registry::new();
    registry.register(XlsxExporter);
    let mut out = Vec::new();
    registry
        .export("xlsx", &c, &mut out, &ExportOptions::default())
        .unwrap();
    assert_eq!(out, export(&c, &ExportOptions::default()));
}

/// A writer that fails after some bytes.
struct Broken {
    left: usize,
}

impl Write for Broken {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Err(io::Error::other("disk full"));
        }
        let n = buf.len().min(self.left);
        self.left -= n;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failing_output_is_an_io_error() {
    let c = generate(&GeneratorOptions::new(2_000));
    for constant_memory in ["false", "true"] {
        let mut out = Broken { left: 100_000 };
        let err = XlsxExporter
            .export(
                &c,
                &mut out,
                &ExportOptions::default().option("constant-memory", constant_memory),
            )
            .unwrap_err();
        match err {
            ExportError::Io(e) => assert_eq!(e.to_string(), "disk full"),
            other => panic!("expected an I/O error, got {other}"),
        }
    }
}
