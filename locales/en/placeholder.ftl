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
