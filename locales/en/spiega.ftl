## `trasparenza spiega` (src/cmd/spiega.rs)

spiega-unknown = `{ $code }` is not a code of trasparenza: `trasparenza spiega` lists them all
spiega-unknown-near = `{ $code }` is not a code of trasparenza; did you mean `{ $near }`? (`trasparenza spiega` lists them all)
spiega-how = { $count ->
        [one] One code
       *[other] { $count } codes
    }: `trasparenza spiega CODE` explains what it means and how to fix it.
