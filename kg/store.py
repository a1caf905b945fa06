"""Oxigraph stores of a graph file: the engine behind ``kg query``, ``kg serve`` and ``kg path``.

A store holds every named graph of the file and, in its default graph, their union as a set
(Oxigraph's own union-default-graph mode is a bag: a triple in 30 document graphs would
match 30 times, multiplying rows and time in joins).

Stores are kept on disk (RocksDB) in the cache directory, keyed by the file's sha256, so
that only the first query of a graph pays for loading it: at 1M triples that load takes
about 40 s, opening the cached store a tenth of a second. On-disk stores are also much
faster to query than pyoxigraph's in-memory store, which walks every quad of a subject
across all graphs to answer a ``?s p ?o`` lookup with ``?s`` bound. When the cache cannot
be written the graph is loaded into memory instead (slower, same answers).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from .errors import GraphError, QueryError

MARKER = ".parley-store"
KEEP = 4  # cached stores kept; older ones (by last use) are removed
IDLE = 3600  # seconds unused before a store may be removed


def cache_dir() -> Path:
    """``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/parley``, else ``~/.cache/parley``."""
    base = os.environ.get("KG_CACHE_DIR") or os.path.join(os.environ.get("XDG_CACHE_HOME")
                                                          or os.path.expanduser("~/.cache"), "parley")
    return Path(base)


MEMO_MIN_BYTES = 8 << 20  # smaller files are hashed faster than the memo is read


def file_digest(graph_path: Path) -> str:
    """The sha256 of a graph file, with a friendly error when it cannot be read.

    Digests of large files are remembered in the cache by path, size, modification time and
    inode, so an unchanged 100 MB graph is not re-read by every command (0.25 s). As in git's
    "racy" rule, a digest is only remembered once the file is two seconds old, so a rewrite
    within the file system's timestamp granularity cannot reuse it.
    """
    st = readable_graph(graph_path)
    key = f"{graph_path.resolve()}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}"
    memo = cache_dir() / "digests.json"
    known: dict[str, str] = {}
    if st.st_size >= MEMO_MIN_BYTES:
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads(memo.read_text(encoding="utf-8"))
            known = loaded if isinstance(loaded, dict) else {}
        if isinstance(known.get(key), str):
            warn_if_incomplete(graph_path, known[key])
            return known[key]
    digest = _sha256(graph_path)
    warn_if_incomplete(graph_path, digest)
    if st.st_size >= MEMO_MIN_BYTES and time.time() - st.st_mtime > 2:
        from .output import atomic_write

        known = dict(list(known.items())[-63:]) | {key: digest}  # bounded
        with contextlib.suppress(Exception):  # a memo that cannot be written only costs time
            atomic_write(memo, json.dumps(known, indent=0, sort_keys=True))
    return digest


def readable_graph(graph_path: Path) -> os.stat_result:
    """The file's status, or a friendly error when it is missing, a folder, not a regular file
    (a FIFO or a device would hang or never end) or unreadable."""
    import stat

    try:
        st = graph_path.stat()
    except FileNotFoundError:
        raise GraphError(f"{graph_path}: no such graph file (run `kg build` first, or pass --graph)") from None
    except OSError as exc:
        raise GraphError(f"{graph_path}: cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise GraphError(f"{graph_path}: is a folder; pass the graph file, e.g. {graph_path / 'graph.trig'}")
    if not stat.S_ISREG(st.st_mode):
        raise GraphError(f"{graph_path}: not a regular file (a pipe or a device); pass a graph file")
    try:
        with graph_path.open("rb"):
            return st
    except OSError as exc:
        raise GraphError(f"{graph_path}: cannot read ({exc.strerror})") from None


def warn_if_incomplete(graph_path: Path, digest: str | None = None) -> None:
    """Warn when the graph file belongs to an output set that is not whole (see :mod:`kg.outputset`)."""
    import warnings

    from .errors import KgWarning
    from .outputset import check_set

    problem = check_set(graph_path, digest)
    if problem:
        warnings.warn(KgWarning(problem), stacklevel=2)


def _sha256(graph_path: Path) -> str:
    h = hashlib.sha256()
    try:
        with graph_path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError as exc:
        raise GraphError(f"{graph_path}: cannot read ({exc.strerror})") from None
    return h.hexdigest()


def _format(graph_path: Path):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    from .formats import rdf_format

    fmt = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE,
           "nt": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML, "n3": ox.RdfFormat.N3}.get(rdf_format(graph_path))
    if fmt is None:
        raise QueryError(f"{graph_path}: the oxigraph engine cannot read this format; use --engine rdflib")
    return fmt


def _quads_with_union(graph_path: Path, named_graphs: bool = True):  # type: ignore[no-untyped-def]
    """Every quad of the file (unless not ``named_graphs``), and each in the default graph (a set)."""
    import pyoxigraph as ox

    default = ox.DefaultGraph()
    for q in ox.parse(path=str(graph_path), format=_format(graph_path)):
        if isinstance(q.graph_name, ox.DefaultGraph):
            yield q
            continue
        if named_graphs:
            yield q
        yield ox.Quad(q.subject, q.predicate, q.object, default)


def _fill(store: Any, graph_path: Path, named_graphs: bool = True) -> None:
    try:
        store.bulk_extend(_quads_with_union(graph_path, named_graphs))
    except (SyntaxError, ValueError) as exc:
        raise GraphError(f"{graph_path}: cannot parse as {graph_path.suffix.lstrip('.') or 'RDF'}: "
                         f"{str(exc).splitlines()[0][:200]}") from None


def memory_store(graph_path: Path, named_graphs: bool = True):  # type: ignore[no-untyped-def]
    """An in-memory store of a graph file (no cache); without ``named_graphs`` it holds only the
    union, which is all that the projection reads and makes its look-ups cheaper."""
    import pyoxigraph as ox

    readable_graph(graph_path)
    store = ox.Store()
    _fill(store, graph_path, named_graphs)
    return store


def store_dir(graph_path: Path) -> Path:
    """The cached on-disk store of a graph file, built on first use.

    A store is built in a temporary directory and renamed into place, so an interrupted build
    never leaves a half-loaded store; when another process published the same store first,
    its store is used and ours dropped. A published store is never removed while it may be in
    use: a damaged one is renamed aside (:func:`quarantine`), old ones are pruned only after
    an hour unused.
    """
    import pyoxigraph as ox

    final = cached_folder(graph_path)  # the engine's version is in the name: never opened by another
    if (final / MARKER).is_file():
        with contextlib.suppress(OSError):
            (final / MARKER).touch()  # last use, for pruning
        return final
    _format(graph_path)  # refuse an unreadable format before doing any work
    final.parent.mkdir(parents=True, exist_ok=True)
    if final.exists():  # a folder without its marker was not published by us: set it aside
        quarantine(final)
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=final.parent))
    try:
        store = ox.Store(str(tmp))
        _fill(store, graph_path)
        store.optimize()  # one compaction after the bulk load halves the time of lookups in queries
        del store  # closes the database before the rename
        (tmp / MARKER).write_text(json.dumps({"graph": str(graph_path), "files": _sizes(tmp)}), encoding="utf-8")
        try:
            tmp.rename(final)
        except OSError:
            if not (final / MARKER).is_file():  # not a concurrent build that won the race
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(final.parent, keep=final)
    return final


def _sizes(folder: Path) -> dict[str, int]:
    """The sizes of a store's files (tables, manifest; not its logs), to notice truncation on open."""
    return {p.name: p.stat().st_size for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith(("LOG", "LOCK", MARKER))}


def intact(folder: Path) -> bool:
    """Whether the store's table files are all there at the sizes they were written with."""
    try:
        recorded = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        files = recorded["files"] if isinstance(recorded, dict) else None
    except (OSError, ValueError, KeyError):
        return False
    if not isinstance(files, dict):
        return False
    try:
        return all((folder / name).stat().st_size == size for name, size in files.items())
    except OSError:
        return False


def quarantine(folder: Path) -> None:
    """Move a damaged store aside (processes that have it open keep their files); pruned later."""
    with contextlib.suppress(OSError):
        folder.rename(folder.parent / f".damaged-{folder.name}-{os.getpid()}-{time.monotonic_ns()}")


def _prune(folder: Path, keep: Path) -> None:
    """Keep the :data:`KEEP` most recently used stores; drop builds a killed process left behind
    and damaged stores set aside. Nothing used within the last hour is removed: another
    process may have it open."""
    for stale in [*folder.glob(".building-*"), *folder.glob(".damaged-*")]:
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > IDLE:
                shutil.rmtree(stale, ignore_errors=True)
    stores = sorted((p for p in folder.glob("oxigraph-*") if (p / MARKER).is_file()),
                    key=lambda p: (p / MARKER).stat().st_mtime, reverse=True)
    for old in [p for p in stores if p != keep][KEEP - 1:]:
        with contextlib.suppress(OSError):
            if time.time() - (old / MARKER).stat().st_mtime > IDLE:
                shutil.rmtree(old, ignore_errors=True)


def open_store(graph_path: Path, use_cache: bool = True):  # type: ignore[no-untyped-def]
    """A read-only store of a graph file: the cached on-disk store, else an in-memory one.

    A cached store whose files are missing or cut short, or that fails to open, is moved
    aside and built again once, with a warning.
    """
    import pyoxigraph as ox

    if not use_cache:
        return memory_store(graph_path)
    for attempt in (1, 2):
        try:
            folder = store_dir(graph_path)
        except OSError:
            return memory_store(graph_path)  # no writable cache
        try:
            if intact(folder):
                return ox.Store.read_only(str(folder))
        except (OSError, RuntimeError):  # RocksDB reports corruption as RuntimeError
            pass
        if attempt == 2:
            raise GraphError(f"the store cache in {cache_dir()} keeps failing; remove that folder or set KG_CACHE_DIR")
        damaged(folder)
    raise AssertionError("unreachable")


def cached_folder(graph_path: Path) -> Path:
    """Where the cached store of a graph file is (whether or not it exists)."""
    import pyoxigraph as ox

    return cache_dir() / f"oxigraph-{ox.__version__}-{file_digest(graph_path)[:32]}"


def damaged(folder: Path) -> None:
    """Set a store found damaged aside, saying so; the next :func:`store_dir` builds it again."""
    import warnings

    from .errors import KgWarning

    warnings.warn(KgWarning(f"the cached store {folder.name} could not be opened or was damaged; it was set aside and is built again"),
                  stacklevel=2)
    quarantine(folder)
