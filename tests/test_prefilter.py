"""The pre-filtered scan finds exactly what ``re.finditer`` finds, only faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.prefilter import WordPattern
from kg.resources import load_resources

PATTERNS = [
    r"(?<!\w)(?:cease-?fires?|truces?)(?!\w)",
    r"(?<!\w)(?:(?:M1\s+)?Abrams\s+tanks)(?!\w)",  # an optional first word
    r"(?<!\w)(?:give\s+up|cede)(?!\w)|(?<!\w)(?:hand\s+over)(?!\w)",  # alternatives, each bounded
    r"(?:\bDPR|LPR)\b",  # no look-behind: every character is a possible start
    r"[A-Z]\w+ talks",  # a range as the first character
    r"\w+ talks",  # a category: the start cannot be read
    r"(?:x)?",  # can match nothing
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("text", [
    "Kyiv will never cede land or give up Crimea; hand over nothing.",
    "A truce, not a ceasefire; no Cease-fire, no trucekeeping, M1 Abrams tanks and Abrams tanks.",
    "DPR and LPR, the xDPR; Istanbul talks and Geneva talks",
    "",
])
def test_same_matches_as_finditer(pattern: str, text: str) -> None:
    p = WordPattern.compile(pattern)
    assert [m.span() for m in p.finditer(text)] == [m.span() for m in p.regex.finditer(text)]


def test_reads_the_first_characters() -> None:
    assert WordPattern.compile(PATTERNS[1]).gate.pattern == r"(?<!\w)[AM]"  # type: ignore[union-attr]
    assert WordPattern.compile(PATTERNS[4]).gate is not None
    assert WordPattern.compile(PATTERNS[5]).gate is None
    assert WordPattern.compile(PATTERNS[6]).gate is None


def test_reads_the_words_every_match_needs() -> None:
    assert WordPattern.compile(PATTERNS[0]).needles == ("cease", "truce")
    assert WordPattern.compile(PATTERNS[2]).needles == ("cede", "give", "hand")
    assert WordPattern.compile(PATTERNS[6]).needles is None
    # a text without any of them is not scanned, and gives what finditer gives: nothing
    assert list(WordPattern.compile(PATTERNS[0]).finditer("Talks went on.")) == []


def test_codebook_scan_equals_finditer_on_the_shipped_texts() -> None:
    from pathlib import Path

    from kg.extract.syntax import _issue_patterns

    root = Path(__file__).resolve().parent.parent
    lines = [ln for f in sorted([*root.glob("corpus/*.txt"), *root.glob("eval/dev2/*.txt")])
             for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert len(lines) > 100
    for code, p in _issue_patterns(load_resources(), "doc"):
        for ln in lines:
            assert [m.span() for m in p.finditer(ln)] == [m.span() for m in p.regex.finditer(ln)], code


def test_case_folding_matches_what_ignorecase_matches() -> None:
    # ignoring case, the Kelvin sign is "k" and a long s is "s"
    p = WordPattern.compile(r"(?<!\w)(?:kyiv|sanctions)(?!\w)")
    text = "\u212ayiv and \u017fanctions"
    assert [m.group() for m in p.finditer(text)] == [m.group() for m in p.regex.finditer(text)] == ["\u212ayiv", "\u017fanctions"]


def test_every_codebook_issue_is_prefiltered() -> None:
    """A codebook pattern whose start cannot be read slows every sentence down; say which."""
    from kg.extract.syntax import _issue_patterns

    unread = [code for code, p in _issue_patterns(load_resources(), "doc") if p.gate is None]
    assert unread == []


_WORDS = st.sampled_from(["truce", "ceasefire", "Cease-fire", "M1", "Abrams", "tanks", "give", "up", "cede",
                          "DPR", "LPR", "talks", "x", "-", ",", "\u212a", "trucekeeping", "  "])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_WORDS, max_size=12), joiner=st.sampled_from([" ", "", "\n"]))
def test_same_matches_on_any_text(words: list[str], joiner: str) -> None:
    text = joiner.join(words)
    for pattern in PATTERNS:
        p = WordPattern.compile(pattern, re.IGNORECASE)
        assert [m.span() for m in p.finditer(text)] == [m.span() for m in p.regex.finditer(text)], pattern
