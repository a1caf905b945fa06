"""Actors the gazetteer lacks: a title or apposition introduces them, provisionally."""

import pytest

from kg.extract import run_extractors
from kg.iris import actor_iri

ID = "https://w3id.org/parley/id/actor/"

CASES = [
    # (text, expected provisional actor: (iri slug, label, side slug))
    ("Swiss President Viola Amherd said the summit would take place in June.", ("viola-amherd", "Viola Amherd", "switzerland")),
    ("Kenyan Foreign Minister Musalia Mudavadi called for a ceasefire.", ("musalia-mudavadi", "Musalia Mudavadi", "kenya")),
    ("Olena Petrenko, Ukraine's deputy energy minister, rejected the plan.", ("olena-petrenko", "Olena Petrenko", "ukraine")),
    ("Kremlin aide Pavel Zarubin told reporters the talks were over.", ("pavel-zarubin", "Pavel Zarubin", "russia")),
    # the envoy of a known person is on that person's side
    ("Archbishop Claudio Gugerotti, Pope Francis's envoy, met Zelensky in Kyiv.", ("claudio-gugerotti", "Claudio Gugerotti", "vatican")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_titled_names_become_provisional_actors(text: str, expected: tuple[str, str, str], doc_of) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of(text)
    slug, label, side = expected
    ent = doc.provisional[ID + slug]
    assert ent.label == label and ent.represents == ID + side and "Provisional" in ent.types


def test_untitled_and_known_names_are_not_provisional(doc_of) -> None:  # type: ignore[no-untyped-def]
    assert doc_of("Maria Gonzalez said the talks had failed.").provisional == {}  # no title: no side
    assert doc_of("Russian President Vladimir Putin spoke.").provisional == {}     # in the gazetteer


def test_a_later_surname_is_the_same_actor_and_holds_positions(doc_of, res) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("Kenyan Foreign Minister Musalia Mudavadi arrived in Kyiv on Monday. "
                 "Mudavadi called for an exchange of prisoners of war.")
    ex = run_extractors(doc, res)
    assert {(p.holder, p.issue) for p in ex.positions} == {(ID + "musalia-mudavadi", "prisoner-exchange")}
    mentions = [m for s in doc.sentences for m in s.mentions if m.via == "provisional"]
    assert [m.text for m in mentions] == ["Musalia Mudavadi", "Mudavadi"]


def test_positions_go_to_the_new_actor_not_a_neighbour(doc_of, res) -> None:  # type: ignore[no-untyped-def]
    doc = doc_of("Kenyan Foreign Minister Musalia Mudavadi, who met Zelensky in Kyiv, called for a ceasefire.")
    ex = run_extractors(doc, res)
    assert {(p.holder.removeprefix(ID), p.stance, p.issue) for p in ex.positions} == {("musalia-mudavadi", "Demand", "ceasefire")}
    assert [(a.iri, a.label, a.side) for a in ex.actors] == [(ID + "musalia-mudavadi", "Musalia Mudavadi", ID + "kenya")]


def test_iri_is_the_gazetteer_style_slug() -> None:
    assert actor_iri("Recep Tayyip Erdoğan") == ID + "recep-tayyip-erdogan"


def test_graph_marks_them_provisional(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rdflib import Graph, Literal, URIRef

    from kg.namespaces import KG
    from kg.pipeline import build

    (tmp_path / "a.txt").write_text("Published: 2024-05-02\n\nKenyan Foreign Minister Musalia Mudavadi called for a ceasefire.\n",
                                    encoding="utf-8")
    build([tmp_path / "a.txt"], tmp_path / "out", html=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    node = URIRef(ID + "musalia-mudavadi")
    assert (node, KG.provisional, Literal(True)) in g
    assert (node, KG.represents, URIRef(ID + "kenya")) in g


def test_bundled_query_lists_them_for_curation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kg.pipeline import build
    from kg.query import load_query_text, run_on_file

    (tmp_path / "a.txt").write_text("Published: 2024-05-02\n\nKenyan Foreign Minister Musalia Mudavadi called for a ceasefire. "
                                    "Mudavadi also backed an exchange of prisoners of war.\n", encoding="utf-8")
    build([tmp_path / "a.txt"], tmp_path / "out", html=False)
    _n, text = load_query_text("provisional-actors")
    result, _g = run_on_file(tmp_path / "out" / "graph.trig", text, [])
    rows = [[str(c) for c in row] for row in result.rows]
    assert [r[:4] for r in rows] == [[ID + "musalia-mudavadi", "Musalia Mudavadi", ID + "kenya", "2"]]


@pytest.mark.parametrize(("text", "place"), [
    ("Umerov met Witkoff in Hallandale Beach on Friday.", "hallandale-beach"),
    ("Erdogan held talks with Putin in Ashgabat on 4 September.", "ashgabat"),
])
def test_a_place_of_talks_the_gazetteer_lacks_becomes_a_provisional_place(text: str, place: str, doc_of, res) -> None:  # type: ignore[no-untyped-def]
    from kg.extract import run_extractors

    ex = run_extractors(doc_of(text), res)
    iri = "https://w3id.org/parley/id/place/" + place
    assert [t.places for t in ex.talks] == [[iri]]
    assert [(a.iri, a.kind) for a in ex.actors if a.kind == "Place"] == [(iri, "Place")]


@pytest.mark.parametrize("text", [
    "Erdogan held talks with Putin in Ankara on Friday.",   # a gazetteer place stays itself
    "Erdogan held talks with Putin in March.",              # a month is no place
    "Erdogan spoke about Sochi on Friday.",                 # not after a preposition of place
])
def test_known_places_and_non_places_are_not_provisional(text: str, doc_of, res) -> None:  # type: ignore[no-untyped-def]
    from kg.extract import run_extractors

    assert [a for a in run_extractors(doc_of(text), res).actors if a.kind == "Place"] == []


def test_bundled_query_lists_new_places_with_their_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kg.pipeline import build
    from kg.query import load_query_text, run_on_file

    (tmp_path / "a.txt").write_text("Published: 2024-05-02\n\nErdogan held talks with Putin in Ashgabat on 1 May.\n",
                                    encoding="utf-8")
    build([tmp_path / "a.txt"], tmp_path / "out", html=False)
    _n, text = load_query_text("provisional-actors")
    result, _g = run_on_file(tmp_path / "out" / "graph.trig", text, [])
    rows = [[str(c) for c in row] for row in result.rows]
    assert rows == [["https://w3id.org/parley/id/place/ashgabat", "Ashgabat", "None", "0",
                     "Erdogan held talks with Putin in Ashgabat on 1 May.", "Place"]]
