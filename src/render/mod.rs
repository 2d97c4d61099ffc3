//! Stage 3 of the pipeline: the validated [`Site`] and the [`Theme`] become
//! the site's files, in memory ([`Output`]): HTML pages, assets,
//! `sitemap.xml`, `robots.txt`, and the open data (`opendata`).
//!
//! Render never touches the disk (that is `write`), and it is deterministic:
//! no clock, no randomness, ordered maps only.

pub(crate) mod archive;
pub(crate) mod opendata;
pub(crate) mod xlsx;

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use rayon::prelude::*;

use crate::config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::model::{Date, Site};
use crate::search;
use crate::theme::Theme;
use crate::views::{self, LinkView, NavItem, PageView};

/// The files of the site: path relative to the output folder -> bytes.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Output {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Output {
    pub fn add(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }

    pub fn total_bytes(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }

    /// Paths of the HTML pages, with `index.html` dropped (`tabella/`).
    pub fn page_urls(&self) -> Vec<String> {
        self.files
            .keys()
            .filter(|p| is_page(p))
            .map(|p| p.trim_end_matches("index.html").to_string())
            .collect()
    }
}

/// Whether an output path is a page, as every summary counts them (`build`,
/// `check`, `serve`): an `index.html`; `404.html` is not one.
pub(crate) fn is_page(path: &str) -> bool {
    path.ends_with("index.html")
}

/// One section of the main navigation: (title, root-relative URL).
fn nav_sections(site: &Site) -> Vec<(String, String)> {
    let mut v = vec![
        ("Catalogo".to_string(), String::new()),
        ("Tabella completa".to_string(), "tabella/".to_string()),
        ("Cerca".to_string(), "cerca/".to_string()),
    ];
    v.extend(
        site.pages
            .iter()
            .map(|p| (p.titolo.clone(), format!("{}/", p.slug))),
    );
    v
}

fn nav(sections: &[(String, String)], current: &str) -> Vec<NavItem> {
    sections
        .iter()
        .map(|(t, u)| NavItem {
            titolo: t.clone(),
            url: u.clone(),
            corrente: u == current,
        })
        .collect()
}

/// `""` for the root, `"../"` one level down.
fn radice(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// What a page is, for its `page` context.
struct PageSpec {
    tipo: &'static str,
    /// The page's folder (`""` for the root, `tabella/`), which gives its
    /// relative root and canonical URL.
    dir: String,
    /// Where it is written.
    file: String,
    /// The nav section marked current.
    current: String,
    titolo: String,
    descrizione: String,
}

/// Renders pages with one theme; shared by every thread of a build.
struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    sections: Vec<(String, String)>,
    shared: views::Shared,
    /// Links to the archive and, on an earlier edition, its notice.
    archive: Option<&'a archive::Links>,
}

impl<'a> Renderer<'a> {
    pub(crate) fn new(
        site: &'a Site,
        theme: &'a Theme,
        today: Date,
        archive: Option<&'a archive::Links>,
    ) -> Self {
        Renderer {
            site,
            theme,
            sections: nav_sections(site),
            shared: views::Shared::new(site, today),
            archive,
        }
    }

    /// The page of one unit: (path, HTML). The full build and the preview's
    /// incremental update both render unit pages through here.
    fn unit_page(&self, u: &views::UnitView) -> Result<(String, String), Diagnostic> {
        let ente = &self.site.config.ente;
        let dir = views::unit_url(u.slug);
        let descrizione = match u.altre_attivita_testo {
            Some(rule) => format!(
                "{ente}, {}: le attività smartizzabili e non smartizzabili in lavoro agile. {rule}",
                u.nome
            ),
            None => format!(
                "{ente}, {}: {} attività smartizzabili e {} non smartizzabili in lavoro agile.",
                u.nome,
                u.smartizzabili.len(),
                u.non_smartizzabili.len()
            ),
        };
        let spec = PageSpec {
            tipo: "unita",
            file: unit_page_path(u.slug),
            dir,
            current: String::new(),
            titolo: u.nome.to_string(),
            descrizione,
        };
        self.page(spec, "unit.html", with("unita", u))
    }

    fn page(
        &self,
        spec: PageSpec,
        template: &str,
        mut ctx: Context,
    ) -> Result<(String, String), Diagnostic> {
        let base = &self.site.config.base_url;
        let mut view = PageView {
            tipo: spec.tipo,
            titolo: spec.titolo,
            descrizione: spec.descrizione,
            radice: radice(&spec.dir),
            canonical: format!("{base}{}", spec.dir),
            percorso: Vec::<LinkView>::new(),
        };
        if spec.tipo == "404" {
            // Served at any depth: its links start from the site's absolute path.
            view.radice = config::base_path(base);
            view.canonical = format!("{base}404.html");
        }
        ctx.insert(
            "site",
            &views::site_view(self.site, &self.shared, nav(&self.sections, &spec.current)),
        );
        ctx.insert(
            "archivio",
            &self.archive.map(|a| a.view(&spec.dir, &view.radice)),
        );
        ctx.insert("page", &view);
        self.theme
            .tera
            .render(template, &ctx)
            .map(|html| (spec.file, fitted_text(html)))
            .map_err(|e| self.theme.error(&e, template))
    }
}

/// A page's text in a buffer of its own size: the renderer's buffer grows
/// by doubling, and the pages are held together until they are written (at
/// 10,000 units, 165 MiB of spare room); the allocator keeps a block that
/// shrinks by less than half, so the text is copied.
fn fitted_text(html: String) -> String {
    if html.capacity() - html.len() > html.len() / 8 {
        html.as_str().to_owned()
    } else {
        html
    }
}

/// Renders every file of the site as of `today` (the build's date, which
/// decides whether the catalogue is still in force). Template errors go
/// into `diags`.
///
/// The unit pages, the table, the open data and the search index do not
/// depend on each other: they are built in parallel, and gathered in an
/// ordered map, so the result does not depend on the threads.
pub fn render(site: &Site, theme: &Theme, today: Date, diags: &mut Diagnostics) -> Option<Output> {
    render_with(site, theme, today, None, Units::All, diags)
}

/// Which unit pages of the current edition a render produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Units {
    /// Every one (a build).
    All,
    /// An empty file at each unit page's path, so that everything listing
    /// the pages (the sitemap) is right; the caller replaces them with the
    /// pages it rendered with [`unit_pages`] (the preview's incremental
    /// update).
    Placeholders,
}

/// Where the page of the unit `slug` is written.
pub(crate) fn unit_page_path(slug: &str) -> String {
    format!("{}index.html", views::unit_url(slug))
}

/// The pages of the units at `indices` (catalogue order) of the current
/// edition, exactly as [`archive::render_all`] renders them for the same
/// site, editions, theme and date: (path, HTML) or the template's error.
pub(crate) fn unit_pages(
    site: &Site,
    editions: &[crate::archive::Edition],
    theme: &Theme,
    today: Date,
    indices: &[usize],
) -> Vec<Result<(String, String), Diagnostic>> {
    let links = archive::current_links(editions);
    let r = Renderer::new(site, theme, today, links.as_ref());
    indices
        .par_iter()
        .map(|&i| r.unit_page(&views::unit_view(site, i)))
        .collect()
}

/// [`render`] with links to the archive of earlier editions (`archive`).
pub(crate) fn render_with(
    site: &Site,
    theme: &Theme,
    today: Date,
    archive: Option<&archive::Links>,
    units_mode: Units,
    diags: &mut Diagnostics,
) -> Option<Output> {
    let r = Renderer::new(site, theme, today, archive);
    let totals = r.shared.totals;
    let ente = &site.config.ente;
    let home = views::home_view(site);
    let units = views::unit_views(site);
    let spec = |tipo, dir: &str, titolo: String, descrizione: String| PageSpec {
        tipo,
        dir: dir.to_string(),
        file: format!("{dir}index.html"),
        current: dir.to_string(),
        titolo,
        descrizione,
    };

    let unit_pages = || -> Vec<Result<(String, String), Diagnostic>> {
        match units_mode {
            Units::All => units.par_iter().map(|u| r.unit_page(u)).collect(),
            // Empty placeholders: the paths count for the sitemap, the
            // caller puts the pages it keeps in their place.
            Units::Placeholders => units
                .iter()
                .map(|u| Ok((unit_page_path(u.slug), String::new())))
                .collect(),
        }
    };
    let table = || {
        // The table's rows: the common activities first, then every unit.
        // Each unit is made a template value once and shared by the two
        // lists (tera's values are reference-counted): at 10,000 units
        // the two copies were the largest thing a build held.
        let all: Vec<tera::Value> = units.iter().map(tera::Value::from_serializable).collect();
        let rows: Vec<tera::Value> = home
            .comuni
            .iter()
            .map(tera::Value::from_serializable)
            .chain(all.iter().cloned())
            .collect();
        let mut ctx = Context::new();
        ctx.insert_value("unita_tutte", tera::Value::from(all));
        ctx.insert_value("righe", tera::Value::from(rows));
        r.page(
            spec(
                "tabella",
                "tabella/",
                "Tabella completa delle attività".to_string(),
                if totals.unita == 0 {
                    format!(
                        "{ente}: tutte le attività smartizzabili e non smartizzabili in un'unica tabella."
                    )
                } else {
                    format!(
                        "{ente}: tutte le attività smartizzabili e non smartizzabili, per unità organizzativa, in un'unica tabella."
                    )
                },
            ),
            "table.html",
            ctx,
        )
    };
    let ((unit_pages, table), (data, index)) = rayon::join(
        || rayon::join(unit_pages, table),
        || {
            rayon::join(
                || opendata::build_with(site, &units, archive.map_or(&[], |a| &a.files)),
                || search::index::build(site, &units),
            )
        },
    );

    let mut home_ctx = with("home", &home);
    home_ctx.insert("dati", &data.downloads);
    let mut pages = vec![r.page(
        spec(
            "home",
            "",
            site.config.titolo.clone(),
            home_description(site, &totals),
        ),
        "index.html",
        home_ctx,
    )];
    pages.extend(unit_pages);
    pages.push(table);
    pages.push(r.page(
        spec(
            "cerca",
            "cerca/",
            "Cerca un'attività".to_string(),
            format!(
                "{ente}: cerca tra le attività smartizzabili e non smartizzabili in lavoro agile."
            ),
        ),
        "search.html",
        Context::new(),
    ));
    for p in &site.pages {
        let dir = format!("{}/", p.slug);
        let view = views::ExtraPageView {
            slug: &p.slug,
            titolo: &p.titolo,
            contenuto_html: markdown::to_html(&p.body),
        };
        let descrizione = p
            .descrizione
            .clone()
            .unwrap_or_else(|| format!("{ente}: {}", p.titolo));
        pages.push(r.page(
            spec("pagina", &dir, p.titolo.clone(), descrizione),
            "page.html",
            with("pagina", &view),
        ));
    }
    let mut not_found = spec(
        "404",
        "",
        "Pagina non trovata".to_string(),
        "La pagina richiesta non esiste.".to_string(),
    );
    not_found.file = "404.html".into();
    not_found.current = "-".into();
    pages.push(r.page(not_found, "404.html", Context::new()));

    let mut out = Output::default();
    for p in pages {
        match p {
            Ok((path, html)) => out.add(path, html),
            Err(d) => diags.push(d),
        }
    }
    for (name, bytes) in data.files {
        out.add(name, bytes);
    }
    for (name, bytes) in &theme.static_files {
        out.add(format!("assets/{name}"), bytes.clone());
    }
    for (path, bytes) in index {
        out.add(path, bytes);
    }
    let base = &site.config.base_url;
    out.add("sitemap.xml", sitemap(site, &out));
    out.add(
        "robots.txt",
        format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"),
    );

    if diags.has_errors() { None } else { Some(out) }
}

/// The home's `<meta name="description">`: never a count that the rule for
/// unlisted activities would contradict, never "unità" when there are none.
fn home_description(site: &Site, totals: &views::Totals) -> String {
    let ente = &site.config.ente;
    let what = if totals.unita == 0 {
        format!("le {} attività", totals.attivita)
    } else {
        format!(
            "le {} attività delle {} unità organizzative",
            totals.attivita, totals.unita
        )
    };
    let mut s = format!("{ente}: {what}, smartizzabili e non smartizzabili in lavoro agile.");
    if let Some(rule) = site.config.altre_attivita {
        s = format!(
            "{ente}: {what} elencate, smartizzabili e non smartizzabili in lavoro agile. {}",
            views::altre_attivita_testo(rule)
        );
    }
    s
}

/// `sitemap.xml`: every page with the catalogue's date of update.
fn sitemap(site: &Site, out: &Output) -> String {
    let lastmod = site.config.aggiornato_il;
    let pages: Vec<(String, crate::model::Date)> =
        out.page_urls().into_iter().map(|u| (u, lastmod)).collect();
    sitemap_of(&site.config.base_url, &pages)
}

/// `sitemap.xml` of `pages`: (URL relative to `base`, date of update).
fn sitemap_of(base: &str, pages: &[(String, crate::model::Date)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (url, lastmod) in pages {
        xml.push_str(&format!(
            "  <url><loc>{}{}</loc><lastmod>{lastmod}</lastmod></url>\n",
            xml_escape(base),
            xml_escape(url)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A context holding one view under `key`.
fn with<T: Serialize + ?Sized>(key: &'static str, view: &T) -> Context {
    let mut ctx = Context::new();
    ctx.insert(key, view);
    ctx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radice_counts_levels() {
        assert_eq!(radice(""), "");
        assert_eq!(radice("tabella/"), "../");
        assert_eq!(radice("a/b/"), "../../");
    }
}
