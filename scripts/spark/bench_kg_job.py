#!/usr/bin/env python3
"""Figures of the cluster job in Spark local mode, against one kg process.

  python3 scripts/spark/bench_kg_job.py --archive kg.tgz [--documents 2000] [--master local[2]]
                                        [--partitions N] [--keep DIR]

Writes --documents synthetic news documents (JSON Lines; 6 to 14 sentences each, from sentence
templates over the gazetteer's countries, some with negation, modality or no relation at all,
some people named by title), then runs
1. kg_job.py (extraction and merge in Spark), with its figures: documents per second, bytes
   written per byte read, the peak memory of the biggest kg process;
2. for comparison, the single-process way: `kg merge` of the job's N-Quads part files (all
   shards into one process) and one `kg extract` of all the documents, with their peak memory
   (/usr/bin/time -v), and checks that the merge equals the extraction.
Prints one JSON object of figures.
"""
import argparse
import csv
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

TEMPLATES = [
    "{a} attacked {b}.", "{a} praised {b} for its support.", "{a} criticized {b} over the border dispute.",
    "{a} and {b} held talks in {city}.", "{a} condemned {b} after the incident.", "{a} threatened {b} with sanctions.",
    "{a} did not attack {b}, officials said.", "{a} may sanction {b} next month.", "{a} accused {b} of shelling.",
    "{a} mediated talks between {b} and {c}.", "{a} signed an agreement with {b}.", "{a} warned {b}.",
    "{a} thanked {b} for the aid.", "{a} rejected the proposal by {b}.", "{a} supported {b} at the summit.",
    "Foreign Minister {p} of {a} met {b}.", "{a} will not criticize {b}, the minister said.",
]
FILLER = [
    "Markets were calm on Tuesday.", "The talks lasted three hours.", "Analysts expect further meetings.",
    "The statement was published late at night.", "Weather delayed several flights.",
    "Officials gave no further details.", "The agreement still needs approval by parliament.",
]
PEOPLE = ["Ahmed Karimi", "Leila Haddad", "Maria Costa", "Jonas Berg", "Amina Diallo", "Kenji Sato"]


def countries():
    with open(os.path.join(ROOT, "ontology", "gazetteer", "countries.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [(r["label"], (r["seats"].split("|")[0] or "Geneva")) for r in rows if r["label"] and " " not in r["label"]][:120]


def generate(n, path, seed=20):
    rng = random.Random(seed)
    names = countries()
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            sentences = []
            for _ in range(rng.randint(6, 14)):
                if rng.random() < 0.25:
                    sentences.append(rng.choice(FILLER))
                    continue
                (a, _), (b, city), (c, _) = rng.sample(names, 3)
                sentences.append(rng.choice(TEMPLATES).format(a=a, b=b, c=c, city=city, p=rng.choice(PEOPLE)))
            text = " ".join(sentences)
            f.write(json.dumps({"id": f"doc{i:06d}", "text": text, "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                "url": f"https://example.org/news/doc{i:06d}", "title": sentences[0][:80]},
                               ensure_ascii=False) + "\n")


def timed(command, **kw):
    """Runs command under /usr/bin/time -v: (seconds, peak RSS in KB)."""
    t0 = time.time()
    r = subprocess.run(["/usr/bin/time", "-v", *command], stderr=subprocess.PIPE, text=True, **kw)
    seconds = time.time() - t0
    if r.returncode != 0:
        sys.exit(f"{command[:2]} failed:\n{r.stderr[-3000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    return seconds, rss


def size(paths):
    return sum(os.path.getsize(p) for p in paths)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--archive", required=True)
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int)
    ap.add_argument("--keep")
    a = ap.parse_args()
    work = a.keep or tempfile.mkdtemp(prefix="kg-spark-bench-")
    os.makedirs(work, exist_ok=True)
    try:
        docs = os.path.join(work, "documents.jsonl")
        generate(a.documents, docs)
        with tarfile.open(a.archive) as tar:
            tar.extractall(os.path.join(work, "kg"))
        kg = os.path.join(work, "kg", "bin", "kg")
        out = os.path.join(work, "out")
        metrics = os.path.join(work, "metrics.json")
        command = [sys.executable, os.path.join(HERE, "kg_job.py"), "--input", docs, "--output", out,
                   "--archive", a.archive, "--master", a.master, "--metrics", metrics]
        if a.partitions:
            command += ["--partitions", str(a.partitions)]
        job_seconds, driver_rss = timed(command)
        with open(metrics) as f:
            m = json.load(f)
        input_bytes = os.path.getsize(docs)
        tasks = m["tasks"]
        parts = sorted(glob.glob(os.path.join(out, "nquads", "part-*")))
        shards = sum(t["output_bytes"] for t in tasks)
        merged_dir = os.path.join(work, "merged")
        merge_seconds, merge_rss = timed([kg, "merge", *parts, "--output", merged_dir, "--format", "jsonl"])
        whole_dir = os.path.join(work, "whole")
        extract_seconds, extract_rss = timed([kg, "extract", docs, "--output", whole_dir, "--format", "jsonl", "--quiet"])
        same = subprocess.run(["cmp", "-s", os.path.join(merged_dir, "graph.jsonl"), os.path.join(whole_dir, "graph.jsonl")]).returncode == 0
        figures = {
            "documents": m["documents"], "input_MB": round(input_bytes / 1e6, 2), "master": m["master"], "partitions": m["partitions"],
            "job_seconds": round(job_seconds, 1),
            "spark_extraction_seconds": round(m["extract_seconds"], 1),
            "spark_extraction_docs_per_s": round(m["documents"] / m["extract_seconds"], 1),
            "kg_seconds_in_tasks": round(sum(t["seconds"] for t in tasks), 1),
            "extraction_output_bytes_per_input_byte": round(shards / input_bytes, 2),
            "kg_peak_rss_MB_biggest_task": round(max(t["kg_max_rss_kb"] for t in tasks) / 1024, 1),
            "python_worker_peak_rss_MB": round(max(t["worker_max_rss_kb"] for t in tasks) / 1024, 1),
            "spark_merge_seconds": round(m["merge_seconds"], 1),
            "spark_merge_docs_per_s": round(m["documents"] / m["merge_seconds"], 1),
            "merge_nquads_bytes_per_input_byte": round(m["nquads_bytes"] / input_bytes, 2),
            "merge_parquet_bytes_per_input_byte": round(m["parquet_bytes"] / input_bytes, 2),
            "statements": m["statements"], "entities": m["entities"], "varying_entities": m["varying_entities"],
            "python_driver_peak_rss_MB": round(driver_rss / 1024, 1),  # the JVM is not counted (local mode: spark.driver.memory, 1g by default)
            "one_process_kg_merge_seconds": round(merge_seconds, 1), "one_process_kg_merge_peak_rss_MB": round(merge_rss / 1024, 1),
            "one_process_kg_extract_seconds": round(extract_seconds, 1), "one_process_kg_extract_peak_rss_MB": round(extract_rss / 1024, 1),
            "merged_equals_one_extraction": same,
        }
        print(json.dumps(figures, indent=1))
        sys.exit(0 if same else 1)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
