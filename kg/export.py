"""``kg export``: the graph in the forms other tools read.

``graphml`` and ``gexf`` write the projection that ``kg path`` walks (Gephi, Cytoscape),
with flat node and edge attributes; ``jsonld`` and ``nquads`` write the dataset; ``csv``
writes three tables: positions, talks, and statements in the layout of the Discourse
Network Analyzer. Every export is byte-identical for the same graph.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .errors import KgError
from .matrix import ACTOR_TYPES

FORMATS = ("graphml", "gexf", "jsonld", "nquads", "csv")
TABLES = Path(__file__).parent / "queries" / "tables"


def to_networkx(pg: Any) -> Any:
    """The projection as a directed networkx graph with attributes every writer accepts.

    Edges point from the ``tail`` of a relation (the actor that demands, the talks held in a
    place); lists become ``|``-joined text, missing values empty text, evidence a count
    and the documents it comes from.

    >>> from kg.paths import build_graph
    >>> g = to_networkx(build_graph([("Russia", "demands", "P1")]))
    >>> sorted(g.nodes["Russia"].items())[:3], list(g.edges(data="relation"))
    ([('aliases', ''), ('documents', ''), ('evidence', 0)], [('Russia', 'P1', 'demands')])
    """
    import networkx as nx

    g = nx.DiGraph()
    src = pg.graph
    for node in sorted(src.nodes):
        data = src.nodes[node]
        attrs: dict[str, Any] = {"label": str(data.get("label", "")), "type": str(data.get("type", "")),
                                 "aliases": "|".join(sorted(data.get("aliases") or [])), "iri": str(node)}
        for key, value in sorted((data.get("details") or {}).items()):
            attrs[key] = _flat(value)
        attrs.update(_evidence(data.get("evidence") or []))
        if attrs["type"] in ACTOR_TYPES:
            attrs["side"] = _side(src, node)
        g.add_node(str(node), **attrs)
    for a, b in sorted((tuple(sorted((str(u), str(v)))) for u, v in src.edges), key=lambda e: e):
        data = src.edges[a, b]
        tail = str(data.get("tail", a))
        head = b if tail == a else a
        g.add_edge(tail, head, relation=str(data.get("relation", "")), **_evidence(data.get("evidence") or []))
    return g


def _side(src: Any, node: Any) -> str:
    """The side an actor speaks for: what it represents (a spokesperson's country), else itself."""
    sides = sorted(str(src.nodes[other].get("label", other)) for other in src.neighbors(node)
                   if src.edges[node, other].get("relation") == "represents" and str(src.edges[node, other].get("tail")) == str(node))
    return "|".join(sides) if sides else str(src.nodes[node].get("label", node))


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):
        return "|".join(sorted(str(v) for v in value))
    return str(value)


def _evidence(evidence: list[dict[str, Any]]) -> dict[str, Any]:
    return {"evidence": len(evidence), "documents": "|".join(sorted({str(e.get("document", "")) for e in evidence}))}


def graphml_text(pg: Any) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(to_networkx(pg))) + "\n"


def gexf_text(pg: Any) -> str:
    """GEXF, with networkx's "last modified" date (today's) replaced by the newest evidence date."""
    import networkx as nx

    g = to_networkx(pg)
    text = "\n".join(nx.generate_gexf(g)) + "\n"
    dates = [d.get("date", "") for _n, d in g.nodes(data=True) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(d.get("date", "")))]
    return re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{max(dates) if dates else "1970-01-01"}"', text, count=1)


def nquads_text(graph_path: Path) -> str:
    """Every quad of the dataset, one per line, sorted."""
    import pyoxigraph as ox

    from .output import sorted_nquads
    from .store import _format, readable_graph

    readable_graph(graph_path)
    return sorted_nquads(ox.parse(path=str(graph_path), format=_format(graph_path)))


def jsonld_text(graph_path: Path) -> str:
    """JSON-LD with a compact ``@context`` of the project's prefixes; graphs, nodes and values sorted."""
    from .graphio import load_dataset
    from .namespaces import PREFIXES

    ds = load_dataset(graph_path)
    context = dict(sorted(PREFIXES.items()))
    data = json.loads(ds.serialize(format="json-ld", context=context, auto_compact=False))
    return json.dumps(_sorted(data), indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def _sorted(value: Any) -> Any:
    """JSON with every list sorted (by its items' text), so output never depends on set order."""
    if isinstance(value, dict):
        return {k: _sorted(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def csv_tables(graph_path: Path) -> dict[str, str]:
    """``positions.csv``, ``talks.csv`` and ``statements.csv`` (the DNA layout), formula-safe."""
    from .query import format_result, run_on_file

    return {f"{path.stem}.csv": format_result(run_on_file(graph_path, path.read_text(encoding="utf-8"))[0], "csv") + "\n"
            for path in sorted(TABLES.glob("*.rq"))}


def export(graph_path: Path, fmt: str, out: Path | None = None) -> list[Path]:
    """Write ``graph_path`` as ``fmt`` to ``out`` (a file; a folder for ``csv``); returns the
    files written. The default is beside the graph: ``graph.graphml`` … or ``tables/``."""
    from .output import atomic_write

    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "csv":
        folder = out or graph_path.parent / "tables"
        if folder.exists() and not folder.is_dir():
            raise KgError(f"{folder}: the csv export writes a folder of tables; pass a folder to --out")
        written = []
        for name, text in csv_tables(graph_path).items():
            atomic_write(folder / name, text)
            written.append(folder / name)
        return written
    target = out or graph_path.with_suffix({"jsonld": ".jsonld", "nquads": ".nq"}.get(fmt, f".{fmt}"))
    if fmt in ("graphml", "gexf"):
        from .paths import load_projection_graph

        pg = load_projection_graph(graph_path)
        text = graphml_text(pg) if fmt == "graphml" else gexf_text(pg)
    else:
        text = jsonld_text(graph_path) if fmt == "jsonld" else nquads_text(graph_path)
    atomic_write(target, text)
    return [target]
