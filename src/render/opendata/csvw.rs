//! `catalogo.csv-metadata.json`: the CSV's CSVW metadata (W3C "Metadata
//! Vocabulary for Tabular Data"), from the same [`columns`] as the CSV.

use serde_json::{Value, json};

use super::rows::{AMBITI_SEPARATOR, columns};
use super::{CSV, licence};
use crate::model::Site;

/// CSVW metadata (W3C "Metadata Vocabulary for Tabular Data") of the CSV.
pub(super) fn csv_schema(site: &Site) -> Value {
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
    json!({
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
    })
}
