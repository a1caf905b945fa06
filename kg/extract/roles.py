"""Roles: "Russian Foreign Minister Sergei Lavrov" → Lavrov represents Russia as Foreign Minister."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..annotate import AnnotatedDocument
from ..records import Evidence, RelationRecord
from ..resources import Resources


def _role(res: Resources) -> str:
    """A run of one to seven title words ending where the name starts (words from the lexicon)."""
    words = "|".join(f"(?:{w})" for w in res.raw_lexicon["title-word"])
    return rf"((?:(?i:{words})\s+){{1,7}})$"


def _demonyms(res: Resources) -> re.Pattern[str]:
    def build(r: Resources) -> re.Pattern[str]:
        words = sorted({d for e in r.entities.values() for d in e.demonyms}, key=lambda w: (-len(w), w))
        return re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in words) + r")\s+" + _role(r))
    return res.derived("roles-demonym-title", build)  # type: ignore[no-any-return]


def extract_roles(doc: AnnotatedDocument, res: Resources) -> Iterator[RelationRecord]:
    """Yield ``represents`` relations read from titles before a person's name."""
    res = doc.view(res)
    dem = _demonyms(res)
    by_demonym = res.by_demonym
    for sent in doc.sentences:
        if sent.chrome:
            continue
        prev_end = 0
        for m in sent.mentions:
            s, _e = sent.local(m)
            if m.sense != "actor" or "Person" not in res.entities[m.entity].types:
                prev_end = _e
                continue
            before = sent.text[prev_end:s]
            side: str | None = None
            role = ""
            hit = dem.search(before)
            if hit:
                side, role = by_demonym.get(hit.group(1).lower()), hit.group(2)
            else:
                prior = [x for x in sent.mentions if x.end <= m.start and x.sense == "actor" and x.modifier]
                if prior:
                    gap = sent.text[sent.local(prior[-1])[1]:s]
                    g = re.search(r"^\s*(?:['’]s\s+)?" + _role(res), gap)
                    if g:
                        side, role = prior[-1].entity, g.group(1)
            prev_end = _e
            role = re.sub(r"\s+", " ", role).strip()
            role = re.sub(r"^(?:the|of|for|to)\s+|\s+(?:the|of|for|to)$", "", role)
            if side is None or not role or side == m.entity:
                continue
            ev = Evidence(doc.doc_id, sent.start, sent.end, sent.text, "role.title", sent.date)
            yield RelationRecord(m.entity, "represents", side, ev, qualifier=role)
