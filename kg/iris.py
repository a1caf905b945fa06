"""Stable IRIs: one place that mints them, imported by the mapping and the analyses alike."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from .namespaces import ID
from .records import Evidence, TalksRecord

STANCE_LABEL = {"Demand": "demands", "Proposal": "proposes", "Support": "supports",
                "Acceptance": "accepts", "Opposition": "opposes", "Rejection": "rejects"}


def slug(text: str) -> str:
    """A stable IRI segment: lower-case ASCII words joined by hyphens.

    >>> slug("Gomel Oblast, Belarus")
    'gomel-oblast-belarus'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def doc_graph(doc_id: str) -> URIRef:
    return ID[f"graph/doc/{slug(doc_id)}"]


def doc_iri(doc_id: str) -> URIRef:
    return ID[f"doc/{slug(doc_id)}"]


def evidence_iri(ev: Evidence) -> URIRef:
    """One sentence read by one rule, at one statement date: two statements of a sentence that
    the text dates differently ("on March 3 ... on the 7th") are two evidence nodes, each with
    its own ``kg:date``."""
    when = f"/{ev.date.isoformat()}" if ev.date is not None else ""
    return ID[f"evidence/{slug(ev.doc_id)}/{ev.start}-{ev.end}/{slug(ev.rule)}{when}"]


def position_iri(holder: str, stance: str, issue: str) -> URIRef:
    return ID[f"position/{holder.rstrip('/').rsplit('/', 1)[-1]}/{STANCE_LABEL[stance]}/{issue}"]


def place_iri(name: str) -> str:
    """The IRI a place's name gets, the same way the gazetteer's places are named.

    >>> place_iri("Miami")
    'https://w3id.org/parley/id/place/miami'
    """
    return str(ID[f"place/{slug(name)}"])


def actor_iri(name: str) -> str:
    """The IRI an actor's name gets, the same way the gazetteer's actors are named.

    >>> actor_iri("Recep Tayyip Erdoğan")
    'https://w3id.org/parley/id/actor/recep-tayyip-erdogan'
    """
    return str(ID[f"actor/{slug(name)}"])


def talks_key(t: TalksRecord) -> str:
    """Talks on a known date share an IRI across documents (date, format, round); others stay per document."""
    if t.date is not None:
        return f"{t.date.isoformat()}-{slug(t.format)}" + (f"-round-{t.round}" if t.round else "")
    return f"{slug(t.doc_id)}-{t.local_id + 1}"


def statement_iri(s: URIRef, p: URIRef, o: URIRef) -> URIRef:
    digest = hashlib.sha1(f"{s} {p} {o}".encode()).hexdigest()[:16]
    return ID[f"statement/{digest}"]
