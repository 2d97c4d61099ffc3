//! `import`: reading an office's own file (Word, LibreOffice, Excel, CSV,
//! HTML, the text of a PIAO table) into a catalogue of units, and writing
//! one unit file per unit.
//!
//! Every reader turns its format into the same [`Table`]s of rows, cells
//! and paragraphs, keeping where each cell came from; [`catalogue`] alone
//! decides what a table means (headers, wide or long shape, continued
//! rows); [`unit_yaml`] writes a unit file's text, `update` edits the file
//! of a unit the site has, [`target`] plans what happens to `content/`.
//! Readers never decide, and only `cmd::import` calls the writes.

pub(crate) mod catalogue;
mod delimited;
mod docx;
mod html;
pub(crate) mod lists;
mod odt;
mod piao;
mod sheet;
pub(crate) mod sito;
mod table;
pub(crate) mod target;
pub(crate) mod unit_yaml;
mod update;
mod xml;

use std::fmt;
use std::path::Path;

use crate::i18n::t;

/// A table read from the source file, in the order of the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Table {
    /// How the user finds it: `table 2`, `sheet Foglio1`, `lines`.
    pub label: String,
    /// How rows and cells are named in the report.
    pub places: Places,
    pub rows: Vec<Row>,
    /// Lines of a text that are not rows of its table (no tab), for the
    /// report: where each is (`line 3`) and its text.
    pub unread: Vec<(String, String)>,
    /// The paragraphs of a document outside its tables, for the report
    /// (on the document's first table).
    pub outside: Outside,
    /// A sheet hidden in the workbook, not asked for by `--sheet`: not
    /// read, only named in the report.
    pub hidden: bool,
}

/// Paragraphs of a document outside its tables, in order: how many, the
/// first, and each one kept (for `lists`, which reads lists under a lead-in).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Outside {
    pub count: usize,
    pub first: String,
    pub paras: Vec<Loose>,
}

/// A paragraph outside the tables, or a line of a text that is not a row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Loose {
    /// Where it is, for the report: `paragraph 12`, `line 7`.
    pub place: String,
    /// Its text (lines kept).
    pub text: String,
    /// A list item of the document (`<li>`, Word numbering, `text:list-item`).
    pub listed: bool,
    /// In a page's menus, header, footer or sidebar (`<nav>`, `<header>`,
    /// `<footer>`, `<aside>`): never the act.
    pub chrome: bool,
    /// The first item of a list of a page (`<ul>`, `<ol>`): the list
    /// before it, if any, has ended.
    pub starts_list: bool,
}

impl Outside {
    #[cfg(test)]
    pub(crate) fn add(&mut self, text: &str) {
        self.keep(Para {
            text: text.to_string(),
            listed: false,
        });
    }

    /// Adds a paragraph, numbered in the order of the document.
    pub(crate) fn keep(&mut self, p: Para) {
        self.keep_marked(p, false, false);
    }

    /// Adds a paragraph; `chrome`: of a page's menus, header or footer;
    /// `starts_list`: the first item of a list of a page.
    pub(crate) fn keep_marked(&mut self, p: Para, chrome: bool, starts_list: bool) {
        if p.text.trim().is_empty() {
            return;
        }
        if self.count == 0 {
            self.first = collapse(&p.text);
        }
        self.count += 1;
        self.paras.push(Loose {
            place: crate::i18n::t!("import-flat-place-paragraph", n = self.count),
            text: p.text,
            listed: p.listed,
            chrome,
            starts_list,
        });
    }
}

/// How a location is written in the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Places {
    /// Word/LibreOffice/HTML tables: `table 2, row 5, column 2`.
    #[default]
    TableRows,
    /// Spreadsheets: `sheet Foglio1, cell B5`.
    Cells,
    /// CSV and text: `line 5, column 2`.
    Lines,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Row {
    /// 1-based: the row of the table, the spreadsheet row, or the line of the file.
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// One cell: its paragraphs (or lines), in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Cell {
    pub paras: Vec<Para>,
    /// Covered by a cell above that spans rows (`rowspan`, Word's
    /// `w:vMerge`, LibreOffice's covered cell): the row is one of its own,
    /// not the rest of a row broken at the page end.
    pub merged: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Para {
    pub text: String,
    /// A list item of the document (Word list paragraph, `<li>`, `text:list-item`).
    pub listed: bool,
}

impl Cell {
    /// A cell of plain text: one paragraph per line.
    pub(crate) fn from_text(text: &str) -> Cell {
        Cell {
            paras: text
                .split('\n')
                .map(|l| Para {
                    text: l.trim_end_matches('\r').to_string(),
                    listed: false,
                })
                .collect(),
            merged: false,
        }
    }

    /// The whole text on one line, spaces collapsed.
    pub(crate) fn flat(&self) -> String {
        collapse(
            &self
                .paras
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    pub(crate) fn is_blank(&self) -> bool {
        self.paras.iter().all(|p| p.text.trim().is_empty())
    }
}

impl Table {
    /// Where cell `col` (0-based) of `row` is, for the report.
    pub(crate) fn place(&self, row: &Row, col: Option<usize>) -> String {
        match (self.places, col) {
            (Places::Cells, Some(c)) => t!(
                "import-place-cell",
                table = &self.label,
                cell = format!("{}{}", column_letters(c), row.number)
            ),
            (Places::Cells | Places::TableRows, None) => {
                t!("import-place-row", table = &self.label, row = row.number)
            }
            (Places::TableRows, Some(c)) => t!(
                "import-place-row-column",
                table = &self.label,
                row = row.number,
                column = c + 1
            ),
            (Places::Lines, Some(c)) => line_place(row.number, Some(c)),
            (Places::Lines, None) => line_place(row.number, None),
        }
    }
}

/// `line 5` or `line 5, column 2` (1-based line, 0-based column).
pub(crate) fn line_place(line: usize, col: Option<usize>) -> String {
    match col {
        Some(c) => t!("import-place-line-column", line = line, column = c + 1),
        None => t!("import-place-line", line = line),
    }
}

/// `0` -> `A`, `26` -> `AA`.
pub(crate) fn column_letters(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

/// Whitespace (including non-breaking spaces) collapsed to single spaces,
/// trimmed; the invisible characters a text copied from a page or a PDF
/// carries (zero-width spaces and joiners, a BOM, soft hyphens) dropped, so
/// that `Ufficio\u{200b} Tributi` is `Ufficio Tributi`, one unit.
pub(crate) fn collapse(s: &str) -> String {
    let invisible = |c: char| {
        matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        )
    };
    let visible: String;
    let s = if s.contains(invisible) {
        visible = s.chars().filter(|&c| !invisible(c)).collect();
        &visible
    } else {
        s
    };
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A file that cannot be read as a catalogue source; printed with its hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReadError {
    pub message: String,
    pub hint: Option<String>,
}

impl ReadError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        ReadError {
            message: message.into(),
            hint: None,
        }
    }
    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n  = {}", t!("cmd-hint", hint = h))?;
        }
        Ok(())
    }
}

/// More cells than any act's tables have (merged and repeated cells
/// included): a document past it is refused, before it fills the memory
/// (a 300 KB .docx of merged cells made 128 million of them, 3 GB).
pub(crate) const MAX_CELLS: usize = 200_000;

pub(crate) fn too_many_cells() -> ReadError {
    ReadError::new(t!("import-too-many-cells", max = MAX_CELLS))
        .hint(t!("import-too-many-cells-hint"))
}

/// The formats `import` reads, from the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Docx,
    Odt,
    Xlsx,
    /// Excel 97-2003 (`.xls`).
    Xls,
    Ods,
    Csv,
    Html,
    Text,
}

pub(crate) const SUPPORTED: &str =
    ".docx, .odt, .xlsx, .xlsm, .xls, .ods, .csv, .tsv, .html, .htm, .txt";

impl Format {
    pub(crate) fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "docx" | "docm" => Format::Docx,
            "odt" => Format::Odt,
            "xlsx" | "xlsm" => Format::Xlsx,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            "csv" | "tsv" => Format::Csv,
            "html" | "htm" => Format::Html,
            "txt" | "md" => Format::Text,
            _ => return None,
        })
    }

    pub(crate) fn is_spreadsheet(self) -> bool {
        matches!(self, Format::Xlsx | Format::Xls | Format::Ods)
    }

    pub(crate) fn is_delimited(self) -> bool {
        matches!(self, Format::Csv | Format::Text)
    }
}

/// What a spreadsheet's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    /// A zip: `.xlsx` or `.ods`.
    Zip,
    /// An OLE compound file: Excel 97-2003.
    Ole,
    /// An HTML page (after a BOM and blanks, `<`).
    Html,
    /// Text with no NUL byte: a CSV or TSV.
    Text,
    Other,
}

impl Sniffed {
    fn of(bytes: &[u8]) -> Sniffed {
        if bytes.starts_with(b"PK\x03\x04") {
            return Sniffed::Zip;
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Sniffed::Ole;
        }
        let head = &bytes[..bytes.len().min(4096)];
        let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        if text.is_empty() || text.contains(&0) {
            return Sniffed::Other;
        }
        match text.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'<') => Sniffed::Html,
            Some(_) => Sniffed::Text,
            None => Sniffed::Other,
        }
    }
}

/// What the user said about how to read the file.
#[derive(Debug, Clone, Default)]
pub(crate) struct ReadOptions {
    /// Only this sheet of a spreadsheet.
    pub sheet: Option<String>,
    /// A CSV's encoding (an encoding_rs label: `utf-8`, `windows-1252`, ...).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// A CSV's separator.
    pub delimiter: Option<u8>,
}

/// Reads every table of `path`.
pub(crate) fn read(
    path: &Path,
    format: Format,
    opts: &ReadOptions,
) -> Result<Vec<Table>, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| {
        ReadError::new(t!("import-cannot-read", path = path, error = e.to_string()))
    })?;
    match format {
        Format::Docx => docx::read(&bytes),
        Format::Odt => odt::read(&bytes),
        Format::Xlsx | Format::Xls | Format::Ods => match Sniffed::of(&bytes) {
            // What the name says, or another spreadsheet under its name
            // (an `.xlsx` saved as `.xls`).
            Sniffed::Zip if format == Format::Ods => {
                sheet::read(&bytes, format, opts.sheet.as_deref())
            }
            Sniffed::Zip => sheet::read(&bytes, Format::Xlsx, opts.sheet.as_deref()),
            Sniffed::Ole => sheet::read(&bytes, Format::Xls, opts.sheet.as_deref()),
            // What many programs' "export to Excel" give: a page or a CSV
            // named `.xls`.
            Sniffed::Html => html::read(&delimited::decode(&bytes, opts.encoding).0),
            Sniffed::Text => delimited::read(&bytes, opts.encoding, opts.delimiter),
            Sniffed::Other => sheet::read(&bytes, format, opts.sheet.as_deref()),
        },
        Format::Csv => {
            let tsv = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
            let delimiter = opts.delimiter.or(tsv.then_some(b'\t'));
            delimited::read(&bytes, opts.encoding, delimiter)
        }
        Format::Html => html::read(&delimited::decode(&bytes, opts.encoding).0),
        Format::Text => {
            let text = delimited::decode(&bytes, opts.encoding).0;
            if piao::is_excel_text(&text) {
                delimited::read(&bytes, opts.encoding, Some(b'\t'))
            } else {
                piao::read(&text)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Invisible characters copied with a text once made two units of one
    /// office (`Ufficio\u{200b} Tributi` beside `Ufficio Tributi`).
    #[test]
    fn collapse_drops_invisible_characters() {
        assert_eq!(
            collapse(" Ufficio\u{200b}  Tributi\u{a0}"),
            "Ufficio Tributi"
        );
        assert_eq!(collapse("\u{feff}Gestione\u{ad}IMU\u{200d}"), "GestioneIMU");
        assert_eq!(collapse("\u{200b}"), "");
    }

    #[test]
    fn column_letters_count_like_spreadsheets() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    /// Places are in the clerk's language: Italian unless `--lang en`.
    #[test]
    fn places_in_both_languages() {
        let row = Row {
            number: 5,
            cells: Vec::new(),
        };
        let places = || {
            let table = |label: String, places| Table {
                label,
                places,
                ..Table::default()
            };
            [
                table(t!("import-label-sheet", name = "Foglio1"), Places::Cells)
                    .place(&row, Some(1)),
                table(t!("import-label-table", n = 2), Places::TableRows).place(&row, Some(1)),
                table(
                    t!("import-label-table-named", n = 2, name = "T"),
                    Places::TableRows,
                )
                .place(&row, None),
                table(t!("import-label-file"), Places::Lines).place(&row, Some(1)),
                table(t!("import-label-text"), Places::Lines).place(&row, None),
            ]
        };
        assert_eq!(
            places(),
            [
                "foglio Foglio1, cella B5",
                "tabella 2, riga 5, colonna 2",
                "tabella 2 (T), riga 5",
                "riga 5, colonna 2",
                "riga 5",
            ]
        );
        assert_eq!(
            crate::i18n::with_lang(crate::i18n::Lang::En, places),
            [
                "sheet Foglio1, cell B5",
                "table 2, row 5, column 2",
                "table 2 (T), row 5",
                "line 5, column 2",
                "line 5",
            ]
        );
    }

    #[test]
    fn spreadsheets_are_what_their_bytes_say() {
        for (bytes, want) in [
            (&b"PK\x03\x04rest"[..], Sniffed::Zip),
            (
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0][..],
                Sniffed::Ole,
            ),
            (&b"\xEF\xBB\xBF\r\n <html><table>"[..], Sniffed::Html),
            (&b"Ufficio;Attivit\xE0\r\n"[..], Sniffed::Text),
            (&b""[..], Sniffed::Other),
            (&b"\x00\x01junk"[..], Sniffed::Other),
        ] {
            assert_eq!(Sniffed::of(bytes), want, "{bytes:?}");
        }
    }

    #[test]
    fn formats_from_extensions() {
        assert_eq!(
            Format::from_path(Path::new("PIAO.DOCX")),
            Some(Format::Docx)
        );
        assert_eq!(Format::from_path(Path::new("a.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("a.pdf")), None);
        assert_eq!(
            Format::from_path(Path::new("Foglio.XLS")),
            Some(Format::Xls)
        );
        assert_eq!(Format::from_path(Path::new("senza")), None);
    }
}
