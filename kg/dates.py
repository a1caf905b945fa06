"""Date expressions: absolute ("March 3, 2022", "3 March") and relative to the publication
date ("on the 7th", "Tuesday", "last week", "the same day")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS_BY_PREFIX = {m[:3]: i for m, i in MONTHS.items()}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
# full month names and the usual abbreviations ("Aug. 15", "Sept 3")
_M = (r"(January|February|March|April|May|June|July|August|September|October|November|December"
      r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_D = r"(\d{1,2})(?:st|nd|rd|th)?"
# a weekday before a day of a range names the same day ("Sunday 14 and Monday 15 December")
_WD = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?"

# Counts of days written as words ("two days later").
_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("md-and", re.compile(_M + r" " + _D + r"(?: and|,| to|-|–) ?" + _D + r"\b(?:,? (\d{4}))?")),
    ("dm-and", re.compile(r"\b" + _WD + _D + r"(?: and|,| to|-|–) ?" + _WD + _D + r" " + _M + r"(?:,? (\d{4}))?")),
    ("md", re.compile(_M + r" " + _D + r"\b(?:,? (\d{4}))?")),
    ("dm", re.compile(r"\b" + _D + r" " + _M + r"(?:,? (\d{4}))?")),
    ("the-nth", re.compile(r"\b(?:on|from|since|by) (?:the )?(\d{1,2})(?:st|nd|rd|th)\b"
                           r"(?:(?: to|-| and) (?:the )?(\d{1,2})(?:st|nd|rd|th))?")),
    ("weekday", re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\b")),
    ("same-day", re.compile(r"\b(?:on )?the same day\b")),
    ("days-after", re.compile(r"\b(?:the (?:next|following) day|the day after|(" + "|".join(_COUNT) + r"|\d) days? later)\b",
                              re.I)),
    ("relative", re.compile(r"\b(today|yesterday|tomorrow)\b", re.I)),
    ("last-week", re.compile(r"\blast week\b", re.I)),
    ("weekend", re.compile(r"\b(last|this|over the|at the|on the|the past|past) weekend\b", re.I)),
]
# Where the clause of a date begins: the tense of "on Sunday" is that of its own clause
# ("Putin said on Sunday he will meet Trump" is last Sunday); the words are in the lexicon.
_CLAUSE_PUNCT = re.compile(r"[,;:—–]")


@dataclass(frozen=True)
class Tense:
    """Words of the lexicon that set the tense of a date's clause: a verb in the past before a
    date ("hosted talks on Aug 5": over), a word of the future ("will meet on Tuesday": to come),
    and the words that open a clause."""

    past: re.Pattern[str]
    future: re.Pattern[str]
    clause_start: re.Pattern[str]

    @classmethod
    def of(cls, lexicon: Mapping[str, re.Pattern[str]]) -> Tense:
        return cls(lexicon["tense-past"], lexicon["tense-future"], lexicon["clause-start"])


@lru_cache(maxsize=1)
def _default_tense() -> Tense:
    from .resources import load_resources

    return Tense.of(load_resources().lexicon)




@dataclass(frozen=True)
class DateMention:
    """A date expression in a sentence (offsets relative to the sentence start)."""

    start: int
    end: int
    kind: str
    dates: tuple[dt.date, ...]  # resolved dates; empty when only approximate
    approximate: bool = False


def _mk(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, ref: dt.date | None, tense: str = "") -> int | None:
    """A year for a month/day without one: the publication year, unless that puts the date
    more than about half a year after publication, or after it in a clause about the past (then
    the year before), or before it in a clause about the future (then the year after).

    >>> ref = dt.date(2024, 12, 20)
    >>> _year_for(1, 5, ref), _year_for(1, 5, ref, "future"), _year_for(12, 24, ref, "past")
    (2024, 2025, 2023)
    >>> _year_for(12, 1, dt.date(2024, 2, 1))
    2023
    """
    if ref is None:
        return None
    cand = _mk(ref.year, month, day)
    if cand is None:
        return ref.year
    if tense == "future" and (ref - cand).days > 7:
        return ref.year + 1
    if (cand - ref).days > 183 or (tense == "past" and cand > ref):
        return ref.year - 1
    return ref.year


def find_dates(sentence: str, published: dt.date | None, last: dt.date | None = None,
               tense: Tense | None = None) -> list[DateMention]:
    """Find and resolve date expressions in one sentence.

    ``published`` anchors relative dates; ``last`` is the latest date mentioned before this
    sentence (for "the same day"); ``tense`` the lexicon's tense words (default: the package's).

    >>> pub = dt.date(2022, 3, 10)
    >>> [d.dates for d in find_dates("Peskov said on the 7th that...", pub)]
    [(datetime.date(2022, 3, 7),)]
    >>> [d.dates for d in find_dates("a second and third round on 3 and 7 March", pub)]
    [(datetime.date(2022, 3, 3), datetime.date(2022, 3, 7))]
    >>> [d.dates for d in find_dates("He will speak to Putin on Tuesday.", dt.date(2025, 3, 17))]
    [(datetime.date(2025, 3, 18),)]
    >>> [d.dates for d in find_dates("They met on Sunday 14 and Monday 15 December.", dt.date(2025, 12, 16))]
    [(datetime.date(2025, 12, 14), datetime.date(2025, 12, 15))]
    >>> [d.dates for d in find_dates("Two days later they met again.", pub, last=dt.date(2022, 3, 3))]
    [(datetime.date(2022, 3, 5),)]
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            dates = _resolve(kind, m, published, last, _clause_tense(sentence, m.start(), tense or _default_tense()))
            if dates is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), kind, dates, approximate=not dates))
    return sorted(found, key=lambda d: d.start)


_HEADING = re.compile(r"^\s*" + _WD + r"(?:" + _D + r" " + _M + r"|" + _M + r" " + _D + r")(?:,? \d{4})?\s*$")


def heading_date(line: str, published: dt.date | None, tense: Tense | None = None) -> dt.date | None:
    """The day a line that is only a date names ("Saturday 20 December" in a live blog): the text
    under it is of that day, so its "today" and "Tuesday" resolve against it.

    >>> heading_date("Saturday 20 December", dt.date(2025, 12, 21))
    datetime.date(2025, 12, 20)
    >>> heading_date("On Saturday 20 December talks began.", dt.date(2025, 12, 21)) is None
    True
    """
    if not _HEADING.match(line):
        return None
    found = [d for d in find_dates(line.strip(), published, tense=tense) if d.dates and d.kind != "weekday"]
    return found[0].dates[0] if len(found) == 1 else None


def _clause_tense(sentence: str, at: int, tense: Tense) -> str:
    """"future" or "past" when the clause holding offset ``at`` says so before it, else "".

    >>> t = _default_tense()
    >>> _clause_tense("Putin said on Sunday he will meet Trump.", 11, t)
    ''
    >>> _clause_tense("Trump will speak to Putin on Tuesday.", 29, t)
    'future'
    >>> _clause_tense("Saudi Arabia hosted talks on Aug 5.", 29, t)
    'past'
    """
    starts = [m.end() for pat in (_CLAUSE_PUNCT, tense.clause_start) for m in pat.finditer(sentence, 0, at)]
    lo = max(starts, default=0)
    if tense.future.search(sentence, lo, at):
        return "future"
    return "past" if tense.past.search(sentence, lo, at) else ""


def _shift(ref: dt.date, days: int) -> dt.date | None:
    """``ref`` moved by ``days``, or None beyond the calendar (a paper dated 9999-12-31 says "tomorrow")."""
    try:
        return ref + dt.timedelta(days=days)
    except OverflowError:
        return None


_PUBLISHED = [  # (pattern, groups as year/month/day names) — whole-string forms only
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"),
    re.compile(r"(?P<mon>[A-Za-z]{3,9})\.? (?P<d>\d{1,2}),? (?P<y>\d{4})"),
    re.compile(r"(?P<d>\d{1,2}) (?P<mon>[A-Za-z]{3,9})\.?,? (?P<y>\d{4})"),
]


def _month_word(word: str) -> int | None:
    """A month from its name or its usual abbreviation ("Mar", "Sept")."""
    w = word.lower()
    if w in MONTHS:
        return MONTHS[w]
    return MONTHS_BY_PREFIX.get(w[:3]) if len(w) in (3, 4) and (len(w) == 3 or w == "sept") else None


def parse_published(raw: str) -> dt.date:
    """The date of a publication-date field, in the common forms; anything else is a ValueError.

    The date is the one written (a time zone never moves it to another day).

    >>> [parse_published(x).isoformat() for x in ("2022-03-03", "March 3, 2022", "3 Mar 2022",
    ...  "2022-03-03T23:15:00-05:00", "Thu, 03 Mar 2022 10:15:00 +0000")]
    ['2022-03-03', '2022-03-03', '2022-03-03', '2022-03-03', '2022-03-03']
    >>> parse_published("2022-03-03 and then some")
    Traceback (most recent call last):
    ValueError: not a date: '2022-03-03 and then some'
    """
    text = raw.strip()
    for pattern in _PUBLISHED:
        m = pattern.fullmatch(text)
        if m:
            month = int(m.group("m")) if "m" in pattern.groupindex else _month_word(m.group("mon"))
            day = _mk(int(m.group("y")), month, int(m.group("d"))) if month else None
            if day is None:
                break
            return day
    if re.fullmatch(r"(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UT|Z)", text):
        from email.utils import parsedate_tz

        parts = parsedate_tz(text)
        if parts:
            day = _mk(parts[0], parts[1], parts[2])
            if day is not None:
                return day
    raise ValueError(f"not a date: {raw!r}")


def _month(name: str) -> int:
    return MONTHS_BY_PREFIX[name.lower()[:3]]


def _resolve(kind: str, m: re.Match[str], ref: dt.date | None, last: dt.date | None,
             tense: str) -> tuple[dt.date, ...] | None:
    g = m.groups()
    out: list[dt.date | None] = []
    if kind == "iso":
        out = [_mk(int(g[0]), int(g[1]), int(g[2]))]
    elif kind in ("md", "dm"):
        month, day = (_month(g[0]), int(g[1])) if kind == "md" else (_month(g[1]), int(g[0]))
        year = int(g[2]) if g[2] else _year_for(month, day, ref, tense)
        out = [_mk(year, month, day)] if year else []
    elif kind in ("md-and", "dm-and"):
        if kind == "md-and":
            month, days = _month(g[0]), (int(g[1]), int(g[2]))
        else:
            month, days = _month(g[2]), (int(g[0]), int(g[1]))
        year = int(g[3]) if g[3] else _year_for(month, days[0], ref, tense)
        out = [_mk(year, month, d) for d in days] if year else []
    elif kind == "the-nth":
        if ref is None:
            return ()
        nth = [int(x) for x in g if x]
        for d in nth:
            month, year = ref.month, ref.year
            if d > ref.day + 7:  # "on the 28th" in an article of the 3rd: last month
                month, year = (12, year - 1) if month == 1 else (month - 1, year)
            out.append(_mk(year, month, d))
    elif kind == "weekday":
        if ref is None:
            return ()
        target = WEEKDAYS[g[0].lower()]
        ahead, back = (target - ref.weekday()) % 7, (ref.weekday() - target) % 7
        # "on Monday" in Monday's paper is today, whether it is past or to come ("is due to speak on Monday")
        out = [_shift(ref, ahead if tense == "future" else -back)]
    elif kind == "same-day":
        return (last,) if last else ()
    elif kind == "days-after":  # "the next day", "two days later": after the date named last
        if last is None:
            return ()
        n = _COUNT.get((g[0] or "one").lower()) or int(g[0])
        out = [_shift(last, n)]
    elif kind == "relative":
        if ref is None:
            return ()
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[g[0].lower()]
        out = [_shift(ref, shift)]
    elif kind == "last-week":
        return ()  # a week, not a day: known only approximately
    elif kind == "weekend":  # its Saturday and Sunday: "last weekend" is the one before this week's
        if ref is None:
            return ()
        back = (ref.weekday() - 5) % 7
        if g[0].lower() in ("last", "the past", "past") and ref.weekday() >= 5:
            back += 7
        elif tense == "future":
            back = -((5 - ref.weekday()) % 7)
        out = [_shift(ref, -back), _shift(ref, 1 - back)]
    dates = tuple(d for d in out if d is not None)
    return dates if dates or not out else None
