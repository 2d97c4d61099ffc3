#!/usr/bin/env bash
# `check` stays linear in the size of a unit file, even when every activity
# is a duplicate (each one a warning): one unit with N lines, every text
# twice, timed at two sizes. Linear work shows a ratio near the ratio of the
# sizes (4x for the default 10,000 and 40,000); a per-warning search of the
# file's text shows its square (16x).
#
#   bench/check_linear.sh [LINES...]      default: 10000 40000
#
# Uses the release binary (BIN to use another). Prints one Markdown table
# row per size: lines, warnings, wall and CPU time (each the best of 3). Work files go to
# target/bench-check/ (BENCH_DIR to change).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 40000)
WORK=${BENCH_DIR:-target/bench-check}
if [ -z "${BIN:-}" ]; then
  cargo build --release --locked -q
  BIN=$PWD/target/release/trasparenza
fi

echo "| lines | warnings | check, wall | check, CPU |"
echo "|---:|---:|---:|---:|"
for n in "${SIZES[@]}"; do
  site=$WORK/$n
  rm -rf "$site"
  mkdir -p "$site/content"
  cat > "$site/content/_sito.yaml" <<'YAML'
ente: Comune di Prova
titolo: Attività smartizzabili
base_url: https://www.comune.prova.it/lavoro-agile/
aggiornato_il: 2026-03-15
YAML
  # A clerk pasting the same list twice: n lines, n/2 distinct texts.
  awk -v n="$n" 'BEGIN {
    print "nome: Ufficio protocollo"; print "smartizzabili:"
    for (copy = 0; copy < 2; copy++)
      for (i = 1; i <= n / 2; i++) printf "  - Pratica n. %d del protocollo informatico\n", i
  }' > "$site/content/protocollo.yaml"
  best=""; best_cpu=""
  for _ in 1 2 3; do
    # Wall and CPU (user + sys) seconds; CPU time holds on a busy machine.
    TIMEFORMAT='%R %U %S'
    read -r wall user sys < <({ time "$BIN" check --lang en --root "$site" 2> "$site/stderr" >/dev/null || true; } 2>&1)
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
    if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then best_cpu=$cpu; fi
  done
  warnings=$(grep -c ': warning: ' "$site/stderr" || true)
  echo "| $n | $warnings | ${best} s | ${best_cpu} s |"
done
