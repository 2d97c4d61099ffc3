//! `catalogo.csv`: RFC 4180 (comma, CRLF line ends, fields quoted when they
//! hold a comma, a quote or a line break), UTF-8 without BOM, header first,
//! one row per activity. [`push_record`] also writes the CSVs of the
//! "Cosa è cambiato" pages.

use std::io::{self, Write};

use super::rows::{Fields, Row, columns};
use crate::model::Site;
use crate::scan;
#[cfg(test)]
use crate::views::{self, UnitView};

/// `catalogo.csv`: RFC 4180 (comma, CRLF line ends, fields quoted when they
/// hold a comma, a quote or a line break), UTF-8 without BOM, header first.
#[cfg(test)]
pub(crate) fn csv(site: &Site, units: &[UnitView]) -> String {
    let common = views::common_view(site);
    let rows = super::rows::rows(site, common.as_ref(), units);
    let mut bytes = Vec::with_capacity(super::measure(site, &rows).0);
    // Into memory: cannot fail.
    let _ = write_csv(site, &rows, &mut bytes);
    // Built from `&str`s only.
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`csv`] of the rows, written to `w` in pieces of ~64 KiB: a build writes
/// them straight into the file (at 10,000 units the CSV is 145 MB, which
/// was held whole); in memory, `w` is a buffer sized by [`super::measure`].
pub(super) fn write_csv(site: &Site, rows: &[Row], w: &mut dyn Write) -> io::Result<()> {
    const PIECE: usize = 64 * 1024;
    let c = &site.config;
    let aggiornato = c.aggiornato_il.to_string();
    let mut out = String::with_capacity(PIECE + PIECE / 4);
    push_record(&mut out, columns(site).iter().map(|col| col.name));
    let mut fields = Fields::new(c, &aggiornato, site.has_partial());
    // The unit's fields, quoted and joined once per unit.
    let mut unit_fields = String::new();
    for r in rows {
        fields.with(r, |f, unit| {
            let range = unit.range.clone();
            if !unit.same {
                unit_fields.clear();
                push_fields(&mut unit_fields, f[range.clone()].iter().copied());
            }
            push_fields(&mut out, f[..range.start].iter().copied());
            if range.start > 0 {
                out.push(',');
            }
            out.push_str(&unit_fields);
            for field in &f[range.end..] {
                out.push(',');
                push_field(&mut out, field);
            }
            out.push_str("\r\n");
        });
        if out.len() >= PIECE {
            w.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    w.write_all(out.as_bytes())
}

/// How many bytes [`push_record`] writes for `fields`.
#[cfg(test)]
fn record_len<'a>(fields: impl Iterator<Item = &'a str>) -> usize {
    let fields: Vec<&str> = fields.collect();
    fields.len().saturating_sub(1) + 2 + fields_len(&fields)
}

/// How many bytes `fields` take in a record, separators left out.
pub(super) fn fields_len(fields: &[&str]) -> usize {
    fields.iter().map(|f| field_len(f)).sum()
}

/// How many bytes [`push_field`] writes for `f`.
fn field_len(f: &str) -> usize {
    let bytes = f.as_bytes();
    let quoted = scan::find::<Special>(bytes, 0) < bytes.len();
    f.len()
        + if quoted {
            2 + bytes.iter().filter(|&&b| b == b'"').count()
        } else {
            0
        }
}

pub(in crate::render) fn push_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    push_fields(out, fields);
    out.push_str("\r\n");
}

/// `fields` separated by commas, without a line end.
fn push_fields<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, f);
    }
}

/// One field, quoted when it holds a comma, a quote or a line break.
fn push_field(out: &mut String, f: &str) {
    let bytes = f.as_bytes();
    // Nearly every field is written whole, found clean word by word.
    let special = scan::find::<Special>(bytes, 0);
    if special == bytes.len() {
        out.push_str(f);
        return;
    }
    out.push('"');
    let mut start = 0;
    let mut at = special;
    while at < bytes.len() {
        if bytes[at] == b'"' {
            out.push_str(&f[start..=at]);
            start = at;
        }
        at = scan::find::<Quote>(bytes, at + 1);
    }
    out.push_str(&f[start..]);
    out.push('"');
}

/// The bytes that make a field quoted: `,`, `"`, CR, LF.
struct Special;

impl scan::Set for Special {
    #[inline(always)]
    fn word(w: u64) -> bool {
        scan::byte(w, b',') | scan::byte(w, b'"') | scan::byte(w, b'\r') | scan::byte(w, b'\n') != 0
    }

    #[inline(always)]
    fn byte(b: u8) -> bool {
        matches!(b, b',' | b'"' | b'\r' | b'\n')
    }
}

/// A quote, doubled in a quoted field.
struct Quote;

impl scan::Set for Quote {
    #[inline(always)]
    fn word(w: u64) -> bool {
        scan::byte(w, b'"') != 0
    }

    #[inline(always)]
    fn byte(b: u8) -> bool {
        b == b'"'
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut s = String::new();
        let fields = ["a", "b,c", "d\"e", "f\ng", "", "h;i"];
        push_record(&mut s, fields.into_iter());
        assert_eq!(s, "a,\"b,c\",\"d\"\"e\",\"f\ng\",,h;i\r\n");
        assert_eq!(record_len(fields.into_iter()), s.len());
    }

    /// Quotes anywhere in long fields (the word-wise scan's every
    /// position), doubled, and the length told beforehand.
    #[test]
    fn quotes_are_doubled_wherever_they_are() {
        for len in 0..24 {
            for at in 0..len {
                for second in [None, Some((at + 1) % len), Some((at + 9) % len)] {
                    let mut text = vec![b'x'; len];
                    text[at] = b'"';
                    if let Some(j) = second {
                        text[j] = b'"';
                    }
                    let text = String::from_utf8(text).unwrap();
                    let mut s = String::new();
                    push_record(&mut s, ["é", &text].into_iter());
                    let want = format!("é,\"{}\"\r\n", text.replace('"', "\"\""));
                    assert_eq!(s, want);
                    assert_eq!(record_len(["é", &text].into_iter()), s.len());
                }
            }
        }
    }
}
