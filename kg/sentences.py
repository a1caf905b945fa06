"""Sentence splitting that knows abbreviations ("U.S.", "Mr.") and keeps names whole."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Tokens ending in "." that do not end a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sen|Rep|Gov|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|approx|Jr|Sr|Inc|Co|Corp)"
    r"|\b(?:[A-Z]\.){1,3}[A-Z]?|\b[A-Z])\.$"
)
_BOUNDARY = re.compile(r"[.!?。！？]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9【\[])|[。！？]")


@dataclass(frozen=True)
class Span:
    """A sentence as character offsets into the document body."""

    start: int
    end: int


def split_sentences(text: str, protected: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """Split ``text`` into sentence spans; never split inside a ``protected`` span.

    Lines (paragraphs) always end a sentence.

    >>> t = 'U.S. President Trump spoke. "We are close," he said. Talks resume.'
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['U.S. President Trump spoke.', '"We are close," he said.', 'Talks resume.']
    """
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        cut = start
        for m in _BOUNDARY.finditer(line):
            end = start + m.end()
            head = line[: m.start() + 1].rstrip()
            last = head.split()[-1] if head.split() else ""
            if line[m.start()] == "." and _ABBREV.search(last):
                continue
            if last == "No." and re.match(r"\s*\d", line[m.end():]):
                continue  # "No. 5"
            if any(a < end - 1 < b for a, b in protected):
                continue
            _add(text, spans, cut, end)
            cut = end
        _add(text, spans, cut, start + len(line))
    return spans


def _add(text: str, spans: list[Span], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
