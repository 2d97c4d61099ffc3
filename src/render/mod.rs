//! Stage 3 of the pipeline: the validated [`Site`] and the [`Theme`] become
//! the site's files, in memory ([`Output`]): HTML pages, assets,
//! `sitemap.xml`, `robots.txt`, and the open data (`opendata`).
//!
//! Render never touches the disk (that is `write`), and it is deterministic:
//! no clock, no randomness, ordered maps only.

pub mod opendata;
pub mod views;

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use crate::diagnostic::Diagnostics;
use crate::markdown;
use crate::model::Site;
use crate::search;
use crate::theme::Theme;
use crate::validate;
use views::{LinkView, NavItem, PageView};

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
            .filter(|p| p.ends_with("index.html"))
            .map(|p| p.trim_end_matches("index.html").to_string())
            .collect()
    }
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

/// Renders every file of the site. Template errors go into `diags`.
pub fn render(site: &Site, theme: &Theme, diags: &mut Diagnostics) -> Option<Output> {
    let mut out = Output::default();
    let base = &site.config.base_url;
    let sections = nav_sections(site);

    let page = |tipo: &'static str,
                path: &str,
                titolo: String,
                descrizione: String,
                percorso: Vec<LinkView>| PageView {
        tipo,
        titolo,
        descrizione,
        radice: radice(path),
        canonical: format!("{base}{path}"),
        percorso,
    };
    let mut render_one =
        |template: &str, path: &str, current: &str, page: PageView, mut ctx: Context| {
            ctx.insert("site", &views::site_view(site, nav(&sections, current)));
            ctx.insert("page", &page);
            match theme.tera.render(template, &ctx) {
                Ok(html) => out.add(path, html),
                Err(e) => diags.push(theme.error(&e, template)),
            }
        };

    let ente = &site.config.ente;
    let totals = views::totals(site);
    let home = views::home_view(site);
    let units = views::unit_views(site);
    let data = opendata::build(site, &units);
    let mut home_ctx = with("home", &home);
    home_ctx.insert("dati", &data.downloads);
    render_one(
        "index.html",
        "index.html",
        "",
        page(
            "home",
            "",
            site.config.titolo.clone(),
            format!(
                "{ente}: le {} attività delle {} unità organizzative, smartizzabili e non smartizzabili in lavoro agile.",
                totals.attivita, totals.unita
            ),
            vec![],
        ),
        home_ctx,
    );

    for u in &units {
        let path = format!("{}/index.html", u.slug);
        render_one(
            "unit.html",
            &path,
            "",
            page(
                "unita",
                &format!("{}/", u.slug),
                u.nome.to_string(),
                format!(
                    "{ente}, {}: {} attività smartizzabili e {} non smartizzabili in lavoro agile.",
                    u.nome,
                    u.smartizzabili.len(),
                    u.non_smartizzabili.len()
                ),
                vec![],
            ),
            with("unita", u),
        );
    }

    render_one(
        "table.html",
        "tabella/index.html",
        "tabella/",
        page(
            "tabella",
            "tabella/",
            "Tabella completa delle attività".to_string(),
            format!(
                "{ente}: tutte le attività smartizzabili e non smartizzabili, per unità organizzativa, in un'unica tabella."
            ),
            vec![],
        ),
        with("unita_tutte", &units),
    );

    render_one(
        "search.html",
        "cerca/index.html",
        "cerca/",
        page(
            "cerca",
            "cerca/",
            "Cerca un'attività".to_string(),
            format!(
                "{ente}: cerca tra le attività smartizzabili e non smartizzabili in lavoro agile."
            ),
            vec![],
        ),
        Context::new(),
    );
    for p in &site.pages {
        let dir = format!("{}/", p.slug);
        let view = views::ExtraPageView {
            slug: &p.slug,
            titolo: &p.titolo,
            contenuto_html: markdown::to_html(&p.body),
        };
        render_one(
            "page.html",
            &format!("{dir}index.html"),
            &dir,
            page(
                "pagina",
                &dir,
                p.titolo.clone(),
                p.descrizione
                    .clone()
                    .unwrap_or_else(|| format!("{ente}: {}", p.titolo)),
                vec![],
            ),
            with("pagina", &view),
        );
    }

    // The 404 page is served at any depth: its links start from the site's absolute path.
    let mut not_found = page(
        "404",
        "",
        "Pagina non trovata".to_string(),
        "La pagina richiesta non esiste.".to_string(),
        vec![],
    );
    not_found.radice = validate::base_path(base);
    not_found.canonical = format!("{base}404.html");
    render_one("404.html", "404.html", "-", not_found, Context::new());

    for (name, bytes) in data.files {
        out.add(name, bytes);
    }
    for (name, bytes) in &theme.static_files {
        out.add(format!("assets/{name}"), bytes.clone());
    }
    for (path, bytes) in search::index::build(site, &units) {
        out.add(path, bytes);
    }
    out.add("sitemap.xml", sitemap(site, &out));
    out.add(
        "robots.txt",
        format!("User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"),
    );

    if diags.has_errors() { None } else { Some(out) }
}

/// `sitemap.xml`: every page with the catalogue's date of update.
fn sitemap(site: &Site, out: &Output) -> String {
    let base = &site.config.base_url;
    let lastmod = site.config.aggiornato_il;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in out.page_urls() {
        xml.push_str(&format!(
            "  <url><loc>{}{}</loc><lastmod>{lastmod}</lastmod></url>\n",
            xml_escape(base),
            xml_escape(&url)
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
