#!/usr/bin/env python3
"""Generate ontology/gazetteer/countries.tsv.

Usage: python3 scripts/data/gen-gazetteer.py [--check] [-v] [--iso PATH]

Inputs
  * Debian's iso-codes data, /usr/share/iso-codes/json/iso_3166-1.json
    (package ``iso-codes``): the authoritative list of ISO 3166-1 entries
    and their ISO ``name``, ``official_name`` and ``common_name``.
  * ontology/gazetteer/sources/countries-extra.tsv, curated by hand: one row
    per ISO entry (plus non-ISO actor states such as Kosovo, id XKX) with the
    news label, extra aliases, seats of government and demonyms.

Output
  * ontology/gazetteer/countries.tsv with the columns
    id, label, type, country, aliases, seats, demonyms, wikidata,
    sorted by id, UTF-8, LF line endings. Running the script twice gives
    byte-identical output.

Alias rules
  1. ISO ``name``, ``official_name`` and ``common_name`` come first, each only
     when it differs from the label.
  2. ISO forms written in inverted, list-like style ("Korea, Republic of",
     "Virgin Islands, British", "Taiwan, Province of China") or with a
     parenthesis ("Holy See (Vatican City State)") are dropped: they do not
     occur in running text. A comma is kept only when the text after it
     continues an enumeration ("Saint Helena, Ascension and Tristan da Cunha").
  3. The curated aliases follow, in file order.
  4. An ISO-derived form that is a curated surface form (label, alias, seat or
     demonym) of another country is dropped: curated choices win ("Congo" is
     the Democratic Republic of the Congo in news, not ISO's "Congo").
  5. Every form with an apostrophe gets its typographic (U+2019) or ASCII
     twin, so "People's Republic of China" and "People’s Republic of China"
     are both present. This applies to aliases, seats and demonyms.
  6. Duplicates are removed, keeping the first occurrence.

Usage
  python3 scripts/data/gen-gazetteer.py            # write countries.tsv
  python3 scripts/data/gen-gazetteer.py --check    # exit 1 if countries.tsv is stale
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GAZ = REPO / "ontology" / "gazetteer"
DEFAULT_ISO = Path("/usr/share/iso-codes/json/iso_3166-1.json")
DEFAULT_EXTRA = GAZ / "sources" / "countries-extra.tsv"
DEFAULT_OUTPUT = GAZ / "countries.tsv"

EXTRA_HEADER = ["id", "label", "aliases", "seats", "demonyms", "wikidata"]
OUTPUT_HEADER = ["id", "label", "type", "country", "aliases", "seats", "demonyms", "wikidata"]
ISO_ID = re.compile(r"^[A-Z]{3}$")
# ISO 3166-1 reserves XAA-XZZ for user-assigned codes; XKX is the de facto code for Kosovo.
NON_ISO_ID = re.compile(r"^X[A-Z]{2}$")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
ASCII_APOS, TYPO_APOS = "'", "\u2019"


class GazetteerError(Exception):
    """An input problem, reported as 'file:line: message'."""


def load_iso(path: Path) -> dict[str, dict[str, str]]:
    if not path.is_file():
        raise GazetteerError(
            f"{path}: ISO 3166-1 data not found; install Debian's 'iso-codes' package "
            "(apt-get install iso-codes) or pass --iso PATH"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["3166-1"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GazetteerError(f"{path}: not a readable iso-codes 3166-1 JSON file ({exc})") from exc
    iso: dict[str, dict[str, str]] = {}
    for entry in entries:
        code = entry.get("alpha_3", "")
        if not ISO_ID.match(code) or "name" not in entry:
            raise GazetteerError(f"{path}: malformed entry {entry!r}")
        iso[code] = entry
    return iso


def split_cell(value: str) -> list[str]:
    return value.split("|") if value else []


def load_extra(path: Path, iso: dict[str, dict[str, str]]) -> dict[str, dict[str, object]]:
    if not path.is_file():
        raise GazetteerError(f"{path}: curated country file not found")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 ({exc})") from exc
    if "\r" in text:
        raise GazetteerError(f"{path}: CR characters found; use LF line endings")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != EXTRA_HEADER:
        raise GazetteerError(f"{path}:1: header must be {chr(9).join(EXTRA_HEADER)!r}")
    rows: dict[str, dict[str, object]] = {}
    for number, line in enumerate(lines[1:], start=2):
        where = f"{path}:{number}"
        cells = line.split("\t")
        if len(cells) != len(EXTRA_HEADER):
            raise GazetteerError(f"{where}: expected {len(EXTRA_HEADER)} tab-separated columns, got {len(cells)}")
        cid, label, aliases, seats, demonyms, wikidata = cells
        if not (cid in iso or NON_ISO_ID.match(cid)):
            raise GazetteerError(f"{where}: id {cid!r} is neither an ISO 3166-1 alpha-3 code nor a user-assigned X.. code")
        if cid in rows:
            raise GazetteerError(f"{where}: duplicate id {cid!r}")
        if not label or label != label.strip():
            raise GazetteerError(f"{where}: empty label or surrounding whitespace in {label!r}")
        if wikidata and not WIKIDATA.match(wikidata):
            raise GazetteerError(f"{where}: wikidata {wikidata!r} is not a Q-id")
        parsed = {}
        for name, cell in (("aliases", aliases), ("seats", seats), ("demonyms", demonyms)):
            values = split_cell(cell)
            for value in values:
                if not value or value != value.strip():
                    raise GazetteerError(f"{where}: empty value or surrounding whitespace in {name} {cell!r}")
            parsed[name] = values
        rows[cid] = {"label": label, "wikidata": wikidata, **parsed}
    missing = sorted(set(iso) - set(rows))
    if missing:
        raise GazetteerError(f"{path}: no curated row for ISO code(s) {', '.join(missing)}; add one row per code")
    return rows


def is_natural(form: str) -> bool:
    """False for ISO forms that never occur in running text."""
    if "(" in form:
        return False
    if "," in form:
        return " and " in form.split(",", 1)[1]
    return True


def with_apostrophe_twins(forms: list[str]) -> list[str]:
    out: list[str] = []
    for form in forms:
        for variant in (form, form.replace(ASCII_APOS, TYPO_APOS), form.replace(TYPO_APOS, ASCII_APOS)):
            if variant not in out:
                out.append(variant)
    return out


def build(iso: dict[str, dict[str, str]], extra: dict[str, dict[str, object]]) -> tuple[list[list[str]], list[str]]:
    curated_owner: dict[str, set[str]] = {}
    for cid, row in extra.items():
        for form in [row["label"], *row["aliases"], *row["seats"], *row["demonyms"]]:
            for variant in with_apostrophe_twins([form]):
                curated_owner.setdefault(variant, set()).add(cid)
    notes: list[str] = []
    table: list[list[str]] = []
    for cid in sorted(extra):
        row = extra[cid]
        label = row["label"]
        iso_forms: list[str] = []
        seen: set[str] = set()
        entry = iso.get(cid, {})
        for key in ("name", "official_name", "common_name"):
            form = entry.get(key, "")
            if not form or form == label or form in seen:
                continue
            seen.add(form)
            if not is_natural(form):
                notes.append(f"{cid}: dropped unnatural ISO form {form!r}")
                continue
            others = curated_owner.get(form, set()) - {cid}
            if others:
                notes.append(f"{cid}: dropped ISO form {form!r}, curated for {', '.join(sorted(others))}")
                continue
            iso_forms.append(form)
        aliases = [a for a in with_apostrophe_twins(iso_forms + list(row["aliases"])) if a != label]
        seats = with_apostrophe_twins(list(row["seats"]))
        demonyms = with_apostrophe_twins(list(row["demonyms"]))
        table.append([cid, label, "Country", cid, "|".join(aliases), "|".join(seats), "|".join(demonyms), row["wikidata"]])
    return table, notes


def render(table: list[list[str]]) -> str:
    lines = ["\t".join(OUTPUT_HEADER)] + ["\t".join(row) for row in table]
    return "\n".join(lines) + "\n"


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate ontology/gazetteer/countries.tsv from iso-codes and the curated extras.")
    parser.add_argument("--iso", type=Path, default=DEFAULT_ISO, help=f"iso-codes 3166-1 JSON (default: {DEFAULT_ISO})")
    parser.add_argument("--extra", type=Path, default=DEFAULT_EXTRA, help="curated countries-extra.tsv")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="countries.tsv to write")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the output file is not up to date")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the ISO forms that were dropped")
    args = parser.parse_args(argv)
    try:
        iso = load_iso(args.iso)
        extra = load_extra(args.extra, iso)
        table, notes = build(iso, extra)
    except GazetteerError as exc:
        print(f"gen-gazetteer: error: {exc}", file=sys.stderr)
        return 1
    if args.verbose:
        for note in notes:
            print(f"gen-gazetteer: note: {note}", file=sys.stderr)
    text = render(table)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else None
        if current != text:
            print(f"gen-gazetteer: {args.output} is out of date; run python3 scripts/data/gen-gazetteer.py", file=sys.stderr)
            return 1
        print(f"gen-gazetteer: {args.output} is up to date ({len(table)} rows)")
        return 0
    write_atomically(args.output, text)
    print(f"gen-gazetteer: wrote {args.output} ({len(table)} rows, {len(notes)} ISO forms dropped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
