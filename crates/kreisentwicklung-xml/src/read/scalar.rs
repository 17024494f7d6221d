//! Scalar values as the XSD types write them: integers, decimal numbers and
//! amounts in euros (the lexical spaces of `xs:int`, `xs:double` without
//! INF/NaN, and a decimal with at most two places).

use kreisentwicklung_core::{Euro, MAX_EUROS};

/// An integer as `xs:int` and friends write it: optional sign, digits.
pub(super) fn parse_int<T: std::str::FromStr>(s: &str) -> Option<T> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Rust's parsers accept a leading '+' as XML Schema does.
    s.parse().ok()
}

/// A finite `xs:double`: decimal or scientific notation, no INF or NaN.
pub(super) fn parse_number(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        digits += i - frac_start;
    }
    if digits == 0 {
        return None;
    }
    if i < b.len() && matches!(b[i], b'e' | b'E') {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// An amount as `xs:decimal` with at most two significant decimals.
pub(super) fn parse_euro(s: &str) -> Result<Euro, &'static str> {
    const BAD: &str = "is not an amount in euros such as 125000 or 125000.50";
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (rest.contains('.') && int.is_empty() && frac.is_empty())
    {
        return Err(BAD);
    }
    let frac_bytes = frac.as_bytes();
    if frac_bytes.len() > 2 && frac_bytes[2..].iter().any(|&b| b != b'0') {
        return Err("has more than two decimals");
    }
    let int = int.trim_start_matches('0');
    if int.len() > 13 {
        return Err("exceeds the largest amount");
    }
    let euros: i64 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| BAD)?
    };
    let mut cents_part = 0i64;
    for (k, &b) in frac_bytes.iter().take(2).enumerate() {
        cents_part += i64::from(b - b'0') * if k == 0 { 10 } else { 1 };
    }
    if euros > MAX_EUROS || (euros == MAX_EUROS && cents_part > 0) {
        return Err("exceeds the largest amount");
    }
    let cents = euros * 100 + cents_part;
    Ok(Euro::from_cents(if neg { -cents } else { cents }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for (s, v) in [
            ("42", 42.0),
            ("-0.5", -0.5),
            ("+1.5E6", 1.5e6),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e-7", 1e-7),
        ] {
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
        for s in [
            "", "INF", "NaN", "inf", "1e", "e5", ".", "1,5", "0x10", "1e999",
        ] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_euro("125000.50"), Ok(Euro::from_cents(12_500_050)));
        assert_eq!(parse_euro("7"), Ok(Euro::from_euros(7)));
        assert_eq!(parse_euro("-0.05"), Ok(Euro::from_cents(-5)));
        assert_eq!(parse_euro("1.500"), Ok(Euro::from_cents(150)));
        assert_eq!(parse_euro(".5"), Ok(Euro::from_cents(50)));
        assert_eq!(parse_euro("1000000000000"), Ok(Euro::from_euros(MAX_EUROS)));
        assert!(parse_euro("1000000000000.01").is_err());
        assert!(parse_euro("1.005").is_err());
        assert!(parse_euro("").is_err());
        assert!(parse_euro(".").is_err());
        assert!(parse_euro("1e3").is_err());
        assert!(parse_euro("99999999999999999999").is_err());
    }

    #[test]
    fn integers() {
        assert_eq!(parse_int::<i32>("+2019"), Some(2019));
        assert_eq!(parse_int::<i32>("-5"), Some(-5));
        assert_eq!(parse_int::<u8>("300"), None);
        assert_eq!(parse_int::<u8>("1_0"), None);
        assert_eq!(parse_int::<u8>(""), None);
        assert_eq!(parse_int::<u8>("+"), None);
    }
}
