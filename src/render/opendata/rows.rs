//! The catalogue as a table, shared by `catalogo.csv`, `catalogo.xlsx` and
//! the CSV's CSVW metadata: the columns ([`columns`]: [`COLUMNS`], the
//! unit's text columns from its declaration; [`COLUMNS_PARTIAL`] for a
//! catalogue with activities in part or under a condition) and the rows, one per activity in catalogue
//! order ([`rows`]), with each row's fields in column order ([`Fields`]).

use std::sync::LazyLock;

use crate::model::fields::Field;
use crate::model::{self, Activity, ListKind, Site, SiteConfig};
use crate::views::{ActivityView, UnitView};

/// `ambiti` of an activity are joined with this in the CSV.
pub(super) const AMBITI_SEPARATOR: &str = "; ";

/// One column of the CSV: name, Italian title, description, CSVW datatype,
/// whether every row has a value.
#[derive(Clone)]
pub(super) struct Column {
    pub name: &'static str,
    pub titolo: &'static str,
    pub descrizione: &'static str,
    pub datatype: &'static str,
    pub required: bool,
    /// The values' pattern (CSVW `format`) of a `string` column, if any.
    pub format: Option<&'static str>,
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
        format: None,
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
pub(super) static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
    let unit = unit_columns().filter_map(|f| {
        f.published.column().map(|doc| Column {
            name: f.key,
            titolo: doc.titolo,
            descrizione: doc.descrizione,
            datatype: "string",
            required: false,
            format: None,
        })
    });
    HEAD_COLUMNS
        .iter()
        .map(Column::clone)
        .chain(unit)
        .chain(TAIL_COLUMNS.iter().map(Column::clone))
        .collect()
});

/// The values of `smartizzabile` in a catalogue with activities in part or
/// under a condition: `in parte` is one of them.
const PARTIAL_VALUE: &str = "in parte";

/// [`COLUMNS`] of a catalogue with activities in part or under a condition:
/// `smartizzabile` is `si`, `no` or `in parte` (a text, no longer a
/// boolean), and `condizione`, after `note`, holds the act's condition.
/// A catalogue without them keeps [`COLUMNS`], so its files do not change.
pub(super) static COLUMNS_PARTIAL: LazyLock<Vec<Column>> = LazyLock::new(|| {
    let mut cols = Vec::with_capacity(COLUMNS.len() + 1);
    for c in COLUMNS.iter() {
        if c.name == "smartizzabile" {
            cols.push(Column {
                descrizione: "si se l'attività può essere svolta in lavoro agile, in parte se l'atto la consente in lavoro agile solo in parte o a condizioni (vedi condizione), no se richiede la presenza.",
                datatype: "string",
                format: Some("^(si|no|in parte)$"),
                ..c.clone()
            });
            continue;
        }
        cols.push(c.clone());
        if c.name == "note" {
            cols.push(col(
                "condizione",
                "Condizione",
                "Per le attività smartizzabili in parte: la condizione o la misura in cui l'atto le consente in lavoro agile (per esempio: a rotazione), come nell'atto.",
                "string",
                false,
            ));
        }
    }
    cols
});

/// The columns of `site`'s table: [`COLUMNS_PARTIAL`] when it has
/// activities in part or under a condition, else [`COLUMNS`].
pub(super) fn columns(site: &Site) -> &'static [Column] {
    if site.has_partial() {
        &COLUMNS_PARTIAL
    } else {
        &COLUMNS
    }
}

/// An activity with what the data needs besides its view.
pub(super) struct Row<'a> {
    pub unit: &'a UnitView<'a>,
    pub view: &'a ActivityView<'a>,
    activity: &'a Activity,
    /// The list it is in.
    pub kind: ListKind,
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
}

/// The rows' fields in the order of [`columns`], one row at a time: what
/// the site and the unit give (the same for every row of a unit) is looked
/// up once per unit, and the row's fields go into one buffer reused from
/// row to row (each of the CSV's, the workbook's and their measure's passes
/// over 25,000 rows looked the unit's texts up by name and made a vector
/// for every row).
pub(super) struct Fields<'a> {
    c: &'a SiteConfig,
    aggiornato: &'a str,
    partial: bool,
    /// The unit whose fields are in `unit_fields`.
    unit: Option<&'a UnitView<'a>>,
    /// `ente` to the unit's last text column.
    unit_fields: Vec<&'a str>,
    /// `altre_attivita` of the unit.
    altre: &'static str,
    computed: Computed,
    /// The buffer of a row's fields, empty between rows.
    spare: Vec<&'static str>,
}

/// Where a row's unit's fields are among its fields ([`Fields::with`]):
/// the same texts for every row of a unit, which the CSV and the workbook
/// write once per unit and copy into its other rows.
pub(super) struct UnitColumns {
    pub range: std::ops::Range<usize>,
    /// They are the previous row's.
    pub same: bool,
}

impl<'a> Fields<'a> {
    /// The fields of the rows of `c`'s catalogue (`aggiornato`, its date as
    /// text); `partial` for [`COLUMNS_PARTIAL`].
    pub(super) fn new(c: &'a SiteConfig, aggiornato: &'a str, partial: bool) -> Fields<'a> {
        Fields {
            c,
            aggiornato,
            partial,
            unit: None,
            unit_fields: Vec::new(),
            altre: "",
            computed: Computed::default(),
            spare: Vec::with_capacity(COLUMNS.len() + 1),
        }
    }

    /// Calls `f` with `row`'s fields in column order and where its unit's
    /// are.
    pub(super) fn with<R>(
        &mut self,
        row: &Row<'a>,
        f: impl FnOnce(&[&str], &UnitColumns) -> R,
    ) -> R {
        let same = self.unit.is_some_and(|u| std::ptr::eq(u, row.unit));
        if !same {
            self.set_unit(row.unit);
        }
        self.computed.fill(row, &self.c.base_url);
        let computed = &self.computed;
        let mut fields = reuse(std::mem::take(&mut self.spare));
        fields.push(computed.id.as_str());
        fields.extend_from_slice(&self.unit_fields);
        fields.extend([
            match row.kind {
                ListKind::Smart => "si",
                ListKind::Partial => PARTIAL_VALUE,
                ListKind::NonSmart => "no",
            },
            self.altre,
            row.view.testo,
            row.note().unwrap_or(""),
        ]);
        if self.partial {
            fields.push(row.view.condizione.unwrap_or(""));
        }
        fields.extend([computed.ambiti.as_str(), computed.url.as_str()]);
        let unit = UnitColumns {
            range: 1..1 + self.unit_fields.len(),
            same,
        };
        let result = f(&fields, &unit);
        self.spare = reuse(fields);
        result
    }

    fn set_unit(&mut self, unit: &'a UnitView<'a>) {
        let c = self.c;
        self.unit = Some(unit);
        self.unit_fields.clear();
        self.unit_fields.extend([
            c.ente.trim(),
            opt(c.codice_ipa.as_deref()),
            opt(c.periodo.as_deref()),
            self.aggiornato,
            unit.slug,
            unit.nome,
        ]);
        self.unit_fields
            .extend(unit_columns().map(|f| opt(unit.testi.raw(f.key))));
        self.altre = si_no(unit.altre_attivita);
    }
}

/// `v` emptied, its memory kept for borrows of another lifetime (collecting
/// a vector's own iterator into one of the same layout reuses its memory).
fn reuse<'x>(mut v: Vec<&str>) -> Vec<&'x str> {
    v.clear();
    v.into_iter().map(|_| "").collect()
}

impl<'a> Row<'a> {
    pub(super) fn note(&self) -> Option<&'a str> {
        self.activity
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }
}

/// A unit's activities (`lists` as written, by kind), in the order of its
/// page: smartizzabili, parzialmente smartizzabili, non smartizzabili.
pub(super) fn unit_rows<'a>(
    unit: &'a UnitView<'a>,
    lists: [(ListKind, &'a [Activity]); 3],
) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    let [smart, partial, non] = lists;
    for (views, (kind, list)) in [
        (&unit.smartizzabili, smart),
        (&unit.parzialmente_smartizzabili, partial),
        (&unit.non_smartizzabili, non),
    ] {
        for (view, activity) in views.iter().zip(list) {
            rows.push(Row {
                unit,
                view,
                activity,
                kind,
            });
        }
    }
    rows
}

/// Every activity in catalogue order: the common ones (`common`, from
/// [`views::common_view`]) first, then unit by unit.
pub(super) fn rows<'a>(
    site: &'a Site,
    common: Option<&'a UnitView<'a>>,
    units: &'a [UnitView<'a>],
) -> Vec<Row<'a>> {
    let c = &site.config;
    let mut rows = common.map(|u| unit_rows(u, c.lists())).unwrap_or_default();
    rows.extend(
        units
            .iter()
            .zip(&site.units)
            .flat_map(|(u, m)| unit_rows(u, m.lists())),
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

#[cfg(test)]
mod tests {
    use super::*;

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
