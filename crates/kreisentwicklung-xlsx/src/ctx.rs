//! What every sheet needs: the concept, the language, the formats and
//! lookups by id, plus the wording shared by several sheets.

use kreisentwicklung_core::export::ExportError;
use kreisentwicklung_core::{
    BudgetLink, CodeList, Concept, ConceptIndex, Euro, Funding, Id, Language, Measure, Milestone,
};

use crate::book::Slot;
use crate::evaluation::Evaluation;
use crate::formats::Formats;
use crate::names::tr;
use crate::print::Page;
use crate::sheet::SheetWriter;

/// The export in progress.
pub(crate) struct Ctx<'c> {
    pub c: &'c Concept,
    pub lang: Language,
    /// Which sheets are streamed.
    pub mode: crate::Mode,
    pub fmt: Formats,
    /// Lights, findings and the concept's index, shared by every sheet.
    pub eval: Evaluation<'c>,
    /// How many indicators get a chart (the `charts` option).
    pub max_charts: usize,
}

impl<'c> Ctx<'c> {
    pub(crate) fn new(
        c: &'c Concept,
        lang: Language,
        constant_memory: bool,
        today: kreisentwicklung_core::Date,
    ) -> Self {
        Ctx {
            c,
            lang,
            mode: if constant_memory {
                crate::Mode::Streaming
            } else {
                crate::Mode::InMemory
            },
            fmt: Formats::new(lang),
            eval: Evaluation::new(c, today),
            max_charts: crate::MAX_CHARTS,
        }
    }

    /// Lookups by id (the first item wins when ids repeat, as in
    /// validation), parents and references.
    pub(crate) fn idx(&self) -> &ConceptIndex<'c> {
        self.eval.index()
    }

    /// A period as written, in the workbook's language ("2. Halbjahr 2019",
    /// "2nd half of 2019").
    pub(crate) fn period(&self, p: &kreisentwicklung_core::Period) -> String {
        match self.lang {
            Language::De => p.to_string(),
            Language::En => p.english().to_string(),
        }
    }

    /// True when a sheet of this many rows is streamed: from
    /// [`Mode::streamed_from_rows`](crate::Mode::streamed_from_rows) rows on.
    pub(crate) fn stream(&self, rows: usize) -> bool {
        self.mode
            .streamed_from_rows()
            .is_some_and(|from| rows >= from)
    }

    /// A new sheet of `rows` rows in this workbook's formats and language,
    /// streamed when [`Ctx::stream`] says so.
    pub(crate) fn sheet(
        &self,
        slot: &Slot,
        name: &str,
        rows: usize,
    ) -> Result<SheetWriter<'_>, ExportError> {
        SheetWriter::new(slot, name, &self.fmt, self.lang, self.stream(rows))
    }

    /// The print layout of a sheet: A4 with the workbook's header and
    /// footer, landscape for tables, portrait for forms.
    pub(crate) fn page(&self, landscape: bool) -> Page {
        Page::new(&self.c.title.text, self.eval.today, self.lang, landscape)
    }

    /// German or English.
    pub(crate) fn tr(&self, de: &'static str, en: &'static str) -> &'static str {
        tr(self.lang, de, en)
    }

    /// The whole territory, named by its kind: "gesamter Landkreis",
    /// "gesamter Kreis" (never "Landkreis" for a Kreis), "gesamtes Gebiet".
    pub(crate) fn whole_territory(&self) -> &'static str {
        use kreisentwicklung_core::TerritoryKind;
        match self.c.territory.kind {
            TerritoryKind::Landkreis => self.tr("gesamter Landkreis", "whole county"),
            TerritoryKind::Kreis => self.tr("gesamter Kreis", "whole county"),
            _ => self.tr("gesamtes Gebiet", "whole territory"),
        }
    }

    /// A code's label.
    pub(crate) fn label<T: CodeList>(&self, code: T) -> &'static str {
        code.label(self.lang)
    }

    /// How a goal is referred to: its number, else its title, else its id.
    pub(crate) fn goal_ref(&self, id: &Id) -> String {
        match self.idx().goal(id.as_str()) {
            Some(g) => match &g.number {
                Some(n) if !n.trim().is_empty() => n.clone(),
                _ => g.title.text.clone(),
            },
            None => id.to_string(),
        }
    }

    /// A field of action's name (its id when it does not exist).
    pub(crate) fn field_name(&self, id: &Id) -> String {
        self.idx()
            .field(id.as_str())
            .map_or_else(|| id.to_string(), |f| f.name.text.clone())
    }

    /// An actor's name (its id when it does not exist).
    pub(crate) fn actor_name(&self, id: &Id) -> String {
        self.idx()
            .actor(id.as_str())
            .map_or_else(|| id.to_string(), |a| a.name.text.clone())
    }

    /// An indicator as referred to: "number name", or the name.
    pub(crate) fn indicator_ref(&self, id: &Id) -> String {
        match self.idx().indicator(id.as_str()) {
            Some(i) => numbered(i.number.as_deref(), &i.name.text),
            None => id.to_string(),
        }
    }

    /// A document's title (its id when it does not exist).
    pub(crate) fn document_title(&self, id: &Id) -> String {
        self.idx()
            .document(id.as_str())
            .map_or_else(|| id.to_string(), |d| d.title.text.clone())
    }

    /// The fields of a measure: its own, else those of the goals it serves.
    pub(crate) fn measure_field_ids<'m>(&'m self, m: &'m Measure) -> Vec<&'m Id> {
        let mut ids: Vec<&Id> = m.fields.iter().collect();
        if ids.is_empty() {
            for g in &m.goals {
                if let Some(goal) = self.idx().goal(g.as_str()) {
                    for f in &goal.fields {
                        if !ids.contains(&f) {
                            ids.push(f);
                        }
                    }
                }
            }
        }
        ids
    }

    /// The names of a measure's fields (see [`Ctx::measure_field_ids`]).
    pub(crate) fn measure_fields(&self, m: &Measure) -> Vec<String> {
        self.measure_field_ids(m)
            .into_iter()
            .map(|f| self.field_name(f))
            .collect()
    }

    /// A share in percent as text: "80 %" / "80%".
    pub(crate) fn percent_text(&self, percent: f64) -> String {
        let mut s = format!("{:.2}", percent);
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
        match self.lang {
            Language::De => format!("{} %", s.replace('.', ",")),
            Language::En => format!("{s}%"),
        }
    }

    /// An amount as text: "1.234,50 €" / "€1,234.50".
    pub(crate) fn euro_text(&self, amount: Euro) -> String {
        match self.lang {
            Language::De => amount.to_string(),
            Language::En => {
                let german = amount.to_string();
                let number = german.trim_end_matches(" €");
                let swapped: String = number
                    .chars()
                    .map(|c| match c {
                        '.' => ',',
                        ',' => '.',
                        c => c,
                    })
                    .collect();
                match swapped.strip_prefix('-') {
                    Some(rest) => format!("-€{rest}"),
                    None => format!("€{swapped}"),
                }
            }
        }
    }

    /// A day as people write it: "12.03.2025" in German, "2025-03-12" in
    /// English.
    pub(crate) fn day(&self, d: kreisentwicklung_core::Date) -> String {
        match self.lang {
            Language::De => d.german(),
            Language::En => d.to_string(),
        }
    }

    /// A milestone of a measure: "Ergebnis der Wirtschaftlichkeitsuntersuchung
    /// (erwartet Ende des 1. Quartals 2025)", or once reached "… (erreicht am
    /// 12.03.2025)".
    pub(crate) fn milestone_text(&self, m: &Milestone) -> String {
        let mut details = Vec::new();
        if let Some(p) = &m.expected {
            details.push(format!(
                "{} {}",
                self.tr("erwartet", "expected"),
                self.period(p)
            ));
        }
        if let Some(d) = m.reached {
            details.push(format!(
                "{} {}",
                self.tr("erreicht am", "reached on"),
                self.day(d)
            ));
        }
        if let Some(n) = m.note.as_ref().filter(|n| !n.is_blank()) {
            details.push(n.text.clone());
        }
        if details.is_empty() {
            m.title.text.clone()
        } else {
            format!("{} ({})", m.title, details.join(", "))
        }
    }

    /// A resolution's link to the budget: "Haushalt 2019, Produktkonto
    /// 5110.01: remark" ("Budget 2019, …" in English).
    pub(crate) fn budget_link_text(&self, b: &BudgetLink) -> String {
        let mut s = format!("{} {}", self.tr("Haushalt", "Budget"), b.year);
        if let Some(account) = b.account.as_deref().filter(|a| !a.trim().is_empty()) {
            s.push_str(&format!(", {account}"));
        }
        if let Some(note) = b.note.as_ref().filter(|n| !n.is_blank()) {
            s.push_str(&format!(": {note}"));
        }
        s
    }

    /// A funding source as text: "GRW (80 %)", "LEADER-Region … (LEADER, 50 %, 10.000,00 €)".
    pub(crate) fn funding_text(&self, f: &Funding) -> String {
        let mut details = Vec::new();
        let name = match (&f.programme_name, f.programme) {
            (Some(name), Some(p)) if !name.is_blank() => {
                details.push(self.label(p).to_owned());
                name.text.clone()
            }
            (Some(name), None) if !name.is_blank() => name.text.clone(),
            (_, Some(p)) => self.label(p).to_owned(),
            _ => self.tr("Förderung", "funding").to_owned(),
        };
        if let Some(funder) = &f.funder {
            details.push(self.actor_name(funder));
        }
        if let Some(share) = f.share_percent {
            if share.is_finite() {
                details.push(self.percent_text(share));
            }
        }
        if let Some(amount) = f.amount {
            details.push(self.euro_text(amount));
        }
        if let Some(p) = &f.period {
            details.push(self.period(p));
        }
        if details.is_empty() {
            name
        } else {
            format!("{name} ({})", details.join(", "))
        }
    }
}

/// "1.2 Title", or the title alone.
pub(crate) fn numbered(number: Option<&str>, title: &str) -> String {
    match number {
        Some(n) if !n.trim().is_empty() => format!("{n} {title}"),
        _ => title.to_owned(),
    }
}

/// An ordered list one per line, numbered as it is read: "1. …\n2. …"
/// (Leitgedanken, Leitlinien).
pub(crate) fn numbered_lines(items: &[kreisentwicklung_core::Text]) -> String {
    lines(
        items
            .iter()
            .filter(|t| !t.is_blank())
            .enumerate()
            .map(|(i, t)| format!("{}. {t}", i + 1)),
    )
}

/// What separates the parts of a list in one cell (the reader splits there).
pub(crate) const SEPARATOR: &str = "; ";

/// Joins parts with [`SEPARATOR`], skipping empty ones.
pub(crate) fn join(parts: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    join_with(parts, SEPARATOR)
}

/// Joins parts one per line, skipping empty ones.
pub(crate) fn lines(parts: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    join_with(parts, "\n")
}

/// Joins the non-empty parts with `separator`.
fn join_with(parts: impl IntoIterator<Item = impl AsRef<str>>, separator: &str) -> String {
    let mut out = String::new();
    for p in parts {
        let p = p.as_ref();
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(separator);
        }
        out.push_str(p);
    }
    out
}
