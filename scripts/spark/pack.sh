#!/bin/sh
# Builds kg for cluster executors and packs it with the ontology into one archive.
#
#   scripts/spark/pack.sh [OUTPUT.tgz]          # default: kg.tgz in the current folder
#
# The archive holds bin/kg and ontology/ (and README.txt). Shipped with
# `spark-submit --archives kg.tgz#kg`, it is unpacked as ./kg on every executor, where
# ./kg/bin/kg finds ./kg/ontology beside it (kg looks in BIN/../ontology) without KG_ONTOLOGY.
#
# The binary carries the Swift runtime and Foundation (--static-swift-stdlib) and, when Debian's
# static archives are installed (libxml2-dev, libicu-dev, zlib1g-dev, liblzma-dev: libxml2.a,
# libicu*.a, libz.a, liblzma.a), libxml2 with ICU, zlib and liblzma too. What remains dynamic is
# the C and C++ runtime of any glibc Linux: libc, libm, libstdc++, libgcc_s (glibc >= 2.35 and
# GCC 12's libstdc++, e.g. Debian 12, Ubuntu 22.04). Without the static archives libxml2 stays
# dynamic and the executors need libxml2 (with its ICU, zlib and liblzma) installed; the script
# says so.
#
# Checks before packing: ldd shows no libswift*, and the packed binary extracts a sentence with
# an empty environment (env -i, PATH=/usr/bin:/bin, no LD_LIBRARY_PATH) from another folder.
#
# Environment: SWIFT (default: swift on PATH, else /opt/swift/usr/bin/swift), NICE (default
# `nice`; set NICE= to build at normal priority).
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-kg.tgz}
case $OUT in /*) ;; *) OUT=$(pwd)/$OUT ;; esac
if [ -z "${SWIFT:-}" ]; then
    if command -v swift >/dev/null 2>&1; then SWIFT=swift; else SWIFT=/opt/swift/usr/bin/swift; fi
fi
NICE=${NICE-nice}
BUILD=$ROOT/.build-static
LIBDIR=/usr/lib/$(uname -m)-linux-gnu

# libxml2 and its dependencies as static archives, if Debian's -dev packages installed them: a
# folder holding only the archives, named by a pkg-config file that replaces libxml-2.0's, so the
# linker finds libxml2.a before libxml2.so.
STATIC=$BUILD/static-libxml2
set --
if [ -f "$LIBDIR/libxml2.a" ] && [ -f "$LIBDIR/libicuuc.a" ] && [ -f "$LIBDIR/libicudata.a" ] \
    && [ -f "$LIBDIR/libz.a" ] && [ -f "$LIBDIR/liblzma.a" ]; then
    mkdir -p "$STATIC/lib" "$STATIC/pkgconfig"
    for l in xml2 icuuc icudata z lzma; do ln -sf "$LIBDIR/lib$l.a" "$STATIC/lib/lib$l.a"; done
    cat > "$STATIC/pkgconfig/libxml-2.0.pc" <<EOF
Name: libXML
Version: static
Description: libxml2 linked statically (archives of $LIBDIR)
Libs: -L$STATIC/lib -lxml2
Cflags: -I/usr/include/libxml2
EOF
    PKG_CONFIG_PATH=$STATIC/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
    export PKG_CONFIG_PATH
    set -- -Xlinker -licuuc -Xlinker -licudata -Xlinker -lz -Xlinker -llzma
    echo "pack: libxml2, ICU, zlib and liblzma linked statically" >&2
else
    echo "pack: warning: no static libxml2 (apt-get install libxml2-dev libicu-dev zlib1g-dev liblzma-dev);" \
         "libxml2 stays dynamic: executors need libxml2 installed" >&2
fi

cd "$ROOT"
$NICE "$SWIFT" build -c release --static-swift-stdlib --build-path "$BUILD" --product kg "$@" >&2
BIN=$BUILD/release/kg

if ldd "$BIN" | grep -q 'libswift'; then
    ldd "$BIN" >&2
    echo "pack: error: $BIN still links the Swift runtime dynamically" >&2
    exit 1
fi

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/kg-pack.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/bin"
strip -o "$STAGE/bin/kg" "$BIN" 2>/dev/null || cp "$BIN" "$STAGE/bin/kg"
chmod 755 "$STAGE/bin/kg"
cp -R "$ROOT/ontology" "$STAGE/ontology"
{
    echo "kg $("$STAGE/bin/kg" --version), built $(date -u +%Y-%m-%d) from $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "bin/kg finds ontology/ beside it (BIN/../ontology); KG_ONTOLOGY or --ontology override it."
    echo "Dynamic libraries it needs:"
    ldd "$BIN" | awk '/=>/ { print "  " $1 }'
    echo "glibc symbols up to: $(objdump -T "$BIN" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)"
} > "$STAGE/README.txt"

# The packed binary in an empty environment, from another folder: it must find its ontology.
CHECK=$(mktemp -d "${TMPDIR:-/tmp}/kg-pack-check.XXXXXX")
trap 'rm -rf "$STAGE" "$CHECK"' EXIT
cp -R "$STAGE/bin" "$STAGE/ontology" "$CHECK/"
OUTPUT=$(cd / && printf '{"id":"check","text":"Russia attacked Ukraine."}\n' \
    | env -i PATH=/usr/bin:/bin "$CHECK/bin/kg" extract --stdin --format jsonl)
case $OUTPUT in
    *'"predicate":"attacks"'*) ;;
    *) echo "pack: error: the packed kg did not extract 'Russia attacked Ukraine.' in an empty environment" >&2; exit 1 ;;
esac

tar -C "$STAGE" -czf "$OUT" bin ontology README.txt
echo "pack: $OUT ($(du -h "$OUT" | cut -f1)): bin/kg, ontology/, README.txt" >&2
