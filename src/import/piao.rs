//! The text of a PIAO table as copied from the act (see
//! `../shared/seed/processi-smartizzabili.txt`): one line per row, cells
//! separated by tabs, each cell an HTML fragment (`<b>`, `<ul><li>`, `<p>`).
//! Lines without a tab (titles, blank lines between pages) are not rows:
//! the report lists those with text. A `.txt` that Excel saved ("Unicode
//! text": tabs, a cell with a line break or a quote in quotes, no HTML) is
//! told apart ([`is_excel_text`]) and read as a TSV.

use super::{Places, ReadError, Row, Table, html};
use crate::i18n::t;

/// A text Excel saved with tabs: some cell starts with a quote (Excel
/// quotes a cell holding a line break, a tab or a quote: `"Gestione
/// IMU` ... `Accertamenti ""TARI"""`), and no HTML tag is in the text
/// (the PIAO text's cells are HTML).
pub(super) fn is_excel_text(text: &str) -> bool {
    let quoted = text
        .lines()
        .any(|l| l.contains('\t') && l.split('\t').any(|c| c.starts_with('"')));
    quoted && !has_tag(text)
}

/// An HTML tag of a PIAO text's cells (`<b>`, `<ul>`, `<li>`, `<br/>`...).
fn has_tag(text: &str) -> bool {
    const TAGS: &[&str] = &[
        "ul", "ol", "li", "p", "br", "b", "i", "u", "div", "span", "strong", "em", "table", "tr",
        "td", "th", "a", "h1", "h2", "h3", "h4",
    ];
    text.match_indices('<').any(|(at, _)| {
        let rest = text[at + 1..].trim_start_matches('/');
        let name: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        TAGS.contains(&name.as_str())
            && rest[name.len()..].starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace())
    })
}

pub(super) fn read(text: &str) -> Result<Vec<Table>, ReadError> {
    let mut rows = Vec::new();
    let mut unread = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if !line.contains('\t') {
            if !line.trim().is_empty() {
                unread.push((super::line_place(i + 1, None), line.trim().to_string()));
            }
            continue;
        }
        let mut cells = Vec::new();
        for (c, cell) in line.split('\t').enumerate() {
            cells.push(
                html::fragment_cell(cell)
                    .map_err(|_| html::too_deep(&super::line_place(i + 1, Some(c))))?,
            );
        }
        rows.push(Row {
            number: i + 1,
            cells,
        });
    }
    Ok(vec![Table {
        label: t!("import-label-text"),
        places: Places::Lines,
        rows,
        unread,
        outside: Default::default(),
        hidden: false,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_text_is_told_from_the_piao_text() {
        assert!(is_excel_text(
            "Ufficio\tAttività smartizzabili\r\nTributi\t\"Gestione IMU\nAccertamenti\"\r\n"
        ));
        assert!(is_excel_text(
            "Ufficio\tAttività\nTributi\t\"Sportello \"\"front office\"\"\"\t<nota>\n"
        ));
        // The PIAO text: HTML in the cells.
        assert!(!is_excel_text(
            "Ufficio\tAttività\n<b>Tributi</b>\t\"<ul><li>Uno</li></ul>\n"
        ));
        assert!(!is_excel_text("Ufficio\tAttività\nTributi\tGestione IMU\n"));
        // A quote outside a table's cells.
        assert!(!is_excel_text("\"Le attività\" sono:\n- Uno\n"));
    }
}
