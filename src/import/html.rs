//! HTML: the `<table>`s of a page (`.html`, `.htm`, what Word's "save as
//! web page" and many intranets give), and the HTML fragment of one cell,
//! used also for the cells of a PIAO text. `<li>` is a list item; `<p>`,
//! `<div>` and the other blocks start a paragraph; `<br>` a new line.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

use super::{Cell, Para, Places, Row, Table};

pub(super) fn read(text: &str) -> Vec<Table> {
    let doc = Html::parse_document(text);
    let Ok(tables) = Selector::parse("table") else {
        return Vec::new();
    };
    doc.select(&tables)
        .filter(|t| {
            !t.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "table")
        })
        .enumerate()
        .map(|(i, t)| table(i + 1, t))
        .collect()
}

fn table(n: usize, t: ElementRef<'_>) -> Table {
    let mut rows = Vec::new();
    for tr in t.descendants().filter_map(ElementRef::wrap) {
        if tr.value().name() != "tr" || nearest_table(tr) != Some(t.id()) {
            continue;
        }
        let mut cells = Vec::new();
        for td in tr.children().filter_map(ElementRef::wrap) {
            if !matches!(td.value().name(), "td" | "th") {
                continue;
            }
            cells.push(cell(td));
            let span = td
                .value()
                .attr("colspan")
                .and_then(|s| s.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 64);
            for _ in 1..span {
                cells.push(Cell::default());
            }
        }
        rows.push(Row {
            number: rows.len() + 1,
            cells,
        });
    }
    Table {
        label: format!("table {n}"),
        places: Places::TableRows,
        rows,
    }
}

fn nearest_table(e: ElementRef<'_>) -> Option<ego_tree::NodeId> {
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "table")
        .map(|a| a.id())
}

/// A cell given as an HTML fragment (a cell of the PIAO text).
pub(super) fn fragment_cell(html: &str) -> Cell {
    let frag = Html::parse_fragment(html);
    let mut out = Paras::default();
    walk(*frag.root_element(), &mut out);
    out.flush();
    Cell { paras: out.done }
}

fn cell(td: ElementRef<'_>) -> Cell {
    let mut out = Paras::default();
    for child in td.children() {
        walk(child, &mut out);
    }
    out.flush();
    Cell { paras: out.done }
}

#[derive(Default)]
struct Paras {
    done: Vec<Para>,
    text: String,
    listed: bool,
}

impl Paras {
    fn flush(&mut self) {
        let text: Vec<String> = self.text.split('\n').map(super::collapse).collect();
        let text = text.join("\n").trim_matches('\n').to_string();
        if !text.is_empty() {
            self.done.push(Para {
                text,
                listed: self.listed,
            });
        }
        self.text.clear();
        self.listed = false;
    }
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
];

fn walk(node: NodeRef<'_, Node>, out: &mut Paras) {
    match node.value() {
        Node::Text(t) => out.text.push_str(&t.replace(['\n', '\r'], " ")),
        Node::Element(e) => {
            let name = e.name();
            match name {
                "script" | "style" | "template" | "head" => {}
                "br" => out.text.push('\n'),
                "li" => {
                    out.flush();
                    out.listed = true;
                    for c in node.children() {
                        walk(c, out);
                    }
                    out.listed = true;
                    out.flush();
                }
                _ if BLOCKS.contains(&name) => {
                    let listed = out.listed;
                    out.flush();
                    out.listed = listed;
                    for c in node.children() {
                        walk(c, out);
                    }
                    out.flush();
                }
                _ => {
                    for c in node.children() {
                        walk(c, out);
                    }
                }
            }
        }
        _ => {
            for c in node.children() {
                walk(c, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_rows_cells_and_lists() {
        let t = read(
            "<p>x</p><table><tr><th>Ufficio</th><th colspan=2>Attività</th><th>Z</th></tr>\
             <tr><td><b>Servizio &amp; C.</b></td><td><ul><li>• Uno</li><li>Due\n   tre</li></ul><p>Nota<br>riga</p></td></tr></table>",
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows[0].cells.len(), 4);
        let c = &t[0].rows[1].cells;
        assert_eq!(c[0].flat(), "Servizio & C.");
        let texts: Vec<(&str, bool)> = c[1]
            .paras
            .iter()
            .map(|p| (p.text.as_str(), p.listed))
            .collect();
        assert_eq!(
            texts,
            [("• Uno", true), ("Due tre", true), ("Nota\nriga", false)]
        );
    }

    #[test]
    fn nested_tables_belong_to_their_cell() {
        let t = read("<table><tr><td>A<table><tr><td>dentro</td></tr></table></td></tr></table>");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 1);
        assert_eq!(t[0].rows[0].cells[0].flat(), "A dentro");
    }

    #[test]
    fn fragment_of_a_piao_cell() {
        let c =
            fragment_cell("<p>Conti e al MEF</p> <ul style=\"x\"><li>• Aggiornamento</li></ul>");
        let texts: Vec<(&str, bool)> = c
            .paras
            .iter()
            .map(|p| (p.text.as_str(), p.listed))
            .collect();
        assert_eq!(
            texts,
            [("Conti e al MEF", false), ("• Aggiornamento", true)]
        );
    }
}
