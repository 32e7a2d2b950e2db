#!/usr/bin/env bash
# Memory benchmark: one long scanned PDF (PAGES pages, default 500, each page its own 300 dpi JPEG)
# through 'sohoa digitize' with a 512 MB heap. Prints whether it finished, its peak resident
# memory, and, from the same run, the peak of one 'tesseract' process on one of those pages (the
# engine's own footprint; sohoa runs two engines), as a ratio.
#
#   scripts/bench/memory.sh            PAGES=100 scripts/bench/memory.sh for a quicker look
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. scripts/lib.sh
ensure_packages "${SOHOA_PACKAGES[@]}" time poppler-utils
pages="${PAGES:-500}"
heap="${HEAP:-512m}"
mvn -B -q -Dstyle.color=never -DskipTests install
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run_testkit sohoa.testkit.fixtures.LongScan "$pages" "$work/so-dang-ky.pdf"
echo "input: $pages pages, $(du -m "$work/so-dang-ky.pdf" | cut -f1) MB; heap -Xmx$heap, 2 workers" >&2

export OMP_THREAD_LIMIT=1
set +e
SOHOA_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f "%M %e %U %S" -o "$work/sohoa.time" \
  scripts/sohoa digitize "$work/so-dang-ky.pdf" --data "$work/data" --workers 2 --json \
  > "$work/summary.json" 2> "$work/sohoa.log"
status=$?
set -e
read -r rss wall user sys < "$work/sohoa.time"
done=$(grep -o '"done" : [0-9]*' "$work/summary.json" | grep -o '[0-9]*$' || echo 0)

pdftoppm -r 300 -gray -f 1 -l 1 -png "$work/so-dang-ky.pdf" "$work/page"
/usr/bin/time -f "%M" -o "$work/tesseract.time" tesseract "$work"/page-*1.png - -l vie > /dev/null 2>&1
tess_rss=$(cat "$work/tesseract.time")

printf 'sohoa digitize: exit %s, %s document(s) done, %s pages in %.0f s (%.1f pages/min), peak RSS %d MB\n' \
  "$status" "$done" "$pages" "$wall" "$(echo "$pages * 60 / $wall" | bc -l)" $((rss / 1024))
printf 'tesseract, one page: peak RSS %d MB (sohoa runs 2 engines: %d MB)\n' \
  $((tess_rss / 1024)) $((2 * tess_rss / 1024))
printf 'ratio: sohoa peak / two tesseract engines = %.2f\n' "$(echo "$rss / (2 * $tess_rss)" | bc -l)"
[ "$status" -eq 0 ] && [ "$done" -eq 1 ]
