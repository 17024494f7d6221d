//! Actors: persons, administrative units, bodies, groups and organisations.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ActorKind, Id, MemberRole, Text};

/// Anyone who takes part in a concept: a person (Landrat), a unit
/// (Fachdienst), a council body (Kreistag), a steering group with its
/// members, a municipality, an association, a consultancy.
///
/// ```
/// use kreisentwicklung_core::{Actor, ActorKind, MemberRole};
///
/// let group = Actor::new("lg", ActorKind::SteeringGroup, "Lenkungsgruppe REK")
///     .with_member("koris", Some(MemberRole::Advisor));
/// assert_eq!(group.members.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Actor {
    /// Stable identifier.
    pub id: Id,
    /// What kind of actor.
    pub kind: ActorKind,
    /// Name ("Landkreis Hildesheim", "Rolf Christiansen", "Ausschuss für Wirtschaft und Strategie").
    pub name: Text,
    /// Function of a person ("Landrat", "Beigeordneter und 1. Stellvertreter des Landrates").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<Text>,
    /// The organisation the actor belongs to (a unit's administration, a
    /// person's authority).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<Id>,
    /// Members of a group or body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Membership>,
    /// Who a collective actor stands for, as written
    /// ("Vertreter der sechs Stadtwerke aus dem Landkreis").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// How many there are, for collective actors ("sechs Stadtwerke" is 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Web address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Actors this one commissioned (Auftraggeber → Auftragnehmer): the
    /// consulting firm that a county engaged for the process (since 1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commissioned: Vec<Commission>,
}

impl Actor {
    /// An actor of the given kind.
    pub fn new(id: impl Into<Id>, kind: ActorKind, name: impl Into<Text>) -> Self {
        Actor {
            id: id.into(),
            kind,
            name: name.into(),
            function: None,
            organization: None,
            members: Vec::new(),
            description: None,
            count: None,
            url: None,
            commissioned: Vec::new(),
        }
    }

    /// Records that this actor commissioned another.
    #[must_use]
    pub fn commissioning(mut self, contractor: impl Into<Id>, task: Option<Text>) -> Self {
        self.commissioned.push(Commission {
            contractor: contractor.into(),
            task,
        });
        self
    }

    /// Sets a person's function.
    #[must_use]
    pub fn with_function(mut self, function: impl Into<Text>) -> Self {
        self.function = Some(function.into());
        self
    }

    /// Sets the organisation the actor belongs to.
    #[must_use]
    pub fn with_organization(mut self, organization: impl Into<Id>) -> Self {
        self.organization = Some(organization.into());
        self
    }

    /// Adds a member.
    #[must_use]
    pub fn with_member(mut self, actor: impl Into<Id>, role: Option<MemberRole>) -> Self {
        self.members.push(Membership {
            actor: actor.into(),
            role,
            role_label: None,
        });
        self
    }
}

/// Membership of an actor in a group or body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Membership {
    /// The member.
    pub actor: Id,
    /// The member's role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<MemberRole>,
    /// The role as written, when the code list is too coarse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_label: Option<Text>,
}

/// A commission: the actor holding it engaged the contractor for a task
/// (Prozessbegleitung, Moderation, Gutachten).
///
/// Auftraggeber and Auftragnehmer: the Landkreis and the consulting firm
/// (Planungsbüro, "des beratenden Büros KoRiS") it engages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Commission {
    /// The contractor (Auftragnehmer).
    pub contractor: Id,
    /// The task, as written ("externe Prozessbegleitung").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<Text>,
}
