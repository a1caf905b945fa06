"""A node-and-edge view of the RDF graph, shared by the HTML graph and path finding.

Nodes are actors, positions, issues (with their broader groups), talks and places; edges are
``holder``, ``issue``, ``participatesIn``, ``mediates``, ``hosts``, ``heldIn``, ``locatedIn``,
``represents``, ``broader``, ``agreedOn``, ``conflictsWith`` and ``agreesWith``. Evidence and
documents are not nodes: they are attached to the nodes and edges they support.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from .namespaces import KG

NODE_TYPES = ("Person", "Country", "Organization", "Group", "Issue", "IssueGroup", "Position", "Talks", "Place")
_TYPE_ORDER = [(KG.Position, "Position"), (KG.Talks, "Talks"), (KG.Person, "Person"), (KG.Country, "Country"),
               (KG.Organization, "Organization"), (KG.Group, "Group"), (KG.Issue, "Issue"), (KG.Place, "Place")]
EDGE_RELATIONS = {
    KG.participatesIn: "participates in", KG.mediates: "mediates", KG.hosts: "hosts", KG.heldIn: "held in",
    KG.locatedIn: "located in", KG.represents: "represents", KG.agreedOn: "agreed on",
    KG.conflictsWith: "conflicts with", KG.agreesWith: "agrees with",
}


@dataclass(frozen=True)
class EvidenceInfo:
    quote: str
    document: str
    title: str
    date: str
    rule: str
    start: int


@dataclass
class Node:
    iri: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)
    evidence: list[EvidenceInfo] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    group: str = ""     # issue group code, for issues and positions
    stance: str = ""    # for positions


@dataclass
class Edge:
    source: str
    target: str
    relation: str
    evidence: list[EvidenceInfo] = field(default_factory=list)


@dataclass
class Projection:
    nodes: dict[str, Node]
    edges: list[Edge]


def _value(g: Graph, subject: Any, predicate: Any) -> Any:
    """One value of ``predicate``: the least, so that the page does not depend on the order in which
    a store lists values (documents may disagree: talks planned in one report, held in another)."""
    return min(g.objects(subject, predicate), key=str, default=None)


def _label(g: Graph, node: Any) -> str:
    lab = _value(g, node, RDFS.label) or _value(g, node, SKOS.prefLabel)
    return str(lab) if lab is not None else str(node).rsplit("/", 1)[-1]


_EVIDENCE_PROPS = (KG.document, KG.date, KG.charStart, KG.quote, KG.extractor)


def _evidence_columns(g: Graph) -> dict[URIRef, dict[Any, Any]]:
    """Each evidence property as one subject → value map: a few scans instead of five look-ups
    per evidence sentence (a 1M-triple graph has 130k of them)."""
    cols: dict[URIRef, dict[Any, Any]] = {}
    for p in _EVIDENCE_PROPS:
        col: dict[Any, Any] = {}
        for subj, obj in g.subject_objects(p):
            col.setdefault(subj, obj)
        cols[p] = col
    return cols


def _evidence(cols: dict[URIRef, dict[Any, Any]], ev: URIRef, docs: dict[URIRef, tuple[str, str, str]]) -> EvidenceInfo:
    doc = cols[KG.document].get(ev)
    doc_id, title, date = docs.get(doc, ("", "", "")) if isinstance(doc, URIRef) else ("", "", "")
    when = cols[KG.date].get(ev)
    start = cols[KG.charStart].get(ev)
    return EvidenceInfo(
        quote=str(cols[KG.quote].get(ev) or ""),
        document=doc_id,
        title=title,
        date=str(when) if when is not None else date,
        rule=str(cols[KG.extractor].get(ev) or ""),
        start=int(str(start)) if start is not None else 0,
    )


def _node_type(g: Graph, node: URIRef) -> str | None:
    types = set(g.objects(node, RDF.type))
    for cls, name in _TYPE_ORDER:
        if cls in types:
            if name == "Issue" and _value(g, node, SKOS.broader) is None:
                return "IssueGroup"
            return name
    return None


def project(g: Graph) -> Projection:
    """Project an RDF graph (union of all named graphs) onto nodes and edges."""
    docs = {d: (str(_value(g, d, KG.documentId) or ""), str(_value(g, d, DCTERMS.title) or ""),
                str(_value(g, d, DCTERMS.date) or ""))
            for d in g.subjects(RDF.type, KG.Document) if isinstance(d, URIRef)}
    ev_cache: dict[URIRef, EvidenceInfo] = {}
    cols = _evidence_columns(g)

    def evs(subject: URIRef) -> list[EvidenceInfo]:
        out = []
        for ev in sorted(g.objects(subject, KG.evidence), key=str):
            if isinstance(ev, URIRef):
                if ev not in ev_cache:
                    ev_cache[ev] = _evidence(cols, ev, docs)
                out.append(ev_cache[ev])
        return sorted(out, key=lambda e: (e.document, e.start, e.rule))

    statements: dict[tuple[URIRef, URIRef, URIRef], list[EvidenceInfo]] = defaultdict(list)
    for st in g.subjects(RDF.type, RDF.Statement):
        s, p, o = _value(g, st, RDF.subject), _value(g, st, RDF.predicate), _value(g, st, RDF.object)
        if isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef) and isinstance(st, URIRef):
            statements[(s, p, o)].extend(evs(st))

    nodes: dict[str, Node] = {}
    edges: list[Edge] = []

    def ensure(node: URIRef) -> Node | None:
        key = str(node)
        if key in nodes:
            return nodes[key]
        kind = _node_type(g, node)
        if kind is None:
            return None
        n = Node(key, _label(g, node), kind, sorted(str(a) for a in g.objects(node, SKOS.altLabel)))
        if kind in ("Issue", "IssueGroup"):
            code = _value(g, node, SKOS.notation)
            n.details["code"] = str(code or "")
            broader = _value(g, node, SKOS.broader)
            n.group = str(_value(g, broader, SKOS.notation) or "") if broader is not None else n.details["code"]
        role = _value(g, node, KG.role)
        if role is not None:
            n.details["role"] = str(role)
        nodes[key] = n
        return n

    for pos in sorted(g.subjects(RDF.type, KG.Position), key=str):
        if not isinstance(pos, URIRef):
            continue
        n = ensure(pos)
        holder, issue, stance = _value(g, pos, KG.holder), _value(g, pos, KG.issue), _value(g, pos, KG.stance)
        if n is None or not isinstance(holder, URIRef) or not isinstance(issue, URIRef):
            continue
        n.evidence = evs(pos)
        n.stance = str(stance).rsplit("#", 1)[-1] if stance is not None else ""
        hn, iss = ensure(holder), ensure(issue)
        n.group = iss.group if iss else ""
        n.details.update({
            "holder": hn.label if hn else str(holder), "stance": _label(g, stance) if stance is not None else "",
            "issue": iss.label if iss else str(issue), "claim": str(_value(g, pos, KG.claim) or ""),
            "date": str(_value(g, pos, KG.date) or ""), "sources": str(_value(g, pos, KG.sourceCount) or len(n.evidence)),
        })
        edges.append(Edge(str(holder), str(pos), n.details["stance"] or "holds", n.evidence))
        edges.append(Edge(str(pos), str(issue), "on", n.evidence))
    for talks in sorted(g.subjects(RDF.type, KG.Talks), key=str):
        if not isinstance(talks, URIRef):
            continue
        n = ensure(talks)
        if n is None:
            continue
        n.evidence = evs(talks)
        date = _value(g, talks, KG.date)
        n.details.update({
            "format": str(_value(g, talks, KG.format) or ""), "date": str(date or ""),
            "round": str(_value(g, talks, KG.round) or ""),
            "status": _label(g, _value(g, talks, KG.status)) if _value(g, talks, KG.status) is not None else "",
        })
    for (s, p, o), ev in sorted(statements.items()):
        if p not in EDGE_RELATIONS:
            continue
        a, b = ensure(s), ensure(o)
        if a is None or b is None:
            continue
        edges.append(Edge(str(s), str(o), EDGE_RELATIONS[p], ev))
    # talks details that name other nodes
    for e in edges:
        t = nodes.get(e.target) if e.relation in ("participates in", "mediates", "hosts") else None
        if t is not None and t.type == "Talks":
            key = {"participates in": "participants", "mediates": "mediator", "hosts": "host"}[e.relation]
            prev = t.details.get(key, "")
            t.details[key] = ", ".join(x for x in (prev, nodes[e.source].label) if x)
        if e.relation == "held in" and e.source in nodes:
            prev = nodes[e.source].details.get("place", "")
            nodes[e.source].details["place"] = ", ".join(x for x in (prev, nodes[e.target].label) if x)
    # context edges without evidence of their own: place hierarchy, issue groups, curated roles
    for key in sorted(nodes):
        n = nodes[key]
        node = URIRef(key)
        if n.type == "Place" or (n.type == "Country" and _value(g, node, KG.locatedIn) is not None):
            parent = _value(g, node, KG.locatedIn)
            if isinstance(parent, URIRef) and ensure(parent) is not None:
                edges.append(Edge(key, str(parent), "located in"))
        if n.type == "Issue":
            broader = _value(g, node, SKOS.broader)
            if isinstance(broader, URIRef) and ensure(broader) is not None:
                edges.append(Edge(key, str(broader), "broader"))
        if n.type == "Person":
            rep = _value(g, node, KG.represents)
            known = any(e.source == key and e.relation == "represents" for e in edges)
            if isinstance(rep, URIRef) and not known and ensure(rep) is not None:
                edges.append(Edge(key, str(rep), "represents"))
    for n in nodes.values():
        n.documents = sorted({e.document for e in n.evidence if e.document})
        n.dates = sorted({e.date for e in n.evidence if e.date})
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for e in sorted(edges, key=lambda e: (e.source, e.relation, e.target)):
        k = (e.source, e.relation, e.target)
        if k not in seen:
            seen.add(k)
            unique.append(e)
    for e in unique:
        for side in (e.source, e.target):
            end = nodes[side]
            if end.type not in ("Position", "Talks"):
                end.documents = sorted(set(end.documents) | {x.document for x in e.evidence if x.document})
                end.dates = sorted(set(end.dates) | {x.date for x in e.evidence if x.date})
    return Projection(nodes, unique)
