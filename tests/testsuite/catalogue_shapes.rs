//! The catalogue as real acts write it (issue 11): `altre_attivita` (the
//! rule for every activity the act does not list), activities common to
//! every office in `_sito.yaml`, catalogues without unit files, `criteri`,
//! validity dates and the build's date (`SOURCE_DATE_EPOCH`), and the
//! render-side slips (`tel:` links, an empty catalogue, no "Altre unità").

use crate::support::{Run, Site, sel, text_of, texts, tree};

/// 2026-03-15, and 2026-06-01, as `SOURCE_DATE_EPOCH`.
const MARCH_15: &str = "1773532800";
const JUNE_1: &str = "1780272000";

const SITO: &str = "\
ente: Comune di Prova
titolo: Attività smartizzabili
base_url: https://www.comune.prova.it/lavoro-agile/
aggiornato_il: 2026-03-01
";

/// `trasparenza <args> --root <site>` with `SOURCE_DATE_EPOCH` set.
fn run_at(site: &Site, epoch: &str, args: &[&str]) -> Run {
    let mut cmd = crate::support::trasparenza();
    cmd.args(args)
        .arg("--root")
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", epoch);
    Run(cmd.output().expect("run trasparenza"))
}

fn site_with(sito_extra: &str, units: &[(&str, &str)]) -> Site {
    let site = Site::empty();
    site.write("content/_sito.yaml", &format!("{SITO}{sito_extra}"));
    for (slug, text) in units {
        site.write(&format!("content/{slug}.yaml"), text);
    }
    site
}

fn build_strict(site: &Site) {
    let r = run_at(site, MARCH_15, &["build", "--strict"]);
    assert!(r.ok(), "build failed:\n{}", r.stderr());
}

fn page_text(site: &Site, rel: &str) -> String {
    texts(&site.html(rel), "main").join(" ")
}

fn json(site: &Site, rel: &str) -> serde_json::Value {
    serde_json::from_str(&site.read(rel)).expect("valid JSON")
}

fn csv_rows(site: &Site) -> Vec<std::collections::HashMap<String, String>> {
    let text = site.read("catalogo.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

const REMOTE: &str = "Tutte le attività non elencate sono smartizzabili";
const PRESENCE: &str = "Tutte le attività non elencate non sono smartizzabili";

/// The act lists only what stays in presence and says "everything else is
/// remote": before, every page said "0 smartizzabili (0%)".
#[test]
fn altre_attivita_is_said_in_words_on_every_page_and_in_the_data() {
    let site = site_with(
        "altre_attivita: smartizzabili\n",
        &[(
            "anagrafe",
            "nome: Anagrafe\nnon_smartizzabili:\n  - Sportello al pubblico\n  - Rilascio CIE\n",
        )],
    );
    build_strict(&site);
    let home = page_text(&site, "index.html");
    assert!(home.contains(REMOTE), "{home}");
    assert!(!home.contains('%'), "no percentage: {home}");
    assert!(!home.contains("0 smartizzabili"), "{home}");
    assert!(
        site.html("index.html")
            .select(&sel(".barra"))
            .next()
            .is_none()
    );
    assert!(home.contains("tutte le altre smartizzabili"), "{home}");

    let unit = page_text(&site, "anagrafe/index.html");
    assert!(unit.contains(REMOTE), "{unit}");
    assert!(!unit.contains("Nessuna attività"), "{unit}");
    assert!(!unit.contains("Attività smartizzabili (0)"), "{unit}");

    let table = site.html("tabella/index.html");
    let cells = texts(&table, "td[data-label='Attività smartizzabili']");
    assert_eq!(cells, ["Tutte le altre attività"]);
    assert!(page_text(&site, "tabella/index.html").contains(REMOTE));
    assert!(page_text(&site, "cerca/index.html").contains(REMOTE));

    for row in csv_rows(&site) {
        assert_eq!(row["altre_attivita"], "si", "{row:?}");
    }
    let data = json(&site, "catalogo.json");
    assert_eq!(data["altre_attivita"], "smartizzabili");
    assert!(
        data["altre_attivita_testo"]
            .as_str()
            .unwrap()
            .starts_with(REMOTE)
    );
    assert_eq!(data["unita"][0]["altre_attivita"], "smartizzabili");
    let schema = json(&site, "catalogo.schema.json");
    assert!(
        schema["required"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("altre_attivita"))
    );
    let csvw = json(&site, "catalogo.csv-metadata.json");
    let cols = csvw["tableSchema"]["columns"].as_array().unwrap();
    assert!(cols.iter().any(|c| {
        c["name"] == "altre_attivita"
            && c["dc:description"]["@value"]
                .as_str()
                .unwrap()
                .contains("lavoro agile")
    }));
}

/// A unit may reverse the site's rule, and may then list nothing else.
/// Issue 20: the act's own sentence for the rule (`altre_attivita_citazione`)
/// is quoted after the generator's words wherever the rule is stated: the
/// home, the table, the search page and each unit's page, the unit's own
/// when the rule is its own, the site's otherwise.
#[test]
fn the_acts_sentence_for_the_rule_is_quoted_with_it() {
    let site = site_with(
        "altre_attivita: smartizzabili\naltre_attivita_citazione: Le restanti attività si svolgono in modalità agile.\n",
        &[
            (
                "polizia",
                "nome: Polizia locale\naltre_attivita: non_smartizzabili\naltre_attivita_citazione: \"Per la polizia: tutto in presenza.\"\nsmartizzabili:\n  - Gestione dei verbali\n",
            ),
            (
                "ragioneria",
                "nome: Ragioneria\nnon_smartizzabili:\n  - Economato\n",
            ),
        ],
    );
    build_strict(&site);
    let quoted =
        |rel: &str| -> Vec<String> { texts(&site.html(rel), ".altre-attivita .citazione-atto") };
    let site_words = "Nell'atto: Le restanti attività si svolgono in modalità agile.";
    for rel in [
        "index.html",
        "tabella/index.html",
        "cerca/index.html",
        "ragioneria/index.html",
    ] {
        assert_eq!(quoted(rel), [site_words], "{rel}");
    }
    assert_eq!(
        quoted("polizia/index.html"),
        ["Nell'atto: Per la polizia: tutto in presenza."]
    );
    // Without the key the pages are as before: no quotation anywhere.
    let plain = site_with(
        "altre_attivita: smartizzabili\n",
        &[(
            "ragioneria",
            "nome: Ragioneria\nnon_smartizzabili:\n  - Economato\n",
        )],
    );
    build_strict(&plain);
    for rel in ["index.html", "ragioneria/index.html"] {
        assert!(!plain.read(rel).contains("citazione-atto"), "{rel}");
    }
}

#[test]
fn a_unit_overrides_altre_attivita() {
    let site = site_with(
        "altre_attivita: smartizzabili\n",
        &[
            (
                "polizia",
                "nome: Polizia locale\naltre_attivita: non_smartizzabili\nsmartizzabili:\n  - Gestione dei verbali\n",
            ),
            (
                "cantiere",
                "nome: Cantiere\naltre_attivita: non_smartizzabili\n",
            ),
            (
                "ragioneria",
                "nome: Ragioneria\nnon_smartizzabili:\n  - Economato\n",
            ),
        ],
    );
    build_strict(&site);
    let polizia = page_text(&site, "polizia/index.html");
    assert!(polizia.contains(PRESENCE), "{polizia}");
    assert!(!polizia.contains(REMOTE), "{polizia}");
    let cantiere = page_text(&site, "cantiere/index.html");
    assert!(cantiere.contains(PRESENCE), "{cantiere}");
    let rows = csv_rows(&site);
    let polizia_rows: Vec<_> = rows
        .iter()
        .filter(|r| r["unita_slug"] == "polizia")
        .collect();
    assert_eq!(polizia_rows.len(), 1);
    assert_eq!(polizia_rows[0]["altre_attivita"], "no");
    assert!(
        rows.iter()
            .any(|r| r["unita_slug"] == "ragioneria" && r["altre_attivita"] == "si")
    );
}

/// Without the key nothing changes: counts, percentage and bar as before.
#[test]
fn without_altre_attivita_the_home_keeps_its_percentage() {
    let site = Site::fixture("basic");
    // The fixture's one-sided units state their rule: without it (check
    // warns, but builds), nothing changes.
    for unit in ["content/senza-area.yaml", "content/tributi.yaml"] {
        let text = std::fs::read_to_string(site.root().join(unit)).unwrap();
        let kept: String = text
            .lines()
            .filter(|l| !l.starts_with("altre_attivita:"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_ne!(kept, text);
        site.write(unit, &kept);
    }
    site.build();
    let home = site.html("index.html");
    assert!(home.select(&sel(".barra")).next().is_some());
    assert!(texts(&home, ".riepilogo-frase")[0].contains('%'));
    assert!(!page_text(&site, "index.html").contains("non elencate"));
    let data = json(&site, "catalogo.json");
    assert!(data["altre_attivita"].is_null());
    assert!(
        csv_rows(&site)
            .iter()
            .all(|r| r["altre_attivita"].is_empty())
    );
}

/// Activities common to every office, written once in `_sito.yaml`.
#[test]
fn common_activities_are_on_the_home_the_table_the_search_and_the_data() {
    let site = site_with(
        "smartizzabili:\n  - Formazione tramite webinar\nnon_smartizzabili:\n  - Ricevimento del pubblico\n",
        &[(
            "tributi",
            "nome: Tributi\narea: Area finanziaria\nsmartizzabili:\n  - Accertamenti IMU\n",
        )],
    );
    build_strict(&site);
    let home = site.html("index.html");
    assert_eq!(
        texts(&home, "#attivita-comuni"),
        ["Attività comuni a tutti gli uffici"]
    );
    assert_eq!(
        texts(&home, ".comuni li[id] .attivita-testo"),
        ["Formazione tramite webinar", "Ricevimento del pubblico"]
    );
    let anchor = home
        .select(&sel(".comuni li[id]"))
        .next()
        .unwrap()
        .value()
        .attr("id")
        .unwrap()
        .to_string();
    assert_eq!(anchor, "formazione-tramite-webinar");
    assert!(page_text(&site, "index.html").contains("3 attività censite in 1 unità organizzativa"));

    let table = site.html("tabella/index.html");
    let heads = texts(&table, "tbody th");
    assert_eq!(heads, ["Tutti gli uffici (attività comuni)", "Tributi"]);
    assert!(page_text(&site, "tributi/index.html").contains("attività comuni a tutti gli uffici"));

    let rows = csv_rows(&site);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["id"], "#formazione-tramite-webinar");
    assert_eq!(rows[0]["unita_slug"], "");
    assert_eq!(rows[0]["unita_nome"], "Tutti gli uffici");
    assert_eq!(
        rows[0]["url"],
        "https://www.comune.prova.it/lavoro-agile/#formazione-tramite-webinar"
    );
    let data = json(&site, "catalogo.json");
    assert_eq!(
        data["smartizzabili"][0]["testo"],
        "Formazione tramite webinar"
    );
    assert_eq!(
        data["non_smartizzabili"][0]["id"],
        "#ricevimento-del-pubblico"
    );
    assert_eq!(data["totali"]["comuni"], 2);
    assert_eq!(data["totali"]["attivita"], 3);

    let meta = json(&site, "cerca/indice/meta.json");
    assert_eq!(
        meta["units"][0][0], "",
        "common activities are unit 0, slug empty"
    );
    assert_eq!(meta["unit_si"][0], 1);
    assert_eq!(meta["docs_total"], 3);
}

/// A catalogue with no unit files is one list; no page says "unità organizzative".
#[test]
fn a_catalogue_without_units_never_speaks_of_units() {
    let site = site_with(
        "altre_attivita: smartizzabili\nnon_smartizzabili:\n  - Sportello anagrafe\n  - \"Mensa: controllo dei pasti\"\n",
        &[],
    );
    build_strict(&site);
    for (path, bytes) in tree(&site.public()) {
        if !path.ends_with(".html") {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap().to_lowercase();
        assert!(
            !text.contains("unità organizzativ"),
            "{path} speaks of units"
        );
        assert!(!text.contains("altre unità"), "{path}");
    }
    let home = site.html("index.html");
    assert_eq!(texts(&home, "#attivita-comuni"), ["Le attività"]);
    assert!(home.select(&sel(".area")).next().is_none());
    let search = site.html("cerca/index.html");
    let hidden = search
        .select(&sel("#ricerca-unita"))
        .next()
        .and_then(|s| s.parent())
        .and_then(scraper::ElementRef::wrap)
        .unwrap();
    assert!(
        hidden.value().attr("hidden").is_some(),
        "the unit filter is hidden"
    );
    let table = site.html("tabella/index.html");
    assert_eq!(table.select(&sel("thead th")).count(), 2);
}

/// `criteri`: Markdown, before the lists, its bullets as a list.
#[test]
fn criteri_come_before_the_lists_and_keep_their_list() {
    let site = site_with(
        "criteri: |\n  Sono compatibili le attività che:\n\n  - a) si svolgono a distanza;\n  - b) si misurano nei risultati.\nnon_smartizzabili:\n  - Portineria\n",
        &[(
            "biblioteca",
            "nome: Biblioteca\ncriteri: \"Solo se il servizio al pubblico è garantito: [049 123](tel:+39049123).\"\nsmartizzabili:\n  - Catalogazione\n",
        )],
    );
    build_strict(&site);
    let home = site.read("index.html");
    let doc = site.html("index.html");
    assert_eq!(
        texts(&doc, "section.criteri li"),
        [
            "a) si svolgono a distanza;",
            "b) si misurano nei risultati."
        ]
    );
    let criteri_at = home.find("id=\"criteri\"").unwrap();
    assert!(criteri_at < home.find("id=\"attivita-comuni\"").unwrap());
    assert!(criteri_at < home.find("class=\"area\"").unwrap());
    let unit = site.read("biblioteca/index.html");
    assert!(unit.find("id=\"criteri\"").unwrap() < unit.find("id=\"smartizzabili\"").unwrap());
    assert!(unit.contains("href=\"tel:+39049123\""), "tel: kept");
    assert_eq!(
        json(&site, "catalogo.json")["unita"][0]["criteri"],
        serde_json::json!("Solo se il servizio al pubblico è garantito: [049 123](tel:+39049123).")
    );
}

/// `valido_al` past on the day of the build: every page says so. The day is
/// `SOURCE_DATE_EPOCH`, so the same content builds the same bytes.
#[test]
fn an_expired_catalogue_says_so_on_every_page() {
    let site = site_with(
        "valido_dal: 2026-03-01\nvalido_al: 2026-03-31\nedizione_corrente: https://www.comune.prova.it/lavoro-agile-2026/\nfonte:\n  atto: Ordinanza n. 12\n  sostituisce:\n    - Ordinanza n. 3 del 2025\n",
        &[(
            "anagrafe",
            "nome: Anagrafe\nsmartizzabili:\n  - Certificati online\n",
        )],
    );
    let r = run_at(&site, MARCH_15, &["build"]);
    assert!(r.ok(), "{}", r.stderr());
    let home = site.html("index.html");
    assert!(home.select(&sel(".avviso-non-in-vigore")).next().is_none());
    let meta = texts(&home, ".metadati").join(" ");
    assert!(
        meta.contains("In vigore dal 1º marzo 2026 al 31 marzo 2026"),
        "{meta}"
    );
    assert!(
        page_text(&site, "index.html").contains("Modifica o sostituisce: Ordinanza n. 3 del 2025.")
    );

    let r = run_at(&site, JUNE_1, &["build"]);
    assert!(r.ok(), "{}", r.stderr());
    let first = tree(&site.public());
    for (path, bytes) in &first {
        if !path.ends_with(".html") {
            continue;
        }
        let doc = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
        let notice: Vec<_> = doc.select(&sel(".avviso-non-in-vigore")).collect();
        assert_eq!(notice.len(), 1, "{path}");
        let text = text_of(notice[0]);
        assert!(
            text.contains("Questo catalogo non è più in vigore"),
            "{path}: {text}"
        );
        assert!(text.contains("31 marzo 2026"), "{text}");
        let link = notice[0].select(&sel("a")).next().unwrap();
        assert_eq!(
            link.value().attr("href"),
            Some("https://www.comune.prova.it/lavoro-agile-2026/")
        );
    }
    assert!(texts(&site.html("index.html"), ".metadati")[0].contains("Era in vigore"));
    let r = run_at(&site, JUNE_1, &["build"]);
    assert!(r.ok());
    assert!(
        first == tree(&site.public()),
        "the same SOURCE_DATE_EPOCH builds the same bytes"
    );
    let data = json(&site, "catalogo.json");
    assert_eq!(data["valido_al"], "2026-03-31");
    assert_eq!(data["fonte"]["sostituisce"][0], "Ordinanza n. 3 del 2025");
}

/// A catalogue that lists nothing used to build, and pass `check --strict`.
/// The warning itself: `tests/fixtures/errors/empty-catalogue/check.txt`.
#[test]
fn an_empty_catalogue_is_a_warning_and_strict_fails() {
    let site = Site::fixture("errors/empty-catalogue");
    let r = run_at(&site, MARCH_15, &["check"]);
    assert!(r.ok(), "a warning only: {}", r.stderr());
    let r = run_at(&site, MARCH_15, &["check", "--strict"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    // A rule alone is a catalogue: "every activity is remote".
    let site = site_with("altre_attivita: smartizzabili\n", &[]);
    assert!(run_at(&site, MARCH_15, &["check", "--strict"]).ok());
}

/// `[0831 966812](tel:+390831966812)` in a note became `<a href="#">`.
#[test]
fn tel_and_mailto_links_in_notes_are_kept() {
    let site = site_with(
        "altre_attivita: smartizzabili\n",
        &[(
            "urp",
            "nome: URP\nnon_smartizzabili:\n  - testo: Sportello\n    note: \"Solo su appuntamento: [0831 966812](tel:+390831966812) o [scrivi](mailto:urp@comune.prova.it)\"\n",
        )],
    );
    build_strict(&site);
    let page = site.read("urp/index.html");
    assert!(
        page.contains("<a href=\"tel:+390831966812\">0831 966812</a>"),
        "{page}"
    );
    assert!(page.contains("<a href=\"mailto:urp@comune.prova.it\">scrivi</a>"));
    assert!(!page.contains("href=\"#\""));
}

/// No unit has an area: no "Altre unità" heading, no empty "Area" filter.
#[test]
fn without_areas_there_is_no_altre_unita_heading_nor_area_filter() {
    let site = site_with(
        "altre_attivita: non_smartizzabili\n",
        &[
            ("a", "nome: Ufficio A\nsmartizzabili:\n  - Uno\n"),
            ("b", "nome: Ufficio B\nsmartizzabili:\n  - Due\n"),
        ],
    );
    build_strict(&site);
    let home = site.html("index.html");
    assert_eq!(texts(&home, ".area h2"), ["Unità organizzative"]);
    assert!(!page_text(&site, "index.html").contains("Altre unità"));
    let search = site.html("cerca/index.html");
    let area = search
        .select(&sel("#ricerca-area"))
        .next()
        .and_then(|s| s.parent())
        .and_then(scraper::ElementRef::wrap)
        .unwrap();
    assert!(
        area.value().attr("hidden").is_some(),
        "the area filter is hidden"
    );
    // With one area, the others still go under "Altre unità".
    site.write(
        "content/a.yaml",
        "nome: Ufficio A\narea: Area uno\nsmartizzabili:\n  - Uno\n",
    );
    build_strict(&site);
    assert_eq!(
        texts(&site.html("index.html"), ".area h2"),
        ["Area uno", "Altre unità"]
    );
}

/// Without a site rule, one unit with its own (the polizia locale) made the
/// home and the search say "per le attività non elencate vale la regola
/// indicata nella pagina di ciascuna unità organizzativa", of units whose
/// page states none; said only when every unit has one.
#[test]
fn a_rule_of_some_units_is_not_said_of_each() {
    let some = site_with(
        "",
        &[
            (
                "polizia",
                "nome: Polizia locale\naltre_attivita: non_smartizzabili\nsmartizzabili:\n  - Gestione dei verbali\n",
            ),
            (
                "ragioneria",
                "nome: Ragioneria\nsmartizzabili:\n  - Mandati\nnon_smartizzabili:\n  - Economato\n",
            ),
        ],
    );
    build_strict(&some);
    let each = "pagina di ciascuna unità";
    for page in ["index.html", "cerca/index.html"] {
        let text = page_text(&some, page);
        assert!(!text.contains(each), "{page}: {text}");
        assert!(
            text.contains("Alcune unità organizzative indicano")
                || text.contains("alcune unità organizzative indicano"),
            "{page}: {text}"
        );
    }
    let search = some.read("cerca/index.html");
    assert!(!search.contains(each), "{search}");
    // Every unit with a rule of its own: the sentence is true.
    let all = site_with(
        "",
        &[
            (
                "polizia",
                "nome: Polizia locale\naltre_attivita: non_smartizzabili\nsmartizzabili:\n  - Gestione dei verbali\n",
            ),
            (
                "ragioneria",
                "nome: Ragioneria\naltre_attivita: smartizzabili\nnon_smartizzabili:\n  - Economato\n",
            ),
        ],
    );
    build_strict(&all);
    for page in ["index.html", "cerca/index.html"] {
        assert!(page_text(&all, page).contains(each), "{page}");
    }
}

/// A unit that lists activities on one side only, in a catalogue whose
/// `_sito.yaml` lists common ones on the other (which `check` rightly does
/// not warn about), read "Attività non smartizzabili (0)", "Nessuna
/// attività." and a card "0 non smartizzabili": the common ones apply to it.
#[test]
fn a_units_empty_side_with_common_activities_is_not_none() {
    let site = site_with(
        "smartizzabili:\n  - Formazione tramite webinar\nnon_smartizzabili:\n  - Ricevimento del pubblico\n",
        &[
            (
                "tributi",
                "nome: Tributi\nsmartizzabili:\n  - Accertamenti IMU\n",
            ),
            (
                "anagrafe",
                "nome: Anagrafe\nsmartizzabili: []\nnon_smartizzabili:\n  - Sportello\n",
            ),
            (
                "polizia",
                "nome: Polizia\naltre_attivita: non_smartizzabili\nsmartizzabili:\n  - Verbali\n",
            ),
        ],
    );
    build_strict(&site);
    // A unit's own rule for the side says it, and nothing else.
    let polizia = page_text(&site, "polizia/index.html");
    assert!(!polizia.contains("Nessuna attività propria"), "{polizia}");
    let tributi = site.html("tributi/index.html");
    let text = page_text(&site, "tributi/index.html");
    assert!(!text.contains("Nessuna attività."), "{text}");
    assert!(!text.contains("0 attività non smartizzabili"), "{text}");
    assert_eq!(
        texts(&tributi, "#non-smartizzabili"),
        ["Attività non smartizzabili (solo le comuni a tutti gli uffici)"]
    );
    assert_eq!(
        texts(&tributi, "#smartizzabili"),
        ["Attività smartizzabili (1)"]
    );
    let none = tributi
        .select(&sel(".blocco-no .nessuna a"))
        .next()
        .unwrap();
    assert_eq!(
        none.value().attr("href"),
        Some("../#comuni-non-smartizzabili")
    );
    // The table: the unit's empty column under the "Tutti gli uffici" row
    // is not "Nessuna attività" either; the common row's own empty one is.
    let table = site.html("tabella/index.html");
    let tributi_row: Vec<String> = table
        .select(&sel("tbody tr"))
        .filter(|r| r.text().any(|t| t.contains("Tributi")))
        .flat_map(|r| {
            r.select(&sel(".nessuna"))
                .map(|n| n.text().collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(tributi_row, ["Solo quelle comuni a tutti gli uffici"]);
    assert!(
        !table.html().contains("Nessuna attività</span>"),
        "{}",
        table.html()
    );
    let anagrafe = page_text(&site, "anagrafe/index.html");
    assert!(
        anagrafe.contains("Attività smartizzabili: solo le comuni a tutti gli uffici")
            && !anagrafe.contains("0 attività smartizzabili"),
        "{anagrafe}"
    );
    let chips = texts(&site.html("index.html"), ".card .chip");
    assert_eq!(
        chips,
        [
            "✓smartizzabili: solo le comuni a tutti gli uffici",
            "⌂1 non smartizzabile",
            "✓1 smartizzabile",
            "⌂tutte le altre non smartizzabili",
            "✓1 smartizzabile",
            "⌂non smartizzabili: solo le comuni a tutti gli uffici",
        ]
    );
    // Without common activities an empty side is still "Nessuna attività".
    let plain = site_with(
        "",
        &[(
            "tributi",
            "nome: Tributi\nsmartizzabili:\n  - Accertamenti IMU\n",
        )],
    );
    run_at(&plain, MARCH_15, &["build"]);
    assert!(page_text(&plain, "tributi/index.html").contains("Nessuna attività."));
}
