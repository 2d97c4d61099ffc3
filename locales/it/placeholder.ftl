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
