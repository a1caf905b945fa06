"""Corpus documents: header parsing, page-chrome detection, and reading files safely."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .dates import parse_published
from .errors import CorpusError

HEADER_KEYS = ("title", "source", "published", "publisher")
NEWLINE = b"\n"
_HEADER = re.compile(r"^(Title|Source|Published|Publisher):[ \t]*(.*)$")


@dataclass(frozen=True)
class Document:
    """A corpus document: metadata from its header and its body (offsets refer to the body)."""

    doc_id: str
    body: str
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    path: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()


def parse_document(text: str, doc_id: str, path: str | None = None) -> Document:
    """Parse a document's text: optional ``Key: value`` header lines, a blank line, the body.

    >>> d = parse_document("Title: T\\nPublished: 2022-03-04\\n\\nBody.", "x")
    >>> (d.title, d.published.isoformat(), d.body)
    ('T', '2022-03-04', 'Body.')
    >>> parse_document("No header here.", "y").body
    'No header here.'
    """
    meta: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = _HEADER.match(lines[i].rstrip("\r"))
        if not m:
            break
        key = m.group(1).lower()
        if key in meta:
            raise CorpusError(f"{path or doc_id}: the header gives {m.group(1)} twice (line {i + 1}); keep one")
        meta[key] = m.group(2).strip()
        i += 1
    if meta and i < len(lines) and lines[i].strip() == "":
        body = "\n".join(lines[i + 1 :])
    elif meta and i == len(lines):
        body = ""
    elif meta:
        body = "\n".join(lines[i:])
    else:
        body = text
    published = None
    if meta.get("published"):
        raw = meta["published"]
        try:
            published = parse_published(raw)
        except ValueError:
            where = path or doc_id
            raise CorpusError(f"{where}: malformed Published date {raw!r} (expected e.g. 2022-03-04, "
                              "March 4, 2022 or 4 March 2022)") from None
    return Document(
        doc_id=doc_id,
        body=body,
        title=meta.get("title") or None,
        source=meta.get("source") or None,
        published=published,
        publisher=meta.get("publisher") or None,
        path=path,
    )


MAX_BYTES = 5 << 20  # an article above this is refused (KG_MAX_ARTICLE_BYTES changes it)


def max_bytes() -> int:
    import os

    raw = os.environ.get("KG_MAX_ARTICLE_BYTES", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else MAX_BYTES


def read_bytes(path: Path) -> bytes:
    """The bytes of one input file: a regular file, readable, within the size limit."""
    import stat

    limit = max_bytes()
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):  # a FIFO would block, a device never end
            raise CorpusError(f"{path}: not a regular file (a pipe or a device); pass article files")
        if st.st_size > limit and path.suffix.lower() not in COLLECTIONS:
            raise CorpusError(f"{path}: {st.st_size:,} bytes is more than the limit of {limit:,} for one article; "
                              "split it, or raise KG_MAX_ARTICLE_BYTES")
        with path.open("rb") as fh:
            data = fh.read() if path.suffix.lower() in COLLECTIONS else fh.read(limit + 1)
    except PermissionError:
        raise CorpusError(f"{path}: permission denied (cannot read the file)") from None
    except IsADirectoryError:
        raise CorpusError(f"{path}: is a directory, expected an article file") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > limit and path.suffix.lower() not in COLLECTIONS:
        raise CorpusError(f"{path}: more than the limit of {limit:,} bytes for one article; raise KG_MAX_ARTICLE_BYTES")
    if not data.strip():
        raise CorpusError(f"{path}: the file is empty")
    return data


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text without a byte-order mark and with Unix line ends, or a clear error."""
    if b"\x00" in data[:8192]:
        raise CorpusError(f"{path}: looks like a binary file, not UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}, line "
            f"{data.count(NEWLINE, 0, exc.start) + 1}); re-save it as UTF-8"
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def read_document(path: Path) -> Document:
    """Read one ``.txt`` file as a Document, with a clear error for unreadable input."""
    doc = parse_document(decode(path, read_bytes(path)), path.stem, str(path))
    if not doc.body.strip():
        raise CorpusError(f"{path}: the file has a header but no body text")
    return doc


#: File kinds a folder scan reads; collections hold many articles each.
SUFFIXES = (".txt", ".jsonl", ".json", ".csv", ".html", ".htm")
COLLECTIONS = (".jsonl", ".json", ".csv")


def _scan(folder: Path) -> list[Path]:
    """The ``.txt`` files under a folder; a subfolder that cannot be read is an error, not a skip."""
    import os

    def fail(exc: OSError) -> None:
        raise CorpusError(f"{exc.filename}: cannot read the folder ({exc.strerror}); fix its permissions or "
                          "leave it out") from None

    found: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=fail):
        dirs.sort()
        found.extend(Path(root) / n for n in names if n.lower().endswith(SUFFIXES) and not n.startswith("."))
    return sorted(found)


def corpus_files(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into a sorted list of article files (see :data:`SUFFIXES`)."""
    files: list[Path] = []
    for p in paths:
        if not p.exists():
            raise CorpusError(f"{p}: no such file or directory")
        if p.is_dir():
            found = _scan(p)
            if not found:
                raise CorpusError(f"{p}: folder has no article files ({', '.join(SUFFIXES)})")
            files.extend(found)
        else:
            files.append(p)
    seen: set[str] = set()
    out = []
    for f in files:
        key = str(f.resolve())
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def load_corpus(paths: Iterable[Path]) -> Iterator[Document]:
    """Yield the Documents of files and folders, in sorted order; the first bad one is an error."""
    from .readers import read_corpus

    docs, _skipped = read_corpus(list(paths))
    yield from docs


# ------------------------------------------------------------------ page chrome


def chrome_spans(body: str, lexicon: dict[str, re.Pattern[str]],
                 content: Callable[[int, int, str], bool] | None = None) -> list[tuple[int, int]]:
    """Character spans of page furniture (banners, captions, footers, link lists).

    Lines matching ``chrome-line`` or ``chrome-caption`` are chrome; a ``chrome-footer``
    line ends the article (with the headline-like lines just before it); the paragraph
    before a ``chrome-credit`` line ("(Reuters)") is a photo caption. ``content(start, end,
    text)`` tells lines that state a fact: a ``chrome-line`` word ("privacy", "hotline") never
    drops such a line, and a footer line followed by one is only a line, not the end.
    """
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for line in body.split("\n"):
        lines.append((pos, pos + len(line), line.strip()))
        pos += len(line) + 1

    def full(name: str, text: str) -> bool:
        pat = lexicon.get(name)
        return bool(pat and text and (m := pat.match(text)) and m.end() == len(text))

    def states_fact(i: int) -> bool:
        return content is not None and content(*lines[i])

    chrome = [False] * len(lines)
    for i, (_, _, text) in enumerate(lines):
        if (full("chrome-line", text) and not states_fact(i)) or full("chrome-caption", text):
            chrome[i] = True
        if full("chrome-credit", text):
            chrome[i] = True
            j = i - 1
            while j >= 0 and not lines[j][2]:
                j -= 1
            if j >= 0:
                chrome[j] = True
    footers = [i for i, (_, _, t) in enumerate(lines) if full("chrome-footer", t)]
    for i in footers:
        chrome[i] = True
    # the footer is the first footer line after which no line states a fact
    footer = next((i for i in footers if not any(states_fact(k) for k in range(i + 1, len(lines)))), None)
    if footer is not None:
        for i in range(footer, len(lines)):
            chrome[i] = True
        j = footer - 1
        while j >= 0:
            text = lines[j][2]
            if not text:
                j -= 1
                continue
            if text.endswith(("?", '?"', "?”")) or not text.endswith((".", '."', ".”", ")", "!")):
                chrome[j] = True
                j -= 1
                continue
            break
    return [(s, e) for (s, e, _), c in zip(lines, chrome, strict=True) if c and e > s]
