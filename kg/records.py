"""Records that extractors yield. They hold entity IRIs and evidence, never RDF triples."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Evidence:
    """One sentence of one document that supports a fact, and the rule that read it."""

    doc_id: str
    start: int
    end: int
    quote: str
    rule: str
    date: dt.date | None = None


@dataclass(frozen=True)
class PositionRecord:
    """A stance of a holder on an issue, as read from one sentence."""

    holder: str          # actor IRI
    stance: str          # Demand | Proposal | Support | Acceptance | Opposition | Rejection
    issue: str           # codebook code
    claim: str
    evidence: Evidence


@dataclass
class TalksRecord:
    """One talks event of a document, after coreference inside the document."""

    doc_id: str
    local_id: int
    format: str                      # negotiation round | meeting | summit | phone call
    status: str = "Held"             # Held | Planned
    date: dt.date | None = None
    round: int | None = None
    places: list[str] = field(default_factory=list)
    participants: dict[str, Evidence] = field(default_factory=dict)
    mediators: dict[str, Evidence] = field(default_factory=dict)
    hosts: dict[str, Evidence] = field(default_factory=dict)
    agreed: dict[str, Evidence] = field(default_factory=dict)
    place_evidence: dict[str, Evidence] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class RelationRecord:
    """A plain extracted triple between entities (e.g. represents), with its evidence."""

    subject: str
    predicate: str       # a kg: local name
    object: str
    evidence: Evidence
    qualifier: str | None = None   # e.g. the role of a represents relation


@dataclass(frozen=True)
class ActorRecord:
    """An actor the gazetteer lacks, introduced in a document with a title (kg:provisional)."""

    iri: str
    label: str
    kind: str            # Person, or Place for a place
    side: str | None     # the country or organisation it speaks for
