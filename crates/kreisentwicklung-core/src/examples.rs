//! The five seed concepts as example data, embedded in the crate.
//!
//! Each example is a [`ConceptDocument`] in the JSON
//! exchange format, encoded faithfully from a public source text about one
//! county: everything the source states, nothing it does not. They are the
//! files in `examples/data/` of the repository (copied into this crate so
//! that it is complete on its own), behind the feature `examples`:
//!
//! | name | county | what it shows |
//! | --- | --- | --- |
//! | `hildesheim` | Landkreis Hildesheim, REK | six fields of action, cross-cutting themes, a steering group with a consultancy, participation formats with fuzzy dates |
//! | `helmstedt` | Landkreis Helmstedt | Leitbild, 3 Oberziele and 13 Unterziele, a chronology of committee steps, a Kreistag resolution with a mandate, the problems that stalled the concept |
//! | `bernkastel-wittlich` | Landkreis Bernkastel-Wittlich | a second edition with its 2004 predecessor, four Handlungsschwerpunkte, process funding, a five-year revision cycle, documents, measures kept in the Handlungskonzept |
//! | `ludwigslust-parchim` | Landkreis Ludwigslust-Parchim, KEK 2030 | a series of events with participants, outcomes, documents and press reports, committee workshops nested in a series, the Kreistag decision planned for 2017 |
//! | `nordsachsen` | Landkreis Nordsachsen, KEK 2030 | SWOT topics, four fields each with a Leitbild 2030, workshops "ab Juni 2019 … bis Anfang 2020", the adoption by the Kreistag and the project catalogue kept apart |
//!
//! ```
//! use kreisentwicklung_core::examples;
//!
//! let helmstedt = examples::load("helmstedt")?;
//! assert_eq!(helmstedt.top_goals().count(), 3);
//! assert_eq!(helmstedt.goals.len(), 16);
//!
//! // Every example is a valid concept.
//! for (name, concept) in examples::all() {
//!     assert!(concept.validate().is_ok(), "{name}");
//! }
//!
//! // Unknown names are an error that lists the known ones.
//! let err = examples::load("atlantis").unwrap_err();
//! assert!(err.to_string().contains("hildesheim"));
//!
//! // The raw JSON, for tools that want to read it themselves.
//! assert!(examples::json("nordsachsen").unwrap().contains("\"schemaVersion\": \"1.1\""));
//! # Ok::<(), examples::ExampleError>(())
//! ```

use std::fmt;

use crate::{Concept, ConceptDocument};

/// The names of the examples, in the order of the seed texts.
pub const NAMES: &[&str] = &[
    "hildesheim",
    "helmstedt",
    "bernkastel-wittlich",
    "ludwigslust-parchim",
    "nordsachsen",
];

const HILDESHEIM: &str = include_str!("../data/hildesheim.json");
const HELMSTEDT: &str = include_str!("../data/helmstedt.json");
const BERNKASTEL_WITTLICH: &str = include_str!("../data/bernkastel-wittlich.json");
const LUDWIGSLUST_PARCHIM: &str = include_str!("../data/ludwigslust-parchim.json");
const NORDSACHSEN: &str = include_str!("../data/nordsachsen.json");

/// The JSON text of the example with the given name (see [`NAMES`]), a
/// [`ConceptDocument`]; `None` for an unknown name.
pub fn json(name: &str) -> Option<&'static str> {
    match name {
        "hildesheim" => Some(HILDESHEIM),
        "helmstedt" => Some(HELMSTEDT),
        "bernkastel-wittlich" => Some(BERNKASTEL_WITTLICH),
        "ludwigslust-parchim" => Some(LUDWIGSLUST_PARCHIM),
        "nordsachsen" => Some(NORDSACHSEN),
        _ => None,
    }
}

/// The concept of the example with the given name (see [`NAMES`]).
///
/// # Errors
///
/// [`ExampleError::UnknownName`] when there is no example of that name;
/// [`ExampleError::Parse`] if the embedded JSON cannot be read (the test
/// suite makes sure it can).
pub fn load(name: &str) -> Result<Concept, ExampleError> {
    let text = json(name).ok_or_else(|| ExampleError::UnknownName {
        name: name.chars().take(80).collect(),
    })?;
    serde_json::from_str::<ConceptDocument>(text)
        .map(|doc| doc.concept)
        .map_err(|source| ExampleError::Parse {
            name: name.to_owned(),
            source,
        })
}

/// Every example with its name, in the order of [`NAMES`].
///
/// # Panics
///
/// Only if an embedded example cannot be read, which the test suite rules
/// out.
pub fn all() -> impl Iterator<Item = (&'static str, Concept)> {
    NAMES.iter().map(|&name| match load(name) {
        Ok(concept) => (name, concept),
        Err(e) => panic!("embedded example is broken: {e}"),
    })
}

/// Why an example could not be loaded.
#[derive(Debug)]
#[non_exhaustive]
pub enum ExampleError {
    /// There is no example of that name.
    UnknownName {
        /// The name asked for (shortened to 80 characters).
        name: String,
    },
    /// The embedded JSON is not a concept document.
    Parse {
        /// The example's name.
        name: String,
        /// What serde_json reported.
        source: serde_json::Error,
    },
}

impl fmt::Display for ExampleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExampleError::UnknownName { name } => write!(
                f,
                "unknown example {name:?}: known examples are {}",
                NAMES.join(", ")
            ),
            ExampleError::Parse { name, source } => {
                write!(f, "cannot read example {name:?}: {source}")
            }
        }
    }
}

impl std::error::Error for ExampleError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExampleError::UnknownName { .. } => None,
            ExampleError::Parse { source, .. } => Some(source),
        }
    }
}
