//! `catalogo.csv`: RFC 4180 (comma, CRLF line ends, fields quoted when they
//! hold a comma, a quote or a line break), UTF-8 without BOM, header first,
//! one row per activity. [`push_record`] also writes the CSVs of the
//! "Cosa è cambiato" pages.

use super::rows::{Computed, Row, columns};
use crate::model::Site;
#[cfg(test)]
use crate::views::{self, UnitView};

/// About what an activity takes in `catalogo.csv` (~370 bytes at 1,000
/// synthetic units): the buffer is sized once instead of being copied as it
/// doubles.
const CSV_BYTES_PER_ROW: usize = 400;

/// `catalogo.csv`: RFC 4180 (comma, CRLF line ends, fields quoted when they
/// hold a comma, a quote or a line break), UTF-8 without BOM, header first.
#[cfg(test)]
pub(crate) fn csv(site: &Site, units: &[UnitView]) -> String {
    let common = views::common_view(site);
    let bytes = csv_of(site, &super::rows::rows(site, common.as_ref(), units));
    // Built from `&str`s only.
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`csv`] of the rows.
pub(super) fn csv_of(site: &Site, rows: &[Row]) -> Vec<u8> {
    let c = &site.config;
    let aggiornato = c.aggiornato_il.to_string();
    let mut out = String::with_capacity((rows.len() + 1) * CSV_BYTES_PER_ROW);
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
    }
    out.into_bytes()
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
        push_record(&mut s, ["a", "b,c", "d\"e", "f\ng", "", "h;i"].into_iter());
        assert_eq!(s, "a,\"b,c\",\"d\"\"e\",\"f\ng\",,h;i\r\n");
    }
}
