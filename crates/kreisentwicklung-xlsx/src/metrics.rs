//! How wide text is and how many lines it wraps to, so that column widths
//! and row heights can be written into the file instead of left to the
//! application: Excel fits rows to wrapped text when it opens a file,
//! LibreOffice does not, and a row too low lets wrapped text run over the
//! next row on screen and on paper.
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
    // Advance widths of Calibri in 1/2048 em, divided by that of "0" (1038).
    let units = match c {
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
    };
    // 1.06: a "0" is 7.4 pixels at 11 pt, the column unit only 7.
    f64::from(units) / 1038.0 * 1.06
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

#[cfg(test)]
mod tests {
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
}
