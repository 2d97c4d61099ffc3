## La costruzione nel suo insieme (src/pipeline.rs)

pipeline-source-date-epoch = `{ $value }` non è un numero di secondi dal 1970; si usa la data di oggi
    .hint = indicare un numero intero, per esempio `$(git log -1 --format=%ct)`, oppure togliere la variabile
    .spiegazione =
        La variabile d'ambiente `SOURCE_DATE_EPOCH` fissa la data della costruzione (quella mostrata come data di generazione e usata per i controlli sulle date), così che due costruzioni degli stessi file diano gli stessi byte.
        Deve contenere un numero intero di secondi dal 1° gennaio 1970; con un altro valore si usa la data di oggi.
