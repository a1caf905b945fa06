"""The extraction cache: each document's extraction, kept until the document or the rules change.

An entry is keyed by a hash of the document (body and every header field: the publication
date changes how dates resolve) under a fingerprint of everything that changes results: the
files of the ontology folder, the source of the package's modules (not just its version) and
the NLP pipeline's name and version. An unchanged rebuild re-extracts nothing; one new article
re-extracts one. Entries are written atomically (temp file, rename), so concurrent builds and
killed builds never leave a half-written entry; an entry that does not load is a miss. The
cache lives in ``$KG_CACHE_DIR/extract`` (see :func:`kg.store.cache_dir`); fingerprints not
used for :data:`MAX_AGE_DAYS` days are pruned, and the newest :data:`KEEP` kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from .documents import Document

KEEP = 3
MAX_AGE_DAYS = 30


def cache_root() -> Path:
    from .store import cache_dir

    return cache_dir() / "extract"


@lru_cache(maxsize=8)
def _code_digest() -> str:
    h = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        h.update(str(path.relative_to(package)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def fingerprint(ontology_dir: Path, model: str) -> str:
    """What the extraction of a document depends on besides the document itself."""
    h = hashlib.sha256(_code_digest().encode())
    for path in sorted(p for p in Path(ontology_dir).iterdir() if p.is_file()):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    h.update(model.encode())
    return h.hexdigest()[:32]


def document_key(doc: Document) -> str:
    """A hash of everything of the document that extraction reads."""
    fields = (doc.doc_id, doc.title or "", doc.source or "", doc.publisher or "",
              doc.published.isoformat() if doc.published else "", doc.body)
    h = hashlib.sha256()
    for f in fields:
        h.update(f.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


class ExtractionCache:
    """Get and put extractions under one fingerprint; ``enabled=False`` makes every call a no-op."""

    def __init__(self, fp: str, enabled: bool = True, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else cache_root() / fp
        self.enabled = enabled
        self.hits = 0
        if enabled:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                os.utime(self.folder)  # last use, for pruning
            except OSError:
                self.enabled = False  # no writable cache: extract everything, as without one

    def get(self, doc: Document, kind: str = "") -> Any | None:
        """The entry of ``doc`` (its extraction, or another ``kind`` of per-document result)."""
        if not self.enabled:
            return None
        path = self.folder / f"{document_key(doc)}{kind}.pickle"
        try:
            with path.open("rb") as fh:
                # the cache is the user's own folder, written only by this module
                value = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError, ValueError):
            return None
        if getattr(value, "doc_id", None) != doc.doc_id:
            return None
        self.hits += 1
        return value

    def has(self, doc: Document, kind: str = "") -> bool:
        """Whether ``doc`` has an entry (without loading it)."""
        return self.enabled and (self.folder / f"{document_key(doc)}{kind}.pickle").is_file()

    def put(self, doc: Document, extraction: Any, kind: str = "") -> None:
        if not self.enabled:
            return
        final = self.folder / f"{document_key(doc)}{kind}.pickle"
        try:
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(extraction, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, final)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(tmp)

    def prune(self) -> None:
        """Drop fingerprints unused for :data:`MAX_AGE_DAYS` days, and those beyond the :data:`KEEP`
        newest once unused for an hour (another build may still be using one)."""
        root = self.folder.parent
        with contextlib.suppress(OSError):
            entries = sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
            for rank, old in enumerate(entries):
                age = time.time() - old.stat().st_mtime
                if old != self.folder and (age > MAX_AGE_DAYS * 86400 or (rank >= KEEP and age > 3600)):
                    shutil.rmtree(old, ignore_errors=True)
