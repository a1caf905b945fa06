"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the cached store.

Oxigraph's own server runs ``SERVICE`` for any client and has no switch to stop it, nor a
timeout. So the endpoint is a small Starlette application (served by uvicorn): every query
goes through :func:`kg.guard.guard` on the parsed query, then runs in a child process with
a time limit, a memory limit and a cap on the number of result rows.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .bounded import DEFAULT_TIMEOUT
from .errors import KgError, QueryError

UPDATE_REFUSED = "this endpoint is read-only: SPARQL Update is refused"


@dataclass(frozen=True)
class Limits:
    """Per query: seconds (None: none), MB (0: none; None: :func:`kg.bounded.default_memory_mb`), result rows."""

    timeout: float | None = DEFAULT_TIMEOUT
    memory_mb: int | None = None
    max_rows: int = 100_000
    max_query_bytes: int = 1 << 20


def answer(store: str, text: str, accept: str, max_rows: int) -> tuple[str, bytes]:
    """Run an already-checked query on the store and serialise the result for ``accept``.

    Returns (media type, body). Runs in the child process.
    """
    import pyoxigraph as ox

    from .query import format_result, run_oxigraph, sparql_json

    result, _ = run_oxigraph(Path(store), text, store=ox.Store.read_only(store))
    if result.kind == "SELECT" and len(result.rows) > max_rows:
        raise QueryError(f"the result has more than {max_rows} rows; add a LIMIT or start kg serve with a larger --max-rows")
    if result.kind == "CONSTRUCT":
        return "text/turtle; charset=utf-8", format_result(result, "table").encode("utf-8")
    for media, fmt in (("text/csv", "csv"), ("text/tab-separated-values", "tsv")):
        if media in accept and result.kind == "SELECT":
            return f"{media}; charset=utf-8", (format_result(result, fmt) + "\n").encode("utf-8")
    import json

    payload = sparql_json(result) if result.kind == "SELECT" else {"head": {}, "boolean": bool(result.boolean)}
    return "application/sparql-results+json", json.dumps(payload, ensure_ascii=False).encode("utf-8")


def make_app(store: Path, limits: Limits, allow_service: bool = False) -> Any:
    """The Starlette application: ``/query`` (GET and POST as in the SPARQL 1.1 Protocol);
    ``/update`` and update forms answer 403."""
    from urllib.parse import parse_qs

    import pyoxigraph as ox
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    from .bounded import run_bounded
    from .query import check_read_only

    with_graphs = ox.Store.read_only(str(store))
    graphs = frozenset(g.value for g in with_graphs.named_graphs() if isinstance(g, ox.NamedNode))
    del with_graphs

    async def query(request: Request) -> Response:
        text: str | None = None
        if request.method == "GET":
            text = request.query_params.get("query")
            if "update" in request.query_params:
                return PlainTextResponse(UPDATE_REFUSED, 403)
        else:
            body = await request.body()
            if len(body) > limits.max_query_bytes:
                return PlainTextResponse(f"the query is larger than {limits.max_query_bytes} bytes", 413)
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype == "application/sparql-query":
                text = body.decode("utf-8", "replace")
            elif ctype == "application/x-www-form-urlencoded":
                form = parse_qs(body.decode("utf-8", "replace"))
                if "update" in form:
                    return PlainTextResponse(UPDATE_REFUSED, 403)
                text = form["query"][0] if form.get("query") else None
            elif ctype == "application/sparql-update":
                return PlainTextResponse(UPDATE_REFUSED, 403)
            else:
                return PlainTextResponse("send the query as application/sparql-query or a form field 'query'", 415)
        if not text:
            return PlainTextResponse("missing 'query'", 400)
        try:
            checked = check_read_only(text, allow_service, graphs)
            media, payload = await run_in_threadpool(
                run_bounded, answer, str(store), checked, request.headers.get("accept", ""), limits.max_rows,
                timeout=limits.timeout, memory_mb=limits.memory_mb, what="the query", method="forkserver")
        except KgError as exc:
            status = 403 if "read-only" in str(exc) or "SERVICE" in str(exc) or "FROM" in str(exc) else 400
            if "limit" in str(exc) or "rows" in str(exc):
                status = 503 if "time" in str(exc) else 413
            return PlainTextResponse(str(exc), status)
        return Response(payload, media_type=media)

    async def refuse(_request: Request) -> Response:
        return PlainTextResponse(UPDATE_REFUSED, 403)

    return Starlette(routes=[Route("/query", query, methods=["GET", "POST"]),
                             Route("/update", refuse, methods=["GET", "POST"])])


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or a one-line error when the address is taken or not ours."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise QueryError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; pick another --port or --host") from None
    return sock


def serve(graph_path: Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None,
          allow_service: bool = False, echo: Any = print) -> int:
    """Serve the graph read-only until Ctrl-C or SIGTERM; the banner appears once the port is bound."""
    try:
        import uvicorn
    except ImportError:
        raise QueryError("kg serve needs the server extra: pip install 'parley-kg[server]'") from None
    import multiprocessing

    from .endpoint import prepare_store

    limits = limits or Limits()
    store = prepare_store(graph_path)
    multiprocessing.set_forkserver_preload(["kg.server", "kg.query", "pyoxigraph", "rdflib"])
    app = make_app(store, limits, allow_service)
    sock = bind(host, port)
    shown = f"[{host}]" if ":" in host else host
    echo(f"SPARQL endpoint: http://{shown}:{port}/query (read-only; default graph = union of named graphs; "
         f"queries stop after {limits.timeout or 'no limit'} s); Ctrl-C stops it")
    import signal

    def interrupt(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then raises the signal again under the
    # handlers it found: a stop is a normal end here, exit 0.
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False)).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        sock.close()
    return 0
