//! What a render produces: [`Output`], the site's files, and the names of
//! the files and folders the render stage writes into it, each spelt once
//! here. The open data's file names are `opendata`'s (`opendata::CSV`, ...),
//! the search index's folder `search::index::DIR`, the archive's folder
//! `editions::URL_DIR`.
//!
//! An [`Output`] holds its files in memory (`check`, the preview), or, made
//! with a [`Sink`] (a build: `write`'s staging folder), hands each file to
//! the sink as soon as it is rendered and keeps only its size and, for a
//! page, the ids and links the link check needs: the pages of a large site
//! are never all held at once, and writing overlaps rendering.

use std::collections::BTreeMap;
use std::io;
use std::sync::Arc;

use crate::linkcheck::Scanned;

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

/// Where a build puts each file as it is rendered (`write`'s staging
/// folder). Called from every thread of a render, once per path.
pub(crate) trait Sink: Send + Sync {
    /// Writes `bytes` as the file `path` (relative to the site's root).
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()>;
    /// Opens the file `path` to be written in pieces; flushing the writer
    /// finishes it.
    fn open(&self, path: &str) -> io::Result<Box<dyn io::Write + '_>>;
}

/// A file handed to the [`Sink`]: what is kept of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Written {
    pub size: usize,
    /// A page's ids and links (HTML files only), for the link check.
    pub scanned: Option<Scanned>,
}

/// One file on its way into an [`Output`] ([`Output::entry`]): made on any
/// thread, added in order with [`Output::insert`].
pub(crate) enum Entry {
    Held(String, Vec<u8>),
    Written(String, Written),
    Failed(String, io::Error),
}

impl Entry {
    /// The file's path.
    pub(crate) fn path(&self) -> &str {
        match self {
            Entry::Held(p, _) | Entry::Written(p, _) | Entry::Failed(p, _) => p,
        }
    }

    /// The file's size (0 when it failed).
    pub(crate) fn size(&self) -> usize {
        match self {
            Entry::Held(_, b) => b.len(),
            Entry::Written(_, w) => w.size,
            Entry::Failed(..) => 0,
        }
    }
}

/// A writer that counts the bytes written through it.
struct Counted<W> {
    inner: W,
    count: usize,
}

impl<W: io::Write> io::Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.count += n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The files of the site: path relative to the output folder -> bytes (or,
/// with a sink, what is kept of each file written).
#[derive(Default, Clone)]
pub struct Output {
    /// The files held in memory.
    pub files: BTreeMap<String, Vec<u8>>,
    /// The files already handed to the sink.
    written: BTreeMap<String, Written>,
    sink: Option<(Arc<dyn Sink>, String)>,
    /// The first file the sink failed to write, and why.
    failed: Option<(String, Arc<io::Error>)>,
}

impl std::fmt::Debug for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Output")
            .field("files", &self.files)
            .field("written", &self.written)
            .field("failed", &self.failed)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Output {
    fn eq(&self, other: &Self) -> bool {
        self.files == other.files && self.written == other.written
    }
}

impl Output {
    /// An output that hands each file to `sink` under `prefix` (`""`, or an
    /// earlier edition's folder).
    pub(crate) fn to_sink(sink: Arc<dyn Sink>, prefix: String) -> Self {
        Output {
            sink: Some((sink, prefix)),
            ..Output::default()
        }
    }

    /// An empty output writing to the same sink as `self`, under `prefix`
    /// below it; an output held in memory when `self` is.
    pub(crate) fn beside(&self, prefix: &str) -> Self {
        match &self.sink {
            Some((sink, p)) => Output::to_sink(sink.clone(), format!("{p}{prefix}")),
            None => Output::default(),
        }
    }

    pub fn add(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        let entry = self.entry(path.into(), bytes.into());
        self.insert(entry);
    }

    /// The file `path`: written to the sink now (with the page's links
    /// scanned) when there is one, else kept. Any thread may call it.
    pub(crate) fn entry(&self, path: String, bytes: Vec<u8>) -> Entry {
        match &self.sink {
            None => Entry::Held(path, bytes),
            Some(sink) => {
                let scanned = path
                    .ends_with(".html")
                    .then(|| crate::linkcheck::scan_page(&String::from_utf8_lossy(&bytes)));
                hand_over(sink, path, &bytes, scanned)
            }
        }
    }

    /// [`Output::entry`] of a text (a page as rendered, perhaps in the
    /// renderer's buffer): read as it is; copied, at its size, only to be
    /// held.
    pub(crate) fn text_entry(&self, path: String, text: &str) -> Entry {
        match &self.sink {
            None => Entry::Held(path, text.as_bytes().to_vec()),
            Some(sink) => {
                let scanned = path
                    .ends_with(".html")
                    .then(|| crate::linkcheck::scan_page(text));
                hand_over(sink, path, text.as_bytes(), scanned)
            }
        }
    }

    /// The file `path` (not a page: its links are not scanned), which
    /// `write` writes in pieces: straight into the sink's file when there is
    /// one, so it is never held whole; else into memory, `capacity` bytes
    /// reserved. Any thread may call it.
    pub(crate) fn stream(
        &self,
        path: String,
        capacity: usize,
        write: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Entry {
        debug_assert!(!path.ends_with(".html"), "{path} is a page");
        let Some((sink, prefix)) = &self.sink else {
            let mut bytes = Vec::with_capacity(capacity);
            return match write(&mut bytes) {
                Ok(()) => Entry::Held(path, bytes),
                Err(e) => Entry::Failed(path, e),
            };
        };
        let written = sink.open(&format!("{prefix}{path}")).and_then(|w| {
            let mut w = Counted { inner: w, count: 0 };
            write(&mut w)?;
            io::Write::flush(&mut w)?;
            Ok(w.count)
        });
        match written {
            Ok(size) => Entry::Written(
                path,
                Written {
                    size,
                    scanned: None,
                },
            ),
            Err(e) => Entry::Failed(path, e),
        }
    }

    /// Adds a file made by [`Output::entry`]; a later file at the same path
    /// replaces the earlier one.
    pub(crate) fn insert(&mut self, entry: Entry) {
        match entry {
            Entry::Held(path, bytes) => {
                self.written.remove(&path);
                self.files.insert(path, bytes);
            }
            Entry::Written(path, w) => {
                self.files.remove(&path);
                self.written.insert(path, w);
            }
            Entry::Failed(path, e) => {
                if self.failed.is_none() {
                    let prefix = self.sink.as_ref().map_or("", |(_, p)| p.as_str());
                    self.failed = Some((format!("{prefix}{path}"), Arc::new(e)));
                }
            }
        }
    }

    /// Moves every file of `other` into `self` under `prefix` (an earlier
    /// edition's folder): `other` was made with [`Output::beside`], so its
    /// written files are already there.
    pub(crate) fn absorb(&mut self, prefix: &str, other: Output) {
        for (path, bytes) in other.files {
            self.add(format!("{prefix}{path}"), bytes);
        }
        for (path, w) in other.written {
            self.insert(Entry::Written(format!("{prefix}{path}"), w));
        }
        if self.failed.is_none() {
            self.failed = other.failed;
        }
    }

    /// The first file the sink could not write: (path under the sink, why).
    pub(crate) fn failed(&self) -> Option<(&str, &io::Error)> {
        self.failed.as_ref().map(|(p, e)| (p.as_str(), e.as_ref()))
    }

    /// Whether the site has a file at `path`.
    pub(crate) fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path) || self.written.contains_key(path)
    }

    /// The size of the file at `path`, if there is one.
    pub(crate) fn size_of(&self, path: &str) -> Option<usize> {
        self.files
            .get(path)
            .map(Vec::len)
            .or_else(|| self.written.get(path).map(|w| w.size))
    }

    /// Every path, in order.
    pub(crate) fn paths(&self) -> impl Iterator<Item = &String> {
        merged(self.files.keys(), self.written.keys())
    }

    /// How many files the site has.
    pub fn len(&self) -> usize {
        self.files.len() + self.written.len()
    }

    /// Whether the site has no file.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The files handed to the sink, with what is kept of them.
    pub(crate) fn written(&self) -> &BTreeMap<String, Written> {
        &self.written
    }

    pub fn total_bytes(&self) -> usize {
        self.files.values().map(Vec::len).sum::<usize>()
            + self.written.values().map(|w| w.size).sum::<usize>()
    }

    /// Paths of the HTML pages, with `index.html` dropped (`tabella/`).
    pub fn page_urls(&self) -> Vec<String> {
        self.paths()
            .filter(|p| is_page(p))
            .map(|p| p.trim_end_matches("index.html").to_string())
            .collect()
    }
}

/// `bytes` handed to `sink` (under its prefix) as the file `path`, with what
/// is kept of it.
fn hand_over(
    (sink, prefix): &(Arc<dyn Sink>, String),
    path: String,
    bytes: &[u8],
    scanned: Option<Scanned>,
) -> Entry {
    match sink.put(&format!("{prefix}{path}"), bytes) {
        Ok(()) => Entry::Written(
            path,
            Written {
                size: bytes.len(),
                scanned,
            },
        ),
        Err(e) => Entry::Failed(path, e),
    }
}

/// Two sorted iterators of paths as one sorted iterator.
fn merged<'a>(
    a: impl Iterator<Item = &'a String>,
    b: impl Iterator<Item = &'a String>,
) -> impl Iterator<Item = &'a String> {
    let mut a = a.peekable();
    let mut b = b.peekable();
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) => {
            if x <= y {
                a.next()
            } else {
                b.next()
            }
        }
        (Some(_), None) => a.next(),
        (None, _) => b.next(),
    })
}

/// Whether an output path is a page, as every summary counts them (`build`,
/// `check`, `serve`): an `index.html`; [`NOT_FOUND`] is not one.
pub(crate) fn is_page(path: &str) -> bool {
    path.ends_with("index.html")
}
