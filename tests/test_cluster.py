"""kg build --scheduler: a Dask LocalCluster on loopback writes what a local build writes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="the distributed extra is not installed")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as c:
        yield c.scheduler_address


def kg_build(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KG_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "kg.cli", "build", *args, "-q"], env=env, capture_output=True, text=True,
                          timeout=600)


def test_a_cluster_build_equals_a_local_build(cluster: str, tmp_path: Path, corpus_dir: Path) -> None:
    articles = ROOT / "tests" / "data" / "articles"
    local = kg_build(str(corpus_dir), str(articles), "--out", str(tmp_path / "local"), "--workers", "1", cache=tmp_path / "c1")
    assert local.returncode == 0, local.stderr
    remote = kg_build(str(corpus_dir), str(articles), "--out", str(tmp_path / "remote"), "--scheduler", cluster,
                      cache=tmp_path / "c2")
    assert remote.returncode == 0, remote.stderr
    for name in ("graph.trig", "graph.ttl", "graph.nq", "graph.html", "build.json"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "remote" / name).read_bytes(), name


def test_workers_with_other_code_are_refused(cluster: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.cache
    from kg import cluster as kc
    from kg.errors import KgError
    from kg.resources import load_resources

    monkeypatch.setattr(kg.cache, "_code_digest", lambda: "the source of another version")  # here, not on the workers
    with pytest.raises(KgError, match="other extraction code"):
        list(kc.extract_on_cluster([], load_resources(), cluster))


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, corpus_dir: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = kg_build(str(corpus_dir), "--out", str(tmp_path / "o"), "--scheduler", f"tcp://127.0.0.1:{port}", "--no-cache",
                    cache=tmp_path / "c")
    assert done.returncode == 1 and "cannot reach the Dask scheduler" in done.stderr and "Traceback" not in done.stderr


def test_tls_needs_all_three_files(tmp_path: Path) -> None:
    from kg.cluster import ClusterError, security

    with pytest.raises(ClusterError, match="together"):
        security(tmp_path / "ca.pem", None, None)
    with pytest.raises(ClusterError, match="no such certificate"):
        security(tmp_path / "ca.pem", tmp_path / "c.pem", tmp_path / "k.pem")
