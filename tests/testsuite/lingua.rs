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
    assert!(
        site.read("cerca/index.html")
            .contains(">Suchbegriffe</label>")
    );
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
