"""Shortest paths: reference parsing, paths on small graphs, the projection, the CLI."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import NoPathError, ReferenceError_
from kg.paths import build_graph, load_projection_graph, resolve, shortest_paths

ID = "https://w3id.org/parley/id/"


@pytest.fixture(scope="module")
def pg(built: Path):  # type: ignore[no-untyped-def]
    return load_projection_graph(built / "graph.trig", use_cache=False)


@pytest.mark.parametrize(("ref", "expected"), [
    ("Putin:crimea", "position/vladimir-putin/demands/crimea"),
    ("putin:Crimea", "position/vladimir-putin/demands/crimea"),
    ("Vladimir Putin:crimea:demands", "position/vladimir-putin/demands/crimea"),
    ("Ukraine:troop-withdrawal:demands", "position/ukraine/demands/troop-withdrawal"),
    ("Russia:donbas:demands", "position/dmitry-peskov/demands/donbas"),  # its spokesman's position
    ("Curieba", None),  # scoped aliases are not global names
    ("Turkey", "actor/turkey"),
    (f"{ID}actor/turkey", "actor/turkey"),
])
def test_resolve(pg, ref: str, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    if expected is None:
        with pytest.raises(ReferenceError_):
            resolve(pg, ref)
    else:
        assert resolve(pg, ref) == ID + expected


@pytest.mark.parametrize(("ref", "message"), [
    ("Russia:peace-talks", "ambiguous"),
    ("Russia:neutrality", "ambiguous: Dmitry Peskov demands neutrality"),
    ("Putn:crimea", "did you mean 'Vladimir Putin'"),
    ("Putin:crimeaa", "did you mean crimea"),
    ("Putin:crimea:maybe", "unknown stance"),
    ("Nobody", "unknown node"),
])
def test_bad_references(pg, ref: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReferenceError_, match=message):
        resolve(pg, ref)


def test_paths_on_a_small_graph() -> None:
    pg = build_graph([("A", "r", "B"), ("B", "r", "C"), ("C", "r", "D"), ("A", "r", "X"), ("X", "r", "D")],
                     {"X": "Talks"})
    assert shortest_paths(pg, "A", "D")[0].nodes == ["A", "X", "D"]
    assert [p.nodes for p in shortest_paths(pg, "A", "D", k=2)] == [["A", "X", "D"], ["A", "B", "C", "D"]]
    assert shortest_paths(pg, "A", "D", avoid=("Talks",))[0].nodes == ["A", "B", "C", "D"]
    with pytest.raises(NoPathError):
        shortest_paths(build_graph([("A", "r", "B"), ("C", "r", "D")]), "A", "D")


def test_hop_direction_is_reported() -> None:
    pg = build_graph([("Russia", "demands", "P"), ("P", "on", "crimea")])
    (path,) = shortest_paths(pg, "crimea", "Russia")
    assert [(h.relation, h.forward) for h in path.hops] == [("on", False), ("demands", False)]


def test_projection_has_the_documented_node_and_edge_types(pg) -> None:  # type: ignore[no-untyped-def]
    types = {d["type"] for _n, d in pg.graph.nodes(data=True)}
    assert types <= {"Person", "Country", "Organization", "Group", "Issue", "IssueGroup", "Position", "Talks", "Place"}
    assert {"Position", "Talks", "Issue", "Place", "Person", "Country"} <= types
    relations = {d["relation"] for _a, _b, d in pg.graph.edges(data=True)}
    assert {"on", "demands", "participates in", "held in", "located in", "broader", "mediates"} <= relations
    assert not any("evidence/" in n or "/doc/" in n for n in pg.graph.nodes)


def test_russia_crimea_to_ukraine_withdrawal(pg) -> None:  # type: ignore[no-untyped-def]
    (path,) = shortest_paths(pg, resolve(pg, "Putin:crimea"), resolve(pg, "Ukraine:troop-withdrawal:demands"))
    assert path.nodes[0].endswith("vladimir-putin/demands/crimea")
    assert path.nodes[-1].endswith("ukraine/demands/troop-withdrawal")
    assert all(h.evidence or pg.graph.nodes[h.source]["evidence"] or pg.graph.nodes[h.target]["evidence"]
               for h in path.hops)


def test_cli_text_json_and_cache(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    g = str(built / "graph.trig")
    runner = CliRunner()
    res = runner.invoke(cli, ["path", "Putin:crimea", "Ukraine:troop-withdrawal:demands", "--graph", g])
    assert res.exit_code == 0, res.output
    first = res.output.splitlines()[0]
    assert first.startswith("Vladimir Putin demands Crimea [Position] ") and "conflicts with" in first
    assert "“" in res.output
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1
    res = runner.invoke(cli, ["path", "Putin:crimea", "Ukraine:troop-withdrawal:demands", "--graph", g, "--format", "json"])
    data = json.loads(res.output)
    assert data["paths"][0]["nodes"][0]["type"] == "Position" and data["paths"][0]["edges"][0]["evidence"]
    res = runner.invoke(cli, ["path", "Turkey", "Putin", "--graph", g, "--k", "3"])
    assert res.exit_code == 0 and res.output.count("# path") == 3
    res = runner.invoke(cli, ["path", "Putn:crimea", "Turkey", "--graph", g])
    assert res.exit_code == 1 and "did you mean" in res.output


def test_cache_is_used_when_warm(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    first = load_projection_graph(built / "graph.trig")
    import kg.graphio

    def no_parse(*_a, **_k):  # type: ignore[no-untyped-def]
        raise AssertionError("warm load must not parse RDF")

    monkeypatch.setattr(kg.graphio, "load_graph", no_parse)
    second = load_projection_graph(built / "graph.trig")
    assert sorted(first.graph.nodes) == sorted(second.graph.nodes)


def test_projection_is_the_same_from_rdflib_and_the_store(built: Path) -> None:
    from kg.graphio import load_graph, load_view
    from kg.projection import project

    a, b = project(load_graph(built / "graph.trig")), project(load_view(built / "graph.trig"))  # type: ignore[arg-type]
    assert a.nodes == b.nodes and len(a.nodes) > 50
    assert sorted(a.edges, key=repr) == sorted(b.edges, key=repr)
    assert any(e.evidence for e in a.edges)
