//! Dokumente read back: title, kind, date, publisher, issue, pages,
//! authors, description, web address and media type; rows added below the
//! table become new documents.

use kreisentwicklung_core::{CodeList, Document, DocumentKind, Id};

use super::edit;
use super::items::{collection, text, titled_rows, Edit, Sheet, Written};
use super::table::Spec;
use crate::ctx::{join, Ctx};

/// One row per document, in list order, matched by title.
pub(crate) struct Documents;

impl Sheet for Documents {
    collection!(Document, documents);
    const SPEC: Spec = Spec {
        read: &[
            "kind",
            "title",
            "date",
            "publisher",
            "issue",
            "pages",
            "authors",
            "description",
            "url",
            "mediaType",
        ],
        columns: crate::sheets::documents::COLUMNS,
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
    fn edit(e: Edit<'_, '_, Document>) {
        let (report, at, r, ctx, w, items, i) = (e.report, e.at, e.r, e.ctx, e.w, e.items, e.i);
        let t = &mut items[i];
        edit::title(report, at, r, "title", &w.title.text, &mut t.title);
        edit::required_code::<DocumentKind>(report, at, r, "kind", w.kind, &mut t.kind);
        edit::period(report, at, r, ctx, "date", w.date.as_ref(), &mut t.date);
        text!(report, at, r, w, t, publisher);
        edit::opt_string(report, at, r, "issue", w.issue.as_deref(), &mut t.issue);
        edit::opt_string(report, at, r, "pages", w.pages.as_deref(), &mut t.pages);
        let authors = join(w.authors.iter().map(|a| ctx.actor_name(a)));
        edit::refs(
            report,
            at,
            r,
            "authors",
            ';',
            &authors,
            ("Akteur", "actor"),
            |s| edit::actor(ctx.c, s),
            &mut t.authors,
        );
        text!(report, at, r, w, t, description);
        edit::opt_string(report, at, r, "url", w.url.as_deref(), &mut t.url);
        let media = w.media_type.as_deref();
        edit::opt_string(report, at, r, "mediaType", media, &mut t.media_type);
    }
}
