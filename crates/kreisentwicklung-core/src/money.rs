//! Amounts of money in euros.

use std::fmt;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount in euros, held exactly in cents.
///
/// Serialized as a JSON number with at most two decimals (`125000.5`);
/// more decimals are an error rather than silently rounded.
///
/// ```
/// use kreisentwicklung_core::Euro;
///
/// let e = Euro::from_cents(12_500_050);
/// assert_eq!(e.to_string(), "125.000,50 €");
/// assert_eq!(Euro::from_euros(125_000).cents(), 12_500_000);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Euro(i64);

/// The largest amount accepted, in whole euros (a thousand billion).
pub const MAX_EUROS: i64 = 1_000_000_000_000;

impl Euro {
    /// An amount in cents.
    pub const fn from_cents(cents: i64) -> Self {
        Euro(cents)
    }

    /// An amount in whole euros.
    pub const fn from_euros(euros: i64) -> Self {
        Euro(euros.saturating_mul(100))
    }

    /// The amount in cents.
    pub const fn cents(self) -> i64 {
        self.0
    }

    /// The amount in euros as a floating-point number (for spreadsheets).
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// The amount from a number of euros with at most two decimals.
    pub fn try_from_f64(v: f64) -> Result<Self, String> {
        if !v.is_finite() {
            return Err(format!("amount {v} is not a finite number"));
        }
        if v.abs() > MAX_EUROS as f64 {
            return Err(format!("amount {v} exceeds {MAX_EUROS} euros"));
        }
        let cents = (v * 100.0).round();
        if (cents - v * 100.0).abs() > 1e-6 * v.abs().max(1.0) {
            return Err(format!("amount {v} has more than two decimals"));
        }
        Ok(Euro(cents as i64))
    }
}

impl fmt::Display for Euro {
    /// German notation: `1.234,50 €`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (euros, cents) = (abs / 100, abs % 100);
        let digits = euros.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(c);
        }
        write!(f, "{sign}{grouped},{cents:02} €")
    }
}

impl Serialize for Euro {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 100 == 0 {
            s.serialize_i64(self.0 / 100)
        } else {
            s.serialize_f64(self.as_f64())
        }
    }
}

impl<'de> Deserialize<'de> for Euro {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Euro;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount in euros with at most two decimals")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Euro, E> {
                if v.abs() > MAX_EUROS {
                    return Err(E::custom(format!("amount {v} exceeds {MAX_EUROS} euros")));
                }
                Ok(Euro::from_euros(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Euro, E> {
                i64::try_from(v)
                    .map_err(|_| E::custom(format!("amount {v} exceeds {MAX_EUROS} euros")))
                    .and_then(|v| self.visit_i64(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Euro, E> {
                Euro::try_from_f64(v).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Euro {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Euro".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An amount in euros with at most two decimals.",
            "type": "number",
            "minimum": -1_000_000_000_000i64,
            "maximum": 1_000_000_000_000i64
        })
    }
}
