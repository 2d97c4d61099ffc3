# Sourced by the bench scripts: `machine_header` prints when and where a
# run happened (UTC date, cores, CPU model, RAM, load average, commit), so a
# figure pasted into the README carries its context. The machines here are
# shared: quote ratios between engines measured in the same run, not
# absolute times across runs.
# The scripts read trasparenza's English lines ("Built ...", "Serving ...",
# "Rebuilt ..."): the program speaks Italian unless asked otherwise.
export LANG=en_US.UTF-8
unset LC_ALL LC_MESSAGES
machine_load() { cut -d' ' -f1-3 /proc/loadavg; }
machine_header() {
  local repo
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)"
  echo "commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet HEAD 2>/dev/null || echo ' (modified)')"
  echo "load average before: $(machine_load)"
}
# Sets BINS to the binaries a script measures: $NEW (else this checkout's
# release build, made now), after $OLD when that is set (run from the
# repository's root).
bench_binaries() {
  if [ -z "${NEW:-}" ]; then
    cargo build --release --locked -q
    NEW=$PWD/target/release/trasparenza
  fi
  BINS=("$NEW")
  if [ -n "${OLD:-}" ]; then BINS=("$OLD" "$NEW"); fi
}
