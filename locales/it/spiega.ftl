## `trasparenza spiega` (src/cmd/spiega.rs)

spiega-unknown = `{ $code }` non è un codice di trasparenza: `trasparenza spiega` li elenca tutti
spiega-unknown-near = `{ $code }` non è un codice di trasparenza; forse `{ $near }`? (`trasparenza spiega` li elenca tutti)
spiega-how = { $count ->
        [one] Un codice
       *[other] { $count } codici
    }: `trasparenza spiega CODICE` spiega che cosa significa e come si corregge.
