## Il livello dei comandi (src/cmd/output.rs): ogni frase che i comandi
## stampano oltre alla diagnostica. Id: cmd-<comando>-<cosa>; i cmd-* senza
## comando sono condivisi. I numeri arrivano come numeri (i plurali li usano
## per scegliere); $counts è il testo di cmd-counts; i percorsi sono come indicati.
## I selettori passati dal codice come parole fisse (mai testo tradotto) sono
## nominati nel commento sopra ogni messaggio.

## Etichette delle righe che la stampa scrive

cmd-error = errore: { $message }
cmd-warning = avviso: { $message }
# La riga sotto un messaggio che dice che cosa fare (dopo due spazi e "= ").
cmd-hint = suggerimento: { $hint }

## Ogni comando che legge un sito (cmd/mod.rs)

# $problem: not-a-folder | missing | unreadable
cmd-site-folder = la cartella del sito { $root } { $problem ->
        [not-a-folder] non è una cartella ma un file (usare --root per indicare la cartella del sito, quella che contiene content/)
        [missing] non esiste (usare --root per indicare la cartella del sito, oppure creare un sito con `trasparenza init --root { $root }`)
       *[unreadable] non può essere letta (dare a questo utente il permesso di leggerla, oppure usare --root per indicare la cartella del sito)
    }
# Dopo la diagnostica mostrata: quelle di uno stesso tipo lasciate fuori. $severity: error | warning | note.
cmd-more-like = { $file }: { $severity ->
        [error] { $more ->
            [one] un altro errore come "{ $words }..." non mostrato
           *[other] altri { $more } errori come "{ $words }..." non mostrati
        }
        [note] { $more ->
            [one] un'altra nota come "{ $words }..." non mostrata
           *[other] altre { $more } note come "{ $words }..." non mostrate
        }
       *[warning] { $more ->
            [one] un altro avviso come "{ $words }..." non mostrato
           *[other] altri { $more } avvisi come "{ $words }..." non mostrati
        }
    }
cmd-more-beyond = { $count ->
        [one] un altro avviso o nota non mostrato
       *[other] altri { $count } avvisi e note non mostrati
    }
cmd-json-lists-all = (`trasparenza check --format json` li elenca tutti)
# L'ultima riga del resoconto, quando c'è almeno un errore o un avviso.
cmd-problems = { $errors } { $errors ->
        [one] errore
       *[other] errori
    }, { $warnings } { $warnings ->
        [one] avviso
       *[other] avvisi
    }
# "9 unità, 193 attività, 12 pagine" (comprese le attività di _sito.yaml);
# senza unità (un atto senza uffici: le liste sono tutte in _sito.yaml)
# "12 attività per l'intero ente, 3 pagine".
cmd-counts = { $units ->
        [0] { $activities } attività per l'intero ente
       *[other] { $units } unità, { $activities } attività
    }, { $pages } { $pages ->
        [one] pagina
       *[other] pagine
    }
cmd-strict = --strict: gli avvisi contano come errori.
cmd-stdout-failed = impossibile scrivere sullo standard output: { $error }

## check (cmd/check.rs)

cmd-check-ok = Nessun errore: { $counts }; tutti i collegamenti e le ancore interni portano a destinazione.

## build (cmd/build.rs)

# $refusal: la frase della guardia (write-refused-*).
cmd-build-refused = { $refusal }.
cmd-build-not-built = Il sito non è stato costruito; { $output } non è stato modificato.
cmd-build-waiting = Un'altra costruzione sta scrivendo in { $output }; si attende che termini.
# $into: l'uscita, oppure "uscita -> cartella" quando è un collegamento.
cmd-build-done = Sito costruito in { $into }: { $counts }, { $files } file ({ $kib } KiB) in { $ms } ms

## completions, man (cmd/completions.rs)

cmd-completions-not-a-command = `{ $name }` non è un comando di trasparenza
cmd-completions-man-failed = impossibile scrivere la pagina di manuale: { $error }

## archivia (cmd/archivia.rs)

cmd-archivia-done =
    Archiviato content/ come content/_archivio/{ $name }/ ({ $files } file).
    Prossimo passo: modificare content/ per la nuova edizione (_sito.yaml: periodo, pubblicato_il, aggiornato_il, fonte; poi le unità) e costruire il sito.
cmd-archivia-nothing = Non è stato archiviato nulla: correggere _sito.yaml, oppure indicare il nome dell'edizione con --edizione.
cmd-archivia-has-errors = Non è stato archiviato nulla: l'edizione corrente ha gli errori elencati sopra, che la copia in content/_archivio/ conserverebbe (e il sito non si costruirebbe finché non fossero corretti anche lì); correggerli, poi eseguire di nuovo archivia.
cmd-archivia-no-content = non c'è una cartella content/ in { $root } (usare --root per indicare la cartella del sito)
cmd-archivia-bad-name = `{ $name }` non è un nome di edizione valido: usare lettere minuscole, cifre e trattini singoli
cmd-archivia-bad-name-suggestion = `{ $name }` non è un nome di edizione valido: usare lettere minuscole, cifre e trattini singoli (per esempio `{ $suggestion }`)
cmd-archivia-exists = content/_archivio/{ $name }/ esiste già: un'edizione archiviata non viene mai sovrascritta (scegliere un altro nome con --edizione, oppure eliminare prima quella cartella)
# $action: create | remove | copy | rename
cmd-archivia-cannot = impossibile { $action ->
        [create] creare
        [remove] rimuovere
        [copy] copiare
       *[rename] spostare al suo posto
    } { $path }: { $error }
cmd-archivia-appeared = content/_archivio/{ $name }/ è comparsa durante la copia: non è stato archiviato nulla
cmd-archivia-removed-partial = Rimossa content/_archivio/{ $name }/, una copia parziale lasciata da un archivia interrotto.
cmd-archivia-not-a-plain-file = content/{ $path } non è un file normale (un collegamento?): copiarlo a mano o rimuoverlo, poi eseguire di nuovo archivia
cmd-archivia-cannot-read = impossibile leggere content/: { $error }
cmd-archivia-cannot-read-file = impossibile leggere content/{ $path }: { $error }

## serve (cmd/serve.rs)

cmd-serve-no-signals = impossibile gestire Ctrl-C: { $error }
cmd-serve-cannot-open-site = impossibile aprire la cartella del sito { $root }: { $error } (usare --root per indicare la cartella del sito)
cmd-serve-address-in-use = { $address } è già in uso (c'è un'altra anteprima in esecuzione?); scegliere un'altra porta, per esempio: trasparenza serve --port { $port }
cmd-serve-cannot-watch = impossibile seguire le modifiche della cartella del sito: { $error } (provare --poll)
cmd-serve-on-the-network = in ascolto su { $ip }: gli altri computer della rete possono vedere l'anteprima
# $poll: yes | no
cmd-serve-serving = Anteprima di { $root } su { $url } ({ $poll ->
        [yes] controllo delle modifiche ogni 300 ms
       *[no] seguendo content/ e themes/
    }; Ctrl-C per fermarla)
cmd-serve-stopped = Fermata ({ $signal }).
# $changed: quanti file salvati hanno avviato la costruzione (0 alla prima);
# $path: il primo; $others: quanti altri ($changed - 1);
# $unchanged: yes (nessuna pagina è cambiata) | no.
cmd-serve-built = { $changed ->
        [0] Costruite
       *[other] Ricostruite
    } { $pages } { $pages ->
        [one] pagina
       *[other] pagine
    }, { $files } file in { $ms } ms{ $changed ->
        [0] { "" }
        [one] { " " }(modificato { $path })
       *[other] { " " }(modificati { $path } e { $others ->
            [one] un altro
           *[other] altri { $others }
        })
    }{ $unchanged ->
        [yes] ; nessuna pagina è cambiata
       *[no] { "" }
    }
cmd-serve-rebuild-failed = Ricostruzione non riuscita in { $ms } ms{ $changed ->
        [0] { "" }
        [one] { " " }(modificato { $path })
       *[other] { " " }(modificati { $path } e { $others ->
            [one] un altro
           *[other] altri { $others }
        })
    }: l'anteprima mantiene l'ultimo sito corretto e mostra gli errori su ogni pagina
cmd-serve-build-failed = Costruzione non riuscita in { $ms } ms{ $changed ->
        [0] { "" }
        [one] { " " }(modificato { $path })
       *[other] { " " }(modificati { $path } e { $others ->
            [one] un altro
           *[other] altri { $others }
        })
    }: ogni pagina mostra gli errori finché non vengono corretti
cmd-serve-cannot-open-browser = impossibile aprire il browser ({ $program }: { $error }); aprire { $url } a mano

## import (cmd/import.rs)

cmd-import-sheet-only = --sheet vale solo per i fogli di calcolo (.xlsx, .ods)
cmd-import-delimiter-only = --delimiter vale solo per i file CSV (.csv, .tsv)
cmd-import-encoding-only = --encoding vale solo per i file .csv, .tsv, .txt e .html
cmd-import-unknown-encoding = --encoding `{ $label }` non è una codifica conosciuta (provare utf-8 o windows-1252)
cmd-import-bad-delimiter = --delimiter `{ $delimiter }`: usare `,`, `;`, `tab` o `|`
cmd-import-no-such-file = { $file }: il file non esiste
cmd-import-not-a-file = { $file } non è un file
cmd-import-unknown-format = { $file }: dal nome non si capisce il formato; import legge { $formats }
cmd-import-unknown-format-hint = { $kind ->
        [pdf] un PDF non può essere letto: aprirlo e copiare la tabella in un file .txt, oppure salvarlo come .docx
        [word] aprirlo in Word o LibreOffice e salvarlo come .docx ("Salva con nome", "Documento di Word"), poi importare il .docx
       *[other] salvarlo in uno dei formati letti (per un documento .docx, per un foglio di calcolo .xlsx o .csv), oppure copiare la tabella in un file .txt
    }
cmd-import-no-such-root = --root { $root }: la cartella non esiste
# $flag: " --root CARTELLA", oppure nulla per la cartella corrente.
cmd-import-no-site = { $root } non contiene ancora un sito (manca { $settings })
cmd-import-no-site-hint = eseguire prima `trasparenza init{ $flag }`, poi import
cmd-import-cannot = { $name }: { $error }
# $kind: warning | note
cmd-import-note = { $kind ->
        [warning] avviso
       *[note] nota
    }: { $name }, { $place }: { $message }
cmd-import-no-catalogue = { $name }: nessun catalogo trovato ({ $tables ->
        [one] letta una tabella
       *[other] lette { $tables } tabelle
    })
cmd-import-no-catalogue-hint = la tabella deve avere una riga di intestazione che nomina l'unità (Unità organizzativa, Ufficio, Servizio, ...) e o i due elenchi (Attività smartizzabili, Attività non smartizzabili) o l'attività e una colonna che dice se è smartizzabile; senza colonna dell'unità, i due elenchi o l'attività e la sua modalità (per tutto l'ente); un testo o una pagina, le voci dopo una frase che nomina l'elenco ("Attività indifferibili da rendere in presenza:")
cmd-import-bug-hint = è un difetto di trasparenza import; non è stato scritto nulla
cmd-import-nothing-written = Non è stato scritto nulla.
# $dry_run: yes | no
cmd-import-copied = { $dry_run ->
        [yes] { $count ->
            [one] Verrebbe copiato 1 file
           *[other] Verrebbero copiati { $count } file
        }
       *[no] { $count ->
            [one] Copiato 1 file
           *[other] Copiati { $count } file
        }
    } in { $dir }/:
cmd-import-would-remove = Verrebbe rimosso { $path } ({ $why }).
cmd-import-dry-run = Prova senza scrittura: non è stato scritto nulla.
cmd-import-cannot-back-up = impossibile conservare una copia in { $dir }: { $error }; non è stato scritto nulla
cmd-import-cannot-write = impossibile scrivere { $path }: { $error } ({ $written ->
        [one] 1 file scritto
       *[other] { $written } file scritti
    } su { $total }; le copie di quelli sostituiti sono in { $dir })
cmd-import-cannot-remove = impossibile rimuovere { $path }: { $error }
cmd-import-removed = Rimosso { $path }: { $why }.
cmd-import-wrote = { $count ->
        [one] Scritto 1 file di unità
       *[other] Scritti { $count } file di unità
    } in { $dir }: { $new } { $new ->
        [one] nuovo
       *[other] nuovi
    }, { $updated } { $updated ->
        [one] aggiornato
       *[other] aggiornati
    }, { $replaced } { $replaced ->
        [one] sostituito
       *[other] sostituiti
    }; { $unchanged } { $unchanged ->
        [one] invariato
       *[other] invariati
    }.
cmd-import-units-in-order = { $name }: { $units } unità nell'ordine dell'atto:
# Le parole della riga di ogni unità (il codice allinea le colonne).
cmd-import-smartizzabili = { $count ->
        [one] smartizzabile
       *[other] smartizzabili
    }
cmd-import-parzialmente-smartizzabili = { $count ->
        [one] smartizzabile in parte
       *[other] smartizzabili in parte
    }
cmd-import-non-smartizzabili = { $count ->
        [one] non smartizzabile
       *[other] non smartizzabili
    }
cmd-import-action-new = nuova
cmd-import-action-update = aggiornata
cmd-import-action-unchanged = invariata
cmd-import-action-replace = sostituita
cmd-import-totals = { $units ->
        [0] { $activities } attività per tutto l'ente
       *[other] { $units } unità, { $activities } attività
    }, { $warnings } { $warnings ->
        [one] avviso
       *[other] avvisi
    }.
cmd-import-renamed = nota: { $why }
# $dry_run: yes | no
cmd-import-updating = { $dry_run ->
        [yes] Da aggiornare
       *[no] Aggiornamento di
    } { $path }: { $added } { $added ->
        [one] aggiunta
       *[other] aggiunte
    }, { $removed } { $removed ->
        [one] rimossa
       *[other] rimosse
    }, { $moved } { $moved ->
        [one] spostata
       *[other] spostate
    }, { $changed } { $changed ->
        [one] modificata
       *[other] modificate
    }, { $details } con una nuova nota o nuovi ambiti
cmd-import-kept = { $count ->
        [one] Mantenuta, non presente
       *[other] Mantenute, non presenti
    } in { $name } ({ $count ->
        [one] un'unità; --force la rimuove
       *[other] { $count } unità; --force le rimuove
    }, conservandone una copia):

## init (cmd/init/mod.rs)

cmd-init-empty-ente = --ente è vuoto: indicare il nome dell'ente, per esempio --ente "Comune di Esempio"
cmd-init-bad-epoch = SOURCE_DATE_EPOCH `{ $value }` non è un numero di secondi dal 1970-01-01
cmd-init-folder-is-a-file = { $root } è un file, non una cartella: indicare la cartella del nuovo sito (nuova, o quella di un sito esistente)
cmd-init-in-root = il sito non viene creato in { $root }: è la radice del file system; indicare una cartella nuova, per esempio: trasparenza init { $inside }
cmd-init-in-home = il sito non viene creato in { $root }: è la cartella personale, e i file del sito finirebbero tra i propri; indicare una cartella nuova al suo interno, per esempio: trasparenza init { $inside }
cmd-init-inside-site = il sito non viene creato in { $root }: è dentro la cartella { $folder }/ del sito { $site }, e i suoi file sarebbero pubblicati come parte di quel sito; per quel sito init non serve (trasparenza build --root { $site }), per un sito nuovo indicare una cartella fuori da { $site }
cmd-init-cannot-create = impossibile creare la cartella del sito { $root }: { $error }
cmd-init-cannot-write = impossibile scrivere { $path }: { $error }
cmd-init-created = Creati in { $root }:
cmd-init-kept = Mantenuti, già presenti (non sovrascritti):
cmd-init-example-not-added = Non aggiunto, perché content/ contiene già dei file (sarebbe pubblicato accanto a loro):
# $count: quante impostazioni restano (1 o 2); $first e $second le nominano.
cmd-init-replace = Prossimo passo: sostituire { $count ->
        [one] { $first }
       *[other] { $first } e { $second }
    } in content/_sito.yaml (`trasparenza check` elenca che cosa resta),
# $step: example | lists | switch | units
cmd-init-then = poi { $step ->
        [example] importare il catalogo o modificare content/ufficio-esempio.yaml
        [lists] scrivere in content/_sito.yaml gli elenchi dell'atto e la sua regola (altre_attivita)
        [switch] per un solo elenco per tutto l'ente, scrivere in content/_sito.yaml (già presente, non modificato) gli elenchi dell'atto e la sua regola (altre_attivita), come negli esempi commentati in fondo al file, e cancellare content/ufficio-esempio.yaml
       *[units] importare il catalogo o aggiungere a content/ un file per unità
    }.
cmd-init-next = Prossimo passo: { $step ->
        [example] importare il catalogo o modificare content/ufficio-esempio.yaml
        [lists] scrivere in content/_sito.yaml gli elenchi dell'atto e la sua regola (altre_attivita)
        [switch] per un solo elenco per tutto l'ente, scrivere in content/_sito.yaml (già presente, non modificato) gli elenchi dell'atto e la sua regola (altre_attivita), come negli esempi commentati in fondo al file, e cancellare content/ufficio-esempio.yaml
       *[units] importare il catalogo o aggiungere a content/ un file per unità
    }.
cmd-init-ask-shape = Come elenca le attività l'atto? 1) uffici: un elenco per ciascun ufficio, un file per unità; 2) elenco: un solo elenco per tutto l'ente, in _sito.yaml. [uffici]
# $flag: " --root CARTELLA", oppure nulla per la cartella corrente.
cmd-init-preview-and-build = Anteprima: trasparenza serve{ $flag }    Costruzione: trasparenza build{ $flag }
