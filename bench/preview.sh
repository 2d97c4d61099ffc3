#!/usr/bin/env bash
# The preview's goals of issue 25, for one binary or two run alternately:
#  1. save -> reload at 10,000 units on the machine as it is (median);
#  2. save -> reload at 1,000 units while another process keeps one core
#     busy (a `yes > /dev/null` of this script's), each save made while the
#     rest of the site of the previous one may still be completing (the
#     next save follows the reload event after GAP ms, default 50): a save
#     must not wait for that work;
#  3. serve's resident memory (VmRSS, and its peak VmHWM) at start and
#     after the saves of each run.
#
#   bench/preview.sh                               both goals, this checkout
#   OLD=path/to/old/trasparenza bench/preview.sh   the old binary side by side
#   NEW=path bench/preview.sh                      measure that binary (no cargo build)
#   SAVES=21 GAP=50 ROUNDS=2 bench/preview.sh      saves per run, ms between
#                                                  a reload and the next save,
#                                                  runs of each binary
#   CASES="10000:quiet 1000:busy 1000:quiet" bench/preview.sh
#   KEEP=dir bench/preview.sh  keeps each run's log (run with
#                              TRASPARENZA_TIMINGS=1 for stage times)
#
# Sites come from bench/gen_site.py (seed 1) under target/bench-preview/
# (BENCH_DIR to change). Each save rewrites one unit's `nome` in place. A
# "quiet" case waits for the completed rest of the site (the "Rebuilt" line)
# before the next save; a "busy" case does not. Wall-clock milliseconds on a
# shared machine: compare the columns of one run.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
source bench/machine.sh
SAVES=${SAVES:-21}
GAP=${GAP:-50}
ROUNDS=${ROUNDS:-2}
CASES=${CASES:-"10000:quiet 1000:busy"}
WORK=${BENCH_DIR:-target/bench-preview}
bench_binaries
mkdir -p "$WORK"
for c in $CASES; do
  n=${c%%:*}
  [ -d "$WORK/s$n" ] || python3 bench/gen_site.py --units "$n" --out "$WORK/s$n" --seed 1 >/dev/null
done
[ -n "${KEEP:-}" ] && mkdir -p "$KEEP"

BUSY=
cleanup() { [ -n "$BUSY" ] && kill "$BUSY" 2>/dev/null || true; }
trap cleanup EXIT

machine_header
echo "saves per run: $SAVES, runs per binary: $ROUNDS (alternated), gap after a reload (busy): $GAP ms"
echo
printf '| %-6s | %-5s | %-6s | %8s | %8s | %8s | %10s | %10s | %10s | %-14s |\n' \
  units case binary min median max "RSS start" "RSS after" "peak" "load"
echo "|---:|---|---|---:|---:|---:|---:|---:|---:|---|"
for round in $(seq 1 "$ROUNDS"); do
  for c in $CASES; do
    n=${c%%:*}; mode=${c#*:}
    for i in "${!BINS[@]}"; do
      bin=${BINS[$i]}
      label=new; [ ${#BINS[@]} -eq 2 ] && [ "$i" = 0 ] && label=old
      if [ "$mode" = busy ]; then yes >/dev/null & BUSY=$!; fi
      log=$(mktemp)
      out=$(python3 - "$bin" "$WORK/s$n" "$SAVES" "$mode" "$GAP" "$log" <<'EOF'
import os, signal, statistics, subprocess, sys, time
sys.path.insert(0, "bench")
from events import open_events
signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
binary, site, saves, mode, gap, log = sys.argv[1:7]
saves, gap = int(saves), int(gap) / 1000
logf = open(log, "w")
p = subprocess.Popen([binary, "serve", "--port", "0", "--rebuild-timeout", "600", "--root", site],
                     stdout=logf, stderr=subprocess.STDOUT,
                     env=dict(os.environ, LANG="en_US.UTF-8"))
def lines():
    return open(log, encoding="utf-8", errors="replace").read().splitlines()
def status(key):
    for l in open(f"/proc/{p.pid}/status"):
        if l.startswith(key + ":"):
            return int(l.split()[1])
try:
    deadline = time.time() + 600
    url = None
    while url is None and time.time() < deadline:
        for l in lines():
            if l.startswith("Serving ") and " at http://" in l:
                url = l.split(" at http://")[1].split("/")[0]
        time.sleep(0.05)
    if url is None:
        sys.exit("serve did not start: " + "\n".join(lines()))
    time.sleep(1)
    rss_start = status("VmRSS")
    host, port = url.rsplit(":", 1)
    next_event = open_events(host, int(port), timeout=120)
    unit = next(os.path.join(d, x) for d, _, fs in sorted(os.walk(os.path.join(site, "content")))
                for x in sorted(fs) if x.startswith("unita-0") and x.endswith("500.yaml"))
    original = open(unit, encoding="utf-8").read()
    text = original.splitlines(keepends=True)
    at = next(k for k, l in enumerate(text) if l.startswith("nome:"))
    name = text[at][5:].strip().strip('"')
    rebuilt = lambda: sum(1 for l in lines() if l.startswith("Rebuilt"))
    times = []
    try:
        for k in range(saves):
            before = rebuilt()
            text[at] = f'nome: "{name} {k}"\n'
            with open(unit, "w", encoding="utf-8") as out:
                out.write("".join(text))
            t0 = time.perf_counter()
            ev = next_event()
            assert ev == "reload", ev
            times.append((time.perf_counter() - t0) * 1000)
            if mode == "busy":
                time.sleep(gap)
            else:
                end = time.time() + 120
                while rebuilt() < k + 1 and time.time() < end:
                    time.sleep(0.02)
                time.sleep(0.2)
        # The last save's line (a save whose rest was given up for the
        # next one has none of its own).
        end = time.time() + 120
        while rebuilt() <= before and time.time() < end:
            time.sleep(0.02)
        time.sleep(1)
        rss_after, peak = status("VmRSS"), status("VmHWM")
    finally:
        open(unit, "w", encoding="utf-8").write(original)
    if any("failed" in l for l in lines()):
        sys.exit("a rebuild failed: " + "\n".join(lines()))
    # The first save of a run pays for the first fault-in of memory: not counted.
    t = times[1:] if len(times) > 2 else times
    mib = lambda kib: f"{kib / 1024:.0f} MiB"
    print(f"{min(t):.0f} {statistics.median(t):.0f} {max(t):.0f} {mib(rss_start)} {mib(rss_after)} {mib(peak)}".replace(" MiB", "_MiB"))
finally:
    p.terminate()
    p.wait()
EOF
)
      if [ -n "$BUSY" ]; then kill "$BUSY"; wait "$BUSY" 2>/dev/null || true; BUSY=; fi
      [ -n "${KEEP:-}" ] && cp "$log" "$KEEP/$n-$mode-$label-$round.log"
      rm -f "$log"
      read -r lo med hi r0 r1 hw <<<"$out"
      printf '| %6s | %-5s | %-6s | %8s | %8s | %8s | %10s | %10s | %10s | %-14s |\n' \
        "$n" "$mode" "$label" "$lo" "$med" "$hi" "${r0//_/ }" "${r1//_/ }" "${hw//_/ }" "$(machine_load)"
    done
  done
done
echo
echo "load average after: $(machine_load)"
