//! CSV (and tab-separated) files: the encoding (a BOM, else UTF-16 when
//! every other byte is zero, else UTF-8 when the bytes are valid UTF-8,
//! else Windows-1252, what Excel saves in Italy) and
//! the separator (`,`, `;` or tab, the most frequent outside quotes) are
//! detected unless given; then the csv crate reads the records. Also
//! decodes the text of HTML and text files.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::{Cell, Places, ReadError, Row, Table};
use crate::i18n::t;

/// The text of `bytes`, and the encoding it was read with.
pub(super) fn decode(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> (String, &'static Encoding) {
    let encoding = forced.unwrap_or_else(|| match Encoding::for_bom(bytes) {
        Some((enc, _)) => enc,
        None => match utf16_without_bom(bytes) {
            Some(enc) => enc,
            None if std::str::from_utf8(bytes).is_ok() => UTF_8,
            None => WINDOWS_1252,
        },
    });
    // `decode` strips a BOM of the same encoding.
    let (text, used, _) = encoding.decode(bytes);
    (text.into_owned(), used)
}

/// UTF-16 without a BOM (Notepad's "Unicode" saved by some programs, or a
/// BOM lost in a copy), told by its zero bytes: text in a Latin alphabet is
/// mostly ASCII, whose UTF-16 has a zero byte in every pair, on the second
/// byte (little endian) or the first (big endian). UTF-8 and Windows-1252
/// text has no zero bytes at all.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |first: usize| {
        sample
            .iter()
            .skip(first)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    // Most pairs zero on one side, (almost) none on the other.
    if odd * 10 >= pairs * 6 && even * 20 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 6 && odd * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
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
            ReadError::new(t!(
                "import-csv-unreadable",
                line = line,
                error = e.to_string()
            ))
            .hint(t!("import-csv-unreadable-hint"))
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
        label: t!("import-label-file"),
        places: Places::Lines,
        rows,
        unread: Vec::new(),
        outside: Default::default(),
        hidden: false,
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

    /// Issue 21: Notepad's "Unicode" (UTF-16, with a BOM or without) was
    /// read as Windows-1252, a NUL between every letter.
    #[test]
    fn utf16_with_and_without_bom() {
        let text = "Unità;Attività\r\nUfficio Città;Verifica €\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, want) in [(le, UTF_16LE), (be, UTF_16BE)] {
            let with_bom: Vec<u8> = match want == UTF_16LE {
                true => [0xFF, 0xFE].into_iter().chain(bytes.clone()).collect(),
                false => [0xFE, 0xFF].into_iter().chain(bytes.clone()).collect(),
            };
            for b in [bytes, with_bom] {
                assert_eq!(decode(&b, None), (text.to_string(), want));
            }
        }
        // A few zero bytes are not UTF-16; plain text never is.
        assert_eq!(decode(b"ab\0cd;ef\r\n", None).1, UTF_8);
        assert_eq!(decode(b"a", None).1, UTF_8);
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
