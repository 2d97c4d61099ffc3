//! "Cosa è cambiato": what changed between two editions of the catalogue.
//! A pure function of two lists of units ([`compare`]); no I/O, no HTML
//! (the pages and their data are `render::changes`). `import` matches a
//! unit file's activities with the same rules ([`match_units`],
//! [`match_activities`]).
//!
//! Units are matched by slug (the file name), then, among those left, by the
//! same name (`nome`, case and spacing ignored): a renamed file is the same
//! unit. Within a matched unit, activities are matched in two passes:
//!
//! 1. by anchor: the slug of the text (lowercase, accents folded, punctuation
//!    dropped), the same `#anchor` the unit page uses. Texts that differ only
//!    in case, accents or punctuation match here;
//! 2. among those left, by similarity: the share of equal characters of the
//!    two normalised texts (`similar`'s ratio, `2 × equal / total`), best pairs
//!    first, at least [`SIMILARITY`]. A few words added or removed still match;
//!    a different activity does not. Skipped when a unit has more than
//!    [`MAX_PAIRS`] unmatched pairs, to keep the work linear in practice.
//!
//! A matched pair in the other list is *moved* (spostata); in the same list
//! with a different text, *changed* (modificata); what is left is removed or
//! added.

use serde::Serialize;

use crate::model::ListKind;
use crate::slug;

/// The lowest similarity (0–1) at which two texts are the same activity.
pub(crate) const SIMILARITY: f32 = 0.8;
/// Above this many unmatched (old × new) pairs in one unit, pass 2 is skipped.
pub(crate) const MAX_PAIRS: usize = 40_000;

/// An activity as compared: its anchor on the unit page and its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ActivityRef<'a> {
    pub id: &'a str,
    pub testo: &'a str,
}

/// A unit as compared.
#[derive(Debug, Clone)]
pub(crate) struct UnitRef<'a> {
    pub slug: &'a str,
    pub nome: &'a str,
    pub smartizzabili: Vec<ActivityRef<'a>>,
    pub parzialmente_smartizzabili: Vec<ActivityRef<'a>>,
    pub non_smartizzabili: Vec<ActivityRef<'a>>,
}

/// What happened to an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Kind {
    Aggiunta,
    Rimossa,
    Spostata,
    Modificata,
}

/// One side of an activity change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Side {
    pub id: String,
    pub testo: String,
    /// The list it is in.
    #[serde(skip)]
    pub elenco: ListKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct ActivityChange {
    pub tipo: Kind,
    /// In the earlier edition (absent when added).
    pub prima: Option<Side>,
    /// In the later edition (absent when removed).
    pub dopo: Option<Side>,
}

/// What happened to a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum UnitState {
    Aggiunta,
    Rimossa,
    Modificata,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct UnitChange {
    pub stato: UnitState,
    pub slug_prima: Option<String>,
    pub slug_dopo: Option<String>,
    pub nome_prima: Option<String>,
    pub nome_dopo: Option<String>,
    /// Every activity change of the unit, in the later edition's order, then
    /// the removed ones in the earlier edition's order.
    pub attivita: Vec<ActivityChange>,
}

/// How many changes of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Counts {
    pub unita_aggiunte: usize,
    pub unita_rimosse: usize,
    pub aggiunte: usize,
    pub rimosse: usize,
    pub spostate: usize,
    pub modificate: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Changes {
    /// Units with a change, in the later edition's order, then removed units.
    pub unita: Vec<UnitChange>,
    pub conteggi: Counts,
}

/// Compares an earlier edition's units with a later one's.
pub(crate) fn compare(old: &[UnitRef], new: &[UnitRef]) -> Changes {
    let pairs = match_units(old, new);
    let mut unita = Vec::new();
    let mut conteggi = Counts::default();
    let mut new_matched = vec![None; new.len()];
    for &(o, n) in &pairs {
        new_matched[n] = Some(o);
    }
    let mut old_matched = vec![false; old.len()];
    for &(o, _) in &pairs {
        old_matched[o] = true;
    }
    for (n, nu) in new.iter().enumerate() {
        let change = match new_matched[n] {
            Some(o) => {
                let ou = &old[o];
                let attivita = compare_activities(ou, nu);
                let renamed = norm_name(ou.nome) != norm_name(nu.nome) || ou.slug != nu.slug;
                if attivita.is_empty() && !renamed {
                    continue;
                }
                UnitChange {
                    stato: UnitState::Modificata,
                    slug_prima: Some(ou.slug.to_string()),
                    slug_dopo: Some(nu.slug.to_string()),
                    nome_prima: Some(ou.nome.to_string()),
                    nome_dopo: Some(nu.nome.to_string()),
                    attivita,
                }
            }
            None => {
                conteggi.unita_aggiunte += 1;
                UnitChange {
                    stato: UnitState::Aggiunta,
                    slug_prima: None,
                    slug_dopo: Some(nu.slug.to_string()),
                    nome_prima: None,
                    nome_dopo: Some(nu.nome.to_string()),
                    attivita: sides(nu)
                        .map(|s| ActivityChange {
                            tipo: Kind::Aggiunta,
                            prima: None,
                            dopo: Some(s),
                        })
                        .collect(),
                }
            }
        };
        unita.push(change);
    }
    for (o, ou) in old.iter().enumerate() {
        if old_matched[o] {
            continue;
        }
        conteggi.unita_rimosse += 1;
        unita.push(UnitChange {
            stato: UnitState::Rimossa,
            slug_prima: Some(ou.slug.to_string()),
            slug_dopo: None,
            nome_prima: Some(ou.nome.to_string()),
            nome_dopo: None,
            attivita: sides(ou)
                .map(|s| ActivityChange {
                    tipo: Kind::Rimossa,
                    prima: Some(s),
                    dopo: None,
                })
                .collect(),
        });
    }
    for a in unita.iter().flat_map(|u| &u.attivita) {
        match a.tipo {
            Kind::Aggiunta => conteggi.aggiunte += 1,
            Kind::Rimossa => conteggi.rimosse += 1,
            Kind::Spostata => conteggi.spostate += 1,
            Kind::Modificata => conteggi.modificate += 1,
        }
    }
    Changes { unita, conteggi }
}

fn norm_name(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Pairs (old index, new index): same slug first, then same name.
pub(crate) fn match_units(old: &[UnitRef], new: &[UnitRef]) -> Vec<(usize, usize)> {
    let by_slug: std::collections::HashMap<&str, usize> =
        new.iter().enumerate().map(|(i, u)| (u.slug, i)).collect();
    let mut taken = vec![false; new.len()];
    let mut pairs = Vec::new();
    let mut left = Vec::new();
    for (o, ou) in old.iter().enumerate() {
        match by_slug.get(ou.slug) {
            Some(&n) => {
                taken[n] = true;
                pairs.push((o, n));
            }
            None => left.push(o),
        }
    }
    for o in left {
        let name = norm_name(old[o].nome);
        if let Some(n) = (0..new.len()).find(|&n| !taken[n] && norm_name(new[n].nome) == name) {
            taken[n] = true;
            pairs.push((o, n));
        }
    }
    pairs
}

/// Every activity of a unit with its list, in [`ListKind::ALL`] order.
fn sides<'a>(u: &'a UnitRef<'a>) -> impl Iterator<Item = Side> + 'a {
    let side = |elenco: ListKind| {
        move |a: &ActivityRef| Side {
            id: a.id.to_string(),
            testo: a.testo.to_string(),
            elenco,
        }
    };
    u.smartizzabili
        .iter()
        .map(side(ListKind::Smart))
        .chain(
            u.parzialmente_smartizzabili
                .iter()
                .map(side(ListKind::Partial)),
        )
        .chain(u.non_smartizzabili.iter().map(side(ListKind::NonSmart)))
}

fn compare_activities(old: &UnitRef, new: &UnitRef) -> Vec<ActivityChange> {
    let olds: Vec<Side> = sides(old).collect();
    let news: Vec<Side> = sides(new).collect();
    let (old_of_new, old_taken) = pair(&olds, &news);
    let mut out = Vec::new();
    for (n, s) in news.iter().enumerate() {
        match old_of_new[n] {
            Some(o) => {
                let p = &olds[o];
                let tipo = if p.elenco != s.elenco {
                    Kind::Spostata
                } else if p.testo != s.testo {
                    Kind::Modificata
                } else {
                    continue;
                };
                out.push(ActivityChange {
                    tipo,
                    prima: Some(p.clone()),
                    dopo: Some(s.clone()),
                });
            }
            None => out.push(ActivityChange {
                tipo: Kind::Aggiunta,
                prima: None,
                dopo: Some(s.clone()),
            }),
        }
    }
    for (o, p) in olds.iter().enumerate() {
        if !old_taken[o] {
            out.push(ActivityChange {
                tipo: Kind::Rimossa,
                prima: Some(p.clone()),
                dopo: None,
            });
        }
    }
    out
}

/// The match of every activity of `new`, in [`ListKind::ALL`] order of the
/// lists: its index in `old` taken in the same order, or `None`
/// when it is new. The matching of [`compare`] (`import` updates a unit
/// file with it).
pub(crate) fn match_activities(old: &UnitRef, new: &UnitRef) -> Vec<Option<usize>> {
    let olds: Vec<Side> = sides(old).collect();
    let news: Vec<Side> = sides(new).collect();
    pair(&olds, &news).0
}

/// The old index of each new side, and which old sides were taken.
fn pair(olds: &[Side], news: &[Side]) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut old_of_new: Vec<Option<usize>> = vec![None; news.len()];
    let mut old_taken = vec![false; olds.len()];

    // Pass 1: the same anchor.
    let by_id: std::collections::HashMap<&str, usize> = olds
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    for (n, s) in news.iter().enumerate() {
        if let Some(&o) = by_id.get(s.id.as_str())
            && !old_taken[o]
        {
            old_taken[o] = true;
            old_of_new[n] = Some(o);
        }
    }

    // Pass 2: similar texts, best pairs first.
    let old_left: Vec<usize> = (0..olds.len()).filter(|&o| !old_taken[o]).collect();
    let new_left: Vec<usize> = (0..news.len())
        .filter(|&n| old_of_new[n].is_none())
        .collect();
    if !old_left.is_empty() && old_left.len() * new_left.len() <= MAX_PAIRS {
        let norm_old: Vec<String> = old_left
            .iter()
            .map(|&o| normalise(&olds[o].testo))
            .collect();
        let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
        for &n in &new_left {
            let nn = normalise(&news[n].testo);
            for (k, &o) in old_left.iter().enumerate() {
                let r = similarity(&norm_old[k], &nn);
                if r >= SIMILARITY {
                    candidates.push((r, o, n));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, o, n) in candidates {
            if !old_taken[o] && old_of_new[n].is_none() {
                old_taken[o] = true;
                old_of_new[n] = Some(o);
            }
        }
    }
    (old_of_new, old_taken)
}

/// Lowercase, accents folded, punctuation dropped: the anchor's words.
fn normalise(testo: &str) -> String {
    slug::slugify(testo).replace('-', " ")
}

/// The share of equal characters: `2 × equal / (len a + len b)`, 0–1.
pub(crate) fn similarity(a: &str, b: &str) -> f32 {
    similar::TextDiff::from_chars(a, b).ratio()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A move into or out of `parzialmente_smartizzabili` is a move, like one
    /// between the two other lists.
    #[test]
    fn a_move_to_and_from_the_partial_list_is_a_move() {
        let old = [unit("u", &["Avvisi", "Rimborsi"], &["Sportello"])];
        let mut new = unit("u", &["Avvisi"], &[]);
        new.parzialmente_smartizzabili = vec![
            ActivityRef {
                id: "rimborsi",
                testo: "Rimborsi",
            },
            ActivityRef {
                id: "sportello",
                testo: "Sportello",
            },
        ];
        let c = compare(&old, &[new.clone()]);
        assert_eq!(
            kinds(&c),
            [
                (Kind::Spostata, "Rimborsi".into()),
                (Kind::Spostata, "Sportello".into())
            ]
        );
        let sides: Vec<(ListKind, ListKind)> = c.unita[0]
            .attivita
            .iter()
            .map(|a| {
                (
                    a.prima.as_ref().unwrap().elenco,
                    a.dopo.as_ref().unwrap().elenco,
                )
            })
            .collect();
        assert_eq!(
            sides,
            [
                (ListKind::Smart, ListKind::Partial),
                (ListKind::NonSmart, ListKind::Partial)
            ]
        );
        // And back.
        let back = compare(&[new], &old);
        assert_eq!(back.conteggi.spostate, 2);
    }

    fn unit<'a>(slug: &'a str, smart: &[&'a str], non: &[&'a str]) -> UnitRef<'a> {
        let acts = |v: &[&'a str]| {
            v.iter()
                .map(|t| ActivityRef {
                    id: Box::leak(slug::anchor(t, 48).into_boxed_str()),
                    testo: t,
                })
                .collect()
        };
        UnitRef {
            slug,
            nome: slug,
            smartizzabili: acts(smart),
            parzialmente_smartizzabili: Vec::new(),
            non_smartizzabili: acts(non),
        }
    }

    fn kinds(c: &Changes) -> Vec<(Kind, String)> {
        c.unita
            .iter()
            .flat_map(|u| &u.attivita)
            .map(|a| {
                let s = a.dopo.as_ref().or(a.prima.as_ref()).unwrap();
                (a.tipo, s.testo.clone())
            })
            .collect()
    }

    #[test]
    fn identical_editions_have_no_changes() {
        let a = [unit("tributi", &["Accertamenti IMU"], &["Sportello"])];
        let c = compare(&a, &a);
        assert!(c.unita.is_empty());
        assert_eq!(c.conteggi, Counts::default());
    }

    #[test]
    fn added_removed_moved_changed() {
        let old = [unit(
            "tributi",
            &[
                "Accertamenti IMU",
                "Gestione delle pratiche di rimborso TARI",
                "Rilascio certificati",
            ],
            &["Sportello al pubblico"],
        )];
        let new = [unit(
            "tributi",
            &[
                "Accertamenti IMU",
                "Gestione pratiche di rimborso TARI e TASI",
                "Sportello al pubblico",
                "Formazione tramite webinar",
            ],
            &[],
        )];
        let c = compare(&old, &new);
        assert_eq!(
            kinds(&c),
            vec![
                (
                    Kind::Modificata,
                    "Gestione pratiche di rimborso TARI e TASI".into()
                ),
                (Kind::Spostata, "Sportello al pubblico".into()),
                (Kind::Aggiunta, "Formazione tramite webinar".into()),
                (Kind::Rimossa, "Rilascio certificati".into()),
            ]
        );
        let moved = &c.unita[0].attivita[1];
        assert_eq!(moved.prima.as_ref().unwrap().elenco, ListKind::NonSmart);
        assert_eq!(moved.dopo.as_ref().unwrap().elenco, ListKind::Smart);
        assert_eq!(c.conteggi.modificate, 1);
        assert_eq!(c.conteggi.spostate, 1);
    }

    #[test]
    fn punctuation_and_case_are_a_change_not_a_new_activity() {
        let old = [unit("a", &["Protocollo: registrazione atti"], &[])];
        let new = [unit("a", &["protocollo - Registrazione atti."], &[])];
        assert_eq!(
            kinds(&compare(&old, &new)),
            vec![(Kind::Modificata, "protocollo - Registrazione atti.".into())]
        );
    }

    #[test]
    fn a_different_activity_is_not_matched() {
        let old = [unit("a", &["Rilascio carte d'identità"], &[])];
        let new = [unit("a", &["Rilascio certificati anagrafici"], &[])];
        let k: Vec<Kind> = kinds(&compare(&old, &new))
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(k, vec![Kind::Aggiunta, Kind::Rimossa]);
    }

    #[test]
    fn units_added_removed_and_renamed_files() {
        let old = [
            unit("vecchia", &["Uno"], &[]),
            unit("ragioneria", &["Mandati"], &[]),
        ];
        let mut renamed = unit("servizi-finanziari", &["Mandati"], &[]);
        renamed.nome = "ragioneria";
        let new = [renamed, unit("nuova", &["Due"], &["Tre"])];
        let c = compare(&old, &new);
        let states: Vec<(UnitState, usize)> = c
            .unita
            .iter()
            .map(|u| (u.stato, u.attivita.len()))
            .collect();
        assert_eq!(
            states,
            vec![
                (UnitState::Modificata, 0),
                (UnitState::Aggiunta, 2),
                (UnitState::Rimossa, 1)
            ]
        );
        assert_eq!(c.conteggi.unita_aggiunte, 1);
        assert_eq!(c.conteggi.unita_rimosse, 1);
        assert_eq!(c.conteggi.aggiunte, 2);
        assert_eq!(c.conteggi.rimosse, 1);
    }

    #[test]
    fn similarity_threshold_is_sensible() {
        assert!(similarity("gestione del protocollo", "gestione protocollo") >= SIMILARITY);
        assert!(similarity("rilascio carte d identita", "rilascio certificati") < SIMILARITY);
    }
}
