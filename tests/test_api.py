"""The Python API: kg.build and kg.load give what the command line gives."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.errors import QueryError


@pytest.fixture(scope="module")
def g(built: Path):  # type: ignore[no-untyped-def]
    return kg.load(built / "graph.trig")


def test_build_writes_the_same_files_as_the_cli(built: Path, tmp_path: Path, corpus_dir: Path) -> None:
    summary = kg.build([corpus_dir], tmp_path)
    assert summary.documents == 5
    for name in ("graph.trig", "graph.ttl", "graph.nq", "graph.html", "build.json"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes()


def test_query_rows_as_dicts_or_tuples_with_bound_parameters(g) -> None:  # type: ignore[no-untyped-def]
    q = "SELECT ?stance ?issue WHERE { ?p kg:holder ?actor ; kg:stance/rdfs:label ?stance ; kg:issue/skos:notation ?issue } ORDER BY ?issue ?stance"
    rows = g.query(q, actor="Vladimir Putin")
    assert {"stance": "demands", "issue": "crimea"} in rows
    assert g.query(q, tuples=True, actor="Vladimir Putin") == [(r["stance"], r["issue"]) for r in rows]
    assert g.query("SELECT ?v WHERE { BIND(?x AS ?v) }", x='"} SERVICE <http://x/> {') == [{"v": '"} SERVICE <http://x/> {'}]
    assert g.query("SELECT (COUNT(*) AS ?n) WHERE { ?t a kg:Talks }") == [{"n": 11}]
    with pytest.raises(QueryError, match="SERVICE"):
        g.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")


def test_positions_by_actor_side_and_issue(g) -> None:  # type: ignore[no-untyped-def]
    rows = g.positions(actor="Russia", issue="Crimea")
    assert rows and all(r["side"] == "Russia" and r["issue"] == "crimea" for r in rows)
    assert {r["holder"] for r in rows} >= {"Vladimir Putin"}
    assert all(r["quote"] for r in rows)
    assert g.positions(actor="Nobody at all") == []


def test_path_and_networkx(g) -> None:  # type: ignore[no-untyped-def]
    (p,) = g.path("Vladimir Putin", "Volodymyr Zelensky")
    assert p["nodes"][0]["label"] == "Vladimir Putin" and all(e["evidence"] for e in p["edges"])
    nxg = g.to_networkx()
    assert nxg.nodes["https://w3id.org/parley/id/actor/russia"]["type"] == "Country"


def test_a_missing_graph_is_a_clear_error(tmp_path: Path) -> None:
    from kg.errors import GraphError

    with pytest.raises(GraphError, match="no such graph file"):
        kg.load(tmp_path / "none.trig")
