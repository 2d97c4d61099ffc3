//! A minimal Office Open XML workbook writer: one sheet of text cells, for
//! `catalogo.xlsx` (see `opendata`). It owns the spreadsheet's XML parts and
//! their zip; it knows nothing of the catalogue.
//!
//! Every cell is an inline text cell (`t="inlineStr"`), so no text (`=SOMMA`,
//! `00123`, `12,5`) ever becomes a formula or a number; every column has the
//! text number format, so what is typed in later stays text too. The header
//! row is bold, frozen and carries the autofilter; column widths follow the
//! longest text, up to [`MAX_WIDTH`] characters, beyond which cells wrap.
//!
//! Written by hand rather than with a general spreadsheet library because the
//! site build pays for every byte: the sheet is streamed once into a
//! `String` and deflated at a fast level. Deterministic: no clock (the
//! document date is the caller's, the zip entries carry the zip epoch), no
//! randomness, fixed part order. Never touches the disk.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use crate::model::Date;

/// The widest a column gets, in characters; longer texts wrap.
pub const MAX_WIDTH: usize = 60;
/// The narrowest column, in characters.
const MIN_WIDTH: usize = 6;
/// Excel's limit for the text of one cell, in characters.
pub const MAX_CELL: usize = 32_767;
/// Excel's limit on rows, header included.
pub const MAX_ROWS: usize = 1_048_576;
/// Deflate level of the zip: the fastest, the sheet is repetitive enough.
const LEVEL: i64 = 1;

/// About what a cell takes in the sheet's XML, markup and text.
const BYTES_PER_CELL: usize = 72;

/// Cell styles, indexes into `cellXfs` of [`STYLES`].
const STYLE_TEXT: u8 = 1;
const STYLE_WRAP: u8 = 2;
const STYLE_HEADER: u8 = 3;

/// The workbook's document properties.
pub struct Properties<'a> {
    pub title: &'a str,
    pub author: &'a str,
    /// `dcterms:created`, at midnight UTC.
    pub created: Date,
}

/// One sheet being filled row by row; [`Sheet::finish`] makes the workbook.
pub struct Sheet {
    name: String,
    columns: usize,
    /// `<row>` elements so far (header included).
    rows: usize,
    /// Longest text per column, in characters.
    widths: Vec<usize>,
    /// The `<sheetData>` content so far.
    data: String,
    /// Column letters, `A`, `B`, ..., `AA`, ...
    letters: Vec<String>,
    /// Set when a row was past Excel's limit: no workbook then.
    overflow: bool,
}

impl Sheet {
    /// A sheet called `name` whose first row, bold, is `header`.
    pub fn new(name: &str, header: &[&str]) -> Sheet {
        let mut sheet = Sheet {
            name: name.to_string(),
            columns: header.len(),
            rows: 0,
            widths: vec![0; header.len()],
            data: String::new(),
            letters: (0..header.len()).map(column_letters).collect(),
            overflow: false,
        };
        sheet.row(header, true);
        sheet
    }

    /// Appends a row of texts; a missing trailing field is an empty cell, an
    /// extra one is dropped.
    pub fn push_row(&mut self, fields: &[&str]) {
        self.row(fields, false);
    }

    fn row(&mut self, fields: &[&str], header: bool) {
        if self.rows >= MAX_ROWS {
            self.overflow = true;
            return;
        }
        self.rows += 1;
        // Formatted once per row, not per cell: this loop is the sheet's cost.
        let r = self.rows.to_string();
        if self.data.capacity() - self.data.len() < BYTES_PER_CELL * self.columns {
            // Grow by a lot at once: fewer copies of a sheet of tens of MB.
            self.data.reserve(self.data.len().max(1 << 20));
        }
        self.data.push_str(r#"<row r=""#);
        self.data.push_str(&r);
        self.data.push_str(r#"">"#);
        for (i, field) in fields.iter().take(self.columns).enumerate() {
            let col = &self.letters[i];
            let len = field.chars().count();
            self.widths[i] = self.widths[i].max(len);
            let style = if header {
                STYLE_HEADER
            } else if len > MAX_WIDTH {
                STYLE_WRAP
            } else {
                STYLE_TEXT
            };
            self.data.push_str(r#"<c r=""#);
            self.data.push_str(col);
            self.data.push_str(&r);
            self.data.push_str(r#"" s=""#);
            self.data.push(char::from(b'0' + style));
            if field.is_empty() {
                self.data.push_str(r#""/>"#);
                continue;
            }
            self.data.push_str(r#"" t="inlineStr"><is><t"#);
            if field.starts_with(char::is_whitespace) || field.ends_with(char::is_whitespace) {
                self.data.push_str(r#" xml:space="preserve""#);
            }
            self.data.push('>');
            if len > MAX_CELL {
                let cut: String = field.chars().take(MAX_CELL - 1).collect();
                escape_into(&mut self.data, &cut);
                self.data.push('…');
            } else {
                escape_into(&mut self.data, field);
            }
            self.data.push_str("</t></is></c>");
        }
        self.data.push_str("</row>");
    }

    /// The `.xlsx` bytes, or `None` past Excel's row limit.
    pub fn finish(self, props: &Properties) -> Option<Vec<u8>> {
        if self.overflow || self.columns == 0 {
            return None;
        }
        let last = format!("{}{}", self.letters[self.columns - 1], self.rows);
        let name = escape(&self.name);
        let mut sheet = String::with_capacity(1024 + 80 * self.columns);
        sheet.push_str(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
        ));
        let _ = write!(
            sheet,
            concat!(
                r#"<dimension ref="A1:{last}"/>"#,
                r#"<sheetViews><sheetView tabSelected="1" workbookViewId="0">"#,
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#,
                r#"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#,
                r#"</sheetView></sheetViews>"#,
                r#"<sheetFormatPr defaultRowHeight="15"/><cols>"#,
            ),
            last = last
        );
        for (i, w) in self.widths.iter().enumerate() {
            let width = (*w).clamp(MIN_WIDTH, MAX_WIDTH) + 2;
            let n = i + 1;
            let _ = write!(
                sheet,
                r#"<col min="{n}" max="{n}" width="{width}" style="{STYLE_TEXT}" customWidth="1"/>"#
            );
        }
        sheet.push_str("</cols><sheetData>");
        let tail = format!(
            concat!(
                r#"</sheetData><autoFilter ref="A1:{last}"/>"#,
                r#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#,
                "</worksheet>\n"
            ),
            last = last
        );
        let filter = format!(
            "'{}'!$A$1:${}${}",
            name.replace('\'', "''"),
            self.letters[self.columns - 1],
            self.rows
        );
        let workbook = format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                "\n",
                r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
                r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
                r#"<bookViews><workbookView/></bookViews>"#,
                r#"<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>"#,
                r#"<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{filter}</definedName></definedNames>"#,
                "</workbook>\n"
            ),
            name = name,
            filter = filter
        );
        let Date { year, month, day } = props.created;
        let core = format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                "\n",
                r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
                r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
                r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
                "<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>",
                r#"<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>"#,
                "</cp:coreProperties>\n"
            ),
            title = escape(props.title),
            author = escape(props.author),
            created = format_args!("{year:04}-{month:02}-{day:02}T00:00:00Z"),
        );
        let parts: [(&str, &[&[u8]]); 8] = [
            ("[Content_Types].xml", &[CONTENT_TYPES.as_bytes()]),
            ("_rels/.rels", &[ROOT_RELS.as_bytes()]),
            ("docProps/app.xml", &[APP.as_bytes()]),
            ("docProps/core.xml", &[core.as_bytes()]),
            ("xl/workbook.xml", &[workbook.as_bytes()]),
            ("xl/_rels/workbook.xml.rels", &[WORKBOOK_RELS.as_bytes()]),
            ("xl/styles.xml", &[STYLES.as_bytes()]),
            (
                "xl/worksheets/sheet1.xml",
                &[sheet.as_bytes(), self.data.as_bytes(), tail.as_bytes()],
            ),
        ];
        zip(&parts).ok()
    }
}

/// A zip of `parts` (name, pieces of its bytes), deflated at [`LEVEL`], dated
/// at the zip epoch.
fn zip(parts: &[(&str, &[&[u8]])]) -> zip::result::ZipResult<Vec<u8>> {
    let size: usize = parts.iter().flat_map(|p| p.1.iter().map(|b| b.len())).sum();
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(size / 8)));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(LEVEL))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, pieces) in parts {
        w.start_file(*name, options)?;
        for piece in *pieces {
            w.write_all(piece)?;
        }
    }
    Ok(w.finish()?.into_inner())
}

/// `A`..`Z`, `AA`, ... for the 0-based column `i`.
fn column_letters(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.iter().rev().map(|&b| b as char).collect()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// XML-escapes `text` into `out`, with Excel's `_xHHHH_` for the control
/// characters XML cannot carry (and for a carriage return, which XML parsers
/// would turn into a line feed); a literal `_xHHHH_` in the text gets its
/// underscore escaped so that it reads back as written.
fn escape_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let rep: &str = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\t' | b'\n' => continue,
            0..=0x1f => {
                out.push_str(&text[start..i]);
                let _ = write!(out, "_x{b:04X}_");
                start = i + 1;
                continue;
            }
            b'_' if is_excel_escape(&bytes[i..]) => "_x005F_",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(rep);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// Whether `b` starts with `_xHHHH_`.
fn is_excel_escape(b: &[u8]) -> bool {
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
    "</Types>\n"
);

const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    "</Relationships>\n"
);

const WORKBOOK_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    "</Relationships>\n"
);

const APP: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
    r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
    "<Application>trasparenza</Application></Properties>\n"
);

/// Styles: 0 the default, 1 text top-aligned ([`STYLE_TEXT`]), 2 the same
/// wrapped ([`STYLE_WRAP`]), 3 the same bold ([`STYLE_HEADER`]). Number
/// format 49 is Excel's built-in `@` (text).
const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<fonts count="2">"#,
    r#"<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>"#,
    r#"<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>"#,
    "</fonts>",
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="4">"#,
    r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>"#,
    r#"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#,
    r#"<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>"#,
    "</cellXfs>",
    r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    "</styleSheet>\n"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_like_excel() {
        let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(column_letters)
            .collect();
        assert_eq!(
            letters,
            ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
        );
    }

    #[test]
    fn texts_are_escaped_for_xml_and_excel() {
        assert_eq!(escape("a & <b> \"c\""), "a &amp; &lt;b&gt; \"c\"");
        assert_eq!(escape("riga\nriga\tcol"), "riga\nriga\tcol");
        assert_eq!(escape("a\rb\u{1}c"), "a_x000D_b_x0001_c");
        assert_eq!(escape("_x0041_ e _x00"), "_x005F_x0041_ e _x00");
        assert_eq!(escape("perché €"), "perché €");
    }

    #[test]
    fn a_sheet_has_its_rows_widths_and_filter() {
        let mut sheet = Sheet::new("Catalogo", &["id", "testo"]);
        sheet.push_row(&["1", ""]);
        sheet.push_row(&["2", &"x".repeat(70)]);
        let data = &sheet.data;
        assert!(data.contains(r#"<c r="A1" s="3" t="inlineStr"><is><t>id</t></is></c>"#));
        assert!(data.contains(r#"<c r="B2" s="1"/>"#));
        assert!(data.contains(r#"<c r="B3" s="2" t="inlineStr">"#));
        assert_eq!(sheet.widths, [2, 70]);
        let props = Properties {
            title: "T",
            author: "A & B",
            created: Date {
                year: 2026,
                month: 1,
                day: 2,
            },
        };
        let bytes = sheet.finish(&props).expect("a workbook");
        assert!(bytes.starts_with(b"PK"));
    }

    #[test]
    fn an_empty_header_makes_no_workbook() {
        let props = Properties {
            title: "T",
            author: "A",
            created: Date {
                year: 2026,
                month: 1,
                day: 2,
            },
        };
        assert!(Sheet::new("S", &[]).finish(&props).is_none());
    }
}
