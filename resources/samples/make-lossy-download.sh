#!/bin/sh
# Makes lossy-download-lo.pcap: a 1.5 MB download over loopback squeezed through a
# 12 Mbit/s token bucket with 40 ms of queue, so the queue overflows: drops,
# duplicate ACKs with SACK blocks, fast retransmissions, a receive window that
# shrinks under a slow reader. The TCP graph screenshots and tests use it.
# Runs in its own network namespace (root; tc's tbf qdisc), so the real loopback
# and anything else on it are untouched. Timings differ from run to run.
#   sudo resources/samples/make-lossy-download.sh OUT.pcap
set -e
out=$(realpath -m "${1:-lossy-download-lo.pcap}")
exec unshare -n sh -c '
ip link set lo up
ip link set lo mtu 1500
tc qdisc add dev lo root tbf rate 12mbit burst 12kb latency 40ms
tcpdump -i lo -s 96 -U -w "$0" "tcp port 8080" 2>/dev/null &
dump=$!
sleep 1
python3 - <<PY
import socket, threading, time
N = 1_500_000
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 8080)); srv.listen(1)
def serve():
    c, _ = srv.accept()
    c.recv(100)
    c.sendall(bytes(range(256)) * (N // 256))
    c.shutdown(socket.SHUT_WR)
    c.recv(100); c.close()
t = threading.Thread(target=serve); t.start()
cl = socket.socket()
cl.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
cl.bind(("127.0.0.1", 40000)); cl.connect(("127.0.0.1", 8080))
cl.sendall(b"GET /file HTTP/1.0\r\n\r\n")
got = 0
while True:
    b = cl.recv(16384)
    if not b: break
    got += len(b)
    if got < N // 4: time.sleep(0.004)  # a slow reader first: the window fills
cl.close(); t.join()
PY
sleep 1
kill $dump; wait $dump || true
' "$out"
