# What `init` leaves to fill in (placeholder.rs). The id is the stable code.

placeholder-value = `{ $key }` is still the placeholder written by `trasparenza init`: { $value }
    .hint = replace it with the real value; see the comment above `{ $key }`
    .spiegazione =
        `trasparenza init` writes placeholder values so that the new site builds at once; this one has not been replaced yet, and the public would see it.
        Write the real value; the comment above the key in `_sito.yaml` explains it.

placeholder-example-unit = this unit is the example written by `trasparenza init`
    .hint = delete the file before publishing, or import the catalogue with `trasparenza import`, which removes it while it is unchanged
    .spiegazione =
        The file is the example unit created by `trasparenza init`, not an office of the body; published, it would look like one.
        Delete it, or import the real catalogue with `trasparenza import`, which removes it.

placeholder-example-first-line = this unit still starts with the first line of `trasparenza init`'s example
    .hint = delete that line (import never removes an edited file)
    .spiegazione =
        The file was made from the example unit and has been edited, but it still begins with the comment that marks the example.
        Delete that first line.

placeholder-intro-sentence = this sentence was written by `trasparenza init` and is true only of some acts: "{ $text }"
    .hint = rewrite it as your act says (which act, which section, whether it lists activities by office), or delete it
    .spiegazione =
        `trasparenza init` writes an introduction for the home page that describes a catalogue by office taken from a PIAO. Many acts are different: one list for the whole body, an ordinance, a regulation, a decree. Published as it is, the sentence would say something the act does not.
        Rewrite the sentence in `content/_index.md` so that it says what the act is and how it is organised, or delete it.

placeholder-example-lists = the lists of `_sito.yaml` are still the example written by `trasparenza init --forma elenco`
    .hint = write the act's activities and its rule for the activities not listed (`altre_attivita`), then delete this line
    .spiegazione =
        `trasparenza init --forma elenco` writes an example of the lists for the whole body, and an example `altre_attivita`, so that the new site builds at once; published, they would look like the act's.
        Replace the activities with those of the act, set `altre_attivita` as the act says (or remove it if the act says nothing about the activities it does not list), then delete the comment line that marks the example.

placeholder-example-rule = the lists of `_sito.yaml` are the act's, but `altre_attivita` is still the example written by `trasparenza init --forma elenco`
    .hint = set `altre_attivita` as the act says for the activities it does not list (or remove it if the act says nothing of them), then delete this line
    .spiegazione =
        `trasparenza import` wrote the act's lists into `_sito.yaml`, but the act does not say what applies to the activities it does not list: `altre_attivita` is still the example of `trasparenza init --forma elenco`, and every page would show it as the act's rule.
        Set `altre_attivita` as the act says (`smartizzabili` or `non_smartizzabili`), or remove it if the act says nothing about the activities it does not list; then delete the comment line that marks it.
