//! The example site in `content/` (the real catalogue) builds and publishes
//! every unit and activity: counted against `tests/fixtures/example_counts.txt`,
//! the count made by hand from the seed.

use crate::build::activities;
use crate::support::{Site, repo, texts};

struct Counts {
    units: usize,
    smart: usize,
    non: usize,
    per_unit: Vec<(String, usize, usize)>,
}

fn expected() -> Counts {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/example_counts.txt")).unwrap();
    let mut c = Counts {
        units: 0,
        smart: 0,
        non: 0,
        per_unit: vec![],
    };
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            ["units", n] => c.units = n.parse().unwrap(),
            ["smartizzabili", n] => c.smart = n.parse().unwrap(),
            ["non_smartizzabili", n] => c.non = n.parse().unwrap(),
            [slug, s, n] => {
                c.per_unit
                    .push((slug.to_string(), s.parse().unwrap(), n.parse().unwrap()))
            }
            _ => panic!("bad line {line}"),
        }
    }
    c
}

#[test]
fn the_example_site_publishes_every_unit_and_activity() {
    let c = expected();
    assert_eq!(c.per_unit.len(), c.units);
    let site = Site::example();
    let r = site.build();
    assert!(
        r.stdout().contains(&format!(
            "Built {} units, {} activities",
            c.units,
            c.smart + c.non
        )),
        "{}",
        r.stdout()
    );
    let (mut smart, mut non) = (0, 0);
    for (slug, s, n) in &c.per_unit {
        let doc = site.html(&format!("{slug}/index.html"));
        assert_eq!(activities(&doc, "smartizzabili").len(), *s, "{slug}");
        assert_eq!(activities(&doc, "non-smartizzabili").len(), *n, "{slug}");
        smart += s;
        non += n;
    }
    assert_eq!((smart, non), (c.smart, c.non));
    // The table has every activity too.
    let table = site.html("tabella/index.html");
    assert_eq!(texts(&table, "tbody td li").len(), c.smart + c.non);
}

#[test]
fn the_example_keeps_the_official_wording() {
    let site = Site::example();
    site.build();
    let doc = site.html("polizia-locale-mobilita/index.html");
    let smart = activities(&doc, "smartizzabili");
    assert!(smart.contains(
        &"Autorizzazioni occupazioni suolo pubblico: verifica compatibilità della richiesta, istruire gli atti connessi, comunicazione esito al Servizio Tributi;".to_string()
    ), "{smart:?}");
    let doc = site.html("segreteria-appalti-sistemi-informativi/index.html");
    let smart = activities(&doc, "smartizzabili");
    // Repeated lines of the act are kept.
    assert_eq!(
        smart
            .iter()
            .filter(|a| *a == "Attività di formazione on line.")
            .count(),
        3
    );
}
