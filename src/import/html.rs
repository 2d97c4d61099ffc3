//! HTML: the `<table>`s of a page (`.html`, `.htm`, what Word's "save as
//! web page" and many intranets give; those inside a page's layout table
//! too), and the HTML fragment of one cell,
//! used also for the cells of a PIAO text. `<li>` is a list item; `<p>`,
//! `<div>` and the other blocks start a paragraph; `<br>` a new line;
//! `colspan` and `rowspan` leave empty cells where the cell spreads.
//! A page nested deeper than browsers go ([`MAX_DEPTH`]) is refused before
//! it is parsed, at the line where it goes too deep; the text outside the
//! tables is kept for the report. Tables are built with `table::Builder`,
//! like Word's and LibreOffice's, without its cap on cells (the page is
//! already whole in memory).

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

use super::table::Builder;
use super::{Cell, Para, ReadError, Table};
use crate::i18n::t;

pub(super) fn read(text: &str) -> Result<Vec<Table>, ReadError> {
    if let Some(at) = nesting(text, MAX_DEPTH) {
        return Err(too_deep(&super::line_place(line_of(text, at), None)));
    }
    let doc = Html::parse_document(text);
    let Ok(tables_selector) = Selector::parse("table") else {
        return Ok(Vec::new());
    };
    // The page is already whole in memory: no cap on its cells.
    let mut tables = Builder::with_limit(usize::MAX);
    for t in doc
        .select(&tables_selector)
        .filter(|t| nearest_table(*t).is_none())
    {
        table_or_layout(&mut tables, t, &tables_selector);
    }
    // The page's text outside its tables: for `lists` (a page with no
    // table may be the act as a list) and the report.
    let mut out = Paras {
        skip_tables: true,
        ..Paras::default()
    };
    walk(doc.tree.root(), &mut out);
    out.flush();
    for ((p, chrome), first) in out.done.into_iter().zip(out.chrome).zip(out.firsts) {
        tables.outside_para(p, chrome, first);
    }
    tables.finish()
}

/// Adds the table `t`; when it has no header row and holds tables of its
/// own (a page laid out with a table: menus in one cell, the act's table in
/// another), those tables too, after it, by the same rule.
fn table_or_layout(tables: &mut Builder, t: ElementRef<'_>, select: &Selector) {
    table(tables, t);
    let inner: Vec<ElementRef<'_>> = t
        .select(select)
        .filter(|i| nearest_table(*i) == Some(t.id()))
        .collect();
    if inner.is_empty() {
        return;
    }
    let mut alone = Builder::with_limit(usize::MAX);
    table(&mut alone, t);
    let laid_out = alone
        .finish()
        .ok()
        .and_then(|t| t.into_iter().next())
        .is_some_and(|t| !super::catalogue::has_header(&t));
    if laid_out {
        for i in inner {
            table_or_layout(tables, i, select);
        }
    }
}

/// Adds the table `t` (its own rows, not those of tables nested in it).
/// A cell spanning columns (`colspan`) or rows (`rowspan`) leaves empty
/// cells where it spreads, as a merged cell of Word does, so the cells
/// after it stay in their columns.
fn table(tables: &mut Builder, t: ElementRef<'_>) {
    tables.table(None);
    // For each column, how many more rows a cell above still covers.
    let mut covered: Vec<usize> = Vec::new();
    for tr in t.descendants().filter_map(ElementRef::wrap) {
        if tr.value().name() != "tr" || nearest_table(tr) != Some(t.id()) {
            continue;
        }
        tables.row();
        let mut col = 0;
        for td in tr.children().filter_map(ElementRef::wrap) {
            if !matches!(td.value().name(), "td" | "th") {
                continue;
            }
            while covered.get(col).is_some_and(|&n| n > 0) {
                covered[col] -= 1;
                tables.covered();
                col += 1;
            }
            tables.cell(cell(td));
            let span = |name: &str| {
                td.value()
                    .attr(name)
                    .and_then(|s| s.trim().parse::<usize>().ok())
                    .unwrap_or(1)
            };
            let cols = span("colspan").clamp(1, 64);
            // `rowspan="0"`: to the end of the table.
            let rows = match span("rowspan") {
                0 => MAX_ROWSPAN,
                n => n.min(MAX_ROWSPAN),
            };
            tables.pad(cols - 1);
            if covered.len() < col + cols {
                covered.resize(col + cols, 0);
            }
            covered[col..col + cols].fill(rows - 1);
            col += cols;
        }
        // Cells covered after the row's last cell.
        if let Some(last) = covered.iter().rposition(|&n| n > 0) {
            while col <= last {
                if covered[col] > 0 {
                    covered[col] -= 1;
                    tables.covered();
                } else {
                    tables.pad(1);
                }
                col += 1;
            }
        }
    }
}

/// The most rows one cell may span (as browsers, which stop at 65534).
const MAX_ROWSPAN: usize = 65_534;

fn nearest_table(e: ElementRef<'_>) -> Option<ego_tree::NodeId> {
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "table")
        .map(|a| a.id())
}

/// A cell given as an HTML fragment (a cell of the PIAO text); `Err` with
/// the byte offset where it nests deeper than [`MAX_DEPTH`].
pub(super) fn fragment_cell(html: &str) -> Result<Cell, usize> {
    if let Some(at) = nesting(html, MAX_DEPTH) {
        return Err(at);
    }
    let frag = Html::parse_fragment(html);
    let mut out = Paras::default();
    walk(*frag.root_element(), &mut out);
    out.flush();
    Ok(Cell {
        paras: out.done,
        merged: false,
    })
}

fn cell(td: ElementRef<'_>) -> Cell {
    let mut out = Paras::default();
    for child in td.children() {
        walk(child, &mut out);
    }
    out.flush();
    Cell {
        paras: out.done,
        merged: false,
    }
}

#[derive(Default)]
struct Paras {
    done: Vec<Para>,
    /// For each paragraph done: inside a page's menus, header or footer.
    chrome: Vec<bool>,
    text: String,
    listed: bool,
    /// Leave tables out (the text around them).
    skip_tables: bool,
    /// How many menus, headers, footers... are open around the text.
    in_chrome: usize,
    /// For each paragraph done: the first item of its `<ul>`/`<ol>`.
    firsts: Vec<bool>,
    /// A `<ul>`/`<ol>` started and has no item yet.
    list_starts: bool,
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
            self.chrome.push(self.in_chrome > 0);
            self.firsts
                .push(self.listed && std::mem::take(&mut self.list_starts));
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

/// Adds the text under `node` to `out`. Iterative: a page nests as deep
/// as it likes without using the stack (and [`nesting`] caps it before).
fn walk(node: NodeRef<'_, Node>, out: &mut Paras) {
    /// After an element's children: what to restore or flush.
    enum Step<'a> {
        Enter(NodeRef<'a, Node>),
        /// The end of a `<li>`: flush it as a list item.
        EndItem,
        /// The end of a block.
        EndBlock,
        /// The end of a menu, header, footer, sidebar or banner.
        EndChrome,
    }
    let mut todo = vec![Step::Enter(node)];
    while let Some(step) = todo.pop() {
        let node = match step {
            Step::Enter(n) => n,
            Step::EndItem => {
                out.listed = true;
                out.flush();
                continue;
            }
            Step::EndBlock => {
                out.flush();
                continue;
            }
            Step::EndChrome => {
                out.flush();
                out.in_chrome = out.in_chrome.saturating_sub(1);
                continue;
            }
        };
        let end = match node.value() {
            Node::Text(t) => {
                out.text.push_str(&t.replace(['\n', '\r'], " "));
                continue;
            }
            Node::Element(e) => match e.name() {
                "script" | "style" | "template" | "head" => continue,
                "table" if out.skip_tables => continue,
                "br" => {
                    out.text.push('\n');
                    continue;
                }
                _ if is_chrome(e) => {
                    out.flush();
                    out.in_chrome += 1;
                    Some(Step::EndChrome)
                }
                "li" => {
                    out.flush();
                    out.listed = true;
                    Some(Step::EndItem)
                }
                name if BLOCKS.contains(&name) => {
                    let listed = out.listed;
                    out.flush();
                    out.listed = listed;
                    if matches!(name, "ul" | "ol") {
                        out.list_starts = true;
                    }
                    Some(Step::EndBlock)
                }
                _ => None,
            },
            _ => None,
        };
        todo.extend(end);
        // Children in reverse: the first is popped first.
        let mut children: Vec<NodeRef<'_, Node>> = node.children().collect();
        children.reverse();
        todo.extend(children.into_iter().map(Step::Enter));
    }
}

/// A page's menus, header, footer, sidebar, breadcrumbs and cookie banner:
/// never the act (`lists` does not read a lead-in or an item there).
fn is_chrome(e: &scraper::node::Element) -> bool {
    if matches!(e.name(), "nav" | "header" | "footer" | "aside" | "form") {
        return true;
    }
    if matches!(
        e.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "search" | "menu" | "menubar")
    ) {
        return true;
    }
    let named = |v: Option<&str>| {
        v.is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            ["cookie", "breadcrumb", "navbar", "menu", "briciole"]
                .iter()
                .any(|w| v.contains(w))
        })
    };
    named(e.attr("id")) || named(e.attr("class"))
}

/// How deep a page may nest its elements; browsers stop at 512 too (Blink's
/// parser puts deeper elements beside their parent). No act needs more, and
/// HTML parsing slows down with the square of the depth.
pub(super) const MAX_DEPTH: usize = 512;

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text up to their end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Elements whose start closes an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Where `html` first nests elements deeper than `max` (the byte offset of
/// that start tag), in one pass over the text: a model of the parser's
/// stack of open elements (end tags close up to their element; `<p>`,
/// `<li>`, `<dd>`, `<tr>`, `<td>`, `<option>` close as HTML says), so that
/// the page is refused before the parser spends quadratic time on it.
pub(super) fn nesting(html: &str, max: usize) -> Option<usize> {
    let b = html.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let at = i + off;
        i = at + 1;
        let rest = &html[i..];
        if let Some(r) = rest.strip_prefix("!--") {
            i += 3 + r.find("-->").map_or(r.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(['!', '?']) {
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
            continue;
        }
        let end = rest.starts_with('/');
        let name_at = i + usize::from(end);
        let len = b[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if len == 0 || !b[name_at].is_ascii_alphabetic() {
            continue; // `<` as text
        }
        let name = html[name_at..name_at + len].to_ascii_lowercase();
        // The rest of the tag, quotes honoured.
        let mut j = name_at + len;
        let mut quote = None;
        while j < b.len() {
            match (quote, b[j]) {
                (None, b'"' | b'\'') => quote = Some(b[j]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        let self_closing = j > 0 && b.get(j - 1) == Some(&b'/');
        i = (j + 1).min(b.len());
        if end {
            if let Some(k) = stack.iter().rposition(|n| *n == name) {
                stack.truncate(k);
            }
            continue;
        }
        if VOID.contains(&name.as_str()) || self_closing {
            continue;
        }
        if RAW.contains(&name.as_str()) {
            i = end_tag(b, i, name.as_bytes());
            continue;
        }
        if name == "plaintext" {
            return None;
        }
        let close_to = |stack: &mut Vec<String>, names: &[&str], stop: &[&str]| {
            for k in (0..stack.len()).rev() {
                if names.contains(&stack[k].as_str()) {
                    stack.truncate(k);
                    return;
                }
                if stop.contains(&stack[k].as_str()) {
                    return;
                }
            }
        };
        if CLOSES_P.contains(&name.as_str()) {
            let boundary = &[
                "td", "th", "table", "caption", "button", "html", "template", "object", "applet",
                "marquee",
            ];
            close_to(&mut stack, &["p"], boundary);
        }
        match name.as_str() {
            "li" => close_to(&mut stack, &["li"], &["ul", "ol", "menu", "td", "table"]),
            "dd" | "dt" => close_to(&mut stack, &["dd", "dt"], &["dl", "td", "table"]),
            "tr" => close_to(&mut stack, &["tr"], &["table", "thead", "tbody", "tfoot"]),
            "td" | "th" => close_to(&mut stack, &["td", "th"], &["tr", "table"]),
            "thead" | "tbody" | "tfoot" => {
                close_to(&mut stack, &["thead", "tbody", "tfoot"], &["table"])
            }
            "option" => close_to(&mut stack, &["option"], &["select"]),
            _ => {}
        }
        stack.push(name);
        if stack.len() > max {
            return Some(at);
        }
    }
    None
}

/// Where the end tag `</name` (any case) starts, from `from`; the end of
/// the text when there is none.
fn end_tag(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut k = from;
    while k + 1 < b.len() {
        if b[k] == b'<'
            && b[k + 1] == b'/'
            && b.len() >= k + 2 + name.len()
            && b[k + 2..k + 2 + name.len()].eq_ignore_ascii_case(name)
        {
            return k;
        }
        k += 1;
    }
    b.len()
}

/// The refusal of a page nested deeper than [`MAX_DEPTH`], at `place`.
pub(super) fn too_deep(place: &str) -> ReadError {
    ReadError::new(t!("import-html-too-deep", place = place, max = MAX_DEPTH))
        .hint(t!("import-html-too-deep-hint"))
}

/// The 1-based line of byte `at`.
pub(super) fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_rows_cells_and_lists() {
        let t = read(
            "<p>x</p><table><tr><th>Ufficio</th><th colspan=2>Attività</th><th>Z</th></tr>\
             <tr><td><b>Servizio &amp; C.</b></td><td><ul><li>• Uno</li><li>Due\n   tre</li></ul><p>Nota<br>riga</p></td></tr></table>",
        )
        .unwrap();
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

    /// A cell spanning rows leaves empty cells below it: the cells of the
    /// next rows stay in their columns (they once moved left, making an
    /// activity a unit).
    #[test]
    fn cells_spanning_rows_keep_the_next_rows_in_their_columns() {
        let t = read(
            "<table><tr><th>Ufficio</th><th>Sì</th><th>No</th></tr>\
             <tr><td rowspan=\"2\">Anagrafe</td><td>Statistiche</td><td rowspan=3>Sportello</td></tr>\
             <tr><td>Certificati</td></tr>\
             <tr><td>Tributi</td><td colspan=\"1\" rowspan=0>IMU</td></tr>\
             <tr><td>Personale</td><td rowspan=x>Paghe</td></tr>\
             <tr><td>Cultura</td></tr></table>",
        )
        .unwrap();
        let rows: Vec<Vec<String>> = t[0]
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::flat).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec!["Ufficio", "Sì", "No"],
                vec!["Anagrafe", "Statistiche", "Sportello"],
                vec!["", "Certificati", ""],
                vec!["Tributi", "IMU", ""],
                // `rowspan=0` reaches the end of the table.
                vec!["Personale", "", "Paghe"],
                vec!["Cultura", ""],
            ]
        );
    }

    #[test]
    fn nested_tables_belong_to_their_cell() {
        let t = read(
            "<table><tr><th>Ufficio</th><th>Attività smartizzabili</th></tr>\
             <tr><td>A<table><tr><td>dentro</td></tr></table></td></tr></table>",
        )
        .unwrap();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(t[0].rows[1].cells[0].flat(), "A dentro");
    }

    /// A table with no header around tables (a page's layout): they are
    /// read too, after it; it keeps their text in its cell.
    #[test]
    fn tables_inside_a_layout_table_are_read_after_it() {
        let t = read(
            "<table><tr><td>Menu</td><td><table><tr><th>Ufficio</th><th>Attività smartizzabili</th></tr>\
             <tr><td>Tributi</td><td>IMU</td></tr></table></td></tr></table>",
        )
        .unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].rows.len(), 1);
        assert_eq!(t[1].rows.len(), 2);
        assert_eq!(t[1].rows[1].cells[1].flat(), "IMU");
    }

    #[test]
    fn fragment_of_a_piao_cell() {
        let c =
            fragment_cell("<p>Conti e al MEF</p> <ul style=\"x\"><li>• Aggiornamento</li></ul>")
                .unwrap();
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

    #[test]
    fn the_text_outside_the_tables_is_kept_for_the_report() {
        let t = read("<h1>Atto</h1><p>Premessa</p><table><tr><td>A</td></tr></table><p>Fine</p>")
            .unwrap();
        assert_eq!(t[0].outside.count, 3);
        assert_eq!(t[0].outside.first, "Atto");
    }

    #[test]
    fn nesting_follows_the_parser() {
        let deep = |open: &str, n: usize| open.repeat(n);
        // Closed, implicitly closed, void, self-closing, raw text, comments:
        // never deeper than a few levels.
        assert_eq!(nesting(&deep("<div></div>", 10_000), 4), None);
        assert_eq!(nesting(&deep("<p>x", 10_000), 4), None);
        assert_eq!(
            nesting(&format!("<ul>{}</ul>", deep("<li>x", 10_000)), 4),
            None
        );
        assert_eq!(
            nesting(&format!("<table>{}</table>", deep("<tr><td>x", 10_000)), 4),
            None
        );
        assert_eq!(nesting(&deep("<br><img src='a>b'><x/>", 10_000), 4), None);
        assert_eq!(
            nesting(&deep("<script>if (a<b) { '<div>' }</SCRIPT>", 1_000), 4),
            None
        );
        assert_eq!(nesting(&deep("<!-- <div> -->", 1_000), 4), None);
        assert_eq!(nesting("a < b <3 <", 4), None);
        // Nested: refused at the tag that goes one level too deep.
        let page = format!("<html>\n<body>\n{}", deep("<div>", 10));
        let at = nesting(&page, 5).unwrap();
        assert_eq!(&page[at..at + 5], "<div>");
        assert_eq!(line_of(&page, at), 3);
        assert_eq!(nesting(&deep("<b><i>", 3), 5), Some(15));
    }

    /// Issue 21: 50,000 nested elements overflowed the stack (and took
    /// seconds); now refused at once, with the line, and the walk itself
    /// no longer recurses.
    #[test]
    fn a_page_nested_fifty_thousand_deep_is_refused_not_a_crash() {
        let page = format!("<p>Atto</p>\n{}x", "<div>".repeat(50_000));
        let e = read(&page).unwrap_err();
        assert!(
            e.message
                .starts_with("riga 2: l'HTML ha più di 512 livelli"),
            "{e}"
        );
        assert!(fragment_cell(&"<ul><li>".repeat(50_000)).is_err());
        let doc = Html::parse_fragment(&"<span>".repeat(20_000));
        let mut out = Paras::default();
        walk(*doc.root_element(), &mut out);
        out.flush();
        assert!(out.done.is_empty());
    }
}
