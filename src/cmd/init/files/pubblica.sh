#!/bin/sh
# Creato da `trasparenza init`. Copia il sito costruito (public/) nella
# cartella della sezione sul server web dell'ente. Lo chiamano i file di CI
# (.github/workflows/trasparenza.yml, .gitlab-ci.yml) quando la variabile
# PUBBLICAZIONE vale rsync, sftp o ftps; si può anche lanciare a mano:
#
#     sh ci/pubblica.sh rsync        (SSH + rsync: il modo consigliato)
#     sh ci/pubblica.sh sftp         (SFTP con lftp)
#     sh ci/pubblica.sh ftps         (FTP cifrato con TLS, con lftp)
#
# Legge dall'ambiente (nei file di CI arrivano dai "secrets"/"variables"):
#   PUBBLICA_HOST       il server, es. www.comune.esempio.it
#   PUBBLICA_PORTA      la porta (facoltativa: 22 per rsync e sftp, 21 per ftps)
#   PUBBLICA_UTENTE     l'utente sul server
#   PUBBLICA_CARTELLA   la cartella della sezione sul server, percorso assoluto,
#                       es. /var/www/html/amministrazione-trasparente/lavoro-agile
#   PUBBLICA_CHIAVE_SSH la chiave privata SSH (rsync, sftp)
#   PUBBLICA_HOST_NOTI  la riga di known_hosts del server (rsync, sftp):
#                       ssh-keyscan -p PORTA HOST, verificata con il fornitore
#   PUBBLICA_PASSWORD   la password (ftps; sftp se non c'è la chiave)
#
# Sostituisce per intero SOLO quella cartella: file aggiunti, cambiati,
# tolti. Si rifiuta se la cartella sul server non è vuota e non è un sito
# pubblicato da trasparenza (manca .trasparenza-manifest.json): così un
# percorso sbagliato non cancella il resto del sito dell'ente.
set -eu

modo=${1:-}
sito=${SITO:-public}
manifest=.trasparenza-manifest.json

errore() {
  printf 'pubblica.sh: errore: %s\n' "$*" >&2
  exit 1
}

case "$modo" in
  rsync | sftp | ftps) ;;
  *) errore "scrivete come pubblicare: sh ci/pubblica.sh rsync | sftp | ftps" ;;
esac
[ -f "$sito/$manifest" ] ||
  errore "$sito/ non è un sito costruito da trasparenza: lanciate prima \`trasparenza build\`"
for v in PUBBLICA_HOST PUBBLICA_UTENTE PUBBLICA_CARTELLA; do
  eval "valore=\${$v:-}"
  [ -n "$valore" ] || errore "manca $v (impostatelo tra i secrets della CI)"
done
cartella=${PUBBLICA_CARTELLA%/}
case "$cartella" in
  "") errore "PUBBLICA_CARTELLA non può essere la radice del server" ;;
  /*) ;;
  *) errore "PUBBLICA_CARTELLA deve essere un percorso assoluto, come /var/www/html/lavoro-agile" ;;
esac
case "$cartella/" in
  / | */../* | */./*) errore "PUBBLICA_CARTELLA non può essere la radice né contenere . o .." ;;
esac

if [ "$modo" = rsync ] || [ "$modo" = sftp ]; then
  porta=${PUBBLICA_PORTA:-22}
  chiavi=$(mktemp -d)
  trap 'rm -rf "$chiavi"' EXIT
  [ -n "${PUBBLICA_HOST_NOTI:-}" ] ||
    errore "manca PUBBLICA_HOST_NOTI: la riga di known_hosts del server (ssh-keyscan -p $porta $PUBBLICA_HOST)"
  printf '%s\n' "$PUBBLICA_HOST_NOTI" >"$chiavi/known_hosts"
  ssh_opzioni="-p $porta -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=$chiavi/known_hosts"
  if [ -n "${PUBBLICA_CHIAVE_SSH:-}" ]; then
    (umask 077 && printf '%s\n' "$PUBBLICA_CHIAVE_SSH" >"$chiavi/chiave")
    ssh_opzioni="$ssh_opzioni -i $chiavi/chiave -o IdentitiesOnly=yes"
  elif [ "$modo" = rsync ]; then
    errore "manca PUBBLICA_CHIAVE_SSH: rsync entra sul server con una chiave SSH"
  fi
fi

remoto="$PUBBLICA_UTENTE@$PUBBLICA_HOST"
# Un argomento per la shell del server, tra apici: ssh unisce gli argomenti
# in una riga, e una cartella con uno spazio diventerebbe due.
per_il_server() {
  printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

if [ "$modo" = rsync ]; then
  # La cartella sul server: vuota, inesistente o già pubblicata da trasparenza.
  # shellcheck disable=SC2086
  ssh $ssh_opzioni "$remoto" sh -s -- "$(per_il_server "$cartella")" "$manifest" <<'CONTROLLO' ||
c=$1
[ ! -e "$c" ] && exit 0
[ -d "$c" ] || { echo "non è una cartella"; exit 1; }
[ -f "$c/$2" ] && exit 0
[ -z "$(ls -A "$c")" ] && exit 0
echo "non è vuota e non contiene $2"
exit 1
CONTROLLO
    errore "non pubblico in $cartella su $PUBBLICA_HOST: non è vuota e non è un sito di trasparenza (vedete il messaggio sopra)"
  # shellcheck disable=SC2086
  ssh $ssh_opzioni "$remoto" mkdir -p "$(per_il_server "$cartella")"
  # --delay-updates: i file nuovi compaiono tutti insieme alla fine.
  # --checksum: un file riscritto nello stesso secondo e con la stessa
  # dimensione viene comunque confrontato per contenuto.
  rsync -rlz --checksum --delete --delay-updates --chmod=D755,F644 \
    -e "ssh $ssh_opzioni" "$sito/" "$remoto:$cartella/"
  printf 'Pubblicato con rsync in %s:%s\n' "$PUBBLICA_HOST" "$cartella"
  exit 0
fi

# sftp e ftps: lftp. --transfer-all: ogni file è copiato, anche se sul server ha
# la stessa data e dimensione (un file riscritto nello stesso secondo).
command -v lftp >/dev/null || errore "serve lftp (Debian/Ubuntu: apt-get install lftp)"
if [ "$modo" = sftp ]; then
  url="sftp://$PUBBLICA_HOST:$porta"
  impostazioni="set sftp:connect-program \"ssh -a -x $ssh_opzioni\";"
else
  url="ftp://$PUBBLICA_HOST:${PUBBLICA_PORTA:-21}"
  impostazioni="set ftp:ssl-force true; set ftp:ssl-protect-data true; set ssl:verify-certificate true;"
fi
# La password arriva a lftp dall'ambiente (--env-password), non dalla riga di
# comando, che altri utenti della macchina vedrebbero.
if [ -n "${PUBBLICA_PASSWORD:-}" ]; then
  LFTP_PASSWORD=$PUBBLICA_PASSWORD
  export LFTP_PASSWORD
  accesso="--env-password -u $PUBBLICA_UTENTE"
else
  accesso="-u $PUBBLICA_UTENTE,"
fi
# shellcheck disable=SC2086
elenco=$(lftp $accesso -e "$impostazioni set cmd:fail-exit true; cls -1a \"$cartella/\"; quit" "$url" 2>/dev/null | grep -v -E '(^|/)\.\.?/?$') || elenco=
if [ -n "$elenco" ] && ! printf '%s\n' "$elenco" | grep -q "$manifest\$"; then
  errore "non pubblico in $cartella su $PUBBLICA_HOST: non è vuota e non contiene $manifest"
fi
# shellcheck disable=SC2086
lftp $accesso -e "$impostazioni set cmd:fail-exit true; mkdir -p -f \"$cartella\"; mirror --reverse --delete --transfer-all --no-perms --verbose=1 \"$sito/\" \"$cartella/\"; quit" "$url"
printf 'Pubblicato con %s in %s:%s\n' "$modo" "$PUBBLICA_HOST" "$cartella"
