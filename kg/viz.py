"""The interactive HTML graph: one self-contained file (vis-network inlined, no external URL).

Article text is untrusted: the page receives all data as JSON inside a
``<script type="application/json">`` element (with ``<``, ``>`` and ``&`` escaped) and puts
text into the page only through ``textContent``; nothing from the data is parsed as HTML.
"""

from __future__ import annotations

import json
from importlib import resources as importlib_resources
from pathlib import Path

from rdflib import Graph

from .projection import Projection, project

TYPE_STYLE = {
    "Person": {"color": "#4e79a7", "shape": "dot"},
    "Country": {"color": "#59a14f", "shape": "square"},
    "Organization": {"color": "#76b7b2", "shape": "triangle"},
    "Group": {"color": "#9c755f", "shape": "triangleDown"},
    "Issue": {"color": "#edc948", "shape": "diamond"},
    "IssueGroup": {"color": "#b07aa1", "shape": "star"},
    "Position": {"color": "#bab0ac", "shape": "box"},
    "Talks": {"color": "#f28e2b", "shape": "hexagon"},
    "Place": {"color": "#8cd17d", "shape": "ellipse"},
}
STANCE_COLOR = {"Demand": "#e15759", "Proposal": "#ff9da7", "Support": "#59a14f", "Acceptance": "#8cd17d",
                "Opposition": "#b6992d", "Rejection": "#79706e"}
GROUP_COLOR = {"territory": "#edc948", "security": "#f1ce63", "military": "#d4a6c8", "humanitarian": "#a0cbe8",
               "political": "#ffbe7d"}


def _vis_js() -> str:
    base = importlib_resources.files("pyvis") / "lib" / "vis-9.1.2"
    js = (base / "vis-network.min.js").read_text(encoding="utf-8")
    return js.replace("</script", "<\\/script")


def _vis_css() -> str:
    base = importlib_resources.files("pyvis") / "lib" / "vis-9.1.2"
    return (base / "vis-network.css").read_text(encoding="utf-8").replace("</style", "<\\/style")


def safe_json(data: object) -> str:
    """JSON that cannot end the ``<script>`` element it is embedded in.

    >>> safe_json({"q": "</script><img src=x onerror=alert(1)>"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


#: Evidence items a node or link carries into the page (the details panel shows as many; the
#: rest is counted and reachable with ``kg query``), so the page grows with the facts, not the sources.
MAX_EVIDENCE = 30
#: Facts (positions, talks) drawn when the page opens: the most-cited; filters, search and the
#: "all facts" switch reach the rest. A layout of thousands of nodes would not settle in seconds.
MAX_FACTS_DRAWN = 300


def _cited_first(proj: Projection, limit: int) -> set[str]:
    """The ``limit`` facts with the most evidence (ties by IRI).

    >>> from kg.projection import Node, Projection
    >>> nodes = {k: Node(k, k, "Position") for k in "abc"}
    >>> nodes["c"].evidence = [None, None]  # type: ignore[list-item]
    >>> sorted(_cited_first(Projection(nodes, []), 2))
    ['a', 'c']
    """
    facts = [n for n in proj.nodes.values() if n.type in ("Position", "Talks")]
    facts.sort(key=lambda n: (-len(n.evidence), n.iri))
    return {n.iri for n in facts[:limit]}


def page_data(proj: Projection, title: str = "Parley knowledge graph", highlight: list[str] | None = None,
              facts_drawn: int = MAX_FACTS_DRAWN) -> dict:
    """The data the page draws: nodes, edges, styles and a caption; ``facts_drawn`` facts are
    drawn when the page opens (:data:`MAX_FACTS_DRAWN`)."""
    top = _cited_first(proj, facts_drawn)
    nodes = []
    for key in sorted(proj.nodes):
        n = proj.nodes[key]
        style = dict(TYPE_STYLE.get(n.type, {"color": "#cccccc", "shape": "dot"}))
        if n.type == "Position" and n.stance in STANCE_COLOR:
            style["color"] = STANCE_COLOR[n.stance]
        if n.type == "Issue" and n.group in GROUP_COLOR:
            style["color"] = GROUP_COLOR[n.group]
        label = n.label
        if n.type == "Position":
            label = f"{n.details.get('stance', '')}: {n.details.get('issue', '')}"
        nodes.append({
            "id": n.iri, "label": label, "fullLabel": n.label, "type": n.type, "aliases": n.aliases,
            "details": n.details, "group": n.group, "stance": n.stance, "documents": n.documents,
            "dates": n.dates, "color": style["color"], "shape": style["shape"], "top": n.iri in top,
            "evidence": [{"quote": e.quote, "document": e.document, "title": e.title, "date": e.date, "rule": e.rule}
                         for e in n.evidence[:MAX_EVIDENCE]],
            "evidenceCount": len(n.evidence),
        })
    edges = []
    for i, e in enumerate(proj.edges):
        edges.append({"id": i, "from": e.source, "to": e.target, "label": e.relation,
                      "evidence": [{"quote": x.quote, "document": x.document, "title": x.title, "date": x.date}
                                   for x in e.evidence[:MAX_EVIDENCE]]})
    dates = sorted({d for n in proj.nodes.values() for d in n.dates})
    docs = sorted({d for n in proj.nodes.values() for d in n.documents})
    counts: dict[str, int] = {}
    for n in proj.nodes.values():
        counts[n.type] = counts.get(n.type, 0) + 1
    from .matrix import matrix_data, stance_matrix

    return {
        "title": title, "nodes": nodes, "edges": edges, "dates": dates, "documents": docs, "counts": counts,
        "typeStyle": TYPE_STYLE, "stanceColor": STANCE_COLOR, "groupColor": GROUP_COLOR,
        "highlight": highlight or [], "matrix": matrix_data(stance_matrix(proj)),
        "factsDrawn": len(top), "facts": sum(1 for n in proj.nodes.values() if n.type in ("Position", "Talks")),
    }


def render_html(graph: Graph, title: str = "Parley knowledge graph", highlight: list[str] | None = None) -> str:
    """The whole page for an RDF graph (union of named graphs)."""
    return render_projection(project(graph), title, highlight)


def render_turtle_html(turtle: Path, title: str = "Parley knowledge graph") -> str:
    """The page for a Turtle file, read with pyoxigraph (fast on large graphs)."""
    import pyoxigraph as ox

    from .graphio import StoreView

    store = ox.Store()
    store.bulk_extend(ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE))
    return render_projection(project(StoreView(store)), title)  # type: ignore[arg-type]


def render_projection(proj: Projection, title: str = "Parley knowledge graph", highlight: list[str] | None = None,
                      facts_drawn: int = MAX_FACTS_DRAWN) -> str:
    template = (Path(__file__).parent / "templates" / "graph.html").read_text(encoding="utf-8")
    data = page_data(proj, title, highlight, facts_drawn)
    return (template.replace("/*VIS_CSS*/", _vis_css())
            .replace("/*VIS_JS*/", _vis_js())
            .replace("/*DATA*/", safe_json(data)))


def write_html(graph_path: Path, out_file: Path, highlight_path: tuple[str, str] | None = None) -> int:
    """Read a graph file and write its HTML page; returns the number of nodes drawn."""
    from .graphio import load_graph
    from .output import atomic_write

    graph = load_graph(graph_path)
    proj = project(graph)
    highlight: list[str] = []
    if highlight_path is not None:
        from .paths import ProjectionGraph, resolve, shortest_paths

        pg = ProjectionGraph.from_projection(proj)
        src, dst = resolve(pg, highlight_path[0]), resolve(pg, highlight_path[1])
        highlight = shortest_paths(pg, src, dst, k=1)[0].nodes
    atomic_write(out_file, render_projection(proj, highlight=highlight))
    return len(proj.nodes)
