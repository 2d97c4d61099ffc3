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

use fields::{Shape, column, markdown, optional, record, required, text};

/// The keys of a unit that hold lists of activities, in file-format order.
pub(crate) const ACTIVITY_LISTS: [&str; 2] = ["smartizzabili", "non_smartizzabili"];

/// The values of `altre_attivita`.
pub(crate) const ALTRE_ATTIVITA_VALUES: &[&str] = &["smartizzabili", "non_smartizzabili"];

record! {
    /// The act the catalogue comes from.
    #[derive(Debug, Clone, Default, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct Fonte => FONTE ("`fonte`", "") {
        titolo: Option<String> = optional(Shape::Text),
        atto: Option<String> = optional(Shape::Text),
        url: Option<String> = optional(Shape::Text),
        /// Earlier acts this one amends or replaces, as written.
        #[serde(default)]
        sostituisce: Vec<String> = optional(Shape::List(&Shape::NonEmptyText)),
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
    pub struct Crumb => CRUMB ("this step of `percorso`", "") {
        titolo: String = required(Shape::NonEmptyText),
        url: Option<String> = optional(Shape::Text),
    }
}

record! {
    /// Footer links every Comune site must have.
    #[derive(Debug, Clone, Default, Deserialize, serde::Serialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct Collegamenti => COLLEGAMENTI ("`collegamenti`", "") {
        accessibilita: Option<String> = optional(Shape::Text),
        privacy: Option<String> = optional(Shape::Text),
        note_legali: Option<String> = optional(Shape::Text),
    }
}

/// The shape of a list of activities, in a unit or in `_sito.yaml`.
const ACTIVITIES: Shape = Shape::List(&Shape::TextOrRecord(&ACTIVITY));

record! {
    /// `_sito.yaml`, as written by the user.
    #[derive(Debug, Clone, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct SiteConfig => SITE (
        "the site settings",
        "write at least `ente`, `titolo`, `base_url` and `aggiornato_il`"
    ) {
        ente: String = required(Shape::NonEmptyText),
        titolo: String = required(Shape::NonEmptyText),
        base_url: String = required(Shape::NonEmptyText),
        aggiornato_il: Date = required(Shape::Date),
        pubblicato_il: Option<Date> = optional(Shape::Date),
        periodo: Option<String> = optional(Shape::Text),
        codice_ipa: Option<String> = optional(Shape::Text),
        fonte: Option<Fonte> = optional(Shape::Record(&FONTE)),
        #[serde(default)]
        percorso: Vec<Crumb> = optional(Shape::List(&Shape::Record(&CRUMB))),
        licenza: Option<String> = optional(Shape::Text),
        #[serde(default)]
        collegamenti: Collegamenti = optional(Shape::Record(&COLLEGAMENTI)),
        colore_primario: Option<String> = optional(Shape::Text),
        tema: Option<String> = optional(Shape::Text),
        /// The act is in force from this date.
        valido_dal: Option<Date> = optional(Shape::Date),
        /// The act is in force until this date; past it, every page says so.
        valido_al: Option<Date> = optional(Shape::Date),
        /// Address of the edition in force, linked when this one has expired.
        edizione_corrente: Option<String> = optional(Shape::Text),
        /// The rule for every activity the act does not list.
        altre_attivita: Option<AltreAttivita> = optional(Shape::Choice(ALTRE_ATTIVITA_VALUES)),
        /// Markdown: the criteria the act uses.
        criteri: Option<String> = optional(Shape::Text),
        /// Activities common to every office (or the whole catalogue when there are no unit files).
        #[serde(default)]
        smartizzabili: Vec<Activity> = optional(ACTIVITIES),
        #[serde(default)]
        non_smartizzabili: Vec<Activity> = optional(ACTIVITIES),
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
    /// Where its text starts (the `testo` value in the long form).
    pub span: Span,
    /// Where its keys were written (long form only).
    pub spans: Spans,
}

record! {
    /// An activity in its long form.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ActivityLong => ACTIVITY ("this activity", "") {
        testo: String = required(Shape::NonEmptyText),
        /// Markdown.
        note: Option<String> = optional(Shape::Text),
        #[serde(default)]
        ambiti: Vec<String> = optional(Shape::List(&Shape::NonEmptyText)),
    }
}

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
    /// templates, `catalogo.json`, its JSON Schema and (with a `column`) the
    /// CSV by itself; see `fields`.
    #[derive(Debug, Clone, Default, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct UnitFile => UNIT (
        "the unit",
        "write the unit's `nome` and its activities, as in the other files"
    ) {
        nome: String = required(Shape::NonEmptyText),
        area: Option<String> = text(column(
            "Area",
            "Area a cui appartiene l'unità organizzativa.",
        )),
        ordine: Option<i64> = optional(Shape::Integer),
        responsabile: Option<String> = text(column(
            "Responsabile",
            "Responsabile dell'unità organizzativa.",
        )),
        /// Markdown.
        descrizione: Option<String> = markdown(None),
        #[serde(default)]
        smartizzabili: Vec<Activity> = optional(ACTIVITIES),
        #[serde(default)]
        non_smartizzabili: Vec<Activity> = optional(ACTIVITIES),
        /// Overrides the site's `altre_attivita` for this unit.
        altre_attivita: Option<AltreAttivita> = optional(Shape::Choice(ALTRE_ATTIVITA_VALUES)),
        /// Markdown: the criteria the act uses for this unit.
        criteri: Option<String> = markdown(None),
    }
}

impl SiteConfig {
    /// The lists of activities common to every office, by key ([`ACTIVITY_LISTS`] order).
    pub fn lists_mut(&mut self) -> [(&'static str, &mut Vec<Activity>); 2] {
        let [s, n] = ACTIVITY_LISTS;
        [
            (s, &mut self.smartizzabili),
            (n, &mut self.non_smartizzabili),
        ]
    }
}

impl UnitFile {
    /// The lists of activities, by key ([`ACTIVITY_LISTS`] order).
    pub fn lists_mut(&mut self) -> [(&'static str, &mut Vec<Activity>); 2] {
        let [s, n] = ACTIVITY_LISTS;
        [
            (s, &mut self.smartizzabili),
            (n, &mut self.non_smartizzabili),
        ]
    }

    /// The lists of activities, by key ([`ACTIVITY_LISTS`] order).
    pub fn lists(&self) -> [(&'static str, &[Activity]); 2] {
        let [s, n] = ACTIVITY_LISTS;
        [(s, &self.smartizzabili), (n, &self.non_smartizzabili)]
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
    pub(crate) struct PageFrontMatter => PAGE (
        "the front matter",
        "write at least `titolo: Titolo della pagina`"
    ) {
        titolo: String = required(Shape::NonEmptyText),
        descrizione: Option<String> = optional(Shape::Text),
        ordine: Option<i64> = optional(Shape::Integer),
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
