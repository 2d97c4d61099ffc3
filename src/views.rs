//! View structs: what templates see (documented in
//! `themes/default/CONTEXT.md`). They borrow from the model and are built
//! once per build, so the model can change without breaking themes.

use std::collections::HashMap;
use std::sync::LazyLock;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::{self, DEFAULT_COLOUR};
use crate::markdown;
use crate::model::fields::{Field, Published, Record};
use crate::model::{self, Activity, AltreAttivita, Date, Site, Unit, UnitFile};
use crate::slug;

/// Anchors are cut at this many bytes.
const ANCHOR_MAX: usize = 48;

#[derive(Serialize)]
pub(crate) struct SiteView<'a> {
    pub ente: &'a str,
    pub titolo: &'a str,
    pub base_url: &'a str,
    pub aggiornato_il: String,
    pub aggiornato_il_testo: String,
    pub pubblicato_il: Option<String>,
    pub pubblicato_il_testo: Option<String>,
    /// `periodo`, `codice_ipa`, ...: the fields of `_sito.yaml` its
    /// declaration ([`model::SITE`]) marks `text`, as written.
    #[serde(flatten)]
    pub testi: TextsView<'a>,
    pub fonte: Option<FonteView<'a>>,
    pub percorso: Vec<LinkView>,
    pub licenza: LicenceView,
    pub collegamenti: &'a crate::model::Collegamenti,
    pub colore_primario: String,
    pub colore_primario_scuro: String,
    /// The language of the pages (`lingua`, default `it`): `<html lang>`.
    pub lingua: &'a str,
    pub totali: Totals,
    pub nav: Vec<NavItem>,
    pub valido_dal: Option<String>,
    pub valido_dal_testo: Option<String>,
    pub valido_al: Option<String>,
    pub valido_al_testo: Option<String>,
    /// `valido_al` is past on the day of the build.
    pub non_in_vigore: bool,
    pub edizione_corrente: Option<&'a str>,
    /// `smartizzabili`, `non_smartizzabili` or `None`: the site's rule for
    /// the activities the act does not list.
    pub altre_attivita: Option<&'static str>,
    /// The same rule in words.
    pub altre_attivita_testo: Option<&'static str>,
    /// The act's own sentence for that rule, only beside it, trimmed.
    pub citazione_regola: Option<&'a str>,
    /// Some rule (the site's or a unit's) covers activities that are not
    /// listed: counts are of listed activities, no percentage is meaningful.
    pub elenco_parziale: bool,
    /// Every unit has a rule for what it does not list (its own or the
    /// site's); false without units.
    pub regola_ogni_unita: bool,
    /// How many activities common to every office each list of
    /// `_sito.yaml` has: a unit's empty list is then not "Nessuna attività".
    pub comuni_elenchi: CommonCounts,
    pub criteri_html: Option<String>,
}

/// The lengths of `_sito.yaml`'s three lists.
#[derive(Serialize, Clone, Copy)]
pub(crate) struct CommonCounts {
    pub smartizzabili: usize,
    pub parzialmente_smartizzabili: usize,
    pub non_smartizzabili: usize,
}

#[derive(Serialize)]
pub(crate) struct FonteView<'a> {
    pub titolo: Option<&'a str>,
    pub atto: Option<&'a str>,
    pub url: Option<&'a str>,
    pub sostituisce: &'a [String],
}

/// What every page's `site` shares, computed once per build.
#[derive(Clone)]
pub(crate) struct Shared {
    pub totals: Totals,
    pub today: Date,
    pub elenco_parziale: bool,
    /// Every unit has a rule for what it does not list (its own or the
    /// site's); false without units.
    pub regola_ogni_unita: bool,
    pub criteri_html: Option<String>,
}

impl Shared {
    pub(crate) fn new(site: &Site, today: Date) -> Shared {
        Shared {
            totals: totals(site),
            today,
            elenco_parziale: lists_part(site),
            regola_ogni_unita: !site.units.is_empty()
                && site.units.iter().all(|u| rule_of(site, u).is_some()),
            criteri_html: site.config.criteri.as_deref().map(markdown::to_html),
        }
    }
}

/// Some rule (the site's or a unit's) covers activities the act does not
/// list: the counts are of listed activities and no share of them is true.
pub(crate) fn lists_part(site: &Site) -> bool {
    site.config.altre_attivita.is_some() || site.units.iter().any(|u| u.altre_attivita.is_some())
}

/// The rule for activities the act does not list, in words.
pub(crate) fn altre_attivita_testo(a: AltreAttivita) -> &'static str {
    match a {
        AltreAttivita::Smartizzabili => {
            "Tutte le attività non elencate sono smartizzabili: si possono svolgere in lavoro agile."
        }
        AltreAttivita::NonSmartizzabili => {
            "Tutte le attività non elencate non sono smartizzabili: si svolgono in presenza."
        }
    }
}

#[derive(Serialize, Clone)]
pub(crate) struct LinkView {
    pub titolo: String,
    pub url: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct LicenceView {
    pub id: &'static str,
    pub nome: &'static str,
    pub url: &'static str,
}

#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Totals {
    pub unita: usize,
    /// Distinct areas of the units (0: no unit has one).
    pub aree: usize,
    /// Activities common to every office (`_sito.yaml`), counted in the rest too.
    pub comuni: usize,
    pub smartizzabili: usize,
    /// In lavoro agile in part or under a condition.
    pub parzialmente_smartizzabili: usize,
    pub non_smartizzabili: usize,
    pub attivita: usize,
    pub percentuale_smartizzabili: usize,
    /// The share of `parzialmente_smartizzabili`, rounded so that it and
    /// `percentuale_smartizzabili` never add up past 100.
    pub percentuale_parzialmente_smartizzabili: usize,
}

#[derive(Serialize, Clone)]
pub(crate) struct NavItem {
    pub titolo: String,
    pub url: String,
    pub corrente: bool,
}

#[derive(Serialize)]
pub(crate) struct PageView {
    pub tipo: &'static str,
    pub titolo: String,
    pub descrizione: String,
    pub radice: String,
    pub canonical: String,
    pub percorso: Vec<LinkView>,
}

#[derive(Serialize)]
pub struct ActivityView<'a> {
    pub id: String,
    pub testo: &'a str,
    pub note_html: Option<String>,
    pub ambiti: &'a [String],
    /// `parzialmente_smartizzabili` only: the condition, as written.
    pub condizione: Option<&'a str>,
}

#[derive(Serialize)]
pub struct Neighbour<'a> {
    pub nome: &'a str,
    pub url: String,
}

/// A record's published text fields, in declaration order: for a unit's
/// page every field [`model::UNIT`] marks `text` or `markdown` ([`of`](Self::of)),
/// for a unit's summary and for the site the ones marked `text`
/// ([`plain`](Self::plain)). Flattened into a view, they are `<key>` (as
/// written) for text and `<key>_html` for Markdown, so a new field needs no
/// code here.
pub struct TextsView<'a>(Vec<TextView<'a>>);

struct TextView<'a> {
    field: &'static Field,
    /// What templates read it by: `<key>`, or `<key>_html` for Markdown.
    key: &'static str,
    raw: Option<&'a str>,
    html: Option<String>,
}

/// Each published field of a unit with the key templates read it by, made
/// once: a unit's template value is then built with no key copied.
static UNIT_TEXTS: LazyLock<Vec<(&'static Field, &'static str)>> = LazyLock::new(|| {
    model::UNIT
        .published()
        .map(|field| {
            let key: &'static str = match field.published {
                // One string per Markdown field of the declaration, for
                // the life of the process.
                Published::Markdown(_) => Box::leak(format!("{}_html", field.key).into_boxed_str()),
                _ => field.key,
            };
            (field, key)
        })
        .collect()
});

impl<'a> TextsView<'a> {
    /// The text fields of `unit`, Markdown rendered.
    pub fn of(unit: &'a UnitFile) -> TextsView<'a> {
        TextsView(
            UNIT_TEXTS
                .iter()
                .map(|&(field, key)| {
                    let raw = unit.text(field.key);
                    let html = match field.published {
                        Published::Markdown(_) => raw.map(markdown::to_html),
                        _ => None,
                    };
                    TextView {
                        field,
                        key,
                        raw,
                        html,
                    }
                })
                .collect(),
        )
    }

    /// Every text field unset (the activities common to every office).
    pub fn none() -> TextsView<'static> {
        TextsView(
            UNIT_TEXTS
                .iter()
                .map(|&(field, key)| TextView {
                    field,
                    key,
                    raw: None,
                    html: None,
                })
                .collect(),
        )
    }

    /// The fields of `record` published as plain text, as written: what a
    /// summary shows (no Markdown rendered).
    pub(crate) fn plain(
        record: &'static Record,
        text: impl Fn(&str) -> Option<&'a str>,
    ) -> TextsView<'a> {
        TextsView(
            record
                .published()
                .filter(|f| matches!(f.published, Published::Text(_)))
                .map(|field| TextView {
                    field,
                    key: field.key,
                    raw: text(field.key),
                    html: None,
                })
                .collect(),
        )
    }

    /// The field `key` as written, if set.
    pub fn raw(&self, key: &str) -> Option<&'a str> {
        self.0
            .iter()
            .find(|t| t.field.key == key)
            .and_then(|t| t.raw)
    }

    /// (key, value) of each field as templates read it: the text as
    /// written, or the Markdown as HTML.
    fn entries(&self) -> impl Iterator<Item = (&'static str, Option<&str>)> {
        self.0.iter().map(|t| match t.field.published {
            Published::Markdown(_) => (t.key, t.html.as_deref()),
            _ => (t.key, t.raw),
        })
    }
}

impl Serialize for TextsView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.entries() {
            map.serialize_entry(key, &value)?;
        }
        map.end()
    }
}

/// Serialised by `serialize_with_texts!`, its text fields among its own.
pub struct UnitView<'a> {
    pub slug: &'a str,
    pub nome: &'a str,
    pub url: String,
    /// `area`, `responsabile`, `descrizione_html`, `criteri_html`, ...
    pub testi: TextsView<'a>,
    pub smartizzabili: Vec<ActivityView<'a>>,
    pub parzialmente_smartizzabili: Vec<ActivityView<'a>>,
    pub non_smartizzabili: Vec<ActivityView<'a>>,
    /// The rule for activities not listed (the unit's, else the site's).
    pub altre_attivita: Option<&'static str>,
    pub altre_attivita_testo: Option<&'static str>,
    /// The act's own sentence for that rule (`altre_attivita_citazione` of
    /// the file the rule comes from), quoted after it.
    pub citazione_regola: Option<&'a str>,
    pub precedente: Option<Neighbour<'a>>,
    pub successiva: Option<Neighbour<'a>>,
}

/// Serialises the view `$ty` as a struct holding its fields and, among
/// them, the fields of its `testi` ([`TextsView`]): what
/// `#[serde(flatten)]` gave, but with each key a `&'static str` and the
/// number of fields known, where flatten made a map that grew and rehashed
/// as keys came and copied each key (a unit becomes a template value for
/// its page and its row of the table, a summary for the home page). Every
/// field is named: a field added to the view does not compile until it is
/// here.
macro_rules! serialize_with_texts {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Serialize for $ty<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let $ty { testi, $($field),* } = self;
                let own = [$(stringify!($field)),*].len();
                let mut v = s.serialize_struct(stringify!($ty), own + testi.0.len())?;
                $(v.serialize_field(stringify!($field), $field)?;)*
                for (key, value) in testi.entries() {
                    v.serialize_field(key, &value)?;
                }
                v.end()
            }
        }
    };
}

serialize_with_texts!(UnitView {
    slug,
    nome,
    url,
    smartizzabili,
    parzialmente_smartizzabili,
    non_smartizzabili,
    altre_attivita,
    altre_attivita_testo,
    citazione_regola,
    precedente,
    successiva,
});

serialize_with_texts!(UnitSummary {
    slug,
    nome,
    url,
    smartizzabili,
    parzialmente_smartizzabili,
    non_smartizzabili,
    altre_attivita,
});

/// Serialised by `serialize_with_texts!`, its text fields among its own.
pub(crate) struct UnitSummary<'a> {
    pub slug: &'a str,
    pub nome: &'a str,
    pub url: String,
    /// `area`, `responsabile`, ...: the unit's plain text fields
    /// ([`TextsView::plain`]); its Markdown is on its own page only.
    pub testi: TextsView<'a>,
    pub smartizzabili: usize,
    pub parzialmente_smartizzabili: usize,
    pub non_smartizzabili: usize,
    pub altre_attivita: Option<&'static str>,
}

#[derive(Serialize)]
pub(crate) struct AreaView<'a> {
    pub nome: &'a str,
    pub id: String,
    pub unita: Vec<UnitSummary<'a>>,
    pub smartizzabili: usize,
    pub parzialmente_smartizzabili: usize,
    pub non_smartizzabili: usize,
}

#[derive(Serialize)]
pub(crate) struct PageLink<'a> {
    pub slug: &'a str,
    pub titolo: &'a str,
    pub url: String,
}

#[derive(Serialize)]
pub(crate) struct HomeView<'a> {
    pub intro_html: Option<String>,
    /// The activities of `_sito.yaml` (common to every office), or `None`.
    pub comuni: Option<UnitView<'a>>,
    pub aree: Vec<AreaView<'a>>,
    pub pagine: Vec<PageLink<'a>>,
}

#[derive(Serialize)]
pub(crate) struct ExtraPageView<'a> {
    pub slug: &'a str,
    pub titolo: &'a str,
    pub contenuto_html: String,
}

/// Counts over the whole catalogue, common activities included.
pub(crate) fn totals(site: &Site) -> Totals {
    let c = &site.config;
    let smart: usize = c.smartizzabili.len()
        + site
            .units
            .iter()
            .map(|u| u.smartizzabili.len())
            .sum::<usize>();
    let partial: usize = c.parzialmente_smartizzabili.len()
        + site
            .units
            .iter()
            .map(|u| u.parzialmente_smartizzabili.len())
            .sum::<usize>();
    let non: usize = c.non_smartizzabili.len()
        + site
            .units
            .iter()
            .map(|u| u.non_smartizzabili.len())
            .sum::<usize>();
    let all = smart + partial + non;
    let percent = |n: usize| (n * 100 + all / 2).checked_div(all).unwrap_or(0);
    let aree: std::collections::HashSet<&str> =
        site.units.iter().filter_map(|u| area_of(u)).collect();
    Totals {
        unita: site.units.len(),
        aree: aree.len(),
        comuni: c.lists().iter().map(|(_, l)| l.len()).sum(),
        smartizzabili: smart,
        parzialmente_smartizzabili: partial,
        non_smartizzabili: non,
        attivita: all,
        percentuale_smartizzabili: percent(smart),
        percentuale_parzialmente_smartizzabili: percent(partial).min(100 - percent(smart).min(100)),
    }
}

/// A unit's area, if it names one.
fn area_of(u: &Unit) -> Option<&str> {
    u.area.as_deref().map(str::trim).filter(|a| !a.is_empty())
}

/// The site-wide part of every page's context.
/// `shared` is computed once per build by the caller ([`Shared::new`]):
/// summing every unit on every page would make a build quadratic in the units.
pub(crate) fn site_view<'a>(site: &'a Site, shared: &Shared, nav: Vec<NavItem>) -> SiteView<'a> {
    let c = &site.config;
    let colour = c
        .colore_primario
        .as_deref()
        .unwrap_or(DEFAULT_COLOUR)
        .to_ascii_lowercase();
    let dark = config::parse_hex(&colour)
        .map(|(r, g, b)| {
            let d = |x: u8| (f64::from(x) * 0.75).round() as u8;
            format!("#{:02x}{:02x}{:02x}", d(r), d(g), d(b))
        })
        .unwrap_or_else(|| colour.clone());
    let (id, nome, url) =
        config::licence(c.licenza.as_deref().unwrap_or("CC-BY-4.0")).unwrap_or(config::LICENCES[0]);
    SiteView {
        ente: &c.ente,
        titolo: &c.titolo,
        base_url: &c.base_url,
        aggiornato_il: c.aggiornato_il.to_string(),
        aggiornato_il_testo: c.aggiornato_il.italian(),
        pubblicato_il: c.pubblicato_il.map(|d| d.to_string()),
        pubblicato_il_testo: c.pubblicato_il.map(|d| d.italian()),
        testi: TextsView::plain(&model::SITE, |key| c.text(key)),
        fonte: c.fonte.as_ref().map(|f| FonteView {
            titolo: f.titolo.as_deref(),
            atto: f.atto.as_deref(),
            url: f.url.as_deref(),
            sostituisce: &f.sostituisce,
        }),
        percorso: c
            .percorso
            .iter()
            .map(|p| LinkView {
                titolo: p.titolo.clone(),
                url: p.url.clone(),
            })
            .collect(),
        licenza: LicenceView { id, nome, url },
        collegamenti: &c.collegamenti,
        colore_primario: colour,
        colore_primario_scuro: dark,
        lingua: c.lingua.as_deref().unwrap_or(crate::theme::DEFAULT_LANG),
        totali: shared.totals,
        nav,
        valido_dal: c.valido_dal.map(|d| d.to_string()),
        valido_dal_testo: c.valido_dal.map(|d| d.italian()),
        valido_al: c.valido_al.map(|d| d.to_string()),
        valido_al_testo: c.valido_al.map(|d| d.italian()),
        non_in_vigore: c.valido_al.is_some_and(|al| al < shared.today),
        edizione_corrente: c.edizione_corrente.as_deref().map(str::trim),
        altre_attivita: c.altre_attivita.map(AltreAttivita::key),
        altre_attivita_testo: c.altre_attivita.map(altre_attivita_testo),
        citazione_regola: citation_of(c.altre_attivita, &c.altre_attivita_citazione),
        elenco_parziale: shared.elenco_parziale,
        regola_ogni_unita: shared.regola_ogni_unita,
        comuni_elenchi: CommonCounts {
            smartizzabili: c.smartizzabili.len(),
            parzialmente_smartizzabili: c.parzialmente_smartizzabili.len(),
            non_smartizzabili: c.non_smartizzabili.len(),
        },
        criteri_html: shared.criteri_html.clone(),
    }
}

/// The act's sentence for a rule, only beside the rule it states (`check`
/// warns about a citation alone), trimmed; `None` when empty.
pub(crate) fn citation_of(rule: Option<AltreAttivita>, citation: &Option<String>) -> Option<&str> {
    rule.and(citation.as_deref())
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

/// A unit's rule for the activities it does not list: its own, else the site's.
pub(crate) fn rule_of(site: &Site, u: &Unit) -> Option<AltreAttivita> {
    u.altre_attivita.or(site.config.altre_attivita)
}

/// Ids the home page uses for itself, which common activities must not take.
const HOME_IDS: &[&str] = &[
    "main-container",
    "footer",
    "contenuto",
    "attivita-comuni",
    "comuni-smartizzabili",
    "comuni-parzialmente-smartizzabili",
    "comuni-non-smartizzabili",
    "scarica-i-dati",
    "ricerca-home-q",
    "criteri",
];

/// The activities of `_sito.yaml` (common to every office, or the whole
/// catalogue when there are no unit files), as a unit without a page: its
/// `slug` and `url` are empty and its anchors are on the home page.
pub(crate) fn common_view(site: &Site) -> Option<UnitView<'_>> {
    let c = &site.config;
    if c.lists().iter().all(|(_, l)| l.is_empty()) {
        return None;
    }
    let mut used: HashMap<String, usize> = HOME_IDS.iter().map(|s| (s.to_string(), 1)).collect();
    // The home's area headings: `area-<name>`.
    for u in &site.units {
        let name = area_of(u).unwrap_or(NO_AREA);
        used.insert(format!("area-{}", slug::anchor(name, ANCHOR_MAX)), 1);
    }
    used.insert(format!("area-{}", slug::anchor(ALL_UNITS, ANCHOR_MAX)), 1);
    Some(UnitView {
        slug: "",
        nome: if site.units.is_empty() {
            c.ente.trim()
        } else {
            COMMON_NAME
        },
        url: String::new(),
        testi: TextsView::none(),
        smartizzabili: activities(&c.smartizzabili, &mut used),
        parzialmente_smartizzabili: activities(&c.parzialmente_smartizzabili, &mut used),
        non_smartizzabili: activities(&c.non_smartizzabili, &mut used),
        altre_attivita: c.altre_attivita.map(AltreAttivita::key),
        altre_attivita_testo: c.altre_attivita.map(altre_attivita_testo),
        citazione_regola: citation_of(c.altre_attivita, &c.altre_attivita_citazione),
        precedente: None,
        successiva: None,
    })
}

/// The name of the common activities where units are listed beside them.
pub(crate) const COMMON_NAME: &str = "Tutti gli uffici";
/// The group of units without an area, when some others have one.
const NO_AREA: &str = "Altre unità";
/// The one group of units, when none has an area.
const ALL_UNITS: &str = "Unità organizzative";

/// A unit's root-relative URL.
pub(crate) fn unit_url(slug: &str) -> String {
    format!("{slug}/")
}

/// Activities with their stable, page-unique anchors.
fn activities<'a>(
    list: &'a [Activity],
    used: &mut HashMap<String, usize>,
) -> Vec<ActivityView<'a>> {
    list.iter()
        .map(|a| {
            let base = slug::anchor(&a.testo, ANCHOR_MAX);
            let n = used.entry(base.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { base } else { format!("{base}-{n}") };
            ActivityView {
                id,
                testo: a.testo.trim(),
                note_html: a.note.as_deref().map(markdown::to_html),
                ambiti: &a.ambiti,
                condizione: a.condizione.as_deref().map(str::trim),
            }
        })
        .collect()
}

/// Ids the unit template uses for itself, which anchors must not take.
const TEMPLATE_IDS: &[&str] = &[
    "smartizzabili",
    "parzialmente-smartizzabili",
    "non-smartizzabili",
    "main-container",
    "footer",
    "contenuto",
    "criteri",
];

/// The full view of each unit, in catalogue order.
pub fn unit_views(site: &Site) -> Vec<UnitView<'_>> {
    // On every core: each view is its unit's own (its notes as HTML, its
    // anchors); at 10,000 units one core took ~0.4 s while the other
    // waited (issue 25's profile).
    (0..site.units.len())
        .into_par_iter()
        .map(|i| unit_view(site, i))
        .collect()
}

/// The full view of the unit at `i` in catalogue order: its texts, its
/// activities with their anchors, and its neighbours (`precedente`,
/// `successiva`). What its page shows besides comes from `site_view`.
///
/// # Panics
/// When `i` is not an index of `site.units` (callers iterate over them).
pub(crate) fn unit_view(site: &Site, i: usize) -> UnitView<'_> {
    let units = &site.units;
    let u = &units[i];
    let mut used: HashMap<String, usize> =
        TEMPLATE_IDS.iter().map(|s| (s.to_string(), 1)).collect();
    let neighbour = |j: usize| {
        units.get(j).map(|n| Neighbour {
            nome: &n.nome,
            url: unit_url(&n.slug),
        })
    };
    let rule = rule_of(site, u);
    UnitView {
        slug: &u.slug,
        nome: u.nome.trim(),
        url: unit_url(&u.slug),
        testi: TextsView::of(u),
        smartizzabili: activities(&u.smartizzabili, &mut used),
        parzialmente_smartizzabili: activities(&u.parzialmente_smartizzabili, &mut used),
        non_smartizzabili: activities(&u.non_smartizzabili, &mut used),
        altre_attivita: rule.map(AltreAttivita::key),
        altre_attivita_testo: rule.map(altre_attivita_testo),
        citazione_regola: if u.altre_attivita.is_some() {
            citation_of(u.altre_attivita, &u.altre_attivita_citazione)
        } else {
            citation_of(
                site.config.altre_attivita,
                &site.config.altre_attivita_citazione,
            )
        },
        precedente: i.checked_sub(1).and_then(neighbour),
        successiva: neighbour(i + 1),
    }
}

/// The home page's groups: units by area, areas in order of their first unit,
/// units without an area last under "Altre unità" (or all under "Unità
/// organizzative" when no unit has an area); and the common activities.
pub(crate) fn home_view(site: &Site) -> HomeView<'_> {
    let mut aree: Vec<AreaView> = Vec::new();
    let mut index: HashMap<Option<&str>, usize> = HashMap::new();
    let grouped = site.units.iter().any(|u| area_of(u).is_some());
    for u in &site.units {
        let key = area_of(u);
        let i = *index.entry(key).or_insert_with(|| {
            aree.push(AreaView {
                nome: key.unwrap_or(if grouped { NO_AREA } else { ALL_UNITS }),
                id: String::new(),
                unita: Vec::new(),
                smartizzabili: 0,
                parzialmente_smartizzabili: 0,
                non_smartizzabili: 0,
            });
            aree.len() - 1
        });
        let area = &mut aree[i];
        area.smartizzabili += u.smartizzabili.len();
        area.parzialmente_smartizzabili += u.parzialmente_smartizzabili.len();
        area.non_smartizzabili += u.non_smartizzabili.len();
        area.unita.push(UnitSummary {
            slug: &u.slug,
            nome: u.nome.trim(),
            url: unit_url(&u.slug),
            testi: TextsView::plain(&model::UNIT, |key| u.text(key)),
            smartizzabili: u.smartizzabili.len(),
            parzialmente_smartizzabili: u.parzialmente_smartizzabili.len(),
            non_smartizzabili: u.non_smartizzabili.len(),
            altre_attivita: rule_of(site, u).map(AltreAttivita::key),
        });
    }
    if let Some(none) = index.get(&None).copied() {
        let last = aree.remove(none);
        aree.push(last);
    }
    let mut ids: HashMap<String, usize> = HashMap::new();
    for a in &mut aree {
        let base = format!("area-{}", slug::anchor(a.nome, ANCHOR_MAX));
        let n = ids.entry(base.clone()).or_insert(0);
        *n += 1;
        a.id = if *n == 1 { base } else { format!("{base}-{n}") };
    }
    HomeView {
        intro_html: site.intro.as_deref().map(markdown::to_html),
        comuni: common_view(site),
        aree,
        pagine: site
            .pages
            .iter()
            .map(|p| PageLink {
                slug: &p.slug,
                titolo: &p.titolo,
                url: format!("{}/", p.slug),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::{SiteConfig, Unit};

    const SITE_YAML: &str = "\
ente: Comune di Prova
titolo: Lavoro agile
base_url: https://www.comune.prova.it/lavoro-agile/
aggiornato_il: 2026-11-26
";

    /// A site from the text of its `_sito.yaml` (after [`SITE_YAML`]) and
    /// of its units.
    fn site(settings: &str, units: &[&str]) -> Site {
        let config: SiteConfig = serde_yaml::from_str(&format!("{SITE_YAML}{settings}")).unwrap();
        let units = units
            .iter()
            .enumerate()
            .map(|(i, text)| {
                Arc::new(Unit {
                    slug: format!("u{i}"),
                    data: serde_yaml::from_str(text).unwrap(),
                    ..Unit::default()
                })
            })
            .collect();
        Site {
            config,
            intro: None,
            units,
            pages: Vec::new(),
        }
    }

    fn json(v: &impl Serialize) -> serde_json::Value {
        serde_json::to_value(v).unwrap()
    }

    /// A unit's summary: its name and its two counts.
    type Counts = (String, usize, usize);

    /// The home page's summaries: (area, [(unit, smartizzabili, non smartizzabili)]).
    fn summaries(site: &Site) -> Vec<(String, Vec<Counts>)> {
        home_view(site)
            .aree
            .iter()
            .map(|a| {
                let units = a
                    .unita
                    .iter()
                    .map(|u| (u.nome.to_string(), u.smartizzabili, u.non_smartizzabili))
                    .collect();
                (a.nome.to_string(), units)
            })
            .collect()
    }

    #[test]
    fn totals_count_both_sides_with_the_common_activities() {
        let s = site(
            "smartizzabili: [Posta]\n",
            &[
                "nome: Tributi\nsmartizzabili: [Avvisi, Rimborsi]\n",
                "nome: Polizia\nnon_smartizzabili: [Pattuglia, Rilievi, Sportello]\n",
            ],
        );
        let t = totals(&s);
        assert_eq!(
            t,
            Totals {
                unita: 2,
                aree: 0,
                comuni: 1,
                smartizzabili: 3,
                parzialmente_smartizzabili: 0,
                non_smartizzabili: 3,
                attivita: 6,
                percentuale_smartizzabili: 50,
                percentuale_parzialmente_smartizzabili: 0,
            }
        );
    }

    #[test]
    fn activities_in_part_are_counted_apart_and_their_share_never_overflows() {
        let s = site(
            "parzialmente_smartizzabili: [{testo: Protocollo, condizione: a turni}]\n",
            &[
                "nome: Tributi\nsmartizzabili: [Avvisi]\nparzialmente_smartizzabili: [Sportello]\n",
                "nome: Polizia\nnon_smartizzabili: [Pattuglia]\n",
            ],
        );
        let t = totals(&s);
        assert_eq!(
            (
                t.comuni,
                t.smartizzabili,
                t.parzialmente_smartizzabili,
                t.non_smartizzabili,
                t.attivita
            ),
            (1, 1, 2, 1, 4)
        );
        assert_eq!(
            (
                t.percentuale_smartizzabili,
                t.percentuale_parzialmente_smartizzabili
            ),
            (25, 50)
        );
        // 1 and 1 of 2 round to 50 + 50; of 3 (33 + 33), of 8 (13 + 13)...
        // never past 100 together.
        for (smart, part, non) in [(1, 1, 0), (1, 1, 1), (1, 1, 6), (3, 3, 2), (1, 2, 0)] {
            let list = |n: usize, p: &str| {
                (0..n)
                    .map(|i| format!("{p}{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let s = site(
                "",
                &[&format!(
                    "nome: U\nsmartizzabili: [{}]\nparzialmente_smartizzabili: [{}]\nnon_smartizzabili: [{}]\n",
                    list(smart, "S"),
                    list(part, "P"),
                    list(non, "N")
                )],
            );
            let t = totals(&s);
            assert!(
                t.percentuale_smartizzabili + t.percentuale_parzialmente_smartizzabili <= 100,
                "{smart} {part} {non}: {t:?}"
            );
        }
        // The condition reaches the view, trimmed; the other lists have none.
        let common = common_view(&s).unwrap();
        assert_eq!(
            common.parzialmente_smartizzabili[0].condizione,
            Some("a turni")
        );
        let unit = unit_view(&s, 0);
        assert_eq!(unit.smartizzabili[0].condizione, None);
        assert_eq!(unit.parzialmente_smartizzabili[0].id, "sportello");
    }

    #[test]
    fn the_percentage_is_rounded_half_up_and_zero_without_activities() {
        let pct = |smart: usize, non: usize| {
            let names = |n: usize| {
                (0..n)
                    .map(|i| format!("A{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let unit = format!(
                "nome: U\nsmartizzabili: [{}]\nnon_smartizzabili: [{}]\n",
                names(smart),
                names(non)
            );
            totals(&site("", &[&unit])).percentuale_smartizzabili
        };
        assert_eq!(pct(1, 2), 33);
        assert_eq!(pct(2, 1), 67);
        assert_eq!(pct(1, 7), 13, "12.5 rounds up");
        assert_eq!(pct(3, 0), 100);
        assert_eq!(pct(0, 3), 0);
        assert_eq!(pct(0, 0), 0, "no activity: no division by zero");
    }

    #[test]
    fn an_empty_catalogue_says_nothing_rather_than_zeros_of_units() {
        let s = site("", &[]);
        assert_eq!(totals(&s).attivita, 0);
        assert_eq!(totals(&s).unita, 0);
        let home = home_view(&s);
        assert!(home.aree.is_empty());
        assert!(home.comuni.is_none());
    }

    #[test]
    fn units_are_grouped_by_area_and_the_ones_without_come_last() {
        let s = site(
            "",
            &[
                "nome: Anagrafe\nsmartizzabili: [Certificati]\n",
                "nome: Tributi\narea: ' Finanze '\nsmartizzabili: [Avvisi]\nnon_smartizzabili: [Sportello]\n",
                "nome: Ragioneria\narea: Finanze\nsmartizzabili: [Mandati, Stipendi]\n",
                "nome: Cantieri\narea: Tecnica\nnon_smartizzabili: [Sopralluoghi]\n",
            ],
        );
        assert_eq!(totals(&s).aree, 2, "an area is counted once, trimmed");
        assert_eq!(
            summaries(&s),
            [
                (
                    "Finanze".to_string(),
                    vec![("Tributi".into(), 1, 1), ("Ragioneria".into(), 2, 0)]
                ),
                ("Tecnica".into(), vec![("Cantieri".into(), 0, 1)]),
                ("Altre unità".into(), vec![("Anagrafe".into(), 1, 0)]),
            ]
        );
        let home = home_view(&s);
        let finanze = &home.aree[0];
        assert_eq!((finanze.smartizzabili, finanze.non_smartizzabili), (3, 1));
        let ids: Vec<&str> = home.aree.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["area-finanze", "area-tecnica", "area-altre-unita"]);
    }

    #[test]
    fn without_areas_every_unit_is_in_one_group() {
        let s = site("", &["nome: A\n", "nome: B\narea: '  '\n"]);
        assert_eq!(
            summaries(&s),
            [(
                "Unità organizzative".to_string(),
                vec![("A".into(), 0, 0), ("B".into(), 0, 0)]
            )]
        );
    }

    /// A summary carries every plain text field the unit's declaration
    /// publishes (a new one reaches the home page without code here), and
    /// no Markdown.
    #[test]
    fn a_summary_says_the_units_plain_text_fields() {
        let s = site(
            "",
            &["nome: Tributi\nresponsabile: Dott.ssa Rossi\ndescrizione: '*Uffici*'\n"],
        );
        let home = home_view(&s);
        let summary = json(&home.aree[0].unita[0]);
        assert_eq!(summary["responsabile"], "Dott.ssa Rossi");
        assert_eq!(summary["area"], serde_json::Value::Null);
        for f in model::UNIT.published() {
            let plain = matches!(f.published, Published::Text(_));
            assert_eq!(summary.get(f.key).is_some(), plain, "{}", f.key);
        }
        assert!(summary.get("descrizione_html").is_none());
    }

    /// A unit's view, serialised by hand, is what `#[serde(flatten)]` of
    /// its texts gave: its own fields and, among them, every text field
    /// as written and every Markdown one as `<key>_html`.
    #[test]
    fn a_units_view_has_its_text_fields_among_its_own() {
        let s = site(
            "",
            &[
                "nome: Tributi\nresponsabile: Rossi\ndescrizione: '*Uffici*'\nsmartizzabili: [Avvisi]\n",
                "nome: Polizia\n",
            ],
        );
        let view = json(&unit_view(&s, 0));
        let own = [
            "slug",
            "nome",
            "url",
            "smartizzabili",
            "parzialmente_smartizzabili",
            "non_smartizzabili",
            "altre_attivita",
            "altre_attivita_testo",
            "citazione_regola",
            "precedente",
            "successiva",
        ];
        let texts: Vec<String> = model::UNIT
            .published()
            .map(|f| match f.published {
                Published::Markdown(_) => format!("{}_html", f.key),
                _ => f.key.to_string(),
            })
            .collect();
        let mut keys: Vec<&str> = view
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected: Vec<&str> = own
            .into_iter()
            .chain(texts.iter().map(String::as_str))
            .collect();
        keys.sort_unstable();
        expected.sort_unstable();
        assert_eq!(keys, expected);
        assert_eq!(view["responsabile"], "Rossi");
        assert_eq!(view["descrizione_html"], "<p><em>Uffici</em></p>\n");
        assert_eq!(view["area"], serde_json::Value::Null);
        assert_eq!(view["smartizzabili"][0]["testo"], "Avvisi");
        assert_eq!(view["successiva"]["url"], "u1/");
        assert_eq!(view["precedente"], serde_json::Value::Null);
    }

    #[test]
    fn a_unit_without_a_rule_of_its_own_follows_the_sites() {
        let s = site(
            "altre_attivita: non_smartizzabili\n",
            &[
                "nome: A\nsmartizzabili: [Uno]\n",
                "nome: B\naltre_attivita: smartizzabili\n",
            ],
        );
        let home = home_view(&s);
        let rules: Vec<_> = home.aree[0]
            .unita
            .iter()
            .map(|u| u.altre_attivita)
            .collect();
        assert_eq!(rules, [Some("non_smartizzabili"), Some("smartizzabili")]);
        assert!(Shared::new(&s, Date::from_days(0)).elenco_parziale);
        let none = site("", &["nome: A\n"]);
        assert!(!Shared::new(&none, Date::from_days(0)).elenco_parziale);
    }

    #[test]
    fn the_common_activities_are_named_for_every_office_or_for_the_body() {
        let with_units = site("smartizzabili: [Criteri, Posta]\n", &["nome: A\n"]);
        let common = common_view(&with_units).unwrap();
        assert_eq!(common.nome, COMMON_NAME);
        // `criteri` is the home page's own section: the anchor moves aside.
        let ids: Vec<&str> = common.smartizzabili.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["criteri-2", "posta"]);
        let alone = site("non_smartizzabili: [Sportello]\n", &[]);
        assert_eq!(common_view(&alone).unwrap().nome, "Comune di Prova");
        assert!(common_view(&site("", &["nome: A\n"])).is_none());
    }

    #[test]
    fn an_act_past_its_end_is_not_in_force() {
        let s = site("valido_al: 2026-06-30\n", &[]);
        let view = |today: &str| {
            let shared = Shared::new(&s, Date::parse(today).unwrap());
            site_view(&s, &shared, Vec::new()).non_in_vigore
        };
        assert!(!view("2026-06-30"));
        assert!(view("2026-07-01"));
    }

    /// Every key of `_sito.yaml` reaches the templates' `site` as `<key>`,
    /// `<key>_testo` or `<key>_html`, or is named here with where it goes:
    /// a site field added to the model without a way to the pages fails.
    #[test]
    fn every_site_key_reaches_the_templates() {
        let s = site("", &[]);
        let shared = Shared::new(&s, Date::from_days(0));
        let view = json(&site_view(&s, &shared, Vec::new()));
        let elsewhere = [
            // The theme to load (`theme`), not something to show.
            "tema",
            // The common activities: the home page's `comuni`.
            "smartizzabili",
            "parzialmente_smartizzabili",
            "non_smartizzabili",
        ];
        for key in SiteConfig::KEYS {
            let shown = [
                key.to_string(),
                format!("{key}_testo"),
                format!("{key}_html"),
            ]
            .iter()
            .any(|k| view.get(k).is_some());
            assert!(
                shown || elsewhere.contains(key),
                "`{key}` of _sito.yaml is not in the templates' `site`"
            );
        }
        assert_eq!(view["periodo"], serde_json::Value::Null);
        let s = site("periodo: 2026-2028\ncodice_ipa: c_x000\n", &[]);
        let view = json(&site_view(&s, &shared, Vec::new()));
        assert_eq!(
            (view["periodo"].as_str(), view["codice_ipa"].as_str()),
            (Some("2026-2028"), Some("c_x000"))
        );
    }
}
