//! The XML inside Word and LibreOffice files, read with quick-xml as a flat
//! stream of starts, ends and text (entities resolved) straight from the
//! zip container as it is unpacked (never the whole XML in memory), and
//! never recursively (any depth of nesting is a counter in the reader).
//! Shared by `docx` and `odt`; knows neither: each names its table, row and
//! cell elements ([`Reading`]), which the walk builds with `table::Builder`
//! (nested tables counted, their text left to the cell that holds them).

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::table::Builder;
use super::{Cell, ReadError, Table};
use crate::i18n::t;

/// One step of the document, names without their namespace prefix.
pub(super) enum Step<'a> {
    Start(&'a BytesStart<'a>),
    /// An element with no content (`<w:br/>`): a start and its end at once.
    Empty(&'a BytesStart<'a>),
    End(&'a str),
    Text(&'a str),
}

/// A document's reader: the format's names of a table, a row and a cell,
/// which the walk builds into the [`Builder`] itself, and what else to do at
/// each start, end and text (names without their namespace prefix).
pub(super) trait Reading: Default {
    const TABLE: &'static str;
    const ROW: &'static str;
    /// Every kind of cell (a covered cell is a cell too).
    const CELLS: &'static [&'static str];
    /// The name the document gives a table, if any (`table 2 (<name>)`).
    fn table_name(_e: &BytesStart<'_>) -> Option<String> {
        None
    }
    /// Called once the table, row or cell `e` starts is added.
    /// `empty`: an element with no content (`<w:br/>`); its end follows.
    fn start(&mut self, tables: &mut Builder, name: &str, e: &BytesStart<'_>, empty: bool);
    /// Called before the table `name` ends is closed.
    fn end(&mut self, tables: &mut Builder, name: &str);
    fn text(&mut self, text: &str);
}

/// A document being read by `R` into its tables.
struct Walk<R> {
    reader: R,
    tables: Builder,
}

impl<R: Reading> Walk<R> {
    fn new() -> Walk<R> {
        Walk {
            reader: R::default(),
            tables: Builder::default(),
        }
    }

    fn step(&mut self, step: Step<'_>) {
        match step {
            Step::Start(e) => self.start(e, false),
            Step::Empty(e) => {
                self.start(e, true);
                self.end(local(e));
            }
            Step::End(name) => self.end(name),
            Step::Text(t) => self.reader.text(t),
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = local(e);
        let t = &mut self.tables;
        if name == R::TABLE {
            if t.enter() {
                t.table(R::table_name(e).as_deref());
            }
        } else if t.depth() == 1 && name == R::ROW {
            t.row();
        } else if t.depth() == 1 && R::CELLS.contains(&name) {
            t.cell(Cell::default());
        }
        self.reader.start(t, name, e, empty);
    }

    fn end(&mut self, name: &str) {
        self.reader.end(&mut self.tables, name);
        if name == R::TABLE {
            self.tables.leave();
        }
    }
}

/// The local name (`tc` for `w:tc`).
pub(super) fn local<'a>(e: &'a BytesStart<'a>) -> &'a str {
    strip_prefix(e.name().into_inner())
}

fn strip_prefix(n: &str) -> &str {
    n.rsplit_once(':').map_or(n, |(_, l)| l)
}

/// The value of the attribute whose local name is `name`.
pub(super) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (strip_prefix(a.key.into_inner()) == name).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .ok()
        })?
    })
}

/// The tables of `xml`, read by `R`.
#[cfg(test)]
pub(super) fn parse<R: Reading>(xml: &str) -> Result<Vec<Table>, ReadError> {
    let mut w = Walk::<R>::new();
    walk_reader(xml.as_bytes(), "the document", |step| w.step(step))?;
    w.tables.finish()
}

/// The tables of one member of a zip container (`word/document.xml`),
/// read by `R` as the member is unpacked.
pub(super) fn read_member<R: Reading>(
    bytes: &[u8],
    member: &str,
    kind: &str,
) -> Result<Vec<Table>, ReadError> {
    let mut w = Walk::<R>::new();
    walk_member(bytes, member, kind, |step| w.step(step))?;
    w.tables.finish()
}

/// Calls `f` for every step of the XML read from `input`, a buffer at a
/// time: the document is never held whole in memory.
fn walk_reader(
    input: impl std::io::BufRead,
    what: &str,
    mut f: impl FnMut(Step<'_>),
) -> Result<(), ReadError> {
    let mut reader = quick_xml::Reader::from_reader(input);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let ev = reader.read_event_into(&mut buf).map_err(|e| {
            ReadError::new(t!(
                "import-xml-damaged",
                what = what,
                error = e.to_string(),
                byte = reader.buffer_position()
            ))
            .hint(t!("import-xml-damaged-hint"))
        })?;
        match ev {
            Event::Start(e) => f(Step::Start(&e)),
            Event::Empty(e) => f(Step::Empty(&e)),
            Event::End(e) => f(Step::End(strip_prefix(e.name().into_inner()))),
            Event::Text(t) => f(Step::Text(&t.xml10_content())),
            Event::CData(t) => f(Step::Text(&t)),
            Event::GeneralRef(r) => {
                let s = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_xml_entity(&r)
                        .unwrap_or_default()
                        .to_string(),
                };
                f(Step::Text(&s))
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// A document's XML beyond this is not an act's table (or is a zip bomb).
const MAX_MEMBER_BYTES: u64 = 256 << 20;

/// Calls `f` for every step of the XML of one member of a zip container
/// (`word/document.xml`), read as it is unpacked.
fn walk_member(
    bytes: &[u8],
    member: &str,
    kind: &str,
    f: impl FnMut(Step<'_>),
) -> Result<(), ReadError> {
    let not_zip = || {
        ReadError::new(t!("import-not-zip", kind = kind))
            .hint(t!("import-save-again-hint", kind = kind))
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| not_zip())?;
    let file = archive.by_name(member).map_err(|_| {
        ReadError::new(t!("import-no-member", kind = kind, member = member))
            .hint(t!("import-save-again-hint", kind = kind))
    })?;
    if file.size() > MAX_MEMBER_BYTES {
        return Err(ReadError::new(t!(
            "import-member-too-large",
            member = member,
            kind = kind,
            mib = MAX_MEMBER_BYTES >> 20
        )));
    }
    let input = std::io::BufReader::new(Pieces {
        inner: file.take(MAX_MEMBER_BYTES),
        run: 0,
    });
    walk_reader(
        input,
        &t!("import-xml-member", member = member, kind = kind),
        f,
    )
}

/// The longest stretch of a document's XML without `<` or `>`: the reader
/// holds a whole text (or tag) at once, so a member made of one huge text
/// (blanks compress a thousandfold: a 250 KB .docx held 400 MB) is refused
/// here, long before. A catalogue's longest paragraph is a few KB.
const MAX_PIECE_BYTES: usize = 16 << 20;

/// Reads `inner`, failing once a stretch without markup passes
/// [`MAX_PIECE_BYTES`].
struct Pieces<R> {
    inner: R,
    run: usize,
}

impl<R: Read> Read for Pieces<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'<' || b == b'>' {
                self.run = 0;
            } else {
                self.run += 1;
            }
        }
        if self.run > MAX_PIECE_BYTES {
            return Err(std::io::Error::other(t!(
                "import-text-too-long",
                mib = MAX_PIECE_BYTES >> 20
            )));
        }
        Ok(n)
    }
}
