#!/usr/bin/env python3
"""Benchmark (not a test): a kg store (SQLite) of N statements against the RDF/XML export of the same graph.

1. Writes a synthetic graph of N statements (default 1,000,000) in kg's RDF/XML layout
   (scripts/bench/bench-query.py's generator: N/50 actors, N/1000 documents, one mention each).
2. Adding: `kg merge graph.rdf --into store.db` (the whole graph, from an empty store), next to
   `kg stats graph.rdf` (reading the same RDF/XML alone), so the difference is the writing;
   then a day's batch of 10,000 statements in new documents added to the full store.
   Reports statements/s and bytes per statement on disk.
3. Querying: the whole `kg query store.db PATTERN` command (wall time, median of 5) next to
   `kg query graph.rdf PATTERN` (RDF/XML loaded), and the same answer from both.

Usage: python3 scripts/bench/bench-store.py [--statements N] [--kg PATH] [--dir DIR] [--keep]
"""
import argparse
import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
spec = importlib.util.spec_from_file_location("bench_query", os.path.join(ROOT, "scripts/bench/bench-query.py"))
bench_query = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_query)


CPU = []


def run(kg, *args, check=True):
    """Runs kg; returns (wall seconds, completed process); its CPU seconds go to CPU[-1]."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    r = subprocess.run([kg, *args], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))
    if check and r.returncode != 0:
        sys.exit(f"kg {' '.join(args)} failed: {r.stderr}")
    return wall, r


def store_bytes(path):
    return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--kg", default=os.path.join(ROOT, ".build/release/kg"))
    ap.add_argument("--dir", help="working folder (default: a temporary one, removed unless --keep)")
    ap.add_argument("--keep", action="store_true", help="keep the synthetic graph and the store")
    args = ap.parse_args()
    if not os.access(args.kg, os.X_OK):
        sys.exit(f"no kg binary at {args.kg}; run `swift build -c release` first")
    work = args.dir or tempfile.mkdtemp(prefix="kg-bench-store-")
    os.makedirs(work, exist_ok=True)
    rdf, day2, store = (os.path.join(work, n) for n in ("graph.rdf", "day2.rdf", "graph.db"))
    for p in (store, store + "-wal", store + "-shm"):
        if os.path.exists(p):
            os.remove(p)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} cores")

    t = time.perf_counter()
    subject, relation = bench_query.generate(rdf, args.statements)
    # A day's batch: other documents (ids), the same actors.
    bench_query.generate(day2, 10_000, seed=11)
    text = open(day2, encoding="utf-8").read()
    open(day2, "w", encoding="utf-8").write(text.replace("document/doc", "document/day2-doc").replace("<dcterms:identifier>doc", "<dcterms:identifier>day2-doc"))
    print(f"synthetic graph: {args.statements:,} statements, {os.path.getsize(rdf) / 1e6:,.0f} MB of RDF/XML, written in {time.perf_counter() - t:.1f} s")

    read_rdf, _ = run(args.kg, "stats", rdf, "--format", "tsv")
    added, r = run(args.kg, "merge", rdf, "--into", store)
    print(f"adding:     kg merge graph.rdf --into graph.db {added:.1f} s wall ({args.statements / added:,.0f} statements/s with the RDF/XML read); "
          f"kg stats graph.rdf alone {read_rdf:.1f} s, so writing ≈ {added - read_rdf:.1f} s ({args.statements / max(added - read_rdf, 1e-9):,.0f} statements/s)")
    print("            " + r.stderr.strip())
    size = store_bytes(store)
    print(f"disk:       {size / 1e6:,.0f} MB, {size / args.statements:,.0f} bytes per statement (one mention each; RDF/XML {os.path.getsize(rdf) / args.statements:,.0f})")

    pattern = f"?x {relation} {subject}"
    print(f"pattern:    {pattern}")
    walls, cpus = [], []
    for _ in range(5):
        w, r = run(args.kg, "query", store, pattern, "--format", "tsv")
        walls.append(w)
        cpus.append(CPU[-1])
        answer = r.stdout
    _, timed = run(args.kg, "query", store, pattern, "--format", "tsv", "--timing")
    _, tiny = run(args.kg, "query", store, "?x nosuchrelation ?y", check=False)
    w_rdf, r_rdf = run(args.kg, "query", rdf, pattern, "--format", "tsv")
    cpu_rdf = CPU[-1]
    q = statistics.median(walls)
    rows = len(answer.strip().split("\n")) - 1
    print(f"store:      kg query graph.db (whole command) median {q * 1000:.0f} ms wall of 5 (min {min(walls) * 1000:.0f} ms), "
          f"CPU (user+sys) median {statistics.median(cpus) * 1000:.0f} ms, {rows} rows")
    print("            " + timed.stderr.strip().replace("\n", "\n            "))
    print(f"RDF/XML:    kg query graph.rdf (whole command) {w_rdf:.2f} s wall, {cpu_rdf:.2f} s CPU")
    print(f"speed-up:   {w_rdf / q:,.0f}x wall, {cpu_rdf / statistics.median(cpus):,.0f}x CPU (goal ≥ 100x, store under 0.2 s: {'yes' if q < 0.2 else 'no'})")
    print(f"load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    w_stats, _ = run(args.kg, "stats", store, "--format", "tsv")
    print(f"whole store: kg stats graph.db {w_stats:.1f} s wall, {CPU[-1]:.1f} s CPU (reads everything; RDF/XML: {read_rdf:.1f} s)")
    if r_rdf.stdout != answer:
        print("WARNING: the store and the RDF/XML export answer differently")
    day, r = run(args.kg, "merge", day2, "--into", store)
    print(f"day batch:  10,000 statements into the store of {args.statements:,}: {day:.2f} s wall ({10_000 / day:,.0f} statements/s with the RDF/XML read)")
    if not args.keep and not args.dir:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
