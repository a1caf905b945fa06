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
    pushed: list[str] = []
    sizes: dict[str, int] = {}
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
        sizes[str(ctx.identifier)] = len(g)
    if pushed:
        _check_stored(endpoint, pushed[0], sizes[pushed[0]], timeout)
    return pushed


def _check_stored(endpoint: str, graph: str, size: int, timeout: float) -> None:
    """Read one pushed graph back: a server that answers 200 to anything has not stored it."""
    from rdflib import Graph

    url = endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode({"graph": graph})
    req = urllib.request.Request(url, headers={"Accept": "application/n-triples, text/turtle;q=0.9"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            ctype, body = resp.headers.get("Content-Type", ""), resp.read()
        fmt = "nt" if "n-triples" in ctype else "turtle"
        back = len(Graph().parse(data=body.decode("utf-8"), format=fmt))
    except Exception:
        back = -1
    if back != size:
        raise QueryError(f"{endpoint} accepted the upload but does not return graph <{graph}> "
                         f"({size} triples sent); is it a Graph Store Protocol endpoint (e.g. Oxigraph's /store)?")
