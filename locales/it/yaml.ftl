## I problemi dei file YAML: sintassi (src/yaml.rs), struttura di ogni file
## (src/yaml/schema.rs) ed errori di battitura (src/yaml/slips.rs).
## L'id di ogni messaggio è il suo codice stabile; .spiegazione è il testo
## di `trasparenza spiega CODICE`.
## Selettori passati dal codice come stringhe fisse (mai testo tradotto):
##   $item     none | activity | item
##   $record   site | unit | page | activity | crumb | fonte | collegamenti
##   $found    null | bool | number | text | list | map | tagged
##   $expected text | line | integer | date | list | record | choice
##   $severity error | warning
##   $quotes   double | single

## Sintassi YAML (yaml.rs)

yaml-file-empty = il file è vuoto
    .hint = { $record ->
        [site] scrivere almeno `ente`, `titolo`, `base_url` e `aggiornato_il`
        [page] scrivere almeno `titolo: Titolo della pagina`
       *[unit] scrivere il `nome` dell'unità e le sue attività, come negli altri file
    }
    .spiegazione =
        Il file contiene solo righe vuote o commenti, quindi non c'è niente da pubblicare.
        Compilarlo come gli altri file dello stesso tipo, oppure eliminarlo se è stato creato per errore.

yaml-nested-too-deep = qui elenchi o gruppi sono annidati troppo in profondità
    .hint = ai file di contenuto bastano due o tre livelli di rientro
    .spiegazione =
        Il file apre più di 128 elenchi o gruppi uno dentro l'altro (con `[`, `{"{"}` o con il rientro), cosa che nessun file di contenuto richiede.
        Di solito è un incolla andato male o un file che non è un contenuto. Confrontarlo con un altro file di unità e riscrivere la parte indicata.

yaml-unknown-key = chiave sconosciuta `{ $key }`
    .hint = forse si intendeva `{ $suggestion }`?
    .hint-keys = le chiavi ammesse qui sono: { $keys }
    .hint-condizione = `condizione` vale solo per le attività in `parzialmente_smartizzabili`: spostare l'attività in quell'elenco, oppure togliere la riga
    .spiegazione =
        Il file usa una chiave che questo tipo di file non prevede, spesso per un errore di battitura (`smartizabili` invece di `smartizzabili`).
        Una chiave non riconosciuta verrebbe ignorata in silenzio e il suo contenuto non sarebbe pubblicato, perciò la costruzione si ferma.
        Correggere il nome come indicato nel suggerimento, oppure eliminare la riga.

yaml-duplicate-key = la chiave `{ $key }` compare due volte
    .hint = tenerne una sola (YAML userebbe senza avvisare l'ultima)
    .spiegazione =
        La stessa chiave è scritta due volte nello stesso gruppo. YAML terrebbe solo l'ultimo valore e scarterebbe il primo senza segnalarlo.
        Unire le due righe in una: per un elenco, spostare tutte le righe `- ` sotto un'unica chiave.

yaml-missing-key = manca la chiave obbligatoria `{ $key }`
    .hint = aggiungere una riga `{ $key }: ...`
    .spiegazione =
        Manca una chiave che ogni file di questo tipo deve avere, quindi la pagina non può essere creata.
        Aggiungere una riga con la chiave e il suo valore, come negli altri file.

yaml-tab-indent = qui è usato un carattere di tabulazione; in YAML il rientro va fatto con gli spazi
    .hint = sostituire la tabulazione con spazi (due spazi per livello, come nel resto del file)
    .spiegazione =
        YAML non accetta il carattere di tabulazione per il rientro: le righe vanno rientrate solo con spazi.
        Le tabulazioni vengono spesso inserite in automatico dagli editor. Sostituire ogni tabulazione a inizio riga con spazi, due per livello.

yaml-second-document = una riga `---` apre un secondo documento YAML nello stesso file
    .hint = un file contiene una sola unità: eliminare questa riga, oppure spostare ciò che segue in un file a parte
    .spiegazione =
        In YAML una riga `---` dopo del contenuto apre un nuovo documento, mentre un file di contenuto ne contiene uno solo.
        Succede quando due file vengono incollati in uno. Eliminare la riga, oppure spostare ciò che segue in un nuovo file.

yaml-control-character = il testo contiene un carattere di controllo invisibile ({ $code }), che YAML non ammette
    .hint = eliminarlo (di solito arriva con testo copiato da un altro programma)
    .spiegazione =
        Il testo contiene un carattere di controllo che non si vede ma che YAML rifiuta (tra parentesi il suo codice).
        Di solito arriva con testo copiato da un PDF, da un foglio di calcolo o da una e-mail. Eliminare il carattere, o riscrivere la parola che lo contiene.

yaml-alias-repetition = il file ripete troppe volte gli alias YAML (`*nome`)
    .hint = scrivere il testo per intero invece di usare ancore (`&nome`) e alias (`*nome`)
    .spiegazione =
        Il file usa alias (`*nome`) che copiano altri valori così tante volte che leggerlo richiederebbe troppo tempo, perciò viene rifiutato.
        I file di contenuto non hanno bisogno di ancore e alias: scrivere ogni testo per intero dove serve.

yaml-unclosed-quote = le virgolette `{ $quote }` aperte qui non vengono mai chiuse
    .hint = terminare il testo con `{ $quote }` sulla stessa riga
    .spiegazione =
        Un testo inizia con le virgolette ma non termina con le stesse, quindi YAML legge il resto del file come parte del testo.
        Aggiungere le virgolette di chiusura alla fine del testo. Dentro un testo tra virgolette doppie le virgolette si scrivono `\"`; tra virgolette semplici, `''`.

yaml-unclosed-bracket = la `{ $open }` aperta qui non viene mai chiusa con `{ $close }`
    .hint = aggiungere `{ $close }` alla fine, oppure scrivere gli elementi come righe `- `
    .spiegazione =
        Qui si apre un elenco tra parentesi quadre o un gruppo tra parentesi graffe che non viene mai chiuso.
        Chiuderlo alla fine, o meglio scrivere gli elementi uno per riga, ciascuno preceduto da `- `, come negli altri file.

yaml-bad-indentation = questa riga non ha lo stesso rientro delle righe vicine
    .hint = le chiavi dello stesso gruppo iniziano nella stessa colonna; gli elementi di un elenco iniziano con `- ` sotto la loro chiave (usare spazi, non tabulazioni)
    .spiegazione =
        In YAML il rientro (gli spazi a inizio riga) indica che cosa appartiene a che cosa. Questa riga inizia in una colonna che non corrisponde a nessun gruppo sopra di essa.
        Allinearla alle righe dello stesso gruppo; gli elementi di un elenco iniziano con `- ` un po' più a destra della loro chiave.

yaml-invalid = qui il file non è YAML valido: { $detail }
    .hint = confrontare questa riga con una corretta di un altro file (rientro, virgolette, `- ` per gli elementi di un elenco)
    .spiegazione =
        La lettura del YAML si è fermata in questo punto; il dettaglio dopo i due punti è la descrizione del problema data dal lettore YAML (in inglese).
        Confrontare la riga, e quella precedente, con un file corretto: di solito la causa è il rientro, una virgoletta o un `- ` mancante.

yaml-list-line-without-dash = questa riga ha il rientro degli elementi dell'elenco, ma non inizia con `- `
    .hint = se è un elemento dell'elenco, farla iniziare con `- `; se è una nuova chiave (come `non_smartizzabili:`), toglierle il rientro, così che inizi nella stessa colonna della chiave dell'elenco
    .spiegazione =
        In un elenco ogni elemento inizia con `- `, tutti con lo stesso rientro. Una riga con quel rientro ma senza trattino non è né un elemento né una chiave: capita quando si perde il trattino di un'attività, o quando una chiave come `non_smartizzabili:` viene rientrata come le attività sopra di lei.
        Aggiungere `- ` all'inizio dell'attività, oppure portare la chiave all'inizio della riga.

yaml-line-without-key = questa riga non è né una chiave (`chiave: valore`) né un elemento di un elenco (`- testo`)
    .hint = se è un'attività, scriverla come `- testo` sotto il suo elenco, con lo stesso rientro delle altre; se continua il testo della riga sopra, rientrarla più di quella riga
    .spiegazione =
        Ogni riga di un file di contenuto è una chiave seguita da `:` e dal suo valore, un elemento di un elenco che inizia con `- `, o la continuazione, più rientrata, del testo della riga sopra. Una riga di solo testo all'inizio della riga non è nessuna di queste.
        Trasformarla in un'attività (`- testo`) nell'elenco giusto, oppure rientrarla se continua il testo sopra.

yaml-colon-in-text = questo testo contiene `: ` (due punti e spazio), che YAML legge come una chiave seguita da un valore
    .hint = racchiudere l'intero testo tra virgolette doppie: { $quoted }
    .spiegazione =
        In YAML i due punti seguiti da uno spazio separano una chiave dal suo valore, quindi un'attività come `Taxi e NCC: istruire gli atti` viene letta come una chiave e non come testo.
        Racchiudere l'intero testo tra virgolette doppie:

            smartizzabili:
              - "Taxi e NCC: istruire gli atti"

## La struttura di ogni file (yaml/schema.rs)

yaml-not-a-map = il file dovrebbe essere una serie di chiavi (righe `chiave: valore`), ma { $found ->
        [null] non contiene nulla
        [bool] è un valore sì/no
        [number] è un numero
        [list] è un elenco
        [map] è un gruppo di chiavi
        [tagged] è un valore con un tag
       *[text] è un testo
    }
    .hint = { $record ->
        [site] scrivere almeno `ente`, `titolo`, `base_url` e `aggiornato_il`
        [page] scrivere almeno `titolo: Titolo della pagina`
       *[unit] scrivere il `nome` dell'unità e le sue attività, come negli altri file
    }
    .spiegazione =
        Un file di contenuto è una serie di righe `chiave: valore`; questo all'inizio contiene altro (un testo isolato, un elenco).
        Iniziare il file con le sue chiavi, come gli altri file dello stesso tipo.

yaml-missing-key-in = manca la chiave obbligatoria `{ $key }` { $record ->
        [site] nelle impostazioni del sito
        [page] nell'intestazione della pagina
        [activity] in questa attività
        [crumb] in questo passaggio di `percorso`
        [fonte] in `fonte`
        [collegamenti] in `collegamenti`
       *[unit] nell'unità
    }
    .hint = aggiungere una riga `{ $key }: ...`
    .spiegazione =
        Manca una chiave che questo gruppo deve avere: un'unità ha bisogno del suo `nome`, le impostazioni del sito di `ente`, `titolo`, `base_url` e `aggiornato_il`, un'attività scritta come gruppo del suo `testo`.
        Aggiungere la chiave con il suo valore, con lo stesso rientro delle altre chiavi del gruppo.

yaml-tag-not-allowed = { $item ->
        [activity] un'attività dell'elenco `{ $key }`
        [item] un elemento dell'elenco `{ $key }`
       *[none] il valore di `{ $key }`
    } ha un tag YAML `!{ $tag }`, che i file di contenuto non usano
    .hint = rimuovere `!{ $tag }`
    .spiegazione =
        Una parola che inizia con `!` davanti a un valore è un tag YAML, che cambia il modo in cui il valore viene letto; i file di contenuto non ne hanno mai bisogno.
        Rimuovere il tag e lasciare il valore come semplice testo.

yaml-bidi-character = { $item ->
        [activity] un'attività dell'elenco `{ $key }`
        [item] un elemento dell'elenco `{ $key }`
       *[none] il valore di `{ $key }`
    } contiene un carattere invisibile che cambia la direzione del testo ({ $code }): la pagina lo mostrerebbe in un ordine diverso da quello in cui è scritto
    .hint = riscrivere il testo senza quel carattere (di solito arriva con testo incollato da altre fonti)
    .spiegazione =
        Il testo contiene un carattere invisibile che inverte la direzione di scrittura (si usa per l'arabo o l'ebraico): la pagina pubblicata mostrerebbe le parole in un ordine diverso da quello del file.
        Riscrivere il testo, oppure cancellare e riscrivere la parte intorno alla posizione indicata.

yaml-only-invisible = { $item ->
        [activity] un'attività dell'elenco `{ $key }`
        [item] un elemento dell'elenco `{ $key }`
       *[none] il valore di `{ $key }`
    } contiene solo caratteri invisibili: sulla pagina non comparirebbe nulla
    .hint = scrivere il testo, oppure eliminare la riga
    .spiegazione =
        Il valore sembra compilato ma contiene solo caratteri invisibili (spazi di larghezza zero, trattini facoltativi), quindi la pagina mostrerebbe una riga vuota.
        Scrivere il testo, oppure eliminare la riga.

yaml-invalid-date = `{ $value }` non è una data valida
    .hint = { $meant ->
        [none] scriverla nella forma AAAA-MM-GG, per esempio 2026-11-26
       *[other] scriverla nella forma AAAA-MM-GG: { $meant }
    }
    .spiegazione =
        Le date si scrivono anno-mese-giorno, con cifre e trattini, perché così le leggono le pagine e i dati aperti.
        Scrivere per esempio `aggiornato_il: 2026-11-26`, non `26/11/2026`.

yaml-not-a-choice = { $item ->
        [activity] un'attività dell'elenco `{ $key }`
        [item] un elemento dell'elenco `{ $key }`
       *[none] il valore di `{ $key }`
    } non può essere `{ $value }`
    .hint = forse si intendeva `{ $suggestion }`?
    .hint-choices = scrivere una di queste parole: { $choices }
    .spiegazione =
        Questa chiave accetta solo alcune parole prestabilite, e quella scritta non è tra queste.
        Scrivere una delle parole indicate nel suggerimento, esattamente come sono scritte; per esempio `altre_attivita: smartizzabili`.

yaml-item-no-text = { $item ->
        [activity] un'attività dell'elenco `{ $key }`
        [item] un elemento dell'elenco `{ $key }`
       *[none] il valore di `{ $key }`
    } non ha testo
    .hint = scrivere il testo, oppure eliminare la riga `-` vuota
    .spiegazione =
        Una riga dell'elenco ha il trattino `-` ma nessun testo dopo, quindi la pagina mostrerebbe un elemento vuoto.
        Scrivere l'attività dopo `- `, oppure eliminare la riga.

yaml-empty-value = { $item ->
        [activity] un'attività dell'elenco `{ $key }` è vuota
        [item] un elemento dell'elenco `{ $key }` è vuoto
       *[none] `{ $key }` non ha un valore
    }
    .hint = scrivere un valore dopo i due punti
    .spiegazione =
        La chiave è presente ma dopo i due punti non c'è alcun valore, mentre questa chiave deve averne uno.
        Scrivere il valore sulla stessa riga, dopo `: `.

yaml-wrong-type = { $item ->
        [activity] un'attività dell'elenco `{ $key }`
        [item] un elemento dell'elenco `{ $key }`
       *[none] il valore di `{ $key }`
    } dovrebbe essere { $expected ->
        [line] una riga di testo
        [integer] un numero intero, come 30
        [date] una data scritta AAAA-MM-GG
        [list] un elenco (una riga `- ` per elemento)
        [record] un gruppo di chiavi (righe `chiave: valore`, rientrate)
        [choice] una delle parole indicate nel suggerimento
       *[text] un testo
    }, ma { $found ->
        [null] non contiene nulla
        [bool] è un valore sì/no
        [number] è un numero
        [list] è un elenco
        [map] è un gruppo di chiavi
        [tagged] è un valore con un tag
       *[text] è un testo
    }
    .hint = racchiudere il valore tra virgolette doppie, così YAML lo legge come testo
    .hint-list = scrivere ogni elemento su una riga a sé, che inizi con `- `
    .hint-choices = scrivere una di queste parole: { $choices }
    .spiegazione =
        Il valore è di un tipo diverso da quello che la chiave si aspetta: un elenco dove serve un testo, un numero dove serve un testo, e così via.
        Un testo che YAML legge come numero o come sì/no (`2026`, `no`) va racchiuso tra virgolette doppie; un elenco si scrive con una riga `- ` per elemento.

## Errori di battitura (yaml/slips.rs)

yaml-slip-dash-without-space = questa riga inizia con `-` senza uno spazio dopo, { $severity ->
        [error] quindi non è un nuovo elemento e YAML non riesce a leggere l'elenco
       *[warning] quindi non è un nuovo elemento: YAML la aggiunge al testo della riga sopra
    }
    .hint = { $severity ->
        [error] iniziare la riga con `- ` (un trattino e uno spazio), come gli altri elementi
       *[warning] se è un nuovo elemento, iniziarlo con `- ` (un trattino e uno spazio) nella stessa colonna dei trattini degli altri elementi
    }
    .spiegazione =
        Un elemento di un elenco inizia con un trattino seguito da uno spazio (`- Sportello`). Senza lo spazio (`-Sportello`) la riga non è un nuovo elemento: YAML la unisce alla riga sopra, oppure non riesce a leggere l'elenco.
        Aggiungere lo spazio dopo il trattino.

yaml-slip-bullet = questa riga inizia con `{ $mark }`, che in YAML non indica un elemento di elenco, { $severity ->
        [error] quindi non è un nuovo elemento e YAML non riesce a leggere l'elenco
       *[warning] quindi non è un nuovo elemento: YAML la aggiunge al testo della riga sopra
    }
    .hint = { $severity ->
        [error] iniziare la riga con `- ` (un trattino e uno spazio) al posto di `{ $mark }`
       *[warning] se è un nuovo elemento, iniziarlo con `- ` (un trattino e uno spazio) nella stessa colonna dei trattini degli altri elementi, al posto di `{ $mark }`
    }
    .spiegazione =
        I punti elenco incollati da un programma di videoscrittura o da una e-mail (`•`, `·`, `–`, `*`) in YAML non indicano un elemento: lo fa solo un trattino seguito da uno spazio.
        Sostituire il punto elenco con `- `, nella stessa colonna degli altri elementi.

yaml-slip-comment = YAML legge ` #` come l'inizio di un commento: `{ $cut }` resta fuori dal testo
    .hint = se fa parte del testo, racchiudere l'intero testo tra { $quotes ->
        [single] virgolette semplici (scrivendo due volte ogni `'` al suo interno)
       *[double] virgolette doppie
    }: { $suggestion }; una nota per chi modifica il file va su una riga a sé
    .spiegazione =
        In YAML un `#` preceduto da uno spazio apre un commento, che non viene pubblicato: il testo che segue viene tagliato via dall'attività.
        Se il `#` fa parte del testo (`n. #12`), racchiudere l'intero testo tra virgolette; una nota per chi modifica il file va su una riga a sé che inizia con `#`.

yaml-slip-quoted-start = il testo inizia con le virgolette, quindi YAML considera { $quoted } come l'intero testo e non riesce a leggere ciò che segue
    .hint = racchiudere l'intero testo tra { $quotes ->
        [single] virgolette semplici (scrivendo due volte ogni `'` al suo interno)
       *[double] virgolette doppie
    }: { $suggestion }
    .spiegazione =
        Per YAML un testo che inizia con le virgolette finisce dove le virgolette si chiudono: in `- 'attività' di portierato` la parte ` di portierato` resta fuori.
        Racchiudere l'intero testo tra virgolette, come mostra il suggerimento.

yaml-slip-double-dash = questa riga inizia con due trattini, quindi YAML legge un elenco dentro l'elenco invece di un testo
    .hint = rimuovere il secondo `-` (probabilmente è stato incollato con il testo); per conservarlo, racchiudere il testo tra { $quotes ->
        [single] virgolette semplici (scrivendo due volte ogni `'` al suo interno)
       *[double] virgolette doppie
    }: { $suggestion }
    .spiegazione =
        `- - dirigente` viene letto come un elenco dentro l'elenco, non come il testo `- dirigente`: di solito il secondo trattino è stato incollato insieme al testo.
        Eliminarlo, oppure racchiudere il testo tra virgolette se il trattino ne fa parte.

yaml-slip-anchor = `&{ $name }` è un'ancora YAML: YAML copia questo valore ovunque sia scritto `*{ $name }`
    .hint = scrivere invece il testo per intero in ogni punto (chi modificherà il file potrebbe non sapere che una modifica qui cambia anche gli altri punti)
    .spiegazione =
        Un'ancora (`&nome`) contrassegna un valore che YAML copia ovunque compaia `*nome`. Funziona, ma chi modificherà il file potrebbe cambiarne un punto senza sapere che cambiano anche gli altri.
        Scrivere il testo per intero in ogni punto.

yaml-slip-alias = `*{ $name }` è un alias YAML: il valore pubblicato qui è quello scritto in `&{ $name }`
    .hint = scrivere qui il testo per intero al posto di `*{ $name }`
    .spiegazione =
        Un alias (`*nome`) pubblica in questo punto una copia del valore contrassegnato con `&nome` in un'altra parte del file: ciò che si legge qui non è ciò che viene pubblicato.
        Scrivere il testo per intero al posto dell'alias.

yaml-slip-standard-tag = `{ $tag }` è un tag YAML, che i file di contenuto non usano: il valore viene letto come il testo che lo segue
    .hint = rimuovere `{ $tag }`
    .spiegazione =
        Una parola che inizia con `!!` è un tag di tipo YAML; il programma lo ignora e legge il testo che segue.
        Rimuovere il tag, così il file mostra esattamente ciò che viene pubblicato.

yaml-slip-star = il testo inizia con `*`, che YAML legge come un rimando a un'ancora (`*nome`)
    .hint = rimuovere l'asterisco `*` (il `- ` basta già a creare l'elemento), oppure racchiudere l'intero testo tra { $quotes ->
        [single] virgolette semplici (scrivendo due volte ogni `'` al suo interno)
       *[double] virgolette doppie
    }: { $suggestion }
    .spiegazione =
        In YAML un testo che inizia con `*` è un rimando a un valore contrassegnato altrove, non un testo: `- * Protocollo` non può essere letto.
        Rimuovere l'asterisco (il `- ` basta già a creare l'elemento), oppure racchiudere il testo tra virgolette.

## Frammenti

# Una chiave che non è un testo (un elenco o un gruppo scritto come chiave),
# mostrata al posto del suo nome in `yaml-unknown-key`.
yaml-key-not-text = (un elenco o un gruppo usato come chiave)
