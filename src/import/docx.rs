//! Word (`.docx`): the tables of `word/document.xml`. A paragraph with
//! numbering (`w:numPr`) or a list style is a list item; a line break is a
//! new line of the cell; merged cells leave empty cells in their place so
//! columns stay aligned. Tables nested in a cell add their text to it.
//! The XML is walked by `xml`, the tables built by `table::Builder`.

use quick_xml::events::BytesStart;

use super::table::Builder;
use super::xml::{Reading, attr, read_member};
use super::{Para, ReadError, Table};

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Table>, ReadError> {
    read_member::<State>(bytes, "word/document.xml", ".docx")
}

#[derive(Default)]
struct State {
    para: Option<Para>,
    in_text: bool,
    /// Extra empty cells to add after the current one (`w:gridSpan`).
    span: usize,
}

impl Reading for State {
    const TABLE: &'static str = "tbl";
    const ROW: &'static str = "tr";
    const CELLS: &'static [&'static str] = &["tc"];

    fn start(&mut self, tables: &mut Builder, name: &str, e: &BytesStart<'_>, empty: bool) {
        let s = self;
        match name {
            "tc" if tables.depth() == 1 => s.span = 0,
            "gridSpan" if tables.depth() == 1 => {
                s.span = attr(e, "val")
                    .and_then(|v| v.parse::<usize>().ok())
                    .map_or(0, |n| n.saturating_sub(1).min(64));
            }
            // A cell merged with the one above (`w:val` absent or `continue`).
            "vMerge" if tables.depth() == 1 && attr(e, "val").is_none_or(|v| v == "continue") => {
                tables.merge_last();
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

    fn end(&mut self, tables: &mut Builder, name: &str) {
        let s = self;
        match name {
            "t" => s.in_text = false,
            "p" => {
                if let Some(p) = s.para.take() {
                    tables.paragraph(p);
                }
            }
            "tc" if tables.depth() == 1 => {
                tables.pad(s.span);
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
        assert!(e.message.contains("danneggiato"), "{e}");
    }
}
