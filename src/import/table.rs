//! The one table builder of the document readers (`docx`, `odt`, `html`):
//! tables, rows and cells added in document order, each to the last one
//! open, with the same labels (`table 2`, `table 2 (Tabella2)`), row numbers
//! and padding for spanned, repeated or covered cells; the paragraphs outside
//! the tables go to the first table (a table with no rows when the document
//! has none), kept for `lists` and the report.
//!
//! Cells are counted, merged and repeated ones included: past [`MAX_CELLS`]
//! (for the XML readers, whose repeats can multiply a small file) no more are
//! added and [`Builder::finish`] refuses the file. It decides nothing about
//! what the cells mean (that is `catalogue`).

use super::{Cell, MAX_CELLS, Outside, Para, Places, ReadError, Row, Table, too_many_cells};
use crate::i18n::t;

/// The tables of one document being read.
pub(super) struct Builder {
    tables: Vec<Table>,
    /// Cells so far, up to one past `limit` (then no more are added).
    cells: usize,
    limit: usize,
    /// Tables open around the current element (for the XML readers; a
    /// nested table is part of its cell's text).
    depth: usize,
    /// Paragraphs outside the tables, for the report.
    outside: Outside,
}

impl Default for Builder {
    /// A builder that refuses more than [`MAX_CELLS`] cells.
    fn default() -> Builder {
        Builder::with_limit(MAX_CELLS)
    }
}

impl Builder {
    /// A builder that refuses more than `limit` cells (`usize::MAX`: none).
    pub(super) fn with_limit(limit: usize) -> Builder {
        Builder {
            tables: Vec::new(),
            cells: 0,
            limit,
            depth: 0,
            outside: Outside::default(),
        }
    }

    /// No table started yet.
    #[cfg(test)]
    pub(super) fn is_empty(&self) -> bool {
        self.tables.is_empty()
    }

    /// Starts a table: `table <n>`, or `table <n> (<name>)` when the
    /// document names it.
    pub(super) fn table(&mut self, name: Option<&str>) {
        let n = self.tables.len() + 1;
        self.tables.push(Table {
            label: match name {
                None => t!("import-label-table", n = n),
                Some(name) => t!("import-label-table-named", n = n, name = name),
            },
            places: Places::TableRows,
            rows: Vec::new(),
            unread: Vec::new(),
            outside: Outside::default(),
            hidden: false,
        });
    }

    /// A table element opens: true when it is a table of its own (not
    /// nested in a cell), to be started with [`Builder::table`].
    pub(super) fn enter(&mut self) -> bool {
        self.depth += 1;
        self.depth == 1
    }

    /// A table element closes.
    pub(super) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Tables open: 0 outside the tables, 1 in a table of its own, more in
    /// a nested one.
    pub(super) fn depth(&self) -> usize {
        self.depth
    }

    /// A paragraph read: into the last cell inside a table, else outside.
    pub(super) fn paragraph(&mut self, p: Para) {
        if self.depth == 0 {
            self.outside.keep(p);
        } else {
            self.para(p);
        }
    }

    /// Starts a row of the last table.
    pub(super) fn row(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            let number = t.rows.len() + 1;
            t.rows.push(Row {
                number,
                cells: Vec::new(),
            });
        }
    }

    /// Adds `cell` to the last row.
    pub(super) fn cell(&mut self, cell: Cell) {
        if let Some(r) = self.last_row() {
            r.cells.push(cell);
            self.cells += 1;
        }
    }

    /// Adds `n` empty cells to the last row (the rest of a spanned cell).
    pub(super) fn pad(&mut self, n: usize) {
        if let Some(r) = self.last_row() {
            for _ in 0..n {
                r.cells.push(Cell::default());
            }
            self.cells += n;
        }
    }

    /// Adds an empty cell covered by a cell above that spans rows.
    pub(super) fn covered(&mut self) {
        self.pad(1);
        self.merge_last();
    }

    /// Marks the last cell as covered by a cell above that spans rows.
    pub(super) fn merge_last(&mut self) {
        if let Some(c) = self.last_row().and_then(|r| r.cells.last_mut()) {
            c.merged = true;
        }
    }

    /// Adds `n` copies of the last row's last cell (a repeated cell).
    pub(super) fn repeat(&mut self, n: usize) {
        if let Some(r) = self.last_row()
            && let Some(c) = r.cells.last().cloned()
        {
            for _ in 0..n {
                r.cells.push(c.clone());
            }
            self.cells += n;
        }
    }

    /// Adds a paragraph to the last cell.
    pub(super) fn para(&mut self, p: Para) {
        if let Some(c) = self
            .tables
            .last_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.cells.last_mut())
        {
            c.paras.push(p);
        }
    }

    /// A paragraph outside the tables, for the report.
    #[cfg(test)]
    pub(super) fn outside(&mut self, text: &str) {
        self.outside.add(text);
    }

    /// A paragraph outside the tables; `chrome`: of a page's menus, header
    /// or footer; `starts_list`: the first item of a list of a page.
    pub(super) fn outside_para(&mut self, p: Para, chrome: bool, starts_list: bool) {
        self.outside.keep_marked(p, chrome, starts_list);
    }

    /// The last row, while cells may still be added.
    fn last_row(&mut self) -> Option<&mut Row> {
        if self.cells > self.limit {
            return None;
        }
        self.tables.last_mut().and_then(|t| t.rows.last_mut())
    }

    /// The document's tables, the first holding the paragraphs outside them;
    /// refused when they have more cells than the limit.
    pub(super) fn finish(self) -> Result<Vec<Table>, ReadError> {
        if self.cells > self.limit {
            return Err(too_many_cells());
        }
        let mut tables = self.tables;
        match tables.first_mut() {
            Some(first) => first.outside = self.outside,
            // A document without tables: its paragraphs, for `lists`.
            None if self.outside.count > 0 => tables.push(Table {
                label: crate::i18n::t!("import-flat-label-document"),
                places: Places::TableRows,
                rows: Vec::new(),
                unread: Vec::new(),
                outside: self.outside,
                hidden: false,
            }),
            None => {}
        }
        Ok(tables)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Para {
        Para {
            text: text.into(),
            listed: false,
        }
    }

    #[test]
    fn tables_rows_and_cells_are_added_to_the_last_one_open() {
        let mut b = Builder::default();
        assert!(b.is_empty());
        b.outside("before");
        // Nothing to add to before a table and a row.
        b.row();
        b.cell(Cell::default());
        b.para(para("lost"));
        b.table(None);
        b.row();
        b.cell(Cell::default());
        b.para(para("a"));
        b.pad(2);
        b.cell(Cell::default());
        b.para(para("b"));
        b.repeat(1);
        b.table(Some("Tabella2"));
        b.row();
        b.row();
        assert!(!b.is_empty());
        let t = b.finish().unwrap();
        assert_eq!(t[0].label, "tabella 1");
        assert_eq!(t[1].label, "tabella 2 (Tabella2)");
        let cells: Vec<String> = t[0].rows[0].cells.iter().map(Cell::flat).collect();
        assert_eq!(cells, ["a", "", "", "b", "b"]);
        assert_eq!(t[0].outside.count, 1);
        assert_eq!(t[0].outside.first, "before");
        assert_eq!(t[1].outside.count, 0);
        let numbers: Vec<usize> = t[1].rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 2]);
    }

    #[test]
    fn past_the_limit_no_cell_is_added_and_the_file_is_refused() {
        let mut b = Builder::with_limit(3);
        b.table(None);
        b.row();
        b.cell(Cell::default());
        b.pad(2);
        assert_eq!(b.tables[0].rows[0].cells.len(), 3);
        b.repeat(5);
        b.cell(Cell::default());
        assert_eq!(b.tables[0].rows[0].cells.len(), 8);
        assert_eq!(b.cells, 8);
        assert!(b.finish().is_err());
        let mut b = Builder::with_limit(3);
        b.table(None);
        b.row();
        b.pad(3);
        assert!(b.finish().is_ok());
    }
}
