"""The command line: exit codes, one-line errors (never a traceback), no partial output."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def assert_user_error(proc: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), proc.stderr
    assert fragment in lines[0]
    assert "Traceback" not in proc.stderr


def _bad_inputs(tmp: Path) -> list[tuple[str, Path, str]]:
    cases = []
    empty_dir = tmp / "empty-dir"
    empty_dir.mkdir()
    cases.append(("missing path", tmp / "nope", "no such file or directory"))
    cases.append(("folder without .txt", empty_dir, "no article files"))
    (tmp / "empty.txt").write_text("")
    cases.append(("empty file", tmp / "empty.txt", "the file is empty"))
    (tmp / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    cases.append(("binary file", tmp / "binary.txt", "binary"))
    (tmp / "latin1.txt").write_bytes("Title: Talks\n\nTalks in Br\u00fcssel".encode("latin-1"))
    cases.append(("non-UTF-8", tmp / "latin1.txt", "latin1.txt: not valid UTF-8 (byte 0xfc at offset 25, line 3)"))
    (tmp / "baddate.txt").write_text("Title: x\nPublished: 03/03/2022\n\nRussia demands a ceasefire.\n")
    cases.append(("malformed date", tmp / "baddate.txt", "malformed Published date '03/03/2022'"))
    return cases


@pytest.mark.parametrize("index", range(6))
def test_bad_input_is_one_line_exit_1_and_no_output(tmp_path: Path, index: int) -> None:
    _label, path, fragment = _bad_inputs(tmp_path)[index]
    out = tmp_path / "out"
    proc = run("build", str(path), "--out", str(out), "-q")
    assert_user_error(proc, fragment)
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read unreadable files")
def test_unreadable_file(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("Russia demands a ceasefire.")
    f.chmod(0)
    assert_user_error(run("build", str(f), "--out", str(tmp_path / "out")), "permission denied")


def test_unreadable_file_via_read_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same as above for root: a file whose read fails with EACCES."""
    from kg.documents import read_document
    from kg.errors import CorpusError

    f = tmp_path / "secret.txt"
    f.write_text("x")

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(CorpusError, match="permission denied"):
        read_document(f)


def test_output_folder_that_cannot_be_written(tmp_path: Path, corpus_dir: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert_user_error(run("build", str(corpus_dir), "--out", str(blocker / "sub"), "-q"), "cannot create output folder")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_output_folder(tmp_path: Path, corpus_dir: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
    assert_user_error(run("build", str(corpus_dir), "--out", str(ro), "-q"), "not writable")


def test_usage_error_is_exit_2() -> None:
    result = CliRunner().invoke(cli, ["build", "--no-such-flag"])
    assert result.exit_code == 2


def test_build_prints_summary_and_where_the_page_is(tmp_path: Path, corpus_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(corpus_dir), "--out", str(tmp_path), "-q", "--no-validate"])
    assert result.exit_code == 0, result.output
    assert "5 documents" in result.output and "positions" in result.output and "triples" in result.output
    assert "graph.html" in result.output


def test_build_from_another_folder_uses_the_shipped_corpus(tmp_path: Path) -> None:
    proc = run("build", "--out", str(tmp_path / "o"), "-q", "--no-validate", "--no-html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "5 documents" in proc.stdout


def test_nothing_to_extract_is_a_warning(tmp_path: Path) -> None:
    src = tmp_path / "w.txt"
    src.write_text("It rained all day.\n")
    proc = run("build", str(src), "--out", str(tmp_path / "o"), "-q", "--no-html")
    assert proc.returncode == 0
    assert "Warning: w: nothing to extract" in proc.stderr


def test_graph_file_missing(tmp_path: Path) -> None:
    assert_user_error(run("query", "talks", "--graph", str(tmp_path / "none.trig")), "no such graph file")
    assert_user_error(run("path", "a", "b", "--graph", str(tmp_path / "none.trig")), "no such graph file")


def test_graph_file_not_rdf(tmp_path: Path) -> None:
    bad = tmp_path / "g.trig"
    bad.write_text("this is { not trig")
    assert_user_error(run("query", "talks", "--graph", str(bad)), "cannot parse as")
    assert_user_error(run("query", "talks", "--graph", str(bad), "--engine", "rdflib"), "cannot parse as trig")
