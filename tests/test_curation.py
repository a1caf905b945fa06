import datetime as dt

import pytest

from kg.curation import apply_curation, parse_curation
from kg.documents import Document
from kg.errors import OntologyError
from kg.extract import Extraction
from kg.records import Evidence, PositionRecord

RUSSIA = "https://w3id.org/parley/id/actor/russia"
BODY = "Russia demands neutrality. Moscow also wants a ceasefire."


def _setup():  # type: ignore[no-untyped-def]
    doc = Document("d1", BODY, published=dt.date(2022, 3, 1))
    ev = Evidence("d1", 0, 26, BODY[:26], "position.demand.subject")
    return [doc], [Extraction("d1", positions=[PositionRecord(RUSSIA, "Demand", "neutrality", "neutrality", ev)])]


def test_add_and_veto(res) -> None:  # type: ignore[no-untyped-def]
    rows = parse_curation(
        "action\tdoc\tholder\tstance\tissue\tquote\tnote\n"
        "veto\td1\tRussia\tdemands\tneutrality\tRussia demands neutrality.\twrong\n"
        "add\td1\tMoscow\tdemands\tceasefire\tMoscow also wants a ceasefire.\tmissed\n"
        "add\tother\tRussia\tdemands\tceasefire\tnot in this build\tskipped\n", res)
    docs, exs = _setup()
    assert apply_curation(rows, docs, exs) == 2
    (p,) = exs[0].positions
    assert (p.holder, p.issue, p.evidence.rule) == (RUSSIA, "ceasefire", "curation.add")
    assert BODY[p.evidence.start:p.evidence.end] == p.evidence.quote


@pytest.mark.parametrize(("row", "message"), [
    ("add\td1\tNobody\tdemands\tceasefire\tx", "unknown holder"),
    ("add\td1\tRussia\twishes\tceasefire\tx", "unknown stance"),
    ("add\td1\tRussia\tdemands\tpeace\tx", "unknown issue"),
    ("drop\td1\tRussia\tdemands\tceasefire\tx", "add or veto"),
    ("add\td1\tRussia\tdemands\tceasefire", "6 tab-separated"),
])
def test_bad_rows(res, row: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(OntologyError, match=message):
        parse_curation(row, res)


def test_quote_must_be_verbatim(res) -> None:  # type: ignore[no-untyped-def]
    rows = parse_curation("add\td1\tRussia\tdemands\tceasefire\tRussia wants a ceasefire.", res)
    docs, exs = _setup()
    with pytest.raises(OntologyError, match="not found verbatim"):
        apply_curation(rows, docs, exs)


def test_shipped_curation_applies_and_build_can_skip_it(built_graph, tmp_path, corpus_dir) -> None:  # type: ignore[no-untyped-def]
    from kg.graphio import load_graph
    from kg.namespaces import KG
    from kg.pipeline import build

    assert any(str(o) == "curation.add" for o in built_graph.objects(None, KG.extractor))
    build([corpus_dir], tmp_path, html=False, curation=False, validate_shapes=False)
    assert not any(str(o) == "curation.add" for o in load_graph(tmp_path / "graph.trig").objects(None, KG.extractor))
