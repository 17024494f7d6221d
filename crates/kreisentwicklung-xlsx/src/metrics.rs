//! How wide text is (and how many characters a number shows) and how many
//! lines it wraps to, so that column widths and row heights can be written
//! into the file instead of left to the application: Excel fits rows to
//! wrapped text when it opens a file, LibreOffice does not, and a row too
//! low lets wrapped text run over the next row on screen and on paper.
//!
//! The model is a table of advance widths of Calibri (and its metric twin
//! Carlito, which LibreOffice uses in its place), measured in Excel's
//! column unit: the width of the digit `0` at 11 pt (7 pixels). It is
//! deliberately conservative: a cell estimated a little too wide gets a
//! little more room, never too little.

/// The height of one line of 11 pt text in points, with the room Excel and
/// LibreOffice leave between lines (Excel's default row is 15 pt).
pub(crate) const LINE_PT: f64 = 15.0;

/// The height Excel gives a row of default text.
pub(crate) const DEFAULT_ROW_PT: f64 = 15.0;

/// How much wider bold text is than regular text.
pub(crate) const BOLD: f64 = 1.07;

/// The width of a character of Calibri 11 in column units (the width of
/// `0`), rounded up. Characters the table does not know count as wide.
fn char_width(c: char) -> f64 {
    // Most characters are ASCII: their widths are computed once (the same
    // numbers, so the same column widths and row heights).
    match ASCII_WIDTHS.get(c as usize) {
        Some(&width) => width,
        None => width_of_units(units(c)),
    }
}

/// [`char_width`] of the ASCII characters.
const ASCII_WIDTHS: [f64; 128] = {
    let mut widths = [0.0; 128];
    let mut i = 0;
    while i < 128 {
        widths[i] = width_of_units(units(i as u8 as char));
        i += 1;
    }
    widths
};

/// A width in 1/2048 em of Calibri in column units.
const fn width_of_units(units: u16) -> f64 {
    // 1.06: a "0" is 7.4 pixels at 11 pt, the column unit only 7.
    units as f64 / 1038.0 * 1.06
}

/// The advance width of a character of Calibri in 1/2048 em (that of "0"
/// is 1038).
const fn units(c: char) -> u16 {
    match c {
        ' ' => 463,
        'i' | 'l' | 'I' | 'j' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' => 560,
        'f' | 'r' | 't' | '(' | ')' | '[' | ']' | '/' | '-' | '„' | '“' | '"' => 720,
        's' | 'z' | 'c' | 'J' => 880,
        'a' | 'e' | 'g' | 'k' | 'v' | 'x' | 'y' | 'ä' => 1000,
        'b' | 'd' | 'h' | 'n' | 'o' | 'p' | 'q' | 'u' | 'ö' | 'ü' | 'ß' => 1090,
        '0'..='9' | '+' | '=' | '<' | '>' | '€' | '$' | '#' | '_' | '*' | '?' => 1038,
        'm' => 1640,
        'w' => 1470,
        'M' => 1760,
        'W' => 1830,
        'E' | 'F' | 'L' | 'S' | 'T' | 'Y' | 'Z' | 'P' => 1010,
        'A' | 'B' | 'C' | 'K' | 'R' | 'V' | 'X' | 'Ä' => 1200,
        'D' | 'G' | 'H' | 'N' | 'O' | 'Q' | 'U' | 'Ö' | 'Ü' | '%' | '&' | '@' => 1380,
        '•' | '–' => 1100,
        _ => 1300,
    }
}

/// The estimated width of a line of text in column units.
pub(crate) fn line_width(line: &str) -> f64 {
    line.chars().map(char_width).sum()
}

/// The width of a text's longest line in column units.
pub(crate) fn text_width(text: &str) -> f64 {
    text.split('\n').map(line_width).fold(0.0, f64::max)
}

/// How many lines a text takes when wrapped to a column `width` units
/// wide (Excel and LibreOffice break at spaces; a word longer than the
/// line is broken inside). `scale` is the width factor of the font
/// relative to Calibri 11 (bold, larger sizes).
pub(crate) fn wrapped_lines(text: &str, width: f64, scale: f64) -> usize {
    // The cell's padding, and a safety margin.
    let room = (width - 0.8).max(1.0);
    let space = char_width(' ') * scale;
    let mut lines = 0;
    for line in text.split('\n') {
        lines += 1;
        let mut used = 0.0;
        for word in line.split(' ') {
            let w = line_width(word) * scale;
            if used > 0.0 && used + space + w > room {
                lines += 1;
                used = 0.0;
            } else if used > 0.0 {
                used += space;
            }
            if w > room {
                // A word longer than a line breaks inside.
                lines += (w / room).ceil() as usize - 1;
                used = w % room;
            } else {
                used += w;
            }
        }
    }
    lines
}

/// How many characters a value's `Display` writes, counted without keeping
/// the text (no allocation per cell).
pub(crate) fn display_chars(value: impl std::fmt::Display) -> usize {
    struct Count(usize);
    impl std::fmt::Write for Count {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0 += s.chars().count();
            Ok(())
        }
    }
    let mut count = Count(0);
    // Writing into a counter cannot fail.
    let _ = std::fmt::Write::write_fmt(&mut count, format_args!("{value}"));
    count.0
}

/// The number of decimal digits of a whole number.
pub(crate) fn digits(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// The length of `format!("{value}")` (Rust's shortest round-trip decimal,
/// never with an exponent), for the width of a number column.
///
/// Why not format: numbers are the most frequent cells (the values over
/// time), and formatting a float costs as much as writing the cell. A value
/// with at most three decimals (most data: 184, 190.69, 0.5) is measured
/// with integer arithmetic: if `s / 10^k` (correctly rounded by IEEE
/// division, like parsing the decimal) gives back the value, the decimal
/// with `k` places round-trips, and the first such `k` is the shortest
/// output. Below 2^50 the scaled value is accurate enough that no shorter
/// decimal is missed. Anything else is counted by formatting.
pub(crate) fn number_len(value: f64) -> usize {
    const LIMIT: f64 = (1u64 << 50) as f64;
    let sign = usize::from(value.is_sign_negative());
    let abs = value.abs();
    let mut scale = 1.0;
    let mut pow = 1u64;
    for k in 0..=3usize {
        let scaled = (abs * scale).round();
        if scaled >= LIMIT {
            break;
        }
        if scaled / scale == abs {
            let int = digits(scaled as u64 / pow);
            return sign + int + if k == 0 { 0 } else { 1 + k };
        }
        scale *= 10.0;
        pow *= 10;
    }
    display_chars(value)
}

#[cfg(test)]
mod tests {
    use kreisentwicklung_core::Euro;

    use super::*;

    #[test]
    fn short_text_is_one_line() {
        assert_eq!(wrapped_lines("Radweg", 20.0, 1.0), 1);
        assert_eq!(wrapped_lines("", 20.0, 1.0), 1);
    }

    #[test]
    fn long_text_wraps_and_line_breaks_count() {
        let text =
            "Förderung der Innenentwicklung und Sicherung der Grundversorgung in den Dörfern";
        let lines = wrapped_lines(text, 30.0, 1.0);
        assert!((3..=4).contains(&lines), "{lines}");
        assert_eq!(wrapped_lines("a\nb\nc", 30.0, 1.0), 3);
        assert!(wrapped_lines(text, 30.0, BOLD) >= lines);
    }

    #[test]
    fn a_long_word_breaks_inside() {
        let word = "Breitbandausbauförderrichtlinienumsetzung";
        assert!(wrapped_lines(word, 10.0, 1.0) >= 4);
    }

    #[test]
    fn widths_are_conservative_for_capitals() {
        assert!(text_width("WWWW") > text_width("iiii") * 2.0);
        assert!(text_width("0000000000") >= 10.0);
    }

    #[test]
    fn number_len_is_the_formatted_length() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.0,
            9.0,
            10.0,
            184.0,
            190.69,
            0.1,
            0.2,
            0.3,
            0.05,
            0.001,
            0.0001,
            1e-7,
            99.995,
            9.999,
            1e15,
            1e16,
            1e20,
            123456789.123,
            0.1 + 0.2,
            2.0f64.powi(50),
            2.0f64.powi(50) - 1.0,
            2.0f64.powi(53) + 2.0,
            1e300,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            1.0 / 3.0,
            2.675,
            1.005,
            4.35,
            0.015,
        ];
        // Two-decimal data, large and small magnitudes and arbitrary bits.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..200_000u64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push((x % 10_000_000) as f64 / 100.0);
            values.push(-((x % 1_000_000_000) as f64) / 1000.0);
            values.push((x % 100_000) as f64 / 10f64.powi((i % 8) as i32));
            values.push(x as f64 / 1e4);
            let bits = f64::from_bits(x);
            if bits.is_finite() {
                values.push(bits);
            }
        }
        for v in values {
            assert_eq!(number_len(v), format!("{v}").len(), "{v:?}");
        }
    }

    #[test]
    fn counted_widths_are_the_formatted_ones() {
        for n in [0u64, 1, 9, 10, 99, 100, 12_345, u64::MAX] {
            assert_eq!(digits(n), n.to_string().len());
        }
        let amount = Euro::from_euros(1_234_567);
        assert_eq!(display_chars(amount), amount.to_string().chars().count());
        for p in [0.0, 0.5, 49.5, 50.5, -0.4, 123.456, 1e9] {
            assert_eq!(
                display_chars(format_args!("{p:.0}")),
                format!("{p:.0}").len()
            );
        }
    }
}
