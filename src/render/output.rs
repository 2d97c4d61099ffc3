//! What a render produces: [`Output`], the site's files in memory, and the
//! names of the files and folders the render stage writes into it, each
//! spelt once here. The open data's file names are `opendata`'s
//! (`opendata::CSV`, ...), the search index's folder `search::index::DIR`,
//! the archive's folder `editions::URL_DIR`.

use std::collections::BTreeMap;

/// The sitemap of the whole site, at its root.
pub(crate) const SITEMAP: &str = "sitemap.xml";
/// The crawlers' file, at the root; it names [`SITEMAP`].
pub(crate) const ROBOTS: &str = "robots.txt";
/// The page a server answers for a missing address, at the root.
pub(crate) const NOT_FOUND: &str = "404.html";
/// The theme's static files.
pub(crate) const ASSETS_DIR: &str = "assets/";
/// The table of every activity.
pub(crate) const TABLE_DIR: &str = "tabella/";
/// The search page.
pub(crate) const SEARCH_DIR: &str = "cerca/";
/// "Cosa è cambiato" and its data, in every edition that has an earlier one.
pub(crate) const CHANGES_DIR: &str = "modifiche/";
pub(crate) const CHANGES_CSV: &str = "modifiche.csv";
pub(crate) const CHANGES_JSON: &str = "modifiche.json";

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
/// `check`, `serve`): an `index.html`; [`NOT_FOUND`] is not one.
pub(crate) fn is_page(path: &str) -> bool {
    path.ends_with("index.html")
}
