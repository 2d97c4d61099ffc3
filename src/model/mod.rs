//! The catalogue as typed data: [`Site`] (settings, units, extra pages),
//! [`Unit`] and [`Activity`], deserialized from the YAML of the content
//! contract (`CONTENT.md`). Keys are Italian because the contract is.
//!
//! This module owns the shapes and their serde rules (strict: unknown keys are
//! errors); it does no I/O and no cross-file checks (see `load` and `validate`).
//!
//! Every value read from a file keeps where it was written: a [`Span`] on
//! each unit and activity and a [`Spans`] map of their keys (filled by
//! `load` from the parser's positions), so later stages point at the exact
//! item without searching the text again.
//!
//! Beside it: [`fields`] (how a record is declared), `date` ([`Date`]) and
//! `span` ([`Span`], [`Spans`]), re-exported here.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

mod date;
pub(crate) mod fields;
mod span;

pub use date::Date;
pub(crate) use span::{Span, Spans};

use fields::{Record, Shape, column, markdown, record, text, value};

/// The keys of a unit that hold lists of activities, in file-format order.
pub(crate) const ACTIVITY_LISTS: [&str; 3] = [
    "smartizzabili",
    "parzialmente_smartizzabili",
    "non_smartizzabili",
];

/// Which list of a unit (or of `_sito.yaml`) an activity is in: the order of
/// [`ACTIVITY_LISTS`] and of the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ListKind {
    /// `smartizzabili`: can be done in lavoro agile.
    Smart,
    /// `parzialmente_smartizzabili`: in lavoro agile only in part or under a
    /// condition (`condizione`), as the act says.
    Partial,
    /// `non_smartizzabili`: done in presence.
    NonSmart,
}

impl ListKind {
    /// Every kind, in [`ACTIVITY_LISTS`] order.
    pub const ALL: [ListKind; 3] = [ListKind::Smart, ListKind::Partial, ListKind::NonSmart];

    /// The list's key in the content files.
    pub fn key(self) -> &'static str {
        match self {
            ListKind::Smart => ACTIVITY_LISTS[0],
            ListKind::Partial => ACTIVITY_LISTS[1],
            ListKind::NonSmart => ACTIVITY_LISTS[2],
        }
    }
}

/// The values of `altre_attivita`.
pub(crate) const ALTRE_ATTIVITA_VALUES: &[&str] = &["smartizzabili", "non_smartizzabili"];

record! {
    /// The act the catalogue comes from.
    #[derive(Debug, Clone, Default, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct Fonte => FONTE ("fonte") {
        titolo: Option<String> = value(Shape::Text),
        atto: Option<String> = value(Shape::Text),
        url: Option<String> = value(Shape::Text),
        /// Earlier acts this one amends or replaces, as written.
        #[serde(default)]
        sostituisce: Vec<String> = value(Shape::List(&Shape::NonEmptyText)),
    }
}

/// What applies to every activity the act does not list (`altre_attivita`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AltreAttivita {
    /// Everything not listed can be done in lavoro agile.
    Smartizzabili,
    /// Everything not listed is done in presence.
    NonSmartizzabili,
}

impl AltreAttivita {
    /// The key's value as written: `smartizzabili`, `non_smartizzabili`.
    pub fn key(self) -> &'static str {
        match self {
            AltreAttivita::Smartizzabili => "smartizzabili",
            AltreAttivita::NonSmartizzabili => "non_smartizzabili",
        }
    }
}

record! {
    /// One step of the breadcrumb above the catalogue.
    #[derive(Debug, Clone, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct Crumb => CRUMB ("crumb") {
        titolo: String = value(Shape::NonEmptyText),
        url: Option<String> = value(Shape::Text),
    }
}

record! {
    /// Footer links every Comune site must have.
    #[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct Collegamenti => COLLEGAMENTI ("collegamenti") {
        accessibilita: Option<String> = value(Shape::Text),
        privacy: Option<String> = value(Shape::Text),
        note_legali: Option<String> = value(Shape::Text),
    }
}

/// The shape of a list of activities, in a unit or in `_sito.yaml`.
const ACTIVITIES: Shape = Shape::List(&Shape::TextOrRecord(&ACTIVITY));
/// The shape of `parzialmente_smartizzabili`: activities that may also say
/// their `condizione`.
const PARTIAL_ACTIVITIES: Shape = Shape::List(&Shape::TextOrRecord(&PARTIAL_ACTIVITY));

record! {
    /// `_sito.yaml`, as written by the user. A field declared with
    /// `text(...)` reaches the templates' `site` by itself; any other needs
    /// its line in `views::SiteView` (a test there fails without it).
    #[derive(Debug, Clone, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct SiteConfig => SITE ("site") {
        ente: String = value(Shape::NonEmptyText),
        titolo: String = value(Shape::NonEmptyText),
        base_url: String = value(Shape::NonEmptyText),
        aggiornato_il: Date = value(Shape::Date),
        pubblicato_il: Option<Date> = value(Shape::Date),
        periodo: Option<String> = text(None),
        codice_ipa: Option<String> = text(None),
        fonte: Option<Fonte> = value(Shape::Record(&FONTE)),
        #[serde(default)]
        percorso: Vec<Crumb> = value(Shape::List(&Shape::Record(&CRUMB))),
        licenza: Option<String> = value(Shape::Text),
        #[serde(default)]
        collegamenti: Collegamenti = value(Shape::Record(&COLLEGAMENTI)),
        colore_primario: Option<String> = value(Shape::Text),
        tema: Option<String> = value(Shape::Text),
        /// The language of the published pages: the theme's `lingue/<lingua>.ftl`.
        lingua: Option<String> = value(Shape::Text),
        /// The act is in force from this date.
        valido_dal: Option<Date> = value(Shape::Date),
        /// The act is in force until this date; past it, every page says so.
        valido_al: Option<Date> = value(Shape::Date),
        /// Address of the edition in force, linked when this one has expired.
        edizione_corrente: Option<String> = value(Shape::Text),
        /// The rule for every activity the act does not list.
        altre_attivita: Option<AltreAttivita> = value(Shape::Choice(ALTRE_ATTIVITA_VALUES)),
        /// The act's own sentence stating that rule, quoted under it.
        altre_attivita_citazione: Option<String> = text(None),
        /// Markdown: the criteria the act uses.
        criteri: Option<String> = value(Shape::Text),
        /// Activities common to every office (or the whole catalogue when there are no unit files).
        #[serde(default)]
        smartizzabili: Vec<Activity> = value(ACTIVITIES),
        /// Activities in lavoro agile only in part or under a condition.
        #[serde(default)]
        parzialmente_smartizzabili: Vec<Activity> = value(PARTIAL_ACTIVITIES),
        #[serde(default)]
        non_smartizzabili: Vec<Activity> = value(ACTIVITIES),
    }
    skip {
        /// Where each key was written in `_sito.yaml`.
        spans: Spans,
    }
}

/// One activity: what the catalogue lists, verbatim.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// The activity as the act words it.
    pub testo: String,
    /// Markdown.
    pub note: Option<String>,
    /// Tags (`ambiti`) for filtering.
    pub ambiti: Vec<String>,
    /// The condition under which it is done in lavoro agile, as the act
    /// words it (`parzialmente_smartizzabili` only: the YAML walk refuses
    /// it in the other lists).
    pub condizione: Option<String>,
    /// Where its text starts (the `testo` value in the long form).
    pub span: Span,
    /// Where its keys were written (long form only).
    pub spans: Spans,
}

record! {
    /// An activity in its long form (in `parzialmente_smartizzabili`; the
    /// other lists' shape is [`ACTIVITY`], the same without `condizione`).
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ActivityLong => PARTIAL_ACTIVITY ("activity") {
        testo: String = value(Shape::NonEmptyText),
        /// Markdown.
        note: Option<String> = value(Shape::Text),
        #[serde(default)]
        ambiti: Vec<String> = value(Shape::List(&Shape::NonEmptyText)),
        /// `parzialmente_smartizzabili` only: when or how far the activity
        /// is done in lavoro agile ("a rotazione, un giorno a settimana").
        condizione: Option<String> = value(Shape::NonEmptyText),
    }
}

/// The shape of an activity in `smartizzabili` and `non_smartizzabili`: the
/// fields of [`PARTIAL_ACTIVITY`] but its last, `condizione`.
pub(crate) static ACTIVITY: Record = Record {
    what: "activity",
    fields: match PARTIAL_ACTIVITY.fields.split_last() {
        Some((_, rest)) => rest,
        None => &[],
    },
};

impl<'de> Deserialize<'de> for Activity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ActivityVisitor;
        impl<'de> Visitor<'de> for ActivityVisitor {
            type Value = Activity;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an activity: a line of text, or a map with `testo`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Activity, E> {
                Ok(Activity {
                    testo: v.to_string(),
                    note: None,
                    ambiti: Vec::new(),
                    condizione: None,
                    span: Span::default(),
                    spans: Spans::default(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Activity, A::Error> {
                let long = ActivityLong::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Activity {
                    testo: long.testo,
                    note: long.note,
                    ambiti: long.ambiti,
                    condizione: long.condizione,
                    span: Span::default(),
                    spans: Spans::default(),
                })
            }
        }
        d.deserialize_any(ActivityVisitor)
    }
}

record! {
    /// A unit file, as written by the user: the one declaration of a unit's
    /// keys. A field declared with `text(...)` or `markdown(...)` reaches the
    /// templates (its page; a `text` one its home-page summary too),
    /// `catalogo.json`, its JSON Schema and, with a `column`, the CSV and
    /// what `import` reads back, by itself; see `fields`.
    #[derive(Debug, Clone, Default, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct UnitFile => UNIT ("unit") {
        nome: String = value(Shape::NonEmptyText),
        area: Option<String> = text(column(
            "Area",
            "Area a cui appartiene l'unità organizzativa.",
        )),
        ordine: Option<i64> = value(Shape::Integer),
        responsabile: Option<String> = text(column(
            "Responsabile",
            "Responsabile dell'unità organizzativa.",
        )),
        /// Markdown.
        descrizione: Option<String> = markdown(None),
        #[serde(default)]
        smartizzabili: Vec<Activity> = value(ACTIVITIES),
        /// Activities in lavoro agile only in part or under a condition.
        #[serde(default)]
        parzialmente_smartizzabili: Vec<Activity> = value(PARTIAL_ACTIVITIES),
        #[serde(default)]
        non_smartizzabili: Vec<Activity> = value(ACTIVITIES),
        /// Overrides the site's `altre_attivita` for this unit.
        altre_attivita: Option<AltreAttivita> = value(Shape::Choice(ALTRE_ATTIVITA_VALUES)),
        /// The act's own sentence stating this unit's rule.
        altre_attivita_citazione: Option<String> = text(None),
        /// Markdown: the criteria the act uses for this unit.
        criteri: Option<String> = markdown(None),
    }
}

impl SiteConfig {
    /// The lists of activities common to every office, by key ([`ACTIVITY_LISTS`] order).
    pub fn lists_mut(&mut self) -> [(&'static str, &mut Vec<Activity>); 3] {
        let [s, p, n] = ACTIVITY_LISTS;
        [
            (s, &mut self.smartizzabili),
            (p, &mut self.parzialmente_smartizzabili),
            (n, &mut self.non_smartizzabili),
        ]
    }

    /// The lists of activities common to every office, by kind.
    pub fn lists(&self) -> [(ListKind, &[Activity]); 3] {
        let [s, p, n] = ListKind::ALL;
        [
            (s, &self.smartizzabili),
            (p, &self.parzialmente_smartizzabili),
            (n, &self.non_smartizzabili),
        ]
    }
}

impl UnitFile {
    /// The lists of activities, by key ([`ACTIVITY_LISTS`] order).
    pub fn lists_mut(&mut self) -> [(&'static str, &mut Vec<Activity>); 3] {
        let [s, p, n] = ACTIVITY_LISTS;
        [
            (s, &mut self.smartizzabili),
            (p, &mut self.parzialmente_smartizzabili),
            (n, &mut self.non_smartizzabili),
        ]
    }

    /// The lists of activities, by kind ([`ACTIVITY_LISTS`] order).
    pub fn lists(&self) -> [(ListKind, &[Activity]); 3] {
        let [s, p, n] = ListKind::ALL;
        [
            (s, &self.smartizzabili),
            (p, &self.parzialmente_smartizzabili),
            (n, &self.non_smartizzabili),
        ]
    }
}

/// One organizational unit of the catalogue: its file's content and where
/// it comes from. It dereferences to its [`UnitFile`], so `unit.nome` reads
/// the file's `nome`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unit {
    /// The file stem: the unit's URL segment.
    pub slug: String,
    /// The file it comes from, relative to the site root.
    pub file: PathBuf,
    /// What the file says.
    pub data: UnitFile,
    /// Where the unit starts in its file (its first key).
    pub span: Span,
    /// Where each key of the file was written (`nome`, `descrizione`, ...).
    pub spans: Spans,
}

impl std::ops::Deref for Unit {
    type Target = UnitFile;
    fn deref(&self) -> &UnitFile {
        &self.data
    }
}

impl std::ops::DerefMut for Unit {
    fn deref_mut(&mut self) -> &mut UnitFile {
        &mut self.data
    }
}

record! {
    /// Front matter of an extra Markdown page.
    #[derive(Debug, Clone, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub(crate) struct PageFrontMatter => PAGE ("page") {
        titolo: String = value(Shape::NonEmptyText),
        descrizione: Option<String> = value(Shape::Text),
        ordine: Option<i64> = value(Shape::Integer),
    }
}

/// An extra page (`content/<slug>.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub slug: String,
    pub file: PathBuf,
    pub titolo: String,
    pub descrizione: Option<String>,
    pub ordine: Option<i64>,
    /// Markdown body.
    pub body: String,
    /// The line of the file where the body starts.
    pub body_line: usize,
}

/// Everything the generator publishes, loaded and ordered.
#[derive(Debug, Clone)]
pub struct Site {
    /// `_sito.yaml`, checked.
    pub config: SiteConfig,
    /// Markdown of `content/_index.md`.
    pub intro: Option<String>,
    /// In catalogue order: by `ordine` (units without one last), then by `nome`.
    /// Shared with the preview's parse cache: a save copies no unit.
    pub units: Vec<Arc<Unit>>,
    /// By `ordine`, then by `titolo`.
    pub pages: Vec<Page>,
}

impl Site {
    /// Whether some list of the catalogue (`_sito.yaml`'s or a unit's) is
    /// `parzialmente_smartizzabili`: the open data then carry its columns
    /// and keys, which a catalogue without it does not have.
    pub fn has_partial(&self) -> bool {
        !self.config.parzialmente_smartizzabili.is_empty()
            || self
                .units
                .iter()
                .any(|u| !u.parzialmente_smartizzabili.is_empty())
    }
}

/// The catalogue order of units: `ordine` first (missing last), then `nome`, then slug.
pub(crate) fn sort_units(units: &mut [Arc<Unit>]) {
    units.sort_by(|a, b| {
        (a.ordine.is_none(), a.ordine, &a.nome, &a.slug).cmp(&(
            b.ordine.is_none(),
            b.ordine,
            &b.nome,
            &b.slug,
        ))
    });
}

/// The order of extra pages: `ordine` first (missing last), then `titolo`.
pub(crate) fn sort_pages(pages: &mut [Page]) {
    pages.sort_by(|a, b| {
        (a.ordine.is_none(), a.ordine, &a.titolo, &a.slug).cmp(&(
            b.ordine.is_none(),
            b.ordine,
            &b.titolo,
            &b.slug,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value of `shape` its checks accept, as YAML.
    fn sample(shape: &Shape) -> String {
        match shape {
            Shape::Text | Shape::NonEmptyText | Shape::TextOrRecord(_) => "x".into(),
            Shape::Integer => "1".into(),
            Shape::Date => "2026-01-01".into(),
            Shape::List(_) => "[]".into(),
            Shape::Record(r) => required_only(r, None),
            Shape::Choice(words) => words[0].into(),
        }
    }

    /// The record in flow style with its required keys only, but `without`.
    fn required_only(r: &fields::Record, without: Option<&str>) -> String {
        let keys: Vec<String> = r
            .fields
            .iter()
            .filter(|f| f.required && Some(f.key) != without)
            .map(|f| format!("{}: {}", f.key, sample(&f.shape)))
            .collect();
        format!("{{{}}}", keys.join(", "))
    }

    fn reads<T: serde::de::DeserializeOwned>(yaml: &str) -> Result<(), String> {
        serde_yaml::from_str::<T>(yaml)
            .map(drop)
            .map_err(|e| e.to_string())
    }

    /// Optionality is said once, by the field's type: what the YAML walk
    /// calls optional serde lets be left out (a list without
    /// `#[serde(default)]` fails here), and what it calls required serde
    /// refuses to miss.
    #[test]
    fn the_walk_and_serde_agree_on_which_keys_may_be_left_out() {
        type Reads = fn(&str) -> Result<(), String>;
        let records: [(&fields::Record, Reads); 7] = [
            (&SITE, reads::<SiteConfig>),
            (&UNIT, reads::<UnitFile>),
            (&FONTE, reads::<Fonte>),
            (&CRUMB, reads::<Crumb>),
            (&COLLEGAMENTI, reads::<Collegamenti>),
            (&PARTIAL_ACTIVITY, reads::<ActivityLong>),
            (&PAGE, reads::<PageFrontMatter>),
        ];
        for (record, reads) in records {
            let least = required_only(record, None);
            if let Err(e) = reads(&least) {
                panic!("{}: {least} does not read: {e}", record.what);
            }
            for f in record.fields.iter().filter(|f| f.required) {
                let without = required_only(record, Some(f.key));
                assert!(
                    reads(&without).is_err(),
                    "{}: `{}` is required, but {without} reads",
                    record.what,
                    f.key
                );
            }
        }
        let required = |r: &fields::Record| -> Vec<&str> {
            r.fields
                .iter()
                .filter(|f| f.required)
                .map(|f| f.key)
                .collect()
        };
        assert_eq!(
            required(&SITE),
            ["ente", "titolo", "base_url", "aggiornato_il"]
        );
        assert_eq!(required(&UNIT), ["nome"]);
    }

    #[test]
    fn both_activity_forms() {
        let u: UnitFile = serde_yaml::from_str(
            "nome: A\nsmartizzabili:\n  - Uno\n  - testo: Due\n    note: N\n    ambiti: [X]\n",
        )
        .unwrap();
        assert_eq!(u.smartizzabili[0].testo, "Uno");
        assert_eq!(u.smartizzabili[1].testo, "Due");
        assert_eq!(u.smartizzabili[1].note.as_deref(), Some("N"));
        assert_eq!(u.smartizzabili[1].ambiti, vec!["X".to_string()]);
    }

    #[test]
    fn units_sort_by_ordine_then_nome() {
        let mk = |slug: &str, nome: &str, ordine| {
            Arc::new(Unit {
                slug: slug.into(),
                data: UnitFile {
                    nome: nome.into(),
                    ordine,
                    ..UnitFile::default()
                },
                ..Unit::default()
            })
        };
        let mut v = vec![
            mk("c", "C", None),
            mk("b", "B", Some(2)),
            mk("a", "Z", Some(1)),
            mk("d", "A", None),
        ];
        sort_units(&mut v);
        let order: Vec<_> = v.iter().map(|u| u.slug.as_str()).collect();
        assert_eq!(order, ["a", "b", "d", "c"]);
    }
}
