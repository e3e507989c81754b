#!/usr/bin/env bash
# Scores kg's extraction with ../shared/tools/kgscore.py: the dev texts (all, and the two halves
# 0xx+sample and 1xx-3xx apart, to see whether a change moves texts it was not studied on) and
# the probe news of Tests/Fixtures/probe and probe-y and the sealed news of Tests/Fixtures/sealed
# and sealed-z (scored, never studied), for each relation stage.
# usage: scripts/dev/score.sh [patterns|constructions ...]   (default: both; uses .build/release/kg)
set -euo pipefail
cd "$(dirname "$0")/../.."
scorer=../shared/tools/kgscore.py dev=../shared/corpus/dev probe=Tests/Fixtures/probe sealed=Tests/Fixtures/sealed
probey=Tests/Fixtures/probe-y sealedz=Tests/Fixtures/sealed-z
kg=.build/release/kg
[ -f "$scorer" ] && [ -d "$dev" ] || { echo "score.sh: no $scorer or $dev: nothing to score" >&2; exit 0; }
[ -x "$kg" ] || { echo "score.sh: build first: swift build -c release --product kg" >&2; exit 1; }
stages=("$@"); [ ${#stages[@]} -gt 0 ] || stages=(patterns constructions)
out=$(mktemp); trap 'rm -f "$out"' EXIT
docs() { ls "$dev"/*.txt | xargs -n1 basename | sed 's/\.txt$//' | grep -E "$1" | sed 's/^/--doc /' | tr '\n' ' '; }
for stage in "${stages[@]}"; do
  echo "== $stage"
  "$kg" extract "$dev"/*.txt --format jsonl --relations "$stage" >"$out" 2>/dev/null
  echo -n "dev all:        "; python3 "$scorer" "$dev" "$out" | tail -1
  # shellcheck disable=SC2046
  echo -n "dev 0xx+sample: "; python3 "$scorer" "$dev" "$out" $(docs '^0|^xi') | tail -1
  # shellcheck disable=SC2046
  echo -n "dev 1xx-3xx:    "; python3 "$scorer" "$dev" "$out" $(docs '^[123]') | tail -1
  "$kg" extract "$probe"/*.txt --format jsonl --relations "$stage" >"$out" 2>/dev/null
  echo -n "probe:          "; python3 "$scorer" "$probe" "$out" | tail -1
  "$kg" extract "$sealed"/*.txt --format jsonl --relations "$stage" >"$out" 2>/dev/null
  echo -n "sealed:         "; python3 "$scorer" "$sealed" "$out" | tail -1
  "$kg" extract "$probey"/*.txt --format jsonl --relations "$stage" >"$out" 2>/dev/null
  echo -n "probe-y:        "; python3 "$scorer" "$probey" "$out" | tail -1
  "$kg" extract "$sealedz"/*.txt --format jsonl --relations "$stage" >"$out" 2>/dev/null
  echo -n "sealed-z:       "; python3 "$scorer" "$sealedz" "$out" | tail -1
done
