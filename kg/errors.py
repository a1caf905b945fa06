"""Named exceptions of the library; the CLI turns each into a one-line message."""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error a user can cause and fix."""


class CorpusError(KgError):
    """A corpus path or document cannot be read (missing, empty, binary, bad header...)."""


class OntologyError(KgError):
    """The curated ontology data (gazetteer, codebook, lexicon) is missing or malformed."""


class OutputError(KgError):
    """An output file or directory cannot be written."""


class GraphError(KgError):
    """A graph file to analyse cannot be found or parsed."""


class QueryError(KgError):
    """A SPARQL query is malformed, not read-only, or cannot be run."""


class ReferenceError_(KgError):
    """A node reference (``Putin:crimea``) is unknown or ambiguous."""


class NoPathError(KgError):
    """Two nodes are not connected in the projection."""


class ValidationFailed(KgError):
    """The built graph does not conform to the SHACL shapes."""


class GoldError(KgError):
    """A gold annotation file cannot be read."""


class LimitError(KgError):
    """Work ran over a limit (time, memory, size) that keeps a command bounded."""


class KgWarning(UserWarning):
    """Something was repaired or skipped; the CLI prints it as one ``Warning:`` line."""


def read_utf8(path: object, error: type[KgError] = KgError, what: str = "file") -> str:
    """A user's text file, or ``error`` with one line saying why it cannot be read.

    Named exceptions live here, so the one reader of user files that turns I/O and decoding
    failures into them does too.
    """
    from pathlib import Path

    p = Path(str(path))
    try:
        return p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{p}: no such {what}") from None
    except IsADirectoryError:
        raise error(f"{p}: is a folder, expected a {what}") from None
    except OSError as exc:
        raise error(f"{p}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise error(f"{p}: not valid UTF-8 (byte at offset {exc.start}); re-save it as UTF-8") from None
