#!/usr/bin/env bash
# Search per keystroke: how long the search page takes to show the results
# of each letter typed, on synthetic catalogues (bench/gen_site.py), in
# headless Chromium (bench/keystroke.mjs: search + layout, the debounce not
# counted), and the main thread's CPU time per keystroke from a Chromium
# trace (robust to a busy machine). "warm" is the figure of issue 14 (every index part the letters
# need already loaded: under 16 ms); "first pass" also fetches the parts as
# the letters need them, over loopback.
#
#   bench/keystroke.sh [UNITS...]          default: 1000 10000
#   COMPARE=REF bench/keystroke.sh         also the search.js of git REF, on
#                                          the same build (the index format
#                                          must be the same), side by side
#   PASSES=N                               passes over the queries (default 3)
#   SLIPS=1                                the queries with a slip in every
#                                          word (keystroke.mjs --slips)
#   TRASPARENZA_BIN=path                   that binary, no cargo build
# Prints the machine and date, then a Markdown table. Work files go to
# target/bench-keystroke/ (BENCH_DIR to change).
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
REPO=$PWD
. bench/machine.sh
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(1000 10000); fi
for n in "${SIZES[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench/keystroke.sh: '$n' is not a number of units" >&2; exit 2; }
done
PASSES=${PASSES:-3}
WORK=${BENCH_DIR:-target/bench-keystroke}
mkdir -p "$WORK"
BIN=${TRASPARENZA_BIN:-$REPO/target/release/trasparenza}
[ -n "${TRASPARENZA_BIN:-}" ] || cargo build --release --locked -q
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
if [ -n "${COMPARE:-}" ]; then
  git show "$COMPARE:themes/default/static/search.js" >"$WORK/compare-search.js"
  COMPARE_NAME="$COMPARE ($(git rev-parse --short "$COMPARE"))"
fi

machine_header
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
echo
echo "| units | activities | search.js | keystroke, warm: median / p95 | CPU, warm: median / p95 / max | first pass: median / p95 | keystrokes |"
echo "|---:|---:|---|---:|---:|---:|---:|"
NOTES=()
row() { # units activities label json
  node -e '
    const [n, acts, label, j] = process.argv.slice(1); const r = JSON.parse(j);
    console.log(`| ${Number(n).toLocaleString("en")} | ${Number(acts).toLocaleString("en")} | ${label} | ${r.warm.median} / ${r.warm.p95} ms | ${r.warm_cpu.median} / ${r.warm_cpu.p95} / ${r.warm_cpu.max} ms | ${r.first_pass.median} / ${r.first_pass.p95} ms | ${r.warm.n} |`);
  ' "$@"
}
for n in "${SIZES[@]}"; do
  site="$WORK/site-$n"
  python3 bench/gen_site.py --units "$n" --out "$site" --seed 1 >/dev/null 2>&1
  rm -rf "$site/public"
  "$BIN" build --root "$site" >"$WORK/build-$n.log" 2>&1 || { cat "$WORK/build-$n.log" >&2; exit 1; }
  acts=$(sed -n 's/^Built [0-9]* units, \([0-9]*\) activities.*/\1/p' "$WORK/build-$n.log")
  js="$site/public/assets/search.js"
  if [ -n "${COMPARE:-}" ]; then
    cp "$js" "$WORK/current-search.js"
    cp "$WORK/compare-search.js" "$js"
    before=$(node bench/keystroke.mjs --site "$site/public" --passes "$PASSES" --cpu ${SLIPS:+--slips})
    cp "$WORK/current-search.js" "$js"
    row "$n" "${acts:-0}" "$COMPARE_NAME" "$before"
  fi
  after=$(node bench/keystroke.mjs --site "$site/public" --passes "$PASSES" --cpu ${SLIPS:+--slips})
  row "$n" "${acts:-0}" "this build" "$after"
  if [ -n "${COMPARE:-}" ]; then
    NOTES+=("$(node -e '
      const [n, a, b] = process.argv.slice(1); const x = JSON.parse(a), y = JSON.parse(b);
      const same = JSON.stringify(x.counts) === JSON.stringify(y.counts);
      const ratio = (f, k) => (x[f][k] / y[f][k]).toFixed(1);
      console.log(`${n} units: result counts of every keystroke ${same ? "identical" : "DIFFER: " + a + " vs " + b}; warm keystroke ${ratio("warm", "median")}x faster (median), ${ratio("warm", "p95")}x (p95); in CPU time ${ratio("warm_cpu", "median")}x (median), ${ratio("warm_cpu", "p95")}x (p95).`);
    ' "$n" "$before" "$after")")
  fi
done
echo
[ ${#NOTES[@]} -eq 0 ] || printf '%s\n' "${NOTES[@]}"
if [ -n "${SLIPS:-}" ]; then LIST=SLIPS; else LIST=QUERIES; fi
echo "Queries typed letter by letter: $(sed -n "s/^export const $LIST = \[\(.*\)\];/\1/p" bench/keystroke.mjs). Warm: $((PASSES - 1)) passes with every index part loaded; wall times from the start of the search to the end of the layout (Chromium's clock, the debounce not counted); CPU: the page's main thread from the key to the layout, from a Chromium trace (not counting waits for a core)."
echo "load average after: $(machine_load)"
