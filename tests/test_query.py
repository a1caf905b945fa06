"""kg query: bundled questions on the shipped corpus, parameters, read-only, errors."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import QueryError
from kg.query import bundled_queries, check_read_only, load_query_text, run_on_file, table


def q(graph: Path, name: str, *params: str):  # type: ignore[no-untyped-def]
    _n, text = load_query_text(name)
    result, _g = run_on_file(graph / "graph.trig", text, list(params))
    return [[str(c).rsplit("/", 1)[-1].rsplit("#", 1)[-1] if c is not None else None for c in row] for row in result.rows]


def test_every_bundled_query_runs_and_has_a_description(built: Path) -> None:
    queries = bundled_queries()
    assert len(queries) >= 10
    for name, bq in queries.items():
        assert bq.description, name
        q(built, name)


def test_who_demands_what(built: Path) -> None:
    rows = q(built, "who-demands-what")
    assert ["vladimir-putin", "Demand", "crimea"] in [r[:3] for r in rows]
    assert ["ukraine", "Demand", "troop-withdrawal"] in [r[:3] for r in rows]
    sources = {tuple(r[:3]): r[5] for r in rows}
    assert sources[("ukraine", "Demand", "troop-withdrawal")] == "2"  # stated in s000 and s002


def test_positions_of_an_actor_include_its_spokespeople(built: Path) -> None:
    holders = {r[0] for r in q(built, "positions-of-actor", "actor=Russia")}
    assert {"russia", "vladimir-putin", "dmitry-peskov", "sergey-lavrov"} <= holders
    assert "ukraine" not in holders


def test_positions_on_an_issue_group(built: Path) -> None:
    issues = {r[0] for r in q(built, "positions-on-issue", "issue=territory")}
    assert {"Crimea", "Donbas", "annexed regions"} <= issues
    assert "ceasefire" not in issues


def test_talks_rows(built: Path) -> None:
    rows = {(r[1], r[2]): r for r in q(built, "talks") if r[1]}
    assert rows[("2022-03-10", "meeting")][3] == "Belek" and rows[("2022-03-10", "meeting")][5] == "Turkey"
    assert "humanitarian-corridors" in rows[("2022-03-03", "negotiation round")][7]
    assert "Emmanuel Macron" in rows[("2022-03-03", "phone call")][4]
    assert rows[("2025-02-18", "meeting")][3] == "Riyadh"


def test_mediators(built: Path) -> None:
    assert [r[:2] for r in q(built, "mediators")] == [["turkey", "mediates"]]


def test_evidence_of_an_actor_on_an_issue(built: Path) -> None:
    rows = q(built, "evidence", "actor=Russia", "issue=crimea")
    assert rows and all("Crimea" in r[2] for r in rows)


def test_params_are_bound_not_pasted(built: Path) -> None:
    # a hostile value is only a literal that matches nothing
    rows = q(built, "positions-of-actor", 'actor=x" } ?s ?p ?o { "')
    assert rows == []


PARAM_CASES = [
    ("actor=Russia", "https://w3id.org/parley/id/actor/russia"),  # a label
    ("actor=russia", "https://w3id.org/parley/id/actor/russia"),  # any case
    ("issue=crimea", "https://w3id.org/parley/id/issue/crimea"),  # a notation
    ("actor=<https://example.org/x>", "https://example.org/x"),  # an IRI, not looked up
    ("actor=kg:Nothing", "https://w3id.org/parley/ontology#Nothing"),  # a prefixed name
    ("n=7", "7"),  # an integer literal
    ("actor=Atlantis", "Atlantis"),  # no such label: stays a literal
]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize(("param", "expected"), PARAM_CASES)
def test_param_values_resolve_to_terms(built: Path, engine: str, param: str, expected: str) -> None:
    name = param.split("=")[0]
    result, _g = run_on_file(built / "graph.trig", f"SELECT ?{name} WHERE {{ }}", [param], engine=engine)
    assert [str(c) for c in result.rows[0]] == [expected]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_ambiguous_label_lists_the_resources(tmp_path: Path, engine: str) -> None:
    g = tmp_path / "g.ttl"
    g.write_text('<http://x/a> <http://www.w3.org/2000/01/rdf-schema#label> "Twin" .\n'
                 '<http://x/b> <http://www.w3.org/2004/02/skos/core#altLabel> "twin" .\n', encoding="utf-8")
    with pytest.raises(QueryError, match=r"'Twin' names 2 resources: <http://x/a>, <http://x/b>; pass an IRI"):
        run_on_file(g, "SELECT ?thing WHERE { }", ["thing=Twin"], engine=engine)


def test_update_and_service_are_refused() -> None:
    with pytest.raises(QueryError, match="read-only"):
        check_read_only("INSERT DATA { <a:b> <a:c> <a:d> }")
    with pytest.raises(QueryError, match="read-only"):
        check_read_only("PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="--allow-service"):
        check_read_only("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    check_read_only("SELECT * WHERE { ?s kg:claim 'please INSERT here' }")  # a word in a string is fine


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("text", ["PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }",  # not at a line start
                                  "# a comment\nINSERT DATA { <a:b> <a:c> <a:d> }"])
def test_engines_refuse_updates(built: Path, engine: str, text: str) -> None:
    with pytest.raises(QueryError, match="read-only"):
        run_on_file(built / "graph.trig", text, engine=engine)
    result, _g = run_on_file(built / "graph.trig", "ASK { ?s ?p ?o }", engine=engine)
    assert result.boolean  # and nothing was deleted


def test_cli_formats_and_errors(built: Path) -> None:
    g = str(built / "graph.trig")
    runner = CliRunner()
    res = runner.invoke(cli, ["query", "mediators", "--graph", g])
    assert res.exit_code == 0 and "Turkey" in res.output  # labels, not IRIs
    res = runner.invoke(cli, ["query", "mediators", "--graph", g, "--format", "json"])
    assert '"head"' in res.output and '"bindings"' in res.output
    res = runner.invoke(cli, ["query", "ASK { ?t a kg:Talks }", "--graph", g])
    assert res.exit_code == 0 and res.output.strip() == "true"
    res = runner.invoke(cli, ["query", "ASK { ?t a kg:Nothing }", "--graph", g])
    assert res.exit_code == 3 and res.output.strip() == "false"
    res = runner.invoke(cli, ["query", "CONSTRUCT { ?t a kg:Talks } WHERE { ?t a kg:Talks }", "--graph", g])
    assert res.exit_code == 0 and "kg:Talks" in res.output
    res = runner.invoke(cli, ["query", "SELECT ?x WHERE { ?x a kg:Talks ", "--graph", g])
    assert res.exit_code == 1 and "line 1, column" in res.output
    res = runner.invoke(cli, ["query", "no-such-query", "--graph", g])
    assert res.exit_code == 1 and "kg query --list" in res.output
    res = runner.invoke(cli, ["query", "--list"])
    assert "talks" in res.output and "[params: actor]" in res.output


def test_graph_keyword_reaches_document_graphs(built: Path) -> None:
    _n, text = load_query_text("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?p a kg:Position } }")
    result, _g = run_on_file(built / "graph.trig", text)
    assert len(result.rows) == 5


def test_table_fits_width() -> None:
    out = table(["a", "b"], [["x" * 100, "y" * 100]], width=40)
    assert max(len(line) for line in out.splitlines()) <= 40


def test_conflicts_and_common_ground_rows(built: Path) -> None:
    conflicts = {(r[0], r[1], r[3], r[5]) for r in q(built, "conflicts")}
    assert ("crimea", "ukraine", "vladimir-putin", "territory-claims") in conflicts
    assert ("eu-membership", "viktor-orban", "volodymyr-zelensky", "polarity") in conflicts
    common = {(r[0], r[1], r[3]) for r in q(built, "common-ground")}
    assert ("humanitarian-corridors", "russia", "ukraine") in common
    # the same two positions never both agree and conflict
    agree = {(r[0], r[1], r[2], r[3], r[4]) for r in q(built, "common-ground")}
    assert not agree & {(c[0], c[1], c[2], c[3], c[4]) for c in q(built, "conflicts")}


def test_timeline_and_congruence_rows(built: Path) -> None:
    rows = [dict(zip(["date", "last", "holder", "stance", "issue", "claim", "sources", "reverses"], r, strict=True))
            for r in q(built, "timeline", "actor=Russia")]
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert all(r["last"] >= r["date"] for r in rows)
    by_issue: dict[str, str] = {}
    for r in rows:
        if r["stance"] == "Demand":
            by_issue.setdefault(r["issue"], r["date"])  # the first date of each demand
    assert by_issue["demilitarization"].startswith("2022") and by_issue["annexed-regions"].startswith("2023")
    # Russia rejected a leaders' meeting on 4 March 2022; Lavrov accepting one six days later reverses that
    lavrov = next(r for r in rows if r["holder"] == "sergey-lavrov" and r["issue"] == "leaders-meeting")
    assert lavrov["stance"] == "Acceptance" and lavrov["reverses"] == "rejection"
    assert not any(r["reverses"] for r in rows if r["date"] == "2022-03-04")  # nothing earlier to reverse
    pairs = {(r[0], r[1]): int(r[2]) for r in q(built, "congruence")}
    assert pairs[("russia", "ukraine")] >= 2  # both accept corridors and talks
