"""Reading a built graph file back (TriG, N-Quads, Turtle, ...), with clear errors."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from .errors import GraphError
from .namespaces import PREFIXES

FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".n3": "n3"}


def rdf_format(path: Path) -> str:
    """The rdflib parser name for a file, from its extension.

    >>> rdf_format(Path("output/graph.trig"))
    'trig'
    """
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(f"{path}: unknown graph format {path.suffix!r} (use one of {', '.join(sorted(FORMATS))})")
    return fmt


def load_dataset(path: Path) -> Dataset:
    """Parse a graph file into a Dataset (named graphs kept for quad formats)."""
    if not path.exists():
        raise GraphError(f"{path}: no such graph file (run `kg build` first, or pass --graph)")
    if path.is_dir():
        raise GraphError(f"{path}: is a folder; pass the graph file, e.g. {path / 'graph.trig'}")
    fmt = rdf_format(path)
    ds = Dataset(default_union=True)
    for prefix, iri in PREFIXES.items():
        ds.bind(prefix, iri)
    try:
        if fmt in ("trig", "nquads"):
            ds.parse(path, format=fmt)
        else:
            ds.graph(Dataset().default_context.identifier).parse(path, format=fmt)
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
