"""The Python API for notebooks: a built graph with queries, positions, paths and networkx.

The command line calls the same library functions; this module only gives them one object.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef


def _python(term: Any) -> Any:
    """An RDF term as a plain Python value: IRIs as text, literals as their values."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


def _param(value: Any) -> str:
    """A keyword parameter as the ``NAME=VALUE`` text of ``--param``: IRIs in angle brackets."""
    if isinstance(value, URIRef):
        return f"<{value}>"
    return str(value)


class KnowledgeGraph:
    """A built graph file, read with the fast engine (pyoxigraph) through the cached store.

    >>> g = KnowledgeGraph("output/graph.trig")
    >>> g.query("SELECT ?n WHERE { ?a rdfs:label ?n } ORDER BY ?n LIMIT 1", a="Vladimir Putin")
    [{'n': 'Vladimir Putin'}]
    """

    def __init__(self, path: str | Path, engine: str = "auto") -> None:
        from .store import readable_graph

        self.file = Path(path)
        self.engine = engine
        readable_graph(self.file)

    def __repr__(self) -> str:
        return f"KnowledgeGraph({str(self.file)!r})"

    def query(self, sparql: str, tuples: bool = False, **params: Any) -> list[Any]:
        """Run read-only SPARQL with bound parameters (labels, IRIs, ``prefix:local`` names,
        numbers; never pasted into the text). Rows are dicts, or tuples with ``tuples=True``;
        CONSTRUCT returns triples, ASK a one-element list holding the answer.

        >>> KnowledgeGraph("output/graph.trig").query("ASK { ?t a kg:Talks }")
        [True]
        """
        from .query import run_on_file

        result, _labels = run_on_file(self.file, sparql, [f"{k}={_param(v)}" for k, v in params.items()],
                                      engine=self.engine)
        if result.kind == "ASK":
            return [bool(result.boolean)]
        if result.kind == "CONSTRUCT":
            assert result.graph is not None
            return sorted((str(s), str(p), _python(o)) for s, p, o in result.graph)
        rows = [[_python(c) for c in row] for row in result.rows]
        if tuples:
            return [tuple(r) for r in rows]
        return [dict(zip(result.variables, r, strict=True)) for r in rows]

    def positions(self, actor: str | None = None, issue: str | None = None) -> list[dict[str, Any]]:
        """Positions, one row per sentence (holder, side, stance, issue, date, document, quote),
        of an actor (its label, or the side it speaks for) and/or on an issue (code or label).

        >>> rows = KnowledgeGraph("output/graph.trig").positions(actor="Russia", issue="crimea")
        >>> sorted({(r["holder"], r["stance"]) for r in rows})[:2]
        [('Dmitry Peskov', 'accepts'), ('Dmitry Peskov', 'demands')]
        """
        from .export import TABLES

        rows = self.query((TABLES / "positions.rq").read_text(encoding="utf-8"))
        want_actor, want_issue = (actor or "").lower(), (issue or "").lower()
        labels = self._issue_names() if issue else {}
        return [r for r in rows
                if (not actor or want_actor in (str(r["holder"]).lower(), str(r["side"]).lower()))
                and (not issue or want_issue in (str(r["issue"]).lower(), labels.get(str(r["issue"]), "")))]

    def _issue_names(self) -> dict[str, str]:
        rows = self.query("SELECT ?code ?label WHERE { ?i a kg:Issue ; skos:notation ?code ; rdfs:label ?label }")
        return {str(r["code"]): str(r["label"]).lower() for r in rows}

    def path(self, source: str, target: str, k: int = 1, avoid: Sequence[str] = ()) -> list[dict[str, Any]]:
        """The ``k`` shortest paths between two nodes (``HOLDER:ISSUE[:STANCE]``, a label or an
        IRI), each hop with the sentences behind it — what ``kg path --format json`` prints.

        >>> p = KnowledgeGraph("output/graph.trig").path("Vladimir Putin", "Volodymyr Zelensky")[0]
        >>> p["nodes"][0]["label"], p["nodes"][-1]["label"]
        ('Vladimir Putin', 'Volodymyr Zelensky')
        """
        from .paths import load_projection_graph, path_json, resolve, shortest_paths

        pg = load_projection_graph(self.file)
        found = shortest_paths(pg, resolve(pg, source), resolve(pg, target), k=k, avoid=tuple(avoid))
        return path_json(pg, found)["paths"]  # type: ignore[no-any-return]

    def to_networkx(self) -> Any:
        """The projection as a networkx DiGraph with flat attributes (what ``kg export graphml`` writes)."""
        from .export import to_networkx
        from .paths import load_projection_graph

        return to_networkx(load_projection_graph(self.file))
