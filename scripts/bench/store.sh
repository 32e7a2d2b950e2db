#!/usr/bin/env bash
# Object store throughput: 100 documents (200 KB - 2 MB) uploaded and downloaded through sohoa's
# S3 store (hash recorded on upload, checked on download) and by the MinIO client plainly, against
# the same S3 server (S3Proxy on loopback), in turns, after a warm-up round, five rounds each in turns (medians).
# Target: sohoa's overhead under 15% both ways.
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
printf '%-10s %14s %14s %10s\n' direction "sohoa MB/s" "minio MB/s" overhead
for direction in upload download; do
  ours=$(rate sohoa "$direction")
  peer=$(rate minio "$direction")
  overhead=$(echo "($peer / $ours - 1) * 100" | bc -l)
  printf '%-10s %14s %14s %9.1f%%\n' "$direction" "$ours" "$peer" "$overhead"
done
echo "target: overhead under 15% (time through sohoa / time through the MinIO client - 1)"
