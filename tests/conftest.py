"""Shared fixtures: the curated resources, the shipped corpus, a built output folder."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.annotate import AnnotatedDocument
from kg.documents import parse_document
from kg.nlp import prepare
from kg.resources import Resources, load_resources

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "eval" / "seeds.tsv"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Stores and projections are cached in a temp folder, never in the user's cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("KG_CACHE_DIR", str(tmp_path_factory.mktemp("kg-cache")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def res() -> Resources:
    return load_resources()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped corpus built once into a temp folder (with curation, like `make run`)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("built")
    build([CORPUS], out)
    return out


@pytest.fixture(scope="session")
def built_wide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped corpus and the test articles (which name actors the gazetteer lacks)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("built-wide")
    build([CORPUS, Path(__file__).parent / "data" / "articles"], out, html=False)
    return out


@pytest.fixture(scope="session")
def built_graph(built: Path):  # type: ignore[no-untyped-def]
    from kg.graphio import load_graph

    return load_graph(built / "graph.trig")


@pytest.fixture
def doc_of(res: Resources):  # type: ignore[no-untyped-def]
    """Annotate a one-off text as a document published on a given date."""

    def make(text: str, published: str = "2025-03-17", doc_id: str = "test") -> AnnotatedDocument:
        doc = parse_document(f"Published: {published}\n\n{text}", doc_id)
        assert doc.published == dt.date.fromisoformat(published)
        return prepare(doc, res)

    return make


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own (stores, projections, extractions)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(folder))
    return folder


@contextlib.contextmanager
def fake_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A loopback HTTP server answering with ``handler``; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


class QuietHandler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP server that logs every request it gets (and answers with nothing useful)."""
    seen: list[str] = []

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(404)
            self.end_headers()

        do_POST = do_GET

    with fake_server(Handler) as url:
        yield f"{url}/x", seen
