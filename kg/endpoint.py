"""A real SPARQL endpoint (Oxigraph's server) and uploads to remote stores (Graph Store Protocol)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .errors import GraphError, QueryError


def oxigraph_binary() -> str:
    """The ``oxigraph`` server binary (PyPI package ``oxigraph``), next to Python or on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.is_file() else shutil.which("oxigraph")
    if not found:
        raise QueryError("the oxigraph server is not installed: pip install 'parley-kg[server]'")
    return found


def prepare_store(graph_path: Path, store_dir: Path | None = None) -> Path:
    """A persistent Oxigraph store holding the graph file, cached by the file's sha256."""
    from .paths import cache_dir

    if not graph_path.is_file():
        raise GraphError(f"{graph_path}: no such graph file (run `kg build` first, or pass --graph)")
    digest = hashlib.sha256(graph_path.read_bytes()).hexdigest()[:24]
    store = store_dir or cache_dir() / f"oxigraph-union-{digest}"
    done = store / ".parley-loaded"
    if done.is_file():
        return store
    if store.exists():
        shutil.rmtree(store)
    store.mkdir(parents=True)
    union = store / "union.nt"
    _write_union(graph_path, union)
    proc = subprocess.run([oxigraph_binary(), "load", "--location", str(store), "--file", str(graph_path), str(union)],
                          capture_output=True, text=True, check=False)
    union.unlink(missing_ok=True)
    if proc.returncode != 0:
        shutil.rmtree(store, ignore_errors=True)
        msg = (proc.stderr or proc.stdout).strip().splitlines()
        raise GraphError(f"oxigraph could not load {graph_path}: {msg[-1] if msg else proc.returncode}")
    done.write_text(str(graph_path), encoding="utf-8")
    return store


def _write_union(graph_path: Path, out: Path) -> None:
    """The distinct triples of all named graphs, as N-Triples for the store's default graph.

    Oxigraph's ``--union-default-graph`` is a bag (a triple in 30 document graphs matches 30
    times); a default graph holding the set union answers like rdflib and ``kg query``.
    """
    import pyoxigraph as ox

    from .query import load_oxigraph

    store = load_oxigraph(graph_path)  # its default graph is the union
    triples = [ox.Triple(q.subject, q.predicate, q.object)
               for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    out.write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")


def serve_command(store: Path, host: str, port: int) -> list[str]:
    return [oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}"]


def serve(graph_path: Path, host: str = "127.0.0.1", port: int = 7878, echo=print) -> int:  # type: ignore[no-untyped-def]
    """Serve the graph read-only until Ctrl-C; returns the server's exit code."""
    store = prepare_store(graph_path)
    proc = subprocess.Popen(serve_command(store, host, port))
    echo(f"SPARQL endpoint: http://{host}:{port}/query (read-only, default graph = union of named graphs); "
         "Ctrl-C stops it")
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        return 0


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
