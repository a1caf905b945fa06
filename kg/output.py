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


def _sort_key(t: Node) -> str:
    # IRIs before literals, then by text (and language): one string, so keyed triples compare fast
    return ("0" if isinstance(t, URIRef) else "1") + str(t) + (f"@{t.language}" if isinstance(t, Literal) and t.language else "")


#: A triple ready to be written: (subject key, subject, predicate key, predicate, object key, object),
#: each key the sort order of its term and each term as Turtle writes it.
Keyed = tuple[str, str, str, str, str, str]


def keyed_triples(triples: Iterable[tuple[Node, Node, Node]], prefixes: list[tuple[str, str]]) -> list[Keyed]:
    """``triples`` rendered and sorted, without repeats: what :func:`render_keyed` writes.

    Rendering once per document lets a build cache a document's part of the Turtle and TriG
    files and merge the parts of many documents without rdflib (:mod:`kg.fragments`).
    """
    out = set()
    for s, p, o in triples:
        pkey = ("0" if p == RDF.type else "1") + str(p)
        out.add((_sort_key(s), _term(s, prefixes), pkey, "a" if p == RDF.type else _term(p, prefixes),
                 _sort_key(o), _term(o, prefixes)))
    return sorted(out)


def render_keyed(triples: Iterable[Keyed], indent: str = "") -> list[str]:
    """Turtle statements of sorted keyed triples, one per subject, predicates and objects in order."""
    lines: list[str] = []
    subject: str | None = None
    predicate: str | None = None
    parts: list[str] = []
    objects: list[str] = []

    def close_predicate() -> None:
        if predicate is not None:
            parts.append(f"{predicate} {', '.join(objects)}")

    def close_subject() -> None:
        close_predicate()
        if subject is not None:
            lines.append(f"{indent}{subject} " + f" ;\n{indent}    ".join(parts) + " .")
            lines.append("")

    last: Keyed | None = None
    for triple in triples:
        if triple == last:
            continue  # the same triple from another document
        sk, s, pk, p, _ok, o = triple
        if last is None or sk != last[0] or s != last[1]:
            close_subject()
            subject, predicate, parts, objects = s, p, [], [o]
        elif pk != last[2]:
            close_predicate()
            predicate, objects = p, [o]
        else:
            objects.append(o)
        last = triple
    close_subject()
    return lines


def turtle_body(triples: Iterable[tuple[Node, Node, Node]], prefixes: list[tuple[str, str]], indent: str = "") -> list[str]:
    """Turtle statements for ``triples``: subjects, predicates and objects in sorted order."""
    return render_keyed(keyed_triples(triples, prefixes), indent)


def prefixes() -> list[tuple[str, str]]:
    """The prefixes the files use, longest namespace first (so ``id:actor/x`` becomes ``actor:x``)."""
    from .namespaces import PREFIXES

    extra = {"foaf": "http://xmlns.com/foaf/0.1/", "actor": PREFIXES["id"] + "actor/", "place": PREFIXES["id"] + "place/",
             "issue": PREFIXES["id"] + "issue/", "media": PREFIXES["id"] + "media/"}
    return sorted({**PREFIXES, **extra}.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def trig_header(prefixes: list[tuple[str, str]]) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes)) + "\n"


def graph_block(graph: str, triples: list[Keyed], prefixes: list[tuple[str, str]]) -> str:
    """One named graph of a TriG file, from its sorted keyed triples."""
    body = render_keyed(triples, indent="    ")
    return f"{_term(URIRef(graph), prefixes)} {{\n" + "\n".join(body).rstrip() + "\n}\n\n"


def serialize_trig(ds: Dataset) -> str:
    """TriG with graphs, subjects, predicates and objects in a stable order (byte-identical reruns)."""
    pre = prefixes()
    blocks = [trig_header(pre)]
    for ctx in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(ctx) == 0 or str(ctx.identifier).startswith("urn:x-rdflib:"):
            continue
        blocks.append(graph_block(str(ctx.identifier), keyed_triples(ctx, pre), pre))
    return "".join(blocks).rstrip("\n") + "\n"


def serialize_turtle(g: Graph) -> str:
    """Turtle with subjects, predicates and objects in a stable order."""
    pre = prefixes()
    return (trig_header(pre) + "\n".join(turtle_body(g, pre))).rstrip("\n") + "\n"


def nquads_from_trig(trig: str | bytes) -> str:
    """N-Quads of a TriG text (see :func:`sorted_nquads`)."""
    import pyoxigraph as ox

    data = trig.encode("utf-8") if isinstance(trig, str) else trig
    return sorted_nquads(ox.parse(data, format=ox.RdfFormat.TRIG))


def sorted_nquads(quads: Iterable[object]) -> str:
    """pyoxigraph quads as N-Quads, one per line, sorted and without repeats (byte-identical
    reruns), for a store's bulk loader."""
    return "".join(sorted({f"{q} .\n" for q in quads}))
