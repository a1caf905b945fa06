"""The output files are replaced as one set: locked, journalled, checked by readers."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import OutputError
from kg.outputset import JOURNAL, MANIFEST, check_set, locked, sha256, write_set

ROOT = Path(__file__).resolve().parent.parent


def files_of(tag: str) -> dict[str, bytes]:
    files = {name: f"{tag} {name}\n".encode() for name in ("graph.html", "graph.trig", "graph.ttl")}
    files[MANIFEST] = json.dumps({"files": {n: sha256(d) for n, d in files.items()}}).encode()
    return files


def whole(out: Path) -> str:
    """Which build the folder holds ('old' or 'new'); fails on a mixed set."""
    tags = {(out / n).read_text().split()[0] for n in ("graph.html", "graph.trig", "graph.ttl")}
    assert len(tags) == 1, f"mixed set: {tags}"
    for name in ("graph.trig", "graph.ttl"):
        assert check_set(out / name) is None
    return tags.pop()


@pytest.mark.parametrize("crash_after", [0, 1, 2, 3])
def test_a_build_killed_during_the_renames_is_completed_by_the_next(tmp_path: Path, crash_after: int) -> None:
    with locked(tmp_path):
        write_set(tmp_path, files_of("old"))
    with locked(tmp_path):
        write_set(tmp_path, files_of("new"), crash_after=crash_after)  # as if killed here
    assert (tmp_path / JOURNAL).is_file()
    assert check_set(tmp_path / "graph.trig") is not None and "interrupted" in str(check_set(tmp_path / "graph.trig"))
    with locked(tmp_path):  # what the next build does first
        pass
    assert whole(tmp_path) == "new"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kg-tmp-")]


def test_a_full_disk_replaces_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.outputset as outputset

    with locked(tmp_path):
        write_set(tmp_path, files_of("old"))
    real, calls = outputset._write_synced, []

    def full(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(outputset, "_write_synced", full)
    with pytest.raises(OutputError, match="No space left on device; nothing was replaced"), locked(tmp_path):
        write_set(tmp_path, files_of("new"))
    assert whole(tmp_path) == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([MANIFEST, "graph.html", "graph.trig", "graph.ttl"])


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_target_fails_before_any_file_is_replaced(tmp_path: Path) -> None:
    with locked(tmp_path):
        write_set(tmp_path, files_of("old"))
    (tmp_path / "graph.ttl").chmod(0o444)
    with pytest.raises(OutputError, match="read-only"), locked(tmp_path):
        write_set(tmp_path, files_of("new"))
    assert whole(tmp_path) == "old"


def test_a_folder_in_the_way_fails_before_any_work(tmp_path: Path, corpus_dir: Path) -> None:
    from kg.pipeline import build

    (tmp_path / "graph.ttl").mkdir()
    started = time.monotonic()
    with pytest.raises(OutputError, match="it is a folder"):
        build([corpus_dir], tmp_path)
    assert time.monotonic() - started < 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_a_second_build_into_the_folder_fails_at_once_or_waits(tmp_path: Path, corpus_dir: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus_dir / sorted(os.listdir(corpus_dir))[0]), "--out",
           str(tmp_path), "-q", "--no-html"]
    with locked(tmp_path):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 1 and "another kg build is writing" in done.stderr and "--wait" in done.stderr
        assert not (tmp_path / "graph.trig").exists()
        waiting = subprocess.Popen([*cmd, "--wait"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert waiting.poll() is None  # queued behind the lock
    _out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert check_set(tmp_path / "graph.trig") is None


def test_stray_temporary_files_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".kg-tmp-graph.trig").write_text("left by a killed build")
    with locked(tmp_path):
        pass
    assert not (tmp_path / ".kg-tmp-graph.trig").exists()


def test_killed_builds_never_leave_a_mixed_set(tmp_path: Path, corpus_dir: Path) -> None:
    """SIGKILL at random moments of real builds of two corpora; after each, the next lock holder
    finds one whole set, old or new."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    small = sorted(corpus_dir.iterdir())[:1]
    base = [sys.executable, "-m", "kg.cli", "build", "--out", str(tmp_path), "-q"]
    subprocess.run([*base, *map(str, small)], env=env, check=True, capture_output=True, timeout=120)
    rng = random.Random(7)
    for i in range(6):
        args = [str(corpus_dir)] if i % 2 == 0 else list(map(str, small))
        proc = subprocess.Popen([*base, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 4.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with locked(tmp_path):
            manifest = json.loads((tmp_path / MANIFEST).read_text())
            assert all(sha256((tmp_path / n).read_bytes()) == h for n, h in manifest["files"].items())
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kg-tmp-")]


def test_readers_warn_about_a_file_of_another_build(built: Path, tmp_path: Path) -> None:
    import shutil

    from kg.query import run_on_file

    for name in ("graph.trig", MANIFEST):
        shutil.copy(built / name, tmp_path / name)
    assert check_set(tmp_path / "graph.trig") is None
    with (tmp_path / "graph.trig").open("a") as fh:
        fh.write("\n")
    with pytest.warns(UserWarning, match="does not match"):
        run_on_file(tmp_path / "graph.trig", "ASK { ?s ?p ?o }")


def test_the_lock_is_released_by_a_crash(tmp_path: Path) -> None:
    """flock ends with the process: a killed build never blocks the next one."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = f"from kg.outputset import locked; from pathlib import Path; import time\nwith locked(Path({str(tmp_path)!r})):\n    time.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    time.sleep(2)
    with pytest.raises(OutputError, match="another kg build"), locked(tmp_path):
        pass
    proc.kill()
    proc.wait()
    with locked(tmp_path):  # raises if the dead process still held it
        pass
