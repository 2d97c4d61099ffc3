//! Stage 3 of the pipeline: the validated [`Site`], its earlier editions and
//! the [`Theme`] become the site's files, in memory ([`Output`]). [`render`]
//! is the one entry a build takes (`pipeline` calls it); the preview renders
//! through [`render_with`] and [`unit_pages`], so it gets the same bytes.
//!
//! The work, one module per output:
//! - `pages`: the files of one edition (home, unit pages, table, search
//!   page, extra pages, `opendata`, the search index, assets);
//! - `editions`: the earlier editions under `archivio/<edizione>/` and
//!   the list of editions; `changes`: the "Cosa è cambiato" pages and data;
//! - `sitemap`: the files of the whole site, made once (`sitemap.xml`,
//!   `robots.txt`, `404.html`);
//! - `renderer`: one page of a template with its common context; `output`:
//!   [`Output`] and the output file names.
//!
//! This file only chains them: the submodules never import it. Render never
//! touches the disk itself (that is `write`, a build's [`Sink`]), and it is deterministic: no clock, no
//! randomness, ordered maps only.

mod changes;
mod editions;
pub(crate) mod opendata;
mod output;
mod pages;
mod renderer;
mod sitemap;

use std::sync::Arc;

use rayon::prelude::*;

pub(crate) use output::{ASSETS_DIR, is_page};
pub(crate) use output::{Output, Sink};
pub(crate) use pages::{Units, unit_page_path};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::editions::Edition;
use crate::model::{Date, Site};
use crate::theme::Theme;
use crate::views;
use pages::Scope;
use renderer::Renderer;

/// Renders every file of the site, its earlier `editions` included, as of
/// `today` (the build's date, which decides whether the catalogue is still
/// in force). Template errors go into `diags`; `None` when there is one.
/// With a `sink`, each file is handed to it as soon as it is rendered (see
/// [`Output`]); a file it failed to write is in [`Output::failed`].
pub(crate) fn render(
    site: &Site,
    editions: &[Edition],
    theme: &Theme,
    today: Date,
    sink: Option<Arc<dyn Sink>>,
    diags: &mut Diagnostics,
) -> Option<Output> {
    let out = match sink {
        Some(sink) => Output::to_sink(sink, String::new()),
        None => Output::default(),
    };
    render_into(site, editions, theme, today, Units::All, out, diags)
}

/// [`render`] with the current edition's unit pages as `units` says.
pub(crate) fn render_with(
    site: &Site,
    editions: &[Edition],
    theme: &Theme,
    today: Date,
    units: Units,
    diags: &mut Diagnostics,
) -> Option<Output> {
    render_into(
        site,
        editions,
        theme,
        today,
        units,
        Output::default(),
        diags,
    )
}

/// [`render_with`] into `out`, an empty output (held, or with a sink).
fn render_into(
    site: &Site,
    editions: &[Edition],
    theme: &Theme,
    today: Date,
    units: Units,
    mut out: Output,
    diags: &mut Diagnostics,
) -> Option<Output> {
    // The earlier editions first: the current DCAT file describes their data files.
    let earlier = editions::render_earlier(site, editions, theme, today, &out, diags);
    let links = editions::current_links(editions, Some(&earlier));
    let r = Renderer::new(site, theme, today, links.as_ref());
    if !pages::render(&r, units, Scope::Current, &mut out, diags) {
        return None;
    }
    if !editions::add(&r, editions, earlier, &mut out, diags) {
        return None;
    }
    sitemap::add(&mut out, site, editions);
    Some(out)
}

/// The pages of the units at `indices` (catalogue order) of the current
/// edition, exactly as [`render`] renders them for the same site, editions,
/// theme and date: (path, HTML) or the template's error.
pub(crate) fn unit_pages(
    site: &Site,
    editions: &[Edition],
    theme: &Theme,
    today: Date,
    indices: &[usize],
) -> Vec<Result<(String, String), Diagnostic>> {
    let links = editions::current_links(editions, None);
    let r = Renderer::new(site, theme, today, links.as_ref());
    indices
        .par_iter()
        .map(|&i| {
            let u = views::unit_view(site, i);
            // Copied out of the renderer's buffer at its size: the
            // preview holds the pages.
            pages::unit_page(&r, &u, pages::unit_value(&u), |path, html| {
                (path, html.to_owned())
            })
        })
        .collect()
}
