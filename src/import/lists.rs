//! The act as lists, not tables: the paragraphs outside the tables (a
//! Word or LibreOffice document, a body's web page) and the lines of a
//! text, read as the lists that follow a **lead-in** naming them ("Sono
//! individuate le seguenti attività indifferibili da rendere in presenza:",
//! "Attività che possono essere svolte in lavoro agile"). Items are list
//! paragraphs (`<li>`, Word numbering) or start with a typed bullet or
//! number (`-`, `•`, `1.`, `a)`, `(b)`), stripped; their text is kept as
//! written. A list after no lead-in (a page's menus) is not the act.
//!
//! Also here, for every shape: the act's **rule** for the activities it does
//! not list ("Le attività non elencate sono svolte in presenza.", the item
//! "Tutte le altre attività ..."), taken out of the lists into
//! [`Rule`]; and the duplicates the act itself contains, which `check` will
//! report. Every paragraph is accounted for in the report: an item, a
//! lead-in, the rule, or one of the notes counting what is not the act.
//! Pure: no I/O.

use super::catalogue::{self, Imported, Item, Note, Rule, Unit, clip, norm, strip_marker};
use super::{Loose, Table, collapse};
use crate::i18n::t;

/// The catalogue in `tables`: the tables as `catalogue` reads them, and
/// the lists under a lead-in outside them, for the whole body.
pub(crate) fn read(tables: &[Table]) -> Imported {
    let paras = loose(tables);
    let flat = find(&paras);
    if flat.lists == 0 && flat.rule.is_none() {
        let mut found = catalogue::catalogue(tables);
        if found.units.is_empty() && found.site.is_none() && !paras.is_empty() {
            found.notes.push(Note {
                warning: false,
                place: t!("import-flat-place-outside"),
                message: t!("import-flat-no-lead-in"),
            });
        }
        return found;
    }
    let mut found = catalogue::read(tables, true);
    found.notes.extend(flat.notes);
    let site = found.site.get_or_insert_with(|| Unit {
        nome: String::new(),
        texts: Default::default(),
        smartizzabili: Vec::new(),
        parzialmente_smartizzabili: Vec::new(),
        non_smartizzabili: Vec::new(),
        rule: None,
        place: flat.place.clone(),
    });
    let mut rule_notes = Vec::new();
    let mut checked = Unit {
        smartizzabili: flat.smartizzabili,
        parzialmente_smartizzabili: flat.parzialmente_smartizzabili,
        non_smartizzabili: flat.non_smartizzabili,
        rule: None,
        ..site.clone()
    };
    duplicates(&t!("import-flat-whole-body"), &checked, &mut rule_notes);
    site.smartizzabili.append(&mut checked.smartizzabili);
    site.parzialmente_smartizzabili
        .append(&mut checked.parzialmente_smartizzabili);
    site.non_smartizzabili
        .append(&mut checked.non_smartizzabili);
    if let Some(r) = flat.rule {
        // Its note is already in the report.
        if site.rule.is_none() {
            site.rule = Some(r);
        } else {
            add_rule(&mut site.rule, r, &mut rule_notes);
        }
    }
    found.notes.extend(rule_notes);
    found
}

/// The paragraphs outside the tables and the lines that are not rows, in
/// the order of the file.
fn loose(tables: &[Table]) -> Vec<Loose> {
    let mut out = Vec::new();
    for t in tables {
        out.extend(t.outside.paras.iter().cloned());
        out.extend(t.unread.iter().map(|(place, text)| Loose {
            place: place.clone(),
            text: text.clone(),
            listed: false,
            chrome: false,
            starts_list: false,
        }));
    }
    out
}

/// What [`find`] read.
#[derive(Debug, Default)]
struct Flat {
    smartizzabili: Vec<Item>,
    parzialmente_smartizzabili: Vec<Item>,
    non_smartizzabili: Vec<Item>,
    rule: Option<Rule>,
    notes: Vec<Note>,
    /// Lists read under a lead-in.
    lists: usize,
    /// Where the first lead-in is.
    place: String,
}

impl Flat {
    /// The list `open` adds to.
    fn list(&mut self, open: &Open) -> &mut Vec<Item> {
        if open.partial {
            &mut self.parzialmente_smartizzabili
        } else if open.smart {
            &mut self.smartizzabili
        } else {
            &mut self.non_smartizzabili
        }
    }
}

/// How an item is marked: items of one list are marked alike, so a `2.`
/// after `a)` `b)` ends the lettered list. Bullets and dashes are one
/// way ([`Style::alike`]): a list pasted from several places mixes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// A list paragraph of the document, no typed mark.
    Listed,
    Bullet,
    Dash,
    Number,
    Letter,
}

impl Style {
    /// Items marked `a` and `b` may be of one list: the same mark, or a
    /// bullet and a dash (`•` then `–` or `-`).
    fn alike(a: Option<Style>, b: Option<Style>) -> bool {
        let unordered = |s| matches!(s, Some(Style::Bullet | Style::Dash));
        a == b || (unordered(a) && unordered(b))
    }

    /// A list with no order (bullets, dashes, the document's own list).
    fn unordered(self) -> bool {
        matches!(self, Style::Bullet | Style::Dash | Style::Listed)
    }
}

fn style(line: &str) -> Option<Style> {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    let c = t.chars().next()?;
    if strip(t).1 {
        return Some(if "-–—".contains(c) {
            Style::Dash
        } else if c.is_ascii_digit()
            || (c == '(' && t[1..].starts_with(|d: char| d.is_ascii_digit()))
        {
            Style::Number
        } else if c.is_ascii_lowercase() || c == '(' {
            Style::Letter
        } else {
            Style::Bullet
        });
    }
    None
}

/// The text without its bullet or number, and whether it had one: as
/// [`strip_marker`] does in a cell, and also a number or letter written
/// against the text (`1.La prestazione`, `a)persone`), as web pages of acts
/// have them.
fn strip(line: &str) -> (&str, bool) {
    let (t, marked) = strip_marker(line);
    if marked {
        return (t, true);
    }
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let at = if (1..=3).contains(&digits) && matches!(b.get(digits), Some(b'.' | b')')) {
        digits + 1
    } else if b.len() > 2 && b[0].is_ascii_lowercase() && b[1] == b')' {
        2
    } else {
        return (t, false);
    };
    match t[at..].chars().next() {
        Some(c) if c.is_alphabetic() => (&t[at..], true),
        _ => (t, false),
    }
}

/// A list being read: its kind, its lead-in, how its items are marked.
struct Open {
    smart: bool,
    /// `parzialmente_smartizzabili`: in lavoro agile in part, or by turns.
    partial: bool,
    lead: String,
    place: String,
    style: Option<Style>,
    /// How the lead-in itself is marked (`1. di individuare...:`): an item
    /// marked so after the list is the act's next point.
    lead_style: Option<Style>,
    items: usize,
    /// A list of criteria or conditions, not of activities: counted only.
    criteria: bool,
    /// Its only item says it is empty (`- Nessuna`), as noted.
    none: bool,
}

/// Reads the lists under a lead-in in `paras`.
fn find(paras: &[Loose]) -> Flat {
    let mut out = Flat::default();
    let mut open: Option<Open> = None;
    // What is not the act: (count, first place, first text).
    let mut stray_items: (usize, String, String) = Default::default();
    let mut prose: (usize, String, String) = Default::default();
    let count = |c: &mut (usize, String, String), p: &Loose, text: &str| {
        if c.0 == 0 {
            c.1 = p.place.clone();
            c.2 = clip(text, 80);
        }
        c.0 += 1;
    };
    let lines: Vec<(&Loose, String)> = paras
        .iter()
        .flat_map(|p| {
            // A line break in a list item goes on with the item.
            super::catalogue::item_lines(&p.text, p.listed)
                .into_iter()
                .map(|l| collapse(&l))
                .filter(|l| !l.is_empty())
                // Only a paragraph of its own: an item that holds a colon
                // and semicolons stays one item of its list.
                .flat_map(move |l| {
                    match inline_list(&l).filter(|_| !p.chrome && !p.listed && style(&l).is_none())
                    {
                        Some(split) => split,
                        None => vec![l],
                    }
                })
                .map(move |l| (p, l))
        })
        .collect();
    let mut i = 0;
    while i < lines.len() {
        let (p, line) = (lines[i].0, lines[i].1.as_str());
        i += 1;
        if p.chrome {
            if p.listed || style(line).is_some() {
                count(&mut stray_items, p, line);
            } else {
                count(&mut prose, p, line);
            }
            continue;
        }
        let typed = style(line);
        let mark = typed.or(p.listed.then_some(Style::Listed));
        let (body, _) = strip(line);
        let body = body.to_string();
        if let Some(list) = open.as_mut() {
            // A new list of the page (another `<ul>`) is not this one.
            let same_style = (list.style.is_none() || Style::alike(list.style, mark))
                && !(p.starts_list && list.items > 0);
            if mark.is_some() && same_style && lead_in(line, true).is_none() {
                list.style = mark;
                list.items += 1;
                if list.criteria {
                    continue;
                }
                if let Some(smart) = rule_kind(&body, (!list.partial).then_some(list.smart)) {
                    set_rule(&mut out, smart, &body, &p.place);
                    continue;
                }
                // `- Nessuna`: the act says the list is empty.
                if list.items == 1 && super::catalogue::means_none(&body) {
                    list.items = 0;
                    list.none = true;
                    let key = if list.partial {
                        crate::model::ListKind::Partial.key()
                    } else {
                        list_key(list.smart)
                    };
                    out.notes.push(Note {
                        warning: false,
                        place: p.place.clone(),
                        message: t!("import-list-none", text = body.as_str(), list = key),
                    });
                    continue;
                }
                let item = Item {
                    testo: body,
                    note: None,
                    ambiti: Vec::new(),
                    condizione: None,
                    place: p.place.clone(),
                    marked: true,
                };
                out.list(list).push(item);
                continue;
            }
            // A line of an item broken by the page (a text copied from a
            // PDF): it starts lowercase, or the item is unfinished and the
            // list goes on after it.
            let next_is_item = lines.get(i).is_some_and(|(q, l)| {
                !q.chrome
                    && Style::alike(style(l).or(q.listed.then_some(Style::Listed)), list.style)
            });
            let last = out.list(list).last_mut();
            if mark.is_none()
                && list.items > 0
                && !list.criteria
                && let Some(last) = last
                && (line.starts_with(char::is_lowercase)
                    || (!last.testo.ends_with(['.', ';', '!', '?', ':']) && next_is_item))
                && lead_in(line, false).is_none()
            {
                let before = tail(&last.testo, 30);
                last.testo = format!("{} {}", last.testo, line);
                out.notes.push(Note {
                    warning: false,
                    place: p.place.clone(),
                    message: t!(
                        "import-flat-joined",
                        before = before,
                        after = line.chars().take(30).collect::<String>()
                    ),
                });
                continue;
            }
            // Numbered items after a list of bullets: another list, or the
            // same one marked otherwise; in doubt, said where.
            if let (Some(was), Some(now)) = (list.style, mark)
                && was.unordered()
                && !now.unordered()
                && list.lead_style != Some(now)
                && !list.criteria
                && list.items > 0
                && lead_in(line, true).is_none()
            {
                out.notes.push(Note {
                    warning: true,
                    place: p.place.clone(),
                    message: t!(
                        "import-flat-list-ends",
                        lead = clip(&list.lead, 80),
                        item = clip(line, 80)
                    ),
                });
            }
            close(&mut out, open.take());
        }
        if let Some(smart) = lead_in(line, mark.is_some()) {
            let criteria = about_criteria(line);
            if out.place.is_empty() && !criteria {
                out.place = p.place.clone();
            }
            open = Some(Open {
                smart,
                partial: partial(line),
                lead: line.to_string(),
                place: p.place.clone(),
                style: None,
                lead_style: mark,
                items: 0,
                criteria,
                none: false,
            });
            continue;
        }
        // The rule, as a sentence of the act's text.
        if let Some((smart, sentence)) = sentences(line)
            .into_iter()
            .find_map(|s| rule_kind(&s, None).map(|k| (k, s)))
        {
            set_rule(&mut out, smart, &sentence, &p.place);
            continue;
        }
        if mark.is_some() {
            count(&mut stray_items, p, line);
        } else {
            count(&mut prose, p, line);
        }
    }
    close(&mut out, open.take());
    if stray_items.0 > 0 {
        out.notes.push(Note {
            warning: false,
            place: stray_items.1,
            message: t!(
                "import-flat-not-under-lead-in",
                count = stray_items.0,
                first = stray_items.2
            ),
        });
    }
    if prose.0 > 0 {
        out.notes.push(Note {
            warning: false,
            place: prose.1,
            message: t!("import-flat-prose", count = prose.0, first = prose.2),
        });
    }
    out
}

/// Notes the list just read: how many items, under which lead-in.
fn close(out: &mut Flat, open: Option<Open>) {
    let Some(list) = open else { return };
    if list.criteria {
        if list.items > 0 {
            out.notes.push(Note {
                warning: false,
                place: list.place,
                message: t!(
                    "import-flat-criteria",
                    count = list.items,
                    lead = clip(&list.lead, 80)
                ),
            });
        }
        return;
    }
    if list.items == 0 && list.none {
        return;
    }
    if list.items == 0 {
        out.notes.push(Note {
            warning: false,
            place: list.place,
            message: t!("import-flat-lead-in-empty", lead = clip(&list.lead, 80)),
        });
        return;
    }
    out.lists += 1;
    out.notes.push(Note {
        warning: false,
        place: list.place,
        message: t!(
            "import-flat-list",
            count = list.items,
            list = if list.partial {
                crate::model::ListKind::Partial.key()
            } else {
                list_key(list.smart)
            },
            lead = clip(&list.lead, 80)
        ),
    });
}

fn set_rule(out: &mut Flat, smart: bool, text: &str, place: &str) {
    let rule = Rule {
        smart,
        text: text.to_string(),
        place: place.to_string(),
    };
    add_rule(&mut out.rule, rule, &mut out.notes);
}

/// `rule` read: the first one is kept (and noted); one said again is
/// noted, one that says the opposite is a warning.
fn add_rule(slot: &mut Option<Rule>, rule: Rule, notes: &mut Vec<Note>) {
    let text = clip(&rule.text, 120);
    match slot {
        None => {
            notes.push(rule_note(&rule));
            *slot = Some(rule);
        }
        Some(old) if old.smart != rule.smart => notes.push(Note {
            warning: true,
            place: rule.place,
            message: t!(
                "import-flat-rule-contradicts",
                text = text,
                first = old.place.clone()
            ),
        }),
        Some(_) => notes.push(Note {
            warning: false,
            place: rule.place,
            message: t!("import-flat-rule-again", text = text),
        }),
    }
}

/// The report's line for a rule read.
fn rule_note(r: &Rule) -> Note {
    Note {
        warning: false,
        place: r.place.clone(),
        message: t!(
            "import-flat-rule",
            value = list_key(r.smart),
            text = clip(&r.text, 160)
        ),
    }
}

/// `smartizzabili` or `non_smartizzabili`: the list, or the value of
/// `altre_attivita`.
pub(crate) fn list_key(smart: bool) -> &'static str {
    let [s, _, n] = crate::model::ACTIVITY_LISTS;
    if smart { s } else { n }
}

/// The words of `s` as [`norm`] folds them.
fn words(s: &str) -> Vec<String> {
    norm(s).split(' ').map(str::to_string).collect()
}

/// A lead-in and its items in one sentence, as acts and the news of them
/// often write them (`Le attività indifferibili da rendere in presenza
/// sono: Attività della protezione civile; Attività della polizia locale;`):
/// the lead-in, ending with `:`, then each item as if typed on a line of its
/// own after a dash (the dash is taken off as every list mark is; the `;`
/// between items too). `None` unless the text before the first `: ` is a
/// lead-in and at least two items follow it.
fn inline_list(line: &str) -> Option<Vec<String>> {
    let (lead, rest) = line.split_once(": ")?;
    let lead = format!("{lead}:");
    lead_in(&lead, false)?;
    let items: Vec<&str> = rest
        .split(';')
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    if items.len() < 2 {
        return None;
    }
    Some(
        std::iter::once(lead)
            .chain(items.iter().map(|i| format!("- {i}")))
            .collect(),
    )
}

/// Whether `line` is a lead-in naming a list, and which: `Some(true)` the
/// activities done in lavoro agile, `Some(false)` those in presence. An
/// item (`marked`) is a lead-in only when it ends with `:` (`1. di
/// individuare le seguenti attività indifferibili:`); a paragraph when it
/// ends with `:` or is short (a heading).
fn lead_in(line: &str, marked: bool) -> Option<bool> {
    let line = line.trim();
    let colon = line.ends_with(':');
    let chars = line.chars().count();
    if (marked && !colon) || chars > 600 || (!colon && chars > 150) {
        return None;
    }
    if rule_kind(line, None).is_some() {
        return None;
    }
    // A list done in part remotely names no other modality (`attività a
    // rotazione:`): read as remote, in part.
    modality(&words(line)).or(partial(line).then_some(true))
}

/// A lead-in of activities done in lavoro agile only in part or by turns
/// (`in parte`, `parzialmente`, `a rotazione`, `con turnazione`):
/// `parzialmente_smartizzabili`.
fn partial(line: &str) -> bool {
    let w = words(line);
    // Not `il principio di rotazione` (a condition for the others).
    w.iter().any(|x| x == "parzialmente")
        || w.windows(2).any(|p| {
            matches!(
                (p[0].as_str(), p[1].as_str()),
                ("in", "parte") | ("a", "rotazione") | ("con" | "in", "turnazione")
            )
        })
}

/// A lead-in of criteria or conditions (`quando sussistano le seguenti
/// condizioni:`), not of activities.
fn about_criteria(line: &str) -> bool {
    words(line).iter().any(|w| {
        w.starts_with("condizion") || w.starts_with("criteri") || w.starts_with("requisit")
    })
}

/// What a phrase says of the activities: presence (`false`) or lavoro
/// agile (`true`), negations read.
fn modality(w: &[String]) -> Option<bool> {
    let has = |x: &str| w.iter().any(|y| y == x);
    let starts = |p: &str| w.iter().any(|y| y.starts_with(p));
    let remote = has("agile")
        || starts("smartizzabil")
        || has("remoto")
        || has("distanza")
        || starts("telelavor")
        || has("smart");
    let negated = w.windows(2).any(|p| {
        matches!(
            p[0].as_str(),
            "non" | "esclus" | "escluse" | "esclusi" | "esclusa"
        ) && (remote || p[1] == "smartizzabili")
    }) || has("escluse")
        || has("esclusi");
    if starts("indifferibil") || has("presenza") || (remote && negated) {
        return Some(false);
    }
    remote.then_some(true)
}

/// Verbs a `non` negates in a rule's predicate (`non sono`, `non possono`).
const VERBS: &[&str] = &[
    "sono",
    "possono",
    "puo",
    "e",
    "si",
    "vanno",
    "devono",
    "risultano",
    "rientrano",
    "potranno",
    "saranno",
    "verranno",
    "vengono",
    "sara",
    "smartizzabili",
    "smartizzabile",
];

/// The predicate of a rule: the last place naming presence or lavoro
/// agile, negated when a `non` before it negates its verb.
fn predicate(w: &[String]) -> Option<bool> {
    let at = w.iter().rposition(|x| {
        x == "presenza"
            || x == "agile"
            || x == "remoto"
            || x == "distanza"
            || x.starts_with("smartizzabil")
            || x.starts_with("telelavor")
            || x.starts_with("indifferibil")
    })?;
    let remote = !(w[at] == "presenza" || w[at].starts_with("indifferibil"));
    let from = at.saturating_sub(6);
    let negated = (from..at)
        .any(|j| w[j] == "non" && w.get(j + 1).is_some_and(|v| VERBS.contains(&v.as_str())))
        || (w[at].starts_with("smartizzabil") && at > 0 && w[at - 1] == "non");
    Some(remote != negated)
}

/// Whether `text` states the rule for the activities the act does not
/// list, and which: `Some(true)` they are smartizzabili. `list`: the kind
/// of the list the text is an item of (what the rule means when the item
/// names no modality of its own, as "Tutte le altre attività").
pub(crate) fn rule_kind(text: &str, list: Option<bool>) -> Option<bool> {
    if text.chars().count() > 300 {
        return None;
    }
    let w = words(text);
    let at = |i: usize| w.get(i).map(String::as_str).unwrap_or_default();
    let thing = |x: &str| {
        x.starts_with("attivit")
            || x.starts_with("serviz")
            || x.starts_with("process")
            || x.starts_with("mansion")
            || x.starts_with("funzion")
            || x.starts_with("procediment")
    };
    let residual = (0..w.len()).any(|i| {
        // `altre`, `restanti` only as the subject (`Tutte le altre
        // attività ...`), not `coordinati da altri servizi`.
        let subject = w[..i].iter().all(|x| {
            matches!(
                x.as_str(),
                "tutte" | "tutti" | "le" | "gli" | "i" | "e" | "per"
            )
        });
        let others = subject && matches!(at(i), "altre" | "altri" | "restanti" | "rimanenti");
        (others && (thing(at(i + 1)) || thing(at(i + 2))))
            || (thing(at(i)) && matches!(at(i + 1), "restanti" | "rimanenti"))
            || (thing(at(i))
                && at(i + 1) == "non"
                && [
                    "elencat",
                    "indicat",
                    "individuat",
                    "ricompres",
                    "compres",
                    "menzionat",
                    "previst",
                    "specificat",
                    "inclus",
                    "riportat",
                ]
                .iter()
                .any(|p| at(i + 2).starts_with(p)))
            || (thing(at(i)) && at(i + 1) == "diverse" && at(i + 2) == "da")
    });
    if !residual {
        return None;
    }
    // `... tra quelle che non possono essere svolte in lavoro agile`: the
    // clause says what the others are not.
    if let Some(q) = w.windows(2).position(|p| p[0] == "quelle" && p[1] == "che")
        && let Some(k) = predicate(&w[q + 2..])
    {
        return Some(!k);
    }
    predicate(&w).or(list)
}

/// The sentences of a paragraph: cut after `.` `;` `!` `?` followed by a
/// space and a capital.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for k in 0..chars.len() {
        let (i, c) = chars[k];
        if ".;!?".contains(c)
            && chars.get(k + 1).is_some_and(|(_, s)| *s == ' ')
            && chars.get(k + 2).is_some_and(|(_, n)| n.is_uppercase())
        {
            out.push(text[start..i + c.len_utf8()].trim().to_string());
            start = i + c.len_utf8();
        }
    }
    out.push(text[start..].trim().to_string());
    out.retain(|s| !s.is_empty());
    out
}

/// `Tutte`, `Tutte le attività`, `Tutte le attività dell'ufficio`: a
/// list of a unit that names no activity but all of them.
fn all_of_them(text: &str) -> bool {
    let w = words(text);
    matches!(
        w.first().map(String::as_str),
        Some("tutte" | "tutti" | "tutto")
    ) && w[1..].iter().all(|x| {
        matches!(
            x.as_str(),
            "le" | "i"
                | "attivita"
                | "processi"
                | "dell"
                | "del"
                | "della"
                | "ufficio"
                | "servizio"
                | "settore"
                | "struttura"
                | "area"
                | "unita"
                | "organizzativa"
        )
    })
}

/// Takes the items of `u` that state the rule out of its lists into its
/// `rule`, noting each.
pub(crate) fn take_rules(u: &mut Unit, notes: &mut Vec<Note>) {
    for smart in [true, false] {
        let list = if smart {
            &mut u.smartizzabili
        } else {
            &mut u.non_smartizzabili
        };
        let mut kept = Vec::with_capacity(list.len());
        let alone = list.len() == 1;
        for it in list.drain(..) {
            // `Tutte` alone in a unit's list: every activity the other
            // list does not name.
            let every = (alone && all_of_them(&it.testo)).then_some(smart);
            match every.or_else(|| rule_kind(&it.testo, Some(smart))) {
                Some(k) => {
                    let rule = Rule {
                        smart: k,
                        text: it.testo,
                        place: it.place,
                    };
                    add_rule(&mut u.rule, rule, notes);
                }
                None => kept.push(it),
            }
        }
        *list = kept;
    }
}

/// Notes what `check` will say of `u`'s lists as the act gives them: the
/// same text twice in a list (a warning there), or in both lists (an
/// error there). `nome`: the unit's name, or the whole body's.
pub(crate) fn duplicates(nome: &str, u: &Unit, notes: &mut Vec<Note>) {
    for (kind, list) in u.lists() {
        let mut seen: std::collections::HashMap<&str, &str> = Default::default();
        for it in list {
            let text = it.testo.trim();
            match seen.get(text) {
                Some(first) => notes.push(Note {
                    warning: true,
                    place: it.place.clone(),
                    message: t!(
                        "import-flat-duplicate",
                        text = clip(text, 80),
                        list = kind.key(),
                        unit = nome,
                        first = *first
                    ),
                }),
                None => {
                    seen.insert(text, it.place.as_str());
                }
            }
        }
    }
    let smart: std::collections::HashSet<&str> =
        u.smartizzabili.iter().map(|a| a.testo.trim()).collect();
    let mut told = std::collections::HashSet::new();
    for it in &u.non_smartizzabili {
        let text = it.testo.trim();
        if smart.contains(text) && told.insert(text) {
            notes.push(Note {
                warning: true,
                place: it.place.clone(),
                message: t!("import-flat-in-both", text = clip(text, 80), unit = nome),
            });
        }
    }
}

fn tail(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(place: usize, text: &str, listed: bool) -> Loose {
        Loose {
            place: format!("paragraph {place}"),
            text: text.into(),
            listed,
            chrome: false,
            starts_list: false,
        }
    }

    fn texts(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.testo.as_str()).collect()
    }

    #[test]
    fn a_list_in_one_sentence_is_split_only_after_a_lead_in() {
        let f = find(&[para(
            1,
            "Le attività da rendere in presenza sono: Protocollo; Servizi cimiteriali, polizia mortuaria;",
            false,
        )]);
        assert_eq!(
            texts(&f.non_smartizzabili),
            ["Protocollo", "Servizi cimiteriali, polizia mortuaria"]
        );
        // An item of a list that holds a colon and semicolons stays one
        // item of that list (the next items too).
        let f = find(&[para(
            1,
            "Attività smartizzabili:\n- Redazione di atti\n- Supporto in presenza agli uffici: archivio; protocollo\n- Gestione PEC",
            false,
        )]);
        assert_eq!(
            texts(&f.smartizzabili),
            [
                "Redazione di atti",
                "Supporto in presenza agli uffici: archivio; protocollo",
                "Gestione PEC"
            ]
        );
        assert!(f.non_smartizzabili.is_empty());
        // Not after a colon that names no list, nor with one item only.
        for line in [
            "Oggetto: misure urgenti; disposizioni interne",
            "Le attività da rendere in presenza sono: il protocollo.",
        ] {
            assert_eq!(inline_list(line), None, "{line}");
        }
    }

    #[test]
    fn lead_ins_name_their_list() {
        for (s, want) in [
            (
                "Sono individuate le seguenti attività indifferibili da rendere in presenza:",
                Some(false),
            ),
            (
                "Attività che possono essere svolte in lavoro agile",
                Some(true),
            ),
            ("Attività non smartizzabili", Some(false)),
            (
                "Le seguenti attività possono essere svolte in modalità agile:",
                Some(true),
            ),
            (
                "Attività che non possono essere svolte in lavoro agile:",
                Some(false),
            ),
            (
                "Sono escluse dal novero delle attività in modalità lavoro agile quelle che richiedono lo svolgimento di prestazioni su turni, quali, a titolo esemplificativo:",
                Some(false),
            ),
            ("Il Sindaco", None),
            ("DECRETA", None),
            ("Servizi", None),
        ] {
            assert_eq!(lead_in(s, false), want, "{s}");
        }
        // An item is a lead-in only when it ends with a colon.
        assert_eq!(
            lead_in(
                "di individuare le attività indifferibili da rendere in presenza:",
                true
            ),
            Some(false)
        );
        assert_eq!(
            lead_in("Servizi cimiteriali da rendere in presenza", true),
            None
        );
    }

    #[test]
    fn residual_rules() {
        for (s, list, want) in [
            (
                "Le attività non elencate sono svolte in presenza.",
                None,
                Some(false),
            ),
            (
                "Tutte le altre attività non individuate tra quelle che non possono essere svolte in lavoro agile",
                None,
                Some(true),
            ),
            (
                "Tutte le altre attività non individuate tra quelle che non possono essere svolte in lavoro agile",
                Some(true),
                Some(true),
            ),
            (
                "Tutte le restanti attività possono essere svolte in modalità agile",
                None,
                Some(true),
            ),
            (
                "Le attività diverse da quelle elencate sono svolte in presenza",
                None,
                Some(false),
            ),
            ("Tutte le altre attività", Some(false), Some(false)),
            ("Tutte le altre attività", None, None),
            (
                "Le attività non elencate non sono smartizzabili.",
                None,
                Some(false),
            ),
            ("Protocollo e altre attività di sportello", Some(true), None),
            ("Gestione del protocollo", Some(true), None),
            (
                "Attività istruttoria relativa ad obiettivi promossi dal servizio o coordinati da altri servizi",
                Some(true),
                None,
            ),
            (
                "Per tutti gli altri processi è possibile il lavoro agile.",
                None,
                Some(true),
            ),
            ("Rilascio carte d'identità", None, None),
        ] {
            assert_eq!(rule_kind(s, list), want, "{s}");
        }
    }

    /// A list pasted from several places: bullets and dashes are one list
    /// (a dash once ended it, and the items from there on were only
    /// counted in a note); numbered items after bullets end it with a
    /// warning at the first one.
    #[test]
    fn bullets_and_dashes_are_one_list_numbers_after_them_are_said() {
        let paras = [
            para(
                1,
                "Attività che possono essere svolte in lavoro agile:",
                false,
            ),
            para(2, "• Redazione di atti: delibere e determine", false),
            para(3, "– Gestione del protocollo informatico", false),
            para(4, "- Rapporti con l'utenza / tel. 0123-456789", false),
            para(5, "• Catalogazione", false),
            para(6, "1) Istruttoria delle pratiche \"SUAP\"", false),
            para(7, "2) Riunioni da remoto", false),
            // The act's next point after a numbered lead-in's list: no doubt.
            para(
                8,
                "2. di individuare le attività da rendere in presenza:",
                false,
            ),
            para(9, "• Sportello", false),
            para(10, "3. di trasmettere la presente.", false),
        ];
        let f = find(&paras);
        assert_eq!(
            texts(&f.smartizzabili),
            [
                "Redazione di atti: delibere e determine",
                "Gestione del protocollo informatico",
                "Rapporti con l'utenza / tel. 0123-456789",
                "Catalogazione",
            ]
        );
        let warnings: Vec<(&str, &str)> = f
            .notes
            .iter()
            .filter(|n| n.warning)
            .map(|n| (n.place.as_str(), n.message.as_str()))
            .collect();
        assert_eq!(texts(&f.non_smartizzabili), ["Sportello"]);
        assert_eq!(warnings.len(), 1, "{:?}", f.notes);
        assert_eq!(warnings[0].0, "paragraph 6");
        assert!(warnings[0].1.contains("Istruttoria"), "{}", warnings[0].1);
    }

    /// `- Nessuna` under a lead-in: the list is empty (it was once the
    /// activity `Nessuna`), said in one note.
    #[test]
    fn a_list_saying_none_is_empty() {
        let paras = [
            para(1, "Attività da svolgere in presenza:", false),
            para(2, "- Nessuna", false),
            para(3, "Attività smartizzabili:", false),
            para(4, "- Protocollo", false),
        ];
        let f = find(&paras);
        assert!(f.non_smartizzabili.is_empty());
        assert_eq!(texts(&f.smartizzabili), ["Protocollo"]);
        let places: Vec<&str> = f.notes.iter().map(|n| n.place.as_str()).collect();
        assert_eq!(places, ["paragraph 2", "paragraph 3"], "{:?}", f.notes);
        assert!(f.notes[0].message.contains("Nessuna"));
    }

    #[test]
    fn items_under_a_lead_in_and_nothing_else() {
        let paras = [
            para(1, "Home", true),
            para(2, "Servizi", true),
            para(3, "IL SINDACO", false),
            para(4, "Visto il D.L. n. 18/2020;", false),
            para(5, "DECRETA", false),
            para(
                6,
                "1. di individuare le seguenti attività indifferibili da rendere in presenza:",
                false,
            ),
            para(7, "a) servizi di stato civile e anagrafe;", false),
            para(8, "b) polizia locale;", false),
            para(
                9,
                "2. di dare atto che il presente decreto è pubblicato.",
                false,
            ),
            para(
                10,
                "Le attività non elencate sono svolte in lavoro agile.",
                false,
            ),
        ];
        let f = find(&paras);
        assert_eq!(
            texts(&f.non_smartizzabili),
            ["servizi di stato civile e anagrafe;", "polizia locale;"]
        );
        assert!(f.smartizzabili.is_empty());
        let rule = f.rule.unwrap();
        assert!(rule.smart);
        assert_eq!(rule.place, "paragraph 10");
        // The list, the rule, then what is not the act: three items (the
        // menu's two, the decree's point 2) and three paragraphs.
        let places: Vec<&str> = f.notes.iter().map(|n| n.place.as_str()).collect();
        assert_eq!(
            places,
            ["paragraph 6", "paragraph 10", "paragraph 1", "paragraph 3"]
        );
        assert!(f.notes.iter().all(|n| !n.warning));
        assert!(f.notes[2].message.contains("3 ") && f.notes[3].message.contains("3 "));
    }

    /// A lead-in of activities done in part remotely, or by turns, names
    /// `parzialmente_smartizzabili` (issue 20 item 4).
    #[test]
    fn a_list_done_in_part_remotely() {
        let paras = [
            para(
                1,
                "Attività svolte in parte in lavoro agile e in parte in presenza:",
                false,
            ),
            para(2, "- istruttoria delle pratiche edilizie;", false),
            para(
                3,
                "Servizi assicurati anche con turnazione del personale:",
                false,
            ),
            para(4, "- protocollo.", false),
            para(5, "Attività da rendere in presenza:", false),
            para(6, "- polizia locale.", false),
        ];
        let f = find(&paras);
        assert_eq!(
            texts(&f.parzialmente_smartizzabili),
            ["istruttoria delle pratiche edilizie;", "protocollo."]
        );
        assert_eq!(texts(&f.non_smartizzabili), ["polizia locale."]);
        assert!(f.smartizzabili.is_empty());
    }

    #[test]
    fn a_wrapped_line_is_joined_and_criteria_are_not_activities() {
        let paras = [
            para(
                1,
                "La prestazione può essere eseguita in modalità agile quando sussistano le seguenti condizioni:",
                false,
            ),
            para(2, "a) possibilità di delocalizzare le attività;", false),
            para(3, "Attività da svolgere in presenza:", false),
            para(4, "- ricevimento del pubblico presso gli", false),
            para(5, "sportelli;", false),
            para(6, "- attività di portierato.", false),
        ];
        let f = find(&paras);
        assert_eq!(
            texts(&f.non_smartizzabili),
            [
                "ricevimento del pubblico presso gli sportelli;",
                "attività di portierato."
            ]
        );
        assert!(f.smartizzabili.is_empty());
        assert!(
            f.notes
                .iter()
                .any(|n| !n.warning && n.place == "paragraph 1"),
            "{:#?}",
            f.notes
        );
    }
}
