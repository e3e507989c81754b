#!/usr/bin/env python3
"""Convert PETRARCH 2's CAMEO verb dictionary into kg's trigger lexicon: ontology/lexicon-cameo.tsv.

  python3 scripts/data/convert-cameo-verbs.py             # regenerate (deterministic)
  python3 scripts/data/convert-cameo-verbs.py --check     # exit 1 if the committed file is out of date
  python3 scripts/data/convert-cameo-verbs.py --dictionary PATH --output PATH

Input: CAMEO.2.0.txt of openeventdata/petrarch2 (MIT, Copyright (c) 2015 Open Event Data Alliance),
by default ../shared/petrarch/dictionaries/CAMEO.2.0.txt beside the repository; the format is in
../shared/petrarch/dictionaries.rst. Also read: ontology/kg.owl (kg:cameoCode of each relation),
ontology/lexicon.tsv (kg's own entries win) and ontology/irregular-verbs.tsv.

Only what kg's matcher can check is converted: a verb, optional fixed words right after it, and
an optional preposition that introduces the target ("- * (TO) [042]" -> "rush", object "to";
"- * AID (TO +) [070]" -> "rush aid", object "to"); a verb's own code or its block's code gives
the verb alone with a direct object. A verb with a noun after it and no preposition ("- * AMBASSADOR
[161] # RECALL") becomes a parse frame (pos "frame") when the noun is one kg knows stands for a
state's agents or people (cues.tsv state-noun, target-noun, person-noun, member-noun: "ambassador",
"prisoners", "troops"): the verb whose direct object in the dependency parse is that noun, its
target the actor the object stands for ("expelled the Russian ambassador", "released Saudi
prisoners") or one after a preposition of FRAME_PREPOSITIONS. Other nouns ("reaffirmed its
commitment", "monitored the activities of") leave the target to guesswork and are left out.
Everything else is counted by reason in the summary.
"""
import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_DICTIONARY = os.path.join(os.path.dirname(ROOT), "shared", "petrarch", "dictionaries", "CAMEO.2.0.txt")
DEFAULT_OUTPUT = os.path.join(ROOT, "ontology", "lexicon-cameo.tsv")
KG = "https://w3id.org/kg-news/ontology#"

# Confidence of the entries: below kg's own (0.7-0.9), since the patterns were tuned for
# TABARI's shallow parsing and the synonym blocks come from WordNet.
CONFIDENCE_PATTERN = 0.65   # a verb with fixed words or a preposition the pattern names
CONFIDENCE_VERB = 0.6       # a verb alone, coded by its own or its block's code

# Verbs too general to signal an event alone or with only a preposition ("say", "take", "call
# on" is kg's own): kept only in patterns with a fixed word after the verb ("take part").
GENERAL_VERBS = set("""
be have do say make take give get go come put set keep hold see tell ask show bring run turn
open issue add leave move send offer receive meet call express find let look stand use want
seem feel become begin start end close carry pass place play raise reach remain return rise
serve stay talk speak work follow lead lose win face head point mark note read write hit cut
draw drive fall fill form build grow change continue help hope believe consider expect plan
include involve provide deliver report state announce declare release accept allow agree
apply arrange attend bear catch check claim cover deal enter extend handle join launch lay
level lift level manage maintain mount pick pull push rest roll seek settle share sign spread
step stop strike table throw touch treat try visit vote wait watch wear
accord slight spell address air charge fire shoot post press back block bar ban blow break
beat clear commit conduct count drop engage field file force gain grant hand hit house knock
land lend meet note order pay plant rally rate register ring rule score seal ship stage stamp
sweep tap tie top track trade weigh
fly respect favor favour encourage defend protect remove buy value celebrate recognize recognise
honor honour reward greet
""".split())

# Words after a verb that make a phrasal verb, not a noun: "- * OFF" keeps a direct object.
PARTICLES = {"up", "off", "out", "down", "back", "away", "over", "on", "in", "aside", "apart", "forward"}

# Where the longest matching kg:cameoCode is shared by several relations, the one CAMEO's root
# names (12 REJECT, 13 THREATEN, 19 FIGHT: see below for 19).
TIES = {"12": "rejects", "13": "threatens"}

# Codes relations.md puts elsewhere than the longest prefix would, or nowhere.
ELSEWHERE = {
    "036": None,         # express intent to meet or negotiate ("plans a stop in"): not an invitation
    "128": None,         # defy norms or law ("breached the airspace"): not rejecting someone's proposal
    "0871": None,        # declare truce or ceasefire: not leaving a country
    "0873": None,        # demobilize armed forces: not leaving a country
    "054": None,         # grant diplomatic recognition: not "supports"
    "055": None,         # apologize: not "supports"
    "056": None,         # forgive: not "supports"
    "191": "coerces",    # impose blockade, restrict movement: relations.md's coerces ("blockades")
}
# Verbs whose line in CAMEO.2.0.txt carries a code that does not fit them (a data error).
EXCLUDED_VERBS = {
    "beef up": "own code 174 (expel or deport) does not fit 'beef up'",
}
# Triggers whose pattern's code does not fit its words (TABARI-era noise): left out.
EXCLUDED_TRIGGERS = {
    "issue border", "oppose policy", "support violence", "move bolster ties", "continue operation",
    "complete operation", "press on", "cut down", "break away", "break off", "kick off", "affirm",
    "reassert", "extract", "count on", "convene", "exclude", "demand action", "demand measures",
    "launch appeal", "finance", "acquit",
    "sue",         # a lawsuit is CAMEO 115, which kg has no relation for, not an arrest (173)
    "recapture",   # retaking one's own territory is no invasion
    "rush",        # "rushed to" takes an infinitive as often as a place ("rushed to condemn X")
    "extradite",   # its direct object is the person handed over, not the partner
    # Frames whose object is no party the act is done to or with: appointing one's own minister,
    # forming one's government, ordering one's police, stationing one's diplomats.
    "appoint minister", "pick minister", "approve new government", "form investment company",
    "resign government", "surrender to police", "allow tourist", "declare independent state",
    "base diplomat", "draft police", "order police", "force police", "acknowledge forces",
    "maintain forces", "train forces",
    # Wanting a state's assets (to fund another) is no demand made of it; banning one's own
    # exports is no act towards a partner.
    "want assets", "ban exports",
}

# Synonyms of a block with a specific code are coded alone like its head verb, except these,
# whose sense in news is not the block's event (WordNet synsets put "inhabit" with "invade",
# "attire" with "arm", "veto" with "prohibit"); reviewed by meaning, block by block.
SENSE_MISMATCH = set("""
involve worry obtrude pry trespass comfort console clap commemorate toast cheer embolden enliven
galvanize inspire invigorate reassure revitalize rouse spur prefer esteem prize bankroll fund
invest pay sponsor underwrite pay_for attire equip furnish gear outfit render stock tender
look_after guard safeguard shield tend ward absolve acquit exculpate vindicate lecture
reprobate crucify capture catch grab nab snatch pluck pull wrest take_over overturn
revolutionise revolutionize subvert usurp appropriate tax disallow forbid veto oust dishonor
dishonour infest inhabit reside sanctify
""".split())
# Prepositions that introduce a purpose, a time, a place or a passive agent, not the target.
NON_TARGET_PREPOSITIONS = {"for", "of", "in", "by", "until", "before", "after", "over", "about", "during", "as"}

# Where a frame's target may stand when its object noun stands for no actor.
FRAME_PREPOSITIONS = ["with", "to", "from", "against", "on", "toward", "at"]
CONFIDENCE_FRAME = 0.65     # a verb with its object noun in the parse

# CAMEO 19 (fight) is fightsWith when the target is introduced by "with", else attacks (directed).
SYMMETRIC_FIGHT_PREPOSITIONS = {"with", "between"}

VOWELS = set("aeiou")


def relation_codes(owl_path):
    """kg:cameoCode -> relations, from kg.owl."""
    tree = ET.parse(owl_path)
    codes = {}
    for prop in tree.getroot().iter("{http://www.w3.org/2002/07/owl#}ObjectProperty"):
        about = prop.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about", "")
        name = about.rsplit("#", 1)[-1]
        for c in prop.findall("{%s}cameoCode" % KG):
            codes.setdefault(c.text.strip(), []).append(name)
    return codes


def map_code(code, codes):
    """(relation, None) or (None, reason) for a CAMEO event code."""
    if code in ELSEWHERE or code[:3] in ELSEWHERE:
        rel = ELSEWHERE.get(code, ELSEWHERE.get(code[:3]))
        return (rel, None) if rel else (None, "code that relations.md puts elsewhere")
    for n in range(len(code), 0, -1):
        rels = codes.get(code[:n])
        if not rels:
            continue
        if len(rels) == 1:
            return rels[0], None
        if code[:n] in TIES:
            return TIES[code[:n]], None
        if set(rels) == {"attacks", "fightsWith"}:
            return "attacks", None    # refined by the preposition in convert()
        return None, "code shared by several relations"
    return None, "code whose root kg has no relation for"


def read_tsv(path):
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells)))
    return rows


class Morphology:
    """A port of Sources/Extraction/Morphology.swift: the forms kg derives for a verb."""

    def __init__(self, irregular):
        self.irregular = irregular

    def doubles(self, lemma):
        c = lemma
        if not 3 <= len(c) <= 4:
            return False
        last, mid, before = c[-1], c[-2], c[-3]
        if last in VOWELS or last in "wxy" or mid not in VOWELS or before in VOWELS:
            return False
        return all(ch not in VOWELS for ch in c[:-2])

    def forms(self, lemma):
        if lemma in self.irregular:
            return {lemma, *self.irregular[lemma]}
        if lemma.endswith(("s", "x", "z", "ch", "sh")):
            third = lemma + "es"
        elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
            third = lemma[:-1] + "ies"
        else:
            third = lemma + "s"
        if lemma.endswith("e"):
            past = lemma + "d"
            gerund = lemma + "ing" if lemma.endswith("ee") else (lemma[:-2] + "ying" if lemma.endswith("ie") else lemma[:-1] + "ing")
        elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
            past, gerund = lemma[:-1] + "ied", lemma + "ing"
        elif self.doubles(lemma):
            past, gerund = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
        else:
            past, gerund = lemma + "ed", lemma + "ing"
        return {lemma, third, past, gerund}


def noun_plural(noun):
    """kg's plural rule (Morphology.plural)."""
    if noun.endswith("s"):
        return noun
    if noun.endswith(("x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


class Verb:
    def __init__(self, words, lemma_index, forms, code, line):
        self.words = words            # lower-case words of the verb phrase
        self.lemma_index = lemma_index
        self.forms = forms            # irregular forms given in {...}, lower case, verb word only
        self.code = code              # its own code, or None
        self.line = line


def parse_dictionary(path, stats):
    """Blocks: (name, code, line, [Verb], [(line, pre, post, code, comment)])."""
    blocks = []
    block = None
    section = "head"
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    for number, raw in enumerate(lines, 1):
        text, _, comment = raw.partition("#")
        stripped = raw.strip()
        if stripped.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if stripped.startswith("######## TRANSFORMATIONS"):
            section = "transformations"
            continue
        if section != "verbs":
            continue
        text = text.strip()
        if not text:
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", stripped)  # "[120]---" happens
        if m:
            block = {"name": m.group(1), "code": m.group(2).strip(), "line": number, "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None:
            continue
        if text.startswith("-"):
            pm = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", text)
            if not pm or "*" not in pm.group(1):
                stats.skip("pattern the converter cannot read")
                continue
            pre, _, post = pm.group(1).partition("*")
            block["patterns"].append((number, pre.split(), post.strip(), pm.group(2).strip(), comment.strip()))
            continue
        # A verb line: WORD or +MULTI_WORD or WIRE_+TAP, optional {forms}, optional [code].
        vm = re.match(r"^(\S+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*$", text)
        if not vm:
            stats.skip_verb("verb line the converter cannot read")
            continue
        phrase = vm.group(1).lower()
        parts = phrase.split("_")
        lemma_index = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
        words = [p.lstrip("+") for p in parts]
        forms = []
        if vm.group(2):
            for form in vm.group(2)[1:-1].split():
                fparts = form.lower().split("_")
                fi = next((i for i, p in enumerate(fparts) if p.startswith("+")), 0)
                forms.append(fparts[fi].lstrip("+"))
        code = vm.group(3)[1:-1].strip() if vm.group(3) else None
        block["verbs"].append(Verb(words, lemma_index, forms, code, number))
    return blocks


class Stats:
    def __init__(self):
        self.patterns = {}
        self.verbs = {}
        self.converted_patterns = 0
        self.converted_verbs = 0

    def skip(self, reason, n=1):
        self.patterns[reason] = self.patterns.get(reason, 0) + n

    def skip_verb(self, reason, n=1):
        self.verbs[reason] = self.verbs.get(reason, 0) + n


WORD = re.compile(r"^[A-Z][A-Z'-]*$")


def parse_post(post):
    """(fixed words, preposition or '' for a direct object) or (None, reason)."""
    tokens = re.findall(r"\([^()]*\)|\{[^{}]*\}|\S+", post)
    words, prep = [], None
    for i, tok in enumerate(tokens):
        if tok.startswith("("):
            inner = tok[1:-1].split()
            if prep is not None:
                return None, "more than one prepositional phrase"
            if i != len(tokens) - 1 and tokens[i + 1:] != ["+"]:
                return None, "words after the prepositional phrase"
            if not inner or not WORD.match(inner[0]):
                return None, "prepositional phrase the converter cannot read"
            rest = inner[1:]
            if rest and rest != ["+"]:
                if any(t.startswith("&") for t in rest):
                    return None, "synset noun in a prepositional phrase"
                if any(t in ("$", "^", "%") for t in rest):
                    return None, "source or compound actor in a prepositional phrase"
                return None, "noun in the prepositional phrase (no place for the target)"
            prep = inner[0].lower()
        elif tok.startswith("{"):
            inner = tok[1:-1].split()
            if any(t.startswith("&") for t in inner):
                return None, "synset noun after the verb"
            if not all(WORD.match(t) for t in inner):
                return None, "noun phrase the converter cannot read"
            words += [t.lower() for t in inner]
        elif tok.startswith("&"):
            return None, "synset noun after the verb"
        elif tok in ("$", "%", "^"):
            return None, "source or compound actor after the verb"
        elif tok == "+":
            if i != len(tokens) - 1:
                return None, "target marker in the middle"
            if prep is None and words:
                return None, "target right after a noun"
        elif WORD.match(tok):
            if prep is not None:
                return None, "words after the prepositional phrase"
            words.append(tok.lower())
        else:
            return None, "token the converter cannot read"
    return (words, prep if prep is not None else ""), None


def irregular_forms(lemma, given, morphology):
    """(third, past, participle, gerund) from a verb's {...} forms: third in -s, gerund in -ing,
    then past and participle in the order given (one form for both); missing ones are derived."""
    regular = sorted(morphology.forms(lemma))
    third = [f for f in given if f.endswith("s") and not f.endswith("ss")]
    gerund = [f for f in given if f.endswith("ing")]
    past = [f for f in given if f not in third and f not in gerund]
    if len(third) > 1 or len(gerund) > 1 or len(past) > 2:
        return None
    derived = Morphology({}).forms(lemma)
    third = third[0] if third else next(f for f in derived if f.endswith("s") and f != lemma)
    gerund = gerund[0] if gerund else next(f for f in derived if f.endswith("ing"))
    if not past:
        past = [next(f for f in derived if f.endswith("ed"))]
    return (third, past[0], past[-1], gerund)


def people_nouns(cues_path):
    """The nouns of cues.tsv that stand for a state's agents or people, singular and plural."""
    nouns = set()
    for r in read_tsv(cues_path):
        if r["category"] in ("state-noun", "target-noun", "person-noun", "member-noun"):
            phrase = r["phrase"].lower().strip()
            nouns.add(phrase)
            nouns.add(noun_plural(phrase))
    return nouns


def convert(dictionary, owl, lexicon, irregular_path, cues_path):
    stats = Stats()
    people = people_nouns(cues_path)
    codes = relation_codes(owl)
    own_rows = read_tsv(lexicon)
    own = {(r["trigger"].lower(), r["pos"]) for r in own_rows}
    # kg's own verbs alone and their relations: a frame of the same verb with another relation
    # would override kg's reading ("expel" is reducesRelationsWith; CAMEO's "expel diplomats" 174).
    own_verbs = {}
    for r in own_rows:
        if r["pos"] == "verb" and " " not in r["trigger"].strip():
            own_verbs.setdefault(r["trigger"].lower(), set()).add(r["relation"])
    irregular = {r["lemma"]: [r["third"], r["past"], r["participle"], r["gerund"]] for r in read_tsv(irregular_path)}
    morphology = Morphology(irregular)
    blocks = parse_dictionary(dictionary, stats)

    candidates = []   # (trigger words, object, relation, code, line, kind)
    irregular_out = {}  # lemma -> (third, past, participle, gerund) kg does not derive

    def verb_ok(verb):
        """None or the reason a verb of the block cannot be a kg trigger."""
        if verb.lemma_index != 0:
            return "words before the verb of a multi-word verb"
        lemma = verb.words[0]
        if not re.match(r"^[a-z][a-z-]*$", lemma):
            return "verb the converter cannot read"
        if verb.forms and not set(verb.forms) <= morphology.forms(lemma):
            forms = irregular_forms(lemma, verb.forms, morphology)
            if forms is None:
                return "irregular forms the converter cannot assign"
            irregular_out.setdefault(lemma, forms)
        if "and" in verb.words or "or" in verb.words:
            return "verb phrase with a conjunction"
        if " ".join(verb.words) in EXCLUDED_VERBS:
            return "code that does not fit the verb (data error)"
        return None

    for block in blocks:
        verbs = block["verbs"]
        by_lemma = {}
        for v in verbs:
            by_lemma.setdefault(" ".join(v.words), v)
        # The verb alone: its own code, else the block's when that is specific (not xx0): the
        # synonyms of a block come from WordNet synsets ("delay" in a block coded 112 "accuse"
        # via its catch-all code), so a block's catch-all code codes none of them alone.
        head = block["name"].lower().replace("+", "")
        for v in verbs:
            code = v.code or block["code"]
            if not code or code.startswith("-"):
                stats.skip_verb("verb without an event code")
                continue
            code = code.split(":")[0].strip()
            if not re.match(r"^\d{2,4}$", code):
                stats.skip_verb("code the converter cannot read")
                continue
            if len(code) == 3 and code.endswith("0"):
                # "190 use conventional military force, not specified": the catch-all code of a
                # block, given to "die", "pound" and "target" alike; a verb alone needs a specific one.
                stats.skip_verb("verb alone with a root's unspecified code (xx0)")
                continue
            if v.code is None and "_".join(v.words) != head and "_".join(v.words) in SENSE_MISMATCH:
                stats.skip_verb("synonym whose sense in news is not the block's event")
                continue
            reason = verb_ok(v)
            if reason is None and v.words[0] in GENERAL_VERBS:
                reason = "general verb alone"
            if reason is None and code.startswith("08"):
                # "gave up Crimea", "declassified the files": the direct object of a concession verb
                # is what is yielded, while concedesTo's object is the party yielded to.
                reason = "concession or withdrawal verb whose direct object is what is yielded"
            relation = None
            if reason is None:
                relation, reason = map_code(code, codes)
            if reason:
                stats.skip_verb(reason)
                continue
            candidates.append((tuple(v.words), "", relation, code, v.line, "verb"))
        for (line, pre, post, code, comment) in block["patterns"]:
            active = code.split(":")[0].strip()
            if not active or active.startswith("-"):
                stats.skip("pattern without an active event code")
                continue
            if not re.match(r"^\d{2,4}$", active):
                stats.skip("code the converter cannot read")
                continue
            if pre and pre != ["$"]:
                stats.skip("subject-side nouns or markers before the verb")
                continue
            relation, reason = map_code(active, codes)
            if reason:
                stats.skip(reason)
                continue
            parsed, reason = parse_post(post)
            if reason:
                stats.skip(reason)
                continue
            words, prep = parsed
            if prep in NON_TARGET_PREPOSITIONS:
                stats.skip("preposition that does not introduce the target")
                continue
            frame = bool(words) and not prep and not all(w in PARTICLES for w in words)
            if frame and any(w in PARTICLES for w in words):
                stats.skip("particle and noun after the verb")
                continue
            if frame and " ".join(words) not in people and words[-1] not in people:
                stats.skip("noun after the verb that stands for no state's people (no place for the target)")
                continue
            if active.startswith("08") and not prep and not frame:
                stats.skip("concession or withdrawal verb whose direct object is what is yielded")
                continue
            if relation == "attacks" and active.startswith("19") and prep in SYMMETRIC_FIGHT_PREPOSITIONS:
                relation = "fightsWith"
            # The verbs the pattern was found with (its comment), else every verb of the block.
            named = [w.lower() for w in re.findall(r"[A-Za-z_+]+", comment.split("  ")[0])]
            targets = [by_lemma[n.replace("+", "").replace("_", " ")] for n in named
                       if n.replace("+", "").replace("_", " ") in by_lemma]
            if not targets:
                # The block's synonyms come from WordNet synsets: a pattern is trusted only for
                # the verbs it was found with.
                stats.skip("pattern that names none of its block's verbs")
                continue
            used = 0
            for v in targets:
                if " ".join(v.words + words) in EXCLUDED_TRIGGERS:
                    stats.skip("code that does not fit the words")
                    continue
                reason = verb_ok(v)
                if reason is None and v.words[0] in GENERAL_VERBS and not words:
                    reason = "general verb with only a preposition"
                if reason is None and frame and len(v.words) > 1:
                    reason = "frame of a multi-word verb"
                if reason:
                    continue
                if frame:
                    # The noun in the singular: kg matches the object's singular.
                    candidates.append((tuple(v.words) + tuple(words), "|".join(["-"] + FRAME_PREPOSITIONS), relation, active, line, "frame"))
                    used += 1
                    continue
                candidates.append((tuple(v.words) + tuple(words), prep, relation, active, line, "pattern"))
                if words and words[-1] not in PARTICLES:
                    # CAMEO matches a noun's regular plural too ("fire rocket" -> "fire rockets").
                    plural = tuple(words[:-1]) + (noun_plural(words[-1]),)
                    candidates.append((tuple(v.words) + plural, prep, relation, active, line, "pattern"))
                used += 1
            if used:
                stats.converted_patterns += 1
            else:
                stats.skip("only general or unreadable verbs")

    # Merge: one row per trigger; a trigger with several relations is ambiguous and left out;
    # kg's own entries win.
    by_trigger = {}
    for cand in candidates:
        by_trigger.setdefault((cand[0], cand[5] == "frame"), []).append(cand)
    rows = []
    dropped = {"kg's own entry": 0, "trigger with several relations": 0, "code that does not fit the words": 0,
               "frame of a verb kg reads as another relation": 0}
    for (trigger, is_frame), cands in sorted(by_trigger.items()):
        text = " ".join(trigger)
        pos = "frame" if is_frame else "verb"
        if (text, "verb") in own:
            dropped["kg's own entry"] += 1
            continue
        if is_frame and trigger[0] in own_verbs and own_verbs[trigger[0]] != {cands[0][2]}:
            dropped["frame of a verb kg reads as another relation"] += 1
            continue
        if text in EXCLUDED_TRIGGERS:
            dropped["code that does not fit the words"] += 1
            continue
        relations = sorted({c[2] for c in cands})
        if len(relations) > 1:
            dropped["trigger with several relations"] += 1
            continue
        cands.sort(key=lambda c: c[4])
        objects = []
        for c in cands:
            if c[1] not in objects:
                objects.append(c[1])
        objects.sort(key=lambda o: (o != "", o))
        first = cands[0]
        confidence = CONFIDENCE_VERB if all(c[5] == "verb" for c in cands) else CONFIDENCE_PATTERN
        if is_frame:
            rows.append((relations[0], text, pos, first[1], CONFIDENCE_FRAME, first[3], first[4]))
            continue
        rows.append((relations[0], text, pos, "|".join(o or "-" for o in objects), confidence, first[3], first[4]))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    stats.converted_verbs = sum(1 for c in candidates if c[5] == "verb")
    used = {r[1].split(" ")[0] for r in rows}
    irregular_rows = sorted((k, *v) for k, v in irregular_out.items() if k in used and k not in irregular)
    return rows, stats, dropped, irregular_rows


def render(rows, stats, dropped, dictionary_name):
    by_relation = {}
    for r in rows:
        by_relation[r[0]] = by_relation.get(r[0], 0) + 1
    out = []
    out.append("# Trigger lexicon from the event-data field's CAMEO verb dictionary: same columns as lexicon.tsv")
    out.append("# (see its header), plus cameo (the pattern's CAMEO event code) and source (its line in")
    out.append(f"# {dictionary_name}). Generated by scripts/data/convert-cameo-verbs.py; do not edit by hand.")
    out.append("# Source: PETRARCH 2's CAMEO.2.0.txt, openeventdata/petrarch2 commit 676801cd (2019-03-18),")
    out.append("# MIT licence, Copyright (c) 2015 Open Event Data Alliance. kg's own entries (lexicon.tsv) win.")
    out.append("# Relation of a code: the relation of kg.owl whose kg:cameoCode is its longest prefix; 12 rejects,")
    out.append("# 13 threatens, 19x fightsWith after 'with'/'between' else attacks, 191 coerces; left out: "
               + ", ".join(sorted(k for k, v in ELSEWHERE.items() if v is None)) + " and codes without a kg relation.")
    out.append(f"# Confidence {CONFIDENCE_PATTERN} for a verb with fixed words or a preposition, {CONFIDENCE_VERB} for a verb alone.")
    out.append("# pos frame: the verb (first word) whose direct object in the parse is the noun phrase after it (in the")
    out.append(f"# singular), its target the actor the object stands for or one after {', '.join(FRAME_PREPOSITIONS)}; confidence {CONFIDENCE_FRAME}.")
    out.append(f"# Summary: {len(rows)} entries; patterns converted {stats.converted_patterns}, skipped {sum(stats.patterns.values())}:")
    for reason, n in sorted(stats.patterns.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"#   {n:5d}  {reason}")
    out.append(f"# Verbs alone converted {stats.converted_verbs}, skipped {sum(stats.verbs.values())}:")
    for reason, n in sorted(stats.verbs.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"#   {n:5d}  {reason}")
    out.append("# Triggers dropped after merging:")
    for reason, n in sorted(dropped.items()):
        out.append(f"#   {n:5d}  {reason}")
    out.append("# Entries by relation: " + ", ".join(f"{k} {v}" for k, v in sorted(by_relation.items())))
    out.append("relation\ttrigger\tpos\tobject\tconfidence\tcameo\tsource")
    for r in rows:
        out.append(f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]}\t{r[5]}\t{dictionary_name}:{r[6]}")
    return "\n".join(out) + "\n"


def render_irregular(rows, dictionary_name):
    out = ["# Irregular forms of the verbs of lexicon-cameo.tsv that kg does not derive and irregular-verbs.tsv",
           f"# does not have, from the {{...}} forms of {dictionary_name} (PETRARCH 2, MIT, Copyright (c) 2015",
           "# Open Event Data Alliance). Generated by scripts/data/convert-cameo-verbs.py; do not edit by hand.",
           "lemma\tthird\tpast\tparticiple\tgerund"]
    out += ["\t".join(r) for r in rows]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dictionary", default=DEFAULT_DICTIONARY, help="CAMEO.2.0.txt (default: %(default)s)")
    ap.add_argument("--ontology", default=os.path.join(ROOT, "ontology"), help="kg's ontology folder (kg.owl, lexicon.tsv, irregular-verbs.tsv)")
    ap.add_argument("--output", default=DEFAULT_OUTPUT, help="the lexicon to write (default: %(default)s)")
    ap.add_argument("--irregular-output", help="the irregular verbs to write (default: irregular-verbs-cameo.tsv beside --output)")
    ap.add_argument("--check", action="store_true", help="exit 1 if the output file is out of date")
    args = ap.parse_args()
    if not os.path.isfile(args.dictionary):
        print(f"convert-cameo-verbs: no CAMEO dictionary at {args.dictionary}; "
              "pass --dictionary PATH (PETRARCH 2's data/dictionaries/CAMEO.2.0.txt)", file=sys.stderr)
        return 2
    onto = args.ontology
    rows, stats, dropped, irregular = convert(args.dictionary, f"{onto}/kg.owl", f"{onto}/lexicon.tsv", f"{onto}/irregular-verbs.tsv",
                                              f"{onto}/cues.tsv")
    name = os.path.basename(args.dictionary)
    irregular_output = args.irregular_output or os.path.join(os.path.dirname(os.path.abspath(args.output)), "irregular-verbs-cameo.tsv")
    outputs = [(args.output, render(rows, stats, dropped, name)), (irregular_output, render_irregular(irregular, name))]
    if args.check:
        stale = []
        for path, text in outputs:
            try:
                with open(path, encoding="utf-8") as f:
                    current = f.read()
            except OSError:
                current = None
            if current != text:
                stale.append(path)
        for path in stale:
            print(f"convert-cameo-verbs: {path} is out of date; run scripts/data/convert-cameo-verbs.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    print(f"wrote {len(rows)} entries to {args.output} and {len(irregular)} irregular verbs to {irregular_output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
