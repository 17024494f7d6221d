//! Akteure read back: name, kind, function, organisation, members (one a
//! line, [`composite`]), description, count and web address; rows added
//! below the table become new actors.

use kreisentwicklung_core::{Actor, ActorKind, CodeList, Id};

use super::composite;
use super::edit;
use super::items::{collection, text, titled_rows, Edit, Sheet, Written};
use super::table::Spec;
use crate::ctx::Ctx;

/// One row per actor, in list order, matched by name.
pub(crate) struct Actors;

impl Sheet for Actors {
    collection!(Actor, actors);
    const SPEC: Spec = Spec {
        read: &[
            "kind",
            "name",
            "function",
            "organization",
            "members",
            "description",
            "count",
            "url",
        ],
        columns: crate::sheets::actors::COLUMNS,
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
    fn edit(mut e: Edit<'_, '_, Actor>) {
        let (report, at, r, ctx, w) = (&mut *e.report, e.at, e.r, e.ctx, e.w);
        let t = &mut e.items[e.i];
        edit::title(report, at, r, "name", &w.name.text, &mut t.name);
        edit::required_code::<ActorKind>(report, at, r, "kind", w.kind, &mut t.kind);
        text!(report, at, r, w, t, function);
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
            &organization,
            ("Akteur", "actor"),
            |s| edit::actor(ctx.c, s),
            &mut t.organization,
        );
        text!(report, at, r, w, t, description);
        edit::count(report, at, r, "count", w.count, &mut t.count);
        edit::opt_string(report, at, r, "url", w.url.as_deref(), &mut t.url);
        composite::members(&mut e);
    }
}
