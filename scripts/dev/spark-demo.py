#!/usr/bin/env python3
"""kg as a stateless stage of a cluster job: PySpark in local mode.

  pip install pyspark        # Java 17 must be installed
  python3 scripts/dev/spark-demo.py [--kg PATH] [--documents 2000] [--partitions 8] [--cores 2] [--batch 100]

1. Builds JSON Lines documents ({"id", "text", "date", "url", "title"}) by recombining the real
   development texts with varied gazetteer names (the generator of scripts/bench/bench.py).
2. Spark (local[CORES]) pipes every partition through `kg extract --stdin --format jsonl`
   (rdd.pipe: documents on stdin, statements on stdout, one process per partition; kg streams
   them in batches of --batch documents) and saves the shards as part-NNNNN files, as Hadoop
   Streaming would; then the same with `--format nquads`.
3. `kg merge part-*` combines each set of shards into one graph and exports RDF/XML, GraphML and
   JSON Lines (the shard format is told by content).
4. Both merges are compared with one `kg extract` over all documents at once: the JSON Lines
   merged from JSON Lines shards, and the RDF/XML, GraphML and JSON Lines merged from N-Quads
   shards (which carry the entities' aliases as skos:altLabel), must be byte-identical. (The
   RDF/XML and GraphML merged from JSON Lines lack the documents without statements, which have
   no JSON Lines line.) The exit status says whether all of this holds.

Prints the figures: documents, MB, Spark stage and merge times, statements, identical or not.
"""
import argparse
import filecmp
import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load_bench():
    loader = importlib.machinery.SourceFileLoader("kgbench", os.path.join(ROOT, "scripts", "bench", "bench.py"))
    spec = importlib.util.spec_from_loader("kgbench", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def default_kg():
    for p in (".build-corpus/release/kg", ".build/release/kg", ".build-corpus/debug/kg", ".build/debug/kg"):
        if os.access(os.path.join(ROOT, p), os.X_OK):
            return os.path.join(ROOT, p)
    sys.exit("no kg binary found: swift build -c release, or pass --kg PATH")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kg", default=None)
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--cores", type=int, default=os.cpu_count())
    ap.add_argument("--batch", type=int, default=100, help="documents per batch of kg extract --stdin")
    ap.add_argument("--keep", help="keep the work folder here")
    a = ap.parse_args()
    kg = os.path.abspath(a.kg) if a.kg else default_kg()
    from pyspark import SparkConf, SparkContext

    work = a.keep or tempfile.mkdtemp(prefix="kg-spark-")
    os.makedirs(work, exist_ok=True)
    # 1. Documents as JSON Lines.
    bench = load_bench()
    corpus = os.path.join(work, "corpus")
    bench.generate(int(a.documents * 4000), corpus)
    lines = []
    for sub in sorted(os.listdir(corpus)):
        for name in sorted(os.listdir(os.path.join(corpus, sub)), key=lambda n: int(n[4:-4])):
            with open(os.path.join(corpus, sub, name), encoding="utf-8") as f:
                text = f.read()
            doc_id = name[:-4]
            n = int(doc_id[4:])
            lines.append(json.dumps({"id": doc_id, "text": text, "date": f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}",
                                     "url": f"https://example.org/news/{doc_id}", "title": text.split("\n", 1)[0][:120]},
                                    ensure_ascii=False))
    lines = lines[:a.documents]
    lines.sort(key=lambda l: int(json.loads(l)["id"][4:]))
    all_docs = os.path.join(work, "documents.jsonl")
    with open(all_docs, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    size = os.path.getsize(all_docs)

    # 2. The Spark stages: JSON Lines shards, then N-Quads shards.
    conf = SparkConf().setMaster(f"local[{a.cores}]").setAppName("kg-extract").set("spark.ui.enabled", "false") \
        .set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    env = {"KG_ONTOLOGY": os.path.join(ROOT, "ontology")}
    stage_seconds = {}
    for fmt in ("jsonl", "nquads"):
        t0 = time.perf_counter()
        sc.parallelize(lines, a.partitions) \
          .pipe(f"{kg} extract --stdin --format {fmt} --batch {a.batch} --quiet --jobs 1", env=env) \
          .saveAsTextFile(os.path.join(work, "shards-" + fmt))
        stage_seconds[fmt] = time.perf_counter() - t0
    sc.stop()

    # 3. Merge each set of shards.
    merge_seconds = {}
    parts = {}
    for fmt in ("jsonl", "nquads"):
        shards = os.path.join(work, "shards-" + fmt)
        parts[fmt] = sorted(os.path.join(shards, p) for p in os.listdir(shards) if p.startswith("part-"))
        t0 = time.perf_counter()
        r = subprocess.run([kg, "merge", *parts[fmt], "--output", os.path.join(work, "merged-" + fmt),
                            "--format", "rdfxml,graphml,jsonl", "--ontology", os.path.join(ROOT, "ontology")])
        merge_seconds[fmt] = time.perf_counter() - t0
        if r.returncode != 0:
            sys.exit(f"kg merge of the {fmt} shards failed with {r.returncode}")

    # 4. One extraction of everything, for comparison.
    whole = os.path.join(work, "whole")
    t0 = time.perf_counter()
    r = subprocess.run([kg, "extract", all_docs, "--output", whole, "--format", "rdfxml,graphml,jsonl", "--quiet",
                        "--ontology", os.path.join(ROOT, "ontology")])
    whole_seconds = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"kg extract failed with {r.returncode}")

    def same(fmt, name):
        return filecmp.cmp(os.path.join(work, "merged-" + fmt, name), os.path.join(whole, name), shallow=False)

    checks = {
        "JSON Lines shards: JSON Lines": same("jsonl", "graph.jsonl"),
        "N-Quads shards: RDF/XML, GraphML, JSON Lines": all(same("nquads", n) for n in ("graph.rdf", "graph.graphml", "graph.jsonl")),
    }
    statements = 0
    with_statements = set()
    with open(os.path.join(whole, "graph.jsonl"), encoding="utf-8") as f:
        for line in f:
            statements += 1
            with_statements.add(json.loads(line)["document"])
    nq_bytes = sum(os.path.getsize(p) for p in parts["nquads"])
    print(f"documents: {len(lines)} ({size / 1e6:.1f} MB of JSON Lines), {a.partitions} partitions, local[{a.cores}], "
          f"batches of {a.batch}")
    for fmt in ("jsonl", "nquads"):
        print(f"Spark stage (rdd.pipe through kg extract --stdin --format {fmt}): {stage_seconds[fmt]:.1f} s, "
              f"{size / 1e6 / stage_seconds[fmt]:.2f} MB/s")
    print(f"kg merge of {len(parts['jsonl'])} JSON Lines shards + export (RDF/XML, GraphML, JSONL): {merge_seconds['jsonl']:.1f} s")
    print(f"kg merge of {len(parts['nquads'])} N-Quads shards ({nq_bytes / 1e6:.1f} MB) + export: {merge_seconds['nquads']:.1f} s")
    print(f"one kg extract over all documents (reference): {whole_seconds:.1f} s")
    print(f"statement lines (statement x document): {statements}; documents without statements: "
          f"{len(lines) - len(with_statements)} (no JSON Lines line, so not in the JSON Lines merge; kept by N-Quads)")
    for what, ok in checks.items():
        print(f"identical to one extraction, {what}: {'yes' if ok else 'NO'}")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if all(checks.values()) else 1)


if __name__ == "__main__":
    main()
