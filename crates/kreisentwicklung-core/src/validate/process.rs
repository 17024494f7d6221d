//! The checks of the process: actors, events, resolutions, documents.

use super::{is_language_tag, shorten, Path, Set, Validator};
use crate::{AdoptionSubject, Outcome};

impl<'i, 'a> Validator<'i, 'a> {
    pub(super) fn actors(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let acts = root.f("actors");
        for (i, a) in c.actors.iter().enumerate() {
            let p = acts.item(&a.id, i);
            self.text(&p.f("name"), &a.name, true);
            self.opt_text(&p.f("function"), &a.function);
            self.opt_reference(&p.f("organization"), "actor", Set::Actors, &a.organization);
            if a.organization.as_ref() == Some(&a.id) {
                self.invalid(&p.f("organization"), "an actor cannot belong to itself");
            }
            let mp = p.f("members");
            for (j, m) in a.members.iter().enumerate() {
                let x = mp.i(j);
                self.reference(&x.f("actor"), "actor", Set::Actors, &m.actor);
                if m.actor == a.id {
                    self.invalid(&x.f("actor"), "a group cannot be a member of itself");
                }
                self.opt_text(&x.f("roleLabel"), &m.role_label);
            }
            self.opt_text(&p.f("description"), &a.description);
            self.opt_str(&p.f("url"), &a.url);
        }
    }

    pub(super) fn events(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let evs = root.f("events");
        for (i, e) in c.events.iter().enumerate() {
            let p = evs.item(&e.id, i);
            self.opt_text(&p.f("kindLabel"), &e.kind_label);
            self.opt_text(&p.f("title"), &e.title);
            self.opt_period(&p.f("period"), &e.period);
            self.opt_text(&p.f("location"), &e.location);
            self.opt_text(&p.f("audienceDescription"), &e.audience_description);
            let pp = p.f("participants");
            for (j, x) in e.participants.iter().enumerate() {
                self.reference(&pp.i(j).f("actor"), "actor", Set::Actors, &x.actor);
            }
            if let Some(n) = &e.participant_count {
                self.opt_text(&p.f("participantCount").f("text"), &n.text);
            }
            self.references(&p.f("fields"), "field of action", Set::Fields, &e.fields);
            self.texts(&p.f("topics"), &e.topics);
            self.opt_text(&p.f("purpose"), &e.purpose);
            self.opt_text(&p.f("description"), &e.description);
            self.opt_text(&p.f("outcome"), &e.outcome);
            self.references(&p.f("documents"), "document", Set::Documents, &e.documents);
            self.references(&p.f("press"), "document", Set::Documents, &e.press);
            self.opt_reference(&p.f("parent"), "event", Set::Events, &e.parent);
        }
        let parents: Vec<Option<usize>> = c
            .events
            .iter()
            .map(|e| {
                e.parent
                    .as_ref()
                    .and_then(|p| self.events.index().position(p.as_str()))
            })
            .collect();
        self.cycles("events", &parents, |i| &c.events[i].id);
    }

    pub(super) fn resolutions(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let rs = root.f("resolutions");
        for (i, r) in c.resolutions.iter().enumerate() {
            let p = rs.item(&r.id, i);
            self.text(&p.f("title"), &r.title, true);
            if let Some(paper) = &r.paper {
                let pp = p.f("paper");
                self.required_str(&pp.f("reference"), &paper.reference);
                self.opt_str(&pp.f("prefix"), &paper.prefix);
                self.opt_text(&pp.f("title"), &paper.title);
            }
            let cp = p.f("consultations");
            for (j, k) in r.consultations.iter().enumerate() {
                let x = cp.i(j);
                self.reference(&x.f("body"), "actor", Set::Actors, &k.body);
                self.opt_str(&x.f("agendaItem"), &k.agenda_item);
                self.opt_text(&x.f("note"), &k.note);
                if let Some(v) = k.votes {
                    let vp = x.f("votes");
                    // Only counts the minutes record are compared: "mehrheitlich
                    // dafür, 7 dagegen" has no yes count to check.
                    match (k.outcome, v.yes, v.no) {
                        (Some(Outcome::AdoptedUnanimously), _, Some(no)) if no > 0 => {
                            self.invalid(&vp, format!("adopted unanimously, but {no} voted no"))
                        }
                        (Some(Outcome::AdoptedByMajority), Some(yes), Some(no)) if yes <= no => {
                            self.invalid(
                                &vp,
                                format!(
                                    "adopted by majority, but yes {yes} is not more than no {no}"
                                ),
                            )
                        }
                        (Some(Outcome::Rejected), Some(yes), Some(no)) if yes > no => self
                            .invalid(&vp, format!("rejected, but yes {yes} is more than no {no}")),
                        _ => {}
                    }
                }
            }
            self.opt_text(&p.f("text"), &r.text);
            let ap = p.f("adopts");
            for (j, a) in r.adopts.iter().enumerate() {
                let x = ap.i(j);
                let items = x.f("items");
                match a.subject {
                    AdoptionSubject::Goals => self.references(&items, "goal", Set::Goals, &a.items),
                    AdoptionSubject::FieldsOfAction => {
                        self.references(&items, "field of action", Set::Fields, &a.items)
                    }
                    AdoptionSubject::Catalogue | AdoptionSubject::Measures => {
                        self.references(&items, "measure", Set::Measures, &a.items)
                    }
                    AdoptionSubject::Document => {
                        self.references(&items, "document", Set::Documents, &a.items)
                    }
                    AdoptionSubject::Concept
                    | AdoptionSubject::Vision
                    | AdoptionSubject::Process => {
                        if !a.items.is_empty() {
                            self.invalid(&items, "items can only be given when adopting goals, fields of action, measures, the catalogue or a document");
                        }
                    }
                }
                self.opt_text(&x.f("note"), &a.note);
            }
            let mp = p.f("mandates");
            for (j, m) in r.mandates.iter().enumerate() {
                let x = mp.i(j);
                self.reference(&x.f("actor"), "actor", Set::Actors, &m.actor);
                self.text(&x.f("task"), &m.task, true);
                self.opt_period(&x.f("due"), &m.due);
            }
            self.references(&p.f("documents"), "document", Set::Documents, &r.documents);
        }
    }

    pub(super) fn documents(&mut self) {
        let c = self.c;
        let root = Path::ROOT;
        let ds = root.f("documents");
        for (i, d) in c.documents.iter().enumerate() {
            let p = ds.item(&d.id, i);
            self.text(&p.f("title"), &d.title, true);
            self.opt_period(&p.f("date"), &d.date);
            self.opt_str(&p.f("url"), &d.url);
            if let Some(u) = &d.url {
                if let Err(why) = crate::url::check_url(u) {
                    self.invalid(
                        &p.f("url"),
                        format!("{:?} is not a web address: {why}", shorten(u)),
                    );
                }
            }
            self.opt_str(&p.f("mediaType"), &d.media_type);
            if let Some(m) = &d.media_type {
                if !m.contains('/') || m.chars().any(char::is_whitespace) {
                    self.invalid(
                        &p.f("mediaType"),
                        format!(
                            "{:?} is not a media type such as \"application/pdf\"",
                            shorten(m)
                        ),
                    );
                }
            }
            if let Some(l) = &d.language {
                if !is_language_tag(l) {
                    self.invalid(
                        &p.f("language"),
                        format!("{:?} is not a language tag such as \"de\"", shorten(l)),
                    );
                }
            }
            self.opt_text(&p.f("publisher"), &d.publisher);
            self.opt_str(&p.f("issue"), &d.issue);
            self.opt_str(&p.f("pages"), &d.pages);
            self.references(&p.f("authors"), "actor", Set::Actors, &d.authors);
            self.opt_text(&p.f("description"), &d.description);
        }
    }
}
