//! Writing an imported unit as a unit file of the content contract
//! (docs/CONTENT.md): file names like the example's (`polizia-locale-mobilita`),
//! `ordine` in steps of 10 keeping the act's order, and every text written so
//! that YAML reads back exactly that text (plain when it is safe, double
//! quoted with escapes otherwise). Pure: returns text.

use super::catalogue::{Item, Rule, Unit};
use crate::model::{self, ACTIVITY_LISTS};
use crate::slug;

/// Words left out of a file name: the kind of unit, articles, prepositions.
const LEADING: &[&str] = &[
    "servizio", "servizi", "settore", "ufficio", "uffici", "area", "unita", "u", "o",
];
const SMALL: &[&str] = &[
    "e", "ed", "di", "d", "del", "della", "delle", "dei", "degli", "dello", "dell", "il", "la",
    "lo", "i", "gli", "le", "l", "a", "al", "alla", "ai", "agli", "alle", "all", "per", "con",
    "in", "da", "dal", "dalla", "su", "sul", "tra", "fra", "o",
];
const MAX_WORDS: usize = 5;

/// `Settore Polizia locale e mobilità` -> `polizia-locale-mobilita`;
/// `Segretario comunale - Dirigente Area ...` -> `segretario-comunale`;
/// `1 - Settore Affari generali`, `SETTORE II - SERVIZI SOCIALI` ->
/// `affari-generali`, `sociali` (a part that is only a number names no
/// unit: the next one does).
pub(crate) fn file_slug(nome: &str) -> String {
    let first = nome.split([':', '(', '–', '—']).next().unwrap_or(nome);
    let mut parts = first.split(" - ").map(|head| {
        let full = slug::slugify(head);
        let words: Vec<String> = full
            .split('-')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let lead = words
            .iter()
            .take_while(|w| LEADING.contains(&w.as_str()))
            .count();
        let numbers = words[lead..].iter().take_while(|w| numeral(w)).count();
        let kept: Vec<&str> = words[lead + numbers..]
            .iter()
            .map(String::as_str)
            .filter(|w| !SMALL.contains(w))
            .take(MAX_WORDS)
            .collect();
        (kept.join("-"), full)
    });
    let (kept, full) = parts.next().unwrap_or_default();
    if !kept.is_empty() {
        kept
    } else if let Some((next, _)) = parts.find(|(k, _)| !k.is_empty()) {
        next
    } else if !full.is_empty() {
        full
    } else {
        "unita".into()
    }
}

/// `1`, `12`, `ii`, `iv`: a unit's number, not its name.
fn numeral(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit())
        || (w.len() <= 4 && w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')))
}

/// One slug per unit, unique, never a path the generator writes itself
/// (`taken` says whether a slug is already used by something else).
pub(crate) fn slugs(units: &[Unit], taken: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(units.len());
    for u in units {
        let base = file_slug(&u.nome);
        let mut s = base.clone();
        let mut n = 1;
        while slug::RESERVED.contains(&s.as_str()) || out.contains(&s) || taken(&s) {
            n += 1;
            s = format!("{base}-{n}");
        }
        out.push(s);
    }
    out
}

/// A scalar as YAML reads it back verbatim: plain when nothing in it means
/// something to YAML, else double quoted.
pub(crate) fn scalar(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

fn plain_is_safe(s: &str) -> bool {
    const SPECIAL: &[&str] = &["true", "false", "yes", "no", "on", "off", "null", "y", "n"];
    let Some(first) = s.chars().next() else {
        return false;
    };
    first.is_alphabetic()
        && s.trim() == s
        && !s.contains(": ")
        && !s.ends_with(':')
        && !s.contains(" #")
        && !s
            .chars()
            .any(|c| c.is_control() || !printable(c) || c == '\u{a0}' || c == '\u{feff}')
        && !SPECIAL.contains(&s.to_lowercase().as_str())
}

/// Characters YAML allows as they are (YAML 1.1 `c-printable`), tab and line ends aside.
fn printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if c != '\u{feff}' && printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02X}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// A text as the body of a `#` comment: on one line, and every character
/// YAML does not allow in a comment, or reads as a line end (NEL, U+2028,
/// U+2029), written as `\u{..}`: a comment with one would end there, and
/// the rest of the line would be read as data.
fn comment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\t' => out.push(c),
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c if printable(c) => out.push(c),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    out
}

/// The text of a unit file. `source` names the imported file in a comment.
pub(crate) fn unit_file(u: &Unit, ordine: usize, source: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n", comment(&u.nome)));
    out.push_str(&format!(
        "# Importato da {} ({}).\n\n",
        comment(source),
        comment(&u.place)
    ));
    // The keys in the order of their declaration, as a clerk reads them.
    let [smart, partial, non] = ACTIVITY_LISTS;
    for key in model::UnitFile::KEYS {
        let list = match *key {
            "nome" => {
                out.push_str(&format!("nome: {}\n", scalar(&u.nome)));
                continue;
            }
            "ordine" => {
                out.push_str(&format!("ordine: {ordine}\n"));
                continue;
            }
            k if k == smart => &u.smartizzabili,
            k if k == partial => &u.parzialmente_smartizzabili,
            k if k == non => &u.non_smartizzabili,
            "altre_attivita" => {
                if let Some(r) = &u.rule {
                    out.push_str(&rule_lines(r));
                }
                continue;
            }
            k => {
                if let Some(text) = u.text(k) {
                    out.push_str(&format!("{k}: {}\n", scalar(text)));
                }
                continue;
            }
        };
        if list.is_empty() {
            continue;
        }
        out.push_str(key);
        out.push_str(":\n");
        for it in list {
            item(&mut out, 2, it);
        }
    }
    out
}

/// `altre_attivita: <value>`, below a comment quoting the act's sentence
/// (in Italian, as the rest of the file).
pub(crate) fn rule_lines(r: &Rule) -> String {
    let said = crate::i18n::message_in(
        crate::i18n::Lang::It,
        "import-flat-yaml-rule",
        &[("place", crate::i18n::Arg::from(r.place.as_str()))],
    );
    format!("# {}\n{}", comment(&said), rule_value_lines(r))
}

/// `altre_attivita` and the act's sentence for it
/// (`altre_attivita_citazione`), one line each.
pub(crate) fn rule_value_lines(r: &Rule) -> String {
    format!(
        "altre_attivita: {}\naltre_attivita_citazione: {}\n",
        super::lists::list_key(r.smart),
        scalar(&r.text)
    )
}

/// One activity as a list item whose dash is at column `indent` (0-based).
pub(crate) fn item(out: &mut String, indent: usize, it: &Item) {
    activity(
        out,
        indent,
        &it.testo,
        it.note.as_deref(),
        &it.ambiti,
        it.condizione.as_deref(),
    );
}

/// An activity's text, note, ambiti and condition as a list item whose
/// dash is at column `indent`: the short form when it has only a text.
pub(crate) fn activity(
    out: &mut String,
    indent: usize,
    testo: &str,
    note: Option<&str>,
    ambiti: &[String],
    condizione: Option<&str>,
) {
    let pad = " ".repeat(indent);
    if note.is_none() && ambiti.is_empty() && condizione.is_none() {
        out.push_str(&format!("{pad}- {}\n", scalar(testo)));
        return;
    }
    out.push_str(&format!("{pad}- testo: {}\n", scalar(testo)));
    if let Some(n) = note {
        out.push_str(&format!("{pad}  note: {}\n", scalar(n)));
    }
    if !ambiti.is_empty() {
        out.push_str(&format!("{pad}  ambiti:\n"));
        for a in ambiti {
            out.push_str(&format!("{pad}    - {}\n", scalar(a)));
        }
    }
    if let Some(c) = condizione {
        out.push_str(&format!("{pad}  condizione: {}\n", scalar(c)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::catalogue::fields;
    use crate::model::Activity;
    use crate::source::SourceFile;

    fn unit(texts: &[&str]) -> Unit {
        Unit {
            nome: "Servizio # prova: \"uno\"".into(),
            // Every field a table can give, with text YAML would misread.
            texts: fields()
                .map(|f| (f.key, format!("- {}: Dott.ssa #1", f.key)))
                .collect(),
            smartizzabili: texts.iter().map(|t| Item::text(*t)).collect(),
            parzialmente_smartizzabili: vec![Item::text("Protocollo: a turni #1")],
            non_smartizzabili: vec![Item {
                note: Some("Solo *back office*: vedi nota".into()),
                ambiti: vec!["Tributi".into(), "yes".into()],
                ..Item::text("Sportello #2")
            }],
            rule: None,
            place: "table 1, row 2".into(),
        }
    }

    /// Writes `texts` and reads them back with the generator's own loader.
    fn round_trip(texts: &[&str]) {
        let u = unit(texts);
        let yaml = unit_file(&u, 10, "piao.docx");
        let f = SourceFile::new("content/x.yaml", yaml.clone());
        let parsed = crate::load::parse_unit(&f, "x".into()).unwrap_or_else(|e| {
            panic!(
                "{yaml}\n{}",
                e.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(parsed.nome, u.nome);
        for f in fields() {
            assert_eq!(parsed.text(f.key), u.text(f.key), "{yaml}");
        }
        assert_eq!(parsed.ordine, Some(10));
        let got: Vec<&str> = parsed
            .smartizzabili
            .iter()
            .map(|a: &Activity| a.testo.as_str())
            .collect();
        assert_eq!(got, texts, "{yaml}");
        let long = &parsed.non_smartizzabili[0];
        assert_eq!(long.testo, "Sportello #2");
        assert_eq!(long.note.as_deref(), Some("Solo *back office*: vedi nota"));
        assert_eq!(long.ambiti, ["Tributi", "yes"]);
        assert_eq!(
            parsed.parzialmente_smartizzabili[0].testo,
            "Protocollo: a turni #1"
        );
    }

    /// The condition of an activity in part is written in the long form.
    #[test]
    fn an_activity_with_a_condition_reads_back_whole() {
        let mut out = String::from("nome: U\nparzialmente_smartizzabili:\n");
        activity(
            &mut out,
            2,
            "Sportello",
            None,
            &[],
            Some("a rotazione: un giorno #2"),
        );
        let f = SourceFile::new("content/x.yaml", out.clone());
        let u = crate::load::parse_unit(&f, "x".into()).unwrap();
        let a = &u.parzialmente_smartizzabili[0];
        assert_eq!(
            (a.testo.as_str(), a.condizione.as_deref()),
            ("Sportello", Some("a rotazione: un giorno #2")),
            "{out}"
        );
    }

    #[test]
    fn what_a_clerk_pastes_reads_back_verbatim() {
        round_trip(&[
            "Sportello #2",
            "Economato: attività di back office",
            "- trattino iniziale",
            "-testo",
            "• punto",
            "\"Citazione\" iniziale",
            "'apostrofo' iniziale",
            "dell'ente",
            "Tel. 011 123456",
            "2026",
            "10:30",
            "1. numerato",
            "no",
            "Null",
            "~",
            "@menzione",
            "`codice`",
            "% percento",
            "& ancora",
            "* stella",
            "! esclamativo",
            "| barra",
            "> maggiore",
            "[tra parentesi]",
            "{graffe}",
            "? domanda",
            "Termina con due punti:",
            "Spazio finale ",
            " spazio iniziale",
            "Tab\tinterno",
            "Barra \\ rovescia",
            "Riga\nnuova",
            "Controllo \u{7} \u{1b} \u{85} \u{2028} \u{feff} \u{a0} fine",
            "Emoji 🙂 e 中文",
            "IMU - TARI - CUP",
            "Voce con # a metà e: due punti",
        ]);
    }

    #[test]
    fn seeded_random_texts_read_back_verbatim() {
        const POOL: &[char] = &[
            'a', 'Z', 'è', ' ', ' ', ':', '#', '-', '"', '\'', '\\', '\t', '\n', '[', ']', '{',
            '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '?', '1', '.', '•', '\u{a0}',
            '\u{7f}', '\u{0}', '\u{fffe}', '🙂',
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut texts = Vec::new();
        for _ in 0..400 {
            let len = 1 + (next() % 12) as usize;
            let t: String = (0..len)
                .map(|_| POOL[(next() % POOL.len() as u64) as usize])
                .collect();
            // The import never writes an empty text (the loader refuses it).
            if !t.trim().is_empty() {
                texts.push(t);
            }
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        round_trip(&refs);
    }

    /// A name, source file or place with a character YAML reads as a line
    /// end, or does not allow in a comment, reads back (the heading comment
    /// once ended there and the rest was read as data).
    #[test]
    fn control_characters_in_names_stay_inside_the_comments() {
        for c in [
            '\u{85}', '\u{2028}', '\u{2029}', '\u{7}', '\u{1b}', '\u{0}', '\u{feff}', '\r',
            '\u{7f}',
        ] {
            let nome = format!("Ufficio{c}: tributi");
            let mut u = unit_named(&nome);
            u.place = format!("sheet Foglio{c}1, cell A2");
            let yaml = unit_file(&u, 10, &format!("piao{c}.xlsx"));
            let f = SourceFile::new("content/x.yaml", yaml.clone());
            let parsed = crate::load::parse_unit(&f, "x".into())
                .unwrap_or_else(|e| panic!("{c:?}: {yaml}\n{}", e[0]));
            assert_eq!(parsed.nome, nome, "{yaml}");
        }
    }

    #[test]
    fn file_names_like_the_example() {
        for (nome, want) in [
            (
                "Settore Polizia locale e mobilità",
                "polizia-locale-mobilita",
            ),
            (
                "Segretario comunale - Dirigente Area Risorse servizi e territorio",
                "segretario-comunale",
            ),
            ("Servizio Sviluppo del territorio", "sviluppo-territorio"),
            (
                "Servizio Segreteria, appalti e sistemi informativi",
                "segreteria-appalti-sistemi-informativi",
            ),
            ("Servizio", "servizio"),
            ("???", "unita"),
            // A number before ` - ` names no unit: the part after it does
            // (the files were once `1.yaml`, `ii.yaml`).
            ("1 - Settore Affari Generali", "affari-generali"),
            ("SETTORE II - SERVIZI SOCIALI", "sociali"),
            ("Area 3 - Tributi e tasse", "tributi-tasse"),
            ("Settore 1", "settore-1"),
            ("Settore IV - ", "settore-iv"),
        ] {
            assert_eq!(file_slug(nome), want, "{nome}");
        }
    }

    #[test]
    fn slugs_are_unique_and_never_reserved() {
        let u = |n: &str| unit_named(n);
        let units = [
            u("Servizio Tabella"),
            u("Ufficio tabella"),
            u("Cerca"),
            u("Tributi"),
        ];
        assert_eq!(
            slugs(&units, |s| s == "tributi"),
            ["tabella-2", "tabella-3", "cerca-2", "tributi-2"]
        );
    }

    fn unit_named(n: &str) -> Unit {
        Unit {
            nome: n.into(),
            ..unit(&[])
        }
    }
}
