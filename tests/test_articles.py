"""Two whole articles written for the tests in a wire-service style (not the seed corpus):
Istanbul 2025 and Jeddah 2025. Every fact below must come out, and nothing contradicting them."""

from pathlib import Path

import pytest

from kg.documents import read_document
from kg.extract import run_extractors
from kg.nlp import prepare

DATA = Path(__file__).parent / "data" / "articles"


def _short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def extracted(res):  # type: ignore[no-untyped-def]
    return {p.stem: run_extractors(prepare(read_document(p), res), res) for p in sorted(DATA.glob("*.txt"))}


def test_istanbul_positions(extracted) -> None:  # type: ignore[no-untyped-def]
    got = {(_short(p.holder), p.stance, p.issue) for p in extracted["ist2025"].positions}
    assert {("ukraine", "Demand", "ceasefire"), ("russia", "Rejection", "ceasefire"),
            ("russia", "Demand", "annexed-regions"), ("russia", "Acceptance", "prisoner-exchange"),
            ("ukraine", "Acceptance", "prisoner-exchange"), ("rustem-umerov", "Acceptance", "leaders-meeting"),
            ("dmitry-peskov", "Acceptance", "leaders-meeting"), ("marco-rubio", "Support", "peace-talks"),
            ("european-countries", "Support", "sanctions")} <= got
    assert not any(h == "russia" and s in ("Demand", "Acceptance") and i == "ceasefire" for h, s, i in got)


def test_istanbul_talks(extracted) -> None:  # type: ignore[no-untyped-def]
    (t,) = extracted["ist2025"].talks
    assert str(t.date) == "2025-05-16" and list(map(_short, t.places)) == ["dolmabahce-palace"]
    assert {"russia", "ukraine", "rustem-umerov", "vladimir-medinsky"} <= set(map(_short, t.participants))
    assert list(map(_short, t.hosts)) == ["turkey"] and list(map(_short, t.mediators)) == ["hakan-fidan"]
    assert "prisoner-exchange" in t.agreed


def test_jeddah(extracted) -> None:  # type: ignore[no-untyped-def]
    got = {(_short(p.holder), p.stance, p.issue) for p in extracted["jeddah"].positions}
    assert {("ukraine", "Acceptance", "ceasefire"), ("united-states", "Proposal", "ceasefire"),
            ("andriy-yermak", "Rejection", "annexed-regions")} <= got
    (t,) = extracted["jeddah"].talks
    assert str(t.date) == "2025-03-11" and list(map(_short, t.places)) == ["jeddah"]
    assert set(map(_short, t.participants)) == {"united-states", "ukraine"}
    assert list(map(_short, t.hosts)) == ["mohammed-bin-salman"]


def test_grain_deal_article(extracted) -> None:  # type: ignore[no-untyped-def]
    ex = extracted["grain2023"]
    got = {(_short(p.holder), p.stance, p.issue) for p in ex.positions}
    assert {("musalia-mudavadi", "Demand", "humanitarian-corridors"), ("musalia-mudavadi", "Demand", "prisoner-exchange"),
            ("russia", "Acceptance", "humanitarian-corridors"), ("russia", "Demand", "sanctions")} <= got
    assert [(_short(a.iri), _short(a.side or "")) for a in ex.actors] == [("musalia-mudavadi", "kenya")]
    (t,) = ex.talks
    assert t.date is not None and t.date.isoformat() == "2023-07-19" and "istanbul" in map(_short, t.places)
