#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The first benchmark: generates a large capture, then in the same run times
# seqscope-cli and tshark doing the same work on it, plus a bare libpcap read loop,
# and prints time and peak-RSS ratios and seqscope's memory per packet.
#
#   bench/run-bench.sh                 # 2,000,000 packets (about 1.3 GB of pcap)
#   bench/run-bench.sh -n 200000       # fewer packets
#   bench/run-bench.sh --quick         # 100,000 packets, a smoke run
# Options: --work-dir DIR (default $TMPDIR/seqscope-bench), --build-dir DIR
# (default build/bench, a Release build without GUI and tests), --keep (keep the
# capture and outputs). Needs tshark and /usr/bin/time (.ci/install-deps.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKETS=2000000
BUILD="$ROOT/build/bench"
WORK="${TMPDIR:-/tmp}/seqscope-bench"
KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n) PACKETS="$2"; shift 2 ;;
    --quick) PACKETS=100000; shift ;;
    --work-dir) WORK="$2"; shift 2 ;;
    --build-dir) BUILD="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-bench.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "run-bench.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
command -v tshark >/dev/null || { echo "run-bench.sh: tshark is missing (apt-get install tshark)" >&2; exit 1; }

# Builds share two cores with everyone else: take the project's build lock if there is one.
# SEQSCOPE_BUILD_LOCK_HELD=1: the caller already holds it (to time without builds
# running alongside); locking again would wait for ourselves forever.
LOCK=()
if command -v flock >/dev/null && [[ -z "${SEQSCOPE_BUILD_LOCK_HELD:-}" ]]; then LOCK=(flock /tmp/seqscope-build.lock); fi
echo "== building (Release) in $BUILD"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSEQSCOPE_BUILD_GUI=OFF \
      -DSEQSCOPE_BUILD_TESTS=OFF >/dev/null
"${LOCK[@]}" cmake --build "$BUILD" -j 2 --target seqscope-cli seqscope-bench-gen seqscope-bench-pcap-loop >/dev/null
CLI="$BUILD/app/seqscope-cli"

mkdir -p "$WORK"
CAP="$WORK/bench-$PACKETS.pcap"
echo "== generating $CAP"
GEN_SUMMARY=$("$BUILD/bench/seqscope-bench-gen" -n "$PACKETS" -o "$CAP")
echo "$GEN_SUMMARY"
FILE_BYTES=$(stat -c %s "$CAP")

# tshark with the pinned conformance profile (no name resolution, the TCP
# preferences the reference outputs were made with), or an empty profile.
PROFILE="$ROOT/../shared/conformance/tshark-profile"
[[ -d "$PROFILE" ]] || PROFILE="$(mktemp -d)"
export WIRESHARK_CONFIG_DIR="$PROFILE"
FIELDS_TXT="$ROOT/../shared/conformance/fields.txt"
if [[ -f "$FIELDS_TXT" ]]; then
  mapfile -t ALL_FIELDS < <(sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$FIELDS_TXT")
else
  ALL_FIELDS=(frame.number frame.time_relative frame.len ip.src ip.dst ipv6.src ipv6.dst tcp.stream tcp.srcport
              tcp.dstport tcp.seq tcp.ack tcp.nxtseq tcp.len tcp.flags tcp.window_size udp.stream dns.qry.name
              _ws.col.Protocol _ws.col.Info tcp.analysis.retransmission tcp.analysis.ack_rtt)
fi
BASE=(); ANALYSIS=()
for f in "${ALL_FIELDS[@]}"; do
  if [[ $f == tcp.analysis.* || $f == tcp.completeness* ]]; then ANALYSIS+=("$f"); else BASE+=("$f"); fi
done
eargs() { for f in "$@"; do printf -- '-e\n%s\n' "$f"; done; }
mapfile -t E_BASE < <(eargs "${BASE[@]}")
mapfile -t E_FULL < <(eargs "${BASE[@]}" "${ANALYSIS[@]}")
FIELD_OPTS=(-T fields -E separator=/t -E header=y -E occurrence=a)

# measure NAME OUTFILE CMD... : runs CMD under /usr/bin/time -v; sets T_<NAME> (s), M_<NAME> (KiB), S_<NAME> (status).
measure() {
  local name="$1" out="$2"; shift 2
  local report="$WORK/time-$name.txt" status=0
  /usr/bin/time -v -o "$report" "$@" >"$out" 2>"$WORK/stderr-$name.txt" || status=$?
  local wall
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report")
  printf -v "T_$name" '%s' "$(awk -v t="$wall" 'BEGIN{n=split(t,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.2f", s}')"
  printf -v "M_$name" '%s' "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$report")"
  printf -v "S_$name" '%s' "$status"
}
# Lines that differ between two outputs (streamed; the header line included).
differing() {
  python3 - "$1" "$2" <<'PY'
import sys, itertools
diff = total = 0
with open(sys.argv[1], 'rb') as a, open(sys.argv[2], 'rb') as b:
    for x, y in itertools.zip_longest(a, b):
        total += 1
        diff += x != y
print(f"{diff} of {total} lines differ")
PY
}

echo "== bare libpcap read loop"
measure pcap "$WORK/out-pcap.txt" "$BUILD/bench/seqscope-bench-pcap-loop" "$CAP"
echo "== pass one only (decode + track, no output): seqscope-cli -q, tshark -q"
measure ss_q "$WORK/out-ss-q.txt" "$CLI" -r "$CAP" -q --stats-memory
measure ts_q "$WORK/out-ts-q.txt" tshark -r "$CAP" -q
echo "== -T fields, ${#BASE[@]} fields (no tcp.analysis)"
measure ss_f "$WORK/out-ss-fields.tsv" "$CLI" -r "$CAP" "${FIELD_OPTS[@]}" "${E_BASE[@]}"
measure ts_f "$WORK/out-ts-fields.tsv" tshark -r "$CAP" "${FIELD_OPTS[@]}" "${E_BASE[@]}"
echo "== -T fields, ${#BASE[@]} + ${#ANALYSIS[@]} tcp.analysis fields"
measure ss_a "$WORK/out-ss-analysis.tsv" "$CLI" -r "$CAP" "${FIELD_OPTS[@]}" "${E_FULL[@]}"
measure ts_a "$WORK/out-ts-analysis.tsv" tshark -r "$CAP" "${FIELD_OPTS[@]}" "${E_FULL[@]}"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
row() {  # label seqscope-name tshark-name output-compare
  local ss="$2" ts="$3" st tt sm tm sst
  st="T_$ss"; tt="T_$ts"; sm="M_$ss"; tm="M_$ts"; sst="S_$ss"
  if [[ "${!sst}" != 0 ]]; then
    printf '| %s | failed (exit %s: %s) | %ss, %s MiB | | | |\n' "$1" "${!sst}" \
      "$(head -c 120 "$WORK/stderr-$ss.txt" | tr '\n\t' '  ')" "${!tt}" "$(( ${!tm} / 1024 ))"
    return
  fi
  printf '| %s | %ss, %s MiB | %ss, %s MiB | %s | %s | %s |\n' "$1" "${!st}" "$(( ${!sm} / 1024 ))" "${!tt}" \
    "$(( ${!tm} / 1024 ))" "$(ratio "${!st}" "${!tt}")" "$(ratio "${!sm}" "${!tm}")" "$4"
}

MEMLINE=$(grep -h 'memory:' "$WORK/stderr-ss_q.txt" || echo "seqscope-cli: memory: (not reported)")
echo
echo "## seqscope benchmark: $PACKETS packets, $((FILE_BYTES / 1048576)) MiB pcap"
echo
echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1);" \
     "$(tshark -v 2>/dev/null | head -1); seqscope-cli $("$CLI" -v | head -1 | awk '{print $2}'); $(date -u +%Y-%m-%d)"
echo
echo "Capture (bench/capture_generator.cpp, seed 1): ${GEN_SUMMARY#*: }"
echo
echo "| work | seqscope-cli (wall, peak RSS) | tshark (wall, peak RSS) | time ratio | RSS ratio | output vs tshark |"
echo "| --- | --- | --- | --- | --- | --- |"
row "-q: seqscope decodes + tracks; tshark only reads (with nothing to print it dissects nothing)" ss_q ts_q "n/a"
if [[ $S_ss_f == 0 ]]; then CMP_F="$(differing "$WORK/out-ss-fields.tsv" "$WORK/out-ts-fields.tsv")"; else CMP_F=""; fi
row "-T fields, ${#BASE[@]} fields" ss_f ts_f "$CMP_F"
if [[ $S_ss_a == 0 ]]; then CMP_A="$(differing "$WORK/out-ss-analysis.tsv" "$WORK/out-ts-analysis.tsv")"; else CMP_A=""; fi
row "-T fields, ${#BASE[@]} + ${#ANALYSIS[@]} tcp.analysis" ss_a ts_a "$CMP_A"
echo
echo "Bare libpcap read loop (pcap_open_offline + pcap_next_ex): ${T_pcap}s, $(( M_pcap / 1024 )) MiB."
echo "seqscope pass one vs the libpcap loop: $(ratio "$T_ss_q" "$T_pcap")x the time."
echo "${MEMLINE#seqscope-cli: }"
echo "seqscope -q peak RSS minus the file size: $(awk -v m="$M_ss_q" -v f="$FILE_BYTES" -v n="$PACKETS" \
     'BEGIN{printf "%.1f bytes/packet", (m * 1024 - f) / n}') (the file is memory-mapped, so its pages count in RSS)."
echo "tshark -q peak RSS per packet: $(awk -v m="$M_ts_q" -v n="$PACKETS" 'BEGIN{printf "%.1f bytes/packet", m * 1024 / n}')."

if [[ $KEEP == 0 ]]; then rm -f "$CAP" "$WORK"/out-*; fi
