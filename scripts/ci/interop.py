#!/usr/bin/env python3
"""Interoperability check of kg's exports against third-party consumers.

Usage:
  python3 scripts/ci/interop.py KG_BINARY [--ontology DIR] [--schema GRAPHML_XSD] [--keep]

Runs KG_BINARY twice:
  * `KG_BINARY sample --output TMP [--ontology DIR]`  -> xi-putin-2022-12-30.{rdf,graphml,yed.graphml,jsonl}
  * `KG_BINARY extract Tests/Fixtures/hostile/hostile.txt --ontology HOSTILE_ONTO --output TMP2
     --format rdfxml,graphml,yed,jsonl`               -> hostile.{rdf,graphml,yed.graphml,jsonl}
    where HOSTILE_ONTO is a temporary copy of the ontology folder (DIR, or ontology/ of the repo)
    whose gazetteer/ holds only Tests/Fixtures/hostile/gazetteer.tsv: names full of markup
    characters, quotes, an emoji, bidi controls and accents.

and reads every export with independent consumers:
  * RDF/XML: rdflib, pyoxigraph and `rapper -c` (raptor2); the direct relation triples, the
    rdf:Statement nodes and the entity labels are compared with the JSON Lines export.
  * GraphML: `xmllint --schema graphml.xsd`, networkx.read_graphml and igraph's Read_GraphML.
  * yEd GraphML: `xmllint --noout`, the yFiles graphics elements, networkx.

The JSON Lines export is the reference: one line per statement per document.

Prints one line per check ("ok   ..." / "FAIL ...") and a last line "N passed, M failed";
exits 1 if any check failed.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ONT = "https://w3id.org/kg-news/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
Y_NS = "http://www.yworks.com/xml/graphml"
DEFAULT_SCHEMA = os.path.join(REPO, "..", "shared", "schemas", "graphml", "graphml.xsd")
HOSTILE_DIR = os.path.join(REPO, "Tests", "Fixtures", "hostile")
SAMPLE_ID = "xi-putin-2022-12-30"
SUFFIXES = (".rdf", ".graphml", ".yed.graphml", ".jsonl")


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, name, detail=""):
        self.passed += 1
        print(f"ok   {name}" + (f" ({detail})" if detail else ""), flush=True)

    def fail(self, name, detail=""):
        self.failed += 1
        print(f"FAIL {name}" + (f": {detail}" if detail else ""), flush=True)

    def check(self, name, cond, detail_ok="", detail_fail=""):
        if cond:
            self.ok(name, detail_ok)
        else:
            self.fail(name, detail_fail)
        return bool(cond)

    def attempt(self, name, fn, detail=None):
        """Run fn(); ok if it returns without raising (its value is returned), FAIL otherwise."""
        try:
            value = fn()
        except Exception as e:  # noqa: BLE001 - any consumer error is a failed check
            msg = f"{type(e).__name__}: {e}".strip()
            self.fail(name, shorten(msg, 400))
            return None
        self.ok(name, detail(value) if detail else "")
        return value


def shorten(s, n=300):
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def show(items, n=6):
    items = sorted(items, key=repr)
    text = ", ".join(repr(x) for x in items[:n])
    return text + (f", … ({len(items)} in all)" if len(items) > n else "")


# ---------------------------------------------------------------- ontology


def load_ontology(owl_path):
    """Relation names (owl:ObjectProperty), symmetric relations and actor classes of kg.owl."""
    import rdflib

    g = rdflib.Graph()
    g.parse(owl_path, format="xml")
    rdf_type = rdflib.URIRef(RDF + "type")

    def local_names(cls):
        out = set()
        for s in g.subjects(rdf_type, rdflib.URIRef(OWL + cls)):
            s = str(s)
            if s.startswith(ONT):
                out.add(s[len(ONT):])
        return out

    return local_names("ObjectProperty"), local_names("SymmetricProperty"), local_names("Class")


# ---------------------------------------------------------------- JSON Lines (the reference)


class Reference:
    """What the JSON Lines export says the graph holds."""

    def __init__(self, lines, symmetric):
        self.lines = lines
        self.symmetric = symmetric
        self.labels = {}  # entity id -> label
        for d in lines:
            for role in ("subject", "object"):
                self.labels.setdefault(d[role]["id"], d[role]["label"])

    def key(self, s, p, o):
        if p in self.symmetric and o < s:
            s, o = o, s
        return (s, p, o)

    def direct(self):
        """Distinct (s, p, o) of the positive asserted statements."""
        return {self.key(d["subject"]["id"], d["predicate"], d["object"]["id"])
                for d in self.lines if d["negated"] is False and d["modality"] == "asserted"}

    def statements(self):
        """Distinct (s, p, o, negated, modality)."""
        return {self.key(d["subject"]["id"], d["predicate"], d["object"]["id"])
                + (d["negated"], d["modality"]) for d in self.lines}

    def positive_statements(self):
        return {k for k in self.statements() if k[3] is False}

    def settings(self):
        """(subject label, predicate, object label, modality) of each positive statement ->
        (its mentions' distinct event dates, their distinct places as "Name (CCC)")."""
        out = collections.defaultdict(lambda: (set(), set()))
        for d in self.lines:
            if d["negated"] is not False:
                continue
            a, p, b = d["subject"]["label"], d["predicate"], d["object"]["label"]
            if p in self.symmetric and b < a:
                a, b = b, a
            dates, places = out[(a, p, b, d["modality"])]
            for span in d.get("spans") or [d]:
                if span.get("eventDate"):
                    dates.add(span["eventDate"])
                loc = span.get("location")
                if loc:
                    places.add(loc["name"] + (f" ({loc['country']})" if loc.get("country") else ""))
        return out

    def label_edges(self):
        """Multiset of (subject label, predicate, object label, modality) of positive statements."""
        out = collections.Counter()
        for (s, p, o, _neg, mod) in self.positive_statements():
            a, b = self.labels[s], self.labels[o]
            if p in self.symmetric and b < a:
                a, b = b, a
            out[(a, p, b, mod)] += 1
        return out


def read_jsonl(path):
    lines = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            d = json.loads(line)
            for field in ("subject", "predicate", "object", "negated", "modality"):
                if field not in d:
                    raise ValueError(f"line {n}: no '{field}'")
            lines.append(d)
    return lines


# ---------------------------------------------------------------- RDF/XML


def entity_id(iri, entity_base):
    return iri[len(entity_base):] if iri.startswith(entity_base) else None


def check_rdfxml(c, path, ref, relations, classes, entity_base):
    import rdflib
    import pyoxigraph

    name = os.path.basename(path)

    # 1. three parsers
    g = c.attempt(f"{name}: rdflib parses RDF/XML",
                  lambda: rdflib.Graph().parse(path, format="xml"),
                  lambda g: f"{len(g)} triples")

    def oxi():
        with open(path, "rb") as f:
            return list(pyoxigraph.parse(f, format=pyoxigraph.RdfFormat.RDF_XML))

    oxi_triples = c.attempt(f"{name}: pyoxigraph parses RDF/XML", oxi,
                            lambda t: f"{len(t)} triples")

    proc = subprocess.run(["rapper", "-i", "rdfxml", "-c", path],
                          capture_output=True, text=True, errors="replace")
    bad = [ln for ln in proc.stderr.splitlines() if re.search(r"\b(Error|Warning)\b", ln, re.I)]
    m = re.search(r"returned (\d+) triples", proc.stderr)
    rapper_count = int(m.group(1)) if m else None
    c.check(f"{name}: rapper -c accepts it", proc.returncode == 0 and not bad,
            f"{rapper_count} triples",
            f"exit {proc.returncode}; " + shorten(" | ".join(bad) or proc.stderr, 400))

    counts = {"rdflib": len(g) if g is not None else None,
              "pyoxigraph": len(oxi_triples) if oxi_triples is not None else None,
              "rapper": rapper_count}
    known = {k: v for k, v in counts.items() if v is not None}
    if len(known) >= 2:
        c.check(f"{name}: parsers agree on the triple count", len(set(known.values())) == 1,
                f"{next(iter(known.values()))}", str(known))

    if g is None:
        return

    U = rdflib.URIRef
    rdf_type, label = U(RDF + "type"), U(RDFS + "label")

    # 2. direct relation triples == positive asserted JSONL statements
    direct = set()
    for p in relations:
        for s, o in g.subject_objects(U(ONT + p)):
            direct.add(ref.key(entity_id(str(s), entity_base) or str(s), p,
                               entity_id(str(o), entity_base) or str(o)))
    expected = ref.direct()
    n_direct = sum(1 for p in relations for _ in g.subject_objects(U(ONT + p)))
    c.check(f"{name}: direct relation triples = positive asserted JSONL statements",
            n_direct == len(expected) and direct == expected,
            f"{n_direct}",
            f"{n_direct} direct triples vs {len(expected)} distinct positive asserted JSONL "
            f"(s,p,o); only in RDF: {show(direct - expected)}; only in JSONL: "
            f"{show(expected - direct)}")

    # 3. rdf:Statement nodes == distinct JSONL statements
    stmt_nodes = set(g.subjects(rdf_type, U(RDF + "Statement")))
    reified = set()
    problems = []
    for st in stmt_nodes:
        s, p, o = (g.value(st, U(RDF + x)) for x in ("subject", "predicate", "object"))
        neg = g.value(st, U(ONT + "negated"))
        mod = g.value(st, U(ONT + "modality"))
        if None in (s, p, o, neg, mod):
            problems.append(f"{st}: missing subject/predicate/object/negated/modality")
            continue
        p = str(p)
        p = p[len(ONT):] if p.startswith(ONT) else p
        neg_value = neg.toPython() if isinstance(neg, rdflib.Literal) else neg
        if not isinstance(neg_value, bool):
            problems.append(f"{st}: kg:negated is not an xsd:boolean ({neg!r})")
        reified.add(ref.key(entity_id(str(s), entity_base) or str(s), p,
                            entity_id(str(o), entity_base) or str(o)) + (neg_value, str(mod)))
    expected = ref.statements()
    c.check(f"{name}: rdf:Statement nodes = distinct JSONL statements",
            len(stmt_nodes) == len(expected) and reified == expected and not problems,
            f"{len(stmt_nodes)}",
            f"{len(stmt_nodes)} rdf:Statement vs {len(expected)} distinct JSONL "
            f"(s,p,o,negated,modality); only in RDF: {show(reified - expected)}; only in JSONL: "
            f"{show(expected - reified)}; {show(problems)}")

    # 4. a negated statement's triple is not asserted directly, unless a positive asserted
    #    statement of the same triple exists (read from the RDF itself)
    positive = {k[:3] for k in reified if k[3] is False and k[4] == "asserted"}
    leaked = {k[:3] for k in reified if k[3] is True} & direct - positive
    n_negated = sum(1 for k in reified if k[3] is True)
    c.check(f"{name}: negated statements are not asserted as direct triples", not leaked,
            f"{n_negated} negated", f"direct triples of negated statements: {show(leaked)}")

    # 5. each entity IRI has exactly one rdfs:label and one rdf:type (a kg.owl class)
    entities = set()
    for t in g:
        for term in (t[0], t[2]):
            if isinstance(term, rdflib.URIRef) and str(term).startswith(entity_base):
                entities.add(term)
    for st in stmt_nodes:
        for x in ("subject", "object"):
            v = g.value(st, U(RDF + x))
            if v is not None:
                entities.add(v)
    bad_label, bad_type, bad_class = [], [], []
    for e in entities:
        labels = list(g.objects(e, label))
        types = list(g.objects(e, rdf_type))
        if len(labels) != 1:
            bad_label.append((str(e), [str(x) for x in labels]))
        if len(types) != 1:
            bad_type.append((str(e), [str(x) for x in types]))
        for t in types:
            if not (str(t).startswith(ONT) and str(t)[len(ONT):] in classes):
                bad_class.append((str(e), str(t)))
    c.check(f"{name}: every entity has exactly one rdfs:label and one rdf:type",
            not bad_label and not bad_type, f"{len(entities)} entities",
            f"labels: {show(bad_label)}; types: {show(bad_type)}")
    c.check(f"{name}: entity types are classes of kg.owl", not bad_class,
            "", show(bad_class))

    # 6. labels round-trip (rdflib and pyoxigraph)
    jsonl_labels = set(ref.labels.values())
    rdf_labels = {str(lbl) for e in entities for lbl in g.objects(e, label)}
    c.check(f"{name}: rdflib entity labels = JSONL labels", rdf_labels == jsonl_labels,
            f"{len(rdf_labels)} labels",
            f"only in RDF: {show(rdf_labels - jsonl_labels)}; only in JSONL: "
            f"{show(jsonl_labels - rdf_labels)}")
    if oxi_triples is not None:
        ent_iris = {str(e) for e in entities}
        oxi_labels = {t.object.value for t in oxi_triples
                      if isinstance(t.subject, pyoxigraph.NamedNode)
                      and t.subject.value in ent_iris and t.predicate.value == RDFS + "label"}
        c.check(f"{name}: pyoxigraph entity labels = JSONL labels", oxi_labels == jsonl_labels,
                f"{len(oxi_labels)} labels",
                f"only in RDF: {show(oxi_labels - jsonl_labels)}; only in JSONL: "
                f"{show(jsonl_labels - oxi_labels)}")
        # by id as well: the label belongs to the right entity
    by_id = {entity_id(str(e), entity_base): str(g.value(e, label)) for e in entities
             if g.value(e, label) is not None}
    wrong = {(i, by_id.get(i), lbl) for i, lbl in ref.labels.items() if by_id.get(i) != lbl}
    c.check(f"{name}: each entity's label matches its JSONL label", not wrong, "",
            f"(id, RDF label, JSONL label): {show(wrong)}")


# ---------------------------------------------------------------- GraphML


def xmllint(args):
    proc = subprocess.run(["xmllint"] + args, capture_output=True, text=True, errors="replace")
    return proc.returncode, (proc.stdout + proc.stderr).strip()


def nx_label_edges(G, symmetric):
    out = collections.Counter()
    for u, v, data in G.edges(data=True):
        a, b = G.nodes[u].get("label"), G.nodes[v].get("label")
        p = data.get("relation")
        if p in symmetric and str(b) < str(a):
            a, b = b, a
        out[(a, p, b, data.get("modality"))] += 1
    return out


def check_networkx(c, name, path, ref, symmetric, types=True):
    import networkx as nx

    G = c.attempt(f"{name}: networkx.read_graphml loads it", lambda: nx.read_graphml(path),
                  lambda G: f"{type(G).__name__}, {G.number_of_nodes()} nodes, "
                            f"{G.number_of_edges()} edges")
    if G is None:
        return
    n_nodes, n_edges = len(ref.labels), len(ref.positive_statements())
    c.check(f"{name}: networkx node count = JSONL entities", G.number_of_nodes() == n_nodes,
            f"{n_nodes}", f"{G.number_of_nodes()} nodes vs {n_nodes} entities in the JSONL")
    c.check(f"{name}: networkx edge count = distinct non-negated JSONL statements",
            G.number_of_edges() == n_edges, f"{n_edges}",
            f"{G.number_of_edges()} edges vs {n_edges} distinct non-negated statements")
    if types:
        bad = []
        for n, d in G.nodes(data=True):
            for k in ("label", "type"):
                if not isinstance(d.get(k), str):
                    bad.append(f"node {n} {k}={d.get(k)!r}")
        want = {"weight": int, "confidence": float, "goldstein": float, "quadClass": int,
                "relation": str}
        required = {"weight", "confidence", "quadClass", "relation"}
        for u, v, d in G.edges(data=True):
            for k, t in want.items():
                if k not in d:
                    if k in required:
                        bad.append(f"edge {u}->{v} has no {k}")
                    continue
                if not isinstance(d[k], t) or (t is int and isinstance(d[k], bool)):
                    bad.append(f"edge {u}->{v} {k}={d[k]!r} is not {t.__name__}")
        c.check(f"{name}: networkx attribute types (label/type str, weight int, confidence "
                f"float, goldstein float, quadClass int, relation str)", not bad, "", show(bad))
    labels = {d.get("label") for _, d in G.nodes(data=True)}
    jsonl_labels = set(ref.labels.values())
    c.check(f"{name}: networkx node labels = JSONL labels", labels == jsonl_labels,
            f"{len(labels)} labels",
            f"only in GraphML: {show(labels - jsonl_labels)}; only in JSONL: "
            f"{show(jsonl_labels - labels)}")
    got, want_edges = nx_label_edges(G, symmetric), ref.label_edges()
    c.check(f"{name}: networkx edges (source label, relation, target label, modality) = "
            f"JSONL statements", got == want_edges, "",
            f"only in GraphML: {show(list((got - want_edges).elements()))}; only in JSONL: "
            f"{show(list((want_edges - got).elements()))}")
    settings, bad = ref.settings(), []
    for u, v, d in G.edges(data=True):
        a, b, p = G.nodes[u].get("label"), G.nodes[v].get("label"), d.get("relation")
        if p in symmetric and str(b) < str(a):
            a, b = b, a
        dates = set(str(d.get("dates", "")).split())
        places = {x for x in str(d.get("places", "")).split("; ") if x}
        want_dates, want_places = settings.get((a, p, b, d.get("modality")), (set(), set()))
        if (dates, places) != (want_dates, want_places):
            bad.append(f"{a} {p} {b}: {sorted(dates)} {sorted(places)} vs {sorted(want_dates)} {sorted(want_places)}")
    c.check(f"{name}: networkx edge dates and places = the JSONL mentions' eventDate and location",
            not bad, "", show(bad))


def check_graphml(c, path, ref, symmetric, schema):
    import igraph

    name = os.path.basename(path)
    if os.path.isfile(schema):
        rc, out = xmllint(["--noout", "--nonet", "--schema", schema, path])
        c.check(f"{name}: xmllint validates against graphml.xsd",
                rc == 0 and "validates" in out, "", shorten(out, 500))
    else:
        c.fail(f"{name}: xmllint validates against graphml.xsd", f"no schema at {schema}")

    check_networkx(c, name, path, ref, symmetric)

    g = c.attempt(f"{name}: igraph Read_GraphML loads it",
                  lambda: igraph.Graph.Read_GraphML(path),
                  lambda g: f"{g.vcount()} vertices, {g.ecount()} edges")
    if g is None:
        return
    n_nodes, n_edges = len(ref.labels), len(ref.positive_statements())
    c.check(f"{name}: igraph vertex count = JSONL entities", g.vcount() == n_nodes,
            f"{n_nodes}", f"{g.vcount()} vertices vs {n_nodes} entities")
    c.check(f"{name}: igraph edge count = distinct non-negated JSONL statements",
            g.ecount() == n_edges, f"{n_edges}", f"{g.ecount()} edges vs {n_edges} statements")
    weights = g.es["weight"] if "weight" in g.es.attributes() else None
    c.check(f"{name}: igraph weight is numeric",
            weights is not None and all(isinstance(w, (int, float)) and not isinstance(w, bool)
                                        and w == w for w in weights),
            "", "no weight attribute" if weights is None else show(weights))
    labels = set(g.vs["label"]) if "label" in g.vs.attributes() else set()
    jsonl_labels = set(ref.labels.values())
    c.check(f"{name}: igraph vertex labels = JSONL labels", labels == jsonl_labels, "",
            f"only in GraphML: {show(labels - jsonl_labels)}; only in JSONL: "
            f"{show(jsonl_labels - labels)}")


def check_yed(c, path, ref, symmetric):
    name = os.path.basename(path)
    rc, out = xmllint(["--noout", "--nonet", path])
    if not c.check(f"{name}: xmllint: well-formed XML", rc == 0, "", shorten(out, 500)):
        return
    root = ET.parse(path).getroot()
    q = lambda ns, tag: f"{{{ns}}}{tag}"  # noqa: E731
    keys = {k.get("yfiles.type"): k for k in root.iter(q(GRAPHML_NS, "key"))
            if k.get("yfiles.type")}
    c.check(f"{name}: key elements with yfiles.type nodegraphics and edgegraphics",
            keys.get("nodegraphics") is not None and keys.get("nodegraphics").get("for") == "node"
            and keys.get("edgegraphics") is not None
            and keys.get("edgegraphics").get("for") == "edge",
            "", f"found yfiles.type keys: {sorted(keys)}")
    nodes = list(root.iter(q(GRAPHML_NS, "node")))
    edges = list(root.iter(q(GRAPHML_NS, "edge")))
    bad_nodes = [n.get("id") for n in nodes
                 if not any(s.find(q(Y_NS, "NodeLabel")) is not None
                            for s in n.iter(q(Y_NS, "ShapeNode")))]
    c.check(f"{name}: every node has a y:ShapeNode with a y:NodeLabel", nodes and not bad_nodes,
            f"{len(nodes)} nodes", f"nodes without: {show(bad_nodes)}" if nodes else "no nodes")
    bad_edges = [e.get("id") for e in edges if e.find(f".//{q(Y_NS, 'EdgeLabel')}") is None]
    c.check(f"{name}: every edge has a y:EdgeLabel", not bad_edges, f"{len(edges)} edges",
            f"edges without: {show(bad_edges)}")
    # the y:NodeLabel shows the entity's label
    label_key = next((k.get("id") for k in root.iter(q(GRAPHML_NS, "key"))
                      if k.get("for") == "node" and k.get("attr.name") == "label"), None)
    mismatched = []
    for n in nodes:
        data = {d.get("key"): d for d in n.findall(q(GRAPHML_NS, "data"))}
        lbl = data[label_key].text if label_key in data else None
        shown = n.find(f".//{q(Y_NS, 'NodeLabel')}")
        if shown is not None and shown.text != lbl:
            mismatched.append((n.get("id"), lbl, shown.text))
    c.check(f"{name}: y:NodeLabel text = node label", not mismatched, "", show(mismatched))
    check_networkx(c, name, path, ref, symmetric, types=False)


# ---------------------------------------------------------------- driver


def run_kg(c, name, argv, outdir, stem):
    proc = subprocess.run(argv, capture_output=True, text=True, errors="replace", cwd=REPO)
    paths = {sfx: os.path.join(outdir, stem + sfx) for sfx in SUFFIXES}
    missing = [os.path.basename(p) for p in paths.values() if not os.path.isfile(p)]
    ok = c.check(f"{name}: `{' '.join(os.path.basename(a) if i == 0 else a for i, a in enumerate(argv))}` "
                 f"writes {stem}.{{rdf,graphml,yed.graphml,jsonl}}",
                 proc.returncode == 0 and not missing, "",
                 f"exit {proc.returncode}; missing {missing}; "
                 + shorten(proc.stderr.strip() or proc.stdout.strip(), 400))
    return paths if ok else None


def check_exports(c, paths, ontology, entity_base, schema):
    relations, symmetric, classes = ontology
    name = os.path.basename(paths[".jsonl"])
    lines = c.attempt(f"{name}: JSON Lines parse", lambda: read_jsonl(paths[".jsonl"]),
                      lambda ls: f"{len(ls)} lines")
    if lines is None:
        return None
    ref = Reference(lines, symmetric)
    unknown = {d["predicate"] for d in lines} - relations
    c.check(f"{name}: predicates are relations of kg.owl", not unknown, "", show(unknown))
    checks = [("RDF/XML", check_rdfxml, (paths[".rdf"], ref, relations, classes, entity_base)),
              ("GraphML", check_graphml, (paths[".graphml"], ref, symmetric, schema)),
              ("yEd GraphML", check_yed, (paths[".yed.graphml"], ref, symmetric))]
    for what, fn, args in checks:
        try:
            fn(c, *args)
        except Exception:  # a bug of this script, or a consumer crashing in an odd place
            c.fail(f"{os.path.basename(args[0])}: {what} checks crashed",
                   shorten(traceback.format_exc(), 800))
    return ref


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kg", help="the kg binary")
    ap.add_argument("--ontology", help="ontology folder passed to kg (default: kg's own, and "
                                       "ontology/ of the repo for kg.owl and the fixture)")
    ap.add_argument("--schema", default=DEFAULT_SCHEMA, help="GraphML XSD (default: %(default)s)")
    ap.add_argument("--base-iri", default="https://w3id.org/kg-news/id/",
                    help="kg's base IRI of entities (default: %(default)s)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()

    kg = os.path.abspath(args.kg)
    onto_dir = os.path.abspath(args.ontology) if args.ontology else os.path.join(REPO, "ontology")
    schema = os.path.abspath(args.schema)
    entity_base = args.base_iri + "entity/"
    c = Checker()

    tools_ok = True
    for tool in ("rapper", "xmllint"):
        tools_ok &= c.check(f"tool `{tool}` is installed", shutil.which(tool) is not None, "",
                            "not on PATH")
    for mod in ("rdflib", "pyoxigraph", "networkx", "igraph"):
        tools_ok &= c.attempt(f"python module `{mod}` imports", lambda m=mod: __import__(m),
                              lambda m: getattr(m, "__version__", "")) is not None
    c.check(f"kg binary {args.kg} exists", os.access(kg, os.X_OK), "", "not executable")
    ontology = c.attempt("kg.owl parses (relations, symmetric relations, classes)",
                         lambda: load_ontology(os.path.join(onto_dir, "kg.owl")),
                         lambda o: f"{len(o[0])} relations, {len(o[1])} symmetric, "
                                   f"{len(o[2])} classes")
    if ontology is not None and not ontology[0]:
        c.fail("kg.owl declares owl:ObjectProperty relations", "none found")
        ontology = None

    tmp = tempfile.mkdtemp(prefix="kg-interop-")
    try:
        if tools_ok and ontology is not None and os.access(kg, os.X_OK):
            # the bundled sample article
            out = os.path.join(tmp, "sample")
            argv = [kg, "sample", "--output", out]
            if args.ontology:
                argv += ["--ontology", onto_dir]
            paths = run_kg(c, "sample", argv, out, SAMPLE_ID)
            if paths:
                check_exports(c, paths, ontology, entity_base, schema)

            # the hostile fixture, with its own gazetteer in a copy of the ontology
            hostile_onto = os.path.join(tmp, "hostile-ontology")
            shutil.copytree(onto_dir, hostile_onto,
                            ignore=shutil.ignore_patterns("gazetteer"))
            os.makedirs(os.path.join(hostile_onto, "gazetteer"))
            shutil.copy(os.path.join(HOSTILE_DIR, "gazetteer.tsv"),
                        os.path.join(hostile_onto, "gazetteer", "hostile.tsv"))
            out = os.path.join(tmp, "hostile")
            argv = [kg, "extract", os.path.join(HOSTILE_DIR, "hostile.txt"),
                    "--ontology", hostile_onto, "--output", out,
                    "--format", "rdfxml,graphml,yed,jsonl"]
            paths = run_kg(c, "hostile", argv, out, "hostile")
            if paths:
                ref = check_exports(c, paths, ontology, entity_base, schema)
                if ref is not None:
                    n_neg = sum(1 for d in ref.lines if d["negated"])
                    c.check("hostile.jsonl: the fixture yields at least 3 statements, one negated",
                            len(ref.lines) >= 3 and n_neg >= 1,
                            f"{len(ref.lines)} statements, {n_neg} negated",
                            f"{len(ref.lines)} statements, {n_neg} negated")
                    with open(os.path.join(HOSTILE_DIR, "gazetteer.tsv"), encoding="utf-8") as f:
                        rows = [ln.rstrip("\n").split("\t") for ln in f
                                if ln.strip() and not ln.startswith("#")]
                    hostile = {r[1] for r in rows[1:] if re.search(r"[<>&\"'\u200f\u202e]|[^\x00-\x7f]", r[1])}
                    found = hostile & set(ref.labels.values())
                    c.check("hostile.jsonl: statements reach the hostile names",
                            len(found) >= 3, f"{len(found)} of {len(hostile)}",
                            f"only {show(found)} of {show(hostile)}")
    finally:
        if args.keep:
            print(f"# exports kept in {tmp}", flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"{c.passed} passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
