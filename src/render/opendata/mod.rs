//! Open data: the catalogue as `catalogo.csv` (RFC 4180, one row per
//! activity, verbatim), `catalogo.xlsx` (the same rows as a spreadsheet for
//! people) and `catalogo.json` (the whole catalogue), their machine-readable
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

use std::sync::LazyLock;

use crate::config;
use crate::model::fields::{Field, Published};
use crate::model::{self, Activity, Site, UnitFile};
use crate::views::{self, ActivityView, UnitView};

mod xlsx;

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

/// `ambiti` of an activity are joined with this in the CSV.
pub(crate) const AMBITI_SEPARATOR: &str = "; ";

/// One column of the CSV: name, Italian title, description, CSVW datatype,
/// whether every row has a value.
#[derive(Clone)]
pub(crate) struct Column {
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

/// The CSV's columns before the unit's text fields: the catalogue's and the
/// unit's identity.
const HEAD_COLUMNS: &[Column] = &[
    col(
        "id",
        "Identificativo",
        "Identificativo stabile dell'attività: <unita_slug>#<ancora> (#<ancora> per le attività comuni a tutti gli uffici).",
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
        "Nome breve dell'unità organizzativa, usato nel suo indirizzo; vuoto per le attività comuni a tutti gli uffici.",
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
];

/// The CSV's columns after the unit's text fields: the activity's.
const TAIL_COLUMNS: &[Column] = &[
    col(
        "smartizzabile",
        "Smartizzabile",
        "si se l'attività può essere svolta in lavoro agile, no se richiede la presenza.",
        "boolean",
        true,
    ),
    col(
        "altre_attivita",
        "Altre attività smartizzabili",
        "Regola dell'atto per le attività dell'unità che non elenca: si se sono tutte smartizzabili (lavoro agile), no se si svolgono tutte in presenza; vuoto se l'atto non la dà.",
        "boolean",
        false,
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

/// The unit's fields that have a CSV column (declared with a `column` in
/// [`model::UNIT`]), in declaration order.
fn unit_columns() -> impl Iterator<Item = &'static Field> {
    model::UNIT
        .published()
        .filter(|f| f.published.column().is_some())
}

/// The CSV's columns, in order: the single source of the header, the rows and
/// the CSVW schema. The unit's text columns come from its declaration.
pub(crate) static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
    let unit = unit_columns().filter_map(|f| {
        f.published.column().map(|doc| Column {
            name: f.key,
            titolo: doc.titolo,
            descrizione: doc.descrizione,
            datatype: "string",
            required: false,
        })
    });
    HEAD_COLUMNS
        .iter()
        .map(Column::clone)
        .chain(unit)
        .chain(TAIL_COLUMNS.iter().map(Column::clone))
        .collect()
});

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

/// The open-data files and what the home page says about them.
pub(crate) struct OpenData {
    pub files: Vec<(&'static str, Vec<u8>)>,
    pub downloads: Vec<Download>,
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

/// Builds every open-data file. `units` are the views the unit pages use;
/// `editions`, the data files of earlier editions, go into the DCAT file.
pub(crate) fn build_with(site: &Site, units: &[UnitView], editions: &[EditionFile]) -> OpenData {
    let common = views::common_view(site);
    let rows = rows(site, common.as_ref(), units);
    // The three big files do not depend on each other: one core each.
    let ((csv, json), xlsx) = rayon::join(
        || {
            rayon::join(
                || csv_of(site, &rows),
                || {
                    let catalogue = catalogue(site, common.as_ref(), units);
                    pretty_sized(&catalogue, rows.len() * JSON_BYTES_PER_ROW)
                },
            )
        },
        || xlsx_of(site, &rows),
    );
    drop(rows);
    let mut files: Vec<(&'static str, Vec<u8>)> = vec![
        (CSV, csv),
        (JSON, json),
        (CSV_SCHEMA, pretty(&csv_schema(site))),
        (JSON_SCHEMA, pretty(&json_schema(site))),
    ];
    // Only past Excel's limits (a million rows) is there no workbook.
    if let Some(bytes) = xlsx {
        files.push((XLSX, bytes));
    }
    let size = |name: &str| files.iter().find(|f| f.0 == name).map_or(0, |f| f.1.len());
    let dcat = pretty(&dcat(site, size(CSV), size(JSON), size(XLSX), editions));
    files.push((DCAT, dcat));
    let size = |name: &str| files.iter().find(|f| f.0 == name).map_or(0, |f| f.1.len());
    let downloads = FILES
        .iter()
        .filter(|f| files.iter().any(|(name, _)| *name == f.0))
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
        .collect();
    OpenData { files, downloads }
}

fn pretty(v: &impl Serialize) -> Vec<u8> {
    pretty_sized(v, 0)
}

/// About what an activity takes in `catalogo.json` (~390 bytes at 1,000
/// synthetic units) and in `catalogo.csv` (~370): the buffers are sized once
/// instead of being copied as they double.
const JSON_BYTES_PER_ROW: usize = 420;
const CSV_BYTES_PER_ROW: usize = 400;

/// Pretty JSON with a newline at the end, into a buffer of `capacity` bytes.
fn pretty_sized(v: &impl Serialize, capacity: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(capacity);
    // Serializing plain data into a Vec cannot fail.
    if serde_json::to_writer_pretty(&mut bytes, v).is_err() {
        bytes.clear();
    }
    bytes.push(b'\n');
    bytes
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

/// The values of a row that are not plain borrows (id, ambiti joined, url),
/// written into buffers reused from row to row.
#[derive(Default)]
struct Computed {
    id: String,
    ambiti: String,
    url: String,
}

impl Computed {
    fn fill(&mut self, row: &Row, base: &str) {
        let (unit, id) = (&row.unit, &row.view.id);
        self.id.clear();
        self.id.extend([unit.slug, "#", id]);
        self.url.clear();
        self.url.extend([base, &unit.url, "#", id]);
        self.ambiti.clear();
        for (i, a) in row.view.ambiti.iter().enumerate() {
            if i > 0 {
                self.ambiti.push_str(AMBITI_SEPARATOR);
            }
            self.ambiti.push_str(a.trim());
        }
    }

    fn fields(&self) -> [&str; 3] {
        [&self.id, &self.ambiti, &self.url]
    }
}

impl<'a> Row<'a> {
    /// The row's fields in the order of [`COLUMNS`]; `computed` is what
    /// [`Computed::fill`] wrote for this row.
    fn fields<'s>(
        &'s self,
        c: &'s crate::model::SiteConfig,
        aggiornato: &'s str,
        [id, ambiti, url]: [&'s str; 3],
    ) -> Vec<&'s str> {
        let mut fields = Vec::with_capacity(COLUMNS.len());
        fields.extend([
            id,
            c.ente.trim(),
            opt(c.codice_ipa.as_deref()),
            opt(c.periodo.as_deref()),
            aggiornato,
            self.unit.slug,
            self.unit.nome,
        ]);
        fields.extend(unit_columns().map(|f| opt(self.unit.testi.raw(f.key))));
        fields.extend([
            if self.smartizzabile { "si" } else { "no" },
            si_no(self.unit.altre_attivita),
            self.view.testo,
            self.note().unwrap_or(""),
            ambiti,
            url,
        ]);
        fields
    }

    fn note(&self) -> Option<&'a str> {
        self.activity
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }
}

/// A unit's activities (`smart`, `non` as written), smartizzabili first,
/// as on its page.
fn unit_rows<'a>(
    unit: &'a UnitView<'a>,
    smart: &'a [Activity],
    non: &'a [Activity],
) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    for (views, list, smartizzabile) in [
        (&unit.smartizzabili, smart, true),
        (&unit.non_smartizzabili, non, false),
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

/// Every activity in catalogue order: the common ones (`common`, from
/// [`views::common_view`]) first, then unit by unit.
fn rows<'a>(
    site: &'a Site,
    common: Option<&'a UnitView<'a>>,
    units: &'a [UnitView<'a>],
) -> Vec<Row<'a>> {
    let c = &site.config;
    let mut rows = common
        .map(|u| unit_rows(u, &c.smartizzabili, &c.non_smartizzabili))
        .unwrap_or_default();
    rows.extend(
        units
            .iter()
            .zip(&site.units)
            .flat_map(|(u, m)| unit_rows(u, &m.smartizzabili, &m.non_smartizzabili)),
    );
    rows
}

/// `si`, `no` or `""` for a rule on unlisted activities.
fn si_no(rule: Option<&str>) -> &'static str {
    match rule {
        Some("smartizzabili") => "si",
        Some(_) => "no",
        None => "",
    }
}

fn opt(s: Option<&str>) -> &str {
    s.map(str::trim).unwrap_or("")
}

/// `catalogo.csv`: RFC 4180 (comma, CRLF line ends, fields quoted when they
/// hold a comma, a quote or a line break), UTF-8 without BOM, header first.
#[cfg(test)]
pub(crate) fn csv(site: &Site, units: &[UnitView]) -> String {
    let common = views::common_view(site);
    let bytes = csv_of(site, &rows(site, common.as_ref(), units));
    // Built from `&str`s only.
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`csv`] of the rows.
fn csv_of(site: &Site, rows: &[Row]) -> Vec<u8> {
    let c = &site.config;
    let aggiornato = c.aggiornato_il.to_string();
    let mut out = String::with_capacity((rows.len() + 1) * CSV_BYTES_PER_ROW);
    push_record(&mut out, COLUMNS.iter().map(|col| col.name));
    let mut computed = Computed::default();
    for r in rows {
        computed.fill(r, &c.base_url);
        push_record(
            &mut out,
            r.fields(c, &aggiornato, computed.fields()).into_iter(),
        );
    }
    out.into_bytes()
}

/// [`xlsx`] of the rows: measured in a first pass (the sheet's head needs
/// every column's width), then streamed into the zip, so the sheet's XML is
/// never held whole.
fn xlsx_of(site: &Site, rows: &[Row]) -> Option<Vec<u8>> {
    let c = &site.config;
    let aggiornato = c.aggiornato_il.to_string();
    let header: Vec<&str> = COLUMNS.iter().map(|col| col.name).collect();
    let mut layout = xlsx::Layout::new(&header);
    let mut computed = Computed::default();
    for r in rows {
        computed.fill(r, &c.base_url);
        layout.measure(&r.fields(c, &aggiornato, computed.fields()));
    }
    let title = format!("{} - {}", c.titolo.trim(), c.ente.trim());
    let props = xlsx::Properties {
        title: &title,
        author: c.ente.trim(),
        created: c.aggiornato_il,
    };
    let mut sheet = layout.start("Catalogo", &props)?;
    for r in rows {
        computed.fill(r, &c.base_url);
        sheet.push_row(&r.fields(c, &aggiornato, computed.fields()));
    }
    sheet.finish()
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
    valido_dal: Option<String>,
    valido_al: Option<String>,
    /// Markdown, as written.
    criteri: Option<&'a str>,
    altre_attivita: Option<&'static str>,
    altre_attivita_testo: Option<&'static str>,
    totali: Totali,
    /// Activities common to every office.
    smartizzabili: Vec<ActivityData<'a>>,
    non_smartizzabili: Vec<ActivityData<'a>>,
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
    sostituisce: &'a [String],
}

#[derive(Serialize)]
struct Totali {
    unita: usize,
    comuni: usize,
    attivita: usize,
    smartizzabili: usize,
    non_smartizzabili: usize,
}

#[derive(Serialize)]
struct UnitData<'a> {
    slug: &'a str,
    nome: &'a str,
    url: String,
    /// `area`, `responsabile`, `descrizione`, `criteri`, ...
    #[serde(flatten)]
    testi: TextsData<'a>,
    altre_attivita: Option<&'static str>,
    altre_attivita_testo: Option<&'static str>,
    smartizzabili: Vec<ActivityData<'a>>,
    non_smartizzabili: Vec<ActivityData<'a>>,
}

/// A unit's published text fields ([`model::UNIT`]), trimmed, Markdown as
/// written: `<key>: text or null`, in declaration order.
struct TextsData<'a>(&'a UnitFile);

impl Serialize for TextsData<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        for f in model::UNIT.published() {
            map.serialize_entry(f.key, &self.0.text(f.key).map(str::trim))?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct ActivityData<'a> {
    /// `<slug>#<anchor>`.
    id: Concat<'a, 3>,
    testo: &'a str,
    /// Markdown, as written.
    note: Option<&'a str>,
    ambiti: Trimmed<'a>,
    /// `<base><unit url>#<anchor>`.
    url: Concat<'a, 4>,
}

/// A string made of pieces, serialized without being put together first.
struct Concat<'a, const N: usize>([&'a str; N]);

impl<const N: usize> std::fmt::Display for Concat<'_, N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.iter().try_for_each(|p| f.write_str(p))
    }
}

impl<const N: usize> Serialize for Concat<'_, N> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Texts serialized trimmed.
struct Trimmed<'a>(&'a [String]);

impl Serialize for Trimmed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|a| a.trim()))
    }
}

fn catalogue<'a>(
    site: &'a Site,
    common: Option<&'a UnitView<'a>>,
    units: &'a [UnitView<'a>],
) -> Catalogue<'a> {
    let c = &site.config;
    let base = c.base_url.as_str();
    let (id, nome, url) = licence(site);
    let totals = views::totals(site);
    let lists = |rows: Vec<Row<'a>>| {
        let (mut smart, mut non) = (Vec::new(), Vec::new());
        for r in rows {
            let (unit, id) = (r.unit, r.view.id.as_str());
            let data = ActivityData {
                id: Concat([unit.slug, "#", id]),
                testo: r.view.testo,
                note: r.note(),
                ambiti: Trimmed(r.view.ambiti),
                url: Concat([base, unit.url.as_str(), "#", id]),
            };
            if r.smartizzabile {
                smart.push(data)
            } else {
                non.push(data)
            }
        }
        (smart, non)
    };
    let (common_smart, common_non) = common
        .map(|u| lists(unit_rows(u, &c.smartizzabili, &c.non_smartizzabili)))
        .unwrap_or_default();
    let unita = units
        .iter()
        .zip(&site.units)
        .map(|(u, m)| {
            let (smart, non) = lists(unit_rows(u, &m.smartizzabili, &m.non_smartizzabili));
            UnitData {
                slug: u.slug,
                nome: u.nome,
                url: format!("{base}{}", u.url),
                testi: TextsData(m),
                altre_attivita: u.altre_attivita,
                altre_attivita_testo: u.altre_attivita_testo,
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
            sostituisce: &f.sostituisce,
        }),
        valido_dal: c.valido_dal.map(|d| d.to_string()),
        valido_al: c.valido_al.map(|d| d.to_string()),
        criteri: c.criteri.as_deref().map(str::trim),
        altre_attivita: c.altre_attivita.map(|a| a.key()),
        altre_attivita_testo: c.altre_attivita.map(views::altre_attivita_testo),
        totali: Totali {
            unita: totals.unita,
            comuni: totals.comuni,
            attivita: totals.attivita,
            smartizzabili: totals.smartizzabili,
            non_smartizzabili: totals.non_smartizzabili,
        },
        smartizzabili: common_smart,
        non_smartizzabili: common_non,
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
    let markdown = json!({"type": ["string", "null"], "description": "Markdown"});
    let rule = json!({"enum": ["smartizzabili", "non_smartizzabili", null], "description": "Regola dell'atto per le attività che non elenca: smartizzabili (tutte in lavoro agile) o non_smartizzabili (tutte in presenza); null se l'atto non la dà"});
    let rule_text =
        json!({"type": ["string", "null"], "description": "La stessa regola in parole"});
    let activity = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "testo", "note", "ambiti", "url"],
        "properties": {
            "id": {"type": "string", "pattern": "^([a-z0-9]+(-[a-z0-9]+)*)?#[a-z0-9-]+$", "description": "<slug dell'unità>#<ancora dell'attività>; #<ancora> per le attività comuni a tutti gli uffici"},
            "testo": string,
            "note": {"type": ["string", "null"], "description": "Markdown"},
            "ambiti": {"type": "array", "items": string},
            "url": url,
        },
    });
    // The unit's text fields come from its declaration, between its
    // identity and its rule and lists (the order of `UnitData`).
    let mut required = vec!["slug", "nome", "url"];
    let mut properties = serde_json::Map::new();
    properties.insert(
        "slug".into(),
        json!({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}),
    );
    properties.insert("nome".into(), string.clone());
    properties.insert("url".into(), url.clone());
    for f in model::UNIT.published() {
        required.push(f.key);
        let schema = match f.published {
            Published::Markdown(_) => markdown.clone(),
            _ => nullable.clone(),
        };
        properties.insert(f.key.into(), schema);
    }
    required.extend([
        "altre_attivita",
        "altre_attivita_testo",
        "smartizzabili",
        "non_smartizzabili",
    ]);
    properties.insert("altre_attivita".into(), rule.clone());
    properties.insert("altre_attivita_testo".into(), rule_text.clone());
    properties.insert(
        "smartizzabili".into(),
        json!({"type": "array", "items": activity}),
    );
    properties.insert(
        "non_smartizzabili".into(),
        json!({"type": "array", "items": activity}),
    );
    let unit = json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("{base}{JSON_SCHEMA}"),
        "title": "Catalogo delle attività smartizzabili",
        "description": "Struttura di catalogo.json: l'ente, le unità organizzative e le loro attività smartizzabili e non smartizzabili.",
        "type": "object",
        "additionalProperties": false,
        "required": ["ente", "codice_ipa", "titolo", "periodo", "aggiornato_il", "pubblicato_il", "url", "licenza", "fonte", "valido_dal", "valido_al", "criteri", "altre_attivita", "altre_attivita_testo", "totali", "smartizzabili", "non_smartizzabili", "unita"],
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
                        "required": ["titolo", "atto", "url", "sostituisce"],
                        "properties": {"titolo": nullable, "atto": nullable, "url": {"anyOf": [url, {"type": "null"}]}, "sostituisce": {"type": "array", "items": string, "description": "Atti precedenti che questo modifica o sostituisce"}},
                    },
                ],
            },
            "valido_dal": {"anyOf": [date, {"type": "null"}]},
            "valido_al": {"anyOf": [date, {"type": "null"}]},
            "criteri": markdown,
            "altre_attivita": rule,
            "altre_attivita_testo": rule_text,
            "totali": {
                "type": "object",
                "additionalProperties": false,
                "required": ["unita", "comuni", "attivita", "smartizzabili", "non_smartizzabili"],
                "properties": {"unita": count, "comuni": count, "attivita": count, "smartizzabili": count, "non_smartizzabili": count},
            },
            "smartizzabili": {"type": "array", "items": activity, "description": "Attività smartizzabili comuni a tutti gli uffici"},
            "non_smartizzabili": {"type": "array", "items": activity, "description": "Attività non smartizzabili comuni a tutti gli uffici"},
            "unita": {"type": "array", "items": unit},
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
fn dcat(
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
        for (id, _, _) in config::LICENCES {
            assert!(licence_uri(id).is_some(), "{id}");
        }
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
        let json = serde_json::to_value(catalogue(&site, common.as_ref(), &views)).unwrap();
        let schema = json_schema(&site);
        let unit_schema = &schema["properties"]["unita"]["items"];
        let csv = csv(&site, &views);
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let row: Vec<&str> = lines.next().unwrap().split(',').collect();
        assert_eq!(header.len(), COLUMNS.len());
        assert_eq!(row.len(), COLUMNS.len());
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

    #[test]
    fn columns_are_snake_case_ascii() {
        for c in COLUMNS.iter() {
            assert!(
                c.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{}",
                c.name
            );
        }
    }
}
