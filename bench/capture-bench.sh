#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sustained capture on lo, side by side in one run: seqscope-capture (the helper),
# seqscope-cli -i lo -w (through the helper) and tcpdump -w capture the same traffic
# at the same time, with the same filter and the kernel's default buffer. Two loads:
# a flood of small UDP datagrams and a bulk TCP transfer, each for --seconds. Prints
# per tool: packets in its file, packets/s, kernel drops, user-space drops, and the
# ratio to tcpdump.
#
#   bench/capture-bench.sh                   # 5 s per load
#   bench/capture-bench.sh --seconds 10 --build-dir build/release
# Needs root (or the helper's capabilities and tcpdump's), tcpdump, capinfos
# (wireshark-common, with tshark) and python3; .ci/install-deps.sh installs them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_LOAD=5
BUILD="$ROOT/build/release"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_PER_LOAD="$2"; shift 2 ;;
    --build-dir) BUILD="$2"; shift 2 ;;
    -h|--help) sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "capture-bench.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
HELPER="$BUILD/app/seqscope-capture"
CLI="$BUILD/app/seqscope-cli"
for tool in "$HELPER" "$CLI"; do
  [[ -x $tool ]] || { echo "capture-bench.sh: $tool is missing; build first (cmake --preset release && cmake --build --preset release)" >&2; exit 1; }
done
for tool in tcpdump capinfos python3; do
  command -v $tool >/dev/null || { echo "capture-bench.sh: $tool is missing (bash .ci/install-deps.sh)" >&2; exit 1; }
done

WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT=$((40000 + RANDOM % 20000))
FILTER="port $PORT"

# The loads: python3 on lo, to a receiver that reads everything (so no ICMP errors).
udp_flood() {
  python3 - "$PORT" "$1" <<'PY'
import socket, sys, time, threading
port, seconds = int(sys.argv[1]), float(sys.argv[2])
rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); rx.bind(("127.0.0.1", port))
rx.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
stop = False
def drain():
    rx.settimeout(0.2)
    while not stop:
        try: rx.recv(2048)
        except socket.timeout: pass
threading.Thread(target=drain, daemon=True).start()
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
payload, sent, end = b"x" * 64, 0, time.time() + seconds
while time.time() < end:
    for _ in range(200):
        tx.sendto(payload, ("127.0.0.1", port)); sent += 1
stop = True
print(sent)
PY
}
tcp_bulk() {
  python3 - "$PORT" "$1" <<'PY'
import socket, sys, time, threading
port, seconds = int(sys.argv[1]), float(sys.argv[2])
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port)); srv.listen(1)
def sink():
    c, _ = srv.accept()
    while c.recv(1 << 20): pass
threading.Thread(target=sink, daemon=True).start()
cli = socket.create_connection(("127.0.0.1", port))
chunk, sent, end = b"y" * 65536, 0, time.time() + seconds
while time.time() < end:
    cli.sendall(chunk); sent += len(chunk)
cli.close()
time.sleep(0.2)
print(sent)
PY
}

packets_in() { capinfos -c -M "$1" 2>/dev/null | awk -F': *' '/Number of packets/ {print $2}'; }

run_load() {
  local name=$1 load=$2
  local t="$WORK/tcpdump-$name.pcap" h="$WORK/helper-$name.pcapng" c="$WORK/cli-$name.pcapng"
  tcpdump -i lo -n -w "$t" "$FILTER" 2>"$WORK/tcpdump.err" &
  local tp=$!
  "$HELPER" -i lo -f "$FILTER" -w "$h" --machine >"$WORK/helper.out" 2>"$WORK/helper.err" &
  local hp=$!
  "$CLI" -i lo -f "$FILTER" -w "$c" 2>"$WORK/cli.err" &
  local cp=$!
  for _ in $(seq 100); do
    grep -q "listening on lo" "$WORK/tcpdump.err" && grep -q "^file " "$WORK/helper.out" \
      && grep -q "Capturing on" "$WORK/cli.err" && break
    sleep 0.05
  done
  local started=$(date +%s.%N)
  local amount
  amount=$($load "$SECONDS_PER_LOAD")
  local took
  took=$(echo "$(date +%s.%N) - $started" | bc -l)
  sleep 1.5  # tcpdump hands over its last buffer after its 1 s read timeout
  kill -INT $hp $cp $tp
  wait $hp $cp $tp 2>/dev/null || true

  local tn hn cn
  tn=$(packets_in "$t"); hn=$(packets_in "$h"); cn=$(packets_in "$c")
  local tdrop hdrop cdrop hstats
  tdrop=$(awk '/dropped by kernel/ {print $1}' "$WORK/tcpdump.err")
  hstats=$(grep '^stats ' "$WORK/helper.out" | tail -1)  # stats RECEIVED WRITTEN KERNEL IF
  hdrop=$(awk '{print $4}' <<<"$hstats")
  local huser=$(( $(awk '{print $2}' <<<"$hstats") - $(awk '{print $3}' <<<"$hstats") ))
  cdrop=$(awk '/dropped from lo/ {print $1}' "$WORK/cli.err"); cdrop=${cdrop:-0}
  echo
  echo "== $name for ${SECONDS_PER_LOAD}s on lo (the load: $amount $( [[ $name == udp ]] && echo datagrams sent || echo bytes sent ), in ${took%.*}s)"
  printf '%-30s %10s %12s %13s %16s %9s\n' tool packets packets/s kernel-drops user-space-drops "vs tcpdump"
  local rate
  for row in "tcpdump -w|$tn|${tdrop:-0}|n/a" "seqscope-capture -w|$hn|$hdrop|$huser" "seqscope-cli -i lo -w|$cn|$cdrop|n/a"; do
    IFS='|' read -r tool n drops user <<<"$row"
    rate=$(echo "$n / $took" | bc -l)
    printf '%-30s %10d %12.0f %13s %16s %9.3f\n' "$tool" "$n" "$rate" "$drops" "$user" "$(echo "$n / $tn" | bc -l)"
  done
}

echo "seqscope capture benchmark: $(nproc) cores, $(uname -r), filter \"$FILTER\", $(tcpdump --version 2>&1 | head -1)"
run_load udp udp_flood
run_load tcp tcp_bulk
