//! The XML inside Word and LibreOffice files, read with quick-xml as a flat
//! stream of starts, ends and text (entities resolved), plus reading one
//! member of the zip container. Shared by `docx` and `odt`; knows neither.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::ReadError;

/// One step of the document, names without their namespace prefix.
pub(super) enum Step<'a> {
    Start(&'a BytesStart<'a>),
    /// An element with no content (`<w:br/>`): a start and its end at once.
    Empty(&'a BytesStart<'a>),
    End(&'a str),
    Text(&'a str),
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

/// Calls `f` for every step of `xml`.
pub(super) fn walk(xml: &str, what: &str, mut f: impl FnMut(Step<'_>)) -> Result<(), ReadError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        let ev = reader.read_event().map_err(|e| {
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

/// The text of one member of a zip container (`word/document.xml`).
pub(super) fn zip_member(bytes: &[u8], member: &str, kind: &str) -> Result<String, ReadError> {
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
    let mut text = String::new();
    file.take(MAX_MEMBER_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| ReadError::new(format!("cannot read {member} of this {kind} file: {e}")))?;
    Ok(text)
}
