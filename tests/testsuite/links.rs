//! Every internal link of every page is relative and resolves to a file of
//! the output, and every `#fragment` to an element with that id.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use crate::support::{Site, sel, tree};

/// Checks every `href`/`src` of every HTML file; returns the broken ones.
pub(crate) fn broken_links(public: &Path) -> Vec<String> {
    let files = tree(public);
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut docs = Vec::new();
    for (path, bytes) in &files {
        if path.ends_with(".html") {
            let doc = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
            ids.insert(
                path.clone(),
                doc.select(&sel("[id]"))
                    .map(|e| e.value().id().unwrap().to_string())
                    .collect(),
            );
            docs.push((path.clone(), doc));
        }
    }
    let mut broken = Vec::new();
    for (path, doc) in &docs {
        if path == "404.html" {
            continue; // its links are absolute paths from base_url, checked elsewhere
        }
        for e in doc.select(&sel("[href], [src]")) {
            let url = e
                .value()
                .attr("href")
                .or_else(|| e.value().attr("src"))
                .unwrap();
            if url.contains("://") || url.starts_with("mailto:") || url.starts_with("data:") {
                continue;
            }
            if url.starts_with('/') {
                broken.push(format!("{path}: {url} is not relative"));
                continue;
            }
            let (target, fragment) = match url.split_once('#') {
                Some((t, f)) => (t, Some(f)),
                None => (url, None),
            };
            let file = if target.is_empty() {
                path.clone()
            } else {
                let mut p = normalise(&Path::new(path).parent().unwrap().join(target));
                if target.ends_with('/') || p.as_os_str().is_empty() {
                    p = p.join("index.html");
                }
                p.to_string_lossy().into_owned()
            };
            if !files.contains_key(&file) {
                broken.push(format!("{path}: {url} -> {file} does not exist"));
                continue;
            }
            if let Some(f) = fragment
                && !ids.get(&file).is_some_and(|s| s.contains(f))
            {
                broken.push(format!("{path}: {url} -> no id `{f}` in {file}"));
            }
        }
    }
    broken
}

fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn relative_links_resolve_on_the_fixture() {
    let site = Site::fixture("basic");
    site.build();
    assert_eq!(broken_links(&site.public()), Vec::<String>::new());
}

#[test]
fn relative_links_resolve_on_the_example_site() {
    let site = Site::example();
    site.build();
    assert_eq!(broken_links(&site.public()), Vec::<String>::new());
}

#[test]
fn the_link_checker_finds_a_broken_link() {
    let site = Site::fixture("basic");
    site.build();
    std::fs::remove_file(site.public().join("tributi/index.html")).unwrap();
    let broken = broken_links(&site.public());
    assert!(broken.iter().any(|b| b.contains("tributi/")), "{broken:?}");
}

#[test]
fn the_404_page_links_from_the_base_path() {
    let site = Site::fixture("basic");
    site.build();
    let doc = site.html("404.html");
    let css = doc.select(&sel("link[rel='stylesheet']")).next().unwrap();
    assert_eq!(
        css.value().attr("href"),
        Some("/trasparenza/lavoro-agile/assets/style.css")
    );
}

/// Issue 21: `![x](https://...)` in content was published as an `<img>`
/// loading a third party; now it is a link to the image (and a warning,
/// `errors::an_image_on_another_site_is_a_warning_at_it`), and links to
/// other sites stay links.
#[test]
fn an_image_on_another_site_is_published_as_a_link() {
    let site = Site::fixture("errors/off-site-image");
    site.build();
    for page in [
        "anagrafe/index.html",
        "orari/index.html",
        "tabella/index.html",
    ] {
        let html = site.read(page);
        assert!(!html.contains("<img src=\"https:"), "{page}: {html}");
        assert!(!html.contains("<img src=\"//"), "{page}: {html}");
    }
    let unit = site.read("anagrafe/index.html");
    assert!(
        unit.contains(
            "<a href=\"https://maps.example.com/sportello.png\">Mappa dello sportello</a>"
        ),
        "{unit}"
    );
    assert!(unit.contains("<a href=\"https://www.anpr.interno.it/\">il portale</a>"));
    assert!(site.read("orari/index.html").contains(
        "<a href=\"https://cdn.example.com/orari.png\" title=\"Orari\">Tabella degli orari</a>"
    ));
}

/// A link to a file on the clerk's computer or the office network, or with
/// a scheme a page does not keep, was published as a link to `#` (the top
/// of the page) without a word; now it is its text alone, and a warning at
/// it (`errors::pasted_html_and_links_to_local_files_are_warnings_at_them`).
#[test]
fn links_a_page_cannot_keep_are_published_as_their_text() {
    let site = Site::fixture("errors/pasted-html-and-local-links");
    site.build();
    for page in [
        "index.html",
        "tributi/index.html",
        "orari/index.html",
        "tabella/index.html",
    ] {
        let html = site.read(page);
        for gone in ["href=\"#\"", "file:", "javascript:", "server", "Delibere"] {
            assert!(!html.contains(gone), "{page} has {gone}");
        }
    }
    let unit = site.read("tributi/index.html");
    assert!(
        unit.contains("Modulo: modulo di rimborso, vedi anche\nla guida e <a href=\"https://www.comune.prova.it/tributi/\">il sito</a>."),
        "{unit}"
    );
    assert!(unit.contains("Vedi delibera."), "{unit}");
    assert!(site.read("index.html").contains("(testo)."));
    assert!(
        site.read("orari/index.html")
            .contains("Il modulo è in segreteria.")
    );
}
