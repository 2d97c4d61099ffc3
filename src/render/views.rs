//! View structs: what templates see (documented in
//! `themes/default/CONTEXT.md`). They borrow from the model and are built
//! once per build, so the model can change without breaking themes.

use std::collections::HashMap;

use serde::Serialize;

use crate::markdown;
use crate::model::{Activity, Site, Unit};
use crate::slug;
use crate::validate::{self, DEFAULT_COLOUR};

/// Anchors are cut at this many bytes.
const ANCHOR_MAX: usize = 48;

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub ente: &'a str,
    pub titolo: &'a str,
    pub base_url: &'a str,
    pub aggiornato_il: String,
    pub aggiornato_il_testo: String,
    pub pubblicato_il: Option<String>,
    pub pubblicato_il_testo: Option<String>,
    pub periodo: Option<&'a str>,
    pub codice_ipa: Option<&'a str>,
    pub fonte: Option<FonteView<'a>>,
    pub percorso: Vec<LinkView>,
    pub licenza: LicenceView,
    pub collegamenti: &'a crate::model::Collegamenti,
    pub colore_primario: String,
    pub colore_primario_scuro: String,
    pub totali: Totals,
    pub nav: Vec<NavItem>,
}

#[derive(Serialize)]
pub struct FonteView<'a> {
    pub titolo: Option<&'a str>,
    pub atto: Option<&'a str>,
    pub url: Option<&'a str>,
}

#[derive(Serialize, Clone)]
pub struct LinkView {
    pub titolo: String,
    pub url: Option<String>,
}

#[derive(Serialize)]
pub struct LicenceView {
    pub id: &'static str,
    pub nome: &'static str,
    pub url: &'static str,
}

#[derive(Serialize, Clone, Copy)]
pub struct Totals {
    pub unita: usize,
    pub smartizzabili: usize,
    pub non_smartizzabili: usize,
    pub attivita: usize,
    pub percentuale_smartizzabili: usize,
}

#[derive(Serialize, Clone)]
pub struct NavItem {
    pub titolo: String,
    pub url: String,
    pub corrente: bool,
}

#[derive(Serialize)]
pub struct PageView {
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
}

#[derive(Serialize)]
pub struct Neighbour<'a> {
    pub nome: &'a str,
    pub url: String,
}

#[derive(Serialize)]
pub struct UnitView<'a> {
    pub slug: &'a str,
    pub nome: &'a str,
    pub url: String,
    pub area: Option<&'a str>,
    pub responsabile: Option<&'a str>,
    pub descrizione_html: Option<String>,
    pub smartizzabili: Vec<ActivityView<'a>>,
    pub non_smartizzabili: Vec<ActivityView<'a>>,
    pub precedente: Option<Neighbour<'a>>,
    pub successiva: Option<Neighbour<'a>>,
}

#[derive(Serialize)]
pub struct UnitSummary<'a> {
    pub slug: &'a str,
    pub nome: &'a str,
    pub url: String,
    pub responsabile: Option<&'a str>,
    pub smartizzabili: usize,
    pub non_smartizzabili: usize,
}

#[derive(Serialize)]
pub struct AreaView<'a> {
    pub nome: &'a str,
    pub id: String,
    pub unita: Vec<UnitSummary<'a>>,
    pub smartizzabili: usize,
    pub non_smartizzabili: usize,
}

#[derive(Serialize)]
pub struct PageLink<'a> {
    pub slug: &'a str,
    pub titolo: &'a str,
    pub url: String,
}

#[derive(Serialize)]
pub struct HomeView<'a> {
    pub intro_html: Option<String>,
    pub aree: Vec<AreaView<'a>>,
    pub pagine: Vec<PageLink<'a>>,
}

#[derive(Serialize)]
pub struct ExtraPageView<'a> {
    pub slug: &'a str,
    pub titolo: &'a str,
    pub contenuto_html: String,
}

/// Counts over the whole catalogue.
pub fn totals(site: &Site) -> Totals {
    let smart: usize = site.units.iter().map(|u| u.smartizzabili.len()).sum();
    let non: usize = site.units.iter().map(|u| u.non_smartizzabili.len()).sum();
    let all = smart + non;
    Totals {
        unita: site.units.len(),
        smartizzabili: smart,
        non_smartizzabili: non,
        attivita: all,
        percentuale_smartizzabili: (smart * 100 + all / 2).checked_div(all).unwrap_or(0),
    }
}

/// The site-wide part of every page's context.
/// `totals` is computed once per build by the caller ([`totals`]): summing
/// every unit on every page would make a build quadratic in the units.
pub fn site_view(site: &Site, totals: Totals, nav: Vec<NavItem>) -> SiteView<'_> {
    let c = &site.config;
    let colour = c
        .colore_primario
        .as_deref()
        .unwrap_or(DEFAULT_COLOUR)
        .to_ascii_lowercase();
    let dark = validate::parse_hex(&colour)
        .map(|(r, g, b)| {
            let d = |x: u8| (f64::from(x) * 0.75).round() as u8;
            format!("#{:02x}{:02x}{:02x}", d(r), d(g), d(b))
        })
        .unwrap_or_else(|| colour.clone());
    let (id, nome, url) = validate::licence(c.licenza.as_deref().unwrap_or("CC-BY-4.0"))
        .unwrap_or(validate::LICENCES[0]);
    SiteView {
        ente: &c.ente,
        titolo: &c.titolo,
        base_url: &c.base_url,
        aggiornato_il: c.aggiornato_il.to_string(),
        aggiornato_il_testo: c.aggiornato_il.italian(),
        pubblicato_il: c.pubblicato_il.map(|d| d.to_string()),
        pubblicato_il_testo: c.pubblicato_il.map(|d| d.italian()),
        periodo: c.periodo.as_deref(),
        codice_ipa: c.codice_ipa.as_deref(),
        fonte: c.fonte.as_ref().map(|f| FonteView {
            titolo: f.titolo.as_deref(),
            atto: f.atto.as_deref(),
            url: f.url.as_deref(),
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
        totali: totals,
        nav,
    }
}

/// A unit's root-relative URL.
pub fn unit_url(slug: &str) -> String {
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
            }
        })
        .collect()
}

/// Ids the unit template uses for itself, which anchors must not take.
const TEMPLATE_IDS: &[&str] = &[
    "smartizzabili",
    "non-smartizzabili",
    "main-container",
    "footer",
    "contenuto",
];

/// The full view of each unit, in catalogue order.
pub fn unit_views(site: &Site) -> Vec<UnitView<'_>> {
    let units = &site.units;
    units
        .iter()
        .enumerate()
        .map(|(i, u): (usize, &Unit)| {
            let mut used: HashMap<String, usize> =
                TEMPLATE_IDS.iter().map(|s| (s.to_string(), 1)).collect();
            let neighbour = |j: usize| {
                units.get(j).map(|n| Neighbour {
                    nome: &n.nome,
                    url: unit_url(&n.slug),
                })
            };
            UnitView {
                slug: &u.slug,
                nome: u.nome.trim(),
                url: unit_url(&u.slug),
                area: u.area.as_deref(),
                responsabile: u.responsabile.as_deref(),
                descrizione_html: u.descrizione.as_deref().map(markdown::to_html),
                smartizzabili: activities(&u.smartizzabili, &mut used),
                non_smartizzabili: activities(&u.non_smartizzabili, &mut used),
                precedente: i.checked_sub(1).and_then(neighbour),
                successiva: neighbour(i + 1),
            }
        })
        .collect()
}

/// The home page's groups: units by area, areas in order of their first unit,
/// units without an area last under "Altre unità".
pub fn home_view(site: &Site) -> HomeView<'_> {
    let mut aree: Vec<AreaView> = Vec::new();
    let mut index: HashMap<Option<&str>, usize> = HashMap::new();
    for u in &site.units {
        let key = u.area.as_deref().map(str::trim).filter(|a| !a.is_empty());
        let i = *index.entry(key).or_insert_with(|| {
            aree.push(AreaView {
                nome: key.unwrap_or("Altre unità"),
                id: String::new(),
                unita: Vec::new(),
                smartizzabili: 0,
                non_smartizzabili: 0,
            });
            aree.len() - 1
        });
        let area = &mut aree[i];
        area.smartizzabili += u.smartizzabili.len();
        area.non_smartizzabili += u.non_smartizzabili.len();
        area.unita.push(UnitSummary {
            slug: &u.slug,
            nome: u.nome.trim(),
            url: unit_url(&u.slug),
            responsabile: u.responsabile.as_deref(),
            smartizzabili: u.smartizzabili.len(),
            non_smartizzabili: u.non_smartizzabili.len(),
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
