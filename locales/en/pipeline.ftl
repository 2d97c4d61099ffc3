## The build as a whole (src/pipeline.rs)

pipeline-source-date-epoch = `{ $value }` is not a number of seconds since 1970; using today's date
    .hint = set it to a whole number, e.g. `$(git log -1 --format=%ct)`, or unset it
    .spiegazione =
        The environment variable `SOURCE_DATE_EPOCH` fixes the build's date (shown as the date of generation and used by the date checks), so that two builds of the same files give the same bytes.
        It must hold a whole number of seconds since 1 January 1970; with another value today's date is used.
