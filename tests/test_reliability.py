"""Hostile and careless use: each case ends in a clear one-line message or correct behaviour."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def kg(*args: str, cache: Path | None = None, timeout: float = 120, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if cache is not None:
        env["KG_CACHE_DIR"] = str(cache)
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, **kw)  # type: ignore[call-overload]


def one_line_error(done: subprocess.CompletedProcess[str], says: str) -> None:
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and says in errors[0], done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_query_that_never_ends_is_stopped(built: Path, tmp_path: Path, engine: str) -> None:
    started = time.monotonic()
    done = kg("query", CROSS_JOIN, "--graph", str(built / "graph.trig"), "--engine", engine, "--timeout", "2",
              cache=tmp_path)
    one_line_error(done, "time limit of 2 s")
    assert time.monotonic() - started < 30
    assert done.stdout == ""  # nothing half-printed


def test_a_query_that_eats_memory_is_stopped(built: Path, tmp_path: Path) -> None:
    done = kg("query", CROSS_JOIN, "--graph", str(built / "graph.trig"), "--engine", "rdflib", "--max-memory", "900",
              "--timeout", "120", cache=tmp_path)
    one_line_error(done, "memory limit of 900 MB")


def test_limits_can_be_lifted(built: Path, tmp_path: Path) -> None:
    done = kg("query", "ASK { ?s a kg:Talks }", "--graph", str(built / "graph.trig"), "--timeout", "0", "--max-memory", "0",
              cache=tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == "true"


def test_a_closed_pipe_is_no_error(built: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KG_CACHE_DIR": str(tmp_path)}
    cmd = f"{sys.executable} -m kg.cli query 'SELECT * WHERE {{ ?s ?p ?o }}' --graph {built / 'graph.trig'} | head -1"
    done = subprocess.run(["bash", "-c", cmd], env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.count("\n") == 1 and done.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_stdout_on_a_full_device(built: Path, tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "KG_CACHE_DIR": str(tmp_path)}
        done = subprocess.run([sys.executable, "-m", "kg.cli", "query", "who-demands-what", "--graph", str(built / "graph.trig")],
                              env=env, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 1 and "No space left" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("junk", ["[]", '{"nodes": 5}', '{"nodes": [{"id": 1}], "links": 3}', "\x00\xff", "null"])
def test_a_broken_projection_cache_is_rebuilt(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, junk: str) -> None:
    from kg.paths import load_projection_graph
    from kg.store import file_digest

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    graph = built / "graph.trig"
    expected = load_projection_graph(graph, use_cache=False).graph.number_of_nodes()
    (tmp_path / f"{file_digest(graph)}.json").write_text(junk, encoding="utf-8", errors="surrogateescape")
    assert load_projection_graph(graph).graph.number_of_nodes() == expected
