"""The ``kg`` command line: each command parses options, calls one library function, prints.

Exit codes: 0 ok, 1 user error (one line on stderr), 2 usage error (click's).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from .errors import KgError

DEFAULT_OUT = Path("output")


class KgGroup(click.Group):
    """Turns library errors into one-line messages and exit code 1 — never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        import warnings

        from .errors import KgWarning

        def show(message: Any, category: Any, *_args: Any, **_kwargs: Any) -> None:
            click.echo(f"Warning: {message}" if issubclass(category, KgWarning) else f"Warning: {category.__name__}: {message}",
                       err=True)

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", KgWarning)
                warnings.showwarning = show
                return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)
        except BrokenPipeError:  # the reader went away (`kg path ... | head -1`): nothing left to say
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except OSError as exc:  # a file or stream the library did not expect to fail
            where = f"{exc.filename}: " if exc.filename else "cannot write the output: "
            click.echo(f"Error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:  # a bug: still one line, with a way to see more
            if os.environ.get("KG_DEBUG"):
                raise
            click.echo(f"Error: internal error: {type(exc).__name__}: {exc} (set KG_DEBUG=1 for a traceback)", err=True)
            ctx.exit(1)


def _graph_option(f: Any) -> Any:
    return click.option("--graph", "graph", type=click.Path(path_type=Path, readable=False), default=DEFAULT_OUT / "graph.trig",
                        show_default=True, help="Graph file to read (TriG, Turtle, N-Quads...).")(f)


class ProgressBar:
    """A progress bar on stderr (articles done, rate, time left), created at the first report."""

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", desc="analysing", file=sys.stderr, leave=False)
        self.bar.n = done
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _bounded(f: Any) -> Any:
    """Run the command in a child process with ``--timeout`` and ``--max-memory`` limits; what it
    prints comes back to this process, so a stopped command prints nothing half-way."""
    import functools

    @functools.wraps(f)
    def wrapper(*args: Any, timeout: float, max_memory: int, **kwargs: Any) -> None:
        from .bounded import run_bounded

        code, out, err = run_bounded(_captured, f, args, kwargs, timeout=timeout or None, memory_mb=max_memory,
                                     what=f"kg {f.__name__.replace('_', '-')}")
        click.echo(err, err=True, nl=False)
        click.echo(out, nl=False)
        if code:
            sys.exit(code)

    return _limit_options(wrapper)


def _limit_options(f: Any) -> Any:
    """``--timeout`` and ``--max-memory`` (defaults in :mod:`kg.bounded`; ``$KG_MEMORY_MB`` sets the memory one)."""
    from .bounded import DEFAULT_TIMEOUT, default_memory_mb

    f = click.option("--max-memory", type=click.IntRange(min=0), default=default_memory_mb, show_default="4096 or $KG_MEMORY_MB",
                     metavar="MB", help="Stop when the work needs more memory than this (0 = no limit).")(f)
    return click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
                        metavar="SECONDS", help="Stop after this long (0 = no limit).")(f)


def _captured(f: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``f(*args, **kwargs)``."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            f(*args, **kwargs)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="parley-kg")
def cli() -> None:
    """Parley: a knowledge graph of actors, positions and issues from news about peace talks."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, readable=False), default=DEFAULT_OUT, show_default=True,
              help="Output folder.")
@click.option("--ontology", type=click.Path(path_type=Path, readable=False), default=None,
              help="Folder with ontology.ttl, codebook.ttl, gazetteer.ttl, lexicon.ttl, shapes.ttl.")
@click.option("--curation/--no-curation", default=True, show_default=True,
              help="Apply the manual-curation layer (curation.tsv in the ontology folder).")
@click.option("--no-html", is_flag=True, help="Skip graph.html.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.option("--wait", is_flag=True, help="If another build is writing to --out, wait for it instead of failing.")
@click.option("--skip-bad", is_flag=True, help="Skip unreadable documents and records (listed) instead of stopping.")
@click.option("--field", "fields", multiple=True, metavar="NAME=COLUMN",
              help="Read our field NAME (title, published, publisher, text, url, id) from COLUMN of JSON/CSV records.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that analyse documents [default: the CPUs for a large corpus, 1 for a few articles].")
@click.option("--no-cache", is_flag=True, help="Extract every document again, ignoring (and not filling) the cache.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Analyse documents on a Dask cluster (tcp://host:8786, or tls://… with the --tls-* files).")
@click.option("--tls-ca-file", type=click.Path(path_type=Path, readable=False), default=None, help="CA certificate (TLS).")
@click.option("--tls-cert", type=click.Path(path_type=Path, readable=False), default=None, help="Client certificate (TLS).")
@click.option("--tls-key", type=click.Path(path_type=Path, readable=False), default=None, help="Client key (TLS).")
def build(paths: tuple[Path, ...], out_dir: Path, ontology: Path | None, curation: bool, no_html: bool,
          no_validate: bool, quiet: bool, wait: bool, skip_bad: bool, fields: tuple[str, ...],
          workers: int | None, no_cache: bool, scheduler: str | None, tls_ca_file: Path | None,
          tls_cert: Path | None, tls_key: Path | None) -> None:
    """Build graph.trig, graph.ttl, graph.html and build.json from PATHS.

    PATHS are files or folders of articles: .txt, .jsonl, .json, .csv, .html (default corpus/).
    """
    from .cluster import security as cluster_security
    from .pipeline import build as run_build
    from .pipeline import stderr_progress
    from .readers import parse_fields
    from .resources import default_corpus_dir

    sources = list(paths) or [default_corpus_dir()]
    bar = None if quiet or not sys.stderr.isatty() else ProgressBar()
    try:
        summary = run_build(sources, out_dir, ontology, html=not no_html, validate_shapes=not no_validate,
                            curation=curation, progress=None if quiet or bar else stderr_progress, wait=wait,
                            skip_bad=skip_bad, fields=parse_fields(fields), warn=lambda m: click.echo(f"Warning: {m}", err=True),
                            workers=workers, use_cache=not no_cache, tick=bar, scheduler=scheduler,
                            security=cluster_security(tls_ca_file, tls_cert, tls_key) if scheduler else None)
    finally:
        if bar is not None:
            bar.close()
    for doc in summary.empty_documents:
        click.echo(f"Warning: {doc}: nothing to extract (empty named graph)", err=True)
    click.echo(summary.line())
    if not no_html:
        click.echo(f"Open {out_dir / 'graph.html'} in a browser.")


@cli.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path, readable=False))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option("--ontology", type=click.Path(path_type=Path, readable=False), default=None, help="Ontology folder.")
@click.option("--summary", is_flag=True, help="Only the score table, not every miss and false positive.")
@click.option("--doc", "docs", multiple=True, metavar="ID", help="Score only these gold documents (repeatable).")
@click.option("--parse-all", is_flag=True, help="Parse every body sentence, not only those that can hold a fact.")
def eval_cmd(gold: Path, paths: tuple[Path, ...], ontology: Path | None, summary: bool, docs: tuple[str, ...],
             parse_all: bool) -> None:
    """Score the rules (no curation) against GOLD (tsv as in eval/). PATHS default to the folder
    named like GOLD beside it (eval/dev2.tsv → eval/dev2/), else corpus/."""
    from .evaluate import evaluate, format_report
    from .resources import default_corpus_dir

    beside = gold.with_suffix("")
    default = beside if beside.is_dir() else default_corpus_dir()
    report = evaluate(gold, list(paths) or [default], ontology, only=set(docs), select=not parse_all)
    click.echo(format_report(report, details=not summary))


@cli.command()
@_graph_option
@click.option("--out", "out_file", type=click.Path(path_type=Path, readable=False), default=DEFAULT_OUT / "graph.html",
              show_default=True, help="HTML file to write.")
@click.option("--highlight-path", nargs=2, metavar="FROM TO", default=None,
              help="Highlight the shortest path between two nodes (same references as kg path).")
def viz(graph: Path, out_file: Path, highlight_path: tuple[str, str] | None) -> None:
    """Write the interactive HTML graph (self-contained, works offline)."""
    from .viz import write_html

    n = write_html(graph, out_file, highlight_path)
    click.echo(f"Wrote {out_file} ({n} nodes).")


@cli.command()
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@_graph_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--k", "k", type=click.IntRange(1, 50), default=1, show_default=True, help="Number of shortest paths.")
@click.option("--avoid", multiple=True, metavar="TYPE",
              type=click.Choice(["Person", "Country", "Organization", "Group", "Issue", "IssueGroup", "Position",
                                 "Talks", "Place"]), help="Node types a path may not pass through (repeatable).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the projection cache.")
@_bounded
def path(source: str, target: str, graph: Path, fmt: str, k: int, avoid: tuple[str, ...], no_cache: bool) -> None:
    """Shortest path between two positions (HOLDER:ISSUE[:STANCE]) or any two nodes, with evidence."""
    import json

    from .paths import format_path_text, load_projection_graph, path_json, resolve, shortest_paths

    pg = load_projection_graph(graph, use_cache=not no_cache)
    src, dst = resolve(pg, source), resolve(pg, target)
    found = shortest_paths(pg, src, dst, k=k, avoid=avoid)
    if fmt == "json":
        click.echo(json.dumps(path_json(pg, found), indent=2, ensure_ascii=False))
        return
    for i, p in enumerate(found, start=1):
        if k > 1:
            click.echo(f"# path {i} ({len(p.hops)} hops)")
        click.echo(format_path_text(pg, p))


@cli.command()
@click.argument("query", required=False)
@_graph_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE: <iri>, prefix:local, an entity label, or a literal (repeatable).")
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE clauses (they reach the network).")
@click.option("--endpoint", default=None, metavar="URL", help="Run against a remote SPARQL 1.1 endpoint instead.")
@click.option("--engine", type=click.Choice(["auto", "rdflib", "oxigraph"]), default="auto", show_default=True,
              help="Local query engine.")
@_bounded
def query(query: str | None, graph: Path, fmt: str, params: tuple[str, ...], list_queries: bool,
          allow_service: bool, endpoint: str | None, engine: str) -> None:
    """Run read-only SPARQL: inline text, a .rq file, or a bundled query name.

    Prefixes kg, rdf, rdfs, owl, skos, prov, dcterms, schema, xsd are predeclared; the
    default graph is the union of all named graphs. ASK prints true/false and exits 0 if
    true, 3 if false.
    """
    from .query import bundled_queries, format_result, load_query_text, run_on_file, run_remote

    if list_queries:
        for q in bundled_queries().values():
            extra = f"  [params: {', '.join(q.params)}]" if q.params else ""
            click.echo(f"{q.name:22} {q.description}{extra}")
        return
    if not query:
        raise click.UsageError("missing QUERY (or use --list)")
    _name, text = load_query_text(query)
    if endpoint:
        result, labels = run_remote(endpoint, text, params, allow_service), None
    else:
        result, labels = run_on_file(graph, text, params, allow_service, engine)
    click.echo(format_result(result, fmt, labels))
    if result.kind == "ASK" and not result.boolean:
        sys.exit(3)


@cli.command()
@_graph_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True)
def matrix(graph: Path, fmt: str) -> None:
    """The stance matrix: actors (grouped by side) × issues (grouped by issue group), stances with source counts."""
    from .matrix import matrix_of_file, matrix_table

    click.echo(matrix_table(matrix_of_file(graph), fmt))


@cli.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["graphml", "gexf", "jsonld", "nquads", "csv"]))
@_graph_option
@click.option("--out", "out", type=click.Path(path_type=Path, readable=False), default=None,
              help="File to write (a folder for csv); default beside the graph.")
def export(fmt: str, graph: Path, out: Path | None) -> None:
    """Export the graph: graphml/gexf (Gephi, Cytoscape), jsonld, nquads, or csv tables (incl. DNA statements)."""
    from .export import export as run_export

    for path in run_export(graph, fmt, out):
        click.echo(f"Wrote {path}")


@cli.command()
@_graph_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@_limit_options
@click.option("--max-rows", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Refuse results with more rows.")
@click.option("--allow-service", is_flag=True, help="Let clients use SERVICE (the server then reaches the network).")
def serve(graph: Path, host: str, port: int, timeout: float, max_memory: int, max_rows: int, allow_service: bool) -> None:
    """Serve the dataset as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/query."""
    from .server import Limits
    from .server import serve as run_serve

    limits = Limits(timeout or None, max_memory, max_rows)
    sys.exit(run_serve(graph, host, port, limits, allow_service, echo=lambda m: click.echo(m, err=True)))


@cli.command()
@_graph_option
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store for Oxigraph.")
def push(graph: Path, endpoint: str) -> None:
    """Upload the dataset, one named graph per document (re-pushing replaces a document's graph)."""
    from .endpoint import push as run_push

    pushed = run_push(graph, endpoint)
    click.echo(f"Pushed {len(pushed)} graphs to {endpoint}.")


def _actor_ids(graph: Any, names: tuple[str, ...]) -> set[str] | None:
    from .errors import ReferenceError_
    from .query import resolve_labels, select_rows, term_for

    if not names:
        return None
    out = set()
    for name in names:
        term = resolve_labels({"actor": term_for(name)}, lambda q: select_rows(graph, q))["actor"]
        if not str(term).startswith("http"):
            raise ReferenceError_(f"unknown actor {name!r}")
        out.add(str(term))
    return out


def _links_command(graph_path: Path, actors: tuple[str, ...], issue: str | None, agree: bool, fmt: str) -> None:
    import json

    from .analysis import evidence_by_position, format_links, links_from_graph, matches
    from .namespaces import KG
    from .query import open_graph

    g = open_graph(graph_path)
    wanted = _actor_ids(g, actors)
    links = [v for v in links_from_graph(g, KG.agreesWith if agree else KG.conflictsWith)
             if (matches(v.a, wanted, issue) or matches(v.b, wanted, issue))
             and (issue is None or matches(v.a, None, issue))]
    evidence = evidence_by_position(g, {f.iri for v in links for f in (v.a, v.b)})
    if fmt == "json":
        rows = [{"issue": v.a.issue, "rule": v.rule,
                 "positions": [{"iri": f.iri, "holder": f.holder_label, "stance": f.stance,
                                "evidence": [dict(zip(("quote", "title", "date"), e, strict=True)) for e in evidence[f.iri]]}
                               for f in (v.a, v.b)]} for v in links]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        click.echo(format_links(links, evidence, "common ground" if agree else "conflicts"))


_filter_options = [
    click.option("--actor", "actors", multiple=True, help="Only positions of this actor or its spokespeople (repeatable)."),
    click.option("--issue", default=None, help="Only this issue code (or issue group)."),
    click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True),
]


def _with_filters(f: Any) -> Any:
    for opt in reversed(_filter_options):
        f = opt(f)
    return _graph_option(f)


@cli.command()
@_with_filters
@_bounded
def conflicts(graph: Path, actors: tuple[str, ...], issue: str | None, fmt: str) -> None:
    """Positions in conflict: same issue, opposite polarity or incompatible claims, different sides."""
    _links_command(graph, actors, issue, agree=False, fmt=fmt)


@cli.command(name="common-ground")
@_with_filters
@_bounded
def common_ground(graph: Path, actors: tuple[str, ...], issue: str | None, fmt: str) -> None:
    """Common ground: opposing sides with the same polarity on the same issue."""
    _links_command(graph, actors, issue, agree=True, fmt=fmt)


@cli.command()
@click.argument("actor", required=False)
@_graph_option
@click.option("--issue", default=None, help="Only this issue code.")
@_bounded
def timeline(actor: str | None, graph: Path, issue: str | None) -> None:
    """An actor's positions (with its spokespeople's) by date, marking shifts and new demands."""
    from .analysis import evidence_by_position, facts_from_graph, format_timeline, matches
    from .analysis import timeline as make_timeline
    from .query import open_graph

    g = open_graph(graph)
    wanted = _actor_ids(g, (actor,) if actor else ())
    facts = [f for f in facts_from_graph(g) if matches(f, wanted, None)]
    rows = make_timeline(facts, issue)
    if not rows:
        click.echo("no positions" + (f" of {actor}" if actor else "") + (f" on {issue}" if issue else ""), err=True)
        return
    click.echo(format_timeline(rows, evidence_by_position(g, {r.fact.iri for r in rows})))


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":  # pragma: no cover
    main()
