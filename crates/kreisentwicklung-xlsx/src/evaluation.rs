//! The evaluation the workbook shows: traffic lights from
//! [`kreisentwicklung_core::monitoring`] and findings from
//! [`kreisentwicklung_core::health`], both judged as of one date.

use kreisentwicklung_core::export::{ExportError, ExportOptions, Timestamp};
use kreisentwicklung_core::health::{HealthOptions, HealthReport};
use kreisentwicklung_core::monitoring::{MonitoringOptions, MonitoringReport};
use kreisentwicklung_core::{Concept, Date};

use crate::{FORMAT_ID, TODAY};

/// Lights and findings as of a date.
pub(crate) struct Evaluation {
    /// The date everything is judged on ("Stand der Auswertung").
    pub today: Date,
    /// Progress and traffic lights.
    pub monitoring: MonitoringReport,
    /// Gaps in the concept.
    pub health: HealthReport,
}

impl Evaluation {
    pub(crate) fn new(concept: &Concept, today: Date) -> Self {
        Evaluation {
            today,
            monitoring: concept.monitor(&MonitoringOptions::new(today)),
            health: concept.health_report(&HealthOptions::new(today)),
        }
    }
}

/// Reads the `today` option (`yyyy-mm-dd`).
pub(crate) fn parse_today(value: &str) -> Result<Date, ExportError> {
    value
        .trim()
        .parse::<Date>()
        .map_err(|e| ExportError::Option {
            format: FORMAT_ID.to_owned(),
            name: TODAY.to_owned(),
            message: format!("{e}; expected a date written yyyy-mm-dd"),
        })
}

/// The evaluation date: the `today` option; else the day of
/// [`Timestamp::At`]; the system clock's day for [`Timestamp::Now`]; and
/// for [`Timestamp::Fixed`] the latest date the concept records (see
/// [`latest_recorded`]), so that the same input gives the same workbook.
pub(crate) fn evaluation_date(
    concept: &Concept,
    options: &ExportOptions,
) -> Result<Date, ExportError> {
    if let Some(v) = options.format_options.get(TODAY) {
        return parse_today(v);
    }
    Ok(match options.timestamp {
        Timestamp::At(d) => d,
        Timestamp::Now => system_today(),
        Timestamp::Fixed => latest_recorded(concept).unwrap_or_else(fallback),
    })
}

fn fallback() -> Date {
    Date::from_ymd(2000, 1, 1).expect("a valid date")
}

/// Today by the system clock (UTC).
fn system_today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    Date::from_ymd(1970, 1, 1)
        .expect("a valid date")
        .add_days(i64::try_from(days).unwrap_or(0))
}

/// The latest date on which something was recorded as done or measured: a
/// dated status update of a measure, a consultation that took place, an
/// observed value or a baseline of an indicator (the last day of its
/// period). Plans (measure periods, targets, planned consultations, events)
/// do not count.
pub(crate) fn latest_recorded(c: &Concept) -> Option<Date> {
    let updates = c
        .measures
        .iter()
        .flat_map(|m| m.status_history.iter().map(|u| u.date));
    let steps = c
        .resolutions
        .iter()
        .flat_map(|r| r.consultations.iter().filter_map(|s| s.date));
    let values = c.indicators.iter().flat_map(|i| {
        i.observations
            .iter()
            .map(|o| &o.period)
            .chain(i.baseline.iter().filter_map(|b| b.period.as_ref()))
            .filter_map(|p| p.latest().or_else(|| p.earliest()))
    });
    updates.chain(steps).chain(values).max()
}
