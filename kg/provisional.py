"""Actors and places the gazetteer does not know: people a title or apposition introduces, and
places a preposition of place introduces ("talks in Miami").

"Swiss President Viola Amherd", "Rustem Umerov, Ukraine's defence minister", "Kremlin aide
Yuri Ushakov": the name (a PERSON of the parse) becomes a provisional actor whose side is the
country, demonym or institution of its title. Its IRI is minted from the name the way
gazetteer IRIs are, so adding it to the gazetteer later keeps the IRI. A later surname alone
("Umerov said") refers to it. Gazetteer entries stay the authority: a name that overlaps a
gazetteer mention is never provisional.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from .iris import actor_iri, place_iri
from .mentions import Mention
from .resources import Entity, Resources

_POSSESSIVE = re.compile(r"['’]s?$")
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}$")


def _side(head: Any, tok_entity: dict[int, str], demonyms: dict[str, str], res: Resources) -> str | None:
    """The side a title or apposition of a name's head token gives."""
    # the title before the name, however nested ("Swiss President ...", "Kenyan Foreign Minister ...")
    cands = [c for c in head.subtree if c.i < head.i and c.dep_ in ("compound", "amod", "nmod", "poss")]
    for ap in (c for c in head.children if c.dep_ == "appos"):
        cands += [ap, *[c for c in ap.subtree if c.dep_ in ("compound", "amod", "nmod", "poss", "pobj")]]
    if head.dep_ == "appos":  # "Ukraine's defence minister, Rustem Umerov"
        cands += [c for c in head.head.subtree if c.dep_ in ("compound", "amod", "nmod", "poss")]
    for c in cands:
        ent = tok_entity.get(c.i)
        if ent is not None and res.entities[ent].kind in ("Country", "Organization", "Group"):
            return res.side_of(ent)
        if ent is not None and c.dep_ == "poss" and res.entities[ent].kind == "Person" and res.side_of(ent) != ent:
            return res.side_of(ent)  # "Pope Francis's envoy": the side of whose envoy he is
        two = f"{c.nbor(-1).text} {c.text}".lower() if c.i > 0 else ""
        for word in (two, c.text.lower()):  # "South African", "Kenyan"
            if word in demonyms:
                return demonyms[word]
    return None


def find_provisional(sentences: list[Any], res: Resources) -> tuple[dict[str, Entity], dict[int, list[Mention]]]:
    """New actors of a document, and the mentions of them per sentence index.

    ``sentences`` are the annotated sentences of one document, in order. The names come from
    the parsed ones (a PERSON with a title that gives a side); their mentions, by full name or
    surname, from every sentence, parsed or not.
    """
    found: dict[str, Entity] = {}
    for sent in sentences:
        doc = sent.parse
        if doc is None:
            continue
        taken = [sent.local(m) for m in sent.mentions]
        tok_entity = {t.i: m.entity for m in sent.mentions if m.sense == "actor"
                      for t in doc if sent.local(m)[0] <= t.idx < sent.local(m)[1]}
        for ent in doc.ents:
            words = _POSSESSIVE.sub("", ent.text.strip()).split()
            while len(words) > 2 and words[0].lower() in res.lemma_set("title-noun"):
                words = words[1:]  # ("Archbishop Claudio Gugerotti": the title is no part of the name)
            text = " ".join(words)
            if ent.label_ != "PERSON" or not _NAME.match(text) or any(x < ent.end_char and ent.start_char < y for x, y in taken):
                continue
            iri = actor_iri(text)
            if iri in res.entities or iri in found:
                continue  # a gazetteer name the aliases miss is left to the gazetteer
            side = _side(ent.root, tok_entity, res.by_demonym, res)
            if side is not None:
                found[iri] = Entity(iri=iri, label=text, types=frozenset({"Person", "Provisional"}), represents=side)
        found.update(_places(doc, taken, res, found))
    return found, _mentions(sentences, found)


def _places(doc: Any, taken: list[tuple[int, int]], res: Resources, found: dict[str, Entity]) -> dict[str, Entity]:
    """Places of a parsed sentence the gazetteer lacks: a GPE or LOC entity that is the object of a
    preposition of place ("met in Miami"), not overlapping a known mention."""
    out: dict[str, Entity] = {}
    for ent in doc.ents:
        text = re.sub(r"^the\s+", "", ent.text.strip(), flags=re.I)
        if (ent.label_ not in ("GPE", "LOC") or ent.root.dep_ != "pobj" or not text[:1].isupper()
                or ent.root.head.lemma_.lower() not in res.lemma_set("place-preposition")
                or any(x < ent.end_char and ent.start_char < y for x, y in taken)):
            continue
        iri = place_iri(text)
        if iri not in res.entities and iri not in found:
            out[iri] = Entity(iri=iri, label=text, types=frozenset({"Place", "Provisional"}))
    return out


def _mentions(sentences: list[Any], found: dict[str, Entity]) -> dict[int, list[Mention]]:
    """Where the new actors are named, by full name or surname (places by full name), outside
    other mentions."""
    names: dict[str, str] = {}
    for iri, ent in sorted(found.items()):
        names.setdefault(ent.label, iri)
        if "Person" in ent.types:
            names.setdefault(ent.label.split()[-1], iri)
    if not names:
        return {}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))) + r")(?![\w-])")
    out: dict[int, list[Mention]] = {}
    for sent in sentences:
        taken = [sent.local(m) for m in sent.mentions]
        for m in pattern.finditer(sent.text):
            if any(x < m.end() and m.start() < y for x, y in taken):
                continue
            iri = names[m.group(1)]
            sense = "place" if "Place" in found[iri].types else "actor"
            out.setdefault(sent.index, []).append(
                Mention(sent.start + m.start(), sent.start + m.end(), m.group(1), iri, sense, "provisional"))
            taken.append((m.start(), m.end()))
    return out


def provisional_entities(extractions: Iterable[Any]) -> dict[str, Entity]:
    """The provisional actors of extractions (``Extraction.actors``) as entities; the first wins."""
    out: dict[str, Entity] = {}
    for ex in extractions:
        for a in ex.actors:
            out.setdefault(a.iri, Entity(iri=a.iri, label=a.label, types=frozenset({a.kind, "Provisional"}), represents=a.side))
    return out


def with_provisional(res: Resources, extra: dict[str, Entity]) -> Resources:
    """A view of the resources that also knows a document's provisional actors."""
    if not extra:
        return res
    return replace(res, entities={**res.entities, **extra})
