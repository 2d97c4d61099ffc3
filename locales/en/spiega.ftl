## `trasparenza spiega` (src/cmd/spiega.rs)

spiega-unknown = `{ $code }` is not a code of trasparenza: `trasparenza spiega` lists them all
spiega-unknown-near = `{ $code }` is not a code of trasparenza; did you mean `{ $near }`? (`trasparenza spiega` lists them all)
spiega-how = { $count ->
        [one] One code
       *[other] { $count } codes
    }: `trasparenza spiega CODE` explains what it means and how to fix it.
spiega-guide = In the guide for the clerks (in Italian): docs/guida.md#{ $code }

## The titles of the parts of "Che cosa significa questo messaggio" in docs/guida.md,
## one per file of the catalogue (the first word of the code).

spiega-area-yaml = Writing YAML files
spiega-area-validate = Content of the catalogue
spiega-area-load = Reading the site folder
spiega-area-source = Files and encodings
spiega-area-placeholder = Placeholders of init
spiega-area-theme = Theme and language of the pages
spiega-area-linkcheck = Links
spiega-area-editions = Earlier editions
spiega-area-import = Import
spiega-area-write = Writing the built site
spiega-area-serve = Preview
spiega-area-pipeline = Building
