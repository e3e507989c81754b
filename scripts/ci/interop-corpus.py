#!/usr/bin/env python3
"""Interoperability of the corpus features (run by .ci/run after scripts/ci/interop.py).

  python3 scripts/ci/interop-corpus.py KG_BINARY

Builds a small corpus (the development texts beside the repository, or the bundled sample, plus
an HTML page and JSON Lines documents), then checks with third-party parsers:
  * N-Quads parses in pyoxigraph and rdflib; every quad is in the named graph of a document, one
    graph per document with statements; its direct triples are those of the RDF/XML export; its
    evidence nodes are as many as the mentions of the JSON Lines;
  * N-Triples parses in pyoxigraph and rdflib;
  * `kg merge` of two JSON Lines shards gives RDF/XML isomorphic (rdflib) to one extraction;
  * exports are byte-identical with --jobs 1 and --jobs 4.
Exits 1 when a check fails.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BASE = "https://w3id.org/kg-news/id/"
failures = 0


def check(name, ok, detail=""):
    global failures
    print(("ok    " if ok else "FAIL  ") + name + ("" if ok else f": {detail}"))
    if not ok:
        failures += 1


def run(kg, *args, stdin=None):
    r = subprocess.run([kg, *args], cwd=ROOT, input=stdin, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"kg {' '.join(args)} failed ({r.returncode}): {r.stderr.decode()}")
    return r.stdout


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    kg = os.path.abspath(sys.argv[1])
    import pyoxigraph as ox
    import rdflib
    from rdflib.compare import isomorphic

    work = tempfile.mkdtemp(prefix="kg-interop-corpus-")
    try:
        corpus = os.path.join(work, "corpus")
        os.makedirs(os.path.join(corpus, "html"))
        # The committed test articles and the sample: every one has statements, so a JSON Lines
        # shard (which has no line for a document without statements) loses no document.
        texts = sorted(glob.glob(os.path.join(ROOT, "Tests/Fixtures/articles/*.txt"))) + [
            os.path.join(ROOT, "Sources/kg/Resources/xi-putin-2022-12-30.txt")]
        for t in texts:
            shutil.copy(t, corpus)
        with open(os.path.join(corpus, "html", "visit.html"), "w", encoding="utf-8") as f:
            f.write("<html><head><title>Visit</title><meta property='article:published_time' content='2023-03-20T09:00:00Z'>"
                    "<script>Russia attacked China.</script></head><body><nav>Menu</nav><article>"
                    "<p>Xi Jinping visited Russia and met Vladimir Putin in Moscow.</p></article></body></html>")
        with open(os.path.join(corpus, "docs.jsonl"), "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "wire-1", "text": "Russia attacked Ukraine. \"Quoted\" \\ text.", "date": "2022-02-24",
                                "url": "https://example.org/wire-1", "title": "Wire\nstory"}) + "\n")

        out = os.path.join(work, "out")
        run(kg, "extract", corpus, "--output", out, "--format", "rdfxml,ntriples,nquads,jsonl", "--quiet")
        nq, nt, rdf, jl = (os.path.join(out, "graph." + e) for e in ("nq", "nt", "rdf", "jsonl"))
        lines = [json.loads(l) for l in open(jl, encoding="utf-8")]

        # N-Quads in pyoxigraph and rdflib.
        store = ox.Store()
        store.load(path=nq, format=ox.RdfFormat.N_QUADS)
        graphs = {q.graph_name.value for q in store}
        docs = {BASE + "document/" + d for d in {l["document"] for l in lines}}
        check("pyoxigraph reads the N-Quads", len(store) > 0)
        check("every quad is in a document's named graph", all(g.startswith(BASE + "document/") for g in graphs))
        check("one named graph per document with statements", docs <= graphs, f"missing {docs - graphs}")
        ds = rdflib.Dataset()
        ds.parse(nq, format="nquads")
        n_rdflib = sum(1 for _ in ds.quads((None, None, None, None)))
        check("rdflib reads the N-Quads, same number of quads", n_rdflib == len(store), f"{n_rdflib} vs {len(store)}")
        mentions = sum(l["mentions"] for l in lines)
        evidence = {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                                                      ox.NamedNode("https://w3id.org/kg-news/ontology#Evidence"), None)}
        check("one evidence node per JSON Lines mention", len(evidence) == mentions, f"{len(evidence)} vs {mentions}")

        # Direct triples: N-Quads (union of the graphs) = RDF/XML.
        def direct(triples):
            return {(str(s), str(p), str(o)) for s, p, o in triples
                    if str(s).startswith(BASE + "entity/") and str(o).startswith(BASE + "entity/")
                    and str(p).startswith("https://w3id.org/kg-news/ontology#")}
        g_rdf = rdflib.Graph().parse(rdf, format="xml")
        nq_direct = direct((q.subject.value, q.predicate.value, q.object.value) for q in store
                           if isinstance(q.object, ox.NamedNode))
        check("N-Quads direct triples = RDF/XML direct triples", nq_direct == direct(g_rdf), f"{len(nq_direct)} vs {len(direct(g_rdf))}")
        wire = [q for q in store if q.graph_name.value == BASE + "document/wire-1" and q.predicate.value == "http://purl.org/dc/terms/title"]
        check("literals with line breaks survive N-Quads", [q.object.value for q in wire] == ["Wire\nstory"], str(wire))

        # N-Triples in both parsers.
        if os.path.exists(nt):
            s2 = ox.Store()
            s2.load(path=nt, format=ox.RdfFormat.N_TRIPLES)
            g_nt = rdflib.Graph().parse(nt, format="nt")
            check("pyoxigraph and rdflib read the N-Triples alike", len(s2) == len(g_nt) > 0, f"{len(s2)} vs {len(g_nt)}")

        # Shards: merge of two halves = one extraction (RDF/XML, isomorphic in rdflib).
        half = max(1, len(texts) // 2)
        s1 = run(kg, "extract", *texts[:half], "--format", "jsonl", "--quiet")
        s2_ = run(kg, "extract", *texts[half:], "--format", "jsonl", "--quiet") if texts[half:] else b""
        for i, data in enumerate((s1, s2_)):
            with open(os.path.join(work, f"part-{i}.jsonl"), "wb") as f:
                f.write(data)
        merged = run(kg, "merge", os.path.join(work, "part-0.jsonl"), os.path.join(work, "part-1.jsonl"), "--format", "rdfxml")
        whole = run(kg, "extract", *texts, "--format", "rdfxml", "--quiet")
        check("kg merge of two shards is isomorphic to one extraction (rdflib)",
              isomorphic(rdflib.Graph().parse(data=merged, format="xml"), rdflib.Graph().parse(data=whole, format="xml")))
        check("... and byte-identical", merged == whole)

        # Determinism across jobs.
        a = run(kg, "extract", corpus, "--jobs", "1", "--format", "nquads", "--quiet")
        b = run(kg, "extract", corpus, "--jobs", "4", "--format", "nquads", "--quiet")
        check("N-Quads byte-identical with --jobs 1 and --jobs 4", a == b)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{failures} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
