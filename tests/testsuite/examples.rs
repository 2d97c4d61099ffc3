//! The sites in `examples/` (issue 11) build with `--strict` and say what
//! their acts say: a flat list where every other activity is remote, per-office
//! lists with a residual rule, a regulation with criteria and exclusions.

use crate::support::{Run, Site, copy_dir, repo, sel, texts, tree};

/// 2026-07-15: after the flat list's ordinance expired (2026-03-31), after
/// every example's date of update (the latest, 2026-06-30: an update in the
/// future is a warning, and these build with `--strict`).
const JULY_15: &str = "1784073600";

fn build(name: &str) -> Site {
    let site = Site::empty();
    copy_dir(&repo().join("examples").join(name), site.root());
    let mut cmd = crate::support::trasparenza();
    cmd.args(["build", "--strict", "--root"])
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", JULY_15);
    let r = Run(cmd.output().expect("run trasparenza"));
    assert!(r.ok(), "{name} failed:\n{}", r.stderr());
    site
}

fn html_pages(site: &Site) -> Vec<(String, String)> {
    tree(&site.public())
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

/// Builds the example `name`, a flat list of six activities whose home page
/// says that every other activity is remote.
fn six_listed_the_rest_remote(name: &str) -> Site {
    let site = build(name);
    let home = site.html("index.html");
    let main = texts(&home, "main").join(" ");
    assert!(
        main.contains("Tutte le attività non elencate sono smartizzabili"),
        "{main}"
    );
    assert_eq!(home.select(&sel(".comuni li[id]")).count(), 6);
    site
}

#[test]
fn flat_list_every_other_activity_is_remote() {
    let site = six_listed_the_rest_remote("elenco-unico");
    assert!(
        site.read("index.html")
            .contains("href=\"tel:+390831966812\"")
    );
    for (path, text) in html_pages(&site) {
        assert!(
            !text.to_lowercase().contains("unità organizzativ"),
            "{path}"
        );
        assert!(
            text.contains("Questo catalogo non è più in vigore"),
            "{path}"
        );
    }
}

#[test]
fn per_office_lists_with_a_residual_rule() {
    let site = build("uffici-con-regola");
    let polizia = texts(&site.html("polizia-locale/index.html"), "main").join(" ");
    assert!(
        polizia.contains("Tutte le attività non elencate non sono smartizzabili"),
        "{polizia}"
    );
    let tecnico = texts(&site.html("tecnico/index.html"), "main").join(" ");
    assert!(
        tecnico.contains("Tutte le attività non elencate sono smartizzabili"),
        "{tecnico}"
    );
    let table = site.html("tabella/index.html");
    assert_eq!(texts(&table, "tbody th").len(), 5, "common row + 4 units");
    assert!(!site.read("index.html").contains("Nessuna attività"));
}

#[test]
fn regulation_with_criteria_and_exclusions() {
    let site = build("regolamento-criteri");
    let home = site.html("index.html");
    assert_eq!(home.select(&sel("section.criteri li")).count(), 4);
    assert_eq!(home.select(&sel("#comuni-non-smartizzabili")).count(), 1);
    assert!(texts(&home, ".metadati")[0].contains("In vigore dal 1º luglio 2026"));
    for (path, text) in html_pages(&site) {
        assert!(!text.contains("avviso-non-in-vigore"), "{path}");
    }
}

/// Issue 20: a Comune's decree imported from the text of its page, with no
/// hand edit: the six activities it lists, in presence, and its rule for the
/// others. Importing the page text again changes nothing.
#[test]
fn decree_imported_from_its_page_text() {
    let site = six_listed_the_rest_remote("decreto-indifferibili");
    let atto = site.root().join("atto.txt");
    let again = site.run(&["import", atto.to_str().unwrap(), "--dry-run"]);
    assert!(again.ok(), "{}", again.stderr());
    assert!(
        again.stdout().contains("6 non smartizzabili  unchanged")
            && again
                .stdout()
                .contains("already says altre_attivita: smartizzabili"),
        "{}",
        again.stdout()
    );
}
