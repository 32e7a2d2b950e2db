#!/usr/bin/env bash
# Installs what is missing, builds sohoa and digitises samples/scans into ./sohoa-data.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_java_and_maven
ensure_packages "${SOHOA_PACKAGES[@]}"

echo "== building sohoa (mvn package, tests skipped; scripts/test.sh runs them)"
mvn -B -q -Dstyle.color=never -DskipTests package

echo "== digitising samples/scans into sohoa-data/"
set +e
scripts/sohoa digitize samples/scans --data sohoa-data
status=$?
set -e
echo
echo "== what was stored"
find sohoa-data/store/documents -name manifest.json | sort | while read -r manifest; do
  folder=$(dirname "$manifest")
  name=$(sed -n 's/.*"name" : "\(.*\)",/\1/p' "$manifest" | head -1)
  echo "$name -> $folder/pdfa.pdf"
done
echo
echo "Open any pdfa.pdf and search for a word: the text layer lies on the scan."
report=$(ls -t sohoa-data/jobs/*/report.html 2>/dev/null | head -1)
[ -n "$report" ] && echo "The job's report, for people (opens offline in any browser): $report"
echo "Run it again and every document is reused, not OCR'd again."
exit $status
