//! Sheets written on several threads give the same file as on one, in
//! every workbook mode, for the five examples and for a generated concept
//! large enough that its sheets are streamed (where the formats' order in
//! the file depends on which sheet registers them first), and the first
//! failing sheet's error either way.

use kreisentwicklung_core::generate::{generate, GeneratorOptions};
use kreisentwicklung_core::{Concept, Measure};
use kreisentwicklung_xlsx::{Mode, Writer, STREAMED_FROM_ROWS};

fn write(concept: &Concept, mode: Mode, threads: usize) -> Vec<u8> {
    Writer::new()
        .mode(mode)
        .threads(threads)
        .to_vec(concept)
        .expect("export")
}

#[test]
fn the_examples_are_the_same_on_any_number_of_threads() {
    for (name, concept) in kreisentwicklung_core::examples::all() {
        let one = write(&concept, Mode::Auto, 1);
        for threads in [2, 3, 8] {
            assert!(
                write(&concept, Mode::Auto, threads) == one,
                "{name}: {threads} threads give another file than one"
            );
        }
    }
}

#[test]
fn streamed_sheets_are_the_same_on_any_number_of_threads() {
    // Maßnahmen and Indikatoren both above the streaming threshold, so
    // that two streamed sheets are written at the same time.
    let concept = generate(&GeneratorOptions::new(STREAMED_FROM_ROWS + 200).seed(5));
    assert!(concept.measures.len() >= STREAMED_FROM_ROWS);
    let one = write(&concept, Mode::Streaming, 1);
    // Several runs: a race would show in some of them.
    for (run, threads) in [2, 2, 4].into_iter().enumerate() {
        assert!(
            write(&concept, Mode::Streaming, threads) == one,
            "run {run}, {threads} threads: another file than with one thread"
        );
    }
}

#[test]
fn the_first_failing_sheet_gives_the_error_on_any_number_of_threads() {
    // A measure title longer than a cell holds fails the Maßnahmen sheet;
    // a document title as long fails the later Dokumente sheet.
    let mut concept = generate(&GeneratorOptions::new(50).seed(3));
    let long = "x".repeat(40_000);
    concept
        .measures
        .push(Measure::new("zu-lang", long.as_str()));
    concept.documents[0].title = long.clone().into();
    let one = Writer::new().threads(1).to_vec(&concept).unwrap_err();
    assert!(one.to_string().contains("zu-lang"), "{one}");
    for threads in [2, 4] {
        let err = Writer::new().threads(threads).to_vec(&concept).unwrap_err();
        assert_eq!(err.to_string(), one.to_string(), "{threads} threads");
    }
}

#[test]
fn the_threads_option_sets_the_number_and_refuses_what_is_not_one() {
    use kreisentwicklung_core::export::ExportOptions;
    let with =
        |value: &str| Writer::from_options(&ExportOptions::default().option("threads", value));
    assert_eq!(with("1").unwrap(), Writer::new().threads(1));
    assert_eq!(with(" 3 ").unwrap(), Writer::new().threads(3));
    for bad in ["0", "-1", "zwei", ""] {
        let err = with(bad).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "option \"threads\" for format xlsx: {bad:?} is not a number of threads (1, 2, …)"
            )
        );
    }
}
