## `trasparenza spiega` (src/cmd/spiega.rs)

spiega-unknown = `{ $code }` non è un codice di trasparenza: `trasparenza spiega` li elenca tutti
spiega-unknown-near = `{ $code }` non è un codice di trasparenza; forse `{ $near }`? (`trasparenza spiega` li elenca tutti)
spiega-how = { $count ->
        [one] Un codice
       *[other] { $count } codici
    }: `trasparenza spiega CODICE` spiega che cosa significa e come si corregge.
spiega-guide = Nella guida per chi compila il catalogo: docs/guida.md#{ $code }

## I titoli delle parti di "Che cosa significa questo messaggio" in docs/guida.md,
## una per file del catalogo (la prima parola del codice).

spiega-area-yaml = Scrittura dei file YAML
spiega-area-validate = Contenuto del catalogo
spiega-area-load = Lettura della cartella del sito
spiega-area-source = File e codifica
spiega-area-placeholder = Segnaposto di init
spiega-area-theme = Tema e lingua delle pagine
spiega-area-linkcheck = Collegamenti
spiega-area-editions = Edizioni precedenti
spiega-area-import = Importazione
spiega-area-write = Scrittura del sito costruito
spiega-area-serve = Anteprima
spiega-area-pipeline = Costruzione
