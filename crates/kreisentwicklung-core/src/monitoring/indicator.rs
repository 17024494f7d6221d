//! One indicator judged against its baseline and target.

use std::cmp::Ordering;

use super::{unit, GreyReason, IndicatorStatus, MonitoringOptions, Pace, Progress, TrafficLight};
use crate::period::Ranked;
use crate::{Date, Direction, Indicator, ItemPath, Observation, Period, Target};

/// An indicator's evaluation without id, path or a copy of the latest
/// observation: all of [`IndicatorStatus`] that is computed, without
/// allocating, so that roll-ups do not pay for what only the entries show.
pub(crate) struct Assessment<'a> {
    pub(super) light: TrafficLight,
    pub(super) grey_reason: Option<GreyReason>,
    pub(crate) progress: Option<Progress>,
    pub(super) raw_progress: Option<f64>,
    pub(super) baseline: Option<f64>,
    pub(super) baseline_from_observation: bool,
    pub(super) target: Option<f64>,
    pub(super) latest: Option<&'a Observation>,
}

impl Assessment<'_> {
    pub(crate) fn into_status(self, indicator: &Indicator, path: ItemPath) -> IndicatorStatus {
        IndicatorStatus {
            id: indicator.id.clone(),
            path,
            light: self.light,
            grey_reason: self.grey_reason,
            progress: self.progress,
            raw_progress: self.raw_progress,
            baseline: self.baseline,
            baseline_from_observation: self.baseline_from_observation,
            target: self.target,
            latest: self.latest.cloned(),
        }
    }
}

/// The latest and (if `want_earliest`) the earliest observation known by
/// `today` (period not starting after it) and how many are known. The same
/// picks as `max_by` and `min_by` with `Period::cmp` over the known ones
/// (the last of equal latest, the first of equal earliest), but each
/// period's days are computed at most once, not at every comparison.
fn known_extremes(
    observations: &[Observation],
    today: Date,
    want_earliest: bool,
) -> (Option<&Observation>, Option<&Observation>, usize) {
    let mut known = 0;
    let mut latest: Option<(&Observation, Ranked<'_>)> = None;
    let mut earliest: Option<(&Observation, Ranked<'_>)> = None;
    for o in observations {
        let r = Ranked::new(&o.period);
        if r.earliest.is_some_and(|d| d > today) {
            continue;
        }
        known += 1;
        let new_earliest = want_earliest
            && earliest
                .as_ref()
                .is_none_or(|(_, e)| r.cmp(e) == Ordering::Less);
        if new_earliest {
            earliest = Some((o, r.clone()));
        }
        if latest
            .as_ref()
            .is_none_or(|(_, l)| r.cmp(l) != Ordering::Less)
        {
            latest = Some((o, r));
        }
    }
    (latest.map(|l| l.0), earliest.map(|e| e.0), known)
}

/// Evaluates one indicator; see the module documentation for the rules.
pub(crate) fn assess<'a>(indicator: &'a Indicator, options: &MonitoringOptions) -> Assessment<'a> {
    let mut s = Assessment {
        light: TrafficLight::Grey,
        grey_reason: None,
        progress: None,
        raw_progress: None,
        baseline: None,
        baseline_from_observation: false,
        target: None,
        latest: None,
    };
    let grey = |mut s: Assessment<'a>, reason| {
        s.grey_reason = Some(reason);
        s
    };
    let today = options.today;

    // Observations known by the evaluation date.
    // The earliest serves only as a baseline for want of one.
    let (latest, first, known) =
        known_extremes(&indicator.observations, today, indicator.baseline.is_none());
    s.latest = latest;

    let Some(target) = indicator.final_target() else {
        return grey(s, GreyReason::NoTarget);
    };
    if !target.value.is_finite() {
        return grey(s, GreyReason::InvalidValue);
    }
    s.target = Some(target.value);
    let Some(latest) = latest else {
        return grey(s, GreyReason::NoObservation);
    };
    if !latest.value.is_finite() {
        return grey(s, GreyReason::InvalidValue);
    }

    // The baseline, or the earliest observation for want of one.
    let baseline: Option<(f64, Option<&Period>)> = match &indicator.baseline {
        Some(b) if !b.value.is_finite() => return grey(s, GreyReason::InvalidValue),
        Some(b) => Some((b.value, b.period.as_ref())),
        None if known >= 2 => match first {
            Some(o) if o.value.is_finite() && !std::ptr::eq(o, latest) => {
                s.baseline_from_observation = true;
                Some((o.value, Some(&o.period)))
            }
            _ => None,
        },
        None => None,
    };
    let reached = at_least_as_good(latest.value, target.value, indicator.direction);
    let Some((base, base_period)) = baseline else {
        if reached {
            s.progress = Some(Progress::new(1.0, 1.0));
            s.light = TrafficLight::Green;
            return s;
        }
        return grey(s, GreyReason::NoBaseline);
    };
    s.baseline = Some(base);

    let span = target.value - base;
    let scale = target.value.abs().max(base.abs()).max(1.0);
    if span.abs() <= f64::EPSILON * scale {
        // Hold the level: met or not met.
        let achieved = if reached { 1.0 } else { 0.0 };
        s.raw_progress = Some(achieved);
        let p = Progress::new(achieved, 1.0);
        s.progress = Some(p);
        s.light = options.thresholds.light(p);
        return s;
    }
    let raw = (latest.value - base) / span;
    if !raw.is_finite() {
        return grey(s, GreyReason::InvalidValue);
    }
    s.raw_progress = Some(raw);

    let expected = match options.pace {
        Pace::Off => 1.0,
        pace => {
            let reference = match pace {
                Pace::AtObservation => latest
                    .period
                    .latest()
                    .or_else(|| latest.period.earliest())
                    .map_or(today, |d| d.min(today)),
                _ => today,
            };
            expected_share(indicator, target, base, base_period, reference)
        }
    };
    let p = Progress::new(raw, expected);
    s.progress = Some(p);
    s.light = options.thresholds.light(p);
    s
}

fn at_least_as_good(value: f64, target: f64, direction: Direction) -> bool {
    match direction {
        Direction::HigherIsBetter => value >= target,
        Direction::LowerIsBetter => value <= target,
    }
}

/// The share of the way from baseline to the final target (`target`, the
/// indicator's [`Indicator::final_target`](crate::Indicator::final_target)) expected by `reference`,
/// interpolating linearly through the dated targets.
fn expected_share(
    indicator: &Indicator,
    target: &Target,
    base: f64,
    base_period: Option<&Period>,
    reference: Date,
) -> f64 {
    let Some(base_date) = base_period.and_then(|p| p.latest().or_else(|| p.earliest())) else {
        return 1.0;
    };
    let final_value = target.value;
    let final_due = target
        .due
        .as_ref()
        .and_then(|d| d.latest().or_else(|| d.earliest()));
    let Some(final_due) = final_due else {
        return 1.0;
    };
    if reference <= base_date {
        return 0.0;
    }
    if reference >= final_due {
        return 1.0;
    }
    // Points (date, value): baseline, then dated targets after it, by date.
    // With the final target alone (the usual case) that is baseline and
    // final target, here (final_due > reference > base_date): no list.
    let single;
    let mut listed: Vec<(Date, f64)>;
    let points: &[(Date, f64)] = if indicator.targets.len() == 1 {
        single = [(base_date, base), (final_due, final_value)];
        &single
    } else {
        listed = indicator
            .targets
            .iter()
            .filter(|t| t.value.is_finite())
            .filter_map(|t| {
                let d = t.due.as_ref()?;
                Some((d.latest().or_else(|| d.earliest())?, t.value))
            })
            .filter(|(d, _)| *d > base_date && *d <= final_due)
            .collect();
        listed.sort_by_key(|a| a.0);
        listed.insert(0, (base_date, base));
        &listed
    };
    let mut value = final_value;
    for w in points.windows(2) {
        let ((d0, v0), (d1, v1)) = (w[0], w[1]);
        if reference <= d1 {
            let total = d0.days_until(d1);
            let t = if total > 0 {
                d0.days_until(reference) as f64 / total as f64
            } else {
                1.0
            };
            value = v0 + (v1 - v0) * t;
            break;
        }
    }
    unit((value - base) / (final_value - base))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_extremes_pick_as_max_by_and_min_by() {
        let d = |y, m, day| Date::from_ymd(y, m, day).unwrap();
        let today = d(2024, 6, 1);
        let periods = [
            Period::year(2022),
            Period::quarter(2022, 4),
            Period::year(2022),
            Period::until(Period::year(2023)),
            Period::since(Period::year(2022)),
            Period::day(d(2022, 12, 31)),
            Period::year(2025),
            Period::month(2022, 13),
            Period::quarter(2022, 1),
        ];
        // Every window of the list, so that ties and order vary.
        for start in 0..periods.len() {
            for end in start..=periods.len() {
                let obs: Vec<Observation> = periods[start..end]
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Observation {
                        value: i as f64,
                        period: p.clone(),
                        note: None,
                    })
                    .collect();
                let known: Vec<&Observation> = obs
                    .iter()
                    .filter(|o| o.period.earliest().is_none_or(|d| d <= today))
                    .collect();
                let max = known.iter().copied().max_by(|a, b| a.period.cmp(&b.period));
                let min = known.iter().copied().min_by(|a, b| a.period.cmp(&b.period));
                let (l, e, n) = known_extremes(&obs, today, true);
                assert_eq!(n, known.len());
                assert!(l.map(|o| o as *const _) == max.map(|o| o as *const _));
                assert!(e.map(|o| o as *const _) == min.map(|o| o as *const _));
                let (l, e, n) = known_extremes(&obs, today, false);
                assert_eq!(n, known.len());
                assert!(l.map(|o| o as *const _) == max.map(|o| o as *const _));
                assert!(e.is_none());
            }
        }
    }
}
