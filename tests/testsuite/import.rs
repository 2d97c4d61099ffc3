//! `trasparenza import`: every format, built here by the tests themselves
//! (zip + XML strings for .docx/.odt/.xlsx/.ods), the PIAO text of the
//! example (`tests/fixtures/import/`), the example's own `catalogo.csv`
//! read back, and what import must never do (overwrite, write on a dry run,
//! touch anything when a path is wrong).

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::support::{Site, repo, tree};

/// The example unit as `init` writes it.
fn example_unit() -> String {
    fs::read_to_string(repo().join("src/cmd/init/files/ufficio-esempio.yaml")).unwrap()
}

/// A site as `init` leaves it: the example's settings and one example unit.
fn new_site() -> Site {
    let site = Site::empty();
    let sito = fs::read_to_string(repo().join("content/_sito.yaml")).unwrap();
    site.write("content/_sito.yaml", &sito);
    site.write("content/esempio.yaml", &example_unit());
    site
}

/// Writes `bytes` as `name` beside the site (not inside content/).
pub(crate) fn source(site: &Site, name: &str, bytes: &[u8]) -> String {
    let p = site.root().join(name);
    fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

#[derive(Debug, PartialEq)]
struct Imported {
    file: String,
    nome: String,
    area: Option<String>,
    smart: Vec<String>,
    non: Vec<String>,
}

/// The texts of a list of activities (short or long form).
pub(crate) fn texts(v: &serde_yaml::Value) -> Vec<String> {
    v.as_sequence()
        .map(|s| {
            s.iter()
                .map(|a| match a {
                    serde_yaml::Value::String(t) => t.clone(),
                    m => m["testo"].as_str().unwrap().to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The unit files under `dir`, in `ordine` order.
fn units_in(dir: &Path) -> Vec<Imported> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('_') || !name.ends_with(".yaml") {
            continue;
        }
        let y: serde_yaml::Value = serde_yaml::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
        out.push((
            y["ordine"].as_i64().unwrap_or(0),
            Imported {
                file: name,
                nome: y["nome"].as_str().unwrap().to_string(),
                area: y["area"].as_str().map(str::to_string),
                smart: texts(&y["smartizzabili"]),
                non: texts(&y["non_smartizzabili"]),
            },
        ));
    }
    out.sort_by_key(|(o, _)| *o);
    out.into_iter().map(|(_, u)| u).collect()
}

/// The act's rule for the activities its Segreteria cell does not list,
/// written in the seed as the cell's last item (issue 20): imported as the
/// unit's `altre_attivita`, not as an activity.
const SEED_RULE: &str = "Tutte le altre attività non individuate tra quelle che non possono essere svolte in lavoro agile";

/// The example's units as an import of the act gives them: the rule item
/// out of the lists.
fn example_as_imported() -> Vec<Imported> {
    let mut want = units_in(&repo().join("content"));
    for u in &mut want {
        u.smart.retain(|t| t != SEED_RULE);
    }
    want
}

/// The five duplicates the seed itself contains (`check` warns about each):
/// the import's report warns about them too (issue 20).
const SEED_DUPLICATES: usize = 5;

fn units(site: &Site) -> Vec<Imported> {
    units_in(&site.root().join("content"))
}

/// A site as `init` leaves it, with `text` imported from a file `name`
/// beside it (and `args`): the import must succeed.
fn imported(name: &str, text: &str, args: &[&str]) -> (Site, crate::support::Run) {
    let site = new_site();
    let file = source(&site, name, text.as_bytes());
    let mut all_args = vec!["import", file.as_str()];
    all_args.extend_from_slice(args);
    let r = site.run(&all_args);
    assert!(r.ok(), "{}", r.stderr());
    (site, r)
}

/// Each unit of the site as (nome, smartizzabili, non_smartizzabili).
type Lists = Vec<(String, Vec<String>, Vec<String>)>;

fn lists(site: &Site) -> Lists {
    units(site)
        .into_iter()
        .map(|u| (u.nome, u.smart, u.non))
        .collect()
}

/// `lists` as a test writes what it wants.
fn want(units: &[(&str, &[&str], &[&str])]) -> Lists {
    units
        .iter()
        .map(|(n, s, o)| (n.to_string(), all(s), all(o)))
        .collect()
}

fn zip(files: &[(&str, String)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

// ---- Word -----------------------------------------------------------------

fn w_p(text: &str) -> String {
    format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        esc(text)
    )
}
/// A Word list paragraph (bullets from the numbering definitions).
fn w_li(text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>",
        esc(text)
    )
}
fn w_row(cells: &[String]) -> String {
    let cells: String = cells.iter().map(|c| format!("<w:tc>{c}</w:tc>")).collect();
    format!("<w:tr>{cells}</w:tr>")
}
fn w_table(rows: &[String]) -> String {
    format!("<w:tbl>{}</w:tbl>", rows.concat())
}
fn docx(body: &str) -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".into()),
        (
            "word/document.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
            ),
        ),
    ])
}

fn all(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn word_table_split_over_two_pages() {
    let site = new_site();
    let header = w_row(&[
        w_p("Unità organizzativa"),
        w_p("Attività smartizzabili"),
        w_p("Attività non smartizzabili"),
    ]);
    let body = [
        w_p("PIAO 2026-2028 – Organizzazione del lavoro agile"),
        // A staff count table before the catalogue: skipped with a note.
        w_table(&[
            w_row(&[
                w_p("Categoria"),
                w_p("Dipendenti"),
                w_p("Di cui in lavoro agile"),
            ]),
            w_row(&[w_p("D"), w_p("12"), w_p("5")]),
        ]),
        // Page 1: the header, a unit, the start of the next one.
        w_table(&[
            header.clone(),
            w_row(&[
                w_p("Servizio Tributi"),
                [
                    w_li("Calcolo IMU: verifica dei versamenti"),
                    w_li("Sportello #2 telefonico"),
                ]
                .concat(),
                w_li("Ricevimento del pubblico"),
            ]),
            w_row(&[
                w_p("Servizio Personale"),
                [
                    w_p("• Gestione presenze"),
                    w_p("- Elaborazione stipendi e trasmissione alla Corte dei"),
                ]
                .concat(),
                w_p("1. Prove di selezione"),
            ]),
        ]),
        w_p(""),
        // Page 2: the header repeated, the row continued (empty unit cell,
        // the sentence broken at the page end), then the next unit.
        w_table(&[
            header,
            w_row(&[
                w_p(""),
                [w_p("Conti e al MEF"), w_p("• Conto annuale")].concat(),
                w_p("a) Accoglienza nuovi dipendenti"),
            ]),
            w_row(&[
                w_p("Ufficio Segreteria"),
                w_li("Protocollo informatico"),
                w_p(""),
            ]),
        ]),
    ]
    .concat();
    let file = source(&site, "PIAO 2026.docx", &docx(&body));
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}\n{}", r.stdout(), r.stderr());
    assert_eq!(
        units(&site),
        [
            Imported {
                file: "tributi.yaml".into(),
                nome: "Servizio Tributi".into(),
                area: None,
                smart: all(&[
                    "Calcolo IMU: verifica dei versamenti",
                    "Sportello #2 telefonico"
                ]),
                non: all(&["Ricevimento del pubblico"]),
            },
            Imported {
                file: "personale.yaml".into(),
                nome: "Servizio Personale".into(),
                area: None,
                smart: all(&[
                    "Gestione presenze",
                    "Elaborazione stipendi e trasmissione alla Corte dei Conti e al MEF",
                    "Conto annuale"
                ]),
                non: all(&["Prove di selezione", "Accoglienza nuovi dipendenti"]),
            },
            Imported {
                file: "segreteria.yaml".into(),
                nome: "Ufficio Segreteria".into(),
                area: None,
                smart: all(&["Protocollo informatico"]),
                non: vec![],
            },
        ]
    );
    let err = r.stderr();
    assert!(
        err.contains("PIAO 2026.docx, table 1: skipped (2 rows)"),
        "{err}"
    );
    assert!(
        err.contains("table 3, row 2, column 2: joined to the item before it"),
        "{err}"
    );
    assert!(
        r.stdout()
            .contains("Removed content/esempio.yaml: the example unit"),
        "{}",
        r.stdout()
    );
    assert!(!site.root().join("content/esempio.yaml").exists());
    site.build();
}

// ---- LibreOffice Writer ---------------------------------------------------

/// A unit cell merged over two rows (Word's `w:vMerge`, LibreOffice's
/// covered cell, a page's `rowspan`): the second row's item is an activity of its own, not the end
/// of a sentence broken at the page end (it was once joined to the item
/// above, `Elettorale Certificati online`), and in a page the cells after
/// the merged one stay in their columns (`Certificati online` was once a
/// unit).
#[test]
fn a_unit_cell_merged_over_rows_starts_each_row_anew() {
    let want = (
        all(&["Statistiche", "Elettorale", "Certificati online"]),
        all(&["Sportello", "Rilascio CIE"]),
    );
    let head = w_row(&[
        w_p("Ufficio"),
        w_p("Attività smartizzabili"),
        w_p("Attività non smartizzabili"),
    ]);
    let body = w_table(&[
        head,
        w_row(&[
            format!(
                "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>{}",
                w_p("Ufficio Anagrafe")
            ),
            [w_li("Statistiche"), w_li("Elettorale")].concat(),
            w_p("Sportello"),
        ]),
        w_row(&[
            "<w:tcPr><w:vMerge/></w:tcPr><w:p/>".to_string(),
            w_p("Certificati online"),
            w_p("Rilascio CIE"),
        ]),
    ]);
    let html = "<table><tr><th>Ufficio</th><th>Attività smartizzabili</th><th>Attività non smartizzabili</th></tr>\
        <tr><td rowspan=\"2\">Ufficio Anagrafe</td><td><ul><li>Statistiche</li><li>Elettorale</li></ul></td><td>Sportello</td></tr>\
        <tr><td>Certificati online</td><td>Rilascio CIE</td></tr></table>";
    let odt_body = format!(
        "<table:table>{}<table:table-row><table:table-cell table:number-rows-spanned=\"2\">{}</table:table-cell><table:table-cell>{}</table:table-cell><table:table-cell>{}</table:table-cell></table:table-row>\
         <table:table-row><table:covered-table-cell/>{}</table:table-row></table:table>",
        o_row(&[
            o_p("Ufficio"),
            o_p("Attività smartizzabili"),
            o_p("Attività non smartizzabili")
        ]),
        o_p("Ufficio Anagrafe"),
        o_list(&["Statistiche", "Elettorale"]),
        o_p("Sportello"),
        ["Certificati online", "Rilascio CIE"]
            .map(|t| format!("<table:table-cell>{}</table:table-cell>", o_p(t)))
            .concat(),
    );
    for (name, bytes) in [
        ("atto.docx", docx(&body)),
        ("atto.odt", odt(&odt_body)),
        ("atto.html", html.as_bytes().to_vec()),
    ] {
        let site = new_site();
        let file = source(&site, name, &bytes);
        let r = site.run(&["import", &file]);
        assert!(r.ok(), "{name}: {}", r.stderr());
        let got = units(&site);
        assert_eq!(got.len(), 1, "{name}: {}", r.stderr());
        assert_eq!((got[0].smart.clone(), got[0].non.clone()), want, "{name}");
        assert!(!r.stderr().contains("joined"), "{name}: {}", r.stderr());
    }
}

/// The header in two rows, as Word tables often have it: `Unità
/// organizzativa | Attività` (spanning two columns) over `| Smartizzabili |
/// Non smartizzabili`, repeated on the next page. The lower row alone has
/// no unit column: the table was once read as lists for the whole body,
/// the units' names dropped with one warning.
#[test]
fn a_header_in_two_rows() {
    let site = new_site();
    let span2 = format!(
        "<w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{}",
        w_p("Attività")
    );
    let head = [
        w_row(&[w_p("Unità organizzativa"), span2]),
        w_row(&[w_p(""), w_p("Smartizzabili"), w_p("Non smartizzabili")]),
    ];
    let body = [
        w_table(&[
            head[0].clone(),
            head[1].clone(),
            w_row(&[
                w_p("Ufficio Tributi"),
                w_p("Gestione IMU"),
                w_p("Sportello"),
            ]),
        ]),
        w_table(&[
            head[0].clone(),
            head[1].clone(),
            w_row(&[
                w_p("Ufficio Anagrafe"),
                w_p("Statistiche"),
                w_p("Rilascio CIE"),
            ]),
            head[0].clone(),
            w_row(&[w_p("Ufficio Messi"), w_p("Albo"), w_p("Notifiche")]),
        ]),
    ]
    .concat();
    let file = source(&site, "piao.docx", &docx(&body));
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    assert_eq!(
        lists(&site),
        want(&[
            ("Ufficio Tributi", &["Gestione IMU"], &["Sportello"]),
            ("Ufficio Anagrafe", &["Statistiche"], &["Rilascio CIE"]),
            ("Ufficio Messi", &["Albo"], &["Notifiche"]),
        ])
    );
    let err = r.stderr();
    assert!(!err.contains("warning"), "{err}");
    assert!(
        err.contains("note: piao.docx, table 2, row 4: skipped: the header row repeated"),
        "{err}"
    );
}

fn odt(body: &str) -> Vec<u8> {
    zip(&[
        ("mimetype", "application/vnd.oasis.opendocument.text".into()),
        (
            "content.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>{body}</office:text></office:body></office:document-content>"
            ),
        ),
    ])
}
fn o_p(t: &str) -> String {
    format!("<text:p>{}</text:p>", esc(t))
}
fn o_list(items: &[&str]) -> String {
    let li: String = items
        .iter()
        .map(|t| format!("<text:list-item>{}</text:list-item>", o_p(t)))
        .collect();
    format!("<text:list>{li}</text:list>")
}
fn o_row(cells: &[String]) -> String {
    let cells: String = cells
        .iter()
        .map(|c| format!("<table:table-cell>{c}</table:table-cell>"))
        .collect();
    format!("<table:table-row>{cells}</table:table-row>")
}

#[test]
fn odt_columns_in_another_order_with_synonyms() {
    let site = new_site();
    let body = format!(
        "{}<table:table table:name=\"Catalogo\"><table:table-header-rows>{}</table:table-header-rows>{}{}</table:table>",
        o_p("Allegato B"),
        o_row(&[
            o_p("Attività da svolgere in presenza"),
            o_p("Struttura"),
            o_p("Descrizione attività in lavoro agile")
        ]),
        o_row(&[
            o_list(&["Sopralluoghi", "Notifiche a mano"]),
            o_p("Settore Polizia locale"),
            o_list(&["Verbali: inserimento", "Ordinanze"])
        ]),
        o_row(&[
            o_p("Sportello anagrafe"),
            o_p("Servizi demografici"),
            "<text:p>Certificati online<text:line-break/>Cambi di residenza</text:p>".to_string(),
        ]),
    );
    let file = source(&site, "catalogo.odt", &odt(&body));
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    let got = units(&site);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].nome, "Settore Polizia locale");
    assert_eq!(got[0].smart, all(&["Verbali: inserimento", "Ordinanze"]));
    assert_eq!(got[0].non, all(&["Sopralluoghi", "Notifiche a mano"]));
    assert_eq!(got[1].file, "demografici.yaml");
    assert_eq!(
        got[1].smart,
        all(&["Certificati online", "Cambi di residenza"])
    );
    site.build();
}

// ---- Spreadsheets ---------------------------------------------------------

type Sheet<'a> = (&'a str, Vec<Vec<&'a str>>);

fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    let mut files: Vec<(String, String)> = vec![
        (
            "[Content_Types].xml".into(),
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>".into(),
        ),
        (
            "_rels/.rels".into(),
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".into(),
        ),
    ];
    let mut book = String::new();
    let mut rels = String::new();
    for (i, (name, rows)) in sheets.iter().enumerate() {
        let n = i + 1;
        // `=hidden:NAME`: a sheet hidden in the workbook.
        let (name, state) = match name.strip_prefix("=hidden:") {
            Some(name) => (name, " state=\"hidden\""),
            None => (*name, ""),
        };
        book.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{n}\"{state} r:id=\"rId{n}\"/>",
            esc(name)
        ));
        rels.push_str(&format!("<Relationship Id=\"rId{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"));
        let mut data = String::new();
        for (r, row) in rows.iter().enumerate() {
            data.push_str(&format!("<row r=\"{}\">", r + 1));
            for (c, v) in row.iter().enumerate() {
                let col = (b'A' + c as u8) as char;
                // Typed cells as Excel saves them: `=date:46082` (a number
                // in a date format), `=num:1.5`, `=err:#REF!`.
                if let Some(serial) = v.strip_prefix("=date:") {
                    data.push_str(&format!(
                        "<c r=\"{col}{}\" s=\"1\"><v>{serial}</v></c>",
                        r + 1
                    ));
                } else if let Some(n) = v.strip_prefix("=num:") {
                    data.push_str(&format!("<c r=\"{col}{}\"><v>{n}</v></c>", r + 1));
                } else if let Some(e) = v.strip_prefix("=err:") {
                    data.push_str(&format!(
                        "<c r=\"{col}{}\" t=\"e\"><v>{}</v></c>",
                        r + 1,
                        esc(e)
                    ));
                } else if *v == "=merged" {
                    // Covered by the merged cell above (no cell written).
                } else if !v.is_empty() {
                    data.push_str(&format!("<c r=\"{col}{}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>", r + 1, esc(v)));
                }
            }
            data.push_str("</row>");
        }
        // `=merged` below a cell: that cell merged down over them.
        let mut merges = String::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let covered = |r: usize| rows.get(r).and_then(|x| x.get(c)) == Some(&"=merged");
                if *v == "=merged" || !covered(r + 1) {
                    continue;
                }
                let end = (r + 1..).find(|&e| !covered(e)).unwrap_or(r + 1);
                let col = (b'A' + c as u8) as char;
                merges.push_str(&format!("<mergeCell ref=\"{col}{}:{col}{end}\"/>", r + 1));
            }
        }
        if !merges.is_empty() {
            merges = format!("<mergeCells>{merges}</mergeCells>");
        }
        files.push((
            format!("xl/worksheets/sheet{n}.xml"),
            format!("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{data}</sheetData>{merges}</worksheet>"),
        ));
    }
    files.push((
        "xl/styles.xml".into(),
        "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>".into(),
    ));
    files.push((
        "xl/workbook.xml".into(),
        format!("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>{book}</sheets></workbook>"),
    ));
    files.push((
        "xl/_rels/workbook.xml.rels".into(),
        format!("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>"),
    ));
    let refs: Vec<(&str, String)> = files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    zip(&refs)
}

fn ods(sheets: &[Sheet]) -> Vec<u8> {
    let mut body = String::new();
    for (name, rows) in sheets {
        body.push_str(&format!("<table:table table:name=\"{}\">", esc(name)));
        for row in rows {
            body.push_str("<table:table-row>");
            for v in row {
                let paras: String = v.split('\n').map(o_p).collect();
                body.push_str(&format!(
                    "<table:table-cell office:value-type=\"string\">{paras}</table:table-cell>"
                ));
            }
            body.push_str("</table:table-row>");
        }
        body.push_str("</table:table>");
    }
    zip(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet".into()),
        (
            "META-INF/manifest.xml",
            "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>".into(),
        ),
        (
            "content.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"),
        ),
    ])
}

/// A long sheet under a title row, as an HR office keeps it, and a staff
/// sheet that is not the catalogue.
fn long_sheets() -> Vec<Sheet<'static>> {
    vec![
        (
            "Catalogo",
            vec![
                vec!["Catalogo delle attività smartizzabili - anno 2026"],
                vec![],
                vec!["Settore", "Processo", "Lavoro agile", "Note"],
                vec!["Ragioneria", "• Mandati di pagamento", "sì", ""],
                vec!["", "Cassa economale", "No", "Solo in sede"],
                vec!["Ragioneria", "Bilancio: variazioni", "SI", ""],
                vec!["Ufficio tecnico", "Sopralluoghi", "in presenza", ""],
                vec!["Ufficio tecnico", "Pratiche edilizie", "forse", ""],
                vec!["Ufficio tecnico", "Pareri", "da remoto", ""],
            ],
        ),
        (
            "Personale",
            vec![vec!["Settore", "Dipendenti"], vec!["Ragioneria", "4"]],
        ),
    ]
}

fn assert_long_catalogue(site: &Site, r: &crate::support::Run, file: &str, cell: &str) {
    assert!(r.ok(), "{}", r.stderr());
    let got = units(site);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].nome, "Ragioneria");
    assert_eq!(
        got[0].smart,
        all(&["Mandati di pagamento", "Bilancio: variazioni"])
    );
    assert_eq!(got[0].non, all(&["Cassa economale"]));
    assert_eq!(got[1].smart, all(&["Pareri"]));
    assert_eq!(got[1].non, all(&["Sopralluoghi"]));
    let note = fs::read_to_string(site.root().join("content/ragioneria.yaml")).unwrap();
    assert!(note.contains("note: Solo in sede"), "{note}");
    let err = r.stderr();
    assert!(
        err.contains(&format!(
            "warning: {file}, {cell}: skipped: `forse` does not say whether"
        )),
        "{err}"
    );
    site.build();
}

#[test]
fn xlsx_long_shape_below_a_title_row() {
    let site = new_site();
    let file = source(&site, "catalogo.xlsx", &xlsx(&long_sheets()));
    let r = site.run(&["import", &file]);
    assert_long_catalogue(&site, &r, "catalogo.xlsx", "sheet Catalogo, cell C8");
    assert!(
        r.stderr().contains("sheet Personale: skipped (2 rows)"),
        "{}",
        r.stderr()
    );
}

/// Values Excel keeps as numbers are read as the sheet shows them: a date
/// typed in a note was once published as its serial number (`46082`), a
/// decimal with its binary noise and a dot.
#[test]
fn dates_and_numbers_typed_in_cells_read_as_the_sheet_shows_them() {
    let site = new_site();
    let sheet = vec![
        vec!["Settore", "Processo", "Lavoro agile", "Note"],
        vec!["Ragioneria", "Mandati", "sì", "=date:46082"],
        vec!["", "Modelli F24", "sì", "=num:0.30000000000000004"],
        vec!["", "=num:730", "no", ""],
        vec!["", "=err:#REF!", "sì", ""],
        vec!["", "Bilancio", "=err:#N/A", ""],
        vec!["=err:#VALUE!", "Cassa", "sì", ""],
        vec!["", "Economato", "sì", ""],
    ];
    let file = source(&site, "catalogo.xlsx", &xlsx(&[("Foglio1", sheet)]));
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    let y = fs::read_to_string(site.root().join("content/ragioneria.yaml")).unwrap();
    assert!(
        y.contains("  - testo: Mandati\n    note: \"01/03/2026\"\n"),
        "{y}"
    );
    assert!(y.contains("note: \"0,3\""), "{y}");
    assert!(y.contains("- \"730\""), "{y}");
    // A formula's error is no text of the act: each row is named, none
    // imported (the unit `#VALUE!` would take `Cassa`), and the row below
    // it continues no unit.
    assert!(
        !["#REF!", "Bilancio", "Cassa", "Economato"]
            .iter()
            .any(|t| y.contains(t)),
        "{y}"
    );
    for (cell, shown) in [("B5", "#REF!"), ("C6", "#N/A"), ("A7", "#VALUE!")] {
        let want = format!(
            "warning: catalogo.xlsx, sheet Foglio1, cell {cell}: skipped: the cell shows `{shown}`, the error of a formula"
        );
        assert!(r.stderr().contains(&want), "{want}\n{}", r.stderr());
    }
    assert!(
        r.stderr()
            .contains("cell A8: skipped: activities with no unit"),
        "{}",
        r.stderr()
    );
    assert_eq!(units(&site).len(), 1, "{}", r.stderr());
}

/// A workbook kept year after year: last year's sheet beside this year's.
/// Both are read (a workbook may hold a sheet per office), but a unit named
/// in two sheets is a warning naming both places and `--sheet`: its
/// activities of both years were once merged in silence, last year's
/// `Gestione ICI` published as this year's.
#[test]
fn the_same_unit_in_two_sheets_is_a_warning() {
    let site = new_site();
    let head = vec!["Settore", "Attività", "Lavoro agile"];
    let sheets = vec![
        (
            "2025",
            vec![
                head.clone(),
                vec!["Settore Tributi", "Gestione ICI", "SI"],
                vec!["Settore Cultura", "Biblioteca", "NO"],
            ],
        ),
        (
            "2026",
            vec![
                head.clone(),
                vec!["Settore Tributi", "Gestione IMU", "SI"],
                vec!["", "Sportello", "NO"],
                vec!["settore tributi", "Accertamenti", "SI"],
            ],
        ),
        (
            "Personale",
            vec![head, vec!["Settore Personale", "Paghe", "SI"]],
        ),
    ];
    let file = source(&site, "catalogo.xlsx", &xlsx(&sheets));
    let r = site.run(&["import", &file, "--dry-run"]);
    assert!(r.ok(), "{}", r.stderr());
    let err = r.stderr();
    let warning = "warning: catalogo.xlsx, sheet 2026, cell A2: \"Settore Tributi\" is also in another sheet (sheet 2025, cell A2): the activities of both sheets are imported together, as one unit; if a sheet is an earlier version of the catalogue, import only the right one with --sheet NAME";
    assert!(err.contains(warning), "{err}");
    // Once per unit and sheet; a unit in one sheet only is no warning.
    assert_eq!(err.matches("another sheet").count(), 1, "{err}");
    let r = site.run(&["import", &file, "--sheet", "2026"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(!r.stderr().contains("another sheet"), "{}", r.stderr());
    let got = units(&site);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].smart, all(&["Gestione IMU", "Accertamenti"]));
}

/// Cells merged down over several rows, as a clerk formats a sheet: the
/// unit, the kind and the note said once for a group of activities. The
/// rows under a merged kind were once skipped with a warning each (the cell
/// read empty), and the note was only the first row's.
#[test]
fn merged_cells_of_a_sheet_say_the_same_for_every_row() {
    let site = new_site();
    let sheet = vec![
        vec!["Settore", "Attività", "Lavoro agile", "Note"],
        vec!["Settore Personale", "Buste paga", "SI", "Con VPN"],
        vec!["=merged", "Concorsi", "=merged", "=merged"],
        vec!["=merged", "Protocollo", "=merged", ""],
        vec!["=merged", "Sportello", "NO", ""],
    ];
    let file = source(&site, "catalogo.xlsx", &xlsx(&[("Foglio1", sheet)]));
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(!r.stderr().contains("warning"), "{}", r.stderr());
    let got = units(&site);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].smart, all(&["Buste paga", "Concorsi", "Protocollo"]));
    assert_eq!(got[0].non, all(&["Sportello"]));
    let y = fs::read_to_string(site.root().join("content/personale.yaml")).unwrap();
    assert_eq!(y.matches("note: Con VPN").count(), 2, "{y}");
}

/// A hidden sheet is not what the clerk sees in Excel (last year's copy,
/// the lists of a drop-down): it was once read with the others, its
/// activities published. It is named in a note and read only with
/// `--sheet`.
#[test]
fn a_hidden_sheet_is_named_not_read() {
    let site = new_site();
    let head = vec!["Settore", "Attività", "Lavoro agile"];
    let sheets = vec![
        (
            "=hidden:2025",
            vec![head.clone(), vec!["Settore Tributi", "Gestione ICI", "SI"]],
        ),
        (
            "2026",
            vec![head.clone(), vec!["Settore Tributi", "Gestione IMU", "SI"]],
        ),
        ("=hidden:Elenchi", vec![vec![], vec![]]),
    ];
    let file = source(&site, "catalogo.xlsx", &xlsx(&sheets));
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    assert_eq!(units(&site)[0].smart, all(&["Gestione IMU"]));
    let err = r.stderr();
    assert!(
        err.contains("note: catalogo.xlsx, sheet 2025: skipped 2 rows: the sheet is hidden in the workbook; to read it, choose it with --sheet"),
        "{err}"
    );
    // An empty hidden sheet is no news.
    assert!(!err.contains("Elenchi"), "{err}");
    let r = site.run(&["import", &file, "--sheet", "2025"]);
    assert!(r.ok(), "{}", r.stderr());
    assert_eq!(units(&site)[0].smart, all(&["Gestione ICI"]));
}

/// `.xls` files as offices have them: a workbook saved under the old
/// name, and what many programs' "export to Excel" give, a web page or a
/// CSV named `.xls`. They were refused ("the name does not tell the
/// format"); each is now read as what its bytes are.
#[test]
fn xls_files_are_read_as_what_they_are() {
    let page = "<html><body><table><tr><th>Settore</th><th>Processo</th><th>Lavoro agile</th></tr>\
        <tr><td>Ragioneria</td><td>Mandati</td><td>SI</td></tr>\
        <tr><td></td><td>Cassa</td><td>NO</td></tr></table></body></html>";
    let csv = "Settore;Processo;Lavoro agile\r\nRagioneria;Mandati;SI\r\n;Cassa;NO\r\n";
    let (csv, _, _) = encoding_rs::WINDOWS_1252.encode(csv);
    let book = xlsx(&[(
        "Foglio1",
        vec![
            vec!["Settore", "Processo", "Lavoro agile"],
            vec!["Ragioneria", "Mandati", "SI"],
            vec!["", "Cassa", "NO"],
        ],
    )]);
    for (name, bytes) in [
        ("export.xls", page.as_bytes().to_vec()),
        ("estrazione.XLS", csv.to_vec()),
        ("vecchio.xls", book),
    ] {
        let site = new_site();
        let file = source(&site, name, &bytes);
        let r = site.run(&["import", &file]);
        assert!(r.ok(), "{name}: {}", r.stderr());
        let got = units(&site);
        assert_eq!(got.len(), 1, "{name}");
        assert_eq!(
            (got[0].smart.clone(), got[0].non.clone()),
            (all(&["Mandati"]), all(&["Cassa"])),
            "{name}"
        );
    }
}

#[test]
fn ods_long_shape_below_a_title_row() {
    let site = new_site();
    let file = source(&site, "catalogo.ods", &ods(&long_sheets()));
    let r = site.run(&["import", &file, "--sheet", "Catalogo"]);
    assert_long_catalogue(&site, &r, "catalogo.ods", "sheet Catalogo, cell C8");
    assert!(
        !r.stderr().contains("Personale"),
        "--sheet reads one sheet:\n{}",
        r.stderr()
    );
}

#[test]
fn ods_wide_shape_with_numbering_and_one_activity_per_line() {
    let site = new_site();
    let sheets = vec![(
        "Foglio1",
        vec![
            vec![
                "Ufficio",
                "Attività smartizzabili",
                "Attività non smartizzabili",
            ],
            vec![
                "Biblioteca",
                "1. Catalogazione\n2) Acquisti libri\n\n",
                "a) Prestito al banco\n– Apertura sala",
            ],
        ],
    )];
    let file = source(&site, "uffici.ods", &ods(&sheets));
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    let got = units(&site);
    assert_eq!(got[0].smart, all(&["Catalogazione", "Acquisti libri"]));
    assert_eq!(got[0].non, all(&["Prestito al banco", "Apertura sala"]));
}

#[test]
fn unknown_sheet_names_the_sheets() {
    let site = new_site();
    let file = source(&site, "catalogo.xlsx", &xlsx(&long_sheets()));
    let r = site.run(&["import", &file, "--sheet", "Foglio9"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(
        r.stderr().contains("no sheet named `Foglio9`"),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr().contains("`Catalogo`, `Personale`"),
        "{}",
        r.stderr()
    );
}

// ---- CSV and HTML ---------------------------------------------------------

/// What Excel saves in Italy: `;`, Windows-1252, CRLF.
#[test]
fn windows_1252_semicolon_csv() {
    let site = new_site();
    let text = "Unità organizzativa;Attività;Smartizzabile\r\n\
                Ufficio Cultura;\"Eventi; calendario\";x\r\n\
                Ufficio Cultura;Biglietteria €;\r\n\
                Ufficio Cultura;Gestione sala: prenotazioni;X\r\n";
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!bad);
    let file = source(&site, "export.csv", &bytes);
    let r = site.run(&["import", &file, "--dry-run"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(
        r.stdout().contains("Dry run: nothing written."),
        "{}",
        r.stdout()
    );
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    let got = units(&site);
    assert_eq!(got[0].nome, "Ufficio Cultura");
    assert_eq!(
        got[0].smart,
        all(&["Eventi; calendario", "Gestione sala: prenotazioni"])
    );
    assert_eq!(got[0].non, all(&["Biglietteria €"]));
}

/// An HR office's sheet saved as CSV: the marks are check marks (an empty
/// cell is a no), and a row of totals closes the table. A check mark is a
/// yes (it once folded to nothing and read as no), and the totals are no
/// unit (they once made a unit `TOTALE` with the activity `4`).
#[test]
fn check_marks_and_totals_of_a_hand_kept_sheet() {
    let text = "\u{feff}Unità organizzativa;Attività;Smartizzabile (SI/NO)\r\n\
                Ufficio Anagrafe;Rilascio CIE;\r\n\
                ;Certificati online;✓\r\n\
                ;Statistiche;✔\r\n\
                Ufficio Tributi;Gestione IMU;✓\r\n\
                TOTALE;4;3\r\n\
                ;Elenchi;✓\r\n";
    let (site, r) = imported("foglio.csv", text, &[]);
    let got = units(&site);
    let names: Vec<&str> = got.iter().map(|u| u.nome.as_str()).collect();
    assert_eq!(
        names,
        ["Ufficio Anagrafe", "Ufficio Tributi"],
        "{}",
        r.stderr()
    );
    assert_eq!(got[0].smart, all(&["Certificati online", "Statistiche"]));
    assert_eq!(got[0].non, all(&["Rilascio CIE"]));
    assert_eq!(got[1].smart, all(&["Gestione IMU"]));
    assert!(got[1].non.is_empty());
    let err = r.stderr();
    assert!(
        err.contains(
            "warning: foglio.csv, line 6: skipped: a row of totals, not a unit or an activity: \"TOTALE\" | \"4\" | \"3\""
        ),
        "{err}"
    );
    // Below the totals an empty unit cell continues no unit.
    assert!(
        err.contains(
            "warning: foglio.csv, line 7, column 1: skipped: activities with no unit named in this row or above it"
        ),
        "{err}"
    );
    assert!(
        r.stdout().contains("2 units, 4 activities"),
        "{}",
        r.stdout()
    );
}

/// A sheet with a long preamble (title, premises, one cell a row) above
/// the header: the header was looked for in the first 12 rows only, and
/// the report said there was none. A header under data rows is still not
/// looked for past them.
#[test]
fn a_header_below_a_long_preamble() {
    let preamble: String = (1..=14).map(|i| format!("Premessa {i}\r\n")).collect();
    let text = format!("{preamble}Ufficio;Attività;Smartizzabile\r\nUfficio Tributi;IMU;SI\r\n");
    let (site, r) = imported("foglio.csv", &text, &[]);
    assert_eq!(lists(&site), want(&[("Ufficio Tributi", &["IMU"], &[])]));
    assert_eq!(r.stderr().matches("a title above the header").count(), 14);
    let data: String = (1..=14).map(|i| format!("Riga {i};{i}\r\n")).collect();
    let text = format!("{data}Ufficio;Attività;Smartizzabile\r\nUfficio Tributi;IMU;SI\r\n");
    let site = new_site();
    let file = source(&site, "dati.csv", text.as_bytes());
    assert_eq!(site.run(&["import", &file]).code(), Some(1));
}

/// A column that says `SI` and `NO`, with one stray `X`: its empty cells
/// are not filled in, not a no. The `X` once made it a column of marks, and
/// the two activities left empty were published as non smartizzabili.
#[test]
fn empty_kinds_beside_yes_and_no_are_not_a_no() {
    let text = "Ufficio;Attività;Smartizzabile (SI/NO)\r\n\
                Ufficio Tributi;Gestione IMU;SI\r\n\
                ;Sportello;NO\r\n\
                ;Accertamenti;X\r\n\
                ;Rimborsi;\r\n";
    let (site, r) = imported("foglio.csv", text, &[]);
    assert_eq!(
        lists(&site),
        want(&[(
            "Ufficio Tributi",
            &["Gestione IMU", "Accertamenti"],
            &["Sportello"]
        )])
    );
    assert!(
        r.stderr().contains(
            "warning: foglio.csv, line 5, column 3: skipped: \"Rimborsi\": the cell is empty"
        ),
        "{}",
        r.stderr()
    );
}

/// A list cell saying the list is empty (`Nessuna`, `-`, `/`) was once
/// published as an activity (`1 non smartizzabile: Nessuna`); a numbered
/// list typed on one line was one activity `Notifiche; 2) Albo`.
#[test]
fn cells_saying_none_are_empty_lists() {
    let text = "Ufficio;Attività smartizzabili;Attività non smartizzabili\r\n\
                Ufficio Tributi;\"• Gestione IMU\n• Accertamenti\";Nessuna\r\n\
                Ufficio Anagrafe;-;\"Sportello\nNotifiche\"\r\n\
                Ufficio Messi;\"1) Notifiche; 2) Albo\";N.D.\r\n";
    let (site, r) = imported("piao.csv", text, &["--delimiter", ";"]);
    assert_eq!(
        lists(&site),
        want(&[
            ("Ufficio Tributi", &["Gestione IMU", "Accertamenti"], &[]),
            ("Ufficio Anagrafe", &[], &["Sportello", "Notifiche"]),
            ("Ufficio Messi", &["Notifiche", "Albo"], &[]),
        ])
    );
    let err = r.stderr();
    assert!(
        err.contains("note: piao.csv, line 2, column 3: \"Nessuna\": the act says the list non_smartizzabili is empty; it is not an activity and was not imported"),
        "{err}"
    );
    assert_eq!(
        err.matches("is empty; it is not an activity").count(),
        3,
        "{err}"
    );
    assert!(
        r.stdout().contains("3 units, 6 activities"),
        "{}",
        r.stdout()
    );
}

/// `Tutte` alone in a unit's list cell names no activity: it says what
/// the unit's other activities are (`altre_attivita`), as `Tutte le altre
/// attività` does; it was once published as the activity `Tutte`. Beside
/// other items it stays an item.
#[test]
fn a_list_cell_saying_all_is_the_units_rule() {
    let text = "Ufficio;Attività smartizzabili;Attività non smartizzabili\r\n\
                Ufficio Sport;Tutte;Sportello\r\n\
                Ufficio Cultura;Eventi;Tutte le attività dell'ufficio\r\n\
                Ufficio Messi;\"Notifiche\nTutte\";Albo\r\n";
    let (site, _) = imported("piao.csv", text, &[]);
    let got = units(&site);
    assert!(got[0].smart.is_empty(), "{:?}", got[0]);
    assert_eq!(got[1].non, Vec::<String>::new());
    assert_eq!(got[2].smart, all(&["Notifiche", "Tutte"]));
    let rule = |file: &str| {
        let y: serde_yaml::Value = serde_yaml::from_str(
            &fs::read_to_string(site.root().join("content").join(file)).unwrap(),
        )
        .unwrap();
        y["altre_attivita"].as_str().map(str::to_string)
    };
    assert_eq!(rule("sport.yaml").as_deref(), Some("smartizzabili"));
    assert_eq!(rule("cultura.yaml").as_deref(), Some("non_smartizzabili"));
    assert_eq!(rule("messi.yaml"), None);
}

/// Invisible characters copied from a page or a PDF (a zero-width space,
/// a soft hyphen) once made `Ufficio\u{200b} Tributi` and `Ufficio
/// Tributi` two units, `tributi.yaml` and `tributi-2.yaml`, and stayed in
/// the published texts.
#[test]
fn invisible_characters_make_no_second_unit() {
    let text = "Ufficio;Attività;Smartizzabile\r\n\
                Ufficio\u{200b} Tributi;Gestione\u{ad}IMU;SI\r\n\
                ;\u{200b}Sportello\u{200b};NO\r\n\
                Ufficio Tributi;Rimborsi;SI\r\n";
    let (site, _) = imported("copiato.csv", text, &[]);
    assert_eq!(
        lists(&site),
        want(&[(
            "Ufficio Tributi",
            &["GestioneIMU", "Rimborsi"],
            &["Sportello"]
        )])
    );
}

#[test]
fn csv_encoding_and_separator_can_be_forced() {
    let site = new_site();
    let file = source(
        &site,
        "utf8.csv",
        "Ufficio,Attività smartizzabili\nCittà,Verifica\n".as_bytes(),
    );
    let r = site.run(&["import", &file, "--encoding", "windows-1252"]);
    assert!(r.ok(), "{}", r.stderr());
    // UTF-8 `à` read as Windows-1252 is `Ã` and a no-break space (trimmed).
    assert_eq!(units(&site)[0].nome, "CittÃ");
    let r = site.run(&["import", &file, "--delimiter", ";", "--force"]);
    assert_eq!(
        r.code(),
        Some(1),
        "one column is no catalogue:\n{}",
        r.stderr()
    );
    assert!(r.stderr().contains("no catalogue found"), "{}", r.stderr());
    let r = site.run(&["import", &file, "--delimiter", "pipe"]);
    assert_eq!(r.code(), Some(2), "{}", r.stderr());
}

#[test]
fn html_tables_with_lists_and_line_breaks() {
    let site = new_site();
    let html = "<!doctype html><html><head><title>PIAO</title><style>td{}</style></head><body>\
        <table><tr><th>Totale</th><th>Smartizzabili</th></tr><tr><td>9</td><td>120</td></tr></table>\
        <table><thead><tr><th>Servizio</th><th>Attività smartizzabili</th><th>Attività non smartizzabili</th></tr></thead>\
        <tbody><tr><td><b>Servizio Ambiente</b></td><td><ul><li>Autorizzazioni &amp; pareri</li><li>Verifica\n   pratiche</li></ul></td>\
        <td>Controlli sul territorio<br>Campionamenti</td></tr></tbody></table></body></html>";
    let file = source(&site, "piao.htm", html.as_bytes());
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    let got = units(&site);
    assert_eq!(
        got[0].smart,
        all(&["Autorizzazioni & pareri", "Verifica pratiche"])
    );
    assert_eq!(
        got[0].non,
        all(&["Controlli sul territorio", "Campionamenti"])
    );
    assert!(
        r.stderr().contains("piao.htm, table 1: skipped"),
        "{}",
        r.stderr()
    );
}

/// A page laid out with a table, as older sites of public bodies are (the
/// menu in one cell, the act's table nested in another): the nested table
/// was only part of the layout cell's text, and the import found no
/// catalogue. A table nested in a cell of the catalogue stays in its cell.
#[test]
fn a_table_inside_a_page_layout_table() {
    let site = new_site();
    let html = "<table width=\"100%\"><tr><td>Home<br>Uffici</td><td><h2>Lavoro agile</h2>\
        <table border=1><tr><th>Ufficio</th><th>Attività smartizzabili</th><th>Attività non smartizzabili</th></tr>\
        <tr><td>Ufficio Tributi</td><td>Gestione IMU<table><tr><td>Attività</td><td>Modalità</td></tr><tr><td>IMU</td><td>agile</td></tr></table></td><td>Sportello</td></tr>\
        </table></td></tr></table>";
    let file = source(&site, "pagina.html", html.as_bytes());
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    let got = units(&site);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].smart[0], "Gestione IMU");
    assert_eq!(got[0].non, all(&["Sportello"]));
    // The table inside the catalogue's cell is no list for the whole body.
    assert!(!r.stdout().contains("whole body"), "{}", r.stdout());
    assert!(
        r.stderr().contains("pagina.html, table 1: skipped (1 row)"),
        "{}",
        r.stderr()
    );
}

/// A line break inside a list item (`<li>A<br>B</li>`, Shift+Enter in a
/// Word list paragraph) goes on with the item: it was once split into two
/// activities. A line with its own bullet is still an item of its own, and
/// a line break in a plain cell still separates activities.
#[test]
fn a_line_break_in_a_list_item_is_one_item() {
    let site = new_site();
    let html = "<table><tr><th>Servizio</th><th>Attività smartizzabili</th><th>Attività non smartizzabili</th></tr>\
        <tr><td>Servizio Tributi</td><td><ul><li>Accertamenti<br>TARI e TASI</li><li>Rimborsi<br>• Sgravi</li></ul></td>\
        <td>Sportello<br>Notifiche</td></tr></table>\
        <p>Attività da svolgere in presenza:</p><ul><li>Servizi cimiteriali<br>e di polizia mortuaria</li><li>Stato civile<br>Elettorale</li></ul>";
    let file = source(&site, "piao.html", html.as_bytes());
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    let got = units(&site);
    assert_eq!(
        got[0].smart,
        all(&["Accertamenti TARI e TASI", "Rimborsi", "Sgravi"])
    );
    assert_eq!(got[0].non, all(&["Sportello", "Notifiche"]));
    let sito: serde_yaml::Value =
        serde_yaml::from_str(&fs::read_to_string(site.root().join("content/_sito.yaml")).unwrap())
            .unwrap();
    assert_eq!(
        texts(&sito["non_smartizzabili"]),
        all(&[
            "Servizi cimiteriali e di polizia mortuaria",
            "Stato civile Elettorale"
        ])
    );
    // In Word: a list paragraph with a line break.
    let site = new_site();
    let li_br = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>Accertamenti</w:t><w:br/><w:t>TARI e TASI</w:t></w:r></w:p>";
    let body = w_table(&[
        w_row(&[w_p("Servizio"), w_p("Attività smartizzabili")]),
        w_row(&[w_p("Servizio Tributi"), [li_br, &w_li("Rimborsi")].concat()]),
    ]);
    let file = source(&site, "piao.docx", &docx(&body));
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    assert_eq!(
        units(&site)[0].smart,
        all(&["Accertamenti TARI e TASI", "Rimborsi"])
    );
}

// ---- The example catalogue ------------------------------------------------

/// The seed text of the PIAO gives the example's catalogue: same units in
/// the same order, same lists, except the Servizio Sociale cells, which the
/// act writes as one item each and the import reports as run together.
#[test]
fn seed_text_gives_the_example_catalogue() {
    let site = new_site();
    let file = repo().join("tests/fixtures/import/processi-smartizzabili.txt");
    let r = site.run(&["import", file.to_str().unwrap()]);
    assert!(r.ok(), "{}", r.stderr());
    let got = units(&site);
    let want = example_as_imported();
    let names = |u: &[Imported]| u.iter().map(|u| u.nome.clone()).collect::<Vec<_>>();
    assert_eq!(names(&got), names(&want));
    for (g, w) in got.iter().zip(&want) {
        if g.nome == "Servizio Sociale, cultura e comunicazione" {
            assert_eq!((g.smart.len(), g.non.len()), (1, 1));
            continue;
        }
        assert_eq!(g.smart, w.smart, "{}", g.nome);
        assert_eq!(g.non, w.non, "{}", g.nome);
    }
    let err = r.stderr();
    let warnings: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("warning:") && !l.contains("twice"))
        .collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert_eq!(
        err.matches("twice (first at").count(),
        SEED_DUPLICATES,
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "the act's rule for the activities it does not list: altre_attivita: smartizzabili (not imported as an activity): \"{SEED_RULE}\""
        )),
        "{err}"
    );
    let segreteria = fs::read_to_string(
        site.root()
            .join("content/segreteria-appalti-sistemi-informativi.yaml"),
    )
    .unwrap();
    assert!(
        segreteria.ends_with(&format!(
            "altre_attivita: smartizzabili\naltre_attivita_citazione: {SEED_RULE}\n"
        )),
        "{segreteria}"
    );
    assert!(
        warnings[0].contains("line 33, column 2") && warnings[0].contains("run together"),
        "{err}"
    );
    assert!(warnings[1].contains("line 33, column 3"), "{err}");
    assert_eq!(
        err.matches("joined to the item before it").count(),
        3,
        "{err}"
    );
    site.build();
}

fn csv_rows(text: &str, skip: &[&str]) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let keep: Vec<usize> = (0..header.len())
        .filter(|&i| !skip.contains(&header[i].as_str()))
        .collect();
    let mut rows = vec![keep.iter().map(|&i| header[i].clone()).collect()];
    for rec in r.records() {
        let rec = rec.unwrap();
        rows.push(keep.iter().map(|&i| rec[i].to_string()).collect());
    }
    rows
}

/// Imports `file` of the example site's own output into a new site, builds
/// it and compares the rebuilt CSV with the example's (slugs, and so ids and
/// addresses, aside).
fn round_trip(file: &str) {
    let example = Site::example();
    example.build();
    let published = example.read("catalogo.csv");
    let bytes = fs::read(example.public().join(file)).unwrap();
    let site = new_site();
    let path = source(&site, file, &bytes);
    let r = site.run(&["import", &path]);
    assert!(r.ok(), "{}", r.stderr());
    // The only warnings: the duplicates the example has (`check` warns too).
    let warnings = r
        .stderr()
        .lines()
        .filter(|l| l.starts_with("warning"))
        .count();
    assert_eq!(
        warnings,
        r.stderr().matches("twice (first at").count(),
        "{}",
        r.stderr()
    );
    assert_eq!(warnings, SEED_DUPLICATES, "{}", r.stderr());
    site.build();
    let skip = ["id", "unita_slug", "url"];
    assert_eq!(
        csv_rows(&site.read("catalogo.csv"), &skip),
        csv_rows(&published, &skip)
    );
}

/// Importing the site's own `catalogo.csv` reproduces the catalogue.
#[test]
fn round_trip_of_the_published_csv() {
    round_trip("catalogo.csv");
}

/// The spreadsheet download is the file the office edits: importing it back
/// reproduces the catalogue too.
#[test]
fn round_trip_of_the_published_spreadsheet() {
    round_trip("catalogo.xlsx");
}

/// Texts YAML would misread (a `#`, `: `, quotes, a number, `yes`) are
/// published exactly as they were imported.
#[test]
fn imported_texts_are_published_verbatim() {
    let tricky = [
        "Sportello #2",
        "Economato: attività di back office",
        "-testo attaccato",
        "'Apostrofo' iniziale",
        "\"Virgolette\" iniziali",
        "Tel. 011 123456",
        "2026",
        "yes",
        "[Tra parentesi]",
        "% percento",
        "@ chiocciola",
        "Termina con due punti:",
        "Voce con # a metà",
        "Barra \\ rovescia",
        "{graffe}",
        "& e commerciale",
        "! esclamativo",
    ];
    let mut csv = String::from("Ufficio;Attività;Smartizzabile\n");
    for t in tricky {
        csv.push_str(&format!(
            "Ufficio Prove;\"{}\";sì\n",
            t.replace('"', "\"\"")
        ));
    }
    let site = new_site();
    let file = source(&site, "prove.csv", csv.as_bytes());
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    site.build();
    let json: serde_json::Value = serde_json::from_str(&site.read("catalogo.json")).unwrap();
    let published: Vec<&str> = json["unita"][0]["smartizzabili"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["testo"].as_str().unwrap())
        .collect();
    assert_eq!(published, tricky);
}

// ---- What import does to the disk (issue 21) -------------------------------

/// A unit the user made by copying `init`'s example keeps its first line;
/// import removes only the untouched example (it removed every copy).
#[test]
fn a_copy_of_the_example_survives_import() {
    let site = new_site();
    let copy = example_unit().replace("Ufficio di esempio", "Polizia locale");
    site.write("content/polizia.yaml", &copy);
    let file = simple_csv(&site);
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    assert!(!site.root().join("content/esempio.yaml").exists());
    assert_eq!(
        fs::read_to_string(site.root().join("content/polizia.yaml")).unwrap(),
        copy
    );
}

/// Units the site has and the file lacks are kept without `--force`, and
/// removed with it (a copy kept).
#[test]
fn units_the_file_lacks_are_kept_unless_force() {
    let site = new_site();
    let mine = "# scritta a mano\nnome: Ufficio Cultura\nsmartizzabili:\n  - Mostre\n";
    site.write("content/cultura.yaml", mine);
    let file = simple_csv(&site);
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(
        r.stdout().contains("Kept, not in a.csv (1 unit;")
            && r.stdout()
                .contains("content/cultura.yaml (Ufficio Cultura)"),
        "{}",
        r.stdout()
    );
    assert_eq!(
        fs::read_to_string(site.root().join("content/cultura.yaml")).unwrap(),
        mine
    );
    let r = site.run(&["import", &file, "--force"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(!site.root().join("content/cultura.yaml").exists());
    assert_eq!(
        fs::read_to_string(
            site.root()
                .join("content/.trasparenza-backup/import-1/cultura.yaml")
        )
        .unwrap(),
        mine
    );
    assert!(site.run(&["check"]).ok());
}

/// A unit file that is a symbolic link is not written through without
/// `--force`; a unit in a linked folder is the same unit (it was not seen,
/// and a second file of the same name broke the build).
/// The act renamed a unit: the old file is kept (as any unit the file
/// lacks) and the new one written, so both would be published with the
/// same activities; the report says so, naming both (it once only listed
/// the old one as kept).
#[test]
fn a_renamed_unit_is_named_beside_the_kept_one() {
    let site = new_site();
    let first = "Ufficio;Attività;Smartizzabile\nUfficio Anagrafe;Statistiche;SI\n;Rilascio CIE;NO\nUfficio Tributi;IMU;SI\n";
    let file = source(&site, "a.csv", first.as_bytes());
    assert!(site.run(&["import", &file]).ok());
    let second = "Ufficio;Attività;Smartizzabile\nServizio Demografico;Statistiche;SI\n;Rilascio CIE;NO\n;Elettorale;SI\nUfficio Cultura;IMU;NO\n";
    let file = source(&site, "b.csv", second.as_bytes());
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    let out = r.stdout();
    assert!(
        out.contains("note: content/anagrafe.yaml (\"Ufficio Anagrafe\") shares at least half its activities (and more than one) with the new unit \"Servizio Demografico\": if the act renamed it, both would be published with the same activities: then delete content/anagrafe.yaml"),
        "{out}"
    );
    // One shared activity of one is not a rename.
    assert_eq!(out.matches("shares at least half").count(), 1, "{out}");
    assert!(site.root().join("content/anagrafe.yaml").exists());
}

/// A note written by hand in a unit file goes when the act drops (or
/// rewrites beyond recognition) its activity: the report says so under the
/// activity's line, quoting the note (it once said only `- removed`).
#[test]
fn a_removed_activitys_own_note_is_in_the_report() {
    let site = new_site();
    let first = "Ufficio;Attività;Smartizzabile\nUfficio Tributi;Gestione IMU;SI\n;Sportello;NO\n;Cassa;SI\n";
    let file = source(&site, "a.csv", first.as_bytes());
    assert!(site.run(&["import", &file]).ok());
    let path = site.root().join("content/tributi.yaml");
    let text = fs::read_to_string(&path).unwrap().replace(
        "  - Gestione IMU\n",
        "  - testo: Gestione IMU\n    note: Con accesso VPN\n",
    );
    fs::write(&path, text).unwrap();
    let second =
        "Ufficio;Attività;Smartizzabile\nUfficio Tributi;Riscossione coattiva;SI\n;Sportello;NO\n";
    let file = source(&site, "b.csv", second.as_bytes());
    let r = site.run(&["import", &file, "--dry-run"]);
    assert!(r.ok(), "{}", r.stderr());
    let out = r.stdout();
    assert!(
        out.contains("    - removed from smartizzabili: Gestione IMU\n      the note written in the file for \"Gestione IMU\" goes with the activity (the backup copy keeps it): \"Con accesso VPN\"\n"),
        "{out}"
    );
    // `Cassa` had no note: nothing more under its line.
    assert_eq!(out.matches("the note written").count(), 1, "{out}");
}

#[test]
fn linked_unit_files_and_folders() {
    let site = new_site();
    let file = simple_csv(&site);
    let unit = "nome: Ufficio Tributi\nsmartizzabili:\n  - Vecchia attività\n";
    site.write("altrove/tributi.yaml", unit);
    std::os::unix::fs::symlink("../altrove", site.root().join("content/linked")).unwrap();
    let before = tree(site.root());
    let r = site.run(&["import", &file]);
    assert_eq!(r.code(), Some(2), "{}", r.stderr());
    assert!(
        r.stderr()
            .contains("content/linked/tributi.yaml is a symbolic link, or in a linked folder"),
        "{}",
        r.stderr()
    );
    assert_eq!(tree(site.root()), before);
    assert!(!site.root().join("content/tributi.yaml").exists());
    // With --force: written where the link leads only inside content/.
    let r = site.run(&["import", &file, "--force"]);
    assert_eq!(r.code(), Some(2), "{}", r.stderr());
    assert!(r.stderr().contains("leads outside"), "{}", r.stderr());
    assert_eq!(tree(site.root()), before);

    // A linked file whose target is inside content/.
    let site = new_site();
    let file = simple_csv(&site);
    site.write("content/.vero-tributi.yaml", unit);
    std::os::unix::fs::symlink(
        ".vero-tributi.yaml",
        site.root().join("content/tributi.yaml"),
    )
    .unwrap();
    let r = site.run(&["import", &file]);
    assert_eq!(r.code(), Some(2), "{}", r.stderr());
    let r = site.run(&["import", &file, "--force"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(site.root().join("content/tributi.yaml").is_symlink());
    assert_eq!(units(&site)[0].smart, ["Calcolo IMU"]);
    assert_eq!(
        fs::read_to_string(
            site.root()
                .join("content/.trasparenza-backup/import-1/tributi.yaml")
        )
        .unwrap(),
        unit
    );
}

/// The file being imported is never one of the files written: a unit file
/// that is the same file (a hard link), spelt another way, is refused even
/// with `--force`.
#[test]
fn the_imported_file_is_never_a_target() {
    let site = new_site();
    let file = simple_csv(&site);
    fs::hard_link(&file, site.root().join("content/tributi.yaml")).unwrap();
    let before = tree(site.root());
    let r = site.run(&["import", &file, "--force"]);
    assert_eq!(r.code(), Some(2), "{}", r.stderr());
    assert!(
        r.stderr()
            .contains("content/tributi.yaml is the file being imported"),
        "{}",
        r.stderr()
    );
    assert_eq!(tree(site.root()), before);
}

/// Units are matched by name before file name: two units the act lists in
/// another order keep their own files and activities.
#[test]
fn units_are_matched_by_name_before_file_name() {
    let site = new_site();
    site.write(
        "content/tributi.yaml",
        "nome: Servizio Tributi\nsmartizzabili:\n  - Calcolo IMU\n",
    );
    site.write(
        "content/tributi-2.yaml",
        "nome: Ufficio Tributi\nsmartizzabili:\n  - Rimborsi TARI\n",
    );
    let file = source(
        &site,
        "t.csv",
        "Ufficio;Attività smartizzabili\nUfficio Tributi;Rimborsi TARI\nServizio Tributi;Calcolo IMU\n"
            .as_bytes(),
    );
    let before = tree(&site.root().join("content"));
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    let after = tree(&site.root().join("content"));
    let mut before = before;
    before.remove("esempio.yaml");
    assert_eq!(after, before, "{}", r.stdout());
}

/// A character YAML reads as a line end in a unit's name was a "bug of
/// trasparenza import".
#[test]
fn control_characters_in_a_unit_name() {
    let site = new_site();
    let file = source(
        &site,
        "c.csv",
        "Ufficio;Attività smartizzabili\nUfficio\u{2028}Tributi\u{7};Calcolo IMU\n".as_bytes(),
    );
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    site.build();
}

/// A unit named like an extra page would publish at the page's address: it
/// gets another file name, and the site still builds.
#[test]
fn a_unit_named_like_an_extra_page() {
    let site = new_site();
    site.write(
        "content/note-metodologiche.md",
        "---\ntitolo: Note metodologiche\n---\nTesto.\n",
    );
    let file = source(
        &site,
        "n.csv",
        "Ufficio;Attività smartizzabili\nNote metodologiche;Calcolo IMU\n".as_bytes(),
    );
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(
        r.stdout().contains("the extra page content/note-metodologiche.md has that address: it is written as content/note-metodologiche-2.yaml"),
        "{}",
        r.stdout()
    );
    assert!(
        site.root()
            .join("content/note-metodologiche-2.yaml")
            .is_file()
    );
    site.build();
}

/// The round trip of issue 21: build, open the published spreadsheet, add,
/// remove and move one activity, import it back. The unit files change only
/// in those lines; comments, descriptions and the other units stay.
#[test]
fn reimporting_the_edited_spreadsheet_updates_only_what_changed() {
    use calamine::Reader;
    let site = Site::example();
    site.build();
    let content = site.root().join("content");
    // A hand-written comment and note inside the list: kept.
    let path = content.join("entrate-demografici.yaml");
    let text = fs::read_to_string(&path).unwrap().replace(
        "  - IMU - caricamento delle successioni\n",
        "  # verificato con l'ufficio\n  - IMU - caricamento delle successioni\n",
    );
    fs::write(&path, &text).unwrap();
    let before = tree(&content);

    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(site.public().join("catalogo.xlsx")).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let mut rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let col = |h: &[&str]| {
        rows[0]
            .iter()
            .position(|c| h.contains(&c.as_str()))
            .unwrap_or_else(|| panic!("{h:?} in {:?}", rows[0]))
    };
    let (testo, smart) = (
        col(&["attivita", "Attività"]),
        col(&["smartizzabile", "Smartizzabile"]),
    );
    let at = |rows: &[Vec<String>], t: &str| rows.iter().position(|r| r[testo] == t).unwrap();
    rows.remove(at(&rows, "IMU - gestione dei MUI"));
    let moved = at(&rows, "IMU - gestione dei DOCFA");
    rows[moved][smart] = "no".into();
    let mut added = rows[moved].clone();
    added[testo] = "Nuova attività di prova".into();
    added[smart] = "si".into();
    rows.insert(moved, added);
    let cells: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let file = source(&site, "catalogo-modificato.xlsx", &xlsx(&[(&name, cells)]));

    let dry = site.run(&["import", &file, "--dry-run"]);
    assert!(dry.ok(), "{}{}", dry.stdout(), dry.stderr());
    assert_eq!(tree(&content), before, "a dry run writes nothing");
    for says in [
        "Would update content/entrate-demografici.yaml: 1 added, 1 removed, 1 moved, 0 changed",
        "+ added to smartizzabili: Nuova attività di prova",
        "- removed from smartizzabili: IMU - gestione dei MUI",
        "> moved to non smartizzabili: IMU - gestione dei DOCFA",
        "Would copy 1 file into content/.trasparenza-backup/import-1/:",
    ] {
        assert!(dry.stdout().contains(says), "{says}\n{}", dry.stdout());
    }
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    let after = tree(&content);
    let mut changed = Vec::new();
    for (p, old) in &before {
        let new = &after[p];
        if new != old {
            changed.push(p.clone());
            let (old, new) = (
                String::from_utf8_lossy(old).into_owned(),
                String::from_utf8_lossy(new).into_owned(),
            );
            let diff = similar::TextDiff::from_lines(&old, &new);
            let lines: Vec<String> = diff
                .iter_all_changes()
                .filter(|c| c.tag() != similar::ChangeTag::Equal)
                .map(|c| format!("{}{}", c.tag(), c.value().trim_end()))
                .collect();
            let mut want = vec![
                "+  - Nuova attività di prova".to_string(),
                "-  - IMU - gestione dei MUI".into(),
                "-  - IMU - gestione dei DOCFA".into(),
                "+  - IMU - gestione dei DOCFA".into(),
            ];
            let mut got = lines.clone();
            want.sort();
            got.sort();
            assert_eq!(got, want, "{p}:\n{new}");
            assert!(new.contains("# verificato con l'ufficio\n"));
        }
    }
    assert_eq!(changed, ["entrate-demografici.yaml"]);
    assert_eq!(
        after[".trasparenza-backup/import-1/entrate-demografici.yaml"],
        text.as_bytes()
    );
    site.build();
    // The same file again: nothing to do.
    let again = tree(&content);
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    assert_eq!(tree(&content), again);
}

// ---- What import must not do ----------------------------------------------

fn simple_csv(site: &Site) -> String {
    source(
        site,
        "a.csv",
        "Ufficio;Attività smartizzabili\nUfficio Tributi;Calcolo IMU\n".as_bytes(),
    )
}

/// A file that cannot be written (here: a folder where its temporary copy
/// goes; a read-only or full disk alike) stops the import before any file
/// is replaced or created: the first units were once written and the rest
/// not, and the message said copies were kept when none had been made.
#[test]
fn a_file_that_cannot_be_written_stops_before_anything_is_touched() {
    let site = new_site();
    let csv = "Ufficio;Attività smartizzabili\nUfficio Tributi;Calcolo IMU\nUfficio Anagrafe;Statistiche\n";
    let file = source(&site, "a.csv", csv.as_bytes());
    fs::create_dir(site.root().join("content/.anagrafe.yaml.import-tmp")).unwrap();
    let before = tree(&site.root().join("content"));
    let r = site.run(&["import", &file]);
    assert_eq!(r.code(), Some(2), "{}", r.stderr());
    assert!(
        r.stderr()
            .contains("error: cannot write content/anagrafe.yaml: ")
            && r.stderr().contains("; nothing was written"),
        "{}",
        r.stderr()
    );
    assert!(!r.stderr().contains("copies"), "{}", r.stderr());
    assert_eq!(tree(&site.root().join("content")), before);
    assert!(!site.root().join("content/tributi.yaml").exists());
    assert!(
        !site
            .root()
            .join("content/.tributi.yaml.import-tmp")
            .exists()
    );
}

/// A file at the new unit's name that import cannot update (it does not
/// read as a unit) is refused, and nothing is written; with `--force` it is
/// replaced and a copy kept, listed by `--dry-run --force` too.
#[test]
fn refuses_to_overwrite_without_force_and_writes_nothing() {
    let site = new_site();
    let file = simple_csv(&site);
    let broken = "nome: [Tributi scritto a mano\n";
    site.write("content/tributi.yaml", broken);
    let before = tree(&site.root().join("content"));
    let r = site.run(&["import", &file]);
    assert_eq!(r.code(), Some(2), "{}", r.stderr());
    assert!(
        r.stderr().contains("content/tributi.yaml exists already"),
        "{}",
        r.stderr()
    );
    assert!(r.stderr().contains("--force"), "{}", r.stderr());
    assert_eq!(
        tree(&site.root().join("content")),
        before,
        "nothing written, example kept"
    );
    let r = site.run(&["import", &file, "--force", "--dry-run"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(
        r.stdout()
            .contains("Would copy 1 file into content/.trasparenza-backup/import-1/:\n  content/tributi.yaml\n"),
        "{}",
        r.stdout()
    );
    assert_eq!(tree(&site.root().join("content")), before);
    let r = site.run(&["import", &file, "--force"]);
    assert!(r.ok(), "{}", r.stderr());
    assert_eq!(units(&site)[0].smart, ["Calcolo IMU"]);
    assert!(!site.root().join("content/esempio.yaml").exists());
    let kept = site.root().join("content/.trasparenza-backup/import-1");
    assert_eq!(
        fs::read_to_string(kept.join("tributi.yaml")).unwrap(),
        broken
    );
    assert!(!kept.join("esempio.yaml").exists(), "init writes it again");
    site.build();
}

#[test]
fn dry_run_writes_nothing() {
    let site = new_site();
    let file = simple_csv(&site);
    let before = tree(site.root());
    let r = site.run(&["import", &file, "--dry-run"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(
        r.stdout().contains("content/tributi.yaml"),
        "{}",
        r.stdout()
    );
    assert!(
        r.stdout().contains("Would remove content/esempio.yaml"),
        "{}",
        r.stdout()
    );
    assert_eq!(tree(site.root()), before);
}

#[test]
fn paths_and_flags_are_checked_before_anything_is_touched() {
    let site = new_site();
    let file = simple_csv(&site);
    let before = tree(site.root());
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "import".into(),
                site.root().join("manca.csv").display().to_string(),
            ],
            "no such file",
        ),
        (
            vec![
                "import".into(),
                site.root().join("content").display().to_string(),
            ],
            "is not a file",
        ),
        (
            vec!["import".into(), source(&site, "piao.pdf", b"%PDF")],
            "cannot tell the format",
        ),
        (
            vec![
                "import".into(),
                file.clone(),
                "--sheet".into(),
                "Foglio1".into(),
            ],
            "--sheet applies only",
        ),
        (
            vec![
                "import".into(),
                file.clone(),
                "--encoding".into(),
                "klingon".into(),
            ],
            "not an encoding",
        ),
    ];
    let before = {
        let mut b = before;
        b.insert("piao.pdf".into(), b"%PDF".to_vec());
        b
    };
    for (args, says) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = site.run(&args);
        assert_eq!(r.code(), Some(2), "{args:?}: {}", r.stderr());
        assert!(r.stderr().contains(says), "{args:?}: {}", r.stderr());
        assert_eq!(tree(site.root()), before, "{args:?}");
    }
    // A folder that is not a site yet, and one that does not exist.
    let empty = Site::empty();
    let r = empty.run(&["import", &file]);
    assert_eq!(r.code(), Some(2));
    assert!(
        r.stderr().contains("run `trasparenza init"),
        "{}",
        r.stderr()
    );
    assert!(tree(empty.root()).is_empty());
    let missing = site.root().join("manca");
    let out = crate::support::trasparenza()
        .args(["import", &file, "--root", missing.to_str().unwrap()])
        .output()
        .unwrap();
    let r = crate::support::Run(out);
    assert_eq!(r.code(), Some(2));
    assert!(r.stderr().contains("no such folder"), "{}", r.stderr());
    // A file given as the site folder is a file, not a missing folder (it
    // was "no such folder").
    let out = crate::support::trasparenza()
        .args(["import", &file, "--root", &file])
        .output()
        .unwrap();
    let r = crate::support::Run(out);
    assert_eq!(r.code(), Some(2));
    assert!(
        r.stderr().contains(&format!(
            "error: --root {file}: is a file, not a folder: give the site folder"
        )),
        "{}",
        r.stderr()
    );
}

#[test]
fn a_file_without_a_catalogue_is_an_error() {
    let site = new_site();
    let file = source(
        &site,
        "note.docx",
        &docx(&w_p("Solo testo, nessuna tabella")),
    );
    let r = site.run(&["import", &file]);
    assert_eq!(r.code(), Some(1));
    assert!(
        r.stderr().contains("no catalogue found (0 tables read)"),
        "{}",
        r.stderr()
    );
    let r = site.run(&["import", &source(&site, "rotto.docx", b"non un file zip")]);
    assert_eq!(r.code(), Some(1));
    assert!(r.stderr().contains("not a .docx file"), "{}", r.stderr());
}

// ---- Readers: nothing dropped, nothing that crashes (issues 20 and 21) ------
//
// Added by the `import` helper: the Excel CSV of the seed, the account of
// every row, deep nesting, UTF-16, and counts that agree in number.

/// Issue 20: the seed catalogue saved from Excel as an Italian CSV (`;`,
/// Windows-1252, CRLF, a title row) lost the four rows that look like a
/// header (`Servizio …;Attività di formazione on line.;Lavoro agile`) and
/// said "0 warnings". Every activity comes through, item by item as in the
/// example site, and the title row is in the report.
#[test]
fn excel_csv_of_the_seed_keeps_all_193_activities() {
    let site = new_site();
    let file = repo().join("tests/fixtures/import/processi-smartizzabili-excel.csv");
    let bytes = fs::read(&file).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is Windows-1252"
    );
    let r = site.run(&["import", file.to_str().unwrap()]);
    assert!(r.ok(), "{}", r.stderr());
    // 193 items: 192 activities and the Segreteria's rule; the warnings
    // are the duplicates of the act, which `check` reports as well.
    assert!(
        r.stdout().contains("9 units, 192 activities, 5 warnings."),
        "{}",
        r.stdout()
    );
    let err = r.stderr();
    assert!(
        err.starts_with(
            "note: processi-smartizzabili-excel.csv, line 1: skipped: a title above the header row: \"Catalogo delle attività smartizzabili (PIAO)\"\n\
             note: processi-smartizzabili-excel.csv, line 122, column 2: the act's rule for the activities it does not list: altre_attivita: smartizzabili"
        ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 2 + SEED_DUPLICATES, "{err}");
    assert_eq!(
        err.matches("twice (first at").count(),
        SEED_DUPLICATES,
        "{err}"
    );
    let got = units(&site);
    let want = example_as_imported();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g.nome, w.nome);
        assert_eq!(g.smart, w.smart, "{}", g.nome);
        assert_eq!(g.non, w.non, "{}", g.nome);
    }
    let total: usize = got.iter().map(|u| u.smart.len() + u.non.len()).sum();
    assert_eq!(total + 1, 193);
}

/// Issue 20: every row with text is imported or named in the report with
/// its line: titles, the header repeated (only when its texts are the
/// header's), columns that are not read.
#[test]
fn every_row_is_imported_or_in_the_report() {
    let site = new_site();
    let csv = "Catalogo 2026;;;\n\
               Unità organizzativa;Attività;Modalità;Dipendenti\n\
               Servizio Tributi;Attività di formazione on line.;Lavoro agile;3\n\
               Unità organizzativa;Attività;Modalità;Dipendenti\n\
               Servizio Tributi;Sportello;In presenza;\n\
               Servizio Tributi;Procedimenti di rimborso;Lavoro agile;;nota a margine\n";
    let file = source(&site, "conto.csv", csv.as_bytes());
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    assert_eq!(
        r.stderr(),
        "note: conto.csv, line 1: skipped: a title above the header row: \"Catalogo 2026\"\n\
         note: conto.csv, line 2, column 4: column \"Dipendenti\" is not part of the catalogue: its text in 1 row was not imported\n\
         warning: conto.csv, line 2, column 5: this column has no header: its text in 1 row was not imported\n\
         note: conto.csv, line 4: skipped: the header row repeated (as at the top of a page)\n"
    );
    assert!(
        r.stdout().contains("1 unit, 3 activities, 1 warning."),
        "{}",
        r.stdout()
    );
    let got = units(&site);
    assert_eq!(
        got[0].smart,
        all(&[
            "Attività di formazione on line.",
            "Procedimenti di rimborso"
        ])
    );
    assert_eq!(got[0].non, all(&["Sportello"]));
}

/// Issue 20: "1 units", "1 activities", "1 smartizzabili" in the report.
#[test]
fn the_report_agrees_in_number() {
    let site = new_site();
    let file = simple_csv(&site);
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    let out = r.stdout();
    assert!(out.contains("1 unit in the act's order"), "{out}");
    assert!(
        out.contains("  1 smartizzabile,   0 non smartizzabili  new       (Ufficio Tributi)"),
        "{out}"
    );
    assert!(out.contains("1 unit, 1 activity, 0 warnings."), "{out}");
    site.write(
        "content/altro.yaml",
        "nome: Altro\nsmartizzabili:\n  - Una\n",
    );
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(
        r.stdout()
            .contains("Kept, not in a.csv (1 unit; --force removes it, keeping a copy)")
            && r.stdout().contains("Wrote 0 unit files in content"),
        "{}",
        r.stdout()
    );
}

/// The text and the paragraphs around the table are counted in the report
/// (a PIAO text's title lines each with its line).
#[test]
fn text_around_the_tables_is_in_the_report() {
    let site = new_site();
    let body = [
        w_p("Il Sindaco"),
        w_p("Visto il decreto"),
        w_table(&[
            w_row(&[w_p("Ufficio"), w_p("Attività smartizzabili")]),
            w_row(&[w_p("Ufficio Tributi"), w_li("Avvisi")]),
        ]),
        w_p("Il Segretario"),
    ]
    .concat();
    let file = source(&site, "atto.docx", &docx(&body));
    let r = site.run(&["import", &file, "--dry-run"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(
        r.stderr().contains("note: atto.docx, outside the tables: 3 paragraphs not read (a catalogue is read from tables only), the first: \"Il Sindaco\""),
        "{}",
        r.stderr()
    );
    let file = repo().join("tests/fixtures/import/processi-smartizzabili.txt");
    let r = site.run(&["import", file.to_str().unwrap(), "--dry-run"]);
    assert!(
        r.stderr().contains(
            "note: processi-smartizzabili.txt, line 5: skipped: not a row of the table (no tab in the line): \"## PROCESSI SMARTIZZABILI\""
        ),
        "{}",
        r.stderr()
    );
}

/// Issue 21: an HTML page or a cell of a PIAO text nested 50,000 levels
/// deep aborted with a stack overflow after seconds; now it is refused at
/// once, at its line (and column), and nothing is written.
#[test]
fn deep_nesting_is_refused_at_its_line_not_a_crash() {
    let site = new_site();
    let before = tree(site.root());
    let page = format!(
        "<html><body>\n<table><tr><td>Ufficio</td><td>Attività smartizzabili</td></tr>\n<tr><td>Tributi</td><td>{}Avvisi</td></tr></table>",
        "<div>".repeat(60_000)
    );
    let file = source(&site, "profondo.html", page.as_bytes());
    let r = site.run(&["import", &file]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(
        r.stderr().starts_with(
            "error: profondo.html: line 3: the HTML is nested more than 512 levels deep"
        ),
        "{}",
        r.stderr()
    );
    let text = format!(
        "Unità organizzativa\tAttività smartizzabili\n<b>Tributi</b>\t{}Avvisi\n",
        "<ul><li>".repeat(60_000)
    );
    let file = source(&site, "profondo.txt", text.as_bytes());
    let r = site.run(&["import", &file]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(
        r.stderr().starts_with(
            "error: profondo.txt: line 2, column 2: the HTML is nested more than 512 levels deep"
        ),
        "{}",
        r.stderr()
    );
    fs::remove_file(site.root().join("profondo.html")).unwrap();
    fs::remove_file(site.root().join("profondo.txt")).unwrap();
    assert_eq!(tree(site.root()), before);
}

/// Issue 21: Notepad's "Unicode" is UTF-16 little endian with a BOM; some
/// programs write it without one, or big endian. All are read.
#[test]
fn utf16_files_with_and_without_bom() {
    let text = "Unità organizzativa;Attività;Smartizzabile\r\nUfficio Città;Verifica €;sì\r\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let le_bom: Vec<u8> = [0xFF, 0xFE].into_iter().chain(le.clone()).collect();
    let be_bom: Vec<u8> = [0xFE, 0xFF].into_iter().chain(be.clone()).collect();
    for (name, bytes) in [
        ("le.csv", le),
        ("le-bom.csv", le_bom),
        ("be.csv", be),
        ("be-bom.csv", be_bom),
    ] {
        let site = new_site();
        let file = source(&site, name, &bytes);
        let r = site.run(&["import", &file]);
        assert!(r.ok(), "{name}: {}", r.stderr());
        let got = units(&site);
        assert_eq!(got[0].nome, "Ufficio Città", "{name}");
        assert_eq!(got[0].smart, all(&["Verifica €"]), "{name}");
    }
}

/// Excel's "Unicode text" (`.txt`, UTF-16, tabs): a cell with a line
/// break or a quote is in quotes. It was read as the PIAO text (a line a
/// row, cells as HTML): `Accertamenti ""TARI"""` became a unit, `"Gestione
/// IMU` an activity with its quote, and `<front office>` was taken for a
/// tag and lost. It is read as a TSV.
#[test]
fn excel_unicode_text_is_read_as_a_tsv() {
    let text = "Unità organizzativa\tAttività smartizzabili\tAttività non smartizzabili\r\n\
                Ufficio Tributi\t\"Gestione IMU\nAccertamenti \"\"TARI\"\"\"\tSportello <front office>\r\n\
                Ufficio Anagrafe\tStatistiche & censimenti\t\"Rilascio CIE\nNotifiche\"\r\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let site = new_site();
    let file = source(&site, "catalogo.txt", &bytes);
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}", r.stderr());
    assert_eq!(
        lists(&site),
        want(&[
            (
                "Ufficio Tributi",
                &["Gestione IMU", "Accertamenti \"TARI\""],
                &["Sportello <front office>"]
            ),
            (
                "Ufficio Anagrafe",
                &["Statistiche & censimenti"],
                &["Rilascio CIE", "Notifiche"]
            ),
        ])
    );
}

/// Issue 21: a 250 KB .docx took 407 MB. A zip of blanks (17 MiB of them
/// in one stretch) and a table of merged cells (3,200 cells spanning 64
/// columns each, 204,800 in all) are refused, not held in memory.
#[test]
fn zipped_blanks_and_merged_cells_are_refused() {
    let site = new_site();
    let blanks = format!(
        "{}{}",
        w_table(&[w_row(&[w_p("Ufficio"), w_p("Attività smartizzabili")])]),
        " ".repeat(17 << 20)
    );
    let file = source(&site, "vuoto.docx", &docx(&blanks));
    let r = site.run(&["import", &file]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(
        r.stderr()
            .contains("more than 16 MiB of text without markup"),
        "{}",
        r.stderr()
    );
    let merged = "<w:tc><w:tcPr><w:gridSpan w:val=\"64\"/></w:tcPr></w:tc>".repeat(3_200);
    let file = source(
        &site,
        "unite.docx",
        &docx(&format!("<w:tbl><w:tr>{merged}</w:tr></w:tbl>")),
    );
    let r = site.run(&["import", &file]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(
        r.stderr()
            .contains("the tables of this file have more than 200000 cells"),
        "{}",
        r.stderr()
    );
}

/// A Word 97-2003 `.doc` got the hint meant for a PDF ("a PDF cannot be
/// read"); each kind of file import cannot read now gets its own way out.
#[test]
fn a_file_import_cannot_read_gets_the_hint_for_its_kind() {
    let site = Site::fixture("basic");
    for (name, hint) in [
        ("piao.pdf", "a PDF cannot be read"),
        ("PIAO 2026.DOC", "save it as .docx"),
        ("piao.rtf", "save it as .docx"),
        ("piao.zip", "save it in one of the formats read"),
    ] {
        let r = site.run(&["import", &source(&site, name, b"x")]);
        assert_eq!(r.code(), Some(2), "{name}: {}", r.stderr());
        assert!(
            r.stderr().contains("cannot tell the format"),
            "{name}: {}",
            r.stderr()
        );
        assert!(r.stderr().contains(hint), "{name}: {}", r.stderr());
        let pdf = name.ends_with(".pdf");
        assert_eq!(r.stderr().contains("PDF"), pdf, "{name}: {}", r.stderr());
    }
}
