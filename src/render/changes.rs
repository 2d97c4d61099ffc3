//! "Cosa è cambiato": the page comparing an edition with the one before it
//! (`modifiche/index.html`, in the current edition and in every earlier one
//! that has a predecessor) and its open data (`modifiche.csv`,
//! `modifiche.json`). The comparison itself is `crate::changes`; this module
//! turns its result into the page's view, the CSV and the JSON.
//!
//! Like the rest of `render`: no disk, no clock, deterministic.

use serde::Serialize;
use serde_json::{Value, json};

use super::opendata;
use super::output::{CHANGES_CSV, CHANGES_DIR, CHANGES_JSON, Output};
use super::renderer::{PageSpec, Renderer, with};
use crate::changes::{self, Changes, Counts, Kind, UnitRef, UnitState};
use crate::diagnostic::Diagnostics;
use crate::editions::Edition;
use crate::model::{AltreAttivita, ListKind, Site};
use crate::views::{self, Totals};

/// Two editions to compare; `old_prefix` is the earlier edition's root
/// relative to the later one's (`archivio/2025/`, `../2024/`).
pub(super) struct Compared<'a> {
    pub old: &'a Edition,
    pub old_prefix: String,
    pub new: &'a Site,
    pub new_label: String,
}

#[derive(Serialize)]
struct EditionLink<'a> {
    nome: String,
    periodo: Option<&'a str>,
    /// Root-relative.
    url: String,
    totali: Totals,
    /// A rule covers the activities not listed: no share is true.
    elenco_parziale: bool,
}

/// Differences of the totals, signed (`+3`, `−2`, `0`).
#[derive(Serialize)]
struct Difference {
    unita: String,
    attivita: String,
    smartizzabili: String,
    parzialmente_smartizzabili: String,
    non_smartizzabili: String,
    percentuale_smartizzabili: String,
}

#[derive(Serialize)]
struct ChangesView<'a> {
    prima: EditionLink<'a>,
    dopo: EditionLink<'a>,
    differenza: Difference,
    conteggi: Counts,
    unita: Vec<UnitChangeView>,
    /// The similarity threshold of the matching rule, in percent.
    soglia: u32,
}

#[derive(Serialize)]
struct UnitChangeView {
    stato: UnitState,
    /// The activities common to every office (`_sito.yaml`'s lists), not a
    /// unit: shown first, its links on the home pages.
    comuni: bool,
    /// The rule for the activities not listed, when it changed: the unit's
    /// own (`altre_attivita` of its file), or for `comuni` the site's.
    regola: Option<RuleChange>,
    nome: String,
    nome_prima: Option<String>,
    url_prima: Option<String>,
    url_dopo: Option<String>,
    attivita: Vec<ActivityChangeView>,
}

/// A rule for the activities not listed, before and after, as words
/// (`smartizzabili`, `non smartizzabili`) with the sentence the pages use;
/// `None`: no rule.
#[derive(Serialize, Clone, Copy)]
struct RuleChange {
    #[serde(skip)]
    prima: Option<AltreAttivita>,
    #[serde(skip)]
    dopo: Option<AltreAttivita>,
    prima_testo: Option<&'static str>,
    dopo_testo: Option<&'static str>,
}

fn rule_change(prima: Option<AltreAttivita>, dopo: Option<AltreAttivita>) -> Option<RuleChange> {
    (prima != dopo).then(|| RuleChange {
        prima,
        dopo,
        prima_testo: prima.map(views::altre_attivita_testo),
        dopo_testo: dopo.map(views::altre_attivita_testo),
    })
}

/// A rule's list in words, for the CSV.
fn rule_name(r: Option<AltreAttivita>) -> &'static str {
    match r {
        Some(AltreAttivita::Smartizzabili) => "smartizzabili",
        Some(AltreAttivita::NonSmartizzabili) => "non smartizzabili",
        None => "",
    }
}

#[derive(Serialize)]
struct ActivityChangeView {
    tipo: Kind,
    testo_prima: Option<String>,
    testo_dopo: Option<String>,
    elenco_prima: Option<&'static str>,
    elenco_dopo: Option<&'static str>,
    /// Root-relative: `<prefix><slug>/#<anchor>`.
    url_prima: Option<String>,
    url_dopo: Option<String>,
}

fn signed(d: i64) -> String {
    match d {
        d if d > 0 => format!("+{d}"),
        d if d < 0 => format!("−{}", -d),
        _ => "0".to_string(),
    }
}

fn diff(a: usize, b: usize) -> String {
    signed(b as i64 - a as i64)
}

/// A change of percentage: `+1 punto`, `−3 punti`, `0 punti`.
fn points(a: usize, b: usize) -> String {
    let d = diff(a, b);
    let unit = if a.abs_diff(b) == 1 { "punto" } else { "punti" };
    format!("{d} {unit}")
}

fn refs<'a>(units: &'a [views::UnitView<'a>]) -> Vec<UnitRef<'a>> {
    let acts = |v: &'a [views::ActivityView<'a>]| {
        v.iter()
            .map(|a| changes::ActivityRef {
                id: &a.id,
                testo: a.testo,
            })
            .collect()
    };
    units
        .iter()
        .map(|u| UnitRef {
            slug: u.slug,
            nome: u.nome,
            smartizzabili: acts(&u.smartizzabili),
            parzialmente_smartizzabili: acts(&u.parzialmente_smartizzabili),
            non_smartizzabili: acts(&u.non_smartizzabili),
        })
        .collect()
}

/// The rules for the activities not listed that changed, by the later
/// slug (`""`: the site's): an act that turned "everything else in lavoro
/// agile" into "everything else in presence" changed more than any list. A
/// matched unit whose only change is its rule gets an entry (so does the
/// site's rule, as the common activities').
fn rule_changes(
    c: &Compared,
    old_units: &[views::UnitView],
    new_units: &[views::UnitView],
    found: &mut Changes,
) -> std::collections::HashMap<String, RuleChange> {
    let mut rules = std::collections::HashMap::new();
    let entry = |slug_prima: &str, nome_prima: &str, slug_dopo: &str, nome_dopo: &str| {
        changes::UnitChange {
            stato: UnitState::Modificata,
            slug_prima: Some(slug_prima.to_string()),
            slug_dopo: Some(slug_dopo.to_string()),
            nome_prima: Some(nome_prima.to_string()),
            nome_dopo: Some(nome_dopo.to_string()),
            attivita: Vec::new(),
        }
    };
    let has = |found: &Changes, slug: &str| {
        found
            .unita
            .iter()
            .any(|u| u.slug_dopo.as_deref() == Some(slug))
    };
    if let Some(r) = rule_change(
        c.old.site.config.altre_attivita,
        c.new.config.altre_attivita,
    ) {
        if !has(found, "") {
            found.unita.insert(0, entry("", "", "", ""));
        }
        rules.insert(String::new(), r);
    }
    let (old_refs, new_refs) = (refs(old_units), refs(new_units));
    for (o, n) in changes::match_units(&old_refs, &new_refs) {
        let (ou, nu) = (&c.old.site.units[o], &c.new.units[n]);
        if let Some(r) = rule_change(ou.altre_attivita, nu.altre_attivita) {
            if !has(found, &nu.slug) {
                found
                    .unita
                    .push(entry(&ou.slug, ou.nome.trim(), &nu.slug, nu.nome.trim()));
            }
            rules.insert(nu.slug.clone(), r);
        }
    }
    // Back in order: the common activities, the later edition's units, the
    // removed ones.
    let position: std::collections::HashMap<&str, usize> = c
        .new
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.slug.as_str(), i))
        .collect();
    found.unita.sort_by_key(|u| match u.slug_dopo.as_deref() {
        Some("") => (0, 0),
        Some(s) => (1, position.get(s).copied().unwrap_or(0)),
        None => (2, 0),
    });
    rules
}

/// The changes of the activities common to every office (`_sito.yaml`'s
/// lists, the whole catalogue when there are no unit files), compared as
/// one unit with the empty slug that both editions have, even with no such
/// activity: its changes are activities', never a unit added or removed.
fn compare_common(old: Option<&views::UnitView>, new: Option<&views::UnitView>) -> Changes {
    changes::compare(&[common_ref(old)], &[common_ref(new)])
}

/// The common activities as a unit named alike in both editions, so that
/// only their activities are compared.
fn common_ref<'a>(v: Option<&'a views::UnitView<'a>>) -> UnitRef<'a> {
    let mut r = v.map_or_else(
        || UnitRef {
            slug: "",
            nome: "",
            smartizzabili: Vec::new(),
            parzialmente_smartizzabili: Vec::new(),
            non_smartizzabili: Vec::new(),
        },
        |v| refs(std::slice::from_ref(v)).remove(0),
    );
    r.nome = "";
    r
}

/// A list's name after "tra le", "dalle", "alle".
fn list_name(l: ListKind) -> &'static str {
    match l {
        ListKind::Smart => "smartizzabili",
        ListKind::Partial => "parzialmente smartizzabili",
        ListKind::NonSmart => "non smartizzabili",
    }
}

fn changes_view<'a>(
    c: &'a Compared,
    found: &Changes,
    common_name: &str,
    rules: &std::collections::HashMap<String, RuleChange>,
) -> ChangesView<'a> {
    let (tp, td) = (views::totals(&c.old.site), views::totals(c.new));
    // The common activities have the empty slug: their page is the home.
    let link = |prefix: &str, slug: &Option<String>, id: Option<&str>| {
        slug.as_ref().map(|s| match (s.is_empty(), id) {
            (true, Some(id)) => format!("{prefix}#{id}"),
            (true, None) => prefix.to_string(),
            (false, Some(id)) => format!("{prefix}{s}/#{id}"),
            (false, None) => format!("{prefix}{s}/"),
        })
    };
    let unita = found
        .unita
        .iter()
        .map(|u| UnitChangeView {
            stato: u.stato,
            comuni: u.slug_dopo.as_deref() == Some(""),
            regola: u.slug_dopo.as_ref().and_then(|s| rules.get(s)).copied(),
            nome: if u.slug_dopo.as_deref() == Some("") {
                common_name.to_string()
            } else {
                u.nome_dopo
                    .clone()
                    .or_else(|| u.nome_prima.clone())
                    .unwrap_or_default()
            },
            nome_prima: u
                .nome_prima
                .clone()
                .filter(|p| Some(p) != u.nome_dopo.as_ref()),
            url_prima: link(&c.old_prefix, &u.slug_prima, None),
            url_dopo: link("", &u.slug_dopo, None),
            attivita: u
                .attivita
                .iter()
                .map(|a| ActivityChangeView {
                    tipo: a.tipo,
                    testo_prima: a.prima.as_ref().map(|s| s.testo.clone()),
                    testo_dopo: a.dopo.as_ref().map(|s| s.testo.clone()),
                    elenco_prima: a.prima.as_ref().map(|s| list_name(s.elenco)),
                    elenco_dopo: a.dopo.as_ref().map(|s| list_name(s.elenco)),
                    url_prima: a
                        .prima
                        .as_ref()
                        .and_then(|s| link(&c.old_prefix, &u.slug_prima, Some(&s.id))),
                    url_dopo: a
                        .dopo
                        .as_ref()
                        .and_then(|s| link("", &u.slug_dopo, Some(&s.id))),
                })
                .collect(),
        })
        .collect();
    ChangesView {
        prima: EditionLink {
            nome: c.old.label(),
            periodo: c.old.site.config.periodo.as_deref(),
            url: c.old_prefix.clone(),
            totali: tp,
            elenco_parziale: views::lists_part(&c.old.site),
        },
        dopo: EditionLink {
            nome: c.new_label.clone(),
            periodo: c.new.config.periodo.as_deref(),
            url: String::new(),
            totali: td,
            elenco_parziale: views::lists_part(c.new),
        },
        differenza: Difference {
            unita: diff(tp.unita, td.unita),
            attivita: diff(tp.attivita, td.attivita),
            smartizzabili: diff(tp.smartizzabili, td.smartizzabili),
            parzialmente_smartizzabili: diff(
                tp.parzialmente_smartizzabili,
                td.parzialmente_smartizzabili,
            ),
            non_smartizzabili: diff(tp.non_smartizzabili, td.non_smartizzabili),
            percentuale_smartizzabili: points(
                tp.percentuale_smartizzabili,
                td.percentuale_smartizzabili,
            ),
        },
        conteggi: found.conteggi,
        unita,
        soglia: (changes::SIMILARITY * 100.0).round() as u32,
    }
}

/// Adds `modifiche/index.html`, `modifiche.csv` and `modifiche.json` to the
/// later edition's output `out`. False when the template failed.
pub(super) fn add(r: &Renderer, c: &Compared, out: &mut Output, diags: &mut Diagnostics) -> bool {
    let (old_units, new_units) = (views::unit_views(&c.old.site), views::unit_views(c.new));
    let mut found = changes::compare(&refs(&old_units), &refs(&new_units));
    let (old_common, new_common) = (views::common_view(&c.old.site), views::common_view(c.new));
    let common = compare_common(old_common.as_ref(), new_common.as_ref());
    // As `common_view` names them; also when only the site's rule changed.
    let common_name = new_common.as_ref().or(old_common.as_ref()).map_or(
        if c.new.units.is_empty() {
            c.new.config.ente.trim()
        } else {
            views::COMMON_NAME
        },
        |v| v.nome,
    );
    if let Some(u) = common.unita.into_iter().next() {
        let (n, k) = (&mut found.conteggi, common.conteggi);
        (n.aggiunte, n.rimosse) = (n.aggiunte + k.aggiunte, n.rimosse + k.rimosse);
        (n.spostate, n.modificate) = (n.spostate + k.spostate, n.modificate + k.modificate);
        found.unita.insert(0, u);
    }
    let rules = rule_changes(c, &old_units, &new_units, &mut found);
    let view = changes_view(c, &found, common_name, &rules);
    let page = r.page(
        PageSpec {
            tipo: "modifiche",
            dir: CHANGES_DIR.to_string(),
            file: format!("{CHANGES_DIR}index.html"),
            current: "-".to_string(),
            titolo: r.phrase("pagina-modifiche-titolo"),
            descrizione: r.phrase("pagina-modifiche-descrizione"),
        },
        "changes.html",
        with("modifiche", &view),
    );
    let (old_base, new_base) = (&c.old.site.config.base_url, &c.new.config.base_url);
    out.add(CHANGES_CSV, changes_csv(&view, c, old_base, new_base));
    out.add(CHANGES_JSON, changes_json(&view, c, old_base, new_base));
    match page {
        Ok((path, html)) => {
            out.add(path, html);
            true
        }
        Err(d) => {
            diags.push(d);
            false
        }
    }
}

/// An absolute URL from a root-relative one of the changes view.
fn absolute(base: &str, prefix: &str, url: &Option<String>) -> String {
    url.as_deref()
        .map(|u| format!("{base}{}", u.strip_prefix(prefix).unwrap_or(u)))
        .unwrap_or_default()
}

/// Columns of `modifiche.csv`.
const CHANGES_COLUMNS: [&str; 9] = [
    "tipo",
    "unita_nome",
    "unita_stato",
    "elenco_prima",
    "elenco_dopo",
    "attivita_prima",
    "attivita_dopo",
    "url_prima",
    "url_dopo",
];

fn changes_csv(v: &ChangesView, c: &Compared, old_base: &str, new_base: &str) -> String {
    let mut out = String::new();
    opendata::push_record(&mut out, CHANGES_COLUMNS.into_iter());
    let kind = |k: Kind| match k {
        Kind::Aggiunta => "aggiunta",
        Kind::Rimossa => "rimossa",
        Kind::Spostata => "spostata",
        Kind::Modificata => "modificata",
    };
    let state = |s: UnitState| match s {
        UnitState::Aggiunta => "aggiunta",
        UnitState::Rimossa => "rimossa",
        UnitState::Modificata => "modificata",
    };
    for u in &v.unita {
        let unit_state = if u.comuni { "" } else { state(u.stato) };
        if let Some(r) = &u.regola {
            let (up, ud) = (
                absolute(old_base, &c.old_prefix, &u.url_prima),
                absolute(new_base, "", &u.url_dopo),
            );
            let fields = [
                "regola",
                &u.nome,
                unit_state,
                rule_name(r.prima),
                rule_name(r.dopo),
                r.prima_testo.unwrap_or(""),
                r.dopo_testo.unwrap_or(""),
                &up,
                &ud,
            ];
            opendata::push_record(&mut out, fields.into_iter());
        }
        for a in &u.attivita {
            let (up, ud) = (
                absolute(old_base, &c.old_prefix, &a.url_prima),
                absolute(new_base, "", &a.url_dopo),
            );
            let fields = [
                kind(a.tipo),
                &u.nome,
                unit_state,
                a.elenco_prima.unwrap_or(""),
                a.elenco_dopo.unwrap_or(""),
                a.testo_prima.as_deref().unwrap_or(""),
                a.testo_dopo.as_deref().unwrap_or(""),
                &up,
                &ud,
            ];
            opendata::push_record(&mut out, fields.into_iter());
        }
    }
    out
}

fn changes_json(v: &ChangesView, c: &Compared, old_base: &str, new_base: &str) -> Vec<u8> {
    // The partial list's totals only when one of the editions has it: the
    // file of a catalogue without it stays as it was.
    let partial = v.prima.totali.parzialmente_smartizzabili > 0
        || v.dopo.totali.parzialmente_smartizzabili > 0;
    let edition = |e: &EditionLink, base: &str| {
        let mut totali = json!(e.totali);
        if let Some(t) = totali.as_object_mut() {
            if !partial {
                t.remove("parzialmente_smartizzabili");
                t.remove("percentuale_parzialmente_smartizzabili");
            }
            // A rule covers what is not listed: a share of the listed
            // activities would say "0%" of a catalogue all in lavoro agile.
            if e.elenco_parziale {
                t.remove("percentuale_smartizzabili");
                t.remove("percentuale_parzialmente_smartizzabili");
            }
        }
        json!({"nome": e.nome, "periodo": e.periodo, "url": base, "totali": totali})
    };
    let unita: Vec<Value> = v
        .unita
        .iter()
        .map(|u| {
            let attivita: Vec<Value> = u
                .attivita
                .iter()
                .map(|a| {
                    json!({
                        "tipo": a.tipo,
                        "elenco_prima": a.elenco_prima,
                        "elenco_dopo": a.elenco_dopo,
                        "testo_prima": a.testo_prima,
                        "testo_dopo": a.testo_dopo,
                        "url_prima": a.url_prima.as_ref().map(|_| absolute(old_base, &c.old_prefix, &a.url_prima)),
                        "url_dopo": a.url_dopo.as_ref().map(|_| absolute(new_base, "", &a.url_dopo)),
                    })
                })
                .collect();
            let mut unit = json!({
                "nome": u.nome,
                "nome_prima": u.nome_prima,
                "stato": if u.comuni { Value::Null } else { json!(u.stato) },
                "url_prima": u.url_prima.as_ref().map(|_| absolute(old_base, &c.old_prefix, &u.url_prima)),
                "url_dopo": u.url_dopo.as_ref().map(|_| absolute(new_base, "", &u.url_dopo)),
                "attivita": attivita,
            });
            // Only when the rule changed: the file of any other site stays as it was.
            if let (Some(r), Some(o)) = (&u.regola, unit.as_object_mut()) {
                o.insert("altre_attivita_prima".into(), json!(r.prima.map(AltreAttivita::key)));
                o.insert("altre_attivita_dopo".into(), json!(r.dopo.map(AltreAttivita::key)));
            }
            unit
        })
        .collect();
    let doc = json!({
        "prima": edition(&v.prima, old_base),
        "dopo": edition(&v.dopo, new_base),
        "conteggi": v.conteggi,
        "regola": format!(
            "attività abbinate per ancora (testo senza maiuscole, accenti e punteggiatura), poi per somiglianza dei caratteri di almeno {}%",
            v.soglia
        ),
        "unita": unita,
    });
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_are_signed() {
        assert_eq!(diff(3, 5), "+2");
        assert_eq!(diff(5, 3), "−2");
        assert_eq!(diff(4, 4), "0");
        assert_eq!(points(71, 72), "+1 punto");
        assert_eq!(points(72, 69), "−3 punti");
    }
}
