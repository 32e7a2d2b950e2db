#!/usr/bin/env bash
# Fixity-audit throughput: 'sohoa check' over an embedded store of 1,000 objects (250 synthetic
# documents: original, PDF/A, text and manifest each; about 500 MB) beside sha256sum over the
# same files, in the same run, both reading from the page cache, in turns (three each, medians).
# 'sohoa check' is timed whole (JVM start, catalog, every hash, the orphan walk).
# Target: at least 80% of sha256sum's throughput.
#
#   scripts/bench/check.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. scripts/lib.sh
ensure_java_and_maven
ensure_packages "${SOHOA_PACKAGES[@]}"
mvn -B -q -Dstyle.color=never -DskipTests install
classpath="$(module_test_classpath sohoa-pipeline)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$classpath" sohoa.pipeline.SyntheticArchive "$work/data" 250 2>/dev/null
objects=$(find "$work/data/store" -type f | wc -l)
bytes=$(find "$work/data/store" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
find "$work/data/store" -type f -exec cat {} + > /dev/null

now() { date +%s.%N; }
median() { sort -n | sed -n 2p; }
ours=(); peer=()
for turn in 1 2 3; do
  start=$(now)
  scripts/sohoa check --data "$work/data" --json > "$work/check.json" 2>/dev/null
  ours+=("$(echo "$(now) - $start" | bc -l)")
  grep -q '"clean" : true' "$work/check.json"
  start=$(now)
  find "$work/data/store" -type f -print0 | xargs -0 sha256sum > /dev/null
  peer+=("$(echo "$(now) - $start" | bc -l)")
done
t_ours=$(printf '%s\n' "${ours[@]}" | median)
t_peer=$(printf '%s\n' "${peer[@]}" | median)
checked=$(grep -o '"objects" : [0-9]*' "$work/check.json" | grep -o '[0-9]*$')
mb=$(echo "$bytes / 1000000" | bc -l)
printf '%-18s %8s %10s %10s %12s\n' tool objects MB "MB/s" "objects/s"
printf '%-18s %8d %10.0f %10.1f %12.1f\n' "sohoa check" "$checked" "$mb" \
  "$(echo "$mb / $t_ours" | bc -l)" "$(echo "$checked / $t_ours" | bc -l)"
printf '%-18s %8d %10.0f %10.1f %12.1f\n' "sha256sum" "$objects" "$mb" \
  "$(echo "$mb / $t_peer" | bc -l)" "$(echo "$objects / $t_peer" | bc -l)"
printf 'ratio (sohoa / sha256sum throughput): %.2f   target: at least 0.80\n' \
  "$(echo "$t_peer / $t_ours" | bc -l)"
