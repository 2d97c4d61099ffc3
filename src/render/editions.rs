//! Earlier editions in the published site: each rendered by the same code as
//! the current one (`pages`) under `archivio/<edizione>/`, with the notice
//! that it is no longer in force and, when an edition precedes it, its own
//! "Cosa è cambiato" page (`changes`); the current edition's changes page;
//! the list of editions (`archivio/`); the editions' data files described in
//! the current `dcat-ap_it.jsonld`. The editions are loaded by
//! `crate::editions`; `render::render_with` calls [`render_earlier`], then
//! the current edition's pages, then [`add`].
//!
//! Like the rest of `render`: no disk, no clock, deterministic.

use std::collections::HashSet;

use serde::Serialize;

use super::changes::{self, Compared};
use super::opendata;
use super::output::{CHANGES_DIR, Output, SEARCH_DIR, TABLE_DIR};
use super::pages::{self, Scope, Units};
use super::renderer::{Links, Notice, PageSpec, Renderer, with};
use crate::diagnostic::Diagnostics;
use crate::editions::{Edition, URL_DIR};
use crate::model::{Date, Site};
use crate::theme::Theme;
use crate::views::{self, Totals};

/// The earlier editions, rendered (those without a template error).
pub(super) struct Earlier<'a> {
    rendered: Vec<(&'a Edition, Output)>,
    /// False when a template failed on one of them.
    ok: bool,
    /// The day of the build: an edition whose `valido_al` is not past yet
    /// is still in force (the new act starts later).
    today: Date,
}

/// What the current edition's pages link to when there are earlier
/// editions (`None` without them). `earlier`: the editions rendered, whose
/// data files the current DCAT file describes; without it the files are
/// left empty (only the DCAT file needs them).
pub(super) fn current_links(editions: &[Edition], earlier: Option<&Earlier>) -> Option<Links> {
    editions.first().map(|_| Links {
        elenco: format!("{URL_DIR}/"),
        modifiche: Some(CHANGES_DIR.to_string()),
        notice: None,
        files: earlier.map(edition_files).unwrap_or_default(),
    })
}

/// Whether the current edition is in force on `today` by its own dates
/// (`valido_dal`, `valido_al`; without them, it is).
fn in_force(site: &Site, today: Date) -> bool {
    let c = &site.config;
    c.valido_al.is_none_or(|al| al >= today) && c.valido_dal.is_none_or(|dal| dal <= today)
}

/// The current edition's name beside the earlier ones: "Edizione in
/// vigore", or "Edizione corrente" on a day outside its own dates (expired,
/// or not begun yet), when calling it in force would be false.
fn current_label(site: &Site, today: Date) -> String {
    if in_force(site, today) {
        "Edizione in vigore"
    } else {
        "Edizione corrente"
    }
    .to_string()
}

/// Renders every earlier edition of `site` (newest first), each with its
/// notice and, when an edition precedes it, its changes page; each into an
/// output like `current` (the current edition's, still empty: held, or
/// written to the same sink under the edition's folder). The
/// site-wide files are not made for them (`sitemap`).
pub(super) fn render_earlier<'a>(
    site: &Site,
    editions: &'a [Edition],
    theme: &Theme,
    today: Date,
    current: &Output,
    diags: &mut Diagnostics,
) -> Earlier<'a> {
    let mut earlier = Earlier {
        rendered: Vec::new(),
        ok: true,
        today,
    };
    if editions.is_empty() {
        return earlier;
    }
    // Page folders of the current edition, for the notices' links.
    let mut current_dirs: HashSet<String> = ["", TABLE_DIR, SEARCH_DIR]
        .into_iter()
        .map(str::to_string)
        .collect();
    current_dirs.extend(site.units.iter().map(|u| format!("{}/", u.slug)));
    current_dirs.extend(site.pages.iter().map(|p| format!("{}/", p.slug)));

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
                corrente_in_vigore: in_force(site, today),
            }),
            files: Vec::new(),
        };
        let r = Renderer::new(&e.site, theme, today, Some(&links));
        // Written where `add` puts it when `current` has a sink.
        let mut eout = current.beside(&e.dir());
        if !pages::render(&r, Units::All, Scope::Earlier, &mut eout, diags) {
            earlier.ok = false;
            continue;
        }
        if let Some(prev) = before {
            let compared = Compared {
                old: prev,
                old_prefix: format!("../{}/", prev.name),
                new: &e.site,
                new_label: e.label(),
            };
            earlier.ok &= changes::add(&r, &compared, &mut eout, diags);
        }
        earlier.rendered.push((e, eout));
    }
    earlier
}

/// Adds to `out`, the current edition's files rendered by `r`, what the
/// earlier `editions` bring: the current changes page, the `earlier`
/// editions under their folders and the list of editions. False when a
/// template failed, here or on an earlier edition. Without editions, adds
/// nothing.
pub(super) fn add(
    r: &Renderer,
    editions: &[Edition],
    earlier: Earlier,
    out: &mut Output,
    diags: &mut Diagnostics,
) -> bool {
    let Some(newest) = editions.first() else {
        return earlier.ok;
    };
    let site = r.site;
    let compared = Compared {
        old: newest,
        old_prefix: newest.dir(),
        new: site,
        new_label: current_label(site, earlier.today),
    };
    let mut ok = earlier.ok;
    let list = list_view(site, editions, earlier.today);
    ok &= changes::add(r, &compared, out, diags);
    for (e, eout) in earlier.rendered {
        out.absorb(&e.dir(), eout);
    }

    let page = r.page(
        PageSpec {
            tipo: "archivio",
            dir: format!("{URL_DIR}/"),
            file: format!("{URL_DIR}/index.html"),
            current: "-".to_string(),
            titolo: r.phrase("pagina-archivio-titolo"),
            descrizione: r.phrase("pagina-archivio-descrizione"),
        },
        "archive.html",
        {
            // An earlier edition whose `valido_al` is not past yet (a new
            // act adopted before the old one ends): the intro must not say
            // that every earlier one is no longer in force.
            let mut ctx = with("edizioni", &list);
            let still = editions.iter().any(|e| {
                e.site
                    .config
                    .valido_al
                    .is_some_and(|al| al >= earlier.today)
            });
            ctx.insert("precedenti_in_vigore", &still);
            ctx
        },
    );
    match page {
        Ok((path, html)) => out.add(path, html),
        Err(d) => {
            diags.push(d);
            ok = false;
        }
    }
    ok
}

/// Each earlier edition's CSV and JSON catalogue, with its period, for the
/// current DCAT file.
fn edition_files(earlier: &Earlier) -> Vec<opendata::EditionFile> {
    let mut files = Vec::new();
    for (e, out) in &earlier.rendered {
        let (c, dir) = (&e.site.config, e.dir());
        let period = c
            .periodo
            .as_deref()
            .map(|p| format!(", periodo {}", p.trim()))
            .unwrap_or_default();
        // "non più in vigore", unless its own dates say it still is.
        let state = match c.valido_al.filter(|al| *al >= earlier.today) {
            Some(al) => {
                let al = al.italian();
                format!("in vigore fino {}{al}", crate::italian::before("al", &al))
            }
            None => "non più in vigore".to_string(),
        };
        for (file, schema, what) in [
            (opendata::CSV, opendata::CSV_SCHEMA, "CSV"),
            (opendata::JSON, opendata::JSON_SCHEMA, "JSON"),
        ] {
            files.push(opendata::EditionFile {
                path: format!("{dir}{file}"),
                schema: format!("{dir}{schema}"),
                title: format!("Edizione {}{period}: catalogo in {what} ({state})", e.name),
                description: {
                    let date = c.aggiornato_il.italian();
                    format!(
                        "Edizione precedente del catalogo{period}, aggiornata {}{date}: {state}, pubblicata per cinque anni (D.Lgs. 33/2013, art. 8).",
                        crate::italian::before("al", &date)
                    )
                },
                modified: c.aggiornato_il,
                size: out.size_of(file).unwrap_or(0),
            });
        }
    }
    files
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
    /// A rule covers the activities not listed: no share is shown.
    elenco_parziale: bool,
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
        elenco_parziale: views::lists_part(site),
    }
}

/// The current edition, then every earlier one, newest first.
fn list_view<'a>(site: &'a Site, editions: &'a [Edition], today: Date) -> Vec<EditionSummary<'a>> {
    let mut v = vec![summary(
        site,
        current_label(site, today),
        String::new(),
        true,
    )];
    v.extend(
        editions
            .iter()
            .enumerate()
            .map(|(i, e)| summary(&e.site, e.label(), e.dir(), i + 1 < editions.len())),
    );
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{BuildOptions, run_cached};
    use crate::render::output::{NOT_FOUND, ROBOTS, SITEMAP};

    /// The files of the whole site are made for the current edition only:
    /// an earlier edition's render holds none of them, the site one of each
    /// at its root.
    #[test]
    fn earlier_editions_make_no_site_wide_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive");
        let mut diags = Diagnostics::new();
        let built = run_cached(&root, &BuildOptions::default(), None, &mut diags);
        let Ok(Some((p, out))) = built else {
            panic!("the archive fixture builds: {:?}", diags.into_vec());
        };
        let held = Output::default();
        let earlier = render_earlier(&p.site, &p.editions, &p.theme, p.today, &held, &mut diags);
        assert!(earlier.ok && !diags.has_errors());
        assert_eq!(earlier.rendered.len(), 2, "the fixture's two editions");
        for (e, eout) in &earlier.rendered {
            assert!(eout.files.contains_key("index.html"), "{}", e.name);
            for f in [SITEMAP, ROBOTS, NOT_FOUND] {
                assert!(!eout.files.contains_key(f), "{f} in edition {}", e.name);
            }
        }
        for f in [SITEMAP, ROBOTS, NOT_FOUND] {
            let found: Vec<&String> = out.files.keys().filter(|k| k.ends_with(f)).collect();
            assert_eq!(found, [f], "{f}");
        }
    }
}
