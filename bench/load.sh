#!/usr/bin/env bash
# The `load` and `validate` stages of `check` (TRASPARENZA_TIMINGS) on the
# synthetic catalogue, for one binary or two compared on the same machine
# load: runs alternate between the binaries, and the table shows the median
# of RUNS runs (default 7) of each stage.
#
#   bench/load.sh [SIZES...]                   default: 1000 10000
#   OLD=path/to/old/trasparenza bench/load.sh  adds the old binary's column
#   NEW=path bench/load.sh                     measure that binary (no cargo build)
#
# Sites are generated once per size (bench/gen_site.py, seed 1) under
# target/bench-load/ (BENCH_DIR to change). Wall-clock milliseconds: on a
# shared machine, compare the columns of one run, not runs of different days.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
source bench/machine.sh
RUNS=${RUNS:-7}
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(1000 10000); fi
WORK=${BENCH_DIR:-target/bench-load}
bench_binaries

machine_header
echo "runs: $RUNS (median), binaries alternated"
echo
if [ ${#BINS[@]} -eq 2 ]; then
  echo "| units | load, old | load, new | validate, old | validate, new |"
  echo "|---:|---:|---:|---:|---:|"
else
  echo "| units | load | validate |"
  echo "|---:|---:|---:|"
fi

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for n in "${SIZES[@]}"; do
  site=$WORK/$n
  if [ ! -f "$site/content/_sito.yaml" ]; then
    python3 bench/gen_site.py --units "$n" --out "$site" --seed 1 >/dev/null 2>&1
  fi
  declare -A load=() valid=()
  for _ in $(seq "$RUNS"); do
    for i in "${!BINS[@]}"; do
      out=$(TRASPARENZA_TIMINGS=1 "${BINS[$i]}" check --root "$site" 2>&1 >/dev/null || true)
      load[$i]+="$(awk '$2 == "load" { print $3 }' <<<"$out") "
      valid[$i]+="$(awk '$2 == "validate" { print $3 }' <<<"$out") "
    done
  done
  row="| $n |"
  for i in "${!BINS[@]}"; do row+=" $(tr ' ' '\n' <<<"${load[$i]}" | grep . | median) ms |"; done
  for i in "${!BINS[@]}"; do row+=" $(tr ' ' '\n' <<<"${valid[$i]}" | grep . | median) ms |"; done
  echo "$row"
  unset load valid
done
