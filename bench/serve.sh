#!/usr/bin/env bash
# Measures `trasparenza serve`:
#  1. the time from saving a unit file to the reload event on the event
#     stream, on the example site and on synthetic 1,000- and 10,000-unit
#     sites (bench/gen_site.py); each save changes the unit's name in place,
#     and the next save waits until the preview has completed the rest of
#     the site (its "Rebuilt" line), so saves do not queue up;
#  2. a short load on loopback with wrk (10 s, 2 threads, 20 connections)
#     against a unit page of the example site: requests/s, latency, errors;
#  3. the same load while hostile clients hold connections: 50 that send
#     300 requests each for the table page and never read, 100 open event
#     streams, 2 that send a 64 MiB header; the server's resident memory and
#     threads before, during and after;
#  4. lock-out attempts (issue 21): 512 connections that send nothing, then
#     1,000 requests at once (how many got 200, 503 or no answer), how long
#     until the silent ones are closed and a page answers again; then 600
#     event streams held open and 100 requests (answers), and how many of
#     the streams the server closed.
#
# Usage: bench/serve.sh [SAVES]      (SAVES per site, default 15)
#        SERVE_LOAD=0 bench/serve.sh   (only the save -> reload part)
#        SITES=synthetic bench/serve.sh (only some of: example synthetic synthetic10k)
#        LOCKOUT_ONLY=1 bench/serve.sh  (only part 4)
# Needs python3 and wrk (installed with apt-get when missing). Only talks to
# 127.0.0.1. Prints a summary ready for the README.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
SAVES=${1:-15}
BIN=${TRASPARENZA_BIN:-$REPO/target/release/trasparenza}

if [ -z "${TRASPARENZA_BIN:-}" ]; then cargo build --release --quiet; fi
if ! command -v wrk >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# Starts serve on a free port for site $1; sets URL and SERVE_LOG.
start_serve() {
  SERVE_LOG="$1.log"
  "$BIN" serve --root "$1" --port 0 >"$SERVE_LOG" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 600); do
    URL=$(sed -n 's/^Serving .* at \(http:[^ ]*\) .*/\1/p' "$SERVE_LOG")
    [ -n "$URL" ] && return 0
    sleep 0.1
  done
  echo "serve did not start:" >&2; cat "$SERVE_LOG" >&2; exit 1
}

# Saves $3 times the unit file $2 of the site served at $1 and prints the
# time from the end of each write to the reload event (ms): min median max.
latency() {
  python3 - "$1" "$2" "$3" "$SERVE_LOG" <<'EOF'
import statistics, sys, time, urllib.parse
sys.path.insert(0, "bench")
from events import open_events
url, unit, saves, log = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

def rebuilt():
    return sum(1 for l in open(log, encoding="utf-8") if l.startswith("Rebuilt"))
u = urllib.parse.urlparse(url)
next_event = open_events(u.hostname, u.port)
original = open(unit, encoding="utf-8").read()
lines = original.splitlines(keepends=True)
i = next(n for n, l in enumerate(lines) if l.startswith("nome:"))
name = lines[i][5:].strip()
if len(name) > 1 and name[0] == name[-1] == '"':
    name = name[1:-1]
times = []
for k in range(saves):
    lines[i] = f'nome: "{name} {k}"\n'
    text = "".join(lines)
    with open(unit, "w", encoding="utf-8") as out:
        out.write(text)
    t0 = time.perf_counter()
    name = next_event()
    assert name == "reload", name
    times.append((time.perf_counter() - t0) * 1000)
    deadline = time.time() + 120
    while rebuilt() < k + 1 and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
open(unit, "w", encoding="utf-8").write(original)
print(f"{min(times):.0f} {statistics.median(times):.0f} {max(times):.0f}")
EOF
}

# The server's own rebuild times (ms) from its log: median.
rebuild_median() {
  grep -o '^Rebuilt .* in [0-9]* ms' "$1" | grep -o '[0-9]* ms' | grep -o '[0-9]*' \
    | sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'
}

. "$REPO/bench/machine.sh"
machine_header
echo

mkdir -p "$WORK/example"
cp -r "$REPO/content" "$WORK/example/content"

# --- lock-out attempts -----------------------------------------------------------
lockout() {
  start_serve "$WORK/example"
  local port=${URL##*:}; port=${port%/}
  echo "lock-out attempts on ${URL}"
  python3 - "$port" <<'PY'
import socket, sys, threading, time
port = int(sys.argv[1])

def get(results, i):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        s.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
        results[i] = data.split(b" ", 2)[1].decode() if data.startswith(b"HTTP/1.1 ") else "no answer"
    except OSError as e:
        results[i] = "no answer"

def burst(n):
    results = [None] * n
    threads = [threading.Thread(target=get, args=(results, i)) for i in range(n)]
    for t in threads: t.start()
    for t in threads: t.join()
    return {k: results.count(k) for k in sorted(set(results))}

t0 = time.time()
silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(512)]
print("  512 silent connections, then 1,000 requests at once:", burst(1000))
silent[0].settimeout(120)
try:
    closed = silent[0].recv(1) == b""
except OSError:
    closed = True
print(f"  silent connections closed by the server after {time.time() - t0:.1f} s: {closed}")
while burst(1) != {"200": 1} and time.time() - t0 < 120:
    time.sleep(0.1)
print(f"  a page answers again after {time.time() - t0:.1f} s")
for s in silent: s.close()

streams = []
for _ in range(600):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(f"GET /__trasparenza/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    streams.append(s)
time.sleep(1)
print("  600 event streams open, then 100 requests at once:", burst(100))
def is_closed(s):
    s.setblocking(False)
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                return True
    except BlockingIOError:
        return False
    except OSError:
        return True
print(f"  event streams closed by the server: {sum(is_closed(s) for s in streams)} of 600")
for s in streams: s.close()
PY
  kill "${PIDS[-1]}"
}
if [ "${LOCKOUT_ONLY:-0}" = 1 ]; then lockout; exit 0; fi

# --- save -> reload --------------------------------------------------------------
SITES=${SITES:-example synthetic synthetic10k}
case " $SITES " in *" synthetic "*) python3 "$REPO/bench/gen_site.py" --units 1000 --out "$WORK/synthetic" --seed 1 2>/dev/null;; esac
case " $SITES " in *" synthetic10k "*) python3 "$REPO/bench/gen_site.py" --units 10000 --out "$WORK/synthetic10k" --seed 1 2>/dev/null;; esac

printf '%-28s %10s %10s %10s %14s\n' "site (save -> reload, ms)" min median max "rebuild median"
for site in $SITES; do
  start_serve "$WORK/$site"
  if [ "$site" = example ]; then unit="$WORK/$site/content/lavori-pubblici.yaml"; else unit=$(find "$WORK/$site/content" -name 'unita-0500.yaml' -o -name 'unita-00500.yaml' | head -1); fi
  read -r lo med hi < <(latency "$URL" "$unit" "$SAVES")
  label=$site
  [ "$site" = example ] && label="example (9 units)"
  [ "$site" = synthetic ] && label="synthetic (1,000 units)"
  [ "$site" = synthetic10k ] && label="synthetic (10,000 units)"
  printf '%-28s %10s %10s %10s %14s\n' "$label" "$lo" "$med" "$hi" "$(rebuild_median "$SERVE_LOG")"
  if grep -q 'failed' "$SERVE_LOG"; then echo "a rebuild failed:" >&2; cat "$SERVE_LOG" >&2; exit 1; fi
  kill "${PIDS[-1]}"
done
echo
echo "load average after: $(machine_load)"
[ "${SERVE_LOAD:-1}" = 0 ] && exit 0

# --- load ------------------------------------------------------------------------
start_serve "$WORK/example"
echo "wrk -t2 -c20 -d10s ${URL}lavori-pubblici/"
wrk -t2 -c20 -d10s --latency "${URL}lavori-pubblici/" | tee "$WORK/wrk.txt"
errors=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk.txt" || true)
echo
echo "summary: $(grep 'Requests/sec' "$WORK/wrk.txt" | tr -s ' '), latency avg $(awk '/Latency/ && !/Distribution/ {print $2; exit}' "$WORK/wrk.txt"), p99 $(awk '/ 99%/ {print $2}' "$WORK/wrk.txt"), errors: ${errors:-none}"

# --- load under hostile clients ----------------------------------------------------
PID=${PIDS[-1]}
PORT=${URL##*:}; PORT=${PORT%/}
rss() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
threads() { ls "/proc/$PID/task" | wc -l; }
echo
echo "before hostile clients: RSS $(rss) KiB, $(threads) threads"
python3 - "$PORT" > "$WORK/hostile.txt" <<'PY' &
import socket, sys, threading, time
port = int(sys.argv[1])
held = []
req = f"GET /tabella/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode() * 300
for _ in range(50):
    s = socket.create_connection(("127.0.0.1", port)); s.sendall(req); held.append(s)
for _ in range(100):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"GET /__trasparenza/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()); held.append(s)
def flood():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Flood: ".encode())
    try:
        for _ in range(1024):
            s.sendall(b"a" * 65536)
    except OSError:
        pass
    s.settimeout(5)
    try:
        print("flood answered:", s.recv(64).split(b"\r\n")[0].decode())
    except OSError as e:
        print("flood:", e)
for t in [threading.Thread(target=flood) for _ in range(2)]:
    t.start()
time.sleep(14)
print("hostile clients leave")
PY
HOSTILE=$!
PIDS+=("$HOSTILE")
sleep 2
echo "during: RSS $(rss) KiB, $(threads) threads"
wrk -t2 -c20 -d10s --latency "${URL}lavori-pubblici/" > "$WORK/wrk2.txt"
echo "during: RSS $(rss) KiB, $(threads) threads"
wait "$HOSTILE" || true
sleep 1
echo "after: RSS $(rss) KiB, $(threads) threads"
cat "$WORK/hostile.txt"
errors=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk2.txt" || true)
echo "summary under hostile clients: $(grep 'Requests/sec' "$WORK/wrk2.txt" | tr -s ' '), latency avg $(awk '/Latency/ && !/Distribution/ {print $2; exit}' "$WORK/wrk2.txt"), p99 $(awk '/ 99%/ {print $2}' "$WORK/wrk2.txt"), errors: ${errors:-none}"
echo "load average after: $(machine_load)"
kill "$PID"

echo
lockout
