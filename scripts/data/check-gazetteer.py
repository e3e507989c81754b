#!/usr/bin/env python3
"""Validate the actor gazetteer in ontology/gazetteer/.

Checks (each failure is reported as 'file:line: message'):
  * files are UTF-8, LF-terminated, tab-separated, header first, with the
    expected columns, no empty lines, no surrounding whitespace and no quoting;
  * ids are unique across all files and well formed (countries: ISO 3166-1
    alpha-3 or a user-assigned X.. code such as XKX; others: lowercase ASCII
    slugs); type matches the file; every country column resolves;
  * multi-valued cells: no empty values, no duplicates, no tabs or '|';
  * wikidata cells are Q-ids and no Q-id is used for two entities;
  * surface forms (label, aliases, seats, demonyms): no form is shared by two
    entities (compared the way the extractor matches them: case-sensitive, with
    the first letter also accepted capitalised); forms with an apostrophe have
    both the ASCII and the typographic variant; no bare English function word
    or two-letter code that collides with one (IN, IT, TO, ME, ...);
  * offices: person and 'of' resolve, role is in the fixed vocabulary, dates
    are valid YYYY-MM-DD with start <= end, every person has an office, and no
    two people hold the same single-holder office at overlapping times;
  * countries.tsv is up to date with scripts/data/gen-gazetteer.py (when the
    iso-codes data is installed).

Usage: python3 scripts/data/check-gazetteer.py [--gazetteer DIR]
Exit status: 0 when no error was found, 1 otherwise. Warnings do not fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")

ENTITY_FILES = {
    "countries.tsv": (["id", "label", "type", "country", "aliases", "seats", "demonyms", "wikidata"], "Country"),
    "organizations.tsv": (["id", "label", "type", "country", "aliases", "wikidata"], "Organization"),
    "groups.tsv": (["id", "label", "type", "country", "aliases", "wikidata"], "Group"),
    "people.tsv": (["id", "label", "type", "country", "aliases", "wikidata"], "Person"),
}
OFFICES_HEADER = ["person", "role", "of", "start", "end"]
EXTRA_HEADER = ["id", "label", "aliases", "seats", "demonyms", "wikidata"]
ROLES = {
    "president", "vice president", "prime minister", "chancellor", "king", "queen", "emir",
    "crown prince", "supreme leader", "foreign minister", "defense minister", "secretary-general",
    "chairperson", "high representative",
}
# Offices that several people may hold at once.
SHARED_ROLES = {"vice president"}
MULTI = ("aliases", "seats", "demonyms")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTRY_ID = re.compile(r"^[A-Z]{3}$")
NON_ISO_ID = re.compile(r"^X[A-Z]{2}$")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Whole surface forms that are ordinary English words (compared case-insensitively);
# "US" is the one accepted abbreviation that is also a pronoun.
ENGLISH_WORDS = {
    "a", "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me",
    "my", "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "we", "us", "the", "and", "for",
    "can", "may", "will", "new", "all", "one", "man", "war", "its", "not", "but", "out", "now",
}
ALLOWED_WORDLIKE = {"US"}


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{where}: {message}")


def read_tsv(path: Path, header: list[str], report: Report) -> list[tuple[int, dict[str, str]]]:
    rel = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    if not path.is_file():
        report.error(str(rel), "file is missing")
        return []
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.error(str(rel), f"not UTF-8 ({exc})")
        return []
    if text.startswith("\ufeff"):
        report.error(f"{rel}:1", "byte-order mark found")
    if "\r" in text:
        report.error(str(rel), "CR characters found; use LF line endings")
    if not text.endswith("\n"):
        report.error(str(rel), "last line is not terminated by LF")
    lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
    if not lines or lines[0].split("\t") != header:
        report.error(f"{rel}:1", f"header must be {chr(9).join(header)!r}")
        return []
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        where = f"{rel}:{number}"
        if not line.strip():
            report.error(where, "empty line")
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            report.error(where, f"expected {len(header)} columns, got {len(cells)}")
            continue
        for name, cell in zip(header, cells):
            if cell != cell.strip():
                report.error(where, f"{name}: surrounding whitespace in {cell!r}")
            if len(cell) > 1 and cell[0] == '"' and cell[-1] == '"':
                report.error(where, f"{name}: quoted value {cell!r}; the files use no quoting")
        rows.append((number, dict(zip(header, cells))))
    return rows


def values(cell: str) -> list[str]:
    return cell.split("|") if cell else []


def match_key(form: str) -> str:
    """The extractor matches case-sensitively but also accepts a capitalised first letter."""
    return form[:1].upper() + form[1:]


def load_iso_ids() -> set[str] | None:
    try:
        return {entry["alpha_3"] for entry in json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]}
    except (OSError, ValueError, KeyError):
        return None


def parse_date(value: str) -> dt.date | None:
    if not DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check(gaz: Path) -> tuple[Report, dict[str, int]]:
    report = Report()
    counts: dict[str, int] = {}
    iso_ids = load_iso_ids()
    if iso_ids is None:
        report.warn(str(ISO_JSON), "iso-codes data not installed; country ids checked for form only")

    entities: dict[str, tuple[str, int, dict[str, str]]] = {}  # id -> (file, line, row)
    for name, (header, etype) in ENTITY_FILES.items():
        path = gaz / name
        rows = read_tsv(path, header, report)
        counts[name] = len(rows)
        rel = path.relative_to(REPO) if path.is_relative_to(REPO) else path
        for number, row in rows:
            where = f"{rel}:{number}"
            eid = row["id"]
            if etype == "Country":
                if not COUNTRY_ID.match(eid):
                    report.error(where, f"country id {eid!r} is not three uppercase letters")
                elif iso_ids is not None and eid not in iso_ids and not NON_ISO_ID.match(eid):
                    report.error(where, f"country id {eid!r} is not ISO 3166-1 alpha-3 (or a user-assigned X.. code)")
                if row["country"] != eid:
                    report.error(where, f"country column {row['country']!r} must equal the id")
            elif not SLUG.match(eid):
                report.error(where, f"id {eid!r} is not a lowercase ASCII slug")
            if row["type"] != etype:
                report.error(where, f"type {row['type']!r}, expected {etype!r}")
            if not row["label"]:
                report.error(where, "empty label")
            if eid in entities:
                other_file, other_line, _ = entities[eid]
                report.error(where, f"id {eid!r} already used at {other_file}:{other_line}")
            else:
                entities[eid] = (str(rel), number, row)
            for column in MULTI:
                if column not in row:
                    continue
                vals = values(row[column])
                for v in vals:
                    if not v or v != v.strip():
                        report.error(where, f"{column}: empty value or surrounding whitespace in {row[column]!r}")
                dups = sorted({v for v in vals if vals.count(v) > 1})
                if dups:
                    report.error(where, f"{column}: duplicate value(s) {dups}")
            if row["wikidata"] and not WIKIDATA.match(row["wikidata"]):
                report.error(where, f"wikidata {row['wikidata']!r} is not a Q-id")
    if iso_ids is not None:
        country_ids = {eid for eid, (f, _, _) in entities.items() if f.endswith("countries.tsv")}
        missing = sorted(iso_ids - country_ids)
        if missing:
            report.error("countries.tsv", f"ISO codes without a row: {', '.join(missing)}")

    country_ids = {eid for eid, (_, _, row) in entities.items() if row["type"] == "Country"}
    org_ids = {eid for eid, (_, _, row) in entities.items() if row["type"] == "Organization"}
    people_ids = {eid for eid, (_, _, row) in entities.items() if row["type"] == "Person"}

    # country column resolves
    for eid, (f, line, row) in entities.items():
        if row["type"] != "Country" and row["country"] and row["country"] not in country_ids:
            report.error(f"{f}:{line}", f"country {row['country']!r} is not an id in countries.tsv")

    # wikidata uniqueness
    by_qid: dict[str, list[str]] = defaultdict(list)
    for eid, (_, _, row) in entities.items():
        if row["wikidata"]:
            by_qid[row["wikidata"]].append(eid)
    for qid, ids in sorted(by_qid.items()):
        if len(ids) > 1:
            report.error("wikidata", f"{qid} used by {', '.join(sorted(ids))}")

    # surface forms
    owners: dict[str, set[str]] = defaultdict(set)
    for eid, (f, line, row) in entities.items():
        where = f"{f}:{line}"
        forms = [row["label"]] + [v for c in MULTI if c in row for v in values(row[c])]
        seen_keys: dict[str, str] = {}
        for form in forms:
            if "|" in form or "\t" in form:
                report.error(where, f"form {form!r} contains a separator")
            key = match_key(form)
            if key in seen_keys and seen_keys[key] != form and row["label"] not in (form, seen_keys[key]):
                report.warn(where, f"{form!r} and {seen_keys[key]!r} match the same text; keep the lowercase one")
            seen_keys.setdefault(key, form)
            owners[key].add(eid)
            if form.lower() in ENGLISH_WORDS and form not in ALLOWED_WORDLIKE:
                report.error(where, f"form {form!r} is an ordinary English word")
            if "'" in form and form.replace("'", "\u2019") not in forms:
                report.error(where, f"form {form!r} lacks its typographic variant {form.replace(chr(39), chr(8217))!r}")
            if "\u2019" in form and form.replace("\u2019", "'") not in forms:
                report.error(where, f"form {form!r} lacks its ASCII variant {form.replace(chr(8217), chr(39))!r}")
            if row["type"] in ("Organization", "Person") and form == form.lower() and " " not in form and "-" not in form:
                report.warn(where, f"single lowercase word {form!r} may be an ordinary word")
    for key, ids in sorted(owners.items()):
        if len(ids) > 1:
            report.error("surface forms", f"{key!r} is shared by {', '.join(sorted(ids))}")

    # offices
    path = gaz / "offices.tsv"
    rel = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    offices = read_tsv(path, OFFICES_HEADER, report)
    counts["offices.tsv"] = len(offices)
    holders: dict[tuple[str, str], list[tuple[dt.date, dt.date, str, int]]] = defaultdict(list)
    with_office: set[str] = set()
    seen_rows: set[tuple[str, ...]] = set()
    for number, row in offices:
        where = f"{rel}:{number}"
        key = tuple(row.values())
        if key in seen_rows:
            report.error(where, "duplicate row")
        seen_rows.add(key)
        if row["person"] not in people_ids:
            report.error(where, f"person {row['person']!r} is not an id in people.tsv")
        with_office.add(row["person"])
        if row["role"] not in ROLES:
            report.error(where, f"role {row['role']!r} is not in the vocabulary")
        if row["of"] not in country_ids and row["of"] not in org_ids:
            report.error(where, f"'of' {row['of']!r} is not an id in countries.tsv or organizations.tsv")
        start = parse_date(row["start"])
        if start is None:
            report.error(where, f"start {row['start']!r} is not a valid YYYY-MM-DD date")
            continue
        end = dt.date.max
        if row["end"]:
            parsed = parse_date(row["end"])
            if parsed is None:
                report.error(where, f"end {row['end']!r} is not a valid YYYY-MM-DD date")
                continue
            end = parsed
            if end < start:
                report.error(where, f"end {row['end']} is before start {row['start']}")
        if start > dt.date.today():
            report.error(where, f"start {row['start']} is in the future")
        if row["role"] not in SHARED_ROLES:
            holders[(row["role"], row["of"])].append((start, end, row["person"], number))
    for person in sorted(people_ids - with_office):
        f, line, _ = entities[person]
        report.error(f"{f}:{line}", f"person {person!r} has no row in offices.tsv")
    for (role, of), spans in sorted(holders.items()):
        spans.sort()
        for i, (s1, e1, p1, n1) in enumerate(spans):
            for s2, e2, p2, n2 in spans[i + 1:]:
                if s2 >= e1:
                    break
                if p1 != p2:
                    report.error(f"{rel}:{n2}", f"{p2} and {p1} (line {n1}) both {role} of {of} from {s2}")
                else:
                    report.error(f"{rel}:{n2}", f"{p2} has overlapping {role} terms of {of}")

    # people: country should be one they held office for (when set)
    offices_by_person: dict[str, set[str]] = defaultdict(set)
    for _, row in offices:
        offices_by_person[row["person"]].add(row["of"])
    for person in sorted(people_ids):
        f, line, row = entities[person]
        if row["country"] and row["country"] not in offices_by_person[person]:
            report.warn(f"{f}:{line}", f"{person} acts for {row['country']} but holds no office of it")

    # curated source and generated file agree
    extra = read_tsv(gaz / "sources" / "countries-extra.tsv", EXTRA_HEADER, report)
    counts["sources/countries-extra.tsv"] = len(extra)
    generator = REPO / "scripts" / "data" / "gen-gazetteer.py"
    if iso_ids is not None and generator.is_file() and (gaz / "sources" / "countries-extra.tsv").is_file():
        spec = importlib.util.spec_from_file_location("gen_gazetteer", generator)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        try:
            iso = module.load_iso(ISO_JSON)
            table, _ = module.build(iso, module.load_extra(gaz / "sources" / "countries-extra.tsv", iso))
            if module.render(table) != (gaz / "countries.tsv").read_text(encoding="utf-8"):
                report.error("countries.tsv", "out of date; run python3 scripts/data/gen-gazetteer.py")
        except module.GazetteerError as exc:
            report.error("sources/countries-extra.tsv", str(exc))
    return report, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate the actor gazetteer.")
    parser.add_argument("--gazetteer", type=Path, default=REPO / "ontology" / "gazetteer", help="gazetteer directory")
    args = parser.parse_args(argv)
    report, counts = check(args.gazetteer.resolve())
    for name, n in counts.items():
        print(f"{name}: {n} rows")
    for warning in report.warnings:
        print(f"warning: {warning}")
    for error in report.errors:
        print(f"error: {error}")
    print(f"{len(report.errors)} errors, {len(report.warnings)} warnings")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
