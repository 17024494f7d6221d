//! The checks of single values: texts, periods, numbers, references.

use super::{
    is_language_tag, is_xml_illegal, shorten, Path, ProblemKind, Set, Validator, MAX_TEXT_CHARS,
};
use crate::{Euro, Id, Period, Text};

impl<'i, 'a> Validator<'i, 'a> {
    /// Control characters and length of any string.
    pub(super) fn check_str(&mut self, path: &Path, s: &str) {
        let bytes = s.as_bytes();
        // Fast path: the bytes that can start an illegal character are the
        // C0 controls and 0xEF (the lead byte of U+FFFE / U+FFFF).
        if bytes
            .iter()
            .any(|&b| (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') || b == 0xEF)
        {
            for (pos, ch) in s.chars().enumerate() {
                if is_xml_illegal(ch) {
                    self.report(
                        path,
                        ProblemKind::IllegalCharacter {
                            ch,
                            position: pos + 1,
                        },
                    );
                    break;
                }
            }
        }
        if bytes.len() > MAX_TEXT_CHARS {
            let chars = s.chars().count();
            if chars > MAX_TEXT_CHARS {
                self.report(path, ProblemKind::TextTooLong { chars });
            }
        }
    }

    pub(super) fn required_str(&mut self, path: &Path, s: &str) {
        if s.trim().is_empty() {
            self.report(path, ProblemKind::EmptyText);
        }
        self.check_str(path, s);
    }

    pub(super) fn opt_str(&mut self, path: &Path, s: &Option<String>) {
        if let Some(s) = s {
            self.check_str(path, s);
        }
    }

    pub(super) fn text(&mut self, path: &Path, t: &Text, required: bool) {
        if required && t.is_blank() {
            self.report(path, ProblemKind::EmptyText);
        }
        self.check_str(path, &t.text);
        if !t.translations.is_empty() {
            let tr = path.f("translations");
            for (lang, s) in &t.translations {
                let p = tr.key(lang);
                if !is_language_tag(lang) {
                    self.invalid(
                        &p,
                        format!(
                            "{:?} is not a language tag such as \"en\" or \"hsb\"",
                            shorten(lang)
                        ),
                    );
                }
                self.check_str(&p, s);
            }
        }
    }

    pub(super) fn opt_text(&mut self, path: &Path, t: &Option<Text>) {
        if let Some(t) = t {
            self.text(path, t, false);
        }
    }

    pub(super) fn texts(&mut self, path: &Path, ts: &[Text]) {
        for (i, t) in ts.iter().enumerate() {
            self.text(&path.i(i), t, true);
        }
    }

    pub(super) fn period(&mut self, path: &Path, p: &Period) {
        for reason in p.problems() {
            self.report(path, ProblemKind::InvalidPeriod { reason });
        }
    }

    pub(super) fn opt_period(&mut self, path: &Path, p: &Option<Period>) {
        if let Some(p) = p {
            self.period(path, p);
        }
    }

    pub(super) fn year(&mut self, path: &Path, year: i32) {
        if !(1..=9999).contains(&year) {
            self.invalid(path, format!("year {year} is out of range 1..=9999"));
        }
    }

    pub(super) fn number(&mut self, path: &Path, v: f64) {
        if !v.is_finite() {
            self.invalid(path, format!("{v} is not a finite number"));
        }
    }

    pub(super) fn euro(&mut self, path: &Path, v: Euro) {
        if v.cents().unsigned_abs() > (crate::money::MAX_EUROS as u64) * 100 {
            self.invalid(path, format!("amount {v} is out of range"));
        }
    }

    pub(super) fn reference(&mut self, path: &Path, target: &'static str, set: Set, id: &Id) {
        let known = match set {
            Set::Goals => self.goals.contains(id.as_str()),
            Set::Measures => self.measures.contains(id.as_str()),
            Set::Fields => self.fields.contains(id.as_str()),
            Set::Actors => self.actors.contains(id.as_str()),
            Set::Events => self.events.contains(id.as_str()),
            Set::Documents => self.documents.contains(id.as_str()),
            Set::Indicators => self.indicators.contains(id.as_str()),
        };
        if !known {
            self.report(
                path,
                ProblemKind::DanglingReference {
                    target,
                    id: shorten(id.as_str()),
                },
            );
        }
    }

    pub(super) fn references(&mut self, path: &Path, target: &'static str, set: Set, ids: &[Id]) {
        for (i, id) in ids.iter().enumerate() {
            self.reference(&path.i(i), target, set, id);
        }
    }

    pub(super) fn opt_reference(
        &mut self,
        path: &Path,
        target: &'static str,
        set: Set,
        id: &Option<Id>,
    ) {
        if let Some(id) = id {
            self.reference(path, target, set, id);
        }
    }

    pub(super) fn funding(&mut self, path: &Path, f: &crate::Funding) {
        self.opt_text(&path.f("programmeName"), &f.programme_name);
        self.opt_reference(&path.f("funder"), "actor", Set::Actors, &f.funder);
        if let Some(share) = f.share_percent {
            let p = path.f("sharePercent");
            if !share.is_finite() || !(0.0..=100.0).contains(&share) {
                self.invalid(&p, format!("share {share} % is not between 0 and 100"));
            }
        }
        if let Some(a) = f.amount {
            self.euro(&path.f("amount"), a);
        }
        self.opt_period(&path.f("period"), &f.period);
    }
}
