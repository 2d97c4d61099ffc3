//! The pages' fixed phrases in another language (`lingua` in `_sito.yaml`,
//! the theme's `lingue/<lingua>.ftl`): a site with a German file for a few
//! phrases publishes them, the rest in Italian, and `check` names what is
//! missing.

use crate::support::{Site, sel};

#[test]
fn a_translated_file_is_published_and_the_rest_falls_back_to_italian() {
    let site = Site::fixture("lingua-de");
    let r = site.build();
    assert!(r.ok(), "{}", r.stderr());
    let unit = site.read("meldeamt/index.html");
    assert!(
        unit.starts_with("<!doctype html>\n<html lang=\"de\">"),
        "{}",
        &unit[..60]
    );
    // Translated: a phrase, a plural agreeing with the count (2), a label.
    assert!(unit.contains(">Zum Inhalt springen<"), "{unit}");
    assert!(unit.contains("Letzte Aktualisierung: <time"), "{unit}");
    assert!(
        unit.contains("2 Tätigkeiten im Smart Working</a>"),
        "{unit}"
    );
    assert!(unit.contains(">Anmerkung</span>"), "{unit}");
    assert!(unit.contains("Zurück zum Katalog</a>"), "{unit}");
    // Not translated: Italian.
    assert!(unit.contains("1 attività non smartizzabile</a>"), "{unit}");
    assert!(unit.contains(">Solo in presenza</p>"), "{unit}");
    // The search script gets the translated phrases (only those) in the page.
    let search = site.html("cerca/index.html");
    let root = search.select(&sel("#ricerca")).next().expect("#ricerca");
    let frasi: serde_json::Value =
        serde_json::from_str(root.value().attr("data-frasi").expect("data-frasi")).unwrap();
    assert_eq!(
        frasi,
        serde_json::json!({
            "js-trovate": ["Keine Tätigkeit gefunden.", "{numero} Tätigkeit gefunden.", "{numero} Tätigkeiten gefunden."]
        })
    );
    let page = site.read("cerca/index.html");
    assert!(page.contains(">Suchbegriffe</label>"), "{page}");
    // Titles and navigation, made by the render stage, come from the file too.
    assert!(page.contains("<h1>Tätigkeit suchen</h1>"), "{page}");
    assert!(page.contains("<title>Tätigkeit suchen - "), "{page}");
    assert!(page.contains(">Suche</a></li>"), "{page}");
    assert!(page.contains(">Catalogo</a></li>"), "{page}");
}

#[test]
fn check_names_the_phrases_left_in_italian() {
    let site = Site::fixture("lingua-de");
    let r = site.run(&["check", "--format", "json"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
    let all: serde_json::Value = serde_json::from_str(&r.stdout()).unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    let d = &all[0];
    assert_eq!(d["code"], "theme-phrases-missing");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["file"], "themes/default/lingue/de.ftl");
    let message = d["message"].as_str().unwrap();
    for missing in [
        "comune-esito-no",
        "unita-attivita-non-smartizzabili-n",
        "js-nota",
    ] {
        assert!(message.contains(missing), "{message}");
    }
    for translated in ["comune-nota,", "js-trovate", "base-vai-al-contenuto"] {
        assert!(!message.contains(translated), "{message}");
    }
    // --strict refuses to publish a half-translated site.
    assert_eq!(site.run(&["build", "--strict"]).code(), Some(1));
}

#[test]
fn a_language_without_its_file_is_an_error_at_lingua() {
    let site = Site::fixture("lingua-de");
    let sito = std::fs::read_to_string(site.root().join("content/_sito.yaml"))
        .unwrap()
        .replace("lingua: de", "lingua: fr");
    site.write("content/_sito.yaml", &sito);
    let r = site.run(&["check", "--format", "json"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    let all: serde_json::Value = serde_json::from_str(&r.stdout()).unwrap();
    let d = &all[0];
    assert_eq!(d["code"], "theme-language-missing", "{all}");
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64()),
        (Some("content/_sito.yaml"), Some(5))
    );

    let sito = sito.replace("lingua: fr", "lingua: Deutsch");
    site.write("content/_sito.yaml", &sito);
    let r = site.run(&["check", "--format", "json"]);
    let all: serde_json::Value = serde_json::from_str(&r.stdout()).unwrap();
    assert_eq!(all[0]["code"], "theme-invalid-language", "{all}");
}

/// A count of 1 agrees in Italian wherever a page counts: before, "1
/// attività elencate" (an area of a catalogue with a rule for unlisted
/// activities), "1 elencate e tutte le altre" (a unit page), "1 attività
/// censite" (the home) and "di cui 1 smartizzabili" (the list of editions).
#[test]
fn italian_counts_of_one_agree() {
    let site = Site::empty();
    let sito = "ente: Comune di Prova\ntitolo: Catalogo\n\
        base_url: https://www.comune.prova.it/lavoro-agile/\naggiornato_il: 2026-03-15\n";
    site.write(
        "content/_sito.yaml",
        &format!("{sito}periodo: 2026-2028\naltre_attivita: smartizzabili\n"),
    );
    site.write(
        "content/anagrafe.yaml",
        "nome: Anagrafe\narea: Servizi demografici\nsmartizzabili:\n  - Certificati\n",
    );
    site.write(
        "content/tributi.yaml",
        "nome: Tributi\narea: Entrate\nnon_smartizzabili:\n  - Sportello\n",
    );
    site.write(
        "content/_archivio/2025/_sito.yaml",
        &format!("{sito}periodo: \"2025\"\nsmartizzabili:\n  - Una\n"),
    );
    let r = site.build();
    assert!(r.ok(), "{}", r.stderr());
    for (page, agreeing) in [
        (
            "index.html",
            "1 unità organizzativa, 1 attività elencata: 1 smartizzabile</p>",
        ),
        (
            "anagrafe/index.html",
            "Attività smartizzabili: 1 elencata e tutte le altre</a>",
        ),
        ("anagrafe/index.html", "(1 elencata e tutte le altre)"),
        (
            "archivio/index.html",
            // The current edition has a rule for the rest: no share.
            "<dd>1, di cui 1 smartizzabile (100%)</dd>",
        ),
        (
            "archivio/2025/index.html",
            "<strong>1</strong> attività censita: ",
        ),
    ] {
        let html = site.read(page);
        assert!(html.contains(agreeing), "{page}: no {agreeing:?}\n{html}");
    }
}
