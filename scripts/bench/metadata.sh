#!/usr/bin/env bash
# Metadata benchmark: runs the whole pipeline (sohoa digitize) on ../shared/ocr-dev/pdf (or the
# set given) and scores each header field it read against the set's ground truth (*.json):
# exact-match accuracy per field and overall, and how often a field was filled where the truth
# has none. Target (issue 4): >= 95% exact overall, false fills <= 1%.
#   scripts/bench/metadata.sh [SET_DIR]      BENCH_KEEP=1 keeps the work folder
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
set_dir="${1:-$root/../shared/ocr-dev}"
set_dir="$(cd "$set_dir" && pwd)"
ensure_packages "${SOHOA_PACKAGES[@]}"
[ -f modules/sohoa-cli/target/lib/picocli-*.jar ] 2>/dev/null || mvn -B -q -Dstyle.color=never -DskipTests package
work="$(mktemp -d)"
if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "work folder: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

echo "sohoa digitize $set_dir/pdf ..." >&2
scripts/sohoa digitize "$set_dir/pdf" --data "$work/data" --workers 2 --formats pdfa > "$work/digitize.log"
/usr/bin/python3 - "$set_dir/manifest.json" "$work/data/store/documents" <<'PY'
import json, sys, pathlib, unicodedata, collections
truth = json.load(open(sys.argv[1], encoding="utf-8"))
read = {}
for manifest in pathlib.Path(sys.argv[2]).glob("*/manifest.json"):
    m = json.load(open(manifest, encoding="utf-8"))
    name = m["source"]["name"].rsplit(".", 1)[0]
    read[name] = {f["name"]: f["value"] for f in m["fields"]["values"]}
def nfc(s):
    return None if s is None else unicodedata.normalize("NFC", s)
per = collections.defaultdict(lambda: [0, 0])
false_fills = empties = 0
misses = []
for doc in truth:
    name = doc["document"]
    got = read.get(name, {})
    for field, expected in doc["fields"].items():
        value = nfc(got.get(field))
        if expected is None:
            empties += 1
            ok = value is None
            false_fills += 0 if ok else 1
        else:
            ok = value == nfc(expected)
        per[field][0] += ok
        per[field][1] += 1
        if not ok:
            misses.append(f"  {name:8} {field:17} read {value!r}, truth {expected!r}")
total_ok = sum(v[0] for v in per.values())
total = sum(v[1] for v in per.values())
print(f"{'field':18} {'exact':>7}")
for field, (ok, n) in per.items():
    print(f"{field:18} {ok:3}/{n:<3} {100.0 * ok / n:5.1f}%")
print(f"{'overall':18} {total_ok:3}/{total:<3} {100.0 * total_ok / total:5.1f}%   (target >= 95%)")
print(f"false fills: {false_fills} of {empties} empty fields "
      f"({100.0 * false_fills / max(1, empties):.1f}%; target <= 1% of all {total} fields: "
      f"{100.0 * false_fills / total:.1f}%)")
if misses:
    print("misses:")
    print("\n".join(misses))
PY
