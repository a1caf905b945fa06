"""kg serve on loopback, kg query --endpoint, and kg push to a real Oxigraph server."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.query import bundled_queries, run_on_file, run_remote

ROOT = Path(__file__).resolve().parent.parent
OXIGRAPH = shutil.which("oxigraph", path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
pytestmark = [pytest.mark.server, pytest.mark.skipif(importlib.util.find_spec("uvicorn") is None,
                                                     reason="kg serve needs the server extra")]


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


@contextlib.contextmanager
def kg_serve(graph: Path, cache: Path, *extra: str) -> Iterator[str]:
    """``kg serve`` on a free loopback port, stopped afterwards; yields the query URL."""
    port = free_port()
    env = {**os.environ, "KG_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--graph", str(graph), "--port", str(port), *extra],
                            env=env)
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_up(url, proc)
        yield url
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def served(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with kg_serve(built / "graph.trig", tmp_path_factory.mktemp("cache")) as url:
        yield url


def http(url: str, query: str | None = None, *, body: bytes | None = None, ctype: str = "", accept: str = "") -> tuple[int, str]:
    """(status, body text) of a GET with ?query= or a POST with a body."""
    if query is not None:
        url += "?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, data=body, method="POST" if body is not None else "GET",
                                 headers={k: v for k, v in (("Content-Type", ctype), ("Accept", accept)) if v})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


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


@pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server binary is not installed")
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


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_stopping_kg_serve_stops_the_server(built: Path, tmp_path: Path, sig: signal.Signals) -> None:
    """Ctrl-C or SIGTERM end it normally; after SIGKILL nothing is left answering either."""
    port = free_port()
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--graph", str(built / "graph.trig"),
                             "--port", str(port)], env=env)
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_until_up(url, proc)
        proc.send_signal(sig)
        assert proc.wait(timeout=15) == (-9 if sig == signal.SIGKILL else 0)
        with pytest.raises(OSError):  # nothing answers any more
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2).read()
    finally:
        stop(proc)


SPARQL_FORMS = [  # (how the query travels) — every way the SPARQL 1.1 Protocol allows
    lambda url, q: http(url, q),
    lambda url, q: http(url, body=q.encode(), ctype="application/sparql-query"),
    lambda url, q: http(url, body=urllib.parse.urlencode({"query": q}).encode(), ctype="application/x-www-form-urlencoded"),
]


@pytest.mark.parametrize("send", SPARQL_FORMS)
@pytest.mark.parametrize("query", ["SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                                   "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
                                   "SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
                                   "SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"])
def test_served_queries_reach_nothing_outside(served: str, listener: tuple[str, list[str]], send, query: str) -> None:  # type: ignore[no-untyped-def]
    url, seen = listener
    status, text = send(served, query.format(url=url))
    assert status == 403 and ("SERVICE" in text or "FROM" in text)
    assert seen == []


@pytest.mark.parametrize(("body", "ctype"), [(b"update=DROP+ALL", "application/x-www-form-urlencoded"),
                                             (b"DROP ALL", "application/sparql-update"),
                                             (b"LOAD <http://127.0.0.1:9/x>", "application/sparql-query")])
def test_served_updates_are_refused(served: str, body: bytes, ctype: str) -> None:
    status, text = http(served, body=body, ctype=ctype)
    assert status == 403 and "read-only" in text


def test_served_results_in_csv_and_json(served: str) -> None:
    status, text = http(served, "SELECT ?t WHERE { ?t a kg:Talks } ORDER BY ?t LIMIT 2", accept="text/csv")
    assert status == 200 and text.splitlines()[0] == "t" and len(text.splitlines()) == 3
    status, text = http(served, "ASK { ?t a kg:Talks }")
    assert status == 200 and '"boolean": true' in text


@pytest.mark.parametrize(("query", "status", "says"), [
    ("SELECT * WHERE { ?s ?p", 400, "syntax"),
    ("", 400, "missing"),
])
def test_served_bad_queries_get_a_message(served: str, query: str, status: int, says: str) -> None:
    code, text = http(served, query)
    assert code == status and says in text


def test_served_limits(built: Path, tmp_path: Path) -> None:
    with kg_serve(built / "graph.trig", tmp_path / "cache", "--timeout", "1", "--max-rows", "5") as url:
        started = time.monotonic()
        code, text = http(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert code == 503 and "time limit" in text and time.monotonic() - started < 15
        code, text = http(url, "SELECT * WHERE { ?s ?p ?o }")
        assert code == 413 and "more than 5 rows" in text
        assert http(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 5")[0] == 200  # and it still answers


def test_a_taken_port_is_an_error_before_any_banner(built: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        env = {**os.environ, "KG_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--graph", str(built / "graph.trig"),
                               "--port", str(port)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "cannot listen" in done.stderr and "SPARQL endpoint" not in done.stderr
