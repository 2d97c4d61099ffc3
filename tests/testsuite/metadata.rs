//! The metadata every page carries (title, description, canonical URL, date
//! of update, source act, footer links), checked on every HTML file of the
//! output rather than a fixed list, and the sitemap against the pages.

use crate::support::{Site, sel, text_of, tree};

fn pages(site: &Site) -> Vec<String> {
    tree(&site.public())
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect()
}

fn attr(doc: &scraper::Html, css: &str, name: &str) -> Option<String> {
    doc.select(&sel(css))
        .next()
        .and_then(|e| e.value().attr(name).map(str::to_string))
}

#[test]
fn every_page_has_title_description_canonical_date_and_source() {
    let site = Site::example();
    site.build();
    let base = "https://www.comune.esempio.it/amministrazione-trasparente/lavoro-agile/";
    let all = pages(&site);
    assert!(all.len() >= 12, "{all:?}");
    let mut titles = std::collections::HashSet::new();
    for p in &all {
        let doc = site.html(p);
        let title = doc.select(&sel("head > title")).next().map(text_of);
        let title = title.unwrap_or_default();
        assert!(title.ends_with("Comune di Esempio"), "{p}: {title}");
        assert!(titles.insert(title.clone()), "{p}: title {title} repeated");
        let descr = attr(&doc, "meta[name='description']", "content").unwrap_or_default();
        assert!(descr.len() > 20, "{p}: description {descr:?}");
        let canonical = attr(&doc, "link[rel='canonical']", "href").unwrap();
        let path = p.trim_end_matches("index.html");
        assert_eq!(canonical, format!("{base}{path}"), "{p}");
        // Pages of the archived 2025 edition show their own date and act.
        let (date, act) = if p.starts_with("archivio/2025/") {
            ("2025-11-20", "piao-2025-2027.pdf")
        } else {
            ("2026-11-26", "piao-2026-2028.pdf")
        };
        let updated = doc
            .select(&sel(&format!(".metadato time[datetime='{date}']")))
            .next()
            .unwrap_or_else(|| panic!("{p}: no date of update"));
        let parent = scraper::ElementRef::wrap(updated.parent().unwrap()).unwrap();
        assert!(text_of(parent).starts_with("Ultimo aggiornamento"), "{p}");
        assert!(
            doc.select(&sel(&format!(
                "a[href='https://www.comune.esempio.it/amministrazione-trasparente/{act}']"
            )))
            .next()
            .is_some(),
            "{p}: the source act is not linked"
        );
        for (el, text) in [
            ("accessibility-link", "Dichiarazione di accessibilità"),
            ("privacy-policy-link", "Informativa privacy"),
            ("legal-notes", "Note legali"),
        ] {
            let a = doc
                .select(&sel(&format!("footer a[data-element='{el}']")))
                .next()
                .unwrap_or_else(|| panic!("{p}: no {el}"));
            assert_eq!(text_of(a), text);
        }
    }
}

#[test]
fn pages_without_optional_settings_show_no_empty_placeholders() {
    let site = Site::fixture("stress");
    site.build();
    for p in pages(&site) {
        let doc = site.html(&p);
        assert!(doc.select(&sel("p.fonte")).next().is_none(), "{p}");
        assert!(doc.select(&sel(".it-footer-links")).next().is_none(), "{p}");
        let times: Vec<String> = doc
            .select(&sel("time"))
            .filter_map(|t| t.value().attr("datetime").map(str::to_string))
            .collect();
        assert!(times.iter().all(|t| t == "2026-02-01"), "{p}: {times:?}");
        assert!(!times.is_empty(), "{p}");
    }
}

#[test]
fn the_sitemap_lists_every_page_and_nothing_else() {
    for site in [Site::example(), Site::fixture("stress")] {
        site.build();
        let xml = site.read("sitemap.xml");
        let base = attr(&site.html("index.html"), "link[rel='canonical']", "href").unwrap();
        let mut listed: Vec<String> = xml
            .split("<loc>")
            .skip(1)
            .map(|s| s.split("</loc>").next().unwrap().to_string())
            .collect();
        let mut expected: Vec<String> = pages(&site)
            .into_iter()
            .filter(|p| p.ends_with("index.html"))
            .map(|p| format!("{base}{}", p.trim_end_matches("index.html")))
            .collect();
        listed.sort();
        expected.sort();
        assert_eq!(listed, expected);
        assert_eq!(
            xml.matches("<lastmod>").count(),
            listed.len(),
            "every url has its lastmod"
        );
    }
}
