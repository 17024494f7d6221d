//! Dokumente read back: title, kind, date, publisher, issue, pages,
//! authors, description, web address and media type; rows added below the
//! table become new documents.

use kreisentwicklung_core::{CodeList, Document, DocumentKind, Id};

use super::edit::{self, At};
use super::items::{collection, titled_rows, Sheet, Written};
use super::table::{Row, Spec};
use super::Report;
use crate::ctx::{join, Ctx};

/// One row per document, in list order, matched by title.
pub(crate) struct Documents;

impl Sheet for Documents {
    collection!(Document, documents, documents);
    const SPEC: Spec = Spec {
        read: &[
            ("kind", "Art", "Kind"),
            ("title", "Titel", "Title"),
            ("date", "Datum", "Date"),
            ("publisher", "Herausgeber", "Publisher"),
            ("issue", "Ausgabe", "Issue"),
            ("pages", "Seiten", "Pages"),
            ("authors", "Autoren", "Authors"),
            ("description", "Beschreibung", "Description"),
            ("url", "Internetadresse", "Web address"),
            ("mediaType", "Dateityp", "Media type"),
        ],
        path: "documents",
        key: "title",
        title: "title",
        numbered: false,
        what: ("Dokument", "document"),
    };

    fn rows(ctx: &Ctx<'_>) -> Vec<Written> {
        titled_rows(ctx.c.documents.iter().map(|d| d.title.text.clone()))
    }
    fn blank(id: Id, _key: &str) -> Document {
        Document::new(id, DocumentKind::ALL[0], "")
    }
    fn edit(
        report: &mut Report,
        at: &At<'_>,
        r: &Row,
        ctx: &Ctx<'_>,
        _part: Option<usize>,
        w: &Document,
        items: &mut [Document],
        i: usize,
    ) {
        let t = &mut items[i];
        edit::title(report, at, r, "title", "title", &w.title.text, &mut t.title);
        edit::required_code::<DocumentKind>(report, at, r, "kind", "kind", w.kind, &mut t.kind);
        edit::period(
            report,
            at,
            r,
            ctx,
            "date",
            "date",
            w.date.as_ref(),
            &mut t.date,
        );
        let publisher = w.publisher.as_ref().map(|p| p.text.as_str());
        edit::opt_text(
            report,
            at,
            r,
            "publisher",
            "publisher",
            publisher,
            &mut t.publisher,
        );
        edit::opt_string(
            report,
            at,
            r,
            "issue",
            "issue",
            w.issue.as_deref(),
            &mut t.issue,
        );
        edit::opt_string(
            report,
            at,
            r,
            "pages",
            "pages",
            w.pages.as_deref(),
            &mut t.pages,
        );
        let authors = join(w.authors.iter().map(|a| ctx.actor_name(a)));
        edit::refs(
            report,
            at,
            r,
            "authors",
            "authors",
            ';',
            &authors,
            ("Akteur", "actor"),
            |s| edit::actor(ctx.c, s),
            &mut t.authors,
        );
        let description = w.description.as_ref().map(|d| d.text.as_str());
        edit::opt_text(
            report,
            at,
            r,
            "description",
            "description",
            description,
            &mut t.description,
        );
        edit::opt_string(report, at, r, "url", "url", w.url.as_deref(), &mut t.url);
        let media = w.media_type.as_deref();
        edit::opt_string(
            report,
            at,
            r,
            "mediaType",
            "mediaType",
            media,
            &mut t.media_type,
        );
    }
}
