//! `parzialmente_smartizzabili` (issue 20, item 4): activities the act
//! allows in lavoro agile only in part or under a condition, in a unit and
//! in `_sito.yaml`, each with an optional `condizione`. The fixture
//! `tests/fixtures/parziale/` has units with 2, 1 and 0 of them, common ones,
//! and an earlier edition where they were in the other lists; every page,
//! the search index, each open-data file, "Cosa è cambiato", `import` and
//! the diagnostics are checked here. A catalogue without the list publishes
//! what it did before: `example.rs` and the byte-identity runs hold that.

use std::fs;

use crate::support::{Site, sel, text_of, texts};

/// 2026-07-15 (as the build's date).
const EPOCH: &str = "1784073600";

fn built() -> Site {
    let site = Site::fixture("parziale");
    let mut cmd = crate::support::trasparenza();
    cmd.args(["build", "--strict", "--root"])
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", EPOCH);
    let r = crate::support::Run(cmd.output().unwrap());
    assert!(r.ok(), "{}", r.stderr());
    site
}

fn json(site: &Site, rel: &str) -> serde_json::Value {
    serde_json::from_str(&site.read(rel)).expect("valid JSON")
}

fn content(site: &Site, rel: &str) -> String {
    fs::read_to_string(site.root().join("content").join(rel)).unwrap()
}

fn main_text(site: &Site, rel: &str) -> String {
    texts(&site.html(rel), "main")
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_unit_page_has_the_list_with_its_label_colour_and_conditions() {
    let site = built();
    let doc = site.html("anagrafe/index.html");
    let section = doc
        .select(&sel("section.blocco-parz"))
        .next()
        .expect("the list in part");
    let heading = text_of(
        section
            .select(&sel("h2#parzialmente-smartizzabili"))
            .next()
            .unwrap(),
    );
    assert_eq!(heading, "Attività parzialmente smartizzabili (2)");
    let esito = text_of(section.select(&sel(".esito-parz")).next().unwrap());
    assert_eq!(esito, "◐In parte o a condizioni");
    let items: Vec<_> = section.select(&sel("ol > li")).collect();
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0].value().attr("id"),
        Some("istruttoria-delle-pratiche-di-residenza")
    );
    let cond = text_of(items[0].select(&sel(".condizione")).next().unwrap());
    // Read as one sentence, not "Condizionea rotazione" (the label is a
    // box only to the eye).
    assert_eq!(cond, "Condizione: a rotazione, un giorno a settimana");
    assert!(items[1].select(&sel(".condizione")).next().is_none());
    // Between the two other lists, and in the jump links, singular and plural.
    let order: Vec<_> = doc
        .select(&sel("section.blocco-attivita h2"))
        .map(|h| h.value().attr("id").unwrap().to_string())
        .collect();
    assert_eq!(
        order,
        [
            "smartizzabili",
            "parzialmente-smartizzabili",
            "non-smartizzabili"
        ]
    );
    let description = doc
        .select(&sel("meta[name=description]"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap();
    assert_eq!(
        description,
        "Comune di Prova, Servizi demografici: 1 attività smartizzabile, 2 parzialmente smartizzabili e 1 non smartizzabile in lavoro agile."
    );
    let jumps = texts(&doc, ".salti li");
    assert!(
        jumps.contains(&"◐ 2 attività parzialmente smartizzabili".to_string()),
        "{jumps:?}"
    );
    let tributi = texts(&site.html("tributi/index.html"), ".salti li");
    assert!(
        tributi.contains(&"◐ 1 attività parzialmente smartizzabile".to_string()),
        "{tributi:?}"
    );
    // A unit without any: no list, no jump link, no "Nessuna attività" for it.
    let polizia = site.html("polizia/index.html");
    assert!(polizia.select(&sel(".blocco-parz")).next().is_none());
    assert_eq!(texts(&polizia, ".salti li").len(), 2);
    assert_eq!(
        texts(&polizia, ".nessuna").len(),
        1,
        "only the empty smartizzabili"
    );
}

#[test]
fn the_home_counts_bar_cards_and_common_activities_have_them() {
    let site = built();
    let home = main_text(&site, "index.html");
    assert!(
        home.contains("11 attività censite in 3 unità organizzative: 3 smartizzabili (27%), 4 parzialmente smartizzabili (36%), 4 non smartizzabili."),
        "{home}"
    );
    assert!(home.contains("2 unità organizzative, 6 attività: 2 smartizzabili, 3 parzialmente smartizzabili, 1 non smartizzabile"), "{home}");
    // An area without them says nothing of them.
    assert!(
        home.contains("1 unità organizzativa, 2 attività: 0 smartizzabili, 2 non smartizzabili"),
        "{home}"
    );
    let doc = site.html("index.html");
    let bar = doc.select(&sel(".barra .barra-parz")).next().unwrap();
    assert_eq!(bar.value().attr("style"), Some("width: 36%"));
    assert_eq!(
        texts(&doc, ".legenda li"),
        [
            "Smartizzabili",
            "Parzialmente smartizzabili",
            "Non smartizzabili"
        ]
    );
    // Cards: 2, 1 and 0 (no chip for 0).
    let chips: Vec<String> = doc
        .select(&sel(".card"))
        .map(|c| {
            c.select(&sel(".chip-parz"))
                .map(text_of)
                .collect::<Vec<_>>()
                .join("")
        })
        .collect();
    assert_eq!(
        chips,
        [
            "◐2 parzialmente smartizzabili",
            "◐1 parzialmente smartizzabile",
            ""
        ]
    );
    // The common activity in part, with its anchor and condition.
    let common = doc
        .select(&sel(
            "#attivita-comuni ~ .blocco-parz li#servizi-essenziali-di-protocollo",
        ))
        .next()
        .expect("the common activity in part");
    assert!(text_of(common).contains("assicurati anche con turnazione del personale"));
    assert_eq!(texts(&doc, "h3#comuni-parzialmente-smartizzabili").len(), 1);
}

#[test]
fn the_table_has_a_column_for_them() {
    let site = built();
    let doc = site.html("tabella/index.html");
    assert_eq!(
        texts(&doc, "thead th"),
        [
            "Unità organizzativa",
            "Attività smartizzabili",
            "Attività parzialmente smartizzabili",
            "Attività non smartizzabili"
        ]
    );
    let caption = texts(&doc, "caption").join("");
    assert!(
        caption
            .starts_with("Attività smartizzabili, parzialmente smartizzabili e non smartizzabili"),
        "{caption}"
    );
    for row in doc.select(&sel("tbody tr")) {
        assert_eq!(row.select(&sel("td")).count(), 3);
    }
    let cells: Vec<String> = doc
        .select(&sel(
            "td[data-label=\"Attività parzialmente smartizzabili\"]",
        ))
        .map(text_of)
        .collect();
    assert!(cells[1].contains("Istruttoria delle pratiche di residenza (condizione: a rotazione, un giorno a settimana)"), "{cells:?}");
    // A unit with none of its own: the common ones of the row above apply.
    assert_eq!(cells[3].trim(), "Solo quelle comuni a tutti gli uffici");
}

#[test]
fn the_search_index_and_filter_know_them() {
    let site = built();
    let meta = json(&site, "cerca/indice/meta.json");
    assert_eq!(meta["v"], 4);
    // Common activities, anagrafe, tributi, polizia.
    assert_eq!(meta["unit_si"], serde_json::json!([1, 1, 1, 0]));
    assert_eq!(meta["unit_parz"], serde_json::json!([1, 2, 1, 0]));
    assert_eq!(meta["unit_non"], serde_json::json!([1, 1, 0, 2]));
    let docs = meta["docs"].as_array().unwrap();
    assert_eq!(docs[1][0], "servizi-essenziali-di-protocollo");
    assert_eq!(docs[1][4], "assicurati anche con turnazione del personale");
    assert_eq!(
        docs[0].as_array().unwrap().len(),
        4,
        "no condition, no fifth element"
    );
    let radios: Vec<_> = site
        .html("cerca/index.html")
        .select(&sel("input[name=tipo]"))
        .map(|i| i.value().attr("value").unwrap().to_string())
        .collect();
    assert_eq!(radios, ["", "si", "parz", "non"]);
    // A catalogue without them: format 3 as before, no such filter.
    let plain = Site::fixture("basic");
    plain.build();
    let meta = json(&plain, "cerca/indice/meta.json");
    assert_eq!(meta["v"], 3);
    assert!(meta.get("unit_parz").is_none());
    assert!(
        plain
            .html("cerca/index.html")
            .select(&sel("input[value=parz]"))
            .next()
            .is_none()
    );
}

#[test]
fn csv_csvw_xlsx_and_json_carry_them() {
    let site = built();
    let text = site.read("catalogo.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let i = |n: &str| header.iter().position(|h| h == n).unwrap();
    assert_eq!(i("condizione"), i("note") + 1);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let kinds: Vec<&str> = rows.iter().map(|r| &r[i("smartizzabile")]).collect();
    assert_eq!(
        kinds,
        [
            "si", "in parte", "no", "si", "in parte", "in parte", "no", "si", "in parte", "no",
            "no"
        ]
    );
    assert_eq!(
        &rows[4][i("condizione")],
        "a rotazione, un giorno a settimana"
    );
    assert_eq!(&rows[5][i("condizione")], "");
    // CSVW: the same columns; `smartizzabile` is text with its three values.
    let meta = json(&site, "catalogo.csv-metadata.json");
    let columns = meta["tableSchema"]["columns"].as_array().unwrap();
    let names: Vec<&str> = columns
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, header);
    let kind = &columns[i("smartizzabile")]["datatype"];
    assert_eq!(kind["base"], "string");
    let format = kind["format"].as_str().unwrap();
    assert_eq!(format, "^(si|no|in parte)$");
    for k in &kinds {
        assert!(
            format
                .trim_start_matches("^(")
                .trim_end_matches(")$")
                .split('|')
                .any(|x| x == *k)
        );
    }
    // The workbook has the CSV's rows.
    let xlsx = site.public().join("catalogo.xlsx");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    use calamine::Reader;
    let sheet = book.worksheet_range("Catalogo").unwrap();
    let got: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(got[0], header);
    assert_eq!(got[5][i("smartizzabile")], "in parte");
    assert_eq!(
        got[5][i("condizione")],
        "a rotazione, un giorno a settimana"
    );
    // JSON: the lists between the two others, the total, the conditions.
    let j = json(&site, "catalogo.json");
    assert_eq!(j["totali"]["parzialmente_smartizzabili"], 4);
    let anagrafe = &j["unita"][0];
    // In the file, as written: the list between the two others.
    let raw = site.read("catalogo.json");
    let unit = &raw[raw.find("\"slug\": \"anagrafe\"").unwrap()..];
    let at = |k: &str| unit.find(&format!("\"{k}\": [")).unwrap();
    assert!(at("smartizzabili") < at("parzialmente_smartizzabili"));
    assert!(at("parzialmente_smartizzabili") < at("non_smartizzabili"));
    let part = anagrafe["parzialmente_smartizzabili"].as_array().unwrap();
    assert_eq!(part[0]["condizione"], "a rotazione, un giorno a settimana");
    assert!(part[1]["condizione"].is_null());
    assert!(anagrafe["smartizzabili"][0].get("condizione").is_none());
    assert_eq!(
        j["unita"][2]["parzialmente_smartizzabili"],
        serde_json::json!([])
    );
    assert_eq!(
        j["parzialmente_smartizzabili"][0]["id"],
        "#servizi-essenziali-di-protocollo"
    );
    let schema = json(&site, "catalogo.schema.json");
    assert!(
        schema["required"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("parzialmente_smartizzabili"))
    );
}

#[test]
fn a_move_to_or_from_the_list_is_a_move() {
    let site = built();
    let text = site.read("modifiche.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let moves: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[3].as_str(), r[4].as_str()))
        .collect();
    // First the three activities common to every office, new in 2026.
    assert_eq!(
        moves,
        [
            ("aggiunta", "", "smartizzabili"),
            ("aggiunta", "", "parzialmente smartizzabili"),
            ("aggiunta", "", "non smartizzabili"),
            (
                "spostata",
                "non smartizzabili",
                "parzialmente smartizzabili"
            ),
            ("spostata", "smartizzabili", "parzialmente smartizzabili"),
            (
                "spostata",
                "non smartizzabili",
                "parzialmente smartizzabili"
            ),
            // The 2025 polizia said "all else in presence"; 2026 says nothing.
            ("regola", "non smartizzabili", ""),
        ]
    );
    let j = json(&site, "modifiche.json");
    assert_eq!(j["conteggi"]["spostate"], 3);
    assert_eq!(j["prima"]["totali"]["parzialmente_smartizzabili"], 0);
    assert_eq!(j["dopo"]["totali"]["parzialmente_smartizzabili"], 4);
    let page = main_text(&site, "modifiche/index.html");
    assert!(page.contains("Parzialmente smartizzabili04+4"), "{page}");
    assert!(page.contains("Spostata dalle smartizzabili alle parzialmente smartizzabili: Aggiornamento dell'archivio anagrafico"), "{page}");
}

#[test]
fn import_reads_in_parte_and_a_rotazione_into_the_list() {
    let site = Site::fixture("parziale");
    let csv = "Ufficio;Attività;Modalità\n\
               Servizi demografici;Rilascio di certificati online;Lavoro agile\n\
               Servizi demografici;Istruttoria delle pratiche di residenza;In parte\n\
               Servizi demografici;Aggiornamento dell'archivio;a rotazione\n\
               Servizi demografici;Celebrazione dei matrimoni;In presenza\n\
               Ufficio protocollo;Protocollo in entrata;Turnazione\n";
    let file = site.root().join("atto.csv");
    fs::write(&file, csv).unwrap();
    let r = site.run(&["import", file.to_str().unwrap()]);
    assert!(r.ok(), "{}\n{}", r.stdout(), r.stderr());
    let out = r.stdout();
    assert!(out.contains("1 smartizzabile in part,"), "{out}");
    assert!(out.contains("2 smartizzabili in part,"), "{out}");
    let unit: serde_yaml::Value = serde_yaml::from_str(&content(&site, "protocollo.yaml")).unwrap();
    assert_eq!(
        unit["parzialmente_smartizzabili"][0].as_str(),
        Some("Protocollo in entrata")
    );
    let anagrafe: serde_yaml::Value =
        serde_yaml::from_str(&content(&site, "anagrafe.yaml")).unwrap();
    let part: Vec<&str> = anagrafe["parzialmente_smartizzabili"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|a| a.as_str().or_else(|| a["testo"].as_str()).unwrap())
        .collect();
    assert_eq!(
        part,
        [
            "Istruttoria delle pratiche di residenza",
            "Aggiornamento dell'archivio"
        ]
    );
    // The condition the file had for a matched activity is kept.
    assert_eq!(
        anagrafe["parzialmente_smartizzabili"][0]["condizione"].as_str(),
        Some("a rotazione, un giorno a settimana")
    );
    assert!(site.run(&["check"]).ok());
}

#[test]
fn import_reads_a_column_headed_in_parte() {
    let site = Site::empty();
    site.write(
        "content/_sito.yaml",
        "ente: Comune di Prova\ntitolo: Lavoro agile\nbase_url: https://www.comune.prova.it/la/\naggiornato_il: 2026-03-01\n",
    );
    let csv = "Ufficio;Attività smartizzabili;Attività parzialmente smartizzabili;Attività non smartizzabili\n\
               Tributi;Accertamenti;Sportello su appuntamento;Cassa\n";
    let file = site.root().join("atto.csv");
    fs::write(&file, csv).unwrap();
    let r = site.run(&["import", file.to_str().unwrap()]);
    assert!(r.ok(), "{}\n{}", r.stdout(), r.stderr());
    let unit: serde_yaml::Value = serde_yaml::from_str(&content(&site, "tributi.yaml")).unwrap();
    assert_eq!(unit["smartizzabili"][0].as_str(), Some("Accertamenti"));
    assert_eq!(
        unit["parzialmente_smartizzabili"][0].as_str(),
        Some("Sportello su appuntamento")
    );
    assert_eq!(unit["non_smartizzabili"][0].as_str(), Some("Cassa"));
}

/// With a rule for the unlisted activities the home counts only what is
/// listed: each kind named only when there is one, in agreement with 1.
#[test]
fn with_a_rule_the_listed_counts_name_only_the_kinds_there_are() {
    let site = Site::empty();
    site.write(
        "content/_sito.yaml",
        "ente: Comune di Prova\ntitolo: Lavoro agile\nbase_url: https://www.comune.prova.it/la/\naggiornato_il: 2026-03-01\naltre_attivita: smartizzabili\n",
    );
    site.write(
        "content/tributi.yaml",
        "nome: Tributi\narea: Finanze\nparzialmente_smartizzabili:\n  - testo: Sportello\n    condizione: a turni\nnon_smartizzabili: [Cassa]\n",
    );
    site.write(
        "content/ragioneria.yaml",
        "nome: Ragioneria\narea: Bilancio\nparzialmente_smartizzabili: [Mandati, Reversali]\n",
    );
    let r = site.run(&["build", "--strict"]);
    assert!(r.ok(), "{}", r.stderr());
    let home = main_text(&site, "index.html");
    for want in [
        "4 attività elencate per 2 unità organizzative: 3 parzialmente smartizzabili, 1 non smartizzabile.",
        "1 unità organizzativa, 2 attività elencate: 1 parzialmente smartizzabile, 1 non smartizzabile",
        "1 unità organizzativa, 2 attività elencate: 2 parzialmente smartizzabili",
    ] {
        assert!(home.contains(want), "{want}\n{home}");
    }
    // No bar with a rule: the counts are of listed activities only.
    assert!(
        site.html("index.html")
            .select(&sel(".barra"))
            .next()
            .is_none()
    );
}

/// A column of conditions (`Condizione`) goes with the activities done in
/// part; beside any other activity it is reported, never written where
/// `check` would refuse it. The published `catalogo.csv` reads back with
/// its conditions.
#[test]
fn import_reads_the_condition_column() {
    let site = Site::empty();
    site.write(
        "content/_sito.yaml",
        "ente: Comune di Prova\ntitolo: Lavoro agile\nbase_url: https://www.comune.prova.it/la/\naggiornato_il: 2026-03-01\n",
    );
    let csv = "Ufficio;Attività;Modalità;Condizione\n\
               Tributi;Accertamenti;sì;\n\
               Tributi;Sportello;in parte;a rotazione, un giorno a settimana\n\
               Tributi;Cassa;no;solo il lunedì\n";
    let file = site.root().join("atto.csv");
    fs::write(&file, csv).unwrap();
    let r = site.run(&["import", file.to_str().unwrap()]);
    assert!(r.ok(), "{}\n{}", r.stdout(), r.stderr());
    assert!(
        r.stderr().contains(
            "warning: atto.csv, line 4, column 4: condition not imported: \"solo il lunedì\""
        ),
        "{}",
        r.stderr()
    );
    let unit: serde_yaml::Value = serde_yaml::from_str(&content(&site, "tributi.yaml")).unwrap();
    assert_eq!(
        unit["parzialmente_smartizzabili"][0]["condizione"].as_str(),
        Some("a rotazione, un giorno a settimana")
    );
    assert_eq!(unit["non_smartizzabili"][0].as_str(), Some("Cassa"));
    let check = site.run(&["check"]);
    assert!(check.ok(), "{}{}", check.stdout(), check.stderr());

    // The published catalogue, imported into a fresh site, gives the same
    // conditions.
    let built = Site::fixture("parziale");
    let out = built.root().join("out");
    assert!(
        built
            .run(&["build", "--output", out.to_str().unwrap()])
            .ok()
    );
    let again = Site::empty();
    again.write(
        "content/_sito.yaml",
        "ente: Comune di Prova\ntitolo: Lavoro agile\nbase_url: https://www.comune.prova.it/la/\naggiornato_il: 2026-03-01\n",
    );
    let csv = out.join("catalogo.csv");
    let r = again.run(&["import", csv.to_str().unwrap()]);
    assert!(r.ok(), "{}\n{}", r.stdout(), r.stderr());
    let conditions = |root: &std::path::Path| -> Vec<String> {
        let mut found = Vec::new();
        for entry in fs::read_dir(root.join("content")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                let v: serde_yaml::Value =
                    serde_yaml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
                for item in v["parzialmente_smartizzabili"]
                    .as_sequence()
                    .into_iter()
                    .flatten()
                {
                    if let Some(c) = item["condizione"].as_str() {
                        found.push(c.to_string());
                    }
                }
            }
        }
        found.sort();
        found
    };
    let expected = conditions(built.root());
    assert!(!expected.is_empty());
    assert_eq!(conditions(again.root()), expected);
}

/// The condition's label is a box to the eye only: read aloud or copied,
/// the home's common activity said "Condizioneassicurati anche con ...".
#[test]
fn a_condition_reads_as_a_sentence_on_the_home_too() {
    let site = built();
    let home = site.html("index.html");
    let cond = text_of(home.select(&sel(".comuni .condizione")).next().unwrap());
    assert_eq!(
        cond,
        "Condizione: assicurati anche con turnazione del personale"
    );
}
