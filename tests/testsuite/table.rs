//! The table page (`tabella/`): its rows are rendered by the built-in
//! `table-row.html` beside each unit's page, and a site whose theme has
//! templates of its own still gets every unit in `righe` and `unita_tutte`
//! (themes/default/CONTEXT.md), with the same bytes out.

use crate::support::{Site, repo, sel, texts, tree};

/// A template of the site's own, even a copy of the built-in one, gives
/// the table's context every unit as a value: the site's pages are the
/// same bytes as with the built-in theme alone.
#[test]
fn a_theme_with_templates_of_its_own_gives_the_same_pages() {
    let builtin = Site::example();
    builtin.build();
    let own = Site::example();
    let base = std::fs::read_to_string(repo().join("themes/default/templates/base.html"))
        .expect("the built-in base.html");
    own.write("themes/default/templates/base.html", &base);
    own.build();
    let (a, b) = (tree(&builtin.public()), tree(&own.public()));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &a {
        assert!(b[path] == *bytes, "{path} differs");
    }
    assert!(a.contains_key("tabella/index.html"));
}

/// A site's own `table.html` written before `table-row.html` existed reads
/// `righe` (the common activities, then every unit) and `unita_tutte`.
#[test]
fn a_table_template_of_its_own_reads_every_unit() {
    let site = Site::example();
    site.build();
    let builtin = site.html("tabella/index.html");
    let rows = builtin.select(&sel("tbody > tr")).count();
    let units = builtin
        .select(&sel("tbody > tr th a:not([href$='#attivita-comuni'])"))
        .count();
    let common = builtin
        .select(&sel("tbody > tr th a[href$='#attivita-comuni']"))
        .count();
    assert!(
        units > 1 && rows == units + common,
        "{rows} rows, {units} units"
    );
    site.write(
        "themes/default/templates/table.html",
        "<ol>{% for u in righe %}<li class=\"riga\">{{ u.nome }}: \
         {{ u.smartizzabili | length }}</li>{% endfor %}</ol>\
         <ul>{% for u in unita_tutte %}<li class=\"unita\">{{ u.url }}</li>{% endfor %}</ul>\n",
    );
    site.build();
    let table = site.html("tabella/index.html");
    assert_eq!(table.select(&sel("li.riga")).count(), rows);
    assert_eq!(table.select(&sel("li.unita")).count(), units);
    let first_unit = table.select(&sel("li.unita")).next().expect("a unit");
    assert!(first_unit.text().collect::<String>().ends_with('/'));
}

/// With a rule for the activities not listed, the table counted "2
/// attività in 1 unità organizzativa" of a catalogue that covers every
/// activity; the home says "attività elencate", and so does the table now.
#[test]
fn the_tables_count_is_of_listed_activities_when_a_rule_covers_the_rest() {
    let site = Site::empty();
    let sito = "ente: Comune di Prova\ntitolo: Catalogo\nbase_url: https://www.comune.prova.it/lavoro-agile/\naggiornato_il: 2026-03-01\n";
    site.write(
        "content/_sito.yaml",
        &format!("{sito}altre_attivita: non_smartizzabili\n"),
    );
    site.write(
        "content/polizia.yaml",
        "nome: Polizia locale\nsmartizzabili:\n  - Verbali\n",
    );
    site.build();
    let intro = texts(&site.html("tabella/index.html"), "main .testo").join(" ");
    assert!(
        intro.ends_with("1 attività elencata in 1 unità organizzativa. Il nome dell'unità porta alla sua pagina."),
        "{intro}"
    );
    // One list for the whole body, the same.
    let one = Site::empty();
    one.write(
        "content/_sito.yaml",
        &format!(
            "{sito}altre_attivita: smartizzabili\nnon_smartizzabili:\n  - Sportello\n  - Mensa\n"
        ),
    );
    one.build();
    let intro = texts(&one.html("tabella/index.html"), "main .testo").join(" ");
    assert!(intro.ends_with(": 2 attività elencate."), "{intro}");
    // Without a rule, "attività" as before.
    one.write(
        "content/_sito.yaml",
        &format!("{sito}non_smartizzabili:\n  - Sportello\n  - Mensa\n"),
    );
    one.build();
    let intro = texts(&one.html("tabella/index.html"), "main .testo").join(" ");
    assert!(intro.ends_with(": 2 attività."), "{intro}");
}
