#!/usr/bin/env python3
"""Tests of the cluster job (scripts/spark/kg_job.py) in Spark local mode.

  python3 scripts/spark/test_kg_job.py [--archive kg.tgz] [--keep DIR]

Packs kg.tgz (scripts/spark/pack.sh) unless --archive is given, then, on a small news corpus
written here (44 JSON Lines documents, with a repeated document, an id reused for other text,
a document with no statement, negation, modality, a symmetric relation, quotes and accents, and
two people described differently by two documents each):

- the job succeeds in local[2] and writes nquads/part-*.nq and parquet/{documents,entities,statements};
- `kg merge nquads/part-*` (and `kg merge nquads`) gives the graph of one `kg extract` of all
  the documents: JSON Lines, RDF/XML and GraphML byte for byte;
- the part files hold the lines of that extraction's N-Quads (compared sorted: the parts keep
  input order, kg extract writes documents by id);
- the Parquet tables agree with that extraction (documents in input order, entities, statements
  with weight, confidence and every mention);
- the same with entities joined rather than broadcast (--broadcast-limit 0);
- plain text files (--text), one document each, named by file: the same equality;
- an entity described differently by two documents is written as the first describes it;
- an archive without its ontology fails the job: exit status 1 and kg's own error message;
- the packed kg runs in an empty environment from another folder, with its ontology beside it.

Ends with 'N passed, M failed'; the exit status is 1 if any failed. Needs pyspark and Java 17.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JOB = os.path.join(HERE, "kg_job.py")
sys.path.insert(0, HERE)

TEXTS = [
    ("Russia attacked Ukraine.", "Russia strikes"),
    ("China praised Pakistan. Pakistan thanked China for its support.", "Old friends"),
    ("Qatar mediated talks between Israel and Hamas.", "Doha talks"),
    ("Israel and Hamas agreed to a ceasefire.", "Ceasefire"),
    ("Russia did not attack Finland.", "No attack"),
    ("China may criticize Japan over the islands.", "Islands"),
    ("The United States condemned North Korea after the missile test.", "Missile test"),
    ("Turkey threatened Syria. Syria accused Turkey of shelling.", "Border"),
    ("India and Pakistan held talks in Geneva.", "Geneva"),
    ("Germany criticized Russia. France criticized Russia too.", "Europe"),
    ("The weather was mild and the markets were calm.", "Quiet day"),
    ("Egypt hosted Hamas in Cairo. Egypt mediated between Israel and Hamas.", "Cairo"),
    ("Iran warned Israel. Israel threatened Iran with retaliation.", "Warnings"),
    ("Japan praised Australia for the \"historic\" agreement.", "Quotes"),
    ("Brazil and Argentina signed a trade agreement. Brazil praised Argentina.", "Mercosur"),
    ("Saudi Arabia met Iran in Beijing. China praised Saudi Arabia.", "Beijing"),
    ("Ukraine accused Russia of shelling Kharkiv. Russia denied it.", "Kharkiv"),
    ("Poland supported Ukraine. Hungary criticized Ukraine.", "Neighbours"),
    ("Vietnam protested against China. China rejected the protest.", "Sea"),
    ("Kenya mediated between Ethiopia and Eritrea.", "Horn of Africa"),
    ("Mexico criticized the United States over the wall. The United States praised Mexico later.", "Border wall"),
    ("Azerbaijan attacked Armenia. Armenia accused Azerbaijan of aggression.", "Caucasus"),
    ("South Korea and Japan held talks. South Korea praised Japan.", "Seoul"),
    ("Israel did not attack Lebanon, officials said. Hezbollah threatened Israel.", "Lebanon"),
    ("Canada may sanction Russia. Canada condemned Russia.", "Ottawa"),
    ("Nigeria praised Ghana. Ghana thanked Nigeria.", "West Africa"),
    ("Russia attacked Ukraine again. Ukraine attacked Russia.", "Front"),
    ("Qatar praised Egypt for its mediation. Ägypten is Egypt in German.", "Mediation"),
    ("Serbia criticized Kosovo. Kosovo accused Serbia.", "Balkans"),
    ("China and Russia held talks in Moscow.", "Moscow"),
    ("Pakistan condemned India. India rejected the statement.", "Kashmir"),
    ("Turkey mediated between Russia and Ukraine.", "Istanbul"),
    ("Sweden and Finland joined NATO. Russia criticized NATO.", "NATO"),
    ("Japan will not criticize China, the minister said.", "Tokyo"),
    ("The United States praised Qatar. Qatar mediated talks between the United States and Iran.", "Gulf"),
    ("Nothing of note happened in the capital.", "Calm"),
]

# Two people described differently by two documents each (with and without a country): the
# merged description is the first document's, as in one extraction.
LATE = [
    (3, "Iranian Foreign Minister Ahmed Karimi criticized Japan.", "Karimi in Tokyo"),
    (4, "Foreign Minister Leila Haddad praised Egypt.", "Haddad in Cairo"),
    (30, "Foreign Minister Ahmed Karimi praised China.", "Karimi in Beijing"),
    (33, "Lebanese Foreign Minister Leila Haddad criticized Israel.", "Haddad on Israel"),
]
for _at, _text, _title in LATE:
    TEXTS.insert(_at, (_text, _title))


def corpus():
    """44 JSON Lines documents: the texts above, a repeated document (same id, same text), the id
    n03 reused for another text (kept as n03~2 by kg), and a real document n05~2 so that n05 with
    other text becomes n05~3."""
    docs = []
    for i, (text, title) in enumerate(TEXTS):
        d = {"id": f"n{i:02d}", "text": text, "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
             "url": f"https://example.org/news/n{i:02d}", "title": title}
        docs.append(d)
    docs.insert(20, dict(docs[2]))  # n02 again: counted once
    docs.insert(25, {"id": "n03", "text": "Israel criticized Hamas. Hamas rejected the plan.", "title": "Other n03"})
    docs.insert(9, {"id": "n05~2", "text": "Spain praised Morocco.", "date": "2024-06-30"})
    docs.append({"id": "n05", "text": "Morocco praised Spain.", "title": "Other n05"})
    return docs


def write_jsonl(docs, path):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


class Run:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, fn):
        try:
            fn()
            self.passed += 1
            print(f"ok: {name}", flush=True)
        except Exception:
            self.failed += 1
            print(f"FAILED: {name}\n{traceback.format_exc()}", flush=True)


def run_job(args, work, name):
    out = os.path.join(work, name)
    log = os.path.join(work, name + ".log")
    with open(log, "w") as f:
        r = subprocess.run([sys.executable, JOB, "--output", out, "--master", "local[2]", *args],
                           stdout=f, stderr=subprocess.STDOUT)
    with open(log) as f:
        return r.returncode, f.read(), out


def kg_run(kg, *args, stdin=None):
    r = subprocess.run([kg, *args], capture_output=True, input=stdin)
    if r.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed: {r.stderr.decode()}")
    return r.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--archive", help="use this kg.tgz instead of packing one")
    ap.add_argument("--keep", help="work in this folder and keep it")
    a = ap.parse_args()
    work = a.keep or tempfile.mkdtemp(prefix="kg-spark-test-")
    os.makedirs(work, exist_ok=True)
    t = Run()
    try:
        tests(t, a, work)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{t.passed} passed, {t.failed} failed")
    sys.exit(1 if t.failed else 0)


def tests(t, a, work):
    archive = a.archive and os.path.abspath(a.archive)
    if not archive:
        archive = os.path.join(work, "kg.tgz")
        subprocess.run([os.path.join(HERE, "pack.sh"), archive], check=True)
    unpacked = os.path.join(work, "unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked)
    kg = os.path.join(unpacked, "bin", "kg")
    docs = corpus()
    documents = os.path.join(work, "documents.jsonl")
    write_jsonl(docs, documents)
    ref = os.path.join(work, "reference")
    kg_run(kg, "extract", documents, "--output", ref, "--format", "jsonl,nquads,rdfxml,graphml", "--quiet")

    def clean_environment():
        r = subprocess.run(["env", "-i", "PATH=/usr/bin:/bin", kg, "extract", "--stdin", "--format", "jsonl"],
                           input=b'{"id":"a","text":"China praised Pakistan."}\n', capture_output=True, cwd="/")
        assert r.returncode == 0, r.stderr.decode()
        assert b'"predicate":"praises"' in r.stdout, r.stdout
        ldd = subprocess.run(["ldd", kg], capture_output=True, text=True).stdout
        assert "libswift" not in ldd, ldd
        # The ontology beside the binary is the one used: broken, kg fails.
        broken = os.path.join(work, "broken")
        shutil.copytree(unpacked, broken)
        with open(os.path.join(broken, "ontology", "kg.owl"), "w") as f:
            f.write("not an ontology")
        r = subprocess.run(["env", "-i", "PATH=/usr/bin:/bin", os.path.join(broken, "bin", "kg"), "extract", "--stdin"],
                           input=b'{"id":"a","text":"China praised Pakistan."}\n', capture_output=True, cwd="/")
        assert r.returncode != 0 and b"kg.owl" in r.stderr, r.stderr.decode()
    t.check("the packed kg runs in an empty environment, no libswift, its ontology beside it", clean_environment)

    code, log, out = run_job(["--input", documents, "--archive", archive, "--partitions", "3",
                              "--metrics", os.path.join(work, "metrics.json")], work, "out")

    def job_succeeds():
        assert code == 0, log
        with open(os.path.join(work, "metrics.json")) as f:
            figures = json.load(f)
        assert figures["documents"] == len(expected_ids()), figures["documents"]
        assert figures["varying_entities"] == 2, figures["varying_entities"]
        for p in ("nquads/_SUCCESS", "parquet/documents/_SUCCESS", "parquet/entities/_SUCCESS", "parquet/statements/_SUCCESS"):
            assert os.path.exists(os.path.join(out, p)), p
        assert len(glob.glob(os.path.join(out, "nquads", "part-*"))) >= 3
    t.check("the job succeeds in local[2] and writes N-Quads and Parquet", job_succeeds)

    def merge_equals_extraction(out, folder=False):
        parts = sorted(glob.glob(os.path.join(out, "nquads", "part-*")))
        assert parts and all(p.endswith(".nq") for p in parts), parts
        merged = os.path.join(out + "-merged")
        kg_run(kg, "merge", *([os.path.join(out, "nquads")] if folder else parts), "--output", merged,
               "--format", "jsonl,rdfxml,graphml")
        for name in ("graph.jsonl", "graph.rdf", "graph.graphml"):
            with open(os.path.join(merged, name), "rb") as f1, open(os.path.join(ref, name), "rb") as f2:
                x, y = f1.read(), f2.read()
            assert x == y, f"{name}: the merge of the part files differs from one extraction"
        assert os.path.getsize(os.path.join(ref, "graph.jsonl")) > 10000
    t.check("kg merge of nquads/part-* == one kg extract (JSON Lines, RDF/XML, GraphML byte for byte)",
            lambda: merge_equals_extraction(out))

    def nquads_lines():
        parts = sorted(glob.glob(os.path.join(out, "nquads", "part-*")))
        lines = []
        for p in parts:
            with open(p, encoding="utf-8") as f:
                lines += f.read().splitlines()
        with open(os.path.join(ref, "graph.nq"), encoding="utf-8") as f:
            whole = f.read().splitlines()
        assert sorted(lines) == sorted(whole), "the part files' lines differ from one extraction's N-Quads"
        # Documents in input order across the parts.
        ids = []
        for line in lines:
            if line.split(" ")[1] == "<http://purl.org/dc/terms/identifier>":
                ids.append(json.loads(line.split(" ", 2)[2].rsplit(" <", 1)[0]))
        assert ids == expected_ids(), ids
    t.check("the part files hold one extraction's N-Quads (sorted lines), documents in input order", nquads_lines)

    def parquet_tables():
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.master("local[1]").appName("kg-test").config("spark.ui.enabled", "false") \
            .config("spark.ui.showConsoleProgress", "false").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        try:
            check_parquet(spark, out, ref)
        finally:
            spark.stop()
    t.check("the Parquet tables agree with one extraction (documents, entities, statements, evidence)", parquet_tables)

    def joined():
        code, log, out2 = run_job(["--input", documents, "--archive", archive, "--partitions", "2", "--broadcast-limit", "0"],
                                  work, "out-join")
        assert code == 0, log
        merge_equals_extraction(out2, folder=True)
    t.check("the same with entities joined, not broadcast (--broadcast-limit 0), merging the folder nquads/", joined)

    def text_files():
        folder = os.path.join(work, "texts")
        os.makedirs(folder)
        for name, text in (("b-second.txt", "China praised Pakistan.\nPakistan thanked China."),
                           ("a first.txt", "Russia attacked Ukraine."), ("c.third.txt", "Qatar mediated talks between Israel and Hamas.")):
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
        code, log, out3 = run_job(["--input", folder, "--text", "--archive", archive, "--partitions", "2"], work, "out-text")
        assert code == 0, log
        parts = sorted(glob.glob(os.path.join(out3, "nquads", "part-*")))
        merged = kg_run(kg, "merge", *parts, "--format", "jsonl")
        assert merged == kg_run(kg, "extract", folder, "--format", "jsonl", "--quiet"), "text files: merge != extraction"
        assert b'"document":"a first"' in merged and b'"document":"c.third"' in merged
    t.check("plain text files (--text): ids from file names, merge == one kg extract of the folder", text_files)

    t.check("an entity described differently by two documents is written as the first describes it",
            lambda: entity_first_wins(kg, work))

    def failing_executor():
        bad = os.path.join(work, "no-ontology.tgz")
        with tarfile.open(archive) as src, tarfile.open(bad, "w:gz") as dst:
            for m in src.getmembers():
                if not m.name.startswith("ontology"):
                    dst.addfile(m, src.extractfile(m) if m.isfile() else None)
        code, log, _ = run_job(["--input", documents, "--archive", bad, "--partitions", "2"], work, "out-fail")
        assert code == 1, f"exit status {code}\n{log}"
        assert "kg_job: error: kg extract failed with exit status 1" in log, log
        assert "kg: error:" in log and "ontology" in log, log
        print("  the job's message: " + [l for l in log.splitlines() if l.startswith("kg_job: error")][0])
    t.check("an archive without its ontology fails the job with kg's error message", failing_executor)


def expected_ids():
    """The document ids of the corpus after kg's document rule, in input order."""
    from kg_job import DocumentLedger
    import hashlib
    ledger = DocumentLedger()
    ids = []
    for d in corpus():
        new = ledger.admit(d["id"], hashlib.sha256(d["text"].encode()).hexdigest())
        if new is not None:
            ids.append(new)
    return ids


def check_parquet(spark, out, ref):
    docs = spark.read.parquet(os.path.join(out, "parquet", "documents")).orderBy("position").collect()
    assert [d.id for d in docs] == expected_ids(), [d.id for d in docs]
    assert [d.position for d in docs] == list(range(len(docs)))
    assert "n03~2" in [d.id for d in docs] and "n05~3" in [d.id for d in docs]
    with open(os.path.join(ref, "graph.jsonl"), encoding="utf-8") as f:
        lines = [json.loads(l) for l in f]
    # Statements: the JSON Lines lines of one statement, in document order, make its evidence.
    expected = {}
    entities = {}
    for l in lines:
        key = (l["subject"]["id"], l["predicate"], l["object"]["id"], l["negated"], l["modality"])
        expected.setdefault(key, []).extend((l["document"], s["sentence"], s["start"], s["end"], s["quote"], s["pattern"],
                                             s["confidence"]) for s in l["spans"])
        for e in (l["subject"], l["object"]):
            entities[e["id"]] = (e["label"], e["type"], e["aliases"], e["country"], e["wikidata"])
    rows = spark.read.parquet(os.path.join(out, "parquet", "statements")).collect()
    got = {}
    for r in rows:
        key = (r.subject, r.predicate, r.object, r.negated, r.modality)
        got[key] = [(e.document, e.sentence, e.start, e.end, e.quote, e.pattern, e.confidence) for e in r.evidence]
        assert r.weight == len(r.evidence)
        miss = 1.0
        for e in r.evidence:
            miss *= 1 - e.confidence
        assert abs(r.confidence - (1 - miss)) < 1e-12
        assert r.documents == len({e.document for e in r.evidence})
    assert got == expected, "statements or their evidence differ from one extraction"
    assert any(k[3] for k in got) and any(k[4] != "asserted" for k in got), "the corpus lacks negation or modality"
    ents = {r.key: (r.label, r.type, list(r.aliases), r.country, r.wikidata)
            for r in spark.read.parquet(os.path.join(out, "parquet", "entities")).collect()}
    assert ents == entities, "entities differ from one extraction"


def entity_first_wins(kg, work):
    """render() writes each entity as the first document describes it; kg merge of the result
    equals kg merge of the documents as extracted (it keeps the first description too)."""
    from kg_job import parse_document, render
    a = kg_run(kg, "extract", "--stdin", "--format", "nquads", "--quiet",
               stdin=b'{"id":"a","text":"Foreign Minister Ahmed Karimi criticized Japan."}\n').decode().splitlines()
    b = kg_run(kg, "extract", "--stdin", "--format", "nquads", "--quiet",
               stdin=b'{"id":"b","text":"Foreign Minister Ahmed Karimi praised China."}\n').decode().splitlines()
    # Give the entity another alias in b, as a document that saw another name would.
    b = [l.replace('"Karimi"', '"A. Karimi"') for l in b]
    ra, rb = parse_document(a), parse_document(b)
    first = ra[6]["ahmed-karimi"][1]
    assert rb[6]["ahmed-karimi"][1] != first
    rendered = render(1, rb, {"ahmed-karimi": first})
    assert '"A. Karimi"' not in "\n".join(rendered) and len(rendered) == len(b)
    assert parse_document(rendered)[6]["ahmed-karimi"][1] == first
    assert parse_document(rendered)[7] == rb[7]
    paths = []
    for name, lines in (("a.nq", a), ("b.nq", b), ("b-rendered.nq", rendered)):
        paths.append(os.path.join(work, name))
        with open(paths[-1], "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    assert kg_run(kg, "merge", paths[0], paths[1], "--format", "jsonl") == kg_run(kg, "merge", paths[0], paths[2], "--format", "jsonl")


if __name__ == "__main__":
    main()
