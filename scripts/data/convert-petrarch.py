#!/usr/bin/env python3
"""Convert PETRARCH 2's actor and agent dictionaries into kg's gazetteer formats.

Usage
  python3 scripts/data/convert-petrarch.py            # write the converted files
  python3 scripts/data/convert-petrarch.py --check    # exit 1 if a committed file is out of date
  python3 scripts/data/convert-petrarch.py -v         # also list what was dropped, by reason

Inputs (``--petrarch DIR``, default ``../shared/petrarch`` beside the checkout): the folder
holding ``dictionaries/Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt``, ``Phoenix.agents.txt`` and ``Phoenix.discards.txt``
(openeventdata/petrarch2, MIT licence, Copyright (c) 2014 Open Event Data Alliance; formats in
its ``dictionaries.rst``), and the hand-made gazetteer of ``--ontology DIR`` (default
``ontology/``): every ``gazetteer/*.tsv`` whose name does not start with ``petrarch-``.

Outputs (under ``--output DIR``, default the ontology folder), UTF-8, LF, sorted, byte-identical
on re-run:
  gazetteer/petrarch-people.tsv         people with a dated CAMEO role (id label type country aliases wikidata)
  gazetteer/petrarch-roles.tsv          their dated CAMEO actor codes (person code start end)
  gazetteer/petrarch-organizations.tsv  international and national organizations (... code)
  gazetteer/petrarch-armed-groups.tsv   armed non-state groups (... code)
  agents.tsv                            agent nouns with their CAMEO code (agent plural code position)
  gazetteer/cameo-codes.tsv            CAMEO codes of the hand-made countries and organizations (id code)
  given-names.tsv                      first words of people's names (name people): a signal that an
                                       unknown name is a person's ("Dan Voicu")

Rules (precision first: a wrong actor is worse than a missing one)
  * The hand-made gazetteer wins: a PETRARCH entry with any form that is already a surface of
    the hand-made gazetteer (compared as the extractor matches them: case-sensitive, a
    capitalised first letter also accepted) is skipped; its code then goes to cameo-codes.tsv
    when it is an undated organization or country code.
  * No two entities share a form: a form that two PETRARCH entries claim is dropped from both.
  * Country records are not imported (countries.tsv is complete); their aliases are
    misspellings, provinces and cities, and a place is an actor only when it stands for its
    government. They only give the CAMEO -> ISO 3166-1 country mapping.
  * Forms with a phrase of Phoenix.discards.txt are dropped ("World Cup ...").
  * Forms kept: at least two words (a lone surname or a lone word is never kept, except an
    acronym of three or more capitals for an organization that is no English word); no title,
    agent noun or country word inside ("PRESIDENT_PUTIN_", "RUSSIAN_PRESIDENT_..."); not every
    word an English word of PETRARCH's vocabulary (verb patterns, agents); not a discard.
  * People need a dated role; names of the international file without a date or an
    organization word are dropped (they may be people or organizations).
  * Given names: the first word of the names of at least three dated PETRARCH people (any date),
    of three letters or more, that is no English word (none of PETRARCH's vocabulary, no word
    written in lower case in the UD English EWT training treebank, ``--treebank``), no title
    (``titles.tsv``, ``cues.tsv`` honorific), agent noun or organization word, and no word of a
    hand-made country name or demonym.
  * Dates: YYMMDD (00-30 -> 20YY, else 19YY, as PETRARCH reads them) or YYYYMMDD; '<D' is
    'until D', '>D' 'from D'; an invalid date drops that role only.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_PETRARCH = REPO.parent / "shared" / "petrarch"
DEFAULT_ONTOLOGY = REPO / "ontology"
DEFAULT_TREEBANK = REPO.parent / "shared" / "treebanks" / "en_ewt" / "en_ewt-ud-train.conllu"
# A given name must start the names of this many people.
GIVEN_NAME_PEOPLE = 3
# First words of PETRARCH people that are no given name: German titles, a country's adjective,
# an acronym, and surnames some records put first.
NOT_GIVEN_NAMES = {"BUNDESKANZLER", "KANZLER", "REPUBLIKA", "KPA", "SOVIET", "PAPA", "BARBER"}
ASCII_APOS, TYPO_APOS = "'", "\u2019"
CAMEO_CODE = re.compile(r"^[A-Z0-9]{3}(?:[A-Z0-9]{3})*$")
ATTRIBUTION = [
    "# Converted from PETRARCH 2's dictionaries by scripts/data/convert-petrarch.py; do not edit by hand.",
    "# Source: openeventdata/petrarch2 (commit 676801cd, 2019-03-18), petrarch2/data/dictionaries/.",
    "# The MIT License (MIT), Copyright (c) 2014 Open Event Data Alliance; CountryInfo by the",
    "# Computational Event Data System Project (http://eventdata.parusanalytics.com).",
]
# Words that make a name an organization's in the international file.
ORG_WORDS = {
    "AGENCY", "ALLIANCE", "ASSEMBLY", "ASSOCIATION", "AUTHORITY", "BANK", "BOARD", "BUREAU", "CENTER",
    "CENTRE", "COALITION", "COMMISSION", "COMMITTEE", "COMMUNITY", "CONFERENCE", "CONGRESS", "COUNCIL",
    "COURT", "FEDERATION", "FORCE", "FORCES", "FORUM", "FOUNDATION", "FUND", "GROUP", "INSTITUTE",
    "LEAGUE", "MISSION", "MOVEMENT", "OFFICE", "ORGANISATION", "ORGANIZATION", "PANEL", "PARLIAMENT",
    "PARTNERSHIP", "PROGRAM", "PROGRAMME", "SECRETARIAT", "TRIBUNAL", "UNION", "ARMY", "FRONT",
    "BRIGADE", "BRIGADES", "PARTY", "NETWORK", "INTERNATIONAL", "WATCH", "CROSS", "CRESCENT",
    "DEPARTMENT", "MINISTRY", "ADMINISTRATION", "SERVICE", "SERVICES", "DIRECTORATE", "POLICE",
    "GUARD", "GUARDS", "CORPS", "NAVY", "RIFLES", "MILITIA", "BATTALION", "REGIMENT", "LEGION",
    "SECURITY", "INTELLIGENCE", "PARLIAMENT", "SENATE", "TREASURY", "CABINET", "GOVERNMENT",
}
# Honorifics and titles that are not agent nouns of PETRARCH but make a form a title form.
TITLE_WORDS = {
    "MR", "MRS", "MS", "DR", "SIR", "LORD", "LADY", "GEN", "SEN", "REP", "GOV", "PRES", "SECY",
    "SEC", "GEN.", "MR.", "MRS.", "DR.", "SEN.", "REP.", "GOV.", "ACTING", "FORMER", "EX", "DEPUTY",
    "SHEIKH", "SHEIK", "CHIEF", "HEAD", "LEADER", "SPOKESMAN", "SPOKESWOMAN", "ENVOY", "CMDR",
    "COLONEL", "MAJOR", "CAPTAIN", "LIEUTENANT", "MARSHAL", "ADMIRAL", "HIS", "HER", "HOLINESS",
    "MAJESTY", "HIGHNESS", "EXCELLENCY", "THE",
}
# Titles of people: a form with one names an office holder, not an organization.
PERSON_TITLES = {
    "PRESIDENT", "VICE", "MINISTER", "PREMIER", "CHANCELLOR", "DIRECTOR", "SECRETARY", "AMBASSADOR",
    "ENVOY", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON", "OFFICIAL", "OFFICIALS", "GOVERNOR", "MAYOR",
    "KING", "QUEEN", "PRINCE", "EMIR", "CHAIRMAN", "CHAIRWOMAN", "CHAIRPERSON", "COMMANDER", "CHIEF",
    "HEAD", "LEADER", "SOLDIERS", "SOLDIER", "SPOKESMEN",
}
# Words written in lower case inside a name (not first).
LOWER_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "da", "del", "der", "van",
               "von", "bin", "ibn", "al", "el", "du", "des", "la", "le", "y"}


class ConversionError(Exception):
    """An input problem, reported as 'file:line: message'."""


# ---------------------------------------------------------------- reading PETRARCH

class Record:
    """One actor record: its phrases (primary first), its codes, where it starts."""

    def __init__(self, source: str, line: int) -> None:
        self.source, self.line = source, line
        self.phrases: list[str] = []
        self.codes: list[tuple[str, str, str]] = []  # (code, start, end); '' = open, both '' = default
        self.bad_dates = 0


def strip_comment(line: str) -> str:
    for mark in ("#", ";"):
        k = line.find(mark)
        if k >= 0:
            line = line[:k]
    return line.rstrip()


def parse_date(text: str) -> str | None:
    """YYMMDD (00-30 -> 20YY) or YYYYMMDD as an ISO date, or None when invalid."""
    if not text.isdigit():
        return None
    if len(text) <= 7:
        if len(text) != 6:
            return None
        yy = int(text[:2])
        year = (2000 if yy <= 30 else 1900) + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    if not 1 <= month <= 12:
        return None
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    if not 1 <= day <= days:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_restriction(body: str, record: Record) -> None:
    """One '[CODE restriction]' body into record.codes."""
    parts = body.split(None, 1)
    if not parts:
        return
    code, rest = parts[0], (parts[1].replace(" ", "") if len(parts) > 1 else "")
    if not rest:
        record.codes.append((code, "", ""))
        return
    if rest[0] in "<>":
        date = parse_date(rest[1:])
        if date is None:
            record.bad_dates += 1
        elif rest[0] == "<":
            record.codes.append((code, "", date))
        else:
            record.codes.append((code, date, ""))
        return
    a, _, b = rest.partition("-")
    start, end = parse_date(a), parse_date(b)
    if start is None or end is None or end < start:
        record.bad_dates += 1
        return
    record.codes.append((code, start, end))


def read_actors(path: Path) -> list[Record]:
    """The records of a PETRARCH actor dictionary, grouped as PETRARCH's reader groups them: a
    phrase line without '+' starts a new record only once the current one has a code."""
    records: list[Record] = []
    current: Record | None = None
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, 1):
            raw = raw.rstrip("\n").rstrip("\r")
            if "---STOP---" in raw:
                break
            if not raw.strip() or raw.lstrip().startswith("#") or raw.lstrip().startswith("<"):
                continue
            if raw[0] in " \t":
                if current is not None:
                    for body in re.findall(r"\[([^\]]*)\]", strip_comment(raw)):
                        parse_restriction(body.strip(), current)
                continue
            line = strip_comment(raw)
            if not line.strip():
                continue
            if line.startswith("+"):
                if current is not None:
                    current.phrases.append(line[1:].split("[")[0].strip())
                continue
            if current is None or current.codes:
                current = Record(path.name, number)
                records.append(current)
            current.phrases.append(line.split("[")[0].strip())
            for body in re.findall(r"\[([^\]]*)\]", line):
                parse_restriction(body.strip(), current)
    return records


def read_discards(path: Path) -> set[str]:
    out: set[str] = set()
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = strip_comment(raw).strip().lstrip("+").strip()
        if line:
            out.add(" ".join(line.replace("_", " ").split()).upper())
    return out


def read_vocabulary(petrarch: Path) -> set[str]:
    """English words of PETRARCH's verb dictionary, agents and prepositions, upper case."""
    words: set[str] = set()
    for name in ("CAMEO.2.0.txt", "Phoenix.agents.txt", "Phoenix.prepositions.txt"):
        path = petrarch / "dictionaries" / name
        if not path.is_file():
            continue
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            for w in re.findall(r"[A-Za-z]+", strip_comment(raw)):
                if len(w) > 1:
                    words.add(w.upper())
    return words


def read_lower_words(treebank: Path) -> set[str]:
    """Words written in lower case in a CoNLL-U treebank (upper case): English words."""
    words: set[str] = set()
    for raw in treebank.read_text(encoding="utf-8").splitlines():
        if raw and raw[0].isdigit():
            form = raw.split("\t", 2)[1]
            if form.isalpha() and form.islower():
                words.add(form.upper())
    return words


# ---------------------------------------------------------------- names

def tokens_of(phrase: str) -> list[str]:
    """The words of a PETRARCH phrase, without parenthesised parts (an unclosed '(' ends the
    phrase: "(acting"), quoted nicknames ('"nando"') and a comma before a suffix ("JR.")."""
    phrase = re.sub(r"\([^)]*\)", " ", phrase).split("(")[0]
    phrase = re.sub(r'"[^"]*"?', " ", phrase).replace(",", " ")
    return [t for t in re.split(r"[_\s]+", phrase) if t]


def display_word(word: str, first: bool, acronyms: set[str], person: bool = False) -> str:
    upper = word.upper()
    if person and upper.rstrip(".") in ("JR", "SR"):
        return upper[0] + upper[1:].lower()
    letters = re.sub(r"[^A-Z]", "", upper)
    if upper in acronyms or re.fullmatch(r"(?:[A-Z]\.)+", upper):
        return upper
    if "-" in word:
        parts = word.split("-")
        out = [display_word(p, first and k == 0, acronyms, person) if p else p for k, p in enumerate(parts)]
        if out and out[0] in ("Al", "El") and len(out) > 1 and not first:
            out[0] = out[0].lower()
        return "-".join(out)
    lower = word.lower()
    if not first and lower in LOWER_WORDS:
        return lower
    if not person and letters and not re.search(r"[AEIOUY]", letters) and len(letters) >= 2:
        return upper  # no vowel: an acronym (ICJ, UNHCR)
    if "'" in word:
        head, _, tail = lower.partition("'")
        if len(head) == 1 and tail:  # O'Brien, D'Alema
            return head.upper() + "'" + tail[:1].upper() + tail[1:]
        return head[:1].upper() + head[1:] + "'" + tail
    if lower.startswith("mc") and len(lower) > 2:
        return "Mc" + lower[2].upper() + lower[3:]
    return lower[:1].upper() + lower[1:]


def display(phrase: str, acronyms: set[str], person: bool = False) -> str:
    words = tokens_of(phrase)
    return " ".join(display_word(w, k == 0, acronyms, person) for k, w in enumerate(words))


def slug(label: str) -> str:
    text = unicodedata.normalize("NFKD", label)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace(TYPO_APOS, "").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def match_key(form: str) -> str:
    """As GazetteerRules.matchKey: a lowercase first letter is also matched capitalised."""
    if form and form[0].islower():
        return form[0].upper() + form[1:]
    return form


def with_twins(forms: list[str]) -> list[str]:
    out: list[str] = []
    for f in forms:
        for g in (f, f.replace(ASCII_APOS, TYPO_APOS), f.replace(TYPO_APOS, ASCII_APOS)):
            if g not in out:
                out.append(g)
    return out


# ---------------------------------------------------------------- the hand-made gazetteer

def read_tsv(path: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if not raw or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows


class HandMade:
    def __init__(self, ontology: Path) -> None:
        self.owner: dict[str, str] = {}  # match key -> entity id
        self.types: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.countries_of: dict[str, str] = {}  # entity id -> its country column
        gaz = ontology / "gazetteer"
        if not gaz.is_dir():
            raise ConversionError(f"{gaz}: no gazetteer folder")
        for path in sorted(gaz.glob("*.tsv")):
            if path.name.startswith("petrarch-") or path.name in ("offices.tsv", "cameo-codes.tsv") or path.name.endswith("-roles.tsv"):
                continue
            for row in read_tsv(path):
                self.types[row["id"]] = row["type"]
                self.countries_of[row["id"]] = row.get("country", "")
                self.labels[row["id"]] = row["label"]
                for column in ("label", "aliases", "seats", "demonyms"):
                    for form in (row.get(column) or "").split("|"):
                        if form:
                            self.owner[match_key(form)] = row["id"]
        self.countries = {k for k, t in self.types.items() if t == "Country"}
        # Words of kg's titles and courtesy titles (never given names): "Ayatollah", "Minister".
        self.courtesy_words: set[str] = set()
        for row in read_tsv(ontology / "titles.tsv"):
            self.courtesy_words.update(w.upper() for w in re.findall(r"[A-Za-z]+", row["title"]))
        for row in read_tsv(ontology / "cues.tsv"):
            if row["category"] == "honorific":
                self.courtesy_words.update(w.upper() for w in re.findall(r"[A-Za-z]+", row["phrase"]))
        # Words of country surfaces ("Russian", "Kremlin") that make a person form a title form.
        self.country_words = {k.upper() for k, e in self.owner.items()
                              if self.types.get(e) == "Country" and re.fullmatch(r"[A-Za-z]+", k)}
        # Every word of a country form ("United", "States"): never what makes two names one entity.
        self.country_tokens = {w.upper() for k, e in self.owner.items() if self.types.get(e) == "Country"
                               for w in re.findall(r"[A-Za-z]+", k)}


# ---------------------------------------------------------------- conversion

def country_record_code(r: Record) -> str | None:
    """The current CAMEO country code of a country record (one with a bare three-letter code):
    its last open-ended or undated three-letter code; None for other records."""
    bare = [(c, s, e) for c, s, e in r.codes if re.fullmatch(r"[A-Z]{3}", c)]
    if not bare:
        return None
    current = [c for c, s, e in bare if not e]
    return current[-1] if current else bare[-1][0]


class Dropped:
    def __init__(self) -> None:
        self.counts: dict[str, int] = defaultdict(int)
        self.examples: dict[str, list[str]] = defaultdict(list)

    def add(self, reason: str, what: str) -> None:
        self.counts[reason] += 1
        if len(self.examples[reason]) < 5:
            self.examples[reason].append(what)


class Converter:
    def __init__(self, petrarch: Path, ontology: Path, treebank: Path = DEFAULT_TREEBANK) -> None:
        d = petrarch / "dictionaries"
        if not treebank.is_file():
            raise ConversionError(f"{treebank}: missing; point --treebank to UD English EWT's training file (its lower-case words are English words, never given names)")
        self.lower_words = read_lower_words(treebank)
        names = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt"]
        for name in names:
            if not (d / name).is_file():
                raise ConversionError(f"{d / name}: missing; point --petrarch to a folder with dictionaries/{name}")
        self.hand = HandMade(ontology)
        self.discards = read_discards(d / "Phoenix.discards.txt")
        self.vocabulary = read_vocabulary(petrarch)
        self.agent_words: set[str] = set()
        self.agents = self.convert_agents(d / "Phoenix.agents.txt")
        self.dropped = Dropped()
        self.countries = read_actors(d / "Phoenix.Countries.actors.txt")
        self.international = read_actors(d / "Phoenix.International.actors.txt")
        self.nonstate = read_actors(d / "Phoenix.MilNonState.actors.txt")
        self.cameo_to_iso: dict[str, str] = {}
        self.hand_codes: dict[str, set[str]] = defaultdict(set)
        self.map_countries()

    # -- agents

    def convert_agents(self, path: Path) -> list[list[str]]:
        markers: dict[str, list[str]] = {}
        rows: dict[str, list[str]] = {}
        self.agents_dropped = Dropped()
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = strip_comment(raw).strip()
            if not line or line.startswith("<"):
                continue
            if "!" in line and "=" in line and "[" not in line:
                m = re.match(r"!([^!]+)!\s*=\s*(.*)", line)
                if m:
                    markers[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
                continue
            if "[" not in line:
                continue
            phrase, _, rest = line.partition("[")
            code = rest.partition("]")[0].replace("}", "").strip()
            if code.startswith("~"):
                position, code = "after", code[1:]
            elif code.endswith("~"):
                position, code = "before", code[:-1]
            else:
                self.agents_dropped.add("code without '~'", line)
                continue
            if not CAMEO_CODE.match(code):
                self.agents_dropped.add("code is not CAMEO letters in threes", line)
                continue
            plural: str | None = None
            if "{" in phrase:
                phrase, _, p = phrase.partition("{")
                plural = p.partition("}")[0].strip()
            phrase = phrase.strip()
            if " " in phrase:
                self.agents_dropped.add("words with a gap ('A B' allows words between)", phrase)
                continue
            singulars = [phrase]
            plurals_given = plural is not None
            if "!" in phrase:
                m = re.match(r"([^!]*)!([^!]+)!(.*)", phrase)
                if not m or m.group(2) not in markers:
                    self.agents_dropped.add("unknown substitution marker", phrase)
                    continue
                singulars = [m.group(1) + s + m.group(3) for s in markers[m.group(2)]]
                plurals_given, plural = True, ""
            for singular in singulars:
                word = singular.strip("_")
                if plurals_given:
                    pl = (plural or "").strip("_")
                elif word.endswith("Y") and not word.endswith(("AY", "EY", "OY", "UY")):
                    pl = word[:-1] + "IES"
                elif word.endswith("S"):
                    pl = word + "ES"
                else:
                    pl = word + "S"
                agent = word.replace("_", " ").lower()
                if not re.fullmatch(r"[a-z][a-z' .-]*[a-z.]", agent):
                    self.agents_dropped.add("not a plain word or phrase", word)
                    continue
                if agent in rows:
                    self.agents_dropped.add("repeated agent (first kept)", agent)
                    continue
                rows[agent] = [agent, pl.replace("_", " ").lower(), code, position]
                self.agent_words.update(agent.upper().split())
        return [rows[k] for k in sorted(rows)]

    # -- countries

    def map_countries(self) -> None:
        """CAMEO country code -> ISO id, from the country records' names matched to countries.tsv."""
        votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.country_records = 0
        squashed = {re.sub(r"[^A-Z]", "", k.upper()): e for k, e in self.hand.owner.items() if e in self.hand.countries}
        for r in self.countries:
            code = country_record_code(r)
            if code is None:
                continue
            self.country_records += 1
            for phrase in r.phrases[:1]:
                # Letters only: "TIMOR_LESTE_" is "Timor-Leste".
                owner = squashed.get(re.sub(r"[^A-Z]", "", phrase.upper()))
                if owner in self.hand.countries:
                    votes[code][owner] += 1
            votes[code]
        for code in sorted(votes):
            # A code that is an ISO id of countries.tsv is that country (CAMEO's COG is the
            # Republic of the Congo even though its record is named "CONGO", which is the DRC's
            # form here); the names decide only for codes that are not ISO ids (KSV).
            if code in self.hand.countries:
                self.cameo_to_iso[code] = code
            elif votes[code]:
                self.cameo_to_iso[code] = sorted(votes[code].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        for code, iso in sorted(self.cameo_to_iso.items()):
            # Where two CAMEO codes name one country, the equal one wins.
            if iso == code or iso not in self.hand_codes:
                self.hand_codes[iso] = {code}

    def country_of(self, code: str) -> str | None:
        return self.cameo_to_iso.get(code[:3])

    # -- forms

    def discarded(self, words: list[str]) -> bool:
        """Whether the words contain a phrase of Phoenix.discards.txt (whole words)."""
        upper = [w.upper() for w in words]
        for i in range(len(upper)):
            for j in range(i + 1, min(len(upper), i + 6) + 1):
                if " ".join(upper[i:j]) in self.discards:
                    return True
        return False

    def person_form_ok(self, words: list[str], why: Dropped, what: str) -> bool:
        if len(words) < 2:
            why.add("person: a single word (a lone surname is never kept)", what)
            return False
        upper = [w.upper().strip(".") for w in words]
        if any(w in TITLE_WORDS or w in self.agent_words for w in upper):
            why.add("person: a title or agent noun in the form", what)
            return False
        if any(w in self.hand.country_words for w in upper):
            why.add("person: a country word in the form", what)
            return False
        if all(w in self.vocabulary for w in upper):
            why.add("person: every word an English word", what)
            return False
        return True

    def org_form_ok(self, words: list[str], acronyms: set[str], why: Dropped, what: str) -> bool:
        upper = [w.upper() for w in words]
        if set(upper) & PERSON_TITLES:
            why.add("organization: a person's title in the form (an office, not a body)", what)
            return False
        if len(words) == 1:
            if upper[0] not in acronyms or len(upper[0]) < 3:
                why.add("organization: a single word that is no acronym of three or more letters", what)
                return False
            return True
        if len(words) < 3 and not set(upper) & ORG_WORDS and all(w in self.vocabulary or w in LOWER_WORDS_UPPER for w in upper):
            why.add("organization: two English words without an organization word", what)
            return False
        return True

    def acronyms(self, record: Record) -> set[str]:
        """The one-word phrases of the record that are acronyms: PETRARCH writes every word in
        capitals, so a word counts as one only with a digit, without a vowel, or as the
        initials of another phrase of the record ("FBI", "ANSF"); not "GAZA", "SNOWDEN"."""
        initials = set()
        for phrase in record.phrases:
            words = [w for w in tokens_of(phrase) if w.lower() not in LOWER_WORDS]
            if len(words) > 1:
                initials.add("".join(w[0] for w in words).upper())
        out = set()
        for phrase in record.phrases:
            words = tokens_of(phrase)
            if len(words) != 1:
                continue
            w = words[0].upper()
            letters = re.sub(r"[^A-Z]", "", w)
            if not re.fullmatch(r"[A-Z][A-Z0-9.&-]+", w) or w in self.vocabulary or len(letters) < 2:
                continue
            if re.search(r"[0-9]", w) or not re.search(r"[AEIOU]", letters) or letters in initials:
                out.add(w)
        return out

    def related(self, form: str, label: str, acronyms: set[str]) -> bool:
        """Whether an alias names the label's entity and not just one with the same code
        (PETRARCH's '+' phrases share a code, not always an entity: "Guardian Council" under
        "Islamic Consultative Assembly"): an acronym of the record, a spelling of the label, or
        a shared distinctive word (not English, not an organization or function word)."""
        if form.upper() in acronyms:
            # An acronym names the label only when it spells the label's initials ("FBI", not "DEA").
            words = [w for w in re.findall(r"[A-Za-z]+", label) if w.lower() not in LOWER_WORDS]
            return re.sub(r"[^A-Z]", "", form.upper()) == "".join(w[0] for w in words).upper()
        squash = lambda t: re.sub(r"[^A-Z]", "", t.upper())
        if squash(form) == squash(label):
            return True
        def distinctive(t: str) -> set[str]:
            return {w for w in re.findall(r"[A-Z]+", t.upper().replace("’", "'"))
                    if len(w) > 2 and w not in self.vocabulary and w not in ORG_WORDS and w not in LOWER_WORDS_UPPER
                    and w not in self.hand.country_tokens}
        return bool(distinctive(form) & distinctive(label))

    def forms(self, record: Record, kind: str) -> list[str]:
        acronyms = self.acronyms(record) if kind != "person" else set()
        out: list[str] = []
        for phrase in record.phrases:
            words = tokens_of(phrase)
            what = f"{record.source}:{record.line} {phrase}"
            if not words:
                continue
            if any(not re.fullmatch(r"[A-Za-z0-9.'&-]+", w) for w in words) or any(w.upper() in ("A.K.A.", "AKA") for w in words):
                self.dropped.add("a form with characters that are not letters of a name (` ; / ...) or 'a.k.a.'", what)
                continue
            if self.discarded(words):
                self.dropped.add("a discard of Phoenix.discards.txt", what)
                continue
            ok = self.person_form_ok(words, self.dropped, what) if kind == "person" else self.org_form_ok(words, acronyms, self.dropped, what)
            if not ok:
                continue
            form = display(phrase, acronyms, person=kind == "person")
            if kind != "person" and len(words) == 1:
                form = words[0].upper()
            variants = [form]
            if kind == "person" and "-" in form:
                # "Ban Ki-moon": a hyphenated given name is written lower case after the hyphen.
                variants.append(re.sub(r"-([A-Z])([a-z])", lambda m: "-" + m.group(1).lower() + m.group(2), form))
            for v in variants:
                if out and not self.related(v, out[0], acronyms):
                    self.dropped.add(f"{kind}: alias sharing no distinctive word with the name (another entity with the same code)", f"{what} [{out[0]}]")
                    continue
                if v not in out:
                    out.append(v)
        return with_twins(out)

    # -- entities

    def convert(self) -> dict[str, list[list[str]]]:
        people: list[dict] = []
        orgs: list[dict] = []
        groups: list[dict] = []
        self.skipped_hand = defaultdict(int)
        for r in self.countries:
            dated = [c for c in r.codes if c[1] or c[2]]
            defaults = [c for c, s, e in r.codes if not s and not e]
            if any(re.fullmatch(r"[A-Z]{3}", c) for c, _, _ in r.codes):
                self.dropped.add("country record (countries.tsv is complete; aliases are places and misspellings)", r.phrases[0])
                continue
            if dated:
                self.person(r, people)
            elif defaults and self.looks_like_organization(r):
                self.organization(r, orgs, "national institution")
            elif defaults:
                if not self.skip_if_hand_made(r, [], "national institution", None):
                    self.dropped.add("national: undated name without an organization word (a person, place or seat?)", f"{r.source}:{r.line} {r.phrases[0]}")
            else:
                self.dropped.add("record without a code", f"{r.source}:{r.line} {r.phrases[0]}")
        for r in self.international:
            dated = [c for c in r.codes if c[1] or c[2]]
            if dated:
                self.person(r, people)
            elif r.codes:
                if self.looks_like_organization(r):
                    self.organization(r, orgs, "international organization")
                elif self.skip_if_hand_made(r, [], "international organization", next((c for c, s, e in r.codes if CAMEO_CODE.match(c)), None)):
                    pass
                else:
                    self.dropped.add("international: undated name without an organization word (person or organization?)", f"{r.source}:{r.line} {r.phrases[0]}")
            else:
                self.dropped.add("record without a code", f"{r.source}:{r.line} {r.phrases[0]}")
        for r in self.nonstate:
            if r.codes:
                self.organization(r, groups, "armed group")
            else:
                self.dropped.add("record without a code", f"{r.source}:{r.line} {r.phrases[0]}")
        people, orgs, groups = self.merge(people), self.merge(orgs), self.merge(groups)
        # No form shared by two PETRARCH entities: drop it from all of them.
        claims: dict[str, set[int]] = defaultdict(set)
        everyone = people + orgs + groups
        for i, e in enumerate(everyone):
            for f in e["forms"]:
                claims[match_key(f)].add(i)
        for i, e in enumerate(everyone):
            kept = [f for f in e["forms"] if len(claims[match_key(f)]) == 1]
            for f in e["forms"]:
                if f not in kept:
                    self.dropped.add("form shared by two PETRARCH entries of different countries or codes (dropped from both)", f"{e['where']} {f}")
            e["forms"] = kept
        tables: dict[str, list[list[str]]] = {}
        ids: set[str] = set(self.hand.types)
        def finish(entries: list[dict], type_: str) -> list[list[str]]:
            rows = []
            for e in entries:
                if not e["forms"]:
                    self.dropped.add("entry left without a form", e["where"])
                    continue
                label, aliases = e["forms"][0], e["forms"][1:]
                key = slug(label)
                if not key or key in ids:
                    self.dropped.add("entry whose id is taken (a homonym)", f"{e['where']} {label}")
                    continue
                ids.add(key)
                e["id"] = key
                row = [key, label, type_, e["country"] or "", "|".join(aliases), ""]
                if type_ != "Person":
                    row.append(e["code"])
                rows.append(row)
            return sorted(rows)
        tables["people"] = finish(people, "Person")
        tables["organizations"] = finish(orgs, "Organization")
        tables["armed-groups"] = finish(groups, "Organization")
        roles = []
        for e in people:
            if "id" in e:
                for order, (code, start, end) in enumerate(e["roles"]):
                    roles.append((e["id"], order, [e["id"], code, start, end]))
        tables["roles"] = [r for _, _, r in sorted(roles)]
        tables["agents"] = self.agents
        tables["given-names"] = self.given_names()
        tables["codes"] = sorted([k, sorted(v)[0]] for k, v in self.hand_codes.items() if len(v) == 1)
        return tables

    def given_names(self) -> list[list[str]]:
        """The first words of dated people's names that name no thing (see the module's rules)."""
        people: dict[str, int] = defaultdict(int)
        for r in self.countries + self.international:
            if not any(s or e for _, s, e in r.codes):
                continue
            firsts = {tokens_of(p)[0].upper() for p in r.phrases if len(tokens_of(p)) >= 2}
            for f in firsts:
                people[f] += 1
        barred = (self.vocabulary | self.lower_words | TITLE_WORDS | PERSON_TITLES | ORG_WORDS | self.agent_words
                  | self.hand.country_tokens | {w.upper() for w in LOWER_WORDS} | NOT_GIVEN_NAMES | self.hand.courtesy_words)
        rows = []
        for name, n in people.items():
            if n >= GIVEN_NAME_PEOPLE and re.fullmatch(r"[A-Z]{3,}", name) and name not in barred:
                rows.append([name[0] + name[1:].lower(), str(n)])
        return sorted(rows)

    def looks_like_organization(self, r: Record) -> bool:
        """An organization word in the primary name, or an acronym among the phrases."""
        words = {w.upper() for w in tokens_of(r.phrases[0])}
        return bool(words & ORG_WORDS) or bool(self.acronyms(r))

    def merge(self, entries: list[dict]) -> list[dict]:
        """Merges entries that share a form and agree on country and code (PETRARCH repeats
        some people and organizations in several records), in file order."""
        parent = list(range(len(entries)))
        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i
        first: dict[str, int] = {}
        for i, e in enumerate(entries):
            for f in e["forms"]:
                j = first.setdefault(match_key(f), i)
                a, b = find(i), find(j)
                if a != b and (entries[a]["country"], entries[a].get("code")) == (entries[b]["country"], entries[b].get("code")):
                    parent[max(a, b)] = min(a, b)
        merged: dict[int, dict] = {}
        for i, e in enumerate(entries):
            root = find(i)
            if root not in merged:
                merged[root] = e
                continue
            into = merged[root]
            into["forms"] += [f for f in e["forms"] if f not in into["forms"]]
            if "roles" in e:
                into["roles"] += [r for r in e["roles"] if r not in into["roles"]]
            self.dropped.add("record merged into an earlier one with a shared form, same country and code", e["where"])
        return [merged[k] for k in sorted(merged)]

    def raw_forms(self, r: Record) -> list[str]:
        """Every phrase of the record as display text, before any filter (for the hand-made check)."""
        out = []
        for phrase in r.phrases:
            words = tokens_of(phrase)
            if words:
                out += [display(phrase, set()), " ".join(words).upper(), display(phrase, {w.upper() for w in words})]
        return with_twins(out)

    def skip_if_hand_made(self, r: Record, forms: list[str], kind: str, code: str | None) -> bool:
        forms = forms + self.raw_forms(r)
        owners = {self.hand.owner[match_key(f)] for f in forms if match_key(f) in self.hand.owner}
        if not owners:
            return False
        self.skipped_hand[kind] += 1
        if code and len(owners) == 1:
            owner = owners.pop()
            # The code is taken only when its country is the entity's (no Lebanese code for Yemen's Houthis).
            if self.hand.types[owner] == "Organization" and self.country_of(code) == (self.hand.countries_of.get(owner) or None):
                self.hand_codes[owner].add(code)
        return True

    def person(self, r: Record, out: list[dict]) -> None:
        forms = self.forms(r, "person")
        if self.skip_if_hand_made(r, forms, "person", None):
            return
        if not forms:
            self.dropped.add("person without a kept form", f"{r.source}:{r.line} {r.phrases[0]}")
            return
        roles = [(c, s, e) for c, s, e in r.codes if CAMEO_CODE.match(c)]
        bad = len(r.codes) - len(roles)
        for _ in range(r.bad_dates):
            self.dropped.add("role with an invalid date (role only)", f"{r.source}:{r.line} {r.phrases[0]}")
        for _ in range(bad):
            self.dropped.add("role whose code is not CAMEO letters (role only)", f"{r.source}:{r.line} {r.phrases[0]}")
        # The state the person acts for: the one of all their country roles, else none.
        states = {self.country_of(c) for c, _, _ in roles if self.country_of(c)}
        country = states.pop() if len(states) == 1 else None
        if not any(s or e for _, s, e in roles):
            self.dropped.add("person without a valid dated role", f"{r.source}:{r.line} {r.phrases[0]}")
            return
        if not any((s or e) and (not e or e >= RECENT) and c[3:6] != "ELI" for c, s, e in roles):
            self.dropped.add(f"person without an office (a role other than ELI) held on or after {RECENT}", f"{r.source}:{r.line} {r.phrases[0]}")
            return
        unique = []
        for role in roles:
            if role not in unique:
                unique.append(role)
        out.append({"forms": forms, "country": country, "roles": unique, "where": f"{r.source}:{r.line}"})

    def organization(self, r: Record, out: list[dict], kind: str) -> None:
        codes = [c for c, s, e in r.codes if not s and not e and CAMEO_CODE.match(c)]
        code = codes[0] if codes else ""
        forms = self.forms(r, "organization")
        if self.skip_if_hand_made(r, forms, kind, code or None):
            return
        if not code:
            self.dropped.add(f"{kind}: no undated CAMEO code", f"{r.source}:{r.line} {r.phrases[0]}")
            return
        if kind == "international organization" and not code.startswith("IGO"):
            # Companies (MNC), NGOs, media (AFP in "(AFP)") and the like are not kg's actors.
            self.dropped.add(f"international: not an intergovernmental body ({code[:3]})", f"{r.source}:{r.line} {r.phrases[0]}")
            return
        if not forms:
            self.dropped.add(f"{kind} without a kept form", f"{r.source}:{r.line} {r.phrases[0]}")
            return
        country = self.country_of(code)
        if kind == "national institution" and country is None:
            self.dropped.add("national institution of no country of countries.tsv", f"{r.source}:{r.line} {r.phrases[0]}")
            return
        out.append({"forms": forms, "country": country, "code": code, "where": f"{r.source}:{r.line}"})


# People whose last office ended before this date are left out: they are rare in current news
# and their names are more often someone else's.
RECENT = "2000-01-01"
LOWER_WORDS_UPPER = {w.upper() for w in LOWER_WORDS}

# ---------------------------------------------------------------- output

ENTITY_HEADER = ["id", "label", "type", "country", "aliases", "wikidata"]
OUTPUTS = [
    ("gazetteer/petrarch-people.tsv", "people", ENTITY_HEADER,
     "# People of PETRARCH's actor dictionaries with a dated CAMEO role; their codes are in petrarch-roles.tsv."),
    ("gazetteer/petrarch-roles.tsv", "roles", ["person", "code", "start", "end"],
     "# Dated CAMEO actor codes of petrarch-people.tsv, in PETRARCH's order (the first that holds on a date wins;"
     "\n# a row without start and end is the default). start/end blank: open."),
    ("gazetteer/petrarch-organizations.tsv", "organizations", ENTITY_HEADER + ["code"],
     "# International organizations and national institutions of PETRARCH's actor dictionaries, with their CAMEO actor code."),
    ("gazetteer/petrarch-armed-groups.tsv", "armed-groups", ENTITY_HEADER + ["code"],
     "# Armed non-state groups of Phoenix.MilNonState.actors.txt, with their CAMEO actor code."),
    ("agents.tsv", "agents", ["agent", "plural", "code", "position"],
     "# Agent nouns of Phoenix.agents.txt: the CAMEO code an agent adds to its actor's code, 'after' it\n"
     "# (RUS + GOV = RUSGOV) or 'before' it (NGO~). plural blank: none."),
    ("given-names.tsv", "given-names", ["name", "people"],
     "# Given names: the first word of the names of PETRARCH's people (how many), no English word, title\n"
     "# or gazetteer word. A run of capitalized words no list knows that starts with one is a person."),
    ("gazetteer/cameo-codes.tsv", "codes", ["id", "code"],
     "# CAMEO actor codes of the hand-made gazetteer's countries and organizations, from the PETRARCH\n"
     "# records that share a name with them."),
]


def render(tables: dict[str, list[list[str]]]) -> dict[str, str]:
    out = {}
    for path, key, header, comment in OUTPUTS:
        lines = ATTRIBUTION + comment.split("\n") + ["\t".join(header)] + ["\t".join(row) for row in tables[key]]
        out[path] = "\n".join(lines) + "\n"
    return out


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
    parser = argparse.ArgumentParser(description="Convert PETRARCH 2's actor and agent dictionaries into kg's gazetteer formats.")
    parser.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH, help=f"PETRARCH folder with dictionaries/ (default: {DEFAULT_PETRARCH})")
    parser.add_argument("--ontology", type=Path, default=DEFAULT_ONTOLOGY, help="ontology folder with the hand-made gazetteer")
    parser.add_argument("--output", type=Path, default=None, help="folder to write into (default: the ontology folder)")
    parser.add_argument("--treebank", type=Path, default=DEFAULT_TREEBANK, help=f"UD English EWT training file (default: {DEFAULT_TREEBANK})")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if an output file is not up to date")
    parser.add_argument("--verbose", "-v", action="store_true", help="list what was dropped, by reason, with examples")
    args = parser.parse_args(argv)
    output = args.output or args.ontology
    if not (args.petrarch / "dictionaries").is_dir():
        print(f"convert-petrarch: error: {args.petrarch}/dictionaries not found; the PETRARCH dictionaries are "
              "not here (use --petrarch DIR)", file=sys.stderr)
        return 1
    try:
        converter = Converter(args.petrarch, args.ontology, args.treebank)
        tables = converter.convert()
    except (ConversionError, OSError) as exc:
        print(f"convert-petrarch: error: {exc}", file=sys.stderr)
        return 1
    texts = render(tables)
    summary = ", ".join(f"{key} {len(tables[key])}" for _, key, _, _ in OUTPUTS)
    if args.verbose:
        for reason in sorted(converter.dropped.counts):
            print(f"dropped {converter.dropped.counts[reason]:6d}  {reason}  e.g. {converter.dropped.examples[reason][:3]}", file=sys.stderr)
        for reason in sorted(converter.agents_dropped.counts):
            print(f"dropped {converter.agents_dropped.counts[reason]:6d}  agents: {reason}  e.g. {converter.agents_dropped.examples[reason][:3]}", file=sys.stderr)
        for kind in sorted(converter.skipped_hand):
            print(f"skipped {converter.skipped_hand[kind]:6d}  {kind}: a form is a surface of the hand-made gazetteer", file=sys.stderr)
    if args.check:
        stale = [p for p, text in texts.items()
                 if not (output / p).is_file() or (output / p).read_text(encoding="utf-8") != text]
        if stale:
            print(f"convert-petrarch: out of date: {', '.join(stale)}; run python3 scripts/data/convert-petrarch.py", file=sys.stderr)
            return 1
        print(f"convert-petrarch: up to date ({summary})")
        return 0
    for p, text in texts.items():
        write_atomically(output / p, text)
    print(f"convert-petrarch: wrote {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
