"""Graph file formats and term conversion shared by the readers, the store and the query engines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef

from .errors import GraphError

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


def from_oxigraph(term: Any) -> Any:
    """An rdflib term for a pyoxigraph term (named node, literal or blank node)."""
    import pyoxigraph as ox
    from rdflib import BNode

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == "http://www.w3.org/2001/XMLSchema#string" else URIRef(dt))
    return BNode(term.value)
