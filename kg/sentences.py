"""Sentence splitting that knows abbreviations ("U.S.", "Mr.") and keeps names whole."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
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


#: A line that starts a list item ("- ", "-- ", "• ", "1. ", "(a) ").
LIST_ITEM = re.compile(r"^\s*(?:[-*•–—]+|\d+[.)]|\(\w\))\s")
# "Maria Zakharova: We ...", "Q: Will ...": a turn of a transcript opens with its speaker's name.
SPEAKER_LABEL = re.compile(r"^\s*((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w.'’-]*)\s*:\s+\S")


def wrapped_breaks(text: str) -> set[int]:
    r"""Offsets of line breaks inside hard-wrapped paragraphs (they do not end a sentence).

    A block of two or more consecutive lines, none longer than 100 characters, is hard-wrapped
    copy; a break in it joins when the line before it is long (a short line is a heading or the
    end of a paragraph) and the line after it is no list item.

    >>> t = "GENEVA - Talks between the two delegations went on for\nfive hours on Sunday.\n\nHeadline"
    >>> sorted(wrapped_breaks(t)) == [t.index("\n")]
    True
    """
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    out: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j][1].strip():
            j += 1
        block = lines[i:j]
        if len(block) >= 2:
            longest = max(len(b[1].rstrip()) for b in block)
            if longest <= 100:
                for (start, line), (_nstart, nxt) in itertools.pairwise(block):
                    if len(line.rstrip()) >= max(30, 0.6 * longest) and not LIST_ITEM.match(nxt):
                        out.add(start + len(line))
        i = max(j, i + 1)
    return out


def split_sentences(text: str, protected: Sequence[tuple[int, int]] = ()) -> list[Span]:
    r"""Split ``text`` into sentence spans; never split inside a ``protected`` span.

    Lines (paragraphs) end a sentence, except the line breaks of hard-wrapped copy.

    >>> t = 'U.S. President Trump spoke. "We are close," he said. Talks resume.'
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['U.S. President Trump spoke.', '"We are close," he said.', 'Talks resume.']
    >>> t = "Kyiv said on Sunday that it was ready to resume the\ntalks in Geneva. Moscow said it disagreed with\nthe proposal."
    >>> [t[s.start:s.end].replace("\n", " ") for s in split_sentences(t)]
    ['Kyiv said on Sunday that it was ready to resume the talks in Geneva.', 'Moscow said it disagreed with the proposal.']
    """
    joins = wrapped_breaks(text)
    flat = "".join(" " if (c == "\n" and i in joins) else c for i, c in enumerate(text)) if joins else text
    inside = _inside(protected)
    spans: list[Span] = []
    pos = 0
    for line in flat.split("\n"):
        start = pos
        pos += len(line) + 1
        cut = start
        for m in _BOUNDARY.finditer(line):
            end = start + m.end()
            # the word before the boundary, read from a bounded window: work stays linear on one long line
            word = _LAST_WORD.search(line, max(0, m.start() - 64), m.start() + 1)
            last = word.group(1) if word else ""
            if line[m.start()] == "." and _ABBREV.search(last):
                continue
            if last == "No." and re.match(r"\s*\d", line[m.end():m.end() + 8]):
                continue  # "No. 5"
            if inside(end - 1):
                continue
            _add(text, spans, cut, end)
            cut = end
        _add(text, spans, cut, start + len(line))
    return spans


_LAST_WORD = re.compile(r"(\S+)\s*$")


def _inside(protected: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset lies strictly inside one of the spans, in log time.

    >>> inside = _inside([(10, 20), (15, 30), (40, 41)])
    >>> [inside(x) for x in (10, 11, 25, 30, 40)]
    [False, True, True, False, False]
    """
    merged: list[list[int]] = []
    for a, b in sorted(protected):
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _b in merged]

    def inside(x: int) -> bool:
        i = bisect.bisect_left(starts, x) - 1
        return i >= 0 and merged[i][0] < x < merged[i][1]

    return inside


def _add(text: str, spans: list[Span], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
