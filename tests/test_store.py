"""The Oxigraph stores behind kg query / serve / path: cached on disk, union default graph."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.errors import GraphError
from kg.graphio import load_dataset
from kg.store import KEEP, MARKER, memory_store, open_store, store_dir

TRIG = """@prefix ex: <http://example.org/> .
ex:g1 { ex:a ex:p ex:b . ex:a ex:q "x" . }
ex:g2 { ex:a ex:p ex:b . ex:c ex:p ex:d . }
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.trig"
    path.write_text(TRIG, encoding="utf-8")
    return path


def default_triples(store) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(r["s"].value, r["p"].value, r["o"].value) for r in store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")}


def test_default_graph_is_the_set_union_of_the_named_graphs(cache: Path, small: Path) -> None:
    store = open_store(small)
    assert len(default_triples(store)) == 3  # ex:a ex:p ex:b is in both graphs, counted once
    rows = list(store.query("SELECT ?g WHERE { GRAPH ?g { <http://example.org/a> ?p ?o } }"))
    assert len(rows) == 3  # the named graphs are kept too


def test_store_is_built_once_and_reused(cache: Path, small: Path) -> None:
    first = store_dir(small)
    marker = first / MARKER
    os.utime(marker, (1, 1))
    assert store_dir(small) == first
    assert marker.stat().st_mtime > 1  # touched on use, not rebuilt
    assert [p.name for p in cache.iterdir()] == [first.name]  # no temporary build folder left


def test_changed_file_gets_a_new_store(cache: Path, small: Path) -> None:
    first = store_dir(small)
    small.write_text(TRIG.replace('"x"', '"y"'), encoding="utf-8")
    second = store_dir(small)
    assert second != first
    assert ("http://example.org/a", "http://example.org/q", "y") in default_triples(open_store(small))


def test_cached_memory_and_rdflib_agree_on_the_shipped_graph(cache: Path, built: Path) -> None:
    graph = built / "graph.trig"
    ds = load_dataset(graph)
    expected = {(str(s), str(p), str(o)) for s, p, o, _g in ds.quads((None, None, None, None))}
    assert default_triples(open_store(graph)) == expected
    assert default_triples(memory_store(graph)) == expected


def test_broken_file_is_a_graph_error_and_leaves_no_store(cache: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.trig"
    bad.write_text(TRIG + "ex:g3 { ex:a ex:p . }\n", encoding="utf-8")
    with pytest.raises(GraphError, match="cannot parse"):
        open_store(bad)
    assert not any(cache.iterdir())


def test_missing_file_is_a_graph_error(cache: Path, tmp_path: Path) -> None:
    with pytest.raises(GraphError, match="no such graph file"):
        open_store(tmp_path / "nope.trig")


def test_unwritable_cache_falls_back_to_memory(tmp_path: Path, small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "cache"))  # below a regular file: cannot exist
    assert len(default_triples(open_store(small))) == 3


def test_old_stores_are_pruned(cache: Path, tmp_path: Path) -> None:
    made = []
    for i in range(KEEP + 2):
        path = tmp_path / f"g{i}.trig"
        path.write_text(TRIG.replace('"x"', f'"{i}"'), encoding="utf-8")
        made.append(store_dir(path))
        os.utime(made[-1] / MARKER, (i + 10, i + 10))
        if i == 0:
            killed = cache / ".building-killed"  # what a killed build leaves behind
            killed.mkdir()
            os.utime(killed, (1, 1))
    left = sorted(p.name for p in cache.iterdir())
    assert left == sorted(p.name for p in made[-KEEP:])


def test_memory_store_without_named_graphs_holds_only_the_union(small: Path) -> None:
    store = memory_store(small, named_graphs=False)
    assert len(default_triples(store)) == 3
    assert list(store.named_graphs()) == []


def test_digest_of_a_large_unchanged_file_is_remembered(cache: Path, small: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    from kg import store

    monkeypatch.setattr(store, "MEMO_MIN_BYTES", 0)  # treat the small file as large
    expected = hashlib.sha256(small.read_bytes()).hexdigest()
    assert store.file_digest(small) == expected
    assert not (cache / "digests.json").exists()  # just written: too young to be remembered
    os.utime(small, (1_000_000, 1_000_000))
    assert store.file_digest(small) == expected
    assert (cache / "digests.json").exists()

    def no_reading(_path: Path) -> str:
        raise AssertionError("the file was read again")

    monkeypatch.setattr(store, "_sha256", no_reading)
    assert store.file_digest(small) == expected  # from the memo
    os.utime(small, (2_000_000, 2_000_000))  # touched: read again
    with pytest.raises(AssertionError, match="read again"):
        store.file_digest(small)


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(64, len(data) - 64, 509):
        data[i] ^= 0xFF
    path.write_bytes(data)


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


@pytest.mark.parametrize(("damage", "which"), [(_flip, "*.sst"), (_truncate, "*.sst"), (_truncate, "MANIFEST-*"),
                                               (lambda p: p.unlink(), "*.sst")])
def test_a_damaged_store_is_set_aside_and_built_again(cache: Path, built: Path, damage, which: str) -> None:  # type: ignore[no-untyped-def]
    from kg.query import run_on_file

    graph = built / "graph.trig"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    expected = run_on_file(graph, count)[0].rows
    folder = store_dir(graph)
    for f in sorted(folder.glob(which), key=lambda p: p.stat().st_size)[-2:]:
        damage(f)
    with pytest.warns(UserWarning, match="set aside"):
        assert run_on_file(graph, count)[0].rows == expected
    assert run_on_file(graph, count)[0].rows == expected  # and the next run finds a good store
    assert any(p.name.startswith(".damaged-") for p in cache.iterdir())


def test_many_processes_on_an_empty_cache(tmp_path: Path, built: Path) -> None:
    """Processes that start together all answer: none removes a store another has opened."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(root)}
    cmd = [sys.executable, "-m", "kg.cli", "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph",
           str(built / "graph.trig"), "--format", "csv"]
    for _round in range(3):
        subprocess.run(["rm", "-rf", str(tmp_path / "cache")], check=True)
        procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
        outs = [p.communicate(timeout=180) for p in procs]
        assert [p.returncode for p in procs] == [0] * 6, [e for _o, e in outs]
        assert len({o for o, _e in outs}) == 1
