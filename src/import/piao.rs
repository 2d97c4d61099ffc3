//! The text of a PIAO table as copied from the act (see
//! `../shared/seed/processi-smartizzabili.txt`): one line per row, cells
//! separated by tabs, each cell an HTML fragment (`<b>`, `<ul><li>`, `<p>`).
//! Lines without a tab (titles, blank lines between pages) are not rows.

use super::{Places, Row, Table, html};

pub(super) fn read(text: &str) -> Vec<Table> {
    let rows = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains('\t'))
        .map(|(i, l)| Row {
            number: i + 1,
            cells: l.split('\t').map(html::fragment_cell).collect(),
        })
        .collect();
    vec![Table {
        label: "the text".into(),
        places: Places::Lines,
        rows,
    }]
}
