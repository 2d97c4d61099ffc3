//! The problems of the YAML files and of reading them, in Italian (the
//! default): the message, its hint and its stable code, the same code as
//! in English.

use crate::support::Site;

/// `check` of `tests/fixtures/errors/<case>` in `lang`: its stderr.
fn check_in(lang: &str, case: &str) -> String {
    let site = Site::fixture(&format!("errors/{case}"));
    let r = site.run(&["--lang", lang, "check"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    r.stderr()
}

/// A text with `: ` (the schema walk), a typed bullet (a slip), a wrong
/// type (a choice of hint among the message's attributes) and a file in
/// Windows-1252 (reading the file): each in Italian, with its code.
#[test]
fn yaml_and_source_problems_are_in_italian_with_their_code() {
    let cases = [
        (
            "colon-in-text",
            "content/polizia-locale.yaml:4:15: errore: questo testo contiene `: ` (due punti e spazio), che YAML legge come una chiave seguita da un valore [yaml-colon-in-text]",
            "  = suggerimento: racchiudere l'intero testo tra virgolette doppie: - \"Taxi e NCC: istruire gli atti relativi alle licenze\"",
        ),
        (
            "typed-bullet",
            "content/anagrafe.yaml:3:3: errore: questa riga inizia con `•`, che in YAML non indica un elemento di elenco, quindi non è un nuovo elemento e YAML non riesce a leggere l'elenco [yaml-slip-bullet]",
            "  = suggerimento: iniziare la riga con `- ` (un trattino e uno spazio) al posto di `•`",
        ),
        (
            "wrong-type",
            "content/tributi.yaml:3:16: errore: il valore di `smartizzabili` dovrebbe essere un elenco (una riga `- ` per elemento), ma è un testo [yaml-wrong-type]",
            "  = suggerimento: scrivere ogni elemento su una riga a sé, che inizi con `- `",
        ),
        (
            "not-utf8",
            "content/tributi.yaml:3:12: errore: il file non è un testo UTF-8 (byte 0xE0 alla posizione 48) [source-not-utf8]",
            "  = suggerimento: salvare il file come UTF-8 (probabilmente un vecchio editor lo ha salvato come Windows-1252 o Latin-1, dove questo byte è `à`)",
        ),
    ];
    for (case, message, hint) in cases {
        let it = check_in("it", case);
        let lines: Vec<&str> = it.lines().collect();
        assert!(lines.contains(&message), "{case}:\n{it}");
        assert!(lines.contains(&hint), "{case}:\n{it}");
        // The code is the same in English, after the English message.
        let code = &message[message.rfind(" [").unwrap_or(0)..];
        let en = check_in("en", case);
        assert!(
            en.lines()
                .any(|l| l.contains(": error: ") && l.ends_with(code)),
            "{case}:\n{en}"
        );
    }
}
