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


# ---------------------------------------------------------------- every input counted

ARTICLE = "Title: T\nPublished: 2024-05-02\n\nRussia demanded a ceasefire in Crimea, the Kremlin said on Tuesday.\n"


def build_error(tmp_path: Path, *inputs: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", *map(str, inputs), "--out", str(out), "-q", "--no-html"],
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, capture_output=True, text=True,
                          timeout=60)
    assert not out.exists() or not any(out.iterdir())  # nothing written
    return done


def test_an_unreadable_subfolder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.documents import corpus_files
    from kg.errors import CorpusError

    (tmp_path / "a.txt").write_text(ARTICLE)
    locked = tmp_path / "more"
    locked.mkdir()
    (locked / "b.txt").write_text(ARTICLE)
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(CorpusError, match="more: cannot read the folder"):
        corpus_files([tmp_path])


@pytest.mark.parametrize("where", ["argument", "in a folder"])
def test_a_fifo_is_refused_not_waited_for(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    os.mkfifo(folder / "pipe.txt")
    done = build_error(tmp_path, folder / "pipe.txt" if where == "argument" else folder)
    one_line_error(done, "not a regular file")


def test_a_device_is_refused(tmp_path: Path) -> None:
    one_line_error(build_error(tmp_path, Path("/dev/zero")), "not a regular file")


@pytest.mark.parametrize("graph", ["/dev/zero", "fifo"])
def test_a_graph_that_is_not_a_file_is_refused(tmp_path: Path, graph: str) -> None:
    path = Path(graph) if graph.startswith("/") else tmp_path / "g.trig"
    if graph == "fifo":
        os.mkfifo(path)
    one_line_error(kg("query", "ASK {}", "--graph", str(path), cache=tmp_path, timeout=30), "not a regular file")


def test_an_article_above_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE + "More words. " * 200)
    one_line_error(build_error(tmp_path, big, env={"KG_MAX_ARTICLE_BYTES": "1000"}), "more than the limit of 1,000")


def test_two_files_with_one_document_id(tmp_path: Path) -> None:
    (tmp_path / "Talks Day.txt").write_text(ARTICLE)
    (tmp_path / "talks-day.txt").write_text(ARTICLE)
    one_line_error(build_error(tmp_path, tmp_path / "Talks Day.txt", tmp_path / "talks-day.txt"), "same document id 'talks-day'")


@pytest.mark.parametrize(("header", "says"), [
    ("Title: T\nPublished: 2024-05-02\nPublished: 2024-05-03\n", "Published twice"),
    ("Title: T\nTitle: U\n", "Title twice"),
    ("Published: 2024-05-02 or so\n", "malformed Published date"),
    ("Published: 2024-13-02\n", "malformed Published date"),
    ("Published: yesterday\n", "malformed Published date"),
])
def test_header_mistakes_are_named(tmp_path: Path, header: str, says: str) -> None:
    art = tmp_path / "a.txt"
    art.write_text(header + "\nRussia demanded a ceasefire.\n")
    one_line_error(build_error(tmp_path, art), says)


@pytest.mark.parametrize(("published", "word"), [("9999-12-31", "tomorrow"), ("0001-01-01", "yesterday"),
                                                 ("9999-12-31", "next Monday"), ("0001-01-01", "on Sunday")])
def test_dates_at_the_ends_of_the_calendar(tmp_path: Path, published: str, word: str) -> None:
    from kg.pipeline import build

    art = tmp_path / "a.txt"
    art.write_text(f"Published: {published}\n\nRussia demanded a ceasefire in Crimea {word}, the Kremlin said.\n")
    summary = build([art], tmp_path / "out", html=False)
    assert summary.positions >= 1


# ---------------------------------------------------------------- one-line messages, not internal errors


@pytest.mark.parametrize(("args", "says"), [
    (["query", "SELECT * WHERE { ?actor ?p ?o }", "--param", "actor=<http://x> } ; DROP ALL ; #>"], "cannot be an IRI"),
    (["query", "SELECT * WHERE { ?actor ?p ?o }", "--param", "actor=" + "9" * 5000], "too long for an integer"),
    (["query", "SELECT * WHERE { ?s ?p ?o }", "--endpoint", "http://127.0.0.1:9/a b"], "no spaces"),
    (["path", "Russia", "Russia"], "same node"),
])
def test_messages_for_odd_arguments(built: Path, tmp_path: Path, args: list[str], says: str) -> None:
    one_line_error(kg(*args, "--graph", str(built / "graph.trig"), cache=tmp_path), says)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_hostile_param_value_is_a_literal_that_changes_nothing(built: Path, tmp_path: Path, engine: str) -> None:
    done = kg("query", "SELECT ?v WHERE { BIND(?x AS ?v) }", "--param", 'x=a"} SERVICE <http://127.0.0.1:9/> {', "--format", "csv",
              "--engine", engine, "--graph", str(built / "graph.trig"), cache=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == '"a""} SERVICE <http://127.0.0.1:9/> {"'


def test_non_utf8_files(built: Path, tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_bytes(b"SELECT * WHERE { ?s ?p \"\xff\" }")
    one_line_error(kg("query", str(rq), "--graph", str(built / "graph.trig"), cache=tmp_path), "not valid UTF-8")
    onto = tmp_path / "onto"
    import shutil

    shutil.copytree(ROOT / "ontology", onto)
    (onto / "curation.tsv").write_bytes(b"add\t\xff\n")
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE)
    done = kg("build", str(art), "--ontology", str(onto), "--out", str(tmp_path / "out"), "-q", "--no-html")
    one_line_error(done, "curation.tsv: not valid UTF-8")


def test_an_empty_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text("# nothing\n")
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE)
    one_line_error(kg("eval", str(gold), str(art)), "no gold rows")


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    from rdflib import Literal

    from kg.query import QueryResult, format_result

    result = QueryResult("SELECT", ["a", "n"], [[Literal("=cmd|' /C calc'!A0"), Literal(-3)], [Literal("+1"), Literal(2.5)]])
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        rows = [line.split(sep) for line in format_result(result, fmt).splitlines()[1:]]
        assert rows[0][0].lstrip('"').startswith("'=") and rows[0][1] == "-3"
        assert rows[1] == ["'+1", "2.5"]


ANSWERS = [  # (content type, body) an endpoint might send instead of SPARQL results
    ("text/html", b"<html><body>Welcome</body></html>"),
    ("application/sparql-results+json", b'{"results": {"bindings": []}}'),
    ("application/sparql-results+json", b'{"head": {"vars": ["s"]}, "results": {"bindi'),
    ("text/turtle", b"<a> <b> ."),
    ("application/sparql-results+json", b"[]"),
]


@pytest.mark.parametrize(("ctype", "body"), ANSWERS)
def test_an_endpoint_answering_nonsense(ctype: str, body: bytes) -> None:
    from conftest import QuietHandler, fake_server

    from kg.errors import QueryError
    from kg.query import run_remote

    class Handler(QuietHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.end_headers()
            self.wfile.write(body)

    with fake_server(Handler) as url, pytest.raises(QueryError, match="did not answer with SPARQL results"):
        run_remote(f"{url}/sparql", "SELECT * WHERE { ?s ?p ?o }")


def test_push_to_a_server_that_stores_nothing(built: Path) -> None:
    from conftest import QuietHandler, fake_server

    from kg.endpoint import push
    from kg.errors import QueryError

    class Handler(QuietHandler):
        def do_PUT(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.end_headers()

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>hello</html>")

    with fake_server(Handler) as url, pytest.raises(QueryError, match="does not return graph"):
        push(built / "graph.trig", f"{url}/store")
