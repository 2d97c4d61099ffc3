//! `import` of acts with no offices (issue 20, items 1-3): the lists go to
//! `content/_sito.yaml`, edited in place, and no unit file is made; the act's
//! rule for the activities it does not list sets `altre_attivita`; every
//! paragraph is accounted for in the report. Real acts are in
//! `tests/fixtures/import/atti/` (see its README), each with the list of
//! activities the act gives (`NAME.expected`).

use std::fs;

use crate::import::{source, texts};
use crate::support::{Site, repo, tree};

/// A site as `trasparenza init` makes it, in Italian as a clerk runs it.
fn init_site() -> Site {
    init_site_with(&[])
}

/// A site made by `trasparenza init` with `flags` (e.g. `--forma elenco`:
/// the example lists in `_sito.yaml`, under the line `check` reports).
fn init_site_with(flags: &[&str]) -> Site {
    let site = Site::empty();
    let mut cmd = crate::support::trasparenza();
    cmd.arg("init").args(flags).arg("--root").arg(site.root());
    let out = cmd.output().expect("run trasparenza init");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    site
}

/// A file of the site folder (`content/...`).
fn content(site: &Site, rel: &str) -> String {
    fs::read_to_string(site.root().join(rel)).unwrap()
}

/// The lists and rule of `content/_sito.yaml`, as `KEY` lines followed by
/// their items (the `.expected` files' form).
fn site_lists(site: &Site) -> Vec<String> {
    let y: serde_yaml::Value = serde_yaml::from_str(&content(site, "content/_sito.yaml")).unwrap();
    let mut out = Vec::new();
    for key in ["smartizzabili", "non_smartizzabili"] {
        let items = texts(&y[key]);
        if !items.is_empty() {
            out.push(format!("list: {key}"));
            out.extend(items);
        }
    }
    if let Some(a) = y["altre_attivita"].as_str() {
        out.push(format!("altre_attivita: {a}"));
    }
    out
}

/// The act's activities as its `.expected` file lists them.
fn expected(name: &str) -> Vec<String> {
    let text = fs::read_to_string(fixture(&format!("{name}.expected"))).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

fn fixture(name: &str) -> std::path::PathBuf {
    repo().join("tests/fixtures/import/atti").join(name)
}

/// The unit files of `content/` (not `_sito.yaml`).
fn unit_files(site: &Site) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(site.root().join("content"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml") && !n.starts_with('_'))
        .collect();
    out.sort();
    out
}

/// Imports a real act into a fresh `init` site with no hand edit, builds
/// it, and compares the site with the act item by item.
fn real_act(file: &str, expected_name: &str) -> Site {
    let site = init_site();
    let r = site.run(&["import", fixture(file).to_str().unwrap()]);
    assert!(r.ok(), "{file}:\n{}{}", r.stdout(), r.stderr());
    assert_eq!(site_lists(&site), expected(expected_name), "{file}");
    assert_eq!(
        unit_files(&site),
        Vec::<String>::new(),
        "no fake unit: {file}"
    );
    let b = site.build();
    assert!(b.ok(), "{file}: {}", b.stderr());
    // The summary counts the act's activities, the whole body's (not "0 units").
    let n = expected(expected_name)
        .iter()
        .filter(|l| !l.starts_with("list: ") && !l.starts_with("altre_attivita: "))
        .count();
    let summary = format!("Built {n} activities for the whole body, ");
    assert!(b.stdout().contains(&summary), "{file}: {}", b.stdout());
    // Every activity is on the home page, as the act writes it.
    let home = site.read("index.html");
    for item in expected(expected_name).iter().filter(|l| !l.contains(": ")) {
        let html = item.replace('&', "&amp;");
        assert!(home.contains(&html), "{file}: {item}");
    }
    site
}

/// Issue 20: the university's regulation (art. 4), a flat list under a
/// lead-in and a list of criteria before it, as the text of its page, as
/// the page saved from the browser (menus, breadcrumbs, cookie banner,
/// footer: 19 list items that are not the act), and as .docx and .odt.
#[test]
fn real_act_university_regulation_in_every_format() {
    for ext in ["txt", "html", "docx", "odt"] {
        real_act(
            &format!("units-regolamento-art4.{ext}"),
            "units-regolamento-art4",
        );
    }
    let site = init_site();
    let r = site.run(&[
        "import",
        fixture("units-regolamento-art4.html").to_str().unwrap(),
        "--dry-run",
    ]);
    let err = r.stderr();
    assert!(
        err.contains(
            ", paragraph 2: 19 list items are not under a lead-in naming a list of activities"
        ),
        "{err}"
    );
    assert!(
        err.contains("the 4 items under \"1.La prestazione lavorativa"),
        "{err}"
    );
    assert!(err.contains("are criteria, not activities"), "{err}");
    // Counted for the whole body, and no "Wrote 0 unit files" line.
    assert!(
        r.stdout()
            .contains("4 activities for the whole body, 0 warnings."),
        "{}",
        r.stdout()
    );
    assert!(!r.stdout().contains("unit files"), "{}", r.stdout());
}

/// Issue 20: two Comuni's 2020 ordinances of the activities to be done in
/// presence: a bulleted list under point 1 (the news page's text, and the
/// page with its portal around it), and a numbered list under the notice's
/// lead-in (its text, and as .docx and .odt).
#[test]
fn real_acts_two_comuni_ordinances() {
    for file in [
        "san-michele-salentino-ordinanza-32-2020.txt",
        "san-michele-salentino-ordinanza-32-2020.html",
    ] {
        real_act(file, "san-michele-salentino-ordinanza-32-2020");
    }
    for ext in ["txt", "docx", "odt"] {
        real_act(
            &format!("melpignano-ordinanza-5-2020.{ext}"),
            "melpignano-ordinanza-5-2020",
        );
    }
}

/// Issue 20: the seed PIAO saved from Excel imports every item: 192
/// activities and the act's rule for the Segreteria's other activities,
/// in the unit file, with the act's sentence above it.
#[test]
fn the_seed_rule_goes_into_its_unit() {
    let site = init_site();
    let file = repo().join("tests/fixtures/import/processi-smartizzabili-excel.csv");
    let r = site.run(&["import", file.to_str().unwrap()]);
    assert!(r.ok(), "{}", r.stderr());
    let unit = content(&site, "content/segreteria-appalti-sistemi-informativi.yaml");
    assert!(
        unit.ends_with(
            "# La regola dell'atto per le attività che non elenca (line 122, column 2):\naltre_attivita: smartizzabili\naltre_attivita_citazione: Tutte le altre attività non individuate tra quelle che non possono essere svolte in lavoro agile\n"
        ),
        "{unit}"
    );
    assert!(!unit.contains("  - Tutte le altre attività"), "{unit}");
    assert!(site.build().ok());
}

const TWO_COLUMNS: &str = "Attività smartizzabili;Attività non smartizzabili\n\
    Redazione di atti e provvedimenti;Servizi di stato civile allo sportello\n\
    Istruttoria delle pratiche edilizie;Polizia locale su strada\n\
    ;Tutte le altre attività\n";

/// Issue 20: a two-column table with no unit column imported into the
/// site's lists (it ended in exit 1, or with a fake unit); the item "Tutte le
/// altre attività" in the presence column is the rule.
/// A unit column headed as many acts do (`U.O.`, `Direzione`,
/// `Centro di responsabilità`) was not known: the table was read as lists
/// for the whole body, the offices' names dropped with a note. They are
/// units now; a column still unknown beside lists for the whole body is a
/// warning that says what happened and what to do.
#[test]
fn a_unit_column_under_another_name_is_not_the_whole_body() {
    for head in ["U.O.", "Direzione", "Centro di responsabilità"] {
        let site = init_site();
        let csv = format!(
            "{head};Attività;Smart working (S/N)\nUfficio Tributi;Gestione IMU;S\n;Sportello;N\n"
        );
        let file = source(&site, "atto.csv", csv.as_bytes());
        let r = site.run(&["import", &file]);
        assert!(r.ok(), "{head}: {}", r.stderr());
        assert_eq!(
            unit_files(&site),
            ["tributi.yaml"],
            "{head}: {}",
            r.stderr()
        );
    }
    let site = init_site();
    let csv = "Comparto;Attività;Smartizzabile\nUfficio Tributi;Gestione IMU;SI\n;Sportello;NO\n";
    let file = source(&site, "atto.csv", csv.as_bytes());
    let r = site.run(&["import", &file, "--dry-run"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(
        r.stderr().contains("warning: atto.csv, line 1, column 1: column \"Comparto\" was not read (1 row), and the table has no unit column: its activities are imported for the whole body; if the column names the offices, title it \"Ufficio\" and import again"),
        "{}",
        r.stderr()
    );
}

#[test]
fn two_column_table_with_no_unit() {
    let site = init_site();
    let before = content(&site, "content/_sito.yaml");
    let file = source(&site, "atto.csv", TWO_COLUMNS.as_bytes());
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    assert_eq!(
        site_lists(&site),
        [
            "list: smartizzabili",
            "Redazione di atti e provvedimenti",
            "Istruttoria delle pratiche edilizie",
            "list: non_smartizzabili",
            "Servizi di stato civile allo sportello",
            "Polizia locale su strada",
            "altre_attivita: non_smartizzabili",
        ]
    );
    assert_eq!(unit_files(&site), Vec::<String>::new());
    // The user's file: every line of it kept, only the lists and the rule added.
    let after = content(&site, "content/_sito.yaml");
    assert!(after.starts_with(&before), "{after}");
    // A copy of it as it was.
    let backup = content(&site, "content/.trasparenza-backup/import-1/_sito.yaml");
    assert_eq!(backup, before);
    assert!(
        r.stderr().contains(
            "note: atto.csv, line 4, column 2: the act's rule for the activities it does not list: altre_attivita: non_smartizzabili (not imported as an activity): \"Tutte le altre attività\""
        ),
        "{}",
        r.stderr()
    );
    let out = r.stdout();
    assert!(out.contains("content/_sito.yaml"), "{out}");
    assert!(
        out.contains("4 activities for the whole body, 0 warnings."),
        "{out}"
    );
    assert!(
        out.contains("Setting altre_attivita: non_smartizzabili in content/_sito.yaml"),
        "{out}"
    );
    assert!(site.build().ok());
    // Again: nothing changes.
    let again = site.run(&["import", &file]);
    assert!(again.ok(), "{}", again.stderr());
    assert_eq!(content(&site, "content/_sito.yaml"), after);
    assert!(
        again
            .stdout()
            .contains("already says altre_attivita: non_smartizzabili"),
        "{}",
        again.stdout()
    );
}

/// Issue 20: "Attività;Modalità" with no unit column, a sentence as the
/// rule, a row with an unreadable kind reported at its line.
#[test]
fn activity_and_modality_with_no_unit() {
    let site = init_site();
    let csv = "Attività;Modalità\n\
               Gestione del protocollo informatico;Lavoro agile\n\
               Ricevimento del pubblico;In presenza\n\
               Notifiche;forse\n\
               Tutte le restanti attività possono essere svolte in modalità agile;Lavoro agile\n";
    let file = source(&site, "elenco.csv", csv.as_bytes());
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    assert_eq!(
        site_lists(&site),
        [
            "list: smartizzabili",
            "Gestione del protocollo informatico",
            "list: non_smartizzabili",
            "Ricevimento del pubblico",
            "altre_attivita: smartizzabili",
        ]
    );
    assert!(
        r.stderr()
            .contains("warning: elenco.csv, line 4, column 2: skipped: `forse`"),
        "{}",
        r.stderr()
    );
    assert!(
        r.stdout()
            .contains("2 activities for the whole body, 1 warning."),
        "{}",
        r.stdout()
    );
}

/// Issue 20: a site that says the opposite of the act's rule is a conflict:
/// nothing written without --force; --dry-run writes nothing either way.
#[test]
fn a_different_rule_in_the_site_is_a_conflict() {
    let site = init_site();
    let sito = content(&site, "content/_sito.yaml");
    site.write(
        "content/_sito.yaml",
        &format!("{sito}altre_attivita: smartizzabili\n"),
    );
    let file = source(&site, "atto.csv", TWO_COLUMNS.as_bytes());
    let content = site.root().join("content");
    let before = tree(&content);
    let r = site.run(&["import", &file]);
    assert_eq!(r.code(), Some(2), "{}{}", r.stdout(), r.stderr());
    assert!(
        r.stderr().contains(
            "content/_sito.yaml says altre_attivita: smartizzabili, but the act says non_smartizzabili (line 4, column 2)"
        ),
        "{}",
        r.stderr()
    );
    assert_eq!(tree(&content), before, "nothing written");
    let dry = site.run(&["import", &file, "--force", "--dry-run"]);
    assert!(dry.ok(), "{}", dry.stderr());
    assert!(
        dry.stdout()
            .contains("Would set altre_attivita: non_smartizzabili"),
        "{}",
        dry.stdout()
    );
    assert_eq!(tree(&content), before, "a dry run writes nothing");
    let forced = site.run(&["import", &file, "--force"]);
    assert!(forced.ok(), "{}", forced.stderr());
    assert_eq!(
        site_lists(&site).last().map(String::as_str),
        Some("altre_attivita: non_smartizzabili")
    );
}

/// Issue 20: body-wide lists the site has are updated as unit files are
/// (same matching): the comment on a kept item stays, a new one is added,
/// one the act dropped is removed, and the report lists every change.
#[test]
fn the_site_lists_are_updated_in_place() {
    let site = init_site();
    let sito = content(&site, "content/_sito.yaml");
    site.write(
        "content/_sito.yaml",
        &format!(
            "{sito}smartizzabili:\n  # dal decreto del 2020\n  - Redazione di atti e provvedimenti\n  - Formazione a distanza\nnon_smartizzabili:\n  - Servizi di stato civile allo sportello\n  - Polizia locale su strada\n"
        ),
    );
    let file = source(&site, "atto.csv", TWO_COLUMNS.as_bytes());
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    let after = content(&site, "content/_sito.yaml");
    assert!(
        after.contains("  # dal decreto del 2020\n  - Redazione di atti e provvedimenti\n"),
        "{after}"
    );
    assert!(!after.contains("Formazione a distanza"), "{after}");
    let out = r.stdout();
    for says in [
        "Updating content/_sito.yaml: 1 added, 1 removed, 0 moved, 0 changed",
        "+ added to smartizzabili: Istruttoria delle pratiche edilizie",
        "- removed from smartizzabili: Formazione a distanza",
    ] {
        assert!(out.contains(says), "{says}\n{out}");
    }
}

/// Issue 20: the act's own page, as a body's web page: only the list after
/// the lead-in is read; the lists of the menus and the footer are counted
/// in one note; the sentence after the list is the rule.
#[test]
fn a_page_with_menus_and_the_act() {
    let site = init_site();
    let page = "<html><body><nav><ul><li>Home</li><li>Uffici</li><li>Contatti</li></ul></nav>\
        <main><h1>Decreto n. 7/2020</h1><p>IL SINDACO</p>\
        <p>Individua le seguenti attività indifferibili da rendere in presenza:</p>\
        <ul><li>Servizi cimiteriali;</li><li>Protocollo generale;</li></ul>\
        <p>Le attività non elencate sono svolte in modalità agile.</p>\
        <ul><li>Allegato 1</li></ul></main>\
        <footer><ul><li>Privacy</li><li>Note legali</li></ul></footer></body></html>";
    let file = source(&site, "decreto.html", page.as_bytes());
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    assert_eq!(
        site_lists(&site),
        [
            "list: non_smartizzabili",
            "Servizi cimiteriali;",
            "Protocollo generale;",
            "altre_attivita: smartizzabili",
        ]
    );
    let err = r.stderr();
    assert!(
        err.contains("note: decreto.html, paragraph 1: 6 list items are not under a lead-in"),
        "{err}"
    );
    assert!(
        err.contains("note: decreto.html, paragraph 6: 2 items imported into non_smartizzabili"),
        "{err}"
    );
    assert!(err.contains("paragraph 9: the act's rule"), "{err}");
}

/// Issue 20: a rule written in a unit's cell sets the unit's own
/// `altre_attivita` (new file and updated file alike).
#[test]
fn a_rule_in_a_unit_cell_goes_into_the_unit_file() {
    let site = init_site();
    let csv = "Ufficio;Attività non smartizzabili\n\
               Polizia locale;Pattugliamento del territorio\n\
               ;Le attività non elencate non sono smartizzabili.\n\
               Tributi;Sportello IMU\n";
    let file = source(&site, "uffici.csv", csv.as_bytes());
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    let polizia = content(&site, "content/polizia-locale.yaml");
    assert!(
        polizia.ends_with(
            "altre_attivita: non_smartizzabili\naltre_attivita_citazione: Le attività non elencate non sono smartizzabili.\n"
        ),
        "{polizia}"
    );
    assert!(
        !polizia.contains("  - Le attività non elencate"),
        "{polizia}"
    );
    let tributi = content(&site, "content/tributi.yaml");
    assert!(!tributi.contains("altre_attivita"), "{tributi}");
    // The rule added to a unit file the site already has.
    site.write(
        "content/polizia-locale.yaml",
        "nome: Polizia locale\nnon_smartizzabili:\n  - Pattugliamento del territorio\n",
    );
    let r = site.run(&["import", &file]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    let polizia = content(&site, "content/polizia-locale.yaml");
    assert!(
        polizia.starts_with(
            "nome: Polizia locale\nnon_smartizzabili:\n  - Pattugliamento del territorio\n# "
        ) && polizia.ends_with(
            "altre_attivita: non_smartizzabili\naltre_attivita_citazione: Le attività non elencate non sono smartizzabili.\n"
        ),
        "{polizia}"
    );
    assert!(site.build().ok());
}

/// The ids of the placeholder warnings `check` gives on `site`.
fn placeholder_warnings(site: &Site) -> Vec<String> {
    let c = site.run(&["check"]);
    let mut ids: Vec<String> = c
        .stdout()
        .lines()
        .chain(c.stderr().lines())
        .filter_map(|l| {
            l.rsplit_once("[placeholder-")
                .map(|(_, id)| id.trim_end_matches(']').to_string())
        })
        .filter(|id| id.starts_with("example-"))
        .collect();
    ids.sort();
    ids
}

/// After an import into `init --forma elenco`'s site, `check` says what is
/// still the example: not the lists (they are the act's), but
/// `altre_attivita` when the act states no rule; nothing when it does.
/// Before, it kept saying "the lists are still the example" after the act's
/// lists had replaced them.
#[test]
fn after_an_import_check_says_what_is_still_init_s_example() {
    let site = init_site_with(&["--forma", "elenco"]);
    assert_eq!(placeholder_warnings(&site), ["example-lists"]);
    // Melpignano's ordinance states no rule for the activities it does not list.
    let r = site.run(&[
        "import",
        fixture("melpignano-ordinanza-5-2020.txt").to_str().unwrap(),
    ]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    assert_eq!(placeholder_warnings(&site), ["example-rule"]);
    // The example's note is no one's: removed without a word on it.
    assert!(
        r.stdout()
            .contains("- removed from non smartizzabili: Protocollo")
            && !r.stdout().contains("the note written in the file"),
        "{}",
        r.stdout()
    );
    let sito = content(&site, "content/_sito.yaml");
    assert!(
        !sito.contains("scrivete qui sotto gli elenchi dell'atto"),
        "{sito}"
    );

    // An act that states its rule: the example's line is gone.
    let site = init_site_with(&["--forma", "elenco"]);
    let act = site.root().join("atto.txt");
    fs::write(
        &act,
        "Comune di Prova\n\nLe attività indifferibili da rendere in presenza sono:\n\
         - Servizi cimiteriali;\n- Protocollo.\n\n\
         Tutte le altre attività sono svolte in lavoro agile.\n",
    )
    .unwrap();
    let r = site.run(&["import", act.to_str().unwrap()]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    assert_eq!(placeholder_warnings(&site), Vec::<String>::new());
    let sito = content(&site, "content/_sito.yaml");
    assert!(!sito.contains("# ESEMPIO"), "{sito}");
    // init's example already said `smartizzabili`: the act's words are
    // added under it, for the pages to quote.
    assert!(
        sito.contains(
            "altre_attivita: smartizzabili\naltre_attivita_citazione: Tutte le altre attività sono svolte in lavoro agile.\n"
        ),
        "{sito}"
    );
}

/// Issue 20: an ordinance whose list is one sentence, its items separated
/// by semicolons (Città di Castello, as the news of it gives it): every item
/// imported verbatim, without the separators; the paragraph after it
/// ("Ogni altra attività, diversa da quelle dietro elencate, … in presenza")
/// is not taken for the act's rule, and is in the report's account. Before,
/// the import found no list at all and exited 1.
#[test]
fn real_act_a_list_in_one_sentence() {
    let file = "citta-di-castello-ordinanza-228-2021.txt";
    let site = real_act(file, "citta-di-castello-ordinanza-228-2021");
    let y: serde_yaml::Value = serde_yaml::from_str(&content(&site, "content/_sito.yaml")).unwrap();
    assert!(y["altre_attivita"].is_null(), "no rule: {y:?}");
    // Re-imported in dry run: the report accounts for the two paragraphs
    // around the list.
    let r = site.run(&["import", "--dry-run", fixture(file).to_str().unwrap()]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    let report = format!("{}{}", r.stdout(), r.stderr());
    assert!(
        report.contains("2 paragraphs are not a list of activities nor the rule"),
        "{report}"
    );
}
