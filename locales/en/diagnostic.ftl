## The fixed words of diagnostics (src/diagnostic.rs): severity and hint.
## The problems' messages live in the file of their area (yaml.ftl,
## validate.ftl, ...): each one's id is its stable code.

diagnostic-error = error
diagnostic-warning = warning
diagnostic-note = note
diagnostic-hint = hint
