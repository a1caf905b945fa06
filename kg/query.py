"""Read-only SPARQL over the built dataset: inline queries, ``.rq`` files, bundled queries.

Parameters are bound with ``initBindings`` (rdflib) or by substituting a ``VALUES`` block
built from RDF terms (pyoxigraph) — never by pasting user text into the query string.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from .errors import GraphError, QueryError, read_utf8
from .formats import from_oxigraph
from .guard import guard, sparql_term
from .namespaces import PREFIXES

QUERY_DIR = Path(__file__).parent / "queries"


@dataclass(frozen=True)
class BundledQuery:
    name: str
    path: Path
    description: str
    params: tuple[str, ...]
    text: str


@dataclass
class QueryResult:
    kind: str                      # SELECT | ASK | CONSTRUCT
    variables: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


def _strip_comments(text: str) -> str:
    out = []
    for line in text.splitlines():
        in_iri = False
        in_str: str | None = None
        cut = len(line)
        for i, ch in enumerate(line):
            if in_str:
                if ch == in_str and line[i - 1] != "\\":
                    in_str = None
            elif ch in "\"'":
                in_str = ch
            elif ch == "<":
                in_iri = True
            elif ch == ">":
                in_iri = False
            elif ch == "#" and not in_iri:
                cut = i
                break
        out.append(line[:cut] + " " * (len(line) - cut))  # same length: offsets stay valid
    return "\n".join(out)


def bundled_queries() -> dict[str, BundledQuery]:
    """The queries shipped in ``kg/queries``: header ``# description`` and ``# param: NAME ...`` lines."""
    out = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        desc, params = "", []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            body = line.lstrip("# ").rstrip()
            if body.lower().startswith("param:"):
                params.append(body.split(":", 1)[1].strip().split()[0])
            elif body and not desc:
                desc = body
        out[path.stem] = BundledQuery(path.stem, path, desc, tuple(params), text)
    return out


def load_query_text(query: str) -> tuple[str, str]:
    """Resolve QUERY (bundled name, ``.rq`` path, or inline SPARQL) to (name, text)."""
    bundled = bundled_queries()
    if query in bundled:
        return query, bundled[query].text
    if query.endswith(".rq"):
        p = Path(query)
        if not p.is_file():
            raise QueryError(f"{query}: no such query file")
        return p.stem, read_utf8(p, QueryError, "query file")
    if re.search(r"\b(?:SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE)\b", query, re.I):
        return "inline", query
    near = [n for n in bundled if query.lower() in n or n in query.lower()]
    hint = f"; did you mean {', '.join(near)}?" if near else "; see `kg query --list`"
    raise QueryError(f"{query!r} is neither SPARQL, a .rq file, nor a bundled query{hint}")


def check_read_only(text: str, allow_service: bool = False, graphs: Collection[str] | None = None) -> str:
    """The query text to run (escapes expanded), once :func:`kg.guard.guard` has found the
    parsed query read-only and local; ``graphs`` are the dataset's graph names."""
    return guard(text, prefix_header(), allow_service, graphs)


def _syntax_error(text: str, message: str) -> QueryError:
    if len(message) > 160:  # Oxigraph lists every token it expected: keep the start, one readable line
        message = message[:159] + "…"
    return QueryError(f"SPARQL syntax error: {message}")


def prefix_header() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in sorted(PREFIXES.items()))


def parse_params(pairs: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """``NAME=VALUE`` pairs as RDF terms: ``<iri>``, ``prefix:local``, an integer, or a literal
    (which :func:`resolve_labels` may turn into the resource with that label)."""
    out: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE")
        name, value = pair.split("=", 1)
        name = name.strip().lstrip("?$")
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"--param {pair!r}: bad variable name")
        out[name] = term_for(value)
    return out


def _param_types() -> dict[str, tuple[URIRef, ...]]:
    from .namespaces import KG

    actors = (KG.Person, KG.Country, KG.Organization, KG.Group)
    return {"actor": actors, "holder": actors, "issue": (KG.Issue,), "place": (KG.Place,), "talks": (KG.Talks,)}


#: A parameter named like this resolves a label only to resources of these classes.
PARAM_TYPES = _param_types()


def term_for(value: str) -> Any:
    """An RDF term for a parameter value: an IRI, a ``prefix:local`` name, an integer or a literal."""
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    if re.fullmatch(r"https?://\S+", value):
        return URIRef(value)
    m = re.fullmatch(r"([a-z]+):([\w./-]+)", value)
    if m and m.group(1) in PREFIXES:
        return URIRef(PREFIXES[m.group(1)] + m.group(2))
    if re.fullmatch(r"-?\d{1,30}", value):
        return Literal(int(value))
    if re.fullmatch(r"-?\d+", value):
        raise QueryError(f"--param value of {len(value)} digits: too long for an integer")
    return Literal(value)


_LABEL_QUERY = """SELECT DISTINCT ?s WHERE {
  ?s rdfs:label|skos:altLabel|skos:notation|skos:prefLabel ?l .
  FILTER (isIRI(?s) && LCASE(STR(?l)) = LCASE(STR(?v)))
}"""
_TYPED_LABEL_QUERY = """SELECT DISTINCT ?s WHERE {
  ?s rdfs:label|skos:altLabel|skos:notation|skos:prefLabel ?l ; a ?type .
  FILTER (isIRI(?s) && LCASE(STR(?l)) = LCASE(STR(?v)))
}"""


def resolve_labels(bindings: dict[str, Any], select: Callable[[str], list[list[Any]]]) -> dict[str, Any]:
    """Bind each plain-literal parameter to the resource with that label (any case), if one has it.

    ``select`` runs a SELECT query (prefixes predeclared) on the engine at hand and returns its
    rows, so the look-up happens where the data is: in pyoxigraph, rdflib or a remote endpoint.
    A parameter named like a key of :data:`PARAM_TYPES` only looks among resources of those
    classes; a label naming several resources is an error that lists them.
    """
    out = dict(bindings)
    for name, term in bindings.items():
        if not isinstance(term, Literal) or term.datatype is not None:
            continue
        hits: set[Any] = set()
        for t in PARAM_TYPES.get(name, (None,)):
            q = with_values(_TYPED_LABEL_QUERY, {"v": term, "type": t}) if t else with_values(_LABEL_QUERY, {"v": term})
            hits |= {row[0] for row in select(q) if isinstance(row[0], URIRef)}
        if len(hits) > 1:
            ordered = sorted(hits)
            raise QueryError(f"{str(term)!r} names {len(hits)} resources: "
                             + ", ".join(f"<{h}>" for h in ordered[:5]) + "; pass an IRI")
        if hits:
            out[name] = hits.pop()
    return out


def run_query(ds: Dataset | Graph, text: str, params: dict[str, Any] | None = None,
              allow_service: bool = False) -> QueryResult:
    """Run a read-only query with rdflib; the default graph is the union of named graphs."""
    import rdflib.plugins.sparql as rdflib_sparql
    from rdflib.plugins.sparql import prepareQuery

    rdflib_sparql.SPARQL_LOAD_GRAPHS = False  # FROM names a graph of the dataset, never a URL to fetch
    text = check_read_only(text, allow_service, _graph_names(ds))
    try:
        prepared = prepareQuery(text, initNs=dict(PREFIXES))
    except Exception as exc:  # pyparsing errors carry line/col
        raise _syntax_error(text, _syntax_message(exc, text)) from None
    try:  # rdflib evaluates lazily: errors surface while the rows are read
        res = ds.query(prepared, initBindings=params or {})
        if res.type == "ASK":
            return QueryResult("ASK", boolean=bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult("CONSTRUCT", graph=_result_graph(res.graph or []))
        variables = [str(v) for v in res.vars or []]
        rows = [[row[i] for i in range(len(variables))] for row in res]  # type: ignore[index]
    except MemoryError:
        raise  # a limit, reported by kg.bounded
    except Exception as exc:
        raise QueryError(f"query failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
    return QueryResult("SELECT", variables, rows)


def _graph_names(ds: Dataset | Graph) -> set[str]:
    if isinstance(ds, Dataset):
        return {str(g.identifier) for g in ds.graphs() if isinstance(g.identifier, URIRef)}
    return set()


def _result_graph(triples: Any) -> Graph:
    """The triples of a CONSTRUCT or DESCRIBE result, with the project's prefixes bound."""
    g = Graph()
    for p, iri in PREFIXES.items():
        g.bind(p, iri)
    for t in triples:
        g.add(t)
    return g


def _syntax_message(exc: Exception, text: str) -> str:
    line = getattr(exc, "lineno", None) or getattr(exc, "line", None)
    col = getattr(exc, "col", None) or getattr(exc, "column", None)
    msg = getattr(exc, "msg", None) or str(exc).splitlines()[0]
    if isinstance(line, int) and isinstance(col, int):
        return f"line {line}, column {col}: {msg}"
    return str(msg)


# ---------------------------------------------------------------- output


def _label_map(graph: Graph | None, terms: set[Any]) -> dict[Any, str]:
    if graph is None:
        return {}
    out = {}
    for t in terms:
        if isinstance(t, URIRef):
            lab = graph.value(t, RDFS.label) or graph.value(t, SKOS.prefLabel)
            if lab is not None:
                out[t] = str(lab)
    return out


def _cell(term: Any, labels: dict[Any, str]) -> str:
    if term is None:
        return ""
    if term in labels:
        return labels[term]
    return str(term)


def format_result(result: QueryResult, fmt: str, graph: Graph | None = None, width: int | None = None) -> str:
    """Format a result as a readable table, CSV, TSV or SPARQL 1.1 JSON (Turtle for graphs)."""
    if result.kind == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)})
        return "true" if result.boolean else "false"
    if result.kind == "CONSTRUCT":
        assert result.graph is not None
        return result.graph.serialize(format="turtle")
    if fmt == "json":
        return json.dumps(sparql_json(result), indent=2, ensure_ascii=False)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow([spreadsheet_safe(c) for c in row])
        return buf.getvalue().rstrip("\n")
    labels = _label_map(graph, {c for row in result.rows for c in row})
    return table(result.variables, [[_cell(c, labels) for c in row] for row in result.rows], width)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(term: Any) -> str:
    """A cell's text, with a leading ``'`` where a spreadsheet would run it as a formula
    (article text is untrusted; numbers stay as they are).

    >>> [spreadsheet_safe(Literal(x)) for x in ("=HYPERLINK(1)", "@SUM(A1)", -5, "Kyiv")]
    ["'=HYPERLINK(1)", "'@SUM(A1)", '-5', 'Kyiv']
    """
    if term is None:
        return ""
    text = str(term)
    numeric = isinstance(term, Literal) and isinstance(term.toPython(), int | float | Decimal) and not isinstance(term.toPython(), bool)
    return "'" + text if text.startswith(_FORMULA) and not numeric else text


def sparql_json(result: QueryResult) -> dict[str, Any]:
    def term(t: Any) -> dict[str, str] | None:
        if t is None:
            return None
        if isinstance(t, URIRef):
            return {"type": "uri", "value": str(t)}
        if isinstance(t, Literal):
            d = {"type": "literal", "value": str(t)}
            if t.language:
                d["xml:lang"] = t.language
            elif t.datatype:
                d["datatype"] = str(t.datatype)
            return d
        return {"type": "bnode", "value": str(t)}

    bindings = []
    for row in result.rows:
        b = {v: term(c) for v, c in zip(result.variables, row, strict=True) if c is not None}
        bindings.append({k: v for k, v in b.items() if v is not None})
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def table(headers: list[str], rows: list[list[str]], width: int | None = None) -> str:
    """A plain text table that fits the terminal: long cells are cut with an ellipsis.

    >>> print(table(["a", "b"], [["1", "xyz"]]))
    a | b
    --+----
    1 | xyz
    """
    width = width or shutil.get_terminal_size((120, 24)).columns
    cols = len(headers)
    if cols == 0:
        return ""
    natural = [max([len(h)] + [len(r[i].replace("\n", " ")) for r in rows]) for i, h in enumerate(headers)]
    budget = max(cols * 6, width - 3 * (cols - 1))
    widths = list(natural)
    while sum(widths) > budget:
        i = widths.index(max(widths))
        widths[i] = max(6, widths[i] - max(1, (sum(widths) - budget) // cols))
        if all(w <= 6 for w in widths):
            break

    def fit(text: str, w: int) -> str:
        text = text.replace("\n", " ")
        return (text if len(text) <= w else text[: w - 1] + "…").ljust(w)

    lines = [" | ".join(fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    for r in rows:
        lines.append(" | ".join(fit(c, w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines)


def run_on_file(graph_path: Path, text: str, params: tuple[str, ...] | list[str] = (), allow_service: bool = False,
                engine: str = "auto") -> tuple[QueryResult, Graph | None]:
    """Load a graph file and run a query on it; returns the result and a graph for labels.

    ``engine``: ``rdflib``, or ``oxigraph`` / ``auto`` (pyoxigraph, a core dependency and much
    faster on large graphs).
    """
    if engine != "rdflib":
        return run_oxigraph(graph_path, text, params, allow_service=allow_service)
    from .graphio import load_dataset

    ds = load_dataset(graph_path)
    return run_rdflib(ds, text, params, allow_service), ds


def run_rdflib(ds: Dataset | Graph, text: str, params: tuple[str, ...] | list[str] = (),
               allow_service: bool = False) -> QueryResult:
    """Run a query with rdflib, ``NAME=VALUE`` parameters resolved and bound with initBindings."""
    bindings = resolve_labels(parse_params(params), lambda q: run_query(ds, q).rows)
    return run_query(ds, text, bindings, allow_service)


def run_oxigraph(graph_path: Path, text: str, params: tuple[str, ...] | list[str] = (),
                 store: Any = None, allow_service: bool = False) -> tuple[QueryResult, Any]:
    """Run a query with pyoxigraph; parameters become a VALUES block of escaped RDF terms
    (pyoxigraph's substitutions only reach projected variables)."""
    import pyoxigraph as ox

    from .graphio import StoreView
    from .store import open_store

    if store is None:
        try:
            return run_oxigraph(graph_path, text, params, open_store(graph_path), allow_service)
        except StoreDamaged:
            from .store import cached_folder, damaged

            damaged(cached_folder(graph_path))
            return run_oxigraph(graph_path, text, params, open_store(graph_path), allow_service)
    text = check_read_only(text, allow_service, {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)})
    view = StoreView(store)  # label look-ups for parameters and the table
    bound = with_values(text, resolve_labels(parse_params(params), lambda q: _ox_rows(store, q)))
    try:
        res = _ox_query(store, bound)
    except SyntaxError as exc:
        msg = str(exc).splitlines()[0]
        m = re.match(r"error at (\d+):(\d+): (.*)", msg)
        raise _syntax_error(text, f"line {m.group(1)}, column {m.group(2)}: {m.group(3)}" if m else msg) from None
    if isinstance(res, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(res)), view
    if isinstance(res, ox.QueryTriples):
        triples = ((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object)) for t in res)
        return QueryResult("CONSTRUCT", graph=_result_graph(triples)), view
    variables = [v.value for v in res.variables]
    rows = _guarded(_convert, res)
    return QueryResult("SELECT", variables, rows), view


class StoreDamaged(GraphError):
    """The cached store failed a read (RocksDB found a corrupt block)."""


def _guarded(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` with a storage failure of the store raised as :class:`StoreDamaged`."""
    try:
        return fn(*args, **kwargs)
    except (OSError, RuntimeError) as exc:
        if "Corruption" in str(exc) or isinstance(exc, OSError):
            raise StoreDamaged(f"the cached store is damaged ({str(exc).splitlines()[0][:120]}); "
                               "it was set aside: run the command again") from None
        raise


def _ox_query(store: Any, text: str) -> Any:
    return _guarded(store.query, text, prefixes=dict(PREFIXES))


class _Row(dict):  # type: ignore[type-arg]
    """A result row with attribute access by variable name (unbound → None), as in rdflib."""

    def __getattr__(self, name: str) -> Any:
        return self.get(name)


class StoreGraph:
    """A pyoxigraph store behind the ``query`` method of rdflib's Graph (``initNs``,
    ``initBindings``, rows with attribute access), so that the analysis code that reads a
    built graph with SPARQL runs on the fast engine unchanged."""

    def __init__(self, store: Any, folder: Path | None = None) -> None:
        self.store = store
        self.folder = folder

    def query(self, text: str, initNs: dict[str, str] | None = None,  # rdflib's argument names
              initBindings: dict[str, Any] | None = None) -> list[_Row]:
        try:
            res = _guarded(self.store.query, with_values(text, initBindings or {}), prefixes=dict(initNs or PREFIXES))
            names = [v.value for v in res.variables]
            return [_Row(zip(names, row, strict=True)) for row in _guarded(_convert, res)]
        except StoreDamaged:
            if self.folder is not None:
                from .store import damaged

                damaged(self.folder)
            raise

    def select(self, text: str) -> list[list[Any]]:
        """The rows of a SELECT query (prefixes predeclared), for :func:`resolve_labels`."""
        return _ox_rows(self.store, text)


def select_rows(graph: Any, text: str) -> list[list[Any]]:
    """The rows of a SELECT query on an rdflib graph or a :class:`StoreGraph`."""
    return graph.select(text) if isinstance(graph, StoreGraph) else run_query(graph, text).rows


def open_graph(graph_path: Path, engine: str = "auto") -> Any:
    """A graph file ready for the analysis queries: a :class:`StoreGraph` on the cached store,
    or an rdflib graph with ``engine="rdflib"``."""
    if engine == "rdflib":
        from .graphio import load_graph

        return load_graph(graph_path)
    from .store import cached_folder, open_store

    return StoreGraph(open_store(graph_path), cached_folder(graph_path))


def _convert(res: Any) -> list[list[Any]]:
    """pyoxigraph solutions as rows of rdflib terms; results repeat terms (holders, stances,
    issues), so each distinct term is converted once."""
    seen: dict[Any, Any] = {}
    return [[None if t is None else seen[t] if t in seen else seen.setdefault(t, from_oxigraph(t)) for t in sol]
            for sol in res]


def _ox_rows(store: Any, text: str) -> list[list[Any]]:
    return _guarded(_convert, _ox_query(store, text))  # type: ignore[no-any-return]


# ---------------------------------------------------------------- remote endpoints (SPARQL 1.1 Protocol)


def _values_block(params: dict[str, Any]) -> str:
    """VALUES clauses from RDF terms — a term, or a list of terms for one row each — serialised
    by :func:`kg.guard.sparql_term`, never pasted; one clause per variable (the clauses join)."""
    blocks = []
    for name in sorted(params):
        value = params[name]
        terms = value if isinstance(value, list | tuple) else [value]
        blocks.append(f"VALUES ?{name} {{ " + " ".join(sparql_term(t) for t in terms) + " }")
    return " ".join(blocks)


def with_values(text: str, params: dict[str, Any]) -> str:
    """Insert VALUES clauses right after the outermost WHERE's opening brace.

    >>> from rdflib import URIRef
    >>> print(with_values("SELECT ?p WHERE { ?p ?q ?o }", {"p": [URIRef("urn:a"), URIRef("urn:b")]}))
    SELECT ?p WHERE {
      VALUES ?p { <urn:a> <urn:b> }
     ?p ?q ?o }
    """
    block = _values_block(params)
    if not block:
        return text
    m = re.search(r"\bWHERE\s*\{", _strip_comments(text), re.I)
    if m is None:
        raise QueryError("--param with --endpoint needs a query with a WHERE clause")
    return text[: m.end()] + "\n  " + block + "\n" + text[m.end():]


def run_remote(endpoint: str, text: str, params: tuple[str, ...] | list[str] = (),
               allow_service: bool = False, timeout: float = 60.0) -> QueryResult:
    """Run a read-only query against a SPARQL 1.1 endpoint over HTTP (labels in parameters are
    resolved on the endpoint)."""
    text = check_read_only(text, allow_service)
    if not re.fullmatch(r"https?://[^\s<>\"]+", endpoint):
        raise QueryError(f"--endpoint {endpoint!r}: expected an http(s) URL (no spaces; encode them as %20)")
    bindings = resolve_labels(parse_params(params), lambda q: _post(endpoint, prefix_header() + q, timeout).rows)
    return _post(endpoint, prefix_header() + with_values(text, bindings), timeout)


def _post(endpoint: str, body: str, timeout: float) -> QueryResult:
    import urllib.error
    import urllib.request

    req = urllib.request.Request(endpoint, data=body.encode("utf-8"), method="POST", headers={
        "Content-Type": "application/sparql-query; charset=utf-8",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            ctype = resp.headers.get("Content-Type", "")
            payload = resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:1]
        raise QueryError(f"{endpoint} answered {exc.code}: {detail[0] if detail else exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise QueryError(f"cannot reach {endpoint}: {getattr(exc, 'reason', exc)}") from None
    try:
        return _results(ctype, payload)
    except Exception as exc:
        kind = ctype.split(";")[0] or "no content type"
        raise QueryError(f"{endpoint} did not answer with SPARQL results ({kind}: {type(exc).__name__}); "
                         "is it a SPARQL query endpoint?") from None


def _results(ctype: str, payload: bytes) -> QueryResult:
    """A SPARQL 1.1 results document (JSON) or an RDF graph (Turtle, N-Triples) as a result."""
    if "turtle" in ctype or "n-triples" in ctype:
        g = Graph().parse(data=payload.decode("utf-8"), format="turtle")
        return QueryResult("CONSTRUCT", graph=g)
    if "json" not in ctype:
        raise ValueError("not JSON")
    data = json.loads(payload)
    if "boolean" in data:
        return QueryResult("ASK", boolean=bool(data["boolean"]))
    variables = [str(v) for v in data["head"]["vars"]]
    rows = [[_from_json(b.get(v)) for v in variables] for b in data["results"]["bindings"]]
    return QueryResult("SELECT", variables, rows)


def _from_json(cell: dict[str, str] | None) -> Any:
    from rdflib import BNode

    if cell is None:
        return None
    if cell["type"] == "uri":
        return URIRef(cell["value"])
    if cell["type"] == "bnode":
        return BNode(cell["value"])
    if "xml:lang" in cell:
        return Literal(cell["value"], lang=cell["xml:lang"])
    dt = cell.get("datatype")
    return Literal(cell["value"], datatype=URIRef(dt) if dt and not dt.endswith("#string") else None)
