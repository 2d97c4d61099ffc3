//! Earlier editions (`content/_archivio/<edizione>/`): their pages under
//! `archivio/<edizione>/` with the notice, the list of editions, the "Cosa è
//! cambiato" pages and data, open data per edition, the sitemap, errors
//! located inside `_archivio/`, the five-year note and `archivia`.

use serde_json::Value;

use crate::support::{Site, sel, texts};

fn built() -> Site {
    let site = Site::fixture("archive");
    site.build();
    site
}

fn hrefs(site: &Site, page: &str) -> Vec<String> {
    site.html(page)
        .select(&sel("a[href]"))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

#[test]
fn archived_pages_carry_the_notice_and_link_the_current_edition() {
    let site = built();
    let unit = site.html("archivio/2025/tributi/index.html");
    let notice = texts(&unit, ".avviso-edizione").join(" ");
    assert!(
        notice.contains("Edizione precedente, non più in vigore")
            && notice.contains("periodo 2025-2027")
            && notice.contains("30 gennaio 2025")
            && notice.contains("10 marzo 2025"),
        "{notice}"
    );
    let links: Vec<(String, String)> = unit
        .select(&sel(".avviso-edizione a"))
        .map(|a| {
            (
                a.text().collect(),
                a.value().attr("href").unwrap().to_string(),
            )
        })
        .collect();
    // The same unit still exists: the notice links its current page.
    assert_eq!(
        links[0],
        (
            "Questa pagina nell'edizione in vigore".to_string(),
            "../../../tributi/".to_string()
        )
    );
    assert_eq!(links[1].1, "../../");
    // A unit that no longer exists links the current home page.
    let gone = hrefs(&site, "archivio/2025/messi/index.html");
    assert!(gone.contains(&"../../../".to_string()), "{gone:?}");
    // Canonical to itself, not hidden from search engines.
    let canonical = unit
        .select(&sel("link[rel=canonical]"))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(
        canonical,
        "https://www.comune.prova.it/lavoro-agile/archivio/2025/tributi/"
    );
    assert!(unit.select(&sel("meta[name=robots]")).next().is_none());
    // The edition's own pages: home, table, search, extra pages are there,
    // and it uses its own content.
    for f in ["index.html", "tabella/index.html", "cerca/index.html"] {
        assert!(site.public().join("archivio/2025").join(f).is_file(), "{f}");
    }
    assert!(
        site.read("archivio/2025/tabella/index.html")
            .contains("Rilascio certificati di pagamento")
    );
    // Current pages have no notice and link the archive in the footer.
    let home = site.html("index.html");
    assert!(home.select(&sel(".avviso-edizione")).next().is_none());
    assert_eq!(
        texts(&home, ".it-footer-archivio a"),
        ["Edizioni precedenti", "Cosa è cambiato"]
    );
    assert!(hrefs(&site, "tributi/index.html").contains(&"../archivio/".to_string()));
}

#[test]
fn the_archive_lists_editions_newest_first() {
    let site = built();
    let list = site.html("archivio/index.html");
    let titles = texts(&list, ".edizione-titolo");
    assert_eq!(
        titles,
        [
            "Edizione in vigore · periodo 2026-2028",
            "Edizione 2025 · periodo 2025-2027",
            "Edizione 2024 · periodo 2024-2026"
        ]
    );
    let data = texts(&list, ".edizione-dati dd").join(" | ");
    assert!(data.contains("Deliberazione n. 8 del 30/01/2026"), "{data}");
    assert!(data.contains("7, di cui 5 smartizzabili (71%)"), "{data}");
    // The oldest edition has nothing before it, so no changes page.
    assert!(
        site.public()
            .join("archivio/2025/modifiche/index.html")
            .is_file()
    );
    assert!(!site.public().join("archivio/2024/modifiche").exists());
}

#[test]
fn the_changes_page_shows_added_removed_moved_and_changed() {
    let site = built();
    let page = site.html("modifiche/index.html");
    let items = texts(&page, ".modifica");
    let find = |kind: &str| -> Vec<String> {
        page.select(&sel(&format!(".modifica-{kind}")))
            .map(crate::support::text_of)
            .collect()
    };
    assert_eq!(find("spostata").len(), 1, "{items:#?}");
    assert!(find("spostata")[0].contains(
        "dalle non smartizzabili alle smartizzabili: Risposta alle email dei contribuenti"
    ));
    let changed = find("modificata");
    assert_eq!(changed.len(), 2, "{items:#?}");
    assert!(
        changed[0].contains("IMU: accertamenti e rimborsi (prima: IMU - accertamenti e rimborsi.)"),
        "{changed:?}"
    );
    assert!(changed[1].contains("Gestione pratiche di rimborso TARI e TASI (prima: Gestione delle pratiche di rimborso TARI)"));
    // `- Sportello #2 chiuso`: YAML reads `#2 chiuso` as a comment.
    let added = find("aggiunta");
    assert!(
        added
            .iter()
            .any(|a| a == "Aggiunta tra le smartizzabili: Sportello"),
        "{added:?}"
    );
    assert!(
        added.iter().any(|a| a.contains("Protocollazione PEC")),
        "{added:?}"
    );
    let removed = find("rimossa");
    assert!(
        removed
            .iter()
            .any(|a| a.contains("Rilascio certificati di pagamento"))
    );
    assert!(removed.iter().any(|a| a.contains("Notifica a domicilio")));
    let units = texts(&page, ".modifiche-stato");
    assert!(
        units.iter().any(|u| u.starts_with("Unità aggiunta")),
        "{units:?}"
    );
    assert!(
        units.iter().any(|u| u.starts_with("Unità rimossa")),
        "{units:?}"
    );
    // Totals and the share: 4 of 7 smartizzabili (57%), now 5 of 7 (71%).
    let totals: Vec<String> = page
        .select(&sel(".tabella-totali tbody tr"))
        .map(|tr| {
            tr.select(&sel("th, td"))
                .map(crate::support::text_of)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(totals[0], "Unità organizzative 2 2 0");
    assert_eq!(totals[1], "Attività 7 7 0");
    assert_eq!(totals[2], "Smartizzabili 4 5 +1");
    assert_eq!(totals[3], "Non smartizzabili 3 2 −1");
    assert_eq!(totals[4], "Quota smartizzabili 57% 71% +14 punti");
    // Links to both editions resolve to the activity anchors.
    let links = hrefs(&site, "modifiche/index.html");
    assert!(
        links.contains(&"../archivio/2025/tributi/#rilascio-certificati-di-pagamento".to_string()),
        "{links:?}"
    );
    assert!(links.contains(&"../tributi/#risposta-alle-email-dei-contribuenti".to_string()));
    // The archived edition's own comparison links the one before it.
    let older = hrefs(&site, "archivio/2025/modifiche/index.html");
    assert!(
        older.contains(&"../../2024/tributi/".to_string()),
        "{older:?}"
    );
}

#[test]
fn the_changes_are_open_data_too() {
    let site = built();
    let text = site.read("modifiche.csv");
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header[0], "tipo");
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let moved: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[0] == "spostata").collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(&moved[0][3], "non smartizzabili");
    assert_eq!(&moved[0][4], "smartizzabili");
    assert_eq!(
        &moved[0][7],
        "https://www.comune.prova.it/lavoro-agile/archivio/2025/tributi/#risposta-alle-email-dei-contribuenti"
    );
    assert_eq!(
        &moved[0][8],
        "https://www.comune.prova.it/lavoro-agile/tributi/#risposta-alle-email-dei-contribuenti"
    );
    let json: Value = serde_json::from_str(&site.read("modifiche.json")).unwrap();
    assert_eq!(json["conteggi"]["spostate"], 1);
    assert_eq!(json["conteggi"]["modificate"], 2);
    assert_eq!(json["conteggi"]["unita_aggiunte"], 1);
    assert_eq!(json["conteggi"]["unita_rimosse"], 1);
    assert_eq!(json["prima"]["periodo"], "2025-2027");
}

#[test]
fn each_edition_keeps_its_own_open_data_described_in_dcat() {
    let site = built();
    let current = site.read("catalogo.csv");
    assert!(!current.contains("Rilascio certificati di pagamento"));
    let old = site.read("archivio/2025/catalogo.csv");
    assert!(old.contains("Rilascio certificati di pagamento"));
    assert!(old.contains(",2025-2027,"), "{old}");
    assert!(old.contains("https://www.comune.prova.it/lavoro-agile/archivio/2025/tributi/#"));
    let dcat: Value = serde_json::from_str(&site.read("dcat-ap_it.jsonld")).unwrap();
    let dataset = dcat["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@id"].as_str().unwrap().ends_with("#dataset"))
        .unwrap();
    let dists = dataset["dcat:distribution"].as_array().unwrap();
    let old_csv = dists
        .iter()
        .find(|d| {
            d["dcat:downloadURL"]["@id"]
                == "https://www.comune.prova.it/lavoro-agile/archivio/2025/catalogo.csv"
        })
        .expect("the 2025 CSV is a distribution");
    assert!(
        old_csv["dct:title"]
            .as_str()
            .unwrap()
            .contains("periodo 2025-2027")
    );
    assert_eq!(old_csv["dcat:byteSize"]["@value"], old.len().to_string());
    assert_eq!(old_csv["dct:modified"]["@value"], "2025-03-10");
}

#[test]
fn the_sitemap_lists_every_page_of_every_edition() {
    let site = built();
    let map = site.read("sitemap.xml");
    for (url, date) in [
        ("lavoro-agile/tributi/", "2026-03-15"),
        ("lavoro-agile/archivio/", "2026-03-15"),
        ("lavoro-agile/modifiche/", "2026-03-15"),
        ("lavoro-agile/archivio/2025/tributi/", "2025-03-10"),
        ("lavoro-agile/archivio/2025/modifiche/", "2025-03-10"),
        ("lavoro-agile/archivio/2024/", "2024-02-01"),
    ] {
        let entry = format!("{url}</loc><lastmod>{date}</lastmod>");
        assert!(map.contains(&entry), "{entry} not in\n{map}");
    }
    let pages = walkdir::WalkDir::new(site.public())
        .into_iter()
        .filter(|e| e.as_ref().unwrap().file_name() == "index.html")
        .count();
    assert_eq!(map.matches("<loc>").count(), pages);
    // One sitemap and robots.txt for the whole site.
    assert!(!site.public().join("archivio/2025/sitemap.xml").exists());
    assert!(!site.public().join("archivio/2025/robots.txt").exists());
}

#[test]
fn an_edition_past_five_years_is_a_note_even_with_strict() {
    // Published in 2015: five years from 2016-01-01, but it stayed in force
    // until the 2024 edition replaced it, so removable from 2024-02-01.
    let site = Site::fixture("archive");
    site.write(
        "content/_archivio/2015/_sito.yaml",
        "ente: Comune di Prova\ntitolo: Attività\nbase_url: https://x.it/\naggiornato_il: 2015-02-01\npubblicato_il: 2015-01-31\naltre_attivita: non_smartizzabili\n",
    );
    site.write(
        "content/_archivio/2015/tributi.yaml",
        "nome: Tributi\nsmartizzabili: [Uno]\n",
    );
    // The fixture's `- Sportello #2 chiuso` is a warning of its own (the
    // comment cuts the text): quoted here, so only the note is left.
    let tributi = std::fs::read_to_string(site.root().join("content/tributi.yaml")).unwrap();
    site.write(
        "content/tributi.yaml",
        &tributi.replace("- Sportello #2 chiuso", "- \"Sportello #2 chiuso\""),
    );
    let r = site.run(&["check", "--strict"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
    assert!(
        r.stderr().contains("content/_archivio/2015: note: the edition `2015` (published 2015-01-31) is past the five-year window of D.Lgs. 33/2013, art. 8 c. 3 since 2024-02-01"),
        "{}",
        r.stderr()
    );
    // The 2024 and 2025 editions are within their window: no note.
    assert!(!r.stderr().contains("`2025`"), "{}", r.stderr());
    let gh = site.run(&["check", "--format", "github"]);
    assert!(
        gh.stdout()
            .contains("::notice file=content/_archivio/2015,"),
        "{}",
        gh.stdout()
    );
}

#[test]
fn archivia_copies_the_current_edition_and_refuses_to_overwrite() {
    let site = Site::fixture("archive");
    let r = site.run(&["archivia"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(
        r.stdout().contains("content/_archivio/2026-2028/"),
        "{}",
        r.stdout()
    );
    let dest = site.root().join("content/_archivio/2026-2028");
    for f in ["_sito.yaml", "tributi.yaml", "protocollo.yaml", "note.md"] {
        assert_eq!(
            std::fs::read(dest.join(f)).unwrap(),
            std::fs::read(site.root().join("content").join(f)).unwrap(),
            "{f}"
        );
    }
    assert!(
        !dest.join("_archivio").exists(),
        "the archive is not copied into itself"
    );
    // The copy builds: three editions now, the newest identical to the current one.
    site.build();
    let list = site.html("archivio/index.html");
    assert_eq!(texts(&list, ".edizione-titolo").len(), 4);
    assert!(
        site.read("modifiche/index.html")
            .contains("Nessuna differenza")
    );

    // Again: refused, nothing touched.
    std::fs::write(dest.join("tributi.yaml"), "nome: Modificato a mano\n").unwrap();
    let again = site.run(&["archivia"]);
    assert_eq!(again.code(), Some(2));
    assert!(
        again.stderr().contains("already exists"),
        "{}",
        again.stderr()
    );
    assert_eq!(
        std::fs::read_to_string(dest.join("tributi.yaml")).unwrap(),
        "nome: Modificato a mano\n"
    );
    let named = site.run(&["archivia", "--edizione", "Bozza 2026"]);
    assert_eq!(named.code(), Some(2));
    assert!(
        named.stderr().contains("for example `bozza-2026`"),
        "{}",
        named.stderr()
    );
    let leftovers = hidden_in_archive(&site);
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The hidden entries of `content/_archivio/` (partial copies of `archivia`).
fn hidden_in_archive(site: &Site) -> Vec<String> {
    std::fs::read_dir(site.root().join("content/_archivio"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

/// The 404 page, the sitemap and `robots.txt` belong to the whole site:
/// rendered once, not once per edition and then dropped. A mistake in the
/// 404 template is reported once (it was reported by every edition too:
/// three times with the fixture's two editions).
#[test]
fn a_site_wide_page_is_rendered_once_whatever_the_editions() {
    let site = Site::fixture("archive");
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ pagina.sottotitolo }}</p>\n{% endblock %}\n",
    );
    let r = site.run(&["check", "--format", "json"]);
    assert_eq!(r.code(), Some(1), "{}\n{}", r.stdout(), r.stderr());
    let all: Value = serde_json::from_str(&r.stdout()).expect("JSON on stdout");
    let on_404: Vec<&Value> = all
        .as_array()
        .expect("an array")
        .iter()
        .filter(|d| d["file"] == "themes/default/templates/404.html")
        .collect();
    assert_eq!(on_404.len(), 1, "{on_404:?}");
    assert_eq!(
        (&on_404[0]["line"], &on_404[0]["column"]),
        (&Value::from(3), &Value::from(7))
    );
}

#[test]
fn a_site_without_editions_has_no_archive_links() {
    let site = Site::fixture("basic");
    site.build();
    assert!(!site.public().join("archivio").exists());
    assert!(!site.read("index.html").contains("Edizioni precedenti"));
}

/// An archived act with validity dates: its notice says them, and the
/// catalogue's own "no longer in force" notice is not repeated beside it.
#[test]
fn the_notice_of_an_archived_edition_gives_its_validity_dates() {
    let site = Site::fixture("archive");
    let sito = "content/_archivio/2025/_sito.yaml";
    let text = std::fs::read_to_string(site.root().join(sito)).unwrap();
    site.write(
        sito,
        &format!("{text}valido_dal: 2025-02-01\nvalido_al: 2025-12-31\n"),
    );
    site.build();
    let unit = site.html("archivio/2025/tributi/index.html");
    let notice = texts(&unit, ".avviso-edizione").join(" ");
    assert!(
        notice.contains("in vigore dal 1º febbraio 2025 al 31 dicembre 2025"),
        "{notice}"
    );
    assert!(texts(&unit, ".avviso-non-in-vigore").is_empty());
}

/// Issue 21: a killed `archivia` left its hidden partial copy in
/// `_archivio/` for ever. `check` now notes it (it is not published) and
/// the next `archivia` removes it; a copy whose process still runs (this
/// test's) is left alone.
#[test]
fn a_partial_copy_of_a_killed_archivia_is_noted_then_removed() {
    let site = Site::fixture("archive");
    // No process has this id (above any pid_max), so it was killed.
    let dead = site.root().join("content/_archivio/.2024.tmp-2147483647");
    let alive = site.root().join(format!(
        "content/_archivio/.2023.tmp-{}",
        std::process::id()
    ));
    for dir in [&dead, &alive] {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("tributi.yaml"), "nome: Tributi\n").unwrap();
    }
    let r = site.run(&["check"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(
        r.stderr().contains(
            "content/_archivio/.2024.tmp-2147483647: note: a partial copy left by an interrupted `archivia`: it is not published"
        ),
        "{}",
        r.stderr()
    );
    let r = site.run(&["archivia"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(
        r.stdout().contains(
            "Removed content/_archivio/.2024.tmp-2147483647/, a partial copy left by an interrupted archivia."
        ),
        "{}",
        r.stdout()
    );
    assert!(!dead.exists());
    assert!(alive.exists());
}

/// An edition folder linked from outside the site folder was loaded and
/// published; it is refused at its name, as content's links are.
#[cfg(unix)]
#[test]
fn an_edition_linked_from_outside_the_site_is_refused() {
    let site = Site::fixture("archive");
    let outside = tempfile::tempdir().unwrap();
    let src = site.root().join("content/_archivio");
    let first = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir())
        .unwrap();
    crate::support::copy_dir(&first, outside.path());
    std::os::unix::fs::symlink(outside.path(), src.join("2019")).unwrap();
    let r = site.run(&["check"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(
        r.stderr().contains(
            "content/_archivio/2019: error: this symbolic link leads outside the site folder"
        ),
        "{}",
        r.stderr()
    );
}

/// The activities of `_sito.yaml` (common to every office, or the whole
/// catalogue of an act without unit files) were not compared: an edition
/// that dropped one read "Nessuna differenza tra le due edizioni" and its
/// data listed nothing, while the totals beside it changed.
#[test]
fn the_common_activities_are_compared_too() {
    let site = Site::fixture("archive");
    let add = |path: &str, lists: &str| append(&site, path, lists);
    add(
        "content/_archivio/2025/_sito.yaml",
        "smartizzabili:\n  - Formazione tramite webinar\nnon_smartizzabili:\n  - Ricevimento del pubblico allo sportello\n",
    );
    add(
        "content/_sito.yaml",
        "smartizzabili:\n  - Ricevimento del pubblico allo sportello\n",
    );
    site.build();
    let page = site.html("modifiche/index.html");
    let headings = texts(&page, ".modifiche-unita h2");
    assert_eq!(headings[0], "Tutti gli uffici", "{headings:?}");
    let common = texts(&page, ".modifiche-unita:first-of-type .modifica");
    assert_eq!(
        common,
        [
            "Spostata dalle non smartizzabili alle smartizzabili: Ricevimento del pubblico allo sportello (nell'edizione precedente: Ricevimento del pubblico allo sportello)",
            "Rimossa dalle smartizzabili: Formazione tramite webinar"
        ],
        "{common:?}"
    );
    // Not a unit: no "Unità presente in entrambe le edizioni" of its own.
    assert_eq!(texts(&page, ".modifiche-stato").len(), headings.len() - 1);
    let links = hrefs(&site, "modifiche/index.html");
    assert!(
        links.contains(&"../archivio/2025/#formazione-tramite-webinar".to_string())
            && links.contains(&"../#ricevimento-del-pubblico-allo-sportello".to_string()),
        "{links:?}"
    );
    let json: Value = serde_json::from_str(&site.read("modifiche.json")).unwrap();
    assert_eq!(json["conteggi"]["spostate"], 2);
    assert_eq!(json["conteggi"]["unita_aggiunte"], 1);
    assert_eq!(json["unita"][0]["stato"], Value::Null);
    assert_eq!(json["unita"][0]["nome"], "Tutti gli uffici");
    let csv = site.read("modifiche.csv");
    assert!(
        csv.lines().any(|l| l
            == "rimossa,Tutti gli uffici,,smartizzabili,,Formazione tramite webinar,,https://www.comune.prova.it/lavoro-agile/archivio/2025/#formazione-tramite-webinar,"),
        "{csv}"
    );
}

/// A catalogue of one list in `_sito.yaml` (no unit files) that drops an
/// activity: its only changes are there.
#[test]
fn a_catalogue_without_units_lists_its_changes() {
    let site = Site::fixture("archive");
    for f in [
        "tributi.yaml",
        "protocollo.yaml",
        "_archivio/2025/tributi.yaml",
        "_archivio/2025/messi.yaml",
    ] {
        std::fs::remove_file(site.root().join("content").join(f)).unwrap();
    }
    let add = |path: &str, lists: &str| {
        append(
            &site,
            path,
            &format!("altre_attivita: smartizzabili\n{lists}"),
        )
    };
    add(
        "content/_archivio/2025/_sito.yaml",
        "non_smartizzabili:\n  - Sportello anagrafe\n  - Celebrazione dei matrimoni civili\n",
    );
    add(
        "content/_sito.yaml",
        "non_smartizzabili:\n  - Sportello anagrafe\n",
    );
    let page = built_changes(&site);
    assert_eq!(
        texts(&page, ".modifica"),
        ["Rimossa dalle non smartizzabili: Celebrazione dei matrimoni civili"]
    );
    assert_eq!(texts(&page, ".modifiche-unita h2"), ["Comune di Prova"]);
}

/// A removed unit read "Unità rimossa, prima chiamata «Ufficio messi»":
/// as if it had been renamed.
#[test]
fn a_removed_unit_is_not_said_to_be_renamed() {
    let site = built();
    let page = site.html("modifiche/index.html");
    let states = texts(&page, ".modifiche-stato");
    let removed: Vec<&String> = states
        .iter()
        .filter(|s| s.starts_with("Unità rimossa"))
        .collect();
    assert!(!removed.is_empty(), "{states:?}");
    assert!(
        removed.iter().all(|s| !s.contains("prima chiamata")),
        "{removed:?}"
    );
}

/// An edition whose act says what applies to the activities it does not
/// list (`altre_attivita`) has no share of "smartizzabili": the home page
/// gives none, but the list of editions read "di cui 0 smartizzabili (0%)"
/// of a catalogue where every activity but those listed is remote, and "Cosa
/// è cambiato" compared "Quota smartizzabili" (page and JSON).
#[test]
fn an_edition_with_a_rule_for_the_rest_shows_no_share() {
    let site = Site::fixture("archive");
    for path in ["content/_sito.yaml", "content/_archivio/2025/_sito.yaml"] {
        append(&site, path, "altre_attivita: smartizzabili\n");
    }
    site.build();
    let list = site.html("archivio/index.html");
    let editions = texts(&list, ".edizione");
    assert_eq!(editions.len(), 3, "{editions:?}");
    for e in &editions[..2] {
        assert!(!e.contains('%') && e.contains("attività elencate"), "{e}");
    }
    assert!(
        editions[2].contains("smartizzabile (50%)"),
        "{}",
        editions[2]
    );
    let page = site.html("modifiche/index.html");
    let rows = texts(&page, ".tabella-totali tbody th");
    assert!(!rows.iter().any(|r| r.contains("Quota")), "{rows:?}");
    assert!(rows.contains(&"Attività elencate".to_string()), "{rows:?}");
    let json: Value = serde_json::from_str(&site.read("modifiche.json")).unwrap();
    for side in ["prima", "dopo"] {
        assert!(
            json[side]["totali"]
                .get("percentuale_smartizzabili")
                .is_none(),
            "{json}"
        );
        assert!(json[side]["totali"]["attivita"].is_number());
    }
    // The 2025 edition against 2024 (no rule then): no share either, since
    // one side has none.
    let older = site.html("archivio/2025/modifiche/index.html");
    assert!(!texts(&older, ".tabella-totali").join(" ").contains('%'));
}

/// An act that turns "every activity not listed is remote" into "... in
/// presence" (the site's `altre_attivita`, or a unit's) changed more than
/// any list, and "Cosa è cambiato" read "Nessuna differenza tra le due
/// edizioni".
#[test]
fn a_changed_rule_for_the_activities_not_listed_is_a_change() {
    let site = crate::support::Site::empty();
    let sito = "ente: Comune di Prova\ntitolo: Catalogo\nbase_url: https://www.comune.prova.it/lavoro-agile/\n";
    let polizia = "nome: Polizia locale\nnon_smartizzabili:\n  - Pattugliamento\n";
    site.write(
        "content/_archivio/2025/_sito.yaml",
        &format!("{sito}aggiornato_il: 2025-03-01\naltre_attivita: smartizzabili\n"),
    );
    site.write("content/_archivio/2025/polizia.yaml", polizia);
    site.write(
        "content/_archivio/2025/tributi.yaml",
        "nome: Tributi\nsmartizzabili:\n  - IMU\naltre_attivita: non_smartizzabili\n",
    );
    site.write(
        "content/_sito.yaml",
        &format!("{sito}aggiornato_il: 2026-03-01\naltre_attivita: non_smartizzabili\n"),
    );
    site.write("content/polizia.yaml", polizia);
    site.write(
        "content/tributi.yaml",
        "nome: Tributi\nsmartizzabili:\n  - IMU\n",
    );
    let page = built_changes(&site);
    assert_eq!(
        texts(&page, ".modifiche-unita h2"),
        ["Tutti gli uffici", "Tributi"]
    );
    assert_eq!(
        texts(&page, ".modifiche-regola-cambiata"),
        [
            "Cambiata la regola per le attività non elencate: «Tutte le attività non elencate non sono smartizzabili: si svolgono in presenza.» (prima: «Tutte le attività non elencate sono smartizzabili: si possono svolgere in lavoro agile.»)",
            "Cambiata la regola per le attività non elencate: nessuna regola (prima: «Tutte le attività non elencate non sono smartizzabili: si svolgono in presenza.»)",
        ]
    );
    let csv = site.read("modifiche.csv");
    let rules: Vec<&str> = csv.lines().filter(|l| l.starts_with("regola,")).collect();
    assert_eq!(rules.len(), 2, "{csv}");
    assert!(
        rules[1].starts_with("regola,Tributi,modificata,non smartizzabili,,"),
        "{csv}"
    );
    let json: Value = serde_json::from_str(&site.read("modifiche.json")).unwrap();
    assert_eq!(json["unita"][0]["altre_attivita_prima"], "smartizzabili");
    assert_eq!(json["unita"][0]["altre_attivita_dopo"], "non_smartizzabili");
    assert_eq!(json["unita"][1]["altre_attivita_dopo"], Value::Null);
    assert!(json["unita"][1].get("altre_attivita_dopo").is_some());
}

/// A new act adopted before the old one ends (the old `valido_al` not yet
/// past on the day of the build): the old edition's pages said "Edizione
/// precedente, non più in vigore" and the DCAT file "(non più in vigore)"
/// while its own dates, printed beside, say it still is.
#[test]
fn an_earlier_edition_still_within_its_dates_is_not_said_expired() {
    let site = Site::fixture("archive");
    let sito = "content/_archivio/2025/_sito.yaml";
    let text = std::fs::read_to_string(site.root().join(sito)).unwrap();
    build_with(
        &site,
        sito,
        &text,
        "valido_dal: 2025-04-01\nvalido_al: 2026-03-31\n",
    );
    let unit = site.html("archivio/2025/tributi/index.html");
    assert_eq!(
        texts(&unit, ".avviso-edizione-titolo"),
        ["Edizione precedente, in vigore fino al 31 marzo 2026"]
    );
    let dcat = site.read("dcat-ap_it.jsonld");
    assert!(
        dcat.contains(
            "Edizione 2025, periodo 2025-2027: catalogo in CSV (in vigore fino al 31 marzo 2026)"
        ),
        "{dcat}"
    );
    assert!(!dcat.contains("2025-2027: catalogo in CSV (non più in vigore)"));
    // The list of editions does not call every earlier one expired.
    let list = site.read("archivio/index.html");
    assert!(
        !list.contains("Le edizioni precedenti, non più in vigore"),
        "{list}"
    );
    assert!(list.contains("una di esse è ancora in vigore"), "{list}");
    // The 2024 edition, without dates, is still "non più in vigore".
    let older = site.html("archivio/2024/index.html");
    assert_eq!(
        texts(&older, ".avviso-edizione-titolo"),
        ["Edizione precedente, non più in vigore"]
    );
    // Once its valido_al is past, so is the 2025 one.
    build_with(
        &site,
        sito,
        &text,
        "valido_dal: 2025-04-01\nvalido_al: 2026-03-14\n",
    );
    let unit = site.html("archivio/2025/tributi/index.html");
    assert_eq!(
        texts(&unit, ".avviso-edizione-titolo"),
        ["Edizione precedente, non più in vigore"]
    );
    assert!(
        site.read("archivio/index.html")
            .contains("Le edizioni precedenti, non più in vigore")
    );
}

/// `build` on 2026-03-15 (`SOURCE_DATE_EPOCH`).
fn build_on_march_15(site: &Site) {
    let out = crate::support::trasparenza()
        .arg("build")
        .arg("--root")
        .arg(site.root())
        .env("SOURCE_DATE_EPOCH", "1773532800")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The current edition past its own `valido_al` (every page opens with
/// "Questo catalogo non è più in vigore"): the list of editions, "Cosa è
/// cambiato" and the earlier editions' notices still called it "Edizione
/// in vigore" / "Questa pagina nell'edizione in vigore".
#[test]
fn an_expired_current_edition_is_not_called_in_force() {
    let site = Site::fixture("archive");
    let sito = "content/_sito.yaml";
    let text = std::fs::read_to_string(site.root().join(sito)).unwrap();
    build_with(
        &site,
        sito,
        &text,
        "valido_dal: 2026-01-01\nvalido_al: 2026-03-01\n",
    );
    let list = site.html("archivio/index.html");
    let titles = texts(&list, ".edizione-titolo");
    assert!(titles[0].starts_with("Edizione corrente"), "{titles:?}");
    let changes = texts(&site.html("modifiche/index.html"), "main").join(" ");
    assert!(!changes.contains("Edizione in vigore"), "{changes}");
    let unit = site.html("archivio/2025/tributi/index.html");
    let links = texts(&unit, ".avviso-edizione-collegamenti a");
    assert_eq!(links[0], "Questa pagina nell'edizione corrente");
    // In force again: as before.
    build_with(&site, sito, &text, "valido_dal: 2026-01-01\n");
    let titles = texts(&site.html("archivio/index.html"), ".edizione-titolo");
    assert!(titles[0].starts_with("Edizione in vigore"), "{titles:?}");
    let unit = site.html("archivio/2025/tributi/index.html");
    let links = texts(&unit, ".avviso-edizione-collegamenti a");
    assert_eq!(links[0], "Questa pagina nell'edizione in vigore");
}

/// Adds `extra` at the end of the site's file `path`.
fn append(site: &Site, path: &str, extra: &str) {
    let text = std::fs::read_to_string(site.root().join(path)).unwrap();
    site.write(path, &format!("{text}{extra}"));
}

/// Writes `text` and `extra` to the site's file `path`, then builds on
/// 2026-03-15.
fn build_with(site: &Site, path: &str, text: &str, extra: &str) {
    site.write(path, &format!("{text}{extra}"));
    build_on_march_15(site);
}

/// Builds `site` and returns its "Cosa è cambiato" page, which must list
/// some difference.
fn built_changes(site: &Site) -> scraper::Html {
    site.build();
    let page = site.html("modifiche/index.html");
    let body = texts(&page, "main").join(" ");
    assert!(!body.contains("Nessuna differenza"), "{body}");
    page
}

/// An edition with errors is not archived: the copy would keep them and
/// the site would not build until each was corrected twice (it was copied
/// without a word). The errors are listed, nothing is written; an error in
/// an edition archived earlier does not stop the next one.
#[test]
fn an_edition_with_errors_is_not_archived() {
    let site = Site::fixture("archive");
    let tributi = std::fs::read_to_string(site.root().join("content/tributi.yaml")).unwrap();
    site.write("content/tributi.yaml", &format!("{tributi}  rotto: [\n"));
    let r = site.run(&["archivia"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(
        r.stderr().contains("content/tributi.yaml:"),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr().contains("Nothing was archived"),
        "{}",
        r.stderr()
    );
    assert!(!site.root().join("content/_archivio/2026-2028").exists());
    let hidden = hidden_in_archive(&site);
    assert!(hidden.is_empty(), "{hidden:?}");

    // Corrected, it is archived; an error then made in that archived copy
    // does not stop archiving the next edition.
    site.write("content/tributi.yaml", &tributi);
    assert!(site.run(&["archivia"]).ok());
    site.write("content/_archivio/2026-2028/tributi.yaml", "nome: [\n");
    let next = site.run(&["archivia", "--edizione", "prossima"]);
    assert!(next.ok(), "{}", next.stderr());
}

/// `archivia` run from inside `content/` names the site folder to pass, as
/// `build` does (it said only to use --root).
#[test]
fn archivia_from_inside_content_names_the_site() {
    let site = Site::fixture("archive");
    let content = site.root().join("content");
    let r = crate::support::trasparenza()
        .arg("archivia")
        .current_dir(&content)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2), "{err}");
    assert!(err.contains("the site seems to be .."), "{err}");
    assert!(!content.join("_archivio/2026-2028").exists());
}
