# Il tema (theme.rs). L'id è il codice stabile.

theme-invalid-name = `{ $theme }` non è un nome di tema: `tema` indica una cartella dentro themes/, con lettere minuscole, cifre e trattini
    .hint = scrivere solo il nome della cartella, per esempio `tema: comune` per themes/comune/, oppure rimuovere `tema` per usare il tema predefinito
    .spiegazione =
        `tema` in `_sito.yaml` indica una cartella dentro `themes/`; non sono ammessi percorsi, lettere maiuscole o spazi.
        Scrivere solo il nome della cartella, oppure rimuovere la chiave per usare il tema integrato.

theme-missing = il tema `{ $theme }` non esiste: non c'è la cartella themes/{ $theme }/
    .hint = rimuovere `tema` per usare il tema predefinito, oppure creare la cartella
    .spiegazione =
        `_sito.yaml` richiede un tema la cui cartella non si trova in `themes/`.
        Verificare il nome, creare la cartella, oppure rimuovere `tema` per usare il tema integrato.

theme-builtin-not-utf8 = il modello integrato non è in UTF-8
    .spiegazione =
        Un modello del tema integrato è danneggiato nel programma stesso. È un difetto del programma, non del sito: segnalarlo a chi lo fornisce.

theme-template-error = errore nel modello: { $detail }
    .spiegazione =
        Un modello (template) del tema non può essere letto o usato; il dettaglio dopo i due punti è la descrizione data dal motore dei modelli (in inglese).
        Se il tema è quello del sito (`themes/<tema>/`), correggere il modello alla riga indicata; se è il tema integrato, segnalarlo.
