"""Conflicts, common ground and timelines: on hand-made facts and on the shipped corpus."""

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.analysis import PositionFact, find_common_ground, find_conflicts, timeline
from kg.cli import cli

KEEP = re.compile(r"recogni|sovereignty|keep", re.I)
GIVE = re.compile(r"withdraw|return", re.I)


def fact(iri: str, side: str, stance: str, issue: str, group: str = "g", claim: str = "", date: str = "2022-03-01"):  # type: ignore[no-untyped-def]
    return PositionFact(iri, side, side, side, stance, issue, group, [claim] if claim else [], [dt.date.fromisoformat(date)])


CONFLICTS = [
    ([fact("a", "R", "Demand", "x"), fact("b", "U", "Rejection", "x")], [("a", "b", "polarity")]),
    ([fact("a", "R", "Demand", "x"), fact("b", "R", "Rejection", "x")], []),  # same side
    ([fact("a", "R", "Demand", "x"), fact("b", "U", "Rejection", "y")], []),  # other issue
    ([fact("a", "R", "Demand", "crimea", "territory", "recognition of Russia's sovereignty over Crimea"),
      fact("b", "U", "Demand", "crimea", "territory", "withdraw Russian troops from Crimea")], [("a", "b", "territory-claims")]),
    ([fact("a", "R", "Demand", "crimea", "territory", "recognition of sovereignty"),
      fact("b", "U", "Demand", "crimea", "territory", "recognition of sovereignty")], []),
]


@pytest.mark.parametrize(("facts", "expected"), CONFLICTS)
def test_conflict_rules(facts, expected) -> None:  # type: ignore[no-untyped-def]
    assert [(link.a, link.b, link.rule) for link in find_conflicts(facts, KEEP, GIVE)] == expected


def test_common_ground_needs_opposing_sides_and_no_clash() -> None:
    facts = [fact("r1", "R", "Demand", "x"), fact("u1", "U", "Rejection", "x"),
             fact("r2", "R", "Acceptance", "corridors"), fact("u2", "U", "Acceptance", "corridors"),
             fact("t1", "T", "Acceptance", "corridors")]  # T is opposed to nobody
    links = find_common_ground(facts, find_conflicts(facts, KEEP, GIVE))
    assert [(link.a, link.b) for link in links] == [("r2", "u2")]


def test_timeline_marks_shift() -> None:
    rows = timeline([fact("2", "R", "Rejection", "x", date="2023-01-01"), fact("1", "R", "Demand", "x", date="2022-01-01")])
    assert [r.fact.iri for r in rows] == ["1", "2"] and rows[1].marks == ["shift: demand → rejection on x"]


def test_materialised_in_the_built_graph(built_graph) -> None:  # type: ignore[no-untyped-def]
    from rdflib import URIRef

    from kg.namespaces import KG

    putin = URIRef("https://w3id.org/parley/id/position/vladimir-putin/demands/crimea")
    ukraine = URIRef("https://w3id.org/parley/id/position/ukraine/demands/crimea")
    assert (putin, KG.conflictsWith, ukraine) in built_graph and (ukraine, KG.conflictsWith, putin) in built_graph
    russia = URIRef("https://w3id.org/parley/id/position/russia/accepts/humanitarian-corridors")
    ukr = URIRef("https://w3id.org/parley/id/position/ukraine/accepts/humanitarian-corridors")
    assert (russia, KG.agreesWith, ukr) in built_graph


def test_cli_conflicts_common_ground_timeline(built: Path) -> None:
    g = str(built / "graph.trig")
    r = CliRunner()
    res = r.invoke(cli, ["conflicts", "--graph", g, "--actor", "Russia", "--issue", "crimea"])
    assert res.exit_code == 0 and "territory-claims" in res.output and "“" in res.output
    assert "Hungary" not in res.output and "Viktor Orban" not in res.output
    res = r.invoke(cli, ["common-ground", "--graph", g, "--issue", "humanitarian-corridors", "--format", "json"])
    assert res.exit_code == 0 and '"Russia"' in res.output and '"Ukraine"' in res.output
    res = r.invoke(cli, ["timeline", "Russia", "--graph", g])
    assert res.exit_code == 0
    lines = res.output.splitlines()
    dates = [ln[:10] for ln in lines if ln[:4].isdigit()]
    assert dates == sorted(dates)
    assert any("new demand: annexed-regions" in ln for ln in lines)  # 2022 disarmament goals → 2023 occupied regions
    res = r.invoke(cli, ["timeline", "Atlantis", "--graph", g])
    assert res.exit_code == 1 and "unknown actor" in res.output


def test_analysis_reads_the_same_from_rdflib_and_the_store(built: Path) -> None:
    from kg.analysis import evidence_by_position, facts_from_graph, links_from_graph
    from kg.namespaces import KG
    from kg.query import StoreGraph, open_graph

    on_rdflib, on_store = open_graph(built / "graph.trig", "rdflib"), open_graph(built / "graph.trig")
    assert isinstance(on_store, StoreGraph)

    def facts(g):  # type: ignore[no-untyped-def]
        return [(f.iri, f.side, f.stance, f.issue, f.claims, f.date) for f in facts_from_graph(g)]

    assert facts(on_rdflib) == facts(on_store) and facts(on_store)
    for prop in (KG.conflictsWith, KG.agreesWith):
        a, b = links_from_graph(on_rdflib, prop), links_from_graph(on_store, prop)
        assert [(v.a.iri, v.b.iri, v.rule) for v in a] == [(v.a.iri, v.b.iri, v.rule) for v in b] and a
    everything = evidence_by_position(on_rdflib)
    assert everything == evidence_by_position(on_store)
    some = sorted(everything)[:3]
    assert evidence_by_position(on_store, some) == {p: everything[p] for p in some}
