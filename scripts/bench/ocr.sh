#!/usr/bin/env bash
# OCR benchmark on the clean and the old-records development sets (../shared/ocr-dev and
# ../shared/ocr-dev-hard, or the folders given): sohoa digitize against OCRmyPDF
# --deskew --rotate-pages and the plain tesseract CLI (the engine's limit: no rotation, no deskew,
# no PDF/A), in one run on the same pages and cores. For each set it prints CER, WER, CER_base,
# pages/min and CPU s/page of each tool with the peers' figures as ratios of sohoa's; then, for the
# pages whose .json names defects, the same per defect; then orientation: upright pages archived
# turned, and turned pages archived upright (from sohoa's manifests and OCRmyPDF's /Rotate).
#
#   scripts/bench/ocr.sh [SET_DIR...]
#   SKIP_OCRMYPDF=1 leaves OCRmyPDF out; SOHOA_ARGS adds digitize options; BENCH_REPEAT=N times
#   sohoa and the tesseract CLI N times each (3); BENCH_KEEP=1 keeps the work folder it names.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. scripts/lib.sh
if [ $# -eq 0 ]; then set -- "$root/../shared/ocr-dev" "$root/../shared/ocr-dev-hard"; fi
ensure_packages "${SOHOA_PACKAGES[@]}" poppler-utils python3-levenshtein time bc
[ "${SKIP_OCRMYPDF:-0}" = 1 ] || ensure_packages ocrmypdf
[ -f modules/sohoa-cli/target/lib/picocli-*.jar ] 2>/dev/null || mvn -B -q -Dstyle.color=never -DskipTests package
python=/usr/bin/python3
cores=2
# Timing on a shared 2-core machine varies by ±5% from run to run; the median of three runs of
# sohoa and of the tesseract CLI, taken in turns, is what the ratio compares. OCRmyPDF, at a
# fifth of the speed, runs once.
repeat="${BENCH_REPEAT:-3}"
export OMP_THREAD_LIMIT=1
work="$(mktemp -d)"
if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "work folder: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
# scripts/sohoa archives the classes a run loads on its first run after a build (class data
# sharing); that archive is part of the build, so it is made here, outside the timing.
scripts/sohoa digitize "$(find "$1/pdf" -name '*.pdf' | sort | head -1)" \
  --data "$work/warm-up" > /dev/null
echo "benchmark: $cores cores, $(tesseract --version 2>&1 | head -1)" >&2

# run NAME FRESH COMMAND...: runs the command once, FRESH emptied first (so that no run reuses
# another's output), and appends its wall and user+sys CPU seconds to NAME.times.
run() {
  local name=$1 fresh=$2; shift 2
  rm -rf "$fresh" && mkdir -p "$fresh"
  /usr/bin/time -f "%e %U %S" -o "$work/$name.time" "$@" > "$work/$name.log" 2>&1 \
    || { echo "$name failed; its log:" >&2; tail -20 "$work/$name.log" >&2; exit 1; }
  cat "$work/$name.time" >> "$work/$name.times"
}

for set_dir in "$@"; do
  set_dir="$(cd "$set_dir" && pwd)"
  set=$(basename "$set_dir")
  scorer="$(cd "$set_dir/../tools" 2>/dev/null && pwd)/score_ocr.py"
  [ -f "$scorer" ] || scorer="$root/../shared/tools/score_ocr.py"
  pages=$(find "$set_dir/pages" -name '*.gt.txt' | wc -l)
  echo "$set: $pages pages from $set_dir" >&2
  find "$set_dir/pages" -regex '.*\.\(jpg\|png\|tif\)' | sort > "$work/$set.pages"
  # The two are timed in turns, so that a slow spell of the (shared) machine falls on both alike.
  for ((i = 1; i <= repeat; i++)); do
    echo "  sohoa digitize ($i of $repeat) ..." >&2
    # shellcheck disable=SC2086 # SOHOA_ARGS holds several options on purpose
    run "$set.sohoa" "$work/$set.sohoa-data" scripts/sohoa digitize "$set_dir/pdf" \
      --data "$work/$set.sohoa-data" --workers $cores --json ${SOHOA_ARGS:-}
    echo "  tesseract CLI per page, $cores at a time ($i of $repeat) ..." >&2
    run "$set.tesseract" "$work/$set.tesseract" xargs -a "$work/$set.pages" -P $cores -I{} sh -c \
      'tesseract "$1" "$2/$(basename "${1%.*}")" -l vie >/dev/null 2>&1' _ {} "$work/$set.tesseract"
  done
  mkdir -p "$work/$set.sohoa"
  "$python" - "$work/$set.sohoa.log" "$work/$set.sohoa-data" "$work/$set.sohoa" <<'PY'
import json, os, shutil, sys
log, data, out = sys.argv[1:]
text = open(log, encoding="utf-8").read()
summary = json.loads(text[text.index("{"):text.rindex("}") + 1])
for d in summary["documents"]:
    if d["status"] in ("done", "reused"):
        name = os.path.basename(d["source"])
        folder = os.path.join(data, "store/documents", d["documentId"])
        shutil.copy(os.path.join(folder, "pdfa.pdf"), os.path.join(out, name))
        shutil.copy(os.path.join(folder, "manifest.json"), os.path.join(out, name + ".manifest"))
PY
  "$python" "$scorer" "$set_dir/pages" "$work/$set.sohoa" --pdf > "$work/$set.sohoa.scores"
  "$python" "$scorer" "$set_dir/pages" "$work/$set.tesseract" > "$work/$set.tesseract.scores"
  tools="sohoa tesseract"
  if [ "${SKIP_OCRMYPDF:-0}" != 1 ]; then
    echo "  ocrmypdf --deskew --rotate-pages ..." >&2
    run "$set.ocrmypdf" "$work/$set.ocrmypdf" sh -c 'for f in "$1"/*.pdf; do ocrmypdf -q -l vie \
      --output-type pdfa -j "$2" --deskew --rotate-pages "$f" "$3/$(basename "$f")" || exit 1; done' \
      _ "$set_dir/pdf" $cores "$work/$set.ocrmypdf"
    "$python" "$scorer" "$set_dir/pages" "$work/$set.ocrmypdf" --pdf > "$work/$set.ocrmypdf.scores"
    # OCRmyPDF turns a page by rewriting its content, not by /Rotate: its turns show as the
    # page's shape against the input's (a quarter turn swaps width and height).
    for f in "$work/$set.ocrmypdf"/*.pdf; do
      join <(pdfinfo -f 1 -l 9999 "$set_dir/pdf/$(basename "$f")" | awk '/^Page +[0-9]+ size:/ {print $2, $4, $6}') \
        <(pdfinfo -f 1 -l 9999 "$f" | awk '/^Page +[0-9]+ size:/ {print $2, $4, $6}') \
        | sed "s/^/$(basename "$f") /"
    done > "$work/$set.ocrmypdf.shapes"
    tools="sohoa tesseract ocrmypdf"
  fi
  "$python" - "$work" "$set" "$set_dir" "$pages" $tools <<'PY'
import glob, json, os, re, statistics, sys
work, name, set_dir, pages = sys.argv[1:5]
tools = sys.argv[5:]
pages = int(pages)
labels = {"sohoa": "sohoa digitize", "tesseract": "tesseract CLI", "ocrmypdf": "OCRmyPDF --deskew"}

def scores(tool):
    """Per page: CER, WER, CER_base; and the set's totals (the scorer's last line)."""
    lines = open(f"{work}/{name}.{tool}.scores", encoding="utf-8").read().splitlines()
    per = {}
    for line in lines[:-1]:
        page, *fields = line.split("\t")
        per[page] = {k: float(v) for k, v in (f.split("=") for f in fields)}
    return per, dict((k, float(v)) for k, v in re.findall(r"(\w+)=([0-9.]+)", lines[-1]))

def timing(tool):
    times = sorted(tuple(map(float, l.split())) for l in open(f"{work}/{name}.{tool}.times"))
    wall, user, sys_ = times[(len(times) - 1) // 2]
    return pages * 60 / wall, (user + sys_) / pages, len(times)

truth, length, defects = {}, {}, {}
for gt in glob.glob(f"{set_dir}/pages/*.gt.txt"):
    page = os.path.basename(gt)[:-len(".gt.txt")]
    length[page] = len(open(gt, encoding="utf-8").read())
    facts = json.load(open(gt[:-len(".gt.txt")] + ".json", encoding="utf-8"))["page"]
    truth[page] = facts.get("rotated", 0)
    defects[page] = facts.get("defects", [])

rows = {t: (scores(t), timing(t)) for t in tools}
print(f"\n== {name}: {pages} pages ==")
print(f"{'tool':20} {'CER':>7} {'WER':>7} {'CER_base':>8} {'pages/min':>9} {'CPU s/page':>10}   ratios to sohoa")
base = rows["sohoa"]
for t in tools:
    (per, total), (ppm, cpu, runs) = rows[t]
    ratio = "" if t == "sohoa" else (f"CER x{total['CER'] / max(base[0][1]['CER'], 1e-9):.2f}, "
                                     f"pages/min x{ppm / base[1][0]:.2f}")
    print(f"{labels[t]:20} {total['CER']*100:6.2f}% {total['WER']*100:6.2f}% {total['CER_base']*100:7.2f}% "
          f"{ppm:9.1f} {cpu:10.2f}   {ratio}")
if "ocrmypdf" in tools:
    s, o = base[0][1]["CER"], rows["ocrmypdf"][0][1]["CER"]
    print(f"sohoa against OCRmyPDF --deskew --rotate-pages: CER x{s / max(o, 1e-9):.2f}, "
          f"pages/min x{base[1][0] / rows['ocrmypdf'][1][0]:.2f}")

named = sorted({d for ds in defects.values() for d in ds})
if named:
    print(f"\nper defect (character-weighted CER over the pages that have it; a page has several):")
    print(f"{'defect':16} {'pages':>5}  " + "  ".join(f"{labels[t]:>18}" for t in tools))
    for d in named:
        with_d = [p for p in defects if d in defects[p]]
        cells = []
        for t in tools:
            per = rows[t][0][0]
            errors = sum(per[p]["CER"] * length[p] for p in with_d if p in per)
            cells.append(f"{errors / sum(length[p] for p in with_d) * 100:17.2f}%")
        print(f"{d:16} {len(with_d):5}  " + "  ".join(cells))

# Orientation: the turn each tool archived each page with, against the truth.
def archived(tool):
    turns = {}
    if tool == "sohoa":
        for m in glob.glob(f"{work}/{name}.sohoa/*.manifest"):
            doc = os.path.basename(m)[:-len(".pdf.manifest")]
            for p in json.load(open(m, encoding="utf-8"))["pages"]:
                turns[f"{doc}-p{p['number']}"] = p["rotated"]
    elif tool == "ocrmypdf":
        # Only quarter turns show in a page's shape; a half turn is not measured (None).
        for line in open(f"{work}/{name}.ocrmypdf.shapes"):
            doc, number, iw, ih, ow, oh = line.split()
            swapped = (float(iw) > float(ih)) != (float(ow) > float(oh))
            turns[f"{doc[:-4]}-p{number}"] = "quarter" if swapped else 0
    return turns

def upright_after(tool, page, got):
    if tool == "ocrmypdf":
        return None if truth[page] == 180 else (got == "quarter") == (truth[page] in (90, 270))
    return got == truth[page]
for t in [t for t in tools if t != "tesseract"]:
    got = archived(t)
    upright = [p for p in truth if truth[p] == 0]
    turned = [p for p in truth if truth[p] != 0]
    wrong = [p for p in upright if got.get(p, 0) != 0]
    judged = [p for p in turned if upright_after(t, p, got.get(p)) is not None]
    fixed = [p for p in judged if upright_after(t, p, got.get(p))]
    unmeasured = len(turned) - len(judged)
    print(f"{labels[t]}: upright pages archived turned {len(wrong)} of {len(upright)}"
          + (f" ({', '.join(sorted(wrong))})" if wrong else "")
          + f"; turned pages archived upright {len(fixed)} of {len(judged)}"
          + (f" ({unmeasured} half-turned not measured)" if unmeasured else ""))
PY
done
