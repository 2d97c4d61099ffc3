//! Earlier editions in the published site: each edition rendered by the same
//! code as the current one under `archivio/<edizione>/` (with the notice that
//! it is no longer in force), the list of editions (`archivio/`), the "Cosa è
//! cambiato" pages (`modifiche/`, and `archivio/<edizione>/modifiche/` against
//! the edition before it) with their open data (`modifiche.csv`,
//! `modifiche.json`), one `sitemap.xml` for everything and the editions'
//! data files added to `dcat-ap_it.jsonld`.
//!
//! Like the rest of `render`: no disk, no clock, deterministic.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::{Value, json};

use super::{Output, PageSpec, Renderer, Units, opendata, render_with, sitemap_of, with};
use crate::archive::{Edition, URL_DIR};
use crate::changes::{self, Changes, Counts, Kind, UnitRef, UnitState};
use crate::diagnostic::Diagnostics;
use crate::model::{Date, Site};
use crate::theme::Theme;
use crate::views::{self, Totals};

/// The changes page's folder and data files, in every edition.
const CHANGES_DIR: &str = "modifiche/";
const CHANGES_CSV: &str = "modifiche.csv";
const CHANGES_JSON: &str = "modifiche.json";

/// What the pages of one rendered edition link to.
pub(crate) struct Links {
    /// The list of editions, relative to this edition's root.
    elenco: String,
    /// This edition's changes page, relative to its root, when it has one.
    modifiche: Option<String>,
    /// Set on an earlier edition: its notice.
    notice: Option<Notice>,
    /// The earlier editions' data files, for the DCAT file (current edition only).
    pub(super) files: Vec<opendata::EditionFile>,
}

struct Notice {
    nome: String,
    periodo: Option<String>,
    aggiornato_il: Date,
    pubblicato_il: Option<Date>,
    /// Page folders of the current edition (`""`, `tabella/`, `<slug>/`).
    current_dirs: HashSet<String>,
}

/// The template's `archivio` (documented in `themes/default/CONTEXT.md`).
#[derive(Serialize)]
pub(crate) struct ArchiveView<'a> {
    pub elenco_url: String,
    pub modifiche_url: Option<String>,
    pub edizione: Option<NoticeView<'a>>,
}

/// The notice of an earlier edition. One struct, one template block: the
/// place where validity dates will go too.
#[derive(Serialize)]
pub(crate) struct NoticeView<'a> {
    pub nome: &'a str,
    pub periodo: Option<&'a str>,
    pub aggiornato_il: String,
    pub aggiornato_il_testo: String,
    pub pubblicato_il: Option<String>,
    pub pubblicato_il_testo: Option<String>,
    /// The same page in the current edition, else its home.
    pub corrente_url: String,
    /// True when `corrente_url` is the same page.
    pub stessa_pagina: bool,
}

impl Links {
    /// The view for the page in folder `dir` whose relative root is `radice`.
    pub(super) fn view(&self, dir: &str, radice: &str) -> ArchiveView<'_> {
        ArchiveView {
            elenco_url: format!("{radice}{}", self.elenco),
            modifiche_url: self.modifiche.as_ref().map(|m| format!("{radice}{m}")),
            edizione: self.notice.as_ref().map(|n| {
                let stessa_pagina = n.current_dirs.contains(dir);
                let target = if stessa_pagina { dir } else { "" };
                NoticeView {
                    nome: &n.nome,
                    periodo: n.periodo.as_deref(),
                    aggiornato_il: n.aggiornato_il.to_string(),
                    aggiornato_il_testo: n.aggiornato_il.italian(),
                    pubblicato_il: n.pubblicato_il.map(|d| d.to_string()),
                    pubblicato_il_testo: n.pubblicato_il.map(|d| d.italian()),
                    corrente_url: format!("{radice}../../{target}"),
                    stessa_pagina,
                }
            }),
        }
    }
}

/// What the current edition's pages link to when there are earlier
/// editions (`None` without them). Its `files` are left empty: only the
/// DCAT file needs them, and [`render_all`] fills them.
pub(crate) fn current_links(editions: &[Edition]) -> Option<Links> {
    editions.first().map(|_| links_of_current(Vec::new()))
}

fn links_of_current(files: Vec<opendata::EditionFile>) -> Links {
    Links {
        elenco: format!("{URL_DIR}/"),
        modifiche: Some(CHANGES_DIR.to_string()),
        notice: None,
        files,
    }
}

/// Renders the current edition and every earlier one (newest first) into
/// one output. Without editions it is exactly [`super::render`].
pub(crate) fn render_all(
    site: &Site,
    editions: &[Edition],
    theme: &Theme,
    today: Date,
    diags: &mut Diagnostics,
) -> Option<Output> {
    render_all_with(site, editions, theme, today, Units::All, diags)
}

/// [`render_all`] with the current edition's unit pages as `units` says.
pub(crate) fn render_all_with(
    site: &Site,
    editions: &[Edition],
    theme: &Theme,
    today: Date,
    units: Units,
    diags: &mut Diagnostics,
) -> Option<Output> {
    let Some(newest) = editions.first() else {
        return render_with(site, theme, today, None, units, diags);
    };
    // Page folders of the current edition, for the notices' links.
    let mut current_dirs: HashSet<String> = ["", "tabella/", "cerca/"]
        .into_iter()
        .map(str::to_string)
        .collect();
    current_dirs.extend(site.units.iter().map(|u| format!("{}/", u.slug)));
    current_dirs.extend(site.pages.iter().map(|p| format!("{}/", p.slug)));

    // The editions first: the current DCAT file describes their data files.
    let mut ok = true;
    let mut rendered: Vec<(&Edition, Output)> = Vec::new();
    for (i, e) in editions.iter().enumerate() {
        let before = editions.get(i + 1);
        let c = &e.site.config;
        let links = Links {
            elenco: "../".to_string(),
            modifiche: before.map(|_| CHANGES_DIR.to_string()),
            notice: Some(Notice {
                nome: e.name.clone(),
                periodo: c.periodo.clone(),
                aggiornato_il: c.aggiornato_il,
                pubblicato_il: c.pubblicato_il,
                current_dirs: current_dirs.clone(),
            }),
            files: Vec::new(),
        };
        let Some(mut eout) = render_with(&e.site, theme, today, Some(&links), Units::All, diags)
        else {
            ok = false;
            continue;
        };
        if let Some(prev) = before {
            let r = Renderer::new(&e.site, theme, today, Some(&links));
            let compared = Compared {
                old: prev,
                old_prefix: format!("../{}/", prev.name),
                new: &e.site,
                new_label: edition_label(e),
            };
            ok &= add_changes(&r, &compared, &mut eout, diags);
        }
        rendered.push((e, eout));
    }

    let links = links_of_current(edition_files(&rendered));
    let mut out = render_with(site, theme, today, Some(&links), units, diags)?;
    let r = Renderer::new(site, theme, today, Some(&links));
    let compared = Compared {
        old: newest,
        old_prefix: newest.dir(),
        new: site,
        new_label: "Edizione in vigore".to_string(),
    };
    ok &= add_changes(&r, &compared, &mut out, diags);
    for (e, eout) in rendered {
        let dir = e.dir();
        for (path, bytes) in eout.files {
            // One sitemap, robots.txt and 404 page for the whole site.
            if matches!(path.as_str(), "sitemap.xml" | "robots.txt" | "404.html") {
                continue;
            }
            out.add(format!("{dir}{path}"), bytes);
        }
    }

    let list = list_view(site, editions);
    let page = r.page(
        PageSpec {
            tipo: "archivio",
            dir: format!("{URL_DIR}/"),
            file: format!("{URL_DIR}/index.html"),
            current: "-".to_string(),
            titolo: "Edizioni precedenti".to_string(),
            descrizione: format!(
                "{}: le edizioni precedenti del catalogo delle attività smartizzabili, pubblicate per cinque anni.",
                site.config.ente
            ),
        },
        "archive.html",
        with("edizioni", &list),
    );
    match page {
        Ok((path, html)) => out.add(path, html),
        Err(d) => {
            diags.push(d);
            ok = false;
        }
    }
    if !ok {
        return None;
    }

    let lastmods: Vec<(String, Date)> = out
        .page_urls()
        .into_iter()
        .map(|url| {
            let date = editions
                .iter()
                .find(|e| url.starts_with(&e.dir()))
                .map_or(site.config.aggiornato_il, |e| e.site.config.aggiornato_il);
            (url, date)
        })
        .collect();
    out.add("sitemap.xml", sitemap_of(&site.config.base_url, &lastmods));
    Some(out)
}

/// Each edition's `catalogo.csv` and `catalogo.json`, with its period, for
/// the current DCAT file.
fn edition_files(rendered: &[(&Edition, Output)]) -> Vec<opendata::EditionFile> {
    let mut files = Vec::new();
    for (e, out) in rendered {
        let (c, dir) = (&e.site.config, e.dir());
        let period = c
            .periodo
            .as_deref()
            .map(|p| format!(", periodo {}", p.trim()))
            .unwrap_or_default();
        for (file, schema, what) in [
            ("catalogo.csv", "catalogo.csv-metadata.json", "CSV"),
            ("catalogo.json", "catalogo.schema.json", "JSON"),
        ] {
            files.push(opendata::EditionFile {
                path: format!("{dir}{file}"),
                schema: format!("{dir}{schema}"),
                title: format!("Edizione {}{period}: catalogo in {what} (non più in vigore)", e.name),
                description: {
                    let date = c.aggiornato_il.italian();
                    format!(
                        "Edizione precedente del catalogo{period}, aggiornata {}{date}: non più in vigore, pubblicata per cinque anni (D.Lgs. 33/2013, art. 8).",
                        crate::italian::before("al", &date)
                    )
                },
                modified: c.aggiornato_il,
                size: out.files.get(file).map_or(0, Vec::len),
            });
        }
    }
    files
}

fn edition_label(e: &Edition) -> String {
    format!("Edizione {}", e.name)
}

/// Two editions to compare; `old_prefix` is the earlier edition's root
/// relative to the later one's (`archivio/2025/`, `../2024/`).
struct Compared<'a> {
    old: &'a Edition,
    old_prefix: String,
    new: &'a Site,
    new_label: String,
}

#[derive(Serialize)]
struct EditionLink<'a> {
    nome: String,
    periodo: Option<&'a str>,
    /// Root-relative.
    url: String,
    totali: Totals,
}

/// Differences of the totals, signed (`+3`, `−2`, `0`).
#[derive(Serialize)]
struct Difference {
    unita: String,
    attivita: String,
    smartizzabili: String,
    non_smartizzabili: String,
    percentuale_smartizzabili: String,
}

#[derive(Serialize)]
struct ChangesView<'a> {
    prima: EditionLink<'a>,
    dopo: EditionLink<'a>,
    differenza: Difference,
    conteggi: Counts,
    unita: Vec<UnitChangeView>,
    /// The similarity threshold of the matching rule, in percent.
    soglia: u32,
}

#[derive(Serialize)]
struct UnitChangeView {
    stato: UnitState,
    nome: String,
    nome_prima: Option<String>,
    url_prima: Option<String>,
    url_dopo: Option<String>,
    attivita: Vec<ActivityChangeView>,
}

#[derive(Serialize)]
struct ActivityChangeView {
    tipo: Kind,
    testo_prima: Option<String>,
    testo_dopo: Option<String>,
    elenco_prima: Option<&'static str>,
    elenco_dopo: Option<&'static str>,
    /// Root-relative: `<prefix><slug>/#<anchor>`.
    url_prima: Option<String>,
    url_dopo: Option<String>,
}

fn signed(d: i64) -> String {
    match d {
        d if d > 0 => format!("+{d}"),
        d if d < 0 => format!("−{}", -d),
        _ => "0".to_string(),
    }
}

fn diff(a: usize, b: usize) -> String {
    signed(b as i64 - a as i64)
}

/// A change of percentage: `+1 punto`, `−3 punti`, `0 punti`.
fn points(a: usize, b: usize) -> String {
    let d = diff(a, b);
    let unit = if a.abs_diff(b) == 1 { "punto" } else { "punti" };
    format!("{d} {unit}")
}

fn refs<'a>(units: &'a [views::UnitView<'a>]) -> Vec<UnitRef<'a>> {
    let acts = |v: &'a [views::ActivityView<'a>]| {
        v.iter()
            .map(|a| changes::ActivityRef {
                id: &a.id,
                testo: a.testo,
            })
            .collect()
    };
    units
        .iter()
        .map(|u| UnitRef {
            slug: u.slug,
            nome: u.nome,
            smartizzabili: acts(&u.smartizzabili),
            non_smartizzabili: acts(&u.non_smartizzabili),
        })
        .collect()
}

fn list_name(smart: bool) -> &'static str {
    if smart {
        "smartizzabili"
    } else {
        "non smartizzabili"
    }
}

fn changes_view<'a>(c: &'a Compared, found: &Changes) -> ChangesView<'a> {
    let (tp, td) = (views::totals(&c.old.site), views::totals(c.new));
    let link = |prefix: &str, slug: &Option<String>, id: Option<&str>| {
        slug.as_ref().map(|s| match id {
            Some(id) => format!("{prefix}{s}/#{id}"),
            None => format!("{prefix}{s}/"),
        })
    };
    let unita = found
        .unita
        .iter()
        .map(|u| UnitChangeView {
            stato: u.stato,
            nome: u
                .nome_dopo
                .clone()
                .or_else(|| u.nome_prima.clone())
                .unwrap_or_default(),
            nome_prima: u
                .nome_prima
                .clone()
                .filter(|p| Some(p) != u.nome_dopo.as_ref()),
            url_prima: link(&c.old_prefix, &u.slug_prima, None),
            url_dopo: link("", &u.slug_dopo, None),
            attivita: u
                .attivita
                .iter()
                .map(|a| ActivityChangeView {
                    tipo: a.tipo,
                    testo_prima: a.prima.as_ref().map(|s| s.testo.clone()),
                    testo_dopo: a.dopo.as_ref().map(|s| s.testo.clone()),
                    elenco_prima: a.prima.as_ref().map(|s| list_name(s.smartizzabile)),
                    elenco_dopo: a.dopo.as_ref().map(|s| list_name(s.smartizzabile)),
                    url_prima: a
                        .prima
                        .as_ref()
                        .and_then(|s| link(&c.old_prefix, &u.slug_prima, Some(&s.id))),
                    url_dopo: a
                        .dopo
                        .as_ref()
                        .and_then(|s| link("", &u.slug_dopo, Some(&s.id))),
                })
                .collect(),
        })
        .collect();
    ChangesView {
        prima: EditionLink {
            nome: edition_label(c.old),
            periodo: c.old.site.config.periodo.as_deref(),
            url: c.old_prefix.clone(),
            totali: tp,
        },
        dopo: EditionLink {
            nome: c.new_label.clone(),
            periodo: c.new.config.periodo.as_deref(),
            url: String::new(),
            totali: td,
        },
        differenza: Difference {
            unita: diff(tp.unita, td.unita),
            attivita: diff(tp.attivita, td.attivita),
            smartizzabili: diff(tp.smartizzabili, td.smartizzabili),
            non_smartizzabili: diff(tp.non_smartizzabili, td.non_smartizzabili),
            percentuale_smartizzabili: points(
                tp.percentuale_smartizzabili,
                td.percentuale_smartizzabili,
            ),
        },
        conteggi: found.conteggi,
        unita,
        soglia: (changes::SIMILARITY * 100.0).round() as u32,
    }
}

/// Adds `modifiche/index.html`, `modifiche.csv` and `modifiche.json` to the
/// later edition's output `out`. False when the template failed.
fn add_changes(r: &Renderer, c: &Compared, out: &mut Output, diags: &mut Diagnostics) -> bool {
    let (old_units, new_units) = (views::unit_views(&c.old.site), views::unit_views(c.new));
    let found = changes::compare(&refs(&old_units), &refs(&new_units));
    let view = changes_view(c, &found);
    let ente = &c.new.config.ente;
    let page = r.page(
        PageSpec {
            tipo: "modifiche",
            dir: CHANGES_DIR.to_string(),
            file: format!("{CHANGES_DIR}index.html"),
            current: "-".to_string(),
            titolo: "Cosa è cambiato".to_string(),
            descrizione: format!(
                "{ente}: le attività smartizzabili aggiunte, tolte, spostate e modificate rispetto all'edizione precedente del catalogo."
            ),
        },
        "changes.html",
        with("modifiche", &view),
    );
    let (old_base, new_base) = (&c.old.site.config.base_url, &c.new.config.base_url);
    out.add(CHANGES_CSV, changes_csv(&view, c, old_base, new_base));
    out.add(CHANGES_JSON, changes_json(&view, c, old_base, new_base));
    match page {
        Ok((path, html)) => {
            out.add(path, html);
            true
        }
        Err(d) => {
            diags.push(d);
            false
        }
    }
}

/// An absolute URL from a root-relative one of the changes view.
fn absolute(base: &str, prefix: &str, url: &Option<String>) -> String {
    url.as_deref()
        .map(|u| format!("{base}{}", u.strip_prefix(prefix).unwrap_or(u)))
        .unwrap_or_default()
}

/// Columns of `modifiche.csv`.
pub(crate) const CHANGES_COLUMNS: [&str; 9] = [
    "tipo",
    "unita_nome",
    "unita_stato",
    "elenco_prima",
    "elenco_dopo",
    "attivita_prima",
    "attivita_dopo",
    "url_prima",
    "url_dopo",
];

fn changes_csv(v: &ChangesView, c: &Compared, old_base: &str, new_base: &str) -> String {
    let mut out = String::new();
    opendata::push_record(&mut out, CHANGES_COLUMNS.into_iter());
    let kind = |k: Kind| match k {
        Kind::Aggiunta => "aggiunta",
        Kind::Rimossa => "rimossa",
        Kind::Spostata => "spostata",
        Kind::Modificata => "modificata",
    };
    let state = |s: UnitState| match s {
        UnitState::Aggiunta => "aggiunta",
        UnitState::Rimossa => "rimossa",
        UnitState::Modificata => "modificata",
    };
    for u in &v.unita {
        for a in &u.attivita {
            let (up, ud) = (
                absolute(old_base, &c.old_prefix, &a.url_prima),
                absolute(new_base, "", &a.url_dopo),
            );
            let fields = [
                kind(a.tipo),
                &u.nome,
                state(u.stato),
                a.elenco_prima.unwrap_or(""),
                a.elenco_dopo.unwrap_or(""),
                a.testo_prima.as_deref().unwrap_or(""),
                a.testo_dopo.as_deref().unwrap_or(""),
                &up,
                &ud,
            ];
            opendata::push_record(&mut out, fields.into_iter());
        }
    }
    out
}

fn changes_json(v: &ChangesView, c: &Compared, old_base: &str, new_base: &str) -> Vec<u8> {
    let edition = |e: &EditionLink, base: &str| json!({"nome": e.nome, "periodo": e.periodo, "url": base, "totali": e.totali});
    let unita: Vec<Value> = v
        .unita
        .iter()
        .map(|u| {
            let attivita: Vec<Value> = u
                .attivita
                .iter()
                .map(|a| {
                    json!({
                        "tipo": a.tipo,
                        "elenco_prima": a.elenco_prima,
                        "elenco_dopo": a.elenco_dopo,
                        "testo_prima": a.testo_prima,
                        "testo_dopo": a.testo_dopo,
                        "url_prima": a.url_prima.as_ref().map(|_| absolute(old_base, &c.old_prefix, &a.url_prima)),
                        "url_dopo": a.url_dopo.as_ref().map(|_| absolute(new_base, "", &a.url_dopo)),
                    })
                })
                .collect();
            json!({
                "nome": u.nome,
                "nome_prima": u.nome_prima,
                "stato": u.stato,
                "url_prima": u.url_prima.as_ref().map(|_| absolute(old_base, &c.old_prefix, &u.url_prima)),
                "url_dopo": u.url_dopo.as_ref().map(|_| absolute(new_base, "", &u.url_dopo)),
                "attivita": attivita,
            })
        })
        .collect();
    let doc = json!({
        "prima": edition(&v.prima, old_base),
        "dopo": edition(&v.dopo, new_base),
        "conteggi": v.conteggi,
        "regola": format!(
            "attività abbinate per ancora (testo senza maiuscole, accenti e punteggiatura), poi per somiglianza dei caratteri di almeno {}%",
            v.soglia
        ),
        "unita": unita,
    });
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[derive(Serialize)]
struct EditionSummary<'a> {
    nome: String,
    in_vigore: bool,
    periodo: Option<&'a str>,
    pubblicato_il: Option<String>,
    pubblicato_il_testo: Option<String>,
    aggiornato_il: String,
    aggiornato_il_testo: String,
    atto: Option<&'a str>,
    /// Root-relative.
    url: String,
    modifiche_url: Option<String>,
    totali: Totals,
}

fn summary<'a>(site: &'a Site, nome: String, url: String, changes: bool) -> EditionSummary<'a> {
    let c = &site.config;
    EditionSummary {
        nome,
        in_vigore: url.is_empty(),
        periodo: c.periodo.as_deref(),
        pubblicato_il: c.pubblicato_il.map(|d| d.to_string()),
        pubblicato_il_testo: c.pubblicato_il.map(|d| d.italian()),
        aggiornato_il: c.aggiornato_il.to_string(),
        aggiornato_il_testo: c.aggiornato_il.italian(),
        atto: c
            .fonte
            .as_ref()
            .and_then(|f| f.atto.as_deref().or(f.titolo.as_deref())),
        modifiche_url: changes.then(|| format!("{url}{CHANGES_DIR}")),
        url,
        totali: views::totals(site),
    }
}

/// The current edition, then every earlier one, newest first.
fn list_view<'a>(site: &'a Site, editions: &'a [Edition]) -> Vec<EditionSummary<'a>> {
    let mut v = vec![summary(
        site,
        "Edizione in vigore".to_string(),
        String::new(),
        true,
    )];
    v.extend(
        editions
            .iter()
            .enumerate()
            .map(|(i, e)| summary(&e.site, edition_label(e), e.dir(), i + 1 < editions.len())),
    );
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_are_signed() {
        assert_eq!(diff(3, 5), "+2");
        assert_eq!(diff(5, 3), "−2");
        assert_eq!(diff(4, 4), "0");
        assert_eq!(points(71, 72), "+1 punto");
        assert_eq!(points(72, 69), "−3 punti");
    }

    #[test]
    fn the_notice_links_the_same_page_when_it_still_exists() {
        let links = Links {
            elenco: "../".into(),
            modifiche: None,
            notice: Some(Notice {
                nome: "2025".into(),
                periodo: None,
                aggiornato_il: Date::parse("2025-11-20").unwrap(),
                pubblicato_il: None,
                current_dirs: ["".to_string(), "tributi/".to_string()].into(),
            }),
            files: Vec::new(),
        };
        let v = links.view("tributi/", "../");
        let n = v.edizione.unwrap();
        assert_eq!(n.corrente_url, "../../../tributi/");
        assert!(n.stessa_pagina);
        let v = links.view("soppressa/", "../");
        assert_eq!(v.edizione.unwrap().corrente_url, "../../../");
        assert_eq!(v.elenco_url, "../../");
    }
}
