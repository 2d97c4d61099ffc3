//! Open data: the catalogue as `catalogo.csv` (RFC 4180, one row per
//! activity) and `catalogo.json` (the whole catalogue), their machine-readable
//! schemas (CSVW metadata for the CSV, JSON Schema for the JSON) and the
//! dataset's DCAT-AP_IT description in JSON-LD, so that dati.gov.it can
//! harvest it.
//!
//! Activity URLs are built from the same [`UnitView`]s as the unit pages, so
//! every `#anchor` in the data exists on its page. Like the rest of `render`,
//! this module never touches the disk and is deterministic (struct field order
//! or sorted keys, no clock).

use serde::Serialize;
use serde_json::{Value, json};

use super::views::{ActivityView, UnitView};
use crate::model::{Activity, Site, Unit};
use crate::validate;

/// The CSV, one row per activity.
pub const CSV: &str = "catalogo.csv";
/// The whole catalogue as JSON.
pub const JSON: &str = "catalogo.json";
/// CSVW metadata of the CSV, at the name CSVW processors look for by default.
pub const CSV_SCHEMA: &str = "catalogo.csv-metadata.json";
/// JSON Schema of the JSON.
pub const JSON_SCHEMA: &str = "catalogo.schema.json";
/// DCAT-AP_IT description of the dataset.
pub const DCAT: &str = "dcat-ap_it.jsonld";

/// `ambiti` of an activity are joined with this in the CSV.
pub const AMBITI_SEPARATOR: &str = "; ";

/// One column of the CSV: name, Italian title, description, CSVW datatype,
/// whether every row has a value.
pub struct Column {
    pub name: &'static str,
    pub titolo: &'static str,
    pub descrizione: &'static str,
    pub datatype: &'static str,
    pub required: bool,
}

const fn col(
    name: &'static str,
    titolo: &'static str,
    descrizione: &'static str,
    datatype: &'static str,
    required: bool,
) -> Column {
    Column {
        name,
        titolo,
        descrizione,
        datatype,
        required,
    }
}

/// The CSV's columns, in order: the single source of the header, the rows and
/// the CSVW schema.
pub const COLUMNS: &[Column] = &[
    col(
        "id",
        "Identificativo",
        "Identificativo stabile dell'attività: <unita_slug>#<ancora>.",
        "string",
        true,
    ),
    col(
        "ente",
        "Ente",
        "L'ente che pubblica il catalogo.",
        "string",
        true,
    ),
    col(
        "codice_ipa",
        "Codice IPA",
        "Codice dell'ente nell'Indice dei domicili digitali della PA (IPA).",
        "string",
        false,
    ),
    col(
        "periodo",
        "Periodo",
        "Periodo del PIAO a cui il catalogo si riferisce.",
        "string",
        false,
    ),
    col(
        "aggiornato_il",
        "Aggiornato il",
        "Data di ultimo aggiornamento del catalogo (AAAA-MM-GG).",
        "date",
        true,
    ),
    col(
        "unita_slug",
        "Codice unità",
        "Nome breve dell'unità organizzativa, usato nel suo indirizzo.",
        "string",
        true,
    ),
    col(
        "unita_nome",
        "Unità organizzativa",
        "Nome dell'unità organizzativa.",
        "string",
        true,
    ),
    col(
        "area",
        "Area",
        "Area a cui appartiene l'unità organizzativa.",
        "string",
        false,
    ),
    col(
        "responsabile",
        "Responsabile",
        "Responsabile dell'unità organizzativa.",
        "string",
        false,
    ),
    col(
        "smartizzabile",
        "Smartizzabile",
        "si se l'attività può essere svolta in lavoro agile, no se richiede la presenza.",
        "boolean",
        true,
    ),
    col(
        "attivita",
        "Attività",
        "Testo dell'attività, come nell'atto.",
        "string",
        true,
    ),
    col(
        "note",
        "Note",
        "Nota all'attività (testo in Markdown).",
        "string",
        false,
    ),
    col(
        "ambiti",
        "Ambiti",
        "Ambiti dell'attività, separati da \"; \".",
        "string",
        false,
    ),
    col(
        "url",
        "Indirizzo",
        "Indirizzo della pagina dell'unità, all'attività.",
        "anyURI",
        true,
    ),
];

/// One of the files, as the home page's "Scarica i dati" lists it.
#[derive(Serialize, Clone, Debug)]
pub struct Download {
    /// Root-relative URL (the file name).
    pub url: &'static str,
    pub titolo: &'static str,
    pub descrizione: &'static str,
    /// `CSV`, `JSON`, `JSON-LD`.
    pub formato: &'static str,
    pub media_type: &'static str,
    pub dimensione: usize,
    /// The size in Italian: `12,3 kB`.
    pub dimensione_testo: String,
}

/// The open-data files and what the home page says about them.
pub struct OpenData {
    pub files: Vec<(&'static str, Vec<u8>)>,
    pub downloads: Vec<Download>,
}

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
pub struct EditionFile {
    /// Relative to the site root.
    pub path: String,
    /// Its schema, relative to the site root.
    pub schema: String,
    pub title: String,
    pub description: String,
    pub modified: crate::model::Date,
    pub size: usize,
}

/// Builds every open-data file. `units` are the views the unit pages use.
pub fn build(site: &Site, units: &[UnitView]) -> OpenData {
    build_with(site, units, &[])
}

/// [`build`], with the data files of earlier editions in the DCAT file.
pub fn build_with(site: &Site, units: &[UnitView], editions: &[EditionFile]) -> OpenData {
    let mut files: Vec<(&'static str, Vec<u8>)> = vec![
        (CSV, csv(site, units).into_bytes()),
        (JSON, pretty(&catalogue(site, units))),
        (CSV_SCHEMA, pretty(&csv_schema(site))),
        (JSON_SCHEMA, pretty(&json_schema(site))),
    ];
    let dcat = pretty(&dcat(site, files[0].1.len(), files[1].1.len(), editions));
    files.push((DCAT, dcat));
    let size = |name: &str| files.iter().find(|f| f.0 == name).map_or(0, |f| f.1.len());
    let downloads = FILES
        .iter()
        .map(
            |&(url, titolo, descrizione, formato, media_type)| Download {
                url,
                titolo,
                descrizione,
                formato,
                media_type,
                dimensione: size(url),
                dimensione_testo: size_text(size(url)),
            },
        )
        .collect();
    OpenData { files, downloads }
}

fn pretty(v: &impl Serialize) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(v).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// `512 byte`, `12,3 kB`, `1,2 MB` (decimal units, Italian comma).
pub fn size_text(bytes: usize) -> String {
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
    validate::licence(site.config.licenza.as_deref().unwrap_or("CC-BY-4.0"))
        .unwrap_or(validate::LICENCES[0])
}

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

/// An activity with what the data needs besides its view.
struct Row<'a> {
    unit: &'a UnitView<'a>,
    view: &'a ActivityView<'a>,
    activity: &'a Activity,
    smartizzabile: bool,
}

impl<'a> Row<'a> {
    fn id(&self) -> String {
        format!("{}#{}", self.unit.slug, self.view.id)
    }
    fn url(&self, base: &str) -> String {
        format!("{base}{}#{}", self.unit.url, self.view.id)
    }
    fn note(&self) -> Option<&'a str> {
        self.activity
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }
}

/// A unit's activities, smartizzabili first, as on its page.
fn unit_rows<'a>(unit: &'a UnitView<'a>, model: &'a Unit) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    for (views, list, smartizzabile) in [
        (&unit.smartizzabili, &model.smartizzabili, true),
        (&unit.non_smartizzabili, &model.non_smartizzabili, false),
    ] {
        for (view, activity) in views.iter().zip(list) {
            rows.push(Row {
                unit,
                view,
                activity,
                smartizzabile,
            });
        }
    }
    rows
}

/// Every activity in catalogue order.
fn rows<'a>(site: &'a Site, units: &'a [UnitView<'a>]) -> Vec<Row<'a>> {
    units
        .iter()
        .zip(&site.units)
        .flat_map(|(u, m)| unit_rows(u, m))
        .collect()
}

fn opt(s: Option<&str>) -> &str {
    s.map(str::trim).unwrap_or("")
}

/// `catalogo.csv`: RFC 4180 (comma, CRLF line ends, fields quoted when they
/// hold a comma, a quote or a line break), UTF-8 without BOM, header first.
pub fn csv(site: &Site, units: &[UnitView]) -> String {
    let c = &site.config;
    let base = &c.base_url;
    let aggiornato = c.aggiornato_il.to_string();
    let mut out = String::new();
    push_record(&mut out, COLUMNS.iter().map(|col| col.name));
    for r in rows(site, units) {
        let ambiti: Vec<&str> = r.view.ambiti.iter().map(|a| a.trim()).collect();
        let ambiti = ambiti.join(AMBITI_SEPARATOR);
        let (id, url) = (r.id(), r.url(base));
        let fields: [&str; 14] = [
            &id,
            c.ente.trim(),
            opt(c.codice_ipa.as_deref()),
            opt(c.periodo.as_deref()),
            &aggiornato,
            r.unit.slug,
            r.unit.nome,
            opt(r.unit.area),
            opt(r.unit.responsabile),
            if r.smartizzabile { "si" } else { "no" },
            r.view.testo,
            r.note().unwrap_or(""),
            &ambiti,
            &url,
        ];
        push_record(&mut out, fields.into_iter());
    }
    out
}

pub(super) fn push_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
}

#[derive(Serialize)]
struct Catalogue<'a> {
    ente: &'a str,
    codice_ipa: Option<&'a str>,
    titolo: &'a str,
    periodo: Option<&'a str>,
    aggiornato_il: String,
    pubblicato_il: Option<String>,
    url: &'a str,
    licenza: Licenza,
    fonte: Option<Fonte<'a>>,
    totali: Totali,
    unita: Vec<UnitData<'a>>,
}

#[derive(Serialize)]
struct Licenza {
    id: &'static str,
    nome: &'static str,
    url: &'static str,
}

#[derive(Serialize)]
struct Fonte<'a> {
    titolo: Option<&'a str>,
    atto: Option<&'a str>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct Totali {
    unita: usize,
    attivita: usize,
    smartizzabili: usize,
    non_smartizzabili: usize,
}

#[derive(Serialize)]
struct UnitData<'a> {
    slug: &'a str,
    nome: &'a str,
    url: String,
    area: Option<&'a str>,
    responsabile: Option<&'a str>,
    /// Markdown, as written.
    descrizione: Option<&'a str>,
    smartizzabili: Vec<ActivityData<'a>>,
    non_smartizzabili: Vec<ActivityData<'a>>,
}

#[derive(Serialize)]
struct ActivityData<'a> {
    id: String,
    testo: &'a str,
    /// Markdown, as written.
    note: Option<&'a str>,
    ambiti: Vec<&'a str>,
    url: String,
}

fn catalogue<'a>(site: &'a Site, units: &'a [UnitView<'a>]) -> Catalogue<'a> {
    let c = &site.config;
    let base = c.base_url.as_str();
    let (id, nome, url) = licence(site);
    let totals = super::views::totals(site);
    let unita = units
        .iter()
        .zip(&site.units)
        .map(|(u, m)| {
            let (mut smart, mut non) = (Vec::new(), Vec::new());
            for r in unit_rows(u, m) {
                let data = ActivityData {
                    id: r.id(),
                    testo: r.view.testo,
                    note: r.note(),
                    ambiti: r.view.ambiti.iter().map(|a| a.trim()).collect(),
                    url: r.url(base),
                };
                if r.smartizzabile {
                    smart.push(data)
                } else {
                    non.push(data)
                }
            }
            UnitData {
                slug: u.slug,
                nome: u.nome,
                url: format!("{base}{}", u.url),
                area: u.area.map(str::trim),
                responsabile: u.responsabile.map(str::trim),
                descrizione: m.descrizione.as_deref().map(str::trim),
                smartizzabili: smart,
                non_smartizzabili: non,
            }
        })
        .collect();
    Catalogue {
        ente: c.ente.trim(),
        codice_ipa: c.codice_ipa.as_deref().map(str::trim),
        titolo: c.titolo.trim(),
        periodo: c.periodo.as_deref().map(str::trim),
        aggiornato_il: c.aggiornato_il.to_string(),
        pubblicato_il: c.pubblicato_il.map(|d| d.to_string()),
        url: base,
        licenza: Licenza { id, nome, url },
        fonte: c.fonte.as_ref().map(|f| Fonte {
            titolo: f.titolo.as_deref(),
            atto: f.atto.as_deref(),
            url: f.url.as_deref(),
        }),
        totali: Totali {
            unita: totals.unita,
            attivita: totals.attivita,
            smartizzabili: totals.smartizzabili,
            non_smartizzabili: totals.non_smartizzabili,
        },
        unita,
    }
}

/// CSVW metadata (W3C "Metadata Vocabulary for Tabular Data") of the CSV.
fn csv_schema(site: &Site) -> Value {
    let c = &site.config;
    let base = &c.base_url;
    let (_, nome, url) = licence(site);
    let columns: Vec<Value> = COLUMNS
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

/// JSON Schema (draft 2020-12) of `catalogo.json`.
fn json_schema(site: &Site) -> Value {
    let base = &site.config.base_url;
    let string = json!({"type": "string", "minLength": 1});
    let nullable = json!({"type": ["string", "null"]});
    let date =
        json!({"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"});
    let url = json!({"type": "string", "format": "uri", "pattern": "^https?://"});
    let count = json!({"type": "integer", "minimum": 0});
    let activity = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "testo", "note", "ambiti", "url"],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*#[a-z0-9-]+$", "description": "<slug dell'unità>#<ancora dell'attività>"},
            "testo": string,
            "note": {"type": ["string", "null"], "description": "Markdown"},
            "ambiti": {"type": "array", "items": string},
            "url": url,
        },
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("{base}{JSON_SCHEMA}"),
        "title": "Catalogo delle attività smartizzabili",
        "description": "Struttura di catalogo.json: l'ente, le unità organizzative e le loro attività smartizzabili e non smartizzabili.",
        "type": "object",
        "additionalProperties": false,
        "required": ["ente", "codice_ipa", "titolo", "periodo", "aggiornato_il", "pubblicato_il", "url", "licenza", "fonte", "totali", "unita"],
        "properties": {
            "ente": string,
            "codice_ipa": nullable,
            "titolo": string,
            "periodo": nullable,
            "aggiornato_il": date,
            "pubblicato_il": {"anyOf": [date, {"type": "null"}]},
            "url": url,
            "licenza": {
                "type": "object",
                "additionalProperties": false,
                "required": ["id", "nome", "url"],
                "properties": {"id": string, "nome": string, "url": url},
            },
            "fonte": {
                "anyOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["titolo", "atto", "url"],
                        "properties": {"titolo": nullable, "atto": nullable, "url": {"anyOf": [url, {"type": "null"}]}},
                    },
                ],
            },
            "totali": {
                "type": "object",
                "additionalProperties": false,
                "required": ["unita", "attivita", "smartizzabili", "non_smartizzabili"],
                "properties": {"unita": count, "attivita": count, "smartizzabili": count, "non_smartizzabili": count},
            },
            "unita": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["slug", "nome", "url", "area", "responsabile", "descrizione", "smartizzabili", "non_smartizzabili"],
                    "properties": {
                        "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
                        "nome": string,
                        "url": url,
                        "area": nullable,
                        "responsabile": nullable,
                        "descrizione": {"type": ["string", "null"], "description": "Markdown"},
                        "smartizzabili": {"type": "array", "items": activity},
                        "non_smartizzabili": {"type": "array", "items": activity},
                    },
                },
            },
        },
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
fn dcat(site: &Site, csv_size: usize, json_size: usize, editions: &[EditionFile]) -> Value {
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
    let mut description = format!(
        "Catalogo delle attività che possono essere svolte in lavoro agile (smartizzabili) e di quelle che richiedono la presenza, per unità organizzativa, pubblicato da {ente} nella sezione Amministrazione trasparente."
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
    if let Some(d) = c.pubblicato_il {
        dataset["dct:issued"] = json!({"@value": d.to_string(), "@type": "xsd:date"});
    }
    if let Some((from, to)) = c.periodo.as_deref().and_then(years) {
        dataset["dct:temporal"] = json!({
            "@type": ["dct:PeriodOfTime", "dcatapit:PeriodOfTime"],
            "dcat:startDate": {"@value": format!("{from}-01-01"), "@type": "xsd:date"},
            "dcat:endDate": {"@value": format!("{to}-12-31"), "@type": "xsd:date"},
        });
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

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut s = String::new();
        push_record(&mut s, ["a", "b,c", "d\"e", "f\ng", "", "h;i"].into_iter());
        assert_eq!(s, "a,\"b,c\",\"d\"\"e\",\"f\ng\",,h;i\r\n");
    }

    #[test]
    fn sizes_in_italian() {
        assert_eq!(size_text(999), "999 byte");
        assert_eq!(size_text(12_345), "12,3 kB");
        assert_eq!(size_text(1_250_000), "1,2 MB");
    }

    #[test]
    fn periods_become_years() {
        assert_eq!(years("2026-2028"), Some((2026, 2028)));
        assert_eq!(years(" 2026-2026 "), Some((2026, 2026)));
        assert_eq!(years("2028-2026"), None);
        assert_eq!(years("triennio 2026"), None);
    }

    #[test]
    fn every_known_licence_has_a_vocabulary_uri() {
        for (id, _, _) in validate::LICENCES {
            assert!(licence_uri(id).is_some(), "{id}");
        }
    }

    #[test]
    fn columns_are_snake_case_ascii() {
        for c in COLUMNS {
            assert!(
                c.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{}",
                c.name
            );
        }
    }
}
