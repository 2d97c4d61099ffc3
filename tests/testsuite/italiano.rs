//! The pages' Italian where it depends on a date: "dall'11 marzo",
//! "all'8 aprile", "l'8 marzo" (never "dal 11", "al 8", "il 8"), on every
//! page that states the validity, the update and the publication; and in
//! number with every count ("1 elencata", "2 unità organizzative").

use scraper::Html;

use crate::support::{Site, sel, texts, tree};

/// A catalogue valid from the 11th to the 8th, updated on the 11th and
/// published on the 8th: every date an eliding one.
fn site(valido_al: &str) -> Site {
    let site = Site::empty();
    site.write(
        "content/_sito.yaml",
        &format!(
            "ente: Comune di Prova\ntitolo: Attività smartizzabili\n\
             base_url: https://www.comune.prova.it/lavoro-agile/\n\
             aggiornato_il: 2026-03-11\npubblicato_il: 2026-03-08\n\
             valido_dal: 2026-03-11\nvalido_al: {valido_al}\n\
             altre_attivita: non_smartizzabili\n\
             smartizzabili:\n  - Istruttoria delle pratiche\n"
        ),
    );
    site
}

#[test]
fn dates_after_a_preposition_are_elided_on_every_page() {
    let s = site("2099-04-08");
    s.build();
    for page in ["index.html", "tabella/index.html", "cerca/index.html"] {
        let meta = texts(&s.html(page), ".metadato").join(" | ");
        assert!(
            meta.contains("In vigore dall'11 marzo 2026 all'8 aprile 2099"),
            "{page}: {meta}"
        );
        let text = texts(&s.html(page), "body").join(" ");
        for wrong in ["dal 11", "al 8 ", "al 11 ", "il 8 "] {
            assert!(!text.contains(wrong), "{page} says `{wrong}`");
        }
    }
    let home = texts(&s.html("index.html"), "p").join(" | ");
    assert!(
        home.contains("aggiornati all'11 marzo 2026"),
        "home: open data line: {home}"
    );
    assert!(
        home.contains("Tutte le attività non elencate non sono smartizzabili"),
        "the residual rule: {home}"
    );
}

#[test]
fn an_expired_catalogue_says_until_when_with_the_elision() {
    let s = site("2026-04-08");
    s.build();
    let home = texts(&s.html("index.html"), "p").join(" | ");
    assert!(home.contains("era valido fino all'8 aprile 2026"), "{home}");
}

#[test]
fn days_that_do_not_elide_keep_the_space() {
    let s = Site::empty();
    s.write(
        "content/_sito.yaml",
        "ente: Comune di Prova\ntitolo: Attività smartizzabili\n\
         base_url: https://www.comune.prova.it/lavoro-agile/\n\
         aggiornato_il: 2026-03-01\nvalido_dal: 2026-03-01\nvalido_al: 2099-03-18\n\
         altre_attivita: smartizzabili\nnon_smartizzabili:\n  - Sportello\n",
    );
    s.build();
    let meta = texts(&s.html("index.html"), ".metadato").join(" | ");
    assert!(
        meta.contains("In vigore dal 1º marzo 2026 al 18 marzo 2099"),
        "{meta}"
    );
}

/// The words after a count that agree with it, singular and plural ("non",
/// "attività" and "unità", which do not change, are looked past).
const SINGULAR: &[&str] = &[
    "smartizzabile",
    "elencata",
    "censita",
    "trovata",
    "organizzativa",
    "risultato",
];
const PLURAL: &[&str] = &[
    "smartizzabili",
    "elencate",
    "censite",
    "trovate",
    "organizzative",
    "risultati",
];

/// Every count in `text` whose words do not agree with it: "1 elencate",
/// "2 unità organizzativa", "le 1 attività".
fn disagreements(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let mut wrong = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Ok(n) = w
            .trim_end_matches([',', ':', ')', '.'])
            .replace('.', "")
            .parse::<u64>()
        else {
            continue;
        };
        if !w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let at = || words[i.saturating_sub(2)..(i + 4).min(words.len())].join(" ");
        if n == 1
            && i > 0
            && ["le", "delle", "alle", "dalle", "i", "dei"].contains(&bare(words[i - 1]).as_str())
        {
            wrong.push(at());
        }
        // The count's words, up to the end of its sentence or clause; "n. 1"
        // is a number, not a count.
        if w.ends_with(['.', ':', ',', ';']) || (i > 0 && words[i - 1] == "n.") {
            continue;
        }
        let mut next = None;
        for w in &words[i + 1..] {
            let b = bare(w);
            if !["non", "attività", "unità"].contains(&b.as_str()) {
                next = Some(b);
                break;
            }
            if w.ends_with(['.', ':', ',', ';']) {
                break;
            }
        }
        let Some(next) = next else { continue };
        let agrees = if n == 1 {
            !PLURAL.contains(&next.as_str())
        } else {
            !SINGULAR.contains(&next.as_str())
        };
        if !agrees {
            wrong.push(at());
        }
    }
    wrong
}

#[test]
fn the_agreement_check_finds_what_it_must() {
    assert_eq!(
        disagreements("Attività smartizzabili: 1 elencate e tutte le altre"),
        ["Attività smartizzabili: 1 elencate e tutte"]
    );
    assert_eq!(
        disagreements("le 1 attività delle 2 unità organizzative").len(),
        1
    );
    assert_eq!(
        disagreements("2 unità organizzativa, 0 non smartizzabile").len(),
        2
    );
    assert!(disagreements("1 attività smartizzabile, 0 non smartizzabili, 2 unità organizzative, 1 + tutte le altre smartizzabili, 1.234 attività censite").is_empty());
    assert!(disagreements("in sede: 1 attività. Attività smartizzabili").is_empty());
    assert!(disagreements("attività n. 1 Attività smartizzabili").is_empty());
}

/// A catalogue of `units` units (none: the lists in `_sito.yaml`), each
/// with the numbers of activities of `[smartizzabili,
/// parzialmente_smartizzabili, non_smartizzabili]`, the rule `rule` for the activities not
/// listed, and (with units) an earlier edition with one unit and one
/// activity on each side.
fn catalogue(units: usize, [si, parz, no]: [usize; 3], rule: Option<&str>) -> Site {
    let list = |key: &str, n: usize, indent: &str| {
        if n == 0 {
            return String::new();
        }
        let items: String = ["prima", "seconda"][..n]
            .iter()
            .map(|i| format!("{indent}  - Pratica {key} {i}\n"))
            .collect();
        format!("{indent}{key}:\n{items}")
    };
    let lists = format!(
        "{}{}{}",
        list("smartizzabili", si, ""),
        list("parzialmente_smartizzabili", parz, ""),
        list("non_smartizzabili", no, "")
    );
    let rule = rule
        .map(|r| format!("altre_attivita: {r}\n"))
        .unwrap_or_default();
    let settings = |date: &str| {
        format!(
            "ente: Comune di Prova\ntitolo: Attività smartizzabili\n\
             base_url: https://www.comune.prova.it/lavoro-agile/\naggiornato_il: {date}\n{rule}"
        )
    };
    let site = Site::empty();
    if units == 0 {
        site.write(
            "content/_sito.yaml",
            &format!("{}{lists}", settings("2026-03-11")),
        );
        return site;
    }
    site.write("content/_sito.yaml", &settings("2026-03-11"));
    for u in 1..=units {
        site.write(
            &format!("content/ufficio-{u}.yaml"),
            &format!("nome: Ufficio {u}\narea: Area unica\n{lists}"),
        );
    }
    site.write("content/_archivio/2025/_sito.yaml", &settings("2025-03-11"));
    site.write(
        "content/_archivio/2025/ufficio-1.yaml",
        "nome: Ufficio 1\nsmartizzabili:\n  - Pratica smartizzabili prima\nnon_smartizzabili:\n  - Pratica di prima\n",
    );
    site
}

/// Every phrase holding a count, on every page and in every page's
/// description, agrees with it: catalogues with 0, 1 and 2 units and 0, 1
/// and 2 activities in each list, with and without a rule for the
/// activities not listed, and an earlier edition (the archive's summaries,
/// "Cosa è cambiato").
#[test]
fn every_count_on_every_page_agrees_in_number() {
    let mut wrong = Vec::new();
    for units in [0, 1, 2] {
        for sides in [
            [0, 0, 1],
            [1, 0, 0],
            [1, 0, 1],
            [2, 0, 2],
            [1, 0, 2],
            [1, 1, 1],
            [0, 2, 1],
            [2, 1, 0],
        ] {
            for rule in [None, Some("smartizzabili"), Some("non_smartizzabili")] {
                let site = catalogue(units, sides, rule);
                let run = site.build();
                assert!(run.ok(), "{}", run.stderr());
                for (path, bytes) in tree(&site.public()) {
                    if !path.ends_with(".html") {
                        continue;
                    }
                    let doc = Html::parse_document(&String::from_utf8_lossy(&bytes));
                    let mut text = texts(&doc, "body").join(" ");
                    for m in doc.select(&sel("meta[name=description]")) {
                        text.push(' ');
                        text.push_str(m.value().attr("content").unwrap_or_default());
                    }
                    for w in disagreements(&text) {
                        wrong.push(format!("{units} units, {sides:?}, {rule:?}: {path}: {w}"));
                    }
                }
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
