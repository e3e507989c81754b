#!/usr/bin/env bash
# Usage: scripts/bench/bench-query.sh [--statements N] [--keep]     (options of bench-query.py)
# Benchmark (not a test): kg vs pyoxigraph loading a synthetic 1M-statement RDF/XML export and
# answering one pattern. Builds kg in release mode first. Extra arguments go to bench-query.py
# (e.g. --statements 100000). Needs ~1.5 GB of disk for the file and ~10 GB of memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product kg --scratch-path "${KG_SCRATCH:-.build}"
exec python3 scripts/bench/bench-query.py --kg "${KG_SCRATCH:-.build}/release/kg" "$@"
