"""The whole pipeline: corpus → documents → extraction → RDF → SHACL → output files."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import ExtractionCache
from .documents import Document
from .errors import CorpusError
from .extract import Extraction, run_extractors
from .nlp import prepare
from .readers import read_corpus
from .resources import Resources, load_resources

if TYPE_CHECKING:
    from .fragments import FragmentMaker

Progress = Callable[[str], None]
#: Maps, validates and renders documents with their extractions (:meth:`kg.fragments.FragmentMaker.render`).
Render = Callable[[list[Document], list[Extraction]], list[Any]]


@dataclass
class BuildSummary:
    documents: int
    actors: int
    issues: int
    positions: int
    talks: int
    triples: int
    seconds: float
    out_dir: str
    files: list[str] = field(default_factory=list)
    empty_documents: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def line(self) -> str:
        skipped = f" ({len(self.skipped)} skipped)" if self.skipped else ""
        return (f"{self.documents} documents{skipped}, {self.actors} actors, {self.issues} issues, "
                f"{self.positions} positions, {self.talks} talks, {self.triples} triples "
                f"in {self.seconds:.2f} s")


def extract_corpus(docs: Sequence[Document], res: Resources, progress: Progress | None = None,
                   workers: int | None = 1, cache: ExtractionCache | None = None,
                   tick: Callable[[int, int], None] | None = None, scheduler: str | None = None,
                   security: Any = None, each: Callable[[int, Extraction, Any], None] | None = None,
                   render: Render | None = None) -> list[Extraction]:
    """Analyse and extract each document, in document order.

    Documents found in ``cache`` are not analysed again; the others run in ``workers``
    processes (``None``: the CPUs, once there are enough documents to repay starting them),
    each with the NLP pipeline loaded once, or on the Dask cluster at ``scheduler``
    (:mod:`kg.cluster`), and are merged in document order, so the result does not depend on
    where they ran. ``tick(done, total)`` reports the documents done; ``each(i, extraction,
    fragment)`` gets each document's extraction as soon as it is there (cached ones first), while
    the workers go on. With ``render`` (:meth:`kg.fragments.FragmentMaker.render`) the local
    workers also map, validate and render their documents and pass the fragment (else ``None``).
    """
    out: list[Extraction | None] = [None] * len(docs)
    todo = []
    for i, doc in enumerate(docs):
        hit = cache.get(doc) if cache is not None else None
        if hit is not None:
            out[i] = hit
            if each:
                each(i, hit, None)
        else:
            todo.append(i)
    if tick:
        tick(len(docs) - len(todo), len(docs))
    pending = [docs[i] for i in todo]
    if scheduler and pending:
        from .cluster import extract_on_cluster

        extracted: Iterator[tuple[Extraction, Any]] = ((ex, None) for ex in
                                                       extract_on_cluster(pending, res, scheduler, security))
    else:
        extracted = _extract_many(pending, res, choose_workers(workers, len(todo)), render)
    for done, (i, (ex, fragment)) in enumerate(zip(todo, extracted, strict=True), start=1):
        out[i] = ex
        if cache is not None:
            cache.put(docs[i], ex)  # before ``each``, which may change it (curation)
        if each:
            each(i, ex, fragment)
        if tick:
            tick(len(docs) - len(todo) + done, len(docs))
        if progress and (done % 50 == 0 or done == len(todo)):
            progress(f"extracted {done}/{len(todo)} documents" + (f" ({len(docs) - len(todo)} from the cache)"
                                                                  if len(todo) < len(docs) else ""))
    return [ex for ex in out if ex is not None]


#: Below this many documents to extract, one process is faster than starting workers.
MIN_DOCS_PER_WORKER = 20


def choose_workers(workers: int | None, todo: int) -> int:
    """The number of processes for ``todo`` documents: ``workers``, or automatic for ``None``.

    >>> choose_workers(None, 5), choose_workers(3, 5), choose_workers(4, 1)
    (1, 3, 1)
    """
    import os

    if workers is None:
        workers = (os.cpu_count() or 1) if todo >= 2 * MIN_DOCS_PER_WORKER else 1
    return max(1, min(workers, todo))


_WORKER_RES: Resources | None = None
_WORKER_RENDER: Render | None = None


def _extract_chunk(docs: list[Document]) -> list[tuple[Extraction, Any]]:
    """In a worker: the extractions of some documents and, with a renderer, their fragments (one
    SHACL run for the chunk)."""
    assert _WORKER_RES is not None
    extractions = [run_extractors(prepare(doc, _WORKER_RES), _WORKER_RES) for doc in docs]
    fragments = _WORKER_RENDER(docs, extractions) if _WORKER_RENDER else [None] * len(docs)
    return list(zip(extractions, fragments, strict=True))


def _extract_many(docs: Sequence[Document], res: Resources, workers: int,
                  render: Render | None = None) -> Iterator[tuple[Extraction, Any]]:
    """(extraction, fragment or None) of ``docs`` in order, from ``workers`` forked processes that
    share the loaded resources and NLP pipeline (copy-on-write) instead of loading their own."""
    global _WORKER_RES, _WORKER_RENDER
    if workers <= 1:
        for doc in docs:
            yield run_extractors(prepare(doc, res), res), None  # the client maps them in batches
        return
    import multiprocessing

    from .nlp import load_nlp

    load_nlp()  # loaded once here, inherited by every worker
    _WORKER_RES, _WORKER_RENDER = res, render
    size = max(1, min(16, len(docs) // (workers * 4)))  # documents per task: one SHACL run each
    chunks = [list(docs[i:i + size]) for i in range(0, len(docs), size)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for results in pool.imap(_extract_chunk, chunks):
                yield from results
    finally:
        _WORKER_RES, _WORKER_RENDER = None, None


def build(paths: Sequence[Path], out_dir: Path, ontology: Path | None = None, *, html: bool = True,
          validate_shapes: bool = True, curation: bool = True, progress: Progress | None = None,
          wait: bool = False, skip_bad: bool = False, fields: dict[str, str] | None = None,
          warn: Progress | None = None, workers: int | None = None, use_cache: bool = True,
          tick: Callable[[int, int], None] | None = None, scheduler: str | None = None,
          security: Any = None) -> BuildSummary:
    """Build ``graph.trig``, ``graph.ttl``, ``graph.nq``, ``graph.html`` and ``build.json`` in ``out_dir`` from
    ``paths``, replaced as one set (:mod:`kg.outputset`); another build writing to the same
    folder is an error unless ``wait``."""
    from .output import ensure_dir
    from .outputset import locked

    ensure_dir(out_dir)
    with locked(out_dir, wait):
        return _build(paths, out_dir, ontology, html=html, validate_shapes=validate_shapes, curation=curation,
                      progress=progress, skip_bad=skip_bad, fields=fields or {}, warn=warn, workers=workers,
                      use_cache=use_cache, tick=tick, scheduler=scheduler, security=security)


def _build(paths: Sequence[Path], out_dir: Path, ontology: Path | None, *, html: bool, validate_shapes: bool,
           curation: bool, progress: Progress | None, skip_bad: bool, fields: dict[str, str],
           warn: Progress | None, workers: int | None, use_cache: bool,
           tick: Callable[[int, int], None] | None, scheduler: str | None, security: Any) -> BuildSummary:
    from .outputset import MANIFEST, preflight, write_set

    start = time.perf_counter()
    preflight(out_dir, ["graph.trig", "graph.ttl", "graph.nq", "graph.html", MANIFEST])  # fail before the work, not after
    res = load_resources(ontology)
    docs, skipped = read_corpus(list(paths), fields, skip_bad)
    for bad in skipped:
        if warn:
            warn(f"skipped {bad.where}: {bad.reason}")
    if not docs:
        raise CorpusError(f"no document could be read ({len(skipped)} skipped); see the warnings above")
    from .cache import fingerprint
    from .fragments import FragmentMaker, fragment_store
    from .nlp import model_fingerprint

    cache = ExtractionCache(fingerprint(res.directory, model_fingerprint()), enabled=use_cache)
    rows = None
    if curation:
        from .curation import read_curation

        rows = read_curation(res.directory, res)
    with fragment_store(cache) as store:
        # each document is mapped, validated and rendered as its extraction arrives, while the
        # workers extract the next ones
        maker = FragmentMaker(docs, res, store, validate_shapes=validate_shapes, curation=rows)
        extractions = extract_corpus(docs, res, progress, workers, cache, tick, scheduler, security, each=maker.add,
                                     render=maker.render)
        maker.finish()
        cache.prune()
        if progress and maker.made:
            progress(f"mapped {maker.made} documents ({len(docs) - maker.made} from the cache)")
        files, triples = graph_files(maker, extractions, out_dir, html=html)
    empty = [ex.doc_id for ex in extractions if not (ex.positions or ex.talks or ex.relations)]
    positions = {(p.holder, p.stance, p.issue) for ex in extractions for p in ex.positions}
    actors = {p[0] for p in positions} | {a for ex in extractions for t in ex.talks for a in t.participants}
    issues = {p[2] for p in positions} | {code for ex in extractions for t in ex.talks for code in t.agreed}
    from .mapping import talks_iri

    summary = BuildSummary(
        documents=len(docs),
        actors=len(actors),
        issues=len(issues),
        positions=len(positions),
        talks=len({talks_iri(t) for ex in extractions for t in ex.talks}),
        triples=triples,
        seconds=0.0,
        out_dir=str(out_dir),
        files=sorted(files),
        empty_documents=empty,
        skipped=[f"{b.where}: {b.reason}" for b in skipped],
    )
    written: dict[str, bytes | Path] = dict(files)
    written[MANIFEST] = manifest(docs, files, [(b.where, b.reason) for b in skipped]).encode("utf-8")
    summary.files = sorted(written)
    write_set(out_dir, written, remove=("graph.html",))
    summary.seconds = time.perf_counter() - start
    return summary


def graph_files(maker: FragmentMaker, extractions: Sequence[Extraction], out_dir: Path, *,
                html: bool = True) -> tuple[dict[str, Path], int]:
    """Write the graph files (``graph.trig``, ``graph.ttl``, ``graph.nq``, ``graph.html``) to their
    staged paths in ``out_dir`` (:func:`kg.outputset.staged`) from the fragments of ``maker`` and
    a merged graph made and validated now; returns them and the number of distinct triples."""
    from .fragments import write_graph_files
    from .outputset import staged

    parts = maker.parts(extractions)
    files = {name: staged(out_dir, name) for name in ("graph.trig", "graph.ttl", "graph.nq")}
    with (files["graph.trig"].open("w", encoding="utf-8") as trig, files["graph.ttl"].open("w", encoding="utf-8") as ttl,
          files["graph.nq"].open("w", encoding="utf-8") as nq):
        triples = write_graph_files(parts, trig, ttl, nq)
    if html:
        from .viz import render_turtle_html

        files["graph.html"] = staged(out_dir, "graph.html")
        files["graph.html"].write_text(render_turtle_html(files["graph.ttl"]), encoding="utf-8")
    return files, triples


def manifest(docs: Sequence[Document], files: Mapping[str, bytes | Path], skipped: Sequence[tuple[str, str]] = ()) -> str:
    """``build.json``: the inputs with their hashes, skipped inputs, versions, each output's sha256.

    Deterministic (no timings, no absolute paths): ``output/`` is committed.
    """
    import os
    from importlib.metadata import PackageNotFoundError, version

    from .nlp import model_fingerprint
    from .outputset import sha256

    def where(path: str | None) -> str | None:
        if path is None:
            return None
        p = Path(path)
        with_cwd = os.path.relpath(p.resolve(), Path.cwd()) if p.is_absolute() else str(p)
        return with_cwd if not with_cwd.startswith("..") else p.name

    versions = {}
    for package in ("parley-kg", "rdflib", "spacy", "pyoxigraph", "pyshacl"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "unknown"
    versions["spacy-model"] = model_fingerprint()
    data = {
        "inputs": [{"document": d.doc_id, "path": where(d.path), "body_sha256": d.sha256,
                    "published": d.published.isoformat() if d.published else None} for d in docs],
        "skipped": [{"input": name, "reason": reason} for name, reason in skipped],
        "versions": versions,
        "files": {name: sha256(data) for name, data in sorted(files.items())},
    }
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def stderr_progress(msg: str) -> None:
    print(msg, file=sys.stderr)


def summary_json(summary: BuildSummary) -> str:
    return json.dumps(asdict(summary), indent=2, sort_keys=True)
