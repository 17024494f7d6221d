//! OParl 1.1 exchange for county development concepts
//! (Kreisentwicklungskonzept): the council side of a concept — its
//! resolutions (Beschlüsse), the bodies they pass, the documents — as the
//! objects of an [OParl](https://oparl.org) 1.1 endpoint, and OParl papers
//! read back into [`Resolution`](kreisentwicklung_core::Resolution)s.
//!
//! # Export
//!
//! Object ids are URLs under a base URL the caller gives, as the format
//! option `base-url` (`--option base-url=https://…` on the command line);
//! it is required and must be an absolute `http://` or `https://` URL
//! without query. Two outputs:
//!
//! * [`write_tree`]: a directory any static web server can serve as an
//!   OParl endpoint: `system.json`, `bodies.json`, the body, one file per
//!   object and the body's lists as pages linked by `next` (option
//!   `page-size`, default 100).
//! * [`OparlExporter`] (format id `oparl` in the registry): one JSON
//!   document for embedding, `{"system": …, "body": [ … ], "paper": [ … ],
//!   "meeting": [ … ], …}`, one list per `Body` list property.
//!
//! ```
//! use kreisentwicklung_core::export::{ExportOptions, Exporter};
//! use kreisentwicklung_core::generate::{generate, GeneratorOptions};
//!
//! let concept = generate(&GeneratorOptions::new(10));
//! let options = ExportOptions::default().option("base-url", "https://ratsinfo.example.de/oparl");
//! let mut out = Vec::new();
//! kreisentwicklung_oparl::OparlExporter.export(&concept, &mut out, &options)?;
//! let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(doc["paper"][0]["id"], "https://ratsinfo.example.de/oparl/paper/beschluss-kek.json");
//!
//! // And back: the same steps (what a resolution adopts has no place in OParl).
//! let back = kreisentwicklung_oparl::from_str(std::str::from_utf8(&out).unwrap()).unwrap();
//! assert_eq!(back.resolutions[0].consultations, concept.resolutions[0].consultations);
//! # Ok::<(), kreisentwicklung_core::export::ExportError>(())
//! ```
//!
//! ## URLs and files
//!
//! | object | URL under the base URL |
//! | --- | --- |
//! | `System` | `system.json` |
//! | list of bodies | `bodies.json` |
//! | `Body` (the county) | `body/CONCEPT.json` |
//! | a list of the body, page 1, 2, … | `body/CONCEPT/paper.json`, `body/CONCEPT/paper-2.json`, … (also `organization`, `person`, `meeting`, `agendaitem`, `consultation`, `file`, `location`, `membership`) |
//! | `Organization`, `Person` | `organization/ACTOR.json`, `person/ACTOR.json` |
//! | `Membership` | `membership/GROUP/PERSON.json` |
//! | `Paper` | `paper/RESOLUTION.json` |
//! | `Consultation`, `AgendaItem` | `consultation/RESOLUTION/STEP.json`, `agendaitem/RESOLUTION/STEP.json` (steps counted from 1) |
//! | `Meeting` | `meeting/BODY/YYYY-MM-DD.json`; `…-geplant.json` when only the planned day is known; `meeting/BODY/RESOLUTION~STEP.json` when no day is known |
//! | `File` | `file/DOCUMENT.json` |
//! | `Location` | `location/EVENT.json` |
//!
//! The file of each object is its URL path under the base URL, so a static
//! server maps URL to file one to one; the `.json` ending makes servers send
//! `application/json` without configuration. Identifiers keep their letters,
//! digits and `. _ -`; any other byte (`:`) is written `~XX` in hex
//! (`urn:x` → `urn~3Ax`), which needs no escaping in URLs or file names.
//!
//! ## What goes where
//!
//! | model | OParl |
//! | --- | --- |
//! | the territory | `Body`: `name` "Landkreis Hildesheim", `shortName`, `classification`; the five-digit key as `ags` (key + `000`) and `rgs` (key + `0000000`) |
//! | council bodies, committees, groups (every group actor, and every actor a step goes through) | `Organization`: `name`, `classification` (actor kind), `organizationType` (Gremium, Fraktion, Verwaltungsbereich, sonstiges), `website` |
//! | persons | `Person`: `name`, the function in `status`, memberships in groups as `Membership` (`role`) |
//! | a resolution | `Paper`: `name` (title), `reference` (paper number), `paperType` (resolution kind, German label), `mainFile` (first document), `auxiliaryFile` (the others), `date` (see below) |
//! | each step | `Consultation`: `organization`, `role` (German label: Vorberatung, Empfehlung, Entscheidung, Kenntnisnahme), `authoritative` (true for the deciding step) |
//! | the session of a step (when it has a date, a planned date, an agenda item, an outcome, a vote or a note) | a `Meeting` of the body on that day (steps of one body on one day share it) with an `AgendaItem`: `number` ("TOP 10"), `order`, `name` (the title), `result` (outcome label and vote), `resolutionText` (see below) |
//! | documents | `File`: `name`, `mimeType`, `date` (a single day only), `accessUrl` (the document's web address) |
//! | the place of a meeting | `Location` with its `description`, when an event of the concept on that day, with the body among its participants, names a place |
//!
//! **Votes.** OParl has no field for vote counts. They are written into the
//! agenda item's `result` text, "mehrheitlich beschlossen (Ja: 38, Nein: 5,
//! Enthaltungen: 3, befangen: 0)", and exactly as a keyword (below).
//!
//! **Text.** The resolution's text goes into `resolutionText` of the agenda
//! item of its first deciding step; the note of a step ("Der Kreistag
//! beschließt …") goes there for every other step, and into a keyword for
//! that one.
//!
//! **Dates.** A step's day is exact in the model. OParl writes a meeting's
//! time as `start`, a date *and time*; the model knows no time of day, so
//! `start` is left out rather than invented: the day is in the meeting's
//! `name` ("Kreistag, Sitzung am 12.09.2018") and `meetingState`
//! (`durchgeführt`, or `terminiert` for a planned day) and in a keyword of
//! the agenda item. A `Paper`'s `date` (a date without time) is the earliest
//! day a step took or was planned to take place. A document's date goes
//! into `File.date` only when it is a single day; a month, a year or any
//! other period is written in words as a keyword ("Datum: November 2017")
//! and never turned into a day.
//!
//! **Keywords.** So that a round trip is exact, values OParl has no field
//! for are added to the objects' `keyword` lists as
//! `kreisentwicklung:NAME=VALUE`: on a paper `kind` (the code), `prefix`,
//! `paper-title`; on an agenda item `outcome` (the code), `votes`
//! (`yes/no/abstain/biased`), `date`, `planned`, `note`, and
//! `resolution-text=` when `resolutionText` holds the resolution's text.
//! OParl clients show them as plain keywords.
//!
//! ## What OParl cannot carry
//!
//! | model | why |
//! | --- | --- |
//! | what a resolution adopts (`adopts`) and its mandates (`mandates`) | OParl has no such fields; not written |
//! | the resolution's own number (`number`), its budget links (`budget`) and a step's session number (`session`) | OParl has no such fields; not written, and kept from the concept by [`update`] |
//! | a step dated only by a month, a year or several sessions (`period`, `plannedPeriod`) | never invented as a day: written as its German text in a keyword and read back from it |
//! | translations of any text | OParl text is a plain string; the main text is written |
//! | the resolution's text when no deciding step has a session | it lives on an agenda item; without one there is nowhere to put it |
//! | a document's description, publisher, issue, pages, authors, language | `File` has no such fields |
//! | a document without web address | `accessUrl` is required: it points to the `File` object itself |
//! | members of a group that are not persons; actors that are neither groups nor persons | OParl memberships are of persons |
//! | the time of day of a meeting | the model has none (see Dates) |
//!
//! # Import
//!
//! [`from_str`] and [`from_values`] read papers with their consultations,
//! meetings and agenda items — single objects, list pages, arrays or the
//! embedding document, from one or several files — into resolutions, one
//! per `Paper`. The resolution's id is the last segment of the paper's URL
//! (`…/paper/749` → `749`), a body's id that of the organization's URL.
//! Keywords of this crate are read first; objects of other systems map by
//! their German labels (`role` "Beschlussfassung" → decides, `result`
//! "Unverändert beschlossen" → adopted unchanged); what maps only roughly is
//! reported in [`Imported::warnings`], what cannot map at all (a paper
//! without name, a consultation without organization, a URL that ends in no
//! identifier, a malformed date) is an [`ImportError`] naming the object.
//!
//! A round trip gives back the same resolutions, except for what OParl
//! cannot carry (the table above).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::io::Write;

use kreisentwicklung_core::export::{
    check_known_options, ExportError, ExportOptions, Format, FormatInfo, OptionSpec, Requirement,
};
use kreisentwicklung_core::Concept;

mod export;
mod import;
mod tree;
mod url;

pub use export::{endpoint, Endpoint};
pub use import::{from_str, from_values, update, ImportError, Imported};
pub use tree::{write_tree, TreeSummary, DEFAULT_PAGE_SIZE};
pub use url::BaseUrl;

/// The format id in the export registry.
pub const FORMAT: &str = "oparl";

/// The OParl version written (`System.oparlVersion`).
pub const OPARL_VERSION: &str = "https://schema.oparl.org/1.1/";

/// The start of every OParl 1.1 type URL.
pub const TYPE_PREFIX: &str = "https://schema.oparl.org/1.1/";

/// The start of the keywords that carry what OParl has no field for.
pub const KEYWORD_PREFIX: &str = "kreisentwicklung:";

/// `kreisentwicklung:NAME=VALUE`.
pub(crate) fn keyword(name: &str, value: &str) -> String {
    format!("{KEYWORD_PREFIX}{name}={value}")
}

const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        name: "base-url",
        is_flag: false,
        help: "required: the absolute http(s) URL the objects are served under",
    },
    OptionSpec {
        name: "page-size",
        is_flag: false,
        help: "objects per list page of the directory tree (default 100)",
    },
];

/// The OParl exporter: the whole endpoint as one JSON document (see the
/// crate docs); [`write_tree`] writes it as a directory instead.
#[derive(Clone, Copy, Debug, Default)]
pub struct OparlExporter;

impl Format for OparlExporter {
    const INFO: FormatInfo = FormatInfo {
        id: FORMAT,
        extension: "json",
        media_type: "application/json",
        description: "OParl 1.1: resolutions, bodies, meetings and files for council \
                      information systems",
        binary: false,
        // The objects link to each other by id: a dangling reference would
        // be a dangling link, so the concept must be valid.
        requires: Requirement::Valid,
        options: OPTIONS,
    };
    /// Nothing beyond the options: they are checked here and read again
    /// by [`endpoint`].
    type Writer = ();

    fn writer(&self, options: &ExportOptions) -> Result<(), ExportError> {
        check_known_options(FORMAT, OPTIONS, options)?;
        export::base_url(options)?;
        tree::page_size(options)?;
        Ok(())
    }

    fn write_with(
        &self,
        (): (),
        concept: &Concept,
        out: &mut (dyn Write + Send),
        options: &ExportOptions,
    ) -> Result<(), ExportError> {
        let doc = endpoint(concept, options)?.to_document();
        if options.pretty {
            serde_json::to_writer_pretty(&mut *out, &doc)
        } else {
            serde_json::to_writer(&mut *out, &doc)
        }
        .map_err(|e| ExportError::format(FORMAT, e))?;
        out.write_all(b"\n")?;
        Ok(())
    }
}
