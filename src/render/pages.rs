//! The files of one edition of the catalogue: the home, a page per unit,
//! the table, the search page, the extra pages, the open data
//! (`opendata`), the search index and the theme's assets; the current
//! edition also gets the site-wide 404 page (`sitemap::not_found`). An
//! earlier edition is rendered by the same code under its own `base_url`.
//!
//! The unit pages, the open data and the search index do not depend on
//! each other: they are built in parallel, and gathered in an ordered map,
//! so the result does not depend on the threads. The table's rows are
//! rendered with the unit pages (`table-row.html`, one per unit, from the
//! same template value), and the table from them once they are all made.

use std::sync::Mutex;

use rayon::prelude::*;
use tera::Context;

use super::output::{ASSETS_DIR, Entry, Output, SEARCH_DIR, TABLE_DIR};
use super::renderer::{PageSpec, Renderer, with};
use super::{opendata, sitemap};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::italian;
use crate::markdown;
use crate::model::Site;
use crate::search;
use crate::views;

/// Which unit pages of the current edition a render produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Units {
    /// Every one (a build).
    All,
    /// An empty file at each unit page's path, so that everything listing
    /// the pages (the sitemap) is right; the caller replaces them with the
    /// pages it rendered with `render::unit_pages` (the preview's
    /// incremental update).
    Placeholders,
}

/// Whether a render of one edition also makes the files of the whole site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// The current edition: with the site-wide 404 page.
    Current,
    /// An earlier edition: its own pages only.
    Earlier,
}

/// Where the page of the unit `slug` is written.
pub(crate) fn unit_page_path(slug: &str) -> String {
    format!("{}index.html", views::unit_url(slug))
}

/// The page of one unit, `value` its view `u` as a template value
/// ([`unit_value`]): what `f` makes of its path and HTML (in the renderer's
/// buffer). The full build and the preview's incremental update both
/// render unit pages through here.
pub(super) fn unit_page<R>(
    r: &Renderer,
    u: &views::UnitView,
    value: tera::Value,
    f: impl FnOnce(String, &str) -> R,
) -> Result<R, Diagnostic> {
    let ente = &r.site.config.ente;
    let partial = u.parzialmente_smartizzabili.len();
    let descrizione = match u.altre_attivita_testo {
        Some(rule) => format!(
            "{ente}, {}: le attività smartizzabili{} e non smartizzabili in lavoro agile. {rule}",
            u.nome,
            if partial > 0 {
                ", parzialmente smartizzabili"
            } else {
                ""
            }
        ),
        None if partial > 0 => {
            // In agreement with each number ("1 non smartizzabile").
            let kind = italian::count;
            format!(
                "{ente}, {}: {}, {} e {} in lavoro agile.",
                u.nome,
                kind(
                    u.smartizzabili.len(),
                    "attività smartizzabile",
                    "attività smartizzabili"
                ),
                kind(
                    partial,
                    "parzialmente smartizzabile",
                    "parzialmente smartizzabili"
                ),
                kind(
                    u.non_smartizzabili.len(),
                    "non smartizzabile",
                    "non smartizzabili"
                ),
            )
        }
        None => format!(
            "{ente}, {}: {} e {} in lavoro agile.",
            u.nome,
            italian::count(
                u.smartizzabili.len(),
                "attività smartizzabile",
                "attività smartizzabili"
            ),
            italian::count(
                u.non_smartizzabili.len(),
                "non smartizzabile",
                "non smartizzabili"
            )
        ),
    };
    let spec = PageSpec {
        tipo: "unita",
        file: unit_page_path(u.slug),
        dir: views::unit_url(u.slug),
        current: String::new(),
        titolo: u.nome.to_string(),
        descrizione,
    };
    let mut ctx = Context::new();
    ctx.insert_value("unita", value);
    r.page_with(spec, "unit.html", ctx, f)
}

/// A unit's view as the template value its page's `unita` and the table's
/// rows read.
pub(super) fn unit_value(u: &views::UnitView) -> tera::Value {
    tera::Value::from_serializable(u)
}

/// Every file of the edition `r` renders (its site, as of the date its
/// `Renderer` was made with), the unit pages as `units_mode` says, added to
/// `out` (each written as soon as it is made when `out` has a sink).
/// Template errors go into `diags`; false when it holds an error.
pub(super) fn render(
    r: &Renderer,
    units_mode: Units,
    scope: Scope,
    out: &mut Output,
    diags: &mut Diagnostics,
) -> bool {
    let site = r.site;
    let totals = r.shared.totals;
    let ente = &site.config.ente;
    let home = views::home_view(site);
    let units = views::unit_views(site);
    let shared = &*out;
    let page = |p: Result<(String, String), Diagnostic>| -> Result<Entry, Diagnostic> {
        p.map(|(path, html)| shared.text_entry(path, &html))
    };

    // Each unit is made a template value once, on a core of its own, and
    // rendered twice with it: its page and its row of the table (the
    // table's template prints the rows). The values are then dropped, not
    // held for the table: at 10,000 units they were the largest thing a
    // build held, and a third of the kernel's page zeroing. A theme with
    // templates of its own gets them in the table's `righe` and
    // `unita_tutte` as well, since its template may read them.
    let keep_values = r.overrides_templates();
    let table_spec = || {
        PageSpec::index(
            "tabella",
            TABLE_DIR,
            r.phrase("pagina-tabella-titolo"),
            if totals.unita == 0 {
                r.phrase("pagina-tabella-descrizione")
            } else {
                r.phrase("pagina-tabella-descrizione-per-unita")
            },
        )
    };
    let mut row_ctx = Context::new();
    r.page_context(&table_spec(), &mut row_ctx);
    let row = |value: tera::Value| -> Result<tera::Value, Diagnostic> {
        let mut ctx = row_ctx.clone();
        ctx.insert_value("u", value);
        r.render_with(TABLE_ROW, &ctx, tera::Value::safe_string)
    };
    let unit_jobs = || -> Vec<UnitJob> {
        units
            .par_iter()
            .map(|u| {
                let value = unit_value(u);
                let page = match units_mode {
                    Units::All => unit_page(r, u, value.clone(), |path, html| {
                        shared.text_entry(path, html)
                    }),
                    // An empty placeholder: the path counts for the
                    // sitemap, the caller puts the page it keeps in its place.
                    Units::Placeholders => Ok(Entry::Held(unit_page_path(u.slug), Vec::new())),
                };
                let kept = keep_values.then(|| value.clone());
                UnitJob {
                    page,
                    row: row(value),
                    value: kept,
                }
            })
            .collect()
    };
    let edition_files = r.archive.map_or(&[][..], |a| &a.files);
    let data = || {
        let files = Collected {
            out: shared,
            entries: Mutex::new(Vec::new()),
        };
        let downloads = opendata::build_with(site, &units, edition_files, r.shared.today, &files);
        let mut files = files
            .entries
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        // In a fixed order, whichever thread made them first.
        files.sort_by(|a, b| a.path().cmp(b.path()));
        (downloads, files)
    };
    let index = || {
        search::index::build(site, &units)
            .into_iter()
            .map(|(path, bytes)| shared.entry(path, bytes))
            .collect::<Vec<Entry>>()
    };
    // The long single-threaded pieces (the search index, the workbook
    // inside the open data) start first, the units (split among the
    // threads) fill the cores around them and to the end: with the unit
    // pages first, one core idled at the end of the render while the
    // index finished.
    let ((index, data), jobs) = rayon::join(|| rayon::join(index, data), unit_jobs);
    let (downloads, data_files) = data;
    let mut unit_pages = Vec::with_capacity(jobs.len());
    let mut rows = Vec::with_capacity(jobs.len() + 1);
    let mut values = Vec::new();
    for job in jobs {
        unit_pages.push(job.page);
        rows.push(job.row);
        values.extend(job.value);
    }
    // The table: the common activities first, then every unit.
    let comuni = home.comuni.as_ref().map(unit_value);
    let table = comuni
        .iter()
        .map(|c| row(c.clone()))
        .chain(rows)
        .collect::<Result<Vec<tera::Value>, Diagnostic>>()
        .and_then(|rows| {
            // The rows and the rest of the page (the intro, the criteria,
            // the header and footer).
            let room = rows
                .iter()
                .map(|row| row.as_str().map_or(0, str::len) + 16)
                .sum::<usize>()
                + (64 << 10);
            let mut ctx = Context::new();
            ctx.insert_value("righe_html", tera::Value::from(rows));
            if keep_values {
                let righe: Vec<tera::Value> =
                    comuni.into_iter().chain(values.iter().cloned()).collect();
                ctx.insert_value("unita_tutte", tera::Value::from(values));
                ctx.insert_value("righe", tera::Value::from(righe));
            }
            r.page_sized(table_spec(), "table.html", ctx, room)
        });
    let table = page(table);

    let mut home_ctx = with("home", &home);
    home_ctx.insert("dati", &downloads);
    let mut pages = vec![page(r.page(
        PageSpec::index(
            "home",
            "",
            site.config.titolo.clone(),
            home_description(site, &totals),
        ),
        "index.html",
        home_ctx,
    ))];
    pages.extend(unit_pages);
    pages.push(table);
    pages.push(page(r.page(
        PageSpec::index(
            "cerca",
            SEARCH_DIR,
            r.phrase("pagina-cerca-titolo"),
            r.phrase("pagina-cerca-descrizione"),
        ),
        "search.html",
        Context::new(),
    )));
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
        pages.push(page(r.page(
            PageSpec::index("pagina", &dir, p.titolo.clone(), descrizione),
            "page.html",
            with("pagina", &view),
        )));
    }
    if scope == Scope::Current {
        pages.push(page(sitemap::not_found(r)));
    }
    let assets: Vec<Entry> = r
        .static_files()
        .map(|(name, bytes)| shared.entry(format!("{ASSETS_DIR}{name}"), bytes.clone()))
        .collect();

    for p in pages {
        match p {
            Ok(entry) => out.insert(entry),
            Err(d) => diags.push(d),
        }
    }
    for entry in data_files.into_iter().chain(assets).chain(index) {
        out.insert(entry);
    }

    !diags.has_errors()
}

/// What is made of one unit: its page (or its placeholder), its row of
/// the table, and its template value when the table's context holds them.
struct UnitJob {
    page: Result<Entry, Diagnostic>,
    row: Result<tera::Value, Diagnostic>,
    value: Option<tera::Value>,
}

/// The template of one row of the table, which `table.html` prints.
const TABLE_ROW: &str = "table-row.html";

/// The open data's files as entries of `out` (written at once when it has
/// a sink), gathered from the threads that made them.
struct Collected<'a> {
    out: &'a Output,
    entries: Mutex<Vec<Entry>>,
}

impl Collected<'_> {
    fn push(&self, entry: Entry) -> usize {
        let size = entry.size();
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(entry);
        size
    }
}

impl opendata::Files for Collected<'_> {
    fn bytes(&self, name: &'static str, bytes: Vec<u8>) {
        self.push(self.out.entry(name.to_string(), bytes));
    }

    fn stream(
        &self,
        name: &'static str,
        capacity: usize,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> usize {
        self.push(self.out.stream(name.to_string(), capacity, write))
    }
}

/// The home's `<meta name="description">`: never a count that the rule for
/// unlisted activities would contradict, never "unità" when there are none.
fn home_description(site: &Site, totals: &views::Totals) -> String {
    let ente = &site.config.ente;
    let one = totals.attivita == 1;
    let mut what = if one {
        "l'unica attività".to_string()
    } else {
        format!("le {} attività", totals.attivita)
    };
    match totals.unita {
        0 => {}
        1 => what.push_str(" dell'unica unità organizzativa"),
        n => what.push_str(&format!(" delle {n} unità organizzative")),
    }
    let sides = match (one, totals.parzialmente_smartizzabili > 0) {
        (true, true) => "smartizzabile, parzialmente smartizzabile o non smartizzabile",
        (true, false) => "smartizzabile o non smartizzabile",
        (false, true) => "smartizzabili, parzialmente smartizzabili e non smartizzabili",
        (false, false) => "smartizzabili e non smartizzabili",
    };
    match site.config.altre_attivita {
        Some(rule) => format!(
            "{ente}: {what} {}, {sides} in lavoro agile. {}",
            if one { "elencata" } else { "elencate" },
            views::altre_attivita_testo(rule)
        ),
        None => format!("{ente}: {what}, {sides} in lavoro agile."),
    }
}
