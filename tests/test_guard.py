"""No query reaches outside the graph unless asked; bound values never change a query's structure."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import QueryError
from kg.guard import expand_escapes, guard, sparql_term
from kg.query import run_on_file, with_values

OUTBOUND = [  # (query with {url}, what the refusal says)
    ("SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", "SERVICE"),
    ("SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}", "SERVICE"),
    ("SELECT * WHERE {{ \\U00000053ervice <{url}> {{ ?s ?p ?o }} }}", "SERVICE"),
    ("select * where {{ ?a ?b ?c OPTIONAL {{ service silent <{url}> {{ ?s ?p ?o }} }} }}", "SERVICE"),
    ("SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}", "SERVICE"),
    ("SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}", "SERVICE"),
    ("SELECT * # comment }}\nWHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", "SERVICE"),
    # an escaped backslash that would end the string for one reader and not for another
    ('SELECT * WHERE {{ BIND("x\\u005C" AS ?a) SERVICE <{url}> {{ ?s ?p ?o }} }}', "SERVICE|syntax|escape"),
    ("SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}", "FROM"),
    ("SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", "FROM NAMED"),
    ("SELECT * \\u0046ROM <{url}> WHERE {{ ?s ?p ?o }}", "FROM"),
    ("ASK FROM <file:///etc/passwd> {{ ?s ?p ?o }}", "FROM"),
    ("LOAD <{url}>", "read-only"),
    ("\\u004cOAD <{url}>", "read-only"),
    ("CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", "SERVICE"),
]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize(("query", "says"), OUTBOUND)
def test_no_outbound_request(built: Path, listener: tuple[str, list[str]], engine: str, query: str, says: str) -> None:
    url, seen = listener
    with pytest.raises(QueryError, match=says):
        run_on_file(built / "graph.trig", query.format(url=url), engine=engine)
    assert seen == []


def test_the_listener_would_see_an_allowed_service(built: Path, listener: tuple[str, list[str]]) -> None:
    """The check above could fail: with --allow-service, rdflib does make the request."""
    url, seen = listener
    with pytest.raises(QueryError):
        run_on_file(built / "graph.trig", f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                    engine="rdflib", allow_service=True)
    assert seen


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_from_a_graph_of_the_dataset_is_fine(built: Path, engine: str) -> None:
    g = "https://w3id.org/parley/id/graph/doc/"
    first = run_on_file(built / "graph.trig", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g LIMIT 1",
                        engine="oxigraph")[0].rows[0][0]
    assert str(first).startswith(g)
    res, _ = run_on_file(built / "graph.trig", f"SELECT (COUNT(*) AS ?n) FROM <{first}> WHERE {{ ?s ?p ?o }}", engine=engine)
    assert int(res.rows[0][0]) > 0


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { ?s <urn:claim> 'SERVICE <http://x> and FROM <http://y>' }",  # words in a string
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x> { }",                       # in a comment
    "SELECT ?service WHERE { ?service ?from ?load }",                           # variable names
])
def test_words_that_are_not_clauses_pass(text: str) -> None:
    assert guard(text) == text


def test_the_engine_runs_the_expanded_text() -> None:
    assert guard("SELECT * WHERE { ?s ?p \"\\u00e9\" }") == 'SELECT * WHERE { ?s ?p "é" }'
    with pytest.raises(QueryError, match="not a character"):
        expand_escapes("\\uD800")
    with pytest.raises(QueryError, match="another escape"):
        expand_escapes("'\\u005Cu0053'")


# ---------------------------------------------------------------- the escaper


@pytest.mark.parametrize("value", ["x\n\\\"", "\\", '"', "a\"} SERVICE <http://x> { ?s ?p ?o } #", "\r\t\b\f", "\x00é日本"])
def test_hostile_literals_come_back_unchanged(value: str) -> None:
    assert _round_trip(Literal(value)) == Literal(value)


@pytest.mark.parametrize("value", ["x\\u0041", "\\U00000041"])
def test_values_that_an_expansion_would_change_are_refused(value: str) -> None:
    with pytest.raises(QueryError, match="\\\\u"):
        sparql_term(Literal(value))


@pytest.mark.parametrize("iri", ["http://x> } ; DROP ALL ; #", "http://x/a b", "http://x/\"", "http://x/{}", "http://x/\\u0041"])
def test_iris_that_break_the_grammar_are_refused(iri: str) -> None:
    with pytest.raises(QueryError, match="cannot be an IRI"):
        sparql_term(URIRef(iri))


def _round_trip(term: Literal | URIRef) -> object:
    """Bind ``term`` through a VALUES block, parse the query, and return what ?v is bound to."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    text = with_values("SELECT ?v WHERE { }", {"v": term})
    parsed = translateQuery(parseQuery(text)).algebra
    names = [n.name for n in _walk(parsed) if hasattr(n, "name")]
    assert "ServiceGraphPattern" not in names and names.count("values") + names.count("ToMultiSet") >= 1
    rows = list(Graph().query(text))
    assert len(rows) == 1
    return rows[0][0]


def _walk(node: object) -> list[object]:
    from kg.guard import _nodes

    return list(_nodes(node))


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40).filter(lambda s: "\\u" not in s and "\\U" not in s)


@settings(max_examples=300, deadline=None)
@given(value=_TEXT, lang=st.sampled_from([None, "en", "uk-UA"]))
def test_any_string_binds_as_itself(value: str, lang: str | None) -> None:
    term = Literal(value, lang=lang)
    assert _round_trip(term) == term


@settings(max_examples=200, deadline=None)
@given(value=_TEXT)
def test_any_string_binds_as_itself_on_oxigraph(value: str) -> None:
    import pyoxigraph as ox

    from kg.formats import from_oxigraph

    store = ox.Store()
    for term in (Literal(value), Literal(value, datatype=XSD.string)):
        rows = list(store.query(with_values("SELECT ?v WHERE { }", {"v": term})))
        assert len(rows) == 1 and from_oxigraph(rows[0][0]) == Literal(value)  # xsd:string is the plain literal


@settings(max_examples=200, deadline=None)
@given(tail=_TEXT)
def test_any_iri_binds_as_itself_or_is_refused(tail: str) -> None:
    iri = URIRef("http://example.org/" + tail)
    try:
        sparql_term(iri)
    except QueryError:
        return
    assert _round_trip(iri) == iri
