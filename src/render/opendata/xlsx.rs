//! A minimal Office Open XML workbook writer: one sheet of text cells, and
//! optionally a second, small one of two columns (the catalogue's
//! information), for `catalogo.xlsx` (laid out by [`super::xlsx_of`]). It owns the
//! spreadsheet's XML parts and their zip; it knows nothing of the catalogue.
//!
//! Every cell is an inline text cell (`t="inlineStr"`), so no text (`=SOMMA`,
//! `00123`, `12,5`) ever becomes a formula or a number; every column has the
//! text number format, so what is typed in later stays text too. The header
//! row is bold, frozen and carries the autofilter; column widths follow the
//! longest text, up to [`MAX_WIDTH`] characters, beyond which cells wrap.
//!
//! Written by hand rather than with a general spreadsheet library because the
//! site build pays for every byte: the rows are measured first ([`Layout`]),
//! then the sheet's XML is handed to the zip in pieces of [`FLUSH_BYTES`]
//! ([`SheetWriter`]), deflated at a fast level, never held whole.
//! Deterministic: no clock (the document date is the caller's, the zip
//! entries carry the zip epoch), no randomness, fixed part order. Never
//! touches the disk.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};
use std::ops::Range;
use std::sync::mpsc;

use crate::model::Date;
use crate::scan;

/// The widest a column gets, in characters; longer texts wrap.
pub(crate) const MAX_WIDTH: usize = 60;
/// The narrowest column, in characters.
const MIN_WIDTH: usize = 6;
/// Excel's limit for the text of one cell, in characters.
pub(crate) const MAX_CELL: usize = 32_767;
/// Excel's limit on rows, header included.
pub(crate) const MAX_ROWS: usize = 1_048_576;
/// Deflate level of the zip: the fastest, the sheet is repetitive enough.
const LEVEL: i64 = 1;

/// About what a cell takes in the sheet's XML, markup and text.
const BYTES_PER_CELL: usize = 72;

/// Cell styles, indexes into `cellXfs` of [`STYLES`].
const STYLE_TEXT: u8 = 1;
const STYLE_WRAP: u8 = 2;
const STYLE_HEADER: u8 = 3;

/// The workbook's document properties.
pub(crate) struct Properties<'a> {
    pub title: &'a str,
    pub author: &'a str,
    /// `dcterms:created`, at midnight UTC.
    pub created: Date,
    /// A second sheet of two columns after the rows' (its name, then its
    /// rows, the first of them the header); none when `None`.
    pub info: Option<(&'a str, &'a [[&'a str; 2]])>,
}

/// What the sheet's head needs before its first row is written: the number
/// of rows and the width of every column. Fill it with [`Layout::measure`]
/// for every row, then [`Layout::start`] the workbook and push the same rows.
pub(crate) struct Layout {
    header: Vec<String>,
    /// Rows measured, header included.
    rows: usize,
    /// Longest text per column, in characters; a column that reached
    /// [`MAX_WIDTH`] (the widest it gets) is not measured any more.
    widths: Vec<usize>,
}

impl Layout {
    /// The layout of a sheet whose first row, bold, is `header`.
    pub(crate) fn new(header: &[&str]) -> Layout {
        let mut layout = Layout {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: 0,
            widths: vec![0; header.len()],
        };
        layout.measure(header);
        layout
    }

    /// Counts a row and widens its columns to its texts.
    pub(crate) fn measure(&mut self, fields: &[&str]) {
        self.rows += 1;
        for (w, field) in self.widths.iter_mut().zip(fields) {
            // A text of n bytes has at most n characters: most are skipped
            // without counting them.
            if *w < MAX_WIDTH && field.len() > *w {
                *w = (*w).max(field.chars().count());
            }
        }
    }

    /// Starts the workbook: every part but the sheet's rows is written into
    /// the zip, then the header row. `None` past Excel's row limit or
    /// without columns.
    pub(crate) fn start(self, name: &str, props: &Properties) -> Option<SheetWriter> {
        let columns = self.header.len();
        if self.rows > MAX_ROWS || columns == 0 {
            return None;
        }
        let letters: Vec<String> = (0..columns).map(column_letters).collect();
        let last = format!("{}{}", letters[columns - 1], self.rows);
        let name = escape(name);
        let mut head = String::with_capacity(1024 + 80 * columns);
        head.push_str(concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
        ));
        let _ = write!(
            head,
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
                head,
                r#"<col min="{n}" max="{n}" width="{width}" style="{STYLE_TEXT}" customWidth="1"/>"#
            );
        }
        head.push_str("</cols><sheetData>");
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
            letters[columns - 1],
            self.rows
        );
        let workbook = format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                "\n",
                r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
                r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
                r#"<bookViews><workbookView/></bookViews>"#,
                r#"<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/>{info_sheet}</sheets>"#,
                r#"<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{filter}</definedName></definedNames>"#,
                "</workbook>\n"
            ),
            name = name,
            filter = filter,
            info_sheet = props.info.map_or(String::new(), |(n, _)| format!(
                r#"<sheet name="{}" sheetId="2" r:id="rId3"/>"#,
                escape(n)
            )),
        );
        let info = props.info.map(|(_, rows)| info_sheet(rows));
        let (content_types, workbook_rels) = if info.is_some() {
            (
                CONTENT_TYPES.replace("</Types>", SHEET2_TYPE).into(),
                WORKBOOK_RELS.replace("</Relationships>", SHEET2_REL).into(),
            )
        } else {
            (
                std::borrow::Cow::Borrowed(CONTENT_TYPES),
                std::borrow::Cow::Borrowed(WORKBOOK_RELS),
            )
        };
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
        let parts: [(&str, &[u8]); 7] = [
            ("[Content_Types].xml", content_types.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("docProps/app.xml", APP.as_bytes()),
            ("docProps/core.xml", core.as_bytes()),
            ("xl/workbook.xml", workbook.as_bytes()),
            ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
            ("xl/styles.xml", STYLES.as_bytes()),
        ];
        // The deflated sheet is about a tenth of its XML.
        let estimate = self.rows * columns * BYTES_PER_CELL / 10;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(estimate)));
        let started: zip::result::ZipResult<()> = (|| {
            for (part, bytes) in parts {
                zip.start_file(part, options())?;
                zip.write_all(bytes)?;
            }
            zip.start_file("xl/worksheets/sheet1.xml", options())?;
            zip.write_all(head.as_bytes())?;
            Ok(())
        })();
        started.ok()?;
        let capacity = FLUSH_BYTES + BYTES_PER_CELL * columns;
        let mut sheet = SheetWriter {
            repeated: Repeated::default(),
            zip: Deflater::start(zip),
            buf: String::with_capacity(capacity),
            columns,
            rows: 0,
            letters,
            tail,
            info,
            failed: false,
        };
        let header = self.header;
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        sheet.row(&header, true);
        Some(sheet)
    }
}

/// The sheet's rows are handed to the deflater in pieces of about this size,
/// so the sheet's XML is never held whole.
const FLUSH_BYTES: usize = 64 * 1024;

/// How many pieces of the sheet exist at once when a thread deflates them:
/// one being written, one being deflated, one waiting between them.
const PIECES: usize = 3;

type Zip = zip::ZipWriter<Cursor<Vec<u8>>>;

/// Where the sheet's pieces are deflated: on a thread of its own, beside
/// the XML's making (the deflate was as much CPU as the XML, and the
/// workbook is one of the longest single tasks of a build), or here when
/// no thread could be started. The zip is handed the same pieces in the
/// same order either way: the same bytes.
enum Deflater {
    Here(Box<Zip>),
    Thread {
        /// Full pieces, to deflate.
        pieces: mpsc::SyncSender<String>,
        /// Pieces deflated and emptied, to fill again.
        spare: mpsc::Receiver<String>,
        /// Pieces made so far, up to [`PIECES`].
        made: usize,
        /// Gives the zip back, and whether every write succeeded.
        done: std::thread::JoinHandle<Option<(Zip, bool)>>,
    },
}

impl Deflater {
    /// A thread that deflates the pieces into `zip`; `Here` if it cannot be
    /// started.
    fn start(zip: Zip) -> Deflater {
        let (pieces, full) = mpsc::sync_channel::<String>(PIECES);
        let (emptied, spare) = mpsc::sync_channel::<String>(PIECES);
        // The zip goes to the thread once it runs: if it cannot be
        // started, the zip is still here.
        let (give, take) = mpsc::sync_channel::<Zip>(1);
        let started = std::thread::Builder::new()
            .name("xlsx-deflate".into())
            .spawn(move || {
                let mut zip = take.recv().ok()?;
                let mut ok = true;
                for mut piece in full {
                    ok = ok && zip.write_all(piece.as_bytes()).is_ok();
                    piece.clear();
                    // The writer may have stopped waiting for pieces.
                    let _ = emptied.send(piece);
                }
                Some((zip, ok))
            });
        let Ok(done) = started else {
            return Deflater::Here(Box::new(zip));
        };
        match give.send(zip) {
            Ok(()) => Deflater::Thread {
                pieces,
                spare,
                made: 1,
                done,
            },
            // The thread is gone before it took it: it comes back here.
            Err(mpsc::SendError(zip)) => Deflater::Here(Box::new(zip)),
        }
    }

    /// Deflates `piece` (or hands it to the thread); returns an empty
    /// buffer to fill next and whether the zip took every piece so far.
    fn write(&mut self, piece: &mut String) -> bool {
        match self {
            Deflater::Here(zip) => {
                let ok = zip.write_all(piece.as_bytes()).is_ok();
                piece.clear();
                ok
            }
            Deflater::Thread {
                pieces,
                spare,
                made,
                ..
            } => {
                let next = if *made < PIECES {
                    *made += 1;
                    String::with_capacity(piece.capacity())
                } else {
                    match spare.recv() {
                        Ok(next) => next,
                        // The thread is gone: `finish` tells.
                        Err(_) => return false,
                    }
                };
                let full = std::mem::replace(piece, next);
                pieces.send(full).is_ok()
            }
        }
    }

    /// The zip with every piece written (the thread's, when it is done);
    /// `None` if a write failed.
    fn finish(self) -> Option<Zip> {
        match self {
            Deflater::Here(zip) => Some(*zip),
            Deflater::Thread { pieces, done, .. } => {
                drop(pieces);
                match done.join() {
                    Ok(Some((zip, true))) => Some(zip),
                    _ => None,
                }
            }
        }
    }
}

/// A workbook being written: [`SheetWriter::push_row`] the rows measured by
/// its [`Layout`], in the same order, then [`SheetWriter::finish`].
pub(crate) struct SheetWriter {
    /// The cells of the columns repeated from row to row.
    repeated: Repeated,
    zip: Deflater,
    /// Rows not yet deflated.
    buf: String,
    columns: usize,
    /// `<row>` elements so far (header included).
    rows: usize,
    /// Column letters, `A`, `B`, ..., `AA`, ...
    letters: Vec<String>,
    /// What follows `</sheetData>`.
    tail: String,
    /// The second sheet's XML, written after the first.
    info: Option<String>,
    /// Set when the zip refused a write: no workbook then.
    failed: bool,
}

impl SheetWriter {
    /// Appends a row of texts; a missing trailing field is an empty cell, an
    /// extra one is dropped. The columns of `repeated` hold the same texts
    /// over a run of rows (`same`: the previous row's), whose cells are
    /// made once per run.
    pub(crate) fn push_row(&mut self, fields: &[&str], repeated: Range<usize>, same: bool) {
        if !same {
            self.repeated.columns = repeated;
            self.repeated.made = false;
        }
        self.row(fields, false);
    }

    fn row(&mut self, fields: &[&str], header: bool) {
        self.rows += 1;
        let letters = &self.letters[..self.columns];
        row_xml(
            &mut self.buf,
            self.rows,
            letters,
            fields,
            header,
            &mut self.repeated,
        );
        if self.buf.len() >= FLUSH_BYTES {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.failed {
            self.buf.clear();
        } else if !self.zip.write(&mut self.buf) {
            self.failed = true;
            self.buf.clear();
        }
    }

    /// The `.xlsx` bytes; `None` if the zip could not be written.
    pub(crate) fn finish(mut self) -> Option<Vec<u8>> {
        self.buf.push_str(&self.tail);
        self.flush();
        let mut zip = self.zip.finish()?;
        if self.failed {
            return None;
        }
        if let Some(info) = self.info.take() {
            zip.start_file("xl/worksheets/sheet2.xml", options()).ok()?;
            zip.write_all(info.as_bytes()).ok()?;
        }
        zip.finish().ok().map(Cursor::into_inner)
    }
}

/// The cells of columns whose texts are the same over a run of rows (the
/// catalogue's unit's), made once per run: their XML after the cell's
/// reference.
#[derive(Default)]
struct Repeated {
    columns: Range<usize>,
    /// Whether `cells` are made for the current run.
    made: bool,
    cells: Vec<String>,
}

/// `<row>` number `r` of `fields` into `data`, one cell per letter of
/// `letters` (a missing trailing field is an empty cell, an extra one is
/// dropped), bold for a header; the cells of `repeated`'s columns are
/// made once per run of rows.
fn row_xml(
    data: &mut String,
    r: usize,
    letters: &[String],
    fields: &[&str],
    header: bool,
    repeated: &mut Repeated,
) {
    // Formatted once per row, not per cell: this loop is the sheet's cost.
    let r = r.to_string();
    data.push_str(r#"<row r=""#);
    data.push_str(&r);
    data.push_str(r#"">"#);
    let made = repeated.made;
    for (i, (col, field)) in letters.iter().zip(fields).enumerate() {
        data.push_str(r#"<c r=""#);
        data.push_str(col);
        data.push_str(&r);
        if !repeated.columns.contains(&i) {
            cell_xml(data, field, header);
            continue;
        }
        let k = i - repeated.columns.start;
        if repeated.cells.len() <= k {
            repeated.cells.resize_with(k + 1, String::new);
        }
        let cell = &mut repeated.cells[k];
        if !made {
            cell.clear();
            cell_xml(cell, field, header);
        }
        data.push_str(cell);
    }
    repeated.made = true;
    data.push_str("</row>");
}

/// A cell's XML after its reference: its style, and its text unless empty.
fn cell_xml(data: &mut String, field: &str, header: bool) {
    // Characters are counted only where bytes could exceed a limit (and
    // an ASCII text has as many as bytes).
    let longer_than =
        |limit: usize| field.len() > limit && (field.is_ascii() || field.chars().count() > limit);
    let style = if header {
        STYLE_HEADER
    } else if longer_than(MAX_WIDTH) {
        STYLE_WRAP
    } else {
        STYLE_TEXT
    };
    data.push_str(r#"" s=""#);
    data.push(char::from(b'0' + style));
    if field.is_empty() {
        data.push_str(r#""/>"#);
        return;
    }
    data.push_str(r#"" t="inlineStr"><is><t"#);
    if field.starts_with(char::is_whitespace) || field.ends_with(char::is_whitespace) {
        data.push_str(r#" xml:space="preserve""#);
    }
    data.push('>');
    if longer_than(MAX_CELL) {
        let cut: String = field.chars().take(MAX_CELL - 1).collect();
        escape_into(data, &cut);
        data.push('…');
    } else {
        escape_into(data, field);
    }
    data.push_str("</t></is></c>");
}

/// The XML of a small sheet of two columns whose first row is a header,
/// with columns as wide as their texts (up to [`MAX_WIDTH`]).
fn info_sheet(rows: &[[&str; 2]]) -> String {
    let letters = [column_letters(0), column_letters(1)];
    let width = |i: usize| {
        let w = rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
        w.clamp(MIN_WIDTH, MAX_WIDTH) + 2
    };
    let mut xml = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
            r#"<dimension ref="A1:B{n}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>"#,
            r#"<sheetFormatPr defaultRowHeight="15"/><cols>"#,
            r#"<col min="1" max="1" width="{a}" style="{STYLE_TEXT}" customWidth="1"/>"#,
            r#"<col min="2" max="2" width="{b}" style="{STYLE_TEXT}" customWidth="1"/>"#,
            "</cols><sheetData>"
        ),
        n = rows.len().max(1),
        a = width(0),
        b = width(1),
        STYLE_TEXT = STYLE_TEXT,
    );
    for (i, row) in rows.iter().enumerate() {
        row_xml(
            &mut xml,
            i + 1,
            &letters,
            row,
            i == 0,
            &mut Repeated::default(),
        );
    }
    xml.push_str(concat!(
        r#"</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#,
        "</worksheet>\n"
    ));
    xml
}

/// How every part is stored: deflated at [`LEVEL`], dated at the zip epoch.
fn options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(LEVEL))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
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
    let mut i = 0;
    loop {
        // Clean runs are skipped a word at a time.
        i = scan::find::<XmlSpecial>(bytes, i);
        let Some(&b) = bytes.get(i) else { break };
        let rep: &str = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\t' | b'\n' => {
                i += 1;
                continue;
            }
            0..=0x1f => {
                out.push_str(&text[start..i]);
                let _ = write!(out, "_x{b:04X}_");
                i += 1;
                start = i;
                continue;
            }
            b'_' if is_excel_escape(&bytes[i..]) => "_x005F_",
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[start..i]);
        out.push_str(rep);
        i += 1;
        start = i;
    }
    out.push_str(&text[start..]);
}

/// The bytes [`escape_into`] looks at: `&`, `<`, `>`, `_` and the control
/// characters.
struct XmlSpecial;

impl scan::Set for XmlSpecial {
    #[inline(always)]
    fn word(w: u64) -> bool {
        scan::below(w, 0x20) | scan::byte(w, b'&') | scan::byte_or_2(w, b'<') | scan::byte(w, b'_')
            != 0
    }

    #[inline(always)]
    fn byte(b: u8) -> bool {
        matches!(b, 0..=0x1f | b'&' | b'<' | b'>' | b'_')
    }
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

/// What [`CONTENT_TYPES`] and [`WORKBOOK_RELS`] get before their end tag
/// for the second sheet.
const SHEET2_TYPE: &str = concat!(
    r#"<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
    "</Types>"
);
const SHEET2_REL: &str = concat!(
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>"#,
    "</Relationships>"
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

    /// The escaping of the word-wise scan is the byte-wise one's, with
    /// every byte to escape at every position of texts around a word long.
    #[test]
    fn escaping_finds_every_byte_wherever_it_is() {
        fn bytewise(text: &str) -> String {
            let mut out = String::new();
            for (i, c) in text.char_indices() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '\t' | '\n' => out.push(c),
                    '\0'..='\u{1f}' => out.push_str(&format!("_x{:04X}_", c as u32)),
                    '_' if is_excel_escape(&text.as_bytes()[i..]) => out.push_str("_x005F_"),
                    _ => out.push(c),
                }
            }
            out
        }
        for len in 0..20 {
            for at in 0..len {
                for special in [
                    "&", "<", ">", "\r", "\u{1}", "\u{1f}", "\n", "_x00aF_", "_", "é",
                ] {
                    let mut text: String = "a".repeat(at);
                    text.push_str(special);
                    text.push_str(&"ò".repeat(len - at));
                    text.push_str(special);
                    assert_eq!(escape(&text), bytewise(&text), "{text:?}");
                }
            }
        }
    }

    fn props() -> Properties<'static> {
        Properties {
            title: "T",
            author: "A & B",
            created: Date {
                year: 2026,
                month: 1,
                day: 2,
            },
            info: None,
        }
    }

    /// The information sheet comes after the rows' and reads back (with
    /// calamine, as `import` reads a workbook) as written.
    #[test]
    fn a_workbook_with_an_information_sheet_reads_back() {
        use calamine::{Reader, Xlsx, open_workbook_from_rs};
        let info: [[&str; 2]; 3] = [
            ["voce", "valore"],
            ["Valido al", "2026-12-31"],
            ["Stato", "a & <b>"],
        ];
        let mut layout = Layout::new(&["id"]);
        layout.measure(&["1"]);
        let props = Properties {
            info: Some(("Informazioni", &info)),
            ..props()
        };
        let mut sheet = layout.start("Catalogo", &props).expect("a workbook");
        sheet.push_row(&["1"], 0..0, false);
        let bytes = sheet.finish().expect("a workbook");
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx");
        assert_eq!(book.sheet_names(), ["Catalogo", "Informazioni"]);
        let range = book.worksheet_range("Informazioni").expect("the sheet");
        let read: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(read, info.map(|r| r.map(String::from).to_vec()));
        let rows = book.worksheet_range("Catalogo").expect("the sheet");
        assert_eq!(rows.get_size(), (2, 1));
    }

    /// One part of a workbook, as text.
    fn part(xlsx: &[u8], name: &str) -> String {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).expect("a zip");
        let mut text = String::new();
        zip.by_name(name)
            .expect("the part")
            .read_to_string(&mut text)
            .expect("UTF-8");
        text
    }

    #[test]
    fn a_sheet_has_its_rows_widths_and_filter() {
        let long = "x".repeat(70);
        let rows: [&[&str]; 2] = [&["1", ""], &["2", &long]];
        let mut layout = Layout::new(&["id", "testo"]);
        for r in rows {
            layout.measure(r);
        }
        assert_eq!(layout.widths, [2, 70]);
        // Once a column is at its widest, its texts are not counted any more.
        layout.measure(&["1", &"y".repeat(90)]);
        assert_eq!(layout.widths, [2, 70]);
        let mut sheet = layout.start("Catalogo", &props()).expect("a workbook");
        for r in rows {
            sheet.push_row(r, 0..0, false);
        }
        sheet.push_row(&["1", &"y".repeat(90)], 0..0, false);
        let bytes = sheet.finish().expect("a workbook");
        assert!(bytes.starts_with(b"PK"));
        let data = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(data.contains(r#"<dimension ref="A1:B4"/>"#));
        assert!(data.contains(r#"<col min="1" max="1" width="8" "#));
        assert!(data.contains(r#"<col min="2" max="2" width="62" "#));
        assert!(data.contains(r#"<c r="A1" s="3" t="inlineStr"><is><t>id</t></is></c>"#));
        assert!(data.contains(r#"<c r="B2" s="1"/>"#));
        assert!(data.contains(r#"<c r="B3" s="2" t="inlineStr">"#));
        assert!(data.ends_with(r#"</sheetData><autoFilter ref="A1:B4"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>
"#));
        assert!(part(&bytes, "docProps/core.xml").contains("<dc:creator>A &amp; B</dc:creator>"));
    }

    /// The sheet is handed to the deflater in pieces: rows on both sides of
    /// a piece's end come out whole and in order.
    #[test]
    fn a_sheet_larger_than_a_piece_is_written_whole() {
        let text = "attività <è> & \"più\" ".repeat(20);
        let n = 3 * FLUSH_BYTES / text.len() + 7;
        let mut layout = Layout::new(&["n", "testo"]);
        let numbers: Vec<String> = (0..n).map(|i| i.to_string()).collect();
        for i in &numbers {
            layout.measure(&[i, &text]);
        }
        let mut sheet = layout.start("S", &props()).expect("a workbook");
        for i in &numbers {
            sheet.push_row(&[i, &text], 0..0, false);
        }
        let data = part(
            &sheet.finish().expect("a workbook"),
            "xl/worksheets/sheet1.xml",
        );
        let escaped = escape(&text);
        for (i, n) in numbers.iter().enumerate() {
            let r = i + 2;
            let cell = format!(
                r#"<row r="{r}"><c r="A{r}" s="1" t="inlineStr"><is><t>{n}</t></is></c><c r="B{r}" s="2" t="inlineStr"><is><t xml:space="preserve">{escaped}</t></is></c></row>"#
            );
            assert!(data.contains(&cell), "row {r}");
        }
        assert_eq!(data.matches("<row ").count(), n + 1);
    }

    /// The thread deflates the pieces into the same bytes as the zip
    /// written here, more pieces than it has buffers, in order.
    #[test]
    fn the_deflating_thread_writes_what_is_written_here() {
        let zip = || {
            let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
            zip.start_file("a.xml", options()).expect("a part");
            zip
        };
        let pieces: Vec<String> = (0..3 * PIECES + 1)
            .map(|i| format!("<r n=\"{i}\">{}</r>", "testo è ".repeat(i * 997 % 4096)))
            .collect();
        let deflated = |mut to: Deflater| {
            for p in &pieces {
                let mut piece = String::with_capacity(64);
                piece.push_str(p);
                assert!(to.write(&mut piece));
                assert!(piece.is_empty());
            }
            let zip = to.finish().expect("every piece");
            zip.finish().expect("a zip").into_inner()
        };
        let thread = Deflater::start(zip());
        assert!(matches!(thread, Deflater::Thread { .. }));
        let bytes = deflated(thread);
        assert_eq!(bytes, deflated(Deflater::Here(Box::new(zip()))));
        assert_eq!(part(&bytes, "a.xml"), pieces.concat());
    }

    #[test]
    fn an_empty_header_makes_no_workbook() {
        assert!(Layout::new(&[]).start("S", &props()).is_none());
    }

    #[test]
    fn past_excel_rows_there_is_no_workbook() {
        let mut layout = Layout::new(&["a"]);
        layout.rows = MAX_ROWS;
        assert!(layout.start("S", &props()).is_some());
        let mut layout = Layout::new(&["a"]);
        layout.rows = MAX_ROWS;
        layout.measure(&["x"]);
        assert!(layout.start("S", &props()).is_none());
    }
}
