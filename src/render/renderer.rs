//! One page of the site: a template of the theme rendered with the context
//! every page gets (`site`, its navigation, `page`, and `archivio`: the links
//! to the earlier editions and, on an earlier edition, its notice), or a
//! piece of a page with that page's context (a row of the table). `site` is
//! made a template value once per nav section; pages are rendered into each
//! thread's buffer, which keeps its room from one page to the next.
//! [`Renderer`] is shared by every thread of a render; what a page says is
//! decided by its caller (`pages`, `editions`, `changes`, `sitemap`).

use std::collections::HashSet;

use serde::Serialize;
use tera::Context;

use super::opendata;
use super::output::{SEARCH_DIR, TABLE_DIR};
use crate::config;
use crate::diagnostic::Diagnostic;
use crate::model::{Date, Site};
use crate::theme::Theme;
use crate::views::{self, LinkView, NavItem, PageView};

/// One section of the main navigation: (title, root-relative URL).
fn nav_sections(site: &Site, theme: &Theme) -> Vec<(String, String)> {
    let mut v = vec![
        (phrase(theme, "pagina-nav-catalogo", None), String::new()),
        (
            phrase(theme, "pagina-nav-tabella", None),
            TABLE_DIR.to_string(),
        ),
        (
            phrase(theme, "pagina-nav-cerca", None),
            SEARCH_DIR.to_string(),
        ),
    ];
    v.extend(
        site.pages
            .iter()
            .map(|p| (p.titolo.clone(), format!("{}/", p.slug))),
    );
    v
}

/// The theme's phrase `id` (`lingue/<lingua>.ftl`) as plain text, with the
/// body's name as `{ $ente }`: the templates escape it where they print it.
fn phrase(theme: &Theme, id: &str, ente: Option<&str>) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    if let Some(ente) = ente {
        args.set("ente", ente.to_string());
    }
    // Every id named here exists (the test of `theme::phrases`).
    theme
        .phrases
        .format(id, &args)
        .unwrap_or_else(|| id.to_string())
}

/// The nav, the section at `current` (its URL) marked current.
fn nav(sections: &[(String, String)], current: Option<&str>) -> Vec<NavItem> {
    sections
        .iter()
        .map(|(t, u)| NavItem {
            titolo: t.clone(),
            url: u.clone(),
            corrente: Some(u.as_str()) == current,
        })
        .collect()
}

/// `""` for the root, `"../"` one level down.
fn radice(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// What a page is, for its `page` context.
pub(super) struct PageSpec {
    pub tipo: &'static str,
    /// The page's folder (`""` for the root, `tabella/`), which gives its
    /// relative root and canonical URL.
    pub dir: String,
    /// Where it is written.
    pub file: String,
    /// The nav section marked current.
    pub current: String,
    pub titolo: String,
    pub descrizione: String,
}

impl PageSpec {
    /// A page written as `<dir>index.html`, marking its own nav section.
    pub(super) fn index(
        tipo: &'static str,
        dir: &str,
        titolo: String,
        descrizione: String,
    ) -> Self {
        PageSpec {
            tipo,
            dir: dir.to_string(),
            file: format!("{dir}index.html"),
            current: dir.to_string(),
            titolo,
            descrizione,
        }
    }
}

/// Renders pages with one theme; shared by every thread of a render.
pub(super) struct Renderer<'a> {
    pub site: &'a Site,
    theme: &'a Theme,
    pub shared: views::Shared,
    /// Links to the archive and, on an earlier edition, its notice.
    pub archive: Option<&'a Links>,
    /// The templates' `site`, made once per build for each nav section
    /// marked current (section URL, value), then for none: it is the same
    /// on every page but for its `nav`, and a page's context holds a
    /// shared copy (tera's values are reference-counted) instead of
    /// serialising it again.
    site_values: Vec<(String, tera::Value)>,
    site_value_elsewhere: tera::Value,
}

impl<'a> Renderer<'a> {
    pub(super) fn new(
        site: &'a Site,
        theme: &'a Theme,
        today: Date,
        archive: Option<&'a Links>,
    ) -> Self {
        let sections = nav_sections(site, theme);
        let shared = views::Shared::new(site, today);
        let site_value = |current: Option<&str>| {
            tera::Value::from_serializable(&views::site_view(
                site,
                &shared,
                nav(&sections, current),
            ))
        };
        let site_values = sections
            .iter()
            .map(|(_, url)| (url.clone(), site_value(Some(url))))
            .collect();
        let site_value_elsewhere = site_value(None);
        Renderer {
            site,
            theme,
            shared,
            archive,
            site_values,
            site_value_elsewhere,
        }
    }

    /// The templates' `site` for a page marking `current` in the nav.
    fn site_value(&self, current: &str) -> tera::Value {
        self.site_values
            .iter()
            .find(|(url, _)| url == current)
            .map_or(&self.site_value_elsewhere, |(_, v)| v)
            .clone()
    }

    /// The page phrase `id` of the theme (a title, a description), with the
    /// body's name as `{ $ente }`.
    pub(super) fn phrase(&self, id: &str) -> String {
        phrase(self.theme, id, Some(&self.site.config.ente))
    }

    /// The theme's static files.
    pub(super) fn static_files(&self) -> impl Iterator<Item = (&'a String, &'a Vec<u8>)> {
        self.theme.static_files.iter()
    }

    /// `template` rendered as the page `spec` with `ctx`: (path, HTML).
    pub(super) fn page(
        &self,
        spec: PageSpec,
        template: &str,
        mut ctx: Context,
    ) -> Result<(String, String), Diagnostic> {
        self.page_context(&spec, &mut ctx);
        self.render(template, &ctx).map(|html| (spec.file, html))
    }

    /// Adds to `ctx` what every page gets (`site`, `archivio`, `page`), as
    /// the page `spec`.
    pub(super) fn page_context(&self, spec: &PageSpec, ctx: &mut Context) {
        let base = &self.site.config.base_url;
        let mut view = PageView {
            tipo: spec.tipo,
            titolo: spec.titolo.clone(),
            descrizione: spec.descrizione.clone(),
            radice: radice(&spec.dir),
            canonical: format!("{base}{}", spec.dir),
            percorso: Vec::<LinkView>::new(),
        };
        if spec.tipo == "404" {
            // Served at any depth: its links start from the site's absolute path.
            view.radice = config::base_path(base);
            view.canonical = format!("{base}{}", spec.file);
        }
        ctx.insert_value("site", self.site_value(&spec.current));
        ctx.insert(
            "archivio",
            &self.archive.map(|a| a.view(&spec.dir, &view.radice)),
        );
        ctx.insert("page", &view);
    }

    /// [`Renderer::page`] into this thread's buffer: what `f` makes of
    /// the page's path and HTML.
    pub(super) fn page_with<R>(
        &self,
        spec: PageSpec,
        template: &str,
        mut ctx: Context,
        f: impl FnOnce(String, &str) -> R,
    ) -> Result<R, Diagnostic> {
        self.page_context(&spec, &mut ctx);
        self.render_with(template, &ctx, |html| f(spec.file, html))
    }

    /// [`Renderer::page`] into a buffer of `room` bytes made for it: for a
    /// page whose size is known beforehand (the table, about the sum of its
    /// rows), which then never grows by doubling and copying.
    pub(super) fn page_sized(
        &self,
        spec: PageSpec,
        template: &str,
        mut ctx: Context,
        room: usize,
    ) -> Result<(String, String), Diagnostic> {
        self.page_context(&spec, &mut ctx);
        let mut buffer = Vec::with_capacity(room);
        self.theme
            .tera
            .render_to(template, &ctx, &mut buffer)
            .map_err(|e| self.theme.error(&e, template))?;
        match String::from_utf8(buffer) {
            Ok(html) => Ok((spec.file, html)),
            // Never (a template writes text): Tera's own render says why.
            Err(_) => self.render(template, &ctx).map(|html| (spec.file, html)),
        }
    }

    /// `template` rendered with `ctx` as it is: a page, or a piece of one
    /// when `ctx` has that page's context ([`Renderer::page_context`]).
    fn render(&self, template: &str, ctx: &Context) -> Result<String, Diagnostic> {
        self.theme
            .tera
            .render(template, ctx)
            .map_err(|e| self.theme.error(&e, template))
    }

    /// [`Renderer::render`] into this thread's buffer, which keeps its
    /// room from one page to the next (a fresh buffer for each page grew
    /// by doubling, in memory the kernel zeroed): what `f` makes of the
    /// text.
    pub(super) fn render_with<R>(
        &self,
        template: &str,
        ctx: &Context,
        f: impl FnOnce(&str) -> R,
    ) -> Result<R, Diagnostic> {
        let mut buffer = BUFFER.take();
        buffer.clear();
        let result = match self.theme.tera.render_to(template, ctx, &mut buffer) {
            Ok(()) => match std::str::from_utf8(&buffer) {
                Ok(text) => Ok(f(text)),
                // Never (a template writes text): Tera's own render says why.
                Err(_) => self.render(template, ctx).map(|text| f(&text)),
            },
            Err(e) => Err(self.theme.error(&e, template)),
        };
        if buffer.capacity() <= BUFFER_KEPT {
            BUFFER.set(buffer);
        }
        result
    }

    /// Whether the site's theme has templates of its own.
    pub(super) fn overrides_templates(&self) -> bool {
        self.theme.overrides_templates()
    }
}

thread_local! {
    /// Each thread's buffer for [`Renderer::render_with`].
    static BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The most room a thread's buffer keeps between pages (a unit's page is
/// tens of kB; the table, rendered once, is not kept).
const BUFFER_KEPT: usize = 1 << 20;

/// A context holding one view under `key`.
pub(super) fn with<T: Serialize + ?Sized>(key: &'static str, view: &T) -> Context {
    let mut ctx = Context::new();
    ctx.insert(key, view);
    ctx
}

/// What the pages of one rendered edition link to (made by `editions`).
pub(super) struct Links {
    /// The list of editions, relative to this edition's root.
    pub elenco: String,
    /// This edition's changes page, relative to its root, when it has one.
    pub modifiche: Option<String>,
    /// Set on an earlier edition: its notice.
    pub notice: Option<Notice>,
    /// The earlier editions' data files, for the DCAT file (current edition only).
    pub files: Vec<opendata::EditionFile>,
}

pub(super) struct Notice {
    pub nome: String,
    pub periodo: Option<String>,
    pub aggiornato_il: Date,
    pub pubblicato_il: Option<Date>,
    /// Page folders of the current edition (`""`, `tabella/`, `<slug>/`).
    pub current_dirs: HashSet<String>,
    /// The current edition is in force on the day of the build (by its
    /// own dates): the links say "in vigore" only then.
    pub corrente_in_vigore: bool,
}

/// The template's `archivio` (documented in `themes/default/CONTEXT.md`).
#[derive(Serialize)]
pub(super) struct ArchiveView<'a> {
    pub elenco_url: String,
    pub modifiche_url: Option<String>,
    pub edizione: Option<NoticeView<'a>>,
}

/// The notice of an earlier edition. One struct, one template block: the
/// place where validity dates will go too.
#[derive(Serialize)]
pub(super) struct NoticeView<'a> {
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
    /// The current edition is in force today (else it is "corrente").
    pub corrente_in_vigore: bool,
}

impl Links {
    /// The view for the page in folder `dir` whose relative root is `radice`.
    fn view(&self, dir: &str, radice: &str) -> ArchiveView<'_> {
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
                    corrente_in_vigore: n.corrente_in_vigore,
                }
            }),
        }
    }
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
                corrente_in_vigore: true,
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
