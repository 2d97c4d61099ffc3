//! The files of the whole site, made once whatever the number of editions:
//! `sitemap.xml` (every page of every edition, each with its edition's date
//! of update), `robots.txt` (which names the sitemap) and the 404 page
//! (rendered with the current edition's context; its links start from the
//! site's absolute path, so it works at any depth).

use tera::Context;

use super::output::{NOT_FOUND, Output, ROBOTS, SITEMAP};
use super::renderer::{PageSpec, Renderer};
use crate::diagnostic::Diagnostic;
use crate::editions::Edition;
use crate::model::{Date, Site};

/// The 404 page: (path, HTML).
pub(super) fn not_found(r: &Renderer) -> Result<(String, String), Diagnostic> {
    let spec = PageSpec {
        tipo: "404",
        dir: String::new(),
        file: NOT_FOUND.to_string(),
        current: "-".to_string(),
        titolo: r.phrase("pagina-404-titolo"),
        descrizione: r.phrase("pagina-404-descrizione"),
    };
    r.page(spec, "404.html", Context::new())
}

/// Adds `sitemap.xml` and `robots.txt` to `out`, which holds every page of
/// the current edition of `site` and of its earlier `editions`.
pub(super) fn add(out: &mut Output, site: &Site, editions: &[Edition]) {
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
    let base = &site.config.base_url;
    out.add(SITEMAP, sitemap_of(base, &lastmods));
    out.add(
        ROBOTS,
        format!("User-agent: *\nAllow: /\n\nSitemap: {base}{SITEMAP}\n"),
    );
}

/// `sitemap.xml` of `pages`: (URL relative to `base`, date of update).
fn sitemap_of(base: &str, pages: &[(String, Date)]) -> String {
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
