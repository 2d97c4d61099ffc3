# Le frasi fisse delle pagine pubblicate, in italiano.
#
# Per pubblicare in un'altra lingua: copiate questo file in
# themes/<tema>/lingue/<lingua>.ftl del sito (per esempio
# themes/default/lingue/de.ftl), traducete il testo dopo ogni `=` lasciando
# com'è ciò che sta a sinistra, e scrivete `lingua: de` in _sito.yaml.
# Una frase non tradotta resta in italiano e `trasparenza check` la segnala.
#
# { $nome } è un valore che il programma inserisce: lasciatelo com'è. Le
# forme con { $n -> ... } cambiano con il numero: [one] per 1, *[other]
# per gli altri; [0] per zero quando serve una frase a sé.
# Le date sono scritte dal programma in italiano ("1º marzo 2026"); le
# preposizioni davanti a una data (data-dal, data-al, data-il) in italiano
# perdono la vocale davanti a "8" o "11" ("dall'11 marzo").

## Date

data-dal = dal
data-al = al
data-il = il

## Parti comuni a più pagine

comune-torna-al-catalogo = Torna al catalogo
# Davanti alle parole dell'atto sulla regola per le attività non elencate
# (altre_attivita_citazione), che seguono tra virgolette.
comune-nell-atto = Nell'atto:
comune-tabella-completa = Tabella completa
comune-cosa-e-cambiato = Cosa è cambiato
comune-cosa-e-cambiato-rispetto = Cosa è cambiato rispetto all'edizione precedente
comune-attivita-smartizzabili = Attività smartizzabili
comune-attivita-non-smartizzabili = Attività non smartizzabili
comune-esito-si = Sì, in lavoro agile
comune-esito-no = Solo in presenza
comune-attivita-parzialmente-smartizzabili = Attività parzialmente smartizzabili
comune-esito-parz = In parte o a condizioni
comune-condizione = Condizione
comune-nota = Nota
comune-ambiti = Ambiti:
comune-unita-organizzative = Unità organizzative
comune-attivita = Attività
comune-cerca = Cerca
comune-responsabile = Responsabile:
comune-attivita-n = attività
comune-smartizzabili-n = { $n ->
    [one] smartizzabile
   *[other] smartizzabili
}
comune-non-smartizzabili-n = { $n ->
    [one] non smartizzabile
   *[other] non smartizzabili
}
comune-parzialmente-smartizzabili-n = { $n ->
    [one] parzialmente smartizzabile
   *[other] parzialmente smartizzabili
}
comune-unita-organizzative-n = { $n ->
    [one] unità organizzativa
   *[other] unità organizzative
}

## I titoli e le descrizioni delle pagine (nel <title>, nell'<h1> e per i
## motori di ricerca) e la navigazione principale. { $ente } è il nome dell'ente.

pagina-nav-catalogo = Catalogo
pagina-nav-tabella = Tabella completa
pagina-nav-cerca = Cerca
pagina-tabella-titolo = Tabella completa delle attività
pagina-tabella-descrizione = { $ente }: tutte le attività smartizzabili e non smartizzabili in un'unica tabella.
pagina-tabella-descrizione-per-unita = { $ente }: tutte le attività smartizzabili e non smartizzabili, per unità organizzativa, in un'unica tabella.
pagina-cerca-titolo = Cerca un'attività
pagina-cerca-descrizione = { $ente }: cerca tra le attività smartizzabili e non smartizzabili in lavoro agile.
pagina-404-titolo = Pagina non trovata
pagina-404-descrizione = La pagina richiesta non esiste.
pagina-modifiche-titolo = Cosa è cambiato
pagina-modifiche-descrizione = { $ente }: le attività smartizzabili aggiunte, tolte, spostate e modificate rispetto all'edizione precedente del catalogo.
pagina-archivio-titolo = Edizioni precedenti
pagina-archivio-descrizione = { $ente }: le edizioni precedenti del catalogo delle attività smartizzabili, pubblicate per cinque anni.

## base.html: l'intestazione, gli avvisi e il piè di ogni pagina

base-titolo-edizione = (edizione { $nome })
base-vai-al-contenuto = Vai al contenuto
base-amministrazione-trasparente = Amministrazione trasparente
base-navigazione-principale = Navigazione principale
base-edizione-precedente = Edizione precedente, non più in vigore
# Un'edizione precedente il cui valido_al non è ancora passato (la nuova
# entra in vigore dopo): segue "al" e la data.
base-edizione-precedente-fino = Edizione precedente, in vigore fino
base-stai-consultando = Stai consultando l'edizione { $nome } del catalogo
base-periodo-tra-parentesi = (periodo { $periodo })
base-pubblicata = pubblicata
base-aggiornata = aggiornata
base-in-vigore-minuscolo = in vigore
base-resta-pubblicata = Resta pubblicata per cinque anni come previsto dal D.Lgs. 33/2013, art. 8.
base-questa-pagina-in-vigore = Questa pagina nell'edizione in vigore
base-vai-edizione-in-vigore = Vai all'edizione in vigore
# Le stesse due quando l'edizione corrente, per le sue date, non è in
# vigore il giorno della costruzione (scaduta o non ancora iniziata).
base-questa-pagina-corrente = Questa pagina nell'edizione corrente
base-vai-edizione-corrente = Vai all'edizione corrente
base-tutte-le-edizioni = Tutte le edizioni
base-percorso-di-navigazione = Percorso di navigazione
base-non-piu-in-vigore = Questo catalogo non è più in vigore
base-era-valido-fino = era valido fino
base-consulta-edizione-in-vigore = Consulta l'edizione in vigore
base-data-di-pubblicazione = Data di pubblicazione:
base-ultimo-aggiornamento = Ultimo aggiornamento:
base-periodo = Periodo: { $periodo }
base-era-in-vigore = Era in vigore
base-in-vigore = In vigore
base-fonte = Fonte:
base-atto-di-riferimento = atto di riferimento
base-modifica-o-sostituisce = Modifica o sostituisce:
base-edizioni-precedenti = Edizioni precedenti
base-dichiarazione-accessibilita = Dichiarazione di accessibilità
base-informativa-privacy = Informativa privacy
base-note-legali = Note legali
base-licenza-dati = I dati del catalogo sono pubblicati con licenza
base-generato-con = Sito generato con trasparenza.

## index.html: la pagina iniziale del catalogo

indice-nessuna-attivita-elencata = Il catalogo non elenca singole attività.
# Dopo il numero, in grassetto.
indice-attivita-elencate-n = { $n ->
    [one] attività elencata
   *[other] attività elencate
}
indice-attivita-censite-n = { $n ->
    [one] attività censita
   *[other] attività censite
}
indice-per = per
indice-in = in
indice-vale-per-ogni-unita = Vale per ogni unità organizzativa, salvo quanto indicato nella sua pagina.
indice-regola-di-ciascuna-unita = Per le attività non elencate vale la regola indicata nella pagina di ciascuna unità organizzativa.
# Quando solo alcune unità (non tutte) hanno una regola propria.
indice-regola-di-alcune-unita = Alcune unità organizzative indicano nella loro pagina una regola per le attività che non elencano.
indice-legenda-si = Smartizzabili
indice-legenda-parz = Parzialmente smartizzabili
indice-legenda-no = Non smartizzabili
indice-consulta-tabella = Consulta la tabella completa
indice-scarica-dati-aperti = Scarica i dati aperti
indice-cerca-un-attivita = Cerca un'attività
indice-attivita-comuni = Attività comuni a tutti gli uffici
indice-le-attivita = Le attività
indice-oltre-a-queste = Oltre a queste:
indice-vai-all-area = Vai all'area:
indice-tutte-le-altre-si = tutte le altre smartizzabili
indice-tutte-le-altre-no = tutte le altre non smartizzabili
indice-scarica-i-dati = Scarica i dati
indice-dati-aperti-aggiornati = Il catalogo è pubblicato anche come dati aperti, aggiornati
indice-con-licenza = con licenza
indice-riutilizzo = puoi riutilizzarli citando la fonte ({ $ente }).

## unit.html: la pagina di un'unità organizzativa

unita-valgono-anche = Per questa unità valgono anche le
unita-attivita-comuni = attività comuni a tutti gli uffici
# Dopo "Attività smartizzabili:", davanti a "tutte le altre".
unita-elencate-e = { $n ->
    [one] { $n } elencata e
   *[other] { $n } elencate e
}
unita-tutte-le-altre = tutte le altre
# Dopo il numero.
unita-attivita-smartizzabili-n = { $n ->
    [one] attività smartizzabile
   *[other] attività smartizzabili
}
unita-attivita-parzialmente-smartizzabili-n = { $n ->
    [one] attività parzialmente smartizzabile
   *[other] attività parzialmente smartizzabili
}
unita-attivita-non-smartizzabili-n = { $n ->
    [one] attività non smartizzabile
   *[other] attività non smartizzabili
}
unita-voce-si = smartizzabile
unita-voce-parz = parzialmente smartizzabile
unita-voce-no = non smartizzabile
# Per chi usa un lettore di schermo: il collegamento a un'attività.
unita-link-attivita = Link all'attività { $voce } n. { $numero }
unita-nessuna-attivita = Nessuna attività.
# Un elenco vuoto dell'unità quando _sito.yaml ha attività comuni dello
# stesso tipo: nel conteggio, nei collegamenti e sotto il titolo, seguito
# dal collegamento "attività comuni a tutti gli uffici" e da un punto.
unita-solo-comuni = solo le comuni a tutti gli uffici
unita-nessuna-propria = Nessuna attività propria dell'unità: valgono le
unita-oltre-a-quelle-elencate = Oltre a quelle elencate:
unita-altre-unita = Altre unità organizzative
unita-precedente = Unità precedente
unita-successiva = Unità successiva

## table.html: la tabella completa

# Le due introduzioni finiscono con tabella-introduzione-presenza, dopo
# tabella-anche-parziali (e una virgola) quando ci sono attività parzialmente smartizzabili.
tabella-introduzione-per-unita = La tabella riporta, per ogni unità organizzativa, le attività che possono essere svolte in modalità agile
tabella-introduzione = La tabella riporta le attività che possono essere svolte in modalità agile
tabella-anche-parziali = quelle che possono esserlo solo in parte o a condizioni
tabella-introduzione-presenza = e quelle che richiedono la presenza in sede:
tabella-nome-porta = Il nome dell'unità porta alla sua pagina.
# La didascalia: "Attività smartizzabili, parzialmente smartizzabili e non smartizzabili".
tabella-didascalia-parz = parzialmente smartizzabili
tabella-didascalia-no = e non smartizzabili
tabella-condizione = condizione: { $condizione }
tabella-per-unita = per unità organizzativa
tabella-unita-organizzativa = Unità organizzativa
tabella-attivita-comuni = (attività comuni)
tabella-e-tutte-le-altre = e tutte le altre attività
tabella-tutte-le-altre = Tutte le altre attività
tabella-nessuna-attivita = Nessuna attività
# Nella riga di un'unità, un elenco vuoto quando _sito.yaml ha attività
# comuni dello stesso tipo (la riga "Tutti gli uffici" sopra).
tabella-solo-comuni = Solo quelle comuni a tutti gli uffici

## criteri.html, page.html, 404.html

criteri-titolo = Criteri
errore404-testo = La pagina che hai richiesto non esiste o è stata spostata. Controlla l'indirizzo oppure riparti da una di queste pagine:
errore404-il-catalogo = il catalogo
errore404-tabella = Tabella completa delle attività

## archive.html: l'elenco delle edizioni

archivio-testo = Il catalogo delle attività smartizzabili è aggiornato ogni anno con il PIAO. Le edizioni precedenti, non più in vigore, restano consultabili per cinque anni dal 1º gennaio dell'anno successivo alla pubblicazione (D.Lgs. 33/2013, art. 8, comma 3). Sono elencate dalla più recente.
archivio-testo-ancora-in-vigore = Il catalogo delle attività smartizzabili è aggiornato ogni anno con il PIAO. Le edizioni precedenti restano consultabili per cinque anni dal 1º gennaio dell'anno successivo alla pubblicazione (D.Lgs. 33/2013, art. 8, comma 3); una di esse è ancora in vigore fino alla data indicata nelle sue pagine. Sono elencate dalla più recente.
archivio-periodo = periodo { $periodo }
archivio-pubblicata-il = Pubblicata il
archivio-aggiornata-al = Aggiornata al
archivio-atto = Atto
archivio-di-cui = { $n ->
    [one] di cui { $n } smartizzabile ({ $percentuale }%)
   *[other] di cui { $n } smartizzabili ({ $percentuale }%)
}

## search.html: la pagina di ricerca

cerca-senza-js = La ricerca funziona solo con JavaScript attivo. Tutte le attività sono comunque nella
cerca-tabella-completa = tabella completa
cerca-parole = Parole da cercare
cerca-aiuto = Ad esempio: fatture, sopralluogo, IMU accertamenti. Sono mostrate le attività che contengono tutte le parole.
cerca-filtri = Filtri
cerca-tipo-tutte = tutte
cerca-tipo-si = solo smartizzabili
cerca-tipo-parz = solo parzialmente smartizzabili
cerca-tipo-no = solo non smartizzabili
cerca-area = Area
cerca-tutte-le-aree = Tutte le aree
cerca-ufficio = Ufficio
cerca-tutte-le-unita = Tutte le unità
cerca-ambito = Ambito
cerca-tutti-gli-ambiti = Tutti gli ambiti
cerca-trova-elencate = La ricerca trova le attività elencate nel catalogo.
cerca-regola-diversa = Alcune unità organizzative possono avere una regola diversa: è indicata nella loro pagina.
cerca-trova-elencate-regola-unita = La ricerca trova le attività elencate nel catalogo; per quelle non elencate vale la regola indicata nella pagina di ciascuna unità organizzativa.
cerca-trova-elencate-regola-alcune-unita = La ricerca trova le attività elencate nel catalogo; alcune unità organizzative indicano nella loro pagina una regola per quelle non elencate.
cerca-risultati = Risultati
cerca-mostra-altri = Mostra altri risultati

## changes.html: "Cosa è cambiato" tra due edizioni

modifiche-confronto-tra = Confronto tra
modifiche-e = e
modifiche-introduzione = unità organizzative aggiunte e rimosse, attività aggiunte, rimosse, spostate da un elenco all'altro e modificate.
modifiche-totali = Totali a confronto
modifiche-voce = Voce
modifiche-differenza = Differenza
modifiche-quota = Quota smartizzabili
modifiche-unita-aggiunte = Unità aggiunte:
modifiche-unita-rimosse = Unità rimosse:
modifiche-attivita-aggiunte = Attività aggiunte:
modifiche-attivita-rimosse = Attività rimosse:
modifiche-attivita-spostate = Attività spostate tra gli elenchi:
modifiche-attivita-modificate = Attività modificate nel testo:
modifiche-nessuna-differenza = Nessuna differenza tra le due edizioni.
modifiche-unita-aggiunta = Unità aggiunta
modifiche-unita-rimossa = Unità rimossa
modifiche-unita-presente = Unità presente in entrambe le edizioni
modifiche-prima-chiamata = prima chiamata «{ $nome }»
modifiche-pagina-unita = Pagina dell'unità:
# { $elenco } è "smartizzabili" o "non smartizzabili".
modifiche-aggiunta = Aggiunta
modifiche-tra-le = tra le { $elenco }
modifiche-rimossa = Rimossa
modifiche-dalle = dalle { $elenco }
modifiche-spostata = Spostata
modifiche-dalle-alle = dalle { $prima } alle { $dopo }
modifiche-modificata = Modificata
modifiche-prima = prima:
modifiche-nell-edizione-precedente = nell'edizione precedente
# La regola per le attività non elencate (altre_attivita) cambiata tra le
# due edizioni: segue la frase della regola nuova, poi tra parentesi
# "prima:" e quella di prima; "nessuna regola" dove non c'era o non c'è più.
modifiche-regola-cambiata = Cambiata la regola per le attività non elencate
modifiche-nessuna-regola = nessuna regola
modifiche-come-confrontate = Come sono confrontate le due edizioni
modifiche-regola = Le unità organizzative sono abbinate per nome del file, poi per nome. Dentro ogni unità, un'attività è la stessa nelle due edizioni se il testo coincide a meno di maiuscole, accenti e punteggiatura; tra le attività rimaste, se almeno il { $soglia }% dei caratteri coincide. Un'attività passata all'altro elenco è «spostata»; una con il testo cambiato è «modificata»; le altre sono aggiunte o rimosse.
modifiche-scaricabili = Gli stessi dati sono scaricabili in

## La ricerca nel browser (static/search.js): frasi scritte dallo script.
## { $numero } è il numero scritto come nella lingua della pagina; { $parole }
## e { $corrette } le parole cercate e quelle corrette, tra « ».

js-smartizzabile = Smartizzabile
js-non-smartizzabile = Non smartizzabile
js-parzialmente-smartizzabile = Parzialmente smartizzabile
js-condizione = Condizione
js-nota = Nota
js-ambiti = Ambiti:
js-parole-generiche = Nessuna parola da cercare: prova con parole più specifiche.
js-forse-cercavi-stato = Forse cercavi «{ $parole }»?
js-forse-cercavi = Forse cercavi
js-forse-nessuna = ? Nessuna attività trovata con { $parole }: sono mostrate quelle con { $corrette }.
js-non-disponibile = La ricerca non è disponibile in questo momento: consulta la tabella completa.
js-mostra-altri = { $n ->
    [one] Mostra un altro risultato
   *[other] Mostra altri { $numero } risultati
}
js-altre-unita = Altre unità
# Nessun risultato in un catalogo con una regola per le attività non
# elencate: { $regola } è la frase della regola.
js-nessuna-elencata = Nessuna attività elencata trovata. { $regola } Prova con meno parole o togli qualche filtro.
js-trovate = { $n ->
    [0] Nessuna attività trovata. Prova con meno parole o togli qualche filtro.
    [one] { $numero } attività trovata.
   *[other] { $numero } attività trovate.
}
