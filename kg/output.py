"""Writing outputs atomically (temp file, then rename) and serialising deterministically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

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


def _canonical_lines(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def serialize_trig(ds: Dataset) -> str:
    """TriG with graphs, subjects and predicates in a stable order (byte-identical reruns).

    rdflib's TriG writer orders graphs by hash; we write each named graph as sorted Turtle.
    """
    header: list[str] = []
    blocks: list[str] = []
    for ctx in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(ctx) == 0 or str(ctx.identifier).startswith("urn:x-rdflib:"):
            continue
        g = Graph()
        for prefix, ns in ds.namespaces():
            g.bind(prefix, ns, override=True)
        for t in ctx:
            g.add(t)
        body = []
        for line in g.serialize(format="turtle").splitlines():
            if line.startswith("@prefix"):
                if line not in header:
                    header.append(line)
            elif line.strip():
                body.append("    " + line)
            elif body and body[-1] != "":
                body.append("")
        while body and body[-1] == "":
            body.pop()
        blocks.append(f"<{ctx.identifier}> {{\n" + "\n".join(body) + "\n}\n")
    return "\n".join(sorted(header)) + "\n\n" + "\n".join(blocks)


def serialize_turtle(g: Graph) -> str:
    return _canonical_lines(g.serialize(format="turtle"))
