//! `catalogo.csv-metadata.json`: the CSV's CSVW metadata (W3C "Metadata
//! Vocabulary for Tabular Data"), from the same [`columns`] as the CSV, and
//! the catalogue's validity and the act's sentences for its rules, which the
//! CSV's rows do not carry.

use serde_json::{Value, json};

use super::rows::{AMBITI_SEPARATOR, columns};
use super::{CSV, citations, licence, validity};
use crate::model::{Date, Site};

/// CSVW metadata (W3C "Metadata Vocabulary for Tabular Data") of the CSV.
/// With dates of validity: `dc:valid`, the interval (ISO 8601, `..` for an
/// open end), and `rdfs:comment`, whether the catalogue is in force on
/// `today`, the build's date, in the pages' words. With the act's sentences
/// for its rules ([`citations`]): `notes`, one a sentence, its scope
/// (`dc:title`), the rule in words (`dc:subject`) and the act's words
/// (`dc:description`).
pub(super) fn csv_schema(site: &Site, today: Date) -> Value {
    let c = &site.config;
    let base = &c.base_url;
    let (_, nome, url) = licence(site);
    let columns: Vec<Value> = columns(site)
        .iter()
        .map(|col| {
            let mut v = json!({
                "name": col.name,
                "titles": col.name,
                "dc:title": {"@value": col.titolo, "@language": "it"},
                "dc:description": {"@value": col.descrizione, "@language": "it"},
                "datatype": col.datatype,
                "required": col.required,
            });
            if col.datatype == "boolean" {
                v["datatype"] = json!({"base": "boolean", "format": "si|no"});
            }
            if let Some(format) = col.format {
                v["datatype"] = json!({"base": col.datatype, "format": format});
            }
            if col.name == "ambiti" {
                v["separator"] = json!(AMBITI_SEPARATOR);
            }
            v
        })
        .collect();
    let mut schema = json!({
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "it"}],
        "url": format!("{base}{CSV}"),
        "dc:title": format!("{} - {}", c.titolo.trim(), c.ente.trim()),
        "dc:description": "Il catalogo delle attività smartizzabili e non smartizzabili in lavoro agile: una riga per attività.",
        "dc:publisher": c.ente.trim(),
        "dc:modified": {"@value": c.aggiornato_il.to_string(), "@type": "xsd:date"},
        "dc:license": {"@id": url, "dc:title": nome},
        "dialect": {
            "delimiter": ",",
            "doubleQuote": true,
            "encoding": "utf-8",
            "header": true,
            "lineTerminators": ["\r\n"],
        },
        "tableSchema": {
            "columns": columns,
            "primaryKey": "id",
        },
    });
    if let Some(status) = validity(c, today) {
        let end = |d: Option<Date>| d.map_or("..".to_string(), |d| d.to_string());
        schema["dc:valid"] = json!(format!("{}/{}", end(c.valido_dal), end(c.valido_al)));
        schema["rdfs:comment"] = json!(status);
    }
    let notes: Vec<Value> = citations(site)
        .iter()
        .map(|cit| {
            let of = cit.unit.map(|u| format!(" ({u})")).unwrap_or_default();
            json!({
                "dc:title": format!("Testo dell'atto{of}"),
                "dc:subject": cit.rule,
                "dc:description": cit.text,
            })
        })
        .collect();
    if !notes.is_empty() {
        schema["notes"] = json!(notes);
    }
    schema
}
