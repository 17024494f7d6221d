//! `kreisentwicklung check`: the health report of a concept.

use kreisentwicklung::health::{HealthReport, Severity};
use kreisentwicklung::{Date, Evaluation, FindingCode, Language};

use crate::cli::CheckArgs;
use crate::files::{self, Source};
use crate::{Failure, EXIT_INVALID, EXIT_OK};

/// Runs `check`.
pub fn run(args: CheckArgs) -> Result<u8, Failure> {
    let source = match (args.input, args.example) {
        (Some(path), None) => Source::File(path),
        (None, Some(name)) => Source::Example(name),
        // clap enforces exactly one of the two.
        _ => return Err(Failure::usage("give an INPUT or --example NAME")),
    };
    let concept = match files::load(&source) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                crate::say!("{warning}");
            }
            loaded.concept
        }
        Err(e) => {
            for line in e.lines() {
                crate::print_error(&line);
            }
            return Ok(e.code());
        }
    };
    // The date the workbook judges at too, unless one is given.
    let today = args.today.unwrap_or_else(|| concept.evaluation_date());
    let lang = args
        .lang
        .map(Language::from)
        .unwrap_or_else(|| crate::export::concept_language(&concept));
    let report = Evaluation::new(&concept, today).health_report();

    let text = if args.json {
        let mut json = serde_json::to_string_pretty(&report.views(lang))
            .map_err(|e| Failure::invalid(format!("cannot write the findings: {e}")))?;
        json.push('\n');
        json
    } else {
        human(&source.label(), &report, lang, today)
    };
    files::print_bytes(text.as_bytes())?;
    Ok(if report.has_errors() {
        EXIT_INVALID
    } else {
        EXIT_OK
    })
}

/// The findings for people: one line each, a count, and how to fix each
/// kind of finding.
fn human(label: &str, report: &HealthReport, lang: Language, today: Date) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let path = if f.path.is_root() {
            String::new()
        } else {
            format!("{}: ", f.path)
        };
        out.push_str(&format!(
            "{label}: {} [{}] {path}{}\n",
            f.severity.label(lang),
            f.code,
            f.message(lang)
        ));
    }
    let date = match lang {
        Language::De => today.german(),
        Language::En => today.to_string(),
    };
    if report.is_empty() {
        out.push_str(&match lang {
            Language::De => format!("{label}: keine Befunde (Stand {date})\n"),
            Language::En => format!("{label}: no findings (as of {date})\n"),
        });
        return out;
    }
    let counts: Vec<String> = Severity::ALL
        .iter()
        .filter_map(|&s| {
            let n = report.count(s);
            (n > 0).then(|| count(n, s, lang))
        })
        .collect();
    out.push_str(&match lang {
        Language::De => format!("\n{label}: {} (Stand {date})\n", counts.join(", ")),
        Language::En => format!("\n{label}: {} (as of {date})\n", counts.join(", ")),
    });
    out.push_str(match lang {
        Language::De => "\nSo beheben Sie die Befunde:\n",
        Language::En => "\nHow to fix them:\n",
    });
    let codes: Vec<FindingCode> = report.by_code().into_keys().collect();
    for code in codes {
        out.push_str(&format!("  {code}: {}\n", code.fix(lang)));
    }
    out
}

/// `2 warnings` / `2 Warnungen`.
fn count(n: usize, severity: Severity, lang: Language) -> String {
    let word = match (lang, severity, n == 1) {
        (Language::De, Severity::Error, _) => "Fehler",
        (Language::De, Severity::Warning, true) => "Warnung",
        (Language::De, Severity::Warning, false) => "Warnungen",
        (Language::De, Severity::Info, true) => "Hinweis",
        (Language::De, Severity::Info, false) => "Hinweise",
        (Language::En, Severity::Error, true) => "error",
        (Language::En, Severity::Error, false) => "errors",
        (Language::En, Severity::Warning, true) => "warning",
        (Language::En, Severity::Warning, false) => "warnings",
        (Language::En, Severity::Info, _) => "info",
    };
    format!("{n} {word}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_well() {
        assert_eq!(count(1, Severity::Warning, Language::De), "1 Warnung");
        assert_eq!(count(3, Severity::Warning, Language::En), "3 warnings");
        assert_eq!(count(2, Severity::Info, Language::De), "2 Hinweise");
    }
}
