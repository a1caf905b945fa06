"""Map extraction records to RDF: the only place where IRIs are minted and triples made.

Layout of the dataset:

* ``id:graph/ontology`` — ontology, codebook and gazetteer;
* ``id:graph/doc/<doc id>`` — one named graph per document: its ``kg:Document``, the facts
  read from it and their evidence;
* ``id:graph/merged`` — what holds across documents: ``kg:sourceCount``, a position's
  earliest and latest date and its claim, talks labels.

Positions and talks keep the same IRI in every document that states them, so the union of
the graphs corroborates them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from .documents import Document
from .extract import Extraction
from .iris import (  # noqa: F401 (minting lives in kg.iris; re-exported for callers of kg.mapping)
    STANCE_LABEL,
    doc_graph,
    doc_iri,
    evidence_iri,
    position_iri,
    slug,
    statement_iri,
    talks_key,
)
from .namespaces import ID, KG, PREFIXES
from .provisional import provisional_entities, with_provisional
from .records import ActorRecord, Evidence, PositionRecord, RelationRecord, TalksRecord
from .resources import Resources

ONTOLOGY_GRAPH = ID["graph/ontology"]
MERGED_GRAPH = ID["graph/merged"]
FORMAT_CLASS = {"negotiation round": KG.NegotiationRound, "meeting": KG.Meeting,
                "summit": KG.Summit, "phone call": KG.PhoneCall, "signing ceremony": KG.Meeting}


def _date(d: dt.date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _int(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def add_evidence(g: Graph, ev: Evidence) -> URIRef:
    """Add an Evidence node (document, quote, offsets, rule) and return its IRI."""
    node = evidence_iri(ev)
    g.add((node, RDF.type, KG.Evidence))
    g.add((node, KG.document, doc_iri(ev.doc_id)))
    g.add((node, KG.quote, Literal(ev.quote)))
    g.add((node, KG.charStart, _int(ev.start)))
    g.add((node, KG.charEnd, _int(ev.end)))
    g.add((node, KG.extractor, Literal(ev.rule)))
    if ev.date is not None:
        g.add((node, KG.date, _date(ev.date)))
    return node


def reify(g: Graph, s: URIRef, p: URIRef, o: URIRef, evidence: Iterable[URIRef],
          extra: Iterable[tuple[URIRef, Literal]] = ()) -> None:
    """Add ``s p o`` and its reification: an ``rdf:Statement`` carrying ``kg:evidence``."""
    g.add((s, p, o))
    st = statement_iri(s, p, o)
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, o))
    for ev in evidence:
        g.add((st, KG.evidence, ev))
    for prop, value in extra:
        g.add((st, prop, value))


def add_statement(g: Graph, s: URIRef, p: URIRef, o: URIRef, ev: Evidence,
                  extra: Iterable[tuple[URIRef, Literal]] = ()) -> None:
    """Add ``s p o``, reified, with one new Evidence node."""
    reify(g, s, p, o, [add_evidence(g, ev)], extra)


def add_document(g: Graph, doc: Document) -> None:
    node = doc_iri(doc.doc_id)
    g.add((node, RDF.type, KG.Document))
    g.add((node, KG.documentId, Literal(doc.doc_id)))
    g.add((node, DCTERMS.title, Literal(doc.title or doc.doc_id)))
    g.add((node, RDFS.label, Literal(doc.title or doc.doc_id, lang="en")))
    g.add((node, KG.sha256, Literal(doc.sha256)))
    if doc.published is not None:
        g.add((node, DCTERMS.date, _date(doc.published)))
    if doc.publisher:
        g.add((node, DCTERMS.publisher, Literal(doc.publisher)))
    if doc.source:
        g.add((node, DCTERMS.source, Literal(doc.source)))


def add_position(g: Graph, rec: PositionRecord, res: Resources) -> URIRef:
    node = position_iri(rec.holder, rec.stance, rec.issue)
    holder, issue = URIRef(rec.holder), URIRef(res.issues[rec.issue].iri)
    g.add((node, RDF.type, KG.Position))
    g.add((node, KG.holder, holder))
    g.add((node, KG.stance, KG[rec.stance]))
    g.add((node, KG.issue, issue))
    label = f"{res.entities[rec.holder].label} {STANCE_LABEL[rec.stance]} {res.issues[rec.issue].label}"
    g.add((node, RDFS.label, Literal(label, lang="en")))
    g.add((node, KG.evidence, add_evidence(g, rec.evidence)))
    g.add((holder, KG[STANCE_LABEL[rec.stance]], issue))
    return node


def talks_iri(t: TalksRecord) -> URIRef:
    return ID[f"talks/{talks_key(t)}"]


def add_talks(g: Graph, t: TalksRecord, res: Resources) -> URIRef:
    node = talks_iri(t)
    g.add((node, RDF.type, KG.Talks))
    g.add((node, RDF.type, FORMAT_CLASS.get(t.format, KG.Meeting)))
    g.add((node, KG.format, Literal(t.format)))
    g.add((node, KG.status, KG[t.status]))
    if t.date is not None:
        g.add((node, KG.date, _date(t.date)))
    if t.round is not None:
        g.add((node, KG.round, _int(t.round)))
    for ev in t.evidence:
        g.add((node, KG.evidence, add_evidence(g, ev)))
    for place in t.places:
        add_statement(g, node, KG.heldIn, URIRef(place), t.place_evidence[place])
    for actor, ev in t.participants.items():
        add_statement(g, URIRef(actor), KG.participatesIn, node, ev)
    for actor, ev in t.mediators.items():
        add_statement(g, URIRef(actor), KG.mediates, node, ev)
    for actor, ev in t.hosts.items():
        add_statement(g, URIRef(actor), KG.hosts, node, ev)
    for code, ev in t.agreed.items():
        add_statement(g, node, KG.agreedOn, URIRef(res.issues[code].iri), ev)
    return node


def add_provisional_actor(g: Graph, actor: ActorRecord) -> None:
    """An actor the gazetteer lacks: typed, labelled and marked provisional in its document's graph."""
    node = URIRef(actor.iri)
    g.add((node, RDF.type, KG[actor.kind]))
    g.add((node, RDFS.label, Literal(actor.label, lang="en")))
    g.add((node, KG.provisional, Literal(True)))


def add_relation(g: Graph, rel: RelationRecord) -> None:
    extra = [(KG.role, Literal(rel.qualifier))] if rel.qualifier else []
    add_statement(g, URIRef(rel.subject), KG[rel.predicate], URIRef(rel.object), rel.evidence, extra)


def _talks_label(t: TalksRecord, res: Resources) -> str:
    ordinal = {1: "First", 2: "Second", 3: "Third", 4: "Fourth", 5: "Fifth"}
    head = t.format.capitalize()
    if t.format == "negotiation round" and t.round:
        head = f"{ordinal.get(t.round, f'Round {t.round}')} round of negotiations"
    elif t.format == "negotiation round":
        head = "Negotiations"
    parties = [res.entities[p].label for p in t.participants][:3]
    parts = [head]
    if parties:
        parts.append(" – ".join(parties))
    if t.places:
        parts.append("in " + ", ".join(res.entities[p].label for p in t.places))
    if t.date:
        parts.append(t.date.isoformat())
    if t.status == "Planned":
        parts.append("(planned)")
    return ", ".join(parts)


@dataclass
class _Merged:
    evidence_docs: set[str]
    dates: list[dt.date]
    claims: list[tuple[str, int, str]]


def document_graph(doc: Document, ex: Extraction, res: Resources) -> Graph:
    """The named graph of one document: its ``kg:Document``, the facts read from it, their evidence.

    It depends on nothing but the document, its extraction and the resources (an actor the
    gazetteer lacks is labelled as the document names it), so a build can cache it per document.
    """
    res = with_provisional(res, provisional_entities([ex]))
    g = Graph(identifier=doc_graph(doc.doc_id))
    add_document(g, doc)
    for rec in ex.positions:
        add_position(g, rec, res)
    for t in ex.talks:
        add_talks(g, t, res)
    for rel in ex.relations:
        add_relation(g, rel)
    for actor in ex.actors:
        add_provisional_actor(g, actor)
    return g


def merged_graph(docs: list[Document], extractions: list[Extraction], res: Resources) -> Graph:
    """What holds across documents: sources, first and last dates and claim of each position,
    one label per talks event, conflict and agreement links."""
    res = with_provisional(res, provisional_entities(extractions))
    merged = Graph(identifier=MERGED_GRAPH)
    by_position: dict[URIRef, _Merged] = {}
    talks_labels: dict[URIRef, str] = {}
    published = {d.doc_id: d.published for d in docs}
    for ex in extractions:
        for rec in ex.positions:
            m = by_position.setdefault(position_iri(rec.holder, rec.stance, rec.issue), _Merged(set(), [], []))
            m.evidence_docs.add(rec.evidence.doc_id)
            when = rec.evidence.date or published.get(rec.evidence.doc_id)
            if when is not None:
                m.dates.append(when)
            m.claims.append((rec.evidence.doc_id, rec.evidence.start, rec.claim))
        for t in ex.talks:
            talks_labels.setdefault(talks_iri(t), _talks_label(t, res))
    for node, m in sorted(by_position.items()):
        merged.add((node, KG.sourceCount, _int(len(m.evidence_docs))))
        if m.dates:
            merged.add((node, KG.date, _date(min(m.dates))))
            merged.add((node, KG.lastDate, _date(max(m.dates))))
        merged.add((node, KG.claim, Literal(min(m.claims)[2])))
    for node, label in sorted(talks_labels.items()):
        merged.add((node, RDFS.label, Literal(label, lang="en")))
    add_position_links(merged, [r for ex in extractions for r in ex.positions], res, published)
    return merged


def to_dataset(docs: list[Document], extractions: list[Extraction], res: Resources) -> Dataset:
    """Build the RDF dataset: ontology graph, one graph per document, merged graph."""
    ds = Dataset()
    for prefix, iri in PREFIXES.items():
        ds.bind(prefix, iri)
    for part in (ontology_graph(res), *(document_graph(d, ex, res) for d, ex in zip(docs, extractions, strict=True)),
                 merged_graph(docs, extractions, res)):
        target = ds.graph(part.identifier)
        for triple in part:
            target.add(triple)
    return ds


def ontology_graph(res: Resources) -> Graph:
    """The ontology, codebook and gazetteer as one named graph."""
    g = Graph(identifier=ONTOLOGY_GRAPH)
    for triple in res.graph:
        g.add(triple)
    return g


def add_position_links(g: Graph, records: list[PositionRecord], res: Resources,
                       published: dict[str, dt.date | None]) -> None:
    """Materialise ``kg:conflictsWith`` and ``kg:agreesWith`` (both directions), each reified
    with its rule and the first evidence of each position (the rest is on the positions;
    copying all of it would grow with the square of the corpus)."""
    from .analysis import facts_from_records, find_common_ground, find_conflicts

    facts = facts_from_records(records, res, published)
    evidence = {f.iri: f.evidence for f in facts}
    conflicts = find_conflicts(facts, res.lexicon.get("claim-keep"), res.lexicon.get("claim-give"))
    framing = frozenset(code for code, issue in res.issues.items() if issue.framing)  # from the codebook
    for prop, links in ((KG.conflictsWith, conflicts), (KG.agreesWith, find_common_ground(facts, conflicts, framing))):
        for link in links:
            first = [URIRef(min(evidence[link.a])), URIRef(min(evidence[link.b]))]
            for s, o in ((link.a, link.b), (link.b, link.a)):
                reify(g, URIRef(s), prop, URIRef(o), first, [(KG.conflictRule, Literal(link.rule))])


def union_graph(ds: Dataset) -> Graph:
    """All quads of a dataset in one graph (what ``graph.ttl`` holds)."""
    from .graphio import union_of

    return union_of(ds)

