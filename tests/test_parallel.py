"""Workers and the extraction cache: the same files whatever the workers, nothing extracted twice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg.pipeline as pipeline
from kg.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = ("graph.trig", "graph.ttl", "graph.nq", "graph.html", "build.json")


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the documents analysed in this process."""
    seen: list[str] = []
    real = pipeline.prepare

    def prepare(doc, res, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(doc.doc_id)
        return real(doc, res, *args, **kwargs)

    monkeypatch.setattr(pipeline, "prepare", prepare)
    return seen


def test_two_workers_write_the_files_one_writes(tmp_path: Path, corpus_dir: Path) -> None:
    articles = ROOT / "tests" / "data" / "articles"
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / workers
        env = {**os.environ, "PYTHONPATH": str(ROOT), "KG_CACHE_DIR": str(tmp_path / f"cache{workers}")}
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus_dir), str(articles), "--out", str(out),
                        "--workers", workers, "-q"], check=True, env=env, capture_output=True, timeout=300)
        outs.append(out)
    for name in OUTPUTS:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_an_unchanged_rebuild_extracts_nothing(tmp_path: Path, corpus_dir: Path, cache: Path, counted: list[str]) -> None:
    first = build([corpus_dir], tmp_path / "a", html=False, workers=1)
    assert len(counted) == 5
    counted.clear()
    second = build([corpus_dir], tmp_path / "b", html=False, workers=1)
    assert counted == []
    for name in ("graph.trig", "graph.ttl", "build.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert first.line().split(" in ")[0] == second.line().split(" in ")[0]


def test_one_changed_or_added_article_is_the_only_one_extracted(tmp_path: Path, corpus_dir: Path, cache: Path,
                                                                counted: list[str]) -> None:
    src = tmp_path / "src"
    shutil.copytree(corpus_dir, src)
    build([src], tmp_path / "out", html=False, workers=1)
    counted.clear()
    first = sorted(src.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("Published: 2022-03-04", "Published: 2022-03-05"),
                     encoding="utf-8")  # the date alone changes how dates resolve
    (src / "zz-new.txt").write_text("Published: 2024-05-02\n\nRussia demanded a ceasefire in Crimea.\n", encoding="utf-8")
    build([src], tmp_path / "out", html=False, workers=1)
    assert sorted(counted) == sorted([first.stem, "zz-new"])


def test_changed_rules_or_no_cache_extract_again(tmp_path: Path, corpus_dir: Path, cache: Path, counted: list[str]) -> None:
    onto = tmp_path / "onto"
    shutil.copytree(ROOT / "ontology", onto)
    build([corpus_dir], tmp_path / "out", onto, html=False, workers=1)
    counted.clear()
    build([corpus_dir], tmp_path / "out", onto, html=False, workers=1, use_cache=False)
    assert len(counted) == 5
    counted.clear()
    with (onto / "lexicon.ttl").open("a", encoding="utf-8") as fh:
        fh.write("\n# a comment changes the fingerprint: any edit of the rules counts\n")
    build([corpus_dir], tmp_path / "out", onto, html=False, workers=1)
    assert len(counted) == 5


def test_a_damaged_cache_entry_is_a_miss(tmp_path: Path, corpus_dir: Path, cache: Path, counted: list[str]) -> None:
    build([corpus_dir], tmp_path / "out", html=False, workers=1)
    entries = sorted(p for p in (cache / "extract").rglob("*.pickle") if "-graph" not in p.name)
    assert len(entries) == 5
    entries[0].write_bytes(b"\x80\x04 not a pickle")
    entries[1].write_bytes(b"")
    counted.clear()
    build([corpus_dir], tmp_path / "out", html=False, workers=1)
    assert len(counted) == 2


def test_a_damaged_graph_fragment_is_made_again(tmp_path: Path, corpus_dir: Path, cache: Path) -> None:
    build([corpus_dir], tmp_path / "a", html=False, workers=1)
    fragments = sorted((cache / "extract").rglob("*-graph.pickle"))
    assert len(fragments) == 5
    fragments[0].write_bytes(b"\x80\x04 not a pickle")
    fragments[1].write_bytes(b"")
    build([corpus_dir], tmp_path / "b", html=False, workers=1)
    build([corpus_dir], tmp_path / "c", html=False, workers=1, use_cache=False)
    for name in ("graph.trig", "graph.ttl", "graph.nq"):
        assert (tmp_path / "b" / name).read_bytes() == (tmp_path / "c" / name).read_bytes() \
            == (tmp_path / "a" / name).read_bytes()


def test_progress_lines_when_not_a_terminal(tmp_path: Path, corpus_dir: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KG_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus_dir), "--out", str(tmp_path / "o"), "--no-html"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert "extracted 5/5 documents" in done.stderr and "\r" not in done.stderr
    quiet = subprocess.run([*cmd, "-q"], env=env, capture_output=True, text=True, timeout=300)
    assert quiet.stderr == ""


@pytest.mark.parametrize("workers", [1, 2])
def test_a_shape_violation_fails_the_build_in_one_line_wherever_it_is_found(tmp_path: Path, corpus_dir: Path,
                                                                          cache: Path, workers: int) -> None:
    # shapes that every document breaks: each evidence must quote at least 100,000 characters
    onto = tmp_path / "ontology"
    shutil.copytree(Path(pipeline.__file__).resolve().parent.parent / "ontology", onto)
    shapes = (onto / "shapes.ttl").read_text(encoding="utf-8")
    (onto / "shapes.ttl").write_text(shapes.replace("sh:minLength 1", "sh:minLength 100000"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(pipeline.__file__).resolve().parent.parent),
           "KG_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus_dir), "--out", str(tmp_path / "o"),
                           "--ontology", str(onto), "--workers", str(workers), "--no-html", "-q"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert "SHACL" in done.stderr and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o" / "graph.trig").exists()
