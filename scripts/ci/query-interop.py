#!/usr/bin/env python3
"""Checks `kg query`, `kg neighbors`, `kg evidence` and `kg stats` against pyoxigraph's SPARQL.

Usage: python3 scripts/ci/query-interop.py [path/to/kg]      (default .build/debug/kg)

For each query, kg answers over its own RDF/XML export (loaded back with libxml2's reader) and
pyoxigraph answers the equivalent SPARQL over the same file (plus ontology/kg.owl, in a named
graph, for symmetric relations and QuadClasses); the answers must be the same sets of rows.
Graphs: the sample article, and the multi-document graph of the committed test articles
(Tests/Fixtures/articles).

Exits 1 on any difference.
"""
import json
import glob
import os
import subprocess
import sys
import tempfile
import urllib.parse

import pyoxigraph as ox

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KG = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/kg"))
NS = "https://w3id.org/kg-news/ontology#"
BASE = "https://w3id.org/kg-news/id/"
ONTOLOGY_GRAPH = "urn:kg:ontology"

PREFIXES = f"""
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kg: <{NS}>
PREFIX ent: <{BASE}entity/>
PREFIX doc: <{BASE}document/>
"""

# A positive triple ?s ?p ?o as kg reads it: direct triples, symmetric relations both ways.
def edge(s, p, o):
    return (f"{{ {s} {p} {o} . GRAPH <{ONTOLOGY_GRAPH}> {{ {p} a owl:ObjectProperty }} }} UNION "
            f"{{ {o} {p} {s} . GRAPH <{ONTOLOGY_GRAPH}> {{ {p} a owl:SymmetricProperty }} }}")

def quad(p, low, high):
    return f"GRAPH <{ONTOLOGY_GRAPH}> {{ {p} kg:quadClass ?q{p[1:]} FILTER(?q{p[1:]} >= {low} && ?q{p[1:]} <= {high}) }}"

def local(term, prefix):
    v = term.value
    assert v.startswith(prefix), v
    return urllib.parse.unquote(v[len(prefix):])

def sparql_rows(store, query, columns):
    rows = set()
    for solution in store.query(PREFIXES + query, use_default_graph_as_union=False):
        row = []
        for c in columns:
            t = solution[c]
            v = t.value
            if v.startswith(BASE + "entity/"):
                row.append(local(t, BASE + "entity/"))
            elif v.startswith(BASE + "document/"):
                row.append(local(t, BASE + "document/"))
            elif v.startswith(NS):
                row.append(v[len(NS):])
            else:
                row.append(v)
        rows.add(tuple(row))
    return rows

def kg_json(args):
    r = subprocess.run([KG] + args + ["--format", "json"], capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        raise SystemExit(f"kg {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return json.loads(r.stdout)

def cell(v):
    return v["key"] if isinstance(v, dict) else str(v)

def kg_rows(args, columns):
    return {tuple(cell(row[c]) for c in columns) for row in kg_json(args)}

def checks(rdf, document, since):
    """(description, kg arguments, kg columns, SPARQL, SPARQL columns)."""
    q = ["query", rdf]
    return [
        ("who mediates what", q + ['?x mediates ?y'], ["?x", "?y"],
         f"SELECT ?x ?y WHERE {{ {edge('?x', 'kg:mediates', '?y')} }}", ["x", "y"]),
        ("who attacks Ukraine", q + ['?who attacks Ukraine'], ["?who"],
         f"SELECT ?who WHERE {{ {edge('?who', 'kg:attacks', 'ent:UKR')} }}", ["who"]),
        ("Xi Jinping mediates ?x", q + ['"Xi Jinping" mediates ?x'], ["?x"],
         f"SELECT ?x WHERE {{ {edge('<' + BASE + 'entity/xi-jinping>', 'kg:mediates', '?x')} }}", ["x"]),
        ("Russia ?rel ?other", q + ['Russia ?rel ?other'], ["?rel", "?other"],
         f"SELECT ?rel ?other WHERE {{ {edge('ent:RUS', '?rel', '?other')} }}", ["rel", "other"]),
        ("every positive triple", q + ['?a ?r ?b'], ["?a", "?r", "?b"],
         f"SELECT ?a ?r ?b WHERE {{ {edge('?a', '?r', '?b')} }}", ["a", "r", "b"]),
        ("symmetric allyOf", q + ['?a allyOf ?b'], ["?a", "?b"],
         f"SELECT ?a ?b WHERE {{ {edge('?a', 'kg:allyOf', '?b')} }}", ["a", "b"]),
        ("join allyOf . attacks", q + ['?a allyOf ?b . ?b attacks ?c'], ["?a", "?b", "?c"],
         f"SELECT ?a ?b ?c WHERE {{ {{ {edge('?a', 'kg:allyOf', '?b')} }} {{ {edge('?b', 'kg:attacks', '?c')} }} }}", ["a", "b", "c"]),
        ("join on relation variable", q + ['?a ?r ?b . ?b ?r ?c'], ["?a", "?r", "?b", "?c"],
         f"SELECT ?a ?r ?b ?c WHERE {{ {{ {edge('?a', '?r', '?b')} }} {{ {edge('?b', '?r', '?c')} }} }}", ["a", "r", "b", "c"]),
        ("conflict relations", q + ['?a @conflict ?b'], ["?a", "?b"],
         f"SELECT DISTINCT ?a ?b WHERE {{ {edge('?a', '?p', '?b')} {quad('?p', 3, 4)} }}", ["a", "b"]),
        ("cooperation with a relation variable", q + ['?a ?r ?b . ?a @cooperation ?b'], ["?a", "?r", "?b"],
         f"SELECT DISTINCT ?a ?r ?b WHERE {{ {{ {edge('?a', '?r', '?b')} }} {{ {edge('?a', '?p', '?b')} }} {quad('?p', 1, 2)} }}", ["a", "r", "b"]),
        ("negated included", q + ['?a ?r ?b', '--include-negated'], ["?a", "?r", "?b"],
         """SELECT ?a ?r ?b WHERE { ?st a rdf:Statement ; rdf:predicate ?r ; kg:modality "asserted" .
              { ?st rdf:subject ?a ; rdf:object ?b } UNION
              { ?st rdf:subject ?b ; rdf:object ?a . GRAPH <%s> { ?r a owl:SymmetricProperty } } }""" % ONTOLOGY_GRAPH,
         ["a", "r", "b"]),
        ("hypothetical included", q + ['?a ?r ?b', '--include-hypothetical'], ["?a", "?r", "?b"],
         """SELECT ?a ?r ?b WHERE { ?st a rdf:Statement ; rdf:predicate ?r ; kg:negated false .
              { ?st rdf:subject ?a ; rdf:object ?b } UNION
              { ?st rdf:subject ?b ; rdf:object ?a . GRAPH <%s> { ?r a owl:SymmetricProperty } } }""" % ONTOLOGY_GRAPH,
         ["a", "r", "b"]),
        ("minimum confidence", q + ['?a ?r ?b', '--min-confidence', '0.8'], ["?a", "?r", "?b"],
         """SELECT ?a ?r ?b WHERE { ?st a rdf:Statement ; rdf:predicate ?r ; kg:negated false ; kg:modality "asserted" ;
              kg:confidence ?c FILTER(?c >= 0.8)
              { ?st rdf:subject ?a ; rdf:object ?b } UNION
              { ?st rdf:subject ?b ; rdf:object ?a . GRAPH <%s> { ?r a owl:SymmetricProperty } } }""" % ONTOLOGY_GRAPH,
         ["a", "r", "b"]),
        ("document filter", q + ['?a ?r ?b', '--document', document], ["?a", "?r", "?b"],
         """SELECT DISTINCT ?a ?r ?b WHERE { ?st a rdf:Statement ; rdf:predicate ?r ; kg:negated false ; kg:modality "asserted" ;
              kg:evidence/kg:document doc:%s
              { ?st rdf:subject ?a ; rdf:object ?b } UNION
              { ?st rdf:subject ?b ; rdf:object ?a . GRAPH <%s> { ?r a owl:SymmetricProperty } } }""" % (document, ONTOLOGY_GRAPH),
         ["a", "r", "b"]),
        ("date range", q + ['?a ?r ?b', '--since', since], ["?a", "?r", "?b"],
         """PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            SELECT DISTINCT ?a ?r ?b WHERE { ?st a rdf:Statement ; rdf:predicate ?r ; kg:negated false ; kg:modality "asserted" ;
              kg:evidence/kg:document/dcterms:date ?date FILTER(?date >= "%s"^^xsd:date)
              { ?st rdf:subject ?a ; rdf:object ?b } UNION
              { ?st rdf:subject ?b ; rdf:object ?a . GRAPH <%s> { ?r a owl:SymmetricProperty } } }""" % (since, ONTOLOGY_GRAPH),
         ["a", "r", "b"]),
        ("neighbors of Russia", ["neighbors", rdf, "Moscow"], ["relation", "actor"],
         f"SELECT ?rel ?other WHERE {{ {{ {edge('ent:RUS', '?rel', '?other')} }} UNION {{ ?other ?rel ent:RUS . GRAPH <{ONTOLOGY_GRAPH}> {{ ?rel a owl:ObjectProperty }} }} }}",
         ["rel", "other"]),
        ("evidence of Russia attacks Ukraine", ["evidence", rdf, "Russia", "attacks", "Ukraine"], ["document", "start", "end", "quote"],
         """SELECT ?d ?s ?e ?quote WHERE { ?st rdf:subject ent:RUS ; rdf:predicate kg:attacks ; rdf:object ent:UKR ;
              kg:evidence ?ev . ?ev kg:document ?d ; kg:start ?s ; kg:end ?e ; kg:quote ?quote }""",
         ["d", "s", "e", "quote"]),
        ("statements by relation", ["stats", rdf], ["section", "name", "count"],
         """SELECT ("relation" AS ?section) ?r (COUNT(?st) AS ?n) WHERE { ?st a rdf:Statement ; rdf:predicate ?r } GROUP BY ?r""",
         ["section", "r", "n"]),
    ]

def check_graph(name, rdf, document, since):
    store = ox.Store()
    store.load(path=rdf, format=ox.RdfFormat.RDF_XML)
    store.load(path=os.path.join(ROOT, "ontology/kg.owl"), format=ox.RdfFormat.RDF_XML, to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
    failures = 0
    for description, args, kg_columns, sparql, columns in checks(rdf, document, since):
        ours = kg_rows(args, kg_columns)
        if args[0] == "stats":
            ours = {r for r in ours if r[0] == "relation"}
        theirs = sparql_rows(store, sparql, columns)
        ok = ours == theirs
        failures += not ok
        print(f"  {'ok ' if ok else 'FAIL'} {name}: {description} ({len(ours)} rows)")
        if not ok:
            print(f"       only kg:         {sorted(ours - theirs)[:5]}")
            print(f"       only pyoxigraph: {sorted(theirs - ours)[:5]}")
    return failures

def main():
    if not os.access(KG, os.X_OK):
        raise SystemExit(f"no kg binary at {KG}; build first")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([KG, "sample", "--output", tmp], check=True, capture_output=True, cwd=ROOT)
        failures += check_graph("sample", os.path.join(tmp, "xi-putin-2022-12-30.rdf"), "xi-putin-2022-12-30", "2022-12-30")
        # A multi-document graph: the committed test articles and the sample (nothing beside the repository).
        texts = sorted(glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "articles", "*.txt"))) + [
            os.path.join(ROOT, "Sources", "kg", "Resources", "xi-putin-2022-12-30.txt")]
        out = os.path.join(tmp, "articles")
        subprocess.run([KG, "extract", *texts, "--output", out, "--format", "rdfxml"], check=True, capture_output=True, cwd=ROOT)
        failures += check_graph("test articles", os.path.join(out, "graph.rdf"), os.path.basename(texts[0])[:-4], "2023-01-01")
    if failures:
        raise SystemExit(f"query interop: {failures} difference(s) between kg and pyoxigraph")
    print("query interop: kg's answers equal pyoxigraph's SPARQL answers")

if __name__ == "__main__":
    main()
