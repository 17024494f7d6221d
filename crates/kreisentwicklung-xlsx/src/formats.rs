//! Cell formats, created once per workbook.

use kreisentwicklung_core::Language;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

/// Date cells: `dd.mm.yyyy`.
pub(crate) const DATE_FORMAT: &str = "dd.mm.yyyy";
/// Amounts in euros; shows as `1.234,50 €` in German Excel.
pub(crate) const EURO_FORMAT: &str = "#,##0.00 \"€\"";
/// Shares: `50 %`.
pub(crate) const PERCENT_FORMAT: &str = "0 %";

/// The deepest indentation used for goals (Excel's outline levels stop at 7).
pub(crate) const MAX_INDENT: usize = 7;

/// How a cell shows its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// Short text on one line.
    Text,
    /// Longer text, wrapped within the column width.
    Wrap,
    /// A date.
    Date,
    /// A plain number.
    Number,
    /// A whole number (counts).
    Integer,
    /// An amount in euros.
    Euro,
    /// A share (0.5 shows as 50 %).
    Percent,
    /// A hyperlink.
    Link,
}

impl Style {
    /// Every style, in declaration order (`Style as usize` indexes it).
    pub(crate) const ALL: [Style; 8] = [
        Style::Text,
        Style::Wrap,
        Style::Date,
        Style::Number,
        Style::Integer,
        Style::Euro,
        Style::Percent,
        Style::Link,
    ];
}

/// Default row height and column width in pixels of Calibri 11, the
/// default font (needed to set a default format; the same as without one).
pub(crate) const DEFAULT_ROW_PX: u32 = 20;
/// See [`DEFAULT_ROW_PX`].
pub(crate) const DEFAULT_COL_PX: u32 = 64;

/// The formats of one workbook.
pub(crate) struct Formats {
    /// The workbook's default format (Calibri 11, top-aligned): text and
    /// number cells, the most of a catalogue's cells, have it and so need
    /// no style attribute (7 % less XML to write and compress at 100,000
    /// measures).
    pub base: Format,
    /// Looks like `base` but is a format of its own, for cells of a style
    /// whose format is `base` in a column with another format: a cell with
    /// the default format would show the column's (`rust_xlsxwriter`, like
    /// Excel, gives unformatted cells the column format), so that a number
    /// in a percentage column would show as a percentage.
    pub plain: Format,
    pub header: Format,
    pub title: Format,
    pub section: Format,
    pub label: Format,
    text: [Format; 2],
    wrap: [Format; 2],
    link: [Format; 2],
    /// Text indented by goal level, wrapped; bold on level 0.
    indent: Vec<[Format; 2]>,
    pub date: Format,
    pub number: Format,
    pub integer: Format,
    pub approx: Format,
    pub euro: Format,
    pub percent: Format,
    pub green: Format,
    pub yellow: Format,
    pub red: Format,
    pub grey: Format,
    /// Per style, the first style with the same column format (Text and
    /// Number are both just top-aligned): a cell of one needs no format of
    /// its own in a column of the other.
    canonical: [Style; Style::ALL.len()],
    /// Per style, whether its column format is `base`.
    is_base: [bool; Style::ALL.len()],
    /// Every format above and its quote-prefixed twin ([`Formats::all`]).
    all: Vec<Format>,
}

fn top() -> Format {
    Format::new().set_align(FormatAlign::Top)
}

/// The same format, and the same with a quote prefix.
fn pair(f: Format) -> [Format; 2] {
    let q = f.clone().set_quote_prefix();
    [f, q]
}

impl Formats {
    pub(crate) fn new(lang: Language) -> Self {
        let approx = match lang {
            Language::De => "\"ca. \"0",
            Language::En => "\"approx. \"0",
        };
        let mut formats = Formats {
            canonical: Style::ALL,
            is_base: [false; Style::ALL.len()],
            all: Vec::new(),
            base: top(),
            plain: top().set_num_format("General"),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border_bottom(FormatBorder::Thin),
            title: Format::new().set_bold().set_font_size(14),
            section: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_border_bottom(FormatBorder::Thin),
            label: top().set_bold(),
            text: pair(top()),
            wrap: pair(top().set_text_wrap()),
            link: pair(top().set_hyperlink()),
            indent: (0..=MAX_INDENT)
                .map(|level| {
                    // An indent shows only with a horizontal alignment.
                    let mut f = top().set_text_wrap().set_align(FormatAlign::Left);
                    if level > 0 {
                        f = f.set_indent(level as u8 * 2);
                    } else {
                        f = f.set_bold();
                    }
                    pair(f)
                })
                .collect(),
            date: top()
                .set_num_format(DATE_FORMAT)
                .set_align(FormatAlign::Left),
            number: top(),
            integer: top().set_num_format("0"),
            approx: top().set_num_format(approx),
            euro: top().set_num_format(EURO_FORMAT),
            percent: top().set_num_format(PERCENT_FORMAT),
            green: Format::new()
                .set_background_color(Color::RGB(0xC6EFCE))
                .set_font_color(Color::RGB(0x006100)),
            yellow: Format::new()
                .set_background_color(Color::RGB(0xFFEB9C))
                .set_font_color(Color::RGB(0x9C5700)),
            red: Format::new()
                .set_background_color(Color::RGB(0xFFC7CE))
                .set_font_color(Color::RGB(0x9C0006)),
            grey: Format::new()
                .set_background_color(Color::RGB(0xE7E6E6))
                .set_font_color(Color::RGB(0x3A3838)),
        };
        let (mut canonical, mut is_base) = (Style::ALL, [false; Style::ALL.len()]);
        for style in Style::ALL {
            let format = formats.for_style(style);
            canonical[style as usize] = Style::ALL
                .into_iter()
                .find(|&other| formats.for_style(other) == format)
                .unwrap_or(style);
            is_base[style as usize] = *format == formats.base;
        }
        formats.canonical = canonical;
        formats.is_base = is_base;
        formats.all = formats.enumerate();
        formats
    }

    /// Every format a sheet can give a cell: each of the workbook's formats
    /// and the same with a quote prefix (the only change sheets make to
    /// one), in a fixed order. Streamed sheets register them up front (see
    /// `book.rs`); a format outside this list would make the file depend
    /// on which thread wrote which sheet.
    pub(crate) fn all(&self) -> &[Format] {
        &self.all
    }

    fn enumerate(&self) -> Vec<Format> {
        let singles = [
            &self.base,
            &self.plain,
            &self.header,
            &self.title,
            &self.section,
            &self.label,
            &self.date,
            &self.number,
            &self.integer,
            &self.approx,
            &self.euro,
            &self.percent,
            &self.green,
            &self.yellow,
            &self.red,
            &self.grey,
        ];
        let pairs = [&self.text, &self.wrap, &self.link]
            .into_iter()
            .chain(&self.indent)
            .flat_map(|pair| pair.iter());
        let mut all: Vec<Format> = Vec::new();
        for format in singles
            .into_iter()
            .flat_map(|f| [f.clone(), f.clone().set_quote_prefix()])
            .chain(pairs.cloned())
        {
            if !all.contains(&format) {
                all.push(format);
            }
        }
        all
    }

    /// True when `format` is one of [`Formats::all`].
    pub(crate) fn knows(&self, format: &Format) -> bool {
        self.all.contains(format)
    }

    /// The first style whose column format is that of `style` (Text for
    /// Number): styles that look alike count as one.
    pub(crate) fn canonical(&self, style: Style) -> Style {
        self.canonical[style as usize]
    }

    /// True when the column format of `style` is the workbook's default
    /// format, which cells without a format and outside any formatted
    /// column show.
    pub(crate) fn is_base(&self, style: Style) -> bool {
        self.is_base[style as usize]
    }

    /// The format for text in the given style, with a quote prefix when the
    /// text would otherwise read as a formula.
    pub(crate) fn for_text(&self, style: Style, quoted: bool) -> &Format {
        let pair = match style {
            Style::Wrap => &self.wrap,
            Style::Link => &self.link,
            _ => &self.text,
        };
        &pair[usize::from(quoted)]
    }

    /// The format of a column of the given style (what cells without a
    /// format of their own show).
    pub(crate) fn for_style(&self, style: Style) -> &Format {
        match style {
            Style::Text | Style::Link => &self.text[0],
            Style::Wrap => &self.wrap[0],
            Style::Date => &self.date,
            Style::Number => &self.number,
            Style::Integer => &self.integer,
            Style::Euro => &self.euro,
            Style::Percent => &self.percent,
        }
    }

    /// The format for a goal at an indentation level.
    pub(crate) fn indented(&self, level: usize, quoted: bool) -> &Format {
        &self.indent[level.min(MAX_INDENT)][usize::from(quoted)]
    }
}

/// True when Excel (or a program reading the file saved as CSV) could take
/// the text for a formula: it starts with `=`, `+`, `-` or `@`, or with a
/// tab or carriage return that some programs strip before such a character.
pub(crate) fn looks_like_formula(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    ) || text.starts_with('\u{FF1D}') // full-width equals sign, read as "=" by Excel
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text() {
        for t in ["=1", "+1", "-1", "@A1", "\t=1", "\r=1", "\u{FF1D}1"] {
            assert!(looks_like_formula(t), "{t:?}");
        }
        for t in ["", "1", "Radweg", " =1", "'=1"] {
            assert!(!looks_like_formula(t), "{t:?}");
        }
    }
}
