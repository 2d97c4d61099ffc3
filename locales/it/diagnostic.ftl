## Le parole fisse della diagnostica (src/diagnostic.rs): la gravità e il
## suggerimento. I messaggi dei problemi stanno nel file della loro area
## (yaml.ftl, validate.ftl, ...): l'id di ciascuno è il suo codice stabile.

diagnostic-error = errore
diagnostic-warning = avviso
diagnostic-note = nota
diagnostic-hint = suggerimento
