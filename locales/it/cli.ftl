# La riga di comando: --help di ogni comando, le intestazioni e gli errori di clap.
# Id: cli-<comando>-<opzione> per l'opzione di un comando, cli-<opzione> quando
# più comandi la condividono; cli-heading-*, cli-value-* (il <NOME> del valore
# di un'opzione), cli-error-* (errori nella riga di comando).

## Il programma e i suoi comandi

cli-about = Pubblica il catalogo delle attività smartizzabili (PIAO, lavoro agile) di un ente pubblico come sito statico accessibile per Amministrazione Trasparente: pagine, ricerca, dati aperti
cli-build = Costruisce il sito da content/ nella cartella di uscita (public/ se non indicata)
cli-serve = Mostra l'anteprima del sito su http://127.0.0.1:1111/, ricostruendo e ricaricando la pagina a ogni salvataggio
cli-check = Controlla contenuti e tema, costruisce le pagine in memoria e verifica ogni collegamento e ancora interni; non scrive nulla. Per la CI
cli-import = Legge il catalogo da un documento del PIAO, un foglio di calcolo, un CSV o una tabella HTML, e scrive un file per ogni unità organizzativa in content/ della cartella del sito
cli-init = Crea un nuovo sito che si costruisce subito: content/ con le impostazioni, un'unità di esempio, .gitignore e i file di CI per GitHub e GitLab
cli-archivia = Archivia l'edizione corrente, una volta l'anno prima di modificare il nuovo catalogo: copia content/ (senza _archivio/) in content/_archivio/<edizione>/; content/ resta com'è. Non sovrascrive mai un'edizione
cli-completions = Stampa su stdout lo script di completamento per la SHELL (es. `trasparenza completions bash > /etc/bash_completion.d/trasparenza`)
cli-spiega = Spiega un codice di diagnostica (quello tra parentesi quadre dopo il messaggio, per esempio `yaml-unknown-key`): che cosa significa e come si corregge; senza codice, l'elenco dei codici
cli-man = Stampa su stdout la pagina di manuale (roff): `trasparenza man | man -l -`; `trasparenza man build`: la pagina di un comando (trasparenza-build(1))
cli-help-command = Stampa questo messaggio o l'aiuto del comando indicato
cli-help-command-command = Il comando di cui stampare l'aiuto
# Dopo il testo di un comando: il suo nome italiano, che funziona allo stesso modo.
cli-alias = (anche: { $alias })

## Opzioni

cli-lang = La lingua dei messaggi [predefinita: quella di LC_ALL, LC_MESSAGES o LANG; italiano se nessuna è impostata]
cli-help = Stampa l'aiuto
cli-version = Stampa la versione
cli-root = La cartella del sito: quella che contiene content/ (e, se c'è, themes/)
cli-archivia-root = La cartella del sito: quella che contiene content/
cli-archivia-edizione = Il nome della cartella dell'edizione in content/_archivio/ [predefinito: periodo di _sito.yaml, altrimenti l'anno di pubblicato_il o di aggiornato_il]
cli-build-output = Dove scrivere il sito [predefinita: public/ nella cartella del sito]. Viene sostituita per intero, solo se la costruzione riesce e solo se è vuota o è un'uscita precedente di trasparenza (vedi --force). Un collegamento simbolico viene seguito: si sostituisce la cartella a cui punta, il collegamento resta
cli-build-force = Sostituisce la cartella di uscita anche se non è vuota e non l'ha scritta trasparenza. Mai la cartella del sito, content/, themes/, una cartella che li contiene, una cartella direttamente sotto / (/etc, /srv...) o un file
cli-build-base-url = Pubblica a questo indirizzo invece che al base_url di content/_sito.yaml (link canonici, sitemap.xml, robots.txt)
cli-build-strict = Tratta gli avvisi come errori: esce con 1 e non scrive nulla se ce n'è almeno uno
cli-check-strict = Tratta gli avvisi come errori (esce con 1 se ce n'è almeno uno)
cli-check-format = Come stampare i problemi: per le persone (stderr), come array JSON (stdout), come annotazioni di GitHub Actions (stdout) o come rapporto Code Quality di GitLab (stdout)
cli-check-base-url = Controlla come se il sito fosse pubblicato a questo indirizzo invece che al base_url
cli-init-dir = La cartella del nuovo sito, come con --root (creata se manca)
cli-init-root = La cartella del nuovo sito (creata se manca). I file già presenti restano
cli-init-ente = Il nome dell'ente, come nei suoi atti ("Comune di ..."). Senza, viene scritto un segnaposto, che `check` segnala finché non lo si sostituisce
cli-init-base-url = L'indirizzo a cui sarà pubblicato il sito. Senza, viene scritto un segnaposto, che `check` segnala finché non lo si sostituisce
cli-init-forma = La forma dell'atto: `elenco` (o `list`), un solo elenco per tutto l'ente, scritto in _sito.yaml senza file di unità; `uffici` (o `offices`), un elenco per ciascun ufficio, un file per unità. Senza, init lo chiede in un terminale, altrimenti scrive `uffici`
cli-serve-bind = L'indirizzo su cui restare in ascolto. Se non indicato può collegarsi solo questo computer; con 0.0.0.0 anche gli altri della rete vedono l'anteprima
cli-serve-port = La porta su cui restare in ascolto (0: una porta libera qualsiasi)
cli-serve-open = Apre l'anteprima nel browser appena è pronta
cli-serve-poll = Cerca le modifiche scorrendo le cartelle ogni 300 ms invece di attendere le notifiche del sistema (cartelle montate di Docker, NFS, WSL)
cli-serve-rebuild-timeout = Smette di attendere una ricostruzione dopo questi secondi e la segnala come fallita (un modello del tema che non finisce mai); il salvataggio successivo ricostruisce
cli-import-file = Il file con il catalogo: .docx, .odt, .xlsx, .xls, .ods, .csv, .tsv, .html/.htm o .txt (il testo della tabella del PIAO)
cli-import-root = La cartella del sito (creata da `trasparenza init`): i file vanno nella sua content/
cli-import-dry-run = Mostra che cosa verrebbe scritto, aggiornato, copiato e tolto, e non scrive nulla
cli-import-force = Scrive per intero ogni unità del file invece di aggiornare le unità del sito, toglie le unità che nel file mancano, scrive un'unità collegata dove porta il suo collegamento, sostituisce un file che non è un'unità. Di ognuno resta una copia in content/.trasparenza-backup/
cli-import-sheet = Legge solo questo foglio di un foglio di calcolo [predefinito: tutti i fogli]
cli-import-encoding = La codifica di un file CSV o di testo (utf-8, windows-1252, ...) [predefinita: riconosciuta da sé]
cli-import-delimiter = Il separatore di un CSV: `,`, `;`, `tab` o `|` [predefinito: riconosciuto da sé]
cli-completions-shell = bash, zsh, fish, elvish o powershell
cli-spiega-code = Il codice da spiegare; nessuno per l'elenco
cli-man-command = Un comando, per la sua pagina; nessuno per trasparenza(1)

## Come si chiama il valore di un'opzione: --root <CARTELLA>

cli-value-code = CODICE
cli-value-command = COMANDO
cli-value-dir = CARTELLA
cli-value-name = NOME
cli-value-shape = FORMA
cli-value-url = URL
cli-value-ip = IP
cli-value-port = PORTA
cli-value-seconds = SECONDI
cli-value-file = FILE
cli-value-char = CARATTERE
cli-value-shell = SHELL
cli-value-format = FORMATO
cli-value-lang = LINGUA

## Intestazioni di --help

cli-heading-usage = Uso:
cli-heading-commands = Comandi
cli-heading-options = Opzioni
cli-heading-arguments = Argomenti
# In "Uso: trasparenza build [OPZIONI]".
cli-usage-options = [OPZIONI]
cli-default = [predefinito: { $value }]
cli-possible-values = [valori possibili: { $values }]

## Errori nella riga di comando (codice di uscita 2)

cli-error = errore:
cli-error-tip = suggerimento:
cli-error-more = Per saperne di più, prova '{ $help }'.
cli-error-unknown-argument = argomento inatteso '{ $arg }'
cli-error-invalid-command = comando sconosciuto '{ $command }'
cli-error-value-required = '{ $arg }' vuole un valore, ma non ne è stato dato nessuno
cli-error-invalid-value = valore non valido '{ $value }' per '{ $arg }'
cli-error-invalid-value-because = valore non valido '{ $value }' per '{ $arg }': { $reason }
cli-error-no-equals = per dare un valore a '{ $arg }' serve il segno =
cli-error-used-twice = l'argomento '{ $arg }' non può essere usato più di una volta
cli-error-conflict = l'argomento '{ $arg }' non può essere usato insieme a '{ $other }'
cli-error-conflict-many = l'argomento '{ $arg }' non può essere usato insieme a:
cli-error-conflict-command = il comando '{ $command }' non può essere usato insieme a '{ $other }'
cli-error-missing-arguments = { $count ->
    [one] manca questo argomento obbligatorio:
   *[other] mancano questi argomenti obbligatori:
}
cli-error-missing-command = '{ $command }' vuole un comando, ma non ne è stato dato nessuno
cli-error-too-many-values = valore inatteso '{ $value }' per '{ $arg }': non ne servivano altri
cli-error-too-few-values = '{ $arg }' vuole { $min } valori; { $count ->
    [one] ne è stato dato solo uno
   *[other] ne sono stati dati solo { $count }
}
cli-error-wrong-number-of-values = '{ $arg }' vuole { $expected } valori, ma { $count ->
    [one] ne è stato dato uno
   *[other] ne sono stati dati { $count }
}
cli-error-not-utf8 = un argomento non è testo UTF-8 valido
cli-error-other = la riga di comando non si può leggere
cli-error-possible-values = [valori possibili: { $values }]
cli-error-commands = [comandi: { $values }]
cli-error-similar = { $count ->
    [one] ne esiste uno simile: { $values }
   *[other] ne esistono di simili: { $values }
}
cli-error-tip-exists = esiste '{ $suggestion }'
cli-error-tip-as-value = per passare '{ $value }' come valore, usa '{ $suggestion }'
cli-error-tip-remove-dashes = il comando '{ $command }' esiste: per usarlo, togli il '--' che lo precede
cli-error-base-url = deve essere un indirizzo http(s) assoluto senza ? né #, come https://www.comune.esempio.it/amministrazione-trasparente/lavoro-agile/
cli-error-ip = deve essere un indirizzo IP, come 127.0.0.1 o 0.0.0.0
cli-error-number = deve essere un numero intero da { $min } a { $max }

## I titoli delle sezioni delle pagine di manuale (cmd/completions.rs)

cli-man-name = NOME
cli-man-synopsis = SINTASSI
cli-man-description = DESCRIZIONE
cli-man-options = OPZIONI
cli-man-subcommands = COMANDI
cli-man-extra = NOTE
cli-man-version = VERSIONE
cli-man-authors = AUTORI
