//! The import report in Italian with no language set (`locales/it/import.ftl`
//! and the `cmd-import-*` lines of `cmd.ftl`): the two seed files of the
//! PIAO (the text copied from the act, Excel's CSV) and a re-import with
//! notes, warnings, a renamed unit, changes to a unit, a kept unit and a
//! conflict. `--lang en` gives the same report in English. Snapshots in
//! `tests/fixtures/import-report/`; `SNAPSHOTS=overwrite` rewrites them.

use std::fs;
use std::process::Command;

use crate::support::{Site, assert_snapshot, repo};

/// A site as `init` leaves it: the example's settings and its example unit.
fn new_site() -> Site {
    let site = Site::empty();
    let sito = fs::read_to_string(repo().join("content/_sito.yaml")).unwrap();
    site.write("content/_sito.yaml", &sito);
    let example = repo().join("src/cmd/init/files/ufficio-esempio.yaml");
    site.write(
        "content/esempio.yaml",
        &fs::read_to_string(example).unwrap(),
    );
    site
}

/// `trasparenza import <file> <args> --root <site>` with no language in the
/// environment (Italian) or with `--lang en`: the command, its exit code,
/// stdout and stderr, the site's folder written `[ROOT]`.
fn import(site: &Site, file: &str, args: &[&str], english: bool) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trasparenza"));
    for var in ["LANG", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    if english {
        cmd.args(["--lang", "en"]);
    }
    cmd.arg("import").arg(file).args(args);
    let out = cmd.arg("--root").arg(site.root()).output().unwrap();
    let shown = file.rsplit('/').next().unwrap_or(file);
    site.redact(&format!(
        "$ trasparenza import {shown} {}\n--- exit {}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    ))
}

/// A seed file of `tests/fixtures/import/` imported into a new site, in
/// each language, against `<dir>/report.it.txt` and `report.en.txt`.
fn seed(fixture: &str, dir: &str) -> [String; 2] {
    [false, true].map(|english| {
        let site = new_site();
        let file = repo().join("tests/fixtures/import").join(fixture);
        let report = import(&site, file.to_str().unwrap(), &[], english);
        let lang = if english { "en" } else { "it" };
        assert_snapshot(
            &format!("tests/fixtures/import-report/{dir}/report.{lang}.txt"),
            &report,
        );
        report
    })
}

#[test]
fn the_seed_text_is_reported_in_italian() {
    let [it, en] = seed("processi-smartizzabili.txt", "seed-txt");
    for says in [
        "processi-smartizzabili.txt: 9 unità nell'ordine dell'atto:",
        "nota: processi-smartizzabili.txt, riga 5: ignorata: non è una riga della tabella",
        "Rimosso content/esempio.yaml: l'unità di esempio creata da `trasparenza init`.",
    ] {
        assert!(it.contains(says), "{says}\n{it}");
    }
    assert!(en.contains("9 units in the act's order:"), "{en}");
    assert!(
        en.contains(", line 5: skipped: not a row of the table"),
        "{en}"
    );
}

#[test]
fn the_seed_csv_is_reported_in_italian() {
    let [it, en] = seed("processi-smartizzabili-excel.csv", "seed-csv");
    for says in [
        "riga 1: ignorata: è un titolo sopra la riga di intestazione: \"Catalogo delle attività smartizzabili (PIAO)\"",
        // 193 items: 192 activities and the Segreteria's rule; the five
        // duplicates of the act are warned (issue 20).
        "9 unità, 192 attività, 5 avvisi.",
    ] {
        assert!(it.contains(says), "{says}\n{it}");
    }
    assert!(en.contains("9 units, 192 activities, 5 warnings."), "{en}");
}

/// The unit the site has, updated by the import below.
const TRIBUTI: &str = "nome: Ufficio Tributi\nsmartizzabili:\n  - Calcolo IMU\n  - Accertamenti\nnon_smartizzabili:\n  - Sportello\n";

/// A long-shape CSV: a title, an unnamed column and one not read, a value
/// that says neither sì nor no, a unit named like an extra page of the site,
/// a unit whose file is there but broken, and changes to Ufficio Tributi
/// (one activity moved, one added, one removed).
const EDITED: &str = "\
Catalogo 2026;;;;
Unità organizzativa;Attività;Smartizzabile;Dipendenti;
Ufficio Tributi;Calcolo IMU;sì;3;vedi nota
Ufficio Tributi;Sportello;sì;;
Ufficio Tributi;Rimborsi;no;;
Note metodologiche;Riordino fascicoli;sì;;
Note metodologiche;Scarto atti;forse;;
Ufficio Nuovo;Protocollo;no;;
";

/// The site before each run: Ufficio Tributi and a unit the file lacks
/// (Ufficio Personale), an extra page, and a broken file where Ufficio
/// Nuovo would go.
fn edited_site() -> (Site, String) {
    let site = new_site();
    site.write("content/tributi.yaml", TRIBUTI);
    site.write(
        "content/personale.yaml",
        "nome: Ufficio Personale\nsmartizzabili:\n  - Buste paga\n",
    );
    site.write("content/nuovo.yaml", "nome: [\n");
    site.write(
        "content/note-metodologiche.md",
        "---\ntitolo: Note metodologiche\n---\nTesto.\n",
    );
    let file = site.root().join("catalogo.csv");
    fs::write(&file, EDITED).unwrap();
    let file = file.to_string_lossy().into_owned();
    (site, file)
}

/// Refused for the broken file (nothing written), then, once it is gone, a
/// dry run: every kind of line of the report.
fn edited(english: bool) -> String {
    let (site, file) = edited_site();
    let refused = import(&site, &file, &[], english);
    assert_eq!(
        fs::read_to_string(site.root().join("content/tributi.yaml")).unwrap(),
        TRIBUTI,
        "a refused import writes nothing"
    );
    fs::remove_file(site.root().join("content/nuovo.yaml")).unwrap();
    let dry = import(&site, &file, &["--dry-run"], english);
    let written = import(&site, &file, &[], english);
    format!("{refused}\n{dry}\n{written}")
}

#[test]
fn notes_warnings_conflicts_and_changes_are_reported_in_italian() {
    let it = edited(false);
    assert_snapshot("tests/fixtures/import-report/edited/report.it.txt", &it);
    for says in [
        "nota: catalogo.csv, riga 1: ignorata: è un titolo sopra la riga di intestazione: \"Catalogo 2026\"",
        "avviso: catalogo.csv, riga 2, colonna 5: questa colonna non ha un'intestazione: il suo testo (1 riga) non è stato importato",
        "avviso: catalogo.csv, riga 7, colonna 3: ignorata: `forse` non dice se l'attività è smartizzabile (scrivere sì o no)",
        "content/nuovo.yaml esiste già e non si legge come un'unità (`trasparenza check` spiega perché)\n  = suggerimento: correggerlo o spostarlo altrove",
        "nota: Note metodologiche sarebbe pubblicata in note-metodologiche/, ma quell'indirizzo è della pagina aggiuntiva content/note-metodologiche.md: viene scritta in content/note-metodologiche-2.yaml",
        "Verrebbe copiato 1 file in content/.trasparenza-backup/import-1/:",
        "Copiato 1 file in content/.trasparenza-backup/import-1/:",
        "    + aggiunta a non smartizzabili: Rimborsi",
        "    - rimossa da smartizzabili: Accertamenti",
        "    > spostata in smartizzabili: Sportello",
        "Mantenuta, non presente in catalogo.csv (un'unità; --force la rimuove, conservandone una copia):",
    ] {
        assert!(it.contains(says), "{says}\n{it}");
    }
    let en = edited(true);
    assert_snapshot("tests/fixtures/import-report/edited/report.en.txt", &en);
    for says in [
        "warning: catalogo.csv, line 7, column 3: skipped: `forse` does not say whether the activity is smartizzabile (write sì or no)",
        "content/nuovo.yaml exists already, it does not read as a unit (`trasparenza check` says why)\n  = hint: fix it",
        "    + added to non smartizzabili: Rimborsi",
    ] {
        assert!(en.contains(says), "{says}\n{en}");
    }
}
