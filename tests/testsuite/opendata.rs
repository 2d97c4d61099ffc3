//! The open data: `catalogo.csv` read back with a real CSV parser (the `csv`
//! crate) and compared with the content, round trip; `catalogo.json` against
//! the CSV and the content; the CSV against its CSVW schema; the DCAT-AP_IT
//! description against the files it describes; the home page's downloads.
//! (The JSON is validated against its JSON Schema by ajv, in
//! `tests/browser/opendata.test.mjs`.)

use std::collections::HashSet;

use serde_json::Value;
use trasparenza::testing::diagnostic::Diagnostics;
use trasparenza::testing::model;
use trasparenza::testing::pipeline::{self, BuildOptions};

use crate::support::{Site, sel, text_of, tree};

/// The columns the issue asks for, in the order we publish them.
const HEADER: &[&str] = &[
    "id",
    "ente",
    "codice_ipa",
    "periodo",
    "aggiornato_il",
    "unita_slug",
    "unita_nome",
    "area",
    "responsabile",
    "smartizzabile",
    "altre_attivita",
    "attivita",
    "note",
    "ambiti",
    "url",
];

/// The content as the generator understood it (settings and units in
/// catalogue order).
fn content(site: &Site) -> model::Site {
    let mut diags = Diagnostics::new();
    let built = pipeline::run(site.root(), &BuildOptions::default(), &mut diags)
        .expect("environment")
        .expect("content without errors");
    built.site
}

fn read_csv(site: &Site) -> (Vec<u8>, csv::StringRecord, Vec<csv::StringRecord>) {
    let bytes = std::fs::read(site.public().join("catalogo.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes.as_slice());
    let header = reader.headers().expect("a header row").clone();
    let records: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("a well-formed CSV record"))
        .collect();
    (bytes, header, records)
}

fn field<'a>(header: &csv::StringRecord, rec: &'a csv::StringRecord, name: &str) -> &'a str {
    let i = header.iter().position(|h| h == name).unwrap();
    rec.get(i).unwrap()
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().map(str::trim).unwrap_or("")
}

/// Every activity of the content, in page order: (unit, list flag, activity).
fn activities(m: &model::Site) -> Vec<(&model::Unit, bool, &model::Activity)> {
    let mut v = Vec::new();
    for u in m.units.iter().map(|u| &**u) {
        v.extend(u.smartizzabili.iter().map(|a| (u, true, a)));
        v.extend(u.non_smartizzabili.iter().map(|a| (u, false, a)));
    }
    v
}

fn check_csv_round_trip(site: &Site) {
    let m = content(site);
    let base = m.config.base_url.clone();
    let (bytes, header, records) = read_csv(site);
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM");
    assert!(std::str::from_utf8(&bytes).is_ok(), "UTF-8");
    assert_eq!(header.iter().collect::<Vec<_>>(), HEADER);
    // RFC 4180: every record, the header's too, ends with CRLF; outside
    // quotes there is no other line break.
    assert!(bytes.ends_with(b"\r\n"));
    let (mut quoted, mut line_ends) = (false, 0);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\r' if !quoted => {
                assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
                line_ends += 1;
            }
            b'\n' if !quoted => assert_eq!(bytes[i - 1], b'\r', "bare LF at byte {i}"),
            _ => {}
        }
    }
    assert_eq!(line_ends, records.len() + 1, "one CRLF per record");

    let expected = activities(&m);
    assert_eq!(records.len(), expected.len(), "one row per activity");
    let mut ids = HashSet::new();
    let mut pages = std::collections::HashMap::new();
    for (rec, (unit, smart, a)) in records.iter().zip(&expected) {
        let f = |name| field(&header, rec, name);
        assert_eq!(f("ente"), m.config.ente.trim());
        assert_eq!(f("codice_ipa"), opt(&m.config.codice_ipa));
        assert_eq!(f("periodo"), opt(&m.config.periodo));
        assert_eq!(f("aggiornato_il"), m.config.aggiornato_il.to_string());
        assert_eq!(f("unita_slug"), unit.slug);
        assert_eq!(f("unita_nome"), unit.nome.trim());
        assert_eq!(f("area"), opt(&unit.area));
        assert_eq!(f("responsabile"), opt(&unit.responsabile));
        assert_eq!(f("smartizzabile"), if *smart { "si" } else { "no" });
        assert_eq!(f("attivita"), a.testo.trim());
        assert_eq!(f("note"), opt(&a.note));
        let ambiti: Vec<&str> = a.ambiti.iter().map(|s| s.trim()).collect();
        assert_eq!(f("ambiti"), ambiti.join("; "));
        assert!(ids.insert(f("id").to_string()), "duplicate id {}", f("id"));

        // The URL lands on this activity, in the right list, on the unit page.
        let url = f("url");
        let prefix = format!("{base}{}/#", unit.slug);
        let anchor = url
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{url} is not under {prefix}"));
        assert_eq!(f("id"), format!("{}#{anchor}", unit.slug));
        let doc = pages
            .entry(unit.slug.clone())
            .or_insert_with(|| site.html(&format!("{}/index.html", unit.slug)));
        let list = if *smart {
            "smartizzabili"
        } else {
            "non-smartizzabili"
        };
        let css = format!("section[aria-labelledby='{list}'] li[id='{anchor}'] .attivita-testo");
        let li = doc
            .select(&sel(&css))
            .next()
            .unwrap_or_else(|| panic!("{url}: no {css} on the page"));
        let shown = text_of(li);
        let testo: String = a.testo.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(shown.starts_with(&testo), "{url}: page shows {shown:?}");
    }
}

#[test]
fn csv_round_trips_the_example_site() {
    let site = Site::example();
    site.build();
    check_csv_round_trip(&site);
}

#[test]
fn csv_round_trips_quotes_commas_newlines_and_empty_fields() {
    let site = Site::fixture("stress");
    site.build();
    check_csv_round_trip(&site);
    // The nasty values really are in there (the round trip above compared them).
    let (_, header, records) = read_csv(&site);
    let notes: Vec<&str> = records.iter().map(|r| field(&header, r, "note")).collect();
    assert!(notes.iter().any(|n| n.contains('\n') && n.contains(',')));
    let texts: Vec<&str> = records
        .iter()
        .map(|r| field(&header, r, "attivita"))
        .collect();
    assert!(texts.iter().any(|t| t.contains("\"virgolette\"")));
    assert!(
        records
            .iter()
            .all(|r| field(&header, r, "codice_ipa").is_empty())
    );
    // Duplicate texts and a text equal to a heading's id get distinct anchors.
    let ids: Vec<&str> = records.iter().map(|r| field(&header, r, "id")).collect();
    assert!(ids.contains(&"senza-niente#smartizzabili-2"), "{ids:?}");
    assert!(ids.contains(&"senza-niente#smartizzabili-3"), "{ids:?}");
}

fn json(site: &Site, file: &str) -> Value {
    serde_json::from_str(&site.read(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn json_holds_the_whole_catalogue_like_the_csv() {
    for site in [Site::example(), Site::fixture("stress")] {
        site.build();
        let m = content(&site);
        let j = json(&site, "catalogo.json");
        assert_eq!(j["ente"], m.config.ente.trim());
        assert_eq!(j["aggiornato_il"], m.config.aggiornato_il.to_string());
        assert_eq!(j["url"], m.config.base_url);
        assert_eq!(j["licenza"]["id"], "CC-BY-4.0");
        let units = j["unita"].as_array().unwrap();
        assert_eq!(units.len(), m.units.len());
        let mut flat = Vec::new();
        for (ju, mu) in units.iter().zip(&m.units) {
            assert_eq!(ju["slug"], mu.slug);
            assert_eq!(ju["nome"], mu.nome.trim());
            assert_eq!(ju["area"].as_str(), mu.area.as_deref().map(str::trim));
            assert_eq!(
                ju["smartizzabili"].as_array().unwrap().len(),
                mu.smartizzabili.len()
            );
            assert_eq!(
                ju["non_smartizzabili"].as_array().unwrap().len(),
                mu.non_smartizzabili.len()
            );
            for key in ["smartizzabili", "non_smartizzabili"] {
                for a in ju[key].as_array().unwrap() {
                    flat.push((key == "smartizzabili", a.clone()));
                }
            }
        }
        assert_eq!(j["totali"]["attivita"], flat.len());
        let (_, header, records) = read_csv(&site);
        assert_eq!(records.len(), flat.len());
        for (rec, (smart, a)) in records.iter().zip(&flat) {
            let f = |name| field(&header, rec, name);
            assert_eq!(a["id"], f("id"));
            assert_eq!(a["url"], f("url"));
            assert_eq!(a["testo"], f("attivita"));
            assert_eq!(a["note"].as_str().unwrap_or(""), f("note"));
            let ambiti: Vec<&str> = a["ambiti"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap())
                .collect();
            assert_eq!(ambiti.join("; "), f("ambiti"));
            assert_eq!(f("smartizzabile"), if *smart { "si" } else { "no" });
        }
    }
}

#[test]
fn csv_follows_its_csvw_schema() {
    for site in [Site::example(), Site::fixture("stress")] {
        site.build();
        let base = content(&site).config.base_url;
        let meta = json(&site, "catalogo.csv-metadata.json");
        assert_eq!(meta["url"], format!("{base}catalogo.csv"));
        assert_eq!(meta["dialect"]["header"], true);
        assert_eq!(meta["dialect"]["lineTerminators"][0], "\r\n");
        let columns = meta["tableSchema"]["columns"].as_array().unwrap();
        let names: Vec<&str> = columns
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        let (_, header, records) = read_csv(&site);
        assert_eq!(names, header.iter().collect::<Vec<_>>());
        for (i, c) in columns.iter().enumerate() {
            let name = names[i];
            for rec in &records {
                let v = rec.get(i).unwrap();
                if c["required"] == true {
                    assert!(!v.is_empty(), "{name} is required");
                }
                if v.is_empty() {
                    continue;
                }
                let datatype = &c["datatype"];
                match (datatype.as_str(), datatype["base"].as_str()) {
                    (Some("string"), _) => {}
                    (Some("date"), _) => assert!(model::Date::parse(v).is_some(), "{name}: {v}"),
                    (Some("anyURI"), _) => assert!(v.starts_with(&base), "{name}: {v}"),
                    (None, Some("boolean")) => {
                        let format = datatype["format"].as_str().unwrap();
                        assert!(format.split('|').any(|x| x == v), "{name}: {v}");
                    }
                    other => panic!("{name}: unexpected datatype {other:?}"),
                }
            }
        }
        let key = meta["tableSchema"]["primaryKey"].as_str().unwrap();
        let i = names.iter().position(|n| *n == key).unwrap();
        let keys: HashSet<&str> = records.iter().map(|r| r.get(i).unwrap()).collect();
        assert_eq!(keys.len(), records.len(), "the primary key is unique");
    }
}

#[test]
fn dcat_describes_the_dataset_and_every_data_file() {
    let site = Site::example();
    site.build();
    let m = content(&site);
    let base = &m.config.base_url;
    let files = tree(&site.public());
    let d = json(&site, "dcat-ap_it.jsonld");
    let graph = d["@graph"].as_array().unwrap();
    let typed = |t: &str| {
        graph
            .iter()
            .find(|n| n["@type"].as_array().unwrap().iter().any(|x| x == t))
            .unwrap_or_else(|| panic!("no {t}"))
            .clone()
    };
    let ds = typed("dcatapit:Dataset");
    assert_eq!(
        ds["dcat:theme"]["@id"],
        "http://publications.europa.eu/resource/authority/data-theme/GOVE"
    );
    assert_eq!(ds["dct:modified"]["@value"], "2026-11-26");
    assert_eq!(ds["dct:issued"]["@value"], "2026-01-31");
    assert!(
        ds["dct:accrualPeriodicity"]["@id"]
            .as_str()
            .unwrap()
            .starts_with("http://publications.europa.eu/resource/authority/frequency/")
    );
    assert_eq!(
        ds["dct:identifier"]["@value"],
        "c_x000:attivita-smartizzabili"
    );
    assert!(
        ds["dct:title"]
            .as_str()
            .unwrap()
            .contains("Comune di Esempio")
    );
    assert!(!ds["dct:description"].as_str().unwrap().is_empty());
    let agent = typed("dcatapit:Agent");
    assert_eq!(ds["dct:rightsHolder"]["@id"], agent["@id"]);
    assert_eq!(agent["dct:identifier"]["@value"], "c_x000");
    assert_eq!(agent["foaf:name"], "Comune di Esempio");
    assert_eq!(typed("dcatapit:Catalog")["dcat:dataset"]["@id"], ds["@id"]);

    let dists = ds["dcat:distribution"].as_array().unwrap();
    let mut described = Vec::new();
    for dist in dists {
        let url = dist["dcat:downloadURL"]["@id"].as_str().unwrap();
        let name = url.strip_prefix(base.as_str()).unwrap();
        let bytes = files
            .get(name)
            .unwrap_or_else(|| panic!("{name} not in the output"));
        assert_eq!(dist["dcat:byteSize"]["@value"], bytes.len().to_string());
        assert_eq!(dist["dcat:accessURL"]["@id"], url);
        assert_eq!(
            dist["dct:license"]["@id"],
            "https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40"
        );
        let schema = dist["dct:conformsTo"]["@id"].as_str().unwrap();
        assert!(files.contains_key(schema.strip_prefix(base.as_str()).unwrap()));
        assert!(!dist["dct:format"]["@id"].as_str().unwrap().is_empty());
        assert!(!dist["dcat:mediaType"]["@id"].as_str().unwrap().is_empty());
        described.push(name.to_string());
    }
    // The current edition's files, then those of the example's archived
    // 2025 edition (content/_archivio/2025/).
    assert_eq!(
        described,
        [
            "catalogo.csv",
            "catalogo.xlsx",
            "catalogo.json",
            "archivio/2025/catalogo.csv",
            "archivio/2025/catalogo.json"
        ]
    );
}

#[test]
fn home_links_every_data_file_with_format_size_and_licence() {
    let site = Site::example();
    site.build();
    let files = tree(&site.public());
    let doc = site.html("index.html");
    let section = doc
        .select(&sel("section[aria-labelledby='scarica-i-dati']"))
        .next()
        .expect("the downloads section");
    let heading = doc.select(&sel("h2#scarica-i-dati")).next().unwrap();
    assert_eq!(text_of(heading), "Scarica i dati");
    let text = text_of(section);
    for name in [
        "catalogo.csv",
        "catalogo.xlsx",
        "catalogo.json",
        "catalogo.csv-metadata.json",
        "catalogo.schema.json",
        "dcat-ap_it.jsonld",
    ] {
        let link = section
            .select(&sel(&format!("a[href='{name}']")))
            .next()
            .unwrap_or_else(|| panic!("no link to {name}"));
        let size = files[name].len();
        let li = scraper::ElementRef::wrap(link.parent().unwrap()).unwrap();
        let shown = text_of(li);
        let kb = format!("{:.1} kB", size as f64 / 1000.0).replace('.', ",");
        assert!(shown.contains(&kb), "{name}: {shown:?} lacks {kb}");
        assert!(
            ["(CSV,", "(XLSX,", "(JSON,", "(JSON-LD,"]
                .iter()
                .any(|f| shown.contains(f)),
            "{shown}"
        );
    }
    let licence = section.select(&sel("a[rel='license']")).next().unwrap();
    assert_eq!(
        licence.value().attr("href"),
        Some("https://creativecommons.org/licenses/by/4.0/deed.it")
    );
    assert!(text.contains("Creative Commons Attribuzione 4.0 Internazionale"));
}

#[test]
fn the_licence_setting_reaches_every_file() {
    let site = Site::fixture("stress");
    site.write(
        "content/_sito.yaml",
        &format!(
            "{}licenza: IODL-2.0\n",
            std::fs::read_to_string(site.root().join("content/_sito.yaml")).unwrap()
        ),
    );
    site.build();
    assert_eq!(json(&site, "catalogo.json")["licenza"]["id"], "IODL-2.0");
    let dcat = site.read("dcat-ap_it.jsonld");
    assert!(dcat.contains("licences/A29_IODL20"));
    let csvw = json(&site, "catalogo.csv-metadata.json");
    assert_eq!(
        csvw["dc:license"]["@id"],
        "https://www.dati.gov.it/iodl/2.0/"
    );
    let doc = site.html("index.html");
    let licence = doc
        .select(&sel("#scarica-i-dati ~ p a[rel='license']"))
        .next()
        .unwrap();
    assert_eq!(text_of(licence), "Italian Open Data License 2.0");
}

/// Every cell of the first sheet of `catalogo.xlsx`, read by calamine.
fn read_xlsx(site: &Site) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let path = site.public().join("catalogo.xlsx");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("an xlsx file");
    assert_eq!(book.sheet_names(), ["Catalogo"]);
    let range = book.worksheet_range("Catalogo").expect("the sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

/// One part of the workbook's zip, as text.
fn xlsx_part(site: &Site, name: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(site.public().join("catalogo.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn xlsx_has_the_csv_rows_as_text_cells() {
    let site = Site::fixture("stress");
    // What a hurried clerk pastes: formulas, phone numbers, dashes, mentions,
    // leading zeros, a date-like and a number-like text, a line break.
    site.write(
        "content/sportello.yaml",
        "nome: Sportello\nsmartizzabili:\n  - \"=SOMMA(A1:A3)\"\n  - \"+39 0123 456789\"\n  - \"-trattino iniziale\"\n  - \"@ufficio protocollo\"\n  - \"00123\"\n  - \"1/2\"\n  - \"12,5\"\n  - testo: \"Con nota\"\n    note: \"riga uno\\nriga due\"\n",
    );
    site.build();
    let (_, header, records) = read_csv(&site);
    let rows = read_xlsx(&site);
    let text = |c: &calamine::Data| match c {
        calamine::Data::String(s) => s.clone(),
        calamine::Data::Empty => String::new(),
        other => panic!("not a text cell: {other:?}"),
    };
    let head: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(head, header.iter().collect::<Vec<_>>());
    assert_eq!(rows.len(), records.len() + 1);
    for (row, rec) in rows[1..].iter().zip(&records) {
        let cells: Vec<String> = row.iter().map(text).collect();
        let mut fields: Vec<&str> = rec.iter().collect();
        // calamine drops trailing empty cells of the last column only.
        fields.truncate(cells.len());
        assert_eq!(cells, fields);
    }
    let testo = header
        .iter()
        .position(|h| h == "attivita")
        .expect("an attivita column");
    let attivita: Vec<String> = rows.iter().map(|r| text(&r[testo])).collect();
    for t in [
        "=SOMMA(A1:A3)",
        "+39 0123 456789",
        "-trattino iniziale",
        "@ufficio protocollo",
        "00123",
        "1/2",
        "12,5",
    ] {
        assert!(attivita.iter().any(|a| a == t), "{t} missing");
    }
    let sheet = xlsx_part(&site, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "a formula in the sheet");
    assert!(sheet.contains(r#"state="frozen""#) && sheet.contains(r#"ySplit="1""#));
    let last_column = char::from(b'A' + header.len() as u8 - 1);
    assert!(sheet.contains(&format!(
        r#"<autoFilter ref="A1:{last_column}{}"/>"#,
        records.len() + 1
    )));
    assert!(sheet.contains("<cols>") && sheet.contains("customWidth"));
}

#[test]
fn xlsx_is_dated_by_the_catalogue_not_the_clock() {
    let site = Site::example();
    site.build();
    let core = xlsx_part(&site, "docProps/core.xml");
    assert!(
        core.contains(">2026-11-26T00:00:00Z</dcterms:created>"),
        "{core}"
    );
    assert!(core.contains("<dc:creator>Comune di Esempio</dc:creator>"));
}

#[test]
fn xlsx_keeps_markup_escapes_and_line_breaks_as_written() {
    let site = Site::fixture("stress");
    site.write(
        "content/sportello.yaml",
        "nome: \"Sportello <A&B>\"\nsmartizzabili:\n  - \"_x0041_ non è una A\"\n  - \"Tag <b>grassetto</b> & co.\"\n  - testo: \"Con nota\"\n    note: \"  rientro iniziale\\nriga due\"\n",
    );
    site.build();
    let rows = read_xlsx(&site);
    let cells: Vec<String> = rows
        .iter()
        .flatten()
        .filter_map(|c| match c {
            calamine::Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    for t in [
        "Sportello <A&B>",
        "_x0041_ non è una A",
        "Tag <b>grassetto</b> & co.",
        "rientro iniziale\nriga due",
    ] {
        assert!(cells.iter().any(|c| c == t), "{t:?} missing");
    }
}

/// Issue 20: the CSV and the workbook of an expired catalogue did not say
/// it had expired, nor did they carry its dates of validity. The CSVW
/// metadata says both (`dc:valid`, `rdfs:comment`), the workbook in a
/// second sheet "Informazioni"; the CSV's rows are unchanged. Built on
/// 2026-03-15 (`SOURCE_DATE_EPOCH`).
#[test]
fn validity_and_expiry_are_in_the_csvw_metadata_and_the_workbook() {
    use calamine::Reader;
    let status = |valido_al: &str| {
        let site = Site::empty();
        site.write(
            "content/_sito.yaml",
            &format!(
                "ente: Comune di Prova\ntitolo: Attività smartizzabili\n\
                 base_url: https://www.comune.prova.it/lavoro-agile/\naggiornato_il: 2025-01-08\n\
                 valido_dal: 2025-01-11\n{valido_al}altre_attivita: smartizzabili\n\
                 non_smartizzabili:\n  - Sportello\n"
            ),
        );
        let r = crate::support::trasparenza()
            .args(["build", "--root"])
            .arg(site.root())
            .env("SOURCE_DATE_EPOCH", "1773532800")
            .output()
            .unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        let csvw = json(&site, "catalogo.csv-metadata.json");
        let path = site.public().join("catalogo.xlsx");
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("an xlsx file");
        assert_eq!(book.sheet_names(), ["Catalogo", "Informazioni"]);
        let info: Vec<Vec<String>> = book
            .worksheet_range("Informazioni")
            .expect("the sheet")
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        let (_, header, rows) = read_csv(&site);
        assert!(!header.iter().any(|h| h.starts_with("valido")));
        assert_eq!(rows.len(), 1);
        (csvw, info)
    };
    let (csvw, info) = status("valido_al: 2026-03-08\n");
    assert_eq!(csvw["dc:valid"], "2025-01-11/2026-03-08");
    let expired = "Non più in vigore: era valido fino all'8 marzo 2026.";
    assert_eq!(csvw["rdfs:comment"], expired);
    assert_eq!(
        info,
        [
            ["voce", "valore"],
            ["Ente", "Comune di Prova"],
            ["Catalogo", "Attività smartizzabili"],
            ["Aggiornato il", "2025-01-08"],
            ["Valido dal", "2025-01-11"],
            ["Valido al", "2026-03-08"],
            ["Stato", expired],
        ]
    );
    let (csvw, info) = status("");
    assert_eq!(csvw["dc:valid"], "2025-01-11/..");
    assert_eq!(csvw["rdfs:comment"], "In vigore dall'11 gennaio 2025.");
    assert_eq!(info[6], ["Stato", "In vigore dall'11 gennaio 2025."]);
}
