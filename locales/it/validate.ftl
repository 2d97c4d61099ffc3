# Controlli tra campi e tra file (validate.rs): i diagnostici di `check`, `build` e `serve`. L'id è il codice stabile.

validate-invalid-file-name = `{ $slug }` non è un nome di file valido per il sito: i nomi possono contenere solo lettere minuscole, cifre e singoli trattini
    .hint = rinominare il file in `{ $suggestion }.{ $ext }`
    .spiegazione =
        Il nome del file diventa l'indirizzo della sua pagina, quindi può contenere solo lettere minuscole non accentate, cifre e singoli trattini.
        Rinominare il file come suggerito, per esempio `ufficio-tributi.yaml` invece di `Ufficio Tributi.yaml`.

validate-reserved-name = il nome `{ $slug }` è già usato da una pagina creata dal programma
    .hint = rinominare il file, per esempio in `ufficio-{ $slug }`
    .spiegazione =
        Alcuni indirizzi (`tabella`, `cerca`, `archivio`, `assets`, ...) appartengono a pagine create dal programma; un file con lo stesso nome ne prenderebbe il posto.
        Rinominare il file con un nome più lungo.

validate-name-taken = il nome `{ $slug }` è già usato da { $other }: due file verrebbero pubblicati allo stesso indirizzo
    .hint = rinominare uno dei due file
    .spiegazione =
        Due file danno lo stesso nome alla loro pagina (per esempio `tributi.yaml` e `tributi.md`), ma a un indirizzo si può pubblicare una sola pagina.
        Rinominare uno dei due file.

validate-update-in-future = `aggiornato_il` è { $date }, una data successiva a oggi ({ $today }): ogni pagina mostrerebbe un aggiornamento non ancora avvenuto
    .hint = scrivere il giorno dell'ultimo aggiornamento del catalogo, per esempio la data dell'atto
    .spiegazione =
        La data dell'ultimo aggiornamento è successiva a oggi, e ogni pagina la mostra al pubblico.
        Scrivere la data dell'ultimo aggiornamento effettivo, per esempio quella dell'atto che ha approvato il catalogo.

validate-in-force-too-long = il catalogo è in vigore dal { $since }, da più di { $years } { $years ->
        [one] anno
       *[other] anni
    }, senza una data di fine: ogni pagina riporta "In vigore"
    .hint = se un atto più recente lo ha sostituito, aggiungere `valido_al` (l'ultimo giorno di vigenza) o pubblicare il nuovo catalogo
    .spiegazione =
        Il catalogo ha un inizio di validità (`valido_dal`) di alcuni anni fa e nessuna fine (`valido_al`), quindi ogni pagina riporta ancora "In vigore". Un PIAO copre tre anni.
        È solo una nota: se l'atto è ancora in vigore non occorre cambiare nulla; altrimenti aggiungere `valido_al`, oppure archiviarlo e pubblicare il nuovo catalogo.

validate-base-url-credentials = il base_url contiene un nome utente o una password (`...@` prima del nome del server): verrebbe pubblicato in ogni pagina e nei dati aperti
    .hint = rimuovere la parte fino a `@` (l'indirizzo del sito pubblicato non richiede accesso); se era una password vera, cambiarla
    .spiegazione =
        L'indirizzo in `base_url` contiene un nome utente o una password, che comparirebbero in ogni collegamento, nella mappa del sito e nei dati aperti.
        Rimuovere la parte prima di `@`; se la password era vera, chiederne la modifica, perché potrebbe già trovarsi nella cronologia dei file.

validate-base-url-is-a-page = `{ $url }` è l'indirizzo di una pagina, non della cartella del sito: ogni indirizzo del sito starebbe sotto di essa (`{ $url }/nome-unita/`), nelle pagine, nella mappa del sito e nei dati aperti
    .hint = scrivere l'indirizzo della cartella: `base_url: { $folder }`
    .spiegazione =
        `base_url` è l'indirizzo della cartella in cui sarà pubblicato il sito, non di una sua pagina: copiato dalla barra del browser può terminare con `index.html` o con `.php`, e da esso si costruirebbero indirizzi sbagliati.
        Togliere il nome della pagina e lasciare la cartella, che termina con `/`.

validate-ipa-code-unlikely = `{ $code }` non sembra un codice IPA: i codici dell'Indice dei domicili digitali della PA sono brevi e senza spazi (per esempio `c_h501` per un Comune), e viene pubblicato come identificativo dell'ente nei dati aperti
    .hint = il codice dell'ente si legge su www.indicepa.gov.it; se non lo si conosce, togliere la riga `codice_ipa`
    .spiegazione =
        `codice_ipa` è il codice dell'ente nell'Indice dei domicili digitali della Pubblica Amministrazione (IPA): viene pubblicato nei metadati DCAT-AP_IT, dove identifica chi pubblica i dati per dati.gov.it.
        È breve, fatto di lettere, cifre e trattini bassi (i Comuni hanno `c_` seguito dal codice catastale, per esempio `c_h501`); un nome o una frase lì pubblicherebbe un identificativo falso.

validate-area-spelt-two-ways = l'area `{ $area }` è scritta `{ $other }` in { $file }: la pagina principale mostrerebbe due aree al posto di una
    .hint = scrivere il nome dell'area allo stesso modo in tutti i file (maiuscole e spazi compresi), come nell'atto
    .spiegazione =
        La pagina principale raggruppa le unità per area usando il testo di `area` così come è scritto: `Area Finanziaria` e `Area finanziaria` (o con uno spazio in più) diventano due aree distinte, ciascuna con le sue unità.
        Scrivere l'area in modo identico in ogni file di unità.

validate-unit-name-twice = l'unità `{ $name }` ha lo stesso nome dell'unità di { $file }: sarebbero pubblicate due unità con lo stesso nome dove l'atto ne ha una
    .hint = se è la stessa unità, riunire le sue attività in un solo file e cancellare l'altro; se sono due unità diverse, scriverne il nome come nell'atto, che le distingue (per esempio con la sede)
    .spiegazione =
        Ogni file di `content/` è un'unità organizzativa con la sua pagina. Due file con lo stesso `nome` nella stessa area (per esempio la copia di un file fatta nell'editor web, o un secondo import) pubblicano due unità omonime, contate due volte.
        Riunire le attività in un file solo, oppure dare a ciascuna unità il nome che ha nell'atto. Lo stesso nome in due aree diverse (una `Segreteria` per area) è ammesso.

validate-common-activity-repeated = l'attività "{ $text }" è già tra quelle comuni a tutti gli uffici (`{ $common }` di `_sito.yaml`): qui, in `{ $list }`, sarebbe pubblicata e contata una seconda volta per questa unità
    .hint = toglierla da questo file, perché vale già per tutti gli uffici; oppure toglierla da `_sito.yaml`, se non è comune a tutti
    .spiegazione =
        Le attività elencate in `_sito.yaml` valgono per ogni unità e compaiono nella pagina di ciascuna. Se un'unità le ripete nel proprio file, la sua pagina e i conteggi le riportano due volte.
        Tenere ogni attività in un solo posto: in `_sito.yaml` se è di tutti gli uffici, nel file dell'unità se è solo sua.

validate-invalid-base-url = `{ $url }` non è un base_url valido: deve essere un indirizzo http(s) completo, come https://www.comune.esempio.it/amministrazione-trasparente/lavoro-agile/
    .spiegazione =
        `base_url` è l'indirizzo completo a cui sarà pubblicato il sito; da esso si costruiscono i collegamenti, la mappa del sito e i dati aperti.
        Scriverlo per intero, iniziando con `https://` e terminando con `/`.

validate-invalid-colour = `{ $colour }` non è un colore
    .hint = scriverlo come "#rrggbb" tra virgolette, per esempio "#006643"
    .spiegazione =
        `colore_primario` si scrive come colore esadecimale: `#` seguito da sei cifre o lettere dalla a alla f.
        Va racchiuso tra virgolette, perché YAML considera commento tutto ciò che segue ` #`: `colore_primario: "#006643"`.

validate-colour-too-light = `{ $colour }` è troppo chiaro: il testo bianco su questo colore ha un contrasto di { $ratio }:1, mentre l'accessibilità (WCAG AA) richiede almeno 4,5:1
    .hint = scegliere una tonalità più scura del colore dell'ente
    .spiegazione =
        Il sito scrive testo bianco sul colore principale; su un colore chiaro quel testo si legge a fatica, e le regole di accessibilità (WCAG 2.1 AA, obbligatorie per le pubbliche amministrazioni) chiedono un contrasto di almeno 4,5:1.
        Scegliere una tonalità più scura dello stesso colore.

validate-dates-reversed = `valido_al` ({ $until }) viene prima di `valido_dal` ({ $since })
    .hint = verificare le due date: l'atto è in vigore da `valido_dal` a `valido_al`
    .spiegazione =
        La fine della validità precede il suo inizio, quindi il periodo mostrato sulle pagine non avrebbe senso.
        Verificare le due date sull'atto: potrebbero essere state scambiate.

validate-not-a-web-address = `{ $key }` non è un indirizzo web: `{ $url }`
    .hint = scrivere l'indirizzo completo, che inizia con https://
    .spiegazione =
        Questa chiave contiene un collegamento mostrato sulle pagine, che deve essere un indirizzo web completo.
        Scriverlo iniziando con `https://`, come copiato dalla barra degli indirizzi del browser.

validate-unknown-licence = licenza sconosciuta `{ $licence }`
    .hint = usare una di queste licenze: { $licences }
    .spiegazione =
        `licenza` indica la licenza dei dati aperti con uno di pochi codici prestabiliti, e quello scritto non è tra questi.
        Usare uno dei codici elencati nel suggerimento, oppure rimuovere la chiave per usare la licenza predefinita.

validate-citation-without-rule = `altre_attivita_citazione` senza `altre_attivita`: le parole dell'atto non vengono pubblicate
    .hint = aggiungere `altre_attivita: smartizzabili` oppure `altre_attivita: non_smartizzabili`, come dice la frase citata
    .spiegazione =
        `altre_attivita_citazione` riporta la frase dell'atto che dice che cosa vale per le attività non elencate; le pagine la citano sotto la regola, cioè sotto `altre_attivita`.
        Senza `altre_attivita` nello stesso file la citazione non compare da nessuna parte: scrivere la regola che la frase esprime (`smartizzabili` se le altre attività si svolgono in lavoro agile, `non_smartizzabili` se si svolgono in presenza), oppure togliere la citazione.

validate-catalogue-empty = il catalogo non elenca alcuna attività
    .hint = aggiungere un file per ogni unità in content/, oppure gli elenchi `smartizzabili:` / `non_smartizzabili:` (e `altre_attivita:`) qui in _sito.yaml
    .spiegazione =
        Il sito non ha unità e `_sito.yaml` non elenca attività, quindi ogni pagina sarebbe vuota.
        Aggiungere un file per ogni unità organizzativa in `content/` (o importare il catalogo con `trasparenza import`) oppure, per un atto senza uffici, scrivere gli elenchi in `_sito.yaml`.

validate-catalogue-one-sided = il catalogo non elenca alcuna attività in `{ $list }` e non dice cosa vale per le attività non elencate: le pagine direbbero che non ce n'è nessuna ("0 { $label }")
    .hint = scrivere qui ciò che l'atto dice delle attività non elencate: `altre_attivita: smartizzabili` oppure `altre_attivita: non_smartizzabili`
    .spiegazione =
        Nessuna unità e nessun elenco di `_sito.yaml` contiene attività da un lato (per esempio nessuna smartizzabile), e nessuna regola `altre_attivita` dice cosa vale per le attività che l'atto non elenca. La pagina iniziale pubblicherebbe allora "0 smartizzabili (0%)" e la pagina di ogni unità "Nessuna attività", mentre un atto che elenca un solo lato di solito dice che tutte le altre attività sono dell'altro (per esempio "le attività non elencate sono svolte in lavoro agile").
        Se l'atto lo dice, scriverlo una volta in `_sito.yaml`: `altre_attivita: smartizzabili` oppure `altre_attivita: non_smartizzabili`; vale per ogni unità che non ne indichi una propria. Se l'atto non lo dice, il catalogo pubblicherebbe un conteggio che l'atto non contiene: verificarlo con chi ha redatto l'atto.
        Vale per l'edizione corrente: un'edizione archiviata in `content/_archivio/` riproduce l'atto com'era pubblicato e non ha questo avviso.

validate-unit-one-sided = l'unità non elenca alcuna attività in `{ $list }` e nessuna regola dice cosa vale per quelle non elencate: la sua pagina direbbe "Nessuna attività" e la pagina iniziale "0 { $label }"
    .hint = scrivere ciò che l'atto dice delle attività non elencate: `altre_attivita: smartizzabili` oppure `altre_attivita: non_smartizzabili`, qui o in `_sito.yaml` per tutte le unità
    .spiegazione =
        L'unità elenca attività da un solo lato, non ha `altre_attivita` e nemmeno `_sito.yaml` ne ha una: la sua pagina pubblicherebbe "Nessuna attività" sotto l'altro lato e la sua scheda nella pagina iniziale "0", come se l'atto dicesse che non ce n'è nessuna. Di solito l'atto dice invece cosa vale per le attività non elencate.
        Scrivere quella regola: `altre_attivita: smartizzabili` oppure `altre_attivita: non_smartizzabili` nel file dell'unità, oppure una volta in `_sito.yaml` se vale per tutte. Se l'atto elenca davvero tutte le attività dell'unità, `altre_attivita` con il lato elencato lo dice in modo esplicito.
        Vale per l'edizione corrente: un'edizione archiviata in `content/_archivio/` riproduce l'atto com'era pubblicato e non ha questo avviso.

validate-unit-is-the-body = l'unica unità, "{ $name }", porta il nome dell'intero ente: sarebbe pubblicata come un ufficio con una pagina propria
    .hint = un elenco che vale per tutto l'ente va in `_sito.yaml` (`smartizzabili:`, `non_smartizzabili:`, `altre_attivita:`), senza file di unità
    .spiegazione =
        Il catalogo ha una sola unità e il suo nome è quello dell'ente (o "Ente", "Tutti gli uffici"): è l'elenco di un atto senza uffici scritto come se fosse un ufficio, e il sito pubblicherebbe una pagina e una scheda per un'unità organizzativa che non esiste.
        Spostare gli elenchi in `_sito.yaml` (le chiavi `smartizzabili`, `non_smartizzabili` e `altre_attivita`, come nel file dell'unità) ed eliminare il file dell'unità; la pagina iniziale mostrerà le attività dell'ente.
        Vale per l'edizione corrente: un'edizione archiviata in `content/_archivio/` riproduce l'atto com'era pubblicato e non ha questo avviso.

validate-unit-no-activities = l'unità non ha attività
    .hint = aggiungere almeno un'attività sotto `smartizzabili:` o `non_smartizzabili:`, oppure indicare `altre_attivita: smartizzabili` (o `non_smartizzabili`) per tutte
    .spiegazione =
        Un'unità deve elencare almeno un'attività, oppure indicare con `altre_attivita` come sono classificate tutte le sue attività.
        Per esempio:

            nome: Ufficio Tributi
            smartizzabili:
              - Istruttoria delle istanze di rimborso

validate-duplicate-activity = la stessa attività compare più volte in `{ $list }`: "{ $text }"
    .hint = è già alla riga { $line }; eliminare questa copia, oppure lasciarla se l'atto la ripete
    .spiegazione =
        Lo stesso testo compare due volte nello stesso elenco, e la pagina lo mostrerebbe due volte.
        Eliminare la copia alla riga indicata, a meno che non sia l'atto stesso a ripeterla.

validate-stray-dash-at-end = l'attività termina con un trattino isolato
    .hint = verificare che il testo non sia stato troncato durante la copia
    .spiegazione =
        Il testo termina con un trattino: di solito è il segno che il resto della frase si è perso copiandola dall'atto.
        Confrontarlo con l'atto e completarlo.

validate-stray-mark-at-start = l'attività inizia con un `{ $mark }` di troppo
    .hint = rimuoverlo: il `- ` a inizio riga basta già a creare l'elemento (probabilmente il testo è stato incollato da un elenco)
    .spiegazione =
        Il testo inizia con un trattino o un punto elenco incollato da un elenco, che la pagina mostrerebbe prima dell'attività.
        Eliminarlo: basta il `- ` a inizio riga.

validate-activity-in-both-lists = l'attività "{ $text }" è sia smartizzabile sia non smartizzabile
    .hint = tenerla in uno solo dei due elenchi
    .spiegazione =
        La stessa attività compare in `smartizzabili` e in `non_smartizzabili` della stessa unità, e le due cose non possono essere vere insieme.
        Verificare l'atto e lasciarla solo nell'elenco giusto.

validate-activity-in-two-lists = l'attività "{ $text }" è sia in `{ $first }` sia in `{ $second }`
    .hint = tenerla in uno solo dei due elenchi
    .spiegazione =
        La stessa attività compare in due elenchi della stessa unità (per esempio in `smartizzabili` e in `parzialmente_smartizzabili`), e le due cose non possono essere vere insieme.
        Verificare l'atto e lasciarla solo nell'elenco giusto: un'attività che l'atto consente in lavoro agile solo in parte, a rotazione o a certe condizioni va in `parzialmente_smartizzabili`, con la sua `condizione`.
