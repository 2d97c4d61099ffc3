# Ciò che `init` lascia da compilare (placeholder.rs). L'id è il codice stabile.

placeholder-value = `{ $key }` contiene ancora il segnaposto scritto da `trasparenza init`: { $value }
    .hint = sostituirlo con il valore vero; vedere il commento sopra `{ $key }`
    .spiegazione =
        `trasparenza init` scrive valori segnaposto perché il nuovo sito si possa costruire subito; questo non è ancora stato sostituito, e il pubblico lo vedrebbe.
        Scrivere il valore vero; il commento sopra la chiave in `_sito.yaml` lo spiega.

placeholder-example-unit = questa unità è l'esempio scritto da `trasparenza init`
    .hint = eliminare il file prima di pubblicare, oppure importare il catalogo con `trasparenza import`, che lo rimuove finché non è stato modificato
    .spiegazione =
        Il file è l'unità di esempio creata da `trasparenza init`, non un ufficio dell'ente; se pubblicato, sembrerebbe tale.
        Eliminarlo, oppure importare il catalogo vero con `trasparenza import`, che lo rimuove.

placeholder-example-first-line = questa unità inizia ancora con la prima riga dell'esempio di `trasparenza init`
    .hint = eliminare quella riga (l'importazione non rimuove mai un file modificato)
    .spiegazione =
        Il file è stato ricavato dall'unità di esempio ed è stato modificato, ma inizia ancora con il commento che contrassegna l'esempio.
        Eliminare quella prima riga.

placeholder-intro-sentence = questa frase è stata scritta da `trasparenza init` ed è vera solo per alcuni atti: "{ $text }"
    .hint = riscriverla come dice l'atto (quale atto, quale sezione, se elenca le attività per ufficio), oppure eliminarla
    .spiegazione =
        `trasparenza init` scrive un'introduzione per la pagina iniziale che descrive un catalogo diviso per uffici e tratto da un PIAO. Molti atti sono diversi: un solo elenco per tutto l'ente, un'ordinanza, un regolamento, un decreto. Pubblicata così, la frase direbbe una cosa che l'atto non dice.
        Riscrivere la frase in `content/_index.md` in modo che dica qual è l'atto e come è organizzato, oppure eliminarla.

placeholder-example-lists = gli elenchi di `_sito.yaml` sono ancora l'esempio scritto da `trasparenza init --forma elenco`
    .hint = scrivere le attività dell'atto e la sua regola per le attività non elencate (`altre_attivita`), poi eliminare questa riga
    .spiegazione =
        `trasparenza init --forma elenco` scrive un esempio degli elenchi per tutto l'ente, e un `altre_attivita` di esempio, perché il nuovo sito si possa costruire subito; pubblicati, sembrerebbero quelli dell'atto.
        Sostituire le attività con quelle dell'atto, impostare `altre_attivita` come dice l'atto (o toglierlo se l'atto non dice nulla delle attività che non elenca), poi eliminare la riga di commento che segna l'esempio.

placeholder-example-rule = gli elenchi di `_sito.yaml` sono quelli dell'atto, ma `altre_attivita` è ancora l'esempio scritto da `trasparenza init --forma elenco`
    .hint = impostare `altre_attivita` come dice l'atto per le attività che non elenca (o toglierlo se l'atto non ne dice nulla), poi eliminare questa riga
    .spiegazione =
        `trasparenza import` ha scritto in `_sito.yaml` gli elenchi dell'atto, ma l'atto non dice che cosa vale per le attività che non elenca: `altre_attivita` è ancora quello d'esempio di `trasparenza init --forma elenco`, e ogni pagina lo mostrerebbe come regola dell'atto.
        Impostare `altre_attivita` come dice l'atto (`smartizzabili` o `non_smartizzabili`), o toglierlo se l'atto non dice nulla delle attività che non elenca; poi eliminare la riga di commento che lo segnala.
