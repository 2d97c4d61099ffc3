//! The text of a PIAO table as copied from the act (see
//! `../shared/seed/processi-smartizzabili.txt`): one line per row, cells
//! separated by tabs, each cell an HTML fragment (`<b>`, `<ul><li>`, `<p>`).
//! Lines without a tab (titles, blank lines between pages) are not rows:
//! the report lists those with text.

use super::{Places, ReadError, Row, Table, html};
use crate::i18n::t;

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
