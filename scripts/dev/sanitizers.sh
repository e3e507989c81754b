#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer and ThreadSanitizer, each with its own scratch
# path (.build-asan, .build-tsan), under `nice -n 15`.
#
#   scripts/dev/sanitizers.sh            # both
#   scripts/dev/sanitizers.sh address    # one of: address, thread
#
# Logs go to .build-asan/sanitizer.log and .build-tsan/sanitizer.log; the script exits 1 when
# a build or a test fails or a sanitizer reports anything.
# LeakSanitizer is off (ASAN_OPTIONS=detect_leaks=0): the Swift runtime's metadata caches
# and libxml2's global state live until exit by design and would drown real reports.
set -uo pipefail
cd "$(dirname "$0")/../.."
status=0
for sanitizer in "${@:-address thread}"; do
    for s in $sanitizer; do
        case $s in
            address) scratch=.build-asan ;;
            thread) scratch=.build-tsan ;;
            *) echo "unknown sanitizer '$s' (address, thread)" >&2; exit 64 ;;
        esac
        mkdir -p "$scratch"
        log=$scratch/sanitizer.log
        echo "== $s: building ($scratch)"
        if ! nice -n 15 swift build --build-tests --scratch-path "$scratch" --sanitize="$s" >"$log" 2>&1; then
            tail -30 "$log"; echo "== $s: BUILD FAILED (see $log)"; status=1; continue
        fi
        echo "== $s: testing"
        ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:halt_on_error=1 \
        TSAN_OPTIONS=halt_on_error=0:second_deadlock_stack=1 \
            nice -n 15 swift test --skip-build --scratch-path "$scratch" --sanitize="$s" >>"$log" 2>&1
        rc=$?
        reports=$(grep -c -E "^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer)" "$log")
        summary=$(grep -E "Test run with|Executed [0-9]+ tests" "$log" | tail -2 | tr '\n' ' ')
        echo "== $s: exit $rc, $reports sanitizer reports; $summary"
        if [ "$rc" -ne 0 ] || [ "$reports" -ne 0 ]; then
            grep -E -A12 "^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer)" "$log" | head -80
            grep -E "✘" "$log" | head -20
            status=1
        fi
    done
done
exit $status
