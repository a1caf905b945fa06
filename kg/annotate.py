"""Annotate a document: chrome, sentences, mentions and dates (the shared input of extractors)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .dates import DateMention, Tense, find_dates, heading_date
from .documents import Document, chrome_spans
from .mentions import Mention, find_mentions
from .resources import Entity, Resources
from .sentences import SPEAKER_LABEL, split_sentences

# "KYIV, Oct 14 (Example Wire) - ", "GOMEL REGION, Belarus, Feb 28 (Wire) - ", "ISTANBUL — ": a wire
# dateline at the start of a sentence dates the report, not the events it tells.
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,[^.\n]{0,40}?)?\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]{1,2}\s")
# "China News Service, March 4 (Reporter ...)": the date of the report, not of an event.
_DATELINE = re.compile(r"^[^.]{0,60}\b(?:News|Agency|Service|Press|Times|Post|TASS|Xinhua|Reuters|CGTN|AP|AFP)\b[^.]{0,40},\s*$")


@dataclass(frozen=True)
class Sentence:
    """A sentence with its mentions and dates; offsets of mentions are into the body."""

    index: int
    start: int
    end: int
    text: str
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    chrome: bool
    parse: Any = field(default=None, compare=False, repr=False)   # a spaCy Doc of the text, when parsed

    def local(self, m: Mention) -> tuple[int, int]:
        return m.start - self.start, m.end - self.start

    @property
    def date(self) -> dt.date | None:
        """The first resolved date of the sentence, if any."""
        return self.date_near(0)

    def date_near(self, pos: int) -> dt.date | None:
        """The resolved date closest to local offset ``pos``, preferring one before it."""
        best: tuple[int, dt.date] | None = None
        for d in self.dates:
            if not d.dates:
                continue
            dist = pos - d.end if d.end <= pos else (d.start - pos) + 1000
            if best is None or dist < best[0]:
                best = (dist, d.dates[0])
        return best[1] if best else None


@dataclass(frozen=True)
class AnnotatedDocument:
    document: Document
    sentences: tuple[Sentence, ...]
    provisional: dict[str, Entity] = field(default_factory=dict)   # actors the gazetteer lacks

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    def view(self, res: Resources) -> Resources:
        """The resources as this document sees them: the gazetteer plus its provisional actors."""
        from .provisional import with_provisional

        return with_provisional(res, self.provisional)


def annotate(doc: Document, res: Resources) -> AnnotatedDocument:
    """Split a document into sentences and find its mentions and dates (no parse: that is the
    next stage, :func:`kg.nlp.analyse`; :func:`kg.nlp.prepare` runs both)."""
    body = doc.body
    mentions = find_mentions(body, doc.doc_id, res)
    spans = split_sentences(body, [(m.start, m.end) for m in mentions])
    def content(start: int, end: int, text: str) -> bool:
        return any(m.sense == "actor" and start <= m.start < end for m in mentions) and states_fact(text, res)

    chrome = chrome_spans(body, res.lexicon, content)
    sentences: list[Sentence] = []
    last: dt.date | None = None
    ref = doc.published  # what relative dates ("today", "Tuesday") resolve against
    tense = Tense.of(res.lexicon)
    mi = 0
    for i, sp in enumerate(spans):
        while mi < len(mentions) and mentions[mi].start < sp.start:
            mi += 1
        own = []
        j = mi
        while j < len(mentions) and mentions[j].start < sp.end:
            own.append(mentions[j])
            j += 1
        text = body[sp.start:sp.end]
        is_chrome = any(a <= sp.start and sp.end <= b for a, b in chrome)
        line_end = dateline_end(text)
        if line_end:  # "RIYADH, Feb 18 (Wire) -": where the report was filed names no actor
            own = [m for m in own if m.sense != "actor" or m.start - sp.start >= line_end]
        day = heading_date(text, doc.published, tense)
        if day is not None and (doc.published is None or day <= doc.published):
            ref = day  # a live blog's day heading: what follows is of that day
        dates = tuple(d for d in find_dates(text, ref, last, tense)
                      if not _DATELINE.search(text[: d.start]) and d.start >= line_end)
        for d in dates:
            if d.dates and d.kind != "same-day":
                last = d.dates[-1]
        sentences.append(Sentence(i, sp.start, sp.end, text, tuple(own), dates, is_chrome))
    return AnnotatedDocument(doc, tuple(sentences))


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def words_of(text: str) -> set[str]:
    """Lower-case words of a text and their pairs ("south african").

    >>> sorted(words_of("South African envoys"))
    ['african', 'african envoys', 'envoys', 'south', 'south african']
    """
    seq = [w.lower() for w in _WORD.findall(text)]
    return set(seq) | {f"{a} {b}" for a, b in itertools.pairwise(seq)}


def states_fact(text: str, res: Resources, words: set[str] | None = None) -> bool:
    """Whether a text has a word of a stance, obligation, delegation or talks."""
    words = words_of(text) if words is None else words
    return bool(words & res.fact_words) or any(res.lexicon[name].search(text) for name in (
        "talks-noun", "talks-verb", "evaluation-phrase-rejection", "evaluation-phrase-acceptance", "answer-words"))


def speaker_turn(sent: Sentence, res: Resources, publisher: tuple[str, ...] = ()) -> tuple[tuple[str, ...], bool] | None:
    """The speaker a transcript's turn opens with ("Maria Zakharova: We ...") and whether the
    turn is a question ("Q: ..."); None for a line that opens no turn. The label is a name in
    capitals, a known actor or a question label, never a clause ("Moscow set out its terms: ...").

    A briefer the gazetteer does not know ("MR SMITH:", "SPOKESPERSON:") speaks for the
    ``publisher`` (the actors the document's publisher names, when it names one), else for nobody:
    the turn still ends the one before it."""
    m = SPEAKER_LABEL.match(sent.text)
    if m is None:
        return None
    words = [w.lower().strip(".") for w in m.group(1).split()]
    if any(w in res.lemma_set("question-label") for w in words):
        return (), True
    actors = tuple(dict.fromkeys(x.entity for x in sent.mentions if x.sense == "actor" and sent.local(x)[1] <= m.end(1)))
    if actors:
        return actors, False
    if any(w in res.lemma_set("briefer-label") for w in words):
        return publisher, False
    return None


def speaker_turns(sentences: Sequence[Sentence], body: str, res: Resources,
                  publisher: tuple[str, ...] = ()) -> dict[int, tuple[tuple[str, ...], bool]]:
    """The transcript turn each sentence is in (by its start): its speaker and whether it is a question.

    A turn lasts until the next label when the text has two labels or more (a transcript, whose
    answers run over paragraphs); a lone label ("Zelensky: ..." above a report) speaks for its
    own paragraph only. ``publisher``: see :func:`speaker_turn`.
    """
    labels = {s.start: t for s in sentences if starts_line(body, s) and (t := speaker_turn(s, res, publisher)) is not None}
    out: dict[int, tuple[tuple[str, ...], bool]] = {}
    turn: tuple[tuple[str, ...], bool] | None = None
    for s in sentences:
        if s.start in labels:
            turn = labels[s.start]
        elif len(labels) < 2 and starts_line(body, s):
            turn = None
        if turn is not None:
            out[s.start] = turn
    out |= {start: (who, False) for start, who in quote_continuations(sentences, res).items() if start not in out}
    return out


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]?")


def quote_continuations(sentences: Sequence[Sentence], res: Resources) -> dict[int, tuple[str, ...]]:
    """Sentences that go on with a quote without naming its speaker again, with that speaker:
    '"We are ready," Zelensky said. "But Russia must withdraw first."' (by sentence start).

    The speaker is the one actor a sentence with a quote and a verb of saying names outside the
    quote; the quote goes on while sentences open with a quotation mark and name no speaker.
    """
    out: dict[int, tuple[str, ...]] = {}
    speaker: tuple[str, ...] = ()
    for s in sentences:
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(s.text)]
        said = res.lexicon["speech"].search(s.text)
        if quoted and said is not None:
            outside = {m.entity for m in s.mentions if m.sense == "actor" and not any(
                a <= s.local(m)[0] < b for a, b in quoted)}
            speaker = tuple(outside) if len(outside) == 1 else ()
        elif speaker and s.text.lstrip()[:1] in "\"“" and s.text.strip():
            out[s.start] = speaker
        else:
            speaker = ()
    return out


def publisher_actors(doc: Document, res: Resources) -> tuple[str, ...]:
    """The actor a document's publisher names, if it names exactly one ("Ministry of Foreign
    Affairs of Ukraine", "U.S. Department of State"); none for a news outlet.

    >>> from kg.documents import Document
    >>> from kg.resources import load_resources
    >>> res = load_resources()
    >>> publisher_actors(Document("d", "", publisher="U.S. Department of State"), res)
    ('https://w3id.org/parley/id/actor/united-states',)
    >>> publisher_actors(Document("d", "", publisher="Reuters"), res)
    ()
    """
    if not doc.publisher:
        return ()
    found = {m.entity for m in find_mentions(doc.publisher, doc.doc_id, res) if m.sense == "actor"}
    return tuple(found) if len(found) == 1 else ()


def starts_line(body: str, sent: Sentence) -> bool:
    """Whether only spaces stand between the sentence and the line before it (looking back from
    it: slicing the body up to every sentence would be quadratic in a long article)."""
    i = sent.start - 1
    while i >= 0 and body[i] in " \t":
        i -= 1
    return i < 0 or body[i] == "\n"


def dateline_end(text: str) -> int:
    """Where a wire dateline opening a sentence ends ("KYIV, Oct 14 (Wire) - "), else 0.

    >>> dateline_end("KYIV, Oct 14 (Wire) - Zelensky met Erdogan."), dateline_end("Zelensky met Erdogan.")
    (22, 0)
    """
    line = _WIRE_DATELINE.match(text)
    return line.end() if line else 0


def dateline_place(doc: AnnotatedDocument, res: Resources) -> str | None:
    """The place of a wire dateline ("BEIJING, May 23 (Wire) -- ..."), where the report was filed:
    what "here" means in it."""
    for sent in doc.sentences[:3]:
        end = dateline_end(sent.text)
        if not end:
            continue
        city = re.split(r"[,(–—-]", sent.text[:end], maxsplit=1)[0].strip().title()
        for m in find_mentions(f"in {city}", doc.doc_id, res):  # read as a place, not as its government
            if m.sense == "place":
                return m.entity
        return None
    return None
