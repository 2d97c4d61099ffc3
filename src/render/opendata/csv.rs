//! `catalogo.csv`: RFC 4180 (comma, CRLF line ends, fields quoted when they
//! hold a comma, a quote or a line break), UTF-8 without BOM, header first,
//! one row per activity. [`push_record`] also writes the CSVs of the
//! "Cosa è cambiato" pages.

use std::io::{self, Write};

use super::rows::{Computed, Row, columns};
use crate::model::Site;
#[cfg(test)]
use crate::views::{self, UnitView};

/// `catalogo.csv`: RFC 4180 (comma, CRLF line ends, fields quoted when they
/// hold a comma, a quote or a line break), UTF-8 without BOM, header first.
#[cfg(test)]
pub(crate) fn csv(site: &Site, units: &[UnitView]) -> String {
    let common = views::common_view(site);
    let rows = super::rows::rows(site, common.as_ref(), units);
    let mut bytes = Vec::with_capacity(csv_len(site, &rows));
    // Into memory: cannot fail.
    let _ = write_csv(site, &rows, &mut bytes);
    // Built from `&str`s only.
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`csv`] of the rows, written to `w` in pieces of ~64 KiB: a build writes
/// them straight into the file (at 10,000 units the CSV is 145 MB, which
/// was held whole); in memory, `w` is a buffer sized by [`csv_len`].
pub(super) fn write_csv(site: &Site, rows: &[Row], w: &mut dyn Write) -> io::Result<()> {
    const PIECE: usize = 64 * 1024;
    let c = &site.config;
    let aggiornato = c.aggiornato_il.to_string();
    let mut out = String::with_capacity(PIECE + PIECE / 4);
    push_record(&mut out, columns(site).iter().map(|col| col.name));
    let partial = site.has_partial();
    let mut computed = Computed::default();
    for r in rows {
        computed.fill(r, &c.base_url);
        push_record(
            &mut out,
            r.fields(c, &aggiornato, computed.fields(), partial)
                .into_iter(),
        );
        if out.len() >= PIECE {
            w.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    w.write_all(out.as_bytes())
}

/// The length of [`write_csv`]'s file, measured in a pass that writes
/// nothing: the file is then written into one buffer of its size. A
/// buffer grown by doubling copied the file and touched up to twice its
/// pages (14 MB at the 1,000 units of the acceptance catalogue, whose long
/// activities outgrew a fixed guess per row; 140 MB at 10,000), and fresh
/// pages were a third of a build's CPU (issue 25's profile).
pub(super) fn csv_len(site: &Site, rows: &[Row]) -> usize {
    let c = &site.config;
    let aggiornato = c.aggiornato_il.to_string();
    let mut len = record_len(columns(site).iter().map(|col| col.name));
    let partial = site.has_partial();
    let mut computed = Computed::default();
    for r in rows {
        computed.fill(r, &c.base_url);
        len += record_len(
            r.fields(c, &aggiornato, computed.fields(), partial)
                .into_iter(),
        );
    }
    len
}

/// How many bytes [`push_record`] writes for `fields`.
fn record_len<'a>(fields: impl Iterator<Item = &'a str>) -> usize {
    let mut len = 2; // CRLF
    for (i, f) in fields.enumerate() {
        len += f.len() + usize::from(i > 0);
        if f.contains([',', '"', '\r', '\n']) {
            len += 2 + f.matches('"').count();
        }
    }
    len
}

pub(in crate::render) fn push_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
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
}
