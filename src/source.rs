//! Reading one content file from disk into text the parsers can trust: size
//! limit, UTF-8 check with the position of the first bad byte, UTF-8 BOM and
//! CRLF and lone CR line endings accepted.
//!
//! It owns the [`SourceFile`] type that carries a file's text and the path the
//! user knows it by, so every later stage can point at a line.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, diag};
use crate::i18n::t;
use crate::model::Span;

/// Files larger than this are not content a person writes by hand.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// A content file's text, ready to parse.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path shown to the user (relative to the site root).
    pub display: PathBuf,
    /// The text, without BOM and with `\r\n` and a lone `\r` turned into `\n`.
    pub text: String,
    /// The byte offset where each line starts, so a diagnostic finds its
    /// line without scanning the text (a file may have thousands).
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// `text` (already decoded) known to the user as `display`.
    pub fn new(display: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .filter(|&i| i < text.len())
            .collect();
        SourceFile {
            display: display.into(),
            text,
            line_starts,
        }
    }

    /// The text of 1-based line `n`, without its line ending.
    pub fn line(&self, n: usize) -> Option<&str> {
        let start = *self.line_starts.get(n.checked_sub(1)?)?;
        let end = self.line_starts.get(n).map_or(self.text.len(), |&e| e - 1);
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }

    /// The lines of the text, as `str::lines` gives them (without `\n`
    /// or `\r\n`), from the line starts already found.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        let ends = self.line_starts.iter().skip(1).copied();
        let ends = ends.chain(std::iter::once(self.text.len()));
        self.line_starts.iter().zip(ends).map(|(&start, end)| {
            let line = &self.text[start..end];
            match line.strip_suffix('\n') {
                Some(l) => l.strip_suffix('\r').unwrap_or(l),
                None => line,
            }
        })
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// An error located at `line:column` of this file.
    pub fn error_at(&self, line: usize, column: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.display, message).at_line(line, column, self.line(line))
    }

    /// A warning located at `line:column` of this file.
    pub fn warning_at(&self, line: usize, column: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&self.display, message).at_line(line, column, self.line(line))
    }

    /// An error at `span` of this file.
    pub fn error_on(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.error_at(span.line, span.column, message)
    }

    /// A warning at `span` of this file.
    pub fn warning_on(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.warning_at(span.line, span.column, message)
    }
}

/// Reads `path` (shown to the user as `display`) as UTF-8 text.
pub(crate) fn read(path: &Path, display: &Path) -> Result<SourceFile, Diagnostic> {
    let cannot_read =
        |e: std::io::Error| diag!(Error, "source-cannot-read", display, error = e.to_string());
    let too_large = |len: u64| {
        (len > MAX_FILE_BYTES).then(|| {
            diag!(
                Error,
                "source-too-large",
                display,
                size_kib = len / 1024,
                limit_kib = MAX_FILE_BYTES / 1024
            )
        })
    };
    // Opened once: the size comes from the open file, not from a second
    // lookup of its path. A file that cannot be opened is looked up as
    // before, so a file too large is still said to be so first.
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            let meta = fs::metadata(path).map_err(cannot_read)?;
            return Err(too_large(meta.len()).unwrap_or_else(|| cannot_read(e)));
        }
    };
    let len = file.metadata().map_err(cannot_read)?.len();
    if let Some(d) = too_large(len) {
        return Err(d);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(cannot_read)?;
    decode(bytes, display)
}

/// Turns raw bytes into a [`SourceFile`], or says where the bytes stop being UTF-8.
pub fn decode(bytes: Vec<u8>, display: &Path) -> Result<SourceFile, Diagnostic> {
    if let Some(order) = utf16(&bytes) {
        return Err(diag!(Error, "source-utf16", display, order = order).at_line(1, 1, None));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.as_bytes();
            let bad = e.utf8_error().valid_up_to();
            let before = String::from_utf8_lossy(&bytes[..bad]);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let shown = String::from_utf8_lossy(bytes);
            let d = diag!(
                Error,
                "source-not-utf8",
                display,
                byte = format!("{:02X}", bytes[bad]),
                offset = bad
            )
            .at(&shown, line, column);
            return Err(match latin1_guess(bytes[bad]) {
                Some(letter) => d.with_hint(t!(
                    "source-not-utf8.hint-letter",
                    letter = letter.to_string()
                )),
                None => d,
            });
        }
    };
    // The text is copied only when it changes (BOM, CR).
    let mut text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    // A lone CR (old Mac files) is a line break for YAML and Markdown too:
    // kept, the parser's line numbers would not be this file's.
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    Ok(SourceFile::new(display, text))
}

/// Whether `bytes` look like UTF-16 (Notepad's "Unicode"): a byte order
/// mark, or a zero byte beside each of the first characters (ASCII text in
/// UTF-16), which UTF-8 text never has. The byte order, as the `$order` of
/// `source-utf16`: `le`, `be`, `le-bom` or `be-bom`.
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some("le-bom"),
        [0xFE, 0xFF, ..] => return Some("be-bom"),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    if head.len() < 4 {
        return None;
    }
    // Zero bytes at odd (little-endian) or even (big-endian) places only,
    // beside at least three characters in four (the rest: letters such as
    // `€` whose both bytes are set).
    let pairs = head.len() / 2;
    let count = |at: usize| {
        head.chunks_exact(2)
            .filter(|p| p[at] == 0 && p[1 - at] != 0)
            .count()
    };
    let (odd, even) = (count(1), count(0));
    if even == 0 && odd * 4 >= pairs * 3 {
        Some("le")
    } else if odd == 0 && even * 4 >= pairs * 3 {
        Some("be")
    } else {
        None
    }
}

/// The letter `b` is in Windows-1252 (`à`), when it is one.
fn latin1_guess(b: u8) -> Option<char> {
    let c = char::from(b);
    (b >= 0xC0 && c.is_alphabetic()).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn bom_and_crlf_are_accepted() {
        let f = decode(
            b"\xEF\xBB\xBFnome: A\r\nx: 1\r\n".to_vec(),
            Path::new("a.yaml"),
        )
        .unwrap();
        assert_eq!(f.text, "nome: A\nx: 1\n");
    }

    #[test]
    fn latin1_is_located() {
        let bytes = b"nome: A\narea: Attivit\xE0\n".to_vec();
        let d = with_lang(Lang::En, || {
            decode(bytes.clone(), Path::new("a.yaml")).unwrap_err()
        });
        assert_eq!((d.line, d.column), (2, 14));
        assert_eq!(
            d.message,
            "the file is not UTF-8 text (byte 0xE0 at byte offset 21)"
        );
        assert_eq!(
            d.hint.as_deref(),
            Some(
                "save the file as UTF-8 (it was probably saved as Windows-1252 or Latin-1 by an old editor, where this byte is `à`)"
            )
        );
        let it = decode(bytes, Path::new("a.yaml")).unwrap_err();
        assert_eq!(
            it.message,
            "il file non è un testo UTF-8 (byte 0xE0 alla posizione 21)"
        );
        assert_eq!(it.code, Some("source-not-utf8"));
        // A byte that is no letter: the plain hint.
        let d = decode(b"a: \x81\n".to_vec(), Path::new("a.yaml")).unwrap_err();
        assert!(
            d.hint.as_deref().is_some_and(|h| h.ends_with("Latin-1)")),
            "{d}"
        );
    }

    /// Notepad's "Unicode" is UTF-16: named, with or without a byte order
    /// mark, never taken for Windows-1252.
    #[test]
    fn utf16_is_named() {
        let le: Vec<u8> = "nome: Ufficio Tributi €\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "nome: Ufficio Tributi\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let with_bom = [vec![0xFF, 0xFE], le.clone()].concat();
        for (bytes, order) in [
            (le, "little-endian"),
            (be, "big-endian"),
            (with_bom, "little-endian, with a byte order mark"),
        ] {
            let d = with_lang(Lang::En, || decode(bytes, Path::new("a.yaml")).unwrap_err());
            assert!(d.message.contains("UTF-16"), "{}", d.message);
            assert!(d.message.contains(order), "{}", d.message);
            assert!(!d.hint.as_deref().unwrap_or("").contains("1252"));
        }
        // UTF-8 text, even with an accented letter, is not UTF-16.
        assert!(utf16("nome: Attività\n".as_bytes()).is_none());
        assert!(utf16(b"ab").is_none());
    }

    #[test]
    fn lines_are_indexed() {
        let f = SourceFile::new("a.yaml", "uno\n\ntre\n");
        assert_eq!(f.line_count(), 3);
        assert_eq!(f.line(1), Some("uno"));
        assert_eq!(f.line(2), Some(""));
        assert_eq!(f.line(3), Some("tre"));
        assert_eq!(f.line(4), None);
        assert_eq!(f.line(0), None);
        let last = SourceFile::new("a.yaml", "a\nb");
        assert_eq!((last.line_count(), last.line(2)), (2, Some("b")));
        assert_eq!(SourceFile::new("a.yaml", "").line(1), None);
    }

    #[test]
    fn lines_are_those_of_str_lines() {
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "a\n\nb\n",
            "a\r\nb\r\n",
            "a\r",
            "a\r\r\n",
            "\r\n",
            " x \n\ty",
        ] {
            let f = SourceFile::new("a.yaml", text);
            assert_eq!(
                f.lines().collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn paths_are_kept() {
        let p: PathBuf = "content/x.yaml".into();
        let f = decode(b"a".to_vec(), &p).unwrap();
        assert_eq!(f.display, p);
    }
}
