//! `dcat-ap_it.jsonld`: the DCAT-AP_IT description of the dataset in
//! JSON-LD, so that dati.gov.it can harvest it: one catalogue, one dataset,
//! one distribution per data file (the earlier editions' too), the licence in
//! the Italian controlled vocabulary.

use serde_json::{Value, json};

use super::{
    CSV, CSV_SCHEMA, DCAT, EditionFile, JSON, JSON_SCHEMA, XLSX, XLSX_MEDIA_TYPE, licence,
};
use crate::model::Site;

/// The licence in the Italian controlled vocabulary DCAT-AP_IT asks for.
fn licence_uri(id: &str) -> Option<&'static str> {
    Some(match id {
        "CC-BY-4.0" => "https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40",
        "CC0-1.0" => "https://w3id.org/italia/controlled-vocabulary/licences/A11_CCO10",
        "CC-BY-SA-4.0" => "https://w3id.org/italia/controlled-vocabulary/licences/A31_CCBYSA40",
        "IODL-2.0" => "https://w3id.org/italia/controlled-vocabulary/licences/A29_IODL20",
        _ => return None,
    })
}

const EU: &str = "http://publications.europa.eu/resource/authority/";

/// `2026-2028` -> (2026, 2028).
fn years(periodo: &str) -> Option<(u16, u16)> {
    let (a, b) = periodo.trim().split_once('-')?;
    let year = |s: &str| (s.len() == 4).then(|| s.parse::<u16>().ok()).flatten();
    let (a, b) = (year(a)?, year(b)?);
    (a <= b).then_some((a, b))
}

/// The DCAT-AP_IT description of the dataset (JSON-LD): a catalogue holding
/// one dataset with one distribution per data file.
pub(super) fn dcat(
    site: &Site,
    csv_size: usize,
    json_size: usize,
    xlsx_size: usize,
    editions: &[EditionFile],
) -> Value {
    let c = &site.config;
    let base = &c.base_url;
    let me = format!("{base}{DCAT}");
    let ente = c.ente.trim();
    let modified = json!({"@value": c.aggiornato_il.to_string(), "@type": "xsd:date"});
    let (lic_id, lic_nome, lic_url) = licence(site);
    let license = json!({
        "@id": licence_uri(lic_id).unwrap_or(lic_url),
        "@type": ["dct:LicenseDocument", "dcatapit:LicenseDocument"],
        "foaf:name": lic_nome,
        "rdfs:seeAlso": {"@id": lic_url},
    });
    let agent_id = format!("{me}#titolare");
    let mut agent = json!({
        "@id": agent_id,
        "@type": ["foaf:Agent", "dcatapit:Agent"],
        "foaf:name": ente,
    });
    if let Some(ipa) = c.codice_ipa.as_deref() {
        // An explicit value: a code has no language.
        agent["dct:identifier"] = json!({"@value": ipa.trim()});
    }
    let title = format!("{} - {}", c.titolo.trim(), ente);
    let per_unit = if site.units.is_empty() {
        ""
    } else {
        ", per unità organizzativa"
    };
    let mut description = format!(
        "Catalogo delle attività che possono essere svolte in lavoro agile (smartizzabili) e di quelle che richiedono la presenza{per_unit}, pubblicato da {ente} nella sezione Amministrazione trasparente."
    );
    if let Some(f) = &c.fonte {
        let what: Vec<&str> = [f.titolo.as_deref(), f.atto.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !what.is_empty() {
            description.push_str(&format!(" Fonte: {}.", what.join(", ")));
        }
    }
    let distribution = |name: &str,
                        titolo: &str,
                        format: &str,
                        media: &str,
                        size: usize,
                        schema: &str,
                        schema_title: &str| {
        json!({
            "@id": format!("{me}#distribuzione-{}", name.replace(['.', '/'], "-")),
            "@type": ["dcat:Distribution", "dcatapit:Distribution"],
            "dct:title": titolo,
            "dcat:accessURL": {"@id": format!("{base}{name}")},
            "dcat:downloadURL": {"@id": format!("{base}{name}")},
            "dct:format": {"@id": format!("{EU}file-type/{format}")},
            "dcat:mediaType": {"@id": format!("https://www.iana.org/assignments/media-types/{media}")},
            "dcat:byteSize": {"@value": size.to_string(), "@type": "xsd:nonNegativeInteger"},
            "dct:license": license,
            "dct:modified": modified,
            "dct:conformsTo": {
                "@id": format!("{base}{schema}"),
                "@type": ["dct:Standard", "dcatapit:Standard"],
                "dct:title": schema_title,
            },
        })
    };
    let mut distributions = vec![
        distribution(
            CSV,
            "Catalogo in CSV (una riga per attività)",
            "CSV",
            "text/csv",
            csv_size,
            CSV_SCHEMA,
            "Schema CSVW del CSV",
        ),
        distribution(
            JSON,
            "Catalogo in JSON",
            "JSON",
            "application/json",
            json_size,
            JSON_SCHEMA,
            "JSON Schema del JSON",
        ),
    ];
    for e in editions {
        let (format, media, schema_title) = if e.path.ends_with(".csv") {
            ("CSV", "text/csv", "Schema CSVW del CSV")
        } else {
            ("JSON", "application/json", "JSON Schema del JSON")
        };
        let mut d = distribution(
            &e.path,
            &e.title,
            format,
            media,
            e.size,
            &e.schema,
            schema_title,
        );
        d["dct:description"] = json!(e.description);
        d["dct:modified"] = json!({"@value": e.modified.to_string(), "@type": "xsd:date"});
        distributions.push(d);
    }
    let identifier = match c.codice_ipa.as_deref() {
        Some(ipa) => format!("{}:attivita-smartizzabili", ipa.trim()),
        None => format!("{base}#attivita-smartizzabili"),
    };
    let mut dataset = json!({
        "@id": format!("{me}#dataset"),
        "@type": ["dcat:Dataset", "dcatapit:Dataset"],
        "dct:identifier": {"@value": identifier},
        "dct:title": title,
        "dct:description": description,
        "dcat:theme": {"@id": format!("{EU}data-theme/GOVE")},
        "dcat:keyword": ["lavoro agile", "attività smartizzabili", "PIAO", "amministrazione trasparente"],
        "dct:language": {"@id": format!("{EU}language/ITA")},
        "dct:modified": modified,
        "dct:accrualPeriodicity": {"@id": format!("{EU}frequency/ANNUAL")},
        "dct:publisher": {"@id": agent_id},
        "dct:rightsHolder": {"@id": agent_id},
        "dcat:landingPage": {"@id": base},
        "dcat:distribution": distributions,
    });
    if xlsx_size > 0 {
        // The same columns as the CSV, so the CSV's schema describes it too.
        let d = distribution(
            XLSX,
            "Catalogo in Excel (le stesse righe del CSV)",
            "XLSX",
            XLSX_MEDIA_TYPE,
            xlsx_size,
            CSV_SCHEMA,
            "Schema CSVW del CSV (stesse colonne)",
        );
        if let Some(list) = dataset["dcat:distribution"].as_array_mut() {
            list.insert(1, d);
        }
    }
    if let Some(d) = c.pubblicato_il {
        dataset["dct:issued"] = json!({"@value": d.to_string(), "@type": "xsd:date"});
    }
    // The act's own dates of validity first, else the PIAO's years.
    let period = c.periodo.as_deref().and_then(years);
    let start = c
        .valido_dal
        .map(|d| d.to_string())
        .or(period.map(|(from, _)| format!("{from}-01-01")));
    let end = c
        .valido_al
        .map(|d| d.to_string())
        .or(period.map(|(_, to)| format!("{to}-12-31")));
    if start.is_some() || end.is_some() {
        let mut temporal = json!({"@type": ["dct:PeriodOfTime", "dcatapit:PeriodOfTime"]});
        if let Some(d) = start {
            temporal["dcat:startDate"] = json!({"@value": d, "@type": "xsd:date"});
        }
        if let Some(d) = end {
            temporal["dcat:endDate"] = json!({"@value": d, "@type": "xsd:date"});
        }
        dataset["dct:temporal"] = temporal;
    }
    if let Some(u) = c.fonte.as_ref().and_then(|f| f.url.as_deref()) {
        dataset["foaf:page"] = json!({"@id": u.trim()});
    }
    json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatapit": "http://dati.gov.it/onto/dcatapit#",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
            "@language": "it",
        },
        "@graph": [
            {
                "@id": format!("{me}#catalogo"),
                "@type": ["dcat:Catalog", "dcatapit:Catalog"],
                "dct:title": format!("Dati aperti: {title}"),
                "dct:description": format!("Catalogo dei dati aperti del sito {title}."),
                "dct:publisher": {"@id": agent_id},
                "dct:modified": modified,
                "dct:language": {"@id": format!("{EU}language/ITA")},
                "foaf:homepage": {"@id": base},
                "dcat:dataset": {"@id": format!("{me}#dataset")},
            },
            dataset,
            agent,
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config;

    #[test]
    fn periods_become_years() {
        assert_eq!(years("2026-2028"), Some((2026, 2028)));
        assert_eq!(years(" 2026-2026 "), Some((2026, 2026)));
        assert_eq!(years("2028-2026"), None);
        assert_eq!(years("triennio 2026"), None);
    }

    #[test]
    fn every_known_licence_has_a_vocabulary_uri() {
        for (id, _, _) in config::LICENCES {
            assert!(licence_uri(id).is_some(), "{id}");
        }
    }
}
