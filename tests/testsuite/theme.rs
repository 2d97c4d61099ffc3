//! Template errors in a site's theme: every problem Tera finds, at compile
//! time or while rendering, is reported on the template file the user wrote,
//! at the line and column Tera gives, and nothing else is reported.

use crate::support::Site;

/// `check --format json` on the small site with `templates` written into
/// its `themes/default/templates/`: (file, line, column, message) of each
/// problem, in the order printed.
fn problems(templates: &[(&str, &str)]) -> Vec<(String, u64, u64, String)> {
    let site = Site::fixture("errors/theme-template-error");
    for (name, text) in templates {
        site.write(&format!("themes/default/templates/{name}"), text);
    }
    let r = site.run(&["check", "--format", "json"]);
    assert_eq!(r.code(), Some(1), "{}\n{}", r.stdout(), r.stderr());
    let all: serde_json::Value = serde_json::from_str(&r.stdout()).expect("JSON on stdout");
    all.as_array()
        .expect("an array")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

const PAGE_404: &str = "themes/default/templates/404.html";

#[test]
fn a_syntax_error_is_placed_on_its_line_and_column() {
    let p = problems(&[(
        "404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n  {% if %}\n{% endblock %}\n",
    )]);
    assert_eq!(p.len(), 1, "{p:?}");
    let (file, line, column, message) = &p[0];
    assert_eq!((file.as_str(), *line, *column), (PAGE_404, 3, 9), "{p:?}");
    assert!(message.starts_with("template error: "), "{message}");
    assert!(
        !message.contains("-->"),
        "Tera's printed report leaked: {message}"
    );
}

/// Tera checks filters once every template is parsed and joins what it
/// finds into one error: each problem is its own diagnostic, on its file
/// (before, only the first was reported).
#[test]
fn every_unknown_filter_is_reported_on_its_template() {
    let p = problems(&[
        (
            "404.html",
            "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ page.titolo | maiuscolo }}</p>\n{% endblock %}\n",
        ),
        (
            "page.html",
            "{% extends \"base.html\" %}\n{% block content %}{{ page.titolo | grassetto }}{% endblock %}\n",
        ),
    ]);
    assert_eq!(
        p,
        [
            (
                PAGE_404.to_string(),
                3,
                21,
                "template error: Unknown filter `maiuscolo`".to_string()
            ),
            (
                "themes/default/templates/page.html".to_string(),
                2,
                37,
                "template error: Unknown filter `grassetto`".to_string()
            ),
        ]
    );
}

#[test]
fn an_undefined_variable_is_found_while_rendering_and_placed() {
    let p = problems(&[(
        "404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.titolo }}</h1>\n<p>{{ pagina.sottotitolo }}</p>\n{% endblock %}\n",
    )]);
    assert_eq!(p.len(), 1, "{p:?}");
    let (file, line, column, message) = &p[0];
    assert_eq!((file.as_str(), *line, *column), (PAGE_404, 4, 7), "{p:?}");
    assert!(message.contains("pagina"), "{message}");
}

/// A problem about a template as a whole (its parent is missing) names the
/// template's file, not `base.html`.
#[test]
fn a_missing_parent_names_the_child_template() {
    let p = problems(&[(
        "404.html",
        "{% extends \"cornice.html\" %}\n{% block content %}x{% endblock %}\n",
    )]);
    assert_eq!(p.len(), 1, "{p:?}");
    let (file, _, _, message) = &p[0];
    assert_eq!(file, PAGE_404, "{p:?}");
    assert!(message.contains("cornice.html"), "{message}");
}
