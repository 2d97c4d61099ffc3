//! Issue 20: the act's own sentence for its rule on the activities it does
//! not list (`altre_attivita_citazione`) was quoted on the pages but was in
//! none of the data files. It is now where the catalogue's validity is: the
//! CSVW metadata (`notes`), the workbook's "Informazioni" sheet and
//! `catalogo.json` (beside `altre_attivita_testo`, in its schema too); the
//! CSV's rows do not change.

use serde_json::Value;

use crate::support::Site;

const SITO: &str = "ente: Comune di Prova\ntitolo: Attività smartizzabili\n\
    base_url: https://www.comune.prova.it/lavoro-agile/\naggiornato_il: 2026-03-15\n\
    altre_attivita: non_smartizzabili\n";
const SITO_CITATION: &str =
    "altre_attivita_citazione: \"Le attività non elencate sono svolte in presenza.\"\n";
const TRIBUTI: &str = "nome: Tributi\nsmartizzabili:\n  - Accertamenti\n\
    altre_attivita: smartizzabili\n\
    altre_attivita_citazione: Tutte le altre attività dell'ufficio possono essere svolte in lavoro agile.\n";
const ANAGRAFE: &str = "nome: Anagrafe\nnon_smartizzabili:\n  - Sportello\n";

/// A site with two units, Tributi with its own rule and sentence, Anagrafe
/// under the site's rule; the site's sentence when `cited`.
fn site(cited: bool) -> Site {
    let site = Site::empty();
    let sito = format!("{SITO}{}", if cited { SITO_CITATION } else { "" });
    site.write("content/_sito.yaml", &sito);
    site.write("content/tributi.yaml", TRIBUTI);
    site.write("content/anagrafe.yaml", ANAGRAFE);
    site.build();
    site
}

fn json(site: &Site, file: &str) -> Value {
    serde_json::from_str(&site.read(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The sheets of `catalogo.xlsx` and the rows of "Informazioni", if any.
fn info_sheet(site: &Site) -> (Vec<String>, Vec<Vec<String>>) {
    use calamine::Reader;
    let path = site.public().join("catalogo.xlsx");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("an xlsx file");
    let names = book.sheet_names();
    let rows = match book.worksheet_range("Informazioni") {
        Ok(range) => range
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect(),
        Err(_) => Vec::new(),
    };
    (names, rows)
}

const SITE_RULE: &str =
    "Tutte le attività non elencate non sono smartizzabili: si svolgono in presenza.";
const UNIT_RULE: &str =
    "Tutte le attività non elencate sono smartizzabili: si possono svolgere in lavoro agile.";
const SITE_WORDS: &str = "Le attività non elencate sono svolte in presenza.";
const UNIT_WORDS: &str =
    "Tutte le altre attività dell'ufficio possono essere svolte in lavoro agile.";

#[test]
fn the_acts_sentence_for_its_rule_is_in_the_data_files() {
    let site = site(true);
    // CSVW: one note a sentence, the site's then the unit's own.
    let csvw = json(&site, "catalogo.csv-metadata.json");
    assert_eq!(
        csvw["notes"],
        serde_json::json!([
            {"dc:title": "Testo dell'atto", "dc:subject": SITE_RULE, "dc:description": SITE_WORDS},
            {"dc:title": "Testo dell'atto (Tributi)", "dc:subject": UNIT_RULE, "dc:description": UNIT_WORDS},
        ])
    );
    // The workbook: an "Informazioni" sheet, with no dates of validity.
    let (names, info) = info_sheet(&site);
    assert_eq!(names, ["Catalogo", "Informazioni"]);
    assert_eq!(
        info,
        [
            ["voce", "valore"],
            ["Ente", "Comune di Prova"],
            ["Catalogo", "Attività smartizzabili"],
            ["Aggiornato il", "2026-03-15"],
            ["Altre attività", SITE_RULE],
            ["Testo dell'atto", SITE_WORDS],
            ["Altre attività (Tributi)", UNIT_RULE],
            ["Testo dell'atto (Tributi)", UNIT_WORDS],
        ]
    );
    // The JSON: the site's beside its rule (a unit's own was already among
    // its text fields).
    let data = json(&site, "catalogo.json");
    assert_eq!(data["altre_attivita_citazione"], SITE_WORDS);
    let unit = |slug: &str| {
        data["unita"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["slug"] == slug)
            .unwrap_or_else(|| panic!("no unit {slug}"))
            .clone()
    };
    assert_eq!(unit("tributi")["altre_attivita_citazione"], UNIT_WORDS);
    assert_eq!(unit("anagrafe")["altre_attivita_citazione"], Value::Null);
    // Its schema requires it and admits every key the file has.
    let schema = json(&site, "catalogo.schema.json");
    let unit_schema = &schema["properties"]["unita"]["items"];
    for (object, schema) in [(&data, &schema), (&unit("tributi"), unit_schema)] {
        let required = schema["required"].as_array().unwrap();
        assert!(required.iter().any(|k| k == "altre_attivita_citazione"));
        for key in object.as_object().unwrap().keys() {
            assert!(
                schema["properties"].get(key).is_some(),
                "{key} not in the schema"
            );
        }
        assert!(
            required
                .iter()
                .all(|k| object.get(k.as_str().unwrap()).is_some())
        );
    }
}

/// The CSV's rows are the same with and without the sentence; a catalogue
/// quoting none has no note, no key and no "Informazioni" sheet for it.
#[test]
fn the_csv_rows_do_not_change_and_no_sentence_adds_nothing() {
    let (with, without) = (site(true), site(false));
    assert_eq!(
        std::fs::read(with.public().join("catalogo.csv")).unwrap(),
        std::fs::read(without.public().join("catalogo.csv")).unwrap()
    );
    // Without the site's sentence, Tributi's own is still there.
    let csvw = json(&without, "catalogo.csv-metadata.json");
    assert_eq!(csvw["notes"].as_array().map(Vec::len), Some(1));
    assert!(
        json(&without, "catalogo.json")
            .get("altre_attivita_citazione")
            .is_none()
    );
    // No sentence at all: none of it.
    let none = Site::empty();
    none.write("content/_sito.yaml", SITO);
    none.write("content/anagrafe.yaml", ANAGRAFE);
    none.build();
    assert!(
        json(&none, "catalogo.csv-metadata.json")
            .get("notes")
            .is_none()
    );
    assert!(
        json(&none, "catalogo.json")
            .get("altre_attivita_citazione")
            .is_none()
    );
    let schema = json(&none, "catalogo.schema.json");
    assert!(
        schema["properties"]
            .get("altre_attivita_citazione")
            .is_none()
    );
    assert_eq!(info_sheet(&none).0, ["Catalogo"]);
}
