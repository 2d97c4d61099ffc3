//! Re-import as an update: a unit file already in the site brought to the
//! activities the imported file lists, editing only the lines of its
//! activity lists. Activities are matched as "Cosa è cambiato" matches them
//! (`changes::match_activities`: by anchor, then by similarity); a matched
//! activity keeps its lines as written (comments, quoting, long form) unless
//! its text, note, `ambiti` or `condizione` changed, and keeps the note,
//! `ambiti` and `condizione` the imported file does not carry. Everything
//! outside the lists (`nome`,
//! `area`, `descrizione`, `criteri`, comments, key order) is left as it is.
//! The same edit brings the body-wide lists of `_sito.yaml` up to date
//! ([`update_lists`], for `sito`). Pure: text in, text out.

use super::catalogue::{Item, Unit as Imported};
use super::unit_yaml;
use crate::changes::{self, ActivityChange, ActivityRef, UnitRef};
use crate::i18n::t;
use crate::model::{ACTIVITY_LISTS, Activity, Spans, Unit, UnitFile};
use crate::slug;

/// A unit file brought up to date.
#[derive(Debug, Clone)]
pub(crate) struct Update {
    /// The new text of the file (the same as before when nothing changed).
    pub text: String,
    /// What changed, as "Cosa è cambiato" would show it.
    pub changes: Vec<ActivityChange>,
    /// Activities whose note or `ambiti` were taken from the imported file.
    pub details: usize,
    /// Removed activities that had a note in the file: (text, note).
    pub dropped_notes: Vec<(String, String)>,
    /// What the file must read back as.
    pub expected: UnitFile,
}

/// The lists, in `model::ACTIVITY_LISTS` order.
const LISTS: [&str; 3] = ACTIVITY_LISTS;

/// An activity of the updated unit and where it comes from: the old
/// activity (list, index) it matched, if any.
struct Merged {
    activity: Activity,
    from: Option<(usize, usize)>,
    /// Text, note and ambiti as the old activity had them.
    same: bool,
}

/// Anchors as the unit page gives them (the first words of the text, a
/// counter for repeats): pass 1 of the matching.
fn ids(lists: [&[String]; 3]) -> [Vec<String>; 3] {
    let mut used = std::collections::HashMap::new();
    lists.map(|l| {
        l.iter()
            .map(|t| {
                let base = slug::anchor(t, 48);
                let n = used.entry(base.clone()).or_insert(0);
                *n += 1;
                if *n == 1 { base } else { format!("{base}-{n}") }
            })
            .collect()
    })
}

fn unit_ref<'a>(
    slug: &'a str,
    nome: &'a str,
    texts: &'a [Vec<String>; 3],
    ids: &'a [Vec<String>; 3],
) -> UnitRef<'a> {
    let refs = |l: usize| {
        texts[l]
            .iter()
            .zip(&ids[l])
            .map(|(t, id)| ActivityRef { id, testo: t })
            .collect()
    };
    UnitRef {
        slug,
        nome,
        smartizzabili: refs(0),
        parzialmente_smartizzabili: refs(1),
        non_smartizzabili: refs(2),
    }
}

/// `old`, parsed from `text` (the file as the loader reads it: no BOM, `\n`
/// line ends), brought to the activities of `new`. An error says why the
/// file cannot be edited in place.
pub(crate) fn update(old: &Unit, read: &str, new: &Imported) -> Result<Update, String> {
    let file = Old {
        slug: &old.slug,
        nome: &old.nome,
        lists: old.lists().map(|(_, l)| l),
        spans: &old.spans,
    };
    let up = update_lists(&file, read, new.lists().map(|(_, l)| l))?;
    let mut expected = old.data.clone();
    for ((_, list), l) in expected.lists_mut().into_iter().zip(up.lists) {
        *list = l;
    }
    Ok(Update {
        text: up.text,
        changes: up.changes,
        details: up.details,
        dropped_notes: up.dropped_notes,
        expected,
    })
}

/// A file holding the activity lists, as the loader read it: a unit file,
/// or `_sito.yaml` (the lists for the whole body).
pub(crate) struct Old<'a> {
    pub slug: &'a str,
    pub nome: &'a str,
    /// In `model::ACTIVITY_LISTS` order.
    pub lists: [&'a [Activity]; 3],
    /// Where each key of the file was written.
    pub spans: &'a Spans,
}

/// The lists of a file brought up to date.
#[derive(Debug, Clone)]
pub(crate) struct Lists {
    /// The new text of the file (the same as before when nothing changed).
    pub text: String,
    /// What changed, as "Cosa è cambiato" would show it.
    pub changes: Vec<ActivityChange>,
    /// Activities whose note or `ambiti` were taken from the imported file.
    pub details: usize,
    /// Removed activities that had a note in the file: (text, note).
    pub dropped_notes: Vec<(String, String)>,
    /// What the lists must read back as, in `model::ACTIVITY_LISTS` order.
    pub lists: [Vec<Activity>; 3],
}

/// The lists of `old` (a file whose text, as the loader reads it, is
/// `read`) brought to the activities `new`, editing only their lines.
pub(crate) fn update_lists(old: &Old<'_>, read: &str, new: [&[Item]; 3]) -> Result<Lists, String> {
    // Every line ends with a line end, so an item can follow the last one.
    let owned;
    let text = if read.is_empty() || read.ends_with('\n') {
        read
    } else {
        owned = format!("{read}\n");
        &owned
    };
    let old_lists = old.lists;
    let new_lists = new;
    let old_texts: [Vec<String>; 3] =
        old_lists.map(|l| l.iter().map(|a| a.testo.trim().to_string()).collect());
    let new_texts: [Vec<String>; 3] =
        new_lists.map(|l| l.iter().map(|a| a.testo.trim().to_string()).collect());
    let old_ids = ids([&old_texts[0], &old_texts[1], &old_texts[2]]);
    let new_ids = ids([&new_texts[0], &new_texts[1], &new_texts[2]]);
    let before = unit_ref(old.slug, old.nome, &old_texts, &old_ids);
    let after = unit_ref(old.slug, old.nome, &new_texts, &new_ids);
    let matched = changes::match_activities(&before, &after);
    let compared = changes::compare(&[before], &[after]);
    let changes = compared
        .unita
        .into_iter()
        .flat_map(|u| u.attivita)
        .collect();

    // An index into the old activities, all lists in order -> (list, index).
    let where_old = |mut o: usize| {
        let mut l = 0;
        while l + 1 < old_lists.len() && o >= old_lists[l].len() {
            o -= old_lists[l].len();
            l += 1;
        }
        (l, o)
    };
    let mut details = 0;
    let mut merged: [Vec<Merged>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut m = matched.into_iter();
    for (l, list) in new_lists.iter().enumerate() {
        for it in list.iter() {
            let from = m.next().flatten().map(where_old);
            let (activity, same) = match from {
                Some((ol, oi)) => {
                    let a = &old_lists[ol][oi];
                    let (merged, details_changed) = merge(a, it);
                    details += usize::from(details_changed);
                    let same = merged.testo == a.testo
                        && merged.note == a.note
                        && merged.ambiti == a.ambiti
                        && merged.condizione == a.condizione;
                    (merged, same)
                }
                None => (
                    Activity {
                        testo: it.testo.clone(),
                        note: it.note.clone(),
                        ambiti: it.ambiti.clone(),
                        condizione: it.condizione.clone(),
                        span: Default::default(),
                        spans: Default::default(),
                    },
                    false,
                ),
            };
            merged[l].push(Merged {
                activity,
                from,
                same,
            });
        }
    }

    let expected: [Vec<Activity>; 3] = [0, 1, 2].map(|l| {
        merged[l]
            .iter()
            .map(|m| m.activity.clone())
            .collect::<Vec<_>>()
    });

    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let regions = [0, 1, 2].map(|l| region(old, &lines, l));
    let regions = [
        regions[0].clone()?,
        regions[1].clone()?,
        regions[2].clone()?,
    ];
    let mut taken = [0, 1, 2].map(|l| vec![false; old_lists[l].len()]);
    for (ol, oi) in merged.iter().flatten().filter_map(|m| m.from) {
        taken[ol][oi] = true;
    }
    // A note written in the file goes with its activity: said in the report.
    let dropped_notes = (0..3)
        .flat_map(|l| {
            old_lists[l]
                .iter()
                .zip(&taken[l])
                .filter(|(_, taken)| !**taken)
                .filter_map(|(a, _)| Some((a.testo.clone(), a.note.clone()?)))
        })
        .collect();
    let mut out_lists: [Option<String>; 3] = [None, None, None];
    for l in 0..3 {
        let unchanged = merged[l].len() == old_lists[l].len()
            && merged[l]
                .iter()
                .enumerate()
                .all(|(i, m)| m.same && m.from == Some((l, i)));
        if !unchanged {
            out_lists[l] = Some(render_list(l, &merged[l], &regions, &taken[l], &lines));
        }
    }
    if out_lists.iter().all(Option::is_none) {
        return Ok(Lists {
            text: read.to_string(),
            changes,
            details,
            dropped_notes,
            lists: expected,
        });
    }
    // Splice: every line outside the rewritten regions stays as it was.
    let mut out = String::with_capacity(text.len() + 256);
    let mut i = 0;
    let mut order: Vec<usize> = (0..3).filter(|&l| out_lists[l].is_some()).collect();
    order.sort_by_key(|&l| regions[l].as_ref().map_or(usize::MAX, |r| r.start));
    for l in &order {
        if let Some(r) = &regions[*l] {
            for line in &lines[i..r.start] {
                out.push_str(line);
            }
            out.push_str(out_lists[*l].as_deref().unwrap_or_default());
            i = r.end;
        }
    }
    for line in &lines[i..] {
        out.push_str(line);
    }
    // Lists the file did not have go at its end.
    for l in order {
        if regions[l].is_none() {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(out_lists[l].as_deref().unwrap_or_default());
        }
    }
    Ok(Lists {
        text: out,
        changes,
        details,
        dropped_notes,
        lists: expected,
    })
}

/// The old activity `a` with what the imported item `it` says: its text, and
/// its note and `ambiti` where the imported file has some that differ.
/// The second value says whether the note or `ambiti` changed.
fn merge(a: &Activity, it: &Item) -> (Activity, bool) {
    let testo = if a.testo.trim() == it.testo.trim() {
        a.testo.clone()
    } else {
        it.testo.clone()
    };
    let note = match &it.note {
        Some(n) if a.note.as_deref().map(str::trim) != Some(n.trim()) => Some(n.clone()),
        _ => a.note.clone(),
    };
    let trimmed = |v: &[String]| v.iter().map(|s| s.trim().to_string()).collect::<Vec<_>>();
    let ambiti = if it.ambiti.is_empty() || trimmed(&it.ambiti) == trimmed(&a.ambiti) {
        a.ambiti.clone()
    } else {
        it.ambiti.clone()
    };
    // A condition in the file (the published catalogue has a column for
    // it) replaces the old one; without one, the file's is kept.
    let condizione = match &it.condizione {
        Some(c) if a.condizione.as_deref().map(str::trim) != Some(c.trim()) => Some(c.clone()),
        _ => a.condizione.clone(),
    };
    let changed = note != a.note || ambiti != a.ambiti || condizione != a.condizione;
    (
        Activity {
            testo,
            note,
            ambiti,
            condizione,
            span: Default::default(),
            spans: Default::default(),
        },
        changed,
    )
}

/// Where a list is written: the lines it spans (`start..end`, 0-based, its
/// key line first), and, for a block list, its items.
#[derive(Debug, Clone)]
struct Region {
    start: usize,
    /// After the list's last item (comments and blank lines after it, which
    /// belong to what follows, are outside).
    end: usize,
    /// Column of the items' dashes; `None` for a list written on the key's
    /// line (`[a, b]`), rewritten whole.
    dash: Option<usize>,
    /// Each item: the blank and comment lines before it, then its own lines.
    items: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

fn is_dash(line: &str, col: usize) -> bool {
    indent(line) == col && {
        let rest = &line[col..];
        rest.starts_with("- ") || rest.trim_end() == "-"
    }
}

/// The lines of list `l` of `old` in `lines`: `Ok(None)` when the file does
/// not have the key.
fn region(old: &Old<'_>, lines: &[&str], l: usize) -> Result<Option<Region>, String> {
    let key = LISTS[l];
    let Some(at) = old.spans.key(key) else {
        return Ok(None);
    };
    let start = at.line.saturating_sub(1);
    let Some(key_line) = lines.get(start) else {
        return Err(t!("import-list-moved", key = key));
    };
    if at.column != 1 || !key_line.starts_with(key) {
        return Err(t!("import-list-not-at-margin", key = key));
    }
    // The list goes on until the next line at the left margin that is not a
    // comment or an item.
    let mut end = start + 1;
    while end < lines.len() {
        let line = lines[end];
        let top = !line.starts_with([' ', '\t']) && !blank_or_comment(line);
        if top && !is_dash(line, 0) {
            break;
        }
        end += 1;
    }
    // Comments and blank lines at the end belong to what follows.
    while end > start + 1 && blank_or_comment(lines[end - 1]) {
        end -= 1;
    }
    let after_key = key_line[key.len()..].trim_start();
    let after_key = after_key.strip_prefix(':').unwrap_or(after_key).trim();
    if !after_key.is_empty() && !after_key.starts_with('#') {
        // `key: [a, b]` (or `key: []`): rewritten whole.
        return Ok(Some(Region {
            start,
            end,
            dash: None,
            items: Vec::new(),
        }));
    }
    let body = start + 1..end;
    let Some(first) = body.clone().find(|&i| !blank_or_comment(lines[i])) else {
        return Err(t!("import-list-empty", key = key));
    };
    let dash = indent(lines[first]);
    if !is_dash(lines[first], dash) {
        return Err(t!("import-list-not-one-per-line", key = key));
    }
    let starts: Vec<usize> = body.clone().filter(|&i| is_dash(lines[i], dash)).collect();
    let list = old.lists[l];
    if starts.len() != list.len() {
        return Err(t!("import-list-indistinct", key = key));
    }
    let mut items = Vec::with_capacity(starts.len());
    let mut gap_start = start + 1;
    for (k, &s) in starts.iter().enumerate() {
        let bound = starts.get(k + 1).copied().unwrap_or(end);
        let mut own_end = bound;
        while own_end > s + 1 && {
            let line = lines[own_end - 1];
            line.trim().is_empty() || (blank_or_comment(line) && indent(line) <= dash)
        } {
            own_end -= 1;
        }
        for line in &lines[s + 1..own_end] {
            if !line.trim().is_empty() && indent(line) <= dash && !line.trim().starts_with('#') {
                return Err(t!("import-list-unplaceable", key = key));
            }
        }
        let line = list[k].span.line.saturating_sub(1);
        if !(s..own_end).contains(&line) {
            return Err(t!("import-list-indistinct", key = key));
        }
        items.push((gap_start..s, s..own_end));
        gap_start = own_end;
    }
    Ok(Some(Region {
        start,
        end,
        dash: Some(dash),
        items,
    }))
}

/// The new lines of list `l` (in place of its region, or to append).
/// `taken` says which old items of this list some activity kept (the
/// comment lines before an item go with it).
fn render_list(
    l: usize,
    merged: &[Merged],
    regions: &[Option<Region>; 3],
    taken: &[bool],
    lines: &[&str],
) -> String {
    let key = LISTS[l];
    let mut out = String::new();
    let push_lines = |out: &mut String, r: &std::ops::Range<usize>| {
        for line in &lines[r.clone()] {
            out.push_str(line);
        }
    };
    let fresh = |out: &mut String, dash: usize, a: &Activity| {
        unit_yaml::activity(
            out,
            dash,
            &a.testo,
            a.note.as_deref(),
            &a.ambiti,
            a.condizione.as_deref(),
        );
    };
    let own = regions[l].as_ref().filter(|r| r.dash.is_some());
    let dash = own.and_then(|r| r.dash).unwrap_or(2);
    if merged.is_empty() {
        out.push_str(&format!("{key}: []\n"));
    } else {
        out.push_str(&format!("{key}:\n"));
    }
    let Some(region) = own else {
        // No block list to keep lines from: written whole.
        for m in merged {
            fresh(&mut out, dash, &m.activity);
        }
        return out;
    };
    // The key line as written (a comment after it stays), then the lines
    // before the first item.
    if !merged.is_empty() {
        out.clear();
        out.push_str(lines[region.start]);
        if !lines[region.start].ends_with('\n') {
            out.push('\n');
        }
    }
    if let Some((gap, _)) = region.items.first() {
        push_lines(&mut out, gap);
    }
    for m in merged {
        match m
            .from
            .and_then(|(ol, oi)| Some((oi, regions[ol].as_ref()?)))
        {
            Some((oi, r)) if r.dash.is_some() => {
                let (gap, item) = &r.items[oi];
                if oi > 0 {
                    push_lines(&mut out, gap);
                }
                if m.same && r.dash == Some(dash) {
                    push_lines(&mut out, item);
                } else {
                    fresh(&mut out, dash, &m.activity);
                }
            }
            _ => fresh(&mut out, dash, &m.activity),
        }
    }
    // The comments written before items that are gone are kept, at the end.
    for (i, (gap, _)) in region.items.iter().enumerate().skip(1) {
        if taken.get(i).copied().unwrap_or(true) {
            continue;
        }
        for line in &lines[gap.clone()] {
            if !line.trim().is_empty() {
                out.push_str(line);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn parse(text: &str) -> Unit {
        crate::load::parse_unit(&SourceFile::new("content/x.yaml", text), "x".into())
            .unwrap_or_else(|e| panic!("{text}\n{}", e[0]))
    }

    fn imported(smart: &[&str], non: &[&str]) -> Imported {
        Imported {
            nome: "Altro nome".into(),
            texts: Default::default(),
            smartizzabili: smart.iter().map(|t| Item::text(*t)).collect(),
            parzialmente_smartizzabili: Vec::new(),
            non_smartizzabili: non.iter().map(|t| Item::text(*t)).collect(),
            rule: None,
            place: String::new(),
        }
    }

    /// Updates `text` to the lists given, checks that it reads back as the
    /// expected unit, and returns the new text.
    fn updated(text: &str, smart: &[&str], non: &[&str]) -> String {
        let up = update(&parse(text), text, &imported(smart, non)).unwrap();
        let back = parse(&up.text);
        let texts = |l: &[Activity]| l.iter().map(|a| a.testo.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&back.smartizzabili), smart, "{}", up.text);
        assert_eq!(texts(&back.non_smartizzabili), non, "{}", up.text);
        assert_eq!(back.nome, parse(text).nome);
        up.text
    }

    const UNIT: &str = "\
# scritto a mano
nome: Tributi
descrizione: |
  Cura i tributi.
smartizzabili:   # dall'atto
  # prima voce
  - Calcolo IMU
  - testo: Accertamenti
    note: Solo *back office*.
    ambiti: [Tributi]
  # voce da togliere
  - Rimborsi

# le altre
non_smartizzabili:
  - Sportello
criteri: Vedi atto.
";

    #[test]
    fn nothing_changes_when_the_lists_are_the_same() {
        let same = updated(
            UNIT,
            &["Calcolo IMU", "Accertamenti", "Rimborsi"],
            &["Sportello"],
        );
        assert_eq!(same, UNIT);
    }

    #[test]
    fn only_the_lines_of_changed_items_change() {
        let got = updated(
            UNIT,
            &["Calcolo IMU", "Accertamenti", "Nuova voce"],
            &["Sportello", "Rimborsi"],
        );
        assert_eq!(
            got,
            UNIT.replace("  - Rimborsi\n", "  - Nuova voce\n")
                .replace(
                    "  - Sportello\n",
                    "  - Sportello\n  # voce da togliere\n  - Rimborsi\n"
                )
                .replace("  # voce da togliere\n  - Nuova voce\n", "  - Nuova voce\n"),
        );
    }

    #[test]
    fn a_removed_item_keeps_its_comment_and_a_changed_text_keeps_its_note() {
        let got = updated(UNIT, &["Calcolo IMU", "Accertamenti IMU"], &["Sportello"]);
        assert!(got.contains("  # voce da togliere\n"), "{got}");
        assert!(!got.contains("Rimborsi"), "{got}");
        let back = parse(&got);
        assert_eq!(
            back.smartizzabili[1].note.as_deref(),
            Some("Solo *back office*.")
        );
        assert_eq!(back.smartizzabili[1].ambiti, ["Tributi"]);
    }

    #[test]
    fn a_file_without_a_last_line_end() {
        let got = updated("nome: A\nsmartizzabili:\n  - Uno", &["Uno", "Due"], &[]);
        assert_eq!(got, "nome: A\nsmartizzabili:\n  - Uno\n  - Due\n");
    }

    #[test]
    fn flow_lists_missing_lists_and_emptied_lists() {
        let flow = "nome: A\nsmartizzabili: [Uno, Due]\n# fine\n";
        let got = updated(flow, &["Uno", "Tre"], &["Due"]);
        assert_eq!(
            got,
            "nome: A\nsmartizzabili:\n  - Uno\n  - Tre\n# fine\nnon_smartizzabili:\n  - Due\n"
        );
        let got = updated(
            "nome: A\nsmartizzabili:\n- Uno\n- Due\n",
            &[],
            &["Uno", "Due"],
        );
        assert!(got.starts_with("nome: A\nsmartizzabili: []\n"), "{got}");
    }

    #[test]
    fn items_split_over_lines_and_deeper_dashes() {
        let odd = "nome: A\nsmartizzabili:\n  - Uno\n  -\n    Due\n";
        // Both items are found: this one is fine.
        updated(odd, &["Uno"], &[]);
        let nested = "nome: A\nsmartizzabili:\n    - Uno\n  # c\n    - Due\n";
        updated(nested, &["Due"], &[]);
    }

    /// Every unit file of the example site, its lists shuffled, cut, moved
    /// and added to by a seeded generator: the update reads back as those
    /// lists, with every other key as it was, and the lines outside the
    /// lists unchanged.
    #[test]
    fn seeded_edits_of_the_example_units_read_back() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n.max(1) as u64) as usize
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('_'))
            .collect();
        files.sort();
        assert!(files.len() > 5);
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let old = parse(&text);
            for round in 0..40 {
                let mut lists: [Vec<String>; 2] = [
                    old.smartizzabili
                        .iter()
                        .map(|a| a.testo.trim().to_string())
                        .collect(),
                    old.non_smartizzabili
                        .iter()
                        .map(|a| a.testo.trim().to_string())
                        .collect(),
                ];
                for _ in 0..1 + next(4) {
                    let l = next(2);
                    match next(4) {
                        0 if !lists[l].is_empty() => {
                            let i = next(lists[l].len());
                            lists[l].remove(i);
                        }
                        1 if !lists[l].is_empty() => {
                            let i = next(lists[l].len());
                            let t = lists[l].remove(i);
                            let at = next(lists[1 - l].len() + 1);
                            lists[1 - l].insert(at, t);
                        }
                        2 => {
                            let at = next(lists[l].len() + 1);
                            lists[l].insert(at, format!("Attività nuova {round}: prova"));
                        }
                        _ if lists[l].len() > 1 => {
                            let (i, j) = (next(lists[l].len()), next(lists[l].len()));
                            lists[l].swap(i, j);
                        }
                        _ => {}
                    }
                }
                let smart: Vec<&str> = lists[0].iter().map(String::as_str).collect();
                let non: Vec<&str> = lists[1].iter().map(String::as_str).collect();
                let up = update(&old, &text, &imported(&smart, &non))
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let back = parse(&up.text);
                let texts = |l: &[Activity]| {
                    l.iter()
                        .map(|a| a.testo.trim().to_string())
                        .collect::<Vec<_>>()
                };
                assert_eq!(texts(&back.smartizzabili), lists[0], "{}", up.text);
                assert_eq!(texts(&back.non_smartizzabili), lists[1], "{}", up.text);
                let rest = |u: &UnitFile| {
                    let mut u = u.clone();
                    u.smartizzabili.clear();
                    u.non_smartizzabili.clear();
                    u
                };
                assert_eq!(rest(&back.data), rest(&old.data), "{}", up.text);
                // Kept activities keep their notes and ambiti.
                for a in back.smartizzabili.iter().chain(&back.non_smartizzabili) {
                    if let Some(o) = old
                        .smartizzabili
                        .iter()
                        .chain(&old.non_smartizzabili)
                        .find(|o| o.testo.trim() == a.testo.trim())
                    {
                        assert_eq!((&a.note, &a.ambiti), (&o.note, &o.ambiti), "{}", up.text);
                    }
                }
                // Lines outside the lists are all still there, in order.
                let outside: Vec<&str> = text
                    .lines()
                    .filter(|l| !l.starts_with(' ') && !l.starts_with('-'))
                    .filter(|l| {
                        !l.starts_with("smartizzabili") && !l.starts_with("non_smartizzabili")
                    })
                    .collect();
                let now: Vec<&str> = up.text.lines().filter(|l| outside.contains(l)).collect();
                assert_eq!(now, outside, "{}", up.text);
            }
        }
    }
}
