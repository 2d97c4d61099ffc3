//! Properties of the output as a whole: escaping, determinism, sitemap,
//! robots.txt, the base URL.

use crate::support::{Site, sel, tree};

#[test]
fn script_in_every_text_field_comes_out_escaped() {
    let site = Site::fixture("xss");
    let r = site.run(&["build"]);
    assert!(r.ok(), "{}", r.stderr());
    let files = tree(&site.public());
    let mut seen = 0;
    for (path, bytes) in &files {
        // The open data keeps the text verbatim: it is data, never markup.
        if [".csv", ".json", ".jsonld"]
            .iter()
            .any(|e| path.ends_with(e))
        {
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("<script>alert"), "{path} has live markup");
        assert!(!text.contains("<img src=x"), "{path} has live markup");
        assert!(
            !text.contains("javascript:"),
            "{path} has a javascript: URL"
        );
        seen += text.matches("&lt;script&gt;").count();
    }
    // Every field is shown somewhere, escaped.
    for field in [
        "ente", "titolo", "periodo", "fonte", "atto", "percorso", "intro", "nome", "area", "resp",
        "descr", "testo", "lunga", "nota", "ambito", "non", "pagina", "corpo",
    ] {
        let needle = format!("alert(&quot;{field}&quot;)");
        let alt = format!("alert(\"{field}\")");
        assert!(
            files.values().any(|b| {
                let t = String::from_utf8_lossy(b);
                t.contains(&needle) || t.contains(&format!("&lt;script&gt;{alt}"))
            }),
            "field {field} is not shown escaped"
        );
    }
    assert!(seen > 10);
}

#[test]
fn two_builds_are_byte_identical() {
    let site = Site::fixture("basic");
    site.build();
    let first = tree(&site.public());
    let again = site.run(&[
        "build",
        "--output",
        site.root().join("again").to_str().unwrap(),
    ]);
    assert!(again.ok());
    assert_eq!(first, tree(&site.root().join("again")));
}

#[test]
fn sitemap_lists_every_page_with_lastmod() {
    let site = Site::fixture("basic");
    site.build();
    let xml = site.read("sitemap.xml");
    for p in [
        "",
        "anagrafe/",
        "lavori/",
        "senza-area/",
        "tributi/",
        "tabella/",
        "note/",
    ] {
        let loc = format!(
            "<loc>https://www.comune.prova.it/trasparenza/lavoro-agile/{p}</loc><lastmod>2026-03-15</lastmod>"
        );
        assert!(xml.contains(&loc), "{loc} missing in\n{xml}");
    }
    assert!(!xml.contains("404"));
    let robots = site.read("robots.txt");
    assert!(
        robots
            .contains("Sitemap: https://www.comune.prova.it/trasparenza/lavoro-agile/sitemap.xml")
    );
}

#[test]
fn base_url_flag_overrides_the_settings() {
    let site = Site::fixture("basic");
    let r = site.run(&["build", "--base-url", "http://localhost:8080/prova"]);
    assert!(r.ok(), "{}", r.stderr());
    let doc = site.html("anagrafe/index.html");
    let canonical = doc.select(&sel("link[rel='canonical']")).next().unwrap();
    assert_eq!(
        canonical.value().attr("href"),
        Some("http://localhost:8080/prova/anagrafe/")
    );
    // A bad flag is a usage error (exit 2), as the README's table says.
    for cmd in ["build", "check"] {
        let bad = site.run(&[cmd, "--lang", "en", "--base-url", "not a url"]);
        assert_eq!(bad.code(), Some(2), "{}", bad.stderr());
        assert!(
            bad.stderr().contains("absolute http(s) address"),
            "{}",
            bad.stderr()
        );
    }
}

#[test]
fn no_page_requests_anything_from_another_origin() {
    let site = Site::fixture("basic");
    site.build();
    for (path, bytes) in tree(&site.public()) {
        if !path.ends_with(".html") {
            continue;
        }
        let doc = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
        for (css, attr) in [
            ("script[src]", "src"),
            ("link[href]", "href"),
            ("img[src]", "src"),
            ("iframe[src]", "src"),
        ] {
            for e in doc.select(&sel(css)) {
                let url = e.value().attr(attr).unwrap();
                let rel = e.value().attr("rel").unwrap_or("");
                if rel == "canonical" {
                    continue;
                }
                assert!(!url.contains("//"), "{path}: {css} loads {url}");
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("@import"), "{path}");
        assert!(!text.contains("fonts.googleapis"), "{path}");
    }
    let css = site.read("assets/style.css");
    assert!(!css.contains("url(http") && !css.contains("url(//") && !css.contains("@import"));
}
