//! Akteure read back: name, kind, function, organisation, description,
//! count and web address; rows added below the table become new actors.

use kreisentwicklung_core::{Actor, ActorKind, CodeList, Id};

use super::edit::{self, At};
use super::items::{collection, titled_rows, Sheet, Written};
use super::table::{Row, Spec};
use super::Report;
use crate::ctx::Ctx;

/// One row per actor, in list order, matched by name.
pub(crate) struct Actors;

impl Sheet for Actors {
    collection!(Actor, actors, actors);
    const SPEC: Spec = Spec {
        read: &[
            ("kind", "Art", "Kind"),
            ("name", "Name", "Name"),
            ("function", "Funktion", "Function"),
            ("organization", "Organisation", "Organisation"),
            ("description", "Beschreibung", "Description"),
            ("count", "Anzahl", "Count"),
            ("url", "Internetadresse", "Web address"),
        ],
        path: "actors",
        key: "name",
        title: "name",
        numbered: false,
        what: ("Akteur", "actor"),
    };

    fn rows(ctx: &Ctx<'_>) -> Vec<Written> {
        titled_rows(ctx.c.actors.iter().map(|a| a.name.text.clone()))
    }
    fn blank(id: Id, _key: &str) -> Actor {
        Actor::new(id, ActorKind::ALL[0], "")
    }
    fn edit(
        report: &mut Report,
        at: &At<'_>,
        r: &Row,
        ctx: &Ctx<'_>,
        _part: Option<usize>,
        w: &Actor,
        items: &mut [Actor],
        i: usize,
    ) {
        let t = &mut items[i];
        edit::title(report, at, r, "name", "name", &w.name.text, &mut t.name);
        edit::required_code::<ActorKind>(report, at, r, "kind", "kind", w.kind, &mut t.kind);
        let function = w.function.as_ref().map(|f| f.text.as_str());
        edit::opt_text(
            report,
            at,
            r,
            "function",
            "function",
            function,
            &mut t.function,
        );
        let organization = w
            .organization
            .as_ref()
            .map(|o| ctx.actor_name(o))
            .unwrap_or_default();
        edit::one_ref(
            report,
            at,
            r,
            "organization",
            "organization",
            &organization,
            ("Akteur", "actor"),
            |s| edit::actor(ctx.c, s),
            &mut t.organization,
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
        edit::count(report, at, r, "count", "count", w.count, &mut t.count);
        edit::opt_string(report, at, r, "url", "url", w.url.as_deref(), &mut t.url);
    }
}
