#!/usr/bin/env python3
"""kg benchmarks, side by side in one run (figures only; nothing here fails on a slow machine).

  scripts/bench/bench.py [--size-mb 50] [--jobs N] [--skip-build] [--json OUT.json]

1. Extraction: a corpus of at least --size-mb MB is generated into a temporary folder by
   recombining the paragraphs of the real development texts (../shared/corpus/dev/*.txt) and
   replacing every gazetteer name in them by a random name of the same kind (people, countries,
   organizations), so the extractor sees varied actors. `kg extract FOLDER --format jsonl` runs
   on one core (--jobs 1) and on all cores; MB/s and sentences/s are end to end (reading,
   extraction, merging, export). Sentences are counted with a simple splitter (approximate).
2. Graph memory: resident bytes per statement of the graph core (KnowledgeGraph.Graph) at 1M and
   10M statements (kg-bench memory N).
3. Export: kg's RDF/XML and GraphML of a 50k-statement graph (kg-bench export), next to
   pyoxigraph dumping the same triples as RDF/XML and networkx writing the same graph with
   write_graphml. MB/s are output bytes per second of each tool.

`--relations both --relations patterns` times each relation stage (default: kg's, both, which
parses; the pattern stage alone does not).

Goals: extraction >= 5 MB/s per core (patterns), >= 1 MB/s with the parser (both); RDF/XML >= 2x oxigraph; GraphML >= 30x networkx;
<= 100 bytes per statement in the graph core.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEV = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "dev")
GAZ = os.path.join(ROOT, "ontology", "gazetteer")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def build(scratch):
    for product in ("kg", "kg-bench"):
        log(f"building {product} (release)...")
        subprocess.run(["swift", "build", "-c", "release", "--scratch-path", scratch, "--product", product],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(scratch, "release")


def gazetteer():
    """Names by kind: [(label, [names to replace])]."""
    kinds = {}
    for file, kind in (("people.tsv", "person"), ("countries.tsv", "country"), ("organizations.tsv", "org")):
        rows = []
        with open(os.path.join(GAZ, file), encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            for line in f:
                cols = dict(zip(header, line.rstrip("\n").split("\t")))
                names = [cols["label"]] + [a for a in cols.get("aliases", "").split("|") if len(a) > 3]
                rows.append((cols["label"], names))
        kinds[kind] = rows
    return kinds


def generate(target_bytes, out_dir, seed=7):
    """Writes recombined articles to out_dir/NN/doc-N.txt; returns (bytes, documents, sentences)."""
    rng = random.Random(seed)
    paragraphs = []
    for name in sorted(os.listdir(DEV)):
        if name.endswith(".txt"):
            with open(os.path.join(DEV, name), encoding="utf-8") as f:
                paragraphs += [p.strip() for p in f.read().split("\n") if len(p.strip()) > 40]
    kinds = gazetteer()
    # Every gazetteer name that occurs in the dev texts, longest first, with its kind.
    text = "\n".join(paragraphs)
    found = {}
    for kind, rows in kinds.items():
        for _, names in rows:
            for n in names:
                if n in text and n not in found:
                    found[n] = kind
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(found, key=len, reverse=True)) + r")\b")
    labels = {k: [r[0] for r in rows] for k, rows in kinds.items()}
    sentence_end = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z“\"])")
    total = docs = sentences = 0
    while total < target_bytes:
        # One article: a few paragraphs, each actor renamed consistently within the article.
        chosen = [paragraphs[rng.randrange(len(paragraphs))] for _ in range(rng.randint(4, 12))]
        renames = {}

        def rename(m):
            n = m.group(1)
            if n not in renames:
                renames[n] = rng.choice(labels[found[n]])
            return renames[n]

        body = "\n\n".join(pattern.sub(rename, p) for p in chosen)
        sub = os.path.join(out_dir, f"{docs // 1000:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"doc-{docs}.txt"), "w", encoding="utf-8") as f:
            f.write(body)
        total += len(body.encode("utf-8"))
        sentences += sum(len(sentence_end.findall(p)) + 1 for p in chosen)
        docs += 1
    return total, docs, sentences


def timed(cmd, **kw):
    """Runs cmd; returns (wall seconds, CPU seconds of the child (user + system), result)."""
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, **kw)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, r


def extraction(kg, corpus, jobs, relations=None):
    out = tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False)
    out.close()
    stage = ["--relations", relations] if relations else []
    with open(out.name, "wb") as f:
        secs, cpu, r = timed([kg, "extract", corpus, "--jobs", str(jobs), "--format", "jsonl", "--quiet"] + stage, stdout=f, cwd=ROOT)
    if r.returncode != 0:
        sys.exit(f"kg extract failed with {r.returncode}")
    lines = sum(1 for _ in open(out.name, encoding="utf-8"))
    os.unlink(out.name)
    return secs, cpu, lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=50)
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--statements", type=int, default=50000, help="statements of the export benchmark graph")
    ap.add_argument("--memory", default="1000000,10000000", help="graph sizes of the memory benchmark")
    ap.add_argument("--scratch", default=os.path.join(ROOT, ".build-corpus"))
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--skip-extraction", action="store_true", help="only the memory and export benchmarks")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--relations", action="append", default=None,
                    help="relation stage(s) of kg extract to time (both, patterns, constructions; repeatable); default: kg's default (both)")
    a = ap.parse_args()

    bin_dir = os.path.join(a.scratch, "release") if a.skip_build else build(a.scratch)
    kg, bench = os.path.join(bin_dir, "kg"), os.path.join(bin_dir, "kg-bench")
    results = {"cores": os.cpu_count(), "loadAverageAtStart": os.getloadavg()[0]}
    work = tempfile.mkdtemp(prefix="kg-bench-")
    try:
        # 1. Extraction
        corpus = os.path.join(work, "corpus")
        if not a.skip_extraction:
            log(f"generating a {a.size_mb:g} MB corpus in {corpus}...")
            size, docs, sentences = generate(int(a.size_mb * 1e6), corpus)
            results["corpus"] = {"bytes": size, "documents": docs, "sentences": sentences}
        stages = [] if a.skip_extraction else (a.relations or [None])
        for stage, jobs in [(st, j) for st in stages for j in sorted({1, a.jobs})]:
            log(f"kg extract --jobs {jobs} --relations {stage or 'default'}...")
            secs, cpu, lines = extraction(kg, corpus, jobs, stage)
            results[f"extract_jobs{jobs}" + (f"_{stage}" if stage else "")] = {
                "seconds": secs, "cpuSeconds": cpu, "MBps": size / 1e6 / secs, "MBperCPUSecond": size / 1e6 / cpu,
                "sentencesPerSecond": sentences / secs, "jsonlLines": lines}

        # 2. Memory of the graph core
        for n in [int(x) for x in a.memory.split(",") if x]:
            log(f"kg-bench memory {n}...")
            r = subprocess.run([bench, "memory", str(n)], capture_output=True, text=True, check=True)
            results[f"memory_{n}"] = json.loads(r.stdout)

        # 3. Exports next to oxigraph and networkx
        exp = os.path.join(work, "export")
        os.makedirs(exp)
        log(f"kg-bench export {a.statements}...")
        r = subprocess.run([bench, "export", str(a.statements), exp], capture_output=True, text=True, check=True)
        k = json.loads(r.stdout)
        results["kg_rdfxml"] = {"bytes": k["rdfxml"]["bytes"], "seconds": k["rdfxml"]["seconds"],
                                "MBps": k["rdfxml"]["bytes"] / 1e6 / k["rdfxml"]["seconds"]}
        results["kg_graphml"] = {"bytes": k["graphml"]["bytes"], "seconds": k["graphml"]["seconds"],
                                 "MBps": k["graphml"]["bytes"] / 1e6 / k["graphml"]["seconds"]}
        try:
            import pyoxigraph as ox
            store = ox.Store()
            store.bulk_load(path=os.path.join(exp, "graph.rdf"), format=ox.RdfFormat.RDF_XML)
            triples = len(store)
            best = None
            # The same prefixes as kg's RDF/XML; both serialize to memory (kg to a counting sink).
            prefixes = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
                        "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#",
                        "dcterms": "http://purl.org/dc/terms/", "kg": "https://w3id.org/kg-news/ontology#"}
            for _ in range(3):
                t0 = time.thread_time()
                data = store.dump(None, ox.RdfFormat.RDF_XML, from_graph=ox.DefaultGraph(), prefixes=prefixes)
                t = time.thread_time() - t0
                best = t if best is None else min(best, t)
            size = len(data)
            results["oxigraph_rdfxml"] = {"bytes": size, "seconds": best, "MBps": size / 1e6 / best, "triples": triples,
                                          "version": ox.__version__}
        except ImportError:
            log("pyoxigraph not installed: pip install pyoxigraph")
        try:
            import networkx as nx
            g = nx.read_graphml(os.path.join(exp, "graph.graphml"))
            import io
            buf = io.BytesIO()  # to memory, like kg's counting sink
            t0 = time.thread_time()
            nx.write_graphml(g, buf)
            t = time.thread_time() - t0
            size = len(buf.getvalue())
            results["networkx_graphml"] = {"bytes": size, "seconds": t, "MBps": size / 1e6 / t,
                                           "edges": g.number_of_edges(), "version": nx.__version__}
        except ImportError:
            log("networkx not installed: pip install networkx")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report(results, a.jobs)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=2)


def report(r, jobs):
    c = r.get("corpus", {"bytes": 0, "documents": 0, "sentences": 0})
    print(f"corpus: {c['bytes'] / 1e6:.1f} MB, {c['documents']} documents, ~{c['sentences']} sentences; "
          f"{r['cores']} cores, load average {r['loadAverageAtStart']:.1f} at start")
    print("extraction: wall-clock MB/s, and MB per CPU-second (robust when other work shares the cores);")
    print("exports: output MB per CPU-second of the serializing thread, kg and the reference alike")
    print(f"{'benchmark':44} {'figure':>22}   goal")
    for stage in [None, "both", "patterns", "constructions"]:
        suffix = f"_{stage}" if stage else ""
        one = r.get("extract_jobs1" + suffix)
        if not one:
            continue
        name = f"extraction ({stage or 'default stage'})"
        goal = ">= 5 MB/s per core" if stage == "patterns" else ">= 1 MB/s per core"
        print(f"{name + ', 1 core':44} {one['MBps']:8.2f} MB/s {one['sentencesPerSecond']:8.0f} sent/s   {goal}")
        print(f"{name + ', 1 core, per CPU-second':44} {one['MBperCPUSecond']:8.2f} MB/s")
        x = r.get(f"extract_jobs{jobs}" + suffix)
        if x and jobs != 1:
            print(f"{name + f', {jobs} jobs':44} {x['MBps']:8.2f} MB/s {x['sentencesPerSecond']:8.0f} sent/s   "
                  f"(speed-up {one['seconds'] / x['seconds']:.2f}x)")
    for key in sorted(k for k in r if k.startswith("memory_")):
        m = r[key]
        label = "graph core, {:,} statements".format(m["statements"])
        print(f"{label:44} {m['bytesPerStatement']:8.1f} B/statement        <= 100")
    kr, kgm = r["kg_rdfxml"], r["kg_graphml"]
    ox, nx = r.get("oxigraph_rdfxml"), r.get("networkx_graphml")
    print(f"{'RDF/XML export, kg':44} {kr['MBps']:8.1f} MB/s")
    if ox:
        print(f"{'RDF/XML export, oxigraph ' + ox['version']:44} {ox['MBps']:8.1f} MB/s   kg/oxigraph = {kr['MBps'] / ox['MBps']:.2f}x (goal >= 2x)")
    print(f"{'GraphML export, kg':44} {kgm['MBps']:8.1f} MB/s")
    if nx:
        print(f"{'GraphML export, networkx ' + nx['version']:44} {nx['MBps']:8.1f} MB/s   kg/networkx = {kgm['MBps'] / nx['MBps']:.1f}x (goal >= 30x)")


if __name__ == "__main__":
    main()
