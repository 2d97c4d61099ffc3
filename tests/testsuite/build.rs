//! `build` on the `basic` fixture: the pages of the contract exist and show
//! every activity in the right list on the right page.

use crate::support::{Site, sel, text_of, texts};
use scraper::Html;

/// The activity texts of one list (`smartizzabili` or `non-smartizzabili`) of a unit page.
pub(crate) fn activities(doc: &Html, list: &str) -> Vec<String> {
    let css = format!("section[aria-labelledby='{list}'] li[id] > .attivita-testo");
    doc.select(&sel(&css))
        .map(|p| {
            // The activity is the paragraph's own text; the self-link is a child element.
            p.children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn every_page_of_the_contract_is_written() {
    let site = Site::fixture("basic");
    site.build();
    for f in [
        "index.html",
        "anagrafe/index.html",
        "lavori/index.html",
        "senza-area/index.html",
        "tributi/index.html",
        "tabella/index.html",
        "note/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "assets/style.css",
    ] {
        assert!(site.public().join(f).is_file(), "missing {f}");
    }
    // `_archivio/` and non-YAML files are not units.
    assert!(!site.public().join("vecchio").exists());
    assert!(!site.public().join("leggimi").exists());
}

#[test]
fn activities_are_in_the_right_list_as_often_as_in_the_content() {
    let site = Site::fixture("basic");
    site.build();
    let doc = site.html("anagrafe/index.html");
    assert_eq!(
        activities(&doc, "smartizzabili"),
        [
            "Emissione certificati",
            "Notifiche e depositi atti",
            "Emissione certificati"
        ]
    );
    assert_eq!(
        activities(&doc, "non-smartizzabili"),
        ["Attività di sportello"]
    );
    let doc = site.html("senza-area/index.html");
    assert_eq!(
        activities(&doc, "smartizzabili"),
        ["Riunioni: con collegamento da remoto"]
    );
    assert!(activities(&doc, "non-smartizzabili").is_empty());
}

#[test]
fn long_form_activity_shows_note_and_ambiti() {
    let site = Site::fixture("basic");
    site.build();
    let doc = site.html("anagrafe/index.html");
    let li = doc
        .select(&sel("li[id='notifiche-e-depositi-atti']"))
        .next()
        .expect("the activity has a stable anchor from its text");
    let shown = text_of(li);
    assert!(shown.contains("Limitatamente al back office."), "{shown}");
    assert!(
        shown.contains("Contenzioso") && shown.contains("Atti"),
        "{shown}"
    );
    assert_eq!(li.select(&sel("em")).count(), 1, "the note is Markdown");
}

#[test]
fn anchors_are_unique_within_a_page() {
    let site = Site::fixture("basic");
    site.build();
    let doc = site.html("anagrafe/index.html");
    let mut ids: Vec<_> = doc
        .select(&sel("[id]"))
        .map(|e| e.value().id().unwrap().to_string())
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids: {ids:?}");
    assert!(ids.contains(&"emissione-certificati-2".to_string()));
}

#[test]
fn home_groups_units_by_area_in_order_with_counts() {
    let site = Site::fixture("basic");
    site.build();
    let doc = site.html("index.html");
    let areas: Vec<String> = texts(&doc, "main h2[id^='area-']");
    assert_eq!(areas.len(), 3, "{areas:?}");
    // Area tecnica holds the unit with ordine 10, so it comes first; no area comes last.
    assert!(areas[0].starts_with("Area tecnica"), "{areas:?}");
    assert!(areas[1].starts_with("Area servizi"), "{areas:?}");
    assert!(areas[2].starts_with("Altre unità"), "{areas:?}");
    let main = texts(&doc, "main").join(" ");
    assert!(main.contains("Servizio anagrafe"), "{main}");
    assert!(main.contains("3 smartizzabili"), "anagrafe's count: {main}");
    let links: Vec<_> = doc
        .select(&sel("main a[href]"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    for slug in ["anagrafe/", "lavori/", "senza-area/", "tributi/"] {
        assert!(
            links.iter().any(|l| l == slug),
            "no link to {slug} in {links:?}"
        );
    }
}

#[test]
fn every_page_is_italian_with_one_h1_dates_and_source() {
    let site = Site::fixture("basic");
    site.build();
    for f in [
        "index.html",
        "anagrafe/index.html",
        "tabella/index.html",
        "note/index.html",
        "404.html",
    ] {
        let doc = site.html(f);
        let html = doc.select(&sel("html")).next().unwrap();
        assert_eq!(html.value().attr("lang"), Some("it"), "{f}");
        assert_eq!(doc.select(&sel("h1")).count(), 1, "{f}");
        let updated: Vec<_> = doc
            .select(&sel("time[datetime='2026-03-15']"))
            .map(text_of)
            .collect();
        assert!(
            updated.contains(&"15 marzo 2026".to_string()),
            "{f}: {updated:?}"
        );
        assert!(
            doc.select(&sel("time[datetime='2026-01-31']"))
                .next()
                .is_some(),
            "{f}"
        );
        let body = texts(&doc, "body").join(" ");
        assert!(body.contains("Deliberazione n. 1"), "{f}");
        assert!(
            doc.select(&sel("a[href='https://www.comune.prova.it/piao.pdf']"))
                .next()
                .is_some(),
            "{f}"
        );
        for el in ["accessibility-link", "privacy-policy-link"] {
            assert!(
                doc.select(&sel(&format!("footer a[data-element='{el}']")))
                    .next()
                    .is_some(),
                "{f}: {el}"
            );
        }
        // legal notes are not configured in this fixture, so no empty link.
        assert!(
            doc.select(&sel("a[data-element='legal-notes']"))
                .next()
                .is_none(),
            "{f}"
        );
        assert!(
            doc.select(&sel("a.skip-link, a[href='#main-container']"))
                .next()
                .is_some(),
            "{f}"
        );
    }
}

#[test]
fn breadcrumb_follows_percorso() {
    let site = Site::fixture("basic");
    site.build();
    let doc = site.html("anagrafe/index.html");
    let crumbs = texts(&doc, "[data-element='breadcrumb'] li");
    let expected = [
        "Amministrazione trasparente",
        "Atti generali",
        "Attività smartizzabili",
        "Servizio anagrafe",
    ];
    assert_eq!(crumbs.len(), expected.len(), "{crumbs:?}");
    for (c, e) in crumbs.iter().zip(expected) {
        assert!(c.contains(e), "{crumbs:?}");
    }
    let first = doc
        .select(&sel("[data-element='breadcrumb'] a"))
        .next()
        .unwrap();
    assert_eq!(
        first.value().attr("href"),
        Some("https://www.comune.prova.it/amministrazione-trasparente/")
    );
    let current = doc
        .select(&sel("[data-element='breadcrumb'] [aria-current='page']"))
        .map(text_of)
        .collect::<Vec<_>>();
    assert_eq!(current.len(), 1);
    assert!(current[0].contains("Servizio anagrafe"));
}

#[test]
fn table_is_a_real_table_with_every_activity() {
    let site = Site::fixture("basic");
    site.build();
    let doc = site.html("tabella/index.html");
    assert_eq!(doc.select(&sel("table caption")).count(), 1);
    assert_eq!(doc.select(&sel("thead th[scope='col']")).count(), 3);
    let rows = texts(&doc, "tbody th[scope='row']");
    assert_eq!(
        rows,
        [
            "Servizio lavori pubblici",
            "Servizio anagrafe",
            "Servizio tributi",
            "Ufficio di staff"
        ]
    );
    let cells = doc.select(&sel("tbody tr")).nth(1).unwrap();
    let lists: Vec<Vec<String>> = cells
        .select(&sel("td"))
        .map(|td| td.select(&sel("li")).map(|li| text_of(li)).collect())
        .collect();
    assert_eq!(lists[0].len(), 3);
    assert_eq!(lists[1], ["Attività di sportello"]);
}

#[test]
fn extra_page_renders_markdown() {
    let site = Site::fixture("basic");
    site.build();
    let doc = site.html("note/index.html");
    assert_eq!(texts(&doc, "h1"), ["Note metodologiche"]);
    assert!(
        texts(&doc, "main")
            .join(" ")
            .contains("Il catalogo riproduce l'atto.")
    );
    let home = site.html("index.html");
    assert!(
        texts(&home, "main")
            .join(" ")
            .contains("Catalogo di prova.")
    );
    assert_eq!(
        home.select(&sel("main strong"))
            .filter(|e| text_of(*e) == "prova")
            .count(),
        1
    );
}
