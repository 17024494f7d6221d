//! The serde layer: `Deserialize` by hand, reading the object form the
//! derived `Serialize` writes.

use std::fmt;

use ::serde::Deserialize;

use super::*;

// ---------------------------------------------------------------------------
// Deserialization
// ---------------------------------------------------------------------------

/// The `kind` names, in the order of the variants.
const KINDS: &[&str] = Period::KINDS;

/// The variant a `kind` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Day,
    Days,
    DateRange,
    Month,
    Months,
    MonthRange,
    Quarter,
    Quarters,
    HalfYear,
    Year,
    YearRange,
    PartOfYear,
    TurnOfYear,
    Since,
    Until,
    PartOf,
    Deadline,
    Between,
}

impl Kind {
    /// The variants in the order of [`KINDS`].
    const ALL: [Kind; 18] = [
        Kind::Day,
        Kind::Days,
        Kind::DateRange,
        Kind::Month,
        Kind::Months,
        Kind::MonthRange,
        Kind::Quarter,
        Kind::Quarters,
        Kind::HalfYear,
        Kind::Year,
        Kind::YearRange,
        Kind::PartOfYear,
        Kind::TurnOfYear,
        Kind::Since,
        Kind::Until,
        Kind::PartOf,
        Kind::Deadline,
        Kind::Between,
    ];

    fn from_name(name: &str) -> Option<Kind> {
        let i = KINDS.iter().position(|k| *k == name)?;
        Kind::ALL.get(i).copied()
    }
}

const _: () = assert!(Kind::ALL.len() == KINDS.len());

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl ::serde::de::Visitor<'_> for V {
            type Value = Kind;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a period kind such as \"year\"")
            }
            fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<Kind, E> {
                Kind::from_name(v).ok_or_else(|| E::unknown_variant(v, KINDS))
            }
        }
        d.deserialize_str(V)
    }
}

/// A member of a period object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Kind,
    Date,
    Dates,
    From,
    To,
    Year,
    Month,
    Months,
    Quarter,
    Half,
    Part,
    Start,
    End,
    Of,
    /// None of a period's.
    Other,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Date => "date",
            Field::Dates => "dates",
            Field::From => "from",
            Field::To => "to",
            Field::Year => "year",
            Field::Month => "month",
            Field::Months => "months",
            Field::Quarter => "quarter",
            Field::Half => "half",
            Field::Part => "part",
            Field::Start => "start",
            Field::End => "end",
            Field::Of => "of",
            Field::Other => "",
        }
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl ::serde::de::Visitor<'_> for V {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: ::serde::de::Error>(self, v: &str) -> Result<Field, E> {
                Ok(match v {
                    "kind" => Field::Kind,
                    "date" => Field::Date,
                    "dates" => Field::Dates,
                    "from" => Field::From,
                    "to" => Field::To,
                    "year" => Field::Year,
                    "month" => Field::Month,
                    "months" => Field::Months,
                    "quarter" => Field::Quarter,
                    "half" => Field::Half,
                    "part" => Field::Part,
                    "start" => Field::Start,
                    "end" => Field::End,
                    "of" => Field::Of,
                    _ => Field::Other,
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

/// The fields read so far; `from` and `to` in the type of the kind.
#[derive(Default)]
struct Parts {
    date: Option<Date>,
    dates: Option<Vec<Date>>,
    year: Option<i32>,
    month: Option<u8>,
    months: Option<Vec<u8>>,
    quarter: Option<u8>,
    half: Option<u8>,
    part: Option<YearPart>,
    start: Option<Box<Period>>,
    end: Option<Box<Period>>,
    of: Option<Box<Period>>,
    from_date: Option<Date>,
    to_date: Option<Date>,
    from_month: Option<YearMonth>,
    to_month: Option<YearMonth>,
    from_small: Option<u8>,
    to_small: Option<u8>,
    from_year: Option<i32>,
    to_year: Option<i32>,
}

/// Where the value of a field comes from: the map being read, or a value
/// buffered because it came before `kind`.
trait Source<'de> {
    type Error: ::serde::de::Error;
    fn take<T: ::serde::de::DeserializeOwned>(self) -> Result<Option<T>, Self::Error>;
    fn skip(self) -> Result<(), Self::Error>;
}

impl<'de, A: ::serde::de::MapAccess<'de>> Source<'de> for &mut A {
    type Error = A::Error;

    fn take<T: ::serde::de::DeserializeOwned>(self) -> Result<Option<T>, A::Error> {
        self.next_value().map(Some)
    }

    fn skip(self) -> Result<(), A::Error> {
        self.next_value::<::serde::de::IgnoredAny>().map(|_| ())
    }
}

/// A buffered value; its errors become custom errors of the map.
struct Buffered<E>(serde_json::Value, std::marker::PhantomData<E>);

impl<E: ::serde::de::Error> Source<'_> for Buffered<E> {
    type Error = E;

    fn take<T: ::serde::de::DeserializeOwned>(self) -> Result<Option<T>, E> {
        T::deserialize(self.0).map(Some).map_err(E::custom)
    }

    fn skip(self) -> Result<(), E> {
        Ok(())
    }
}

impl Parts {
    /// Reads the value of `field` into its slot if `kind` has the field,
    /// else skips it (as an unknown field).
    fn put<'de, S: Source<'de>>(
        &mut self,
        kind: Kind,
        field: Field,
        src: S,
    ) -> Result<(), S::Error> {
        use Kind as K;
        match (kind, field) {
            (K::Day, Field::Date) => self.date = src.take()?,
            (K::Days, Field::Dates) => self.dates = src.take()?,
            (K::DateRange, Field::From) => self.from_date = src.take()?,
            (K::DateRange, Field::To) => self.to_date = src.take()?,
            (
                K::Month
                | K::Months
                | K::Quarter
                | K::Quarters
                | K::HalfYear
                | K::Year
                | K::PartOfYear
                | K::TurnOfYear,
                Field::Year,
            ) => self.year = src.take()?,
            (K::Month, Field::Month) => self.month = src.take()?,
            (K::Months, Field::Months) => self.months = src.take()?,
            (K::MonthRange, Field::From) => self.from_month = src.take()?,
            (K::MonthRange, Field::To) => self.to_month = src.take()?,
            (K::Quarter, Field::Quarter) => self.quarter = src.take()?,
            (K::Quarters, Field::From) => self.from_small = src.take()?,
            (K::Quarters, Field::To) => self.to_small = src.take()?,
            (K::HalfYear, Field::Half) => self.half = src.take()?,
            (K::YearRange, Field::From) => self.from_year = src.take()?,
            (K::YearRange, Field::To) => self.to_year = src.take()?,
            (K::PartOfYear | K::PartOf, Field::Part) => self.part = src.take()?,
            (K::PartOf, Field::Of) => self.of = src.take()?,
            (K::Since | K::Between, Field::Start) => self.start = src.take()?,
            (K::Until | K::Deadline | K::Between, Field::End) => self.end = src.take()?,
            _ => src.skip()?,
        }
        Ok(())
    }

    /// The period of `kind`; a missing field is an error naming the first
    /// missing one in the order of the variant's fields.
    fn finish<E: ::serde::de::Error>(self, kind: Kind) -> Result<Period, E> {
        fn need<T, E: ::serde::de::Error>(v: Option<T>, name: &'static str) -> Result<T, E> {
            v.ok_or_else(|| E::missing_field(name))
        }
        Ok(match kind {
            Kind::Day => Period::Day {
                date: need(self.date, "date")?,
            },
            Kind::Days => Period::Days {
                dates: need(self.dates, "dates")?,
            },
            Kind::DateRange => Period::DateRange {
                from: need(self.from_date, "from")?,
                to: need(self.to_date, "to")?,
            },
            Kind::Month => Period::Month {
                year: need(self.year, "year")?,
                month: need(self.month, "month")?,
            },
            Kind::Months => Period::Months {
                year: need(self.year, "year")?,
                months: need(self.months, "months")?,
            },
            Kind::MonthRange => Period::MonthRange {
                from: need(self.from_month, "from")?,
                to: need(self.to_month, "to")?,
            },
            Kind::Quarter => Period::Quarter {
                year: need(self.year, "year")?,
                quarter: need(self.quarter, "quarter")?,
            },
            Kind::Quarters => Period::Quarters {
                year: need(self.year, "year")?,
                from: need(self.from_small, "from")?,
                to: need(self.to_small, "to")?,
            },
            Kind::HalfYear => Period::HalfYear {
                year: need(self.year, "year")?,
                half: need(self.half, "half")?,
            },
            Kind::Year => Period::Year {
                year: need(self.year, "year")?,
            },
            Kind::YearRange => Period::YearRange {
                from: need(self.from_year, "from")?,
                to: need(self.to_year, "to")?,
            },
            Kind::PartOfYear => Period::PartOfYear {
                year: need(self.year, "year")?,
                part: need(self.part, "part")?,
            },
            Kind::TurnOfYear => Period::TurnOfYear {
                year: need(self.year, "year")?,
            },
            Kind::Since => Period::Since {
                start: need(self.start, "start")?,
            },
            Kind::Until => Period::Until {
                end: need(self.end, "end")?,
            },
            Kind::PartOf => Period::PartOf {
                part: need(self.part, "part")?,
                of: need(self.of, "of")?,
            },
            Kind::Deadline => Period::Deadline {
                end: need(self.end, "end")?,
            },
            Kind::Between => Period::Between {
                start: need(self.start, "start")?,
                end: need(self.end, "end")?,
            },
        })
    }
}

/// Reads the object form the derived `Serialize` writes
/// (`{"kind": "halfYear", "year": 2019, "half": 2}`), with the errors of
/// the derived form: ``unknown variant `halbjahr`, expected one of …``,
/// ``missing field `half` ``, ``duplicate field `year` ``; the type error
/// of a field is reported at the field (`….period.year`). Members the kind
/// does not have are skipped like unknown fields. `kind` may come anywhere;
/// members before it are buffered until it is known.
impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> ::serde::de::Visitor<'de> for V {
            type Value = Period;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a period (an object with \"kind\" and its fields)")
            }

            fn visit_map<A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Period, A::Error> {
                let mut kind = None;
                let mut parts = Parts::default();
                // Fields before `kind`, rare: the library writes it first.
                let mut early: Vec<(Field, serde_json::Value)> = Vec::new();
                let mut seen = 0u16;
                while let Some(field) = map.next_key::<Field>()? {
                    if field != Field::Other {
                        let bit = 1u16 << field as u16;
                        if seen & bit != 0 {
                            return Err(::serde::de::Error::duplicate_field(field.name()));
                        }
                        seen |= bit;
                    }
                    match (field, kind) {
                        (Field::Kind, _) => {
                            let k: Kind = map.next_value()?;
                            kind = Some(k);
                            for (field, value) in early.drain(..) {
                                parts.put(k, field, Buffered(value, std::marker::PhantomData))?;
                            }
                        }
                        (Field::Other, _) => {
                            map.next_value::<::serde::de::IgnoredAny>()?;
                        }
                        (_, Some(k)) => parts.put(k, field, &mut map)?,
                        (_, None) => early.push((field, map.next_value()?)),
                    }
                }
                let kind = kind.ok_or_else(|| ::serde::de::Error::missing_field("kind"))?;
                parts.finish(kind)
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_reads_back_every_kind_and_any_member_order() {
        let texts = [
            "12.02.2019",
            "07. und 10.03.2016",
            "18.04.2016 bis 15.06.2016",
            "November 2017",
            "April/Mai/Juni 2016",
            "November 2015 bis März 2016",
            "3. Quartal 2019",
            "1. bis 3. Quartal 2019",
            "2. Halbjahr 2019",
            "2019",
            "2018–2021",
            "Ende 2018",
            "Ende 2018 / Anfang 2019",
            "ab Juni 2019",
            "bis Ende 2018",
            "Ende des 1. Quartals 2025",
            "bis spätestens Oktober 2018",
            "ab Juni 2019 bis Anfang 2020",
        ];
        let mut kinds = std::collections::BTreeSet::new();
        for text in texts {
            let p: Period = text.parse().unwrap();
            let json = serde_json::to_value(&p).unwrap();
            kinds.insert(json["kind"].as_str().unwrap().to_owned());
            assert_eq!(serde_json::from_value::<Period>(json.clone()).unwrap(), p);
            let s = serde_json::to_string(&p).unwrap();
            assert_eq!(serde_json::from_str::<Period>(&s).unwrap(), p, "{s}");
            // `kind` last, and an unknown member in between.
            let mut members: Vec<_> = json.as_object().unwrap().clone().into_iter().collect();
            members.rotate_left(1);
            members.insert(1, ("colour".to_owned(), serde_json::json!({"r": [1]})));
            let reordered = format!(
                "{{{}}}",
                members
                    .iter()
                    .map(|(k, v)| format!("{k:?}: {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            assert_eq!(
                serde_json::from_str::<Period>(&reordered).unwrap(),
                p,
                "{reordered}"
            );
        }
        assert_eq!(kinds.len(), KINDS.len());
        assert!(kinds.iter().all(|k| KINDS.contains(&k.as_str())));
    }

    #[test]
    fn json_errors_say_what_is_wrong() {
        let e = |s: &str| serde_json::from_str::<Period>(s).unwrap_err().to_string();
        assert!(e(r#"{"kind": "halbjahr", "year": 2019}"#)
            .starts_with("unknown variant `halbjahr`, expected one of `day`, `days`, `dateRange`"));
        assert!(e(r#"{"kind": "halfYear", "year": 2019}"#).starts_with("missing field `half`"));
        assert!(e(r#"{"year": 2019}"#).starts_with("missing field `kind`"));
        assert!(e(r#"{"kind": "year", "year": 2019, "year": 2020}"#)
            .starts_with("duplicate field `year`"));
        assert!(e(r#"{"kind": "year", "kind": "year", "year": 2019}"#)
            .starts_with("duplicate field `kind`"));
        assert!(e(r#"{"kind": "year", "year": "2019"}"#)
            .starts_with("invalid type: string \"2019\", expected i32"));
        assert!(e(r#"{"year": "2019", "kind": "year"}"#)
            .starts_with("invalid type: string \"2019\", expected i32"));
        assert!(e(r#"{"kind": "day", "date": "2019-02-30"}"#)
            .starts_with("invalid date \"2019-02-30\": day does not exist"));
        assert!(
            e(r#"{"kind": 3}"#).starts_with("invalid type: integer `3`, expected a period kind")
        );
        assert!(e(r#"["year", 2019]"#).starts_with("invalid type: sequence, expected a period"));
        assert!(e(r#""2019""#).starts_with("invalid type: string \"2019\", expected a period"));
        // A member of another kind is skipped, whatever its type.
        assert_eq!(
            serde_json::from_str::<Period>(r#"{"kind": "year", "year": 2019, "month": "x"}"#)
                .unwrap(),
            Period::Year { year: 2019 }
        );
    }
}
