//! Open data: the catalogue as `catalogo.csv` (RFC 4180, one row per
//! activity, verbatim), `catalogo.xlsx` (the same rows as a spreadsheet for
//! people) and `catalogo.json` (the whole catalogue), their machine-readable
//! schemas (CSVW metadata for the CSV, JSON Schema for the JSON) and the
//! dataset's DCAT-AP_IT description in JSON-LD, so that dati.gov.it can
//! harvest it.
//!
//! One module per format: [`rows`] (the CSV's columns and the rows the CSV
//! and the workbook share), [`csv`], [`xlsx`] (a workbook writer that knows
//! nothing of the catalogue; [`xlsx_of`] here lays the rows out in it),
//! [`json`] (the catalogue and its JSON Schema), [`csvw`] (the CSV's
//! metadata) and [`dcat`]; [`scan`] finds the bytes the CSV, the workbook
//! and the JSON escape. This file holds the file names, what the home page
//! says of each file, the licence, what the metadata say beyond the rows
//! ([`validity`], the act's sentences for its rules: [`citations`]) and
//! [`build_with`], which builds them all and hands each to a [`Files`]
//! target as soon as it is made (the CSV and the JSON in pieces).
//!
//! Activity URLs are built from the same [`UnitView`]s as the unit pages, so
//! every `#anchor` in the data exists on its page. Like the rest of `render`,
//! this module never touches the disk itself (a build's `Files` writes into
//! the staging folder) and is deterministic (struct field order
//! or sorted keys, no clock).

mod csv;
mod csvw;
mod dcat;
mod json;
mod rows;
mod xlsx;

use serde::Serialize;

use crate::config;
use crate::italian;
use crate::model::{Date, Site, SiteConfig};
use crate::views::{self, UnitView};

pub(super) use self::csv::push_record;
use self::rows::{Fields, Row};

/// The CSV, one row per activity.
pub(crate) const CSV: &str = "catalogo.csv";
/// The same rows as an Excel workbook, for people.
pub(crate) const XLSX: &str = "catalogo.xlsx";
/// The whole catalogue as JSON.
pub(crate) const JSON: &str = "catalogo.json";
/// CSVW metadata of the CSV, at the name CSVW processors look for by default.
pub(crate) const CSV_SCHEMA: &str = "catalogo.csv-metadata.json";
/// JSON Schema of the JSON.
pub(crate) const JSON_SCHEMA: &str = "catalogo.schema.json";
/// DCAT-AP_IT description of the dataset.
pub(crate) const DCAT: &str = "dcat-ap_it.jsonld";

/// One of the files, as the home page's "Scarica i dati" lists it.
#[derive(Serialize, Clone, Debug)]
pub(crate) struct Download {
    /// Root-relative URL (the file name).
    pub url: &'static str,
    pub titolo: &'static str,
    pub descrizione: &'static str,
    /// `CSV`, `XLSX`, `JSON`, `JSON-LD`.
    pub formato: &'static str,
    pub media_type: &'static str,
    pub dimensione: usize,
    /// The size in Italian: `12,3 kB`.
    pub dimensione_testo: String,
}

const XLSX_MEDIA_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What every file is, in the order the home page lists them.
const FILES: &[(&str, &str, &str, &str, &str)] = &[
    (
        CSV,
        "Catalogo in CSV",
        "una riga per attività, per fogli di calcolo",
        "CSV",
        "text/csv",
    ),
    (
        XLSX,
        "Catalogo in Excel",
        "le stesse righe del CSV, da aprire con Excel o LibreOffice",
        "XLSX",
        XLSX_MEDIA_TYPE,
    ),
    (
        JSON,
        "Catalogo in JSON",
        "il catalogo completo: ente, unità e attività",
        "JSON",
        "application/json",
    ),
    (
        CSV_SCHEMA,
        "Schema del CSV",
        "le colonne del CSV (CSVW)",
        "JSON",
        "application/csvm+json",
    ),
    (
        JSON_SCHEMA,
        "Schema del JSON",
        "la struttura del JSON (JSON Schema)",
        "JSON",
        "application/schema+json",
    ),
    (
        DCAT,
        "Metadati DCAT-AP_IT",
        "la descrizione del dataset per i cataloghi di dati aperti (dati.gov.it)",
        "JSON-LD",
        "application/ld+json",
    ),
];

/// A data file of an earlier edition (`archivio/<edizione>/catalogo.csv`),
/// described in `dcat-ap_it.jsonld` as a distribution of its own.
#[derive(Debug, Clone)]
pub(crate) struct EditionFile {
    /// Relative to the site root.
    pub path: String,
    /// Its schema, relative to the site root.
    pub schema: String,
    pub title: String,
    pub description: String,
    pub modified: crate::model::Date,
    pub size: usize,
}

/// Where [`build_with`] puts each file as soon as it is made, from any
/// thread (a render's `Output`: written at once in a build).
pub(crate) trait Files: Sync {
    /// A file made whole.
    fn bytes(&self, name: &'static str, bytes: Vec<u8>);
    /// A file `write` writes in pieces, never held whole when it goes to
    /// the disk; `capacity`, its expected size, sizes a buffer in memory.
    /// Returns its size.
    fn stream(
        &self,
        name: &'static str,
        capacity: usize,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> usize;
}

/// Builds every open-data file, handing each to `files` as soon as it is
/// made: a build writes the CSV and the JSON (at 10,000 units ~140 MB each)
/// straight into their files. `units` are the views the unit pages use;
/// `editions`, the data files of earlier editions, go into the DCAT file.
/// Returns what the home page says of the files.
pub(crate) fn build_with(
    site: &Site,
    units: &[UnitView],
    editions: &[EditionFile],
    today: Date,
    files: &dyn Files,
) -> Vec<Download> {
    let sizes = std::sync::Mutex::new(Vec::<(&'static str, usize)>::new());
    let record = |name: &'static str, size: usize| {
        sizes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((name, size));
    };
    let put = |name: &'static str, bytes: Vec<u8>| {
        record(name, bytes.len());
        files.bytes(name, bytes);
    };
    let common = views::common_view(site);
    let rows = rows::rows(site, common.as_ref(), units);
    // Held in memory, the CSV and the JSON are written into buffers sized
    // once (`csv_len`); the workbook's head needs its columns' widths.
    let (csv_len, layout) = measure(site, &rows);
    // The three big files do not depend on each other: one core each.
    rayon::join(
        || {
            rayon::join(
                || {
                    let n = files.stream(CSV, csv_len, &mut |w| csv::write_csv(site, &rows, w));
                    record(CSV, n);
                },
                || {
                    let capacity = csv_len + csv_len / 8 + 4096;
                    let n = files.stream(JSON, capacity, &mut |w| {
                        json::write_json(site, common.as_ref(), units, w)
                    });
                    record(JSON, n);
                },
            )
        },
        || {
            // Only past Excel's limits (a million rows) is there no workbook.
            if let Some(bytes) = xlsx_of(site, &rows, layout, today) {
                put(XLSX, bytes);
            }
        },
    );
    drop(rows);
    put(CSV_SCHEMA, pretty(&csvw::csv_schema(site, today)));
    put(JSON_SCHEMA, pretty(&json::json_schema(site)));
    let size_of = |name: &str| {
        let sizes = sizes.lock().unwrap_or_else(|e| e.into_inner());
        sizes.iter().find(|f| f.0 == name).map(|f| f.1)
    };
    let size = |name: &str| size_of(name).unwrap_or(0);
    let dcat = pretty(&dcat::dcat(
        site,
        size(CSV),
        size(JSON),
        size(XLSX),
        editions,
    ));
    put(DCAT, dcat);
    FILES
        .iter()
        .filter(|f| size_of(f.0).is_some())
        .map(
            |&(url, titolo, descrizione, formato, media_type)| Download {
                url,
                titolo,
                // "ente, unità e attività" would speak of units there are not.
                descrizione: if url == JSON && site.units.is_empty() {
                    "il catalogo completo: ente e attività"
                } else {
                    descrizione
                },
                formato,
                media_type,
                dimensione: size(url),
                dimensione_testo: size_text(size(url)),
            },
        )
        .collect()
}

/// What the CSV and the workbook need before they are written, measured
/// in one pass over the rows: the CSV's length in bytes (a build held in
/// memory writes it into one buffer of that size: a buffer grown by
/// doubling copied the file and touched up to twice its pages, and fresh
/// pages were a third of a build's CPU in issue 25's profile) and the
/// sheet's [`xlsx::Layout`] (its head needs every column's width).
fn measure(site: &Site, rows: &[Row]) -> (usize, xlsx::Layout) {
    let c = &site.config;
    let aggiornato = c.aggiornato_il.to_string();
    let header: Vec<&str> = rows::columns(site).iter().map(|col| col.name).collect();
    // Separators and line ends, then the fields.
    let record_len = |fields: &[&str]| fields.len() - 1 + 2;
    let mut csv_len = record_len(&header) + csv::fields_len(&header);
    let mut layout = xlsx::Layout::new(&header);
    let mut fields = Fields::new(c, &aggiornato, site.has_partial());
    // The unit's fields are measured once per unit.
    let mut unit_len = 0;
    for r in rows {
        fields.with(r, |f, unit| {
            let range = unit.range.clone();
            if !unit.same {
                unit_len = csv::fields_len(&f[range.clone()]);
            }
            csv_len += record_len(f)
                + csv::fields_len(&f[..range.start])
                + unit_len
                + csv::fields_len(&f[range.end..]);
            layout.measure(f);
        });
    }
    (csv_len, layout)
}

/// `catalogo.xlsx`: the CSV's rows as a workbook, laid out by [`measure`],
/// streamed into the zip, so the sheet's XML is never held whole. With
/// dates of validity or the act's sentences for its rules ([`citations`]),
/// a second sheet, "Informazioni", says them and whether the catalogue is
/// in force (the CSV's rows do not carry them: a column would change every
/// row of every catalogue; its CSVW metadata does).
fn xlsx_of(site: &Site, rows: &[Row], layout: xlsx::Layout, today: Date) -> Option<Vec<u8>> {
    let c = &site.config;
    let aggiornato = c.aggiornato_il.to_string();
    let title = format!("{} - {}", c.titolo.trim(), c.ente.trim());
    let status = validity(c, today);
    let cited = citations(site);
    let info = (status.is_some() || !cited.is_empty()).then(|| {
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut info: Vec<[String; 2]> = vec![
            ["voce".to_string(), "valore".to_string()],
            ["Ente".into(), c.ente.trim().into()],
            ["Catalogo".into(), c.titolo.trim().into()],
            ["Aggiornato il".into(), aggiornato.clone()],
        ];
        if let Some(status) = &status {
            info.push(["Valido dal".into(), date(c.valido_dal)]);
            info.push(["Valido al".into(), date(c.valido_al)]);
            info.push(["Stato".into(), status.clone()]);
        }
        for cit in &cited {
            let of = cit.unit.map(|u| format!(" ({u})")).unwrap_or_default();
            info.push([format!("Altre attività{of}"), cit.rule.into()]);
            info.push([format!("Testo dell'atto{of}"), cit.text.into()]);
        }
        info
    });
    let info_rows: Vec<[&str; 2]> = info
        .iter()
        .flatten()
        .map(|[a, b]| [a.as_str(), b.as_str()])
        .collect();
    let props = xlsx::Properties {
        title: &title,
        author: c.ente.trim(),
        created: c.aggiornato_il,
        info: info.as_ref().map(|_| ("Informazioni", &info_rows[..])),
    };
    let mut sheet = layout.start("Catalogo", &props)?;
    let mut fields = Fields::new(c, &aggiornato, site.has_partial());
    for r in rows {
        fields.with(r, |f, unit| {
            sheet.push_row(f, unit.range.clone(), unit.same)
        });
    }
    sheet.finish()
}

/// The act's own sentence for a rule for the activities it does not list
/// (`altre_attivita_citazione`), as the pages quote it beside the rule.
pub(super) struct Citation<'a> {
    /// The unit whose own rule it is; `None` for the site's (every unit
    /// without a rule of its own).
    pub unit: Option<&'a str>,
    /// The rule in words ([`views::altre_attivita_testo`]).
    pub rule: &'static str,
    pub text: &'a str,
}

/// The act's sentences for its rules: the site's, then each unit's own, in
/// the units' order; only those the pages quote (beside a rule). The data
/// files' metadata carry them (the CSV's rows do not).
pub(super) fn citations(site: &Site) -> Vec<Citation<'_>> {
    let c = &site.config;
    let site_rule = c.altre_attivita.and_then(|a| {
        views::citation_of(Some(a), &c.altre_attivita_citazione).map(|text| Citation {
            unit: None,
            rule: views::altre_attivita_testo(a),
            text,
        })
    });
    let units = site.units.iter().filter_map(|u| {
        let a = u.altre_attivita?;
        views::citation_of(Some(a), &u.altre_attivita_citazione).map(|text| Citation {
            unit: Some(u.nome.trim()),
            rule: views::altre_attivita_testo(a),
            text,
        })
    });
    site_rule.into_iter().chain(units).collect()
}

/// What the data files say of the catalogue's validity, as the pages do:
/// "In vigore dal 1º gennaio 2026 al 31 dicembre 2026", or once `valido_al`
/// is past "Non più in vigore: era valido fino al 31 dicembre 2026."; `None`
/// without dates of validity.
pub(super) fn validity(c: &SiteConfig, today: Date) -> Option<String> {
    if let Some(al) = c.valido_al.filter(|al| *al < today) {
        let until = al.italian();
        return Some(format!(
            "Non più in vigore: era valido fino {}{until}.",
            italian::before("al", &until)
        ));
    }
    if c.valido_dal.is_none() && c.valido_al.is_none() {
        return None;
    }
    let mut text = String::from("In vigore");
    for (prep, d) in [("dal", c.valido_dal), ("al", c.valido_al)] {
        if let Some(d) = d {
            let d = d.italian();
            text.push(' ');
            text.push_str(&italian::before(prep, &d));
            text.push_str(&d);
        }
    }
    text.push('.');
    Some(text)
}

fn pretty(v: &impl Serialize) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Serializing plain data into a Vec cannot fail.
    if write_pretty(v, &mut bytes).is_err() {
        bytes.clear();
        bytes.push(b'\n');
    }
    bytes
}

/// Pretty JSON with a newline at the end, written to `w` (through a buffer
/// of its own: serde_json writes in small pieces).
fn write_pretty(v: &impl Serialize, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    use std::io::Write;
    let mut w = std::io::BufWriter::with_capacity(64 * 1024, w);
    let mut ser = serde_json::Serializer::with_formatter(&mut w, json::Pretty::default());
    v.serialize(&mut ser)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// `512 byte`, `12,3 kB`, `1,2 MB` (decimal units, Italian comma).
pub(crate) fn size_text(bytes: usize) -> String {
    if bytes < 1000 {
        return format!("{bytes} byte");
    }
    let (value, unit) = if bytes < 1_000_000 {
        (bytes as f64 / 1000.0, "kB")
    } else {
        (bytes as f64 / 1_000_000.0, "MB")
    };
    format!("{value:.1} {unit}").replace('.', ",")
}

/// (id, Italian name, URL) of the site's licence.
fn licence(site: &Site) -> (&'static str, &'static str, &'static str) {
    config::licence(site.config.licenza.as_deref().unwrap_or("CC-BY-4.0"))
        .unwrap_or(config::LICENCES[0])
}

#[cfg(test)]
mod tests {
    use super::json::{json_schema, write_json};
    use super::*;
    use crate::model::{self, fields::Published};
    use serde_json::json;

    #[test]
    fn sizes_in_italian() {
        assert_eq!(size_text(999), "999 byte");
        assert_eq!(size_text(12_345), "12,3 kB");
        assert_eq!(size_text(1_250_000), "1,2 MB");
    }

    /// A site of one unit whose every published text field is set to
    /// ` <key> value ` (spaces kept, to see where they are trimmed).
    fn site_with_every_text_field() -> Site {
        use crate::load;
        use crate::source::SourceFile;
        let mut yaml = "nome: Ufficio\nsmartizzabili:\n  - Protocollo\n".to_string();
        for f in model::UNIT.published() {
            yaml.push_str(&format!("{}: ' {} value '\n", f.key, f.key));
        }
        let unit = load::parse_unit(&SourceFile::new("u.yaml", yaml), "ufficio".into())
            .unwrap_or_else(|d| panic!("{d:?}"));
        let config = load::parse_site(&SourceFile::new(
            "_sito.yaml",
            "ente: E\ntitolo: T\nbase_url: https://e.it/\naggiornato_il: 2026-11-26\n",
        ))
        .unwrap_or_else(|d| panic!("{d:?}"));
        Site {
            config,
            intro: None,
            units: vec![std::sync::Arc::new(unit)],
            pages: Vec::new(),
        }
    }

    /// The unit's fields are written once per unit and copied into its
    /// other rows (CSV and workbook) and measured once per unit: every row
    /// still has its own unit's, in the CSV as in the workbook, and the
    /// CSV's length told beforehand is its length.
    #[test]
    fn every_row_has_its_own_unit_s_fields() {
        use crate::load;
        use crate::source::SourceFile;
        use calamine::{Reader, Xlsx, open_workbook_from_rs};
        let units: Vec<(&str, &str, &str)> = vec![
            ("uno", "Ufficio \"uno\", primo", "Area a, b & <c>"),
            ("due", "Ufficio due", " Area due"),
            ("tre", "Ufficio tre", "Area\ntre"),
        ];
        let mut site = site_with_every_text_field();
        site.config.smartizzabili = site.units[0].smartizzabili.clone();
        site.units = units
            .iter()
            .map(|(slug, nome, area)| {
                let yaml = format!(
                    "nome: {nome:?}\narea: {area:?}\nsmartizzabili:\n  - A {slug}\n  - B, {slug}\nnon_smartizzabili:\n  - C {slug}\n"
                );
                let unit = load::parse_unit(&SourceFile::new("u.yaml", yaml), slug.to_string())
                    .unwrap_or_else(|d| panic!("{d:?}"));
                std::sync::Arc::new(unit)
            })
            .collect();
        let views = views::unit_views(&site);
        let common = views::common_view(&site);
        let rows = rows::rows(&site, common.as_ref(), &views);
        let (csv_len, layout) = measure(&site, &rows);
        let csv = csv::csv(&site, &views);
        assert_eq!(csv.len(), csv_len);
        let records: Vec<Vec<String>> = ::csv::Reader::from_reader(csv.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        // The common activity, then three for each unit.
        assert_eq!(records.len(), 1 + 3 * units.len());
        let header: Vec<&str> = rows::columns(&site).iter().map(|c| c.name).collect();
        let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
        for (i, (slug, nome, area)) in units.iter().enumerate() {
            for r in &records[1 + 3 * i..4 + 3 * i] {
                assert_eq!(r[col("unita_slug")], *slug);
                assert_eq!(r[col("unita_nome")], *nome);
                assert_eq!(r[col("area")], area.trim());
                assert!(r[col("attivita")].ends_with(slug), "{r:?}");
            }
        }
        let today = site.config.aggiornato_il;
        let xlsx = xlsx_of(&site, &rows, layout, today).unwrap();
        let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
        let sheet = book.worksheet_range("Catalogo").unwrap();
        let cells: Vec<Vec<String>> = sheet
            .rows()
            .skip(1)
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(cells, records);
    }

    /// Adding a text or Markdown field to the unit's declaration
    /// (`model::UnitFile`) is all it takes for the YAML walk, the key list,
    /// the view, catalogo.json, its JSON Schema and (with a column) the CSV:
    /// this walks the declaration and checks each of them for every field.
    #[test]
    fn every_declared_text_field_reaches_the_view_the_data_and_the_schemas() {
        let site = site_with_every_text_field();
        let views = views::unit_views(&site);
        let view = serde_json::to_value(&views[0]).unwrap();
        let common = views::common_view(&site);
        let mut written = Vec::new();
        write_json(&site, common.as_ref(), &views, &mut written).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&written).unwrap();
        let schema = json_schema(&site);
        let unit_schema = &schema["properties"]["unita"]["items"];
        let csv = csv::csv(&site, &views);
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let row: Vec<&str> = lines.next().unwrap().split(',').collect();
        assert_eq!(header.len(), rows::COLUMNS.len());
        assert_eq!(row.len(), rows::COLUMNS.len());
        let mut published = 0;
        for f in model::UNIT.published() {
            published += 1;
            let key = f.key;
            let value = format!("{key} value");
            assert!(
                crate::model::UnitFile::KEYS.contains(&key),
                "{key}: key list"
            );
            match f.published {
                Published::Markdown(_) => assert_eq!(
                    view[format!("{key}_html")],
                    format!("<p>{value}</p>\n"),
                    "{key}: view"
                ),
                _ => assert_eq!(view[key], format!(" {value} "), "{key}: view"),
            }
            assert_eq!(json["unita"][0][key], value, "{key}: catalogo.json");
            assert!(unit_schema["properties"][key].is_object(), "{key}: schema");
            assert!(
                unit_schema["required"]
                    .as_array()
                    .unwrap()
                    .contains(&json!(key)),
                "{key}: schema required"
            );
            let column = header.iter().position(|h| *h == key);
            assert_eq!(
                column.is_some(),
                f.published.column().is_some(),
                "{key}: CSV column"
            );
            if let Some(i) = column {
                assert_eq!(row[i], value, "{key}: CSV value");
            }
        }
        // area, responsabile, descrizione, criteri at least.
        assert!(published >= 4);
        // The view and the data have nothing the declaration does not know.
        let json_keys: Vec<&String> = json["unita"][0].as_object().unwrap().keys().collect();
        let schema_keys: Vec<&String> = unit_schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(json_keys.len(), schema_keys.len());
    }

    #[test]
    fn common_activities_have_every_text_field_empty() {
        let mut site = site_with_every_text_field();
        site.config.smartizzabili = site.units[0].smartizzabili.clone();
        let common = serde_json::to_value(views::common_view(&site).unwrap()).unwrap();
        for f in model::UNIT.published() {
            let name = match f.published {
                Published::Markdown(_) => format!("{}_html", f.key),
                _ => f.key.to_string(),
            };
            assert!(common[&name].is_null(), "{name}");
        }
    }
}
