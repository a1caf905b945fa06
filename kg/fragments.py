"""Each document's part of the output files, made once and cached, then merged into whole files.

A build maps every document to its named graph (:func:`kg.mapping.document_graph`), renders it
once as sorted Turtle terms and N-Quads lines (a :class:`Fragment`) and validates it against the
shapes; the fragment is cached beside the document's extraction. The files are then merged from
the fragments without rdflib: the TriG file is the documents' blocks in graph order, the Turtle
file a merge of their sorted triples (a position stated in many documents is written once, with
all its evidence), the N-Quads file a merge of their sorted lines. Only the ontology and the
merged graph (:func:`kg.mapping.merged_graph`) are made from scratch on every build, so an
unchanged rebuild or one with a single new article costs little more than reading the cache.

The files are byte-identical to serialising the whole dataset (:func:`kg.output.serialize_trig`,
:func:`kg.output.serialize_turtle`); a test compares.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from rdflib import Graph

from .output import Keyed, graph_block, keyed_triples, prefixes, render_keyed, trig_header

T = TypeVar("T")

#: Triples (and N-Quads lines) sorted in memory before they are spilled to a temporary run file;
#: the files are merged from the runs, one item of each run in memory at a time.
RUN_SIZE = 400_000


@dataclass(frozen=True)
class Fragment:
    """One named graph, rendered: its sorted keyed triples (see :func:`kg.output.keyed_triples`)."""

    doc_id: str
    graph: str
    triples: list[Keyed]


def make_fragment(doc_id: str, g: Graph) -> Fragment:
    """Render the named graph ``g`` (its identifier names it) of document ``doc_id``.

    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph(identifier=URIRef("https://example.org/g"))
    >>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
    >>> make_fragment("d", g).triples
    [('0https://example.org/a', '<https://example.org/a>', '1https://example.org/p', '<https://example.org/p>', '1x', '"x"')]
    """
    return Fragment(doc_id, str(g.identifier), keyed_triples(g, prefixes()))


def trig_block(fragment: Fragment) -> str:
    return graph_block(fragment.graph, fragment.triples, prefixes()) if fragment.triples else ""


def nquads_lines(block: str) -> list[str]:
    """The N-Quads lines of one TriG block, as pyoxigraph writes them, sorted."""
    import pyoxigraph as ox

    quads = ox.parse((trig_header(prefixes()) + block).encode("utf-8"), format=ox.RdfFormat.TRIG)
    return sorted({f"{q} .\n" for q in quads})


def iter_trig(blocks: Iterable[str]) -> Iterator[str]:
    """The TriG file, in pieces, of graph blocks given in the order of their graphs' IRIs."""
    yield trig_header(prefixes()).rstrip("\n") + "\n"
    for block in blocks:
        if block:
            yield "\n" + block.rstrip("\n") + "\n"


def iter_turtle(triples: Iterable[Keyed]) -> Iterator[str]:
    """The Turtle file, in pieces, of keyed triples in sorted order (repeats written once)."""
    yield trig_header(prefixes()).rstrip("\n") + "\n"
    subject: list[Keyed] = []
    for triple in triples:
        if subject and triple[:2] != subject[0][:2]:
            yield "\n" + render_keyed(subject)[0] + "\n"
            subject = []
        subject.append(triple)
    if subject:
        yield "\n" + render_keyed(subject)[0] + "\n"


def unique(items: Iterable[T]) -> Iterator[T]:
    """Sorted ``items`` without repeats."""
    last: Any = object()
    for item in items:
        if item != last:
            yield item
            last = item


class Runs:
    """Sorted runs spilled to temporary files and merged back (an external merge sort), so that
    the whole corpus's triples are never in memory at once."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder, self.name = folder, name
        self.paths: list[Path] = []
        self.buffer: list[Any] = []

    def add(self, items: Iterable[Any]) -> None:
        self.buffer.extend(items)
        if len(self.buffer) >= RUN_SIZE:
            self.spill()

    def spill(self) -> None:
        if not self.buffer:
            return
        path = self.folder / f"{self.name}-{len(self.paths)}"
        items = sorted(set(self.buffer))
        with path.open("wb") as fh:
            for start in range(0, len(items), 4096):
                pickle.dump(items[start:start + 4096], fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.paths.append(path)
        self.buffer = []

    def merged(self) -> Iterator[Any]:
        self.spill()
        handles = [p.open("rb") for p in self.paths]
        try:
            yield from unique(heapq.merge(*(_read_run(fh) for fh in handles)))
        finally:
            for fh in handles:
                fh.close()


def _read_run(fh: IO[bytes]) -> Iterator[Any]:
    while True:
        try:
            yield from pickle.load(fh)
        except EOFError:
            return


def write_graph_files(parts: Sequence[tuple[str, Callable[[], Fragment]]], trig: IO[str], turtle: IO[str],
                      nquads: IO[str]) -> int:
    """Write the TriG, Turtle and N-Quads files of the named graphs ``parts`` ((graph IRI, loader)
    pairs; each fragment is loaded once, in the order of the graphs) and return the number of
    distinct triples of their union. Memory holds one run (:data:`RUN_SIZE`), not the corpus.
    """
    with tempfile.TemporaryDirectory(prefix="parley-merge-") as tmp:
        triples, lines = Runs(Path(tmp), "triples"), Runs(Path(tmp), "nquads")

        def blocks() -> Iterator[str]:
            for _graph, load in sorted(parts, key=lambda part: part[0]):
                fragment = load()
                block = trig_block(fragment)
                triples.add(fragment.triples)
                lines.add(nquads_lines(block) if block else [])
                yield block

        trig.writelines(iter_trig(blocks()))
        count = 0

        def counted(items: Iterator[Keyed]) -> Iterator[Keyed]:
            nonlocal count
            for item in items:
                count += 1
                yield item

        turtle.writelines(iter_turtle(counted(triples.merged())))
        nquads.writelines(lines.merged())
    return count
