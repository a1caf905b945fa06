"""The store behind ``kg serve`` and uploads to remote stores (Graph Store Protocol)."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .errors import QueryError


def prepare_store(graph_path: Path) -> Path:
    """The cached on-disk Oxigraph store of the graph file (shared with ``kg query``)."""
    from .store import cache_dir, store_dir

    try:
        return store_dir(graph_path)
    except OSError as exc:
        raise QueryError(f"cannot write the store cache in {cache_dir()}: {exc.strerror or exc}; "
                         "set KG_CACHE_DIR to a writable folder") from None


def push(graph_path: Path, endpoint: str, timeout: float = 120.0) -> list[str]:
    """Upload each named graph with an HTTP PUT (SPARQL 1.1 Graph Store Protocol), replacing it."""
    from rdflib import Graph

    from .graphio import load_dataset
    from .output import serialize_turtle

    if not endpoint.startswith(("http://", "https://")):
        raise QueryError(f"--endpoint {endpoint!r}: expected an http(s) URL of a Graph Store endpoint")
    ds = load_dataset(graph_path)
    pushed = []
    for ctx in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(ctx) == 0 or str(ctx.identifier).startswith("urn:x-rdflib:"):
            continue
        g = Graph()
        for t in ctx:
            g.add(t)
        body = serialize_turtle(g).encode("utf-8")
        url = endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode({"graph": str(ctx.identifier)})
        req = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "text/turtle"})
        try:
            with urllib.request.urlopen(req, timeout=timeout):
                pass
        except urllib.error.HTTPError as exc:
            raise QueryError(f"{endpoint} refused graph {ctx.identifier}: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise QueryError(f"cannot reach {endpoint}: {getattr(exc, 'reason', exc)}") from None
        pushed.append(str(ctx.identifier))
    return pushed
