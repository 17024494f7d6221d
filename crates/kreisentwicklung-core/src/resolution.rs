//! Council resolutions (Beschlüsse) and the papers they pass on.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{AdoptionSubject, ConsultationRole, Date, Id, Outcome, Period, ResolutionKind, Text};

/// A resolution: a paper (Drucksache) that passes one or more bodies, each
/// step with its role, dates, agenda item and outcome, and what it adopts.
///
/// In the words of the councils: a Beschluss or Empfehlungsbeschluss on a
/// Drucksache ("Drs. Nr. 69/2017"), taken under a Tagesordnungspunkt
/// ("TOP 10"); the resolution's own number (Beschluss-Nr., "178-1/2021") is
/// apart from the paper's. A paper often passes several bodies: the
/// Fachausschuss recommends, the Kreisausschuss prepares, the Kreistag
/// decides ("Der Kreistag beschließt das Leitbild, die Ober- und die
/// Unterziele", Helmstedt, 12.09.2018).
///
/// ```
/// use kreisentwicklung_core::*;
///
/// let r = Resolution::new("leitbild", ResolutionKind::Resolution, "Leitbild, Ober- und Unterziele")
///     .with_paper("69/2017")
///     .with_consultation(
///         Consultation::new("kreistag", ConsultationRole::Decide)
///             .on(Date::from_ymd(2018, 9, 12)?)
///             .with_outcome(Outcome::Adopted),
///     )
///     .adopting(AdoptionSubject::Vision);
/// assert_eq!(r.decided_on(), Some(Date::from_ymd(2018, 9, 12)?));
/// # Ok::<(), DateError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    /// Stable identifier.
    pub id: Id,
    /// What the resolution is about.
    pub title: Text,
    /// Its kind.
    pub kind: ResolutionKind,
    /// The resolution's own number (Beschluss-Nr.), in the council's own
    /// format ("KT/0123/2018", "178-1/2021"); apart from the paper's
    /// reference (since 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The council paper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<Paper>,
    /// The steps through the bodies, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consultations: Vec<Consultation>,
    /// The text of the resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// What it adopts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adopts: Vec<Adoption>,
    /// Tasks it gives ("Der Landrat wird beauftragt, …").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mandates: Vec<Mandate>,
    /// Documents belonging to it (the paper, annexes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Id>,
    /// The budget it concerns: budget year and budget line (since 1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget: Vec<BudgetLink>,
}

impl Resolution {
    /// A resolution without steps.
    pub fn new(id: impl Into<Id>, kind: ResolutionKind, title: impl Into<Text>) -> Self {
        Resolution {
            id: id.into(),
            title: title.into(),
            kind,
            number: None,
            paper: None,
            consultations: Vec::new(),
            text: None,
            adopts: Vec::new(),
            mandates: Vec::new(),
            documents: Vec::new(),
            budget: Vec::new(),
        }
    }

    /// Sets the resolution's own number (Beschluss-Nr.).
    #[must_use]
    pub fn with_number(mut self, number: impl Into<String>) -> Self {
        self.number = Some(number.into());
        self
    }

    /// Adds a link to the budget.
    #[must_use]
    pub fn with_budget(mut self, link: BudgetLink) -> Self {
        self.budget.push(link);
        self
    }

    /// Sets the paper by its reference ("69/2017", "2022/346", "SV-8-0802").
    #[must_use]
    pub fn with_paper(mut self, reference: impl Into<String>) -> Self {
        self.paper = Some(Paper {
            reference: reference.into(),
            prefix: None,
            title: None,
        });
        self
    }

    /// Adds a step.
    #[must_use]
    pub fn with_consultation(mut self, consultation: Consultation) -> Self {
        self.consultations.push(consultation);
        self
    }

    /// Adds something the resolution adopts.
    #[must_use]
    pub fn adopting(mut self, subject: AdoptionSubject) -> Self {
        self.adopts.push(Adoption {
            subject,
            items: Vec::new(),
            note: None,
        });
        self
    }

    /// The date of the deciding step, if it took place.
    pub fn decided_on(&self) -> Option<Date> {
        self.consultations
            .iter()
            .filter(|c| c.role == ConsultationRole::Decide)
            .find_map(|c| c.date)
    }

    /// When the deciding step took place, as exactly as it is known: a day,
    /// or a month or year ("im Jahr 2017 vorgelegt").
    pub fn decided_in(&self) -> Option<Period> {
        self.consultations
            .iter()
            .filter(|c| c.role == ConsultationRole::Decide)
            .find_map(Consultation::when)
    }

    /// The outcome of the last step that has one.
    pub fn final_outcome(&self) -> Option<Outcome> {
        self.consultations.iter().rev().find_map(|c| c.outcome)
    }
}

/// A council paper (Drucksache, Beschlussvorlage).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Paper {
    /// The number in the county's own format ("69/2017", "30-2/14", "SV-8-0802").
    pub reference: String,
    /// How the county writes the prefix ("Drs. Nr.", "Vorlage").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// The paper's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
}

impl Paper {
    /// The reference as written, with its prefix ("Drs. Nr. 69/2017").
    pub fn display(&self) -> String {
        match &self.prefix {
            Some(p) => format!("{p} {}", self.reference),
            None => self.reference.clone(),
        }
    }
}

/// One step of a paper through a body (Beratung): the Kreistag, the
/// Kreisausschuss or a Fachausschuss, on a day or, as the record often has
/// it, in a month or year ("dem Kreistag im Jahr 2017 … vorgelegt").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Consultation {
    /// The body (an actor: Kreistag, Kreisausschuss, committee).
    pub body: Id,
    /// Its role.
    pub role: ConsultationRole,
    /// The date it was planned for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_date: Option<Date>,
    /// When it was planned for, when no single day is known ("Mai 2024"),
    /// since 1.1; not together with `plannedDate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_period: Option<Period>,
    /// The date it took place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// When it took place, when no single day is known: a month ("Mai
    /// 2024"), a year ("im Jahr 2017 vorgelegt"), several sessions
    /// ("19.–27.11.2018"); since 1.1, not together with `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The body's session, as the council numbers it ("12. Sitzung",
    /// "KT/009/2018"); its date is [`date`](Self::date) (since 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// Agenda item ("TOP 10", "Ö 7.1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<String>,
    /// The outcome; none when not yet known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// The vote, when counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<Votes>,
    /// What the body did, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Consultation {
    /// A step through a body.
    pub fn new(body: impl Into<Id>, role: ConsultationRole) -> Self {
        Consultation {
            body: body.into(),
            role,
            planned_date: None,
            planned_period: None,
            date: None,
            period: None,
            session: None,
            agenda_item: None,
            outcome: None,
            votes: None,
            note: None,
        }
    }

    /// Sets the date it took place.
    #[must_use]
    pub fn on(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }

    /// Sets when it took place when no single day is known ("Mai 2024").
    #[must_use]
    pub fn during(mut self, period: Period) -> Self {
        self.period = Some(period);
        self
    }

    /// When it took place: its day, or the period when no day is known.
    pub fn when(&self) -> Option<Period> {
        self.date.map(Period::day).or_else(|| self.period.clone())
    }

    /// Sets the outcome.
    #[must_use]
    pub fn with_outcome(mut self, outcome: Outcome) -> Self {
        self.outcome = Some(outcome);
        self
    }

    /// Sets the vote counts.
    #[must_use]
    pub fn with_votes(mut self, votes: Votes) -> Self {
        self.votes = Some(votes);
        self
    }
}

/// Vote counts (Ja, Nein, Enthaltungen, Befangen), as far as the minutes
/// record them: "mehrheitlich dafür, 7 dagegen, 1 Enthaltung" has no yes
/// count, so every count may be unknown (since 1.1; in 1.0 yes and no were
/// required and a missing abstain or biased count meant 0).
///
/// ```
/// use kreisentwicklung_core::Votes;
///
/// let v = Votes::default().with_no(7).with_abstain(1);
/// assert_eq!(v.yes, None);
/// assert_eq!(v.to_string(), "Nein 7, Enthaltungen 1");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Votes {
    /// Yes, when counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yes: Option<u32>,
    /// No, when counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no: Option<u32>,
    /// Abstentions, when counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abstain: Option<u32>,
    /// Members excluded for bias (befangen), when counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biased: Option<u32>,
}

impl Votes {
    /// Yes, no, abstentions and biased, all counted.
    pub fn counted(yes: u32, no: u32, abstain: u32, biased: u32) -> Self {
        Votes {
            yes: Some(yes),
            no: Some(no),
            abstain: Some(abstain),
            biased: Some(biased),
        }
    }

    /// Sets the yes count.
    #[must_use]
    pub fn with_yes(mut self, n: u32) -> Self {
        self.yes = Some(n);
        self
    }

    /// Sets the no count.
    #[must_use]
    pub fn with_no(mut self, n: u32) -> Self {
        self.no = Some(n);
        self
    }

    /// Sets the abstentions.
    #[must_use]
    pub fn with_abstain(mut self, n: u32) -> Self {
        self.abstain = Some(n);
        self
    }

    /// Sets the members excluded for bias.
    #[must_use]
    pub fn with_biased(mut self, n: u32) -> Self {
        self.biased = Some(n);
        self
    }

    /// True when no count is known.
    pub fn is_empty(&self) -> bool {
        self.yes.is_none() && self.no.is_none() && self.abstain.is_none() && self.biased.is_none()
    }

    /// The known counts with their German labels, in the order minutes
    /// write them.
    pub fn parts(&self) -> impl Iterator<Item = (&'static str, u32)> {
        [
            ("Ja", self.yes),
            ("Nein", self.no),
            ("Enthaltungen", self.abstain),
            ("Befangen", self.biased),
        ]
        .into_iter()
        .filter_map(|(label, n)| n.map(|n| (label, n)))
    }
}

impl std::fmt::Display for Votes {
    /// "Ja 10, Nein 2, Enthaltungen 5, Befangen 0", leaving out what is
    /// not known.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (label, n)) in self.parts().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{label} {n}")?;
        }
        Ok(())
    }
}

/// A resolution's link to the county budget (Haushalt): the budget year
/// and the budget line it concerns.
///
/// The Haushalt is where a concept's measures should end up ("… die in die
/// künftige Haushaltsplanung einfließen sollen", Helmstedt).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct BudgetLink {
    /// The budget year (Haushaltsjahr).
    pub year: i32,
    /// Budget account or product (Produkt, Kostenstelle), as the budget
    /// plan writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Remark ("Die beschlossenen Ober- und Unterziele sollen bereits bei
    /// der Aufstellung des Haushaltes 2019 Berücksichtigung finden.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl BudgetLink {
    /// A link to a budget year.
    pub fn year(year: i32) -> Self {
        BudgetLink {
            year,
            account: None,
            note: None,
        }
    }
}

/// Something a resolution adopts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Adoption {
    /// What kind of thing.
    pub subject: AdoptionSubject,
    /// The items adopted, when not all of that kind: goal ids for goals,
    /// field ids for fields, measure ids for measures, a document id for a
    /// document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Id>,
    /// Remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A task a resolution gives to an actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Mandate {
    /// Who is given the task (the Landrat).
    pub actor: Id,
    /// The task.
    pub task: Text,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Period>,
}
