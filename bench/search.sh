#!/usr/bin/env bash
# Search at scale: trasparenza's index next to Pagefind's, on the same
# synthetic catalogues (bench/gen_site.py), in one run.
#
#   bench/search.sh [UNITS...]        default: 10 1000 10000
#
# For each size: generate the catalogue, build it with the release binary,
# measure the index (files, bytes raw and gzip), run Pagefind on the same
# output (unit pages only: tabella/ repeats every activity and cerca/ is our
# search page), then in headless Chromium measure what the first query
# downloads and how long queries take (bench/query.mjs). Prints a Markdown
# table. Work files go to target/bench-search/ (BENCH_DIR to change);
# TRASPARENZA_BIN=path measures that binary (no cargo build).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10 1000 10000)
WORK=${BENCH_DIR:-target/bench-search}
mkdir -p "$WORK"

BIN=${TRASPARENZA_BIN:-$PWD/target/release/trasparenza}
[ -n "${TRASPARENZA_BIN:-}" ] || cargo build --release --locked -q
if [ ! -x bench/node_modules/.bin/pagefind ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
PAGEFIND=$PWD/bench/node_modules/.bin/pagefind

. bench/machine.sh
machine_header
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1); pagefind: $("$PAGEFIND" --version | awk '{print $NF}')"
echo

kib() { awk -v b="$1" 'BEGIN { printf "%.0f KiB", b / 1024 }'; }
field() { node -e "const r=JSON.parse(process.argv[1]); console.log(r[process.argv[2]])" "$1" "$2"; }

echo "| units | activities | engine | build s | index files | index raw | index gzip | 1st query downloads (raw / gzip) | 1st query ms | next queries ms (median) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for n in "${SIZES[@]}"; do
  site="$WORK/site-$n"
  rm -rf "$site"
  python3 bench/gen_site.py --units "$n" --out "$site" --seed 1
  start=$(date +%s.%N)
  "$BIN" build --root "$site" 2>/dev/null >"$WORK/build-$n.log"
  build_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  acts=$(sed -n 's/^Built [0-9]* units, \([0-9]*\) activities.*/\1/p' "$WORK/build-$n.log")
  read -r files raw gz < <(python3 bench/dirsize.py "$site/public/cerca/indice")
  q=$(node bench/query.mjs --engine trasparenza --site "$site/public")
  echo "| $n | $acts | trasparenza | $build_s | $files | $(kib "$raw") | $(kib "$gz") | $(kib "$(field "$q" first_query_bytes)") / $(kib "$(field "$q" first_query_gzip)") | $(field "$q" first_query_ms) | $(field "$q" next_median_ms) |"

  pf="$WORK/pagefind-$n"
  rm -rf "$pf"
  cp -r "$site/public" "$pf"
  rm -rf "$pf/tabella" "$pf/cerca"
  start=$(date +%s.%N)
  "$PAGEFIND" --site "$pf" >"$WORK/pagefind-$n.log" 2>&1
  pf_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  read -r files raw gz < <(python3 bench/dirsize.py "$pf/pagefind")
  q=$(node bench/query.mjs --engine pagefind --site "$pf")
  echo "| $n | $acts | Pagefind | $pf_s | $files | $(kib "$raw") | $(kib "$gz") | $(kib "$(field "$q" first_query_bytes)") / $(kib "$(field "$q" first_query_gzip)") | $(field "$q" first_query_ms) | $(field "$q" next_median_ms) |"
done
echo
echo "Queries: fatture, sopralluogo, IMU accertamenti, attivita, webinar, gestione contratti, formazione (the first is the '1st query', after the engine's start-up load; times include fetching and showing the first 20 results). Pagefind's files are already gzip-compressed on disk; Pagefind indexes pages (a unit each), trasparenza activities."
echo "load average after: $(machine_load)"
