"""Per-document analysis and extraction on a Dask distributed cluster (``kg build --scheduler``).

Dask fits a pipeline of independent documents: a scheduler hands each document to a worker,
the client gathers the results in document order and merges them exactly as the local pool
does, so the files are identical. Each worker must run the same extraction code and NLP
pipeline as the client (checked by fingerprint before any work); the ontology folder travels
with the job, so workers need the package, not the client's files.

Dask's default transport (``tcp://``) is unauthenticated and unencrypted: anyone who can reach
the scheduler can run code on its workers. Use it on a private network only, or ``tls://``
addresses with certificates (:func:`security`).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .documents import Document
from .errors import KgError
from .resources import Resources


class ClusterError(KgError):
    """The cluster cannot be reached, or its workers run other code than this client."""


def security(ca_file: Path | None, cert: Path | None, key: Path | None) -> Any:
    """Dask TLS settings from certificate files (all three, or none for plain ``tcp://``)."""
    given = [p for p in (ca_file, cert, key) if p is not None]
    if not given:
        return None
    if len(given) != 3:
        raise ClusterError("TLS needs --tls-ca-file, --tls-cert and --tls-key together")
    for p in given:
        if not Path(p).is_file():
            raise ClusterError(f"{p}: no such certificate file")
    from distributed.security import Security

    return Security(tls_ca_file=str(ca_file), tls_client_cert=str(cert), tls_client_key=str(key), require_encryption=True)


def worker_fingerprint() -> str:
    """What a worker must share with the client: the package's source and the NLP pipeline."""
    from .cache import _code_digest
    from .nlp import model_fingerprint

    return hashlib.sha256(f"{_code_digest()}|{model_fingerprint()}".encode()).hexdigest()[:32]


_LOADED: dict[str, Resources] = {}


def _resources(files: dict[str, bytes]) -> Resources:
    """The resources of an ontology folder sent as file contents, loaded once per worker."""
    from .resources import load_resources

    digest = hashlib.sha256(b"".join(name.encode() + b"\0" + data for name, data in sorted(files.items()))).hexdigest()
    if digest not in _LOADED:
        folder = Path(tempfile.mkdtemp(prefix="parley-ontology-"))
        for name, data in files.items():
            (folder / Path(name).name).write_bytes(data)
        _LOADED[digest] = load_resources(folder)
    return _LOADED[digest]


def extract_remote(doc: Document, files: dict[str, bytes]) -> Any:
    """One document's extraction, run on a worker."""
    from .extract import run_extractors
    from .nlp import prepare

    res = _resources(files)
    return run_extractors(prepare(doc, res), res)


def extract_on_cluster(docs: Sequence[Document], res: Resources, address: str, sec: Any = None) -> Iterator[Any]:
    """The extractions of ``docs``, in order, computed on the cluster at ``address``."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--scheduler needs the distributed extra: pip install 'parley-kg[distributed]'") from None
    try:
        client = Client(address, security=sec, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        mine = worker_fingerprint()
        theirs = client.run(worker_fingerprint)
        if not theirs:
            raise ClusterError(f"the scheduler at {address} has no workers; start some with `dask worker {address}`")
        other = sorted(w for w, fp in theirs.items() if fp != mine)
        if other:
            raise ClusterError(f"{len(other)} worker(s) run other extraction code or another NLP pipeline than this "
                               f"client ({', '.join(other[:3])}); install the same parley-kg version there")
        files = {p.name: p.read_bytes() for p in sorted(Path(res.directory).iterdir()) if p.is_file()}
        (shipped,) = client.scatter([files], broadcast=True)  # once per worker, not once per document
        futures = client.map(extract_remote, list(docs), files=shipped, pure=False)
        for future in futures:
            yield future.result()
    finally:
        client.close()
