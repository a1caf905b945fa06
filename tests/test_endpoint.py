"""A real Oxigraph server on loopback: kg serve, kg query --endpoint, kg push."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.endpoint import oxigraph_binary
from kg.errors import QueryError
from kg.query import bundled_queries, run_on_file, run_remote

ROOT = Path(__file__).resolve().parent.parent

try:
    OXIGRAPH: str | None = oxigraph_binary()
except QueryError:
    OXIGRAPH = None
pytestmark = [pytest.mark.server, pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server is not installed")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("server did not start")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def normalise(rows):  # type: ignore[no-untyped-def]
    """Rows as sorted tuples; GROUP_CONCAT cells as sorted parts (their order is engine-specific)."""
    out = []
    for row in rows:
        out.append(tuple(", ".join(sorted(str(c).split(", "))) if c is not None else None for c in row))
    return sorted(out, key=lambda r: tuple("" if c is None else c for c in r))


@pytest.fixture(scope="module")
def served(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path_factory.mktemp("cache")), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--graph", str(built / "graph.trig"),
                             "--port", str(port)], env=env)
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_up(url, proc)
        yield url
    finally:
        stop(proc)


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_bundled_queries_over_http_match_kg_query(served: str, built: Path, name: str) -> None:
    q = bundled_queries()[name]
    params = ["actor=Russia"] if "actor" in q.params else []
    params += ["issue=crimea"] if "issue" in q.params else []
    local, _ = run_on_file(built / "graph.trig", q.text, params, engine="rdflib")
    remote = run_remote(served, q.text, params)
    assert remote.variables == local.variables
    assert normalise(remote.rows) == normalise(local.rows)


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_engines_agree(built_wide: Path, name: str) -> None:
    q = bundled_queries()[name]
    params = ["actor=Russia"] if "actor" in q.params else []
    params += [("issue=territory" if name == "positions-on-issue" else "issue=crimea")] if "issue" in q.params else []
    a, _ = run_on_file(built_wide / "graph.trig", q.text, params, engine="rdflib")
    b, _ = run_on_file(built_wide / "graph.trig", q.text, params, engine="oxigraph")
    # The same rows in the same order (every ORDER BY is total, every list sorted); compared as
    # text because the engines differ on the language tag of a GROUP_CONCAT of tagged labels.
    assert a.rows and [[str(c) for c in r] for r in a.rows] == [[str(c) for c in r] for r in b.rows]


def test_endpoint_is_read_only(served: str) -> None:
    req = urllib.request.Request(served.replace("/query", "/update"), data=b"INSERT DATA { <a:b> <a:c> <a:d> }",
                                 method="POST", headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(OSError):
        urllib.request.urlopen(req, timeout=5)
    with pytest.raises(QueryError, match="read-only"):
        run_remote(served, "DELETE WHERE { ?s ?p ?o }")


def test_push_replaces_each_document_graph(built: Path, tmp_path: Path) -> None:
    port = free_port()
    assert OXIGRAPH is not None
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"])
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/query", proc)
        from kg.endpoint import push

        count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        graphs = push(built / "graph.trig", base + "/store")
        assert len(graphs) == 7  # 5 documents + ontology + merged
        first = run_remote(base + "/query", count).rows[0][0].toPython()
        push(built / "graph.trig", base + "/store")  # again: replaced, not doubled
        assert run_remote(base + "/query", count).rows[0][0].toPython() == first
        res = run_remote(base + "/query", "SELECT ?t WHERE { GRAPH ?g { ?t a kg:Talks } }")
        assert len({r[0] for r in res.rows}) == 11
    finally:
        stop(proc)


def test_unreachable_endpoint_is_a_clear_error() -> None:
    with pytest.raises(QueryError, match="cannot reach"):
        run_remote(f"http://127.0.0.1:{free_port()}/query", "ASK {}")


def test_unwritable_store_cache_is_a_clear_error(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.endpoint import prepare_store

    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "cache"))
    with pytest.raises(QueryError, match="set KG_CACHE_DIR to a writable folder"):
        prepare_store(built / "graph.trig")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_stopping_kg_serve_stops_the_server(built: Path, tmp_path: Path, sig: signal.Signals) -> None:
    port = free_port()
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--graph", str(built / "graph.trig"),
                             "--port", str(port)], env=env)
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_up(url, proc)
        proc.send_signal(sig)
        assert proc.wait(timeout=15) == 0
        with pytest.raises(OSError):  # nothing answers: the oxigraph child is gone too
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2).read()
    finally:
        stop(proc)
