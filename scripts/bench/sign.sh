#!/usr/bin/env bash
# PAdES signing speed: signatures per second, one thread, for each level (B-B, B-T, B-LT, B-LTA)
# on a 1-page and a 100-page scanned PDF, with an RSA-2048 key and the development PKI's TSA and
# OCSP service on loopback; beside 'openssl speed rsa2048' sign/s on this machine in the same run
# (the floor for RSA-2048: every PAdES signature is one such operation plus the PDF work).
#
#   scripts/bench/sign.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. scripts/lib.sh
ensure_java_and_maven
ensure_packages openssl
mvn -B -q -Dstyle.color=never -DskipTests install
classpath="$(module_test_classpath sohoa-sign)"

echo "openssl speed rsa2048 (one core, median of 3) ..." >&2
openssl_rate=$(for _ in 1 2 3; do
  openssl speed -seconds 3 rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ {print $6; exit}'
done | sort -n | sed -n 2p)
echo "sohoa PAdES signing (one thread; median of five 2 s windows after 4 s of warm-up) ..." >&2
# nodelay: the JDK's HTTP server behind the test TSA and OCSP otherwise answers 40 ms late
# (Nagle against delayed ACKs), which would measure the loopback, not the signing.
# Only the benchmark's own lines: iText (AGPL) now and then prints its licence notice too.
results=$(java -Dsun.net.httpserver.nodelay=true -cp "$classpath" sohoa.sign.bench.SignBenchmark \
  | grep -E '^B-(B|T|LT|LTA) ')

printf '%-6s %6s %14s   %s\n' level pages "signatures/s" "ratio to openssl rsa2048 sign/s ($openssl_rate/s)"
while read -r level pages rate; do
  printf '%-6s %6s %14s   %.3f\n' "$level" "$pages" "$rate" "$(echo "$rate / $openssl_rate" | bc -l)"
done <<< "$results"
bb=$(awk '$1 == "B-B" && $2 == 1 {print $3}' <<< "$results")
echo "target: B-B on 1 page >= 0.25 x openssl: $(echo "$bb / $openssl_rate" | bc -l | cut -c1-5)"
