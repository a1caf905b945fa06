"""What a query may do, decided on the parsed query; and the one escaper for terms in query text.

SPARQL expands ``\\uXXXX`` and ``\\UXXXXXXXX`` over the whole query text before parsing
(SPARQL 1.1, section 19.2), so a check that reads the raw text can be walked around
(``\\u0053ERVICE``). :func:`guard` expands the escapes once, parses the result with rdflib and
returns the expanded text: the check and the engine then read the same characters.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

from rdflib import BNode, Literal, URIRef

from .errors import QueryError

READ_ONLY = "SPARQL Update is not allowed: kg query is read-only"
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LEFT_ESCAPE = re.compile(r"\\[uU]")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*")


def expand_escapes(text: str) -> str:
    r"""The query text with its codepoint escapes replaced by the characters they stand for.

    >>> expand_escapes(r"SELECT * WHERE { \u0053ERVICE <x> {} }")
    'SELECT * WHERE { SERVICE <x> {} }'

    An escape that yields another escape is refused: an engine expanding again would read
    a different query from the one checked.

    >>> expand_escapes(r"'\u005Cu0022'")
    Traceback (most recent call last):
    kg.errors.QueryError: the query's \u escapes spell another escape; write the characters themselves
    """
    def char(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise QueryError(f"{m.group(0)} is not a character")
        return chr(code)

    out = _ESCAPE.sub(char, text)
    if _ESCAPE.search(out):  # one pass replaces every escape of the text: this one was spelt by others
        raise QueryError(r"the query's \u escapes spell another escape; write the characters themselves")
    return out


def guard(text: str, prefixes: str = "", allow_service: bool = False,
          graphs: Collection[str] | None = None) -> str:
    """The query text to run, once the parsed query has been found read-only and local.

    Refused: SPARQL Update (``LOAD`` among it), ``SERVICE`` unless ``allow_service``, and a
    ``FROM``/``FROM NAMED`` graph outside ``graphs`` (the dataset's graph names; ``None``
    allows none, as for a remote endpoint whose graphs are unknown, unless ``allow_service``).
    ``prefixes`` are the declarations the engine adds in front of the query.

    >>> guard("SELECT * WHERE { ?s ?p ?o }")
    'SELECT * WHERE { ?s ?p ?o }'
    >>> guard("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    kg.errors.QueryError: FROM <file:///etc/passwd> names a graph outside the dataset; its graphs are the documents' graphs
    """
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    expanded = expand_escapes(text)
    try:
        algebra = translateQuery(parseQuery(prefixes + expanded)).algebra
    except Exception as exc:
        if _parses_as_update(prefixes + expanded):
            raise QueryError(READ_ONLY) from None
        raise QueryError(f"SPARQL syntax error: {_message(exc, prefixes)}") from None
    if not allow_service:
        for node in _nodes(algebra):
            if getattr(node, "name", None) == "ServiceGraphPattern":
                raise QueryError("SERVICE would query a remote endpoint; pass --allow-service to allow it")
        for clause in algebra.get("datasetClause") or []:
            kind, iri = ("FROM NAMED", clause["named"]) if "named" in clause else ("FROM", clause["default"])
            if graphs is None or str(iri) not in graphs:
                raise QueryError(f"{kind} <{iri}> names a graph outside the dataset; its graphs are the documents' graphs")
    return expanded


def _nodes(node: Any) -> Iterator[Any]:
    """Every node of a parsed query or its algebra, depth first."""
    stack = [node]
    seen: set[int] = set()
    while stack:
        cur = stack.pop()
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        yield cur
        if isinstance(cur, dict):
            stack.extend(v for k, v in cur.items() if k != "_vars")
        elif isinstance(cur, list | tuple):
            stack.extend(cur)


def _parses_as_update(text: str) -> bool:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


def _message(exc: Exception, prefixes: str) -> str:
    shift = prefixes.count("\n")
    line = getattr(exc, "lineno", None) or getattr(exc, "line", None)
    col = getattr(exc, "col", None) or getattr(exc, "column", None)
    msg = getattr(exc, "msg", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
    if isinstance(line, int) and isinstance(col, int):
        msg = f"line {line - shift}, column {col}: {msg}"
    return str(msg)[:160]


def sparql_term(term: Any) -> str:
    """One RDF term as SPARQL text, following the grammar for IRIs and literals.

    >>> sparql_term(Literal('say "no"\\n'))
    '"say \\\\"no\\\\"\\\\n"'
    >>> sparql_term(URIRef("http://x/a b"))
    Traceback (most recent call last):
    kg.errors.QueryError: 'http://x/a b' cannot be an IRI: it holds ' '
    """
    if isinstance(term, URIRef):
        return _iri(str(term))
    if isinstance(term, Literal):
        lexical = str(term)
        if _LEFT_ESCAPE.search(lexical):
            raise QueryError(f"{_short(lexical)}: a value holding \\u or \\U cannot be bound "
                             "(SPARQL would read it as an escape)")
        body = '"' + "".join(_ECHAR.get(c, c) for c in lexical) + '"'
        if term.language:
            if not _LANG.fullmatch(term.language):
                raise QueryError(f"{term.language!r} is not a language tag")
            return f"{body}@{term.language}"
        return f"{body}^^{_iri(str(term.datatype))}" if term.datatype else body
    if isinstance(term, BNode):
        raise QueryError("a blank node cannot be bound as a parameter")
    raise QueryError(f"{term!r} is not an RDF term")


_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _iri(text: str) -> str:
    bad = _IRI_BAD.search(text) or _LEFT_ESCAPE.search(text)
    if bad:
        raise QueryError(f"{_short(text)!r} cannot be an IRI: it holds {bad.group(0)!r}")
    return f"<{text}>"


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"
