//! The search index (`cerca/indice/`) read back as the browser reads it:
//! every activity of the site is in it, with its unit, its list and the
//! anchor its unit page really has; the split form holds the same; and the
//! search page and the home's box are there.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;
use trasparenza::testing::diagnostic::Diagnostics;
use trasparenza::testing::pipeline::{self, BuildOptions};
use trasparenza::testing::search::{analyzer, index};
use trasparenza::testing::views;

use crate::support::{Site, sel, text_of, texts, tree};

/// One activity as the index describes it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    slug: String,
    list: &'static str,
    anchor: String,
    testo: String,
}

/// An index read from a map of files (path under `cerca/indice/` -> JSON).
struct Index {
    meta: Value,
    files: BTreeMap<String, Value>,
}

impl Index {
    fn from_dir(dir: &Path) -> Index {
        let files = tree(dir)
            .into_iter()
            .map(|(p, b)| (p, serde_json::from_slice(&b).unwrap()))
            .collect();
        Index::from_files(files)
    }

    fn from_files(mut files: BTreeMap<String, Value>) -> Index {
        let meta = files.remove("meta.json").expect("meta.json");
        Index { meta, files }
    }

    fn split(&self) -> bool {
        self.meta.get("terms").is_none()
    }

    fn docs(&self) -> Vec<Value> {
        if !self.split() {
            return self.meta["docs"].as_array().unwrap().clone();
        }
        let total = self.meta["docs_total"].as_u64().unwrap() as usize;
        let chunk = self.meta["chunk"].as_u64().unwrap() as usize;
        let names = self.names();
        let mut docs = Vec::new();
        for n in 0..total.div_ceil(chunk) {
            let file = &self.files[&format!("d/{n}.json")];
            // The chunk names the units of its documents.
            for u in file["units"].as_array().unwrap() {
                let i = u[0].as_u64().unwrap() as usize;
                assert_eq!((&u[1], &u[2]), (&names[i][0], &names[i][1]));
            }
            docs.extend(file["docs"].as_array().unwrap().iter().cloned());
        }
        assert_eq!(docs.len(), total);
        docs
    }

    /// `[slug, name]` of every unit.
    fn names(&self) -> Vec<Value> {
        let names = if self.split() {
            &self.files["unita.json"]
        } else {
            &self.meta["units"]
        };
        names.as_array().unwrap().clone()
    }

    /// Every activity, with its unit and list worked out from `units` as
    /// search.js does.
    fn entries(&self) -> Vec<Entry> {
        let docs = self.docs();
        let (unit_si, unit_non) = (self.counts("unit_si"), self.counts("unit_non"));
        let mut out = Vec::new();
        let mut d = 0;
        for (i, name) in self.names().iter().enumerate() {
            let slug = name[0].as_str().unwrap();
            let (si, non) = (unit_si[i], unit_non[i]);
            for k in 0..si + non {
                let doc = &docs[d];
                out.push(Entry {
                    slug: slug.to_string(),
                    list: if k < si { "si" } else { "non" },
                    anchor: doc[0].as_str().unwrap().to_string(),
                    testo: doc[1].as_str().unwrap().to_string(),
                });
                d += 1;
            }
        }
        assert_eq!(d, docs.len(), "units account for every document");
        out
    }

    /// A list of counts of `meta.json`: a JSON list in a small index, a
    /// string of base64url digits of 5 bits (lowest first, 32 added to all
    /// but a number's last) in a split one.
    fn counts(&self, field: &str) -> Vec<u64> {
        let v = &self.meta[field];
        if let Some(list) = v.as_array() {
            assert!(!self.split(), "a split index writes {field} as a string");
            return list.iter().map(|n| n.as_u64().unwrap()).collect();
        }
        assert!(self.split(), "a small index writes {field} as a list");
        const DIGITS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = Vec::new();
        let (mut n, mut shift) = (0u64, 0);
        for c in v.as_str().unwrap().chars() {
            let d = DIGITS.find(c).unwrap() as u64;
            n += (d % 32) << shift;
            if d >= 32 {
                shift += 5;
            } else {
                out.push(n);
                (n, shift) = (0, 0);
            }
        }
        out
    }

    /// Every term entry, whichever file holds it.
    fn terms(&self) -> Vec<Value> {
        if !self.split() {
            return self.meta["terms"].as_array().unwrap().clone();
        }
        let mut all = Vec::new();
        for pair in self.meta["shards"].as_array().unwrap() {
            let (key, file) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
            for e in self.files[&format!("t/{file}.json")].as_array().unwrap() {
                let term = e[0].as_str().unwrap();
                assert_eq!(
                    index::shard_key(term),
                    key,
                    "{term} is in the shard of its first letters"
                );
                all.push(e.clone());
            }
        }
        all
    }

    /// Documents whose text holds `term` (decoded postings).
    fn docs_with(&self, term: &str) -> BTreeSet<u64> {
        let mut out = BTreeSet::new();
        for e in self.terms().iter().filter(|e| e[0] == term) {
            let mut prev = 0;
            for d in e[2].as_array().unwrap() {
                prev += d.as_u64().unwrap();
                out.insert(prev);
            }
        }
        out
    }
}

/// Every activity as the unit pages show it.
fn entries_from_pages(site: &Site, slugs: &[String]) -> Vec<Entry> {
    let mut out = Vec::new();
    for slug in slugs {
        let doc = site.html(&format!("{slug}/index.html"));
        for (list, section) in [("si", "smartizzabili"), ("non", "non-smartizzabili")] {
            let css = format!("section[aria-labelledby='{section}'] li[id]");
            for li in doc.select(&sel(&css)) {
                let p = li.select(&sel(".attivita-testo")).next().unwrap();
                let testo: String = p.text().next().unwrap_or("").trim().to_string();
                out.push(Entry {
                    slug: slug.clone(),
                    list,
                    anchor: li.value().id().unwrap().to_string(),
                    testo,
                });
            }
        }
    }
    out
}

fn check_against_pages(site: &Site, idx: &Index) {
    let from_index = idx.entries();
    let slugs: Vec<String> = idx
        .names()
        .iter()
        .map(|u| u[0].as_str().unwrap().to_string())
        .collect();
    let from_pages = entries_from_pages(site, &slugs);
    assert!(!from_pages.is_empty());
    // Same activities, same order, same anchors: every result link lands.
    assert_eq!(from_index, from_pages);
}

#[test]
fn every_activity_of_the_example_is_indexed_with_its_anchor() {
    let site = Site::example();
    site.build();
    let idx = Index::from_dir(&site.public().join("cerca/indice"));
    assert!(!idx.split(), "the example's index is one small file");
    assert_eq!(idx.entries().len(), 193);
    check_against_pages(&site, &idx);

    // `fatture` is in the text of five activities, all of which say it.
    let docs = idx.docs();
    let with = idx.docs_with(&analyzer::terms("fatture")[0]);
    assert_eq!(with.len(), 5);
    for d in with {
        assert!(docs[d as usize][1].as_str().unwrap().contains("fatture"));
    }
}

#[test]
fn duplicate_activities_keep_their_distinct_anchors() {
    let site = Site::fixture("basic");
    site.build();
    let idx = Index::from_dir(&site.public().join("cerca/indice"));
    check_against_pages(&site, &idx);
    let anagrafe: Vec<String> = idx
        .entries()
        .into_iter()
        .filter(|e| e.slug == "anagrafe" && e.testo == "Emissione certificati")
        .map(|e| e.anchor)
        .collect();
    assert_eq!(
        anagrafe,
        ["emissione-certificati", "emissione-certificati-2"]
    );
    // Notes are indexed as plain text, ambiti by name.
    let meta = &idx.meta;
    let ambiti: Vec<&str> = meta["ambiti"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a[0].as_str().unwrap())
        .collect();
    assert_eq!(ambiti, ["Contenzioso", "Atti"]);
    let note = idx
        .docs()
        .into_iter()
        .find(|d| d[1] == "Notifiche e depositi atti")
        .unwrap();
    assert_eq!(note[2], "Limitatamente al back office.");
    assert_eq!(note[3], serde_json::json!([0, 1]));
}

#[test]
fn the_split_index_holds_the_same_as_the_single_file() {
    let site = Site::example();
    let mut diags = Diagnostics::new();
    let built = pipeline::run(site.root(), &BuildOptions::default(), &mut diags)
        .unwrap()
        .expect("the example builds");
    let views = views::unit_views(&built.site);
    let read = |split: usize| {
        let files = index::build_with(&built.site, &views, split)
            .into_iter()
            .map(|(p, b)| {
                let rel = p.strip_prefix(index::DIR).unwrap().to_string();
                (rel, serde_json::from_slice(&b).unwrap())
            })
            .collect();
        Index::from_files(files)
    };
    let single = read(usize::MAX);
    let split = read(0);
    assert!(!single.split());
    assert!(split.split());
    assert!(split.files.len() > 20, "{} files", split.files.len());
    assert_eq!(single.entries(), split.entries());
    let key = |e: &Value| (e[0].as_str().unwrap().to_string(), e[1].as_u64().unwrap());
    let mut a: Vec<_> = single.terms().iter().map(key).collect();
    let mut b: Vec<_> = split.terms().iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert_eq!(single.docs_with("fattur"), split.docs_with("fattur"));
    // Per-ambito documents, one file each, as in the single form.
    assert_eq!(single.meta["ambito_docs"][1], split.files["a/1.json"]);
}

#[test]
fn the_search_page_and_the_home_box() {
    let site = Site::fixture("basic");
    site.build();
    let page = site.html("cerca/index.html");
    assert_eq!(texts(&page, "h1"), ["Cerca un'attività"]);
    // Without JS: says so and links the full table.
    let msg = page.select(&sel("#ricerca-senza-js")).next().unwrap();
    assert!(text_of(msg).contains("JavaScript"));
    let link = msg.select(&sel("a")).next().unwrap();
    assert_eq!(link.value().attr("href"), Some("../tabella/"));
    // Labelled controls, one polite live region, relative deferred scripts.
    for id in [
        "ricerca-q",
        "ricerca-area",
        "ricerca-unita",
        "ricerca-ambito",
    ] {
        assert_eq!(
            page.select(&sel(&format!("label[for='{id}']"))).count(),
            1,
            "{id}"
        );
    }
    assert_eq!(texts(&page, "[aria-live='polite']").len(), 1);
    let scripts: Vec<(String, bool)> = page
        .select(&sel("script[src]"))
        .map(|s| {
            (
                s.value().attr("src").unwrap().to_string(),
                s.value().attr("defer").is_some(),
            )
        })
        .collect();
    assert_eq!(
        scripts,
        [
            ("../assets/analyzer.js".to_string(), true),
            ("../assets/search-logic.js".to_string(), true),
            ("../assets/search.js".to_string(), true)
        ]
    );
    // In the navigation, current on its page.
    let nav = page
        .select(&sel("nav a[aria-current='page']"))
        .next()
        .unwrap();
    assert_eq!(text_of(nav), "Cerca");

    let home = site.html("index.html");
    let form = home.select(&sel("form[role='search']")).next().unwrap();
    assert_eq!(form.value().attr("action"), Some("cerca/"));
    assert_eq!(form.value().attr("method"), Some("get"));
    let input = form.select(&sel("input[name='q']")).next().unwrap();
    let id = input.value().id().unwrap();
    assert_eq!(home.select(&sel(&format!("label[for='{id}']"))).count(), 1);
}

/// The built-in theme's scripts are served without their comments and
/// indentation (the first query at 10,000 units downloads them); a site's own
/// script in their place is served as it is written.
#[test]
fn built_in_scripts_are_served_stripped_and_a_sites_own_as_written() {
    let site = Site::fixture("basic");
    site.build();
    let source = |name: &str| {
        std::fs::read_to_string(
            crate::support::repo()
                .join("themes/default/static")
                .join(name),
        )
        .unwrap()
    };
    for name in ["analyzer.js", "search-logic.js", "search.js"] {
        let src = source(name);
        let served = site.read(&format!("assets/{name}"));
        assert!(
            served.len() < src.len() * 3 / 4,
            "{name}: {} bytes served of {}",
            served.len(),
            src.len()
        );
        assert!(
            !served.contains("\n  ") && !served.contains("/**"),
            "{name}"
        );
        // Behaving as the source: tests/browser/search-logic.test.mjs.
        assert!(served.lines().any(|l| l == "'use strict';"), "{name}");
    }
    assert_eq!(
        site.read("assets/style.css"),
        source("style.css"),
        "only scripts are stripped"
    );

    let own = "/* my own search */\n(function () {\n  // kept\n  window.mine = 1;\n})();\n";
    site.write("themes/default/static/search.js", own);
    site.build();
    assert_eq!(site.read("assets/search.js"), own);
}
