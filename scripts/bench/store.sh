#!/usr/bin/env bash
# Object store throughput: 100 documents (200 KB - 2 MB) uploaded and downloaded through sohoa's
# S3 store (hash recorded on upload, checked on download) and by the MinIO client plainly, against
# the same S3 server (S3Proxy on loopback), after a warm-up round, taking turns (medians of 5 upload
# and 21 download rounds). Target: sohoa's overhead under 15% both ways; a download, which sohoa
# checks against the SHA-256 recorded on upload, is also set beside the MinIO client's GET with
# SHA-256 of the same bytes as they arrive (the same work, done plainly): under 15% over that.
#
# It also prints what checking costs here: SHA-256 over the same bytes in memory, against the
# MinIO client's round and the part of it spent waiting for the server's answers.
#
#   scripts/bench/store.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. scripts/lib.sh
ensure_java_and_maven
mvn -B -q -Dstyle.color=never -DskipTests install
classpath="$(module_test_classpath sohoa-store)"
# From the module's folder, where the test kit finds the S3Proxy jar the build copied.
results=$(cd modules/sohoa-store && java -Xmx256m -cp "$classpath" sohoa.store.bench.StoreBenchmark)

rate() { awk -v w="$1 $2" '$1" "$2 == w {print $3}' <<< "$results"; }
rawrate() { awk -v w="$1" '$1 == w {print $2}' <<< "$results"; }
printf '%-10s %14s %14s %10s\n' direction "sohoa MB/s" "minio MB/s" overhead
for direction in upload download; do
  ours=$(rate sohoa "$direction")
  peer=$(rate minio "$direction")
  overhead=$(echo "($peer / $ours - 1) * 100" | bc -l)
  printf '%-10s %14s %14s %9.1f%%\n' "$direction" "$ours" "$peer" "$overhead"
done
echo "target: overhead under 15% (time through sohoa / time through the MinIO client - 1)"
checked=$(awk '$1 == "minio+sha256" && $2 == "download" {print $3}' <<< "$results")
ours=$(rate sohoa download)
printf '%-10s %14s %14s %9.1f%%   (the peer hashing what it receives, as sohoa does)\n' \
  "checked" "$ours" "$checked" "$(echo "($checked / $ours - 1) * 100" | bc -l)"
echo "target: a checked download under 15% over the MinIO client's GET + SHA-256"
round=$(rate minio round)
waiting=$(rate minio waiting)
hashing=$(rawrate sha256)
share=$(echo "$hashing / $round * 100" | bc -l)
floor=$(echo "(($waiting + $hashing) / $round - 1) * 100" | bc -l)
printf 'checking: SHA-256 over the same bytes in memory takes %.0f ms: %.0f%% of the MinIO\n' \
  "$hashing" "$share"
printf '  client'"'"'s mean round (%.0f ms), in which it waited %.0f ms for the server'"'"'s answers.\n' \
  "$round" "$waiting"
echo "  Even with a core free to hash while receiving, a download that checks every byte ends"
printf '  no sooner than waiting + hashing: overhead floor %.1f%%.\n' "$floor"
