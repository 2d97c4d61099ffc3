//! The pages' Italian where it depends on a date: "dall'11 marzo",
//! "all'8 aprile", "l'8 marzo" (never "dal 11", "al 8", "il 8"), on every
//! page that states the validity, the update and the publication.

use crate::support::{Site, texts};

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
