"""The curated extractors, registered in one place.

Each extractor is a function ``(AnnotatedDocument, Resources) -> Iterator[record]``; none of
them touches RDF. ``kg.mapping`` turns their records into triples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..annotate import AnnotatedDocument
from ..records import ActorRecord, PositionRecord, RelationRecord, TalksRecord
from ..resources import Resources
from .positions import extract_positions
from .roles import extract_roles
from .talks import extract_talks

Extractor = Callable[[AnnotatedDocument, Resources], Iterable[Any]]

#: name → extractor. Order matters only for reading; results are sorted later.
EXTRACTORS: dict[str, Extractor] = {
    "positions": extract_positions,
    "talks": extract_talks,
    "roles": extract_roles,
}


@dataclass
class Extraction:
    """Everything the extractors found in one document."""

    doc_id: str
    positions: list[PositionRecord] = field(default_factory=list)
    talks: list[TalksRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    actors: list[ActorRecord] = field(default_factory=list)


def run_extractors(doc: AnnotatedDocument, res: Resources) -> Extraction:
    """Run every registered extractor on a document and collect their records by kind."""
    out = Extraction(doc.doc_id)
    for extractor in EXTRACTORS.values():
        for rec in extractor(doc, res):
            if isinstance(rec, PositionRecord):
                out.positions.append(rec)
            elif isinstance(rec, TalksRecord):
                out.talks.append(rec)
            elif isinstance(rec, RelationRecord):
                out.relations.append(rec)
            else:  # pragma: no cover - a programming error in a new extractor
                raise TypeError(f"unknown record type {type(rec).__name__}")
    used = {r.holder for r in out.positions} | {r.subject for r in out.relations} | {
        a for t in out.talks for a in (*t.participants, *t.mediators, *t.hosts, *t.places)}
    out.actors = [ActorRecord(e.iri, e.label, "Place" if "Place" in e.types else "Person", e.represents)
                  for iri, e in sorted(doc.provisional.items()) if iri in used]
    return out
