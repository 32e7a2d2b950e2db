#!/usr/bin/env bash
# OCR benchmark on ../shared/ocr-dev (or the folder given): sohoa digitize against the plain
# tesseract CLI (the engine's limit: no rotation, no deskew, no PDF/A) and OCRmyPDF, in one run
# on the same pages and cores. Prints CER, WER, CER_base, pages/min and CPU s/page for each, and
# each peer's figures as a ratio of sohoa's.
#
#   scripts/bench/ocr.sh [OCR_DEV_DIR]
#   SKIP_OCRMYPDF=1 leaves the two OCRmyPDF runs out; SOHOA_ARGS adds digitize options;
#   BENCH_REPEAT=N times sohoa and the tesseract CLI N times each (3); BENCH_KEEP=1 keeps the
#   outputs and per-page scores in the work folder it names.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. scripts/lib.sh
set_dir="${1:-$root/../shared/ocr-dev}"
set_dir="$(cd "$set_dir" && pwd)"
scorer="$(cd "$set_dir/../tools" 2>/dev/null && pwd)/score_ocr.py"
[ -f "$scorer" ] || scorer="$root/../shared/tools/score_ocr.py"
ensure_packages "${SOHOA_PACKAGES[@]}" poppler-utils python3-levenshtein time bc
[ "${SKIP_OCRMYPDF:-0}" = 1 ] || ensure_packages ocrmypdf
[ -f modules/sohoa-cli/target/lib/picocli-*.jar ] 2>/dev/null || mvn -B -q -Dstyle.color=never -DskipTests package
python=/usr/bin/python3
cores=2
# Timing on a shared 2-core machine varies by ±5% from run to run; the median of three runs of
# sohoa and of the tesseract CLI, taken in turns, is what the ratio compares. OCRmyPDF, at a fifth of the speed and
# four minutes a run, runs once.
repeat="${BENCH_REPEAT:-3}"
export OMP_THREAD_LIMIT=1
work="$(mktemp -d)"
if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "work folder: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
pages=$(find "$set_dir/pages" -name '*.gt.txt' | wc -l)
results="$work/results.tsv"
# scripts/sohoa archives the classes a run loads on its first run after a build (class data
# sharing); that archive is part of the build, so it is made here, outside the timing.
scripts/sohoa digitize "$(find "$set_dir/pdf" -name '*.pdf' | sort | head -1)" \
  --data "$work/warm-up" > /dev/null

# run NAME FRESH COMMAND...: runs the command once, FRESH emptied first (so that no run reuses
# another's output), and appends its wall and user+sys CPU seconds to NAME.times.
run() {
  local name=$1 fresh=$2; shift 2
  rm -rf "$fresh" && mkdir -p "$fresh"
  /usr/bin/time -f "%e %U %S" -o "$work/$name.time" "$@" > "$work/$name.log" 2>&1 \
    || { echo "$name failed; its log:" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
  cat "$work/$name.time" >> "$work/$name.times"
}

# score NAME OUTDIR [--pdf]: appends CER WER CER_base, and pages/min and CPU s/page of the run
# with the median wall time, to the results; with the slowest and fastest pages/min when repeated.
score() {
  local name=$1 out=$2; shift 2
  local line wall user sys cpu fastest slowest
  "$python" "$scorer" "$set_dir/pages" "$out" "$@" > "$work/$name.scores"
  line=$(tail -1 "$work/$name.scores")
  sort -n "$work/$name.times" > "$work/$name.sorted"
  read -r wall user sys < <(sed -n "$(( ($(wc -l < "$work/$name.sorted") + 1) / 2 ))p" "$work/$name.sorted")
  cpu=$(echo "$user + $sys" | bc -l)
  slowest=$(echo "$pages * 60 / $(tail -1 "$work/$name.sorted" | cut -d' ' -f1)" | bc -l)
  fastest=$(echo "$pages * 60 / $(head -1 "$work/$name.sorted" | cut -d' ' -f1)" | bc -l)
  echo -e "$name\t$line\t$(echo "$pages * 60 / $wall" | bc -l)\t$(echo "$cpu / $pages" | bc -l)\t$slowest\t$fastest\t$(wc -l < "$work/$name.sorted")" >> "$results"
}

echo "benchmark: $pages pages from $set_dir, $cores cores, $(tesseract --version 2>&1 | head -1)" >&2

find "$set_dir/pages" -regex '.*\.\(jpg\|png\|tif\)' | sort > "$work/pages.txt"
# The two are timed in turns, so that a slow spell of the (shared) machine falls on both alike.
for ((i = 1; i <= repeat; i++)); do
  echo "sohoa digitize ($i of $repeat) ..." >&2
  # shellcheck disable=SC2086 # SOHOA_ARGS holds several options on purpose
  run sohoa "$work/sohoa-data" scripts/sohoa digitize "$set_dir/pdf" --data "$work/sohoa-data" \
    --workers $cores --json ${SOHOA_ARGS:-}
  echo "tesseract CLI per page, $cores at a time ($i of $repeat) ..." >&2
  run tesseract "$work/tesseract" xargs -a "$work/pages.txt" -P $cores -I{} sh -c \
    'tesseract "$1" "$2/$(basename "${1%.*}")" -l vie >/dev/null 2>&1' _ {} "$work/tesseract"
done
mkdir -p "$work/sohoa"
"$python" - "$work/sohoa.log" "$work/sohoa-data" "$work/sohoa" <<'PY'
import json, os, shutil, sys
log, data, out = sys.argv[1:]
text = open(log, encoding="utf-8").read()
summary = json.loads(text[text.index("{"):text.rindex("}") + 1])
for d in summary["documents"]:
    if d["status"] in ("done", "reused"):
        shutil.copy(os.path.join(data, "store/documents", d["documentId"], "pdfa.pdf"),
                    os.path.join(out, os.path.basename(d["source"])))
PY
score sohoa "$work/sohoa" --pdf
score tesseract "$work/tesseract"

if [ "${SKIP_OCRMYPDF:-0}" != 1 ]; then
  for variant in plain deskew; do
    echo "ocrmypdf ($variant) ..." >&2
    extra=""
    [ $variant = deskew ] && extra="--deskew --rotate-pages"
    run "ocrmypdf-$variant" "$work/ocrmypdf-$variant" sh -c 'for f in "$1"/*.pdf; do ocrmypdf -q -l vie --output-type pdfa \
      -j "$2" $3 "$f" "$4/$(basename "$f")" || exit 1; done' _ "$set_dir/pdf" $cores "$extra" \
      "$work/ocrmypdf-$variant"
    score "ocrmypdf-$variant" "$work/ocrmypdf-$variant" --pdf
  done
fi

"$python" - "$results" <<'PY'
import re, sys
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    name, score, ppm, cpu, slowest, fastest, runs = line.rstrip("\n").split("\t")
    f = dict(re.findall(r"(\w+)=([0-9.]+)", score))
    spread = f"{float(slowest):.1f}-{float(fastest):.1f} ({runs} runs)" if int(runs) > 1 else "(1 run)"
    rows.append((name, float(f["CER"]), float(f["WER"]), float(f["CER_base"]), float(ppm), float(cpu), spread))
base = rows[0]
print(f"{'tool':18} {'CER':>7} {'WER':>7} {'CER_base':>8} {'pages/min':>9} {'CPU s/page':>10}   {'pages/min range':24} ratios to sohoa (CER, pages/min)")
for r in rows:
    ratio = "" if r is base else f"CER x{r[1] / base[1]:.2f}, pages/min x{r[4] / base[4]:.2f}"
    print(f"{r[0]:18} {r[1]*100:6.2f}% {r[2]*100:6.2f}% {r[3]*100:7.2f}% {r[4]:9.1f} {r[5]:10.2f}   {r[6]:24} {ratio}")
PY
