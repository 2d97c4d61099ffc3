//! The XML inside Word and LibreOffice files, read with quick-xml as a flat
//! stream of starts, ends and text (entities resolved) straight from the
//! zip container as it is unpacked (never the whole XML in memory), and
//! never recursively (any depth of nesting is a counter in the reader).
//! Shared by `docx` and `odt`; knows neither.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::{MAX_CELLS, Outside, ReadError, Table, too_many_cells};

/// One step of the document, names without their namespace prefix.
pub(super) enum Step<'a> {
    Start(&'a BytesStart<'a>),
    /// An element with no content (`<w:br/>`): a start and its end at once.
    Empty(&'a BytesStart<'a>),
    End(&'a str),
    Text(&'a str),
}

/// A document's reader: what to do at each start, end and text (names
/// without their namespace prefix).
pub(super) trait Reading: Default {
    /// `empty`: an element with no content (`<w:br/>`); its end follows.
    fn start(&mut self, name: &str, e: &BytesStart<'_>, empty: bool);
    fn end(&mut self, name: &str);
    fn text(&mut self, text: &str);
    /// The tables read, once the document has ended.
    fn finish(self) -> Result<Vec<Table>, ReadError>;

    fn step(&mut self, step: Step<'_>) {
        match step {
            Step::Start(e) => self.start(local(e), e, false),
            Step::Empty(e) => {
                let name = local(e);
                self.start(name, e, true);
                self.end(name);
            }
            Step::End(name) => self.end(name),
            Step::Text(t) => self.text(t),
        }
    }
}

/// A document's tables as read, the first holding the paragraphs outside
/// them; refused when they have more than [`MAX_CELLS`] cells.
pub(super) fn document(
    mut tables: Vec<Table>,
    cells: usize,
    outside: Outside,
) -> Result<Vec<Table>, ReadError> {
    if cells > MAX_CELLS {
        return Err(too_many_cells());
    }
    if let Some(first) = tables.first_mut() {
        first.outside = outside;
    }
    Ok(tables)
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
    let mut r = R::default();
    walk_reader(xml.as_bytes(), "the document", |step| r.step(step))?;
    r.finish()
}

/// The tables of one member of a zip container (`word/document.xml`),
/// read by `R` as the member is unpacked.
pub(super) fn read_member<R: Reading>(
    bytes: &[u8],
    member: &str,
    kind: &str,
) -> Result<Vec<Table>, ReadError> {
    let mut r = R::default();
    walk_member(bytes, member, kind, |step| r.step(step))?;
    r.finish()
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
            ReadError::new(format!(
                "{what} is damaged: {e} (at byte {})",
                reader.buffer_position()
            ))
            .hint("open it in Word or LibreOffice and save it again")
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
        ReadError::new(format!(
            "this is not a {kind} file (it is not a zip container)"
        ))
        .hint(format!("save it again as {kind} from Word or LibreOffice"))
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| not_zip())?;
    let file = archive.by_name(member).map_err(|_| {
        ReadError::new(format!("this {kind} file has no {member}"))
            .hint(format!("save it again as {kind} from Word or LibreOffice"))
    })?;
    if file.size() > MAX_MEMBER_BYTES {
        return Err(ReadError::new(format!(
            "{member} of this {kind} file is larger than {} MiB unpacked: not a catalogue",
            MAX_MEMBER_BYTES >> 20
        )));
    }
    let input = std::io::BufReader::new(Pieces {
        inner: file.take(MAX_MEMBER_BYTES),
        run: 0,
    });
    walk_reader(input, &format!("{member} of this {kind} file"), f)
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
            return Err(std::io::Error::other(format!(
                "more than {} MiB of text without markup; no act's table holds that",
                MAX_PIECE_BYTES >> 20
            )));
        }
        Ok(n)
    }
}
