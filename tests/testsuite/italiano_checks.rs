//! The checks across files (validate, placeholder, load, theme, linkcheck,
//! editions) in Italian, the default language: each problem reads in
//! Italian and ends with its stable code, the same in every language.

use crate::support::Site;

/// `check` of the fixture `errors/<name>` in Italian (`--lang it` wins over
/// the English environment of the tests): what it printed.
fn checked_in_italian(site: &Site) -> String {
    let (code, out) = site.run_seen(&["--lang", "it", "check"]);
    assert_eq!(code, Some(1), "{out}");
    out
}

#[test]
fn problems_across_files_read_in_italian_with_their_code() {
    let cases: &[(&str, &[&str])] = &[
        (
            "broken-link",
            &[
                "content/tributi.yaml:3:37: errore: il collegamento `../ragioneria/` non porta da nessuna parte: \
                 nel sito non c'è la pagina o il file `ragioneria/` (si trova in: `tributi/`) [linkcheck-broken-link]",
                "la pagina `tabella/index.html` non ha l'ancora `#riga-inesistente` (si trova in: `tributi/`) [linkcheck-broken-link]",
                "= suggerimento: i collegamenti tra le pagine del sito sono relativi",
            ],
        ),
        (
            "sito-lists-checks",
            &[
                "content/_sito.yaml:7:5: avviso: la stessa attività compare più volte in `smartizzabili`: \"Webinar\" [validate-duplicate-activity]",
                "= suggerimento: è già alla riga 6; eliminare questa copia",
                "errore: l'attività \"Webinar\" è sia smartizzabile sia non smartizzabile [validate-activity-in-both-lists]",
            ],
        ),
        (
            "unknown-tema",
            &[
                "content/_sito.yaml:5:1: errore: il tema `istituzionale` non esiste: non c'è la cartella themes/istituzionale/ [theme-missing]",
                "= suggerimento: rimuovere `tema` per usare il tema predefinito, oppure creare la cartella",
            ],
        ),
        (
            "archive-edition",
            &[
                "content/_archivio/Vecchia Edizione: errore: `Vecchia Edizione` non è un nome di edizione valido: \
                 i nomi possono contenere solo lettere minuscole, cifre e singoli trattini, come `2025` o `2025-2027` [editions-invalid-edition-name]",
                "= suggerimento: rinominare la cartella in `vecchia-edizione`",
            ],
        ),
    ];
    for (fixture, expected) in cases {
        let out = checked_in_italian(&Site::fixture(&format!("errors/{fixture}")));
        for line in *expected {
            assert!(out.contains(line), "{fixture}: no `{line}` in:\n{out}");
        }
        assert!(!out.contains("hint:"), "{fixture}: English left:\n{out}");
    }
}

/// A contrast ratio is written with the language's decimal mark, and the
/// code is the same in both languages (also in the JSON).
#[test]
fn a_too_light_colour_has_a_decimal_comma_in_italian_and_one_code() {
    let site = Site::fixture("errors/unknown-tema");
    let settings = std::fs::read_to_string(site.root().join("content/_sito.yaml")).unwrap();
    site.write(
        "content/_sito.yaml",
        &settings.replace("tema: istituzionale", "colore_primario: \"#ffcc00\""),
    );
    let it = checked_in_italian(&site);
    assert!(
        it.contains(
            "errore: `#ffcc00` è troppo chiaro: il testo bianco su questo colore ha un contrasto di 1,5:1, \
             mentre l'accessibilità (WCAG AA) richiede almeno 4,5:1 [validate-colour-too-light]"
        ),
        "{it}"
    );
    let (_, en) = site.run_seen(&["--lang", "en", "check"]);
    assert!(
        en.contains("error: `#ffcc00` is too light: white text on it has a contrast of 1.5:1, accessibility (WCAG AA) needs at least 4.5:1 [validate-colour-too-light]"),
        "{en}"
    );
    let (_, json) = site.run_seen(&["--lang", "it", "check", "--format", "json"]);
    assert!(
        json.contains("\"code\":\"validate-colour-too-light\""),
        "{json}"
    );
}
