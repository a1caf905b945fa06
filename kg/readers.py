"""Articles in the forms people keep them: text files, JSON Lines, JSON arrays, CSV, saved web pages.

Each reader yields Documents, or :class:`Bad` items naming the file and record and what is
wrong with it; :func:`read_corpus` stops at the first bad one, or (``skip_bad``) lists it and
goes on. Records map fields by name (``title``, ``published``/``date``, ``publisher``,
``text``/``body``, ``url``/``source``, ``id``); ``fields`` renames them
(``{"text": "content"}``). A record's id is its ``id`` field, else a hash of its content:
never its position in the file, so ids stay stable when a collection grows.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .documents import Document, corpus_files, decode, max_bytes, read_bytes, read_document
from .errors import CorpusError

#: Our field → the names it is looked up under, first match wins.
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "pubdate"),
    "publisher": ("publisher", "source_name", "outlet", "sitename"),
    "text": ("text", "body", "content"),
    "url": ("url", "source", "link"),
    "id": ("id",),
}


@dataclass(frozen=True)
class Bad:
    """An input that cannot be read: ``where`` names the file (and record), ``reason`` says why."""

    where: str
    reason: str


def parse_fields(pairs: Sequence[str]) -> dict[str, str]:
    """``OURS=THEIRS`` pairs (``text=content``) as a mapping, checked against :data:`FIELDS`."""
    out = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or ours.strip() not in FIELDS or not theirs.strip():
            raise CorpusError(f"--field {pair!r}: expected NAME=COLUMN with NAME one of {', '.join(FIELDS)}")
        out[ours.strip()] = theirs.strip()
    return out


def read_corpus(paths: Sequence[Path], fields: Mapping[str, str] | None = None,
                skip_bad: bool = False) -> tuple[list[Document], list[Bad]]:
    """The documents of files and folders, in sorted order, and the inputs skipped.

    Without ``skip_bad`` the first bad input is a :class:`CorpusError`; two documents with
    one id are always an error (their facts would merge).
    """
    from .iris import slug

    docs: list[Document] = []
    skipped: list[Bad] = []
    seen: dict[str, Document] = {}
    for path in corpus_files(paths):
        for item in read_file(path, fields or {}):
            if isinstance(item, Bad):
                if not skip_bad:
                    raise CorpusError(f"{item.where}: {item.reason}")
                skipped.append(item)
                continue
            other = seen.setdefault(slug(item.doc_id), item)
            if other is not item:
                raise CorpusError(f"{other.path} and {item.path} give the same document id {slug(item.doc_id)!r}; "
                                  "rename one (or give records distinct ids)")
            docs.append(item)
    return docs, skipped


def read_file(path: Path, fields: Mapping[str, str]) -> Iterator[Document | Bad]:
    """The documents (or bad records) of one file, by its suffix."""
    kind = path.suffix.lower()
    try:
        if kind == ".jsonl":
            yield from _jsonl(path, fields)
        elif kind == ".json":
            yield from _json(path, fields)
        elif kind == ".csv":
            yield from _csv(path, fields)
        elif kind in (".html", ".htm"):
            yield _html(path)
        else:
            yield read_document(path)
    except CorpusError as exc:
        message = str(exc)
        prefix = f"{path}: "
        yield Bad(str(path), message.removeprefix(prefix))


def record_document(record: Any, fields: Mapping[str, str], where: str, path: Path) -> Document | Bad:
    """One record (a JSON object or CSV row) as a Document."""
    from .dates import parse_published

    if not isinstance(record, dict):
        return Bad(where, f"expected an object with a text field, got {type(record).__name__}")
    lowered = {str(k).strip().lower(): v for k, v in record.items()}

    def get(name: str) -> Any:
        names = (fields[name].lower(),) if name in fields else FIELDS[name]
        return next((lowered[n] for n in names if lowered.get(n) not in (None, "")), None)

    text = get("text")
    if not isinstance(text, str) or not text.strip():
        wanted = fields.get("text") or "/".join(FIELDS["text"])
        return Bad(where, f"no article text (field {wanted}; map another with --field text=NAME)")
    if len(text.encode("utf-8")) > max_bytes():
        return Bad(where, f"the text is more than the limit of {max_bytes():,} bytes for one article")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    published = None
    raw_date = get("published")
    if raw_date is not None:
        try:
            published = parse_published(str(raw_date))
        except ValueError:
            return Bad(where, f"malformed date {str(raw_date)[:40]!r} (expected e.g. 2022-03-04, March 4, 2022, "
                              "2022-03-04T10:15:00Z or an RFC 2822 date)")
    title = get("title")
    raw_id = get("id")
    doc_id = str(raw_id).strip() if raw_id is not None and str(raw_id).strip() else _content_id(path, title, text)
    return Document(doc_id=doc_id, body=text, title=_text(title), source=_text(get("url")), published=published,
                    publisher=_text(get("publisher")), path=where)


def _text(value: Any) -> str | None:
    """A metadata value on one line, or None when it is missing or blank."""
    if value is None:
        return None
    return " ".join(str(value).split()) or None


def _content_id(path: Path, title: Any, text: str) -> str:
    """An id from the content (stable when records are added or reordered), prefixed by the file."""
    digest = hashlib.sha256(f"{title or ''}\n{text}".encode()).hexdigest()[:16]
    return f"{path.stem}-{digest}"


def _jsonl(path: Path, fields: Mapping[str, str]) -> Iterator[Document | Bad]:
    read_bytes(path)  # the same checks as for any input: a regular, readable, non-empty file
    try:
        with path.open(encoding="utf-8-sig") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{n}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield Bad(where, f"not JSON ({exc.msg} at column {exc.colno})")
                    continue
                yield record_document(record, fields, where, path)
    except UnicodeDecodeError as exc:
        yield Bad(str(path), f"not valid UTF-8 (byte offset {exc.start} of a line); re-save it as UTF-8")


def _json(path: Path, fields: Mapping[str, str]) -> Iterator[Document | Bad]:
    text = decode(path, read_bytes(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Bad(str(path), f"not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, start=1):
        yield record_document(record, fields, f"{path}[{n}]", path)


def _csv(path: Path, fields: Mapping[str, str]) -> Iterator[Document | Bad]:
    text = decode(path, read_bytes(path))
    try:
        dialect: Any = csv.Sniffer().sniff(text[:65536].split("\n", 1)[0] + "\n", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # a field holds a whole article: the module's default limit (128 KB) is too small
    csv.field_size_limit(max(csv.field_size_limit(), 2 * max_bytes()))
    reader = csv.DictReader(text.splitlines(keepends=True), dialect=dialect)
    try:
        for row in reader:
            where = f"{path}:{reader.line_num}"
            if None in row:
                yield Bad(where, f"more cells than the {len(reader.fieldnames or [])} columns of the header")
                continue
            yield record_document(row, fields, where, path)
    except csv.Error as exc:
        yield Bad(f"{path}:{reader.line_num}", f"broken CSV ({exc})")


_SENTENCE = re.compile(r"\w+\W+\w+\W+\w+[^.!?\n]*[.!?]")


def _html(path: Path) -> Document:
    """A saved web page: main text and metadata with trafilatura (dates from htmldate)."""
    import trafilatura

    from .dates import parse_published

    html = decode(path, read_bytes(path))
    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if found is None:
        raise CorpusError(f"{path}: no article text found in the page")
    meta = found if isinstance(found, dict) else found.as_dict()
    body = (meta.get("text") or "").strip()
    if not _SENTENCE.search(body):  # trafilatura falls back to any text, a menu's "Home" included
        raise CorpusError(f"{path}: no article text found in the page")
    published = None
    if meta.get("date"):
        try:
            published = parse_published(str(meta["date"]))
        except ValueError:
            published = None  # htmldate found something that is not a day: leave the date unknown
    return Document(doc_id=path.stem, body=body.replace("\r\n", "\n"), title=_text(meta.get("title")), source=_text(meta.get("url")),
                    published=published, publisher=_text(meta.get("sitename")), path=str(path))
