# Le frasi proprie del resoconto di import (src/import/): dove si trova una
# cosa nel file importato, che cosa è stato ignorato o è dubbio, perché un
# piano viene rifiutato, ogni modifica a un'unità. Le righe del comando
# intorno a queste sono in cmd.ftl.

## Posizioni nel file importato (import/mod.rs e i lettori)

# $table: il nome di una tabella (import-label-*); $cell: B5.
import-place-cell = { $table }, cella { $cell }
import-place-row = { $table }, riga { $row }
import-place-row-column = { $table }, riga { $row }, colonna { $column }
import-place-line = riga { $line }
import-place-line-column = riga { $line }, colonna { $column }
import-place-outside = fuori dalle tabelle
import-label-table = tabella { $n }
import-label-table-named = tabella { $n } ({ $name })
import-label-sheet = foglio { $name }
import-label-file = il file
import-label-text = il testo

## Che cosa il lettore del catalogo ha ignorato o trova dubbio (import/catalogue.rs)

# $first: la prima riga, con le celle tra virgolette.
import-no-header = { $rows ->
        [one] ignorata 1 riga
       *[other] ignorate { $rows } righe
    }: nessuna riga di intestazione indica l'unità organizzativa e le attività (la tabella comincia con { $first })
import-title-above-header = ignorata: è un titolo sopra la riga di intestazione: { $row }
import-header-repeated = ignorata: è la riga di intestazione ripetuta (come in cima a una pagina)
import-not-a-row = ignorata: non è una riga della tabella (nella riga non c'è un tabulatore): "{ $text }"
import-outside-not-read = { $count ->
        [one] 1 paragrafo non letto (il catalogo si legge solo dalle tabelle): "{ $first }"
       *[other] { $count } paragrafi non letti (il catalogo si legge solo dalle tabelle), il primo: "{ $first }"
    }
import-column-no-header = questa colonna non ha un'intestazione: il suo testo ({ $rows ->
        [one] 1 riga
       *[other] { $rows } righe
    }) non è stato importato
import-column-not-read = la colonna "{ $name }" non fa parte del catalogo: il suo testo ({ $rows ->
        [one] 1 riga
       *[other] { $rows } righe
    }) non è stato importato
import-column-not-read-no-unit = la colonna "{ $name }" non è stata letta ({ $rows ->
        [one] 1 riga
       *[other] { $rows } righe
    }), e la tabella non ha una colonna dell'unità: le sue attività sono importate per tutto l'ente; se la colonna nomina gli uffici, intitolarla "Ufficio" e importare di nuovo
import-no-unit = ignorata: attività senza un'unità organizzativa indicata in questa riga o in quelle sopra
import-joined = ricongiunta alla voce precedente, come una frase spezzata a fine pagina: "…{ $before }" + "{ $after }…"
import-no-activity = ignorata: in questa riga non c'è un'attività
import-kind-unclear = ignorata: `{ $value }` non dice se l'attività è smartizzabile (scrivere sì o no)
import-kind-empty = ignorata: "{ $activity }": la cella è vuota e non dice se l'attività è smartizzabile (scrivere sì o no)
import-total-row = ignorata: è una riga di totali, non un'unità né un'attività: { $row }
import-sheet-hidden = { $rows ->
        [one] ignorata 1 riga
       *[other] ignorate { $rows } righe
    }: il foglio è nascosto nella cartella di lavoro; per leggerlo, sceglierlo con --sheet
import-list-none = "{ $text }": per l'atto l'elenco { $list } è vuoto; non è un'attività e non è stata importata
import-unit-in-two-sheets = "{ $unit }" compare anche in un altro foglio ({ $first }): le attività dei due fogli sono importate insieme, in un'unica unità; se un foglio è una versione precedente del catalogo, importare solo quello giusto con --sheet NOME
import-formula-error = ignorata: la cella mostra `{ $error }`, l'errore di una formula del foglio, non un testo dell'atto; correggere la formula (o scrivere il testo) e importare di nuovo: { $row }
import-condition-not-partial = condizione non importata: "{ $condition }" accompagna un'attività che l'atto non dice svolta solo in parte (una condizione è solo delle attività parzialmente smartizzabili)
import-run-together = questa voce di "{ $unit }" sembra contenere più attività scritte di seguito: "{ $start }…"; controllarla e dividerla nel file dell'unità
import-no-activities = "{ $unit }" non ha attività: per questa unità non viene scritto alcun file

## File che non si possono leggere (i lettori)

import-cannot-read = impossibile leggere { $path }: { $error }
import-too-many-cells = le tabelle di questo file hanno più di { $max } celle (contando quelle unite e ripetute): non è un catalogo
import-too-many-cells-hint = importare il file che contiene solo la tabella dell'atto
import-csv-unreadable = riga { $line }: questo file CSV non si può leggere: { $error }
import-csv-unreadable-hint = una virgoletta `"` aperta in una cella non viene mai chiusa; oppure scegliere il separatore con --delimiter
import-html-too-deep = { $place }: l'HTML ha più di { $max } livelli di elementi uno dentro l'altro; nessuna tabella di un atto ne ha tanti, e anche i browser si fermano lì: non letto
import-html-too-deep-hint = salvare di nuovo la pagina dal programma che l'ha creata, oppure copiare la tabella in un file .docx o .txt
# $kind: .xlsx, .xls o .ods
import-sheet-damaged = impossibile leggere questo foglio di calcolo { $kind }: { $error }
import-sheet-damaged-hint = aprirlo in Excel o LibreOffice Calc e salvarlo di nuovo come { $kind }
import-no-such-sheet = non c'è un foglio di nome `{ $name }`
# $sheets: i nomi, ciascuno tra apici inversi, separati da virgole.
import-no-such-sheet-hint = i fogli sono: { $sheets }
import-sheet-unreadable = impossibile leggere il foglio `{ $name }`: { $error }
# $member: word/document.xml; $kind: .docx o .odt
import-xml-member = { $member } di questo file { $kind }
# $what: import-xml-member
import-xml-damaged = { $what } è danneggiato: { $error } (al byte { $byte })
import-xml-damaged-hint = aprirlo in Word o LibreOffice e salvarlo di nuovo
import-not-zip = questo non è un file { $kind } (non è un archivio zip)
import-save-again-hint = salvarlo di nuovo come { $kind } da Word o LibreOffice
import-no-member = questo file { $kind } non contiene { $member }
import-member-too-large = { $member } di questo file { $kind } supera { $mib } MiB una volta estratto: non è un catalogo
import-text-too-long = più di { $mib } MiB di testo senza marcatori; nessuna tabella di un atto ne contiene tanto

## Il piano (import/target.rs, import/update.rs)

import-root-not-a-folder = --root { $root }: è un file, non una cartella: indicare la cartella del sito (quella che contiene content/)
import-conflict-link = { $path } è un collegamento simbolico, o si trova in una cartella collegata: import non scrive attraverso i collegamenti
# $backup: content/.trasparenza-backup
import-conflict-link-hint = --force scrive nel file a cui porta il collegamento (una copia viene conservata in { $backup }/)
import-conflict-line-ends = { $path } non può essere aggiornato sul posto: ha dei fine riga che import non conserva (un CR isolato)
# $why: uno dei messaggi import-list-*
import-conflict-update = { $path } non può essere aggiornato sul posto: { $why }
import-conflict-replace-hint = --force lo sostituisce per intero (una copia viene conservata in { $backup }/)
import-conflict-unreadable = { $path } esiste già e non si legge come un'unità (`trasparenza check` spiega perché)
import-conflict-not-a-unit = { $path } esiste già e non è un file di unità che import possa aggiornare
import-conflict-exists-hint = correggerlo o spostarlo altrove, oppure eseguire di nuovo con --force per sostituirlo (una copia viene conservata in { $backup }/)
import-conflict-outside = { $path } porta fuori da { $content }: import scrive solo lì
import-conflict-source = { $path } è il file che si sta importando: import sostituirebbe ciò che legge
# $unit: il nome dell'unità; $base: l'indirizzo che prenderebbe; $file: content/x.yaml
import-renamed-page = { $unit } sarebbe pubblicata in { $base }/, ma quell'indirizzo è della pagina aggiuntiva { $page }: viene scritta in { $file }
import-renamed-reserved = { $unit } sarebbe pubblicata in { $base }/, ma il programma crea già una pagina con quel nome: viene scritta in { $file }
import-renamed-taken = { $unit } sarebbe pubblicata in { $base }/, ma quel nome è di un altro file del sito: viene scritta in { $file }
import-removal-not-imported = non presente nel file importato
import-kept-renamed = { $path } ("{ $old }") ha almeno metà delle sue attività (e più di una) in comune con la nuova unità "{ $new }": se l'atto l'ha rinominata, entrambe sarebbero pubblicate con le stesse attività: in tal caso eliminare { $path }
import-removal-example = l'unità di esempio creata da `trasparenza init`
import-write-nothing = impossibile scrivere { $path }: { $error }; non è stato scritto nulla
import-write-partly = impossibile scrivere { $path }: { $error } ({ $written ->
        [one] 1 file scritto
       *[other] { $written } file scritti
    } su { $total }; nessun file esistente era stato sostituito)
import-backup-is-link = { $path } è un collegamento simbolico
# Perché il file di un'unità non può essere aggiornato sul posto; $key: smartizzabili | non_smartizzabili
import-list-moved = il suo elenco `{ $key }` non è dove era stato letto
import-list-not-at-margin = il suo elenco `{ $key }` non è scritto come `chiave:` all'inizio di una riga
import-list-empty = il suo elenco `{ $key }` non ha voci
import-list-not-one-per-line = il suo elenco `{ $key }` non è scritto con una voce per riga `- `
import-list-indistinct = il suo elenco `{ $key }` ha voci che import non sa distinguere
import-list-unplaceable = il suo elenco `{ $key }` ha una riga che import non sa collocare
# Un difetto di chi scrive i file (un file non pubblicherebbe ciò che è stato importato).
import-bug-unreadable = { $path } riletto non è valido: { $error }
import-bug-different = { $path } riletto è diverso dal testo importato

## Una modifica di un'unità aggiornata (import/target.rs); $smart: yes | no

import-change-added = + aggiunta a { $list ->
        [smartizzabili] smartizzabili
        [parzialmente_smartizzabili] parzialmente smartizzabili
       *[non_smartizzabili] non smartizzabili
    }: { $text }
import-change-removed = - rimossa da { $list ->
        [smartizzabili] smartizzabili
        [parzialmente_smartizzabili] parzialmente smartizzabili
       *[non_smartizzabili] non smartizzabili
    }: { $text }
import-change-moved = > spostata in { $list ->
        [smartizzabili] smartizzabili
        [parzialmente_smartizzabili] parzialmente smartizzabili
       *[non_smartizzabili] non smartizzabili
    }: { $text }
import-change-changed = ~ modificata: { $before } -> { $after }
import-change-note-dropped = la nota scritta nel file per "{ $text }" va via con l'attività (ne resta la copia di backup): "{ $note }"
