#!/usr/bin/env bash
# Builds the libFuzzer harnesses of Fuzz/ and runs them.
#
#   scripts/dev/fuzz.sh build                 # build only
#   scripts/dev/fuzz.sh run HARNESS [SECONDS] # run one harness (FuzzExtractor, FuzzXMLParser, ...)
#   scripts/dev/fuzz.sh all [SECONDS]         # run every harness, one after the other
#   scripts/dev/fuzz.sh replay                # run every harness over Tests/Fixtures/fuzz/ once
#
# Harnesses run under `nice -n 15`, with -rss_limit_mb=2048, -max_len=8192 (65536 for the XML
# harnesses; KG_FUZZ_MAX_LEN) and -timeout=120 (KG_FUZZ_TIMEOUT;
# on a loaded 2-core machine a nice-15 process gets little CPU: judge a timeout artifact by
# its user time when replayed, not by wall time). The corpus
# grows in Fuzz/corpus/HARNESS (git-ignored); crashers land in Fuzz/artifacts/HARNESS and
# belong, once fixed, in Tests/Fixtures/fuzz/HARNESS/ as regression inputs.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
scratch=${KG_FUZZ_SCRATCH:-$root/Fuzz/.build}
harnesses=(FuzzExtractor FuzzXMLParser)
[ -d Fuzz/Sources/FuzzRDFXMLReader ] && harnesses+=(FuzzRDFXMLReader)
[ -d Fuzz/Sources/FuzzParser ] && harnesses+=(FuzzParser)
export KG_ONTOLOGY=$root/ontology
# Swift's own crash backtracer reads foreign stack memory, which ASan reports as noise.
export SWIFT_BACKTRACE=enable=no

build() {
    nice -n 15 swift build --package-path Fuzz --scratch-path "$scratch" -c debug \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library "$@"
}

binary() { echo "$(build --show-bin-path)/$1"; }

seeds() {
    # Seed corpus: the sample article, the ontology, the committed fixtures.
    local h=$1 dir=Fuzz/corpus/$1
    mkdir -p "$dir"
    case $h in
        FuzzExtractor) cp -n Sources/kg/Resources/*.txt Tests/Fixtures/hostile/*.txt "$dir"/ 2>/dev/null || true ;;
        FuzzParser) cp -n Sources/kg/Resources/*.txt Tests/Fixtures/hostile/*.txt Tests/SyntaxTests/Fixtures/*.conllu "$dir"/ 2>/dev/null || true ;;
        FuzzRDFXMLReader) cp -n exports/*.rdf Tests/SerializationTests/Golden/*.rdf "$dir"/ 2>/dev/null || true ;;
        *) cp -n ontology/kg.owl Tests/SerializationTests/Golden/*.rdf Tests/SerializationTests/Golden/*.graphml "$dir"/ 2>/dev/null || true ;;
    esac
    if [ -d Tests/Fixtures/fuzz/$h ]; then cp -n Tests/Fixtures/fuzz/$h/* "$dir"/ 2>/dev/null || true; fi
}

run() {
    local h=$1 secs=${2:-600}
    seeds "$h"
    mkdir -p "Fuzz/artifacts/$h"
    local extra=()
    [ -f "Fuzz/dict/$h.dict" ] && extra+=("-dict=Fuzz/dict/$h.dict")
    # The XML harnesses get inputs large enough for elements with hundreds of attributes (the
    # pre-scan refuses more than 256; libxml2 is worse than quadratic in them).
    local max_len=8192
    case $h in FuzzXMLParser|FuzzRDFXMLReader) max_len=65536 ;; esac
    nice -n 15 "$(binary "$h")" "Fuzz/corpus/$h" "${extra[@]}" \
        -max_total_time="$secs" -rss_limit_mb=2048 -timeout="${KG_FUZZ_TIMEOUT:-120}" -max_len="${KG_FUZZ_MAX_LEN:-$max_len}" \
        -print_final_stats=1 -artifact_prefix="Fuzz/artifacts/$h/"
}

replay() {
    local status=0
    for h in "${harnesses[@]}"; do
        local dir=Tests/Fixtures/fuzz/$h
        [ -d "$dir" ] || continue
        echo "== $h: replaying $(ls "$dir" | wc -l) inputs"
        nice -n 15 "$(binary "$h")" -runs=1 -rss_limit_mb=2048 -timeout="${KG_FUZZ_TIMEOUT:-120}" "$dir"/* || status=1
    done
    return $status
}

case ${1:-all} in
    build) build ;;
    run) build; run "$2" "${3:-600}" ;;
    all) build; for h in "${harnesses[@]}"; do run "$h" "${2:-600}"; done ;;
    replay) build; replay ;;
    *) sed -n 2,12p "$0"; exit 64 ;;
esac
