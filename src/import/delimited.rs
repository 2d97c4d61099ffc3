//! CSV (and tab-separated) files: the encoding (a BOM, else UTF-8 when the
//! bytes are valid UTF-8, else Windows-1252, what Excel saves in Italy) and
//! the separator (`,`, `;` or tab, the most frequent outside quotes) are
//! detected unless given; then the csv crate reads the records. Also
//! decodes the text of HTML and text files.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::{Cell, Places, ReadError, Row, Table};

/// The text of `bytes`, and the encoding it was read with.
pub(super) fn decode(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> (String, &'static Encoding) {
    let encoding = forced.unwrap_or_else(|| match Encoding::for_bom(bytes) {
        Some((enc, _)) => enc,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    });
    // `decode` strips a BOM of the same encoding.
    let (text, used, _) = encoding.decode(bytes);
    (text.into_owned(), used)
}

/// The separator used most often outside quotes in the first lines.
pub(super) fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for (lines, c) in text.chars().scan(0usize, |n, c| {
        if c == '\n' {
            *n += 1;
        }
        Some((*n, c))
    }) {
        if lines >= 30 {
            break;
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

pub(super) fn read(
    bytes: &[u8],
    encoding: Option<&'static Encoding>,
    delimiter: Option<u8>,
) -> Result<Vec<Table>, ReadError> {
    let (text, _) = decode(bytes, encoding);
    // With CRLF the csv crate counts a record's `\n` in the next record's
    // position (one line short); line ends do not matter to the cells.
    let text = text.replace("\r\n", "\n");
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&text));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            ReadError::new(format!("line {line}: this CSV cannot be read: {e}"))
                .hint("a quote `\"` opened in a cell is never closed; or choose the separator with --delimiter")
        })?;
        let number = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        rows.push(Row {
            number,
            cells: record.iter().map(Cell::from_text).collect(),
        });
    }
    Ok(vec![Table {
        label: "the file".into(),
        places: Places::Lines,
        rows,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_detected() {
        assert_eq!(decode("Città".as_bytes(), None).0, "Città");
        assert_eq!(decode(b"\xEF\xBB\xBFCitt\xC3\xA0", None).0, "Città");
        let (t, enc) = decode(b"Citt\xE0 \x80", None);
        assert_eq!(t, "Città €");
        assert_eq!(enc, WINDOWS_1252);
    }

    #[test]
    fn separators_detected_outside_quotes() {
        assert_eq!(sniff_delimiter("a;b;c\n\"x, y, z\";2;3\n"), b';');
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n"), b'\t');
        assert_eq!(
            sniff_delimiter("Titolo;;\n\"Unità\";Attività, varie;x\n"),
            b';'
        );
    }

    #[test]
    fn records_keep_their_lines() {
        let t = read(b"a;b\n\"due\nrighe\";c\nd;e\n", None, None).unwrap();
        let rows = &t[0].rows;
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].cells[0].paras.len(), 2);
        assert_eq!(rows[2].number, 4);
        let t = read(b"Titolo;;\r\n;;\r\nU;A;N\r\nX;\"a\r\nb\";\r\n", None, None).unwrap();
        let numbers: Vec<usize> = t[0].rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
    }
}
