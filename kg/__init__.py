"""Parley: a knowledge graph of actors, positions and issues from news about peace talks.

In a notebook::

    import kg
    kg.build(["corpus"], "output")          # what `kg build corpus --out output` does
    g = kg.load("output/graph.trig")
    g.positions(actor="Russia", issue="crimea")
    g.query("SELECT ?t WHERE { ?t a kg:Talks }")
    g.path("Russia:crimea", "Ukraine:withdrawal")
    g.to_networkx()

Importing ``kg`` is light: the libraries behind each function load when it is called.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import KnowledgeGraph
    from .pipeline import BuildSummary

__all__ = ["build", "load"]


def build(paths: Sequence[str | Path], out: str | Path = "output", **options: Any) -> BuildSummary:
    """Build ``graph.trig``, ``graph.ttl``, ``graph.html`` and ``build.json`` in ``out`` from
    files and folders of articles; ``options`` are those of :func:`kg.pipeline.build`
    (``html``, ``validate_shapes``, ``curation``, ``ontology``, ``wait``).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as out:
    ...     build(["corpus"], out, html=False).documents
    5
    """
    from .pipeline import build as run

    return run([Path(p) for p in paths], Path(out), **options)


def load(path: str | Path = "output/graph.trig", engine: str = "auto") -> KnowledgeGraph:
    """A built graph file, ready for ``query``, ``positions``, ``path`` and ``to_networkx``.

    >>> load("output/graph.trig")
    KnowledgeGraph('output/graph.trig')
    """
    from .api import KnowledgeGraph

    return KnowledgeGraph(path, engine)
