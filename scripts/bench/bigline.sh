#!/usr/bin/env bash
# Measures kg extract on one huge single-line document: wall time and peak RSS
# (/usr/bin/time -v), to check that tokenizer, sentence splitter and extractor stay linear
# and memory stays bounded. Not a test: run it by hand, under nice.
#
#   scripts/bench/bigline.sh [MB ...]          # default: 1 4 16 100
#   KG=path/to/kg KIND=prose|nopunct scripts/bench/bigline.sh 1 2 4
#
# KIND=prose (default): the sample article with its line breaks turned into spaces, repeated
# (sentences still end with periods). KIND=nopunct: the same words without any sentence
# punctuation, so the whole line is one sentence (the worst case for per-sentence stages).
set -euo pipefail
cd "$(dirname "$0")/../.."
kg=${KG:-.build/release/kg}
kind=${KIND:-prose}
[ -x "$kg" ] || { echo "build first: swift build -c release (or set KG=...)" >&2; exit 64; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kg-bigline.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf "%-8s %-8s %10s %10s %12s %s\n" kind MB seconds user-s peak-RSS-MB statements
for mb in "${@:-1 4 16 100}"; do
    python3 - "$mb" "$kind" "$tmp/line.txt" <<'PY'
import sys, re
mb, kind, path = float(sys.argv[1]), sys.argv[2], sys.argv[3]
text = open("Sources/kg/Resources/xi-putin-2022-12-30.txt", encoding="utf-8").read()
text = re.sub(r"\s+", " ", text)
if kind == "nopunct":
    text = re.sub(r"[.!?…]", "", text)
unit = (text + " ").encode()
target = int(mb * 1024 * 1024)
with open(path, "wb") as f:
    n = 0
    while n + len(unit) <= target:
        f.write(unit); n += len(unit)
    f.write(b"x" * (target - n))
PY
    nice -n 15 /usr/bin/time -v "$kg" extract "$tmp/line.txt" --format jsonl --quiet >"$tmp/out.jsonl" 2>"$tmp/time.txt" || {
        echo "kg failed:"; tail -30 "$tmp/time.txt"; continue; }
    wall=$(grep "Elapsed (wall clock)" "$tmp/time.txt" | awk '{print $NF}')
    user=$(grep "User time" "$tmp/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$tmp/time.txt" | awk '{printf "%.0f", $NF/1024}')
    printf "%-8s %-8s %10s %10s %12s %s\n" "$kind" "$mb" "$wall" "$user" "$rss" "$(wc -l <"$tmp/out.jsonl")"
done
