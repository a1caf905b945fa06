"""Writing outputs atomically (temp file, then rename) and serialising deterministically."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import OutputError


def ensure_dir(path: Path) -> Path:
    """Create an output folder, or say clearly why it cannot be used."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {path}: {exc.strerror}") from None
    if not path.is_dir():
        raise OutputError(f"output path {path} is not a folder")
    if not os.access(path, os.W_OK):
        raise OutputError(f"output folder {path} is not writable")
    return path


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder and a rename."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    ensure_dir(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write in {path.parent}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None


_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _literal(lit: Literal, prefixes: list[tuple[str, str]]) -> str:
    text = "".join(_ESCAPES.get(ch, ch) for ch in str(lit))
    if lit.language:
        return f'"{text}"@{lit.language}'
    if lit.datatype is not None and str(lit.datatype) != str(XSD.string):
        return f'"{text}"^^{_iri(URIRef(str(lit.datatype)), prefixes)}'
    return f'"{text}"'


def _iri(iri: URIRef, prefixes: list[tuple[str, str]]) -> str:
    s = str(iri)
    for prefix, ns in prefixes:
        if s.startswith(ns) and _LOCAL.match(s[len(ns):]):
            return f"{prefix}:{s[len(ns):]}"
    return f"<{s}>"


def _term(t: Node, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(t, Literal):
        return _literal(t, prefixes)
    if isinstance(t, URIRef):
        return _iri(t, prefixes)
    raise OutputError(f"cannot write blank node {t} deterministically")


def _sort_key(t: Node) -> tuple[int, str]:
    return (0 if isinstance(t, URIRef) else 1, str(t) + (f"@{t.language}" if isinstance(t, Literal) and t.language else ""))


def turtle_body(triples: Iterable[tuple[Node, Node, Node]], prefixes: list[tuple[str, str]], indent: str = "") -> list[str]:
    """Turtle statements for ``triples``: subjects, predicates and objects in sorted order."""
    by_subject: dict[Node, dict[Node, list[Node]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
    lines: list[str] = []
    for s in sorted(by_subject, key=_sort_key):
        preds = by_subject[s]
        ordered = sorted(preds, key=lambda p: (p != RDF.type, str(p)))
        parts = []
        for p in ordered:
            objs = ", ".join(_term(o, prefixes) for o in sorted(set(preds[p]), key=_sort_key))
            parts.append(f"{'a' if p == RDF.type else _term(p, prefixes)} {objs}")
        lines.append(f"{indent}{_term(s, prefixes)} " + f" ;\n{indent}    ".join(parts) + " .")
        lines.append("")
    return lines


def _prefixes() -> list[tuple[str, str]]:
    from .namespaces import PREFIXES

    extra = {"foaf": "http://xmlns.com/foaf/0.1/", "actor": PREFIXES["id"] + "actor/", "place": PREFIXES["id"] + "place/",
             "issue": PREFIXES["id"] + "issue/", "media": PREFIXES["id"] + "media/"}
    # longest namespace first, so that id:actor/... becomes actor:...
    return sorted({**PREFIXES, **extra}.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def _header(prefixes: list[tuple[str, str]]) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes)) + "\n"


def serialize_trig(ds: Dataset) -> str:
    """TriG with graphs, subjects, predicates and objects in a stable order (byte-identical reruns)."""
    prefixes = _prefixes()
    blocks = [_header(prefixes)]
    for ctx in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(ctx) == 0 or str(ctx.identifier).startswith("urn:x-rdflib:"):
            continue
        body = turtle_body(ctx, prefixes, indent="    ")
        blocks.append(f"{_term(URIRef(str(ctx.identifier)), prefixes)} {{\n" + "\n".join(body).rstrip() + "\n}\n\n")
    return "".join(blocks).rstrip("\n") + "\n"


def serialize_turtle(g: Graph) -> str:
    """Turtle with subjects, predicates and objects in a stable order."""
    prefixes = _prefixes()
    return (_header(prefixes) + "\n".join(turtle_body(g, prefixes))).rstrip("\n") + "\n"


def nquads_from_trig(trig: str | bytes) -> str:
    """N-Quads of a TriG text (see :func:`sorted_nquads`)."""
    import pyoxigraph as ox

    data = trig.encode("utf-8") if isinstance(trig, str) else trig
    return sorted_nquads(ox.parse(data, format=ox.RdfFormat.TRIG))


def sorted_nquads(quads: Iterable[object]) -> str:
    """pyoxigraph quads as N-Quads, one per line, sorted and without repeats (byte-identical
    reruns), for a store's bulk loader."""
    return "".join(sorted({f"{q} .\n" for q in quads}))
