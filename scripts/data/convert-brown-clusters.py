#!/usr/bin/env python3
"""Extract English word clusters (Brown clusters) for training kg's syntax model.

  python3 scripts/data/convert-brown-clusters.py OUTPUT.tsv [--wheel PATH]

Brown clusters group words that occur in similar contexts in a large unlabelled corpus
(Brown et al. 1992); as parser and tagger features they carry what a treebank of 200,000
words cannot: that an unseen "invaded" behaves like "attacked" (Koo, Carreras and Collins
2008). The clusters come from spaCy's lookup tables, `spacy-lookups-data` 1.0.5 on PyPI
(MIT licence, Copyright (C) 2019-2023 ExplosionAI GmbH): `en_lexeme_cluster` holds 1,000
clusters of web text (Reddit comments), each word's cluster as an integer whose low bits are
the first steps of its path in the cluster tree, and `en_lexeme_prob` the word's log
probability.

Without --wheel the script runs `pip download spacy-lookups-data==1.0.5` into a temporary
folder and checks the wheel's SHA-256 (the one the committed model was trained with). It writes one line per word with a cluster and a
known probability (the table's floor value marks words seen too rarely to count):
`WORD<TAB>CLUSTER<TAB>LOGPROB`, sorted by word, so the output is deterministic. The file is
an input of `kg-train-syntax --clusters`; the model stores the map it needs, so nothing at
run time reads it.
"""
import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "spacy-lookups-data==1.0.5"
WHEEL = "spacy_lookups_data-1.0.5-py2.py3-none-any.whl"
# The wheel the committed model was trained with; another one would give another model.
SHA256 = "466f21f087e4144bc93800679437ec5a17be7d0888734b1ba880b3ecb0978bc6"
CLUSTERS = "spacy_lookups_data/data/en_lexeme_cluster.json.gz"
PROBS = "spacy_lookups_data/data/en_lexeme_prob.json.gz"


def fetch(folder):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", folder, PACKAGE], check=True)
    path = os.path.join(folder, WHEEL)
    if not os.path.exists(path):
        sys.exit(f"convert-brown-clusters: pip did not download {WHEEL}")
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("output")
    ap.add_argument("--wheel", help=f"a downloaded {WHEEL} (else pip downloads it)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch(tmp)
        digest = hashlib.sha256(open(wheel, "rb").read()).hexdigest()
        if digest != SHA256:
            sys.exit(f"convert-brown-clusters: {wheel}: sha256 {digest}, expected {SHA256}")
        with zipfile.ZipFile(wheel) as z:
            clusters = json.load(gzip.open(z.open(CLUSTERS)))
            probs = json.load(gzip.open(z.open(PROBS)))
    floor = min(probs.values())
    rows = []
    for word, cluster in clusters.items():
        p = probs.get(word)
        if not cluster or p is None or p <= floor or "\t" in word or "\n" in word:
            continue
        rows.append((word, cluster, p))
    rows.sort()
    tmp_out = args.output + ".tmp"
    with open(tmp_out, "w", encoding="utf-8") as f:
        f.write(f"# Brown clusters from {PACKAGE} (MIT, ExplosionAI GmbH), wheel sha256 {digest}\n")
        for word, cluster, p in rows:
            f.write(f"{word}\t{cluster}\t{p:.4f}\n")
    os.replace(tmp_out, args.output)
    print(f"{args.output}: {len(rows)} words in {len(set(r[1] for r in rows))} clusters (wheel sha256 {digest})")


if __name__ == "__main__":
    main()
