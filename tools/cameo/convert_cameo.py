#!/usr/bin/env python3
"""Converts PETRARCH2's CAMEO verb dictionary and the CAMEO-to-PLOVER table, once, into newsflow's own compact
lexicon files under enrich/src/main/resources/events/ (committed; re-run only when the sources change).

  python3 tools/cameo/convert_cameo.py [CAMEO.2.0.txt] [CAMEO2PLOVER-2021.txt] [out_dir]

Defaults: ../shared/data/petrarch2/CAMEO.2.0.txt, ../shared/eval/CAMEO2PLOVER-2021.txt,
enrich/src/main/resources/events/ (run from the repository root).

Output (TAB separated, '#' comments; format documented in the file headers and docs/events.md):
  cameo_verbs.tsv   S rows: noun synsets; V rows: verb lemma -> block (and its own code); P rows: patterns of a
                    block (subject, particle, object, prepositional objects -> CAMEO code)
  cameo_plover.tsv  CAMEO code -> PLOVER type and mode (longest code prefix wins when read)

What is dropped: TABARI-style markers ($ + ^ %) inside patterns, verb-verb transformations (~ lines: newsflow's
own clause rules handle "said ... would attack"), blocks and verbs without any code, and patterns whose code is
the null code. Secondary codes (a:b) keep the first non-empty one; a pattern whose only code is the second one
('[:100]', 97 patterns written: FACE PRESSURE, RECEIVE LOAN, DIE (IN RAID)) is written ':100': in TABARI's notation the
event goes from the other party to the subject ("X faces pressure from Y" is Y -> X).
"""
import re
import sys
from pathlib import Path

PARTICLES = {"UP", "DOWN", "OFF", "OUT", "BACK", "AWAY", "OVER", "ASIDE", "FORWARD", "IN", "ON", "ABOUT",
             "AROUND", "THROUGH", "TOGETHER", "AHEAD", "APART"}
TOKEN = re.compile(r"\((?:[^()])*\)|\{[^}]*\}|\S+")
MARKERS = {"$", "+", "^", "%", "*"}


def clean_word(w):
    """One dictionary word -> lower-case newsflow form ('_' joins words, trailing '_' = no plural)."""
    return w.strip("_").replace("_", " ").lower()


def noun_phrase(tok):
    """'{&MILITARY AID}' / 'AID' / '&WEAPON' -> 'military-synset-ref aid' style string, head last."""
    tok = tok.strip("{}")
    words = [w for w in tok.split() if w not in MARKERS]
    out = []
    for w in words:
        out.append("&" + clean_word(w[1:]) if w.startswith("&") else clean_word(w))
    return " ".join(x for x in out if x)


def code_of(raw):
    """'[042:043]' -> '042'; '[:173]' -> '173'; '[---]' -> None; '[080!]' -> '080'."""
    parts = [p.strip().rstrip("!") for p in raw.strip("[]").split(":")]
    for p in parts:
        if p and p != "---" and re.fullmatch(r"\d{2,4}", p):
            return p
    return None


def pattern_code(raw):
    """A pattern's code, ':'-prefixed when only the reversed (second) code is given: '[:100]' -> ':100'."""
    code = code_of(raw)
    parts = [p.strip() for p in raw.strip("[]").split(":")]
    if code and len(parts) == 2 and not parts[0]:
        return ":" + code
    return code


def parse_pattern(body):
    """The part of a '-' line before the code -> (subject, particle, object, preps) or None."""
    if "*" not in body:
        return None
    pre, post = body.split("*", 1)
    subj = None
    for tok in TOKEN.findall(pre):
        if tok.startswith("(") or tok in MARKERS:
            continue
        subj = noun_phrase(tok) or subj
    bare, preps = [], []
    for tok in TOKEN.findall(post):
        if tok in MARKERS:
            continue
        if tok.startswith("("):
            inner = tok[1:-1].strip()
            m = re.match(r"(\S+)\s*(.*)$", inner)
            if not m:
                continue
            prep = clean_word(m.group(1))
            np = noun_phrase(m.group(2)) if m.group(2) else ""
            preps.append(prep + ":" + np)
        else:
            bare.append(tok)
    particle, obj = None, None
    nouns = []
    for tok in bare:
        if not tok.startswith("{") and tok.upper() in PARTICLES and not nouns and particle is None:
            particle = clean_word(tok)
        else:
            nouns.append(tok)
    if nouns:
        obj = noun_phrase(nouns[-1])
        # extra bare words before the object are modifiers of its phrase
        extra = [noun_phrase(t) for t in nouns[:-1] if noun_phrase(t)]
        if extra:
            obj = " ".join(extra + [obj])
    return subj, particle, obj, preps


def verb_entry(line):
    """'+CORDON_OFF {...} [code]' / 'WIRE_+TAP' / 'ASK [020]' -> (lemma, extra words, code)."""
    line = line.split("#", 1)[0].split(";", 1)[0]
    code = None
    m = re.search(r"\[[^\]]*\]", line)
    if m:
        code = code_of(m.group(0))
        line = line[:m.start()]
    line = re.sub(r"\{[^}]*\}", "", line).strip()
    if not line:
        return None
    phrase = line.split()[0]
    words = phrase.split("_")
    if len(words) == 1:
        return clean_word(words[0].lstrip("+")), [], code
    verb = next((w for w in words if w.startswith("+")), words[0])
    extra = [clean_word(w) for w in words if w is not verb and clean_word(w)]
    return clean_word(verb.lstrip("+")), extra, code


def verb_forms(line):
    """The inflected forms a verb line lists in braces ('TAKE {TAKES TAKING TOOK TAKEN}') in newsflow form."""
    m = re.search(r"\{([^}]*)\}", line.split("#", 1)[0])
    return [clean_word(w.lstrip("+")) for w in m.group(1).split()] if m else []


def naive_stems(word):
    """Candidate lemmas of an inflected comment word ('stepped' -> step, 'urged' -> urge, 'rallied' -> rally)."""
    out = [word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("es", ""), ("s", ""),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            out.append(stem)
            if len(stem) > 2 and stem[-1] == stem[-2] and not repl:
                out.append(stem[:-1])  # stepped -> stepp -> step
    return out


def pattern_verb(line, forms):
    """The verb a pattern was written for, from its trailing comment ('... [192]  # SEIZE' -> 'seize'), as the
    V-row key (lemma, then its extra words), or None when the comment names no verb of the block."""
    m = re.search(r"\]\s*#\s*(\S+)", line)
    if not m:
        return None
    words = [clean_word(w) for w in m.group(1).split("_") if clean_word(w)]
    for i, w in enumerate(words):
        for stem in naive_stems(w):
            key = frozenset(words[:i] + [stem] + words[i + 1:])
            if key in forms:
                return forms[key]
    return None


def read_cameo(path):
    synsets, verbs, patterns = {}, [], []
    block, block_code, synset = None, None, None
    forms = {}  # per block: frozenset of a verb's words (any listed inflection) -> its V-row key
    for raw in Path(path).read_text(encoding="latin-1").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("~"):
            continue
        if line.startswith("&"):
            synset = clean_word(line.split()[0][1:])
            synsets[synset] = []
            continue
        if line.startswith("+") and synset is not None and block is None:
            synsets[synset].append(clean_word(line[1:].split("#")[0].split()[0]))
            continue
        if line.startswith("---"):
            synset = None
            m = re.match(r"---\s+(.*?)\s+(\[[^\]]*\])", line)
            block = m.group(1).strip().replace(" ", "_") if m else line.strip("- ")
            block_code = code_of(m.group(2)) if m else None
            forms = {}
            continue
        if block is None:
            continue
        if line.startswith("-"):
            m = re.search(r"\[([^\]]*)\]", line)
            if not m:
                continue
            code = pattern_code(m.group(0))
            parsed = parse_pattern(line[1:m.start()])
            if code and parsed:
                patterns.append((block, code) + parsed + (pattern_verb(line, forms),))
            continue
        entry = verb_entry(line)
        if entry:
            lemma, extra, code = entry
            verbs.append((block, lemma, extra, code or block_code, "own" if code else "block"))
            key = " ".join([lemma] + extra)
            for form in [lemma] + verb_forms(line):
                forms.setdefault(frozenset([form] + extra), key)
    return synsets, verbs, patterns


def read_plover(path):
    rows = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        cells = [c.strip() for c in m.group(2).split(",")]
        ptype = cells[0]
        mode = cells[1].strip() if len(cells) > 1 and cells[1].strip() else "-"
        rows.append((m.group(1), ptype, mode))
    seen, out = set(), []
    for code, ptype, mode in rows:
        if len(code) == 2 and code in seen:
            continue  # '08' is listed twice (CONCEDE, RETREAT): the 3-4 digit rows decide
        seen.add(code)
        out.append((code, ptype, mode))
    return out


HEADER = """# GENERATED by tools/cameo/convert_cameo.py from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt,
# last update 30 April 2015). Do not edit by hand: change the generator or the source and re-run it.
# Source: Copyright (c) 2015 Open Event Data Alliance, MIT License (see NOTICE). Derived from the TABARI CAMEO
# dictionaries; development funded by the U.S. National Science Foundation (grants listed in the source file).
#
# Rows (TAB separated):
#   S  synset     words (|-separated; a word may be a phrase)
#   V  block      verb lemma   own code or -   extra words of a multiword verb (|-separated) or -   origin
#      (origin of the code: own = written on the verb's line, 'EVACUATE [070]'; block = the block header's)
#   P  block      CAMEO code   subject   particle   object   prepositions (prep:phrase;prep:phrase)   verb ; - = none
#      (code ':100': the event goes from the other party to the subject, TABARI's '[:100]': 'face pressure')
#      (verb: the block's verb the pattern was written for, from the source's comment, as lemma + extra words)
# Phrases: words separated by spaces, the head last; &name = any word of synset name.
"""


def defined(synsets, pattern):
    """PETRARCH ignores a pattern that uses an undefined synset; so does the conversion."""
    block, code, subj, prt, obj, preps, verb = pattern
    text = " ".join([subj or "", obj or ""] + [p.split(":", 1)[1] for p in preps])
    return all(w[1:] in synsets for w in text.split() if w.startswith("&"))


def write(out_dir, synsets, verbs, patterns, plover):
    out = Path(out_dir)
    lines = [HEADER]
    for name, words in synsets.items():
        lines.append("S\t%s\t%s" % (name, "|".join(words)))
    for block, lemma, extra, code, origin in verbs:
        lines.append("V\t%s\t%s\t%s\t%s\t%s" % (block, lemma, code or "-", "|".join(extra) or "-",
                                               origin if code else "-"))
    for block, code, subj, prt, obj, preps, verb in patterns:
        lines.append("P\t%s\t%s\t%s\t%s\t%s\t%s\t%s" % (block, code, subj or "-", prt or "-", obj or "-",
                                                   ";".join(preps) or "-", verb or "-"))
    (out / "cameo_verbs.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    head = ("# GENERATED by tools/cameo/convert_cameo.py from CAMEO2PLOVER-2021.txt (the CAMEO to PLOVER conversion\n"
            "# table of the PLOVER manual draft 0.8, Open Event Data Alliance, CC BY-SA 4.0; facts: code -> type, mode).\n"
            "# Rows: CAMEO code <TAB> PLOVER type <TAB> mode or -. The longest code prefix wins.\n")
    (out / "cameo_plover.tsv").write_text(head + "\n".join("%s\t%s\t%s" % r for r in plover) + "\n", encoding="utf-8")


def main(argv):
    cameo = argv[1] if len(argv) > 1 else "../shared/data/petrarch2/CAMEO.2.0.txt"
    plover = argv[2] if len(argv) > 2 else "../shared/eval/CAMEO2PLOVER-2021.txt"
    out = argv[3] if len(argv) > 3 else "enrich/src/main/resources/events/"
    synsets, verbs, patterns = read_cameo(cameo)
    kept = [p for p in patterns if defined(synsets, p)]
    print("dropped %d patterns with undefined synsets" % (len(patterns) - len(kept)))
    patterns = kept
    table = read_plover(plover)
    write(out, synsets, verbs, patterns, table)
    print("synsets %d, verbs %d, patterns %d, plover rows %d" % (len(synsets), len(verbs), len(patterns), len(table)))


if __name__ == "__main__":
    main(sys.argv)
