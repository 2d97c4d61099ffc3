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

theme-invalid-language = `{ $lang }` non è un codice di lingua: `lingua` si scrive con due o tre lettere minuscole, come `it`, `de` o `fr`
    .hint = scrivere il codice della lingua delle pagine, per esempio `lingua: de`, oppure rimuovere `lingua` per pubblicare in italiano
    .spiegazione =
        `lingua` in `_sito.yaml` sceglie la lingua delle frasi fisse delle pagine pubblicate (titoli, etichette, avvisi).
        È un codice di lingua di due o tre lettere minuscole (`de`, `fr`), eventualmente seguito da un trattino e da una variante (`de-ch`).
        Senza la chiave le pagine sono in italiano.

theme-language-missing = il tema `{ $theme }` non ha le frasi in `{ $lang }`: manca il file lingue/{ $lang }.ftl
    .hint = copiare themes/default/lingue/it.ftl del programma in themes/{ $theme }/lingue/{ $lang }.ftl del sito e tradurlo, oppure rimuovere `lingua`
    .spiegazione =
        `lingua` in `_sito.yaml` chiede di pubblicare le pagine in una lingua diversa dall'italiano, ma né il sito né il tema integrato hanno le sue frasi.
        Le frasi fisse delle pagine stanno in un solo file per lingua: `lingue/<lingua>.ftl` del tema. Copiare il file italiano del tema integrato
        (`themes/default/lingue/it.ftl` nei sorgenti del programma) nella cartella `themes/<tema>/lingue/` del sito con il nome della lingua
        (per esempio `de.ftl`) e tradurre il testo dopo ogni `=`.

theme-phrases-missing = { $count ->
    [one] manca la traduzione in `{ $lang }` di una frase delle pagine, che resta in italiano: { $ids }
   *[other] manca la traduzione in `{ $lang }` di { $count } frasi delle pagine, che restano in italiano: { $ids }
}
    .hint = aggiungere al file le frasi elencate, tradotte, copiandole da themes/default/lingue/it.ftl
    .spiegazione =
        Il file delle frasi della lingua scelta con `lingua` non ha tutte le frasi del file italiano del tema.
        Le pagine si pubblicano lo stesso, ma le frasi elencate restano in italiano.
        Copiare le righe con quei nomi dal file italiano (`themes/default/lingue/it.ftl` nei sorgenti del programma) e tradurne il testo dopo `=`.

theme-phrases-syntax = il file delle frasi non si può leggere: { $detail }
    .spiegazione =
        Un file `lingue/<lingua>.ftl` del tema non è scritto nel formato Fluent. Ogni frase è una riga `nome = testo`;
        le righe che continuano un testo sono rientrate di almeno uno spazio; le forme plurali si scrivono
        `{ "{" } $n ->` seguito da righe `[one] ...` e `*[other] ...` e da `{ "}" }`. Il dettaglio dopo i due punti è in inglese.

theme-phrase-unknown = il tema non ha la frase `{ $id }` in lingue/it.ftl
