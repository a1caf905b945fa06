"""Reading a built graph file back (TriG, N-Quads, Turtle, ...), with clear errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from .errors import GraphError
from .formats import FORMATS, from_oxigraph, rdf_format  # noqa: F401 (re-exported)
from .namespaces import PREFIXES


def load_dataset(path: Path) -> Dataset:
    """Parse a graph file into a Dataset (named graphs kept for quad formats)."""
    from .store import file_digest

    file_digest(path)  # readable, a regular file, and (with a warning) whole with its build.json
    fmt = rdf_format(path)
    ds = Dataset(default_union=True)
    for prefix, iri in PREFIXES.items():
        ds.bind(prefix, iri)
    try:
        if fmt in ("trig", "nquads"):
            ds.parse(path, format=fmt)
        else:
            from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

            ds.graph(DATASET_DEFAULT_GRAPH_ID).parse(path, format=fmt)
    except PermissionError:
        raise GraphError(f"{path}: permission denied") from None
    except Exception as exc:  # rdflib parsers raise many types
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GraphError(f"{path}: cannot parse as {fmt}: {msg[:200]}") from None
    return ds


def union_of(ds: Dataset) -> Graph:
    """All quads of a dataset as one Graph."""
    g = Graph()
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri)
    for s, p, o, _c in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def load_graph(path: Path) -> Graph:
    """The union of all graphs of a file, as one Graph."""
    return union_of(load_dataset(path))


class StoreView:
    """The few read methods of rdflib's Graph that the projection uses (``value``, ``objects``,
    ``subjects``), answered by a pyoxigraph store whose default graph is the union.

    Parsing with pyoxigraph is an order of magnitude faster than with rdflib, which is what
    makes a cold ``kg path`` on a large graph bearable.
    """

    def __init__(self, store) -> None:  # type: ignore[no-untyped-def]
        import pyoxigraph as ox


        self.store, self.ox, self._from_ox = store, ox, from_oxigraph
        self.default = ox.DefaultGraph()
        # Look-ups repeat the same few predicates and nodes: convert each term once.
        self._to_ox: dict[Any, Any] = {}
        self._to_rdf: dict[Any, Any] = {}

    def _ox(self, term):  # type: ignore[no-untyped-def]
        if term is None:
            return None
        found = self._to_ox.get(term)
        if found is None:
            found = self._to_ox[term] = self._convert_to_ox(term)
        return found

    def _convert_to_ox(self, term):  # type: ignore[no-untyped-def]
        from rdflib import Literal, URIRef

        if isinstance(term, URIRef):
            return self.ox.NamedNode(str(term))
        if isinstance(term, Literal):
            if term.language:
                return self.ox.Literal(str(term), language=term.language)
            if term.datatype is not None:
                return self.ox.Literal(str(term), datatype=self.ox.NamedNode(str(term.datatype)))
            return self.ox.Literal(str(term))
        raise TypeError(term)

    def _rdf(self, term):  # type: ignore[no-untyped-def]
        found = self._to_rdf.get(term)
        if found is None:
            found = self._to_rdf[term] = self._from_ox(term)
        return found

    def _quads(self, s, p, o):  # type: ignore[no-untyped-def]
        return self.store.quads_for_pattern(self._ox(s), self._ox(p), self._ox(o), self.default)

    def value(self, subject=None, predicate=None, object=None):  # type: ignore[no-untyped-def]
        for q in self._quads(subject, predicate, object):
            return self._rdf(q.object if object is None else q.subject)
        return None

    def objects(self, subject=None, predicate=None):  # type: ignore[no-untyped-def]
        return [self._rdf(q.object) for q in self._quads(subject, predicate, None)]

    def subjects(self, predicate=None, object=None):  # type: ignore[no-untyped-def]
        return [self._rdf(q.subject) for q in self._quads(None, predicate, object)]

    def subject_objects(self, predicate=None):  # type: ignore[no-untyped-def]
        return [(self._rdf(q.subject), self._rdf(q.object)) for q in self._quads(None, predicate, None)]

    def __contains__(self, triple) -> bool:  # type: ignore[no-untyped-def]
        return any(True for _ in self._quads(*triple))


def load_view(path: Path) -> StoreView:
    """A fast read-only view of a graph file, for the projection: an in-memory pyoxigraph store
    (faster here than the cached on-disk store, and the projection itself is cached)."""
    from .store import memory_store

    return StoreView(memory_store(path, named_graphs=False))
