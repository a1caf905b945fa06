"""Positions analytics: conflicts, common ground and timelines (pure functions over facts).

A :class:`PositionFact` is what the analysis needs of a position; it is made from extraction
records at build time (:func:`facts_from_records`) or read back from a graph file
(:func:`facts_from_graph`), so the same rules serve ``kg build`` and ``kg timeline``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

#: A demand counts as new when it first appears this long after the side's first demand.
NEW_DEMAND_DAYS = 30
STANCE_VERB = {"Demand": "demands", "Proposal": "proposes", "Support": "supports", "Acceptance": "accepts",
               "Opposition": "opposes", "Rejection": "rejects"}
POLARITY = {"Demand": 1, "Proposal": 1, "Support": 1, "Acceptance": 1, "Opposition": -1, "Rejection": -1}


@dataclass
class PositionFact:
    iri: str
    holder: str
    holder_label: str
    side: str
    stance: str
    issue: str
    group: str
    claims: list[str] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)   # evidence IRIs (or ids)

    @property
    def polarity(self) -> int:
        return POLARITY[self.stance]

    @property
    def date(self) -> dt.date | None:
        return min(self.dates) if self.dates else None


@dataclass(frozen=True)
class Link:
    """A conflict or an agreement between two positions, with the rule that found it."""

    a: str
    b: str
    rule: str


def _claim_direction(claims: Iterable[str], keep: re.Pattern[str], give: re.Pattern[str]) -> set[str]:
    out = set()
    for c in claims:
        if keep.search(c):
            out.add("keep")
        if give.search(c):
            out.add("give")
    return out


def find_conflicts(facts: list[PositionFact], keep: re.Pattern[str] | None = None,
                   give: re.Pattern[str] | None = None) -> list[Link]:
    """Positions in conflict: held by different sides on the same issue, and either of
    opposite polarity (``polarity``) or with incompatible claims on a territory issue
    (``territory-claims``: one claims to keep or recognise, the other to withdraw or return).

    >>> f = lambda i, side, stance: PositionFact(i, side, side, side, stance, "crimea", "territory")
    >>> [l.rule for l in find_conflicts([f("p1", "Russia", "Demand"), f("p2", "Ukraine", "Rejection")])]
    ['polarity']
    >>> find_conflicts([f("p1", "Russia", "Demand"), f("p2", "Russia", "Rejection")])
    []
    """
    by_issue: dict[str, list[PositionFact]] = defaultdict(list)
    for f in facts:
        by_issue[f.issue].append(f)
    links: list[Link] = []
    for issue in sorted(by_issue):
        group = sorted(by_issue[issue], key=lambda f: f.iri)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.side == b.side:
                    continue
                if a.polarity != b.polarity:
                    links.append(Link(a.iri, b.iri, "polarity"))
                elif a.group == "territory" and keep is not None and give is not None and a.polarity > 0:
                    da, db = _claim_direction(a.claims, keep, give), _claim_direction(b.claims, keep, give)
                    if ("keep" in da and "give" in db and "keep" not in db) or \
                            ("give" in da and "keep" in db and "keep" not in da):
                        links.append(Link(a.iri, b.iri, "territory-claims"))
    return links


def opposing_sides(facts: list[PositionFact], conflicts: list[Link],
                   framing: frozenset[str] = frozenset({"peace-talks"})) -> set[frozenset[str]]:
    """Pairs of sides in conflict on at least one substantive issue (not merely on holding talks)."""
    by_iri = {f.iri: f for f in facts}
    return {frozenset((by_iri[c.a].side, by_iri[c.b].side)) for c in conflicts if by_iri[c.a].issue not in framing}


def find_common_ground(facts: list[PositionFact], conflicts: list[Link],
                       framing: frozenset[str] = frozenset({"peace-talks"})) -> list[Link]:
    """Positions of opposing sides (in conflict somewhere) with the same polarity on the same issue.

    >>> f = lambda i, side, stance, issue: PositionFact(i, side, side, side, stance, issue, "g")
    >>> facts = [f("a1", "R", "Demand", "x"), f("b1", "U", "Rejection", "x"),  # R and U are opposed on x
    ...          f("a2", "R", "Acceptance", "y"), f("b2", "U", "Support", "y")]
    >>> find_common_ground(facts, find_conflicts(facts))
    [Link(a='a2', b='b2', rule='same-polarity')]
    """
    opposed = opposing_sides(facts, conflicts, framing)
    clashing = {frozenset((c.a, c.b)) for c in conflicts}
    by_issue: dict[str, list[PositionFact]] = defaultdict(list)
    for f in facts:
        by_issue[f.issue].append(f)
    links = []
    for issue in sorted(by_issue):
        group = sorted(by_issue[issue], key=lambda f: f.iri)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if (a.side != b.side and a.polarity == b.polarity and frozenset((a.side, b.side)) in opposed
                        and frozenset((a.iri, b.iri)) not in clashing):
                    links.append(Link(a.iri, b.iri, "same-polarity"))
    return links


@dataclass
class TimelineRow:
    date: dt.date | None
    fact: PositionFact
    marks: list[str]


def timeline(facts: list[PositionFact], issue: str | None = None) -> list[TimelineRow]:
    """Positions ordered by date, marking shifts: a holder's stance on an issue changing, and a
    side's new headline demand (a demand on an issue it had not demanded before).

    >>> d = dt.date
    >>> f1 = PositionFact("1", "R", "Russia", "R", "Demand", "demilitarization", "security", dates=[d(2022, 3, 1)])
    >>> f2 = PositionFact("2", "R", "Russia", "R", "Demand", "annexed-regions", "territory", dates=[d(2023, 2, 1)])
    >>> f3 = PositionFact("3", "R", "Russia", "R", "Rejection", "annexed-regions", "territory", dates=[d(2023, 5, 1)])
    >>> [r.marks for r in timeline([f2, f1, f3])]
    [[], ['new demand: annexed-regions'], ['shift: demand → rejection on annexed-regions']]
    """
    chosen = sorted((f for f in facts if issue is None or f.issue == issue),
                    key=lambda f: (f.date or dt.date.max, f.issue, f.holder_label, f.stance))
    rows: list[TimelineRow] = []
    last_stance: dict[tuple[str, str], str] = {}
    demanded: dict[str, set[str]] = defaultdict(set)
    first_date: dict[str, dt.date | None] = {}
    for f in chosen:
        marks = []
        key = (f.side, f.issue)
        if key in last_stance and last_stance[key] != f.stance and POLARITY[last_stance[key]] != f.polarity:
            marks.append(f"shift: {last_stance[key].lower()} → {f.stance.lower()} on {f.issue}")
        last_stance[key] = f.stance
        if f.stance == "Demand":
            first_date.setdefault(f.side, f.date)
            first = first_date[f.side]
            later = f.date is not None and first is not None and (f.date - first).days >= NEW_DEMAND_DAYS
            if f.issue not in demanded[f.side] and later:
                marks.append(f"new demand: {f.issue}")
            demanded[f.side].add(f.issue)
        rows.append(TimelineRow(f.date, f, marks))
    return rows


# ---------------------------------------------------------------- sources of facts


def facts_from_records(records, res, published: dict[str, dt.date | None]) -> list[PositionFact]:  # type: ignore[no-untyped-def]
    """Facts from extraction records (one fact per holder, stance and issue)."""
    from .iris import evidence_iri, position_iri

    facts: dict[str, PositionFact] = {}
    for rec in records:
        iri = str(position_iri(rec.holder, rec.stance, rec.issue))
        f = facts.get(iri)
        if f is None:
            f = facts[iri] = PositionFact(iri, rec.holder, res.entities[rec.holder].label, res.side_of(rec.holder),
                                          rec.stance, rec.issue, res.issues[rec.issue].group or "")
        f.claims.append(rec.claim)
        when = rec.evidence.date or published.get(rec.evidence.doc_id)
        if when is not None:
            f.dates.append(when)
        f.evidence.append(str(evidence_iri(rec.evidence)))
    return [facts[k] for k in sorted(facts)]


FACTS_QUERY = """
SELECT ?p ?holder ?holderLabel ?side ?stance ?code ?group ?claim ?date WHERE {
  ?p a kg:Position ; kg:holder ?holder ; kg:stance ?stance ; kg:issue ?issue .
  ?holder rdfs:label ?holderLabel .
  ?issue skos:notation ?code .
  OPTIONAL { ?issue skos:broader/skos:notation ?group }
  OPTIONAL { ?holder kg:represents ?rep }
  BIND (COALESCE(?rep, ?holder) AS ?side)
  OPTIONAL { ?p kg:claim ?claim }
  OPTIONAL { ?p kg:date ?date }  # the earliest statement (merged graph): no need to read every evidence
}"""


def facts_from_graph(graph) -> list[PositionFact]:  # type: ignore[no-untyped-def]
    """Facts read back from a built graph (union of its named graphs): one per position, with its
    claim and earliest date from the merged graph (evidence is read by :func:`evidence_by_position`)."""
    from .namespaces import PREFIXES

    facts: dict[str, PositionFact] = {}
    for row in graph.query(FACTS_QUERY, initNs=PREFIXES):
        iri = str(row.p)
        f = facts.get(iri)
        if f is None:
            f = facts[iri] = PositionFact(iri, str(row.holder), str(row.holderLabel), str(row.side),
                                          str(row.stance).rsplit("#", 1)[-1], str(row.code), str(row.group or ""))
        if row.claim is not None and str(row.claim) not in f.claims:
            f.claims.append(str(row.claim))
        if row.date is not None and (d := dt.date.fromisoformat(str(row.date))) not in f.dates:
            f.dates.append(d)
    return [facts[k] for k in sorted(facts)]


# ---------------------------------------------------------------- reading links back, for the CLI

LINKS_QUERY = """
SELECT DISTINCT ?a ?b ?rule WHERE {
  ?st a rdf:Statement ; rdf:subject ?a ; rdf:predicate ?prop ; rdf:object ?b ; kg:conflictRule ?rule .
  FILTER (STR(?a) < STR(?b))
}"""

EVIDENCE_QUERY = """
SELECT ?p ?quote ?title ?date ?start WHERE {
  ?p a kg:Position ; kg:evidence ?ev .
  ?ev kg:quote ?quote ; kg:document ?doc ; kg:charStart ?start .
  ?doc dcterms:title ?title .
  OPTIONAL { ?ev kg:date ?evDate }
  OPTIONAL { ?doc dcterms:date ?docDate }
  BIND (COALESCE(?evDate, ?docDate) AS ?date)
}"""


@dataclass
class LinkView:
    a: PositionFact
    b: PositionFact
    rule: str


def links_from_graph(graph, prop) -> list[LinkView]:  # type: ignore[no-untyped-def]
    """The materialised conflicts (``kg:conflictsWith``) or agreements of a graph."""
    from .namespaces import PREFIXES

    facts = {f.iri: f for f in facts_from_graph(graph)}
    out = []
    for row in graph.query(LINKS_QUERY, initNs=PREFIXES, initBindings={"prop": prop}):
        a, b = facts.get(str(row.a)), facts.get(str(row.b))
        if a is not None and b is not None:
            out.append(LinkView(a, b, str(row.rule)))
    return sorted(out, key=lambda v: (v.a.issue, v.a.holder_label, v.b.holder_label, v.a.stance, v.b.stance))


def evidence_by_position(graph, positions: Iterable[str] | None = None) -> dict[str, list[tuple[str, str, str]]]:  # type: ignore[no-untyped-def]
    """Position IRI → [(quote, document title, date)], in order; only of ``positions`` if given."""
    from rdflib import URIRef

    from .namespaces import PREFIXES
    from .query import with_values

    query = EVIDENCE_QUERY
    if positions is not None:
        query = with_values(query, {"p": [URIRef(p) for p in sorted(set(positions))]})
    found: dict[str, list[tuple[str, int, str, str]]] = defaultdict(list)
    for row in graph.query(query, initNs=PREFIXES):
        found[str(row.p)].append((str(row.date or ""), int(row.start), str(row.quote), str(row.title)))
    # sorted here, not with ORDER BY: the store would compare IRIs by reading each from disk
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for p, rows in found.items():
        out[p] = [(quote, title, date) for date, _start, quote, title in sorted(rows)]
    return out


def matches(f: PositionFact, actors: set[str] | None, issue: str | None) -> bool:
    """Does a fact belong to one of ``actors`` (itself or the side it speaks for) and ``issue``?"""
    if issue is not None and f.issue != issue and f.group != issue:
        return False
    return actors is None or f.holder in actors or f.side in actors


def format_links(links: list[LinkView], evidence: dict[str, list[tuple[str, str, str]]], title: str) -> str:
    lines = [f"{title}: {len(links)}"]
    for v in links:
        lines.append(f"\n[{v.a.issue}] {v.a.holder_label} {STANCE_VERB[v.a.stance]} ⟷ {v.b.holder_label} "
                     f"{STANCE_VERB[v.b.stance]}  (rule: {v.rule})")
        for f in (v.a, v.b):
            for quote, doc, date in evidence.get(f.iri, [])[:1]:
                lines.append(f"    {f.holder_label}: “{quote}” ({doc}, {date})")
    return "\n".join(lines)


def format_timeline(rows: list[TimelineRow], evidence: dict[str, list[tuple[str, str, str]]]) -> str:
    lines = []
    for r in rows:
        f = r.fact
        when = r.date.isoformat() if r.date else "undated"
        claim = f" — {f.claims[0]}" if f.claims else ""
        lines.append(f"{when}  {f.holder_label} {STANCE_VERB[f.stance]} {f.issue}{claim}")
        for m in r.marks:
            lines.append(f"            ▲ {m}")
        srcs = sorted({doc for _q, doc, _d in evidence.get(f.iri, [])})
        lines.append(f"            sources ({len(srcs)}): " + "; ".join(srcs))
    return "\n".join(lines)
