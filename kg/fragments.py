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

import contextlib
import heapq
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

from rdflib import Graph

from .output import Keyed, graph_block, keyed_triples, prefixes, render_keyed, trig_header

if TYPE_CHECKING:
    from .cache import ExtractionCache
    from .curation import CurationRow
    from .documents import Document
    from .extract import Extraction
    from .resources import Resources

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


#: Documents validated in one SHACL run: large enough to share the run's fixed cost, small enough
#: that their rdflib graphs do not hold much memory.
VALIDATION_BATCH = 200


@contextlib.contextmanager
def fragment_store(cache: ExtractionCache) -> Iterator[ExtractionCache]:
    """Where fragments go: the cache, or without one a temporary folder of the build's own (the
    fragments of a large corpus do not fit in memory)."""
    from .cache import ExtractionCache

    if cache.enabled:
        yield cache
        return
    with tempfile.TemporaryDirectory(prefix="parley-fragments-") as tmp:
        yield ExtractionCache("", folder=Path(tmp))


class FragmentMaker:
    """Makes the fragment of each document given to :meth:`add` that the store lacks: applies the
    curation rows of the document, maps it (:func:`kg.mapping.document_graph`), validates it with
    the ontology in batches of :data:`VALIDATION_BATCH` and stores the fragment. Fragments
    validated once serve builds without validation too."""

    def __init__(self, docs: Sequence[Document], res: Resources, store: ExtractionCache, *,
                 validate_shapes: bool = True, curation: list[CurationRow] | None = None) -> None:
        from .mapping import ontology_graph
        from .resources import SHAPES_FILE

        self.docs, self.res, self.store, self.validate_shapes = docs, res, store, validate_shapes
        base = "-graph" if curation is not None else "-graph-uncurated"
        self.kinds = [base] if validate_shapes else [base, base + "-unvalidated"]
        self.curation: dict[str, list[CurationRow]] = {}
        for row in curation or []:
            self.curation.setdefault(row.doc, []).append(row)
        self.extractions: dict[int, Extraction] = {}
        self.pending: list[int] = []
        self.made = 0
        self.ontology = ontology_graph(res)
        self.shapes = res.directory / SHAPES_FILE  # the shapes of the ontology folder the build uses

    def add(self, i: int, extraction: Extraction, fragment: Fragment | None = None) -> None:
        """The extraction of document ``i`` is there (and its fragment, when a worker made it)."""
        doc = self.docs[i]
        self.extractions[i] = self._curated(doc, extraction, in_place=True)
        if fragment is not None:
            self.store.put(doc, fragment, self.kinds[-1])
            self.made += 1
        elif not any(self.store.has(doc, kind) for kind in self.kinds):
            self.pending.append(i)
            if len(self.pending) >= VALIDATION_BATCH:
                self.flush()

    def _curated(self, doc: Document, extraction: Extraction, in_place: bool = False) -> Extraction:
        from dataclasses import replace

        from .curation import apply_curation

        if doc.doc_id not in self.curation:
            return extraction
        if not in_place:  # a worker's copy: the extraction itself is cached uncurated
            extraction = replace(extraction, positions=list(extraction.positions))
        apply_curation(self.curation[doc.doc_id], [doc], [extraction])
        return extraction

    def render(self, docs: list[Document], extractions: list[Extraction], curated: bool = False) -> list[Fragment]:
        """The fragments of ``docs`` (curated unless ``curated`` already, mapped, validated in one SHACL
        run, rendered), without storing them: what a worker process sends back beside the extractions."""
        from .mapping import document_graph
        from .validate import check, validate_documents

        graphs = [document_graph(d, ex if curated else self._curated(d, ex), self.res)
                  for d, ex in zip(docs, extractions, strict=True)]
        if self.validate_shapes and graphs:
            check(validate_documents(self.ontology, graphs, self.shapes))
        return [make_fragment(d.doc_id, g) for d, g in zip(docs, graphs, strict=True)]

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        fragments = self.render([self.docs[i] for i in batch], [self.extractions[i] for i in batch], curated=True)
        for i, fragment in zip(batch, fragments, strict=True):
            self.store.put(self.docs[i], fragment, self.kinds[-1])
        self.made += len(batch)

    def finish(self) -> None:
        self.flush()

    def load(self, i: int) -> Fragment:
        for kind in self.kinds:
            frag = self.store.get(self.docs[i], kind)
            if isinstance(frag, Fragment):
                return frag
        # gone from the store (another build pruned it, or the store is not writable): mapped
        # again, exactly as when it was validated
        from .mapping import document_graph

        return make_fragment(self.docs[i].doc_id, document_graph(self.docs[i], self.extractions[i], self.res))

    def parts(self, extractions: Sequence[Extraction]) -> list[tuple[str, Callable[[], Fragment]]]:
        """Every graph of the dataset as (graph IRI, loader): the documents', the ontology and the
        merged graph, made and validated now from all ``extractions``."""
        from functools import partial

        from .mapping import doc_graph, merged_graph
        from .validate import check, validate_merged

        merged = merged_graph(list(self.docs), list(extractions), self.res)
        if self.validate_shapes:
            check(validate_merged(merged, self.shapes))
        fixed = [make_fragment("", self.ontology), make_fragment("", merged)]
        out: list[tuple[str, Callable[[], Fragment]]] = [(str(doc_graph(d.doc_id)), partial(self.load, i))
                                                         for i, d in enumerate(self.docs)]
        return out + [(f.graph, partial(_same, f)) for f in fixed]


def _same(fragment: Fragment) -> Fragment:
    return fragment
