//! LibreOffice Writer (`.odt`): the tables of `content.xml`. A paragraph in
//! a `text:list-item` is a list item; `text:line-break` is a new line of the
//! cell; repeated and covered cells keep columns aligned; footnotes are left
//! out. Tables nested in a cell add their text to it.

use super::xml::{Reading, attr, document, read_member};
use super::{Cell, Outside, Para, Places, ReadError, Row, Table};

/// Repeated cells and rows beyond this are empty padding (LibreOffice
/// writes `number-columns-repeated="1000"` up to the sheet's edge).
const MAX_REPEAT: usize = 64;

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Table>, ReadError> {
    read_member::<State>(bytes, "content.xml", ".odt")
}

#[derive(Default)]
struct State {
    tables: Vec<Table>,
    /// Cells so far, up to one past [`super::MAX_CELLS`] (then no more are added).
    cells: usize,
    /// Paragraphs outside the tables, for the report.
    outside: Outside,
    depth: usize,
    lists: usize,
    notes: usize,
    para: Option<Para>,
    /// Copies of the current cell still to add (`number-columns-repeated`).
    repeat: usize,
}

impl Reading for State {
    fn finish(self) -> Result<Vec<Table>, ReadError> {
        document(self.tables, self.cells, self.outside)
    }

    fn start(&mut self, name: &str, e: &quick_xml::events::BytesStart<'_>, empty: bool) {
        let s = self;
        match name {
            "table" => {
                s.depth += 1;
                if s.depth == 1 {
                    let n = s.tables.len() + 1;
                    s.tables.push(Table {
                        label: attr(e, "name").map_or_else(
                            || format!("table {n}"),
                            |name| format!("table {n} ({name})"),
                        ),
                        places: Places::TableRows,
                        rows: Vec::new(),
                        unread: Vec::new(),
                        outside: Outside::default(),
                    });
                }
            }
            "table-row" if s.depth == 1 => {
                if let Some(t) = s.tables.last_mut() {
                    let number = t.rows.len() + 1;
                    t.rows.push(Row {
                        number,
                        cells: Vec::new(),
                    });
                }
            }
            "table-cell" | "covered-table-cell" if s.depth == 1 => {
                if let Some(r) = s.tables.last_mut().and_then(|t| t.rows.last_mut())
                    && s.cells <= super::MAX_CELLS
                {
                    r.cells.push(Cell::default());
                    s.cells += 1;
                }
                s.repeat = repeat(e, "number-columns-repeated") - 1;
            }
            "list-item" | "list-header" => s.lists += 1,
            "note" => s.notes += 1,
            "p" | "h" if !empty && s.notes == 0 => {
                s.para = Some(Para {
                    text: String::new(),
                    listed: s.lists > 0,
                })
            }
            "line-break" => push(s, "\n"),
            "tab" => push(s, " "),
            "s" => {
                let n = repeat(e, "c");
                push(s, &" ".repeat(n));
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        let s = self;
        match name {
            "table" => s.depth = s.depth.saturating_sub(1),
            "list-item" | "list-header" => s.lists = s.lists.saturating_sub(1),
            "note" => s.notes = s.notes.saturating_sub(1),
            "p" | "h" if s.notes == 0 && s.depth == 0 => {
                if let Some(p) = s.para.take() {
                    s.outside.add(&p.text);
                }
            }
            "p" | "h" if s.notes == 0 => {
                if let Some(p) = s.para.take()
                    && let Some(c) = s
                        .tables
                        .last_mut()
                        .and_then(|t| t.rows.last_mut())
                        .and_then(|r| r.cells.last_mut())
                {
                    c.paras.push(p);
                }
            }
            "table-cell" | "covered-table-cell" if s.depth == 1 => {
                if let Some(r) = s.tables.last_mut().and_then(|t| t.rows.last_mut())
                    && let Some(c) = r.cells.last().cloned()
                    && s.cells <= super::MAX_CELLS
                {
                    for _ in 0..s.repeat {
                        r.cells.push(c.clone());
                    }
                    s.cells += s.repeat;
                }
                s.repeat = 0;
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.notes == 0
            && let Some(p) = self.para.as_mut()
        {
            p.text.push_str(text);
        }
    }
}

fn repeat(e: &quick_xml::events::BytesStart<'_>, name: &str) -> usize {
    attr(e, name)
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_REPEAT)
}

fn push(s: &mut State, text: &str) {
    if s.notes == 0
        && let Some(p) = s.para.as_mut()
    {
        p.text.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::super::xml::parse;
    use super::*;

    #[test]
    fn cells_lists_breaks_and_notes() {
        let xml = r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:text>
        <table:table table:name="Tabella1"><table:table-row>
          <table:table-cell><text:p>Ufficio<text:note><text:note-body><text:p>nota</text:p></text:note-body></text:note></text:p></table:table-cell>
          <table:table-cell><text:list><text:list-item><text:p>Prima<text:s text:c="2"/>voce</text:p></text:list-item></text:list>
             <text:p>riga<text:line-break/>due</text:p></table:table-cell>
          <table:covered-table-cell table:number-columns-repeated="2"/>
        </table:table-row></table:table></office:text></office:body></office:document-content>"#;
        let t = parse::<State>(xml).unwrap();
        assert_eq!(t[0].label, "table 1 (Tabella1)");
        let cells = &t[0].rows[0].cells;
        assert_eq!(cells.len(), 4);
        assert_eq!(cells[0].flat(), "Ufficio");
        assert_eq!(cells[1].paras[0].text, "Prima  voce");
        assert!(cells[1].paras[0].listed);
        assert_eq!(cells[1].paras[1].text, "riga\ndue");
        assert!(!cells[1].paras[1].listed);
    }
}
