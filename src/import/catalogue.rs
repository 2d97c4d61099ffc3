//! What the tables mean: finds the header row of each table by synonyms
//! (below any title rows, columns in any order), reads the **wide** shape
//! (a row per unit, a cell per list) or the **long** one (a row per
//! activity, a column saying whether it is smartizzabile), follows rows
//! continued across pages (repeated headers, an empty unit cell, a sentence
//! broken at the page end), strips typed bullets and numbering, and notes
//! everything it skipped or doubts, located in the source. Pure: no I/O.
//!
//! Besides the unit's name and its activities, a table may hold any unit
//! field that the declaration ([`model::UNIT`]) gives a CSV column: a
//! header naming its key or its column title is that field, so the
//! published `catalogo.csv` reads back whole ([`FIELDS`]).

use std::collections::{BTreeMap, HashMap};

use super::{Cell, Row, Table, collapse};
use crate::i18n::t;
use crate::model::{self, ListKind, fields::Field};

/// The catalogue found in a file, in the act's order, and the report.
#[derive(Debug, Clone, Default)]
pub(crate) struct Imported {
    pub units: Vec<Unit>,
    /// The lists for the whole body (a table with no unit column, or the
    /// lists under a lead-in, `lists`): they go to `_sito.yaml`.
    pub site: Option<Unit>,
    pub notes: Vec<Note>,
    /// Tables that held the catalogue.
    pub tables_used: usize,
}

/// The act's rule for the activities it does not list (`altre_attivita`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rule {
    /// `true`: they are smartizzabili.
    pub smart: bool,
    /// The act's sentence, as written.
    pub text: String,
    /// Where it is in the source.
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    pub nome: String,
    /// The unit's fields found in the table ([`FIELDS`]), by key.
    pub texts: BTreeMap<&'static str, String>,
    pub smartizzabili: Vec<Item>,
    /// In lavoro agile in part or under a condition (a kind "in parte",
    /// "a rotazione"; a column "parzialmente smartizzabili").
    pub parzialmente_smartizzabili: Vec<Item>,
    pub non_smartizzabili: Vec<Item>,
    /// What the act says of the activities it does not list.
    pub rule: Option<Rule>,
    /// Where the unit's name is in the source.
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub testo: String,
    pub note: Option<String>,
    pub ambiti: Vec<String>,
    /// The condition of an activity done in lavoro agile in part (only in
    /// `parzialmente_smartizzabili`).
    pub condizione: Option<String>,
    /// Where it is in the source.
    pub place: String,
    /// It had a bullet, a number or was a list paragraph.
    pub(super) marked: bool,
}

impl Item {
    #[cfg(test)]
    pub(crate) fn text(testo: impl Into<String>) -> Item {
        Item {
            testo: testo.into(),
            note: None,
            ambiti: Vec::new(),
            condizione: None,
            place: String::new(),
            marked: false,
        }
    }
}

impl Unit {
    /// The lists of activities, by kind ([`model::ACTIVITY_LISTS`] order).
    pub(crate) fn lists(&self) -> [(ListKind, &[Item]); 3] {
        let [s, p, n] = ListKind::ALL;
        [
            (s, &self.smartizzabili),
            (p, &self.parzialmente_smartizzabili),
            (n, &self.non_smartizzabili),
        ]
    }

    /// No activity in any list.
    pub(crate) fn is_empty(&self) -> bool {
        self.lists().iter().all(|(_, l)| l.is_empty())
    }

    /// The text of the field `key`, when the table gave it.
    pub(crate) fn text(&self, key: &str) -> Option<&str> {
        self.texts.get(key).map(String::as_str)
    }
}

/// The unit's fields a table can hold besides its name and activities:
/// every field its declaration gives a CSV column, in declaration order.
pub(crate) fn fields() -> impl Iterator<Item = &'static Field> {
    model::UNIT
        .published()
        .filter(|f| f.published.column().is_some())
}

/// The field a header names by its key or its column title (`area`,
/// `Responsabile`), as [`norm`] folds them.
fn field_named(n: &str) -> Option<&'static str> {
    fields()
        .find(|f| norm(f.key) == n || f.published.column().is_some_and(|c| norm(c.titolo) == n))
        .map(|f| f.key)
}

/// Fields the acts name in other words too (`Aree`, `Responsabile del
/// servizio`); a column titled `Area` stands for the unit when no column
/// names one.
const AREA: &str = "area";
const RESPONSABILE: &str = "responsabile";

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    pub warning: bool,
    pub place: String,
    pub message: String,
}

/// What a header cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Unit,
    /// A unit's field ([`fields`]), by key.
    Text(&'static str),
    Activity,
    Kind,
    Smart,
    /// Activities in lavoro agile in part or under a condition.
    Partial,
    Non,
    Note,
    Ambiti,
    /// The condition of an activity done in part (`condizione`).
    Condition,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Wide,
    Long,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Header {
    /// The header's cells as [`row_texts`] gives them: a later row is the
    /// header repeated (on a new page) only when its texts are these.
    texts: Vec<String>,
    /// The texts of the row above it, when the header is two rows (see
    /// [`two_rows`]): repeated, it is the header too.
    above: Option<Vec<String>>,
    shape: Shape,
    /// `None`: a table for the whole body (no unit column).
    unit: Option<usize>,
    /// The columns of the unit's fields, by key.
    fields: Vec<(&'static str, usize)>,
    activity: Option<usize>,
    kind: Option<usize>,
    smart: Option<usize>,
    partial: Option<usize>,
    non: Option<usize>,
    note: Option<usize>,
    ambiti: Option<usize>,
    condition: Option<usize>,
    /// A column says `altre_attivita` (the published `catalogo.csv`): the
    /// rule is in its own column, every item is an activity.
    states_rule: bool,
}

/// Longer cells are never headers.
const HEADER_MAX_CHARS: usize = 60;

/// How many rows from the top of a table may be titles before the header
/// (more when they are all of one cell: a preamble).
const HEADER_SEARCH: usize = 12;

/// Lowercase, accents folded, anything else a space: `Unità org.` -> `unita org`.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match crate::slug::fold_char(c) {
            Some(a) => out.push(a),
            None => out.push(' '),
        }
    }
    collapse(&out)
}

fn classify(header: &str) -> Option<Role> {
    let n = norm(header);
    if let Some(key) = field_named(&n) {
        return Some(Role::Text(key));
    }
    let words: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
    let has = |w: &str| words.contains(&w);
    let starts = |p: &str| words.iter().any(|x| x.starts_with(p));
    if words.is_empty()
        || [
            "slug",
            "id",
            "url",
            "codice",
            "numero",
            "totale",
            "totali",
            "percentuale",
            "ore",
            "giorni",
            // `altre_attivita` (the published CSV): the rule for unlisted
            // activities, not an activity.
            "altre",
        ]
        .iter()
        .any(|w| has(w))
        // `N.`, `N. progressivo`: a number; `S/N` is a yes or no.
        || words[0] == "n"
    {
        return None;
    }
    let smart_words = words
        .iter()
        .filter(|w| w.starts_with("smartizzabil"))
        .count();
    let smartish = smart_words > 0
        || has("agile")
        || has("remoto")
        || starts("telelavor")
        || has("smart")
        || has("sw");
    let activityish = starts("attivit")
        || starts("process")
        || has("descrizione")
        || starts("procediment")
        || has("mansioni");
    let neg = has("non");
    if smart_words >= 2 || (has("si") && has("no")) || (smartish && has("s") && has("n")) {
        return Some(Role::Kind);
    }
    // "In parte", "Parzialmente smartizzabili", "A rotazione": a list of
    // activities done remotely in part or under a condition.
    if starts("parzial") || (has("in") && has("parte")) || starts("rotazion") || starts("turnazion")
    {
        return Some(Role::Partial);
    }
    if (smartish && neg) || (has("presenza") && (activityish || neg)) {
        return Some(if activityish || neg {
            Role::Non
        } else {
            Role::Kind
        });
    }
    if smartish {
        return Some(if activityish || has("smartizzabili") {
            Role::Smart
        } else {
            Role::Kind
        });
    }
    if has("modalita") || has("tipo") || has("tipologia") {
        return Some(Role::Kind);
    }
    if activityish {
        return Some(Role::Activity);
    }
    if starts("unita")
        || starts("uffic")
        || starts("serviz")
        || starts("settor")
        || starts("struttur")
        || has("uo")
        || (!starts("responsabil")
            && (["uoc", "uos", "cdr", "reparto", "divisione"]
                .iter()
                .any(|w| has(w))
                || starts("direzion")
                || starts("dipartiment")
                || starts("ripartizion")))
        // `U.O.`, `U.O.C.`, `Centro di responsabilità`.
        || matches!(words.as_slice(), ["u", "o"] | ["u", "o", "c" | "s"])
        || n.starts_with("centro di responsabilit")
    {
        return Some(Role::Unit);
    }
    if has("area") || has("aree") {
        return Some(Role::Text(AREA));
    }
    if starts("responsabil") {
        return Some(Role::Text(RESPONSABILE));
    }
    if starts("condizion") {
        return Some(Role::Condition);
    }
    if has("note") || has("nota") {
        return Some(Role::Note);
    }
    if starts("ambit") {
        return Some(Role::Ambiti);
    }
    None
}

fn header(row: &Row) -> Option<Header> {
    let roles: Vec<Option<Role>> = row
        .cells
        .iter()
        .map(|c| {
            let text = c.flat();
            // A header names a column in a few words; longer cells are data.
            (text.chars().count() <= HEADER_MAX_CHARS).then(|| classify(&text))?
        })
        .collect();
    let first = |r: Role| roles.iter().position(|x| *x == Some(r));
    let mut fields: Vec<(&'static str, usize)> = Vec::new();
    for (col, role) in roles.iter().enumerate() {
        if let Some(Role::Text(key)) = *role
            && !fields.iter().any(|t| t.0 == key)
        {
            fields.push((key, col));
        }
    }
    let unit = match first(Role::Unit) {
        Some(u) => Some(u),
        None => fields
            .iter()
            .position(|t| t.0 == AREA)
            .map(|area| fields.remove(area).1),
    };
    let (smart, partial, non) = (first(Role::Smart), first(Role::Partial), first(Role::Non));
    let (activity, kind) = (first(Role::Activity), first(Role::Kind));
    let shape = if unit.is_none() {
        // No unit column: a list for the whole body, only in the two
        // shapes acts give it (the lists side by side, or an activity and
        // its kind); one list column alone is not a catalogue.
        if smart.is_some() && non.is_some() {
            Shape::Wide
        } else if activity.is_some()
            && kind.is_some()
            && smart.is_none()
            && partial.is_none()
            && non.is_none()
        {
            Shape::Long
        } else {
            return None;
        }
    } else if smart.is_some() || partial.is_some() || non.is_some() {
        Shape::Wide
    } else if activity.is_some() && kind.is_some() {
        Shape::Long
    } else {
        return None;
    };
    Some(Header {
        texts: row_texts(row),
        above: None,
        shape,
        unit,
        fields,
        activity,
        kind,
        smart,
        partial,
        non,
        note: first(Role::Note),
        ambiti: first(Role::Ambiti),
        condition: first(Role::Condition),
        states_rule: row
            .cells
            .iter()
            .any(|c| norm(&c.flat()).split(' ').any(|w| w == "altre")),
    })
}

/// The texts of a row's cells, folded as [`norm`] does (case, accents,
/// punctuation), without the empty cells at its end.
/// Whether one of the first rows of `t` is a header (the table may be the
/// catalogue): for `html`, which reads the tables inside a page's layout
/// table when that one has none.
pub(crate) fn has_header(t: &Table) -> bool {
    t.rows
        .iter()
        .take(HEADER_SEARCH)
        .any(|r| header(r).is_some())
}

/// A header in two rows: `Unità organizzativa | Attività` over `| Smartizzabili
/// | Non smartizzabili` (a cell spanning the two lists). The lower row `at`
/// was found without a unit column; with the cells of the row above where
/// its own are empty, and the upper text before its own elsewhere
/// (`Attività Smartizzabili`), it has one: that is the header, from the row
/// above. Otherwise `h` as found.
fn two_rows(rows: &[Row], at: usize, h: Header) -> (usize, Header) {
    let Some(upper) = at.checked_sub(1).map(|i| &rows[i]) else {
        return (at, h);
    };
    if h.unit.is_some() || is_blank(upper) {
        return (at, h);
    }
    let lower = &rows[at];
    let width = upper.cells.len().max(lower.cells.len());
    let text = |r: &Row, c: usize| r.cells.get(c).map(Cell::flat).unwrap_or_default();
    let cells = (0..width)
        .map(|c| {
            let (up, low) = (text(upper, c), text(lower, c));
            Cell::from_text(&match (up.is_empty(), low.is_empty()) {
                (false, false) => format!("{up} {low}"),
                (false, true) => up,
                _ => low,
            })
        })
        .collect();
    let joined = Row {
        number: lower.number,
        cells,
    };
    match header(&joined) {
        // The unit's name only above: its column is empty below.
        Some(mut two) if two.unit.is_some_and(|u| text(lower, u).is_empty()) => {
            two.texts = row_texts(lower);
            two.above = Some(row_texts(upper));
            (at - 1, two)
        }
        _ => (at, h),
    }
}

fn row_texts(row: &Row) -> Vec<String> {
    let mut texts: Vec<String> = row.cells.iter().map(|c| norm(&c.flat())).collect();
    while texts.last().is_some_and(String::is_empty) {
        texts.pop();
    }
    texts
}

impl Header {
    /// The columns this shape reads.
    fn used(&self) -> Vec<usize> {
        let mut cols = vec![self.unit];
        cols.extend(self.fields.iter().map(|t| Some(t.1)));
        match self.shape {
            Shape::Wide => cols.extend([self.smart, self.partial, self.non]),
            Shape::Long => cols.extend([
                self.activity,
                self.kind,
                self.note,
                self.ambiti,
                self.condition,
            ]),
        }
        cols.into_iter().flatten().collect()
    }
}

/// The list a kind cell names, `None` when unreadable: "in parte",
/// "parzialmente", "parziale", "a rotazione", "turnazione" are
/// [`ListKind::Partial`] (before any "presenza" in the same cell).
/// `x_style`: the column marks smartizzabili with any sign, and leaves the others empty.
fn kind_value(s: &str, x_style: bool) -> Option<ListKind> {
    let n = norm(s);
    let partial = n.split(' ').any(|w| {
        w == "parte"
            || w.starts_with("parzial")
            || w.starts_with("rotazion")
            || w.starts_with("turnazion")
    });
    if partial {
        return Some(ListKind::Partial);
    }
    let smart = kind_yes_no(&n, s, x_style)?;
    Some(if smart {
        ListKind::Smart
    } else {
        ListKind::NonSmart
    })
}

/// `Some(true)` smartizzabile, `Some(false)` not, `None` unreadable (`n`
/// is `s` as [`norm`] folds it).
fn kind_yes_no(n: &str, s: &str, x_style: bool) -> Option<bool> {
    let signs: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    if signs.is_empty() {
        return x_style.then_some(false);
    }
    // A check mark is a yes, whatever else the column holds (it folds to
    // nothing, as an empty cell does).
    if signs.iter().all(|c| "✓✔☑".contains(*c)) {
        return Some(true);
    }
    let words: Vec<&str> = n.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    if ["no", "n", "false", "falso", "0"].contains(&n) || has("non") || has("presenza") {
        return Some(false);
    }
    if ["si", "s", "x", "yes", "y", "true", "vero", "1", "ok", "v"].contains(&n)
        || words.iter().any(|w| w.starts_with("smartizzabil"))
        || has("agile")
        || has("remoto")
        || has("distanza")
        || has("smart")
        || starts_with_any(n, &["telelavor"])
    {
        return Some(true);
    }
    if x_style && signs.iter().all(|c| "✗✘*•".contains(*c)) {
        return Some(true);
    }
    // Any other sign alone (`-`, `/`) in a column of marks: not marked.
    if n.is_empty() {
        return x_style.then_some(false);
    }
    None
}

fn starts_with_any(s: &str, p: &[&str]) -> bool {
    p.iter().any(|p| s.starts_with(p))
}

/// The text without a leading typed bullet or number (`•`, `-`, `–`, `*`,
/// `1.`, `2)`, `a)`, `(b)`), and whether it had one.
pub(crate) fn strip_marker(s: &str) -> (&str, bool) {
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    let mut chars = t.char_indices();
    let Some((_, c)) = chars.next() else {
        return (t, false);
    };
    let rest_after = |i: usize| &t[i..];
    let spaced = |r: &str| r.starts_with(|c: char| c.is_whitespace() || c == '\u{a0}');
    // Bullets that are never text.
    if "•·▪▫◦●○■□➢►▶➤✓✔→".contains(c) {
        return (rest_after(c.len_utf8()).trim_start(), true);
    }
    // Dashes and stars only when a space follows (`-testo` stays as written).
    if "-–—*".contains(c) && spaced(rest_after(c.len_utf8())) {
        return (rest_after(c.len_utf8()).trim_start(), true);
    }
    // `1.`, `12)`, `a)`, `(a)`, `(1)`, followed by a space.
    let bytes = t.as_bytes();
    let mut i = 0;
    let paren = bytes.first() == Some(&b'(');
    if paren {
        i = 1;
    }
    let start = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() && i - start < 3 {
        i += 1;
    }
    let digits = i > start;
    if !digits && i < bytes.len() && bytes[i].is_ascii_lowercase() {
        i += 1;
    }
    if i > start && i < bytes.len() {
        let closer = bytes[i];
        let ok = if paren {
            closer == b')'
        } else {
            closer == b')' || (digits && closer == b'.')
        };
        if ok && spaced(&t[i + 1..]) {
            return (t[i + 1..].trim_start(), true);
        }
    }
    (t, false)
}

/// The items of a list cell: one per paragraph, line or typed bullet.
/// The lines of a paragraph that start an item each: in a list item
/// (`<li>`, a Word list paragraph) a line break (`<br>`, Shift+Enter) goes
/// on with the same item, unless the line starts with its own bullet or
/// number.
pub(crate) fn item_lines(text: &str, listed: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        match out.last_mut() {
            Some(last) if listed && !line.trim().is_empty() && !strip_marker(line).1 => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
    }
    out
}

/// A cell's text that says there is nothing: `Nessuna`, `Nessuna
/// attività`, `Non previste`, `N.D.`, or marks only (`-`, `/`, `—`).
pub(crate) fn means_none(text: &str) -> bool {
    let n = norm(text);
    if !text.is_empty() && n.is_empty() {
        return true;
    }
    let words: Vec<&str> = n.split(' ').collect();
    let first = words.first().copied().unwrap_or_default();
    (first.starts_with("nessun") && words.len() <= 4)
        || matches!(
            n.as_str(),
            "nd" | "n d"
                | "na"
                | "n a"
                | "nulla"
                | "niente"
                | "non previste"
                | "non previsto"
                | "non presenti"
                | "non ricorre"
                | "non applicabile"
        )
}

fn items_of(cell: &Cell) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for p in &cell.paras {
        for line in item_lines(&p.text, p.listed) {
            let line = line.as_str();
            let mut pieces = line.split('•');
            let head = pieces.next().unwrap_or_default();
            let mut push = |text: &str, marked: bool| {
                let (t, bullet) = strip_marker(text);
                let t = collapse(t);
                if !t.is_empty() {
                    out.push((t, marked || bullet || p.listed));
                }
            };
            for (i, item) in numbered(head).into_iter().enumerate() {
                push(item, i > 0);
            }
            for piece in pieces {
                for item in numbered(piece) {
                    push(item, true);
                }
            }
        }
    }
    out
}

/// A numbered list written on one line, `1) Notifiche; 2) Albo`: split
/// before each next number (`2)`, `3)`... or `b)`, `c)`...) that follows a
/// `;` or `,`, the `;` or `,` dropped as a list mark is. A line that does
/// not start with `1)` or `a)` is one item.
fn numbered(line: &str) -> Vec<&str> {
    let t = line.trim_start();
    let first = t.chars().next();
    let mut next = match first {
        Some('1') => '2',
        Some('a') => 'b',
        _ => return vec![line],
    };
    if !t[1..].starts_with(") ") {
        return vec![line];
    }
    let mut out = Vec::new();
    let mut rest = t;
    let mut from = 2;
    while let Some(at) = rest[from..].find(&format!("{next}) ")).map(|i| i + from) {
        let before = rest[..at].trim_end();
        if rest[..at].ends_with(char::is_whitespace) && before.ends_with([';', ',']) {
            out.push(&before[..before.len() - 1]);
            rest = &rest[at..];
            from = 2;
            next = char::from_u32(next as u32 + 1).unwrap_or(next);
        } else {
            from = at + 1;
        }
    }
    if out.is_empty() {
        return vec![line];
    }
    out.push(rest);
    out
}

/// Several sentences or activities written as one item (the seed's
/// Servizio Sociale row): two sentence ends followed by a capital, three
/// places where a capitalised word follows a lowercase one with no
/// punctuation between, or two `; ` before a word (a list typed in a cell).
pub(crate) fn run_together(s: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "al", "alla", "alle", "agli", "ai", "con", "da", "dal", "dalla", "dei", "del",
        "della", "delle", "degli", "di", "e", "ed", "il", "in", "la", "le", "lo", "gli", "i",
        "nel", "nella", "per", "su", "sul", "sulla", "tra", "fra", "o", "od", "l", "dell", "all",
        "sull", "nell",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    let (mut sentences, mut joins) = (0, 0);
    for w in words.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut bc = b.chars();
        let capital =
            bc.next().is_some_and(char::is_uppercase) && bc.next().is_some_and(char::is_lowercase);
        if !capital {
            continue;
        }
        if let Some(stem) = a.strip_suffix('.') {
            if stem.chars().count() > 3 && stem.chars().last().is_some_and(char::is_lowercase) {
                sentences += 1;
            }
        } else if a.chars().last().is_some_and(char::is_lowercase)
            && a.chars().next().is_some_and(char::is_lowercase)
            && !SMALL.contains(&a.to_lowercase().as_str())
            && !a.contains('\'')
        {
            joins += 1;
        }
    }
    // `Gestione IMU; accertamenti TARI; rimborsi`: a list typed in a cell
    // (not `(art. 5; comma 2)`).
    let mut depth = 0usize;
    let mut semicolons = 0;
    for (at, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ';' if depth == 0 && s[at + 1..].starts_with(' ') => {
                semicolons += usize::from(s[at + 2..].starts_with(char::is_alphabetic));
            }
            _ => {}
        }
    }
    sentences >= 2 || joins >= 3 || semicolons >= 2
}

#[derive(Default)]
struct Builder {
    out: Imported,
    by_name: HashMap<String, usize>,
    current: Option<usize>,
    /// The unit (in `out.units` until [`Builder::finish`]) holding the
    /// lists of tables with no unit column.
    site: Option<usize>,
    /// Leave the text outside the tables to `lists`.
    tables_only: bool,
    /// A table has a column for `altre_attivita`: items are not rules.
    states_rule: bool,
    /// For each unit named in a sheet, the sheet (table label) where it
    /// was named first, and the other sheets already reported.
    sheets: HashMap<usize, (String, Vec<String>)>,
    /// The kind and the note of the last row of the long shape: a cell
    /// merged with the one above says the same.
    above: (String, Option<String>),
}

impl Builder {
    fn note(&mut self, warning: bool, place: String, message: String) {
        self.out.notes.push(Note {
            warning,
            place,
            message,
        });
    }

    fn unit(&mut self, nome: String, place: String) -> usize {
        let key = nome.to_lowercase();
        if let Some(&i) = self.by_name.get(&key) {
            return i;
        }
        self.out.units.push(Unit {
            nome,
            texts: BTreeMap::new(),
            smartizzabili: Vec::new(),
            parzialmente_smartizzabili: Vec::new(),
            non_smartizzabili: Vec::new(),
            rule: None,
            place,
        });
        let i = self.out.units.len() - 1;
        self.by_name.insert(key, i);
        i
    }

    /// Warns once for each other sheet that names unit `u` again: two
    /// sheets with the same units are often two versions of the catalogue
    /// (`2025`, `2026`), and their activities would be merged.
    fn same_unit_in_sheets(&mut self, u: usize, t: &Table, place: String) {
        let (first, seen) = self
            .sheets
            .entry(u)
            .or_insert_with(|| (t.label.clone(), Vec::new()));
        if *first == t.label || seen.contains(&t.label) {
            return;
        }
        seen.push(t.label.clone());
        let (unit, first) = (&self.out.units[u].nome, &self.out.units[u].place);
        let message = t!(
            "import-unit-in-two-sheets",
            unit = unit.as_str(),
            first = first.as_str()
        );
        self.note(true, place, message);
    }

    fn list(&mut self, unit: usize, kind: ListKind) -> &mut Vec<Item> {
        let u = &mut self.out.units[unit];
        match kind {
            ListKind::Smart => &mut u.smartizzabili,
            ListKind::Partial => &mut u.parzialmente_smartizzabili,
            ListKind::NonSmart => &mut u.non_smartizzabili,
        }
    }

    /// Sets the unit's fields (`area`, `responsabile`, ...) from their
    /// columns, each the first time the unit has it.
    fn details(&mut self, unit: usize, h: &Header, row: &Row) {
        let u = &mut self.out.units[unit];
        for &(key, col) in &h.fields {
            let Some(text) = row.cells.get(col).map(Cell::flat) else {
                continue;
            };
            if !text.is_empty() {
                u.texts.entry(key).or_insert(text);
            }
        }
    }

    fn table(&mut self, t: &Table) {
        if t.hidden {
            let rows = t.rows.iter().filter(|r| !is_blank(r)).count();
            if rows > 0 {
                let name = t.label.clone();
                self.note(false, name, t!("import-sheet-hidden", rows = rows));
            }
            return;
        }
        self.unread(t);
        // Below the first rows, a header only under a preamble: rows of one
        // cell each (a sheet's title and paragraphs), never under data.
        let preamble = t
            .rows
            .iter()
            .position(|r| r.cells.iter().filter(|c| !c.is_blank()).count() > 1)
            .unwrap_or(t.rows.len());
        let found = t
            .rows
            .iter()
            .take(HEADER_SEARCH.max(preamble + 1))
            .enumerate()
            .find_map(|(i, r)| header(r).map(|h| (i, h)));
        let Some((at, h)) = found else {
            if let Some(first) = t.rows.iter().find(|r| !is_blank(r)) {
                let first: String = quoted(first).chars().take(80).collect();
                self.note(
                    false,
                    t.label.clone(),
                    t!("import-no-header", rows = t.rows.len(), first = first),
                );
            }
            return;
        };
        let (top, h) = two_rows(&t.rows, at, h);
        self.out.tables_used += 1;
        self.states_rule |= h.states_rule;
        for row in t.rows[..top].iter().filter(|r| !is_blank(r)) {
            self.note(
                false,
                t.place(row, None),
                t!("import-title-above-header", row = quoted(row)),
            );
        }
        self.unused_columns(t, &h, at);
        // A column of marks (`x`, `✓`): an empty cell is a no. Not when
        // the column also says no in words (`SI`, `NO`, a stray `X`): there
        // an empty cell is one not filled in.
        let x_style = h.kind.is_some_and(|k| {
            let kinds = || t.rows[at + 1..].iter().filter_map(|r| r.cells.get(k));
            kinds().any(|c| matches!(norm(&c.flat()).as_str(), "x" | "") && !c.is_blank())
                && !kinds().any(|c| kind_value(&c.flat(), false) == Some(ListKind::NonSmart))
        });
        for row in &t.rows[at + 1..] {
            if is_blank(row) {
                continue;
            }
            // Only the same texts are the header again: a row whose cells
            // merely look like headers (`Servizio Tributi | Attività di
            // formazione | Lavoro agile`) is data.
            let texts = row_texts(row);
            if texts == h.texts || h.above.as_ref() == Some(&texts) {
                self.note(false, t.place(row, None), t!("import-header-repeated"));
                continue;
            }
            // `#RIF!` where a formula failed: not the act's text.
            if let Some(col) = h
                .used()
                .into_iter()
                .find(|&c| row.cells.get(c).is_some_and(|c| formula_error(&c.flat())))
            {
                let shown = row.cells[col].flat();
                self.note(
                    true,
                    t.place(row, Some(col)),
                    t!("import-formula-error", error = shown, row = quoted(row)),
                );
                // The rows below it continue no unit.
                if Some(col) == h.unit {
                    self.current = None;
                }
                continue;
            }
            // `Totale | 12 | 30` under the units: a sum, not a unit; the
            // rows below it continue no unit.
            if is_total(row) {
                self.note(
                    true,
                    t.place(row, None),
                    t!("import-total-row", row = quoted(row)),
                );
                self.current = None;
                continue;
            }
            match h.shape {
                Shape::Wide => self.wide_row(t, &h, row),
                Shape::Long => self.long_row(t, &h, row, x_style),
            }
        }
    }

    /// Notes the text the reader found outside the tables.
    fn unread(&mut self, t: &Table) {
        if self.tables_only {
            return;
        }
        for (place, text) in &t.unread {
            self.note(
                false,
                place.clone(),
                t!("import-not-a-row", text = clip(text, 80)),
            );
        }
        if t.outside.count > 0 {
            self.note(
                false,
                t!("import-place-outside"),
                t!(
                    "import-outside-not-read",
                    count = t.outside.count,
                    first = clip(&t.outside.first, 80)
                ),
            );
        }
    }

    /// Notes each column with text in it that this shape does not read.
    fn unused_columns(&mut self, t: &Table, h: &Header, at: usize) {
        let used = h.used();
        let width = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let head = &t.rows[at];
        for col in (0..width).filter(|c| !used.contains(c)) {
            let filled = t.rows[at + 1..]
                .iter()
                .filter(|r| r.cells.get(col).is_some_and(|c| !c.is_blank()))
                .filter(|r| row_texts(r) != h.texts)
                .count();
            if filled == 0 {
                continue;
            }
            let name = head.cells.get(col).map(Cell::flat).unwrap_or_default();
            if name.is_empty() {
                self.note(
                    true,
                    t.place(head, Some(col)),
                    t!("import-column-no-header", rows = filled),
                );
            } else {
                // Lists for the whole body: a column it does not read may
                // name the offices under a header it does not know.
                let (no_unit, name) = (h.unit.is_none(), clip(&name, 60));
                let message = if no_unit {
                    t!("import-column-not-read-no-unit", name = name, rows = filled)
                } else {
                    t!("import-column-not-read", name = name, rows = filled)
                };
                self.note(no_unit, t.place(head, Some(col)), message);
            }
        }
    }

    fn row_unit(&mut self, t: &Table, h: &Header, row: &Row) -> Option<(usize, bool)> {
        let Some(unit_col) = h.unit else {
            // A table for the whole body: its rows go to the site's lists.
            let site = match self.site {
                Some(s) => s,
                None => {
                    self.out.units.push(Unit {
                        nome: String::new(),
                        texts: BTreeMap::new(),
                        smartizzabili: Vec::new(),
                        parzialmente_smartizzabili: Vec::new(),
                        non_smartizzabili: Vec::new(),
                        rule: None,
                        place: t.place(row, None),
                    });
                    self.out.units.len() - 1
                }
            };
            let continued = self.site == Some(site);
            self.site = Some(site);
            self.current = None;
            return Some((site, continued));
        };
        let h_unit = unit_col;
        let flat = row.cells.get(h_unit).map(Cell::flat).unwrap_or_default();
        let name = strip_marker(&flat).0.to_string();
        if name.is_empty() {
            match self.current {
                Some(u) => Some((u, true)),
                None => {
                    self.note(true, t.place(row, Some(h_unit)), t!("import-no-unit"));
                    None
                }
            }
        } else {
            let u = self.unit(name, t.place(row, Some(h_unit)));
            self.current = Some(u);
            if t.places == super::Places::Cells {
                self.same_unit_in_sheets(u, t, t.place(row, Some(h_unit)));
            }
            Some((u, false))
        }
    }

    fn wide_row(&mut self, t: &Table, h: &Header, row: &Row) {
        let Some((unit, continued)) = self.row_unit(t, h, row) else {
            return;
        };
        // Under a unit cell merged with the one above, the row is a row of
        // its own: its first item starts anew, it ends no broken sentence.
        let continued = continued
            && !h
                .unit
                .and_then(|c| row.cells.get(c))
                .is_some_and(|c| c.merged);
        self.details(unit, h, row);
        for (col, smart) in [
            (h.smart, ListKind::Smart),
            (h.partial, ListKind::Partial),
            (h.non, ListKind::NonSmart),
        ] {
            let Some(col) = col else { continue };
            let Some(cell) = row.cells.get(col) else {
                continue;
            };
            let items = items_of(cell);
            let place = t.place(row, Some(col));
            // `Nessuna`, `-`, `/`: the act says the list is empty.
            if let [(only, _)] = items.as_slice()
                && means_none(only)
            {
                self.note(
                    false,
                    place,
                    t!("import-list-none", text = only.as_str(), list = smart.key()),
                );
                continue;
            }
            let others_marked = items.iter().skip(1).any(|(_, m)| *m);
            let mut items = items.into_iter().peekable();
            if continued
                && let Some((first, false)) = items.peek().cloned()
                && let Some(last) = self.list(unit, smart).last_mut()
                && (first.starts_with(char::is_lowercase)
                    || (!last.testo.ends_with(['.', ';', '!', '?'])
                        && (others_marked || last.marked)))
            {
                let before: String = tail(&last.testo, 30);
                last.testo = format!("{} {}", last.testo, first);
                let after: String = first.chars().take(30).collect();
                items.next();
                self.note(
                    false,
                    place.clone(),
                    t!("import-joined", before = before, after = after),
                );
            }
            for (text, marked) in items {
                self.list(unit, smart).push(Item {
                    testo: text,
                    note: None,
                    ambiti: Vec::new(),
                    condizione: None,
                    place: place.clone(),
                    marked,
                });
            }
        }
    }

    fn long_row(&mut self, t: &Table, h: &Header, row: &Row, x_style: bool) {
        let (Some(a), Some(k)) = (h.activity, h.kind) else {
            return;
        };
        let text = row.cells.get(a).map(Cell::flat).unwrap_or_default();
        let (text, marked) = strip_marker(&text);
        let text = text.to_string();
        if text.is_empty() || means_none(&text) {
            self.note(true, t.place(row, Some(a)), t!("import-no-activity"));
            return;
        }
        let merged = |c: Option<usize>| {
            c.and_then(|c| row.cells.get(c))
                .is_some_and(|c| c.merged && c.is_blank())
        };
        let mut raw = row.cells.get(k).map(Cell::flat).unwrap_or_default();
        if merged(Some(k)) {
            raw = self.above.0.clone();
        }
        self.above.0 = raw.clone();
        let Some(smart) = kind_value(&raw, x_style) else {
            let message = if raw.is_empty() {
                t!("import-kind-empty", activity = clip(&text, 60))
            } else {
                t!("import-kind-unclear", value = &raw)
            };
            self.note(true, t.place(row, Some(k)), message);
            return;
        };
        let Some((unit, _)) = self.row_unit(t, h, row) else {
            return;
        };
        self.details(unit, h, row);
        let note = h
            .note
            .and_then(|c| row.cells.get(c))
            .map(|c| {
                c.paras
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
                    .trim()
                    .to_string()
            })
            .filter(|s| !s.is_empty());
        let note = if merged(h.note) {
            self.above.1.clone()
        } else {
            note
        };
        self.above.1 = note.clone();
        let ambiti = h
            .ambiti
            .and_then(|c| row.cells.get(c))
            .map(|c| {
                let all = c.flat();
                let sep = if all.contains(';') { ';' } else { ',' };
                all.split(sep)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let mut condizione = h
            .condition
            .and_then(|c| row.cells.get(c))
            .map(Cell::flat)
            .filter(|s| !s.is_empty());
        if let (Some(c), false) = (&condizione, smart == ListKind::Partial) {
            // A condition belongs to an activity done in part only.
            let col = h.condition;
            self.note(
                true,
                t.place(row, col),
                t!("import-condition-not-partial", condition = c.as_str()),
            );
            condizione = None;
        }
        let place = t.place(row, Some(a));
        self.list(unit, smart).push(Item {
            testo: text,
            note,
            ambiti,
            condizione,
            place,
            marked,
        });
    }

    fn finish(mut self) -> Imported {
        let mut notes = Vec::new();
        // The act's rule for the activities not listed, written as an item.
        if !self.states_rule {
            for u in &mut self.out.units {
                super::lists::take_rules(u, &mut notes);
            }
        }
        for (i, u) in self.out.units.iter().enumerate() {
            let nome = if Some(i) == self.site {
                crate::i18n::t!("import-flat-whole-body")
            } else {
                u.nome.clone()
            };
            super::lists::duplicates(&nome, u, &mut notes);
        }
        if let Some(s) = self.site {
            let site = self.out.units.remove(s);
            if !(site.is_empty() && site.rule.is_none()) {
                self.out.site = Some(site);
            }
        }
        for u in &self.out.units {
            for it in u.lists().into_iter().flat_map(|(_, l)| l) {
                if run_together(&it.testo) {
                    notes.push(Note {
                        warning: true,
                        place: it.place.clone(),
                        message: t!(
                            "import-run-together",
                            unit = &u.nome,
                            start = it.testo.chars().take(60).collect::<String>()
                        ),
                    });
                }
            }
            if u.is_empty() && u.rule.is_none() {
                notes.push(Note {
                    warning: true,
                    place: u.place.clone(),
                    message: t!("import-no-activities", unit = &u.nome),
                });
            }
        }
        self.out.notes.extend(notes);
        self.out
            .units
            .retain(|u| !(u.is_empty() && u.rule.is_none()));
        self.out
    }
}

fn is_blank(row: &Row) -> bool {
    row.cells.iter().all(Cell::is_blank)
}

/// What a spreadsheet shows where a formula failed (Italian and English
/// Excel, LibreOffice), also in a CSV it saved.
fn formula_error(text: &str) -> bool {
    matches!(
        text,
        "#N/D"
            | "#N/A"
            | "#RIF!"
            | "#REF!"
            | "#VALORE!"
            | "#VALUE!"
            | "#DIV/0!"
            | "#NOME?"
            | "#NAME?"
            | "#NUM!"
            | "#NULLO!"
            | "#NULL!"
            | "#DATA!"
            | "Err:502"
            | "Err:504"
            | "Err:508"
            | "Err:522"
    )
}

/// A row of totals: its first cell with text says `Totale` (`Totali`,
/// `Tot.`, `TOTALE: 7 attività`), and its other cells hold no words
/// (counts, or nothing).
fn is_total(row: &Row) -> bool {
    let mut cells = row.cells.iter().map(Cell::flat).filter(|c| !c.is_empty());
    let Some(first) = cells.next() else {
        return false;
    };
    let head = norm(&first);
    matches!(head.split(' ').next(), Some("totale" | "totali" | "tot"))
        && cells.all(|c| !c.chars().any(char::is_alphabetic))
}

/// The row's non-empty cells, quoted: `"Catalogo" | "2026"`.
fn quoted(row: &Row) -> String {
    row.cells
        .iter()
        .map(Cell::flat)
        .filter(|s| !s.is_empty())
        .map(|s| format!("\"{}\"", clip(&s, 60)))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The first `n` characters of `s`, with `…` when cut.
pub(crate) fn clip(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

fn tail(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

/// The catalogue in `tables`, in order.
pub(crate) fn catalogue(tables: &[Table]) -> Imported {
    read(tables, false)
}

/// The catalogue in `tables`; `tables_only`: the text outside them is left
/// out of the report (`lists` read it).
pub(crate) fn read(tables: &[Table], tables_only: bool) -> Imported {
    let mut b = Builder {
        tables_only,
        ..Builder::default()
    };
    for t in tables {
        b.table(t);
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Para, Places};

    #[test]
    fn headers_by_synonyms() {
        let cases = [
            ("Unità organizzativa", Some(Role::Unit)),
            ("Settore/Servizio", Some(Role::Unit)),
            // Other names of a unit's column (they once left the table
            // read as lists for the whole body).
            ("U.O.", Some(Role::Unit)),
            ("UOC", Some(Role::Unit)),
            ("Direzione", Some(Role::Unit)),
            ("Dipartimento", Some(Role::Unit)),
            ("Ripartizione", Some(Role::Unit)),
            ("Centro di responsabilità", Some(Role::Unit)),
            (
                "Responsabile della direzione",
                Some(Role::Text("responsabile")),
            ),
            ("Attività di direzione", Some(Role::Activity)),
            // `S/N` is a yes or no, `N.` a number.
            ("Smart working (S/N)", Some(Role::Kind)),
            ("Agile S/N", Some(Role::Kind)),
            ("SW", Some(Role::Kind)),
            ("N.", None),
            ("N. progressivo", None),
            ("unita_nome", Some(Role::Unit)),
            ("unita_slug", None),
            ("Area", Some(Role::Text("area"))),
            ("Aree", Some(Role::Text("area"))),
            ("Responsabile", Some(Role::Text("responsabile"))),
            ("Responsabile U.O.", Some(Role::Text("responsabile"))),
            ("Attività smartizzabili", Some(Role::Smart)),
            ("Descrizione attività in lavoro agile", Some(Role::Smart)),
            ("Attività non smartizzabili", Some(Role::Non)),
            ("Attività da svolgere in presenza", Some(Role::Non)),
            ("Processo", Some(Role::Activity)),
            ("Smartizzabile", Some(Role::Kind)),
            ("Smartizzabile (sì/no)", Some(Role::Kind)),
            ("Modalità", Some(Role::Kind)),
            ("Lavoro agile", Some(Role::Kind)),
            ("N. attività smartizzabili", None),
            ("Dipendenti", None),
            ("In parte", Some(Role::Partial)),
            ("Attività parzialmente smartizzabili", Some(Role::Partial)),
            ("Parzialmente smartizzabili", Some(Role::Partial)),
            ("A rotazione", Some(Role::Partial)),
            ("Smartizzabile (sì/no/in parte)", Some(Role::Kind)),
        ];
        for (h, want) in cases {
            assert_eq!(classify(h), want, "{h}");
        }
    }

    #[test]
    fn kind_values() {
        for yes in [
            "sì",
            "SI",
            "x",
            "Smartizzabile",
            "lavoro agile",
            "Da remoto",
            "agile",
        ] {
            assert_eq!(kind_value(yes, false), Some(ListKind::Smart), "{yes}");
        }
        for no in ["no", "NO", "Non smartizzabile", "presenza", "In presenza"] {
            assert_eq!(kind_value(no, false), Some(ListKind::NonSmart), "{no}");
        }
        for part in [
            "in parte",
            "In parte",
            "parzialmente",
            "Parzialmente smartizzabile",
            "parziale",
            "a rotazione",
            "Turnazione",
            // Before "presenza": in presence only in part.
            "in parte in presenza",
        ] {
            assert_eq!(kind_value(part, false), Some(ListKind::Partial), "{part}");
        }
        assert_eq!(kind_value("", true), Some(ListKind::NonSmart));
        // A check mark folds to nothing, as an empty cell does: it is a yes.
        for mark in ["✓", "✔", " ☑ ", "✓✓"] {
            assert_eq!(kind_value(mark, true), Some(ListKind::Smart), "{mark}");
            assert_eq!(kind_value(mark, false), Some(ListKind::Smart), "{mark}");
        }
        assert_eq!(kind_value("-", true), Some(ListKind::NonSmart));
        assert_eq!(kind_value("\u{a0}", true), Some(ListKind::NonSmart));
        assert_eq!(kind_value("", false), None);
        assert_eq!(kind_value("forse", false), None);
    }

    /// A list cell saying there is nothing was once published as the
    /// activity `Nessuna` (or `-`); a numbered list on one line as one
    /// activity `Notifiche; 2) Albo`.
    #[test]
    fn cells_saying_none_and_numbered_lists_on_one_line() {
        for none in [
            "Nessuna",
            "NESSUNA ATTIVITÀ",
            "nessuna attività smartizzabile",
            "-",
            "/",
            "—",
            "N.D.",
            "n.a.",
            "Non previste",
        ] {
            assert!(means_none(none), "{none}");
        }
        for some in [
            "Nessun accesso del pubblico: pratiche interne all'ufficio",
            "0",
            "Notifiche",
            "",
        ] {
            assert!(!means_none(some), "{some}");
        }
        let cell = |t: &str| Cell::from_text(t);
        let texts = |c: &Cell| -> Vec<String> { items_of(c).into_iter().map(|i| i.0).collect() };
        assert_eq!(
            texts(&cell("1) Notifiche; 2) Albo pretorio, 3) Protocollo")),
            ["Notifiche", "Albo pretorio", "Protocollo"]
        );
        assert_eq!(texts(&cell("a) Uno; b) Due")), ["Uno", "Due"]);
        // A number that does not follow `;` or `,`, or out of sequence.
        for one in [
            "1) Rilascio (art. 2) del regolamento",
            "1) Uno; 3) Tre",
            "Art. 1) Uno; 2) Due",
        ] {
            assert_eq!(texts(&cell(one)).len(), 1, "{one}");
        }
    }

    #[test]
    fn markers_stripped_and_text_kept() {
        for (s, want, marked) in [
            ("• Uno", "Uno", true),
            ("•Uno", "Uno", true),
            ("- Uno", "Uno", true),
            ("– Uno", "Uno", true),
            ("* Uno", "Uno", true),
            ("1. Uno", "Uno", true),
            ("12) Uno", "Uno", true),
            ("a) Uno", "Uno", true),
            ("(b) Uno", "Uno", true),
            ("-testo", "-testo", false),
            ("D. Lgs. 81/2008", "D. Lgs. 81/2008", false),
            ("2026 bilancio", "2026 bilancio", false),
            ("IMU - TARI", "IMU - TARI", false),
        ] {
            assert_eq!(strip_marker(s), (want, marked), "{s}");
        }
    }

    #[test]
    fn run_together_items() {
        assert!(run_together(
            "Gestione liquidazioni fatture. Gestione servizi a domanda individuale (entrata) Gestione amministrativa contratti e convenzioni. Rendicontazioni a ministeri e altri enti."
        ));
        assert!(run_together(
            "Sopralluoghi presso strutture comunali Sovrintendenza agli eventi Colloqui con soggetti fragili Visite domiciliari all'utenza"
        ));
        // A list typed in one cell, once imported as one activity in silence.
        assert!(run_together("Gestione IMU; accertamenti TARI; rimborsi"));
        for one in [
            "Verifiche; controlli",
            "Istruttoria (art. 5; comma 2; lettera a)",
            "Rilascio pareri, in sostituzione del dirigente dell'Area Risorse, Servizi e Territorio",
            "Gestione gare relative al Servizio Lavori Pubblici (redazione atti)",
            "Attività di reportistica richieste da enti sovraordinati (ISTAT, SOSE, Agenzia delle Entrate, ecc.).",
            "Prova di evacuazione prevista dal D. Lgs. 81/2009",
        ] {
            assert!(!run_together(one), "{one}");
        }
    }

    fn cell(paras: &[(&str, bool)]) -> Cell {
        Cell {
            paras: paras
                .iter()
                .map(|(t, l)| Para {
                    text: t.to_string(),
                    listed: *l,
                })
                .collect(),
            merged: false,
        }
    }

    fn wide(rows: Vec<Vec<Cell>>) -> Table {
        let mut all = vec![vec![
            cell(&[("Ufficio", false)]),
            cell(&[("Attività smartizzabili", false)]),
        ]];
        all.extend(rows);
        Table {
            label: "table 1".into(),
            places: Places::TableRows,
            rows: all
                .into_iter()
                .enumerate()
                .map(|(i, cells)| Row {
                    number: i + 1,
                    cells,
                })
                .collect(),
            ..Table::default()
        }
    }

    fn smart(t: Table) -> Vec<String> {
        catalogue(&[t]).units[0]
            .smartizzabili
            .iter()
            .map(|i| i.testo.clone())
            .collect()
    }

    #[test]
    fn a_sentence_broken_at_the_page_end_is_joined() {
        let t = wide(vec![
            vec![
                cell(&[("Tributi", false)]),
                cell(&[("Invio dati alla Corte dei", true)]),
            ],
            vec![cell(&[]), cell(&[("Conti", false), ("Rimborsi", true)])],
        ]);
        assert_eq!(smart(t), ["Invio dati alla Corte dei Conti", "Rimborsi"]);
    }

    #[test]
    fn a_finished_item_is_not_joined() {
        // The item before ends with a full stop: the next page's first
        // paragraph is an activity of its own.
        let t = wide(vec![
            vec![cell(&[("Tributi", false)]), cell(&[("Invio dati.", true)])],
            vec![cell(&[]), cell(&[("Conti", false), ("Rimborsi", true)])],
        ]);
        assert_eq!(smart(t), ["Invio dati.", "Conti", "Rimborsi"]);
        // Items without bullets: only a lowercase start is a broken sentence.
        let t = wide(vec![
            vec![cell(&[("Tributi", false)]), cell(&[("Invio dati", false)])],
            vec![
                cell(&[]),
                cell(&[("Rimborsi", false), ("e compensazioni", false)]),
            ],
        ]);
        assert_eq!(smart(t), ["Invio dati", "Rimborsi", "e compensazioni"]);
    }

    /// A CSV-like table of plain cells, rows numbered from 1.
    fn lines(rows: &[&[&str]]) -> Table {
        Table {
            label: "the file".into(),
            places: Places::Lines,
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| Row {
                    number: i + 1,
                    cells: r.iter().map(|t| Cell::from_text(t)).collect(),
                })
                .collect(),
            ..Table::default()
        }
    }

    fn notes(found: &Imported) -> Vec<String> {
        found
            .notes
            .iter()
            .map(|n| format!("{}: {}", n.place, n.message))
            .collect()
    }

    /// Every unit field the declaration gives a CSV column is read from a
    /// column named by its key (the published CSV's header) or its title:
    /// a field added to `model::UNIT` reads back without code here (issue
    /// 24: a re-imported CSV dropped any field but `area` and `responsabile`).
    #[test]
    fn every_unit_field_with_a_column_is_read() {
        let keys: Vec<&str> = fields().map(|f| f.key).collect();
        assert!(
            keys.contains(&AREA) && keys.contains(&RESPONSABILE),
            "{keys:?}"
        );
        for f in fields() {
            let titolo = f.published.column().map(|c| c.titolo).unwrap_or_default();
            assert_eq!(classify(f.key), Some(Role::Text(f.key)), "{}", f.key);
            assert_eq!(classify(titolo), Some(Role::Text(f.key)), "{titolo}");
        }
        let values: Vec<String> = keys.iter().map(|k| format!("Testo di {k}")).collect();
        let header: Vec<&str> = ["unita_nome"]
            .into_iter()
            .chain(keys.iter().copied())
            .chain(["smartizzabile", "attivita"])
            .collect();
        let row: Vec<&str> = ["Tributi"]
            .into_iter()
            .chain(values.iter().map(String::as_str))
            .chain(["si", "Avvisi"])
            .collect();
        let found = catalogue(&[lines(&[&header, &row])]);
        assert_eq!(notes(&found), Vec::<String>::new());
        let u = &found.units[0];
        for (key, value) in keys.iter().zip(&values) {
            assert_eq!(u.text(key), Some(value.as_str()), "{key}");
        }
        assert_eq!(u.smartizzabili[0].testo, "Avvisi");
    }

    /// Issue 20: rows whose cells look like headers (`Servizio …`,
    /// `Attività di …`, `Lavoro agile`) were dropped as the header repeated.
    #[test]
    fn only_the_same_texts_are_the_header_repeated() {
        let t = lines(&[
            &["Unità organizzativa", "Attività", "Modalità"],
            &[
                "Servizio Tributi",
                "Attività di formazione on line.",
                "Lavoro agile",
            ],
            &["UNITÀ ORGANIZZATIVA", "attività", "Modalita", ""],
            &["Servizio Tributi", "Sportello", "In presenza"],
        ]);
        let found = catalogue(&[t]);
        let u = &found.units[0];
        assert_eq!(u.smartizzabili[0].testo, "Attività di formazione on line.");
        assert_eq!(u.non_smartizzabili[0].testo, "Sportello");
        assert_eq!(
            notes(&found),
            ["riga 3: ignorata: è la riga di intestazione ripetuta (come in cima a una pagina)"]
        );
    }

    /// Issue 20: every row with text is imported or in the report.
    #[test]
    fn titles_and_columns_not_read_are_in_the_report() {
        let t = lines(&[
            &["Catalogo 2026", "", ""],
            &["", "", ""],
            &["Ufficio", "Attività smartizzabili", "Dipendenti", ""],
            &["Ragioneria", "Mandati", "4", "vedi nota"],
            &["Tributi", "Avvisi", "", ""],
        ]);
        let found = catalogue(std::slice::from_ref(&t));
        assert_eq!(found.units.len(), 2);
        assert_eq!(
            notes(&found),
            [
                "riga 1: ignorata: è un titolo sopra la riga di intestazione: \"Catalogo 2026\"",
                "riga 3, colonna 3: la colonna \"Dipendenti\" non fa parte del catalogo: il suo testo (1 riga) non è stato importato",
                "riga 3, colonna 4: questa colonna non ha un'intestazione: il suo testo (1 riga) non è stato importato",
            ]
        );
        assert!(found.notes[2].warning && !found.notes[1].warning);
        // The same notes in English (`--lang en`), as they were before the
        // catalogue had them.
        let en = crate::i18n::with_lang(crate::i18n::Lang::En, || catalogue(&[t]));
        assert_eq!(
            notes(&en),
            [
                "line 1: skipped: a title above the header row: \"Catalogo 2026\"",
                "line 3, column 3: column \"Dipendenti\" is not part of the catalogue: its text in 1 row was not imported",
                "line 3, column 4: this column has no header: its text in 1 row was not imported",
            ]
        );
    }

    #[test]
    fn text_outside_the_tables_is_in_the_report() {
        let mut t = lines(&[
            &["Ufficio", "Attività smartizzabili"],
            &["Tributi", "Avvisi"],
        ]);
        t.unread = vec![("riga 7".into(), "## PROCESSI".into())];
        t.outside.add("Premessa");
        t.outside.add("Visto il decreto");
        assert_eq!(
            notes(&catalogue(&[t])),
            [
                "riga 7: ignorata: non è una riga della tabella (nella riga non c'è un tabulatore): \"## PROCESSI\"",
                "fuori dalle tabelle: 2 paragrafi non letti (il catalogo si legge solo dalle tabelle), il primo: \"Premessa\"",
            ]
        );
    }
}
