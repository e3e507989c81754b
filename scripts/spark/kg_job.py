#!/usr/bin/env python3
"""kg on a Spark cluster: extract news with kg on the executors and merge the graph in Spark.

  python3 scripts/spark/kg_job.py --input PATH --output DIR [--archive kg.tgz] [--partitions N]
                                  [--master local[2]] [--text] [--metrics FILE]
  spark-submit --archives kg.tgz#kg scripts/spark/kg_job.py --input PATH --output DIR

PATH is any Hadoop path or glob (hdfs://, s3a://, file:, a local path; several comma-separated):
JSON Lines documents {"id", "text", "date", "url", "title"} (one per line), or with --text plain
UTF-8 files, one document each, the id being the file name without its extension.

1. Documents are read by Spark (spark.read.text) in input order (files in path order, lines in
   file order) and go through kg's document rule before extraction, as in one `kg extract` run
   (DocumentLedger): the same id with the same text (SHA-256) counts once, the same id with other
   text is kept as ID~2, ID~3, ... So duplicates are never extracted, and ids are unique.
2. Partitions, ranges of the input order, are piped through `kg extract --stdin --format nquads`
   on the executors (kg from the archive, its ontology beside it). N-Quads, not JSON Lines: each
   document is one named graph, written as soon as it is extracted and in input order, that holds
   everything about it (metadata, entities, statements, each mention), documents without
   statements included; JSON Lines drops those and numbers documents per stream. A kg that fails
   (exit status not 0) fails the task with kg's own standard error in the exception, and the job
   with that message on the driver (exit status 1).
3. The merge is Spark's, with kg merge's rules: documents by id (unique after step 1, each keeps
   its input position); entities by key, the first description in input order winning (what
   Graph.intern keeps in one extraction: label, type, aliases in order, country, Wikidata);
   statements by (subject, relation, object, negated, modality), evidence accumulated, weight =
   number of mentions, confidence = 1 - prod(1 - c) over them.
4. Output, in DIR:
   nquads/part-*.nq  N-Quads for bulk loading: each document's named graph as kg writes it, with
                     the merged description of each entity; documents in input order across the
                     part files, so `kg merge DIR/nquads` (or DIR/nquads/part-*) gives the graph
                     of one `kg extract` of all the documents (every export byte for byte).
   parquet/documents position (input order), id, title, date, url, digest, statements, mentions
   parquet/entities  key, iri, label, type, aliases, country, wikidata, documents, first_position
   parquet/statements iri, subject, predicate, object, negated, modality, weight, confidence,
                     documents, cameo, quad_class, goldstein, evidence (array of document,
                     position, sentence, start, end, quote, pattern, confidence; ordered by
                     position, start, end)
   With --metrics FILE, the figures of the run (documents, bytes, seconds, kg's peak memory) as
   JSON in FILE (a local file on the driver).

Limits: a bad input line (not JSON, no id, an impossible date) makes kg exit 1, so the job fails
naming it, where one `kg extract` would skip it and go on. Ids that differ only in Unicode
normalization are one id for kg (Swift compares strings canonically), two here. Files are taken
in the order of their URI strings (kg: UTF-8 byte order of paths; the same for plain names).
The Parquet confidence is a product over the evidence in table order; kg's may differ in the
last bit. Beyond 99,999 part files, sort them numerically, not as text, before `kg merge`.

Needs PySpark (pip install pyspark) and Java 17.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import unquote

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"

#: Marks kg's failure in a task's exception, so the driver can find kg's message in Spark's error.
FAILURE_BEGIN = "KG_EXTRACT_FAILED<<"
FAILURE_END = ">>KG_EXTRACT_FAILED"


# ---------------------------------------------------------------------------------------------
# Executor side: running kg and reading its N-Quads.

def locate_kg(explicit):
    """The kg binary and its ontology folder on this executor: --kg, else ./kg/bin/kg of the
    unpacked archive (SparkFiles' root or the working folder), else kg on PATH."""
    if explicit:
        return explicit, None
    roots = []
    try:
        from pyspark import SparkFiles
        roots.append(SparkFiles.getRootDirectory())
    except Exception:
        pass
    roots.append(os.getcwd())
    for root in roots:
        home = os.path.join(root, "kg")
        if os.path.isfile(os.path.join(home, "bin", "kg")):
            return os.path.join(home, "bin", "kg"), os.path.join(home, "ontology")
    found = shutil.which("kg")
    if found:
        return found, None
    raise RuntimeError(f"{FAILURE_BEGIN}no kg on this executor: ship it with --archives kg.tgz#kg "
                       f"(scripts/spark/pack.sh), or install kg on PATH{FAILURE_END}")


def literal(term):
    """The lexical value of an N-Quads literal term as kg writes it ("...", "..."^^<T>)."""
    end = term.rindex('"')
    body = term[1:end]
    if "\\" not in body:
        return body
    out, i = [], 0
    simple = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
    while i < len(body):
        c = body[i]
        if c == "\\":
            n = body[i + 1]
            if n in simple:
                out.append(simple[n])
                i += 2
            elif n == "u":
                out.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
            elif n == "U":
                out.append(chr(int(body[i + 2:i + 10], 16)))
                i += 10
            else:
                raise ValueError(f"bad escape in {term}")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_quad(line):
    """(subject, predicate, object, graph) of one line of kg's N-Quads; terms as written."""
    s_end = line.index("> ") + 1
    p_end = line.index("> ", s_end + 1) + 1
    if not line.endswith(" ."):
        raise ValueError(f"not an N-Quads line: {line[:200]}")
    body = line[:-2]
    g_start = body.rindex(" <")
    return line[:s_end], line[s_end + 1:p_end], body[p_end + 1:g_start], body[g_start + 1:]


ENTITY_PREDICATES = {"<" + RDF + "type>", "<" + RDFS + "label>", "<" + SKOS + "altLabel>", "<" + OWL + "sameAs>"}


def parse_document(lines):
    """One document's named graph (its lines, as kg wrote them) as a record:
    (id, title, date, url, digest, lines, entities, statements), where entities maps each key to
    (iri, description triples without the graph, first line, end line, label, type, aliases,
    country, wikidata) and statements lists (iri, subject key, relation, object key, negated,
    modality, cameo, quadClass, goldstein, [(sentence, start, end, quote, pattern, confidence)])."""
    quads = [split_quad(l) for l in lines]
    graph = quads[0][3]
    g = graph[1:-1]
    base = g[:g.rindex("/document/") + 1]
    entity_prefix = "<" + base + "entity/"
    statement_prefix = "<" + base + "statement/"
    evidence_prefix = "<" + base + "evidence/"
    ns = None
    doc = {}
    entities = {}
    statements = {}
    evidence = {}
    for i, (s, p, o, _) in enumerate(quads):
        if s == graph:
            if p == "<" + RDF + "type>" and o.endswith('Document>'):
                ns = o[1:-len("Document>")]
            doc[p] = o
        elif s.startswith(entity_prefix):
            if p in ENTITY_PREDICATES or (ns and p in ("<" + ns + "countryCode>", "<" + ns + "wikidata>", "<" + ns + "cameoActorCode>")):
                key = unquote(s[len(entity_prefix):-1])
                e = entities.get(key)
                if e is None:
                    e = entities[key] = {"iri": s[1:-1], "triples": [], "first": i, "end": i + 1, "aliases": []}
                e["triples"].append(f"{s} {p} {o}")
                e["end"] = i + 1
                if p == "<" + RDF + "type>":
                    e["type"] = o[len(ns) + 1:-1] if ns and o.startswith("<" + ns) else o[1:-1]
                elif p == "<" + RDFS + "label>":
                    e["label"] = literal(o)
                elif p == "<" + SKOS + "altLabel>":
                    e["aliases"].append(literal(o))
                elif p.endswith("countryCode>"):
                    e["country"] = literal(o)
                elif p.endswith("wikidata>"):
                    e["wikidata"] = literal(o)
        elif s.startswith(statement_prefix):
            statements.setdefault(s, {}).setdefault(p, []).append(o)
        elif s.startswith(evidence_prefix):
            evidence.setdefault(s, {})[p] = o
    if ns is None:
        raise ValueError(f"the graph {graph} does not describe its document (no rdf:type kg:Document)")

    def opt(p):
        o = doc.get(p)
        return None if o is None else literal(o) if o.startswith('"') else o[1:-1]

    def key_of(iri_term):
        return unquote(iri_term[len(entity_prefix):-1])

    records = []
    for s, d in statements.items():
        def one(p):
            return d.get(p, [None])[0]
        mentions = []
        for ev in d.get("<" + ns + "evidence>", []):
            e = evidence[ev]
            mentions.append((int(literal(e["<" + ns + "sentenceIndex>"])), int(literal(e["<" + ns + "start>"])),
                             int(literal(e["<" + ns + "end>"])), literal(e["<" + ns + "quote>"]),
                             literal(e["<" + ns + "pattern>"]), float(literal(e["<" + ns + "confidence>"]))))
        cameo = one("<" + ns + "cameoCode>")
        goldstein = one("<" + ns + "goldstein>")
        records.append((s[1:-1], key_of(one("<" + RDF + "subject>")), one("<" + RDF + "predicate>")[1 + len(ns):-1],
                        key_of(one("<" + RDF + "object>")), literal(one("<" + ns + "negated>")) == "true",
                        literal(one("<" + ns + "modality>")), None if cameo is None else literal(cameo),
                        int(literal(one("<" + ns + "quadClass>"))), None if goldstein is None else float(literal(goldstein)),
                        mentions))
    ents = {k: (e["iri"], tuple(e["triples"]), e["first"], e["end"], e.get("label"), e.get("type"), tuple(e["aliases"]),
                e.get("country"), e.get("wikidata")) for k, e in entities.items()}
    return (literal(doc["<" + DCTERMS + "identifier>"]), opt("<" + DCTERMS + "title>"), opt("<" + DCTERMS + "date>"),
            opt("<" + DCTERMS + "source>"), opt("<" + ns + "digest>"), lines, ents, records)


def documents_of(stream):
    """The named graphs of kg's N-Quads output, as lists of lines, in the order written."""
    block, graph = [], None
    for raw in stream:
        line = raw.decode("utf-8").rstrip("\n")
        if not line:
            continue
        g = line[line.rindex(" <", 0, len(line) - 2) + 1:-2]
        if g != graph and block:
            yield block
            block = []
        graph = g
        block.append(line)
    if block:
        yield block


def extract_partition(index, rows, kg, batch, base_iri, metrics):
    """Runs kg extract --stdin --format nquads on one partition's documents ((order, id, JSON
    line) in input order) and yields (order, document record) in the same order. kg's standard
    error goes to this executor's log; if kg fails, the task fails with kg's message."""
    binary, ontology = locate_kg(kg)
    env = dict(os.environ)
    if ontology:
        # The archive's ontology, whatever the executor's working folder holds.
        env["KG_ONTOLOGY"] = ontology
    command = [binary, "extract", "--stdin", "--format", "nquads", "--quiet", "--jobs", "1", "--batch", str(batch)]
    if base_iri:
        command += ["--base-iri", base_iri]
    started = time.time()
    errors = tempfile.TemporaryFile()
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, env=env, bufsize=1 << 16)
    order = {}
    fed = {"documents": 0, "bytes": 0, "error": None}

    def feed():
        try:
            for key, doc_id, line in rows:
                order[doc_id] = key
                data = line.encode("utf-8") + b"\n"
                proc.stdin.write(data)
                fed["documents"] += 1
                fed["bytes"] += len(data)
        except BrokenPipeError:
            pass  # kg stopped reading; its exit status says why
        except BaseException as e:  # the input itself failed: reported after kg is reaped
            fed["error"] = e
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=feed, name=f"kg stdin writer {index}", daemon=True)
    writer.start()
    # kg's peak memory: VmHWM of /proc/PID/status, read while it runs (ru_maxrss of wait4 would
    # also count the Python worker it was forked from).
    peak = {"kb": 0}

    def watch():
        while proc.poll() is None:
            try:
                with open(f"/proc/{proc.pid}/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            peak["kb"] = max(peak["kb"], int(line.split()[1]))
            except (OSError, ValueError):
                pass
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, name=f"kg memory watcher {index}", daemon=True)
    watcher.start()
    out_bytes = 0
    count = 0
    failure = None
    try:
        for block in documents_of(proc.stdout):
            out_bytes += sum(len(l.encode("utf-8")) + 1 for l in block)
            record = parse_document(block)
            key = order.pop(record[0], None)
            if key is None:
                raise RuntimeError(f"kg wrote document '{record[0]}', which this partition did not give it")
            count += 1
            yield key, record
    except GeneratorExit:
        proc.kill()
        raise
    except Exception as e:
        failure = e
        proc.kill()
    finally:
        writer.join()
        proc.wait()
        watcher.join()
        errors.seek(0)
        said = errors.read().decode("utf-8", "replace")
        errors.close()
        if said:
            sys.stderr.write(said)
    if proc.returncode != 0 and failure is None:
        tail = said.strip()[-4000:] or "(nothing on standard error)"
        raise RuntimeError(f"{FAILURE_BEGIN}kg extract failed with exit status {proc.returncode} in partition {index} "
                           f"({binary}, {fed['documents']} documents given):\n{tail}{FAILURE_END}")
    if failure is not None:
        raise failure
    if fed["error"] is not None:
        raise fed["error"]
    if order:
        raise RuntimeError(f"kg wrote no graph for {len(order)} documents of partition {index} (e.g. '{next(iter(order))}')")
    import resource
    metrics.add([{"partition": index, "documents": count, "input_bytes": fed["bytes"], "output_bytes": out_bytes,
                  "seconds": time.time() - started, "kg_max_rss_kb": peak["kb"],
                  "worker_max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}])


def render(position, record, replacements):
    """The lines of one document's graph, each entity described as merged (`replacements`:
    key -> description triples, for the entities whose description differs between documents)."""
    lines = record[5]
    if not replacements:
        return lines
    graph = lines[0][lines[0].rindex(" <", 0, len(lines[0]) - 2) + 1:-2]
    spans = sorted((e[2], e[3], replacements[k]) for k, e in record[6].items() if k in replacements)
    out, at = [], 0
    for first, end, triples in spans:
        out.extend(lines[at:first])
        out.extend(f"{t} {graph} ." for t in triples)
        at = end
    out.extend(lines[at:])
    return out


# ---------------------------------------------------------------------------------------------
# Driver side.

class DocumentLedger:
    """kg's DocumentLedger (Sources/Corpus/DocumentLedger.swift), for the documents whose id is
    shared by several texts: same id and digest counts once, other text gets the first free ID~N."""

    def __init__(self):
        self.entries = {}

    def admit(self, doc_id, digest):
        """None for a duplicate, else the id to keep the document under."""
        first = self.entries.get(doc_id)
        if first is None:
            self.entries[doc_id] = digest
            return doc_id
        if first == digest:
            return None
        n = 2
        while True:
            candidate = f"{doc_id}~{n}"
            other = self.entries.get(candidate)
            if other is None:
                self.entries[candidate] = digest
                return candidate
            if other == digest:
                return None
            n += 1
            

def read_documents(spark, paths, text, F):
    """The documents as (f, b, m, id, digest, value): value the JSON Lines document given to kg,
    (f, b, m) its place in input order (file path, split start, row), digest SHA-256 of the text."""
    if text:
        df = spark.read.text(paths, wholetext=True)
        df = df.select(F.col("value").alias("text"), F.col("_metadata.file_path").alias("f"),
                       F.col("_metadata.file_block_start").alias("b"), F.monotonically_increasing_id().alias("m"))
        @F.udf("string")
        def document_id(path):
            # kg's id of a text file: its name without the last extension (the path is a URI).
            name = unquote(path.rstrip("/").rsplit("/", 1)[-1])
            return name.rsplit(".", 1)[0] if "." in name[1:] else name

        df = df.withColumn("id", document_id("f"))
        df = df.withColumn("value", F.to_json(F.struct("id", "text"))) \
               .withColumn("digest", F.sha2(F.col("text"), 256)).drop("text")
        return df
    df = spark.read.text(paths, lineSep="\n")
    df = df.select("value", F.col("_metadata.file_path").alias("f"), F.col("_metadata.file_block_start").alias("b"),
                   F.monotonically_increasing_id().alias("m"))
    # kg skips lines of spaces, tabs and carriage returns.
    df = df.where(~F.col("value").rlike("^[ \t\r]*$"))
    return df.withColumn("id", F.get_json_object("value", "$.id")) \
             .withColumn("digest", F.sha2(F.get_json_object("value", "$.text"), 256))


def apply_ledger(spark, df, F, Window, log):
    """kg's document rule over the whole input, in input order; returns the documents to extract."""
    order = ["f", "b", "m"]
    df = df.withColumn("rn", F.row_number().over(Window.partitionBy("id", "digest").orderBy(*order)))
    df = df.withColumn("nd", F.size(F.collect_set("digest").over(Window.partitionBy("id"))))
    df = df.persist()
    conflicts = {r.id for r in df.where(F.col("nd") > 1).select("id").distinct().collect()}
    plain = df.where(F.col("id").isNull() | F.col("digest").isNull() | (F.col("rn") == 1))
    if not conflicts:
        kept = plain
        duplicates = df.count() - kept.count()
        renamed = 0
    else:
        # The ids a rename can reach: ID~N of a conflicting ID, and so on.
        prefix = F.regexp_extract("id", r"^(.*)~[0-9]+$", 1)
        involved = set(conflicts)
        while True:
            more = {r.id for r in df.where(prefix.isin(list(involved)) & ~F.col("id").isin(list(involved)))
                                    .select("id").distinct().collect()}
            if not more:
                break
            involved |= more
        rows = df.where(F.col("id").isin(list(involved)) & F.col("digest").isNotNull()) \
                 .select("f", "b", "m", "id", "digest").collect()
        ledger = DocumentLedger()
        decisions = []
        renamed = 0
        for r in sorted(rows, key=lambda r: (r.f, r.b, r.m)):
            new_id = ledger.admit(r.id, r.digest)
            if new_id is not None:
                decisions.append((r.f, r.b, r.m, new_id))
                renamed += new_id != r.id
        decided = spark.createDataFrame(decisions, "f string, b long, m long, new_id string")
        chosen = df.where(F.col("id").isin(list(involved)) & F.col("digest").isNotNull()).join(decided, order)

        @F.udf("string")
        def set_id(value, new_id):
            o = json.loads(value)
            o["id"] = new_id
            return json.dumps(o, ensure_ascii=False)

        chosen = chosen.withColumn("value", F.when(F.col("id") == F.col("new_id"), F.col("value"))
                                   .otherwise(set_id("value", "new_id"))).withColumn("id", F.col("new_id")).drop("new_id")
        kept = plain.where(~F.col("id").isin(list(involved))).unionByName(chosen)
        duplicates = df.count() - kept.count()
    if duplicates or renamed:
        log(f"documents: {duplicates} repeated (same id, same text) counted once, {renamed} kept under a new id ID~N "
            f"(same id, other text), as kg extract does")
    return kept.select("f", "b", "m", "id", "value")


def hadoop_size(spark, path):
    """Bytes under a Hadoop path or glob (0 if absent)."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    total = 0
    for p in path.split(","):
        hp = jvm.org.apache.hadoop.fs.Path(p)
        fs = hp.getFileSystem(conf)
        statuses = fs.globStatus(hp)
        for st in statuses or []:
            total += fs.getContentSummary(st.getPath()).getLength()
    return total


def name_parts(spark, folder, extension):
    """Renames part-NNNNN to part-NNNNN.nq: loaders (Jena, Oxigraph) and `kg merge FOLDER` tell
    N-Quads by the extension; the numbers, so the order, stay."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(folder)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    for status in fs.listStatus(path):
        name = status.getPath().getName()
        if name.startswith("part-") and not name.endswith(extension):
            if not fs.rename(status.getPath(), jvm.org.apache.hadoop.fs.Path(path, name + extension)):
                raise RuntimeError(f"could not rename {folder}/{name} to {name}{extension}")


def hadoop_exists(spark, path):
    jvm = spark.sparkContext._jvm
    hp = jvm.org.apache.hadoop.fs.Path(path)
    return hp.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).exists(hp)


def run(a, log):
    from pyspark import AccumulatorParam, StorageLevel
    from pyspark.sql import SparkSession, Window
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    class ListParam(AccumulatorParam):
        def zero(self, value):
            return []

        def addInPlace(self, a, b):
            a.extend(b)
            return a

    builder = SparkSession.builder.appName("kg")
    if a.master:
        builder = builder.master(a.master)
    if a.archive:
        builder = builder.config("spark.archives", os.path.abspath(a.archive) + "#kg" if "://" not in a.archive else a.archive + "#kg")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    out = a.output.rstrip("/")
    if hadoop_exists(spark, out):
        raise SystemExit(f"kg_job: error: {out} exists; give a new output folder")
    figures = {"master": sc.master}
    t0 = time.time()
    input_bytes = hadoop_size(spark, a.input)
    docs = read_documents(spark, a.input.split(","), a.text, F)
    docs = apply_ledger(spark, docs, F, Window, log)
    partitions = a.partitions or max(sc.defaultParallelism, -(-input_bytes // (32 << 20)))
    docs = docs.repartitionByRange(partitions, "f", "b", "m").sortWithinPartitions("f", "b", "m")
    metrics = sc.accumulator([], ListParam())
    kg, batch, base_iri = a.kg, a.batch, a.base_iri
    records = docs.rdd.map(lambda r: ((r.f, r.b, r.m), r.id, r.value)) \
        .mapPartitionsWithIndex(lambda i, rows: extract_partition(i, rows, kg, batch, base_iri, metrics))
    # Partitions are ranges of the input order and kg writes documents in the order given, so the
    # records are in input order already: a position is the record's index (zipWithIndex without
    # its second pass over the input, so kg runs once per partition).
    records = records.persist(StorageLevel.MEMORY_AND_DISK)
    sizes = records.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
    offsets = [sum(sizes[:i]) for i in range(len(sizes))]
    positioned = records.mapPartitionsWithIndex(lambda i, it: ((offsets[i] + k, kr[1]) for k, kr in enumerate(it)))
    documents = sum(sizes)
    t1 = time.time()
    figures.update(documents=documents, input_bytes=input_bytes, partitions=partitions, extract_seconds=t1 - t0,
                   tasks=sorted(metrics.value, key=lambda m: m["partition"]))

    # Entities by key: the first description in input order, and whether any other differs.
    def first(x, y):
        a_, b_ = (x, y) if x[0] <= y[0] else (y, x)
        return (a_[0], a_[1], x[2] or y[2] or x[1][1] != y[1][1], x[3] + y[3])

    entities = positioned.flatMap(lambda pr: [(k, (pr[0], e, False, 1)) for k, e in pr[1][6].items()]) \
        .reduceByKey(first).persist(StorageLevel.MEMORY_AND_DISK)
    varying = entities.filter(lambda kv: kv[1][2]).map(lambda kv: (kv[0], kv[1][1][1]))
    n_varying = varying.count()
    if n_varying == 0:
        graphs = positioned.map(lambda pr: (pr[0], render(pr[0], pr[1], None)))
    elif n_varying <= a.broadcast_limit:
        table = sc.broadcast(dict(varying.collect()))
        graphs = positioned.map(lambda pr: (pr[0], render(pr[0], pr[1], {k: table.value[k] for k in pr[1][6] if k in table.value})))
    else:
        uses = positioned.flatMap(lambda pr: [(k, pr[0]) for k in pr[1][6]])
        replacements = uses.join(varying).map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).groupByKey().mapValues(dict)
        graphs = positioned.leftOuterJoin(replacements).sortByKey(numPartitions=partitions) \
            .map(lambda pr: (pr[0], render(pr[0], pr[1][0], pr[1][1])))
    graphs.flatMap(lambda pg: pg[1]).saveAsTextFile(out + "/nquads")
    name_parts(spark, out + "/nquads", ".nq")
    t2 = time.time()

    # Parquet tables.
    doc_schema = T.StructType([T.StructField("position", T.LongType(), False), T.StructField("id", T.StringType(), False),
                               T.StructField("title", T.StringType()), T.StructField("date", T.StringType()),
                               T.StructField("url", T.StringType()), T.StructField("digest", T.StringType()),
                               T.StructField("statements", T.IntegerType(), False), T.StructField("mentions", T.IntegerType(), False)])
    spark.createDataFrame(positioned.map(lambda pr: (pr[0], pr[1][0], pr[1][1], pr[1][2], pr[1][3], pr[1][4], len(pr[1][7]),
                                                     sum(len(s[9]) for s in pr[1][7]))), doc_schema) \
        .write.parquet(out + "/parquet/documents")
    ent_schema = T.StructType([T.StructField("key", T.StringType(), False), T.StructField("iri", T.StringType(), False),
                               T.StructField("label", T.StringType()), T.StructField("type", T.StringType()),
                               T.StructField("aliases", T.ArrayType(T.StringType(), False)),
                               T.StructField("country", T.StringType()), T.StructField("wikidata", T.StringType()),
                               T.StructField("documents", T.LongType(), False), T.StructField("first_position", T.LongType(), False)])
    spark.createDataFrame(entities.map(lambda kv: (kv[0], kv[1][1][0], kv[1][1][4], kv[1][1][5], list(kv[1][1][6]), kv[1][1][7],
                                                   kv[1][1][8], kv[1][3], kv[1][0])), ent_schema) \
        .write.parquet(out + "/parquet/entities")

    def statement_rows(pr):
        position, r = pr
        for s in r[7]:
            yield ((s[1], s[2], s[3], s[4], s[5]), (s[0], s[6], s[7], s[8], [(r[0], position) + m for m in s[9]]))

    def combine(c, v):
        c[4].extend(v[4])
        return c

    def statement_table(kv):
        (subject, predicate, obj, negated, modality), (iri, cameo, quad_class, goldstein, mentions) = kv
        mentions.sort(key=lambda m: (m[1], m[3], m[4], m[2]))
        miss = 1.0
        for m in mentions:
            miss *= 1 - min(max(m[7], 0.0), 1.0)
        return (iri, subject, predicate, obj, negated, modality, len(mentions), 1 - miss, len({m[1] for m in mentions}),
                cameo, quad_class, goldstein, mentions)

    evidence_type = T.StructType([T.StructField("document", T.StringType(), False), T.StructField("position", T.LongType(), False),
                                  T.StructField("sentence", T.IntegerType(), False), T.StructField("start", T.IntegerType(), False),
                                  T.StructField("end", T.IntegerType(), False), T.StructField("quote", T.StringType(), False),
                                  T.StructField("pattern", T.StringType(), False), T.StructField("confidence", T.DoubleType(), False)])
    st_schema = T.StructType([T.StructField("iri", T.StringType(), False), T.StructField("subject", T.StringType(), False),
                              T.StructField("predicate", T.StringType(), False), T.StructField("object", T.StringType(), False),
                              T.StructField("negated", T.BooleanType(), False), T.StructField("modality", T.StringType(), False),
                              T.StructField("weight", T.IntegerType(), False), T.StructField("confidence", T.DoubleType(), False),
                              T.StructField("documents", T.IntegerType(), False), T.StructField("cameo", T.StringType()),
                              T.StructField("quad_class", T.IntegerType()), T.StructField("goldstein", T.DoubleType()),
                              T.StructField("evidence", T.ArrayType(evidence_type, False))])
    merged = positioned.flatMap(statement_rows) \
        .combineByKey(lambda v: (v[0], v[1], v[2], v[3], list(v[4])), combine, combine) \
        .map(statement_table)
    spark.createDataFrame(merged, st_schema).write.parquet(out + "/parquet/statements")
    t3 = time.time()
    figures.update(merge_seconds=t3 - t1, nquads_seconds=t2 - t1, parquet_seconds=t3 - t2,
                   statements=spark.read.parquet(out + "/parquet/statements").count(), entities=entities.count(),
                   varying_entities=n_varying, nquads_bytes=hadoop_size(spark, out + "/nquads"),
                   parquet_bytes=hadoop_size(spark, out + "/parquet"))
    spark.stop()
    return figures


def kg_message(error):
    """kg's own message inside a Spark error, or None."""
    text = str(error)
    found = re.search(re.escape(FAILURE_BEGIN) + r"(.*?)" + re.escape(FAILURE_END), text, re.S)
    return found.group(1) if found else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", required=True, help="documents: Hadoop path(s) or glob(s), comma-separated")
    ap.add_argument("--output", required=True, help="a new folder (Hadoop path) for nquads/ and parquet/")
    ap.add_argument("--archive", help="kg.tgz of scripts/spark/pack.sh, shipped to executors as ./kg "
                                      "(with spark-submit, --archives kg.tgz#kg does the same)")
    ap.add_argument("--kg", help="the kg binary's path on every executor (instead of an archive)")
    ap.add_argument("--partitions", type=int, help="kg processes (Spark tasks) for extraction; default: "
                                                   "the default parallelism, or one per 32 MiB of input if more")
    ap.add_argument("--master", help="Spark master, e.g. local[2] (spark-submit gives it otherwise)")
    ap.add_argument("--text", action="store_true", help="the input is plain text files, one document each")
    ap.add_argument("--batch", type=int, default=100, help="documents per batch of kg extract --stdin")
    ap.add_argument("--base-iri", help="kg extract --base-iri")
    ap.add_argument("--broadcast-limit", type=int, default=200000,
                    help="entities whose description differs between documents that are broadcast; beyond, joined")
    ap.add_argument("--metrics", help="write the figures of the run as JSON to this local file")
    a = ap.parse_args()

    def log(message):
        print(f"kg_job: {message}", file=sys.stderr, flush=True)

    try:
        figures = run(a, log)
    except SystemExit:
        raise
    except Exception as e:
        message = kg_message(e)
        if message is not None:
            print(f"kg_job: error: {message}", file=sys.stderr)
        else:
            lines = [l for l in str(e).splitlines() if l.strip()]
            print("kg_job: error: " + "\n".join(lines[:20]), file=sys.stderr)
        sys.exit(1)
    tasks = figures.get("tasks", [])
    log(f"{figures['documents']} documents ({figures['input_bytes'] / 1e6:.1f} MB) in {figures['partitions']} partitions: "
        f"extraction {figures['extract_seconds']:.1f} s, merge {figures['merge_seconds']:.1f} s; "
        f"{figures['statements']} statements, {figures['entities']} entities; N-Quads {figures['nquads_bytes'] / 1e6:.1f} MB, "
        f"Parquet {figures['parquet_bytes'] / 1e6:.1f} MB; kg peak RSS "
        f"{max((t['kg_max_rss_kb'] for t in tasks), default=0) / 1024:.0f} MB")
    if a.metrics:
        with open(a.metrics, "w") as f:
            json.dump(figures, f, indent=1)


if __name__ == "__main__":
    main()
