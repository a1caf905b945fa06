"""Per-document fragments merge into the same files as serialising the whole dataset; split
SHACL validation finds what validating the whole graph finds."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kg.documents import Document, load_corpus
from kg.extract import Extraction, run_extractors
from kg.fragments import Fragment, make_fragment, write_graph_files
from kg.mapping import document_graph, merged_graph, ontology_graph, to_dataset, union_graph
from kg.namespaces import KG
from kg.nlp import prepare
from kg.output import nquads_from_trig, serialize_trig, serialize_turtle
from kg.pipeline import build
from kg.records import Evidence, PositionRecord, TalksRecord
from kg.validate import validate, validate_documents, validate_merged

ACTOR = "https://w3id.org/parley/id/actor/"


@pytest.fixture(scope="module")
def corpus(res, corpus_dir):  # type: ignore[no-untyped-def]
    docs = list(load_corpus([corpus_dir]))
    return docs, [run_extractors(prepare(d, res), res) for d in docs]


def _fragments(docs, extractions, res):  # type: ignore[no-untyped-def]
    parts = [make_fragment(d.doc_id, document_graph(d, ex, res)) for d, ex in zip(docs, extractions, strict=True)]
    return [*parts, make_fragment("", ontology_graph(res)), make_fragment("", merged_graph(docs, extractions, res))]


def _files(fragments: list[Fragment]) -> tuple[str, str, str, int]:
    """The TriG, Turtle and N-Quads texts merged from ``fragments``, and the number of triples."""
    trig, ttl, nq = io.StringIO(), io.StringIO(), io.StringIO()
    count = write_graph_files([(f.graph, lambda f=f: f) for f in fragments], trig, ttl, nq)  # type: ignore[misc]
    return trig.getvalue(), ttl.getvalue(), nq.getvalue(), count


def test_merged_fragments_equal_the_whole_dataset_serialised(corpus, res) -> None:  # type: ignore[no-untyped-def]
    docs, extractions = corpus
    ds = to_dataset(docs, extractions, res)
    trig, turtle, nquads, triples = _files(_fragments(docs, extractions, res))
    assert trig == serialize_trig(ds)
    union = union_graph(ds)
    assert turtle == serialize_turtle(union)
    assert triples == len(union)
    assert nquads == nquads_from_trig(trig)


def test_fragments_merge_in_any_order_and_through_spilled_runs(corpus, res, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    docs, extractions = corpus
    parts = _fragments(docs, extractions, res)
    whole = _files(parts)
    monkeypatch.setattr("kg.fragments.RUN_SIZE", 50)  # many small runs merged back
    assert _files(parts[::-1]) == whole


def test_no_graphs_make_files_with_only_prefixes() -> None:
    trig, turtle, nquads, count = _files([])
    assert trig == turtle and trig.startswith("@prefix") and trig.endswith(" .\n") and nquads == "" and count == 0


def test_a_fact_stated_by_two_documents_is_written_once_with_both_evidences(res) -> None:  # type: ignore[no-untyped-def]
    docs, exs = [], []
    for i in (1, 2):
        body = "Hungary demands a ceasefire."
        doc = Document(f"d{i}", body, title="T", published=dt.date(2023, 1, i))
        ev = Evidence(doc.doc_id, 0, len(body), body, "position.demand.subject", None)
        docs.append(doc)
        exs.append(Extraction(doc.doc_id, positions=[PositionRecord(ACTOR + "hungary", "Demand", "ceasefire",
                                                                      "a ceasefire", ev)]))
    _trig, turtle, _nq, _count = _files(_fragments(docs, exs, res))
    g = Graph().parse(data=turtle, format="turtle")
    node = URIRef("https://w3id.org/parley/id/position/hungary/demands/ceasefire")
    assert len(set(g.objects(node, KG.evidence))) == 2
    assert len(set(g.objects(node, KG.holder))) == 1


def test_split_validation_accepts_the_corpus(corpus, res) -> None:  # type: ignore[no-untyped-def]
    docs, extractions = corpus
    graphs = [document_graph(d, ex, res) for d, ex in zip(docs, extractions, strict=True)]
    assert validate_documents(ontology_graph(res), graphs).conforms
    assert validate_merged(merged_graph(docs, extractions, res)).conforms
    assert validate(union_graph(to_dataset(docs, extractions, res))).conforms


def test_a_broken_document_graph_is_found(corpus, res) -> None:  # type: ignore[no-untyped-def]
    docs, extractions = corpus
    g = document_graph(docs[0], extractions[0], res)
    evidence = next(g.subjects(RDF.type, KG.Evidence))
    g.remove((evidence, KG.quote, None))
    report = validate_documents(ontology_graph(res), [g])
    assert not report.conforms and "quote" in report.text


def test_the_merged_graph_alone_is_checked_for_what_it_says(corpus, res) -> None:  # type: ignore[no-untyped-def]
    docs, extractions = corpus
    merged = merged_graph(docs, extractions, res)
    position = next(merged.subjects(KG.sourceCount, None))
    merged.add((position, KG.date, Literal("2022-01-01", datatype=XSD.date)))  # now two dates
    report = validate_merged(merged)
    assert not report.conforms and "date" in report.text
    # a talks event needs exactly one label: two are found in the merged graph
    merged = merged_graph(docs, extractions, res)
    talks = next(merged.subjects(RDFS.label, None))
    merged.add((talks, RDFS.label, Literal("another", lang="en")))
    assert not validate_merged(merged).conforms


def test_a_talks_event_is_valid_in_its_document_before_it_gets_its_label(res) -> None:  # type: ignore[no-untyped-def]
    body = "Austria and Hungary held talks in Vienna on Monday."
    doc = Document("d", body, title="T", published=dt.date(2024, 5, 8))
    ev = Evidence("d", 0, len(body), body, "talks.test", dt.date(2024, 5, 6))
    talks = TalksRecord(doc_id="d", local_id=0, format="meeting", status="Held", date=dt.date(2024, 5, 6),
                        evidence=[ev], participants={ACTOR + "hungary": ev})
    g = document_graph(doc, Extraction("d", talks=[talks]), res)
    assert validate_documents(ontology_graph(res), [g]).conforms


def _build(src: Path, out: Path, **kw) -> list[str]:  # type: ignore[no-untyped-def]
    said: list[str] = []
    build([src], out, progress=said.append, workers=1, **kw)
    return said


def test_a_rebuild_maps_only_the_changed_document(tmp_path: Path, corpus_dir: Path, cache: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    names = sorted(p.name for p in corpus_dir.glob("*.txt"))[:3]
    for name in names:
        (src / name).write_bytes((corpus_dir / name).read_bytes())
    said = _build(src, tmp_path / "a")
    assert "mapped 3 documents (0 from the cache)" in said
    said = _build(src, tmp_path / "a")
    assert not any(line.startswith("mapped") for line in said)  # nothing new to map
    (src / names[0]).write_text((corpus_dir / names[0]).read_text(encoding="utf-8") + "\nRussia demands neutrality.\n",
                                encoding="utf-8")
    said = _build(src, tmp_path / "a")
    assert "mapped 1 documents (2 from the cache)" in said
    _build(src, tmp_path / "b", use_cache=False)
    for name in ("graph.trig", "graph.ttl", "graph.nq", "graph.html", "build.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_a_fragment_cached_without_validation_is_validated_when_asked(tmp_path: Path, corpus_dir: Path,
                                                                      cache: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    name = sorted(p.name for p in corpus_dir.glob("*.txt"))[0]
    (src / name).write_bytes((corpus_dir / name).read_bytes())
    assert "mapped 1 documents (0 from the cache)" in _build(src, tmp_path / "a", validate_shapes=False)
    assert "mapped 1 documents (0 from the cache)" in _build(src, tmp_path / "a")
    assert not any(line.startswith("mapped") for line in _build(src, tmp_path / "a"))
