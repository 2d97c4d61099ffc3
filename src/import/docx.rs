//! Word (`.docx`): the tables of `word/document.xml`. A paragraph with
//! numbering (`w:numPr`) or a list style is a list item; a line break is a
//! new line of the cell; merged cells leave empty cells in their place so
//! columns stay aligned. Tables nested in a cell add their text to it.

use super::xml::{Reading, attr, document, read_member};
use super::{Cell, Outside, Para, Places, ReadError, Row, Table};

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Table>, ReadError> {
    read_member::<State>(bytes, "word/document.xml", ".docx")
}

#[derive(Default)]
struct State {
    tables: Vec<Table>,
    /// Cells so far, up to one past [`super::MAX_CELLS`] (then no more are added).
    cells: usize,
    /// Paragraphs outside the tables, for the report.
    outside: Outside,
    depth: usize,
    para: Option<Para>,
    in_text: bool,
    /// Extra empty cells to add after the current one (`w:gridSpan`).
    span: usize,
}

impl Reading for State {
    fn finish(self) -> Result<Vec<Table>, ReadError> {
        document(self.tables, self.cells, self.outside)
    }

    fn start(&mut self, name: &str, e: &quick_xml::events::BytesStart<'_>, empty: bool) {
        let s = self;
        match name {
            "tbl" => {
                s.depth += 1;
                if s.depth == 1 {
                    let n = s.tables.len() + 1;
                    s.tables.push(Table {
                        label: format!("table {n}"),
                        places: Places::TableRows,
                        rows: Vec::new(),
                        unread: Vec::new(),
                        outside: Outside::default(),
                    });
                }
            }
            "tr" if s.depth == 1 => {
                if let Some(t) = s.tables.last_mut() {
                    let number = t.rows.len() + 1;
                    t.rows.push(Row {
                        number,
                        cells: Vec::new(),
                    });
                }
            }
            "tc" if s.depth == 1 => {
                if let Some(r) = s.tables.last_mut().and_then(|t| t.rows.last_mut())
                    && s.cells <= super::MAX_CELLS
                {
                    r.cells.push(Cell::default());
                    s.cells += 1;
                }
                s.span = 0;
            }
            "gridSpan" if s.depth == 1 => {
                s.span = attr(e, "val")
                    .and_then(|v| v.parse::<usize>().ok())
                    .map_or(0, |n| n.saturating_sub(1).min(64));
            }
            "p" if !empty => s.para = Some(Para::default()),
            "numPr" => set_listed(s),
            "pStyle" => {
                let v = attr(e, "val").unwrap_or_default().to_lowercase();
                if v.contains("list") || v.contains("elenco") {
                    set_listed(s);
                }
            }
            "t" if !empty => s.in_text = true,
            "tab" => push(s, " "),
            "br" | "cr" => push(s, "\n"),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        let s = self;
        match name {
            "tbl" => s.depth = s.depth.saturating_sub(1),
            "t" => s.in_text = false,
            "p" if s.depth == 0 => {
                if let Some(p) = s.para.take() {
                    s.outside.add(&p.text);
                }
            }
            "p" => {
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
            "tc" if s.depth == 1 => {
                if let Some(r) = s.tables.last_mut().and_then(|t| t.rows.last_mut())
                    && s.cells <= super::MAX_CELLS
                {
                    for _ in 0..s.span {
                        r.cells.push(Cell::default());
                    }
                    s.cells += s.span;
                }
                s.span = 0;
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_text
            && let Some(p) = self.para.as_mut()
        {
            p.text.push_str(text);
        }
    }
}

fn set_listed(s: &mut State) {
    if let Some(p) = s.para.as_mut() {
        p.listed = true;
    }
}

fn push(s: &mut State, text: &str) {
    if let Some(p) = s.para.as_mut() {
        p.text.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::super::xml::parse;
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn cells_paragraphs_lists_and_breaks() {
        let xml = doc(r#"<w:p><w:r><w:t>Titolo fuori tabella</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ufficio &amp; C.</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Prima </w:t></w:r><w:r><w:t>voce</w:t></w:r></w:p>
            <w:p><w:r><w:t>riga</w:t><w:br/><w:t>due</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#);
        let t = parse::<State>(&xml).unwrap();
        assert_eq!(t.len(), 1);
        let cells = &t[0].rows[0].cells;
        assert_eq!(cells[0].flat(), "Ufficio & C.");
        assert_eq!(cells[1].paras[0].text, "Prima voce");
        assert!(cells[1].paras[0].listed);
        assert_eq!(cells[1].paras[1].text, "riga\ndue");
        assert!(!cells[1].paras[1].listed);
    }

    #[test]
    fn spans_keep_columns_aligned_and_nested_tables_stay_in_their_cell() {
        let xml = doc(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>largo</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>dentro</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>"#,
        );
        let t = parse::<State>(&xml).unwrap();
        assert_eq!(t.len(), 1);
        let cells = &t[0].rows[0].cells;
        assert_eq!(cells.len(), 3);
        assert_eq!(cells[2].flat(), "C dentro");
    }

    #[test]
    fn damaged_xml_is_an_error_not_a_panic() {
        let e = parse::<State>("<w:document><w:body><w:tbl></w:body>").unwrap_err();
        assert!(e.message.contains("damaged"), "{e}");
    }
}
