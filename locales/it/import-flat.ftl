## import, elenchi per tutto l'ente (src/import/lists.rs, sito.rs,
## cmd/import.rs): l'atto come elenchi dopo una frase che li introduce, la
## regola dell'atto per le attività non elencate, e cosa si scrive in
## content/_sito.yaml. I luoghi ($place, $first) sono come altrove nel resoconto.

# Dove si trova un paragrafo fuori dalle tabelle: l'n-esimo del documento.
import-flat-place-paragraph = paragrafo { $n }
# Il nome di un documento senza tabelle (solo il suo testo).
import-flat-label-document = il testo
# Il nome mostrato per gli elenchi validi per tutto l'ente.
import-flat-whole-body = tutto l'ente
# Dove stanno le note sul testo fuori dalle tabelle.
import-flat-place-outside = fuori dalle tabelle
import-flat-no-lead-in = nel testo non c'è un elenco di attività introdotto da una frase che lo nomini (per esempio "Attività indifferibili da rendere in presenza:" o "Attività che possono essere svolte in lavoro agile:")
# $list: smartizzabili | non_smartizzabili
import-flat-list = { $count ->
        [one] { $count } voce importata
       *[other] { $count } voci importate
    } in { $list } di tutto l'ente, l'elenco dopo "{ $lead }"
import-flat-lead-in-empty = "{ $lead }" introduce un elenco, ma nessuna voce lo segue: non è stato importato nulla
import-flat-criteria = { $count ->
        [one] la voce dopo "{ $lead }" è un criterio
       *[other] le { $count } voci dopo "{ $lead }" sono criteri
    }, non attività: non { $count ->
        [one] importata
       *[other] importate
    } (copiatele in `criteri` in content/_sito.yaml se il catalogo deve mostrarli)
import-flat-not-under-lead-in = { $count ->
        [one] una voce di elenco non segue
       *[other] { $count } voci di elenco non seguono
    } una frase che introduca un elenco di attività (i menu della pagina, altri elenchi): non { $count ->
        [one] letta
       *[other] lette
    }: { $count ->
        [one] "{ $first }"
       *[other] la prima è "{ $first }"
    }
import-flat-prose = { $count ->
        [one] un paragrafo non è
       *[other] { $count } paragrafi non sono
    } un elenco di attività né la regola per le altre (premesse dell'atto, titoli, firme, menu della pagina): non { $count ->
        [one] letto
       *[other] letti
    }: { $count ->
        [one] "{ $first }"
       *[other] il primo è "{ $first }"
    }
import-flat-joined = unito alla voce precedente, come riga della stessa voce: "…{ $before }" + "{ $after }…"
import-flat-list-ends = l'elenco dopo "{ $lead }" finisce qui: "{ $item }" è numerato, le voci sopra hanno un punto elenco, e le voci numerate da qui non sono state importate; se fanno parte dell'elenco, date loro lo stesso segno delle altre
# $value: smartizzabili | non_smartizzabili
import-flat-rule = la regola dell'atto per le attività non elencate: altre_attivita: { $value } (non importata come attività): "{ $text }"
import-flat-rule-again = la regola per le attività non elencate, ripetuta: "{ $text }"
import-flat-rule-contradicts = "{ $text }" dice il contrario della regola già letta ({ $first }): resta la prima; controllate l'atto
# $list: smartizzabili | non_smartizzabili; $unit: il nome di un'unità o import-flat-whole-body
import-flat-duplicate = "{ $text }" compare due volte in { $list } di { $unit } (la prima: { $first }): lasciata com'è nell'atto, e `trasparenza check` lo segnalerà (togliete una copia se l'atto la ripete per errore)
import-flat-in-both = "{ $text }" è in entrambi gli elenchi di { $unit }: lasciata com'è nell'atto, e `trasparenza check` darà errore finché non se ne toglie una
# Commento scritto sopra altre_attivita in un file YAML.
import-flat-yaml-rule = La regola dell'atto per le attività che non elenca ({ $place }):
import-flat-rule-line-odd = la sua riga `altre_attivita:` non è scritta come `altre_attivita: valore` a inizio riga
# $why: uno dei testi import-flat-site-*, o l'errore del sistema.
import-flat-site-conflict = non si può aggiornare { $path } sul posto: { $why }
import-flat-site-conflict-hint = modificatelo a mano, o correggetelo e rilanciate import (una copia di ogni file che import modifica resta in content/{ $backup }/)
import-flat-site-linked = è un collegamento simbolico, e import non scrive attraverso i collegamenti
import-flat-site-unreadable = non si legge come impostazioni del sito (`trasparenza check` dice perché)
import-flat-site-line-ends = ha fine riga che import non conserva (un CR da solo)
# $old, $new: smartizzabili | non_smartizzabili
import-flat-rule-conflict = { $path } dice altre_attivita: { $old }, ma l'atto dice { $new } ({ $place })
import-flat-rule-conflict-hint = rilanciate con --force per scrivere ciò che dice l'atto (ne resta una copia), o cambiate altre_attivita a mano
import-flat-unit-rule-conflict = { $path } dice altre_attivita: { $old }, ma l'atto dice { $new } per questa unità
import-flat-unit-rule-conflict-hint = --force sostituisce tutto il file dell'unità (ne resta una copia), o cambiate altre_attivita a mano
# $dry_run: yes | no
import-flat-rule-set = { $dry_run ->
        [yes] Si imposterebbe
       *[no] Imposto
    } altre_attivita: { $value } in { $path }, come dice l'atto ({ $place })
import-flat-rule-same = { $path } dice già altre_attivita: { $value }, come l'atto
import-flat-site-written = Aggiornato { $path }.
