//! LibreOffice Writer (`.odt`): the tables of `content.xml`. A paragraph in
//! a `text:list-item` is a list item; `text:line-break` is a new line of the
//! cell; repeated and covered cells keep columns aligned; footnotes are left
//! out. Tables nested in a cell add their text to it. The XML is walked by
//! `xml`, the tables built by `table::Builder`.

use quick_xml::events::BytesStart;

use super::table::Builder;
use super::xml::{Reading, attr, read_member};
use super::{Para, ReadError, Table};

/// Repeated cells and rows beyond this are empty padding (LibreOffice
/// writes `number-columns-repeated="1000"` up to the sheet's edge).
const MAX_REPEAT: usize = 64;

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Table>, ReadError> {
    read_member::<State>(bytes, "content.xml", ".odt")
}

#[derive(Default)]
struct State {
    lists: usize,
    notes: usize,
    para: Option<Para>,
    /// Copies of the current cell still to add (`number-columns-repeated`).
    repeat: usize,
}

impl Reading for State {
    const TABLE: &'static str = "table";
    const ROW: &'static str = "table-row";
    const CELLS: &'static [&'static str] = &["table-cell", "covered-table-cell"];

    fn table_name(e: &BytesStart<'_>) -> Option<String> {
        attr(e, "name")
    }

    fn start(&mut self, tables: &mut Builder, name: &str, e: &BytesStart<'_>, empty: bool) {
        let s = self;
        match name {
            "table-cell" | "covered-table-cell" if tables.depth() == 1 => {
                if name == "covered-table-cell" {
                    tables.merge_last();
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

    fn end(&mut self, tables: &mut Builder, name: &str) {
        let s = self;
        match name {
            "list-item" | "list-header" => s.lists = s.lists.saturating_sub(1),
            "note" => s.notes = s.notes.saturating_sub(1),
            "p" | "h" if s.notes == 0 => {
                if let Some(p) = s.para.take() {
                    tables.paragraph(p);
                }
            }
            "table-cell" | "covered-table-cell" if tables.depth() == 1 => {
                tables.repeat(s.repeat);
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

fn repeat(e: &BytesStart<'_>, name: &str) -> usize {
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
        assert_eq!(t[0].label, "tabella 1 (Tabella1)");
        let cells = &t[0].rows[0].cells;
        assert_eq!(cells.len(), 4);
        assert_eq!(cells[0].flat(), "Ufficio");
        assert_eq!(cells[1].paras[0].text, "Prima  voce");
        assert!(cells[1].paras[0].listed);
        assert_eq!(cells[1].paras[1].text, "riga\ndue");
        assert!(!cells[1].paras[1].listed);
    }
}
