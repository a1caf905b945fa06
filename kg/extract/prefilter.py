"""Scanning text with many word-bounded patterns without trying each at every character.

The codebook's patterns start with ``(?<!\\w)`` and a few known letters, but Python's
``re`` cannot skip ahead on such a start (a look-behind, and case-insensitive letters,
defeat its prefix search), so a scan tries every alternative at every character. Here a
pattern's possible first characters are read from its parse once; a scan then tries the
pattern only where a word starts with one of them. Matches are those of ``finditer``
exactly; a pattern whose start cannot be read is scanned as before.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_c: Any
_parser: Any
try:  # the parser of the standard ``re`` module (private; without it nothing is skipped)
    _c = importlib.import_module("re._constants")
    _parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other Pythons
    _c = _parser = None


@dataclass(frozen=True)
class WordPattern:
    """A compiled pattern and a quick scan for the places its matches can start.

    ``gate`` matches one character where a match can start (``None`` when the pattern's start
    cannot be read, and then every place is tried).

    Examples
    --------
    >>> p = WordPattern.compile(r"(?<!\\w)(?:cease-?fires?|truces?)(?!\\w)")
    >>> p.gate.pattern
    '(?<!\\\\w)[ct]'
    >>> [m.group() for m in p.finditer("A truce, not a ceasefire; no Cease-fire.")]
    ['truce', 'ceasefire', 'Cease-fire']
    """

    regex: re.Pattern[str]
    gate: re.Pattern[str] | None
    #: strings (case-folded) one of which every match contains; None when unknown
    needles: tuple[str, ...] | None = None

    @classmethod
    def compile(cls, pattern: str, flags: int = re.IGNORECASE) -> WordPattern:
        regex = re.compile(pattern, flags)
        needles = _needles_of_pattern(pattern, flags)
        first = _first_of_pattern(pattern, flags)
        if first is None or first[1]:  # unknown, or the pattern can match nothing at all
            return cls(regex, None, needles)
        chars, _, bounded = first
        charset = "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
        return cls(regex, re.compile(("(?<!\\w)" if bounded else "") + charset, flags & re.IGNORECASE), needles)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches ``regex.finditer(text)`` gives, trying only where they can start
        (and not at all in a text that lacks every word a match needs)."""
        if self.needles is not None:
            folded = text.casefold()
            if not any(n in folded for n in self.needles):
                return
        if self.gate is None:
            yield from self.regex.finditer(text)
            return
        pos = 0
        while (g := self.gate.search(text, pos)) is not None:
            m = self.regex.match(text, g.start())
            if m is None:
                pos = g.start() + 1
            else:
                yield m
                pos = max(m.end(), g.start() + 1)


_First = tuple[set[str], bool, bool]  # first characters, can match empty, look-behind before each


def _first_of_pattern(pattern: str, flags: int) -> _First | None:
    if _parser is None:  # pragma: no cover
        return None
    try:
        tree = _parser.parse(pattern, flags)
    except Exception:  # pragma: no cover - re.compile accepted it; be safe anyway
        return None
    return _first(list(tree.data), False)


_NOT_AFTER_WORD = [(getattr(_c, "IN", None), [(getattr(_c, "CATEGORY", None), getattr(_c, "CATEGORY_WORD", None))])]


def _first(items: list[tuple[Any, Any]], guarded: bool) -> _First | None:
    out: set[str] = set()
    all_guarded = True
    for op, av in items:
        if op is _c.ASSERT_NOT and av[0] == -1 and list(av[1].data) == _NOT_AFTER_WORD:
            guarded = True
            continue
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue
        if op is _c.LITERAL:
            return out | {chr(av)}, False, all_guarded and guarded
        if op is _c.IN:
            chars = _charset(av)
            return None if chars is None else (out | chars, False, all_guarded and guarded)
        sub: _First | None
        if op is _c.SUBPATTERN:
            sub = _first(list(av[3].data), guarded)
        elif op is _c.BRANCH:
            subs = [_first(list(b.data), guarded) for b in av[1]]
            if any(s is None for s in subs):
                return None
            sub = (set().union(*(s[0] for s in subs if s)), any(s[1] for s in subs if s), all(s[2] for s in subs if s))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)):
            sub = _first(list(av[2].data), guarded)
            if sub is not None and av[0] == 0:
                sub = (sub[0], True, sub[2])
        else:
            return None
        if sub is None:
            return None
        out |= sub[0]
        all_guarded = all_guarded and sub[2]
        if not sub[1]:
            return out, False, all_guarded
    return out, True, all_guarded


def _charset(items: list[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 256:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # categories (\w, \s), negation, wide ranges
            return None
    return out


def _needles_of_pattern(pattern: str, flags: int) -> tuple[str, ...] | None:
    """Literal strings one of which every match of ``pattern`` contains (at least 3 characters
    each, case-folded), or None when the pattern does not say.

    >>> _needles_of_pattern(r"(?<!\\w)(?:cease-?fires?|halt to (?:the )?fighting)(?!\\w)", re.I)
    ('cease', 'halt to ')
    >>> _needles_of_pattern(r"\\w+ed", re.I) is None
    True
    """
    if _parser is None:  # pragma: no cover
        return None
    try:
        tree = _parser.parse(pattern, flags)
    except Exception:  # pragma: no cover
        return None
    found = _needles(list(tree.data))
    return tuple(sorted(found)) if found else None


def _needles(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The best set of required strings of a sequence of parsed items (see above)."""
    cands: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if len(run) >= 3:
            cands.append({run.casefold()})
        run = ""
        sub: set[str] | None = None
        if op is _c.SUBPATTERN:
            sub = _needles(list(av[3].data))
        elif op is _c.BRANCH:
            subs = [_needles(list(b.data)) for b in av[1]]
            sub = set().union(*subs) if all(subs) else None  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            sub = _needles(list(av[2].data))
        if sub:
            cands.append(sub)
    if len(run) >= 3:
        cands.append({run.casefold()})
    if not cands:
        return None
    return min(cands, key=lambda c: (len(c), -min(map(len, c))))
