"""Mentions of gazetteer entities in a document: longest-match aliases, document-scoped
corrections, demonym phrases ("the Russian side"), and capitals standing for governments."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import Resources

_POSSESSIVE = re.compile(r"^['’]s?\b")
_NEXT_WORD = re.compile(r"^[\s\"“]*([A-Za-z][\w-]*)")
# Words after an acronym that show it is the subject, not a modifier ("the U.S. is ...").
_VERBISH = re.compile(
    r"^(?:is|was|are|were|has|have|had|will|would|can|could|should|must|may|might|and|or|to|also|did|does|do|"
    r"said|says|still|has|never|not|itself|as|in|on|at|for|with|from|by|which|who|that)$"
)




@dataclass(frozen=True)
class Mention:
    """An entity mention; offsets are into the document body."""

    start: int
    end: int
    text: str
    entity: str          # IRI of the entity meant
    sense: str           # "actor" or "place"
    via: str             # alias | scoped | side | metonym
    possessive: bool = False
    modifier: bool = False   # an attribute of the next noun ("a US think tank")


@dataclass(frozen=True)
class _Alias:
    entity: str
    exact_case: bool
    via: str


def _needs_exact_case(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


def trie_regex(words: list[str]) -> str:
    """A regex matching any of ``words`` (lower case), factored as a trie so that it scans fast.

    Longer words win over their prefixes; a space matches any run of white space.

    >>> bool(re.fullmatch(trie_regex(["us", "u.s.", "usa"]), "usa"))
    True
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = []
        for ch in sorted((c for c in node if c), key=lambda c: c):
            piece = r"\s+" if ch == " " else re.escape(ch)
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@lru_cache(maxsize=8)
def _global_matcher(res: Resources) -> tuple[re.Pattern[str], dict[str, list[_Alias]]]:
    table: dict[str, list[_Alias]] = {}
    for ent in res.entities.values():
        for alias in (ent.label, *ent.aliases):
            table.setdefault(alias.lower(), []).append(_Alias(ent.iri, _needs_exact_case(alias), "alias"))
    return re.compile(r"(?<![\w.])" + trie_regex(list(table)) + r"(?![\w])", re.IGNORECASE), table


@lru_cache(maxsize=64)
def _scoped_matcher(doc_id: str, res: Resources) -> tuple[re.Pattern[str], dict[str, list[_Alias]]] | None:
    table: dict[str, list[_Alias]] = {}
    for ent in res.entities.values():
        for text, docs in ent.scoped_aliases:
            if doc_id in docs:
                table.setdefault(text.lower(), []).append(_Alias(ent.iri, False, "scoped"))
    if not table:
        return None
    return re.compile(r"(?<![\w.])" + trie_regex(list(table)) + r"(?![\w])", re.IGNORECASE), table


@lru_cache(maxsize=4)
def _demonym_pattern(res: Resources) -> tuple[re.Pattern[str], dict[str, str]]:
    by_word = res.by_demonym
    words = sorted(by_word, key=lambda w: (-len(w), w))
    alt = "|".join(re.escape(w) for w in words)
    side = "|".join(f"(?:{p})" for p in res.raw_lexicon.get("side-noun", ["side"]))
    talks = "|".join(f"(?:{p})" for p in res.raw_lexicon.get("talks-noun", ["talks"]))
    pat = re.compile(
        rf"(?<![\w.])((?:{alt})(?:\s*[-–/,]\s*(?:{alt}))*(?:,?\s+and\s+(?:{alt}))?)\s+(?:{side})\b"
        # two sides joined before a talks noun name the sides too ("Ukrainian-American consultations")
        rf"|(?<![\w.])((?:{alt})(?:\s*[-–/]\s*(?:{alt}))+)(?=\s+(?:{talks})\b)",
        re.IGNORECASE,
    )
    return pat, by_word


def find_mentions(body: str, doc_id: str, res: Resources) -> list[Mention]:
    """All entity mentions in a document body, leftmost-longest, without overlaps."""
    raw: list[tuple[int, int, str, str, str]] = []
    matchers = [_global_matcher(res), _scoped_matcher(doc_id, res)]
    for pattern, table in (m for m in matchers if m is not None):
        for m in pattern.finditer(body):
            text = m.group(0)
            key = re.sub(r"\s+", " ", text.lower())
            for alias in table.get(key, []):
                if alias.exact_case and not _case_ok(text, res, alias.entity):
                    continue
                if not any(c.isupper() for c in text) and "Person" in res.entities[alias.entity].types:
                    continue  # a name is capitalised ("von der Leyen" too): "the price of peace" names nobody
                raw.append((m.start(), m.end(), text, alias.entity, alias.via))
                break
    dem_pat, by_word = _demonym_pattern(res)
    for m in dem_pat.finditer(body):
        for w in re.split(r",?\s+and\s+|\s*[-–/,]\s*", m.group(1) or m.group(2)):  # "Russian, Ukrainian and US officials"
            iri = by_word.get(w.lower().strip())
            if iri:
                raw.append((m.start(), m.end(), m.group(0), iri, "side"))
    # demonym phrases win over the aliases inside them ("U.S. officials")
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0]), r[4] != "side", r[4] != "scoped"))
    out: list[Mention] = []
    end_of_group = -1
    group_start = -1
    for start, end, text, iri, via in raw:
        if start < end_of_group and not (start == group_start and via == "side"):
            continue
        if start >= end_of_group:
            group_start, end_of_group = start, end
        elif any(x.entity == iri and x.start == start for x in out):
            continue
        out.append(_classify(body, start, end, text, iri, via, res))
    return _titles(body, _appositive_places(body, _short_names(body, out, res), res), res)


def _short_names(body: str, mentions: list[Mention], res: Resources) -> list[Mention]:
    """A person named in full names themselves later by one part of the name the gazetteer has no
    alias for ("Wang Yi ... Wang said"), when no other person named in the text shares it.

    >>> from kg.resources import load_resources
    >>> res = load_resources()
    >>> body = "Wang Yi met Lavrov. Wang said China wants peace."
    >>> [(m.text, m.entity.rsplit("/", 1)[-1]) for m in find_mentions(body, "d", res)]
    [('Wang Yi', 'wang-yi'), ('Lavrov', 'sergey-lavrov'), ('Wang', 'wang-yi'), ('China', 'china')]
    """
    table = _global_matcher(res)[1]
    parts: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for m in mentions:
        if m.sense == "actor" and "Person" in res.entities[m.entity].types and " " in m.text.strip():
            for word in m.text.split():
                if len(word) >= 3 and word[0].isupper() and word.lower() not in table:
                    parts.setdefault(word, set()).add(m.entity)
                    first.setdefault(word, m.end)
    names = {w: next(iter(e)) for w, e in parts.items() if len(e) == 1}
    if not names:
        return mentions
    pattern = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))) + r")(?![\w-])")
    taken = [(m.start, m.end) for m in mentions]
    extra = [_classify(body, m.start(), m.end(), m.group(1), names[m.group(1)], "alias", res) for m in pattern.finditer(body)
             if m.start() >= first[m.group(1)] and not any(x < m.end() and m.start() < y for x, y in taken)
             and not re.search(r"[A-Z][\w'’-]*\s+$", body[max(0, m.start() - 30):m.start()])  # (not inside another name)
             and not re.match(r"\s+[A-Z]", body[m.end():m.end() + 2])]
    return sorted(mentions + extra, key=lambda m: m.start)


def _titles(body: str, mentions: list[Mention], res: Resources) -> list[Mention]:
    """"U.S. Secretary of State Blinken": the country is part of the person's title."""
    role = res.lexicon.get("role-word")
    if role is None:
        return mentions
    out = list(mentions)
    for i, m in enumerate(out[:-1]):
        nxt = out[i + 1]
        if m.sense != "actor" or m.via == "side" or "Person" not in res.entities[nxt.entity].types:
            continue
        if "Person" in res.entities[m.entity].types:
            continue
        words = re.findall(r"[^\s,]+", body[m.end:nxt.start])
        gap = body[m.end:nxt.start]
        if "," in gap or len(words) > 8 or (m.end == nxt.start):
            continue
        if all(role.fullmatch(w) for w in words) and not any(w.lower() == "and" for w in words):
            out[i] = Mention(m.start, m.end, m.text, m.entity, m.sense, m.via, m.possessive, True)
    return out


def _appositive_places(body: str, mentions: list[Mention], res: Resources) -> list[Mention]:
    """"Riyadh, Saudi Arabia": a country right after a place names where it is."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        gap = body[prev.end:m.start].strip() if prev is not None else ""
        inside = prev is not None and m.entity in res.ancestors(prev.entity)  # "Riyadh, Saudi Arabia"
        if (prev is not None and prev.sense == "place" and m.sense == "actor" and res.entities[m.entity].is_place
                and ((gap == "," and inside) or gap in ("and", "or"))):
            m = Mention(m.start, m.end, m.text, m.entity, "place", m.via, m.possessive, False)
        out.append(m)
    return out


def _case_ok(text: str, res: Resources, iri: str) -> bool:
    ent = res.entities[iri]
    return any(text == a for a in (ent.label, *ent.aliases))


def _classify(body: str, start: int, end: int, text: str, iri: str, via: str, res: Resources) -> Mention:
    ent = res.entities[iri]
    before = body[max(0, start - 25):start]
    after = body[end:end + 30]
    possessive = bool(_POSSESSIVE.match(after))
    preps = res.lexicon["locative-country" if "Country" in ent.types else "locative-place"]
    last = re.sub(r"\s+the\s*$|\s+$", "", before, flags=re.I)  # the word before the name, "the" skipped
    locative = any(m.end() == len(last) for m in preps.finditer(last))
    sense = "actor" if ent.is_actor else ("place" if ent.is_place else "media")
    target = iri
    if via != "side":
        if ent.is_place and (locative or (not ent.is_actor and res.lexicon["talks-noun"].match(after.lstrip()) is not None)):
            # "in Geneva", and "the Geneva talks", "the London summit", "his Oval Office meeting" (a country
            # before the talks word is a side: "Russia-Ukraine negotiations")
            sense = "place"
        elif not ent.is_actor and ent.stands_for:
            sense, target, via = "actor", ent.stands_for, "metonym"
    modifier = False
    if sense == "actor" and via != "side" and "Person" not in ent.types and not possessive:
        # "the Russia-Ukraine conflict": both halves of a compound modify the noun after it
        joined = re.match(r"^[-–][A-Z][\w.]*", after)
        if joined:
            after = after[joined.end():]
        compound = bool(joined) or before.endswith(("-", "–"))
        nxt = _NEXT_WORD.match(after)
        word = nxt.group(1) if nxt else ""
        verbish = _VERBISH.match(word) or word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))
        kind_of_name = compound or _needs_exact_case(text) or text.lower() in {d.lower() for d in ent.demonyms}
        modifier = bool(word and word[0].islower() and not verbish and kind_of_name)
    return Mention(start, end, text, target, sense, via, possessive, modifier)
