"""The stance lexicon and the codebook: every trigger pattern and every issue pattern is
exercised by a sentence of our own (not from corpus/), and each of those sentences yields the
position it states."""

from pathlib import Path

import pytest

from kg.extract.positions import extract_positions, find_triggers

ID = "https://w3id.org/parley/id/actor/"
TABLE = Path(__file__).parent / "data" / "trigger_cases.tsv"
ISSUE_TABLE = Path(__file__).parent / "data" / "issue_cases.tsv"


def _rows(table: Path = TABLE) -> list[tuple[str, tuple[str, str, str] | None]]:
    out: list[tuple[str, tuple[str, str, str] | None]] = []
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, holder, stance, issue = line.split("\t")
        out.append((text, None if holder == "-" else (holder, stance, issue)))
    return out


ROWS = _rows()
ISSUE_ROWS = _rows(ISSUE_TABLE)


@pytest.mark.parametrize(("text", "expected"), [r for r in ROWS if r[1]], ids=[r[0][:40] for r in ROWS if r[1]])
def test_trigger_sentence_yields_its_position(text: str, expected: tuple[str, str, str], doc_of, res) -> None:  # type: ignore[no-untyped-def]
    got = {(p.holder.removeprefix(ID), p.stance, p.issue) for p in extract_positions(doc_of(text), res)}
    assert expected in got


def test_every_trigger_pattern_is_exercised(doc_of, res) -> None:  # type: ignore[no-untyped-def]
    from tests.test_positions import CASES, FLAT

    sentences = [r[0] for r in ROWS] + [c[0] for c in CASES] + [c[1] for c in FLAT]
    used: set[tuple[str, object]] = set()
    for text in sentences:
        for sent in doc_of(text).sentences:
            if sent.parse is not None:
                used |= {(h.trigger.rule, h.pattern) for h in find_triggers(sent.parse, res)}
    missing = sorted(f"{t.rule}: {p}" for t in res.triggers for p in t.patterns if (t.rule, p) not in used)
    assert not missing, "trigger patterns no case sentence exercises: " + "; ".join(missing)


@pytest.mark.parametrize(("text", "expected"), ISSUE_ROWS, ids=[r[0][:40] for r in ISSUE_ROWS])
def test_issue_sentence_yields_its_position(text: str, expected: tuple[str, str, str], doc_of, res) -> None:  # type: ignore[no-untyped-def]
    got = {(p.holder.removeprefix(ID), p.stance, p.issue) for p in extract_positions(doc_of(text), res)}
    assert expected in got


def test_every_codebook_pattern_is_exercised(res) -> None:  # type: ignore[no-untyped-def]
    """Each issue pattern matches a sentence of the case tables (the document-scoped translation
    errors are exempt: they are not in ``issue.patterns``)."""
    from tests.test_positions import CASES, FLAT

    sentences = [r[0] for r in (*ROWS, *ISSUE_ROWS)] + [c[0] for c in CASES] + [c[1] for c in FLAT]
    missing = sorted(f"{i.code}: {p.pattern}" for i in res.issues.values() for p in i.patterns
                     if not any(p.search(text) for text in sentences))
    assert not missing, "codebook patterns no case sentence exercises: " + "; ".join(missing)
