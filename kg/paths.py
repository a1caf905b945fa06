"""Shortest paths between positions (or any nodes) over the projection of the graph.

The projection (see :mod:`kg.projection`) has actors, positions, issues, issue groups, talks
and places as nodes; an edge stands for one of holder (actor→position), issue
(position→issue), participatesIn, mediates, hosts, heldIn, locatedIn, represents, broader,
agreedOn, conflictsWith or agreesWith. Paths ignore edge direction but report it. Evidence and
documents are never hops.

References to nodes: an IRI; ``HOLDER:ISSUE`` or ``HOLDER:ISSUE:STANCE`` for a position
(holder by label or alias, case-insensitive, or an actor the holder speaks for; issue by code
or label); or a node label/alias.
"""

from __future__ import annotations

import contextlib
import difflib
import json
from dataclasses import asdict, dataclass, field
from itertools import islice, pairwise
from pathlib import Path

import networkx as nx

from .errors import NoPathError, ReferenceError_
from .projection import Projection

STANCES = {"demands": "Demand", "proposes": "Proposal", "supports": "Support", "accepts": "Acceptance",
           "opposes": "Opposition", "rejects": "Rejection"}


@dataclass
class ProjectionGraph:
    """An undirected networkx graph of the projection, with node and edge data."""

    graph: nx.Graph
    by_name: dict[str, list[str]] = field(default_factory=dict)   # lower-case label/alias → node ids

    @classmethod
    def from_projection(cls, proj: Projection) -> ProjectionGraph:
        g = nx.Graph()
        for key in sorted(proj.nodes):
            n = proj.nodes[key]
            g.add_node(key, label=n.label, type=n.type, aliases=list(n.aliases), details=dict(n.details),
                       evidence=[asdict(e) for e in n.evidence])
        for e in proj.edges:
            if g.has_edge(e.source, e.target):
                continue
            g.add_edge(e.source, e.target, relation=e.relation, tail=e.source, evidence=[asdict(x) for x in e.evidence])
        return cls(g, _names(g))

    def to_json(self) -> str:
        return json.dumps(nx.node_link_data(self.graph, edges="links"), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ProjectionGraph:
        g = nx.node_link_graph(json.loads(text), edges="links")
        return cls(g, _names(g))


def _names(g: nx.Graph) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for node, data in g.nodes(data=True):
        for name in {data["label"], *data.get("aliases", [])}:
            out.setdefault(name.lower(), []).append(node)
    return {k: sorted(set(v)) for k, v in out.items()}


def build_graph(edges: list[tuple[str, str, str]], types: dict[str, str] | None = None) -> ProjectionGraph:
    """A small ProjectionGraph from ``(source, relation, target)`` triples (for tests and examples).

    >>> pg = build_graph([("Russia", "demands", "P1"), ("P1", "on", "crimea")])
    >>> shortest_paths(pg, "Russia", "crimea")[0].nodes
    ['Russia', 'P1', 'crimea']
    """
    g = nx.Graph()
    for s, rel, t in edges:
        for n in (s, t):
            if n not in g:
                g.add_node(n, label=n, type=(types or {}).get(n, "Node"), aliases=[], details={}, evidence=[])
        g.add_edge(s, t, relation=rel, tail=s, evidence=[])
    return ProjectionGraph(g, _names(g))


# ---------------------------------------------------------------- references


def _suggest(pg: ProjectionGraph, text: str) -> str:
    close = difflib.get_close_matches(text.lower(), list(pg.by_name), n=3, cutoff=0.6)
    labels = sorted({pg.graph.nodes[i]["label"] for c in close for i in pg.by_name[c]})
    return f"; did you mean {', '.join(repr(x) for x in labels)}?" if labels else ""


def _actor_ids(pg: ProjectionGraph, name: str) -> list[str]:
    ids = [i for i in pg.by_name.get(name.lower(), [])
           if pg.graph.nodes[i]["type"] in ("Person", "Country", "Organization", "Group")]
    if not ids:
        raise ReferenceError_(f"unknown holder {name!r}{_suggest(pg, name)}")
    return ids


def _issue_ids(pg: ProjectionGraph, name: str) -> list[str]:
    ids = [i for i, d in pg.graph.nodes(data=True)
           if d["type"] in ("Issue", "IssueGroup")
           and name.lower() in {d["label"].lower(), d["details"].get("code", "").lower()}]
    if not ids:
        codes = [d["details"].get("code", "") for _i, d in pg.graph.nodes(data=True) if d["type"] == "Issue"]
        close = difflib.get_close_matches(name.lower(), codes, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise ReferenceError_(f"unknown issue {name!r}{hint}")
    return ids


def _speaks_for(pg: ProjectionGraph, person: str, actors: list[str]) -> bool:
    return any(pg.graph.has_edge(person, a) and pg.graph.edges[person, a]["relation"] == "represents"
               for a in actors)


def resolve(pg: ProjectionGraph, ref: str) -> str:
    """The node id a reference names; raises ReferenceError_ if unknown or ambiguous.

    >>> pg = build_graph([("Russia", "demands", "P1"), ("P1", "on", "crimea")], {"Russia": "Country"})
    >>> resolve(pg, "russia")
    'Russia'
    """
    g = pg.graph
    if ref in g:
        return ref
    if ref.startswith(("http://", "https://")):
        raise ReferenceError_(f"no node with IRI {ref}")
    parts = ref.split(":")
    if len(parts) in (2, 3) and all(parts):
        holders = _actor_ids(pg, parts[0])
        issues = _issue_ids(pg, parts[1])
        stance = None
        if len(parts) == 3:
            stance = STANCES.get(parts[2].lower()) or (parts[2].capitalize() if parts[2].capitalize()
                                                        in STANCES.values() else None)
            if stance is None:
                raise ReferenceError_(f"unknown stance {parts[2]!r} (use one of {', '.join(STANCES)})")
        cands = _positions(pg, holders, issues, stance)
        if not cands:  # "Russia:crimea" → positions of persons who speak for Russia
            speakers = [p for p, d in g.nodes(data=True) if d["type"] == "Person" and _speaks_for(pg, p, holders)]
            cands = _positions(pg, speakers, issues, stance)
        if not cands:
            raise ReferenceError_(f"no position of {parts[0]!r} on {parts[1]!r}"
                                  + (f" with stance {parts[2]!r}" if stance else ""))
        if len(cands) > 1:
            listing = "; ".join(f"{g.nodes[c]['label']} <{c}>" for c in cands)
            raise ReferenceError_(f"{ref!r} is ambiguous: {listing}; add :STANCE or use an IRI")
        return cands[0]
    ids = pg.by_name.get(ref.lower(), [])
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        listing = "; ".join(f"{g.nodes[i]['label']} [{g.nodes[i]['type']}] <{i}>" for i in ids)
        raise ReferenceError_(f"{ref!r} is ambiguous: {listing}")
    raise ReferenceError_(f"unknown node {ref!r}{_suggest(pg, ref)}")


def _positions(pg: ProjectionGraph, holders: list[str], issues: list[str], stance: str | None) -> list[str]:
    g = pg.graph
    out = []
    for h in holders:
        for p in g.neighbors(h):
            d = g.nodes[p]
            if d["type"] != "Position" or g.edges[h, p]["relation"] in ("conflicts with", "agrees with"):
                continue
            if not any(g.has_edge(p, i) for i in issues):
                continue
            if stance and d["details"].get("stance", "").lower() != _stance_label(stance):
                continue
            out.append(p)
    return sorted(set(out))


def _stance_label(stance: str) -> str:
    return {v: k for k, v in STANCES.items()}[stance]


# ---------------------------------------------------------------- paths


@dataclass
class Hop:
    source: str
    target: str
    relation: str
    forward: bool                 # True if the relation points source → target
    evidence: list[dict]


@dataclass
class Path_:
    nodes: list[str]
    hops: list[Hop]


def shortest_paths(pg: ProjectionGraph, src: str, dst: str, k: int = 1, avoid: tuple[str, ...] = ()) -> list[Path_]:
    """The ``k`` shortest simple paths from ``src`` to ``dst``, avoiding node types ``avoid``.

    >>> pg = build_graph([("a", "r", "b"), ("b", "r", "c"), ("a", "r", "c")])
    >>> [p.nodes for p in shortest_paths(pg, "a", "c", k=2)]
    [['a', 'c'], ['a', 'b', 'c']]
    """
    g = pg.graph
    if src == dst:
        raise ReferenceError_(f"FROM and TO are the same node ({g.nodes[src]['label']!r}); name two different ones")
    if avoid:
        keep = [n for n, d in g.nodes(data=True) if d["type"] not in avoid or n in (src, dst)]
        g = g.subgraph(keep)
    try:
        routes = [nx.shortest_path(g, src, dst)] if k <= 1 else list(islice(nx.shortest_simple_paths(g, src, dst), k))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        raise NoPathError(f"no path between {pg.graph.nodes[src]['label']!r} and {pg.graph.nodes[dst]['label']!r}"
                          + (f" avoiding {', '.join(avoid)}" if avoid else "")) from None
    out = []
    for route in routes:
        hops = []
        for a, b in pairwise(route):
            e = g.edges[a, b]
            hops.append(Hop(a, b, e["relation"], e["tail"] == a, e["evidence"]))
        out.append(Path_(list(route), hops))
    return out


def format_path_text(pg: ProjectionGraph, path: Path_) -> str:
    """One hop per line, ``label [type] —relation→ label [type]``, evidence under each hop."""
    g = pg.graph
    lines = []
    for hop in path.hops:
        a, b = g.nodes[hop.source], g.nodes[hop.target]
        arrow = f"—{hop.relation}→" if hop.forward else f"←{hop.relation}—"
        lines.append(f"{a['label']} [{a['type']}] {arrow} {b['label']} [{b['type']}]")
        evidence = hop.evidence or (g.nodes[hop.source]["evidence"] if a["type"] == "Position" else []) or \
            (g.nodes[hop.target]["evidence"] if b["type"] == "Position" else [])
        for ev in evidence[:3]:
            where = ", ".join(x for x in (ev.get("title") or ev.get("document"), ev.get("date")) if x)
            lines.append(f"    “{ev['quote']}” ({where})")
    return "\n".join(lines)


def path_json(pg: ProjectionGraph, paths: list[Path_]) -> dict:
    g = pg.graph
    out = []
    for p in paths:
        out.append({
            "nodes": [{"iri": n, "label": g.nodes[n]["label"], "type": g.nodes[n]["type"]} for n in p.nodes],
            "edges": [{"source": h.source, "target": h.target, "relation": h.relation,
                       "direction": "forward" if h.forward else "backward",
                       "evidence": h.evidence or g.nodes[h.source]["evidence"] or g.nodes[h.target]["evidence"]}
                      for h in p.hops],
        })
    return {"paths": out}


# ---------------------------------------------------------------- cached loading


def load_projection_graph(graph_path: Path, use_cache: bool = True) -> ProjectionGraph:
    """The ProjectionGraph of a graph file, cached by the file's sha256 (no RDF parse when warm)."""
    from .output import atomic_write
    from .projection import project
    from .store import cache_dir, file_digest

    digest = file_digest(graph_path)
    cached = cache_dir() / f"{digest}.json"
    if use_cache and cached.is_file():
        try:
            return ProjectionGraph.from_json(cached.read_text(encoding="utf-8"))
        except Exception:
            pass
    from .graphio import load_view

    pg = ProjectionGraph.from_projection(project(load_view(graph_path)))  # type: ignore[arg-type]
    if use_cache:
        with contextlib.suppress(Exception):
            atomic_write(cached, pg.to_json())
    return pg
