//! Code lists: closed sets of values with German and English labels.
//!
//! Every coded value in a concept comes from one of these lists. Each list has
//! an identifier and a version, as XÖV coded values do, so that exchanged
//! documents say which list a code belongs to. Codes are stable camelCase
//! strings; labels are for people.
//!
//! ```
//! use kreisentwicklung_core::{CodeList, Language, MeasureStatus};
//!
//! let s = MeasureStatus::InProgress;
//! assert_eq!(s.code(), "inProgress");
//! assert_eq!(s.label(Language::De), "in Bearbeitung");
//! assert_eq!(s.label(Language::En), "in progress");
//! assert_eq!(MeasureStatus::from_code("completed"), Some(MeasureStatus::Completed));
//! assert_eq!(MeasureStatus::LIST_ID, "urn:kreisentwicklung:codelist:measure-status");
//! ```

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language labels can be shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// German (the default).
    #[default]
    De,
    /// English.
    En,
}

impl Language {
    /// The BCP 47 tag: `de` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::De => "de",
            Language::En => "en",
        }
    }

    /// The language for a BCP 47 tag (`de`, `de-DE`, `en`, `en-GB`).
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Language::De),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

impl std::str::FromStr for Language {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::from_tag(s).ok_or_else(|| format!("unknown language {s:?}: expected de or en"))
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A closed code list with German and English labels.
pub trait CodeList: Copy + Eq + 'static {
    /// The list's identifier (a URN).
    const LIST_ID: &'static str;
    /// The list's version; it changes when codes are added or removed.
    const LIST_VERSION: &'static str;
    /// Every code of the list, in display order.
    const ALL: &'static [Self];
    /// The stable code as serialized (`"inProgress"`).
    fn code(self) -> &'static str;
    /// The label in the given language (`"in Bearbeitung"`).
    fn label(self, lang: Language) -> &'static str;
    /// The value for a code, if the list has it.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// Description of one code list, for generating schemas and documentation.
#[derive(Clone, Copy, Debug)]
pub struct CodeListInfo {
    /// The Rust type name (`"MeasureStatus"`).
    pub name: &'static str,
    /// The list identifier.
    pub list_id: &'static str,
    /// The list version.
    pub version: &'static str,
    /// `(code, German label, English label)` for every code.
    pub codes: fn() -> Vec<(&'static str, &'static str, &'static str)>,
}

macro_rules! code_list {
    (
        $(#[$meta:meta])*
        $name:ident, $list:literal, $version:literal {
            $( $variant:ident = $code:literal, $de:literal, $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum $name {
            $(
                #[doc = concat!("„", $de, "“ (", $en, ")")]
                #[serde(rename = $code)]
                $variant,
            )+
        }

        impl CodeList for $name {
            const LIST_ID: &'static str = concat!("urn:kreisentwicklung:codelist:", $list);
            const LIST_VERSION: &'static str = $version;
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }
            fn label(self, lang: Language) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, Language::De) => $de,
                      ($name::$variant, Language::En) => $en,)+
                }
            }
        }

        impl $name {
            /// Description of this code list.
            pub const INFO: CodeListInfo = CodeListInfo {
                name: stringify!($name),
                list_id: concat!("urn:kreisentwicklung:codelist:", $list),
                version: $version,
                codes: || vec![$(($code, $de, $en)),+],
            };
        }

        impl fmt::Display for $name {
            /// Writes the German label.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label(Language::De))
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                <$name as CodeList>::from_code(s).ok_or_else(|| UnknownCode {
                    list: stringify!($name),
                    code: s.chars().take(80).collect(),
                })
            }
        }
    };
}

/// A code that is not in its list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown code {code:?} in code list {list}")]
pub struct UnknownCode {
    /// The list's Rust type name.
    pub list: &'static str,
    /// The code given.
    pub code: String,
}

code_list! {
    /// The kind of concept.
    ConceptKind, "concept-kind", "1" {
        Kek = "kek", "Kreisentwicklungskonzept (KEK)", "county development concept (KEK)";
        Rek = "rek", "Regionales Entwicklungskonzept (REK)", "regional development concept (REK)";
        Irek = "irek", "Integriertes Regionales Entwicklungskonzept (IREK)", "integrated regional development concept (IREK)";
        Ilek = "ilek", "Integriertes ländliches Entwicklungskonzept (ILEK)", "integrated rural development concept (ILEK)";
        Kep = "kep", "Kreisentwicklungsprogramm (KEP)", "county development programme (KEP)";
        Other = "other", "sonstiges Konzept", "other concept";
    }
}

code_list! {
    /// Where a concept stands in its life cycle.
    ConceptStatus, "concept-status", "1" {
        InPreparation = "inPreparation", "in Erarbeitung", "in preparation";
        Draft = "draft", "Entwurf", "draft";
        Adopted = "adopted", "beschlossen", "adopted";
        InImplementation = "inImplementation", "in Umsetzung", "in implementation";
        UnderReview = "underReview", "in Fortschreibung", "under review";
        Superseded = "superseded", "abgelöst", "superseded";
    }
}

code_list! {
    /// The kind of territory a concept covers.
    TerritoryKind, "territory-kind", "1" {
        Landkreis = "landkreis", "Landkreis", "rural district (Landkreis)";
        Kreis = "kreis", "Kreis", "district (Kreis)";
        KreisfreieStadt = "kreisfreieStadt", "kreisfreie Stadt", "district-free city";
        Region = "region", "Region", "region";
        Regionalverband = "regionalverband", "Regionalverband", "regional association";
        Other = "other", "sonstiges Gebiet", "other territory";
    }
}

code_list! {
    /// The German federal states (Länder), coded by their official abbreviation.
    State, "state", "1" {
        BadenWuerttemberg = "BW", "Baden-Württemberg", "Baden-Württemberg";
        Bayern = "BY", "Bayern", "Bavaria";
        Berlin = "BE", "Berlin", "Berlin";
        Brandenburg = "BB", "Brandenburg", "Brandenburg";
        Bremen = "HB", "Bremen", "Bremen";
        Hamburg = "HH", "Hamburg", "Hamburg";
        Hessen = "HE", "Hessen", "Hesse";
        MecklenburgVorpommern = "MV", "Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania";
        Niedersachsen = "NI", "Niedersachsen", "Lower Saxony";
        NordrheinWestfalen = "NW", "Nordrhein-Westfalen", "North Rhine-Westphalia";
        RheinlandPfalz = "RP", "Rheinland-Pfalz", "Rhineland-Palatinate";
        Saarland = "SL", "Saarland", "Saarland";
        Sachsen = "SN", "Sachsen", "Saxony";
        SachsenAnhalt = "ST", "Sachsen-Anhalt", "Saxony-Anhalt";
        SchleswigHolstein = "SH", "Schleswig-Holstein", "Schleswig-Holstein";
        Thueringen = "TH", "Thüringen", "Thuringia";
    }
}

impl State {
    /// The two-digit prefix of the official municipality key (AGS) in this state.
    pub fn key_prefix(self) -> &'static str {
        match self {
            State::SchleswigHolstein => "01",
            State::Hamburg => "02",
            State::Niedersachsen => "03",
            State::Bremen => "04",
            State::NordrheinWestfalen => "05",
            State::Hessen => "06",
            State::RheinlandPfalz => "07",
            State::BadenWuerttemberg => "08",
            State::Bayern => "09",
            State::Saarland => "10",
            State::Berlin => "11",
            State::Brandenburg => "12",
            State::MecklenburgVorpommern => "13",
            State::Sachsen => "14",
            State::SachsenAnhalt => "15",
            State::Thueringen => "16",
        }
    }
}

code_list! {
    /// The kind of an actor.
    ActorKind, "actor-kind", "1" {
        Person = "person", "Person", "person";
        Administration = "administration", "Verwaltung", "administration";
        AdministrativeUnit = "administrativeUnit", "Verwaltungseinheit", "administrative unit";
        Municipality = "municipality", "Kommune", "municipality";
        Authority = "authority", "Behörde / Ministerium", "authority / ministry";
        Association = "association", "Verein / Verband", "association";
        Institution = "institution", "Institution", "institution";
        Business = "business", "Unternehmen", "business";
        Consultancy = "consultancy", "Planungs- / Beratungsbüro", "consultancy";
        Council = "council", "Kreistag", "county council";
        MainCommittee = "mainCommittee", "Kreisausschuss", "main committee";
        Committee = "committee", "Fachausschuss", "committee";
        PoliticalGroup = "politicalGroup", "Fraktion / Gruppe", "political group";
        SteeringGroup = "steeringGroup", "Lenkungs- / Steuerungsgruppe", "steering group";
        WorkingGroup = "workingGroup", "Arbeitsgruppe", "working group";
        CoordinationGroup = "coordinationGroup", "Koordinierungsgruppe", "coordination group";
        IntermunicipalBody = "intermunicipalBody", "interkommunales Gremium", "intermunicipal body";
        Public = "public", "Öffentlichkeit", "the public";
        Other = "other", "sonstiger Akteur", "other actor";
    }
}

impl ActorKind {
    /// True for groups and bodies, which may have members.
    pub fn is_group(self) -> bool {
        matches!(
            self,
            ActorKind::Council
                | ActorKind::MainCommittee
                | ActorKind::Committee
                | ActorKind::PoliticalGroup
                | ActorKind::SteeringGroup
                | ActorKind::WorkingGroup
                | ActorKind::CoordinationGroup
                | ActorKind::IntermunicipalBody
                | ActorKind::Administration
        )
    }

    /// True for council bodies that pass resolutions.
    pub fn is_council_body(self) -> bool {
        matches!(
            self,
            ActorKind::Council | ActorKind::MainCommittee | ActorKind::Committee
        )
    }
}

code_list! {
    /// The role of a member in a group or body.
    MemberRole, "member-role", "1" {
        Chair = "chair", "Vorsitz", "chair";
        Member = "member", "Mitglied", "member";
        Moderator = "moderator", "Moderation", "moderator";
        Office = "office", "Geschäftsstelle", "office";
        Advisor = "advisor", "Beratung", "advisor";
    }
}

code_list! {
    /// The kind of a participation event (Beteiligungsformat).
    EventKind, "event-kind", "2" {
        ExpertInterview = "expertInterview", "Experteninterview", "expert interview";
        KickOff = "kickOff", "Auftaktveranstaltung", "kick-off event";
        ExpertWorkshop = "expertWorkshop", "Fach-Workshop", "expert workshop";
        Workshop = "workshop", "Workshop", "workshop";
        CommitteeWorkshop = "committeeWorkshop", "Workshop im Ausschuss", "committee workshop";
        FutureConference = "futureConference", "Zukunftskonferenz", "future conference";
        ExpertConference = "expertConference", "Fachkonferenz", "expert conference";
        StrategyConference = "strategyConference", "Strategiekonferenz", "strategy conference";
        ExpertForum = "expertForum", "Fachforum", "expert forum";
        FinalEvent = "finalEvent", "Abschlussveranstaltung", "final event";
        PressSeries = "pressSeries", "Presseserie", "press series";
        DiscussionForum = "discussionForum", "Diskussionsforum", "discussion forum";
        RoundTable = "roundTable", "Runder Tisch", "round table";
        DepartmentTalks = "departmentTalks", "Gespräche mit Fachdiensten", "talks with departments";
        WorkingGroupMeeting = "workingGroupMeeting", "AG-Sitzung", "working group meeting";
        Meeting = "meeting", "Besprechung", "meeting";
        CommitteeMeeting = "committeeMeeting", "Gremiensitzung", "committee meeting";
        WrittenConsultation = "writtenConsultation", "schriftliche Beteiligung / Stellungnahme", "written consultation";
        Survey = "survey", "Befragung", "survey";
        CitizensForum = "citizensForum", "Bürgerforum", "citizens' forum";
        FutureWorkshop = "futureWorkshop", "Werkstatt / Zukunftswerkstatt", "future workshop";
        OnlineParticipation = "onlineParticipation", "Online-Beteiligung", "online participation";
        YouthParticipation = "youthParticipation", "Jugendbeteiligung", "youth participation";
        Other = "other", "sonstiges Format", "other format";
    }
}

code_list! {
    /// Who an event addresses.
    Audience, "audience", "2" {
        Public = "public", "alle Interessierten", "general public";
        Citizens = "citizens", "Bürgerinnen und Bürger", "citizens";
        Municipalities = "municipalities", "Städte und Gemeinden", "municipalities";
        Administration = "administration", "Verwaltung", "administration";
        Politics = "politics", "Politik / Kreistag", "politics / council";
        Experts = "experts", "Fachleute", "experts";
        Institutions = "institutions", "Institutionen", "institutions";
        Associations = "associations", "Vereine und Verbände", "associations";
        Businesses = "businesses", "Unternehmen", "businesses";
        ChildrenAndYouth = "childrenAndYouth", "Kinder und Jugendliche", "children and youth";
        Seniors = "seniors", "Seniorinnen und Senioren", "seniors";
        CivilSociety = "civilSociety", "Zivilgesellschaft", "civil society";
        CouncilMembers = "councilMembers", "Kreistagsmitglieder", "council members";
    }
}

impl Audience {
    /// True for audiences outside the county administration and council:
    /// the public, citizens, municipalities, children and youth, seniors
    /// and civil society.
    pub fn is_public(self) -> bool {
        matches!(
            self,
            Audience::Public
                | Audience::Citizens
                | Audience::Municipalities
                | Audience::ChildrenAndYouth
                | Audience::Seniors
                | Audience::CivilSociety
        )
    }
}

impl EventKind {
    /// True for formats that are public participation by their nature,
    /// whoever the record says was invited: a Zukunftskonferenz, a
    /// Bürgerforum, a Werkstatt, online or youth participation, a survey.
    pub fn is_public_participation(self) -> bool {
        matches!(
            self,
            EventKind::FutureConference
                | EventKind::CitizensForum
                | EventKind::FutureWorkshop
                | EventKind::OnlineParticipation
                | EventKind::YouthParticipation
                | EventKind::Survey
        )
    }
}

code_list! {
    /// An actor's role at an event.
    ParticipantRole, "participant-role", "1" {
        Participant = "participant", "Teilnahme", "participant";
        Host = "host", "Gastgeber", "host";
        Moderator = "moderator", "Moderation", "moderator";
        Speaker = "speaker", "Vortrag", "speaker";
        Organizer = "organizer", "Organisation", "organizer";
    }
}

code_list! {
    /// Priority of a goal or measure.
    Priority, "priority", "1" {
        High = "high", "hoch", "high";
        Medium = "medium", "mittel", "medium";
        Low = "low", "gering", "low";
    }
}

code_list! {
    /// When a measure is meant to take effect.
    TimeHorizon, "time-horizon", "1" {
        Short = "short", "kurzfristig", "short term";
        Medium = "medium", "mittelfristig", "medium term";
        Long = "long", "langfristig", "long term";
        Continuous = "continuous", "kontinuierlich", "continuous";
    }
}

code_list! {
    /// The county's own role in a measure, apart from lead and partners.
    CountyRole, "county-role", "1" {
        Sponsor = "sponsor", "Träger", "sponsor";
        Coordinator = "coordinator", "Koordinator", "coordinator";
        Supporter = "supporter", "Unterstützer", "supporter";
        Lobby = "lobby", "Fürsprecher (Lobby)", "advocate (lobby)";
    }
}

code_list! {
    /// Implementation status of a measure.
    MeasureStatus, "measure-status", "1" {
        Planned = "planned", "geplant", "planned";
        NotStarted = "notStarted", "noch nicht begonnen", "not started";
        InProgress = "inProgress", "in Bearbeitung", "in progress";
        Ongoing = "ongoing", "Daueraufgabe", "ongoing";
        Completed = "completed", "umgesetzt", "completed";
        Suspended = "suspended", "zurückgestellt", "suspended";
        Abandoned = "abandoned", "nicht weiterverfolgt", "abandoned";
    }
}

code_list! {
    /// Funding programmes measures draw on.
    FundingProgramme, "funding-programme", "1" {
        Leader = "leader", "LEADER", "LEADER";
        Efre = "efre", "EFRE", "ERDF (EFRE)";
        Esf = "esf", "ESF", "ESF";
        Grw = "grw", "GRW", "GRW";
        Gak = "gak", "GAK", "GAK";
        Interreg = "interreg", "Interreg", "Interreg";
        State = "state", "Landesprogramm", "state programme";
        Federal = "federal", "Bundesprogramm", "federal programme";
        Eu = "eu", "sonstiges EU-Programm", "other EU programme";
        Own = "own", "Eigenmittel", "own funds";
        Other = "other", "sonstige Förderung", "other funding";
    }
}

code_list! {
    /// Whether higher or lower values of an indicator are better.
    Direction, "direction", "1" {
        HigherIsBetter = "higherIsBetter", "höher ist besser", "higher is better";
        LowerIsBetter = "lowerIsBetter", "niedriger ist besser", "lower is better";
    }
}

code_list! {
    /// The kind of a resolution.
    ResolutionKind, "resolution-kind", "1" {
        Resolution = "resolution", "Beschluss", "resolution";
        Recommendation = "recommendation", "Empfehlungsbeschluss", "recommending resolution";
        Approval = "approval", "Zustimmung", "approval";
        Mandate = "mandate", "Auftrag", "mandate";
        Acknowledgement = "acknowledgement", "Kenntnisnahme", "acknowledgement";
    }
}

code_list! {
    /// The role of a body in the passage of a paper.
    ConsultationRole, "consultation-role", "1" {
        Prepare = "prepare", "Vorberatung", "prepares";
        Recommend = "recommend", "Empfehlung", "recommends";
        Decide = "decide", "Entscheidung", "decides";
        Inform = "inform", "Kenntnisnahme", "is informed";
    }
}

code_list! {
    /// The outcome of a consultation.
    Outcome, "outcome", "1" {
        Adopted = "adopted", "beschlossen", "adopted";
        AdoptedUnanimously = "adoptedUnanimously", "einstimmig beschlossen", "adopted unanimously";
        AdoptedByMajority = "adoptedByMajority", "mehrheitlich beschlossen", "adopted by majority";
        AdoptedUnchanged = "adoptedUnchanged", "ungeändert beschlossen", "adopted unchanged";
        Approved = "approved", "zugestimmt", "approved";
        Recommended = "recommended", "empfohlen", "recommended";
        Noted = "noted", "zur Kenntnis genommen", "noted";
        Rejected = "rejected", "abgelehnt", "rejected";
        Deferred = "deferred", "vertagt", "deferred";
        Submitted = "submitted", "vorgelegt, Ergebnis offen", "submitted, outcome unknown";
    }
}

impl Outcome {
    /// True when the body agreed (adopted, approved or recommended).
    pub fn is_positive(self) -> bool {
        matches!(
            self,
            Outcome::Adopted
                | Outcome::AdoptedUnanimously
                | Outcome::AdoptedByMajority
                | Outcome::AdoptedUnchanged
                | Outcome::Approved
                | Outcome::Recommended
        )
    }
}

code_list! {
    /// What a resolution adopts.
    AdoptionSubject, "adoption-subject", "1" {
        Concept = "concept", "Konzept", "the concept";
        Vision = "vision", "Leitbild", "the vision";
        Goals = "goals", "Ziele", "goals";
        FieldsOfAction = "fieldsOfAction", "Handlungsfelder", "fields of action";
        Catalogue = "catalogue", "Projekt- / Maßnahmenkatalog", "project catalogue";
        Measures = "measures", "Maßnahmen", "measures";
        Document = "document", "Dokument", "a document";
        Process = "process", "Verfahren / Prozessbegleitung", "the process";
    }
}

code_list! {
    /// The kind of a document.
    DocumentKind, "document-kind", "1" {
        FinalReport = "finalReport", "Endbericht", "final report";
        ShortVersion = "shortVersion", "Kurzfassung", "short version";
        StructuralAtlas = "structuralAtlas", "Strukturatlas / Bestandsaufnahme", "structural atlas";
        Swot = "swot", "SWOT-Analyse", "SWOT analysis";
        GoalSystem = "goalSystem", "Zielsystem", "goal system";
        ActionPlan = "actionPlan", "Handlungskonzept", "action plan";
        ProjectCatalogue = "projectCatalogue", "Projektkatalog", "project catalogue";
        ProjectOutline = "projectOutline", "Projektskizze", "project outline";
        Presentation = "presentation", "Präsentation", "presentation";
        Transcript = "transcript", "Mitschrift", "transcript";
        Minutes = "minutes", "Protokoll", "minutes";
        PressArticle = "pressArticle", "Pressebericht", "press article";
        Guide = "guide", "Handreichung", "guide";
        Website = "website", "Internetseite", "web page";
        Other = "other", "sonstiges Dokument", "other document";
    }
}

code_list! {
    /// How progress of a concept is reported (Monitoring, Berichtswesen).
    ReportingKind, "reporting-kind", "1" {
        CouncilReport = "councilReport", "Bericht an den Kreistag", "report to the council";
        BudgetPlan = "budgetPlan", "im Haushaltsplan", "in the budget plan";
        OnlineProjectList = "onlineProjectList", "Online-Projektliste", "online project list";
        MonitoringReport = "monitoringReport", "Monitoringbericht", "monitoring report";
        Other = "other", "sonstige Berichterstattung", "other reporting";
    }
}

code_list! {
    /// How often progress is reported.
    Frequency, "frequency", "1" {
        Annual = "annual", "jährlich", "annually";
        Biennial = "biennial", "alle zwei Jahre", "every two years";
        Semiannual = "semiannual", "halbjährlich", "every six months";
        Quarterly = "quarterly", "vierteljährlich", "quarterly";
        Continuous = "continuous", "laufend", "continuously";
        AsNeeded = "asNeeded", "bei Bedarf", "as needed";
    }
}

code_list! {
    /// A collection of a concept that may be listed only in part.
    Collection, "collection", "1" {
        Fields = "fields", "Handlungsfelder", "fields of action";
        Goals = "goals", "Ziele", "goals";
        Measures = "measures", "Maßnahmen / Projekte", "measures and projects";
        Indicators = "indicators", "Indikatoren", "indicators";
        Actors = "actors", "Akteure", "actors";
        Events = "events", "Beteiligungsformate", "participation events";
        Resolutions = "resolutions", "Beschlüsse", "resolutions";
        Documents = "documents", "Dokumente", "documents";
        CrossCuttingThemes = "crossCuttingThemes", "Querschnittsthemen", "cross-cutting themes";
    }
}

code_list! {
    /// The unit of a duration.
    DurationUnit, "duration-unit", "1" {
        Days = "days", "Tage", "days";
        Weeks = "weeks", "Wochen", "weeks";
        Months = "months", "Monate", "months";
        Years = "years", "Jahre", "years";
    }
}

/// All code lists of the model, for schema and documentation generators.
pub const ALL_CODE_LISTS: &[CodeListInfo] = &[
    ConceptKind::INFO,
    ConceptStatus::INFO,
    TerritoryKind::INFO,
    State::INFO,
    ActorKind::INFO,
    MemberRole::INFO,
    EventKind::INFO,
    Audience::INFO,
    ParticipantRole::INFO,
    Priority::INFO,
    TimeHorizon::INFO,
    CountyRole::INFO,
    MeasureStatus::INFO,
    FundingProgramme::INFO,
    Direction::INFO,
    ResolutionKind::INFO,
    ConsultationRole::INFO,
    Outcome::INFO,
    AdoptionSubject::INFO,
    DocumentKind::INFO,
    ReportingKind::INFO,
    Frequency::INFO,
    Collection::INFO,
    DurationUnit::INFO,
];
